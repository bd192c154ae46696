"""Who speaks: the source of each quotation resolved to an actor of the article's cast.

In this order: a source that contains an actor's mention is that actor (a person before an
organisation, the first one named: *Foreign Ministry spokesman Wang Wenbin* → Wang Wenbin); a pronoun
(*he*, *she*, *it*, *they*) is the last compatible actor named before the quotation (*they*: a person or
an organisation); a source naming no one
(*officials*, *a source close to the talks*) is an unnamed source, counted apart; a role with a definite
article (*the minister*) is the last person named before. Anything else keeps its words, unresolved.
"""

from __future__ import annotations

import re

import pandas as pd

from presslens.quotes.lexicon import CueLexicon

WORD = re.compile(r"\w+")
#: ``speaker_type`` of a source that names nobody in particular, and of one no actor stands for.
UNNAMED, UNRESOLVED = "unnamed", "unresolved"
DEFINITE = frozenset({"the", "this", "that"})
RELATIVE = frozenset({"who", "which", "whom", "который", "которая", "которые"})
TYPE_PREFERENCE = {"person": 0, "organization": 1, "location": 2}


def resolve_speaker(speaker: str, start: int, end: int, quote_start: int, mentions: pd.DataFrame,
                    lexicon: CueLexicon) -> tuple[str, str]:
    """``(speaker_actor, speaker_type)`` of the source ``speaker`` at ``[start, end)``.

    ``mentions`` are the article's mentions (``start, end, actor, type``) sorted by ``start``; those
    before ``quote_start`` (and the source) are the candidates for a pronoun or a role.
    """
    if not speaker:
        return "", ""
    inside = mentions[(mentions["start"] < end) & (mentions["end"] > start)]
    if len(inside):
        chosen = min(zip(inside["type"], inside["actor"], inside["start"]),
                     key=lambda row: (TYPE_PREFERENCE.get(row[0], 3), row[2]))
        return chosen[1], chosen[0]
    words = [word.lower() for word in WORD.findall(speaker)] if lexicon.language != "zh" else [speaker]
    pronoun_type = lexicon.pronouns.get(words[-1]) if len(words) == 1 else None
    earlier = mentions[mentions["end"] <= min(start, quote_start)]
    if len(words) == 1 and words[0] in RELATIVE:  # "… Ivanov, who said …": the one named just before
        return _last_of(earlier, ("person", "organization"))
    if pronoun_type:
        return _last_of(earlier, ("person", "organization") if pronoun_type == "group" else (pronoun_type,))
    if any(word in lexicon.unnamed for word in words) or _contains_any(speaker, lexicon.unnamed, lexicon):
        return "", UNNAMED
    if (words[0] in DEFINITE or lexicon.language != "en") and (
            any(word in lexicon.roles for word in words) or _contains_any(speaker, lexicon.roles, lexicon)):
        actor, kind = _last_of(earlier, ("person",))
        if actor:
            return actor, kind
    return "", UNRESOLVED


def _contains_any(speaker: str, words: frozenset[str], lexicon: CueLexicon) -> bool:
    """Chinese is not split into words: there a lexicon word counts when it appears inside the source."""
    return lexicon.language == "zh" and any(word in speaker for word in words)


def _last_of(mentions: pd.DataFrame, types: tuple[str, ...]) -> tuple[str, str]:
    candidates = mentions[mentions["type"].isin(types)]
    if candidates.empty:
        return "", UNRESOLVED
    last = candidates.iloc[-1]
    return last["actor"], last["type"]
