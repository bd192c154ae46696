"""Words of a paragraph and what the sequence tagger sees of each: the word, its shape and neighbours,
whether it lies inside quotation marks, where its sentence starts and ends.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from presslens.quotes.marks import CLOSING, OPENING

TOKEN = re.compile(r"\w+(?:[’'.-]\w+)*|[^\w\s]", re.UNICODE)
SENTENCE_END = re.compile(r"[.!?]$")
PRONOUNS = frozenset("he she they it we i you who his her their him them".split())


@dataclass(frozen=True)
class Token:
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


def sequence_features(tokens: list[Token], quoted: list[tuple[int, int]], cue_words: frozenset[str]) -> list[list[str]]:
    """One list of string features per token (the form python-crfsuite takes).

    ``cue_words`` are the stems that often attribute (learnt from training, :func:`stem`): each word
    is told how far the nearest of them stands before and after it in its sentence.
    """
    n = len(tokens)
    own = [_word_features(token.text, cue_words) for token in tokens]
    words = [features[0][2:] for features in own]
    inside = _inside_flags(tokens, quoted)
    sentence_start = _sentence_starts(tokens)
    is_cue = [features[4] == "cue=True" for features in own]
    before, after = _cue_distances(is_cue, sentence_start)
    padded = ["<>"] * 3 + words + ["<>"] * 3
    context = list(zip(*([f"w{offset}=" + word for word in padded[3 + offset:3 + offset + n]] for offset in CONTEXT)))
    flags = "x" + "".join(map(str, inside)) + "x"
    cue_before = [_bucket(distance) for distance in before]
    cue_after = [_bucket(distance) for distance in after]
    features = []
    position_in_sentence = 0
    for i, token in enumerate(tokens):
        position_in_sentence = 0 if sentence_start[i] else position_in_sentence + 1
        mark = "open" if token.text in OPENING else "close" if token.text in CLOSING else "-"
        if token.text in OPENING and token.text in CLOSING:  # “ closes „ in Russian, opens elsewhere
            mark = "open" if inside[i] else "close"
        item = [
            *own[i][:5], "cue<" + cue_before[i], "cue>" + cue_after[i],
            "q=" + str(inside[i]), "mark=" + mark, "pos=" + str(min(position_in_sentence, 6)), own[i][5],
            *context[i],
            "w-1|w=" + padded[i + 2] + "|" + words[i], "w|w+1=" + words[i] + "|" + padded[i + 4],
            "q-1|q|q+1=" + flags[i:i + 3],
        ]
        if sentence_start[i]:
            item.append("bos")
        if i + 1 == n or sentence_start[i + 1]:
            item.append("eos")
        features.append(item)
    return features


CONTEXT = (-3, -2, -1, 1, 2, 3)


@functools.lru_cache(maxsize=200_000)
def _word_features(text: str, cue_words: frozenset[str]) -> tuple[str, ...]:
    """What a word says on its own, whatever its neighbours: computed once per distinct word."""
    word = text.lower()
    return ("w=" + word, "stem=" + stem(word), "suf=" + word[-3:], "shape=" + _shape(text),
            "cue=" + str(stem(word) in cue_words), "pron=" + str(word in PRONOUNS))


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


def _bucket(distance: int | None) -> str:
    if distance is None:
        return "none"
    return str(distance) if distance <= 3 else "near" if distance <= 8 else "far"


def _inside_flags(tokens: list[Token], quoted: list[tuple[int, int]]) -> list[int]:
    flags, k = [], 0
    for token in tokens:
        while k < len(quoted) and quoted[k][1] <= token.start:
            k += 1
        flags.append(int(k < len(quoted) and quoted[k][0] <= token.start < quoted[k][1]))
    return flags


def _sentence_starts(tokens: list[Token]) -> list[bool]:
    starts = [True] * bool(tokens) + [False] * max(len(tokens) - 1, 0)
    for i in range(1, len(tokens)):
        previous = tokens[i - 1].text
        if SENTENCE_END.search(previous) or (previous in CLOSING and i > 1 and SENTENCE_END.search(tokens[i - 2].text)):
            starts[i] = tokens[i].text[:1].isupper() or tokens[i].text in OPENING
    return starts
