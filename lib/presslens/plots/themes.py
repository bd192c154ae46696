"""Figures about themes and topics: article × theme heatmap, theme shares, topic terms, topic ↔ theme."""

from __future__ import annotations

import html
import math
from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from presslens.plots import PALETTE, SEQUENTIAL, bar_height, empty_figure, short_label, styled

#: Rows shown at most in a heatmap or in the stacked shares; the title says when more exist.
MAX_UNITS = 60
OTHER_COLOUR = "#b8c2cc"


def _unit_labels(scores: pd.DataFrame) -> tuple[list[tuple], list[str], list[str], list[str]]:
    """The units of a scores table in reading order: keys, short axis labels, full names and titles.

    Text from the corpus is HTML-escaped: plotly reads tags in labels and hover text.
    """
    keys = ["doc_id", "paragraph"] if "paragraph" in scores.columns else ["doc_id"]
    units = scores.drop_duplicates(keys).sort_values(keys)
    paragraphs = [f" ¶{p}" for p in units["paragraph"]] if "paragraph" in keys else [""] * len(units)
    labels = [html.escape(short_label(d, 28)) + p for d, p in zip(units["doc_id"], paragraphs)]
    names = [html.escape(d) + p for d, p in zip(units["doc_id"], paragraphs)]
    titles = [html.escape(title) for title in units["title"].fillna("")]
    return list(units[keys].itertuples(index=False, name=None)), labels, names, titles


def _spelled(table: pd.DataFrame, spelling: Callable[[str], str] | None, columns: list[str]) -> pd.DataFrame:
    """``table`` with the terms of ``columns`` as ``spelling`` writes them (unchanged without a spelling)."""
    if spelling is None:
        return table
    return table.assign(**{column: table[column].map(spelling) for column in columns})


def _cap_title(title: str, shown: int, total: int, noun: str) -> str:
    return title if shown == total else f"{title} — first {shown:,} of {total:,} {noun}"


def _layout_heatmap(figure: go.Figure, title: str, n_rows: int, *, tickangle: int = -35) -> go.Figure:
    """Column labels on top, slanted, under a title pinned to the top edge so the two never overlap."""
    figure.update_layout(
        title=dict(text=title, y=0.995, yref="container", yanchor="top"),
        height=bar_height(n_rows) + 160,
        xaxis=dict(side="top", tickangle=tickangle, showgrid=False),
        yaxis=dict(autorange="reversed", showgrid=False),
        margin=dict(t=190),
    )
    return figure


@styled
def plot_theme_heatmap(scores: pd.DataFrame, *, max_units: int = MAX_UNITS) -> go.Figure:
    """Units (articles or paragraphs) × themes, coloured by score per 1,000 words.

    Hover shows the article's full title, the theme, score, share, rank and matched terms.
    """
    if scores.empty:
        return empty_figure("Themes per article", "No theme word matched any article.")
    keys = ["doc_id", "paragraph"] if "paragraph" in scores.columns else ["doc_id"]
    units, labels, names, titles = _unit_labels(scores)
    shown = units[:max_units]
    themes = scores.groupby("label", sort=False)["score"].sum().sort_values(ascending=False).index.tolist()
    indexed = scores.assign(rank=scores["rank"].astype(str)).set_index([*keys, "label"])

    def grid(column: str, fill) -> np.ndarray:
        """One cell per (unit, theme) from a column of ``scores``."""
        full = indexed[column].reindex(pd.MultiIndex.from_tuples([(*unit, theme) for unit in shown for theme in themes]))
        return full.fillna(fill).to_numpy().reshape(len(shown), len(themes))

    def per_row(values: list[str]) -> np.ndarray:
        """One cell per (unit, theme) repeating a value of the unit."""
        return np.repeat(np.array(values[: len(shown)], dtype=object)[:, None], len(themes), axis=1)

    z = grid("score", 0.0)
    custom = np.dstack([
        per_row(titles), grid("share", 0.0), grid("rank", "–"), grid("matched_terms", "no match"), per_row(names),
    ])
    figure = go.Figure(
        go.Heatmap(
            z=z, x=themes, y=labels[: len(shown)], customdata=custom, colorscale=SEQUENTIAL, xgap=1, ygap=1,
            colorbar=dict(title="per 1,000<br>words", thickness=14),
            hovertemplate=(
                "<b>%{customdata[0]}</b><br>%{customdata[4]} · %{x}<br>%{z:.1f} per 1,000 words, %{customdata[1]:.0%} of its "
                "theme matches, rank %{customdata[2]}<br>%{customdata[3]}<extra></extra>"
            ),
        )
    )
    unit_noun = "paragraphs" if "paragraph" in keys else "articles"
    title = _cap_title(f"Theme scores per {unit_noun[:-1]} (matches per 1,000 words)", len(shown), len(units), unit_noun)
    return _layout_heatmap(figure, title, len(shown))


@styled
def plot_theme_shares(scores: pd.DataFrame, *, max_themes: int = 7, max_units: int = MAX_UNITS,
                      unit_name: str | None = None) -> go.Figure:
    """Stacked horizontal bars: each unit's theme matches split by theme (shares add up to 100%).

    The ``max_themes`` themes with the highest total score in the corpus get their own colour; the
    rest are grouped as "Other themes". ``unit_name`` names the units in the title (``groups``; default:
    articles or paragraphs).
    """
    if scores.empty:
        return empty_figure("Theme shares", "No theme word matched any article.")
    keys = ["doc_id", "paragraph"] if "paragraph" in scores.columns else ["doc_id"]
    units, labels, _, titles = _unit_labels(scores)
    shown = units[:max_units]
    order = scores.groupby("label", sort=False)["score"].sum().sort_values(ascending=False).index.tolist()
    named = order[:max_themes]
    grouped = scores.assign(group=scores["label"].where(scores["label"].isin(named), "Other themes"))
    shares = grouped.groupby([*keys, "group"])["share"].sum()
    figure = go.Figure()
    groups = named + (["Other themes"] if len(order) > max_themes else [])
    for position, group in enumerate(groups):
        values = [shares.get((*unit, group), 0.0) for unit in shown]
        figure.add_trace(go.Bar(
            x=values, y=labels[: len(shown)], name=group, orientation="h",
            marker_color=PALETTE[position] if group != "Other themes" else OTHER_COLOUR,
            customdata=titles[: len(shown)],
            hovertemplate=f"<b>%{{customdata}}</b><br>{group}: %{{x:.0%}}<extra></extra>",
        ))
    unit_noun = unit_name or ("paragraphs" if "paragraph" in keys else "articles")
    figure.update_layout(
        barmode="stack",
        title=_cap_title(f"Theme shares per {unit_noun[:-1]} (share of its theme score)", len(shown), len(units), unit_noun),
        xaxis=dict(tickformat=".0%", range=[0, 1]),
        yaxis=dict(autorange="reversed"),
        legend=dict(orientation="h", traceorder="normal", yanchor="bottom", y=1.0, x=0),
        margin=dict(t=130),
        height=bar_height(len(shown)) + 110,
    )
    return figure


@styled
def plot_topic_terms(terms: pd.DataFrame, *, columns: int = 3, spelling: Callable[[str], str] | None = None) -> go.Figure:
    """One small bar chart per topic: its top terms by weight (``terms`` of a :class:`~presslens.topics.TopicModel`),
    terms and topic labels as ``spelling`` writes them."""
    if terms.empty:
        return empty_figure("Topic terms", "No topics were fitted.")
    terms = _spelled(terms, spelling, ["term", "label"])
    topics = sorted(terms["topic"].unique())
    rows = math.ceil(len(topics) / columns)
    labels = terms.drop_duplicates("topic").set_index("topic")["label"]
    per_topic = terms.groupby("topic")["rank"].max().max()
    panel, gap = 22 * per_topic + 20, 60
    height = rows * panel + (rows - 1) * gap + 110
    figure = make_subplots(
        rows=rows, cols=min(columns, len(topics)), subplot_titles=[short_label(labels[t], 34) for t in topics],
        horizontal_spacing=0.14, vertical_spacing=gap / (height - 110) if rows > 1 else 0,
    )
    for position, topic in enumerate(topics):
        data = terms[terms["topic"] == topic].sort_values("rank")
        figure.add_trace(
            go.Bar(
                x=data["weight"], y=data["term"], orientation="h", marker_color=PALETTE[position % len(PALETTE)],
                showlegend=False, hovertemplate=f"{labels[topic]}<br>%{{y}}: %{{x:.3f}}<extra></extra>",
            ),
            row=position // columns + 1, col=position % columns + 1,
        )
    figure.update_yaxes(autorange="reversed", showgrid=False)
    figure.update_xaxes(showticklabels=False, showgrid=False)
    figure.update_annotations(font_size=13)
    figure.update_layout(title="Top terms per topic (NMF weights)", height=height, margin=dict(t=90))
    return figure


@styled
def plot_topic_weights(articles: pd.DataFrame, *, max_units: int = MAX_UNITS,
                       spelling: Callable[[str], str] | None = None) -> go.Figure:
    """Articles × topics heatmap of topic shares (``articles`` of a :class:`~presslens.topics.TopicModel`),
    topic labels as ``spelling`` writes them."""
    if articles.empty:
        return empty_figure("Topics per article", "No topics were fitted.")
    articles = _spelled(articles, spelling, ["label"])
    wide = articles.pivot_table(index=["doc_id", "title"], columns="topic", values="weight", sort=True)
    labels = articles.drop_duplicates("topic").set_index("topic")["label"]
    shown = wide.head(max_units)
    titles = np.array([html.escape(title) for title in shown.index.get_level_values("title")], dtype=object)
    figure = go.Figure(
        go.Heatmap(
            z=shown.to_numpy(), x=[short_label(labels[topic], 30) for topic in shown.columns],
            y=[html.escape(short_label(doc_id, 28)) for doc_id in shown.index.get_level_values("doc_id")],
            customdata=np.repeat(titles[:, None], shown.shape[1], axis=1), colorscale=SEQUENTIAL, zmin=0, zmax=1,
            xgap=1, ygap=1, colorbar=dict(title="share", tickformat=".0%", thickness=14),
            hovertemplate="<b>%{customdata}</b><br>%{x}: %{z:.0%} of the article<extra></extra>",
        )
    )
    return _layout_heatmap(figure, _cap_title("Topic shares per article", len(shown), len(wide), "articles"),
                           len(shown), tickangle=-25)


@styled
def plot_topic_alignment(alignment: pd.DataFrame, *, spelling: Callable[[str], str] | None = None) -> go.Figure:
    """Topics × lexicon themes heatmap of overlap (:func:`~presslens.topics.align_topics`), topic labels and
    shared terms as ``spelling`` writes them."""
    if alignment.empty:
        return empty_figure("Topics and themes", "No topics were fitted.")
    alignment = _spelled(alignment, spelling, ["topic_label", "shared_terms"])
    wide = alignment.pivot_table(index=["topic", "topic_label"], columns="label", values="overlap", sort=True)
    themes = wide.max().sort_values(ascending=False).index.tolist()
    wide = wide[themes]
    shared = alignment.set_index(["topic", "label"])["shared_terms"]
    custom = np.array([[shared.get((topic, theme), "") or "none" for theme in themes] for topic, _ in wide.index], dtype=object)
    figure = go.Figure(
        go.Heatmap(
            z=wide.to_numpy(), x=themes, y=[short_label(label, 40) for _, label in wide.index],
            customdata=custom, colorscale=SEQUENTIAL, zmin=0, xgap=1, ygap=1,
            colorbar=dict(title="overlap", tickformat=".0%", thickness=14),
            hovertemplate="%{y}<br>%{x}: %{z:.0%} of the top-term weight<br>shared: %{customdata}<extra></extra>",
        )
    )
    return _layout_heatmap(figure, "Topics and lexicon themes (share of top-term weight on theme words)", len(wide))
