"""Who speaks: the source of each quotation resolved to an actor of the article's cast.

In this order: a group that only a place qualifies is an unnamed source (*Chinese officials*, *many Russian
governors*); a source that contains an actor's mention is that actor (a person before an
organisation, the first one named: *Foreign Ministry spokesman Wang Wenbin* → Wang Wenbin); a pronoun
(*he*, *she*, *it*, *they*) is the last compatible actor named before the quotation (*they*: a person or
an organisation; *who*: a person), not counting those named only inside what someone is quoted saying; a
source naming no one (*officials*, *a source close to the talks*) is an unnamed source, counted apart; a
role with a definite article (*the minister*) is the last person named before. Anything else keeps its
words, unresolved.
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

import pandas as pd

from presslens.quotes.lexicon import CueLexicon

WORD = re.compile(r"\w+")
#: ``speaker_type`` of a source that names nobody in particular, and of one no actor stands for.
UNNAMED, UNRESOLVED = "unnamed", "unresolved"
DEFINITE = frozenset({"the", "this", "that"})
RELATIVE = frozenset({"who", "which", "whom", "который", "которая", "которые"})
PERSONAL_RELATIVE = frozenset({"who", "whom"})
TYPE_PREFERENCE = {"person": 0, "organization": 1, "location": 2}


class CastMention(NamedTuple):
    """One mention of an article's cast, as speaker resolution reads it."""

    start: int
    end: int
    actor: str
    type: str
    paragraph: int
    surface: str


def article_casts(mentions: pd.DataFrame) -> dict[str, list[CastMention]]:
    """The mentions of each article (by ``doc_id``), sorted by where they start."""
    mentions = mentions.sort_values(["doc_id", "start"], kind="stable")
    columns = [mentions["doc_id"].astype(str).tolist(), mentions["start"].astype(int).tolist(),
               mentions["end"].astype(int).tolist(), mentions["actor"].astype(str).tolist(),
               mentions["type"].astype(str).tolist(),
               mentions["paragraph"].astype(int).tolist() if "paragraph" in mentions else [-1] * len(mentions),
               mentions["surface"].astype(str).tolist() if "surface" in mentions else [""] * len(mentions)]
    casts: dict[str, list[CastMention]] = {}
    for doc_id, *fields in zip(*columns):
        casts.setdefault(doc_id, []).append(CastMention(*fields))
    return casts


def resolve_speaker(speaker: str, start: int, end: int, quote_start: int, cast: list[CastMention],
                    lexicon: CueLexicon, *, antecedents: list[CastMention] | None = None) -> tuple[str, str]:
    """``(speaker_actor, speaker_type)`` of the source ``speaker`` at ``[start, end)``.

    ``cast`` is the article's mentions sorted by ``start``; those of ``antecedents`` (by default all of
    them; :func:`antecedent_mentions` leaves out the ones only quoted) before ``quote_start`` and the source
    are the candidates for a pronoun or a role.
    """
    if not speaker:
        return "", ""
    words = [word.lower() for word in WORD.findall(speaker)] if lexicon.language != "zh" else [speaker]
    inside = [m for m in cast if m.start < end and m.end > start]
    places_only = all(m.type == "location" for m in inside)
    if inside and places_only and _names_a_group(words, speaker, lexicon):  # "Chinese officials", "many Russian governors"
        return "", UNNAMED
    if inside and not (places_only and _names_a_role(words, speaker, lexicon)):  # not "the Governor of Primorsky Krai"
        chosen = min(inside, key=lambda m: (TYPE_PREFERENCE.get(m.type, 3), m.start))
        return chosen.actor, chosen.type
    pronoun_type = lexicon.pronouns.get(words[-1]) if len(words) == 1 else None
    earlier = [m for m in (cast if antecedents is None else antecedents) if m.end <= min(start, quote_start)]
    if len(words) == 1 and words[0] in RELATIVE:  # "… Ivanov, head of Gazprom, who said …": the one named just before
        actor, kind = _last_of(earlier, ("person",) if words[0] in PERSONAL_RELATIVE else ("organization",))
        return (actor, kind) if actor else _last_of(earlier, ("person", "organization"))
    if pronoun_type:
        return _last_of(earlier, ("person", "organization") if pronoun_type == "group" else (pronoun_type,))
    if any(word in lexicon.unnamed for word in words) or _contains_any(speaker, lexicon.unnamed, lexicon):
        return "", UNNAMED
    if (words[0] in DEFINITE or lexicon.language != "en") and _names_a_role(words, speaker, lexicon):
        actor, kind = _last_of(earlier, ("person",))
        if actor:
            return actor, kind
    if inside:  # a country or city that speaks: its government
        chosen = min(inside, key=lambda m: m.start)
        return chosen.actor, chosen.type
    return "", UNRESOLVED


def antecedent_mentions(cast: list[CastMention], quotations: list[tuple[int, int]],
                        sources: list[tuple[int, int]]) -> list[CastMention]:
    """The mentions a pronoun or a role may stand for: those outside every quotation, or naming a source.

    Someone named only inside what another said (*Darkin noted that Xi …. He added …*) is not who speaks next.
    """
    quoted, speaking = _merged(quotations), _merged(sources)
    return [m for m in cast if _covers(speaking, m) or not _covers(quoted, m)]


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The starts and ends of the union of ``spans``, sorted."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _covers(merged: tuple[list[int], list[int]], mention: CastMention) -> bool:
    starts, ends = merged
    k = bisect.bisect_right(starts, mention.start) - 1
    return k >= 0 and mention.end <= ends[k]


def _names_a_role(words: list[str], speaker: str, lexicon: CueLexicon) -> bool:
    return any(word in lexicon.roles for word in words) or _contains_any(speaker, lexicon.roles, lexicon)


def _names_a_group(words: list[str], speaker: str, lexicon: CueLexicon) -> bool:
    """Whether the source is a group of unnamed people: a word of unnamed sources (*officials*), or in
    English a plural noun at its end (*governors*, *lawmakers*; not a name: *the United States*)."""
    head = WORD.findall(speaker)[-1] if lexicon.language == "en" and len(words) > 1 else ""
    plural = head.isalpha() and head.islower() and head.endswith("s") and not head.endswith(("ss", "us", "is"))
    return plural or any(word in lexicon.unnamed for word in words) or _contains_any(speaker, lexicon.unnamed, lexicon)


def paragraph_speaker(cast: list[CastMention], paragraph: int, start: int, end: int,
                      anchor: int) -> tuple[str, str, str]:
    """``(speaker, actor, type)``: the person or organisation named in ``paragraph`` outside the quotation
    ``[start, end)``, nearest to ``anchor`` (its cue); empty when there is none."""
    near = [m for m in cast if m.paragraph == paragraph and m.type in ("person", "organization")
            and (m.end <= start or m.start >= end)]
    if not near:
        return "", "", ""
    chosen = min(near, key=lambda m: abs(m.start - anchor))
    return chosen.surface, chosen.actor, chosen.type


def _contains_any(speaker: str, words: frozenset[str], lexicon: CueLexicon) -> bool:
    """Chinese is not split into words: there a lexicon word counts when it appears inside the source."""
    return lexicon.language == "zh" and any(word in speaker for word in words)


def _last_of(cast: list[CastMention], types: tuple[str, ...]) -> tuple[str, str]:
    last = next((m for m in reversed(cast) if m.type in types), None)
    return (last.actor, last.type) if last else ("", UNRESOLVED)
