"""Term frequency: what the articles are about, in their own words.

Every table here is computed from *terms*: the :func:`~presslens.text.tokens_table` with phrases
merged by :func:`~presslens.phrases.merge_phrases`. A term is the lemma of a content word
(*investments* → ``investment``) or a phrase (``belt and road``); stopwords, numbers and single
letters stay in the table (they are words of the text, counted in ``per_1000`` rates) but are never
counted as terms.

- :func:`corpus_terms_table` — the whole pipeline from the corpus: the table of ``presslens export terms``;
- :func:`document_terms_table`, :func:`frequency_table`, :func:`top_terms_table` — counts per article
  and over the corpus, documents, rates;
- :func:`tfidf_table` — terms that distinguish each article (quanteda's ``dfm_tfidf`` weighting:
  count × log10(articles / articles with the term)).

Every table takes the terms or their :func:`~presslens.counts.term_counts`. Keyness is in
:mod:`presslens.keyness`; following words and phrases through the text (in context, along each
article, over time) in :mod:`presslens.patterns`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pandas as pd

from presslens.chunks import token_chunks
from presslens.corpus import Corpus
from presslens.counts import DocumentFrequencies, TermCounts, document_terms_of, term_counts
from presslens.deprecation import former_keywords, former_name
from presslens.languages import pattern_language
from presslens.measures import per_1000
from presslens.phrases import find_phrases

if TYPE_CHECKING:
    from presslens.execution import Execution


def corpus_terms_table(
    corpus: Corpus,
    *,
    lemmatize_words: bool = True,
    extra_stopwords: Sequence[str] = (),
    ngram_max: int = 3,
    min_count: int = 3,
    execution: Execution | None = None,
) -> pd.DataFrame:
    """The :func:`document_terms_table` of a corpus, from its text: ``doc_id, term, count, per_1000, tfidf``.

    The whole pipeline in one call — tokens, phrases found and merged, counts — and the table of
    ``presslens export terms``. ``lemmatize_words`` and ``extra_stopwords`` go to
    :func:`~presslens.chunks.token_chunks` (with ``execution``), ``ngram_max`` and ``min_count`` to
    :func:`~presslens.phrases.find_phrases`.
    """
    tokens = token_chunks(corpus, lemmatize_words=lemmatize_words, extra_stopwords=extra_stopwords, execution=execution)
    return document_terms_table(term_counts(tokens, find_phrases(tokens, ngram_max=ngram_max, min_count=min_count)))


def document_terms_table(terms: pd.DataFrame | TermCounts, *, documents: DocumentFrequencies | None = None) -> pd.DataFrame:
    """How often each term occurs in each article: ``doc_id, term, count, per_1000, tfidf``.

    ``terms`` is a terms table (:func:`~presslens.phrases.merge_phrases`) or its :func:`~presslens.counts.term_counts`.
    ``per_1000`` is per 1,000 words of the article; ``tfidf`` is count × log10(articles / articles
    with the term), 0 for a term found in every article. ``documents`` gives the document
    frequencies of a larger corpus these articles belong to.
    """
    counts = TermCounts.of(terms)
    return counts.document_terms.copy() if documents is None else document_terms_of(counts, documents)


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


@former_keywords(n="top_n")
def top_terms_table(terms: pd.DataFrame | TermCounts, *, top_n: int = 10) -> pd.DataFrame:
    """The ``top_n`` most frequent terms of each article: ``doc_id, rank, term, count, per_1000``."""
    return _first_of_each_article(TermCounts.of(terms).document_terms, top_n)[["doc_id", "rank", "term", "count", "per_1000"]]


@former_keywords(n="top_n")
def tfidf_table(terms: pd.DataFrame | TermCounts, *, top_n: int = 10,
                documents: DocumentFrequencies | None = None) -> pd.DataFrame:
    """The ``top_n`` most distinctive terms of each article by TF-IDF: ``doc_id, rank, term, count, tfidf``.

    Only terms absent from at least one other article have a TF-IDF above 0: without ``documents``
    (as for :func:`document_terms_table`), a corpus of one article gives an empty table.
    """
    counts = TermCounts.of(terms)
    table = counts.document_terms if documents is None else document_terms_of(counts, documents)
    table = table[table["tfidf"] > 0].sort_values(["doc_id", "tfidf", "term"], ascending=[True, False, True])
    return _first_of_each_article(table, top_n)[["doc_id", "rank", "term", "count", "tfidf"]]


def _first_of_each_article(table: pd.DataFrame, top_n: int) -> pd.DataFrame:
    """The first ``top_n`` rows of each article in the table's order, numbered from 1 in ``rank``."""
    rank = table.groupby("doc_id", observed=True, sort=False).cumcount() + 1
    kept = rank <= top_n
    return table[kept].assign(rank=rank[kept]).reset_index(drop=True)


count_terms = former_name(document_terms_table, "count_terms")
term_counts_table = former_name(corpus_terms_table, "term_counts_table")
