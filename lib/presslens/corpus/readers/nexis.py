"""LexisNexis exports: many articles in one file, from LexisNexis Academic (text, HTML) or Nexis Uni (Word).

LexisNexis Academic starts each article with ``N of M DOCUMENTS``, then a centred header (copyright,
publication, date, edition), the headline, labelled fields (``BYLINE:``, ``SECTION:``, ``LENGTH:``…),
the text, and closing fields (``LOAD-DATE:``, ``LANGUAGE:``…). Nexis Uni's ``.docx`` gives each
article a centred headline, publication and date, ``Label: value`` fields, a ``Body`` heading, the
text, and ends it with ``End of Document``. An article whose header states no date (a correction,
say) is dated by its ``Load-Date``, the day the database received it.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from presslens.corpus.files import doc_id_for
from presslens.corpus.layout import text_blocks
from presslens.corpus.metadata import normalize_date, normalize_language
from presslens.corpus.model import Draft, Removal, SkippedFile

NAME = "nexis"
#: LexisNexis Academic in other interface languages: the article counter and the field labels the German,
#: French and Spanish interfaces print, by the English label each stands for (German and French as
#: LexisNexisTools, the R reader of these exports, recognises them: ``Dokument 1 von 100``, ``LÄNGE:``,
#: ``LONGUEUR:``, ``SPRACHE:``, ``LANGUE:``, ``RUBRIK:``, ``AUTOR:``, ``UPDATE:``, ``GRAFIK:``; Spanish
#: after the same pattern). Month names and dates in these languages are read by :func:`normalize_date`.
INTERFACE_LABELS: dict[str, dict[str, str]] = {
    "de": {"LÄNGE": "LENGTH", "SPRACHE": "LANGUAGE", "RUBRIK": "SECTION", "AUTOR": "BYLINE", "UPDATE": "LOAD-DATE",
           "GRAFIK": "GRAPHIC"},
    "fr": {"LONGUEUR": "LENGTH", "LANGUE": "LANGUAGE", "RUBRIQUE": "SECTION"},
    "es": {"LONGITUD": "LENGTH", "IDIOMA": "LANGUAGE", "SECCIÓN": "SECTION", "AUTOR": "BYLINE"},
}
_ENGLISH_LABEL = {label: english for labels in INTERFACE_LABELS.values() for label, english in labels.items()}
DOCUMENT_COUNTER = re.compile(
    r"^[ \t]*(?:\d+\s+of\s+\d+\s+DOCUMENTS|Dokument\s+\d+\s+von\s+\d+|Documento?\s+\d+\s+de\s+\d+)[ \t\r]*$",
    re.IGNORECASE | re.MULTILINE)
DOCUMENT_COUNTER_HTML = re.compile(
    r">\s*(?:\d+\s+of\s+\d+\s+DOCUMENTS|Dokument\s+\d+\s+von\s+\d+|Documento?\s+\d+\s+de\s+\d+)\s*<", re.IGNORECASE)
_FIELD_LABELS = "|".join(["BYLINE", "SECTION", "LENGTH", "HEADLINE", "DATELINE", "BODY",
                          *(label for label, english in _ENGLISH_LABEL.items() if english in ("LENGTH", "SECTION"))])
FIELD_LINE = re.compile(rf"^(?:{_FIELD_LABELS}):", re.MULTILINE)
FIELD_HTML = re.compile(rf">\s*(?:{_FIELD_LABELS}):")
FIELD = re.compile(r"^(?P<label>[A-ZÀ-ÖØ-Þ]{2,}(?:-[A-ZÀ-ÖØ-Þ]+)*):\s*(?P<value>.*)$", re.DOTALL)
#: Fields between the headline and the text; ``BODY:`` (when present) is the last of them.
BEFORE_TEXT = {"BYLINE", "SECTION", "LENGTH", "HEADLINE", "DATELINE", "HIGHLIGHT", "EDITION", "SERIES", "COLUMN",
               "DISTRIBUTION", "SOURCE", "ABSTRACT", "BODY"}
#: Fields after the text: the first of them ends it.
AFTER_TEXT = {"LOAD-DATE", "LANGUAGE", "PUBLICATION-TYPE", "GRAPHIC", "CORRECTION", "CORRECTION-DATE", "NOTES", "URL",
              "SUBJECT", "ORGANIZATION", "PERSON", "COMPANY", "GEOGRAPHIC", "INDUSTRY", "TICKER", "CITY", "STATE",
              "COUNTRY", "DOCUMENT-TYPE", "JOURNAL-CODE", "TYPE"}
KNOWN_FIELDS = BEFORE_TEXT | AFTER_TEXT
COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\))", re.IGNORECASE)
RIGHTS_RESERVED = re.compile(r"\ball rights reserved\b", re.IGNORECASE)
CENTERED_CLASS = re.compile(r"\.([\w-]+)\s*\{[^}]*text-align:\s*center", re.IGNORECASE)
BY_PREFIX = re.compile(r"^by\s+", re.IGNORECASE)
CORRECTION_APPENDED = re.compile(r"\s+-\s+Correction Appended$")
EDITION_SUFFIX = re.compile(r"\s+-\s+[\w ]*\bedition$", re.IGNORECASE)
WORD_FIELD = re.compile(r"^(?P<label>[A-Z][A-Za-z]*(?:-[A-Za-z]+)*):\xa0(?P<value>.*)$", re.DOTALL)
#: Headings of a Nexis Uni article's parts other than its text.
WORD_HEADINGS = {"Body", "Graphic", "Classification", "Correction", "Related Articles", "Notes"}
CONTENT_ITEM = re.compile(r"urn:contentItem:(?P<id>[\w-]+)")
BARE_URL = re.compile(r"^https?://\S+$")
UNI_END = re.compile(r"^[ \t]*End of Document[ \t]*$", re.MULTILINE)
UNI_BODY = re.compile(r"^[ \t]*Body[ \t]*$", re.MULTILINE)
#: Nexis Uni's fields, between the header and the ``Body`` heading (and ``Load-Date`` after the text).
UNI_FIELD = re.compile(r"^(?P<label>Section|Length|Byline|Highlight|Dateline|Load-Date|Edition|Series|Column):"
                       r"[\s\xa0]*(?P<value>.*)$")
UNI_AFTER_TEXT = {"load-date"}
DAMAGED = "no article text after its header: export this article again from LexisNexis"
NOT_NEXIS_WORD = "a Word document that is not a Nexis export: save each article as .txt"
NO_ARTICLE = "no LexisNexis article found: export the articles again from LexisNexis"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of an export: its text, whether it is centred (a header line) and, in a Word export,
    its role — ``label`` (a bold ``Label:`` and its value), ``heading`` (Body, Graphic…) or ``text`` — and
    the Nexis document its link points to."""

    text: str
    centered: bool
    role: str = "text"
    content_id: str = ""


def looks_like_nexis_text(text: str) -> bool:
    """Whether text is a LexisNexis Academic text export (``N of M DOCUMENTS`` lines and labelled fields)."""
    return bool(DOCUMENT_COUNTER.search(text, 0, 20000) and FIELD_LINE.search(text, 0, 20000))


def looks_like_nexis_html(text: str) -> bool:
    """Whether text is a LexisNexis Academic HTML export."""
    return bool(DOCUMENT_COUNTER_HTML.search(text, 0, 20000) and FIELD_HTML.search(text, 0, 20000))


def read_nexis_text(text: str, relative: str, encoding: str) -> tuple[list[Draft], list[SkippedFile]]:
    """The articles of a LexisNexis Academic text export; an article without text is skipped."""
    documents = DOCUMENT_COUNTER.split(text.replace("\r\n", "\n").replace("\r", "\n"))[1:]  # [0]: the preamble
    return _read_documents([_text_items(document) for document in documents], relative, encoding)


def read_nexis_html(text: str, relative: str, encoding: str) -> tuple[list[Draft], list[SkippedFile]]:
    """The articles of a LexisNexis Academic HTML export; an article without text is skipped."""
    from lxml import etree, html  # imported on first use, like the other HTML readers

    try:
        page = html.fromstring(text.encode("utf-8", "replace"), parser=html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as error:
        return [], [SkippedFile(relative, f"unreadable HTML ({error}): export the articles again from LexisNexis")]
    centered_classes = {name for style in page.iter("style") for name in CENTERED_CLASS.findall(style.text or "")}
    for line_break in page.iter("br"):
        line_break.tail = "\n" + (line_break.tail or "")
    documents: list[list[Paragraph]] = []
    for paragraph in page.iter("p"):
        content = paragraph.text_content().strip()
        if DOCUMENT_COUNTER.fullmatch(content):
            documents.append([])
        elif content and documents:
            documents[-1].append(Paragraph(content, _is_centered(paragraph, centered_classes)))
    return _read_documents(documents, relative, encoding)


def read_nexis_docx(raw: bytes, relative: str) -> tuple[list[Draft], list[SkippedFile]]:
    """The articles of a Nexis Uni Word export; an article without a ``Body`` is skipped with the reason."""
    try:
        import docx

        document = docx.Document(io.BytesIO(raw))
    except Exception as error:  # python-docx raises many kinds of error (zip, XML, enum values) on a damaged file
        return [], [SkippedFile(relative, f"cannot open the Word document ({error}): save it again as .docx")]
    return read_nexis_word(document.paragraphs, relative)


def is_nexis_word(lines: list[str]) -> bool:
    """Whether the paragraphs of a document are a Nexis Uni export's (each article ends with ``End of Document``)."""
    return any(line.strip() == "End of Document" for line in lines)


def read_nexis_word(word_paragraphs: list, relative: str) -> tuple[list[Draft], list[SkippedFile]]:
    """The articles of a Nexis Uni Word export, given as its python-docx paragraphs."""
    try:
        paragraphs = _word_paragraphs(word_paragraphs)
    except Exception as error:  # noqa: BLE001 - python-docx reads styles lazily and raises on damaged values
        return [], [SkippedFile(relative, f"cannot read the Word document ({error}): save it again as .docx")]
    ends = [i for i, paragraph in enumerate(paragraphs) if paragraph.text.strip() == "End of Document"]
    if not ends:
        return [], [SkippedFile(relative, NOT_NEXIS_WORD)]
    bounds = enumerate(zip([0] + [i + 1 for i in ends], ends), start=1)
    return _collect([_word_article(paragraphs[start:end], relative, position) for position, (start, end) in bounds],
                    relative)


def _text_items(document: str) -> list[Paragraph]:
    """The paragraphs of one article of a text export: blocks between blank lines, wrapped lines joined;
    a block indented on every line is centred (a header line) and its lines stay apart."""
    items = []
    for block in re.split(r"\n[ \t]*\n", document):
        lines = [line.expandtabs() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        centered = all(len(line) - len(line.lstrip()) >= 4 for line in lines)
        items.append(Paragraph(("\n" if centered else " ").join(line.strip() for line in lines), centered))
    return items


def _is_centered(element, centered_classes: set[str]) -> bool:
    """Whether an HTML element, or one around it, is centred by its class, ``align`` or ``style``."""
    for node in [element, *element.iterancestors()]:
        classes = set((node.get("class") or "").split())
        style = (node.get("style") or "").replace(" ", "").lower()
        if classes & centered_classes or (node.get("align") or "").lower() == "center" or "text-align:center" in style:
            return True
    return False


def _read_documents(documents: list[list[Paragraph]], relative: str, encoding: str):
    """The drafts of a LexisNexis Academic export's articles (each given as its paragraphs)."""
    if not documents:
        return [], [SkippedFile(relative, NO_ARTICLE)]
    return _collect([_academic_article(items, relative, position, encoding)
                     for position, items in enumerate(documents, start=1)], relative)


def _collect(articles: list[Draft | str], relative: str) -> tuple[list[Draft], list[SkippedFile]]:
    """The drafts of the readable articles, and the others skipped with why (by their position in the file)."""
    drafts = [article for article in articles if isinstance(article, Draft)]
    skipped = [SkippedFile(f"{relative} (article {position})", article)
               for position, article in enumerate(articles, start=1) if isinstance(article, str)]
    return drafts, skipped


def _academic_article(items: list[Paragraph], relative: str, position: int, encoding: str) -> Draft | str:
    """The draft of one LexisNexis Academic article, or why it cannot be read."""
    header_size = next((i for i, item in enumerate(items) if not item.centered), len(items))
    draft = _new_draft(relative, position, encoding)
    _read_header([line for item in items[:header_size] for line in item.text.split("\n")], draft)
    rest, fields = items[header_size:], {}
    start = 1 if rest and not _field(rest[0]) else 0
    draft.title = _line(rest[0].text) if start else ""
    while start < len(rest) and (field := _field(rest[start])) and field[0] in BEFORE_TEXT:
        fields[field[0]], start = field[1], start + 1
        if field[0] == "BODY":
            break
    end = next((i for i in range(start, len(rest)) if (_field(rest[i]) or ("",))[0] in AFTER_TEXT), len(rest))
    while end > start and rest[end - 1].centered:
        end -= 1
    fields.update(field for item in rest[end:] if (field := _field(item)))
    draft.removed += [Removal("export field", _line(item.text)) for item in rest[end:] if COPYRIGHT.match(item.text)]
    draft.blocks = [block for item in rest[start:end] for block in text_blocks(item.text)]
    if not draft.blocks:
        return DAMAGED
    draft.title = draft.title or _line(fields.get("HEADLINE", ""))
    draft.byline, draft.section = _byline(fields.get("BYLINE", "")), _line(fields.get("SECTION", ""))
    draft.url = _line(fields.get("URL", ""))
    draft.date = draft.date or normalize_date(fields.get("LOAD-DATE", ""))
    draft.language = normalize_language(fields.get("LANGUAGE", ""))
    return draft


def _read_header(lines: list[str], draft: Draft) -> None:
    """Source and date from the centred header lines; a copyright notice (up to its
    ``All Rights Reserved``) is recorded as removed."""
    entries = []
    lines = [line.strip() for line in lines if line.strip()]
    while lines:
        entry = lines.pop(0)
        reserved = next((i for i, line in enumerate(lines) if RIGHTS_RESERVED.search(line)), None)
        if COPYRIGHT.match(entry) and not RIGHTS_RESERVED.search(entry) and reserved is not None:
            entry = " ".join([entry, *lines[: reserved + 1]])
            del lines[: reserved + 1]
        if COPYRIGHT.match(entry) or RIGHTS_RESERVED.fullmatch(entry):
            draft.removed.append(Removal("export field", _line(entry)))
        else:
            entries.append(_line(entry))
    dated = next((i for i, entry in enumerate(entries) if normalize_date(entry)), None)
    draft.date = normalize_date(entries[dated]) if dated is not None else ""
    draft.source = entries[0] if entries and dated != 0 else ""


def _word_paragraphs(paragraphs) -> list[Paragraph]:
    """What the reader needs of each paragraph of a Word document, read once."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    records = []
    for paragraph in paragraphs:
        text, centered = paragraph.text, paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        label = WORD_FIELD.match(text.strip()) and _bold(paragraph, whole=False)
        heading = text.strip() in WORD_HEADINGS and _bold(paragraph, whole=True)
        role = "label" if label else "heading" if heading else "text"
        links = (CONTENT_ITEM.search(link.address or "") for link in (paragraph.hyperlinks if centered else []))
        records.append(Paragraph(text, centered, role, next((m.group("id") for m in links if m), "")))
    return records


def _bold(paragraph, whole: bool) -> bool:
    """Whether a Word paragraph's first visible run (or, ``whole``, every one) is bold: a label or heading."""
    visible = [run for run in paragraph.runs if run.text.strip()]
    return bool(visible) and all(run.bold for run in (visible if whole else visible[:1]))


def _word_article(paragraphs: list[Paragraph], relative: str, position: int) -> Draft | str:
    """The draft of one Nexis Uni article (its paragraphs up to ``End of Document``), or why it cannot be read."""
    lines = [paragraph.text.strip() for paragraph in paragraphs]
    first = next((i for i, line in enumerate(lines) if line and paragraphs[i].centered), None)
    if first is None:
        return "no headline (a centred first line) for this article: export it again from Nexis Uni"
    header_end = next((i for i in range(first, len(lines)) if lines[i] and not paragraphs[i].centered), len(lines))
    header = [_line(line) for line in lines[first:header_end] if line]
    draft = _new_draft(relative, position, "utf-8")
    draft.title, draft.document_id = CORRECTION_APPENDED.sub("", header[0]), paragraphs[first].content_id
    draft.date = next((date for entry in header[1:] if (date := normalize_date(entry))), "")
    source = next((entry for entry in header[1:] if not normalize_date(entry) and not entry.startswith("(")), "")
    draft.source = EDITION_SUFFIX.sub("", source)
    fields, part = {}, "header"
    for paragraph, line in zip(paragraphs[header_end:], lines[header_end:]):
        if paragraph.role == "label":
            label = WORD_FIELD.match(line)
            fields.setdefault(label.group("label").lower(), _line(label.group("value")))
            part = "after body" if part == "body" else part
        elif paragraph.role == "heading":
            part = "body" if line == "Body" and part == "header" else "after body"
        elif part == "body" and line:
            draft.blocks.extend(text_blocks(paragraph.text))
        elif part == "header" and COPYRIGHT.match(line):
            draft.removed.append(Removal("export field", _line(line)))
    return _finished_uni_draft(draft, fields)


def _finished_uni_draft(draft: Draft, fields: dict[str, str]) -> Draft | str:
    """A Nexis Uni article's draft once its body is read: a closing bare address is its URL, the fields give
    byline, section and (when the header had none) the load date; the reason it is no article when no
    body text was found."""
    if draft.blocks and BARE_URL.match(draft.blocks[-1]):
        draft.url = draft.blocks.pop()
    if not draft.blocks:
        return "no text under the article's Body heading: export it again from Nexis Uni"
    draft.byline, draft.section = _byline(fields.get("byline", "")), fields.get("section", "")
    draft.date = draft.date or normalize_date(fields.get("load-date", ""))
    return draft


def _new_draft(relative: str, position: int, encoding: str) -> Draft:
    """An empty draft of the article at ``position`` in the file."""
    doc_id = f"{doc_id_for(relative)}#{position:03d}"
    return Draft(doc_id=doc_id, path=relative, reader=NAME, blocks=[], encoding=encoding)


def _field(item: Paragraph) -> tuple[str, str] | None:
    """(label, value) of a known labelled field such as ``LENGTH: 239 words``, else None."""
    match = None if item.centered else FIELD.match(item.text)
    label = _ENGLISH_LABEL.get(match.group("label"), match.group("label")) if match else ""
    return (label, match.group("value")) if label in KNOWN_FIELDS else None


def _line(text: str) -> str:
    """Text as one normalised line."""
    return " ".join(text_blocks(text))


def _byline(value: str) -> str:
    """A byline without its leading ``By`` and trailing punctuation."""
    return BY_PREFIX.sub("", _line(value)).rstrip(" .;,")


def looks_like_nexis_uni_text(text: str) -> bool:
    """Whether text is a Nexis Uni export as plain text (its RTF or PDF): ``Body`` headings and ``End of Document``."""
    return bool(UNI_END.search(text) and UNI_BODY.search(text))


def is_uni_marker(line: str) -> bool:
    """Whether a line is one of the marks of a Nexis Uni export's structure: ``Body``, a heading such as
    ``Graphic``, a ``Label: value`` field, ``End of Document``."""
    line = line.strip()
    return line in WORD_HEADINGS or bool(UNI_END.match(line) or UNI_FIELD.match(line))


def read_nexis_uni_text(text: str, relative: str, encoding: str) -> tuple[list[Draft], list[SkippedFile]]:
    """The articles of a Nexis Uni export as plain text, a line per paragraph (an RTF's or a PDF's text).

    Without the Word file's centring and bold, an article's header is read from its order: the
    headline, the publication and the date stand right before the first ``Label: value`` field.
    """
    chunks = UNI_END.split(text.replace("\r\n", "\n").replace("\r", "\n"))[:-1]
    lines = [[line.strip() for line in chunk.split("\n") if line.strip()] for chunk in chunks]
    return _collect([_uni_text_article(chunk, relative, position, encoding)
                     for position, chunk in enumerate(lines, start=1)], relative)


def _uni_text_article(lines: list[str], relative: str, position: int, encoding: str) -> Draft | str:
    """The draft of one Nexis Uni article of a plain-text export (its lines up to ``End of Document``)."""
    body = next((i for i, line in enumerate(lines) if line == "Body"), None)
    if body is None:
        return "no Body heading in this article: export it again from Nexis Uni"
    fields_at = next((i for i, line in enumerate(lines[:body]) if _uni_field(line)), body)
    draft = _new_draft(relative, position, encoding)
    header = []
    for line in lines[:fields_at]:
        if COPYRIGHT.match(line):
            draft.removed.append(Removal("export field", line))
        else:
            header.append(line)
    dated = next((i for i in range(len(header) - 1, -1, -1) if normalize_date(header[i])), None)
    if dated is not None:
        draft.date = normalize_date(header[dated])
        draft.source = EDITION_SUFFIX.sub("", _line(header[dated - 1])) if dated >= 2 else ""
        # a headline wrapped over several lines fills the header after the previous article; the first
        # article's header follows the export's cover, so only its last line before the source is sure
        headline = header[:dated - 1] if position > 1 else header[max(dated - 2, 0):max(dated - 1, 1)]
        draft.title = CORRECTION_APPENDED.sub("", _line(" ".join(headline)))
    fields = dict(field for line in lines[fields_at:body] if (field := _uni_field(line)))
    for line in lines[body + 1:]:
        if line in WORD_HEADINGS or (_uni_field(line) or ("",))[0] in UNI_AFTER_TEXT:
            fields.update([field] if (field := _uni_field(line)) else [])
            break
        draft.blocks.extend(text_blocks(line))
    return _finished_uni_draft(draft, fields)


def _uni_field(line: str) -> tuple[str, str] | None:
    """(label, value) of a Nexis Uni field line such as ``Length: 1238 words``, else None."""
    match = UNI_FIELD.match(line)
    return (match.group("label").lower(), _line(match.group("value"))) if match else None
