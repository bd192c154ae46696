"""Runs of equal keys in a sorted table: its groups, found and aggregated without a Python call per group."""

from __future__ import annotations

import numpy as np
import pandas as pd


def run_bounds(rows: pd.DataFrame, keys: list[str]) -> np.ndarray:
    """Where each run of equal ``keys`` starts in ``rows`` (sorted by them), then the number of rows."""
    if rows.empty:
        return np.zeros(1, dtype=int)
    changed = np.zeros(len(rows) - 1, dtype=bool)
    for key in keys:
        values = rows[key].to_numpy()
        changed |= values[1:] != values[:-1]
    return np.r_[0, np.flatnonzero(changed) + 1, len(rows)]


def run_lists(values: pd.Series, bounds: np.ndarray) -> list[list]:
    """The values of each run, as lists."""
    values = values.tolist()
    return [values[start:end] for start, end in zip(bounds[:-1], bounds[1:])]
