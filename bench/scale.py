"""Scale: ``presslens report --max-articles 0`` on a corpus replicated ×10 and ×45, time and memory.

    python bench/scale.py [--corpus ../shared/corpora/bbc] [--times 10 45] [--work /tmp/presslens-scale] [--keep]

For each factor the corpus is copied side by side (copy0/, copy1/, …: unique doc_ids, the same text)
under ``--work``, the report runs on it, and the wall time and the peak resident memory of the whole
process tree (the command, its workers and the notebook kernels) are measured; then the growth from
the first factor to the last is set against linear growth. Writes ``bench/scale.json``. ``--keep``
keeps each factor's report (``--work``/reportN) to be looked at.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
from pathlib import Path

from run import measure_command, replicate

from presslens.execution import default_jobs

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(HERE.parents[1] / "shared" / "corpora" / "bbc"))
    parser.add_argument("--times", type=int, nargs="+", default=[10, 45])
    parser.add_argument("--work", default="/tmp/presslens-scale")
    parser.add_argument("--out", default=str(HERE / "scale.json"))
    parser.add_argument("--keep", action="store_true", help="keep the reports (not the corpus copies) under --work")
    args = parser.parse_args()
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    runs = []
    for times in args.times:
        corpus = replicate(Path(args.corpus), times, work / f"x{times}")
        articles = sum(1 for path in corpus.rglob("*.txt") if path.name.lower() not in {"readme.txt", "source.txt"})
        out = work / f"report{times}"
        seconds, memory = measure_command(["report", "--corpus", str(corpus), "--out", str(out), "--max-articles", "0"])
        record = json.loads((out / "run.json").read_text(encoding="utf-8"))
        notebooks = {run["name"]: round(run["seconds"], 1) for run in record["notebooks"]}
        runs.append({"times": times, "articles": articles, "seconds": seconds, "peak_memory_mb": memory,
                     "notebook_seconds": notebooks})
        print(f"×{times:<3} {articles:>8,} articles  {seconds:8.1f} s  peak {memory:8,.0f} MB  notebooks: "
              + ", ".join(f"{name[:2]} {value:.0f} s" for name, value in notebooks.items()), flush=True)
        shutil.rmtree(work / f"x{times}" if args.keep else work, ignore_errors=True)
    first, last = runs[0], runs[-1]
    growth = {"time_ratio": last["seconds"] / first["seconds"], "linear_ratio": last["times"] / first["times"],
              "memory_ratio": last["peak_memory_mb"] / first["peak_memory_mb"]}
    growth["time_over_linear"] = growth["time_ratio"] / growth["linear_ratio"]
    results = {"machine": {"cores": default_jobs(), "python": platform.python_version(), "load_average": os.getloadavg()},
               "corpus": args.corpus, "runs": runs, "growth": growth}
    Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"time ×{growth['time_ratio']:.2f} for ×{growth['linear_ratio']:.1f} the articles "
          f"({growth['time_over_linear']:.2f} of linear); memory ×{growth['memory_ratio']:.2f}")


if __name__ == "__main__":
    main()
