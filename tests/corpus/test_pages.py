"""Saved pages: site chrome found across the corpus, the article found in each page, its headline, date and source."""

from __future__ import annotations

import re

import pytest

from presslens.corpus import load_corpus, removal_counts, removals_table
from presslens.corpus.metadata import site_name, time_stamp
from site_fixtures import STORIES, WIRE, build_site_dumps

WORD = re.compile(r"\w+")


def _overlap(found: str, wanted: str) -> tuple[float, float]:
    """Token precision and recall of ``found`` against ``wanted`` (bags of lower-cased words)."""
    found_words, wanted_words = WORD.findall(found.casefold()), WORD.findall(wanted.casefold())
    remaining = list(wanted_words)
    hits = 0
    for word in found_words:
        if word in remaining:
            remaining.remove(word)
            hits += 1
    return hits / max(len(found_words), 1), hits / max(len(wanted_words), 1)


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    return build_site_dumps(root), load_corpus(root)


def test_every_page_gives_exactly_its_article(pages):
    expected, corpus = pages
    assert sorted(corpus.doc_ids) == sorted(expected)
    for doc_id, (headline, paragraphs) in expected.items():
        article = corpus[doc_id]
        assert article.title == headline, doc_id
        assert article.body_paragraphs == paragraphs, doc_id


def test_chrome_is_removed_and_reported_with_how_many_files_carry_it(pages):
    _, corpus = pages
    removed = removals_table(corpus)
    chrome = removed[removed.kind == "site chrome"]
    assert {"Share this article", "Most Read", "Please log in to comment."} <= set(chrome.text)
    assert set(chrome[chrome.text == "Share this article"].files) == {4}
    counts = removal_counts(corpus).set_index("kind")
    assert counts.loc["site chrome", "articles"] == 8 and counts.loc["site chrome", "removals"] == len(chrome)
    assert not any("Daily Planet" in article.text or "Eurasia Herald" in article.text for article in corpus)


def test_a_story_reprinted_in_three_files_is_not_mistaken_for_chrome(pages):
    _, corpus = pages
    for doc_id in ("a_wire", "b_wire", "wire_copy"):
        assert corpus[doc_id].body_paragraphs == WIRE[1]


def test_teasers_of_other_stories_stay_out_of_the_article(pages):
    _, corpus = pages
    other_headlines = [title for title, _ in STORIES.values() if title != STORIES["solar"][0]]
    assert not any(headline in corpus["b_solar"].text for headline in other_headlines)


def test_dates_and_sources_are_read_where_the_page_states_them(pages):
    _, corpus = pages
    assert (corpus["a_rail"].date, corpus["a_rail"].source) == ("2020-11-18", "Xinhua")
    assert (corpus["b_solar"].date, corpus["b_solar"].source) == ("2021-03-04", "Eurasia Herald")
    assert corpus["wire_copy"].date == "" and corpus["wire_copy"].source == ""


def test_pages_saved_on_one_line_give_their_articles(tmp_path):
    expected = build_site_dumps(tmp_path, one_line=True)
    corpus = load_corpus(tmp_path)
    for doc_id, (headline, paragraphs) in expected.items():
        precision, recall = _overlap(" ".join(corpus[doc_id].body_paragraphs), " ".join(paragraphs))
        assert precision >= 0.9 and recall >= 0.95, (doc_id, precision, recall, corpus[doc_id].text[:200])
    assert (corpus["a_grain"].date, corpus["a_grain"].source) == ("2020-11-19", "Xinhua")
    assert corpus["b_solar"].title == STORIES["solar"][0]


def test_an_article_among_clean_articles_is_untouched(seeds_dir, tmp_path):
    corpus = load_corpus(seeds_dir)
    kinds = set(removals_table(corpus).kind)
    assert not any(kind.startswith(("site chrome", "outside the article", "page title")) for kind in kinds)


@pytest.mark.parametrize("text, found", [
    ("( Xinhua ) 14:20, November 18, 2020", ("2020-11-18", "Xinhua")),
    ("Updated 6:30 PM, March 5, 2021", ("2021-03-05", "")),
    ("4:42 PM on 12/07/2012", ("2012-12-07", "")),
    ("17 February 2013", ("2013-02-17", "")),
    ("The forum was held from April 17 to April 18, 2025 in Shanghai, where delegates met for two days.", None),
])
def test_time_stamps(text, found):
    stamp = time_stamp(text)
    assert (stamp.date, stamp.source) == found if found else stamp is None


def test_site_names_are_the_parts_page_titles_share():
    titles = [f"Story {n} - Real Time Brussels - WSJ" for n in range(3)] + ["BBC News - A", "BBC News - B",
                                                                            "BBC News - C", "Lonely - title"]
    named = site_name(titles)
    assert named["Story 1 - Real Time Brussels - WSJ"] == ("Story 1", "WSJ")
    assert named["BBC News - B"] == ("B", "BBC News")
    assert named["Lonely - title"] == ("Lonely - title", "")
