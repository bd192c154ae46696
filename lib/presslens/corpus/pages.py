"""The article inside a page saved as text: its headline, its date, and its body among the page's other blocks.

Once the site's chrome is gone, a saved page still holds what is unique to it: teasers of related
stories, captions, tags, comments. The article is the run of prose that follows the headline: prose
blocks close together, where a gap of link-like lines — and above all of time stamps, which open every
comment and every teaser — ends it. A photo page's run may be a single short caption. A long article may
hold boxes of its own (a chart, photos, a fact box, a timeline) heavy enough to end a run: paragraphs in a
row after them continue the article, however heavy the box when there are many. Teasers alternate with
their headlines; buttons repeat under every photo. Lines without letters (``1/12``, figures of a chart) and
time stamps are never the article's text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from presslens.corpus.chrome import CJK, count_line_words, line_key, ends_sentence, is_prose, prose_words
from presslens.corpus.metadata import (STAMP_LINE_CHARS, TIME_OF_DAY, header_metadata, is_agency_name, is_time_stamp_line,
                                      source_label_alone, time_stamp)
from presslens.corpus.model import Removal

#: How much a gap of non-prose blocks may weigh before the article ends (a link-like line weighs 1,
#: a short sentence 0.5, a time stamp 4).
MAX_GAP = 8
STAMP_WEIGHT = 4
#: Teasers of other stories (a headline, a summary) at the end of the article: at least this many in a row.
TEASERS = 2
#: Lines that are not sentences, one after another inside the article, are a list of links (or a box of figures).
LINK_LIST_LINES = 3
#: What a line of site chrome weighs in a gap (removed before the article is looked for, it was a link-like line).
CHROME_WEIGHT = 1
#: Lines on either side of the time stamp where a source may stand on a line of its own (``Source: Xinhua``).
STAMP_NEIGHBOURS = 2
#: Characters at the start of a sentence where a time stamp opens a new item: its date within the first
#: STAMP_LEAD characters, or with a time of day.
STAMP_OPENING = 60
STAMP_LEAD = 2
#: A headline or a byline has fewer words than this (a line of this many is running text, see :func:`.is_prose`).
HEADLINE_WORDS = 20
#: The headline printed above the article stands among the HEADLINE_REACH lines before it; at least this
#: share of its words, and this many, are words of the page title.
HEADLINE_REACH = 12
HEADLINE_SHARE = 0.6
HEADLINE_SHARED_WORDS = 2
#: A page without a title line: its headline has at least this many words (fewer: a section's name, ``World News``).
MIN_HEADLINE_WORDS = 3
#: A line that is not prose and that a page prints this many times is one of its buttons, never the article's.
REPEATED_LINES = 3
#: The article has at least this many words of prose.
MIN_BODY_WORDS = 25
#: A run continues the article across a box of its own (see :func:`_continued`) when it has this many words of
#: prose, with at least two paragraphs in a row, after a gap lighter than CONTINUATION_GAP — or however heavy
#: the gap, when it has LONG_RUN_PARAGRAPHS paragraphs in a row.
CONTINUATION_WORDS = 50
CONTINUATION_GAP = 2 * MAX_GAP
LONG_RUN_PARAGRAPHS = 4
#: Lines before a comment's or a teaser's text that hold its name and time stamp.
ITEM_HEADER_LINES = 2
#: A file is a saved page when at least this many of its lines are chrome (see :mod:`.cleaning`)…
MIN_CHROME_LINES = 3
#: …or, without chrome to tell (a photo page alone of its kind), when it has this many lines, this share of them
#: not prose (menus and link lists), and at least PAGE_MIN_MENU of them before the first line of prose (an
#: article's lists come after its text).
PAGE_MIN_LINES = 20
PAGE_LINK_SHARE = 0.6
PAGE_MIN_MENU = 10

#: A word as headlines are compared: one Chinese character, or a run of other word characters.
_WORD = re.compile(f"{CJK.pattern}|[^\\W{CJK.pattern[1:-1]}]+")
_LETTER = re.compile(r"[^\W\d_]")
#: A byline's opening (``By Aigerim Sadykova (Astana Times)``): never the headline.
_BYLINE_OPENING = re.compile(r"(?:By|BY)\s+[A-Z]")
#: Links of a breadcrumb trail, one after another (``Home > News > Business``, ``Home » World``); a guillemet
#: only between spaces, as it also closes a quotation (``«Газпром» увеличил``).
_BREADCRUMB = re.compile(r"\w\s*[>›]\s*\w|\w\s+»\s+\w")


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


def page_text(units: list[str], headline: str, *, sentences: bool = False,
              chrome_before: list[int] | None = None) -> PageText | None:
    """The article among a page's units (its lines, or with ``sentences`` the sentences of a run-on page).

    ``headline`` is the page title without the site's name; where the page repeats it, the article
    starts there. ``chrome_before`` says how many lines of site chrome the page had before each unit:
    they separate prose as link-like lines do. None when no run of prose is long enough to be an article
    (or it is all teasers of other stories).
    """
    anchor = _headline_position(units, headline)
    weights = [CHROME_WEIGHT * chrome + (0.0 if is_prose(unit) else _gap_weight(unit))
               for unit, chrome in zip(units, chrome_before or [0] * len(units))]
    all_runs = _prose_runs(units, weights, sentences=sentences)
    runs = [run for run in all_runs if _prose_words(units, run) >= MIN_BODY_WORDS]
    under = _run_under_headline(units, weights, headline, anchor, all_runs)
    if not runs and not under:
        return None
    after = [run for run in runs if anchor is not None and run[0] >= anchor]
    body = _continued(units, weights, under, all_runs) if under else []
    if _prose_words(units, body) < MIN_BODY_WORDS:  # a photo's caption, or a summary far above the article
        article = next((run for run in after if _paragraphs_in_a_row(units, run) >= LONG_RUN_PARAGRAPHS), None)
        if article or not body:
            longest = max(runs, key=lambda run: _prose_words(units, run)) if runs else []
            body = _continued(units, weights, article or (after[0] if after else longest), all_runs)
    while body and (_is_headline(units[body[-1]]) or not _LETTER.search(units[body[-1]])):
        body = body[:-1]
    buttons = _repeated(units)
    body = _without_teasers(units, body, buttons)
    if not body or (not under and _only_teasers(units, body)) or (_prose_words(units, body) < MIN_BODY_WORDS
                                                                  and body[0] != (under or [None])[0]):
        return None  # a page of teasers: a section's front page
    date, source = _stated_date_and_source(units, anchor + 1 if anchor is not None and anchor < body[0] else body[0],
                                           body[0])
    title = _title(units, headline, anchor, body[0])
    units, removed = list(units), []
    if anchor is not None and body[0] == anchor:
        units[anchor], opening = _without_opening(units[anchor], headline)
        removed += [Removal("headline, byline and time stamp", piece) for piece in opening]
        body = body if units[anchor] else body[1:]
    chosen = {position for position in body if _is_text(units[position])} - _link_lists(units, body) - buttons
    removed += [Removal("outside the article (links, captions, comments)", unit)
                for position, unit in enumerate(units) if position not in chosen and unit]
    return PageText(title=title, units=units, positions=sorted(chosen), date=date, source=source, removed=removed)


def _title(units: list[str], headline: str, anchor: int | None, body_start: int) -> str:
    """The article's headline: as the page prints it where the page title cut it short (``Xi calls for …``)
    or added to it (``Headline - Section``), else the page title's; where the page does not repeat the page
    title, the headline it prints above the article (:func:`_printed_headline`); on a page without a title
    (``headline`` empty), the line above the article that may be one (:func:`_headline_above`)."""
    if not headline:
        return _headline_above(units, body_start)
    if anchor is None:
        return _printed_headline(units, headline, body_start) or headline
    if anchor >= body_start:
        return headline
    printed = units[anchor]
    return printed if _completes(printed, headline) or len(_words(printed)) < len(_words(headline)) else headline


def _run_under_headline(units: list[str], weights: list[float], headline: str, anchor: int | None,
                        runs: list[list[int]]) -> list[int] | None:
    """The run of prose right under the headline (across a gap lighter than MAX_GAP), however short: the
    article's start (a summary), or all of a photo page's text (one caption); None where the page does not
    repeat its headline or leaves a wider gap under it."""
    if anchor is None:
        return None
    start = anchor if len(_words(units[anchor])) > len(_words(headline)) else anchor + 1  # the headline opens a unit
    following = next((run for run in runs if run[0] >= start), None)
    return following if following and sum(weights[start: following[0]]) < MAX_GAP else None


def _printed_headline(units: list[str], headline: str, body_start: int) -> str:
    """The headline a page prints above the article in other words than its title's (``Russian Riled By
    Parliament`` for ``Russian MP Riled by European Parliament``): the line nearest before the article, among
    HEADLINE_REACH, that may be a headline and is mostly the title's words; '' when there is none."""
    wanted = set(_words(headline))

    def mostly_the_titles(unit: str) -> bool:
        words = _words(unit)
        shared = sum(word in wanted for word in words)
        return shared >= HEADLINE_SHARED_WORDS and shared >= HEADLINE_SHARE * len(words)

    return _nearest_headline_above(units, body_start, mostly_the_titles)


def _headline_above(units: list[str], body_start: int) -> str:
    """The headline of a page without a title line: the line nearest before the article, among HEADLINE_REACH,
    that may be a headline and is neither a byline or a labelled field (``Source: Xinhua``), a breadcrumb
    trail (``Home > News``) nor a section's name (fewer than MIN_HEADLINE_WORDS words)."""
    return _nearest_headline_above(units, body_start, lambda unit: (
        count_line_words(unit) >= MIN_HEADLINE_WORDS and header_metadata(unit) is None
        and not _BREADCRUMB.search(unit) and not _BYLINE_OPENING.match(unit)))


def _nearest_headline_above(units: list[str], body_start: int, accept) -> str:
    """The line nearest before ``body_start``, among HEADLINE_REACH, that may be a headline, is no time stamp
    and that ``accept`` takes; '' when there is none."""
    for position in range(body_start - 1, max(-1, body_start - 1 - HEADLINE_REACH), -1):
        unit = units[position]
        if _is_headline(unit) and not is_time_stamp_line(unit) and accept(unit):
            return unit
    return ""


def _stated_date_and_source(units: list[str], start: int, body_start: int) -> tuple[str, str]:
    """The date and source of the page's time stamp: the first between ``start`` (after the headline) and
    the article's third unit, else the nearest before the article (dates after it are those of teasers and
    comments); the source beside it, or labelled on a line of its own next to it (``Source: Xinhua``, or
    ``Source:`` and ``Xinhua`` on two lines)."""
    searched = [*range(start, min(body_start + 3, len(units))), *range(body_start - 1, -1, -1)]
    stamped = next((position for position in searched if time_stamp(units[position])), None)
    if stamped is None:
        return "", ""
    stamp = time_stamp(units[stamped])
    near = range(max(0, stamped - STAMP_NEIGHBOURS), min(stamped + STAMP_NEIGHBOURS + 1, len(units)))
    return stamp.date, stamp.source or next(filter(None, (_labelled_source(units, position) for position in near)), "")


def _labelled_source(units: list[str], position: int) -> str:
    """The source a short line names after a label (``Source: Xinhua``), or on the next line after a label alone."""
    if len(units[position]) > STAMP_LINE_CHARS:
        return ""
    found = header_metadata(units[position])
    if found and found[1]:
        return found[1]
    following = units[position + 1] if position + 1 < len(units) else ""
    return following if source_label_alone(units[position]) and is_agency_name(following) else ""


def _continued(units: list[str], weights: list[float], body: list[int], runs: list[list[int]]) -> list[int]:
    """The article's run joined by the runs that continue it across boxes of its own; the boxes' lines stay out.

    A run continues the article when it has paragraphs in a row (teasers alternate with their headlines) and
    CONTINUATION_WORDS or more, at most one time stamp in the gap before it and none among its ITEM_HEADER_LINES
    last lines once the article has MIN_BODY_WORDS (it would open a comment), up to its own first time stamp
    (where comments begin);
    and when the gap is lighter than CONTINUATION_GAP or the run is long (LONG_RUN_PARAGRAPHS in a row). Smaller
    runs are part of a box (a caption, a quote), whose prose paragraphs weigh as link-like lines; where the article
    continues after them, their paragraphs are the article's too.
    """
    last_prose = max(position for position in body if is_prose(units[position]))
    boxed: list[int] = []  # the paragraphs of smaller runs since the last run joined
    for run in runs:
        if run[0] <= body[-1]:
            continue
        gap = units[last_prose + 1: run[0]]
        opens_item = any(map(is_time_stamp_line, gap[-ITEM_HEADER_LINES:])) and _prose_words(units, body) >= MIN_BODY_WORDS
        if sum(map(is_time_stamp_line, gap)) > 1 or opens_item:
            break  # each comment and teaser opens with one; under a summary, the article's own
        stamped = next((number for number, position in enumerate(run) if is_time_stamp_line(units[position])), None)
        run = run[:stamped]  # the comments that follow the article
        in_a_row = _paragraphs_in_a_row(units, run)
        if (in_a_row >= 2 and _prose_words(units, run) >= CONTINUATION_WORDS
                and (in_a_row >= LONG_RUN_PARAGRAPHS
                     or sum(weights[last_prose + 1: run[0] + 1]) + sum(map(is_prose, gap)) < CONTINUATION_GAP)):
            body = [position for position in body if position <= last_prose] + boxed + run
            last_prose, boxed = max(position for position in run if is_prose(units[position])), []
        elif in_a_row >= 2 or stamped is not None:
            break
        else:
            boxed += [position for position in run if is_prose(units[position])]
    return body


def _paragraphs_in_a_row(units: list[str], run: list[int]) -> int:
    """The most prose units of ``run`` that follow one another with nothing between them."""
    most = count = 0
    for previous, position in zip([None, *run], run):
        count = count + 1 if is_prose(units[position]) and previous == position - 1 and is_prose(units[previous]) \
            else int(is_prose(units[position]))
        most = max(most, count)
    return most


def _without_teasers(units: list[str], body: list[int], buttons: set[int]) -> list[int]:
    """The body without the teasers that may end it: TEASERS or more paragraphs each alone after one or two
    lines that may be another story's headline and byline, with fewer words than the article before them (a
    page of questions, each with its answer, keeps them) unless that is too short to be one (a front page).
    A page's ``buttons`` (:func:`_repeated`) are no headlines."""
    end, teasers = len(body), 0
    while end > 0 and is_prose(units[body[end - 1]]):
        heads = 0
        while (heads < 2 and end - 2 - heads >= 0 and _is_headline(units[body[end - 2 - heads]])
               and body[end - 2 - heads] not in buttons):
            heads += 1
        if not heads:
            break
        end, teasers = end - 1 - heads, teasers + 1
    article, teased = _prose_words(units, body[:end]), _prose_words(units, body[end:])
    return body[:end] if teasers >= TEASERS and (teased < article or article < MIN_BODY_WORDS) else body


def _only_teasers(units: list[str], body: list[int]) -> bool:
    """Whether the body has the shape of a front page's teasers: more than TEASERS paragraphs, none next to
    another, each under a line that may be its story's headline (links to related stories may stand between
    teasers). Under the page's own headline, the same shape is a page of questions and answers."""
    paragraphs = [position for position in body if is_prose(units[position])]
    return (len(paragraphs) > TEASERS and _paragraphs_in_a_row(units, body) == 1
            and all(position and _is_headline(units[position - 1]) for position in paragraphs))


def _is_headline(unit: str) -> bool:
    """A line that may be a headline or a byline: words (not a photo's number, ``2/4``), fewer than a line of
    running text has (a headline may ask a question), and not a statement ending with a full stop."""
    return (_LETTER.search(unit) is not None and count_line_words(unit) < HEADLINE_WORDS
            and not ends_sentence(unit, within=(".", "。")))


def _link_lists(units: list[str], body: list[int]) -> set[int]:
    """Positions in the body that stand in a list of LINK_LIST_LINES or more lines that are not sentences
    (links to other stories, a box of figures); a heading stands alone before its paragraph."""
    lists, current = set(), []
    for position in body + [None]:
        if position is not None and not is_prose(units[position]) and not ends_sentence(units[position]):
            current.append(position)
            continue
        if len(current) >= LINK_LIST_LINES:
            lists.update(current)
        current = []
    return lists


def _repeated(units: list[str]) -> set[int]:
    """Positions of lines that are not prose and that the page prints REPEATED_LINES times or more: its buttons
    (``Download``, ``Next photo`` under every photo)."""
    keys = [line_key(unit) if not is_prose(unit) else "" for unit in units]
    counts = Counter(keys)
    return {position for position, key in enumerate(keys) if key and counts[key] >= REPEATED_LINES}


def _is_text(unit: str) -> bool:
    """A unit that may be the article's text: it has letters and is not a time stamp."""
    return bool(_LETTER.search(unit)) and not is_time_stamp_line(unit)


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


def _completes(unit: str, headline: str) -> bool:
    """Whether ``unit`` is the whole of a headline that the page title cut short (``Xi calls for …``)."""
    words, wanted = _words(unit), _words(headline)
    return (len(wanted) < len(words) <= 2 * len(wanted) and words[:len(wanted)] == wanted and _is_headline(unit)
            and time_stamp(unit) is None)


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


def _prose_runs(units: list[str], weights: list[float], *, sentences: bool) -> list[list[int]]:
    """Runs of prose units; a gap heavier than MAX_GAP between two prose units (``weights``: what the
    chrome before each unit and each unit that is not prose weigh) ends a run, and so does a sentence that
    opens with a time stamp (in a run-on page, how each comment and teaser starts)."""
    runs, current, gap = [], [], 0.0
    for position, unit in enumerate(units):
        if sentences and _opens_with_stamp(unit):
            gap = MAX_GAP
        gap += weights[position]
        if is_prose(unit):
            if current and gap >= MAX_GAP:
                runs.append(current)
                current = []
            current.append(position)
            gap = 0.0
            continue
        if current and gap < MAX_GAP:
            current.append(position)
    if current:
        runs.append(current)
    return runs


def _opens_with_stamp(sentence: str) -> bool:
    """A sentence of a run-on page that opens with a time stamp: a date at its very start, or a date and a
    time of day among its first STAMP_OPENING characters (``On May 5, 2020, the…`` opens with an event)."""
    stamp = time_stamp(sentence[:STAMP_OPENING])
    return stamp is not None and (stamp.start <= STAMP_LEAD or TIME_OF_DAY.search(sentence, 0, stamp.end) is not None)


def _gap_weight(unit: str) -> float:
    """How much a non-prose unit separates prose: a time stamp most, a line without letters not at all."""
    if is_time_stamp_line(unit):
        return STAMP_WEIGHT
    if not _LETTER.search(unit):
        return 0.0
    if ends_sentence(unit) and len(_WORD.findall(unit)) >= 2:
        return 0.5
    return 1.0


def _prose_words(units: list[str], run: list[int]) -> int:
    return sum(prose_words(units[position]) for position in run)
