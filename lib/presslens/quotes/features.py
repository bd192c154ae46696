"""Words of a paragraph and what the sequence tagger sees of each: the word, its shape and neighbours,
whether it lies inside quotation marks, where its sentence starts and ends.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import NamedTuple

from presslens.quotes.marks import CLOSING, OPENING

TOKEN = re.compile(r"\w+(?:[’'.-]\w+)*|[^\w\s]", re.UNICODE)
SENTENCE_END = frozenset(".!?")
PRONOUNS = frozenset("he she they it we i you who his her their him them".split())


class Token(NamedTuple):
    text: str
    start: int
    end: int


def paragraph_tokens(text: str, start: int, end: int) -> list[Token]:
    """The words and punctuation of ``text[start:end]`` with offsets into ``text``."""
    new = tuple.__new__  # twice as fast as Token(…), which runs a Python function per token
    return [new(Token, (match[0], *match.span())) for match in TOKEN.finditer(text, start, end)]


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if not word[0].isalnum():
        return "p"
    if word.isupper() and len(word) > 1:
        return "X"
    return "Xx" if word[0].isupper() else "x"


def stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Paragraph:
    """A paragraph as the tagger reads it: its tokens, whether each opens a sentence, and the quotation each
    lies inside (the index of its range in the text's quoted ranges, -1 for none)."""

    tokens: list[Token]
    starts: list[bool]
    quotation: list[int]


def read_paragraph(text: str, start: int, end: int, quoted: list[tuple[int, int]]) -> Paragraph:
    """``text[start:end]`` read once for everything the tagger asks of it (``quoted``: the text's quoted ranges)."""
    tokens = paragraph_tokens(text, start, end)
    return Paragraph(tokens, sentence_starts(tokens), quotation_indices(tokens, quoted))


def sequence_features(paragraph: Paragraph, first: int, last: int, cue_words: frozenset[str]) -> list[tuple[str, ...]]:
    """The features of the tokens ``[first, last)`` of ``paragraph`` (whole sentences), one tuple of strings
    per token, as python-crfsuite takes them: each word, its stem, suffix and shape, its neighbours two
    words either side and the pairs it makes with them, whether it lies inside quotation marks, where it
    stands in its sentence, and how far the nearest cue word stands before and after it.

    What is only absent (no cue word in the sentence, no comma since it, not a pronoun, not a quotation
    mark, outside quotation marks) is said by no feature: the CRF learns as much from the features that
    are there, and is passed about a quarter fewer strings.

    ``cue_words`` are the stems that often attribute (learnt from training, :func:`stem`).
    """
    tokens, starts = paragraph.tokens[first:last], paragraph.starts[first:last]
    n = len(tokens)
    words = [_word_features(token.text, cue_words) for token in tokens]
    placed = _sentence_places(words, starts)
    seen = [_EDGE] * 2 + [word.seen_as for word in words] + [_EDGE] * 2
    pairs = [_pair_features(words[i - 1].word if i else "<>", words[i].word if i < n else "<>")
             for i in range(n + 1)]
    flags = "x" + "".join("0" if index < 0 else "1" for index in paragraph.quotation[first:last]) + "x"
    return [(*word.own, seen[i][0], seen[i + 1][1], seen[i + 3][2], seen[i + 4][3], pairs[i][0], pairs[i + 1][1],
             *placed[i], *_QUOTATION_FEATURES[word.mark, flags[i:i + 3]])
            for i, word in enumerate(words)]


CONTEXT = (-2, -1, 1, 2)


class _Word(NamedTuple):
    word: str
    cue: bool
    own: tuple[str, ...]
    seen_as: tuple[str, ...]  # the word as its neighbours see it, at each offset of CONTEXT
    mark: str  # "open", "close", "either" (“ closes „ in Russian, opens elsewhere) or "" (no quotation mark)


@functools.lru_cache(maxsize=200_000)
def _word_features(text: str, cue_words: frozenset[str]) -> _Word:
    """What a word says on its own and to its neighbours, whatever they are: made once per distinct word."""
    word = text.lower()
    stemmed = stem(word)
    own = ("w=" + word, "stem=" + stemmed, "suf=" + word[-3:], "shape=" + _shape(text),
           *(("cue=True",) if stemmed in cue_words else ()), *(("pron=True",) if word in PRONOUNS else ()))
    seen_as = tuple(f"w{offset}={word}" for offset in CONTEXT)
    mark = ("either" if text in CLOSING else "open") if text in OPENING else "close" if text in CLOSING else ""
    return _Word(word, stemmed in cue_words, own, seen_as, mark)


_EDGE = tuple(f"w{offset}=<>" for offset in CONTEXT)


def _pair_features(left: str, right: str) -> tuple[str, str]:
    """Two neighbouring words as the right one sees them (``w-1|w``) and as the left one does (``w|w+1``).

    Not cached: about half the pairs of a news text are new to it, and a cache of them cost more than it saved.
    """
    return f"w-1|w={left}|{right}", f"w|w+1={left}|{right}"


def _sentence_places(words: list[_Word], starts: list[bool]) -> list[tuple[str, ...]]:
    """Where each word stands in its sentence: its position from the start, the words left to the end
    (``bos``, ``eos`` at either end), how far the last cue word before it and the next one after it stand,
    and how many commas came since that last cue word."""
    places: list[tuple[str, ...]] = []
    bounds = [0, *(i for i in range(1, len(starts)) if starts[i]), len(starts)]  # a stretch opens a sentence
    for first, last in zip(bounds, bounds[1:]):
        cues = [i for i in range(first, last) if words[i].cue]
        following = iter([*cues[1:], None])
        previous, next_cue, commas = None, cues[0] if cues else None, None
        for i in range(first, last):
            if i == next_cue:
                next_cue = next(following)
            places.append(_PLACES[i - first if i - first < 6 else 6, _DISTANCE[min(last - 1 - i, 9)],
                                  None if previous is None else _DISTANCE[min(i - previous, 9)],
                                  None if next_cue is None else _DISTANCE[min(next_cue - i, 9)], commas])
            if words[i].cue:
                previous, commas = i, 0
            elif commas is not None and words[i].word == ",":
                commas = min(commas + 1, 2)
    return places


#: Tokens from a word to another, as the tagger sees them: a few exactly, then near or far.
_DISTANCE = ("0", "1", "2", "3", *["near"] * 5, "far")


class _Places(dict):
    """The strings of a word's place in its sentence (:func:`_sentence_places`), made once per place."""

    def __missing__(self, place):
        position, to_end, cue_before, cue_after, commas = place
        self[place] = (*((f"cue<{cue_before}",) if cue_before else ()), *((f"cue>{cue_after}",) if cue_after else ()),
                       *((f"commas={commas if commas < 2 else '2+'}",) if commas is not None else ()),
                       f"end={to_end}", *(("bos",) if not position else ()), *(("eos",) if to_end == "0" else ()),
                       f"pos={position}")
        return self[place]


class _QuotationFeatures(dict):
    """The strings of a word's quotation mark and of whether it and its neighbours lie inside quotation marks
    (``flags``: before, itself, after as ``x`` no neighbour, ``0`` outside, ``1`` inside), made once per case."""

    def __missing__(self, case):
        mark, flags = case
        inside = flags[1] == "1"
        if mark == "either":
            mark = "open" if inside else "close"
        self[case] = (*(("q=1",) if inside else ()), *((f"mark={mark}",) if mark else ()), f"q-1|q|q+1={flags}")
        return self[case]


_PLACES, _QUOTATION_FEATURES = _Places(), _QuotationFeatures()


def quotation_indices(tokens: list[Token], quoted: list[tuple[int, int]]) -> list[int]:
    """For each token (in text order), the index of the ``quoted`` range it lies inside, or -1."""
    indices, k = [], 0
    for token in tokens:
        while k < len(quoted) and quoted[k][1] <= token.start:
            k += 1
        indices.append(k if k < len(quoted) and quoted[k][0] <= token.start else -1)
    return indices


def sentence_starts(tokens: list[Token]) -> list[bool]:
    """Whether each token opens a sentence (not after a title or an initial: *Mr. Bush*, *Warren E. Buffett*)."""
    starts = [True] * bool(tokens) + [False] * max(len(tokens) - 1, 0)
    for i in range(1, len(tokens)):
        previous = tokens[i - 1].text
        if previous[-1] in SENTENCE_END or (previous in CLOSING and i > 1 and tokens[i - 2].text[-1] in SENTENCE_END):
            starts[i] = (tokens[i].text[:1].isupper() or tokens[i].text in OPENING) and not (
                previous == "." and i > 1 and _abbreviates(tokens[i - 2].text))
    return starts


#: Words written before a full stop inside a sentence, before a name.
TITLES = frozenset("mr mrs ms dr rep sen gov gen lt col sgt capt adm maj st jr prof rev hon".split())


def _abbreviates(word: str) -> bool:
    return word.lower() in TITLES or (len(word) == 1 and word.isupper())
