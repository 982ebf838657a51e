"""Canary identifiers planted in every kind of bad cell, file name and title row.

No canary may reach a message (exception, warning, log line), a published table, the
HTML report, the Excel workbook or a victim-level export. File names may appear in the
analyst's own messages and read report (they say which file to fix), never in anything
published.
"""

from __future__ import annotations

import json
import logging
import warnings

import openpyxl
import pandas as pd
import polars as pl
import pytest
import tipsom as ts
from tipsom.exceptions import TipsomError

#: Planted in cells and the title row: never anywhere.
VALUE_CANARIES = (
    "Zarmeena",  # a name in the age, sex and date columns
    "4210198765431",  # a CNIC (digits) in the date column
    "42101-9876543-1",
    "03451239876",  # a phone number in the sex column
    "Qalandarabad",  # an address in the district column
    "Gulbahar",  # a name in the title row
    "3520255544433",  # a CNIC in the title row
)
#: Planted in the file name: allowed in the analyst's messages, never published.
FILE_CANARIES = ("FIR_6110144455562", "Noorjehan")


def _rows() -> str:
    lines = [
        "Statement of victim Gulbahar CNIC 3520255544433 Police Station Saddar",
        "Sr.,Name of Victim,CNIC,Sex,Age,Date of Recovery,District",
    ]
    good = [
        f"{i},Person{i},35202-{1000000 + i}-{i % 10},{'F' if i % 2 else 'M'},"
        f"{18 + i % 30},2023-0{1 + i % 9}-1{i % 9},Lahore"
        for i in range(1, 40)
    ]
    bad = [
        "40,Zarmeena,42101-9876543-1,03451239876,Zarmeena,4210198765431,Qalandarabad",
        "41,Person41,4210198765431,Zarmeena,999999999999999999999,Zarmeena,Lahore",
    ]
    return "\n".join([*lines, *good, *bad]) + "\n"


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    d = tmp_path_factory.mktemp("canary")
    (d / "FIR_6110144455562_Noorjehan.csv").write_text(_rows(), encoding="utf-8")
    return d


def _text_of(frame: pl.DataFrame) -> str:
    return " ".join([*frame.columns, *(str(v) for row in frame.rows() for v in row)])


def test_no_canary_in_messages_reports_or_exports(planted, tmp_path, caplog):
    messages: list[str] = []
    published: list[str] = []
    caplog.set_level(logging.DEBUG)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        raw, read_report = ts.read_returns(planted, with_report=True)
        records = ts.normalize(raw)
        messages.append(read_report.summary())
        for part in (read_report.problems, read_report.set_aside):
            messages.append(_text_of(part.drop("file", strict=False)))
        messages.append(_text_of(read_report.columns.drop("file", strict=False)))
        messages.append(_text_of(records.select("issues").explode("issues")))
        messages.append(_text_of(ts.quality(records).drop("source")))

        # Errors on bad input: each message is collected.
        def fails(call):
            with pytest.raises(TipsomError) as err:
                call()
            messages.append(str(err.value))

        text_date = records.with_columns(pl.lit("Zarmeena 4210198765431").alias("date"))
        fails(lambda: ts.quality(text_date))
        fails(
            lambda: ts.indicators.rates(
                records.with_columns(pl.lit("Qalandarabad").alias("province")).drop(
                    "district"
                ),
                unit="record",
                by=["province"],
                census=pl.DataFrame({"province": ["Punjab"], "population": [10]}),
            )
        )
        mixed = pd.DataFrame(
            {"record_id": ["a", "b"], "sex": ["female", "male"], "age": ["Zarmeena", 5]}
        )
        fails(lambda: ts.indicators.victims(mixed, by=("sex",), unit="record"))
        assert "column 'age'" in messages[-1]
        bad_json = tmp_path / "model.json"
        bad_json.write_text('{"name": "Zarmeena 4210198765431" ', encoding="utf-8")
        fails(lambda: ts.Linker.load(bad_json))
        bad_bytes = tmp_path / "model2.json"
        bad_bytes.write_bytes(b"\xff\xfe Zarmeena")
        fails(lambda: ts.Linker.load(bad_bytes))

        # Published outputs, with a person per record.
        persons = records.with_columns(pl.col("record_id").alias("person_id"))

        class Links:
            def __init__(self, r):
                self.records = r

        link = Links(persons)
        tables = ts.indicators.publication_tables(persons, link)
        published.extend(_text_of(t) for t in tables.values())
        published.append(ts.report(persons, link, path=tmp_path / "r.html").read_text())
        book = ts.indicators.export_excel(persons, link, path=tmp_path / "r.xlsx")
        published.append(
            " ".join(
                str(c.value)
                for ws in openpyxl.load_workbook(book).worksheets
                for row in ws.iter_rows()
                for c in row
            )
        )
        shared = ts.export.victims(link, key=b"canary test key 16+", k=2)
        published.extend([_text_of(shared.data), _text_of(shared.report)])
        htcds = ts.export.htcds(link, key=b"canary test key 16+", k=2)
        published.append(_text_of(htcds.data))
    messages.extend(str(w.message) for w in caught)
    messages.extend(r.getMessage() for r in caplog.records)
    assert len(messages) > 10
    assert len(published) > 10
    everything = "\n".join(messages + published)
    for canary in VALUE_CANARIES:
        assert canary not in everything, canary
    for canary in FILE_CANARIES:
        assert canary not in "\n".join(published), canary
    # The planted rows were read (the test would pass vacuously otherwise).
    assert records.height == 41
    assert json.dumps(records["name"].to_list()).count("Zarmeena") == 1


#: Planted in a header row that is really a victim's row: never in a message, a
#: report, a column name or anything published.
HEADER_CANARIES = ("Shamim", "Noor Din", "7654321", "7777777", "1995")


def test_header_cells_that_look_personal_are_not_echoed(tmp_path, caplog):
    # The first row read as the header is a victim's row: her name with her
    # father's, a phone number, a date of birth, a CNIC (twice: a repeated header).
    header = (
        "Name of Victim,Age,Sex,Shamim Akhtar d/o Noor Din,0345-7654321,"
        "12-03-1995,35202-7777777-1,Shamim Akhtar d/o Noor Din"
    )
    rows = [f"Person{i},{20 + i},F,a{i},b{i},c{i},d{i},e{i}" for i in range(8)]
    (tmp_path / "return.csv").write_text("\n".join([header, *rows]) + "\n")
    caplog.set_level(logging.DEBUG)
    texts: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        raw, report = ts.read_returns(tmp_path, with_report=True)
        records = ts.normalize(raw)
        texts += [report.summary(), report._repr_html_()]
        texts += [_text_of(t) for t in (report.columns, report.problems, report.sheets)]
        texts += [" ".join(raw.columns), " ".join(records.columns)]
        # A message listing the columns of a frame keeps such a name out as well.
        named = pl.DataFrame({"sex": ["female"], "Shamim Akhtar d/o Noor Din": [1]})
        with pytest.raises(TipsomError) as err:
            ts.indicators.suppress(named, value="victims")
        texts.append(str(err.value))
        persons = records.with_columns(pl.col("record_id").alias("person_id"))
        texts += [
            _text_of(t) for t in ts.indicators.publication_tables(persons).values()
        ]
    texts += [str(w.message) for w in caught]
    texts += [r.getMessage() for r in caplog.records]
    everything = "\n".join(texts)
    for canary in HEADER_CANARIES:
        assert canary not in everything, canary
    # The columns are kept (under their letters) and the report says what they were.
    assert {"column_D", "column_E", "column_F", "column_G", "column_H"} <= set(
        raw.columns
    )
    assert raw["column_D"].to_list()[:2] == ["a0", "a1"]
    shown = dict(zip(report.columns["column"], report.columns["header"], strict=True))
    assert "name with parentage" in shown["D"]
    assert "phone" in shown["E"]
    assert "date" in shown["F"]
    assert "CNIC" in shown["G"]
    assert shown["A"] == "Name of Victim"  # real headers are shown as they are
    assert "withheld" in str(err.value)
