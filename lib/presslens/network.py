"""The actor network: actors as nodes, co-occurrence as weighted edges, measured with networkx.

Centrality says which actors hold the coverage together: **weighted degree** (how much co-occurrence
an actor has), **betweenness** (how often it lies on the shortest path between two others: a bridge)
and **eigenvector** centrality (linked to well-linked actors). **Communities** (greedy modularity)
group actors that are mentioned together more than with the rest. Layouts are seeded, so the same
corpus draws the same picture twice. GEXF and GraphML files open in Gephi.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd

from presslens.atomic import write_by_suffix
from presslens.cooccurrence import measure_column

LAYOUT_SEED = 7
NETWORK_FORMATS = (".gexf", ".graphml")


def build_network(
    cooccurrence: pd.DataFrame,
    actors: pd.DataFrame,
    *,
    measure: str = "count",
    evidence: pd.DataFrame | None = None,
    max_nodes: int | None = None,
) -> nx.Graph:
    """A weighted graph of actors.

    Parameters
    ----------
    cooccurrence
        Pairs from :func:`presslens.cooccurrence.cooccurrence_table` (already filtered as wanted).
    actors
        Corpus-level actors (:func:`presslens.actors.corpus_actors`): node type and mentions.
    measure
        The measure used as edge ``weight`` (:data:`~presslens.cooccurrence.MEASURES`; negative NPMI is
        clipped to 0: no edge strength).
    evidence
        Optional evidence table; the first sentence of each pair becomes the edge's ``evidence``.
    max_nodes
        Keep only pairs between the ``max_nodes`` most mentioned actors (a readable picture).
    """
    column = measure_column(measure)
    if max_nodes is not None:
        keep = set(actors.nlargest(max_nodes, "mentions")["actor"])
        cooccurrence = cooccurrence[cooccurrence["actor_a"].isin(keep) & cooccurrence["actor_b"].isin(keep)]
    graph = nx.Graph()
    info = actors.set_index("actor")
    first_evidence = {}
    if evidence is not None and len(evidence):
        first = evidence.drop_duplicates(["actor_a", "actor_b"])
        first_evidence = {(a, b): f"{doc}: {text}" for a, b, doc, text in first[["actor_a", "actor_b", "doc_id", "text"]].itertuples(index=False)}
    for row in cooccurrence.itertuples(index=False):
        for name, kind in ((row.actor_a, row.type_a), (row.actor_b, row.type_b)):
            if name not in graph:
                mentions = int(info.at[name, "mentions"]) if name in info.index else 0
                graph.add_node(name, type=kind, mentions=mentions)
        weight = max(float(getattr(row, column)), 0.0)
        graph.add_edge(
            row.actor_a, row.actor_b, weight=weight, count=int(row.count), n_docs=int(row.n_docs),
            npmi=float(row.npmi), evidence=first_evidence.get((row.actor_a, row.actor_b), ""),
        )
    return graph


def detect_communities(graph: nx.Graph) -> dict[str, int]:
    """Community number of every node (greedy modularity on edge weights; largest community is 0)."""
    if graph.number_of_edges() == 0:
        return {node: i for i, node in enumerate(sorted(graph))}
    communities = nx.community.greedy_modularity_communities(graph, weight="weight")
    ordered = sorted(communities, key=lambda c: (-len(c), sorted(c)[0]))
    return {node: number for number, members in enumerate(ordered) for node in members}


def centrality_table(graph: nx.Graph) -> pd.DataFrame:
    """Per actor: ``actor, type, mentions, degree, weighted_degree, betweenness, eigenvector, community``."""
    columns = ["actor", "type", "mentions", "degree", "weighted_degree", "betweenness", "eigenvector", "community"]
    if graph.number_of_nodes() == 0:
        return pd.DataFrame(columns=columns)
    # Betweenness treats weights as distances: a strong link is a short one.
    distances = nx.Graph()
    distances.add_nodes_from(graph)
    distances.add_weighted_edges_from(
        ((u, v, 1.0 / max(data["weight"], 1e-9)) for u, v, data in graph.edges(data=True)), weight="distance"
    )
    betweenness = nx.betweenness_centrality(distances, weight="distance", normalized=True)
    eigenvector = _eigenvector(graph)
    community = detect_communities(graph)
    rows = [
        (node, data["type"], data["mentions"], graph.degree(node), graph.degree(node, weight="weight"),
         betweenness[node], eigenvector[node], community[node])
        for node, data in graph.nodes(data=True)
    ]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["weighted_degree", "mentions", "actor"], ascending=[False, False, True], ignore_index=True)


def _eigenvector(graph: nx.Graph) -> dict[str, float]:
    """Eigenvector centrality per connected component (it is undefined across disconnected parts)."""
    scores = {}
    for component in nx.connected_components(graph):
        sub = graph.subgraph(component)
        if sub.number_of_nodes() < 3:
            scores.update({node: 0.0 for node in sub})
            continue
        try:
            values = nx.eigenvector_centrality_numpy(sub, weight="weight")
        except (nx.NetworkXException, ValueError, TypeError):
            values = {node: 0.0 for node in sub}
        share = sub.number_of_nodes() / graph.number_of_nodes()
        scores.update({node: abs(value) * share for node, value in values.items()})
    return scores


def layout_network(graph: nx.Graph, *, seed: int = LAYOUT_SEED) -> dict[str, tuple[float, float]]:
    """Node positions from a seeded spring layout (the same graph gives the same picture).

    Each connected group of actors is laid out on its own, in a square whose side grows with the
    square root of its size, and the squares are packed in rows, largest first: two actors named
    together once stay apart from the main network instead of collapsing onto each other far away.
    """
    components = sorted((sorted(component) for component in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    sides = [len(component) ** 0.5 for component in components]
    row_width = max(sum(side ** 2 for side in sides) ** 0.5 * 1.3, sides[0]) if sides else 0.0
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for component, side in zip(components, sides):
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        center = (x + side / 2, -(y + side / 2))
        if len(component) == 1:
            placed = {component[0]: center}
        else:
            placed = nx.spring_layout(graph.subgraph(component), weight="weight", seed=seed, k=1.6 / len(component) ** 0.5,
                                      iterations=200, center=center, scale=0.42 * side)
        positions.update({node: (float(px), float(py)) for node, (px, py) in placed.items()})
        x, row_height = x + side, max(row_height, side)
    return positions


def write_network(graph: nx.Graph, path: str | Path) -> Path:
    """Write the graph for Gephi: ``.gexf`` or ``.graphml``, chosen by extension, written atomically."""
    writers = {".gexf": lambda target: nx.write_gexf(graph, target), ".graphml": lambda target: nx.write_graphml(graph, target)}
    return write_by_suffix(path, writers, what="a network")
