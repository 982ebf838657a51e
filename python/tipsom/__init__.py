"""tipsom: trafficking in persons and smuggling of migrants data, done properly.

Read messy circle returns, normalize them into one canonical schema, count people rather than
records, compute the indicators researchers report and estimate the hidden population.

>>> import tipsom as ts
>>> ts.__version__ == ts._core.__version__
True
"""

from __future__ import annotations

from tipsom import (  # noqa: F401  (_core: the compiled module)
    _core,
    datasets,
    exceptions,
    expr,
    indicators,
    mse,
)
from tipsom._core import __version__
from tipsom.indicators import classify_case, classify_cases
from tipsom.normalize import default_law_table, normalize
from tipsom.quality import quality
from tipsom.read import ReadReport, read_returns
from tipsom.report import report

__all__ = [
    "ReadReport",
    "__version__",
    "classify_case",
    "classify_cases",
    "default_law_table",
    "datasets",
    "exceptions",
    "expr",
    "indicators",
    "mse",
    "normalize",
    "quality",
    "read_returns",
    "report",
]
