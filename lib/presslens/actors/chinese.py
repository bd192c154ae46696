"""Actors in Chinese text: people, organisations and places found in segmented Chinese news.

Four readers of a sentence are combined, each where it is strong:

- **jiagu**'s word-level named-entity tagger (an averaged perceptron whose model installs with the
  package; trained on People's Daily 1998 and MSRA news): the bulk of names;
- **jieba**'s segmenter and part-of-speech tags: it keeps new personal names whole (*叶伟飞*, where
  jiagu reads *叶伟*) and marks a person named after a body (*…学院张云虎*);
- the **gazetteer**'s Chinese names (``data/names_zh.yaml``, CLDR country names): known actors with
  their canonical English names, preferred over a tagger's boundaries;
- rules of news style (:mod:`presslens.actors.chinese_rules`): a name after a title (*董事长缪建民*),
  transliterated names joined by a middle dot (*埃莫马利·拉赫蒙*), a place followed by the head of
  a body (*扬州* + *市委* → *扬州市委*).

A small character-level CRF (:mod:`presslens.actors.chinese_crf`) then reads what these found, with
the characters and jieba's tags around them, and settles boundaries and types.

Traditional characters are read as simplified (OpenCC, through :mod:`presslens.languages.zh`, whose
jieba dictionary is shared too); offsets keep to the original text and surfaces are reported as written.
"""

from __future__ import annotations

import functools
from dataclasses import replace

import presslens.actors.chinese_crf as chinese_crf
import presslens.actors.chinese_rules as rules
from presslens.actors.chinese_spans import Span, Word, segment_jieba
from presslens.actors.gazetteer import Gazetteer
from presslens.actors.resolution import Mention, actors_only, short_name_targets, vote_types
from presslens.corpus import Article
from presslens.languages.zh import simplified_in_place as to_simplified

#: jiagu's entity labels -> presslens actor types.
_JIAGU_TYPES = {"PER": "person", "ORG": "organization", "LOC": "location"}
#: jieba's part-of-speech tags of personal names.
_JIEBA_PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})


def find_mentions_zh(article: Article, *, gazetteer: Gazetteer) -> list[Mention]:
    """Every actor mention of a Chinese article, with short names joined to full ones.

    ``actor`` is the gazetteer's canonical (English) name, with the gazetteer's type, when the name
    is known; otherwise the name in simplified characters.
    """
    text = to_simplified(article.text)
    names = gazetteer.names_in("zh")
    name_types = {name: gazetteer.type_of(actor) for name, actor in names.items()}
    mentions = []
    for number, (paragraph, start, end) in enumerate(article.sentence_spans):
        for span in find_spans_zh(text[start:end], name_types=name_types):
            first, last = start + span.start, start + span.end
            surface = text[first:last]
            actor = names.get(surface) or (rules.SHORT_NAME_ACTORS.get(surface) if span.type == "location" else None)
            mentions.append(Mention(article.doc_id, paragraph, number, first, last, article.text[first:last],
                                    actor or surface, name_types.get(surface, span.type) if actor else span.type,
                                    span.method))
    return actors_only(_resolve(mentions, gazetteer))


def find_spans_zh(sentence: str, *, name_types: dict[str, str]) -> list[Span]:
    """The names of one sentence of simplified Chinese, left to right, none overlapping
    (``name_types``: the gazetteer's Chinese names -> actor type)."""
    if not sentence.strip():
        return []
    words = segment_jieba(sentence)
    return chinese_crf.refine(sentence, combined_spans(sentence, words, name_types=name_types), words)


def combined_spans(sentence: str, words: list[Word], *, name_types: dict[str, str]) -> list[Span]:
    """The names that the tagger, jieba, the gazetteer and the rules find together, before the model
    settles them (``words``: jieba's words of the sentence)."""
    tagged = _jiagu_spans(sentence)
    tagged = _widen_persons(tagged, words)
    tagged = _split_trailing_persons(sentence, tagged, words)
    found = _overlay(tagged, rules.rule_spans(sentence, words, tagged), containers=("organization",))
    found = _overlay(found, rules.gazetteer_spans(sentence, name_types, words), containers=("organization", "location"))
    return rules.extend_bodies(sentence, words, found)


def _overlay(base: list[Span], preferred: list[Span], *, containers: tuple[str, ...]) -> list[Span]:
    """``preferred`` spans with those of ``base`` they do not overlap, except where a base span of one
    of the ``containers`` types strictly contains the preferred ones (*中国检察日报社* over *中国*,
    *墨西哥城* over *墨西哥*, *乔治·梅森大学* over *乔治·梅森*)."""
    kept = []
    for span in base:
        inside = [p for p in preferred if p.start < span.end and span.start < p.end]
        if not inside or (span.type in containers and all(
                span.start <= p.start and p.end <= span.end and (p.end - p.start) < (span.end - span.start)
                and (span.type == "organization" or p.type == "location") for p in inside)):
            kept.append(span)
    added = [p for p in preferred if not any(k.start < p.end and p.start < k.end for k in kept)]
    return sorted(kept + added, key=lambda s: s.start)


def _widen_persons(spans: list[Span], words: list[Word]) -> list[Span]:
    """A person span that ends or starts inside a jieba personal name takes the whole name
    (jiagu's *叶伟* inside jieba's *叶伟飞*)."""
    widened = []
    for span in spans:
        if span.type == "person":
            for word in words:
                if (word.tag in _JIEBA_PERSON_TAGS and word.start < span.end and span.start < word.end
                        and not _honorific(word.text[:max(0, span.start - word.start)], word.text[span.end - word.start:])):
                    span = replace(span, start=min(span.start, word.start), end=max(span.end, word.end))
        widened.append(span)
    return _drop_overlaps(widened)


def _honorific(before: str, after: str) -> bool:
    """Whether what jieba adds to a name is a form of address (*老*李, 郑*先生*), not part of it."""
    return (before in rules.NAME_PREFIXES or after in rules.NAME_SUFFIXES
            or any(char in rules.FUNCTION_CHARS for char in before + after))


def _split_trailing_persons(sentence: str, spans: list[Span], words: list[Word]) -> list[Span]:
    """A body's span that ends in a jieba personal name, right after the head of the body, is cut
    before the name, and the name becomes a person (*上海大学材料学院张云虎* → the body and *张云虎*)."""
    result = []
    for span in spans:
        if span.type == "organization":
            person = next((w for w in words if w.tag in _JIEBA_PERSON_TAGS and span.start < w.start < span.end <= w.end
                           and 2 <= len(w.text) <= 4 and sentence[w.start - 1] in rules.BODY_HEAD_ENDS), None)
            if person is not None:
                result.append(replace(span, end=person.start))
                result.append(Span(person.start, person.end, "person", "tagger"))
                continue
        result.append(span)
    return _drop_overlaps(result)


def _drop_overlaps(spans: list[Span]) -> list[Span]:
    """Spans left to right; of two that overlap, the longer (then the first) stays."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if span.end > span.start and not any(k.start < span.end and span.start < k.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


def _jiagu_spans(sentence: str) -> list[Span]:
    """Entity spans of jiagu's tagger over jiagu's own segmentation of ``sentence``."""
    analyzer = _jiagu()
    words = analyzer.seg(sentence)
    labels = analyzer.ner(words)
    spans, position, current = [], 0, None
    for word, label in zip(words, labels):
        start, position = position, position + len(word)
        kind = _JIAGU_TYPES.get(label[2:]) if label[:2] in ("B-", "I-") else None
        if kind and label[0] == "I" and current and current.type == kind:
            current = replace(current, end=position)
            continue
        if current:
            spans.append(current)
        current = Span(start, position, kind, "tagger") if kind else None
    if current:
        spans.append(current)
    spans = [_government_place(_trimmed(span, sentence), sentence) for span in spans]
    spans = [part for span in spans for part in rules.split_places(span, sentence)]
    return [span for span in spans if span.end > span.start and not _side(sentence[span.start:span.end])]


def _government_place(span: Span, sentence: str) -> Span:
    """A government is named by its place: *扬州市人民政府* → the place *扬州市* (as *中国政府* → *中国*)."""
    surface = sentence[span.start:span.end]
    for suffix in ("人民政府", "政府"):
        if span.type == "organization" and surface.endswith(suffix) and len(surface) > len(suffix) + 1:
            return Span(span.start, span.end - len(suffix), "location", span.method)
    return span


def _trimmed(span: Span, sentence: str) -> Span:
    """``span`` without punctuation or spaces at its edges (jiagu may join a comma to a name)."""
    start, end = span.start, span.end
    while start < end and not sentence[start].isalnum():
        start += 1
    while end > start and not sentence[end - 1].isalnum():
        end -= 1
    return replace(span, start=start, end=end)


def _side(surface: str) -> bool:
    """Whether a name is a party rather than a place (*中方*, *俄方*: the Chinese, Russian side; *中外*:
    Chinese and foreign)."""
    return (len(surface) == 2 and surface.endswith("方")) or surface in ("中外", "国内外", "海内外")


def _resolve(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """One type per discovered name (the type most of its mentions have), and a short transliterated
    name (*拉赫蒙*) joined to the one full name of the article it ends or starts (*埃莫马利·拉赫蒙*)."""
    known = gazetteer.entries.keys()
    types = vote_types((m.actor, m.type) for m in mentions if m.actor not in known)
    mentions = [replace(m, type=types[m.actor]) if m.actor in types else m for m in mentions]
    spaced = {rules.spaced_name(m.actor): m.actor for m in mentions if m.type == "person" and m.actor not in known}
    targets = short_name_targets(spaced)
    joined = []
    for mention in mentions:
        target = targets.get(mention.actor) if mention.actor not in known else None
        joined.append(replace(mention, actor=spaced[target], type="person", method="alias") if target else mention)
    return joined


@functools.cache
def _jiagu():
    from jiagu import analyze

    analyzer = analyze.Analyze()
    analyzer.init_cws()
    analyzer.init_ner()
    return analyzer
