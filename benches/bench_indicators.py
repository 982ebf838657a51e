"""Benchmark: the victim table on ten million records vs a hand-written polars group_by,
and the whole HTML report on 100,000 records. Ratios are measured in the same run.

Run: python benches/bench_indicators.py [--records 10000000] [--report-records 100000]
(build the release core first: maturin develop --release).
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl
import tipsom as ts

BY = ("year", "province", "sex_age", "crime_type")


def generate(n: int, seed: int = 1) -> pl.DataFrame:
    """Canonical victim records (simple and fast; not the realistic generator)."""
    rng = np.random.default_rng(seed)

    def pick(levels: list[str], p: list[float] | None = None) -> pl.Series:
        idx = rng.choice(len(levels), size=n, p=p).astype(np.uint32)
        return pl.Series(levels).gather(pl.Series(idx))

    sex = pick(["male", "female", "transgender", "unknown"], [0.45, 0.45, 0.01, 0.09])
    age_group = pick(["adult", "child", "unknown"], [0.6, 0.3, 0.1])
    frame = pl.DataFrame(
        {
            "record_id": pl.int_range(n, eager=True).cast(pl.String),
            "person_id": pl.Series(rng.integers(0, int(n * 0.8), size=n)).cast(
                pl.String
            ),
            "source": pick([f"circle_{i}" for i in range(20)]),
            "sex": sex,
            "age_group": age_group,
            "nationality": pick(
                ["PAK", "AFG", "IND", "BGD", "unknown"], [0.8, 0.1, 0.03, 0.02, 0.05]
            ),
            "province": pick(
                [
                    "Punjab",
                    "Sindh",
                    "Khyber Pakhtunkhwa",
                    "Balochistan",
                    "Islamabad Capital Territory",
                    "unknown",
                ]
            ),
            "crime_type": pick(["tip", "som", "both", "other", "unknown"]),
        }
    ).with_columns(
        (
            pl.lit(dt.date(2021, 1, 1))
            + pl.duration(days=pl.Series(rng.integers(0, 3 * 365, size=n)))
        ).alias("date")
    )
    return frame.with_columns(
        pl.when((pl.col("sex") == "male") & (pl.col("age_group") == "adult"))
        .then(pl.lit("man"))
        .when((pl.col("sex") == "female") & (pl.col("age_group") == "adult"))
        .then(pl.lit("woman"))
        .when((pl.col("sex") == "male") & (pl.col("age_group") == "child"))
        .then(pl.lit("boy"))
        .when((pl.col("sex") == "female") & (pl.col("age_group") == "child"))
        .then(pl.lit("girl"))
        .otherwise(pl.lit("unknown"))
        .alias("sex_age")
    )


def best_of(f, repeat: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t0)
    return min(times), out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=10_000_000)
    ap.add_argument("--report-records", type=int, default=100_000)
    ap.add_argument("--person-records", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    t0 = time.perf_counter()
    data = generate(args.records)
    print(f"generated {data.height:,} records in {time.perf_counter() - t0:.1f}s")

    def baseline() -> pl.DataFrame:
        return data.group_by(
            pl.col("date").dt.year().alias("year"), "province", "sex_age", "crime_type"
        ).agg(pl.len().alias("victims"))

    def ours() -> pl.DataFrame:
        return ts.indicators.victims(data, by=BY, unit="record")

    tb, expected = best_of(baseline, args.repeat)
    to, got = best_of(ours, args.repeat)
    key = list(BY)
    same = expected.sort(key).equals(
        got.sort(key).with_columns(pl.col("victims").cast(pl.UInt32))
    )
    print(f"victim table by {BY}, {args.records:,} records (unit='record'):")
    print(f"  hand-written polars group_by: {tb:.3f}s")
    print(
        f"  tipsom.indicators.victims:    {to:.3f}s   ratio {to / tb:.2f}x "
        "(target <= 1.5x)"
        f"   same counts: {same}"
    )

    people = data.head(args.person_records)

    def baseline_persons() -> pl.DataFrame:
        first = (
            people.sort("date", "record_id")
            .group_by("person_id")
            .agg(
                pl.col("date").first(),
                pl.col("province").first(),
                pl.col("sex_age").first(),
                pl.col("crime_type").first(),
            )
        )
        return first.group_by(
            pl.col("date").dt.year().alias("year"), "province", "sex_age", "crime_type"
        ).agg(pl.len())

    tbp, _ = best_of(baseline_persons, 1)
    top, _ = best_of(lambda: ts.indicators.victims(people, by=BY, unit="person"), 1)
    print(
        f"person-level table on {people.height:,} records (majority rule over each "
        f"person's records) vs a naive first-record group_by: {top:.2f}s vs {tbp:.2f}s "
        f"({top / tbp:.1f}x; informational)"
    )

    small = generate(args.report_records, seed=2).with_columns(
        pl.lit(["sexual_exploitation"]).alias("exploitation"),
        pl.col("province").alias("district"),
        pl.lit([], dtype=pl.List(pl.String)).alias("issues"),
    )

    class Linkage:
        records = small

    with tempfile.TemporaryDirectory() as tmp:
        tr, path = best_of(
            lambda: ts.report(small, Linkage(), path=Path(tmp) / "r.html"), 1
        )
        size = path.stat().st_size
    print(
        f"whole HTML report on {args.report_records:,} records: {tr:.2f}s "
        f"({size / 1e6:.2f} MB)"
    )


if __name__ == "__main__":
    main()
