"""Blocking rules: which record pairs are compared at all.

>>> from tipsom.blocking import block_on
>>> block_on("name_key", ("date_of_birth", "year"))
{'keys': ['name_key', {'column': 'date_of_birth', 'transform': 'year'}]}
"""

from __future__ import annotations

from typing import Any

__all__ = ["block_on"]


def block_on(*keys: str | tuple[str, str], name: str | None = None) -> dict[str, Any]:
    """A blocking rule: records are compared when every key agrees and none is missing.

    Parameters
    ----------
    *keys
        Column names, or ``(column, transform)`` tuples. Transforms: ``"prefix:N"`` (first N
        characters), ``"first_token"``, ``"last_token"``, ``"sorted_tokens"``, ``"year"``
        (of a date), ``"band:N"`` (integer bands of width N).
    name
        Name shown in messages and in ``Linkage.pairs["blocking_rule"]``.

    Returns
    -------
    dict
        One entry of the settings' ``blocking_rules``.
    """
    if not keys:
        msg = "block_on needs at least one column"
        raise ValueError(msg)
    parts: list[Any] = []
    for k in keys:
        if isinstance(k, tuple):
            parts.append({"column": k[0], "transform": k[1]})
        else:
            parts.append(k)
    rule: dict[str, Any] = {"keys": parts}
    if name is not None:
        rule["name"] = name
    return rule
