"""Speed of `presslens export actors` on a corpus: words per second, as the command runs it.

    python bench/actors.py --corpus ../shared/corpora/bbc

Runs the real command (a fresh process: loading, extraction and writing included) and prints the
words, seconds and words per second.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from presslens.corpus import load_corpus


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="../shared/corpora/bbc")
    args = parser.parse_args()
    words = sum(article.n_words for article in load_corpus(args.corpus))
    seconds = measure_export(Path(args.corpus))
    print(f"export actors: {words:,} words in {seconds:.1f} s = {words / seconds:,.0f} words/s")


if __name__ == "__main__":
    main()
