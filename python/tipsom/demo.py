"""``tipsom demo``: the whole job on bundled synthetic returns.

Writes synthetic circle returns in many house styles (never real data), then reads,
normalizes, deduplicates, tabulates, estimates and reports, printing at each step what a
researcher would want to see. Everything it prints about victims is aggregated and
suppressed below 5, as a published table would be.
"""

from __future__ import annotations

import shutil
import time
import warnings
from pathlib import Path

import polars as pl

import tipsom as ts
from tipsom.linkage import evaluate_clusters


def _say(text: str = "", *, quiet: bool = False) -> None:
    if not quiet:
        print(text)


def _heading(text: str, *, quiet: bool) -> None:
    _say(f"\n== {text} " + "=" * max(0, 70 - len(text)), quiet=quiet)


def _table(frame: pl.DataFrame, *, quiet: bool, rows: int = 40) -> None:
    if quiet:
        return
    with pl.Config(
        tbl_rows=rows,
        tbl_cols=12,
        tbl_hide_dataframe_shape=True,
        tbl_hide_column_data_types=True,
        fmt_str_lengths=40,
        tbl_width_chars=110,
    ):
        print(frame)


def _headquarters(
    directory: Path,
    raw: pl.DataFrame,
    records: pl.DataFrame,
    links: ts.Linkage,
    *,
    quiet: bool,
) -> None:
    """Two monthly compilations: everything up to the last month, then the last month."""
    _heading("8. Headquarters: two monthly compilations", quiet=quiet)
    months = (
        records.select(pl.col("date").dt.strftime("%Y-%m").alias("month"))
        .drop_nulls()
        .group_by("month")
        .len()
    )
    if months.is_empty():
        _say("no dated records: nothing to compile by month", quiet=quiet)
        return
    # The second month: the latest with at least 10 records (later stragglers join it).
    busy = months.filter(pl.col("len") >= 10)
    second = (busy if busy.height else months)["month"].max()
    y, m = int(second[:4]), int(second[5:7])
    first = f"{y:04d}-{m - 1:02d}" if m > 1 else f"{y - 1:04d}-12"
    in_second = (records["date"].dt.strftime("%Y-%m") >= second).fill_null(False)
    state = directory / "hq_state"
    if state.exists():
        shutil.rmtree(state)
    one = ts.hq.compile(
        raw.filter(~in_second), state, period=first, settings=links.settings
    )
    _say(
        f"{first} (every return up to {first}): {one.records.height} records, "
        f"{one.records['person_id'].n_unique()} persons; state kept in {state}/",
        quiet=quiet,
    )
    # One unit's return for the second month does not arrive.
    month = raw.filter(in_second)
    units = sorted(month["source"].drop_nulls().unique().to_list())
    late = units[0] if units else None
    two = ts.hq.compile(month.filter(pl.col("source") != late), state, period=second)
    _say(f"{second}: {two.summary()}", quiet=quiet)
    _say("returns that never arrived:", quiet=quiet)
    _table(two.missing_returns, quiet=quiet)
    events = two.changes.filter(pl.col("event") != "new_person")
    if events.height:
        _say("persons seen again (explained; no names or numbers):", quiet=quiet)
        for event, why in events.select("event", "explanation").head(3).iter_rows():
            _say(f"  {event}: {why}", quiet=quiet)
    if units:
        stem = "".join(ch if ch.isalnum() else "_" for ch in units[-1]).strip("_")
        page = ts.hq.feedback(
            two, unit=units[-1], path=directory / f"feedback_{stem}.html"
        )
        _say(f"feedback pack for {units[-1]}: {page}", quiet=quiet)


def run(
    directory: Path, *, n_persons: int = 3000, seed: int = 2025, quiet: bool = False
) -> int:
    """Run the demo; return the process exit code."""
    directory = Path(directory)
    returns_dir = directory / "returns"
    t0 = time.perf_counter()
    _say(
        "tipsom demo: synthetic TIP/SOM circle returns (no real person's data)",
        quiet=quiet,
    )

    _heading("1. Synthetic returns written", quiet=quiet)
    written = ts.datasets.write_circle_returns(
        returns_dir, n_persons=n_persons, seed=seed, overwrite=True
    )
    files = written.files
    _say(
        f"{files.height} files from {files['source'].n_unique()} units in {returns_dir}/ "
        f"({(files['format'] == 'csv').sum()} CSV, {(files['format'] == 'xlsx').sum()} Excel)",
        quiet=quiet,
    )

    _heading("2. Read: every row accounted for", quiet=quiet)
    raw, read_report = ts.read_returns(returns_dir, with_report=True)
    _say(read_report.summary(), quiet=quiet)

    _heading("3. Normalize: typed canonical values, problems flagged", quiet=quiet)
    records = ts.normalize(raw)
    issues = (
        records.select(pl.col("issues").explode().alias("issue"))
        .drop_nulls()
        .group_by("issue")
        .len()
        .sort("len", descending=True)
        .head(8)
    )
    _say(f"{records.height} records; most frequent problems:", quiet=quiet)
    _table(issues.rename({"len": "records"}), quiet=quiet)
    quality = ts.quality(records)
    _say("data quality by source (shares of records):", quiet=quiet)
    _table(
        quality.select(
            "source",
            "n_records",
            "share_sex_known",
            "complete_cnic",
            "valid_cnic",
            "consistent_sex_cnic",
            "valid_date",
        ),
        quiet=quiet,
    )

    _heading("4. Deduplicate: people, not records", quiet=quiet)
    links = ts.deduplicate(records)
    n_persons_found = links.persons.height
    _say(
        f"{records.height} records describe {n_persons_found} persons "
        f"(counting records would overstate victims by "
        f"{100 * (records.height / max(n_persons_found, 1) - 1):.0f}%)",
        quiet=quiet,
    )
    # Ground truth is known for synthetic data: join it back through file, sheet and row.
    truth = written.locations.join(
        written.records.select("record_id", "true_person_id"), on="record_id"
    ).select(
        pl.col("file_name").alias("source_file"),
        pl.col("sheet").alias("source_sheet"),
        pl.col("row").cast(pl.Int64).alias("source_row"),
        "true_person_id",
    )
    linked = links.records.join(
        truth,
        on=["source_file", "source_sheet", "source_row"],
        how="left",
        nulls_equal=True,
    )
    if linked["true_person_id"].null_count() == 0:
        scores = evaluate_clusters(linked["person_id"], linked["true_person_id"])
        _say("against the generator's ground truth:", quiet=quiet)
        _table(scores, quiet=quiet)

    _heading("5. Detected victims (GLOTIP), small cells suppressed", quiet=quiet)
    tables = ts.indicators.glotip_tables(links, suppress_below=5)
    _table(tables["Victims by form of exploitation and sex-age"], quiet=quiet)
    _say("smuggled migrants (not victims of trafficking), by crime type:", quiet=quiet)
    smuggled = ts.indicators.victims(
        links, by=["crime_type"], crime_type=["som", "som_related"], suppress_below=5
    )
    _table(smuggled, quiet=quiet)

    _heading("6. Hidden victims: multiple systems estimation", quiet=quiet)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ts.exceptions.DataQualityWarning)
            estimate = ts.mse.estimate(
                links,
                lists="source_type",
                method="stepwise",
                crime_type=["tip", "both"],
            )
        _say(str(estimate), quiet=quiet)
        for w in caught:
            _say(f"note: {w.message}", quiet=quiet)
    except ts.exceptions.TipsomError as err:
        _say(f"no estimate: {err}", quiet=quiet)

    _heading("7. Report", quiet=quiet)
    path = ts.report(records, links, path=directory / "report.html")
    _say(f"offline HTML report: {path}", quiet=quiet)

    _headquarters(directory, raw, records, links, quiet=quiet)
    _say(f"finished in {time.perf_counter() - t0:.1f} s", quiet=quiet)
    return 0
