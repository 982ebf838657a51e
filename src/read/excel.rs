//! Excel workbooks (xlsx, xlsm, xls, xlsb, ods) into grids of text, through `calamine`.
//!
//! Every cell becomes the text a person sees, never a float: a CNIC stored as the number
//! 3520212345671 stays "3520212345671" (not "3.52E+12"), a date cell becomes an ISO date.

use std::io::{Read, Seek};
use std::path::Path;

use calamine::{open_workbook_auto, Data, Range, Reader, Sheets};

use super::grid::{GridRow, Merge};

/// One worksheet as a grid, with its merged regions.
#[derive(Debug)]
pub struct SheetGrid {
    /// Sheet name.
    pub name: String,
    /// Rows, numbered as Excel shows them.
    pub rows: Vec<GridRow>,
    /// Merged regions, as indices into `rows` and cells.
    pub merges: Vec<Merge>,
}

/// Why a workbook could not be opened.
#[derive(Debug)]
pub enum WorkbookError {
    /// Encrypted with a password.
    Protected,
    /// Not a workbook, or damaged; with calamine's description.
    Corrupt(String),
    /// A requested sheet is not in the workbook.
    MissingSheet {
        /// The sheet asked for.
        requested: String,
        /// The sheets present.
        available: Vec<String>,
    },
}

/// Formats a number the way a spreadsheet shows an integer-valued cell: no exponent, no ".0".
#[must_use]
pub fn number_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e17 {
        #[allow(clippy::cast_possible_truncation)]
        let i = f as i64;
        i.to_string()
    } else {
        format!("{f}")
    }
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(dt) => {
            if dt.is_datetime() {
                let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
                if h == 0 && mi == 0 && s == 0 {
                    format!("{y:04}-{mo:02}-{d:02}")
                } else {
                    format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
                }
            } else {
                number_text(dt.as_f64())
            }
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("{e}"),
    }
}

fn grid_from_range(range: &Range<Data>) -> (Vec<GridRow>, u32, u32) {
    let Some((r0, c0)) = range.start() else {
        return (Vec::new(), 0, 0);
    };
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, row)| {
            let mut cells = vec![String::new(); c0 as usize];
            cells.extend(row.iter().map(cell_text));
            while cells.last().is_some_and(String::is_empty) {
                cells.pop();
            }
            GridRow {
                number: u64::from(r0) + i as u64 + 1,
                cells,
            }
        })
        .collect();
    (rows, r0, c0)
}

fn open_error(err: &calamine::Error) -> WorkbookError {
    let text = err.to_string();
    if text.to_lowercase().contains("password") || text.to_lowercase().contains("encrypt") {
        WorkbookError::Protected
    } else {
        WorkbookError::Corrupt(text)
    }
}

/// Reads the sheets of a workbook (all, or those named), in workbook order.
///
/// # Errors
/// [`WorkbookError`] when the workbook cannot be opened or a requested sheet is missing.
pub fn read_workbook(
    path: &Path,
    sheets: Option<&[String]>,
) -> Result<Vec<SheetGrid>, WorkbookError> {
    // An xlsx saved with a password is an OLE compound file, not a zip.
    let mut magic = [0u8; 8];
    if let Ok(mut f) = std::fs::File::open(path) {
        let n = f.read(&mut magic).unwrap_or(0);
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_lowercase();
        if n == 8 && magic == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] && ext != "xls" {
            return Err(WorkbookError::Protected);
        }
    }
    let mut wb = open_workbook_auto(path).map_err(|e| open_error(&e))?;
    read_sheets(&mut wb, sheets)
}

fn read_sheets<RS: Read + Seek>(
    wb: &mut Sheets<RS>,
    sheets: Option<&[String]>,
) -> Result<Vec<SheetGrid>, WorkbookError> {
    let names = wb.sheet_names();
    let wanted: Vec<String> = match sheets {
        None => names.clone(),
        Some(req) => {
            for r in req {
                if !names.contains(r) {
                    return Err(WorkbookError::MissingSheet {
                        requested: r.clone(),
                        available: names.clone(),
                    });
                }
            }
            names.iter().filter(|n| req.contains(n)).cloned().collect()
        }
    };
    let mut out = Vec::with_capacity(wanted.len());
    for name in wanted {
        let range = wb.worksheet_range(&name).map_err(|e| open_error(&e))?;
        let (rows, r0, c0) = grid_from_range(&range);
        let merges = match wb {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(&name).unwrap_or_default(),
            Sheets::Xls(x) => {
                #[allow(deprecated)]
                let m = x.worksheet_merge_cells(&name).unwrap_or_default();
                m
            }
            _ => Vec::new(),
        };
        let merges = merges
            .into_iter()
            .filter(|d| d.start.0 >= r0 && d.start.1 >= c0)
            .map(|d| Merge {
                first_row: (d.start.0 - r0) as usize,
                last_row: (d.end.0 - r0) as usize,
                first_col: d.start.1 as usize,
                last_col: d.end.1 as usize,
            })
            .collect();
        out.push(SheetGrid { name, rows, merges });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_digits() {
        assert_eq!(number_text(3_520_212_345_671.0), "3520212345671");
        assert_eq!(number_text(12.5), "12.5");
        assert_eq!(number_text(-3.0), "-3");
    }
}
