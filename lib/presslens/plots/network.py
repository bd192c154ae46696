"""Figures of actors and their co-occurrence: top actors, the network, the clustered heatmap."""

from __future__ import annotations

import itertools
import textwrap
import unicodedata
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd
import plotly.graph_objects as go
from scipy.cluster.hierarchy import leaves_list, linkage
from scipy.spatial.distance import squareform

from presslens.plots import PALETTE, SEQUENTIAL, bar_height, count_axis, empty_figure, styled, text_label

#: One colour per actor type, the same in every figure.
TYPE_COLOURS = {"person": PALETTE[1], "organization": PALETTE[0], "location": PALETTE[2]}
EDGE_WIDTHS = (0.8, 1.8, 3.2, 5.0)

#: The narrowest figure, in pixels, a network is drawn for: labels kept apart at this width stay apart
#: in any wider figure (a wider plot spreads the nodes, never the letters).
NETWORK_WIDTH = 760
NETWORK_HEIGHT = 720
NETWORK_MARGIN = {"l": 10, "r": 10, "t": 96, "b": 36}
PLOT_WIDTH = NETWORK_WIDTH - NETWORK_MARGIN["l"] - NETWORK_MARGIN["r"]
PLOT_HEIGHT = NETWORK_HEIGHT - NETWORK_MARGIN["t"] - NETWORK_MARGIN["b"]
#: Room kept free around the nodes for their labels, in pixels (left and right, top and bottom).
LABEL_ROOM = (70, 22)
LABEL_FONT_SIZE = 12
#: Characters per line of a label: a long name takes two or three short lines.
LABEL_LINE = 22


#: Where a label may go around its node, in the order tried; last, over the node itself.
LABEL_POSITIONS = ("top center", "bottom center", "middle right", "middle left",
                   "top right", "top left", "bottom right", "bottom left", "middle center")
#: Plotly's distance between the lines of a text, in font sizes.
LINE_SPACING = 1.3
#: Label boxes are widened by this many pixels on each side before they are compared.
LABEL_PADDING = 2


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
        title=f"Most mentioned actors (top {min(top_n, len(actors))})",
        xaxis=dict(title="mentions", **count_axis(top.groupby("actor")["mentions"].sum().max())),
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

    The layout is stretched to fill the figure. At most ``label_top`` actors are labelled: the most
    central first (degree: the most links, then mentions), each where its name overlaps no other label and no
    node, at the figure's narrowest width (:data:`NETWORK_WIDTH`); an actor whose name finds no free
    place is left for hover, and a line under the figure says so. Hover a node for its mentions and
    centrality; hover the middle of an edge for the pair's co-occurrence count, NPMI and first evidence
    sentence.
    """
    if color_by not in ("type", "community"):
        raise ValueError("color_by must be 'type' or 'community'")
    if graph.number_of_nodes() == 0:
        return empty_figure(title, "No pair of actors co-occurs with these settings: lower min_count or widen the window.")
    nodes = list(graph.nodes)
    mentions = np.array([graph.nodes[n].get("mentions", 1) for n in nodes], dtype=float)
    sizes = dict(zip(nodes, 10 + 34 * np.sqrt(mentions / max(mentions.max(), 1))))
    pixels = _fill_plot_area(positions, nodes)
    labels = place_labels(graph, pixels, sizes, label_top=label_top)
    points = {node: (x, PLOT_HEIGHT - y) for node, (x, y) in pixels.items()}  # data y grows upwards
    figure = go.Figure()
    _add_edges(figure, graph, points)
    stats = centrality.set_index("actor") if centrality is not None and len(centrality) else None
    for group, (members, colour) in _node_groups(graph, stats, color_by).items():
        figure.add_scatter(
            x=[points[n][0] for n in members], y=[points[n][1] for n in members],
            mode="markers+text", name=group, cliponaxis=False,
            marker=dict(size=[sizes[n] for n in members], color=colour, line=dict(color="white", width=1.5), opacity=0.92),
            text=[labels[n].text if n in labels else "" for n in members],
            textposition=[labels[n].position if n in labels else "top center" for n in members],
            textfont=dict(size=LABEL_FONT_SIZE, color="#1f2933"),
            hovertext=[_node_hover(n, graph, stats) for n in members], hoverinfo="text",
        )
    figure.update_layout(
        title=dict(text=title, y=0.985, yref="container", yanchor="top"), height=NETWORK_HEIGHT, showlegend=True,
        legend=dict(title_text=color_by, orientation="h", x=0, y=1, yanchor="bottom"),
        xaxis=dict(visible=False, range=[0, PLOT_WIDTH]),
        yaxis=dict(visible=False, range=[0, PLOT_HEIGHT]),
        margin=NETWORK_MARGIN,
        hovermode="closest",
    )
    figure.add_annotation(
        text=_label_rule(len(labels), len(nodes), label_top), showarrow=False, xref="paper", yref="paper",
        x=0, y=0, xanchor="left", yanchor="top", yshift=-8, align="left", font=dict(size=12, color="#52606d"),
    )
    return figure


@dataclass(frozen=True)
class Label:
    """A node's label: its ``text`` (lines joined by ``<br>``) and its plotly text ``position``."""

    text: str
    position: str


def place_labels(graph: nx.Graph, pixels: dict[str, tuple[float, float]], sizes: dict[str, float], *,
                 label_top: int = 25, font_size: int = LABEL_FONT_SIZE) -> dict[str, Label]:
    """Labels for the most central nodes, each placed where it overlaps no other label and no node.

    ``pixels`` are node centres in a plot area of :data:`PLOT_WIDTH` × :data:`PLOT_HEIGHT` pixels
    (y downwards), ``sizes`` marker diameters. Nodes are taken by degree (how many actors they are
    linked to), then mentions, then name; each tries eight places around its marker (above first), then
    the marker itself, first with its name in lines of :data:`LABEL_LINE` characters, then one word a
    line, and keeps the first free place inside the plot area; a node without one gets no label.
    """
    ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n), -graph.nodes[n].get("mentions", 0), n))
    markers = {n: _square(pixels[n], sizes[n] / 2 + 1) for n in graph.nodes}
    taken: list[tuple[float, float, float, float]] = []
    labels: dict[str, Label] = {}
    for node in ranked[:label_top]:
        others = [marker for other, marker in markers.items() if other != node]
        reach = sizes[node] / 2 / 0.8 + 1  # plotly's offset of a text from its marker
        for lines, position in itertools.product(_label_lines(str(node)), LABEL_POSITIONS):
            width = max(text_width(line, font_size) for line in lines)
            height = ((len(lines) - 1) * LINE_SPACING + 1) * font_size
            box = _label_box(pixels[node], position, width, height, reach)
            inside = box[0] >= 0 and box[1] >= 0 and box[2] <= PLOT_WIDTH and box[3] <= PLOT_HEIGHT
            if inside and not any(_overlap(box, other) for other in taken + others):
                labels[node] = Label("<br>".join(text_label(line) for line in lines), position)
                taken.append(box)
                break
    return labels


def _label_lines(name: str) -> list[list[str]]:
    """The ways to write a label: lines of up to :data:`LABEL_LINE` characters, then one word a line."""
    wrapped = textwrap.wrap(name, LABEL_LINE, break_long_words=False) or [name]
    narrow = name.split()
    return [wrapped, narrow] if len(narrow) > len(wrapped) else [wrapped]


def text_width(text: str, font_size: float) -> float:
    """An upper estimate of the width of ``text`` in pixels: wide (CJK) characters one font size, capitals
    and digits 0.7, other letters 0.56, spaces and punctuation 0.34 (sans-serif fonts are narrower)."""
    def em(char: str) -> float:
        if unicodedata.east_asian_width(char) in ("W", "F"):
            return 1.0
        if char.isupper() or char.isdigit():
            return 0.7
        return 0.56 if char.isalpha() else 0.34
    return font_size * sum(em(char) for char in text)


def _label_box(centre, position: str, width: float, height: float, reach: float) -> tuple[float, float, float, float]:
    """The box a plotly text at ``position`` around a marker at ``centre`` covers (as plotly offsets it)."""
    x, y = centre
    vertical, horizontal = position.split()
    left = {"center": x - width / 2, "right": x + reach, "left": x - reach - width}[horizontal]
    top = {"top": y - reach - height, "bottom": y + reach, "middle": y - height / 2}[vertical]
    pad = LABEL_PADDING
    return (left - pad, top - pad, left + width + pad, top + height + pad)


def _square(centre, half: float) -> tuple[float, float, float, float]:
    return (centre[0] - half, centre[1] - half, centre[0] + half, centre[1] + half)


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _fill_plot_area(positions: dict[str, tuple[float, float]], nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Layout positions stretched to the plot area in pixels (y downwards), :data:`LABEL_ROOM` kept free at the edges."""
    xs = np.array([positions[n][0] for n in nodes], dtype=float)
    ys = np.array([positions[n][1] for n in nodes], dtype=float)
    room_x, room_y = LABEL_ROOM

    def stretched(values: np.ndarray, length: float, room: float) -> np.ndarray:
        span = values.max() - values.min()
        if span == 0:
            return np.full(len(values), length / 2)
        return room + (values - values.min()) / span * (length - 2 * room)

    px = stretched(xs, PLOT_WIDTH, room_x)
    py = PLOT_HEIGHT - stretched(ys, PLOT_HEIGHT, room_y)  # layout y grows upwards
    return {node: (float(x), float(y)) for node, x, y in zip(nodes, px, py)}


def _label_rule(labelled: int, nodes: int, label_top: int) -> str:
    """The line under a network that says which actors carry a label."""
    if labelled == nodes:
        return "Every actor is labelled."
    return (f"Labels: {labelled} of the {min(label_top, nodes)} most linked actors (degree), "
            f"those whose names fit without overlapping; hover a node for the other {nodes - labelled}.")


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
