"""The Russian models actors are read with, loaded once per process.

natasha (slovnet's news NER, with its navec embeddings) and pymorphy3 with its
Russian dictionaries: all installed with their weights from the package registry, nothing downloaded
at run time. Each loader is cached, so a worker process loads a model the first time it needs it.
"""

from __future__ import annotations

import functools

from presslens.languages.ru import analyzer

#: pymorphy3 grammemes of words that never name an actor on their own: pronouns (*он*, *никто*),
#: pronominal adjectives and quantifiers (*каждый*, *все*, *любой*), numerals, prepositions,
#: conjunctions and particles.
NOT_A_NAME = frozenset({"NPRO", "Apro", "NUMR", "PREP", "CONJ", "PRCL", "INTJ", "Anum"})


@functools.cache
def segmenter():
    """razdel's sentence and token segmenter, as natasha wraps it."""
    from natasha import Segmenter

    return Segmenter()


@functools.cache
def _embedding():
    from natasha import NewsEmbedding

    return NewsEmbedding()


@functools.cache
def ner_tagger():
    """slovnet's news NER (PER, LOC, ORG), trained on Russian news."""
    from natasha import NewsNERTagger

    return NewsNERTagger(_embedding())


@functools.lru_cache(maxsize=200_000)
def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form pymorphy3 gives ``word`` (lower case, *ё* as *е*): *Китая* → {китай}."""
    word = plain_word(word)
    return frozenset(plain_word(parse.normal_form) for parse in analyzer().parse(word)) | {word}


@functools.lru_cache(maxsize=200_000)
def is_function_word(word: str) -> bool:
    """Whether pymorphy3's likeliest reading of ``word`` is a pronoun, quantifier or other function word."""
    parses = analyzer().parse(plain_word(word))
    return bool(parses) and bool(NOT_A_NAME & set(str(parses[0].tag).replace(" ", ",").split(",")))


def plain_word(word: str) -> str:
    """``word`` in lower case with *ё* written *е*, as dictionaries and indexes compare words."""
    return word.lower().replace("ё", "е")
