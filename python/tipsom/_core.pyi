# Type stub of the private compiled module tipsom._core. Public docs live in the
# Python wrappers; this file only types the boundary.
from collections.abc import Callable
from typing import Any

__version__: str

def _debug_panic(in_thread_pool: bool) -> None: ...
def _debug_sleep(
    seconds: float, progress: Callable[[str, int, int | None], Any] | None = None
) -> int: ...
def normalize(
    names: list[str],
    columns: list[Any],
    law_table_csv: str | None = None,
    progress: Callable[[str, int, int | None], Any] | None = None,
) -> Any: ...
def normalize_values(
    table: Any, kind: str, law_table_csv: str | None = None
) -> Any: ...
def default_law_table_csv() -> str: ...
def normalize_input_fields() -> list[str]: ...

# indicators
def poisson_interval(
    counts: list[int], confidence: float = 0.95
) -> tuple[list[float], list[float]]: ...
def wilson_interval(
    successes: list[int], trials: list[int], confidence: float = 0.95
) -> tuple[list[float], list[float]]: ...
def suppress_table(
    values: list[int], rows: int, columns: int, threshold: int
) -> dict[str, Any]: ...
def round_to_base(values: list[int], base: int) -> list[int]: ...
def classify_cases(cases: Any) -> Any: ...
def _roundtrip(table: Any) -> Any: ...
def read_returns_files(
    paths: list[str],
    *,
    sheets: list[str] | None = None,
    aliases: list[tuple[str, str]] | None = None,
    source: str | None = None,
    source_by_file: dict[str, str] | None = None,
    header_scan_rows: int = 30,
    on_error: str = "raise",
    progress: Callable[[str, int, int | None], Any] | None = None,
) -> tuple[Any, Any, Any, Any, Any]: ...
def mse_estimate(
    names: list[str],
    lists: list[list[float | None]],
    counts: list[float | None],
    count_name: str,
    options_json: str,
    progress: Callable[[str, int, int | None], Any] | None = None,
) -> str: ...
def mse_all_models(
    names: list[str],
    lists: list[list[float | None]],
    counts: list[float | None],
    count_name: str,
    max_order: int,
    progress: Callable[[str, int, int | None], Any] | None = None,
) -> str: ...
def mse_check(
    names: list[str],
    lists: list[list[float | None]],
    counts: list[float | None],
    count_name: str,
    terms: list[int],
) -> int: ...
def mse_bca_limits(
    theta_hat: float, replicates: list[float], a_hat: float, probs: list[float]
) -> list[float] | None: ...
def synth_circle_returns(
    options_json: str, progress: Callable[[str, int, int | None], Any] | None = None
) -> Any: ...
def synth_write_circle_returns(
    directory: Any,
    options_json: str,
    overwrite: bool = False,
    progress: Callable[[str, int, int | None], Any] | None = None,
) -> tuple[Any, Any, Any]: ...

class LinkageResult:
    def person_ids(self) -> Any: ...
    def pairs(self, min_probability: float) -> Any: ...
    def explain(self, a: str, b: str) -> Any: ...
    def settings_json(self) -> str: ...
    def stats_json(self) -> str: ...

def linkage_run(
    table: Any,
    dataset: bytes,
    settings_json: str | None = None,
    existing: list[str | None] | None = None,
    labels: list[tuple[str, str, float]] | None = None,
    progress: Callable[[str, int, int | None], Any] | None = None,
    text: Any = None,
) -> LinkageResult: ...
def linkage_count_pairs(
    table: Any, dataset: bytes, settings_json: str | None = None
) -> list[tuple[str, int]]: ...
def linkage_default_settings() -> str: ...
def linkage_validate_settings(settings_json: str) -> str: ...

# persons (src/persons.rs)
def persons(
    records: Any, identifiers: list[str] = ..., source_column: str | None = None
) -> Any: ...
