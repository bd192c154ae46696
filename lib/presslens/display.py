"""Show tables in notebooks: escaped, without the row index, capped in length, with a note when empty."""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML, Markdown

from presslens.corpus import Article

DEFAULT_MAX_ROWS = 50


def show_table(table: pd.DataFrame, *, empty: str = "Nothing to show.", max_rows: int = DEFAULT_MAX_ROWS):
    """A displayable view of ``table``: HTML-escaped cells, no index, at most ``max_rows`` rows.

    An empty table becomes the sentence ``empty``, so a report says what it means instead of
    printing an empty grid.
    """
    if table.empty:
        return Markdown(f"*{empty}*")
    shown = table.head(max_rows)
    caption = f"first {max_rows:,} of {len(table):,} rows" if len(table) > max_rows else None
    text_columns = [c for c in shown.columns if not pd.api.types.is_numeric_dtype(shown[c])]
    styler = shown.style.hide(axis="index").format(escape="html", precision=3, thousands=",", na_rep="")
    styler = styler.set_properties(subset=text_columns, **{"text-align": "left"})
    if caption:
        styler = styler.set_caption(caption)
    return styler


def show_article_header(article: Article) -> HTML:
    """An article's title and facts (date, source, length, file) as an escaped HTML header."""
    facts = [
        ("date", article.date or "not stated"),
        ("source", article.source or "not stated"),
        ("length", f"{article.n_words:,} words, {len(article.paragraph_spans)} paragraphs, {len(article.sentence_spans)} sentences"),
        ("file", article.path),
    ]
    rows = "".join(
        f'<tr><th style="text-align:left">{name}</th><td style="text-align:left">{html.escape(value)}</td></tr>'
        for name, value in facts
    )
    return HTML(
        f'<h2 style="margin-top:0">{html.escape(article.title)}</h2>'
        f'<table style="font-size:14px"><tbody>{rows}</tbody></table>'
    )
