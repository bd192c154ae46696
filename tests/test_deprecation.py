"""Former names keep working for one release: the same tables, and a DeprecationWarning that names the current one."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import presslens as pl
from presslens.cooccurrence import measure_column
from presslens.counts import TermCounts

FOCUS = ["china", "trade"]


@pytest.fixture(scope="module")
def tokens(seed_corpus):
    return pl.tokens_table(seed_corpus)


@pytest.fixture(scope="module")
def terms(tokens):
    return pl.merge_phrases(tokens, pl.find_phrases(tokens))


@pytest.fixture(scope="module")
def mentions(seed_corpus):
    return pl.mentions_table(seed_corpus)


def _former(call, current):
    """The result of a call made with a former name, after checking that it warns and names ``current``."""
    with pytest.warns(DeprecationWarning, match=current):
        return call()


def test_current_names_do_not_warn(seed_corpus, tokens, terms, mentions):
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        pl.document_terms_table(terms)
        pl.pattern_trend_table(seed_corpus, FOCUS, tokens=tokens)
        pl.dispersion_table(seed_corpus, FOCUS, tokens=tokens)
        pl.cooccurrence_table(seed_corpus, mentions)
        pl.trends_table(seed_corpus, period="year", kinds=["term"], terms=terms)
        pl.find_phrases(tokens, measure="g2")


def test_former_function_names_give_the_same_tables(seed_corpus, tokens, terms):
    pd.testing.assert_frame_equal(_former(lambda: pl.count_terms(terms), "document_terms_table"),
                                  pl.document_terms_table(terms))
    pd.testing.assert_frame_equal(_former(lambda: pl.term_counts_table(seed_corpus, ngram_max=2), "corpus_terms_table"),
                                  pl.corpus_terms_table(seed_corpus, ngram_max=2))
    trend = pl.pattern_trend_table(seed_corpus, FOCUS, tokens=tokens)
    assert trend["count"].sum() > 0
    former = _former(lambda: pl.trend_table(tokens, pl.articles_table(seed_corpus), FOCUS), "pattern_trend_table")
    pd.testing.assert_frame_equal(former, trend)
    figure = _former(lambda: pl.plot_trend(trend), "plot_pattern_trend")
    assert [line.name for line in figure.data] == [line.name for line in pl.plot_pattern_trend(trend).data] == FOCUS


def test_term_counts_table_property_is_now_document_terms(terms):
    counts = TermCounts.of(terms)
    pd.testing.assert_frame_equal(_former(lambda: counts.table, "document_terms"), counts.document_terms)


def test_former_keywords_are_read_as_the_current_ones(seed_corpus, tokens, terms):
    pd.testing.assert_frame_equal(_former(lambda: pl.tfidf_table(terms, n=3), "top_n="), pl.tfidf_table(terms, top_n=3))
    assert pl.tfidf_table(terms, top_n=3)["rank"].max() == 3
    pd.testing.assert_frame_equal(_former(lambda: pl.kwic(seed_corpus, pattern="china", tokens=tokens), "patterns="),
                                  pl.kwic(seed_corpus, patterns="china", tokens=tokens))
    by_year = pl.trends_table(seed_corpus, period="year", kinds=["term"], terms=terms)
    assert by_year["period"].str.endswith("-01-01").all()
    pd.testing.assert_frame_equal(_former(lambda: pl.trends_table(seed_corpus, by="year", kinds=["term"], terms=terms),
                                          "period="), by_year)
    with pytest.raises(TypeError, match="pass top_n= alone"):
        pl.tfidf_table(terms, n=3, top_n=4)


def test_former_measure_names_are_read_as_g2(tokens, mentions, seed_corpus):
    pd.testing.assert_frame_equal(_former(lambda: pl.collocations_table(tokens, measure="likelihood_ratio"), "'g2'"),
                                  pl.collocations_table(tokens, measure="g2"))
    pairs = pl.cooccurrence_table(seed_corpus, mentions)
    assert measure_column("g2") == "log_likelihood"
    assert _former(lambda: measure_column("log_likelihood"), "'g2'") == "log_likelihood"
    by_g2 = pl.actor_neighbours(pairs, "China", measure="g2")
    assert by_g2["log_likelihood"].is_monotonic_decreasing
    pd.testing.assert_frame_equal(_former(lambda: pl.actor_neighbours(pairs, "China", measure="log_likelihood"), "'g2'"),
                                  by_g2)
    with pytest.raises(ValueError, match="count, npmi, jaccard, g2"):
        measure_column("chi_square")


def test_former_argument_order_puts_the_corpus_first(seed_corpus, tokens, terms, mentions):
    pairs = pl.cooccurrence_table(seed_corpus, mentions, window="paragraph")
    pd.testing.assert_frame_equal(_former(lambda: pl.cooccurrence_table(mentions, corpus=seed_corpus, window="paragraph"),
                                          r"cooccurrence_table\(corpus, table\)"), pairs)
    pd.testing.assert_frame_equal(
        _former(lambda: pl.cooccurrence_evidence(mentions, corpus=seed_corpus, pairs=pairs), "pass the corpus first"),
        pl.cooccurrence_evidence(seed_corpus, mentions, pairs=pairs))
    pd.testing.assert_frame_equal(_former(lambda: pl.dispersion_table(tokens, FOCUS), r"dispersion_table\(corpus"),
                                  pl.dispersion_table(seed_corpus, FOCUS, tokens=tokens))
    pd.testing.assert_frame_equal(_former(lambda: pl.key_sentences_table(terms, seed_corpus, top_n=2), "corpus first"),
                                  pl.key_sentences_table(seed_corpus, terms, top_n=2))


def test_former_argument_order_of_the_window_explorer(seed_corpus, mentions):
    former = _former(lambda: pl.explore_window(mentions, seed_corpus), r"explore_window\(corpus, table\)")
    current = pl.explore_window(seed_corpus, mentions)
    assert type(former) is type(current) and len(former.children) == len(current.children) > 1


def test_article_periods_takes_period_and_still_by(seed_corpus):
    articles = pl.articles_table(seed_corpus)
    current = pl.article_periods(articles, period="year")
    pd.testing.assert_series_equal(_former(lambda: pl.article_periods(articles, by="year"), "period="), current)
    assert current.notna().all() and len(current) == articles["date"].astype(bool).sum()


def test_quotation_analyses_take_the_corpus_first_and_top_n(seed_corpus):
    quotes = pl.quotes_table(seed_corpus)
    assert len(quotes)
    current = pl.group_quotes(seed_corpus, quotes, by="source", top_n=2)
    pd.testing.assert_frame_equal(_former(lambda: pl.group_quotes(quotes, seed_corpus, group_by="source", n=2), "group_quotes"),
                                  current)
    pd.testing.assert_frame_equal(_former(lambda: pl.unnamed_sources(quotes, seed_corpus), "corpus first"),
                                  pl.unnamed_sources(seed_corpus, quotes))
    pd.testing.assert_frame_equal(_former(lambda: pl.top_speakers(quotes, n=3), "top_n="), pl.top_speakers(quotes, top_n=3))
