"""How the theme lexicon behaves on real articles it was not written from: the BBC corpus.

The BBC corpus (2,225 articles, 2004–05) has five labelled classes: business, entertainment,
politics, sport, tech. The lexicon has no class of its own for any of them, but a sound lexicon should
put an economic theme on top of most business articles and of few sport articles, put
``digital_technology`` on top of tech articles, and ``tourism_culture`` (culture, film, music, sport)
on top of entertainment and sport articles, and a political theme (politics, diplomacy, security) on
top of politics articles. The script prints:

1. per class: coverage (share of articles with any theme match), mean matched themes per article,
   share whose top theme is economic, and the expected-theme hit rate (top 1 and top 3);
2. per class: how often each theme is the top theme;
3. the seconds taken by matching and scoring (tokenising is timed apart).

Usage: ``python bench/themes_bbc.py [--corpus ../shared/corpora/bbc] [--lexicon FILE]``
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

from presslens.corpus import load_corpus
from presslens.text import tokens_table
from presslens.lexicon import load_lexicon
from presslens.themes import match_themes, score_themes

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "bbc"
ECONOMIC = {
    "trade", "investment_finance", "industry_manufacturing", "energy_resources",
    "transport_logistics", "agriculture_food",
}
#: The theme a careful reader expects on top of each class (business: any economic theme).
EXPECTED = {"business": ECONOMIC, "tech": {"digital_technology"}, "entertainment": {"tourism_culture"},
            "sport": {"tourism_culture"}, "politics": {"politics_governance", "diplomacy", "security_defense"}}


def evaluate_classes(articles: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    """One row per class: ``n, coverage, themes_per_article, economic_top, expected_top1, expected_top3``."""
    top = scores[scores["rank"] == 1].set_index("doc_id")["theme"]
    top3 = scores[scores["rank"] <= 3].groupby("doc_id")["theme"].agg(set)
    table = articles.assign(
        top=articles["doc_id"].map(top),
        top3=articles["doc_id"].map(top3),
        n_themes=articles["doc_id"].map(scores.groupby("doc_id").size()).fillna(0),
    )
    rows = []
    for label, group in table.groupby("class"):
        expected = EXPECTED.get(label)
        rows.append({
            "class": label,
            "n": len(group),
            "coverage": group["top"].notna().mean(),
            "themes_per_article": group["n_themes"].mean(),
            "economic_top": group["top"].isin(ECONOMIC).mean(),
            "expected_top1": group["top"].isin(expected).mean() if expected else float("nan"),
            "expected_top3": group["top3"].map(lambda themes: bool(expected and isinstance(themes, set) and themes & expected)).mean()
            if expected else float("nan"),
        })
    return pd.DataFrame(rows)


def top_theme_shares(articles: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    """Class × theme: the share of the class's articles whose top theme it is (``(none)``: no match)."""
    top = articles["doc_id"].map(scores[scores["rank"] == 1].set_index("doc_id")["theme"]).fillna("(none)")
    return pd.crosstab(articles["class"], top.rename("top theme"), normalize="index").round(2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="the BBC corpus folder (one sub-folder per class)")
    parser.add_argument("--lexicon", default="", help="a lexicon file (default: the built-in lexicon)")
    args = parser.parse_args()

    started = time.perf_counter()
    corpus = load_corpus(args.corpus, progress=False)
    tokens = tokens_table(corpus)
    prepared = time.perf_counter() - started
    started = time.perf_counter()
    lexicon = load_lexicon(args.lexicon or None)
    evidence = match_themes(corpus, lexicon, tokens=tokens)
    scores = score_themes(corpus, evidence, lexicon=lexicon)
    themed = time.perf_counter() - started

    articles = pd.DataFrame({"doc_id": corpus.doc_ids})
    articles = articles[articles["doc_id"].str.contains("/")]  # README and SOURCE files are not articles
    articles["class"] = articles["doc_id"].str.split("/").str[0]
    pd.set_option("display.width", 200)
    print(f"{len(corpus):,} articles, {len(tokens):,} tokens, {len(evidence):,} theme matches; lexicon: {lexicon.source}")
    print(f"load + tokens: {prepared:.1f}s; match + score: {themed:.1f}s\n")
    print(evaluate_classes(articles, scores).to_string(index=False, float_format=lambda x: f"{x:.2f}"))
    print("\nTop theme per class (share of the class's articles):")
    print(top_theme_shares(articles, scores).T.to_string())


if __name__ == "__main__":
    main()
