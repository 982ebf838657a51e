"""Fixtures for the MSE tests: the published tables in tests/data/mse (see README)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import polars as pl
import pytest
from tipsom.exceptions import DataQualityWarning

DATA = Path(__file__).resolve().parent.parent / "data" / "mse"


def load(name: str) -> tuple[pl.DataFrame, str]:
    """A fixture table and the name of its count column (the last column)."""
    frame = pl.read_csv(DATA / f"{name}.csv")
    return frame, frame.columns[-1]


@contextmanager
def quiet() -> Iterator[None]:
    """Silence DataQualityWarning (sparse fixtures warn by design)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataQualityWarning)
        yield


@pytest.fixture
def published() -> pl.DataFrame:
    return pl.read_csv(DATA / "published_estimates.csv")
