"""Tables for publication (Excel workbook, HTML report), disclosure control applied."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import numpy as np
import polars as pl

from tipsom import _core
from tipsom._frame import to_polars
from tipsom.exceptions import (
    DataQualityWarning,
    DisclosureError,
    InvalidArgumentError,
)
from tipsom.indicators._codes import LEVELS
from tipsom.indicators._disclosure import SUPPRESSED_MARK, publication_table, suppress
from tipsom.indicators._glotip import glotip_tables
from tipsom.indicators._justice import (
    case_funnel,
    check_returns,
    justice,
    justice_times,
)
from tipsom.indicators._persons import (
    counting_frame,
    linked_persons,
    person_cache,
    records_of,
)
from tipsom.indicators._release import Grid, Release, recording
from tipsom.indicators._victims import population, rates, victims
from tipsom.units import relabel, unit_labels

#: Fields whose completeness the quality table reports.
QUALITY_FIELDS = (
    "sex",
    "age_group",
    "nationality",
    "district",
    "province",
    "date",
    "exploitation",
    "crime_type",
    "case_status",
)


def quality_summary(records: Any) -> pl.DataFrame:
    """Tabulate per source: records, share known of each key field, issues per record.

    Reads the canonical columns and the ``issues`` list. The report adds the fuller
    ``tipsom.quality`` table when the package has it.
    """
    frame = to_polars(records, argument="records")
    if "source" not in frame.columns:
        frame = frame.with_columns(pl.lit("all").alias("source"))
    aggs = [pl.len().alias("records")]
    for f in QUALITY_FIELDS:
        if f not in frame.columns:
            continue
        col = pl.col(f)
        if isinstance(frame.schema[f], pl.List):
            known = (
                col.is_not_null() & (col.list.len() > 0) & ~col.list.contains("unknown")
            )
        elif frame.schema[f] == pl.String:
            known = col.is_not_null() & (col != "unknown") & (col != "")
        else:
            known = col.is_not_null()
        aggs.append(known.mean().alias(f"{f}_known"))
    if "issues" in frame.columns and isinstance(frame.schema["issues"], pl.List):
        aggs.append(pl.col("issues").list.len().mean().alias("issues_per_record"))
    return frame.group_by(pl.col("source").cast(pl.String)).agg(aggs).sort("source")


def _fmt_count(v: int | None) -> str:
    return SUPPRESSED_MARK if v is None else f"{v:,}"


def _fmt_quality(column: str, v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:.1f}" if column.endswith("_known") else f"{v:.2f}"
    return f"{v:,}"


def _fmt_rate(v: float | None) -> str:
    return SUPPRESSED_MARK if v is None else f"{v:.2f}"


def publication_tables(
    records: Any,
    linkage: Any = None,
    *,
    suspects: Any = None,
    returns: Any = None,
    unit: Literal["person", "record"] = "person",
    suppress_below: int | None = 5,
    round_to: int | None = None,
    census: Literal[2017, 2023] | Any = 2023,
) -> dict[str, pl.DataFrame]:
    """Every published table, disclosure control applied, as display-ready frames.

    Victim and suspect counts are suppressed below ``suppress_below`` (default 5, with
    secondary suppression) or rounded to ``round_to``; withheld cells show ``x``, never
    0. Pass ``suppress_below=None`` and ``round_to=None`` for exact tables (not for
    publication). The case funnel, the durations from FIR to challan and verdict, the
    monthly returns and the per-unit record counts share the one suppression pattern (see
    :func:`publication_audit`): a step of the funnel less the next, a return's flow given by
    its balance, a unit's count given by the total are counts like any other.
    """
    if suppress_below is not None and round_to is not None:
        msg = "give either `suppress_below` or `round_to`, not both"
        raise InvalidArgumentError(msg)
    frame, has_person = records_of(records, linkage)
    if frame.height == 0:
        msg = "no records to tabulate: the data are empty"
        raise InvalidArgumentError(msg)
    with person_cache(frame, linked_persons(records, linkage)):
        return release_tables(
            frame,
            has_person=has_person,
            suspects=suspects,
            returns=returns,
            unit=unit,
            suppress_below=suppress_below,
            round_to=round_to,
            census=census,
        )


def publication_audit(
    records: Any,
    linkage: Any = None,
    *,
    suspects: Any = None,
    returns: Any = None,
    unit: Literal["person", "record"] = "person",
    suppress_below: int = 5,
    census: Literal[2017, 2023] | Any = 2023,
    protection: int | None = None,
    check: bool = False,
) -> pl.DataFrame:
    """Audit the release that :func:`publication_tables` publishes (analyst's use).

    Writes every published count, total and sum of every table as a linear equation
    over the cells of all tables (a sex-age total printed in one table is the same
    number in the others; a sex total is the sum of its sex-age totals, a province of
    its districts, a year of its months; a funnel step is the sum of the cases that
    stop at it or later; a balanced return's pending is brought forward + new -
    disposed), and computes the smallest and largest value each withheld cell or total can take
    given everything published, by integer programming (scipy's HiGHS).

    Parameters
    ----------
    records, linkage, suspects, returns, unit, suppress_below, census
        As for :func:`publication_tables`.
    protection
        How wide the feasible range of a withheld count below the threshold must be
        (default: the threshold). A larger withheld count must only not be exactly
        derivable; a withheld zero names nobody.
    check
        Raise :class:`tipsom.exceptions.DisclosureError` if any range is too narrow.

    Returns
    -------
    polars.DataFrame
        One row per withheld cell or total: ``table``, ``row``, ``column``,
        ``status``, ``value`` (the true count: keep this frame to yourself),
        ``lower``, ``upper``, ``protection``, ``safe``.

    Examples
    --------
    >>> import polars as pl
    >>> import tipsom as ts
    >>> records = pl.DataFrame(
    ...     {
    ...         "record_id": [f"r{i}" for i in range(40)],
    ...         "sex": ["female"] * 30 + ["male"] * 8 + ["transgender"] * 2,
    ...         "province": ["Punjab"] * 20 + ["Sindh"] * 18 + ["Balochistan"] * 2,
    ...     }
    ... )
    >>> audit = ts.indicators.publication_audit(records, check=True)
    >>> audit.filter(pl.col("status") == "primary").select("row", "column", "lower", "upper").rows()[0]
    ('Balochistan', 'transgender', 0.0, 10.0)
    >>> bool(audit["safe"].all())
    True
    """
    frame, has_person = records_of(records, linkage)
    if frame.height == 0:
        msg = "no records to tabulate: the data are empty"
        raise InvalidArgumentError(msg)
    kept: list[Release] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataQualityWarning)
        with person_cache(frame, linked_persons(records, linkage)):
            release_tables(
                frame,
                has_person=has_person,
                suspects=suspects,
                returns=returns,
                unit=unit if has_person else "record",
                suppress_below=suppress_below,
                round_to=None,
                census=census,
                release=kept,
            )
    audit = kept[0].audit(protection)
    if check and not audit["safe"].all():
        bad = audit.filter(~pl.col("safe"))
        where = "; ".join(
            f"{t}: {r} / {c}"
            for t, r, c in bad.select("table", "row", "column").rows()[:5]
        )
        msg = (
            f"{bad.height} withheld count(s) can be narrowed below the protection "
            f"interval from the published tables ({where})"
        )
        raise DisclosureError(msg)
    return audit


def release_tables(
    frame: pl.DataFrame,
    *,
    has_person: bool,
    suspects: Any,
    returns: Any,
    unit: Literal["person", "record"],
    suppress_below: int | None,
    round_to: int | None,
    census: Any,
    release: list[Release] | None = None,
    charts: Callable[[], Any] | None = None,
) -> dict[str, pl.DataFrame]:
    """Build the tables of one release and solve one suppression pattern for them.

    ``release``, when given a list, receives the solved :class:`Release` (for the
    audit). ``charts``, when given, draws the release's charts once inside it, so that
    the tables they plot join the pattern; draw them again under
    ``Release.fixed_patterns()`` (``_disclosure.FIXED``) to show that pattern.
    """
    with recording() as rel:
        out = _tables(
            frame,
            has_person=has_person,
            suspects=suspects,
            returns=returns,
            unit=unit,
            suppress_below=suppress_below,
            round_to=round_to,
            census=census,
        )
        if charts is not None and suppress_below is not None and round_to is None:
            charts()
    for name, table in out.items():
        k = rel.frames.get(id(table))
        if k is not None:
            rel.grids[k].name = name
            rel.grids[k].population = _POPULATIONS.get(name, "victims")
    for n, g in enumerate(g for g in rel.grids if not g.name):
        g.name = f"Chart {n + 1} ({g.row_key or g.col_key} by {g.col_key})"
    mapping = (
        unit_labels(frame, returns)
        if "source" in frame.columns
        else pl.DataFrame(schema={"source": pl.String, "published": pl.String})
    )
    joint = suppress_below is not None and round_to is None
    if joint:
        rel.places = _places(frame)
        _case_grids(rel, out, frame, unit, suppress_below, mapping)
        rel.solve()
        # The record count of a unit of a withheld source type would give that
        # count: withhold it, and solve again until nothing changes.
        for _ in range(3):
            if not _withhold_unit_counts(rel):
                break
            rel.solve()
    out = rel.render(out)
    out = _render_case_tables(out, rel if joint else None, suppress_below, round_to)
    out = _protect_rates(out, rel, frame, suppress_below, round_to)
    out = _protect_quality(out, frame, suppress_below, round_to, mapping, rel)
    if release is not None:
        release.append(rel)
    return out


#: Who each table counts (tables of one population are linked by their margins).
_POPULATIONS = {
    "Persons recorded by role and sex": "persons",
    "Victims and smuggled migrants by year and crime type": "victims_and_smuggled",
    "Persons suspected, prosecuted and convicted by sex": "suspects",
    "Persons suspected, prosecuted and convicted by citizenship": "suspects",
}
FUNNEL = "Case funnel"
TIMES = "Days from FIR to challan and verdict"
RETURNS = "Monthly returns: balance checks"
QUALITY = "Data quality by source"
SUMMARY = "Summary: persons"
RETURN_COUNTS = ("brought_forward", "new", "disposed", "pending")


def _places(frame: pl.DataFrame) -> dict[str, str]:
    """The province of each district named in the records (its most frequent)."""
    if not {"district", "province"} <= set(frame.columns):
        return {}
    pairs = (
        frame.select(
            pl.col("district").cast(pl.String), pl.col("province").cast(pl.String)
        )
        .drop_nulls()
        .group_by("district", "province")
        .len()
        .sort("len", "province", descending=[True, False])
        .unique("district", keep="first")
    )
    return dict(pairs.select("district", "province").rows())


def _case_grids(
    rel: Release,
    out: dict[str, pl.DataFrame],
    frame: pl.DataFrame,
    unit: str,
    threshold: int,
    mapping: pl.DataFrame,
) -> None:
    """Take the tables of cases, returns and records into the release.

    The funnel publishes running sums (registered, challan, verdict, convicted) of the
    cases that stop at each step, which are its cells (never shown): a step minus the
    next is a count too. The returns publish brought forward, new, disposed, pending
    and expected pending (= brought forward + new - disposed), and the reader knows
    that a balanced return's pending is its expected pending and that a carried-over
    brought forward is last month's pending. The quality table publishes each unit's
    record count, and the report their total; the report's count of persons is the
    grand total of the victim tables.
    """
    f = out.get(FUNNEL)
    if f is not None and f.height:
        steps = f["step"].to_list()
        running = [int(v) for v in f["cases"].to_list()]
        stops = [
            running[k] - (running[k + 1] if k + 1 < len(running) else 0)
            for k in range(len(running))
        ]
        g = Grid.custom(
            FUNNEL,
            np.array([stops]),
            threshold=threshold,
            row_key="",
            col_key="",
            row_labels=["cases"],
            col_labels=[f"stop at {s}" for s in steps],
            population="cases",
            totals="none",
            hidden=np.ones((1, len(stops)), dtype=bool),
        )
        for k, step in enumerate(steps):
            g.add_sum(step, "cases", [(0, m, 1.0) for m in range(k, len(steps))])
        rel.add(g)
    t = out.get(TIMES)
    if t is not None and t.height:
        rel.add(
            Grid.custom(
                TIMES,
                np.array(t.select("cases", "negative").rows(), dtype=np.int64),
                threshold=threshold,
                row_key="interval",
                col_key="count",
                row_labels=t["interval"].to_list(),
                col_labels=["cases", "negative"],
                population="case_durations",
                totals="none",
            )
        )
    r = out.get(RETURNS)
    if r is not None and r.height:
        values = r.select(RETURN_COUNTS)
        empty = np.array(values.select(pl.all().is_null()).rows(), dtype=bool).reshape(
            r.height, 4
        )
        counts = np.array(values.fill_null(0).rows(), dtype=np.int64).reshape(
            r.height, 4
        )
        series = ["source", *(["unit"] if "unit" in r.columns else [])]
        labels = relabel(r.select(series), "source", mapping)
        row_labels = [
            " / ".join(str(v) for v in (*key, month))
            for key, month in zip(
                labels.rows(), r["month"].cast(pl.String).to_list(), strict=True
            )
        ]
        g = Grid.custom(
            RETURNS,
            counts,
            threshold=threshold,
            row_key=" / ".join([*series, "month"]),
            col_key="count",
            row_labels=row_labels,
            col_labels=list(RETURN_COUNTS),
            population="returns",
            totals="none",
            empty=empty,
        )
        keys = r.select(series).rows()
        balanced = r["balanced"].to_list()
        carried = r["carried_over"].to_list()
        for i in range(r.height):
            if not empty[i, :3].any():
                g.add_sum(
                    row_labels[i],
                    "expected_pending",
                    [(i, 0, 1.0), (i, 1, 1.0), (i, 2, -1.0)],
                )
            else:
                g.add_sum(row_labels[i], "expected_pending", [])
            if balanced[i] and not empty[i].any():
                g.equations.append(
                    [(i, 0, 1.0), (i, 1, 1.0), (i, 2, -1.0), (i, 3, -1.0)]
                )
            if carried[i] and i and keys[i - 1] == keys[i]:
                g.equations.append([(i, 0, 1.0), (i - 1, 3, -1.0)])
        rel.add(g)
    if "source" in frame.columns:
        sizes = quality_summary(frame).select("source", "records")
        published = relabel(sizes, "source", mapping)["source"].to_list()
        g = Grid.custom(
            QUALITY,
            np.array([sizes["records"].to_list()], dtype=np.int64),
            threshold=threshold,
            row_key="",
            col_key="source",
            row_labels=["records"],
            col_labels=[str(v) for v in published],
            population="records",
            totals="grand",
        )
        types = (
            dict(
                frame.select(
                    pl.col("source").cast(pl.String),
                    pl.col("source_type").cast(pl.String),
                )
                .unique("source", keep="first")
                .rows()
            )
            if "source_type" in frame.columns
            else {}
        )
        g.pattern = {"sources": sizes["source"].to_list(), "types": types}
        rel.add(g)
    counted, _ = counting_frame(frame, None, unit, ("year",))
    rel.add(
        Grid.custom(
            SUMMARY,
            np.array([[counted.height]], dtype=np.int64),
            threshold=threshold,
            row_key="",
            col_key="",
            row_labels=["persons"],
            col_labels=["persons"],
            population="victims",
            totals="none",
        )
    )


def _withhold_unit_counts(rel: Release) -> bool:
    """Withhold the record counts of units of a source type the release withholds."""
    types = rel.grid("Victims by source type")
    quality = rel.grid(QUALITY)
    if types is None or quality is None:
        return False
    if types.one_way:
        types._merge_one_way()
    hidden = {
        label
        for j, label in enumerate(types.col_labels)
        if str(types.cell[0, j]) != "published"
    }
    changed = False
    unit_types = quality.pattern.get("types", {})
    for j, source in enumerate(quality.pattern.get("sources", [])):
        if unit_types.get(source) in hidden and quality.cell[0, j] == "published":
            quality.cell[0, j] = "secondary"
            changed = True
    return changed


def _render_case_tables(
    out: dict[str, pl.DataFrame],
    rel: Release | None,
    threshold: int | None,
    round_to: int | None,
) -> dict[str, pl.DataFrame]:
    """Show the case tables with the release's pattern (or rounded, or exact)."""

    def count(v: Any, *, shown: bool) -> str:
        if v is None:
            return ""
        if not shown:
            return SUPPRESSED_MARK
        if round_to:
            v = _core.round_to_base([int(v)], round_to)[0]
        return f"{int(v):,}"

    f = out.get(FUNNEL)
    if f is not None:
        g = rel.grid(FUNNEL) if rel is not None else None
        shown = [
            g is None or g.extras[k].status == "published" for k in range(f.height)
        ]
        cases = f["cases"].to_list()
        share, attrition = [], []
        for k in range(f.height):
            s, a = f["share_of_registered"][k], f["attrition"][k]
            share.append(
                ""
                if s is None
                else SUPPRESSED_MARK
                if not (shown[k] and shown[0])
                else f"{100 * s:.1f}"
            )
            attrition.append(
                ""
                if a is None
                else SUPPRESSED_MARK
                if not (shown[k] and shown[k - 1])
                else f"{100 * a:.1f}"
            )
        out[FUNNEL] = pl.DataFrame(
            {
                "step": f["step"].to_list(),
                "cases": [
                    count(v, shown=sh) for v, sh in zip(cases, shown, strict=True)
                ],
                "% of registered": share,
                "attrition %": attrition,
            }
        )
    t = out.get(TIMES)
    if t is not None:
        g = rel.grid(TIMES) if rel is not None else None
        rows = []
        for i, row in enumerate(t.iter_rows(named=True)):
            enough = threshold is None or round_to or row["cases"] >= threshold
            entry = {"interval": row["interval"]}
            for j, c in enumerate(("cases", "negative")):
                entry[c] = count(row[c], shown=g is None or g.shown(i, j))
            for c in ("median_days", "q1_days", "q3_days"):
                v = row[c]
                entry[c] = (
                    "" if v is None else f"{v:.1f}" if enough else SUPPRESSED_MARK
                )
            rows.append(entry)
        out[TIMES] = pl.DataFrame(
            rows,
            schema=dict.fromkeys(
                ("interval", "cases", "negative", "median_days", "q1_days", "q3_days"),
                pl.String,
            ),
        )
    r = out.get(RETURNS)
    if r is not None:
        g = rel.grid(RETURNS) if rel is not None else None
        cols: dict[str, list[str]] = {
            c: [] for c in (*RETURN_COUNTS, "expected_pending")
        }
        for i, row in enumerate(r.iter_rows(named=True)):
            for j, c in enumerate(RETURN_COUNTS):
                v = row[c]
                cols[c].append(
                    ""
                    if v is None
                    else f"{v:,}"
                    if g is None or g.shown(i, j)
                    else SUPPRESSED_MARK
                )
            v = row["expected_pending"]
            cols["expected_pending"].append(
                ""
                if v is None
                else f"{v:,}"
                if g is None or g.extras[i].status == "published"
                else SUPPRESSED_MARK
            )
        series = ["source", "month", *(["unit"] if "unit" in r.columns else [])]
        out[RETURNS] = r.select(series).with_columns(
            *(pl.Series(c, v, dtype=pl.String) for c, v in cols.items()),
            r["issues"],
        )
    return out


def _tables(
    frame: pl.DataFrame,
    *,
    has_person: bool,
    suspects: Any,
    returns: Any,
    unit: Literal["person", "record"],
    suppress_below: int | None,
    round_to: int | None,
    census: Any,
) -> dict[str, pl.DataFrame]:
    if not has_person and unit == "person":
        warnings.warn(
            "no linkage given: each record is counted as one person",
            DataQualityWarning,
            stacklevel=2,
        )
        unit = "record"
    dc = {"threshold": suppress_below, "round_to": round_to}
    out: dict[str, pl.DataFrame] = {}
    cols = set(frame.columns)

    def add(
        name: str,
        by: tuple[str, ...],
        rows: list[str] | None = None,
        **who: Any,
    ) -> None:
        need = {
            "year": "date",
            "citizenship": "nationality",
            "sex_age": "sex",
            "form": "exploitation",
            "form_group": "exploitation",
        }
        if all(need.get(b, b) in cols or b in cols for b in by):
            t = to_polars(victims(frame, by=by, unit=unit, **who))
            out[name] = publication_table(t, rows=rows, **dc)

    add("Victims by year and sex-age", ("year", "sex_age"))
    # The GLOTIP layout: each victim once, under a form with its group, every form and
    # every sex-age column shown; citizenship by country; suspects TIP and SOM apart.
    glotip = glotip_tables(
        frame,
        suspects=suspects,
        unit=unit,
        suppress_below=suppress_below,
        round_to=round_to,
    )
    for name in (
        "Victims by form of exploitation and sex-age",
        "Victims by citizenship and sex-age",
    ):
        if name in glotip:
            out[name] = glotip[name]
    add(
        "Victims by national or foreign citizenship and sex-age",
        ("citizenship", "sex_age"),
    )
    add("Victims by province and sex", ("province", "sex"))
    if "crime_type" in cols:
        add(
            "Victims and smuggled migrants by year and crime type",
            ("year", "crime_type"),
            crime_type=LEVELS["crime_type"],
            smuggled_migrants=True,
        )
    if "protection_status" in cols:
        add(
            "Victims by protection status and sex-age",
            ("protection_status", "sex_age"),
        )
    if "role" in cols:
        everyone, _ = counting_frame(frame, None, unit, ("role", "sex"), who=None)
        by_role = everyone.group_by(
            pl.col("role").cast(pl.String).fill_null("unknown"),
            pl.col("sex").cast(pl.String).fill_null("unknown")
            if "sex" in everyone.columns
            else pl.lit("unknown").alias("sex"),
        ).agg(pl.len().alias("persons"))
        out["Persons recorded by role and sex"] = publication_table(
            by_role, value="persons", rows=["role"], columns="sex", **dc
        )
    add("Victims by source type", ("source_type",))
    if "province" in cols:
        rate_frame = frame
        if isinstance(census, int):
            # Places outside the census (AJK, Gilgit-Baltistan) get no rate.
            known = population(census=census, by=("province",))["province"].to_list()
            outside = ~pl.col("province").is_in(known) & (
                pl.col("province") != "unknown"
            )
            if frame.select(outside.any()).item():
                # Only what the rates count by (and the record order) is copied.
                keep = ("person_id", "record_id", "date", "province", "sex")
                keep += ("crime_type", "role")
                rate_frame = frame.select(
                    [c for c in frame.columns if c in keep]
                ).filter(~outside)
        with_sex = "sex" in cols and (
            census == 2023
            or (not isinstance(census, int) and "sex" in to_polars(census).columns)
        )
        for by in (
            (("province",), ("province", "sex")) if with_sex else (("province",),)
        ):
            if not rate_frame.height:
                break
            r = to_polars(
                rates(
                    rate_frame,
                    by=by,
                    unit=unit,
                    census=census,
                    suppress_below=None,
                )
            ).filter(pl.col("population").is_not_null())
            name = "Victims per 100,000 population by " + " and ".join(by)
            columns = {b: [str(v) for v in r[b].to_list()] for b in by}
            columns["_count"] = [str(v) for v in r["victims"].to_list()]
            columns["victims"] = [_fmt_count(v) for v in r["victims"].to_list()]
            columns["population"] = [_fmt_count(v) for v in r["population"].to_list()]
            for c in ("rate", "rate_lower", "rate_upper"):
                columns[c] = [_fmt_rate(v) for v in r[c].to_list()]
            out[name] = pl.DataFrame(columns, schema=dict.fromkeys(columns, pl.String))
    if has_person and unit == "person" and "source" in cols:
        persons_frame, _ = counting_frame(frame, None, "person")
        seen = persons_frame.group_by(pl.col("n_sources").cast(pl.String)).agg(
            pl.len().alias("victims")
        )
        out["Victims by number of sources that recorded them"] = publication_table(
            seen.rename({"n_sources": "sources"}), rows=[], **dc
        )
    for name in (
        "Persons suspected, prosecuted and convicted by sex",
        "Persons suspected, prosecuted and convicted by citizenship",
    ):
        if name in glotip:
            out[name] = glotip[name]
    if suspects is not None and "crime_type" not in to_polars(suspects).columns:
        s = to_polars(suspects, argument="suspects")
        by = tuple(b for b in ("sex",) if b in s.columns)
        j = to_polars(justice(s, by=by))
        stages = ["suspected", "arrested", "prosecuted", "convicted", "acquitted"]
        long = j.unpivot(
            index=list(by), on=stages, variable_name="stage", value_name="persons"
        )
        out["Persons suspected, prosecuted and convicted by sex"] = publication_table(
            long, value="persons", rows=list(by), columns="stage", **dc
        )
    funnel_source = suspects if suspects is not None else frame
    if "case_id" in to_polars(funnel_source).columns:
        out["Case funnel"] = to_polars(case_funnel(funnel_source))
        times_source = to_polars(funnel_source)
        if {"date_challan", "date_verdict"} & set(times_source.columns):
            out["Days from FIR to challan and verdict"] = to_polars(
                justice_times(times_source)
            )
    if returns is not None:
        checked = to_polars(check_returns(returns))
        out["Monthly returns: balance checks"] = checked.select(
            "source",
            "month",
            *(["unit"] if "unit" in checked.columns else []),
            "brought_forward",
            "new",
            "disposed",
            "pending",
            "expected_pending",
            pl.col("issues").list.join(", "),
            "balanced",
            "carried_over",
        )
    q = quality_summary(frame)
    out["Data quality by source"] = q.with_columns(
        [(pl.col(c) * 100).round(1) for c in q.columns if c.endswith("_known")]
    )
    return out


def _rate_status(
    rel: Release, by: tuple[str, ...], row: dict[str, str], count: int
) -> str:
    """The status of a rate's count in the release's province-by-sex table."""
    g = rel.grid("Victims by province and sex")
    if g is None:
        return "published"
    try:
        i = g.row_labels.index(row["province"])
    except ValueError:
        return "secondary"
    if by == ("province",):
        same = int(g.counts[i].sum()) == count
        return g.row_status[i] if same else "secondary"
    try:
        j = g.col_labels.index(row["sex"])
    except ValueError:
        return "secondary"
    return str(g.cell[i, j]) if int(g.counts[i, j]) == count else "secondary"


def _protect_rates(
    out: dict[str, pl.DataFrame],
    rel: Release,
    frame: pl.DataFrame,
    suppress_below: int | None,
    round_to: int | None,
) -> dict[str, pl.DataFrame]:
    """Withhold a rate (and its interval) where the release withholds its count.

    A rate times the (public) population is the count, so a rate is published only
    where its count is; counts under the threshold in a table without sex are withheld
    with the one-way rule of :func:`publication_table`.
    """
    for by in (("province",), ("province", "sex")):
        name = "Victims per 100,000 population by " + " and ".join(by)
        if name not in out:
            continue
        t = out[name]
        counts = [int(v) for v in t["_count"].to_list()]
        if suppress_below is None or round_to is not None:
            out[name] = t.drop("_count")
            continue
        if rel.grid("Victims by province and sex") is None:
            one_way = pl.DataFrame({"province": t["province"], "victims": counts})
            status = suppress(one_way, columns="province", threshold=suppress_below)
            statuses = to_polars(status)["victims_status"].to_list()
            order = to_polars(status)["province"].to_list()
            lookup = dict(zip(order, statuses, strict=True))
            statuses = [lookup[p] for p in t["province"].to_list()]
        else:
            statuses = [
                _rate_status(rel, by, row, c)
                for row, c in zip(t.iter_rows(named=True), counts, strict=True)
            ]
        hidden = pl.Series([s != "published" for s in statuses], dtype=pl.Boolean)
        out[name] = t.drop("_count").with_columns(
            pl.when(hidden).then(pl.lit(SUPPRESSED_MARK)).otherwise(pl.col(c)).alias(c)
            for c in ("victims", "rate", "rate_lower", "rate_upper")
        )
    return out


def withheld_units(
    frame: pl.DataFrame,
    tables: dict[str, pl.DataFrame],
    threshold: int,
    release: Release | None = None,
) -> dict[str, str]:
    """Source labels whose per-unit quality figures must not be published.

    ``"row"``: every figure of a unit with fewer than ``threshold`` records (its
    shares, dates and counts describe a handful of persons). ``"count"``: the record
    count of a unit that the release withholds (the only NGO unit's record count
    would be the withheld NGO count; a unit's count is the total less the others).
    """
    if "source" not in frame.columns:
        return {}
    sizes = frame.group_by(pl.col("source").cast(pl.String)).agg(pl.len().alias("n"))
    out: dict[str, str] = {}
    g = release.grid(QUALITY) if release is not None else None
    if g is not None:
        for j, source in enumerate(g.pattern.get("sources", [])):
            if not g.shown(0, j):
                out[source] = "count"
    else:
        t = tables.get("Victims by source type")
        if t is not None and "source_type" in frame.columns:
            hidden_types = [c for c in t.columns[1:] if t[c][0] == SUPPRESSED_MARK]
            units = frame.filter(
                pl.col("source_type").cast(pl.String).is_in(hidden_types)
            )
            out = dict.fromkeys(units["source"].cast(pl.String).to_list(), "count")
    for label in sizes.filter(pl.col("n") < threshold)["source"].to_list():
        out[label] = "row"
    return out


def _protect_quality(
    out: dict[str, pl.DataFrame],
    frame: pl.DataFrame,
    suppress_below: int | None,
    round_to: int | None,
    mapping: pl.DataFrame,
    release: Release | None = None,
) -> dict[str, pl.DataFrame]:
    """Published quality tables name units by the registry and withhold small units."""
    name = "Data quality by source"
    if name not in out:
        return out
    q = out[name]
    hidden = (
        withheld_units(frame, out, suppress_below, release)
        if suppress_below is not None and round_to is None
        else {}
    )
    how = [hidden.get(v) for v in q["source"].cast(pl.String).to_list()]
    q = relabel(q, "source", mapping)
    shown = {
        c: [
            SUPPRESSED_MARK
            if h == "row" or (h == "count" and c == "records")
            else _fmt_quality(c, v)
            for v, h in zip(q[c].to_list(), how, strict=True)
        ]
        for c in q.columns
        if c != "source"
    }
    if round_to:
        shown["records"] = [
            f"{v:,}" for v in _core.round_to_base(q["records"].to_list(), round_to)
        ]
    out[name] = pl.DataFrame({"source": q["source"].to_list(), **shown})
    if "Monthly returns: balance checks" in out:
        r = out["Monthly returns: balance checks"]
        r = relabel(r, "source", mapping)
        if "unit" in r.columns:
            r = relabel(r, "unit", mapping)
        out["Monthly returns: balance checks"] = r
    return out


def export_excel(
    records: Any,
    linkage: Any = None,
    *,
    path: str | Path,
    suspects: Any = None,
    returns: Any = None,
    suppress_below: int | None = 5,
    round_to: int | None = None,
    census: Literal[2017, 2023] | Any = 2023,
) -> Path:
    """Write every published table to an Excel workbook, one sheet per table.

    Disclosure control is on by default (threshold 5 with secondary suppression; ``x``
    marks a withheld cell). A first sheet, ``About``, explains the marks and the
    counting rules. Needs ``openpyxl``.

    Returns
    -------
    pathlib.Path
        The workbook written.
    """
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError as err:  # pragma: no cover - depends on the environment
        msg = "export_excel needs openpyxl: pip install 'tipsom[excel]'"
        raise ImportError(msg) from err
    tables = publication_tables(
        records,
        linkage,
        suspects=suspects,
        returns=returns,
        suppress_below=suppress_below,
        round_to=round_to,
        census=census,
    )
    wb = Workbook()
    about = wb.active
    about.title = "About"
    notes = [
        "Detected victims of trafficking in persons and smuggling of migrants.",
        (
            f"Cells counting fewer than {suppress_below} persons are withheld (x), "
            "with secondary suppression so that no withheld cell can be worked out "
            "from any combination of the tables, their totals and rates. Units not in "
            "the registry of unit names are shown as unit 1, unit 2..."
            if suppress_below
            else (
                f"Counts are rounded to multiples of {round_to}."
                if round_to
                else "Exact counts: NOT FOR PUBLICATION."
            )
        ),
        "A victim counts once under each form of exploitation: "
        "forms do not add up to the total.",
        "Persons are counted once however many units recorded them (record linkage).",
    ]
    for i, line in enumerate(notes, start=1):
        about.cell(row=i, column=1, value=line)
    used: set[str] = {"About"}
    for name, table in tables.items():
        title = name.replace("/", "-")[:31]
        while title in used:
            title = title[:29] + str(len(used))
        used.add(title)
        ws = wb.create_sheet(title)
        ws.append([name])
        ws["A1"].font = Font(bold=True)
        ws.append(table.columns)
        for row in table.iter_rows():
            ws.append(
                [v if not isinstance(v, list) else ", ".join(map(str, v)) for v in row]
            )
    path = Path(path)
    wb.save(path)
    return path
