"""Reading circle returns: CSV and Excel files in many house styles.

:func:`read_returns` reads the returns units send (CSV in any common encoding and delimiter,
Excel workbooks with every sheet), finds each table below its title rows, maps the column
headers onto tipsom's canonical field names and returns one frame of **text** columns: nothing
is converted yet, so a CNIC cannot turn into ``3.52E+12`` or lose a leading zero. Conversion to
typed values is :func:`tipsom.normalize`'s job.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, overload

import polars as pl

from tipsom import _core
from tipsom._errors import personal_kinds
from tipsom._frame import from_core
from tipsom.exceptions import InvalidArgumentError, ReadError

__all__ = ["RETURN_EXTENSIONS", "ReadReport", "read_returns"]

#: File extensions read when a directory is given.
RETURN_EXTENSIONS = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")


@dataclass(frozen=True)
class ReadReport:
    """What :func:`read_returns` read, kept and set aside.

    Every row of every file is accounted for: ``sheets.rows_read`` equals
    ``records + set_aside`` for each file or sheet, and every row set aside is listed in
    ``set_aside`` with its reason and the row number a spreadsheet program shows.
    No cell values are shown, nor header cells that hold a long number (a data row
    read as the header). File names and the units' labels are shown as they
    are: keep the report with the analyst's files (published tables code the units,
    see :mod:`tipsom.units`).

    Attributes
    ----------
    sheets
        One row per CSV file or worksheet: format, encoding, delimiter, the source assigned,
        header row numbers, rows read, records kept (rows), persons emitted (more than the
        records where one row names several persons), rows set aside and status
        (``read``, ``no header``, ``summary`` (a table of counts), ``empty``, ``hidden``,
        ``very hidden`` or ``error``). Hidden sheets are listed with 0 rows: they are not
        read unless named in ``sheets``.
    set_aside
        One row per row not kept as a record: file, sheet, row and reason (title, blank,
        repeated header, total, signature, note, serial number only, no header, summary
        table of counts).
    columns
        How each column was mapped: file, sheet, column letter, header as printed
        (withheld, with what it looks like and its length, when it looks like personal
        data: a CNIC, phone or other number of four digits or more, a name with its
        parentage, a date, an e-mail address; an unmapped column under such a header
        is output as ``column_<letter>``), canonical
        field (null when unmapped), the output column holding its values, ``mapped_by``
        (``alias``, ``keyword``, ``fuzzy header``, ``group header``, ``content`` when the
        values decided, ``form label`` for a case fact written as a label and its value
        above the table, as in a case proforma ("FIR No. | 382/2024", "Date of FIR: ..."),
        given to every record of the table (``column`` is then the value's cell, e.g.
        ``B5``), ``section label`` for the dates of label rows that cut a list into dated
        blocks ("Batch 2 - received on 14-Nov-2024"), given to the rows below each label
        when the table has no date column, or ``none``), ``confidence`` (0–1) and ``content`` (what the values hold
        when one kind dominates: "dates", "CNIC numbers", "shelter or protection
        outcomes"…).
    problems
        Anything a person should look at, with file, sheet, row and column letter where
        they apply (never a cell's value): unreadable files (with ``on_error="report"``),
        rows decoded with a fallback encoding, bytes that decode to nothing (an odd last
        byte of UTF-16, a file cut off mid-character), quotes that never close, repeated
        column names, error cells (``#REF!``, ``#N/A``... read as empty), formulas saved
        without their result (read as empty), cells far from the rest of a sheet, a header
        contradicted by its values (and the field the column was read as), and rows naming
        several persons whose parallel lists (CNICs, ages) do not line up.
    """

    sheets: pl.DataFrame
    set_aside: pl.DataFrame
    columns: pl.DataFrame
    problems: pl.DataFrame

    @property
    def unmapped_columns(self) -> pl.DataFrame:
        """Columns whose header did not map to a canonical field (kept as they are)."""
        return self.columns.filter(pl.col("field").is_null())

    def summary(self) -> str:
        """A short plain-text summary."""
        s = self.sheets
        lines = [
            f"read {s.height} file(s)/sheet(s): "
            f"{int(s['rows_read'].sum() or 0)} rows, "
            f"{int(s['records'].sum() or 0)} records kept, "
            f"{int(s['set_aside'].sum() or 0)} rows set aside"
        ]
        if self.set_aside.height:
            counts = (
                self.set_aside.group_by("reason").len().sort("len", descending=True)
            )
            for reason, n in counts.iter_rows():
                lines.append(f"  set aside: {n:>6}  {reason}")
        n_unmapped = self.unmapped_columns.height
        if n_unmapped:
            lines.append(f"  {n_unmapped} column(s) kept unmapped")
        shown = 5
        for file, sheet, row, _column, message in self.problems.head(shown).iter_rows():
            where = (
                file + (f" [{sheet}]" if sheet else "") + (f" row {row}" if row else "")
            )
            lines.append(f"  problem: {where}: {message}")
        if self.problems.height > shown:
            hidden = self.problems.height - shown
            lines.append(f"  ... and {hidden} more problem(s) in `.problems`")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def _repr_html_(self) -> str:
        parts = ["<h4>tipsom read report</h4>", f"<pre>{_escape(self.summary())}</pre>"]
        parts.append(self.sheets._repr_html_())
        if self.problems.height:
            parts.append("<h5>Problems</h5>" + self.problems._repr_html_())
        return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _expand(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> list[str]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    out: list[str] = []
    for p in paths:
        text = os.fspath(p)
        if any(ch in text for ch in "*?["):
            matches = sorted(glob.glob(text, recursive=True))
            matches = [m for m in matches if os.path.isfile(m)]
            if not matches:
                msg = f"no files match the pattern '{text}'"
                raise ReadError(msg)
            out.extend(matches)
        elif os.path.isdir(text):
            found = sorted(
                str(f)
                for f in Path(text).rglob("*")
                if f.is_file()
                and f.suffix.lower() in RETURN_EXTENSIONS
                and not f.name.startswith(("~$", "."))
            )
            if not found:
                msg = f"directory '{text}' has no CSV or Excel files"
                raise ReadError(msg)
            out.extend(found)
        else:
            out.append(text)
    if not out:
        msg = "no files given"
        raise ReadError(msg)
    return out


@overload
def read_returns(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    sheets: str | list[str] | None = ...,
    aliases: Mapping[str, str] | None = ...,
    source: str | Mapping[str, str] | None = ...,
    header_scan_rows: int = ...,
    on_error: Literal["raise", "report"] = ...,
    with_report: Literal[False] = ...,
    progress: Callable[[str, int, int | None], Any] | None = ...,
) -> pl.DataFrame: ...


@overload
def read_returns(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    sheets: str | list[str] | None = ...,
    aliases: Mapping[str, str] | None = ...,
    source: str | Mapping[str, str] | None = ...,
    header_scan_rows: int = ...,
    on_error: Literal["raise", "report"] = ...,
    with_report: Literal[True],
    progress: Callable[[str, int, int | None], Any] | None = ...,
) -> tuple[pl.DataFrame, ReadReport]: ...


def read_returns(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    sheets: str | list[str] | None = None,
    aliases: Mapping[str, str] | None = None,
    source: str | Mapping[str, str] | None = None,
    header_scan_rows: int = 30,
    on_error: Literal["raise", "report"] = "raise",
    with_report: bool = False,
    progress: Callable[[str, int, int | None], Any] | None = None,
) -> pl.DataFrame | tuple[pl.DataFrame, ReadReport]:
    r"""Read circle returns (CSV and Excel) into one frame of text columns.

    Parameters
    ----------
    paths
        File paths, directories (every CSV/Excel file inside, recursively) or glob
        patterns such as ``"returns/**/*.xlsx"``.
    sheets
        Worksheet name(s) to read from workbooks; every visible sheet when None. Hidden
        and very hidden sheets (lookup lists, old months, drafts) are listed in the report
        with status ``hidden`` or ``very hidden`` and 0 records, but not read unless named
        here.
    aliases
        Extra header aliases, ``{"Naam": "name"}``; they take precedence over the built-in
        table (English variants and abbreviations such as ``Name of Victim``, ``F/Name``,
        ``CNIC/B-Form``, ``U/S``, and Urdu headers).
    source
        The reporting unit for every record (a string), or per file name (a mapping).
        By default the unit named in a file's title rows, else the file name without
        extension. A ``source`` column in a file wins for its rows.
    header_scan_rows
        How many non-blank rows from the top of a sheet to search for the header.
    on_error
        ``"raise"`` (default): stop with a :class:`~tipsom.exceptions.ReadError` naming the
        file when a file cannot be read. ``"report"``: record it in the report's
        ``problems`` and read the other files.
    with_report
        Also return a :class:`ReadReport` accounting for every row.
    progress
        Called as ``progress(stage, done, total)`` while reading.

    Returns
    -------
    polars.DataFrame or (polars.DataFrame, ReadReport)
        One row per record: ``source``, ``source_file``, ``source_sheet`` (null for CSV),
        ``source_row`` (the row number a spreadsheet program shows; for CSV the record
        number counting title lines and the header), then the canonical fields found
        (``name``, ``father_name``, ``cnic``, ``sex``, ``age``, ``date``, ``district``,
        ``law_sections``...) and every unmapped column under its header. All values are text.

    Raises
    ------
    ReadError
        A file is missing, empty, binary, a corrupt or password-protected workbook, has no
        recognisable header, or a requested sheet is missing (``on_error="raise"``). The
        message names the file (and sheet) and the kind of damage, never text from inside
        the file.

    Notes
    -----
    Workbooks are read cell by cell, never by their declared dimension: a stray value at
    XFD1048576 is one far-away cell (set aside or kept like any other row), not a grid of
    17 billion cells. Runs of more than 1,000 empty rows between values are not listed
    as blank rows; the report's ``problems`` says where they are. A cell holding an Excel
    error (``#REF!``, ``#DIV/0!``, ``#N/A``, ``#VALUE!``, ``#NAME?``, ``#NULL!``,
    ``#NUM!``) and a formula saved without its result (files written by a program rather
    than saved in Excel) are read as empty and reported with their cell address.

    In CSV, a quote that opens a field and never closes (or is closed only by another
    stray quote rows later, swallowing whole records) is read as a literal character and
    reported, so that the rows after it keep their own cells and row numbers. Quoted line
    breaks (an address over two lines) are read as usual.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "lahore.csv").write_text(
    ...     "FIA AHT Circle Lahore\nSr.;Name of Victim;CNIC/B-Form;Age\n"
    ...     "1;Ayesha;35202-1234567-2;17\nTotal;;;1\n"
    ... )
    >>> df, report = read_returns(d / "lahore.csv", with_report=True)
    >>> df.select("source", "source_row", "cnic", "age").rows()
    [('FIA AHT Circle Lahore', 3, '35202-1234567-2', '17')]
    >>> report.set_aside.select("row", "reason").rows()
    [(4, 'total row')]
    """
    if on_error not in ("raise", "report"):
        msg = f"`on_error` must be one of {{'raise', 'report'}}, got {on_error!r}"
        raise InvalidArgumentError(msg)
    files = _expand(paths)
    sheet_list = [sheets] if isinstance(sheets, str) else sheets
    source_all = source if isinstance(source, str) else None
    source_by_file = dict(source) if isinstance(source, Mapping) else None
    from tipsom.template import TEMPLATE_ALIASES

    # The data-entry template's headers first, so that the user's aliases win.
    alias_pairs = [
        (str(k), str(v)) for k, v in {**TEMPLATE_ALIASES, **(aliases or {})}.items()
    ]
    table, sheets_t, set_aside_t, columns_t, problems_t = _core.read_returns_files(
        files,
        sheets=sheet_list,
        aliases=alias_pairs,
        source=source_all,
        source_by_file=source_by_file,
        header_scan_rows=header_scan_rows,
        on_error=on_error,
        progress=progress,
    )
    columns, renames, withheld = _mask_headers(from_core(columns_t))
    frame = _rename_columns(from_core(table), renames)
    if not with_report:
        return frame
    report = ReadReport(
        sheets=from_core(sheets_t),
        set_aside=from_core(set_aside_t),
        columns=columns,
        problems=_mask_messages(from_core(problems_t), withheld),
    )
    return frame, report


def _mask_headers(
    columns: pl.DataFrame,
) -> tuple[pl.DataFrame, dict[str, str], dict[str, str]]:
    """Withhold header cells that look like personal data.

    Such a "header" is a data cell read as a header: a victim's row taken for the
    header row, a CNIC, phone or FIR number, a name with its parentage (S/O, D/O,
    W/O...), a date of birth (:func:`tipsom._errors.personal_kinds` decides, with the
    normalizers). The report shows what it looks like and its length; an unmapped
    column under it is named ``column_<letter>`` (as a column without a header is),
    so that the value is not a column name that messages could repeat.

    Returns the masked table, the output columns to rename and the header texts
    withheld (text -> what replaces it in messages).
    """
    if "header" not in columns.columns or not columns.height:
        return columns, {}, {}
    headers = columns["header"].to_list()
    kinds = personal_kinds(headers)
    masked = [
        h if k is None else f"(header withheld: looks like {k}, {len(h)} characters)"
        for h, k in zip(headers, kinds, strict=True)
    ]
    withheld = {
        h: m for h, m, k in zip(headers, masked, kinds, strict=True) if k is not None
    }
    out = columns.with_columns(pl.Series("header", masked, dtype=pl.String))
    renames: dict[str, str] = {}
    if "output" in columns.columns:
        outputs = columns["output"].to_list()
        fields = (
            columns["field"].to_list()
            if "field" in columns.columns
            else [None] * columns.height
        )
        letters = columns["column"].to_list()
        new_outputs = []
        for o, f, letter, k in zip(outputs, fields, letters, kinds, strict=True):
            if k is not None and f is None and o is not None:
                renames[o] = f"column_{letter}"
                new_outputs.append(f"column_{letter}")
            else:
                new_outputs.append(o)
        out = out.with_columns(pl.Series("output", new_outputs, dtype=pl.String))
    return out, renames, withheld


def _rename_columns(frame: pl.DataFrame, renames: dict[str, str]) -> pl.DataFrame:
    """Rename output columns, merging those that meet under one name.

    Columns of different files that meet under one name hold disjoint rows.
    """
    if not renames:
        return frame
    targets: dict[str, list[str]] = {}
    for old, new in renames.items():
        if old in frame.columns:
            targets.setdefault(new, []).append(old)
    exprs = []
    for new, olds in targets.items():
        parts = ([new] if new in frame.columns and new not in olds else []) + olds
        exprs.append(pl.coalesce([pl.col(c) for c in parts]).alias(new))
    drop = [c for olds in targets.values() for c in olds]
    out = frame.with_columns(exprs)
    order = list(dict.fromkeys(renames.get(c, c) for c in frame.columns))
    return out.drop([c for c in drop if c not in targets]).select(order)


def _mask_messages(problems: pl.DataFrame, withheld: dict[str, str]) -> pl.DataFrame:
    """Replace withheld header texts wherever a problem's message repeats them."""
    if not withheld or "message" not in problems.columns:
        return problems
    texts = sorted(withheld, key=len, reverse=True)

    def clean(message: str | None) -> str | None:
        if message is None:
            return None
        for t in texts:
            message = message.replace(t, "(withheld header)")
        return message

    return problems.with_columns(
        pl.Series(
            "message",
            [clean(m) for m in problems["message"].to_list()],
            dtype=pl.String,
        )
    )
