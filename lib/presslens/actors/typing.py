"""Step 3 — typing names the gazetteer does not know, from evidence.

First the cues of news style (``data/actor_rules.yaml``): a title before a name (*Governor* …), a
role after it (*…, deputy director*), a verb of speech (*… said*), a descriptor (*newspaper* …), a
given name or a Chinese family name first. A name no cue explains goes to the name typer, a small
classifier trained on annotated news (CoNLL-2003, see :mod:`presslens.actors.train_typer`) that reads
the name's words and shape and the words around it; what it calls a nationality, event, product or
work (*MISC*) is not an actor. At a sentence start, where capitals prove nothing, NLTK's binary
named-entity chunker first decides whether the words are a name at all.
"""

from __future__ import annotations

import functools
import re

from presslens.actors.chunker import name_chunker
from presslens.actors.name_typer import NameTyper
from presslens.actors.sentence import Sentence

ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
#: A plural acronym names things, not an actor (*DVDs*, *SUVs*).
PLURAL_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,6}s$")
_SLAVIC_SURNAME = re.compile(r"(ov|ova|ev|eva|yov|yova|in|ina|sky|ski|skaya|skiy|enko|chuk|uk|yan|dze|shvili|ich|vich)$")
#: The name typer's labels as actor types; MISC (nationalities, events, products, works) is none.
TYPER_TYPES = {"PER": "person", "ORG": "organization", "LOC": "location", "MISC": None}
#: Words on each side of an undecided name that the NE chunker reads.
CHUNKER_CONTEXT = 4


def cue_type(sentence: Sentence, first: int, last: int) -> str | None:
    """The type that the words around a name give it, or None when nothing does."""
    rules, words, lower = sentence.rules, sentence.keys[first:last], sentence.lower
    n_words = last - first
    before = lower[first - 1] if first > 0 else ""
    before2 = lower[first - 2] if first > 1 else ""
    after = lower[last] if last < len(lower) else ""
    if n_words <= 4 and (before in rules.person_titles or (before2 in rules.person_titles and before in ("the", "."))):
        return "person"
    if before == "of" and before2 in rules.person_titles | rules.apposition_roles:
        return "organization"
    if (before in rules.organization_descriptors and sentence.keys[first - 1].islower()) or _descriptor_follows(sentence, last):
        return "organization"  # "newspaper Vedomosti", not the last word of a name before it
    if n_words > 1 and all(ACRONYM.match(word) for word in words):
        return "organization"  # EU EEAS; an acronym alone may be a thing (MVP, STEM): the typer decides
    if 2 <= n_words <= 3 and (words[0] in rules.chinese_surnames or words[0] in rules.given_names):
        if not any(sentence.is_common(word) for word in words[1:]) or words[0] in rules.given_names:
            return "person"
    if n_words <= 4 and after == "," and _apposition_follows(sentence, last):
        return "person"
    if 2 <= n_words <= 3 and after in rules.speech_verbs:
        return "person"  # one word before "said" may be a company just as well: the typer decides
    if n_words <= 3 and _SLAVIC_SURNAME.search(words[-1].lower()) and not sentence.is_common(words[-1]):
        return "person"
    return None


def _descriptor_follows(sentence: Sentence, last: int) -> bool:
    """*Karakoram industrial company*, *Tengri, a company*: a descriptor noun within two words after the name."""
    window = sentence.lower[last:last + 4]
    if window[:1] == [","] and len(window) > 2 and window[1] in ("a", "an", "the"):
        window = window[2:]
    return any(word in sentence.rules.organization_descriptors for word in window[:2]) and not any(
        word in (",", ".") for word in window[:1]
    )


def _apposition_follows(sentence: Sentence, last: int) -> bool:
    """*Name, deputy director of …*: a role within four words after the comma."""
    for word in sentence.lower[last + 1:last + 6]:
        if word in sentence.rules.apposition_roles and word not in ("a", "an", "the", "who", "whose"):
            return True
        if word in (",", ".", ";", "(", ")"):
            return False
    return False


def typed_by_evidence(sentence: Sentence, first: int, last: int, verdicts: dict) -> str | None:
    """The type of a name no cue explains, or None when it is not an actor.

    At a sentence start the chunker must first call the words a name. ``verdicts`` remembers its
    verdicts per name for the rest of the article.
    """
    if sentence.is_sentence_initial(first) and not _chunker_says_entity(sentence, first, last, verdicts):
        return None
    before, after = sentence.words_around(first, last)
    label, _ = name_typer().classify(sentence.keys[first:last], before, after)
    return TYPER_TYPES[label]


def typed_as_person(sentence: Sentence, first: int, last: int) -> bool:
    """Whether the name typer reads the words as a person's name in their context."""
    before, after = sentence.words_around(first, last)
    return name_typer().classify(sentence.keys[first:last], before, after)[0] == "PER"


def _chunker_says_entity(sentence: Sentence, first: int, last: int, verdicts: dict) -> bool:
    name = tuple(sentence.keys[first:last])
    if name not in verdicts:
        left = max(0, first - CHUNKER_CONTEXT)
        entities = name_chunker().named_entity_spans(sentence.keys[left:last + CHUNKER_CONTEXT])
        verdicts[name] = any(start <= k - left < end for start, end in entities for k in range(first, last))
    return verdicts[name]


@functools.cache
def name_typer() -> NameTyper:
    return NameTyper.load()


def load_models() -> None:
    """Load the chunker and the name typer once (before worker processes fork)."""
    name_chunker()
    name_typer()
