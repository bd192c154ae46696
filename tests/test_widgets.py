"""Explorers: each control change shows what the library calls return for the new value; no ipywidgets, a note."""

from __future__ import annotations

import sys

import pytest

from conftest import explorer_tables
from presslens.cooccurrence import actor_evidence, actor_neighbours, cooccurrence_table
from presslens.patterns import kwic
from presslens.themes import theme_articles
from presslens.widgets import UNAVAILABLE, explore_actor, explore_kwic, explore_theme, explore_window

PLOTLY = "application/vnd.plotly.v1+json"


@pytest.fixture(scope="module")
def analysis(seed_corpus):
    """The tables the notebooks hand to the explorers, computed once on the sample corpus."""
    return explorer_tables(seed_corpus)


def control(box, description: str):
    """The control of an explorer labelled ``description``."""
    for child in getattr(box, "children", ()):
        if getattr(child, "description", None) == description:
            return child
        found = control(child, description)
        if found is not None:
            return found
    return None


def shown(box) -> list[dict]:
    """The mime bundles the explorer's output area displays, in order."""
    return [output["data"] for output in box.children[-1].outputs]


def test_kwic_explorer_shows_the_lines_and_dispersion_of_the_chosen_term(analysis):
    box = explore_kwic(analysis["docs"], analysis["tokens"], terms=["cooperation", "investment"])
    assert control(box, "term").value == "cooperation"
    control(box, "term").value = "Far East"
    table, figure = shown(box)
    lines = kwic(analysis["docs"], "Far East", tokens=analysis["tokens"])
    assert len(lines) > 1 and table["text/html"].count(">Far East<") == len(lines)
    layout = figure[PLOTLY]["layout"]
    assert [note["text"] for note in layout["annotations"]] == ["Far East"]
    assert sum(len(trace["y"]) for trace in figure[PLOTLY]["data"]) == len(lines)  # one tick per line


def test_kwic_explorer_context_width_and_bad_input(analysis):
    box = explore_kwic(analysis["docs"], analysis["tokens"], terms=["cooperation"])
    wide = kwic(analysis["docs"], "cooperation", context=8, tokens=analysis["tokens"])
    context = wide["left"].iloc[0]
    assert len(context.split()) > 2 and context in shown(box)[0]["text/html"]
    control(box, "context").value = 1
    assert context not in shown(box)[0]["text/html"]
    control(box, "term").value = "  "
    [message] = shown(box)
    assert "no word to match" in message["text/markdown"]


def test_actor_explorer_shows_the_neighbours_and_evidence_of_the_chosen_actor(analysis):
    box = explore_actor(analysis["mentions"], analysis["pairs"], analysis["evidence"])
    assert control(box, "actor").value == "China"  # the most mentioned actor comes first
    control(box, "actor").value = "Xi Jinping"
    summary, neighbours, evidence = shown(box)
    assert "<b>Xi Jinping</b> (person)" in summary["text/html"]
    expected = actor_neighbours(analysis["pairs"], "Xi Jinping")
    assert len(expected) > 0
    for name in expected["neighbour"].head(10):
        assert f">{name}<" in neighbours["text/html"]
    first = actor_evidence(analysis["evidence"], "Xi Jinping", neighbours=expected)["text"].iloc[0]
    assert first[:60] in evidence["text/html"].replace("&#x27;", "'").replace("&quot;", '"')


def test_actor_explorer_ranks_by_the_chosen_measure(analysis):
    box = explore_actor(analysis["mentions"], analysis["pairs"], analysis["evidence"])
    control(box, "rank by").value = "count"
    html = shown(box)[1]["text/html"]
    top = actor_neighbours(analysis["pairs"], "China", measure="count")["neighbour"]
    assert html.index(f">{top.iloc[0]}<") < html.index(f">{top.iloc[5]}<")


def test_theme_explorer_shows_the_articles_and_sentences_of_the_chosen_theme(analysis):
    box = explore_theme(analysis["scores"], analysis["sentences"])
    control(box, "theme").value = "tourism_culture"
    table, sentences = shown(box)
    articles = theme_articles(analysis["scores"], "tourism_culture")
    assert len(articles) > 0
    assert [doc_id for doc_id in analysis["scores"]["doc_id"].unique() if f">{doc_id}<" in table["text/html"]] == \
        sorted(articles["doc_id"])
    assert "Tourism and culture" in sentences["text/html"] and "Trade</strong>" not in sentences["text/html"]
    assert "<b>" in sentences["text/html"]


def test_window_explorer_recomputes_the_pairs_of_the_chosen_window(analysis):
    box = explore_window(analysis["docs"], analysis["mentions"])
    control(box, "window").value = "paragraph"
    summary, network, table = shown(box)
    expected = cooccurrence_table(analysis["docs"], analysis["mentions"], window="paragraph")
    assert f"**{len(expected):,} pairs**" in summary["text/markdown"]
    assert "paragraph window" in network[PLOTLY]["layout"]["title"]["text"]
    assert "first 25 of" in table["text/html"]


def test_explorers_become_a_note_without_ipywidgets(analysis, monkeypatch):
    monkeypatch.setitem(sys.modules, "ipywidgets", None)  # `import ipywidgets` now raises ImportError
    explorers = [
        explore_kwic(analysis["docs"], analysis["tokens"], terms=["cooperation"]),
        explore_actor(analysis["mentions"], analysis["pairs"], analysis["evidence"]),
        explore_theme(analysis["scores"], analysis["sentences"]),
        explore_window(analysis["docs"], analysis["mentions"]),
    ]
    assert [explorer.data for explorer in explorers] == [UNAVAILABLE] * 4
