"""From records (or a linkage) to the unit counted: one row per person or per record.

Conflict rule for a person seen in several records (documented in ``victims``): for each
attribute the most frequent *known* value wins (``null`` and ``"unknown"`` do not vote);
a tie goes to the value of the earliest record (by ``date``, then ``record_id``).
``sex_age`` is then derived from the resolved ``sex`` and ``age_group`` so that the two
always agree. Two attributes resolve by precedence instead: ``crime_type`` (trafficking in
one record and smuggling in another is ``both``; then tip, som, tip_related, som_related,
migration_fraud, other) and ``role`` (a victim in any record is a victim, PTPA s.6; then
smuggled migrant, deportee, accused, complainant, witness). Forms of exploitation are the
union over the person's records; ``form`` and ``form_group`` are the GLOTIP form the person
counts under once (bonded labour and domestic servitude rolled up under forced labour; more
than one form is ``mixed``). ``source`` and ``source_type`` are the set of units that
recorded the person. The person's ``date`` (and so ``year`` and ``month``) is that of the
first record. Attributes with more than one known value are listed in ``conflicts``.

Who is counted (:func:`counted`): victims, and persons whose role is not recorded; with
``smuggled_migrants=True`` smuggled migrants too. Accused persons, complainants, witnesses
and deportees never. Crime types: trafficking (``tip``, ``both``) and not known, with
``related=True`` offences related to trafficking (``tip_related``), with smuggled migrants
smuggling (``som``, and ``som_related`` with ``related=True``); or the crime types given.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from tipsom._frame import to_polars
from tipsom.exceptions import DataQualityWarning, InvalidArgumentError, SchemaError
from tipsom.indicators._codes import (
    CRIME_PRECEDENCE,
    FORM_GROUP,
    LEVELS,
    ROLE_PRECEDENCE,
    ROLL_UP,
)

#: Attributes resolved by majority of known values.
SCALAR_ATTRIBUTES = (
    "sex",
    "age_group",
    "nationality",
    "district",
    "province",
    "crime_type",
    "case_status",
    "role",
    "protection_status",
)
#: Attributes that may hold several values per person or record.
MULTI_VALUED = ("exploitation", "source", "source_type")
UNKNOWN = "unknown"


def records_of(data: Any, linkage: Any = None) -> tuple[pl.DataFrame, bool]:
    """Return the record frame and whether it carries ``person_id``.

    ``data`` is normalized records (polars or pandas) or a Linkage (anything with a
    ``.records`` frame); ``linkage``, when given, supplies ``person_id``.
    """
    if linkage is None and hasattr(data, "records") and not hasattr(data, "columns"):
        linkage, data = data, None
    if linkage is not None:
        if not hasattr(linkage, "records"):
            msg = (
                "`linkage` must be a Linkage (an object with a `.records` frame "
                f"carrying `person_id`), got {type(linkage).__name__}"
            )
            raise InvalidArgumentError(msg)
        linked = to_polars(linkage.records, argument="linkage.records")
        if "person_id" not in linked.columns:
            msg = "linkage.records has no `person_id` column"
            raise SchemaError(msg)
        if data is None:
            return linked, True
        frame = to_polars(data)
        if "person_id" in frame.columns:
            return frame, True
        if "record_id" not in frame.columns or "record_id" not in linked.columns:
            msg = (
                "records and linkage.records both need `record_id` to attach person_id"
            )
            raise SchemaError(msg)
        ids = linked.select(
            pl.col("record_id").cast(pl.String), pl.col("person_id").cast(pl.String)
        )
        frame = frame.with_columns(pl.col("record_id").cast(pl.String)).join(
            ids, on="record_id", how="left"
        )
        return frame, True
    frame = to_polars(data)
    return frame, "person_id" in frame.columns


def _known(column: str) -> pl.Expr:
    return pl.col(column).is_not_null() & (pl.col(column).cast(pl.String) != UNKNOWN)


def _as_list(frame: pl.DataFrame, column: str) -> pl.Expr:
    """Return the column as a list of text (a scalar becomes a one-element list)."""
    dtype = frame.schema[column]
    if isinstance(dtype, pl.List):
        return pl.col(column).cast(pl.List(pl.String))
    return pl.concat_list(pl.col(column).cast(pl.String))


def prepare_records(
    frame: pl.DataFrame, needed: set[str] | None = None
) -> pl.DataFrame:
    """Add ``year``, ``month``, ``citizenship`` and a derived ``sex_age`` when missing.

    ``needed`` limits the work to the derived columns a table uses (all when ``None``).
    """

    def want(name: str) -> bool:
        return needed is None or name in needed

    exprs = []
    cols = frame.columns
    if "date" in cols:
        date = pl.col("date")
        if frame.schema["date"] == pl.String:
            date = date.str.to_date(strict=False)
        if want("year"):
            exprs.append(date.dt.year().alias("year"))
        if want("month"):
            exprs.append(date.dt.strftime("%Y-%m").alias("month"))
    if "nationality" in cols and want("citizenship"):
        exprs.append(citizenship_expr().alias("citizenship"))
    if want("sex_age") and "sex_age" not in cols and {"sex", "age_group"} <= set(cols):
        exprs.append(sex_age_expr().alias("sex_age"))
    if (want("form") or want("form_group")) and "exploitation" in cols:
        form = form_expr(frame)
        exprs.append(form.alias("form"))
        exprs.append(
            form.replace_strict(
                FORM_GROUP, default="other_purposes", return_dtype=pl.String
            ).alias("form_group")
        )
    return frame.with_columns(exprs) if exprs else frame


def form_expr(frame: pl.DataFrame) -> pl.Expr:
    """GLOTIP form a record or person counts under once (see the module docs)."""
    known = (
        _as_list(frame, "exploitation")
        .list.eval(
            pl.element()
            .replace(ROLL_UP)
            .filter(pl.element().is_not_null() & (pl.element() != UNKNOWN))
        )
        .list.unique()
    )
    return (
        pl.when(known.list.len().fill_null(0) == 0)
        .then(pl.lit(UNKNOWN))
        .when(known.list.len() == 1)
        .then(known.list.first())
        .otherwise(pl.lit("mixed"))
    )


def citizenship_expr() -> pl.Expr:
    """National (PAK), foreign (any other ISO3) or unknown."""
    nat = pl.col("nationality").cast(pl.String)
    return (
        pl.when(nat.is_null() | (nat == UNKNOWN) | (nat == ""))
        .then(pl.lit(UNKNOWN))
        .when(nat == "PAK")
        .then(pl.lit("national"))
        .otherwise(pl.lit("foreign"))
    )


def sex_age_expr() -> pl.Expr:
    """GLOTIP category from ``sex`` and ``age_group`` (schema.rs ``SexAge``)."""
    sex = pl.col("sex").cast(pl.String)
    age = pl.col("age_group").cast(pl.String)
    return (
        pl.when(sex == "transgender")
        .then(pl.lit("transgender"))
        .when((sex == "male") & (age == "adult"))
        .then(pl.lit("man"))
        .when((sex == "female") & (age == "adult"))
        .then(pl.lit("woman"))
        .when((sex == "male") & (age == "child"))
        .then(pl.lit("boy"))
        .when((sex == "female") & (age == "child"))
        .then(pl.lit("girl"))
        .otherwise(pl.lit(UNKNOWN))
    )


def persons(data: Any, linkage: Any = None) -> pl.DataFrame:
    """One row per person with attributes resolved from all their records.

    Parameters
    ----------
    data
        Normalized records carrying ``person_id``, or a Linkage.
    linkage
        A Linkage supplying ``person_id`` for ``data``.

    Returns
    -------
    polars.DataFrame
        ``person_id``, the resolved attributes, ``year``, ``month``, ``citizenship``,
        ``sex_age``, list columns ``exploitation``, ``source``, ``source_type``,
        ``n_records``, ``n_sources`` and ``conflicts`` (attributes with disagreeing
        records).
    """
    frame, has_person = records_of(data, linkage)
    if not has_person:
        msg = "persons() needs `person_id` (pass a Linkage or records from deduplicate)"
        raise SchemaError(msg)
    return _resolve_persons(frame)


#: Record columns each derived breakdown needs when persons are resolved.
_NEEDS = {
    "year": ("date",),
    "month": ("date",),
    "sex_age": ("sex", "age_group"),
    "citizenship": ("nationality",),
    "form": ("exploitation",),
    "form_group": ("exploitation",),
}


def _attributes_for(by: tuple[str, ...] | None) -> set[str] | None:
    if by is None:
        return None
    # Who is counted depends on the crime type and the role.
    out: set[str] = {"crime_type", "role"}
    for name in by:
        out.update(_NEEDS.get(name, (name,)))
    return out


@dataclass(frozen=True)
class Counted:
    """Which persons (or records) a victim table counts: crime types and roles."""

    crime_types: frozenset[str]
    roles: frozenset[str]

    def expr(self, frame: pl.DataFrame) -> pl.Expr | None:
        """The filter on ``frame`` (None when it has neither column)."""
        parts = []
        for column, allowed in (("crime_type", self.crime_types), ("role", self.roles)):
            if column in frame.columns:
                parts.append(
                    pl.col(column)
                    .cast(pl.String)
                    .fill_null(UNKNOWN)
                    .is_in(sorted(allowed))
                )
        return pl.all_horizontal(parts) if parts else None


def counted(
    *,
    crime_type: Sequence[str] | str | None = None,
    related: bool = False,
    smuggled_migrants: bool = False,
) -> Counted:
    """Who a victim table counts (see the module docs).

    Examples
    --------
    >>> from tipsom.indicators._persons import counted
    >>> sorted(counted().crime_types)
    ['both', 'tip', 'unknown']
    >>> sorted(counted(related=True, smuggled_migrants=True).crime_types)
    ['both', 'som', 'som_related', 'tip', 'tip_related', 'unknown']
    """
    roles = {"victim", UNKNOWN}
    if crime_type is not None:
        types = {crime_type} if isinstance(crime_type, str) else set(crime_type)
        bad = sorted(types - set(LEVELS["crime_type"]))
        if bad:
            msg = (
                f"`crime_type` has {bad[0]!r}; valid choices: "
                f"{', '.join(LEVELS['crime_type'])}"
            )
            raise InvalidArgumentError(msg)
        if smuggled_migrants or types & {"som", "som_related"}:
            roles.add("smuggled_migrant")
        return Counted(frozenset(types), frozenset(roles))
    types = {"tip", "both", UNKNOWN}
    if related:
        types.add("tip_related")
    if smuggled_migrants:
        types.add("som")
        roles.add("smuggled_migrant")
        if related:
            types.add("som_related")
    return Counted(frozenset(types), frozenset(roles))


#: What victim tables count unless told otherwise.
DEFAULT_COUNTED = counted()


#: Resolved persons by input frame, while a report or a set of tables is being built.
_CACHE: dict[int, tuple[pl.DataFrame, pl.DataFrame]] | None = None


@contextlib.contextmanager
def person_cache() -> Iterator[None]:
    """Resolve the persons of each input frame once inside this block (for reports)."""
    global _CACHE
    if _CACHE is not None:
        yield
        return
    _CACHE = {}
    try:
        yield
    finally:
        _CACHE = None


def _resolve_persons(
    frame: pl.DataFrame, attributes: set[str] | None = None
) -> pl.DataFrame:
    """Resolve persons; ``attributes`` limits the work to the columns a table needs."""
    if _CACHE is not None:
        hit = _CACHE.get(id(frame))
        # Keep the input alive with the result so that its id cannot be reused.
        if hit is None or hit[0] is not frame:
            hit = (frame, _resolve(frame, None))
            _CACHE[id(frame)] = hit
        return hit[1]
    return _resolve(frame, attributes)


def _resolve(frame: pl.DataFrame, attributes: set[str] | None) -> pl.DataFrame:
    cols = frame.columns

    def wanted(name: str) -> bool:
        return name in cols and (attributes is None or name in attributes)

    order_keys = [c for c in ("date", "record_id") if c in cols]
    frame = frame.filter(pl.col("person_id").is_not_null())
    if order_keys:
        frame = frame.sort(order_keys, nulls_last=True)
    # Integer person codes: grouping and joining on them is much cheaper than on text.
    ids = frame.select(pl.col("person_id").cast(pl.String)).unique(maintain_order=True)
    ids = ids.with_row_index("_pid")
    lazy = (
        frame.lazy()
        .with_row_index("_order")
        .join(ids.lazy(), on="person_id", how="left")
    )
    big = frame.height + 1
    base = lazy.group_by("_pid").agg(
        pl.len().alias("n_records"),
        *([pl.col("date").first().alias("date")] if "date" in cols else []),
        # Age at the first record that gives one (ages grow between records).
        *([pl.col("age").drop_nulls().first().alias("age")] if wanted("age") else []),
    )
    conflicts = []
    for attr in SCALAR_ATTRIBUTES:
        if not wanted(attr):
            continue
        # Most frequent known value, ties to the earliest record: max n*big - order.
        winner = (
            lazy.filter(_known(attr))
            .group_by("_pid", pl.col(attr).cast(pl.String))
            .agg(
                (
                    pl.len().cast(pl.Int64) * big
                    - pl.col("_order").min().cast(pl.Int64)
                ).alias("_score")
            )
            .group_by("_pid")
            .agg(
                pl.col(attr).get(pl.col("_score").arg_max()),
                pl.len().alias(f"_k_{attr}"),
            )
        )
        base = base.join(winner, on="_pid", how="left").with_columns(
            pl.col(attr).fill_null(UNKNOWN)
        )
        conflicts.append(
            pl.when(pl.col(f"_k_{attr}").fill_null(0) > 1)
            .then(pl.lit(attr))
            .otherwise(pl.lit(None, dtype=pl.String))
        )
    for attr in MULTI_VALUED:
        if not wanted(attr):
            continue
        values = (
            lazy.select("_pid", _as_list(frame, attr).alias(attr))
            .explode(attr)
            .filter(_known(attr))
            .group_by("_pid")
            .agg(pl.col(attr).unique().sort())
        )
        base = base.join(values, on="_pid", how="left").with_columns(
            pl.when(pl.col(attr).is_null() | (pl.col(attr).list.len() == 0))
            .then(pl.lit([UNKNOWN], dtype=pl.List(pl.String)))
            .otherwise(pl.col(attr))
            .alias(attr)
        )
    if wanted("source"):
        base = base.with_columns(
            pl.col("source")
            .list.eval(pl.element().filter(pl.element() != UNKNOWN))
            .list.len()
            .alias("n_sources")
        )
    if conflicts:
        base = base.with_columns(
            pl.concat_list(conflicts).list.drop_nulls().alias("conflicts")
        )
    else:
        base = base.with_columns(
            pl.lit([], dtype=pl.List(pl.String)).alias("conflicts")
        )
    if wanted("crime_type"):
        # A person recorded under TIP by one unit and SOM by another holds both roles;
        # otherwise the most decisive crime type any record gives.
        crime = pl.col("crime_type").cast(pl.String)
        rank = {c: i for i, c in enumerate(CRIME_PRECEDENCE)}
        kinds = (
            lazy.filter(_known("crime_type"))
            .group_by("_pid")
            .agg(
                crime.is_in(["tip", "both"]).any().alias("_tip"),
                crime.is_in(["som", "both"]).any().alias("_som"),
                crime.replace_strict(rank, default=len(rank), return_dtype=pl.Int32)
                .min()
                .alias("_rank"),
            )
        )
        best = pl.col("_rank").replace_strict(
            dict(enumerate(CRIME_PRECEDENCE)), default=UNKNOWN, return_dtype=pl.String
        )
        base = base.join(kinds, on="_pid", how="left").with_columns(
            pl.when(pl.col("_tip") & pl.col("_som"))
            .then(pl.lit("both"))
            .when(pl.col("_rank").is_not_null())
            .then(best)
            .otherwise(pl.col("crime_type"))
            .alias("crime_type")
        )
    if wanted("role"):
        role_rank = {c: i for i, c in enumerate(ROLE_PRECEDENCE)}
        roles = (
            lazy.filter(_known("role"))
            .group_by("_pid")
            .agg(
                pl.col("role")
                .cast(pl.String)
                .replace_strict(
                    role_rank, default=len(role_rank), return_dtype=pl.Int32
                )
                .min()
                .alias("_role_rank")
            )
        )
        base = base.join(roles, on="_pid", how="left").with_columns(
            pl.when(pl.col("_role_rank").is_not_null())
            .then(
                pl.col("_role_rank").replace_strict(
                    dict(enumerate(ROLE_PRECEDENCE)),
                    default=UNKNOWN,
                    return_dtype=pl.String,
                )
            )
            .otherwise(pl.col("role"))
            .alias("role")
        )
    base = base.join(ids.lazy(), on="_pid", how="left")
    out = base.collect()
    out = out.select(
        "person_id",
        *[c for c in out.columns if not c.startswith("_") and c != "person_id"],
    )
    out = prepare_records(out.drop([c for c in ("sex_age",) if c in out.columns]))
    return out.sort("person_id")


def counting_frame(
    data: Any,
    linkage: Any,
    unit: str,
    by: tuple[str, ...] | None = None,
    who: Counted | None = DEFAULT_COUNTED,
) -> tuple[pl.DataFrame, tuple[str, ...]]:
    """Return the frame to count and the names of its multi-valued (list) columns.

    ``who`` selects the persons (records) counted; ``None`` counts everyone.
    """
    counted_frame, multi = _counting_frame(data, linkage, unit, by)
    if who is not None:
        keep = who.expr(counted_frame)
        if keep is not None:
            counted_frame = counted_frame.filter(keep)
    return counted_frame, multi


def _counting_frame(
    data: Any, linkage: Any, unit: str, by: tuple[str, ...] | None = None
) -> tuple[pl.DataFrame, tuple[str, ...]]:
    frame, has_person = records_of(data, linkage)
    if unit == "person":
        if not has_person:
            warnings.warn(
                "no linkage given and no `person_id` column: each record is counted "
                "as one person, so victims recorded by several units are counted "
                "several times; pass the Linkage from tipsom.deduplicate, or "
                "unit='record' to silence this",
                DataQualityWarning,
                stacklevel=4,
            )
            frame = frame.with_columns(
                pl.int_range(pl.len()).cast(pl.String).alias("person_id")
            )
        return _resolve_persons(frame, _attributes_for(by)), tuple(
            c for c in MULTI_VALUED if c in frame.columns
        )
    if unit != "record":
        msg = f"`unit` must be 'person' or 'record', got {unit!r}"
        raise InvalidArgumentError(msg)
    needed = None if by is None else set(by)
    frame = prepare_records(frame, needed)
    multi = []
    if "exploitation" in frame.columns and (needed is None or "exploitation" in needed):
        frame = frame.with_columns(
            _as_list(frame, "exploitation").list.unique().alias("exploitation")
        )
        frame = frame.with_columns(
            pl.when(
                pl.col("exploitation").is_null()
                | (pl.col("exploitation").list.len() == 0)
            )
            .then(pl.lit([UNKNOWN], dtype=pl.List(pl.String)))
            .otherwise(pl.col("exploitation"))
            .alias("exploitation")
        )
        multi.append("exploitation")
    return frame, tuple(multi)
