"""Topics: deterministic NMF on paragraphs, article shares, the small-corpus note, alignment to themes."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from conftest import BBC
from presslens.corpus import load_corpus
from presslens.plots.themes import plot_topic_alignment, plot_topic_terms, plot_topic_weights
from presslens.lexicon import load_lexicon
from presslens.topics import align_topics, fit_topics


@pytest.fixture(scope="module")
def model(seed_corpus):
    return fit_topics(seed_corpus, n_topics=5)


def test_same_corpus_gives_the_same_topics_twice(seed_corpus, model):
    again = fit_topics(seed_corpus, n_topics=5)
    pd.testing.assert_frame_equal(model.terms, again.terms)
    pd.testing.assert_frame_equal(model.components, again.components)
    pd.testing.assert_frame_equal(model.articles, again.articles)


def test_topics_are_fitted_on_paragraphs_and_summed_to_article_shares(seed_corpus, model):
    assert model.n_topics == 5 and model.n_articles == 5
    assert 50 < model.n_paragraphs <= sum(len(article.paragraph_spans) for article in seed_corpus)
    assert set(model.paragraphs["doc_id"]) == set(seed_corpus.doc_ids)
    assert model.articles.groupby("doc_id")["weight"].sum().to_numpy() == pytest.approx(1.0)
    assert model.terms.groupby("topic")["rank"].max().tolist() == [10] * 5
    assert model.terms.groupby("topic")["weight"].apply(lambda w: w.is_monotonic_decreasing).all()


def test_industrial_internet_article_has_a_topic_of_its_own(model):
    """003 is the only article about Central Asia and the industrial internet: one topic is mostly it."""
    shares = model.articles.pivot(index="doc_id", columns="topic", values="weight")
    topic = shares.loc["003_f6417c26bc500f79"].idxmax()
    assert shares.loc["003_f6417c26bc500f79", topic] > 0.5
    assert {"industrial", "central"} <= set(model.terms[model.terms["topic"] == topic]["term"])


def test_five_articles_carry_the_too_small_note(model):
    assert "too small for stable topics" in model.note
    assert "5 article(s) is fewer than 10 per topic" in model.note


def test_a_tiny_corpus_fits_fewer_topics_and_says_so(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "a.txt").write_text(
        "Commodities\n\nGrain exports rose.\n\nGrain harvests fell.\n\nSteel output rose.\n\n"
        "Steel prices fell.\n\nOil prices climbed.\n\nOil output climbed.\n"
    )
    model = fit_topics(load_corpus(corpus_dir), n_topics=10)
    assert model.n_topics == 6 and "only 6 topic(s) could be fitted instead of 10" in model.note


def test_a_corpus_without_shared_words_gives_no_topics_and_says_why(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "a.txt").write_text("Note\n\nGrain exports rose.\n\nSteel prices fell.\n")
    model = fit_topics(load_corpus(corpus_dir), n_topics=3)
    assert model.n_topics == 0 and model.articles.empty and "No topics to fit" in model.note
    assert align_topics(model, load_lexicon()).empty


def test_bad_n_topics_is_refused(seed_corpus):
    with pytest.raises(ValueError, match="n_topics must be 1 or more"):
        fit_topics(seed_corpus, n_topics=0)


@pytest.mark.skipif(not BBC.is_dir(), reason="the BBC corpus is not in ../shared/corpora/bbc")
def test_enough_articles_give_no_note_and_topics_that_separate_classes(tmp_path):
    corpus_dir = tmp_path / "bbc"
    for label in ("business", "sport"):
        (corpus_dir / label).mkdir(parents=True)
        for number in range(1, 21):
            shutil.copy(BBC / label / f"{number:03d}.txt", corpus_dir / label)
    model = fit_topics(load_corpus(corpus_dir), n_topics=2)
    assert model.note == ""
    main_topic = model.articles.loc[model.articles.groupby("doc_id")["weight"].idxmax()]
    by_class = main_topic.groupby(main_topic["doc_id"].str.split("/").str[0])["topic"].agg(lambda t: t.mode()[0])
    assert by_class["business"] != by_class["sport"]


def test_alignment_is_the_share_of_top_term_weight_on_theme_words(model):
    lexicon = load_lexicon()
    alignment = align_topics(model, lexicon)
    assert len(alignment) == model.n_topics * len(lexicon.themes)
    top = model.terms.set_index(["topic", "term"])["weight"]
    totals = model.terms.groupby("topic")["weight"].sum()
    for row in alignment.itertuples():
        shared = [term for term in row.shared_terms.split(", ") if term]
        assert all(term in lexicon[row.theme].words for term in shared)
        assert row.overlap == pytest.approx(sum(top[(row.topic, term)] for term in shared) / totals[row.topic])
        assert pd.isna(row.rank) == (row.overlap == 0)
    industrial = alignment[alignment["shared_terms"].str.contains("industrial") & (alignment["rank"] == 1)]
    assert set(industrial["theme"]) == {"industry_manufacturing"}


def test_topic_figures_build(model):
    terms = plot_topic_terms(model.terms)
    assert len(terms.data) == model.n_topics and list(terms.data[0].y) == model.terms[model.terms["topic"] == 1]["term"].tolist()
    weights = plot_topic_weights(model.articles)
    assert weights.data[0].z.shape == (5, 5)
    alignment = plot_topic_alignment(align_topics(model, load_lexicon()))
    assert alignment.data[0].z.shape[0] == 5


def test_the_themes_report_says_the_sample_is_too_small_for_topics(report_dir):
    page = (report_dir / "html" / "04_themes.html").read_text()
    assert "too small for stable topics" in page
