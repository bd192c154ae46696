"""A text as the tagger reads it: paragraphs of tokens with their features, and (for training) their labels.

Labels are BIO tags of three kinds of span — ``SRC`` (who speaks), ``CUE`` (the verb or phrase that
attributes: *said*, *according to*) and ``CON`` (what is attributed). Where spans overlap (an
attribution reported inside another's content) the cue and source win over the content around them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from presslens.quotes.features import Token, paragraph_tokens, sequence_features, stem
from presslens.quotes.marks import quoted_ranges
from presslens.quotes.polnear import AnnotatedText, Span

PARAGRAPH = re.compile(r"[^\n]+")
KINDS = ("CON", "CUE", "SRC")  # in the order they are written: later ones overwrite


def text_paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-empty line of a plain text (PolNeAR writes one paragraph a line)."""
    return [(m.start(), m.end()) for m in PARAGRAPH.finditer(text) if m.group().strip()]


def paragraph_sequences(text: str, paragraph_spans: list[tuple[int, int]],
                        cue_words: frozenset[str]) -> list[tuple[list[Token], list[list[str]]]]:
    """Tokens and features of every paragraph, quotation marks followed across paragraphs."""
    quoted = quoted_ranges(text, paragraph_spans)
    sequences = []
    for start, end in paragraph_spans:
        tokens = paragraph_tokens(text, start, end)
        if tokens:
            sequences.append((tokens, sequence_features(tokens, quoted, cue_words)))
    return sequences


def labelled_sequences(texts: Iterable[AnnotatedText], cue_words: frozenset[str]) -> Iterable[tuple[list[list[str]], list[str]]]:
    """``(features, labels)`` of every paragraph of the annotated texts."""
    for annotated in texts:
        spans = {kind: [] for kind in KINDS}
        for attribution in annotated.attributions:
            spans["CON"].append(attribution.content)
            spans["CUE"].append(attribution.cue)
            spans["SRC"].append(attribution.source)
        for tokens, features in paragraph_sequences(annotated.text, text_paragraphs(annotated.text), cue_words):
            yield features, bio_labels(tokens, spans)


def bio_labels(tokens: list[Token], spans: dict[str, list[list[Span]]]) -> list[str]:
    """BIO labels of ``tokens``: each piece of a span is a run ``B-KIND I-KIND …``."""
    labels = ["O"] * len(tokens)
    starts = [token.start for token in tokens]
    for kind in KINDS:
        for pieces in spans[kind]:
            for piece_start, piece_end in pieces:
                inside = [i for i, start in enumerate(starts) if piece_start <= start < piece_end]
                for n, i in enumerate(inside):
                    labels[i] = ("B-" if n == 0 else "I-") + kind
    return labels


def learn_cue_words(texts: Iterable[AnnotatedText], *, min_count: int = 5, min_share: float = 0.15) -> frozenset[str]:
    """Stems written as (part of) a cue at least ``min_count`` times and in at least ``min_share`` of their uses."""
    as_cue, overall = Counter(), Counter()
    for annotated in texts:
        cue_starts = {start for attribution in annotated.attributions for piece in attribution.cue
                      for start in _word_starts(annotated.text, piece)}
        for token in paragraph_tokens(annotated.text, 0, len(annotated.text)):
            if token.text[0].isalpha():
                word = stem(token.text.lower())
                overall[word] += 1
                as_cue[word] += token.start in cue_starts
    return frozenset(word for word, count in as_cue.items() if count >= min_count and count / overall[word] >= min_share)


def _word_starts(text: str, piece: Span) -> list[int]:
    return [token.start for token in paragraph_tokens(text, *piece)]
