"""Relations between tables the audit models: sums across levels, roles, case tables.

Each test builds the leak first (the tables solved without the relation, or published
as they were before) and shows that an attack recovers a withheld count; then that the
joint pattern leaves the attack nothing.
"""

from __future__ import annotations

import random

import polars as pl
import tipsom as ts
from hypothesis import given, settings
from hypothesis import strategies as st
from release_data import Linkage, release_records, release_returns
from tipsom.indicators._disclosure import SUPPRESSED_MARK, publication_table
from tipsom.indicators._release import Release, recording

PLACES = {
    "Lahore": "Punjab",
    "Sialkot": "Punjab",
    "Multan": "Punjab",
    "Karachi": "Sindh",
    "Hyderabad": "Sindh",
}


MONTHS = ["2023-01", "2023-02", "2023-03", "2024-01", "2024-02"]


def _persons(seed: int, n: int = 120) -> pl.DataFrame:
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        d = rng.choices(list(PLACES), weights=[6, 1, 2, 5, 1])[0]
        rows.append(
            {
                "district": d,
                "province": PLACES[d],
                "sex": rng.choices(["female", "male", "transgender"], [5, 4, 0.3])[0],
                "month": rng.choices(MONTHS, weights=[6, 5, 1, 6, 1])[0],
                "role": rng.choices(["victim", "accused"], weights=[5, 1])[0],
            }
        )
    return pl.DataFrame(rows).with_columns(
        pl.col("month").str.slice(0, 4).alias("year")
    )


def _release(frame: pl.DataFrame, *, related: bool, monkeypatch=None):
    """District, province, month, year and role tables, solved as one release."""
    victims = frame.filter(pl.col("role") == "victim")
    specs = {
        "by district and sex": (victims, "district", "victims"),
        "by province and sex": (victims, "province", "victims"),
        "by month and sex": (victims, "month", "victims"),
        "by year and sex": (victims, "year", "victims"),
        "by role and sex": (frame, "role", "persons"),
    }
    with recording() as rel:
        shown = {
            name: publication_table(
                data.group_by(key, "sex").len(value),
                value=value,
                rows=[key],
                columns="sex",
                threshold=5,
            )
            for name, (data, key, value) in specs.items()
        }
    for name, table in shown.items():
        g = rel.grids[rel.frames[id(table)]]
        g.name = name
        g.population = "persons" if name == "by role and sex" else "victims"
    rel.places = dict(PLACES)
    if related:
        rel.solve()
    else:
        with monkeypatch.context() as m:
            m.setattr(Release, "relations", lambda self, items: [])
            rel.solve()
    return rel, rel.render(shown)


def _subtraction_attack(tables: dict[str, pl.DataFrame]) -> list[tuple[str, str, int]]:
    """Withheld cells given by a published total less its other published parts.

    Independent of the audit: a province (year) cell minus the published district
    (month) cells of that province (year) and sex, when only one part is withheld.
    """
    found = []
    for fine, coarse, key, parent in (
        ("by district and sex", "by province and sex", "district", PLACES.get),
        ("by month and sex", "by year and sex", "month", lambda m: m[:4]),
    ):
        f, c = tables[fine], tables[coarse]
        for sex in [s for s in f.columns[1:] if s != "Total"]:
            for row in c.iter_rows(named=True):
                if row[c.columns[0]] == "Total" or row.get(sex, "x") == SUPPRESSED_MARK:
                    continue
                parts = [
                    r[sex]
                    for r in f.iter_rows(named=True)
                    if r[key] != "Total" and parent(r[key]) == row[c.columns[0]]
                ]
                hidden = [p for p in parts if p == SUPPRESSED_MARK]
                if len(hidden) == 1:
                    known = sum(int(p.replace(",", "")) for p in parts if p != "x")
                    value = int(row[sex].replace(",", "")) - known
                    if value > 0:
                        found.append((fine, sex, value))
    return found


def test_sums_across_levels_and_roles_leak_alone_and_not_jointly(monkeypatch):
    leaked_tables: set[str] = set()
    attacks = 0
    for seed in range(6):
        frame = _persons(seed)
        old, old_tables = _release(frame, related=False, monkeypatch=monkeypatch)
        bad = old.audit().filter(~pl.col("safe"))
        leaked_tables |= set(bad["table"].to_list())
        attacks += len(_subtraction_attack(old_tables))
        new, new_tables = _release(frame, related=True)
        audit = new.audit()
        assert audit["safe"].all(), (seed, audit.filter(~pl.col("safe")))
        assert not _subtraction_attack(new_tables), seed
    # Without the relations the same tables give withheld counts away: districts
    # through provinces, months through years, victims by sex through the role table.
    assert {"by district and sex", "by month and sex", "by role and sex"} <= (
        leaked_tables
    )
    assert attacks > 0


@settings(max_examples=4, deadline=None)
@given(seed=st.integers(0, 100_000), n=st.integers(40, 250))
def test_joint_pattern_of_levels_passes_the_audit(seed, n):
    rel, tables = _release(_persons(seed, n), related=True)
    audit = rel.audit()
    assert audit["safe"].all(), audit.filter(~pl.col("safe"))
    assert not _subtraction_attack(tables)


def test_relations_found_from_levels():
    frame = _persons(3)
    rel, _ = _release(frame, related=True)
    items = rel.items()
    pairs = {
        (rel.grids[total.grid].name, rel.grids[parts[0].grid].name)
        for total, parts in rel.relations(items)
    }
    assert ("by province and sex", "by district and sex") in pairs
    assert ("by year and sex", "by month and sex") in pairs
    # The victim row of the role table is the sex totals of the victim tables.
    assert ("by role and sex", "by province and sex") in pairs
    # A relation only where the counts agree: Punjab female = its districts' females.
    for total, parts in rel.relations(items):
        assert total.value == sum(p.value for p in parts)


def _build(records, returns=None):
    from tipsom.indicators._persons import person_cache, records_of
    from tipsom.indicators._publish import release_tables

    frame, has_person = records_of(records, Linkage(records))
    kept = []
    with person_cache():
        tables = release_tables(
            frame,
            has_person=has_person,
            suspects=None,
            returns=returns,
            unit="person",
            suppress_below=5,
            round_to=None,
            census=2023,
            release=kept,
        )
    return tables, kept[0]


def test_case_funnel_steps_do_not_give_a_small_difference():
    # Registered less challan is the number of cases that stop at registration: with
    # every step published (the funnel before), a small number of them is exact.
    records = release_records(300, 5)
    cases = records["case_id"].unique().sort().to_list()
    stop = set(cases[:3])
    records = records.with_columns(
        pl.when(pl.col("case_id").is_in(stop))
        .then(pl.lit("investigation"))
        .otherwise(pl.lit("prosecution"))
        .alias("case_status"),
        pl.when(pl.col("case_id").is_in(stop))
        .then(None)
        .otherwise(pl.col("date_challan"))
        .alias("date_challan"),
    )
    tables, rel = _build(records)
    funnel = tables["Case funnel"]
    g = rel.grid("Case funnel")
    assert int(g.counts[0, 0]) == 3  # the cases that stop at registration
    for e in g.extras:
        e.status = "published"
    leak = rel.audit().filter(pl.col("table") == "Case funnel").row(0, named=True)
    assert leak["lower"] == leak["upper"] == 3
    # Published: registered or challan withheld, with every share that gives it.
    steps = dict(zip(funnel["step"], funnel["cases"], strict=True))
    assert SUPPRESSED_MARK in (steps["registered"], steps["challan"])
    _, rel = _build(records)
    assert rel.audit()["safe"].all()
    for row in funnel.iter_rows(named=True):
        if row["cases"] == SUPPRESSED_MARK:
            assert row["% of registered"] in (SUPPRESSED_MARK, "")


def test_returns_balance_and_carry_over_do_not_give_a_withheld_flow():
    records = release_records(200, 2)
    returns = pl.DataFrame(
        {
            "source": ["AHTC Lahore"] * 3,
            "month": ["2023-01", "2023-02", "2023-03"],
            "brought_forward": [40, 42, 40],
            "new": [12, 2, 15],
            "disposed": [10, 4, 11],
            "pending": [42, 40, 44],
        }
    )
    tables, rel = _build(records, returns)
    shown = tables["Monthly returns: balance checks"]
    february = shown.filter(pl.col("month") == "2023-02").row(0, named=True)
    assert february["new"] == SUPPRESSED_MARK
    # The attack: brought forward + new - disposed = pending, or expected pending.
    known = [february[c] for c in ("brought_forward", "disposed", "pending")]
    assert SUPPRESSED_MARK in known or february["expected_pending"] == SUPPRESSED_MARK
    audit = rel.audit().filter(pl.col("table") == "Monthly returns: balance checks")
    new = audit.filter((pl.col("column") == "new") & (pl.col("value") == 2))
    assert new.height == 1
    assert new["upper"][0] - new["lower"][0] >= 5
    assert rel.audit()["safe"].all()
    # Before: every count published, the balance pins February's two new cases.
    g = rel.grid("Monthly returns: balance checks")
    i = g.row_labels.index("AHTC Lahore / 2023-02")
    for j in range(4):
        g.cell[i, j] = "published" if j != 1 else "primary"
    for e in g.extras:
        e.status = "published"
    pinned = rel.audit().filter(
        (pl.col("table") == "Monthly returns: balance checks")
        & (pl.col("column") == "new")
    )
    assert pinned["lower"][0] == pinned["upper"][0] == 2


def test_report_counts_and_durations_follow_the_release():
    seed = 2
    records = release_records(120, seed)
    returns = release_returns(seed)
    tables, rel = _build(records, returns)
    times = tables["Days from FIR to challan and verdict"]
    for row in times.iter_rows(named=True):
        if row["cases"] == SUPPRESSED_MARK or int(row["cases"].replace(",", "")) < 5:
            assert row["median_days"] in (SUPPRESSED_MARK, "")
    audit = ts.indicators.publication_audit(records, Linkage(records), returns=returns)
    assert audit["safe"].all()
    names = {g.name for g in rel.grids}
    assert {
        "Monthly returns: balance checks",
        "Summary: persons",
        "Case funnel",
        "Days from FIR to challan and verdict",
        "Data quality by source",
    } <= names
