"""The ``tipsom`` command line.

``tipsom demo`` runs the whole job on bundled synthetic returns; ``tipsom read`` turns return
files into one canonical CSV or Parquet file plus the read report. The headquarters loop:
``tipsom template`` writes the data-entry workbook for a unit, ``tipsom compile`` compiles a
month's returns onto the state of the last compilation, ``tipsom feedback`` writes each
unit's feedback pack.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import polars as pl

import tipsom as ts
from tipsom.exceptions import TipsomError


def _progress_printer(enabled: bool):  # noqa: FBT001
    if not enabled or not sys.stderr.isatty():
        return None
    state = {"last": ""}

    def show(stage: str, done: int, total: int | None) -> None:
        text = f"\r{stage}: {done}/{total}" if total else f"\r{stage}: {done}"
        if text != state["last"]:
            sys.stderr.write(text)
            sys.stderr.flush()
            state["last"] = text
        if total and done >= total:
            sys.stderr.write("\n")

    return show


def _write_frame(frame: pl.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        frame.write_parquet(path)
    elif suffix in (".csv", ".txt"):
        frame.write_csv(path)
    else:
        msg = f"output must end in .csv or .parquet, got '{path.name}'"
        raise ts.exceptions.InvalidArgumentError(msg)


def cmd_read(args: argparse.Namespace) -> int:
    """Read returns into one canonical file (text values, as read)."""
    frame, report = ts.read_returns(
        args.files,
        sheets=args.sheet,
        source=args.source,
        on_error="report" if args.keep_going else "raise",
        with_report=True,
        progress=_progress_printer(not args.quiet),
    )
    out = Path(args.output)
    _write_frame(frame, out)
    report_path = out.with_name(out.stem + "_read_report.csv")
    sheets = report.sheets
    sheets.write_csv(report_path)
    report.set_aside.write_csv(out.with_name(out.stem + "_set_aside.csv"))
    report.columns.write_csv(out.with_name(out.stem + "_columns.csv"))
    report.problems.write_csv(out.with_name(out.stem + "_problems.csv"))
    print(report.summary())
    print(f"wrote {frame.height} records to {out}")
    print(f"read report: {report_path} (+ _set_aside, _columns, _problems)")
    return 0


def _read_and_normalize(args: argparse.Namespace) -> tuple[pl.DataFrame, ts.ReadReport]:
    frame, report = ts.read_returns(
        args.files,
        sheets=args.sheet,
        source=args.source,
        on_error="report" if args.keep_going else "raise",
        with_report=True,
        progress=_progress_printer(not args.quiet),
    )
    if not args.quiet:
        print(report.summary())
    return ts.normalize(frame), report


def cmd_normalize(args: argparse.Namespace) -> int:
    """Read and normalize returns into one canonical file."""
    records, _ = _read_and_normalize(args)
    out = Path(args.output)
    if out.suffix.lower() != ".parquet":
        # CSV cannot hold list columns: join them with "; ".
        records = records.with_columns(
            pl.col(c).list.join("; ")
            for c, t in records.schema.items()
            if isinstance(t, pl.List)
        )
    _write_frame(records, out)
    print(f"wrote {records.height} normalized records to {out}")
    return 0


def cmd_link(args: argparse.Namespace) -> int:
    """Read, normalize and deduplicate returns; write records with person ids and persons."""
    records, _ = _read_and_normalize(args)
    links = ts.deduplicate(records, progress=_progress_printer(not args.quiet))
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    links.records.write_parquet(out.with_suffix(".parquet"))
    links.persons.write_parquet(out.with_name(out.stem + "_persons.parquet"))
    print(
        f"{links.records.height} records, {links.persons.height} persons: "
        f"{out.with_suffix('.parquet')} and {out.stem}_persons.parquet"
    )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Read, normalize, deduplicate and write the offline HTML report."""
    records, _ = _read_and_normalize(args)
    links = ts.deduplicate(records, progress=_progress_printer(not args.quiet))
    path = ts.report(
        records,
        links,
        path=args.output,
        suppress_below=None if args.no_suppression else args.suppress_below,
    )
    print(f"{records.height} records, {links.persons.height} persons; report: {path}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    """Run the main job on bundled synthetic returns."""
    from tipsom import demo

    return demo.run(
        Path(args.directory),
        n_persons=args.persons,
        seed=args.seed,
        quiet=args.quiet,
    )


def _csv_ready(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(
        pl.col(c).list.join("; ")
        for c, t in frame.schema.items()
        if isinstance(t, pl.List)
    )


def cmd_template(args: argparse.Namespace) -> int:
    """Write the bilingual data-entry template for a unit and month."""
    path = ts.template.write(
        args.output,
        unit=args.unit,
        period=args.period,
        focal_person=args.focal_person,
        revision=args.revision,
        blank_rows=args.rows,
    )
    print(f"template for {args.unit}, {args.period}: {path}")
    return 0


def cmd_compile(args: argparse.Namespace) -> int:
    """Compile a month's returns onto the state of the last compilation."""
    result = ts.hq.compile(
        args.files,
        args.state,
        period=args.period,
        units=args.unit,
        on_error="report" if args.keep_going else "raise",
        progress=_progress_printer(not args.quiet),
    )
    out = Path(args.output or Path(args.state) / f"compilation_{result.number:04d}")
    out.mkdir(parents=True, exist_ok=True)
    result.coverage.write_csv(out / "coverage.csv")
    _csv_ready(result.changes).write_csv(out / "changes.csv")
    _csv_ready(result.revisions).write_csv(out / "revisions.csv")
    _csv_ready(result.stock_flow).write_csv(out / "stock_flow.csv")
    _csv_ready(result.returns).write_csv(out / "returns.csv")
    if not args.quiet:
        print(result.summary())
    print(
        f"state: {args.state}; tables: {out}/ (coverage, changes, revisions, stock_flow)"
    )
    return 0


def cmd_feedback(args: argparse.Namespace) -> int:
    """Write one feedback pack per unit from the last compilation."""
    result = ts.hq.load(args.state)
    units = args.unit or sorted(result.records["source"].drop_nulls().unique())
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    for unit in units:
        stem = "".join(ch if ch.isalnum() else "_" for ch in unit).strip("_")
        path = ts.hq.feedback(result, unit=unit, path=out / f"{stem}.{args.format}")
        if not args.quiet:
            print(path)
    print(f"{len(units)} feedback pack(s) in {out}/")
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``tipsom`` command."""
    parser = argparse.ArgumentParser(
        prog="tipsom",
        description="Trafficking in persons and smuggling of migrants data: read, "
        "normalize, deduplicate, indicators, estimation.",
    )
    parser.add_argument(
        "--version", action="version", version=f"tipsom {ts.__version__}"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("demo", help="run the whole job on bundled synthetic returns")
    p.add_argument(
        "--directory",
        default="tipsom-demo",
        help="where to write (default: %(default)s)",
    )
    p.add_argument(
        "--persons",
        type=int,
        default=3000,
        help="synthetic persons (default: %(default)s)",
    )
    p.add_argument("--seed", type=int, default=2025)
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser(
        "read", help="read returns into one canonical CSV or Parquet file"
    )
    p.add_argument("files", nargs="+", help="files, directories or glob patterns")
    p.add_argument("-o", "--output", required=True, help="output .csv or .parquet")
    p.add_argument("--sheet", action="append", help="sheet to read (repeatable)")
    p.add_argument("--source", help="source (reporting unit) for every record")
    p.add_argument(
        "--keep-going",
        action="store_true",
        help="report unreadable files instead of stopping",
    )
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_read)

    def input_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("files", nargs="+", help="files, directories or glob patterns")
        p.add_argument("--sheet", action="append", help="sheet to read (repeatable)")
        p.add_argument("--source", help="source (reporting unit) for every record")
        p.add_argument(
            "--keep-going",
            action="store_true",
            help="report unreadable files instead of stopping",
        )
        p.add_argument("--quiet", action="store_true")

    p = sub.add_parser(
        "normalize", help="read and normalize returns into one canonical file"
    )
    input_options(p)
    p.add_argument("-o", "--output", required=True, help="output .csv or .parquet")
    p.set_defaults(func=cmd_normalize)

    p = sub.add_parser("link", help="read, normalize and deduplicate returns")
    input_options(p)
    p.add_argument(
        "-o", "--output", required=True, help="output .parquet (records with person_id)"
    )
    p.set_defaults(func=cmd_link)

    p = sub.add_parser(
        "report", help="read, normalize, deduplicate and write the HTML report"
    )
    input_options(p)
    p.add_argument(
        "-o", "--output", default="report.html", help="HTML file (default: %(default)s)"
    )
    p.add_argument(
        "--suppress-below",
        type=int,
        default=5,
        help="small-cell threshold (default: 5)",
    )
    p.add_argument(
        "--no-suppression",
        action="store_true",
        help="publish small cells (internal use only)",
    )
    p.set_defaults(func=cmd_report)

    p = sub.add_parser(
        "template", help="write the bilingual data-entry template for a unit"
    )
    p.add_argument("-o", "--output", required=True, help="the .xlsx file to write")
    p.add_argument("--unit", required=True, help="the reporting unit")
    p.add_argument("--period", required=True, help="the month, YYYY-MM")
    p.add_argument("--focal-person", help="pre-filled on every row")
    p.add_argument("--revision", type=int, default=0)
    p.add_argument(
        "--rows", type=int, default=200, help="empty rows (default: %(default)s)"
    )
    p.set_defaults(func=cmd_template)

    p = sub.add_parser(
        "compile", help="compile a month's returns onto the last compilation"
    )
    p.add_argument("files", nargs="+", help="files, directories or glob patterns")
    p.add_argument(
        "--state",
        required=True,
        help="state directory (read, then updated; created on the first run)",
    )
    p.add_argument("--period", help="month (YYYY-MM) of returns that carry none")
    p.add_argument(
        "--unit", action="append", help="a unit expected every month (repeatable)"
    )
    p.add_argument("-o", "--output", help="directory for the CSV tables")
    p.add_argument(
        "--keep-going",
        action="store_true",
        help="report unreadable files instead of stopping",
    )
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_compile)

    p = sub.add_parser("feedback", help="write each unit's feedback pack")
    p.add_argument("--state", required=True, help="state directory of `compile`")
    p.add_argument("-o", "--output", required=True, help="directory to write")
    p.add_argument("--unit", action="append", help="only this unit (repeatable)")
    p.add_argument("--format", choices=["html", "xlsx"], default="html")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_feedback)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``tipsom`` command."""
    args = build_parser().parse_args(argv)
    start = time.perf_counter()
    try:
        code = args.func(args)
    except TipsomError as err:
        print(f"tipsom: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("tipsom: interrupted", file=sys.stderr)
        return 130
    if not getattr(args, "quiet", False):
        print(f"done in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return code


if __name__ == "__main__":
    raise SystemExit(main())
