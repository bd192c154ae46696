"""Tokens, stopwords and lemmas on the sample articles."""

from __future__ import annotations

import pytest
from nltk.stem import WordNetLemmatizer

from presslens.corpus import Corpus, article_from_text
from presslens.languages.en import LEMMA_EXCEPTIONS, lemmatize, news_stopwords
from presslens.text import content_tokens, lemmatize_phrase, lowercase_phrase, tokens_table


@pytest.fixture(scope="module")
def tokens(seed_corpus):
    return tokens_table(seed_corpus)


def test_every_token_points_at_its_text(seed_corpus, tokens):
    texts = {article.doc_id: article.text for article in seed_corpus}
    for doc_id, start, end, surface in tokens[["doc_id", "start", "end", "surface"]].itertuples(index=False):
        assert texts[doc_id][start:end].replace("’", "'") == surface


def test_positions_count_the_words_of_each_article(tokens):
    for _, group in tokens.groupby("doc_id", observed=True):
        assert group["position"].tolist() == list(range(len(group)))
        assert group["sentence"].is_monotonic_increasing


def test_hyphenated_compounds_stay_one_word(tokens):
    words = set(tokens["lower"])
    assert {"cross-border", "high-quality", "e-commerce", "china-russia"} <= words
    assert "cross" not in words and "border" not in words


def test_numbers_and_stopwords_are_flagged_not_dropped(tokens):
    by_word = tokens.drop_duplicates("lower").set_index("lower")
    assert by_word.loc["2025", "is_number"] and by_word.loc["70.2", "is_number"]
    assert by_word.loc["said", "is_stop"] and by_word.loc["the", "is_stop"] and by_word.loc["also", "is_stop"]
    assert not by_word.loc["cooperation", "is_stop"]
    counted = set(content_tokens(tokens)["lower"])
    assert not counted & (news_stopwords() | {"2025", "70.2", "s"})


def test_news_stoplist_extends_nltk():
    words = news_stopwords()
    assert {"the", "and", "of"} <= words, "NLTK's English stopwords"
    assert {"said", "also", "would"} <= words, "the news stoplist of data/stopwords.yaml"


def test_lemmas_merge_inflected_forms(tokens):
    lemmas = dict(zip(tokens["lower"], tokens["lemma"]))
    assert lemmas["countries"] == "country"
    assert lemmas["organizations"] == "organization"
    assert lemmas["chains"] == "chain"
    assert lemmas["logistics"] == "logistics", "listed exceptions keep their plural"
    assert lemmatize("investments") == "investment"
    assert lemmatize("supply-chains") == "supply-chain"


def test_lemmas_match_nltk_wordnet_lemmatizer(tokens):
    reference = WordNetLemmatizer()
    words = [word for word in set(tokens["lower"]) if word.isalpha() and len(word) > 3 and word not in LEMMA_EXCEPTIONS]
    assert len(words) > 500
    differences = {word: (lemmatize(word), reference.lemmatize(word)) for word in words if lemmatize(word) != reference.lemmatize(word)}
    assert differences == {}


def test_lemmatize_off_keeps_the_lowercase_form(seed_corpus):
    tokens = tokens_table(seed_corpus, lemmatize_words=False)
    assert (tokens["lemma"] == tokens["lower"]).all()


def test_extra_stopwords_are_flagged_case_insensitively(seed_corpus):
    tokens = tokens_table(seed_corpus, extra_stopwords=["Cooperation"])
    assert tokens.loc[tokens["lower"] == "cooperation", "is_stop"].all()


def test_phrases_are_normalised_like_tokens():
    assert lowercase_phrase("Russia’s Far East") == "russia far east"
    assert lemmatize_phrase("Supply Chains") == "supply chain"
    assert lemmatize_phrase("cross-border e-commerce") == "cross-border e-commerce"


def test_scores_amounts_and_decades_are_numbers():
    article = article_from_text("sport/001", "sport/001.txt", "Title\n\nShe won 6-3 in the 14th set of 2004-05, a £5m prize unseen since the 1990s, on 3G.")
    tokens = tokens_table(Corpus(root=".", articles=[article])).set_index("lower")
    assert tokens.loc[["6-3", "14th", "2004-05", "5m", "1990s"], "is_number"].all()
    assert not tokens.loc["3g", "is_number"]


def test_one_word_count_for_articles_tokens_and_rates(seed_corpus):
    """An article's n_words is the number of its tokens: every rate per 1,000 words has one denominator."""
    from presslens.corpus import articles_table

    tokens = tokens_table(seed_corpus)
    per_article = tokens.groupby("doc_id", observed=True).size()
    articles = articles_table(seed_corpus).set_index("doc_id")
    assert per_article.to_dict() == articles["n_words"].to_dict()
    assert tokens["surface"].str.fullmatch(r"\d+(?:[.,]\d+)+").any(), "a number with separators is one word"


def test_a_word_is_kept_as_written_and_counted_with_plain_apostrophes_and_hyphens():
    article = article_from_text("a", "a.txt", "Trade talks\n\nOfficials don’t expect a cross‑border deal this year.")
    tokens = tokens_table(Corpus(root=".", articles=[article]))
    for row in tokens.itertuples():
        assert article.text[row.start:row.end] == row.surface
    written = dict(zip(tokens["surface"], tokens["lower"]))
    assert written["don’t"] == "don't" and written["cross‑border"] == "cross-border"
