"""Data-quality indicators of normalized records, per source and overall.

Completeness (share of records with a value), validity (share of given values that
parsed), consistency (sex against the CNIC's parity digit, recorded age against the
date of birth, the child flag against the age), timeliness (days from the event to the
report, where a report date is given; range of event dates), repeated identifiers, and
the share of records whose sex is known (the sex-disaggregated data the workshop asked
for).
"""

from __future__ import annotations

from typing import Any

import polars as pl

from tipsom._frame import like_input, to_polars
from tipsom.exceptions import SchemaError

__all__ = ["quality"]

_COMPLETE = [
    "name",
    "father_name",
    "sex",
    "age",
    "date_of_birth",
    "cnic",
    "phone",
    "nationality",
    "district",
    "date",
    "law_sections",
    "case_status",
]
_VALID = ["cnic", "phone", "date", "date_of_birth", "age", "district", "nationality"]
_OVERALL = "(all)"


def _share(expr: pl.Expr, among: pl.Expr | None = None) -> pl.Expr:
    if among is None:
        return expr.cast(pl.Float64).mean()
    return expr.filter(among).cast(pl.Float64).mean()


def _present(frame: pl.DataFrame, column: str) -> pl.Expr:
    if column not in frame.columns:
        return pl.lit(value=False)
    if column == "sex":
        return pl.col("sex").is_in(["male", "female", "transgender"])
    if column == "case_status":
        return pl.col("case_status") != "unknown"
    if frame.schema[column] == pl.List(pl.String):
        return pl.col(column).list.len() > 0
    return pl.col(column).is_not_null()


def _indicators(frame: pl.DataFrame) -> list[pl.Expr]:
    exprs: list[pl.Expr] = [pl.len().alias("n_records")]
    for c in _COMPLETE:
        exprs.append(_share(_present(frame, c)).alias(f"complete_{c}"))
    for c in _VALID:
        raw = f"{c}_raw"
        if raw in frame.columns and c in frame.columns:
            given = pl.col(raw).cast(pl.String).str.strip_chars().str.len_chars() > 0
            exprs.append(_share(pl.col(c).is_not_null(), given).alias(f"valid_{c}"))
    issues = pl.col("issues")
    has = {
        code: issues.list.contains(code)
        for code in [
            "sex.cnic_parity_conflict",
            "age.dob_conflict",
            "sex.from_cnic",
            "sex.from_name",
        ]
    }
    sexed = pl.col("sex").is_in(["male", "female"]) & ~has["sex.from_cnic"]
    with_hint = sexed & pl.col("cnic_sex_hint").is_not_null()
    exprs.append(
        _share(~has["sex.cnic_parity_conflict"], with_hint).alias("consistent_sex_cnic")
    )
    dob_age = (
        (pl.col("date").cast(pl.Int32) - pl.col("date_of_birth").cast(pl.Int32))
        / 365.2425
    ).floor()
    both_ages = (
        pl.col("age_raw").is_not_null()
        & pl.col("date_of_birth").is_not_null()
        & pl.col("date").is_not_null()
        & pl.col("age").is_not_null()
    )
    exprs.append(
        _share(~has["age.dob_conflict"], both_ages).alias("consistent_age_dob")
    )
    exprs.append(
        _share((pl.col("age") < 18) == (dob_age < 18), both_ages).alias(
            "consistent_child_age"
        )
    )
    exprs.append(pl.col("date").min().alias("first_date"))
    exprs.append(pl.col("date").max().alias("last_date"))
    if "date_of_report" in frame.columns:
        report = pl.col("date_of_report")
        if frame.schema["date_of_report"] == pl.String:
            report = report.str.to_date(strict=False)
        exprs.append(
            (report.cast(pl.Int32) - pl.col("date").cast(pl.Int32))
            .median()
            .alias("median_days_to_report")
        )
    cnic_repeated = pl.col("cnic").is_not_null() & pl.col("cnic").is_duplicated()
    exprs.append(_share(cnic_repeated).alias("share_cnic_repeated"))
    exprs.append(
        (pl.len() - pl.col("record_id").n_unique()).alias("record_ids_repeated")
    )
    exprs.append(_share(_present(frame, "sex")).alias("share_sex_known"))
    exprs.append(_share(pl.col("sex") == "female").alias("share_female"))
    exprs.append(_share(pl.col("sex_age") != "unknown").alias("share_sex_age_known"))
    exprs.append(_share(issues.list.len() > 0).alias("share_with_issues"))
    return exprs


def quality(records: Any, *, by: str | None = "source") -> Any:
    """Return data-quality indicators per source and overall.

    Parameters
    ----------
    records
        Output of :func:`tipsom.normalize` (polars or pandas).
    by
        Column to group by (one row per value, plus a row ``"(all)"``); ``None`` for the
        overall row only.

    Returns
    -------
    polars.DataFrame or pandas.DataFrame
        One row per group: ``n_records``; ``complete_<field>`` (share with a value; sex
        counts as present when male, female or transgender); ``valid_<field>`` (share of
        given raw values that normalized); ``consistent_sex_cnic``,
        ``consistent_age_dob``, ``consistent_child_age``; ``first_date``, ``last_date``
        and, when the records carry ``date_of_report``, ``median_days_to_report``;
        ``share_cnic_repeated``, ``record_ids_repeated``; ``share_sex_known``,
        ``share_female``, ``share_sex_age_known``; ``share_with_issues``.

    Examples
    --------
    >>> import polars as pl
    >>> import tipsom as ts
    >>> raw = pl.DataFrame({"source": ["A", "A", "B"], "sex": ["M", None, "F"],
    ...                     "cnic": ["35202-1234567-1", "123", None]})
    >>> q = ts.quality(ts.normalize(raw))
    >>> q.select("source", "n_records", "valid_cnic", "share_sex_known").rows()
    [('A', 2, 0.5, 0.5), ('B', 1, None, 1.0), ('(all)', 3, 0.5, 0.6666666666666666)]
    """
    frame = to_polars(records, argument="records")
    needed = ["record_id", "sex", "sex_age", "issues", "cnic", "cnic_sex_hint", "date"]
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        msg = (
            "`records` must be the output of tipsom.normalize; missing columns: "
            + ", ".join(missing)
        )
        raise SchemaError(msg)
    for c in ("date", "date_of_birth"):
        if c in frame.columns and frame.schema[c] == pl.String:
            parsed = frame[c].str.to_date("%Y-%m-%d", strict=False)
            bad = frame[c].is_not_null() & parsed.is_null()
            if bad.any():
                row = int(bad.arg_max()) + 1
                msg = (
                    f"column {c!r} must hold dates (as tipsom.normalize writes them); "
                    f"record {row} (of {frame.height}) holds text that is not an ISO "
                    "date (the value is not shown)"
                )
                raise SchemaError(msg)
            frame = frame.with_columns(parsed.alias(c))
    # pandas round trips turn dates into datetimes.
    frame = frame.with_columns(
        pl.col(c).cast(pl.Date)
        for c in ["date", "date_of_birth"]
        if c in frame.columns and isinstance(frame.schema[c], pl.Datetime)
    )
    exprs = _indicators(frame)
    overall = frame.select(exprs)
    if by is None:
        return like_input(overall, records)
    if by not in frame.columns:
        msg = f"column '{by}' not found; available columns: {', '.join(frame.columns)}"
        raise SchemaError(msg)
    groups = (
        frame.group_by(by, maintain_order=False)
        .agg(exprs)
        .with_columns(pl.col(by).cast(pl.String))
        .sort(by, nulls_last=True)
    )
    overall = overall.select(pl.lit(_OVERALL).alias(by), pl.all())
    result = pl.concat([groups, overall], how="vertical_relaxed")
    return like_input(result, records)
