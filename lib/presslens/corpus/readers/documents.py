"""Word-processor documents (``.docx``, ``.odt``, ``.rtf``): one article per file, or a Nexis export's articles.

A document that is not a news-database export is one article: its title is its first heading (or,
without headings, its first line), and the lines near the top — a byline, a date, a source — are read
as in a ``.txt`` file. A Nexis Uni export saved as Word or RTF is split into its articles
(:mod:`.nexis`). ``.docx`` and ``.odt`` files are zip archives of XML parts: their parts are checked
against the :class:`~presslens.corpus.limits.Limits` before a library opens them.
"""

from __future__ import annotations

import io
from pathlib import Path

from presslens.corpus.files import doc_id_for, file_suffix
from presslens.corpus.layout import text_blocks
from presslens.corpus.limits import LimitExceeded, Limits, check_zip_parts
from presslens.corpus.model import Draft, SkippedFile
from presslens.corpus.readers import nexis

NAME = "document"
SUFFIXES = {".docx", ".odt", ".rtf"}
#: Paragraph styles of a title or heading, in Word and in OpenDocument.
HEADING_STYLES = ("title", "heading", "überschrift", "titre", "título", "заголовок")


def read_document(raw: bytes, relative: str, *, limits: Limits) -> tuple[list[Draft], list[SkippedFile]]:
    """The article (or a Nexis export's articles) of a ``.docx``, ``.odt`` or ``.rtf`` file."""
    suffix = file_suffix(Path(relative))
    try:
        if suffix in (".docx", ".odt"):
            check_zip_parts(raw, limits)
        if suffix == ".docx":
            import docx

            word = docx.Document(io.BytesIO(raw))
            if nexis.is_nexis_word([paragraph.text for paragraph in word.paragraphs]):
                return nexis.read_nexis_word(word.paragraphs, relative)
            paragraphs = [(paragraph.text, _is_heading(paragraph.style.name if paragraph.style else ""))
                          for paragraph in word.paragraphs]
        elif suffix == ".odt":
            paragraphs = _odt_paragraphs(raw)
        else:
            text = _rtf_text(raw)
            if nexis.looks_like_nexis_uni_text(text):
                return nexis.read_nexis_uni_text(text, relative, "rtf")
            paragraphs = [(line, False) for line in text.split("\n")]
    except LimitExceeded:
        raise
    except Exception as error:  # noqa: BLE001 - the document libraries raise many kinds of error on a damaged file
        return [], [SkippedFile(relative, f"cannot open the document ({type(error).__name__}: {error}): save it again")]
    return document_article(paragraphs, relative, NAME)


def document_article(paragraphs: list[tuple[str, bool]], relative: str, reader: str) -> tuple[list[Draft], list[SkippedFile]]:
    """The one article of a document given as (text, is a heading) paragraphs: its first heading the title."""
    first = next((i for i, (text, is_heading) in enumerate(paragraphs) if is_heading and text.strip()), None)
    title = paragraphs[first][0].strip() if first is not None else ""
    blocks = [block for i, (text, _) in enumerate(paragraphs) if i != first for block in text_blocks(text)]
    if not blocks:
        return [], [SkippedFile(relative, "no text in the document")]
    return [Draft(doc_id=doc_id_for(relative), path=relative, reader=reader, blocks=blocks, title=title)], []


def _is_heading(style: str) -> bool:
    return style.casefold().startswith(HEADING_STYLES)


def _odt_paragraphs(raw: bytes) -> list[tuple[str, bool]]:
    """The paragraphs and headings of an OpenDocument text, in order (lists and sections included)."""
    from odf import teletype
    from odf.opendocument import load
    from odf.namespaces import TEXTNS

    paragraphs = []

    def walk(node) -> None:
        for child in node.childNodes:
            if child.qname in ((TEXTNS, "p"), (TEXTNS, "h")):
                paragraphs.append((teletype.extractText(child), child.qname == (TEXTNS, "h")))
            elif child.nodeType == child.ELEMENT_NODE:
                walk(child)

    walk(load(io.BytesIO(raw)).text)
    return paragraphs


def _rtf_text(raw: bytes) -> str:
    """The plain text of an RTF document, a line per paragraph (its ``\\ansicpg`` code page honoured)."""
    from striprtf.striprtf import rtf_to_text

    text = raw.decode("latin-1")
    page = text.find("\\ansicpg")
    code_page = "".join(ch for ch in text[page + 8: page + 13] if ch.isdigit()) if page >= 0 else ""
    return rtf_to_text(text, encoding=f"cp{code_page}" if code_page else "cp1252", errors="replace")
