"""Actors in Russian news: ``find_mentions_ru`` and natasha alone against factRuEval-2016's development set.

    NLTK_DATA=../shared/nltk_data .venv/bin/python bench/actors_ru.py [--corpus DIR] [--gold FILE]

The 122 development texts are split by sorted file name: the even ones are the part rules and names
were written from (``write``), the odd ones are only measured on (``measure``). Both halves are scored
by the project's scorer (``../shared/eval/score_mentions.py``: mentions matched by surface and type,
document by document), for presslens and for natasha's plain pipeline (slovnet's NER spans as they
come). Prints words per second of ``find_mentions_ru`` (models loaded beforehand) and writes
``bench/actors_ru.json``; exits 1 when the whole set scores below F1 0.85 or the halves differ by more
than 0.02.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from presslens.actors.gazetteer import load_gazetteer
from presslens.actors.russian import NER_TYPES, find_mentions_ru
from presslens.actors.russian_models import ner_tagger
from presslens.corpus import Article, load_corpus
from presslens.corpus.model import natural_key

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
SCORER = SHARED / "eval" / "score_mentions.py"
CORPUS = SHARED / "corpora" / "multilingual" / "ru"
GOLD = SHARED / "corpora" / "multilingual" / "gold.json"
TARGET_F1, HALVES_APART = 0.85, 0.02


def natasha_mentions(article: Article) -> list[tuple[str, str]]:
    """(surface, type) of natasha's NER spans as they come."""
    return [(article.text[span.start:span.stop], NER_TYPES[span.type]) for span in ner_tagger()(article.text).spans]


def presslens_mentions(article: Article) -> list[tuple[str, str]]:
    return [(m.surface, m.type) for m in find_mentions_ru(article, gazetteer=load_gazetteer())]


def score(found: dict[str, list[tuple[str, str]]], gold: Path = GOLD) -> dict:
    """Precision, recall and F1 of mentions per document, by the project's scorer."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mentions.csv"
        with path.open("w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(["doc_id", "surface", "type"])
            writer.writerows((doc_id, surface, kind) for doc_id, mentions in found.items() for surface, kind in mentions)
        gold_of = {k: v for k, v in json.loads(gold.read_text("utf-8")).items() if k.split("/")[-1] in found}
        subset = Path(folder) / "gold.json"
        subset.write_text(json.dumps(gold_of, ensure_ascii=False), "utf-8")
        report = subprocess.run([sys.executable, str(SCORER), str(path), str(subset), "--prefix", "ru/"],
                                capture_output=True, text=True, check=True).stdout
    precision, recall, f1 = (float(x) for x in re.search(r"P=([\d.]+) R=([\d.]+) F1=([\d.]+)", report.splitlines()[-1]).groups())
    return {"precision": precision, "recall": recall, "f1": f1}


def halves(articles: list[Article]) -> dict[str, list[Article]]:
    """The write half (even positions in sorted doc_id order) and the measure half (odd)."""
    ordered = sorted(articles, key=lambda a: natural_key(a.doc_id))
    return {"write": ordered[0::2], "measure": ordered[1::2], "all": ordered}


def score_russian(corpus: Path = CORPUS, gold: Path = GOLD,
                  systems: dict[str, Callable[[Article], list[tuple[str, str]]]] | None = None) -> dict:
    """Scores of each system on each half of ``corpus``, and presslens's words per second.

    Returns ``{"scores": {system: {half: {precision, recall, f1}}}, "words_per_second": float}``.
    """
    systems = systems or {"presslens": presslens_mentions, "natasha": natasha_mentions}
    articles = list(load_corpus(corpus, progress=False))
    presslens_mentions(articles[0])  # models loaded before timing
    natasha_mentions(articles[0])
    found, seconds = {}, {}
    for name, system in systems.items():
        started = time.perf_counter()
        found[name] = {article.doc_id.split("/")[-1]: system(article) for article in articles}
        seconds[name] = time.perf_counter() - started
    words = sum(article.n_words for article in articles)
    scores = {name: {half: score({a.doc_id.split("/")[-1]: found[name][a.doc_id.split("/")[-1]] for a in part}, gold)
                     for half, part in halves(articles).items()} for name in systems}
    return {"scores": scores, "words": words,
            "words_per_second": {name: words / spent for name, spent in seconds.items()}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--out", type=Path, default=HERE / "actors_ru.json")
    args = parser.parse_args()
    results = score_russian(args.corpus, args.gold)
    print(f"{'system':10} {'half':8} {'P':>6} {'R':>6} {'F1':>6}")
    for system, by_half in results["scores"].items():
        for half, r in by_half.items():
            print(f"{system:10} {half:8} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}")
    for system, speed in results["words_per_second"].items():
        print(f"{system}: {speed:,.0f} words/s on one core ({results['words']:,} words)")
    args.out.write_text(json.dumps(results, indent=2) + "\n")
    ours = results["scores"]["presslens"]
    return 1 if ours["all"]["f1"] < TARGET_F1 or abs(ours["write"]["f1"] - ours["measure"]["f1"]) > HALVES_APART else 0


if __name__ == "__main__":
    sys.exit(main())
