"""NLTK's part-of-speech tagger and binary named-entity chunker, applied from their trained weights.

At a sentence start, where capitals prove nothing, typing asks the chunker whether capitalised words
are a name. NLTK 3.10 tests every word's shape through a timed wrapper of the ``regex`` engine and,
for every word, encodes each feature once per label: with the tagger before it, a quarter of actor
extraction. Here the features the models were trained on are made with the same ``regex`` patterns
compiled once, and each feature's weights for all labels come from one lookup. The weights, the
order they are summed in and the choice of label are NLTK's, so the tags and chunks are the same
(tested against NLTK's tagger and chunker).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable

import nltk
import regex
from nltk.chunk.named_entity import simplify_pos
from nltk.classify.maxent import BinaryMaxentFeatureEncoding
from nltk.probability import sum_logs
from nltk.tag import PerceptronTagger

from presslens.resources import require_nltk_data

_NUMBER = regex.compile(r"[0-9]+(\.[0-9]*)?|[0-9]*\.[0-9]+$", regex.UNICODE)
_PUNCTUATION = regex.compile(r"\W+$", regex.UNICODE)
_WORD = regex.compile(r"\w+$", regex.UNICODE)


def word_shape(word: str) -> str:
    """How the model reads a word's form: number, punct, upcase, downcase, mixedcase or other."""
    if _NUMBER.match(word):
        return "number"
    if _PUNCTUATION.match(word):
        return "punct"
    if _WORD.match(word):
        return "upcase" if word.istitle() else "downcase" if word.islower() else "mixedcase"
    return "other"


class NamedEntityChunker:
    """Which words of a part-of-speech-tagged sequence form named entities (B-NE, I-NE, O per word)."""

    def __init__(self, weights: dict[tuple, tuple[tuple[int, float], ...]], always_on: list[float],
                 labels: list[str], english_words: frozenset[str]):
        self.weights = weights
        self.always_on = always_on
        self.labels = labels
        self.english_words = english_words

    @classmethod
    def load(cls) -> NamedEntityChunker:
        """The binary chunker NLTK ships (``maxent_ne_chunker_tab``)."""
        require_nltk_data()
        classifier = nltk.chunk.ne_chunker(fmt="binary")._tagger._classifier
        encoding = classifier._encoding
        if not isinstance(encoding, BinaryMaxentFeatureEncoding) or encoding._unseen or not classifier._logarithmic:
            raise RuntimeError(f"NLTK {nltk.__version__}'s named-entity chunker is not the log-linear model "
                               "presslens reads; install the NLTK version pyproject.toml names")
        labels = list(encoding.labels())
        weights = classifier.weights().tolist()
        by_feature = defaultdict(list)
        for (name, value, label), feature_id in encoding._mapping.items():
            by_feature[name, value].append((labels.index(label), weights[feature_id]))
        always_on = [weights[encoding._alwayson[label]] for label in labels]
        english_words = frozenset(nltk.corpus.words.words("en-basic"))
        return cls({key: tuple(sorted(row)) for key, row in by_feature.items()}, always_on, labels, english_words)

    def entity_spans(self, tagged: list[tuple[str, str]]) -> set[tuple[int, int]]:
        """Token index ranges ``(start, end)`` of the named entities among ``(word, tag)`` pairs."""
        spans, start = set(), None
        history: list[str] = []
        for index in range(len(tagged)):
            label = self._label(tagged, index, history)
            history.append(label)
            if start is not None and label != "I-NE":
                spans.add((start, index))
                start = None
            if label != "O" and start is None:
                start = index
        if start is not None:
            spans.add((start, len(tagged)))
        return spans

    def _label(self, tagged: list[tuple[str, str]], index: int, history: list[str]) -> str:
        totals = [0.0] * len(self.labels)
        for feature in self._features(tagged, index, history):
            for label, weight in self.weights.get(feature, ()):
                totals[label] += weight
        for label, weight in enumerate(self.always_on):
            totals[label] += weight
        normaliser = sum_logs(totals)
        return max((total - normaliser, label) for total, label in zip(totals, self.labels))[1]

    def _features(self, tagged: list[tuple[str, str]], index: int, history: list[str]) -> list[tuple]:
        """The features the model was trained with, in its order (the order weights are summed in)."""
        word, tag = tagged[index]
        pos = simplify_pos(tag)
        previous_word = previous_pos = previous_tag = previous_shape = None
        if index > 0:
            previous_word = tagged[index - 1][0].lower()
            previous_pos = simplify_pos(tagged[index - 1][1])
            # as trained: one word in, the previous label's first letter; further on, the whole label
            previous_tag = history[index - 1][0] if index == 1 else history[index - 1]
            if index > 1:
                previous_shape = word_shape(previous_word)
        next_word = next_pos = None
        if index + 1 < len(tagged):
            next_word = tagged[index + 1][0].lower()
            next_pos = tagged[index + 1][1].lower()
        return [
            ("bias", True), ("shape", word_shape(word)), ("wordlen", len(word)), ("prefix3", word[:3].lower()),
            ("suffix3", word[-3:].lower()), ("pos", pos), ("word", word), ("en-wordlist", word in self.english_words),
            ("prevtag", previous_tag), ("prevpos", previous_pos), ("nextpos", next_pos), ("prevword", previous_word),
            ("nextword", next_word), ("word+nextpos", f"{word.lower()}+{next_pos}"), ("pos+prevtag", f"{pos}+{previous_tag}"),
            ("shape+prevtag", f"{previous_shape}+{previous_tag}"),
        ]


class PartOfSpeechTagger:
    """NLTK's averaged-perceptron part-of-speech tagger (the chunker's input), applied from its weights.

    The features are the model's own, each summed into the scores of its labels in the model's order,
    and ties go to the alphabetically last label, as in NLTK; only the per-word overhead is gone.
    """

    START, END = ("-START-", "-START2-"), ("-END-", "-END2-")

    def __init__(self, weights: dict[str, dict[str, float]], labels: frozenset[str], known_words: dict[str, str],
                 normalize: Callable[[str], str]):
        self.weights = weights
        self.labels = labels
        self.known_words = known_words  # words the training data always tagged alike
        self.normalize = normalize  # a word as the context features read it (lowercase, !YEAR, !DIGITS…)

    @classmethod
    def load(cls) -> PartOfSpeechTagger:
        """The English tagger NLTK ships (``averaged_perceptron_tagger_eng``)."""
        tagger = PerceptronTagger()
        if tuple(tagger.START) != cls.START or tuple(tagger.END) != cls.END:
            raise RuntimeError(f"NLTK {nltk.__version__}'s tagger is not the one presslens reads; "
                               "install the NLTK version pyproject.toml names")
        return cls(tagger.model.weights, frozenset(tagger.model.classes), tagger.tagdict, tagger.normalize)

    def tag(self, words: list[str]) -> list[tuple[str, str]]:
        """``(word, tag)`` for each word."""
        context = [*self.START, *map(self.normalize, words), *self.END]
        tagged, previous, before_previous = [], self.START[0], self.START[1]
        for i, word in enumerate(words):
            tag = self.known_words.get(word) or self._predicted(self._features(i + 2, word, context, previous, before_previous))
            tagged.append((word, tag))
            previous, before_previous = tag, previous
        return tagged

    def _predicted(self, features: list[str]) -> str:
        scores: dict[str, float] = {}
        for feature in features:
            for label, weight in self.weights.get(feature, {}).items():
                scores[label] = scores.get(label, 0.0) + weight
        best = max(((score, label) for label, score in scores.items()), default=(0.0, ""))
        if best[0] <= 0.0 and len(scores) < len(self.labels):  # a label without a score stands at 0
            best = max(best, (0.0, max(self.labels - scores.keys())))
        return best[1]

    @staticmethod
    def _features(i: int, word: str, context: list[str], previous: str, before_previous: str) -> list[str]:
        """The model's features of the word at ``context[i]``, in its order."""
        return [
            "bias", f"i suffix {word[-3:]}", f"i pref1 {word[:1]}", f"i-1 tag {previous}", f"i-2 tag {before_previous}",
            f"i tag+i-2 tag {previous} {before_previous}", f"i word {context[i]}", f"i-1 tag+i word {previous} {context[i]}",
            f"i-1 word {context[i - 1]}", f"i-1 suffix {context[i - 1][-3:]}", f"i-2 word {context[i - 2]}",
            f"i+1 word {context[i + 1]}", f"i+1 suffix {context[i + 1][-3:]}", f"i+2 word {context[i + 2]}",
        ]


class NameChunker:
    """NLTK's part-of-speech tagger and binary named-entity chunker, loaded once."""

    def __init__(self):
        require_nltk_data()
        self.tagger = PartOfSpeechTagger.load()
        self.chunker = NamedEntityChunker.load()

    def named_entity_spans(self, words: list[str]) -> set[tuple[int, int]]:
        """Token index ranges the chunker labels as named entities."""
        return self.chunker.entity_spans(self.tagger.tag(words))


@functools.cache
def name_chunker() -> NameChunker:
    return NameChunker()
