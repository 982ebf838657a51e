"""Victim-level exports that protect identity, for sharing with UNODC or researchers.

:func:`victims` writes one row per person with no direct identifier (no name, father's
name, CNIC, passport, phone, address, FIR number or source label): a keyed-HMAC
pseudonym instead of the person id, an age band instead of the age, and one column per
form of exploitation. Its quasi-identifiers (sex, age band, nationality, province,
year by default) are generalised step by step, the attribute with the most distinct
values first (Sweeney's Datafly), and the few persons still in a combination shared by
fewer than ``k`` persons are left out, until every combination covers at least ``k``
persons (the Counter-Trafficking Data Collaborative publishes with k = 11). The report
says what was generalised and how many persons were left out.

:func:`htcds` gives the same protected rows under the field names and codes of IOM's
Human Trafficking Case Data Standard (``HTCDS Field Reference.md`` of the standard's
repository, github.com/UNMigration/HTCDS, version 2.0: ``prs_Gender``,
``prs_Nationality`` in ISO 3166 two-letter codes, ``vic_TypeOfExploitation``,
``cas_Status``); fields the standard does not have are prefixed ``x_``.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
from dataclasses import dataclass
from importlib import resources
from typing import Any

import polars as pl

from tipsom._errors import guard_namespace as _guard_namespace
from tipsom.exceptions import InvalidArgumentError, SchemaError
from tipsom.indicators._persons import _resolve_persons as resolve_persons
from tipsom.indicators._persons import linked_persons, records_of

__all__ = ["Export", "htcds", "victims"]

#: Forms of exploitation of the schema, one 0/1 column each (``form_<name>``).
FORMS = (
    "sexual_exploitation",
    "forced_labour",
    "bonded_labour",
    "domestic_servitude",
    "forced_criminality",
    "begging",
    "forced_marriage",
    "organ_removal",
    "illegal_adoption",
    "armed_combat",
    "other",
)

#: Age bands, finest first; each level merges bands of the one before.
AGE_LEVELS: tuple[tuple[tuple[int, int, str], ...], ...] = (
    (
        (0, 11, "0-11"),
        (12, 17, "12-17"),
        (18, 24, "18-24"),
        (25, 34, "25-34"),
        (35, 49, "35-49"),
        (50, 200, "50+"),
    ),
    ((0, 17, "0-17"), (18, 34, "18-34"), (35, 200, "35+")),
    ((0, 17, "child"), (18, 200, "adult")),
)

#: The quasi-identifiers generalised by default, and how many levels each has (the
#: last level of each withholds the attribute: ``*``).
QUASI_IDENTIFIERS = ("sex", "age_band", "nationality", "province", "year")
_LEVELS = {"sex": 2, "age_band": 4, "nationality": 3, "province": 2, "year": 3}
_DESCRIBE = {
    "sex": ["as recorded", "withheld"],
    "age_band": [
        "0-11, 12-17, 18-24, 25-34, 35-49, 50+",
        "0-17, 18-34, 35+",
        "child, adult",
        "withheld",
    ],
    "nationality": ["country (ISO alpha-3)", "Pakistani or foreign", "withheld"],
    "province": ["province", "withheld"],
    "year": ["year", "two-year period", "withheld"],
}
ANY = "*"


@dataclass
class Export:
    """Rows safe to share, with the report of how they were protected.

    Attributes
    ----------
    data
        One row per person kept.
    report
        One row per quasi-identifier: ``attribute``, ``level`` (0 = as finest),
        ``shown_as``; and the rows ``persons``, ``left_out`` and ``smallest_group``
        under ``attribute`` with their counts in ``shown_as``.
    k
        Every combination of the quasi-identifiers in ``data`` covers at least ``k``
        persons.
    """

    data: pl.DataFrame
    report: pl.DataFrame
    k: int


def _key_bytes(key: Any) -> bytes:
    if isinstance(key, str):
        key = key.encode("utf-8")
    if not isinstance(key, bytes | bytearray) or len(key) < 16:
        msg = (
            "`key` must be a secret of at least 16 bytes (bytes or text), kept apart "
            "from the export: the pseudonyms can be re-linked only with it"
        )
        raise InvalidArgumentError(msg)
    return bytes(key)


def pseudonym(person_id: str, key: bytes) -> str:
    """HMAC-SHA256 of the person id under ``key``, first 16 hex digits (internal)."""
    return hmac.new(key, person_id.encode("utf-8"), hashlib.sha256).hexdigest()[:16]


def _age_band(age: pl.Expr, level: int, age_group: pl.Expr) -> pl.Expr:
    if level >= len(AGE_LEVELS):
        return pl.lit(ANY)
    expr = pl.when(age.is_null()).then(
        pl.when(age_group == "child")
        .then(pl.lit("0-17" if level < 2 else "child"))
        .when(age_group == "adult")
        .then(pl.lit("18+" if level < 2 else "adult"))
        .otherwise(pl.lit("unknown"))
    )
    for low, high, label in AGE_LEVELS[level]:
        expr = expr.when(age.is_between(low, high)).then(pl.lit(label))
    return expr.otherwise(pl.lit("unknown"))


def _generalised(base: pl.DataFrame, levels: dict[str, int]) -> pl.DataFrame:
    out = []
    for q, level in levels.items():
        last = _LEVELS[q] - 1
        if level >= last:
            out.append(pl.lit(ANY).alias(q))
        elif q == "age_band":
            out.append(_age_band(pl.col("_age"), level, pl.col("_age_group")).alias(q))
        elif q == "nationality":
            col = pl.col("_nationality").fill_null("unknown")
            if level > 0:
                col = (
                    pl.when(col.is_in(["PAK", "unknown"]))
                    .then(col)
                    .otherwise(pl.lit("foreign"))
                )
            out.append(col.alias(q))
        elif q == "year":
            y = pl.col("_year")
            period = (y - y % 2).cast(pl.String) + "-" + (y - y % 2 + 1).cast(pl.String)
            shown = y.cast(pl.String) if level == 0 else period
            out.append(shown.fill_null("unknown").alias(q))
        else:
            out.append(pl.col(f"_{q}").cast(pl.String).fill_null("unknown").alias(q))
    return base.with_columns(out)


def victims(
    links: Any,
    linkage: Any = None,
    *,
    key: bytes | str,
    k: int = 11,
    quasi_identifiers: tuple[str, ...] = QUASI_IDENTIFIERS,
    max_left_out: float = 0.05,
) -> Export:
    """One row per victim, safe to share: pseudonymised, generalised, k-anonymous.

    Parameters
    ----------
    links
        A Linkage from ``tipsom.deduplicate`` (or records with ``person_id``).
    linkage
        The Linkage, when ``links`` are the records.
    key
        Secret key of the pseudonyms (at least 16 bytes). The same key gives the same
        pseudonym to the same person in every export; another key, unrelated ones.
    k
        Every combination of the quasi-identifiers covers at least ``k`` persons.
    quasi_identifiers
        Which of ``sex``, ``age_band``, ``nationality``, ``province``, ``year`` an
        outsider could know and combine; the others are shown at their finest.
    max_left_out
        Generalise until at most this share of persons falls in combinations smaller
        than ``k``; those persons are then left out.

    Returns
    -------
    Export
        ``data``: ``pseudonym``, ``sex``, ``age_band``, ``nationality``, ``province``,
        ``year``, ``form_<form>`` (1 if the person was recorded under that form of
        exploitation) and ``case_status``; ``report``: what was generalised.

    Examples
    --------
    >>> import polars as pl
    >>> from tipsom import export
    >>> records = pl.DataFrame(
    ...     {
    ...         "record_id": [f"r{i}" for i in range(60)],
    ...         "person_id": [f"p{i}" for i in range(60)],
    ...         "sex": ["female", "male"] * 30,
    ...         "age": [12, 25, 33, 40, 16, 70] * 10,
    ...         "nationality": ["PAK"] * 50 + ["AFG"] * 10,
    ...     }
    ... )
    >>> out = export.victims(records, key=b"a secret of 16+ bytes", k=11)
    >>> out.data.group_by(["sex", "age_band", "nationality"]).len()["len"].min() >= 11
    True
    >>> out.report.filter(pl.col("attribute") == "age_band")["shown_as"][0]
    'child, adult'
    """
    secret = _key_bytes(key)
    if k < 1:
        msg = f"`k` must be at least 1, got {k}"
        raise InvalidArgumentError(msg)
    unknown = [q for q in quasi_identifiers if q not in _LEVELS]
    if unknown:
        msg = (
            f"unknown quasi-identifier(s) {', '.join(map(repr, unknown))}; expected "
            f"some of {', '.join(QUASI_IDENTIFIERS)}"
        )
        raise InvalidArgumentError(msg)
    frame, has_person = records_of(links, linkage)
    if not has_person:
        msg = "export.victims needs `person_id`: pass the Linkage from deduplicate"
        raise SchemaError(msg)
    persons = linked_persons(links, linkage)
    if persons is None:
        persons = resolve_persons(frame)
    base = _base(persons, secret)
    levels = dict.fromkeys(_LEVELS, 0)
    qi = list(quasi_identifiers)

    def sized(levels: dict[str, int]) -> tuple[pl.DataFrame, int]:
        data = _generalised(base, levels)
        sizes = data.group_by(qi).agg(pl.len().alias("_n"))
        data = data.join(sizes, on=qi, how="left", nulls_equal=True)
        return data, int((data["_n"] < k).sum())

    data, small = sized(levels)
    while small > max_left_out * data.height:
        open_q = [q for q in qi if levels[q] < _LEVELS[q] - 1]
        if not open_q:
            break
        # One step on the attribute that leaves fewest persons in small groups,
        # among the steps that still show the attribute (coarser, not withheld) when
        # any of them helps: sex and place stay in the data when they can.
        trials = []
        for q in open_q:
            trial = {**levels, q: levels[q] + 1}
            cand, n_small = sized(trial)
            withholds = trial[q] == _LEVELS[q] - 1
            trials.append(
                (n_small, -cand[q].n_unique(), qi.index(q), withholds, trial, cand)
            )
        helping = [t for t in trials if t[0] < small]
        pool = [t for t in helping if not t[3]] or helping or trials
        small, _, _, _, levels, data = min(pool, key=lambda t: t[:3])
    kept = data.filter(pl.col("_n") >= k)
    columns = [
        "pseudonym",
        "sex",
        "age_band",
        "nationality",
        "province",
        "year",
        *(f"form_{f}" for f in FORMS),
        "case_status",
    ]
    out = kept.select(columns).sort("pseudonym")
    rows = [
        {
            "attribute": q,
            "level": levels[q],
            "shown_as": _DESCRIBE[q][min(levels[q], len(_DESCRIBE[q]) - 1)],
        }
        for q in _LEVELS
    ]
    smallest = kept.group_by(qi).len()["len"].min() if kept.height else 0
    for name, value in (
        ("persons", base.height),
        ("left_out", base.height - kept.height),
        ("smallest_group", smallest),
    ):
        rows.append({"attribute": name, "level": None, "shown_as": str(value)})
    report = pl.DataFrame(
        rows, schema={"attribute": pl.String, "level": pl.Int64, "shown_as": pl.String}
    )
    return Export(data=out, report=report, k=k)


def _base(persons: pl.DataFrame, secret: bytes) -> pl.DataFrame:
    def col(name: str, default: Any = None) -> pl.Expr:
        if name in persons.columns:
            return pl.col(name)
        return pl.lit(default)

    exploitation = (
        pl.col("exploitation")
        if "exploitation" in persons.columns
        else pl.lit([], dtype=pl.List(pl.String))
    )
    ids = persons["person_id"].cast(pl.String).to_list()
    base = persons.select(
        pl.Series("pseudonym", [pseudonym(i, secret) for i in ids], dtype=pl.String),
        col("sex", "unknown").cast(pl.String).fill_null("unknown").alias("_sex"),
        col("age").cast(pl.Int64, strict=False).alias("_age"),
        col("age_group", "unknown").cast(pl.String).alias("_age_group"),
        col("nationality").cast(pl.String).alias("_nationality"),
        col("province", "unknown").cast(pl.String).alias("_province"),
        col("year").cast(pl.Int64, strict=False).alias("_year"),
        *(
            exploitation.list.contains(f).cast(pl.Int8).fill_null(0).alias(f"form_{f}")
            for f in FORMS
        ),
        col("case_status", "unknown")
        .cast(pl.String)
        .fill_null("unknown")
        .alias("case_status"),
    )
    return base


def _alpha2() -> dict[str, str]:
    text = resources.files("tipsom").joinpath("data/iso3166_alpha.csv")
    rows = csv.DictReader(text.read_text("utf-8").splitlines())
    return {r["alpha_3"]: r["alpha_2"] for r in rows}


#: tipsom's forms of exploitation under HTCDS ``vic_TypeOfExploitation`` values. Bonded
#: labour and domestic servitude count as forced labour (as GLOTIP counts them).
HTCDS_EXPLOITATION = {
    "sexual_exploitation": "Sexual exploitation",
    "forced_labour": "Forced labour",
    "bonded_labour": "Forced labour",
    "domestic_servitude": "Forced labour",
    "forced_criminality": "Illicit activities",
    "begging": "Begging",
    "forced_marriage": "Forced marriage",
    "organ_removal": "Organ removal",
    "armed_combat": "Forced military service",
    "illegal_adoption": "Other",
    "other": "Other",
}
HTCDS_GENDER = {
    "female": "Female",
    "male": "Male",
    "transgender": "Transgender/NonConforming",
}
#: Case status: open cases are Active, decided ones Closed.
HTCDS_STATUS = {
    "investigation": "Active",
    "prosecution": "Active",
    "trial": "Active",
    "convicted": "Closed",
    "acquitted": "Closed",
    "closed": "Closed",
}


def htcds(
    links: Any,
    linkage: Any = None,
    *,
    key: bytes | str,
    k: int = 11,
    quasi_identifiers: tuple[str, ...] = QUASI_IDENTIFIERS,
    max_left_out: float = 0.05,
) -> Export:
    """The protected export of :func:`victims` in the Human Trafficking Case Data Standard.

    Fields (HTCDS v2.0 field reference): ``prs_Gender`` (Male, Female,
    Transgender/NonConforming, Unknown), ``prs_Nationality`` (ISO 3166 alpha-2; empty
    where generalised or unknown), ``vic_TypeOfExploitation`` (multiselect, values
    joined by ``;``), ``cas_Status`` (Active, Closed; empty when unknown). The
    pseudonym, age band, province and year, which the standard has no field for, are
    ``x_Pseudonym``, ``x_AgeBand``, ``x_Province`` and ``x_Year``. Protection is that of
    :func:`victims` (same parameters).

    Examples
    --------
    >>> import polars as pl
    >>> from tipsom import export
    >>> records = pl.DataFrame(
    ...     {
    ...         "record_id": [f"r{i}" for i in range(30)],
    ...         "person_id": [f"p{i}" for i in range(30)],
    ...         "sex": ["female"] * 30,
    ...         "nationality": ["AFG"] * 30,
    ...         "exploitation": [["begging", "forced_labour"]] * 30,
    ...     }
    ... )
    >>> out = export.htcds(records, key="another secret, 16+", k=11)
    >>> out.data.select("prs_Gender", "prs_Nationality", "vic_TypeOfExploitation").row(0)
    ('Female', 'AF', 'Forced labour;Begging')
    """
    shared = victims(
        links,
        linkage,
        key=key,
        k=k,
        quasi_identifiers=quasi_identifiers,
        max_left_out=max_left_out,
    )
    d = shared.data
    alpha2 = _alpha2()
    values = sorted(set(HTCDS_EXPLOITATION.values()), key=_HTCDS_ORDER.index)
    forms = [
        ";".join(
            v
            for v in values
            if any(row[f"form_{f}"] for f, h in HTCDS_EXPLOITATION.items() if h == v)
        )
        for row in d.iter_rows(named=True)
    ]
    data = pl.DataFrame(
        {
            "x_Pseudonym": d["pseudonym"],
            "prs_Gender": [HTCDS_GENDER.get(s, "Unknown") for s in d["sex"].to_list()],
            "prs_Nationality": [alpha2.get(n) for n in d["nationality"].to_list()],
            "vic_TypeOfExploitation": forms,
            "cas_Status": [HTCDS_STATUS.get(s) for s in d["case_status"].to_list()],
            "x_AgeBand": d["age_band"],
            "x_Province": d["province"],
            "x_Year": d["year"],
        },
        schema={
            "x_Pseudonym": pl.String,
            "prs_Gender": pl.String,
            "prs_Nationality": pl.String,
            "vic_TypeOfExploitation": pl.String,
            "cas_Status": pl.String,
            "x_AgeBand": pl.String,
            "x_Province": pl.String,
            "x_Year": pl.String,
        },
    )
    return Export(data=data, report=shared.report, k=k)


#: Order of the HTCDS v2.0 ``vic_TypeOfExploitation`` picklist.
_HTCDS_ORDER = [
    "Forced labour",
    "Sexual exploitation",
    "Forced marriage",
    "Forced military service",
    "Slavery and similar practices",
    "Organ removal",
    "Begging",
    "Illicit activities",
    "Other",
]

# Errors from user data leave these functions as tipsom's, without values.
_guard_namespace(globals(), ["victims", "htcds"], "tipsom.export")
