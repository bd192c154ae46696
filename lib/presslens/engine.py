"""How per-article work is run: once (a Parquet cache), on all cores, or on a Dask cluster.

Everything presslens extracts from an article — its tokens, its actor mentions — depends only on
that article and the settings. :func:`per_article_table` exploits this three ways:

- **cache**: with a cache folder, each article's rows are stored in Parquet under a key made of the
  article's content, the presslens version, its data files and the settings; a second run reads them,
  and a changed article recomputes only its own rows;
- **processes**: articles not in the cache are split into chunks and extracted in worker processes
  (``jobs``); the result is identical to a single process, chunk by chunk;
- **dask**: the same chunks go to the workers of a ``dask.distributed`` cluster (a ``LocalCluster``
  when no scheduler address is given), and the tables come back to be concatenated.
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Literal

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from presslens import __version__
from presslens.atomic import atomic_path

Engine = Literal["pandas", "dask"]
ENGINES: tuple[str, ...] = ("pandas", "dask")
#: Below this many articles to extract, worker processes cost more than they save.
MIN_ARTICLES_FOR_WORKERS = 40
KEY_COLUMN = "_article_key"
COVERED_KEYS = b"presslens_covered_articles"


@dataclass(frozen=True)
class Execution:
    """Where and how per-article work runs: a cache folder, worker processes, an engine."""

    cache_dir: str | None = None
    jobs: int = 1
    engine: Engine = "pandas"
    scheduler: str | None = None

    def __post_init__(self):
        if self.engine not in ENGINES:
            raise ValueError(f"unknown engine {self.engine!r}: choose one of {', '.join(ENGINES)}")
        if self.jobs < 1:
            raise ValueError("jobs must be 1 or more")


SERIAL = Execution()


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@functools.cache
def data_fingerprint() -> str:
    """A hash of presslens itself: its version, its code and its data files (gazetteer, rules, lexicons…).

    Any change to what extracts the tables invalidates the tables cached with the previous one.
    """
    digest = hashlib.sha1(__version__.encode())
    package = Path(str(importlib_resources.files("presslens")))
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def settings_key(kind: str, settings: dict) -> str:
    """The cache key of a table kind under given settings (files named in settings count by content)."""
    described = {}
    for name, value in sorted(settings.items()):
        if isinstance(value, str) and value and Path(value).is_file():
            value = hashlib.sha1(Path(value).read_bytes()).hexdigest()
        described[name] = value
    payload = json.dumps([kind, data_fingerprint(), described], sort_keys=True, default=str)
    return hashlib.sha1(payload.encode()).hexdigest()[:16]


def article_key(article) -> str:
    """A key that changes whenever anything an extractor reads of the article changes."""
    digest = hashlib.sha1(article.doc_id.encode())
    digest.update(b"\0")
    digest.update(article.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]


def per_article_table(
    corpus,
    kind: str,
    settings: dict,
    build: Callable[..., pd.DataFrame],
    *,
    columns: list[str],
    prepare: Callable[[], object] | None = None,
) -> pd.DataFrame:
    """A table with a ``doc_id`` column built article by article, through the corpus's cache and workers.

    Parameters
    ----------
    corpus
        The loaded corpus; ``corpus.execution`` says where to cache and how to run.
    kind, settings
        Name the table and everything besides the article text that its rows depend on.
    build
        A picklable function from a (sub-)corpus to the table of its articles.
    columns
        The table's columns, for an empty result.
    prepare
        Loads what ``build`` needs (models, word lists) once, before worker processes start.
    """
    execution = getattr(corpus, "execution", SERIAL)
    keys = {article.doc_id: article_key(article) for article in corpus}
    cached, done = _read_cached(execution, kind, settings)
    missing = [doc_id for doc_id, key in keys.items() if key not in done]
    fresh = _build_missing(corpus, missing, build, execution, prepare)
    wanted = set(keys.values())
    parts = [cached[cached[KEY_COLUMN].isin(wanted)]] if cached is not None else []
    if fresh is not None and len(fresh):
        parts.append(fresh.assign(**{KEY_COLUMN: fresh["doc_id"].astype(str).map(keys)}))
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=[*columns, KEY_COLUMN])
    if execution.cache_dir and done != wanted:
        _write_cached(execution, kind, settings, table, wanted)
    order = {doc_id: position for position, doc_id in enumerate(keys)}
    table = table.drop(columns=KEY_COLUMN)
    if len(table):
        table = table.assign(_order=table["doc_id"].astype(str).map(order)).sort_values("_order", kind="stable")
        table = table.drop(columns="_order").reset_index(drop=True)
    return table if len(table) else pd.DataFrame(columns=columns)


def _cache_path(execution: Execution, kind: str, settings: dict) -> Path:
    return Path(execution.cache_dir) / f"{kind}-{settings_key(kind, settings)}.parquet"


def _read_cached(execution: Execution, kind: str, settings: dict) -> tuple[pd.DataFrame | None, set[str]]:
    """The cached rows and the keys of the articles they cover (an article may have no rows)."""
    if not execution.cache_dir:
        return None, set()
    try:
        stored = pq.read_table(_cache_path(execution, kind, settings))
        covered = set(json.loads(stored.schema.metadata[COVERED_KEYS]))
        return stored.to_pandas(), covered
    except Exception:  # noqa: BLE001 - a missing or damaged cache is rebuilt, never trusted
        return None, set()


def _write_cached(execution: Execution, kind: str, settings: dict, table: pd.DataFrame, covered: set[str]) -> None:
    """Rows and covered keys in one Parquet file, written atomically: they can never disagree."""
    stored = pa.Table.from_pandas(table, preserve_index=False)
    metadata = {**(stored.schema.metadata or {}), COVERED_KEYS: json.dumps(sorted(covered)).encode()}
    with atomic_path(_cache_path(execution, kind, settings)) as temporary:
        pq.write_table(stored.replace_schema_metadata(metadata), temporary)


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


def _build_missing(corpus, missing: list[str], build, execution: Execution, prepare) -> pd.DataFrame | None:
    if not missing:
        return None
    subset = corpus.select(missing)
    if execution.engine == "dask":
        return _build_with_dask(subset, build, execution, prepare)
    if execution.jobs == 1 or len(missing) < MIN_ARTICLES_FOR_WORKERS:
        return build(subset)
    chunks = _chunks(subset, execution.jobs * 4)
    with worker_pool(min(execution.jobs, len(chunks)), prepare=prepare) as pool:
        return pd.concat(pool.map(build, chunks), ignore_index=True)


def _chunks(corpus, count: int) -> list:
    """About ``count`` sub-corpora of consecutive articles, balanced by text length."""
    articles = list(corpus)
    total = sum(len(article.text) for article in articles) or 1
    target = total / max(count, 1)
    chunks, current, size = [], [], 0
    for article in articles:
        current.append(article.doc_id)
        size += len(article.text)
        if size >= target:
            chunks.append(corpus.select(current))
            current, size = [], 0
    if current:
        chunks.append(corpus.select(current))
    return chunks


def _build_with_dask(corpus, build, execution: Execution, prepare) -> pd.DataFrame:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise ValueError("the dask engine needs the optional extra: pip install 'presslens[dask]'") from error
    if execution.scheduler:
        with Client(execution.scheduler) as client:
            return _map_on_cluster(client, corpus, build, prepare)
    with LocalCluster(n_workers=execution.jobs, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            return _map_on_cluster(client, corpus, build, prepare)


def _map_on_cluster(client, corpus, build, prepare) -> pd.DataFrame:
    """Load the models on every worker once, then build two partitions of articles per worker."""
    workers = max(len(client.scheduler_info()["workers"]), 1)
    if prepare:
        client.run(prepare)
    chunks = _chunks(corpus, workers * 2)
    return pd.concat(client.gather(client.map(build, chunks, pure=False)), ignore_index=True)
