"""Tokens read a chunk of articles at a time: every table counted chunk by chunk equals the table of
the whole tokens, so a corpus too large to hold its tokens gets the same analysis."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from presslens import Execution
from presslens.chunks import remembered, summed_counts, token_chunks
from presslens.corpus import Corpus, articles_table
from presslens.counts import DocumentFrequencies, document_frequencies, term_counts
from presslens.frequency import document_terms_table, frequency_table, tfidf_table, top_terms_table
from presslens.keyness import group_keyness_table, keyness_table
from presslens.patterns import dispersion_table, kwic, pattern_trend_table
from presslens.phrases import collocations_table, find_phrases, merge_phrases
from presslens.text import tokens_builder, tokens_table
from presslens.themes import match_themes
from presslens.topics import fit_topics
from presslens.trends import trends_table


def _cached_one_by_one(corpus: Corpus, cache_dir) -> Execution:
    """An execution whose token cache holds one article per row group, in corpus order."""
    execution = Execution(cache_dir=cache_dir)
    for doc_id in corpus.doc_ids:
        execution.store(tokens_builder(), corpus.select([doc_id]))
    return execution


@pytest.fixture(scope="module", params=["cache", "no cache"])
def chunks(request, seed_corpus, tmp_path_factory):
    execution = _cached_one_by_one(seed_corpus, tmp_path_factory.mktemp("cache")) if request.param == "cache" else None
    return token_chunks(seed_corpus, execution=execution, articles_per_chunk=2)


@pytest.fixture(scope="module")
def tokens(seed_corpus):
    return tokens_table(seed_corpus)


def test_chunks_are_whole_articles_in_corpus_order(chunks, tokens):
    parts = list(chunks)
    assert len(parts) >= 2
    assert all(set(part["doc_id"].unique()).isdisjoint(other["doc_id"].unique())
               for number, part in enumerate(parts) for other in parts[number + 1:])
    pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True), tokens)
    assert chunks.first().equals(parts[0])


def test_the_cache_is_read_a_few_row_groups_at_a_time(seed_corpus, tmp_path):
    chunks = token_chunks(seed_corpus, execution=_cached_one_by_one(seed_corpus, tmp_path), articles_per_chunk=2)
    assert [chunk.groups for chunk in chunks._source.plan] == [[0, 1], [2, 3], [4]]


def test_rows_cached_in_another_order_come_in_corpus_order(seed_corpus, tmp_path):
    execution = _cached_one_by_one(seed_corpus, tmp_path)
    backwards = Corpus(root=seed_corpus.root, articles=list(reversed(seed_corpus.articles)))
    chunks = token_chunks(backwards, execution=execution, articles_per_chunk=2)
    assert [chunk.in_order for chunk in chunks._source.plan] == [False, False, True]
    pd.testing.assert_frame_equal(pd.concat(list(chunks), ignore_index=True), tokens_table(backwards))


def test_a_subcorpus_reads_only_its_articles_from_a_shared_cache(seed_corpus, tmp_path):
    execution = _cached_one_by_one(seed_corpus, tmp_path)
    some = seed_corpus.select(seed_corpus.doc_ids[1:4])
    parts = list(token_chunks(some, execution=execution, articles_per_chunk=2))
    assert {doc_id for part in parts for doc_id in part["doc_id"].unique()} == set(some.doc_ids)
    pd.testing.assert_frame_equal(pd.concat(parts, ignore_index=True), tokens_table(some))


def test_phrases_and_frequency_tables_by_chunks_equal_those_of_the_whole_tokens(chunks, tokens, seed_corpus):
    phrases = find_phrases(tokens)
    pd.testing.assert_frame_equal(collocations_table(chunks), collocations_table(tokens))
    pd.testing.assert_frame_equal(find_phrases(chunks), phrases)
    terms, counts = merge_phrases(tokens, phrases), term_counts(chunks, phrases)
    assert len(phrases) and len(counts.documents)
    for table in (frequency_table, document_terms_table, top_terms_table, tfidf_table):
        pd.testing.assert_frame_equal(table(counts), table(terms), obj=table.__name__)
    articles = articles_table(seed_corpus)
    target = seed_corpus.doc_ids[3]
    pd.testing.assert_frame_equal(keyness_table(counts, target), keyness_table(terms, target))
    source = articles["source"].iloc[0]
    assert articles["source"].nunique() > 1
    pd.testing.assert_frame_equal(keyness_table(counts, source, by="source", articles=articles),
                                  keyness_table(terms, source, by="source", articles=articles))
    groups = articles.set_index("doc_id")["source"]
    pd.testing.assert_frame_equal(group_keyness_table(counts, groups), group_keyness_table(terms, groups))
    whole, chunked = DocumentFrequencies.of(terms), DocumentFrequencies.of(counts)
    assert (whole.n_articles, whole.n_with_terms) == (chunked.n_articles, chunked.n_with_terms) == (len(seed_corpus),) * 2
    pd.testing.assert_series_equal(chunked.terms.sort_index(), whole.terms.sort_index())


def test_following_terms_by_chunks_equals_the_whole_tokens(chunks, tokens, seed_corpus):
    focus = ["cooperation", "belt and road", "china", "supply chain"]
    found = kwic(seed_corpus, focus, tokens=chunks)
    assert found["doc_id"].nunique() > 2
    pd.testing.assert_frame_equal(found, kwic(seed_corpus, focus, tokens=tokens))
    pd.testing.assert_frame_equal(dispersion_table(seed_corpus, focus, tokens=chunks),
                                  dispersion_table(seed_corpus, focus, tokens=tokens))
    trend = pattern_trend_table(seed_corpus, focus, period="year", tokens=chunks)
    assert trend["count"].sum() > 0
    pd.testing.assert_frame_equal(trend, pattern_trend_table(seed_corpus, focus, period="year", tokens=tokens))


def test_themes_topics_and_trends_by_chunks_equal_those_of_the_whole_tokens(chunks, tokens, seed_corpus):
    evidence = match_themes(seed_corpus, tokens=chunks)
    assert evidence["doc_id"].nunique() > 2
    pd.testing.assert_frame_equal(evidence, match_themes(seed_corpus, tokens=tokens))
    by_chunks, whole = fit_topics(seed_corpus, n_topics=2, tokens=chunks), fit_topics(seed_corpus, n_topics=2, tokens=tokens)
    assert by_chunks.n_paragraphs == whole.n_paragraphs > 0
    pd.testing.assert_frame_equal(by_chunks.terms, whole.terms)
    pd.testing.assert_frame_equal(by_chunks.paragraphs, whole.paragraphs)
    terms = merge_phrases(tokens, find_phrases(tokens))
    trends = trends_table(seed_corpus, period="year", kinds=["term"], terms=term_counts(chunks, find_phrases(chunks)))
    assert trends["count"].sum() > 0
    pd.testing.assert_frame_equal(trends, trends_table(seed_corpus, period="year", kinds=["term"], terms=terms))


def test_counts_of_chunks_add_up_by_key_in_order_of_first_appearance():
    parts = [pd.Series([1, 2], index=pd.MultiIndex.from_tuples([("a", "b"), ("c", np.nan)])),
             pd.Series([3, 4], index=pd.MultiIndex.from_tuples([("c", np.nan), ("d", "e")]))]
    total = summed_counts(parts)
    assert total.tolist() == [1, 5, 4]
    assert total.index.get_level_values(0).tolist() == ["a", "c", "d"] and pd.isna(total.index[1][1])
    assert summed_counts([]).empty


def test_a_remembered_table_is_computed_once_per_cache(seed_corpus, tmp_path, tokens):
    execution = _cached_one_by_one(seed_corpus, tmp_path)
    chunks = token_chunks(seed_corpus, execution=execution, articles_per_chunk=2)
    first = remembered(chunks, find_phrases)
    kept = sorted(path.name for path in tmp_path.glob("find_phrases-*.parquet"))
    assert len(kept) == 1 and len(list(tmp_path.glob("collocations_table-*.parquet"))) == 1
    again = remembered(token_chunks(seed_corpus, execution=execution), find_phrases, ngram_max=3)  # the same settings
    assert sorted(path.name for path in tmp_path.glob("find_phrases-*.parquet")) == kept
    pd.testing.assert_frame_equal(again, first)
    pd.testing.assert_frame_equal(first, find_phrases(tokens))
    remembered(chunks, find_phrases, min_count=2)
    assert len(list(tmp_path.glob("find_phrases-*.parquet"))) == 2


def test_term_counts_keep_their_document_frequencies_for_later_notebooks(seed_corpus, tmp_path, tokens, monkeypatch):
    import presslens.counts

    execution = _cached_one_by_one(seed_corpus, tmp_path)
    chunks = token_chunks(seed_corpus, execution=execution, articles_per_chunk=2)
    phrases = remembered(chunks, find_phrases)
    counted = DocumentFrequencies.of(term_counts(chunks, phrases))
    assert len(list(tmp_path.glob("document_frequencies-*.parquet"))) == 1
    monkeypatch.setattr(presslens.counts, "merge_phrases", lambda *_: pytest.fail("the terms were merged again"))
    again = document_frequencies(token_chunks(seed_corpus, execution=execution), phrases)
    monkeypatch.undo()
    whole = document_frequencies(tokens, find_phrases(tokens))  # a token table: computed, nothing kept
    for frequencies in (again, whole):
        assert (frequencies.n_articles, frequencies.n_with_terms) == (counted.n_articles, counted.n_with_terms) == (5, 5)
        pd.testing.assert_series_equal(frequencies.terms, counted.terms, check_names=False, check_dtype=False,
                                       check_index_type=False)
    other = document_frequencies(chunks, phrases.iloc[:3])  # other phrases: other counts, computed and kept
    assert len(list(tmp_path.glob("document_frequencies-*.parquet"))) == 2 and not other.terms.equals(counted.terms)
    term_counts(chunks, iter(phrases["phrase"]))  # phrases given once, as an iterator: the same counts, the same key
    assert len(list(tmp_path.glob("document_frequencies-*.parquet"))) == 2


def test_document_frequencies_survive_a_parquet_table(tokens, tmp_path):
    documents = DocumentFrequencies.of(merge_phrases(tokens, find_phrases(tokens)))
    documents.table().to_parquet(tmp_path / "documents.parquet", index=False)
    back = DocumentFrequencies.from_table(pd.read_parquet(tmp_path / "documents.parquet"))
    assert (back.n_articles, back.n_with_terms) == (documents.n_articles, documents.n_with_terms) == (5, 5)
    pd.testing.assert_series_equal(back.terms, documents.terms, check_names=False, check_dtype=False,
                                   check_index_type=False)


def test_no_tokens_give_empty_tables_not_errors(tmp_path):
    empty = Corpus(root=str(tmp_path), articles=[])
    for execution in (None, Execution(cache_dir=tmp_path)):
        chunks = token_chunks(empty, execution=execution)
        assert list(chunks) == [] and chunks.first().empty
        assert find_phrases(chunks).empty and collocations_table(chunks).empty
        assert frequency_table(term_counts(chunks, find_phrases(chunks))).empty
        assert kwic(empty, "china", tokens=chunks).empty and match_themes(empty, tokens=chunks).empty


def test_without_a_cache_the_tokens_are_computed_once_and_held(seed_corpus):
    chunks = token_chunks(seed_corpus, articles_per_chunk=2)
    first_pass, second_pass = list(chunks), list(chunks)
    assert len(first_pass) == 3 and all(a is b for a, b in zip(first_pass, second_pass))
