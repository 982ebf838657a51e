from __future__ import annotations

import polars as pl
import pytest
from tipsom.exceptions import InvalidArgumentError, SchemaError
from tipsom.indicators import poisson_interval, population, rates, wilson_interval

# Published totals (domain.md §3.6; PBS).
PROVINCES_2023 = {
    "Punjab": 127_688_922,
    "Sindh": 55_696_147,
    "Khyber Pakhtunkhwa": 40_856_097,
    "Balochistan": 14_894_402,
    "Islamabad Capital Territory": 2_363_863,
}


def test_bundled_census_matches_published_totals():
    p = population(census=2023, by=["province"])
    assert dict(p.iter_rows()) == PROVINCES_2023
    assert population(census=2023, by=[])["population"][0] == 241_499_431
    s = dict(population(census=2023, by=["sex"]).iter_rows())
    assert s == {"female": 117_154_694, "male": 124_324_406, "transgender": 20_331}
    p17 = dict(population(census=2017, by=["province"]).iter_rows())
    assert p17["Punjab"] == 109_989_655
    assert p17["Sindh"] == 47_854_510
    assert sum(p17.values()) == 207_684_626
    assert population(census=2023, by=["district"]).height == 136


def test_rate_known_answer(linkage):
    r = rates(linkage, by=["province"])
    punjab = r.filter(pl.col("province") == "Punjab").row(0, named=True)
    assert punjab["victims"] == 3
    assert punjab["rate"] == pytest.approx(3 / 127_688_922 * 100_000)
    lo, hi = poisson_interval([3])
    assert punjab["rate_lower"] == pytest.approx(lo[0] / 127_688_922 * 1e5)
    assert punjab["rate_upper"] == pytest.approx(hi[0] / 127_688_922 * 1e5)


def test_rate_by_sex_and_user_population(records):
    r = rates(records, by=["sex"], unit="record")
    female = r.filter(pl.col("sex") == "female")["rate"][0]
    assert female == pytest.approx(3 / 117_154_694 * 1e5)
    assert r.filter(pl.col("sex") == "unknown")["rate"].to_list() == [None]
    pop = pl.DataFrame({"province": ["Punjab", "Sindh"], "population": [1000, 2000]})
    r = rates(records, by=["province"], census=pop, unit="record", per=1000)
    # Sindh's two SOM records (smuggled migrants) are not victims of trafficking.
    assert dict(zip(r["province"], r["rate"], strict=True)) == {
        "Punjab": 5.0,
        "Sindh": 0.5,
    }
    r = rates(
        records,
        by=["province"],
        census=pop,
        unit="record",
        per=1000,
        smuggled_migrants=True,
    )
    assert dict(zip(r["province"], r["rate"], strict=True)) == {
        "Punjab": 5.0,
        "Sindh": 1.5,
    }


def test_population_missing_a_province(records):
    pop = pl.DataFrame({"province": ["Punjab"], "population": [1000]})
    with pytest.raises(SchemaError, match="no row for 1 combination"):
        rates(records, by=["province"], census=pop, unit="record")
    with pytest.raises(SchemaError, match="no 'population' column"):
        rates(
            records,
            by=["province"],
            census=pop.rename({"population": "n"}),
            unit="record",
        )
    with pytest.raises(InvalidArgumentError, match="by sex"):
        population(census=2017, by=["sex"])
    with pytest.raises(InvalidArgumentError):
        rates(records, by=["nationality"], unit="record")


def test_rates_suppressed(linkage):
    r = rates(linkage, by=["province"], suppress_below=5)
    assert r["rate"].null_count() == r.height
    assert set(r["victims_status"]) == {"primary"}


def test_intervals_known_answers():
    lo, hi = poisson_interval([0, 1, 10])
    assert lo[0] == 0
    assert hi[0] == pytest.approx(3.688879, abs=1e-5)
    assert lo[2] == pytest.approx(4.795389, abs=1e-5)
    assert hi[2] == pytest.approx(18.390356, abs=1e-5)
    lo, hi = wilson_interval([0, 15], [20, 148])
    assert hi[0] == pytest.approx(0.1611, abs=1e-4)
    assert (lo[1], hi[1]) == pytest.approx((0.0624, 0.1605), abs=1e-4)
    with pytest.raises(InvalidArgumentError):
        wilson_interval([5], [3])
    with pytest.raises(InvalidArgumentError):
        poisson_interval([-1])


def test_places_outside_the_census_get_no_rate(records):
    ajk = records.with_columns(
        pl.when(pl.col("record_id") == "r8")
        .then(pl.lit("Azad Jammu & Kashmir"))
        .otherwise(pl.col("province"))
        .alias("province")
    )
    r = rates(ajk, by=["province"], unit="record")
    row = r.filter(pl.col("province") == "Azad Jammu & Kashmir").row(0, named=True)
    assert row["victims"] == 1
    assert row["rate"] is None
    # With the user's own table a missing place is still an error.
    pop = pl.DataFrame({"province": ["Punjab", "Sindh"], "population": [10, 20]})
    with pytest.raises(SchemaError, match="no row for 1 combination") as err:
        rates(ajk, by=["province"], census=pop, unit="record")
    # The level is free text from the data: it is counted, never echoed.
    assert "Azad" not in str(err.value)
