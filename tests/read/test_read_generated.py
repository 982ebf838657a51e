"""read_returns on the returns the synthetic generator writes, in every house style.

The generator tells where it wrote each record (file, sheet, row as a spreadsheet shows
it), so every record can be joined back to its ground truth: nothing lost, nothing
duplicated, no value altered.
"""

from __future__ import annotations

import polars as pl
import pytest
import tipsom as ts


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    directory = tmp_path_factory.mktemp("returns")
    return directory, ts.datasets.write_circle_returns(
        directory, n_persons=600, seed=11
    )


@pytest.fixture(scope="module")
def read(written):
    directory, _ = written
    return ts.read_returns(directory, with_report=True)


def _digits(expr: pl.Expr) -> pl.Expr:
    return expr.str.replace_all(r"\D", "")


def test_every_written_record_is_read_exactly_once(written, read):
    _, w = written
    frame, _ = read
    locations = w.locations.select(
        pl.col("file_name").alias("source_file"),
        pl.col("sheet").alias("source_sheet"),
        pl.col("row").cast(pl.Int64).alias("source_row"),
        "record_id",
    )
    joined = frame.join(
        locations,
        on=["source_file", "source_sheet", "source_row"],
        how="full",
        nulls_equal=True,
        coalesce=True,
    )
    assert joined["record_id"].null_count() == 0, (
        "a row read that the generator did not write"
    )
    assert joined.height == frame.height == w.locations.height
    assert joined["record_id"].n_unique() == joined.height


def test_values_survive_unaltered(written, read):
    _, w = written
    frame, _ = read
    truth = w.locations.join(w.records, on="record_id").select(
        pl.col("file_name").alias("source_file"),
        pl.col("sheet").alias("source_sheet"),
        pl.col("row").cast(pl.Int64).alias("source_row"),
        pl.col("cnic").alias("cnic_written"),
        pl.col("sex").alias("sex_written"),
        pl.col("fir_no").alias("fir_written"),
    )
    j = frame.join(
        truth, on=["source_file", "source_sheet", "source_row"], nulls_equal=True
    )
    # CNICs: the digits written are the digits read (Excel number cells included:
    # never 3.52E+12, never a lost leading zero).
    both = j.filter(pl.col("cnic").is_not_null() & pl.col("cnic_written").is_not_null())
    assert both.height > 100
    mismatch = both.filter(_digits(pl.col("cnic")) != _digits(pl.col("cnic_written")))
    assert mismatch.height == 0
    # the reader never produces scientific notation itself: any "E+" was written so
    sci = j.filter(pl.col("cnic").str.contains("E+", literal=True))
    assert sci["cnic_written"].str.contains("E+", literal=True).all()
    # Other text columns: exactly what was written, where the style has the column.
    for read_col, written_col in [("sex", "sex_written"), ("fir_no", "fir_written")]:
        present = j.filter(pl.col(read_col).is_not_null())
        bad = present.filter(
            pl.col(read_col).str.strip_chars() != pl.col(written_col).str.strip_chars()
        )
        assert bad.height == 0, (read_col, bad.head())


def test_every_row_accounted_for(read):
    _, report = read
    s = report.sheets
    assert (s["rows_read"] == s["records"] + s["set_aside"]).all()
    assert (s["status"].is_in(["read", "no header", "summary"])).all()
    reasons = set(report.set_aside["reason"].unique())
    # the generator's house styles include all of these
    assert {"blank row", "total row", "signature or stamp row"} <= reasons
    # sheets without a record header (summaries, notes) are reported, not silently skipped
    no_header = s.filter(pl.col("status") == "no header")
    assert no_header.height >= 1
    for file, sheet, n in no_header.select("file", "sheet", "rows_read").iter_rows():
        listed = report.set_aside.filter(
            (pl.col("file") == file) & (pl.col("sheet") == sheet)
        )
        assert listed.height == n


def test_encodings_delimiters_and_sources_are_detected(written, read):
    _, w = written
    _, report = read
    csv = w.files.filter(pl.col("format") == "csv").select(
        pl.col("file_name").alias("file"), "encoding", "delimiter"
    )
    got = report.sheets.filter(pl.col("format") == "csv").select(
        "file",
        pl.col("encoding").alias("enc_read"),
        pl.col("delimiter").alias("delim_read"),
    )
    j = csv.join(got, on="file")
    assert j.height == csv.height
    expected_names = {
        "utf-8": "utf-8",
        "utf-8-bom": "utf-8 (with BOM)",
        "utf-16le": "utf-16le",
        "windows-1252": "windows-1252",
    }
    for enc, read_enc in j.select("encoding", "enc_read").iter_rows():
        assert expected_names.get(enc, enc) == read_enc
    seen = set(j["encoding"])
    assert {"utf-8-bom", "windows-1252", "utf-16le"} <= seen
    assert ";" in set(j["delimiter"])
    for delim, read_delim in j.select("delimiter", "delim_read").iter_rows():
        assert {"\t": "tab"}.get(delim, delim) == read_delim


def test_source_comes_from_title_rows_else_file_name(written, read):
    _, w = written
    frame, report = read
    per_file = frame.group_by("source_file").agg(pl.col("source").n_unique().alias("n"))
    assert (per_file["n"] == 1).all()
    got = dict(frame.select("source_file", "source").unique().iter_rows())
    titles = dict(w.files.select("file_name", "source_title").iter_rows())
    first_header = (
        report.sheets.filter(pl.col("status") == "read")
        .group_by("file")
        .agg(
            pl.col("header_rows")
            .str.split(",")
            .list.first()
            .cast(pl.Int64)
            .min()
            .alias("h")
        )
    )
    checked = 0
    for file, h in first_header.iter_rows():
        stem = file.rsplit(".", 1)[0]
        if h == 1:
            # no title rows above the header: the file name names the source
            assert got[file] == stem
        else:
            # the unit named in the title rows, not the file name
            assert got[file] != stem
            assert got[file].split(",")[0].split()[0] in titles[file]
            checked += 1
    assert checked >= 5


def test_no_canonical_field_is_left_unmapped(read):
    _, report = read
    unmapped = report.unmapped_columns["header"].unique().to_list()
    canonical_words = ("name", "cnic", "age", "sex", "district", "date", "section")
    for h in unmapped:
        assert not any(w in h.lower() for w in canonical_words), h
