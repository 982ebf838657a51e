"""Charts of the indicators (matplotlib).

Sex–age pyramid, exploitation by sex–age, trends, justice funnel, sources per person and
the data-quality heat map. Every chart takes the data (records or a Linkage) and a
``suppress_below`` threshold: the counts drawn are the published ones, and a withheld
cell is drawn as an empty, hatched bar marked ``x`` (never as zero). Each function
returns a ``matplotlib.figure.Figure``.
"""

from __future__ import annotations

from typing import Any, Literal

import polars as pl

from tipsom._errors import guard_namespace as _guard_namespace
from tipsom._frame import to_polars
from tipsom.indicators import _persons
from tipsom.indicators._disclosure import suppress
from tipsom.indicators._publish import quality_summary
from tipsom.indicators._victims import LEVELS, victims

COLOURS = {
    "woman": "#b2182b",
    "girl": "#ef8a62",
    "man": "#2166ac",
    "boy": "#67a9cf",
    "unknown": "#999999",
    "female": "#b2182b",
    "male": "#2166ac",
    "transgender": "#7b3294",
}
AGE_BANDS = [
    (0, 11, "0-11"),
    (12, 17, "12-17"),
    (18, 29, "18-29"),
    (30, 44, "30-44"),
    (45, 200, "45+"),
]


def _figure(width: float = 7.0, height: float = 4.0) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _hidden(
    ax: Any, x: float, y: float, width: float, height: float, *, horizontal: bool
) -> None:
    """Draw a withheld cell: an empty hatched bar labelled x."""
    if horizontal:
        ax.barh(
            y,
            width,
            left=x,
            height=height,
            fill=False,
            hatch="///",
            edgecolor="#777777",
        )
        ax.text(x + width / 2, y, "x", ha="center", va="center", fontsize=8)
    else:
        ax.bar(
            x,
            height,
            bottom=y,
            width=width,
            fill=False,
            hatch="///",
            edgecolor="#777777",
        )
        ax.text(x, y + height / 2, "x", ha="center", va="center", fontsize=8)


def pyramid(
    data: Any,
    linkage: Any = None,
    *,
    unit: Literal["person", "record"] = "person",
    suppress_below: int | None = 5,
    bands: Literal["age", "age_group"] = "age",
) -> Any:
    """Sex–age pyramid: males to the left, females to the right, by age band.

    Uses ``age`` in bands when the records have it (and ``bands="age"``), otherwise
    child / adult.
    """
    frame, _ = _persons.records_of(data, linkage)
    with _persons.shared_persons(frame, data, linkage):
        counted, _ = _persons.counting_frame(frame, None, unit, ("sex", "age_group"))
    if (
        bands == "age"
        and "age" in counted.columns
        and counted["age"].drop_nulls().len() > 0
    ):
        band = pl.lit("unknown")
        for lo, hi, label in reversed(AGE_BANDS):
            band = (
                pl.when(pl.col("age").is_between(lo, hi))
                .then(pl.lit(label))
                .otherwise(band)
            )
        counted = counted.with_columns(band.alias("age_band"))
        order = [b[2] for b in AGE_BANDS] + ["unknown"]
    else:
        counted = counted.with_columns(
            pl.col("age_group").cast(pl.String).alias("age_band")
        )
        order = ["child", "adult", "unknown"]
    table = (
        counted.filter(pl.col("sex").is_in(["male", "female"]))
        .group_by("age_band", pl.col("sex").cast(pl.String))
        .agg(pl.len().alias("victims"))
    )
    if suppress_below and table.height:
        table = suppress(
            table, rows=["age_band"], columns="sex", threshold=suppress_below
        )
    fig = _figure()
    ax = fig.subplots()
    bands = (
        [b for b in order if b in set(table["age_band"].to_list())]
        if table.height
        else []
    )
    largest = max([v for v in table["victims"].to_list() if v is not None] or [1])
    for i, b in enumerate(bands):
        for sex, sign in (("male", -1), ("female", 1)):
            row = table.filter((pl.col("age_band") == b) & (pl.col("sex") == sex))
            if row.height == 0:
                continue
            v = row["victims"][0]
            if v is None:
                left = 0 if sign > 0 else -largest * 0.15
                _hidden(ax, left, i, largest * 0.15, 0.8, horizontal=True)
            else:
                ax.barh(i, sign * v, color=COLOURS[sex], height=0.8)
    ax.set_yticks(range(len(bands)), bands)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("victims (males left, females right)")
    ticks = ax.get_xticks()
    ax.set_xticks(ticks, [f"{abs(int(t)):,}" for t in ticks])
    ax.set_title("Detected victims by sex and age")
    return fig


def exploitation(
    data: Any,
    linkage: Any = None,
    *,
    unit: Literal["person", "record"] = "person",
    suppress_below: int | None = 5,
) -> Any:
    """GLOTIP forms of exploitation by sex–age (women, men, girls, boys, transgender).

    A victim counts once: bonded labour and domestic servitude under forced labour,
    several forms under mixed.
    """
    table = to_polars(victims(data, linkage, by=("form", "sex_age"), unit=unit))
    if suppress_below and table.height:
        table = suppress(table, threshold=suppress_below)
    forms = [f for f in LEVELS["form"] if f in set(table["form"].to_list())]
    fig = _figure(7, max(3, 0.45 * len(forms) + 1.5))
    ax = fig.subplots()
    left = [0.0] * len(forms)
    for group in LEVELS["sex_age"]:
        part = table.filter(pl.col("sex_age") == group)
        if part.height == 0:
            continue
        lookup = dict(
            zip(part["form"].to_list(), part["victims"].to_list(), strict=True)
        )
        widths = []
        for i, f in enumerate(forms):
            v = lookup.get(f, 0)
            if v is None:
                _hidden(ax, left[i], i, 1, 0.7, horizontal=True)
                widths.append(1)
            else:
                widths.append(v)
        ax.barh(
            range(len(forms)),
            [
                w if lookup.get(f, 0) is not None else 0
                for w, f in zip(widths, forms, strict=True)
            ],
            left=left,
            color=COLOURS[group],
            label=group,
            height=0.7,
        )
        left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.set_yticks(range(len(forms)), [f.replace("_", " ") for f in forms])
    ax.invert_yaxis()
    ax.set_xlabel("victims (each counted once)")
    ax.legend(frameon=False, fontsize=8)
    ax.set_title("Form of exploitation by sex and age")
    return fig


def trends(
    data: Any,
    linkage: Any = None,
    *,
    period: Literal["year", "month"] = "month",
    unit: Literal["person", "record"] = "person",
    suppress_below: int | None = 5,
) -> Any:
    """Plot detected victims per month (or year), by crime type (TIP, SOM, both...)."""
    frame, _ = _persons.records_of(data, linkage)
    by = (period, "crime_type") if "crime_type" in frame.columns else (period,)
    with _persons.shared_persons(frame, data, linkage):
        table = to_polars(victims(frame, by=by, unit=unit))
    if suppress_below and table.height:
        table = suppress(table, threshold=suppress_below)
    fig = _figure(8, 3.8)
    ax = fig.subplots()
    periods = sorted(set(table[period].drop_nulls().to_list()))
    index = {p: i for i, p in enumerate(periods)}
    groups = (
        table["crime_type"].unique().to_list()
        if "crime_type" in table.columns
        else [None]
    )
    for g in [g for g in LEVELS["crime_type"] if g in groups] or groups:
        part = table if g is None else table.filter(pl.col("crime_type") == g)
        part = part.filter(pl.col(period).is_not_null()).sort(period)
        xs = [index[p] for p in part[period].to_list()]
        ys = part["victims"].to_list()
        ax.plot(
            xs,
            [float("nan") if y is None else y for y in ys],
            marker="o",
            ms=3,
            label=g or "all",
        )
        for x, y in zip(xs, ys, strict=True):
            if y is None:
                ax.text(
                    x, 0, "x", ha="center", va="bottom", fontsize=7, color="#555555"
                )
    step = max(1, len(periods) // 12)
    ax.set_xticks(
        range(0, len(periods), step),
        [str(p) for p in periods][::step],
        rotation=45,
        ha="right",
    )
    ax.set_ylabel("victims")
    ax.set_ylim(bottom=0)
    if groups != [None]:
        ax.legend(frameon=False, fontsize=8)
    ax.set_title(f"Detected victims by {period}")
    return fig


def funnel(funnel_table: Any) -> Any:
    """Plot the justice funnel: cases registered, challaned, decided, convicted."""
    table = to_polars(funnel_table, argument="funnel_table")
    fig = _figure(6, 3.2)
    ax = fig.subplots()
    steps = table["step"].to_list()
    cases = table["cases"].to_list()
    largest = max((c for c in cases if c is not None), default=1) or 1
    for i, c in enumerate(cases):
        if c is None:
            # Withheld by disclosure control: a hatched stub, never a length.
            _hidden(ax, 0, i, largest * 0.15, 0.8, horizontal=True)
        else:
            ax.barh(i, c, color="#4d4d4d")
            ax.text(c, i, f" {c:,}", va="center", fontsize=8)
    ax.set_yticks(range(len(steps)), steps)
    ax.invert_yaxis()
    ax.set_xlabel("cases")
    ax.set_title("From FIR to verdict")
    return fig


def sources_per_person(
    linkage_or_records: Any, linkage: Any = None, *, suppress_below: int | None = 5
) -> Any:
    """How many sources (circles, police, welfare departments) recorded each person."""
    persons = _persons.persons(linkage_or_records, linkage)
    table = persons.group_by(pl.col("n_sources").cast(pl.String).alias("sources")).agg(
        pl.len().alias("victims")
    )
    if suppress_below and table.height:
        table = suppress(table, threshold=suppress_below)
    table = table.sort(pl.col("sources").cast(pl.Int64))
    fig = _figure(5, 3)
    ax = fig.subplots()
    for i, (_s, v) in enumerate(zip(table["sources"], table["victims"], strict=True)):
        if v is None:
            _hidden(ax, i, 0, 0.8, 1, horizontal=False)
        else:
            ax.bar(i, v, color="#1b7837", width=0.8)
    ax.set_xticks(range(table.height), table["sources"].to_list())
    ax.set_xlabel("number of sources that recorded the person")
    ax.set_ylabel("victims")
    ax.set_title("Overlap between sources")
    return fig


def quality_heatmap(records: Any) -> Any:
    """Share of known values of each key field, by source (green = complete)."""
    q = quality_summary(records)
    fields = [c for c in q.columns if c.endswith("_known")]
    fig = _figure(8, max(2.5, 0.4 * q.height + 1.5))
    ax = fig.subplots()
    matrix = q.select(fields).to_numpy() if fields else [[0.0]]
    image = ax.imshow(matrix, cmap="RdYlGn", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(
        range(len(fields)),
        [f.removesuffix("_known") for f in fields],
        rotation=45,
        ha="right",
    )
    ax.set_yticks(range(q.height), q["source"].to_list())
    for i in range(q.height):
        for j in range(len(fields)):
            ax.text(
                j, i, f"{matrix[i][j] * 100:.0f}", ha="center", va="center", fontsize=7
            )
    fig.colorbar(image, ax=ax, label="share known")
    ax.set_title("Completeness of key fields by source (%)")
    return fig


__all__ = [
    "exploitation",
    "funnel",
    "pyramid",
    "quality_heatmap",
    "sources_per_person",
    "trends",
]

# Errors from user data leave these functions as tipsom's, without values.
_guard_namespace(globals(), list(__all__), "tipsom.charts")
