"""``presslens export``: tables by name, format by extension, never into the corpus."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import SEEDS
from presslens.cli import main


@pytest.mark.parametrize("extension, read", [(".csv", pd.read_csv), (".parquet", pd.read_parquet),
                                             (".jsonl", lambda p: pd.read_json(p, lines=True, dtype=False))])
def test_export_articles_in_every_format(tmp_path, extension, read):
    out = tmp_path / f"articles{extension}"
    assert main(["export", "articles", "--corpus", str(SEEDS), "--out", str(out)]) == 0
    table = read(out).astype(object).fillna("")
    assert len(table) == 5
    assert {"doc_id", "title", "date", "source", "n_words", "n_paragraphs", "path"} <= set(table.columns)
    by_id = table.set_index("doc_id")
    assert by_id.loc["004_307deee32fd8fd70", "title"] == "Cooperation fervor among China-Russia localities and businesses at its peak"
    assert str(by_id.loc["001_a919f9a968849c4c", "date"]) == "2021-04-16"
    assert by_id.loc["000_be66cc4f6408135f", "source"] == "Xinhua"


def test_unknown_format_is_refused(tmp_path, capsys):
    assert main(["export", "articles", "--corpus", str(SEEDS), "--out", str(tmp_path / "a.xlsx")]) == 2
    assert "use a file name ending in .csv, .parquet, .jsonl" in capsys.readouterr().err


def test_export_never_writes_into_the_corpus(corpus_copy, capsys):
    assert main(["export", "articles", "--corpus", str(corpus_copy), "--out", str(corpus_copy / "a.csv")]) == 2
    assert not (corpus_copy / "a.csv").exists()
    assert "inside the corpus" in capsys.readouterr().err


def test_export_actor_tables(tmp_path):
    for table in ("mentions", "actors", "cooccurrence"):
        out = tmp_path / f"{table}.csv"
        assert main(["export", table, "--corpus", str(SEEDS), "--out", str(out)]) == 0
    actors = pd.read_csv(tmp_path / "actors.csv")
    assert list(actors.columns[:4]) == ["doc_id", "actor", "type", "mentions"]
    assert set(actors.type) == {"person", "organization", "location"}
    mentions = pd.read_csv(tmp_path / "mentions.csv")
    assert {"doc_id", "paragraph", "sentence", "start", "end", "surface", "actor", "type"} <= set(mentions.columns)
    assert mentions.groupby(["doc_id", "actor"]).size().sum() == actors.mentions.sum()
    pairs = pd.read_csv(tmp_path / "cooccurrence.csv")
    assert {"actor_a", "actor_b", "window", "count", "n_docs", "npmi", "jaccard", "log_likelihood"} <= set(pairs.columns)


def test_export_cooccurrence_as_a_network(tmp_path):
    import networkx as nx

    out = tmp_path / "net.gexf"
    assert main(["export", "cooccurrence", "--corpus", str(SEEDS), "--out", str(out), "--window", "paragraph"]) == 0
    graph = nx.read_gexf(out)
    assert graph.has_edge("China", "Russia") and graph.edges["China", "Russia"]["evidence"]


def test_the_command_line_lists_every_table():
    from presslens.cli import TABLE_NAMES
    from presslens.export import TABLES

    assert set(TABLE_NAMES) == set(TABLES)
