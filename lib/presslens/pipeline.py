"""The processing pass: the per-article tables every analysis reads, computed once for a whole corpus.

Tokens and actor mentions depend on each article alone; computed here through an execution's cache
and workers (:mod:`presslens.execution`), every later call with the same execution and settings — in
a notebook, an export, an article page — reads them back.
"""

from __future__ import annotations

from presslens.actors import load_corrections, load_gazetteer
from presslens.actors.tables import mentions_builder
from presslens.corpus import Corpus
from presslens.execution import Execution
from presslens.text import tokens_builder
from presslens.themes import load_lexicon


def check_files(*, gazetteer: str | None = None, corrections: str | None = None, lexicon: str | None = None) -> None:
    """Read the user's gazetteer, corrections and theme lexicon once, before any work: a ``ValueError`` names
    the file and what is wrong with it. The built-in lexicon is left for the notebook that reads it."""
    load_gazetteer(gazetteer or None)
    load_corrections(corrections or None)
    if lexicon:
        load_lexicon(lexicon)


def process_corpus(corpus: Corpus, execution: Execution, *, gazetteer: str | None = None) -> None:
    """Compute what the execution's cache lacks of the tokens and mentions of ``corpus``, with default
    settings, written as they come: this process never holds either table."""
    execution.store(tokens_builder(), corpus)
    build, prepare = mentions_builder(gazetteer)
    execution.store(build, corpus, prepare=prepare)
