# Type stub of the private compiled module tipsom._core. Public docs live in the
# Python wrappers; this file only types the boundary. `make lint` checks it against the
# built module with `python -m mypy.stubtest tipsom._core`.
import os
from collections.abc import Callable
from typing import Literal, Protocol, TypedDict, final, type_check_only

__all__ = [
    "LinkageResult",
    "__version__",
    "_debug_panic",
    "_debug_sleep",
    "_roundtrip",
    "classify_cases",
    "default_law_table_csv",
    "linkage_count_pairs",
    "linkage_default_settings",
    "linkage_run",
    "linkage_validate_settings",
    "mse_all_models",
    "mse_bca_limits",
    "mse_check",
    "mse_estimate",
    "normalize",
    "normalize_input_fields",
    "normalize_values",
    "persons",
    "poisson_interval",
    "read_returns_files",
    "round_to_base",
    "suppress_table",
    "synth_circle_returns",
    "synth_write_circle_returns",
    "wilson_interval",
]

__version__: str

@type_check_only
class ArrowStream(Protocol):
    """Anything that exports an Arrow C stream (polars frames and series, pyarrow)."""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...

@type_check_only
class ArrowTable(ArrowStream, Protocol):
    """The table the core returns (pyo3-arrow's class; `polars.DataFrame` reads it)."""

    @property
    def num_rows(self) -> int: ...
    @property
    def num_columns(self) -> int: ...
    @property
    def column_names(self) -> list[str]: ...

#: Called with (stage, done, total or None); raising in it cancels the call.
_Progress = Callable[[str, int, int | None], object]

_CellStatus = Literal["published", "primary", "secondary"]

@type_check_only
class SuppressionPattern(TypedDict):
    cells: list[_CellStatus]
    row_totals: list[_CellStatus]
    column_totals: list[_CellStatus]
    grand_total: _CellStatus

def _debug_panic(in_thread_pool: bool) -> None: ...
def _debug_sleep(seconds: float, progress: _Progress | None = None) -> int: ...
def _roundtrip(table: ArrowStream) -> ArrowTable: ...

# read
def read_returns_files(
    paths: list[str],
    *,
    sheets: list[str] | None = None,
    aliases: list[tuple[str, str]] | None = None,
    source: str | None = None,
    source_by_file: dict[str, str] | None = None,
    header_scan_rows: int = 30,
    on_error: Literal["raise", "report"] = "raise",
    progress: _Progress | None = None,
) -> tuple[ArrowTable, ArrowTable, ArrowTable, ArrowTable, ArrowTable]:
    """(records, sheets, set aside, columns, problems)."""

# normalize
def normalize(
    names: list[str],
    columns: list[ArrowStream],
    law_table_csv: str | None = None,
    progress: _Progress | None = None,
) -> ArrowTable: ...
def normalize_values(
    table: ArrowStream, kind: str, law_table_csv: str | None = None
) -> ArrowTable: ...
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
) -> SuppressionPattern: ...
def round_to_base(values: list[int], base: int) -> list[int]: ...
def classify_cases(cases: ArrowStream) -> ArrowTable: ...

# mse: options and results cross as JSON text
def mse_estimate(
    names: list[str],
    lists: list[list[float | None]],
    counts: list[float | None],
    count_name: str,
    options_json: str,
    progress: _Progress | None = None,
) -> str: ...
def mse_all_models(
    names: list[str],
    lists: list[list[float | None]],
    counts: list[float | None],
    count_name: str,
    max_order: int,
    progress: _Progress | None = None,
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

# synth
def synth_circle_returns(
    options_json: str, progress: _Progress | None = None
) -> ArrowTable: ...
def synth_write_circle_returns(
    directory: str | os.PathLike[str],
    options_json: str,
    overwrite: bool = False,
    progress: _Progress | None = None,
) -> tuple[ArrowTable, ArrowTable, ArrowTable]:
    """(records, files, locations)."""

# linkage
@final
class LinkageResult:
    def person_ids(self) -> ArrowTable: ...
    def pairs(self, min_probability: float) -> ArrowTable: ...
    def explain(self, a: str, b: str) -> ArrowTable: ...
    def settings_json(self) -> str: ...
    def stats_json(self) -> str: ...

def linkage_run(
    table: ArrowStream,
    dataset: bytes,
    settings_json: str | None = None,
    existing: list[str | None] | None = None,
    labels: list[tuple[str, str, float]] | None = None,
    progress: _Progress | None = None,
    text: ArrowStream | None = None,
) -> LinkageResult: ...
def linkage_count_pairs(
    table: ArrowStream, dataset: bytes, settings_json: str | None = None
) -> list[tuple[str, int]]: ...
def linkage_default_settings() -> str: ...
def linkage_validate_settings(settings_json: str) -> str: ...

# persons (src/persons.rs)
def persons(
    records: ArrowStream,
    identifiers: list[str] = ...,
    source_column: str | None = None,
) -> ArrowTable: ...
