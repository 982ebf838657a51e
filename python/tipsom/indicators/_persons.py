"""From records (or a linkage) to the unit counted: one row per person or per record.

The persons table is built once, in the core (``src/persons.rs``, where the rules are
written), and shared by ``Linkage.persons``, the indicators, ``mse.estimate`` and the report.
Conflict rules for a person seen in several records: records are taken earliest first (by
``date``, missing last, then ``record_id``). For each attribute the most frequent *known*
value wins (``null``, empty text and ``"unknown"`` do not vote); a tie goes to the value
whose first record is earliest. ``age`` is the age at the earliest record that gives one.
Categorical attributes with no known value are ``"unknown"``; identifiers (``name``,
``cnic``...) stay ``null``. ``sex_age`` is then derived from the resolved ``sex`` and
``age_group`` so that the two always agree. Two attributes resolve by precedence instead:
``crime_type`` (trafficking in one record and smuggling in another is ``both``; then tip,
som, tip_related, som_related, migration_fraud, other) and ``role`` (a victim in any record
is a victim, PTPA s.6; then smuggled migrant, deportee, accused, complainant, witness).
Forms of exploitation are the union over the person's records; ``form`` and ``form_group``
are the GLOTIP form the person counts under once (bonded labour and domestic servitude
rolled up under forced labour; more than one form is ``mixed``). ``source`` and
``source_type`` are the set of units that recorded the person. The person's ``date`` (and
so ``year`` and ``month``) is that of the first record; ``first_date`` and ``last_date``
bound their records. Categorical attributes with more than one known value are listed in
``conflicts``.

Who is counted (:func:`counted`): victims, and persons whose role is not recorded; with
``smuggled_migrants=True`` smuggled migrants too. Accused persons, complainants, witnesses
and deportees never. Crime types: trafficking (``tip``, ``both``) and not known, with
``related=True`` offences related to trafficking (``tip_related``), with smuggled migrants
smuggling (``som``, and ``som_related`` with ``related=True``); or the crime types given.
"""

from __future__ import annotations

import contextlib
import contextvars
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from tipsom import _core
from tipsom._frame import for_core, from_core, to_polars
from tipsom.exceptions import DataQualityWarning, InvalidArgumentError, SchemaError
from tipsom.indicators._codes import (
    FORM_GROUP,
    LEVELS,
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
#: Identifying attributes: majority of known values, missing when no record knows.
IDENTIFIERS = ("name", "father_name", "date_of_birth", "cnic", "cnic_province", "phone")
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
        if data is None or data is getattr(linkage, "_frame", None):
            # The Linkage's own records: person_id is a column added without a join
            # (which would copy every column of a million records).
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
        ``person_id``, ``n_records``, ``date``, ``first_date``, ``last_date``, the
        resolved attributes (and, from a Linkage, the columns it compares), ``year``,
        ``month``, ``citizenship``, ``sex_age``, ``form``, ``form_group``, list columns
        ``exploitation``, ``source``, ``source_type``, ``n_sources`` and ``conflicts``
        (attributes with disagreeing records); sorted by ``person_id``. The same table
        as ``Linkage.persons``.
    """
    own = linked_persons(data, linkage)
    if own is not None:
        return own
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


#: The persons tables of the record frames a report (or a set of tables) is built from.
_BOUND: contextvars.ContextVar[_Session | None] = contextvars.ContextVar(
    "tipsom_persons", default=None
)


@dataclass
class _Session:
    """Record frames and their persons tables, compared by identity (kept alive here)."""

    frames: list[pl.DataFrame]
    persons: list[pl.DataFrame | None]

    def table(self, frame: pl.DataFrame) -> pl.DataFrame:
        for k, f in enumerate(self.frames):
            if f is frame:
                if self.persons[k] is None:
                    self.persons[k] = person_table(frame)
                return self.persons[k]  # type: ignore[return-value]
        # A frame derived inside the block (records within the census for rates): its
        # persons are resolved once too.
        self.frames.append(frame)
        self.persons.append(person_table(frame))
        return self.persons[-1]  # type: ignore[return-value]


@contextlib.contextmanager
def person_cache(
    frame: pl.DataFrame | None = None, persons: pl.DataFrame | None = None
) -> Iterator[None]:
    """Inside this block, each record frame's persons table is built once and shared.

    ``persons`` is the table of ``frame`` when it is already made (a Linkage's); otherwise
    it is built the first time a table needs it, like that of any other frame tabulated
    inside the block.
    """
    session = _Session([], []) if frame is None else _Session([frame], [persons])
    token = _BOUND.set(session)
    try:
        yield
    finally:
        _BOUND.reset(token)


def shared_persons(
    frame: pl.DataFrame, data: Any, linkage: Any = None
) -> contextlib.AbstractContextManager[None]:
    """Bind ``frame`` to the Linkage's own persons table when ``data`` are its records."""
    own = linked_persons(data, linkage)
    return person_cache(frame, own) if own is not None else contextlib.nullcontext()


def linked_persons(data: Any, linkage: Any = None) -> pl.DataFrame | None:
    """The Linkage's own persons table when ``data`` are its records, else ``None``."""
    if linkage is None and hasattr(data, "records") and not hasattr(data, "columns"):
        linkage, data = data, None
    make = getattr(linkage, "_person_table", None)
    if make is None:
        return None
    if data is not None and data is not getattr(linkage, "_frame", None):
        return None
    return make()


def person_table(
    frame: pl.DataFrame,
    *,
    identifiers: Sequence[str] = (),
    source_column: str | None = None,
) -> pl.DataFrame:
    """The persons table of records carrying ``person_id``, built once in the core.

    The conflict rules are those of the module docs (written in ``src/persons.rs``);
    ``identifiers`` adds columns resolved by majority (a linkage's compared columns),
    ``source_column`` names the unit column when it is not ``source``.
    """
    wanted = [
        "person_id",
        "record_id",
        "date",
        "age",
        *SCALAR_ATTRIBUTES,
        *IDENTIFIERS,
        *MULTI_VALUED,
        *identifiers,
        *([source_column] if source_column else []),
    ]
    cols = [c for c in dict.fromkeys(wanted) if c in frame.columns]
    exprs = []
    for c in cols:
        dtype = frame.schema[c]
        if c in ("person_id", "record_id") or c in SCALAR_ATTRIBUTES:
            exprs.append(pl.col(c).cast(pl.String))
        elif c == "date" and dtype == pl.String:
            exprs.append(pl.col(c).str.to_date(strict=False))
        elif c == "date" and isinstance(dtype, pl.Datetime):
            exprs.append(pl.col(c).dt.date())
        elif isinstance(dtype, (pl.Datetime, pl.Duration, pl.Time)):
            # Compared as their integer form; cast back below.
            exprs.append(pl.col(c).to_physical())
        else:
            exprs.append(pl.col(c))
    core_in = for_core(frame.select(exprs))
    out = from_core(
        _core.persons(core_in, [c for c in identifiers if c in cols], source_column)
    )
    casts: dict[str, Any] = {"n_records": pl.UInt32}
    if "n_sources" in out.columns:
        casts["n_sources"] = pl.UInt32
    for c in ("age", *IDENTIFIERS, *identifiers):
        dtype = frame.schema.get(c)
        if c in out.columns and dtype is not None and not isinstance(dtype, pl.List):
            casts[c] = dtype
    out = out.cast(casts)
    return prepare_records(out)


def _resolve_persons(
    frame: pl.DataFrame, attributes: set[str] | None = None
) -> pl.DataFrame:
    """The persons of ``frame``: the bound table when ``frame`` is the bound frame.

    ``attributes`` is accepted for the callers that name what they need; the core builds
    the whole table at once.
    """
    del attributes
    session = _BOUND.get()
    if session is not None:
        return session.table(frame)
    return person_table(frame)


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
