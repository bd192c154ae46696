"""One spelling per term: each case-folded term shown as the articles most often write it."""

from __future__ import annotations

import pandas as pd
import pytest

from presslens.chunks import token_chunks
from presslens.corpus import Corpus, article_from_text
from presslens.counts import term_counts
from presslens.spelling import Spelling, spelling_of, spelling_table, written_terms
from presslens.text import TOKEN_COLUMNS, tokens_table

ARTICLES = {
    "trade": ("China and Russia sign a trade deal\n\n"
              "China signed the deal with Russia's Ministries on Monday. CHINA TODAY reported the signing.\n\n"
              "The NATO summit was not mentioned; trade with Russia grew in the Far East."),
    "ports": ("Ports of the Far East\n\n"
              "Ministries in Beijing said China will build ports. China's ports in the Far East are busy.\n\n"
              "The Global Times said that global trade and global shipping grew."),
}


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus(root="invented", articles=[article_from_text(doc_id, f"{doc_id}.txt", text) for doc_id, text in ARTICLES.items()])


@pytest.fixture(scope="module")
def spelling(corpus) -> Spelling:
    return spelling_of(tokens_table(corpus))


def test_a_term_is_shown_as_most_often_written(spelling):
    assert spelling("china") == "China", "China ×4 beats CHINA ×1"
    assert spelling("nato") == "NATO" and spelling("trade") == "trade"


def test_a_phrase_or_label_is_written_word_by_word(spelling):
    assert spelling("far east") == "Far East"
    assert spelling("T1 china · russia · trade") == "T1 China · Russia · trade"
    assert spelling("china, russia") == "China, Russia"


def test_a_counted_phrase_is_written_as_its_words_are_written_together(corpus):
    tokens = tokens_table(corpus)
    words_only = spelling_of(tokens)
    with_phrases = spelling_of(tokens, terms=term_counts(tokens, ["global times", "far east"]))
    assert words_only("global times") == "global Times", "each word as it is most often written"
    assert with_phrases("global times") == "Global Times" and with_phrases("far east") == "Far East"
    assert with_phrases("global") == "global" and with_phrases("china") == "China"


def test_a_possessive_or_inflected_surface_lends_only_its_capitals(spelling):
    assert spelling("russia") == "Russia", "never Russia's"
    assert spelling("ministry") == "Ministry", "the lemma of Ministries, never Ministries itself"


def test_a_word_the_corpus_never_writes_is_shown_as_given(spelling):
    assert spelling("Astana") == "Astana" and spelling("zzz") == "zzz"


def test_the_table_counts_case_folded(corpus):
    table = spelling_table(tokens_table(corpus)).set_index("term")
    assert table.loc["china", "written"] == "China" and table.loc["china", "count"] == 5
    assert list(table.columns) == ["written", "count"]


def test_token_chunks_give_the_spelling_of_the_whole_table(corpus):
    whole = spelling_table(tokens_table(corpus))
    chunked = spelling_table(token_chunks(corpus, articles_per_chunk=1))
    pd.testing.assert_frame_equal(chunked.sort_values("term", ignore_index=True), whole.sort_values("term", ignore_index=True))


def test_written_terms_changes_the_display_columns_only(spelling):
    keyness = pd.DataFrame({"term": ["china", "far east"], "g2": [3.5, 1.2]})
    shown = written_terms(keyness, spelling)
    assert list(shown["term"]) == ["China", "Far East"] and list(keyness["term"]) == ["china", "far east"]
    with pytest.raises(ValueError, match="no column 'label'"):
        written_terms(keyness, spelling, columns=["label"])


def test_a_corpus_without_words_has_an_empty_spelling():
    table = spelling_table(pd.DataFrame(columns=TOKEN_COLUMNS))
    assert table.empty and list(table.columns) == ["term", "written", "count"]
    assert Spelling.from_table(table)("china") == "china"


def test_a_table_without_the_spelling_columns_is_refused():
    with pytest.raises(ValueError, match="spelling_table"):
        Spelling.from_table(pd.DataFrame({"term": ["china"]}))


def test_the_spelling_of_a_few_words_is_theirs_in_the_whole_table(corpus):
    tokens = token_chunks(corpus, articles_per_chunk=1)
    everything = spelling_table(tokens).set_index("term")
    few = spelling_table(tokens, words=["China", "ministry", "far east"]).set_index("term")
    assert sorted(few.index) == ["china", "east", "far", "ministry"]
    assert few.equals(everything.loc[few.index])
    assert spelling_of(tokens, words=["ministry"])("ministry") == "Ministry"
