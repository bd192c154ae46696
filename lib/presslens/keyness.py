"""Keyness: the terms a target (an article, a source, a group of articles) uses far more — or far less —
than the rest of the corpus.

Each term gets the log-likelihood G² of its counts in the target and the rest (Dunning 1993, as in
Rayson's Wmatrix), signed by the side that uses it more, its p-value, and Hardie's log ratio as the
effect size. Corpus sizes are all words, stopwords included.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from presslens.counts import TermCounts
from presslens.deprecation import former_keywords
from presslens.measures import keyness_g2, log_ratio, p_value, per_1000

#: Added to both counts of the log ratio, so that a term absent from one side has a finite ratio.
LOG_RATIO_SMOOTHING = 0.5
KEYNESS_COLUMNS = ["term", "target_count", "rest_count", "target_per_1000", "rest_per_1000", "g2", "p_value", "log_ratio"]


def keyness_table(
    terms: pd.DataFrame | TermCounts,
    target: str,
    *,
    by: str = "doc_id",
    articles: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Terms over-used (and under-used) in a target against the rest of the corpus.

    Columns: ``term, target_count, rest_count, target_per_1000, rest_per_1000, g2, p_value,
    log_ratio``, most over-used first. ``g2`` is the log-likelihood G², made negative for a term
    relatively rarer in the target; ``p_value`` its chi-squared (1 df) tail probability;
    ``log_ratio`` the binary log of the ratio of relative frequencies (1 = twice as frequent), with
    :data:`LOG_RATIO_SMOOTHING` added to both counts. Corpus sizes are all words, stopwords included.

    Parameters
    ----------
    terms
        A terms table (:func:`~presslens.phrases.merge_phrases`) or its :func:`~presslens.counts.term_counts`.
    target
        The article (``doc_id``), or the value of the ``by`` column, to compare with the rest.
    by
        ``doc_id``, or a column of ``articles`` that groups articles (``source``, ``date``, …).
    articles
        An :func:`~presslens.corpus.articles_table` (possibly with added columns), needed when
        ``by`` is not ``doc_id``.

    Raises
    ------
    ValueError
        When ``by`` or ``target`` is unknown, or when the target holds every article.
    """
    counts = TermCounts.of(terms)
    groups = _article_groups(counts.words.index, by=by, articles=articles)
    values = list(dict.fromkeys(groups))
    target = str(target)
    if target not in values:
        shown = ", ".join(values[:20]) + (", …" if len(values) > 20 else "")
        raise ValueError(f"unknown keyness target {target!r} for {by}: use one of {shown}")
    if len(values) == 1:
        raise ValueError(f"every article has {by} = {target!r}: keyness needs articles outside the target to compare with")
    in_target = groups.to_numpy() == target
    target_words = counts.words[in_target].sum()
    rest_words = counts.words[~in_target].sum()
    documents = counts.documents
    codes, doc_ids = pd.factorize(documents["doc_id"])
    row_in_target = pd.Index(doc_ids).astype(str).isin(groups.index[in_target])[codes]
    by_side = documents.groupby([documents["term"], row_in_target])["count"].sum().unstack(fill_value=0)
    a = by_side.get(True, pd.Series(0, index=by_side.index)).to_numpy(dtype=float)
    b = by_side.get(False, pd.Series(0, index=by_side.index)).to_numpy(dtype=float)
    g2 = keyness_g2(a, b, target_words, rest_words)
    more_in_target = a / target_words >= b / rest_words
    table = pd.DataFrame({
        "term": by_side.index.to_numpy(),
        "target_count": a.astype(int),
        "rest_count": b.astype(int),
        "target_per_1000": per_1000(a, target_words),
        "rest_per_1000": per_1000(b, rest_words),
        "g2": np.where(more_in_target, g2, -g2),
        "p_value": p_value(g2),
        "log_ratio": log_ratio(a, b, target_words, rest_words, smoothing=LOG_RATIO_SMOOTHING),
    })
    return table.sort_values(["g2", "term"], ascending=[False, True], ignore_index=True)


@former_keywords(n="top_n")
def group_keyness_table(terms: pd.DataFrame | TermCounts, groups: pd.Series, *, top_n: int = 10,
                        max_groups: int = 12) -> pd.DataFrame:
    """The ``top_n`` terms most over-used by each group against all other groups: ``group, rank`` and the
    columns of :func:`keyness_table`, for the ``max_groups`` largest groups, largest first.

    ``groups`` gives each article's group, indexed by ``doc_id`` (:func:`~presslens.selection.article_groups`).
    Only terms with G² > 0 count: a group's rank 1 is its most distinctive term.
    """
    counts = TermCounts.of(terms)
    articles = pd.DataFrame({"doc_id": groups.index, "group": groups.to_numpy()})
    tables = []
    for group in groups.value_counts().index[:max_groups]:
        if (groups == group).all():
            continue
        keyness = keyness_table(counts, group, by="group", articles=articles)
        top = keyness[keyness["g2"] > 0].head(top_n)
        tables.append(top.assign(group=group, rank=range(1, len(top) + 1)))
    if not tables:
        return pd.DataFrame(columns=["group", "rank", *KEYNESS_COLUMNS])
    return pd.concat(tables, ignore_index=True)[["group", "rank", *KEYNESS_COLUMNS]]


def _article_groups(doc_ids: pd.Index, *, by: str, articles: pd.DataFrame | None) -> pd.Series:
    """The group (as text) of each article of ``doc_ids``, indexed by ``doc_id``."""
    doc_ids = pd.Index(doc_ids).astype(str)
    if by == "doc_id":
        return pd.Series(doc_ids, index=doc_ids)
    if articles is None:
        raise ValueError(f"grouping articles by {by!r} needs their metadata: pass articles=articles_table(corpus)")
    if by not in articles.columns:
        raise ValueError(f"unknown column {by!r}: group by doc_id or one of {', '.join(map(str, articles.columns))}")
    groups = articles.set_index(articles["doc_id"].astype(str))[by].fillna("").astype(str)
    return groups.reindex(doc_ids, fill_value="")
