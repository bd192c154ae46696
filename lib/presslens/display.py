"""Every piece of HTML that presslens shows in a notebook, built in one place.

Article text is hostile input: every piece of it is HTML-escaped here, so markup in an article shows
as text and never runs. Every output also goes through :func:`html_output`, which marks it
``mathjax_ignore`` (JupyterLab 4, MathJax 3) and ``tex2jax_ignore`` (classic Notebook, MathJax 2):
without it, MathJax reads "rose to $70.2 billion … reached $970 million" as a formula and prints
the words between the dollars in italics. The wrapper also carries its own CSS, so long text cells
wrap and a table keeps to the width of the output area wherever the output is shown — in JupyterLab,
in the classic Notebook, in a report page. Text wraps at spaces, never inside a word: a table too wide for
the output area (long ids, paths, links) scrolls sideways in its own box.

- :func:`table_html` / :func:`show_table` — a DataFrame as an escaped table, capped in length;
- :func:`header_html` / :func:`show_article_header` — an article's title and facts;
- :func:`evidence_html` — the theme evidence of :func:`presslens.themes.evidence_sentences`;
- :func:`markdown_html` and :class:`Note` — a short Markdown message as HTML.
"""

from __future__ import annotations

import html
from collections.abc import Iterable

import mistune  # the Markdown renderer of nbconvert, a dependency of presslens
import pandas as pd
from IPython.display import HTML, Markdown

from presslens.corpus import Article

DEFAULT_MAX_ROWS = 50
#: Classes of the element around every output: MathJax leaves text inside it as written.
OUTPUT_CLASSES = "presslens-output mathjax_ignore tex2jax_ignore"
#: CSS scoped to the wrapper: text wraps at spaces and never inside a word; a cell of one word (an id, a
#: path, a link, a number) stays on one line; a table wider than the output area scrolls in its own box.
OUTPUT_CSS = (
    ".presslens-output { overflow-wrap: normal; word-break: normal; }"
    ".presslens-output .presslens-scroll { max-width: 100%; overflow-x: auto; }"
    ".presslens-output .presslens-table { max-width: none; }"
    ".presslens-output .presslens-table th, .presslens-output .presslens-table td"
    " { vertical-align: top; overflow-wrap: normal; word-break: normal; }"
    ".presslens-output .presslens-table .text { text-align: left; }"
    ".presslens-output .presslens-table .number { text-align: right; white-space: nowrap; }"
    ".presslens-output .presslens-table td.text { white-space: normal; min-width: 10em; max-width: 40em; }"
    ".presslens-output .presslens-table td.word { white-space: nowrap; min-width: 0; max-width: none; }"
    ".presslens-output .presslens-table caption { text-align: left; font-style: italic; }"
)

_render_markdown = mistune.create_markdown(escape=True)


def html_output(inner_html: str) -> str:
    """``inner_html`` inside the wrapper every presslens output uses: MathJax ignores it, its CSS comes along."""
    return f'<div class="{OUTPUT_CLASSES}"><style>{OUTPUT_CSS}</style>{inner_html}</div>'


def markdown_html(markdown: str) -> str:
    """A Markdown message as wrapped HTML; raw HTML in it is escaped, harmful links removed."""
    return html_output(_render_markdown(markdown))


class Note(Markdown):
    """A short Markdown message that Jupyter shows as HTML through :func:`html_output`.

    A Markdown output is typeset by MathJax like an HTML one; the notebook front ends prefer the
    ``text/html`` of the bundle, and the Markdown stays for the front ends that only read Markdown.
    """

    def _repr_html_(self) -> str:
        return markdown_html(self.data)

    def __repr__(self) -> str:
        return self.data


def table_html(table: pd.DataFrame, *, empty: str = "Nothing to show.", max_rows: int = DEFAULT_MAX_ROWS) -> str:
    """``table`` as wrapped HTML: escaped cells and headers, no index, at most ``max_rows`` rows.

    Text columns are left-aligned and wrap at spaces; a text cell of one word (an id, a path, a link)
    stays on one line, and a table too wide for the output area scrolls sideways. Numbers are
    right-aligned, with thousands separators and three decimals for fractions; missing values are
    blank. A caption says when rows were left out.
    An empty table becomes the sentence ``empty``, so a report says what it means instead of
    printing an empty grid.
    """
    if table.empty:
        return html_output(f"<p><em>{html.escape(empty)}</em></p>")
    shown = table.head(max_rows)
    kinds = ["number" if pd.api.types.is_numeric_dtype(dtype) else "text" for dtype in shown.dtypes]
    header = "".join(f'<th class="{kind}">{html.escape(str(name))}</th>' for name, kind in zip(shown.columns, kinds))
    rows = "".join(_row_html(values, kinds) for values in shown.itertuples(index=False, name=None))
    caption = f"<caption>first {max_rows:,} of {len(table):,} rows</caption>" if len(table) > max_rows else ""
    return html_output(
        f'<div class="presslens-scroll"><table class="presslens-table">{caption}<thead><tr>{header}</tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def _row_html(values: tuple, kinds: list[str]) -> str:
    """One table row: each value as escaped text, in a cell of its column's kind (``text`` or ``number``);
    a text cell without a space is also a ``word``, kept on one line."""
    cells = []
    for value, kind in zip(values, kinds):
        text = _cell_text(value)
        classes = "text word" if kind == "text" and not any(char.isspace() for char in text) else kind
        cells.append(f'<td class="{classes}">{html.escape(text)}</td>')
    return f"<tr>{''.join(cells)}</tr>"


def _cell_text(value) -> str:
    """A cell as text: integers with thousands separators, fractions with three decimals, missing values blank."""
    if pd.api.types.is_scalar(value) and pd.isna(value):
        return ""
    if pd.api.types.is_integer(value):
        return f"{value:,}"
    if pd.api.types.is_float(value):
        return f"{value:,.3f}"
    return str(value)


def show_table(table: pd.DataFrame, *, empty: str = "Nothing to show.", max_rows: int = DEFAULT_MAX_ROWS) -> HTML:
    """A displayable view of ``table``: see :func:`table_html`."""
    return HTML(table_html(table, empty=empty, max_rows=max_rows))


def header_html(article: Article) -> str:
    """An article's title and facts (date, source, length, file) as a wrapped, escaped HTML header."""
    facts = [
        ("date", article.date or "not stated"),
        ("source", article.source or "not stated"),
        ("length", f"{article.n_words:,} words, {len(article.paragraph_spans)} paragraphs, {len(article.sentence_spans)} sentences"),
        ("file", article.path),
    ]
    rows = "".join(
        f'<tr><th style="text-align:left">{name}</th><td style="text-align:left">{html.escape(str(value))}</td></tr>'
        for name, value in facts
    )
    return html_output(
        f'<h2 style="margin-top:0">{html.escape(article.title)}</h2>'
        f'<table style="font-size:14px"><tbody>{rows}</tbody></table>'
    )


def show_article_header(article: Article) -> HTML:
    """A displayable view of an article's title and facts: see :func:`header_html`."""
    return HTML(header_html(article))


def evidence_html(sentences: pd.DataFrame, *, top_n: int, max_articles: int = 20) -> str:
    """The evidence of :func:`presslens.themes.evidence_sentences` as wrapped HTML, article by article.

    Each article lists its themes in rank order with every sentence that matched, matched words (its
    ``spans``) in bold and every piece of article text escaped; the ``top_n`` themes are open, the others
    folded. At most ``max_articles`` articles are shown.
    """
    if sentences.empty:
        return html_output("<p><em>No theme word matched any article.</em></p>")
    doc_ids = list(dict.fromkeys(sentences["doc_id"]))
    parts = []
    for doc_id in doc_ids[:max_articles]:
        article = sentences[sentences["doc_id"] == doc_id]
        title = article["title"].iloc[0]
        parts.append(f"<h4 style='margin:1.4em 0 0.3em'>{html.escape(doc_id)} — {html.escape(title)}</h4>")
        for (rank, label, score), theme in article.groupby(["rank", "label", "score"], sort=True):
            items = "".join(f"<li style='margin:0.2em 0'>{highlight_spans(text, spans)}</li>"
                            for text, spans in zip(theme["text"], theme["spans"]))
            summary = (
                f"<strong>{rank}. {html.escape(label)}</strong> <span style='color:#52606d'>— {score:.1f} per 1,000 "
                f"words, {theme['n_matches'].sum()} match(es) in {len(theme)} sentence(s)</span>"
            )
            parts.append(
                f"<details{' open' if rank <= top_n else ''} style='margin:0.2em 0'><summary>{summary}</summary>"
                f"<ul style='margin:0.2em 0 0.6em 1.2em'>{items}</ul></details>"
            )
    if len(doc_ids) > max_articles:
        parts.append(f"<p><em>First {max_articles} of {len(doc_ids):,} articles; "
                     "<code>presslens export themes</code> writes the scores of all.</em></p>")
    return html_output("<div class='presslens-evidence'>" + "".join(parts) + "</div>")


def highlight_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` as HTML with the character ``spans`` in bold; every piece of text is escaped first."""
    pieces, position = [], 0
    for start, end in sorted(spans):
        if start < position:  # overlapping spans: keep the first
            continue
        pieces.append(html.escape(text[position:start]))
        pieces.append(f"<b>{html.escape(text[start:end])}</b>")
        position = end
    pieces.append(html.escape(text[position:]))
    return "".join(pieces)


def show_evidence(sentences: pd.DataFrame, *, top_n: int = 3, max_articles: int = 20) -> HTML:
    """The evidence of :func:`~presslens.themes.evidence_sentences`, article by article: :func:`evidence_html` displayed.

    Each article lists its themes in rank order with every sentence that matched, matched words in
    bold; the ``top_n`` themes are open, the others folded. At most ``max_articles`` articles are shown.
    """
    return HTML(evidence_html(sentences, top_n=top_n, max_articles=max_articles))
