"""Analyses and figures of the quotations table, on a small table written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest

from presslens.corpus import Corpus, article_from_text
from presslens.plots.voices import plot_group_voices, plot_top_speakers, plot_unnamed_sources, plot_voice_shares
from presslens.quotes import actor_quotes, group_quotes, top_speakers, unnamed_sources, voice_shares

TEXT = "Title\n\nAnna Petrova said the talks went well. Officials said prices would rise. Boris Ivanov was absent."


@pytest.fixture()
def corpus():
    first = article_from_text("a", "a.txt", TEXT)
    second = article_from_text("b", "b.txt", TEXT)
    second.source = "Other Outlet"
    first.source = "Daily"
    return Corpus(root="fixtures", articles=[first, second])


def _quote(doc_id, start, quote, speaker, actor, kind, speaker_type):
    return {"doc_id": doc_id, "paragraph": 1, "sentence": 1, "start": start, "end": start + len(quote), "quote": quote,
            "kind": kind, "cue": "said", "speaker": speaker, "speaker_actor": actor, "speaker_type": speaker_type}


@pytest.fixture()
def quotes():
    return pd.DataFrame([
        _quote("a", 25, "the talks went well", "Anna Petrova", "Anna Petrova", "reported", "person"),
        _quote("a", 60, "prices would rise", "Officials", "", "reported", "unnamed"),
        _quote("b", 25, "the talks went well", "she", "Anna Petrova", "direct", "person"),
        _quote("b", 60, "prices would rise", "Officials", "", "reported", "unnamed"),
    ])


@pytest.fixture()
def mentions():
    rows = [("a", "Anna Petrova", "person")] * 2 + [("b", "Anna Petrova", "person")] + [("a", "Boris Ivanov", "person")] * 3
    return pd.DataFrame(rows, columns=["doc_id", "actor", "type"])


def test_the_most_quoted_count_direct_quotations_and_articles(quotes):
    table = top_speakers(quotes)
    assert table.to_dict("records") == [
        {"speaker_actor": "Anna Petrova", "speaker_type": "person", "quotes": 2, "direct": 1, "n_docs": 2}]
    assert len(plot_top_speakers(table).data) == 2


def test_an_actor_mentioned_but_never_quoted_has_no_voice(quotes, mentions):
    table = voice_shares(quotes, mentions).set_index("actor")
    assert table.loc["Boris Ivanov", "quotes"] == 0 and table.loc["Boris Ivanov", "voice"] == 0
    assert table.loc["Anna Petrova", "quote_share"] == 1.0 and table.loc["Anna Petrova", "mention_share"] == 0.5
    assert table.loc["Anna Petrova", "voice"] == 2.0
    assert plot_voice_shares(table.reset_index()).data[0].name == "person"


def test_unnamed_sources_are_counted_per_outlet(quotes, corpus):
    table = unnamed_sources(corpus, quotes).set_index("group")
    assert table.loc["Daily", ["quotes", "named", "unnamed"]].tolist() == [2, 1, 1]
    assert table.loc["Other Outlet", "unnamed_share"] == 0.5
    assert len(plot_unnamed_sources(table.reset_index()).data) == 4


def test_quotations_per_group_and_one_actors_sentences(quotes, corpus):
    grouped = group_quotes(corpus, quotes, by="source")
    assert grouped[["group", "speaker_actor", "quotes", "share"]].values.tolist() == [
        ["Daily", "Anna Petrova", 1, 1.0], ["Other Outlet", "Anna Petrova", 1, 1.0]]
    assert plot_group_voices(grouped).layout.barmode == "group"
    said = actor_quotes(quotes, "Anna Petrova", corpus=corpus)
    assert said["sentence_text"].tolist() == ["Anna Petrova said the talks went well."] * 2
    with pytest.raises(ValueError, match="most quoted are: Anna Petrova"):
        actor_quotes(quotes, "Boris Ivanov")


def test_a_table_that_is_not_a_quotations_table_is_refused(mentions):
    with pytest.raises(ValueError, match="not a quotations table"):
        top_speakers(mentions)
