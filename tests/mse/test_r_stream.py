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
