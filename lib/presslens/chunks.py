"""Tokens a chunk of articles at a time: for a corpus whose tokens are too many to hold at once.

:func:`token_chunks` reads the tokens of :func:`~presslens.text.tokens_table` from an execution's
cache a few Parquet row groups at a time, whole articles in corpus order. The counting functions —
collocations and phrases, term counts, KWIC, dispersion, trends, theme matches, topics — take these
chunks as well as a token table (:func:`chunks_of`), count each chunk and add the counts up
(:func:`summed_counts`): the tables are those of the whole tokens. :func:`remembered` keeps a table
computed from them in the cache.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import pandas as pd

from presslens.corpus import Corpus
from presslens.text import TOKEN_COLUMNS, corpus_categories, tokens_builder

if TYPE_CHECKING:
    from presslens.execution import Execution

#: Articles whose tokens are counted at once by the functions given a :class:`TokenChunks` (a chunk read
#: from the cache is made of whole row groups, so it holds at least this many).
ARTICLES_COUNTED_AT_ONCE = 2000


class TokenChunks:
    """The tokens of a corpus as :func:`~presslens.text.tokens_table` gives them, a chunk of whole articles at
    a time in corpus order (:func:`token_chunks`).

    With an execution's cache, each pass reads the chunks from it and the tokens of the whole corpus are
    never held at once; without one, they are computed on the first pass and held, as a token table would be.
    """

    def __init__(self, corpus: Corpus, build: functools.partial, execution: Execution | None, articles_per_chunk: int):
        if articles_per_chunk < 1:
            raise ValueError(f"articles_per_chunk={articles_per_chunk}: use 1 or more")
        self.corpus = corpus
        self.articles_per_chunk = articles_per_chunk
        self._build = build
        self._categories = pd.Index(corpus.doc_ids).unique()
        self._source = None if execution is None else execution.chunks(build, corpus, columns=TOKEN_COLUMNS,
                                                                       articles_per_chunk=articles_per_chunk)
        self._held: list[pd.DataFrame] | None = None

    @property
    def cached(self) -> bool:
        """Whether the chunks are read from a cache (else computed once and held)."""
        return self._source is not None and self._source.path is not None

    def __iter__(self) -> Iterator[pd.DataFrame]:
        if self._held is not None:
            yield from self._held
            return
        held = None if self.cached else []
        for chunk in self._source if self._source is not None else self._built():
            if len(chunk):
                chunk["doc_id"] = corpus_categories(chunk["doc_id"], self._categories)
                if held is not None:
                    held.append(chunk)
                yield chunk
        if held is not None:  # a whole pass: later passes need not compute the tokens again
            self._held = held

    def remembered(self, function: Callable, compute: Callable[[], pd.DataFrame], **settings) -> pd.DataFrame:
        """``compute()``, kept in the cache the chunks are read from as ``function`` of these tokens with
        ``settings``: every later call that asks the same (another notebook of a report) reads it back."""
        return self._source.remembered(function, compute, settings) if self.cached else compute()

    def keep(self, function: Callable, table: pd.DataFrame, **settings) -> None:
        """Keep ``table`` as what :meth:`remembered` computes for ``function`` and ``settings`` (when the
        chunks are read from a cache): a table made along the way is read back, not computed again."""
        if self.cached:
            self._source.keep(function, table, settings)

    def _built(self) -> Iterator[pd.DataFrame]:
        """Without an execution: each chunk's tokens computed here."""
        articles, size = self.corpus.articles, self.articles_per_chunk
        for first in range(0, len(articles), size):
            yield self._build(Corpus(root=self.corpus.root, articles=articles[first:first + size]))

    def __repr__(self) -> str:
        return f"<tokens of {len(self._categories):,} articles, {self.articles_per_chunk:,} articles at a time>"

    def first(self) -> pd.DataFrame:
        """The tokens of the first chunk of articles (to look at)."""
        return next(iter(self), pd.DataFrame(columns=TOKEN_COLUMNS))


def remembered(tokens: pd.DataFrame | TokenChunks, function: Callable[..., pd.DataFrame], **settings) -> pd.DataFrame:
    """``function(tokens, **settings)``, ``tokens`` its first parameter; for token chunks read from a
    cache, the table is kept there, so that every notebook of a report that asks for it with the same
    tokens and settings reads it back. Settings that JSON cannot write exactly (tables, objects) and
    functions without a source module are computed every time, never kept."""
    if isinstance(tokens, pd.DataFrame) or not tokens.cached:
        return function(tokens, **settings)
    bound = inspect.signature(function).bind(tokens, **settings)
    bound.apply_defaults()
    every_setting = dict(list(bound.arguments.items())[1:])
    return tokens.remembered(function, lambda: function(tokens, **settings), **every_setting)


def token_chunks(
    corpus: Corpus,
    *,
    lemmatize_words: bool = True,
    extra_stopwords: list[str] | tuple[str, ...] = (),
    execution: Execution | None = None,
    articles_per_chunk: int = ARTICLES_COUNTED_AT_ONCE,
) -> TokenChunks:
    """The tokens of :func:`~presslens.text.tokens_table` (same options), read a chunk of ``articles_per_chunk`` articles
    at a time: for a corpus whose tokens are too many to hold (:class:`TokenChunks`)."""
    build = tokens_builder(lemmatize_words=lemmatize_words, extra_stopwords=extra_stopwords)
    return TokenChunks(corpus, build, execution, articles_per_chunk)


def chunks_of(tokens: pd.DataFrame | TokenChunks) -> Iterator[pd.DataFrame]:
    """The chunks of tokens: a table is one chunk."""
    return iter([tokens]) if isinstance(tokens, pd.DataFrame) else iter(tokens)


def summed_counts(parts: Iterable[pd.Series]) -> pd.Series:
    """Counts of several chunks added up by their index, in order of first appearance; folded as they
    come, so that memory follows the distinct keys, not the number of chunks."""
    total, pending, rows = None, [], 0
    for part in parts:
        pending.append(part)
        rows += len(part)
        if rows > max(len(total) if total is not None else 0, 1_000_000):
            total, pending, rows = _added(total, pending), [], 0
    return _added(total, pending)


def _added(total: pd.Series | None, parts: list[pd.Series]) -> pd.Series:
    parts = ([] if total is None else [total]) + parts
    if len(parts) == 1:
        return parts[0]
    if not parts:
        return pd.Series(dtype="int64", index=pd.Index([], dtype=object))
    levels = list(range(parts[0].index.nlevels))
    together = pd.concat([part.reset_index() for part in parts], ignore_index=True)  # columns: faster than indexes
    return together.groupby(list(together.columns[:-1]), sort=False, dropna=False)[together.columns[-1]].sum().rename_axis(
        [parts[0].index.names[level] for level in levels])
