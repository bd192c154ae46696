"""Step 4 — resolution: the names found in an article become mentions of actors, one name per actor.

Within an article, a bracketed name or acronym joins the name before it (*Tarim Valley
Machinery Group (TVMG)*), and an acronym spelt out in ordinary words is a term, no actor (*photovoltaic
(PV)*); a discovered name gets the type most of its mentions have; a family or
first name used alone joins the one full name it can stand for (*Wang* → Wang Jianguo). The same two
functions — :func:`short_name_targets` and :func:`vote_types` — make the same joins across the corpus
(:mod:`presslens.actors.tables`).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace

from presslens.actors.gazetteer import NOT_ACTOR, Gazetteer, load_gazetteer
from presslens.actors.reading import UNRESOLVED, read_sentence
from presslens.actors.run_reading import Span
from presslens.actors.sentence import Sentence, tokenize_names
from presslens.actors.name_typing import ACRONYM
from presslens.actors.words import ActorRules, is_common_word, load_rules
from presslens.corpus import Article
from presslens.languages.zh import looks_like_pinyin

_LOWERCASE_WORD = re.compile(r"(?<![\w-])[a-z][a-z-]+\b")
#: When mentions of one name disagree on its type, ties go to the first of these.
TYPE_PRECEDENCE = ("person", "organization", "location")
#: A bracketed name joins a name before it at most this many tokens away.
BRACKET_REACH = 8
#: The gazetteer's name of the country whose romanised words :func:`pinyin_words_read_as_people` looks for.
CHINA = "China"


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
    method: str  # gazetteer | rule | tagger | alias


def find_mentions(article: Article, *, gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Every actor mention of an article, with aliases resolved within the article."""
    gazetteer = gazetteer or load_gazetteer()
    rules = load_rules()
    lowercase_words = frozenset(_LOWERCASE_WORD.findall(article.text))
    mentions: list[Mention] = []
    brackets: list[tuple[int, int]] = []  # (mention before "(", mention inside)
    for number, (paragraph, start, end) in enumerate(article.sentence_spans):
        tokens = tokenize_names(article.text, start, end)
        if not tokens:
            continue
        sentence = Sentence(tokens, gazetteer, rules, lowercase_words)
        spans = [half for span in read_sentence(sentence) for half in _halves(sentence, span)]
        base = len(mentions)
        for span in spans:
            first, last = tokens[span.first].start, tokens[span.last - 1].end
            surface = article.text[first:last]
            mentions.append(Mention(article.doc_id, paragraph, number, first, last, surface,
                                    span.actor or surface, span.type, span.method))
        brackets.extend((base + a, base + b) for a, b in _bracket_pairs(sentence, spans))
    resolved = actors_only(resolve(mentions, brackets, known=gazetteer.entries.keys(), gazetteer=gazetteer))
    places = {m.actor for m in resolved if m.type == "location" and m.actor not in gazetteer.entries}  # unknown ones
    left_out = (defined_terms(article.text) | peoples(article.text, places)
                | pinyin_words_read_as_people(resolved, rules))
    return [mention for mention in resolved if mention.actor not in left_out or mention.actor in gazetteer.entries]


def pinyin_words_read_as_people(mentions: list[Mention], rules: ActorRules) -> set[str]:
    """In an article that names China: one-word people that only the name models read, spelt as pinyin
    (:func:`~presslens.languages.zh.looks_like_pinyin`) and neither a given name nor a Chinese family name
    (*Liangzhu culture*, *Juncao technology*). English text names a Chinese person by family and given name, so
    such a word alone is a place or a thing of China; elsewhere it may be anyone's name (*Wenger*, *Onuoha*)."""
    if not any(mention.actor == CHINA for mention in mentions):
        return set()
    methods: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        methods[mention.actor].add(mention.method if mention.type == "person" else "other")
    return {name for name, used in methods.items() if used <= {"tagger", "alias"} and " " not in name
            and name not in rules.given_names and name not in rules.chinese_surnames and looks_like_pinyin(name)}


def peoples(text: str, places: Iterable[str]) -> set[str]:
    """The names of a people among one-word ``places`` no list knows: the text writes them in the singular and,
    on their own, in the plural (*the Uyghur population* … *Uyghurs said*): a people is no actor."""
    places = [name for name in places if " " not in name]
    if not places:
        return set()
    words = set(_CAPITALISED_WORD.findall(text))
    found = set()
    for name in places:
        singular, plural = (name[:-1], name) if name.endswith("s") and name[:-1] in words else (name, name + "s")
        if singular in words and plural in words and _stands_alone(text, plural):
            found |= {singular, plural}
    return found


_CAPITALISED_WORD = re.compile(r"\b[A-Z][a-z]+\b")
#: A capitalised word just before another (*United States*), whose plural is part of a name, not a people.
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w'’-]*[ -]$")


def _stands_alone(text: str, word: str) -> bool:
    """Whether ``word`` appears at least once with no capitalised word just before or after it."""
    return any(not _CAPITALISED_BEFORE.search(text[max(0, match.start() - 40): match.start()])
               for match in re.finditer(rf"\b{word}\b(?![ -][A-Z])", text))


#: An acronym in brackets (*traditional Chinese medicine (TCM)*).
_BRACKETED_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
#: Words an acronym's letters skip (*Association of Southeast Asian Nations*: ASEAN).
_SKIPPED_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "to", "&"})
#: How far before its bracket the words an acronym spells are looked for.
_SPELLED_OUT_CHARS = 120


def defined_terms(text: str) -> set[str]:
    """The acronyms a text spells out in words mostly in lower case (*photovoltaic (PV)*, *greenhouse gas (GHG)*,
    *traditional Chinese medicine (TCM)*): terms, not actors. An organisation's acronym follows its capitalised
    name (*Asian Development Bank (ADB)*)."""
    terms = set()
    for match in _BRACKETED_ACRONYM.finditer(text):
        acronym = match.group(1)
        letters = "".join(letter for letter in acronym if letter.isupper()).lower()
        before = text[max(0, match.start() - _SPELLED_OUT_CHARS): match.start()].split()
        words = [word for word in before if word.lower() not in _SKIPPED_WORDS]
        for count in range(1, min(len(letters), len(words)) + 1):
            spelled = words[-count:]
            if _spells(letters, [word.lower() for word in spelled]):
                if sum(word[0].islower() for word in spelled) * 2 > count:
                    terms.add(acronym)
                break
    return terms


def _spells(letters: str, words: list[str]) -> bool:
    """Whether ``letters`` open each of ``words`` in turn, other letters taken from inside them in order (*ghg*:
    *greenhouse gas*)."""
    if not words:
        return not letters
    word = words[0]
    if not letters or letters[0] != word[0]:
        return False
    for taken in range(len(letters) - len(words) + 1):
        inside, rest = letters[1:1 + taken], letters[1 + taken:]
        position = 1
        for letter in inside:
            position = word.find(letter, position) + 1
            if not position:
                break
        else:
            if _spells(rest, words[1:]):
                return True
    return False


def _halves(sentence: Sentence, span: Span) -> list[Span]:
    """A name written twice in a row (*Ferkat Jawdat Ferkat Jawdat*, a list's heading run into its text): two
    mentions of it; any other span as it is."""
    middle = (span.first + span.last) // 2
    words = sentence.keys
    if span.actor or (span.last - span.first) % 2 or span.last - span.first < 4 \
            or words[span.first:middle] != words[middle:span.last]:
        return [span]
    return [replace(span, last=middle), replace(span, first=middle)]


def actors_only(mentions: list[Mention]) -> list[Mention]:
    """The mentions without the names the gazetteer knows as things (:data:`~.gazetteer.NOT_ACTOR`)."""
    return [mention for mention in mentions if mention.type != NOT_ACTOR]


def _bracket_pairs(sentence: Sentence, spans: list[Span]) -> list[tuple[int, int]]:
    """Pairs (name before, name inside) for *Name (ACRONYM)*, *Name … (Full Name Co., Ltd.)* and a
    person's other name in brackets, *Rando Knapp (Ren Duo)*."""
    keys, pairs = sentence.keys, []
    for inside_index, inside in enumerate(spans):
        if not inside.type or inside.first == 0 or keys[inside.first - 1] != "(" or inside.last >= len(keys) or keys[inside.last] != ")":
            continue
        before = spans[inside_index - 1] if inside_index and spans[inside_index - 1].type else None
        if before and before.type == "person" and before.last == inside.first - 1 and inside.actor is None:
            pairs.append((inside_index - 1, inside_index))
            continue
        if inside.type == "person":
            continue
        for before_index in range(inside_index - 1, -1, -1):
            before = spans[before_index]
            if before.type == inside.type or (before.type == "organization" and inside.type in ("organization", "location")):
                if inside.first - before.last <= BRACKET_REACH and before.type != "person":
                    pairs.append((before_index, inside_index))
                break
    return pairs


def resolve(mentions: list[Mention], brackets: list[tuple[int, int]], *, known: Collection[str], gazetteer: Gazetteer) -> list[Mention]:
    """One name and one type per actor of an article: brackets merged, acronyms joined to the name they
    abbreviate, types voted, short names joined."""
    mentions = _merge_brackets(mentions, brackets, known, gazetteer)
    mentions = _join_capitals(mentions, known)
    mentions = _join_acronyms(mentions, known, gazetteer)
    discovered = [(m.actor, m.type) for m in mentions if m.actor not in known and m.type]
    types = _people_named_in_short(mentions, vote_types(discovered), known)
    mentions = [replace(m, type=types[m.actor], method="alias" if m.method == UNRESOLVED else m.method)
                if m.actor in types else m for m in mentions]
    targets = short_name_targets(m.actor for m in mentions if m.type == "person")
    joined = []
    for mention in mentions:
        target = targets.get(mention.actor)
        can_join = mention.actor not in known or gazetteer.type_of(mention.actor) == "person"
        if target and can_join:
            joined.append(replace(mention, actor=target, type="person", method="alias"))
        elif mention.type:
            joined.append(mention)  # an untyped name that stands for no person of the article is none
    return joined


def _people_named_in_short(mentions: list[Mention], types: dict[str, str], known: Collection[str]) -> dict[str, str]:
    """``types``, with a name only the name models typed (no gazetteer, head noun or cue) made a person where the article
    names a person by its first or last word alone (*Nguyen Xuan Phuc* … *Phuc said*) and no word of the
    name is an ordinary word (*Philadelphia Eagles*, *Pirelli SpA* stay as typed)."""
    short_people = {m.actor for m in mentions if m.type == "person" and " " not in m.actor and m.actor not in known}
    methods = defaultdict(set)
    for mention in mentions:
        methods[mention.actor].add(mention.method)

    def named_in_short(name: str) -> bool:
        words = name.split()
        return methods[name] == {"tagger"} and len(words) >= 2 and bool({words[0], words[-1]} & short_people) \
            and not any(is_common_word(word) for word in words)

    return {name: "person" if kind != "person" and named_in_short(name) else kind for name, kind in types.items()}


def _merge_brackets(mentions: list[Mention], brackets, known: Collection[str], gazetteer: Gazetteer) -> list[Mention]:
    """A bracketed name joins the name before it; the known or the longer name is canonical."""
    parent = list(range(len(mentions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for before, inside in brackets:
        parent[root(inside)] = root(before)
    groups = defaultdict(list)
    for i in range(len(mentions)):
        groups[root(i)].append(i)
    merged = list(mentions)
    for members in groups.values():
        if len(members) == 1:
            continue
        names = [mentions[i].actor for i in members]
        known_names = [name for name in names if name in known]
        if known_names:
            canonical = known_names[0]
        elif mentions[members[0]].type == "person":
            canonical = names[0]  # a person's other name in brackets follows the name the article uses
        else:
            canonical = max(names, key=lambda n: (len(n.split()), len(n)))
        kind = gazetteer.type_of(canonical) if known_names else mentions[members[0]].type
        for i in members:
            method = "alias" if mentions[i].actor != canonical else mentions[i].method
            merged[i] = replace(mentions[i], actor=canonical, type=kind, method=method)
    return merged


def _join_capitals(mentions: list[Mention], known: Collection[str]) -> list[Mention]:
    """A name in capitals (a dateline's *EUGENE*) joins the same name written ordinarily in the article."""
    ordinary = {m.actor.upper(): m for m in mentions if not m.actor.isupper() and m.type}
    joined = []
    for mention in mentions:
        same = ordinary.get(mention.actor) if mention.actor.isupper() and mention.actor not in known else None
        joined.append(replace(mention, actor=same.actor, type=same.type, method="alias") if same else mention)
    return joined


def _join_acronyms(mentions: list[Mention], known: Collection[str], gazetteer: Gazetteer) -> list[Mention]:
    """An unknown acronym joins the one organisation of the article whose initials it spells (*MRA* →
    Mountain Rescue Association)."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.type == "organization" and len(mention.actor.split()) >= 2:
            by_initials[initials(mention.actor)].add(mention.actor)
    joined = []
    for mention in mentions:
        names = by_initials.get(mention.actor, set()) if ACRONYM.match(mention.actor) and mention.actor not in known else set()
        if len(names) == 1:
            name = next(iter(names))
            kind = gazetteer.type_of(name) if name in known else "organization"
            mention = replace(mention, actor=name, type=kind, method="alias")
        joined.append(mention)
    return joined


def initials(name: str) -> str:
    """The capitals an acronym of ``name`` is made of: *China-Pakistan Economic Corridor* → CPEC."""
    words = re.split(r"[\s\-‐‑]+", name)
    return "".join(word[0] for word in words if word[:1].isupper())


def vote_types(named_types: Iterable[tuple[str, str]]) -> dict[str, str]:
    """One type per name: the type most of its mentions have (ties: person, organisation, location)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for name, kind in named_types:
        votes[name][kind] += 1
    rank = {kind: position for position, kind in enumerate(TYPE_PRECEDENCE)}
    return {name: min(counts, key=lambda kind: (-counts[kind], rank.get(kind, len(rank)))) for name, counts in votes.items()}


def short_name_targets(person_names: Iterable[str]) -> dict[str, str]:
    """A one-word name -> the one full person name whose family or first name it is (*Wang* -> Wang Jianguo)."""
    candidates: dict[str, set[str]] = defaultdict(set)
    for name in set(person_names):
        parts = name.split()
        if len(parts) >= 2:
            candidates[parts[-1]].add(name)
            candidates[parts[0]].add(name)  # family name first (Wang Jianguo) or a first name (Paula)
    return {part: next(iter(names)) for part, names in candidates.items() if len(names) == 1}
