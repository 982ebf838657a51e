from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from tipsom import _core
from tipsom.exceptions import InvalidArgumentError, SchemaError
from tipsom.indicators import publication_table, round_counts, suppress


def recoverable_cells(values: np.ndarray, pattern: dict) -> list[tuple[int, int]]:
    """Try to recover suppressed cells from the published table by linear algebra.

    The published table is the (r+1)x(c+1) array of cells and margins; each row and
    column is an equation (cells sum to the total). Unknowns are the suppressed entries.
    An unknown is recovered exactly when its unit vector lies in the row space of the
    equations.
    """
    r, c = values.shape
    status = np.empty((r + 1, c + 1), dtype=object)
    status[:r, :c] = (
        np.array(pattern["cells"], dtype=object).reshape(r, c)
        if r * c
        else status[:r, :c]
    )
    status[:r, c] = pattern["row_totals"]
    status[r, :c] = pattern["column_totals"]
    status[r, c] = pattern["grand_total"]
    unknown = [
        (i, j)
        for i in range(r + 1)
        for j in range(c + 1)
        if status[i, j] != "published"
    ]
    if not unknown:
        return []
    index = {cell: k for k, cell in enumerate(unknown)}
    equations = []
    for i in range(r + 1):  # row i: cells - total = 0
        eq = np.zeros(len(unknown))
        for j in range(c + 1):
            if (i, j) in index:
                eq[index[(i, j)]] = -1.0 if j == c else 1.0
        equations.append(eq)
    for j in range(c + 1):
        eq = np.zeros(len(unknown))
        for i in range(r + 1):
            if (i, j) in index:
                eq[index[(i, j)]] = -1.0 if i == r else 1.0
        equations.append(eq)
    a = np.array(equations)
    rank = np.linalg.matrix_rank(a)
    found = []
    for cell, k in index.items():
        e = np.zeros(len(unknown))
        e[k] = 1.0
        if np.linalg.matrix_rank(np.vstack([a, e])) == rank:
            found.append(cell)
    return found


tables = st.integers(1, 6).flatmap(
    lambda r: st.integers(1, 6).flatmap(
        lambda c: st.lists(
            st.one_of(st.integers(0, 4), st.integers(0, 60)),
            min_size=r * c,
            max_size=r * c,
        ).map(lambda v: np.array(v, dtype=np.int64).reshape(r, c))
    )
)


@given(tables, st.sampled_from([3, 5, 10]))
def test_no_suppressed_cell_recoverable_from_margins(values, threshold):
    r, c = values.shape
    pattern = _core.suppress_table(values.ravel().tolist(), r, c, threshold)
    cells = np.array(pattern["cells"]).reshape(r, c)
    # Every small non-zero cell is withheld.
    assert all(cells[values > 0][values[values > 0] < threshold] != "published")
    assert recoverable_cells(values, pattern) == []
    # Every row and column holding a suppressed cell holds at least two.
    full = np.empty((r + 1, c + 1), dtype=object)
    full[:r, :c] = cells
    full[:r, c] = pattern["row_totals"]
    full[r, :c] = pattern["column_totals"]
    full[r, c] = pattern["grand_total"]
    hidden = full != "published"
    for line in [*hidden, *hidden.T]:
        assert line.sum() != 1


def test_recovery_check_can_fail():
    # Primary suppression alone (one hidden cell) is recoverable: the checker works.
    values = np.array([[3, 20], [30, 40]])
    pattern = {
        "cells": ["primary", "published", "published", "published"],
        "row_totals": ["published"] * 2,
        "column_totals": ["published"] * 2,
        "grand_total": "published",
    }
    assert recoverable_cells(values, pattern) == [(0, 0)]


def test_suppress_known_answer():
    t = pl.DataFrame(
        {
            "province": ["Punjab"] * 3 + ["Sindh"] * 3 + ["Balochistan"] * 3,
            "sex": ["female", "male", "transgender"] * 3,
            "victims": [120, 80, 2, 40, 30, 0, 6, 9, 0],
        }
    )
    s = suppress(t, rows=["province"], columns="sex")
    status = {(p, x): st for p, x, _, st in s.iter_rows()}
    assert status[("Punjab", "transgender")] == "primary"
    assert status[("Sindh", "transgender")] == "published"  # zeros are published
    hidden = s.filter(pl.col("victims_status") != "published")
    assert hidden["victims"].null_count() == hidden.height
    assert hidden.height >= 2
    # The transgender total (2) is withheld too, and with it a second total, so that the
    # published totals cannot give the hidden cells back.
    wide = publication_table(t, rows=["province"], columns="sex")
    total_row = wide.row(wide.height - 1)
    assert total_row[0] == "Total"
    assert total_row.count("x") == 2


def test_all_values_small():
    t = pl.DataFrame({"sex": ["female", "male"], "victims": [1, 2]})
    s = suppress(t)
    assert s["victims"].to_list() == [None, None]
    wide = publication_table(t)
    assert wide.row(0) == ("Total", "x", "x", "x")


def test_publication_table_marks_and_totals():
    t = pl.DataFrame(
        {
            "year": [2023, 2023, 2024, 2024],
            "sex": ["female", "male"] * 2,
            "victims": [50, 3, 40, 60],
        }
    )
    wide = publication_table(t)
    assert wide.columns == ["year", "female", "male", "Total"]
    assert wide.row(2)[0] == "Total"
    assert "x" in wide.row(0)
    assert "0" not in [v for row in wide.iter_rows() for v in row]
    exact = publication_table(t, threshold=None)
    assert exact.row(0) == ("2023", "50", "3", "53")
    rounded = publication_table(t, threshold=None, round_to=5)
    assert rounded.row(0) == ("2023", "50", "5", "55")


def test_round_counts():
    t = pl.DataFrame({"k": ["a", "b", "c"], "victims": [0, 2, 12]})
    assert round_counts(t)["victims"].to_list() == [0, 5, 10]


def test_bad_input():
    with pytest.raises(SchemaError, match="'count' not found"):
        suppress(pl.DataFrame({"k": ["a"], "victims": [1]}), value="count")
    with pytest.raises(InvalidArgumentError, match="threshold"):
        suppress(pl.DataFrame({"k": ["a"], "victims": [1]}), threshold=0)
    with pytest.raises(InvalidArgumentError):
        _core.suppress_table([1, -1], 1, 2, 5)
