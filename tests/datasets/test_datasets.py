"""Tests of tipsom.datasets: the synthetic generator and its house-style files."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import polars as pl
import pytest
import tipsom
import tipsom.datasets as ds
from hypothesis import given
from hypothesis import strategies as st
from tipsom.exceptions import InvalidArgumentError, TipsomError

RAW = [
    "record_id",
    "source",
    "source_type",
    "case_id",
    "fir_no",
    "police_station",
    "name",
    "father_name",
    "husband_name",
    "sex",
    "age",
    "date_of_birth",
    "cnic",
    "passport",
    "phone",
    "nationality",
    "address",
    "district",
    "province",
    "date",
    "law_sections",
    "exploitation",
    "case_status",
    "destination",
    "remarks",
]


def test_frame_has_raw_then_truth_columns():
    df = ds.circle_returns(300, seed=4)
    assert df.columns[: len(RAW)] == RAW
    truth = [c for c in df.columns if c.startswith("true_")]
    assert len(truth) == 18
    assert all(df.schema[c] == pl.String for c in RAW)
    assert df.schema["true_person_id"] == pl.Int64
    assert df.schema["true_noise"] == pl.List(pl.String)
    assert df.schema["true_exploitation"] == pl.List(pl.String)
    assert df["true_person_id"].n_unique() == 300
    assert df.height > 300
    assert df["record_id"].is_unique().all()


def test_same_seed_same_frame_other_seed_other_frame():
    a = ds.circle_returns(250, seed=7)
    assert a.equals(ds.circle_returns(250, seed=7))
    assert not a.equals(ds.circle_returns(250, seed=8))


def test_truth_can_be_dropped():
    df = ds.circle_returns(50, seed=1, truth=False)
    assert df.columns == RAW


def test_realistic_mix():
    df = ds.circle_returns(5000, seed=3)
    persons = df.unique("true_person_id")
    crime = persons["true_crime_type"].value_counts().to_dict(as_series=False)
    counts = dict(zip(crime["true_crime_type"], crime["count"], strict=True))
    # Smuggling-type records (booked under the PSMA, or before 2021 under the Emigration
    # Ordinance, with recruitment fraud) outnumber trafficking-type ones (PTPA, PACHTO, the
    # related PPC sections), which outnumber both.
    smuggling = counts["som"] + counts["som_related"] + counts["migration_fraud"]
    trafficking = counts["tip"] + counts["tip_related"]
    assert smuggling > trafficking > counts["both"] > 0
    assert (persons["true_nationality"] == "PAK").mean() > 0.9
    provinces = persons["true_province"].value_counts(sort=True)
    assert provinces["true_province"][0] == "Punjab"
    types = set(df["source_type"])
    assert types == {"fia_circle", "police", "social_welfare", "ngo"}
    # Urdu script appears in names; Urdu digits in some CNICs.
    assert df["name"].str.contains(r"[\u0600-\u06FF]").any()
    assert df["cnic"].str.contains("[۰-۹]").any()
    # Parentage written into the name cell by some units.
    assert df["name"].str.contains(r"\b[SDW]/[Oo]\b").any()


def test_noise_overrides_and_validation():
    clean = ds.circle_returns(
        400, seed=2, noise={"cnic_typo": 0, "cnic_transposition": 0, "name_typo": 0}
    )
    codes = set(clean["true_noise"].explode().drop_nulls())
    assert "cnic.typo" not in codes
    assert "name.typo" not in codes
    with pytest.raises(InvalidArgumentError, match="unknown keys"):
        ds.circle_returns(10, noise={"cnic_typos": 0.1})
    with pytest.raises(InvalidArgumentError, match=r"noise\.cnic_typo"):
        ds.circle_returns(10, noise={"cnic_typo": 2.0})
    with pytest.raises(InvalidArgumentError, match="n_persons"):
        ds.circle_returns(-1)
    with pytest.raises(InvalidArgumentError, match="start_date"):
        ds.circle_returns(10, start_date="01/01/2020")
    with pytest.raises(ValueError, match="share_multi_source"):
        ds.circle_returns(10, share_multi_source=1.2)


@given(n=st.integers(0, 60), seed=st.integers(0, 2**64 - 1))
def test_every_person_has_records_from_distinct_units(n, seed):
    df = ds.circle_returns(n, seed=seed, share_multi_source=0.5)
    assert df["true_person_id"].n_unique() == n
    per_person = df.group_by("true_person_id").agg(
        pl.len().alias("records"), pl.col("source").n_unique().alias("units")
    )
    assert (per_person["records"] == per_person["units"]).all()
    assert per_person["records"].max() is None or per_person["records"].max() <= 4


# ---- files in house styles ----


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> ds.WrittenReturns:
    directory = tmp_path_factory.mktemp("returns")
    return ds.write_circle_returns(directory, n_persons=2500, seed=11)


def _file(written: ds.WrittenReturns, **where) -> dict:
    rows = written.files.filter(
        pl.all_horizontal(pl.col(k) == v for k, v in where.items())
    ).to_dicts()
    assert rows, where
    return rows[0]


def _decode(path: Path, encoding: str) -> str:
    data = path.read_bytes()
    codec = {
        "utf-8": "utf-8",
        "utf-8-bom": "utf-8-sig",
        "windows-1252": "cp1252",
        "utf-16le": "utf-16",
    }[encoding]
    return data.decode(codec)


def test_every_record_written_once_with_a_location(written):
    assert written.locations.height == written.records.height
    assert written.locations["record_id"].is_unique().all()
    assert set(written.files["source"]) == set(written.records["source"])
    assert written.files["n_records"].sum() == written.records.height


def test_csv_encodings_and_delimiters(written):
    csvs = written.files.filter(pl.col("format") == "csv")
    assert set(csvs["encoding"]) == {"utf-8", "utf-8-bom", "windows-1252", "utf-16le"}
    assert set(csvs["delimiter"]) == {",", ";", "\t"}
    bom = _file(written, encoding="utf-8-bom")
    assert Path(bom["path"]).read_bytes().startswith(b"\xef\xbb\xbf")
    utf16 = _file(written, encoding="utf-16le")
    raw16 = Path(utf16["path"]).read_bytes()
    assert raw16.startswith(b"\xff\xfe")
    assert "\t" in raw16.decode("utf-16")
    cp = _file(written, encoding="windows-1252")
    raw = Path(cp["path"]).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # cp1252 punctuation (’ – “) is not UTF-8
    text = raw.decode("cp1252")
    assert not any("\u0600" <= ch <= "\u06ff" for ch in text)
    semi = _file(written, delimiter=";")
    header = [
        line
        for line in _decode(Path(semi["path"]), "utf-8").splitlines()
        if "Police Station" in line
    ]
    assert header
    assert header[0].count(";") >= 10


def test_csv_title_rows_quoted_line_breaks_and_locations(written):
    records = written.records
    csvs = written.files.filter(pl.col("format") == "csv").to_dicts()
    multiline = False
    for f in csvs:
        text = _decode(Path(f["path"]), f["encoding"])
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=f["delimiter"]))
        if f["style"] != "ngo_intake_csv":
            assert f["source_title"] in rows[0][0]
        multiline |= any("\n" in cell for row in rows for cell in row)
        locs = written.locations.filter(pl.col("file_name") == f["file_name"])
        joined = locs.join(records, on="record_id")
        # Find the name column from the header of the first record.
        first_row = rows[int(joined["row"][0]) - 1]
        names = joined["name"].fill_null("").to_list()
        col = first_row.index(names[0]) if names[0] in first_row else None
        assert col is not None
        for row, name in zip(joined["row"], names, strict=True):
            assert rows[row - 1][col] == name
    assert multiline


def test_xlsx_title_rows_merged_cells_sheets_numbers_and_dates(written):
    records = written.records
    xlsx = written.files.filter(pl.col("format") == "xlsx").to_dicts()
    assert len(xlsx) >= 4
    merged = second = summary = numeric_cnic = date_cell = False
    for f in xlsx:
        wb = openpyxl.load_workbook(f["path"])
        assert wb.sheetnames == f["sheets"]
        second |= len(wb.sheetnames) > 1
        ws = wb[wb.sheetnames[0]]
        top = " ".join(
            str(c.value) for row in ws.iter_rows(max_row=3) for c in row if c.value
        )
        assert f["source_title"] in top
        locs = written.locations.filter(pl.col("file_name") == f["file_name"])
        record_sheets = set(locs["sheet"])
        for name in wb.sheetnames:
            sheet = wb[name]
            merged |= bool(sheet.merged_cells.ranges)
            if name not in record_sheets:
                summary = True
                headers = {str(c.value) for row in sheet.iter_rows() for c in row}
                assert not headers & {"Name", "Victim Name", "Name of Victim", "نام"}
        joined = locs.join(records, on="record_id").head(300)
        for rec in joined.iter_rows(named=True):
            row = wb[rec["sheet"]][rec["row"]]
            values = [c.value for c in row]
            if rec["name"] is not None:
                assert rec["name"] in values
            for v in values:
                if isinstance(v, int | float) and len(str(int(v))) == 13:
                    numeric_cnic = True
                if isinstance(v, dt.datetime):
                    date_cell = True
    assert merged
    assert second
    assert summary
    assert numeric_cnic
    assert date_cell


def test_urdu_headers_and_title(written):
    f = _file(written, style="darul_aman_urdu_xlsx")
    wb = openpyxl.load_workbook(f["path"])
    values = {
        str(c.value) for row in wb[wb.sheetnames[0]].iter_rows(max_row=6) for c in row
    }
    assert {"نام", "ولدیت", "شناختی کارڈ نمبر"} <= values


def test_existing_files_are_not_overwritten_by_default(tmp_path):
    ds.write_circle_returns(tmp_path, n_persons=40, seed=1)
    with pytest.raises(InvalidArgumentError, match="overwrite"):
        ds.write_circle_returns(tmp_path, n_persons=40, seed=1)
    again = ds.write_circle_returns(tmp_path, n_persons=40, seed=1, overwrite=True)
    assert again.locations.height == again.records.height


def test_errors_are_tipsom_errors():
    with pytest.raises(TipsomError):
        ds.circle_returns(5, end_date="2000-01-01")
    assert tipsom.datasets is ds
