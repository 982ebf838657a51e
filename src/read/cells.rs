//! A sheet's used cells into grid rows, never allocating by the sheet's declared size.
//!
//! A workbook declares its dimension, and a single stray value at XFD1048576 stretches it to
//! the whole sheet: a dense grid of that range is some 17 billion cells, which no machine
//! holds. So a sheet is read as the list of its non-empty cells and turned into [`GridRow`]s
//! here: one row per spreadsheet row that holds a value (each with its real row number), each
//! only as wide as its last value. Short runs of empty rows between rows with values are kept
//! as blank rows, so that a table reads exactly as it did from a dense range (blank rows are
//! accounted for in the report); a run longer than [`MAX_BLANK_RUN`] is left out and noted.
//! A sheet whose cells are spread so thinly that even those rows would not fit in memory has
//! its far-out cells set aside and noted.

use super::column_letter;
use super::grid::{GridRow, Merge};

/// The longest run of empty rows between two rows with values that is kept as blank rows.
pub const MAX_BLANK_RUN: u32 = 1000;

/// Cell slots (empty strings included) a sheet may take however few its cells: about 100 MB.
const MIN_SLOT_BUDGET: usize = 1 << 22;

/// Cell slots allowed per non-empty cell above [`MIN_SLOT_BUDGET`].
const SLOTS_PER_CELL: usize = 16;

/// A non-empty cell: 0-based row and column, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsedCell {
    /// 0-based row.
    pub row: u32,
    /// 0-based column.
    pub col: u32,
    /// The text a person sees (never empty).
    pub text: String,
}

/// A merged region in sheet coordinates: 0-based inclusive rows and columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SheetMerge {
    /// First row.
    pub first_row: u32,
    /// Last row.
    pub last_row: u32,
    /// First column.
    pub first_col: u32,
    /// Last column.
    pub last_col: u32,
}

/// Something about the layout of a sheet worth a person's attention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutNote {
    /// The spreadsheet row (1-based) it concerns.
    pub row: Option<u64>,
    /// What happened.
    pub message: String,
}

/// A sheet as grid rows, with merges as indices into those rows.
#[derive(Debug, Default)]
pub struct CellGrid {
    /// Rows with a value, and short runs of blank rows between them, in row order.
    pub rows: Vec<GridRow>,
    /// Merged regions as indices into `rows` (and absolute columns).
    pub merges: Vec<Merge>,
    /// Empty runs left out, cells set aside.
    pub notes: Vec<LayoutNote>,
}

/// The largest column count `c` such that rows cut at `c` columns fit in `budget` slots.
fn column_cutoff(widths: &[usize], budget: usize) -> usize {
    let slots = |c: usize| -> usize {
        widths
            .iter()
            .fold(0usize, |total, w| total.saturating_add((*w).min(c)))
    };
    let (mut lo, mut hi) = (0usize, widths.iter().copied().max().unwrap_or(0));
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if slots(mid) <= budget {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}

fn cell_address(row: u32, col: u32) -> String {
    format!("{}{}", column_letter(col as usize), u64::from(row) + 1)
}

/// Builds grid rows from the used cells of a sheet (in any order; of two cells at one position
/// the later wins) and maps its merged regions onto them.
#[must_use]
pub fn grid_from_cells(mut cells: Vec<UsedCell>, merges: &[SheetMerge]) -> CellGrid {
    cells.retain(|c| !c.text.is_empty());
    if !cells.is_sorted_by_key(|c| (c.row, c.col)) {
        // Stable, so that of two cells at one position the later stays last.
        cells.sort_by_key(|c| (c.row, c.col));
    }
    let mut notes = Vec::new();

    // Guard: the slots the rows would take, each as wide as its last cell.
    let mut widths = Vec::new();
    let mut last_row = None;
    for c in &cells {
        if last_row == Some(c.row) {
            if let Some(w) = widths.last_mut() {
                *w = c.col as usize + 1;
            }
        } else {
            widths.push(c.col as usize + 1);
            last_row = Some(c.row);
        }
    }
    let budget = MIN_SLOT_BUDGET.max(cells.len().saturating_mul(SLOTS_PER_CELL));
    if widths
        .iter()
        .fold(0usize, |total, w| total.saturating_add(*w))
        > budget
    {
        let cutoff = column_cutoff(&widths, budget);
        let first = cells
            .iter()
            .filter(|c| c.col as usize >= cutoff)
            .min_by_key(|c| (c.row, c.col))
            .map(|c| (c.row, c.col));
        let before = cells.len();
        cells.retain(|c| (c.col as usize) < cutoff);
        if let Some((row, col)) = first {
            notes.push(LayoutNote {
                row: Some(u64::from(row) + 1),
                message: format!(
                    "{} cell(s) from column {} rightwards (the first at {}) lie far from the \
                     rest of the sheet's data, too thinly spread to read; they were set aside",
                    before - cells.len(),
                    column_letter(cutoff),
                    cell_address(row, col),
                ),
            });
        }
    }

    let mut rows: Vec<GridRow> = Vec::new();
    let mut previous: Option<u32> = None;
    let mut cells = cells.into_iter().peekable();
    while let Some(first) = cells.next() {
        let row = first.row;
        if let Some(p) = previous {
            let gap = row - p - 1;
            if gap <= MAX_BLANK_RUN {
                rows.extend((p + 1..row).map(|r| GridRow {
                    number: u64::from(r) + 1,
                    cells: Vec::new(),
                }));
            } else {
                notes.push(LayoutNote {
                    row: Some(u64::from(row) + 1),
                    message: format!(
                        "rows {} to {} are empty and not listed as blank rows; the data \
                         resumes at row {}",
                        u64::from(p) + 2,
                        u64::from(row),
                        u64::from(row) + 1
                    ),
                });
            }
        }
        previous = Some(row);
        let mut in_row = vec![first];
        while let Some(c) = cells.next_if(|c| c.row == row) {
            in_row.push(c);
        }
        let width = in_row.last().map_or(0, |c| c.col as usize + 1);
        let mut texts = vec![String::new(); width];
        for c in in_row {
            texts[c.col as usize] = c.text;
        }
        rows.push(GridRow {
            number: u64::from(row) + 1,
            cells: texts,
        });
    }

    let merges = merges
        .iter()
        .filter_map(|m| {
            let (r1, r2) = (u64::from(m.first_row) + 1, u64::from(m.last_row) + 1);
            let first_row = rows.partition_point(|r| r.number < r1);
            let last_row = rows.partition_point(|r| r.number <= r2).checked_sub(1)?;
            (first_row <= last_row).then_some(Merge {
                first_row,
                last_row,
                first_col: m.first_col as usize,
                last_col: m.last_col as usize,
            })
        })
        .collect();
    CellGrid {
        rows,
        merges,
        notes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(row: u32, col: u32, text: &str) -> UsedCell {
        UsedCell {
            row,
            col,
            text: text.to_owned(),
        }
    }

    fn numbers(g: &CellGrid) -> Vec<u64> {
        g.rows.iter().map(|r| r.number).collect()
    }

    #[test]
    fn rows_as_wide_as_their_last_cell_with_short_blank_runs() {
        let g = grid_from_cells(
            vec![
                cell(0, 0, "Name"),
                cell(0, 1, "Age"),
                cell(1, 1, "12"),
                cell(4, 0, "Ali"),
            ],
            &[],
        );
        assert_eq!(numbers(&g), [1, 2, 3, 4, 5]);
        assert_eq!(g.rows[1].cells, ["", "12"]);
        assert!(g.rows[2].cells.is_empty() && g.rows[3].cells.is_empty());
        assert_eq!(g.rows[4].cells, ["Ali"]);
        assert!(g.notes.is_empty());
    }

    #[test]
    fn stray_cell_at_the_last_cell_of_the_sheet() {
        // XFD1048576: row 1,048,575 and column 16,383, 0-based.
        let mut cells = vec![cell(0, 0, "Name"), cell(0, 1, "Age"), cell(1, 0, "Ali")];
        cells.push(cell(1_048_575, 16_383, "x"));
        let g = grid_from_cells(cells, &[]);
        assert_eq!(numbers(&g), [1, 2, 1_048_576]);
        assert_eq!(g.rows[2].cells.len(), 16_384);
        assert_eq!(g.rows[2].cells[16_383], "x");
        assert_eq!(g.notes.len(), 1);
        assert_eq!(g.notes[0].row, Some(1_048_576));
        assert!(g.notes[0].message.contains("rows 3 to 1048575 are empty"));
        let slots: usize = g.rows.iter().map(|r| r.cells.len()).sum();
        assert!(slots < 20_000);
    }

    #[test]
    fn out_of_order_and_repeated_cells() {
        let g = grid_from_cells(
            vec![
                cell(2, 1, "b"),
                cell(0, 0, "first"),
                cell(2, 0, "a"),
                cell(0, 0, "second"),
                cell(1, 3, ""),
            ],
            &[],
        );
        assert_eq!(numbers(&g), [1, 2, 3]);
        assert_eq!(g.rows[0].cells, ["second"]);
        assert!(g.rows[1].cells.is_empty());
        assert_eq!(g.rows[2].cells, ["a", "b"]);
    }

    #[test]
    fn merges_map_onto_present_rows() {
        // Rows 1, 2 and 2000 (0-based 0, 1, 1999): the run between is too long to keep.
        let g = grid_from_cells(
            vec![cell(0, 0, "t"), cell(1, 0, "h"), cell(1999, 0, "far")],
            &[
                SheetMerge {
                    first_row: 0,
                    last_row: 1,
                    first_col: 0,
                    last_col: 3,
                },
                // Over the empty run only: dropped.
                SheetMerge {
                    first_row: 10,
                    last_row: 20,
                    first_col: 0,
                    last_col: 0,
                },
                // From the empty run into the far row: starts at the far row.
                SheetMerge {
                    first_row: 1500,
                    last_row: 1999,
                    first_col: 0,
                    last_col: 1,
                },
            ],
        );
        assert_eq!(numbers(&g), [1, 2, 2000]);
        assert_eq!(
            g.merges,
            [
                Merge {
                    first_row: 0,
                    last_row: 1,
                    first_col: 0,
                    last_col: 3
                },
                Merge {
                    first_row: 2,
                    last_row: 2,
                    first_col: 0,
                    last_col: 1
                }
            ]
        );
    }

    #[test]
    fn thinly_spread_far_columns_are_set_aside() {
        // Every row of a long sheet has one value far to the right: the rows would take
        // billions of slots.
        let mut cells = Vec::new();
        for r in 0..5000 {
            cells.push(cell(r, 0, "a"));
            cells.push(cell(r, 16_383, "z"));
        }
        let g = grid_from_cells(cells, &[]);
        let slots: usize = g.rows.iter().map(|r| r.cells.len()).sum();
        assert!(slots <= MIN_SLOT_BUDGET, "{slots}");
        assert_eq!(g.rows.len(), 5000);
        assert!(g.rows.iter().all(|r| r.cells[0] == "a"));
        assert_eq!(g.notes.len(), 1);
        assert!(g.notes[0].message.starts_with("5000 cell(s) from column"));
        assert!(g.notes[0].message.contains("XFD1"));
    }

    #[test]
    fn empty_sheet() {
        let g = grid_from_cells(Vec::new(), &[]);
        assert!(g.rows.is_empty() && g.merges.is_empty() && g.notes.is_empty());
    }

    #[test]
    fn cutoff() {
        assert_eq!(column_cutoff(&[10, 10, 10], 30), 10);
        assert_eq!(column_cutoff(&[10, 10, 100], 30), 10);
        assert_eq!(column_cutoff(&[100, 100], 50), 25);
        assert_eq!(column_cutoff(&[], 50), 0);
    }
}
