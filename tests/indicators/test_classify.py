from __future__ import annotations

import polars as pl
import pytest
import tipsom as ts
from tipsom.exceptions import InvalidArgumentError, SchemaError


def test_scenarios():
    europe = ts.classify_case(
        act=True,
        means=True,
        purpose="bonded_labour",
        age=27,
        consent=True,
        border_crossing=True,
        benefit=True,
    )
    assert europe["crime_type"] == "both"
    assert "PSMA-2018" in europe["laws"]
    assert "PTPA-2018:3" in europe["laws"]
    girl = ts.classify_case(
        act=True,
        means=False,
        purpose=["sexual_exploitation"],
        age=15,
        border_crossing=False,
        benefit=False,
    )
    assert girl["crime_type"] == "tip"
    assert any("child under 18" in r for r in girl["reasons"])
    kiln = ts.classify_case(
        act=True,
        means=True,
        purpose=["bonded_labour"],
        age=40,
        border_crossing=False,
        benefit=False,
    )
    assert kiln["crime_type"] == "tip"
    smuggled = ts.classify_case(
        act=True,
        means=False,
        purpose=[],
        age=22,
        consent=True,
        border_crossing=True,
        benefit=True,
    )
    assert smuggled["crime_type"] == "som"
    alone = ts.classify_case(border_crossing=True, benefit=False, age=30)
    assert alone["crime_type"] == "neither"
    assert "EO-1979:17(1)" in alone["laws"]


def test_frame_version_keeps_columns_and_is_pandas_friendly():
    cases = pl.DataFrame(
        {
            "case": ["a", "b"],
            "act": ["yes", "no"],
            "means": [True, None],
            "purpose": [["forced_labour"], []],
            "age": [30, 19],
        }
    )
    out = ts.classify_cases(cases)
    assert out.columns == [
        "case",
        "act",
        "means",
        "purpose",
        "age",
        "crime_type",
        "laws",
        "reasons",
    ]
    assert out["crime_type"].to_list() == ["tip", "neither"]
    pd = pytest.importorskip("pandas")
    assert isinstance(ts.classify_cases(cases.to_pandas()), pd.DataFrame)


def test_bad_elements():
    with pytest.raises(SchemaError, match="row 2"):
        ts.classify_cases(pl.DataFrame({"purpose": ["forced_labour", "kidney"]}))
    with pytest.raises(InvalidArgumentError, match="at least one of the columns"):
        ts.classify_cases(pl.DataFrame({"x": [1]}))
    with pytest.raises(SchemaError, match="act"):
        ts.classify_cases(pl.DataFrame({"act": ["perhaps"]}))
