"""Train the name tagger on CoNLL-2003 English and write the model presslens ships.

Data: the CoNLL-2003 English file ``train.txt`` (see :mod:`presslens.actors.train_typer` for the
format and terms; presslens ships only the model derived from it). Reproduce the packaged model::

    python -m presslens.actors.train_tagger --conll /path/to/conll2003 --out lib/presslens/data/name_tagger.json.gz

An averaged perceptron learns an IOB2 tag for each token :func:`~presslens.actors.name_tagger.is_name_candidate`
admits, from :func:`~presslens.actors.name_tagger.token_features`, decoding greedily as at run time
(the previous tag is the one predicted). Sentences are visited in a fixed shuffled order each epoch,
so the same data and options give the same file. Features seen fewer than ``--min-count`` times are
left out before training; after it, weights smaller than ``--min-weight`` are dropped and the rest
rounded. With ``valid.txt`` beside ``train.txt`` the script prints entity precision, recall and F1
per type on it (names of PER, ORG and LOC; the other tokens are not scored), the file size and the
tagging speed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import time
from collections import Counter
from pathlib import Path

from presslens.actors.gazetteer import load_gazetteer
from presslens.actors.name_tagger import (MODEL_FORMAT, OUTSIDE, NameTagger, is_name_candidate, known_tags, tag_spans,
                                          token_features)
from presslens.actors.train_typer import TRAIN_FILE, VALID_FILE, read_sentences, sentence_spans

DEFAULT_EPOCHS = 12
DEFAULT_MIN_COUNT = 2
DEFAULT_MIN_WEIGHT = 0.5
SEED = 13


def iob2(sentence: list[tuple[str, str]]) -> list[str]:
    """The sentence's entity tags as IOB2, whatever IOB variant the file uses."""
    tags = [OUTSIDE] * len(sentence)
    for start, end, label in sentence_spans(sentence):
        tags[start] = f"B-{label}"
        for k in range(start + 1, end):
            tags[k] = f"I-{label}"
    return tags


def gazetteer_tags(words: list[str]) -> list[str]:
    """The gazetteer feature of each token, found as at run time (longest known name first)."""
    gazetteer = load_gazetteer()
    known, i = {}, 0
    while i < len(words):
        found = gazetteer.longest_match(words, i)
        if found:
            known[i] = found
            i = found[0]
        else:
            i += 1
    return known_tags(known, gazetteer.type_of, len(words))


def read_examples(path: Path) -> list[tuple[list[str], list[str], list[str]]]:
    """(words, gold IOB2 tags, gazetteer tags) of each sentence of a CoNLL file."""
    examples = []
    for sentence in read_sentences(path):
        words = [word for word, _ in sentence]
        examples.append((words, iob2(sentence), gazetteer_tags(words)))
    return examples


class AveragedPerceptron:
    """Weights per feature and tag, with their running sums for averaging."""

    def __init__(self, tags: list[str]):
        self.tags = tags
        self.index = {tag: k for k, tag in enumerate(tags)}
        self.weights: dict[str, list[float]] = {}
        self._totals: dict[str, list[float]] = {}
        self._stamps: dict[str, list[int]] = {}
        self.instances = 0

    def predict(self, features: list[str]) -> str:
        totals = [0.0] * len(self.tags)
        for feature in features:
            row = self.weights.get(feature)
            if row:
                for k, weight in enumerate(row):
                    totals[k] += weight
        return self.tags[max(range(len(totals)), key=totals.__getitem__)]

    def update(self, truth: str, guess: str, features: list[str]) -> None:
        self.instances += 1
        if truth == guess:
            return
        for feature in features:
            row = self.weights.setdefault(feature, [0.0] * len(self.tags))
            totals = self._totals.setdefault(feature, [0.0] * len(self.tags))
            stamps = self._stamps.setdefault(feature, [0] * len(self.tags))
            for tag, change in ((self.index[truth], 1.0), (self.index[guess], -1.0)):
                totals[tag] += (self.instances - stamps[tag]) * row[tag]
                stamps[tag] = self.instances
                row[tag] += change

    def averaged(self) -> dict[str, list[float]]:
        averaged = {}
        for feature, row in self.weights.items():
            totals, stamps = self._totals[feature], self._stamps[feature]
            averaged[feature] = [(totals[k] + (self.instances - stamps[k]) * row[k]) / self.instances
                                 for k in range(len(row))]
        return averaged


def candidate_features(words: list[str], known: list[str], tags: list[str]) -> list[tuple[int, list[str]]]:
    """(position, features) of the scored tokens, with the previous tag taken from ``tags``."""
    capitals = "".join(words).isupper()
    return [(i, token_features(words, i, tags[i - 1] if i and is_name_candidate(words, i - 1) else OUTSIDE, known,
                               capitals)) for i in range(len(words)) if is_name_candidate(words, i)]


def train(examples, *, epochs: int, min_count: int) -> AveragedPerceptron:
    """An averaged perceptron fitted on the examples, decoding greedily as at run time."""
    counts = Counter(feature for words, gold, known in examples
                     for _, features in candidate_features(words, known, gold) for feature in features)
    kept = {feature for feature, count in counts.items() if count >= min_count}
    tags = sorted({tag for _, gold, _ in examples for tag in gold})
    model = AveragedPerceptron(tags)
    order = list(range(len(examples)))
    generator = random.Random(SEED)
    for epoch in range(epochs):
        generator.shuffle(order)
        mistakes = total = 0
        for index in order:
            words, gold, known = examples[index]
            capitals = "".join(words).isupper()
            previous = OUTSIDE
            for i in range(len(words)):
                if not is_name_candidate(words, i):
                    previous = OUTSIDE
                    continue
                features = [f for f in token_features(words, i, previous, known, capitals) if f in kept]
                guess = model.predict(features)
                model.update(gold[i], guess, features)
                mistakes += guess != gold[i]
                total += 1
                previous = guess
        print(f"epoch {epoch + 1}: {mistakes}/{total} scored tokens mistagged")
    return model


def write_model(model: AveragedPerceptron, out: Path, *, min_weight: float) -> None:
    weights = {}
    for feature, row in model.averaged().items():
        if max(abs(weight) for weight in row) >= min_weight:
            weights[feature] = [round(weight, 2) for weight in row]
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(out, "wb", mtime=0) as raw:
        raw.write(json.dumps({"format": MODEL_FORMAT, "tags": model.tags, "weights": weights},
                             separators=(",", ":"), sort_keys=True).encode("utf-8"))


def evaluate(tagger: NameTagger, examples) -> None:
    """Entity precision, recall and F1 of PER, ORG and LOC names, and the tagging speed."""
    found, gold_count, right = Counter(), Counter(), Counter()
    words_tagged = 0
    started = time.perf_counter()
    for words, gold, known in examples:
        predicted = set(tag_spans(tagger.tag(words, known)))
        words_tagged += len(words)
        truth = set(tag_spans(gold))
        for span in predicted:
            found[span[2]] += 1
            right[span[2]] += span in truth
        for span in truth:
            gold_count[span[2]] += 1
    seconds = time.perf_counter() - started
    for label in ("PER", "ORG", "LOC", "MISC"):
        precision = right[label] / found[label] if found[label] else 0.0
        recall = right[label] / gold_count[label] if gold_count[label] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        print(f"{label:5} P={precision:.3f} R={recall:.3f} F1={f1:.3f} ({gold_count[label]} names)")
    print(f"tagging: {words_tagged / seconds:,.0f} tokens/s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conll", type=Path, required=True, help=f"folder with {TRAIN_FILE} (and {VALID_FILE} to evaluate)")
    parser.add_argument("--out", type=Path, required=True, help="model file to write (.json.gz)")
    parser.add_argument("--epochs", type=int, default=DEFAULT_EPOCHS)
    parser.add_argument("--min-count", type=int, default=DEFAULT_MIN_COUNT)
    parser.add_argument("--min-weight", type=float, default=DEFAULT_MIN_WEIGHT)
    args = parser.parse_args(argv)
    train_path = args.conll / TRAIN_FILE
    if not train_path.is_file():
        raise SystemExit(f"{train_path}: not found; --conll must be the folder holding CoNLL-2003's {TRAIN_FILE}")
    model = train(read_examples(train_path), epochs=args.epochs, min_count=args.min_count)
    write_model(model, args.out, min_weight=args.min_weight)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)")
    valid_path = args.conll / VALID_FILE
    if valid_path.is_file():
        evaluate(NameTagger.load(args.out), read_examples(valid_path))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
