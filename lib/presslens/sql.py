"""DuckDB, the embedded query engine for aggregations too large for pandas.

A join that multiplies rows — every pair of actors named in one window — is counted by DuckDB
as it streams, without the pairs ever being held as a table; past its memory limit DuckDB spills to
a temporary folder instead of failing.
"""

from __future__ import annotations

import tempfile

import duckdb
import pandas as pd

def query(sql: str, parameters: dict | None = None, **tables: pd.DataFrame) -> pd.DataFrame:
    """The result of ``sql`` over pandas ``tables`` (each known to the query by its keyword name).

    DuckDB spills into a private temporary folder, removed afterwards: never the corpus or the working folder.
    """
    with tempfile.TemporaryDirectory(prefix="presslens-duckdb-") as spill, \
            duckdb.connect(config={"temp_directory": spill}) as connection:
        for name, table in tables.items():
            connection.register(name, table)
        return connection.execute(sql, parameters or {}).df()
