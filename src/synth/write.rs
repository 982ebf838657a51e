//! Writing generated records as the files units actually send: one or more CSV or Excel files
//! per unit, each in the unit's house style.
//!
//! A house style (data in `data/sources.json`) fixes the title rows naming the unit and the
//! period, the header spellings (English abbreviations such as `F/Name`, `U/S`, `CNIC/B-Form`,
//! or Urdu), merged group headers, blank rows, a header repeated at page breaks, a TOTAL row,
//! signature rows, how sheets split the records (per month or year), extra sheets (a
//! stock-and-flow summary, notes) that hold no victim records, CNICs and phones stored as
//! numbers, dates as Excel date cells, and the text encoding and delimiter of CSV files
//! (UTF-8, UTF-8 with BOM, Windows-1252, UTF-16 LE; comma, semicolon, tab).
//!
//! Each written record's location is returned as a spreadsheet user sees it (file, sheet,
//! 1-based row; for CSV the record number counting title lines and the header), so tests can
//! join what a reader returns back to the ground truth.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet};

use super::data::{reference, Source, Style};
use crate::error::{Error, Location, Result};
use crate::table::Table;

/// Options of [`write_returns`].
#[derive(Debug, Clone, Default)]
pub struct WriteOptions {
    /// Replace files that already exist (otherwise an existing file is an error).
    pub overwrite: bool,
}

/// Where one record was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordLocation {
    /// The record's `record_id`.
    pub record_id: String,
    /// File name (without directory).
    pub file_name: String,
    /// Worksheet name; `None` for CSV.
    pub sheet: Option<String>,
    /// 1-based row as a spreadsheet program shows it (CSV: record number counting title rows).
    pub row: u32,
}

/// One written file.
#[derive(Debug, Clone)]
pub struct WrittenFile {
    /// Full path.
    pub path: PathBuf,
    /// File name (without directory).
    pub file_name: String,
    /// `csv` or `xlsx`.
    pub format: String,
    /// Text encoding of a CSV file (`utf-8`, `utf-8-bom`, `windows-1252`, `utf-16le`).
    pub encoding: Option<String>,
    /// Field delimiter of a CSV file.
    pub delimiter: Option<String>,
    /// Worksheet names in order (record sheets and any others); empty for CSV.
    pub sheets: Vec<String>,
    /// The unit as the `source` column names it.
    pub source: String,
    /// The unit as its title rows print it.
    pub source_title: String,
    /// House style identifier.
    pub style: String,
    /// Every record written to this file.
    pub records: Vec<RecordLocation>,
}

/// A row of a sheet as laid out before writing.
enum Row {
    Title(String),
    Blank,
    Group,
    Header,
    Record(usize, usize),
    Total(usize),
    Text(String),
}

struct Sheet {
    name: String,
    period: String,
    rows: Vec<usize>,
}

fn month_name(m: u32) -> &'static str {
    reference().vocab.months[m as usize - 1].as_str()
}

fn period_label(dates: &[NaiveDate]) -> String {
    match (dates.iter().min(), dates.iter().max()) {
        (Some(a), Some(b)) if (a.year(), a.month()) == (b.year(), b.month()) => {
            format!("{} {}", month_name(a.month()), a.year())
        }
        (Some(a), Some(b)) => format!(
            "{} {} to {} {}",
            month_name(a.month()),
            a.year(),
            month_name(b.month()),
            b.year()
        ),
        _ => String::new(),
    }
}

fn years_label(dates: &[NaiveDate]) -> String {
    match (
        dates.iter().map(Datelike::year).min(),
        dates.iter().map(Datelike::year).max(),
    ) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}-{b}"),
        _ => "all".into(),
    }
}

/// Splits a unit's rows into sheets (or CSV files) as its style says.
fn split(style: &Style, rows: &[usize], dates: &[Option<NaiveDate>]) -> Vec<Sheet> {
    let key = |i: usize| -> (i32, u32) {
        let d = dates[i];
        match style.sheets.as_str() {
            "by_month" => d.map_or((0, 0), |d| (d.year(), d.month())),
            "by_year" => d.map_or((0, 0), |d| (d.year(), 0)),
            _ => (0, 0),
        }
    };
    let mut groups: BTreeMap<(i32, u32), Vec<usize>> = BTreeMap::new();
    for &i in rows {
        groups.entry(key(i)).or_default().push(i);
    }
    let months_short = &reference().vocab.months_short;
    // Latest period first, as offices put the current month on the first sheet.
    groups
        .into_iter()
        .rev()
        .map(|((y, m), rows)| {
            let ds: Vec<NaiveDate> = rows.iter().filter_map(|&i| dates[i]).collect();
            let name = match (style.sheets.as_str(), y) {
                (_, 0) => "Sheet1".to_owned(),
                ("by_month", _) => format!("{}-{y}", months_short[m as usize - 1]),
                _ => y.to_string(),
            };
            let period = match style.sheets.as_str() {
                "by_month" if y > 0 => format!("{} {y}", month_name(m)),
                "by_year" if y > 0 => format!("January to December {y}"),
                _ => period_label(&ds),
            };
            Sheet { name, period, rows }
        })
        .collect()
}

fn layout(style: &Style, src: &Source, sheet: &Sheet) -> Vec<Row> {
    let mut out = Vec::new();
    for t in &style.title_rows {
        if t.is_empty() {
            out.push(Row::Blank);
        } else {
            out.push(Row::Title(
                t.replace("{title}", &src.title)
                    .replace("{period}", &sheet.period),
            ));
        }
    }
    if !style.group_headers.is_empty() {
        out.push(Row::Group);
    }
    out.push(Row::Header);
    for (k, &i) in sheet.rows.iter().enumerate() {
        if k > 0 && style.repeat_header_every > 0 && k % style.repeat_header_every == 0 {
            // A page break in the typed return: blank line and the header again.
            out.push(Row::Blank);
            out.push(Row::Header);
        } else if k > 0 && style.blank_row_every > 0 && k % style.blank_row_every == 0 {
            out.push(Row::Blank);
        }
        out.push(Row::Record(i, k + 1));
    }
    if !style.total_row.is_empty() {
        out.push(Row::Total(sheet.rows.len()));
    }
    for s in &style.signature {
        out.push(if s.is_empty() {
            Row::Blank
        } else {
            Row::Text(s.clone())
        });
    }
    out
}

struct Columns<'a> {
    fields: Vec<Option<&'a [Option<String>]>>,
}

fn cell<'a>(
    cols: &'a Columns<'_>,
    style: &Style,
    c: usize,
    row: usize,
    serial: usize,
) -> std::borrow::Cow<'a, str> {
    if style.columns[c].0 == "_sr" {
        return serial.to_string().into();
    }
    cols.fields[c]
        .and_then(|v| v[row].as_deref())
        .unwrap_or("")
        .into()
}

fn total_text(style: &Style, n: usize) -> String {
    style.total_row.replace("{n}", &n.to_string())
}

fn csv_bytes(
    style: &Style,
    src: &Source,
    cols: &Columns<'_>,
    rows: &[Row],
    locs: &mut Vec<(usize, u32)>,
) -> Result<Vec<u8>> {
    let delimiter = style.delimiter.as_bytes().first().copied().unwrap_or(b',');
    let mut w = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let width = style.columns.len();
    let io = |e: csv::Error| Error::compute(format!("writing the return of '{}': {e}", src.name));
    for (k, row) in rows.iter().enumerate() {
        let n = u32::try_from(k + 1).unwrap_or(u32::MAX);
        let mut rec: Vec<String> = match row {
            Row::Title(t) | Row::Text(t) => vec![t.clone()],
            Row::Blank | Row::Group => vec![String::new(); width],
            Row::Header => style.columns.iter().map(|c| c.1.clone()).collect(),
            Row::Record(i, serial) => {
                locs.push((*i, n));
                (0..width)
                    .map(|c| cell(cols, style, c, *i, *serial).into_owned())
                    .collect()
            }
            Row::Total(count) => {
                let mut v = vec![String::new(); width];
                let t = total_text(style, *count);
                v[0] = t.clone();
                if t == style.total_row && width > 1 {
                    v[1] = count.to_string();
                }
                v
            }
        };
        if style.pad_titles && matches!(row, Row::Title(_) | Row::Text(_)) {
            rec.resize(width, String::new());
        }
        w.write_record(&rec).map_err(io)?;
    }
    w.into_inner()
        .map_err(|e| Error::compute(format!("writing the return of '{}': {e}", src.name)))
}

fn encode(style: &Style, src: &Source, utf8: Vec<u8>) -> Result<Vec<u8>> {
    let text =
        String::from_utf8(utf8).map_err(|_| Error::compute("csv writer produced invalid UTF-8"))?;
    Ok(match style.encoding.as_str() {
        "utf-8-bom" => {
            let mut v = vec![0xEF, 0xBB, 0xBF];
            v.extend_from_slice(text.as_bytes());
            v
        }
        "windows-1252" => {
            let (bytes, _, had_errors) = encoding_rs::WINDOWS_1252.encode(&text);
            if had_errors {
                return Err(Error::compute(format!(
                    "the return of '{}' holds text that Windows-1252 cannot encode",
                    src.name
                )));
            }
            bytes.into_owned()
        }
        "utf-16le" => {
            let mut v = vec![0xFF, 0xFE];
            for u in text.encode_utf16() {
                v.extend_from_slice(&u.to_le_bytes());
            }
            v
        }
        _ => text.into_bytes(),
    })
}

fn xlsx_err(src: &Source) -> impl Fn(rust_xlsxwriter::XlsxError) -> Error + '_ {
    move |e| Error::compute(format!("writing the workbook of '{}': {e}", src.name))
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

fn write_sheet(
    ws: &mut Worksheet,
    style: &Style,
    src: &Source,
    cols: &Columns<'_>,
    rows: &[Row],
    locs: &mut Vec<(usize, u32)>,
) -> Result<()> {
    let e = xlsx_err(src);
    let bold = Format::new().set_bold();
    let title = Format::new().set_bold().set_align(FormatAlign::Center);
    let header = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_text_wrap();
    let date_fmt = Format::new().set_num_format("dd/mm/yyyy");
    let width = style.columns.len();
    let merge_titles = !style.group_headers.is_empty();
    for (c, (field, _)) in style.columns.iter().enumerate() {
        let w = match field.as_str() {
            "_sr" | "age" | "sex" => 6.0,
            "name" | "father_name" | "husband_name" | "address" | "remarks" => 26.0,
            _ => 14.0,
        };
        ws.set_column_width(col(c), w).map_err(&e)?;
    }
    for (k, row) in rows.iter().enumerate() {
        let r = u32::try_from(k).unwrap_or(u32::MAX);
        match row {
            Row::Title(t) => {
                if merge_titles && width > 1 {
                    ws.merge_range(r, 0, r, col(width - 1), t, &title)
                        .map_err(&e)?;
                } else {
                    ws.write_string_with_format(r, 0, t, &bold).map_err(&e)?;
                }
            }
            Row::Text(t) => {
                ws.write_string(r, col(width.saturating_sub(4)), t)
                    .map_err(&e)?;
            }
            Row::Blank => {}
            Row::Group => {
                for (label, first, last) in &style.group_headers {
                    let a = style.columns.iter().position(|c| &c.0 == first);
                    let b = style.columns.iter().position(|c| &c.0 == last);
                    if let (Some(a), Some(b)) = (a, b) {
                        if b > a {
                            ws.merge_range(r, col(a), r, col(b), label, &header)
                                .map_err(&e)?;
                        } else {
                            ws.write_string_with_format(r, col(a), label, &header)
                                .map_err(&e)?;
                        }
                    }
                }
            }
            Row::Header => {
                for (c, (_, h)) in style.columns.iter().enumerate() {
                    ws.write_string_with_format(r, col(c), h, &header)
                        .map_err(&e)?;
                }
            }
            Row::Total(n) => {
                let t = total_text(style, *n);
                ws.write_string_with_format(r, 0, &t, &bold).map_err(&e)?;
                if t == style.total_row && width > 1 {
                    ws.write_number_with_format(r, 1, *n as f64, &bold)
                        .map_err(&e)?;
                }
            }
            Row::Record(i, serial) => {
                locs.push((*i, r + 1));
                for (c, (field, _)) in style.columns.iter().enumerate() {
                    let v = cell(cols, style, c, *i, *serial);
                    if v.is_empty() {
                        continue;
                    }
                    let is_digits =
                        |n: usize| v.len() == n && v.bytes().all(|b| b.is_ascii_digit());
                    match field.as_str() {
                        "_sr" => {
                            ws.write_number(r, col(c), *serial as f64).map_err(&e)?;
                        }
                        "age" if v.len() <= 3 && v.bytes().all(|b| b.is_ascii_digit()) => {
                            ws.write_number(r, col(c), v.parse::<f64>().unwrap_or(0.0))
                                .map_err(&e)?;
                        }
                        "cnic" if style.cnic_numeric && is_digits(13) => {
                            ws.write_number(r, col(c), v.parse::<f64>().unwrap_or(0.0))
                                .map_err(&e)?;
                        }
                        "phone" if style.cnic_numeric && is_digits(10) => {
                            ws.write_number(r, col(c), v.parse::<f64>().unwrap_or(0.0))
                                .map_err(&e)?;
                        }
                        "date" | "date_of_birth" if style.excel_dates => {
                            match NaiveDate::parse_from_str(&v, "%Y-%m-%d") {
                                Ok(d) => {
                                    let dt = ExcelDateTime::from_ymd(
                                        u16::try_from(d.year()).unwrap_or(1900),
                                        d.month() as u8,
                                        d.day() as u8,
                                    )
                                    .map_err(&e)?;
                                    ws.write_datetime_with_format(r, col(c), &dt, &date_fmt)
                                        .map_err(&e)?;
                                }
                                Err(_) => {
                                    ws.write_string(r, col(c), v.as_ref()).map_err(&e)?;
                                }
                            }
                        }
                        _ => {
                            ws.write_string(r, col(c), v.as_ref()).map_err(&e)?;
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

/// A stock-and-flow summary sheet (B/F + new − disposed = pending) with no victim header.
fn write_summary(ws: &mut Worksheet, src: &Source, dates: &[NaiveDate]) -> Result<()> {
    let e = xlsx_err(src);
    let bold = Format::new().set_bold();
    ws.write_string_with_format(
        0,
        0,
        format!("{} - Monthly progress of enquiries/cases", src.title),
        &bold,
    )
    .map_err(&e)?;
    let heads = ["Month", "B/F", "New", "Disposed", "Pending"];
    for (c, h) in heads.iter().enumerate() {
        ws.write_string_with_format(2, col(c), *h, &bold)
            .map_err(&e)?;
    }
    let mut months: BTreeMap<(i32, u32), u32> = BTreeMap::new();
    for d in dates {
        *months.entry((d.year(), d.month())).or_default() += 1;
    }
    let mut pending = 0u32;
    for (k, ((y, m), new)) in months.iter().enumerate() {
        let r = 3 + u32::try_from(k).unwrap_or(u32::MAX - 3);
        let bf = pending;
        let disposed = (bf + new) * 2 / 5;
        pending = bf + new - disposed;
        ws.write_string(r, 0, format!("{} {y}", month_name(*m)))
            .map_err(&e)?;
        for (c, v) in [bf, *new, disposed, pending].iter().enumerate() {
            ws.write_number(r, col(c + 1), f64::from(*v)).map_err(&e)?;
        }
    }
    Ok(())
}

fn write_notes(ws: &mut Worksheet, src: &Source) -> Result<()> {
    let e = xlsx_err(src);
    let lines = [
        "Notes / ہدایات",
        "1. Identity of residents is confidential (PTPA 2018 s.10-11); do not share outside the department.",
        "2. رجسٹر ماہانہ بنیاد پر محکمہ سوشل ویلفیئر کو ارسال کیا جائے۔",
        "3. Residents admitted on court orders are marked in remarks.",
    ];
    for (k, l) in lines.iter().enumerate() {
        ws.write_string(u32::try_from(k).unwrap_or(0), 0, *l)
            .map_err(&e)?;
    }
    Ok(())
}

fn file_name(style: &Style, years: &str) -> String {
    style.file.replace("{years}", years)
}

/// Writes the records of `table` (as [`super::circle_returns`] makes them) into `dir`, one or
/// more files per unit in the unit's house style.
///
/// Rows are grouped by the `source` column; within a unit they keep the table's order. The
/// `true_date` column, when present, decides monthly or yearly sheets and the period printed
/// in title rows.
///
/// # Errors
/// [`Error::ColumnNotFound`] when `source` is missing; [`Error::InvalidArgument`] when a
/// `source` is not one of the generator's units or a file exists and `overwrite` is off;
/// [`Error::Io`] when the directory or a file cannot be written.
pub fn write_returns(
    table: &Table,
    dir: &Path,
    options: &WriteOptions,
) -> Result<Vec<WrittenFile>> {
    let r = reference();
    let source_col = table.str_column("source")?;
    let record_id = table.str_column("record_id")?;
    let true_dates: Vec<Option<NaiveDate>> = match table.get("true_date") {
        Some(c) => c
            .as_str()?
            .iter()
            .map(|v| {
                v.as_deref()
                    .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
            })
            .collect(),
        None => vec![None; table.height()],
    };
    let mut by_source: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, s) in source_col.iter().enumerate() {
        let name = s.as_deref().unwrap_or("");
        let k = r
            .sources
            .iter()
            .position(|x| x.name == name)
            .ok_or_else(|| {
                Error::invalid_argument(
                    "table",
                    "records whose `source` is one of the generator's units",
                    format!("row {} with source '{name}'", i + 1),
                )
            })?;
        by_source.entry(k).or_default().push(i);
    }
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        location: Location::file(dir.display().to_string()),
        source,
    })?;
    let mut out = Vec::new();
    for (k, rows) in by_source {
        let src = &r.sources[k];
        let style = &src.style;
        let fields: Vec<Option<&[Option<String>]>> = style
            .columns
            .iter()
            .map(|(f, _)| table.get(f).and_then(|c| c.as_str().ok()))
            .collect();
        let cols = Columns { fields };
        let sheets = split(style, &rows, &true_dates);
        let all_dates: Vec<NaiveDate> = rows.iter().filter_map(|&i| true_dates[i]).collect();
        if style.format == "xlsx" {
            let name = file_name(style, &years_label(&all_dates));
            let path = dir.join(&name);
            check_target(&path, options)?;
            let mut wb = Workbook::new();
            let mut locs = Vec::new();
            let mut sheet_names = Vec::new();
            let mut records = Vec::new();
            for sheet in &sheets {
                let ws = wb.add_worksheet();
                ws.set_name(&sheet.name).map_err(xlsx_err(src))?;
                let rows = layout(style, src, sheet);
                locs.clear();
                write_sheet(ws, style, src, &cols, &rows, &mut locs)?;
                records.extend(locs.iter().map(|&(i, row)| RecordLocation {
                    record_id: record_id[i].clone().unwrap_or_default(),
                    file_name: name.clone(),
                    sheet: Some(sheet.name.clone()),
                    row,
                }));
                sheet_names.push(sheet.name.clone());
            }
            if style.summary_sheet {
                let ws = wb.add_worksheet();
                ws.set_name("Summary").map_err(xlsx_err(src))?;
                write_summary(ws, src, &all_dates)?;
                sheet_names.push("Summary".into());
            }
            if style.summary_sheet_notes {
                let ws = wb.add_worksheet();
                ws.set_name("Notes").map_err(xlsx_err(src))?;
                write_notes(ws, src)?;
                sheet_names.push("Notes".into());
            }
            wb.save(&path).map_err(xlsx_err(src))?;
            out.push(WrittenFile {
                path,
                file_name: name,
                format: "xlsx".into(),
                encoding: None,
                delimiter: None,
                sheets: sheet_names,
                source: src.name.clone(),
                source_title: src.title.clone(),
                style: style.id.clone(),
                records,
            });
        } else {
            // CSV: one file per sheet (per year or month where the style splits).
            for sheet in &sheets {
                let ds: Vec<NaiveDate> = sheet.rows.iter().filter_map(|&i| true_dates[i]).collect();
                let name = file_name(style, &years_label(&ds));
                let path = dir.join(&name);
                check_target(&path, options)?;
                let rows = layout(style, src, sheet);
                let mut locs = Vec::new();
                let bytes = encode(style, src, csv_bytes(style, src, &cols, &rows, &mut locs)?)?;
                std::fs::write(&path, bytes).map_err(|source| Error::Io {
                    location: Location::file(name.clone()),
                    source,
                })?;
                out.push(WrittenFile {
                    path,
                    file_name: name.clone(),
                    format: "csv".into(),
                    encoding: Some(style.encoding.clone()),
                    delimiter: Some(style.delimiter.clone()),
                    sheets: Vec::new(),
                    source: src.name.clone(),
                    source_title: src.title.clone(),
                    style: style.id.clone(),
                    records: locs
                        .iter()
                        .map(|&(i, row)| RecordLocation {
                            record_id: record_id[i].clone().unwrap_or_default(),
                            file_name: name.clone(),
                            sheet: None,
                            row,
                        })
                        .collect(),
                });
            }
        }
    }
    Ok(out)
}

fn check_target(path: &Path, options: &WriteOptions) -> Result<()> {
    if !options.overwrite && path.exists() {
        return Err(Error::invalid_argument(
            "overwrite",
            "true to replace existing files",
            format!("false, and '{}' exists", path.display()),
        ));
    }
    Ok(())
}
