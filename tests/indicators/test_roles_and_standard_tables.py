"""Who is counted (roles, crime types), the GLOTIP layout and SDG 16.2.2 as defined.

Written from the texts: PTPA 2018 s.6 (a victim is not criminally liable), Emigration
Ordinance s.17(1) (the migrant who departs unlawfully is the offender), the SOM Protocol
(smuggled migrants are not victims of the smuggling), the GLOTIP questionnaire (women, men,
girls, boys; sexual exploitation, forced labour, other purposes; each victim once) and the
SDG 16.2.2 metadata (victims per 100,000, by sex, age and form; detected plus undetected).
"""

from __future__ import annotations

import warnings

import polars as pl
import pytest
import tipsom as ts
from tipsom.exceptions import DataQualityWarning, InvalidArgumentError, SchemaError
from tipsom.indicators import (
    glotip_tables,
    justice,
    persons,
    sdg_16_2_2,
    victims,
)


def as_dict(table: pl.DataFrame, key: str) -> dict:
    return dict(zip(table[key].to_list(), table["victims"].to_list(), strict=True))


@pytest.fixture
def register() -> pl.DataFrame:
    """A return that lists victims beside accused persons, witnesses and deportees."""
    return pl.DataFrame(
        {
            "record_id": [str(i) for i in range(10)],
            "person_id": ["v1", "v2", "v3", "m1", "a1", "w1", "d1", "f1", "r1", "t1"],
            "role": [
                "victim",
                "victim",
                "unknown",
                "smuggled_migrant",
                "accused",
                "witness",
                "deportee",
                "victim",
                "victim",
                "victim",
            ],
            "crime_type": [
                "tip",
                "both",
                None,
                "som",
                "tip",
                "tip",
                "other",
                "migration_fraud",
                "tip_related",
                "tip",
            ],
            "sex": [
                "female",
                "male",
                "female",
                "male",
                "male",
                "female",
                "male",
                "male",
                "female",
                "transgender",
            ],
            "age_group": ["adult"] * 2 + ["child"] + ["adult"] * 7,
            "exploitation": [
                ["sexual_exploitation"],
                ["bonded_labour", "forced_labour"],
                ["domestic_servitude"],
                [],
                [],
                [],
                [],
                [],
                ["forced_marriage"],
                ["begging"],
            ],
            "nationality": ["PAK"] * 9 + ["AFG"],
            "protection_status": [
                "in_shelter",
                None,
                "restored_to_family",
                None,
                None,
                None,
                None,
                None,
                "in_shelter",
                "in_shelter",
            ],
        }
    )


def test_victims_counts_victims_only(register):
    d = as_dict(victims(register, by="role"), "role")
    # PTPA s.6 victims and persons whose role is not recorded; never the accused, the
    # witness or the deportee; the smuggled migrant, recruitment-fraud victim and the
    # victim of a related offence only on request.
    assert d == {"victim": 3, "unknown": 1}
    d = as_dict(victims(register, by="role", smuggled_migrants=True), "role")
    assert d == {"victim": 3, "smuggled_migrant": 1, "unknown": 1}
    d = as_dict(victims(register, by="crime_type", related=True), "crime_type")
    assert d == {"tip": 2, "both": 1, "tip_related": 1, "unknown": 1}
    d = as_dict(
        victims(register, by="crime_type", crime_type="migration_fraud"), "crime_type"
    )
    assert d == {"migration_fraud": 1}
    with pytest.raises(InvalidArgumentError, match=r"'smuggling'.*valid choices: tip"):
        victims(register, crime_type="smuggling")


def test_a_transgender_victim_has_their_own_row(register):
    t = victims(register, by="sex_age")
    assert as_dict(t, "sex_age") == {"woman": 1, "man": 1, "girl": 1, "transgender": 1}
    g = ts.indicators.glotip_by_exploitation(register)
    assert "transgender" in g["sex_age"].to_list()
    assert (
        "transgender"
        in glotip_tables(register, suppress_below=None)[
            "Victims by form of exploitation and sex-age"
        ].columns
    )


def test_forms_roll_up_so_a_person_counts_once(register):
    t = victims(register, by=["form_group", "form"])
    got = {(g, f): v for g, f, v in t.iter_rows()}
    # Bonded and forced labour together: forced labour, once. Domestic servitude: forced
    # labour. Sexual exploitation; begging (other purposes).
    assert got == {
        ("sexual_exploitation", "sexual_exploitation"): 1,
        ("forced_labour", "forced_labour"): 2,
        ("other_purposes", "begging"): 1,
    }
    assert sum(got.values()) == victims(register, by=[])["victims"][0]
    # The record keeps the detailed codes.
    assert register["exploitation"][1].to_list() == ["bonded_labour", "forced_labour"]
    mixed = pl.DataFrame(
        {"exploitation": [["sexual_exploitation", "begging"]], "crime_type": ["tip"]}
    )
    assert victims(mixed, by="form", unit="record")["form"].to_list() == ["mixed"]


def test_persons_resolve_crime_type_and_role_by_precedence():
    r = pl.DataFrame(
        {
            "record_id": ["1", "2", "3", "4", "5", "6"],
            "person_id": ["a", "a", "a", "b", "b", "c"],
            "crime_type": ["tip_related", "tip_related", "tip", "som", "tip", "other"],
            "role": [
                "accused",
                "accused",
                "victim",
                None,
                "smuggled_migrant",
                "deportee",
            ],
        }
    )
    p = persons(r).sort("person_id")
    # A victim in any record is a victim (PTPA s.6), whatever the majority says.
    assert p["crime_type"].to_list() == ["tip", "both", "other"]
    assert p["role"].to_list() == ["victim", "smuggled_migrant", "deportee"]


def test_protection_by_sex_and_age(register):
    t = victims(register, by=["protection_status", "sex_age"])
    got = {(s, a): v for s, a, v in t.iter_rows()}
    assert got[("in_shelter", "woman")] == 1
    assert got[("in_shelter", "transgender")] == 1
    assert got[("restored_to_family", "girl")] == 1
    tables = ts.indicators.publication_tables(
        register.drop("person_id"), unit="record", suppress_below=None
    )
    assert "Victims by protection status and sex-age" in tables
    roles = tables["Persons recorded by role and sex"]
    assert "deportee" in roles[roles.columns[0]].to_list()


def test_glotip_layout(register):
    t = glotip_tables(register, suppress_below=None)
    forms = t["Victims by form of exploitation and sex-age"]
    head = forms.columns[0]
    assert forms.columns[1:] == [
        "woman",
        "man",
        "girl",
        "boy",
        "transgender",
        "unknown",
        "Total",
    ]
    rows = forms[head].to_list()
    # Every form is listed, even with no victims (armed combat: children used as soldiers).
    assert "other_purposes / armed_combat" in rows
    assert rows.index("sexual_exploitation / sexual_exploitation") < rows.index(
        "forced_labour / forced_labour"
    )
    assert forms.filter(pl.col(head) == "Total")["Total"].to_list() == ["4"]
    nat = t["Victims by citizenship and sex-age"]
    assert nat[nat.columns[0]].to_list() == ["AFG", "PAK", "Total"]


def test_suspects_trafficking_and_smuggling_apart():
    s = pl.DataFrame(
        {
            "suspect_id": ["s1", "s2", "s3", "s4", "s5"],
            "role": ["accused", "accused", "accused", "victim", "accused"],
            "crime_type": ["tip", "som", "both", "tip", "other"],
            "sex": ["male", "female", "male", "female", "male"],
            "nationality": ["PAK", "PAK", "AFG", "PAK", "PAK"],
            "case_status": [
                "convicted",
                "prosecution",
                "investigation",
                "convicted",
                "closed",
            ],
        }
    )
    j = justice(s, by=("offence", "sex"))
    got = {
        (o, x): (a, b, c)
        for o, x, a, b, c in j.select(
            "offence", "sex", "suspected", "prosecuted", "convicted"
        ).iter_rows()
    }
    # The victim (s4) is not a suspect; s3, charged with both, counts under each.
    assert got == {
        ("other", "male"): (1, 0, 0),
        ("smuggling", "female"): (1, 1, 0),
        ("smuggling", "male"): (1, 0, 0),
        ("trafficking", "male"): (2, 1, 1),
    }
    t = glotip_tables(
        s.drop("role").head(0), suspects=s, unit="record", suppress_below=None
    )
    by_sex = t["Persons suspected, prosecuted and convicted by sex"]
    assert by_sex[by_sex.columns[0]].to_list()[:3] == [
        "trafficking / suspected",
        "trafficking / prosecuted",
        "trafficking / convicted",
    ]
    assert "Persons suspected, prosecuted and convicted by citizenship" in t


def test_sdg_16_2_2_with_population_tables_and_mse(register):
    pop = pl.DataFrame(
        {"age_group": ["child", "adult"], "population": [100_000, 300_000]}
    )
    t = sdg_16_2_2(register, population=pop, by=["age_group"])
    got = {r["age_group"]: (r["victims"], r["rate"]) for r in t.iter_rows(named=True)}
    assert got == {"adult": (3.0, 1.0), "child": (1.0, 1.0)}
    assert set(t["measure"]) == {"detected"}
    # Form splits the numerator; the population is that of the age group.
    t = sdg_16_2_2(register, population=pop, by=["age_group", "form"])
    assert t.filter(pl.col("form") == "begging")["rate"].to_list() == [
        pytest.approx(1 / 3)
    ]
    # The MSE total beside the detected count, each labelled.
    table = pl.DataFrame(
        {
            "A": [1, 0, 0, 1, 1, 0, 1],
            "B": [0, 1, 0, 1, 0, 1, 1],
            "C": [0, 0, 1, 0, 1, 1, 1],
            "count": [50, 40, 30, 12, 9, 8, 3],
        }
    )
    estimate = ts.mse.estimate(table)
    t = sdg_16_2_2(register, population=1_000_000, by=[], mse=estimate)
    assert t["measure"].to_list() == ["detected", "estimated"]
    assert t["victims"][1] == pytest.approx(estimate.estimate)
    assert "MSE" in t["label"][1]
    assert "detected" in t["label"][0]
    assert t["rate"][1] == pytest.approx(estimate.estimate / 10)
    with pytest.raises(InvalidArgumentError, match="national total"):
        sdg_16_2_2(register, population=pop, by=["age_group"], mse=estimate)
    with pytest.raises(SchemaError, match="no 'age_group' column"):
        sdg_16_2_2(
            register, population=pop.rename({"age_group": "x"}), by=["age_group"]
        )
    with pytest.raises(InvalidArgumentError, match="national rate"):
        sdg_16_2_2(register, population=5, by=["sex"])


def test_mse_warns_when_smuggled_migrants_are_mixed_with_victims():
    raw = ts.datasets.circle_returns(1500, seed=4)
    records = ts.normalize(raw.drop([c for c in raw.columns if c.startswith("true_")]))
    records = records.with_columns(
        raw["true_person_id"].cast(pl.String).alias("person_id")
    )

    class Linkage:
        def __init__(self, records):
            self.records = records

    links = Linkage(records)
    with pytest.warns(DataQualityWarning, match="smuggled migrants"):
        ts.mse.estimate(links, lists="source_type", method="main_effects")
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        result = ts.mse.estimate(
            links,
            lists="source_type",
            method="main_effects",
            crime_type=["tip", "both"],
        )
    assert not [w for w in seen if "smuggled migrants" in str(w.message)]
    # The persons counted are those victims() counts for the same crime types.
    expected = victims(links, by=[], crime_type=["tip", "both"])["victims"][0]
    assert result.observed == expected
