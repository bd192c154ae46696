"""Corpus figures: article lengths as one bar each, or counted in bins for a large corpus."""

from __future__ import annotations

import pandas as pd

from presslens.plots.corpus import MAX_ARTICLE_BARS, plot_article_lengths


def _articles(count: int) -> pd.DataFrame:
    return pd.DataFrame({"doc_id": [f"a/{i}" for i in range(count)], "title": "T", "date": "", "source": "",
                         "n_words": [100 + 37 * i for i in range(count)], "n_paragraphs": 3})


def test_a_small_corpus_has_a_bar_per_article():
    figure = plot_article_lengths(_articles(12))
    assert len(figure.data[0].y) == 12


def test_a_large_corpus_is_counted_in_bins_that_hold_every_article():
    articles = _articles(MAX_ARTICLE_BARS * 40)
    figure = plot_article_lengths(articles)
    assert sum(figure.data[0].y) == len(articles) and len(figure.data[0].y) <= 41
    assert f"{len(articles):,} articles" in figure.layout.title.text and "a/1959" in figure.layout.title.text
