"""Actors in Russian text: slovnet's news NER, the gazetteer on lemmas, names in the nominative.

:func:`find_mentions_ru` reads an article in five steps:

1. natasha segments the text and slovnet's news NER marks people, organisations and places;
2. the gazetteer's Russian names (:mod:`~.russian_names`) are matched on lemmas, so *Китая* and
   *Китаю* are China, *Путина* is Vladimir Putin; a known place inside an organisation's name is a
   mention of its own (*МЧС России* names Russia too), and a known place is a location even where it
   acts as a body (*Россия заявила*);
3. a body named by its kind and a name (*мэрии Москвы*, *партии «Яблоко»*, *реки Славянки*) is one
   mention from the kind on, and a name with another in brackets two (:mod:`~.russian_descriptors`);
4. pronouns and quantifiers (*Каждый*, *Никто*, *Все*) are dropped, so is a one-word "person" that is
   a verb; every other name gets its nominative (*Юрия Лужкова* → Юрий Лужков), and the gazetteer's
   name when it knows the nominative (*Правительство России* → Government of Russia);
5. within the article, types are voted, a family name alone joins the full name
   (:func:`~.resolution.short_name_targets`), and a role that came with a name (*президент России*
   after *президент России Владимир Путин*) names that person when it comes back alone.
"""

from __future__ import annotations

import bisect
from dataclasses import replace

from natasha import Doc

from presslens.actors.gazetteer import Gazetteer
from presslens.actors.resolution import Mention, actors_only, short_name_targets, vote_types
from presslens.actors.russian_descriptors import extend_by_descriptors, split_at_brackets
from presslens.actors.russian_models import analyzer, is_function_word, lemmas, ner_tagger, plain_word, segmenter
from presslens.actors.russian_names import NAME_GRAMMEMES, Candidate, RussianNames, nominatives, russian_names
from presslens.actors.russian_roles import role_mentions
from presslens.corpus import Article

NER_TYPES = {"PER": "person", "ORG": "organization", "LOC": "location"}


def find_mentions_ru(article: Article, *, gazetteer: Gazetteer) -> list[Mention]:
    """Every actor mention of a Russian article, with aliases resolved within the article.

    Parameters
    ----------
    article
        The article; offsets of the mentions point into ``article.text``.
    gazetteer
        Known actors (:func:`presslens.actors.gazetteer.load_gazetteer`): their Russian names give the
        canonical (English) name, the same in every language.

    Returns
    -------
    list of Mention
        In text order; ``actor`` is the canonical name of a known actor, else the name in the nominative.
    """
    if not isinstance(gazetteer, Gazetteer):
        raise ValueError(f"find_mentions_ru needs a Gazetteer (presslens.actors.load_gazetteer()), got {type(gazetteer).__name__}")
    tokens = read_tokens(article.text)
    if not tokens:
        return []
    words = [token.text for token in tokens]
    names = russian_names(gazetteer)
    tagged = split_at_brackets(tagged_names(article.text, tokens), words)
    candidates = combine(tagged, known_names(words, names, gazetteer))
    candidates = extend_by_descriptors(candidates, words)
    candidates = [c for c in candidates if not all(is_function_word(word) for word in words[c.first:c.last])]
    candidates = [retyped for c in candidates if (retyped := _one_word_person(c, words)) is not None]
    candidates = list({(c.first, c.last): c for c in reversed(candidates)}.values())  # one per span, the first kept
    candidates.sort(key=lambda c: (c.first, -c.last))
    unknown = [c for c in candidates if c.actor is None]
    normals = [_joined(tokens[c.first:c.last], words) for c, words in
               zip(unknown, nominatives([([t.text for t in tokens[c.first:c.last]], c.type) for c in unknown]))]
    named = {}
    for candidate, normal in zip(unknown, normals):
        surface = article.text[tokens[candidate.first].start:tokens[candidate.last - 1].stop]
        actor = names.actor_of(normal, surface)
        named[candidate] = (replace(candidate, actor=actor, type=gazetteer.type_of(actor), method="gazetteer")
                            if actor else replace(candidate, actor=normal))
    resolved = [named.get(c, c) for c in candidates]
    resolved += role_mentions(tokens, resolved)
    resolved.sort(key=lambda c: (c.first, -c.last))
    starts = [start for _, start, _ in article.sentence_spans]
    mentions = [_mention(article, tokens, c, starts) for c in resolved]
    return actors_only(_resolve(mentions, known=gazetteer.entries.keys()))


def _joined(tokens: list, words: list[str]) -> str:
    """``words`` written with the spaces between ``tokens`` (*Тверская площадь*, *«Яблоко»*)."""
    gaps = [" " * (after.start - before.stop) for before, after in zip(tokens, tokens[1:])]
    return "".join(word + gap for word, gap in zip(words, [*gaps, ""]))


def read_tokens(text: str) -> list:
    """razdel's tokens of ``text`` (with offsets), as natasha segments it."""
    if not text.strip():
        return []
    doc = Doc(text)
    doc.segment(segmenter())
    return doc.tokens


def tagged_names(text: str, tokens: list) -> list[Candidate]:
    """slovnet's NER spans as candidates over ``tokens``."""
    index = {token.start: number for number, token in enumerate(tokens)}
    ends = {token.stop: number + 1 for number, token in enumerate(tokens)}
    found = []
    for span in ner_tagger()(text).spans:
        first, last = index.get(span.start), ends.get(span.stop)
        if first is not None and last is not None:
            found.append(Candidate(first, last, NER_TYPES[span.type], None, "ner"))
    return found


def known_names(words: list[str], names: RussianNames, gazetteer: Gazetteer) -> list[Candidate]:
    """Every longest gazetteer name of the text, left to right, and the places inside a body's name:
    Russian names on lemmas, names in Latin script (*Amnesty International*) as the English gazetteer
    writes them."""
    found, position = [], 0
    while position < len(words):
        match = names.match(words, position) or _latin_match(words, position, gazetteer)
        if match:
            end, actor = match
            found.append(Candidate(position, end, gazetteer.type_of(actor), actor, "gazetteer"))
            if found[-1].type == "organization":
                found += _places_inside(words, position + 1, end, names, gazetteer)
            position = end
        else:
            position += 1
    return found


def _places_inside(words: list[str], start: int, end: int, names: RussianNames, gazetteer: Gazetteer) -> list[Candidate]:
    """The known places named inside a known body's name: *России* of *МЧС России*."""
    places = []
    for position in range(start, end):
        match = names.match(words, position)
        if match and match[0] <= end and gazetteer.type_of(match[1]) == "location":
            places.append(Candidate(position, match[0], "location", match[1], "gazetteer"))
    return places


def _latin_match(words: list[str], position: int, gazetteer: Gazetteer) -> tuple[int, str] | None:
    """A person or body the English gazetteer knows, written in Latin script (places in Latin script
    are parts of names: *Bank of East Asia*)."""
    if not (words[position][:1].isascii() and words[position][:1].isupper()):
        return None
    match = gazetteer.longest_match(words, position)
    return match if match and gazetteer.type_of(match[1]) != "location" else None


def combine(tagged: list[Candidate], known: list[Candidate]) -> list[Candidate]:
    """The NER's names and the gazetteer's, one candidate per span.

    A known name the NER marked too keeps the gazetteer's actor and type; a known name that covers an
    NER span replaces it; a known place inside an organisation's or place's name is a mention of its
    own; a known name inside a person's name, or an organisation inside another, is not.
    """
    kept = []
    for span in tagged:
        covering = [k for k in known if k.overlaps(span) and not k.inside(span)]
        if not covering:
            kept.append(span)
    for name in known:
        around = [span for span in tagged if name.inside(span)]
        if around and any(span.type == "person" or name.type != "location" for span in around):
            continue
        kept.append(name)
    return kept


def _one_word_person(candidate: Candidate, words: list[str]) -> Candidate | None:
    """A one-word person the NER found, checked against the dictionary: a word that is no name but a
    verb or participle (*Подана* opening a sentence) is dropped, a place name (*Царицыно*) is a location."""
    if candidate.type != "person" or candidate.actor or candidate.last - candidate.first != 1:
        return candidate
    parses = analyzer().parse(words[candidate.first])
    if any(NAME_GRAMMEMES & parse.tag.grammemes for parse in parses):
        return candidate
    if parses[0].is_known and "Geox" in parses[0].tag.grammemes:
        return replace(candidate, type="location")
    return None if parses[0].is_known and parses[0].tag.POS not in ("NOUN", None) else candidate


def _mention(article: Article, tokens: list, candidate: Candidate, sentence_starts: list[int]) -> Mention:
    """The mention of a candidate, with its offsets, paragraph and sentence (an index in ``article.sentence_spans``)."""
    start, end = tokens[candidate.first].start, tokens[candidate.last - 1].stop
    number = max(0, bisect.bisect_right(sentence_starts, start) - 1)
    paragraph = article.sentence_spans[number][0] if article.sentence_spans else 0
    return Mention(article.doc_id, paragraph, number, start, end, article.text[start:end],
                   candidate.actor, candidate.type, candidate.method)


def _resolve(mentions: list[Mention], *, known) -> list[Mention]:
    """One type per discovered name (voted), and a family or first name alone joined to the full name."""
    types = vote_types((m.actor, m.type) for m in mentions if m.actor not in known)
    mentions = [replace(m, type=types[m.actor]) if m.actor in types else m for m in mentions]
    targets = {plain_word(part): full for part, full in
               short_name_targets(m.actor for m in mentions if m.type == "person" and m.actor not in known).items()}
    joined = []
    for mention in mentions:
        if mention.type == "person" and mention.actor not in known and " " not in mention.actor:
            forms = [plain_word(mention.actor), *sorted(lemmas(mention.surface))]
            target = next((targets[form] for form in forms if form in targets), None)
            if target and target != mention.actor:
                mention = replace(mention, actor=target, method="alias")
        joined.append(mention)
    return joined
