"""Behaviour on simulated populations of known size, strata, linkage input and
sensitivity analysis."""

from __future__ import annotations

import math

import numpy as np
import polars as pl
import pytest
import tipsom as ts
from conftest import load, quiet


def simulate(rng: np.random.Generator, size: int, probs: list[float]) -> pl.DataFrame:
    """Capture histories of a closed population of `size` with independent lists."""
    caught = rng.random((size, len(probs))) < np.array(probs)
    seen = caught[caught.any(axis=1)]
    names = [chr(65 + i) for i in range(len(probs))]
    frame = pl.DataFrame(seen.astype(np.int8), schema=names)
    return frame.group_by(names).len(name="count")


def coverage(results: list[tuple[float, float]], truth: float) -> float:
    return float(np.mean([lo <= truth <= hi for lo, hi in results]))


def test_normal_and_profile_intervals_cover_the_truth():
    # 200 simulated populations of 1,000 on three independent lists: the
    # model-conditional intervals of the true (main-effects) model should cover about
    # 95% of the time.
    rng = np.random.default_rng(20261128)
    normal, profile = [], []
    for _ in range(200):
        table = simulate(rng, 1000, [0.15, 0.2, 0.25])
        r = ts.mse.estimate(table, method="main_effects", interval="profile")
        profile.append(r.interval)
        n = r.intervals.filter(pl.col("kind") == "normal_log_dark").row(0, named=True)
        normal.append((n["lower"], n["upper"]))
    # Binomial standard error at 200 draws is 0.015: allow about 3 of them.
    assert 0.90 <= coverage(normal, 1000) <= 0.995
    assert 0.90 <= coverage(profile, 1000) <= 0.995


def test_bca_with_reselection_covers_the_truth():
    rng = np.random.default_rng(7)
    hits = []
    for i in range(30):
        table = simulate(rng, 800, [0.15, 0.2, 0.25])
        with quiet():
            r = ts.mse.estimate(table, bootstrap=199, seed=i)
        hits.append(r.interval)
    # 30 draws: a nominal 95% interval should cover at least ~80% (3 sd below).
    assert coverage(hits, 800) >= 0.8


def test_stratified_estimates_and_rates():
    rng = np.random.default_rng(3)
    men = simulate(rng, 600, [0.2, 0.25, 0.3]).with_columns(sex=pl.lit("male"))
    women = simulate(rng, 400, [0.2, 0.25, 0.3]).with_columns(sex=pl.lit("female"))
    table = pl.concat([men, women])
    res = ts.mse.estimate(
        table, by="sex", population={"male": 1_000_000, "female": 900_000}
    )
    assert set(res.results) == {"female", "male"}
    row = res.table.filter(pl.col("sex") == "male").row(0, named=True)
    assert row["estimate"] == pytest.approx(res.results["male"].estimate)
    assert row["rate_per_100k"] == pytest.approx(row["estimate"] / 10)
    assert 400 < res.results["male"].estimate < 800
    assert res.total_estimate == pytest.approx(
        res.results["male"].estimate + res.results["female"].estimate
    )
    single = ts.mse.estimate(men.drop("sex"), population=2_000_000)
    assert single.rate_per_100k == pytest.approx(single.estimate / 20)
    assert "per 100,000" in repr(single)


def test_linkage_like_input_builds_capture_histories():
    class FakeLinkage:
        """Stands in for tipsom.deduplicate(...) output: a `.records` frame."""

        def __init__(self, records: pl.DataFrame) -> None:
            self.records = records

    rng = np.random.default_rng(11)
    rows = []
    sources = {
        "Lahore": "fia_circle",
        "Karachi": "fia_circle",
        "Police": "police",
        "NGO": "ngo",
    }
    probs = {"Lahore": 0.2, "Karachi": 0.15, "Police": 0.25, "NGO": 0.1}
    for person in range(1500):
        for source, p in probs.items():
            if rng.random() < p:
                rows.append(
                    {
                        "person_id": person,
                        "source": source,
                        "source_type": sources[source],
                        "sex": "female" if person % 3 else "male",
                    }
                )
    records = pl.DataFrame(rows)
    link = FakeLinkage(records)
    hist = ts.mse.capture_histories(link)
    assert hist.columns == ["Karachi", "Lahore", "NGO", "Police", "count"]
    assert hist["count"].sum() == records["person_id"].n_unique()
    r = ts.mse.estimate(link, method="main_effects")
    assert r.lists == ["Karachi", "Lahore", "NGO", "Police"]
    assert 1200 < r.estimate < 1800
    by_type = ts.mse.estimate(link, lists="source_type", method="main_effects")
    assert by_type.lists == ["fia_circle", "ngo", "police"]
    mapped = ts.mse.estimate(
        link,
        lists={"Lahore": "FIA", "Karachi": "FIA", "Police": "Police"},
        method="chapman",
    )
    assert mapped.lists == ["FIA", "Police"]
    strat = ts.mse.estimate(link, by="sex", method="main_effects")
    assert set(strat.results) == {"female", "male"}
    # A records frame works as well as the Linkage object.
    assert (
        ts.mse.estimate(records, lists="source", method="main_effects").estimate
        == r.estimate
    )


def test_sensitivity_table_and_chart():
    frame, count = load("Western")
    with quiet():
        s = ts.mse.sensitivity(frame, count=count)
    analyses = set(s.table["analysis"].to_list())
    assert analyses == {"method", "threshold", "omit list", "merge lists", "all models"}
    base = s.table.filter(pl.col("variant") == "stepwise p<0.02").row(0, named=True)
    assert base["estimate"] == pytest.approx(2483.4, abs=0.1)
    assert s.table.filter(pl.col("analysis") == "omit list").height == 5
    assert s.table.filter(pl.col("analysis") == "merge lists").height == 10
    assert s.models is not None
    assert s.models.height == 1024
    import matplotlib

    matplotlib.use("Agg")
    ax = s.plot()
    assert len(ax.get_yticklabels()) == s.table.height
    assert math.isfinite(
        s.table.filter(pl.col("analysis") == "all models")["estimate"][0]
    )
