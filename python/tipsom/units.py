"""Names of reporting units in published outputs.

A record's ``source`` is whatever the return said: a title row, a file name, a sheet
name. Such text can hold anything (a victim's name and CNIC in a file called after a
FIR), so published tables never show it. They show a unit's name only when it is in the
registry of unit names (``tipsom/data/units.csv``: FIA Anti-Human Trafficking Circles
and composite circles named in public sources, each with its source; extend it with
:func:`register`), and a neutral code (``unit 1``, ``unit 2``...) otherwise. The mapping
from codes to the original labels is given by :func:`unit_labels`, for the analyst's own
use only.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

import polars as pl

from tipsom._errors import guard_namespace as _guard_namespace
from tipsom._frame import to_polars
from tipsom.exceptions import InvalidArgumentError, SchemaError

__all__ = ["public_label", "register", "registry", "unit_labels"]

_EXTRA: dict[str, str] = {}
#: Labels tipsom itself writes (the overall row of ``tipsom.quality``).
_KEEP: dict[Any, str] = {"(all)": "(all)", "all": "all"}


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def _bundled() -> dict[str, str]:
    text = resources.files("tipsom").joinpath("data/units.csv").read_text("utf-8")
    return {_key(r["name"]): r["name"] for r in csv.DictReader(text.splitlines())}


def registry() -> pl.DataFrame:
    """The unit names that published outputs may show.

    Examples
    --------
    >>> import tipsom as ts
    >>> "AHTC Lahore" in ts.units.registry()["name"].to_list()
    True
    """
    names = {**_bundled(), **_EXTRA}
    return pl.DataFrame({"name": sorted(names.values())})


def register(names: Iterable[str]) -> None:
    """Add unit names (e.g. your circles and police stations) to the registry.

    Only names of units, never of persons, belong here: they are shown in published
    tables as they are.

    Examples
    --------
    >>> import tipsom as ts
    >>> ts.units.register(["AHTC Multan"])
    >>> ts.units.public_label("ahtc  multan")
    'AHTC Multan'
    """
    if isinstance(names, str):
        names = [names]
    for name in names:
        if not isinstance(name, str) or not name.strip() or len(name) > 80:
            msg = "unit names must be non-empty text of at most 80 characters"
            raise InvalidArgumentError(msg)
        _EXTRA[_key(name)] = re.sub(r"\s+", " ", name).strip()


def public_label(label: Any) -> str | None:
    """The registry's spelling of ``label``, or None when it is not a registered unit.

    Examples
    --------
    >>> import tipsom as ts
    >>> ts.units.public_label("AHTC  karachi")
    'AHTC Karachi'
    >>> ts.units.public_label("FIR 1234567890123 Ali") is None
    True
    """
    if label is None:
        return None
    k = _key(str(label))
    return _EXTRA.get(k) or _bundled().get(k)


def unit_labels(records: Any, *others: Any, column: str = "source") -> pl.DataFrame:
    """Map each source label to the name published for it (analyst's use only).

    Registered unit names are published as they are; any other label becomes
    ``unit 1``, ``unit 2``..., numbered in sorted order of the labels, so the codes do
    not depend on the order of the rows.

    Parameters
    ----------
    records
        Records with a ``column`` of source labels.
    *others
        Further frames published with them (e.g. monthly returns): their ``column``
        and ``unit`` labels are coded in the same numbering.
    column
        The column of labels.

    Returns
    -------
    polars.DataFrame
        ``source`` (the label in the data) and ``published`` (what published tables
        show). Keep it with the analyst's files: it may hold identifying text.

    Examples
    --------
    >>> import polars as pl
    >>> import tipsom as ts
    >>> r = pl.DataFrame({"source": ["victim Ali 35202.csv", "AHTC Lahore"]})
    >>> ts.units.unit_labels(r).rows()
    [('AHTC Lahore', 'AHTC Lahore'), ('victim Ali 35202.csv', 'unit 1')]
    """
    frame = to_polars(records, argument="records")
    if column not in frame.columns:
        msg = f"column {column!r} not found; expected the records' source labels"
        raise SchemaError(msg)
    labels = set(frame[column].cast(pl.String).to_list())
    for other in others:
        if other is None:
            continue
        o = to_polars(other, argument="others")
        for c in (column, "unit"):
            if c in o.columns:
                labels |= set(o[c].cast(pl.String).to_list())
    ordered = sorted(labels, key=lambda v: (v is None, v or ""))
    return pl.DataFrame(
        {"source": ordered, "published": _publish(ordered)},
        schema={"source": pl.String, "published": pl.String},
    )


def _publish(labels: list[Any]) -> list[str]:
    out, n = [], 0
    for label in labels:
        if label is None or label in _KEEP:
            out.append(_KEEP.get(label, "unknown"))
            continue
        name = public_label(label)
        if name is None:
            n += 1
            name = f"unit {n}"
        out.append(name)
    return out


def relabel(
    frame: pl.DataFrame, column: str = "source", mapping: pl.DataFrame | None = None
) -> pl.DataFrame:
    """Replace ``column``'s labels by their published names (internal).

    ``mapping`` (from :func:`unit_labels` on the whole release) keeps the codes of
    every table of a release the same; labels it lacks become ``unit ?``.
    """
    if column not in frame.columns:
        return frame
    if mapping is None:
        mapping = unit_labels(frame, column=column)
    known = mapping.filter(pl.col("source").is_not_null())
    return frame.with_columns(
        pl.when(pl.col(column).is_null())
        .then(pl.lit("unknown"))
        .otherwise(
            pl.col(column)
            .cast(pl.String)
            .replace_strict(
                known["source"],
                known["published"],
                default="unit ?",
                return_dtype=pl.String,
            )
        )
        .alias(column)
    )


# Errors from user data leave these functions as tipsom's, without values.
_guard_namespace(
    globals(), ["unit_labels", "register", "registry", "public_label"], "tipsom.units"
)
