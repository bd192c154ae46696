"""English: punkt sentences, words with inner hyphens and apostrophes, WordNet noun lemmas, news stopwords.

A token keeps its surface form (for display) next to its lowercase form and its WordNet lemma (for
counting): *Investments* → ``investments`` → ``investment``. Hyphenated compounds stay one token
(*cross-border*); a possessive *'s* is dropped; a capitalised word inside a sentence is a name and keeps
its own form (*Sciences*, *Global Times*).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from types import MappingProxyType

import nltk

from presslens.languages.base import Language, news_stoplist, nltk_stopwords
from presslens.resources import require_nltk_data


_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
#: Plural forms WordNet would wrongly reduce (*customs* → *custom*, *media* → *medium*).
LEMMA_EXCEPTIONS = {
    "customs": "customs", "goods": "goods", "arms": "arms", "media": "media", "species": "species",
    "means": "means", "data": "data", "news": "news", "politics": "politics", "economics": "economics",
    "logistics": "logistics", "us": "us", "was": "was", "has": "has", "as": "as", "is": "is", "its": "its",
}
#: WordNet's detachment rules for nouns (suffix, replacement), as in its ``morphy`` function.
NOUN_SUFFIXES = [("s", ""), ("ses", "s"), ("ves", "f"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")]


class English(Language):
    code = "en"
    names_keep_case = True

    def surface(self, word: str) -> str:
        return _POSSESSIVE.sub("", word)

    def lower(self, word: str) -> str:
        return super().lower(_POSSESSIVE.sub("", word))

    def lemma(self, lower: str) -> str:
        return lemmatize(lower)

    @functools.cached_property
    def stopwords(self) -> frozenset[str]:
        return news_stopwords()


@functools.cache
def news_stopwords() -> frozenset[str]:
    """NLTK's English stopwords plus the news stoplist of ``data/stopwords.yaml``."""
    return nltk_stopwords("en") | {word.lower() for word in news_stoplist("en")}


@functools.cache
def wordnet_nouns() -> tuple[frozenset[str], Mapping[str, tuple[str, ...]]]:
    """The noun lemmas of WordNet (``index.noun``) and its irregular plurals (``noun.exc``), read-only.

    Read straight from the two files: NLTK's WordNet reader also loads verbs, adjectives and sense
    maps, which takes seconds that noun lemmatisation does not need.
    """
    require_nltk_data()
    with nltk.data.find("corpora/wordnet/index.noun").open() as index:
        nouns = frozenset(line.split(b" ", 1)[0].decode() for line in index if not line.startswith(b" "))
    with nltk.data.find("corpora/wordnet/noun.exc").open() as exceptions:
        irregular = {words[0]: tuple(words[1:]) for words in (line.decode().split() for line in exceptions) if words}
    return nouns, MappingProxyType(irregular)


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
