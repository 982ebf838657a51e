"""One self-contained HTML report a researcher can hand on.

The file works offline: styles are inline, charts are PNG images embedded as base64,
and there are no scripts and no links to the network. Disclosure control is applied to
every count of people by default (threshold 5 with secondary suppression; ``x`` marks a
withheld cell).
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import warnings
from pathlib import Path
from typing import Any, Literal

import polars as pl

from tipsom import charts
from tipsom._frame import to_polars
from tipsom.exceptions import InvalidArgumentError, TipsomError
from tipsom.indicators import _persons
from tipsom.indicators._disclosure import FIXED, SUPPRESSED_MARK
from tipsom.indicators._publish import release_tables, withheld_units
from tipsom.units import relabel, unit_labels

#: Section ids, in order; the headless-browser test checks each is present.
SECTIONS = (
    ("summary", "Summary"),
    ("victims", "Victims by sex and age"),
    ("exploitation", "Forms of exploitation"),
    ("citizenship", "Citizenship"),
    ("protection", "Protection by sex and age"),
    ("geography", "Provinces and rates per 100,000"),
    ("trends", "Trends and crime type"),
    ("justice", "Criminal-justice response"),
    ("returns", "Monthly returns"),
    ("sources", "Sources and overlap"),
    ("quality", "Data quality"),
    ("methods", "Methods and disclosure control"),
)

_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em
auto;max-width:60em;
color:#222;line-height:1.45;padding:0 1em}
h1{border-bottom:3px solid #1b4f72;padding-bottom:.3em}
h2{color:#1b4f72;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:1em 0;font-size:.9em}
th,td{border:1px solid #bbb;padding:.25em .6em;text-align:right}
th:first-child,td:first-child{text-align:left}
thead th{background:#eaf1f8}
tr:last-child td{font-weight:600}
img{max-width:100%;display:block;margin:1em 0}
.note{color:#555;font-size:.9em}
.kpi{display:inline-block;margin:0 2em 1em 0}
.kpi b{display:block;font-size:1.8em;color:#1b4f72}
"""


def _png(fig: Any) -> str:
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        # Urdu unit names may lack glyphs in the default font; the chart still renders.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig.savefig(buffer, format="png", dpi=100)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _img(fig: Any, alt: str) -> str:
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{_png(fig)}">'


def _table(name: str, frame: pl.DataFrame) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    body = []
    for row in frame.iter_rows():
        cells = "".join(f"<td>{html.escape(_cell(v))}</td>" for v in row)
        body.append(f"<tr>{cells}</tr>")
    return (
        f'<table><caption class="note">{html.escape(name)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def _cell(v: Any) -> str:
    if v is None:
        return ""
    return f"{v:.1f}" if isinstance(v, float) else str(v)


def _normalization_quality(
    frame: pl.DataFrame, hidden: dict[str, str], mapping: pl.DataFrame
) -> list[str]:
    """Render the normalization quality table (``tipsom.quality``) if present.

    Units are named by the registry or a neutral code; the figures of units in
    ``hidden`` (small units, or of a withheld source type) are withheld, and dates are
    shown to the month.
    """
    import tipsom

    quality = getattr(tipsom, "quality", None)
    if quality is None:
        return []
    try:
        table = to_polars(quality(frame))
    except TipsomError as err:
        return [
            f'<p class="note">tipsom.quality could not run: {html.escape(str(err))}</p>'
        ]
    if "source" in table.columns:
        how = [hidden.get(v) for v in table["source"].cast(pl.String).to_list()]
        row = pl.Series([h == "row" for h in how])
        count = pl.Series([h is not None for h in how])
        published = relabel(table, "source", mapping)
        table = published.with_columns(
            [
                pl.when(row | (count & c.startswith("n_")))
                .then(pl.lit(SUPPRESSED_MARK))
                .otherwise(_month_or_text(c, published.schema[c]))
                .alias(c)
                for c in published.columns
                if c != "source"
            ]
        )
    return [_table("Data quality by source and check (normalization)", table)]


def _month_or_text(column: str, dtype: Any) -> pl.Expr:
    col = pl.col(column)
    if dtype == pl.Date:
        return col.dt.strftime("%Y-%m")
    if dtype in (pl.Float64, pl.Float32):
        return col.round(3).cast(pl.String)
    return col.cast(pl.String)


def _section(sid: str, title: str, parts: list[str]) -> str:
    inner = (
        "\n".join(parts) if parts else '<p class="note">No data for this section.</p>'
    )
    return f'<section id="{sid}">\n<h2>{html.escape(title)}</h2>\n{inner}\n</section>'


def report(
    records: Any,
    linkage: Any = None,
    *,
    path: str | Path = "report.html",
    suspects: Any = None,
    returns: Any = None,
    title: str = "Trafficking in persons and smuggling of migrants: detected victims",
    unit: Literal["person", "record"] = "person",
    suppress_below: int | None = 5,
    round_to: int | None = None,
    census: Literal[2017, 2023] | Any = 2023,
) -> Path:
    """Write one self-contained, offline HTML report of all the indicators.

    Parameters
    ----------
    records
        Normalized victim records (polars or pandas), or a Linkage.
    linkage
        The Linkage from ``tipsom.deduplicate`` (counts unique persons). Without it each
        record counts as a person and the report says so.
    path
        Where to write the HTML file.
    suspects
        Optional suspects frame (see ``tipsom.indicators.justice``) for the justice
        section.
    returns
        Optional monthly returns (stock and flow) for the balance checks.
    title
        Heading of the report.
    unit
        Count persons (default) or records.
    suppress_below, round_to
        Disclosure control: withhold counts below the threshold (default 5, with
        secondary suppression), or round to a base instead. ``suppress_below=None``
        without ``round_to`` writes exact counts and marks the report NOT FOR
        PUBLICATION.
    census
        Population for the rates: 2023, 2017, or a frame with ``province`` and
        ``population``.

    Returns
    -------
    pathlib.Path
        The file written.
    """
    import matplotlib

    matplotlib.use("Agg", force=False)
    frame, has_person = _persons.records_of(records, linkage)
    if frame.height == 0:
        msg = "no records to report on: the data are empty"
        raise InvalidArgumentError(msg)
    with _persons.person_cache(frame, _persons.linked_persons(records, linkage)):
        document = _document(
            frame,
            has_person=has_person,
            suspects=suspects,
            returns=returns,
            title=title,
            unit=unit,
            suppress_below=suppress_below,
            round_to=round_to,
            census=census,
        )
    path = Path(path)
    path.write_text(document, encoding="utf-8")
    return path


def _document(
    frame: pl.DataFrame,
    *,
    has_person: bool,
    suspects: Any,
    returns: Any,
    title: str,
    unit: Literal["person", "record"],
    suppress_below: int | None,
    round_to: int | None,
    census: Any,
) -> str:
    if not has_person:
        unit_used: Literal["person", "record"] = "record"
    else:
        unit_used = unit
    if suppress_below is not None and round_to is not None:
        msg = "give either `suppress_below` or `round_to`, not both"
        raise InvalidArgumentError(msg)
    chart_dc = suppress_below if round_to is None else None
    cols = set(frame.columns)

    def draw() -> dict[str, Any]:
        # Child/adult and years: the tables' own categories, so that the charts are
        # cells of the release's tables and share their suppression pattern.
        figs: dict[str, Any] = {}
        if {"sex", "age_group"} <= cols or "sex_age" in cols:
            figs["pyramid"] = charts.pyramid(
                frame, unit=unit_used, suppress_below=chart_dc, bands="age_group"
            )
        if "exploitation" in cols:
            figs["exploitation"] = charts.exploitation(
                frame, unit=unit_used, suppress_below=chart_dc
            )
        if "date" in cols:
            figs["trends"] = charts.trends(
                frame, unit=unit_used, suppress_below=chart_dc, period="year"
            )
        if has_person and unit_used == "person" and "source" in cols:
            figs["sources"] = charts.sources_per_person(frame, suppress_below=chart_dc)
        return figs

    kept: list[Any] = []
    tables = release_tables(
        frame,
        has_person=has_person,
        suspects=suspects,
        returns=returns,
        unit=unit_used,
        suppress_below=suppress_below,
        round_to=round_to,
        census=census,
        release=kept,
        charts=draw,
    )
    token = FIXED.set(kept[0].fixed_patterns())
    try:
        figures = draw()
    finally:
        FIXED.reset(token)

    def tables_for(*names: str) -> list[str]:
        return [_table(n, tables[n]) for n in names if n in tables]

    counted, _ = _persons.counting_frame(frame, None, unit_used, ("year",))
    n_units = counted.height
    joint = suppress_below is not None and round_to is None
    rel = kept[0]
    # The count of persons and of records are the grand totals of the release's
    # victim and quality tables: shown as the release's pattern shows them.
    summary_grid = rel.grid("Summary: persons") if joint else None
    quality_grid = rel.grid("Data quality by source") if joint else None
    shown = (
        SUPPRESSED_MARK
        if summary_grid is not None and not summary_grid.shown(0, 0)
        else f"{n_units:,}"
    )
    n_records = (
        SUPPRESSED_MARK
        if quality_grid is not None and quality_grid.grand_status != "published"
        else f"{frame.height:,}"
    )
    period = ""
    if "date" in frame.columns:
        dates = frame["date"].drop_nulls()
        if dates.len():
            period = f"{dates.min()} to {dates.max()}"
    n_sources = frame["source"].n_unique() if "source" in frame.columns else 0
    what = "persons" if unit_used == "person" else "victim records"
    today = dt.date.today().isoformat()
    kpis = [
        f'<div class="kpi"><b>{shown}</b>{what}</div>',
        f'<div class="kpi"><b>{n_records}</b>records</div>',
        f'<div class="kpi"><b>{n_sources}</b>sources</div>',
    ]
    summary = [
        "".join(kpis),
        f"<p>Period: {html.escape(period or 'unknown')}. "
        f"Generated {today} by tipsom.</p>",
    ]
    if not has_person:
        summary.append(
            '<p class="note"><b>No record linkage:</b> each record is counted as one '
            "victim, so "
            "victims recorded by more than one unit are counted more than once.</p>"
        )
    if suppress_below is None and round_to is None:
        summary.append("<p><b>EXACT COUNTS: NOT FOR PUBLICATION.</b></p>")

    sections: dict[str, list[str]] = {sid: [] for sid, _ in SECTIONS}
    sections["summary"] = summary
    if {"sex", "age_group"} <= set(frame.columns) or "sex_age" in frame.columns:
        sections["victims"] = [
            _img(
                figures["pyramid"],
                "sex-age pyramid",
            ),
            *tables_for("Victims by year and sex-age"),
        ]
    if "exploitation" in frame.columns:
        sections["exploitation"] = [
            _img(
                figures["exploitation"],
                "exploitation by sex and age",
            ),
            *tables_for("Victims by form of exploitation and sex-age"),
            '<p class="note">GLOTIP forms: each victim counts once. Bonded labour and '
            "domestic servitude count under forced labour; a victim recorded with "
            "several forms counts under mixed (other purposes).</p>",
        ]
    sections["citizenship"] = tables_for(
        "Victims by citizenship and sex-age",
        "Victims by national or foreign citizenship and sex-age",
    )
    protection = tables_for("Victims by protection status and sex-age")
    if protection:
        protection.append(
            '<p class="note">Outcomes recorded by shelters and protection units '
            "(Darul Aman, restored to family, repatriated...), never a case status.</p>"
        )
    sections["protection"] = protection
    sections["geography"] = tables_for(
        "Victims by province and sex",
        "Victims per 100,000 population by province",
        "Victims per 100,000 population by province and sex",
    )
    if "date" in frame.columns:
        sections["trends"] = [
            _img(figures["trends"], "trends"),
            *tables_for("Victims and smuggled migrants by year and crime type"),
        ]
    justice_parts = tables_for(
        "Persons suspected, prosecuted and convicted by sex",
        "Persons suspected, prosecuted and convicted by citizenship",
        "Case funnel",
        "Days from FIR to challan and verdict",
    )
    if "Case funnel" in tables:
        # The chart shows the table's numbers: a withheld step is withheld there.
        steps = tables["Case funnel"]
        drawn = pl.DataFrame(
            {
                "step": steps["step"],
                "cases": [
                    None if v == SUPPRESSED_MARK else int(v.replace(",", ""))
                    for v in steps["cases"].to_list()
                ],
            },
            schema={"step": pl.String, "cases": pl.Int64},
        )
        justice_parts.insert(0, _img(charts.funnel(drawn), "justice funnel"))
    sections["justice"] = justice_parts
    if "Monthly returns: balance checks" in tables:
        checked = tables["Monthly returns: balance checks"]
        bad = checked.filter(pl.col("issues") != "")
        sections["returns"] = [
            f"<p>{bad.height} of {checked.height} monthly returns fail a check "
            "(brought forward + new − disposed = pending; "
            "brought forward = last month's pending).</p>",
            _table(
                "Returns with findings" if bad.height else "Monthly returns",
                bad if bad.height else checked,
            ),
        ]
    roles = tables_for("Persons recorded by role and sex")
    if roles:
        sections["summary"].extend(
            [
                '<p class="note">Counted: victims of trafficking (crime type tip or '
                "both, or not recorded), once each. Smuggled migrants, accused persons, "
                "complainants, witnesses and deportees (booked under Emigration "
                "Ordinance s.17(1)) are listed below and not counted as victims.</p>",
                *roles,
            ]
        )
    source_parts = tables_for(
        "Victims by source type", "Victims by number of sources that recorded them"
    )
    if has_person and unit_used == "person" and "source" in frame.columns:
        source_parts.insert(
            0,
            _img(
                figures["sources"],
                "sources per person",
            ),
        )
    sections["sources"] = source_parts
    hidden = (
        withheld_units(frame, tables, suppress_below, rel)
        if suppress_below is not None and round_to is None
        else {}
    )
    small = [u for u, h in hidden.items() if h == "row"]
    mapping = unit_labels(frame, returns) if "source" in frame.columns else None
    shown_units = relabel(
        frame.filter(~pl.col("source").cast(pl.String).is_in(small))
        if "source" in frame.columns
        else frame,
        "source",
        mapping,
    )
    sections["quality"] = [
        _img(charts.quality_heatmap(shown_units), "data quality heat map")
        if shown_units.height
        else "",
        *tables_for("Data quality by source"),
        *(
            _normalization_quality(frame, hidden, mapping)
            if mapping is not None
            else []
        ),
    ]
    rule = (
        f"Cells counting 1 to {suppress_below - 1} persons are withheld and shown as "
        "<b>x</b>, never as zero; further cells are withheld (secondary suppression) "
        "so that no withheld "
        "cell can be narrowed to fewer than "
        f"{suppress_below} values from any combination of the tables of this report "
        "(their totals, shared margins and rates). Units not in the registry of unit "
        "names are shown as unit 1, unit 2..."
        if suppress_below
        else (
            f"Counts are rounded to multiples of {round_to}; "
            "a non-zero count is never shown as zero."
            if round_to
            else "No disclosure control was applied."
        )
    )
    sections["methods"] = [
        f"<p>{rule}</p>",
        "<p>Persons are counted once however many units recorded them (record "
        "linkage). A person's sex, age group, nationality and place come from all "
        "their records: the most frequent known value, ties going to the earliest "
        "record; their year is that of their first record. Rates use the Pakistan "
        "census population (PBS) and exact Poisson (Garwood) 95% intervals; shares "
        "and conviction rates use Wilson intervals.</p>",
    ]
    if not sections["returns"]:
        sections["returns"] = [
            '<p class="note">No monthly returns were given (pass <code>returns=</code> '
            "to check their stock-and-flow balances).</p>"
        ]
    body = "\n".join(_section(sid, t, sections[sid]) for sid, t in SECTIONS)
    nav = " · ".join(f'<a href="#{sid}">{html.escape(t)}</a>' for sid, t in SECTIONS)
    document = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title><style>{_CSS}</style></head>
<body><h1>{html.escape(title)}</h1><nav class="note">{nav}</nav>
{body}
</body></html>
"""
    return document


__all__ = ["SECTIONS", "report"]
