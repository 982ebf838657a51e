"""Throughput of the synthetic generator and of writing its house-style files.

Run in a release build (``maturin develop --release``)::

    python benches/bench_synth.py --persons 1000000

Baselines measured in the same run: building a frame of the same shape from trivial
integer-to-text columns in polars (generation), and ``polars.DataFrame.write_csv`` of
the raw columns to one file (writing).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import polars as pl
import tipsom.datasets as ds


def timed(fn):
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    n = args.persons
    print(f"cpus: {os.cpu_count()}, persons: {n:,}")

    frame, t_gen = timed(lambda: ds.circle_returns(n, seed=args.seed))
    rows = frame.height
    print(
        f"circle_returns: {rows:,} records in {t_gen:.2f} s "
        f"= {rows / t_gen:,.0f} records/s ({n / t_gen:,.0f} persons/s)"
    )
    raw = frame.select(pl.exclude("^true_.*$"))
    _, t_base = timed(
        lambda: pl.select(
            [
                (pl.int_range(rows) * (k + 1)).cast(pl.String).alias(c)
                for k, c in enumerate(raw.columns)
            ]
        )
    )
    print(
        f"baseline (polars, {len(raw.columns)} trivial text columns): {t_base:.2f} s; "
        f"ratio {t_gen / t_base:.1f}x"
    )

    with tempfile.TemporaryDirectory() as d:
        target = Path(d) / "returns"
        out, t_write = timed(
            lambda: ds.write_circle_returns(target, n_persons=n, seed=args.seed)
        )
        size = sum(f.stat().st_size for f in (Path(d) / "returns").iterdir())
        t_write_only = t_write - t_gen
        print(
            f"write_circle_returns: {out.files.height} files, {size / 1e6:.0f} MB, "
            f"{t_write:.2f} s total, ~{t_write_only:.2f} s writing "
            f"= {rows / max(t_write_only, 1e-9):,.0f} records/s"
        )
        _, t_csv = timed(lambda: raw.write_csv(Path(d) / "plain.csv"))
        print(
            f"baseline (polars write_csv, one file): {t_csv:.2f} s; "
            f"ratio {t_write_only / t_csv:.1f}x"
        )


if __name__ == "__main__":
    main()
