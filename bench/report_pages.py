"""Reports that travel: the size of a report folder with a page for every article, and how fast pages come.

    NLTK_DATA=../shared/nltk_data .venv/bin/python bench/report_pages.py [--corpus DIR] [--n 173]

1. ``presslens report`` on the first ``--n`` articles of ``--corpus`` (natural order) with every article
   page: the whole output without the cache (MB), the largest page and executed notebook (MB), the
   seconds per article page (the batch apart from the notebooks), and the notebooks' seconds;
2. the sample report (``seeds/``) run again from scratch with ``--rerun``: seconds.

Writes ``bench/report_pages.json``; exits 1 when a target is missed (≤ 60 MB, no page or notebook over
1.5 MB, ≤ 0.5 s per article page, sample report < 25 s).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from presslens.corpus.model import natural_key
from presslens.execution import default_jobs

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
TARGETS = {"total_mb": 60, "largest_mb": 1.5, "seconds_per_article_page": 0.5, "sample_seconds": 25}


def report(corpus: Path, out: Path, *extra: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "presslens.cli", "report", "--corpus", str(corpus), "--out", str(out), *extra],
                   check=True, capture_output=True)
    return time.perf_counter() - started


def folder_mb(folder: Path, *, without: str) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and without not in p.relative_to(folder).parts) / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpora" / "bbc")
    parser.add_argument("--n", type=int, default=173)
    parser.add_argument("--out", type=Path, default=HERE / "report_pages.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        files = sorted((p for p in args.corpus.rglob("*.txt") if p.name[0].isdigit()),
                       key=lambda p: natural_key(p.relative_to(args.corpus).as_posix()))[:args.n]
        for file in files:
            target = corpus / file.relative_to(args.corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, target)
        out = Path(folder) / "report"
        seconds = report(corpus, out)
        record = json.loads((out / "run.json").read_text())
        pages = [p for p in out.rglob("*") if p.suffix in (".html", ".ipynb")]
        largest = max(pages, key=lambda p: p.stat().st_size)
        written = [page for page in record["articles"] if not page["reused"]]
        results = {
            "machine": {"cores": default_jobs(), "python": platform.python_version(), "load_average": os.getloadavg()},
            "articles": len(record["articles"]), "report_seconds": seconds,
            "total_mb_without_cache": folder_mb(out, without="cache"),
            "largest_file": largest.relative_to(out).as_posix(), "largest_mb": largest.stat().st_size / 2**20,
            "seconds_per_article_page": sum(page["seconds"] for page in written) / max(len(written), 1),
            "notebook_seconds": {run["name"]: run["seconds"] for run in record["notebooks"]},
        }
        sample_out = Path(folder) / "sample"
        report(HERE.parent / "seeds", sample_out)
        results["sample_rerun_seconds"] = report(HERE.parent / "seeds", sample_out, "--rerun")
    print(f"machine: {results['machine']['cores']} cores, load average {results['machine']['load_average'][0]:.1f}")
    print(f"{results['articles']} articles, every one with a page: report in {results['report_seconds']:.0f} s")
    print(f"  output without cache {results['total_mb_without_cache']:.1f} MB (target ≤ {TARGETS['total_mb']}); "
          f"largest {results['largest_file']} {results['largest_mb']:.2f} MB (≤ {TARGETS['largest_mb']})")
    print(f"  article pages {results['seconds_per_article_page']:.2f} s each (≤ {TARGETS['seconds_per_article_page']})")
    print(f"sample report with --rerun: {results['sample_rerun_seconds']:.1f} s (< {TARGETS['sample_seconds']})")
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    missed = [results["total_mb_without_cache"] > TARGETS["total_mb"], results["largest_mb"] > TARGETS["largest_mb"],
              results["seconds_per_article_page"] > TARGETS["seconds_per_article_page"],
              results["sample_rerun_seconds"] >= TARGETS["sample_seconds"]]
    return 1 if any(missed) else 0


if __name__ == "__main__":
    sys.exit(main())
