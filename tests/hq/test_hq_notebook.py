"""The monthly-compilation notebook runs top to bottom."""

from __future__ import annotations


def test_notebook_runs(run_notebook) -> None:
    text = run_notebook("07_monthly_compilation.ipynb")
    assert "problems: 0" in text
    assert "unmapped columns: 0" in text
    assert "seen_again_other_unit: recorded by" in text
    assert "missing returns: 1" in text
    assert "revisions applied: 1" in text
    assert "4 feedback pages; True" in text
