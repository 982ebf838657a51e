"""Crime types, roles and forms of exploitation from the Acts' and UNODC's texts.

Each case is written from the law, not read off the table: the examples of issue 13.
Sources: PTPA 2018 (Act XXXIV of 2018) ss.3, 6; PSMA 2018; Emigration Ordinance 1979
ss.17-23; PPC as amended by Acts I of 2005, VI of 2006, XXVI of 2011 and X of 2016; the SOM
Protocol arts. 3 and 6; GLOTIP's forms of exploitation.
"""

from __future__ import annotations

import polars as pl
import pytest
import tipsom as ts


def one(**cells: str | None) -> dict:
    frame = pl.DataFrame(
        {k: [v] for k, v in cells.items()}, schema=dict.fromkeys(cells, pl.String)
    )
    return ts.normalize(frame).row(0, named=True)


@pytest.mark.parametrize(
    ("sections", "crime_type"),
    [
        # No trafficking act or purpose: related to trafficking.
        ("498-B PPC", "tip_related"),
        ("310-A PPC", "tip_related"),
        ("374 PPC", "tip_related"),
        ("11 BLSA 1992", "tip_related"),
        ("9 THOTA 2010", "tip_related"),
        ("364-A PPC", "tip_related"),
        # The PPC's trafficking-like sections are related offences: PTPA 2018 (PACHTO 2002
        # before it) is the trafficking law, the PSMA the smuggling law (domain.md 1.7).
        ("371-A PPC", "tip_related"),
        ("366-A PPC", "tip_related"),
        ("u/s 3 PTPA 2018", "tip"),
        ("3 PTPA r/w 371-A PPC", "tip"),
        ("3 PACHTO 2002", "tip"),
        # Recruitment fraud has no illegal entry: not smuggling (SOM Protocol arts. 3, 6).
        ("22 EO r/w 420 PPC", "migration_fraud"),
        ("u/s 18 Emigration Ordinance 1979", "migration_fraud"),
        # An emigrant breaching his contract abroad.
        ("20 EO", "other"),
        # A migrant departing unlawfully; facilitating unlawful departure (no illegal
        # entry, no benefit): related to smuggling.
        ("17(1) EO", "som_related"),
        ("17(2) EO", "som_related"),
        ("3 PSMA 2018", "som"),
        ("3 PTPA r/w 17(2) EO", "tip"),
        ("3 PTPA r/w 3 PSMA", "both"),
        ("17 EO", "som_related"),
        ("13 Passport Act 1974", "som_related"),
    ],
)
def test_crime_types_from_the_acts(sections: str, crime_type: str) -> None:
    assert one(law_sections=sections, date="2022-03-01")["crime_type"] == crime_type


def test_a_citation_dated_before_its_section_existed_is_flagged() -> None:
    # PPC 369-A was inserted by Act X of 2016 (assent 18 March 2016).
    assert (
        "law.not_yet_in_force"
        in one(law_sections="369-A PPC", date="2015-06-01")["issues"]
    )
    assert (
        "law.not_yet_in_force"
        not in one(law_sections="369-A PPC", date="2017-06-01")["issues"]
    )
    assert "law.repealed" in one(law_sections="369-A PPC", date="2019-06-01")["issues"]
    assert (
        "law.subsection_missing"
        in one(law_sections="17 EO", date="2019-06-01")["issues"]
    )


def test_ptpa_3_2_for_a_woman_or_a_child() -> None:
    woman = one(law_sections="3(1) PTPA", sex="F", age="30", date="2022-03-01")
    assert "law.ptpa_3_2_expected" in woman["issues"]
    man = one(law_sections="3(1) PTPA", sex="M", age="30", date="2022-03-01")
    assert "law.ptpa_3_2_expected" not in man["issues"]
    aggravated = one(law_sections="3(2) PTPA", sex="M", age="30", date="2022-03-01")
    assert "law.ptpa_3_2_not_applicable" in aggravated["issues"]


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("labour visa", ["unknown"]),
        ("domestic (internal) trafficking", ["unknown"]),
        ("sham marriage", ["unknown"]),
        ("drug smuggling", ["unknown"]),
        ("بیگار", ["forced_labour"]),
        ("ونی", ["forced_marriage"]),
        ("baby sold", ["illegal_adoption"]),
        ("بچہ فروخت", ["illegal_adoption"]),
        ("child soldiers", ["armed_combat"]),
    ],
)
def test_exploitation_words(text: str, forms: list[str]) -> None:
    row = one(exploitation=text, law_sections="3 PTPA", date="2022-03-01")
    assert row["exploitation"] == forms
    assert "exploitation.unrecognized" not in row["issues"]


def test_a_transgender_victim_has_their_own_category() -> None:
    row = one(sex="Khwaja sira", age="25", law_sections="3 PTPA")
    assert (row["sex"], row["sex_age"]) == ("transgender", "transgender")


def test_roles() -> None:
    assert one(role="Accused", law_sections="3 PTPA")["role"] == "accused"
    assert one(role="گواہ")["role"] == "witness"
    # EO 17(1): the migrant is booked as the offender, not a victim.
    booked = one(law_sections="17(1) EO")
    assert booked["role"] == "accused"
    assert "role.from_sections" in booked["issues"]
    desk = "FIA Immigration deportee desk, AIIAP Lahore"
    deported = one(law_sections="17(1) EO", source=desk)
    assert deported["role"] == "deportee"
    # PTPA s.6: a trafficking victim is not an offender, even on a deportee list.
    assert one(law_sections="3 PTPA", source=desk)["role"] == "victim"
    # A victims' register noting a deportee's complaint still lists a victim.
    assert one(law_sections="22 EO", remarks="Complaint of deportee from Greece")[
        "role"
    ] == ("victim")
    # A return lists its victims unless it says otherwise; the crime type decides whether
    # they count as victims of trafficking or with the smuggled migrants.
    assert one(law_sections="3 PSMA 2018")["role"] == "victim"
    assert one(role="Smuggled migrant", law_sections="3 PSMA 2018")["role"] == (
        "smuggled_migrant"
    )
    assert one(law_sections="22 EO r/w 420 PPC")["role"] == "victim"
    assert one(source="FIA Deportees Cell, Lahore Airport")["role"] == "deportee"
    assert one(name="Ali", source_sheet="Accused persons")["role"] == "accused"
    assert one(role="nephew")["issues"] == ["role.unrecognized"]
