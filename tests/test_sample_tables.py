"""The tables of the sample corpus are those stored in ``tests/snapshots`` (see ``sample_tables.py``)."""

from __future__ import annotations

import pandas as pd
import pytest

from sample_tables import SNAPSHOTS, normalised, sample_tables, stored


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return sample_tables()


def test_every_stored_table_is_computed(tables):
    assert sorted(tables) == sorted(path.name.removesuffix(".csv.gz") for path in SNAPSHOTS.glob("*.csv.gz"))


@pytest.mark.parametrize("name", sorted(path.name.removesuffix(".csv.gz") for path in SNAPSHOTS.glob("*.csv.gz")))
def test_the_table_is_as_stored(tables, name):
    expected = stored(name)
    assert len(expected), f"{name}: the stored table is empty, so it proves nothing"
    pd.testing.assert_frame_equal(normalised(tables[name]), expected, check_dtype=False, rtol=1e-9)
