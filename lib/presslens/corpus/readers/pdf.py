"""PDF files: a text PDF is one article; a Nexis Uni export saved as PDF is split into its articles.

The text layer is read with pypdf (which bounds what a compressed stream may inflate to), page by page
in the order the page draws it, which keeps the columns of a multi-column page apart, with where each
line stands. Then what the page layout added to the text is undone: running headers and footers (a
line that recurs at the top or the bottom of most pages) and page numbers are removed, words
hyphenated at a line end are joined, and the lines of a paragraph are joined. A paragraph ends where
the space to the next line is wider than the page's usual line spacing, where the next line is
indented, or, for lines without positions, at a line much shorter than the others. A scanned PDF,
whose pages have no text layer, is skipped with the reason.
"""

from __future__ import annotations

import io
import re
import statistics
from collections import Counter
from collections.abc import Callable
from typing import NamedTuple

from presslens.corpus.files import doc_id_for
from presslens.corpus.layout import text_blocks
from presslens.corpus.model import Draft, SkippedFile
from presslens.corpus.readers import nexis

NAME = "pdf"
SUFFIXES = {".pdf"}
#: A line shorter than this share of the page's usual line length ends its paragraph.
SHORT_LINE = 0.75
#: A line at the top or bottom of a page recurring (numbers aside) on this share of the pages is a running header or footer.
RUNNING_SHARE = 0.5
#: Lines at each end of a page where running headers, footers and page numbers stand.
EDGE_LINES = 2
#: Fewer characters than this per page: no text layer.
MIN_CHARS_PER_PAGE = 20
PAGE_NUMBER = re.compile(r"^\W*(?:(?:page|seite|стр\.?|第)\s*)?\d{1,4}(?:\s*(?:of|/|von|из)\s*\d{1,4})?\s*页?\W*$",
                         re.IGNORECASE)
HYPHENATED = re.compile(r"(?<=[^\W\d_])[-\u00ad]$")
CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
#: A space between two lines wider than this many times the usual line spacing separates paragraphs.
PARAGRAPH_GAP = 1.3
#: A line starting this many points right of the line above it (in the same column) is indented: a new paragraph.
INDENT_POINTS = 6
#: A line whose letters are this share larger or smaller than the line above's starts a paragraph (a headline ends).
FONT_CHANGE = 0.1
#: A line starting this many points left or right of the line above is in another column.
COLUMN_POINTS = 40
SCANNED = "a scanned PDF without a text layer: run OCR on it (for example ocrmypdf) and read the result"


def read_pdf(raw: bytes, relative: str) -> tuple[list[Draft], list[SkippedFile]]:
    """The article of a text PDF (or a Nexis Uni export's articles), or the file skipped with the reason."""
    try:
        pages = _page_lines(raw)
    except Exception as error:  # noqa: BLE001 - pypdf raises many kinds of error on a damaged or encrypted file
        return [], [SkippedFile(relative, f"cannot read the PDF ({type(error).__name__}: {error}): save it again")]
    if sum(len(line.text) for page in pages for line in page) < MIN_CHARS_PER_PAGE * max(len(pages), 1):
        return [], [SkippedFile(relative, SCANNED)]
    if nexis.looks_like_nexis_uni_text("\n".join(line.text for page in pages for line in page)):
        # an export's header lines and labels are short lines of their own: a short line ends a paragraph too
        paragraphs = pdf_paragraphs(pages, alone=nexis.is_uni_marker, short_lines_end=True)
        return nexis.read_nexis_uni_text("\n".join(paragraphs), relative, "pdf")
    paragraphs = pdf_paragraphs(pages)
    blocks = [block for paragraph in paragraphs for block in text_blocks(paragraph)]
    if not blocks:
        return [], [SkippedFile(relative, SCANNED)]
    return [Draft(doc_id=doc_id_for(relative), path=relative, reader=NAME, blocks=blocks)], []


class Line(NamedTuple):
    """A line of a PDF page, with where it starts (points from the page's bottom left) when that is known."""

    text: str
    x: float | None = None
    y: float | None = None
    size: float | None = None


def _page_lines(raw: bytes) -> list[list[Line]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(raw))
    return [_positioned_lines(page) for page in reader.pages]


def _positioned_lines(page) -> list[Line]:
    """The lines pypdf extracts from a page, each with the position of its first piece of text."""
    lines: list[Line] = []
    pieces: list[str] = []
    start: list[tuple[float | None, float | None, float | None]] = []

    def visit(text, matrix, text_matrix, font, size) -> None:
        if "\n" in text:  # lines after a break inside a piece have no position of their own
            first, *others = text.split("\n")
            pieces.append(first)
            for other in others:
                lines.append(Line("".join(pieces).strip(), *(start[0] if start else ())))
                pieces[:] = [other]
                start[:] = [(None, None, None)] if other.strip() else []
            return
        pieces.append(text)
        if text.strip() and not start:
            x, y = text_matrix[4], text_matrix[5]
            start.append((x * matrix[0] + y * matrix[2] + matrix[4], x * matrix[1] + y * matrix[3] + matrix[5],
                          round(size * abs(text_matrix[3] * matrix[3]), 1)))

    page.extract_text(visitor_text=visit)
    lines.append(Line("".join(pieces).strip(), *(start[0] if start else ())))
    return lines


def pdf_paragraphs(pages: list[list[Line | str]], *, alone: Callable[[str], bool] = lambda line: False,
                   short_lines_end: bool = False) -> list[str]:
    """The paragraphs of a document given as the lines of its pages, with what the layout added removed;
    a line for which ``alone`` is true is a paragraph of its own, and with ``short_lines_end`` (justified
    text) a line much shorter than the others ends its paragraph even where positions are known."""
    pages = [[Line(line) if isinstance(line, str) else line for line in page] for page in pages]
    running = _running_lines(pages)
    lines: list[Line] = []
    for page in pages:
        kept = [line for line in page if line.text]
        edges = set(range(min(EDGE_LINES, len(kept)))) | set(range(max(len(kept) - EDGE_LINES, 0), len(kept)))
        lines += [line for i, line in enumerate(kept) if alone(line.text)
                  or not (i in edges and (_shape(line.text) in running or PAGE_NUMBER.match(line.text)))]
    usual = sorted(len(line.text) for line in lines)
    width = usual[int(len(usual) * 0.9)] if usual else 0
    gaps = [above.y - below.y for above, below in zip(lines, lines[1:])
            if above.y is not None and below.y is not None and 0 < above.y - below.y]
    spacing = statistics.median(gaps) if gaps else None
    sizes = [line.size for line in lines if line.size]
    usual_size = statistics.median(sizes) if sizes else None
    paragraphs, current = [], ""
    for previous, line in zip([None, *lines], lines):
        apart = previous is not None and (alone(previous.text) or alone(line.text)
                                          or (short_lines_end and len(previous.text) < SHORT_LINE * width))
        if current and previous is not None and (apart or _starts_paragraph(previous, line, spacing, usual_size, width)):
            paragraphs.append(current)
            current = ""
        current = _join_line(current, line.text)
    if current:
        paragraphs.append(current)
    return paragraphs


def _starts_paragraph(previous: Line, line: Line, spacing: float | None, usual_size: float | None, width: int) -> bool:
    """Whether ``line`` starts a paragraph after ``previous``: by their positions and sizes when known, else by length.

    ``spacing`` is the usual space between lines of the usual letter size ``usual_size``; larger letters
    (a headline's) stand further apart without starting a paragraph.
    """
    if spacing is None or None in (previous.y, line.y):
        return len(previous.text) < SHORT_LINE * width
    same_column = previous.y > line.y and abs(line.x - previous.x) < COLUMN_POINTS
    if not same_column:
        return len(previous.text) < SHORT_LINE * width and previous.text[-1:] in ".!?\"”»。！？"
    if previous.size and line.size and usual_size:
        if abs(previous.size - line.size) > FONT_CHANGE * previous.size:
            return True
        spacing *= previous.size / usual_size
    return previous.y - line.y > PARAGRAPH_GAP * spacing or line.x - previous.x > INDENT_POINTS


def _running_lines(pages: list[list[Line]]) -> set[str]:
    """The shapes (digits as ``#``) of the lines at page edges that recur on most pages."""
    if len(pages) < 2:
        return set()
    counts = Counter()
    for page in pages:
        kept = [line.text for line in page if line.text]
        counts.update({_shape(line) for line in kept[:EDGE_LINES] + kept[-EDGE_LINES:]})
    return {shape for shape, count in counts.items() if count >= max(2, RUNNING_SHARE * len(pages))}


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.casefold())


def _join_line(paragraph: str, line: str) -> str:
    """``line`` added to the paragraph: a word hyphenated at the line end joined, CJK text without a space."""
    if not paragraph:
        return line
    if HYPHENATED.search(paragraph) and line[:1].islower():
        return paragraph[:-1] + line
    if CJK.match(paragraph[-1]) and CJK.match(line[0]):
        return paragraph + line
    return f"{paragraph} {line}"
