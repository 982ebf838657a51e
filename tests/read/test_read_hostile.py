"""read_returns on hostile files: far-away cells, hidden sheets, error cells, crafted XML,
unclosed quotes, cut-off encodings and legacy .xls. Every file is built here."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
import zipfile

import openpyxl
import polars as pl
import pytest
import tipsom as ts
from tipsom.cli import main
from tipsom.exceptions import ReadError


def _victims_csv(rows):
    return "FIA AHT Circle Lahore\nSr. No.,Name of Victim,Age,Sex\n" + "".join(
        f"{r}\n" for r in rows
    )


def test_unclosed_quote_is_read_as_text_and_reported(tmp_path):
    rows = [f"{i},Person {i},{20 + i},F" for i in range(1, 9)]
    rows[4] = '5,"Person 5,25,F'  # row 7 of the file: the quote never closes
    p = tmp_path / "quote.csv"
    p.write_text(_victims_csv(rows))
    df, rep = ts.read_returns(p, with_report=True)
    assert df.height == 8
    assert df["source_row"].to_list() == list(range(3, 11))
    assert df["name"].to_list()[4] == '"Person 5'
    assert df["name"].to_list()[5:] == ["Person 6", "Person 7", "Person 8"]
    assert rep.problems.select("file", "row", "message").rows() == [
        (
            "quote.csv",
            7,
            "a quote opened in this row is never closed; the quote was read as text",
        )
    ]
    s = rep.sheets.row(0, named=True)
    assert s["rows_read"] == s["records"] + s["set_aside"] == 10


def test_stray_quote_closed_by_another_rows_later(tmp_path):
    rows = [f"{i},Person {i},{20 + i},F" for i in range(1, 9)]
    rows[2] = '3,"Person 3,23,F'  # row 5 opens a quote...
    rows[5] = '6,Person 6",26,F'  # ... that row 8 "closes"
    p = tmp_path / "stray_quote.csv"
    p.write_text(_victims_csv(rows))
    df, rep = ts.read_returns(p, with_report=True)
    assert df["source_row"].to_list() == list(range(3, 11))
    assert df["name"].to_list()[3:5] == ["Person 4", "Person 5"]
    assert df["age"].to_list() == [str(20 + i) for i in range(1, 9)]
    assert rep.problems["row"].to_list() == [5]


def test_quoted_line_breaks_still_work(tmp_path):
    p = tmp_path / "address.csv"
    p.write_text(
        "Name of Victim,Address,Age\n"
        'Ali,"House 5, Street 7\nKasur",12\n'
        'Sara,"Flat 2\nBlock B\nLahore",30\n'
        "Zara,Multan,9\n"
    )
    df, rep = ts.read_returns(p, with_report=True)
    assert df["address"].to_list() == [
        "House 5, Street 7\nKasur",
        "Flat 2\nBlock B\nLahore",
        "Multan",
    ]
    assert df["source_row"].to_list() == [2, 3, 4]
    assert rep.problems.height == 0


@pytest.mark.parametrize("bom", [True, False])
def test_utf16_with_an_odd_trailing_byte_is_reported(tmp_path, bom):
    text = "Name of Victim\tAge\tSex\nعائشہ\t17\tF\nAli\t12\tM\n"
    data = text.encode("utf-16-le") + b"\x00\x41"[:1]
    p = tmp_path / "odd.txt"
    p.write_bytes((b"\xff\xfe" if bom else b"") + data)
    df, rep = ts.read_returns(p, with_report=True)
    assert df["name"].to_list() == ["عائشہ", "Ali"]
    assert df["sex"].to_list() == ["F", "M"]
    assert rep.problems.height == 1
    problem = rep.problems.row(0, named=True)
    assert problem["file"] == "odd.txt"
    assert "odd byte" in problem["message"]


def test_utf8_cut_off_mid_character_is_reported(tmp_path):
    p = tmp_path / "cut.csv"
    p.write_bytes("Name of Victim,Age\nعائشہ,17\nعلی,1".encode() + "۲".encode()[:1])
    df, rep = ts.read_returns(p, with_report=True)
    assert df["name"].to_list() == ["عائشہ", "علی"]
    assert df["age"].to_list() == ["17", "1"]
    assert rep.sheets["encoding"].to_list() == ["utf-8"]
    assert rep.problems["message"].to_list() == [
        "the file ends in the middle of a utf-8 character (it was probably cut "
        "short); the last 1 byte(s) were dropped"
    ]


def _table_workbook(path, *, stray=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "March"
    ws.append(["Sr. No.", "Name of Victim", "Age", "Sex"])
    for i in range(1, 4):
        ws.append([i, f"Person {i}", 20 + i, "F"])
    if stray:
        ws[stray] = "x"
    wb.save(path)


# A child process: the old reader allocated by the declared dimension and was killed.
_CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    import tipsom as ts
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    df, rep = ts.read_returns(sys.argv[1], on_error="report", with_report=True)
    print(json.dumps({
        "seconds": time.perf_counter() - start,
        "grown_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before,
        "names": df["name"].to_list(),
        "rows": df["source_row"].to_list(),
        "status": rep.sheets["status"].to_list(),
        "problems": rep.problems["message"].to_list(),
        "set_aside": rep.set_aside.select("row", "reason").rows(),
    }))
    """
)


@pytest.mark.parametrize("stray", ["XFD1048576", "CV1048576"])
def test_a_stray_cell_far_away_is_read_quickly_in_little_memory(tmp_path, stray):
    p = tmp_path / "stray.xlsx"
    _table_workbook(p, stray=stray)
    assert p.stat().st_size < 10_000
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(p)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    got = json.loads(out.stdout)
    assert got["names"] == ["Person 1", "Person 2", "Person 3"]
    assert got["rows"] == [2, 3, 4]
    assert got["status"] == ["read"]
    # The lone cell is accounted for: a note set aside at its own row.
    assert [1048576, "note or section label in a single cell"] in got["set_aside"]
    assert any("rows 5 to 1048575 are empty" in m for m in got["problems"])
    # Well under a second and a few MB (the old reader: 16 s and 5.7 GB, or killed).
    assert got["seconds"] < 2.0
    assert got["grown_kb"] < 100_000


def test_hidden_sheets_are_listed_but_not_read_unless_named(tmp_path):
    p = tmp_path / "hidden.xlsx"
    _table_workbook(p)
    wb = openpyxl.load_workbook(p)
    for title, state in [("Old", "hidden"), ("Lists", "veryHidden")]:
        ws = wb.create_sheet(title)
        ws.append(["Name of Victim", "Age", "Sex"])
        ws.append([f"{title} person", 30, "M"])
        ws.sheet_state = state
    wb.save(p)
    df, rep = ts.read_returns(p, with_report=True)
    assert df["name"].to_list() == ["Person 1", "Person 2", "Person 3"]
    assert rep.sheets.select("sheet", "status", "rows_read", "records").rows() == [
        ("March", "read", 4, 3),
        ("Old", "hidden", 0, 0),
        ("Lists", "very hidden", 0, 0),
    ]
    assert set(rep.set_aside["sheet"]) <= {"March"}
    df = ts.read_returns(p, sheets="Old")
    assert df["name"].to_list() == ["Old person"]
    df = ts.read_returns(p, sheets=["March", "Lists"])
    assert df["name"].to_list()[-1] == "Lists person"


def test_only_hidden_sheets_with_data_says_so(tmp_path):
    p = tmp_path / "drafts.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Cover"
    wb.active["A1"] = "See the other sheet"
    ws = wb.create_sheet("Data")
    ws.append(["Name of Victim", "Age"])
    ws.append(["A", 1])
    ws.sheet_state = "hidden"
    wb.save(p)
    with pytest.raises(ReadError, match="hidden sheets were not read"):
        ts.read_returns(p)
    assert ts.read_returns(p, sheets="Data").height == 1


def test_error_cells_and_formulas_without_results_are_empty_and_reported(tmp_path):
    p = tmp_path / "errors.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "March"
    ws.append(["Sr. No.", "Name of Victim", "Age", "CNIC", "Total"])
    codes = ["#REF!", "#DIV/0!", "#N/A", "#VALUE!", "#NAME?", "#NULL!", "#NUM!"]
    for i in range(1, 13):
        ws.append([i, f"Person {i}", 20, "35202-0000000-0", f"=C{i + 1}*2"])
    for k, code in enumerate(codes):
        ws.cell(row=2 + k, column=4, value=code)
    wb.save(p)
    # openpyxl writes formulas without a cached result, and error codes as error cells
    with zipfile.ZipFile(p) as z:
        sheet_xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert '<c r="D7" t="e"><v>#NULL!</v></c>' in sheet_xml
    assert '<c r="E5"><f>C5*2</f><v /></c>' in sheet_xml

    df, rep = ts.read_returns(p, with_report=True)
    assert df.height == 12
    assert df["cnic"].to_list()[:7] == [None] * 7
    assert df["cnic"].to_list()[7] == "35202-0000000-0"
    assert df["Total"].null_count() == 12
    assert rep.problems.columns == ["file", "sheet", "row", "column", "message"]
    cells = rep.problems.filter(pl.col("column").is_not_null())
    assert cells.select("file", "sheet", "row", "column").rows() == [
        ("errors.xlsx", "March", 2 + k, "D") for k in range(7)
    ]
    assert cells["message"][5] == "cell D7 holds the error #NULL!; read as empty"
    for code, message in zip(codes, cells["message"], strict=True):
        assert code in message
    formulas = rep.problems.filter(pl.col("message").str.starts_with("formula"))
    assert formulas.height == 1
    assert formulas["message"][0].startswith(
        "formula without a saved result in E2, E3, E4, E5, E6 ... (12 cells): "
        "open and save the file in Excel so the values are stored"
    )
    assert "problem: errors.xlsx [March] row 2: cell D2 holds" in rep.summary()


MARKER = "Rukhsana Bibi 35202-1234567-2"


def _crafted(tmp_path, name, cell_xml):
    """A workbook whose cell B2 is replaced by `cell_xml` in the sheet's XML."""
    plain = tmp_path / ("plain_" + name)
    _table_workbook(plain)
    p = tmp_path / name
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(p, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text, n = re.subn(r'<c r="B2"[^>]*>.*?</c>', cell_xml, data.decode())
                assert n == 1
                data = text.encode()
            dst.writestr(item, data)
    return p


@pytest.mark.parametrize(
    "cell_xml",
    [
        # an error cell whose code is a name: the library's error quotes it
        f'<c r="B2" t="e"><v>{MARKER}</v></c>',
        # a boolean cell holding a name: likewise
        f'<c r="B2" t="b"><v>{MARKER}</v></c>',
        # an unknown cell type
        f'<c r="B2" t="{MARKER}"><v>1</v></c>',
        # a number cell holding a name
        f'<c r="B2" t="n"><v>{MARKER}</v></c>',
    ],
)
def test_library_errors_never_echo_the_file_content(tmp_path, capsys, cell_xml):
    p = _crafted(tmp_path, "crafted.xlsx", cell_xml)
    with pytest.raises(ReadError) as info:
        ts.read_returns(p)
    message = str(info.value)
    assert "crafted.xlsx" in message
    assert "sheet 'March'" in message
    assert "the sheet cannot be read" in message
    assert "Rukhsana" not in message
    assert "35202" not in message

    good = tmp_path / "good.csv"
    good.write_text("Name,Age\nA,1\n")
    df, rep = ts.read_returns([p, good], on_error="report", with_report=True)
    assert df.height == 1
    for column in rep.problems.columns:
        for value in rep.problems[column].cast(pl.String).drop_nulls():
            assert "Rukhsana" not in value
            assert "35202" not in value

    out = tmp_path / "out" / "records.csv"
    assert main(["read", str(p), str(good), "-o", str(out), "--keep-going"]) == 0
    assert main(["read", str(p), "-o", str(tmp_path / "x.csv"), "--quiet"]) == 2
    captured = capsys.readouterr()
    written = (out.parent / "records_problems.csv").read_text()
    assert "crafted.xlsx" in written
    for text in (captured.out, captured.err, written):
        assert "Rukhsana" not in text
        assert "35202" not in text


@pytest.mark.parametrize(
    "ref", ["AAAAAAAAAAAAAAAA2", "B99999999999999999", "B4294967296"]
)
def test_overflowing_cell_references_are_damage_not_a_crash(tmp_path, ref):
    # The library's arithmetic on such a reference overflows: a panic in a debug build,
    # a wrapped-around position in a release build. Either way the process goes on.
    p = _crafted(
        tmp_path, "overflow.xlsx", f'<c r="{ref}" t="inlineStr"><is><t>A</t></is></c>'
    )
    try:
        names, message = ts.read_returns(p)["name"].to_list(), ""
    except ReadError as err:
        names, message = [], str(err)
    if message:
        assert "overflow.xlsx" in message
    else:
        assert {"Person 2", "Person 3"} <= set(names)


def test_legacy_xls_with_merged_cells_and_a_hidden_sheet(tmp_path):
    xlwt = pytest.importorskip("xlwt")
    wb = xlwt.Workbook()
    ws = wb.add_sheet("March")
    ws.write(0, 0, "FIA AHT Circle Multan")
    ws.write_merge(2, 3, 0, 0, "Sr")
    ws.write_merge(2, 2, 1, 3, "Victim particulars")
    ws.write_merge(2, 2, 4, 5, "Father / Guardian")
    for c, label in enumerate(["Name", "Age", "CNIC", "Name", "CNIC"], start=1):
        ws.write(3, c, label)
    ws.write_merge(2, 3, 6, 6, "Date")
    for r, row in enumerate(
        [
            [1, "Nasreen", 16, 3520212345672.0, "Aslam", 3520212345671.0, "04/03/2025"],
            [2, "Zahid", "approx 20", "36302-7654321-3", "Karim", "", "05/03/2025"],
        ],
        start=4,
    ):
        for c, v in enumerate(row):
            ws.write(r, c, v)
    ws.write(6, 0, "Total")
    ws.write(6, 6, 2)
    old = wb.add_sheet("Old")
    old.write(0, 0, "Name of Victim")
    old.write(0, 1, "Age")
    old.write(1, 0, "Hidden person")
    old.visibility = 1
    p = tmp_path / "multan.xls"
    wb.save(str(p))

    df, rep = ts.read_returns(p, with_report=True)
    assert df["name"].to_list() == ["Nasreen", "Zahid"]
    assert df["father_name"].to_list() == ["Aslam", "Karim"]
    assert df["cnic"].to_list() == ["3520212345672", "36302-7654321-3"]
    assert df["father_cnic"].to_list() == ["3520212345671", None]
    assert df["source_row"].to_list() == [5, 6]
    assert df["source"].unique().to_list() == ["FIA AHT Circle Multan"]
    assert rep.sheets.select("sheet", "format", "status", "header_rows").rows() == [
        ("March", "xls", "read", "3, 4"),
        ("Old", "xls", "hidden", None),
    ]
    assert ts.read_returns(p, sheets="Old")["name"].to_list() == ["Hidden person"]
