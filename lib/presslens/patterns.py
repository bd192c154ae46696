"""Following words and phrases through the text: in context, along each article, over time.

A pattern is a word or a phrase, matched by lemma or by lowercase form (*investments* finds
*Investment* and *investments*); a phrase matches its words in a row, in one sentence
(:func:`presslens.phrases.joined_to_next`). Patterns match words, not merged terms, so any phrase can
be followed whether or not it was merged.

- :func:`kwic` — every occurrence with the words around it;
- :func:`dispersion_table` — where each pattern occurs along each article;
- :func:`pattern_trend_table` — how often each pattern occurs per period, per 1,000 words.

All three take the corpus first and its tokens (``tokens=``) when already computed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from presslens.chunks import TokenChunks, chunks_of, summed_counts
from presslens.corpus import Corpus, articles_table
from presslens.corpus.tables import Period, article_periods, period_sizes
from presslens.deprecation import former_keywords, warn_deprecated
from presslens.measures import per_1000
from presslens.phrases import locate_phrases, sentence_bounds
from presslens.text import TOKEN_COLUMNS, lemmatize_phrase, lowercase_phrase, tokens_table

PATTERN_TREND_COLUMNS = ["period", "term", "count", "words", "per_1000"]


@former_keywords(pattern="patterns")
def kwic(
    corpus: Corpus,
    patterns: str | Sequence[str],
    *,
    context: int = 8,
    tokens: pd.DataFrame | TokenChunks | None = None,
) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word or phrase, ``doc_id, sentence, left, keyword, right``.

    ``keyword`` is the text as written; ``left`` and ``right`` hold up to ``context`` words of the same
    sentence.

    Parameters
    ----------
    patterns
        A word or phrase, or several.
    context
        Words of context on each side.
    tokens
        The corpus's :func:`~presslens.text.tokens_table` or :func:`~presslens.chunks.token_chunks`, when
        already computed.
    """
    if context < 0:
        raise ValueError(f"context={context}: give the number of words of context, 0 or more")
    tokens = tokens_table(corpus) if tokens is None else tokens
    texts = {article.doc_id: article.text for article in corpus}
    lines = [line for chunk in chunks_of(tokens) for line in _kwic_lines(chunk, texts, patterns, context)]
    return pd.DataFrame(lines, columns=["doc_id", "sentence", "left", "keyword", "right"])


def _kwic_lines(tokens: pd.DataFrame, texts: dict[str, str], patterns: str | Sequence[str], context: int) -> list[tuple]:
    """The lines of :func:`kwic` found in ``tokens``."""
    hits = locate_patterns(tokens, patterns)
    if hits.empty:
        return []
    first, last = sentence_bounds(tokens)
    rows = hits["row"].to_numpy()
    ends = rows + hits["n_words"].to_numpy() - 1
    left_start = tokens["start"].to_numpy()[np.maximum(rows - context, first[rows])]
    right_end = tokens["end"].to_numpy()[np.minimum(ends + context, last[rows])]
    keyword_start = tokens["start"].to_numpy()[rows]
    keyword_end = tokens["end"].to_numpy()[ends]
    lines = []
    for doc_id, sentence, left, k_start, k_end, right in zip(
        tokens["doc_id"].to_numpy()[rows], tokens["sentence"].to_numpy()[rows], left_start, keyword_start, keyword_end, right_end
    ):
        text = texts[doc_id]
        lines.append((doc_id, sentence, text[left:k_start].strip(), text[k_start:k_end], text[k_end:right].strip()))
    return lines


def locate_patterns(tokens: pd.DataFrame, patterns: str | Sequence[str]) -> pd.DataFrame:
    """Every occurrence of words or phrases in ``tokens``: ``pattern, row, n_words``, in reading order.

    A pattern matches by lemma or by lowercase form; ``row`` is the position in ``tokens`` of its
    first word.
    """
    keys = {}
    for pattern in _pattern_list(patterns):
        lowercase = lowercase_phrase(pattern)
        if not lowercase:
            raise ValueError(f"pattern {pattern!r} has no word to match: give a word or phrase")
        for key in (lemmatize_phrase(pattern), lowercase):
            keys.setdefault(key, pattern)
    found = locate_phrases(tokens, keys)
    found["pattern"] = found["phrase"].map(keys)
    found = found.drop_duplicates(["pattern", "row"])
    return found[["pattern", "row", "n_words"]].sort_values(["row", "pattern"], ignore_index=True)


def _pattern_list(patterns: str | Sequence[str]) -> list[str]:
    """One pattern or several, as a list without repeats."""
    return [patterns] if isinstance(patterns, str) else list(dict.fromkeys(patterns))


def dispersion_table(corpus: Corpus, patterns: str | Sequence[str], *,
                     tokens: pd.DataFrame | TokenChunks | None = None) -> pd.DataFrame:
    """Where each word or phrase occurs along each article: ``doc_id, term, sentence, position, relative_position``.

    ``position`` counts words from the start of the article, ``relative_position`` runs from 0
    (first word) to 1 (last). ``doc_id`` and ``term`` are categories that keep every article of
    the tokens and every pattern, so that a dispersion plot also shows where a term never occurs.
    ``tokens`` are the corpus's tokens when already computed, as for :func:`kwic`; the former call
    ``dispersion_table(tokens, patterns)`` still works, with a ``DeprecationWarning``.
    """
    if not isinstance(corpus, Corpus):
        warn_deprecated("dispersion_table(tokens, patterns) is deprecated: pass the corpus first, "
                        "dispersion_table(corpus, patterns, tokens=tokens)")
        tokens = corpus
    tokens = tokens_table(corpus) if tokens is None else tokens
    patterns = _pattern_list(patterns)
    tables = [_dispersion(chunk, patterns) for chunk in chunks_of(tokens)]
    table = pd.concat(tables, ignore_index=True) if len(tables) > 1 else tables[0] if tables else \
        _dispersion(pd.DataFrame(columns=TOKEN_COLUMNS), patterns)
    return table.sort_values(["term", "doc_id", "position"], ignore_index=True)


def _dispersion(tokens: pd.DataFrame, patterns: list[str]) -> pd.DataFrame:
    hits = locate_patterns(tokens, patterns)
    rows = hits["row"].to_numpy()
    doc_ids = tokens["doc_id"].astype("category")
    last_position = tokens.groupby(doc_ids, observed=True)["position"].max()
    table = pd.DataFrame({
        "doc_id": doc_ids.iloc[rows].reset_index(drop=True),
        "term": pd.Categorical(hits["pattern"], categories=patterns),
        "sentence": tokens["sentence"].to_numpy()[rows],
        "position": tokens["position"].to_numpy()[rows],
    })
    table["relative_position"] = table["position"] / np.maximum(table["doc_id"].map(last_position).astype(float), 1)
    return table


def pattern_trend_table(
    corpus: Corpus,
    patterns: str | Sequence[str],
    *,
    period: Period = "month",
    tokens: pd.DataFrame | TokenChunks | None = None,
) -> pd.DataFrame:
    """Frequency of words or phrases over time: ``period, term, count, words, per_1000``.

    Only dated articles count; ``words`` is the number of words of the period's articles, and every
    period with a dated article has a row for every pattern (count 0 included). Empty when no
    article has a date. (:func:`~presslens.trends.trends_table` counts every term, actor and theme
    per period instead.)

    Parameters
    ----------
    patterns
        A word or phrase, or several.
    period
        ``week``, ``month``, ``quarter`` or ``year``; ``period`` holds its first day.
    tokens
        The corpus's tokens when already computed, as for :func:`kwic`.
    """
    return _pattern_trend(tokens_table(corpus) if tokens is None else tokens, articles_table(corpus), patterns, period)


def _pattern_trend(tokens: pd.DataFrame | TokenChunks, articles: pd.DataFrame, patterns: str | Sequence[str],
                   period: Period) -> pd.DataFrame:
    """:func:`pattern_trend_table` of ``tokens``, dated by the articles table ``articles``."""
    periods = article_periods(articles, period)
    patterns = _pattern_list(patterns)
    if periods.empty:
        return pd.DataFrame(columns=PATTERN_TREND_COLUMNS)
    words = period_sizes(articles, periods)["words"]
    counts = summed_counts(_dated_hits(chunk, periods, patterns) for chunk in chunks_of(tokens))
    grid = pd.MultiIndex.from_product([words.index.sort_values(), patterns], names=["period", "term"])
    table = counts.reindex(grid, fill_value=0).rename("count").reset_index()
    table["words"] = table["period"].map(words).astype(int)
    table["per_1000"] = per_1000(table["count"], table["words"])
    return table[PATTERN_TREND_COLUMNS]


def _dated_hits(tokens: pd.DataFrame, periods: pd.Series, patterns: list[str]) -> pd.Series:
    """How often each pattern occurs in ``tokens`` in each period, indexed by ``period, term``."""
    hits = locate_patterns(tokens, patterns)
    hit_periods = tokens["doc_id"].iloc[hits["row"].to_numpy()].astype(str).map(periods).to_numpy()
    dated = pd.notna(hit_periods)
    return pd.DataFrame({"period": hit_periods[dated], "term": hits["pattern"].to_numpy()[dated]}).value_counts()


def trend_table(tokens: pd.DataFrame | TokenChunks, articles: pd.DataFrame, patterns: str | Sequence[str], *,
                period: Period = "month") -> pd.DataFrame:
    """Deprecated: the former name of :func:`pattern_trend_table`, which takes the corpus first."""
    warn_deprecated("trend_table(tokens, articles, patterns) is deprecated: use "
                    "pattern_trend_table(corpus, patterns, tokens=tokens)")
    return _pattern_trend(tokens, articles, patterns, period)
