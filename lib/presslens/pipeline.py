"""The processing pass: the per-article tables every analysis reads, computed once for a whole corpus.

Tokens and actor mentions depend on each article alone; computed here through the corpus's cache and
workers (:mod:`presslens.engine`), every later call — in a notebook, an export, a page — reads them back.
"""

from __future__ import annotations

from presslens.actors import mentions_table
from presslens.corpus import Corpus
from presslens.text import tokens_table

#: The tables of the processing pass.
PER_ARTICLE_TABLES = (tokens_table, mentions_table)


def process_corpus(corpus: Corpus) -> None:
    """Compute (or read from the cache) every per-article table of ``corpus``."""
    for table in PER_ARTICLE_TABLES:
        table(corpus)
