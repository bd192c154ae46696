"""Terms, actors and themes over time, always beside how much was published in each period.

A rise in mentions of an actor can be a rise in attention or just more articles that month. Every
row of :func:`trends_table` therefore carries the rate per 1,000 words of the period's articles and the
number of articles it rests on; a period of three articles says little whatever its rate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from presslens.actors import mentions_table
from presslens.corpus import Corpus, articles_table
from presslens.corpus.tables import Period, article_periods
from presslens.measures import per_1000
from presslens.phrases import find_phrases, merge_phrases
from presslens.text import content_mask, tokens_table
from presslens.themes import load_lexicon, match_themes

if TYPE_CHECKING:
    from presslens.execution import Execution

TREND_COLUMNS = ["period", "kind", "name", "count", "per_1000_words", "n_articles"]


def trends_table(
    corpus: Corpus,
    *,
    by: Period = "month",
    terms: pd.DataFrame | None = None,
    mentions: pd.DataFrame | None = None,
    evidence: pd.DataFrame | None = None,
    execution: Execution | None = None,
) -> pd.DataFrame:
    """Counts per period of every term, actor and theme: ``period, kind, name, count, per_1000_words, n_articles``.

    ``kind`` is ``term`` (content words and phrases, as counted in 02), ``actor`` (mentions, as in 03)
    or ``theme`` (lexicon matches, as in 04, named by the theme's label); ``per_1000_words`` divides
    the count by the words of the period's articles, and ``n_articles`` is how many dated articles
    the period holds. Only dated articles count; a name appears in a period only when counted there.
    ``terms`` (phrase-merged tokens), ``mentions`` and ``evidence`` are computed when not given.
    """
    articles = articles_table(corpus)
    periods = article_periods(articles, by)
    if periods.empty:
        return pd.DataFrame(columns=TREND_COLUMNS)
    dated = articles.assign(period=articles["doc_id"].astype(str).map(periods)).dropna(subset=["period"])
    sizes = dated.groupby("period").agg(words=("n_words", "sum"), n_articles=("doc_id", "size"))
    if terms is None or evidence is None:
        tokens = tokens_table(corpus, execution=execution)
        terms = merge_phrases(tokens, find_phrases(tokens)) if terms is None else terms
        evidence = match_themes(corpus, tokens=tokens) if evidence is None else evidence
    if mentions is None:
        mentions = mentions_table(corpus, execution=execution)
    labels = load_lexicon().labels
    named = [
        ("term", terms.loc[content_mask(terms), ["doc_id", "lemma"]].rename(columns={"lemma": "name"})),
        ("actor", mentions[["doc_id", "actor"]].rename(columns={"actor": "name"})),
        ("theme", evidence[["doc_id", "theme"]].assign(name=lambda table: table["theme"].map(labels).fillna(table["theme"]))),
    ]
    parts = []
    for kind, table in named:
        when = table["doc_id"].astype(str).map(periods)
        counts = table.assign(period=when).dropna(subset=["period"]).groupby(["period", "name"]).size()
        parts.append(counts.rename("count").reset_index().assign(kind=kind))
    trends = pd.concat(parts, ignore_index=True)
    trends["per_1000_words"] = per_1000(trends["count"], trends["period"].map(sizes["words"]))
    trends["n_articles"] = trends["period"].map(sizes["n_articles"]).astype(int)
    trends["period"] = trends["period"].dt.strftime("%Y-%m-%d")
    order = {kind: position for position, (kind, _) in enumerate(named)}
    trends = trends.sort_values(["period", "kind", "count", "name"], key=lambda column: column.map(order) if column.name == "kind"
                                else column, ascending=[True, True, False, True], ignore_index=True)
    return trends[TREND_COLUMNS]
