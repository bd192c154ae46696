"""Co-occurrence: counts agree with the evidence, association measures behave as defined."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency

from presslens.actors import mentions_table
from presslens.cooccurrence import (
    WINDOWS,
    actor_evidence,
    actor_neighbours,
    cooccurrence_evidence,
    cooccurrence_matrix,
    cooccurrence_table,
    count_windows,
)


@pytest.fixture(scope="module")
def mentions(seed_corpus):
    return mentions_table(seed_corpus)


@pytest.mark.parametrize("window", WINDOWS)
def test_every_count_is_backed_by_its_evidence(seed_corpus, mentions, window):
    pairs = cooccurrence_table(seed_corpus, mentions, window=window)
    evidence = cooccurrence_evidence(seed_corpus, mentions, window=window, pairs=pairs)
    backed = evidence.groupby(["actor_a", "actor_b"]).size()
    counts = pairs.set_index(["actor_a", "actor_b"])["count"]
    assert backed.sort_index().equals(counts.sort_index().rename(None))
    for row in evidence.head(50).itertuples():
        assert row.actor_a < row.actor_b
    assert (pairs["count"] <= np.minimum(pairs["count_a"], pairs["count_b"])).all()
    assert pairs["npmi"].between(-1, 1).all() and pairs["jaccard"].between(0, 1).all()


def test_evidence_sentences_name_both_actors(seed_corpus, mentions):
    pairs = cooccurrence_table(seed_corpus, mentions, window="sentence")
    evidence = cooccurrence_evidence(seed_corpus, mentions, window="sentence", pairs=pairs)
    surfaces = mentions.groupby(["doc_id", "sentence", "actor"])["surface"].apply(set)
    for row in evidence.itertuples():
        first = surfaces.get((row.doc_id, row.sentence, row.actor_a), set())
        second = surfaces.get((row.doc_id, row.sentence, row.actor_b), set())
        assert any(s in row.text for s in first) and any(s in row.text for s in second)


def test_an_actor_in_every_article_is_independent_of_all_others(seed_corpus, mentions):
    """China is named in all five articles: at article level, NPMI with any actor is 0 (chance)."""
    pairs = cooccurrence_table(seed_corpus, mentions, window="article")
    with_china = pairs[(pairs.actor_a == "China") | (pairs.actor_b == "China")]
    assert len(with_china) > 20
    assert np.allclose(with_china["npmi"], 0.0) and np.allclose(with_china["log_likelihood"], 0.0)


def test_log_likelihood_matches_scipy(seed_corpus, mentions):
    pairs = cooccurrence_table(seed_corpus, mentions, window="sentence")
    n = count_windows(seed_corpus, "sentence")
    for row in pairs.head(10).itertuples():
        table = [[row.count, row.count_a - row.count], [row.count_b - row.count, n - row.count_a - row.count_b + row.count]]
        g2, *_ = chi2_contingency(table, correction=False, lambda_="log-likelihood")
        assert row.log_likelihood == pytest.approx(g2)


def test_min_count_and_types_filter(seed_corpus, mentions):
    strong = cooccurrence_table(seed_corpus, mentions, window="sentence", min_count=3)
    assert (strong["count"] >= 3).all() and ("China", "Russia") in set(zip(strong.actor_a, strong.actor_b))
    people = cooccurrence_table(seed_corpus, mentions, window="paragraph", actor_types=["person"])
    assert set(people.type_a) | set(people.type_b) == {"person"}


def test_matrix_is_symmetric(seed_corpus, mentions):
    pairs = cooccurrence_table(seed_corpus, mentions, window="sentence")
    matrix = cooccurrence_matrix(pairs, measure="npmi")
    assert matrix.equals(matrix.T) and matrix.at["China", "Russia"] == pytest.approx(
        pairs.set_index(["actor_a", "actor_b"]).at[("China", "Russia"), "npmi"]
    )


def test_bad_window_or_measure_is_refused(seed_corpus, mentions):
    with pytest.raises(ValueError, match="choose one of sentence, paragraph, article"):
        cooccurrence_table(seed_corpus, mentions, window="page")
    with pytest.raises(ValueError, match="unknown measure"):
        cooccurrence_matrix(pd.DataFrame(columns=["actor_a", "actor_b"]), measure="pmi")


def test_an_actors_neighbours_are_its_pairs_seen_from_its_side(seed_corpus, mentions):
    pairs = cooccurrence_table(seed_corpus, mentions, window="sentence")
    neighbours = actor_neighbours(pairs, "Russia", measure="count")
    involved = pairs[(pairs.actor_a == "Russia") | (pairs.actor_b == "Russia")]
    assert len(neighbours) == len(involved) and "Russia" not in set(neighbours["neighbour"])
    assert neighbours["count"].is_monotonic_decreasing and neighbours["count"].sum() == involved["count"].sum()
    assert actor_neighbours(pairs, "Atlantis").empty


def test_an_actors_evidence_follows_its_strongest_neighbours(seed_corpus, mentions):
    pairs = cooccurrence_table(seed_corpus, mentions, window="sentence")
    evidence = cooccurrence_evidence(seed_corpus, mentions, window="sentence", pairs=pairs)
    strongest = actor_neighbours(pairs, "Russia").head(3)
    rows = actor_evidence(evidence, "Russia", neighbours=strongest)
    assert list(dict.fromkeys(rows["neighbour"])) == list(strongest["neighbour"])
    assert len(rows) == strongest["count"].sum()
    assert len(actor_evidence(evidence, "Russia")) == actor_neighbours(pairs, "Russia")["count"].sum()
    capped = actor_evidence(evidence, "Russia", neighbours=strongest, per_neighbour=2)
    assert capped.groupby("neighbour").size().max() == 2 and list(dict.fromkeys(capped["neighbour"])) == list(strongest["neighbour"])


@pytest.mark.parametrize("window", WINDOWS)
def test_evidence_per_pair_keeps_each_pairs_first_windows(seed_corpus, mentions, window):
    everything = cooccurrence_evidence(seed_corpus, mentions, window=window)
    first_two = cooccurrence_evidence(seed_corpus, mentions, window=window, per_pair=2)
    expected = everything.groupby(["actor_a", "actor_b"], sort=False).head(2).reset_index(drop=True)
    assert len(everything) > len(first_two) > 0
    pd.testing.assert_frame_equal(first_two, expected)
    with pytest.raises(ValueError, match="per_pair"):
        cooccurrence_evidence(seed_corpus, mentions, per_pair=0)


def test_a_corpus_naming_no_actor_gives_an_empty_table_that_sorts_by_its_measures():
    from presslens.corpus import Corpus, article_from_text

    article = article_from_text("calm", "calm.txt", "Rain today\n\nit rained all day and the rivers rose a little.")
    corpus = Corpus(root="x", articles=[article])
    pairs = cooccurrence_table(corpus, mentions_table(corpus))
    assert pairs.empty
    assert pairs.nlargest(10, ["npmi", "count"]).empty  # what notebook 03 does with the strongest pairs
