"""The processing pass: the per-article tables every analysis reads, computed once for a whole corpus.

Tokens, actor mentions and quotations depend on each article alone; computed here through an execution's cache
and workers (:mod:`presslens.execution`), every later call with the same execution and settings — in
a notebook, an export, an article page — reads them back.
"""

from __future__ import annotations

from collections.abc import Callable

from presslens.actors import load_corrections, load_gazetteer
from presslens.actors.tables import mentions_builder
from presslens.corpus import Corpus
from presslens.execution import Execution
from presslens.quotes.tables import article_quotes
from presslens.quotes.tagger import load_tagger
from presslens.text import tokens_builder
from presslens.themes import load_lexicon


def check_files(*, gazetteer: str | None = None, corrections: str | None = None, lexicon: str | None = None) -> None:
    """Read the user's gazetteer, corrections and theme lexicon once, before any work: a ``ValueError`` names
    the file and what is wrong with it. The built-in lexicon is left for the notebook that reads it."""
    load_gazetteer(gazetteer or None)
    load_corrections(corrections or None)
    if lexicon:
        load_lexicon(lexicon)


def processing_steps(*, gazetteer: str | None = None) -> dict[str, tuple[Callable, Callable | None]]:
    """What the processing pass builds for each article, by name: ``(build, prepare)`` as
    :meth:`~presslens.execution.Execution.store` takes them, in the order they run."""
    return {"tokens": (tokens_builder(), None), "mentions": mentions_builder(gazetteer),
            "quotations": (article_quotes, load_tagger)}


def process_corpus(corpus: Corpus, execution: Execution, *, gazetteer: str | None = None) -> None:
    """Compute what the execution's cache lacks of the tokens, mentions and quotations (speakers as written;
    the quotations table resolves them against the mentions) of ``corpus``, with default settings, written as
    they come: this process never holds any of those tables."""
    for build, prepare in processing_steps(gazetteer=gazetteer).values():
        execution.store(build, corpus, prepare=prepare)
