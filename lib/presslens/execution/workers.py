"""Where per-article work runs: in this process, in worker processes, or on a Dask cluster — always in
chunks of consecutive articles, handed back in corpus order, so the result is the same everywhere."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

#: Below this many articles to extract, worker processes cost more than they save.
MIN_ARTICLES_FOR_WORKERS = 40
#: Below this much work to map (in units of one text file), worker processes cost more than they save.
MIN_WORK_FOR_WORKERS = 1000
#: Articles built and written at a time: memory stays bounded however large the corpus.
ARTICLES_PER_CHUNK = 500


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


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


def built_parts(corpus, build: Callable, *, workers: int, engine: str, scheduler: str | None,
                prepare: Callable[[], object] | None, articles_per_chunk: int = ARTICLES_PER_CHUNK):
    """``build`` over the articles of ``corpus``, about ``articles_per_chunk`` at a time, in corpus order."""
    if not len(corpus):
        return
    if engine == "dask":
        yield from _build_with_dask(corpus, build, workers=workers, scheduler=scheduler, prepare=prepare)
        return
    if workers == 1 or len(corpus) < MIN_ARTICLES_FOR_WORKERS:
        yield from map(build, split_corpus(corpus, max(1, len(corpus) // articles_per_chunk)))
        return
    chunks = split_corpus(corpus, max(workers * 4, len(corpus) // articles_per_chunk))
    with worker_pool(min(workers, len(chunks)), prepare=prepare) as pool:
        yield from pool.map(build, chunks)


def split_corpus(corpus, count: int) -> list:
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


def _build_with_dask(corpus, build, *, workers: int, scheduler: str | None, prepare):
    """``build`` over ``corpus`` on a ``dask.distributed`` cluster, the parts in corpus order."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as error:
        raise ValueError("the dask engine needs the optional extra: pip install 'presslens[dask]'") from error
    if scheduler:
        with Client(scheduler) as client:
            yield from _map_on_cluster(client, corpus, build, prepare)
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as client:
            yield from _map_on_cluster(client, corpus, build, prepare)


def _map_on_cluster(client, corpus, build, prepare):
    """Load the models on every worker once, then build the chunks (at least two per worker), each
    part handed back as soon as it and those before it are done."""
    workers = max(len(client.scheduler_info()["workers"]), 1)
    if prepare:
        client.run(prepare)
    chunks = split_corpus(corpus, max(workers * 2, len(corpus) // ARTICLES_PER_CHUNK))
    futures = client.map(build, chunks, pure=False)
    for future in futures:
        yield future.result()
        future.release()
