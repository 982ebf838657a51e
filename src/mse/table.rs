//! Capture-history count tables: validation, completion to all 2^t − 1 cells, star counts.
//!
//! A capture history is a non-empty set of lists, stored as a bitmask (bit i = list i). The
//! table holds one count per history `1..2^t`; histories missing from the input count 0, and
//! duplicate rows are summed (SparseMSE `tidylists`). The all-zero history (the dark figure)
//! can never be observed, so a row with it is an input error.

use crate::error::{Error, Result};

/// The most lists any method accepts (2^20 cells already needs care).
pub const MAX_LISTS: usize = 20;

/// Something the caller should know about the input table (turned into a Python warning).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Notice {
    /// Machine-readable code, e.g. `mse.duplicate_histories`.
    pub code: String,
    /// A sentence for the user (never contains a record's identifying values).
    pub message: String,
}

impl Notice {
    /// A notice with a code and a message.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Self {
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

/// A complete capture-history table over `t` lists.
#[derive(Debug, Clone, PartialEq)]
pub struct CaptureTable {
    names: Vec<String>,
    /// `counts[h]` for bitmask `h`; `counts[0]` is always 0.
    counts: Vec<f64>,
}

impl CaptureTable {
    /// A table from counts indexed by bitmask (`counts.len() == 2^t`, `counts[0] == 0`).
    ///
    /// # Errors
    /// Invalid sizes, negative or non-finite counts, or a non-zero all-zero cell.
    pub fn from_cells(names: Vec<String>, counts: Vec<f64>) -> Result<Self> {
        let t = names.len();
        if t == 0 || t > MAX_LISTS {
            return Err(Error::invalid_argument(
                "lists",
                format!("between 1 and {MAX_LISTS} lists"),
                t,
            ));
        }
        if counts.len() != 1 << t {
            return Err(Error::invalid_argument(
                "counts",
                format!("{} cells", 1usize << t),
                counts.len(),
            ));
        }
        if counts[0] != 0.0 {
            return Err(Error::invalid_argument(
                "counts",
                "no count for the all-zero history (the dark figure is never observed)",
                counts[0],
            ));
        }
        if let Some(bad) = counts.iter().find(|c| !c.is_finite() || **c < 0.0) {
            return Err(Error::invalid_argument(
                "counts",
                "finite non-negative counts",
                bad,
            ));
        }
        Ok(Self { names, counts })
    }

    /// Build the table from input rows: `lists[i][r]` is row r's value for list i (must be 0 or
    /// 1), `counts[r]` its count (a non-negative whole number). Duplicate histories are summed and
    /// reported in the returned notices. Row numbers in errors are 1-based.
    ///
    /// # Errors
    /// [`Error::Schema`] for a list value other than 0/1, a negative, fractional or missing count,
    /// or an all-zero history; [`Error::InvalidArgument`] for no list or too many lists.
    pub fn from_rows(
        names: Vec<String>,
        lists: &[Vec<Option<f64>>],
        counts: &[Option<f64>],
        count_name: &str,
    ) -> Result<(Self, Vec<Notice>)> {
        let t = names.len();
        if t == 0 {
            return Err(Error::invalid_argument(
                "lists",
                "at least one list column",
                "none",
            ));
        }
        if t > MAX_LISTS {
            return Err(Error::invalid_argument(
                "lists",
                format!("at most {MAX_LISTS} list columns"),
                t,
            ));
        }
        if lists.len() != t || lists.iter().any(|c| c.len() != counts.len()) {
            return Err(Error::invalid_argument(
                "lists",
                "columns of equal length",
                "ragged columns",
            ));
        }
        let mut cells = vec![0.0; 1 << t];
        let mut seen = vec![false; 1 << t];
        let mut duplicates = 0usize;
        for (r, count) in counts.iter().enumerate() {
            let row = r + 1;
            let count = match count {
                Some(c) if c.is_finite() && *c >= 0.0 && c.fract() == 0.0 => *c,
                Some(c) => {
                    let what = if !c.is_finite() {
                        "a non-finite value"
                    } else if *c < 0.0 {
                        "a negative count"
                    } else {
                        "a fractional count"
                    };
                    return Err(Error::Schema {
                        column: count_name.to_owned(),
                        expected: "whole non-negative counts".into(),
                        found: format!("{what} in row {row}"),
                    });
                }
                None => {
                    return Err(Error::Schema {
                        column: count_name.to_owned(),
                        expected: "whole non-negative counts".into(),
                        found: format!("a missing value in row {row}"),
                    })
                }
            };
            let mut h = 0usize;
            for (i, col) in lists.iter().enumerate() {
                match col[r] {
                    Some(1.0) => h |= 1 << i,
                    Some(0.0) => {}
                    other => {
                        return Err(Error::Schema {
                            column: names[i].clone(),
                            expected: "0/1 capture indicators".into(),
                            found: match other {
                                None => format!("a missing value in row {row}"),
                                Some(_) => format!("a value other than 0 or 1 in row {row}"),
                            },
                        })
                    }
                }
            }
            if h == 0 {
                return Err(Error::Schema {
                    column: names.join(", "),
                    expected: "every row on at least one list (the all-zero history is the unobserved dark figure)"
                        .into(),
                    found: format!("an all-zero history in row {row}"),
                });
            }
            if seen[h] {
                duplicates += 1;
            }
            seen[h] = true;
            cells[h] += count;
        }
        let mut notices = Vec::new();
        if duplicates > 0 {
            notices.push(Notice::new(
                "mse.duplicate_histories",
                format!("{duplicates} row(s) repeat a capture history already seen; their counts were summed"),
            ));
        }
        Ok((
            Self {
                names,
                counts: cells,
            },
            notices,
        ))
    }

    /// Number of lists t.
    pub fn lists(&self) -> usize {
        self.names.len()
    }

    /// List names.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Number of cells including the all-zero one (2^t).
    pub fn cells(&self) -> usize {
        self.counts.len()
    }

    /// Count of history `h`.
    pub fn count(&self, h: usize) -> f64 {
        self.counts[h]
    }

    /// All counts by bitmask (index 0 is the unobserved dark figure, always 0).
    pub fn counts(&self) -> &[f64] {
        &self.counts
    }

    /// A copy with other counts (same lists).
    pub fn with_counts(&self, counts: Vec<f64>) -> Self {
        debug_assert_eq!(counts.len(), self.counts.len());
        Self {
            names: self.names.clone(),
            counts,
        }
    }

    /// Observed total n.
    pub fn total(&self) -> f64 {
        self.counts.iter().sum()
    }

    /// N*_θ: cases on every list in `theta`, whatever else they are on.
    pub fn nstar(&self, theta: usize) -> f64 {
        self.counts
            .iter()
            .enumerate()
            .filter(|(h, _)| h & theta == theta)
            .map(|(_, c)| c)
            .sum()
    }

    /// `f[k]`: cases on exactly k lists (`f[0]` = 0).
    pub fn frequencies(&self) -> Vec<f64> {
        let mut f = vec![0.0; self.lists() + 1];
        for (h, c) in self.counts.iter().enumerate() {
            f[h.count_ones() as usize] += c;
        }
        f
    }

    /// Number of lists triples whose three pairs all overlap (SparseMSE `count_triples`).
    pub fn overlapping_triples(&self) -> usize {
        let t = self.lists();
        let mut n = 0;
        for i in 0..t {
            for j in i + 1..t {
                for k in j + 1..t {
                    let pairs = [
                        (1 << i) | (1 << j),
                        (1 << i) | (1 << k),
                        (1 << j) | (1 << k),
                    ];
                    if pairs.iter().all(|p| self.nstar(*p) > 0.0) {
                        n += 1;
                    }
                }
            }
        }
        n
    }

    /// Pairs of lists with no case in common (as bitmasks).
    pub fn non_overlapping_pairs(&self) -> Vec<usize> {
        let t = self.lists();
        let mut out = Vec::new();
        for i in 0..t {
            for j in i + 1..t {
                let p = (1 << i) | (1 << j);
                if self.nstar(p) == 0.0 {
                    out.push(p);
                }
            }
        }
        out
    }

    /// The table with lists `keep` only (in that order), cases on none of them dropped.
    /// Returns the table and the number of cases dropped.
    pub fn select_lists(&self, keep: &[usize]) -> (Self, f64) {
        let names = keep.iter().map(|&i| self.names[i].clone()).collect();
        let mut counts = vec![0.0; 1 << keep.len()];
        for (h, c) in self.counts.iter().enumerate() {
            let mut g = 0;
            for (new, &old) in keep.iter().enumerate() {
                if h & (1 << old) != 0 {
                    g |= 1 << new;
                }
            }
            counts[g] += c;
        }
        let dropped = counts[0];
        counts[0] = 0.0;
        (Self { names, counts }, dropped)
    }

    /// Notices about empty lists, lists holding every case, identical lists, non-overlap and
    /// sparsity (CSV 2021 §2; SparseMSE `removenoninformativelists` criteria).
    pub fn quality_notices(&self) -> Vec<Notice> {
        let t = self.lists();
        let n = self.total();
        let mut out = Vec::new();
        if n == 0.0 {
            out.push(Notice::new("mse.empty_table", "the table has no cases"));
            return out;
        }
        for i in 0..t {
            let ni = self.nstar(1 << i);
            if ni == 0.0 {
                out.push(Notice::new(
                    "mse.empty_list",
                    format!("list '{}' has no cases", self.names[i]),
                ));
            } else if ni == n {
                out.push(Notice::new(
                    "mse.list_holds_all",
                    format!("list '{}' holds every observed case, so it says nothing about the dark figure", self.names[i]),
                ));
            }
        }
        for i in 0..t {
            for j in i + 1..t {
                let same = self
                    .counts
                    .iter()
                    .enumerate()
                    .all(|(h, c)| *c == 0.0 || ((h >> i) & 1) == ((h >> j) & 1));
                if same && self.nstar(1 << i) > 0.0 {
                    out.push(Notice::new(
                        "mse.duplicate_lists",
                        format!(
                            "lists '{}' and '{}' hold exactly the same cases",
                            self.names[i], self.names[j]
                        ),
                    ));
                }
            }
        }
        if t >= 2 {
            let f = self.frequencies();
            let overlap: f64 = f[2..].iter().sum();
            if overlap == 0.0 {
                out.push(Notice::new(
                    "mse.no_overlap",
                    "no case is on more than one list: the lists do not overlap and the population cannot be estimated",
                ));
            } else {
                // Non-overlapping pairs are normal in sparse data and handled by the extended MLE
                // (they are listed in the diagnostics); a list that overlaps no other list is not.
                for i in 0..t {
                    let alone = (0..t)
                        .filter(|&j| j != i)
                        .all(|j| self.nstar((1 << i) | (1 << j)) == 0.0);
                    if alone && self.nstar(1 << i) > 0.0 {
                        out.push(Notice::new(
                            "mse.isolated_list",
                            format!(
                                "list '{}' shares no case with any other list; the estimate leans on the model's assumptions for it",
                                self.names[i]
                            ),
                        ));
                    }
                }
                if overlap < 10.0 {
                    out.push(Notice::new(
                        "mse.sparse",
                        format!(
                            "only {overlap} case(s) appear on more than one list; estimates from so few overlaps are very uncertain"
                        ),
                    ));
                }
            }
        }
        out
    }

    /// Name of a term such as `A:B` from its bitmask.
    pub fn term_name(&self, theta: usize) -> String {
        (0..self.lists())
            .filter(|i| theta & (1 << i) != 0)
            .map(|i| self.names[i].as_str())
            .collect::<Vec<_>>()
            .join(":")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(t: usize) -> Vec<String> {
        (0..t)
            .map(|i| ((b'A' + i as u8) as char).to_string())
            .collect()
    }

    fn col(v: &[f64]) -> Vec<Option<f64>> {
        v.iter().map(|x| Some(*x)).collect()
    }

    #[test]
    fn builds_and_sums_duplicates() {
        let lists = vec![col(&[1.0, 0.0, 1.0, 1.0]), col(&[0.0, 1.0, 1.0, 0.0])];
        let counts = col(&[3.0, 4.0, 2.0, 5.0]);
        let (t, notices) = CaptureTable::from_rows(names(2), &lists, &counts, "n").unwrap();
        assert_eq!(t.counts(), &[0.0, 8.0, 4.0, 2.0]);
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].code, "mse.duplicate_histories");
        assert_eq!(t.nstar(1), 10.0);
        assert_eq!(t.frequencies(), vec![0.0, 12.0, 2.0]);
    }

    #[test]
    fn rejects_bad_rows() {
        let err = CaptureTable::from_rows(names(2), &[col(&[2.0]), col(&[0.0])], &col(&[1.0]), "n")
            .unwrap_err();
        assert!(
            err.to_string().contains("column 'A'") && err.to_string().contains("row 1"),
            "{err}"
        );
        let err = CaptureTable::from_rows(names(2), &[col(&[0.0]), col(&[0.0])], &col(&[1.0]), "n")
            .unwrap_err();
        assert!(err.to_string().contains("all-zero"), "{err}");
        let err =
            CaptureTable::from_rows(names(1), &[col(&[1.0])], &col(&[-1.0]), "n").unwrap_err();
        assert!(err.to_string().contains("negative"), "{err}");
        let err = CaptureTable::from_rows(names(1), &[col(&[1.0])], &col(&[1.5]), "n").unwrap_err();
        assert!(err.to_string().contains("fractional"), "{err}");
        let err = CaptureTable::from_rows(names(1), &[vec![None]], &col(&[1.0]), "n").unwrap_err();
        assert!(err.to_string().contains("missing"), "{err}");
    }

    #[test]
    fn merging_and_notices() {
        // Artificial_3: A 40, B 30, C 20, AB 6.
        let mut counts = vec![0.0; 8];
        counts[1] = 40.0;
        counts[2] = 30.0;
        counts[4] = 20.0;
        counts[3] = 6.0;
        let t = CaptureTable::from_cells(names(3), counts).unwrap();
        assert_eq!(t.non_overlapping_pairs(), vec![5, 6]);
        assert_eq!(t.overlapping_triples(), 0);
        let codes: Vec<_> = t.quality_notices().into_iter().map(|n| n.code).collect();
        assert!(codes.contains(&"mse.isolated_list".to_owned()), "{codes:?}");
        assert!(codes.contains(&"mse.sparse".to_owned()));
        let (ab, dropped) = t.select_lists(&[0, 1]);
        assert_eq!(dropped, 20.0);
        assert_eq!(ab.counts(), &[0.0, 40.0, 30.0, 6.0]);
    }
}
