"""Subcorpora and groups: the same selection and grouping for every notebook and export, and the comparisons built on them."""

from __future__ import annotations

import pandas as pd
import pytest

from conftest import SEEDS
from presslens.actors import distinctive_actors_table, group_cast_table, mentions_table
from presslens.cli import main
from presslens.corpus import load_corpus
from presslens.keyness import group_keyness_table
from presslens.phrases import find_phrases, merge_phrases
from presslens.duplicates import dedupe_corpus
from presslens.selection import article_groups, group_sizes_table, grouping_table, load_subcorpus, subcorpus
from presslens.text import tokens_table
from presslens.themes import group_theme_shares, match_themes, score_themes

DATED = {"000_be66cc4f6408135f": "", "001_a919f9a968849c4c": "2021-04-16", "004_307deee32fd8fd70": "2024-05-16"}


def test_subcorpus_by_dates_sources_and_a_condition(seed_corpus):
    assert subcorpus(seed_corpus) is seed_corpus
    assert subcorpus(seed_corpus, date_from="2024").doc_ids == ["004_307deee32fd8fd70"]
    assert subcorpus(seed_corpus, date_to="2021-04").doc_ids == ["001_a919f9a968849c4c"]
    assert subcorpus(seed_corpus, date_from="2021-04-16", date_to="2024-05-16").doc_ids == ["001_a919f9a968849c4c",
                                                                                               "004_307deee32fd8fd70"]
    assert subcorpus(seed_corpus, sources=["xinhua", "GLOBAL TIMES"]).doc_ids == ["000_be66cc4f6408135f", "004_307deee32fd8fd70"]
    long = [article.doc_id for article in seed_corpus if article.n_words > 600]
    assert 0 < len(long) < len(seed_corpus) and subcorpus(seed_corpus, where="n_words > 600").doc_ids == long
    with pytest.raises(ValueError, match="date_from='last spring' is not a date"):
        subcorpus(seed_corpus, date_from="last spring")
    with pytest.raises(ValueError, match="the columns are doc_id, title, date, source"):
        subcorpus(seed_corpus, where="words > 3")


def test_groups_by_folder_period_or_column(tmp_path, seed_corpus):
    for folder in ("left", "right"):
        (tmp_path / folder).mkdir()
    for number, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        (tmp_path / ("left" if number < 2 else "right") / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    folders = article_groups(load_corpus(tmp_path), "folder")
    assert folders.value_counts().to_dict() == {"right": 3, "left": 2}
    months = article_groups(seed_corpus, "month")
    assert months["004_307deee32fd8fd70"] == "2024-05" and months["000_be66cc4f6408135f"] == "(none)"
    assert grouping_table(seed_corpus).set_index("doc_id").loc["004_307deee32fd8fd70", ["week", "quarter", "year"]].tolist() == \
        ["2024-05-13", "2024Q2", "2024"]
    with pytest.raises(ValueError, match="cannot group by 'outlet'"):
        article_groups(seed_corpus, "outlet")
    sizes = group_sizes_table(seed_corpus, article_groups(seed_corpus, "source"))
    assert sizes["n_articles"].sum() == len(seed_corpus) and sizes["n_words"].sum() == sum(a.n_words for a in seed_corpus)


def test_comparisons_of_groups_of_the_sample(seed_corpus):
    groups = article_groups(seed_corpus, "source")
    tokens = tokens_table(seed_corpus)
    terms = merge_phrases(tokens, find_phrases(tokens))
    keyness = group_keyness_table(terms, groups, top_n=5)
    assert list(dict.fromkeys(keyness["group"])) == groups.value_counts().index.tolist()
    assert (keyness["g2"] > 0).all() and (keyness["target_count"] > 0).all() and keyness.groupby("group")["rank"].max().le(5).all()
    mentions = mentions_table(seed_corpus)
    cast = group_cast_table(mentions, groups, top_n=3)
    assert list(cast.columns) == ["rank", *groups.value_counts().index] and cast["rank"].tolist() == [1, 2, 3]
    distinctive = distinctive_actors_table(mentions, groups, top_n=3)
    assert len(distinctive) and (distinctive["log_ratio"] > 0).all()
    scores = score_themes(seed_corpus, match_themes(seed_corpus, tokens=tokens))
    shares = group_theme_shares(seed_corpus, scores, groups)
    assert shares.groupby("doc_id")["share"].sum().round(9).eq(1).all()
    assert set(shares["doc_id"]) == set(groups)


def test_export_takes_the_selection(tmp_path):
    out = tmp_path / "articles.csv"
    assert main(["export", "articles", "--corpus", str(SEEDS), "--out", str(out), "--date-from", "2021",
                 "--sources", "Global Times", "--jobs", "1"]) == 0
    assert pd.read_csv(out)["doc_id"].tolist() == ["004_307deee32fd8fd70"]


def test_load_subcorpus_is_loading_then_the_selection_then_dedupe(tmp_path):
    for path in SEEDS.glob("*.txt"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    first = sorted(SEEDS.glob("*.txt"))[0]
    (tmp_path / f"copy_of_{first.name}").write_bytes(first.read_bytes())
    loaded = load_corpus(tmp_path)
    sources = ["xinhua", "GLOBAL TIMES", loaded[first.stem].source]
    expected = dedupe_corpus(subcorpus(loaded, sources=sources, languages="en"), dedupe="keep_first")
    chosen = load_subcorpus(tmp_path, columns="", language="", sources=sources, languages="en", dedupe="keep_first")
    assert chosen.doc_ids == expected.doc_ids
    assert first.stem in chosen.doc_ids and f"copy_of_{first.stem}" not in chosen.doc_ids
    assert 1 < len(chosen) < len(loaded) - 1
