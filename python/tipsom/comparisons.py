"""Comparison library: ordered comparison levels per field, in splink's vocabulary.

Each function returns a plain ``dict`` (one entry of the settings' ``comparisons``): a
``name``, a ``column`` and ordered ``levels``; the first level that applies to a pair wins.
Every comparison starts with a null level (weight 0) and ends with ``else``.

>>> from tipsom import comparisons as cl
>>> [level["type"] for level in cl.ExactMatch("sex")["levels"]]
['null', 'exact', 'else']
>>> [lv.get("threshold") for lv in cl.JaroWinklerAtThresholds("name")["levels"]]
[None, None, 0.92, 0.8, None]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = [
    "AbsoluteDifferenceAtThresholds",
    "CnicComparison",
    "DamerauLevenshteinAtThresholds",
    "DateComparison",
    "DistrictComparison",
    "ExactMatch",
    "ForenameSurnameComparison",
    "JaroWinklerAtThresholds",
    "LevenshteinAtThresholds",
    "NameComparison",
]


def _level(kind: str, label: str, **params: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"type": kind, "label": label}
    out.update({k: v for k, v in params.items() if v is not None and v is not False})
    return out


def _null() -> dict[str, Any]:
    return _level("null", "null")


def _else() -> dict[str, Any]:
    return _level("else", "else")


def ExactMatch(  # noqa: N802
    column: str, *, term_frequency_adjustments: bool = False, name: str | None = None
) -> dict[str, Any]:
    """Levels: null, exact, else.

    Parameters
    ----------
    column
        The column compared.
    term_frequency_adjustments
        Weigh agreement on frequent values less than on rare ones.
    name
        Comparison name (defaults to the column).

    Returns
    -------
    dict
        One comparison of the settings.
    """
    exact = _level("exact", "exact", tf_adjust=term_frequency_adjustments)
    return {"name": name or column, "column": column, "levels": [_null(), exact, _else()]}


def JaroWinklerAtThresholds(  # noqa: N802
    column: str,
    thresholds: Sequence[float] = (0.92, 0.8),
    *,
    term_frequency_adjustments: bool = False,
    name: str | None = None,
) -> dict[str, Any]:
    """Levels: null, exact, Jaro–Winkler at each threshold (descending), else.

    Parameters
    ----------
    column
        The column compared (text).
    thresholds
        Jaro–Winkler similarities in [0, 1], strongest first.
    term_frequency_adjustments
        Apply term-frequency adjustment on the exact level.
    name
        Comparison name (defaults to the column).

    Returns
    -------
    dict
        One comparison of the settings.
    """
    levels = [_null(), _level("exact", "exact", tf_adjust=term_frequency_adjustments)]
    for t in sorted(thresholds, reverse=True):
        levels.append(_level("jaro_winkler", f"jaro-winkler >= {t}", threshold=t))
    levels.append(_else())
    return {"name": name or column, "column": column, "levels": levels}


def _distance(
    kind: str, column: str, distances: Sequence[int], tf: bool, name: str | None
) -> dict[str, Any]:
    levels = [_null(), _level("exact", "exact", tf_adjust=tf)]
    for d in sorted(distances):
        levels.append(_level(kind, f"{kind.replace('_', '-')} <= {d}", max=float(d)))
    levels.append(_else())
    return {"name": name or column, "column": column, "levels": levels}


def LevenshteinAtThresholds(  # noqa: N802
    column: str,
    distances: Sequence[int] = (1, 2),
    *,
    term_frequency_adjustments: bool = False,
    name: str | None = None,
) -> dict[str, Any]:
    """Levels: null, exact, Levenshtein distance at most each value (ascending), else.

    Parameters
    ----------
    column
        The column compared (text).
    distances
        Maximum edit distances, smallest first.
    term_frequency_adjustments
        Apply term-frequency adjustment on the exact level.
    name
        Comparison name (defaults to the column).

    Returns
    -------
    dict
        One comparison of the settings.
    """
    return _distance("levenshtein", column, distances, term_frequency_adjustments, name)


def DamerauLevenshteinAtThresholds(  # noqa: N802
    column: str,
    distances: Sequence[int] = (1, 2),
    *,
    term_frequency_adjustments: bool = False,
    name: str | None = None,
) -> dict[str, Any]:
    """Levels: null, exact, Damerau–Levenshtein distance at most each value, else.

    Parameters
    ----------
    column
        The column compared (text).
    distances
        Maximum edit distances (transpositions count as one edit), smallest first.
    term_frequency_adjustments
        Apply term-frequency adjustment on the exact level.
    name
        Comparison name (defaults to the column).

    Returns
    -------
    dict
        One comparison of the settings.
    """
    return _distance(
        "damerau_levenshtein", column, distances, term_frequency_adjustments, name
    )


def NameComparison(  # noqa: N802
    column: str,
    *,
    key_column: str | None = None,
    thresholds: Sequence[float] = (0.92, 0.8),
    term_frequency_adjustments: bool = True,
    name: str | None = None,
) -> dict[str, Any]:
    """A personal-name comparison that tolerates spelling, swapped and missing parts.

    Levels: null, exact (term-frequency adjusted), same phonetic key (when ``key_column`` is
    given), Jaro–Winkler ≥ first threshold, same parts in any order or with parts missing,
    Jaro–Winkler ≥ the other thresholds, else.

    Parameters
    ----------
    column
        The name column (clean display form).
    key_column
        A phonetic key of the same name (script-independent), e.g. ``name_key``.
    thresholds
        Jaro–Winkler thresholds, strongest first.
    term_frequency_adjustments
        Weigh agreement on frequent names (Muhammad, Bibi) less than on rare ones.
    name
        Comparison name (defaults to the column).

    Returns
    -------
    dict
        One comparison of the settings.
    """
    ts = sorted(thresholds, reverse=True)
    levels = [_null(), _level("exact", "exact", tf_adjust=term_frequency_adjustments)]
    if key_column:
        levels.append(_level("exact", "same phonetic key", column=key_column))
    levels.append(_level("jaro_winkler", f"jaro-winkler >= {ts[0]}", threshold=ts[0]))
    levels.append(
        _level("name_tokens", "same parts, any order or missing", threshold=ts[0])
    )
    for t in ts[1:]:
        levels.append(_level("jaro_winkler", f"jaro-winkler >= {t}", threshold=t))
    levels.append(_else())
    return {"name": name or column, "column": column, "levels": levels}


def ForenameSurnameComparison(  # noqa: N802
    forename: str,
    surname: str,
    *,
    thresholds: Sequence[float] = (0.92, 0.88),
    name: str | None = None,
) -> dict[str, Any]:
    """Forename and surname together, tolerating a swap of the two fields.

    Levels: null (forename), both exact, swapped, forename Jaro–Winkler at each threshold,
    surname exact, forename exact, else. Use it alongside a surname comparison.

    Parameters
    ----------
    forename, surname
        The two name columns.
    thresholds
        Jaro–Winkler thresholds on the forename, strongest first.
    name
        Comparison name (defaults to ``<forename>_<surname>``).

    Returns
    -------
    dict
        One comparison of the settings.
    """
    levels = [
        _null(),
        _level("exact", "exact forename", tf_adjust=True),
        _level(
            "columns_swapped",
            "forename and surname swapped",
            column=forename,
            other_column=surname,
        ),
    ]
    for t in sorted(thresholds, reverse=True):
        levels.append(_level("jaro_winkler", f"jaro-winkler >= {t}", threshold=t))
    levels.append(_else())
    return {"name": name or f"{forename}_{surname}", "column": forename, "levels": levels}


def CnicComparison(  # noqa: N802
    column: str = "cnic", *, name: str | None = None
) -> dict[str, Any]:
    """Pakistani CNIC (13 digits): exact, same locality + family code, one typo, else.

    Levels: null, exact, same first 12 digits (only the sex digit differs), one substituted
    digit or two adjacent digits swapped, else.

    Parameters
    ----------
    column
        The CNIC column (13-digit text after normalization).
    name
        Comparison name (defaults to the column).

    Returns
    -------
    dict
        One comparison of the settings.
    """
    levels = [
        _null(),
        _level("exact", "exact"),
        _level("prefix", "same locality and family code", length=12),
        _level("one_edit", "one digit or transposition"),
        _else(),
    ]
    return {"name": name or column, "column": column, "levels": levels}


def DateComparison(  # noqa: N802
    column: str,
    *,
    max_days: Sequence[int] = (31, 366),
    name: str | None = None,
) -> dict[str, Any]:
    """Dates: exact, then within each number of days, else.

    Parameters
    ----------
    column
        A date column.
    max_days
        Tolerances in days, smallest first.
    name
        Comparison name (defaults to the column).

    Returns
    -------
    dict
        One comparison of the settings.
    """
    levels = [_null(), _level("exact", "exact")]
    for d in sorted(max_days):
        levels.append(_level("abs_diff", f"within {d} days", max=float(d)))
    levels.append(_else())
    return {"name": name or column, "column": column, "levels": levels}


def AbsoluteDifferenceAtThresholds(  # noqa: N802
    column: str,
    thresholds: Sequence[float] = (1, 3),
    *,
    name: str | None = None,
) -> dict[str, Any]:
    """Numbers (ages): exact, then absolute difference at most each threshold, else.

    Parameters
    ----------
    column
        A numeric column.
    thresholds
        Tolerances, smallest first.
    name
        Comparison name (defaults to the column).

    Returns
    -------
    dict
        One comparison of the settings.
    """
    levels = [_null(), _level("exact", "exact")]
    for t in sorted(thresholds):
        levels.append(_level("abs_diff", f"within {t}", max=float(t)))
    levels.append(_else())
    return {"name": name or column, "column": column, "levels": levels}


def DistrictComparison(  # noqa: N802
    column: str = "district",
    *,
    province_column: str = "province",
    name: str | None = None,
) -> dict[str, Any]:
    """District, with a weaker level for a different district in the same province.

    Parameters
    ----------
    column
        District column.
    province_column
        Province column.
    name
        Comparison name (defaults to the column).

    Returns
    -------
    dict
        One comparison of the settings.
    """
    levels = [
        _null(),
        _level("exact", "exact", tf_adjust=True),
        _level("exact", "same province", column=province_column),
        _else(),
    ]
    return {"name": name or column, "column": column, "levels": levels}
