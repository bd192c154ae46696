"""How the theme lexicon's Chinese and Russian terms behave on real news: People's Daily 1998 and factRuEval-2016.

Neither corpus has theme labels, so the script prints what a reader needs to judge the lexicon by eye,
for each language folder and for each half of it (the articles in even and odd positions of the
folder's natural order: the lexicon's terms were checked on the first half, the second is only measured):

1. coverage: the share of articles (and of paragraphs) with at least one theme match;
2. per theme: the number of articles it matches at all, and of which it is the top theme;
3. for ``--examples`` articles, and as many paragraphs with a theme, spread over the folder: the top
   theme with its score and matched terms, the second theme, and the opening words, to sign or refuse
   the theme (a People's Daily "article" is 25 consecutive sentences of the corpus, one a paragraph, so
   its paragraphs are the units a reader can judge);
4. with ``--context TERM``: every match of a term (its lemmas or its surface) with the words around it.

Usage: ``python bench/themes_languages.py [--corpus ../shared/corpora/multilingual] [--languages zh ru]
[--examples 10] [--context 会见]``
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

from presslens.corpus import Corpus, load_corpus
from presslens.text import tokens_table
from presslens.lexicon import Lexicon, load_lexicon
from presslens.themes import match_themes, score_themes

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "multilingual"
HALVES = ("checked", "held_out")


def halves(doc_ids: list[str]) -> dict[str, list[str]]:
    """The articles in even positions (the half the terms were checked on) and in odd ones (measured only)."""
    return {HALVES[0]: doc_ids[0::2], HALVES[1]: doc_ids[1::2]}


def coverage_table(corpus: Corpus, scores: pd.DataFrame, paragraph_scores: pd.DataFrame) -> pd.DataFrame:
    """One row per half and for all: ``articles, with_theme, paragraphs, paragraphs_with_theme, themes_per_article``."""
    rows = []
    parts = {**halves(corpus.doc_ids), "all": corpus.doc_ids}
    for name, doc_ids in parts.items():
        chosen = set(doc_ids)
        n_paragraphs = sum(len(article.paragraphs) for article in corpus if article.doc_id in chosen)
        themed = paragraph_scores[paragraph_scores["doc_id"].isin(chosen)][["doc_id", "paragraph"]].drop_duplicates()
        article_scores = scores[scores["doc_id"].isin(chosen)]
        rows.append({
            "part": name,
            "articles": len(chosen),
            "with_theme": article_scores["doc_id"].nunique() / max(len(chosen), 1),
            "paragraphs": n_paragraphs,
            "paragraphs_with_theme": len(themed) / max(n_paragraphs, 1),
            "themes_per_article": len(article_scores) / max(len(chosen), 1),
        })
    return pd.DataFrame(rows)


def theme_counts_table(corpus: Corpus, scores: pd.DataFrame, lexicon: Lexicon) -> pd.DataFrame:
    """Per theme and half: articles it matches (``matched_*``) and articles whose top theme it is (``top_*``)."""
    table = pd.DataFrame(index=pd.Index(lexicon.ids, name="theme"))
    for name, doc_ids in halves(corpus.doc_ids).items():
        part = scores[scores["doc_id"].isin(set(doc_ids))]
        table[f"matched_{name}"] = part.groupby("theme")["doc_id"].nunique()
        table[f"top_{name}"] = part[part["rank"] == 1]["theme"].value_counts()
    return table.fillna(0).astype(int)


def examples_table(corpus: Corpus, scores: pd.DataFrame, *, n: int, width: int = 60) -> pd.DataFrame:
    """``n`` units spread evenly over the corpus — articles, or (for paragraph ``scores``) paragraphs with a theme:
    ``doc_id`` (``paragraph``), top ``theme``, ``score``, ``matched_terms``, ``second`` theme, opening ``text``."""
    keys = ["doc_id", "paragraph"] if "paragraph" in scores.columns else ["doc_id"]
    units = scores[keys].drop_duplicates() if len(keys) == 2 else pd.DataFrame({"doc_id": corpus.doc_ids})
    positions = sorted({round(i * (len(units) - 1) / max(n - 1, 1)) for i in range(min(n, len(units)))})
    second = scores[scores["rank"] == 2][[*keys, "theme"]].rename(columns={"theme": "second"})
    table = (
        units.iloc[positions]
        .merge(scores[scores["rank"] == 1][[*keys, "theme", "score", "matched_terms"]], on=keys, how="left")
        .merge(second, on=keys, how="left")
        .fillna({"theme": "", "score": 0.0, "matched_terms": "", "second": ""})
    )
    articles = {article.doc_id: article for article in corpus}
    texts = [articles[unit[0]].paragraphs[unit[1]] if len(keys) == 2 else articles[unit[0]].text
             for unit in table[keys].itertuples(index=False, name=None)]
    return table.assign(text=[" ".join(text.split())[:width] for text in texts])


def term_contexts(corpus: Corpus, evidence: pd.DataFrame, term: str, *, width: int = 25) -> list[str]:
    """Every match of ``term`` (a lexicon entry as lemmas, or its surface) with ``width`` characters around it."""
    texts = {article.doc_id: article.text for article in corpus}
    chosen = evidence[(evidence["term"] == term) | (evidence["matched"] == term)]
    return [
        f"{doc_id} [{theme}] …{texts[doc_id][max(start - width, 0):start]}[{texts[doc_id][start:end]}]"
        f"{texts[doc_id][end:end + width]}…".replace("\n", " ")
        for doc_id, theme, start, end in chosen[["doc_id", "theme", "start", "end"]].itertuples(index=False)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="folder with one sub-folder per language")
    parser.add_argument("--languages", nargs="+", default=["zh", "ru"], help="sub-folders to read (ISO 639-1 codes)")
    parser.add_argument("--examples", type=int, default=10, help="articles shown with their top theme, per language")
    parser.add_argument("--context", nargs="*", default=[], help="terms whose every match is printed in context")
    args = parser.parse_args()

    lexicon = load_lexicon()
    pd.set_option("display.width", 250)
    pd.set_option("display.max_colwidth", 120)
    for language in args.languages:
        started = time.perf_counter()
        corpus = load_corpus(Path(args.corpus) / language, progress=False)
        tokens = tokens_table(corpus)
        evidence = match_themes(corpus, lexicon, tokens=tokens)
        scores = score_themes(corpus, evidence, lexicon=lexicon)
        paragraph_scores = score_themes(corpus, evidence, unit="paragraph", lexicon=lexicon)
        seconds = time.perf_counter() - started
        languages = pd.Series([article.language for article in corpus]).value_counts().to_dict()
        print(f"== {language}: {len(corpus)} articles (languages {languages}), {len(tokens):,} tokens, "
              f"{len(evidence):,} matches, {seconds:.1f}s\n")
        print(coverage_table(corpus, scores, paragraph_scores).to_string(index=False, float_format=lambda x: f"{x:.2f}"))
        print("\nArticles per theme (matched at all / as the top theme), per half:")
        print(theme_counts_table(corpus, scores, lexicon).to_string())
        print(f"\nTop theme of {args.examples} articles spread over the folder:")
        print(examples_table(corpus, scores, n=args.examples).to_string(index=False, float_format=lambda x: f"{x:.1f}"))
        print(f"\nTop theme of {args.examples} paragraphs with a theme, spread over the folder:")
        print(examples_table(corpus, paragraph_scores, n=args.examples).to_string(index=False, float_format=lambda x: f"{x:.1f}"))
        for term in args.context:
            lines = term_contexts(corpus, evidence, term)
            if lines:
                print(f"\n{term}: {len(lines)} matches")
                print("\n".join(lines))
        print()


if __name__ == "__main__":
    main()
