"""PDF files: a text PDF is one article; a Nexis Uni export saved as PDF is split into its articles.

The text layer is read with pypdf (which bounds what a compressed stream may inflate to), page by page
in the order the page draws it, which keeps the columns of a multi-column page apart. Then what the
page layout added to the text is undone: running headers and footers (a line that recurs at the top
or the bottom of most pages) and page numbers are removed, words hyphenated at a line end are joined,
and the lines of a paragraph are joined (a line much shorter than the page's lines ends a paragraph).
A scanned PDF, whose pages have no text layer, is skipped with the reason.
"""

from __future__ import annotations

import io
import re
from collections import Counter

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
SCANNED = "a scanned PDF without a text layer: run OCR on it (for example ocrmypdf) and read the result"


def read_pdf(raw: bytes, relative: str) -> tuple[list[Draft], list[SkippedFile]]:
    """The article of a text PDF (or a Nexis Uni export's articles), or the file skipped with the reason."""
    try:
        pages = _page_lines(raw)
    except Exception as error:  # noqa: BLE001 - pypdf raises many kinds of error on a damaged or encrypted file
        return [], [SkippedFile(relative, f"cannot read the PDF ({type(error).__name__}: {error}): save it again")]
    if sum(len(line) for page in pages for line in page) < MIN_CHARS_PER_PAGE * max(len(pages), 1):
        return [], [SkippedFile(relative, SCANNED)]
    paragraphs = pdf_paragraphs(pages)
    text = "\n".join(paragraphs)
    if nexis.looks_like_nexis_uni_text(text):
        return nexis.read_nexis_uni_text(text, relative, "pdf")
    blocks = [block for paragraph in paragraphs for block in text_blocks(paragraph)]
    if not blocks:
        return [], [SkippedFile(relative, SCANNED)]
    return [Draft(doc_id=doc_id_for(relative), path=relative, reader=NAME, blocks=blocks)], []


def _page_lines(raw: bytes) -> list[list[str]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(raw))
    return [[line.strip() for line in (page.extract_text() or "").split("\n")] for page in reader.pages]


def pdf_paragraphs(pages: list[list[str]]) -> list[str]:
    """The paragraphs of a document given as the lines of its pages, with what the layout added removed."""
    running = _running_lines(pages)
    lines = []
    for page in pages:
        kept = [line for line in page if line]
        edges = set(range(min(EDGE_LINES, len(kept)))) | set(range(max(len(kept) - EDGE_LINES, 0), len(kept)))
        lines += [line for i, line in enumerate(kept)
                  if not (i in edges and (_shape(line) in running or PAGE_NUMBER.match(line)))]
        lines.append("")  # a paragraph that runs on to the next page is joined back below
    usual = sorted(len(line) for line in lines if line)
    width = usual[int(len(usual) * 0.9)] if usual else 0
    paragraphs, current = [], ""
    for line in lines:
        if not line:
            continue
        current = _join_line(current, line)
        if len(line) < SHORT_LINE * width:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _running_lines(pages: list[list[str]]) -> set[str]:
    """The shapes (digits as ``#``) of the lines at page edges that recur on most pages."""
    if len(pages) < 2:
        return set()
    counts = Counter()
    for page in pages:
        kept = [line for line in page if line]
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
