"""Term frequency: what the articles are about, in their own words.

Every table here is computed from *terms*: the :func:`~presslens.text.tokens_table` with phrases
merged by :func:`~presslens.phrases.merge_phrases`. A term is the lemma of a content word
(*investments* → ``investment``) or a phrase (``belt and road``); stopwords, numbers and single
letters stay in the table (they are words of the text, counted in ``per_1000`` rates) but are never
counted as terms.

- :func:`frequency_table`, :func:`top_terms_table`, :func:`count_terms` — counts, documents, rates.
- :func:`tfidf_table` — terms that distinguish each article (quanteda's ``dfm_tfidf`` weighting:
  count × log10(articles / articles with the term)).
- :func:`keyness_table` — terms over- or under-used in a target against the rest: log-likelihood
  G² (Dunning 1993, as in Rayson's Wmatrix), its p-value, and Hardie's log ratio as effect size.
- :func:`kwic`, :func:`dispersion_table`, :func:`trend_table` — follow terms or phrases through the
  text: in context, along each article, over time. They match words, not merged terms, so any
  phrase can be followed whether or not it was merged.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from presslens.chunks import TokenChunks, chunks_of, summed_counts, token_chunks
from presslens.corpus import Corpus
from presslens.corpus.tables import Period, article_periods, period_sizes
from presslens.languages import pattern_language
from presslens.measures import idf, keyness_g2, log_ratio, p_value, per_1000
from presslens.phrases import find_phrases, locate_phrases, merge_phrases
from presslens.text import TOKEN_COLUMNS, content_mask, lemmatize_phrase, lowercase_phrase, tokens_table

if TYPE_CHECKING:
    from presslens.execution import Execution

#: Added to both counts of the log ratio, so that a term absent from one side has a finite ratio.
LOG_RATIO_SMOOTHING = 0.5
KEYNESS_COLUMNS = ["term", "target_count", "rest_count", "target_per_1000", "rest_per_1000", "g2", "p_value", "log_ratio"]


def term_counts_table(
    corpus: Corpus,
    *,
    lemmatize_words: bool = True,
    extra_stopwords: Sequence[str] = (),
    ngram_max: int = 3,
    min_count: int = 3,
    execution: Execution | None = None,
) -> pd.DataFrame:
    """Term counts per article, from the text: ``doc_id, term, count, per_1000, tfidf``.

    The whole pipeline in one call — tokens, phrases found and merged, counts — and the table of
    ``presslens export terms``. ``lemmatize_words`` and ``extra_stopwords`` go to
    :func:`~presslens.chunks.token_chunks` (with ``execution``), ``ngram_max`` and ``min_count`` to
    :func:`~presslens.phrases.find_phrases`.
    """
    tokens = token_chunks(corpus, lemmatize_words=lemmatize_words, extra_stopwords=extra_stopwords, execution=execution)
    return count_terms(term_counts(tokens, find_phrases(tokens, ngram_max=ngram_max, min_count=min_count)))


def _counted(terms: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``terms`` that are counted, with the term in a ``term`` column."""
    return terms.loc[content_mask(terms), ["doc_id", "lemma", "surface"]].rename(columns={"lemma": "term"})


def _words(tokens: pd.DataFrame) -> pd.Series:
    """Words per article (stopwords and numbers included; a merged phrase counts its words), indexed by ``doc_id``.

    The one denominator of every rate per 1,000 words.
    """
    grouped = tokens.groupby("doc_id", observed=True, sort=False)
    return grouped["n_words"].sum() if "n_words" in tokens else grouped.size()


@dataclass(frozen=True, eq=False)
class TermCounts:
    """What every frequency table is counted from: ``documents`` (``doc_id, term, count``, each counted
    term of each article), ``forms`` (the count of each written form, indexed by ``term, surface``)
    and ``words`` (the words of each article with one, indexed by ``doc_id``)."""

    documents: pd.DataFrame
    forms: pd.Series
    words: pd.Series

    @classmethod
    def of(cls, terms: pd.DataFrame | TermCounts) -> TermCounts:
        """The counts of a terms table (see :func:`~presslens.phrases.merge_phrases`)."""
        if isinstance(terms, TermCounts):
            return terms
        counted = _counted(terms)
        documents = counted.groupby(["doc_id", "term"], observed=True, sort=False).size().rename("count").reset_index()
        return cls(documents=documents, forms=counted.groupby(["term", "surface"], sort=False).size(), words=_words(terms))

    @functools.cached_property
    def table(self) -> pd.DataFrame:
        """:func:`count_terms` of these counts with their own document frequencies, made once for the
        tables that start from it (do not change it: :func:`count_terms` hands out copies)."""
        return _count_table(self, DocumentFrequencies.of(self))


def term_counts(tokens: pd.DataFrame | TokenChunks, phrases: pd.DataFrame | Iterable[str]) -> TermCounts:
    """The :class:`TermCounts` of ``merge_phrases(tokens, phrases)``, merged a chunk of articles at a time
    (:func:`~presslens.chunks.token_chunks`): every table of this module takes them in place of the terms.

    For token chunks read from a cache, the counts' document frequencies are kept there, where
    :func:`document_frequencies` reads them back.
    """
    phrases = phrases if isinstance(phrases, pd.DataFrame) else list(phrases)  # merged in every chunk, then keyed
    counts = _summed_term_counts(tokens, phrases)
    if isinstance(tokens, TokenChunks):
        tokens.keep(document_frequencies, DocumentFrequencies.of(counts).table(), phrases=_phrases_key(phrases))
    return counts


def document_frequencies(tokens: pd.DataFrame | TokenChunks, phrases: pd.DataFrame | Iterable[str]) -> DocumentFrequencies:
    """The :class:`DocumentFrequencies` of ``term_counts(tokens, phrases)``; for token chunks read from a
    cache, read back when the same terms were counted before (by another notebook of a report)."""
    phrases = phrases if isinstance(phrases, pd.DataFrame) else list(phrases)
    if isinstance(tokens, pd.DataFrame):
        return DocumentFrequencies.of(_summed_term_counts(tokens, phrases))
    table = tokens.remembered(document_frequencies, lambda: DocumentFrequencies.of(_summed_term_counts(tokens, phrases)).table(),
                              phrases=_phrases_key(phrases))
    return DocumentFrequencies.from_table(table)


def _summed_term_counts(tokens: pd.DataFrame | TokenChunks, phrases: pd.DataFrame | Iterable[str]) -> TermCounts:
    parts = [TermCounts.of(merge_phrases(chunk, phrases)) for chunk in chunks_of(tokens)]
    if len(parts) == 1:
        return parts[0]
    if not parts:
        return TermCounts.of(merge_phrases(pd.DataFrame(columns=TOKEN_COLUMNS), phrases))
    return TermCounts(documents=pd.concat([part.documents for part in parts], ignore_index=True),
                      forms=summed_counts(part.forms for part in parts),
                      words=pd.concat([part.words for part in parts]))


def _phrases_key(phrases: pd.DataFrame | Iterable[str]) -> str:
    """A hash of the phrases in their order of priority: what merging them into the tokens depends on."""
    listed = phrases["phrase"].tolist() if isinstance(phrases, pd.DataFrame) else list(phrases)
    return hashlib.sha1("\n".join(listed).encode()).hexdigest()


@dataclass(frozen=True, eq=False)
class DocumentFrequencies:
    """In how many articles each term is counted (``terms``, indexed by term), out of ``n_articles``
    articles with words and ``n_with_terms`` articles with a counted term."""

    terms: pd.Series
    n_articles: int
    n_with_terms: int

    @classmethod
    def of(cls, terms: pd.DataFrame | TermCounts) -> DocumentFrequencies:
        """The document frequencies of a terms table or its :class:`TermCounts`."""
        counts = TermCounts.of(terms)
        return cls(terms=counts.documents["term"].value_counts().rename("documents"), n_articles=len(counts.words),
                   n_with_terms=counts.documents["doc_id"].nunique())

    def table(self) -> pd.DataFrame:
        """``term, documents``, with ``n_articles`` and ``n_with_terms`` in ``attrs`` (Parquet keeps them)."""
        table = self.terms.rename("documents").rename_axis("term").reset_index()
        table.attrs = {"n_articles": int(self.n_articles), "n_with_terms": int(self.n_with_terms)}
        return table

    @classmethod
    def from_table(cls, table: pd.DataFrame) -> DocumentFrequencies:
        """The document frequencies a :meth:`table` holds."""
        return cls(terms=table.set_index("term")["documents"], n_articles=table.attrs["n_articles"],
                   n_with_terms=table.attrs["n_with_terms"])


def count_terms(terms: pd.DataFrame | TermCounts, *, documents: DocumentFrequencies | None = None) -> pd.DataFrame:
    """How often each term occurs in each article: ``doc_id, term, count, per_1000, tfidf``.

    ``terms`` is a terms table (:func:`~presslens.phrases.merge_phrases`) or its :func:`term_counts`.
    ``per_1000`` is per 1,000 words of the article; ``tfidf`` is count × log10(articles / articles
    with the term), 0 for a term found in every article. ``documents`` gives the document
    frequencies of a larger corpus these articles belong to.
    """
    counts = TermCounts.of(terms)
    return counts.table.copy() if documents is None else _count_table(counts, documents)


def _count_table(counts: TermCounts, documents: DocumentFrequencies) -> pd.DataFrame:
    table = counts.documents.copy()
    table["per_1000"] = per_1000(table["count"], counts.words.reindex(table["doc_id"]))
    table["tfidf"] = table["count"] * idf(documents.n_articles, table["term"].map(documents.terms).to_numpy())
    return table.sort_values(["doc_id", "count", "term"], ascending=[True, False, True], ignore_index=True)


def frequency_table(terms: pd.DataFrame | TermCounts) -> pd.DataFrame:
    """Corpus frequency of every term, most frequent first: ``term, form, count, documents, per_1000``.

    ``form`` is the term as most often written (*Belt and Road*, *Russia*), for display;
    ``documents`` the number of articles that use it; ``per_1000`` per 1,000 words of the corpus.
    """
    counts = TermCounts.of(terms)
    grouped = counts.documents.groupby("term")
    table = pd.DataFrame({"count": grouped["count"].sum(), "documents": grouped.size()})
    table["per_1000"] = per_1000(table["count"], counts.words.sum())
    table["form"] = _written_forms(counts.forms)
    table = table.rename_axis("term").reset_index()[["term", "form", "count", "documents", "per_1000"]]
    return table.sort_values(["count", "term"], ascending=[False, True], ignore_index=True)


def _written_forms(forms: pd.Series) -> pd.Series:
    """The most frequent written form (``surface``) of each ``term``, the first in order when tied; in a
    language that inflects, the term's dictionary form cased as that form is (*России* → *Россия*)."""
    forms = forms.sort_index().sort_values(ascending=False, kind="stable")
    written = forms.reset_index().drop_duplicates("term").set_index("term")["surface"]
    other = ~written.index.to_series().map(str.isascii).to_numpy(dtype=bool)
    if other.any():
        written = written.copy()
        written[other] = [pattern_language(term).written_form(term, surface)
                          for term, surface in zip(written.index[other], written[other])]
    return written


def top_terms_table(terms: pd.DataFrame | TermCounts, *, n: int = 10) -> pd.DataFrame:
    """The ``n`` most frequent terms of each article: ``doc_id, rank, term, count, per_1000``."""
    return _first_of_each_article(TermCounts.of(terms).table, n)[["doc_id", "rank", "term", "count", "per_1000"]]


def tfidf_table(terms: pd.DataFrame | TermCounts, *, n: int = 10,
                documents: DocumentFrequencies | None = None) -> pd.DataFrame:
    """The ``n`` most distinctive terms of each article by TF-IDF: ``doc_id, rank, term, count, tfidf``.

    Only terms absent from at least one other article have a TF-IDF above 0: without ``documents``
    (as for :func:`count_terms`), a corpus of one article gives an empty table.
    """
    counts = TermCounts.of(terms)
    table = counts.table if documents is None else _count_table(counts, documents)
    table = table[table["tfidf"] > 0].sort_values(["doc_id", "tfidf", "term"], ascending=[True, False, True])
    return _first_of_each_article(table, n)[["doc_id", "rank", "term", "count", "tfidf"]]


def _first_of_each_article(table: pd.DataFrame, n: int) -> pd.DataFrame:
    """The first ``n`` rows of each article in the table's order, numbered from 1 in ``rank``."""
    rank = table.groupby("doc_id", observed=True, sort=False).cumcount() + 1
    kept = rank <= n
    return table[kept].assign(rank=rank[kept]).reset_index(drop=True)


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
        A terms table (:func:`~presslens.phrases.merge_phrases`) or its :func:`term_counts`.
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


def group_keyness_table(terms: pd.DataFrame | TermCounts, groups: pd.Series, *, n: int = 10,
                        max_groups: int = 12) -> pd.DataFrame:
    """The ``n`` terms most over-used by each group against all other groups: ``group, rank`` and the
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
        top = keyness[keyness["g2"] > 0].head(n)
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


def kwic(
    corpus: Corpus,
    pattern: str | Sequence[str],
    *,
    context: int = 8,
    tokens: pd.DataFrame | TokenChunks | None = None,
) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word or phrase, ``doc_id, sentence, left, keyword, right``.

    A pattern matches by lemma or lowercase form (*investments* finds *Investment* and
    *investments*); a phrase matches its words in a row, in one sentence. ``keyword`` is the text as
    written; ``left`` and ``right`` hold up to ``context`` words of the same sentence.

    Parameters
    ----------
    pattern
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
    lines = [line for chunk in chunks_of(tokens) for line in _kwic_lines(chunk, texts, pattern, context)]
    return pd.DataFrame(lines, columns=["doc_id", "sentence", "left", "keyword", "right"])


def _kwic_lines(tokens: pd.DataFrame, texts: dict[str, str], pattern: str | Sequence[str], context: int) -> list[tuple]:
    """The lines of :func:`kwic` found in ``tokens``."""
    hits = locate_patterns(tokens, pattern)
    if hits.empty:
        return []
    first, last = _sentence_bounds(tokens)
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


def _sentence_bounds(tokens: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """For each token, the rows of the first and last token of its sentence."""
    rows = np.arange(len(tokens))
    documents = pd.factorize(tokens["doc_id"])[0]
    sentences = tokens["sentence"].to_numpy()
    starts = np.ones(len(tokens), dtype=bool)
    starts[1:] = (documents[1:] != documents[:-1]) | (sentences[1:] != sentences[:-1])
    ends = np.append(starts[1:], True)
    first = np.maximum.accumulate(np.where(starts, rows, 0))
    last = np.minimum.accumulate(np.where(ends, rows, len(tokens))[::-1])[::-1]
    return first, last


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


def dispersion_table(tokens: pd.DataFrame | TokenChunks, patterns: str | Sequence[str]) -> pd.DataFrame:
    """Where each word or phrase occurs along each article: ``doc_id, term, sentence, position, relative_position``.

    ``position`` counts words from the start of the article, ``relative_position`` runs from 0
    (first word) to 1 (last). ``doc_id`` and ``term`` are categories that keep every article of
    ``tokens`` and every pattern, so that a dispersion plot also shows where a term never occurs.
    """
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


def trend_table(
    tokens: pd.DataFrame | TokenChunks,
    articles: pd.DataFrame,
    patterns: str | Sequence[str],
    *,
    period: Period = "month",
) -> pd.DataFrame:
    """Frequency of words or phrases over time: ``period, term, count, words, per_1000``.

    Only dated articles count; ``words`` is the number of words of the period's articles, and every
    period with a dated article has a row for every pattern (count 0 included). Empty when no
    article has a date.

    Parameters
    ----------
    articles
        An :func:`~presslens.corpus.articles_table`, for the dates.
    period
        ``week``, ``month``, ``quarter`` or ``year``; ``period`` holds its first day.
    """
    periods = article_periods(articles, period)
    patterns = _pattern_list(patterns)
    columns = ["period", "term", "count", "words", "per_1000"]
    if periods.empty:
        return pd.DataFrame(columns=columns)
    words = period_sizes(articles, periods)["words"]
    counts = summed_counts(_dated_hits(chunk, periods, patterns) for chunk in chunks_of(tokens))
    grid = pd.MultiIndex.from_product([words.index.sort_values(), patterns], names=["period", "term"])
    table = counts.reindex(grid, fill_value=0).rename("count").reset_index()
    table["words"] = table["period"].map(words).astype(int)
    table["per_1000"] = per_1000(table["count"], table["words"])
    return table[columns]


def _dated_hits(tokens: pd.DataFrame, periods: pd.Series, patterns: list[str]) -> pd.Series:
    """How often each pattern occurs in ``tokens`` in each period, indexed by ``period, term``."""
    hits = locate_patterns(tokens, patterns)
    hit_periods = tokens["doc_id"].iloc[hits["row"].to_numpy()].astype(str).map(periods).to_numpy()
    dated = pd.notna(hit_periods)
    return pd.DataFrame({"period": hit_periods[dated], "term": hits["pattern"].to_numpy()[dated]}).value_counts()
