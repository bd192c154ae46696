"""Tag paragraphs with the trained CRF and read the tags as quotations: content, cue and source spans.

The CRF (:mod:`~.train`) labels words; :func:`tagged_quotations` turns runs of labels into
:class:`Quotation` objects. A content interrupted only by its cue and source (``"We will," he said,
"keep going."``) is one quotation in several pieces; a quotation is given the cue nearest to it in its
paragraph and the source nearest to that cue; a paragraph that only continues a quotation (it opens
with a quotation mark and names no cue) takes the cue and source of the paragraph before.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from presslens.quotes.features import Token
from presslens.quotes.marks import OPENING
from presslens.quotes.sequences import paragraph_sequences

Span = tuple[int, int]
#: The tagger shipped with presslens, written by :mod:`presslens.quotes.train`.
MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "quote_tagger.crfsuite"
#: Quotations whose content words the tagger is less sure of than this (mean marginal) are dropped.
MIN_CONFIDENCE = 0.6
#: Two direct pieces of one paragraph with at most this many words between them, a cue among them, are one quotation.
MAX_SPLIT_GAP = 15


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


@functools.cache
def load_tagger(path: str | Path = MODEL_PATH) -> tuple[pycrfsuite.Tagger, frozenset[str]]:
    """The CRF written by :mod:`presslens.quotes.train` and its cue stems (loaded once per process)."""
    path = Path(path)
    if not path.is_file() or not cue_words_path(path).is_file():
        raise ValueError(f"no quotation tagger at {path} (with {cue_words_path(path).name}): train one with "
                         "`python -m presslens.quotes.train --polnear PATH/TO/polnear/train`")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger, frozenset(cue_words_path(path).read_text(encoding="utf-8").split())


def tagged_quotations(text: str, paragraph_spans: list[Span], *, model: str | Path = MODEL_PATH,
                      min_confidence: float = MIN_CONFIDENCE) -> list[Quotation]:
    """The quotations the CRF finds in ``text`` (English), in text order."""
    tagger, cue_words = load_tagger(model)
    quotations: list[Quotation] = []
    previous_attribution: tuple[Span | None, Span | None] = (None, None)
    for tokens, features in paragraph_sequences(text, paragraph_spans, cue_words):
        labels = tagger.tag(features)
        filled = _fill_orphan_cues(tokens, features, labels)
        runs = _runs(labels)
        found = _paragraph_quotations(tokens, features, labels, runs, tagger, filled)
        opens_quoted = tokens[0].text in OPENING
        cues = [span for kind, span in runs if kind == "CUE"]
        for quotation in found:
            if quotation.cue is None and opens_quoted and not cues:
                quotation.cue = previous_attribution[0]
                quotation.source = quotation.source or previous_attribution[1]
        kept = [q for q in found if q.confidence >= min_confidence]
        quotations.extend(kept)
        attributed = [q for q in found if q.cue is not None]
        if attributed:
            previous_attribution = (attributed[-1].cue, attributed[-1].source)
        elif cues:  # "X said:" before a paragraph of quotation
            source = _nearest([span for kind, span in runs if kind == "SRC"], *cues[-1])
            previous_attribution = (_offsets(tokens, cues[-1]), _offsets(tokens, source) if source else None)
    return quotations


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


def _fill_orphan_cues(tokens: list[Token], features: list[list[str]], labels: list[str]) -> set[int]:
    """Give a cue the tagger found without content the clause it attributes; return the positions filled.

    News style puts that clause after the cue and its source (*X said the talks failed*, *According to X,
    the talks failed*) or, when nothing follows, before them (*The talks failed, according to X.*).
    """
    filled: set[int] = set()
    for first, last in _sentence_ranges(features):
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


def _sentence_ranges(features: list[list[str]]) -> list[tuple[int, int]]:
    starts = [i for i, item in enumerate(features) if "bos" in item] or [0]
    return list(zip(starts, [*starts[1:], len(features)]))


def _paragraph_quotations(tokens: list[Token], features: list[list[str]], labels: list[str], runs, tagger,
                          filled: set[int]) -> list[Quotation]:
    contents = [span for kind, span in runs if kind == "CON"]
    groups: list[list[tuple[int, int]]] = []
    for span in contents:
        between = range(groups[-1][-1][1], span[0]) if groups else range(0)
        if groups and _is_direct(features, groups[-1][-1:]) and _is_direct(features, [span]) \
                and len(between) <= MAX_SPLIT_GAP and any(labels[i].endswith("CUE") for i in between):
            groups[-1].append(span)  # a quotation split around its cue: "We will," he said, "keep going."
        else:
            groups.append([span])
    cues = [span for kind, span in runs if kind == "CUE"]
    sources = [span for kind, span in runs if kind == "SRC"]
    quotations = []
    for group in groups:
        positions = [i for first, last in group for i in range(first, last)]
        cue = _nearest(cues, group[0][0], group[-1][1])
        speaker_label = _transcript_speaker(tokens, group[0][0])
        if filled.issuperset(positions) and cue:  # as sure as the tagger is of the cue
            positions = range(*cue)
        confidence = sum(tagger.marginal(labels[i], i) for i in positions) / len(positions)
        source = _nearest(sources, *cue) if cue else None
        quotations.append(Quotation(
            pieces=[_offsets(tokens, span) for span in group],
            cue=_offsets(tokens, cue) if cue else None,
            source=speaker_label or (_offsets(tokens, source) if source else None),
            confidence=confidence,
            kind="direct" if _is_direct(features, group) else "reported",
        ))
    return quotations


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


def _is_direct(features: list[list[str]], group) -> bool:
    """Direct when most of the content's words stand inside quotation marks."""
    words = [i for first, last in group for i in range(first, last)]
    return sum("q=1" in features[i] for i in words) * 2 > len(words)
