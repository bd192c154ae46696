"""Figures of :mod:`presslens.trends`: rates over time drawn over the number of articles behind each point."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import plotly.graph_objects as go

from presslens.deprecation import former_keywords
from presslens.plots import PALETTE, count_axis, empty_figure, styled, text_label

ARTICLES_COLOUR = "#d9dee5"
#: Width of a period's bar, in days.
BAR_DAYS = {"week": 6, "month": 26, "quarter": 80, "year": 330}


@former_keywords(n="top_n", by="period")
@styled
def plot_trends(trends: pd.DataFrame, *, kind: str, names: Sequence[str] = (), top_n: int = 5, period: str = "month",
                spelling: Callable[[str], str] | None = None) -> go.Figure:
    """Lines of ``names`` (default: the ``top_n`` most counted of ``kind``) per 1,000 words, over grey bars of the
    number of articles in each period (a :func:`~presslens.trends.trends_table` made with this ``period``).

    The articles axis has whole-number ticks; terms are named as ``spelling`` writes them."""
    chosen = trends[trends["kind"] == kind]
    if chosen.empty:
        why = "No dated article: nothing to draw over time." if trends.empty else f"No {kind} in the dated articles."
        return empty_figure(f"{kind.capitalize()}s over time", why)
    names = list(names) or chosen.groupby("name")["count"].sum().sort_values(ascending=False).head(top_n).index.tolist()
    periods = trends.drop_duplicates("period").sort_values("period")
    figure = go.Figure(go.Bar(
        x=pd.to_datetime(periods["period"]), y=periods["n_articles"], name="articles", marker_color=ARTICLES_COLOUR,
        width=BAR_DAYS.get(period, 26) * 86_400_000, offset=0,  # on a date axis, milliseconds from the period's first day
        yaxis="y2", hovertemplate="%{x|%d %b %Y}: %{y} article(s)<extra></extra>",
    ))
    for number, name in enumerate(names):
        line = chosen.loc[chosen["name"] == name, ["period", "count", "per_1000_words"]].set_index("period")
        line = line.reindex(periods["period"], fill_value=0).reset_index()
        shown = spelling(name) if spelling and kind == "term" else name
        figure.add_trace(go.Scatter(
            x=pd.to_datetime(line["period"]), y=line["per_1000_words"], mode="lines+markers", name=text_label(shown, 30),
            line_color=PALETTE[number % len(PALETTE)], customdata=line[["count"]].to_numpy(),
            hovertemplate=f"<b>{text_label(shown)}</b> %{{x|%d %b %Y}}<br>%{{y:.2f}} per 1,000 words (%{{customdata[0]}} times)<extra></extra>",
        ))
    figure.update_layout(
        title=f"{kind.capitalize()}s over time, per 1,000 words (grey: articles per period)",
        yaxis=dict(title="per 1,000 words", rangemode="tozero"),
        yaxis2=dict(title="articles", overlaying="y", side="right", showgrid=False, **count_axis(periods["n_articles"].max())),
        legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0),
        height=440,
    )
    return figure
