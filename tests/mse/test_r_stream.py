"""Parity with SparseMSE's BCa bootstrap, given R's own random stream.

A bootstrap interval from another random-number generator can only agree with R's within
the bootstrap noise. To test the estimator itself exactly, these tests replay the 1,000
resampled tables that SparseMSE 2.0.1 draws with seed 1234 (see tests/data/mse/README.md):
tipsom's stepwise estimate on every replicate, then the BCa limits, must give R's limits.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
import tipsom as ts
from conftest import DATA, load, quiet

PROBS = [0.025, 0.1, 0.9, 0.975]

# SparseMSE 2.0.1 in R 4.2.2 on these tables (tests/data/mse/README.md).
R_LIMITS = {
    "NewOrl_5": [588.8175, 598.9854, 1256.1526, 1703.6937],
    "Western": [1293.214, 1343.289, 2998.539, 3672.037],
}


def replay(name: str) -> tuple[float, float, np.ndarray]:
    frame, count = load(name)
    tables = pl.read_csv(DATA / f"r_stream_{name}_seed1234.csv").to_numpy()
    assert tables.shape == (1000, frame.height)
    with quiet():
        full = ts.mse.estimate(frame, count=count, bootstrap=20, seed=1)
        reps = np.array(
            [
                ts.mse.estimate(
                    frame.with_columns(pl.Series(count, row)), count=count
                ).estimate
                for row in tables
            ]
        )
    return full.estimate, full.acceleration, reps


def test_neworl5_bca_limits_equal_sparsemse_on_r_stream():
    theta, a, reps = replay("NewOrl_5")
    got = ts.mse.bca_limits(theta, reps, acceleration=a, probabilities=PROBS)
    assert got == pytest.approx(R_LIMITS["NewOrl_5"], abs=0.01)


def test_western_bca_limits_equal_sparsemse_up_to_one_tie():
    theta, a, reps = replay("Western")
    # Replicate 311 selects the data's own model and equals the estimate exactly in exact
    # arithmetic; R's rounding put it 1e-10 below, ours a few ulps above. tipsom counts it
    # as a tie (not below), SparseMSE as below: only the 10% and 90% limits move.
    ties = np.flatnonzero(np.abs(reps - theta) <= 1e-9 * theta)
    assert ties.tolist() == [311]
    got = ts.mse.bca_limits(theta, reps, acceleration=a, probabilities=PROBS)
    assert got == pytest.approx([1293.214, 1343.071, 2995.378, 3670.556], abs=0.01)
    assert max(abs(g - r) for g, r in zip(got, R_LIMITS["Western"], strict=True)) < 3.2
    # Counting that one replicate below, as R's rounding did, gives R's limits exactly.
    nudged = reps.copy()
    nudged[311] = theta - 1e-3
    got_r = ts.mse.bca_limits(theta, nudged, acceleration=a, probabilities=PROBS)
    assert got_r == pytest.approx(R_LIMITS["Western"], abs=0.01)


def test_neworl_replicates_match_sparsemse_except_where_a_list_is_emptied():
    """NewOrl (8 lists): R's replicate estimates, tipsom's on a sample of the same tables.

    Where a resample empties a list, SparseMSE 2.0.1's `checkident` finds no MLE for any
    interaction (the empty list's cells stay in its LP) and falls back to main effects;
    tipsom, like the MSE package's `.check_extended_MLE`, treats the empty list as a -inf
    main effect and goes on selecting. Those are the only replicates that differ.
    """
    frame, count = load("NewOrl")
    lists = frame.columns[:-1]
    tables = pl.read_csv(DATA / "r_stream_NewOrl_seed1234.csv").to_numpy()
    r_reps = pl.read_csv(DATA / "r_stream_NewOrl_seed1234_estimates.csv")["est"]
    r_reps = r_reps.to_numpy()
    design = frame.select(lists).to_numpy()
    emptied = np.flatnonzero((tables @ design == 0).any(axis=1))
    assert emptied.tolist() == [133, 175, 924]
    rng = np.random.default_rng(0)
    sample = np.sort(np.concatenate([emptied, rng.choice(1000, 60, replace=False)]))
    with quiet():
        full = ts.mse.estimate(frame, count=count, bootstrap=20, seed=1)
        ours = {
            int(b): ts.mse.estimate(
                frame.with_columns(pl.Series(count, tables[b])), count=count
            ).estimate
            for b in sample
        }
    for b, est in ours.items():
        if b in emptied:
            assert abs(est - r_reps[b]) > 1.0
        else:
            assert est == pytest.approx(r_reps[b], abs=1e-6), b
    # The BCa arithmetic on R's own replicates gives R's limits exactly ...
    theta, a = full.estimate, full.acceleration
    assert a == pytest.approx(-0.02933, abs=1e-5)
    got = ts.mse.bca_limits(theta, r_reps, acceleration=a, probabilities=PROBS)
    assert got == pytest.approx([717.2108, 717.2108, 1248.3339, 1657.6080], abs=0.01)
    # ... and with tipsom's values for the three emptied replicates, the upper limits
    # move by less than the bootstrap noise (sd about 55 for the 97.5% limit).
    mixed = r_reps.copy()
    mixed[emptied] = [ours[int(b)] for b in emptied]
    moved = ts.mse.bca_limits(theta, mixed, acceleration=a, probabilities=PROBS)
    assert moved == pytest.approx([717.2108, 717.2108, 1241.8130, 1642.9693], abs=0.01)
