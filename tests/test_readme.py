"""The README's Python code blocks run, in order, as one script."""

from __future__ import annotations

import os
import re
import warnings
from pathlib import Path

from tipsom.exceptions import DataQualityWarning

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_python_blocks_run(tmp_path):
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    assert blocks, "the README should show Python usage"
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        namespace: dict = {"__name__": "__readme__"}
        with warnings.catch_warnings():
            # Warnings about the data (few overlaps for the estimate...) are part of
            # what a reader of the README sees; they are not failures here.
            warnings.simplefilter("always", DataQualityWarning)
            for block in blocks:
                exec(compile(block, str(README), "exec"), namespace)
    finally:
        os.chdir(cwd)
