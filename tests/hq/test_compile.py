"""The monthly compilation: coverage, revisions, stable ids and the change report."""

from __future__ import annotations

from collections import Counter

import polars as pl
import pytest
import tipsom as ts
from tipsom import hq
from tipsom.exceptions import InvalidArgumentError, SchemaError

MAY, JUNE = "2025-05", "2025-06"
DROPPED = "FIA AHTC Quetta"


@pytest.fixture(scope="module")
def model():
    records = ts.normalize(ts.datasets.circle_returns(400, seed=99, truth=False))
    return ts.deduplicate(records).settings


def _hand(rows):
    """Hand-made persons for merges and splits (text columns as read)."""
    cols = [
        "record_id",
        "source",
        "name",
        "father_name",
        "sex",
        "age",
        "date_of_birth",
        "cnic",
        "phone",
        "district",
        "fir_no",
        "period",
    ]
    return pl.DataFrame(
        [dict(zip(cols, r, strict=True)) for r in rows],
        schema=dict.fromkeys(cols, pl.String),
    )


# A (unit X) and B (unit Y) share only a name in May; C in June carries A's CNIC and
# B's phone and date of birth: one person. D (X) and E (Y) are one person in May;
# Y's revision of May corrects E into somebody else: the person splits.
A = (
    "h-a",
    "Unit X",
    "Nasreen Akhtar",
    "Ghulam Rasool",
    "female",
    "24",
    None,
    "3520112345674",
    None,
    "Lahore",
    "11/2025",
    MAY,
)
B = (
    "h-b",
    "Unit Y",
    "Nasreen Akhtar",
    None,
    "female",
    None,
    "2001-02-03",
    None,
    "03001234567",
    "Kasur",
    "12/2025",
    MAY,
)
C = (
    "h-c",
    "Unit Z",
    "Nasreen Akhtar",
    "Ghulam Rasool",
    "female",
    "24",
    "2001-02-03",
    "3520112345674",
    "03001234567",
    "Lahore",
    "13/2025",
    JUNE,
)
D = (
    "h-d",
    "Unit X",
    "Kamran Ali",
    "Bashir Ahmed",
    "male",
    "30",
    None,
    "3410198765431",
    None,
    "Multan",
    "21/2025",
    MAY,
)
E = (
    "h-e",
    "Unit Y",
    "Kamran Ali",
    "Bashir Ahmed",
    "male",
    "30",
    None,
    "3410198765431",
    None,
    "Multan",
    "22/2025",
    MAY,
)
E_REVISED = (
    "h-e",
    "Unit Y",
    "Kamran Ali",
    "Nazir Hussain",
    "male",
    "47",
    None,
    "3410155555553",
    None,
    "Multan",
    "22/2025",
    MAY,
)


@pytest.fixture(scope="module")
def months():
    noise = dict.fromkeys(ts.datasets.NOISE_DEFAULTS, 0.0)
    df = ts.datasets.circle_returns(
        80,
        seed=5,
        noise=noise,
        share_siblings=0,
        share_namesakes=0,
        share_multi_source=0.3,
    ).with_row_index("i")
    first = df.group_by("true_person_id").agg(pl.col("i").min().alias("first"))
    df = df.join(first, on="true_person_id").with_columns(
        period=pl.when(
            (pl.col("i") == pl.col("first")) & (pl.col("true_person_id") % 2 == 0)
        )
        .then(pl.lit(MAY))
        .otherwise(pl.lit(JUNE))
    )
    truth = dict(zip(df["record_id"], df["true_person_id"], strict=True))
    raw = df.select(pl.exclude("^true_.*$", "i", "first"))
    may = raw.filter(pl.col("period") == MAY)
    june = raw.filter((pl.col("period") == JUNE) & (pl.col("source") != DROPPED))
    return may, june, truth


def test_two_months(months, model, tmp_path):
    may, june, truth = months
    state = tmp_path / "state"
    may_in = pl.concat([may, _hand([A, B, D, E])], how="diagonal_relaxed")
    c1 = hq.compile(may_in, state, settings=model)
    assert (state / "records.parquet").exists()
    assert set(c1.changes["event"]) == {"new_person"}
    person = dict(
        zip(c1.records["return_record_id"], c1.records["person_id"], strict=True)
    )
    # Preconditions of the hand-made events.
    assert person["h-a"] != person["h-b"]
    assert person["h-d"] == person["h-e"]
    # Truth of May: one person per true person (noise-free records).
    may_ids = c1.records.filter(~pl.col("return_record_id").str.starts_with("h-"))
    assert may_ids["person_id"].n_unique() == may_ids.height

    unit_y_may = _hand([B, E_REVISED]).with_columns(revision=pl.lit("1"))
    june_in = pl.concat([june, _hand([C]), unit_y_may], how="diagonal_relaxed")
    c2 = hq.compile(june_in, state)
    assert c2.number == 2

    # A missing return is flagged (the unit sent May, not June).
    # (Units X and Y sent May and not June; Z began in June and owes no May.)
    assert set(c2.missing_returns.iter_rows()) == {
        (DROPPED, JUNE),
        ("Unit X", JUNE),
        ("Unit Y", JUNE),
    }
    assert c2.coverage.filter(pl.col("unit") == "Unit Z")[MAY].item() is None
    assert c2.coverage.filter(pl.col("unit") == DROPPED)[JUNE].item() == "missing"
    flagged = c2.stock_flow.filter(
        (pl.col("unit") == DROPPED) & (pl.col("period") == JUNE)
    )
    assert flagged["issues"].item().to_list() == ["stock.return_missing"]

    # The revision replaces its original, with a diff naming the changed fields.
    y_may = c2.records.filter(
        (pl.col("source") == "Unit Y") & (pl.col("period") == MAY)
    )
    assert y_may.height == 2
    assert y_may["revision"].unique().to_list() == [1]
    assert c2.coverage.filter(pl.col("unit") == "Unit Y")[MAY].item() == "r1"
    log = c2.returns.filter((pl.col("unit") == "Unit Y") & (pl.col("period") == MAY))
    assert sorted(log.select("revision", "status").iter_rows()) == [
        (0, "replaced"),
        (1, "current"),
    ]
    assert c2.revisions.height == 1
    diff = c2.revisions.row(0, named=True)
    assert diff["change"] == "changed"
    assert set(diff["fields"]) == {"father_name", "cnic", "age"}

    # Persons of May keep their ids.
    now = dict(
        zip(c2.records["return_record_id"], c2.records["person_id"], strict=True)
    )
    for rid, pid in person.items():
        if rid in now and rid not in ("h-b", "h-e"):
            # A merge may give the smaller id to both parts; nothing else changes.
            assert now[rid] == pid or rid == "h-a", rid
    for rid in may_ids["return_record_id"]:
        later = [r for r in now if r != rid and truth.get(r) == truth[rid]]
        assert all(now[r] == person[rid] for r in later), rid

    # The change report lists exactly the generated events.
    def key(event, rids, unit):
        true = tuple(sorted({truth.get(r, r) for r in rids}, key=str))
        return (event, true, unit)

    back = dict(
        zip(c2.records["record_id"], c2.records["return_record_id"], strict=True)
    )
    got = Counter(
        key(e, [back[r] for r in rids], u if e.startswith("seen") else None)
        for e, rids, u in c2.changes.select("event", "record_ids", "unit").iter_rows()
    )
    expected: Counter = Counter()
    seen_in_may = {
        truth[r]: u for r, u in may.select("record_id", "source").iter_rows()
    }
    new_in_june: dict[int, list[str]] = {}
    for rid, unit in june.select("record_id", "source").iter_rows():
        t = truth[rid]
        if t in seen_in_may:
            same = unit == seen_in_may[t]
            event = "seen_again_same_unit" if same else "seen_again_other_unit"
            expected[(event, (t,), unit)] += 1
        else:
            new_in_june.setdefault(t, []).append(rid)
    for t in new_in_june:
        expected[("new_person", (t,), None)] += 1
    expected[("merge", ("h-a", "h-b", "h-c"), None)] += 1
    expected[("seen_again_other_unit", ("h-c",), "Unit Z")] += 1
    expected[("split", ("h-d", "h-e"), None)] += 1
    assert got == expected
    merge = c2.changes.filter(pl.col("event") == "merge").row(0, named=True)
    assert sorted(merge["previous_person_ids"]) == sorted(
        [person["h-a"], person["h-b"]]
    )
    assert merge["person_id"] == min(person["h-a"], person["h-b"])
    assert merge["explanation"].count("matches person") == 2
    split = c2.changes.filter(pl.col("event") == "split").row(0, named=True)
    assert "revision 1 of Unit Y 2025-05 replaced revision 0" in split["explanation"]
    # Explanations never carry a person's name or CNIC.
    text = " ".join(c2.changes["explanation"])
    assert "Nasreen" not in text
    assert "3520112345674" not in text

    # The state carries over: a third compilation with nothing new changes nothing.
    c3 = hq.compile(june.head(0), state, period="2025-07")
    assert c3.records.height == c2.records.height
    assert c3.changes.height == 0


def test_resending_a_month_without_revision_replaces_it(months, model, tmp_path):
    may, _, _ = months
    lahore = may.filter(pl.col("source") == "FIA AHTC Lahore")
    c1 = hq.compile(lahore, None, settings=model, save_to=tmp_path)
    c2 = hq.compile(lahore.head(lahore.height - 1), tmp_path)
    assert c2.records.height == c1.records.height - 1
    assert c2.revisions["change"].to_list() == ["removed"]
    assert c2.changes["event"].to_list() == ["withdrawn"]
    # An older revision arriving late is logged and ignored.
    stale = lahore.with_columns(revision=pl.lit("0"))
    c3 = hq.compile(stale, tmp_path)
    assert c3.records.height == c2.records.height
    assert "ignored" in c3.returns["status"].to_list()


def test_bad_input(months, tmp_path):
    may, _, _ = months
    with pytest.raises(InvalidArgumentError, match="YYYY-MM"):
        hq.compile(may.drop("period"), None)
    with pytest.raises(InvalidArgumentError, match="YYYY-MM"):
        hq.compile(may.drop("period"), None, period="June 2025")
    with pytest.raises(SchemaError, match="source"):
        hq.compile(may.drop("source"), None)
    (tmp_path / "records.parquet").write_bytes(b"")
    with pytest.raises(InvalidArgumentError, match="incomplete"):
        hq.compile(may, tmp_path)


def test_sending_a_return_again_changes_no_person(model, tmp_path):
    raw = ts.datasets.circle_returns(600, seed=1, truth=False)
    c1 = hq.compile(raw, tmp_path, period=MAY, settings=model)
    biggest = raw["source"].value_counts().sort("count")["source"][-1]
    c2 = hq.compile(raw.filter(pl.col("source") == biggest), tmp_path, period=MAY)
    assert c2.changes.height == 0
    assert c2.revisions.height == 0
    assert c2.coverage[MAY].to_list().count("r1") == 1

    def partition(c):
        # Persons as sets of original rows (record ids change with the revision).
        groups = c.records.group_by("person_id").agg(pl.col("return_record_id"))
        return {frozenset(g) for g in groups["return_record_id"].to_list()}

    assert partition(c2) == partition(c1)


def test_a_revision_that_removes_the_joining_record_splits_the_person(model, tmp_path):
    # D (unit X) and F (unit Z) share only a name; E (unit Y) has D's CNIC and F's phone.
    rows = [
        ("d", "Unit X", "Kamran Ali", "Bashir Ahmed", "male", "30", None,
         "3410198765431", None, "Multan", "21/2025", MAY),
        ("e", "Unit Y", "Kamran Ali", "Bashir Ahmed", "male", "30", None,
         "3410198765431", "03211234567", "Multan", "22/2025", MAY),
        ("f", "Unit Z", "Kamran Ali", None, "male", None, None,
         None, "03211234567", "Multan", "23/2025", MAY),
        ("g", "Unit Y", "Shazia Parveen", "Abdul Latif", "female", "19", None,
         "3520298765432", None, "Lahore", "24/2025", MAY),
    ]  # fmt: skip
    c1 = hq.compile(_hand(rows), tmp_path, settings=model)
    person = dict(
        zip(c1.records["return_record_id"], c1.records["person_id"], strict=True)
    )
    assert person["d"] == person["e"] == person["f"]
    revision = _hand([rows[3]]).with_columns(revision=pl.lit("1"))
    c2 = hq.compile(revision, tmp_path)
    now = dict(
        zip(c2.records["return_record_id"], c2.records["person_id"], strict=True)
    )
    assert now["d"] == person["d"]
    assert now["f"] != now["d"]
    assert c2.changes["event"].to_list() == ["split"]
    split = c2.changes.row(0, named=True)
    assert split["previous_person_ids"] == [person["d"]]
    assert "revision 1 of Unit Y 2025-05 replaced revision 0" in split["explanation"]
    assert c2.revisions["change"].to_list() == ["removed"]
