"""Indicators researchers report.

GLOTIP / SDG 16.2.2 victim tables (the questionnaire layout in :func:`glotip_tables`, the
indicator as defined in :func:`sdg_16_2_2`), rates per 100,000, the criminal-justice
response, monthly-returns checks and disclosure control. Victim tables count victims of
trafficking once each; smuggled migrants and offences related to trafficking on request. Counts come from normalized records or,
better, a Linkage (one row per unique person). Every table is a tidy polars frame
(pandas when pandas came in). Published outputs (:func:`export_excel`,
:func:`tipsom.report`) apply disclosure control by default.
"""

from __future__ import annotations

from collections.abc import Sequence

from tipsom import _core
from tipsom._errors import guard_namespace as _guard_namespace
from tipsom.indicators._classify import classify_case, classify_cases
from tipsom.indicators._disclosure import (
    SUPPRESSED_MARK,
    publication_table,
    round_counts,
    suppress,
)
from tipsom.indicators._glotip import glotip_tables, sdg_16_2_2
from tipsom.indicators._justice import (
    case_funnel,
    check_returns,
    justice,
    justice_times,
)
from tipsom.indicators._persons import persons
from tipsom.indicators._publish import (
    export_excel,
    publication_audit,
    publication_tables,
    quality_summary,
)
from tipsom.indicators._victims import (
    BY_CHOICES,
    glotip_by_citizenship,
    glotip_by_exploitation,
    population,
    rates,
    victims,
    with_shares,
)


def poisson_interval(
    counts: Sequence[int], *, confidence: float = 0.95
) -> tuple[list[float], list[float]]:
    """Exact (Garwood) Poisson confidence intervals for counts.

    Examples
    --------
    >>> from tipsom.indicators import poisson_interval
    >>> lower, upper = poisson_interval([0, 5])
    >>> [round(x, 3) for x in lower + upper]
    [0.0, 1.623, 3.689, 11.668]
    """
    return _core.poisson_interval([int(c) for c in counts], confidence)


def wilson_interval(
    successes: Sequence[int], trials: Sequence[int], *, confidence: float = 0.95
) -> tuple[list[float], list[float]]:
    """Wilson score intervals for shares ``successes / trials``.

    Examples
    --------
    >>> from tipsom.indicators import wilson_interval
    >>> lower, upper = wilson_interval([81], [263])
    >>> round(lower[0], 4), round(upper[0], 4)
    (0.2553, 0.3662)
    """
    return _core.wilson_interval(
        [int(s) for s in successes], [int(t) for t in trials], confidence
    )


__all__ = [
    "BY_CHOICES",
    "SUPPRESSED_MARK",
    "case_funnel",
    "check_returns",
    "classify_case",
    "classify_cases",
    "export_excel",
    "glotip_by_citizenship",
    "glotip_by_exploitation",
    "glotip_tables",
    "justice",
    "justice_times",
    "persons",
    "poisson_interval",
    "population",
    "publication_audit",
    "publication_table",
    "publication_tables",
    "quality_summary",
    "rates",
    "round_counts",
    "sdg_16_2_2",
    "suppress",
    "victims",
    "wilson_interval",
    "with_shares",
]

# Errors from user data leave the public functions as tipsom's, without values.
_guard_namespace(globals(), __all__, "tipsom.indicators")
