"""Write the analysis tables to files: ``.csv``, ``.parquet`` or ``.jsonl``, chosen by extension."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pandas as pd

from presslens.actors import actors_table, corpus_actors, mentions_table
from presslens.atomic import write_by_suffix
from presslens.cooccurrence import Window, cooccurrence_evidence, cooccurrence_table
from presslens.corpus import Corpus, articles_table
from presslens.duplicates import duplicates_table
from presslens.execution import Execution
from presslens.frequency import corpus_terms_table
from presslens.network import NETWORK_FORMATS, build_network, write_network
from presslens.quotes import quotes_table
from presslens.themes import themes_table
from presslens.trends import trends_table


def cooccurrence_of_corpus(corpus: Corpus, *, window: Window = "sentence", gazetteer: str | None = None,
                           corrections: str | None = None, execution: Execution | None = None) -> pd.DataFrame:
    """The co-occurrence table of a corpus, from its mentions, in one call."""
    mentions = mentions_table(corpus, gazetteer=gazetteer, corrections=corrections, execution=execution)
    return cooccurrence_table(corpus, mentions, window=window)


def network_of_corpus(corpus: Corpus, *, window: Window = "sentence", gazetteer: str | None = None,
                      corrections: str | None = None, execution: Execution | None = None) -> nx.Graph:
    """The actor network of a corpus (edge weight = co-occurrence count, evidence on every edge)."""
    mentions = mentions_table(corpus, gazetteer=gazetteer, corrections=corrections, execution=execution)
    pairs = cooccurrence_table(corpus, mentions, window=window)
    evidence = cooccurrence_evidence(corpus, mentions, window=window, pairs=pairs)
    return build_network(pairs, corpus_actors(mentions), evidence=evidence)


#: Table name -> function building it from a loaded corpus.
TABLES: dict[str, Callable[..., pd.DataFrame]] = {
    "articles": functools.partial(articles_table, with_text=True),
    "terms": corpus_terms_table,
    "mentions": mentions_table,
    "quotes": quotes_table,
    "actors": actors_table,
    "cooccurrence": cooccurrence_of_corpus,
    "themes": themes_table,
    "duplicates": duplicates_table,
    "trends": trends_table,
}


def write_table(table: pd.DataFrame, path: str | Path) -> Path:
    """Write ``table`` to ``path`` atomically, in the format its extension names (``.csv``, ``.parquet``, ``.jsonl``).

    Raises
    ------
    ValueError
        When the extension is none of these.
    """
    writers = {
        ".csv": lambda target: table.to_csv(target, index=False),
        ".parquet": lambda target: table.to_parquet(target, index=False),
        ".jsonl": lambda target: table.to_json(target, orient="records", lines=True, force_ascii=False),
    }
    return write_by_suffix(path, writers, what="a table")


def export_table(name: str, corpus: Corpus, path: str | Path, **options) -> int:
    """Build table ``name`` (one of :data:`TABLES`) and write it to ``path``; return the number of rows.

    ``options`` (``window``, ``period``, ``gazetteer``, ``corrections``, ``execution``) go to the tables that take them. A co-occurrence table
    written to ``.gexf`` or ``.graphml`` becomes a network file for Gephi.
    """
    if name not in TABLES:
        raise ValueError(f"unknown table {name!r}: choose one of {', '.join(TABLES)}")
    builder = TABLES[name]
    accepted = inspect.signature(builder).parameters
    given = {key: value for key, value in options.items() if key in accepted and value is not None}
    if Path(path).suffix.lower() in NETWORK_FORMATS:
        if name != "cooccurrence":
            raise ValueError(f"only the cooccurrence table can be written as a network ({', '.join(NETWORK_FORMATS)})")
        graph = network_of_corpus(corpus, **given)
        write_network(graph, path)
        return graph.number_of_edges()
    table = builder(corpus, **given)
    write_table(table, path)
    return len(table)
