"""The one persons table (src/persons.rs): its conflict rules, and that every path shares it."""

from __future__ import annotations

import datetime as dt

import polars as pl
import pytest
import tipsom as ts
from tipsom.indicators import _persons


def _records() -> pl.DataFrame:
    d = dt.date.fromisoformat
    return pl.DataFrame(
        {
            "record_id": ["r1", "r2", "r3", "r4", "r5", "r6"],
            "person_id": ["a", "a", "a", "b", "b", None],
            "date": [
                d("2021-03-01"),
                d("2020-01-05"),
                None,
                d("2022-06-01"),
                None,
                None,
            ],
            "source": ["S1", "S2", "S1", "unknown", None, "S3"],
            "sex": ["male", "unknown", "unknown", "female", None, "male"],
            "district": ["Lahore", "Kasur", None, None, None, "Multan"],
            "crime_type": ["tip", "som", "tip_related", "unknown", None, "tip"],
            "role": ["witness", "victim", None, None, None, "victim"],
            "age": [17, 16, None, None, None, 30],
            "cnic": [None, None, None, None, None, "3520212345671"],
            "exploitation": [["begging"], ["unknown"], None, [], None, ["other"]],
        }
    )


def test_conflict_rules_known_answers() -> None:
    p = _persons.person_table(_records())
    assert p["person_id"].to_list() == [
        "a",
        "b",
    ]  # a record without person_id is left out
    assert p["n_records"].to_list() == [3, 2]
    # 'unknown' twice does not outvote one 'male'; nothing known is 'unknown'.
    assert p["sex"].to_list() == ["male", "female"]
    # Lahore (2021) and Kasur (2020) tie: the earliest record's value wins.
    assert p["district"].to_list() == ["Kasur", "unknown"]
    # tip in one record and som in another: both; a victim in any record is a victim.
    assert p["crime_type"].to_list() == ["both", "unknown"]
    assert p["role"].to_list() == ["victim", "unknown"]
    # Age at the earliest record giving one (2020: 16), not a majority.
    assert p["age"].to_list() == [16, None]
    # Identifiers stay missing when no record knows them.
    assert p["cnic"].to_list() == [None, None]
    assert p["source"].to_list() == [["S1", "S2"], ["unknown"]]
    assert p["n_sources"].to_list() == [2, 0]
    assert p["exploitation"].to_list() == [["begging"], ["unknown"]]
    assert p["date"].to_list() == [dt.date(2020, 1, 5), dt.date(2022, 6, 1)]
    assert p["last_date"].to_list() == [dt.date(2021, 3, 1), dt.date(2022, 6, 1)]
    assert p["conflicts"].to_list() == [["district", "crime_type", "role"], []]


def test_row_order_does_not_matter() -> None:
    records = _records()
    base = _persons.person_table(records)
    for seed in range(5):
        shuffled = records.sample(fraction=1.0, shuffle=True, seed=seed)
        assert _persons.person_table(shuffled).equals(base)


def test_ties_without_dates_go_to_the_smallest_record_id() -> None:
    r = pl.DataFrame(
        {
            "record_id": ["r2", "r1"],
            "person_id": ["p", "p"],
            "province": ["Sindh", "Punjab"],
        }
    )
    assert _persons.person_table(r)["province"].to_list() == ["Punjab"]


@pytest.fixture(scope="module")
def linked() -> tuple[pl.DataFrame, ts.Linkage]:
    records = ts.normalize(ts.datasets.circle_returns(n_persons=300, seed=3))
    return records, ts.deduplicate(records)


def test_linkage_and_indicators_share_one_table(linked) -> None:
    records, links = linked
    table = links.persons
    assert ts.indicators.persons(links) is table
    assert ts.indicators.persons(records, links) is table
    # Built from the records with person_id, the same table.
    assert _persons.person_table(links.records).equals(
        table.select(_persons.person_table(links.records).columns)
    )
    assert table["n_records"].sum() == records.height
    assert table["person_id"].is_sorted()


def test_report_builds_the_persons_table_once(linked, tmp_path, monkeypatch) -> None:
    records, _ = linked
    links = ts.deduplicate(records)
    calls = []
    real = _persons.person_table

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(_persons, "person_table", counting)
    ts.report(records, links, path=tmp_path / "r.html")
    # The Linkage's table, and that of the records inside the census for the two rate
    # tables (these data have records in AJK and Gilgit-Baltistan); nothing else.
    assert len(calls) == 2
    ts.mse.estimate(links, crime_type=["tip", "both"])
    ts.indicators.victims(links, by="province")
    ts.indicators.persons(records, links)
    assert len(calls) == 2
