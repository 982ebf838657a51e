"""read_returns on hostile files: far-away cells, hidden sheets, error cells, crafted XML,
unclosed quotes, cut-off encodings and legacy .xls. Every file is built here."""

from __future__ import annotations

import pytest
import tipsom as ts


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
