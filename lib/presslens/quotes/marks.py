"""Quotation marks: which characters open and close a quotation, and which words of a text lie inside one.

News in English writes “…” or "…", Russian «…» and „…“, Chinese “…” and 「…」 (『…』 inside). A quotation
that runs over several paragraphs leaves each paragraph but the last open and opens the next one again;
:func:`quoted_ranges` follows it across them.
"""

from __future__ import annotations

import re

#: Opening mark -> the marks that close it.
PAIRS: dict[str, str] = {"“": "”", '"': '"', "«": "»", "„": "“”", "「": "」", "『": "』", "‹": "›"}
OPENING = frozenset(PAIRS)
CLOSING = frozenset("".join(PAIRS.values()))
MARKS = OPENING | CLOSING
_MARK = re.compile("[" + re.escape("".join(sorted(MARKS))) + "]")


def quoted_ranges(text: str, paragraph_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``(start, end)`` of each quotation in ``text``, marks included; one range per paragraph it covers.

    A mark left open at the end of a paragraph carries on into the next paragraph when that one opens
    with a mark too (the news convention for a quotation of several paragraphs); otherwise it is closed
    where the paragraph ends.
    """
    ranges = []
    carried = ""  # the closing marks of a quotation carried over from the paragraph before
    for index, (start, end) in enumerate(paragraph_spans):
        open_at, closers = (start, carried) if carried else (None, "")
        first = start + 1 if carried else start  # a carried quotation's own opening mark is skipped
        carried = ""
        for mark in _MARK.finditer(text, first, end):
            char, position = mark.group(), mark.start()
            if open_at is not None and char in closers and not _inside_word(text, position):
                ranges.append((open_at, position + 1))
                open_at, closers = None, ""
            elif open_at is None and char in OPENING and not _inside_word(text, position):
                open_at, closers = position, PAIRS[char]
        if open_at is not None:
            ranges.append((open_at, end))
            following = paragraph_spans[index + 1][0] if index + 1 < len(paragraph_spans) else None
            if following is not None and text[following:following + 1] in OPENING:
                carried = PAIRS[text[following]]
    return ranges


def _inside_word(text: str, position: int) -> bool:
    """A straight double mark between two letters or digits is an inch sign or a typo, not a quotation mark."""
    return text[position] == '"' and 0 < position < len(text) - 1 and text[position - 1].isalnum() and text[position + 1].isalnum()
