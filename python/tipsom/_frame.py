"""Moving frames between polars, pandas and the compiled core (internal).

Columns cross into Rust as Arrow arrays through the Arrow C data interface. Users may hand in
polars or pandas frames; results come back in the same library they came in.
"""

from __future__ import annotations

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
        return pl.from_pandas(frame)
    if hasattr(frame, "__arrow_c_stream__"):
        return pl.DataFrame(frame)
    msg = (
        f"`{argument}` must be a polars or pandas DataFrame, got {type(frame).__name__}"
    )
    raise InvalidArgumentError(msg)


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
