"""Accuracy beyond the generator's habits: spelling lists written independently of
``tipsom.datasets`` (tests/data/normalize/, public common knowledge, no personal data), and
the generator's own name lists and records.

Thresholds are the issue's targets: at least 98% of true spelling variants of one name share a
``name_key``, at most 1% of pairs of different names collide, at least 97% for district and
nationality.
"""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
import tipsom as ts

HELD = Path(__file__).resolve().parents[1] / "data" / "normalize"
NAMES_JSON = (
    Path(__file__).resolve().parents[2] / "src" / "synth" / "data" / "names.json"
)

# Spellings the generator lists as variants that are different names in Urdu script
# (اکرام/اکرم, ارشاد/ارشد, احسان/احسن, عسکر/اصغر, نسیمہ/نسیم, حسن/حسین) or letter swaps
# (typos): see benches/bench_normalize.py.
NOT_VARIANTS = {
    "ikram",
    "irshad",
    "ehsan",
    "askar",
    "naseema",
    "hussan",
    "fasial",
    "mashi",
}


def keys(values: list[str]) -> list[str | None]:
    return pl.DataFrame({"v": values}).select(ts.expr.name_key("v"))["v"].to_list()


def collisions(names: list[str]) -> tuple[float, float, list[set[str]]]:
    """Share of pairs of different names with one key, share of names sharing a key."""
    by_key: dict[str | None, set[str]] = {}
    for n, k in zip(names, keys(names), strict=True):
        by_key.setdefault(k, set()).add(n)
    groups = [g for g in by_key.values() if len(g) > 1]
    pairs = len(names) * (len(names) - 1) / 2
    pair_share = sum(len(g) * (len(g) - 1) / 2 for g in groups) / pairs
    name_share = sum(len(g) for g in groups) / len(names)
    return pair_share, name_share, groups


def test_held_out_name_variants_share_a_key() -> None:
    rows = pl.read_csv(HELD / "name_variants.csv")
    assert rows["name"].n_unique() > 140
    same = [
        a == b
        for a, b in zip(
            keys(rows["name"].to_list()), keys(rows["spelling"].to_list()), strict=True
        )
    ]
    assert sum(same) / len(same) >= 0.98


def test_held_out_different_names_stay_apart() -> None:
    rows = pl.read_csv(HELD / "name_variants.csv")
    extra = [
        line.strip()
        for line in (HELD / "distinct_names.txt").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    names = sorted(set(rows["name"].to_list()) | set(extra))
    pair_share, name_share, groups = collisions(names)
    assert pair_share <= 0.01
    # Known limit (see normalize/name.rs): names that differ only by a long vowel the Roman
    # spelling does not show (Hamid/Hameed, Majid/Majeed, Jamal/Jameel) share a key; about
    # one name in twelve of this list has such a twin.
    assert name_share <= 0.10, groups


@pytest.mark.skipif(not NAMES_JSON.exists(), reason="generator tables not in this tree")
def test_generator_name_lists() -> None:
    data = json.loads(NAMES_JSON.read_text(encoding="utf-8"))
    toks = [
        t
        for part in ("male_prefix", "male", "female", "female_second", "castes")
        for t in data[part]
    ]
    pairs = [
        (t["r"], v)
        for t in toks
        for v in [*t.get("v", []), *([t["u"]] if t.get("u") else [])]
        if v.lower() not in NOT_VARIANTS
    ]
    kc = keys([c for c, _ in pairs])
    kv = keys([v for _, v in pairs])
    assert sum(a == b for a, b in zip(kc, kv, strict=True)) / len(pairs) >= 0.98
    pair_share, name_share, groups = collisions(sorted({t["r"] for t in toks}))
    assert pair_share <= 0.01
    assert name_share <= 0.01, groups


def test_held_out_districts() -> None:
    rows = pl.read_csv(HELD / "district_variants.csv")
    got = rows.select(ts.expr.district("raw"))["raw"]
    assert float((got == rows["district"]).fill_null(value=False).mean()) >= 0.97


def test_held_out_nationalities() -> None:
    rows = pl.read_csv(HELD / "nationality_variants.csv")
    got = rows.select(ts.expr.nationality("raw"))["raw"]
    assert float((got == rows["iso3"]).fill_null(value=False).mean()) >= 0.97


def test_generated_records_accuracy() -> None:
    """District and name keys on generated records where the truth is recoverable."""
    frame = ts.datasets.circle_returns(3000, seed=11)
    out = ts.normalize(
        frame.select([c for c in frame.columns if not c.startswith("true_")])
    )
    noise = frame["true_noise"].list.join(",")
    d = pl.DataFrame(
        {"got": out["district"], "true": frame["true_district"], "noise": noise}
    ).filter(
        frame["district"].is_not_null()
        & pl.col("true").is_not_null()
        & ~pl.col("noise").str.contains("district.source_seat|district.missing")
    )
    assert float((d["got"] == d["true"]).fill_null(value=False).mean()) >= 0.97
    truth = frame["true_name"]
    canon = ts.normalize(pl.DataFrame({"name": truth.unique().drop_nulls()}))
    key_of = dict(zip(canon["name_raw"], canon["name_key"], strict=True))
    n = pl.DataFrame(
        {
            "key": out["name_key"],
            "true": truth.replace_strict(key_of, default=None),
            "raw": frame["name"].str.to_lowercase(),
            "noise": noise,
        }
    ).filter(
        pl.col("raw").is_not_null()
        & pl.col("true").is_not_null()
        & ~pl.col("noise").str.contains("name.typo")
        & ~pl.col("raw")
        .str.extract_all(r"[a-z]+")
        .list.eval(pl.element().is_in(list(NOT_VARIANTS)))
        .list.any()
    )
    assert float((n["key"] == n["true"]).fill_null(value=False).mean()) >= 0.98


# Two more lists written on 2026-12-02 without looking at the key's output (names in neither
# list above nor in the generator). List 1 scored 92.1% on first sight; rules that generalize
# (ی with superscript alef, اللہ after a name, apostrophes inside a word, n before b, silent u
# after q, Bux/Baksh) brought it to 94.6%. List 2 was written after those fixes and measured
# once: 85.9%. On 2026-12-03 lexicon entries for the families both lists showed missing
# (ی written e: Suleman, Jamshed, Zulekha, Tufel, Shamsher, Aurangzeb/Jahanzeb/Shahzeb; Daud,
# Nemat, Shabaz, Shah Nawaz, and Urdu spellings of these) raised them to 98.1% and 92.6%, so
# neither is a held-out measure any more. List 3 was written after that change, again from
# names in no list, lexicon or generator, and measured once: 90.4% (misses: ی written e in
# Zubeda, Urdu medial ی and ؤ, Urdu initial ا/ع, ح/ہ after a consonant, Nikhat/Nighat). The
# target is 98%; these floors guard against regressions.
@pytest.mark.parametrize(
    ("file", "floor"),
    [
        ("name_variants_unseen_1.csv", 0.980),
        ("name_variants_unseen_2.csv", 0.926),
        ("name_variants_unseen_3.csv", 0.903),
    ],
)
def test_unseen_name_variants_floor(file: str, floor: float) -> None:
    rows = pl.read_csv(HELD / file)
    same = [
        a == b
        for a, b in zip(
            keys(rows["name"].to_list()), keys(rows["spelling"].to_list()), strict=True
        )
    ]
    assert sum(same) / len(same) >= floor - 1e-9
    names = sorted(set(rows["name"].to_list()))
    pair_share, _, groups = collisions(names)
    assert pair_share == 0.0, groups
