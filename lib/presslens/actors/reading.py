"""Step 2 — reading a sentence: runs of capitalised words cut into names, each with a type or none yet.

A run is a maximal sequence of name words: capitalised words and known names, joined by connectors
(*of*, *and*, *de*…), hyphens and company suffixes. A run is then read as a whole: known names stay
as they are; a title before a name makes it a person (*President …*); a head noun makes it an
organisation or a place (*… Institute*, *… Province*, *Lake …*); a list of names is cut at *and*;
what is left is typed by cues or by evidence (:mod:`presslens.actors.typing`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from presslens.actors.sentence import ARTICLES, CONNECTORS, HYPHENS, Sentence
from presslens.actors.typing import ACRONYM, PLURAL_ACRONYM, cue_type, tagged_names, typed_as_person, typed_by_typer
from presslens.actors.words import function_words
from presslens.languages.en import lemmatize

_ROMAN_NUMERAL = re.compile(r"^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
_SPLITTERS = {"and", "&", "+"}
_COMPANY_SUFFIXES = {"ltd.", "ltd", "inc.", "inc", "co.", "corp.", "llc", "plc", "limited"}
#: Words that end no name: a name that seems to end with one has taken a word of the text after it.
_NO_NAME_ENDS = {"of", "and", "&", "for", "the", "a", "an", "to", "in", "on", "at", "by", "with"}
#: Words that may follow *for* or *on* inside a long name (*Centre for a Future of Open Waters*).
_NAME_ARTICLES = {"a", "an", "the"}
#: The method of a name neither cues nor models call an actor: it counts only as another mention of a
#: person the article names in full (:func:`presslens.actors.resolution.resolve`).
UNRESOLVED = "unresolved"
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
        spans = [_known_span(sentence, start, end, name) for start, (end, name) in sentence.known.items()]
        return _with_tagged_names(sentence, spans, [], require_proper_word=False, blocked=[])
    spans, titles = [], []
    for first, last in _runs(sentence):
        spans.extend(_read_run(sentence, first, last))
        if _in_quotation_marks(sentence, first, last):
            titles.append(Span(first, last, None, "", "rule"))  # a title in quotation marks: no name inside
    return _with_tagged_names(sentence, [span for span in spans if span.type], [span for span in spans if not span.type],
                              require_proper_word=True, blocked=titles)


def _with_tagged_names(sentence: Sentence, decided: list[Span], undecided: list[Span], *,
                       require_proper_word: bool, blocked: list[Span]) -> list[Span]:
    """The decided names, the undecided ones as the tagger places them and the name typer types them
    (kept untyped, method :data:`UNRESOLVED`, where either finds no actor), and the tagger's names
    where no rule read one (``blocked``: words where none is to be read)."""
    covered = {k for span in (*decided, *undecided, *blocked) for k in range(span.first, span.last)}
    places = {(span.first, span.last) for span in decided if span.method == "gazetteer" and span.type == "location"}
    spans, read = list(decided), set()
    if not (undecided or places or any(sentence.keys[k][:1].isupper() for k in range(len(sentence)) if k not in covered)):
        return spans  # nothing the tagger could place, add or retype
    for first, last, kind in tagged_names(sentence):
        first, last = _without_function_words(sentence, first, last)
        if first == last or not kind or _is_not_actor(sentence, first, last) or _names_a_thing(sentence, first, last):
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
                if typed:
                    spans.append(Span(start, end, None, typed, "tagger"))
                    read.add(span)
        elif not covered.intersection(range(first, last)) and (
                not require_proper_word or _has_proper_word(sentence, first, last)
                or kind == "person" and _amid_lowercase(sentence, first, last)):
            spans.append(Span(first, last, None, kind, "tagger"))
    spans.extend(replace(span, method=UNRESOLVED) for span in undecided if span not in read)
    return sorted(spans, key=lambda s: s.first)


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


# ---- runs of name words


def _runs(sentence: Sentence) -> list[tuple[int, int]]:
    """Maximal sequences of name tokens (capitalised words joined by connectors, hyphens, suffixes)."""
    runs, i, n = [], 0, len(sentence)
    while i < n:
        if not (i in sentence.known or sentence.is_capitalised(i)):
            i += 1
            continue
        j = _extend(sentence, i)
        runs.append((i, j))
        i = j
    return runs


def _extend(sentence: Sentence, i: int) -> int:
    keys, lower, known, n = sentence.keys, sentence.lower, sentence.known, len(sentence)
    j = i
    while j < n:
        if j in known:
            j = known[j][0]
            continue
        if sentence.is_capitalised(j):
            if j > i and keys[j] == keys[j - 1]:
                break  # "Americas Americas": a heading run into its sentence, not one name
            j += 1
            continue
        nxt = j + 1
        token = keys[j]
        if token in HYPHENS and sentence.tokens[j].glued and nxt < n and sentence.tokens[nxt].glued \
                and sentence.is_capitalised(nxt) and j > i:
            j = nxt
            continue
        if token in CONNECTORS and j > i and nxt < n and (sentence.is_capitalised(nxt) or nxt in known):
            if lower[j] == "of" and _is_person_before_of(sentence, i, j):
                break
            j = nxt
            continue
        if lower[j] in ("of", "for", "on") and j > i and nxt + 1 < n and lower[nxt] in _NAME_ARTICLES \
                and sentence.is_capitalised(nxt + 1) and _has_head_before(sentence, i, j):
            j = nxt + 1
            continue
        if lower[j] == "with" and j > i and nxt < n and sentence.is_capitalised(nxt) and _in_institution_name(sentence, i, j):
            j = nxt
            continue
        if token in HYPHENS and j > i and sentence.tokens[j].glued and nxt + 1 < n and sentence.tokens[nxt].glued \
                and lower[nxt].isalpha() and sentence.is_capitalised(j - 1) and sentence.is_capitalised(nxt + 1):
            j = nxt + 1  # Agro-ecology Research: a compound inside a longer name
            continue
        if token == "," and j > i and nxt < n and lower[nxt] in _COMPANY_SUFFIXES:
            j = nxt
            continue
        break
    while j > i + 1 and keys[j - 1] in CONNECTORS:
        j -= 1
    return j


def _in_institution_name(sentence: Sentence, start: int, position: int) -> bool:
    """Inside the complement of an institution's name (*Centre for a Future of …*)."""
    words = sentence.lower[start:position]
    keywords = sentence.rules.organization_keywords
    return any(word in keywords and nxt in ("for", "of") for word, nxt in zip(words, words[1:]))


def _has_head_before(sentence: Sentence, start: int, position: int) -> bool:
    """The run so far ends with an organisation or place keyword (*… Center*, *… Institute*)."""
    word = sentence.lower[position - 1]
    return word in sentence.rules.organization_keywords or word in sentence.rules.location_keywords


def _is_person_before_of(sentence: Sentence, start: int, of: int) -> bool:
    """*Maria Lopez of the Dominican Republic*, *Professor Stephen Walt of Harvard University*: a person's
    name (after any title), then *of* and where the person is from or works — two names, not one."""
    rules = sentence.rules
    first = start
    while first < of and sentence.lower[first] in rules.person_titles:
        first += 1
    words = sentence.keys[first:of]
    return 2 <= len(words) <= 4 and (words[0] in rules.given_names or words[0] in rules.chinese_surnames) \
        and not any(word.lower() in rules.name_keywords for word in words)


# ---- reading a run


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


def _read_run(sentence: Sentence, first: int, last: int) -> list[Span]:
    keys = sentence.keys
    while first < last and first not in sentence.known and (keys[first] in CONNECTORS or keys[first] in HYPHENS
                                                            or keys[first] in ARTICLES or _is_function_word(sentence, first)):
        first += 1
    if first >= last:
        return []
    atoms = _atoms(sentence, first, last)
    if len(atoms) == 1 and atoms[0][2]:
        return [_known_span(sentence, *atoms[0])]
    if all(name or sentence.is_glue(start) for start, _, name in atoms):
        return [_known_span(sentence, *atom) for atom in atoms if atom[2]]
    if _in_quotation_marks(sentence, first, last):
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
                spans.extend(_read_run(sentence, start, k))
                start = k + 1
            return spans
    return _read_unheaded(sentence, atoms)


def _in_quotation_marks(sentence: Sentence, first: int, last: int) -> bool:
    """The run is exactly what a pair of quotation marks encloses."""
    keys = sentence.keys
    return first > 0 and last < len(keys) and keys[first - 1] in _OPEN_QUOTES and keys[last] in _CLOSE_QUOTES


def _is_function_word(sentence: Sentence, i: int) -> bool:
    """*On*, *Through*, *Despite*: a capitalised function word (after a missed sentence break) starts no name."""
    return sentence.lower[i] in function_words() and sentence.keys[i] not in sentence.rules.given_names


def _person_or_keyword(sentence: Sentence, last: int, kind: str | None) -> str | None:
    """``kind``, unless a person's name ends with a head noun, singular or plural: that types it (*Confucius
    Institutes*: organisations; a person's name has no head noun)."""
    if kind != "person":
        return kind
    rules, word = sentence.rules, lemmatize(sentence.lower[last - 1])
    return "organization" if word in rules.organization_keywords else "location" if word in rules.location_keywords else kind


def _without_function_words(sentence: Sentence, first: int, last: int) -> tuple[int, int]:
    """A tagged name without a function word at its start (*for* …, *Shouldn*) or an article or
    connector at its end (… *The*, … *and*): they start and end no name."""
    while first < last and _is_function_word(sentence, first):
        first += 1
    while last - 1 > first and (sentence.keys[last - 1] in ARTICLES or sentence.lower[last - 1] in _NO_NAME_ENDS):
        last -= 1
    return first, last


def _named_list(sentence: Sentence, first: int, last: int) -> list[Span] | None:
    """*Lisbon Freight Net and Daily Voskra Media Group*: two names joined by *and*. The second has a
    head noun and a proper name of its own; otherwise *and* joins words inside one name (*Ministry of
    Industry and Information Technology*, *Soil and Water Centre*, *Nordic, Baltic and
    Arctic Studies*)."""
    inside_known = {k for start, (end, _) in sentence.known.items() for k in range(start, end)}
    for k in range(first + 2, last - 2):
        if sentence.lower[k] not in ("and", "&") or sentence.lower[k - 1] == "of" or k in inside_known:
            continue
        if _head(sentence, k + 1, last) and _has_proper_word(sentence, k + 1, last) and not _ends_with_adjective(sentence, k):
            return _read_run(sentence, first, k) + _read_run(sentence, k + 1, last)
    return None


def _ends_with_adjective(sentence: Sentence, end: int) -> bool:
    """The words before ``end`` end with a known name used as an adjective (*… Northern European &*)."""
    starts = [start for start, (stop, _) in sentence.known.items() if stop == end]
    return any(sentence.keys[start:end] != list(sentence.gazetteer.entries[sentence.known[start][1]].name.split())
               and sentence.keys[end - 1].endswith(("an", "ese", "ish", "ic")) for start in starts)


def _has_proper_word(sentence: Sentence, first: int, last: int) -> bool:
    """A known name, or a word that is neither a dictionary word nor a keyword (*Voskra*), in ``first:last``."""
    keywords = sentence.rules.name_keywords
    return any(k in sentence.known or not (sentence.is_common(sentence.keys[k]) or sentence.lower[k] in keywords)
               for k in range(first, last) if sentence.keys[k][:1].isalpha())


def _is_known_hyphen(sentence: Sentence, k: int) -> bool:
    """A hyphen joining a known name to another name (*China-Russia*), not one inside a name (*Wal-Mart*)."""
    if sentence.keys[k] not in HYPHENS:
        return False
    return (k + 1) in sentence.known or any(end == k for end, _ in sentence.known.values())


def _known_span(sentence: Sentence, start: int, end: int, name: str) -> Span:
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
            spans.append(_known_span(sentence, first, end, name))
            first = end
    if last - first == 1 or not head[1]:
        return spans  # a head noun alone ("Forum", "Province") names nothing; a plan or a prize is no actor
    spans.append(Span(first, last, None, head[1], "rule"))
    return spans


def _title_block(sentence: Sentence, first: int, last: int) -> list[Span] | None:
    """A title or role before a name: *Chinese President Xi Jinping*, *Finance Minister Ana Duarte*,
    *Governor of Amur Oblast Ivan Petrov*."""
    rules, lower, known = sentence.rules, sentence.lower, sentence.known
    spans = []
    k = first
    if k in known and known[k][0] < last and lower[known[k][0]] in rules.person_titles:
        end, name = known[k]
        spans.append(_known_span(sentence, k, end, name))
        k = end
    while k < last and lower[k] not in rules.person_titles and k not in known and k - first < 2 \
            and (lower[k] in rules.name_keywords or sentence.is_common(sentence.keys[k])):
        k += 1  # a unit or a portfolio before the title: Airport Manager …, Foreign Minister …
    if k >= last or lower[k] not in rules.person_titles or k in known:
        return None
    while k < last and lower[k] in rules.person_titles and k not in known:
        k += 1
    if k < last and lower[k] in rules.name_keywords:
        return None  # "Executive Committee", "General Administration": a name, not a title
    if k < last and lower[k] == "of":
        complement_start = k + 1
        if complement_start < last and lower[complement_start] == "the":
            complement_start += 1
        complement_end = _complement_end(sentence, complement_start, last)
        spans.extend(_read_run(sentence, complement_start, complement_end))
        k = complement_end
    if k >= last:
        return spans
    rest = _read_run(sentence, k, last)
    for span in rest:
        if span.actor is None and span.type != "person" and not _head(sentence, span.first, span.last) and span.first == k:
            span = replace(span, type="person", method="rule")
        spans.append(span)
    return spans


def _complement_end(sentence: Sentence, start: int, last: int) -> int:
    """Where the *of* complement of a title ends: after its last head noun, else after its first known name."""
    keywords = sentence.rules.name_keywords
    heads = [k for k in range(start, last) if sentence.lower[k] in keywords]
    if heads:
        return heads[-1] + 1
    if start in sentence.known:
        return min(sentence.known[start][0], last)
    return last


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
    if len(known) == 1 and first not in sentence.quoted and _names_with_known(sentence, atoms, known[0]):
        return [Span(first, last, None, "organization", "rule")]
    spans, pending = [], []
    for start, end, name in atoms:
        if name:
            spans.extend(_type_pending(sentence, pending))
            pending = []
            spans.append(_known_span(sentence, start, end, name))
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
    if _is_not_actor(sentence, first, last):
        return []
    surface = sentence.keys[first:last]
    kind = cue_type(sentence, first, last)
    if kind:
        return [Span(first, last, None, kind, "rule")]
    if all(sentence.is_common(word) for word in surface if word[:1].isalpha()) or first in sentence.quoted:
        return []
    return [Span(first, last, None, "", "typer")]


def _is_not_actor(sentence: Sentence, first: int, last: int) -> bool:
    """A listed non-actor, a Roman numeral, plural acronyms (*DVDs*: things) or a group of people by
    faith or descent (*… Muslims*)."""
    surface = sentence.keys[first:last]
    if last - first == 1 and (surface[0] in sentence.rules.not_actors or _ROMAN_NUMERAL.match(surface[0])):
        return True
    return all(PLURAL_ACRONYM.match(word) for word in surface) or surface[-1] in sentence.rules.group_nouns


def _names_a_thing(sentence: Sentence, first: int, last: int) -> bool:
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
