"""Every notebook of ``notebooks/`` runs top to bottom and shows what it is about.

One runner for all of them: each notebook runs in a fresh kernel in a temporary working
directory (the notebooks write only to temporary folders of their own), fails on the first
cell that raises, and its printed text must hold the lines listed for it below. A notebook
added to ``notebooks/`` is collected here and must be given its lines.
"""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

#: Lines each notebook prints when it works (printed text and the plain-text form of
#: displayed values, in order of the cells).
EXPECTED: dict[str, list[str]] = {
    "01_read.ipynb": [
        "files read: 12 | sheets: 49",
        "rows set aside: ",
        "low-confidence columns: ",
        "ReadError: file 'AHTC Multan May.xlsx': not a readable Excel workbook",
        "records still read: ",
    ],
    "02_normalize.ipynb": ["shape: (12, 5)", "shape: (386, 7)"],
    "03_deduplicate.ipynb": ["existing ids kept: True"],
    "04_indicators.ipynb": ["report.html"],
    "05_hidden_victims.ipynb": [
        "true total 2000; observed",
        "with heterogeneous visibility",
    ],
    "06_workshop_tip_vs_som.ipynb": [
        "BOTH - PTPA-2018:3(1), UN-TIP-Protocol:3, PSMA-2018, UN-SOM-Protocol:3",
        "SOM - PSMA-2018, UN-SOM-Protocol:3",
    ],
    "07_monthly_compilation.ipynb": [
        "problems: 0",
        "unmapped columns: 0",
        "seen_again_other_unit: recorded by",
        "missing returns: 1",
        "revisions applied: 1",
        "4 feedback pages; True",
    ],
}


def run_notebook(path: Path, workdir: Path) -> str:
    """Runs a notebook top to bottom in ``workdir``; returns the text its cells showed."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(workdir)}},
    ).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    return "".join(
        o.get("text", "") or o.get("data", {}).get("text/plain", "") for o in outputs
    )


def test_every_notebook_is_listed() -> None:
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")))
def test_notebook_runs(name: str, tmp_path: Path) -> None:
    text = run_notebook(NOTEBOOKS / name, tmp_path)
    missing = [line for line in EXPECTED.get(name, []) if line not in text]
    assert not missing, f"{name} did not print {missing}"
