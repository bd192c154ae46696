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
    return [Token(m.group(), start + m.start(), start + m.end()) for m in TOKEN.finditer(text[start:end])]


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
    inside = [int(index >= 0) for index in paragraph.quotation[first:last]]
    n = len(tokens)
    words = [_word_features(token.text, cue_words) for token in tokens]
    is_cue = [word.cue for word in words]
    before, after = _cue_distances(is_cue, starts)
    commas = _commas_since_cue([token.text == "," for token in tokens], is_cue, starts)
    to_end = _words_to_sentence_end(starts)
    seen = [_EDGE] * 2 + [word.seen_as for word in words] + [_EDGE] * 2
    pairs = [_pair_features(words[i - 1].word if i else "<>", words[i].word if i < n else "<>")
             for i in range(n + 1)]
    flags = "x" + "".join(map(str, inside)) + "x"
    items = []
    position_in_sentence = 0
    for i, token in enumerate(tokens):
        position_in_sentence = 0 if starts[i] else position_in_sentence + 1
        text = token.text
        mark = "open" if text in OPENING else "close" if text in CLOSING else None
        if text in OPENING and text in CLOSING:  # “ closes „ in Russian, opens elsewhere
            mark = "open" if inside[i] else "close"
        item = (*words[i].own, seen[i][0], seen[i + 1][1], seen[i + 3][2], seen[i + 4][3], pairs[i][0], pairs[i + 1][1],
                *_CUE_BEFORE[before[i]], *_CUE_AFTER[after[i]],
                *_COMMAS[None if commas[i] is None else min(commas[i], 2)], *_TO_END[to_end[i]],
                *_INSIDE[inside[i]], *_MARKS[mark], _POSITIONS[min(position_in_sentence, 6)],
                _QUOTED_AROUND[flags[i:i + 3]])
        if starts[i]:
            item += ("bos",)
        if i + 1 == n or starts[i + 1]:
            item += ("eos",)
        items.append(item)
    return items


CONTEXT = (-2, -1, 1, 2)


class _Word(NamedTuple):
    word: str
    cue: bool
    own: tuple[str, ...]
    seen_as: tuple[str, ...]  # the word as its neighbours see it, at each offset of CONTEXT


@functools.lru_cache(maxsize=200_000)
def _word_features(text: str, cue_words: frozenset[str]) -> _Word:
    """What a word says on its own and to its neighbours, whatever they are: made once per distinct word."""
    word = text.lower()
    stemmed = stem(word)
    own = ("w=" + word, "stem=" + stemmed, "suf=" + word[-3:], "shape=" + _shape(text),
           *(("cue=True",) if stemmed in cue_words else ()), *(("pron=True",) if word in PRONOUNS else ()))
    seen_as = tuple(f"w{offset}={word}" for offset in CONTEXT)
    return _Word(word, stemmed in cue_words, own, seen_as)


_EDGE = tuple(f"w{offset}=<>" for offset in CONTEXT)


def _pair_features(left: str, right: str) -> tuple[str, str]:
    """Two neighbouring words as the right one sees them (``w-1|w``) and as the left one does (``w|w+1``).

    Not cached: about half the pairs of a news text are new to it, and a cache of them cost more than it saved.
    """
    return f"w-1|w={left}|{right}", f"w|w+1={left}|{right}"


def _commas_since_cue(is_comma: list[bool], is_cue: list[bool], sentence_start: list[bool]) -> list[int | None]:
    """Commas between each token and the last cue word before it in its sentence (``None``: no cue before)."""
    counts: list[int | None] = []
    count = None
    for comma, cue, start in zip(is_comma, is_cue, sentence_start):
        if start:
            count = None
        counts.append(count)
        if cue:
            count = 0
        elif comma and count is not None:
            count += 1
    return counts


def _words_to_sentence_end(sentence_start: list[bool]) -> list[int]:
    """Tokens after each token in its sentence."""
    left, remaining = [], 0
    for i in reversed(range(len(sentence_start))):
        left.append(remaining)
        remaining = 0 if sentence_start[i] else remaining + 1
    return left[::-1]


def _cue_distances(is_cue: list[bool], sentence_start: list[bool]) -> tuple[list[int | None], list[int | None]]:
    """Words from each token back to the last cue word and on to the next one, within its sentence."""
    n = len(is_cue)
    before, after = [None] * n, [None] * n
    last = None
    for i in range(n):
        if sentence_start[i]:
            last = None
        before[i] = None if last is None else i - last
        if is_cue[i]:
            last = i
    following = None
    for i in reversed(range(n)):
        after[i] = None if following is None else following - i
        if is_cue[i]:
            following = i
        if sentence_start[i]:
            following = None
    return before, after


def _bucket(distance: int) -> str:
    return str(distance) if distance <= 3 else "near" if distance <= 8 else "far"


class _Buckets(dict):
    """``(prefix + _bucket(distance),)``, or ``()`` for no distance, made once per distance."""

    def __init__(self, prefix: str):
        super().__init__()
        self.prefix = prefix

    def __missing__(self, distance):
        self[distance] = () if distance is None else (self.prefix + _bucket(distance),)
        return self[distance]


_CUE_BEFORE, _CUE_AFTER, _TO_END = _Buckets("cue<"), _Buckets("cue>"), _Buckets("end=")
_COMMAS = {None: (), 0: ("commas=0",), 1: ("commas=1",), 2: ("commas=2+",)}
_INSIDE = ((), ("q=1",))
_POSITIONS = [f"pos={position}" for position in range(7)]
_MARKS = {None: (), "open": ("mark=open",), "close": ("mark=close",)}
_QUOTED_AROUND = {f"{a}{b}{c}": f"q-1|q|q+1={a}{b}{c}" for a in "x01" for b in "01" for c in "x01"}


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
