"""Terms, actors and themes over time, always beside how much was published in each period.

A rise in mentions of an actor can be a rise in attention or just more articles that month. Every
row of :func:`trends_table` therefore carries the rate per 1,000 words of the period's articles and the
number of articles it rests on; a period of three articles says little whatever its rate.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from presslens.actors import mentions_table
from presslens.chunks import remembered, token_chunks
from presslens.corpus import Corpus, articles_table
from presslens.corpus.tables import Period, article_periods, period_sizes
from presslens.counts import TermCounts, term_counts
from presslens.deprecation import former_keywords
from presslens.lexicon import load_lexicon
from presslens.measures import per_1000
from presslens.phrases import find_phrases
from presslens.themes import match_themes

if TYPE_CHECKING:
    from presslens.execution import Execution

TREND_COLUMNS = ["period", "kind", "name", "count", "per_1000_words", "n_articles"]


KINDS = ("term", "actor", "theme")


@former_keywords(by="period")
def trends_table(
    corpus: Corpus,
    *,
    period: Period = "month",
    kinds: Sequence[str] = KINDS,
    terms: pd.DataFrame | TermCounts | None = None,
    mentions: pd.DataFrame | None = None,
    evidence: pd.DataFrame | None = None,
    gazetteer: str | None = None,
    corrections: str | None = None,
    lexicon: str | None = None,
    execution: Execution | None = None,
) -> pd.DataFrame:
    """Counts per period of terms, actors and themes: ``period, kind, name, count, per_1000_words, n_articles``.

    ``kind`` is ``term`` (content words and phrases, as counted in 02), ``actor`` (mentions, as in 03)
    or ``theme`` (lexicon matches, as in 04, named by the theme's label); ``kinds`` chooses which.
    ``per_1000_words`` divides the count by the words of the period's articles, and ``n_articles`` is
    how many dated articles the period holds. Only dated articles count; a name appears in a period
    only when counted there. ``terms`` (phrase-merged tokens, or their
    :func:`~presslens.counts.term_counts`), ``mentions`` and ``evidence`` are computed when not
    given, with ``gazetteer``, ``corrections`` and ``lexicon`` as in 03 and 04. ``period`` is ``week``,
    ``month``, ``quarter`` or ``year`` (``by`` is its former name). To follow a few words or phrases
    instead, see :func:`~presslens.patterns.pattern_trend_table`.
    """
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise ValueError(f"unknown kind(s) {', '.join(unknown)}: use {', '.join(KINDS)}")
    articles = articles_table(corpus)
    periods = article_periods(articles, period)
    if periods.empty:
        return pd.DataFrame(columns=TREND_COLUMNS)
    sizes = period_sizes(articles, periods)
    named = []  # (kind, doc_id, name, count)
    if "term" in kinds or ("theme" in kinds and evidence is None):
        tokens = token_chunks(corpus, execution=execution)
    if "term" in kinds:
        counts = term_counts(tokens, remembered(tokens, find_phrases)) if terms is None else TermCounts.of(terms)
        named.append(("term", counts.documents.rename(columns={"term": "name"})))
    if "actor" in kinds:
        if mentions is None:
            mentions = mentions_table(corpus, gazetteer=gazetteer, corrections=corrections, execution=execution)
        named.append(("actor", mentions[["doc_id", "actor"]].rename(columns={"actor": "name"}).assign(count=1)))
    if "theme" in kinds:
        themes = load_lexicon(lexicon)
        evidence = match_themes(corpus, themes, tokens=tokens) if evidence is None else evidence
        labels = evidence["theme"].map(themes.labels).fillna(evidence["theme"])
        named.append(("theme", evidence[["doc_id"]].assign(name=labels, count=1)))
    parts = []
    for kind, table in named:
        when = table["doc_id"].astype(str).map(periods)
        counts = table.assign(period=when).dropna(subset=["period"]).groupby(["period", "name"])["count"].sum()
        parts.append(counts.rename("count").reset_index().assign(kind=kind))
    trends = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["period", "name", "count", "kind"])
    trends["per_1000_words"] = per_1000(trends["count"], trends["period"].map(sizes["words"]))
    trends["n_articles"] = trends["period"].map(sizes["n_articles"]).astype(int)
    trends["period"] = pd.to_datetime(trends["period"]).dt.strftime("%Y-%m-%d")
    order = {kind: position for position, kind in enumerate(KINDS)}
    trends = trends.sort_values(["period", "kind", "count", "name"], key=lambda column: column.map(order) if column.name == "kind"
                                else column, ascending=[True, True, False, True], ignore_index=True)
    return trends[TREND_COLUMNS]
