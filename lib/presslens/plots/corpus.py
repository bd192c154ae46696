"""Figures about the corpus itself: how many articles, how long."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from presslens.plots import PALETTE, bar_height, count_axis, empty_figure, styled, text_label


#: Above this many articles, one bar each would leave no room for a label: lengths are counted in bins.
MAX_ARTICLE_BARS = 49
#: Bins of the length histogram of a large corpus.
LENGTH_BINS = 40


@styled
def plot_article_lengths(articles: pd.DataFrame) -> go.Figure:
    """Horizontal bars of words per article, longest first; hover shows title, date and source.

    A corpus of more than :data:`MAX_ARTICLE_BARS` articles gets a histogram instead: how many
    articles have each length, the title naming the longest and shortest.
    """
    if articles.empty:
        return empty_figure("Article length", "No articles loaded.")
    if len(articles) > MAX_ARTICLE_BARS:
        return _length_histogram(articles)
    data = articles.sort_values("n_words")
    labels = data["doc_id"].map(lambda doc_id: text_label(doc_id, 40))
    hover = data[["title", "date", "source"]].fillna("").map(text_label)
    figure = go.Figure(
        go.Bar(
            x=data["n_words"],
            y=labels,
            orientation="h",
            marker_color=PALETTE[0],
            customdata=hover.assign(n_paragraphs=data["n_paragraphs"]).to_numpy(),
            hovertemplate=(
                "<b>%{customdata[0]}</b><br>%{x:,} words, %{customdata[3]} paragraphs"
                "<br>%{customdata[1]} %{customdata[2]}<extra></extra>"
            ),
        )
    )
    figure.update_layout(
        title="Article length (words)",
        xaxis_title="words",
        yaxis_title=None,
        height=bar_height(len(data)),
    )
    return figure


def _length_histogram(articles: pd.DataFrame) -> go.Figure:
    """Articles per length, in :data:`LENGTH_BINS` bins of whole words."""
    words = articles["n_words"].to_numpy()
    width = max(1, int(np.ceil((words.max() - words.min() + 1) / LENGTH_BINS)))
    edges = np.arange(words.min(), words.max() + width + 1, width)
    counts, edges = np.histogram(words, bins=edges)
    longest, shortest = articles.loc[articles["n_words"].idxmax()], articles.loc[articles["n_words"].idxmin()]
    figure = go.Figure(go.Bar(
        x=edges[:-1] + width / 2, y=counts, width=width * 0.95, marker_color=PALETTE[0],
        customdata=np.column_stack([edges[:-1], edges[1:] - 1]),
        hovertemplate="%{customdata[0]:,}–%{customdata[1]:,} words: %{y:,} articles<extra></extra>",
    ))
    figure.update_layout(
        title=(f"Article length: {len(articles):,} articles in bins of {width:,} words<br><sup>longest "
               f"{text_label(longest['doc_id'], 40)} ({longest['n_words']:,}), shortest "
               f"{text_label(shortest['doc_id'], 40)} ({shortest['n_words']:,})</sup>"),
        xaxis_title="words", yaxis=dict(title="articles", **count_axis(counts.max())), bargap=0,
    )
    return figure
