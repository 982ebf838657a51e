"""The field's standard tables: the GLOTIP questionnaire layout and SDG indicator 16.2.2.

GLOTIP (UNODC's Global Report on Trafficking in Persons, domain.md §4.1) asks for detected
victims as women, men, girls and boys (transgender persons in a column of their own here)
by form of exploitation, the three top-level forms (sexual exploitation, forced labour,
other purposes) with their sub-forms; victims by citizenship; and persons suspected,
prosecuted and convicted by sex and by citizenship, trafficking and smuggling apart.

SDG 16.2.2 (custodian UNODC; metadata at worldbank.github.io/sdg-metadata, 16-2-2) is the
number of victims of trafficking per 100,000 population, by sex, age and form of
exploitation. Its numerator is the *total* number of victims, detected and undetected;
UNODC estimates the undetected part by multiple systems estimation (MSE). The table here
gives the detected count and, when an MSE estimate is passed, the estimated total beside
it, each labelled, both per 100,000 of the population the user supplies for the breakdown.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import polars as pl

from tipsom import _core
from tipsom._frame import like_input, to_polars
from tipsom.exceptions import InvalidArgumentError, SchemaError
from tipsom.indicators._codes import FORM_GROUP, LEVELS
from tipsom.indicators._disclosure import publication_table
from tipsom.indicators._justice import justice
from tipsom.indicators._persons import UNKNOWN, records_of
from tipsom.indicators._victims import population as census_population
from tipsom.indicators._victims import victims

#: Stages GLOTIP asks for.
GLOTIP_STAGES = ("suspected", "prosecuted", "convicted")
#: Breakdowns of SDG 16.2.2 and the population column each needs.
SDG_BY = ("sex", "age_group", "sex_age", "form", "form_group", "province", "district")
#: Breakdowns that split the numerator only (the population is that of the other keys).
NUMERATOR_ONLY = ("form", "form_group")


def _fill(
    table: pl.DataFrame, value: str, levels: Mapping[str, Sequence[str]]
) -> pl.DataFrame:
    """Every combination of the key columns, with zeros where nothing was counted.

    Keys listed in ``levels`` take all those levels (a questionnaire shows every row and
    column); other keys their observed values.
    """
    keys = [c for c in table.columns if c != value and not c.endswith("_status")]
    table = table.with_columns([pl.col(c).cast(pl.String) for c in keys])
    grid = None
    for name in keys:
        values = (
            list(levels[name])
            if name in levels
            else table[name].unique(maintain_order=True).to_list()
        )
        part = pl.DataFrame({name: values}, schema={name: pl.String})
        grid = part if grid is None else grid.join(part, how="cross")
    if grid is None:
        return table
    return (
        grid.join(table.select(*keys, value), on=keys, how="left", nulls_equal=True)
        .with_columns(pl.col(value).fill_null(0))
        .select(*keys, value)
    )


def glotip_tables(
    data: Any,
    linkage: Any = None,
    *,
    suspects: Any = None,
    unit: Literal["person", "record"] = "person",
    related: bool = False,
    suppress_below: int | None = 5,
    round_to: int | None = None,
) -> dict[str, pl.DataFrame]:
    """The GLOTIP questionnaire tables, display-ready, disclosure control applied.

    Parameters
    ----------
    data, linkage, unit, related
        As for :func:`victims` (victims of trafficking; ``related=True`` adds victims of
        offences related to trafficking).
    suspects
        Suspects frame (see :func:`justice`). Without it, records whose ``role`` is
        ``accused`` (suspect sheets read like victim sheets) are used when there are any.
    suppress_below, round_to
        Disclosure control (see :func:`publication_table`); ``suppress_below=None``
        gives exact counts, not for publication.

    Returns
    -------
    dict of polars.DataFrame
        ``"Victims by form of exploitation and sex-age"``: rows every form group and
        form (bonded labour and domestic servitude under forced labour, several forms
        under mixed, so each victim counts once), columns woman, man, girl, boy,
        transgender, unknown and Total; ``"Victims by citizenship and sex-age"``: rows
        countries (ISO 3166-1 alpha-3); ``"Persons suspected, prosecuted and convicted by
        sex"`` and ``"... by citizenship"``: rows trafficking / smuggling (a suspect
        charged with both counts under each) by stage.

    Examples
    --------
    >>> import polars as pl
    >>> import tipsom as ts
    >>> records = pl.DataFrame({
    ...     "sex": ["female", "transgender", "male"],
    ...     "age_group": ["child", "adult", "adult"],
    ...     "exploitation": [["sexual_exploitation"], ["begging"], ["bonded_labour"]],
    ...     "crime_type": ["tip", "tip", "tip_related"],
    ... })
    >>> t = ts.indicators.glotip_tables(records, unit="record", suppress_below=None)
    >>> t["Victims by form of exploitation and sex-age"].columns[-3:]
    ['transgender', 'unknown', 'Total']
    """
    if suppress_below is not None and round_to is not None:
        msg = "give either `suppress_below` or `round_to`, not both"
        raise InvalidArgumentError(msg)
    frame, _ = records_of(data, linkage)
    dc = {"threshold": suppress_below, "round_to": round_to}
    out: dict[str, pl.DataFrame] = {}
    cols = set(frame.columns)
    sex_levels = LEVELS["sex_age"]
    if {"sex", "age_group"} <= cols or "sex_age" in cols:
        if "exploitation" in cols:
            forms = to_polars(
                victims(
                    data,
                    linkage,
                    by=("form_group", "form", "sex_age"),
                    unit=unit,
                    related=related,
                )
            )
            pairs = [(FORM_GROUP.get(f, "other_purposes"), f) for f in LEVELS["form"]]
            grid = pl.DataFrame(
                {"form_group": [g for g, _ in pairs], "form": [f for _, f in pairs]}
            ).join(pl.DataFrame({"sex_age": sex_levels}), how="cross")
            forms = (
                grid.join(
                    forms.with_columns(pl.col("victims").cast(pl.Int64)),
                    on=["form_group", "form", "sex_age"],
                    how="left",
                )
                .with_columns(pl.col("victims").fill_null(0))
                .select("form_group", "form", "sex_age", "victims")
            )
            out["Victims by form of exploitation and sex-age"] = publication_table(
                forms, rows=["form_group", "form"], columns="sex_age", **dc
            )
        if "nationality" in cols:
            nat = to_polars(
                victims(
                    data,
                    linkage,
                    by=("nationality", "sex_age"),
                    unit=unit,
                    related=related,
                )
            ).with_columns(pl.col("nationality").fill_null(UNKNOWN))
            nat = _fill(nat, "victims", {"sex_age": sex_levels})
            out["Victims by citizenship and sex-age"] = publication_table(
                nat, rows=["nationality"], columns="sex_age", **dc
            )
    stages = {"status", "case_status", "date_challan", "date_verdict"}
    if suspects is None and "role" in cols and stages & cols:
        accused = frame.filter(pl.col("role").cast(pl.String) == "accused")
        if accused.height:
            suspects = accused
    if suspects is not None:
        s = to_polars(suspects, argument="suspects")
        if "crime_type" in s.columns:
            for key, levels in (
                ("sex", LEVELS["sex"]),
                ("citizenship", LEVELS["citizenship"]),
            ):
                need = "nationality" if key == "citizenship" else key
                if need not in s.columns:
                    continue
                j = to_polars(justice(s, by=("offence", key)))
                long = (
                    j.filter(pl.col("offence") != "other")
                    .unpivot(
                        index=["offence", key],
                        on=list(GLOTIP_STAGES),
                        variable_name="stage",
                        value_name="persons",
                    )
                    .select("offence", "stage", key, "persons")
                )
                long = _fill(
                    long,
                    "persons",
                    {
                        "offence": ["trafficking", "smuggling"],
                        "stage": list(GLOTIP_STAGES),
                        key: levels,
                    },
                )
                if not long["persons"].sum():
                    continue
                name = f"Persons suspected, prosecuted and convicted by {key}"
                out[name] = publication_table(
                    long, value="persons", rows=["offence", "stage"], columns=key, **dc
                )
    return out


def _mse_rows(
    mse: Any, keys: list[str]
) -> tuple[pl.DataFrame, str] | tuple[None, None]:
    """Estimated totals (``keys``, victims, victims_lower, victims_upper) and a label."""
    if mse is None:
        return None, None
    if hasattr(mse, "results") and hasattr(mse, "table"):
        if keys != [mse.by]:
            msg = (
                f"the MSE estimate is stratified by {mse.by!r}; give by=[{mse.by!r}] "
                "to show it beside the detected counts"
            )
            raise InvalidArgumentError(msg)
        t = to_polars(mse.table)
        rows = t.select(
            pl.col(mse.by).cast(pl.String),
            pl.col("estimate").alias("victims"),
            pl.col("lower").alias("victims_lower"),
            pl.col("upper").alias("victims_upper"),
        )
        return rows, f"estimated total, detected and undetected (MSE by {mse.by})"
    if hasattr(mse, "estimate") and hasattr(mse, "observed"):
        if keys:
            msg = (
                "an overall MSE estimate applies to the national total: give by=[] or "
                "a stratified estimate (tipsom.mse.estimate(..., by=...))"
            )
            raise InvalidArgumentError(msg)
        lo, hi = mse.interval if mse.interval is not None else (None, None)
        rows = pl.DataFrame(
            {
                "victims": [float(mse.estimate)],
                "victims_lower": [lo],
                "victims_upper": [hi],
            },
            schema={
                "victims": pl.Float64,
                "victims_lower": pl.Float64,
                "victims_upper": pl.Float64,
            },
        )
        model = getattr(mse, "model_label", None)
        label = "estimated total, detected and undetected (MSE"
        label += f", model {model})" if model else ")"
        return rows, label
    msg = "`mse` must be the result of tipsom.mse.estimate (overall or with by=)"
    raise InvalidArgumentError(msg)


def sdg_16_2_2(
    data: Any,
    linkage: Any = None,
    *,
    population: Any,
    by: Sequence[str] = ("sex",),
    mse: Any = None,
    unit: Literal["person", "record"] = "person",
    related: bool = False,
    per: int = 100_000,
    confidence: float = 0.95,
    suppress_below: int | None = None,
) -> Any:
    """SDG indicator 16.2.2: victims of trafficking per 100,000 population.

    Parameters
    ----------
    data, linkage, unit, related
        As for :func:`victims`: victims of trafficking (not smuggled migrants, accused
        persons or deportees), once each.
    population
        The population of each breakdown: a frame with the ``by`` columns other than
        ``form`` / ``form_group`` and ``population`` (e.g. ``age_group`` with the
        under-18 population, or ``sex_age``), a number (national total, ``by=[]``),
        or 2023 / 2017 for the bundled census (``province``, ``district``, ``sex``).
    by
        Any of ``sex``, ``age_group``, ``sex_age``, ``form``, ``form_group``
        (numerator only: the rate is per 100,000 of the whole population of the other
        keys), ``province``, ``district``.
    mse
        A :func:`tipsom.mse.estimate` result: overall (with ``by=[]``) or stratified by
        the one ``by`` column. Its estimated total (detected and undetected, as the
        indicator defines it) is shown beside the detected count.
    per
        Rate per this many people.
    confidence
        Level of the exact Poisson interval of the detected count.
    suppress_below
        Withhold detected counts (and their rates) below this threshold.

    Returns
    -------
    DataFrame
        ``by``, ``measure`` (``detected`` or ``estimated``), ``label`` (what the
        measure is), ``victims``, ``victims_lower``, ``victims_upper``, ``population``,
        ``rate``, ``rate_lower``, ``rate_upper``. Unknown categories get no rate.

    Examples
    --------
    >>> import polars as pl
    >>> import tipsom as ts
    >>> records = pl.DataFrame({"age_group": ["child", "child", "adult"],
    ...                         "crime_type": ["tip", "tip", "tip"]})
    >>> pop = pl.DataFrame({"age_group": ["child", "adult"],
    ...                     "population": [100_000, 200_000]})
    >>> t = ts.indicators.sdg_16_2_2(records, population=pop, by=["age_group"],
    ...                              unit="record")
    >>> t.select("age_group", "victims", "rate").rows()
    [('adult', 1.0, 0.5), ('child', 2.0, 2.0)]
    """
    by = list(by)
    bad = [b for b in by if b not in SDG_BY]
    if bad:
        msg = f"`by` has {bad[0]!r}; valid choices: {', '.join(SDG_BY)}"
        raise InvalidArgumentError(msg)
    pop_keys = [b for b in by if b not in NUMERATOR_ONLY]
    if isinstance(population, bool):
        msg = "`population` must be a frame, a number or a census year"
        raise InvalidArgumentError(msg)
    if isinstance(population, int) and population in (2017, 2023):
        pop = census_population(census=population, by=pop_keys)
    elif isinstance(population, (int, float)):
        if pop_keys:
            msg = (
                "a single population number fits only a national rate; give a "
                f"population table with columns {[*pop_keys, 'population']}"
            )
            raise InvalidArgumentError(msg)
        pop = pl.DataFrame({"population": [population]})
    else:
        pop = to_polars(population, argument="population")
        missing = [c for c in (*pop_keys, "population") if c not in pop.columns]
        if missing:
            msg = (
                f"the population table has no {missing[0]!r} column; it needs "
                f"{[*pop_keys, 'population']}"
            )
            raise SchemaError(msg)
        pop = (
            pop.group_by([pl.col(c).cast(pl.String) for c in pop_keys]).agg(
                pl.col("population").sum()
            )
            if pop_keys
            else pop.select(pl.col("population").sum())
        )
    counts = to_polars(
        victims(
            data,
            linkage,
            by=by,
            unit=unit,
            related=related,
            suppress_below=suppress_below,
        )
    )
    counts = counts.with_columns(pl.col("victims").cast(pl.Float64))
    if pop_keys:
        known = pl.all_horizontal(
            [pl.col(b).cast(pl.String) != UNKNOWN for b in pop_keys]
        )
        have = counts.filter(known).select(pop_keys).unique()
        absent = have.join(pop.select(pop_keys), on=pop_keys, how="anti")
        if absent.height:
            values = ", ".join(" / ".join(map(str, r)) for r in absent.iter_rows())
            msg = (
                f"the population table has no row for {values} ({', '.join(pop_keys)})"
            )
            raise SchemaError(msg)
        counts = counts.join(pop, on=pop_keys, how="left")
    else:
        counts = counts.with_columns(pl.lit(pop["population"][0]).alias("population"))
    k = [int(v) if v is not None else 0 for v in counts["victims"].to_list()]
    lower, upper = _core.poisson_interval(k, confidence)
    hidden = counts["victims"].is_null().to_list()
    detected = counts.with_columns(
        pl.Series(
            "victims_lower",
            [None if h else x for h, x in zip(hidden, lower, strict=True)],
            dtype=pl.Float64,
        ),
        pl.Series(
            "victims_upper",
            [None if h else x for h, x in zip(hidden, upper, strict=True)],
            dtype=pl.Float64,
        ),
        pl.lit("detected").alias("measure"),
        pl.lit(
            "detected victims (unique persons)"
            if unit == "person"
            else "detected victims (records)"
        ).alias("label"),
    )
    parts = [detected]
    estimated, label = _mse_rows(mse, by)
    if estimated is not None:
        est = estimated
        if by:
            est = est.join(pop, on=pop_keys, how="left")
        else:
            est = est.with_columns(pl.lit(pop["population"][0]).alias("population"))
        parts.append(
            est.with_columns(
                pl.lit("estimated").alias("measure"), pl.lit(label).alias("label")
            )
        )
    columns = [
        *by,
        "measure",
        "label",
        "victims",
        "victims_lower",
        "victims_upper",
        "population",
    ]
    table = pl.concat(
        [
            p.select(
                *[pl.col(b).cast(pl.String) for b in by],
                pl.col("measure"),
                pl.col("label"),
                *[
                    pl.col(c).cast(pl.Float64)
                    for c in ("victims", "victims_lower", "victims_upper")
                ],
                pl.col("population").cast(pl.Float64),
            )
            for p in parts
        ],
        how="vertical",
    ).select(columns)
    rate = pl.col("population").is_not_null() & (pl.col("population") > 0)
    table = table.with_columns(
        [
            pl.when(rate)
            .then(pl.col(c) / pl.col("population") * per)
            .otherwise(None)
            .alias(name)
            for c, name in (
                ("victims", "rate"),
                ("victims_lower", "rate_lower"),
                ("victims_upper", "rate_upper"),
            )
        ]
    )
    if by:
        table = table.sort([*by, "measure"])
    return like_input(table, data if hasattr(data, "columns") else None)


__all__ = ["glotip_tables", "sdg_16_2_2"]
