"""Figures of who gets a voice: the most quoted, quotations against mentions, unnamed sources, voices per group."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from presslens.plots import PALETTE, bar_height, empty_figure, styled, text_label
from presslens.plots.network import TYPE_COLOURS

KIND_COLOURS = {"direct": PALETTE[0], "reported": PALETTE[4]}
#: Actors never quoted are labelled only among the most mentioned (the rest crowd the zero line: hover them).
LABELLED_SILENT = 5
SOURCE_COLOURS = {"named": PALETTE[0], "unnamed": PALETTE[5], "unresolved": PALETTE[1], "no_speaker": "#999999"}


@styled
def plot_top_speakers(speakers: pd.DataFrame) -> go.Figure:
    """Horizontal bars of the most quoted actors, direct and reported quotations stacked (``top_speakers`` table)."""
    if speakers.empty:
        return empty_figure("Most quoted actors", "No quotation is attributed to an actor.")
    top = speakers.iloc[::-1]
    labels = top["speaker_actor"].map(lambda actor: text_label(actor, 40))
    figure = go.Figure()
    for kind, counts in (("direct", top["direct"]), ("reported", top["quotes"] - top["direct"])):
        figure.add_bar(x=counts, y=labels, orientation="h", name=kind, marker_color=KIND_COLOURS[kind],
                       customdata=top[["n_docs"]].to_numpy(),
                       hovertemplate="%{y}: %{x} " + kind + " quotation(s), in %{customdata[0]} article(s) in all<extra></extra>")
    figure.update_layout(title=f"Most quoted actors (top {len(top)})", xaxis_title="quotations", barmode="stack",
                         height=bar_height(len(top)), legend_title_text="kind",
                         yaxis=dict(categoryorder="array", categoryarray=list(labels)))
    return figure


@styled
def plot_voice_shares(shares: pd.DataFrame, *, top_n: int = 30) -> go.Figure:
    """Each actor's share of mentions (x) against its share of quotations (y), for the ``top_n`` most
    mentioned (``voice_shares`` table). Below the diagonal: talked about more than heard. Every quoted actor is
    labelled, of the silent ones only the most mentioned."""
    if shares.empty:
        return empty_figure("Quoted or only mentioned?", "No actors found.")
    top = shares.head(top_n)
    labelled = set(top.loc[top["quotes"] > 0, "actor"]) | set(top["actor"].head(LABELLED_SILENT))
    figure = go.Figure()
    for kind in ("person", "organization"):
        part = top[top["type"] == kind]
        if part.empty:
            continue
        figure.add_scatter(
            x=part["mention_share"], y=part["quote_share"], mode="markers+text", name=kind,
            marker=dict(color=TYPE_COLOURS[kind], size=10),
            text=[text_label(actor, 24) if actor in labelled else "" for actor in part["actor"]],
            textposition="top center", customdata=part[["actor", "mentions", "quotes"]].assign(
                actor=part["actor"].map(text_label)).to_numpy(),
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]} mentions, %{customdata[2]} quotations<extra></extra>")
    limit = float(max(top["mention_share"].max(), top["quote_share"].max())) * 1.1
    figure.add_scatter(x=[0, limit], y=[0, limit], mode="lines", line=dict(color="#999999", dash="dot"),
                       name="as quoted as mentioned", hoverinfo="skip")
    figure.update_layout(title="Share of quotations against share of mentions", xaxis_title="share of mentions",
                         yaxis_title="share of quotations", xaxis_tickformat=".0%", yaxis_tickformat=".0%", height=560)
    return figure


@styled
def plot_unnamed_sources(sources: pd.DataFrame) -> go.Figure:
    """Stacked bars per group of articles: quotations with a named, unnamed, unresolved or no speaker
    (``unnamed_sources`` table)."""
    if sources.empty:
        return empty_figure("Who is quoted, by outlet", "No quotations found.")
    top = sources.iloc[::-1]
    labels = top["group"].map(lambda group: text_label(group, 40))
    figure = go.Figure()
    for kind, colour in SOURCE_COLOURS.items():
        figure.add_bar(x=top[kind], y=labels, orientation="h", name=kind.replace("_", " "), marker_color=colour,
                       hovertemplate="%{y}: %{x} quotation(s), " + kind.replace("_", " ") + "<extra></extra>")
    figure.update_layout(title="Named and unnamed sources per group", xaxis_title="quotations", barmode="stack",
                         height=bar_height(len(top)), legend_title_text="speaker",
                         yaxis=dict(categoryorder="array", categoryarray=list(labels)))
    return figure


@styled
def plot_group_voices(grouped: pd.DataFrame) -> go.Figure:
    """Each actor's share of named quotations in each group (``group_quotes`` table): lines over periods
    when the groups are periods, grouped bars otherwise."""
    if grouped.empty:
        return empty_figure("Voices per group", "No quotation is attributed to an actor.")
    periods = pd.to_datetime(grouped["group"], errors="coerce", format="mixed")
    over_time = bool(periods.notna().all())
    figure = go.Figure()
    for i, (actor, part) in enumerate(grouped.groupby("speaker_actor", sort=False)):
        colour = PALETTE[i % len(PALETTE)]
        common = dict(name=text_label(actor, 30), customdata=part[["quotes"]].to_numpy(),
                      hovertemplate="%{x}: %{y:.0%} of named quotations (%{customdata[0]})<extra>" + text_label(actor) + "</extra>")
        if over_time:
            figure.add_scatter(x=part["group"], y=part["share"], mode="lines+markers", line_color=colour, **common)
        else:
            figure.add_bar(x=part["group"].map(lambda group: text_label(group, 30)), y=part["share"], marker_color=colour, **common)
    figure.update_layout(title="Share of quotations per actor and group", yaxis_title="share of named quotations",
                         yaxis_tickformat=".0%", barmode="group", legend_title_text="speaker", height=520)
    return figure
