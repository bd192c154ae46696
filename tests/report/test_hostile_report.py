"""A report on a hostile corpus: every skipped file listed with its reason, article text never run as code.

One ``run_report`` on the hostile files plus the sample articles, with pages for the two articles
whose title, sentences or file name are markup. Every page is checked as written and as Chromium
renders it: markup from an article shows as text, no script of it runs, no alert opens.
"""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from hostile_corpus import XSS_BODY, XSS_DOC_ID, XSS_FILE_DOC_ID, XSS_MARKER, XSS_TITLE, build_hostile_corpus, shown_path
from presslens.actors import corpus_actors, mentions_table
from presslens.cooccurrence import cooccurrence_evidence, cooccurrence_matrix, cooccurrence_table
from presslens.corpus import articles_table, load_corpus
from presslens.frequency import document_terms_table, frequency_table, tfidf_table
from presslens.keyness import keyness_table
from presslens.network import build_network, centrality_table, layout_network
from presslens.patterns import dispersion_table, pattern_trend_table
from presslens.phrases import find_phrases, merge_phrases
from presslens.plots.corpus import plot_article_lengths
from presslens.plots.frequency import (plot_dispersion, plot_keyness, plot_pattern_trend, plot_term_heatmap, plot_tfidf,
                                       plot_top_terms)
from presslens.plots.network import plot_actor_network, plot_cooccurrence_heatmap, plot_top_actors
from presslens.plots.themes import plot_theme_heatmap, plot_theme_shares
from presslens.report.articles import article_page_path
from presslens.report.notebooks import DEFAULT_NOTEBOOKS, list_notebooks
from presslens.report import run_report
from presslens.text import tokens_table
from presslens.themes import match_themes, score_themes

#: Markup of an article as a live element: a script, an image with a handler, a javascript: link.
LIVE_MARKUP = re.compile(r"<script>\s*(alert|document)|<img\b[^<>]*\bonerror|<a\b[^<>]*href=[\"']?\s*javascript:", re.I)
RAN = re.compile(rf"<body\b[^>]*\b{XSS_MARKER}=", re.I)


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    """The hostile corpus and one report run on it."""
    folder = tmp_path_factory.mktemp("hostile-report")
    corpus = build_hostile_corpus(folder / "corpus")
    out = folder / "out"
    result = run_report(corpus.root, out, jobs=2, articles=[XSS_DOC_ID, XSS_FILE_DOC_ID])
    return corpus, out, result


def _pages(out: Path) -> list[Path]:
    return [out / "index.html", *sorted((out / "html").glob("*.html")), *sorted((out / "articles").glob("*.html"))]


class _Tables(HTMLParser):
    """The text of every table cell of a page, table by table, row by row."""

    def __init__(self, page: str):
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self._cell: list[str] | None = None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self.tables and self.tables[-1]:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _table_with_header(page: str, header: list[str]) -> list[list[str]]:
    return next(rows[1:] for rows in _Tables(page).tables if rows and rows[0] == header)


def test_the_report_runs_on_every_readable_article(hostile_report):
    corpus, out, result = hostile_report
    assert result.ok, [(run.name, run.doc_id, run.error) for run in result.notebooks + result.articles if run.error]
    record = json.loads((out / "run.json").read_text(encoding="utf-8"))
    assert record["summary"]["n_articles"] == len(corpus.loaded)
    assert record["summary"]["n_skipped"] == len(corpus.skipped)
    overview = (out / "html" / "01_corpus_overview.html").read_text(encoding="utf-8")
    for doc_id in corpus.samples:
        assert doc_id in overview, f"sample article {doc_id} missing from the corpus overview"


def test_the_index_lists_every_skipped_file_with_its_reason(hostile_report):
    corpus, out, _ = hostile_report
    rows = _table_with_header((out / "index.html").read_text(encoding="utf-8"), ["File", "Reason"])
    listed = dict(rows)
    assert len(listed) == len(rows) == len(corpus.skipped)
    for path, fragment in corpus.skipped.items():
        assert fragment in listed[shown_path(path)], (path, listed.get(shown_path(path)))


def test_no_page_holds_article_markup_as_markup(hostile_report):
    _, out, _ = hostile_report
    pages = _pages(out)
    assert len(pages) == 1 + len(list_notebooks(DEFAULT_NOTEBOOKS)) + 2
    for page in pages:
        source = page.read_text(encoding="utf-8")
        assert not LIVE_MARKUP.search(source), (page.name, LIVE_MARKUP.search(source).group())
    article = (out / "articles" / f"{XSS_DOC_ID}.html").read_text(encoding="utf-8")
    assert "Gas deal &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;" in article


def test_every_link_of_the_index_opens_a_page(hostile_report):
    _, out, _ = hostile_report
    index = (out / "index.html").read_text(encoding="utf-8")
    hrefs = [unescape(href) for href in re.findall(r'href="([^"]+)"', index)]
    assert article_page_path(XSS_FILE_DOC_ID) in hrefs
    for href in hrefs:
        assert (out / unquote(urlsplit(href).path)).is_file(), href


def _live(dom: str) -> list[str]:
    return [match.group() for match in LIVE_MARKUP.finditer(dom)] + [match.group() for match in RAN.finditer(dom)]


def _console_trouble(console: list[str]) -> list[str]:
    return [line for line in console if "Uncaught" in line or ":ERROR:CONSOLE" in line or "alert" in line.lower()]


def test_article_markup_shows_as_text_in_the_browser(hostile_report, browser):
    _, out, _ = hostile_report
    escaped_title = "Gas deal &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;"
    for page in _pages(out):
        dom, console = browser(page, timeout=60)
        assert dom.strip(), page.name
        assert _live(dom) == [], (page.name, _live(dom))
        assert _console_trouble(console) == [], (page.name, _console_trouble(console))
        if page.name in ("index.html", "01_corpus_overview.html", f"{XSS_DOC_ID}.html"):
            assert escaped_title in dom, f"{page.name} must show the title as text"


def test_the_browser_check_sees_markup_that_runs(tmp_path, browser):
    """The check above can fail: a page that pastes the article unescaped is caught, and an alert blocks."""
    pasted = tmp_path / "pasted.html"
    pasted.write_text(f"<!DOCTYPE html><html><body><h1>{XSS_BODY[1]}</h1></body></html>", encoding="utf-8")
    dom, _ = browser(pasted)
    assert RAN.search(dom) and LIVE_MARKUP.search(dom)
    alerting = tmp_path / "alerting.html"
    alerting.write_text(f"<!DOCTYPE html><html><body><h1>{XSS_TITLE}</h1></body></html>", encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match="alert"):
        browser(alerting, timeout=6)


def _strings(value) -> list[str]:
    """Every string inside a figure's dict (labels, hover text, custom data, titles)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _strings(item)]
    if hasattr(value, "tolist"):
        return _strings(value.tolist())
    return []


def test_figures_show_article_text_as_text(tmp_path, seeds_dir):
    for seed in sorted(seeds_dir.glob("*.txt"))[:2]:
        (tmp_path / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / f"{XSS_DOC_ID}.txt").write_text("\n\n".join([XSS_TITLE, *XSS_BODY]), encoding="utf-8")
    (tmp_path / f"{XSS_FILE_DOC_ID}.txt").write_text("Markup in a file name\n\n" + XSS_BODY[3], encoding="utf-8")
    corpus = load_corpus(tmp_path)
    articles = articles_table(corpus)
    tokens = tokens_table(corpus)
    terms = merge_phrases(tokens, find_phrases(tokens))
    hostile_actor = "<script>alert(1)</script> & Co"
    mentions = mentions_table(corpus).replace({"actor": {"Vladimir Putin": hostile_actor}})
    pairs = cooccurrence_table(corpus, mentions)
    evidence = cooccurrence_evidence(corpus, mentions, pairs=pairs)
    graph = build_network(pairs, corpus_actors(mentions), evidence=evidence)
    scores = score_themes(corpus, match_themes(corpus, tokens=tokens))
    figures = {
        "lengths": plot_article_lengths(articles),
        "top terms": plot_top_terms(frequency_table(terms)),
        "heatmap": plot_term_heatmap(document_terms_table(terms)),
        "tfidf": plot_tfidf(tfidf_table(terms)),
        "keyness": plot_keyness(keyness_table(terms, XSS_FILE_DOC_ID, articles=articles), target=XSS_FILE_DOC_ID),
        "dispersion": plot_dispersion(dispersion_table(corpus, ["gas", "trade"], tokens=tokens)),
        "trend": plot_pattern_trend(pattern_trend_table(corpus, ["trade"], tokens=tokens)),
        "top actors": plot_top_actors(corpus_actors(mentions)),
        "network": plot_actor_network(graph, layout_network(graph), centrality=centrality_table(graph)),
        "actor heatmap": plot_cooccurrence_heatmap(cooccurrence_matrix(pairs)),
        "theme heatmap": plot_theme_heatmap(scores),
        "theme shares": plot_theme_shares(scores),
    }
    for name, figure in figures.items():
        texts = _strings(figure.to_dict())
        live = [text for text in texts if re.search(r"<(script|img|a)\b", text, re.I)]
        assert live == [], (name, live[:2])
    shown = {name: " ".join(_strings(figure.to_dict())) for name, figure in figures.items()}
    assert "Gas deal &lt;script&gt;alert(1)&lt;/script&gt;" in shown["lengths"]
    assert "!&lt;img src=x onerror=alert(2)&gt;" in shown["heatmap"] + shown["keyness"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in shown["top actors"] + shown["network"] + shown["actor heatmap"]
    assert "&lt;img src=x" in shown["network"], "evidence sentences in edge hover text are escaped"
