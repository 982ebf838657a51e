"""TIP, SOM, both or neither from the elements of a case.

The decision follows PTPA 2018, PSMA 2018 and the UN Protocols. The legal reasoning lives
in the compiled core (``src/indicators/classify.rs``), its rules and wording in
``src/indicators/data/classify_rules.json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import polars as pl

from tipsom import _core
from tipsom._frame import for_core, from_core, like_input, to_polars

ELEMENT_COLUMNS = (
    "act",
    "means",
    "purpose",
    "age",
    "consent",
    "border_crossing",
    "benefit",
    "sex",
    "attempt",
    "illegal_stay",
    "fraudulent_documents",
)


def classify_cases(cases: Any) -> Any:
    """Decide TIP, SOM, both or neither for every row of a frame of case elements.

    Parameters
    ----------
    cases
        A frame with any of the columns ``act`` (recruitment, transport, transfer,
        harbouring or receipt), ``means`` (force, coercion, fraud, deception, abduction,
        abuse of vulnerability, debt), ``purpose`` (a list of exploitation codes, or
        comma-separated text), ``age`` (at the offence), ``sex`` (PTPA s.3(2):
        trafficking against a woman or a child), ``consent``, ``border_crossing``
        (illegal entry into a state the person is not a national of), ``benefit``
        (someone gained financially from procuring that entry, the documents or the
        stay), ``attempt`` (the act or the entry was attempted, not completed: an
        offence under both Acts; the other elements describe what was attempted),
        ``illegal_stay`` (someone enabled the person to remain in another state
        illegally; SOM Protocol art. 6(1)(c)) and ``fraudulent_documents`` (someone
        produced, procured, provided or possessed a fraudulent travel or identity
        document to enable the smuggling; art. 6(1)(b)). Booleans may be true/false or
        yes/no; missing means not recorded, and counts as absent.

    Returns
    -------
    DataFrame
        The input with ``crime_type`` (tip, som, both, neither), ``laws`` (list) and
        ``reasons`` (list of sentences).
    """
    frame = to_polars(cases, argument="cases")
    columns = [c for c in ELEMENT_COLUMNS if c in frame.columns]
    core_in = for_core(frame.select(columns)) if columns else frame
    out = from_core(_core.classify_cases(core_in))
    result = pl.concat(
        [
            frame.drop(
                [c for c in ("crime_type", "laws", "reasons") if c in frame.columns]
            ),
            out,
        ],
        how="horizontal",
    )
    return like_input(result, cases)


def classify_case(
    *,
    act: bool | None = None,
    means: bool | None = None,
    purpose: Sequence[str] | str | None = None,
    age: int | None = None,
    consent: bool | None = None,
    border_crossing: bool | None = None,
    benefit: bool | None = None,
    sex: str | None = None,
    attempt: bool | None = None,
    illegal_stay: bool | None = None,
    fraudulent_documents: bool | None = None,
) -> dict[str, Any]:
    """Decide whether one case is trafficking (TIP), smuggling (SOM), both or neither.

    Parameters are the elements of the case (see :func:`classify_cases`); ``None`` means
    not recorded.

    Returns
    -------
    dict
        ``crime_type`` (``"tip"``, ``"som"``, ``"both"`` or ``"neither"``), the
        ``laws`` that apply and ``reasons`` spelling out the decision.

    Examples
    --------
    >>> import tipsom as ts
    >>> r = ts.classify_case(act=True, means=False, purpose=["sexual_exploitation"],
    ...                      age=15, border_crossing=False)
    >>> r["crime_type"], r["laws"]
    ('tip', ['PTPA-2018:3(2)', 'UN-TIP-Protocol:3'])
    >>> ts.classify_case(act=True, means=True, purpose="domestic_servitude", age=30,
    ...                  sex="female")["laws"]
    ['PTPA-2018:3(2)', 'UN-TIP-Protocol:3']
    """
    if isinstance(purpose, str):
        purpose = [purpose]
    frame = pl.DataFrame(
        {
            "act": [act],
            "means": [means],
            "purpose": [list(purpose or [])],
            "age": [age],
            "consent": [consent],
            "border_crossing": [border_crossing],
            "benefit": [benefit],
            "sex": [sex],
            "attempt": [attempt],
            "illegal_stay": [illegal_stay],
            "fraudulent_documents": [fraudulent_documents],
        },
        schema={
            "act": pl.Boolean,
            "means": pl.Boolean,
            "purpose": pl.List(pl.String),
            "age": pl.Int64,
            "consent": pl.Boolean,
            "border_crossing": pl.Boolean,
            "benefit": pl.Boolean,
            "sex": pl.String,
            "attempt": pl.Boolean,
            "illegal_stay": pl.Boolean,
            "fraudulent_documents": pl.Boolean,
        },
    )
    row = classify_cases(frame).row(0, named=True)
    return {
        "crime_type": row["crime_type"],
        "laws": row["laws"],
        "reasons": row["reasons"],
    }
