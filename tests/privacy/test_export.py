"""Victim-level exports: pseudonyms, no identifiers, k-anonymity by an independent count."""

from __future__ import annotations

import hashlib
import hmac

import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from release_data import Linkage, release_records
from tipsom import export
from tipsom.exceptions import InvalidArgumentError, SchemaError

KEY = b"0123456789abcdef-test-key"


def with_identifiers(records: pl.DataFrame) -> pl.DataFrame:
    n = records.height
    return records.with_columns(
        pl.Series("name", [f"Canaryname{i}" for i in range(n)]),
        pl.Series("father_name", [f"Canaryfather{i}" for i in range(n)]),
        pl.Series("cnic", [f"35202-{1000000 + i}-1" for i in range(n)]),
        pl.Series("phone", [f"0300{5550000 + i}" for i in range(n)]),
        pl.Series("address", [f"House {i} Canarystreet" for i in range(n)]),
        pl.Series("fir_number", [f"FIR-{9000 + i}/2023" for i in range(n)]),
    )


@settings(max_examples=8, deadline=None)
@given(
    n=st.integers(30, 600),
    seed=st.integers(0, 10_000),
    k=st.sampled_from([2, 5, 11]),
)
def test_every_combination_covers_k_persons(n, seed, k):
    records = release_records(n, seed)
    out = export.victims(records, Linkage(records), key=KEY, k=k)
    qi = ["sex", "age_band", "nationality", "province", "year"]
    if out.data.height:
        # Independent count: plain Python over the rows, not the library's grouping.
        counts: dict[tuple, int] = {}
        for row in out.data.select(qi).iter_rows():
            counts[row] = counts.get(row, 0) + 1
        assert min(counts.values()) >= k
    persons = records["person_id"].n_unique()
    report = dict(
        out.report.filter(pl.col("level").is_null())
        .select("attribute", "shown_as")
        .rows()
    )
    assert int(report["persons"]) == persons
    assert int(report["left_out"]) == persons - out.data.height
    assert out.data["pseudonym"].n_unique() == out.data.height


def test_no_direct_identifiers_and_keyed_pseudonyms():
    records = with_identifiers(release_records(400, 4))
    out = export.victims(records, Linkage(records), key=KEY, k=5)
    text = " ".join([*out.data.columns, *(str(v) for r in out.data.rows() for v in r)])
    for canary in ("Canary", "35202-", "0300555", "FIR-9", "p1", "AHTC", "r1"):
        assert canary not in text
    # The pseudonym is HMAC-SHA256 of the person id under the key.
    expected = {
        hmac.new(KEY, pid.encode(), hashlib.sha256).hexdigest()[:16]
        for pid in records["person_id"].unique().to_list()
    }
    assert set(out.data["pseudonym"].to_list()) <= expected
    again = export.victims(records, Linkage(records), key=KEY, k=5)
    assert again.data["pseudonym"].to_list() == out.data["pseudonym"].to_list()
    other = export.victims(
        records, Linkage(records), key=b"another key, 16 bytes+", k=5
    )
    assert not set(other.data["pseudonym"]) & set(out.data["pseudonym"])


def test_forms_and_age_bands_known_answer():
    records = pl.DataFrame(
        {
            "record_id": [f"r{i}" for i in range(24)],
            "person_id": [f"p{i // 2}" for i in range(24)],  # 12 persons, 2 records
            "sex": ["female"] * 24,
            "age": [15] * 24,
            "nationality": ["PAK"] * 24,
            "exploitation": [["begging", "bonded_labour"]] * 24,
        }
    )
    out = export.victims(records, key=KEY, k=11)
    assert out.data.height == 12
    row = out.data.row(0, named=True)
    assert (row["sex"], row["age_band"], row["nationality"]) == (
        "female",
        "12-17",
        "PAK",
    )
    assert row["form_begging"] == row["form_bonded_labour"] == 1
    assert row["form_sexual_exploitation"] == 0
    # Nothing had to be generalised: every attribute at level 0.
    levels = out.report.filter(pl.col("level").is_not_null())["level"].to_list()
    assert levels == [0, 0, 0, 0, 0]


def test_htcds_field_names_and_codes():
    records = pl.DataFrame(
        {
            "record_id": [f"r{i}" for i in range(24)],
            "person_id": [f"p{i}" for i in range(24)],
            "sex": ["transgender"] * 12 + ["male"] * 12,
            "age": [30] * 24,
            "nationality": ["AFG"] * 12 + ["BGD"] * 12,
            "exploitation": [["sexual_exploitation"]] * 12
            + [["domestic_servitude"]] * 12,
            "case_status": ["convicted"] * 12 + ["investigation"] * 12,
        }
    )
    out = export.htcds(records, key=KEY, k=11)
    assert out.data.columns[:5] == [
        "x_Pseudonym",
        "prs_Gender",
        "prs_Nationality",
        "vic_TypeOfExploitation",
        "cas_Status",
    ]
    rows = set(
        out.data.select(
            "prs_Gender", "prs_Nationality", "vic_TypeOfExploitation", "cas_Status"
        ).rows()
    )
    assert rows == {
        ("Transgender/NonConforming", "AF", "Sexual exploitation", "Closed"),
        ("Male", "BD", "Forced labour", "Active"),
    }


def test_bad_arguments():
    records = release_records(50, 1)
    with pytest.raises(InvalidArgumentError, match="16 bytes"):
        export.victims(records, Linkage(records), key="short")
    with pytest.raises(InvalidArgumentError, match="quasi-identifier"):
        export.victims(records, Linkage(records), key=KEY, quasi_identifiers=("cnic",))
    with pytest.raises(SchemaError, match="person_id"):
        export.victims(records.drop("person_id"), key=KEY)
