"""``presslens report`` on a replicated corpus with this code and with an earlier revision, in one run.

    python bench/report_against.py --against REV [--corpus ../shared/corpora/bbc] [--times 10] [--rounds 1]
                                  [--notebooks-like-against]

The earlier revision is checked out in a temporary git worktree and run with its own library
(``PYTHONPATH``), on the same copy of the corpus, in turn with this code (``--rounds`` pairs): the
ratio of the two times is read on one machine in one stretch of time. ``--notebooks-like-against``
runs this code on the notebooks the earlier revision has, so that a notebook added since is not
counted in the comparison (its own time is in ``run.json``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import psutil

from run import measure_command, replicate

ROOT = Path(__file__).resolve().parents[1]


def timed_report(library: Path, corpus: Path, out: Path, notebooks: Path) -> tuple[float, float, dict]:
    """Seconds, peak memory (MB, the whole process tree) and each notebook's seconds of one report."""
    seconds, memory = measure_command(["report", "--corpus", str(corpus), "--out", str(out), "--max-articles", "0",
                                       "--notebooks", str(notebooks)], environment={**os.environ, "PYTHONPATH": str(library)})
    record = json.loads((out / "run.json").read_text("utf-8"))
    return seconds, memory, {run["name"]: round(run["seconds"], 1) for run in record["notebooks"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", required=True, help="git revision to compare with")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "bbc"))
    parser.add_argument("--times", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--notebooks-like-against", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="presslens-against-") as work:
        work = Path(work)
        corpus = replicate(Path(args.corpus), args.times, work / "corpus")
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(work / "earlier"), args.against],
                       check=True, capture_output=True)
        try:
            notebooks = ROOT / "notebooks"
            if args.notebooks_like_against:
                notebooks = work / "notebooks"
                notebooks.mkdir()
                for path in (work / "earlier" / "notebooks").glob("[0-9][0-9]_*.ipynb"):
                    shutil.copy(ROOT / "notebooks" / path.name, notebooks / path.name)
            for number in range(args.rounds):
                for name, library, books in (("earlier", work / "earlier" / "lib", work / "earlier" / "notebooks"),
                                             ("this code", ROOT / "lib", notebooks)):
                    out = work / f"report-{number}-{name.replace(' ', '-')}"
                    seconds, memory, per_notebook = timed_report(library, corpus, out, books)
                    print(f"{name:<10} {seconds:7.1f} s  peak {memory:6,.0f} MB  "
                          + ", ".join(f"{key[:2]} {value:.0f}" for key, value in per_notebook.items()), flush=True)
                    shutil.rmtree(out, ignore_errors=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(work / "earlier")], check=True)
    print(f"(×{args.times} of {args.corpus}; {psutil.cpu_count()} cores, load {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
