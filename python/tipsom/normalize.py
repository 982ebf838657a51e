"""Normalization: raw circle-return columns into one canonical, typed schema.

The work happens in tipsom's Rust core (one normalizer per kind of value; see
``src/normalize/``), in parallel, with the GIL released and Ctrl-C honoured.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import polars as pl

from tipsom import _core
from tipsom._frame import for_core, from_core, like_input, to_polars
from tipsom.exceptions import InvalidArgumentError

__all__ = ["default_law_table", "normalize"]

#: Columns the core reads (the canonical fields and provenance), from the one list in Rust.
_INPUT_FIELDS = list(_core.normalize_input_fields())
#: Typed columns that get a ``<field>_raw`` companion.
_RAW_FIELDS = set(_INPUT_FIELDS) - {
    "source",
    "source_file",
    "source_sheet",
    "source_row",
    "date_of_report",
}


def _assemble(typed: pl.DataFrame, frame: pl.DataFrame) -> pl.DataFrame:
    """Interleave the core's typed columns with the input's raw and pass-through ones.

    Raw columns are the input's own (no copy); missing fields give null text columns.
    """
    n = frame.height

    def given(name: str, alias: str) -> pl.Series:
        if name in frame.columns:
            return frame.get_column(name).alias(alias)
        # Built by polars, not from a Python list of a million Nones.
        return pl.repeat(None, n, dtype=pl.String, eager=True).alias(alias)

    columns: list[pl.Series] = []
    for name in typed.columns:
        if name == "issues" and "date_of_report" in frame.columns:
            columns.append(frame.get_column("date_of_report"))
        columns.append(typed.get_column(name))
        if name in _RAW_FIELDS:
            columns.append(given(name, f"{name}_raw"))
        if name == "source_type":
            columns += [given(c, c) for c in ("source_file", "source_sheet")]
    taken = {s.name for s in columns}
    columns += [
        frame.get_column(c)
        for c in frame.columns
        if c not in taken and c not in _INPUT_FIELDS
    ]
    return pl.DataFrame(columns)


def _law_table_csv(law_table: Any) -> str | None:
    if law_table is None:
        return None
    if isinstance(law_table, (str, Path)):
        path = Path(law_table)
        if path.suffix.lower() == ".csv" and path.exists():
            return path.read_text(encoding="utf-8")
        if "\n" in str(law_table):
            return str(law_table)
        msg = "`law_table` must be a CSV file, CSV text or a DataFrame"
        raise InvalidArgumentError(msg)
    frame = to_polars(law_table, argument="law_table")
    return frame.cast(pl.String).fill_null("").write_csv()


def default_law_table() -> pl.DataFrame:
    """Return the law table tipsom classifies offences with.

    Each row maps a law and section (``*`` for any other section) to a crime type
    (``tip``, ``som``, ``both``, ``tip_related``, ``som_related``, ``migration_fraud``,
    ``other``) and the forms of exploitation it implies, valid from ``valid_from``
    (inclusive: the date the section was enacted or inserted) to ``valid_to``
    (exclusive: its repeal). A record's codes combine by precedence: trafficking with
    smuggling is ``both``; then tip, som, tip_related, som_related, migration_fraud,
    other. Edit it and pass it back as ``normalize(..., law_table=...)`` to apply your
    own classification.

    Returns
    -------
    polars.DataFrame
        Columns ``law, section, valid_from, valid_to, crime_type, exploitation, note``.

    Examples
    --------
    >>> import tipsom as ts
    >>> laws = ts.default_law_table()
    >>> laws.filter(law="PTPA-2018", section="3")["crime_type"].item()
    'tip'
    >>> laws.filter(law="PPC", section="371-A")["crime_type"].item()
    'tip_related'
    >>> laws.filter(law="EO-1979", section="22")["crime_type"].item()
    'migration_fraud'
    """
    import io

    return pl.read_csv(
        io.StringIO(_core.default_law_table_csv()), infer_schema=False
    ).fill_null("")


def normalize(
    data: Any,
    *,
    law_table: Any = None,
    progress: Callable[[str, int, int | None], Any] | None = None,
) -> Any:
    """Normalize raw records into the canonical schema.

    Parameters
    ----------
    data
        A polars or pandas DataFrame whose columns use the canonical field names
        (``name``, ``cnic``, ``sex``, ``age``, ``date``, ``district``,
        ``law_sections``...; any subset), as :func:`tipsom.read_returns` gives.
        Values may be text, numbers or dates. Other columns pass through unchanged.
    law_table
        Override of the law table used for ``crime_type`` and implied
        ``exploitation``: a DataFrame, a CSV path or CSV text with the columns of
        :func:`tipsom.default_law_table`.
    progress
        Called as ``progress(stage, done, total)`` while the work runs.

    Returns
    -------
    polars.DataFrame or pandas.DataFrame
        Same library as ``data``, one row per input row in the same order. For each
        field the typed value and ``<field>_raw``; derived columns ``name_key``,
        ``father_name_key``, ``age_group``, ``sex_age``, ``cnic_province``,
        ``cnic_sex_hint``, ``date_precision``, ``district_confidence``; and
        ``issues``, a list of machine-readable problem codes per row (``cnic.length``,
        ``date.ambiguous``, ``sex.cnic_parity_conflict``, ``law.not_yet_in_force``...).
        ``sex_age`` keeps transgender persons in a category of their own. ``role``
        (victim, smuggled_migrant, accused, complainant, witness, deportee, unknown)
        comes from a role column, else from the sheet's name, the crime type, a deportee
        list (a unit or file naming deportees) or Emigration Ordinance s.17(1) (the
        migrant booked as the offender), the cue named in ``issues``
        (``role.from_sections``...); otherwise a return lists its victims.

    Examples
    --------
    >>> import polars as pl
    >>> import tipsom as ts
    >>> raw = pl.DataFrame({
    ...     "name": ["Mst. Zainab Bibi D/O Ghulam Rasool"],
    ...     "cnic": ["35202-1234567-2"],
    ...     "date": ["7.2.2020"],
    ...     "district": ["D.G. Khan"],
    ...     "law_sections": ["u/s 3 PTPA r/w 371-A PPC"],
    ... })
    >>> out = ts.normalize(raw)
    >>> out.select("name", "father_name", "sex", "district", "crime_type").row(0)
    ('Zainab Bibi', 'Ghulam Rasool', 'female', 'Dera Ghazi Khan', 'tip')
    >>> out["law_sections"].to_list()
    [['PTPA-2018:3', 'PPC:371-A']]
    """
    frame = for_core(to_polars(data))
    inputs = frame.select([c for c in _INPUT_FIELDS if c in frame.columns])
    if inputs.width == 0:
        # Keep the row count: an all-null field is the same as a missing one.
        inputs = pl.DataFrame(
            pl.repeat(None, frame.height, dtype=pl.String, eager=True).alias("remarks")
        )
    # Columns go one by one: exporting a whole frame as one Arrow table would first copy every
    # column into one chunk, which costs as much as a tenth of the normalization.
    typed = from_core(
        _core.normalize(
            inputs.columns,
            inputs.get_columns(),
            _law_table_csv(law_table),
            progress,
        )
    )
    return like_input(_assemble(typed, frame), data)
