"""Detected victims: the GLOTIP / SDG 16.2.2 cube, shares and rates per 100,000."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any, Literal

import polars as pl

from tipsom import _core
from tipsom._frame import like_input, to_polars
from tipsom.exceptions import InvalidArgumentError, SchemaError
from tipsom.indicators._codes import LEVELS
from tipsom.indicators._disclosure import round_counts, suppress
from tipsom.indicators._persons import (
    UNKNOWN,
    counted,
    counting_frame,
    records_of,
    shared_persons,
)

#: The dimensions a victim table can be broken down by.
BY_CHOICES = (
    "year",
    "month",
    "source",
    "source_type",
    "province",
    "district",
    "sex",
    "age_group",
    "sex_age",
    "exploitation",
    "form",
    "form_group",
    "citizenship",
    "nationality",
    "crime_type",
    "role",
    "protection_status",
)
#: Row that gives the unique victims when a multi-valued column is broken down.
ALL_FORMS = "all_forms"
#: The same for each multi-valued column.
ALL_LABELS = {
    "exploitation": ALL_FORMS,
    "source": "all_sources",
    "source_type": "all_sources",
}
TOTAL_LABELS = frozenset(ALL_LABELS.values())


def _check_by(by: Sequence[str] | str) -> tuple[str, ...]:
    if isinstance(by, str):
        by = (by,)
    by = tuple(by)
    for name in by:
        if name not in BY_CHOICES:
            choices = ", ".join(BY_CHOICES)
            msg = (
                f"`by` has {name!r}, which is not a victim attribute; "
                f"valid choices: {choices}"
            )
            raise InvalidArgumentError(msg)
    if len(set(by)) != len(by):
        msg = f"`by` repeats a column: {list(by)}"
        raise InvalidArgumentError(msg)
    return by


def _source_of(name: str) -> str:
    return {
        "year": "date",
        "month": "date",
        "citizenship": "nationality",
        "sex_age": "sex",
        "form": "exploitation",
        "form_group": "exploitation",
    }.get(name, name)


def victims(
    data: Any,
    linkage: Any = None,
    *,
    by: Sequence[str] | str = ("year",),
    unit: Literal["person", "record"] = "person",
    crime_type: Sequence[str] | str | None = None,
    related: bool = False,
    smuggled_migrants: bool = False,
    suppress_below: int | None = None,
    round_to: int | None = None,
) -> Any:
    """Count detected victims, broken down by any of their attributes.

    Victims of trafficking are counted, not everyone a return lists: persons whose
    ``role`` is victim (or not recorded) and whose ``crime_type`` is trafficking
    (``tip``, ``both``) or not known. Accused persons, complainants, witnesses and
    deportees (booked under Emigration Ordinance s.17(1)) never count; smuggled migrants
    and offences related to trafficking count on request. Frames without a ``role`` or
    ``crime_type`` column are not filtered on it.

    Parameters
    ----------
    data
        Normalized victim records (polars or pandas), or a Linkage (anything with a
        ``.records`` frame carrying ``person_id``).
    linkage
        The Linkage for ``data`` (from ``tipsom.deduplicate``); gives each record its
        ``person_id``.
    by
        Any of ``year``, ``month``, ``source``, ``source_type``, ``province``,
        ``district``, ``sex``, ``age_group``, ``sex_age`` (woman, man, girl, boy,
        transgender, unknown), ``exploitation`` (detailed, multi-valued), ``form`` and
        ``form_group`` (the GLOTIP form a person counts under once: bonded labour and
        domestic servitude roll up under forced labour, several forms are ``mixed``;
        groups sexual_exploitation, forced_labour, other_purposes), ``citizenship``
        (national, foreign, unknown), ``nationality``, ``crime_type``, ``role``,
        ``protection_status``.
    unit
        ``"person"`` counts unique persons (needs ``person_id``; without it every record
        is one person and a ``DataQualityWarning`` says so); ``"record"`` counts
        records.
    crime_type
        Count these crime types instead of trafficking (e.g. ``["migration_fraud"]``,
        ``"som"``); smuggled migrants count when som or som_related is among them.
    related
        Also count victims of offences related to trafficking (``tip_related``: the
        PPC's trafficking-like sections such as 366-A, 371-A, 374, 498-B, 310-A; BLSA;
        THOTA); with ``smuggled_migrants``, ``som_related`` too (Emigration Ordinance
        s.17, Passport Act: most FIA smuggling cases before the 2021 Schedule amendment).
    smuggled_migrants
        Also count smuggled migrants (role ``smuggled_migrant``, crime type ``som``).
    suppress_below
        Withhold counts below this threshold, with secondary suppression (see
        :func:`suppress`). ``None`` (default) returns exact counts for analysis;
        published outputs (Excel, report) apply 5 unless told otherwise.
    round_to
        Round counts to this base instead of suppressing.

    Returns
    -------
    DataFrame
        The ``by`` columns and ``victims``. **Multi-valued attributes**: a victim counts
        once under each form of ``exploitation`` (and, for persons, under each
        ``source`` / ``source_type`` that recorded them), so those rows do not add up to
        the total; a row with the value ``all_forms`` (``all_sources``) gives the unique
        victims. A person's attributes come from all their records: the most frequent
        known value, ties to the earliest record; the year and month are those of the
        first record.

    Examples
    --------
    >>> import polars as pl
    >>> import tipsom as ts
    >>> records = pl.DataFrame(
    ...     {"record_id": ["1", "2", "3"], "sex": ["female", "female", "male"]}
    ... )
    >>> ts.indicators.victims(records, by="sex", unit="record")
    shape: (2, 2)
    ┌────────┬─────────┐
    │ sex    ┆ victims │
    │ ---    ┆ ---     │
    │ str    ┆ u32     │
    ╞════════╪═════════╡
    │ female ┆ 2       │
    │ male   ┆ 1       │
    └────────┴─────────┘
    """
    by = _check_by(by)
    who = counted(
        crime_type=crime_type, related=related, smuggled_migrants=smuggled_migrants
    )
    original = (
        data if not hasattr(data, "records") or hasattr(data, "columns") else None
    )
    frame, _ = records_of(data, linkage)
    for name in by:
        needed = _source_of(name)
        if needed not in frame.columns and name not in frame.columns:
            msg = (
                f"`by` has {name!r} but the data have no {needed!r} column; "
                f"available columns: {', '.join(frame.columns)}"
            )
            raise SchemaError(msg)
    with shared_persons(frame, data, linkage):
        rows, multi = counting_frame(frame, None, unit, by, who=who)
    exploded = [c for c in by if c in multi]
    uniq = rows
    for name in exploded:
        rows = rows.explode(name)
    # Cast categorical/enum columns to text so results join and sort predictably.
    keys = [pl.col(c).cast(pl.String) if c != "year" else pl.col(c) for c in by]
    if by:
        table = rows.group_by(keys).agg(pl.len().cast(pl.UInt32).alias("victims"))
    else:
        table = pl.DataFrame({"victims": [rows.height]}, schema={"victims": pl.UInt32})
    if exploded:
        # Unique victims in an "all_forms" row for each multi-valued column broken down.
        others = [c for c in by if c not in exploded]
        totals = (
            uniq.group_by(
                [
                    pl.col(c).cast(pl.String) if c != "year" else pl.col(c)
                    for c in others
                ]
            ).agg(pl.len().cast(pl.UInt32).alias("victims"))
            if others
            else pl.DataFrame({"victims": [uniq.height]}, schema={"victims": pl.UInt32})
        )
        totals = totals.with_columns([pl.lit(ALL_LABELS[c]).alias(c) for c in exploded])
        table = pl.concat([table, totals.select(table.columns)], how="vertical")
    table = _sort(table, by)
    if suppress_below is not None and round_to is not None:
        msg = "give either `suppress_below` or `round_to`, not both"
        raise InvalidArgumentError(msg)
    if suppress_below is not None:
        table = suppress(
            table.filter(
                pl.all_horizontal([~pl.col(c).is_in(TOTAL_LABELS) for c in exploded])
                if exploded
                else pl.lit(True)
            ),
            threshold=suppress_below,
        )
        table = _sort(table, by)
    elif round_to is not None:
        table = round_counts(table, base=round_to)
    return like_input(table, original)


def _sort(table: pl.DataFrame, by: Sequence[str]) -> pl.DataFrame:
    """Sort by the ``by`` columns, categorical codes in display order, unknown last."""
    if not by or table.height == 0:
        return table
    sort_keys = []
    for c in by:
        levels = LEVELS.get(c)
        if levels:
            order = {v: i for i, v in enumerate([*levels, ALL_FORMS, "all_sources"])}
            sort_keys.append(
                pl.col(c).replace_strict(
                    order, default=len(order), return_dtype=pl.Int32
                )
            )
        else:
            sort_keys.append(
                pl.when(pl.col(c).cast(pl.String) == UNKNOWN).then(1).otherwise(0)
            )
            sort_keys.append(pl.col(c))
    return (
        table.with_columns([k.alias(f"_s{i}") for i, k in enumerate(sort_keys)])
        .sort([f"_s{i}" for i in range(len(sort_keys))], nulls_last=True)
        .drop([f"_s{i}" for i in range(len(sort_keys))])
    )


def with_shares(
    table: Any,
    *,
    within: Sequence[str] = (),
    value: str = "victims",
    confidence: float = 0.95,
) -> Any:
    """Add each row's share of its group with a Wilson interval.

    ``within`` names the columns that define the groups (none: share of the whole
    table). Rows with the value ``all_forms`` and suppressed (null) counts get no share.
    """
    frame = to_polars(table, argument="table")
    keep = pl.col(value).is_not_null()
    for c in frame.columns:
        if frame.schema[c] == pl.String:
            keep = keep & ~pl.col(c).is_in(TOTAL_LABELS)
    totals = (
        frame.filter(keep)
        .group_by(list(within) or pl.lit(1).alias("_g"))
        .agg(pl.col(value).sum().alias("_n"))
    )
    frame = (
        frame.join(totals, on=list(within), how="left")
        if within
        else frame.with_columns(
            pl.lit(totals["_n"][0] if totals.height else 0).alias("_n")
        )
    )
    frame = frame.with_columns(
        pl.when(keep).then(pl.col("_n")).otherwise(None).alias("_n")
    )
    ok = frame.select(keep & (pl.col("_n") > 0)).to_series()
    x = frame[value].fill_null(0).to_list()
    n = frame["_n"].fill_null(0).to_list()
    lower, upper = _core.wilson_interval(
        [int(a) if o else 0 for a, o in zip(x, ok, strict=True)],
        [int(b) if o else 0 for b, o in zip(n, ok, strict=True)],
        confidence,
    )
    out = frame.with_columns(
        pl.when(ok).then(pl.col(value) / pl.col("_n")).otherwise(None).alias("share"),
        pl.Series("share_lower", lower).fill_nan(None),
        pl.Series("share_upper", upper).fill_nan(None),
    ).drop("_n")
    return like_input(out, table)


def glotip_by_exploitation(
    data: Any,
    linkage: Any = None,
    *,
    unit: Literal["person", "record"] = "person",
    related: bool = False,
    suppress_below: int | None = None,
) -> Any:
    """Women, men, girls, boys and transgender victims by form of exploitation (GLOTIP).

    Each victim counts once: bonded labour and domestic servitude roll up under forced
    labour, and a victim with several forms counts under ``mixed`` (an "other purposes"
    form); the detailed codes stay in the records' ``exploitation``. Columns
    ``form_group`` (sexual_exploitation, forced_labour, other_purposes, unknown),
    ``form``, ``sex_age``, ``victims`` (and ``share`` of the form's victims with a
    Wilson interval when not suppressed).
    """
    table = victims(
        data,
        linkage,
        by=("form_group", "form", "sex_age"),
        unit=unit,
        related=related,
        suppress_below=suppress_below,
    )
    if suppress_below is None:
        table = with_shares(table, within=("form_group", "form"))
    return table


def glotip_by_citizenship(
    data: Any,
    linkage: Any = None,
    *,
    unit: Literal["person", "record"] = "person",
    related: bool = False,
    suppress_below: int | None = None,
) -> Any:
    """Victims by citizenship (national, foreign) and sex–age, with shares if exact."""
    table = victims(
        data,
        linkage,
        by=("citizenship", "sex_age"),
        unit=unit,
        related=related,
        suppress_below=suppress_below,
    )
    if suppress_below is None:
        table = with_shares(table, within=("citizenship",))
    return table


#: Territories outside the census totals (domain.md §3.6): their victims get no rate.
OUTSIDE_CENSUS = ("Azad Jammu & Kashmir", "Gilgit-Baltistan")


@cache
def _census() -> pl.DataFrame:
    path = resources.files("tipsom").joinpath("data/census_districts.csv")
    with path.open("rb") as fh:
        return pl.read_csv(fh.read())


def population(
    *, census: Literal[2017, 2023] = 2023, by: Sequence[str] = ("province",)
) -> pl.DataFrame:
    """Census population of Pakistan's provinces and districts (bundled).

    Parameters
    ----------
    census
        2023 (total, male, female, transgender) or 2017 (total only; on 2023 district
        boundaries, KP including the former FATA). Source: Pakistan Bureau of
        Statistics, via ``shehroz-iqbal/pakistan-district-data`` (see
        ``tipsom/data/census_districts.md``).
    by
        Any of ``province``, ``district``, ``sex``.

    Returns
    -------
    polars.DataFrame
        The ``by`` columns and ``population``.

    Examples
    --------
    >>> from tipsom.indicators import population
    >>> population(by=[])["population"][0]
    241499431
    """
    by = tuple(by)
    bad = [b for b in by if b not in ("province", "district", "sex")]
    if bad:
        msg = f"`by` has {bad[0]!r}; valid choices: province, district, sex"
        raise InvalidArgumentError(msg)
    c = _census()
    if census == 2023:
        long = c.unpivot(
            index=["district", "province"],
            on=["male_2023", "female_2023", "transgender_2023"],
            variable_name="sex",
            value_name="population",
        ).with_columns(pl.col("sex").str.replace("_2023", ""))
    elif census == 2017:
        if "sex" in by:
            msg = (
                "the bundled 2017 census has no breakdown by sex; "
                "use census=2023 or your own table"
            )
            raise InvalidArgumentError(msg)
        long = c.select(
            "district", "province", pl.col("population_2017").alias("population")
        )
    else:
        msg = f"`census` must be 2017 or 2023, got {census!r}"
        raise InvalidArgumentError(msg)
    if not by:
        return long.select(pl.col("population").sum())
    return long.group_by(list(by)).agg(pl.col("population").sum()).sort(list(by))


def rates(
    data: Any,
    linkage: Any = None,
    *,
    by: Sequence[str] = ("province", "sex"),
    census: Literal[2017, 2023] | Any = 2023,
    unit: Literal["person", "record"] = "person",
    per: int = 100_000,
    confidence: float = 0.95,
    suppress_below: int | None = None,
    crime_type: Sequence[str] | str | None = None,
    related: bool = False,
    smuggled_migrants: bool = False,
) -> Any:
    """Compute detected victims per 100,000 population (SDG 16.2.2 style).

    Parameters
    ----------
    data, linkage, unit, crime_type, related, smuggled_migrants
        As for :func:`victims` (who is counted).
    by
        Any of ``province``, ``district``, ``sex`` (or none: the national rate).
    census
        2023 or 2017 (bundled), or your own population table: a frame with the ``by``
        columns and ``population``.
    per
        Rate per this many people.
    confidence
        Level of the exact (Garwood) Poisson interval of the count, scaled to the rate.
    suppress_below
        Withhold counts (and their rates) below this threshold.

    Returns
    -------
    DataFrame
        ``by``, ``victims``, ``victims_lower``, ``victims_upper``, ``population``,
        ``rate``, ``rate_lower``, ``rate_upper``. Victims with an unknown place or sex,
        or in Azad Jammu & Kashmir or Gilgit-Baltistan (outside the census), appear in
        their own rows without a rate.
    """
    by = tuple(by)
    bad = [b for b in by if b not in ("province", "district", "sex")]
    if bad:
        msg = (
            f"`by` has {bad[0]!r}; rates can be broken down by province, district, sex"
        )
        raise InvalidArgumentError(msg)
    if isinstance(census, int):
        pop = population(census=census, by=by)  # type: ignore[arg-type]
    else:
        pop = to_polars(census, argument="census")
        missing = [c for c in (*by, "population") if c not in pop.columns]
        if missing:
            needs = [*by, "population"]
            msg = f"the population table has no {missing[0]!r} column; it needs {needs}"
            raise SchemaError(msg)
        pop = pop.select(*[pl.col(b).cast(pl.String) for b in by], pl.col("population"))
    counts = to_polars(
        victims(
            data,
            linkage,
            by=by,
            unit=unit,
            crime_type=crime_type,
            related=related,
            smuggled_migrants=smuggled_migrants,
        )
    )
    if by:
        known = pl.all_horizontal([pl.col(b) != UNKNOWN for b in by])
        if isinstance(census, int) and "province" in by:
            # AJK and Gilgit-Baltistan are outside the census: no rate, not an error.
            known = known & ~pl.col("province").is_in(OUTSIDE_CENSUS)
        have = counts.filter(known).select(by).unique()
        absent = have.join(pop.select(by), on=list(by), how="anti")
        if absent.height:
            # The levels themselves are not named: a free-text place may hold anything.
            msg = (
                f"the population table has no row for {absent.height} combination(s) "
                f"of {', '.join(by)} found in the data; expected one row per "
                "combination (see tipsom.indicators.population)"
            )
            raise SchemaError(msg)
        table = counts.join(pop, on=list(by), how="left")
    else:
        table = counts.with_columns(pl.lit(pop["population"][0]).alias("population"))
    k = table["victims"].cast(pl.Int64).to_list()
    lower, upper = _core.poisson_interval(k, confidence)
    table = table.with_columns(
        pl.Series("victims_lower", lower),
        pl.Series("victims_upper", upper),
    ).with_columns(
        (pl.col("victims") / pl.col("population") * per).alias("rate"),
        (pl.col("victims_lower") / pl.col("population") * per).alias("rate_lower"),
        (pl.col("victims_upper") / pl.col("population") * per).alias("rate_upper"),
    )
    if suppress_below is not None:
        if by:
            status = to_polars(
                suppress(counts.select(*by, "victims"), threshold=suppress_below)
            )
            table = table.join(
                status.select(*by, "victims_status"),
                on=list(by),
                how="left",
                nulls_equal=True,
            )
        else:
            small = (pl.col("victims") > 0) & (pl.col("victims") < suppress_below)
            table = table.with_columns(
                pl.when(small)
                .then(pl.lit("primary"))
                .otherwise(pl.lit("published"))
                .alias("victims_status")
            )
        hidden = pl.col("victims_status") != "published"
        table = table.with_columns(
            [
                pl.when(hidden).then(None).otherwise(pl.col(c)).alias(c)
                for c in (
                    "victims",
                    "victims_lower",
                    "victims_upper",
                    "rate",
                    "rate_lower",
                    "rate_upper",
                )
            ]
        )
    return like_input(table, data if hasattr(data, "columns") else None)
