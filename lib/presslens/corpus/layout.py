"""How an article's text is laid out: blocks of a file, paragraphs joined by blank lines, sentences with offsets."""

from __future__ import annotations

import re

from presslens.corpus.decode import normalize_text
from presslens.languages import Language, language_tools

WHITESPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


def text_blocks(raw: str) -> list[str]:
    """The blocks (paragraphs or lines) of raw text, normalised."""
    return split_paragraphs(normalize_text(raw))


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of ``text``: each non-empty line, except that hard-wrapped blocks are joined."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", text):
        lines = [WHITESPACE.sub(" ", line).strip() for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            continue
        if _is_hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _is_hard_wrapped(lines: list[str]) -> bool:
    """A block wrapped at a fixed width: several lines, all but the last of similar, modest length."""
    if len(lines) < 3:
        return False
    widths = [len(line) for line in lines[:-1]]
    return max(widths) <= 100 and min(widths) >= 0.6 * max(widths) and not all(
        line.endswith((".", "!", "?", ":", "”", '"')) for line in lines[:-1]
    )


def join_paragraphs(paragraphs: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The text of paragraphs joined by blank lines, and each paragraph's span in it."""
    spans, position = [], 0
    for paragraph in paragraphs:
        spans.append((position, position + len(paragraph)))
        position += len(paragraph) + 2
    return "\n\n".join(paragraphs), spans


def split_sentences(text: str, paragraph_spans: list[tuple[int, int]], language: Language | None = None) -> list[tuple[int, int, int]]:
    """Sentence spans ``(paragraph, start, end)`` with offsets into ``text``, as the language splits them
    (default: English)."""
    language = language or language_tools("en")
    return [(number, first, last) for number, (start, end) in enumerate(paragraph_spans)
            for first, last in language.sentence_spans(text, start, end)]
