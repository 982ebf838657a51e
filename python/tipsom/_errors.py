"""Errors from user data always reach the user as tipsom's, and never with a value.

polars, pyarrow, the json module and the operating system describe a failure with the
values involved: a polars cast error lists the cells that did not convert (a CNIC in a
text ``date`` column), an ``OSError`` carries the path. :func:`guard` wraps tipsom's
public functions so that such an error leaves them as the matching
:mod:`tipsom.exceptions` class, naming the function, the column (when it is one of
tipsom's own column names) and what was expected, and never the values. The original
error is not chained (its text would print with the traceback).
"""

from __future__ import annotations

import functools
import json
import re
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import polars as pl

from tipsom.exceptions import (
    InputError,
    ReadError,
    SchemaError,
    SettingsError,
    TipsomError,
)

F = TypeVar("F", bound=Callable[..., Any])

#: A column name safe to repeat: tipsom's snake_case names (a header could be anything).
_SAFE_COLUMN = re.compile(r"^[a-z][a-z0-9_]{0,40}$")
_COLUMN_IN = re.compile(
    r"""(?:column|field|name)\s*[`'"]([^`'"]{1,60})[`'"]|for column (\S{1,60}) with"""
)


def _column(text: str) -> str:
    for quoted, bare in _COLUMN_IN.findall(text):
        name = quoted or bare
        if _SAFE_COLUMN.match(name):
            return f" (column '{name}')"
    return ""


def translate(err: BaseException, where: str) -> TipsomError | None:
    """The tipsom error to raise for ``err`` (None: let it through as it is)."""
    if isinstance(err, TipsomError):
        return None
    kind = type(err).__name__
    if isinstance(err, pl.exceptions.ColumnNotFoundError):
        return SchemaError(
            f"{where}: a column it needs is missing{_column(str(err))}; expected the "
            "columns of the step before (see the function's documentation)"
        )
    if isinstance(err, pl.exceptions.PolarsError):
        return SchemaError(
            f"{where}: a column holds values of another type than expected"
            f"{_column(str(err))} (polars {kind}); expected the output of the step "
            "before (e.g. tipsom.normalize for typed dates and numbers). The values are "
            "not shown, as they may identify a person"
        )
    if isinstance(err, json.JSONDecodeError):
        return SettingsError(
            f"{where}: not valid JSON ({err.msg} at line {err.lineno} column "
            f"{err.colno})"
        )
    if isinstance(err, UnicodeError):
        return ReadError(
            f"{where}: text that is not in the expected encoding ({kind}); expected "
            "UTF-8 or the encoding the file declares"
        )
    if isinstance(err, OSError):
        return ReadError(
            f"{where}: a file cannot be read or written ({err.strerror or kind})"
        )
    if isinstance(err, OverflowError):
        return InputError(
            f"{where}: a number is too large for its column; expected counts, ages and "
            "years of ordinary size"
        )
    module = type(err).__module__ or ""
    if module.startswith("pyarrow"):
        return SchemaError(
            f"{where}: a column cannot be converted{_column(str(err))} (pyarrow "
            f"{kind}); expected columns of one type each"
        )
    return None


#: Nesting of guarded calls in this thread (memory is released after the outermost).
_DEPTH = threading.local()
#: A public call longer than this (seconds) releases the heap pages the core freed.
RELEASE_AFTER_S = 0.2


def guard(func: F, where: str | None = None) -> F:
    """Wrap ``func`` so that errors from user data leave it as tipsom errors.

    After a long outermost call the heap pages the core freed go back to the system
    (:func:`tipsom._frame.release_memory`), so that a pipeline's stages do not pile up
    idle memory.
    """
    name = where or f"tipsom.{func.__name__}"

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        depth = getattr(_DEPTH, "n", 0)
        _DEPTH.n = depth + 1
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        except TipsomError as err:
            # A message may name a column, and a column may be named by a data cell
            # read as a header: withhold names that look like personal data.
            text = str(err)
            clean = scrub(text) if err.args and isinstance(err.args[0], str) else text
            if clean == text:
                raise
            err.args = (clean, *err.args[1:])
            raise
        except Exception as err:
            mine = translate(err, name)
            if mine is None:
                raise
            raise mine from None
        finally:
            _DEPTH.n = depth
            if depth == 0 and time.perf_counter() - start > RELEASE_AFTER_S:
                from tipsom._frame import release_memory

                release_memory()

    wrapper.__tipsom_guarded__ = True  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]


def guard_namespace(namespace: dict[str, Any], names: list[str], prefix: str) -> None:
    """Replace the functions ``names`` of a module namespace by guarded ones."""
    for n in names:
        obj = namespace.get(n)
        if (
            callable(obj)
            and not isinstance(obj, type)
            and not hasattr(obj, "__tipsom_guarded__")
        ):
            namespace[n] = guard(obj, f"{prefix}.{n}")


def guard_class(cls: type, methods: list[str], prefix: str) -> None:
    """Guard the public methods of a class (classmethods included)."""
    for m in methods:
        raw = cls.__dict__.get(m)
        if isinstance(raw, classmethod):
            setattr(cls, m, classmethod(guard(raw.__func__, f"{prefix}.{m}")))
        elif callable(raw):
            setattr(cls, m, guard(raw, f"{prefix}.{m}"))


#: What a text that looks like personal data is shown as, by what it looks like.
_PERSONAL_KINDS = (
    ("cnic", "a CNIC"),
    ("phone", "a phone number"),
    ("father_name", "a name with parentage"),
    ("husband_name", "a name with parentage"),
    ("date", "a date"),
)


def personal_kinds(texts: list[str | None]) -> list[str | None]:
    """What personal data each text looks like (None: none that tipsom can tell).

    tipsom's own normalizers decide: a text they read as a CNIC, a phone number, a
    name with a relation marker (S/O, D/O, W/O, bint, walad...) or a date is personal;
    so is a text with four digits or more (an FIR or passport number) or an ``@``.
    A bare name cannot be told from a column name and is not caught.
    """
    from tipsom import _core

    values = pl.Series("v", [None if t is None else str(t) for t in texts], pl.String)
    out: list[str | None] = [None] * len(values)
    if not len(values):
        return out
    frame = pl.DataFrame({"v": values})
    for kind, label in _PERSONAL_KINDS:
        found = pl.DataFrame(_core.normalize_values(frame, kind)).to_series()
        for k, v in enumerate(found.to_list()):
            if v is not None and out[k] is None:
                out[k] = label
    digits = values.str.count_matches(r"\d").fill_null(0).to_list()
    email = values.str.contains("@", literal=True).fill_null(False).to_list()
    for k in range(len(out)):
        if out[k] is None and digits[k] >= 4:
            out[k] = "a number"
        elif out[k] is None and email[k]:
            out[k] = "an e-mail address"
    return out


_QUOTED = re.compile(r"""(['"`])([^'"`]{1,200})\1""")
_LISTED = re.compile(r"((?:columns|available|has)\s*:\s*)([^;\n]+)")


def scrub(text: str) -> str:
    """Withhold quoted names and listed column names that look like personal data."""
    candidates = [m.group(2) for m in _QUOTED.finditer(text)]
    for m in _LISTED.finditer(text):
        candidates.extend(p.strip() for p in m.group(2).split(","))
    candidates = [c for c in dict.fromkeys(candidates) if c]
    if not candidates:
        return text
    for c, kind in zip(candidates, personal_kinds(candidates), strict=True):
        if kind is not None:
            text = text.replace(c, f"(withheld: looks like {kind})")
    return text
