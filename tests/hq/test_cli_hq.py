"""`tipsom template`, `tipsom compile` and `tipsom feedback`, run in-process."""

from __future__ import annotations

import polars as pl
import tipsom as ts
from tipsom.cli import main


def _returns(tmp_path):
    """Two months of filled templates from three units; one unit misses June."""
    df = ts.datasets.circle_returns(120, seed=11)
    units = sorted(df["source"].unique().to_list())[:3]
    df = df.filter(pl.col("source").is_in(units)).with_row_index("i")
    rows = df.select(
        "i",
        "source",
        "fir_no",
        pl.col("true_date").alias("date"),
        pl.col("true_district").alias("district"),
        pl.col("true_name").alias("name"),
        pl.col("true_father_name").alias("father_name"),
        pl.col("true_sex").alias("sex"),
        pl.col("true_age").alias("age"),
        pl.col("true_cnic").alias("cnic"),
        pl.col("true_case_status").alias("case_status"),
    )
    written = []
    for month in ("2025-05", "2025-06"):
        d = tmp_path / month
        for k, unit in enumerate(units):
            if month == "2025-06" and k == 2:
                continue
            part = rows.filter(
                (pl.col("source") == unit)
                & ((pl.col("i") % 2 == 0) == (month == "2025-05"))
            ).drop("i", "source")
            path = d / f"unit{k}.xlsx"
            ts.template.write(path, unit=unit, period=month, records=part)
            written.append(path)
    return units, tmp_path / "2025-05", tmp_path / "2025-06"


def test_template_compile_feedback(tmp_path, capsys):
    blank = tmp_path / "blank.xlsx"
    assert (
        main(["template", "-o", str(blank), "--unit", "U", "--period", "2025-05"]) == 0
    )
    assert blank.exists()
    units, may, june = _returns(tmp_path)
    state = tmp_path / "state"
    assert main(["compile", str(may), "--state", str(state), "--quiet"]) == 0
    assert main(["compile", str(june), "--state", str(state)]) == 0
    printed = capsys.readouterr().out
    assert "missing returns: 1" in printed
    coverage = pl.read_csv(state / "compilation_0002" / "coverage.csv")
    assert coverage.filter(pl.col("unit") == units[2])["2025-06"].item() == "missing"
    changes = pl.read_csv(state / "compilation_0002" / "changes.csv")
    assert set(changes["event"]) <= {
        "new_person",
        "seen_again_same_unit",
        "seen_again_other_unit",
        "merge",
        "split",
    }
    out = tmp_path / "feedback"
    assert main(["feedback", "--state", str(state), "-o", str(out), "--quiet"]) == 0
    pages = sorted(p.name for p in out.iterdir())
    assert len(pages) == 3
    assert all(p.endswith(".html") for p in pages)
    page = (out / pages[0]).read_text("utf-8")
    assert "average of all units" in page


def test_compile_bad_state_is_exit_code_2(tmp_path, capsys):
    (tmp_path / "meta.json").write_text("{}")
    code = main(["compile", str(tmp_path), "--state", str(tmp_path), "--quiet"])
    assert code == 2
    assert "incomplete" in capsys.readouterr().err
