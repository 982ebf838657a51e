"""Moving frames between polars, pandas and the compiled core (internal).

Columns cross into Rust as Arrow arrays through the Arrow C data interface. Users may hand in
polars or pandas frames; results come back in the same library they came in.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

import polars as pl

from tipsom.exceptions import InvalidArgumentError


def is_pandas(frame: Any) -> bool:
    """Whether ``frame`` is a pandas DataFrame (without importing pandas)."""
    module = type(frame).__module__
    return module.startswith("pandas") and type(frame).__name__ == "DataFrame"


def to_polars(frame: Any, *, argument: str = "data") -> pl.DataFrame:
    """Return ``frame`` as a polars DataFrame (pandas and Arrow objects are converted)."""
    if isinstance(frame, pl.DataFrame):
        return frame
    if isinstance(frame, pl.LazyFrame):
        return frame.collect()
    if is_pandas(frame):
        try:
            return pl.from_pandas(frame)
        except Exception:
            raise _mixed_column(frame, argument) from None
    if hasattr(frame, "__arrow_c_stream__"):
        return pl.DataFrame(frame)
    msg = (
        f"`{argument}` must be a polars or pandas DataFrame, got {type(frame).__name__}"
    )
    raise InvalidArgumentError(msg)


def _mixed_column(frame: Any, argument: str) -> Exception:
    """The tipsom error for a pandas frame that Arrow cannot convert, naming the column."""
    from tipsom.exceptions import SchemaError

    for i, name in enumerate(frame.columns):
        try:
            pl.from_pandas(frame.iloc[:, [i]])
        except Exception:
            label = str(name)
            if sum(ch.isdigit() for ch in label) >= 4 or len(label) > 60:
                label = f"number {i + 1}"  # a header holding a number may be a CNIC
            else:
                label = repr(label)
            msg = (
                f"`{argument}`: column {label} mixes values of different types (e.g. "
                "text and numbers); expected one type per column (the values are not "
                "shown)"
            )
            return SchemaError(msg)
    return SchemaError(f"`{argument}` cannot be converted from pandas to polars")


def for_core(frame: pl.DataFrame) -> pl.DataFrame:
    """Prepare a polars frame to cross into Rust.

    All-null (dtype ``Null``) columns are cast to text: the Arrow C data interface does not
    carry them reliably. Object and categorical columns become text too.
    """
    casts = {}
    for name, dtype in frame.schema.items():
        if dtype == pl.Null or dtype == pl.Object:
            casts[name] = pl.String
        elif isinstance(dtype, (pl.Categorical, pl.Enum)):
            casts[name] = pl.String
    return frame.cast(casts) if casts else frame


def from_core(table: Any) -> pl.DataFrame:
    """A polars DataFrame from an Arrow table returned by the core."""
    return pl.DataFrame(table)


def like_input(result: pl.DataFrame, original: Any) -> Any:
    """Return ``result`` in the library ``original`` came from (pandas in, pandas out)."""
    if is_pandas(original):
        return result.to_pandas()
    return result


_TRIM: Any = None


def release_memory() -> None:
    """Hand the heap pages freed by the core back to the system (glibc Linux; else nothing).

    The core allocates with the C library's malloc, which keeps freed pages for reuse by the
    core; polars allocates elsewhere and cannot reuse them, so after a million records are
    read the process would hold a second copy's worth of idle memory through every later
    stage. Called after long public calls (see ``tipsom._errors.guard``).
    """
    global _TRIM
    if _TRIM is None:
        _TRIM = False
        if sys.platform.startswith("linux"):
            try:
                _TRIM = ctypes.CDLL("libc.so.6").malloc_trim
            except (OSError, AttributeError):
                _TRIM = False
    if _TRIM:
        _TRIM(0)
