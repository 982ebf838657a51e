# Type stub of the private compiled module tipsom._core. Public docs live in the
# Python wrappers; this file only types the boundary.
from collections.abc import Callable
from typing import Any

__version__: str

def _debug_panic(in_thread_pool: bool) -> None: ...
def _debug_sleep(
    seconds: float, progress: Callable[[str, int, int | None], Any] | None = None
) -> int: ...
def synth_circle_returns(
    options_json: str, progress: Callable[[str, int, int | None], Any] | None = None
) -> Any: ...
def synth_write_circle_returns(
    directory: Any,
    options_json: str,
    overwrite: bool = False,
    progress: Callable[[str, int, int | None], Any] | None = None,
) -> tuple[Any, Any, Any]: ...
