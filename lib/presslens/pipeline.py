"""The processing pass: the per-article tables every analysis reads, computed once for a whole corpus.

Tokens and actor mentions depend on each article alone; computed here through an execution's cache
and workers (:mod:`presslens.execution`), every later call with the same execution and settings — in
a notebook, an export, an article page — reads them back.
"""

from __future__ import annotations

from presslens.actors import mentions_table
from presslens.corpus import Corpus
from presslens.execution import Execution
from presslens.text import tokens_table


def process_corpus(corpus: Corpus, execution: Execution, *, gazetteer: str | None = None) -> None:
    """Compute (or read from the execution's cache) the tokens and mentions of ``corpus``, with default settings."""
    tokens_table(corpus, execution=execution)
    mentions_table(corpus, gazetteer=gazetteer, execution=execution)
