"""Every table presslens computes on the sample corpus, to prove a change of code leaves them as they were.

``python tests/sample_tables.py`` writes them to ``tests/snapshots/`` (run it only when a change of
results is intended, and say so in the commit); ``test_sample_tables.py`` compares the tables of the
current code with those files.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pandas as pd

SNAPSHOTS = Path(__file__).parent / "snapshots"
SEEDS = Path(__file__).parents[1] / "seeds"


def sample_tables(corpus_path: Path = SEEDS) -> dict[str, pd.DataFrame]:
    """The tables of the sample corpus (or of another corpus), by name."""
    import presslens as pl

    corpus = pl.load_corpus(corpus_path)
    tokens = pl.tokens_table(corpus)
    phrases = pl.find_phrases(tokens)
    terms = pl.merge_phrases(tokens, phrases)
    mentions = pl.mentions_table(corpus)
    articles = pl.articles_table(corpus)
    evidence = pl.match_themes(corpus, tokens=tokens)
    first = corpus.doc_ids[0]
    tables = {
        "articles": pl.articles_table(corpus, with_text=True),
        "tokens": tokens,
        "terms": terms,
        "term_counts": pl.corpus_terms_table(corpus),
        "frequency": pl.frequency_table(terms),
        "tfidf": pl.tfidf_table(terms, top_n=10),
        "keyness": pl.keyness_table(terms, first),
        "collocations": pl.collocations_table(tokens),
        "phrases": phrases,
        "kwic": pl.kwic(corpus, ["china", "belt and road"], tokens=tokens),
        "dispersion": pl.dispersion_table(corpus, ["china", "trade"], tokens=tokens),
        "trend": pl.pattern_trend_table(corpus, ["china", "trade"], tokens=tokens),
        "mentions": mentions,
        "actors": pl.actors_table(corpus),
        "themes": pl.themes_table(corpus),
        "theme_scores": pl.score_themes(corpus, evidence),
        "key_sentences": pl.key_sentences_table(corpus, terms),
        "topics": pl.fit_topics(corpus, n_topics=3, tokens=tokens).terms,
    }
    if articles["source"].nunique() > 1:  # keyness needs a source to compare with another
        tables["keyness_by_source"] = pl.keyness_table(terms, articles["source"].iloc[0], by="source", articles=articles)
    for window in ("sentence", "paragraph", "article"):
        tables[f"cooccurrence_{window}"] = pl.cooccurrence_table(corpus, mentions, window=window)
    return tables


def normalised(table: pd.DataFrame) -> pd.DataFrame:
    """A table as its CSV file reads back: the same types whether it was just computed or stored."""
    return pd.read_csv(io.StringIO(table.to_csv(index=False)), keep_default_na=False)


def stored(name: str) -> pd.DataFrame:
    return pd.read_csv(SNAPSHOTS / f"{name}.csv.gz", keep_default_na=False)


def write_tables(corpus_path: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, table in sample_tables(corpus_path).items():
        table.to_csv(out / f"{name}.csv.gz", index=False)
        print(f"{name}: {len(table)} rows", file=sys.stderr)


if __name__ == "__main__":
    # python tests/sample_tables.py [CORPUS OUT]: the snapshots of the sample corpus, or the tables of another corpus
    write_tables(Path(sys.argv[1]), Path(sys.argv[2])) if len(sys.argv) == 3 else write_tables(SEEDS, SNAPSHOTS)
