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

from natasha.shape import recover_shape

from presslens.actors.gazetteer import Gazetteer, name_key
from presslens.actors.russian_models import analyzer, lemmas, plain_word, segmenter

#: pymorphy3 grammemes of the words of a person's name: first name, family name, patronymic.
NAME_GRAMMEMES = frozenset({"Name", "Surn", "Patr"})


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


def nominatives(names: Sequence[tuple[Sequence[str], str]]) -> list[list[str]]:
    """Each name (its words and its type) in the nominative, as written otherwise: *Юрия Лужкова* →
    Юрий Лужков, *Тверской площади* → Тверская площадь, *мэрии Москвы* → мэрия Москвы.

    A person's every word is inflected; an organisation's or place's adjectives and head noun. The
    words inflected together take the reading they agree in (case, number, gender) that pymorphy3
    finds likeliest, so *Лужкова* after *Юрия* is a man's name in the genitive.
    """
    return [_nominative(list(words), kind) for words, kind in names]


def _nominative(words: list[str], kind: str) -> list[str]:
    readings = [analyzer().parse(word) if _russian(word) else [] for word in words]
    if kind == "person":
        group = [n for n, options in enumerate(readings) if options]
        readings = [[p for p in options if NAME_GRAMMEMES & p.tag.grammemes] or options for options in readings]
    else:
        group = []
        for n, options in enumerate(readings):
            if not options:
                break
            group.append(n)
            if options[0].tag.POS == "NOUN":
                break
    chosen = _agreeing([readings[n] for n in group])
    inflected = list(words)
    for n, parse in zip(group, chosen):
        form = parse.inflect({"nomn", parse.tag.number} if parse.tag.number else {"nomn"}) if parse else None
        if form:
            inflected[n] = recover_shape(form.word, words[n])
    return inflected


def _agreeing(readings: list[list]) -> list:
    """One reading per word, all in the same case, number and (singular) gender, the likeliest such."""
    best, best_score = [None] * len(readings), 0.0
    if not readings:
        return best
    for key in {_agreement(parse.tag) for parse in readings[-1]}:
        picks = [max((p for p in options if _agreement(p.tag) == key), key=lambda p: p.score, default=None)
                 for options in readings]
        if all(picks):
            score = sum(p.score for p in picks) + (0.01 if key[0] == "nomn" else 0.0)
            if score > best_score:
                best, best_score = picks, score
    return best


def _agreement(tag) -> tuple:
    return tag.case, tag.number, tag.gender if tag.number != "plur" else None


def _russian(word: str) -> bool:
    return any("а" <= letter <= "я" or letter == "ё" for letter in word.lower())
