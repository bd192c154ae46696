"""Step 2b — reading a run of name words: known names stay as they are; a title before a name makes it a
person (*President …*); a head noun makes it an organisation or a place (*… Institute*, *… Province*,
*Lake …*); a list of names is cut at *and*; what is left is typed by cues (:mod:`~.name_typing`) or
left for the name typer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from presslens.actors.name_typing import (ACRONYM, PLURAL_ACRONYM, ROMAN_NUMERAL, cue_type, names_a_kind,
                                         typed_as_person)
from presslens.actors.sentence import ARTICLES, CONNECTORS, HYPHENS, Sentence
from presslens.actors.words import function_words

_SPLITTERS = {"and", "&", "+"}
_INITIAL = re.compile(r"[A-Z]\.")
_OPEN_QUOTES = {"“", '"', "‘", "'", "«"}
_CLOSE_QUOTES = {"”", '"', "’", "'", "»"}


@dataclass(frozen=True)
class Span:
    """A name found in a sentence: token range, canonical name (None: not known), type ('' undecided), method."""

    first: int
    last: int  # exclusive
    actor: str | None
    type: str
    method: str  # gazetteer | rule | tagger | unresolved


def _atoms(sentence: Sentence, first: int, last: int) -> list[tuple[int, int, str | None]]:
    """The run cut into known names (with their canonical name) and single other tokens (None)."""
    atoms, i = [], first
    while i < last:
        if i in sentence.known and sentence.known[i][0] <= last:
            end, name = sentence.known[i]
            atoms.append((i, end, name))
            i = end
        else:
            atoms.append((i, i + 1, None))
            i += 1
    return atoms


def read_run(sentence: Sentence, first: int, last: int) -> list[Span]:
    keys = sentence.keys
    while first < last and first not in sentence.known and (keys[first] in CONNECTORS or keys[first] in HYPHENS
                                                            or keys[first] in ARTICLES or is_function_word(sentence, first)):
        first += 1
    if first >= last:
        return []
    atoms = _atoms(sentence, first, last)
    if len(atoms) == 1 and atoms[0][2]:
        return [known_span(sentence, *atoms[0])]
    if all(name or sentence.is_glue(start) for start, _, name in atoms):
        return [known_span(sentence, *atom) for atom in atoms if atom[2]]
    if in_quotation_marks(sentence, first, last):
        return []  # "Chinese Bridge", "Great Wall Story": the title of a work, an event, a slogan
    title = _title_block(sentence, first, last)
    if title is not None:
        return title
    listed = _named_list(sentence, first, last)
    if listed is not None:
        return listed
    head = _head(sentence, first, last)
    if head:
        return _headed_name(sentence, first, last, head)
    for splits_here in (lambda k: keys[k] in _SPLITTERS, lambda k: _is_known_hyphen(sentence, k)):
        split = [k for k in range(first + 1, last - 1) if splits_here(k)]
        if split:  # a list of names (at "and"), then names joined by a hyphen (China-Russia)
            spans, start = [], first
            for k in split + [last]:
                spans.extend(read_run(sentence, start, k))
                start = k + 1
            return spans
    return _read_unheaded(sentence, atoms)


def in_quotation_marks(sentence: Sentence, first: int, last: int) -> bool:
    """The run is exactly what a pair of quotation marks encloses."""
    keys = sentence.keys
    return first > 0 and last < len(keys) and keys[first - 1] in _OPEN_QUOTES and keys[last] in _CLOSE_QUOTES


def is_function_word(sentence: Sentence, i: int) -> bool:
    """*On*, *Through*, *Despite*: a capitalised function word (after a missed sentence break) starts no name."""
    return sentence.lower[i] in function_words() and sentence.keys[i] not in sentence.rules.given_names


def _named_list(sentence: Sentence, first: int, last: int) -> list[Span] | None:
    """*Lisbon Freight Net and Daily Voskra Media Group*: two names joined by *and*. The second has a
    head noun and a proper name of its own; otherwise *and* joins words inside one name (*Ministry of
    Industry and Information Technology*, *Soil and Water Centre*, *Nordic, Baltic and
    Arctic Studies*)."""
    inside_known = {k for start, (end, _) in sentence.known.items() for k in range(start, end)}
    for k in range(first + 2, last - 2):
        if sentence.lower[k] not in ("and", "&") or sentence.lower[k - 1] == "of" or k in inside_known:
            continue
        if _head(sentence, k + 1, last) and has_proper_word(sentence, k + 1, last) and not _ends_with_adjective(sentence, k):
            return read_run(sentence, first, k) + read_run(sentence, k + 1, last)
    return None


def _ends_with_adjective(sentence: Sentence, end: int) -> bool:
    """The words before ``end`` end with a known name used as an adjective (*… Northern European &*)."""
    starts = [start for start, (stop, _) in sentence.known.items() if stop == end]
    return any(sentence.keys[start:end] != list(sentence.gazetteer.entries[sentence.known[start][1]].name.split())
               and sentence.keys[end - 1].endswith(("an", "ese", "ish", "ic")) for start in starts)


def has_proper_word(sentence: Sentence, first: int, last: int) -> bool:
    """A known name, or a word that is neither a dictionary word nor a keyword (*Voskra*), in ``first:last``."""
    keywords = sentence.rules.name_keywords
    return any(k in sentence.known or not (sentence.is_common(sentence.keys[k]) or sentence.lower[k] in keywords)
               for k in range(first, last) if sentence.keys[k][:1].isalpha())


def _is_known_hyphen(sentence: Sentence, k: int) -> bool:
    """A hyphen joining a known name to another name (*China-Russia*), not one inside a name (*Wal-Mart*)."""
    if sentence.keys[k] not in HYPHENS:
        return False
    return (k + 1) in sentence.known or any(end == k for end, _ in sentence.known.values())


def known_span(sentence: Sentence, start: int, end: int, name: str) -> Span:
    return Span(start, end, name, sentence.gazetteer.type_of(name), "gazetteer")


def _head(sentence: Sentence, first: int, last: int) -> tuple[int, str] | None:
    """(position, type) of the head noun that types a name: last word, or a keyword followed by *of*."""
    rules, lower = sentence.rules, sentence.lower
    for k in range(first, last):
        word = lower[k]
        is_head = k == last - 1 or (k + 1 < last and lower[k + 1] in ("of", "for"))
        if not is_head:
            continue
        if word in rules.organization_keywords:
            return k, "organization"
        if word in rules.location_keywords:
            return k, "location"
        if word in rules.work_keywords:
            return k, ""
    if lower[first] in rules.location_prefixes and last - first >= 2:
        return first, "location"
    if lower[first] in rules.organization_keywords and last - first == 2 and first + 1 in sentence.known \
            and sentence.gazetteer.type_of(sentence.known[first + 1][1]) == "location":
        return first, "organization"  # Team Brazil, Air Lisboa: an organisation named after a place
    return None


def _headed_name(sentence: Sentence, first: int, last: int, head: tuple[int, str]) -> list[Span]:
    """A name typed by its head noun (the name of a thing, none); a leading place followed by another
    known name is split off (*Chinese Ministry of Commerce*: China, Ministry of Commerce)."""
    spans = []
    known = sentence.known
    if first in known and not sentence.tokens[known[first][0]].glued:
        end, name = known[first]
        if end in known and end < last and sentence.gazetteer.type_of(name) == "location":
            spans.append(known_span(sentence, first, end, name))
            first = end
    if last - first == 1 or not head[1]:
        return spans  # a head noun alone ("Forum", "Province") names nothing; a plan or a prize is no actor
    k = head[0]
    if head[1] == "location" and first < k < last - 2 and sentence.lower[k + 1] == "of" and k + 2 in known \
            and sentence.gazetteer.type_of(known[k + 2][1]) == "location" and has_proper_word(sentence, first, k):
        # a place and the larger place it lies in: Yining City of Xinjiang, Shanghang County of Fujian Province
        return [*spans, Span(first, k + 1, None, "location", "rule"), *read_run(sentence, k + 2, last)]
    spans.append(Span(first, last, None, head[1], "rule"))
    return spans


def _title_block(sentence: Sentence, first: int, last: int) -> list[Span] | None:
    """A title or role before a name: *Chinese President Xi Jinping*, *Finance Minister Ana Duarte*,
    *Governor of Amur Oblast Ivan Petrov*."""
    rules, lower, known = sentence.rules, sentence.lower, sentence.known
    spans = []
    k = first
    after_body = _title_after_unit(sentence, known[k][0], last) if k in known and known[k][0] < last else None
    if after_body is not None:
        end, name = known[k]  # the body the title belongs to: UN Secretary-General …, UN High Commissioner …
        spans.append(known_span(sentence, k, end, name))
        k = after_body
    else:
        k = _title_after_unit(sentence, k, last)
    if k is None:
        return None
    while k < last and lower[k] in rules.person_titles and k not in known:
        k += 1
    if k < last and lower[k] in rules.name_keywords:
        return None  # "Executive Committee", "General Administration": a name, not a title
    if k < last and lower[k] in ("of", "for"):
        complement_start = k + 1
        if complement_start < last and lower[complement_start] == "the":
            complement_start += 1
        next_title = next((i for i in range(complement_start, last) if lower[i] in rules.person_titles), last)
        complement_end = _complement_end(sentence, complement_start, next_title)
        if has_proper_word(sentence, complement_start, complement_end) or (  # a place or a body, not a portfolio
                complement_end > complement_start and lower[complement_end - 1] in rules.organization_keywords):
            spans.extend(read_run(sentence, complement_start, complement_end))
        k = complement_end
    if k >= last:
        return spans
    rest = read_run(sentence, k, last)
    for span in rest:
        if (span.actor is None and span.type != "person" and not _head(sentence, span.first, span.last)
                and span.first == k and not names_a_kind(sentence, first, span.first, span.last)):
            span = replace(span, type="person", method="rule")
        spans.append(span)
    return spans


def _title_after_unit(sentence: Sentence, k: int, last: int) -> int | None:
    """Where a title starts at ``k`` or after at most two words of a unit or portfolio (*Airport Manager*,
    *Foreign Minister*, *High Commissioner*); ``None`` when no title does."""
    rules, lower = sentence.rules, sentence.lower
    unit_start = k
    while k < last and lower[k] not in rules.person_titles and k not in sentence.known and k - unit_start < 2 \
            and (lower[k] in rules.name_keywords or sentence.is_common(sentence.keys[k])):
        k += 1
    if k >= last or lower[k] not in rules.person_titles or k in sentence.known:
        return None
    return k


def _complement_end(sentence: Sentence, start: int, last: int) -> int:
    """Where the *of* or *for* complement of a title ends: after its last head noun or its first known name,
    and on through a portfolio joined to it (*of State for External Affairs*); without either, after
    the portfolio it opens with (*for Foreign Affairs*), when a name follows."""
    keywords = sentence.rules.name_keywords
    heads = [k for k in range(start, last) if sentence.lower[k] in keywords]
    if heads:
        end = heads[-1] + 1
    elif start in sentence.known:
        end = min(sentence.known[start][0], last)
    else:
        end = _portfolio_end(sentence, start, last)
        return end if start < end < last else last
    if end < last and sentence.lower[end] in _PORTFOLIO_JOINERS:
        extended = _portfolio_end(sentence, end, last)
        if end + 1 < extended < last:
            return extended
    return end


#: Words that join the parts of a portfolio: *Minister of State for External Affairs*, *Trade and Industry*.
_PORTFOLIO_JOINERS = frozenset({"for", "and", "&", "of", "the"})


def _portfolio_end(sentence: Sentence, start: int, last: int) -> int:
    """The end of the ordinary words (and their joiners) from ``start``: a portfolio stops at a name —
    a word the dictionary lacks, a given name or a Chinese family name (*Sun*, *Ma*), a known name."""
    k = start
    while k < last and k not in sentence.known and (
            sentence.lower[k] in _PORTFOLIO_JOINERS
            or (sentence.is_common(sentence.keys[k]) and sentence.keys[k] not in sentence.rules.given_names
                and sentence.keys[k] not in sentence.rules.chinese_surnames)):
        k += 1
    while k > start and sentence.lower[k - 1] in _PORTFOLIO_JOINERS:
        k -= 1
    return k


def _read_unheaded(sentence: Sentence, atoms) -> list[Span]:
    """Known names as they are; the other stretches typed by cues. A given name written like a known
    place, followed by a family name, is a person (*Florence Griffith-Joyner*, *Santiago Gamboa*)."""
    first, last = atoms[0][0], atoms[-1][1]
    words = sentence.keys[first:last]
    if len(words) > 1 and all(ACRONYM.match(word) for word in words):
        return [Span(first, last, None, "organization", "rule")]  # "EU EEAS": one name, not two
    if _given_name_then_family_name(sentence, atoms):
        return [Span(first, last, None, "person", "rule")]
    known = [atom for atom in atoms if atom[2]]
    relative = _given_names_before_known_person(sentence, atoms)
    if relative is not None:  # the known person named in full, or another person of the same family
        return [Span(first, last, atoms[-1][2], "person", "gazetteer") if relative == "same"
                else Span(first, last, None, "person", "rule")]
    if len(known) == 1 and first not in sentence.quoted and _names_with_known(sentence, atoms, known[0]):
        return [Span(first, last, None, "organization", "rule")]
    spans, pending = [], []
    for start, end, name in atoms:
        if name:
            spans.extend(_type_pending(sentence, pending))
            pending = []
            spans.append(known_span(sentence, start, end, name))
        else:
            pending.append(start)
    spans.extend(_type_pending(sentence, pending))
    return spans


def _given_name_then_family_name(sentence: Sentence, atoms) -> bool:
    """A one-word known name followed by one or two unknown name words, the first word a given name, or
    both the whole and its first word read as a person's name by the typer (*Santiago Gamboa*, not a
    heading run into a name, *Europe Marta Kowalska*)."""
    if len(atoms) < 2 or not atoms[0][2] or atoms[0][1] - atoms[0][0] != 1:
        return False
    rules = sentence.rules
    rest = [sentence.keys[start] for start, _, name in atoms[1:] if not sentence.is_glue(start)]
    if len(rest) > 2 or any(name for *_, name in atoms[1:]) or any(
            sentence.is_common(word) or word.lower() in rules.name_keywords for word in rest):
        return False
    first, last = atoms[0][0], atoms[-1][1]
    return sentence.keys[first] in rules.given_names or (
        typed_as_person(sentence, first, last) and typed_as_person(sentence, first, first + 1))


def _given_names_before_known_person(sentence: Sentence, atoms) -> str | None:
    """A given name, and at most one more or a middle initial, before a known person's name: ``"same"``
    when they name that person in full — the known words are the whole canonical name (*Mohammad* before
    *Ishaq Dar*), or the given name is its first word (*Warren E.* before *Buffett*) — ``"other"`` when
    they name another person of the family (*Michelle* before *Obama*); ``None`` when the words are no
    given names before a known person."""
    *before, (start, end, name) = atoms
    if not name or not 1 <= len(before) <= 2 or any(atom[2] for atom in before) \
            or sentence.gazetteer.type_of(name) != "person":
        return None
    words = [sentence.keys[first] for first, _, _ in before]
    if not (words[0] in sentence.rules.given_names
            and all(word in sentence.rules.given_names or _INITIAL.fullmatch(word) for word in words[1:])):
        return None
    written = " ".join(sentence.keys[start:end])
    return "same" if written == name or words[0] == name.split()[0] else "other"


def _names_with_known(sentence: Sentence, atoms, known) -> bool:
    """*Baltic Liquefied Natural Gas*, *Amazonas Timber Export*: a known place named inside a longer name."""
    others = [sentence.keys[start] for start, _, name in atoms if not name and not sentence.is_glue(start)]
    return (
        len(others) >= 2 and sentence.gazetteer.type_of(known[2]) == "location"
        and not sentence.is_sentence_initial(atoms[0][0])
        and all(sentence.is_common(word) and word not in sentence.rules.person_titles for word in others)
    )


def _type_pending(sentence: Sentence, positions: list[int]) -> list[Span]:
    words = [k for k in positions if not sentence.is_glue(k)]
    if not words:
        return []
    first, last = words[0], words[-1] + 1
    while first < last and _is_droppable_start(sentence, first, last):
        first += 1
        while first < last and sentence.is_glue(first):
            first += 1
    if first >= last:
        return []
    if is_not_actor(sentence, first, last):
        return []
    surface = sentence.keys[first:last]
    kind = cue_type(sentence, first, last)
    if kind:
        return [Span(first, last, None, kind, "rule")]
    if all(sentence.is_common(word) for word in surface if word[:1].isalpha()) or first in sentence.quoted:
        return []
    return [Span(first, last, None, "", "typer")]


def is_not_actor(sentence: Sentence, first: int, last: int) -> bool:
    """A listed non-actor, a Roman numeral, plural acronyms (*DVDs*: things) or a group of people by
    faith or descent (*… Muslims*)."""
    surface = sentence.keys[first:last]
    if last - first == 1 and (surface[0] in sentence.rules.not_actors or ROMAN_NUMERAL.match(surface[0])):
        return True
    return all(PLURAL_ACRONYM.match(word) for word in surface) or surface[-1] in sentence.rules.group_nouns


def names_a_thing(sentence: Sentence, first: int, last: int) -> bool:
    """The name's head noun, last or before *of*, is that of a plan, an event, a prize or a building."""
    lower, works = sentence.lower, sentence.rules.work_keywords
    return lower[last - 1] in works or any(lower[k] in works and lower[k + 1] in ("of", "for") for k in range(first, last - 1))


def _is_droppable_start(sentence: Sentence, first: int, last: int) -> bool:
    """A first word that is not part of the name: a listed non-actor, or a common word opening a sentence."""
    word = sentence.keys[first]
    if word in sentence.rules.not_actors:
        return True
    if not (sentence.is_sentence_initial(first) and sentence.is_common(word)):
        return False
    starts_name = word in sentence.rules.chinese_surnames or word in sentence.rules.given_names
    return not (starts_name and last - first >= 2)
