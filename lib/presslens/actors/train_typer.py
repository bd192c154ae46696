"""Train the name typer on CoNLL-2003 English and write the model presslens ships.

Data: the CoNLL-2003 English shared-task files ``train.txt`` (fitting) and ``valid.txt`` (evaluation),
Reuters news of 1996-97 with one token per line (token, part of speech, chunk, entity tag) and
documents separated by ``-DOCSTART-``. The entity tags of these files are IOB2 (every entity opens
with ``B-``); the reader takes IOB1 as well. presslens does not ship or commit this text (Reuters' RCV1
terms); only the small model derived from it is packaged, in ``presslens/data/name_typer.json.gz``.

Reproduce the packaged model from a folder holding the two files::

    python -m presslens.actors.train_typer --conll /path/to/conll2003 --out lib/presslens/data/name_typer.json.gz

Every gold entity span becomes one example: the words of the name and up to three words on each
side, described by :func:`presslens.actors.name_typer.name_features`. A multinomial logistic
regression (scikit-learn) is fitted on the features seen at least ``--min-count`` times; features
whose weights are all tiny are then dropped and the rest rounded, so the file stays small. Sentences
written all in capitals (headlines, datelines) count less, since news text rarely is. The script then
reloads the written file with the run-time :class:`~presslens.actors.name_typer.NameTyper` and prints
the training spans per label, accuracy, per-label precision/recall/F1 and the confusion matrix on the
validation spans (all of them, and those whose name never occurs as an entity in training: the unseen
names presslens meets), accuracy on names none of whose words occurs in a training name and on
all-capitals sentences, the file size, load time and classification speed. Fitting is deterministic:
the same data and options give the same file.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from presslens.actors.name_tagger import tag_spans
from presslens.actors.name_typer import CONTEXT_WORDS, LABELS, MODEL_FORMAT, NameTyper, name_features

DOCSTART = "-DOCSTART-"
TRAIN_FILE = "train.txt"
VALID_FILE = "valid.txt"
#: Defaults of the packaged model (see the module docstring to reproduce it).
DEFAULT_C = 1.0
DEFAULT_MIN_COUNT = 2
DEFAULT_CAPS_WEIGHT = 0.5
DEFAULT_MIN_WEIGHT = 0.05
#: Decimal places kept for weights and intercepts in the model file.
WEIGHT_DECIMALS = 3
MAX_ITERATIONS = 2000


@dataclass(frozen=True)
class Span:
    """A gold entity span with its context, as read from a CoNLL file."""

    words: tuple[str, ...]
    before: tuple[str, ...]
    after: tuple[str, ...]
    label: str
    caps_sentence: bool


def read_sentences(path: Path) -> Iterator[list[tuple[str, str]]]:
    """The sentences of a CoNLL-2003 file as (token, entity tag) pairs, document markers skipped.

    Parameters
    ----------
    path
        A CoNLL file: token and tags separated by spaces, the entity tag last, blank lines between
        sentences.

    Yields
    ------
    list of (str, str)
    """
    sentence: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            columns = line.split()
            if columns and columns[0] != DOCSTART:
                sentence.append((columns[0], columns[-1]))
            elif sentence:
                yield sentence
                sentence = []
    if sentence:
        yield sentence


def sentence_spans(sentence: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """(start, end, label) of the entities of a sentence, for IOB1 and IOB2 tags alike (:func:`tag_spans`)."""
    return tag_spans([tag for _, tag in sentence])


def read_spans(path: Path) -> list[Span]:
    """Every gold entity span of a CoNLL file, with up to three words of context on each side."""
    spans = []
    for sentence in read_sentences(path):
        tokens = [token for token, _ in sentence]
        caps = "".join(tokens).isupper()
        for start, end, label in sentence_spans(sentence):
            spans.append(Span(
                tuple(tokens[start:end]),
                tuple(tokens[max(0, start - CONTEXT_WORDS):start]),
                tuple(tokens[end:end + CONTEXT_WORDS]),
                label,
                caps,
            ))
    return spans


def span_features(spans: list[Span]) -> list[list[str]]:
    """The features of each span."""
    return [name_features(span.words, span.before, span.after) for span in spans]


def feature_matrix(features: list[list[str]], vocabulary: dict[str, int]) -> sparse.csr_matrix:
    """A sparse count matrix of the features in the vocabulary (others are ignored)."""
    rows, columns = [], []
    for row, names in enumerate(features):
        for name in names:
            column = vocabulary.get(name)
            if column is not None:
                rows.append(row)
                columns.append(column)
    values = np.ones(len(rows))
    return sparse.csr_matrix((values, (rows, columns)), shape=(len(features), len(vocabulary)))


def fit(spans: list[Span], *, c: float, min_count: int, caps_weight: float, min_weight: float) -> dict:
    """Fit the model on training spans and return it as the JSON-ready dict of the model file.

    Parameters
    ----------
    spans
        Training spans.
    c
        Inverse L2 regularisation strength of the logistic regression.
    min_count
        Features seen in fewer spans than this are left out.
    caps_weight
        Sample weight of spans from sentences written all in capitals (others weigh 1).
    min_weight
        Features whose absolute weights are all below this are dropped after fitting.

    Returns
    -------
    dict
        ``format``, ``labels``, ``intercepts`` and ``weights`` (feature → one weight per label).
    """
    features = span_features(spans)
    counts = Counter(name for names in features for name in set(names))
    kept = sorted(name for name, count in counts.items() if count >= min_count)
    vocabulary = {name: column for column, name in enumerate(kept)}
    matrix = feature_matrix(features, vocabulary)
    targets = np.array([LABELS.index(span.label) for span in spans])
    weights = np.array([caps_weight if span.caps_sentence else 1.0 for span in spans])
    model = LogisticRegression(C=c, max_iter=MAX_ITERATIONS)
    model.fit(matrix, targets, sample_weight=weights)
    coefficients = np.round(model.coef_.T, WEIGHT_DECIMALS)
    return {
        "format": MODEL_FORMAT,
        "labels": list(LABELS),
        "intercepts": np.round(model.intercept_, WEIGHT_DECIMALS).tolist(),
        "weights": {
            name: row.tolist() for name, row in zip(kept, coefficients) if np.abs(row).max() >= min_weight
        },
    }


def write_model(model: dict, path: Path) -> None:
    """Write the model dict as gzipped JSON; the bytes depend on the model alone."""
    text = json.dumps(model, separators=(",", ":"), sort_keys=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


@dataclass(frozen=True)
class Evaluation:
    """Gold and predicted labels of evaluation spans."""

    gold: list[str]
    predicted: list[str]

    def accuracy(self) -> float:
        """Share of spans whose predicted label is the gold one."""
        return sum(g == p for g, p in zip(self.gold, self.predicted)) / max(len(self.gold), 1)

    def confusion(self) -> dict[tuple[str, str], int]:
        """(gold, predicted) → number of spans."""
        return Counter(zip(self.gold, self.predicted))

    def report(self, title: str) -> str:
        """Accuracy, per-label precision/recall/F1 and the confusion matrix as text."""
        confusion = self.confusion()
        lines = [f"{title}: {len(self.gold)} spans, accuracy {self.accuracy():.4f}",
                 f"  {'label':<6}{'precision':>10}{'recall':>10}{'F1':>10}{'support':>10}"]
        for label in LABELS:
            hits = confusion[label, label]
            predicted = sum(confusion[gold, label] for gold in LABELS)
            support = sum(confusion[label, guess] for guess in LABELS)
            precision = hits / predicted if predicted else 0.0
            recall = hits / support if support else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            lines.append(f"  {label:<6}{precision:>10.3f}{recall:>10.3f}{f1:>10.3f}{support:>10}")
        lines.append("  confusion (rows gold, columns predicted):")
        lines.append("  " + " " * 6 + "".join(f"{label:>7}" for label in LABELS))
        for gold in LABELS:
            lines.append(f"  {gold:<6}" + "".join(f"{confusion[gold, guess]:>7}" for guess in LABELS))
        return "\n".join(lines)


def evaluate(typer: NameTyper, spans: list[Span]) -> Evaluation:
    """Type each span with the run-time typer and pair the result with the gold label."""
    predicted = [typer.classify(span.words, span.before, span.after)[0] for span in spans]
    return Evaluation([span.label for span in spans], predicted)


def unseen_names(spans: list[Span], training: list[Span]) -> list[Span]:
    """The spans whose lower-cased name never occurs as an entity in the training spans."""
    known = {" ".join(span.words).lower() for span in training}
    return [span for span in spans if " ".join(span.words).lower() not in known]


def unseen_words(spans: list[Span], training: list[Span]) -> list[Span]:
    """The spans none of whose lower-cased words occurs in an entity of the training spans."""
    known = {word.lower() for span in training for word in span.words}
    return [span for span in spans if not any(word.lower() in known for word in span.words)]


def _parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(
        prog="python -m presslens.actors.train_typer",
        description="Train the name typer on CoNLL-2003 English, write the model, evaluate it on the validation split.",
    )
    parser.add_argument("--conll", type=Path, required=True, help=f"folder holding {TRAIN_FILE} and {VALID_FILE}")
    parser.add_argument("--out", type=Path, required=True, help="model file to write (gzipped JSON)")
    parser.add_argument("--c", type=float, default=DEFAULT_C, help="inverse L2 regularisation strength")
    parser.add_argument("--min-count", type=int, default=DEFAULT_MIN_COUNT,
                        help="least number of training spans a feature needs")
    parser.add_argument("--caps-weight", type=float, default=DEFAULT_CAPS_WEIGHT,
                        help="weight of spans from all-caps sentences")
    parser.add_argument("--min-weight", type=float, default=DEFAULT_MIN_WEIGHT,
                        help="drop features whose weights are all smaller")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    """Train, write and evaluate the model as the command line asks."""
    arguments = _parse_arguments(argv)
    training = read_spans(arguments.conll / TRAIN_FILE)
    validation = read_spans(arguments.conll / VALID_FILE)
    per_label = Counter(span.label for span in training)
    print(f"training spans: {len(training)} ({', '.join(f'{label} {per_label[label]}' for label in LABELS)})")

    model = fit(training, c=arguments.c, min_count=arguments.min_count,
                caps_weight=arguments.caps_weight, min_weight=arguments.min_weight)
    write_model(model, arguments.out)

    started = time.perf_counter()
    typer = NameTyper.load(arguments.out)
    load_seconds = time.perf_counter() - started
    print(f"model: {arguments.out}, {len(typer)} features, {arguments.out.stat().st_size / 1e6:.2f} MB, "
          f"loads in {load_seconds:.3f} s")

    started = time.perf_counter()
    evaluation = evaluate(typer, validation)
    speed = len(validation) / (time.perf_counter() - started)
    print(evaluation.report("validation"))
    print(evaluate(typer, unseen_names(validation, training)).report("validation, names unseen in training"))
    for title, spans in (("no word seen in a training name", unseen_words(validation, training)),
                         ("sentences all in capitals", [span for span in validation if span.caps_sentence])):
        print(f"validation, {title}: {len(spans)} spans, accuracy {evaluate(typer, spans).accuracy():.4f}")
    print(f"speed: {speed:,.0f} names/s")

if __name__ == "__main__":
    main()
