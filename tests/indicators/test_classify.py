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
    assert "PTPA-2018:3(1)" in europe["laws"]
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


def test_checks_from_the_acts():
    """PTPA 2018 s.3(1) ("or attempts to do so"), s.3(2) ("against a child or woman"),
    SOM Protocol art. 6(1)(b) and (c) (documents, illegal stay)."""
    woman = ts.classify_case(
        act=True, means=True, purpose="domestic_servitude", age=30, sex="female"
    )
    assert woman["crime_type"] == "tip"
    assert "PTPA-2018:3(2)" in woman["laws"]
    man = ts.classify_case(
        act=True, means=True, purpose="domestic_servitude", age=30, sex="male"
    )
    assert "PTPA-2018:3(1)" in man["laws"]
    offloaded = ts.classify_case(
        act=True,
        means=False,
        purpose=[],
        age=23,
        consent=True,
        border_crossing=True,
        benefit=True,
        attempt=True,
    )
    assert offloaded["crime_type"] == "som"
    assert any("attempt" in r for r in offloaded["reasons"])
    papers = ts.classify_case(fraudulent_documents=True, benefit=True, age=35)
    assert papers["crime_type"] == "som"
    assert "UN-SOM-Protocol:6" in papers["laws"]
    harbour = ts.classify_case(illegal_stay=True, benefit=True, age=35)
    assert harbour["crime_type"] == "som"
    assert ts.classify_case(illegal_stay=True, benefit=False)["crime_type"] == "neither"
