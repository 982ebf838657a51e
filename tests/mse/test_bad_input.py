"""Bad input gives clear errors (never a panic), duplicate histories a warning."""

from __future__ import annotations

import pandas as pd
import polars as pl
import pytest
import tipsom as ts
from tipsom.exceptions import (
    ComputeError,
    DataQualityWarning,
    InvalidArgumentError,
    SchemaError,
)

GOOD = {"A": [1, 0, 1], "B": [0, 1, 1], "count": [40, 30, 20]}


def test_non_binary_list_column():
    frame = pl.DataFrame({"A": [1, 2, 1], "B": [0, 1, 1], "count": [4, 3, 2]})
    with pytest.raises(SchemaError, match=r"column 'A'.*0/1.*row 2"):
        ts.mse.estimate(frame)


def test_text_list_column():
    frame = pl.DataFrame({"A": ["y", "n"], "B": [0, 1], "count": [4, 3]})
    with pytest.raises(SchemaError, match="column 'A'"):
        ts.mse.estimate(frame)


@pytest.mark.parametrize(
    ("counts", "what"),
    [([4, -3, 2], "negative"), ([4, 3.5, 2], "fractional"), ([4, None, 2], "missing")],
)
def test_bad_counts(counts, what):
    frame = pl.DataFrame(
        {"A": [1, 0, 1], "B": [0, 1, 1], "count": counts}, strict=False
    )
    with pytest.raises(SchemaError, match=rf"column 'count'.*{what}.*row 2"):
        ts.mse.estimate(frame)


def test_all_zero_history():
    frame = pl.DataFrame({"A": [1, 0, 0], "B": [0, 1, 0], "count": [4, 3, 9]})
    with pytest.raises(SchemaError, match="all-zero history in row 3"):
        ts.mse.estimate(frame)


def test_duplicate_histories_are_summed_with_a_warning():
    frame = pl.DataFrame(
        {"A": [1, 0, 1, 1], "B": [0, 1, 1, 0], "count": [30, 30, 20, 10]}
    )
    with pytest.warns(DataQualityWarning, match="summed"):
        r = ts.mse.estimate(frame, method="lincoln_petersen")
    assert r.estimate == pytest.approx(60 * 50 / 20)


def test_one_list_only():
    frame = pl.DataFrame({"A": [1], "count": [5]})
    with pytest.raises(InvalidArgumentError, match="at least two lists"):
        ts.mse.estimate(frame)


def test_too_many_lists_for_bic():
    frame = pl.DataFrame(
        {
            c: [1 if i == j else 0 for j in range(7)] + [1]
            for i, c in enumerate("ABCDEFG")
        }
        | {"count": [5] * 7 + [2]}
    )
    with pytest.raises(InvalidArgumentError, match="at most 6 lists for method 'bic'"):
        ts.mse.estimate(frame, method="bic")


def test_two_list_methods_need_two_lists():
    frame = pl.DataFrame(
        {"A": [1, 0, 0, 1], "B": [0, 1, 0, 1], "C": [0, 0, 1, 1], "count": [5, 4, 3, 2]}
    )
    with pytest.raises(InvalidArgumentError, match="exactly two lists"):
        ts.mse.estimate(frame, method="chapman")


def test_lists_that_do_not_overlap():
    frame = pl.DataFrame({"A": [1, 0], "B": [0, 1], "count": [5, 4]})
    with pytest.raises(ComputeError, match="do not overlap"):
        ts.mse.estimate(frame)


def test_empty_and_duplicate_lists_warn():
    frame = pl.DataFrame(
        {
            "A": [1, 0, 1, 1],
            "B": [1, 0, 1, 1],
            "C": [0, 1, 1, 0],
            "D": [0, 0, 0, 0],
            "E": [0, 0, 0, 1],
            "count": [20, 30, 15, 4],
        }
    )
    with pytest.warns(DataQualityWarning) as record:
        ts.mse.estimate(frame)
    messages = " | ".join(str(w.message) for w in record)
    assert "list 'D' has no cases" in messages
    assert "lists 'A' and 'B' hold exactly the same cases" in messages


def test_missing_columns_and_bad_options():
    frame = pl.DataFrame(GOOD)
    with pytest.raises(SchemaError, match="column 'n' not found"):
        ts.mse.estimate(frame, count="n")
    with pytest.raises(SchemaError, match="column 'Z' not found"):
        ts.mse.estimate(frame, lists=["A", "Z"])
    with pytest.raises(InvalidArgumentError, match="method"):
        ts.mse.estimate(frame, method="magic")
    with pytest.raises(InvalidArgumentError, match="level"):
        ts.mse.estimate(frame, level=95)
    with pytest.raises(InvalidArgumentError, match="bootstrap"):
        ts.mse.estimate(frame, bootstrap=-1)
    with pytest.raises(InvalidArgumentError, match="bootstrap"):
        ts.mse.estimate(frame, interval="bca")
    with pytest.raises(InvalidArgumentError, match="model"):
        ts.mse.estimate(frame, method="fixed")
    with pytest.raises(InvalidArgumentError, match="unknown list"):
        ts.mse.estimate(frame, method="fixed", model="A:Q")
    with pytest.raises(InvalidArgumentError, match="p_threshold"):
        ts.mse.estimate(frame, p_threshold=2.0)
    with pytest.raises(InvalidArgumentError, match="data"):
        ts.mse.estimate([1, 2, 3])


def test_pandas_and_boolean_input_and_row_per_case():
    pdf = pd.DataFrame(GOOD)
    assert ts.mse.estimate(pdf, method="lincoln_petersen").estimate == pytest.approx(
        150
    )
    rows = pl.DataFrame(
        {"A": [True] * 60 + [False] * 30, "B": [False] * 40 + [True] * 50}
    )
    r = ts.mse.estimate(rows, method="lincoln_petersen", count=None)
    assert r.estimate == pytest.approx(150)


def test_row_order_does_not_change_the_answer():
    frame = pl.read_csv(
        __import__("pathlib").Path(__file__).parent.parent
        / "data"
        / "mse"
        / "Western.csv"
    )
    a = ts.mse.estimate(frame, count="n")
    b = ts.mse.estimate(frame.reverse(), count="n")
    assert a.estimate == b.estimate
    assert a.model == b.model


def test_pandas_in_pandas_out():
    pdf = pd.DataFrame(
        {
            "A": [1, 0, 0, 1, 1, 0, 1],
            "B": [0, 1, 0, 1, 0, 1, 1],
            "C": [0, 0, 1, 0, 1, 1, 1],
        }
        | {
            "count": [50, 40, 30, 12, 9, 8, 3],
            "sex": ["f", "f", "f", "f", "m", "m", "m"],
        }
    )
    r = ts.mse.estimate(pdf.drop(columns="sex"))
    assert isinstance(r.fitted, pd.DataFrame)
    assert isinstance(r.intervals, pd.DataFrame)
    assert "<table>" in r._repr_html_()
    models = ts.mse.all_models(pdf.drop(columns="sex"))
    assert isinstance(models, pd.DataFrame)
    sens = ts.mse.sensitivity(pdf.drop(columns="sex"), merge=False)
    assert isinstance(sens.table, pd.DataFrame)
    assert isinstance(sens.models, pd.DataFrame)
