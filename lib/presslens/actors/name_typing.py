"""Step 3 — typing names the gazetteer does not know, from evidence.

First the cues of news style (``data/actor_rules.yaml``): a title before a name (*Governor* …), a
role after it (*…, deputy director*), a verb of speech (*… said*), a descriptor (*newspaper* …), a
given name or a Chinese family name first. Names no cue explains are placed and typed by the name
tagger (:mod:`presslens.actors.name_tagger`), a sequence model trained on annotated news
(CoNLL-2003, see :mod:`presslens.actors.train_tagger`); what it calls a nationality, event, product
or work (*MISC*) is not an actor. The name typer (:mod:`presslens.actors.name_typer`) says whether
a few words read as a person's name.
"""

from __future__ import annotations

import functools
import re

from presslens.actors.name_tagger import ACTOR_TYPES as TAGGER_TYPES, OUTSIDE, known_tags, name_tagger, tag_spans
from presslens.actors.name_typer import NameTyper
from presslens.actors.sentence import HYPHENS, Sentence

ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
#: A Roman numeral (*III*): a monarch's number, a volume's, never a name of its own.
ROMAN_NUMERAL = re.compile(r"^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
#: A plural acronym names things, not an actor (*DVDs*, *SUVs*).
PLURAL_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,6}s$")


def cue_type(sentence: Sentence, first: int, last: int) -> str | None:
    """The type that the words around a name give it, or None when nothing does."""
    rules, words, lower = sentence.rules, sentence.keys[first:last], sentence.lower
    n_words = last - first
    before = lower[first - 1] if first > 0 else ""
    before2 = lower[first - 2] if first > 1 else ""
    after = lower[last] if last < len(lower) else ""
    if n_words <= 4 and (before in rules.person_titles or (before2 in rules.person_titles and before in ("the", "."))):
        return None if names_a_kind(sentence, first - 1, first, last) else "person"
    if before == "of" and before2 in rules.person_titles | rules.apposition_roles:
        return "organization"
    if (before in rules.organization_descriptors and sentence.keys[first - 1].islower()) or _descriptor_follows(sentence, last):
        return "organization"  # "newspaper Vedomosti", not the last word of a name before it
    if n_words <= 3 and _place_noun_follows(sentence, last):
        return "location"
    if n_words > 1 and all(ACRONYM.match(word) for word in words):
        return "organization"  # EU EEAS; an acronym alone may be a thing (MVP, STEM): the typer decides
    if 2 <= n_words <= 3 and (words[0] in rules.chinese_surnames or words[0] in rules.given_names) \
            and _may_follow_a_given_name(words):
        if not any(sentence.is_common(word) for word in words[1:]) or words[0] in rules.given_names:
            return "person"
    if n_words <= 4 and after == "," and _apposition_follows(sentence, last):
        return "person"
    if 2 <= n_words <= 3 and after in rules.speech_verbs:
        return "person"  # one word before "said" may be a company just as well: the typer decides
    return None


def _may_follow_a_given_name(words: list[str]) -> bool:
    """Whether the words after a first word spelt like a given name may be the rest of a person's name: no
    "of" or "and" inside (*Kit of Love*), no acronym or letter alone after it (*Ford SUV*, *Gen Z*; a regnal
    number may: *Charles I*, *Leopold III*; letters after a family name may: *Tom McCabe MSP*), and the first
    word is not the Arabic article (*Al-Qaida*: no given name *Al* before a hyphen)."""
    second = words[1]
    return not (any(word in _INNER_WORDS for word in words[1:-1]) or second in HYPHENS
                or len(words) == 2 and (ACRONYM.match(second) or len(second) == 1) and not ROMAN_NUMERAL.match(second))


#: Words before a title that make it part of a common noun's name (*the General Debate*, *our General Surgery
#: department*); not *that*, which also opens a clause (*that President Bush said*).
_DETERMINERS = frozenset({"the", "a", "an", "our", "its", "their", "his", "her"})


def names_a_kind(sentence: Sentence, title: int, first: int, last: int) -> bool:
    """Whether the title at ``title`` and the one ordinary word ``first:last`` after it, after a determiner, name a
    thing rather than a person (*the General Debate*): no given name, no family name."""
    rules, word = sentence.rules, sentence.keys[first]
    return (last - first == 1 and title > 0 and sentence.lower[title - 1] in _DETERMINERS and sentence.is_common(word)
            and word not in rules.given_names and word not in rules.chinese_surnames)


#: Lower-case words inside the name of a thing, a plan or a body, never between a person's given name and family
#: name (particles such as *bin*, *de*, *van* are no English words).
_INNER_WORDS = frozenset({"of", "and", "&", "for", "the", "to", "in", "on", "at", "with"})


def _descriptor_follows(sentence: Sentence, last: int) -> bool:
    """*Karakoram industrial company*, *Tengri, a company*: a descriptor noun within two words after the name
    (not a possessive one: *Xie Yu, the company's manager* works there)."""
    window = sentence.lower[last:last + 5]
    if window[:1] == [","] and len(window) > 2 and window[1] in ("a", "an", "the"):
        window = window[2:]
    return any(word in sentence.rules.organization_descriptors and window[k + 1:k + 2] not in (["'s"], ["’s"])
               for k, word in enumerate(window[:2])) and not any(word in (",", ".") for word in window[:1])


#: Words that may follow the noun of a place after a name (*Perak region,*, *Sargodha, a city in …*):
#: the noun ends its phrase, it does not qualify another noun (*a state leader*).
_AFTER_PLACE_NOUN = frozenset({",", ".", ";", ")", "in", "of", "on", "near", "and", "that", "which", "where", "with"})


#: Nouns of an administrative unit: right after a name they make it a place (*Perak region*); the other nouns of
#: place may be verbs or qualify a person there (*… let Kowalski pass.*, *Biden state …*).
_UNIT_NOUNS = frozenset({"region", "province", "district", "county", "city", "town", "village", "prefecture",
                         "municipality", "oblast", "krai", "okrug", "township", "borough"})


def _place_noun_follows(sentence: Sentence, last: int) -> bool:
    """*Perak region*, *Sargodha, a city in Pakistan*, *Tarim, a small town*: a lower-case noun of an
    administrative unit right after the name, or a noun of any place after a comma and an article and at
    most one more word, ending its phrase."""
    lower, keys = sentence.lower, sentence.keys
    k, nouns = last, _UNIT_NOUNS
    if lower[k:k + 1] == [","] and lower[k + 1:k + 2] in (["a"], ["an"], ["the"]):
        k, nouns = k + 2, sentence.rules.location_keywords
        if k + 1 < len(lower) and lower[k + 1] in nouns and keys[k].islower():
            k += 1  # one adjective: a coastal city
    return k + 1 < len(lower) and lower[k] in nouns and keys[k].islower() and lower[k + 1] in _AFTER_PLACE_NOUN


def _apposition_follows(sentence: Sentence, last: int) -> bool:
    """*Name, deputy director of …*: a role within four words after the comma (not a title before another
    name: *…, British scholar Bernard Lewis*)."""
    for k in range(last + 1, min(last + 6, len(sentence.lower))):
        word = sentence.lower[k]
        if word in sentence.rules.apposition_roles and word not in ("a", "an", "the", "who", "whose"):
            following = sentence.keys[k + 1] if k + 1 < len(sentence.keys) else ""
            roles = sentence.rules.apposition_roles | sentence.rules.person_titles
            return not (following[:1].isupper() and following.lower() not in roles)
        if word in (",", ".", ";", "(", ")"):
            return False
    return False


def tagged_names(sentence: Sentence) -> list[tuple[int, int, str | None]]:
    """(first, last, actor type or None) of the names the name tagger finds in the sentence.

    Words joined by glued hyphens (*Jean-Michel*, *Al-Ahram*) are one word to the tagger, as in its
    training text.
    """
    if not HYPHENS.intersection(sentence.keys):
        known = known_tags(sentence.known, sentence.gazetteer.type_of, len(sentence))
        tags = name_tagger().tag(sentence.keys, known)
        return [(first, last, TAGGER_TYPES.get(label)) for first, last, label in tag_spans(tags)] \
            if tags.count(OUTSIDE) < len(tags) else []
    groups = _hyphenated_words(sentence)
    words = ["".join(sentence.keys[first:last]) for first, last in groups]
    known = known_tags(_grouped_known(sentence, groups), sentence.gazetteer.type_of, len(groups))
    return [(groups[first][0], groups[last - 1][1], TAGGER_TYPES.get(label))
            for first, last, label in tag_spans(name_tagger().tag(words, known))]


def _hyphenated_words(sentence: Sentence) -> list[tuple[int, int]]:
    """Token ranges of the sentence's words, a word joined to the next by a glued hyphen being one."""
    groups, tokens, keys = [], sentence.tokens, sentence.keys
    i = 0
    while i < len(keys):
        j = i + 1
        while j + 1 < len(keys) and keys[j] in HYPHENS and tokens[j].glued and tokens[j + 1].glued \
                and keys[j + 1][:1].isalnum():
            j += 2
        groups.append((i, j))
        i = j
    return groups


def _grouped_known(sentence: Sentence, groups: list[tuple[int, int]]) -> dict[int, tuple[int, str]]:
    """The gazetteer's names of the sentence in positions of the grouped words (names cut by a group dropped)."""
    group_of_start = {first: k for k, (first, _) in enumerate(groups)}
    group_of_end = {last: k + 1 for k, (_, last) in enumerate(groups)}
    return {group_of_start[start]: (group_of_end[end], name) for start, (end, name) in sentence.known.items()
            if start in group_of_start and end in group_of_end}


def typed_by_typer(sentence: Sentence, first: int, last: int) -> str | None:
    """The actor type the name typer gives the words in their context; None for a nationality, an event,
    a product or a work."""
    before, after = sentence.words_around(first, last)
    return TYPER_TYPES[name_typer().classify(sentence.keys[first:last], before, after)[0]]


def typed_as_person(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the name typer reads the words as a person's name in their context."""
    before, after = sentence.words_around(first, last)
    return name_typer().classify(sentence.keys[first:last], before, after)[0] == "PER"


#: The name typer's labels as actor types; MISC (nationalities, events, products, works) is none.
TYPER_TYPES = {"PER": "person", "ORG": "organization", "LOC": "location", "MISC": None}


@functools.cache
def name_typer() -> NameTyper:
    return NameTyper.load()


def load_models() -> None:
    """Load the name tagger and the name typer once (before worker processes fork)."""
    name_typer()
    name_tagger()
