"""Subcorpora and groups: which articles an analysis reads, and how it compares them.

Every notebook and ``presslens export`` open their corpus with :func:`load_subcorpus` and take the same
selection — ``date_from``, ``date_to``, ``sources``, ``languages``, ``where`` (a filter on the articles
table), ``dedupe`` — and the same ``group_by``: ``source``, ``language``,
``year``, ``quarter``, ``month``, ``week``, ``folder`` (the first folder of the article's path) or any
column of the articles table (``section``, ``byline``, ``reader``…).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from presslens.corpus import Columns, Corpus, articles_table, load_corpus
from presslens.corpus.tables import PERIODS, article_periods
from presslens.duplicates import Dedupe, dedupe_corpus

if TYPE_CHECKING:
    from presslens.execution import Execution

#: Groups named by what they are, besides the columns of the articles table.
DERIVED_GROUPS = ("folder", *PERIODS)
#: A group with no value (an undated article grouped by month, an article without source).
NO_VALUE = "(none)"


def load_subcorpus(
    corpus_path: str | Path,
    *,
    columns: str | Columns | None = None,
    language: str | None = None,
    date_from: str = "",
    date_to: str = "",
    sources: str | list[str] | tuple[str, ...] = (),
    languages: str | list[str] | tuple[str, ...] = (),
    where: str = "",
    dedupe: Dedupe = "keep_all",
    execution: Execution | None = None,
) -> Corpus:
    """The corpus at ``corpus_path`` (:func:`~presslens.corpus.load_corpus` with ``columns``, ``language`` and
    ``execution``), reduced to the articles selected (:func:`subcorpus`), copies of one story kept once
    when ``dedupe`` is ``keep_first`` (:func:`~presslens.duplicates.dedupe_corpus`). An empty ``columns``
    or ``language`` means none given, as a notebook's empty parameter does."""
    corpus = load_corpus(corpus_path, columns=columns or None, language=language or None, execution=execution)
    corpus = subcorpus(corpus, date_from=date_from, date_to=date_to, sources=sources, languages=languages, where=where)
    return dedupe_corpus(corpus, dedupe=dedupe)


def subcorpus(
    corpus: Corpus,
    *,
    date_from: str = "",
    date_to: str = "",
    sources: str | list[str] | tuple[str, ...] = (),
    languages: str | list[str] | tuple[str, ...] = (),
    where: str = "",
) -> Corpus:
    """The articles of ``corpus`` that pass every given condition (an empty condition passes all).

    Parameters
    ----------
    date_from, date_to
        ISO dates (``2024-05`` or ``2024-05-16``), both included; an undated article is left out
        when either is given.
    sources
        Outlets to keep, as the ``source`` column writes them (case does not matter); one outlet may be
        given as a string.
    languages
        Languages to keep, as ISO 639-1 codes (``zh``, ``ru``); one may be given as a string.
    where
        A condition on the columns of the articles table, in pandas' query language, e.g.
        ``n_words > 300 and folder == "politics"``; ``folder``, ``week``, ``month``, ``quarter`` and
        ``year`` can be used too, as text (``year == "2024"``, ``month >= "2024-03"``).

    Raises
    ------
    ValueError
        When a date cannot be read, or ``where`` is not a valid condition on those columns.
    """
    if not (date_from or date_to or sources or languages or where):
        return corpus
    articles = grouping_table(corpus)
    keep = pd.Series(True, index=articles.index)
    dates = pd.to_datetime(articles["date"], errors="coerce")
    for bound, value, compare in (("date_from", date_from, dates.__ge__), ("date_to", date_to, dates.__le__)):
        if value:
            start, end = _date_bounds(bound, str(value))
            keep &= compare(start if bound == "date_from" else end)
    if sources:
        wanted = {str(source).casefold() for source in ([sources] if isinstance(sources, str) else sources)}
        keep &= articles["source"].str.casefold().isin(wanted)
    if languages:
        wanted = {str(code).strip().lower() for code in ([languages] if isinstance(languages, str) else languages)}
        keep &= articles["language"].isin(wanted)
    if where:
        try:
            keep &= articles.eval(where).astype(bool)
        except Exception as error:  # noqa: BLE001 - pandas raises many kinds for a bad expression
            columns = ", ".join(articles.columns)
            raise ValueError(f"where={where!r} is not a condition on the articles ({error}); the columns are {columns}") from None
    chosen = set(articles.loc[keep, "doc_id"])
    return dataclasses.replace(corpus, articles=[article for article in corpus if article.doc_id in chosen])


def _date_bounds(name: str, value: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The first and last moment of a date given to the day, month or year."""
    try:
        period = pd.Period(value, freq="D" if len(value) > 7 else "M" if len(value) > 4 else "Y")
    except ValueError:
        raise ValueError(f"{name}={value!r} is not a date: write it as 2024, 2024-05 or 2024-05-16") from None
    return period.start_time, period.end_time


def grouping_table(corpus: Corpus) -> pd.DataFrame:
    """The articles table with the derived groups as columns: ``folder``, ``week`` (its Monday), ``month``
    (``2024-05``), ``quarter`` (``2024Q2``) and ``year``; empty where an article has no date."""
    articles = articles_table(corpus)
    doc_ids = articles["doc_id"].astype(str)
    articles["folder"] = doc_ids.map(lambda doc_id: doc_id.split("/")[0] if "/" in doc_id else NO_VALUE)
    for period, code in PERIODS.items():
        starts = article_periods(articles, period).reindex(doc_ids).to_numpy()
        starts = pd.Series(pd.to_datetime(starts), index=articles.index)
        label = (lambda start: start.strftime("%Y-%m-%d")) if period == "week" else (lambda start, code=code: str(start.to_period(code)))
        articles[period] = starts.map(lambda start, label=label: label(start) if pd.notna(start) else "")
    return articles


def article_groups(corpus: Corpus, by: str) -> pd.Series:
    """The group of every article, indexed by ``doc_id``; :data:`NO_VALUE` where the article has none.

    Raises
    ------
    ValueError
        When ``by`` is neither a derived group nor a column of the articles table.
    """
    articles = grouping_table(corpus)
    if by not in articles.columns:
        raise ValueError(f"cannot group by {by!r}: use one of {', '.join(DERIVED_GROUPS)} or a column of the articles "
                         f"({', '.join(column for column in articles.columns if column not in DERIVED_GROUPS)})")
    values = articles[by].astype("string").fillna(NO_VALUE).replace("", NO_VALUE)
    return pd.Series(values.to_numpy(dtype=object), index=articles["doc_id"].astype(str), name=by)


def group_sizes_table(corpus: Corpus, groups: pd.Series | None) -> pd.DataFrame:
    """How much each group holds: ``group, n_articles, n_words``, largest first — read it before any comparison
    (empty without groups)."""
    if groups is None:
        return pd.DataFrame(columns=["group", "n_articles", "n_words"])
    words = pd.Series({article.doc_id: article.n_words for article in corpus}, dtype=int)
    table = pd.DataFrame({"group": groups.reindex(words.index).to_numpy(), "words": words.to_numpy()})
    sizes = table.groupby("group").agg(n_articles=("words", "size"), n_words=("words", "sum")).reset_index()
    return sizes.sort_values(["n_articles", "group"], ascending=[False, True], ignore_index=True)
