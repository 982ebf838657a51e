"""tipsom.quality: indicators per source and overall."""

from __future__ import annotations

import pandas as pd
import polars as pl
import pytest
import tipsom as ts
from tipsom.exceptions import SchemaError

RAW = pl.DataFrame(
    {
        "source": ["A", "A", "A", "B"],
        "sex": ["M", "M", None, "F"],
        "cnic": ["35202-1234567-1", "35202-1234567-2", "35202-1234567-1", "bad"],
        "age": ["30", "17", None, "40"],
        "date_of_birth": ["1/1/1990", "1/1/1990", None, None],
        "date": ["01/06/2020", "01/06/2020", "2021", "5/5/2021"],
        "date_of_report": ["2020-06-11", "2020-06-21", None, "2021-05-06"],
    }
)


@pytest.fixture(scope="module")
def q() -> pl.DataFrame:
    return ts.quality(ts.normalize(RAW))


def test_one_row_per_source_and_overall(q: pl.DataFrame) -> None:
    assert q["source"].to_list() == ["A", "B", "(all)"]
    assert q["n_records"].to_list() == [3, 1, 4]


def test_known_values(q: pl.DataFrame) -> None:
    a = q.row(0, named=True)
    # Row 2 is a man on a CNIC ending in an even digit; row 3's sex comes from its CNIC.
    assert a["consistent_sex_cnic"] == 0.5
    assert a["share_sex_known"] == 1.0
    assert a["valid_cnic"] == 1.0
    # The same CNIC twice in source A.
    assert a["share_cnic_repeated"] == pytest.approx(2 / 3)
    # Age 17 against a birth date giving 30: conflict; age 30 agrees.
    assert a["consistent_age_dob"] == 0.5
    assert a["consistent_child_age"] == 0.5
    assert a["median_days_to_report"] == 15
    b = q.row(1, named=True)
    assert b["valid_cnic"] == 0.0
    assert b["share_female"] == 1.0


def test_pandas_and_errors() -> None:
    out = ts.quality(ts.normalize(RAW).to_pandas())
    assert isinstance(out, pd.DataFrame)
    with pytest.raises(SchemaError, match="missing columns"):
        ts.quality(RAW)
    with pytest.raises(SchemaError, match="not found"):
        ts.quality(ts.normalize(RAW), by="circle")
    overall = ts.quality(ts.normalize(RAW), by=None)
    assert overall.height == 1
