"""Multiple systems estimation: how many victims did no list record.

Detected victims are the visible part. When the same people are recorded on several
lists (FIA circles, police, social welfare, NGOs), the pattern of overlaps tells how
many were missed by all of them. This module re-implements, in the Rust core, the
methods of the R packages SparseMSE 2.0.1 (Chan, Silverman & Vincent 2021) and
MultipleSystemsEstimation 1.2.0 (Silverman, Chan & Vincent 2024), the methods UNODC uses
for SDG indicator 16.2.2:

- log-linear models with the extended maximum likelihood estimate for lists that do not
  overlap, and the linear-programming check of existence and identifiability before any
  fit;
- model selection: ``"stepwise"`` (CSV 2021, p < 0.02), ``"bic"`` (all hierarchical
  models), ``"bhs"`` (the 2014 Home Office stepwise, a baseline only), a ``"fixed"``
  model or ``"main_effects"``; closed forms ``"chao"``, ``"lincoln_petersen"`` and
  ``"chapman"``;
- intervals: normal on the log dark figure, multinomial profile likelihood, and BCa
  bootstrap with the model reselected in every replicate (parallel, seeded,
  reproducible);
- stratified estimates and rates per 100,000, and a sensitivity analysis.

Agreement with R: replaying the 1,000 bootstrap tables R draws with SparseMSE's seed
1234 reproduces SparseMSE's BCa limits (``tests/mse/test_r_stream.py``), with two
documented differences. A replicate equal to the estimate up to rounding is a tie, not
"below" (Western: R's 90% limit 2,998.5, ours 2,995.4). A replicate in which a list is
empty is handled as the MSE package does, the empty list being a minus-infinity main
effect, whereas SparseMSE 2.0.1 then rejects every interaction (NewOrl: 3 of 1,000
replicates; 97.5% limit 1,657.6 in R, 1,643.0 here). A bootstrap from tipsom's own
random stream agrees with R's within the bootstrap noise.

The estimate ``N`` is always the **total** population: the observed cases plus the
estimated dark figure. Estimates in this field are sensitive to the model, so every
result carries its model and its interval convention; look at :func:`sensitivity` before
quoting one number.

Examples
--------
>>> import polars as pl
>>> import tipsom as ts
>>> table = pl.DataFrame({"A": [1, 0, 1], "B": [0, 1, 1], "count": [40, 30, 20]})
>>> result = ts.mse.estimate(table, method="lincoln_petersen")
>>> round(result.estimate, 1)
150.0
"""

from __future__ import annotations

import html
import json
import math
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import polars as pl

from tipsom import _core
from tipsom._errors import guard_namespace as _guard_namespace
from tipsom._frame import is_pandas, like_input, to_polars
from tipsom.exceptions import DataQualityWarning, InvalidArgumentError, SchemaError

__all__ = [
    "MSEResult",
    "Sensitivity",
    "StratifiedResult",
    "all_models",
    "bca_limits",
    "capture_histories",
    "check_model",
    "estimate",
    "sensitivity",
]

Method = Literal[
    "stepwise",
    "bhs",
    "bic",
    "fixed",
    "main_effects",
    "chao",
    "lincoln_petersen",
    "chapman",
]
IntervalMethod = Literal["auto", "normal", "profile", "bca", "none"]
ListsFrom = Literal["source", "source_type"]

_LOGLINEAR = {"stepwise", "bhs", "bic", "fixed", "main_effects"}
_METHODS = (
    "stepwise",
    "bhs",
    "bic",
    "fixed",
    "main_effects",
    "chao",
    "lincoln_petersen",
    "chapman",
)
_INTERVAL_NAMES = {
    "normal_log_dark": "model-conditional normal on the log dark figure",
    "profile": "multinomial profile likelihood, model-conditional",
    "bca": "BCa bootstrap with model reselection",
    "lognormal": "log-normal (Chao 1987)",
    "normal": "normal approximation",
}


# --------------------------------------------------------------------------- input
# tables


def _is_linkage(data: Any) -> bool:
    return (
        hasattr(data, "records")
        and not isinstance(data, (pl.DataFrame, pl.LazyFrame))
        and not is_pandas(data)
    )


def capture_histories(
    data: Any,
    *,
    lists: ListsFrom | Mapping[str, str] = "source",
    by: str | None = None,
    person: str = "person_id",
) -> Any:
    """Count capture histories: one 0/1 column per list and a ``count`` column.

    Parameters
    ----------
    data
        A ``Linkage`` (its ``records`` frame is used) or a frame of records with a
        person identifier and a ``source`` column (polars or pandas).
    lists
        What makes a list: ``"source"`` (each circle or agency), ``"source_type"`` (FIA
        circle, police, social welfare, NGO...), or a mapping from source to list name
        (sources not in the mapping are left out).
    by
        Optional person-level column to keep (e.g. ``"sex"``) for stratified estimates.
        A person's value is the most frequent non-missing value over their records.
    person
        The person identifier column.

    Returns
    -------
    DataFrame
        One row per observed history (and stratum), lists in sorted order, then
        ``count``. pandas in, pandas out.

    Examples
    --------
    >>> import polars as pl
    >>> records = pl.DataFrame(
    ...     {"person_id": [1, 1, 2, 3], "source": ["police", "ngo", "ngo", "police"]}
    ... )
    >>> capture_histories(records)
    shape: (3, 3)
    ┌─────┬────────┬───────┐
    │ ngo ┆ police ┆ count │
    │ --- ┆ ---    ┆ ---   │
    │ i32 ┆ i32    ┆ u32   │
    ╞═════╪════════╪═══════╡
    │ 1   ┆ 1      ┆ 1     │
    │ 1   ┆ 0      ┆ 1     │
    │ 0   ┆ 1      ┆ 1     │
    └─────┴────────┴───────┘
    """
    original = data.records if _is_linkage(data) else data
    records = to_polars(original)
    if isinstance(lists, str):
        if lists not in ("source", "source_type"):
            msg = (
                "`lists` must be 'source', 'source_type' or a mapping from source to "
                f"list, got {lists!r}"
            )
            raise InvalidArgumentError(msg)
        list_column = lists
        needed = [person, list_column]
    else:
        list_column = "__list"
        needed = [person, "source"]
    for column in [*needed, *([by] if by else [])]:
        if column not in records.columns:
            msg = (
                f"column '{column}' not found; available columns: "
                f"{', '.join(records.columns)}"
            )
            raise SchemaError(msg)
    frame = records.select([person, *needed[1:], *([by] if by else [])])
    if not isinstance(lists, str):
        mapping = {str(k): str(v) for k, v in lists.items()}
        frame = frame.with_columns(
            pl.col("source")
            .cast(pl.String)
            .replace_strict(mapping, default=None)
            .alias(list_column)
        )
    frame = frame.filter(
        pl.col(list_column).is_not_null() & pl.col(person).is_not_null()
    )
    frame = frame.with_columns(pl.col(list_column).cast(pl.String))
    names = sorted(frame.get_column(list_column).unique().to_list())
    per_person = frame.group_by(person).agg(
        [
            (pl.col(list_column) == name).any().cast(pl.Int32).alias(name)
            for name in names
        ]
    )
    if by:
        values = (
            frame.filter(pl.col(by).is_not_null())
            .group_by([person, by])
            .len()
            .sort([person, "len", by], descending=[False, True, False])
            .unique(subset=[person], keep="first", maintain_order=True)
            .select([person, by])
        )
        per_person = per_person.join(values, on=person, how="left")
    keys = [*names, *([by] if by else [])]
    table = per_person.group_by(keys).len(name="count").sort(keys, descending=True)
    return like_input(table, original)


@dataclass
class _Table:
    names: list[str]
    lists: list[list[float | None]]
    counts: list[float | None]
    count_name: str


def _numbers(series: pl.Series, column: str) -> list[float | None]:
    if series.dtype == pl.Boolean:
        series = series.cast(pl.Int8)
    if not series.dtype.is_numeric():
        msg = (
            f"column '{column}': expected numbers (0/1 indicators or counts), "
            f"found {series.dtype}"
        )
        raise SchemaError(msg)
    return series.cast(pl.Float64).to_list()


def _prepare(
    data: Any,
    *,
    lists: Any,
    count: str | None,
    by: str | None = None,
) -> tuple[pl.DataFrame, list[str], str | None]:
    """Return (frame, list columns, count column) from a table or a Linkage."""
    if _is_linkage(data) or (
        lists is not None
        and (isinstance(lists, Mapping) or lists in ("source", "source_type"))
        and not _looks_like_table(data, lists)
    ):
        histories = to_polars(
            capture_histories(
                data, lists=lists if lists is not None else "source", by=by
            )
        )
        names = [c for c in histories.columns if c not in ("count", by)]
        return histories, names, "count"
    frame = to_polars(data)
    if count is not None and count not in frame.columns:
        msg = (
            f"column '{count}' not found; available columns: "
            f"{', '.join(frame.columns)} "
            "(pass count= the column with the number of cases, or count=None when each "
            "row is one case)"
        )
        raise SchemaError(msg)
    if lists is None:
        names = [c for c in frame.columns if c not in (count, by)]
    else:
        names = [str(c) for c in lists]
        for c in names:
            if c not in frame.columns:
                msg = (
                    f"column '{c}' not found; available columns: "
                    f"{', '.join(frame.columns)}"
                )
                raise SchemaError(msg)
    if len(names) != len(set(names)):
        msg = "`lists` must not repeat a column"
        raise InvalidArgumentError(msg)
    return frame, names, count


def _looks_like_table(data: Any, lists: Any) -> bool:
    # A frame with a "source" column is records; a frame of 0/1 columns is a table.
    try:
        frame = to_polars(data)
    except InvalidArgumentError:
        return False
    return "source" not in frame.columns


def _core_table(frame: pl.DataFrame, names: list[str], count: str | None) -> _Table:
    if count is None:
        # One row per case: repeated histories are expected here, not duplicates.
        frame = frame.group_by(names).len(name="count")
        count = "count"
    lists = [_numbers(frame.get_column(c), c) for c in names]
    counts = _numbers(frame.get_column(count), count)
    return _Table(names, lists, counts, count)


# --------------------------------------------------------------------------- results


@dataclass
class MSEResult:
    """A population estimate with its model, intervals and diagnostics.

    Attributes
    ----------
    estimate
        Estimated total population N (observed + dark figure).
    interval
        ``(lower, upper)`` of the main interval at ``level`` (``upper`` is ``inf`` when
        the profile likelihood is unbounded), or ``None``.
    level
        Confidence level of ``interval``.
    interval_method
        How ``interval`` was computed (``"bca"``, ``"normal_log_dark"``,
        ``"profile"``...).
    intervals
        Every interval computed, one row per kind and level.
    model
        The interactions of the fitted log-linear model (``[]`` for main effects;
        ``None`` for the closed-form estimators).
    observed
        Number of observed (distinct) cases n.
    dark_figure
        ``estimate - observed``.
    fitted
        The capture-history table: one 0/1 column per list, ``observed``, ``fitted``
        and ``removed`` (cells fixed at 0 by the extended MLE).
    """

    estimate: float
    interval: tuple[float, float] | None
    level: float
    interval_method: str | None
    intervals: pl.DataFrame
    model: list[str] | None
    observed: int
    dark_figure: float
    method: str
    lists: list[str]
    fitted: pl.DataFrame
    steps: pl.DataFrame
    diagnostics: dict[str, Any]
    warnings: list[str]
    profile_estimate: float | None = None
    bootstrap_replicates: np.ndarray | None = None
    acceleration: float | None = None
    n_top: pl.DataFrame | None = None
    seed: int | None = None
    population: float | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def rate_per_100k(self) -> float | None:
        """Estimated victims per 100,000 population (needs ``population=``)."""
        if not self.population:
            return None
        return self.estimate / self.population * 1e5

    @property
    def model_label(self) -> str:
        """The model as text, e.g. ``"A:E"``; ``"none"`` for main effects."""
        if self.model is None:
            return self.method
        return "+".join(self.model) if self.model else "none"

    def summary(self) -> str:
        """Describe the estimate, its model and interval in a few lines."""
        lines = [
            f"Multiple systems estimate ({_method_text(self)}) over {len(self.lists)} "
            f"lists ({', '.join(self.lists)}), {self.observed:,} observed cases",
        ]
        if self.model is not None:
            boundary = (self.raw.get("model") or {}).get("boundary") or []
            extra = f" (at -inf: {', '.join(boundary)})" if boundary else ""
            lines.append(f"  model:        {self.model_label}{extra}")
        lines.append(
            f"  estimate:     {self.estimate:,.1f} total "
            f"(dark figure {self.dark_figure:,.1f})"
        )
        if self.interval is not None:
            lo, hi = self.interval
            hi_text = f"{hi:,.0f}" if math.isfinite(hi) else "unbounded"
            lines.append(
                f"  {self.level:.0%} interval: {lo:,.0f} – {hi_text} "
                f"({_interval_name(self.interval_method)}"
                + (
                    f", {len(self.bootstrap_replicates):,} replicates, seed {self.seed}"
                    if self.interval_method == "bca"
                    and self.bootstrap_replicates is not None
                    else ""
                )
                + ")"
            )
        if self.population:
            lines.append(
                f"  per 100,000:  {self.rate_per_100k:,.2f} "
                f"(population {self.population:,.0f})"
            )
        lines.extend(f"  warning: {w}" for w in self.warnings)
        return "\n".join(lines)

    def __repr__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        rows = [
            ("method", _method_text(self)),
            ("lists", ", ".join(self.lists)),
            ("observed", f"{self.observed:,}"),
        ]
        if self.model is not None:
            rows.append(("model", self.model_label))
        rows.append(("estimate", f"{self.estimate:,.1f}"))
        rows.append(("dark figure", f"{self.dark_figure:,.1f}"))
        for row in to_polars(self.intervals).iter_rows(named=True):
            hi = row["upper"]
            hi_text = f"{hi:,.0f}" if hi is not None and math.isfinite(hi) else "∞"
            rows.append(
                (
                    f"{row['level']:.0%} {_interval_name(row['kind'])}",
                    f"{row['lower']:,.0f} – {hi_text}",
                )
            )
        if self.population:
            rows.append(("per 100,000", f"{self.rate_per_100k:,.2f}"))
        body = "".join(
            f"<tr><th style='text-align:left'>{html.escape(k)}</th>"
            f"<td style='text-align:left'>{html.escape(v)}</td></tr>"
            for k, v in rows
        )
        warn = "".join(f"<li>{html.escape(w)}</li>" for w in self.warnings)
        warn_html = f"<ul style='color:#a05a00'>{warn}</ul>" if warn else ""
        return (
            "<div><strong>Multiple systems estimate</strong>"
            f"<table>{body}</table>{warn_html}</div>"
        )


def _interval_name(kind: str | None) -> str:
    return _INTERVAL_NAMES.get(kind or "", kind or "")


def _method_text(result: MSEResult) -> str:
    params = result.raw.get("_params", {})
    if result.method in ("stepwise", "bhs"):
        return f"{result.method}, p < {params.get('p_threshold')}"
    if result.method == "bic":
        return f"best BIC, max order {params.get('max_order')}"
    return result.method


def _history_columns(names: list[str], histories: list[int]) -> dict[str, list[int]]:
    return {name: [(h >> i) & 1 for h in histories] for i, name in enumerate(names)}


def _result(
    raw: dict[str, Any], params: dict[str, Any], population: float | None
) -> MSEResult:
    raw["_params"] = params
    names = raw["lists"]
    levels = params["levels"]
    intervals = pl.DataFrame(
        {
            "kind": [i["kind"] for i in raw["intervals"]],
            "level": [i["level"] for i in raw["intervals"]],
            "lower": [i["lower"] for i in raw["intervals"]],
            "upper": [
                i["upper"] if i["upper"] is not None else math.inf
                for i in raw["intervals"]
            ],
        },
        schema={
            "kind": pl.String,
            "level": pl.Float64,
            "lower": pl.Float64,
            "upper": pl.Float64,
        },
    )
    wanted = params["interval"]
    order = {
        "auto": ["bca", "profile", "normal_log_dark", "lognormal", "normal"],
        "bca": ["bca"],
        "profile": ["profile"],
        "normal": ["normal_log_dark", "lognormal", "normal"],
        "none": [],
    }[wanted]
    main = None
    kind = None
    for k in order:
        rows = intervals.filter((pl.col("kind") == k) & (pl.col("level") == levels[0]))
        if rows.height:
            main = (rows["lower"][0], rows["upper"][0])
            kind = k
            break
    cells = raw["fitted"]
    histories = [c["history"] for c in cells]
    fitted = pl.DataFrame(
        {
            **_history_columns(names, histories),
            "observed": [c["observed"] for c in cells],
            "fitted": [c["fitted"] for c in cells],
            "removed": [c["removed"] for c in cells],
        },
        schema={
            **dict.fromkeys(names, pl.Int8),
            "observed": pl.Float64,
            "fitted": pl.Float64,
            "removed": pl.Boolean,
        },
    )
    fitted = (
        fitted.with_columns(pl.sum_horizontal(names).alias("__k"))
        .sort(["__k", *names], descending=[False] + [True] * len(names))
        .drop("__k")
    )
    steps = pl.DataFrame(
        {
            "term": [s["term"] for s in raw["steps"]],
            "p_value": [s["p_value"] for s in raw["steps"]],
            "estimate": [s["estimate"] for s in raw["steps"]],
        },
        schema={"term": pl.String, "p_value": pl.Float64, "estimate": pl.Float64},
    )
    boot = raw.get("bootstrap")
    replicates = None
    accel = None
    n_top = None
    if boot:
        replicates = np.array(
            [np.nan if v is None else v for v in boot["replicates"]], dtype=float
        )
        accel = boot["a_hat"]
        if boot["n_top"]:
            data: dict[str, list[float]] = {
                "n_top": [r["n_top"] for r in boot["n_top"]]
            }
            for i, level in enumerate(levels):
                data[f"lower_{level:g}"] = [r["limits"][i][0] for r in boot["n_top"]]
                data[f"upper_{level:g}"] = [r["limits"][i][1] for r in boot["n_top"]]
            n_top = pl.DataFrame(data)
    model = raw.get("model")
    return MSEResult(
        estimate=raw["estimate"],
        interval=main,
        level=levels[0],
        interval_method=kind,
        intervals=intervals,
        model=None if model is None else list(model["interactions"]),
        observed=round(raw["observed"]),
        dark_figure=raw["dark_figure"],
        method=raw["method"],
        lists=list(names),
        fitted=fitted,
        steps=steps,
        diagnostics=raw["diagnostics"],
        warnings=[n["message"] for n in raw["notices"]],
        profile_estimate=raw.get("profile_estimate"),
        bootstrap_replicates=replicates,
        acceleration=accel,
        n_top=n_top,
        seed=params.get("seed") if boot else None,
        population=population,
        raw=raw,
    )


@dataclass
class StratifiedResult:
    """Estimates per stratum (e.g. per sex or year), with rates per 100,000.

    Attributes
    ----------
    by
        The stratifying column.
    table
        One row per stratum: ``observed``, ``estimate``, ``lower``, ``upper``,
        ``model``, and when populations were given ``population``, ``rate_per_100k``,
        ``rate_lower``, ``rate_upper``.
    results
        The full :class:`MSEResult` of each stratum.
    failures
        Strata that could not be estimated, with the reason.
    """

    by: str
    table: pl.DataFrame
    results: dict[Any, MSEResult]
    failures: dict[Any, str]

    @property
    def total_estimate(self) -> float:
        """Sum of the stratum estimates (strata that failed are left out)."""
        return float(sum(r.estimate for r in self.results.values()))

    def __repr__(self) -> str:
        head = f"Stratified multiple systems estimate by '{self.by}'"
        fails = "".join(
            f"\n  not estimated: {k} ({v})" for k, v in self.failures.items()
        )
        return f"{head}\n{self.table}{fails}"

    def _repr_html_(self) -> str:
        return (
            f"<div><strong>Stratified multiple systems estimate by "
            f"'{html.escape(self.by)}'</strong>{self.table._repr_html_()}</div>"
        )


# --------------------------------------------------------------------------- estimate


def _options(
    method: str,
    *,
    names: list[str],
    p_threshold: float,
    max_order: int,
    model: str | Sequence[str] | None,
    bias_corrected: bool,
    interval: str,
    levels: list[float],
    bootstrap: int,
    seed: int,
    n_top: int | None,
) -> dict[str, Any]:
    if method not in _METHODS:
        msg = f"`method` must be one of {', '.join(_METHODS)}, got {method!r}"
        raise InvalidArgumentError(msg)
    if interval not in ("auto", "normal", "profile", "bca", "none"):
        msg = (
            "`interval` must be 'auto', 'normal', 'profile', 'bca' or 'none', "
            f"got {interval!r}"
        )
        raise InvalidArgumentError(msg)
    if isinstance(bootstrap, bool) or not isinstance(bootstrap, int) or bootstrap < 0:
        msg = f"`bootstrap` must be a non-negative whole number, got {bootstrap!r}"
        raise InvalidArgumentError(msg)
    opts: dict[str, Any] = {
        "method": method,
        "interval": interval,
        "levels": levels,
        "bootstrap": bootstrap,
        "seed": seed,
        "n_top": n_top,
    }
    if method in ("stepwise", "bhs"):
        opts["p_threshold"] = float(p_threshold)
    elif method == "bic":
        opts["max_order"] = int(max_order)
    elif method == "chao":
        opts["bias_corrected"] = bool(bias_corrected)
    elif method == "fixed":
        if model is None:
            msg = "method='fixed' needs model=, e.g. model=['A:B'] or model='A:B+C:D'"
            raise InvalidArgumentError(msg)
        opts["terms"] = _parse_model(model, names)
    return opts


def _parse_model(model: str | Sequence[str], names: list[str]) -> list[int]:
    if isinstance(model, str):
        parts = [] if model.strip() in ("", "none") else model.split("+")
    else:
        parts = list(model)
    terms = []
    for part in parts:
        mask = 0
        for name in str(part).split(":"):
            name = name.strip()
            if name not in names:
                msg = (
                    f"`model` term {part!r} names an unknown list {name!r}; lists are "
                    f"{', '.join(names)}"
                )
                raise InvalidArgumentError(msg)
            mask |= 1 << names.index(name)
        if bin(mask).count("1") < 2:
            msg = (
                f"`model` terms must be interactions of two or more lists, got {part!r}"
            )
            raise InvalidArgumentError(msg)
        terms.append(mask)
    return terms


def _levels(level: float | Sequence[float]) -> list[float]:
    levels = (
        [float(level)] if isinstance(level, (int, float)) else [float(x) for x in level]
    )
    if not levels or any(not 0 < x < 1 for x in levels):
        msg = f"`level` must be between 0 and 1 (exclusive), got {level!r}"
        raise InvalidArgumentError(msg)
    return levels


def _seed(seed: int | None) -> int:
    if seed is None:
        return int(np.random.SeedSequence().entropy % (2**63))
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        msg = f"`seed` must be a non-negative whole number or None, got {seed!r}"
        raise InvalidArgumentError(msg)
    return int(seed)


def _emit(result: MSEResult, stacklevel: int) -> None:
    for message in result.warnings:
        warnings.warn(message, DataQualityWarning, stacklevel=stacklevel + 1)


def estimate(
    data: Any,
    *,
    method: Method = "stepwise",
    p_threshold: float = 0.02,
    max_order: int = 2,
    model: str | Sequence[str] | None = None,
    bootstrap: int = 0,
    seed: int | None = None,
    level: float | Sequence[float] = 0.95,
    interval: IntervalMethod = "auto",
    n_top: int | None = None,
    bias_corrected: bool = False,
    lists: Sequence[str] | ListsFrom | Mapping[str, str] | None = None,
    count: str | None = "count",
    by: str | None = None,
    population: float | Mapping[Any, float] | None = None,
    progress: Callable[[str, int, int | None], Any] | None = None,
    crime_type: Sequence[str] | str | None = None,
) -> MSEResult | StratifiedResult:
    """Estimate the total population, seen and unseen, from overlapping lists.

    Parameters
    ----------
    data
        A capture-history table (one 0/1 column per list and a count column; polars or
        pandas), or a ``Linkage`` from :func:`tipsom.deduplicate` (each person's lists
        are taken from the sources of their records).
    method
        ``"stepwise"`` (Chan, Silverman & Vincent 2021: pairs added while their
        one-sided Poisson p-value is below ``p_threshold``), ``"bic"`` (best BIC over
        every hierarchical model up to ``max_order``; at most 6 lists), ``"bhs"``
        (Bales, Hesketh & Silverman 2015; no sparse handling, a baseline only),
        ``"fixed"`` (the ``model`` given), ``"main_effects"`` (independent lists),
        ``"chao"`` (Chao's lower bound), ``"lincoln_petersen"`` or ``"chapman"`` (two
        lists).
    p_threshold
        Threshold of ``"stepwise"`` (0.02, as CSV 2021 recommend) and ``"bhs"``.
    max_order
        Highest interaction order for ``"bic"``.
    model
        For ``"fixed"``: interactions such as ``["A:B", "C:D"]`` or ``"A:B+C:D"``.
    bootstrap
        Number of bootstrap replicates for a BCa interval that reruns the whole method,
        model selection included, on every replicate (1,000 is usual). For ``"bic"``
        this is the n_top bootstrap of Silverman, Chan & Vincent (2024).
    seed
        Seed of the bootstrap; results are identical for a seed whatever the number of
        threads. ``None`` draws one (it is kept in ``result.seed``).
    level
        Confidence level, or several (the first is the main ``interval``).
    interval
        ``"auto"`` (BCa when ``bootstrap > 0``, else model-conditional), ``"normal"``
        (normal on the log dark figure), ``"profile"`` (multinomial profile likelihood),
        ``"bca"`` or ``"none"``.
    n_top
        For ``"bic"`` with bootstrap: how many top-ranked models to refit per replicate
        (default all for 3 lists, 20 for 4, 100 for 5–6).
    bias_corrected
        For ``"chao"``: use ``n + f1 (f1 - 1) / (2 (f2 + 1))``.
    lists
        For a table: the list columns (default: every column except ``count`` and
        ``by``). For a Linkage: ``"source"`` (default), ``"source_type"`` or a mapping
        from source to list name.
    count
        The count column of a table; ``None`` when each row is one case.
    by
        Estimate separately within each value of this column (e.g. ``"sex"``,
        ``"year"``).
    population
        Population for a rate per 100,000: a number, or with ``by`` a mapping from
        stratum to population.
    progress
        Optional callback ``progress(stage, done, total)`` for long bootstraps.
    crime_type
        For a Linkage (or records): estimate only the persons of these crime types
        (``["tip", "both"]`` for victims of trafficking, as SDG 16.2.2 counts them;
        ``"som"`` for smuggled migrants), counted as :func:`tipsom.indicators.victims`
        counts them (victims, and smuggled migrants for smuggling types; never accused
        persons, witnesses or deportees).

    Returns
    -------
    MSEResult or StratifiedResult
        ``StratifiedResult`` when ``by`` is given.

    Warns
    -----
    DataQualityWarning
        Duplicate histories (summed), empty or identical lists, a list that overlaps no
        other, too few overlapping cases, bootstrap replicates that failed; records that
        mix smuggled migrants with victims of trafficking when ``crime_type`` is not
        given (the two are different populations, and SDG 16.2.2 counts victims).

    Raises
    ------
    SchemaError
        List columns that are not 0/1, negative or fractional counts, an all-zero
        history, missing columns.
    InvalidArgumentError
        One list only, more lists than the method supports, bad options.
    ComputeError
        No model has a finite estimate (e.g. the lists do not overlap at all).

    Examples
    --------
    >>> import polars as pl
    >>> import tipsom as ts
    >>> table = pl.DataFrame(
    ...     {
    ...         "A": [1, 0, 0, 1, 1, 0, 1],
    ...         "B": [0, 1, 0, 1, 0, 1, 1],
    ...         "C": [0, 0, 1, 0, 1, 1, 1],
    ...         "count": [50, 40, 30, 12, 9, 8, 3],
    ...     }
    ... )
    >>> result = ts.mse.estimate(table)
    >>> result.model_label, round(result.estimate)
    ('none', 307)
    """
    levels = _levels(level)
    seed_value = _seed(seed)
    original = data
    if _is_linkage(data) or (
        crime_type is not None and "source" in to_polars(data).columns
    ):
        data = _persons_of_crime_type(data, crime_type)
        lists = lists if lists is not None else "source"
    frame, names, count_col = _prepare(data, lists=lists, count=count, by=by)
    if by is not None:
        if by not in frame.columns:
            available = ", ".join(frame.columns)
            msg = f"column '{by}' not found; available columns: {available}"
            raise SchemaError(msg)
        stratified = _stratified(
            frame,
            names,
            count_col,
            by,
            population,
            dict(
                method=method,
                p_threshold=p_threshold,
                max_order=max_order,
                model=model,
                bias_corrected=bias_corrected,
                interval=interval,
                levels=levels,
                bootstrap=bootstrap,
                seed=seed_value,
                n_top=n_top,
            ),
            progress,
        )
        return _like(stratified, original)
    if population is not None and not isinstance(population, (int, float)):
        msg = "`population` must be a number unless `by` is given"
        raise InvalidArgumentError(msg)
    result = _estimate_one(
        frame,
        names,
        count_col,
        dict(
            method=method,
            p_threshold=p_threshold,
            max_order=max_order,
            model=model,
            bias_corrected=bias_corrected,
            interval=interval,
            levels=levels,
            bootstrap=bootstrap,
            seed=seed_value,
            n_top=n_top,
        ),
        population,
        progress,
    )
    _emit(result, stacklevel=2)
    return _like(result, original)


def _persons_of_crime_type(data: Any, crime_type: Sequence[str] | str | None) -> Any:
    """Records of the persons counted for ``crime_type``; warns on a mix when None."""
    from tipsom.indicators import _persons

    records = to_polars(data.records if _is_linkage(data) else data)
    if "person_id" not in records.columns or not (
        {"crime_type", "role"} & set(records.columns)
    ):
        return records
    people = _persons.linked_persons(data) if _is_linkage(data) else None
    if people is None:
        people = _persons._resolve_persons(records)
    if crime_type is None:
        victims = _persons.DEFAULT_COUNTED.expr(people)
        smuggled = pl.lit(False)
        if "crime_type" in people.columns:
            smuggled = smuggled | pl.col("crime_type").is_in(["som", "som_related"])
        if "role" in people.columns:
            smuggled = smuggled | (pl.col("role") == "smuggled_migrant")
        n_victims = people.filter(victims).height if victims is not None else 0
        n_smuggled = people.filter(smuggled).height
        if n_victims and n_smuggled:
            warnings.warn(
                f"the lists mix smuggled migrants ({n_smuggled} persons) with victims "
                f"of trafficking ({n_victims}): they are different populations, and "
                "SDG 16.2.2 counts victims of trafficking; pass crime_type=['tip', "
                "'both'] (or 'som' for smuggled migrants) to estimate one of them",
                DataQualityWarning,
                stacklevel=3,
            )
        return records
    keep = _persons.counted(crime_type=crime_type).expr(people)
    ids = people.filter(keep)["person_id"] if keep is not None else people["person_id"]
    return records.filter(pl.col("person_id").cast(pl.String).is_in(ids.implode()))


def _like(result: Any, original: Any) -> Any:
    """Return the frames of a result as pandas when the input was pandas."""
    if not is_pandas(original):
        return result
    for name in ("intervals", "fitted", "steps", "n_top", "table", "models"):
        value = getattr(result, name, None)
        if isinstance(value, pl.DataFrame):
            setattr(result, name, value.to_pandas())
    for inner in getattr(result, "results", {}).values():
        _like(inner, original)
    return result


def _estimate_one(
    frame: pl.DataFrame,
    names: list[str],
    count: str | None,
    params: dict[str, Any],
    population: float | None,
    progress: Callable[..., Any] | None,
) -> MSEResult:
    table = _core_table(frame, names, count)
    opts = _options(
        params["method"],
        names=names,
        **{k: v for k, v in params.items() if k != "method"},
    )
    raw = json.loads(
        _core.mse_estimate(
            table.names,
            table.lists,
            table.counts,
            table.count_name,
            json.dumps(opts),
            progress,
        )
    )
    return _result(raw, {**params, **opts}, population)


def _stratified(
    frame: pl.DataFrame,
    names: list[str],
    count: str | None,
    by: str,
    population: float | Mapping[Any, float] | None,
    params: dict[str, Any],
    progress: Callable[..., Any] | None,
) -> StratifiedResult:
    if population is not None and not isinstance(population, Mapping):
        msg = "with `by`, `population` must be a mapping from stratum to population"
        raise InvalidArgumentError(msg)
    results: dict[Any, MSEResult] = {}
    failures: dict[Any, str] = {}
    strata = sorted(
        frame.get_column(by).unique().to_list(), key=lambda v: (v is None, str(v))
    )
    for value in strata:
        part = frame.filter(
            pl.col(by).is_null() if value is None else pl.col(by) == value
        )
        try:
            result = _estimate_one(
                part,
                names,
                count,
                params,
                None if population is None else population.get(value),
                progress,
            )
        except (InvalidArgumentError, SchemaError):
            raise
        except Exception as err:
            failures[value] = str(err)
            continue
        for message in result.warnings:
            warnings.warn(
                f"stratum {by}={value}: {message}", DataQualityWarning, stacklevel=3
            )
        results[value] = result
    rows = []
    for value, r in results.items():
        lo, hi = r.interval if r.interval is not None else (math.nan, math.nan)
        row = {
            by: value,
            "observed": r.observed,
            "estimate": r.estimate,
            "lower": lo,
            "upper": hi,
            "model": r.model_label,
        }
        if population is not None:
            pop = population.get(value)
            row["population"] = pop
            scale = 1e5 / pop if pop else math.nan
            row["rate_per_100k"] = r.estimate * scale
            row["rate_lower"] = lo * scale
            row["rate_upper"] = hi * scale
        rows.append(row)
    table = pl.DataFrame(rows) if rows else pl.DataFrame({by: [], "estimate": []})
    return StratifiedResult(by=by, table=table, results=results, failures=failures)


# --------------------------------------------------------------------------- other
# tools


def check_model(
    data: Any,
    model: str | Sequence[str],
    *,
    lists: Sequence[str] | None = None,
    count: str | None = "count",
) -> int:
    """Check that a model's (extended) MLE exists and is identifiable on these data.

    The linear-programming test of Fienberg & Rinaldo (2012) and a rank test, as
    SparseMSE ``checkident`` / MSE ``check_extended_MLE``.

    Returns
    -------
    int
        0 OK, 1 the MLE does not exist, 2 not identifiable, 3 both.

    Examples
    --------
    >>> import polars as pl
    >>> art = pl.DataFrame(
    ...     {
    ...         "A": [1, 0, 0, 1],
    ...         "B": [0, 1, 0, 1],
    ...         "C": [0, 0, 1, 0],
    ...         "n": [40, 30, 20, 6],
    ...     }
    ... )
    >>> check_model(art, "A:B+A:C+B:C", count="n"), check_model(art, "A:B", count="n")
    (2, 1)
    """
    frame, names, count_col = _prepare(data, lists=lists, count=count)
    table = _core_table(frame, names, count_col)
    terms = _parse_model(model, names)
    return int(
        _core.mse_check(table.names, table.lists, table.counts, table.count_name, terms)
    )


def all_models(
    data: Any,
    *,
    max_order: int = 2,
    lists: Sequence[str] | ListsFrom | Mapping[str, str] | None = None,
    count: str | None = "count",
    progress: Callable[[str, int, int | None], Any] | None = None,
) -> Any:
    """Every hierarchical model up to ``max_order``: check code, estimate, AIC and BIC.

    The spread of these estimates shows how much the answer depends on the model.

    Returns
    -------
    DataFrame
        ``model``, ``mse_string``, ``n_interactions``, ``check`` (0 = admissible),
        ``estimate``, ``aic``, ``bic``, sorted by BIC. pandas in, pandas out.
    """
    frame, names, count_col = _prepare(data, lists=lists, count=count)
    table = _core_table(frame, names, count_col)
    rows = json.loads(
        _core.mse_all_models(
            table.names,
            table.lists,
            table.counts,
            table.count_name,
            int(max_order),
            progress,
        )
    )
    out = pl.DataFrame(
        {
            "model": [r["label"] for r in rows],
            "mse_string": [r["mse_string"] for r in rows],
            "n_interactions": [r["n_interactions"] for r in rows],
            "check": [r["check"] for r in rows],
            "estimate": [
                math.nan if r["estimate"] is None else r["estimate"] for r in rows
            ],
            "aic": [math.nan if r["aic"] is None else r["aic"] for r in rows],
            "bic": [math.nan if r["bic"] is None else r["bic"] for r in rows],
        }
    ).sort("bic", nulls_last=True)
    return like_input(out, data if not _is_linkage(data) else out)


def bca_limits(
    estimate: float,
    replicates: Sequence[float],
    *,
    acceleration: float = 0.0,
    probabilities: Sequence[float] = (0.025, 0.975),
) -> list[float] | None:
    """Compute BCa limits from bootstrap replicates (SparseMSE ``bcaconfvalues``).

    Quantiles are R's type 8, as in SparseMSE.

    Returns ``None`` when every replicate lies on one side of ``estimate`` (the bias
    correction is then infinite).

    Examples
    --------
    >>> bca_limits(500.5, range(1, 1001), probabilities=[0.5])
    [500.5]
    """
    out = _core.mse_bca_limits(
        float(estimate),
        [float(x) for x in replicates],
        float(acceleration),
        [float(p) for p in probabilities],
    )
    return None if out is None else list(out)


# ---------------------------------------------------------------------------
# sensitivity


@dataclass
class Sensitivity:
    """How the estimate moves with the method, the threshold, the lists and the model.

    Attributes
    ----------
    table
        One row per variant: ``analysis`` (``method``, ``threshold``, ``omit list``,
        ``merge lists``, ``all models``), ``variant``, ``estimate``, ``lower``,
        ``upper`` (model-conditional 95% unless stated), ``model``, ``lists``,
        ``observed``.
    models
        Every hierarchical model (up to ``max_order``) with its estimate and BIC, when
        the number of lists allows (at most 6).
    """

    table: pl.DataFrame
    models: pl.DataFrame | None

    def __repr__(self) -> str:
        return f"MSE sensitivity analysis\n{self.table}"

    def _repr_html_(self) -> str:
        table = self.table._repr_html_()
        return f"<div><strong>MSE sensitivity analysis</strong>{table}</div>"

    def plot(self, ax: Any = None) -> Any:
        """Draw every variant's estimate and interval, grouped by analysis.

        Returns the matplotlib ``Axes``. Admissible models are drawn as a strip of
        points with the best-BIC model highlighted.
        """
        import matplotlib.pyplot as plt  # lazy: imported only when drawing

        table = to_polars(self.table)
        models = None if self.models is None else to_polars(self.models)
        rows = table.filter(pl.col("analysis") != "all models").to_dicts()
        n_rows = len(rows) + (1 if models is not None else 0)
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 0.32 * n_rows + 1.2))
        labels = []
        colours = {
            "method": "#1f77b4",
            "threshold": "#2ca02c",
            "omit list": "#d62728",
            "merge lists": "#9467bd",
        }
        for y, row in enumerate(reversed(rows)):
            colour = colours.get(row["analysis"], "#555555")
            lo, hi = row["lower"], row["upper"]
            if lo is not None and hi is not None and math.isfinite(lo):
                ax.plot(
                    [lo, hi if math.isfinite(hi) else row["estimate"] * 3],
                    [y, y],
                    color=colour,
                    lw=2,
                    alpha=0.6,
                )
            ax.plot(row["estimate"], y, "o", color=colour)
            labels.append(f"{row['analysis']}: {row['variant']}")
        if models is not None:
            y = len(rows)
            admissible = models.filter(pl.col("check") == 0)
            ax.plot(
                admissible["estimate"].to_list(),
                [y] * admissible.height,
                "|",
                color="#7f7f7f",
                ms=12,
                alpha=0.5,
            )
            if admissible.height:
                best = admissible.sort("bic").row(0, named=True)
                ax.plot(best["estimate"], y, "D", color="black")
            labels.append(f"all admissible models ({admissible.height})")
        ax.set_yticks(range(len(labels)))
        ax.set_yticklabels(labels, fontsize=8)
        ax.set_xlabel("estimated total population (95% interval)")
        ax.grid(axis="x", alpha=0.3)
        ax.set_title("Sensitivity of the multiple systems estimate")
        return ax


def sensitivity(
    data: Any,
    *,
    method: Method = "stepwise",
    p_threshold: float = 0.02,
    thresholds: Sequence[float] = (0.001, 0.005, 0.01, 0.02, 0.05, 0.1),
    methods: Sequence[str] = ("stepwise", "bic", "main_effects", "chao"),
    max_order: int = 2,
    omit: bool = True,
    merge: bool = True,
    models: bool = True,
    lists: Sequence[str] | ListsFrom | Mapping[str, str] | None = None,
    count: str | None = "count",
) -> Sensitivity:
    """Re-estimate under other methods, thresholds, lists and models.

    Parameters
    ----------
    data
        A capture-history table or a ``Linkage`` (as for :func:`estimate`).
    method, p_threshold
        The baseline analysis; the list variants (omit, merge) use it.
    thresholds
        Stepwise thresholds to sweep (CSV 2021 tried 0.001–0.1).
    methods
        Methods to compare (``"bic"`` is skipped above 6 lists, ``"lincoln_petersen"``
        unless there are exactly 2).
    max_order
        Highest order of the models in ``"bic"`` and in the spread over all models.
    omit, merge
        Whether to re-estimate with each list left out (its cases on no other list drop
        out), and with each pair of lists merged into one.
    models
        Whether to fit every hierarchical model (at most 6 lists).
    lists, count
        As for :func:`estimate`.

    Returns
    -------
    Sensitivity
        ``.table``, ``.models`` and ``.plot()``.
    """
    frame, names, count_col = _prepare(data, lists=lists, count=count)
    if count_col is None:
        frame = frame.with_columns(pl.lit(1).alias("__count"))
        count_col = "__count"
    rows: list[dict[str, Any]] = []

    def run(
        analysis: str, variant: str, f: pl.DataFrame, ns: list[str], **kw: Any
    ) -> None:
        params = dict(
            method=kw.pop("method", method),
            p_threshold=kw.pop("p_threshold", p_threshold),
            max_order=max_order,
            model=None,
            bias_corrected=False,
            interval="auto",
            levels=[0.95],
            bootstrap=0,
            seed=0,
            n_top=None,
        )
        try:
            r = _estimate_one(f, ns, count_col, params, None, None)
        except Exception as err:
            rows.append(
                dict(
                    analysis=analysis,
                    variant=variant,
                    estimate=math.nan,
                    lower=math.nan,
                    upper=math.nan,
                    model=f"not estimated: {err}",
                    lists=len(ns),
                    observed=int(f.get_column(count_col).sum()),
                )
            )
            return
        lo, hi = r.interval if r.interval is not None else (math.nan, math.nan)
        rows.append(
            dict(
                analysis=analysis,
                variant=variant,
                estimate=r.estimate,
                lower=lo,
                upper=hi,
                model=r.model_label,
                lists=len(ns),
                observed=r.observed,
            )
        )

    for m in methods:
        if m == "bic" and len(names) > 6:
            continue
        if m in ("lincoln_petersen", "chapman") and len(names) != 2:
            continue
        label = {
            "stepwise": f"stepwise p<{p_threshold:g}",
            "bic": f"best BIC (order ≤ {max_order})",
        }.get(m, m)
        run("method", label, frame, names, method=m)
    if method == "stepwise":
        for p in thresholds:
            run("threshold", f"p<{p:g}", frame, names, p_threshold=p)
    if omit and len(names) > 2:
        for name in names:
            keep = [n for n in names if n != name]
            f = frame.filter(pl.sum_horizontal(keep) > 0)
            run("omit list", f"without {name}", f, keep)
    if merge and len(names) > 2:
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                merged = f"{a}+{b}"
                f = frame.with_columns(pl.max_horizontal(a, b).alias(merged)).drop(a, b)
                ns = [merged if n == a else n for n in names if n != b]
                run("merge lists", f"{a} with {b}", f, ns)
    model_table = None
    if models and len(names) <= 6:
        model_table = to_polars(
            all_models(frame, max_order=max_order, lists=names, count=count_col)
        )
        admissible = model_table.filter(pl.col("check") == 0)
        if admissible.height:
            est = admissible.get_column("estimate")
            rows.append(
                dict(
                    analysis="all models",
                    variant=f"{admissible.height} admissible models",
                    estimate=float(est.median()),
                    lower=float(est.min()),
                    upper=float(est.max()),
                    model="median (min – max)",
                    lists=len(names),
                    observed=int(frame.get_column(count_col).sum()),
                )
            )
    table = pl.DataFrame(
        rows,
        schema={
            "analysis": pl.String,
            "variant": pl.String,
            "estimate": pl.Float64,
            "lower": pl.Float64,
            "upper": pl.Float64,
            "model": pl.String,
            "lists": pl.Int64,
            "observed": pl.Int64,
        },
    )
    return _like(Sensitivity(table=table, models=model_table), data)


# Errors from user data leave these functions as tipsom's, without values.
_guard_namespace(globals(), list(__all__), "tipsom.mse")
