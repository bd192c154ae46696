"""Saved web pages: the article's main text and metadata, extracted with trafilatura."""

from __future__ import annotations

import re

from presslens.corpus.files import doc_id_for
from presslens.corpus.layout import text_blocks
from presslens.corpus.model import Draft, Removal, SkippedFile, count_words

NAME = "html"
_HTML = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype html|<html[\s>])", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"</?(?:p|div|span|a|br|body|head|script|style|meta|li|td|table)\b[^>]*>", re.IGNORECASE)
#: Fewer words than this is a page without an article (an index, a video, an error page).
MIN_ARTICLE_WORDS = 15
#: Publication dates only as the page states them (metadata, markup), never guessed from its text.
_DATE_OPTIONS = {"extensive_search": False, "original_date": True}


def looks_like_html(text: str) -> bool:
    """Whether text is an HTML page (a doctype or ``<html>`` first, or markup throughout)."""
    return bool(_HTML.match(text[:4000])) or len(_TAGS.findall(text[:20000])) > 20


def read_html(text: str, relative: str, encoding: str) -> tuple[list[Draft], list[SkippedFile]]:
    """The article of a web page, or the page skipped with the reason."""
    import trafilatura  # imported on first use: a corpus without web pages never pays for it

    document = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False, date_extraction_params=_DATE_OPTIONS
    )
    body = (document.text or "") if document is not None else ""
    blocks = text_blocks(body)
    if count_words(body) < MIN_ARTICLE_WORDS:
        return [], [SkippedFile(relative, "no article text found in the page: if it is an article, save its text as .txt")]
    title = (document.title or "").strip()
    removed = []
    if title and blocks[0].casefold() == title.casefold() and len(blocks) > 1:
        removed.append(Removal("headline repeated", blocks.pop(0)))
    draft = Draft(
        doc_id=doc_id_for(relative),
        path=relative, reader=NAME, blocks=blocks, title=title, date=document.date or "",
        source=document.sitename or document.hostname or "", byline=document.author or "", url=document.url or "",
        section=", ".join(document.categories or []), encoding=encoding, removed=removed,
    )
    return [draft], []
