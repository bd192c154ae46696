"""Any other language: words between spaces and punctuation, simplemma's lemmas and NLTK's stopwords where they exist.

German, French, Spanish, Italian, Portuguese, Dutch, Polish, Ukrainian and about forty more have both
a lemma dictionary (simplemma) and a stopword list (NLTK): they count words by their dictionary form
(*Häuser* → *haus*). A language with neither is read with letters and spaces only and flagged
(``own_tools`` false), so that no one mistakes its tables for a lemmatised analysis.
"""

from __future__ import annotations

import functools

from presslens.languages.base import Language, nltk_stopwords


#: Languages whose lemma dictionary tells nouns by their capital (German *Handel*, the trade; *handeln*, to act).
CASED_NOUNS = frozenset({"de", "lb"})


class Generic(Language):
    def __init__(self, code: str):
        self.code = code
        self.lemmatized = code in lemma_languages()
        self.own_tools = self.lemmatized or bool(nltk_stopwords(code))
        self.lemma_reads_case = code in CASED_NOUNS

    def lemma(self, lower: str) -> str:
        return lemmatize(lower, self.code) if self.lemmatized and lower.isalpha() else lower.lower()


@functools.lru_cache(maxsize=200_000)
def lemmatize(word: str, code: str) -> str:
    """simplemma's lemma of a lowercase word in the language ``code``, lowercased."""
    import simplemma

    return simplemma.lemmatize(word, lang=code).lower()


@functools.cache
def lemma_languages() -> frozenset[str]:
    """The ISO 639-1 codes simplemma has a lemma dictionary for."""
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    return frozenset(code for code in SUPPORTED_LANGUAGES if len(code) == 2)
