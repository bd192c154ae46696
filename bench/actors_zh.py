"""Chinese actor mentions beside jieba and jiagu: precision, recall and F1 on each part of the material.

  python bench/actors_zh.py [--news DIR] [--mentions OUT.csv]

Parts: the People's Daily development documents of ../shared/corpora/multilingual/zh split by their
number into even and odd halves. The shipped model of presslens.actors.chinese_train learnt from both,
so each half is measured twice: with the shipped model (seen), and with a model the same script trains
here on the other half only (unseen: what to expect of new text; the rules were written from the even
half). With ``--news DIR``, also the 2025-26 articles of bench/gold/zh_news_2026.json (texts saved by
their addresses as DIR/news_01.txt …; only the gold names are kept here). Mentions are matched by
surface and type, document by document, with ../shared/eval/score_mentions.py. ``--mentions`` writes
presslens's mentions of the whole development folder in the form of ``presslens export mentions``.
"""

from __future__ import annotations

import argparse
import collections
import dataclasses
import functools
import importlib.util
import json
import tempfile
import time
from pathlib import Path
from unittest import mock

import pandas as pd

from presslens.actors import chinese_crf
from presslens.actors.chinese import find_mentions_zh, segment_jieba, to_simplified
from presslens.actors.chinese_train import HALVES, train
from presslens.actors.gazetteer import load_gazetteer
from presslens.corpus import load_corpus
from presslens.corpus.cleaning import article_from_text

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
CORPUS = SHARED / "corpora" / "multilingual" / "zh"
GOLD = SHARED / "corpora" / "multilingual" / "gold.json"
SCORER = SHARED / "eval" / "score_mentions.py"
NEWS_GOLD = Path(__file__).resolve().parent / "gold" / "zh_news_2026.json"
JIEBA_TYPES = {"nr": "person", "nrfg": "person", "nrt": "person", "ns": "location", "nt": "organization"}
JIAGU_TYPES = {"PER": "person", "ORG": "organization", "LOC": "location"}


def presslens_names(article) -> list[tuple[str, str]]:
    return [(m.surface, m.type) for m in find_mentions_zh(article, gazetteer=load_gazetteer())]


def jieba_names(article) -> list[tuple[str, str]]:
    """jieba's words tagged as personal names, places and bodies."""
    return [(w.text, JIEBA_TYPES[w.tag]) for _, start, end in article.sentence_spans
            for w in segment_jieba(article.text[start:end]) if w.tag in JIEBA_TYPES]


def jiagu_names(article) -> list[tuple[str, str]]:
    """jiagu's named entities over its own segmentation (runs of B-/I- labels of one type)."""
    import jiagu

    names = []
    for _, start, end in article.sentence_spans:
        words = jiagu.seg(to_simplified(article.text[start:end]))
        current = None
        for word, label in zip(words, jiagu.ner(words)):
            kind = JIAGU_TYPES.get(label[2:])
            if kind and label[0] == "I" and current and current[1] == kind:
                current[0] += word
                continue
            if current:
                names.append(tuple(current))
            current = [word, kind] if kind else None
        if current:
            names.append(tuple(current))
    return names


SYSTEMS = {"presslens": presslens_names, "jieba": jieba_names, "jiagu": jiagu_names}


def compare_zh(*, news_dir: str | Path | None = None, systems: dict = SYSTEMS) -> pd.DataFrame:
    """One row per system and part: precision, recall, F1 (surface and type) and characters per second."""
    scorer = _scorer()
    gold = {key.split("/", 1)[1]: items for key, items in json.loads(GOLD.read_text("utf-8")).items() if key.startswith("zh/")}
    corpus = load_corpus(str(CORPUS))
    articles = {article.doc_id: article for article in corpus if article.doc_id in gold}
    numbers = sorted(articles)  # ranked as the trainer ranks them
    parts = {"dev even": (numbers[HALVES["even"]], articles, gold), "dev odd": (numbers[HALVES["odd"]], articles, gold)}
    if news_dir:
        news = json.loads(NEWS_GOLD.read_text("utf-8"))["articles"]
        news_articles = {key: article_from_text(key, f"{key}.txt", (Path(news_dir) / f"{key}.txt").read_text("utf-8"))
                         for key in news}
        parts["news 2025-26 (held out)"] = (sorted(news), news_articles, {k: v["gold"] for k, v in news.items()})
    rows = []
    for system, names_of in systems.items():
        for part, (keys, texts, answers) in parts.items():
            rows.append({"system": system, "part": part + (" (seen by the shipped model)" if system == "presslens" and
                                                           part.startswith("dev") else ""),
                         **_scores(scorer, names_of, keys, texts, answers)})
    if "presslens" in systems:
        with tempfile.TemporaryDirectory() as folder:
            for part, other in (("dev even", "odd"), ("dev odd", "even")):
                model = Path(folder) / f"{other}.crfsuite"
                train(CORPUS, GOLD, model, half=other)
                with mock.patch.object(chinese_crf, "tagger", functools.cache(lambda path=model: _tagger(path))):
                    rows.append({"system": "presslens", "part": f"{part} (model from the {other} half: unseen)",
                                 **_scores(scorer, systems["presslens"], *parts[part])})
    return pd.DataFrame(rows)


def _scores(scorer, names_of, keys, texts, answers) -> dict:
    started, found = time.perf_counter(), {key: names_of(texts[key]) for key in keys}
    seconds = time.perf_counter() - started
    tp = npred = ngold = 0
    for key in keys:
        expected = collections.Counter((scorer.norm(s), t) for s, t in answers[key])
        predicted = collections.Counter((scorer.norm(s), t) for s, t in found[key])
        tp += sum((expected & predicted).values())
        npred += sum(predicted.values())
        ngold += sum(expected.values())
    precision, recall, f1 = scorer.prf(tp, npred, ngold)
    characters = sum(len(texts[key].text) for key in keys)
    return {"documents": len(keys), "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "chars_per_s": round(characters / seconds)}


def _tagger(path: Path):
    import pycrfsuite

    loaded = pycrfsuite.Tagger()
    loaded.open(str(path))
    return loaded


def write_mentions(path: str | Path) -> int:
    """presslens's mentions of the development folder as ``export mentions`` writes them; their number."""
    gazetteer = load_gazetteer()
    rows = [dataclasses.asdict(m) for article in load_corpus(str(CORPUS)) for m in find_mentions_zh(article, gazetteer=gazetteer)]
    columns = ["doc_id", "paragraph", "sentence", "start", "end", "surface", "actor", "type"]
    pd.DataFrame(rows, columns=[*columns, "method"])[columns].to_csv(path, index=False)
    return len(rows)


def _scorer():
    spec = importlib.util.spec_from_file_location("score_mentions", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--news", help="folder of the 2025-26 articles saved as news_01.txt …")
    parser.add_argument("--mentions", help="write presslens's mentions of the development folder to this CSV")
    options = parser.parse_args()
    if options.mentions:
        print(f"{write_mentions(options.mentions)} mentions -> {options.mentions}")
    print(compare_zh(news_dir=options.news).to_string(index=False))
