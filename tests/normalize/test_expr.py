"""tipsom.expr: normalizers inside polars queries."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
import tipsom as ts
from tipsom.exceptions import InvalidArgumentError


def test_with_columns_keeps_names() -> None:
    df = pl.DataFrame(
        {"CNIC No.": ["35202-1234567-1", "x"], "Victim": ["Mohd Aslam", None]}
    )
    out = df.with_columns(ts.expr.cnic("CNIC No."), ts.expr.name_key("Victim"))
    assert out.columns == ["CNIC No.", "Victim"]
    assert out["CNIC No."].to_list() == ["3520212345671", None]
    same = ts.normalize(pl.DataFrame({"name": ["Muhammad Aslam"]}))["name_key"][0]
    assert out["Victim"].to_list() == [same, None]


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("text", " a\tb ", "a b"),
        ("name", "Mst. Zainab D/O Ali", "Zainab"),
        ("father_name", "Mst. Zainab D/O Ali", "Ali"),
        ("husband_name", "Zainab W/O Imran", "Imran"),
        ("phone", "0300-1234567", "+923001234567"),
        ("passport", "ab1234567", "AB1234567"),
        ("sex", "عورت", "female"),
        ("district", "Nawabshah", "Shaheed Benazirabad"),
        ("province", "NWFP", "Khyber Pakhtunkhwa"),
        ("nationality", "Afghan", "AFG"),
        ("crime_type", "17(2) EO", "som_related"),
        ("crime_type", "3 PSMA 2018", "som"),
        ("case_status", "under trial", "prosecution"),
        ("date", "7.2.2020", dt.date(2020, 2, 7)),
        ("age", "15 yrs", 15),
        ("law_sections", "370/371-A PPC", ["PPC:370", "PPC:371-A"]),
        ("exploitation", "begging", ["begging"]),
    ],
)
def test_each_kind(kind: str, raw: str, expected: object) -> None:
    out = pl.DataFrame({"v": [raw]}).select(ts.expr.normalized("v", kind))
    assert out["v"].to_list() == [expected]


def test_lazy_query_and_numbers() -> None:
    lf = pl.LazyFrame({"c": [3520212345671, None]})
    out = lf.select(ts.expr.cnic("c")).collect()
    assert out["c"].to_list() == ["3520212345671", None]


def test_unknown_kind() -> None:
    with pytest.raises(InvalidArgumentError, match="kind"):
        pl.DataFrame({"v": ["x"]}).select(ts.expr.normalized("v", "nope"))  # type: ignore[arg-type]
