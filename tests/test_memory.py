"""Freed core memory goes back to the system after long public calls, once per outer call."""

from __future__ import annotations

import time

import pytest
from tipsom import _errors, _frame


def test_release_after_the_outermost_long_call_only(monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(_frame, "release_memory", lambda: calls.append(1))
    monkeypatch.setattr(_errors, "RELEASE_AFTER_S", 0.01)

    @_errors.guard
    def inner() -> int:
        time.sleep(0.02)
        return 1

    @_errors.guard
    def outer() -> int:
        return inner() + inner()

    assert outer() == 2
    assert calls == [1]
    calls.clear()

    @_errors.guard
    def quick() -> int:
        return 3

    assert quick() == 3
    assert calls == []


def test_release_also_after_an_error(monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(_frame, "release_memory", lambda: calls.append(1))
    monkeypatch.setattr(_errors, "RELEASE_AFTER_S", 0.0)

    @_errors.guard
    def failing() -> None:
        raise KeyError(0)

    with pytest.raises(KeyError):
        failing()
    assert calls == [1]
    # The nesting count is restored: the next call is outermost again.
    with pytest.raises(KeyError):
        failing()
    assert calls == [1, 1]


def test_release_memory_runs() -> None:
    _frame.release_memory()
    _frame.release_memory()
