"""tipsom: trafficking in persons and smuggling of migrants data, done properly.

Read messy circle returns, normalize them into one canonical schema, count people rather than
records, compute the indicators researchers report and estimate the hidden population.

>>> import tipsom as ts
>>> ts.__version__ == ts._core.__version__
True
"""

from __future__ import annotations

from tipsom import _core, exceptions, expr
from tipsom._core import __version__
from tipsom.normalize import default_law_table, normalize
from tipsom.quality import quality
from tipsom.read import ReadReport, read_returns

__all__ = [
    "ReadReport",
    "__version__",
    "default_law_table",
    "exceptions",
    "expr",
    "normalize",
    "quality",
    "read_returns",
]
