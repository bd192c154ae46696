"""How per-article work is run: once (a Parquet cache), on all cores, or on a Dask cluster.

Everything presslens extracts from an article — its tokens, its actor mentions, the article itself
from its file — depends only on that article, the extractor and its settings. The caller holds an
:class:`Execution` and hands it to the functions that do such work (``load_corpus(path,
execution=run)``, ``tokens_table(corpus, execution=run)``); without one they compute in this process
and keep nothing. With one:

- **cache**: each article's rows are stored in Parquet under a key made of the extractor's own code
  (its module and the presslens modules it imports), the data files that code reads, and its
  settings; an article's rows are found again by a key of its content. Editing a plot or a widget
  keeps every cached table; editing the gazetteer recomputes the mentions, not the tokens;
- **processes**: work not in the cache is split into chunks run by worker processes (``jobs``); the
  result is identical to a single process, chunk by chunk;
- **dask**: the same chunks go to the workers of a ``dask.distributed`` cluster (a ``LocalCluster``
  when no scheduler address is given).
"""

from __future__ import annotations

import ast
import contextlib
import functools
import hashlib
import importlib.util
import json
import multiprocessing
import os
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
from tqdm import tqdm

from presslens import __version__
from presslens.atomic import atomic_path

Engine = Literal["pandas", "dask"]
ENGINES: tuple[str, ...] = ("pandas", "dask")
#: Below this many articles to extract, worker processes cost more than they save.
MIN_ARTICLES_FOR_WORKERS = 40
#: Below this much work to map (in units of one text file), worker processes cost more than they save.
MIN_WORK_FOR_WORKERS = 1000
#: Articles built and written at a time: memory stays bounded however large the corpus.
ARTICLES_PER_CHUNK = 500
KEY_COLUMN = "_article_key"
COVERED_KEYS = b"presslens_covered_articles"
#: A data file of the package named in code: ``data/gazetteer.yaml``.
_DATA_FILE = re.compile(r"data/([\w.-]+)")


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
            with contextlib.closing(self._built_parts(corpus, corpus.doc_ids, build, prepare)) as parts:
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
        stored = None if path is None else _open_cached(path, read_dictionary=["doc_id"])
        plan = None if stored is None else _chunk_plan(stored, list(keys.values()), articles_per_chunk)
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
        stored = _open_cached(path)
        done = covered_keys(stored)
        missing = [doc_id for doc_id, key in keys.items() if key not in done]
        if missing:
            try:
                self._write(path, stored, done, corpus, missing, keys, build, prepare)
            except (OSError, pa.ArrowException):  # stored rows that cannot be read: build everything again
                self._write(path, None, set(), corpus, list(keys), keys, build, prepare)
        return path

    def _write(self, path: Path, stored, done: set[str], corpus, missing: list[str], keys: dict, build, prepare) -> None:
        """The stored rows, then those of the ``missing`` articles, into a new file that replaces ``path``.

        Rows are kept by article key (doc_id and text), so the cache keeps every version it has seen:
        another run may want the articles this one did not ask for.
        """
        metadata = {COVERED_KEYS: json.dumps(sorted(done | {keys[doc_id] for doc_id in missing})).encode()}
        writer = None
        with atomic_path(path) as temporary, contextlib.closing(self._built_parts(corpus, missing, build, prepare)) as parts:
            try:
                for group in range(stored.num_row_groups if stored is not None and done else 0):
                    rows = stored.read_row_group(group)
                    writer = writer or pq.ParquetWriter(temporary, rows.schema.with_metadata(metadata))
                    writer.write_table(rows.replace_schema_metadata(metadata))
                for part in parts:
                    if not len(part):
                        continue
                    rows = _with_article_keys(pa.Table.from_pandas(part, preserve_index=False), keys)
                    writer = writer or pq.ParquetWriter(temporary, rows.schema.with_metadata(metadata))
                    writer.write_table(rows.cast(writer.schema))
                if writer is None:  # no article has a row: the file still records which were done
                    schema = pa.schema([("doc_id", pa.string()), (KEY_COLUMN, pa.string())], metadata=metadata)
                    writer = pq.ParquetWriter(temporary, schema)
            finally:
                if writer is not None:
                    writer.close()

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
        stored = _read_store(path)
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
            _write_store(path, {**stored, **new})  # what other runs stored stays
        return results

    def result_path(self, function: Callable, inputs: str) -> Path | None:
        """The cache file for the whole result of ``function`` on inputs whose key is ``inputs``: named
        like the tables, after ``function``'s code and settings, then ``inputs`` (``None`` without a cache folder)."""
        path = self._path(extractor_key(function), function)
        return None if path is None else path.with_name(f"{path.stem}-{inputs}{path.suffix}")

    def _path(self, key: str, build: Callable) -> Path | None:
        if not self.cache_dir:
            return None
        name = getattr(_unwrapped(build), "__name__", "table")
        return Path(self.cache_dir) / f"{name}-{key}.parquet"

    def _built_parts(self, corpus, doc_ids: list[str], build, prepare, articles_per_chunk: int = ARTICLES_PER_CHUNK):
        """``build`` over the articles ``doc_ids``, about ``articles_per_chunk`` at a time, in corpus order."""
        if not doc_ids:
            return
        subset = corpus.select(doc_ids)
        if self.engine == "dask":
            yield from _build_with_dask(subset, build, self, prepare)
            return
        if self.workers == 1 or len(doc_ids) < MIN_ARTICLES_FOR_WORKERS:
            yield from map(build, _chunks(subset, max(1, len(doc_ids) // articles_per_chunk)))
            return
        chunks = _chunks(subset, max(self.workers * 4, len(doc_ids) // articles_per_chunk))
        with worker_pool(min(self.workers, len(chunks)), prepare=prepare) as pool:
            yield from pool.map(build, chunks)


@dataclass(frozen=True)
class ChunkPlan:
    """The row groups holding the rows of the articles ``start`` to ``stop`` (in corpus order), and whether
    reading them one after the other gives the rows in corpus order."""

    groups: list[int]
    start: int
    stop: int
    in_order: bool


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
                    parts.append(_rows_of_articles(last_read[1], wanted))
                table = _handed_over(pa.concat_tables(parts))
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
        path = self._remembered_path(function, settings)
        if path is not None and path.is_file():
            try:
                return pd.read_parquet(path)
            except (OSError, ValueError, pa.ArrowException):  # damaged: computed again
                pass
        table = compute()
        self._keep(path, table)
        return table

    def keep(self, function: Callable, table: pd.DataFrame, settings: dict) -> None:
        """Keep ``table`` as what :meth:`remembered` computes for ``function`` and ``settings``: a table
        made along the way by another computation is read back, not computed again."""
        self._keep(self._remembered_path(function, settings), table)

    def _remembered_path(self, function: Callable, settings: dict) -> Path | None:
        try:
            inputs = json.dumps([extractor_key(self.build), code_fingerprint(__name__), list(self.keys.values()),
                                 settings], sort_keys=True)
            return self.execution.result_path(function, hashlib.sha1(inputs.encode()).hexdigest()[:20])
        except (TypeError, ValueError, ImportError):
            return None

    @staticmethod
    def _keep(path: Path | None, table: pd.DataFrame) -> None:
        if path is None:
            return
        try:
            with atomic_path(path) as temporary:
                table.to_parquet(temporary, index=False)
        except (OSError, ValueError, TypeError, pa.ArrowException):  # a table Parquet cannot hold: not kept
            pass

    def _built_or_whole(self):
        """Without a plan: chunks built here (no cache), or, when the cached file cannot be read, the
        table :meth:`Execution.table` rebuilds, cut in chunks."""
        if self.path is None:
            with contextlib.closing(self.execution._built_parts(self.corpus, list(self.keys), self.build, None,
                                                                self.articles_per_chunk)) as parts:
                yield from (part for part in parts if len(part))
            return
        table = self.execution.table(self.build, self.corpus, columns=self.columns)
        if not len(table):
            return
        documents = pd.factorize(table["doc_id"])[0] // self.articles_per_chunk
        for rows in pd.Series(documents).groupby(documents).indices.values():
            yield table.iloc[rows].reset_index(drop=True)


def _chunk_plan(stored: pq.ParquetFile, keys: list[str], articles_per_chunk: int) -> list[ChunkPlan] | None:
    """Which row groups to read for each chunk of ``articles_per_chunk`` articles (``keys`` in corpus order);
    ``None`` when the file cannot be read or lacks an article."""
    position = {key: number for number, key in enumerate(keys)}
    if not set(position) <= covered_keys(stored):
        return None
    groups_of: dict[int, list[int]] = {}  # article position: the row groups holding its rows
    in_group: list[list[int]] = []  # per row group: the positions of its articles, in the order of its rows
    try:
        for group in range(stored.num_row_groups):
            present = stored.read_row_group(group, columns=[KEY_COLUMN]).column(0).unique().to_pylist()
            in_group.append([position[key] for key in present if key in position])
            for number in in_group[-1]:
                groups_of.setdefault(number, []).append(group)
    except (OSError, pa.ArrowException):
        return None
    plan = []
    for start in range(0, len(keys), articles_per_chunk):
        stop = min(start + articles_per_chunk, len(keys))
        groups = sorted({group for number in range(start, stop) for group in groups_of.get(number, [])})
        sequence = [number for group in groups for number in in_group[group] if start <= number < stop]
        plan.append(ChunkPlan(groups, start, stop, all(a <= b for a, b in zip(sequence, sequence[1:]))))
    return plan


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extractor_key(build: Callable) -> str:
    """A key that changes whenever anything ``build`` computes from an article could change.

    It hashes the presslens version, the code of the module defining ``build`` and of every presslens
    module it imports (transitively), the package data files that code names, and the settings bound
    to ``build`` by ``functools.partial`` (a setting naming a file counts by the file's content).
    """
    function = _unwrapped(build)
    settings = {}
    while isinstance(build, functools.partial):
        settings = {**build.keywords, **settings}
        build = build.func
    described = {name: _described(value) for name, value in sorted(settings.items())}
    payload = json.dumps([f"{function.__module__}.{function.__qualname__}", code_fingerprint(function.__module__),
                          described], sort_keys=True, default=str)
    return hashlib.sha1(payload.encode()).hexdigest()[:16]


@functools.cache
def package_fingerprint() -> str:
    """A hash of all of presslens: its version, code and data files (what a report page is made with)."""
    package = Path(str(importlib_resources.files("presslens")))
    digest = hashlib.sha1(__version__.encode())
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _unwrapped(build: Callable) -> Callable:
    while isinstance(build, functools.partial):
        build = build.func
    return build


def file_digest(path: str | Path | None) -> str:
    """A hash of a file's content ('' when ``path`` names no file): what a result read from it depends on."""
    return hashlib.sha1(Path(path).read_bytes()).hexdigest() if path and Path(path).is_file() else ""


def _described(value):
    return (file_digest(value) or value) if isinstance(value, (str, Path)) else value


@functools.cache
def code_fingerprint(module: str) -> str:
    """A hash of the presslens version, of ``module`` and the presslens modules it imports, and of the data they name."""
    package = Path(str(importlib_resources.files("presslens")))
    digest = hashlib.sha1(__version__.encode())
    data_files: set[str] = set()
    for path in sorted(_module_closure(module)):
        source = path.read_bytes()
        digest.update((path.relative_to(package).as_posix() if path.is_relative_to(package) else path.name).encode())
        digest.update(source)
        data_files.update(_DATA_FILE.findall(source.decode("utf-8")))
    for name in sorted(data_files):
        data = package / "data" / name
        if data.is_file():
            digest.update(name.encode())
            digest.update(data.read_bytes())
    return digest.hexdigest()[:16]


def _module_closure(module: str) -> set[Path]:
    """The source files of ``module`` and of every presslens module it imports, directly or not."""
    seen: set[Path] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        try:
            spec = importlib.util.find_spec(name)
        except ImportError:  # ``from presslens.x import name``: a name inside a module, not a module
            continue
        if spec is None or not spec.origin or not spec.origin.endswith(".py"):
            continue
        path = Path(spec.origin)
        if path in seen:
            continue
        seen.add(path)
        todo.extend(_presslens_imports(path, name, is_package=path.name == "__init__.py"))
    return seen


def _presslens_imports(path: Path, module: str, *, is_package: bool) -> list[str]:
    """The presslens modules a source file imports at run time (``from presslens.x import y`` also names
    ``presslens.x.y``); imports for type checking only do not count."""
    package = module if is_package else module.rpartition(".")[0]
    tree = ast.parse(path.read_text("utf-8"))
    typing_only = {id(node) for block in ast.walk(tree) if isinstance(block, ast.If)
                   and "TYPE_CHECKING" in ast.unparse(block.test) for node in ast.walk(block)}
    names = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            names.append(base)
            names.extend(f"{base}.{alias.name}" for alias in node.names)
    return [name for name in names if name == "presslens" or name.startswith("presslens.")]


def article_key(article) -> str:
    """A key that changes whenever anything an extractor reads of the article changes."""
    digest = hashlib.sha1(article.doc_id.encode())
    digest.update(b"\0")
    digest.update(article.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]


def _open_cached(path: Path, **options) -> pq.ParquetFile | None:
    """A cached table, opened once (its covered keys and rows are then read from the same file, even if
    another run replaces it meanwhile); ``None`` when missing or unreadable."""
    try:
        return pq.ParquetFile(path, **options)
    except (OSError, pa.ArrowException):
        return None


def covered_keys(stored: pq.ParquetFile | None) -> set[str]:
    """The keys of the articles a cached table covers (an article may have no rows); none when there is
    no table or it does not say, which is then rebuilt, never trusted."""
    try:
        return set(json.loads(stored.schema_arrow.metadata[COVERED_KEYS]))
    except Exception:  # noqa: BLE001
        return set()


def read_rows(path: Path, keys: set[str]) -> pd.DataFrame | None:
    """The rows of a cached table that belong to the articles of ``keys``; ``None`` when the file cannot
    be read or does not cover them all (another run replaced it meanwhile)."""
    stored = _open_cached(path, read_dictionary=["doc_id"])
    if stored is None or not keys <= covered_keys(stored):
        return None
    wanted = pa.array(sorted(keys), type=pa.string())
    try:  # a group at a time: rows of other articles are never all held
        groups = [_rows_of_articles(stored.read_row_group(group), wanted) for group in range(stored.num_row_groups)]
    except (OSError, pa.ArrowException):
        return None
    return _handed_over(pa.concat_tables(groups) if groups else stored.schema_arrow.empty_table())


def _with_article_keys(rows: pa.Table, keys: dict[str, str]) -> pa.Table:
    """``rows`` with doc_id as plain text and, after the last column, each row's article key: made from
    the distinct doc_ids, never a Python string per row."""
    column = rows["doc_id"]
    articles = (column if pa.types.is_dictionary(column.type) else pc.dictionary_encode(column)).combine_chunks()
    names = articles.dictionary.cast(pa.large_string()).to_pylist()
    of_names = pa.array([keys.get(name) for name in names], pa.large_string())
    article_keys = pa.DictionaryArray.from_arrays(articles.indices, of_names)
    rows = rows.set_column(rows.schema.get_field_index("doc_id"), "doc_id", articles.cast(pa.large_string()))
    return rows.append_column(KEY_COLUMN, article_keys.cast(pa.large_string()))


def _rows_of_articles(rows: pa.Table, wanted: pa.Array) -> pa.Table:
    """The rows (of one row group) that belong to the articles whose keys are ``wanted``."""
    in_keys = pc.is_in(rows[KEY_COLUMN], value_set=wanted)
    return rows if pc.all(in_keys).as_py() else rows.filter(in_keys)  # a filter copies: only when needed


def _handed_over(table: pa.Table) -> pd.DataFrame:
    """``table`` in pandas, its columns handed over one by one (never all held twice), the freed buffers
    given back by pyarrow's pool; doc_id comes as a category."""
    rows = table.to_pandas(split_blocks=True, self_destruct=True)
    del table
    pa.default_memory_pool().release_unused()
    return rows


def _read_store(path: Path | None) -> dict[str, str]:
    if path is None or not path.exists():
        return {}
    try:
        table = pd.read_parquet(path)
    except Exception:  # noqa: BLE001 - a damaged store is rebuilt, never trusted
        return {}
    return dict(zip(table["key"], table["result"]))


def _write_store(path: Path, results: dict[str, str]) -> None:
    table = pd.DataFrame({"key": list(results), "result": list(results.values())})
    with atomic_path(path) as temporary:
        table.to_parquet(temporary, index=False)


def worker_pool(jobs: int, *, prepare: Callable[[], object] | None = None) -> ProcessPoolExecutor:
    """Worker processes that start with what this process has loaded.

    Where the platform can fork, ``prepare`` (loading models and word lists) runs here first and the
    workers inherit the result instead of loading it again; elsewhere workers start fresh.
    """
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        if prepare:
            prepare()
        return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"))


def _chunks(corpus, count: int) -> list:
    """About ``count`` sub-corpora of consecutive articles, balanced by text length."""
    articles = list(corpus)
    total = sum(len(article.text) for article in articles) or 1
    target = total / max(count, 1)
    chunks, current, size = [], [], 0
    for article in articles:
        current.append(article)
        size += len(article.text)
        if size >= target:
            chunks.append(type(corpus)(root=corpus.root, articles=current))
            current, size = [], 0
    if current:
        chunks.append(type(corpus)(root=corpus.root, articles=current))
    return chunks


def _build_with_dask(corpus, build, execution: Execution, prepare):
    """``build`` over ``corpus`` on a ``dask.distributed`` cluster, the parts in corpus order."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise ValueError("the dask engine needs the optional extra: pip install 'presslens[dask]'") from error
    if execution.scheduler:
        with Client(execution.scheduler) as client:
            yield from _map_on_cluster(client, corpus, build, prepare)
        return
    with LocalCluster(n_workers=execution.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield from _map_on_cluster(client, corpus, build, prepare)


def _map_on_cluster(client, corpus, build, prepare):
    """Load the models on every worker once, then build the chunks (at least two per worker), each
    part handed back as soon as it and those before it are done."""
    workers = max(len(client.scheduler_info()["workers"]), 1)
    if prepare:
        client.run(prepare)
    chunks = _chunks(corpus, max(workers * 2, len(corpus) // ARTICLES_PER_CHUNK))
    futures = client.map(build, chunks, pure=False)
    for future in futures:
        yield future.result()
        future.release()
