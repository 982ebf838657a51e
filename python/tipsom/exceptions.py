"""Exceptions and warnings raised by tipsom.

Every error tipsom raises derives from :class:`TipsomError`. Errors caused by the input
(a file that cannot be read, a missing column, an invalid argument or settings file) also
derive from :class:`ValueError`, so ``except ValueError`` works as in any Python library.

Messages name the file, sheet, row and column of a problem, never a victim's name, CNIC,
passport or phone number.

This module must not import ``tipsom._core``: the compiled module imports these classes.
"""

from __future__ import annotations

__all__ = [
    "ComputeError",
    "ConvergenceWarning",
    "DataQualityWarning",
    "DisclosureError",
    "InputError",
    "InternalError",
    "InvalidArgumentError",
    "ReadError",
    "SchemaError",
    "SettingsError",
    "TipsomError",
    "TipsomWarning",
]


class TipsomError(Exception):
    """Base class of every error raised by tipsom."""


class InputError(TipsomError, ValueError):
    """The input data or arguments are not what tipsom expected."""


class ReadError(InputError):
    """A return file cannot be read: missing, empty, not a spreadsheet, corrupt or protected."""


class SchemaError(InputError):
    """A column is missing or has the wrong type."""


class InvalidArgumentError(InputError):
    """An argument value is outside its allowed set or range."""


class SettingsError(InputError):
    """Settings or a saved model file are invalid."""


class ComputeError(TipsomError):
    """A numerical procedure failed."""


class DisclosureError(TipsomError):
    """A release would let a withheld count be worked out from what it publishes."""


class InternalError(TipsomError):
    """A bug inside tipsom's compiled core; the interpreter keeps running."""


class TipsomWarning(UserWarning):
    """Base class of tipsom's warnings."""


class DataQualityWarning(TipsomWarning):
    """The data have a problem worth knowing about (rows set aside, sparse lists...)."""


class ConvergenceWarning(TipsomWarning):
    """An iterative fit stopped before converging."""
