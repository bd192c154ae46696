"""What loading keeps in a cache: the keys of its work and its results as text.

Loading has two slow steps, both per item: reading a file (decoding, extracting a web page,
splitting an export) and cleaning a draft into an article (sentence splitting). Given an
:class:`~presslens.execution.Execution`, both run through its cache (:meth:`~presslens.execution.Execution.map`):
a file's results are keyed by its path and bytes, an article's by the draft and chrome it is cleaned
from, and stored as the JSON of :func:`encode`.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
from dataclasses import fields, is_dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from presslens.atomic import atomic_path
from presslens.corpus.model import Article, Corpus, Draft, Notice, Removal, SkippedFile


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


def content_key(*parts) -> str:
    """A key for what loading computed from these parts (JSON-serialisable values)."""
    payload = json.dumps(parts, sort_keys=True, default=_plain, ensure_ascii=False)
    return hashlib.sha1(payload.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def _plain(value):
    return _fields(value) if is_dataclass(value) else str(value)


#: The result types a store holds, by the name stored with each.
_TYPES = {"Draft": Draft, "Article": Article, "SkippedFile": SkippedFile, "Notice": Notice}


def encode(result) -> str:
    """A result — a dataclass, or lists and tuples of them — as JSON."""
    return json.dumps(_tagged(result), ensure_ascii=False, default=_fields)


def _tagged(value):
    if isinstance(value, (list, tuple)):
        return {"list": [_tagged(item) for item in value]}
    if value is None:
        return None
    return {"type": type(value).__name__, "fields": _fields(value)}


def _fields(value) -> dict:
    """A dataclass's fields by name, not copied: JSON turns the dataclasses inside it by this same function."""
    if not is_dataclass(value):
        raise TypeError(f"cannot store a {type(value).__name__}")
    return {item.name: getattr(value, item.name) for item in fields(value)}


def decode(payload: str):
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


def write_snapshot(path: Path, corpus: Corpus) -> None:
    """Keep a loaded corpus whole in ``path`` (named ``…-<folder and columns>-<files>``), in place of the
    snapshots of earlier versions of the same folder's files."""
    parts = {"article": corpus.articles, "skipped": corpus.skipped, "notice": corpus.notices}
    table = pd.DataFrame([(part, encode(item)) for part, items in parts.items() for item in items], columns=["part", "item"])
    with atomic_path(path) as temporary:
        table.to_parquet(temporary, index=False)
    prefix = path.stem.rsplit("-", 1)[0]
    for earlier in path.parent.glob(f"{prefix}-*{path.suffix}"):
        if earlier != path:
            earlier.unlink(missing_ok=True)


def read_snapshot(path: Path, root: str) -> Corpus:
    """The corpus of ``root`` that :func:`write_snapshot` kept, read a batch of rows at a time."""
    parts = {"article": [], "skipped": [], "notice": []}
    with _no_cycle_collection():  # every object made here lives on: looking for cycles among them is wasted
        for batch in pq.ParquetFile(path).iter_batches(batch_size=1000, columns=["part", "item"]):
            for part, item in zip(batch.column("part").to_pylist(), batch.column("item").to_pylist()):
                parts[part].append(decode(item))
    pa.default_memory_pool().release_unused()  # the batches' buffers, which the pool would otherwise keep
    return Corpus(root=root, articles=parts["article"], skipped=parts["skipped"], notices=parts["notice"])


@contextlib.contextmanager
def _no_cycle_collection():
    """Python's cycle collector paused (reference counting still frees memory), then restored as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
