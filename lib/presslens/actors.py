"""Actors: the people, organisations and places an article names, merged under one name each.

Finding them takes four steps, each one inspectable:

1. **Gazetteer** — known actors and their other names (``data/gazetteer.yaml``, extendable with a
   user file): *Chinese* → China, *NDRC* → National Development and Reform Commission.
2. **Discovery** — capitalised name sequences the gazetteer lacks, typed by cues of news style
   (``data/actor_rules.yaml``): a title before a name (*Governor … Sergey Darkin*), a role after it
   (*Huo Fupeng, deputy director*), a head noun (*… Institute*, *… Krai*), a descriptor (*newspaper
   Kommersant*). Names no cue explains go to NLTK's part-of-speech tagger and binary named-entity
   chunker (loaded once per process), which keep or drop them.
3. **Alias resolution** — within an article, a family name joins the full name (*Huo* → Huo Fupeng,
   *Norov* → Vladimir Norov), a bracketed name or acronym joins the name before it (*XCMG*); across
   the corpus a family name used alone joins the one full name it can stand for. Each article's
   mentions are computed on their own — cached and spread over cores by :mod:`presslens.engine` —
   and the corpus-wide join comes after.
4. **Tables** — every mention with its offsets, paragraph and sentence (:func:`mentions_table`), and
   per article each actor with its type and number of mentions (:func:`actors_table`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from importlib import resources as importlib_resources
from pathlib import Path
from typing import NamedTuple

import nltk
import pandas as pd
import yaml
from nltk.tag import PerceptronTagger

from presslens.corpus import Article, Corpus
from presslens.engine import per_article_table
from presslens.resources import require_nltk_data
from presslens.text import lemmatize

#: libyaml's loader when PyYAML has it: the built-in gazetteer then loads in a fraction of a second.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ACTOR_TYPES: tuple[str, ...] = ("person", "organization", "location")
MENTION_COLUMNS = ["doc_id", "paragraph", "sentence", "start", "end", "surface", "actor", "type", "method"]

#: Tokens for name finding: abbreviations keep their full stop, possessive 's stands alone.
_NAME_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"
    r"|(?:St|Co|Ltd|Corp|Inc|Jr|Sr|Dr|Mr|Mrs|Ms|Prof|Gen|Gov|Sen|Rep|Mt|Ft|No|Messrs)\.(?=[\s,;:)]|$)"
    r"|['’]s\b"
    r"|\w+(?:['’](?!s\b)\w+)*"
    r"|[^\w\s]"
)
_ROMAN_NUMERAL = re.compile(r"^(?=[MDCLXVI])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
_LOWERCASE_WORD = re.compile(r"(?<![\w-])[a-z][a-z-]+\b")
_ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}s?$")
_SLAVIC_SURNAME = re.compile(r"(ov|ova|ev|eva|yov|yova|in|ina|sky|ski|skaya|skiy|enko|chuk|uk|yan|dze|shvili|ich|vich)$")
_CONNECTORS = {"of", "and", "&", "for", "the", "de", "du", "des", "la", "le", "van", "von", "der", "al", "bin", "+"}
_SPLITTERS = {"and", "&", "+"}
_ARTICLES = {"The", "A", "An"}
#: Words on each side of an undecided name that the NE chunker reads.
CHUNKER_CONTEXT = 4
_OPENERS = {"“", '"', "‘", "'", "(", "[", "-", "–", "—", ":", ";"}
_HYPHENS = {"-", "‐", "‑"}
_COMPANY_SUFFIXES = {"ltd.", "ltd", "inc.", "inc", "co.", "corp.", "llc", "plc", "limited"}


class Token(NamedTuple):
    """A token of a sentence: its text, offsets into the article and whether it touches the previous token."""

    text: str
    start: int
    end: int
    glued: bool


@dataclass(frozen=True)
class Mention:
    """One mention of an actor in an article."""

    doc_id: str
    paragraph: int
    sentence: int
    start: int
    end: int
    surface: str
    actor: str
    type: str
    method: str  # gazetteer | rule | alias | chunker


# --------------------------------------------------------------------------------------------
# Gazetteer and rules


@dataclass(frozen=True)
class GazetteerEntry:
    """A known actor: canonical name, type and the other names it goes by."""

    name: str
    type: str
    aliases: tuple[str, ...]


class Gazetteer:
    """Known actors indexed by the token sequence of every name they go by (case-sensitive)."""

    def __init__(self, entries: list[GazetteerEntry]):
        self.entries = {entry.name: entry for entry in entries}
        self.index: dict[tuple[str, ...], str] = {}
        for entry in entries:
            for surface in (entry.name, *entry.aliases):
                key = name_key(surface)
                if key:
                    self.index.setdefault(key, entry.name)
        self.max_tokens = max((len(key) for key in self.index), default=1)
        self.first_tokens = {key[0] for key in self.index}

    def __len__(self) -> int:
        return len(self.entries)

    def type_of(self, name: str) -> str:
        return self.entries[name].type

    def longest_match(self, keys: list[str], start: int) -> tuple[int, str] | None:
        """(end, canonical name) of the longest known name starting at ``keys[start]``, or None."""
        if keys[start] not in self.first_tokens:
            return None
        for end in range(min(len(keys), start + self.max_tokens), start, -1):
            name = self.index.get(tuple(keys[start:end]))
            if name:
                return end, name
        return None


def name_key(surface: str) -> tuple[str, ...]:
    """The token sequence a name is matched by (curly apostrophes and dashes made plain)."""
    return tuple(_plain(token) for token in _NAME_TOKEN.findall(surface))


def _plain(token: str) -> str:
    return token.replace("’", "'").replace("‐", "-").replace("‑", "-")


def read_gazetteer_file(path: str | Path) -> list[GazetteerEntry]:
    """Entries of a gazetteer YAML file (``actors:`` list of ``name``, ``type``, ``aliases``).

    Raises
    ------
    ValueError
        When the file is missing or an entry lacks a name or has an unknown type.
    """
    path = Path(path)
    if not path.is_file():
        raise ValueError(f"gazetteer file not found: {path} — pass a YAML file with an `actors:` list")
    return _parse_gazetteer(path.read_text("utf-8"), str(path))


def _parse_gazetteer(source: str, where: str) -> list[GazetteerEntry]:
    data = yaml.load(source, Loader=_YAML_LOADER) or {}
    entries = []
    for number, item in enumerate(data.get("actors") or [], start=1):
        name, kind = str(item.get("name") or "").strip(), str(item.get("type") or "").strip()
        if not name or kind not in ACTOR_TYPES:
            raise ValueError(
                f"{where}: actor #{number} needs a `name` and a `type` among {', '.join(ACTOR_TYPES)} (got {item!r})"
            )
        entries.append(GazetteerEntry(name, kind, tuple(str(a) for a in item.get("aliases") or ())))
    return entries


@functools.cache
def _builtin_entries() -> tuple[GazetteerEntry, ...]:
    source = importlib_resources.files("presslens").joinpath("data/gazetteer.yaml").read_text("utf-8")
    return tuple(_parse_gazetteer(source, "built-in gazetteer"))


@functools.lru_cache(maxsize=8)
def load_gazetteer(extra: str | None = None) -> Gazetteer:
    """The built-in gazetteer, extended by a user file (whose entries take precedence) when given."""
    user = read_gazetteer_file(extra) if extra else []
    return Gazetteer([*user, *_builtin_entries()])


@dataclass(frozen=True)
class ActorRules:
    """The word lists of ``data/actor_rules.yaml``, lowercased into sets."""

    person_titles: frozenset[str]
    apposition_roles: frozenset[str]
    speech_verbs: frozenset[str]
    organization_descriptors: frozenset[str]
    organization_keywords: frozenset[str]
    location_keywords: frozenset[str]
    location_prefixes: frozenset[str]
    location_prepositions: frozenset[str]
    chinese_surnames: frozenset[str]
    given_names: frozenset[str]
    not_actors: frozenset[str]


@functools.cache
def load_rules() -> ActorRules:
    """The typing rules, loaded once."""
    source = importlib_resources.files("presslens").joinpath("data/actor_rules.yaml").read_text("utf-8")
    data = yaml.safe_load(source)
    cased = {"chinese_surnames", "given_names", "not_actors"}
    return ActorRules(**{
        key: frozenset(str(v) if key in cased else str(v).lower() for v in values) for key, values in data.items()
    })


@functools.cache
def _common_words() -> frozenset[str]:
    """Lowercase English dictionary words (NLTK ``words``): capitalised, they are usually not names."""
    require_nltk_data()
    listing = Path(nltk.data.find("corpora/words/en")).read_text(encoding="utf-8")
    return frozenset(word for word in listing.split() if word.islower())


def is_common_word(token: str) -> bool:
    """True for an ordinary English word (in any inflection), such as *Cranes* or *Looking*."""
    lower = token.lower()
    common = _common_words()
    if lower in common or lemmatize(lower) in common:
        return True
    for suffix, replacement in (("ing", ""), ("ing", "e"), ("ied", "y"), ("ies", "y"), ("ier", "y"), ("iest", "y"),
                                ("er", ""), ("est", ""), ("ed", ""), ("ed", "e"), ("s", ""), ("ly", "")):
        if lower.endswith(suffix) and lower[: -len(suffix)] + replacement in common:
            return True
    return False


class _Chunker:
    """NLTK's tagger and binary named-entity chunker, loaded once and used only for undecided names."""

    def __init__(self):
        require_nltk_data()
        self.tagger = PerceptronTagger()
        self.chunker = nltk.chunk.ne_chunker(fmt="binary")

    def named_entity_spans(self, words: list[str]) -> set[tuple[int, int]]:
        """Token index ranges the chunker labels as named entities."""
        tree = self.chunker.parse(self.tagger.tag(words))
        spans, position = set(), 0
        for node in tree:
            if isinstance(node, nltk.Tree):
                spans.add((position, position + len(node)))
                position += len(node)
            else:
                position += 1
        return spans


@functools.cache
def _chunker() -> _Chunker:
    return _Chunker()


# --------------------------------------------------------------------------------------------
# Finding names in a sentence


def tokenize_names(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    tokens = []
    previous_end = None
    for match in _NAME_TOKEN.finditer(text, start, end):
        tokens.append(Token(match.group(), match.start(), match.end(), match.start() == previous_end))
        previous_end = match.end()
    return tokens


@dataclass(frozen=True)
class _Span:
    """A typed name found in a sentence: token range, canonical name (None: not yet known), type, method."""

    first: int
    last: int  # exclusive
    actor: str | None
    type: str
    method: str


class _SentenceReader:
    """Finds the actor names of one sentence."""

    def __init__(
        self,
        tokens: list[Token],
        gazetteer: Gazetteer,
        rules: ActorRules,
        lowercase_words: frozenset[str] = frozenset(),
        verdicts: dict[tuple[str, ...], bool] | None = None,
    ):
        self.tokens = tokens
        self.lowercase_words = lowercase_words
        self.verdicts = {} if verdicts is None else verdicts
        self.keys = [_plain(token.text) for token in tokens]
        self.lower = [key.lower() for key in self.keys]
        self.gazetteer = gazetteer
        self.rules = rules
        self.known = self._gazetteer_matches()
        self.quoted = self._quoted_tokens()

    # ---- token classes

    def _is_common(self, word: str) -> bool:
        """An ordinary word: in the dictionary, or written in lowercase elsewhere in the same article."""
        return word.lower() in self.lowercase_words or is_common_word(word)

    def _quoted_tokens(self) -> set[int]:
        """Positions inside quotation marks, where title-case phrases are slogans and themes, not names."""
        inside, quoted = False, set()
        for i, key in enumerate(self.keys):
            if key in ("“", "”", '"'):
                inside = key == "“" or (key == '"' and not inside)
            elif inside:
                quoted.add(i)
        return quoted

    def _is_capitalised(self, i: int) -> bool:
        text = self.keys[i]
        if text[:1].isdigit():
            ordinal = _ORDINAL.match(text) and i + 1 < len(self.keys) and self.keys[i + 1][:1].isupper()
            return bool(ordinal) or (any(c.isupper() for c in text) and len(text) > 1)
        return text[:1].isupper() and not self._is_modifier_compound(i)

    def _is_modifier_compound(self, i: int) -> bool:
        """*Sci-tech*, *Jiangsu-headquartered*: a word glued by a hyphen to a lowercase word."""
        return (
            i + 2 < len(self.keys) and self.keys[i + 1] in _HYPHENS and self.tokens[i + 1].glued
            and self.tokens[i + 2].glued and self.keys[i + 2][:1].islower() and i not in self.known
        )

    def _is_sentence_initial(self, i: int) -> bool:
        return i == 0 or self.keys[i - 1] in _OPENERS or (i == 1 and not self.keys[0][:1].isalnum())

    def _gazetteer_matches(self) -> dict[int, tuple[int, str]]:
        matches, i = {}, 0
        while i < len(self.keys):
            found = self.gazetteer.longest_match(self.keys, i)
            if found and not (self._is_sentence_initial(i) and found[0] == i + 1 and self._is_risky_initial(i, found[1])):
                matches[i] = found
                i = found[0]
            else:
                i += 1
        return matches

    def _is_risky_initial(self, i: int, name: str) -> bool:
        """A one-word name at a sentence start that is also an ordinary word (*Turkey*, *Chad* are kept)."""
        return self.keys[i] != name and self.keys[i].lower() in self.rules.person_titles

    # ---- runs of capitalised tokens

    def runs(self) -> list[tuple[int, int]]:
        """Maximal sequences of name tokens (capitalised words joined by connectors, hyphens, suffixes)."""
        runs, i, n = [], 0, len(self.keys)
        while i < n:
            if not (i in self.known or self._is_capitalised(i)):
                i += 1
                continue
            j = self._extend(i)
            runs.append((i, j))
            i = j
        return runs

    def _extend(self, i: int) -> int:
        n = len(self.keys)
        j = i
        while j < n:
            if j in self.known:
                j = self.known[j][0]
                continue
            if self._is_capitalised(j):
                j += 1
                continue
            nxt = j + 1
            token = self.keys[j]
            if token in _HYPHENS and self.tokens[j].glued and nxt < n and self.tokens[nxt].glued and self._is_capitalised(nxt) and j > i:
                j = nxt
                continue
            if self.keys[j] in _CONNECTORS and j > i and nxt < n and (self._is_capitalised(nxt) or nxt in self.known):
                j = nxt
                continue
            if self.lower[j] == "of" and j > i and nxt + 1 < n and self.lower[nxt] == "the" and self._is_capitalised(nxt + 1):
                j = nxt + 1
                continue
            if token == "," and j > i and nxt < n and self.lower[nxt] in _COMPANY_SUFFIXES:
                j = nxt
                continue
            if token == "," and j > i and self._in_named_list(i, j):
                j = nxt
                continue
            break
        while j > i + 1 and self.keys[j - 1] in _CONNECTORS:
            j -= 1
        return j

    def _in_named_list(self, run_start: int, comma: int) -> bool:
        """A comma inside a name such as *Institute of Russian, Eastern European & Central Asian Studies*."""
        words = self.lower[run_start:comma]
        if not any(w in self.rules.organization_keywords and nxt == "of" for w, nxt in zip(words, words[1:])):
            return False
        k = comma + 1
        saw_conjunction = False
        while k < len(self.keys):
            if self._is_capitalised(k) or (self.keys[k] == "," and not saw_conjunction):
                k += 1
            elif self.lower[k] in ("and", "&") and not saw_conjunction and k + 1 < len(self.keys) and self._is_capitalised(k + 1):
                saw_conjunction = True
                k += 1
            else:
                break
        return saw_conjunction and self.lower[k - 1] in self.rules.organization_keywords

    # ---- reading a run

    def read(self) -> list[_Span]:
        spans = []
        for first, last in self.runs():
            spans.extend(self._read_run(first, last))
        return spans

    def _atoms(self, first: int, last: int) -> list[tuple[int, int, str | None]]:
        """The run cut into known names (with their canonical name) and single other tokens (None)."""
        atoms, i = [], first
        while i < last:
            if i in self.known and self.known[i][0] <= last:
                end, name = self.known[i]
                atoms.append((i, end, name))
                i = end
            else:
                atoms.append((i, i + 1, None))
                i += 1
        return atoms

    def _read_run(self, first: int, last: int) -> list[_Span]:
        while first < last and first not in self.known and (
            self.keys[first] in _CONNECTORS or self.keys[first] in _HYPHENS or self.keys[first] in _ARTICLES
        ):
            first += 1
        if first >= last:
            return []
        atoms = self._atoms(first, last)
        if len(atoms) == 1 and atoms[0][2]:
            return [self._known_span(*atoms[0])]
        if all(name or self._is_glue(start) for start, _, name in atoms):
            return [self._known_span(*atom) for atom in atoms if atom[2]]
        title = self._title_block(first, last, atoms)
        if title:
            return title
        head = self._head(first, last)
        if head:
            return self._headed_name(first, last, head)
        split = [k for k in range(first + 1, last - 1) if self.keys[k] in _SPLITTERS or self._is_known_hyphen(k)]
        if split:
            spans, start = [], first
            for k in split + [last]:
                spans.extend(self._read_run(start, k))
                start = k + 1
            return spans
        return self._read_unheaded(atoms)

    def _is_known_hyphen(self, k: int) -> bool:
        """A hyphen joining a known name to another name (*China-Russia*), not one inside a name (*Wal-Mart*)."""
        if self.keys[k] not in _HYPHENS:
            return False
        return (k + 1) in self.known or any(end == k for end, _ in self.known.values())

    def _is_glue(self, i: int) -> bool:
        return self.keys[i] in _CONNECTORS or self.keys[i] in _HYPHENS or self.keys[i] == ","

    def _known_span(self, start: int, end: int, name: str) -> _Span:
        return _Span(start, end, name, self.gazetteer.type_of(name), "gazetteer")

    def _head(self, first: int, last: int) -> tuple[int, str] | None:
        """(position, type) of the head noun that types a name: last word, or a keyword followed by *of*."""
        for k in range(first, last):
            word = self.lower[k]
            is_head = k == last - 1 or (k + 1 < last and self.lower[k + 1] == "of")
            if not is_head:
                continue
            if word in self.rules.organization_keywords:
                return k, "organization"
            if word in self.rules.location_keywords:
                return k, "location"
        if self.lower[first] in self.rules.location_prefixes and last - first >= 2:
            return first, "location"
        return None

    def _headed_name(self, first: int, last: int, head: tuple[int, str]) -> list[_Span]:
        """A name typed by its head noun; a leading place followed by another known name is split off."""
        spans = []
        if first in self.known and not self.tokens[self.known[first][0]].glued:
            end, name = self.known[first]
            if end in self.known and end < last:
                spans.append(self._known_span(first, end, name))
                first = end
        name_words = [self.keys[k] for k in range(first, last)]
        if len(name_words) == 1:
            return spans  # a head noun alone ("Forum", "Province") names nothing
        spans.append(_Span(first, last, None, head[1], "rule"))
        spans.extend(self._nested_known(first, last))
        return spans

    def _nested_known(self, first: int, last: int) -> list[_Span]:
        """Known multiword names after *of* inside a longer name (*Executive Committee of Eurasian Economic Union*)."""
        nested = []
        for k in range(first + 1, last):
            if self.lower[k - 1] == "of" and k in self.known:
                end, name = self.known[k]
                if end - k >= 2 and end <= last and (end - k) < (last - first):
                    nested.append(self._known_span(k, end, name))
        return nested

    def _title_block(self, first: int, last: int, atoms) -> list[_Span] | None:
        """A title or role before a name: *Chinese President Xi Jinping*, *Governor of Primorsky Krai Sergey Darkin*."""
        spans = []
        k = first
        if k in self.known and self.known[k][0] < last and self.lower[self.known[k][0]] in self.rules.person_titles:
            end, name = self.known[k]
            spans.append(self._known_span(k, end, name))
            k = end
        if self.lower[k] not in self.rules.person_titles or k in self.known:
            return None
        while k < last and self.lower[k] in self.rules.person_titles and k not in self.known:
            k += 1
        if k < last and self.lower[k] in self.rules.organization_keywords | self.rules.location_keywords:
            return None  # "Executive Committee", "General Administration": a name, not a title
        if k < last and self.lower[k] == "of":
            complement_start = k + 1
            if complement_start < last and self.lower[complement_start] == "the":
                complement_start += 1
            complement_end = self._complement_end(complement_start, last)
            spans.extend(self._read_run(complement_start, complement_end))
            k = complement_end
        if k >= last:
            return spans
        rest = self._read_run(k, last)
        for span in rest:
            if span.actor is None and span.type != "person" and not self._head(span.first, span.last) and span.first == k:
                span = replace(span, type="person", method="rule")
            spans.append(span)
        return spans

    def _complement_end(self, start: int, last: int) -> int:
        """Where the *of* complement of a title ends: after its last head noun, else after its first known name."""
        heads = [k for k in range(start, last) if self.lower[k] in self.rules.organization_keywords | self.rules.location_keywords]
        if heads:
            return heads[-1] + 1
        if start in self.known:
            return min(self.known[start][0], last)
        return last

    def _read_unheaded(self, atoms) -> list[_Span]:
        """Known names as they are; the other stretches typed by cues."""
        first, last = atoms[0][0], atoms[-1][1]
        words = self.keys[first:last]
        if len(words) > 1 and all(_ACRONYM.match(word) for word in words):
            return [_Span(first, last, None, "organization", "rule")]  # "FBA EAC": one name, not two
        known = [atom for atom in atoms if atom[2]]
        if len(known) == 1 and first not in self.quoted and self._names_with_known(atoms, known[0]):
            return [_Span(first, last, None, "organization", "rule")]
        spans, pending = [], []
        for start, end, name in atoms:
            if name:
                spans.extend(self._type_pending(pending))
                pending = []
                spans.append(self._known_span(start, end, name))
            else:
                pending.append(start)
        spans.extend(self._type_pending(pending))
        return spans

    def _names_with_known(self, atoms, known) -> bool:
        """*Yamal Liquefied Natural Gas*, *Far East Development*: a known place named inside a longer name."""
        others = [self.keys[start] for start, _, name in atoms if not name and not self._is_glue(start)]
        return (
            len(others) >= 2 and self.gazetteer.type_of(known[2]) == "location"
            and not self._is_sentence_initial(atoms[0][0])
            and all(self._is_common(word) and word not in self.rules.person_titles for word in others)
        )

    def _type_pending(self, positions: list[int]) -> list[_Span]:
        words = [k for k in positions if not self._is_glue(k)]
        if not words:
            return []
        first, last = words[0], words[-1] + 1
        while first < last and self._is_droppable_start(first, last):
            first += 1
            while first < last and self._is_glue(first):
                first += 1
        if first >= last:
            return []
        surface = [self.keys[k] for k in range(first, last)]
        if any(word in self.rules.not_actors or _ROMAN_NUMERAL.match(word) for word in surface) and last - first == 1:
            return []
        kind = self._cue_type(first, last)
        if kind:
            return [_Span(first, last, None, kind, "rule")]
        if all(self._is_common(word) for word in surface if word[:1].isalpha()) or first in self.quoted:
            return []
        return [_Span(first, last, None, "", "chunker")]

    def _is_droppable_start(self, first: int, last: int) -> bool:
        """A first word that is not part of the name: a listed non-actor, or a common word opening a sentence."""
        word = self.keys[first]
        if word in self.rules.not_actors:
            return True
        if not (self._is_sentence_initial(first) and self._is_common(word)):
            return False
        starts_name = word in self.rules.chinese_surnames or word in self.rules.given_names
        return not (starts_name and last - first >= 2)

    def _cue_type(self, first: int, last: int) -> str | None:
        """The type that the words around a name give it, or None when nothing does."""
        rules, words = self.rules, self.keys[first:last]
        n_words = last - first
        before = self.lower[first - 1] if first > 0 else ""
        before2 = self.lower[first - 2] if first > 1 else ""
        after = self.lower[last] if last < len(self.lower) else ""
        if n_words <= 4 and (before in rules.person_titles or (before2 in rules.person_titles and before in ("the", "."))):
            return "person"
        if before == "of" and before2 in rules.person_titles | rules.apposition_roles:
            return "organization"
        if before in rules.organization_descriptors or self._descriptor_follows(last):
            return "organization"
        if n_words == 1 and _ACRONYM.match(words[0]):
            return "organization"
        if all(_ACRONYM.match(word) for word in words):
            return "organization"
        if 2 <= n_words <= 3 and (words[0] in rules.chinese_surnames or words[0] in rules.given_names):
            if not any(self._is_common(word) for word in words[1:]) or words[0] in rules.given_names:
                return "person"
        if n_words <= 4 and after == "," and self._apposition_follows(last):
            return "person"
        if n_words <= 3 and (after in rules.speech_verbs or self._speech_after_adverb(last)):
            return "person"
        if n_words <= 3 and _SLAVIC_SURNAME.search(words[-1].lower()) and not self._is_common(words[-1]):
            return "person"
        return None

    def _descriptor_follows(self, last: int) -> bool:
        """*Huateng industrial company*, *Uniconf, a company*: a descriptor noun within two words after the name."""
        window = self.lower[last:last + 4]
        if window[:1] == [","] and len(window) > 2 and window[1] in ("a", "an", "the"):
            window = window[2:]
        return any(word in self.rules.organization_descriptors for word in window[:2]) and not any(
            word in (",", ".") for word in window[:1]
        )

    def _apposition_follows(self, last: int) -> bool:
        """*Name, deputy director of …* / *Name, FBA EAC member*: a role within four words after the comma."""
        for word in self.lower[last + 1:last + 6]:
            if word in self.rules.apposition_roles and word not in ("a", "an", "the", "who", "whose"):
                return True
            if word in (",", ".", ";", "(", ")"):
                return False
        return False

    def _speech_after_adverb(self, last: int) -> bool:
        """*Darkin still remembers*, *Putin also pledged*: an adverb, then a verb of speech."""
        following = self.lower[last:last + 2]
        adverb = following[:1] and (following[0].endswith("ly") or following[0] in ("still", "also", "then", "later"))
        return len(following) == 2 and bool(adverb) and following[1] in self.rules.speech_verbs

    def decide_with_chunker(self, spans: list[_Span]) -> list[_Span]:
        """Keep the undecided names: capitalised mid-sentence, or labelled an entity by NLTK's chunker.

        A capitalised word that is not a dictionary word is a name when it stands mid-sentence; at the
        start of a sentence capitals prove nothing, and the chunker decides. It reads a few words around
        the name rather than the whole sentence, which keeps it off the hot path.
        """
        decided = []
        for span in spans:
            if span.method != "chunker" or span.type:
                decided.append(span)
                continue
            if not self._is_sentence_initial(span.first) or self._chunker_says_entity(span):
                decided.append(replace(span, type=self._shape_type(span)))
        return decided

    def _chunker_says_entity(self, span: _Span) -> bool:
        """The chunker's verdict on a name in its context, remembered per name for the rest of the article."""
        name = tuple(self.keys[span.first:span.last])
        verdicts = self.verdicts
        if name not in verdicts:
            left = max(0, span.first - CHUNKER_CONTEXT)
            entities = _chunker().named_entity_spans(self.keys[left:span.last + CHUNKER_CONTEXT])
            verdicts[name] = any(first <= k - left < last for first, last in entities for k in range(span.first, span.last))
        return verdicts[name]

    def _shape_type(self, span: _Span) -> str:
        """Person for two or three uncommon words (*Cai Fang*), place after *in*, else organisation."""
        words = self.keys[span.first:span.last]
        if 2 <= len(words) <= 3 and not any(self._is_common(w) or _ACRONYM.match(w) for w in words):
            return "person"
        if span.first > 0 and self.lower[span.first - 1] in self.rules.location_prepositions:
            return "location"
        return "organization"


# --------------------------------------------------------------------------------------------
# Articles


def find_mentions(article: Article, *, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Every actor mention of an article, with aliases resolved within the article."""
    gazetteer = gazetteer or load_gazetteer()
    rules = load_rules()
    lowercase_words = frozenset(_LOWERCASE_WORD.findall(article.text))
    verdicts: dict[tuple[str, ...], bool] = {}  # per article, so results never depend on article order
    found: list[tuple[int, int, int, int, str | None, str, str, list[Token]]] = []
    brackets: list[tuple[int, int]] = []  # (index of mention before "(", index of mention inside)
    for number, (paragraph, start, end) in enumerate(article.sentence_spans):
        tokens = tokenize_names(article.text, start, end)
        if not tokens:
            continue
        reader = _SentenceReader(tokens, gazetteer, rules, lowercase_words, verdicts)
        spans = reader.decide_with_chunker(reader.read())
        spans.sort(key=lambda s: s.first)
        base = len(found)
        for span in spans:
            found.append((paragraph, number, span.first, span.last, span.actor, span.type, span.method, tokens))
        brackets.extend((base + a, base + b) for a, b in _bracket_pairs(spans, reader))
    return _resolve(article, found, brackets, gazetteer, rules)


def _bracket_pairs(spans: list[_Span], reader: _SentenceReader) -> list[tuple[int, int]]:
    """Pairs (name before, name inside) for *Name (ACRONYM)* and *Name … (Full Name Co., Ltd.)*."""
    pairs = []
    for inside_index, inside in enumerate(spans):
        if inside.first == 0 or reader.keys[inside.first - 1] != "(":
            continue
        if inside.last >= len(reader.keys) or reader.keys[inside.last] != ")":
            continue
        if inside.type == "person":
            continue
        for before_index in range(inside_index - 1, -1, -1):
            before = spans[before_index]
            if before.type == inside.type or (before.type == "organization" and inside.type in ("organization", "location")):
                if inside.first - before.last <= 8 and before.type != "person":
                    pairs.append((before_index, inside_index))
                break
    return pairs


def _resolve(article, found, brackets, gazetteer, rules) -> list[Mention]:
    """Turn spans into mentions: canonical names, family names joined to full names, brackets merged."""
    surfaces = [_surface(article.text, tokens, first, last) for (_, _, first, last, _, _, _, tokens) in found]
    names = [actor or surface for (_, _, _, _, actor, _, _, _), surface in zip(found, surfaces)]
    types = [kind for (_, _, _, _, _, kind, _, _) in found]
    methods = [method for (_, _, _, _, _, _, method, _) in found]

    # A bracketed name or acronym joins the name before it; the longer or known name is canonical.
    parent = list(range(len(found)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for before, inside in brackets:
        parent[root(inside)] = root(before)
    groups = defaultdict(list)
    for i in range(len(found)):
        groups[root(i)].append(i)
    for members in groups.values():
        if len(members) == 1:
            continue
        known = [names[i] for i in members if found[i][4]]
        canonical = known[0] if known else max((names[i] for i in members), key=lambda n: (len(n.split()), len(n)))
        kind = gazetteer.type_of(canonical) if known else types[members[0]]
        for i in members:
            if names[i] != canonical:
                methods[i] = "alias"
            names[i], types[i] = canonical, kind
    # The same discovered name gets one type in the article: the one most of its mentions have.
    votes = defaultdict(Counter)
    for name, kind, (_, _, _, _, actor, _, _, _) in zip(names, types, found):
        if not actor:
            votes[name][kind] += 1
    for i, name in enumerate(names):
        if not found[i][4] and name in votes:
            types[i] = "person" if votes[name]["person"] else votes[name].most_common(1)[0][0]
    # A family or first name alone joins the one full person name of the article it can stand for.
    persons = {name for name, kind in zip(names, types) if kind == "person" and len(name.split()) >= 2}
    short_forms = defaultdict(set)
    for person in persons:
        parts = person.split()
        short_forms[parts[-1]].add(person)
        short_forms[parts[0]].add(person)  # family name first (Huo Fupeng) or a first name (Paula)
    for i, name in enumerate(names):
        if len(name.split()) == 1 and len(short_forms.get(name, ())) == 1 and (not found[i][4] or gazetteer.type_of(name) == "person"):
            names[i], types[i], methods[i] = next(iter(short_forms[name])), "person", "alias"
    mentions = []
    for (paragraph, number, first, last, _, _, _, tokens), surface, name, kind, method in zip(found, surfaces, names, types, methods):
        if not kind:
            continue
        mentions.append(Mention(
            article.doc_id, paragraph, number, tokens[first].start, tokens[last - 1].end, surface, name, kind, method,
        ))
    return mentions


def _surface(text: str, tokens: list[Token], first: int, last: int) -> str:
    return text[tokens[first].start:tokens[last - 1].end]


# --------------------------------------------------------------------------------------------
# Corpus tables


def article_mentions(corpus: Corpus, *, gazetteer: str | None = None) -> pd.DataFrame:
    """The mentions of each article on its own (aliases resolved within the article), as a table."""
    known = load_gazetteer(gazetteer or None)
    rows = [mention.__dict__ for article in corpus for mention in find_mentions(article, gazetteer=known)]
    return pd.DataFrame(rows, columns=MENTION_COLUMNS)


def _load_models(gazetteer: str | None) -> None:
    """Load the gazetteer, rules, dictionary and chunker (once per process)."""
    load_gazetteer(gazetteer or None)
    load_rules()
    _common_words()
    _chunker()


def join_across_articles(mentions: pd.DataFrame) -> pd.DataFrame:
    """A one-word person name that is the family (or first) name of exactly one full name in the corpus joins it."""
    people = mentions.loc[mentions["type"] == "person", "actor"].unique()
    by_part = defaultdict(set)
    for name in people:
        parts = name.split()
        if len(parts) >= 2:
            by_part[parts[-1]].add(name)
            by_part[parts[0]].add(name)
    unique = {part: next(iter(names)) for part, names in by_part.items() if len(names) == 1}
    single = (mentions["type"] == "person") & mentions["actor"].isin(unique)
    if not single.any():
        return mentions
    joined = mentions.copy()
    joined.loc[single, "actor"] = joined.loc[single, "actor"].map(unique)
    joined.loc[single, "method"] = "alias"
    return joined


def harmonize_types(mentions: pd.DataFrame) -> pd.DataFrame:
    """One type per actor across the corpus: the type most of its mentions have (person wins a tie)."""
    if mentions.empty:
        return mentions
    votes = mentions.groupby(["actor", "type"]).size().rename("votes").reset_index()
    votes["person"] = votes["type"] == "person"
    winners = votes.sort_values(["actor", "votes", "person"], ascending=[True, False, False]).drop_duplicates("actor")
    chosen = mentions["actor"].map(winners.set_index("actor")["type"])
    if chosen.equals(mentions["type"]):
        return mentions
    return mentions.assign(type=chosen)


def mentions_table(
    corpus: Corpus,
    *,
    gazetteer: str | None = None,
    actor_types: list[str] | tuple[str, ...] = ACTOR_TYPES,
) -> pd.DataFrame:
    """Every actor mention: ``doc_id, paragraph, sentence, start, end, surface, actor, type, method``.

    Parameters
    ----------
    gazetteer
        A YAML file of extra actors (same format as the built-in one); its entries take precedence.
    actor_types
        Keep only these types (``person``, ``organization``, ``location``).
    """
    _check_types(actor_types)
    mentions = per_article_table(
        corpus, "mentions", {"gazetteer": gazetteer or ""}, functools.partial(article_mentions, gazetteer=gazetteer),
        columns=MENTION_COLUMNS, prepare=functools.partial(_load_models, gazetteer),
    )
    mentions = harmonize_types(join_across_articles(mentions))
    return mentions[mentions["type"].isin(actor_types)].reset_index(drop=True)


def actors_table(
    corpus: Corpus | None = None,
    *,
    mentions: pd.DataFrame | None = None,
    gazetteer: str | None = None,
    actor_types: list[str] | tuple[str, ...] = ACTOR_TYPES,
) -> pd.DataFrame:
    """Actors per article: ``doc_id, actor, type, mentions``, most mentioned first.

    Pass a corpus, or a mentions table already computed with :func:`mentions_table`.
    """
    if mentions is None:
        if corpus is None:
            raise ValueError("pass a corpus or a mentions table")
        mentions = mentions_table(corpus, gazetteer=gazetteer, actor_types=actor_types)
    table = (
        mentions.groupby(["doc_id", "actor", "type"], observed=True, sort=False).size().rename("mentions").reset_index()
    )
    return table.sort_values(["doc_id", "mentions", "actor"], ascending=[True, False, True], ignore_index=True)


def corpus_actors(mentions: pd.DataFrame) -> pd.DataFrame:
    """Actors over the whole corpus: ``actor, type, mentions, n_docs``, most mentioned first."""
    table = mentions.groupby(["actor", "type"], observed=True).agg(
        mentions=("doc_id", "size"), n_docs=("doc_id", "nunique")
    ).reset_index()
    return table.sort_values(["mentions", "n_docs", "actor"], ascending=[False, False, True], ignore_index=True)


def _check_types(actor_types) -> None:
    unknown = set(actor_types) - set(ACTOR_TYPES)
    if unknown:
        raise ValueError(f"unknown actor type(s) {sorted(unknown)}: choose among {', '.join(ACTOR_TYPES)}")
