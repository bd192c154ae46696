"""Where a Russian mention begins and ends: bodies and places named by their kind and a name, names in brackets.

*мэрии Москвы*, *правительства Китая* (a kind of body and the place it governs), *партии «Яблоко»*,
*газеты «Русская правда»* (a kind and a quoted name), *реки Славянки*, *штата Аризона* (a kind of
place and its name): the kind word is part of the mention. A place that a body's name contains stays a
mention of its own (*Москвы*); a quoted name is not one apart from its kind. A body's name followed
by the place it belongs to (*Исламского комитета России*, *Генеральная прокуратура ОАЭ*) is one
mention too, and again the place one of its own. A name with another in brackets (*Комитет защиты
журналистов (КЗЖ)*, *Джоэл Саймон (Joel Simon)*) is two mentions.
"""

from __future__ import annotations

from dataclasses import replace

from presslens.actors.russian_models import analyzer, lemmas, plain_word
from presslens.actors.russian_names import Candidate

#: Nouns that name a kind of organisation (dictionary forms).
BODY_KINDS = frozenset("""
партия движение компания корпорация концерн холдинг группа фонд министерство ведомство мэрия
администрация правительство парламент служба пресс-служба управление комитет комиссия совет суд
прокуратура агентство газета журнал еженедельник ежемесячник телеканал радиостанция издание команда клуб
сборная федерация союз ассоциация организация институт университет академия театр завод фабрика
отделение представительство посольство консульство фракция штаб кабинет руководство объединение
альянс коалиция профсоюз банк биржа обком горком райком департамент полиция армия милиция
больница госпиталь музей общество палата дума собрание ассамблея конгресс сенат кабмин
""".split())

#: Nouns that name a kind of place (dictionary forms); a monument is a place, named after a person.
PLACE_KINDS = frozenset("""
река город штат площадь улица район поселок село деревня остров озеро гора проспект область
край республика провинция округ станица аэропорт порт залив пролив полуостров хребет
""".split())
MONUMENT_KINDS = frozenset({"памятник", "монумент"})
#: The first letters of every kind word: a word that begins otherwise is not looked up.
KIND_BEGINNINGS = frozenset(kind[:3] for kind in BODY_KINDS | PLACE_KINDS | MONUMENT_KINDS)
OPENING_QUOTES, CLOSING_QUOTES = frozenset("«„“\""), frozenset("»“”\"")
#: At most this many adjectives before a body's name belong to it (*японского МИДа*).
ADJECTIVE_REACH = 2
#: Endings of the relational adjectives that belong to a body's name (of a place, a field, a level).
RELATIONAL_ENDINGS = ("ский", "цкий", "ской", "венный", "ональный", "альный", "ьный")
#: A quoted name is at most this many words long.
QUOTE_REACH = 8


def extend_by_descriptors(candidates: list[Candidate], words: list[str]) -> list[Candidate]:
    """``candidates`` with every *kind + name* (:data:`BODY_KINDS`, :data:`PLACE_KINDS`, a monument and
    a person) made one mention, every body followed by its place in the genitive too, and every body
    from the relational adjectives before it on."""
    by_first = {}
    for candidate in candidates:
        if candidate.first not in by_first or candidate.last > by_first[candidate.first].last:
            by_first[candidate.first] = candidate
    added, replaced = [], set()
    for position in range(len(words) - 1):
        if plain_word(words[position])[:3] not in KIND_BEGINNINGS:
            continue
        kinds = lemmas(words[position])
        is_body, is_place, is_monument = (not kinds.isdisjoint(group) for group in (BODY_KINDS, PLACE_KINDS, MONUMENT_KINDS))
        if not (is_body or is_place or is_monument):
            continue
        if is_body and words[position + 1] in OPENING_QUOTES:
            end = _closing_quote(words, position + 2)
            if end:
                inside = [c for c in candidates if position + 1 <= c.first and c.last <= end]
                replaced.update(c for c in inside if c.type != "location")
                added.append(Candidate(position, end, "organization", None, "rule"))
            continue
        named = by_first.get(position + 1)
        if named is None:
            continue
        if is_body and named.type in ("location", "organization"):
            added.append(replace(named, first=position, type="organization", actor=None, method="rule"))
        elif is_place and named.type == "location":
            added.append(replace(named, first=position, type="location", actor=None, method="rule"))
            replaced.add(named)
        elif is_monument and named.type == "person":
            added.append(replace(named, first=position, type="location", actor=None, method="rule"))
    for body in [*candidates, *added]:
        place = by_first.get(body.last)
        if body.type == "organization" and place is not None and place.type == "location" and _genitive(words[place.first]):
            added.append(replace(body, last=place.last, actor=None, method="rule"))
            replaced.add(body)
    kept = [c for c in candidates if c not in replaced] + added
    return [_with_adjectives(c, words) if c.type == "organization" else c for c in kept]


def _with_adjectives(body: Candidate, words: list[str]) -> Candidate:
    """A body's mention from the adjectives written before it: *японского МИДа*, *независимого еженедельника …*."""
    first = body.first
    while first > 0 and body.first - first < ADJECTIVE_REACH and _adjective(words[first - 1]):
        first -= 1
    return replace(body, first=first, actor=None, method="rule") if first != body.first else body


def _adjective(word: str) -> bool:
    """Whether ``word`` is a relational adjective (*японского*, *Свердловского*, *государственный*), not
    one that judges (*нелегитимной*) or points (*этого*)."""
    if not word.replace("-", "").isalpha():
        return False
    parse = analyzer().parse(word)[0]
    return parse.tag.POS == "ADJF" and "Apro" not in parse.tag and parse.normal_form.endswith(RELATIONAL_ENDINGS)


def split_at_brackets(candidates: list[Candidate], words: list[str]) -> list[Candidate]:
    """Each candidate of the form *name (other name)* made two: the name, and the one in brackets."""
    split = []
    for candidate in candidates:
        inside = words[candidate.first:candidate.last]
        if "(" in inside and inside[-1] == ")" and 0 < inside.index("(") < len(inside) - 2:
            opening = candidate.first + inside.index("(")
            split += [replace(candidate, last=opening), replace(candidate, first=opening + 1, last=candidate.last - 1)]
        else:
            split.append(candidate)
    return split


def _genitive(word: str) -> bool:
    """Whether ``word`` can be in the genitive (*России*, *ОАЭ*)."""
    return any("gent" in parse.tag for parse in analyzer().parse(word))


def _closing_quote(words: list[str], start: int) -> int | None:
    """The index after the closing quote of a quoted name opened before ``start``, or None."""
    for position in range(start, min(len(words), start + QUOTE_REACH + 1)):
        if words[position] in CLOSING_QUOTES:
            return position + 1 if position > start else None
        if words[position] in (".", ";", ":", "(", ")"):
            return None
    return None
