"""Step 2 — reading a sentence: runs of capitalised words cut into names, each with a type or none yet.

The runs of name words (:mod:`~.name_runs`) are read one by one (:mod:`~.run_reading`); the name tagger
then places the names no rule typed, and adds those the rules missed; what is left is typed by cues or
by evidence (:mod:`presslens.actors.name_typing`).
"""

from __future__ import annotations

from dataclasses import replace

from presslens.actors.gazetteer import NOT_ACTOR
from presslens.actors.name_runs import name_runs, particle_part_end
from presslens.actors.name_typing import tagged_names, typed_by_typer
from presslens.actors.run_reading import (Span, has_proper_word, in_quotation_marks, is_function_word, is_not_actor,
                                          known_span, names_a_thing, read_run)
from presslens.actors.sentence import ARTICLES, Sentence
from presslens.languages.en import lemmatize

#: The method of a name neither cues nor models call an actor: it counts only as another mention of a
#: person the article names in full (:func:`presslens.actors.resolution.resolve`).
UNRESOLVED = "unresolved"
#: Words that end no name: a name that seems to end with one has taken a word of the text after it.
_NO_NAME_ENDS = {"of", "and", "&", "for", "the", "a", "an", "to", "in", "on", "at", "by", "with"}


def read_sentence(sentence: Sentence) -> list[Span]:
    """The names of a sentence, in order; names found not to be actors are left out, and names
    nothing types are kept untyped (method :data:`UNRESOLVED`).

    Names the gazetteer or a cue explains keep their reading. The name tagger places the names no cue
    explains (the name typer types them), retypes a known place that names a team or a company, and
    adds a name it finds where the rules found none, unless the name is made of dictionary words only
    (a heading, a slogan). In a sentence written in capitals (a headline), where capitals say
    nothing, only the gazetteer's names and the tagger's count.
    """
    if sentence.in_capitals():
        spans = [known_span(sentence, start, end, name) for start, (end, name) in sentence.known.items()]
        return _with_tagged_names(sentence, spans, [], require_proper_word=False, blocked=[])
    spans = []
    titles = [Span(start, end, None, "", "rule") for start, (end, name) in sentence.known.items()
              if sentence.gazetteer.type_of(name) == NOT_ACTOR]  # a known thing (*Belt and Road*): no name inside
    for first, last in name_runs(sentence):
        spans.extend(read_run(sentence, first, last))
        if in_quotation_marks(sentence, first, last) or names_a_thing(sentence, first, last):
            titles.append(Span(first, last, None, "", "rule"))  # a title, a plan, an event: no name inside
    return _with_tagged_names(sentence, [span for span in spans if span.type], [span for span in spans if not span.type],
                              require_proper_word=True, blocked=titles)


def _with_tagged_names(sentence: Sentence, decided: list[Span], undecided: list[Span], *,
                       require_proper_word: bool, blocked: list[Span]) -> list[Span]:
    """The decided names, the undecided ones as the tagger places them and the name typer types them
    (kept untyped, method :data:`UNRESOLVED`, where either finds no actor, or where a name of one word
    gets two types, see :func:`_one_word_type`), and the tagger's names where no rule read one
    (``blocked``: words where none is to be read)."""
    covered = {k for span in (*decided, *undecided, *blocked) for k in range(span.first, span.last)}
    places = {(span.first, span.last) for span in decided if span.method == "gazetteer" and span.type == "location"}
    # where a known event's name starts (*Olympics* of *the 2032 Brisbane Olympics*): a name just before is part of it
    events = {span.first for span in decided if names_a_thing(sentence, span.first, span.last)}
    spans, read = list(decided), set()
    if not (undecided or places or any(sentence.keys[k][:1].isupper() for k in range(len(sentence)) if k not in covered)):
        return spans  # nothing the tagger could place, add or retype
    for first, last, kind in tagged_names(sentence):
        first, last = _name_bounds(sentence, first, last)
        if first == last or not kind or is_not_actor(sentence, first, last) or names_a_thing(sentence, first, last) \
                or last in events:
            continue
        kind = _person_or_keyword(sentence, last, kind)
        if kind == "organization" and (first, last) in places:
            # a team or a company named after its place
            spans = [replace(span, type=kind, method="tagger") if (span.first, span.last) == (first, last) else span
                     for span in spans]
            continue
        if kind == "organization" and _names_after_places(sentence, spans, places, covered, first, last):
            spans = [span for span in spans if not first <= span.first < last]  # a place inside a longer name
            spans.append(Span(first, last, None, kind, "tagger"))
            continue
        inside = [span for span in undecided if span.first < last and first < span.last]
        if inside:
            for span in inside:
                start, end = max(first, span.first), min(last, span.last)
                typed = _person_or_keyword(sentence, end, typed_by_typer(sentence, start, end))
                if end - start == 1:
                    typed = _one_word_type(sentence, start, typed, kind)
                if typed:
                    spans.append(Span(start, end, None, typed, "tagger"))
                    read.add(span)
        elif not covered.intersection(range(first, last)) and (
                not require_proper_word or has_proper_word(sentence, first, last)
                or kind == "person" and _amid_lowercase(sentence, first, last)):
            typed = kind if last - first > 1 else _one_word_type(
                sentence, first, _person_or_keyword(sentence, last, typed_by_typer(sentence, first, last)), kind)
            spans.append(Span(first, last, None, typed, "tagger") if typed else Span(first, last, None, "", UNRESOLVED))
    spans.extend(replace(span, method=UNRESOLVED) for span in undecided if span not in read)
    return sorted(spans, key=lambda s: s.first)


def _one_word_type(sentence: Sentence, first: int, typed: str | None, tagged: str) -> str | None:
    """The type of a name of one word: where the name typer (``typed``) and the name tagger (``tagged``)
    agree, or a place where one of them reads a place after a preposition of place (*in Tromso*); else None.

    A capitalised word alone is as often a heading, a slogan or a borrowed word (*Schadenfreude*): where
    the two disagree it stays unresolved, a mention of a person the article names in full or nothing.
    """
    if typed == tagged:
        return typed
    after_preposition = first > 0 and sentence.lower[first - 1] in sentence.rules.location_prepositions
    return "location" if "location" in (typed, tagged) and after_preposition else None


def _name_bounds(sentence: Sentence, first: int, last: int) -> tuple[int, int]:
    """A tagged name without a function word at its start (*for* …, *Shouldn*) or an article or
    connector at its end (… *The*, … *and*): they start and end no name; with the parts of the name
    that open with a particle after it (*al-*, *el-*)."""
    while first < last and is_function_word(sentence, first):
        first += 1
    while last - 1 > first and (sentence.keys[last - 1] in ARTICLES or sentence.lower[last - 1] in _NO_NAME_ENDS):
        last -= 1
    while first < last < len(sentence) and (end := particle_part_end(sentence, last)):
        last = end  # the tagger stopped at a lower-case particle: … al-Qaradawi
    return first, last


def _person_or_keyword(sentence: Sentence, last: int, kind: str | None) -> str | None:
    """``kind``, unless a person's name ends with a head noun, singular or plural: that types it (*Confucius
    Institutes*: organisations; a person's name has no head noun)."""
    if kind != "person":
        return kind
    rules, word = sentence.rules, lemmatize(sentence.lower[last - 1])
    return "organization" if word in rules.organization_keywords else "location" if word in rules.location_keywords else kind


def _amid_lowercase(sentence: Sentence, first: int, last: int) -> bool:
    """Capitalised words inside a sentence between lowercase words (*… before Green stepped in*): a
    person's name, if the tagger reads one, though its words are in the dictionary; not a heading, nor
    a sentence's first word."""
    return not sentence.is_sentence_initial(first) and sentence.keys[first - 1][:1].islower() \
        and last < len(sentence) and sentence.keys[last][:1].islower()


def _names_after_places(sentence: Sentence, spans: list[Span], places: set, covered: set, first: int, last: int) -> bool:
    """The tagger's name holds one known place and, besides it, only words no rule read, one of them
    capitalised (*Atletico Lima*, not *Peru-Chile*)."""
    inside = [span for span in spans if first <= span.first and span.last <= last]
    if len(inside) != 1 or (inside[0].first, inside[0].last) not in places:
        return False
    in_places = {k for span in inside for k in range(span.first, span.last)}
    rest = [k for k in range(first, last) if k not in in_places]
    return not covered.intersection(rest) and any(sentence.is_capitalised(k) for k in rest)
