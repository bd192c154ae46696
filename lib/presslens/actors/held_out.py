"""The split of development material into a part rules are written from and a part only measured on.

Documents are taken in name order and every second one, from the second on, is held out: the split
does not depend on what the documents say, and a document stays on its side as others are added.
"""

from __future__ import annotations

from collections.abc import Iterable


def split_documents(names: Iterable[str]) -> tuple[list[str], list[str]]:
    """(written from, held out): the names in order, alternately on each side, the first written from.

    Raises
    ------
    ValueError
        When a name occurs twice (a document must be on one side only).
    """
    ordered = sorted(names)
    if len(set(ordered)) != len(ordered):
        raise ValueError("document names must be unique to be split; rename the duplicates")
    return ordered[0::2], ordered[1::2]
