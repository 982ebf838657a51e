"""A small, fast generator of synthetic victim records with ground truth (tests and
benches).

Not the package's generator (``tipsom.datasets``): a stand-in with the normalized
schema, used until that lands. Every record is invented. Each person appears in one or
more sources (circle, police, shelter) with realistic noise: spelling errors, swapped or
missing name parts, missing CNICs and dates, CNIC typos, age drift.
"""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import polars as pl

MALE = (
    "muhammad ali ahmed hassan hussain usman bilal imran asif tariq zahid kamran "
    "faisal "
    "adnan naveed shahid rashid sajid waqas arshad javed nadeem khalid saleem akbar "
    "yasir "
    "irfan aamir zubair shoaib junaid rizwan babar noman farhan danish hamza umer talha"
).split()
FEMALE = (
    "fatima ayesha zainab maryam khadija amina sana hina nadia saima rabia bushra "
    "shazia "
    "farzana nasreen shabana rukhsana samina tahira kulsoom sadia asma iqra mehwish "
    "nimra "
    "sobia uzma lubna naila razia parveen zubaida shamim"
).split()
LAST = (
    "khan bibi ahmed ali hussain shah malik butt qureshi sheikh chaudhry awan abbasi "
    "baloch jatoi memon siddiqui raza akhtar iqbal mirza rana gill bhatti niazi afridi "
    "yousafzai khattak marri bugti"
).split()
DISTRICTS = {
    "Punjab": ["Lahore", "Faisalabad", "Rawalpindi", "Gujranwala", "Multan", "Sialkot"],
    "Sindh": ["Karachi Central", "Hyderabad", "Sukkur", "Larkana"],
    "Khyber Pakhtunkhwa": ["Peshawar", "Mardan", "Swat", "Abbottabad"],
    "Balochistan": ["Quetta", "Gwadar", "Turbat"],
}
SOURCES = [
    "FIA Lahore",
    "FIA Karachi",
    "FIA Islamabad",
    "FIA Peshawar",
    "FIA Quetta",
    "Police",
    "Shelter",
]


def _key(s: str) -> str:
    out = []
    for t in s.lower().split():
        t = "".join(ch for ch in t if "a" <= ch <= "z")
        if not t:
            continue
        k = t[0] + "".join(ch for ch in t[1:] if ch not in "aeiouyhw")
        dedup = k[0] + "".join(b for a, b in itertools.pairwise(k) if a != b)
        out.append(dedup)
    return " ".join(out)


def name_key(col: pl.Series) -> pl.Series:
    """A crude phonetic key per token: first letter + consonants, doubles collapsed."""
    uniq = col.drop_nulls().unique().to_list()
    mapping = {u: _key(u) for u in uniq}
    return col.replace_strict(mapping, default=None, return_dtype=pl.String)


def _typo(rng: np.random.Generator, s: str) -> str:
    if len(s) < 3:
        return s
    k = int(rng.integers(1, len(s) - 1))
    op = rng.integers(0, 4)
    if op == 0:
        return s[:k] + s[k + 1 :]
    if op == 1:
        return s[:k] + s[k] + s[k:]
    if op == 2 and s[k] != " " and s[k - 1] != " ":
        return s[: k - 1] + s[k] + s[k - 1] + s[k + 1 :]
    return s[:k] + "aeiou"[int(rng.integers(0, 5))] + s[k + 1 :]


def victims(n_persons: int, *, seed: int = 1, duplication: float = 0.8) -> pl.DataFrame:
    """Synthetic victim records with a ``true_person_id`` column.

    Parameters
    ----------
    n_persons
        Number of distinct people.
    seed
        Random seed.
    duplication
        Mean number of extra records per person (geometric).
    """
    rng = np.random.default_rng(seed)

    def zipf(k: int, size: int) -> np.ndarray:
        w = 1.0 / np.arange(1, k + 1) ** 0.8
        return rng.choice(k, size, p=w / w.sum())

    sex = np.where(rng.random(n_persons) < 0.7, "female", "male")
    female = sex == "female"
    first = np.where(
        female,
        np.array(FEMALE)[zipf(len(FEMALE), n_persons)],
        np.array(MALE)[zipf(len(MALE), n_persons)],
    )
    middle = np.where(
        rng.random(n_persons) < 0.4,
        np.array(MALE + FEMALE)[rng.integers(0, 70, n_persons)],
        "",
    )
    last = np.array(LAST)[zipf(len(LAST), n_persons)]
    father_first = np.array(MALE)[zipf(len(MALE), n_persons)]
    father_mid = np.where(
        rng.random(n_persons) < 0.5,
        np.array(MALE)[rng.integers(0, len(MALE), n_persons)],
        "",
    )
    provinces = np.array(list(DISTRICTS))
    prov = provinces[rng.choice(4, n_persons, p=[0.55, 0.25, 0.15, 0.05])]
    district = np.array(
        [DISTRICTS[p][int(rng.integers(0, len(DISTRICTS[p])))] for p in prov]
    )
    dob_days = rng.integers(
        (dt.date(1975, 1, 1) - dt.date(1970, 1, 1)).days,
        (dt.date(2014, 1, 1) - dt.date(1970, 1, 1)).days,
        n_persons,
    )
    cnic_body = rng.integers(10**11, 10**12, n_persons)
    cnic_last = np.where(
        female,
        rng.choice([2, 4, 6, 8], n_persons),
        rng.choice([1, 3, 5, 7, 9], n_persons),
    )
    has_cnic = rng.random(n_persons) < 0.7
    has_phone = rng.random(n_persons) < 0.4
    phone = np.char.add("+923", rng.integers(10**8, 10**9, n_persons).astype(str))

    extra = rng.geometric(1.0 / (1.0 + duplication), n_persons) - 1
    counts = 1 + np.minimum(extra, 8)
    person = np.repeat(np.arange(n_persons), counts)
    n = person.size
    r = rng.random((n, 12))

    def tokens(p: int) -> list[str]:
        return [t for t in (first[p], middle[p], last[p]) if t]

    names, fathers = [], []
    for k in range(n):
        p = person[k]
        t = tokens(p)
        if r[k, 0] < 0.08 and len(t) > 2:
            t = [t[0], t[-1]]
        if r[k, 1] < 0.05 and len(t) > 1:
            t = [t[-1], *t[:-1]]
        s = " ".join(t)
        if r[k, 2] < 0.25:
            s = _typo(rng, s)
        names.append(s)
        f = " ".join(x for x in (father_first[p], father_mid[p], last[p]) if x)
        if r[k, 3] < 0.2:
            f = _typo(rng, f)
        if r[k, 4] < 0.1:
            f = None
        fathers.append(f)
    cnic = np.char.add(
        cnic_body[person].astype(str), cnic_last[person].astype(str)
    ).astype(object)
    typo = r[:, 5] < 0.04
    for k in np.nonzero(typo)[0]:
        c = list(cnic[k])
        i = int(rng.integers(0, 12))
        c[i] = str((int(c[i]) + 1) % 10)
        cnic[k] = "".join(c)
    cnic[~has_cnic[person] | (r[:, 6] < 0.35)] = None
    rec_date = rng.integers(
        (dt.date(2019, 1, 1) - dt.date(1970, 1, 1)).days,
        (dt.date(2025, 1, 1) - dt.date(1970, 1, 1)).days,
        n,
    )
    dob = dob_days[person].astype(float)
    dob[r[:, 7] < 0.5] = np.nan
    age = ((rec_date - dob_days[person]) / 365.25).astype(int) + np.where(
        r[:, 8] < 0.2, rng.integers(-2, 3, n), 0
    )
    age = age.astype(float)
    age[r[:, 9] < 0.15] = np.nan
    ph = phone[person].astype(object)
    ph[~has_phone[person] | (r[:, 10] < 0.3)] = None
    sx = sex[person].astype(object)
    sx[r[:, 11] < 0.04] = None
    dist = district[person].astype(object)
    moved = rng.random(n) < 0.08
    for k in np.nonzero(moved)[0]:
        options = DISTRICTS[prov[person[k]]]
        dist[k] = options[int(rng.integers(0, len(options)))]
    src = np.array(SOURCES)[rng.integers(0, len(SOURCES), n)]
    order = rng.permutation(n)
    df = pl.DataFrame(
        {
            "record_id": [f"R{i:07d}" for i in range(n)],
            "source": src[order],
            "name": pl.Series([names[k] for k in order], dtype=pl.String),
            "father_name": pl.Series([fathers[k] for k in order], dtype=pl.String),
            "sex": pl.Series(list(sx[order]), dtype=pl.String),
            "age": pl.Series(age[order], nan_to_null=True).cast(pl.Int64),
            "date_of_birth": pl.Series(dob[order], nan_to_null=True)
            .cast(pl.Int32)
            .cast(pl.Date),
            "cnic": pl.Series(list(cnic[order]), dtype=pl.String),
            "phone": pl.Series(list(ph[order]), dtype=pl.String),
            "district": pl.Series(list(dist[order]), dtype=pl.String),
            "province": prov[person][order],
            "date": pl.Series(rec_date[order]).cast(pl.Int32).cast(pl.Date),
            "true_person_id": person[order],
        },
        strict=False,
    )
    return df.with_columns(
        name_key=name_key(df["name"]), father_name_key=name_key(df["father_name"])
    )
