//! Excel workbooks (xlsx, xlsm, xls, xlsb, ods) into grids of text, through `calamine`.
//!
//! Every cell becomes the text a person sees, never a float: a CNIC stored as the number
//! 3520212345671 stays "3520212345671" (not "3.52E+12"), a date cell becomes an ISO date.
//!
//! Only the used cells are read ([`super::cells`]): xlsx, xlsm and xlsb sheets are streamed
//! cell by cell, never as a range the size of the sheet's declared dimension. Error cells
//! (`#REF!`, `#N/A`...) and formulas saved without their result are read as empty and noted.
//! Hidden sheets are listed but not read unless asked for by name. Errors from the library are
//! mapped onto a fixed description by kind ([`Damage`]): its own text can quote the file's
//! content (a cell value in a parse error), so it is never passed on.

use std::io::{BufReader, Read};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use calamine::{
    open_workbook_auto, Data, DataRef, Dimensions, OdsError, Reader, SheetType, SheetVisible,
    Sheets, XlsError, XlsbError, XlsxError,
};

use super::cells::{grid_from_cells, CellGrid, SheetMerge, UsedCell};
use super::column_letter;
use super::grid::{GridRow, Merge};

/// How many error cells of a sheet are reported one by one; the rest are counted.
pub const MAX_ERROR_CELLS_LISTED: usize = 1000;

/// How many addresses of formulas without a saved result a note lists.
const FORMULA_ADDRESSES_LISTED: usize = 5;

/// Whether a sheet is shown in the spreadsheet program.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    /// Shown.
    Visible,
    /// Hidden (Format > Sheet > Unhide shows it again).
    Hidden,
    /// Hidden so that only a macro or a developer tool shows it again.
    VeryHidden,
}

impl Visibility {
    /// The status written in the report for a sheet left unread.
    #[must_use]
    pub fn status(self) -> &'static str {
        match self {
            Self::Visible => "visible",
            Self::Hidden => "hidden",
            Self::VeryHidden => "very hidden",
        }
    }
}

/// Something in a sheet worth a person's attention, located by row and column where it
/// applies. Never holds a cell's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetNote {
    /// Row as a spreadsheet shows it.
    pub row: Option<u64>,
    /// Column letter.
    pub column: Option<String>,
    /// What happened.
    pub message: String,
}

/// One worksheet as a grid, with its merged regions.
#[derive(Debug)]
pub struct SheetGrid {
    /// Sheet name.
    pub name: String,
    /// Rows, numbered as Excel shows them (rows without any value are left out, apart from
    /// short runs between rows with values).
    pub rows: Vec<GridRow>,
    /// Merged regions, as indices into `rows` and cells.
    pub merges: Vec<Merge>,
    /// Hidden sheets that were not asked for by name are not read: their `rows` are empty.
    pub visibility: Visibility,
    /// Whether its rows were read (false for a hidden sheet not asked for).
    pub read: bool,
    /// Error cells, formulas without a saved result, empty runs and far cells left out.
    pub notes: Vec<SheetNote>,
}

/// What kind of damage made a workbook or sheet unreadable: a fixed description each, so that
/// no text from the file reaches a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Damage {
    /// The zip container is broken.
    Zip,
    /// A part the workbook needs (its sheet list, a sheet, relationships) is not there.
    MissingPart,
    /// The XML of a part is malformed.
    Xml,
    /// A cell holds a value of a kind the format does not allow.
    CellValue,
    /// The legacy (xls) container or its records are broken.
    Records,
    /// A format or format version that cannot be read.
    Unsupported,
    /// More cells than can be held.
    TooLarge,
    /// The operating system could not read the file.
    Io,
    /// Anything else.
    Other,
}

impl Damage {
    /// What to tell a person.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Zip => "corrupt zip archive (the file is damaged, or is not an Excel workbook)",
            Self::MissingPart => {
                "a part of the workbook is missing (the file is damaged, or is not an Excel workbook)"
            }
            Self::Xml => "malformed XML (the file is damaged)",
            Self::CellValue => {
                "a cell holds a value its type does not allow (the file is damaged, or was not written by a spreadsheet program)"
            }
            Self::Records => "damaged Excel 97-2003 (xls) records",
            Self::Unsupported => "the format or its version is not supported (save it as .xlsx and read that)",
            Self::TooLarge => "more cells than can be read",
            Self::Io => "the file could not be read from disk",
            Self::Other => "corrupt, or another format",
        }
    }
}

/// Why a workbook could not be opened.
#[derive(Debug)]
pub enum WorkbookError {
    /// Encrypted with a password.
    Protected,
    /// Not a workbook, or damaged.
    Corrupt(Damage),
    /// One sheet could not be read.
    BadSheet {
        /// The sheet.
        sheet: String,
        /// What is wrong with it.
        damage: Damage,
    },
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

fn cell_text(cell: Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s,
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(f),
        Data::Bool(b) => if b { "TRUE" } else { "FALSE" }.to_owned(),
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
    }
}

/// The kind of a library error, never its text.
fn damage(err: &calamine::Error) -> Result<Damage, WorkbookError> {
    use calamine::Error as E;
    Ok(match err {
        E::Io(_) => Damage::Io,
        E::Xlsx(e) => xlsx_damage(e)?,
        E::Xlsb(e) => xlsb_damage(e)?,
        E::Xls(e) => xls_damage(e)?,
        E::Ods(e) => ods_damage(e)?,
        E::Msg(_) => Damage::Unsupported,
        _ => Damage::Other,
    })
}

fn xlsx_damage(e: &XlsxError) -> Result<Damage, WorkbookError> {
    use XlsxError as X;
    Ok(match e {
        X::Password => return Err(WorkbookError::Protected),
        X::Io(_) => Damage::Io,
        X::Zip(_) => Damage::Zip,
        X::Xml(_)
        | X::XmlAttr(_)
        | X::XmlEof(_)
        | X::UnexpectedNode(_)
        | X::Unexpected(_)
        | X::Encoding(_)
        | X::Alphanumeric(_)
        | X::NumericColumn(_)
        | X::RangeWithoutColumnComponent
        | X::RangeWithoutRowComponent
        | X::ColumnNumberOverflow
        | X::RowNumberOverflow
        | X::DimensionCount(_) => Damage::Xml,
        X::FileNotFound(_)
        | X::RelationshipNotFound
        | X::WorksheetNotFound(_)
        | X::NotAWorksheet(_) => Damage::MissingPart,
        X::Parse(_)
        | X::ParseFloat(_)
        | X::ParseInt(_)
        | X::CellTAttribute(_)
        | X::CellError(_)
        | X::Unrecognized { .. } => Damage::CellValue,
        _ => Damage::Other,
    })
}

fn xlsb_damage(e: &XlsbError) -> Result<Damage, WorkbookError> {
    use XlsbError as X;
    Ok(match e {
        X::Password => return Err(WorkbookError::Protected),
        X::Io(_) => Damage::Io,
        X::Zip(_) => Damage::Zip,
        X::Xml(_) | X::XmlAttr(_) | X::Encoding(_) => Damage::Xml,
        X::FileNotFound(_) | X::WorksheetNotFound(_) => Damage::MissingPart,
        X::UnsupportedType(_) => Damage::Unsupported,
        X::CellError(_) | X::BErr(_) => Damage::CellValue,
        _ => Damage::Records,
    })
}

fn xls_damage(e: &XlsError) -> Result<Damage, WorkbookError> {
    use XlsError as X;
    Ok(match e {
        X::Password => return Err(WorkbookError::Protected),
        X::Io(_) => Damage::Io,
        X::WorksheetNotFound(_) => Damage::MissingPart,
        _ => Damage::Records,
    })
}

fn ods_damage(e: &OdsError) -> Result<Damage, WorkbookError> {
    use OdsError as X;
    Ok(match e {
        X::Password => return Err(WorkbookError::Protected),
        X::Io(_) => Damage::Io,
        X::Zip(_) => Damage::Zip,
        X::Xml(_)
        | X::XmlAttr(_)
        | X::AttrError(_)
        | X::EncodingError(_)
        | X::Eof(_)
        | X::Mismatch { .. } => Damage::Xml,
        X::FileNotFound(_) | X::WorksheetNotFound(_) => Damage::MissingPart,
        X::InvalidMime(_) => Damage::Unsupported,
        X::Parse(_) | X::ParseInt(_) | X::ParseFloat(_) | X::ParseBool(_) => Damage::CellValue,
        X::CellLimitExceeded { .. } => Damage::TooLarge,
    })
}

fn open_error(err: &calamine::Error) -> WorkbookError {
    match damage(err) {
        Ok(d) => WorkbookError::Corrupt(d),
        Err(e) => e,
    }
}

fn sheet_error(sheet: &str, err: calamine::Error) -> WorkbookError {
    match damage(&err) {
        Ok(damage) => WorkbookError::BadSheet {
            sheet: sheet.to_owned(),
            damage,
        },
        Err(e) => e,
    }
}

/// Reads the sheets of a workbook (all, or those named), in workbook order. Hidden sheets
/// are listed without being read unless named in `sheets`.
///
/// # Errors
/// [`WorkbookError`] when the workbook cannot be opened, a sheet cannot be read or a
/// requested sheet is missing.
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
    // A damaged file can drive the library into a panic (an overflowing cell reference): it is
    // a damaged file like any other, not a crash.
    catch_unwind(AssertUnwindSafe(|| {
        let mut wb = open_workbook_auto(path).map_err(|e| open_error(&e))?;
        read_sheets(&mut wb, sheets)
    }))
    .unwrap_or(Err(WorkbookError::Corrupt(Damage::Other)))
}

fn read_sheets(
    wb: &mut Sheets<BufReader<std::fs::File>>,
    sheets: Option<&[String]>,
) -> Result<Vec<SheetGrid>, WorkbookError> {
    let meta = wb.sheets_metadata().to_vec();
    let names: Vec<String> = meta.iter().map(|s| s.name.clone()).collect();
    if let Some(req) = sheets {
        for r in req {
            if !names.contains(r) {
                return Err(WorkbookError::MissingSheet {
                    requested: r.clone(),
                    available: names,
                });
            }
        }
    }
    let mut out = Vec::with_capacity(meta.len());
    for sheet in meta {
        let named = sheets.is_some_and(|req| req.contains(&sheet.name));
        if sheets.is_some() && !named {
            continue;
        }
        let visibility = match sheet.visible {
            SheetVisible::Visible => Visibility::Visible,
            SheetVisible::Hidden => Visibility::Hidden,
            SheetVisible::VeryHidden => Visibility::VeryHidden,
        };
        if visibility != Visibility::Visible && !named {
            out.push(SheetGrid {
                name: sheet.name,
                rows: Vec::new(),
                merges: Vec::new(),
                visibility,
                read: false,
                notes: Vec::new(),
            });
            continue;
        }
        let worksheet = matches!(sheet.typ, SheetType::WorkSheet);
        let (grid, notes) = read_sheet(wb, &sheet.name, worksheet)?;
        out.push(SheetGrid {
            name: sheet.name,
            rows: grid.rows,
            merges: grid.merges,
            visibility,
            read: true,
            notes,
        });
    }
    Ok(out)
}

/// What a sheet's cells hold besides text: errors and formulas without a saved result.
#[derive(Default)]
struct Collected {
    cells: Vec<UsedCell>,
    errors: Vec<(u32, u32, String)>,
    unsaved_formulas: Vec<(u32, u32)>,
}

impl Collected {
    fn push(&mut self, row: u32, col: u32, value: Data) {
        if let Data::Error(e) = &value {
            self.errors.push((row, col, e.to_string()));
            return;
        }
        let text = cell_text(value);
        if !text.is_empty() {
            self.cells.push(UsedCell { row, col, text });
        }
    }
}

fn read_sheet(
    wb: &mut Sheets<BufReader<std::fs::File>>,
    name: &str,
    worksheet: bool,
) -> Result<(CellGrid, Vec<SheetNote>), WorkbookError> {
    let mut collected = Collected::default();
    let merges: Vec<Dimensions> = match wb {
        Sheets::Xlsx(x) => {
            match x.worksheet_cells_reader(name) {
                Ok(mut reader) => {
                    while let Some(cell) = reader
                        .next_cell_with_formula_metadata()
                        .map_err(|e| sheet_error(name, calamine::Error::Xlsx(e)))?
                    {
                        let (row, col) = cell.pos;
                        if cell.value == DataRef::Empty {
                            if cell.formula.is_some() {
                                collected.unsaved_formulas.push((row, col));
                            }
                            continue;
                        }
                        collected.push(row, col, cell.value.into());
                    }
                }
                // A chart sheet: nothing to read.
                Err(XlsxError::NotAWorksheet(_)) => {}
                Err(e) => return Err(sheet_error(name, calamine::Error::Xlsx(e))),
            }
            x.merge_cells_by_sheet_name(name).unwrap_or_default()
        }
        Sheets::Xlsb(x) => {
            match x.worksheet_cells_reader(name) {
                Ok(mut reader) => {
                    while let Some(cell) = reader
                        .next_cell()
                        .map_err(|e| sheet_error(name, calamine::Error::Xlsb(e)))?
                    {
                        let (row, col) = cell.get_position();
                        collected.push(row, col, cell.get_value().clone().into());
                    }
                }
                Err(_) if !worksheet => {}
                Err(e) => return Err(sheet_error(name, calamine::Error::Xlsb(e))),
            }
            Vec::new()
        }
        // Xls and ods hold each sheet as a range of at most 65,536 x 256 (xls) or capped
        // cells (ods, by the library); only its used cells become rows.
        Sheets::Xls(_) | Sheets::Ods(_) => {
            let range = match wb.worksheet_range(name) {
                Ok(r) => r,
                Err(_) if !worksheet => calamine::Range::empty(),
                Err(e) => return Err(sheet_error(name, e)),
            };
            if let Some((r0, c0)) = range.start() {
                for (r, c, v) in range.used_cells() {
                    #[allow(clippy::cast_possible_truncation)]
                    collected.push(r0 + r as u32, c0 + c as u32, v.clone());
                }
            }
            match wb {
                Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
                _ => Vec::new(),
            }
        }
    };
    let merges: Vec<SheetMerge> = merges
        .into_iter()
        .map(|d| SheetMerge {
            first_row: d.start.0,
            last_row: d.end.0,
            first_col: d.start.1,
            last_col: d.end.1,
        })
        .collect();
    let mut notes = cell_notes(&mut collected);
    let grid = grid_from_cells(collected.cells, &merges);
    notes.extend(grid.notes.iter().map(|n| SheetNote {
        row: n.row,
        column: None,
        message: n.message.clone(),
    }));
    Ok((grid, notes))
}

fn address(row: u32, col: u32) -> String {
    format!("{}{}", column_letter(col as usize), u64::from(row) + 1)
}

/// Notes for error cells (one each, up to [`MAX_ERROR_CELLS_LISTED`]) and one for the
/// formulas without a saved result.
fn cell_notes(collected: &mut Collected) -> Vec<SheetNote> {
    let mut notes = Vec::new();
    collected.errors.sort_by_key(|(r, c, _)| (*r, *c));
    for (row, col, code) in collected.errors.iter().take(MAX_ERROR_CELLS_LISTED) {
        notes.push(SheetNote {
            row: Some(u64::from(*row) + 1),
            column: Some(column_letter(*col as usize)),
            message: format!(
                "cell {} holds the error {code}; read as empty",
                address(*row, *col)
            ),
        });
    }
    if collected.errors.len() > MAX_ERROR_CELLS_LISTED {
        notes.push(SheetNote {
            row: None,
            column: None,
            message: format!(
                "{} more cells hold errors (#REF!, #N/A...); read as empty",
                collected.errors.len() - MAX_ERROR_CELLS_LISTED
            ),
        });
    }
    let formulas = &mut collected.unsaved_formulas;
    if !formulas.is_empty() {
        formulas.sort_unstable();
        let listed: Vec<String> = formulas
            .iter()
            .take(FORMULA_ADDRESSES_LISTED)
            .map(|(r, c)| address(*r, *c))
            .collect();
        let more = if formulas.len() > FORMULA_ADDRESSES_LISTED {
            " ..."
        } else {
            ""
        };
        notes.push(SheetNote {
            row: None,
            column: None,
            message: format!(
                "formula without a saved result in {}{more} ({} cell{}): open and save the file \
                 in Excel so the values are stored; read as empty",
                listed.join(", "),
                formulas.len(),
                if formulas.len() == 1 { "" } else { "s" }
            ),
        });
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::CellErrorType;

    #[test]
    fn numbers_keep_their_digits() {
        assert_eq!(number_text(3_520_212_345_671.0), "3520212345671");
        assert_eq!(number_text(12.5), "12.5");
        assert_eq!(number_text(-3.0), "-3");
    }

    #[test]
    fn error_cells_are_empty_and_noted() {
        let mut c = Collected::default();
        c.push(6, 3, Data::Error(CellErrorType::Ref));
        c.push(0, 0, Data::Error(CellErrorType::Div0));
        c.push(1, 1, Data::String("Ali".into()));
        c.unsaved_formulas = (4..16).map(|r| (r, 4)).collect();
        let notes = cell_notes(&mut c);
        assert_eq!(c.cells.len(), 1);
        assert_eq!(
            notes[0].message,
            "cell A1 holds the error #DIV/0!; read as empty"
        );
        assert_eq!(
            notes[1].message,
            "cell D7 holds the error #REF!; read as empty"
        );
        assert_eq!(
            (notes[1].row, notes[1].column.as_deref()),
            (Some(7), Some("D"))
        );
        assert!(notes[2]
            .message
            .starts_with("formula without a saved result in E5, E6, E7, E8, E9 ... (12 cells)"));
    }

    #[test]
    fn many_error_cells_are_counted() {
        let mut c = Collected::default();
        for r in 0..1500 {
            c.push(r, 0, Data::Error(CellErrorType::NA));
        }
        let notes = cell_notes(&mut c);
        assert_eq!(notes.len(), MAX_ERROR_CELLS_LISTED + 1);
        assert!(notes.last().unwrap().message.starts_with("500 more cells"));
    }

    #[test]
    fn library_errors_are_described_by_kind() {
        let marker = "Rukhsana Bibi";
        for err in [
            calamine::Error::Xlsx(XlsxError::CellError(marker.into())),
            calamine::Error::Xlsx(XlsxError::Unrecognized {
                typ: "boolean cell value",
                val: marker.into(),
            }),
            calamine::Error::Xlsx(XlsxError::FileNotFound(marker.into())),
            calamine::Error::Xlsb(XlsbError::WorksheetNotFound(marker.into())),
            calamine::Error::Ods(OdsError::Mismatch {
                expected: "x",
                found: marker.into(),
            }),
        ] {
            let WorkbookError::BadSheet { damage, .. } = sheet_error("S", err) else {
                panic!("not a sheet error");
            };
            assert!(!damage.describe().contains(marker));
        }
        assert!(matches!(
            open_error(&calamine::Error::Xlsx(XlsxError::Password)),
            WorkbookError::Protected
        ));
        assert!(matches!(
            open_error(&calamine::Error::Msg("Cannot detect file format")),
            WorkbookError::Corrupt(Damage::Unsupported)
        ));
    }
}
