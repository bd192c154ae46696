"""Loading work done once: results stored in Parquet under a key of everything they depend on.

Loading has two slow steps, both per item: reading a file (decoding, extracting a web page,
splitting an export) and cleaning a draft into an article (sentence splitting). :func:`cached_map`
runs either through a store — a Parquet file of ``key -> result`` in the cache folder — and through
worker processes when there is much to do; the next load computes only new or changed items.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from presslens.atomic import atomic_path
from presslens.corpus.model import Article, Draft, Notice, Removal, SkippedFile
from presslens.engine import Execution, settings_key, worker_pool

#: Below this much work to do (in units of one text file), worker processes cost more than they save.
MIN_WORK_FOR_WORKERS = 1000


def file_key(file: Path) -> str:
    """Hash of a file's path and bytes ('' when it cannot be read: it is then read, and reported, again).

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


def cached_map(
    function: Callable,
    items: Sequence,
    keys: list[str],
    *,
    store: str,
    settings: dict,
    execution: Execution,
    work: Callable[[object], int] = lambda item: 1,
    prepare: Callable[[], object] | None = None,
    rekey: Callable[[object], str] | None = None,
    desc: str = "",
    hide_progress: bool | None = True,
) -> list:
    """``function(item)`` for every item, read from the store where its key is there.

    ``function`` must be picklable (a module-level function or a ``functools.partial`` of one). An
    empty key is never stored. ``settings`` key the store; ``work`` weighs an item (a web page is
    slower to read than a text file) to decide whether worker processes pay; ``prepare`` loads what
    ``function`` needs once, before worker processes start; ``rekey`` recomputes an item's key after
    the work, and a result whose key changed meanwhile (a file written while read) is not stored.
    """
    path = _store_path(execution, store, settings)
    stored = _read_store(path)
    results: list = [_decode(stored[key]) if key and key in stored else None for key in keys]
    todo = [i for i, result in enumerate(results) if result is None]
    if execution.jobs > 1 and sum(work(items[i]) for i in todo) >= MIN_WORK_FOR_WORKERS:
        with worker_pool(execution.jobs, prepare=prepare) as pool:
            done = list(tqdm(pool.map(function, [items[i] for i in todo], chunksize=16), total=len(todo),
                             desc=desc, unit="item", disable=hide_progress))
    else:
        done = [function(items[i]) for i in tqdm(todo, desc=desc, unit="item", disable=hide_progress)]
    keys = list(keys)
    for i, result in zip(todo, done):
        results[i] = result
        if rekey is not None and keys[i] and rekey(items[i]) != keys[i]:
            keys[i] = ""
    if path is not None and (todo or len(stored) != len(set(keys))):
        _write_store(path, {key: _encode(results[i]) for i, key in enumerate(keys) if key})
    return results


def content_key(*parts) -> str:
    """A key for what loading computed from these parts (JSON-serialisable values)."""
    payload = json.dumps(parts, sort_keys=True, default=_plain, ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _plain(value):
    return asdict(value) if hasattr(value, "__dataclass_fields__") else str(value)


def _store_path(execution: Execution, store: str, settings: dict) -> Path | None:
    if not execution.cache_dir:
        return None
    return Path(execution.cache_dir) / f"{store}-{settings_key(store, settings)}.parquet"


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


#: The result types a store holds, by the name stored with each.
_TYPES = {"Draft": Draft, "Article": Article, "SkippedFile": SkippedFile, "Notice": Notice}


def _encode(result) -> str:
    """A result — a dataclass, or lists and tuples of them — as JSON."""
    return json.dumps(_tagged(result), ensure_ascii=False)


def _tagged(value):
    if isinstance(value, (list, tuple)):
        return {"list": [_tagged(item) for item in value]}
    if value is None:
        return None
    return {"type": type(value).__name__, "fields": asdict(value)}


def _decode(payload: str):
    return _untagged(json.loads(payload))


def _untagged(value):
    if value is None:
        return None
    if "list" in value:
        return [_untagged(item) for item in value["list"]]
    fields = value["fields"]
    if "removed" in fields:
        fields["removed"] = [Removal(**removal) for removal in fields["removed"]]
    for name in ("paragraph_spans", "sentence_spans"):
        if name in fields:
            fields[name] = [tuple(span) for span in fields[name]]
    return _TYPES[value["type"]](**fields)
