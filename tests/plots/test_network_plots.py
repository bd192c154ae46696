"""The actor network as drawn: it fills the figure, and its labels are whole names that never overlap."""

from __future__ import annotations

import html
import itertools

import networkx as nx
import numpy as np
import pytest

from presslens.network import centrality_table, layout_network
from presslens.plots.network import (LABEL_FONT_SIZE, LINE_SPACING, PLOT_HEIGHT, PLOT_WIDTH, plot_actor_network,
                                     text_width)

#: Long names around two hubs, so that labels would collide if placed without care.
NAMES = ["Chinese Academy of Social Sciences", "National Development and Reform Commission", "Vladimir Putin",
         "Far East", "Vladivostok", "Eastern Economic Forum", "Xi Jinping", "Shanghai Cooperation Organisation",
         "Ministry of Commerce of the People's Republic of China", "Central Asia", "Kazakhstan", "Astana",
         "Eurasian Economic Union", "Russian Direct Investment Fund", "Belt and Road Initiative", "Harbin",
         "中国社会科学院", "Министерство экономического развития"]


@pytest.fixture(scope="module")
def graph() -> nx.Graph:
    graph = nx.Graph()
    graph.add_node("China", type="location", mentions=60)
    graph.add_node("Russia", type="location", mentions=45)
    for number, name in enumerate(NAMES):
        graph.add_node(name, type=("person", "organization", "location")[number % 3], mentions=2 + number % 7)
        for hub in ("China", "Russia")[: 1 + number % 2]:
            graph.add_edge(hub, name, weight=1.0 + number % 4, count=1 + number % 4, n_docs=1, npmi=0.3, evidence="")
    graph.add_edge("China", "Russia", weight=9.0, count=9, n_docs=4, npmi=0.4, evidence="")
    return graph


@pytest.fixture(scope="module")
def figure(graph):
    return plot_actor_network(graph, layout_network(graph), centrality=centrality_table(graph), label_top=30)


def _nodes(figure):
    return [trace for trace in figure.data if trace.mode == "markers+text"]


def _label_boxes(figure) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each label's box in pixels of the plot area at its narrowest, from the figure's data and font size."""
    boxes = []
    for trace in _nodes(figure):
        for x, y, text, position, size in zip(trace.x, trace.y, trace.text, trace.textposition, trace.marker.size):
            if not text:
                continue
            lines = text.split("<br>")
            width = max(text_width(line, LABEL_FONT_SIZE) for line in lines)
            height = ((len(lines) - 1) * LINE_SPACING + 1) * LABEL_FONT_SIZE
            reach = size / 2 / 0.8 + 1
            top = PLOT_HEIGHT - y  # pixels downwards
            vertical, horizontal = position.split()
            left = {"center": x - width / 2, "right": x + reach, "left": x - reach - width}[horizontal]
            upper = {"top": top - reach - height, "bottom": top + reach, "middle": top - height / 2}[vertical]
            boxes.append((text, (left, upper, left + width, upper + height)))
    return boxes


def test_the_network_fills_the_plot_area(figure):
    xs = np.concatenate([np.asarray(trace.x, float) for trace in _nodes(figure)])
    ys = np.concatenate([np.asarray(trace.y, float) for trace in _nodes(figure)])
    assert tuple(figure.layout.xaxis.range) == (0, PLOT_WIDTH) and tuple(figure.layout.yaxis.range) == (0, PLOT_HEIGHT)
    assert np.ptp(xs) > 0.75 * PLOT_WIDTH and np.ptp(ys) > 0.85 * PLOT_HEIGHT
    assert figure.layout.yaxis.scaleanchor is None, "the layout stretches to the figure's shape"


def test_no_two_labels_overlap_and_names_are_whole(figure):
    boxes = _label_boxes(figure)
    assert len(boxes) >= 8
    for (first, a), (second, b) in itertools.combinations(boxes, 2):
        assert min(a[2], b[2]) <= max(a[0], b[0]) or min(a[3], b[3]) <= max(a[1], b[1]), (first, second)
    for text, (left, top, right, bottom) in boxes:
        assert left >= 0 and top >= 0 and right <= PLOT_WIDTH and bottom <= PLOT_HEIGHT, text
        assert "…" not in text
    wrapped = [text for text, _ in boxes if "<br>" in text]
    assert wrapped and all(html.unescape(text.replace("<br>", " ")) in NAMES for text in wrapped), "long names wrap whole"


def test_the_most_central_actors_are_labelled_first_and_the_rule_is_stated(figure, graph):
    labelled = {text for text, _ in _label_boxes(figure)}
    assert {"China", "Russia"} <= labelled, "the hubs carry labels"
    [rule] = [note.text for note in figure.layout.annotations]
    unlabelled = graph.number_of_nodes() - len(labelled)
    if unlabelled:
        assert rule.startswith(f"Labels: {len(labelled)} of the ") and f"hover a node for the other {unlabelled}" in rule
    else:
        assert rule == "Every actor is labelled."
    hover = [text for trace in _nodes(figure) for text in trace.hovertext]
    assert len(hover) == graph.number_of_nodes(), "every actor, labelled or not, has its hover text"


def test_a_small_network_labels_every_actor():
    graph = nx.Graph()
    for name, kind in (("China", "location"), ("Russia", "location"), ("Xi Jinping", "person")):
        graph.add_node(name, type=kind, mentions=5)
    graph.add_edge("China", "Russia", weight=2.0, count=2, n_docs=1, npmi=0.5, evidence="")
    graph.add_edge("China", "Xi Jinping", weight=1.0, count=1, n_docs=1, npmi=0.2, evidence="")
    figure = plot_actor_network(graph, layout_network(graph))
    assert [note.text for note in figure.layout.annotations] == ["Every actor is labelled."]
    assert sorted(text for trace in _nodes(figure) for text in trace.text) == ["China", "Russia", "Xi Jinping"]
