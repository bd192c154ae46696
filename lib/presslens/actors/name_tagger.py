"""Name tagger: where the names of a sentence begin and end, and whether each is a person, an
organisation, a place or something else.

A sequence model over a sentence's tokens: each token that could belong to a name (a capitalised
word, or a connector such as *of* or *de* between two of them) gets an IOB2 tag — ``B-PER``,
``I-ORG``, ``B-LOC``, ``B-MISC``… or ``O`` — from its own word, shape and affixes, the words and
shapes around it, the tag given to the token before, whether it is a dictionary word or a given
name, and the type of a gazetteer name it lies in. Lowercase words are never part of a name and are
not scored, which keeps tagging cheap. Tags are chosen greedily from left to right.

The model is an averaged perceptron trained on CoNLL-2003 English by
:mod:`presslens.actors.train_tagger` (which says how to reproduce it). It ships as gzipped JSON (the
tags and, for each kept feature, its weights per tag) and is applied here in pure Python.
:func:`token_features` is the one feature function training and run time share.
"""

from __future__ import annotations

import functools
import gzip
import json
from operator import add
from collections.abc import Sequence
from importlib import resources as importlib_resources
from pathlib import Path

from presslens.actors.name_typer import TOKEN_CACHE_SIZE, _context_word, _shape, _word_key, lowercase_given_names
from presslens.actors.words import common_words

#: The package data files this module reads (they key the cache of what it extracts).
DATA_FILES = ("data/name_tagger.json.gz",)
#: Version of the model file layout written by the training script and read by :meth:`NameTagger.load`.
MODEL_FORMAT = 1
#: The packaged model, relative to the ``presslens`` package.
PACKAGED_MODEL = DATA_FILES[0]
#: Lowercase words that may stand inside a name, between two capitalised words.
INNER_WORDS = frozenset({"of", "and", "for", "the", "de", "du", "des", "la", "le", "van", "von", "der", "den",
                         "al", "bin", "di", "da", "del", "y", "on", "&"})
#: The tag of a token that is no part of a name.
OUTSIDE = "O"
#: Entity types that are actors, as presslens calls them; MISC (nationalities, events, works) is none.
ACTOR_TYPES = {"PER": "person", "ORG": "organization", "LOC": "location"}


def is_name_candidate(words: Sequence[str], i: int) -> bool:
    """Whether the token at ``i`` may be part of a name: capitalised, or an inner word between two
    capitalised tokens (*Bank of China*, *Ludwig van Beethoven*)."""
    word = words[i]
    if word[:1].isupper():
        return True
    if word.lower() not in INNER_WORDS or i == 0 or not words[i - 1][:1].isupper():
        return False
    following = words[i + 1:i + 3]
    return bool(following) and (following[0][:1].isupper() or (following[0] == "the" and len(following) > 1
                                                                 and following[1][:1].isupper()))


def token_features(words: Sequence[str], i: int, previous_tag: str, known: Sequence[str],
                   capitals: bool) -> list[str]:
    """The features of the token at ``i``: the one feature function of training and run time.

    Parameters
    ----------
    words
        The tokens of the sentence as written.
    i
        Position of the token.
    previous_tag
        The tag given to the token before (``O`` at the start and after a token that is not scored).
    known
        For each token, the type of the gazetteer name it lies in, prefixed ``B-`` or ``I-`` (``""``
        outside any known name).
    capitals
        Whether the sentence is written in capitals (a headline).

    Returns
    -------
    list of str
        :func:`word_features` of the token, then :func:`context_features`.
    """
    return [*word_features(words[i], capitals), *context_features(words, i, previous_tag, known)]


def word_features(word: str, capitals: bool) -> tuple[str, ...]:
    """The features of a token that its own letters give: word, shape, affixes, dictionary word, given name."""
    key = _word_key(word)
    features = ["bias", f"w={key}", f"s={_shape(word)}", f"p3={key[:3]}", f"x2={key[-2:]}", f"x3={key[-3:]}",
                f"x4={key[-4:]}"]
    if key in common_words():
        features.append("common")
    if key in lowercase_given_names():
        features.append("given")
    if capitals:
        features += ["caps", f"capsw={key}"]
    return tuple(features)


def context_features(words: Sequence[str], i: int, previous_tag: str, known: Sequence[str]) -> list[str]:
    """The features of the token at ``i`` that its neighbours, the previous tag and the gazetteer give."""
    key = _word_key(words[i])
    before = _context_word(words[i - 1]) if i > 0 else "<s>"
    after = _context_word(words[i + 1]) if i + 1 < len(words) else "</s>"
    features = [
        f"b1={before}", f"b2={_context_word(words[i - 2]) if i > 1 else '<s>'}", f"a1={after}",
        f"a2={_context_word(words[i + 2]) if i + 2 < len(words) else '</s>'}", f"b1w={before}|{key}",
        f"wa1={key}|{after}", f"bs={_shape(words[i - 1]) if i > 0 else '<s>'}",
        f"as={_shape(words[i + 1]) if i + 1 < len(words) else '</s>'}", f"t={previous_tag}",
        f"ts={previous_tag}|{_shape(words[i])}", f"tw={previous_tag}|{key}", f"gz={known[i]}",
    ]
    if i == 0 or not words[i - 1][:1].isalnum():
        features.append(f"start={previous_tag}")
    return features


def known_tags(known: dict[int, tuple[int, str]], type_of, length: int) -> list[str]:
    """Per token, ``B-type``/``I-type`` of the gazetteer name it lies in, or ``""``.

    Parameters
    ----------
    known
        Start position → (end position, canonical name) of the gazetteer's names in the sentence.
    type_of
        Canonical name → actor type.
    length
        Number of tokens.
    """
    tags = [""] * length
    for start, (end, name) in known.items():
        kind = type_of(name)
        tags[start] = f"B-{kind}"
        for k in range(start + 1, end):
            tags[k] = f"I-{kind}"
    return tags


class NameTagger:
    """A trained name tagger: for each feature, its weights per tag, applied greedily left to right.

    Parameters
    ----------
    tags
        The IOB2 tags in the order of the weights, ``O`` among them.
    weights
        Feature → one weight per tag.
    """

    def __init__(self, tags: Sequence[str], weights: dict[str, Sequence[float]]):
        if OUTSIDE not in tags:
            raise ValueError(f"a name tagger's tags must include {OUTSIDE!r}, got {list(tags)}")
        if any(len(row) != len(tags) for row in weights.values()):
            raise ValueError(f"a name tagger needs {len(tags)} weights per feature")
        self.tags = tuple(tags)
        self._weights = {feature: tuple(row) for feature, row in weights.items()}
        self._zero = (0.0,) * len(tags)
        #: The scores of a word's own features, remembered: news repeats its words and names.
        self._word_scores = functools.lru_cache(maxsize=TOKEN_CACHE_SIZE)(
            lambda word, capitals: tuple(self.scores(word_features(word, capitals))))

    @classmethod
    def load(cls, path: str | Path | None = None) -> NameTagger:
        """The packaged model, or the model file at ``path``.

        Raises
        ------
        ValueError
            When the file is not a name tagger model of this version (retrain with
            ``python -m presslens.actors.train_tagger``).
        """
        source = Path(path) if path else importlib_resources.files("presslens").joinpath(PACKAGED_MODEL)
        with source.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as stream:
            data = json.load(stream)
        if data.get("format") != MODEL_FORMAT:
            raise ValueError(f"{source}: not a name tagger model of format {MODEL_FORMAT}; "
                             "retrain it with python -m presslens.actors.train_tagger")
        return cls(data["tags"], data["weights"])

    def scores(self, features: Sequence[str]) -> list[float]:
        """The score of each tag for a token with these features."""
        get = self._weights.get
        rows = [row for row in map(get, features) if row is not None]
        return list(map(sum, zip(*rows))) if rows else list(self._zero)

    def tag(self, words: Sequence[str], known: Sequence[str] | None = None) -> list[str]:
        """An IOB2 tag for each token (``O`` for tokens that cannot be part of a name)."""
        known = known if known is not None else [""] * len(words)
        capitals = "".join(words).isupper()
        tags, previous = [], OUTSIDE
        for i, word in enumerate(words):
            if not word[:1].isupper() and (word.lower() not in INNER_WORDS or not is_name_candidate(words, i)):
                previous = OUTSIDE
                tags.append(previous)
                continue
            totals = list(map(add, self.scores(context_features(words, i, previous, known)),
                              self._word_scores(words[i], capitals)))
            previous = self.tags[totals.index(max(totals))]
            tags.append(previous)
        return tags


def tag_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(first, last, type) of the names in a sequence of IOB2 tags; an ``I-`` that continues nothing opens a name."""
    spans: list[tuple[int, int, str]] = []
    start, label = 0, ""
    for i, tag in enumerate([*tags, OUTSIDE]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label
        if label and not continues:
            spans.append((start, i, label))
            label = ""
        if prefix in ("B", "I") and not continues:
            start, label = i, kind
    return spans


@functools.cache
def name_tagger() -> NameTagger:
    """The packaged name tagger, loaded once per process."""
    return NameTagger.load()
