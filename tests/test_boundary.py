"""The Rust–Python boundary: panics, interrupts, progress, the exception hierarchy."""

from __future__ import annotations

import _thread
import threading

import pytest
import tipsom
from tipsom import _core
from tipsom.exceptions import (
    InputError,
    InternalError,
    ReadError,
    SchemaError,
    TipsomError,
)


def test_version_comes_from_cargo():
    assert tipsom.__version__ == _core.__version__
    assert tipsom.__version__.count(".") == 2


@pytest.mark.parametrize("in_thread_pool", [False, True])
def test_panic_becomes_internal_error_and_interpreter_survives(in_thread_pool):
    with pytest.raises(InternalError, match="deliberate panic"):
        _core._debug_panic(in_thread_pool)
    # The interpreter and the core still work afterwards.
    assert _core._debug_sleep(0.01) >= 1


def test_input_errors_are_value_errors():
    for cls in (ReadError, SchemaError):
        assert issubclass(cls, InputError)
        assert issubclass(cls, ValueError)
        assert issubclass(cls, TipsomError)
    assert not issubclass(InternalError, ValueError)


def test_progress_callback_sees_the_end():
    seen = []
    _core._debug_sleep(
        0.3, lambda stage, done, total: seen.append((stage, done, total))
    )
    assert seen
    assert seen[-1][1] == seen[-1][2]
    assert all(stage == "sleep" for stage, _, _ in seen)


def test_ctrl_c_interrupts_a_long_computation():
    # Simulate Ctrl-C from another thread; the core must notice between chunks and stop
    # long before the 20 s of work is done.
    timer = threading.Timer(0.3, _thread.interrupt_main)
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            _core._debug_sleep(20.0)
    finally:
        timer.cancel()


def test_gil_is_released_during_compute():
    # While the core works, another Python thread keeps running.
    ticks = []
    stop = threading.Event()

    def worker():
        while not stop.is_set():
            ticks.append(1)
            stop.wait(0.01)

    t = threading.Thread(target=worker)
    t.start()
    _core._debug_sleep(0.3)
    stop.set()
    t.join()
    assert len(ticks) > 5
