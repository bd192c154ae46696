"""Name typer: whether a capitalised name no cue explains is a person, organisation, place or other.

presslens finds capitalised names in news sentences. Most are typed by the gazetteer or by a cue
of news style (a title before a name, a head noun after it); the rest must be typed from evidence
rather than by default. This module types such a name from the words of the name and up to three
words on each side: ``PER``, ``ORG``, ``LOC`` or ``MISC`` (nationalities, events, products, works —
presslens drops these as "not an actor").

The model is a multinomial logistic regression trained on CoNLL-2003 English by
:mod:`presslens.actors.train_typer`, which also documents how to reproduce it. It ships as gzipped
JSON (labels, intercepts and one weight per label for each kept feature) and is scored here in pure
Python, summing the weights of the features a name has: no scikit-learn and no pickle at run time.
:func:`name_features` is the one feature function that training and run time share. It reads NLTK's
``names`` (given names) and ``words`` (English words) corpora, each once per process.
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import re
from collections.abc import Sequence
from importlib import resources as importlib_resources
from pathlib import Path

from presslens.actors.words import common_words, given_names

#: The package data files this module reads (they key the cache of what it extracts).
DATA_FILES = ("data/name_typer.json.gz",)

LABELS: tuple[str, ...] = ("PER", "ORG", "LOC", "MISC")
#: Version of the model file layout written by the training script and read by :meth:`NameTyper.load`.
MODEL_FORMAT = 1
#: The packaged model, relative to the ``presslens`` package.
PACKAGED_MODEL = "data/name_typer.json.gz"
#: Words of context on each side of a name that the features read.
CONTEXT_WORDS = 3
#: Lengths of the prefixes and suffixes taken from a name's tokens.
AFFIX_LENGTHS = (2, 3, 4)
#: Names longer than this many tokens share one length feature.
MAX_LENGTH_FEATURE = 5
#: Stand-ins for missing context at the edges of a sentence.
SENTENCE_START = "<s>"
SENTENCE_END = "</s>"
_DIGIT = re.compile(r"\d")
#: Tokens whose shape and context form are remembered: news repeats its words and names.
TOKEN_CACHE_SIZE = 1 << 16
#: Last words that mark a company, as :func:`_word_key` writes them.
COMPANY_SUFFIXES = frozenset({
    "inc", "corp", "co", "ltd", "llc", "plc", "limited", "ag", "sa", "nv", "bv", "gmbh", "spa", "bhd",
    "pty", "oyj", "ab", "asa", "kk", "srl", "lp", "llp", "corporation", "incorporated", "company",
})


@functools.lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _shape(token: str) -> str:
    """The token's shape: ``X`` upper, ``x`` lower, ``d`` digit, other characters kept; runs cut to two.

    *Florence* → ``Xxx``, *IBM* → ``XX``, *U.S.* → ``X.X.``, *Griffith-Joyner* → ``Xxx-Xxx``,
    *1996* → ``dd``.
    """
    shape = []
    previous, run = "", 0
    for char in token:
        kind = "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char
        run = run + 1 if kind == previous else 1
        previous = kind
        if run <= 2:
            shape.append(kind)
    return "".join(shape)


def _word_key(token: str) -> str:
    """A name token as a feature value: lower-cased, curly apostrophe made plain, final full stops dropped.

    *Corp.* and *Corp*, both usual in news, then give the same features.
    """
    return token.lower().replace("’", "'").rstrip(".") or token


@functools.lru_cache(maxsize=TOKEN_CACHE_SIZE)
def _context_word(token: str) -> str:
    """A context token as a feature value: lower-cased, or its shape when it holds a digit (*1996* → ``dd``)."""
    if _DIGIT.search(token):
        return _shape(token)
    return token.lower()


@functools.cache
def lowercase_given_names() -> frozenset[str]:
    """NLTK's given names (:func:`~presslens.actors.words.given_names`) lower-cased, as the features compare
    them (``florence``, ``ivan``); made once."""
    return frozenset(name.lower() for name in given_names())


def name_features(words: Sequence[str], before: Sequence[str], after: Sequence[str]) -> list[str]:
    """The features of a name in its sentence: the one feature function of training and run time.

    The name gives its lower-cased words (each, first, last, whole), word shapes, prefixes and
    suffixes, length, whether its words are dictionary words or given names, a company suffix and
    all capitals; the context gives its lower-cased words by position (``b1`` is the word right
    before, ``a1`` right after, ``<s>``/``</s>`` the sentence edges) and as a bag, and whether it is
    written all in capitals (a headline).

    Parameters
    ----------
    words
        Tokens of the name as written, e.g. ``["Harbin", "Electric", "Corporation"]``; at least one.
    before, after
        Tokens before and after the name in its sentence, as written (punctuation included); only the
        :data:`CONTEXT_WORDS` nearest count, and fewer mean the sentence starts or ends there.

    Returns
    -------
    list of str
        Feature names such as ``"last=corporation"`` or ``"b1=president"``; the same input always gives
        the same list in the same order.

    Raises
    ------
    ValueError
        When ``words`` is empty.
    """
    if not words:
        raise ValueError("a name needs at least one word")
    lower = [_word_key(word) for word in words]
    first, last = lower[0], lower[-1]
    features = [f"len={min(len(words), MAX_LENGTH_FEATURE)}", f"name={' '.join(lower)}",
                f"first={first}", f"last={last}"]
    features += [f"w={word}" for word in lower]
    shapes = [_shape(word) for word in words]
    features += [f"shape={shape}" for shape in shapes]
    features.append(f"shapes={' '.join(shapes)}")
    features += [f"suf{n}={last[-n:]}" for n in AFFIX_LENGTHS if len(last) > n]
    features += [f"pre{n}={first[:n]}" for n in AFFIX_LENGTHS if len(first) > n]
    if len(words) > 1:
        features += [f"fsuf{n}={first[-n:]}" for n in AFFIX_LENGTHS if len(first) > n]
    common = common_words()
    dictionary = "".join("c" if word in common else "n" for word in lower)
    features += [f"dict={flag}" for flag in dictionary]
    features.append(f"dicts={dictionary[:MAX_LENGTH_FEATURE]}")
    names = lowercase_given_names()
    if first in names:
        features.append("given_first")
    if len(words) > 1 and last in names:
        features.append("given_last")
    if last in COMPANY_SUFFIXES:
        features.append("company_suffix")
    if "".join(words).isupper():
        features.append("all_caps")
    before, after = before[-CONTEXT_WORDS:], after[:CONTEXT_WORDS]
    left = [_context_word(word) for word in before]
    right = [_context_word(word) for word in after]
    features += [f"before={word}" for word in left]
    features += [f"after={word}" for word in right]
    left = [SENTENCE_START, *left][-CONTEXT_WORDS:]
    right = [*right, SENTENCE_END][:CONTEXT_WORDS]
    features += [f"b{k}={word}" for k, word in enumerate(reversed(left), 1)]
    features += [f"a{k}={word}" for k, word in enumerate(right, 1)]
    if "".join((*before, *after)).isupper():
        features.append("caps_context")
    return features


class NameTyper:
    """A trained name typer: one weight per label for each feature, scored in pure Python.

    Parameters
    ----------
    labels
        The labels in the order of the weights; must be :data:`LABELS`.
    intercepts
        One intercept per label.
    weights
        Feature name → one weight per label.
    """

    def __init__(self, labels: Sequence[str], intercepts: Sequence[float], weights: dict[str, Sequence[float]]):
        if tuple(labels) != LABELS:
            raise ValueError(f"model labels {tuple(labels)} differ from {LABELS}")
        self._intercepts = tuple(intercepts)
        self._weights = {feature: tuple(row) for feature, row in weights.items()}
        if len(self._intercepts) != len(LABELS) or any(len(row) != len(LABELS) for row in self._weights.values()):
            raise ValueError(f"a name typer needs {len(LABELS)} intercepts and {len(LABELS)} weights per feature")

    @classmethod
    def load(cls, path: str | Path | None = None) -> NameTyper:
        """Load a model file; without a path, the packaged model (read once per process).

        Parameters
        ----------
        path
            A gzipped JSON model written by :mod:`presslens.actors.train_typer`, or None for the
            packaged ``presslens/data/name_typer.json.gz``.

        Returns
        -------
        NameTyper
        """
        if path is None:
            return _packaged_typer()
        return cls.from_bytes(Path(path).read_bytes())

    @classmethod
    def from_bytes(cls, data: bytes) -> NameTyper:
        """A typer from the gzipped JSON bytes of a model file."""
        model = json.loads(gzip.decompress(data))
        if model.get("format") != MODEL_FORMAT:
            raise ValueError(f"name typer model format {model.get('format')!r}, expected {MODEL_FORMAT}")
        return cls(model["labels"], model["intercepts"], model["weights"])

    def __len__(self) -> int:
        """Number of features the model has weights for."""
        return len(self._weights)

    def probabilities(self, words: Sequence[str], before: Sequence[str], after: Sequence[str]) -> dict[str, float]:
        """The probability of each label for a name in its context.

        Parameters
        ----------
        words, before, after
            As for :func:`name_features`.

        Returns
        -------
        dict of str to float
            One entry per label of :data:`LABELS`, summing to 1.
        """
        rows = filter(None, map(self._weights.get, name_features(words, before, after)))
        scores = list(map(sum, zip(self._intercepts, *rows)))
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        return {label: value / total for label, value in zip(LABELS, exps)}

    def classify(self, words: Sequence[str], before: Sequence[str], after: Sequence[str]) -> tuple[str, float]:
        """The most probable label of a name in its context, and its probability.

        Parameters
        ----------
        words, before, after
            As for :func:`name_features`.

        Returns
        -------
        tuple of (str, float)
            A label of :data:`LABELS` and its probability.
        """
        probabilities = self.probabilities(words, before, after)
        label = max(probabilities, key=probabilities.__getitem__)
        return label, probabilities[label]


@functools.cache
def _packaged_typer() -> NameTyper:
    """The model shipped with presslens, loaded once per process."""
    return NameTyper.from_bytes(importlib_resources.files("presslens").joinpath(PACKAGED_MODEL).read_bytes())
