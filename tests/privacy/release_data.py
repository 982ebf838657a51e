"""Generated victim records for the disclosure tests (canonical columns, synthetic)."""

from __future__ import annotations

import datetime as dt
import random

import polars as pl

PROVINCES = {
    "Punjab": ["Lahore", "Gujranwala", "Sialkot"],
    "Sindh": ["Karachi South", "Hyderabad"],
    "Khyber Pakhtunkhwa": ["Peshawar"],
    "Balochistan": ["Quetta"],
    "Islamabad Capital Territory": ["Islamabad"],
}
FORMS = [
    "sexual_exploitation",
    "forced_labour",
    "bonded_labour",
    "domestic_servitude",
    "begging",
    "forced_marriage",
]
#: (label, source type): a few large circles and some small units of rarer types.
UNITS = [
    ("AHTC Lahore", "fia_circle"),
    ("AHTC Karachi", "fia_circle"),
    ("Punjab Police", "police"),
    ("Sindh SWD", "social_welfare"),
    ("Dar ul Aman Quetta", "shelter"),
    ("Legal aid NGO", "ngo"),
]


def release_records(n: int, seed: int) -> pl.DataFrame:
    """``n`` records of about ``0.8 n`` persons; rare categories make small cells."""
    rng = random.Random(seed)
    weights = [rng.uniform(0.05, 1) for _ in UNITS]
    rare = rng.uniform(0.0, 0.08)
    rows = []
    persons: dict[str, dict] = {}
    for i in range(n):
        pid = f"p{rng.randrange(max(1, int(n * 0.8)))}"
        if pid not in persons:
            prov = rng.choices(list(PROVINCES), weights=[5, 4, 2, 1, rare * 10 + 0.1])[
                0
            ]
            sex = rng.choices(
                ["male", "female", "transgender", "unknown"],
                weights=[3, 5, rare * 3, 1],
            )[0]
            age = rng.randint(5, 60)
            persons[pid] = {
                "province": prov,
                "district": rng.choice(PROVINCES[prov]),
                "sex": sex,
                "age": age,
                "nationality": rng.choices(
                    ["PAK", "AFG", "BGD", "MMR", None],
                    weights=[20, 3, rare * 5, rare * 2, 2],
                )[0],
                "exploitation": rng.sample(FORMS, rng.choice([0, 1, 1, 1, 2])),
                "date": dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(1100)),
                "role": rng.choices(
                    ["victim", "unknown", "accused", "witness", "smuggled_migrant"],
                    weights=[20, 2, 2, rare * 10, 1],
                )[0],
                "protection": rng.choices(
                    [None, "in_shelter", "restored_to_family", "repatriated"],
                    weights=[10, 3, 2, rare * 10],
                )[0],
            }
        p = persons[pid]
        source, source_type = rng.choices(UNITS, weights=weights)[0]
        rows.append(
            {
                "record_id": f"r{i}",
                "person_id": pid,
                "source": source,
                "source_type": source_type,
                "sex": p["sex"],
                "age": p["age"],
                "age_group": "child" if p["age"] < 18 else "adult",
                "nationality": p["nationality"],
                "province": p["province"],
                "district": p["district"],
                "date": p["date"] + dt.timedelta(days=rng.randrange(30)),
                "crime_type": rng.choice(
                    ["tip", "tip", "tip", "som", "both", "unknown"]
                ),
                "exploitation": p["exploitation"],
                "case_id": f"c{rng.randrange(max(1, n // 3))}",
                "case_status": rng.choice(
                    ["investigation", "prosecution", "convicted", "acquitted"]
                ),
                "issues": rng.choice([[], [], ["date.ambiguous"]]),
                "role": p["role"],
                "protection_status": p["protection"],
            }
        )
    frame = pl.DataFrame(rows)
    # Case dates: a challan for most cases, a verdict for some (a few days to years).
    cases = frame["case_id"].unique().sort().to_list()
    fir = {
        c: dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(1100)) for c in cases
    }
    challan = {
        c: fir[c] + dt.timedelta(days=rng.randrange(-5, 200))
        for c in cases
        if rng.random() < 0.7
    }
    verdict = {
        c: challan[c] + dt.timedelta(days=rng.randrange(30, 900))
        for c in challan
        if rng.random() < rare * 8
    }
    return frame.with_columns(
        pl.col("case_id").replace_strict(fir, return_dtype=pl.Date).alias("date_fir"),
        pl.col("case_id")
        .replace_strict(challan, default=None, return_dtype=pl.Date)
        .alias("date_challan"),
        pl.col("case_id")
        .replace_strict(verdict, default=None, return_dtype=pl.Date)
        .alias("date_verdict"),
    )


def release_returns(seed: int, months: int = 6) -> pl.DataFrame:
    """Monthly returns of the units: small flows, mostly balanced and carried over."""
    rng = random.Random(seed)
    rows = []
    for label, _ in UNITS:
        pending = rng.randrange(0, 30)
        for m in range(months):
            new = rng.choice([0, 1, 2, 3, rng.randrange(4, 20)])
            disposed = rng.randrange(0, pending + new + 1)
            brought = pending if rng.random() > 0.1 else pending + rng.randrange(1, 3)
            pending = brought + new - disposed
            reported = pending if rng.random() > 0.1 else pending + 1
            rows.append(
                {
                    "source": label,
                    "month": f"2023-{m + 1:02d}",
                    "brought_forward": brought,
                    "new": new,
                    "disposed": disposed,
                    "pending": reported,
                }
            )
    return pl.DataFrame(rows)


class Linkage:
    """Records that carry their ``person_id`` (what ``tipsom.deduplicate`` gives)."""

    def __init__(self, records: pl.DataFrame) -> None:
        self.records = records
