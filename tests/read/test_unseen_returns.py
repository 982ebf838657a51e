"""Floors on returns tipsom was not built on.

``tests/data/unseen_returns`` (held out), ``tests/data/unseen_returns_3`` (a fresh held-out set)
and ``tests/data/unseen_returns_dev`` were written, with their ground truth, by helpers who had not read tipsom's reader, normalizer or generator,
from a description of real practice (units, house styles, languages, faults). The held-out set
was scored once before and once after the reading work of 2026-12-05 (figures in CHANGELOG);
these floors sit a little below the figures measured after, so that a change that loses
records or fields on unseen house styles fails here. Never tune rules to these sets: write a
fresh one instead. The scorer is ``scripts/score_returns.py`` (frozen with the held-out set).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

#: Accuracy floors (percent of matched records with a recoverable value) and the share of
#: truth records read, per set. Measured figures are in CHANGELOG.md (2026-12-05).
FLOORS = {
    "unseen_returns": {
        "matched": 99.5,
        "spurious_from_non_data_sheets": 0,
        "fields": {
            "date": 99.0,
            "district": 97.0,
            "province": 96.5,
            "case_status": 94.0,
            "cnic": 93.5,
            "sex": 99.0,
            "age": 98.0,
            "law_sections": 90.0,
        },
        "crime_coarse": 91.0,
    },
    # Written on 2026-12-05 after the held-out set's final run, as a fresh held-out set; the
    # reader was not changed for it (figures in CHANGELOG).
    "unseen_returns_3": {
        "matched": 87.0,
        "spurious_from_non_data_sheets": 0,
        "fields": {
            "date": 88.5,
            "district": 85.5,
            "province": 89.0,
            "case_status": 75.5,
            "cnic": 84.5,
            "sex": 92.0,
            "age": 99.0,
            "law_sections": 72.5,
            "protection_status": 83.0,
        },
        "crime_coarse": 84.0,
    },
    # Written on 2026-12-06 by a helper that had not read the code (FEATURES.md: its own
    # conventions for nationality and law sections). Scored once before (main at f18261c) and
    # once after that session's reading changes; floors a little below the after figures.
    "unseen_returns_4": {
        "matched": 89.0,
        "spurious_from_non_data_sheets": 0,
        "fields": {
            "date": 80.0,
            "district": 98.5,
            "province": 97.5,
            "case_status": 88.0,
            "cnic": 89.0,
            "sex": 99.5,
            "age": 98.0,
            "law_sections": 85.5,
            "protection_status": 83.5,
        },
        "crime_coarse": 95.0,
    },
    # A second development set written on 2026-12-06 without reading the code; rules were
    # developed on it. Accused and complainants sharing a victim's row are not yet read as
    # records, and 42 rows of its non-data sheets are still read (CHANGELOG): the floors hold
    # what is measured, to be raised.
    "unseen_returns_dev2": {
        "matched": 73.5,
        "spurious_from_non_data_sheets": 42,
        "fields": {
            "date": 99.0,
            "district": 88.5,
            "province": 95.5,
            "case_status": 95.0,
            "cnic": 90.5,
            "sex": 98.5,
            "age": 98.5,
            "law_sections": 93.0,
            "protection_status": 79.0,
        },
        "crime_coarse": 93.0,
    },
    "unseen_returns_dev": {
        "matched": 99.5,
        "spurious_from_non_data_sheets": 0,
        "fields": {
            "date": 98.0,
            "district": 91.0,
            "province": 97.0,
            "case_status": 97.0,
            "cnic": 96.0,
            "sex": 98.0,
            "age": 98.0,
            "law_sections": 94.0,
            "protection_status": 90.0,
        },
        "crime_coarse": 95.0,
    },
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def scored(request, tmp_path_factory):
    out = tmp_path_factory.mktemp("score") / "figures.json"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "score_returns.py"),
            str(ROOT / "tests" / "data" / request.param),
            "--json",
            str(out),
            *FLOORS[request.param].get("scorer_args", []),
        ],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    return request.param, json.loads(out.read_text(encoding="utf-8"))


def test_every_record_is_read_and_no_hidden_or_summary_sheet_gives_records(scored):
    name, figures = scored
    floors = FLOORS[name]
    records = figures["records"]
    assert 100 * records["matched"] / records["truth"] >= floors["matched"]
    assert (
        records["spurious_from_non_data_sheets"]
        <= floors["spurious_from_non_data_sheets"]
    )


def test_fields_are_read_as_written(scored):
    name, figures = scored
    floors = FLOORS[name]
    low = {
        field: figures["fields"][field]["accuracy"]
        for field, floor in floors["fields"].items()
        if figures["fields"][field]["accuracy"] < floor
    }
    assert not low, low
    assert figures["fields"]["crime_type"]["coarse_accuracy"] >= floors["crime_coarse"]
