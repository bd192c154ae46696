"""From a reader's draft to a clean article: chrome, boilerplate and repeats removed, every removal recorded.

The article's text starts with its headline, as a paragraph of its own: a headline names the
actors and terms the story is about, and the analyses read it with the rest.

The steps, in order: site chrome found across the corpus (:mod:`presslens.corpus.chrome`); for a saved
page, the article among the page's blocks (:mod:`presslens.corpus.pages`); the header's metadata lines;
the boilerplate rules of ``data/boilerplate.yaml``; a dateline; paragraphs repeated verbatim; an
outlet's closing signature. Then paragraphs and sentences are laid out with their offsets.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from importlib import resources as importlib_resources
from types import MappingProxyType

from presslens.corpus.chrome import MIN_FILES, RUN_ON_CHARS, Chrome, is_prose, is_run_on, line_key, text_length
from presslens.corpus.decode import normalize_text
from presslens.corpus.layout import WHITESPACE, join_paragraphs, split_sentences, text_blocks
from presslens.corpus.metadata import (copyright_holder, dateline, header_metadata, is_agency_name, is_time_stamp_line,
                                       opens_with_place, source_line, stated_agency, time_stamp)
from presslens.corpus.model import Article, Draft, Removal, count_words
from presslens.corpus.pages import MIN_CHROME_LINES, looks_like_page, page_text
from presslens.languages.punkt import punkt_tokenizer
from presslens.languages import detect_language, language_tools
from presslens.yaml_files import read_yaml

#: The package data files this module reads (they key the cache of what it extracts).
DATA_FILES = ("data/boilerplate.yaml",)

HEADER_LINES = 6
#: A first line of at least this many words that ends a sentence is a lead paragraph, not a headline.
LEAD_PARAGRAPH_WORDS = 20
#: A paragraph repeated verbatim is dropped when it has at least this many words (short lines such as
#: headings in a fixtures list legitimately repeat).
MIN_REPEATED_WORDS = 8
NO_CHROME = Chrome()
#: Short lines of which at least this share carry a figure make a table (results, standings, a data
#: sheet), not a page's menus: such a file is read as an article whatever the shape of its lines.
TABLE_LINE_SHARE = 0.6
FIGURE = re.compile(r"\d")
#: Where a Chinese sentence ends, in a run-on page that Punkt (which knows no Chinese) cut into pieces.
CJK_SENTENCE_END = re.compile(r"(?<=[。！？])\s*")


@functools.cache
def boilerplate_rules() -> Mapping:
    """The editable boilerplate rules (``data/boilerplate.yaml``), compiled; read-only (shared by every caller)."""
    source = importlib_resources.files("presslens").joinpath("data/boilerplate.yaml").read_text("utf-8")
    rules = read_yaml(source)
    return MappingProxyType({
        "lines": tuple((r["why"], re.compile(r["pattern"], re.IGNORECASE)) for r in rules["lines"]),
        "inline": tuple((r["why"], re.compile(r["pattern"], re.IGNORECASE)) for r in rules["inline"]),
        "outlets": MappingProxyType({outlet.casefold(): outlet for outlet in rules["outlets"]}),
    })


def build_article(draft: Draft, chrome: Chrome = NO_CHROME, *, headline: str = "", site: str = "") -> Article | None:
    """Clean a draft into an :class:`Article`; None when no body text remains.

    ``headline`` and ``site`` come from the page title of a saved page (see
    :func:`presslens.corpus.metadata.site_name`); they are used only when the draft turns out to be a
    page, the site as its source when the page names no agency.
    """
    blocks = list(draft.blocks)
    removed = list(draft.removed)
    blocks, chrome_before, chrome_found = _without_chrome(blocks, chrome, removed, run_on=draft.reader == "text")
    date, source = draft.date, draft.source
    if not blocks:
        return None
    lead_as_title = False  # no headline: the first line, the lead paragraph, stands for one
    if draft.title:
        title, body = normalize_text(draft.title).strip(), blocks
    elif (chrome_found or looks_like_page(blocks)) and not _is_table(draft.blocks):
        titled = chrome.opens_with_title(blocks)
        page_title = blocks[0] if titled else ""
        units, origins = _units(blocks[1:])
        gaps = [chrome_before[1 + origin] if number == 0 or origins[number - 1] != origin else 0
                for number, origin in enumerate(origins)]
        page = page_text(units, headline or page_title, sentences=len(units) > len(blocks) - 1, chrome_before=gaps)
        if page is None:
            return None
        title, body = page.title, _regroup(page.units, origins, page.positions)
        removed.append(Removal("page title" if titled else "site chrome", blocks[0]))
        removed.extend(page.removed)
        stated = stated_agency(draft.blocks, page.date) if page.date and not page.source else ""
        date, source = date or page.date, source or page.source or stated or site or copyright_holder(draft.blocks)
    else:
        if len(blocks) > 1 and not chrome.opens_with_title(blocks):  # every file opens with the site's name
            removed.append(Removal("site chrome", blocks[0], files=chrome.openings.get(line_key(blocks[0]), 0)))
            source = source or (blocks[0].strip() if is_agency_name(blocks[0]) else "")
            blocks = blocks[1:]
        title, body = blocks[0], blocks[1:]
        lead_as_title = not body or _is_lead_paragraph(title)
        if lead_as_title:
            body.insert(0, title)  # the first line is the lead paragraph (or all there is) and stays in the text, once
    kept, date, source = _clean_paragraphs(body, removed, date, source)
    kept = unglued(kept)
    if not kept:
        return None
    headline_in_text = bool(title) and not lead_as_title and WHITESPACE.sub(" ", title).casefold() != kept[0].casefold()
    if headline_in_text:
        kept.insert(0, title)  # the headline is read with the text: its words and actors count
    text, paragraph_spans = join_paragraphs(kept)
    language = language_tools(draft.language or detect_language(text))
    return Article(
        doc_id=draft.doc_id, path=draft.path, title=title, date=date, source=source, text=text,
        paragraph_spans=paragraph_spans, sentence_spans=split_sentences(text, paragraph_spans, language), removed=removed,
        encoding=draft.encoding, reader=draft.reader, byline=draft.byline, url=draft.url, section=draft.section,
        document_id=draft.document_id, headline_in_text=headline_in_text, language=language.code,
        n_words=language.count_words(text),
    )


def article_from_text(doc_id: str, path: str, raw_text: str, *, language: str = "") -> Article | None:
    """Clean the raw text of one article (first line the headline) as if read from a text file; its
    ``language`` (ISO 639-1) is detected unless given."""
    blocks = text_blocks(raw_text)
    return build_article(Draft(doc_id=doc_id, path=path, reader="text", blocks=blocks, language=language)) if blocks else None


def _without_chrome(blocks: list[str], chrome: Chrome, removed: list[Removal], *,
                    run_on: bool) -> tuple[list[str], list[int], bool]:
    """Blocks without the corpus's chrome lines (and the chrome sequences of a run-on page), how many
    pieces of chrome stood before each, and whether the chrome found makes the file a saved page.

    The first block (a page's title) stays, and so does a line that repeats it: a page's own
    headline may recur in the link lists of other pages. On a page without a title line, the line
    over a time stamp is its headline and stays. A time stamp stays too: pages published on the same
    day share it, and it dates the article.
    """
    kept, before, count = blocks[:1], [0] * len(blocks[:1]), 0
    titled = chrome.opens_with_title(blocks)
    page_title = line_key(blocks[0]) if titled else ""
    for position, block in enumerate(blocks[1:], start=1):
        files = chrome.files_with_line(block)
        if files >= MIN_FILES and line_key(block) not in page_title and not is_time_stamp_line(block) and not (
                not titled and position + 1 < len(blocks) and is_time_stamp_line(blocks[position + 1])):  # a headline
            removed.append(Removal("site chrome", block, files=files))
            count += 1
        else:
            kept.append(block)
            before.append(count)
            count = 0
    found = sum(before) + count >= MIN_CHROME_LINES
    if not (run_on and is_run_on(kept)):
        return kept, before, found
    pieces, spans = [], 0
    for block, chrome_before in zip(kept, before):
        position, pending = 0, chrome_before
        for start, end in chrome.run_on_spans(block):
            pieces.append((block[position:start], pending))
            files = chrome.files_with_sequence(block[start:end])
            stamp = time_stamp(block[start:end])  # pages of one day share their time stamp, which dates them
            if stamp:
                pieces.append((block[start + stamp.start: start + stamp.end], 1))
                removed.append(Removal("site chrome", block[start: start + stamp.start], files=files))
                start += stamp.end
            removed.append(Removal("site chrome", block[start:end], files=files))
            position, spans, pending = end, spans + 1, 1
        pieces.append((block[position:], pending))
    pieces = [(piece.strip(" -|–—:"), chrome_before) for piece, chrome_before in pieces if piece.strip(" -|–—:")]
    return [piece for piece, _ in pieces], [chrome_before for _, chrome_before in pieces], found or spans > 0


def _units(blocks: list[str]) -> tuple[list[str], list[int]]:
    """The units of a saved page — its lines, a long block cut into its sentences — and the block of each."""
    tokenizer = punkt_tokenizer()
    units, origins = [], []
    for number, block in enumerate(blocks):
        pieces = [sentence for piece in tokenizer.tokenize(block) for sentence in CJK_SENTENCE_END.split(piece)
                  if sentence.strip()] if text_length(block) >= RUN_ON_CHARS else [block]
        units.extend(pieces)
        origins.extend([number] * len(pieces))
    return units, origins


def _regroup(units: list[str], origins: list[int], positions: list[int]) -> list[str]:
    """The chosen units as paragraphs: consecutive sentences of one block stay one paragraph."""
    paragraphs, previous = [], None
    for position in positions:
        if paragraphs and previous is not None and origins[position] == origins[previous] and position == previous + 1:
            paragraphs[-1] += " " + units[position]
        else:
            paragraphs.append(units[position])
        previous = position
    return paragraphs


def _clean_paragraphs(body: list[str], removed: list[Removal], date: str, source: str) -> tuple[list[str], str, str]:
    """Apply the header, boilerplate, dateline, repeat and signature rules; return what stays, date and source."""
    rules = boilerplate_rules()
    kept: list[str] = []
    seen: set[str] = set()
    for index, line in enumerate(body):
        if index < HEADER_LINES:
            metadata = header_metadata(line)
            if metadata is not None:
                line_date, line_source = metadata
                date = date or line_date
                source = source or line_source
                if not opens_with_place(line):  # a dateline's place stays: it says where the story was filed
                    removed.append(Removal("metadata", line))
                    continue
        named = source_line(line)
        if named:  # (Source: People's Daily Online), wherever it stands
            source = source or named
            removed.append(Removal("source line", line))
            continue
        why = next((why for why, pattern in rules["lines"] if pattern.fullmatch(line)), None)
        if why:
            removed.append(Removal(why, line))
            continue
        for why, pattern in rules["inline"]:
            for match in pattern.finditer(line):
                removed.append(Removal(why, match.group()))
            line = WHITESPACE.sub(" ", pattern.sub("", line)).strip()
        if not kept:
            opening = dateline(line)
            if opening:
                removed.append(Removal("dateline", opening.group("dateline").strip()))
                source = source or (opening.group("agency") or "").strip()
                line = line[opening.end():]
        key = line_key(line)  # a page that prints its article twice may close one copy with a stray bracket
        if key in seen and count_words(line) >= MIN_REPEATED_WORDS:
            removed.append(Removal("repeated paragraph", line))
            continue
        if line:
            seen.add(key)
            kept.append(line)
    if kept and kept[-1].casefold() in rules["outlets"]:
        outlet = rules["outlets"][kept.pop().casefold()]
        removed.append(Removal("outlet signature", outlet))
        source = source or outlet
    return kept, date, source


#: Words that a scraped page runs into the name before them where a link or a tag ended (*Raimondosaid*, *Hong
#: Kongthat*); not *and* or *in*, which end names (*Poland*, *Robin*).
GLUED_WORDS = ("whatsoever", "expressed", "through", "quoted", "stated", "always", "would", "which", "under", "while",
               "said", "says", "that", "from", "with", "will", "were", "also", "into", "felt", "the", "had", "has",
               "was", "who", "for")
_GLUED = re.compile(r"\b([A-Z][a-z]+|[A-Z]{2,})(" + "|".join(GLUED_WORDS) + r")\b")
#: A capitalised word inside a sentence, after a lower-case word or a comma: a name, not a sentence's first word.
_NAME_INSIDE = re.compile(r"(?<=[a-z,;] )(?:[A-Z][a-z]+|[A-Z]{2,})\b")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")


def unglued(paragraphs: list[str]) -> list[str]:
    """The paragraphs with a space put back between a name and a word run into it (*Raimondosaid* → *Raimondo
    said*), where the article writes that name on its own inside a sentence and never in lower case."""
    text = "\n".join(paragraphs)
    if not _GLUED.search(text):
        return paragraphs  # most articles: nothing run together, no need to know their names
    lower = set(_LOWER_WORD.findall(text))
    names = {name for name in set(_NAME_INSIDE.findall(text)) if name.lower() not in lower}

    def split(match: re.Match) -> str:
        return f"{match[1]} {match[2]}" if match[1] in names else match[0]

    return [_GLUED.sub(split, paragraph) for paragraph in paragraphs]


def _is_table(blocks: list[str]) -> bool:
    """Whether the short lines of a file mostly carry figures: a table of results or data, not menus."""
    short = [block for block in blocks if not is_prose(block)]
    return bool(short) and sum(bool(FIGURE.search(block)) for block in short) >= TABLE_LINE_SHARE * len(short)


def _is_lead_paragraph(line: str) -> bool:
    """A first line that is a paragraph of prose (long, or a dateline and then lower-case prose; ending a
    sentence) rather than a headline (*SOCCER - JAPAN WIN .* is one)."""
    opening = dateline(line)
    prose = opening is not None and not line[opening.end():].isupper()
    return (count_words(line) >= LEAD_PARAGRAPH_WORDS or prose) and line.rstrip("”\"' ").endswith((".", "!", "?"))
