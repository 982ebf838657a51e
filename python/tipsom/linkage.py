"""Deduplicate victims across circles: count people, not records.

The same victim is recorded by the circle that intercepted her, the police station that
registered the FIR and the shelter that took her in, each with its own spelling.
Counting records inflates every indicator; merging look-alikes hides victims.
:func:`deduplicate` finds the records that describe one person with a Fellegi–Sunter
model (m and u estimated without labels: u by random sampling, m by EM, as in splink)
and gives each person a deterministic ``person_id``.

>>> import polars as pl
>>> import tipsom as ts
>>> records = pl.DataFrame(
...     {
...         "record_id": ["a1", "a2", "b1", "c1"],
...         "name": ["ayesha bibi", "aisha bibi", "ayesha bibi", "zahid khan"],
...         "father_name": ["ghulam nabi", "ghulam nabi", "ghulam nabi", "umar"],
...         "cnic": ["3520112345672", None, "3520112345672", "4210198765431"],
...     }
... )
>>> settings = ts.create_settings(
...     blocking_rules=[ts.block_on("cnic"), ts.block_on("father_name")],
...     comparisons=[
...         ts.comparisons.NameComparison("name"),
...         ts.comparisons.NameComparison("father_name"),
...         ts.comparisons.CnicComparison("cnic"),
...     ],
...     # four records are far too few to estimate the model well: a low threshold
...     # for the illustration; real runs keep the default.
...     threshold_match_probability=0.5,
... )
>>> # and m by plain maximum likelihood: by default EM keeps m near its starting values
>>> # until the data hold a few dozen matches (``training.m_prior_matches``).
>>> settings["training"]["m_prior_matches"] = 0.0
>>> links = ts.deduplicate(records, settings=settings)
>>> links.records["person_id"].to_list()
['a1', 'a1', 'a1', 'c1']
"""

from __future__ import annotations

import html
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
import polars as pl

from tipsom import _core
from tipsom._frame import for_core, is_pandas, like_input, to_polars
from tipsom.exceptions import InvalidArgumentError, SchemaError, SettingsError

__all__ = [
    "Explanation",
    "Linkage",
    "Linker",
    "count_pairs",
    "create_settings",
    "deduplicate",
    "default_settings",
    "evaluate_clusters",
    "link",
]

Progress = Callable[[str, int, "int | None"], Any]
SettingsLike = dict[str, Any] | str | os.PathLike[str] | None

#: Columns summarised per person when present (best-supported value).
PERSON_ATTRIBUTES = (
    "name",
    "father_name",
    "sex",
    "age",
    "date_of_birth",
    "cnic",
    "cnic_province",
    "phone",
    "nationality",
    "district",
    "province",
)


def default_settings() -> dict[str, Any]:
    """Default settings for the normalized victim schema.

    Blocking on CNIC, phone, name and father's-name keys, name key and date of birth,
    name key or father's-name key with age and district, name key and case number
    (``case_key``), name key with sex and district; comparisons of name and father's
    name (spelling, phonetic key, swapped and missing parts, term-frequency adjusted),
    CNIC (typos, family code), date of birth, age, sex, phone, reporting unit
    (``source``) and district-within-province; cannot-link rules for two different
    CNICs with different sex and for two persons named in one cell of a return (same
    ``source_cell``, different ``victim_index``). The threshold is chosen from the
    fitted model (``clustering.auto_threshold``: the most expected F1, within
    [0.7, 0.99]; see :meth:`Linkage.threshold_curve`).

    ``case_key``, ``source_cell`` and ``victim_index`` are derived when the records
    lack them: the case number and year ("401/23") from ``fir_no`` or ``case_id``; the
    file, sheet and row from ``source_file``, ``source_sheet`` and ``source_row``
    (null when unknown).

    Returns
    -------
    dict
        Plain settings (JSON-compatible) that can be edited and passed as ``settings=``.

    Examples
    --------
    >>> import tipsom as ts
    >>> s = ts.default_settings()
    >>> s["format_version"], [c["name"] for c in s["comparisons"]][:3]
    (1, ['name', 'father_name', 'cnic'])
    """
    return json.loads(_core.linkage_default_settings())


def create_settings(
    *,
    blocking_rules: Sequence[dict[str, Any]],
    comparisons: Sequence[dict[str, Any]],
    link_type: Literal["dedupe_only", "link_only", "link_and_dedupe"] = "dedupe_only",
    unique_id_column: str = "record_id",
    source_column: str | None = None,
    cannot_link: Sequence[Sequence[str]] = (),
    threshold_match_probability: float | Literal["auto"] = 0.9,
    cluster_method: Literal["robust", "connected_components"] = "robust",
    min_density: float = 0.3,
    u_max_pairs: int = 100_000,
    seed: int = 42,
    max_pairs_per_rule: int = 200_000_000,
) -> dict[str, Any]:
    """Build a settings document (the same format as a saved model).

    Parameters
    ----------
    blocking_rules
        Rules from :func:`tipsom.block_on`; their union gives the candidate pairs.
    comparisons
        Comparisons from :mod:`tipsom.comparisons`.
    link_type
        ``'dedupe_only'`` within one input, ``'link_only'`` across two inputs,
        ``'link_and_dedupe'`` both.
    unique_id_column
        Column with one unique id per record.
    source_column
        Column naming the agency that recorded the record (summarised in ``persons``).
    cannot_link
        Lists of columns; a pair whose values differ (both present) on every column of
        one list is never linked, e.g. ``[["cnic", "sex"]]``.
    threshold_match_probability
        Pairs at or above this probability are links when clustering. ``"auto"``:
        chosen from the fitted model when it is trained (the most expected F1 among the
        candidate pairs, within [0.5, 0.99]; see :meth:`Linkage.threshold_curve`).
    cluster_method
        ``'robust'`` resists chaining (a weak bridge does not merge two groups);
        ``'connected_components'`` is splink's default clustering.
    min_density
        Robust clustering: share of the pairs compared between two groups that must be
        links for the groups to merge.
    u_max_pairs
        Random pairs sampled to estimate u. The u of an exact level on the comparison's
        own column is computed exactly from value counts, so a modest sample is enough
        for the fuzzy levels.
    seed
        Seed of that sample.
    max_pairs_per_rule
        A blocking rule producing more pairs is refused.

    Returns
    -------
    dict
        Settings; validated when used.
    """
    auto = threshold_match_probability == "auto"
    if isinstance(threshold_match_probability, str) and not auto:
        msg = (
            "`threshold_match_probability` must be a probability or 'auto', got "
            f"{threshold_match_probability!r}"
        )
        raise InvalidArgumentError(msg)
    settings: dict[str, Any] = {
        "format_version": 1,
        "link_type": link_type,
        "unique_id_column": unique_id_column,
        "blocking_rules": list(blocking_rules),
        "comparisons": list(comparisons),
        "cannot_link": [{"different": list(c)} for c in cannot_link],
        "training": {"u_max_pairs": int(u_max_pairs), "seed": int(seed)},
        "clustering": {
            "method": cluster_method,
            "threshold_match_probability": 0.9
            if auto
            else float(threshold_match_probability),
            "min_density": float(min_density),
            **(
                {
                    "auto_threshold": True,
                    "auto_threshold_min": 0.5,
                    "auto_threshold_max": 0.99,
                }
                if auto
                else {}
            ),
        },
        "max_pairs_per_rule": int(max_pairs_per_rule),
    }
    if source_column is not None:
        settings["source_column"] = source_column
    return settings


def _load_settings(settings: SettingsLike) -> dict[str, Any]:
    if settings is None:
        return default_settings()
    if isinstance(settings, dict):
        return json.loads(json.dumps(settings))
    if isinstance(settings, os.PathLike) or (
        isinstance(settings, str) and not settings.lstrip().startswith("{")
    ):
        path = Path(settings)
        if not path.exists():
            msg = f"settings file '{path}' does not exist"
            raise SettingsError(msg)
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as e:
            # e.msg and the position hold no text of the file.
            msg = (
                f"settings file '{path}' is not valid JSON: {e.msg} at line {e.lineno} "
                f"column {e.colno}; expected a file written by Linkage.save"
            )
            raise SettingsError(msg) from None
        except UnicodeDecodeError as e:
            msg = (
                f"settings file '{path}' is not UTF-8 text (byte {e.start}); expected "
                "a JSON file written by Linkage.save"
            )
            raise SettingsError(msg) from None
        except OSError as e:
            msg = f"settings file '{path}' cannot be read: {e.strerror or type(e).__name__}"
            raise SettingsError(msg) from None
    try:
        return json.loads(settings)
    except json.JSONDecodeError as e:
        msg = (
            f"settings are not valid JSON: {e.msg} at line {e.lineno} column {e.colno}"
        )
        raise SettingsError(msg) from None


def _settings_columns(settings: dict[str, Any]) -> list[str]:
    cols: list[str] = [settings.get("unique_id_column", "record_id")]
    if settings.get("source_column"):
        cols.append(settings["source_column"])
    for rule in settings.get("blocking_rules", []):
        for k in rule.get("keys", []):
            cols.append(k if isinstance(k, str) else k.get("column", ""))
    for c in settings.get("comparisons", []):
        cols.append(c.get("column", ""))
        for lv in c.get("levels", []):
            cols.extend(x for x in (lv.get("column"), lv.get("other_column")) if x)
    for r in settings.get("cannot_link", []):
        cols.extend(r.get("different", []))
        cols.extend(r.get("same", []))
    return list(dict.fromkeys(c for c in cols if c))


#: FIR or case number and year in free text: "FIR No. 401/23", "746/2023, 25-Sep-23",
#: "Recovered by police, FIR 692/23 PS Narang Mandi".
_CASE_NUMBER = r"(\d{1,6})\s*/\s*(\d{4}|\d{2})\b"


def _case_key(frame: pl.DataFrame) -> pl.Expr:
    """Case number and two-digit year ("401/23") from ``fir_no``, else ``case_id``."""
    parts = []
    for c in ("fir_no", "case_id"):
        if c in frame.columns:
            m = pl.col(c).cast(pl.String).str.extract_groups(_CASE_NUMBER)
            number = m.struct.field("1").cast(pl.Int64, strict=False).cast(pl.String)
            parts.append(
                pl.concat_str(
                    [number, m.struct.field("2").str.slice(-2)], separator="/"
                )
            )
    return pl.coalesce(parts) if parts else pl.lit(None, dtype=pl.String)


def _source_cell(frame: pl.DataFrame) -> pl.Expr:
    """File, sheet and row of the cell a record was read from (null if not known)."""
    if not {"source_file", "source_row"} <= set(frame.columns):
        return pl.lit(None, dtype=pl.String)
    sheet = (
        pl.col("source_sheet").cast(pl.String)
        if "source_sheet" in frame.columns
        else None
    )
    parts = [pl.col("source_file").cast(pl.String)]
    if sheet is not None:
        parts.append(sheet.fill_null(""))
    parts.append(pl.col("source_row").cast(pl.String))
    return pl.concat_str(parts, separator="\x1f")


#: Columns the linkage derives when the settings name them and the records lack them:
#: ``case_key`` (case number/year from ``fir_no`` or ``case_id``), ``source_cell`` (file,
#: sheet and row read from) and ``victim_index`` (null: one person per cell).
_DERIVED: dict[str, Callable[[pl.DataFrame], pl.Expr]] = {
    "case_key": _case_key,
    "source_cell": _source_cell,
    "victim_index": lambda _f: pl.lit(None, dtype=pl.Int64),
}


def _key_name(k: Any) -> str:
    if isinstance(k, str):
        return k
    return f"{k['column']} ({k['transform']})" if k.get("transform") else k["column"]


def _key_part(k: Any) -> pl.Expr:
    """A blocking key part as the core computes it (text; null when missing)."""
    if isinstance(k, str):
        return pl.col(k).cast(pl.String)
    col, tr = pl.col(k["column"]), k.get("transform")
    if not tr:
        return col.cast(pl.String)
    if tr.startswith("prefix:"):
        return col.cast(pl.String).str.slice(0, int(tr.split(":")[1]))
    if tr == "first_token":
        return col.cast(pl.String).str.split(" ").list.first()
    if tr == "last_token":
        return col.cast(pl.String).str.split(" ").list.last()
    if tr == "sorted_tokens":
        return col.cast(pl.String).str.split(" ").list.sort().list.join(" ")
    if tr == "year":
        return col.dt.year().cast(pl.String)
    if tr.startswith("band:"):
        return (
            (col.cast(pl.Float64) // int(tr.split(":")[1]))
            .cast(pl.Int64)
            .cast(pl.String)
        )
    return col.cast(pl.String)


def _rule_key(rule: dict[str, Any]) -> pl.Expr:
    """One text key per record for a blocking rule (null when any part is missing)."""
    parts = [_key_part(k).replace("", None) for k in rule["keys"]]
    return pl.concat_str(parts, separator="\x1f")


def _project(frame: pl.DataFrame, settings: dict[str, Any], what: str) -> pl.DataFrame:
    cols = _settings_columns(settings)
    derive = [c for c in cols if c in _DERIVED and c not in frame.columns]
    if derive:
        frame = frame.with_columns(_DERIVED[c](frame).alias(c) for c in derive)
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        msg = (
            f"column '{missing[0]}' named in the settings not found in {what}; "
            f"available columns: {', '.join(frame.columns)}"
        )
        raise SchemaError(msg)
    return for_core(frame.select(cols))


def _check_dtypes(frame: pl.DataFrame) -> pl.DataFrame:
    # Categoricals are handled by for_core; durations and times are not comparable
    # values: refuse them with the column named.
    for name, dtype in frame.schema.items():
        if dtype in (pl.Duration, pl.Time) or isinstance(dtype, (pl.Struct, pl.Array)):
            msg = f"column '{name}': expected text, a number or a date, found {dtype}"
            raise SchemaError(msg)
        if isinstance(dtype, pl.Datetime):
            frame = frame.with_columns(pl.col(name).cast(pl.Date))
    return frame


def _labels(labels: Any, settings: dict[str, Any]) -> list[tuple[str, str, float]]:
    """Labelled pairs as (id, id, score) triples for the core."""
    frame = to_polars(labels, argument="labels")
    uid = settings.get("unique_id_column", "record_id")
    score = next(
        (c for c in ("match", "clerical_match_score") if c in frame.columns), None
    )
    needed = [f"{uid}_l", f"{uid}_r"]
    missing = [c for c in needed if c not in frame.columns]
    if missing or score is None:
        what = missing[0] if missing else "match"
        msg = (
            f"labels: column '{what}' not found; expected columns {uid}_l, {uid}_r "
            f"and match (or clerical_match_score); available: {', '.join(frame.columns)}"
        )
        raise SchemaError(msg)
    if not frame[score].dtype.is_numeric() and frame[score].dtype != pl.Boolean:
        msg = f"labels: column '{score}' must hold 0/1 (or scores in [0, 1])"
        raise SchemaError(msg)
    cols = frame.select(
        pl.col(f"{uid}_l").cast(pl.String),
        pl.col(f"{uid}_r").cast(pl.String),
        pl.col(score).cast(pl.Float64),
    )
    nulls = cols.select(pl.any_horizontal(pl.all().is_null()).arg_true()).to_series()
    if nulls.len():
        msg = f"labels row {nulls[0]} (0-based): ids and match must not be missing"
        raise InvalidArgumentError(msg)
    return list(cols.iter_rows())


def _run(
    frame: pl.DataFrame,
    dataset: bytes,
    settings: dict[str, Any],
    existing: list[str | None] | None,
    progress: Progress | None,
    labels: Any = None,
) -> Any:
    projected = _check_dtypes(_project(frame, settings, "the records"))
    # Text columns other than the id cross separately: the core dictionary-encodes them
    # straight from Arrow.
    uid = settings.get("unique_id_column", "record_id")
    text = [c for c, t in projected.schema.items() if t == pl.String and c != uid]
    return _core.linkage_run(
        projected.drop(text),
        dataset,
        json.dumps(settings),
        existing=existing,
        labels=None if labels is None else _labels(labels, settings),
        progress=progress,
        text=projected.select(text),
    )


def deduplicate(
    records: Any,
    *,
    settings: SettingsLike = None,
    labels: Any = None,
    progress: Progress | None = None,
) -> Linkage:
    """Find the records that describe the same person and give each person an id.

    Parameters
    ----------
    records
        Normalized victim records (polars or pandas). With the default settings the
        canonical columns are needed: ``record_id, source, name, name_key, father_name,
        father_name_key, sex, age, date_of_birth, cnic, phone, district, province``.
    settings
        A settings dict (:func:`create_settings`, :func:`default_settings`), JSON text,
        or the path of a saved model. A trained model (m and u on every level) is
        applied without re-estimating it.
    labels
        Optional pairs labelled by a person, to train m from instead of EM (splink's
        ``estimate_m_from_pairwise_labels``): a frame with ``<id>_l``, ``<id>_r``
        (record ids, ``<id>`` the unique id column) and ``match`` (1 match, 0
        non-match; values in between weigh a match by that much; splink's
        ``clerical_match_score`` is accepted too). m of each level is the share of
        labelled matches at that level; comparisons the labels say nothing about
        are estimated by EM; u still comes from random pairs and the prior is
        estimated as usual. The model saved by :meth:`Linkage.save` keeps the
        result (``training.labelled_pairs`` says how many labels fitted it).
    progress
        Called as ``progress(stage, done, total)`` during long runs.

    Returns
    -------
    Linkage
        ``records`` (input + ``person_id``), ``pairs``, ``persons``, ``review()``,
        ``explain()``, ``evaluate()``, ``save()``.

    Raises
    ------
    SchemaError
        A column named in the settings is missing, record ids repeat or are missing.
    SettingsError
        The settings are invalid.
    InvalidArgumentError
        A blocking rule would produce more than ``max_pairs_per_rule`` pairs; a
        label names an unknown record, the same record twice, a score outside
        [0, 1], or the labels hold no match.

    Notes
    -----
    Fellegi & Sunter (1969): each candidate pair gets a match weight, the sum over
    comparisons of log2(m/u) for the level observed, plus the prior log-odds;
    term-frequency adjustments replace u on exact name levels by the frequency of the
    name. ``person_id`` is the smallest record id of the person (as text), whatever the
    row order or thread count. Records with no usable identifier (every blocking key
    missing) are kept as their own persons and counted in
    ``Linkage.stats["n_without_identifier"]``.
    """
    s = _load_settings(settings)
    frame = to_polars(records, argument="records")
    core = _run(frame, bytes(frame.height), s, None, progress, labels)
    return Linkage(core, frame, original=records)


def link(
    a: Any,
    b: Any,
    *,
    settings: SettingsLike = None,
    link_type: Literal["link_only", "link_and_dedupe"] = "link_only",
    labels: Any = None,
    progress: Progress | None = None,
) -> Linkage:
    """Link two registers (for example a circle's returns and a shelter's register).

    Parameters
    ----------
    a, b
        Two frames with the columns the settings use; record ids must be unique within
        each (they may repeat across the two).
    settings
        As in :func:`deduplicate`.
    link_type
        ``'link_only'`` compares only pairs across the two; ``'link_and_dedupe'`` also
        within each.
    labels
        As in :func:`deduplicate`; when ``a`` and ``b`` share record ids, write them
        ``a:<id>`` and ``b:<id>``.
    progress
        Called as ``progress(stage, done, total)``.

    Returns
    -------
    Linkage
        ``records`` holds the rows of ``a`` then ``b`` with a ``source_dataset`` column
        (``'a'``/``'b'``) and ``person_id``.
    """
    s = _load_settings(settings)
    s["link_type"] = link_type
    fa = to_polars(a, argument="a")
    fb = to_polars(b, argument="b")
    frame = pl.concat([fa, fb], how="diagonal_relaxed")
    dataset = bytes(fa.height) + bytes([1]) * fb.height
    core = _run(frame, dataset, s, None, progress, labels)
    marked = frame.with_columns(
        source_dataset=pl.Series(["a"] * fa.height + ["b"] * fb.height)
    )
    return Linkage(core, marked, original=a, dataset=dataset)


def count_pairs(records: Any, *, settings: SettingsLike = None) -> pl.DataFrame:
    """How many pairs each blocking rule would produce, before running anything.

    Parameters
    ----------
    records
        The records to deduplicate.
    settings
        As in :func:`deduplicate`.

    Returns
    -------
    polars.DataFrame
        ``blocking_rule``, ``pairs`` (each rule on its own, before removing pairs that
        an earlier rule already produced).
    """
    s = _load_settings(settings)
    frame = to_polars(records, argument="records")
    cols = [
        k if isinstance(k, str) else k["column"]
        for r in s["blocking_rules"]
        for k in r["keys"]
    ]
    cols = list(dict.fromkeys([s.get("unique_id_column", "record_id"), *cols]))
    derive = [c for c in cols if c in _DERIVED and c not in frame.columns]
    if derive:
        frame = frame.with_columns(_DERIVED[c](frame).alias(c) for c in derive)
    missing = [c for c in cols if c not in frame.columns]
    if missing:
        msg = f"column '{missing[0]}' named in the settings not found in the records"
        raise SchemaError(msg)
    out = _core.linkage_count_pairs(
        _check_dtypes(for_core(frame.select(cols))), bytes(frame.height), json.dumps(s)
    )
    return pl.DataFrame(
        {"blocking_rule": [r for r, _ in out], "pairs": [n for _, n in out]},
        schema={"blocking_rule": pl.String, "pairs": pl.UInt64},
    )


def evaluate_clusters(predicted: Any, truth: Any) -> pl.DataFrame:
    """Pairwise and B-cubed precision, recall and F1 of a clustering against the truth.

    Parameters
    ----------
    predicted, truth
        Cluster labels per record (any hashable values; same length).

    Returns
    -------
    polars.DataFrame
        Rows ``pairwise`` and ``b_cubed`` with ``precision``, ``recall``, ``f1``.

    Notes
    -----
    Pairwise: a pair of records is a true positive when both clusterings put them
    together. B-cubed (Bagga & Baldwin 1998): per record, precision is the share of its
    predicted cluster in its true cluster, recall the share of its true cluster in its
    predicted one, averaged over records.

    Examples
    --------
    >>> scores = evaluate_clusters([1, 1, 2, 2], [1, 1, 1, 2])
    >>> scores.with_columns(pl.exclude("metric").round(3)).rows()
    [('pairwise', 0.5, 0.333, 0.4), ('b_cubed', 0.75, 0.667, 0.706)]
    """
    p = pl.Series(
        "p", list(predicted) if not isinstance(predicted, pl.Series) else predicted
    )
    t = pl.Series("t", list(truth) if not isinstance(truth, pl.Series) else truth)
    if p.len() != t.len():
        msg = "`predicted` and `truth` must have the same length"
        raise InvalidArgumentError(msg)
    df = pl.DataFrame({"p": p.cast(pl.String), "t": t.cast(pl.String)})
    n = df.height
    cells = df.group_by(["p", "t"]).len().rename({"len": "nij"})
    a = df.group_by("p").len().rename({"len": "a"})
    b = df.group_by("t").len().rename({"len": "b"})
    cells = (
        cells.join(a, on="p")
        .join(b, on="t")
        .with_columns(pl.col("nij", "a", "b").cast(pl.Float64))
    )

    def pairs(col: str) -> float:
        return float((cells[col] * (cells[col] - 1) / 2).sum())

    tp = pairs("nij")
    pred_pairs = float((a["a"].cast(pl.Float64) * (a["a"] - 1) / 2).sum())
    true_pairs = float((b["b"].cast(pl.Float64) * (b["b"] - 1) / 2).sum())

    def f1(p_: float, r_: float) -> float:
        return 2 * p_ * r_ / (p_ + r_) if p_ + r_ > 0 else 0.0

    pp = tp / pred_pairs if pred_pairs else 1.0
    pr = tp / true_pairs if true_pairs else 1.0
    bp = float((cells["nij"] ** 2 / cells["a"]).sum()) / n if n else 1.0
    br = float((cells["nij"] ** 2 / cells["b"]).sum()) / n if n else 1.0
    return pl.DataFrame(
        {
            "metric": ["pairwise", "b_cubed"],
            "precision": [pp, bp],
            "recall": [pr, br],
            "f1": [f1(pp, pr), f1(bp, br)],
        }
    )


class Explanation:
    """How a pair's match weight is made: the prior plus one term per comparison.

    Attributes
    ----------
    table : polars.DataFrame
        ``comparison, level, value_l, value_r, m_probability, u_probability,
        bayes_factor, tf_adjustment, match_weight``; the weights of all rows but the
        last (``total``) add up to the last.
    """

    def __init__(self, table: pl.DataFrame, a: str, b: str) -> None:
        self.table = table
        self.record_ids = (a, b)

    @property
    def match_weight(self) -> float:
        """The pair's match weight (log2 odds)."""
        return float(self.table["match_weight"][-1])

    @property
    def match_probability(self) -> float:
        """The pair's match probability."""
        return 1.0 / (1.0 + 2.0 ** (-self.match_weight))

    def chart(self, *, ax: Any = None) -> Any:
        """Draw a waterfall chart of the weights (matplotlib, imported only here).

        Parameters
        ----------
        ax
            A matplotlib Axes to draw on; a new figure is made when omitted.

        Returns
        -------
        matplotlib.figure.Figure
        """
        import matplotlib.pyplot as plt

        rows = self.table.filter(pl.col("comparison") != "total")
        labels = [
            f"{c}\n{lv}"
            for c, lv in zip(rows["comparison"], rows["level"], strict=True)
        ]
        weights = rows["match_weight"].to_list()
        if ax is None:
            fig, ax = plt.subplots(figsize=(max(6.0, 1.1 * (len(weights) + 1)), 4.0))
        else:
            fig = ax.figure
        start = 0.0
        for k, w in enumerate(weights):
            ax.bar(k, w, bottom=start, color="#2a9d8f" if w >= 0 else "#e76f51")
            start += w
        ax.bar(len(weights), start, color="#264653")
        ax.axhline(0, color="black", linewidth=0.8)
        ax.set_xticks(
            range(len(weights) + 1),
            [*labels, "total"],
            rotation=45,
            ha="right",
            fontsize=8,
        )
        ax.set_ylabel("match weight (log2 Bayes factor)")
        ax.set_title(
            f"{self.record_ids[0]} vs {self.record_ids[1]}: "
            f"probability {self.match_probability:.3f}"
        )
        fig.tight_layout()
        return fig

    def _repr_html_(self) -> str:
        return self.table._repr_html_()

    def __repr__(self) -> str:
        a, b = self.record_ids
        return f"Explanation({a!r}, {b!r}, match_weight={self.match_weight:.2f})"


class Linkage:
    """The result of linking: persons, records with their ``person_id``, scored pairs.

    Made by :func:`deduplicate`, :func:`link` or :meth:`Linker.deduplicate`; not built
    directly.
    """

    def __init__(
        self,
        core: Any,
        frame: pl.DataFrame,
        *,
        original: Any,
        dataset: bytes | None = None,
    ) -> None:
        self._core = core
        self._frame = frame
        self._dataset = bytes(frame.height) if dataset is None else dataset
        #: After :meth:`label`: the threshold, expected precision/recall and persons
        #: before and after retraining.
        self.label_change: pl.DataFrame | None = None
        self._pandas = is_pandas(original)
        self._settings = json.loads(core.settings_json())
        self.stats: dict[str, Any] = json.loads(core.stats_json())
        self._person_ids = pl.DataFrame(core.person_ids())["person_id"]
        self._pairs: pl.DataFrame | None = None
        self._persons: pl.DataFrame | None = None

    # -- results ---------------------------------------------------------------------
    @property
    def settings(self) -> dict[str, Any]:
        """Settings with the fitted model (m and u on every level)."""
        return json.loads(json.dumps(self._settings))

    def _out(self, frame: pl.DataFrame) -> Any:
        return frame.to_pandas() if self._pandas else frame

    @property
    def records(self) -> Any:
        """The input records with a ``person_id`` column (pandas in, pandas out)."""
        return self._out(self._frame.with_columns(self._person_ids))

    @property
    def pairs(self) -> Any:
        """Scored candidate pairs (probability ≥ ``retain_match_probability``).

        Columns: ``<id>_l, <id>_r, match_weight, match_probability, blocking_rule`` and
        one ``gamma_<comparison>`` (the level index) per comparison.
        """
        if self._pairs is None:
            self._pairs = pl.DataFrame(self._core.pairs(0.0))
        return self._out(self._pairs)

    @property
    def persons(self) -> Any:
        """One row per person: the persons table the indicators, MSE and report share.

        Built once (in the core) with the conflict rules of
        :func:`tipsom.indicators.persons`: ``person_id``, ``n_records``, ``sources`` as
        the list column ``source`` (or the settings' ``source_column``), ``n_sources``,
        ``date``/``first_date``/``last_date`` when ``date`` exists, the most frequent
        known value of each identifying and compared column (``"unknown"`` does not
        vote; ties to the earliest record), the categorical attributes and ``conflicts``.
        """
        return self._out(self._person_table())

    def _person_table(self) -> pl.DataFrame:
        if self._persons is None:
            from tipsom.indicators._persons import person_table

            source = self._settings.get("source_column")
            # The unit column is compared too (same unit, same month), but a person's units
            # are the `source` list, not a value resolved by majority.
            comparisons = [
                c["column"]
                for c in self._settings.get("comparisons", [])
                if c["column"] != (source or "source")
            ]
            self._persons = person_table(
                self._frame.with_columns(self._person_ids),
                identifiers=[*PERSON_ATTRIBUTES, *comparisons],
                source_column=None if source in (None, "source") else source,
            )
        return self._persons

    def review(
        self, lower: float = 0.5, upper: float = 0.95, *, n: int | None = None
    ) -> Any:
        """Borderline pairs for a person to decide, with the two records side by side.

        Label them (a ``match`` column of 1/0) and pass them to :meth:`label`.

        Parameters
        ----------
        lower, upper
            Pairs with ``lower <= match_probability < upper`` are returned, most likely
            first.
        n
            Return only the ``n`` most informative pairs (active selection, as dedupe
            does): pairs already labelled are left out; the pair whose decision is most
            in doubt (match weight nearest the threshold's) of each distinct comparison
            pattern comes first, so that a few labels cover many kinds of evidence;
            ordered by that doubt. ``lower`` and ``upper`` still bound them.

        Returns
        -------
        DataFrame
            The pair columns, then ``<column>_l``/``<column>_r`` for each compared
            column.
        """
        if not 0.0 <= lower <= upper <= 1.0:
            msg = (
                "`lower` and `upper` must satisfy 0 <= lower <= upper <= 1, "
                f"got {lower}, {upper}"
            )
            raise InvalidArgumentError(msg)
        pairs = pl.DataFrame(self._core.pairs(lower)).filter(
            pl.col("match_probability") < upper
        )
        uid = self._settings["unique_id_column"]
        if n is not None:
            pairs = self._most_informative(pairs, n)
        cols = [
            c
            for c in _settings_columns(self._settings)
            if c != uid and c in self._frame.columns
        ]
        side = self._frame.select(uid, *cols)
        if "source_dataset" in self._frame.columns:
            side = self._frame.unique(uid, keep="first").select(uid, *cols)
        out = pairs.join(
            side.rename({c: f"{c}_l" for c in cols}),
            left_on=f"{uid}_l",
            right_on=uid,
            how="left",
        ).join(
            side.rename({c: f"{c}_r" for c in cols}),
            left_on=f"{uid}_r",
            right_on=uid,
            how="left",
        )
        if n is not None:
            return self._out(out.sort("_order").drop("_order"))
        return self._out(out.sort("match_probability", descending=True))

    def _most_informative(self, pairs: pl.DataFrame, n: int) -> pl.DataFrame:
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            msg = f"`n` must be a non-negative integer, got {n!r}"
            raise InvalidArgumentError(msg)
        uid = self._settings["unique_id_column"]
        done = {
            frozenset((str(a), str(b)))
            for a, b, _ in self._settings.get("training", {}).get("labels", [])
        }
        if done:
            keys = [
                frozenset(x)
                for x in zip(pairs[f"{uid}_l"], pairs[f"{uid}_r"], strict=True)
            ]
            pairs = pairs.filter(pl.Series([k not in done for k in keys]))
        t = self._settings["clustering"]["threshold_match_probability"]
        t_weight = float(np.log2(t / (1.0 - t)))
        gammas = [c for c in pairs.columns if c.startswith("gamma_")]
        return (
            pairs.with_columns(_doubt=(pl.col("match_weight") - t_weight).abs())
            .with_columns(
                _rank=pl.col("_doubt").rank("ordinal").over(gammas) if gammas else 1
            )
            .sort(["_rank", "_doubt", f"{uid}_l", f"{uid}_r"])
            .head(n)
            .with_row_index("_order")
            .drop("_doubt", "_rank")
        )

    def threshold_curve(self) -> pl.DataFrame:
        """The fitted model's expected precision and recall at thresholds.

        Expected true links at a threshold are the sum of the probabilities of the
        candidate pairs at or above it; expected matches are the sum over all
        candidate pairs (pairs no blocking rule proposed are not counted). The default
        settings choose the threshold with the most expected F1
        (``clustering.auto_threshold``); ``stats['expected_precision']`` and
        ``stats['expected_recall']`` are the values at the threshold used.

        Returns
        -------
        polars.DataFrame
            ``threshold, links, expected_precision, expected_recall, expected_f1``,
            one row per threshold from 0.05 to 0.99 and the threshold used.
        """
        p = np.sort(
            pl.DataFrame(self._core.pairs(0.0))["match_probability"].to_numpy()
        )[::-1]
        used = float(self._settings["clustering"]["threshold_match_probability"])
        grid = sorted(
            {*np.round(np.arange(0.05, 0.951, 0.05), 2).tolist(), 0.97, 0.99, used}
        )
        total = float(p.sum())
        rows = []
        for t in grid:
            kept = p[p >= t]
            tp = float(kept.sum())
            prec = tp / len(kept) if len(kept) else 1.0
            rec = tp / total if total > 0 else 0.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec > 0 else 0.0
            rows.append((t, len(kept), prec, rec, f1))
        return pl.DataFrame(
            rows,
            schema=[
                "threshold",
                "links",
                "expected_precision",
                "expected_recall",
                "expected_f1",
            ],
            orient="row",
        )

    def blocking_recall(self, min_probability: float = 0.99) -> pl.DataFrame:
        """Estimate, on the data itself, the share of true pairs the blocking rules propose.

        The confident links (pairs at or above ``min_probability``) are the sample: for
        each, which rules would have proposed it. A link only one rule proposes shows
        how much the rules overlap; from the links proposed by exactly one rule (f1)
        and by exactly two (f2), Chao's (1987) estimate of the links no rule proposes
        is f1² / (2 f2) (f1 (f1 - 1) / 2 when f2 is 0), and the estimated recall is
        the links found over that total. It assumes the confident links are like
        the others and is a lower-bound style estimate: use it to compare rule sets.

        Parameters
        ----------
        min_probability
            Pairs at or above this match probability are the confident links.

        Returns
        -------
        polars.DataFrame
            One row per rule (``blocking_rule``, ``links`` it proposes, ``only_this_rule``),
            then a row ``all rules`` whose ``estimated_recall`` is the estimate (null on the
            rule rows).
        """
        if not 0.0 < min_probability < 1.0:
            msg = f"`min_probability` must be between 0 and 1, got {min_probability}"
            raise InvalidArgumentError(msg)
        uid = self._settings["unique_id_column"]
        rules = self._settings["blocking_rules"]
        # Ids as text on both sides (an integer id column is text in the frame below).
        pairs = pl.DataFrame(self._core.pairs(min_probability)).select(
            pl.col(f"{uid}_l").cast(pl.String), pl.col(f"{uid}_r").cast(pl.String)
        )
        frame = self._frame.with_columns(pl.col(uid).cast(pl.String))
        derive = [c for c in _DERIVED if c not in frame.columns]
        frame = frame.with_columns(_DERIVED[c](frame).alias(c) for c in derive)
        keys = frame.select(
            pl.col(uid),
            *[_rule_key(r).alias(f"_rule{k}") for k, r in enumerate(rules)],
        )
        rcols = [f"_rule{k}" for k in range(len(rules))]
        joined = pairs.join(
            keys.rename({c: f"{c}_l" for c in rcols}), left_on=f"{uid}_l", right_on=uid
        ).join(
            keys.rename({c: f"{c}_r" for c in rcols}), left_on=f"{uid}_r", right_on=uid
        )
        caught = joined.select(
            [
                (pl.col(f"{c}_l") == pl.col(f"{c}_r")).fill_null(False).alias(c)
                for c in rcols
            ]
        )
        if caught.width:
            n_rules = caught.select(pl.sum_horizontal(rcols).alias("n"))["n"]
        else:
            n_rules = pl.Series("n", [], dtype=pl.Int64)
        f1 = int((n_rules == 1).sum())
        f2 = int((n_rules == 2).sum())
        found = int((n_rules >= 1).sum())
        missed = f1 * f1 / (2.0 * f2) if f2 > 0 else f1 * (f1 - 1) / 2.0
        recall = found / (found + missed) if found else None
        names = [
            r.get("name") or " & ".join(_key_name(k) for k in r["keys"]) for r in rules
        ]
        rows = [
            (
                names[k],
                int(caught[c].sum()),
                int((caught[c] & (n_rules == 1)).sum()),
                None,
            )
            for k, c in enumerate(rcols)
        ]
        rows.append(("all rules", found, f1, recall))
        return pl.DataFrame(
            rows,
            schema={
                "blocking_rule": pl.String,
                "links": pl.Int64,
                "only_this_rule": pl.Int64,
                "estimated_recall": pl.Float64,
            },
            orient="row",
        )

    def label(self, labels: Any, *, progress: Progress | None = None) -> Linkage:
        """Retrain the model with pairs labelled by a person and link again.

        The labels join those the model was already trained with (a pair labelled again
        takes its new label); m is estimated from all of them (comparisons they say
        nothing about by EM), u and the prior as usual, and the threshold is chosen
        again. The labels are kept in the model (``settings['training']['labels']``)
        and saved with it.

        Parameters
        ----------
        labels
            A frame with ``<id>_l``, ``<id>_r`` (record ids) and ``match`` (1 match,
            0 non-match), e.g. :meth:`review` with a ``match`` column added.
        progress
            Called as ``progress(stage, done, total)``.

        Returns
        -------
        Linkage
            The new result; ``label_change`` compares the threshold, expected
            precision and recall and number of persons before and after.
        """
        uid = self._settings["unique_id_column"]
        new = _labels(labels, self._settings)
        merged: dict[frozenset[str], tuple[str, str, float]] = {}
        for a, b, m in [*self._settings["training"].get("labels", []), *new]:
            merged[frozenset((str(a), str(b)))] = (str(a), str(b), float(m))
        table = pl.DataFrame(
            list(merged.values()),
            schema={f"{uid}_l": pl.String, f"{uid}_r": pl.String, "match": pl.Float64},
            orient="row",
        )
        settings = self.settings
        core = _run(self._frame, self._dataset, settings, None, progress, table)
        out = Linkage(core, self._frame, original=self._frame, dataset=self._dataset)
        out._pandas = self._pandas
        before, after = self.stats, out.stats
        out.label_change = pl.DataFrame(
            {
                "measure": [
                    "labelled_pairs",
                    "threshold",
                    "expected_precision",
                    "expected_recall",
                    "persons",
                ],
                "before": [
                    float(len(self._settings["training"].get("labels", []))),
                    float(self._settings["clustering"]["threshold_match_probability"]),
                    float(before["expected_precision"]),
                    float(before["expected_recall"]),
                    float(before["n_persons"]),
                ],
                "after": [
                    float(len(merged)),
                    float(out._settings["clustering"]["threshold_match_probability"]),
                    float(after["expected_precision"]),
                    float(after["expected_recall"]),
                    float(after["n_persons"]),
                ],
            }
        )
        return out

    def explain(self, record_a: Any, record_b: Any) -> Explanation:
        """Explain the pair's match weight, comparison by comparison.

        Parameters
        ----------
        record_a, record_b
            Record ids.

        Returns
        -------
        Explanation
            ``.table`` (weights that add up to the score) and ``.chart()`` (waterfall).
        """
        table = pl.DataFrame(self._core.explain(str(record_a), str(record_b)))
        return Explanation(table, str(record_a), str(record_b))

    def evaluate(self, truth_column: str) -> pl.DataFrame:
        """Pairwise and B-cubed precision, recall and F1 against a truth column.

        Parameters
        ----------
        truth_column
            Column of the input with the true person of each record (synthetic data).

        Returns
        -------
        polars.DataFrame
            See :func:`evaluate_clusters`.
        """
        if truth_column not in self._frame.columns:
            available = ", ".join(self._frame.columns)
            msg = f"column '{truth_column}' not found; available columns: {available}"
            raise SchemaError(msg)
        return evaluate_clusters(self._person_ids, self._frame[truth_column])

    # -- persistence and incremental linking ------------------------------------------
    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the settings with the fitted model as JSON.

        Load it with :meth:`Linker.load`.

        Parameters
        ----------
        path
            Destination file.
        """
        Path(path).write_text(json.dumps(self._settings, indent=2), encoding="utf-8")

    def add(self, new_records: Any, *, progress: Progress | None = None) -> Linkage:
        """Link new records (next month's returns) without renumbering anyone.

        Existing persons keep their ``person_id``; a new record joins at most one of
        them (two existing persons are never merged); new persons get the smallest id of
        their records. The fitted model is reused.

        Parameters
        ----------
        new_records
            Records with the same columns; their ids must not repeat existing ones.
        progress
            Called as ``progress(stage, done, total)``.

        Returns
        -------
        Linkage
            A new result over the old and new records.
        """
        new = to_polars(new_records, argument="new_records")
        old = self._frame.with_columns(self._person_ids.alias("__person_id"))
        frame = pl.concat([old, new], how="diagonal_relaxed")
        existing = frame["__person_id"].to_list()
        frame = frame.drop("__person_id")
        core = _run(frame, bytes(frame.height), self._settings, existing, progress)
        return Linkage(core, frame, original=new_records if self._pandas else frame)

    # -- display ---------------------------------------------------------------------
    def __repr__(self) -> str:
        s = self.stats
        return (
            f"Linkage({s['n_records']} records -> {s['n_persons']} persons, "
            f"{s['n_candidate_pairs']} pairs compared, "
            f"{s['n_without_identifier']} without identifier)"
        )

    def _repr_html_(self) -> str:
        s = self.stats
        rules = "".join(
            f"<tr><td>{html.escape(str(r))}</td>"
            f"<td style='text-align:right'>{n:,}</td></tr>"
            for r, n in s["pairs_per_rule"]
        )
        prior = self._settings.get("candidate_match_probability")
        trained = "estimated here" if s["trained"] else "loaded"
        if s.get("labelled_pairs"):
            trained += f" (m from {s['labelled_pairs']:,} labelled pairs)"
        share = "-" if prior is None else f"{prior:.4f}"
        return (
            "<div><b>tipsom Linkage</b>"
            f"<p>{s['n_records']:,} records &rarr; <b>{s['n_persons']:,} persons</b> "
            f"({s['n_records'] - s['n_persons']:,} duplicate records); "
            f"{s['n_candidate_pairs']:,} candidate pairs compared; "
            f"{s['n_without_identifier']:,} records without a usable identifier.</p>"
            f"<p>Model: {trained}; "
            f"EM iterations {s['em_iterations']}, converged {s['em_converged']}; "
            f"share of candidate pairs that match {share}.</p>"
            "<table><tr><th>blocking rule</th><th>pairs</th></tr>"
            f"{rules}</table></div>"
        )


class Linker:
    """A linkage model: settings, possibly with fitted m and u, ready to apply.

    Parameters
    ----------
    settings
        Settings dict, JSON text or path; defaults to :func:`default_settings`.
    """

    def __init__(self, settings: SettingsLike = None) -> None:
        s = _load_settings(settings)
        self._settings = json.loads(_core.linkage_validate_settings(json.dumps(s)))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Linker:
        """Load a model saved by :meth:`Linkage.save` (or any settings file).

        Parameters
        ----------
        path
            A JSON settings/model file.

        Returns
        -------
        Linker
        """
        return cls(Path(path))

    @property
    def settings(self) -> dict[str, Any]:
        """The settings (with the model when trained)."""
        return json.loads(json.dumps(self._settings))

    @property
    def is_trained(self) -> bool:
        """Whether every level carries m and u (then no estimation is needed)."""
        return all(
            "m_probability" in lv and "u_probability" in lv
            for c in self._settings["comparisons"]
            for lv in c["levels"]
            if lv["type"] != "null"
        )

    def deduplicate(
        self, records: Any, *, labels: Any = None, progress: Progress | None = None
    ) -> Linkage:
        """Deduplicate with this model (see :func:`tipsom.deduplicate`).

        Parameters
        ----------
        records
            Records with the settings' columns.
        labels
            Labelled pairs to (re)train m from (see :func:`tipsom.deduplicate`).
        progress
            Called as ``progress(stage, done, total)``.

        Returns
        -------
        Linkage
        """
        return deduplicate(
            records, settings=self._settings, labels=labels, progress=progress
        )

    def link(
        self, a: Any, b: Any, *, labels: Any = None, progress: Progress | None = None
    ) -> Linkage:
        """Link two registers with this model (see :func:`tipsom.link`).

        Parameters
        ----------
        a, b
            The two registers.
        labels
            Labelled pairs to (re)train m from (see :func:`tipsom.deduplicate`).
        progress
            Called as ``progress(stage, done, total)``.

        Returns
        -------
        Linkage
        """
        return link(a, b, settings=self._settings, labels=labels, progress=progress)

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the settings as JSON.

        Parameters
        ----------
        path
            Destination file.
        """
        Path(path).write_text(json.dumps(self._settings, indent=2), encoding="utf-8")

    def __repr__(self) -> str:
        return (
            f"Linker({len(self._settings['comparisons'])} comparisons, "
            f"{len(self._settings['blocking_rules'])} blocking rules, "
            f"trained={self.is_trained})"
        )


_ = like_input  # pandas round-trips are handled by Linkage._out
