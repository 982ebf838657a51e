//! Finding the table in a sheet as a person reading it would.
//!
//! A sheet (or CSV file) is a grid of text cells. Above the table there may be title rows
//! naming the unit and the month; the header may span two rows (a group label such as
//! "Victim particulars" or "Father / Guardian" over sub-columns, often a merged cell); below
//! it come records, interrupted by blank rows, repeated headers at page breaks, TOTAL rows and
//! signature blocks. This module finds the header, labels every column, and sorts every row into
//! records and rows set aside with a reason, so that every row is accounted for.

use std::collections::HashMap;

use super::aliases::{AliasTable, How, Match};
use super::infer::{self, ContentGuess, Kind, Profile};

/// A row of the grid: its 1-based number as a spreadsheet shows it, and its cells.
#[derive(Debug, Clone)]
pub struct GridRow {
    /// 1-based row number.
    pub number: u64,
    /// Cell text (trimmed of nothing; empty string for an empty cell).
    pub cells: Vec<String>,
}

/// A merged region, 0-based inclusive row/column indices into the grid's rows and cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    /// First row index.
    pub first_row: usize,
    /// Last row index.
    pub last_row: usize,
    /// First column.
    pub first_col: usize,
    /// Last column.
    pub last_col: usize,
}

/// Why a row was not kept as a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetAside {
    /// Title rows above the header.
    Title,
    /// The header row(s).
    Header,
    /// Nothing in any cell.
    Blank,
    /// The header repeated (page breaks in printed returns).
    RepeatedHeader,
    /// A total or subtotal row.
    Total,
    /// Signatures, stamps, "prepared by".
    Signature,
    /// A note, page number or section label in a single cell.
    Note,
    /// Only a serial number and nothing else.
    SerialOnly,
    /// The sheet has no recognisable header, so its rows cannot be read as records.
    NoHeader,
    /// The table counts cases or persons (a summary or pivot); its rows are not records.
    Summary,
}

impl SetAside {
    /// The reason written in the read report.
    #[must_use]
    pub fn reason(self) -> &'static str {
        match self {
            Self::Title => "title row above the header",
            Self::Header => "header row",
            Self::Blank => "blank row",
            Self::RepeatedHeader => "repeated header row",
            Self::Total => "total row",
            Self::Signature => "signature or stamp row",
            Self::Note => "note or section label in a single cell",
            Self::SerialOnly => "serial number only, no data",
            Self::NoHeader => "no recognisable header row in this sheet",
            Self::Summary => "summary table of counts: no column names a person",
        }
    }
}

/// A labelled column of the table.
#[derive(Debug, Clone)]
pub struct ColumnLabel {
    /// 0-based position in the grid.
    pub position: usize,
    /// The header text as printed (group label and sub-label joined by " / ").
    pub header: String,
    /// The canonical field it maps to, if any.
    pub field: Option<String>,
    /// How the field was chosen: `alias`, `keyword`, `fuzzy header`, `group header`,
    /// `content` (from the values), or `none`.
    pub mapped_by: &'static str,
    /// How sure the mapping is (0–1); `None` when unmapped.
    pub confidence: Option<f64>,
    /// What the values hold, when one kind dominates them.
    pub content: Option<Kind>,
}

/// The table found in a grid.
#[derive(Debug, Clone)]
pub struct FoundTable {
    /// Text of the title rows, in order.
    pub titles: Vec<String>,
    /// Grid indices of the header rows (one or two).
    pub header_rows: Vec<usize>,
    /// The labelled columns (only columns with a header or with data).
    pub columns: Vec<ColumnLabel>,
    /// Grid indices of record rows.
    pub records: Vec<usize>,
    /// Grid indices of rows set aside, with the reason.
    pub set_aside: Vec<(usize, SetAside)>,
    /// Things a person should know about the columns (a header contradicted by its values),
    /// by column position. Never cell values.
    pub notes: Vec<(usize, String)>,
    /// Cells filled from a merged cell or a ditto mark above them.
    pub filled_cells: usize,
    /// Facts of the case written above the table as label and value ("FIR No. | 382/2024",
    /// "Date of FIR: 1 November 2024"), as a case proforma has them: for every record of the
    /// table that has no column of its own for the field.
    pub form_values: Vec<FormValue>,
}

/// A case fact written above a table as a label and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct FormValue {
    /// The canonical field the label names.
    pub field: String,
    /// The label as printed.
    pub label: String,
    /// The value.
    pub value: String,
    /// Grid index of the row, and column of the value.
    pub row: usize,
    /// Column of the value (0-based).
    pub column: usize,
    /// How the label was matched (as for a header).
    pub how: How,
}

/// Fields of a case that a label above the table may give every record (the persons'
/// own particulars, such as a complainant's name or CNIC, are not spread).
const FORM_FIELDS: [&str; 9] = [
    "fir_no",
    "case_id",
    "date",
    "law_sections",
    "police_station",
    "case_status",
    "crime_type",
    "date_of_report",
    "exploitation",
];

/// A title row read as a label and its value: two cells, or one cell "Label: value". Only
/// labels naming a case field ([`FORM_FIELDS`]) count.
fn form_value(table: &AliasTable, row: &GridRow, index: usize) -> Option<FormValue> {
    let filled: Vec<(usize, &str)> = non_empty(&row.cells).collect();
    let (label, value, column) = match filled.as_slice() {
        [(_, label), (c, value)] => ((*label).to_owned(), (*value).to_owned(), *c),
        [(c, cell)] => {
            let (label, value) = cell.split_once(':')?;
            (label.trim().to_owned(), value.trim().to_owned(), *c)
        }
        _ => return None,
    };
    let label = label.trim_end_matches([':', '-', ' ']).to_owned();
    if value.is_empty() || label.chars().count() > 40 {
        return None;
    }
    let (field, how) = table.map_with_group_how(None, &label)?;
    FORM_FIELDS.contains(&field.as_str()).then_some(FormValue {
        field,
        label,
        value,
        row: index,
        column,
        how,
    })
}

/// A cell's text without surrounding white space. Runs on every cell of every row several
/// times: a cell that starts and ends with a visible ASCII character (nearly all) is returned
/// as it is without the Unicode-aware scan of [`str::trim`].
#[inline]
#[must_use]
pub fn trim_cell(cell: &str) -> &str {
    match (cell.as_bytes().first(), cell.as_bytes().last()) {
        (Some(a), Some(b)) if (0x21..0x7f).contains(a) && (0x21..0x7f).contains(b) => cell,
        (None, _) | (_, None) => cell,
        _ => cell.trim(),
    }
}

/// Whether a cell holds nothing but white space.
#[inline]
#[must_use]
pub fn is_blank(cell: &str) -> bool {
    trim_cell(cell).is_empty()
}

fn non_empty(cells: &[String]) -> impl Iterator<Item = (usize, &str)> {
    cells
        .iter()
        .enumerate()
        .map(|(i, c)| (i, trim_cell(c)))
        .filter(|(_, c)| !c.is_empty())
}

fn count_non_empty(cells: &[String]) -> usize {
    non_empty(cells).count()
}

/// Header score: exact aliases count double, keyword matches once; cells that look like data
/// (mostly digits, dates) count against.
fn header_score(table: &AliasTable, cells: &[String]) -> (usize, usize) {
    let mut score = 0;
    let mut mapped = 0;
    for (_, c) in non_empty(cells) {
        if c.chars().count() > 60 {
            continue;
        }
        let digits = c.chars().filter(char::is_ascii_digit).count();
        if digits * 2 > c.chars().count() {
            continue;
        }
        match table.lookup(c) {
            Match::Exact(_) => {
                score += 3;
                mapped += 1;
            }
            Match::Keyword(_) | Match::Fuzzy(_) => {
                score += 1;
                mapped += 1;
            }
            Match::None => {}
        }
    }
    (score, mapped)
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text.is_char_boundary(prefix.len())
        && text[..prefix.len()].eq_ignore_ascii_case(prefix)
}

// Runs on every row, so it avoids allocating: a cheap prefix test on the first cells.
fn is_total(cells: &[String]) -> bool {
    non_empty(cells).take(4).any(|(_, c)| {
        let t = c.trim_start_matches(|ch: char| ch == '#' || ch == '*' || ch.is_whitespace());
        [
            "total",
            "grand total",
            "g. total",
            "g.total",
            "sub total",
            "sub-total",
            "subtotal",
            "کل",
            "ٹوٹل",
            "میزان",
        ]
        .iter()
        // A whole word: "کل" is "total" but also the start of the name "کلثوم".
        .any(|p| {
            starts_with_ignore_case(t, p)
                && t[p.len()..]
                    .chars()
                    .next()
                    .is_none_or(|ch| !ch.is_alphanumeric())
        })
    })
}

const SIGNATURE_WORDS: [&str; 32] = [
    "sd/",
    "signature",
    "prepared by",
    "checked by",
    "verified by",
    "submitted by",
    "approved by",
    "forwarded by",
    "deputy director",
    "assistant director",
    "additional director",
    "director",
    "superintendent",
    "incharge",
    "in charge",
    "in-charge",
    "circle officer",
    "station house officer",
    "s.h.o",
    "inspector",
    "stamp",
    "seal",
    "دستخط",
    "انچارج",
    "مہر",
    "سپرنٹنڈنٹ",
    "ڈپٹی ڈائریکٹر",
    "اسسٹنٹ ڈائریکٹر",
    "ڈائریکٹر",
    "افسر",
    "تیار کردہ",
    "منجانب",
];

fn is_signature(cells: &[String]) -> bool {
    let n = count_non_empty(cells);
    n > 0
        && n <= 3
        && non_empty(cells).any(|(_, c)| {
            let t = c.to_lowercase();
            SIGNATURE_WORDS.iter().any(|w| {
                t.starts_with(w) || t.contains(&format!(" {w}")) || t.contains(&format!("({w}"))
            })
        })
}

fn looks_like_note(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    [
        "note",
        "n.b",
        "nb:",
        "page ",
        "source:",
        "*",
        "month",
        "for the month",
        "continued",
        "contd",
        "نوٹ",
    ]
    .iter()
    .any(|w| t.starts_with(w))
}

/// Finds the header and sorts the rows of `rows`.
///
/// Returns `None` when no row looks like a header (fewer than two cells that name known
/// fields).
#[must_use]
pub fn find_table(
    table: &AliasTable,
    rows: &mut [GridRow],
    merges: &[Merge],
    scan: usize,
) -> Option<FoundTable> {
    find_table_in(table, rows, merges, scan, &mut Layouts::default())
}

/// Column decisions made from the values of one sheet, kept for the other sheets of the same
/// workbook that have the same header (a sheet per month, one layout): by header signature,
/// each column's field, how it was chosen, its confidence and content, and the notes.
#[derive(Debug, Default)]
pub struct Layouts {
    decided: std::collections::HashMap<Vec<(usize, String)>, LayoutDecision>,
}

type LayoutDecision = (
    Vec<(Option<String>, &'static str, Option<f64>, Option<Kind>)>,
    Vec<(usize, String)>,
);

/// Least number of records a sheet needs for its column decisions to be reused by the other
/// sheets of its workbook with the same header.
const LAYOUT_MIN_RECORDS: usize = 20;

/// [`find_table`] within a workbook: sheets whose header repeats one already decided with
/// enough values take its column decisions instead of inferring their own from few values.
#[must_use]
pub fn find_table_in(
    table: &AliasTable,
    rows: &mut [GridRow],
    merges: &[Merge],
    scan: usize,
    layouts: &mut Layouts,
) -> Option<FoundTable> {
    // 1. The header row: the best-scoring row among the first `scan` non-blank rows.
    let mut best: Option<(usize, usize)> = None; // (index, score)
    let mut seen = 0;
    for (i, row) in rows.iter().enumerate() {
        if count_non_empty(&row.cells) == 0 {
            continue;
        }
        seen += 1;
        if seen > scan {
            break;
        }
        let (score, mapped) = header_score(table, &row.cells);
        if mapped >= 2 && score >= 4 && best.is_none_or(|(_, s)| score > s) {
            best = Some((i, score));
        }
    }
    let (h, _) = best?;

    // 2. A second header row: a group row above, or a sub-header row below.
    let merged_value = |r: usize, c: usize| -> Option<&str> {
        merges
            .iter()
            .find(|m| m.first_row <= r && r <= m.last_row && m.first_col <= c && c <= m.last_col)
            .and_then(|m| rows.get(m.first_row)?.cells.get(m.first_col))
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
    };
    let width = rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let header_width = rows[h]
        .cells
        .iter()
        .rposition(|c| !is_blank(c))
        .map_or(0, |p| p + 1);
    let is_group_row = |r: usize| -> bool {
        let cells = &rows[r].cells;
        let n = count_non_empty(cells);
        if n == 0 || is_total(cells) || is_signature(cells) {
            return false;
        }
        let first = non_empty(cells).next().map_or(0, |(i, _)| i);
        let spans_all = merges.iter().any(|m| {
            m.first_row <= r
                && r <= m.last_row
                && m.first_col == 0
                && m.last_col + 2 >= header_width
        });
        if spans_all {
            return false;
        }
        n >= 2 || first > 0
    };
    let is_sub_row = |r: usize| -> bool {
        let cells = &rows[r].cells;
        let n = count_non_empty(cells);
        if n == 0 {
            return false;
        }
        let (_, mapped) = header_score(table, cells);
        // Every non-empty cell sits under a blank or horizontally merged header cell, and
        // most of them name fields.
        let under_group = non_empty(cells).all(|(c, _)| {
            rows[h].cells.get(c).is_none_or(|s| is_blank(s))
                || merges.iter().any(|m| {
                    m.first_row <= h
                        && h <= m.last_row
                        && m.first_col <= c
                        && c <= m.last_col
                        && m.last_col > m.first_col
                })
        });
        under_group && mapped * 2 >= n
    };
    let (top, bottom) = if h + 1 < rows.len() && is_sub_row(h + 1) {
        (Some(h), h + 1)
    } else if h > 0
        && is_group_row(h - 1)
        && count_non_empty(&rows[h - 1].cells) < count_non_empty(&rows[h].cells)
    {
        (Some(h - 1), h)
    } else {
        (None, h)
    };

    // Group labels: merged cells carry their value across; in CSV a label carries to the
    // right over blank cells while the row below has labels there.
    let group_label = |c: usize| -> Option<String> {
        let t = top?;
        if let Some(v) = merged_value(t, c) {
            return Some(v.to_owned());
        }
        let own = rows[t].cells.get(c).map(|s| s.trim()).unwrap_or("");
        if !own.is_empty() {
            return Some(own.to_owned());
        }
        if merges.is_empty() {
            let mut k = c;
            while k > 0 {
                k -= 1;
                let sub_here = rows[bottom].cells.get(k + 1).is_some_and(|s| !is_blank(s));
                if !sub_here {
                    return None;
                }
                let v = rows[t].cells.get(k).map(|s| s.trim()).unwrap_or("");
                if !v.is_empty() {
                    // Only carry a label that itself has sub-columns under it.
                    return rows[bottom]
                        .cells
                        .get(k)
                        .filter(|s| !is_blank(s))
                        .map(|_| v.to_owned());
                }
            }
        }
        None
    };
    let sub_label = |c: usize| -> String {
        if let Some(v) = merged_value(bottom, c) {
            // A header cell merged down from the group row is a label, not a group.
            return v.to_owned();
        }
        rows[bottom]
            .cells
            .get(c)
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    };

    // 3. Which columns exist: those with a header, and those with any data below.
    let mut has_data = vec![false; width];
    for row in &rows[bottom + 1..] {
        for (c, _) in non_empty(&row.cells) {
            has_data[c] = true;
        }
    }
    let mut columns = Vec::new();
    for (c, &with_data) in has_data.iter().enumerate() {
        let mut group = group_label(c);
        let sub = sub_label(c);
        if group.as_deref() == Some(sub.as_str()) {
            group = None;
        }
        if group.is_none() && sub.is_empty() && !with_data {
            continue;
        }
        let mapped = table.map_with_group_how(group.as_deref(), &sub);
        let header = match (&group, sub.is_empty()) {
            (Some(g), false) => format!("{g} / {sub}"),
            (Some(g), true) => g.clone(),
            (None, _) => sub,
        };
        columns.push(ColumnLabel {
            position: c,
            header,
            mapped_by: mapped.as_ref().map_or("none", |(_, how)| how.code()),
            confidence: mapped.as_ref().map(|(_, how)| how.confidence()),
            field: mapped.map(|(f, _)| f),
            content: None,
        });
    }
    let hows: Vec<Option<How>> = columns
        .iter()
        .map(|c| match c.mapped_by {
            "alias" => Some(How::Alias),
            "keyword" => Some(How::Keyword),
            "fuzzy header" => Some(How::Fuzzy),
            "group header" => Some(How::Group),
            _ => None,
        })
        .collect();

    // 4. Sort the rows.
    let first_header = top.unwrap_or(h);
    let header_rows: Vec<usize> = (first_header..=bottom).collect();
    let mut head_aside = Vec::new();
    let mut titles = Vec::new();
    let mut form_values: Vec<FormValue> = Vec::new();
    for (i, row) in rows.iter().enumerate().take(first_header) {
        if count_non_empty(&row.cells) == 0 {
            head_aside.push((i, SetAside::Blank));
        } else {
            if let Some(f) = form_value(table, row, i) {
                if !form_values.iter().any(|g| g.field == f.field) {
                    form_values.push(f);
                }
            }
            titles.push(
                non_empty(&row.cells)
                    .map(|(_, c)| c)
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            head_aside.push((i, SetAside::Title));
        }
    }
    for &i in &header_rows {
        head_aside.push((i, SetAside::Header));
    }
    // Header text by column, for spotting repeated headers in O(1) per cell.
    let mut header_at: Vec<Vec<String>> = vec![Vec::new(); width];
    let mut header_cells = 0;
    for &r in &header_rows {
        for (c, v) in non_empty(&rows[r].cells) {
            header_at[c].push(v.to_owned());
            header_cells += 1;
        }
    }

    // 5. Merged cells and ditto marks below the header carry their value down, as a person
    // reads a register where the FIR number, date and sections of a case are merged over
    // the rows of its victims.
    let filled_cells = fill_down(rows, merges, bottom, &header_at, header_cells);

    let (mut records, mut set_aside) = sort_rows(rows, bottom, &columns, &header_at, header_cells);

    // 6. What the values hold: unknown headers mapped by content, headers contradicted by
    // their values re-routed, every mapping given a confidence.
    let fields_before: Vec<Option<String>> = columns.iter().map(|c| c.field.clone()).collect();
    let signature: Vec<(usize, String)> = columns
        .iter()
        .map(|c| (c.position, c.header.clone()))
        .collect();
    let notes = if let Some((decided, notes)) = layouts.decided.get(&signature) {
        for (col, (field, by, conf, content)) in columns.iter_mut().zip(decided) {
            col.field.clone_from(field);
            col.mapped_by = by;
            col.confidence = *conf;
            col.content = *content;
        }
        notes.clone()
    } else {
        let notes = infer_columns(&mut columns, &hows, rows, &records);
        if records.len() >= LAYOUT_MIN_RECORDS {
            let decided = columns
                .iter()
                .map(|c| (c.field.clone(), c.mapped_by, c.confidence, c.content))
                .collect();
            layouts.decided.insert(signature, (decided, notes.clone()));
        }
        notes
    };
    // Sorting looks at the columns' fields only (serial numbers, identifying columns): sort
    // again only when inference changed one.
    if columns
        .iter()
        .zip(&fields_before)
        .any(|(c, before)| c.field != *before)
    {
        (records, set_aside) = sort_rows(rows, bottom, &columns, &header_at, header_cells);
    }

    // Rows of a case-wise register that continue the numbered row above (no serial number
    // and no case cells of their own) belong to the same case.
    fill_continuations(rows, &records, &columns);

    // 7. A table that names no person and holds counts is a summary, not records.
    if is_summary(&columns, rows, &records) {
        set_aside.extend(records.drain(..).map(|i| (i, SetAside::Summary)));
    }
    set_aside.extend(head_aside);
    set_aside.sort_by_key(|(i, _)| *i);
    Some(FoundTable {
        titles,
        header_rows,
        columns,
        records,
        set_aside,
        notes,
        filled_cells,
        form_values,
    })
}

/// Whether a cell is a ditto mark: "do", "-do-", "〃", a lone double quote, "ایضاً".
fn is_ditto(cell: &str) -> bool {
    let t = trim_cell(cell);
    // Runs on every cell below the header: reject on the first letter before any copying.
    let first = t
        .chars()
        .find(|c| !matches!(c, '-' | '=' | '_' | '.' | ' ' | '—' | '–'));
    if !matches!(first, Some('d' | 'D' | '〃' | '"' | '\'' | 'ا')) || t.len() > 48 {
        return false;
    }
    let core: String = t
        .chars()
        .filter(|c| !matches!(c, '-' | '=' | '_' | '.' | ' ' | '—' | '–'))
        .flat_map(char::to_lowercase)
        .collect();
    matches!(
        core.as_str(),
        "do" | "ditto" | "〃" | "\"" | "''" | "ایضاً" | "ایضا" | "ایضًا"
    )
}

/// Fills cells below the header from vertically merged regions and ditto marks; returns how
/// many cells were filled. Only regions that start below the header count; a value spreads
/// down its own column (a merge across columns keeps its value in the first).
fn fill_down(
    rows: &mut [GridRow],
    merges: &[Merge],
    bottom: usize,
    header_at: &[Vec<String>],
    header_cells: usize,
) -> usize {
    let mut filled = 0;
    for m in merges {
        if m.first_row <= bottom || m.last_row <= m.first_row || m.last_row >= rows.len() {
            continue;
        }
        let Some(value) = rows[m.first_row]
            .cells
            .get(m.first_col)
            .filter(|v| !is_blank(v))
            .cloned()
        else {
            continue;
        };
        for row in &mut rows[m.first_row + 1..=m.last_row] {
            let cells = &mut row.cells;
            if cells.len() <= m.first_col {
                cells.resize(m.first_col + 1, String::new());
            }
            if is_blank(&cells[m.first_col]) {
                cells[m.first_col].clone_from(&value);
                filled += 1;
            }
        }
    }
    // Ditto marks take the value above them in their column (from the last row that is not
    // blank, a total, or a repeated header).
    let mut last: Vec<Option<String>> = Vec::new();
    for row in rows.iter_mut().skip(bottom + 1) {
        let n = count_non_empty(&row.cells);
        if n == 0 || is_total(&row.cells) || repeats_header(&row.cells, header_at, header_cells) {
            continue;
        }
        if last.len() < row.cells.len() {
            last.resize(row.cells.len(), None);
        }
        for (cell, above) in row.cells.iter_mut().zip(last.iter_mut()) {
            if is_ditto(cell) {
                if let Some(prev) = above.as_ref() {
                    cell.clone_from(prev);
                    filled += 1;
                }
            } else if !is_blank(cell) {
                *above = Some(cell.clone());
            }
        }
    }
    filled
}

fn repeats_header(cells: &[String], header_at: &[Vec<String>], header_cells: usize) -> bool {
    let n = count_non_empty(cells);
    let matches = non_empty(cells)
        .filter(|(c, v)| {
            header_at
                .get(*c)
                .is_some_and(|hs| hs.iter().any(|h| h.eq_ignore_ascii_case(v)))
        })
        .count();
    matches * 10 >= n * 6 && matches >= 1 && (n >= 2 || header_cells <= 2)
}

/// Sorts the rows below the header into records and rows set aside with a reason.
fn sort_rows(
    rows: &[GridRow],
    bottom: usize,
    columns: &[ColumnLabel],
    header_at: &[Vec<String>],
    header_cells: usize,
) -> (Vec<usize>, Vec<(usize, SetAside)>) {
    let serial_cols: Vec<usize> = columns
        .iter()
        .filter(|c| c.field.as_deref() == Some("serial_no"))
        .map(|c| c.position)
        .collect();
    let mut records = Vec::new();
    let mut set_aside = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(bottom + 1) {
        let cells = &row.cells;
        let n = count_non_empty(cells);
        // Repeated headers are copies of the header: compare the text as printed,
        // ignoring case (cheap: this runs on every row).
        let reason = if n == 0 {
            Some(SetAside::Blank)
        } else if repeats_header(cells, header_at, header_cells) {
            Some(SetAside::RepeatedHeader)
        } else if is_total(cells) {
            Some(SetAside::Total)
        } else if is_signature(cells) {
            Some(SetAside::Signature)
        } else if n == 1 {
            let (c, v) = non_empty(cells).next().unwrap_or((0, ""));
            let col_field = columns
                .iter()
                .find(|l| l.position == c)
                .and_then(|l| l.field.as_deref());
            let is_serial = serial_cols.contains(&c);
            if is_serial && v.chars().all(|ch| ch.is_ascii_digit() || ch == '.') {
                Some(SetAside::SerialOnly)
            } else if looks_like_note(v)
                || (v.chars().any(char::is_alphabetic)
                    && !matches!(
                        col_field,
                        Some(
                            "name"
                                | "father_name"
                                | "husband_name"
                                | "cnic"
                                | "passport"
                                | "phone"
                                | "case_id"
                                | "fir_no"
                                | "record_id"
                        )
                    ))
            {
                // A lone piece of text outside the identifying columns (a footnote under
                // the date column, a section label) is not a record; a lone name is.
                Some(SetAside::Note)
            } else {
                None
            }
        } else {
            None
        };
        match reason {
            Some(r) => set_aside.push((i, r)),
            None => records.push(i),
        }
    }
    (records, set_aside)
}

/// Fields that identify a case: a row with none of them (and no serial number) continues the
/// case above it.
const CASE_KEYS: [&str; 5] = [
    "fir_no",
    "case_id",
    "date",
    "law_sections",
    "police_station",
];
/// Further fields of the case, copied to its continuation rows where they are blank (the
/// brief facts of an FIR hold its sections; the status is the case's).
const CASE_EXTRAS: [&str; 4] = ["case_status", "crime_type", "remarks", "date_of_report"];

/// Copies the case cells of a numbered record row to the rows below it that have neither a
/// serial number nor any cell identifying a case: case-wise registers number the case once
/// and leave its FIR number, date, sections and status blank on the rows of its other
/// persons. Nothing is copied without a serial-number column (a blank FIR cell may then mean
/// "no FIR").
fn fill_continuations(rows: &mut [GridRow], records: &[usize], columns: &[ColumnLabel]) {
    let Some(serial) = columns
        .iter()
        .find(|c| c.field.as_deref() == Some("serial_no"))
        .map(|c| c.position)
    else {
        return;
    };
    let cols_of = |fields: &[&str]| -> Vec<usize> {
        columns
            .iter()
            .filter(|c| c.field.as_deref().is_some_and(|f| fields.contains(&f)))
            .map(|c| c.position)
            .collect()
    };
    let keys = cols_of(&CASE_KEYS);
    if keys.is_empty() {
        return;
    }
    let copied: Vec<usize> = keys.iter().copied().chain(cols_of(&CASE_EXTRAS)).collect();
    let blank = |row: &GridRow, c: usize| row.cells.get(c).is_none_or(|v| is_blank(v));
    let mut head: Option<usize> = None;
    for &i in records {
        if !blank(&rows[i], serial) {
            head = Some(i);
            continue;
        }
        let Some(h) = head else {
            continue;
        };
        if !keys.iter().all(|&c| blank(&rows[i], c)) {
            continue;
        }
        for &c in &copied {
            if !blank(&rows[i], c) {
                continue;
            }
            let Some(v) = rows[h].cells.get(c).filter(|v| !is_blank(v)).cloned() else {
                continue;
            };
            let cells = &mut rows[i].cells;
            if cells.len() <= c {
                cells.resize(c + 1, String::new());
            }
            cells[c] = v;
        }
    }
}

/// Least number of values for a column's content to override its header.
const MIN_VALUES_TO_OVERRIDE: usize = 5;
/// Least number of values for a column without a known header to be mapped by its content.
const MIN_VALUES_BY_CONTENT: usize = 3;

/// Least share of a column's values of one unmistakable kind for the values to override the
/// header's field.
const OVERRIDE_SHARE: f64 = 0.7;

/// Decides each column's field from its header match and its values (see [`infer`]); returns
/// notes on headers that the values contradicted.
fn infer_columns(
    columns: &mut [ColumnLabel],
    hows: &[Option<How>],
    rows: &[GridRow],
    records: &[usize],
) -> Vec<(usize, String)> {
    let mut notes = Vec::new();
    let guesses: Vec<(Option<ContentGuess>, Profile)> = columns
        .iter()
        .map(|col| {
            let values = records
                .iter()
                .map(|&i| rows[i].cells.get(col.position).map_or("", String::as_str));
            let profile = infer::profile(values);
            (infer::guess(&profile), profile)
        })
        .collect();
    for (k, col) in columns.iter_mut().enumerate() {
        let (guess, profile) = &guesses[k];
        col.content = guess.map(|g| g.kind);
        let Some(g) = guess else {
            continue;
        };
        match (&col.field, hows[k]) {
            (Some(field), Some(how)) => {
                if field == "remarks" || g.kind.fits(field) {
                    // Values agree (or the column is free text): a keyword or fuzzy header
                    // confirmed by its values is as sure as an alias.
                    if g.kind.fits(field) && g.share >= 0.5 {
                        col.confidence = Some(how.confidence().max(0.9 * g.share.max(0.5) + 0.1));
                    }
                    continue;
                }
                // A shelter outcome beats a case stage only where it is the commoner reading.
                let overrides = g.kind.unmistakable()
                    && g.values >= MIN_VALUES_TO_OVERRIDE
                    && g.share
                        >= OVERRIDE_SHARE.min(if g.kind == Kind::Protection { 0.5 } else { 1.0 })
                    && (g.kind != Kind::Protection
                        || profile.share(Kind::Protection) > profile.share(Kind::CaseStatus));
                if overrides {
                    let target = g.kind.field();
                    notes.push((
                        col.position,
                        format!(
                            "the header reads as '{field}' but {:.0}% of the values are {}; read as '{target}'",
                            g.share * 100.0,
                            g.kind.label()
                        ),
                    ));
                    col.field = Some(target.to_owned());
                    col.mapped_by = "content";
                    col.confidence = Some(0.95 * g.share);
                } else {
                    col.confidence = Some(how.confidence() * 0.8);
                }
            }
            (None, _) | (Some(_), None) => {
                if g.values < MIN_VALUES_BY_CONTENT || names_another_person(&col.header) {
                    continue;
                }
                col.field = Some(g.kind.field().to_owned());
                col.mapped_by = "content";
                col.confidence = Some(0.9 * g.share);
            }
        }
    }
    // A field claimed by a header keeps it: a column mapped by content alone to a field
    // another column's header names is left unmapped (but a nameless column of names right
    // after the name column holds the father's names, as registers lay them out).
    let header_fields: Vec<String> = columns
        .iter()
        .filter(|c| c.mapped_by != "content")
        .filter_map(|c| c.field.clone())
        .collect();
    let name_position = columns
        .iter()
        .find(|c| c.field.as_deref() == Some("name") && c.mapped_by != "content")
        .map(|c| c.position);
    let has_father = header_fields.iter().any(|f| f == "father_name");
    let mut claimed: Vec<String> = header_fields;
    for col in columns.iter_mut() {
        if col.mapped_by != "content" {
            continue;
        }
        let Some(f) = col.field.clone() else {
            continue;
        };
        if claimed.contains(&f) {
            let next_to_name = name_position.is_some_and(|p| col.position == p + 1);
            if f == "name"
                && next_to_name
                && !has_father
                && !claimed.iter().any(|c| c == "father_name")
            {
                col.field = Some("father_name".to_owned());
                col.confidence = col.confidence.map(|c| c * 0.7);
                claimed.push("father_name".to_owned());
            } else {
                col.field = None;
                col.mapped_by = "none";
                col.confidence = None;
            }
        } else {
            claimed.push(f);
        }
    }
    // A free-text column that cites law sections or names shelter outcomes here and there
    // ("Action taken: FIR 748/23 registered u/s 3 PSMA") is read as the remarks when the
    // sheet has none, so that normalization looks into it.
    if !claimed.iter().any(|f| f == "remarks") {
        let best = columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.field.is_none())
            .map(|(k, _)| {
                let p = &guesses[k].1;
                (k, p.share(Kind::Sections).max(p.share(Kind::Protection)))
            })
            .filter(|(k, share)| *share >= 0.2 && guesses[*k].1.values >= MIN_VALUES_BY_CONTENT)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((k, share)) = best {
            let col = &mut columns[k];
            col.field = Some("remarks".to_owned());
            col.mapped_by = "content";
            col.confidence = Some(0.5 + share / 2.0);
        }
    }
    notes
}

/// Dates of a sheet cut into sections by label rows ("Batch No. 2 - received at Taftan on
/// 14-Nov-2024" above each block of rows), for a table without a date column: each record
/// takes the full date of the last label row above it, as ISO text. Only a sheet with such a
/// label inside its data counts; the title row just above the header then labels the first
/// section. A date in the titles of an unsectioned table (a report date "as on ...") is
/// never given to its records. Returns `None` when the sheet has no dated section labels.
#[must_use]
pub fn section_dates(
    rows: &[GridRow],
    records: &[usize],
    set_aside: &[(usize, SetAside)],
    header_rows: &[usize],
) -> Option<HashMap<usize, String>> {
    let label_date = |i: usize| -> Option<String> {
        let mut filled = non_empty(&rows[i].cells);
        let (_, text) = filled.next()?;
        if filled.next().is_some() {
            return None;
        }
        let d = crate::normalize::date::date_in_text(text)?;
        let (y, m, day) = crate::normalize::date::ymd_from_days(d.days);
        Some(format!("{y:04}-{m:02}-{day:02}"))
    };
    let first_header = *header_rows.first()?;
    let labels: Vec<(usize, String)> = set_aside
        .iter()
        .filter(|(i, r)| *i > first_header && *r == SetAside::Note)
        .filter_map(|(i, _)| label_date(*i).map(|d| (*i, d)))
        .collect();
    if labels.is_empty() {
        return None;
    }
    // The title row right above the header (blank rows between allowed) labels the first
    // section.
    let above = (0..first_header)
        .rev()
        .find(|&i| count_non_empty(&rows[i].cells) > 0)
        .and_then(|i| label_date(i).map(|d| (i, d)));
    let mut marks: Vec<(usize, String)> = above.into_iter().chain(labels).collect();
    marks.sort_by_key(|(i, _)| *i);
    let mut out = HashMap::new();
    for &r in records {
        if let Some((_, d)) = marks.iter().rev().find(|(i, _)| *i < r) {
            out.insert(r, d.clone());
        }
    }
    Some(out)
}

/// Words of a header naming a person other than the victim (the accused, the complainant, a
/// witness): such a column holds names, parentage and addresses too, but never the
/// victim's, so its values must not map it to the victim's fields.
const OTHER_PERSON_WORDS: [&str; 17] = [
    "accused",
    "complainant",
    "suspect",
    "agent",
    "agents",
    "witness",
    "informant",
    "culprit",
    "offender",
    "trafficker",
    "smuggler",
    "arrested",
    "ملزم",
    "ملزمان",
    "مدعی",
    "مستغیث",
    "گواہ",
];

/// Words of a header naming the victim, which win over [`OTHER_PERSON_WORDS`]
/// ("Complainant / Victim").
const VICTIM_WORDS: [&str; 6] = [
    "victim",
    "victims",
    "affectee",
    "affectees",
    "survivor",
    "متاثرہ",
];

/// Whether a header names a person other than the victim (see [`OTHER_PERSON_WORDS`]).
fn names_another_person(header: &str) -> bool {
    let norm = super::aliases::normalize_header(header);
    let words: Vec<&str> = norm.split([' ', '/']).filter(|w| !w.is_empty()).collect();
    words.iter().any(|w| OTHER_PERSON_WORDS.contains(w))
        && !words.iter().any(|w| VICTIM_WORDS.contains(w))
}

/// Whether a sheet without a header holds a table of counts: at least two rows with three or
/// more cells, most cells after each row's first being whole numbers ("January | 3 | 5 | 8").
#[must_use]
pub fn looks_like_counts(rows: &[GridRow]) -> bool {
    let (mut table_rows, mut cells, mut numbers) = (0usize, 0usize, 0usize);
    for r in rows {
        let filled: Vec<&str> = non_empty(&r.cells).map(|(_, v)| v).collect();
        if filled.len() < 3 {
            continue;
        }
        table_rows += 1;
        for v in &filled[1..] {
            cells += 1;
            if v.trim_end_matches(".0").chars().all(|c| c.is_numeric()) {
                numbers += 1;
            }
        }
    }
    table_rows >= 2 && numbers * 10 >= cells * 6
}

/// Whether a table is a summary of counts: no column identifies a person, and most cells of
/// the columns after the first are whole numbers.
fn is_summary(columns: &[ColumnLabel], rows: &[GridRow], records: &[usize]) -> bool {
    let identifying = columns.iter().any(|c| {
        matches!(
            c.field.as_deref(),
            Some("name" | "father_name" | "husband_name" | "cnic" | "passport" | "phone")
        )
    });
    if identifying || records.is_empty() {
        return false;
    }
    let first = columns.first().map_or(0, |c| c.position);
    let (mut cells, mut numbers) = (0usize, 0usize);
    for &i in records {
        for (c, v) in non_empty(&rows[i].cells) {
            if c == first {
                continue;
            }
            cells += 1;
            if v.trim_end_matches(".0")
                .chars()
                .all(|ch| ch.is_ascii_digit())
            {
                numbers += 1;
            }
        }
    }
    cells > 0 && numbers * 10 >= cells * 6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_facts_written_as_labels_above_the_table() {
        let mut rows = grid(&[
            &["Police Post Kharian: case sheet", "", ""],
            &["Case No.", "77/2025", ""],
            &["Date of Occurrence:", "3 March 2025", ""],
            &["Sections: 3 PTPA", "", ""],
            &["Complainant", "Zahid s/o Karim", ""],
            &["Case Status", "Under trial", ""],
            &["", "", ""],
            &["S. No.", "Name of Victim", "Age"],
            &["1", "A", "12"],
            &["2", "B", "30"],
        ]);
        let t = find_table(AliasTable::builtin(), &mut rows, &[], 30).unwrap();
        assert_eq!(t.header_rows, vec![7]);
        let got: Vec<(&str, &str, usize, usize)> = t
            .form_values
            .iter()
            .map(|f| (f.field.as_str(), f.value.as_str(), f.row, f.column))
            .collect();
        // The complainant's name is a person's particular: not spread to the victims.
        assert_eq!(
            got,
            [
                ("case_id", "77/2025", 1, 1),
                ("date", "3 March 2025", 2, 1),
                ("law_sections", "3 PTPA", 3, 0),
                ("case_status", "Under trial", 5, 1),
            ]
        );
        assert_eq!(t.records, vec![8, 9]);
    }

    #[test]
    fn columns_of_accused_and_complainants_are_not_the_victims() {
        // Unknown headers whose values are names with parentage and addresses: the victim's
        // columns are mapped by content, the accused's and the complainant's are not.
        let mut rows = grid(&[
            &[
                "S.No",
                "Date",
                "Persons rescued",
                "Complainant",
                "Accused (Agent)",
            ],
            &[
                "1",
                "01.02.2025",
                "Rabia d/o Aslam",
                "State through SI Nadeem",
                "Karim s/o Qadir",
            ],
            &[
                "2",
                "02.02.2025",
                "Sadia d/o Anwar",
                "Aslam s/o Din r/o Kharian",
                "Javed s/o Umar",
            ],
            &[
                "3",
                "03.02.2025",
                "Hina w/o Tariq",
                "Tariq s/o Ali r/o Dinga",
                "Naeem s/o Bashir",
            ],
            &[
                "4",
                "04.02.2025",
                "Nida d/o Riaz",
                "State through ASI Bilal",
                "Asif s/o Rauf",
            ],
        ]);
        let t = find_table(AliasTable::builtin(), &mut rows, &[], 30).unwrap();
        assert_eq!(
            fields(&t),
            [Some("serial_no"), Some("date"), Some("name"), None, None]
        );
        assert!(names_another_person("Name(s) of Accused"));
        assert!(names_another_person("ملزمان"));
        assert!(!names_another_person("Complainant / Victim"));
        assert!(!names_another_person("Name of Agency"));
    }

    #[test]
    fn dated_section_labels_date_the_rows_below_them() {
        let mut rows = grid(&[
            &["Border post X: persons returned", "", ""],
            &["Group 1 - received on 03-Jan-2025", "", ""],
            &["Sr", "Name", "Father Name"],
            &["1", "A", "B"],
            &["2", "C", "D"],
            &["", "", ""],
            &["Group 2 - received on 9.1.2025", "", ""],
            &["Sr", "Name", "Father Name"],
            &["1", "E", "F"],
        ]);
        let t = find_table(AliasTable::builtin(), &mut rows, &[], 30).unwrap();
        assert_eq!(t.records, vec![3, 4, 8]);
        let dates = section_dates(&rows, &t.records, &t.set_aside, &t.header_rows).unwrap();
        assert_eq!(dates[&3], "2025-01-03");
        assert_eq!(dates[&4], "2025-01-03");
        assert_eq!(dates[&8], "2025-01-09");
        // A dated title over a table without section labels dates nothing.
        let mut rows = grid(&[
            &["Statement as on 31.01.2025", "", ""],
            &["Sr", "Name", "Father Name"],
            &["1", "A", "B"],
        ]);
        let t = find_table(AliasTable::builtin(), &mut rows, &[], 30).unwrap();
        assert_eq!(
            section_dates(&rows, &t.records, &t.set_aside, &t.header_rows),
            None
        );
    }

    #[test]
    fn cells_are_trimmed_like_str_trim() {
        for cell in [
            "",
            " ",
            "Ali",
            " Ali",
            "Ali\t",
            "\u{a0}Ali\u{a0}",
            "علی",
            " علی ",
            "\u{3000}x",
            "a b",
        ] {
            assert_eq!(trim_cell(cell), cell.trim(), "{cell:?}");
            assert_eq!(is_blank(cell), cell.trim().is_empty(), "{cell:?}");
        }
    }

    fn grid(rows: &[&[&str]]) -> Vec<GridRow> {
        rows.iter()
            .enumerate()
            .map(|(i, r)| GridRow {
                number: i as u64 + 1,
                cells: r.iter().map(|s| (*s).to_owned()).collect(),
            })
            .collect()
    }

    fn fields(t: &FoundTable) -> Vec<Option<&str>> {
        t.columns.iter().map(|c| c.field.as_deref()).collect()
    }

    #[test]
    fn finds_header_below_titles_and_sorts_rows() {
        let mut rows = grid(&[
            &["FIA Anti Human Trafficking Circle, Lahore", "", ""],
            &["Statement of victims, March 2025", "", ""],
            &["", "", ""],
            &["Sr. No.", "Name of Victim", "F/Name", "Age"],
            &["1", "A", "B", "12"],
            &["", "", "", ""],
            &["Sr. No.", "Name of Victim", "F/Name", "Age"],
            &["2", "C", "D", "30"],
            &["Total", "", "", "2"],
            &["", "Sd/- Deputy Director", "", ""],
            &["3", "", "", ""],
            &["", "", "", "سپرنٹنڈنٹ دارالامان لاہور"],
            &["", "", "Only a father's name", ""],
            &["", "کلثوم", "", "12"],
        ]);
        let t = find_table(AliasTable::builtin(), &mut rows, &[], 30).unwrap();
        assert_eq!(t.header_rows, vec![3]);
        assert_eq!(t.titles.len(), 2);
        assert_eq!(
            fields(&t),
            [
                Some("serial_no"),
                Some("name"),
                Some("father_name"),
                Some("age")
            ]
        );
        let reasons: Vec<_> = t.set_aside.iter().map(|(i, r)| (*i, *r)).collect();
        assert!(reasons.contains(&(5, SetAside::Blank)));
        assert!(reasons.contains(&(6, SetAside::RepeatedHeader)));
        assert!(reasons.contains(&(8, SetAside::Total)));
        assert!(reasons.contains(&(9, SetAside::Signature)));
        assert!(reasons.contains(&(10, SetAside::SerialOnly)));
        assert!(reasons.contains(&(11, SetAside::Signature)));
        assert_eq!(t.records, vec![4, 7, 12, 13]);
        assert_eq!(t.records.len() + t.set_aside.len(), rows.len());
    }

    #[test]
    fn group_header_row_in_csv() {
        let mut rows = grid(&[
            &["", "Victim", "", "", "Father / Guardian", ""],
            &["S.No", "Name", "Age", "Sex", "Name", "CNIC"],
            &["1", "A", "12", "F", "B", "35202-1234567-1"],
        ]);
        let t = find_table(AliasTable::builtin(), &mut rows, &[], 30).unwrap();
        assert_eq!(t.header_rows, vec![0, 1]);
        assert_eq!(
            fields(&t),
            [
                Some("serial_no"),
                Some("name"),
                Some("age"),
                Some("sex"),
                Some("father_name"),
                Some("father_cnic")
            ]
        );
        assert_eq!(t.records, vec![2]);
    }

    #[test]
    fn merged_header_cells_in_excel() {
        // "Name of Victim" merged over two header rows; "Address" merged over two columns.
        let mut rows = grid(&[
            &["Sr", "Name of Victim", "Address", "", "Age"],
            &["", "", "District", "Province", ""],
            &["1", "A", "Kasur", "Punjab", "19"],
        ]);
        let merges = [
            Merge {
                first_row: 0,
                last_row: 1,
                first_col: 1,
                last_col: 1,
            },
            Merge {
                first_row: 0,
                last_row: 0,
                first_col: 2,
                last_col: 3,
            },
            Merge {
                first_row: 0,
                last_row: 1,
                first_col: 4,
                last_col: 4,
            },
        ];
        let t = find_table(AliasTable::builtin(), &mut rows, &merges, 30).unwrap();
        assert_eq!(t.header_rows, vec![0, 1]);
        assert_eq!(
            fields(&t),
            [
                Some("serial_no"),
                Some("name"),
                Some("district"),
                Some("province"),
                Some("age")
            ]
        );
        assert_eq!(t.records, vec![2]);
    }

    #[test]
    fn no_header() {
        let mut rows = grid(&[&["Notes"], &["This workbook has instructions only."]]);
        assert!(find_table(AliasTable::builtin(), &mut rows, &[], 30).is_none());
    }
}
