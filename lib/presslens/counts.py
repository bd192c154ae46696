"""Term counts: what every frequency table is counted from, a chunk of articles at a time.

:func:`term_counts` merges the phrases into the tokens chunk by chunk and keeps only the counts —
each term of each article, each written form, each article's words — as a :class:`TermCounts`;
:class:`DocumentFrequencies` says in how many articles each term is counted. The tables of
:mod:`presslens.frequency` and :mod:`presslens.keyness` take either these counts or a terms table.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from presslens.chunks import TokenChunks, chunks_of, summed_counts
from presslens.deprecation import warn_deprecated
from presslens.measures import idf, per_1000
from presslens.phrases import merge_phrases
from presslens.text import TOKEN_COLUMNS, content_mask


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
    def document_terms(self) -> pd.DataFrame:
        """:func:`~presslens.frequency.document_terms_table` of these counts with their own document
        frequencies, made once for the tables that start from it (do not change it: that function hands out
        copies)."""
        return document_terms_of(self, DocumentFrequencies.of(self))

    @property
    def table(self) -> pd.DataFrame:
        """Deprecated: the former name of :attr:`document_terms`."""
        warn_deprecated("TermCounts.table is deprecated: use TermCounts.document_terms")
        return self.document_terms


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


def document_terms_of(counts: TermCounts, documents: DocumentFrequencies) -> pd.DataFrame:
    """``doc_id, term, count, per_1000, tfidf`` of ``counts``, weighted by the document frequencies ``documents``."""
    table = counts.documents.copy()
    table["per_1000"] = per_1000(table["count"], counts.words.reindex(table["doc_id"]))
    table["tfidf"] = table["count"] * idf(documents.n_articles, table["term"].map(documents.terms).to_numpy())
    return table.sort_values(["doc_id", "count", "term"], ascending=[True, False, True], ignore_index=True)
