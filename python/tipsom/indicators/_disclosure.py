"""Statistical disclosure control for tidy count tables (domain.md §6.1).

A tidy table (one row per cell, the count in ``value``) is laid out two-way: the last
key column across, the other keys down (combined). The full cross of the observed levels
is filled with zeros, and the compiled core chooses the cells to withhold so that no
suppressed cell can be recovered from the row, column and grand totals (see
``src/indicators/suppression.rs``). Suppressed counts become ``null`` with a
``<value>_status`` of ``primary`` or ``secondary``; they are never shown as zero.
Rounding to a base is the alternative.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextvars import ContextVar
from typing import Any

import polars as pl

from tipsom import _core
from tipsom._frame import like_input, to_polars
from tipsom.exceptions import InvalidArgumentError, SchemaError
from tipsom.indicators._codes import LEVELS

#: Set by a release (``tipsom.indicators._release``) to collect the tables it solves
#: jointly: called with (display frame, pattern, value column, threshold).
RECORDER: ContextVar[
    Callable[[pl.DataFrame, dict[str, Any], str, int], None] | None
] = ContextVar("tipsom_release_recorder", default=None)

#: Set while a release draws its charts: the joint pattern of each table it solved,
#: by :func:`pattern_key`.
FIXED: ContextVar[dict[tuple[Any, ...], list[str]] | None] = ContextVar(
    "tipsom_release_fixed", default=None
)


def pattern_key(p: dict[str, Any], value: str) -> tuple[Any, ...]:
    """Identify a table by its layout, levels and counts (internal)."""
    return (
        value,
        tuple(p["rows"]),
        p["columns"],
        tuple(map(tuple, p["row_levels"].rows())),
        tuple(map(tuple, p["column_levels"].rows())),
        tuple(p["cells"][value].to_list()),
    )


#: What a suppressed cell shows in published (Excel, HTML) tables.
SUPPRESSED_MARK = "x"
TOTAL = "Total"


def _keys(
    frame: pl.DataFrame, value: str, rows: Sequence[str] | None, columns: str | None
) -> tuple[list[str], str | None]:
    if value not in frame.columns:
        msg = (
            f"column {value!r} not found; available columns: {', '.join(frame.columns)}"
        )
        raise SchemaError(msg)
    keys = [
        c
        for c in frame.columns
        if c != value
        and not c.endswith("_status")
        and frame.schema[c] not in (pl.Float64, pl.Float32)
    ]
    if columns is None:
        columns = keys[-1] if keys else None
    if rows is None:
        rows = [k for k in keys if k != columns]
    for name in [*rows, *([columns] if columns else [])]:
        if name not in frame.columns:
            available = ", ".join(frame.columns)
            msg = f"column {name!r} not found; available columns: {available}"
            raise SchemaError(msg)
    return list(rows), columns


def _cube(
    frame: pl.DataFrame, value: str, rows: list[str], columns: str | None
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """Cross the observed levels: (row keys, column levels, cells row-major)."""
    one = pl.DataFrame({"_one": [0]})
    row_levels = _ordered(frame.select(rows).unique(), rows) if rows else one
    col_levels = _ordered(frame.select(columns).unique(), [columns]) if columns else one
    grid = row_levels.join(col_levels, how="cross").with_row_index("_cell")
    keys = [*rows, *([columns] if columns else [])]
    summed = (
        frame.group_by(keys).agg(pl.col(value).sum())
        if keys
        else frame.select(pl.col(value).sum())
    )
    cells = (
        grid.join(summed, on=keys, how="left", nulls_equal=True)
        if keys
        else grid.with_columns(pl.lit(summed[value][0]).alias(value))
    )
    cells = cells.sort("_cell").with_columns(pl.col(value).fill_null(0))
    return (
        row_levels,
        col_levels,
        cells.drop([c for c in ("_cell", "_one") if c in cells.columns]),
    )


def _ordered(levels: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """Sort levels: schema codes in display order (unknown last), others naturally."""
    sort_keys = []
    for k in keys:
        order = LEVELS.get(k)
        if order:
            rank = {v: i for i, v in enumerate(order)}
            sort_keys.append(
                pl.col(k)
                .cast(pl.String)
                .replace_strict(rank, default=len(rank), return_dtype=pl.Int32)
            )
        else:
            sort_keys.append(pl.col(k).cast(pl.String) == "unknown")
        sort_keys.append(pl.col(k))
    return levels.sort(sort_keys, nulls_last=True)


def _check_counts(values: list[Any], value: str) -> list[int]:
    out = []
    for v in values:
        if v is None:
            msg = f"column {value!r} has missing counts; suppress a complete table"
            raise SchemaError(msg)
        out.append(int(v))
    return out


def disclosure_pattern(
    table: Any,
    *,
    value: str = "victims",
    rows: Sequence[str] | None = None,
    columns: str | None = None,
    threshold: int = 5,
) -> dict[str, Any]:
    """Compute cells, margins and their statuses of a tidy count table (internal)."""
    frame = to_polars(table, argument="table")
    if threshold < 1:
        msg = f"`threshold` must be at least 1, got {threshold}"
        raise InvalidArgumentError(msg)
    row_keys, col_key = _keys(frame, value, rows, columns)
    row_levels, col_levels, cells = _cube(frame, value, row_keys, col_key)
    counts = _check_counts(cells[value].to_list(), value)
    n_rows, n_cols = row_levels.height, col_levels.height
    pattern = _core.suppress_table(counts, n_rows, n_cols, int(threshold))
    return {
        "rows": row_keys,
        "columns": col_key,
        "row_levels": row_levels,
        "column_levels": col_levels,
        "cells": cells.with_columns(pl.Series(f"{value}_status", pattern["cells"])),
        "row_totals": [
            sum(counts[i * n_cols : (i + 1) * n_cols]) for i in range(n_rows)
        ],
        "column_totals": [sum(counts[j::n_cols]) for j in range(n_cols)]
        if n_cols
        else [],
        "grand_total": sum(counts),
        "row_total_status": pattern["row_totals"],
        "column_total_status": pattern["column_totals"],
        "grand_total_status": pattern["grand_total"],
    }


def suppress(
    table: Any,
    *,
    value: str = "victims",
    rows: Sequence[str] | None = None,
    columns: str | None = None,
    threshold: int = 5,
) -> Any:
    """Withhold small counts, with secondary suppression against recovery from totals.

    Parameters
    ----------
    table
        A tidy count table (one row per cell), e.g. from :func:`victims`.
    value
        The count column.
    rows, columns
        The two-way layout in which totals are published: ``columns`` goes across
        (default: the last key column), ``rows`` down (default: the other key columns,
        combined).
    threshold
        Counts from 1 to ``threshold - 1`` are withheld (primary suppression). Zeros are
        published.

    Returns
    -------
    DataFrame
        The full table (every combination of the observed levels, zeros included) with
        ``value`` set to null where withheld and ``<value>_status`` one of
        ``published``, ``primary`` (below the threshold) or ``secondary`` (withheld to
        protect a primary cell). Suppressed cells are never zero. Some row or column
        totals may have to be withheld as well: take published totals from
        :func:`publication_table`, which shows them with the same protection.

    Examples
    --------
    >>> import polars as pl
    >>> from tipsom.indicators import suppress
    >>> t = pl.DataFrame(
    ...     {"sex": ["female", "male", "transgender"], "victims": [40, 30, 2]}
    ... )
    >>> suppress(t)["victims_status"].to_list()
    ['published', 'secondary', 'primary']
    """
    frame = to_polars(table, argument="table")
    p = disclosure_pattern(
        frame, value=value, rows=rows, columns=columns, threshold=threshold
    )
    fixed = FIXED.get()
    key = pattern_key(p, value)
    if fixed is not None and key in fixed:
        # Drawn in a release: the release's joint pattern, not this table's own.
        p["cells"] = p["cells"].with_columns(
            pl.Series(f"{value}_status", fixed[key], dtype=pl.String)
        )
    elif (recorder := RECORDER.get()) is not None:
        recorder(None, p, value, int(threshold))
    cells = p["cells"].with_columns(
        pl.when(pl.col(f"{value}_status") == "published")
        .then(pl.col(value))
        .otherwise(None)
        .alias(value)
    )
    return like_input(cells, table)


def round_counts(table: Any, *, value: str = "victims", base: int = 5) -> Any:
    """Round counts to a multiple of ``base`` (non-zero counts never become zero).

    Returns the table with ``value`` rounded and ``<value>_status`` = ``rounded``.
    Totals must be rounded separately (they are not the sum of rounded cells).

    Examples
    --------
    >>> import polars as pl
    >>> from tipsom.indicators import round_counts
    >>> t = pl.DataFrame({"k": ["a", "b"], "victims": [2, 13]})
    >>> round_counts(t)["victims"].to_list()
    [5, 15]
    """
    frame = to_polars(table, argument="table")
    counts = _check_counts(frame[value].to_list(), value)
    rounded = _core.round_to_base(counts, int(base))
    out = frame.with_columns(
        pl.Series(value, rounded, dtype=pl.Int64),
        pl.lit("rounded").alias(f"{value}_status"),
    )
    return like_input(out, table)


def _label(frame: pl.DataFrame, keys: list[str]) -> list[str]:
    if not keys:
        return [TOTAL] * max(frame.height, 1)
    return [
        " / ".join("unknown" if v is None else str(v) for v in row)
        for row in frame.select(keys).iter_rows()
    ]


def publication_table(
    table: Any,
    *,
    value: str = "victims",
    rows: Sequence[str] | None = None,
    columns: str | None = None,
    threshold: int | None = 5,
    round_to: int | None = None,
) -> pl.DataFrame:
    """Build a wide, display-ready table with totals, disclosure control applied.

    Cells are text: counts, or ``x`` where withheld. With ``round_to``, cells and totals
    are rounded independently instead. ``threshold=None`` and ``round_to=None`` publish
    raw counts (not for publication).
    """
    frame = to_polars(table, argument="table")
    p = disclosure_pattern(
        frame, value=value, rows=rows, columns=columns, threshold=threshold or 1
    )
    recorder = RECORDER.get()
    if recorder is not None and threshold and not round_to:
        # Inside a release: the release solves one pattern across its tables and
        # renders this table again with it (tipsom.indicators._release).
        out = render_pattern(p, value=value)
        recorder(out, p, value, int(threshold))
        return out
    return render_pattern(p, value=value, round_to=round_to)


def render_pattern(
    p: dict[str, Any], *, value: str, round_to: int | None = None
) -> pl.DataFrame:
    """Render a pattern from :func:`disclosure_pattern` as a wide display table."""
    n_cols = p["column_levels"].height
    counts = p["cells"][value].to_list()
    status = p["cells"][f"{value}_status"].to_list()
    row_totals, row_status = p["row_totals"], p["row_total_status"]
    col_totals, col_status = p["column_totals"], p["column_total_status"]
    grand, grand_status = p["grand_total"], p["grand_total_status"]
    if round_to:
        counts = _core.round_to_base(counts, round_to)
        row_totals = _core.round_to_base(row_totals, round_to)
        col_totals = _core.round_to_base(col_totals, round_to)
        grand = _core.round_to_base([grand], round_to)[0]
        status = ["published"] * len(counts)
        row_status = ["published"] * len(row_totals)
        col_status = ["published"] * len(col_totals)
        grand_status = "published"

    def show(v: int, s: str) -> str:
        return SUPPRESSED_MARK if s != "published" else f"{v:,}"

    col_key = p["columns"]
    col_names = _label(p["column_levels"], [col_key] if col_key else [])
    if not col_key:
        col_names = [value]
    row_names = _label(p["row_levels"], p["rows"])
    head = " / ".join(p["rows"]) if p["rows"] else ""
    data: dict[str, list[str]] = {head or " ": [*row_names, TOTAL]}
    for j, name in enumerate(col_names):
        data[name] = [
            *(
                show(counts[i * n_cols + j], status[i * n_cols + j])
                for i in range(len(row_names))
            ),
            show(col_totals[j], col_status[j]),
        ]
    if col_key:
        data[TOTAL] = [
            *(show(t, s) for t, s in zip(row_totals, row_status, strict=True)),
            show(grand, grand_status),
        ]
    if not p["rows"]:
        # One-way table: the "Total" row repeats the cells; keep a single row plus Total
        # column.
        data = {k: v[:1] for k, v in data.items()}
    return pl.DataFrame(data)
