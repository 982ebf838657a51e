"""One suppression pattern per release: the audit, the reproducers of issue 14."""

from __future__ import annotations

import warnings

import openpyxl
import polars as pl
import pytest
import tipsom as ts
from hypothesis import given, settings
from hypothesis import strategies as st
from release_data import Linkage, release_records, release_returns
from tipsom.exceptions import DisclosureError
from tipsom.indicators import _release
from tipsom.indicators._persons import person_cache, records_of
from tipsom.indicators._publish import release_tables


def build(records: pl.DataFrame, **kw):
    frame, has_person = records_of(records, Linkage(records))
    kept = []
    with person_cache():
        tables = release_tables(
            frame,
            has_person=has_person,
            suspects=None,
            returns=None,
            unit="person",
            suppress_below=kw.get("suppress_below", 5),
            round_to=None,
            census=2023,
            release=kept,
        )
    return tables, kept[0]


@settings(max_examples=5, deadline=None)
@given(n=st.integers(50, 400), seed=st.integers(0, 10_000))
def test_audit_passes_on_generated_releases(n, seed):
    records = release_records(n, seed)
    audit = ts.indicators.publication_audit(
        records, Linkage(records), returns=release_returns(seed)
    )
    assert audit["safe"].all(), audit.filter(~pl.col("safe"))
    # Every range holds the true count, and a small withheld count gets the interval.
    assert (audit["lower"] <= audit["value"]).all()
    assert (audit["value"] <= audit["upper"]).all()
    small = audit.filter((pl.col("value") > 0) & (pl.col("value") < 5))
    assert (small["upper"] - small["lower"] >= 5).all()


def test_tables_alone_leak_and_the_joint_pattern_does_not(monkeypatch):
    # Each table's own pattern protects it from its own totals, but the sex totals of
    # the province table minus the sex-age totals of the others pin withheld cells.
    records = release_records(60, 60)
    with monkeypatch.context() as m:
        m.setattr(_release.Release, "solve", lambda self, **_: None)
        _, alone = build(records)
        leaks = alone.audit().filter(~pl.col("safe"))
    assert leaks.height > 0
    assert (leaks["lower"] == leaks["upper"]).any()  # values recovered exactly
    _, joint = build(records)
    assert joint.audit()["safe"].all()


def test_audit_detects_a_recoverable_cell():
    # Publish every other cell of a withheld cell's row and the row total: the audit
    # must pin that cell to its value (the check can fail).
    records = release_records(300, 5)
    _, rel = build(records)
    g, i, j = next(
        (g, i, j)
        for g in rel.grids
        for (i, j), s in ((ij, s) for ij, s in _cells(g))
        if s == "primary" and not g.one_way
    )
    for jj in range(g.shape[1]):
        if jj != j:
            g.cell[i, jj] = "published"
    g.row_status[i] = "published"
    audit = rel.audit()
    hit = audit.filter(
        (pl.col("table") == g.name)
        & (pl.col("row") == g.row_labels[i])
        & (pl.col("column") == g.col_labels[j])
    ).row(0, named=True)
    assert hit["lower"] == hit["upper"] == hit["value"]
    assert not hit["safe"]


def _cells(g):
    for i in range(g.shape[0]):
        for j in range(g.shape[1]):
            yield (i, j), g.cell[i, j]


def test_check_raises_disclosure_error(monkeypatch):
    records = release_records(60, 60)
    monkeypatch.setattr(_release.Release, "solve", lambda self, **_: None)
    with pytest.raises(DisclosureError, match="withheld count"):
        ts.indicators.publication_audit(records, Linkage(records), check=True)


def test_rates_withheld_where_counts_are():
    records = release_records(200, 11)
    tables, _ = build(records)
    counts = tables["Victims by province and sex"]
    rates = tables["Victims per 100,000 population by province and sex"]
    for row in rates.iter_rows(named=True):
        cell = counts.filter(pl.col("province") == row["province"])[row["sex"]][0]
        assert (row["victims"] == "x") == (cell == "x")
        if cell == "x":
            assert row["rate"] == row["rate_lower"] == row["rate_upper"] == "x"


def test_only_ngo_unit_record_count_not_published():
    # Issue 14: "Victims by source type" withheld the NGO cell while the quality table
    # published the record count of the only NGO unit, the same number.
    records = release_records(300, 3)
    ngo = records.filter(pl.col("source_type") == "ngo").head(3)
    records = pl.concat(
        [records.filter(pl.col("source_type") != "ngo"), ngo], how="vertical"
    )
    tables, _ = build(records)
    assert tables["Victims by source type"]["ngo"][0] == "x"
    quality = tables["Data quality by source"]
    mapping = ts.units.unit_labels(records)
    label = mapping.filter(pl.col("source") == "Legal aid NGO")["published"][0]
    shown = quality.filter(pl.col("source") == label)
    assert shown.height == 1
    assert set(shown.drop("source").row(0)) == {"x"}


LEAKY = "FIR_4210112345671_Ayesha Bibi.csv"
TITLE = "Statement of victim Shazia Parveen CNIC 35202-9876543-2 Police Station Saddar"


@pytest.fixture(scope="module")
def leaky_records():
    records = release_records(400, 8)
    label = pl.when(pl.col("record_id") == "r1").then(pl.lit(LEAKY))
    label = label.when(pl.col("record_id") == "r2").then(pl.lit(TITLE))
    return records.with_columns(label.otherwise(pl.col("source")).alias("source"))


CANARIES = ("4210112345671", "Ayesha", "Shazia", "9876543", "Saddar")


def test_labels_from_file_names_and_title_rows_are_not_published(
    leaky_records, tmp_path
):
    link = Linkage(leaky_records)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = ts.indicators.publication_tables(leaky_records, link)
        html = ts.report(leaky_records, link, path=tmp_path / "r.html").read_text()
        book = ts.indicators.export_excel(leaky_records, link, path=tmp_path / "r.xlsx")
    text = " ".join(
        str(v) for t in tables.values() for v in [*t.columns, *t.to_dicts()]
    )
    cells = " ".join(
        str(c.value)
        for ws in openpyxl.load_workbook(book).worksheets
        for row in ws.iter_rows()
        for c in row
    )
    for canary in CANARIES:
        assert canary not in text
        assert canary not in html
        assert canary not in cells
    # Registered units keep their names; the analyst's mapping has the rest.
    assert "AHTC Lahore" in text
    mapping = ts.units.unit_labels(leaky_records)
    assert mapping.filter(pl.col("source") == LEAKY)["published"][0].startswith("unit ")


def test_unit_registry_is_extendable():
    labels = pl.DataFrame({"source": ["x.csv", "Punjab Police", "AHTC Lahore", None]})
    # Codes follow the sorted labels, whatever the order of the rows.
    assert dict(ts.units.unit_labels(labels).rows()) == {
        "AHTC Lahore": "AHTC Lahore",
        "Punjab Police": "unit 1",
        "x.csv": "unit 2",
        None: "unknown",
    }
    assert ts.units.unit_labels(labels.reverse()).equals(ts.units.unit_labels(labels))
    ts.units.register(["Punjab Police"])
    try:
        assert dict(ts.units.unit_labels(labels).rows())["Punjab Police"] == (
            "Punjab Police"
        )
    finally:
        ts.units._EXTRA.clear()
    with pytest.raises(ts.exceptions.InvalidArgumentError):
        ts.units.register([""])


def test_report_charts_share_the_release_pattern(monkeypatch, tmp_path):
    # The report's charts plot cells of the release's tables: they are solved with
    # them (a bar is a published number) and the audit covers them.
    import sys

    report_module = sys.modules["tipsom.report"]
    real = report_module.release_tables
    kept = []

    def spy(*args, **kwargs):
        out = real(*args, **kwargs)
        kept.append(kwargs["release"][0])
        return out

    monkeypatch.setattr(report_module, "release_tables", spy)
    records = release_records(90, 11)
    ts.report(records, Linkage(records), path=tmp_path / "r.html")
    rel = kept[0]
    charts = [g for g in rel.grids if g.name.startswith("Chart")]
    assert {(g.row_key, g.col_key) for g in charts} >= {
        ("age_band", "sex"),
        ("form", "sex_age"),
        ("year", "crime_type"),
    }
    assert rel.audit()["safe"].all()
    # A cell shown in the form chart and the form table has one status in both.
    table = rel.grid("Victims by form of exploitation and sex-age")
    chart = next(g for g in charts if g.row_key == "form")
    for i, form in enumerate(chart.row_labels):
        t = next(
            k for k, lab in enumerate(table.row_labels) if lab.endswith(f"/ {form}")
        )
        for j, sa in enumerate(chart.col_labels):
            u = table.col_labels.index(sa)
            if chart.counts[i, j] == table.counts[t, u]:
                assert (chart.cell[i, j] == "published") == (
                    table.cell[t, u] == "published"
                )
