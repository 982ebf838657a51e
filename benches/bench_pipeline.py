"""Benchmark: the whole pipeline, from files to the offline report, stage by stage.

Writes generated returns (the synthetic generator's house styles, CSV and XLSX) once, then,
each in a fresh process so that memory figures do not mix:

* ``read_returns`` alone over the directory (the yardstick);
* the pipeline: ``read_returns`` → ``normalize`` → ``deduplicate`` → persons
  (``indicators.persons``) → ``indicators.victims`` → ``mse.estimate`` → ``report``, timing
  each stage and recording the resident memory after it and its peak during it (``VmHWM``,
  reset before each stage through ``/proc/self/clear_refs``).

Targets (issue 16): the whole pipeline at most 2x the read alone and at most 2 GB peak at one
million records; 100,000 records in at most 3 s. Run from a release build:

    python benches/bench_pipeline.py --records 100000 1000000 --data /tmp/pipeline-data

``--data`` keeps the generated files between runs (they are written only when missing), so
that a run before a change and one after read exactly the same files. ``--dump DIR`` also
writes every stage's output (outside the timings), and ``--compare A B`` checks two dumps
value by value, like ``scripts/check_normalize_identical.py``:

    python benches/bench_pipeline.py --records 100000 --data /tmp/d --dump /tmp/before
    # ... change the code, rebuild ...
    python benches/bench_pipeline.py --records 100000 --data /tmp/d --dump /tmp/after
    python benches/bench_pipeline.py --compare /tmp/before/100000 /tmp/after/100000
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polars as pl

STAGES = (
    "read_returns",
    "normalize",
    "deduplicate",
    "persons",
    "victims",
    "mse",
    "report",
)
#: Breakdown of the victims stage (the report's main table and then some).
VICTIMS_BY = ("year", "province", "sex_age")


def _status(field: str) -> int:
    """A memory figure of this process from /proc/self/status, in bytes."""
    text = Path("/proc/self/status").read_text()
    match = re.search(rf"{field}:\s+(\d+) kB", text)
    return int(match.group(1)) * 1024 if match else 0


def _cpu() -> float:
    """Processor time of this process, all threads (robust to a busy machine)."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


class Stages:
    """Time, resident memory after and peak memory during each stage."""

    def __init__(self) -> None:
        self.rows: list[dict[str, float | str]] = []
        self.resettable = _reset_peak()
        self.start = time.perf_counter()

    def run(self, name: str, fn):
        gc.collect()
        _reset_peak()
        t = time.perf_counter()
        c = _cpu()
        out = fn()
        seconds = time.perf_counter() - t
        self.rows.append(
            {
                "stage": name,
                "seconds": round(seconds, 3),
                "cpu_s": round(_cpu() - c, 3),
                "rss_after_mb": round(_status("VmRSS") / 2**20),
                "peak_mb": round(_status("VmHWM") / 2**20),
            }
        )
        return out


def _files_for(data: Path, records: int, seed: int) -> Path:
    import tipsom as ts

    directory = data / f"{records}"
    done = directory / ".complete"
    if not done.exists():
        directory.mkdir(parents=True, exist_ok=True)
        # The generator lists about 1.3 records per person (its default overlaps).
        ts.datasets.write_circle_returns(
            directory, n_persons=max(round(records / 1.3), 1), seed=seed, overwrite=True
        )
        done.write_text("")
    return directory


def run_read(directory: Path) -> dict:
    import tipsom as ts

    stages = Stages()
    frame = stages.run("read_returns", lambda: ts.read_returns(directory))
    return {"records": frame.height, "stages": stages.rows}


def run_pipeline(directory: Path, dump: Path | None) -> dict:
    import tipsom as ts

    stages = Stages()
    raw = stages.run("read_returns", lambda: ts.read_returns(directory))
    n_raw = raw.height
    records = stages.run("normalize", lambda raw=raw: ts.normalize(raw))
    # The raw text frame is not kept once normalized (as in `tipsom report`).
    del raw
    links = stages.run("deduplicate", lambda: ts.deduplicate(records))
    people = stages.run("persons", lambda: ts.indicators.persons(records, links))
    table = stages.run(
        "victims", lambda: ts.indicators.victims(records, links, by=VICTIMS_BY)
    )
    result = stages.run("mse", lambda: ts.mse.estimate(links))
    html = Path(tempfile.mkdtemp(prefix="tipsom-bench-report-")) / "report.html"
    stages.run("report", lambda: ts.report(records, links, path=html))
    total = time.perf_counter() - stages.start
    out = {
        "records": n_raw,
        "persons": people.height,
        "stages": stages.rows,
        "pipeline_s": round(total, 3),
        "pipeline_cpu_s": round(sum(r["cpu_s"] for r in stages.rows), 3),
        "peak_mb": max(r["peak_mb"] for r in stages.rows),
    }
    if dump is not None:
        dump.mkdir(parents=True, exist_ok=True)
        records.write_parquet(dump / "records.parquet")
        links.records.select("record_id", "person_id").write_parquet(
            dump / "person_ids.parquet"
        )
        links.persons.write_parquet(dump / "linkage_persons.parquet")
        people.write_parquet(dump / "indicators_persons.parquet")
        table.write_parquet(dump / "victims.parquet")
        (dump / "mse.txt").write_text(
            f"{result!r}\n{result.estimate!r} {result.interval!r} {result.observed}\n"
        )
        result.fitted.write_parquet(dump / "mse_fitted.parquet")
        # The report's date of writing is not part of its content.
        text = html.read_text(encoding="utf-8")
        (dump / "report.html").write_text(
            re.sub(r"\d{4}-\d{2}-\d{2}(?=</)", "DATE", text), encoding="utf-8"
        )
    html.unlink()
    html.parent.rmdir()
    return out


def _child(mode: str, directory: Path, dump: Path | None) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, str(directory)]
    if dump is not None:
        cmd += ["--dump", str(dump)]
    done = subprocess.run(cmd, check=False, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{mode} run failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _differences(x: pl.DataFrame, y: pl.DataFrame) -> None:
    """Print, for the columns both frames have, how many rows differ (same row order)."""
    if x.height != y.height:
        print(f"    {x.height} rows against {y.height}")
        return
    common = [c for c in x.columns if c in y.columns]
    only = sorted(set(x.columns) ^ set(y.columns))
    for c in common:
        a, b = x[c], y[c]
        if a.dtype != b.dtype:
            print(f"    {c}: type {a.dtype} against {b.dtype}")
            a, b = a.cast(pl.String, strict=False), b.cast(pl.String, strict=False)
        n = int((~a.eq_missing(b)).sum())
        if n:
            print(f"    {c}: {n} of {x.height} rows differ")
    if only:
        print(f"    columns in one only: {', '.join(only)}")


def compare(a: Path, b: Path) -> int:
    """Compare two dumps; print each output that differs. Returns the number differing."""
    from polars.testing import assert_frame_equal

    bad = 0
    for left in sorted(a.iterdir()):
        right = b / left.name
        if not right.exists():
            print(f"{left.name}: missing in {b}")
            bad += 1
            continue
        if left.suffix == ".parquet":
            x, y = pl.read_parquet(left), pl.read_parquet(right)
            try:
                assert_frame_equal(x, y, check_column_order=False)
            except AssertionError as err:
                print(f"{left.name}: differs: {str(err).splitlines()[0]}")
                _differences(x, y)
                bad += 1
                continue
        elif left.read_bytes() != right.read_bytes():
            print(f"{left.name}: differs")
            bad += 1
            continue
        print(f"{left.name}: identical")
    return bad


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", help="directory keeping the generated files")
    parser.add_argument("--dump", help="write every stage's output under DIR/<records>")
    parser.add_argument("--out", help="write the figures as JSON to this file")
    parser.add_argument("--compare", nargs=2, metavar=("A", "B"))
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child:
        mode, directory = args.child
        dump = Path(args.dump) if args.dump else None
        if mode == "read":
            result = run_read(Path(directory))
        else:
            result = run_pipeline(Path(directory), dump)
        print(json.dumps(result))
        return
    if args.compare:
        sys.exit(1 if compare(Path(args.compare[0]), Path(args.compare[1])) else 0)

    data = Path(args.data or tempfile.mkdtemp(prefix="tipsom-bench-pipeline-"))
    results = []
    for n in args.records:
        directory = _files_for(data, n, args.seed)
        dump = Path(args.dump) / str(n) if args.dump else None
        read = _child("read", directory, None)
        pipeline = _child("pipeline", directory, dump)
        t_read = read["stages"][0]["seconds"]
        result = {
            "records": pipeline["records"],
            "persons": pipeline["persons"],
            "read_alone_s": t_read,
            "read_alone_cpu_s": read["stages"][0]["cpu_s"],
            "read_alone_peak_mb": read["stages"][0]["peak_mb"],
            "pipeline_s": pipeline["pipeline_s"],
            "ratio_pipeline_over_read": round(pipeline["pipeline_s"] / t_read, 2),
            "pipeline_cpu_s": pipeline["pipeline_cpu_s"],
            "pipeline_peak_mb": pipeline["peak_mb"],
            "stages": pipeline["stages"],
            "targets": {"ratio_at_most": 2.0, "peak_mb_at_most_at_1m": 2048},
            "threads": pl.thread_pool_size(),
        }
        results.append(result)
        print(f"\n{result['records']:,} records, {result['persons']:,} persons")
        print(
            f"{'stage':<14}{'seconds':>9}{'cpu s':>9}{'rss after MB':>14}{'peak MB':>9}"
        )
        for r in pipeline["stages"]:
            print(
                f"{r['stage']:<14}{r['seconds']:>9.2f}{r['cpu_s']:>9.2f}"
                f"{r['rss_after_mb']:>14}{r['peak_mb']:>9}"
            )
        print(
            f"pipeline {result['pipeline_s']:.2f} s, read alone {t_read:.2f} s "
            f"(ratio {result['ratio_pipeline_over_read']}); processor time "
            f"{result['pipeline_cpu_s']:.2f} s against {result['read_alone_cpu_s']:.2f} s; "
            "peak "
            f"{result['pipeline_peak_mb']} MB"
        )
        # One line per size for benches/run_all.py.
        print("RESULT " + json.dumps(result))
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
