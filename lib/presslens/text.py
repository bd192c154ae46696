"""Tokens, stopwords and lemmas: the words every counting analysis starts from, in each article's language.

Words are taken from the article's sentences with their character offsets, so every count can be
traced back to the text. A token keeps its surface form (for display) next to its lowercase form and
its lemma (for counting): *Investments* → ``investments`` → ``investment``, *России* → ``россии`` →
``россия``, 經濟 → ``经济``. What a word, a lemma and a stopword are is the article's language's answer
(:mod:`presslens.languages`); numbers and stopwords are flagged rather than deleted, so phrases such as
*belt and road* can still be found.
"""

from __future__ import annotations

import functools
import itertools
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from presslens.corpus import Corpus
from presslens.languages import Language, language_tools, pattern_language

if TYPE_CHECKING:
    from presslens.execution import Execution

TOKEN_COLUMNS = ["doc_id", "paragraph", "sentence", "position", "start", "end", "surface", "lower", "lemma", "is_stop", "is_number"]


def lowercase_phrase(phrase: str, language: Language | None = None) -> str:
    """The words of a phrase in the ``lower`` form of :func:`tokens_table` (*Russia's Far East* → *russia far east*),
    read in ``language`` (default: the language its script says, English for the Latin alphabet)."""
    language = language or pattern_language(phrase)
    return " ".join(language.lower(word) for _, word in language.words(phrase, 0, len(phrase)))


def lemmatize_phrase(phrase: str, language: Language | None = None) -> str:
    """Lemmatise every word of a phrase the way tokens are lemmatised (*supply chains* → *supply chain*)."""
    language = language or pattern_language(phrase)
    if language.lemma_reads_case:
        return " ".join(language.lemma(word) for _, word in language.words(phrase, 0, len(phrase)))
    return " ".join(language.lemma(word) for word in lowercase_phrase(phrase, language).split())


def tokens_table(
    corpus: Corpus,
    *,
    lemmatize_words: bool = True,
    extra_stopwords: list[str] | tuple[str, ...] = (),
    execution: Execution | None = None,
) -> pd.DataFrame:
    """Every token of the corpus: ``doc_id, paragraph, sentence, position, start, end, surface, lower, lemma, is_stop, is_number``.

    ``sentence`` numbers the sentences of an article and ``position`` its tokens, both from 0;
    ``start`` and ``end`` are character offsets into the article's text.

    Parameters
    ----------
    lemmatize_words
        Reduce words to their WordNet lemma (on by default); off, ``lemma`` is the lowercase form.
    extra_stopwords
        More words to flag as stopwords for this analysis (case-insensitive).
    execution
        Computes each article's tokens once, kept in its cache, in its workers (:mod:`presslens.execution`).
    """
    build = tokens_builder(lemmatize_words=lemmatize_words, extra_stopwords=extra_stopwords)
    table = build(corpus) if execution is None else execution.table(build, corpus, columns=TOKEN_COLUMNS)
    if len(table):
        table["doc_id"] = corpus_categories(table["doc_id"], pd.Index(corpus.doc_ids).unique())
    return table


def corpus_categories(doc_ids: pd.Series, categories: pd.Index) -> pd.Categorical:
    """``doc_ids`` as categories in corpus order (a cached table's own categories may name other articles)."""
    if isinstance(doc_ids.dtype, pd.CategoricalDtype):
        doc_ids = doc_ids.cat.remove_unused_categories()
    return pd.Categorical(doc_ids, categories=categories)


def tokens_builder(*, lemmatize_words: bool = True, extra_stopwords: list[str] | tuple[str, ...] = ()) -> functools.partial:
    """:func:`article_tokens` with its settings, as an execution builds and caches it."""
    stopwords = tuple(sorted({word.lower() for word in extra_stopwords}))
    return functools.partial(article_tokens, lemmatize_words=lemmatize_words, extra_stopwords=stopwords)


def article_tokens(
    corpus: Corpus,
    *,
    lemmatize_words: bool = True,
    extra_stopwords: list[str] | tuple[str, ...] = (),
) -> pd.DataFrame:
    """The tokens of the articles of ``corpus``, computed directly (see :func:`tokens_table`): each run of
    articles in one language read with that language's tools."""
    extra = {word.lower() for word in extra_stopwords}
    parts = [
        _language_tokens(list(articles), language_tools(code), lemmatize_words=lemmatize_words, extra_stopwords=extra)
        for code, articles in itertools.groupby(corpus, key=lambda article: article.language)
    ]
    parts = [part for part in parts if len(part)]
    if not parts:
        return pd.DataFrame(columns=TOKEN_COLUMNS)
    table = parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)
    categories = pd.Index(corpus.doc_ids).unique()
    if len(parts) > 1 or not table["doc_id"].cat.categories.equals(categories):
        table["doc_id"] = pd.Categorical(table["doc_id"].astype(str), categories=categories)
    return table


def _language_tokens(articles: list, language: Language, *, lemmatize_words: bool, extra_stopwords: set[str]) -> pd.DataFrame:
    """The tokens of articles of one language."""
    stopwords = language.stopwords | extra_stopwords
    starts, raw, sentences, paragraphs, lengths = [], [], [], [], []
    for article in articles:
        found = 0
        for number, (paragraph, start, end) in enumerate(article.sentence_spans):
            matches = language.words(article.text, start, end)
            starts.extend(first for first, _ in matches)
            raw.extend(word for _, word in matches)
            sentences.append(np.full(len(matches), number))
            paragraphs.append(np.full(len(matches), paragraph))
            found += len(matches)
        lengths.append(found)
    if not raw:
        return pd.DataFrame(columns=TOKEN_COLUMNS)
    # Each distinct spelling is normalised, lemmatised and looked up once, then spread to its tokens.
    codes, spellings = pd.factorize(np.array(raw, dtype=object))
    # The surface stays as written (English drops a possessive 's), so that it is the text at its offsets;
    # the lowercase form unifies apostrophes, hyphens (and, in Chinese, traditional characters) for counting.
    surface = np.array([language.surface(word) for word in spellings], dtype=object)
    lower = np.array([language.lower(word) for word in spellings], dtype=object)
    is_number = np.array([language.is_number(word) for word in lower], dtype=bool)
    read = surface if language.lemma_reads_case else lower
    lemma = np.array(
        [language.lemma(word) if lemmatize_words and not number else low for word, low, number in zip(read, lower, is_number)],
        dtype=object,
    )
    is_stop = np.array([word in stopwords or base in stopwords for word, base in zip(lower, lemma)], dtype=bool)
    doc_ids = pd.Index([article.doc_id for article in articles])
    categories = doc_ids.unique()
    counts = np.array(lengths)
    offsets = np.repeat(np.cumsum(counts) - counts, counts)
    start = np.array(starts)
    sentence = np.concatenate(sentences)
    if language.names_keep_case:
        first_in_sentence = np.r_[True, (sentence[1:] != sentence[:-1]) | (np.diff(offsets) != 0)]
        # A capitalised word inside a sentence is a name (Global Times, Sciences): it keeps its own form.
        is_name = np.array([word[:1].isupper() for word in surface])[codes] & ~first_in_sentence
        lemma_column = np.where(is_name, lower[codes], lemma[codes])
    else:
        lemma_column = lemma[codes]
    return pd.DataFrame({
        "doc_id": pd.Categorical.from_codes(np.repeat(categories.get_indexer(doc_ids), counts), categories=categories),
        "paragraph": np.concatenate(paragraphs).astype(np.int32),
        "sentence": sentence.astype(np.int32),
        "position": (np.arange(len(raw)) - offsets).astype(np.int32),
        "start": start.astype(np.int32),
        "end": (start + np.array([len(word) for word in surface])[codes]).astype(np.int32),
        "surface": surface[codes],
        "lower": lower[codes],
        "lemma": lemma_column,
        "is_stop": is_stop[codes],
        "is_number": is_number[codes],
    })


def content_mask(tokens: pd.DataFrame) -> pd.Series:
    """True for the tokens worth counting: no stopwords, no numbers, no single letters."""
    return ~tokens["is_stop"] & ~tokens["is_number"] & (tokens["lower"].str.len() > 1)


def content_tokens(tokens: pd.DataFrame) -> pd.DataFrame:
    """The tokens worth counting: no stopwords, no numbers, no single letters."""
    return tokens[content_mask(tokens)]
