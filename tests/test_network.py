"""The actor network: reproducible layout and communities, centrality, Gephi files."""

from __future__ import annotations

import networkx as nx
import pytest

from presslens.actors import corpus_actors, mentions_table
from presslens.cooccurrence import cooccurrence_evidence, cooccurrence_table
from presslens.network import build_network, centrality_table, detect_communities, layout_network, write_network


@pytest.fixture(scope="module")
def graph(seed_corpus):
    mentions = mentions_table(seed_corpus)
    pairs = cooccurrence_table(seed_corpus, mentions, window="sentence")
    evidence = cooccurrence_evidence(seed_corpus, mentions, window="sentence", pairs=pairs)
    return build_network(pairs, corpus_actors(mentions), measure="count", evidence=evidence)


def test_nodes_and_edges_carry_what_the_figures_show(graph):
    assert graph.nodes["China"]["type"] == "location" and graph.nodes["China"]["mentions"] > 30
    edge = graph.edges["China", "Russia"]
    assert edge["count"] == edge["weight"] > 10 and edge["evidence"]
    assert all(data["evidence"] for _, _, data in graph.edges(data=True)), "every edge can be traced to a sentence"


def test_layout_and_communities_are_reproducible(graph):
    assert layout_network(graph) == layout_network(graph)
    assert detect_communities(graph) == detect_communities(graph)


def test_centrality_ranks_the_hubs_first(graph):
    table = centrality_table(graph)
    assert set(table.columns) >= {"actor", "degree", "weighted_degree", "betweenness", "eigenvector", "community"}
    assert set(table.head(3).actor) >= {"China", "Russia"}
    assert table.betweenness.between(0, 1).all()


def test_max_nodes_keeps_the_most_mentioned(seed_corpus):
    mentions = mentions_table(seed_corpus)
    pairs = cooccurrence_table(seed_corpus, mentions, window="article")
    small = build_network(pairs, corpus_actors(mentions), max_nodes=10)
    assert small.number_of_nodes() <= 10 and "China" in small


@pytest.mark.parametrize("suffix, read", [(".gexf", nx.read_gexf), (".graphml", nx.read_graphml)])
def test_gephi_files_round_trip(graph, tmp_path, suffix, read):
    path = write_network(graph, tmp_path / f"net{suffix}")
    back = read(path)
    assert back.number_of_nodes() == graph.number_of_nodes() and back.number_of_edges() == graph.number_of_edges()
    assert back.nodes["China"]["type"] == "location"


def test_unknown_network_format_is_refused(graph, tmp_path):
    with pytest.raises(ValueError, match=r"\.gexf, \.graphml"):
        write_network(graph, tmp_path / "net.json")
