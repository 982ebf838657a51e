"""Small hand-built victim records with known answers."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest


def _d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


@pytest.fixture
def records() -> pl.DataFrame:
    """Eight records of six persons (p1 seen three times, p2 twice), two sources."""
    return pl.DataFrame(
        {
            "record_id": ["r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8"],
            "person_id": ["p1", "p1", "p1", "p2", "p2", "p3", "p4", "p5"],
            "source": [
                "AHTC Lahore",
                "Punjab Police",
                "AHTC Lahore",
                "AHTC Karachi",
                "Sindh SWD",
                "AHTC Lahore",
                "AHTC Karachi",
                "AHTC Lahore",
            ],
            "source_type": [
                "fia_circle",
                "police",
                "fia_circle",
                "fia_circle",
                "social_welfare",
                "fia_circle",
                "fia_circle",
                "fia_circle",
            ],
            "sex": [
                "female",
                "female",
                "male",
                "male",
                "unknown",
                "female",
                "male",
                "male",
            ],
            "age": [15, 16, 15, 30, None, 25, 40, 12],
            "age_group": [
                "child",
                "child",
                "child",
                "adult",
                "unknown",
                "adult",
                "adult",
                "child",
            ],
            "nationality": ["PAK", "PAK", "PAK", "AFG", "AFG", "PAK", None, "PAK"],
            "province": [
                "Punjab",
                "Punjab",
                "Punjab",
                "Sindh",
                "Sindh",
                "Punjab",
                "Sindh",
                "Punjab",
            ],
            "district": [
                "Lahore",
                "Lahore",
                "Kasur",
                "Karachi South",
                "Karachi South",
                "Lahore",
                "Karachi East",
                "Gujranwala",
            ],
            "date": [
                _d("2022-12-30"),
                _d("2023-01-05"),
                _d("2023-02-01"),
                _d("2023-03-10"),
                _d("2023-03-12"),
                _d("2023-03-15"),
                _d("2024-01-02"),
                _d("2024-02-20"),
            ],
            "crime_type": ["tip", "tip", "tip", "som", "tip", "tip", "som", "tip"],
            "exploitation": [
                ["sexual_exploitation"],
                ["sexual_exploitation", "domestic_servitude"],
                [],
                ["forced_labour"],
                ["bonded_labour"],
                ["sexual_exploitation"],
                ["unknown"],
                ["begging"],
            ],
            "case_id": ["c1", "c1", "c1", "c2", "c2", "c3", "c4", "c5"],
            "case_status": [
                "investigation",
                "prosecution",
                "convicted",
                "prosecution",
                "acquitted",
                "investigation",
                "closed",
                "prosecution",
            ],
            "issues": [[], ["date.ambiguous"], [], [], ["sex.missing"], [], [], []],
        }
    )


class FakeLinkage:
    """Stand-in for a Linkage: anything with a `.records` frame carrying person_id."""

    def __init__(self, records: pl.DataFrame) -> None:
        self.records = records


@pytest.fixture
def linkage(records: pl.DataFrame) -> FakeLinkage:
    return FakeLinkage(records)
