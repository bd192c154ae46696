"""Read a corpus folder's files once: parsed results stored in Parquet, keyed by each file's bytes.

Parsing (decoding, cleaning, sentence splitting) is the slow part of loading. With a cache folder,
every file's result — its articles, or why it was skipped — is stored under the hash of the file's
path and bytes, the loader settings and presslens's data; the next load parses only new or changed files.
Files to parse are spread over worker processes when there are many.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from presslens.atomic import atomic_path
from presslens.documents import Article, Notice, Removal, SkippedFile
from presslens.engine import Execution, settings_key, worker_pool

#: Below this many files to parse, worker processes cost more than they save.
MIN_FILES_FOR_WORKERS = 1000
FileResult = tuple[list, list, list]  # (articles, skipped, notices)


def file_key(file: Path) -> str:
    """Hash of a file's path and bytes ('' when it cannot be read: it is then parsed, and reported, again).

    The path counts because results name their articles after it: two files with the same bytes are
    two articles.
    """
    digest = hashlib.sha1(str(file).encode("utf-8", "surrogatepass"))
    try:
        if not file.is_file():
            return ""  # reading a pipe or a device would block; the reader reports it
        with file.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):  # a huge file is hashed, never held in memory
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()[:20]


def read_files(
    files: list[Path],
    reader: Callable[[Path], FileResult],
    *,
    settings: dict,
    execution: Execution,
    hide_progress: bool | None,
    prepare: Callable[[], object] | None = None,
) -> list[FileResult]:
    """``reader(file)`` for every file, through the cache and worker processes.

    ``reader`` must be picklable (a module-level function or a ``functools.partial`` of one);
    ``settings`` are the loader settings the results depend on (they key the cache); ``prepare``
    loads what ``reader`` needs once, before worker processes start.
    """
    keys = [file_key(file) for file in files] if execution.cache_dir else [""] * len(files)
    stored = _read_store(execution, settings)
    results: list[FileResult | None] = [
        _decode(stored[key]) if key and key in stored else None for key in keys
    ]
    todo = [i for i, result in enumerate(results) if result is None]
    if execution.jobs > 1 and len(todo) >= MIN_FILES_FOR_WORKERS:
        with worker_pool(execution.jobs, prepare=prepare) as pool:
            parsed = list(tqdm(pool.map(reader, [files[i] for i in todo], chunksize=32), total=len(todo),
                               desc="loading articles", unit="file", disable=hide_progress))
    else:
        parsed = [reader(files[i]) for i in tqdm(todo, desc="loading articles", unit="file", disable=hide_progress)]
    for i, result in zip(todo, parsed):
        results[i] = result
        if keys[i] and file_key(files[i]) != keys[i]:
            keys[i] = ""  # changed or removed while it was read: reported, never remembered
    if execution.cache_dir and (todo or len(stored) != len(set(keys))):
        _write_store(execution, settings, {key: results[i] for i, key in enumerate(keys) if key})
    return results


def _store_path(execution: Execution, settings: dict) -> Path:
    return Path(execution.cache_dir) / f"files-{settings_key('files', settings)}.parquet"


def _read_store(execution: Execution, settings: dict) -> dict[str, str]:
    if not execution.cache_dir:
        return {}
    path = _store_path(execution, settings)
    if not path.exists():
        return {}
    try:
        table = pd.read_parquet(path)
    except Exception:  # noqa: BLE001 - a damaged store is rebuilt, never trusted
        return {}
    return dict(zip(table["key"], table["result"]))


def _write_store(execution: Execution, settings: dict, results: dict[str, FileResult]) -> None:
    table = pd.DataFrame({"key": list(results), "result": [_encode(result) for result in results.values()]})
    with atomic_path(_store_path(execution, settings)) as temporary:
        table.to_parquet(temporary, index=False)


def _encode(result: FileResult) -> str:
    articles, skipped, notices = result
    return json.dumps({
        "articles": [asdict(article) for article in articles],
        "skipped": [asdict(item) for item in skipped],
        "notices": [asdict(item) for item in notices],
    }, ensure_ascii=False)


def _decode(payload: str) -> FileResult:
    data = json.loads(payload)
    articles = []
    for item in data["articles"]:
        item["paragraph_spans"] = [tuple(span) for span in item["paragraph_spans"]]
        item["sentence_spans"] = [tuple(span) for span in item["sentence_spans"]]
        item["removed"] = [Removal(**removal) for removal in item["removed"]]
        articles.append(Article(**item))
    return articles, [SkippedFile(**item) for item in data["skipped"]], [Notice(**item) for item in data["notices"]]
