"""Train the character-level CRF of :mod:`presslens.actors.chinese_crf` on gold name mentions.

  python -m presslens.actors.chinese_train [--corpus DIR] [--gold FILE] [--half even|odd|all] [--out FILE]

Defaults: the People's Daily 1998 development documents (../shared/corpora/multilingual/zh) and
their gold mentions, all of them, and the package's model file. ``--half even`` (or ``odd``) reads
only the documents of even (odd) rank, so that the other half measures the model
(``bench/actors_zh.py`` trains both). A document's gold mentions (surface, type) are placed in its
text in order; every character is labelled B-/I-/O by them.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import presslens.actors.chinese_crf as chinese_crf
from presslens.actors.chinese import combined_spans, segment_jieba, to_simplified
from presslens.actors.gazetteer import load_gazetteer
from presslens.corpus import load_corpus

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpora" / "multilingual"
DEFAULT_MODEL = Path(__file__).resolve().parents[1] / chinese_crf.MODEL


#: The documents each ``half`` reads, by their rank in doc_id order.
HALVES = {"even": slice(0, None, 2), "odd": slice(1, None, 2), "all": slice(None)}


def training_sentences(corpus_dir: str | Path, gold_path: str | Path, *, prefix: str = "zh/", half: str = "all"):
    """(features, labels) of every sentence of the documents of ``half`` (:data:`HALVES`) that have gold mentions."""
    if half not in HALVES:
        raise ValueError(f"half is one of {', '.join(HALVES)}, not {half!r}")
    gold = {key[len(prefix):]: items for key, items in json.loads(Path(gold_path).read_text("utf-8")).items()
            if key.startswith(prefix)}
    gazetteer = load_gazetteer()
    name_types = {name: gazetteer.type_of(actor) for name, actor in gazetteer.names_in("zh").items()}
    articles = sorted((article for article in load_corpus(str(corpus_dir)) if article.doc_id in gold),
                      key=lambda article: article.doc_id)
    if not articles:
        raise ValueError(f"no document of {corpus_dir} has gold mentions in {gold_path} under {prefix!r}: "
                         "pass the folder the gold file describes")
    for article in articles[HALVES[half]]:
        text = to_simplified(article.text)
        labels = gold_labels(text, gold[article.doc_id])
        for _, start, end in article.sentence_spans:
            sentence = text[start:end]
            words = segment_jieba(sentence)
            spans = combined_spans(sentence, words, name_types=name_types)
            yield chinese_crf.features(sentence, spans, words), labels[start:end]


def gold_labels(text: str, mentions: list[list[str]]) -> list[str]:
    """B-/I-/O labels of ``text``'s characters from its gold mentions in reading order (a mention not
    found after the previous one is left out)."""
    labels, position = ["O"] * len(text), 0
    for surface, kind in mentions:
        start = text.find(to_simplified(surface), position)
        if start < 0:
            continue
        label = chinese_crf.LABELS[kind]
        labels[start] = "B-" + label
        for index in range(start + 1, start + len(surface)):
            labels[index] = "I-" + label
        position = start + len(surface)
    return labels


def train(corpus_dir: str | Path, gold_path: str | Path, out: str | Path, *, half: str = "all") -> int:
    """Train and write the model on the documents of ``half``; the number of sentences it learnt from."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for features, labels in training_sentences(corpus_dir, gold_path, half=half):
        trainer.append(features, labels)
        count += 1
    trainer.set_params({"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True})
    trainer.train(str(out))
    return count


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(SHARED / "zh"))
    parser.add_argument("--gold", default=str(SHARED / "gold.json"))
    parser.add_argument("--half", choices=list(HALVES), default="all")
    parser.add_argument("--out", default=str(DEFAULT_MODEL))
    options = parser.parse_args()
    print(f"{train(options.corpus, options.gold, options.out, half=options.half)} sentences -> {options.out}")
