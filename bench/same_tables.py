"""Same tables: every table of ``tests/sample_tables.py`` on a sample of a real corpus, computed by this
code and by an earlier revision, compared cell by cell.

    python bench/same_tables.py --against REV [--corpus ../shared/corpora/bbc] [--per-folder 60]

The sample is the first ``--per-folder`` files of each folder of the corpus. The earlier revision is
checked out in a temporary git worktree; each version runs in its own process. Exits 1 when a table
differs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))
from sample_tables import normalised  # noqa: E402


def sample(corpus: Path, per_folder: int, target: Path) -> Path:
    """The first ``per_folder`` files of each folder of ``corpus``, copied under ``target``."""
    for folder in sorted({path.parent for path in corpus.rglob("*") if path.is_file()}):
        files = sorted(path for path in folder.iterdir() if path.is_file())[:per_folder]
        for path in files:
            copy = target / path.relative_to(corpus)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, copy)
    return target


def tables(library: Path, corpus: Path, out: Path) -> dict[str, pd.DataFrame]:
    """The tables computed by the presslens under ``library``."""
    environment = {**os.environ, "PYTHONPATH": str(library)}
    done = subprocess.run([sys.executable, str(ROOT / "tests" / "sample_tables.py"), str(corpus), str(out)],
                          env=environment, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"the tables of {library} could not be computed:\n{done.stderr[-3000:]}")
    return {path.name.removesuffix(".csv.gz"): pd.read_csv(path, keep_default_na=False) for path in sorted(out.glob("*.csv.gz"))}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", required=True, help="git revision to compare with")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpora" / "bbc"))
    parser.add_argument("--per-folder", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="presslens-same-") as work:
        work = Path(work)
        corpus = sample(Path(args.corpus), args.per_folder, work / "corpus")
        articles = sum(1 for path in corpus.rglob("*") if path.is_file())
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(work / "earlier"), args.against],
                       check=True, capture_output=True)
        try:
            earlier = tables(work / "earlier" / "lib", corpus, work / "earlier-tables")
            now = tables(ROOT / "lib", corpus, work / "now-tables")
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(work / "earlier")], check=True)
    print(f"{articles} articles of {args.corpus}; this code against {args.against}")
    different = 0
    for name in sorted(set(earlier) | set(now)):
        if name not in earlier or name not in now:
            print(f"  {name:<28} only in {'this code' if name in now else args.against}")
            continue
        try:
            pd.testing.assert_frame_equal(normalised(now[name]), normalised(earlier[name]), check_dtype=False, rtol=1e-9)
            print(f"  {name:<28} same ({len(now[name]):,} rows)")
        except AssertionError as difference:
            different += 1
            print(f"  {name:<28} DIFFERENT: {str(difference).splitlines()[0]}")
    return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
