"""Check that ``tipsom.normalize`` (and ``tipsom.expr``) give identical outputs across builds.

Speed work on normalization must not change a single output value. Run once with the
build before the change to save the outputs, then after each change to compare every
column of every output:

    python scripts/check_normalize_identical.py save  --dir /tmp/normalize-ref
    python scripts/check_normalize_identical.py check --dir /tmp/normalize-ref

The inputs are generated (``tipsom.datasets.circle_returns`` with a few seeds, plus a
frame with numeric, date and all-null columns) and saved beside the outputs, so that a
later run compares on exactly the same inputs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

import polars as pl
import tipsom as ts

SEEDS = (1, 2, 7)
ROWS = 100_000
KINDS = [
    "text",
    "name",
    "father_name",
    "husband_name",
    "name_key",
    "cnic",
    "phone",
    "passport",
    "date",
    "age",
    "sex",
    "district",
    "province",
    "nationality",
    "law_sections",
    "crime_type",
    "exploitation",
    "case_status",
]
#: The input column each expression kind reads.
KIND_INPUT = {
    "text": "remarks",
    "name_key": "name",
    "crime_type": "law_sections",
}


def typed_frame() -> pl.DataFrame:
    """Columns of other types than text, and odd values, to cover the text of columns."""
    n = 5_000
    return pl.DataFrame(
        {
            "cnic": pl.Series([3520212345671 + i if i % 7 else None for i in range(n)]),
            "phone": pl.Series([3001234567.0 + i if i % 5 else None for i in range(n)]),
            "date": pl.Series(
                [
                    dt.date(2019, 1, 1) + dt.timedelta(days=i % 900) if i % 3 else None
                    for i in range(n)
                ]
            ),
            "age": pl.Series([i % 60 if i % 4 else None for i in range(n)]),
            "sex": pl.Series([i % 2 == 0 if i % 6 else None for i in range(n)]),
            "name": pl.Series(
                [
                    None,
                    "",
                    "  ",
                    "n/a",
                    "\x00\x01",
                    "Mst. ZAINAB bibi d/o Ghulam",
                    "محمد علی ولد احمد",
                    "x" * 3000,
                    "M. Aslam S/O Mohd Akram W/O",
                ][i % 9]
                for i in range(n)
            ),
            "record_id": pl.Series([None] * n, dtype=pl.String),
            "source_row": pl.Series(list(range(n))),
            "law_sections": pl.Series([None] * n, dtype=pl.Null),
            "extra": pl.Series(list(range(n))),
        }
    )


def inputs(directory: Path) -> dict[str, pl.DataFrame]:
    frames = {}
    for seed in SEEDS:
        path = directory / f"in_seed{seed}.parquet"
        if not path.exists():
            f = ts.datasets.circle_returns(ROWS, seed=seed)
            f.select([c for c in f.columns if not c.startswith("true_")]).write_parquet(
                path
            )
        frames[f"seed{seed}"] = pl.read_parquet(path)
    path = directory / "in_typed.parquet"
    if not path.exists():
        typed_frame().write_parquet(path)
    frames["typed"] = pl.read_parquet(path)
    return frames


def outputs(frame: pl.DataFrame) -> dict[str, pl.DataFrame]:
    res = {"normalize": ts.normalize(frame)}
    res["normalize_pandas"] = pl.from_pandas(
        ts.normalize(frame.head(2_000).to_pandas())
    )
    exprs = []
    for kind in KINDS:
        col = KIND_INPUT.get(kind, kind)
        if col in frame.columns:
            exprs.append(ts.expr.normalized(col, kind).alias(kind))
    if exprs:
        res["expr"] = frame.select(exprs)
    return res


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["save", "check"])
    parser.add_argument("--dir", default="/tmp/normalize-ref")
    args = parser.parse_args()
    directory = Path(args.dir)
    directory.mkdir(parents=True, exist_ok=True)
    bad = 0
    for name, frame in inputs(directory).items():
        t = time.perf_counter()
        outs = outputs(frame)
        took = time.perf_counter() - t
        for what, out in outs.items():
            path = directory / f"out_{name}_{what}.parquet"
            if args.mode == "save":
                out.write_parquet(path)
                continue
            ref = pl.read_parquet(path)
            if ref.columns != out.columns:
                print(f"{name}/{what}: columns differ: {ref.columns} != {out.columns}")
                bad += 1
                continue
            for c in ref.columns:
                a, b = ref.get_column(c), out.get_column(c)
                if a.dtype != b.dtype:
                    print(f"{name}/{what}/{c}: dtype {a.dtype} != {b.dtype}")
                    bad += 1
                elif not a.equals(b, check_names=True):
                    diff = (a.ne_missing(b)).sum()
                    print(f"{name}/{what}/{c}: {diff} values differ")
                    bad += 1
        print(f"{name}: {frame.height} rows, {args.mode} in {took:.2f}s")
    print("IDENTICAL" if bad == 0 and args.mode == "check" else f"{bad} differences")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
