"""The headquarters loop: monthly compilation of unit returns, and feedback to each unit.

:func:`compile` takes the returns that arrived this month (files, or a frame as
:func:`tipsom.read_returns` gives it) and the state of the last compilation (a
directory), and

- logs which unit sent which month and builds a unit x month **coverage matrix** that
  marks the returns that never arrived (every month between the first and the last one
  seen, for every unit expected);
- lets a **revised return replace** its earlier version (same unit and month, higher
  revision) and lists what the revision changed (a diff by record);
- links the new records to the persons already known with **stable person ids**
  (:meth:`tipsom.Linkage.add`: nobody is renumbered) and writes a **change report**: new
  persons, persons seen again (by another unit or the same one), merges and splits since
  the last compilation, each with its reason;
- checks the **stock and flow** of cases per unit and month (brought forward, new,
  closed, not reported again, pending);
- keeps its state (records with person ids, the fitted linkage model, the log of
  returns, every change report) in a directory for next month.

:func:`feedback` writes one HTML page or workbook per unit: its own problem rows by
file, sheet and row in plain English and Urdu, and its quality scores against the
average of all units, with no record of any other unit.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import polars as pl

from tipsom import _core
from tipsom._frame import to_polars
from tipsom.exceptions import InvalidArgumentError, SchemaError
from tipsom.linkage import Linkage, _run, default_settings
from tipsom.normalize import normalize
from tipsom.quality import quality
from tipsom.read import ReadReport, read_returns

__all__ = ["Compilation", "compile", "feedback", "issue_text", "load"]

Progress = Callable[[str, int, "int | None"], Any]

_STATE_FILES = ("records.parquet", "returns.parquet", "model.json", "meta.json")
_CLOSED = ("convicted", "acquitted", "closed")
_PERIOD = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])(-\d{2})?$")
# Fields compared by the revision diff (normalized values).
_DIFF_FIELDS = (
    "case_id",
    "fir_no",
    "police_station",
    "name",
    "father_name",
    "husband_name",
    "sex",
    "age",
    "date_of_birth",
    "cnic",
    "passport",
    "phone",
    "nationality",
    "district",
    "province",
    "date",
    "law_sections",
    "exploitation",
    "case_status",
    "protection_status",
    "destination",
    "role",
)
_EVENTS = (
    "new_person",
    "seen_again_other_unit",
    "seen_again_same_unit",
    "merge",
    "split",
    "withdrawn",
)


# -- results -------------------------------------------------------------------------
@dataclass
class Compilation:
    """The result of one monthly compilation.

    Attributes
    ----------
    records
        Every current record (all months, latest revision of each return) with
        ``person_id``, ``period`` and ``revision``.
    coverage
        The unit x month matrix: one row per unit, one column per month (``YYYY-MM``)
        holding ``"r0"``, ``"r1"``... (the revision in force) or ``"missing"``. A unit
        declared in ``units=`` owes every month; any other unit the months from its
        first return on (earlier cells are null).
    returns
        The log of every return received, one row per unit, month and revision:
        ``unit, period, revision, records, compilation, status`` (``current``,
        ``replaced`` or ``ignored``, a revision not above the one in force) and
        ``files``.
    revisions
        The diff of each revision this compilation applied: ``unit, period,
        revision, replaces, change`` (``added``, ``removed``, ``changed``),
        ``record_id`` (new), ``replaced_record_id`` (old) and ``fields`` (the fields
        that changed; never their values).
    changes
        The change report: ``event`` (``new_person``, ``seen_again_other_unit``,
        ``seen_again_same_unit``, ``merge``, ``split``, ``withdrawn``),
        ``person_id``, ``previous_person_ids``, ``unit``, ``period``, ``record_ids``
        and ``explanation`` (plain words; no names or numbers of persons).
    stock_flow
        Cases per unit and month: ``brought_forward`` (open at the end of the last
        month), ``new``, ``reappeared`` (seen before, not open last month),
        ``closed``, ``not_reported`` (open last month, absent from this return),
        ``pending`` and ``issues``.
    read_report
        The :class:`tipsom.ReadReport` of the files read (None for a frame).
    linkage
        The :class:`tipsom.Linkage` over all current records (None when loaded with
        :func:`load`).
    """

    records: pl.DataFrame
    coverage: pl.DataFrame
    returns: pl.DataFrame
    revisions: pl.DataFrame
    changes: pl.DataFrame
    stock_flow: pl.DataFrame
    read_report: ReadReport | None
    linkage: Linkage | None
    model: dict[str, Any] = field(repr=False)
    pairs: pl.DataFrame | None = field(default=None, repr=False)
    """Pairs of current records at or above the match threshold (kept in the state)."""
    units: list[str] = field(default_factory=list)
    number: int = 1
    """Units declared as expected every month (``units=`` of any compilation)."""

    @property
    def missing_returns(self) -> pl.DataFrame:
        """The unit and month of every return that never arrived."""
        periods = [c for c in self.coverage.columns if c != "unit"]
        return (
            self.coverage.unpivot(index="unit", on=periods, variable_name="period")
            .filter(pl.col("value") == "missing")
            .select("unit", "period")
            .sort("unit", "period")
        )

    def summary(self) -> str:
        """A short plain-text summary."""
        counts = dict(self.changes.group_by("event").len().iter_rows())
        lines = [
            f"compilation {self.number}: {self.records.height} records, "
            f"{self.records['person_id'].n_unique()} persons, "
            f"{self.coverage.height} units, "
            f"{self.coverage.width - 1} month(s)",
            f"missing returns: {self.missing_returns.height}",
            f"revisions applied: {self.revisions.select('unit', 'period').unique().height}",
        ]
        lines += [f"  {e}: {counts.get(e, 0)}" for e in _EVENTS]
        flagged = self.stock_flow.filter(pl.col("issues").list.len() > 0).height
        lines.append(f"stock-and-flow findings: {flagged} unit-month(s)")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary()

    def save(self, directory: str | os.PathLike[str]) -> Path:
        """Write the state for the next compilation into ``directory``.

        Parameters
        ----------
        directory
            Created if missing; its state files are replaced.

        Returns
        -------
        pathlib.Path
        """
        d = Path(directory)
        d.mkdir(parents=True, exist_ok=True)
        self.records.write_parquet(d / "records.parquet")
        self.returns.write_parquet(d / "returns.parquet")
        self.coverage.write_parquet(d / "coverage.parquet")
        if self.pairs is not None:
            self.pairs.write_parquet(d / "pairs.parquet")
        self.stock_flow.write_parquet(d / "stock_flow.parquet")
        (d / "model.json").write_text(json.dumps(self.model, indent=1), "utf-8")
        history = d / "changes"
        history.mkdir(exist_ok=True)
        self.changes.write_parquet(history / f"changes_{self.number:04d}.parquet")
        self.revisions.write_parquet(history / f"revisions_{self.number:04d}.parquet")
        meta = {
            "format_version": 1,
            "tipsom_version": _core.__version__,
            "compilations": self.number,
            "units": self.units,
        }
        (d / "meta.json").write_text(json.dumps(meta, indent=1), "utf-8")
        return d


# -- input ----------------------------------------------------------------------------
def _period_of(value: str | None) -> str | None:
    if value is None:
        return None
    m = _PERIOD.match(str(value).strip())
    return f"{m.group(1)}-{m.group(2)}" if m else None


def _check_period(period: str) -> str:
    p = _period_of(period)
    if p is None:
        msg = f"`period` must be a month as 'YYYY-MM', got {period!r}"
        raise InvalidArgumentError(msg)
    return p


def _months(first: str, last: str) -> list[str]:
    y, m = int(first[:4]), int(first[5:7])
    out = []
    while f"{y:04d}-{m:02d}" <= last:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _previous_month(period: str) -> str:
    y, m = int(period[:4]), int(period[5:7])
    y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return f"{y:04d}-{m:02d}"


def _read_input(
    new_returns: Any,
    period: str | None,
    on_error: Literal["raise", "report"],
    progress: Progress | None,
) -> tuple[pl.DataFrame, ReadReport | None]:
    if isinstance(new_returns, (str, os.PathLike)) or (
        isinstance(new_returns, Sequence)
        and not isinstance(new_returns, (bytes, bytearray))
        and all(isinstance(p, (str, os.PathLike)) for p in new_returns)
    ):
        raw, report = read_returns(
            new_returns, with_report=True, on_error=on_error, progress=progress
        )
    else:
        raw, report = to_polars(new_returns, argument="new_returns"), None
    if "source" not in raw.columns:
        msg = "new_returns: column 'source' (the reporting unit) not found"
        raise SchemaError(msg)
    given = _check_period(period) if period is not None else None
    if "period" in raw.columns:
        from_column = (
            pl.col("period")
            .cast(pl.String)
            .map_elements(_period_of, return_dtype=pl.String)
        )
        raw = raw.with_columns(
            period=from_column if given is None else from_column.fill_null(given)
        )
    elif given is not None:
        raw = raw.with_columns(period=pl.lit(given))
    else:
        msg = (
            "the returns carry no reporting month: pass `period='YYYY-MM'` "
            "(or send them in the tipsom template, which has a month column)"
        )
        raise InvalidArgumentError(msg)
    bad = raw.filter(pl.col("period").is_null() | pl.col("source").is_null())
    if bad.height:
        row = bad.row(0, named=True)
        where = f"{row.get('source_file') or 'input'} row {row.get('source_row')}"
        msg = (
            f"{bad.height} record(s) without a unit or a month as YYYY-MM "
            f"(first: {where}); pass `period=` or correct the column"
        )
        raise InvalidArgumentError(msg)
    if "revision" in raw.columns:
        raw = raw.with_columns(
            pl.col("revision")
            .cast(pl.String)
            .str.strip_chars()
            .cast(pl.Int64, strict=False)
        )
    else:
        raw = raw.with_columns(revision=pl.lit(None, dtype=pl.Int64))
    return raw, report


def _load_state(previous: str | os.PathLike[str] | None) -> dict[str, Any] | None:
    if previous is None:
        return None
    d = Path(previous)
    if not d.exists() or not any((d / f).exists() for f in _STATE_FILES):
        return None
    missing = [f for f in _STATE_FILES if not (d / f).exists()]
    if missing:
        msg = f"state directory '{d}' is incomplete: {', '.join(missing)} missing"
        raise InvalidArgumentError(msg)
    meta = json.loads((d / "meta.json").read_text("utf-8"))
    pairs = d / "pairs.parquet"
    return {
        "pairs": pl.read_parquet(pairs) if pairs.exists() else None,
        "records": pl.read_parquet(d / "records.parquet"),
        "returns": pl.read_parquet(d / "returns.parquet"),
        "model": json.loads((d / "model.json").read_text("utf-8")),
        "meta": meta,
    }


def load(directory: str | os.PathLike[str]) -> Compilation:
    """The last compilation kept in a state directory (without its linkage object).

    Parameters
    ----------
    directory
        A directory written by :func:`compile` or :meth:`Compilation.save`.

    Returns
    -------
    Compilation

    Raises
    ------
    InvalidArgumentError
        The directory holds no (or an incomplete) state.
    """
    state = _load_state(directory)
    if state is None:
        msg = f"'{directory}' holds no tipsom compilation state"
        raise InvalidArgumentError(msg)
    d = Path(directory)
    number = int(state["meta"]["compilations"])
    history = d / "changes"

    def frame(name: str) -> pl.DataFrame:
        path = d / name
        return pl.read_parquet(path) if path.exists() else pl.DataFrame()

    changes = history / f"changes_{number:04d}.parquet"
    revisions = history / f"revisions_{number:04d}.parquet"
    return Compilation(
        records=state["records"],
        coverage=frame("coverage.parquet"),
        returns=state["returns"],
        revisions=pl.read_parquet(revisions) if revisions.exists() else pl.DataFrame(),
        changes=pl.read_parquet(changes) if changes.exists() else pl.DataFrame(),
        stock_flow=frame("stock_flow.parquet"),
        read_report=None,
        linkage=None,
        model=state["model"],
        pairs=state["pairs"],
        units=list(state["meta"].get("units", [])),
        number=number,
    )


# -- revisions ------------------------------------------------------------------------
def _value_key(frame: pl.DataFrame, cols: Sequence[str]) -> pl.Series:
    present = [c for c in cols if c in frame.columns]
    if not present:
        return pl.Series([None] * frame.height, dtype=pl.String)
    exprs = [
        (
            pl.col(c).list.join(";")
            if isinstance(frame.schema[c], pl.List)
            else pl.col(c).cast(pl.String)
        ).fill_null("")
        for c in present
    ]
    key = frame.select(pl.concat_str(exprs, separator="\x1f").alias("k"))["k"]
    empty = "\x1f".join([""] * len(present))
    return key.set(key == empty, None)  # type: ignore[arg-type]


def _diff(
    old: pl.DataFrame, new: pl.DataFrame
) -> list[tuple[str, str | None, str | None, list[str]]]:
    """Pair the records of a return and its revision; (change, new_id, old_id, fields)."""
    fields = [c for c in _DIFF_FIELDS if c in old.columns or c in new.columns]
    old = old.sort("record_id")
    new = new.sort("record_id")
    old_rows = old.to_dicts()
    new_rows = new.to_dicts()
    matched_old: dict[int, int] = {}
    taken_new: set[int] = set()
    case_cols = ["case_id", "fir_no"]
    passes = [
        fields,  # unchanged
        ["cnic"],
        [*case_cols, "name_key"],
        [*case_cols, "father_name_key", "sex"],
        ["source_row"],
    ]
    for cols in passes:
        ko = _value_key(old, cols).to_list()
        kn = _value_key(new, cols).to_list()
        used = set(matched_old.values())
        index: dict[str, list[int]] = {}
        for i, k in enumerate(ko):
            if k is not None and i not in used:
                index.setdefault(k, []).append(i)
        for j, k in enumerate(kn):
            if j in taken_new or k is None or not index.get(k):
                continue
            i = index[k].pop(0)
            matched_old[j] = i
            taken_new.add(j)
    out: list[tuple[str, str | None, str | None, list[str]]] = []
    for j, row in enumerate(new_rows):
        if j in matched_old:
            o = old_rows[matched_old[j]]
            changed = [f for f in fields if o.get(f) != row.get(f)]
            out.append(
                (
                    "changed" if changed else "unchanged",
                    row["record_id"],
                    o["record_id"],
                    changed,
                )
            )
        else:
            out.append(("added", row["record_id"], None, []))
    used = set(matched_old.values())
    out += [
        ("removed", None, o["record_id"], [])
        for i, o in enumerate(old_rows)
        if i not in used
    ]
    return out


# -- linking and events -----------------------------------------------------------------
class _Union:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            keep, drop = sorted((ra, rb))
            self.parent[drop] = keep


def _threshold(settings: dict[str, Any]) -> float:
    return float(
        settings.get("clustering", {}).get("threshold_match_probability", 0.97)
    )


def _why(linkage: Linkage, a: str, b: str) -> str:
    """The comparisons that carried a pair, without any value."""
    try:
        table = linkage.explain(a, b).table
    except Exception:
        return ""
    rows = table.filter(
        ~pl.col("comparison").is_in(["prior", "total"]) & (pl.col("match_weight") > 0)
    ).sort("match_weight", descending=True)
    parts = [
        f"{c} {lv}" for c, lv in rows.select("comparison", "level").head(4).iter_rows()
    ]
    return ", ".join(parts)


def _describe(rec: dict[str, Any]) -> str:
    return f"{rec['source']} {rec['period']} (record {rec['record_id']})"


def _events(
    *,
    previous: pl.DataFrame | None,
    current: pl.DataFrame,
    predecessor: dict[str, str],
    new_ids: set[str],
    pairs: pl.DataFrame,
    linkage: Linkage,
    revision_note: dict[str, str],
    threshold: float,
) -> pl.DataFrame:
    """The change report between the previous and the current persons."""
    prev_person: dict[str, str] = {}
    prev_units: dict[str, set[str]] = {}
    prev_records: dict[str, list[dict[str, Any]]] = {}
    if previous is not None and previous.height:
        for rec in previous.select(
            "record_id", "person_id", "source", "period"
        ).iter_rows(named=True):
            prev_person[rec["record_id"]] = rec["person_id"]
            prev_units.setdefault(rec["person_id"], set()).add(rec["source"])
            prev_records.setdefault(rec["person_id"], []).append(rec)
    cur = current.select("record_id", "person_id", "source", "period")
    cur_rows = {r["record_id"]: r for r in cur.iter_rows(named=True)}

    def origin_person(rid: str) -> str | None:
        if rid in prev_person:
            return prev_person[rid]
        pred = predecessor.get(rid)
        return prev_person.get(pred) if pred else None

    best: dict[tuple[str, str], float] = {}
    by_record: dict[str, list[tuple[str, float]]] = {}
    for a, b, p in pairs.select(
        "record_id_l", "record_id_r", "match_probability"
    ).iter_rows():
        by_record.setdefault(a, []).append((b, p))
        by_record.setdefault(b, []).append((a, p))
        best[(a, b)] = best[(b, a)] = p

    def best_link(rid: str, among: Iterable[str]) -> tuple[str | None, float]:
        s = set(among)
        cands = [(o, p) for o, p in by_record.get(rid, []) if o in s]
        if not cands:
            return None, 0.0
        o, p = max(cands, key=lambda t: (t[1], t[0]))
        return o, p

    # The current records that stand for each previous person (kept or revised).
    origin_members: dict[str, list[str]] = {}
    for rid in cur_rows:
        o = origin_person(rid)
        if o is not None:
            origin_members.setdefault(o, []).append(rid)
    events: list[dict[str, Any]] = []
    members: dict[str, list[str]] = {}
    for rid, row in cur_rows.items():
        members.setdefault(row["person_id"], []).append(rid)
    for pid in sorted(members):
        rids = sorted(members[pid])
        origins = sorted({o for r in rids if (o := origin_person(r)) is not None})
        fresh = [r for r in rids if r in new_ids and r not in predecessor]
        if not origins:
            first = cur_rows[rids[0]]
            units = sorted({cur_rows[r]["source"] for r in rids})
            events.append(
                {
                    "event": "new_person",
                    "person_id": pid,
                    "previous_person_ids": [],
                    "unit": first["source"],
                    "period": first["period"],
                    "record_ids": rids,
                    "explanation": f"first recorded by {', '.join(units)} in "
                    f"{first['period']} ({len(rids)} record(s)); no match among the "
                    "persons known before",
                }
            )
            continue
        if len(origins) >= 2:
            # Which new (or revised) record joins them, and how strongly.
            reasons = []
            for r in rids:
                if r in prev_person and prev_person[r] in origins and r not in new_ids:
                    continue
                for o in origins:
                    other, p = best_link(r, origin_members.get(o, []))
                    if other is not None and p >= threshold:
                        why = _why(linkage, r, other)
                        reasons.append(
                            f"{_describe(cur_rows[r])} matches person {o} "
                            f"(probability {p:.3f}{': ' + why if why else ''})"
                        )
            events.append(
                {
                    "event": "merge",
                    "person_id": pid,
                    "previous_person_ids": origins,
                    "unit": None,
                    "period": None,
                    "record_ids": rids,
                    "explanation": f"persons {', '.join(origins)} are one person now: "
                    + ("; ".join(reasons) if reasons else "their records now match")
                    + f"; the person keeps the id {pid}",
                }
            )
        for r in fresh:
            rec = cur_rows[r]
            units = set().union(*(prev_units.get(o, set()) for o in origins))
            seen_before = sorted(
                x for o in origins for x in origin_members.get(o, []) if x != r
            )
            other, p = best_link(r, seen_before)
            why = _why(linkage, r, other) if other else ""
            event = (
                "seen_again_same_unit"
                if rec["source"] in units
                else "seen_again_other_unit"
            )
            link = (
                f"; matches record {other} (probability {p:.3f}{': ' + why if why else ''})"
                if other
                else ""
            )
            events.append(
                {
                    "event": event,
                    "person_id": pid,
                    "previous_person_ids": origins,
                    "unit": rec["source"],
                    "period": rec["period"],
                    "record_ids": [r],
                    "explanation": f"recorded by {rec['source']} in {rec['period']}; "
                    f"known before from {', '.join(sorted(units))}{link}",
                }
            )
    # Splits and withdrawals: where did each previous person's records go?
    for o in sorted(prev_records):
        now: dict[str, list[str]] = {}
        for rid, row in cur_rows.items():
            if origin_person(rid) == o:
                now.setdefault(row["person_id"], []).append(rid)
        gone = sorted(
            r["record_id"] for r in prev_records[o] if r["record_id"] not in cur_rows
        )
        notes = sorted({revision_note[g] for g in gone if g in revision_note})
        cause = "; ".join(notes) if notes else "records changed"
        if not now:
            events.append(
                {
                    "event": "withdrawn",
                    "person_id": None,
                    "previous_person_ids": [o],
                    "unit": None,
                    "period": None,
                    "record_ids": gone,
                    "explanation": f"person {o} is no longer in any return: {cause}",
                }
            )
        elif len(now) >= 2:
            parts = sorted(now)
            cross = 0.0
            for i, a in enumerate(parts):
                for b in parts[i + 1 :]:
                    for x in now[a]:
                        for y in now[b]:
                            cross = max(cross, best.get((x, y), 0.0))
            events.append(
                {
                    "event": "split",
                    "person_id": None,
                    "previous_person_ids": [o],
                    "unit": None,
                    "period": None,
                    "record_ids": sorted(r for p in parts for r in now[p]),
                    "explanation": f"person {o} is now {len(parts)} persons "
                    f"({', '.join(parts)}): {cause}; the best match left between "
                    f"the parts has probability {cross:.3f}",
                }
            )
    schema = {
        "event": pl.String,
        "person_id": pl.String,
        "previous_person_ids": pl.List(pl.String),
        "unit": pl.String,
        "period": pl.String,
        "record_ids": pl.List(pl.String),
        "explanation": pl.String,
    }
    order = {e: i for i, e in enumerate(_EVENTS)}
    events.sort(
        key=lambda e: (order[e["event"]], e["person_id"] or "", e["record_ids"])
    )
    return pl.DataFrame(events, schema=schema)


# -- stock and flow ----------------------------------------------------------------------
def _stock_flow(records: pl.DataFrame, coverage: pl.DataFrame) -> pl.DataFrame:
    """Cases per unit and month that the unit owes a return for.

    A case is its ``case_id`` (else its FIR number) within the unit; a return lists the
    cases the unit worked on that month. ``brought_forward - not_reported + new +
    reappeared - closed == pending`` holds by construction; the findings are the terms
    that should be zero.
    """
    schema = {
        "unit": pl.String,
        "period": pl.String,
        "brought_forward": pl.Int64,
        "new": pl.Int64,
        "reappeared": pl.Int64,
        "closed": pl.Int64,
        "not_reported": pl.Int64,
        "pending": pl.Int64,
        "issues": pl.List(pl.String),
    }
    case_cols = [c for c in ("case_id", "fir_no") if c in records.columns]
    status = (
        pl.col("case_status").cast(pl.String)
        if "case_status" in records.columns
        else pl.lit(None, dtype=pl.String)
    )
    case = (
        pl.coalesce([pl.col(c).cast(pl.String) for c in case_cols])
        if case_cols
        else pl.lit(None, dtype=pl.String)
    )
    cases = (
        records.select(
            pl.col("source").alias("unit"),
            "period",
            case.alias("case"),
            status.is_in(list(_CLOSED)).fill_null(False).alias("is_closed"),
        )
        .drop_nulls("case")
        .group_by("unit", "period", "case")
        .agg(pl.col("is_closed").any())
    )
    by_return: dict[tuple[str, str], dict[str, bool]] = {}
    for unit, per, c, closed in cases.iter_rows():
        by_return.setdefault((unit, per), {})[c] = closed
    n_records = dict(
        ((u, p), n)
        for u, p, n in records.group_by("source", "period").len().iter_rows()
    )
    months = [c for c in coverage.columns if c != "unit"]
    rows = []
    for row in coverage.iter_rows(named=True):
        unit = row["unit"]
        seen: set[str] = set()
        open_prev: set[str] = set()
        for p in months:
            if row[p] is None:
                continue
            if row[p] == "missing":
                rows.append(
                    {
                        "unit": unit,
                        "period": p,
                        "brought_forward": len(open_prev),
                        "issues": ["stock.return_missing"],
                    }
                )
                continue
            now = by_return.get((unit, p), {})
            present = set(now)
            new = present - seen
            reappeared = (present & seen) - open_prev
            closed = {c for c in present if now[c]}
            pending = present - closed
            not_reported = open_prev - present
            issues = []
            if n_records.get((unit, p)) and not present:
                issues.append("stock.no_case_numbers")
            if not_reported:
                issues.append("stock.case_not_reported")
            if reappeared:
                issues.append("stock.case_reappeared")
            rows.append(
                {
                    "unit": unit,
                    "period": p,
                    "brought_forward": len(open_prev),
                    "new": len(new),
                    "reappeared": len(reappeared),
                    "closed": len(closed),
                    "not_reported": len(not_reported),
                    "pending": len(pending),
                    "issues": issues,
                }
            )
            seen |= present
            open_prev = pending
    return pl.DataFrame(rows, schema=schema)


# -- compile ----------------------------------------------------------------------------
def compile(
    new_returns: Any,
    previous: str | os.PathLike[str] | None = None,
    *,
    save_to: str | os.PathLike[str] | None = None,
    period: str | None = None,
    units: Iterable[str] | None = None,
    settings: dict[str, Any] | str | os.PathLike[str] | None = None,
    on_error: Literal["raise", "report"] = "raise",
    progress: Progress | None = None,
) -> Compilation:
    """Compile this month's returns onto the state of the last compilation.

    Parameters
    ----------
    new_returns
        Files, directories or glob patterns (read with :func:`tipsom.read_returns`),
        or a frame of records as ``read_returns`` gives them (text columns, with
        ``source``). The month of each record comes from its ``period`` column (the
        template has one) or from ``period=``; the revision from its ``revision``
        column, or, when absent, one above the revision in force for that unit and
        month (a return sent again replaces the earlier one).
    previous
        The state directory of the last compilation; None (or a directory without
        state) for the first.
    save_to
        Where to write the new state; by default ``previous`` (updated in place). When
        both are None nothing is written (call :meth:`Compilation.save`).
    period
        The month (``"YYYY-MM"``) of records that carry none.
    units
        The units expected to report every month; the coverage matrix lists them with
        every unit that ever sent a return.
    settings
        Linkage settings or a trained model for the first compilation (later ones reuse
        the model kept in the state). By default :func:`tipsom.default_settings`,
        trained on the first month's records.
    on_error
        As in :func:`tipsom.read_returns`.
    progress
        Called as ``progress(stage, done, total)``.

    Returns
    -------
    Compilation

    Raises
    ------
    InvalidArgumentError
        A record without a unit or month, a malformed ``period``, an incomplete state
        directory.
    SchemaError
        ``new_returns`` has no ``source`` column.

    Examples
    --------
    >>> import polars as pl
    >>> import tipsom as ts
    >>> raw = ts.datasets.circle_returns(60, seed=4, truth=False)
    >>> may = raw.filter(pl.col("source") != "FIA AHTC Quetta")
    >>> c = ts.hq.compile(may, period="2025-05")
    >>> c.changes["event"].unique().to_list()
    ['new_person']
    >>> june = ts.hq.compile(raw.filter(pl.col("source") == "FIA AHTC Quetta"),
    ...                      period="2025-06", save_to=None, previous=None)
    >>> june.records["period"].unique().to_list()
    ['2025-06']
    """
    if on_error not in ("raise", "report"):
        msg = f"`on_error` must be one of {{'raise', 'report'}}, got {on_error!r}"
        raise InvalidArgumentError(msg)
    state = _load_state(previous)
    raw, read_report = _read_input(new_returns, period, on_error, progress)
    number = 1 + (state["meta"]["compilations"] if state else 0)
    prev_records = state["records"] if state else None
    log = (
        state["returns"]
        if state
        else pl.DataFrame(
            schema={
                "unit": pl.String,
                "period": pl.String,
                "revision": pl.Int64,
                "records": pl.Int64,
                "compilation": pl.Int64,
                "status": pl.String,
                "files": pl.List(pl.String),
            }
        )
    )
    in_force = {
        (u, p): r
        for u, p, r in log.filter(pl.col("status") == "current")
        .select("unit", "period", "revision")
        .iter_rows()
    }

    # One return per unit, month and revision; decide which replace what.
    if "source_file" not in raw.columns:
        raw = raw.with_columns(source_file=pl.lit(None, dtype=pl.String))
    groups = (
        raw.group_by("source", "period", "revision", maintain_order=True)
        .agg(
            pl.len().alias("records"),
            pl.col("source_file").drop_nulls().unique().sort().alias("files"),
        )
        .sort("source", "period", "revision", nulls_last=False)
    )
    new_log: list[dict[str, Any]] = []
    accepted: dict[tuple[str, str], int] = {}
    for unit, per, rev, n, files in groups.iter_rows():
        base = accepted.get((unit, per), in_force.get((unit, per), -1))
        revision = rev if rev is not None else base + 1
        status = "current" if revision > base else "ignored"
        if status == "current":
            for row in new_log:
                if (row["unit"], row["period"]) == (unit, per) and row[
                    "status"
                ] == "current":
                    row["status"] = "replaced"
            accepted[(unit, per)] = revision
        new_log.append(
            {
                "unit": unit,
                "period": per,
                "revision": revision,
                "raw_revision": rev,
                "records": n,
                "compilation": number,
                "status": status,
                "files": files,
            }
        )
    keep = {
        (r["unit"], r["period"], r["raw_revision"]): r["revision"]
        for r in new_log
        if r["status"] == "current"
    }
    raw = raw.with_columns(
        pl.struct("source", "period", "revision")
        .map_elements(
            lambda s: keep.get((s["source"], s["period"], s["revision"]), -1),
            return_dtype=pl.Int64,
        )
        .alias("revision")
    ).filter(pl.col("revision") >= 0)
    log = log.with_columns(
        pl.struct("unit", "period", "status")
        .map_elements(
            lambda s: (
                "replaced"
                if s["status"] == "current" and (s["unit"], s["period"]) in accepted
                else s["status"]
            ),
            return_dtype=pl.String,
        )
        .alias("status")
    )
    log = (
        pl.concat(
            [
                log,
                pl.DataFrame(new_log, schema_overrides={"files": pl.List(pl.String)})
                .drop("raw_revision")
                .select(log.columns),
            ],
            how="vertical_relaxed",
        )
        if new_log
        else log
    )

    # Normalize and give every record a stable id: month/unit/revision/number.
    if "record_id" in raw.columns:
        raw = raw.rename({"record_id": "return_record_id"})
    sort_cols = [
        c for c in ("source_file", "source_sheet", "source_row") if c in raw.columns
    ]
    raw = raw.with_row_index("__order").sort(
        ["source", "period", *sort_cols, "__order"], nulls_last=True
    )
    raw = raw.with_columns(
        pl.format(
            "{}/{}/r{}/{}",
            "period",
            "source",
            "revision",
            (pl.int_range(pl.len()).over("source", "period") + 1)
            .cast(pl.String)
            .str.zfill(5),
        ).alias("record_id")
    ).drop("__order")
    extra = {c: raw[c] for c in ("period", "revision") if c in raw.columns}
    records = normalize(raw.drop("period", "revision"))
    records = records.with_columns(**extra)

    # Revisions: drop what they replace, diff old against new.
    revisions: list[dict[str, Any]] = []
    predecessor: dict[str, str] = {}
    revision_note: dict[str, str] = {}
    kept_prev = prev_records
    if prev_records is not None:
        replaced_keys = set(accepted)
        mask = pl.struct("source", "period").map_elements(
            lambda s: (s["source"], s["period"]) in replaced_keys,
            return_dtype=pl.Boolean,
        )
        old_part = prev_records.filter(mask)
        kept_prev = prev_records.filter(~mask)
        for (unit, per), rev in sorted(accepted.items()):
            old = old_part.filter(
                (pl.col("source") == unit) & (pl.col("period") == per)
            )
            if not old.height:
                continue
            new = records.filter((pl.col("source") == unit) & (pl.col("period") == per))
            old_rev = int(old["revision"].max())
            for change, new_id, old_id, fields in _diff(old, new):
                if new_id and old_id:
                    predecessor[new_id] = old_id
                if old_id:
                    revision_note[old_id] = (
                        f"revision {rev} of {unit} {per} replaced revision {old_rev}"
                    )
                if change != "unchanged":
                    revisions.append(
                        {
                            "unit": unit,
                            "period": per,
                            "revision": rev,
                            "replaces": old_rev,
                            "change": change,
                            "record_id": new_id,
                            "replaced_record_id": old_id,
                            "fields": fields,
                        }
                    )
    revisions_frame = pl.DataFrame(
        revisions,
        schema={
            "unit": pl.String,
            "period": pl.String,
            "revision": pl.Int64,
            "replaces": pl.Int64,
            "change": pl.String,
            "record_id": pl.String,
            "replaced_record_id": pl.String,
            "fields": pl.List(pl.String),
        },
    )

    # Link: the persons known keep their ids.
    if state:
        model = state["model"]
    elif settings is None:
        model = default_settings()
    elif isinstance(settings, dict):
        model = settings
    else:
        p = Path(settings) if not str(settings).lstrip().startswith("{") else None
        model = json.loads(p.read_text("utf-8") if p else str(settings))
    new_ids = set(records["record_id"].to_list())
    if kept_prev is not None and kept_prev.height:
        frame = pl.concat(
            [kept_prev.drop("person_id"), records], how="diagonal_relaxed"
        )
        existing: list[str | None] | None = [
            *kept_prev["person_id"].to_list(),
            *([None] * records.height),
        ]
    else:
        frame, existing = records, None
    core = _run(frame, bytes(frame.height), model, existing, progress)
    linkage = Linkage(core, frame, original=frame)
    model = linkage.settings
    threshold = _threshold(model)
    pairs = linkage.pairs.select("record_id_l", "record_id_r", "match_probability")
    strong = pairs.filter(pl.col("match_probability") >= threshold)
    stored_pairs = (
        state["pairs"] if state and state.get("pairs") is not None else strong.head(0)
    )
    ids = dict(
        zip(
            linkage.records["record_id"].to_list(),
            linkage.records["person_id"].to_list(),
            strict=True,
        )
    )

    # Splits: a person who lost records keeps only the part that still matches.
    if kept_prev is not None and prev_records is not None:
        removed = set(prev_records["record_id"].to_list()) - set(
            kept_prev["record_id"].to_list()
        )
        hit = {
            pid
            for rid, pid in prev_records.select("record_id", "person_id").iter_rows()
            if rid in removed
        }
        # An incremental run scores only the pairs with a new record, so the pairs that
        # joined the known persons come from the state (`pairs.parquet`).
        known_pairs = pl.concat(
            [stored_pairs.select(strong.columns), strong], how="vertical_relaxed"
        )
        adj: dict[str, set[str]] = {}
        for a, b in known_pairs.select("record_id_l", "record_id_r").iter_rows():
            adj.setdefault(a, set()).add(b)
            adj.setdefault(b, set()).add(a)
        old_ids = set(kept_prev["record_id"].to_list())
        before_of: dict[str, list[str]] = {}
        for rid, pid in prev_records.select("record_id", "person_id").iter_rows():
            if pid in hit:
                before_of.setdefault(pid, []).append(rid)
        for pid in sorted(hit):
            mine = sorted(r for r, p in ids.items() if p == pid and r in old_ids)
            if len(mine) < 2:
                continue
            comps = _components(mine, adj)
            # Split only where the records taken away were what joined the rest.
            if len(comps) <= len(_components(before_of[pid], adj)):
                continue
            for comp in comps[1:]:
                new_pid = comp[0]
                for r in comp:
                    ids[r] = new_pid
            # New records the core put with this person go where they match best.
            for r in [r for r, p in ids.items() if p == pid and r in new_ids]:
                scores = [
                    (
                        max(
                            (p for o, p in _pairs_of(strong, r) if o in comp),
                            default=0.0,
                        ),
                        comp[0] if i else pid,
                    )
                    for i, comp in enumerate(comps)
                ]
                ids[r] = max(scores)[1]

    # Merges: a new record that matches persons kept apart joins them (smallest id stays).
    # Only persons known before are joined here: the core already clustered the new
    # records among themselves, and put each with at most one known person.
    old_persons = {ids[r] for r in ids if r not in new_ids}
    union = _Union()
    for a, b in strong.select("record_id_l", "record_id_r").iter_rows():
        if (a in new_ids or b in new_ids) and ids[a] != ids[b]:
            pa, pb = ids[a], ids[b]
            if pa in old_persons and pb in old_persons:
                union.union(pa, pb)
    ids = {r: union.find(p) for r, p in ids.items()}
    person_ids = pl.Series("person_id", [ids[r] for r in frame["record_id"].to_list()])
    current = frame.with_columns(person_ids)

    changes = _events(
        previous=prev_records,
        current=current,
        predecessor=predecessor,
        new_ids=new_ids,
        pairs=pairs,
        linkage=linkage,
        revision_note=revision_note,
        threshold=threshold,
    )

    # Coverage: a unit named in `units` owes every month; any other unit owes the
    # months from its first return on.
    declared = sorted(
        set(units or ()) | set(state["meta"].get("units", []) if state else ())
    )
    expected = sorted(set(declared) | set(log["unit"].to_list()))
    periods_seen = sorted(set(log["period"].to_list()))
    months = _months(periods_seen[0], periods_seen[-1]) if periods_seen else []
    in_force = {
        (u, p): r
        for u, p, r in log.filter(pl.col("status") == "current")
        .select("unit", "period", "revision")
        .iter_rows()
    }
    first_return = dict(log.group_by("unit").agg(pl.col("period").min()).iter_rows())

    def cell(u: str, m: str) -> str | None:
        if (u, m) in in_force:
            return f"r{in_force[(u, m)]}"
        if u in declared or m >= first_return.get(u, m):
            return "missing"
        return None

    coverage = pl.DataFrame(
        [{"unit": u, **{m: cell(u, m) for m in months}} for u in expected],
        schema={"unit": pl.String, **dict.fromkeys(months, pl.String)},
    )
    stock = _stock_flow(current, coverage)
    return_compilation = Compilation(
        records=current,
        coverage=coverage,
        returns=log.sort("unit", "period", "revision"),
        revisions=revisions_frame,
        changes=changes,
        stock_flow=stock,
        read_report=read_report,
        linkage=linkage,
        model=model,
        pairs=pl.concat(
            [stored_pairs.select(strong.columns), strong], how="vertical_relaxed"
        )
        .filter(
            pl.col("record_id_l").is_in(current["record_id"].implode())
            & pl.col("record_id_r").is_in(current["record_id"].implode())
        )
        .unique(["record_id_l", "record_id_r"], keep="last", maintain_order=True),
        units=declared,
        number=number,
    )
    target = save_to if save_to is not None else previous
    if target is not None:
        return_compilation.save(target)
    return return_compilation


def _components(nodes: Iterable[str], adj: dict[str, set[str]]) -> list[list[str]]:
    """Connected components of ``nodes`` in ``adj``, each sorted, by smallest member."""
    left = set(nodes)
    comps: list[list[str]] = []
    while left:
        start = min(left)
        stack, comp = [start], {start}
        while stack:
            x = stack.pop()
            for y in adj.get(x, ()):
                if y in left and y not in comp:
                    comp.add(y)
                    stack.append(y)
        left -= comp
        comps.append(sorted(comp))
    return comps


def _pairs_of(pairs: pl.DataFrame, rid: str) -> list[tuple[str, float]]:
    out = []
    for a, b, p in pairs.filter(
        (pl.col("record_id_l") == rid) | (pl.col("record_id_r") == rid)
    ).iter_rows():
        out.append((b if a == rid else a, p))
    return out


# -- feedback ---------------------------------------------------------------------------
#: Field names in plain English and Urdu.
_FIELD_WORDS: dict[str, tuple[str, str]] = {
    "name": ("name", "نام"),
    "father_name": ("father's name", "والد کا نام"),
    "husband_name": ("husband's name", "شوہر کا نام"),
    "sex": ("sex", "جنس"),
    "age": ("age", "عمر"),
    "date_of_birth": ("date of birth", "تاریخ پیدائش"),
    "cnic": ("CNIC / B-form number", "شناختی کارڈ / ب فارم نمبر"),
    "passport": ("passport number", "پاسپورٹ نمبر"),
    "phone": ("phone number", "فون نمبر"),
    "nationality": ("nationality", "قومیت"),
    "district": ("district", "ضلع"),
    "province": ("province", "صوبہ"),
    "date": ("date of FIR or identification", "تاریخ ایف آئی آر / شناخت"),
    "law": ("sections of law", "دفعات قانون"),
    "law_sections": ("sections of law", "دفعات قانون"),
    "crime_type": ("crime type", "جرم کی قسم"),
    "exploitation": ("form of exploitation", "استحصال کی قسم"),
    "case_status": ("case status", "مقدمہ کی صورتحال"),
    "protection_status": ("protection status", "تحفظ کی صورتحال"),
    "destination": ("destination country", "منزل ملک"),
    "role": ("role", "کردار"),
    "record_id": ("record number", "ریکارڈ نمبر"),
}

#: What each kind of problem means, with ``{f}`` for the field.
_KIND_WORDS: dict[str, tuple[str, str]] = {
    "length": ("{f} does not have the right number of digits", "{f} کے ہندسوں کی تعداد درست نہیں"),
    "province": ("{f} starts with a digit that is no province", "{f} کا پہلا ہندسہ کسی صوبے کا نہیں"),
    "excel_precision": ("{f} was stored as a number and Excel rounded its last digits; enter it as text", "{f} بطور عدد محفوظ ہوا اور ایکسل نے آخری ہندسے بدل دیے؛ بطور متن لکھیں"),
    "placeholder": ("{f} is a placeholder such as 00000-0000000-0", "{f} فرضی نمبر ہے"),
    "multiple": ("{f} holds more than one value in one cell", "{f} کے ایک خانے میں ایک سے زیادہ اندراج ہیں"),
    "ambiguous": ("{f} could be read day-first or month-first; write day/month/year", "{f} دو طرح پڑھی جا سکتی ہے؛ دن/مہینہ/سال لکھیں"),
    "month_first": ("{f} seems written month first; write day/month/year", "{f} مہینہ پہلے لکھی گئی؛ دن/مہینہ/سال لکھیں"),
    "two_digit_year": ("{f} has a two-digit year; write the full year", "{f} میں سال دو ہندسوں میں ہے؛ پورا سال لکھیں"),
    "partial": ("{f} is incomplete (month or year only)", "{f} نامکمل ہے"),
    "invalid": ("{f} is not a valid value", "{f} درست نہیں"),
    "unparsed": ("{f} could not be read", "{f} پڑھا نہیں جا سکا"),
    "from_text": ("{f} was found inside free text, not in its own column", "{f} اپنے کالم کے بجائے عبارت میں ملا"),
    "fuzzy": ("{f} is misspelt; choose it from the list", "{f} کے ہجے غلط ہیں؛ فہرست سے منتخب کریں"),
    "unknown": ("{f} is not a known value; choose it from the list", "{f} فہرست میں نہیں؛ فہرست سے منتخب کریں"),
    "misspelling": ("{f} is misspelt; choose it from the list", "{f} کے ہجے غلط ہیں؛ فہرست سے منتخب کریں"),
    "abbreviation": ("{f} is abbreviated; choose the full value from the list", "{f} مخفف میں ہے؛ فہرست سے پورا اندراج منتخب کریں"),
    "acronym": ("{f} is an acronym; choose the full value from the list", "{f} مخفف میں ہے؛ فہرست سے پورا اندراج منتخب کریں"),
    "unrecognized": ("{f} is not recognised; choose it from the list", "{f} پہچانا نہیں گیا؛ فہرست سے منتخب کریں"),
    "from_name": ("{f} was guessed from the name; please enter it", "{f} نام سے اندازہ لگایا گیا؛ براہ کرم درج کریں"),
    "from_cnic": ("{f} was taken from the CNIC; please enter it", "{f} شناختی کارڈ سے لیا گیا؛ براہ کرم درج کریں"),
    "range": ("{f} is a range, not one number", "{f} ایک عدد کے بجائے حد ہے"),
    "approximate": ("{f} is approximate", "{f} اندازاً ہے"),
    "category_only": ("{f} gives only a category (adult/minor), not the years", "{f} میں صرف بالغ/نابالغ لکھا ہے، سال نہیں"),
    "out_of_range": ("{f} is outside 0-120 years", "{f} 0 سے 120 سال کے درمیان نہیں"),
    "dob_conflict": ("{f} does not agree with the date of birth", "{f} تاریخ پیدائش سے مطابقت نہیں رکھتی"),
    "cnic_parity_conflict": ("{f} does not agree with the CNIC's last digit (odd male, even female)", "{f} شناختی کارڈ کے آخری ہندسے سے مطابقت نہیں رکھتی"),
    "district_conflict": ("{f} does not agree with the district", "{f} ضلع سے مطابقت نہیں رکھتا"),
    "after_date": ("{f} is after the date of the case", "{f} مقدمے کی تاریخ کے بعد ہے"),
    "is_age": ("{f} holds an age, not a date", "{f} میں عمر لکھی ہے، تاریخ نہیں"),
    "is_date_of_birth": ("{f} holds a date of birth, not an age", "{f} میں تاریخ پیدائش لکھی ہے، عمر نہیں"),
    "duplicate": ("{f} repeats another row's", "{f} کسی اور قطار سے دہرایا گیا"),
    "format": ("{f} is not in the usual format", "{f} معمول کی شکل میں نہیں"),
    "mobile_prefix": ("{f} has an unknown mobile prefix", "{f} کا موبائل کوڈ نامعلوم ہے"),
    "subsection_missing": ("{f}: the subsection is missing", "{f}: ذیلی دفعہ درج نہیں"),
    "section_without_law": ("{f}: a section is given without its law (PPC, PTPA, PSMA...)", "{f}: دفعہ کے ساتھ قانون کا نام نہیں"),
    "repealed": ("{f}: the law was repealed before the date of the case", "{f}: قانون مقدمے کی تاریخ سے پہلے منسوخ ہو چکا تھا"),
    "not_yet_in_force": ("{f}: the law was not yet in force at the date of the case", "{f}: قانون مقدمے کی تاریخ پر نافذ نہیں تھا"),
    "inferred": ("{f} was inferred, not written", "{f} لکھا نہیں گیا، اندازہ لگایا گیا"),
    "sections_conflict": ("{f} does not agree with the sections of law", "{f} دفعات سے مطابقت نہیں رکھتی"),
    "protection_outcome": ("{f} holds a shelter outcome; put it in the protection column", "{f} میں پناہ گاہ کا نتیجہ ہے؛ تحفظ کے کالم میں لکھیں"),
    "from_remarks": ("{f} was found in the remarks; use its own column", "{f} ریمارکس میں ملا؛ اپنا کالم استعمال کریں"),
    "from_address": ("{f} was taken from the address; fill the district column", "{f} پتے سے لیا گیا؛ ضلع کا کالم پُر کریں"),
    "from_police_station": ("{f} was taken from the police station; fill the district column", "{f} تھانے سے لیا گیا؛ ضلع کا کالم پُر کریں"),
    "from_name_cell": ("{f} was found in the name cell", "{f} نام کے خانے میں ملا"),
    "from_sections": ("{f} was inferred from the sections of law", "{f} دفعات سے اخذ کیا گیا"),
    "from_sheet": ("{f} was taken from the sheet name", "{f} شیٹ کے نام سے لیا گیا"),
    "from_source": ("{f} was taken from the unit's kind", "{f} یونٹ کی قسم سے لیا گیا"),
}  # fmt: skip


def issue_text(code: str) -> tuple[str, str]:
    """The plain-English and Urdu wording of an issue code.

    Parameters
    ----------
    code
        A code from the ``issues`` column (``"cnic.length"``...).

    Returns
    -------
    (str, str)
        English and Urdu sentences.

    Examples
    --------
    >>> issue_text("cnic.length")[0]
    'CNIC / B-form number does not have the right number of digits'
    >>> issue_text("something.new")[0]
    'something: new'
    """
    field_, _, kind = code.partition(".")
    words = _FIELD_WORDS.get(field_)
    template = _KIND_WORDS.get(kind)
    if kind.startswith("ptpa_"):
        template = (
            "{f}: the PTPA subsection does not fit the victim's age",
            "{f}: پی ٹی پی اے کی ذیلی دفعہ متاثرہ کی عمر سے مطابقت نہیں رکھتی",
        )
    if words is None or template is None:
        plain = code.replace(".", ": ", 1).replace("_", " ")
        return plain, plain
    en = template[0].format(f=words[0])
    ur = template[1].format(f=words[1])
    return en[0].upper() + en[1:] if en[0].islower() else en, ur


_SCORES: tuple[tuple[str, str, str], ...] = (
    ("complete_name", "names given", "نام درج"),
    ("complete_father_name", "father's names given", "والد کا نام درج"),
    ("share_sex_known", "sex known", "جنس معلوم"),
    ("complete_age", "ages given", "عمر درج"),
    ("complete_cnic", "CNICs given", "شناختی کارڈ درج"),
    ("valid_cnic", "CNICs valid", "درست شناختی کارڈ"),
    ("consistent_sex_cnic", "sex agrees with CNIC", "جنس اور شناختی کارڈ میں مطابقت"),
    ("complete_district", "districts given", "ضلع درج"),
    ("valid_date", "dates valid", "درست تاریخیں"),
    ("complete_law_sections", "sections of law given", "دفعات درج"),
    ("complete_case_status", "case status given", "مقدمے کی صورتحال درج"),
    (
        "share_with_issues",
        "records with a problem (lower is better)",
        "مسئلے والے ریکارڈ (کم بہتر)",
    ),
)


def _feedback_tables(
    records: pl.DataFrame, unit: str, read_report: ReadReport | None
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    units = records["source"].drop_nulls().unique().to_list()
    if unit not in units:
        msg = f"unit {unit!r} has no records; units: {', '.join(sorted(units))}"
        raise InvalidArgumentError(msg)
    q = quality(records)
    q = q.filter(pl.col("source") != "(all)")
    own = q.filter(pl.col("source") == unit)
    rows = []
    for col, en, ur in _SCORES:
        if col not in q.columns:
            continue
        rows.append(
            {
                "indicator": en,
                "indicator_urdu": ur,
                "this_unit": own[col].item(),
                "average_of_units": q[col].mean(),
            }
        )
    scores = pl.DataFrame(
        rows,
        schema={
            "indicator": pl.String,
            "indicator_urdu": pl.String,
            "this_unit": pl.Float64,
            "average_of_units": pl.Float64,
        },
    )
    mine = records.filter(pl.col("source") == unit)
    where = [
        c for c in ("source_file", "source_sheet", "source_row") if c in mine.columns
    ]
    problems = (
        mine.select(*where, pl.col("issues"))
        .explode("issues")
        .drop_nulls("issues")
        .rename({"issues": "issue"})
    )
    texts = {c: issue_text(c) for c in problems["issue"].unique().to_list()}
    problems = problems.with_columns(
        pl.col("issue")
        .replace_strict({k: v[0] for k, v in texts.items()})
        .alias("problem"),
        pl.col("issue")
        .replace_strict({k: v[1] for k, v in texts.items()})
        .alias("problem_urdu"),
    ).rename(
        {"source_file": "file", "source_sheet": "sheet", "source_row": "row"},
        strict=False,
    )
    problems = problems.sort(
        [c for c in ("file", "sheet", "row", "issue") if c in problems.columns]
    )
    read_problems = pl.DataFrame(
        schema={
            "file": pl.String,
            "sheet": pl.String,
            "row": pl.Int64,
            "column": pl.String,
            "message": pl.String,
        }
    )
    if read_report is not None and "source_file" in mine.columns:
        files = set(mine["source_file"].drop_nulls().to_list())
        read_problems = read_report.problems.filter(pl.col("file").is_in(list(files)))
    return scores, problems, read_problems


def feedback(
    records: Any,
    *,
    unit: str,
    path: str | os.PathLike[str],
    read_report: ReadReport | None = None,
) -> Path:
    """Write a unit's feedback pack: its own problem rows and its quality scores.

    The pack lists the unit's problem rows by file, sheet and row with each problem in
    plain English and Urdu (never a cell's value), its quality scores beside the
    average of all units, and, from a :class:`Compilation`, its missing returns and
    stock-and-flow findings. Nothing of any other unit is shown but the averages.

    Parameters
    ----------
    records
        A :class:`Compilation`, or normalized records of all units (polars or pandas;
        the averages are taken over their units).
    unit
        The unit (``source``) to write for.
    path
        ``.html`` (one page) or ``.xlsx`` (a workbook, needs ``openpyxl``).
    read_report
        The read report of the files, to add the unit's reading problems (taken from
        the compilation when ``records`` is one).

    Returns
    -------
    pathlib.Path

    Raises
    ------
    InvalidArgumentError
        The unit has no records, or the path ends in neither ``.html`` nor ``.xlsx``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import tipsom as ts
    >>> recs = ts.normalize(ts.datasets.circle_returns(80, seed=2, truth=False))
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> p = ts.hq.feedback(recs, unit="FIA AHTC Lahore", path=d / "lahore.html")
    >>> "average of all units" in p.read_text(encoding="utf-8")
    True
    """
    compilation = records if isinstance(records, Compilation) else None
    if compilation is not None:
        frame = compilation.records
        read_report = read_report or compilation.read_report
    else:
        frame = to_polars(records, argument="records")
    for col in ("source", "issues"):
        if col not in frame.columns:
            msg = f"records: column '{col}' not found (pass normalized records)"
            raise SchemaError(msg)
    out = Path(path)
    suffix = out.suffix.lower()
    if suffix not in (".html", ".htm", ".xlsx"):
        msg = f"`path` must end in .html or .xlsx, got '{out.name}'"
        raise InvalidArgumentError(msg)
    scores, problems, read_problems = _feedback_tables(frame, unit, read_report)
    missing = stock = None
    if compilation is not None:
        missing = compilation.missing_returns.filter(pl.col("unit") == unit).select(
            "period"
        )
        stock = compilation.stock_flow.filter(pl.col("unit") == unit).drop("unit")
    n = frame.filter(pl.col("source") == unit).height
    n_bad = (
        problems.select(
            pl.struct(
                c for c in problems.columns if c in ("file", "sheet", "row")
            ).n_unique()
        ).item()
        if problems.height
        else 0
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".xlsx":
        _feedback_xlsx(
            out, unit, n, n_bad, scores, problems, read_problems, missing, stock
        )
    else:
        _feedback_html(
            out, unit, n, n_bad, scores, problems, read_problems, missing, stock
        )
    return out


def _html_table(frame: pl.DataFrame, rtl: Sequence[str] = ()) -> str:
    head = "".join(
        f"<th>{html.escape(c.replace('_', ' '))}</th>" for c in frame.columns
    )
    body = []
    for row in frame.iter_rows():
        cells = []
        for c, v in zip(frame.columns, row, strict=True):
            if isinstance(v, float):
                text = (
                    f"{100 * v:.0f}%"
                    if c in ("this_unit", "average_of_units")
                    else f"{v:.3f}"
                )
            elif isinstance(v, list):
                text = ", ".join(map(str, v))
            else:
                text = "" if v is None else str(v)
            attr = ' dir="rtl" lang="ur"' if c in rtl else ""
            cells.append(f"<td{attr}>{html.escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _feedback_html(
    out: Path,
    unit: str,
    n: int,
    n_bad: int,
    scores: pl.DataFrame,
    problems: pl.DataFrame,
    read_problems: pl.DataFrame,
    missing: pl.DataFrame | None,
    stock: pl.DataFrame | None,
) -> None:
    u = html.escape(unit)
    parts = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'>",
        f"<title>{u}: data feedback</title>",
        "<style>body{font-family:sans-serif;max-width:1100px;margin:auto}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;"
        "padding:3px 8px;text-align:left}[lang=ur]{font-size:1.1em}</style></head><body>",
        f"<h1>{u}: data feedback</h1>",
        "<p lang='ur' dir='rtl'>ڈیٹا کے معیار پر رائے</p>",
        f"<p>{n} record(s) received; {n_bad} row(s) with at least one problem. "
        "Each problem is listed with the file, sheet and row where you can find it; "
        "no values are shown.</p>",
        "<h2>Quality scores against the average of all units</h2>",
        "<p lang='ur' dir='rtl'>معیار کے اشاریے، تمام یونٹس کی اوسط کے مقابلے میں</p>",
        _html_table(scores, rtl=("indicator_urdu",)),
    ]
    if missing is not None:
        months = ", ".join(missing["period"].to_list()) or "none"
        parts.append(
            f"<h2>Returns not received</h2><p>{html.escape(months)}</p>"
            "<p lang='ur' dir='rtl'>موصول نہ ہونے والے گوشوارے</p>"
        )
    if stock is not None and stock.height:
        parts += [
            "<h2>Cases carried forward, new and closed</h2>",
            "<p lang='ur' dir='rtl'>مقدمات: گزشتہ ماہ سے، نئے اور بند</p>",
            _html_table(stock),
        ]
    parts += [
        "<h2>Rows to correct</h2>",
        "<p lang='ur' dir='rtl'>درست کرنے والی قطاریں</p>",
        _html_table(problems.drop("issue"), rtl=("problem_urdu",))
        if problems.height
        else "<p>None.</p>",
    ]
    if read_problems.height:
        parts += ["<h2>Problems reading the files</h2>", _html_table(read_problems)]
    parts.append("</body></html>")
    out.write_text("".join(parts), encoding="utf-8")


def _feedback_xlsx(
    out: Path,
    unit: str,
    n: int,
    n_bad: int,
    scores: pl.DataFrame,
    problems: pl.DataFrame,
    read_problems: pl.DataFrame,
    missing: pl.DataFrame | None,
    stock: pl.DataFrame | None,
) -> None:
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError as err:  # pragma: no cover - depends on the environment
        msg = "writing a workbook needs openpyxl: pip install 'tipsom[excel]'"
        raise ImportError(msg) from err
    wb = Workbook()
    ws = wb.active
    ws.title = "Summary"
    ws.append([f"{unit}: data feedback / ڈیٹا کے معیار پر رائے"])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([f"{n} record(s) received; {n_bad} row(s) with at least one problem"])
    if missing is not None:
        ws.append(
            ["Returns not received", ", ".join(missing["period"].to_list()) or "none"]
        )
    ws.append([])
    ws.append(["Quality score", "معیار", "this unit", "average of all units"])
    for row in scores.iter_rows():
        ws.append(list(row))

    def sheet(name: str, frame: pl.DataFrame) -> None:
        s = wb.create_sheet(name)
        s.append(list(frame.columns))
        for row in frame.iter_rows():
            s.append(
                [", ".join(map(str, v)) if isinstance(v, list) else v for v in row]
            )

    sheet("Rows to correct", problems.drop("issue"))
    if stock is not None:
        sheet("Stock and flow", stock)
    if read_problems.height:
        sheet("Reading problems", read_problems)
    wb.save(out)
