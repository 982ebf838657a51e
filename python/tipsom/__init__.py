"""tipsom: trafficking in persons and smuggling of migrants data, done properly.

Read messy circle returns, normalize them into one canonical schema, count people rather than
records, compute the indicators researchers report and estimate the hidden population.

>>> import tipsom as ts
>>> ts.__version__ == ts._core.__version__
True
"""

from __future__ import annotations

from tipsom import _core, blocking, comparisons, exceptions
from tipsom._core import __version__
from tipsom.blocking import block_on
from tipsom.linkage import (
    Linkage,
    Linker,
    count_pairs,
    create_settings,
    deduplicate,
    default_settings,
    link,
)
from tipsom.read import ReadReport, read_returns

__all__ = [
    "Linkage",
    "Linker",
    "ReadReport",
    "__version__",
    "block_on",
    "blocking",
    "comparisons",
    "count_pairs",
    "create_settings",
    "deduplicate",
    "default_settings",
    "exceptions",
    "link",
    "read_returns",
]
