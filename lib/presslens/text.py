"""Tokens, stopwords and lemmas: the words every counting analysis starts from.

Words are taken from punkt sentences with their character offsets, so every count can be traced
back to the text. A token keeps its surface form (for display) next to its lowercase form and its
WordNet lemma (for counting): *Investments* → ``investments`` → ``investment``. Hyphenated
compounds stay one token (*cross-border*, *high-quality*); possessive *'s* is dropped; numbers and
stopwords are flagged rather than deleted, so phrases such as *belt and road* can still be found.
"""

from __future__ import annotations

import functools
import re
from importlib import resources as importlib_resources
from typing import TYPE_CHECKING

import nltk
import numpy as np
import pandas as pd
import yaml
from nltk.corpus import stopwords as nltk_stopwords

from presslens.corpus import Corpus
from presslens.corpus.model import WORD
from presslens.resources import require_nltk_data

if TYPE_CHECKING:
    from presslens.execution import Execution

_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
#: A number, an ordinal or decade (*14th*, *1990s*), a score or range (*6-3*, *2004-05*), an amount (*5m*, *2bn*).
_NUMBER = re.compile(r"^[\d.,]+(?:-[\d.,]+)*(?:st|nd|rd|th|s|m|bn|tn|k)?$", re.IGNORECASE)
#: Plural forms WordNet would wrongly reduce (*customs* → *custom*, *media* → *medium*).
LEMMA_EXCEPTIONS = {
    "customs": "customs", "goods": "goods", "arms": "arms", "media": "media", "species": "species",
    "means": "means", "data": "data", "news": "news", "politics": "politics", "economics": "economics",
    "logistics": "logistics", "us": "us", "was": "was", "has": "has", "as": "as", "is": "is", "its": "its",
}
TOKEN_COLUMNS = ["doc_id", "paragraph", "sentence", "position", "start", "end", "surface", "lower", "lemma", "is_stop", "is_number"]


@functools.cache
def news_stopwords() -> frozenset[str]:
    """NLTK's English stopwords plus the news stoplist of ``data/stopwords.yaml``."""
    require_nltk_data()
    source = importlib_resources.files("presslens").joinpath("data/stopwords.yaml").read_text("utf-8")
    extra = yaml.safe_load(source)["news"]
    return frozenset(nltk_stopwords.words("english")) | {word.lower() for word in extra}


#: WordNet's detachment rules for nouns (suffix, replacement), as in its ``morphy`` function.
NOUN_SUFFIXES = [("s", ""), ("ses", "s"), ("ves", "f"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")]


@functools.cache
def wordnet_nouns() -> tuple[frozenset[str], dict[str, list[str]]]:
    """The noun lemmas of WordNet (``index.noun``) and its irregular plurals (``noun.exc``).

    Read straight from the two files: NLTK's WordNet reader also loads verbs, adjectives and sense
    maps, which takes seconds that noun lemmatisation does not need.
    """
    require_nltk_data()
    with nltk.data.find("corpora/wordnet/index.noun").open() as index:
        nouns = frozenset(line.split(b" ", 1)[0].decode() for line in index if not line.startswith(b" "))
    with nltk.data.find("corpora/wordnet/noun.exc").open() as exceptions:
        irregular = {words[0]: words[1:] for words in (line.decode().split() for line in exceptions) if words}
    return nouns, irregular


@functools.lru_cache(maxsize=200_000)
def lemmatize(word: str) -> str:
    """The WordNet noun lemma of a lowercase word (*investments* → *investment*); compounds by their last part."""
    if word in LEMMA_EXCEPTIONS:
        return LEMMA_EXCEPTIONS[word]
    if "-" in word:
        head, _, last = word.rpartition("-")
        return f"{head}-{lemmatize(last)}" if last.isalpha() else word
    if len(word) <= 3 or not word.isalpha():
        return word
    nouns, irregular = wordnet_nouns()
    bases = irregular.get(word) or [word[: len(word) - len(suffix)] + base for suffix, base in NOUN_SUFFIXES if word.endswith(suffix)]
    known = [form for form in [word, *bases] if form in nouns]
    return min(known, key=len) if known else word


def lowercase_phrase(phrase: str) -> str:
    """The words of a phrase in the ``lower`` form of :func:`tokens_table` (*Russia's Far East* → *russia far east*)."""
    return " ".join(_normalize_token(word).lower() for word in WORD.findall(phrase))


def lemmatize_phrase(phrase: str) -> str:
    """Lemmatise every word of a phrase the way tokens are lemmatised (*supply chains* → *supply chain*)."""
    return " ".join(lemmatize(word) for word in lowercase_phrase(phrase).split())


def _normalize_token(surface: str) -> str:
    return _POSSESSIVE.sub("", surface).replace("’", "'").replace("‐", "-").replace("‑", "-")


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
    """The tokens of the articles of ``corpus``, computed directly (see :func:`tokens_table`)."""
    stopwords = news_stopwords() | {word.lower() for word in extra_stopwords}
    starts, raw, sentences, paragraphs, lengths = [], [], [], [], []
    for article in corpus:
        found = 0
        for number, (paragraph, start, end) in enumerate(article.sentence_spans):
            matches = [(match.start(), match.group()) for match in WORD.finditer(article.text, start, end)]
            starts.extend(first for first, _ in matches)
            raw.extend(surface for _, surface in matches)
            sentences.append(np.full(len(matches), number))
            paragraphs.append(np.full(len(matches), paragraph))
            found += len(matches)
        lengths.append(found)
    if not raw:
        return pd.DataFrame(columns=TOKEN_COLUMNS)
    # Each distinct spelling is normalised, lemmatised and looked up once, then spread to its tokens.
    codes, spellings = pd.factorize(np.array(raw, dtype=object))
    # The surface stays as written (less a possessive 's), so that it is the text at its offsets;
    # the lowercase form unifies apostrophes and hyphens for counting.
    surface = np.array([_POSSESSIVE.sub("", word) for word in spellings], dtype=object)
    lower = np.array([_normalize_token(word).lower() for word in spellings], dtype=object)
    is_number = np.array([bool(_NUMBER.match(word)) for word in lower])
    lemma = np.array(
        [lemmatize(word) if lemmatize_words and not number else word for word, number in zip(lower, is_number)],
        dtype=object,
    )
    is_stop = np.array([word in stopwords or base in stopwords for word, base in zip(lower, lemma)])
    doc_ids = pd.Index(corpus.doc_ids)
    categories = doc_ids.unique()
    counts = np.array(lengths)
    offsets = np.repeat(np.cumsum(counts) - counts, counts)
    start = np.array(starts)
    sentence = np.concatenate(sentences)
    first_in_sentence = np.r_[True, (sentence[1:] != sentence[:-1]) | (np.diff(offsets) != 0)]
    # A capitalised word inside a sentence is a name (Global Times, Sciences): it keeps its own form.
    is_name = np.array([word[:1].isupper() for word in surface])[codes] & ~first_in_sentence
    return pd.DataFrame({
        "doc_id": pd.Categorical.from_codes(np.repeat(categories.get_indexer(doc_ids), counts), categories=categories),
        "paragraph": np.concatenate(paragraphs).astype(np.int32),
        "sentence": sentence.astype(np.int32),
        "position": (np.arange(len(raw)) - offsets).astype(np.int32),
        "start": start.astype(np.int32),
        "end": (start + np.array([len(word) for word in surface])[codes]).astype(np.int32),
        "surface": surface[codes],
        "lower": lower[codes],
        "lemma": np.where(is_name, lower[codes], lemma[codes]),
        "is_stop": is_stop[codes],
        "is_number": is_number[codes],
    })


def content_mask(tokens: pd.DataFrame) -> pd.Series:
    """True for the tokens worth counting: no stopwords, no numbers, no single letters."""
    return ~tokens["is_stop"] & ~tokens["is_number"] & (tokens["lower"].str.len() > 1)


def content_tokens(tokens: pd.DataFrame) -> pd.DataFrame:
    """The tokens worth counting: no stopwords, no numbers, no single letters."""
    return tokens[content_mask(tokens)]
