"""The processing engine: per-article cache, worker processes and Dask give the same tables."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from conftest import SEEDS
from presslens.actors import mentions_table
from presslens.corpus import load_corpus
from presslens.engine import MIN_ARTICLES_FOR_WORKERS, per_article_table
from presslens.text import tokens_table

BUILT: list[str] = []


def _lengths(corpus) -> pd.DataFrame:
    """A per-article table that records which articles it was asked to build."""
    BUILT.extend(corpus.doc_ids)
    return pd.DataFrame({"doc_id": corpus.doc_ids, "length": [len(a.text) for a in corpus]})


@pytest.fixture
def replicated(tmp_path):
    """The sample articles copied ten times under new names: enough articles for worker processes."""
    folder = tmp_path / "corpus"
    for copy in range(10):
        target = folder / f"copy{copy}"
        shutil.copytree(SEEDS, target)
    assert len(list(folder.rglob("*.txt"))) >= MIN_ARTICLES_FOR_WORKERS
    return folder


def test_cache_rebuilds_only_changed_articles(corpus_copy, tmp_path):
    cache = tmp_path / "cache"
    BUILT.clear()
    first = per_article_table(load_corpus(corpus_copy, cache_dir=cache), "lengths", {}, _lengths, columns=["doc_id", "length"])
    assert sorted(BUILT) == sorted(first.doc_id)
    BUILT.clear()
    again = per_article_table(load_corpus(corpus_copy, cache_dir=cache), "lengths", {}, _lengths, columns=["doc_id", "length"])
    assert BUILT == [] and again.equals(first)
    changed = corpus_copy / "003_f6417c26bc500f79.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA new closing paragraph about Almaty.\n", encoding="utf-8")
    BUILT.clear()
    after = per_article_table(load_corpus(corpus_copy, cache_dir=cache), "lengths", {}, _lengths, columns=["doc_id", "length"])
    assert BUILT == ["003_f6417c26bc500f79"]
    assert after.set_index("doc_id").loc["003_f6417c26bc500f79", "length"] > first.set_index("doc_id").loc["003_f6417c26bc500f79", "length"]


def test_settings_and_data_key_the_cache(corpus_copy, tmp_path):
    cache = tmp_path / "cache"
    corpus = load_corpus(corpus_copy, cache_dir=cache)
    per_article_table(corpus, "lengths", {"a": 1}, _lengths, columns=["doc_id", "length"])
    BUILT.clear()
    per_article_table(corpus, "lengths", {"a": 2}, _lengths, columns=["doc_id", "length"])
    assert len(BUILT) == len(corpus), "other settings, other cache entry"


def test_cached_load_equals_fresh_load(corpus_copy, tmp_path):
    fresh = load_corpus(corpus_copy)
    load_corpus(corpus_copy, cache_dir=tmp_path / "cache")
    cached = load_corpus(corpus_copy, cache_dir=tmp_path / "cache")
    assert [a.__dict__ for a in cached] == [a.__dict__ for a in fresh]


def test_worker_processes_give_the_same_tables(replicated):
    serial = load_corpus(replicated, jobs=1)
    parallel = load_corpus(replicated, jobs=2)
    pd.testing.assert_frame_equal(mentions_table(serial), mentions_table(parallel))
    pd.testing.assert_frame_equal(tokens_table(serial), tokens_table(parallel))


def test_dask_engine_gives_the_same_tables(replicated):
    pytest.importorskip("dask.distributed")
    serial = load_corpus(replicated, jobs=1)
    on_dask = load_corpus(replicated, jobs=2, engine="dask")
    pd.testing.assert_frame_equal(mentions_table(serial), mentions_table(on_dask))
    pd.testing.assert_frame_equal(tokens_table(serial), tokens_table(on_dask))


def test_unknown_engine_is_refused(corpus_copy):
    with pytest.raises(ValueError, match="unknown engine"):
        load_corpus(corpus_copy, engine="spark")


def _long_only(corpus) -> pd.DataFrame:
    """Rows only for articles over 600 words: the others are covered but have no rows."""
    BUILT.extend(corpus.doc_ids)
    long = [a for a in corpus if a.n_words > 600]
    return pd.DataFrame({"doc_id": [a.doc_id for a in long], "words": [a.n_words for a in long]})


def test_articles_without_rows_are_not_rebuilt(corpus_copy, tmp_path):
    corpus = load_corpus(corpus_copy, cache_dir=tmp_path / "cache")
    BUILT.clear()
    first = per_article_table(corpus, "long", {}, _long_only, columns=["doc_id", "words"])
    assert len(BUILT) == 5 and 0 < len(first) < 5
    BUILT.clear()
    again = per_article_table(corpus, "long", {}, _long_only, columns=["doc_id", "words"])
    assert BUILT == [] and again.equals(first)
