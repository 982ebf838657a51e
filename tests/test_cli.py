"""The tipsom command line, run in-process."""

from __future__ import annotations

import polars as pl
import pytest
import tipsom as ts
from tipsom.cli import main


@pytest.fixture(scope="module")
def returns_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("returns")
    ts.datasets.write_circle_returns(d, n_persons=150, seed=5)
    return d


def test_read_writes_records_and_report(returns_dir, tmp_path, capsys):
    out = tmp_path / "records.parquet"
    assert main(["read", str(returns_dir), "-o", str(out), "--quiet"]) == 0
    records = pl.read_parquet(out)
    assert records.height > 150
    assert {"source", "source_file", "source_row", "cnic"} <= set(records.columns)
    report = pl.read_csv(tmp_path / "records_read_report.csv")
    assert (report["rows_read"] == report["records"] + report["set_aside"]).all()
    assert (tmp_path / "records_set_aside.csv").exists()
    printed = capsys.readouterr().out
    assert "records kept" in printed
    assert f"wrote {records.height} records" in printed


def test_normalize_writes_csv_with_lists_joined(returns_dir, tmp_path):
    out = tmp_path / "normalized.csv"
    assert main(["normalize", str(returns_dir), "-o", str(out), "--quiet"]) == 0
    frame = pl.read_csv(out, infer_schema=False)
    assert {"cnic", "cnic_raw", "sex", "issues"} <= set(frame.columns)


def test_bad_input_is_a_clear_error_with_exit_code_2(tmp_path, capsys):
    missing = tmp_path / "nowhere.csv"
    assert main(["read", str(missing), "-o", str(tmp_path / "x.csv"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "nowhere.csv" in err
    assert "file not found" in err


def test_demo_runs_the_whole_job(tmp_path, capsys):
    assert (
        main(["demo", "--directory", str(tmp_path / "demo"), "--persons", "300"]) == 0
    )
    out = capsys.readouterr().out
    for step in (
        "Read",
        "Normalize",
        "Deduplicate",
        "Detected victims",
        "Hidden victims",
        "Headquarters: two monthly compilations",
    ):
        assert step in out
    assert "compilation 2:" in out
    assert (tmp_path / "demo" / "hq_state" / "records.parquet").exists()
    report = tmp_path / "demo" / "report.html"
    assert report.exists()
    assert report.stat().st_size > 10_000
