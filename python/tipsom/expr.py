"""Normalizers as polars expressions, usable inside any query.

Each function takes a column name (or expression) and returns an expression that runs
tipsom's Rust normalizer on the column's values (``map_batches``: whole Arrow arrays
cross into Rust, no Python loop over values).

Examples
--------
>>> import polars as pl
>>> import tipsom as ts
>>> df = pl.DataFrame({"CNIC No.": ["35202-1234567-1"], "Victim": ["Mohd Aslam"]})
>>> df.with_columns(
...     ts.expr.cnic("CNIC No.").alias("cnic"), ts.expr.name_key("Victim").alias("key")
... ).row(0)
('35202-1234567-1', 'Mohd Aslam', '3520212345671', 'mhmdaslm')
"""

from __future__ import annotations

from typing import Literal

import polars as pl

from tipsom import _core

__all__ = [
    "age",
    "case_status",
    "cnic",
    "crime_type",
    "date",
    "district",
    "exploitation",
    "father_name",
    "husband_name",
    "law_sections",
    "name",
    "name_key",
    "nationality",
    "normalized",
    "passport",
    "phone",
    "province",
    "sex",
    "text",
]

Kind = Literal[
    "text",
    "name",
    "father_name",
    "husband_name",
    "name_key",
    "cnic",
    "phone",
    "passport",
    "date",
    "age",
    "sex",
    "district",
    "province",
    "nationality",
    "law_sections",
    "crime_type",
    "exploitation",
    "case_status",
]

_DTYPES: dict[str, pl.DataType] = {
    "date": pl.Date(),
    "age": pl.Int64(),
    "law_sections": pl.List(pl.String),
    "exploitation": pl.List(pl.String),
}


def _run(series: pl.Series, kind: str) -> pl.Series:
    values = series.cast(pl.String) if series.dtype != pl.String else series
    frame = pl.DataFrame({"v": values})
    out = pl.DataFrame(_core.normalize_values(frame, kind)).to_series()
    return out.alias(series.name)


def normalized(column: str | pl.Expr, kind: Kind) -> pl.Expr:
    """Return an expression applying the normalizer ``kind`` to ``column``.

    Parameters
    ----------
    column
        A column name or a polars expression.
    kind
        Which normalizer: one of the names of this module's functions.

    Returns
    -------
    polars.Expr
        Keeps the input's name; text, ``Date`` (``date``), ``Int64`` (``age``) or
        ``List(String)`` (``law_sections``, ``exploitation``).
    """
    expr = pl.col(column) if isinstance(column, str) else column
    return expr.map_batches(
        lambda s: _run(s, kind),
        return_dtype=_DTYPES.get(kind, pl.String()),
    )


def _named(kind: Kind, doc: str):
    def function(column: str | pl.Expr) -> pl.Expr:
        return normalized(column, kind)

    function.__name__ = kind
    function.__qualname__ = kind
    function.__doc__ = (
        f"{doc}\n\nParameters\n----------\ncolumn\n    A column name or a polars "
        f"expression.\n\nReturns\n-------\npolars.Expr\n    The normalized values."
    )
    return function


text = _named("text", "Clean text: NFKC, Urdu digits to ASCII, whitespace collapsed.")
name = _named("name", "A person's own name, relational parts and honorifics removed.")
father_name = _named("father_name", "The father's name from S/O, D/O, bin, ولد...")
husband_name = _named("husband_name", "The husband's name from W/O, wife of, زوجہ...")
name_key = _named("name_key", "Script-independent phonetic key of the own name.")
cnic = _named("cnic", "CNIC as 13 digits, or null when unrecoverable.")
phone = _named("phone", "Telephone number in E.164.")
passport = _named("passport", "Passport number, upper case, letters and digits.")
date = _named("date", "Date, day-first, Excel serials and partial dates handled.")
age = _named("age", "Age in whole years.")
sex = _named("sex", "male, female, transgender or unknown.")
district = _named("district", "District name of the 2023 census.")
province = _named("province", "Province or territory.")
nationality = _named("nationality", "ISO 3166-1 alpha-3 country code.")
law_sections = _named("law_sections", "Canonical law codes such as PTPA-2018:3.")
crime_type = _named("crime_type", "tip, som, both, other or unknown from law sections.")
exploitation = _named("exploitation", "Forms of exploitation named in the text.")
case_status = _named("case_status", "Stage of the case.")
