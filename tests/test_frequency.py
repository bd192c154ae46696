"""Phrases and term frequency on the sample articles: the claims a reader of notebook 02 relies on."""

from __future__ import annotations

import dataclasses
import json
import re

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2, power_divergence

from conftest import SEEDS
from presslens.cli import main
from presslens.corpus import Corpus, articles_table
from presslens.counts import term_counts
from presslens.frequency import corpus_terms_table, document_terms_table, frequency_table, tfidf_table, top_terms_table
from presslens.keyness import keyness_table
from presslens.languages.en import news_stopwords
from presslens.patterns import dispersion_table, kwic, pattern_trend_table
from presslens.phrases import collocations_table, find_phrases, known_phrases, locate_phrases, merge_phrases
from presslens.text import content_tokens, tokens_table

SAMPLE_PHRASES = ["belt and road", "supply chain", "cross-border e-commerce", "far east", "industrial internet"]
CENTRAL_ASIA = "003_f6417c26bc500f79"


@pytest.fixture(scope="module")
def tokens(seed_corpus):
    return tokens_table(seed_corpus)


@pytest.fixture(scope="module")
def phrases(tokens):
    return find_phrases(tokens)


@pytest.fixture(scope="module")
def terms(tokens, phrases):
    return merge_phrases(tokens, phrases)


@pytest.fixture(scope="module")
def articles(seed_corpus):
    return articles_table(seed_corpus)


def _count_in_text(corpus, phrase: str) -> int:
    """Whole-word, case-insensitive occurrences of a phrase (last word optionally plural) in the cleaned text."""
    pattern = re.compile(r"(?<![\w-])" + r"\s+".join(map(re.escape, phrase.split())) + r"s?(?![\w-])", re.IGNORECASE)
    return sum(len(pattern.findall(article.text)) for article in corpus)


# --- phrases ---------------------------------------------------------------------------------------


def test_sample_phrases_are_single_terms(seed_corpus, terms):
    frequency = frequency_table(terms).set_index("term")
    for phrase in SAMPLE_PHRASES:
        assert frequency.loc[phrase, "count"] == _count_in_text(seed_corpus, phrase), phrase


def test_statistics_find_phrases_the_known_list_does_not_hold(phrases):
    found = phrases.set_index("phrase")
    for phrase in ["cross-border e-commerce", "industrial internet"]:
        assert phrase not in known_phrases()
        assert found.loc[phrase, "source"] == "collocation"


def test_collocations_score_fixed_expressions_above_ordinary_pairs(tokens):
    scores = collocations_table(tokens).set_index("phrase")["score"]
    assert scores["far east"] > scores["economic development"] > scores["investment cooperation"]
    pmi = collocations_table(tokens, measure="pmi").set_index("phrase")["score"]
    assert pmi["supply chain"] > pmi["economic development"]


def test_phrases_never_span_punctuation(seed_corpus, tokens):
    assert any("Belt, One" in article.text for article in seed_corpus)
    assert locate_phrases(tokens, ["belt one"]).empty


def test_merging_keeps_every_word_and_spans_the_text(seed_corpus, tokens, terms):
    assert terms["n_words"].sum() == len(tokens)
    texts = {article.doc_id: article.text for article in seed_corpus}
    merged = terms[terms["n_words"] > 1]
    assert len(merged) > 20
    for doc_id, start, end, surface in merged[["doc_id", "start", "end", "surface"]].itertuples(index=False):
        assert re.sub(r"\s+", " ", texts[doc_id][start:end]).replace("’", "'") == surface


def test_the_first_listed_phrase_wins_an_overlap(tokens):
    terms = set(merge_phrases(tokens, ["central asian", "five central"])["lemma"])
    assert "central asian" in terms and "five central" not in terms
    terms = set(merge_phrases(tokens, ["five central", "central asian"])["lemma"])
    assert "five central" in terms


def test_phrase_options_are_checked(tokens):
    with pytest.raises(ValueError, match="use 2 or 3"):
        collocations_table(tokens, ngram_max=4)
    with pytest.raises(ValueError, match="g2, pmi"):
        collocations_table(tokens, measure="chi_square")
    assert find_phrases(tokens, ngram_max=1).empty


# --- frequency -------------------------------------------------------------------------------------


def test_top_terms_are_content_words(terms):
    top = frequency_table(terms).head(20)["term"]
    for term in top:
        assert re.fullmatch(r"[a-z]+(?:[-' ][a-z]+)*", term), f"{term!r} is not a word or phrase"
        assert term not in news_stopwords()
    assert {"china", "cooperation", "russia"} <= set(top)


def test_frequency_counts_documents_and_rates(seed_corpus, tokens, terms):
    frequency = frequency_table(terms).set_index("term")
    assert frequency.loc["cooperation", "documents"] == 5
    assert frequency.loc["xi", "documents"] == 1 and frequency.loc["xi", "form"] == "Xi"
    assert frequency.loc["far east", "form"] == "Far East"
    assert frequency.loc["china", "per_1000"] == pytest.approx(1000 * frequency.loc["china", "count"] / len(tokens))


def test_document_terms_count_each_term_per_article(tokens, terms):
    table = document_terms_table(terms)
    words = tokens.groupby("doc_id", observed=True).size()
    row = table[(table["doc_id"] == CENTRAL_ASIA) & (table["term"] == "industrial internet")].iloc[0]
    assert row["count"] == 6
    assert row["per_1000"] == pytest.approx(6000 / words[CENTRAL_ASIA])
    assert row["tfidf"] == pytest.approx(6 * np.log10(5)), "count × log10(5 articles / 1 article)"
    assert (table.loc[table["term"] == "china", "tfidf"] == 0).all(), "a term in every article is not distinctive"
    assert table["count"].sum() == len(content_tokens(terms))


def test_top_and_tfidf_tables_rank_each_article(terms):
    top = top_terms_table(terms, top_n=3)
    assert top.groupby("doc_id", observed=True).size().tolist() == [3] * 5
    assert top.groupby("doc_id", observed=True)["count"].apply(lambda counts: counts.is_monotonic_decreasing).all()
    tfidf = tfidf_table(terms, top_n=5)
    assert (tfidf["tfidf"] > 0).all()
    assert tfidf[tfidf["doc_id"] == "002_e59db8fb69f41bb6"].iloc[0]["term"] == "xi"
    assert "industrial internet" in set(tfidf[tfidf["doc_id"] == CENTRAL_ASIA]["term"])


def test_tables_from_one_counts_object_share_its_count_table_but_never_change_it(tokens, phrases, terms):
    counts = term_counts(tokens, phrases)
    fresh = document_terms_table(terms)
    handed_out = document_terms_table(counts)
    pd.testing.assert_frame_equal(handed_out, fresh)
    handed_out["count"] = 0  # a user changing the table they were given
    handed_out.loc[handed_out.index[:10], "term"] = "changed"
    top, tfidf = top_terms_table(counts, top_n=3), tfidf_table(counts, top_n=5)
    pd.testing.assert_frame_equal(document_terms_table(counts), fresh)
    pd.testing.assert_frame_equal(top, top_terms_table(terms, top_n=3))
    pd.testing.assert_frame_equal(tfidf, tfidf_table(terms, top_n=5))
    assert "rank" not in document_terms_table(counts)


# --- keyness ---------------------------------------------------------------------------------------


def test_keyness_of_the_central_asia_article(terms):
    keyness = keyness_table(terms, CENTRAL_ASIA)
    top = keyness.head(10)["term"].tolist()
    assert {"central asian", "central asia", "industrial internet"} <= set(top)
    assert not {"russia", "russian", "far east", "china-russia"} & set(top)
    by_term = keyness.set_index("term")
    assert by_term.loc["russia", "g2"] < 0 and by_term.loc["russia", "log_ratio"] < 0
    assert keyness["g2"].is_monotonic_decreasing


def test_keyness_statistics(tokens, terms):
    keyness = keyness_table(terms, CENTRAL_ASIA).set_index("term")
    in_target = (tokens["doc_id"] == CENTRAL_ASIA).to_numpy()
    target_words, rest_words = in_target.sum(), (~in_target).sum()
    for term in ["central asian", "russia", "cooperation"]:
        a, b = keyness.loc[term, ["target_count", "rest_count"]]
        expected = np.array([target_words, rest_words]) * (a + b) / (target_words + rest_words)
        g2 = power_divergence([a, b], f_exp=expected, lambda_="log-likelihood").statistic
        assert abs(keyness.loc[term, "g2"]) == pytest.approx(g2)
        assert keyness.loc[term, "p_value"] == pytest.approx(chi2.sf(g2, 1))
        ratio = ((a + 0.5) / target_words) / ((b + 0.5) / rest_words)
        assert keyness.loc[term, "log_ratio"] == pytest.approx(np.log2(ratio))


def test_keyness_of_a_group_of_articles(terms, articles):
    keyness = keyness_table(terms, "Xinhua", by="source", articles=articles)
    assert keyness.iloc[0]["term"] == "auto industry"
    assert keyness.iloc[0]["rest_count"] == 0


def test_keyness_explains_a_wrong_target(terms, articles):
    with pytest.raises(ValueError, match="use one of 000_be66cc4f6408135f"):
        keyness_table(terms, "003")
    with pytest.raises(ValueError, match="pass articles=articles_table"):
        keyness_table(terms, "Xinhua", by="source")
    with pytest.raises(ValueError, match="unknown column 'outlet'"):
        keyness_table(terms, "Xinhua", by="outlet", articles=articles)
    with pytest.raises(ValueError, match="needs articles outside the target"):
        keyness_table(terms, "", by="encoding", articles=articles.assign(encoding=""))


# --- following terms -------------------------------------------------------------------------------


def test_kwic_returns_every_occurrence(seed_corpus, tokens):
    concordance = kwic(seed_corpus, "cooperation", tokens=tokens)
    expected = sum(len(re.findall(r"\bcooperation\b", article.text, re.IGNORECASE)) for article in seed_corpus)
    assert len(concordance) == expected > 40
    assert list(concordance.columns) == ["doc_id", "sentence", "left", "keyword", "right"]
    assert set(concordance["keyword"]) == {"cooperation", "Cooperation"}
    sentences = {(article.doc_id, number): sentence for article in seed_corpus for number, sentence in enumerate(article.sentences)}
    for doc_id, sentence, left, keyword, right in concordance.itertuples(index=False):
        assert f"{left} {keyword}".strip() in sentences[doc_id, sentence]
        assert len(left.split()) <= 8 + 2 and len(right.split()) <= 8 + 2


def test_kwic_finds_phrases_and_inflected_forms(seed_corpus):
    belt = kwic(seed_corpus, "Belt and Road", context=3)
    assert belt["keyword"].tolist() == ["Belt and Road"] * 2
    assert belt["right"].str.startswith("Initiative").all()
    chains = kwic(seed_corpus, "supply chain")
    assert len(chains) == _count_in_text(seed_corpus, "supply chain")
    assert set(chains["keyword"]) == {"supply chain", "supply chains"}


def test_dispersion_places_each_occurrence(seed_corpus, tokens):
    dispersion = dispersion_table(seed_corpus, ["cooperation", "far east", "no such word"], tokens=tokens)
    assert list(dispersion["term"].cat.categories) == ["cooperation", "far east", "no such word"]
    assert list(dispersion["doc_id"].cat.categories) == [article.doc_id for article in seed_corpus]
    assert (dispersion["term"] == "cooperation").sum() == len(kwic(seed_corpus, "cooperation", tokens=tokens))
    assert set(dispersion.loc[dispersion["term"] == "far east", "doc_id"]) == {"002_e59db8fb69f41bb6", "004_307deee32fd8fd70"}
    assert dispersion["relative_position"].between(0, 1).all()


def test_pattern_trend_counts_dated_articles_by_month(seed_corpus, tokens):
    trend = pattern_trend_table(seed_corpus, ["cooperation", "far east"], tokens=tokens)
    assert trend["period"].dt.strftime("%Y-%m").unique().tolist() == ["2021-04", "2024-05"]
    counts = trend.set_index(["term", trend["period"].dt.strftime("%Y-%m")])["count"]
    may_2024 = [article for article in seed_corpus if article.date.startswith("2024-05")]
    assert counts["far east", "2021-04"] == 0
    assert counts["far east", "2024-05"] == _count_in_text(may_2024, "far east") > 0
    assert np.allclose(trend["per_1000"], 1000 * trend["count"] / trend["words"])
    undated = Corpus(root=seed_corpus.root, articles=[dataclasses.replace(article, date="") for article in seed_corpus])
    assert pattern_trend_table(undated, "cooperation", tokens=tokens).empty


# --- export and report -----------------------------------------------------------------------------


def test_export_terms(tmp_path, seed_corpus):
    out = tmp_path / "terms.csv"
    assert main(["export", "terms", "--corpus", str(SEEDS), "--out", str(out)]) == 0
    table = pd.read_csv(out)
    assert {"doc_id", "term", "count", "tfidf"} <= set(table.columns)
    assert set(SAMPLE_PHRASES) <= set(table["term"])
    assert len(table) == len(corpus_terms_table(seed_corpus))


def test_report_shows_every_frequency_figure(report_dir):
    record = json.loads((report_dir / "run.json").read_text())
    run = next(run for run in record["notebooks"] if run["name"] == "02_topic_frequency")
    assert run["status"] == "ok", run["error"]
    page = (report_dir / run["html"]).read_text()
    assert page.count('class="plotly-graph-div') >= 6
    for text in ["Most frequent terms", "Keyness of", "Distinctive terms", "Where the terms occur", "Terms over time", "belt and road"]:
        assert text.lower() in page.lower(), text
    assert "Traceback" not in page


def test_no_phrase_to_merge_leaves_the_tokens_as_they_are(seed_corpus):
    from presslens import merge_phrases, corpus_terms_table, tokens_table

    tokens = tokens_table(seed_corpus)
    merged = merge_phrases(tokens, [])
    assert len(merged) == len(tokens) and (merged["n_words"] == 1).all()
    assert merged["lemma"].equals(tokens["lemma"])
    single_words = corpus_terms_table(seed_corpus, ngram_max=1)
    assert len(single_words) and not single_words["term"].str.contains(" ").any()
