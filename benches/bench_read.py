"""Benchmark: read_returns against plain polars reads of the same files.

Writes generated returns totalling about one million records (CSV and XLSX in the generator's
house styles), then times, in one run and on the same files:

* ``tipsom.read_returns`` over the whole directory (header finding, alias mapping, row
  accounting, text preserved);
* a plain ``polars.read_csv`` (all columns as text, header row given) of every CSV file plus
  ``polars.read_excel`` (calamine engine) of every sheet of every workbook — the baseline.

Target: read_returns at most 2x the plain read's time. Run from a release build:

    python benches/bench_read.py --persons 500000
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

import polars as pl
import tipsom as ts


def timed(fn, repeat: int):
    best = float("inf")
    out = None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def plain_read(files, header_rows):
    frames = 0
    for f in files:
        if f.suffix.lower() == ".csv":
            skip, sep, _enc = header_rows[f.name]
            df = pl.read_csv(
                f,
                skip_rows=skip,
                separator=sep,
                infer_schema=False,
                encoding="utf8-lossy",
                truncate_ragged_lines=True,
            )
            frames += df.height
        else:
            sheets = pl.read_excel(f, sheet_id=0, infer_schema_length=0)
            frames += sum(df.height for df in sheets.values())
    return frames


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", help="directory to keep the files in")
    args = parser.parse_args()

    directory = Path(args.keep or tempfile.mkdtemp(prefix="tipsom-bench-read-"))
    t = time.perf_counter()
    ts.datasets.write_circle_returns(directory, n_persons=args.persons, seed=args.seed)
    write_s = time.perf_counter() - t
    files = sorted(p for p in directory.iterdir() if p.is_file())

    t_read, (frame, report) = timed(
        lambda: ts.read_returns(directory, with_report=True), args.repeat
    )
    # The baseline needs to be told where each CSV header is and which delimiter and
    # encoding it uses — what read_returns finds by itself. Take it from the report.
    header_rows = {}
    for row in report.sheets.iter_rows(named=True):
        if row["format"] == "csv":
            first_header = int(row["header_rows"].split(",")[0])
            sep = {"tab": "\t"}.get(row["delimiter"], row["delimiter"])
            header_rows[row["file"]] = (first_header - 1, sep, row["encoding"])
    # polars reads only UTF-8: transcode the other CSVs once, outside the timing (a favour
    # to the baseline).
    plain_dir = Path(tempfile.mkdtemp(prefix="tipsom-bench-plain-"))
    plain_files = []
    for f in files:
        target = plain_dir / f.name
        if f.suffix.lower() == ".csv":
            enc = header_rows[f.name][2]
            codec = {
                "utf-8 (with BOM)": "utf-8-sig",
                "utf-16le": "utf-16",
                "windows-1252": "cp1252",
            }.get(enc, "utf-8")
            target.write_text(
                f.read_bytes().decode(codec, errors="replace"), encoding="utf-8"
            )
        else:
            shutil.copy(f, target)
        plain_files.append(target)
    t_plain, n_plain = timed(lambda: plain_read(plain_files, header_rows), args.repeat)
    result = {
        "records_read": frame.height,
        "rows_plain_read": n_plain,
        "files": len(files),
        "csv_files": sum(f.suffix == ".csv" for f in files),
        "xlsx_files": sum(f.suffix == ".xlsx" for f in files),
        "write_returns_s": round(write_s, 2),
        "read_returns_s": round(t_read, 3),
        "plain_polars_s": round(t_plain, 3),
        "ratio_read_returns_over_plain": round(t_read / t_plain, 2),
        "target_ratio_at_most": 2.0,
        "threads": pl.thread_pool_size(),
    }
    print(json.dumps(result, indent=2))
    if not args.keep:
        shutil.rmtree(directory, ignore_errors=True)
    shutil.rmtree(plain_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
