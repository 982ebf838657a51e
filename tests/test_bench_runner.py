"""``benches/run_all.py`` (``make bench``): what it runs and how it reads the results."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

RUN_ALL = Path(__file__).resolve().parents[1] / "benches" / "run_all.py"


@pytest.fixture(scope="module")
def run_all():
    spec = importlib.util.spec_from_file_location("run_all", RUN_ALL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_small_entry_names_a_benchmark(run_all) -> None:
    found = run_all.discover()
    assert "bench_read" in found
    assert "noisy_victims" not in found  # a data generator, not a benchmark
    assert set(run_all.SMALL) <= set(found)


def test_sizes_small_full_and_given(run_all) -> None:
    small = run_all.arguments("bench_read", full=False, overrides={})
    assert small == ["--persons", "50000", "--repeat", "1"]
    assert run_all.arguments("bench_read", full=True, overrides={}) == []
    given = run_all.parse_overrides(["read=--persons 10 --repeat 2"])
    assert run_all.arguments("bench_read", full=False, overrides=given) == [
        "--persons",
        "10",
        "--repeat",
        "2",
    ]
    with pytest.raises(SystemExit):
        run_all.parse_overrides(["read"])


def test_result_is_the_last_json_object_or_the_result_lines(run_all) -> None:
    text = 'generated 10 records\n{"a": 1}\ntext\n{\n  "b": {"c": 2}\n}\ndone\n'
    assert run_all.last_json(text) == {"b": {"c": 2}}
    assert run_all.last_json("no json here {not json}\n") is None
    lines = 'x\nRESULT {"f1": 0.9}\nRESULT {"f1": 0.8}\n{"z": 0}\n'
    assert run_all.last_json(lines) == [{"f1": 0.9}, {"f1": 0.8}]


def test_list_prints_one_command_per_benchmark(run_all) -> None:
    out = subprocess.run(
        [sys.executable, str(RUN_ALL), "--list", "--only", "read,mse"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert out == [
        "python benches/bench_mse.py --replicates 100 --no-r",
        "python benches/bench_read.py --persons 50000 --repeat 1",
    ]
    bad = subprocess.run(
        [sys.executable, str(RUN_ALL), "--list", "--only", "nonesuch"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode != 0
    assert "nonesuch" in bad.stderr
