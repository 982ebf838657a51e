"""read_returns on hand-built files: every house-style feature and every bad input."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import polars as pl
import pytest
import tipsom as ts
from hypothesis import given
from hypothesis import strategies as st
from tipsom.exceptions import InvalidArgumentError, ReadError

HEADER = "Sr. No.,Name of Victim,F/Name,CNIC/B-Form,Age,Sex\n"


def accounted(report: ts.ReadReport) -> None:
    s = report.sheets.filter(pl.col("status") != "error")
    assert (s["rows_read"] == s["records"] + s["set_aside"]).all()
    # every set-aside row is listed, per file and sheet
    listed = report.set_aside.group_by("file", "sheet").len()
    for file, sheet, n in s.select("file", "sheet", "set_aside").iter_rows():
        got = listed.filter(
            (pl.col("file") == file)
            & (pl.col("sheet").is_null() if sheet is None else pl.col("sheet") == sheet)
        )
        titles_and_headers = 0 if n == 0 else None
        assert got.height <= 1
        if titles_and_headers == 0:
            assert got.height == 0


def test_utf8_bom_title_rows_totals_signatures(tmp_path):
    text = (
        "FIA Anti Human Trafficking Circle, Lahore - Monthly return\n"
        "Statement of victims for March 2025\n"
        "\n" + HEADER + "1,Ayesha,Aslam,35202-1234567-2,17,F\n"
        ",,,,,\n"
        "2,Bilal,Akbar,0345678901234,25,M\n" + HEADER + "3,Ali,Khan,,30,M\n"
        "Total,,,,,3\n"
        ",Sd/- Deputy Director,,,,\n"
    )
    p = tmp_path / "lahore.csv"
    p.write_bytes(b"\xef\xbb\xbf" + text.encode())
    df, rep = ts.read_returns(p, with_report=True)
    assert df["source"].unique().to_list() == [
        "FIA Anti Human Trafficking Circle, Lahore"
    ]
    assert df["source_row"].to_list() == [5, 7, 9]
    assert df["source_sheet"].null_count() == 3
    # CNIC stays text, leading zero kept
    assert df["cnic"].to_list() == ["35202-1234567-2", "0345678901234", None]
    assert df.columns[:4] == ["source", "source_file", "source_sheet", "source_row"]
    assert {"name", "father_name", "cnic", "age", "sex", "serial_no"} <= set(df.columns)
    assert all(
        dtype == pl.String
        for c, dtype in df.schema.items()
        if c not in ("source_row", "victim_index")
    )
    reasons = dict(rep.set_aside.select("row", "reason").iter_rows())
    assert reasons[3] == "blank row"
    assert reasons[6] == "blank row"
    assert reasons[8] == "repeated header row"
    assert reasons[10] == "total row"
    assert reasons[11] == "signature or stamp row"
    s = rep.sheets.row(0, named=True)
    assert s["encoding"] == "utf-8 (with BOM)"
    assert s["rows_read"] == s["records"] + s["set_aside"] == 11
    assert s["header_rows"] == "4"


def test_windows_1252_semicolon_and_quoted_line_breaks(tmp_path):
    text = (
        "Name of Victim;Age;Remarks\n"
        'Jos\xe9 Gonz\xe1lez;30;"rescued at the border\nhanded to shelter"\n'
        "Ali;12;minor \u2013 with uncle\n"
    )
    p = tmp_path / "karachi.csv"
    p.write_bytes(text.encode("cp1252"))
    df, rep = ts.read_returns(p, with_report=True)
    assert df["name"].to_list() == ["José González", "Ali"]
    assert df["remarks"].to_list() == [
        "rescued at the border\nhanded to shelter",
        "minor – with uncle",
    ]
    # record numbers count records, not physical lines
    assert df["source_row"].to_list() == [2, 3]
    s = rep.sheets.row(0, named=True)
    assert (s["encoding"], s["delimiter"]) == ("windows-1252", ";")
    # no title row naming a unit: the file name is the source
    assert df["source"].unique().to_list() == ["karachi"]


def test_utf16_tab_separated_urdu_headers(tmp_path):
    text = "نمبر شمار\tنام\tولدیت\tعمر\tجنس\tشناختی کارڈ نمبر\n1\tعائشہ\tاسلم\t۱۷\tعورت\t35202-1234567-2\n"
    p = tmp_path / "shelter.txt"
    p.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    df, rep = ts.read_returns(p, with_report=True)
    assert df.select("name", "father_name", "age", "sex", "cnic").row(0) == (
        "عائشہ",
        "اسلم",
        "۱۷",
        "عورت",
        "35202-1234567-2",
    )
    assert rep.sheets["encoding"][0] == "utf-16le"
    assert rep.sheets["delimiter"][0] == "tab"


def test_mixed_encodings_are_flagged_per_row(tmp_path):
    p = tmp_path / "mixed.csv"
    p.write_bytes(
        "Name,District\nعلی,Lahore\n".encode() + b"Jos\xe9,Karachi\n" + b"Zara,Multan\n"
    )
    df, rep = ts.read_returns(p, with_report=True)
    assert df["name"].to_list() == ["علی", "José", "Zara"]
    assert rep.problems.select("row").to_series().to_list() == [3]
    assert "windows-1252" in rep.problems["message"][0]


def _workbook(path, *, second_sheet=True, notes_sheet=True):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "March"
    ws["A1"] = "Government of the Punjab, Social Welfare Department, Darul Aman Multan"
    ws.merge_cells("A1:G1")
    ws["A2"] = "Particulars of residents, March 2025"
    ws.append([])
    ws.append(
        ["Sr", "Victim particulars", None, None, "Father / Guardian", None, "Date"]
    )
    ws.merge_cells("B4:D4")
    ws.merge_cells("E4:F4")
    ws.merge_cells("A4:A5")
    ws.merge_cells("G4:G5")
    ws.append([None, "Name", "Age", "CNIC", "Name", "CNIC", None])
    ws.append(
        [1, "Nasreen", 16, 3520212345672, "Aslam", 3520212345671, dt.date(2025, 3, 4)]
    )
    ws.append([2, "Zahid", "approx 20", "36302-7654321-3", "Karim", None, "05/03/2025"])
    ws.append([None, None, None, None, None, None, None])
    ws.append(["Total", None, None, None, None, None, 2])
    ws.append([None, "Prepared by: Superintendent", None, None, None, None, None])
    if second_sheet:
        ws2 = wb.create_sheet("April")
        ws2.append(["Name of Victim", "Age", "Sex", "CNIC No."])
        ws2.append(["Sadia", 19, "F", "35202-0000001-2"])
    if notes_sheet:
        ws3 = wb.create_sheet("Notes")
        ws3.append(["Instructions: fill one row per person"])
        ws3.append(["Use day/month/year dates"])
    wb.save(path)


def test_excel_group_headers_merged_cells_numbers_and_dates(tmp_path):
    p = tmp_path / "multan.xlsx"
    _workbook(p)
    df, rep = ts.read_returns(p, with_report=True)
    march = df.filter(pl.col("source_sheet") == "March")
    assert march["source_row"].to_list() == [6, 7]
    assert march["source"].unique().to_list() == [
        "Government of the Punjab, Social Welfare Department, Darul Aman Multan"
    ]
    # group headers: "Name" under "Father / Guardian" is the father's name,
    # and that CNIC is not the victim's.
    assert march["name"].to_list() == ["Nasreen", "Zahid"]
    assert march["father_name"].to_list() == ["Aslam", "Karim"]
    assert march["cnic"].to_list() == ["3520212345672", "36302-7654321-3"]
    assert march["father_cnic"].to_list() == ["3520212345671", None]
    assert march["age"].to_list() == ["16", "approx 20"]
    # a date cell becomes an ISO date; typed-in text stays as typed
    assert march["date"].to_list() == ["2025-03-04", "05/03/2025"]
    april = df.filter(pl.col("source_sheet") == "April")
    assert april["name"].to_list() == ["Sadia"]
    assert april["source_row"].to_list() == [2]
    sheets = {r["sheet"]: r for r in rep.sheets.iter_rows(named=True)}
    assert sheets["Notes"]["status"] == "no header"
    assert sheets["Notes"]["records"] == 0
    assert sheets["March"]["header_rows"] == "4, 5"
    for r in sheets.values():
        assert r["rows_read"] == r["records"] + r["set_aside"]
    notes_rows = rep.set_aside.filter(pl.col("sheet") == "Notes")
    assert notes_rows.height == 2
    assert notes_rows["reason"].unique().to_list() == [
        "no recognisable header row in this sheet"
    ]


def test_sheet_selection(tmp_path):
    p = tmp_path / "multan.xlsx"
    _workbook(p)
    df = ts.read_returns(p, sheets="April")
    assert df["source_sheet"].unique().to_list() == ["April"]
    with pytest.raises(
        ReadError, match=r"multan\.xlsx.*sheet 'May'.*March, April, Notes"
    ):
        ts.read_returns(p, sheets=["May"])


def test_directories_globs_and_source_override(tmp_path):
    (tmp_path / "a.csv").write_text("Name,Age\nA,1\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.csv").write_text("Name,Age\nB,2\n")
    (tmp_path / "readme.md").write_text("not a return")
    df = ts.read_returns(tmp_path)
    assert sorted(df["name"].to_list()) == ["A", "B"]
    df = ts.read_returns(str(tmp_path / "**" / "*.csv"), source="Unit X")
    assert df["source"].unique().to_list() == ["Unit X"]
    df = ts.read_returns([tmp_path / "a.csv"], source={"a.csv": "Circle A"})
    assert df["source"].to_list() == ["Circle A"]
    with pytest.raises(ReadError, match="no files match"):
        ts.read_returns(str(tmp_path / "*.xlsx"))


def test_user_aliases_and_unmapped_columns(tmp_path):
    p = tmp_path / "ngo.csv"
    p.write_text("Naam,Umar,Shirt colour\nAli,12,blue\n")
    df, rep = ts.read_returns(
        p, aliases={"Naam": "name", "Umar": "age"}, with_report=True
    )
    assert df.select("name", "age", "Shirt colour").row(0) == ("Ali", "12", "blue")
    assert rep.unmapped_columns["header"].to_list() == ["Shirt colour"]
    with pytest.raises(InvalidArgumentError):
        ts.read_returns(p, aliases={" ": "name"})


def test_bare_country_is_ambiguous_and_left_for_the_user(tmp_path):
    # Returns use "Country" for nationality and for destination alike: never guessed.
    p = tmp_path / "gujranwala.csv"
    p.write_text("Victim Name,Country,Country of Destination\nAli,Pakistan,Oman\n")
    df, rep = ts.read_returns(p, with_report=True)
    assert "nationality" not in df.columns
    assert df["destination"].to_list() == ["Oman"]
    assert rep.unmapped_columns["header"].to_list() == ["Country"]
    df, rep = ts.read_returns(p, aliases={"Country": "nationality"}, with_report=True)
    assert df["nationality"].to_list() == ["Pakistan"]
    assert rep.unmapped_columns.height == 0


def test_duplicated_column_names_are_kept_and_reported(tmp_path):
    p = tmp_path / "dup.csv"
    p.write_text("Name,Age,Name,Remarks,Remarks\nAli,12,Ahmed,x,y\n")
    df, rep = ts.read_returns(p, with_report=True)
    assert df["name"].to_list() == ["Ali"]
    assert df["Name"].to_list() == ["Ahmed"]
    assert df["remarks"].to_list() == ["x"]
    assert df["Remarks"].to_list() == ["y"]
    assert rep.problems.height == 2
    assert all("column" in m for m in rep.problems["message"])


def test_header_only_file_gives_no_records(tmp_path):
    p = tmp_path / "nil.csv"
    p.write_text("FIA AHTC Quetta\nName of Victim,Age,Sex\n")
    df, rep = ts.read_returns(p, with_report=True)
    assert df.height == 0
    assert "name" in df.columns
    assert rep.sheets["records"].to_list() == [0]


def test_xlsx_named_csv_is_read_as_a_workbook(tmp_path):
    p = tmp_path / "misnamed.csv"
    _workbook(p.with_suffix(".xlsx"), notes_sheet=False)
    p.write_bytes(p.with_suffix(".xlsx").read_bytes())
    df, rep = ts.read_returns(p, with_report=True)
    assert df.height == 3
    assert "workbook" in rep.problems["message"][0]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.csv", b"", "file is empty"),
        ("blank.csv", b"\n\n  \n", "file is empty"),
        ("junk.csv", bytes(range(256)) * 8, "not a text file"),
        ("noheader.csv", b"hello there\ngeneral kenobi\n", "no recognisable header"),
        (
            "corrupt.xlsx",
            b"PK\x03\x04 this is not really a zip archive",
            "not a readable",
        ),
        ("random.xlsx", b"\x13\x37" * 500, "not a readable"),
    ],
)
def test_bad_files_raise_naming_the_file(tmp_path, name, content, message):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(ReadError, match=message) as info:
        ts.read_returns(p)
    assert name in str(info.value)
    assert isinstance(info.value, ValueError)


def test_missing_file(tmp_path):
    with pytest.raises(ReadError, match=r"'nowhere\.csv'.*file not found"):
        ts.read_returns(tmp_path / "nowhere.csv")


def test_password_protected_workbook(tmp_path):
    msoffcrypto = pytest.importorskip("msoffcrypto")
    plain = tmp_path / "plain.xlsx"
    _workbook(plain)
    from msoffcrypto.format.ooxml import OOXMLFile

    out = io.BytesIO()
    with plain.open("rb") as f:
        OOXMLFile(f).encrypt("secret", out)
    p = tmp_path / "locked.xlsx"
    p.write_bytes(out.getvalue())
    assert msoffcrypto  # imported for the encryption above
    with pytest.raises(ReadError, match=r"locked\.xlsx.*password-protected"):
        ts.read_returns(p)


def test_workbook_without_any_header(tmp_path):
    p = tmp_path / "notes.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Just notes"])
    wb.save(p)
    with pytest.raises(
        ReadError, match=r"notes\.xlsx.*no sheet has a recognisable header"
    ):
        ts.read_returns(p)


def test_on_error_report_keeps_going(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text("Name,Age\nA,1\n")
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"")
    df, rep = ts.read_returns([bad, good], on_error="report", with_report=True)
    assert df["name"].to_list() == ["A"]
    assert rep.sheets["status"].to_list() == ["error", "read"]
    assert "empty" in rep.problems["message"][0]
    with pytest.raises(InvalidArgumentError):
        ts.read_returns(good, on_error="ignore")  # type: ignore[arg-type]


def test_errors_never_echo_cell_values(tmp_path):
    # A file whose only content is identifying data and no header: the error names the
    # file but not the values.
    p = tmp_path / "ids.csv"
    p.write_text("Rukhsana Bibi 35202-1234567-2 0300-1234567\n")
    with pytest.raises(ReadError) as info:
        ts.read_returns(p)
    msg = str(info.value)
    assert "Rukhsana" not in msg
    assert "35202" not in msg
    assert "0300" not in msg


def test_zip_that_is_not_a_workbook(tmp_path):
    p = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ReadError, match=r"archive\.xlsx"):
        ts.read_returns(p)


cell = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=12,
)


@given(
    rows=st.lists(st.lists(cell, min_size=0, max_size=6), min_size=0, max_size=12),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
)
def test_any_text_is_read_or_refused_cleanly(
    tmp_path_factory, rows, delimiter, encoding
):
    d = tmp_path_factory.mktemp("fuzz")
    body = "\n".join(delimiter.join(r) for r in rows)
    text = "Name of Victim" + delimiter + "Age" + delimiter + "Sex\n" + body
    p = d / "f.csv"
    p.write_bytes(text.encode(encoding))
    try:
        df, rep = ts.read_returns(p, with_report=True)
    except ReadError:
        return
    s = rep.sheets.row(0, named=True)
    assert s["rows_read"] == s["records"] + s["set_aside"]
    # one record per person: a row naming several persons gives several records
    assert df.height == s["persons"] >= s["records"]
    assert rep.set_aside.height <= s["set_aside"]
