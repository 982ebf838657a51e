"""tipsom.mse against the published and R-reference figures (reference/mse.md §12).

Absolute tolerances only: 0.1 for point estimates and model-conditional limits given to
one decimal, 1 for published integers. Every test pins the data version first.
"""

from __future__ import annotations

import polars as pl
import pytest
import tipsom as ts
from conftest import load, quiet
from tipsom.exceptions import DataQualityWarning


def c_and_d_only(frame: pl.DataFrame) -> int:
    lists = frame.columns[:-1]
    row = frame.filter(
        pl.all_horizontal([(pl.col(c) == (1 if c in ("C", "D") else 0)) for c in lists])
    )
    return int(row[frame.columns[-1]].sum())


def pin(frame: pl.DataFrame, n: int, t: int) -> None:
    assert int(frame[frame.columns[-1]].sum()) == n
    assert len(frame.columns) - 1 == t


def test_western_stepwise_point_and_model():
    frame, count = load("Western")
    pin(frame, 345, 5)
    r = ts.mse.estimate(frame, count=count)
    assert r.model == ["A:E"]
    assert r.estimate == pytest.approx(2483.4, abs=0.1)
    assert r.observed == 345
    assert r.diagnostics["non_overlapping_pairs"] == ["A:B", "B:E"]
    assert r.diagnostics["overlapping_triples"] == 5
    assert r.diagnostics["frequencies"][1:4] == [322, 21, 2]
    assert r.raw["model"]["boundary"] == []


def test_new_orleans_185_stepwise_and_normal_interval():
    frame, count = load("NewOrl")
    pin(frame, 185, 8)
    assert c_and_d_only(frame) == 1
    r = ts.mse.estimate(frame, count=count, level=0.95)
    assert r.model == ["D:E"]
    assert r.estimate == pytest.approx(1183.7, abs=0.1)
    assert r.interval_method == "normal_log_dark"
    assert r.interval[0] == pytest.approx(720.9, abs=0.1)
    assert r.interval[1] == pytest.approx(2046.1, abs=0.1)
    assert r.steps["term"].to_list() == ["D:E"]
    main = ts.mse.estimate(frame, count=count, p_threshold=0.01)
    assert main.model == []
    assert main.estimate == pytest.approx(997, abs=1)


def test_new_orleans_186_moves_the_estimate():
    frame, count = load("NewOrl_MSE120")
    pin(frame, 186, 8)
    assert c_and_d_only(frame) == 2
    r = ts.mse.estimate(frame, count=count)
    assert r.model == ["D:E"]
    assert r.estimate == pytest.approx(1110.5, abs=0.1)


def test_new_orleans_5_no_pair_even_at_005():
    frame, count = load("NewOrl_5")
    pin(frame, 185, 5)
    for p in (0.02, 0.05):
        r = ts.mse.estimate(frame, count=count, p_threshold=p)
        assert r.model == []
        assert r.estimate == pytest.approx(1034.2, abs=0.1)


def test_korea_stepwise_bic_and_admissible_models():
    frame, count = load("Korea")
    pin(frame, 123, 3)
    assert ts.mse.estimate(frame, count=count).estimate == pytest.approx(268.8, abs=0.1)
    bic = ts.mse.estimate(frame, count=count, method="bic")
    assert bic.model == ["b:c", "c:d"]
    assert bic.raw["model"]["mse_string"] == "[12,23]"
    assert bic.estimate == pytest.approx(157.2, abs=0.1)
    models = ts.mse.all_models(frame, count=count)
    assert models.height == 8
    assert (models["check"] == 0).sum() == 6
    assert sorted(models.filter(pl.col("check") != 0)["model"].to_list()) == [
        "b:c+b:d",
        "b:c+b:d+c:d",
    ]


def test_new_orleans_5_186_best_bic():
    frame, count = load("NewOrl_5_MSE120")
    pin(frame, 186, 5)
    for order in (2, 4):
        r = ts.mse.estimate(frame, count=count, method="bic", max_order=order)
        assert r.model == []
        assert r.estimate == pytest.approx(981.4, abs=0.1)


def test_artificial_3_codes():
    frame, count = load("Artificial_3")
    pin(frame, 96, 3)
    assert ts.mse.check_model(frame, "A:B+A:C+B:C", count=count) == 2
    assert ts.mse.check_model(frame, "A:B", count=count) == 1
    assert ts.mse.check_model(frame, ["A:B", "A:C"], count=count) == 1
    assert ts.mse.check_model(frame, ["A:B", "B:C"], count=count) == 1
    assert ts.mse.check_model(frame, "A:C+B:C", count=count) == 0
    assert ts.mse.check_model(frame, "A:C", count=count) == 0
    assert ts.mse.check_model(frame, "none", count=count) == 0
    with pytest.raises(ts.exceptions.ComputeError, match="does not exist"):
        ts.mse.estimate(frame, count=count, method="fixed", model="A:B")


def test_chao_on_western():
    frame, count = load("Western")
    assert ts.mse.estimate(frame, count=count, method="chao").estimate == pytest.approx(
        2813.67, abs=0.01
    )
    bc = ts.mse.estimate(frame, count=count, method="chao", bias_corrected=True)
    assert bc.estimate == pytest.approx(2694.14, abs=0.01)
    assert bc.interval[0] > 345


def test_bhs_baseline_on_new_orleans_is_a_warning_example():
    # modslavmse MSEfit (reference): no sparse handling, 7 interactions on tiny cells,
    # profile-likelihood estimate 3,367, upper limit beyond the 3 x N search limit.
    frame, count = load("NewOrl")
    pin(frame, 185, 8)
    with quiet():
        r = ts.mse.estimate(
            frame, count=count, method="bhs", p_threshold=0.05, interval="profile"
        )
    assert len(r.model) == 7
    assert r.profile_estimate == pytest.approx(3367, abs=1)
    assert r.interval[1] == float("inf")


@pytest.mark.parametrize(
    ("name", "accel"),
    [("Western", -0.09501), ("NewOrl_5", -0.05516), ("NewOrl", -0.02933)],
)
def test_jackknife_acceleration_matches_sparsemse(name, accel):
    frame, count = load(name)
    r = ts.mse.estimate(frame, count=count, bootstrap=20, seed=1)
    assert r.acceleration == pytest.approx(accel, abs=1e-5)


def test_bca_limits_arithmetic():
    reps = list(range(1, 1001))
    lo, hi = ts.mse.bca_limits(500.5, reps, probabilities=[0.025, 0.975])
    assert lo == pytest.approx(1 / 3 + 0.025 * (1000 + 1 / 3), abs=1e-9)
    assert hi == pytest.approx(1 / 3 + 0.975 * (1000 + 1 / 3), abs=1e-9)
    assert ts.mse.bca_limits(0.0, [1.0, 2.0]) is None


# BCa limits at B = 1,000 from another random stream can only agree with R's within the
# bootstrap noise (reselection makes the bootstrap distribution lumpy, mse.md §10.8).
# tests/mse/test_r_stream.py shows the estimator is R's exactly, replicate by replicate,
# on R's own tables. Here: centres are the mean limits over R's streams for seeds 1..30
# (R 4.2.2 rmultinom tables replayed through tipsom); bands are three standard deviations,
# the larger of R's and ours over seeds 1..30 (`python benches/bench_mse.py --seeds 30`).
# SparseMSE's seed-1234 figures (Western 1293/3672, NewOrl_5 589/1704) lie inside them:
# NewOrl_5's is an upper draw in R too (2 sd above R's mean 95% upper limit).
# (centre lo95, hi95), (band lo95, hi95), (centre lo80, hi80), (band lo80, hi80)
BCA_BANDS = {
    "Western": ((1197, 3702), (347, 346), (1335, 3016), (196, 200)),
    "NewOrl_5": ((529, 1578), (125, 191), (545, 1220), (122, 98)),
}


@pytest.mark.parametrize("name", sorted(BCA_BANDS))
def test_bca_bootstrap_within_noise(name):
    frame, count = load(name)
    (lo95, hi95), (b_lo95, b_hi95), (lo80, hi80), (b_lo80, b_hi80) = BCA_BANDS[name]
    r = ts.mse.estimate(
        frame, count=count, bootstrap=1000, seed=1234, level=[0.95, 0.8]
    )
    assert r.interval_method == "bca"
    bca = r.intervals.filter(pl.col("kind") == "bca")
    got95 = bca.filter(pl.col("level") == 0.95).row(0, named=True)
    got80 = bca.filter(pl.col("level") == 0.8).row(0, named=True)
    assert abs(got95["lower"] - lo95) <= b_lo95
    assert abs(got95["upper"] - hi95) <= b_hi95
    assert abs(got80["lower"] - lo80) <= b_lo80
    assert abs(got80["upper"] - hi80) <= b_hi80


def test_bootstrap_is_reproducible_and_seed_dependent():
    frame, count = load("Western")
    a = ts.mse.estimate(frame, count=count, bootstrap=60, seed=7)
    b = ts.mse.estimate(frame, count=count, bootstrap=60, seed=7)
    c = ts.mse.estimate(frame, count=count, bootstrap=60, seed=8)
    assert (a.bootstrap_replicates == b.bootstrap_replicates).all()
    assert not (a.bootstrap_replicates == c.bootstrap_replicates).all()
    assert a.seed == 7


def test_korea_n_top_bootstrap_widens_with_n_top():
    frame, count = load("Korea")
    r = ts.mse.estimate(
        frame, count=count, method="bic", bootstrap=1000, seed=1, level=[0.95, 0.8]
    )
    assert r.estimate == pytest.approx(157.2, abs=0.1)
    assert r.n_top is not None
    assert r.n_top["n_top"].to_list() == [1, 2, 3, 4, 5, 6]
    first = r.n_top.row(0, named=True)
    last = r.n_top.row(-1, named=True)
    # SCV 2024 Table 3: n_top 1 [131, 248]; all [128, 349] (95%); 80% [136, 198] / [135,
    # 288].
    assert abs(first["lower_0.95"] - 131) <= 10
    assert abs(first["upper_0.95"] - 248) <= 40
    assert abs(last["lower_0.95"] - 128) <= 10
    assert abs(last["upper_0.95"] - 349) <= 50
    assert abs(last["upper_0.8"] - 288) <= 50
    assert last["upper_0.95"] > first["upper_0.95"]
    assert r.interval == (last["lower_0.95"], last["upper_0.95"])


def test_profile_interval_on_new_orleans_5():
    frame, count = load("NewOrl_5")
    r = ts.mse.estimate(frame, count=count, interval="profile")
    assert r.interval_method == "profile"
    lo, hi = r.interval
    assert lo < r.profile_estimate < hi
    # The multinomial argmax is close to, but not equal to, the Poisson estimate.
    assert abs(r.profile_estimate - r.estimate) < 0.05 * r.estimate


def test_artificial_3_warns_about_isolated_list():
    frame, count = load("Artificial_3")
    with pytest.warns(DataQualityWarning) as record:
        ts.mse.estimate(frame, count=count)
    messages = [str(w.message) for w in record]
    assert any("list 'C' shares no case" in m for m in messages)
    assert any("only 6 case(s)" in m for m in messages)


def test_repr_and_html():
    frame, count = load("Western")
    r = ts.mse.estimate(frame, count=count)
    text = repr(r)
    assert "A:E" in text
    assert "2,483.4" in text
    assert "95% interval" in text
    assert "<table>" in r._repr_html_()


def test_bootstrap_reports_progress_and_can_be_stopped():
    frame, count = load("Western")
    stages = []
    ts.mse.estimate(
        frame,
        count=count,
        bootstrap=300,
        seed=1,
        progress=lambda stage, done, total: stages.append((stage, done, total)),
    )
    assert ("bootstrap", 300, 300) in stages
    assert any(s[0] == "jackknife" for s in stages)

    def stop(stage, done, total):
        if done > 0:
            msg = "stopped by the user"
            raise RuntimeError(msg)

    with pytest.raises(RuntimeError, match="stopped by the user"):
        ts.mse.estimate(frame, count=count, bootstrap=5000, seed=1, progress=stop)


def test_profile_likelihood_matches_closed_form_for_two_lists():
    # Two lists, main effects: with the dark cell n0 = N - n added, the 2 x 2 table is fitted
    # by independence, so the profile log-likelihood has a closed form (Cormack 1992).
    import math

    y11, y10, y01 = 20, 40, 30
    n = y11 + y10 + y01

    def loglik(big_n):
        n0 = big_n - n
        on_a, on_b = y11 + y10, y11 + y01
        # (observed, row total, column total) of the cells AB, A only, B only, neither.
        cells = [
            (y11, on_a, on_b),
            (y10, on_a, big_n - on_b),
            (y01, big_n - on_a, on_b),
            (n0, big_n - on_a, big_n - on_b),
        ]
        dev = 2 * sum(o * math.log(o / (r * c / big_n)) for o, r, c in cells if o > 0)
        xlogx = (n0 * math.log(n0) if n0 > 0 else 0.0) - big_n * math.log(big_n)
        return -dev / 2 + xlogx + math.lgamma(big_n + 1) - math.lgamma(n0 + 1)

    grid = [n + 0.001 * k for k in range(1, 200_000)]
    best = max(grid, key=loglik)
    table = pl.DataFrame({"A": [1, 1, 0], "B": [1, 0, 1], "count": [y11, y10, y01]})
    r = ts.mse.estimate(table, method="main_effects", interval="profile")
    assert r.estimate == pytest.approx(150.0, abs=1e-6)
    assert r.profile_estimate == pytest.approx(best, abs=0.01)
    cut = loglik(best) - 3.841458820694124 / 2
    lo, hi = r.interval
    assert loglik(lo) == pytest.approx(cut, abs=1e-4)
    assert loglik(hi) == pytest.approx(cut, abs=1e-4)
