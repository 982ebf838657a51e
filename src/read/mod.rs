//! Reading circle returns: CSV and Excel files in many house styles into text columns.
//!
//! [`read_returns`] reads every file (in parallel), finds each sheet's table
//! ([`grid::find_table`]), maps headers onto canonical fields ([`aliases`]) and returns one
//! [`Table`] of text columns plus provenance (`source`, `source_file`, `source_sheet`,
//! `source_row`), with a [`ReadReport`] that accounts for every row read: kept as a record, or
//! set aside with its reason and location. Nothing is converted at this stage: a CNIC stays
//! the text that was in the cell.

pub mod aliases;
pub mod cells;
pub mod delimited;
pub mod encoding;
pub mod excel;
pub mod grid;
pub mod infer;
pub mod persons;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::control::Control;
use crate::error::{Error, Location, Result};
use crate::schema::CANONICAL_FIELDS;
use crate::table::{Column, ColumnData, Table};

use aliases::AliasTable;
use grid::{FoundTable, GridRow, Merge, SetAside};

/// What to do when a whole file cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnError {
    /// Stop with an error naming the file.
    #[default]
    Raise,
    /// Record the problem in the report and go on with the other files.
    Report,
}

/// Options of [`read_returns`].
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Sheets to read from workbooks (all when `None`).
    pub sheets: Option<Vec<String>>,
    /// Extra header aliases (`alias`, `field`), taking precedence over the built-in table.
    pub aliases: Vec<(String, String)>,
    /// The source (reporting unit) of all files, overriding titles and file names.
    pub source: Option<String>,
    /// The source of particular files, by file name.
    pub source_by_file: HashMap<String, String>,
    /// How many non-blank rows from the top to search for the header.
    pub header_scan_rows: usize,
    /// What to do when a whole file cannot be read.
    pub on_error: OnError,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            sheets: None,
            aliases: Vec::new(),
            source: None,
            source_by_file: HashMap::new(),
            header_scan_rows: 30,
            on_error: OnError::Raise,
        }
    }
}

/// A file to read: its path and the name used in output and messages.
#[derive(Debug, Clone)]
pub struct InputFile {
    /// Where it is.
    pub path: PathBuf,
    /// The file name shown in `source_file` and in messages.
    pub name: String,
}

impl InputFile {
    /// An input named by its file name.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Self { path, name }
    }
}

/// One file or sheet in the report.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetSummary {
    /// File name.
    pub file: String,
    /// Sheet name (none for CSV).
    pub sheet: Option<String>,
    /// `csv` or the workbook format.
    pub format: String,
    /// Text encoding (CSV).
    pub encoding: Option<String>,
    /// Delimiter (CSV).
    pub delimiter: Option<String>,
    /// The source assigned to its records.
    pub source: Option<String>,
    /// Row numbers of the header (as a spreadsheet shows them).
    pub header_rows: Vec<u64>,
    /// Rows read (non-empty trailing rows of the used range included).
    pub rows_read: u64,
    /// Rows kept as records.
    pub records: u64,
    /// Records emitted: one per person, so more than `records` where a row names several.
    pub persons: u64,
    /// Rows set aside.
    pub set_aside: u64,
    /// `read`, `no header`, `empty`, `hidden`, `very hidden` (hidden sheets are not read
    /// unless named), or `error`.
    pub status: String,
}

/// A row set aside, with its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAsideRow {
    /// File name.
    pub file: String,
    /// Sheet name.
    pub sheet: Option<String>,
    /// Row number as a spreadsheet shows it.
    pub row: u64,
    /// Why.
    pub reason: String,
}

/// How a column of a file was mapped.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnMapping {
    /// File name.
    pub file: String,
    /// Sheet name.
    pub sheet: Option<String>,
    /// Column letter as a spreadsheet shows it (A, B, ... AA).
    pub column: String,
    /// The header text as printed.
    pub header: String,
    /// The canonical field it was mapped to, if any.
    pub field: Option<String>,
    /// The output column holding its values.
    pub output: String,
    /// How the field was chosen: `alias`, `keyword`, `fuzzy header`, `group header`,
    /// `content` (from the values), or `none`.
    pub mapped_by: String,
    /// How sure the mapping is (0–1), when mapped.
    pub confidence: Option<f64>,
    /// What the values hold, when one kind dominates them ("dates", "CNIC numbers").
    pub content: Option<String>,
}

/// A problem worth a person's attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// File name.
    pub file: String,
    /// Sheet name.
    pub sheet: Option<String>,
    /// Row, where it applies.
    pub row: Option<u64>,
    /// Column letter, where it applies.
    pub column: Option<String>,
    /// What happened.
    pub message: String,
}

/// What was read, kept and set aside, per file and sheet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadReport {
    /// One entry per file (CSV) or sheet (workbook).
    pub sheets: Vec<SheetSummary>,
    /// Every row not kept as a record.
    pub set_aside: Vec<SetAsideRow>,
    /// Every column's mapping.
    pub columns: Vec<ColumnMapping>,
    /// Problems: unreadable files (when reporting instead of raising), mixed encodings,
    /// undecodable bytes, unclosed quotes, repeated column names, error cells, formulas without
    /// a saved result, far-away cells.
    pub problems: Vec<Problem>,
}

/// Spreadsheet column letters for a 0-based index.
#[must_use]
pub fn column_letter(mut index: usize) -> String {
    let mut s = Vec::new();
    loop {
        #[allow(clippy::cast_possible_truncation)]
        s.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// Records of one sheet: output column name → values, and provenance.
struct Block {
    file: String,
    sheet: Option<String>,
    source: Option<String>,
    rows: Vec<u64>,
    victim_index: Vec<u16>,
    columns: Vec<(String, Vec<Option<String>>)>,
}

struct FileOutcome {
    blocks: Vec<Block>,
    report: ReadReport,
}

const SOURCE_WORDS: [&str; 37] = [
    "circle",
    "fia",
    "police",
    "station",
    "p.s",
    "thana",
    "welfare",
    "darul aman",
    "dar ul aman",
    "dar-ul-aman",
    "shelter",
    "bureau",
    "ngo",
    "foundation",
    "trust",
    "society",
    "organization",
    "organisation",
    "department",
    "directorate",
    "zone",
    "unit",
    "ahtc",
    "cell",
    "wing",
    "office",
    "دارالامان",
    "دار الامان",
    "محکمہ",
    "پولیس",
    "تھانہ",
    "سرکل",
    "ایف آئی اے",
    "بیورو",
    "دفتر",
    "شیلٹر",
    "ادارہ",
];

/// The reporting unit named in the title rows, if any: the part of the first title that names
/// a circle, police station, department, shelter or organisation.
#[must_use]
pub fn source_from_titles(titles: &[String]) -> Option<String> {
    for t in titles {
        for part in t
            .split([':', '|', '—'])
            .flat_map(|p| p.split(" - "))
            .flat_map(|p| p.split(" – "))
        {
            let low = part.to_lowercase();
            let words: Vec<&str> = low
                .split(|c: char| !c.is_alphanumeric() && c != '.')
                .collect();
            let hit = SOURCE_WORDS.iter().any(|w| {
                if w.contains(' ') || w.contains('-') || w.contains('.') {
                    low.contains(w)
                } else {
                    words.contains(w)
                }
            });
            if hit {
                let cleaned = part.split_whitespace().collect::<Vec<_>>().join(" ");
                let cleaned =
                    cleaned.trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace());
                if !cleaned.is_empty() {
                    return Some(cleaned.to_owned());
                }
            }
        }
    }
    None
}

fn file_stem(name: &str) -> String {
    Path::new(name)
        .file_stem()
        .map_or_else(|| name.to_owned(), |s| s.to_string_lossy().into_owned())
}

fn io_error(file: &InputFile, e: std::io::Error) -> Error {
    let reason = match e.kind() {
        std::io::ErrorKind::NotFound => "file not found".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => format!("cannot read the file: {e}"),
    };
    Error::read(Location::file(&file.name), reason)
}

fn is_workbook_name(name: &str) -> bool {
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "xlsb" | "ods")
}

fn read_file(file: &InputFile, opts: &ReadOptions, table: &AliasTable) -> Result<FileOutcome> {
    let meta = std::fs::metadata(&file.path).map_err(|e| io_error(file, e))?;
    if meta.is_dir() {
        return Err(Error::read(
            Location::file(&file.name),
            "is a directory, not a file",
        ));
    }
    if meta.len() == 0 {
        return Err(Error::read(Location::file(&file.name), "file is empty"));
    }
    let mut head = [0u8; 8];
    {
        use std::io::Read;
        let mut f = std::fs::File::open(&file.path).map_err(|e| io_error(file, e))?;
        let _ = f.read(&mut head).map_err(|e| io_error(file, e))?;
    }
    let zip = head.starts_with(b"PK\x03\x04");
    if is_workbook_name(&file.name) || zip {
        let mut outcome = read_excel(file, opts, table)?;
        if zip && !is_workbook_name(&file.name) {
            outcome.report.problems.push(Problem {
                file: file.name.clone(),
                sheet: None,
                row: None,
                column: None,
                message: "the file is an Excel workbook despite its name; read as a workbook"
                    .into(),
            });
        }
        return Ok(outcome);
    }
    read_csv(file, opts, table)
}

fn read_excel(file: &InputFile, opts: &ReadOptions, table: &AliasTable) -> Result<FileOutcome> {
    let loc = Location::file(&file.name);
    let sheets = excel::read_workbook(&file.path, opts.sheets.as_deref()).map_err(|e| match e {
        excel::WorkbookError::Protected => Error::read(
            loc.clone(),
            "the workbook is password-protected (encrypted); save a copy without a password and read that",
        ),
        excel::WorkbookError::Corrupt(damage) => Error::read(
            loc.clone(),
            format!("not a readable Excel workbook: {}", damage.describe()),
        ),
        excel::WorkbookError::BadSheet { sheet, damage } => Error::read(
            loc.clone().with_sheet(sheet),
            format!("the sheet cannot be read: {}", damage.describe()),
        ),
        excel::WorkbookError::MissingSheet { requested, available } => Error::read(
            loc.clone().with_sheet(requested),
            format!("no such sheet; the workbook has: {}", available.join(", ")),
        ),
    })?;
    let format = Path::new(&file.name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("xlsx")
        .to_lowercase();
    let mut outcome = FileOutcome {
        blocks: Vec::new(),
        report: ReadReport::default(),
    };
    let mut any_header = false;
    let mut any_content = false;
    let mut any_unread = false;
    let mut layouts = grid::Layouts::default();
    for sheet in sheets {
        let mut summary = SheetSummary {
            file: file.name.clone(),
            sheet: Some(sheet.name.clone()),
            format: format.clone(),
            encoding: None,
            delimiter: None,
            source: None,
            header_rows: Vec::new(),
            rows_read: 0,
            records: 0,
            persons: 0,
            set_aside: 0,
            status: String::new(),
        };
        if !sheet.read {
            // A hidden sheet holds lookup lists, old months or drafts: listed, not read.
            any_unread = true;
            summary.status = sheet.visibility.status().to_owned();
            outcome.report.sheets.push(summary);
            continue;
        }
        outcome
            .report
            .problems
            .extend(sheet.notes.into_iter().map(|n| Problem {
                file: file.name.clone(),
                sheet: Some(sheet.name.clone()),
                row: n.row,
                column: n.column,
                message: n.message,
            }));
        any_content |= sheet
            .rows
            .iter()
            .any(|r| r.cells.iter().any(|c| !c.trim().is_empty()));
        let found = process_grid(
            file,
            Some(&sheet.name),
            sheet.rows,
            &sheet.merges,
            opts,
            table,
            summary,
            &mut layouts,
            &mut outcome,
        );
        any_header |= found;
    }
    if !any_header {
        let reason = if any_content {
            "no sheet has a recognisable header row (expected column names such as 'Name of Victim', 'Age', 'Sex', 'CNIC')"
        } else {
            "the workbook has no data"
        };
        let reason = if any_unread {
            format!(
                "{reason}; its hidden sheets were not read (name them in `sheets` to read them)"
            )
        } else {
            reason.to_owned()
        };
        return Err(Error::read(loc, reason));
    }
    Ok(outcome)
}

fn read_csv(file: &InputFile, opts: &ReadOptions, table: &AliasTable) -> Result<FileOutcome> {
    let loc = Location::file(&file.name);
    let bytes = std::fs::read(&file.path).map_err(|e| io_error(file, e))?;
    if encoding::looks_binary(&bytes) {
        return Err(Error::read(
            loc,
            "not a text file: expected comma-, semicolon- or tab-separated text (CSV) or an Excel workbook",
        ));
    }
    let decoded = encoding::decode(&bytes);
    if decoded.text.trim().is_empty() {
        return Err(Error::read(loc, "file is empty"));
    }
    let delimiter = delimited::sniff_delimiter(&decoded.text);
    let delimited::Parsed {
        records,
        unclosed_quotes,
    } = delimited::parse(&decoded.text, delimiter);
    let mut outcome = FileOutcome {
        blocks: Vec::new(),
        report: ReadReport::default(),
    };
    for u in &decoded.undecodable {
        outcome.report.problems.push(Problem {
            file: file.name.clone(),
            sheet: None,
            row: None,
            column: None,
            message: u.describe(decoded.encoding),
        });
    }
    if !decoded.fallback_lines.is_empty() {
        let mut idx = 0;
        for (k, rec) in records.iter().enumerate() {
            let end = records.get(k + 1).map_or(usize::MAX, |r| r.line);
            while idx < decoded.fallback_lines.len() && decoded.fallback_lines[idx] < rec.line {
                idx += 1;
            }
            if idx < decoded.fallback_lines.len() && decoded.fallback_lines[idx] < end {
                outcome.report.problems.push(Problem {
                    file: file.name.clone(),
                    sheet: None,
                    row: Some(rec.row),
                    column: None,
                    message:
                        "row decoded as windows-1252: the file mixes utf-8 and windows-1252 text"
                            .into(),
                });
            }
        }
    }
    for row in unclosed_quotes {
        outcome.report.problems.push(Problem {
            file: file.name.clone(),
            sheet: None,
            row: Some(row),
            column: None,
            message: "a quote opened in this row is never closed; the quote was read as text"
                .into(),
        });
    }
    let rows: Vec<GridRow> = records
        .into_iter()
        .map(|r| GridRow {
            number: r.row,
            cells: r.fields,
        })
        .collect();
    let summary = SheetSummary {
        file: file.name.clone(),
        sheet: None,
        format: "csv".into(),
        encoding: Some(decoded.encoding.name().to_owned()),
        delimiter: Some(match delimiter {
            b'\t' => "tab".to_owned(),
            d => (d as char).to_string(),
        }),
        source: None,
        header_rows: Vec::new(),
        rows_read: 0,
        records: 0,
        persons: 0,
        set_aside: 0,
        status: String::new(),
    };
    drop(decoded);
    if !process_grid(
        file,
        None,
        rows,
        &[],
        opts,
        table,
        summary,
        &mut grid::Layouts::default(),
        &mut outcome,
    ) {
        return Err(Error::read(
            loc,
            "no recognisable header row (expected column names such as 'Name of Victim', 'Age', 'Sex', 'CNIC')",
        ));
    }
    Ok(outcome)
}

/// Finds the table in a grid and appends a block of records and the report entries. Returns
/// whether a header was found.
#[allow(clippy::too_many_arguments)]
fn process_grid(
    file: &InputFile,
    sheet: Option<&str>,
    mut rows: Vec<GridRow>,
    merges: &[Merge],
    opts: &ReadOptions,
    table: &AliasTable,
    mut summary: SheetSummary,
    layouts: &mut grid::Layouts,
    outcome: &mut FileOutcome,
) -> bool {
    summary.rows_read = rows.len() as u64;
    let sheet_name = sheet.map(str::to_owned);
    let Some(found) = grid::find_table_in(table, &mut rows, merges, opts.header_scan_rows, layouts)
    else {
        // No header: every non-blank row is reported as set aside, so none is lost silently;
        // a table of counts says so.
        let summary_table = grid::looks_like_counts(&rows);
        let mut n = 0;
        for r in &rows {
            let blank = r.cells.iter().all(|c| c.trim().is_empty());
            outcome.report.set_aside.push(SetAsideRow {
                file: file.name.clone(),
                sheet: sheet_name.clone(),
                row: r.number,
                reason: if blank {
                    SetAside::Blank
                } else if summary_table {
                    SetAside::Summary
                } else {
                    SetAside::NoHeader
                }
                .reason()
                .to_owned(),
            });
            n += 1;
        }
        summary.set_aside = n;
        summary.status = if rows
            .iter()
            .all(|r| r.cells.iter().all(|c| c.trim().is_empty()))
        {
            "empty".into()
        } else if summary_table {
            "summary".into()
        } else {
            "no header".into()
        };
        outcome.report.sheets.push(summary);
        return false;
    };
    let FoundTable {
        titles,
        header_rows,
        columns,
        records,
        set_aside,
        notes,
        filled_cells: _,
        form_values,
    } = found;
    for (position, note) in notes {
        outcome.report.problems.push(Problem {
            file: file.name.clone(),
            sheet: sheet_name.clone(),
            row: None,
            column: Some(column_letter(position)),
            message: format!("column {}: {note}", column_letter(position)),
        });
    }

    let source = opts
        .source_by_file
        .get(&file.name)
        .cloned()
        .or_else(|| opts.source.clone())
        .or_else(|| source_from_titles(&titles))
        .unwrap_or_else(|| file_stem(&file.name));

    // Output names: the field, or the header text; repeats get " (2)", " (3)".
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut outputs = Vec::with_capacity(columns.len());
    let mut first_position: HashMap<String, String> = HashMap::new();
    for col in &columns {
        let letter = column_letter(col.position);
        let base = match &col.field {
            Some(f) if !used.contains_key(f) => f.clone(),
            Some(f) => {
                outcome.report.problems.push(Problem {
                    file: file.name.clone(),
                    sheet: sheet_name.clone(),
                    row: None,
                    column: None,
                    message: format!(
                        "columns {} and {letter} both read as '{f}'; the first is used as '{f}', column {letter} is kept under its header",
                        first_position.get(f).cloned().unwrap_or_default()
                    ),
                });
                if col.header.is_empty() {
                    format!("column_{letter}")
                } else {
                    col.header.clone()
                }
            }
            None if col.header.is_empty() => format!("column_{letter}"),
            None => col.header.clone(),
        };
        let n = used.entry(base.clone()).or_insert(0);
        *n += 1;
        let name = if *n == 1 {
            base.clone()
        } else {
            format!("{base} ({n})")
        };
        if *n == 2 && col.field.as_deref() != Some(base.as_str()) {
            outcome.report.problems.push(Problem {
                file: file.name.clone(),
                sheet: sheet_name.clone(),
                row: None,
                column: None,
                message: format!("column header '{base}' appears more than once; column {letter} is kept as '{name}'"),
            });
        }
        if let Some(f) = &col.field {
            first_position
                .entry(f.clone())
                .or_insert_with(|| letter.clone());
        }
        outcome.report.columns.push(ColumnMapping {
            file: file.name.clone(),
            sheet: sheet_name.clone(),
            column: letter,
            header: col.header.clone(),
            field: col.field.clone(),
            output: name.clone(),
            mapped_by: col.mapped_by.to_owned(),
            confidence: col.confidence,
            content: col.content.map(|k| k.label().to_owned()),
        });
        outputs.push(name);
    }

    let mut values: Vec<Vec<Option<String>>> =
        vec![Vec::with_capacity(records.len()); columns.len()];
    let mut row_numbers = Vec::with_capacity(records.len());
    let mut victim_index: Vec<u16> = Vec::with_capacity(records.len());
    let name_col = columns
        .iter()
        .position(|c| c.field.as_deref() == Some("name"));
    // A sheet cut into dated sections ("Batch 2 - received on 14-Nov-2024") without a date
    // column: each record takes its section's date.
    let has_date = columns.iter().any(|c| c.field.as_deref() == Some("date"))
        || form_values.iter().any(|f| f.field == "date");
    let dated_sections = if has_date {
        None
    } else {
        grid::section_dates(&rows, &records, &set_aside, &header_rows)
    };
    let mut section_date: Vec<Option<String>> = Vec::new();
    for &i in &records {
        let date_here = dated_sections.as_ref().and_then(|d| d.get(&i).cloned());
        let persons = name_col
            .and_then(|k| rows[i].cells.get(columns[k].position))
            .and_then(|c| persons::split_persons(c));
        let Some(persons) = persons else {
            let cells = &mut rows[i].cells;
            for (k, col) in columns.iter().enumerate() {
                let v = cells
                    .get_mut(col.position)
                    .map(std::mem::take)
                    .filter(|s| !s.trim().is_empty());
                values[k].push(v);
            }
            row_numbers.push(rows[i].number);
            victim_index.push(1);
            section_date.push(date_here);
            continue;
        };
        // One record per person named in the cell; the row's other cells are lists in the
        // same order, or one value for all of them (the case's number, date, sections).
        let n = persons.len();
        let mut unaligned: Vec<String> = Vec::new();
        let mut per_column: Vec<Vec<Option<String>>> = Vec::with_capacity(columns.len());
        for (k, col) in columns.iter().enumerate() {
            if Some(k) == name_col {
                per_column.push(persons.iter().cloned().map(Some).collect());
                continue;
            }
            let cell = rows[i]
                .cells
                .get(col.position)
                .map(|s| s.trim())
                .filter(|s| !s.is_empty());
            let field = col.field.as_deref().unwrap_or("");
            let items = match cell {
                None => vec![None; n],
                Some(c) => match persons::split_list(c, n, persons::lists_with_commas(field)) {
                    Some(items) => items.into_iter().map(Some).collect(),
                    None if persons::is_personal(field) => {
                        unaligned.push(column_letter(col.position));
                        vec![None; n]
                    }
                    None => vec![Some(c.to_owned()); n],
                },
            };
            per_column.push(items);
        }
        if !unaligned.is_empty() {
            outcome.report.problems.push(Problem {
                file: file.name.clone(),
                sheet: sheet_name.clone(),
                row: Some(rows[i].number),
                column: None,
                message: format!(
                    "{n} persons are named in one cell, but column(s) {} do not list {n} values in the same order; their values were not assigned",
                    unaligned.join(", ")
                ),
            });
        }
        for p in 0..n {
            for (k, items) in per_column.iter_mut().enumerate() {
                values[k].push(items[p].take());
            }
            row_numbers.push(rows[i].number);
            victim_index.push(u16::try_from(p + 1).unwrap_or(u16::MAX));
            section_date.push(date_here.clone());
        }
    }
    // Case facts written as labels above the table (a case proforma) go to every record,
    // for the fields the table has no column of its own for.
    for f in form_values {
        if columns
            .iter()
            .any(|c| c.field.as_deref() == Some(f.field.as_str()))
            || outputs.contains(&f.field)
        {
            continue;
        }
        let letter = column_letter(f.column);
        outcome.report.columns.push(ColumnMapping {
            file: file.name.clone(),
            sheet: sheet_name.clone(),
            column: format!("{letter}{}", rows[f.row].number),
            header: f.label.clone(),
            field: Some(f.field.clone()),
            output: f.field.clone(),
            mapped_by: "form label".to_owned(),
            confidence: Some(f.how.confidence()),
            content: None,
        });
        values.push(vec![Some(f.value); row_numbers.len()]);
        outputs.push(f.field);
    }
    if dated_sections.is_some() && !outputs.iter().any(|o| o == "date") {
        outcome.report.columns.push(ColumnMapping {
            file: file.name.clone(),
            sheet: sheet_name.clone(),
            column: String::new(),
            header: "(dates of the section labels)".to_owned(),
            field: Some("date".to_owned()),
            output: "date".to_owned(),
            mapped_by: "section label".to_owned(),
            confidence: Some(0.8),
            content: Some("dates".to_owned()),
        });
        values.push(section_date);
        outputs.push("date".to_owned());
    }
    for (i, reason) in &set_aside {
        if matches!(reason, SetAside::Header | SetAside::Title) {
            continue;
        }
        outcome.report.set_aside.push(SetAsideRow {
            file: file.name.clone(),
            sheet: sheet_name.clone(),
            row: rows[*i].number,
            reason: reason.reason().to_owned(),
        });
    }
    summary.header_rows = header_rows.iter().map(|&i| rows[i].number).collect();
    summary.records = records.len() as u64;
    summary.persons = row_numbers.len() as u64;
    summary.set_aside = set_aside.len() as u64;
    summary.source = Some(source.clone());
    summary.status = "read".into();
    outcome.report.sheets.push(summary);
    outcome.blocks.push(Block {
        file: file.name.clone(),
        sheet: sheet_name,
        source: Some(source),
        rows: row_numbers,
        victim_index,
        columns: outputs.into_iter().zip(values).collect(),
    });
    true
}

fn known_order(name: &str) -> (usize, usize) {
    match CANONICAL_FIELDS.iter().position(|f| *f == name) {
        Some(p) => (0, p),
        None => match name {
            "serial_no" => (1, 0),
            "father_cnic" => (1, 1),
            "husband_cnic" => (1, 2),
            _ => (2, 0),
        },
    }
}

/// Reads circle returns into one table of text columns and a report.
///
/// Files are read in parallel; records keep the order of `files`, then of sheets, then of rows.
///
/// # Errors
/// [`Error::Read`] naming the file (and sheet) when a file cannot be read and `on_error` is
/// [`OnError::Raise`]; [`Error::InvalidArgument`] for bad aliases; [`Error::Interrupted`].
pub fn read_returns(
    files: &[InputFile],
    opts: &ReadOptions,
    control: &dyn Control,
) -> Result<(Table, ReadReport)> {
    let table = AliasTable::with_user_aliases(&opts.aliases)?;
    let mut outcomes: Vec<Result<FileOutcome>> = Vec::with_capacity(files.len());
    // Chunks of files in parallel, with a checkpoint between chunks for Ctrl-C and progress.
    let chunk = rayon::current_num_threads().max(1) * 2;
    control.checkpoint("read", 0, Some(files.len() as u64))?;
    for (k, group) in files.chunks(chunk).enumerate() {
        let part: Vec<Result<FileOutcome>> = group
            .par_iter()
            .map(|f| read_file(f, opts, &table))
            .collect();
        outcomes.extend(part);
        control.checkpoint(
            "read",
            ((k * chunk) + group.len()) as u64,
            Some(files.len() as u64),
        )?;
    }

    let mut report = ReadReport::default();
    let mut blocks = Vec::new();
    for (file, outcome) in files.iter().zip(outcomes) {
        match outcome {
            Ok(o) => {
                report.sheets.extend(o.report.sheets);
                report.set_aside.extend(o.report.set_aside);
                report.columns.extend(o.report.columns);
                report.problems.extend(o.report.problems);
                blocks.extend(o.blocks);
            }
            Err(e) if opts.on_error == OnError::Report => {
                report.problems.push(Problem {
                    file: file.name.clone(),
                    sheet: None,
                    row: None,
                    column: None,
                    message: e.to_string(),
                });
                report.sheets.push(SheetSummary {
                    file: file.name.clone(),
                    sheet: None,
                    format: if is_workbook_name(&file.name) {
                        "workbook".into()
                    } else {
                        "csv".into()
                    },
                    encoding: None,
                    delimiter: None,
                    source: None,
                    header_rows: Vec::new(),
                    rows_read: 0,
                    records: 0,
                    persons: 0,
                    set_aside: 0,
                    status: "error".into(),
                });
            }
            Err(e) => return Err(e),
        }
    }
    Ok((assemble(blocks), report))
}

fn assemble(blocks: Vec<Block>) -> Table {
    let mut names: Vec<String> = Vec::new();
    for b in &blocks {
        for (n, _) in &b.columns {
            if !names.contains(n)
                && !matches!(
                    n.as_str(),
                    "source" | "source_file" | "source_sheet" | "source_row" | "victim_index"
                )
            {
                names.push(n.clone());
            }
        }
    }
    let mut ordered: Vec<(usize, String)> = names.into_iter().enumerate().collect();
    ordered.sort_by_key(|(i, n)| (known_order(n), *i));
    let total: usize = blocks.iter().map(|b| b.rows.len()).sum();
    let mut source = Vec::with_capacity(total);
    let mut source_file = Vec::with_capacity(total);
    let mut source_sheet = Vec::with_capacity(total);
    let mut source_row = Vec::with_capacity(total);
    let mut victim_index = Vec::with_capacity(total);
    let mut cols: Vec<Vec<Option<String>>> = vec![Vec::with_capacity(total); ordered.len()];
    let index: HashMap<&str, usize> = ordered
        .iter()
        .enumerate()
        .map(|(k, (_, n))| (n.as_str(), k))
        .collect();
    for mut b in blocks {
        let n = b.rows.len();
        // A `source` column in the file (a compiled return) wins over titles and file names.
        let own_source = b
            .columns
            .iter()
            .position(|(name, _)| name == "source")
            .map(|p| b.columns.remove(p).1);
        match own_source {
            Some(vals) => source.extend(vals.into_iter().map(|v| v.or_else(|| b.source.clone()))),
            None => source.extend(std::iter::repeat_n(b.source.clone(), n)),
        }
        source_file.extend(std::iter::repeat_n(Some(b.file.clone()), n));
        source_sheet.extend(std::iter::repeat_n(b.sheet.clone(), n));
        source_row.extend(
            b.rows
                .iter()
                .map(|r| Some(i64::try_from(*r).unwrap_or(i64::MAX))),
        );
        victim_index.extend(b.victim_index.iter().map(|&v| Some(i64::from(v))));
        let mut filled = vec![false; cols.len()];
        for (name, vals) in b.columns {
            if let Some(&k) = index.get(name.as_str()) {
                cols[k].extend(vals);
                filled[k] = true;
            }
        }
        for (k, f) in filled.iter().enumerate() {
            if !f {
                cols[k].extend(std::iter::repeat_n(None, n));
            }
        }
    }
    let mut columns = vec![
        Column::text("source", source),
        Column::text("source_file", source_file),
        Column::text("source_sheet", source_sheet),
        Column::new("source_row", ColumnData::Int(source_row)),
        Column::new("victim_index", ColumnData::Int(victim_index)),
    ];
    for ((_, name), vals) in ordered.into_iter().zip(cols) {
        columns.push(Column::text(name, vals));
    }
    Table { columns }
}

impl ReadReport {
    /// The report as four tables: sheets, set-aside rows, column mappings, problems.
    #[must_use]
    pub fn to_tables(&self) -> [Table; 4] {
        let s = |v: &str| Some(v.to_owned());
        let sheets = Table {
            columns: vec![
                Column::text("file", self.sheets.iter().map(|x| s(&x.file)).collect()),
                Column::text(
                    "sheet",
                    self.sheets.iter().map(|x| x.sheet.clone()).collect(),
                ),
                Column::text("format", self.sheets.iter().map(|x| s(&x.format)).collect()),
                Column::text(
                    "encoding",
                    self.sheets.iter().map(|x| x.encoding.clone()).collect(),
                ),
                Column::text(
                    "delimiter",
                    self.sheets.iter().map(|x| x.delimiter.clone()).collect(),
                ),
                Column::text(
                    "source",
                    self.sheets.iter().map(|x| x.source.clone()).collect(),
                ),
                Column::text(
                    "header_rows",
                    self.sheets
                        .iter()
                        .map(|x| {
                            (!x.header_rows.is_empty()).then(|| {
                                x.header_rows
                                    .iter()
                                    .map(u64::to_string)
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            })
                        })
                        .collect(),
                ),
                Column::new(
                    "rows_read",
                    ColumnData::Int(
                        self.sheets
                            .iter()
                            .map(|x| Some(x.rows_read as i64))
                            .collect(),
                    ),
                ),
                Column::new(
                    "records",
                    ColumnData::Int(self.sheets.iter().map(|x| Some(x.records as i64)).collect()),
                ),
                Column::new(
                    "persons",
                    ColumnData::Int(self.sheets.iter().map(|x| Some(x.persons as i64)).collect()),
                ),
                Column::new(
                    "set_aside",
                    ColumnData::Int(
                        self.sheets
                            .iter()
                            .map(|x| Some(x.set_aside as i64))
                            .collect(),
                    ),
                ),
                Column::text("status", self.sheets.iter().map(|x| s(&x.status)).collect()),
            ],
        };
        let set_aside = Table {
            columns: vec![
                Column::text("file", self.set_aside.iter().map(|x| s(&x.file)).collect()),
                Column::text(
                    "sheet",
                    self.set_aside.iter().map(|x| x.sheet.clone()).collect(),
                ),
                Column::new(
                    "row",
                    ColumnData::Int(self.set_aside.iter().map(|x| Some(x.row as i64)).collect()),
                ),
                Column::text(
                    "reason",
                    self.set_aside.iter().map(|x| s(&x.reason)).collect(),
                ),
            ],
        };
        let columns = Table {
            columns: vec![
                Column::text("file", self.columns.iter().map(|x| s(&x.file)).collect()),
                Column::text(
                    "sheet",
                    self.columns.iter().map(|x| x.sheet.clone()).collect(),
                ),
                Column::text(
                    "column",
                    self.columns.iter().map(|x| s(&x.column)).collect(),
                ),
                Column::text(
                    "header",
                    self.columns.iter().map(|x| s(&x.header)).collect(),
                ),
                Column::text(
                    "field",
                    self.columns.iter().map(|x| x.field.clone()).collect(),
                ),
                Column::text(
                    "output",
                    self.columns.iter().map(|x| s(&x.output)).collect(),
                ),
                Column::text(
                    "mapped_by",
                    self.columns.iter().map(|x| s(&x.mapped_by)).collect(),
                ),
                Column::new(
                    "confidence",
                    ColumnData::Float(
                        self.columns
                            .iter()
                            .map(|x| x.confidence.map(|c| (c * 100.0).round() / 100.0))
                            .collect(),
                    ),
                ),
                Column::text(
                    "content",
                    self.columns.iter().map(|x| x.content.clone()).collect(),
                ),
            ],
        };
        let problems = Table {
            columns: vec![
                Column::text("file", self.problems.iter().map(|x| s(&x.file)).collect()),
                Column::text(
                    "sheet",
                    self.problems.iter().map(|x| x.sheet.clone()).collect(),
                ),
                Column::new(
                    "row",
                    ColumnData::Int(
                        self.problems
                            .iter()
                            .map(|x| x.row.map(|r| r as i64))
                            .collect(),
                    ),
                ),
                Column::text(
                    "column",
                    self.problems.iter().map(|x| x.column.clone()).collect(),
                ),
                Column::text(
                    "message",
                    self.problems.iter().map(|x| s(&x.message)).collect(),
                ),
            ],
        };
        [sheets, set_aside, columns, problems]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::control::NoControl;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> InputFile {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        InputFile::new(p)
    }

    fn tmpdir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("tipsom-read-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
    }

    #[test]
    fn source_from_title_rows() {
        let t = vec![
            "FIA Anti Human Trafficking Circle, Lahore - Monthly return, March 2025".to_owned(),
        ];
        assert_eq!(
            source_from_titles(&t).as_deref(),
            Some("FIA Anti Human Trafficking Circle, Lahore")
        );
        assert_eq!(
            source_from_titles(&["Statement of victims".to_owned()]),
            None
        );
        let urdu = vec!["دارالامان لاہور — محکمہ سوشل ویلفیئر".to_owned()];
        assert_eq!(source_from_titles(&urdu).as_deref(), Some("دارالامان لاہور"));
    }

    #[test]
    fn csv_with_titles_totals_and_provenance() {
        let d = tmpdir("csv");
        let f = write(
            &d,
            "gujranwala_march.csv",
            "FIA AHT Circle Gujranwala\n\nSr. No.;Name of Victim;CNIC/B-Form;Age\n1;A;35202-1234567-1;19\n2;B;0345123456789;\nTotal;;;2\n".as_bytes(),
        );
        let (t, r) = read_returns(&[f], &ReadOptions::default(), &NoControl).unwrap();
        assert_eq!(t.height(), 2);
        assert_eq!(
            t.str_column("cnic").unwrap()[1].as_deref(),
            Some("0345123456789")
        );
        assert_eq!(
            t.str_column("source").unwrap()[0].as_deref(),
            Some("FIA AHT Circle Gujranwala")
        );
        assert_eq!(
            t.get("source_row").unwrap().data,
            ColumnData::Int(vec![Some(4), Some(5)])
        );
        assert_eq!(r.set_aside.len(), 2); // the blank line and the total
        assert_eq!(
            r.sheets[0].rows_read,
            r.sheets[0].records + r.sheets[0].set_aside
        );
        assert_eq!(r.sheets[0].delimiter.as_deref(), Some(";"));
    }

    #[test]
    fn bad_files_name_the_file() {
        let d = tmpdir("bad");
        let empty = write(&d, "empty.csv", b"");
        let junk = write(
            &d,
            "junk.csv",
            &[0u8, 159, 146, 150, 0, 1, 2, 3, 4, 5, 0, 0, 7, 8],
        );
        let noheader = write(&d, "notes.csv", b"just some words\nand more words\n");
        let missing = InputFile::new(d.join("missing.csv"));
        for (f, want) in [
            (&empty, "empty"),
            (&junk, "not a text file"),
            (&noheader, "no recognisable header"),
            (&missing, "not found"),
        ] {
            let err = read_returns(std::slice::from_ref(f), &ReadOptions::default(), &NoControl)
                .unwrap_err();
            let msg = err.to_string();
            assert!(msg.contains(&f.name) && msg.contains(want), "{msg}");
        }
        let opts = ReadOptions {
            on_error: OnError::Report,
            ..ReadOptions::default()
        };
        let (t, r) = read_returns(&[empty, junk, noheader, missing], &opts, &NoControl).unwrap();
        assert_eq!(t.height(), 0);
        assert_eq!(r.problems.len(), 4);
    }

    fn table_workbook(path: &Path, stray: Option<(u32, u16)>) {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("March").unwrap();
        for (c, h) in ["Sr. No.", "Name of Victim", "Age", "Sex"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        for r in 1..=3u32 {
            ws.write_number(r, 0, f64::from(r)).unwrap();
            ws.write_string(r, 1, format!("Person {r}")).unwrap();
            ws.write_number(r, 2, 20.0 + f64::from(r)).unwrap();
            ws.write_string(r, 3, "F").unwrap();
        }
        if let Some((row, col)) = stray {
            ws.write_string(row, col, "stray note").unwrap();
        }
        let hidden = wb.add_worksheet();
        hidden.set_name("Old").unwrap();
        hidden.write_string(0, 0, "Name of Victim").unwrap();
        hidden.write_string(0, 1, "Age").unwrap();
        hidden.write_string(1, 0, "Hidden person").unwrap();
        hidden.set_hidden(true);
        let very = wb.add_worksheet();
        very.set_name("Lists").unwrap();
        very.write_string(0, 0, "Name of Victim").unwrap();
        very.write_string(0, 1, "Sex").unwrap();
        very.write_string(1, 0, "Listed person").unwrap();
        very.set_very_hidden(true);
        wb.save(path).unwrap();
    }

    #[test]
    fn a_stray_cell_at_the_end_of_the_sheet_is_read_without_the_empty_rows() {
        let d = tmpdir("stray");
        // XFD1048576 (the last cell of a sheet) and CV1048576.
        for (name, col) in [("xfd.xlsx", 16_383u16), ("cv.xlsx", 99)] {
            let p = d.join(name);
            table_workbook(&p, Some((1_048_575, col)));
            let started = std::time::Instant::now();
            let (t, r) =
                read_returns(&[InputFile::new(&p)], &ReadOptions::default(), &NoControl).unwrap();
            assert!(
                started.elapsed().as_secs_f64() < 5.0,
                "{:?}",
                started.elapsed()
            );
            assert_eq!(t.height(), 3);
            assert_eq!(
                t.str_column("name").unwrap()[2].as_deref(),
                Some("Person 3")
            );
            let march = &r.sheets[0];
            // The header, three records and the far row: nothing in between.
            assert_eq!(march.rows_read, 5);
            assert_eq!(march.rows_read, march.records + march.set_aside);
            assert!(r
                .set_aside
                .iter()
                .any(|s| s.row == 1_048_576 && s.reason.starts_with("note")));
            assert!(r
                .problems
                .iter()
                .any(|p| p.row == Some(1_048_576) && p.message.contains("rows 5 to 1048575")));
        }
    }

    #[test]
    fn hidden_sheets_are_listed_not_read_unless_named() {
        let d = tmpdir("hidden");
        let p = d.join("hidden.xlsx");
        table_workbook(&p, None);
        let f = InputFile::new(&p);
        let (t, r) = read_returns(
            std::slice::from_ref(&f),
            &ReadOptions::default(),
            &NoControl,
        )
        .unwrap();
        assert_eq!(t.height(), 3);
        let status: Vec<(&str, &str, u64, u64)> = r
            .sheets
            .iter()
            .map(|s| {
                (
                    s.sheet.as_deref().unwrap(),
                    s.status.as_str(),
                    s.rows_read,
                    s.records,
                )
            })
            .collect();
        assert_eq!(
            status,
            [
                ("March", "read", 4, 3),
                ("Old", "hidden", 0, 0),
                ("Lists", "very hidden", 0, 0)
            ]
        );
        assert!(r
            .set_aside
            .iter()
            .all(|s| s.sheet.as_deref() == Some("March")));
        let opts = ReadOptions {
            sheets: Some(vec!["Old".into(), "Lists".into()]),
            ..ReadOptions::default()
        };
        let (t, r) = read_returns(&[f], &opts, &NoControl).unwrap();
        assert_eq!(
            t.str_column("name").unwrap(),
            [
                Some("Hidden person".to_owned()),
                Some("Listed person".to_owned())
            ]
        );
        assert!(r.sheets.iter().all(|s| s.status == "read"));
    }

    #[test]
    fn header_only_file_is_read_with_no_records() {
        let d = tmpdir("hdr");
        let f = write(&d, "h.csv", b"Name,Age,Sex\n");
        let (t, r) = read_returns(&[f], &ReadOptions::default(), &NoControl).unwrap();
        assert_eq!(t.height(), 0);
        assert_eq!(r.sheets[0].records, 0);
        assert!(t.get("name").is_some());
    }
}

#[cfg(test)]
mod timing {
    use super::*;

    #[test]
    #[ignore = "manual timing on a local file"]
    fn stage_timing() {
        let path = std::env::var("TIPSOM_TIMING_FILE").unwrap();
        let t = std::time::Instant::now();
        let bytes = std::fs::read(&path).unwrap();
        let decoded = encoding::decode(&bytes);
        eprintln!("decode {:?}", t.elapsed());
        let t = std::time::Instant::now();
        let d = delimited::sniff_delimiter(&decoded.text);
        let recs = delimited::parse(&decoded.text, d).records;
        eprintln!("parse {:?} ({} records)", t.elapsed(), recs.len());
        let rows: Vec<GridRow> = recs
            .into_iter()
            .map(|r| GridRow {
                number: r.row,
                cells: r.fields,
            })
            .collect();
        let t = std::time::Instant::now();
        let mut rows = rows;
        let found = grid::find_table(AliasTable::builtin(), &mut rows, &[], 30).unwrap();
        eprintln!(
            "find_table {:?} ({} records)",
            t.elapsed(),
            found.records.len()
        );
        let t = std::time::Instant::now();
        let (tab, _) = read_returns(
            &[InputFile::new(&path)],
            &ReadOptions::default(),
            &crate::NoControl,
        )
        .unwrap();
        eprintln!(
            "read_returns total {:?} ({} rows)",
            t.elapsed(),
            tab.height()
        );
    }
}
