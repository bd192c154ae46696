"""Known actors in Russian text: the gazetteer's Russian names matched on lemmas, and names put in the nominative.

A name matches whatever its inflection: *Китая*, *Китаю* → Китай → China; *МИД России* → Russian Ministry
of Foreign Affairs. Each word of a name is compared by its dictionary forms (pymorphy3), and by its
shape: a capitalised word of a name matches only a capitalised word, an acronym only an acronym, so
the common word *мир* never matches a name *Мир*.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from natasha.norm import inflect_word, recover_shapes

from presslens.actors.gazetteer import Gazetteer, name_key
from presslens.actors.russian_models import lemmas, morph_tagger, morph_vocab, plain_word, segmenter

#: Parts of speech that head a Russian noun phrase: the words up to the first of them are put in the
#: nominative, the rest (a genitive complement: *площади* of *Тверской площади*, *Москвы* of
#: *мэрии Москвы*) stay as written.
HEADS = ("NOUN", "PROPN")


@dataclass(frozen=True)
class KnownName:
    """A Russian name of a gazetteer actor, as the lemmas and shapes of its words."""

    lemmas: tuple[frozenset[str], ...]
    shapes: tuple[str, ...]
    actor: str


@dataclass(frozen=True)
class Candidate:
    """A name found in the token sequence: tokens ``first``..``last`` (exclusive)."""

    first: int
    last: int
    type: str
    actor: str | None  # the canonical name when the gazetteer knows it
    method: str

    def inside(self, other: Candidate) -> bool:
        return other.first <= self.first and self.last <= other.last and (self.first, self.last) != (other.first, other.last)

    def overlaps(self, other: Candidate) -> bool:
        return self.first < other.last and other.first < self.last


class RussianNames:
    """The gazetteer's Russian names, indexed by the dictionary forms of their first word."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.by_first: dict[str, list[KnownName]] = defaultdict(list)
        self.by_normal: dict[str, str] = {}
        for name, actor in gazetteer.names_in("ru").items():
            words = [token.text for token in segmenter().tokenize(name)]
            known = KnownName(tuple(lemmas(word) for word in words), tuple(shape(word) for word in words), actor)
            for lemma in known.lemmas[0]:
                self.by_first[lemma].append(known)
            self.by_normal.setdefault(plain_word(name), actor)
        for candidates in self.by_first.values():
            candidates.sort(key=lambda known: -len(known.lemmas))

    def match(self, words: Sequence[str], start: int) -> tuple[int, str] | None:
        """(end, actor) of the longest known name that starts at ``words[start]``, or None."""
        first = words[start]
        if shape(first) == "lower":
            return None
        for lemma in lemmas(first):
            for known in self.by_first.get(lemma, ()):
                end = start + len(known.lemmas)
                if end <= len(words) and all(
                        fits(words[position], known.lemmas[offset], known.shapes[offset])
                        for offset, position in enumerate(range(start, end))):
                    return end, known.actor
        return None

    def actor_of(self, normal: str, surface: str) -> str | None:
        """The canonical name of a name in the nominative (*Москва*), or of a Latin-script name (*Google*)."""
        return self.by_normal.get(plain_word(normal)) or self.gazetteer.index.get(name_key(surface))


_INDEXES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def russian_names(gazetteer: Gazetteer) -> RussianNames:
    """The index of ``gazetteer``'s Russian names, made once per gazetteer."""
    if gazetteer not in _INDEXES:
        _INDEXES[gazetteer] = RussianNames(gazetteer)
    return _INDEXES[gazetteer]


def shape(word: str) -> str:
    """upper (an acronym), title (a capitalised word), lower, or other (digits, punctuation)."""
    if not word[:1].isalpha():
        return "other"
    if word.isupper() and len(word) > 1:
        return "upper"
    return "title" if word[0].isupper() else "lower"


def fits(word: str, name_lemmas: frozenset[str], name_shape: str) -> bool:
    """Whether a word of the text can be this word of a name: a shared dictionary form, a fitting shape."""
    if name_shape in ("upper", "title") and shape(word) not in (name_shape, "upper"):
        return False
    return not name_lemmas.isdisjoint(lemmas(word))


def nominatives(names: Sequence[tuple[Sequence, str]]) -> list[str]:
    """Each name (its tokens, with offsets, and its type) in the nominative, as written otherwise: *Юрия Лужкова* → Юрий
    Лужков, *Тверской площади* → Тверская площадь, *мэрии Москвы* → мэрия Москвы.

    A person's every word is inflected; an organisation's or place's words up to its head noun.
    """
    if not names:
        return []
    markups = morph_tagger().map([[token.text for token in written] for written, _ in names])
    normal = []
    for (written, kind), markup in zip(names, markups):
        tokens = markup.tokens
        inflected, head_seen = [], False
        for token in tokens:
            if kind == "person" or not head_seen:
                inflected.append(inflect_word(morph_vocab(), token))
                head_seen = token.pos in HEADS
            else:
                inflected.append(token.text)
        words = list(recover_shapes(inflected, tokens))
        gaps = [" " * (after.start - before.stop) for before, after in zip(written, written[1:])]
        normal.append("".join(word + gap for word, gap in zip(words, [*gaps, ""])))
    return normal
