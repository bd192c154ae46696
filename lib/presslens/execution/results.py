"""Whole results kept in the cache: a key/value store of small results (one per item of :meth:`Execution.map`)
and tables computed once from many articles (collocations, document frequencies) read back by later calls."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pyarrow as pa

from presslens.atomic import atomic_path


def read_store(path: Path | None) -> dict[str, str]:
    """The results kept at ``path`` by key (none when there is no file, or it is damaged: never trusted)."""
    if path is None or not path.exists():
        return {}
    try:
        table = pd.read_parquet(path)
    except Exception:  # noqa: BLE001 - a damaged store is rebuilt, never trusted
        return {}
    return dict(zip(table["key"], table["result"]))


def write_store(path: Path, results: dict[str, str]) -> None:
    table = pd.DataFrame({"key": list(results), "result": list(results.values())})
    with atomic_path(path) as temporary:
        table.to_parquet(temporary, index=False)


def remembered_table(path: Path | None, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
    """The table kept at ``path``, or ``compute()`` kept there for the next call (``None``: computed every time)."""
    if path is not None and path.is_file():
        try:
            return pd.read_parquet(path)
        except (OSError, ValueError, pa.ArrowException):  # damaged: computed again
            pass
    table = compute()
    keep_table(path, table)
    return table


def keep_table(path: Path | None, table: pd.DataFrame) -> None:
    """Keep ``table`` at ``path`` (a table Parquet cannot hold is not kept)."""
    if path is None:
        return
    try:
        with atomic_path(path) as temporary:
            table.to_parquet(temporary, index=False)
    except (OSError, ValueError, TypeError, pa.ArrowException):
        pass
