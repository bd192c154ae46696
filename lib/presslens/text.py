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

import pandas as pd
import yaml
from nltk.corpus import stopwords as nltk_stopwords
from nltk.stem import WordNetLemmatizer

from presslens.corpus import Article, Corpus
from presslens.resources import require_nltk_data

#: A number (with decimal or thousands separators), or a word with inner hyphens or apostrophes.
TOKEN = re.compile(r"\d+(?:[.,]\d+)+|\w+(?:[-‐‑'’]\w+)*")
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_NUMBER = re.compile(r"^[\d.,]+(?:st|nd|rd|th|s)?$", re.IGNORECASE)
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


@functools.cache
def _lemmatizer() -> WordNetLemmatizer:
    require_nltk_data()
    return WordNetLemmatizer()


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
    return _lemmatizer().lemmatize(word)


def lemmatize_phrase(phrase: str) -> str:
    """Lemmatise every word of a phrase the way tokens are lemmatised (*supply chains* → *supply chain*)."""
    return " ".join(lemmatize(_normalize_token(word).lower()) for word in TOKEN.findall(phrase))


def _normalize_token(surface: str) -> str:
    return _POSSESSIVE.sub("", surface).replace("’", "'").replace("‐", "-").replace("‑", "-")


def article_tokens(article: Article, *, lemmatize_words: bool = True, stopwords: frozenset[str] | None = None) -> list[tuple]:
    """Token rows of one article, in the order of :data:`TOKEN_COLUMNS`."""
    stopwords = news_stopwords() if stopwords is None else stopwords
    rows = []
    position = 0
    text = article.text
    for number, (paragraph, start, end) in enumerate(article.sentence_spans):
        for match in TOKEN.finditer(text, start, end):
            surface = _normalize_token(match.group())
            if not surface:
                continue
            lower = surface.lower()
            is_number = bool(_NUMBER.match(lower))
            lemma = lemmatize(lower) if lemmatize_words and not is_number else lower
            rows.append((
                article.doc_id, paragraph, number, position, match.start(), match.start() + len(surface),
                surface, lower, lemma, lower in stopwords or lemma in stopwords, is_number,
            ))
            position += 1
    return rows


def tokens_table(
    corpus: Corpus,
    *,
    lemmatize_words: bool = True,
    extra_stopwords: list[str] | tuple[str, ...] = (),
) -> pd.DataFrame:
    """Every token of the corpus: ``doc_id, paragraph, sentence, position, start, end, surface, lower, lemma, is_stop, is_number``.

    Parameters
    ----------
    lemmatize_words
        Reduce words to their WordNet lemma (on by default); off, ``lemma`` is the lowercase form.
    extra_stopwords
        More words to flag as stopwords for this analysis (case-insensitive).
    """
    stopwords = news_stopwords() | {word.lower() for word in extra_stopwords}
    rows = [row for article in corpus for row in article_tokens(article, lemmatize_words=lemmatize_words, stopwords=stopwords)]
    table = pd.DataFrame(rows, columns=TOKEN_COLUMNS)
    return table.astype({"doc_id": "category"}) if len(table) else table


def content_tokens(tokens: pd.DataFrame) -> pd.DataFrame:
    """The tokens worth counting: no stopwords, no numbers, no single letters."""
    keep = ~tokens.is_stop & ~tokens.is_number & (tokens.lower.str.len() > 1)
    return tokens[keep]
