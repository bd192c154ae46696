"""Display HTML: article text shown as written — escaped, never typeset by MathJax — and tables that wrap.

JupyterLab typesets ``$…$`` in HTML and Markdown outputs unless an ancestor element has the class
``mathjax_ignore`` (``tex2jax_ignore`` in the classic Notebook), so every check looks for the text
inside an element with both classes.
"""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser

import pandas as pd
import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.display import HTML
from IPython.utils.capture import capture_output

from conftest import explorer_tables
from page_checks import measure_page
from presslens.corpus import Corpus, article_from_text
from presslens.display import (Note, evidence_html, header_html, html_output, markdown_html, show_article_header,
                               show_evidence, show_table, table_html)
from presslens.themes import evidence_sentences, match_themes
from presslens.widgets import KERNEL_NOTE, UNAVAILABLE, explore_actor, explore_kwic, explore_theme, explore_window

PLOTLY = "application/vnd.plotly.v1+json"
IGNORE_CLASSES = {"mathjax_ignore", "tex2jax_ignore"}
DOLLARS = "Exports rose to $70.2 billion in 2022, and investment reached $970 million."
HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)>"
ARTICLES = {
    "gas": (
        "Gas deal between China and Kazakhstan\n\n"
        f"China and Kazakhstan signed a gas agreement in Astana on Monday. {DOLLARS}\n\n"
        "President Xi Jinping met Kassym-Jomart Tokayev to discuss trade and investment."
    ),
    "rail": (
        "New railway to Uzbekistan\n\n"
        "China and Uzbekistan agreed to build a railway that costs $4.5 billion.\n\n"
        "Officials in Tashkent said exports would grow."
    ),
}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Texts(HTMLParser):
    """The text of a page (CSS left out), split into what MathJax is told to ignore and what it may typeset."""

    def __init__(self, page: str):
        super().__init__()
        self._open: list[tuple[str, set[str]]] = []  # the open elements: tag and classes, inherited ones included
        self.ignored: list[str] = []
        self.typeset: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_ELEMENTS:
            inherited = self._open[-1][1] if self._open else set()
            self._open.append((tag, inherited | set((dict(attrs).get("class") or "").split())))

    def handle_endtag(self, tag):
        if tag not in VOID_ELEMENTS:
            self._open.pop()

    def handle_data(self, data):
        tag, classes = self._open[-1] if self._open else ("", set())
        if tag != "style":
            (self.ignored if IGNORE_CLASSES <= classes else self.typeset).append(data)


def ignored_text(page: str) -> str:
    """The text of ``page`` inside elements marked for MathJax to ignore; fails when any text is outside."""
    texts = _Texts(page)
    assert "".join(texts.typeset).strip() == "", texts.typeset
    return "".join(texts.ignored)


def css_rule(page: str, selector: str) -> str:
    """The declarations of ``selector`` in the page's style element."""
    [style] = re.findall(r"<style>(.*?)</style>", page, re.S)
    return re.search(re.escape(selector) + r"\s*\{([^}]*)\}", style).group(1)


@pytest.fixture(scope="module")
def docs() -> Corpus:
    """Two invented articles with dollar amounts, actors and theme words."""
    return Corpus(root="invented", articles=[article_from_text(doc_id, f"{doc_id}.txt", text)
                                             for doc_id, text in ARTICLES.items()])


@pytest.fixture(scope="module")
def analysis(docs):
    """The tables the notebooks hand to the explorers, for the invented articles."""
    return explorer_tables(docs)


# --------------------------------------------------------------------------------------------
# Tables


def test_dollar_amounts_in_a_table_stay_as_written_where_mathjax_ignores_them():
    sentence = "Trade reached $970 million and $70.2 billion in 2022."
    page = table_html(pd.DataFrame({"doc_id": ["a"], "text": [sentence], "count": [3]}))
    assert sentence in page
    assert sentence in ignored_text(page)


def test_markup_in_cells_and_headers_shows_as_text():
    page = table_html(pd.DataFrame({HOSTILE: [HOSTILE, "fine"], "n": [1, 2]}))
    assert "<script" not in page and "<img" not in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;") == 2
    assert ignored_text(page).count(HOSTILE) == 2


def test_an_empty_table_becomes_its_sentence():
    page = table_html(pd.DataFrame({"text": []}), empty="No pair co-occurs twice.")
    assert "<table" not in page
    assert "<em>No pair co-occurs twice.</em>" in page
    assert ignored_text(page).endswith("No pair co-occurs twice.")


def test_text_cells_wrap_at_spaces_and_one_word_cells_and_numbers_stay_on_one_line():
    long_text = "The ministry said exports rose sharply. " * 30
    table = pd.DataFrame({"text": [long_text, "short"], "doc_id": ["business/001", "b"], "score": [1234.5, None],
                          "count": [12345, 7]})
    page = table_html(table, max_rows=1)
    assert f'<td class="text">{long_text}</td><td class="text word">business/001</td>' in page
    assert '<td class="number">1,234.500</td><td class="number">12,345</td>' in page
    assert "<caption>first 1 of 2 rows</caption>" in page
    assert '<div class="presslens-scroll"><table class="presslens-table">' in page
    assert "white-space: normal" in css_rule(page, ".presslens-output .presslens-table td.text")
    assert "anywhere" not in page and "break-all" not in page, "a word is never broken to fit a column"
    assert "white-space: nowrap" in css_rule(page, ".presslens-output .presslens-table td.word")
    assert "white-space: nowrap" in css_rule(page, ".presslens-output .presslens-table .number")
    assert "overflow-x: auto" in css_rule(page, ".presslens-output .presslens-scroll")


def test_a_wide_table_scrolls_in_its_own_box_and_breaks_no_word(tmp_path, browser):
    """In Chromium: in a narrow output area, sentences wrap at spaces, a long id stays on one line and
    the table scrolls sideways in its box instead of widening the page."""
    table = pd.DataFrame({
        "doc_id": ["newspapers/2024/economy/" + "x" * 80, "b"],
        "text": [DOLLARS * 8, "https://example.com/" + "y" * 200],
        "kind": ["organization", "organization"],
        "count": [12345, 2],
    })
    page = tmp_path / "table.html"
    page.write_text(
        "<!DOCTYPE html><html><body>"
        f'<div id="area" style="width:480px;overflow:auto">{table_html(table)}</div>'
        "<script>const area = document.getElementById('area');"
        "const box = area.querySelector('.presslens-scroll');"
        "const cell = area.querySelector('td.text + td.text');"
        "document.body.dataset.sizes = JSON.stringify({client: area.clientWidth, scroll: area.scrollWidth,"
        " box: box.clientWidth, box_scroll: box.scrollWidth, cell: cell.getBoundingClientRect().height});</script>"
        "</body></html>",
        encoding="utf-8",
    )
    sizes = json.loads(re.search(r'data-sizes="([^"]*)"', browser(page, timeout=60)[0]).group(1).replace("&quot;", '"'))
    assert sizes["scroll"] <= sizes["client"] == 480 and sizes["box"] <= 480
    assert sizes["box_scroll"] > sizes["box"], "the long id widens the table, which scrolls in its box"
    assert sizes["cell"] > 40  # the long text runs over three lines or more
    assert measure_page(browser, page)["broken_words"] == []


def test_show_table_and_the_article_header_display_the_wrapped_html():
    table = pd.DataFrame({"text": [DOLLARS]})
    shown = show_table(table)
    assert isinstance(shown, HTML) and shown.data == table_html(table)
    article = article_from_text("hostile", "hostile.txt", f"Gas deal {HOSTILE}\n\n{DOLLARS}")
    page = header_html(article)
    assert show_article_header(article).data == page
    assert "<script" not in page and "<img" not in page
    assert f"Gas deal {HOSTILE}" in ignored_text(page)


# --------------------------------------------------------------------------------------------
# Evidence and messages


def test_evidence_keeps_dollar_sentences_as_written_with_matched_words_in_bold(analysis):
    page = evidence_html(analysis["sentences"], top_n=3)
    assert show_evidence(analysis["sentences"], top_n=3).data == page
    text = ignored_text(page)
    assert DOLLARS in text
    assert "<b>Exports</b> rose to $70.2 billion" in page
    assert "<em>No theme word matched any article.</em>" in evidence_html(analysis["sentences"].iloc[:0], top_n=3)


def test_evidence_of_hostile_text_shows_the_markup_as_text():
    article = article_from_text("hostile", "hostile.txt", f"Trade {HOSTILE}\n\nExports {HOSTILE} rose.")
    hostile = Corpus(root="invented", articles=[article])
    page = evidence_html(evidence_sentences(hostile, match_themes(hostile)), top_n=3)
    assert "<script" not in page and "<img" not in page
    assert f"Exports {HOSTILE} rose." in ignored_text(page)


def test_a_note_is_html_through_the_wrapper_and_keeps_its_markdown():
    message = f"**2 pairs** cost $70.2 billion and $970 million {HOSTILE}"
    data, _ = InteractiveShell.instance().display_formatter.format(Note(message))
    assert data["text/markdown"] == message
    assert data["text/html"] == markdown_html(message)
    assert "<strong>2 pairs</strong>" in data["text/html"] and "<script" not in data["text/html"]
    assert "2 pairs cost $70.2 billion and $970 million " + HOSTILE in ignored_text(data["text/html"])
    assert ignored_text(html_output("<p>$1 and $2</p>")) == "$1 and $2"


# --------------------------------------------------------------------------------------------
# Explorers


def _explorers(docs, analysis):
    """Every explorer, built as the notebooks build them."""
    return {
        "kwic": lambda: explore_kwic(docs, analysis["tokens"], terms=["exports"]),
        "actor": lambda: explore_actor(analysis["mentions"], analysis["pairs"], analysis["evidence"]),
        "theme": lambda: explore_theme(analysis["scores"], analysis["sentences"]),
        "window": lambda: explore_window(docs, analysis["mentions"]),
    }


def test_every_explorer_displays_the_kernel_note_above_its_controls(docs, analysis):
    InteractiveShell.instance()  # a shell, so that what the explorers display can be captured
    for name, build in _explorers(docs, analysis).items():
        with capture_output() as captured:
            box = build()
        [note] = captured.outputs
        assert KERNEL_NOTE in ignored_text(note.data["text/html"]), name
        help_line, controls, output = box.children
        assert KERNEL_NOTE not in help_line.value
        ignored_text(help_line.value)
        shown = [item["data"] for item in output.outputs if PLOTLY not in item["data"]]
        assert shown, name
        for data in shown:
            ignored_text(data["text/html"])


def test_the_theme_explorer_shows_dollar_sentences_as_written(analysis):
    box = explore_theme(analysis["scores"], analysis["sentences"])
    box.children[1].children[0].value = "trade"
    table, sentences = (shown["data"]["text/html"] for shown in box.children[-1].outputs)
    assert DOLLARS in ignored_text(sentences)
    assert ">gas<" in table


def test_without_ipywidgets_an_explorer_is_a_note_and_shows_no_kernel_note(docs, analysis, monkeypatch):
    monkeypatch.setitem(sys.modules, "ipywidgets", None)
    InteractiveShell.instance()
    for name, build in _explorers(docs, analysis).items():
        with capture_output() as captured:
            note = build()
        assert captured.outputs == [], name
        assert note.data == UNAVAILABLE
        assert "<code>pip install ipywidgets</code>" in note._repr_html_()


def test_figures_render_as_html_without_plotly_js_in_reports():
    import plotly.graph_objects as go
    import plotly.io as pio

    from presslens.plots import setup_notebook

    setup_notebook()
    bundle = pio.renderers["presslens_report"].to_mimebundle(go.Figure(go.Bar(x=["a"], y=[1])).to_dict())
    assert "Plotly.newPlot" in bundle["text/html"] and "plotly.js v" not in bundle["text/html"]
