"""A data-entry template for circles: one bilingual workbook in the canonical schema.

:func:`write` makes the Excel workbook headquarters sends to every unit each month: one
row per person per case, headers in English and Urdu, drop-down lists taken from tipsom's
reference tables (districts, law sections, sex, role, case and protection status, forms
of exploitation), data validation for CNIC/B-form numbers (13 digits, a known province
digit), dates and ages, protected header rows and an instructions sheet. A filled
template reads back through :func:`tipsom.read_returns` with every column mapped (the
template's headers are in the reader's alias table, :data:`TEMPLATE_ALIASES`).

Writing needs ``openpyxl`` (``pip install tipsom[excel]``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from tipsom._frame import to_polars
from tipsom.exceptions import InvalidArgumentError, SchemaError
from tipsom.indicators._codes import LEVELS

__all__ = ["TEMPLATE_ALIASES", "TEMPLATE_COLUMNS", "TemplateColumn", "write"]


@dataclass(frozen=True)
class TemplateColumn:
    """One column of the template.

    Attributes
    ----------
    field
        The field the reader maps it to (canonical where the schema has one).
    english, urdu
        The header, printed as ``"English / Urdu"``.
    group
        provenance, case, person, elements or protection.
    kind
        ``text``, ``date``, ``age``, ``cnic``, ``month``, ``count`` or ``list:<name>``
        (a drop-down from the named reference list).
    help
        What to enter, shown when the cell is selected and on the instructions sheet.
    """

    field: str
    english: str
    urdu: str
    group: str
    kind: str
    help: str

    @property
    def header(self) -> str:
        """The printed header."""
        return f"{self.english} / {self.urdu}"


_YES_NO = ["yes", "no", "unknown"]

#: The template's columns, in order.
TEMPLATE_COLUMNS: tuple[TemplateColumn, ...] = (
    # provenance
    TemplateColumn("source", "Reporting unit", "رپورٹنگ یونٹ", "provenance", "text",
                   "Name of the circle or unit sending this return."),
    TemplateColumn("period", "Reporting month", "ماہ رپورٹ", "provenance", "month",
                   "The month this return covers, as YYYY-MM (e.g. 2025-06)."),
    TemplateColumn("focal_person", "Focal person", "فوکل پرسن", "provenance", "text",
                   "Name and designation of the data focal person."),
    TemplateColumn("date_of_report", "Date submitted", "تاریخ ارسال", "provenance", "date",
                   "Date the return is sent to headquarters."),
    TemplateColumn("revision", "Revision", "نظرثانی نمبر", "provenance", "count",
                   "0 for the first return of the month; 1, 2... when a corrected return replaces it."),
    # case
    TemplateColumn("case_id", "Case or enquiry number", "کیس / انکوائری نمبر", "case", "text",
                   "The unit's case or enquiry number; the same for every person of one case."),
    TemplateColumn("fir_no", "FIR number", "ایف آئی آر نمبر", "case", "text",
                   "FIR number and year, e.g. 123/2025."),
    TemplateColumn("police_station", "Police station", "تھانہ", "case", "text",
                   "Police station or FIA circle police station of the FIR."),
    TemplateColumn("date", "Date of FIR or identification", "تاریخ ایف آئی آر / شناخت", "case", "date",
                   "Date of the FIR, or when the person was identified or rescued."),
    TemplateColumn("district", "District of occurrence", "ضلع وقوعہ", "case", "list:district",
                   "District (2023 census name) from the list."),
    TemplateColumn("law_sections", "Sections of law", "دفعات قانون", "case", "list:law_section",
                   "Sections, e.g. PTPA-2018:3 or PSMA-2018:3; several separated by ';'."),
    TemplateColumn("case_status", "Case status", "مقدمہ کی صورتحال", "case", "list:case_status",
                   "Stage of the case from the list."),
    TemplateColumn("date_of_challan", "Challan date", "تاریخ چالان", "case", "date",
                   "Date the challan (charge sheet) was submitted in court."),
    TemplateColumn("date_of_verdict", "Verdict date", "تاریخ فیصلہ", "case", "date",
                   "Date of the court's judgment."),
    TemplateColumn("sentence", "Sentence", "سزا", "case", "text",
                   "Sentence awarded, e.g. 3 years and fine Rs 50,000."),
    # person
    TemplateColumn("role", "Role of person", "شخص کا کردار", "person", "list:role",
                   "Victim, smuggled migrant, accused..."),
    TemplateColumn("name", "Name of person", "نام", "person", "text",
                   "Full name only; no S/O, D/O or W/O here."),
    TemplateColumn("father_name", "Father's name", "والد کا نام", "person", "text",
                   "Father's name only."),
    TemplateColumn("husband_name", "Husband's name", "شوہر کا نام", "person", "text",
                   "Husband's name, for a married woman; else blank."),
    TemplateColumn("sex", "Sex of person", "جنس", "person", "list:sex",
                   "female, male or transgender (unknown only if not known)."),
    TemplateColumn("date_of_birth", "Date of birth", "تاریخ پیدائش", "person", "date",
                   "Date of birth if known; else give the age."),
    TemplateColumn("age", "Age in years", "عمر (سال)", "person", "age",
                   "Age in completed years at the date of the case (0-120)."),
    TemplateColumn("cnic", "CNIC or B-form number", "شناختی کارڈ / ب فارم نمبر", "person", "cnic",
                   "13 digits without dashes; the first digit is the province (1-8)."),
    TemplateColumn("passport", "Passport number", "پاسپورٹ نمبر", "person", "text",
                   "Passport number, if any."),
    TemplateColumn("nationality", "Nationality of person", "قومیت", "person", "list:nationality",
                   "Nationality, e.g. Pakistan, Afghanistan."),
    # elements
    TemplateColumn("act", "Act", "عمل", "elements", "list:act",
                   "What was done: recruitment, transport, transfer, harbouring, receipt."),
    TemplateColumn("means", "Means", "ذرائع", "elements", "list:means",
                   "How: force, fraud, coercion, deception, abuse of vulnerability..."),
    TemplateColumn("exploitation", "Form of exploitation", "استحصال کی قسم", "elements", "list:exploitation",
                   "Purpose of the trafficking; blank for smuggling."),
    TemplateColumn("border_crossed", "Border crossed", "سرحد عبور", "elements", "list:yes_no",
                   "yes if the person was moved across an international border."),
    TemplateColumn("attempt", "Attempt only", "صرف کوشش", "elements", "list:yes_no",
                   "yes if the offence was attempted (e.g. intercepted at the airport)."),
    TemplateColumn("route", "Route", "راستہ", "elements", "text",
                   "Places passed through, e.g. Quetta - Taftan - Iran - Turkey."),
    TemplateColumn("destination", "Destination country", "منزل ملک", "elements", "list:nationality",
                   "Country the person was taken or going to."),
    # protection
    TemplateColumn("referred_to", "Referred to", "حوالہ کیا گیا", "protection", "text",
                   "Organisation the person was referred to (shelter, NGO, hospital)."),
    TemplateColumn("protection_status", "Shelter or protection status", "پناہ / تحفظ کی صورتحال", "protection", "list:protection_status",
                   "Outcome for the person from the list."),
    TemplateColumn("repatriation", "Repatriation", "وطن واپسی", "protection", "list:yes_no",
                   "yes if the person was repatriated."),
    TemplateColumn("remarks", "Remarks", "ریمارکس", "protection", "text",
                   "Anything else headquarters should know."),
)  # fmt: skip

#: Header → field for every template column; :func:`tipsom.read_returns` applies these
#: before the user's ``aliases=``.
TEMPLATE_ALIASES: dict[str, str] = {c.header: c.field for c in TEMPLATE_COLUMNS}

_CASE_STATUS = [
    "investigation",
    "prosecution",
    "convicted",
    "acquitted",
    "absconding",
    "closed",
    "unknown",
]
_ACTS = ["recruitment", "transportation", "transfer", "harbouring", "receipt"]
_MEANS = [
    "force",
    "threat",
    "coercion",
    "abduction",
    "fraud",
    "deception",
    "abuse of power",
    "abuse of vulnerability",
    "payment",
    "none (child)",
]
_NATIONALITIES = [
    "Pakistan",
    "Afghanistan",
    "Bangladesh",
    "India",
    "Iran",
    "Myanmar",
    "Nepal",
    "Sri Lanka",
    "China",
    "Iraq",
    "Oman",
    "Qatar",
    "Saudi Arabia",
    "Turkey",
    "United Arab Emirates",
    "Greece",
    "Italy",
    "Libya",
    "Spain",
    "United Kingdom",
]

_HEADER_ROW = 3  # rows 1-2: title and instruction line; row 3: the header
_FIRST_DATA_ROW = _HEADER_ROW + 1
_SHEET = "Return"
_LISTS = "Lists"


def _reference_lists() -> dict[str, list[str]]:
    from importlib.resources import files

    from tipsom.normalize import default_law_table

    districts = pl.read_csv(
        files("tipsom").joinpath("data/census_districts.csv").read_bytes()
    )["district"].to_list()
    laws = default_law_table().filter(pl.col("section") != "*")
    sections = [f"{a}:{b}" for a, b in laws.select("law", "section").iter_rows()]
    return {
        "district": sorted(districts),
        "law_section": sections,
        "case_status": _CASE_STATUS,
        "role": LEVELS["role"],
        "sex": LEVELS["sex"],
        "nationality": _NATIONALITIES,
        "act": _ACTS,
        "means": _MEANS,
        "exploitation": [e for e in LEVELS["exploitation"] if e != "mixed"],
        "yes_no": _YES_NO,
        "protection_status": LEVELS["protection_status"],
    }


_INSTRUCTIONS_EN = [
    "How to fill this return",
    "1. One row per person per case: a case with three victims and two accused has five rows.",
    "2. Fill the provenance columns (unit, month, focal person, date submitted, revision) on every row.",
    "3. Choose from the drop-down lists where a column has one; several sections or forms: separate with ';'.",
    "4. CNIC or B-form: 13 digits, no dashes; the first digit is the province (1-8).",
    "5. Dates as dates (day/month/year); age in completed years; leave a cell blank when not known.",
    "6. Write father's and husband's names in their own columns, not 'S/O' or 'W/O' in the name.",
    "7. A corrected return: send the whole month again with the revision number raised by one.",
    "8. Do not change, move or add header cells; they are protected.",
]
_INSTRUCTIONS_UR = [
    "یہ گوشوارہ کیسے پُر کریں",
    "1۔ ہر مقدمے میں ہر شخص کی ایک قطار: تین متاثرین اور دو ملزمان والے مقدمے کی پانچ قطاریں۔",
    "2۔ ہر قطار پر یونٹ، مہینہ، فوکل پرسن، تاریخ ارسال اور نظرثانی نمبر لکھیں۔",
    "3۔ جہاں فہرست موجود ہو وہاں فہرست سے انتخاب کریں؛ ایک سے زیادہ دفعات کو ';' سے الگ کریں۔",
    "4۔ شناختی کارڈ / ب فارم: 13 ہندسے، ڈیش کے بغیر؛ پہلا ہندسہ صوبہ ہے (1-8)۔",
    "5۔ تاریخیں بطور تاریخ (دن/مہینہ/سال)؛ عمر مکمل سالوں میں؛ معلوم نہ ہو تو خانہ خالی چھوڑیں۔",
    "6۔ والد اور شوہر کے نام اپنے کالم میں لکھیں، نام کے ساتھ ولد یا زوجہ نہ لکھیں۔",
    "7۔ درست شدہ گوشوارہ: پورا مہینہ دوبارہ بھیجیں اور نظرثانی نمبر ایک بڑھا دیں۔",
    "8۔ عنوان کے خانے تبدیل نہ کریں؛ وہ محفوظ ہیں۔",
]


def _check_period(period: str) -> str:
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", str(period)):
        msg = f"`period` must be a month as 'YYYY-MM', got {period!r}"
        raise InvalidArgumentError(msg)
    return str(period)


def _cell_value(column: TemplateColumn, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    if column.kind == "date":
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            return str(value)
    if column.kind in ("age", "count"):
        try:
            return int(value)
        except (TypeError, ValueError):
            return str(value)
    return str(value)


def write(
    path: str | os.PathLike[str],
    *,
    unit: str,
    period: str,
    records: Any = None,
    focal_person: str | None = None,
    date_submitted: str | dt.date | None = None,
    revision: int = 0,
    blank_rows: int = 200,
    password: str | None = None,
) -> Path:
    """Write the bilingual data-entry template (optionally filled with records).

    Parameters
    ----------
    path
        The ``.xlsx`` file to write (replaced if it exists).
    unit
        The reporting unit, printed in the title and pre-filled on every row.
    period
        The month the return covers, ``"YYYY-MM"``.
    records
        Rows to fill in (polars or pandas), with columns named by the template's fields
        (:data:`TEMPLATE_COLUMNS`); columns the template lacks are an error, missing ones
        stay blank. List values are joined with ``"; "``. The provenance columns are
        taken from the other arguments unless the records carry them.
    focal_person, date_submitted, revision
        Provenance pre-filled on every row.
    blank_rows
        Empty rows prepared (with validation) below the filled ones.
    password
        Password of the sheet protection (headers locked, data cells editable). The
        protection keeps headers from being changed by accident; it is not security.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    InvalidArgumentError
        For a malformed period, a negative revision or blank rows.
    SchemaError
        When ``records`` has columns the template has no place for.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import tipsom as ts
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> p = write(d / "lahore_2025-06.xlsx", unit="FIA AHTC Lahore", period="2025-06")
    >>> p.name
    'lahore_2025-06.xlsx'
    """
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font, PatternFill, Protection
        from openpyxl.utils import get_column_letter, quote_sheetname
        from openpyxl.worksheet.datavalidation import DataValidation
    except ImportError as err:  # pragma: no cover - depends on the environment
        msg = "writing the template needs openpyxl: pip install 'tipsom[excel]'"
        raise ImportError(msg) from err
    period = _check_period(period)
    if isinstance(revision, bool) or not isinstance(revision, int) or revision < 0:
        msg = f"`revision` must be a non-negative integer, got {revision!r}"
        raise InvalidArgumentError(msg)
    if (
        isinstance(blank_rows, bool)
        or not isinstance(blank_rows, int)
        or blank_rows < 0
    ):
        msg = f"`blank_rows` must be a non-negative integer, got {blank_rows!r}"
        raise InvalidArgumentError(msg)
    by_field = {c.field: c for c in TEMPLATE_COLUMNS}
    frame = None
    if records is not None:
        frame = to_polars(records, argument="records")
        extra = [c for c in frame.columns if c not in by_field]
        if extra:
            msg = (
                f"`records` has columns the template has no place for: "
                f"{', '.join(extra)}; template fields: {', '.join(by_field)}"
            )
            raise SchemaError(msg)
    if isinstance(date_submitted, str):
        date_submitted = dt.date.fromisoformat(date_submitted)
    defaults: dict[str, Any] = {
        "source": unit,
        "period": period,
        "focal_person": focal_person,
        "date_of_report": date_submitted,
        "revision": revision,
    }

    wb = Workbook()
    ws = wb.active
    ws.title = _SHEET
    lists = _reference_lists()

    # Lists sheet (hidden): one column per reference list, named ranges for validation.
    ls = wb.create_sheet(_LISTS)
    list_ranges: dict[str, str] = {}
    for j, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(j)
        ls.cell(row=1, column=j, value=name)
        for i, v in enumerate(values, start=2):
            ls.cell(row=i, column=j, value=v)
        list_ranges[name] = (
            f"{quote_sheetname(_LISTS)}!${letter}$2:${letter}${len(values) + 1}"
        )
    ls.sheet_state = "hidden"

    # Title rows and header.
    n_cols = len(TEMPLATE_COLUMNS)
    ws.cell(row=1, column=1, value=f"{unit}: monthly return {period} / ماہانہ گوشوارہ")
    ws.cell(row=1, column=1).font = Font(bold=True, size=13)
    ws.cell(
        row=2,
        column=1,
        value="One row per person per case; see the Instructions sheet / "
        "ہدایات کا صفحہ دیکھیں",
    )
    fills = {
        "provenance": "DDEBF7",
        "case": "E2EFDA",
        "person": "FFF2CC",
        "elements": "FCE4D6",
        "protection": "EDEDED",
    }
    for j, col in enumerate(TEMPLATE_COLUMNS, start=1):
        cell = ws.cell(row=_HEADER_ROW, column=j, value=col.header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.fill = PatternFill("solid", fgColor=fills[col.group])
        ws.column_dimensions[get_column_letter(j)].width = max(
            14, min(30, len(col.english) + 6)
        )
    ws.row_dimensions[_HEADER_ROW].height = 45
    ws.freeze_panes = ws.cell(row=_FIRST_DATA_ROW, column=3)

    # Data rows.
    rows: list[dict[str, Any]] = frame.to_dicts() if frame is not None else []
    last_row = _HEADER_ROW + len(rows) + blank_rows
    for i, rec in enumerate(rows, start=_FIRST_DATA_ROW):
        for j, col in enumerate(TEMPLATE_COLUMNS, start=1):
            value = rec.get(col.field)
            if value is None and col.field in defaults:
                value = defaults[col.field]
            ws.cell(row=i, column=j, value=_cell_value(col, value))
    formats = {"date": "yyyy-mm-dd", "cnic": "@", "month": "@", "text": "@"}
    for j, col in enumerate(TEMPLATE_COLUMNS, start=1):
        fmt = formats.get(col.kind, "@" if col.kind.startswith("list:") else "0")
        for i in range(_FIRST_DATA_ROW, last_row + 1):
            cell = ws.cell(row=i, column=j)
            cell.protection = Protection(locked=False)
            cell.number_format = fmt

    # Validation.
    if last_row >= _FIRST_DATA_ROW:
        for j, col in enumerate(TEMPLATE_COLUMNS, start=1):
            letter = get_column_letter(j)
            ref = f"{letter}{_FIRST_DATA_ROW}:{letter}{last_row}"
            first = f"{letter}{_FIRST_DATA_ROW}"
            dv = _validation(DataValidation, col, first, list_ranges)
            if dv is None:
                continue
            dv.prompt = col.help
            dv.promptTitle = col.english[:32]
            dv.showInputMessage = True
            dv.add(ref)
            ws.add_data_validation(dv)

    ws.protection.sheet = True
    ws.protection.formatRows = False
    ws.protection.formatColumns = False
    ws.protection.insertRows = False
    ws.protection.deleteRows = False
    ws.protection.sort = False
    ws.protection.autoFilter = False
    if password:
        ws.protection.password = password
    ws.auto_filter.ref = f"A{_HEADER_ROW}:{get_column_letter(n_cols)}{last_row}"

    # Instructions sheet.
    ins = wb.create_sheet("Instructions", 0)
    ins.sheet_view.rightToLeft = False
    r = 1
    for en, ur in zip(_INSTRUCTIONS_EN, _INSTRUCTIONS_UR, strict=True):
        ins.cell(row=r, column=1, value=en)
        c = ins.cell(row=r, column=2, value=ur)
        c.alignment = Alignment(horizontal="right", readingOrder=2)
        r += 1
    r += 1
    ins.cell(row=r, column=1, value="The columns / کالم").font = Font(bold=True)
    for k, col in enumerate(TEMPLATE_COLUMNS, start=1):
        r += 1
        # One sentence per cell, so that the reader never takes this list for a table.
        ins.cell(row=r, column=1, value=f"{k}. {col.english} ({col.urdu}): {col.help}")
    ins.column_dimensions["A"].width = 110
    ins.column_dimensions["B"].width = 90
    ins.protection.sheet = True
    if password:
        ins.protection.password = password
    wb.active = wb.worksheets.index(ws)

    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def _validation(
    DataValidation: Any,
    col: TemplateColumn,
    first: str,
    list_ranges: dict[str, str],
) -> Any:
    if col.kind.startswith("list:"):
        name = col.kind.split(":", 1)[1]
        # Multi-valued columns (sections, forms) accept free text such as "a; b".
        strict = name not in ("law_section", "exploitation", "nationality", "means")
        return DataValidation(
            type="list",
            formula1=f"={list_ranges[name]}",
            allow_blank=True,
            showErrorMessage=strict,
            errorStyle="stop" if strict else "warning",
            error="Choose a value from the list / فہرست سے انتخاب کریں",
        )
    if col.kind == "date":
        return DataValidation(
            type="date",
            operator="between",
            formula1="DATE(1900,1,1)",
            formula2="DATE(2100,12,31)",
            allow_blank=True,
            showErrorMessage=True,
            error="Enter a date / تاریخ درج کریں",
        )
    if col.kind == "age":
        return DataValidation(
            type="whole",
            operator="between",
            formula1="0",
            formula2="120",
            allow_blank=True,
            showErrorMessage=True,
            error="Age in whole years, 0-120 / عمر 0 سے 120 سال",
        )
    if col.kind == "count":
        return DataValidation(
            type="whole",
            operator="greaterThanOrEqual",
            formula1="0",
            allow_blank=True,
            showErrorMessage=True,
            error="A whole number, 0 or more",
        )
    if col.kind == "cnic":
        formula = (
            f'AND(LEN({first})=13,ISNUMBER(--{first}),LEFT({first},1)>="1",'
            f'LEFT({first},1)<="8")'
        )
        return DataValidation(
            type="custom",
            formula1=formula,
            allow_blank=True,
            showErrorMessage=True,
            error="13 digits, no dashes; first digit 1-8 / 13 ہندسے، ڈیش کے بغیر",
        )
    if col.kind == "month":
        return DataValidation(
            type="textLength",
            operator="equal",
            formula1="7",
            allow_blank=True,
            showErrorMessage=True,
            error="The month as YYYY-MM",
        )
    return None


def fields() -> list[str]:
    """The template's field names, in column order.

    Examples
    --------
    >>> fields()[:3]
    ['source', 'period', 'focal_person']
    """
    return [c.field for c in TEMPLATE_COLUMNS]
