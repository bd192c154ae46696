"""The article inside a page saved as text: its headline, its date, and its body among the page's other blocks.

Once the site's chrome is gone, a saved page still holds what is unique to it: teasers of related
stories, captions, tags, comments. The article is the run of prose that follows the headline: prose
blocks close together, where a gap of link-like lines — and above all of time stamps, which open every
comment and every teaser — ends it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from presslens.corpus.chrome import is_prose
from presslens.corpus.metadata import is_time_stamp_line, time_stamp
from presslens.corpus.model import Removal

#: How much a gap of non-prose blocks may weigh before the article ends (a link-like line weighs 1,
#: a short sentence 0.5, a time stamp 4).
MAX_GAP = 8
STAMP_WEIGHT = 4
#: Characters at the start of a sentence where a time stamp opens a new item.
STAMP_OPENING = 60
#: The article has at least this many words of prose.
MIN_BODY_WORDS = 25
#: A file is a saved page when at least this many of its lines are chrome (see :mod:`.cleaning`)…
MIN_CHROME_LINES = 3
#: …or, without chrome to tell, when it has this many lines, this share of them not prose (menus and link lists), and at
#: least PAGE_MIN_MENU of them before the first line of prose (an article's lists come after its text).
PAGE_MIN_LINES = 30
PAGE_LINK_SHARE = 0.6
PAGE_MIN_MENU = 10

_WORD = re.compile(r"\w+")


@dataclass
class PageText:
    """The article found in a saved page."""

    title: str
    units: list[str]  # the page's units, the one that repeats the headline without it
    positions: list[int]  # of the units that make the article, in order
    date: str = ""
    source: str = ""
    removed: list[Removal] = field(default_factory=list)


def looks_like_page(blocks: list[str]) -> bool:
    """Whether blocks of text without chrome are a saved web page: mostly link-like lines, menus first."""
    if len(blocks) < PAGE_MIN_LINES:
        return False
    first_prose = next((position for position, block in enumerate(blocks) if is_prose(block)), len(blocks))
    links = sum(not is_prose(block) for block in blocks)
    return links >= PAGE_LINK_SHARE * len(blocks) and first_prose >= PAGE_MIN_MENU


def page_text(units: list[str], headline: str, *, sentences: bool = False) -> PageText | None:
    """The article among a page's units (its lines, or with ``sentences`` the sentences of a run-on page).

    ``headline`` is the page title without the site's name; where the page repeats it, the article
    starts there. None when no run of prose is long enough to be an article.
    """
    anchor = _headline_position(units, headline)
    runs = [run for run in _prose_runs(units, sentences=sentences) if _prose_words(units, run) >= MIN_BODY_WORDS]
    if not runs:
        return None
    after = [run for run in runs if anchor is not None and run[0] >= anchor]
    body = after[0] if after else max(runs, key=lambda run: _prose_words(units, run))
    while not _ends_sentence(units[body[-1]]) and not is_prose(units[body[-1]]):
        body = body[:-1]
    start = anchor + 1 if anchor is not None and anchor < body[0] else body[0]
    stamp = next((found for found in map(time_stamp, units[start: body[0] + 3]) if found), None) or \
        next((found for found in map(time_stamp, units[:body[0]]) if found), None)
    units, removed = list(units), []
    if anchor is not None and body[0] == anchor:
        units[anchor], opening = _without_opening(units[anchor], headline)
        removed += [Removal("headline, byline and time stamp", piece) for piece in opening]
        body = body if units[anchor] else body[1:]
    chosen = set(body)
    removed += [Removal("outside the article (links, captions, comments)", unit)
                for position, unit in enumerate(units) if position not in chosen and unit]
    return PageText(title=headline, units=units, positions=body, date=stamp.date if stamp else "",
                    source=stamp.source if stamp else "", removed=removed)


def _without_opening(unit: str, headline: str) -> tuple[str, list[str]]:
    """A unit that repeats the headline, without it and without a byline and time stamp that follow it."""
    words = list(_WORD.finditer(unit))
    count = len(_words(headline))
    if [w.group().casefold() for w in words[:count]] != _words(headline):
        return unit, []
    cut = words[count - 1].end() if count else 0
    removed = [unit[:cut]]
    stamp = time_stamp(unit[cut:cut + STAMP_OPENING])
    if stamp:
        removed.append(unit[cut:cut + stamp.end].strip())
        cut += stamp.end
    return unit[cut:].lstrip(" .,:;-–—|"), removed


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _headline_position(units: list[str], headline: str) -> int | None:
    """Where the page repeats its headline: a unit that starts with it, or that is most of it."""
    wanted = _words(headline)
    if len(wanted) < 2:
        return None
    for position, unit in enumerate(units):
        words = _words(unit)
        if words[:len(wanted)] == wanted or (len(words) >= 3 and wanted[:len(words)] == words
                                              and len(words) >= 0.6 * len(wanted)):
            return position
    return None


def _prose_runs(units: list[str], *, sentences: bool) -> list[list[int]]:
    """Runs of prose units; a gap heavier than MAX_GAP between two prose units ends a run, and so does
    a sentence that opens with a time stamp (in a run-on page, how each comment and teaser starts)."""
    runs, current, gap = [], [], 0.0
    for position, unit in enumerate(units):
        if sentences and time_stamp(unit[:STAMP_OPENING]):
            gap = MAX_GAP
        if is_prose(unit):
            if current and gap >= MAX_GAP:
                runs.append(current)
                current = []
            current.append(position)
            gap = 0.0
            continue
        gap += _gap_weight(unit)
        if current and gap < MAX_GAP:
            current.append(position)
    if current:
        runs.append(current)
    return runs


def _gap_weight(unit: str) -> float:
    if is_time_stamp_line(unit):
        return STAMP_WEIGHT
    if _ends_sentence(unit) and len(_WORD.findall(unit)) >= 2:
        return 0.5
    return 1.0


def _ends_sentence(text: str) -> bool:
    return text.rstrip("\"”’')]").endswith((".", "!", "?", "…"))


def _prose_words(units: list[str], run: list[int]) -> int:
    return sum(len(_WORD.findall(units[position])) for position in run if is_prose(units[position]))
