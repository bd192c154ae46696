"""A text as the tagger reads it: paragraphs of tokens with their features, and (for training) their labels.

Labels are BIO tags of three kinds of span — ``SRC`` (who speaks), ``CUE`` (the verb or phrase that
attributes: *said*, *according to*) and ``CON`` (what is attributed). Where spans overlap (an
attribution reported inside another's content) the cue and source win over the content around them.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable

from presslens.quotes.features import Paragraph, Token, paragraph_tokens, read_paragraph, sequence_features, stem
from presslens.quotes.marks import MARKS, quoted_ranges
from presslens.quotes.polnear import AnnotatedText, Span

PARAGRAPH = re.compile(r"[^\n]+")
KINDS = ("CON", "CUE", "SRC")  # in the order they are written: later ones overwrite


def text_paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-empty line of a plain text (PolNeAR writes one paragraph a line)."""
    return [(m.start(), m.end()) for m in PARAGRAPH.finditer(text) if m.group().strip()]


def paragraph_sequences(text: str, paragraph_spans: list[tuple[int, int]], cue_words: frozenset[str],
                        triggers: frozenset[str]) -> list[tuple[list[Token], list[tuple[str, ...]]]]:
    """Tokens and features of every stretch of every paragraph worth tagging (:func:`candidate_stretches`),
    quotation marks followed across paragraphs."""
    quoted = quoted_ranges(text, paragraph_spans)
    sequences = []
    for start, end in paragraph_spans:
        paragraph = read_paragraph(text, start, end, quoted)
        for first, last in candidate_stretches(paragraph, triggers, cue_words):
            sequences.append((paragraph.tokens[first:last], sequence_features(paragraph, first, last, cue_words)))
    return sequences


def candidate_stretches(paragraph: Paragraph, triggers: frozenset[str], cue_words: frozenset[str]) -> list[tuple[int, int]]:
    """``(first, last + 1)`` token ranges of the runs of sentences worth tagging in a paragraph.

    A sentence is worth it when it holds a quotation mark, starts inside a quotation, holds a word whose
    stem is one of ``triggers`` (stems that mostly attribute: *said*, *according*), or a cue word followed
    by *that* (*noted that*, *believes that*); news text between such sentences attributes nothing and is
    left unread.
    """
    tokens = paragraph.tokens
    bounds = [i for i, start in enumerate(paragraph.starts) if start] + [len(tokens)]
    stretches: list[tuple[int, int]] = []
    for first, last in zip(bounds, bounds[1:]):
        if not (paragraph.quotation[first] >= 0 or any(_may_attribute(token.text, triggers) for token in tokens[first:last])
                or _introduces_clause(tokens[first:last], cue_words)):
            continue
        if stretches and stretches[-1][1] == first:
            stretches[-1] = (stretches[-1][0], last)
        else:
            stretches.append((first, last))
    return stretches


@functools.lru_cache(maxsize=200_000)
def _may_attribute(word: str, triggers: frozenset[str]) -> bool:
    return word in MARKS or stem(word.lower()) in triggers


def _introduces_clause(sentence: list[Token], cue_words: frozenset[str]) -> bool:
    return any(token.text.lower() == "that" and stem(previous.text.lower()) in cue_words
               for previous, token in zip(sentence, sentence[1:]))


def labelled_sequences(texts: Iterable[AnnotatedText], cue_words: frozenset[str],
                       triggers: frozenset[str]) -> Iterable[tuple[list[tuple[str, ...]], list[str]]]:
    """``(features, labels)`` of every stretch worth tagging of the annotated texts (as :func:`paragraph_sequences`)."""
    for annotated in texts:
        spans = {kind: [] for kind in KINDS}
        for attribution in annotated.attributions:
            spans["CON"].append(attribution.content)
            spans["CUE"].append(attribution.cue)
            spans["SRC"].append(attribution.source)
        for tokens, features in paragraph_sequences(annotated.text, text_paragraphs(annotated.text), cue_words, triggers):
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
