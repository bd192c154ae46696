"""Figures of term frequency: top terms, article × term heatmap, TF-IDF, keyness, dispersion, trends."""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from presslens.deprecation import former_keywords, former_name
from presslens.plots import PALETTE, SEQUENTIAL, bar_height, count_axis, empty_figure, styled, text_label

#: How a plot shows a term when it is given no spelling (see :mod:`presslens.spelling`): as counted.
AS_COUNTED: Callable[[str], str] = str

#: Most articles drawn as rows (heatmap, dispersion); a larger corpus shows those with the most occurrences.
MAX_ARTICLES = 30
#: Most articles drawn as TF-IDF panels; a larger corpus shows the first ones.
MAX_PANELS = 12


@former_keywords(n="top_n")
@styled
def plot_top_terms(frequency: pd.DataFrame, *, top_n: int = 20, spelling: Callable[[str], str] | None = None) -> go.Figure:
    """Horizontal bars of the ``top_n`` most frequent terms of a :func:`~presslens.frequency.frequency_table`.

    Each term is labelled as ``spelling`` writes it (a :class:`~presslens.spelling.Spelling`), else by its ``form``.
    """
    if frequency.empty:
        return empty_figure("Most frequent terms", "No terms to count.")
    data = frequency.head(top_n).iloc[::-1]
    shown = data["term"].map(spelling) if spelling else data["form"]
    figure = go.Figure(
        go.Bar(
            x=data["count"],
            y=shown.map(lambda form: text_label(form, 40)),
            orientation="h",
            marker_color=PALETTE[0],
            customdata=data[["term", "documents", "per_1000"]].assign(term=shown.map(text_label)).to_numpy(),
            hovertemplate=(
                "<b>%{customdata[0]}</b><br>%{x:,} times in %{customdata[1]} article(s)"
                "<br>%{customdata[2]:.2f} per 1,000 words<extra></extra>"
            ),
        )
    )
    figure.update_layout(
        title=f"The {len(data)} most frequent terms", xaxis=dict(title="occurrences", **count_axis(data["count"].max())),
        yaxis_title=None, height=bar_height(len(data)),
    )
    return figure


@former_keywords(n="top_n")
@styled
def plot_term_heatmap(document_terms: pd.DataFrame, *, top_n: int = 20, spelling: Callable[[str], str] | None = None) -> go.Figure:
    """Heatmap of the ``top_n`` most frequent terms (columns) per 1,000 words of each article (rows).

    Takes a :func:`~presslens.frequency.document_terms_table`; terms are labelled as ``spelling`` writes
    them. With more than :data:`MAX_ARTICLES` articles, shows those that use these terms most.
    """
    if document_terms.empty:
        return empty_figure("Terms per article", "No terms to count.")
    top = document_terms.groupby("term")["count"].sum().sort_values(ascending=False, kind="stable").head(top_n).index
    grid = document_terms[document_terms["term"].isin(top)].pivot_table(
        index="doc_id", columns="term", values=["per_1000", "count"], fill_value=0, observed=True
    )
    n_articles = document_terms["doc_id"].nunique()
    if len(grid) > MAX_ARTICLES:
        busiest = grid["count"].sum(axis=1).sort_values(ascending=False, kind="stable").head(MAX_ARTICLES).index
        grid = grid[grid.index.isin(busiest)]
    rates, counts = (grid[value].reindex(columns=top, fill_value=0) for value in ("per_1000", "count"))
    figure = go.Figure(
        go.Heatmap(
            z=rates.to_numpy(),
            x=[text_label((spelling or AS_COUNTED)(term)) for term in top],
            y=[text_label(doc_id, 28) for doc_id in rates.index],
            customdata=counts.to_numpy(),
            colorscale=SEQUENTIAL,
            colorbar=dict(title="per 1,000<br>words"),
            texttemplate="%{z:.0f}" if len(grid) <= 12 else None,
            hovertemplate="<b>%{x}</b> in %{y}<br>%{customdata} times, %{z:.1f} per 1,000 words<extra></extra>",
            xgap=1,
            ygap=1,
        )
    )
    shown = f" ({len(grid)} of {n_articles} articles)" if len(grid) < n_articles else ""
    figure.update_layout(
        title=f"Top terms per 1,000 words of each article{shown}",
        xaxis=dict(tickangle=-45, side="bottom"),
        yaxis=dict(autorange="reversed"),
        height=max(320, 160 + 34 * len(grid)),
    )
    return figure


@styled
def plot_tfidf(tfidf: pd.DataFrame, *, spelling: Callable[[str], str] | None = None) -> go.Figure:
    """Small multiples: one bar chart per article of its most distinctive terms (a :func:`~presslens.frequency.tfidf_table`),
    labelled as ``spelling`` writes them."""
    if tfidf.empty:
        return empty_figure("Distinctive terms (TF-IDF)", "No distinctive terms: TF-IDF needs at least two articles.")
    doc_ids = list(dict.fromkeys(tfidf["doc_id"]))[:MAX_PANELS]
    columns = 2 if len(doc_ids) > 1 else 1
    rows = math.ceil(len(doc_ids) / columns)
    n_bars = int(tfidf.groupby("doc_id", observed=True).size().max())
    figure = make_subplots(
        rows=rows, cols=columns, subplot_titles=[text_label(doc_id, 40) for doc_id in doc_ids],
        horizontal_spacing=0.28, vertical_spacing=min(0.12, 0.5 / rows),
    )
    for number, doc_id in enumerate(doc_ids):
        data = tfidf[tfidf["doc_id"] == doc_id].iloc[::-1]
        data = data.assign(term=data["term"].map(spelling or AS_COUNTED))
        figure.add_trace(
            go.Bar(
                x=data["tfidf"],
                y=data["term"].map(lambda term: text_label(term, 26)),
                orientation="h",
                marker_color=PALETTE[number % len(PALETTE)],
                customdata=data[["term", "count"]].assign(term=data["term"].map(text_label)).to_numpy(),
                hovertemplate="<b>%{customdata[0]}</b><br>TF-IDF %{x:.2f}, %{customdata[1]} times<extra></extra>",
                showlegend=False,
            ),
            row=number // columns + 1,
            col=number % columns + 1,
        )
    shown = f" (first {len(doc_ids)} articles)" if tfidf["doc_id"].nunique() > len(doc_ids) else ""
    figure.update_layout(
        title=f"Distinctive terms of each article (TF-IDF){shown}",
        height=max(360, rows * (90 + 22 * n_bars)),
        margin=dict(l=170),
    )
    figure.update_annotations(font_size=13)
    return figure


@former_keywords(n="top_n")
@styled
def plot_keyness(keyness: pd.DataFrame, *, top_n: int = 15, target: str = "target",
                 spelling: Callable[[str], str] | None = None) -> go.Figure:
    """Diverging bars of signed G²: the ``top_n`` terms most over-used in ``target`` and the ``top_n`` most under-used.

    Takes a :func:`~presslens.keyness.keyness_table`; terms are labelled as ``spelling`` writes them.
    """
    if keyness.empty:
        return empty_figure("Keyness", "No terms to compare.")
    data = pd.concat([keyness[keyness["g2"] > 0].head(top_n), keyness[keyness["g2"] < 0].tail(top_n)]).sort_values("g2")
    labels = data["term"].map(lambda term: text_label((spelling or AS_COUNTED)(term), 30))
    figure = go.Figure()
    for side, name, colour in [
        (data["g2"] < 0, "more in the rest", PALETTE[1]),
        (data["g2"] > 0, f"more in {text_label(target, 30)}", PALETTE[0]),
    ]:
        figure.add_trace(
            go.Bar(
                x=data.loc[side, "g2"],
                y=labels[side],
                orientation="h",
                name=name,
                marker_color=colour,
                customdata=data.loc[side, ["target_count", "rest_count", "log_ratio", "p_value"]].to_numpy(),
                hovertemplate=(
                    "<b>%{y}</b><br>G² %{x:.1f} (p = %{customdata[3]:.2g}), log ratio %{customdata[2]:.2f}"
                    "<br>%{customdata[0]} times in the target, %{customdata[1]} in the rest<extra></extra>"
                ),
            )
        )
    figure.update_layout(
        title=f"Keyness of {text_label(target, 40)} against the rest (signed G²)",
        xaxis_title="← more in the rest · log-likelihood G² · more in the target →",
        yaxis=dict(categoryorder="array", categoryarray=list(labels)),
        legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0),
        height=bar_height(len(data)) + 40,
    )
    return figure


@styled
def plot_dispersion(dispersion: pd.DataFrame, *, spelling: Callable[[str], str] | None = None) -> go.Figure:
    """Lexical dispersion: one panel per term, one row per article, a tick at each occurrence.

    Takes a :func:`~presslens.patterns.dispersion_table`; every article keeps its row, also one where
    no term occurs (first or last included: the rows are those of the corpus, not of the occurrences).
    With more than :data:`MAX_ARTICLES` articles, shows those with the most occurrences. Panel titles
    are the terms as ``spelling`` writes them.
    """
    if dispersion.empty:
        return empty_figure("Where the terms occur", "None of these terms occurs in the corpus.")
    terms, doc_ids = (_categories(dispersion[column]) for column in ("term", "doc_id"))
    n_articles = len(doc_ids)
    if n_articles > MAX_ARTICLES:
        busiest = set(dispersion["doc_id"].value_counts().head(MAX_ARTICLES).index)
        doc_ids = [doc_id for doc_id in doc_ids if doc_id in busiest]
    labels = _row_labels(doc_ids)
    titles = [text_label((spelling or AS_COUNTED)(term)) for term in terms]
    figure = make_subplots(rows=1, cols=len(terms), shared_yaxes=True, subplot_titles=titles, horizontal_spacing=0.03)
    for number, term in enumerate(terms):
        data = dispersion[(dispersion["term"] == term) & dispersion["doc_id"].isin(doc_ids)]
        figure.add_trace(
            go.Scatter(
                x=data["relative_position"],
                y=data["doc_id"].map(labels),
                mode="markers",
                marker=dict(symbol="line-ns-open", size=16, line_width=2, color=PALETTE[number % len(PALETTE)]),
                customdata=data[["position", "sentence"]].to_numpy(),
                hovertemplate=f"<b>{titles[number]}</b><br>%{{y}}<br>word %{{customdata[0]}}, sentence %{{customdata[1]}}<extra></extra>",
                showlegend=False,
            ),
            row=1,
            col=number + 1,
        )
        figure.update_xaxes(range=[-0.02, 1.02], tickvals=[0, 0.5, 1], ticktext=["start", "middle", "end"], row=1, col=number + 1)
    figure.update_yaxes(categoryorder="array", categoryarray=[labels[doc_id] for doc_id in reversed(doc_ids)], type="category",
                        range=[-0.5, len(doc_ids) - 0.5], autorange=False)
    shown = f" ({len(doc_ids)} of {n_articles} articles, those with the most occurrences)" if len(doc_ids) < n_articles else ""
    figure.update_layout(
        title=f"Where the terms occur along each article{shown}",
        height=max(300, 150 + 32 * len(doc_ids)),
    )
    return figure


def _row_labels(doc_ids: list) -> dict:
    """A label per article for the rows of a figure: cut to 28 characters unless two would then read alike."""
    short = {doc_id: text_label(doc_id, 28) for doc_id in doc_ids}
    if len(set(short.values())) == len(short):
        return short
    return {doc_id: text_label(doc_id) for doc_id in doc_ids}


def _categories(values: pd.Series) -> list:
    """The categories of a categorical column, else its values in order of appearance."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return list(values.cat.categories)
    return list(dict.fromkeys(values))


@styled
def plot_pattern_trend(trend: pd.DataFrame, *, spelling: Callable[[str], str] | None = None) -> go.Figure:
    """Lines of each term per 1,000 words over time (a :func:`~presslens.patterns.pattern_trend_table`), named as
    ``spelling`` writes them."""
    if trend.empty:
        return empty_figure("Terms over time", "No article has a date.")
    figure = go.Figure()
    for number, (term, data) in enumerate(trend.groupby("term", sort=False, observed=True)):
        term = (spelling or AS_COUNTED)(term)
        figure.add_trace(
            go.Scatter(
                x=data["period"],
                y=data["per_1000"],
                mode="lines+markers",
                name=text_label(term),
                line_color=PALETTE[number % len(PALETTE)],
                customdata=data[["count", "words"]].to_numpy(),
                hovertemplate=f"<b>{text_label(term)}</b> %{{x|%b %Y}}<br>%{{y:.2f}} per 1,000 words (%{{customdata[0]}} in %{{customdata[1]:,}} words)<extra></extra>",
            )
        )
    periods = trend["period"].nunique()
    figure.update_layout(
        title=f"Terms over time, per 1,000 words ({periods} period{'s' if periods != 1 else ''} with dated articles)",
        xaxis_title=None,
        yaxis_title="per 1,000 words",
        yaxis_rangemode="tozero",
        legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0),
        height=420,
    )
    return figure


plot_trend = former_name(plot_pattern_trend, "plot_trend")
