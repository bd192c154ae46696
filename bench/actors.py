"""Speed of `presslens export actors` on a corpus, on one core and on all cores.

    python bench/actors.py --corpus ../shared/corpora/bbc

Runs the real command twice in fresh processes (loading, extraction and writing included): with
``--jobs 1`` and with all cores. Prints words, seconds and words per second for each, and the speed-up.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from presslens.corpus import load_corpus
from presslens.engine import default_jobs


def measure_export(corpus: Path, *extra: str) -> float:
    """Seconds taken by one `presslens export actors` run on ``corpus``."""
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "presslens.cli", "export", "actors", "--corpus", str(corpus),
             "--out", str(Path(folder) / "actors.csv"), *extra],
            check=True, capture_output=True,
        )
        return time.perf_counter() - started


def run(corpus: Path) -> dict:
    """Measure both runs; return the figures."""
    words = sum(article.n_words for article in load_corpus(corpus))
    serial = measure_export(corpus, "--jobs", "1")
    parallel = measure_export(corpus, "--jobs", str(default_jobs()))
    return {"words": words, "seconds_1_core": serial, "seconds_all_cores": parallel, "cores": default_jobs(),
            "words_per_second": words / parallel, "speedup": serial / parallel}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="../shared/corpora/bbc")
    figures = run(Path(parser.parse_args().corpus))
    print(f"export actors, 1 core:    {figures['words']:,} words in {figures['seconds_1_core']:.1f} s "
          f"= {figures['words'] / figures['seconds_1_core']:,.0f} words/s")
    print(f"export actors, {figures['cores']} cores:  {figures['words']:,} words in {figures['seconds_all_cores']:.1f} s "
          f"= {figures['words_per_second']:,.0f} words/s  (speed-up ×{figures['speedup']:.2f})")


if __name__ == "__main__":
    main()
