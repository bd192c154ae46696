"""The row cache: a table's rows for many articles in one Parquet file, each row tagged with its article's key.

The file's metadata lists the keys of the articles it covers (an article may have no row); rows are
read a row group at a time, so that the rows of the other articles are never all held. A file that
cannot be read, or does not say what it covers, is rebuilt, never trusted.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from presslens.atomic import atomic_path

KEY_COLUMN = "_article_key"
COVERED_KEYS = b"presslens_covered_articles"


def open_cached(path: Path, **options) -> pq.ParquetFile | None:
    """A cached table, opened once (its covered keys and rows are then read from the same file, even if
    another run replaces it meanwhile); ``None`` when missing or unreadable."""
    try:
        return pq.ParquetFile(path, **options)
    except (OSError, pa.ArrowException):
        return None


def covered_keys(stored: pq.ParquetFile | None) -> set[str]:
    """The keys of the articles a cached table covers; none when there is no table or it does not say."""
    try:
        return set(json.loads(stored.schema_arrow.metadata[COVERED_KEYS]))
    except Exception:  # noqa: BLE001
        return set()


def read_rows(path: Path, keys: set[str]) -> pd.DataFrame | None:
    """The rows of a cached table that belong to the articles of ``keys``; ``None`` when the file cannot
    be read or does not cover them all (another run replaced it meanwhile)."""
    stored = open_cached(path, read_dictionary=["doc_id"])
    if stored is None or not keys <= covered_keys(stored):
        return None
    wanted = pa.array(sorted(keys), type=pa.string())
    try:  # a group at a time: rows of other articles are never all held
        groups = [rows_of_articles(stored.read_row_group(group), wanted) for group in range(stored.num_row_groups)]
    except (OSError, pa.ArrowException):
        return None
    return handed_over(pa.concat_tables(groups) if groups else stored.schema_arrow.empty_table())


def write_rows(path: Path, stored: pq.ParquetFile | None, covered: set[str], parts: Iterable[pd.DataFrame],
               keys: dict[str, str]) -> None:
    """The rows ``stored`` holds, then the ``parts`` built for other articles (``keys``: doc_id -> article
    key), into a new file that replaces ``path`` and covers ``covered``.

    Rows are kept by article key (doc_id and text), so the cache keeps every version it has seen:
    another run may want the articles this one did not ask for.
    """
    metadata = {COVERED_KEYS: json.dumps(sorted(covered)).encode()}
    writer = None
    with atomic_path(path) as temporary:
        try:
            for group in range(stored.num_row_groups if stored is not None else 0):
                rows = stored.read_row_group(group)
                writer = writer or pq.ParquetWriter(temporary, rows.schema.with_metadata(metadata))
                writer.write_table(rows.replace_schema_metadata(metadata))
            for part in parts:
                if not len(part):
                    continue
                rows = with_article_keys(pa.Table.from_pandas(part, preserve_index=False), keys)
                writer = writer or pq.ParquetWriter(temporary, rows.schema.with_metadata(metadata))
                writer.write_table(rows.cast(writer.schema))
            if writer is None:  # no article has a row: the file still records which were done
                schema = pa.schema([("doc_id", pa.string()), (KEY_COLUMN, pa.string())], metadata=metadata)
                writer = pq.ParquetWriter(temporary, schema)
        finally:
            if writer is not None:
                writer.close()


def with_article_keys(rows: pa.Table, keys: dict[str, str]) -> pa.Table:
    """``rows`` with doc_id as plain text and, after the last column, each row's article key: made from
    the distinct doc_ids, never a Python string per row."""
    column = rows["doc_id"]
    articles = (column if pa.types.is_dictionary(column.type) else pc.dictionary_encode(column)).combine_chunks()
    names = articles.dictionary.cast(pa.large_string()).to_pylist()
    of_names = pa.array([keys.get(name) for name in names], pa.large_string())
    article_keys = pa.DictionaryArray.from_arrays(articles.indices, of_names)
    rows = rows.set_column(rows.schema.get_field_index("doc_id"), "doc_id", articles.cast(pa.large_string()))
    return rows.append_column(KEY_COLUMN, article_keys.cast(pa.large_string()))


def rows_of_articles(rows: pa.Table, wanted: pa.Array) -> pa.Table:
    """The rows (of one row group) that belong to the articles whose keys are ``wanted``."""
    in_keys = pc.is_in(rows[KEY_COLUMN], value_set=wanted)
    return rows if pc.all(in_keys).as_py() else rows.filter(in_keys)  # a filter copies: only when needed


def handed_over(table: pa.Table) -> pd.DataFrame:
    """``table`` in pandas, its columns handed over one by one (never all held twice), the freed buffers
    given back by pyarrow's pool; doc_id comes as a category."""
    rows = table.to_pandas(split_blocks=True, self_destruct=True)
    del table
    pa.default_memory_pool().release_unused()
    return rows


@dataclass(frozen=True)
class ChunkPlan:
    """The row groups holding the rows of the articles ``start`` to ``stop`` (in corpus order), and whether
    reading them one after the other gives the rows in corpus order."""

    groups: list[int]
    start: int
    stop: int
    in_order: bool


def chunk_plan(stored: pq.ParquetFile, keys: list[str], articles_per_chunk: int) -> list[ChunkPlan] | None:
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
