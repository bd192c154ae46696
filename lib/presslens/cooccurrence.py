"""Who is mentioned with whom: actor co-occurrence within a window, with association and evidence.

Two actors co-occur when both are mentioned in the same window — a sentence, a paragraph or a whole
article. Raw counts favour the most frequent actors (China and Russia co-occur everywhere in a corpus
about them), so each pair also gets association measures that compare the count with what chance
predicts from how often each actor appears:

- **NPMI** (normalised pointwise mutual information), from −1 (never together) through 0 (independent)
  to 1 (only ever together);
- **Jaccard**: windows with both / windows with either;
- **G²** (log-likelihood) of the 2 × 2 table of windows with and without each actor: large when the
  association is unlikely to be chance. The measure is called ``g2``, as everywhere in presslens; its
  column keeps the name ``log_likelihood``, which the tables written by ``presslens export
  cooccurrence`` have always had (:data:`MEASURE_COLUMNS`).

Every pair can be traced to the windows that make it (:func:`cooccurrence_evidence`), and any actor's
company read from its side (:func:`actor_neighbours`, :func:`actor_evidence`).
"""

from __future__ import annotations

from typing import Literal

import pandas as pd

from presslens.corpus import Corpus
from presslens.deprecation import corpus_first, current_value
from presslens.measures import contingency_g2, jaccard, npmi
from presslens.sql import query

Window = Literal["sentence", "paragraph", "article"]
PairMeasure = Literal["count", "npmi", "jaccard", "g2"]
WINDOWS: tuple[str, ...] = ("sentence", "paragraph", "article")
MEASURES: tuple[str, ...] = ("count", "npmi", "jaccard", "g2")
#: The column of the co-occurrence table that holds each measure. G² keeps the column name the exported
#: tables have always had, ``log_likelihood``, so that files and scripts made before read the same.
MEASURE_COLUMNS = {"count": "count", "npmi": "npmi", "jaccard": "jaccard", "g2": "log_likelihood"}
#: Former names of the measures, accepted with a DeprecationWarning.
FORMER_MEASURES = {"log_likelihood": "g2"}
COOCCURRENCE_COLUMNS = [
    "actor_a", "type_a", "actor_b", "type_b", "window", "count", "n_docs", "count_a", "count_b",
    "npmi", "jaccard", "log_likelihood",
]
_NUMBER_COLUMNS = {"count": "int64", "n_docs": "int64", "count_a": "int64", "count_b": "int64", "npmi": "float64",
                   "jaccard": "float64", "log_likelihood": "float64"}


def _no_pairs() -> pd.DataFrame:
    """The co-occurrence table without a row, its counts and measures typed as numbers (they can be sorted)."""
    return pd.DataFrame(columns=COOCCURRENCE_COLUMNS).astype(_NUMBER_COLUMNS)
_WINDOW_KEYS = {"sentence": ["doc_id", "sentence"], "paragraph": ["doc_id", "paragraph"], "article": ["doc_id"]}


def check_window(window: str) -> None:
    """Raise ``ValueError`` unless ``window`` is one of :data:`WINDOWS`."""
    if window not in WINDOWS:
        raise ValueError(f"unknown window {window!r}: choose one of {', '.join(WINDOWS)}")


def check_measure(measure: str) -> None:
    """Raise ``ValueError`` unless ``measure`` is one of :data:`MEASURES` (or a former name of one)."""
    measure_column(measure)


def measure_column(measure: str) -> str:
    """The column of a :func:`cooccurrence_table` that holds ``measure`` (see :data:`MEASURE_COLUMNS`).

    Raises
    ------
    ValueError
        When ``measure`` is not one of :data:`MEASURES`; ``log_likelihood``, the former name of ``g2``,
        is accepted with a ``DeprecationWarning``.
    """
    measure = current_value(measure, FORMER_MEASURES, parameter="measure")
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}: choose one of {', '.join(MEASURES)}")
    return MEASURE_COLUMNS[measure]


def count_windows(corpus: Corpus, window: Window) -> int:
    """How many windows of this kind the corpus has (with or without actors)."""
    check_window(window)
    if window == "sentence":
        return sum(len(article.sentence_spans) for article in corpus)
    if window == "paragraph":
        return sum(len(article.paragraph_spans) for article in corpus)
    return len(corpus)


@corpus_first
def cooccurrence_table(
    corpus: Corpus,
    mentions: pd.DataFrame,
    *,
    window: Window = "sentence",
    min_count: int = 1,
    actor_types: list[str] | tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """Actor pairs mentioned in the same window, with counts and association measures.

    Parameters
    ----------
    corpus
        The corpus the mentions come from (it says how many windows there are).
    mentions
        The mentions table (:func:`presslens.actors.mentions_table`).
    window
        ``sentence``, ``paragraph`` or ``article``.
    min_count
        Keep pairs that co-occur in at least this many windows.
    actor_types
        Keep only actors of these types.

    Returns
    -------
    DataFrame
        ``actor_a, type_a, actor_b, type_b, window, count, n_docs, count_a, count_b, npmi, jaccard,
        log_likelihood``; ``actor_a`` sorts before ``actor_b``; strongest count first. ``log_likelihood``
        holds G² (the measure ``g2``: :data:`MEASURE_COLUMNS`).
    """
    check_window(window)
    if min_count < 1:
        raise ValueError("min_count must be 1 or more")
    if actor_types is not None:
        mentions = mentions[mentions["type"].isin(actor_types)]
    if mentions.empty:
        return _no_pairs()
    keys = _WINDOW_KEYS[window]
    present = mentions[[*keys, "actor", "type"]].drop_duplicates(subset=[*keys, "actor"])
    present = present.assign(doc_id=present["doc_id"].astype(str), actor=present["actor"].astype(str))
    per_actor = present.groupby("actor").size()
    table = query(f"""
        SELECT a.actor AS actor_a, a.type AS type_a, b.actor AS actor_b, b.type AS type_b,
               count(*) AS count, count(DISTINCT a.doc_id) AS n_docs
        {_pairs_in_windows(keys)}
        WHERE a.type IS NOT NULL AND b.type IS NOT NULL
        GROUP BY ALL HAVING count(*) >= $min_count""", {"min_count": min_count}, present=present)
    if table.empty:
        return _no_pairs()
    table.insert(4, "window", window)
    table["count_a"] = table["actor_a"].map(per_actor).to_numpy()
    table["count_b"] = table["actor_b"].map(per_actor).to_numpy()
    n_windows = max(count_windows(corpus, window), len(present[keys].drop_duplicates()))
    table["npmi"] = npmi(table["count"], table["count_a"], table["count_b"], n_windows)
    table["jaccard"] = jaccard(table["count"], table["count_a"], table["count_b"])
    table["log_likelihood"] = contingency_g2(table["count"], table["count_a"], table["count_b"], n_windows)
    table = table.sort_values(["count", "log_likelihood", "actor_a", "actor_b"], ascending=[False, False, True, True])
    return table.reset_index(drop=True)[COOCCURRENCE_COLUMNS]


def _pairs_in_windows(keys: list[str]) -> str:
    """The SQL that pairs the actors ``a`` and ``b`` of the table ``present`` standing in one window (its
    ``keys``), each pair once (``a`` sorts before ``b``): counted by DuckDB as the join streams."""
    same_window = " AND ".join(f"a.{key} = b.{key}" for key in keys)
    return f"FROM present a JOIN present b ON {same_window} AND a.actor < b.actor"


@corpus_first
def cooccurrence_evidence(
    corpus: Corpus,
    mentions: pd.DataFrame,
    *,
    window: Window = "sentence",
    pairs: pd.DataFrame | None = None,
    per_pair: int | None = None,
) -> pd.DataFrame:
    """The windows behind every co-occurring pair: ``actor_a, actor_b, doc_id, paragraph, sentence, text``.

    For a ``sentence`` window the text is the sentence; for ``paragraph`` the paragraph; for
    ``article`` the first sentence that names each actor of the pair, joined by " … ".
    Pass ``pairs`` (a co-occurrence table) to keep only its pairs, and ``per_pair`` to keep only the
    first windows of each pair (in ``doc_id`` order, then by sentence): a large corpus has more than anyone reads.
    """
    check_window(window)
    if per_pair is not None and per_pair < 1:
        raise ValueError(f"per_pair={per_pair}: keep 1 or more windows per pair, or None for all")
    keys = _WINDOW_KEYS[window]
    present = mentions[["doc_id", "paragraph", "sentence", "actor"]].drop_duplicates(subset=[*keys, "actor"])
    present = present.assign(doc_id=present["doc_id"].astype(str), actor=present["actor"].astype(str))
    wanted = (pairs if pairs is not None else pd.DataFrame(columns=["actor_a", "actor_b"]))[["actor_a", "actor_b"]]
    # The window's sentence: the sentence itself, else the first sentence of the pair's first actor.
    merged = query(f"""
        SELECT a.actor AS actor_a, b.actor AS actor_b, a.doc_id, a.paragraph AS paragraph_a, b.paragraph AS paragraph_b,
               a.sentence AS sentence_a, b.sentence AS sentence_b,
               row_number() OVER (PARTITION BY a.actor, b.actor ORDER BY a.doc_id, a.sentence) AS nth
        {_pairs_in_windows(keys)}
        {"SEMI JOIN wanted w ON a.actor = w.actor_a AND b.actor = w.actor_b" if pairs is not None else ""}
        QUALIFY nth <= $limit""", {"limit": per_pair or 2**62}, present=present, wanted=wanted.astype(str))
    articles = {article.doc_id: article for article in corpus}
    rows = []
    for row in merged.itertuples(index=False):
        article = articles[row.doc_id]
        if window == "sentence":
            _, start, end = article.sentence_spans[row.sentence_a]
            text, paragraph, sentence = article.text[start:end], row.paragraph_a, row.sentence_a
        elif window == "paragraph":
            start, end = article.paragraph_spans[row.paragraph_a]
            text, paragraph, sentence = article.text[start:end], row.paragraph_a, row.sentence_a
        else:
            first = article.sentences[row.sentence_a]
            second = article.sentences[row.sentence_b]
            text = first if row.sentence_a == row.sentence_b else f"{first} … {second}"
            paragraph, sentence = row.paragraph_a, row.sentence_a
        rows.append((row.actor_a, row.actor_b, row.doc_id, paragraph, sentence, text))
    evidence = pd.DataFrame(rows, columns=["actor_a", "actor_b", "doc_id", "paragraph", "sentence", "text"])
    return evidence.sort_values(["actor_a", "actor_b", "doc_id", "sentence"], ignore_index=True)


def actor_neighbours(pairs: pd.DataFrame, actor: str, *, measure: PairMeasure = "npmi") -> pd.DataFrame:
    """The actors mentioned with ``actor``, strongest link first by ``measure``.

    One row per pair of ``pairs`` (a :func:`cooccurrence_table`) that includes ``actor``, seen from
    its side: ``neighbour, type, window, count, n_docs, npmi, jaccard, log_likelihood``. Empty when the
    actor co-occurs with nobody.
    """
    column = measure_column(measure)
    as_a = pairs[pairs["actor_a"] == actor].rename(columns={"actor_b": "neighbour", "type_b": "type"})
    as_b = pairs[pairs["actor_b"] == actor].rename(columns={"actor_a": "neighbour", "type_a": "type"})
    columns = ["neighbour", "type", "window", "count", "n_docs", "npmi", "jaccard", "log_likelihood"]
    table = pd.concat([as_a[columns], as_b[columns]], ignore_index=True)
    return table.sort_values([column, "count", "neighbour"], ascending=[False, False, True], ignore_index=True)


def actor_evidence(
    evidence: pd.DataFrame,
    actor: str,
    *,
    neighbours: pd.DataFrame | None = None,
    per_neighbour: int | None = None,
) -> pd.DataFrame:
    """The windows of ``evidence`` that name ``actor``: ``neighbour, doc_id, paragraph, sentence, text``.

    Pass ``neighbours`` (an :func:`actor_neighbours` table, possibly cut) to keep only its neighbours,
    in its order — strongest link first; otherwise neighbours come in alphabetical order.
    ``per_neighbour`` keeps the first windows of each neighbour only.
    """
    as_a = evidence[evidence["actor_a"] == actor].rename(columns={"actor_b": "neighbour"})
    as_b = evidence[evidence["actor_b"] == actor].rename(columns={"actor_a": "neighbour"})
    columns = ["neighbour", "doc_id", "paragraph", "sentence", "text"]
    table = pd.concat([as_a[columns], as_b[columns]]).sort_values(["neighbour", "doc_id", "sentence"])
    if neighbours is not None:
        table = neighbours[["neighbour"]].merge(table, on="neighbour")
    if per_neighbour is not None:
        table = table.groupby("neighbour", sort=False).head(per_neighbour)
    return table.reset_index(drop=True)


def cooccurrence_matrix(table: pd.DataFrame, *, measure: PairMeasure = "count", actors: list[str] | None = None) -> pd.DataFrame:
    """A symmetric actor × actor matrix of ``measure`` (quanteda's ``fcm``); absent pairs are 0."""
    column = measure_column(measure)
    names = actors if actors is not None else sorted(set(table["actor_a"]) | set(table["actor_b"]))
    matrix = pd.DataFrame(0.0, index=names, columns=names)
    chosen = table[table["actor_a"].isin(names) & table["actor_b"].isin(names)]
    for a, b, value in chosen[["actor_a", "actor_b", column]].itertuples(index=False):
        matrix.at[a, b] = matrix.at[b, a] = value
    return matrix
