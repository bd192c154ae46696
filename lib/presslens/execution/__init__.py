"""How per-article work is run: once (a Parquet cache), on all cores, or on a Dask cluster.

Everything presslens extracts from an article — its tokens, its actor mentions, the article itself
from its file — depends only on that article, the extractor and its settings. The caller holds an
:class:`Execution` and hands it to the functions that do such work (``load_corpus(path,
execution=run)``, ``tokens_table(corpus, execution=run)``); without one they compute in this process
and keep nothing. With one:

- **cache**: each article's rows are stored in Parquet (:mod:`~.rows`) under a key made of the
  extractor's own code, the data files that code declares, and its settings (:mod:`~.keys`); an
  article's rows are found again by a key of its content. Editing a plot or a widget keeps every
  cached table; editing the gazetteer recomputes the mentions, not the tokens. Whole results — one per
  item of :meth:`Execution.map`, or a table computed from every article — are kept too (:mod:`~.results`);
- **processes**: work not in the cache is split into chunks run by worker processes (``jobs``); the
  result is identical to a single process, chunk by chunk (:mod:`~.workers`);
- **dask**: the same chunks go to the workers of a ``dask.distributed`` cluster (a ``LocalCluster``
  when no scheduler address is given).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from tqdm import tqdm

from presslens.execution.keys import (article_key, code_fingerprint, extractor_key, file_digest, package_fingerprint,
                                      unwrapped)
from presslens.execution.results import keep_table, read_store, remembered_table, write_store
from presslens.execution.rows import (KEY_COLUMN, ChunkPlan, chunk_plan, covered_keys, handed_over, open_cached,
                                      read_rows, rows_of_articles, write_rows)
from presslens.execution.workers import (ARTICLES_PER_CHUNK, MIN_ARTICLES_FOR_WORKERS, MIN_WORK_FOR_WORKERS,
                                         built_parts, default_jobs, worker_pool)

__all__ = ["MIN_ARTICLES_FOR_WORKERS", "Execution", "TableChunks", "article_key", "code_fingerprint", "default_jobs",
           "extractor_key", "file_digest", "package_fingerprint"]

Engine = Literal["pandas", "dask"]
ENGINES: tuple[str, ...] = ("pandas", "dask")


@dataclass(frozen=True)
class Execution:
    """Where and how per-article work runs: a cache folder, worker processes, an engine.

    Parameters
    ----------
    cache_dir
        A folder where results are kept between runs; ``None``: nothing is kept.
    jobs
        Worker processes (``None``: every core this process may use).
    engine, scheduler
        ``"dask"`` runs extraction on a ``dask.distributed`` cluster at ``scheduler`` (default: a
        local cluster).
    """

    cache_dir: str | Path | None = None
    jobs: int | None = 1
    engine: Engine = "pandas"
    scheduler: str | None = None
    workers: int = field(init=False)

    def __post_init__(self):
        if self.engine not in ENGINES:
            raise ValueError(f"unknown engine {self.engine!r}: choose one of {', '.join(ENGINES)}")
        if self.jobs is not None and self.jobs < 1:
            raise ValueError("jobs must be 1 or more")
        object.__setattr__(self, "workers", self.jobs or default_jobs())
        if self.cache_dir:
            object.__setattr__(self, "cache_dir", str(self.cache_dir))

    def table(
        self,
        build: Callable[..., pd.DataFrame],
        corpus,
        *,
        columns: list[str],
        prepare: Callable[[], object] | None = None,
    ) -> pd.DataFrame:
        """A table with a ``doc_id`` column, built article by article: ``build(corpus)`` done once.

        ``build`` (a module-level function, or a ``functools.partial`` of one with its settings)
        turns a sub-corpus into the rows of its articles; ``columns`` are those of an empty result;
        ``prepare`` loads what ``build`` needs (models, word lists) once, before workers start.
        """
        keys = {article.doc_id: article_key(article) for article in corpus}
        path = self._store(build, corpus, keys, prepare)
        table = None if path is None else read_rows(path, set(keys.values()))
        if table is None:  # no cache folder, or its file damaged or replaced by another run meanwhile
            with contextlib.closing(self.built_parts(corpus, build, prepare)) as parts:
                parts = [part for part in parts if len(part)]
            table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)
        else:
            table = table.drop(columns=KEY_COLUMN)
            positions = table["doc_id"].map({doc_id: position for position, doc_id in enumerate(keys)}).astype(int)
            if not positions.is_monotonic_increasing:  # rows of articles cached by different runs
                table = table.iloc[np.argsort(positions.to_numpy(), kind="stable")].reset_index(drop=True)
        return table if len(table) else pd.DataFrame(columns=columns)

    def chunks(self, build: Callable[..., pd.DataFrame], corpus, *, columns: list[str],
               articles_per_chunk: int) -> TableChunks:
        """The rows :meth:`table` gives, as tables of ``articles_per_chunk`` whole articles in corpus order,
        read from the cache a row group at a time (built a chunk at a time without one): the rows of the
        whole corpus are never held at once. The result can be read again and again."""
        if articles_per_chunk < 1:
            raise ValueError(f"articles_per_chunk={articles_per_chunk}: use 1 or more")
        keys = {article.doc_id: article_key(article) for article in corpus}
        path = self._store(build, corpus, keys, None)
        stored = None if path is None else open_cached(path, read_dictionary=["doc_id"])
        plan = None if stored is None else chunk_plan(stored, list(keys.values()), articles_per_chunk)
        return TableChunks(self, build, corpus, columns, articles_per_chunk, keys, path, stored, plan)

    def store(self, build: Callable[..., pd.DataFrame], corpus, *, prepare: Callable[[], object] | None = None) -> Path | None:
        """Make sure the cache holds the rows of every article of ``corpus`` (see :meth:`table`) and return
        its Parquet file (``None`` without a cache folder).

        Missing articles are built chunk by chunk and written as they come, after the rows already
        stored; ``build`` must give the same column types in every chunk. A file that cannot be read
        is rebuilt whole, never trusted.
        """
        return self._store(build, corpus, {article.doc_id: article_key(article) for article in corpus}, prepare)

    def _store(self, build, corpus, keys: dict[str, str], prepare) -> Path | None:
        """:meth:`store`, the articles' keys already computed (hashing every text is not free)."""
        path = self._path(extractor_key(build), build)
        if path is None:
            return None
        stored = open_cached(path)
        done = covered_keys(stored)
        missing = [doc_id for doc_id, key in keys.items() if key not in done]
        if missing:
            try:
                self._write(path, stored if done else None, done, corpus, missing, keys, build, prepare)
            except (OSError, pa.ArrowException):  # stored rows that cannot be read: build everything again
                self._write(path, None, set(), corpus, list(keys), keys, build, prepare)
        return path

    def _write(self, path: Path, stored, done: set[str], corpus, missing: list[str], keys: dict, build, prepare) -> None:
        covered = done | {keys[doc_id] for doc_id in missing}
        with contextlib.closing(self.built_parts(corpus.select(missing), build, prepare)) as parts:
            write_rows(path, stored, covered, parts, keys)

    def built_parts(self, corpus, build, prepare, articles_per_chunk: int = ARTICLES_PER_CHUNK):
        """``build`` over the articles of ``corpus`` where this execution runs work, in corpus order."""
        return built_parts(corpus, build, workers=self.workers, engine=self.engine, scheduler=self.scheduler,
                           prepare=prepare, articles_per_chunk=articles_per_chunk)

    def map(
        self,
        function: Callable,
        items: Sequence,
        keys: list[str],
        *,
        encode: Callable[[object], str],
        decode: Callable[[str], object],
        work: Callable[[object], int] = lambda item: 1,
        prepare: Callable[[], object] | None = None,
        rekey: Callable[[object], str] | None = None,
        desc: str = "",
        hide_progress: bool | None = True,
    ) -> list:
        """``function(item)`` for every item, read from the cache where its key is there.

        ``function`` must be picklable; its code and settings key the store. An empty key is never
        stored. ``encode``/``decode`` turn a result into text and back; ``work`` weighs an item (a web
        page is slower to read than a text file) to decide whether worker processes pay; ``rekey``
        recomputes an item's key after the work, and a result whose key changed meanwhile (a file
        written while read) is not stored; ``hide_progress=None`` shows a progress bar on a terminal.
        """
        path = self._path(extractor_key(function), function)
        stored = read_store(path)
        results: list = [decode(stored[key]) if key and key in stored else None for key in keys]
        todo = [i for i, result in enumerate(results) if result is None]
        if self.workers > 1 and sum(work(items[i]) for i in todo) >= MIN_WORK_FOR_WORKERS:
            with worker_pool(self.workers, prepare=prepare) as pool:
                done = list(tqdm(pool.map(function, [items[i] for i in todo], chunksize=16), total=len(todo),
                                 desc=desc, unit="item", disable=hide_progress))
        else:
            done = [function(items[i]) for i in tqdm(todo, desc=desc, unit="item", disable=hide_progress)]
        keys = list(keys)
        for i, result in zip(todo, done):
            results[i] = result
            if rekey is not None and keys[i] and rekey(items[i]) != keys[i]:
                keys[i] = ""
        new = {keys[i]: encode(results[i]) for i in todo if keys[i]}
        if path is not None and new:
            write_store(path, {**stored, **new})  # what other runs stored stays
        return results

    def result_path(self, function: Callable, inputs: str) -> Path | None:
        """The cache file for the whole result of ``function`` on inputs whose key is ``inputs``: named
        like the tables, after ``function``'s code and settings, then ``inputs`` (``None`` without a cache folder)."""
        path = self._path(extractor_key(function), function)
        return None if path is None else path.with_name(f"{path.stem}-{inputs}{path.suffix}")

    def _path(self, key: str, build: Callable) -> Path | None:
        if not self.cache_dir:
            return None
        name = getattr(unwrapped(build), "__name__", "table")
        return Path(self.cache_dir) / f"{name}-{key}.parquet"


@dataclass(frozen=True, eq=False)
class TableChunks:
    """A table of :meth:`Execution.chunks`: iterate over it for its chunks."""

    execution: Execution = field(repr=False)
    build: Callable = field(repr=False)
    corpus: object = field(repr=False)
    columns: list[str] = field(repr=False)
    articles_per_chunk: int
    keys: dict[str, str] = field(repr=False)  # doc_id: article key, in corpus order
    path: Path | None
    stored: pq.ParquetFile | None = field(repr=False)
    plan: list[ChunkPlan] | None = field(repr=False)

    def __iter__(self):
        if self.plan is None:
            yield from self._built_or_whole()
            return
        keys = list(self.keys.values())
        last_read: tuple[int, pa.Table] | None = None  # a row group that two chunks share is read once
        for chunk in self.plan:
            wanted = pa.array(keys[chunk.start:chunk.stop], type=pa.string())
            if not chunk.groups:
                continue
            try:
                parts = []
                for group in chunk.groups:
                    if last_read is None or last_read[0] != group:
                        last_read = (group, self.stored.read_row_group(group))
                    parts.append(rows_of_articles(last_read[1], wanted))
                table = handed_over(pa.concat_tables(parts))
                del parts
            except (OSError, pa.ArrowException) as error:
                raise OSError(f"the cached table {self.path} could not be read: delete it and run again ({error})") from error
            if not chunk.in_order:  # rows cached by runs over other corpora: put back in corpus order
                position = {key: number for number, key in enumerate(keys[chunk.start:chunk.stop])}
                order = np.argsort(table[KEY_COLUMN].astype(str).map(position).to_numpy(), kind="stable")
                table = table.iloc[order].reset_index(drop=True)
            yield table.drop(columns=KEY_COLUMN)

    def remembered(self, function: Callable, compute: Callable[[], pd.DataFrame], settings: dict) -> pd.DataFrame:
        """``compute()``, a table kept in the cache under ``function``'s code, the articles of these rows, the
        code that reads them and ``settings``: read back by every later call (another notebook of a report)
        that asks the same. Settings JSON cannot write exactly, and a function without a source module
        (defined in a notebook), are computed every time."""
        return remembered_table(self._remembered_path(function, settings), compute)

    def keep(self, function: Callable, table: pd.DataFrame, settings: dict) -> None:
        """Keep ``table`` as what :meth:`remembered` computes for ``function`` and ``settings``: a table
        made along the way by another computation is read back, not computed again."""
        keep_table(self._remembered_path(function, settings), table)

    def _remembered_path(self, function: Callable, settings: dict) -> Path | None:
        try:
            inputs = json.dumps([extractor_key(self.build), code_fingerprint(__name__), list(self.keys.values()),
                                 settings], sort_keys=True)
            return self.execution.result_path(function, hashlib.sha1(inputs.encode()).hexdigest()[:20])
        except (TypeError, ValueError, ImportError):
            return None

    def _built_or_whole(self):
        """Without a plan: chunks built here (no cache), or, when the cached file cannot be read, the
        table :meth:`Execution.table` rebuilds, cut in chunks."""
        if self.path is None:
            with contextlib.closing(self.execution.built_parts(self.corpus, self.build, None,
                                                               self.articles_per_chunk)) as parts:
                yield from (part for part in parts if len(part))
            return
        table = self.execution.table(self.build, self.corpus, columns=self.columns)
        if not len(table):
            return
        documents = pd.factorize(table["doc_id"])[0] // self.articles_per_chunk
        for rows in pd.Series(documents).groupby(documents).indices.values():
            yield table.iloc[rows].reset_index(drop=True)
