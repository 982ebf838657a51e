from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
from tipsom.exceptions import SchemaError
from tipsom.indicators import case_funnel, check_returns, justice, justice_times


@pytest.fixture
def suspects() -> pl.DataFrame:
    d = dt.date.fromisoformat
    return pl.DataFrame(
        {
            "suspect_id": ["s1", "s2", "s3", "s4", "s5", "s6"],
            "sex": ["male", "male", "female", "male", "male", "female"],
            "nationality": ["PAK", "PAK", "PAK", "AFG", "PAK", "PAK"],
            "case_id": ["c1", "c1", "c2", "c3", "c4", "c5"],
            "status": [
                "convicted",
                "acquitted",
                "prosecution",
                "arrested",
                "investigation",
                "convicted",
            ],
            "date_fir": [
                d("2023-01-01"),
                d("2023-01-01"),
                d("2023-02-01"),
                d("2023-03-01"),
                d("2023-04-01"),
                d("2023-05-01"),
            ],
            "date_challan": [
                d("2023-01-31"),
                d("2023-01-31"),
                d("2023-03-03"),
                None,
                None,
                d("2023-05-11"),
            ],
            "date_verdict": [
                d("2023-12-31"),
                d("2023-12-31"),
                None,
                None,
                None,
                d("2023-06-30"),
            ],
        }
    )


def test_justice_by_sex(suspects):
    t = justice(suspects, by=["sex"])
    rows = {r["sex"]: r for r in t.iter_rows(named=True)}
    assert rows["male"]["suspected"] == 4
    assert rows["male"]["arrested"] == 1
    assert rows["male"]["prosecuted"] == 2  # convicted + acquitted
    assert rows["male"]["convicted"] == 1
    assert rows["male"]["acquitted"] == 1
    assert rows["male"]["conviction_rate"] == 0.5
    assert rows["female"]["prosecuted"] == 2
    assert rows["female"]["conviction_rate"] == 1.0
    c = justice(suspects, by=["citizenship"])
    assert dict(zip(c["citizenship"], c["suspected"], strict=True)) == {
        "foreign": 1,
        "national": 5,
    }


def test_case_funnel(suspects):
    f = case_funnel(suspects)
    assert f["step"].to_list() == ["registered", "challan", "verdict", "convicted"]
    assert f["cases"].to_list() == [5, 3, 2, 2]
    assert f["attrition"].to_list()[1] == pytest.approx(0.4)
    assert f["conviction_rate"][0] == 1.0


def test_case_funnel_from_victim_records(records):
    f = case_funnel(records)
    # c1 convicted; c2 acquitted; c3 investigation; c4 closed; c5 prosecution.
    assert f["cases"].to_list() == [5, 3, 2, 1]
    assert f["conviction_rate"][0] == 0.5


def test_justice_times(suspects):
    t = justice_times(suspects)
    row = t.filter(pl.col("interval") == "fir_to_challan").row(0, named=True)
    # per case: c1 30 days, c2 30 days, c5 10 days
    assert row["cases"] == 3
    assert row["median_days"] == 30
    verdict = t.filter(pl.col("interval") == "fir_to_verdict").row(0, named=True)
    assert verdict["cases"] == 2
    assert verdict["median_days"] == pytest.approx((364 + 60) / 2)


def test_negative_interval_is_flagged(suspects):
    bad = suspects.with_columns(
        pl.when(pl.col("case_id") == "c5")
        .then(pl.date(2023, 4, 1))
        .otherwise(pl.col("date_challan"))
        .alias("date_challan")
    )
    t = justice_times(bad)
    assert t.filter(pl.col("interval") == "fir_to_challan")["negative"][0] == 1


def test_missing_status(suspects):
    with pytest.raises(SchemaError, match="status"):
        justice(suspects.drop("status", "date_challan", "date_verdict"))
    with pytest.raises(SchemaError, match="case_id"):
        case_funnel(suspects.drop("case_id"))


def test_monthly_returns_checks():
    r = pl.DataFrame(
        {
            "source": ["AHTC Lahore"] * 3 + ["AHTC Karachi"] * 2,
            "unit": ["cases"] * 5,
            "month": ["2023-01", "2023-02", "2023-03", "2023-01", "2023-02"],
            "brought_forward": [100, 110, 105, 20, 21],
            "new": [30, 20, 25, 5, 4],
            "disposed": [20, 25, 30, 4, 3],
            "pending": [110, 105, 99, 21, 22],
        }
    )
    c = check_returns(r)
    lahore = c.filter(pl.col("source") == "AHTC Lahore")
    assert lahore["balanced"].to_list() == [True, True, False]
    assert lahore["difference"].to_list() == [0, 0, -1]
    assert lahore["carried_over"].to_list() == [None, True, True]
    karachi = c.filter(pl.col("source") == "AHTC Karachi")
    assert karachi["issues"].to_list() == [[], []]
    broken = r.with_columns(
        pl.when(pl.col("month") == "2023-02")
        .then(999)
        .otherwise(pl.col("brought_forward"))
        .alias("brought_forward")
    )
    issues = (
        check_returns(broken).filter(pl.col("month") == "2023-02")["issues"].to_list()
    )
    assert ["returns.imbalance", "returns.carry_over"] in issues
    with pytest.raises(SchemaError, match="pending"):
        check_returns(r.drop("pending"))


def test_monthly_returns_house_style_headers():
    r = pl.DataFrame(
        {
            "Circle": ["AHTC Gujranwala"] * 2,
            "Month": ["2023-01", "2023-02"],
            "B/F": [50, 52],
            "New": [10, 8],
            "Disposed": [8, 9],
            "Closing Balance": [52, 51],
        }
    )
    assert check_returns(r)["balanced"].to_list() == [True, True]
