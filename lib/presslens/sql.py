"""DuckDB, the embedded query engine for aggregations too large for pandas.

A join that multiplies rows — every pair of actors named in one window — is counted by DuckDB
as it streams, without the pairs ever being held as a table; past its memory limit DuckDB spills to
a temporary folder instead of failing.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb
import pandas as pd

#: Where DuckDB spills what does not fit in memory (never the corpus or the working folder).
SPILL_FOLDER = Path(tempfile.gettempdir()) / "presslens-duckdb"


def query(sql: str, parameters: dict | None = None, **tables: pd.DataFrame) -> pd.DataFrame:
    """The result of ``sql`` over pandas ``tables`` (each known to the query by its keyword name)."""
    with duckdb.connect(config={"temp_directory": str(SPILL_FOLDER)}) as connection:
        for name, table in tables.items():
            connection.register(name, table)
        return connection.execute(sql, parameters or {}).df()
