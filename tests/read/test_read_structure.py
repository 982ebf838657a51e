"""Returns in house styles tipsom was not built on: content-mapped columns, registers read
as a person reads them (merged cells, ditto marks, case continuation rows, several persons
in one cell) and tables that are not records. Files are built by hand in each test."""

from __future__ import annotations

import datetime as dt

import openpyxl
import polars as pl
import pytest
import tipsom as ts
from hypothesis import given, settings
from hypothesis import strategies as st


def _csv(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def _mapping(report, header):
    row = report.columns.filter(pl.col("header") == header)
    assert row.height == 1, header
    return row.row(0, named=True)


def test_unknown_headers_mapped_by_their_values(tmp_path):
    p = _csv(
        tmp_path,
        "odd.csv",
        "No,Identity,Whom,Dated,Particulars,Cell\n"
        "1,35202-1234567-2,Ayesha d/o Aslam,12.03.2022,u/s 3/4 PTPA,0300-1234567\n"
        "2,3520276543213,Bilal s/o Akbar,5/4/2022,22 EO r/w 420 PPC,03217654321\n"
        "3,35202-7654321-3,Sana d/o Rafiq,12th March 2022,371-A PPC,+92 333 1234567\n"
        "4,35202-1111111-1,Hina w/o Tariq,2022-03-15,u/s 3 PSMA,0301-7654321\n"
        "5,35202-2222222-2,Ali s/o Nazir,1-4-22,366-A PPC,0345-1112223\n",
    )
    df, rep = ts.read_returns(p, with_report=True)
    want = {
        "Identity": "cnic",
        "Whom": "name",
        "Dated": "date",
        "Particulars": "law_sections",
        "Cell": "phone",
    }
    for header, field in want.items():
        m = _mapping(rep, header)
        assert m["field"] == field, (header, m)
        assert 0 < m["confidence"] <= 1
    assert _mapping(rep, "Identity")["mapped_by"] == "content"
    # a known word off by its ending is a tolerant header match, confirmed by its values
    assert _mapping(rep, "Dated")["mapped_by"] == "fuzzy header"
    assert _mapping(rep, "Identity")["content"] == "CNIC numbers"
    records = ts.normalize(df)
    assert records["date"].null_count() == 0
    assert records["cnic"].null_count() == 0


def test_a_status_column_of_shelter_outcomes_is_protection_status(tmp_path):
    rows = "\n".join(
        f"{i},Name {i},{s}"
        for i, s in enumerate(
            [
                "Restored to parents",
                "In Dar-ul-Aman",
                "Handed over to family",
                "Referred to Child Protection Bureau",
                "Escaped from shelter",
                "Restored to husband",
            ],
            start=1,
        )
    )
    p = _csv(tmp_path, "shelter.csv", "Sr,Name of Resident,Present Status\n" + rows)
    df, rep = ts.read_returns(p, with_report=True)
    m = _mapping(rep, "Present Status")
    assert (m["field"], m["mapped_by"]) == ("protection_status", "content")
    assert rep.problems["message"].str.contains("protection_status").any()
    records = ts.normalize(df)
    assert records["protection_status"].to_list() == [
        "restored_to_family",
        "in_shelter",
        "restored_to_family",
        "referred",
        "escaped",
        "restored_to_family",
    ]
    assert (records["case_status"] == "unknown").all()


def test_few_values_do_not_override_a_header(tmp_path):
    # "3/6 PSMA 2018" also parses as a date; one value must not re-route the column.
    p = _csv(tmp_path, "one.csv", "Name,Sections of Law\nAli,3/6 PSMA 2018\n")
    _, rep = ts.read_returns(p, with_report=True)
    assert _mapping(rep, "Sections of Law")["field"] == "law_sections"


def test_vertically_merged_case_cells_fill_their_rows(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["S.No", "FIR No", "Date", "U/S", "Name of Victim", "Age"])
    ws.append([1, "224/21", "12.03.2021", "3/4 PTPA", "Ayesha", 17])
    ws.append([None, None, None, None, "Sana", 15])
    ws.append([None, None, None, None, "Hina", 16])
    ws.append([2, "230/21", "14.03.2021", "371-A PPC", "Nadia", 22])
    for col in "ABCD":
        ws.merge_cells(f"{col}2:{col}4")
    p = tmp_path / "register.xlsx"
    wb.save(p)
    df = ts.read_returns(p)
    assert df["name"].to_list() == ["Ayesha", "Sana", "Hina", "Nadia"]
    assert df["fir_no"].to_list() == ["224/21"] * 3 + ["230/21"]
    assert df["law_sections"].to_list() == ["3/4 PTPA"] * 3 + ["371-A PPC"]
    assert df["source_row"].to_list() == [2, 3, 4, 5]


def test_case_proforma_labels_above_the_table_go_to_every_record(tmp_path):
    # One case per sheet: its facts as labels and values, then the table of persons.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Case 7"
    ws.append(["Anti-trafficking cell, Kharian: case sheet"])
    ws.append(["Case No.", "77/2025"])
    ws.append(["Date of Occurrence", "3 March 2025"])
    ws.append(["Sections: 3 PTPA"])
    ws.append(["Complainant", "Zahid s/o Karim"])
    ws.append(["Case Status", "Under trial"])
    ws.append([])
    ws.append(["S. No.", "Name of Victim", "Age"])
    ws.append([1, "Ayesha", 17])
    ws.append([2, "Sana", 15])
    p = tmp_path / "proformas.xlsx"
    wb.save(p)
    df, report = ts.read_returns(p, with_report=True)
    assert df["name"].to_list() == ["Ayesha", "Sana"]
    assert df["case_id"].to_list() == ["77/2025"] * 2
    assert df["date"].to_list() == ["3 March 2025"] * 2
    assert df["law_sections"].to_list() == ["3 PTPA"] * 2
    assert df["case_status"].to_list() == ["Under trial"] * 2
    # The complainant's particulars are not spread to the victims.
    assert "Zahid s/o Karim" not in df.to_pandas().to_numpy().ravel().tolist()
    form = report.columns.filter(pl.col("mapped_by") == "form label")
    assert sorted(form["field"].to_list()) == [
        "case_id",
        "case_status",
        "date",
        "law_sections",
    ]
    assert form.filter(pl.col("field") == "date")["column"].item() == "B3"
    records = ts.normalize(df)
    assert records["date"].to_list() == [dt.date(2025, 3, 3)] * 2
    assert records["crime_type"].to_list() == ["tip", "tip"]


def test_dated_section_labels_date_their_rows(tmp_path):
    # A list in blocks, each under a label with its date, the header repeated per block.
    p = _csv(
        tmp_path,
        "returned.csv",
        "Border post X: persons returned\n"
        "Group 1 - received on 03-Jan-2025\n"
        "Sr,Name,Father Name\n1,Ali,Karim\n2,Umar,Din\n\n"
        "Group 2 - received on 9.1.2025\n"
        "Sr,Name,Father Name\n1,Bilal,Aslam\n",
    )
    df, report = ts.read_returns(p, with_report=True)
    assert df["name"].to_list() == ["Ali", "Umar", "Bilal"]
    assert df["date"].to_list() == ["2025-01-03", "2025-01-03", "2025-01-09"]
    assert report.columns.filter(pl.col("mapped_by") == "section label").height == 1
    # A report date in the title of an unsectioned list dates nothing.
    q = _csv(
        tmp_path,
        "plain.csv",
        "Statement as on 31.01.2025\nSr,Name,Father Name\n1,Ali,Karim\n",
    )
    assert "date" not in ts.read_returns(q).columns


def test_ditto_marks_take_the_value_above(tmp_path):
    p = _csv(
        tmp_path,
        "ditto.csv",
        "Sr,Name,FIR No,Offence\n"
        "1,Ali,12/23,3 PTPA\n"
        '2,Bilal,-do-,"do"\n'
        "3,Hina,15/23,371-A PPC\n"
        "4,Sana,〃,ditto\n",
    )
    df = ts.read_returns(p)
    assert df["fir_no"].to_list() == ["12/23", "12/23", "15/23", "15/23"]
    assert df["law_sections"].to_list() == [
        "3 PTPA",
        "3 PTPA",
        "371-A PPC",
        "371-A PPC",
    ]


def test_unnumbered_rows_continue_the_case_above(tmp_path):
    p = _csv(
        tmp_path,
        "police.csv",
        "Sr. No.,Police Station,FIR No. & Date,Name,Role,Brief Facts\n"
        "1,Sharaqpur,617/23 dt 04.09.2023,Allah Ditta s/o Javed,Complainant,"
        "Child domestic worker recovered u/s 3 PTPA\n"
        ",,,Ameer Hamzah s/o Allah Ditta,Victim,\n"
        "2,Ferozewala,754/23 dt 06.09.2023,Naeem s/o Qadir,Complainant,u/s 371-A PPC\n"
        ",,,Nasreen d/o Naeem,Victim,\n",
    )
    df = ts.read_returns(p)
    assert df["fir_no"].to_list() == [
        "617/23 dt 04.09.2023",
        "617/23 dt 04.09.2023",
        "754/23 dt 06.09.2023",
        "754/23 dt 06.09.2023",
    ]
    records = ts.normalize(df)
    assert records["date"].cast(pl.String).to_list() == [
        "2023-09-04",
        "2023-09-04",
        "2023-09-06",
        "2023-09-06",
    ]
    assert records["law_sections"].to_list()[1] == ["PTPA-2018:3"]


def test_blank_case_cells_without_serial_numbers_are_not_filled(tmp_path):
    # Without a serial-number column a blank FIR cell may mean "no FIR": nothing is copied.
    p = _csv(tmp_path, "cpwb.csv", "Name,FIR No\nAli,12/23\nBilal,\n")
    df = ts.read_returns(p)
    assert df["fir_no"].to_list() == ["12/23", None]


def test_several_persons_in_one_cell(tmp_path):
    p = _csv(
        tmp_path,
        "case_wise.csv",
        "Sr,FIR No,Name of Victim(s),CNIC,Age,Address\n"
        '1,224/21,"1. Ali s/o Akbar (25) 2. Bilal s/o Akbar (19)",'
        '"35202-1234567-1\n35202-7654321-3",,"House 12, Daska"\n'
        '2,225/21,"Sana d/o Rafiq; Hina d/o Rafiq; Nadia d/o Rafiq",3520211111112,14,Kasur\n'
        "3,226/21,Kashif s/o Nazir,35202-2222222-1,30,Lahore\n",
    )
    df, rep = ts.read_returns(p, with_report=True)
    assert df.height == 6
    assert df["victim_index"].to_list() == [1, 2, 1, 2, 3, 1]
    assert df["source_row"].to_list() == [2, 2, 3, 3, 3, 4]
    # parallel lists aligned by position; a case cell shared by all
    assert df["cnic"].to_list()[:2] == ["35202-1234567-1", "35202-7654321-3"]
    assert df["fir_no"].to_list()[:2] == ["224/21", "224/21"]
    assert df["address"].to_list()[:2] == ["House 12, Daska"] * 2
    # one CNIC and one age for three persons cannot be assigned: left empty and reported
    assert df["cnic"].to_list()[2:5] == [None, None, None]
    assert df["age"].to_list()[2:5] == [None, None, None]
    problem = rep.problems.filter(pl.col("row") == 3)
    assert problem.height == 1
    assert "3 persons" in problem["message"][0]
    # no values in the message
    assert "3520211111112" not in problem["message"][0]
    assert rep.sheets["records"][0] == 3
    assert rep.sheets["persons"][0] == 6
    # the age in brackets and the parentage of each person survive normalization
    records = ts.normalize(df)
    assert records["name"].to_list()[:2] == ["Ali", "Bilal"]
    assert records["age"].to_list()[:2] == [25, 19]
    assert records["father_name"].to_list()[:2] == ["Akbar", "Akbar"]
    # record ids stay unique
    assert records["record_id"].n_unique() == records.height


def test_summary_sheet_of_counts_gives_no_records(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Victims"
    ws.append(["S.No", "Name of Victim", "Age", "Sex"])
    ws.append([1, "Ayesha", 17, "F"])
    summary = wb.create_sheet("Abstract")
    summary.append(["Month", "Male", "Female", "Total"])
    summary.append(["January", 3, 5, 8])
    summary.append(["February", 2, 4, 6])
    summary.append(["March", 1, 1, 2])
    p = tmp_path / "with_summary.xlsx"
    wb.save(p)
    df, rep = ts.read_returns(p, with_report=True)
    assert df["name"].to_list() == ["Ayesha"]
    s = rep.sheets.filter(pl.col("sheet") == "Abstract").row(0, named=True)
    assert s["records"] == 0
    assert s["rows_read"] == s["records"] + s["set_aside"]
    reasons = rep.set_aside.filter(pl.col("sheet") == "Abstract")["reason"].unique()
    assert any("summary" in r for r in reasons.to_list())


def test_urdu_only_register(tmp_path):
    text = (
        "دارالامان لاہور\n"
        "نمبر شمار,تاریخ داخلہ,نام,ولدیت,عمر,سکونت,دفعات,کیفیت\n"
        "۱,۱۲ مارچ ۲۰۲۲,مسماۃ رخسانہ,بنت اکبر,۱۷,محلہ اسلام پورہ، گوجرانوالہ,"
        "زیر دفعہ 3 انسداد انسانی اسمگلنگ,والد کے حوالے\n"
    )
    p = _csv(tmp_path, "urdu.csv", text)
    df, _ = ts.read_returns(p, with_report=True)
    r = ts.normalize(df).row(0, named=True)
    assert r["date"].isoformat() == "2022-03-12"
    assert r["age"] == 17
    assert r["sex"] == "female"
    assert r["district"] == "Gujranwala"
    assert r["law_sections"] == ["PTPA-2018:3"]
    assert r["protection_status"] == "restored_to_family"


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.lists(
            st.text(alphabet="ab1 ,.-/\n", max_size=12),
            min_size=4,
            max_size=4,
        ),
        min_size=1,
        max_size=8,
    )
)
def test_every_row_is_accounted_for_whatever_the_cells(tmp_path_factory, rows):
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["Sr", "Name of Victim", "CNIC", "Age"])
    for r in rows:
        w.writerow(r)
    p = tmp_path_factory.mktemp("acc") / "r.csv"
    p.write_text(buf.getvalue(), encoding="utf-8")
    df, rep = ts.read_returns(p, with_report=True)
    s = rep.sheets.row(0, named=True)
    assert s["rows_read"] == s["records"] + s["set_aside"]
    assert s["persons"] >= s["records"]
    assert df.height == s["persons"]
    assert df["victim_index"].min() is None or df["victim_index"].min() >= 1


@pytest.mark.parametrize(
    ("address", "district"),
    [
        ("House 388, Madina Colony, Gujranwalla", "Gujranwala"),
        ("Mohallah Arainan, Qila Didar Singh", "Gujranwala"),
        ("Village X, Tehsil Pindi Bhattian, Distt Hafizabad", "Hafizabad"),
        ("Near Bus Stand, Lahore Road, Sheikhupura", "Sheikhupura"),
        ("Lyallpur", "Faisalabad"),
        ("Campbellpur", "Attock"),
        ("Montgomery", "Sahiwal"),
        # A quarter and its town without a comma: the town after the quarter decides,
        # however the quarter is named.
        ("Jinnah Colony Kamoke", "Gujranwala"),
        ("Mohalla Rehmanpura Pasrur", "Sialkot"),
        ("Kot Lakhpat Colony Daska", "Sialkot"),
    ],
)
def test_districts_inside_addresses(address, district):
    r = ts.normalize(pl.DataFrame({"address": [address]}))
    assert r["district"][0] == district
