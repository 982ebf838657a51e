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
    blocking,
    comparisons,
    datasets,
    exceptions,
    export,
    expr,
    hq,
    indicators,
    mse,
    template,
    units,
)
from tipsom._core import __version__
from tipsom._errors import guard_class as _guard_class
from tipsom._errors import guard_namespace as _guard_namespace
from tipsom.blocking import block_on
from tipsom.indicators import classify_case, classify_cases
from tipsom.linkage import (
    Linkage,
    Linker,
    count_pairs,
    create_settings,
    deduplicate,
    default_settings,
    link,
)
from tipsom.normalize import default_law_table, normalize
from tipsom.quality import quality
from tipsom.read import ReadReport, read_returns
from tipsom.report import report

__all__ = [
    "Linkage",
    "Linker",
    "ReadReport",
    "__version__",
    "block_on",
    "blocking",
    "classify_case",
    "classify_cases",
    "comparisons",
    "count_pairs",
    "create_settings",
    "datasets",
    "deduplicate",
    "default_law_table",
    "default_settings",
    "exceptions",
    "export",
    "expr",
    "hq",
    "indicators",
    "link",
    "mse",
    "normalize",
    "quality",
    "read_returns",
    "report",
    "template",
    "units",
]

# Errors from user data leave the public functions as tipsom's, without values.
_guard_namespace(globals(), __all__, "tipsom")
_guard_class(Linker, ["load", "deduplicate", "link", "save"], "tipsom.Linker")
_guard_class(
    Linkage, ["review", "explain", "evaluate", "save", "add"], "tipsom.Linkage"
)
