"""Shared fixtures and hypothesis profiles."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "fast", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "thorough",
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("TIPSOM_HYPOTHESIS_PROFILE", "fast"))


@pytest.fixture
def run_notebook():
    """Runs a notebook of ``notebooks/`` top to bottom; returns its printed text.

    Fails when a cell raises; skips when nbformat/nbclient are missing.
    """
    from pathlib import Path

    def run(name: str) -> str:
        nbformat = pytest.importorskip("nbformat")
        nbclient = pytest.importorskip("nbclient")
        path = Path(__file__).parents[1] / "notebooks" / name
        nb = nbformat.read(path, as_version=4)
        client = nbclient.NotebookClient(
            nb,
            timeout=600,
            kernel_name="python3",
            resources={"metadata": {"path": str(path.parent)}},
        )
        client.execute()
        outputs = [
            o
            for cell in nb.cells
            if cell.cell_type == "code"
            for o in cell.get("outputs", [])
        ]
        assert not [o for o in outputs if o.get("output_type") == "error"]
        return "".join(o.get("text", "") for o in outputs)

    return run
