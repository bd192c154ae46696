"""Factiva exports: many articles in one file, as text with field codes or as the HTML article view.

The text export gives each field a code on a line of its own (``HD`` headline, ``BY`` byline, ``PD``
date, ``SN`` source, ``LP`` and ``TD`` the text, ``AN`` the document id…), its value on the lines
below. The HTML view gives each article a ``<div class="article">`` with the headline, a row of
metadata ``<div>``\\ s, ``<p class="articleParagraph">`` paragraphs and a final ``Document …`` id.
"""

from __future__ import annotations

import re

from presslens.corpus.files import doc_id_for
from presslens.corpus.layout import WHITESPACE, text_blocks
from presslens.corpus.metadata import TIME_OF_DAY, language_name, normalize_date, normalize_language
from presslens.corpus.model import Draft, Removal, SkippedFile

NAME = "factiva"
#: Factiva's field codes; a line holding only one of them starts that field.
FIELD_CODES = {
    "SE", "HD", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "VOL", "LA", "CY", "LP", "TD", "CT", "RF",
    "ART", "CLM", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN",
}
#: Fields whose value is the one line below the code, whatever it looks like (a source code may read ``PR``).
ONE_LINE_FIELDS = {"WC", "PD", "ET", "SN", "SC", "ED", "PG", "VOL", "LA", "AN"}
TEXT_FIELDS = ("LP", "TD")
SIGNATURE_CODES = {"HD", "WC", "PD", "SN", "SC", "LA", "LP", "AN"}
CODE_LINE = re.compile(r"^[ \t]*([A-Z]{2,3})[ \t\r]*$", re.MULTILINE)
DOCUMENT_ID = re.compile(r"^Document\s+(?P<id>\w+)$")
COPYRIGHT = re.compile(r"^(?:\(c\)|©|copyright\b).{0,200}$", re.IGNORECASE)
COPYRIGHT_DETAIL = re.compile(r"\b(?:19|20)\d\d\b|rights reserved", re.IGNORECASE)
BY_PREFIX = re.compile(r"^by\s+", re.IGNORECASE)
FACTIVA_PAGE = re.compile(r"<title>\s*Factiva\s*</title>|class=\"[^\"]*\b(?:enHeadline|articleParagraph)\b",
                          re.IGNORECASE)
ARTICLE_DIVS = (
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' article ')]"
    "[not(.//div[contains(concat(' ', normalize-space(@class), ' '), ' article ')])]"
)
DAMAGED = "the export holds no text for this article: export it again from Factiva"


def looks_like_factiva_text(text: str) -> bool:
    """Whether text is a Factiva text export: several of its field codes standing on lines of their own."""
    codes = set(CODE_LINE.findall(text[:20000]))
    return "HD" in codes and len(codes & SIGNATURE_CODES) >= 4


def looks_like_factiva_html(text: str) -> bool:
    """Whether text is a page saved from Factiva (its title or its article markup)."""
    return bool(FACTIVA_PAGE.search(text[:20000]))


def read_factiva_text(text: str, relative: str, encoding: str) -> tuple[list[Draft], list[SkippedFile]]:
    """The articles of a Factiva text export; an article without text is skipped with the reason."""
    drafts, skipped = [], []
    for position, fields in enumerate(_text_records(text), start=1):
        blocks = [block for field in TEXT_FIELDS for block in text_blocks("\n".join(fields.get(field, [])))]
        draft = _draft(relative, position, encoding, blocks, _one_line(fields.get("HD")))
        if not draft.blocks:
            skipped.append(SkippedFile(f"{relative} (article {position})", DAMAGED))
            continue
        draft.date = normalize_date(_one_line(fields.get("PD")))
        draft.source = _one_line(fields.get("SN"))
        draft.byline = _byline(_one_line(fields.get("BY")))
        draft.section = _one_line(fields.get("SE"))
        draft.language = normalize_language(_one_line(fields.get("LA")))
        id_match = DOCUMENT_ID.match(_one_line(fields.get("AN")))
        draft.document_id = id_match.group("id") if id_match else ""
        if fields.get("CY"):
            draft.removed.insert(0, Removal("export field", _one_line(fields["CY"])))
        drafts.append(draft)
    if not drafts and not skipped:
        skipped.append(SkippedFile(relative, "no Factiva article found: export the articles again as text"))
    return drafts, skipped


def read_factiva_html(text: str, relative: str, encoding: str) -> tuple[list[Draft], list[SkippedFile]]:
    """The articles of a page saved from Factiva's article view; an article without text is skipped."""
    from lxml import etree, html  # imported on first use, like the other HTML readers

    try:
        page = html.fromstring(text.encode("utf-8", "replace"), parser=html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as error:
        return [], [SkippedFile(relative, f"unreadable HTML ({error}): save the Factiva page again")]
    drafts, skipped = [], []
    for position, article in enumerate(page.xpath(ARTICLE_DIVS), start=1):
        paragraphs = article.xpath(".//p[contains(concat(' ', normalize-space(@class), ' '), ' articleParagraph ')]")
        blocks = [block for paragraph in paragraphs for block in text_blocks(paragraph.text_content())]
        headline = article.xpath(".//*[@id='hd'] | .//*[contains(@class, 'enHeadline')]")
        title = _one_line([headline[0].text_content()]) if headline else ""
        draft = _draft(relative, position, encoding, blocks, title)
        if not draft.blocks:
            skipped.append(SkippedFile(f"{relative} (article {position})", DAMAGED))
            continue
        _read_metadata_divs(article, draft)
        ids = [DOCUMENT_ID.match(_one_line([p.text_content()])) for p in article.xpath(".//p[not(@class)]")]
        draft.document_id = next((match.group("id") for match in ids if match), "")
        drafts.append(draft)
    if not drafts and not skipped:
        skipped.append(SkippedFile(relative, "no article found in the Factiva page: save the articles' full-text view"))
    return drafts, skipped


def _text_records(text: str) -> list[dict[str, list[str]]]:
    """The fields (code -> value lines) of each article of a text export, in order.

    An article ends with its ``AN`` line; a code that the article already has starts the next one.
    """
    records: list[dict[str, list[str]]] = []
    fields: dict[str, list[str]] = {}
    code = ""
    for line in text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n"):
        stripped = line.strip()
        awaiting_value = code in ONE_LINE_FIELDS and not fields[code]
        if stripped in FIELD_CODES and not awaiting_value:
            if stripped in fields:
                records.append(fields)
                fields = {}
            code = stripped
            fields[code] = []
        elif code and (stripped or not awaiting_value):
            fields[code].append(line)
            if code == "AN":
                records.append(fields)
                fields, code = {}, ""
    if any(field in fields for field in ("HD", *TEXT_FIELDS)):
        records.append(fields)
    return records


def _draft(relative: str, position: int, encoding: str, blocks: list[str], title: str) -> Draft:
    """A draft of the article at ``position``, its copyright notices moved out of the text."""
    draft = Draft(doc_id=f"{doc_id_for(relative)}#{position:03d}", path=relative, reader=NAME, blocks=[],
                  title=title, encoding=encoding)
    for block in blocks:
        if COPYRIGHT.match(block) and COPYRIGHT_DETAIL.search(block):
            draft.removed.append(Removal("export field", block))
        else:
            draft.blocks.append(block)
    return draft


def _read_metadata_divs(article, draft: Draft) -> None:
    """Section, byline, date, source and copyright from the ``<div>``\\ s around the headline."""
    section, after_headline, headline_seen = "", [], False
    for div in article.xpath("./div"):
        value = _one_line([div.text_content()])
        if div.get("id") == "hd":
            headline_seen = True
        elif "author" in (div.get("class") or ""):
            draft.byline = _byline(value)
        elif headline_seen:
            after_headline.append(value)
        elif value:
            section = value
    draft.section = section
    draft.language = next((code for value in after_headline if (code := language_name(value))), "")
    dates = [i for i, value in enumerate(after_headline) if len(value) < 40 and normalize_date(value)]
    if dates:
        draft.date = normalize_date(after_headline[dates[0]])
        following = [value for value in after_headline[dates[0] + 1:] if value and not TIME_OF_DAY.match(value)]
        draft.source = following[0] if following else ""
    draft.removed.extend(Removal("export field", value) for value in after_headline if COPYRIGHT.match(value))


def _one_line(lines: list[str] | None) -> str:
    """The lines of a field value as one whitespace-normalised line."""
    return WHITESPACE.sub(" ", " ".join(line.strip() for line in lines or [] if line.strip())).strip()


def _byline(value: str) -> str:
    """A byline without its leading ``By`` and trailing full stop."""
    return BY_PREFIX.sub("", value).rstrip(" .;,")
