"""Trends: counts per period that add up to the corpus counts, with the articles each period rests on."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import SEEDS
from presslens.actors import mentions_table
from presslens.cli import main
from presslens.corpus import load_corpus
from presslens.phrases import find_phrases, merge_phrases
from presslens.text import content_mask, tokens_table
from presslens.themes import match_themes
from presslens.trends import TREND_COLUMNS, trends_table

DATES = ["2024-01-09", "2024-01-30", "2024-02-14", "2024-03-02", ""]


@pytest.fixture(scope="module")
def dated(tmp_path_factory):
    """The sample articles as a researcher's table, four dated in three months and one undated."""
    folder = tmp_path_factory.mktemp("dated")
    seeds = load_corpus(SEEDS)
    rows = [{"title": article.title, "text": article.text, "date": date, "source": "Wire"}
            for article, date in zip(seeds, DATES)]
    pd.DataFrame(rows).to_csv(folder / "news.csv", index=False)
    return load_corpus(folder / "news.csv")


def test_trend_rows_add_up_to_the_counts_of_the_dated_articles(dated):
    trends = trends_table(dated, period="month")
    assert list(trends.columns) == TREND_COLUMNS and set(trends["kind"]) == {"term", "actor", "theme"}
    dated_ids = {article.doc_id for article in dated if article.date}
    tokens = tokens_table(dated)
    terms = merge_phrases(tokens, find_phrases(tokens))
    counted = terms[content_mask(terms) & terms["doc_id"].astype(str).isin(dated_ids)]
    assert trends[trends.kind == "term"].groupby("name")["count"].sum().to_dict() == counted["lemma"].value_counts().to_dict()
    mentions = mentions_table(dated)
    expected_actors = mentions[mentions["doc_id"].isin(dated_ids)]["actor"].value_counts()
    assert trends[trends.kind == "actor"].groupby("name")["count"].sum().to_dict() == expected_actors.to_dict()
    evidence = match_themes(dated, tokens=tokens)
    assert trends[trends.kind == "theme"]["count"].sum() == evidence["doc_id"].isin(dated_ids).sum()


def test_every_period_says_how_many_articles_and_words_it_rests_on(dated):
    trends = trends_table(dated, period="month")
    articles = trends.drop_duplicates("period").set_index("period")["n_articles"].to_dict()
    assert articles == {"2024-01-01": 2, "2024-02-01": 1, "2024-03-01": 1}
    january = trends[(trends.period == "2024-01-01")]
    words = sum(a.n_words for a in dated if a.date.startswith("2024-01"))
    assert (january["per_1000_words"] == 1000 * january["count"] / words).all()


def test_coarser_periods_add_up_to_the_same_counts(dated):
    by = {period: trends_table(dated, period=period).groupby(["kind", "name"])["count"].sum() for period in ("week", "month", "year")}
    assert by["week"].equals(by["month"]) and by["month"].equals(by["year"])
    assert trends_table(dated, period="year")["period"].unique().tolist() == ["2024-01-01"]
    with pytest.raises(ValueError, match="unknown period 'day'"):
        trends_table(dated, period="day")


def test_export_trends_by_week(dated, tmp_path):
    out = tmp_path / "trends.csv"
    assert main(["export", "trends", "--corpus", str(dated.root), "--period", "week", "--out", str(out), "--jobs", "1"]) == 0
    table = pd.read_csv(out)
    assert list(table.columns) == TREND_COLUMNS and table["period"].nunique() == 4


def test_export_trends_still_takes_the_former_by_option(dated, tmp_path):
    out = tmp_path / "trends.csv"
    assert main(["export", "trends", "--corpus", str(dated.root), "--by", "week", "--out", str(out), "--jobs", "1"]) == 0
    assert pd.read_csv(out)["period"].nunique() == 4
