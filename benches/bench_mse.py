"""Benchmark and calibration of tipsom.mse.

Build with `maturin develop --release` first.

Timings: a 1,000-replicate BCa bootstrap with stepwise reselection in every replicate
plus the jackknife, on Western (5 lists), NewOrl_5 (5) and NewOrl (8), against R's
SparseMSE 2.0.1 `estimatepopulation` (single-threaded). When `Rscript` and the SparseMSE
package are installed (`--r`, the default when available), R is timed in the same run on
the same tables; otherwise the published figures of reference/mse.md §11 (122 s, 125 s,
1,269 s) are used and the output says so. Our single-thread run (RAYON_NUM_THREADS=1 in a
subprocess) is reported as well.

    python benches/bench_mse.py                 # timings (all cores and 1 thread)
    python benches/bench_mse.py --seeds 8       # spread of BCa limits over seeds
    python benches/bench_mse.py --coverage 400  # coverage on simulated populations
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import polars as pl
import tipsom as ts
from tipsom.exceptions import DataQualityWarning

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "mse"
R_SECONDS = {"Western": 122.0, "NewOrl": 1269.0, "NewOrl_5": 125.0}


def load(name: str) -> tuple[pl.DataFrame, str]:
    frame = pl.read_csv(DATA / f"{name}.csv")
    return frame, frame.columns[-1]


def time_one(name: str, replicates: int) -> dict:
    frame, count = load(name)
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataQualityWarning)
        r = ts.mse.estimate(
            frame, count=count, bootstrap=replicates, seed=1234, level=[0.95, 0.8]
        )
    seconds = time.perf_counter() - start
    bca = r.intervals.filter(pl.col("kind") == "bca")
    return {
        "data": name,
        "seconds": seconds,
        "estimate": r.estimate,
        "model": r.model_label,
        "a_hat": r.acceleration,
        "bca95": [round(x, 1) for x in bca.filter(pl.col("level") == 0.95).row(0)[2:]],
        "bca80": [round(x, 1) for x in bca.filter(pl.col("level") == 0.8).row(0)[2:]],
    }


R_PROGRAM = """
suppressWarnings(suppressMessages(library(SparseMSE)))
z <- as.matrix(read.csv(commandArgs(trailingOnly = TRUE)[1]))
b <- as.integer(commandArgs(trailingOnly = TRUE)[2])
t0 <- proc.time()[["elapsed"]]
invisible(suppressWarnings(estimatepopulation(z, nboot = b, iseed = 1234)))
cat(proc.time()[["elapsed"]] - t0)
"""


def r_seconds(name: str, replicates: int) -> float | None:
    """Time SparseMSE's estimatepopulation in R, or None when R or the package is absent."""
    try:
        out = subprocess.run(
            ["Rscript", "-e", R_PROGRAM, str(DATA / f"{name}.csv"), str(replicates)],
            capture_output=True,
            text=True,
            check=True,
            timeout=7200,
        )
        return float(out.stdout.strip().split()[-1])
    except (OSError, subprocess.SubprocessError, ValueError, IndexError):
        return None


def timings(replicates: int, *, use_r: bool) -> None:
    threads = os.cpu_count()
    print(
        f"1,000-replicate BCa with stepwise reselection (threads available: {threads})"
    )
    for name in ("Western", "NewOrl_5", "NewOrl"):
        res = time_one(name, replicates)
        single = json.loads(
            subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--single",
                    name,
                    "--replicates",
                    str(replicates),
                ],
                env={**os.environ, "RAYON_NUM_THREADS": "1"},
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        measured = r_seconds(name, replicates) if use_r else None
        if measured is None:
            r_time, r_src = R_SECONDS[name] * replicates / 1000, "published"
        else:
            r_time, r_src = measured, "same run"
        print(
            f"{name:9s} R {r_time:7.1f} s ({r_src})"
            f" | all cores {res['seconds']:7.2f} s "
            f"({r_time / res['seconds']:6.0f}x R)"
            f" | 1 thread {single['seconds']:7.2f} s "
            f"({r_time / single['seconds']:6.0f}x R)"
            f" | N {res['estimate']:.1f} [{res['model']}] a {res['a_hat']:.5f}"
            f" 95% {res['bca95']} 80% {res['bca80']}"
        )


def seeds(n: int) -> None:
    for name in ("Western", "NewOrl_5", "NewOrl"):
        frame, count = load(name)
        rows = []
        for s in range(1, n + 1):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DataQualityWarning)
                r = ts.mse.estimate(
                    frame, count=count, bootstrap=1000, seed=s, level=[0.95, 0.8]
                )
            bca = r.intervals.filter(pl.col("kind") == "bca").sort("level")
            rows.append(bca["lower"].to_list()[::-1] + bca["upper"].to_list()[::-1])
        arr = np.array(rows)
        print(f"{name}: BCa limits (B = 1,000) over seeds 1..{n}")
        cols = ["lo95", "hi95", "lo80", "hi80"]
        order = [0, 2, 1, 3]
        for c, i in zip(cols, order, strict=True):
            print(
                f"   {c}: mean {arr[:, i].mean():8.1f} min {arr[:, i].min():8.1f} "
                f"max {arr[:, i].max():8.1f} sd {arr[:, i].std(ddof=1):6.1f}"
            )


def simulate(rng: np.random.Generator, size: int, probs: list[float]) -> pl.DataFrame:
    caught = rng.random((size, len(probs))) < np.array(probs)
    seen = caught[caught.any(axis=1)]
    names = [chr(65 + i) for i in range(len(probs))]
    return (
        pl.DataFrame(seen.astype(np.int8), schema=names)
        .group_by(names)
        .len(name="count")
    )


def coverage(n_sims: int, boot: int) -> None:
    rng = np.random.default_rng(2026)
    truth = 1000
    scenarios = {
        "3 lists, independent": [0.15, 0.2, 0.25],
        "4 lists, sparse": [0.05, 0.1, 0.15, 0.2],
    }
    for label, probs in scenarios.items():
        hits: dict[str, list[bool]] = {
            "normal (true model)": [],
            "profile (true model)": [],
            "normal (stepwise)": [],
            "BCa (stepwise)": [],
        }
        start = time.perf_counter()
        for i in range(n_sims):
            table = simulate(rng, truth, probs)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DataQualityWarning)
                fixed = ts.mse.estimate(
                    table, method="main_effects", interval="profile"
                )
                step = ts.mse.estimate(table, bootstrap=boot, seed=i)
            normal = fixed.intervals.filter(pl.col("kind") == "normal_log_dark").row(
                0, named=True
            )
            hits["normal (true model)"].append(
                normal["lower"] <= truth <= normal["upper"]
            )
            hits["profile (true model)"].append(
                fixed.interval[0] <= truth <= fixed.interval[1]
            )
            sn = step.intervals.filter(pl.col("kind") == "normal_log_dark").row(
                0, named=True
            )
            hits["normal (stepwise)"].append(sn["lower"] <= truth <= sn["upper"])
            if step.interval is not None:
                hits["BCa (stepwise)"].append(
                    step.interval[0] <= truth <= step.interval[1]
                )
        secs = time.perf_counter() - start
        print(
            f"{label}: N = {truth}, {n_sims} populations, BCa B = {boot} ({secs:.0f} s)"
        )
        for k, v in hits.items():
            p = float(np.mean(v))
            se = (p * (1 - p) / len(v)) ** 0.5
            print(f"   {k:22s} coverage {p:.3f} ± {se:.3f} (nominal 0.95)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--replicates", type=int, default=1000)
    parser.add_argument("--single")
    parser.add_argument("--seeds", type=int)
    parser.add_argument("--coverage", type=int)
    parser.add_argument("--coverage-boot", type=int, default=499)
    parser.add_argument(
        "--no-r",
        action="store_true",
        help="use the published R timings even when R and SparseMSE are installed",
    )
    args = parser.parse_args()
    if args.single:
        print(json.dumps(time_one(args.single, args.replicates)))
    elif args.seeds:
        seeds(args.seeds)
    elif args.coverage:
        coverage(args.coverage, args.coverage_boot)
    else:
        timings(args.replicates, use_r=not args.no_r)


if __name__ == "__main__":
    main()
