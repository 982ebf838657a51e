"""Run every benchmark of ``benches/`` and write the results to ``bench-results/``.

``make bench`` runs this. Each benchmark runs in a process of its own, by default at
small sizes so that the whole run takes a few minutes on two cores; ``--full`` runs
each at its own default sizes (the figures in CHANGELOG.md; an hour or more), and
``--args NAME="..."`` sets one benchmark's arguments. Build and install the release core
first (``make install-test`` or ``pip install .``): a debug core times the wrong thing.

Written to ``--out`` (default ``bench-results/``):

* ``<benchmark>.json``: the command, wall time, exit status, the JSON the benchmark
  printed (its last JSON object, or its ``RESULT`` lines) and its printed text;
* ``summary.json`` and ``summary.md``: one row per benchmark.

A benchmark script (``bench_*.py`` or ``audit_*.py``) that has no entry in ``SMALL``
below is still run, at its own default sizes, and the summary says so: give it small
sizes here when you add it.

Usage::

    python benches/run_all.py                       # every benchmark, small sizes
    python benches/run_all.py --only read,synth     # some of them
    python benches/run_all.py --args read="--persons 100000 --repeat 3"
    python benches/run_all.py --full                # the benchmarks' own sizes
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import shlex
import subprocess
import sys
import time
from pathlib import Path

BENCHES = Path(__file__).resolve().parent
ROOT = BENCHES.parent

#: Arguments that make each benchmark take well under a minute on two cores (about two
#: minutes for all of them, measured 117 s).
SMALL: dict[str, list[str]] = {
    "audit_releases": ["--n", "6"],
    "bench_indicators": [
        "--records",
        "2000000",
        "--person-records",
        "200000",
        "--report-records",
        "20000",
        "--repeat",
        "1",
    ],
    "bench_linkage": ["--datasets", "fake_1000", "--sizes", "10000"],
    "bench_mse": ["--replicates", "100", "--no-r"],
    "bench_pipeline": ["--records", "20000"],
    "bench_normalize": [
        "--rows",
        "200000",
        "--baseline-rows",
        "20000",
        "--repeats",
        "2",
        "--baseline-repeats",
        "1",
    ],
    "bench_read": ["--persons", "50000", "--repeat", "1"],
    "bench_synth": ["--persons", "100000"],
}


def discover() -> list[str]:
    """Benchmark scripts in ``benches/`` (helpers such as ``noisy_victims`` are not)."""
    names = {p.stem for p in BENCHES.glob("bench_*.py")}
    names |= {p.stem for p in BENCHES.glob("audit_*.py")}
    return sorted(names)


def short(name: str) -> str:
    return name.removeprefix("bench_")


def arguments(name: str, *, full: bool, overrides: dict[str, list[str]]) -> list[str]:
    for key in (name, short(name)):
        if key in overrides:
            return overrides[key]
    if full:
        return []
    args = list(SMALL.get(name, []))
    if name == "bench_linkage" and importlib.util.find_spec("splink") is None:
        args += ["--tools", "tipsom"]  # Splink is optional; without it, tipsom alone
    return args


def last_json(text: str) -> object | None:
    """The benchmark's result: its ``RESULT`` lines, else the last JSON object printed."""
    results = [
        json.loads(line[len("RESULT ") :])
        for line in text.splitlines()
        if line.startswith("RESULT ")
    ]
    if results:
        return results
    decoder = json.JSONDecoder()
    found = None
    for i, char in enumerate(text):
        if char != "{" or (i and text[i - 1] not in "\n"):
            continue
        try:
            found, _ = decoder.raw_decode(text, i)
        except json.JSONDecodeError:
            continue
    return found


def run(name: str, args: list[str], timeout: float) -> dict[str, object]:
    command = [sys.executable, str(BENCHES / f"{name}.py"), *args]
    print(f"== {name} {shlex.join(args)}", flush=True)
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=ROOT,
            check=False,
        )
        status = "ok" if proc.returncode == 0 else f"failed (exit {proc.returncode})"
        stdout, stderr = proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as e:
        status = f"timed out after {timeout:.0f} s"
        stdout = e.stdout.decode() if isinstance(e.stdout, bytes) else e.stdout or ""
        stderr = e.stderr.decode() if isinstance(e.stderr, bytes) else e.stderr or ""
    seconds = round(time.perf_counter() - start, 1)
    print(f"   {status} in {seconds} s", flush=True)
    if status != "ok":
        print("   " + "\n   ".join(stderr.strip().splitlines()[-15:]), flush=True)
    return {
        "benchmark": name,
        "command": shlex.join(["python", f"benches/{name}.py", *args]),
        "sizes": "own defaults" if not args else "as given",
        "status": status,
        "seconds": seconds,
        "result": last_json(stdout),
        "stdout": stdout.splitlines(),
        "stderr_tail": stderr.strip().splitlines()[-20:],
    }


def headline(record: dict[str, object]) -> str:
    """A few figures of the result, else the last line of text the benchmark printed."""
    result = record["result"]
    if isinstance(result, dict):
        scalars = [
            f"{k}={v}"
            for k, v in result.items()
            if isinstance(v, int | float | str | bool) and not isinstance(v, dict)
        ]
        return ", ".join(scalars[:6])
    if isinstance(result, list):
        return f"{len(result)} result line(s)"
    lines = [
        line.strip()
        for line in record["stdout"]  # type: ignore[union-attr]
        if line.strip() and not line.strip().startswith(("{", "}", "[", "]", '"', "|"))
    ]
    return lines[-1] if lines else ""


def summary_markdown(meta: dict[str, object], records: list[dict[str, object]]) -> str:
    out = [
        "# Benchmark run",
        "",
        f"{meta['date']} · {meta['machine']} · {meta['cores']} cores · "
        f"tipsom {meta['tipsom']} · {meta['mode']} sizes · {meta['seconds']} s in all",
        "",
        "| benchmark | status | seconds | command | last line printed |",
        "|---|---|---|---|---|",
    ]
    for r in records:
        cells = [
            str(r["benchmark"]),
            str(r["status"]),
            str(r["seconds"]),
            f"`{r['command']}`",
            headline(r).replace("|", "\\|"),
        ]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    out.append("Each benchmark's output is in `<benchmark>.json` beside this file.")
    return "\n".join(out) + "\n"


def parse_overrides(values: list[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for value in values:
        name, sep, args = value.partition("=")
        if not sep:
            msg = f"--args takes NAME=ARGUMENTS, got {value!r}"
            raise SystemExit(msg)
        out[name.strip()] = shlex.split(args)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--only", help="comma-separated benchmarks (read or bench_read)"
    )
    parser.add_argument(
        "--full", action="store_true", help="each benchmark at its own default sizes"
    )
    parser.add_argument(
        "--args",
        action="append",
        default=[],
        metavar="NAME=ARGS",
        help="arguments for one benchmark (repeatable)",
    )
    parser.add_argument("--out", default=str(ROOT / "bench-results"))
    parser.add_argument(
        "--timeout", type=float, default=1800, help="seconds per benchmark"
    )
    parser.add_argument(
        "--list", action="store_true", help="print the commands and stop"
    )
    opts = parser.parse_args()

    overrides = parse_overrides(opts.args)
    names = discover()
    if opts.only:
        wanted = {w.strip() for w in opts.only.split(",") if w.strip()}
        unknown = wanted - set(names) - {short(n) for n in names}
        if unknown:
            msg = f"unknown benchmark(s) {sorted(unknown)}; there are {names}"
            raise SystemExit(msg)
        names = [n for n in names if n in wanted or short(n) in wanted]
    plan = [(n, arguments(n, full=opts.full, overrides=overrides)) for n in names]
    if opts.list:
        for name, args in plan:
            print(shlex.join(["python", f"benches/{name}.py", *args]))
        return 0

    out = Path(opts.out)
    out.mkdir(parents=True, exist_ok=True)
    import tipsom

    started = time.perf_counter()
    records = []
    for name, args in plan:
        record = run(name, args, opts.timeout)
        if not opts.full and name not in SMALL and not args:
            record["sizes"] = "own defaults: no small sizes in benches/run_all.py"
        records.append(record)
        (out / f"{name}.json").write_text(json.dumps(record, indent=2) + "\n")
    meta = {
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": platform.machine(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "tipsom": tipsom.__version__,
        "mode": "full" if opts.full else "small",
        "seconds": round(time.perf_counter() - started, 1),
    }
    summary = {
        **meta,
        "benchmarks": [
            {k: r[k] for k in ("benchmark", "status", "seconds", "sizes", "command")}
            for r in records
        ],
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    (out / "summary.md").write_text(summary_markdown(meta, records))
    failed = [r["benchmark"] for r in records if r["status"] != "ok"]
    print(f"\n{len(records)} benchmark(s) in {meta['seconds']} s; results in {out}/")
    if failed:
        print(f"failed: {', '.join(map(str, failed))}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
