"""Runs of equal keys: the groups of a sorted table, as pandas' groupby finds them."""

from __future__ import annotations

import numpy as np

from presslens.runs import run_bounds, run_lists
from presslens.text import tokens_table


def test_runs_are_the_groups_of_a_sorted_table(seed_corpus):
    tokens = tokens_table(seed_corpus).sort_values(["doc_id", "paragraph"], kind="stable", ignore_index=True)
    bounds = run_bounds(tokens, ["doc_id", "paragraph"])
    grouped = tokens.groupby(["doc_id", "paragraph"], observed=True, sort=True)["lemma"].agg(list)
    assert len(bounds) - 1 == len(grouped) > len(seed_corpus)
    assert run_lists(tokens["lemma"], bounds) == grouped.tolist()
    assert tokens.loc[bounds[:-1], "doc_id"].astype(str).tolist() == grouped.index.get_level_values(0).astype(str).tolist()


def test_an_empty_table_has_no_run(seed_corpus):
    empty = tokens_table(seed_corpus).iloc[:0]
    bounds = run_bounds(empty, ["doc_id"])
    assert bounds.tolist() == [0] and run_lists(empty["lemma"], bounds) == [] and np.diff(bounds).size == 0
