"""Article profiles: one article's profile is its part of the whole corpus's profiles."""

from __future__ import annotations

import pandas as pd

from presslens import article_profile, find_phrases, key_sentences_table, merge_phrases, tfidf_table, tokens_table
from presslens.profile import article_profiles


def test_one_profile_equals_its_part_of_all_profiles(seed_corpus):
    everyone = {profile.article.doc_id: profile for profile in article_profiles(seed_corpus)}
    doc_id = seed_corpus.doc_ids[1]
    alone = article_profile(seed_corpus, doc_id)
    together = everyone[doc_id]
    assert len(alone.themes) and len(alone.key_sentences) and len(alone.distinctive)
    assert alone.network.number_of_nodes() > 1
    assert set(alone.layout) == set(alone.network) == set(alone.centrality["actor"])
    assert alone.layout == together.layout
    for part in ("distinctive", "key_sentences", "actors", "themes", "evidence", "centrality"):
        pd.testing.assert_frame_equal(getattr(alone, part).reset_index(drop=True),
                                      getattr(together, part).reset_index(drop=True), obj=part, check_categorical=False)


def test_no_articles_no_profiles(seed_corpus):
    assert list(article_profiles(seed_corpus, [])) == []


def test_one_profile_weighs_its_terms_against_the_whole_corpus(seed_corpus):
    tokens = tokens_table(seed_corpus)
    terms = merge_phrases(tokens, find_phrases(tokens))
    doc_id = seed_corpus.doc_ids[2]
    profile = article_profile(seed_corpus, doc_id)
    expected = tfidf_table(terms).query("doc_id == @doc_id").drop(columns="doc_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(profile.distinctive.drop(columns="doc_id").reset_index(drop=True), expected,
                                  check_dtype=False)
    key = key_sentences_table(seed_corpus, terms).query("doc_id == @doc_id")[["sentence", "score", "text"]]
    pd.testing.assert_frame_equal(profile.key_sentences.reset_index(drop=True), key.reset_index(drop=True))


def test_a_profile_lists_the_quotations_of_its_article_with_their_speakers(tmp_path):
    from presslens import load_corpus

    (tmp_path / "port.txt").write_text(
        "Port opens\n\nAnna Petrova, the director of the Aktau port, said the new terminal would open in May.\n\n"
        "\u201cWe are ready for the first ships,\u201d she told reporters on Monday.\n", encoding="utf-8")
    (tmp_path / "rain.txt").write_text("Rain\n\nRain fell over the steppe for a week.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    quotations = article_profile(corpus, "port").quotations
    assert list(quotations["kind"]) == ["reported", "direct"]
    assert set(quotations["speaker_actor"]) == {"Anna Petrova"} and list(quotations["speaker"])[1] == "she"
    assert article_profile(corpus, "rain").quotations.empty
