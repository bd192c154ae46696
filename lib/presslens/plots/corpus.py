"""Figures about the corpus itself: how many articles, how long."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from presslens.plots import PALETTE, bar_height, empty_figure, styled, text_label


@styled
def plot_article_lengths(articles: pd.DataFrame) -> go.Figure:
    """Horizontal bars of words per article, longest first; hover shows title, date and source."""
    if articles.empty:
        return empty_figure("Article length", "No articles loaded.")
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
