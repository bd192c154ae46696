"""Frequency figures: built from the tables, returned (never shown), readable on small and large corpora."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from presslens.frequency import document_terms_table, frequency_table, tfidf_table
from presslens.keyness import keyness_table
from presslens.patterns import dispersion_table, pattern_trend_table
from presslens.phrases import find_phrases, merge_phrases
from presslens.plots import PALETTE
from presslens.plots.frequency import (
    MAX_ARTICLES,
    plot_dispersion,
    plot_keyness,
    plot_term_heatmap,
    plot_tfidf,
    plot_pattern_trend,
    plot_top_terms,
)
from presslens.spelling import spelling_of
from presslens.text import tokens_table


@pytest.fixture(scope="module")
def tokens(seed_corpus):
    return tokens_table(seed_corpus)


@pytest.fixture(scope="module")
def terms(tokens):
    return merge_phrases(tokens, find_phrases(tokens))


def test_top_terms_bars_show_the_written_form(terms):
    figure = plot_top_terms(frequency_table(terms), top_n=20)
    assert isinstance(figure, go.Figure)
    labels = list(figure.data[0].y)
    assert len(labels) == 20 and labels[-1] == "China", "most frequent at the top"
    assert "Far East" in labels


def test_heatmap_has_one_row_per_article_and_one_column_per_term(terms):
    figure = plot_term_heatmap(document_terms_table(terms), top_n=12)
    heatmap = figure.data[0]
    assert np.asarray(heatmap.z).shape == (5, 12)
    assert heatmap.x[0] == "china", "without a spelling, terms as counted"


def test_every_term_figure_writes_a_term_one_way(tokens, terms, seed_corpus):
    spelling = spelling_of(tokens)
    target = "003_f6417c26bc500f79"
    shown = {
        "top terms": plot_top_terms(frequency_table(terms), top_n=20, spelling=spelling).data[0].y,
        "heatmap": plot_term_heatmap(document_terms_table(terms), top_n=12, spelling=spelling).data[0].x,
        "tfidf": [label for bars in plot_tfidf(tfidf_table(terms, top_n=30), spelling=spelling).data for label in bars.y],
        "keyness": [label for bars in plot_keyness(keyness_table(terms, target), top_n=15, target=target,
                                                   spelling=spelling).data for label in bars.y],
        "trend": [line.name for line in plot_pattern_trend(pattern_trend_table(seed_corpus, ["china", "far east"], tokens=tokens),
                                                   spelling=spelling).data],
        "dispersion": [note.text for note in plot_dispersion(dispersion_table(seed_corpus, ["china"], tokens=tokens), spelling=spelling).layout.annotations],
    }
    for name, labels in shown.items():
        assert len(labels) and all(label == spelling(label) for label in labels), name
    for name in ("top terms", "heatmap", "trend", "dispersion"):
        assert "China" in shown[name] and "china" not in shown[name], name
    assert "Far East" in shown["trend"] and "PPP" in shown["tfidf"] and "Chinese" in shown["keyness"]


def test_heatmap_of_a_large_corpus_shows_the_busiest_articles():
    rng = np.random.default_rng(0)
    table = pd.DataFrame({
        "doc_id": np.repeat([f"doc{number:03}" for number in range(200)], 10),
        "term": np.tile([f"term{number}" for number in range(10)], 200),
        "count": rng.integers(1, 20, 2000),
    }).assign(per_1000=lambda t: t["count"] * 2.0, tfidf=0.0)
    figure = plot_term_heatmap(table, top_n=5)
    assert np.asarray(figure.data[0].z).shape == (MAX_ARTICLES, 5)
    assert f"{MAX_ARTICLES} of 200 articles" in figure.layout.title.text


def test_tfidf_small_multiples_one_panel_per_article(terms):
    figure = plot_tfidf(tfidf_table(terms, top_n=6))
    assert len(figure.data) == 5
    assert all(len(bars.y) == 6 for bars in figure.data)


def test_keyness_bars_diverge(terms):
    figure = plot_keyness(keyness_table(terms, "003_f6417c26bc500f79"), top_n=8, target="003_f6417c26bc500f79")
    under, over = figure.data
    assert (np.asarray(under.x) < 0).all() and (np.asarray(over.x) > 0).all()
    assert len(under.x) == len(over.x) == 8
    assert {under.marker.color, over.marker.color} == {PALETTE[0], PALETTE[1]}
    assert "central asian" in over.y


def test_dispersion_keeps_articles_and_terms_without_occurrences(tokens, seed_corpus):
    figure = plot_dispersion(dispersion_table(seed_corpus, ["cooperation", "far east", "no such word"], tokens=tokens))
    assert len(figure.data) == 3, "one panel per term, also for a term never found"
    assert len(figure.layout.yaxis.categoryarray) == 5, "one row per article"


def test_dispersion_rows_are_the_articles_not_the_occurrences(tokens, seed_corpus):
    """Putin is named in 002 and 004 only: the first two articles, drawn at the top, keep their rows."""
    figure = plot_dispersion(dispersion_table(seed_corpus, ["putin"], tokens=tokens))
    rows = list(figure.layout.yaxis.categoryarray)  # bottom to top
    assert rows[-2:] == ["001_a919f9a968849c4c", "000_be66cc4f6408135f"] and not set(rows[-2:]) & set(figure.data[0].y)
    assert tuple(figure.layout.yaxis.range) == (-0.5, 4.5) and figure.layout.yaxis.autorange is False


def test_trend_lines_per_term(tokens, seed_corpus):
    figure = plot_pattern_trend(pattern_trend_table(seed_corpus, ["cooperation", "far east"], tokens=tokens))
    assert [line.name for line in figure.data] == ["cooperation", "far east"]


@pytest.mark.parametrize("build", [
    lambda: plot_top_terms(pd.DataFrame(columns=["term", "form", "count", "documents", "per_1000"])),
    lambda: plot_term_heatmap(pd.DataFrame(columns=["doc_id", "term", "count", "per_1000", "tfidf"])),
    lambda: plot_tfidf(pd.DataFrame(columns=["doc_id", "rank", "term", "count", "tfidf"])),
    lambda: plot_keyness(pd.DataFrame(columns=["term", "target_count", "rest_count", "g2", "p_value", "log_ratio"])),
    lambda: plot_dispersion(pd.DataFrame(columns=["doc_id", "term", "sentence", "position", "relative_position"])),
    lambda: plot_pattern_trend(pd.DataFrame(columns=["period", "term", "count", "words", "per_1000"])),
])
def test_empty_tables_give_a_figure_that_says_why(build):
    figure = build()
    assert figure.data == () and figure.layout.annotations[0].text
