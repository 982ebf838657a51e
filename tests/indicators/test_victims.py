from __future__ import annotations

import polars as pl
import pytest
import tipsom as ts
from tipsom.exceptions import DataQualityWarning, InvalidArgumentError, SchemaError
from tipsom.indicators import persons, victims


def as_dict(table: pl.DataFrame, key: str) -> dict:
    return dict(zip(table[key].to_list(), table["victims"].to_list(), strict=True))


# The fixture's SOM-only records (r4 of p2, r7 of p4) are smuggled migrants: the tests of
# breakdowns count them too (SOM=True); the tests of who is counted leave them out.
SOM = {"smuggled_migrants": True}


def test_records_by_sex(records):
    t = victims(records, by="sex", unit="record", **SOM)
    assert as_dict(t, "sex") == {"female": 3, "male": 4, "unknown": 1}
    assert t["victims"].sum() == records.height


def test_persons_resolve_conflicts(records):
    p = persons(records)
    row = p.filter(pl.col("person_id") == "p1").row(0, named=True)
    # female twice, male once: majority of known values wins.
    assert row["sex"] == "female"
    assert row["sex_age"] == "girl"
    assert row["year"] == 2022  # first record
    assert row["n_records"] == 3
    assert row["n_sources"] == 2
    assert row["exploitation"] == ["domestic_servitude", "sexual_exploitation"]
    assert "sex" in row["conflicts"]
    assert "district" in row["conflicts"]
    p2 = p.filter(pl.col("person_id") == "p2").row(0, named=True)
    # "unknown" does not vote; SOM in one record and TIP in another: both roles.
    assert p2["sex"] == "male"
    assert p2["crime_type"] == "both"
    assert p2["source"] == ["AHTC Karachi", "Sindh SWD"]


def test_tie_goes_to_earliest_record():
    r = pl.DataFrame(
        {
            "record_id": ["b", "a"],
            "person_id": ["x", "x"],
            "province": ["Sindh", "Punjab"],
        }
    ).with_columns(pl.Series("date", ["2023-05-01", "2023-01-01"]).str.to_date())
    assert persons(r)["province"].to_list() == ["Punjab"]


def test_persons_by_sex_age_and_year(linkage):
    t = victims(linkage, by=["year", "sex_age"], **SOM)
    got = {(y, s): v for y, s, v in t.iter_rows()}
    assert got == {
        (2022, "girl"): 1,
        (2023, "woman"): 1,
        (2023, "man"): 1,
        (2024, "man"): 1,
        (2024, "boy"): 1,
    }
    assert t["victims"].sum() == 5


def test_linkage_as_second_argument(records, linkage):
    without_pid = records.drop("person_id")
    t = victims(without_pid, linkage, by="sex", **SOM)
    assert as_dict(t, "sex") == {"female": 2, "male": 3}


def test_exploitation_is_multi_valued_with_all_forms_row(linkage):
    t = victims(linkage, by="exploitation", **SOM)
    d = as_dict(t, "exploitation")
    assert d["sexual_exploitation"] == 2  # p1, p3
    assert d["domestic_servitude"] == 1
    assert d["forced_labour"] == 1
    assert d["bonded_labour"] == 1
    assert d["unknown"] == 1  # p4
    assert d["all_forms"] == 5
    forms = sum(v for k, v in d.items() if k != "all_forms")
    assert forms > d["all_forms"]


def test_citizenship_and_crime_type(linkage):
    assert as_dict(victims(linkage, by="citizenship", **SOM), "citizenship") == {
        "national": 3,
        "foreign": 1,
        "unknown": 1,
    }
    assert as_dict(victims(linkage, by="crime_type", **SOM), "crime_type") == {
        "tip": 3,
        "som": 1,
        "both": 1,
    }


def test_source_counts_each_person_once_per_source(linkage):
    d = as_dict(victims(linkage, by="source", **SOM), "source")
    assert d == {
        "AHTC Karachi": 2,
        "AHTC Lahore": 3,
        "Punjab Police": 1,
        "Sindh SWD": 1,
        "all_sources": 5,
    }


def test_month_and_province(records):
    t = victims(records, by=["province", "month"], unit="record", **SOM)
    assert t.filter((pl.col("province") == "Sindh") & (pl.col("month") == "2023-03"))[
        "victims"
    ].to_list() == [2]


def test_no_linkage_warns_and_counts_records(records):
    with pytest.warns(DataQualityWarning, match="counted as one person"):
        t = victims(records.drop("person_id"), by="sex", **SOM)
    assert t["victims"].sum() == records.height


def test_bad_by_names_it_and_lists_choices(records):
    with pytest.raises(InvalidArgumentError, match=r"'colour'.*valid choices: year"):
        victims(records, by="colour", unit="record")
    with pytest.raises(SchemaError, match="no 'district' column"):
        victims(records.drop("district"), by="district", unit="record")
    with pytest.raises(InvalidArgumentError, match="unit"):
        victims(records, by="sex", unit="case")


def test_empty_data(records):
    t = victims(records.head(0), by="sex", unit="record")
    assert t.height == 0
    assert t.columns == ["sex", "victims"]
    t = victims(records.head(0), by=[], unit="record")
    assert t["victims"].to_list() == [0]


def test_pandas_in_pandas_out(records):
    pd = pytest.importorskip("pandas")
    out = victims(records.to_pandas(), by="sex", unit="record", **SOM)
    assert isinstance(out, pd.DataFrame)
    assert out.set_index("sex")["victims"].to_dict() == {
        "female": 3,
        "male": 4,
        "unknown": 1,
    }


def test_suppressed_output_marks_cells(linkage):
    t = victims(linkage, by="sex", suppress_below=5)
    assert set(t["victims_status"]) <= {"primary", "secondary", "published"}
    assert t["victims"].null_count() == t.height  # everything below 5 here
    assert (t.filter(pl.col("victims").is_not_null())["victims"] != 0).all()


def test_glotip_tables_have_shares(linkage):
    t = ts.indicators.glotip_by_exploitation(linkage)
    assert {
        "form_group",
        "form",
        "sex_age",
        "victims",
        "share",
        "share_lower",
        "share_upper",
    } <= set(t.columns)
    # p1 (sexual exploitation and domestic servitude) counts once, under mixed; p3 under
    # sexual exploitation; each person once, so the forms add up to the victims.
    assert t["victims"].sum() == victims(linkage, by=[])["victims"][0]
    mixed = t.filter(pl.col("form") == "mixed").row(0, named=True)
    assert (mixed["form_group"], mixed["sex_age"], mixed["victims"]) == (
        "other_purposes",
        "girl",
        1,
    )
    women = t.filter(pl.col("form") == "sexual_exploitation")
    assert women["sex_age"].to_list() == ["woman"]
    assert women["share"].to_list() == [1.0]
    c = ts.indicators.glotip_by_citizenship(linkage)
    assert c.filter(pl.col("citizenship") == "national")[
        "share"
    ].sum() == pytest.approx(1.0)
