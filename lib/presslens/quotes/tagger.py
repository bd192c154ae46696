"""Tag paragraphs with the trained CRF and read the tags as quotations: content, cue and source spans.

The CRF (:mod:`~.train`) labels the words of the sentences that may attribute (a quotation mark or a
word that mostly attributes, :func:`~.sequences.candidate_stretches`); :func:`tagged_quotations` turns runs of labels into :class:`Quotation` objects.
A content interrupted only by its cue and source (``"We will," he said, "keep going."``) is one
quotation in several pieces; one quotation's sentences are one content, two quotations side by side
(``"…," "…"``) two; a quotation is given the cue nearest to it in its paragraph and the source nearest
to that cue; a paragraph that only continues a quotation (it opens with a quotation mark and names no
cue) takes the cue and source of the paragraph before.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from presslens.quotes.features import Paragraph, Token, read_paragraph, sequence_features
from presslens.quotes.marks import OPENING, quoted_ranges
from presslens.quotes.sequences import candidate_stretches

Span = tuple[int, int]
#: The tagger shipped with presslens, written by :mod:`presslens.quotes.train`, with its cue and trigger stems.
DATA_FILES = ("data/quote_tagger.crfsuite", "data/quote_tagger_cues.txt", "data/quote_tagger_triggers.txt")
MODEL_PATH = Path(__file__).resolve().parent.parent / DATA_FILES[0]
#: Quotations whose content words the tagger is less sure of than this (mean marginal) are dropped.
MIN_CONFIDENCE = 0.4
#: A clause before its source and cue has at least this many words (*Trade will double, Sun said.*) …
MIN_FRONTED_WORDS = 4
#: … and what the tagger took for content after the cue at most this many (*told [the Global Times on Thursday]*).
MAX_RECIPIENT_WORDS = 6
#: Words that open the time, place or occasion of a cue, never what was said.
CIRCUMSTANCE = frozenset({"on", "at", "while", "during"})
#: Two direct pieces of one paragraph with at most this many words between them, a cue among them, are one quotation.
MAX_SPLIT_GAP = 25
#: The labels whose marginals make a quotation's confidence (its content words, or its cue when the content was filled in).
_SURE_OF = ("CON", "CUE")


@dataclass
class Quotation:
    """What was said (``pieces`` of text), the cue that attributes it and the source it names, as offsets."""

    pieces: list[Span]
    cue: Span | None = None
    source: Span | None = None
    confidence: float = 1.0
    kind: str = "reported"

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def cue_words_path(model: Path) -> Path:
    """The file of cue stems that goes with a model file."""
    return model.with_name(model.stem + "_cues.txt")


def trigger_words_path(model: Path) -> Path:
    """The file of trigger stems (:func:`~.sequences.candidate_stretches`) that goes with a model file."""
    return model.with_name(model.stem + "_triggers.txt")


@dataclass(frozen=True)
class QuotationTagger:
    """The CRF written by :mod:`presslens.quotes.train`, its cue stems and the stems that make a sentence worth reading."""

    crf: pycrfsuite.Tagger
    cue_words: frozenset[str]
    triggers: frozenset[str]


@functools.cache
def load_tagger(path: str | Path = MODEL_PATH) -> QuotationTagger:
    """The tagger written by :mod:`presslens.quotes.train` (loaded once per process)."""
    path = Path(path)
    needed = (path, cue_words_path(path), trigger_words_path(path))
    if not all(file.is_file() for file in needed):
        raise ValueError(f"no quotation tagger at {path} (with {needed[1].name} and {needed[2].name}): train one with "
                         "`python -m presslens.quotes.train --polnear PATH/TO/polnear/train`")
    crf = pycrfsuite.Tagger()
    crf.open(str(path))
    return QuotationTagger(crf, *(frozenset(file.read_text(encoding="utf-8").split()) for file in needed[1:]))


def tagged_quotations(text: str, paragraph_spans: list[Span], *, model: str | Path = MODEL_PATH,
                      min_confidence: float = MIN_CONFIDENCE) -> list[Quotation]:
    """The quotations the CRF finds in ``text`` (English), in text order.

    Only the sentences that may attribute are read (:func:`~.sequences.candidate_stretches`); see
    :func:`is_kept` for the quotations kept.
    """
    tagger = load_tagger(model)
    quoted = quoted_ranges(text, paragraph_spans)
    quotations: list[Quotation] = []
    previous_attribution: tuple[Span | None, Span | None] = (None, None)
    for start, end in paragraph_spans:
        read = read_paragraph(text, start, end, quoted)
        stretches = candidate_stretches(read, tagger.triggers, tagger.cue_words)
        if not stretches:
            continue
        tokens = read.tokens
        paragraph = _tag_paragraph(tagger, read, stretches)
        runs = _runs(paragraph.labels)
        found = _paragraph_quotations(tokens, paragraph, runs)
        opens_quoted = tokens[0].text in OPENING
        cues = [span for kind, span in runs if kind == "CUE"]
        for quotation in found:
            if quotation.cue is None and opens_quoted and not cues:
                quotation.cue = previous_attribution[0]
                quotation.source = quotation.source or previous_attribution[1]
        kept = [q for q in found if is_kept(q, min_confidence)]
        quotations.extend(kept)
        attributed = [q for q in found if q.cue is not None]
        if attributed:
            previous_attribution = (attributed[-1].cue, attributed[-1].source)
        elif cues:  # "X said:" before a paragraph of quotation
            source = _nearest([span for kind, span in runs if kind == "SRC"], *cues[-1])
            previous_attribution = (_offsets(tokens, cues[-1]), _offsets(tokens, source) if source else None)
    return quotations


def is_kept(quotation: Quotation, min_confidence: float = MIN_CONFIDENCE) -> bool:
    """Whether a quotation the tagger found is kept: the tagger is sure enough of it, and a reported one has
    its cue (without one nothing in the text attributes the words; quotation marks do, for a direct one)."""
    return quotation.confidence >= min_confidence and (quotation.cue is not None or quotation.kind == "direct")


@dataclass
class _TaggedParagraph:
    """The labels of a paragraph's tokens (``O`` outside the stretches read), how sure the CRF is of each
    content and cue word, which quotation marks each lies inside (the index of its quoted range, -1: none),
    which labels were filled in rather than tagged, and which tokens open a sentence."""

    labels: list[str]
    marginals: list[float]
    quotation: list[int]
    filled: set[int]
    starts: list[bool]


def _tag_paragraph(tagger: QuotationTagger, paragraph: Paragraph, stretches: list[tuple[int, int]]) -> _TaggedParagraph:
    n = len(paragraph.tokens)
    tagged = _TaggedParagraph(["O"] * n, [0.0] * n, paragraph.quotation, set(), paragraph.starts)
    for first, last in stretches:
        labels = tagger.crf.tag(sequence_features(paragraph, first, last, tagger.cue_words))
        starts = paragraph.starts[first:last]
        filled = _fill_orphan_cues(paragraph.tokens[first:last], starts, labels)
        filled |= _front_contents(paragraph.tokens[first:last], starts, labels)
        tagged.labels[first:last] = labels
        tagged.filled.update(first + i for i in filled)
        for i, label in enumerate(labels):
            if label.endswith(_SURE_OF):
                tagged.marginals[first + i] = tagger.crf.marginal(label, i)
    return tagged


def _contents(tokens: list[Token], runs, paragraph: _TaggedParagraph) -> list[tuple[int, int]]:
    """The content runs, cut where one quotation ends and the next begins (*“…,” “…”*), and joined where
    the tagger broke one quotation between its sentences with nothing but unlabelled words between them;
    runs without a word (a stray quotation mark) are left out."""
    quotation, labels = paragraph.quotation, paragraph.labels
    cut = []
    for kind, (first, last) in runs:
        if kind != "CON":
            continue
        for i in range(first + 1, last):
            if quotation[i - 1] >= 0 and quotation[i] >= 0 and quotation[i - 1] != quotation[i]:
                cut.append((first, i))
                first = i
        cut.append((first, last))
    joined: list[tuple[int, int]] = []
    for first, last in cut:
        if joined and quotation[first] >= 0 and quotation[joined[-1][1] - 1] == quotation[first] and all(
                quotation[i] == quotation[first] and labels[i] == "O" for i in range(joined[-1][1], first)):
            joined[-1] = (joined[-1][0], last)
        else:
            joined.append((first, last))
    return [(first, last) for first, last in joined if any(tokens[i].text[0].isalnum() for i in range(first, last))]


def _runs(labels: list[str]) -> list[tuple[str, tuple[int, int]]]:
    """``(kind, (first, last + 1))`` token ranges of each labelled run."""
    runs = []
    for i, label in enumerate(labels):
        if label == "O":
            continue
        kind = label[2:]
        if label.startswith("I-") and runs and runs[-1][0] == kind and runs[-1][1][1] == i:
            runs[-1] = (kind, (runs[-1][1][0], i + 1))
        else:
            runs.append((kind, (i, i + 1)))
    return runs


def _fill_orphan_cues(tokens: list[Token], starts: list[bool], labels: list[str]) -> set[int]:
    """Give a cue the tagger found without content the clause it attributes; return the positions filled.

    News style puts that clause after the cue and its source (*X said the talks failed*, *According to X,
    the talks failed*) or, when nothing follows, before them (*The talks failed, according to X.*).
    """
    filled: set[int] = set()
    if not any(label.endswith("CUE") for label in labels):
        return filled
    for first, last in _sentence_ranges(starts):
        sentence = range(first, last)
        if any(labels[i].endswith("CON") for i in sentence) or not any(labels[i].endswith("CUE") for i in sentence):
            continue
        marked = [i for i in sentence if labels[i] != "O"]
        after = [i for i in range(marked[-1] + 1, last) if tokens[i].text not in ",.;:!?"]
        if len(after) < 3:
            before = [i for i in range(first, marked[0]) if tokens[i].text not in ",.;:!?"]
            after = before if len(before) >= 3 else []
        if after:
            span = range(after[0], after[-1] + 1)
            for n, i in enumerate(span):
                labels[i] = "B-CON" if n == 0 else "I-CON"
            filled.update(span)
    return filled


def _front_contents(tokens: list[Token], starts: list[bool], labels: list[str]) -> set[int]:
    """Take the clause before a source for the content when the tagger gave a cue only the words after it
    (*Trade will double, Sun Huijun told [the Global Times on Thursday].*); return the positions relabelled.
    """
    moved: set[int] = set()
    for first, last in _sentence_ranges(starts):
        marked = next((i for i in range(first, last) if labels[i] != "O"), None)
        if marked is None or not labels[marked].endswith("SRC") or tokens[marked - 1].text != "," \
                or sum(tokens[i].text[0].isalnum() for i in range(first, marked)) < MIN_FRONTED_WORDS:
            continue
        cues = [i for i in range(marked, last) if labels[i].endswith("CUE")]
        contents = [i for i in range(marked, last) if labels[i].endswith("CON")]
        if not cues or not contents or contents[0] < cues[-1] or len(contents) > MAX_RECIPIENT_WORDS:
            continue
        for i in contents:
            labels[i] = "O"
        clause = range(first + (tokens[first].text in OPENING), marked - 1)
        for n, i in enumerate(clause):
            labels[i] = "B-CON" if n == 0 else "I-CON"
        moved.update(clause)
    return moved


def _sentence_ranges(starts: list[bool]) -> list[tuple[int, int]]:
    firsts = [i for i, start in enumerate(starts) if start] or [0]
    return list(zip(firsts, [*firsts[1:], len(starts)]))


def _paragraph_quotations(tokens: list[Token], paragraph: _TaggedParagraph, runs) -> list[Quotation]:
    labels = paragraph.labels
    sources = [span for kind, span in runs if kind == "SRC"]
    contents = []
    for span in _contents(tokens, runs, paragraph):
        span, source = _trim_to_marks(tokens, paragraph, *span)
        contents.append(span)
        if source:
            sources.append(source)
    groups: list[list[tuple[int, int]]] = []
    for span in contents:
        between = range(groups[-1][-1][1], span[0]) if groups else range(0)
        if groups and _is_direct(paragraph, groups[-1][-1:]) and _is_direct(paragraph, [span]) \
                and len(between) <= MAX_SPLIT_GAP and any(labels[i].endswith("CUE") for i in between) \
                and not _has_own_cue(paragraph, *span):
            groups[-1].append(span)  # a quotation split around its cue: "We will," he said, "keep going."
        else:
            groups.append([span])
    cues = [span for kind, span in runs if kind == "CUE"]
    quotations = []
    for group in groups:
        if _is_circumstance(tokens, paragraph, group):
            continue
        positions = [i for first, last in group for i in range(first, last)]
        cue = _cue_of(cues, paragraph.starts, group[0][0], group[-1][1])
        speaker_label = _transcript_speaker(tokens, group[0][0])
        if paragraph.filled.issuperset(positions) and cue:  # as sure as the tagger is of the cue
            positions = range(*cue)
        confidence = sum(paragraph.marginals[i] for i in positions) / len(positions)
        source = _nearest(sources, *cue) if cue else None
        if len(group) == 1 and not _is_direct(paragraph, group):
            group[0] = (group[0][0], _end_of_that_clause(tokens, paragraph, *group[0]))
        quotations.append(Quotation(
            pieces=[_offsets(tokens, span) for span in group],
            cue=_offsets(tokens, cue) if cue else None,
            source=speaker_label or (_offsets(tokens, source) if source else None),
            confidence=confidence,
            kind="direct" if _is_direct(paragraph, group) else "reported",
        ))
    return quotations


def _trim_to_marks(tokens: list[Token], paragraph: _TaggedParagraph, first: int,
                   last: int) -> tuple[tuple[int, int], tuple[int, int] | None]:
    """A content that opens with a quotation mark, cut where the quotation closes; the few words the tagger
    ran on into, before a cue, are its source (*"…," [Rasha Mouzahem], wife of …, said*). A dateline before
    the mark is left out (*GENEVA "…"*). Returns the content and that source, if any."""
    quotation, labels = paragraph.quotation, paragraph.labels
    while first + 1 < last and tokens[first].text.isupper() and tokens[first].text.isalpha() and quotation[first] < 0 \
            and tokens[first + 1].text in OPENING:
        first += 1
    if quotation[first] < 0 or tokens[first].text not in OPENING:
        return (first, last), None
    closed = max(i for i in range(first, last) if quotation[i] == quotation[first]) + 1
    rest = [i for i in range(closed, last) if tokens[i].text[0].isalnum()]
    if not rest or len(rest) > MAX_RECIPIENT_WORDS or any(quotation[i] >= 0 for i in range(closed, last)):
        return (first, last), None
    end = last
    while end < len(tokens) and not paragraph.starts[end] and not labels[end].endswith("CUE"):
        end += 1
    if end == len(tokens) or not labels[end].endswith("CUE"):
        return (first, last), None
    return (first, closed), (rest[0], rest[-1] + 1)


def _has_own_cue(paragraph: _TaggedParagraph, first: int, last: int) -> bool:
    """Whether a cue follows the content ``[first, last)`` in its sentence (*"…," said Ruiz.*)."""
    end = last
    while end < len(paragraph.starts) and not paragraph.starts[end]:
        if paragraph.labels[end].endswith("CUE"):
            return True
        end += 1
    return False


def _cue_of(cues: list[tuple[int, int]], starts: list[bool], first: int, last: int) -> tuple[int, int] | None:
    """The cue of the content ``[first, last)``: the nearest in its own sentences; for a content whose sentences
    have none (a quotation standing alone after an attributed one), the last cue before it, as a reader takes it."""
    sentence_first = first
    while sentence_first > 0 and not starts[sentence_first]:
        sentence_first -= 1
    sentence_last = last
    while sentence_last < len(starts) and not starts[sentence_last]:
        sentence_last += 1
    own = [cue for cue in cues if sentence_first <= cue[0] and cue[1] <= sentence_last]
    before = [cue for cue in cues if cue[1] <= first]
    return _nearest(own or before or cues, first, last)


def _is_circumstance(tokens: list[Token], paragraph: _TaggedParagraph, group) -> bool:
    """Whether a reported content is only the time, place or occasion of its cue (*said [on Tuesday in
    Vladivostok]*, *said [while announcing the prize]*), not what was said."""
    first, last = group[0][0], group[-1][1]
    return (tokens[first].text.lower() in CIRCUMSTANCE and not _is_direct(paragraph, group)
            and not any(tokens[i].text.lower() == "that" for i in range(first, last)))


def _end_of_that_clause(tokens: list[Token], paragraph: _TaggedParagraph, first: int, last: int) -> int:
    """Where a reported *that*-clause ends: at the end of its sentence when the tagger stopped it early and
    left the rest of the sentence unlabelled (*said that due to its location, the zone …*)."""
    if tokens[first].text.lower() != "that":
        return last
    end = last
    while end < len(tokens) and not paragraph.starts[end]:
        end += 1
    while end > last and not tokens[end - 1].text[0].isalnum():
        end -= 1
    rest = range(last, end)
    if any(paragraph.labels[i] != "O" or paragraph.quotation[i] >= 0 for i in rest):
        return last
    return end


def _transcript_speaker(tokens: list[Token], first: int) -> Span | None:
    """The speaker a transcript names in capitals before a colon at the start of a quotation (*"PENCE: Well, …*)."""
    start = first + (tokens[first].text in OPENING)
    colon = next((i for i in range(start, min(start + 4, len(tokens))) if tokens[i].text == ":"), None)
    if colon is None or colon == start or not all(t.text.isupper() and t.text.isalpha() for t in tokens[start:colon]):
        return None
    return tokens[start].start, tokens[colon - 1].end


def _nearest(spans: list[tuple[int, int]], first: int, last: int) -> tuple[int, int] | None:
    """The span closest to the token range ``[first, last)`` (ties: the one after it, as in *…, he said*)."""
    def distance(span):
        gap = first - span[1] if span[1] <= first else span[0] - last if span[0] >= last else 0
        return (gap, span[0] < first)
    return min(spans, key=distance, default=None)


def _offsets(tokens: list[Token], span: tuple[int, int]) -> Span:
    return tokens[span[0]].start, tokens[span[1] - 1].end


def _is_direct(paragraph: _TaggedParagraph, group) -> bool:
    """Direct when most of the content's words stand inside quotation marks."""
    words = [i for first, last in group for i in range(first, last)]
    return sum(paragraph.quotation[i] >= 0 for i in words) * 2 > len(words)
