"""`make bench`: how fast presslens is on a real corpus, and how it grows with the corpus.

    python bench/run.py --corpus ../shared/corpora/bbc [--out bench/results.json]

Measures, on this machine:

1. words per second of each stage in one process — loading, terms, actors, themes;
2. `presslens export actors` on one core and on all cores, and with the Dask engine;
3. `presslens report` without article pages: first run, then a second run over the unchanged corpus;
4. scaling: the corpus replicated ×1, ×2, ×4 (doc_ids made unique by folder), `presslens export
   actors` on all cores — seconds and peak memory (summed over the command's processes).

Prints a table and writes the figures to ``bench/results.json``. Figures are ratios against a run
in the same command, so they compare across machines.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from presslens.actors import mentions_table
from presslens.corpus import load_corpus
from presslens.execution import default_jobs
from presslens.frequency import corpus_terms_table
from presslens.themes import match_themes, score_themes

HERE = Path(__file__).resolve().parent


#: How often the process tree's memory is read: each reading walks /proc for every process of the tree,
#: so reading it 20 times a second took a seventh of one core from the command being measured.
POLL_SECONDS = 0.25


def measure_command(arguments: list[str], *, environment: dict[str, str] | None = None) -> tuple[float, float]:
    """Run a presslens command (in ``environment``, default this one's); return (seconds, peak memory in MB
    over the process and its children)."""
    started = time.perf_counter()
    process = psutil.Popen([sys.executable, "-m", "presslens.cli", *arguments], env=environment,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(POLL_SECONDS)
    if process.returncode not in (0, 1):
        raise RuntimeError(f"presslens {' '.join(arguments)} exited with {process.returncode}")
    return time.perf_counter() - started, peak / 2**20


def stage_speeds(corpus_path: Path) -> dict:
    """Seconds and words per second of each stage, in this process."""
    timings = {}
    started = time.perf_counter()
    corpus = load_corpus(corpus_path, progress=False)
    timings["load"] = time.perf_counter() - started
    words = sum(article.n_words for article in corpus)
    for name, stage in (("terms", corpus_terms_table), ("actors", mentions_table),
                        ("themes", lambda c: score_themes(c, match_themes(c)))):
        begun = time.perf_counter()
        stage(corpus)
        timings[name] = time.perf_counter() - begun
    return {"words": words, "seconds": timings, "words_per_second": {k: words / v for k, v in timings.items()}}


def replicate(corpus_path: Path, times: int, target: Path) -> Path:
    """``times`` copies of the corpus side by side (copy0/, copy1/, …): unique doc_ids, same text."""
    for copy in range(times):
        shutil.copytree(corpus_path, target / f"copy{copy}")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="../shared/corpora/bbc")
    parser.add_argument("--out", default=str(HERE / "results.json"))
    args = parser.parse_args()
    corpus = Path(args.corpus).resolve()
    cores = default_jobs()
    results = {"corpus": str(corpus), "cores": cores, "stages": stage_speeds(corpus)}
    words = results["stages"]["words"]

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        out_csv = str(folder / "actors.csv")
        one, _ = measure_command(["export", "actors", "--corpus", str(corpus), "--out", out_csv, "--jobs", "1"])
        many, _ = measure_command(["export", "actors", "--corpus", str(corpus), "--out", out_csv])
        dask, _ = measure_command(["export", "actors", "--corpus", str(corpus), "--out", out_csv, "--engine", "dask"])
        results["export_actors"] = {"seconds_1_core": one, "seconds_all_cores": many, "seconds_dask": dask,
                                    "words_per_second": words / many, "speedup": one / many}

        first, first_memory = measure_command(["report", "--corpus", str(corpus), "--out", str(folder / "report"), "--max-articles", "0"])
        second, _ = measure_command(["report", "--corpus", str(corpus), "--out", str(folder / "report"), "--max-articles", "0"])
        results["report"] = {"first_seconds": first, "second_seconds": second, "second_over_first": second / first,
                             "peak_memory_mb": first_memory}

        scaling = []
        for times in (1, 2, 4):
            copies = replicate(corpus, times, folder / f"x{times}")
            seconds, memory = measure_command(["export", "actors", "--corpus", str(copies), "--out", out_csv])
            scaling.append({"times": times, "words": words * times, "seconds": seconds, "peak_memory_mb": memory})
            shutil.rmtree(copies)
        results["scaling"] = scaling
        results["scaling_x4_over_4x1"] = scaling[-1]["seconds"] / (4 * scaling[0]["seconds"])

    Path(args.out).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    _print(results)


def _print(results: dict) -> None:
    stages = results["stages"]
    print(f"corpus: {results['corpus']}  ({stages['words']:,} words, {results['cores']} cores)\n")
    print(f"{'stage (1 process)':<34}{'seconds':>10}{'words/s':>14}")
    for name, seconds in stages["seconds"].items():
        print(f"{name:<34}{seconds:>10.1f}{stages['words_per_second'][name]:>14,.0f}")
    actors = results["export_actors"]
    print(f"\n{'presslens export actors':<34}{'seconds':>10}{'words/s':>14}")
    for label, key in (("1 core", "seconds_1_core"), ("all cores", "seconds_all_cores"), ("dask (local cluster)", "seconds_dask")):
        print(f"{label:<34}{actors[key]:>10.1f}{stages['words'] / actors[key]:>14,.0f}")
    print(f"speed-up on all cores: ×{actors['speedup']:.2f}")
    report = results["report"]
    print(f"\npresslens report (no article pages): first {report['first_seconds']:.1f} s, "
          f"second {report['second_seconds']:.1f} s (= {report['second_over_first']:.2f} of the first), "
          f"peak memory {report['peak_memory_mb']:,.0f} MB")
    print(f"\n{'scaling: export actors':<34}{'seconds':>10}{'peak MB':>14}")
    for row in results["scaling"]:
        print(f"{'×' + str(row['times']) + ' (' + format(row['words'], ',') + ' words)':<34}{row['seconds']:>10.1f}{row['peak_memory_mb']:>14,.0f}")
    print(f"×4 time / (4 × ×1 time) = {results['scaling_x4_over_4x1']:.2f}")


if __name__ == "__main__":
    main()
