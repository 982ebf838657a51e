//! Statistical disclosure control for published frequency tables: the threshold rule with
//! secondary (complementary) suppression, and rounding to a base.
//!
//! Method. A two-way table is published with its row totals, column totals and grand total.
//! Cells counting 1 to `threshold − 1` victims are *primary* suppressions (OECD glossary,
//! "threshold rule"; domain.md §6.1: default 5). Zeros are published: a zero exposes nobody.
//! Margins below the threshold are primary too.
//!
//! Primary suppression alone is not enough: a single suppressed cell in a row is the row total
//! minus the published cells. The table with its margins is an (r+1)×(c+1) array in which every
//! row and column is one additive equation. Draw a bipartite graph with a node per row and per
//! column of that array and an edge per suppressed cell. The values the suppressed cells can
//! take, given everything published, differ from the truth by combinations of alternating
//! cycles of that graph, so **a suppressed cell can be recovered exactly from the margins if and
//! only if its edge is a bridge** (lies on no cycle). A row or column with exactly one
//! suppressed cell is the simplest bridge. Secondary suppression therefore repeats, until none
//! is left:
//!
//! 1. every line (row or column, margins included) with exactly one suppressed cell, or whose
//!    suppressed cells add up to less than the threshold while its total is published (the
//!    attacker would learn a small sum), gets one more suppressed cell;
//! 2. every remaining bridge gets a complementary cell that closes a cycle through it.
//!
//! Complements are chosen cheapest first: the smallest non-zero interior cell, then margins,
//! then zeros (a suppressed zero protects no one from the upper side). This is a greedy
//! heuristic in the spirit of the hypercube method of tau-argus (Giessing & Repsilber 2002), not
//! an optimal (integer-programming) solution; it guarantees no exact recovery by linear algebra
//! from the published table, and a published sum of suppressed cells of at least the threshold
//! in every line. It does not compute interval (LP) protection levels.

use crate::error::{Error, Result};

/// Whether a cell is published or withheld, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CellStatus {
    /// Shown as counted.
    Published,
    /// Withheld because it counts fewer than the threshold.
    Primary,
    /// Withheld so that a primary cell cannot be recovered from the totals.
    Secondary,
}

impl CellStatus {
    /// The code used in published tables.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Published => "published",
            Self::Primary => "primary",
            Self::Secondary => "secondary",
        }
    }

    /// Whether the cell is withheld.
    #[must_use]
    pub fn is_suppressed(self) -> bool {
        self != Self::Published
    }
}

/// The suppression pattern of a table with margins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuppressionPattern {
    /// Number of rows of the interior.
    pub rows: usize,
    /// Number of columns of the interior.
    pub columns: usize,
    /// Status of the interior cells, row-major.
    pub cells: Vec<CellStatus>,
    /// Status of each row total.
    pub row_totals: Vec<CellStatus>,
    /// Status of each column total.
    pub column_totals: Vec<CellStatus>,
    /// Status of the grand total.
    pub grand_total: CellStatus,
}

/// The table extended with its margins: (rows+1) × (columns+1), last row/column are totals.
struct Extended {
    rows: usize,
    columns: usize,
    values: Vec<i64>,
    status: Vec<CellStatus>,
}

impl Extended {
    fn width(&self) -> usize {
        self.columns + 1
    }
    fn at(&self, i: usize, j: usize) -> usize {
        i * self.width() + j
    }
    fn is_margin(&self, i: usize, j: usize) -> bool {
        i == self.rows || j == self.columns
    }
    /// Cost of suppressing a cell: interior before margins, small before large, zeros last.
    fn cost(&self, i: usize, j: usize) -> (u8, u8, i64, usize, usize) {
        let v = self.values[self.at(i, j)];
        (u8::from(v == 0), u8::from(self.is_margin(i, j)), v, i, j)
    }
    /// The cells of line `line`: rows are 0..=rows, columns are rows+1..=rows+1+columns.
    fn line_cells(&self, line: usize) -> Vec<(usize, usize)> {
        if line <= self.rows {
            (0..=self.columns).map(|j| (line, j)).collect()
        } else {
            let j = line - self.rows - 1;
            (0..=self.rows).map(|i| (i, j)).collect()
        }
    }
    fn suppress(&mut self, i: usize, j: usize) {
        let k = self.at(i, j);
        if self.status[k] == CellStatus::Published {
            self.status[k] = CellStatus::Secondary;
        }
    }
}

/// Chooses the cells to withhold in a two-way table of non-negative counts published with its
/// margins. `values` is row-major, `rows × columns`. A one-way table is a table with one row.
///
/// # Errors
/// [`Error::InvalidArgument`] for a shape that does not match, a negative count or a threshold
/// below 1.
pub fn suppress_table(
    values: &[i64],
    rows: usize,
    columns: usize,
    threshold: i64,
) -> Result<SuppressionPattern> {
    if values.len() != rows * columns {
        return Err(Error::invalid_argument(
            "values",
            format!("{rows} × {columns} = {} counts", rows * columns),
            values.len(),
        ));
    }
    if threshold < 1 {
        return Err(Error::invalid_argument(
            "threshold",
            "at least 1",
            threshold,
        ));
    }
    if let Some(v) = values.iter().find(|v| **v < 0) {
        return Err(Error::invalid_argument("values", "non-negative counts", v));
    }
    let width = columns + 1;
    let mut ext = vec![0i64; (rows + 1) * width];
    for i in 0..rows {
        for j in 0..columns {
            let v = values[i * columns + j];
            ext[i * width + j] = v;
            ext[i * width + columns] += v;
            ext[rows * width + j] += v;
            ext[rows * width + columns] += v;
        }
    }
    let status = ext
        .iter()
        .map(|&v| {
            if v > 0 && v < threshold {
                CellStatus::Primary
            } else {
                CellStatus::Published
            }
        })
        .collect();
    let mut table = Extended {
        rows,
        columns,
        values: ext,
        status,
    };
    // Each pass suppresses at least one more cell or stops, so this terminates.
    loop {
        if fix_lines(&mut table, threshold) {
            continue;
        }
        if !fix_bridges(&mut table) {
            break;
        }
    }
    let w = table.width();
    let cells = (0..rows)
        .flat_map(|i| (0..columns).map(move |j| (i, j)))
        .map(|(i, j)| table.status[i * w + j])
        .collect();
    Ok(SuppressionPattern {
        rows,
        columns,
        cells,
        row_totals: (0..rows).map(|i| table.status[i * w + columns]).collect(),
        column_totals: (0..columns).map(|j| table.status[rows * w + j]).collect(),
        grand_total: table.status[rows * w + columns],
    })
}

/// Step 1: lines with a lone suppressed cell or a small suppressed sum. Returns whether any
/// cell was added.
fn fix_lines(table: &mut Extended, threshold: i64) -> bool {
    let mut changed = false;
    for line in 0..(table.rows + 1 + table.columns + 1) {
        let cells = table.line_cells(line);
        let suppressed: Vec<(usize, usize)> = cells
            .iter()
            .copied()
            .filter(|&(i, j)| table.status[table.at(i, j)].is_suppressed())
            .collect();
        if suppressed.is_empty() {
            continue;
        }
        // The line's total is its last cell; if published, the sum of the suppressed interior
        // cells is known to everyone.
        let (ti, tj) = *cells.last().expect("a line has at least two cells");
        let total_published = !table.status[table.at(ti, tj)].is_suppressed();
        let suppressed_sum: i64 = suppressed
            .iter()
            .map(|&(i, j)| table.values[table.at(i, j)])
            .sum();
        let lone = suppressed.len() == 1;
        let small_sum = total_published && suppressed_sum > 0 && suppressed_sum < threshold;
        if !(lone || small_sum) {
            continue;
        }
        let candidate = cells
            .iter()
            .copied()
            .filter(|&(i, j)| !table.status[table.at(i, j)].is_suppressed())
            .min_by_key(|&(i, j)| table.cost(i, j));
        if let Some((i, j)) = candidate {
            table.suppress(i, j);
            changed = true;
        }
    }
    changed
}

/// Step 2: complements for bridges of the suppressed-cell graph. Returns whether any cell was
/// added.
fn fix_bridges(table: &mut Extended) -> bool {
    let n_rows = table.rows + 1;
    let n_nodes = n_rows + table.columns + 1;
    let mut edges: Vec<(usize, usize)> = Vec::new();
    for i in 0..n_rows {
        for j in 0..=table.columns {
            if table.status[table.at(i, j)].is_suppressed() {
                edges.push((i, n_rows + j));
            }
        }
    }
    let mut adjacency: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n_nodes];
    for (e, &(a, b)) in edges.iter().enumerate() {
        adjacency[a].push((b, e));
        adjacency[b].push((a, e));
    }
    let bridges = find_bridges(n_nodes, &adjacency);
    let Some(&bridge) = bridges.first() else {
        return false;
    };
    let (row_node, column_node) = edges[bridge];
    // Side A: what row_node reaches without the bridge; side B: the rest of the component.
    let side_a = reachable(row_node, &adjacency, bridge);
    let side_b = reachable(column_node, &adjacency, bridge);
    let rows_b: Vec<usize> = (0..n_rows).filter(|&r| side_b[r]).collect();
    let columns_a: Vec<usize> = (0..=table.columns)
        .filter(|&c| side_a[n_rows + c])
        .collect();
    let candidate = rows_b
        .iter()
        .flat_map(|&i| columns_a.iter().map(move |&j| (i, j)))
        .filter(|&(i, j)| !table.status[table.at(i, j)].is_suppressed())
        .min_by_key(|&(i, j)| table.cost(i, j));
    match candidate {
        Some((i, j)) => {
            table.suppress(i, j);
            true
        }
        None => false,
    }
}

fn reachable(start: usize, adjacency: &[Vec<(usize, usize)>], skip_edge: usize) -> Vec<bool> {
    let mut seen = vec![false; adjacency.len()];
    let mut stack = vec![start];
    seen[start] = true;
    while let Some(node) = stack.pop() {
        for &(next, e) in &adjacency[node] {
            if e != skip_edge && !seen[next] {
                seen[next] = true;
                stack.push(next);
            }
        }
    }
    seen
}

/// Bridges of an undirected multigraph (Tarjan's low-link, iterative so deep tables cannot
/// overflow the stack). Returns edge indices in ascending order.
fn find_bridges(n_nodes: usize, adjacency: &[Vec<(usize, usize)>]) -> Vec<usize> {
    let mut order = vec![usize::MAX; n_nodes];
    let mut low = vec![0usize; n_nodes];
    let mut bridges = Vec::new();
    let mut counter = 0;
    for root in 0..n_nodes {
        if order[root] != usize::MAX {
            continue;
        }
        // (node, edge used to enter it, next adjacency index)
        let mut stack: Vec<(usize, usize, usize)> = vec![(root, usize::MAX, 0)];
        order[root] = counter;
        low[root] = counter;
        counter += 1;
        while let Some(&mut (node, parent_edge, ref mut next)) = stack.last_mut() {
            if *next < adjacency[node].len() {
                let (to, e) = adjacency[node][*next];
                *next += 1;
                if e == parent_edge {
                    continue;
                }
                if order[to] == usize::MAX {
                    order[to] = counter;
                    low[to] = counter;
                    counter += 1;
                    stack.push((to, e, 0));
                } else {
                    low[node] = low[node].min(order[to]);
                }
            } else {
                stack.pop();
                if let Some(&(parent, _, _)) = stack.last() {
                    low[parent] = low[parent].min(low[node]);
                    if low[node] > order[parent] {
                        bridges.push(parent_edge);
                    }
                }
            }
        }
    }
    bridges.sort_unstable();
    bridges
}

/// Rounds counts to a multiple of `base` (nearest, halves up). Non-zero counts that would
/// round to zero are shown as `base`, so that a published zero always means none.
///
/// # Errors
/// [`Error::InvalidArgument`] for a base below 1 or a negative count.
pub fn round_to_base(values: &[i64], base: i64) -> Result<Vec<i64>> {
    if base < 1 {
        return Err(Error::invalid_argument("base", "at least 1", base));
    }
    values
        .iter()
        .map(|&v| {
            if v < 0 {
                return Err(Error::invalid_argument("values", "non-negative counts", v));
            }
            if v == 0 {
                return Ok(0);
            }
            let rounded = (v + base / 2) / base * base;
            Ok(rounded.max(base))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use CellStatus::{Primary as P, Published as O, Secondary as S};

    /// Whether any suppressed cell's value is pinned down by the published margins: an edge of
    /// the suppressed-cell graph that is a bridge.
    fn recoverable(p: &SuppressionPattern) -> bool {
        let r = p.rows + 1;
        let c = p.columns + 1;
        let status = |i: usize, j: usize| {
            if i < p.rows && j < p.columns {
                p.cells[i * p.columns + j]
            } else if i < p.rows {
                p.row_totals[i]
            } else if j < p.columns {
                p.column_totals[j]
            } else {
                p.grand_total
            }
        };
        let mut edges = Vec::new();
        for i in 0..r {
            for j in 0..c {
                if status(i, j).is_suppressed() {
                    edges.push((i, r + j));
                }
            }
        }
        let mut adjacency = vec![Vec::new(); r + c];
        for (e, &(a, b)) in edges.iter().enumerate() {
            adjacency[a].push((b, e));
            adjacency[b].push((a, e));
        }
        !find_bridges(r + c, &adjacency).is_empty()
    }

    #[test]
    fn no_small_cells_nothing_suppressed() {
        let p = suppress_table(&[10, 20, 30, 40], 2, 2, 5).unwrap();
        assert!(p.cells.iter().all(|s| *s == O));
        assert_eq!(p.grand_total, O);
    }

    #[test]
    fn zeros_are_published() {
        let p = suppress_table(&[0, 20, 30, 40], 2, 2, 5).unwrap();
        assert_eq!(p.cells, vec![O, O, O, O]);
    }

    #[test]
    fn single_small_cell_gets_three_complements() {
        // 3 is primary; complements form a 2x2 rectangle with the cheapest cells.
        let v = [3, 20, 30, 40, 50, 60, 70, 80, 90];
        let p = suppress_table(&v, 3, 3, 5).unwrap();
        assert_eq!(p.cells[0], P);
        assert_eq!(p.cells.iter().filter(|s| s.is_suppressed()).count(), 4);
        assert_eq!(p.cells, vec![P, S, O, S, S, O, O, O, O]);
        assert!(p.row_totals.iter().all(|s| *s == O));
        assert!(!recoverable(&p));
    }

    #[test]
    fn one_way_table_suppresses_two_cells() {
        let p = suppress_table(&[2, 40, 7, 55], 1, 4, 5).unwrap();
        assert_eq!(p.cells, vec![P, O, S, O]);
        assert!(!recoverable(&p));
    }

    #[test]
    fn small_pair_sum_gets_a_third_cell() {
        // 1 + 2 = 3 < 5 would be learnt from the row total.
        let p = suppress_table(&[1, 2, 40, 55], 1, 4, 5).unwrap();
        assert_eq!(p.cells, vec![P, P, S, O]);
    }

    #[test]
    fn small_total_is_primary() {
        let p = suppress_table(&[1, 2, 0, 30, 40, 50], 2, 3, 5).unwrap();
        assert_eq!(p.row_totals[0], P);
        assert!(!recoverable(&p));
    }

    #[test]
    fn everything_small_everything_suppressed() {
        let p = suppress_table(&[1, 1, 1, 1], 2, 2, 5).unwrap();
        assert!(p.cells.iter().all(|s| s.is_suppressed()));
        assert!(p.grand_total.is_suppressed());
        assert!(!recoverable(&p));
    }

    #[test]
    fn bridge_between_two_blocks_is_closed() {
        // Two separate protected rectangles in a larger table must not leave any bridge.
        let v = [
            1, 50, 60, 70, 80, //
            60, 2, 70, 80, 90, //
            70, 80, 3, 90, 95, //
            80, 90, 95, 4, 99,
        ];
        let p = suppress_table(&v, 4, 5, 5).unwrap();
        assert!(!recoverable(&p));
    }

    #[test]
    fn empty_table() {
        let p = suppress_table(&[], 0, 0, 5).unwrap();
        assert!(p.cells.is_empty());
        assert_eq!(p.grand_total, O);
    }

    #[test]
    fn shape_and_values_checked() {
        assert!(suppress_table(&[1, 2, 3], 2, 2, 5).is_err());
        assert!(suppress_table(&[1, -2, 3, 4], 2, 2, 5).is_err());
        assert!(suppress_table(&[1, 2, 3, 4], 2, 2, 0).is_err());
    }

    #[test]
    fn rounding_to_base_five() {
        assert_eq!(
            round_to_base(&[0, 1, 2, 3, 7, 8, 12, 13, 100], 5).unwrap(),
            vec![0, 5, 5, 5, 5, 10, 10, 15, 100]
        );
        assert!(round_to_base(&[1], 0).is_err());
    }

    #[test]
    fn pseudo_random_tables_never_recoverable() {
        // A small deterministic generator: many shapes, many small cells.
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..300 {
            let rows = (next() % 6 + 1) as usize;
            let columns = (next() % 6 + 1) as usize;
            let values: Vec<i64> = (0..rows * columns)
                .map(|_| {
                    if next() % 3 == 0 {
                        (next() % 5) as i64
                    } else {
                        (next() % 40) as i64
                    }
                })
                .collect();
            let p = suppress_table(&values, rows, columns, 5).unwrap();
            assert!(!recoverable(&p), "{rows}x{columns} {values:?} -> {p:?}");
            for (v, s) in values.iter().zip(&p.cells) {
                if *v > 0 && *v < 5 {
                    assert!(s.is_suppressed());
                }
            }
        }
    }
}
