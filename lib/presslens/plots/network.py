"""Figures of actors and their co-occurrence: top actors, the network, the clustered heatmap."""

from __future__ import annotations

import textwrap

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from scipy.cluster.hierarchy import leaves_list, linkage
from scipy.spatial.distance import squareform

from presslens.plots import PALETTE, SEQUENTIAL, bar_height, empty_figure, styled, text_label

#: One colour per actor type, the same in every figure.
TYPE_COLOURS = {"person": PALETTE[1], "organization": PALETTE[0], "location": PALETTE[2]}
EDGE_WIDTHS = (0.8, 1.8, 3.2, 5.0)


@styled
def plot_top_actors(actors: pd.DataFrame, *, top_n: int = 25) -> go.Figure:
    """Horizontal bars of the most mentioned actors, coloured by type (``corpus_actors`` table)."""
    if actors.empty:
        return empty_figure("Most mentioned actors", "No actors found.")
    top = actors.head(top_n).iloc[::-1]
    figure = go.Figure()
    for kind, colour in TYPE_COLOURS.items():
        part = top[top["type"] == kind]
        if part.empty:
            continue
        figure.add_bar(
            x=part["mentions"], y=part["actor"].map(lambda actor: text_label(actor, 40)), orientation="h", name=kind,
            marker_color=colour, customdata=part[["actor", "n_docs"]].assign(actor=part["actor"].map(text_label)).to_numpy(),
            hovertemplate="<b>%{customdata[0]}</b><br>%{x} mentions in %{customdata[1]} article(s)<extra>" + kind + "</extra>",
        )
    figure.update_layout(
        title=f"Most mentioned actors (top {min(top_n, len(actors))})", xaxis_title="mentions",
        height=bar_height(len(top)), barmode="stack", legend_title_text="type",
        yaxis=dict(categoryorder="array", categoryarray=list(top["actor"].map(lambda actor: text_label(actor, 40)))),
    )
    return figure


@styled
def plot_actor_network(
    graph: nx.Graph,
    positions: dict[str, tuple[float, float]],
    *,
    centrality: pd.DataFrame | None = None,
    color_by: str = "type",
    label_top: int = 25,
    title: str = "Actor network",
) -> go.Figure:
    """The co-occurrence network: node size = mentions, colour = type or community, edge width = weight.

    Hover a node for its mentions and centrality; hover the middle of an edge for the pair's
    co-occurrence count, NPMI and first evidence sentence.
    """
    if color_by not in ("type", "community"):
        raise ValueError("color_by must be 'type' or 'community'")
    if graph.number_of_nodes() == 0:
        return empty_figure(title, "No pair of actors co-occurs with these settings: lower min_count or widen the window.")
    figure = go.Figure()
    _add_edges(figure, graph, positions)
    stats = centrality.set_index("actor") if centrality is not None and len(centrality) else None
    nodes = list(graph.nodes)
    mentions = np.array([graph.nodes[n].get("mentions", 1) for n in nodes], dtype=float)
    sizes = 10 + 34 * np.sqrt(mentions / max(mentions.max(), 1))
    ranked = sorted(nodes, key=lambda n: -graph.nodes[n].get("mentions", 0))[:label_top]
    groups = _node_groups(graph, stats, color_by)
    for group, (members, colour) in groups.items():
        index = [nodes.index(n) for n in members]
        figure.add_scatter(
            x=[positions[n][0] for n in members], y=[positions[n][1] for n in members],
            mode="markers+text", name=group,
            marker=dict(size=sizes[index], color=colour, line=dict(color="white", width=1.5), opacity=0.92),
            text=[text_label(n, 28) if n in ranked else "" for n in members],
            textposition="top center", textfont=dict(size=11),
            hovertext=[_node_hover(n, graph, stats) for n in members], hoverinfo="text",
        )
    figure.update_layout(
        title=title, height=720, showlegend=True, legend_title_text=color_by,
        xaxis=dict(visible=False), yaxis=dict(visible=False, scaleanchor="x"), hovermode="closest",
    )
    return figure


def _node_groups(graph, stats, color_by) -> dict[str, tuple[list[str], str]]:
    if color_by == "type":
        return {
            kind: ([n for n in graph.nodes if graph.nodes[n]["type"] == kind], colour)
            for kind, colour in TYPE_COLOURS.items()
            if any(graph.nodes[n]["type"] == kind for n in graph.nodes)
        }
    community = stats["community"] if stats is not None else pd.Series({n: 0 for n in graph.nodes})
    groups = {}
    for number in sorted(set(community)):
        members = [n for n in graph.nodes if community.get(n, -1) == number]
        groups[f"community {number}"] = (members, PALETTE[number % len(PALETTE)])
    return groups


def _add_edges(figure: go.Figure, graph: nx.Graph, positions) -> None:
    weights = np.array([data["weight"] for _, _, data in graph.edges(data=True)], dtype=float)
    if len(weights) == 0:
        return
    bins = np.quantile(weights, [0.25, 0.5, 0.75]) if len(weights) > 3 else np.array([np.inf] * 3)
    edges = list(graph.edges(data=True))
    for level, width in enumerate(EDGE_WIDTHS):
        xs, ys = [], []
        for (u, v, data), weight in zip(edges, weights):
            if int(np.searchsorted(bins, weight, side="right")) != level:
                continue
            xs += [positions[u][0], positions[v][0], None]
            ys += [positions[u][1], positions[v][1], None]
        if xs:
            figure.add_scatter(x=xs, y=ys, mode="lines", line=dict(width=width, color="rgba(97,110,124,0.45)"),
                               hoverinfo="skip", showlegend=False)
    figure.add_scatter(
        x=[(positions[u][0] + positions[v][0]) / 2 for u, v, _ in edges],
        y=[(positions[u][1] + positions[v][1]) / 2 for u, v, _ in edges],
        mode="markers", marker=dict(size=7, color="rgba(0,0,0,0)"), showlegend=False, hoverinfo="text",
        hovertext=[_edge_hover(u, v, data) for u, v, data in edges],
    )


def _node_hover(node: str, graph: nx.Graph, stats) -> str:
    data = graph.nodes[node]
    lines = [f"<b>{text_label(node)}</b> ({data['type']})", f"{data.get('mentions', 0)} mentions, {graph.degree(node)} links"]
    if stats is not None and node in stats.index:
        row = stats.loc[node]
        lines.append(f"betweenness {row['betweenness']:.3f} · eigenvector {row['eigenvector']:.3f} · community {row['community']}")
    return "<br>".join(lines)


def _edge_hover(u: str, v: str, data: dict) -> str:
    head = f"<b>{text_label(u)} — {text_label(v)}</b><br>{data['count']} window(s) in {data['n_docs']} article(s), NPMI {data['npmi']:.2f}"
    evidence = data.get("evidence", "")
    if not evidence:
        return head
    wrapped = "<br>".join(textwrap.wrap(text_label(evidence), 90)[:5])
    return f"{head}<br><i>{wrapped}</i>"


@styled
def plot_cooccurrence_heatmap(matrix: pd.DataFrame, *, measure: str = "count", title: str | None = None) -> go.Figure:
    """Actor × actor heatmap, rows and columns ordered by hierarchical clustering so blocks show groups."""
    if matrix.empty or len(matrix) < 2:
        return empty_figure(title or "Co-occurrence heatmap", "Fewer than two actors co-occur with these settings.")
    order = _cluster_order(matrix)
    ordered = matrix.iloc[order, order]
    labels = [text_label(name, 30) for name in ordered.index]
    figure = go.Figure(go.Heatmap(
        z=ordered.to_numpy(), x=labels, y=labels, colorscale=SEQUENTIAL, colorbar=dict(title=measure),
        customdata=np.array([[(text_label(a), text_label(b)) for b in ordered.columns] for a in ordered.index], dtype=object),
        hovertemplate="%{customdata[0]} — %{customdata[1]}<br>" + measure + ": %{z:.3g}<extra></extra>",
        xgap=1, ygap=1,
    ))
    size = max(480, min(1100, 160 + 22 * len(labels)))
    figure.update_layout(
        title=title or f"Who co-occurs with whom ({measure}), clustered", height=size,
        xaxis=dict(tickangle=-45, showgrid=False), yaxis=dict(autorange="reversed", showgrid=False),
    )
    return figure


def _cluster_order(matrix: pd.DataFrame) -> np.ndarray:
    values = matrix.to_numpy(float)
    scale = values.max() if values.max() > 0 else 1.0
    distance = 1.0 - values / scale
    np.fill_diagonal(distance, 0.0)
    condensed = squareform(np.clip(distance, 0, None), checks=False)
    return leaves_list(linkage(condensed, method="average"))
