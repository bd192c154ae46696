"""Step 5 — tables: every mention, actors per article, actors of the corpus.

Each article's mentions are computed on their own — cached and spread over cores by an
:class:`~presslens.execution.Execution` when one is given — and the corpus-wide joins come after, with the same functions as within an
article: a family name used alone joins the one full name of the corpus it can stand for, and each
actor gets the type most of its mentions have.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from presslens.actors.corrections import Corrections, apply_corrections, load_corrections
from presslens.actors.extraction import MENTION_COLUMNS, article_mentions, load_everything
from presslens.actors.gazetteer import ACTOR_TYPES
from presslens.actors.resolution import short_name_targets, vote_types
from presslens.corpus import Corpus
from presslens.deprecation import former_keywords
from presslens.measures import keyness_g2, log_ratio

if TYPE_CHECKING:
    from presslens.execution import Execution

def join_across_articles(mentions: pd.DataFrame) -> pd.DataFrame:
    """A one-word person name that is the family (or first) name of exactly one full name in the corpus joins it."""
    targets = short_name_targets(mentions.loc[mentions["type"] == "person", "actor"])
    single = (mentions["type"] == "person") & mentions["actor"].isin(targets)
    if not single.any():
        return mentions
    joined = mentions.copy()
    joined.loc[single, "actor"] = joined.loc[single, "actor"].map(targets)
    joined.loc[single, "method"] = "alias"
    return joined


def harmonize_types(mentions: pd.DataFrame) -> pd.DataFrame:
    """One type per actor across the corpus: the type most of its mentions have."""
    if mentions.empty:
        return mentions
    chosen = mentions["actor"].map(vote_types(zip(mentions["actor"], mentions["type"])))
    return mentions if chosen.equals(mentions["type"]) else mentions.assign(type=chosen)


def mentions_builder(gazetteer: str | None = None) -> tuple[functools.partial, functools.partial]:
    """:func:`~presslens.actors.extraction.article_mentions` with its gazetteer, as an execution builds and
    caches it, and what loads its models once before workers start."""
    return functools.partial(article_mentions, gazetteer=gazetteer or None), functools.partial(load_everything, gazetteer)


def mentions_table(
    corpus: Corpus,
    *,
    gazetteer: str | None = None,
    actor_types: list[str] | tuple[str, ...] = ACTOR_TYPES,
    corrections: str | Path | Corrections | None = None,
    execution: Execution | None = None,
) -> pd.DataFrame:
    """Every actor mention: ``doc_id, paragraph, sentence, start, end, surface, actor, type, method``.

    Parameters
    ----------
    gazetteer
        A YAML file of extra actors (same format as the built-in one); its entries take precedence.
    actor_types
        Keep only these types (``person``, ``organization``, ``location``).
    corrections
        A corrections file (or :class:`~presslens.actors.corrections.Corrections`) that merges,
        renames, retypes and drops actors; applied before ``actor_types`` selects.
    execution
        Finds each article's mentions once, kept in its cache, in its workers (:mod:`presslens.execution`).
    """
    _check_types(actor_types)
    build, prepare = mentions_builder(gazetteer)
    mentions = build(corpus) if execution is None else execution.table(build, corpus, columns=MENTION_COLUMNS, prepare=prepare)
    mentions = mentions.assign(doc_id=mentions["doc_id"].astype(str))
    mentions = harmonize_types(join_across_articles(mentions))
    if not isinstance(corrections, Corrections):
        corrections = load_corrections(corrections)
    mentions = apply_corrections(mentions, corrections)
    return mentions[mentions["type"].isin(actor_types)].reset_index(drop=True)


def actors_table(
    corpus: Corpus | None = None,
    *,
    mentions: pd.DataFrame | None = None,
    gazetteer: str | None = None,
    actor_types: list[str] | tuple[str, ...] = ACTOR_TYPES,
    corrections: str | Path | Corrections | None = None,
    execution: Execution | None = None,
) -> pd.DataFrame:
    """Actors per article: ``doc_id, actor, type, mentions``, most mentioned first.

    Pass a corpus (the other options go to :func:`mentions_table`), or a mentions table already computed.
    """
    if mentions is None:
        if corpus is None:
            raise ValueError("pass a corpus or a mentions table")
        mentions = mentions_table(corpus, gazetteer=gazetteer, actor_types=actor_types, corrections=corrections,
                                  execution=execution)
    table = (
        mentions.groupby(["doc_id", "actor", "type"], observed=True, sort=False).size().rename("mentions").reset_index()
    )
    return table.sort_values(["doc_id", "mentions", "actor"], ascending=[True, False, True], ignore_index=True)


def corpus_actors(mentions: pd.DataFrame) -> pd.DataFrame:
    """Actors over the whole corpus: ``actor, type, mentions, n_docs``, most mentioned first."""
    table = mentions.groupby(["actor", "type"], observed=True).agg(
        mentions=("doc_id", "size"), n_docs=("doc_id", "nunique")
    ).reset_index()
    return table.sort_values(["mentions", "n_docs", "actor"], ascending=[False, False, True], ignore_index=True)


def _check_types(actor_types) -> None:
    unknown = set(actor_types) - set(ACTOR_TYPES)
    if unknown:
        raise ValueError(f"unknown actor type(s) {sorted(unknown)}: choose among {', '.join(ACTOR_TYPES)}")


@former_keywords(n="top_n")
def group_cast_table(mentions: pd.DataFrame, groups: pd.Series, *, top_n: int = 10, max_groups: int = 6) -> pd.DataFrame:
    """Each group's ``top_n`` most mentioned actors side by side: a ``rank`` column, then one column for each of
    the ``max_groups`` largest groups, largest first, whose cells read ``Actor (mentions)``."""
    grouped = mentions.assign(group=mentions["doc_id"].astype(str).map(groups))
    counts = grouped.groupby(["group", "actor"], observed=True).size().rename("mentions").reset_index()
    counts = counts.sort_values(["group", "mentions", "actor"], ascending=[True, False, True])
    counts["rank"] = counts.groupby("group").cumcount() + 1
    counts = counts[counts["rank"] <= top_n]
    counts["cell"] = counts["actor"] + " (" + counts["mentions"].astype(str) + ")"
    order = groups.value_counts().index[:max_groups].tolist()
    wide = counts.pivot(index="rank", columns="group", values="cell").reindex(columns=[g for g in order if g in set(counts["group"])])
    return wide.fillna("").reset_index().rename_axis(columns=None)


@former_keywords(n="top_n")
def distinctive_actors_table(mentions: pd.DataFrame, groups: pd.Series, *, top_n: int = 5, max_groups: int = 12) -> pd.DataFrame:
    """The ``top_n`` actors each of the ``max_groups`` largest groups names far more than the other groups do: ``group, rank,
    actor, type, group_mentions, rest_mentions, g2, log_ratio`` (G² and log ratio of the actor's share of the
    group's mentions against the rest's), largest group first."""
    grouped = mentions.assign(group=mentions["doc_id"].astype(str).map(groups))
    counts = grouped.groupby(["group", "actor", "type"], observed=True).size().rename("group_mentions").reset_index()
    totals = counts.groupby("actor")["group_mentions"].transform("sum")
    group_size = counts.groupby("group")["group_mentions"].transform("sum")
    counts["rest_mentions"] = totals - counts["group_mentions"]
    rest_size = counts["group_mentions"].sum() - group_size
    counts["g2"] = keyness_g2(counts["group_mentions"], counts["rest_mentions"], group_size.to_numpy(), rest_size.to_numpy())
    counts["log_ratio"] = log_ratio(counts["group_mentions"], counts["rest_mentions"], group_size.to_numpy(),
                                    rest_size.clip(lower=1).to_numpy())
    size_order = {group: position for position, group in enumerate(groups.value_counts().index[:max_groups])}
    more_in_group = counts["group_mentions"] / group_size > counts["rest_mentions"] / rest_size.clip(lower=1)
    over = counts[more_in_group & (rest_size > 0) & counts["group"].isin(size_order)]
    over = over.assign(order=over["group"].map(size_order)).sort_values(["order", "g2", "actor"], ascending=[True, False, True])
    over["rank"] = over.groupby("group").cumcount() + 1
    columns = ["group", "rank", "actor", "type", "group_mentions", "rest_mentions", "g2", "log_ratio"]
    return over[over["rank"] <= top_n][columns].reset_index(drop=True)
