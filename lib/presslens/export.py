"""Write the analysis tables to files: ``.csv``, ``.parquet`` or ``.jsonl``, chosen by extension."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd

from presslens.atomic import atomic_path
from presslens.corpus import Corpus, articles_table
from presslens.themes import themes_table

#: Table name -> function building it from a loaded corpus.
TABLES: dict[str, Callable[[Corpus], pd.DataFrame]] = {
    "articles": articles_table,
    "themes": themes_table,
}
FORMATS = (".csv", ".parquet", ".jsonl")


def write_table(table: pd.DataFrame, path: str | Path) -> Path:
    """Write ``table`` to ``path`` atomically, in the format its extension names.

    Raises
    ------
    ValueError
        When the extension is not one of ``.csv``, ``.parquet``, ``.jsonl``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"cannot write {path.name}: use a file name ending in {', '.join(FORMATS)}")
    with atomic_path(path) as temporary:
        if suffix == ".csv":
            table.to_csv(temporary, index=False)
        elif suffix == ".parquet":
            table.to_parquet(temporary, index=False)
        else:
            table.to_json(temporary, orient="records", lines=True, force_ascii=False)
    return path
