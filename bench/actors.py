"""Actors: the cast against hand-made gold, and the speed of `presslens export actors`, beside spaCy.

    NLTK_DATA=../shared/nltk_data .venv/bin/python bench/actors.py [--spacy-python PYTHON] [--spacy-model NAME]
        [--spacy-speed-only]

1. **Quality.** ``presslens export actors`` on the sample corpus and on the development set
   (``../shared/eval/dev``), scored by the project's scorer (``../shared/eval/score_actors.py``):
   precision, recall, F1 and the people found as people. spaCy's entities on the same articles are
   scored beside them, where a Python with spaCy and a model is given (spaCy is not a dependency).
   The development articles and the CoNLL-2003 validation documents (``../shared/eval/conll_valid``,
   ``presslens export mentions`` scored by its ``score_conll.py``) are also scored on each half of
   :func:`presslens.actors.held_out.split_documents`: the half rules are written from and the half
   only measured on.
2. **Speed.** Words per second on ``../shared/corpora/bbc/tech``, one core: the actor pass as spaCy's NER is
   timed (after start-up and model loading; reading the files and cleaning them counted for presslens
   only), against spaCy's NER alone on the same texts in the same command; and, beside it, the whole
   ``presslens export actors`` command in a fresh process (start-up and writing included), on one and
   on all cores. Where ``en_core_web_sm`` cannot be downloaded, ``bench/spacy_sm_like.py`` builds a
   pipeline of its NER architecture (untrained: its speed, not its output, is the model's).

Writes ``bench/actors.json``; exits 1 when a target is missed (dev F1 ≥ 0.93, samples ≥ 0.95, people
typed people ≥ 95%, the actor pass ≥ 3× spaCy's NER words per second; the whole command's ratio is
reported beside it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from presslens.actors import mentions_table
from presslens.actors.held_out import split_documents
from presslens.corpus import load_corpus
from presslens.execution import default_jobs

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
SCORER = SHARED / "eval" / "score_actors.py"
SETS = {"samples": (HERE.parent / "seeds", SHARED / "eval" / "seeds_actors_gold.json"),
        "dev": (SHARED / "eval" / "dev" / "texts", SHARED / "eval" / "dev" / "dev_actors_gold.json")}
CONLL = SHARED / "eval" / "conll_valid"
TARGETS = {"samples": 0.95, "dev": 0.93, "people": 0.95, "speed_ratio": 3.0}


def presslens(*arguments: str) -> float:
    """Seconds of one ``presslens`` command in a fresh process."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "presslens.cli", *arguments], check=True, capture_output=True)
    return time.perf_counter() - started


def score(actors_csv: Path, gold: Path) -> dict:
    report = subprocess.run([sys.executable, str(SCORER), str(actors_csv), "--gold", str(gold)],
                            capture_output=True, text=True, check=True).stdout
    precision, recall, f1 = (float(x) for x in re.search(r"precision=([\d.]+) recall=([\d.]+) F1=([\d.]+)", report).groups())
    found, people = (int(x) for x in re.search(r"recall person\s+(\d+)/(\d+)", report).groups())
    return {"precision": precision, "recall": recall, "f1": f1, "people_found_as_people": found / people}


def halves(gold_path: Path, folder: Path, *, nested: bool) -> dict[str, Path]:
    """Gold files of the two halves of a gold file's documents: ``written_from`` and ``held_out``."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    documents = gold["articles"] if nested else gold
    paths = {}
    for name, half in zip(("written_from", "held_out"), split_documents(documents)):
        kept = {doc: documents[doc] for doc in half}
        paths[name] = folder / f"{gold_path.stem}_{name}.json"
        paths[name].write_text(json.dumps({**gold, "articles": kept} if nested else kept), encoding="utf-8")
    return paths


def conll_f1(mentions_csv: Path, gold: Path) -> float:
    report = subprocess.run([sys.executable, str(CONLL / "score_conll.py"), str(mentions_csv), str(gold)],
                            capture_output=True, text=True, check=True).stdout
    return float(re.search(r"F1=([\d.]+)", report).group(1))


def held_out_quality() -> dict:
    """F1 on each half of the development articles and of the CoNLL-2003 validation documents."""
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        dev_texts, dev_gold = SETS["dev"]
        presslens("export", "actors", "--corpus", str(dev_texts), "--out", str(folder / "dev.csv"))
        results["dev"] = {half: score(folder / "dev.csv", gold)["f1"]
                          for half, gold in halves(dev_gold, folder, nested=True).items()}
        presslens("export", "mentions", "--corpus", str(CONLL / "texts"), "--out", str(folder / "conll.csv"))
        results["conll_valid"] = {"all": conll_f1(folder / "conll.csv", CONLL / "gold.json")}
        results["conll_valid"].update({half: conll_f1(folder / "conll.csv", gold)
                                       for half, gold in halves(CONLL / "gold.json", folder, nested=False).items()})
    return results


def quality(spacy_python: str | None, spacy_model: str) -> dict:
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, (texts, gold) in SETS.items():
            ours = Path(folder) / f"{name}.csv"
            presslens("export", "actors", "--corpus", str(texts), "--out", str(ours))
            results[name] = {"presslens": score(ours, gold)}
            if spacy_python:
                theirs = Path(folder) / f"{name}_spacy.csv"
                subprocess.run([spacy_python, str(HERE / "spacy_actors.py"), "--folder", str(texts), "--out", str(theirs),
                                "--model", spacy_model], check=True, capture_output=True)
                results[name]["spacy"] = score(theirs, gold)
    return results


def actor_pass_seconds(folder: Path) -> float:
    """Processor seconds to load ``folder`` and find its mentions in this process, after a warm-up that
    loads the models (as spaCy's are loaded before it is timed)."""
    warm = load_corpus(folder)
    mentions_table(warm.select(warm.doc_ids[:3]))
    started = time.process_time()
    mentions_table(load_corpus(folder))
    return time.process_time() - started


def speed(corpus: Path, spacy_python: str | None, spacy_model: str) -> dict:
    words = sum(article.n_words for article in load_corpus(corpus))
    actor_pass = actor_pass_seconds(corpus)
    with tempfile.TemporaryDirectory() as folder:
        one = presslens("export", "actors", "--corpus", str(corpus), "--out", f"{folder}/a.csv", "--jobs", "1")
        everything = presslens("export", "actors", "--corpus", str(corpus), "--out", f"{folder}/b.csv",
                               "--jobs", str(default_jobs()))
    figures = {"words": words, "presslens_one_core_words_per_s": words / actor_pass,
               "export_command_one_core_words_per_s": words / one,
               "export_command_all_cores_words_per_s": words / everything}
    if spacy_python:
        measured = subprocess.run([spacy_python, str(HERE / "spacy_actors.py"), "--folder", str(corpus), "--speed",
                                   "--model", spacy_model], check=True, capture_output=True, text=True).stdout
        figures["spacy_ner_words_per_s"] = json.loads(measured)["words_per_second"]
        figures["ratio_one_core"] = figures["presslens_one_core_words_per_s"] / figures["spacy_ner_words_per_s"]
        figures["ratio_export_command"] = figures["export_command_one_core_words_per_s"] / figures["spacy_ner_words_per_s"]
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--speed-corpus", type=Path, default=SHARED / "corpora" / "bbc" / "tech")
    parser.add_argument("--spacy-python", help="a Python interpreter with spaCy and a model (default: this one, if it has spaCy)")
    parser.add_argument("--spacy-model", default="en_core_web_sm")
    parser.add_argument("--spacy-speed-only", action="store_true",
                        help="compare speed only (a stand-in of the model's architecture, bench/spacy_sm_like.py)")
    parser.add_argument("--out", type=Path, default=HERE / "actors.json")
    args = parser.parse_args()
    spacy_python = args.spacy_python or (sys.executable if _has_spacy() else None)
    results = {"machine": {"cores": default_jobs(), "python": platform.python_version(), "load_average": os.getloadavg()},
               "speed": speed(args.speed_corpus, spacy_python, args.spacy_model),
               "quality": quality(None if args.spacy_speed_only else spacy_python, args.spacy_model),
               "halves": held_out_quality()}
    print(f"machine: {default_jobs()} cores, load average {results['machine']['load_average'][0]:.1f}\n")
    print(f"{'set':8} {'system':10} {'P':>6} {'R':>6} {'F1':>6} {'people as people':>17}")
    for name, systems in results["quality"].items():
        for system, r in systems.items():
            print(f"{name:8} {system:10} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['people_found_as_people']:17.0%}")
    print("\nF1 by half (rules written from / only measured on):")
    for name, figures in results["halves"].items():
        print(f"{name:12} " + "  ".join(f"{half} {f1:.3f}" for half, f1 in figures.items()))
    languages = other_languages()
    results["languages"] = languages
    s = results["speed"]
    print(f"\nspeed on {args.speed_corpus.name} ({s['words']:,} words): presslens actor pass, 1 core, "
          f"{s['presslens_one_core_words_per_s']:,.0f} words/s; export command {s['export_command_one_core_words_per_s']:,.0f} "
          f"words/s on 1 core, {s['export_command_all_cores_words_per_s']:,.0f} on all")
    if "spacy_ner_words_per_s" in s:
        print(f"spaCy NER alone {s['spacy_ner_words_per_s']:,.0f} words/s: presslens ×{s['ratio_one_core']:.1f} "
              f"(the export command ×{s['ratio_export_command']:.1f})")
    else:
        print("spaCy not available: give --spacy-python PYTHON (a Python with spaCy and a model) to compare")
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    ours = {name: systems["presslens"] for name, systems in results["quality"].items()}
    missed = [ours["samples"]["f1"] < TARGETS["samples"], ours["dev"]["f1"] < TARGETS["dev"],
              ours["dev"]["people_found_as_people"] < TARGETS["people"],
              s.get("ratio_one_core", TARGETS["speed_ratio"]) < TARGETS["speed_ratio"]]
    return 1 if any(missed) else 0


def other_languages() -> dict:
    """The Russian and Chinese development sets, presslens beside natasha, jieba and jiagu, on each half
    (``bench/actors_ru.py``, ``bench/actors_zh.py``)."""
    from actors_ru import score_russian
    from actors_zh import compare_zh

    russian = score_russian()
    print("\nRussian, factRuEval-2016 development set (F1 on the half rules were written from / only measured on / all):")
    for system, by_half in russian["scores"].items():
        print(f"  {system:10} " + "  ".join(f"{half} {figures['f1']:.3f}" for half, figures in by_half.items()))
    chinese = compare_zh()
    print("Chinese, People's Daily 1998 development set (F1):")
    for row in chinese.itertuples(index=False):
        print(f"  {row.system:10} {row.part:34} {row.f1:.3f}")
    return {"ru": russian["scores"], "zh": chinese.to_dict(orient="records")}


def _has_spacy() -> bool:
    try:
        import spacy  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
