"""Criminal-justice response and monthly stock-and-flow returns (domain.md §2.2, §4.1).

Suspects frame (one row per suspected person in a case; the reader and normalizer
produce it from the suspects sheet of a return). Columns used, all optional except that
each stage needs ``status`` or its date:

========================  ==============================================================
``suspect_id``            person identifier (each row is a person when absent)
``sex``                   male, female, transgender, unknown
``nationality``           ISO 3166-1 alpha-3 (PAK = national)
``case_id``               the FIR / case the person is accused in
``status``                suspected, arrested, investigation, prosecution, convicted,
                          acquitted, absconding, closed, unknown (``case_status``
                          accepted)
``arrested``              boolean
``date_fir``              date the FIR was registered
``date_arrest``           date of arrest
``date_challan``          date the challan (charge sheet) was submitted to court
``date_verdict``          date of the verdict
``crime_type``            tip, som, both, ... (the ``offence`` breakdown: TIP and SOM
                          separately, a ``both`` suspect under each)
``role``                  when present (normalized records of a return that lists
                          suspects beside victims), only accused persons (and rows whose
                          role is not known) are counted
========================  ==============================================================

Stages: *suspected* = every person; *arrested* = ``arrested`` or a ``date_arrest`` or
status ``arrested``; *prosecuted* = a ``date_challan`` or status prosecution, convicted
or acquitted; *convicted* / *acquitted* from the status. The conviction rate is
convicted / (convicted + acquitted), i.e. among decided cases, with a Wilson interval.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from tipsom import _core
from tipsom._frame import like_input, to_polars
from tipsom.exceptions import InvalidArgumentError, SchemaError
from tipsom.indicators._persons import citizenship_expr

STAGES = ("suspected", "arrested", "prosecuted", "convicted", "acquitted")
_PROSECUTED = ("prosecution", "convicted", "acquitted")


def _status(frame: pl.DataFrame) -> pl.Expr:
    if "status" in frame.columns:
        return pl.col("status").cast(pl.String).str.to_lowercase()
    if "case_status" in frame.columns:
        return pl.col("case_status").cast(pl.String).str.to_lowercase()
    return pl.lit(None, dtype=pl.String)


def _has(frame: pl.DataFrame, column: str) -> pl.Expr:
    return pl.col(column).is_not_null() if column in frame.columns else pl.lit(False)


def _stage_flags(frame: pl.DataFrame) -> pl.DataFrame:
    if not (
        {"status", "case_status", "date_challan", "date_verdict"} & set(frame.columns)
    ):
        msg = (
            "the suspects frame needs a `status` (or `case_status`) column or "
            "the dates "
            f"`date_challan` / `date_verdict`; it has {', '.join(frame.columns)}"
        )
        raise SchemaError(msg)
    status = _status(frame)
    arrested = (status == "arrested").fill_null(False) | _has(frame, "date_arrest")
    if "arrested" in frame.columns:
        arrested = arrested | pl.col("arrested").cast(pl.Boolean).fill_null(False)
    return frame.with_columns(
        pl.lit(True).alias("suspected"),
        arrested.alias("arrested"),
        (
            status.is_in(_PROSECUTED).fill_null(False) | _has(frame, "date_challan")
        ).alias("prosecuted"),
        (status == "convicted").fill_null(False).alias("convicted"),
        (status == "acquitted").fill_null(False).alias("acquitted"),
    )


#: What ``by="offence"`` groups crime types into (GLOTIP asks for TIP and SOM apart).
OFFENCES = {
    "tip": ["trafficking"],
    "som": ["smuggling"],
    "both": ["trafficking", "smuggling"],
}
JUSTICE_BY = ("offence", "crime_type", "sex", "nationality", "citizenship")


def justice(
    suspects: Any,
    *,
    by: Sequence[str] = ("sex",),
    confidence: float = 0.95,
) -> Any:
    """Persons suspected, arrested, prosecuted, convicted and acquitted.

    Parameters
    ----------
    suspects
        The suspects frame (see the module documentation for its columns), or
        normalized records with a ``role`` column (only accused persons count).
    by
        Any of ``offence`` (trafficking, smuggling, other: TIP and SOM separately, a
        suspect charged with both counted under each), ``crime_type``, ``sex``,
        ``nationality``, ``citizenship`` (national / foreign), or none.
    confidence
        Level of the Wilson interval of the conviction rate.

    Returns
    -------
    DataFrame
        ``by``, one count column per stage, ``conviction_rate`` (convicted among
        decided) with ``conviction_rate_lower`` / ``_upper``. A person accused in
        several cases is counted once per stage, at their furthest stage for each flag.

    Examples
    --------
    >>> import polars as pl
    >>> from tipsom.indicators import justice
    >>> s = pl.DataFrame({"sex": ["male", "male", "female"],
    ...                   "status": ["convicted", "acquitted", "arrested"]})
    >>> justice(s)["prosecuted"].to_list()
    [0, 2]
    """
    frame = to_polars(suspects, argument="suspects")
    by = tuple(by)
    bad = [b for b in by if b not in JUSTICE_BY]
    if bad:
        msg = f"`by` has {bad[0]!r}; valid choices: {', '.join(JUSTICE_BY)}"
        raise InvalidArgumentError(msg)
    for b in by:
        need = {"citizenship": "nationality", "offence": "crime_type"}.get(b, b)
        if need not in frame.columns:
            msg = f"`by` has {b!r} but the suspects frame has no {need!r} column"
            raise SchemaError(msg)
    if "role" in frame.columns:
        role = pl.col("role").cast(pl.String)
        frame = frame.filter(role.is_null() | role.is_in(["accused", "unknown"]))
    if "citizenship" in by:
        frame = frame.with_columns(citizenship_expr().alias("citizenship"))
    if "offence" in by:
        frame = frame.with_columns(
            pl.col("crime_type")
            .cast(pl.String)
            .replace_strict(
                OFFENCES, default=["other"], return_dtype=pl.List(pl.String)
            )
            .alias("offence")
        ).explode("offence")
    frame = _stage_flags(frame)
    person = next((c for c in ("suspect_id", "person_id") if c in frame.columns), None)
    if person:
        keys = [person, *by]
        frame = frame.group_by(keys).agg([pl.col(s).any() for s in STAGES])
    group = [pl.col(b).cast(pl.String).fill_null("unknown") for b in by]
    aggs = [pl.col(s).sum().cast(pl.Int64) for s in STAGES]
    table = frame.group_by(group).agg(aggs).sort(list(by)) if by else frame.select(aggs)
    decided = (table["convicted"] + table["acquitted"]).to_list()
    lower, upper = _core.wilson_interval(
        table["convicted"].to_list(), decided, confidence
    )
    table = table.with_columns(
        pl.when(pl.col("convicted") + pl.col("acquitted") > 0)
        .then(pl.col("convicted") / (pl.col("convicted") + pl.col("acquitted")))
        .otherwise(None)
        .alias("conviction_rate"),
        pl.Series("conviction_rate_lower", lower).fill_nan(None),
        pl.Series("conviction_rate_upper", upper).fill_nan(None),
    )
    return like_input(table, suspects)


def _cases(data: Any) -> pl.DataFrame:
    """One row per case: furthest stage reached and first date of each step."""
    frame = to_polars(data, argument="data")
    if "case_id" not in frame.columns:
        available = ", ".join(frame.columns)
        msg = (
            f"the case funnel needs a `case_id` column; available columns: {available}"
        )
        raise SchemaError(msg)
    frame = _stage_flags(frame).filter(pl.col("case_id").is_not_null())
    status = _status(frame)
    frame = frame.with_columns(
        (pl.col("convicted") | pl.col("acquitted") | _has(frame, "date_verdict")).alias(
            "decided"
        )
    ).with_columns(status.alias("_status"))
    dates = [
        pl.col(c).min().alias(c)
        for c in ("date_fir", "date_challan", "date_verdict")
        if c in frame.columns
    ]
    if "date_fir" not in frame.columns and "date" in frame.columns:
        dates.append(pl.col("date").min().alias("date_fir"))
    return frame.group_by(pl.col("case_id").cast(pl.String)).agg(
        (pl.col("prosecuted") | pl.col("decided")).any().alias("prosecuted"),
        pl.col("decided").any().alias("decided"),
        pl.col("convicted").any().alias("convicted"),
        (pl.col("acquitted").any() & ~pl.col("convicted").any()).alias("acquitted"),
        (pl.col("_status") == "closed").any().alias("closed"),
        *dates,
    )


def case_funnel(data: Any, *, confidence: float = 0.95) -> Any:
    """Cases from registration through challan to verdict, with attrition at each step.

    Parameters
    ----------
    data
        Victim records or a suspects frame, with ``case_id`` and ``case_status`` /
        ``status`` (and optionally ``date_challan`` / ``date_verdict``). A case is at
        the furthest stage any of its rows reached; a case with any conviction is
        convicted.

    Returns
    -------
    DataFrame
        ``step`` (registered, challan, verdict, convicted), ``cases``,
        ``share_of_registered``, ``attrition`` (share lost since the previous step);
        the last rows give the ``conviction_rate`` among decided cases with its
        Wilson interval.
    """
    cases = _cases(data)
    n = cases.height
    counts = [
        ("registered", n),
        ("challan", int(cases["prosecuted"].sum())),
        ("verdict", int(cases["decided"].sum())),
        ("convicted", int(cases["convicted"].sum())),
    ]
    rows = []
    previous = None
    for step, k in counts:
        rows.append(
            {
                "step": step,
                "cases": k,
                "share_of_registered": k / n if n else None,
                "attrition": (1 - k / previous) if previous else None,
            }
        )
        previous = k
    table = pl.DataFrame(
        rows,
        schema={
            "step": pl.String,
            "cases": pl.Int64,
            "share_of_registered": pl.Float64,
            "attrition": pl.Float64,
        },
    )
    decided = counts[2][1]
    lo, hi = _core.wilson_interval([counts[3][1]], [decided], confidence)
    table = table.with_columns(
        pl.lit(counts[3][1] / decided if decided else None, dtype=pl.Float64).alias(
            "conviction_rate"
        ),
        pl.lit(None if decided == 0 else lo[0], dtype=pl.Float64).alias(
            "conviction_rate_lower"
        ),
        pl.lit(None if decided == 0 else hi[0], dtype=pl.Float64).alias(
            "conviction_rate_upper"
        ),
    )
    return like_input(table, data)


def justice_times(data: Any) -> Any:
    """Days from FIR to challan and from FIR to verdict: median and quartiles, per case.

    Needs ``case_id``, ``date_fir`` (or ``date``) and ``date_challan`` /
    ``date_verdict``. Negative intervals (a challan dated before the FIR) are data
    errors: they are left out and counted in ``negative``.
    """
    cases = _cases(data)
    if "date_fir" not in cases.columns:
        msg = "justice_times needs `date_fir` (or `date`)"
        raise SchemaError(msg)
    rows = []
    for step, column in (
        ("fir_to_challan", "date_challan"),
        ("fir_to_verdict", "date_verdict"),
    ):
        if column not in cases.columns:
            continue
        days = cases.select(
            (pl.col(column).cast(pl.Date) - pl.col("date_fir").cast(pl.Date))
            .dt.total_days()
            .alias("d")
        )["d"].drop_nulls()
        good = days.filter(days >= 0)
        rows.append(
            {
                "interval": step,
                "cases": good.len(),
                "median_days": good.median(),
                "q1_days": good.quantile(0.25, "linear") if good.len() else None,
                "q3_days": good.quantile(0.75, "linear") if good.len() else None,
                "negative": int((days < 0).sum()),
            }
        )
    table = pl.DataFrame(
        rows,
        schema={
            "interval": pl.String,
            "cases": pl.Int64,
            "median_days": pl.Float64,
            "q1_days": pl.Float64,
            "q3_days": pl.Float64,
            "negative": pl.Int64,
        },
    )
    return like_input(table, data)


RETURN_COLUMNS = ("source", "month", "brought_forward", "new", "disposed", "pending")


#: House-style headers of monthly returns and the canonical name they mean.
RETURN_ALIASES = {
    "bf": "brought_forward",
    "broughtforward": "brought_forward",
    "opening": "brought_forward",
    "openingbalance": "brought_forward",
    "received": "new",
    "newregistered": "new",
    "registered": "new",
    "disposedof": "disposed",
    "closed": "disposed",
    "closing": "pending",
    "closingbalance": "pending",
    "balance": "pending",
    "circle": "source",
    "unitname": "source",
}


def _canonical_return_columns(frame: pl.DataFrame) -> pl.DataFrame:
    """Rename house-style headers (``B/F``, ``Closing balance``...) canonically."""
    renames = {}
    for name in frame.columns:
        if name in RETURN_COLUMNS:
            continue
        key = "".join(ch for ch in name.lower() if ch.isalnum())
        target = RETURN_ALIASES.get(key, key if key in RETURN_COLUMNS else None)
        if target and target not in frame.columns and target not in renames.values():
            renames[name] = target
    return frame.rename(renames) if renames else frame


def check_returns(returns: Any) -> Any:
    """Check the stock-and-flow counts of monthly returns.

    Each row is one circle's (``source``) return for a ``month`` (and optionally a
    counting ``unit``: enquiries, cases or persons) with ``brought_forward``, ``new``,
    ``disposed`` and ``pending`` (house-style headers such as ``B/F``,
    ``Opening balance``, ``Received``, ``Closing balance`` are recognised). Two checks,
    each a data-quality finding when it fails:

    - balance: ``brought_forward + new - disposed == pending``;
    - carry-over: ``brought_forward`` equals the previous month's ``pending`` for the
      same source and unit (the first month of each series is not checked).

    Returns
    -------
    DataFrame
        The returns sorted by source, unit and month with ``expected_pending``,
        ``difference`` (pending - expected), ``balanced``, ``previous_pending``,
        ``carried_over`` and ``issues`` (``returns.imbalance``, ``returns.carry_over``,
        ``returns.negative``).

    Examples
    --------
    >>> import polars as pl
    >>> from tipsom.indicators import check_returns
    >>> r = pl.DataFrame({"source": ["AHTC Lahore"] * 2,
    ...                   "month": ["2023-01", "2023-02"],
    ...                   "brought_forward": [10, 12], "new": [5, 3],
    ...                   "disposed": [3, 4],
    ...                   "pending": [12, 10]})
    >>> check_returns(r)["balanced"].to_list()
    [True, False]
    """
    frame = _canonical_return_columns(to_polars(returns, argument="returns"))
    missing = [c for c in RETURN_COLUMNS if c not in frame.columns]
    if missing:
        msg = (
            f"monthly returns need the columns {', '.join(RETURN_COLUMNS)}; "
            f"missing: {', '.join(missing)}"
        )
        raise SchemaError(msg)
    series = ["source", *(["unit"] if "unit" in frame.columns else [])]
    counts = ("brought_forward", "new", "disposed", "pending")
    frame = frame.with_columns(
        [pl.col(c).cast(pl.Int64, strict=False) for c in counts]
    ).sort([*series, "month"])
    frame = (
        frame.with_columns(
            (pl.col("brought_forward") + pl.col("new") - pl.col("disposed")).alias(
                "expected_pending"
            ),
        )
        .with_columns(
            (pl.col("pending") - pl.col("expected_pending")).alias("difference"),
            (pl.col("pending") == pl.col("expected_pending")).alias("balanced"),
            pl.col("pending").shift(1).over(series).alias("previous_pending"),
        )
        .with_columns(
            pl.when(pl.col("previous_pending").is_null())
            .then(None)
            .otherwise(pl.col("brought_forward") == pl.col("previous_pending"))
            .alias("carried_over"),
        )
    )
    negative = pl.any_horizontal([pl.col(c) < 0 for c in counts]).fill_null(False)
    frame = frame.with_columns(
        pl.concat_list(
            pl.when(~pl.col("balanced").fill_null(True)).then(
                pl.lit("returns.imbalance")
            ),
            pl.when(pl.col("carried_over") == False).then(pl.lit("returns.carry_over")),  # noqa: E712
            pl.when(negative).then(pl.lit("returns.negative")),
        )
        .list.drop_nulls()
        .alias("issues")
    )
    return like_input(frame, returns)
