"""The data-entry template round-trips; the feedback pack shows one unit only."""

from __future__ import annotations

import openpyxl
import polars as pl
import pytest
import tipsom as ts
from tipsom import hq, template
from tipsom.exceptions import InvalidArgumentError, SchemaError


def _filled(n_persons: int, seed: int) -> pl.DataFrame:
    df = ts.datasets.circle_returns(n_persons, seed=seed)
    return df.select(
        "fir_no",
        pl.col("true_date").alias("date"),
        pl.col("true_district").alias("district"),
        pl.col("true_case_status").alias("case_status"),
        pl.lit("victim").alias("role"),
        pl.col("true_name").alias("name"),
        pl.col("true_father_name").alias("father_name"),
        pl.col("true_husband_name").alias("husband_name"),
        pl.col("true_sex").alias("sex"),
        pl.col("true_date_of_birth").alias("date_of_birth"),
        pl.col("true_age").alias("age"),
        pl.col("true_cnic").alias("cnic"),
        pl.col("true_passport").alias("passport"),
        pl.col("true_exploitation").alias("exploitation"),
        pl.lit("Pakistan").alias("nationality"),
        pl.lit("2025-06-30").alias("date_of_challan"),
        pl.lit("2025-07-02").alias("date_of_verdict"),
        pl.lit("3 years and fine Rs 50,000").alias("sentence"),
        pl.lit("recruitment").alias("act"),
        pl.lit("deception").alias("means"),
        pl.lit("yes").alias("border_crossed"),
        pl.lit("no").alias("attempt"),
        pl.lit("Quetta - Taftan - Iran - Turkey").alias("route"),
        pl.lit("Greece").alias("destination"),
        pl.lit("Darul Aman Lahore").alias("referred_to"),
        pl.lit("in_shelter").alias("protection_status"),
        pl.lit("no").alias("repatriation"),
        pl.lit("none").alias("remarks"),
    )


def test_template_round_trips(tmp_path):
    filled = _filled(40, seed=3)
    path = template.write(
        tmp_path / "lahore.xlsx",
        unit="FIA AHTC Lahore",
        period="2025-06",
        records=filled,
        focal_person="Inspector A",
        date_submitted="2025-07-05",
        blank_rows=20,
    )
    raw, report = ts.read_returns(path, with_report=True)
    assert report.problems.height == 0
    read_sheets = report.sheets.filter(pl.col("records") > 0)["sheet"].to_list()
    assert read_sheets == ["Return"]
    cols = report.columns.filter(pl.col("sheet") == "Return")
    assert cols.height == len(template.TEMPLATE_COLUMNS)
    assert cols["field"].null_count() == 0
    assert set(cols["mapped_by"]) == {"alias"}
    assert cols["field"].to_list() == template.fields()
    assert raw.height == filled.height
    # Values come back as written.
    assert raw["cnic"].to_list() == filled["cnic"].to_list()
    assert raw["date"].to_list() == filled["date"].to_list()
    assert raw["period"].unique().to_list() == ["2025-06"]
    assert raw["source"].unique().to_list() == ["FIA AHTC Lahore"]
    assert raw["revision"].unique().to_list() == ["0"]
    records = ts.normalize(raw)
    assert records["issues"].list.len().sum() == 0
    assert records["name"].to_list() == filled["name"].to_list()
    assert records["sex"].to_list() == filled["sex"].to_list()


def test_template_workbook(tmp_path):
    path = template.write(tmp_path / "t.xlsx", unit="U", period="2025-01", blank_rows=5)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Instructions", "Return", "Lists"]
    assert wb["Lists"].sheet_state == "hidden"
    ws = wb["Return"]
    assert ws.protection.sheet
    header = [c.value for c in ws[3]]
    assert header[0] == "Reporting unit / رپورٹنگ یونٹ"
    assert ws.cell(row=3, column=1).protection.locked
    assert not ws.cell(row=4, column=1).protection.locked
    kinds = {dv.type for dv in ws.data_validations.dataValidation}
    assert {"list", "date", "whole", "custom", "textLength"} <= kinds
    cnic_rule = next(
        d for d in ws.data_validations.dataValidation if d.type == "custom"
    )
    assert "LEN(" in cnic_rule.formula1
    assert "13" in cnic_rule.formula1
    lists = wb["Lists"]
    names = [c.value for c in lists[1]]
    col = openpyxl.utils.get_column_letter(names.index("district") + 1)
    values = [c.value for c in lists[col][1:]]
    assert "Lahore" in values
    assert "Kasur" in values


def test_template_bad_input(tmp_path):
    with pytest.raises(InvalidArgumentError, match="YYYY-MM"):
        template.write(tmp_path / "t.xlsx", unit="U", period="June")
    with pytest.raises(InvalidArgumentError, match="revision"):
        template.write(tmp_path / "t.xlsx", unit="U", period="2025-06", revision=-1)
    with pytest.raises(SchemaError, match="no place"):
        template.write(
            tmp_path / "t.xlsx",
            unit="U",
            period="2025-06",
            records=pl.DataFrame({"favourite_colour": ["red"]}),
        )


def test_feedback_shows_one_unit(tmp_path):
    raw = ts.datasets.circle_returns(150, seed=8, truth=False)
    records = ts.normalize(raw)
    unit = "FIA AHTC Lahore"
    others = [u for u in records["source"].unique().to_list() if u != unit]
    page = hq.feedback(records, unit=unit, path=tmp_path / "fb.html").read_text("utf-8")
    assert unit in page
    assert not any(u in page for u in others)
    # No personal data at all, of this unit or another.
    for col in ("name", "cnic", "phone"):
        for v in records[col].drop_nulls().to_list():
            assert v not in page, col
    mine = records.filter(pl.col("source") == unit)
    n_problems = mine["issues"].list.len().sum()
    assert page.count("<tr>") >= n_problems
    en, ur = hq.issue_text("cnic.length")
    if "cnic.length" in mine["issues"].explode().to_list():
        assert en in page
        assert ur in page
    # The scores beside the average of the units.
    q = ts.quality(records).filter(pl.col("source") != "(all)")
    avg = q["complete_cnic"].mean()
    assert f"{100 * avg:.0f}%" in page

    book = hq.feedback(records, unit=unit, path=tmp_path / "fb.xlsx")
    wb = openpyxl.load_workbook(book)
    rows = list(wb["Rows to correct"].iter_rows(values_only=True))
    assert len(rows) - 1 == n_problems
    with pytest.raises(InvalidArgumentError, match="no records"):
        hq.feedback(records, unit="Nowhere", path=tmp_path / "x.html")
    with pytest.raises(InvalidArgumentError, match=r"\.html or \.xlsx"):
        hq.feedback(records, unit=unit, path=tmp_path / "x.pdf")
