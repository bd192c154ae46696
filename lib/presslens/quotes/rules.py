"""Quotations by the rules of news style, for languages the trained tagger does not read (Chinese, Russian).

Direct speech is a quotation in the language's marks with a speech verb before it in its sentence
(*Путин заявил: «…»*, *他说：“…”*) or after it (*«…», — сказал он*, *“…”，王毅说。*). Reported speech is
a clause after a speech verb and a comma or colon (*заявил, что …*, *王毅表示，…*) or after an
*according to* phrase (*по словам министра, …*, *据新华社报道，…*). A quotation that fills its paragraph
is kept even when no verb names its speaker.
"""

from __future__ import annotations

import re

from presslens.quotes.lexicon import CueLexicon
from presslens.quotes.marks import quoted_ranges
from presslens.quotes.tagger import Quotation

SENTENCE_END = re.compile(r"[。！？!?]|\.(?=\s|$)")
CLAUSE_MARK = re.compile(r"[,，:：;；—–]\s*|\s[—–]\s*")
MIN_QUOTE_CHARS = 6  # Chinese: shorter quoted words are names and scare quotes (“一带一路”)
MIN_QUOTE_WORDS = 3  # other languages: likewise («Газпром», «Северный поток»)


def rule_quotations(text: str, paragraph_spans: list[tuple[int, int]], lexicon: CueLexicon) -> list[Quotation]:
    """Direct and reported quotations of ``text`` found by the cues of ``lexicon``, in text order."""
    verb = _verb_pattern(lexicon)
    quotations = []
    direct_ranges = [r for r in quoted_ranges(text, paragraph_spans) if _long_enough(text[r[0] + 1:r[1] - 1], lexicon)]
    for start, end in direct_ranges:
        quotation = _direct(text, start, end, verb, paragraph_spans)
        if quotation:
            quotations.append(quotation)
    for start, end in _sentences(text, paragraph_spans):
        if any(start <= q_start < end or q_start <= start < q_end for q_start, q_end in direct_ranges):
            continue
        quotation = _according_to(text, start, end, lexicon) or _reported(text, start, end, verb, lexicon)
        if quotation:
            quotations.append(quotation)
    return sorted(quotations, key=lambda q: q.start)


def _long_enough(quoted: str, lexicon: CueLexicon) -> bool:
    if lexicon.language == "zh":
        return len(re.sub(r"\W", "", quoted)) >= MIN_QUOTE_CHARS
    return len(re.findall(r"\w+", quoted)) >= MIN_QUOTE_WORDS


def _verb_pattern(lexicon: CueLexicon) -> re.Pattern:
    verbs = "|".join(sorted(map(re.escape, lexicon.verbs), key=len, reverse=True))
    if lexicon.language == "zh":
        return re.compile(f"(?:{verbs})(?:道|称)?")
    return re.compile(rf"\b(?:{verbs})\w*", re.IGNORECASE)


def _direct(text, start, end, verb, paragraph_spans) -> Quotation | None:
    paragraph_start, paragraph_end = next(((a, b) for a, b in paragraph_spans if a <= start < b), (start, end))
    after_end = _sentence_end(text, end, paragraph_end)
    after = verb.search(text, end, after_end)
    if after:  # «…», — сказал Лавров.  /  “…”，王毅说。
        source = _clean(text, *_source_around(text, end, after, after_end))
        return Quotation([(start, end)], cue=after.span(), source=source, kind="direct")
    before_start = _sentence_start(text, start, paragraph_start)
    before = [m for m in verb.finditer(text, before_start, start)]
    if before:  # Лавров заявил: «…»  /  王毅说：“…”
        cue = before[-1]
        return Quotation([(start, end)], cue=cue.span(), source=_clean(text, before_start, cue.start()), kind="direct")
    if start - paragraph_start <= 1 and paragraph_end - end <= 1:
        return Quotation([(start, end)], kind="direct")
    return None


def _source_around(text: str, quote_end: int, verb_match, limit: int) -> tuple[int, int]:
    """The source next to a verb that follows a quotation: between them, or else right after the verb."""
    between = text[quote_end:verb_match.start()]
    if re.search(r"\w", between):
        return quote_end, verb_match.start()
    return verb_match.end(), limit


def _according_to(text, start, end, lexicon) -> Quotation | None:
    sentence = text[start:end]
    for phrase in lexicon.according_to:
        found = sentence.find(phrase) if lexicon.language == "zh" else sentence.lower().find(phrase)
        if found < 0 or found > 40:
            continue
        source_start = start + found + len(phrase)
        comma = CLAUSE_MARK.search(text, source_start, end)
        if comma and comma.end() < end:
            cue = (start + found, source_start)
            return Quotation([(comma.end(), _trim_end(text, comma.end(), end))], cue=cue,
                             source=_clean(text, source_start, comma.start()))
    return None


def _reported(text, start, end, verb, lexicon) -> Quotation | None:
    for match in verb.finditer(text, start, end):
        mark = CLAUSE_MARK.match(text, match.end())
        if not mark:
            continue
        content_start = mark.end()
        that = next((w for w in lexicon.that if text.startswith(w, content_start)), None)
        if lexicon.language != "zh" and not that and not text[mark.start()].strip() in ":：":
            continue  # "заявил, что …" or "заявил: …"; a bare comma after a verb is a list
        content_end = _trim_end(text, content_start, end)
        source = _clean(text, _clause_start(text, start, match.start()), match.start())
        if _long_enough(text[content_start:content_end], lexicon) and source:
            return Quotation([(content_start, content_end)], cue=match.span(), source=source)
    return None


def _sentences(text, paragraph_spans):
    for paragraph_start, paragraph_end in paragraph_spans:
        start = paragraph_start
        for match in SENTENCE_END.finditer(text, paragraph_start, paragraph_end):
            yield start, match.end()
            start = match.end()
        if text[start:paragraph_end].strip():
            yield start, paragraph_end


def _sentence_end(text, position, limit):
    found = SENTENCE_END.search(text, position, limit)
    return found.end() if found else limit


def _sentence_start(text, position, limit):
    ends = [m.end() for m in SENTENCE_END.finditer(text, limit, position)]
    return ends[-1] if ends else limit


def _clause_start(text, start, position):
    marks = [m.end() for m in CLAUSE_MARK.finditer(text, start, position)]
    return marks[-1] if marks else start


def _trim_end(text, start, end):
    while end > start and (text[end - 1].isspace() or text[end - 1] in "。.！!？?"):
        end -= 1
    return end


def _clean(text, start, end) -> tuple[int, int] | None:
    """The span without surrounding spaces and punctuation; ``None`` when nothing is left."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (start, end) if end > start else None
