"""The deduplication notebook runs top to bottom."""

from __future__ import annotations


def test_notebook_runs(run_notebook) -> None:
    text = run_notebook("03_deduplicate.ipynb")
    assert "existing ids kept: True" in text
