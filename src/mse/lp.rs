//! Existence and identifiability of the (extended) MLE, checked before any fit.
//!
//! Fienberg & Rinaldo (2012, p. 3, typo corrected), as implemented by SparseMSE `checkident`
//! and MSE `check_extended_MLE`: with A the design of the retained cells and the finite terms and
//! t = Aᵀy the sufficient statistics, solve
//!
//! ```text
//! maximise s  subject to  Aᵀx = t,  x_c ≥ s for every retained cell,  x ≥ 0, s ≥ 0.
//! ```
//!
//! The MLE exists when s* > 0 (a strictly positive table has the same margins). It is
//! identifiable when A has full column rank (QR, tolerance 1e-7). The error code is
//! `1·[s* = 0] + 2·[rank deficient]`: 0 OK, 1 no MLE, 2 not identifiable, 3 both.
//!
//! The linear programme is tiny (one variable per retained cell plus s, one equality per term),
//! so it is solved by a dense two-phase simplex with Bland's rule written here rather than a
//! solver crate: no build cost, no floating-point surprises beyond the one tolerance that
//! matters, `s* > 1e-9·n`, which agrees with lpSolve's exact zero test on all the fixtures. The
//! substitution x = s·1 + u (u ≥ 0) turns the inequalities into bounds.

use super::fit::{design, retained};
use super::linalg;
use super::model::Model;
use super::table::CaptureTable;

const PIVOT_EPS: f64 = 1e-9;

/// Outcome of the existence and identifiability check of one model on one table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Check {
    /// 0 OK, 1 no MLE, 2 not identifiable, 3 both (SparseMSE `ierr`).
    pub code: u8,
    /// The optimum s* of the linear programme.
    pub lp_value: f64,
    /// Number of columns minus the rank of the design.
    pub rank_deficiency: usize,
}

impl Check {
    /// Whether the model can be fitted (code 0).
    pub fn ok(&self) -> bool {
        self.code == 0
    }
}

/// Check `model` on `table` (boundary terms removed first, as in the extended MLE).
pub fn check_model(table: &CaptureTable, model: &Model) -> Check {
    let (cells, finite, _) = retained(table, model);
    let m = cells.len();
    let p = finite.len();
    let a = design(&cells, &finite);
    let y: Vec<f64> = cells.iter().map(|&h| table.count(h)).collect();
    let rank_deficiency = p - linalg::rank(&a, m, p);
    let n = table.total();
    let lp_value = if m == 0 {
        0.0
    } else if y.iter().all(|&v| v > 0.0) {
        // The observed table itself is strictly positive: s* >= min y > 0.
        y.iter().copied().fold(f64::INFINITY, f64::min)
    } else {
        max_min_cell(&a, m, p, &y)
    };
    let no_mle = lp_value <= 1e-9 * n.max(1.0);
    let code = u8::from(no_mle) + 2 * u8::from(rank_deficiency > 0);
    Check {
        code,
        lp_value,
        rank_deficiency,
    }
}

/// The largest s such that some x ≥ s·1 has Aᵀx = Aᵀy (`a` is m cells × p terms, row-major).
pub fn max_min_cell(a: &[f64], m: usize, p: usize, y: &[f64]) -> f64 {
    // Variables: u_0..u_{m-1}, s, then p artificials. Constraint row k:
    //   Σ_c a[c][k] u_c + (Σ_c a[c][k]) s + art_k = t_k.
    let ncols = m + 1 + p;
    let width = ncols + 1;
    let mut tab = vec![0.0; p * width];
    for k in 0..p {
        let row = &mut tab[k * width..(k + 1) * width];
        let mut colsum = 0.0;
        let mut t = 0.0;
        for c in 0..m {
            let v = a[c * p + k];
            row[c] = v;
            colsum += v;
            t += v * y[c];
        }
        row[m] = colsum;
        row[m + 1 + k] = 1.0;
        row[ncols] = t;
    }
    let mut basis: Vec<usize> = (0..p).map(|k| m + 1 + k).collect();
    let mut alive = vec![true; p];
    // Phase 1: maximise −Σ artificials.
    let mut cost = vec![0.0; ncols];
    for c in cost.iter_mut().skip(m + 1) {
        *c = -1.0;
    }
    simplex(&mut tab, width, m + 1, &mut basis, &alive, &cost);
    // Drive artificials out of the basis; drop redundant rows.
    for k in 0..p {
        if basis[k] > m {
            let row = &tab[k * width..(k + 1) * width];
            if let Some(j) = (0..=m).find(|&j| row[j].abs() > PIVOT_EPS) {
                pivot(&mut tab, width, k, j, &alive);
                basis[k] = j;
            } else {
                alive[k] = false;
            }
        }
    }
    // Phase 2: maximise s.
    let mut cost = vec![0.0; ncols];
    cost[m] = 1.0;
    simplex(&mut tab, width, m + 1, &mut basis, &alive, &cost);
    (0..p)
        .find(|&k| alive[k] && basis[k] == m)
        .map_or(0.0, |k| tab[k * width + ncols].max(0.0))
}

fn pivot(tab: &mut [f64], width: usize, r: usize, c: usize, alive: &[bool]) {
    let pv = tab[r * width + c];
    for j in 0..width {
        tab[r * width + j] /= pv;
    }
    let prow: Vec<f64> = tab[r * width..(r + 1) * width].to_vec();
    for (i, &live) in alive.iter().enumerate() {
        if i == r || !live {
            continue;
        }
        let f = tab[i * width + c];
        if f != 0.0 {
            for j in 0..width {
                tab[i * width + j] -= f * prow[j];
            }
        }
    }
}

/// Maximise `cost · x` from the current basis; only columns `< n_enter` may enter (Bland's rule).
fn simplex(
    tab: &mut [f64],
    width: usize,
    n_enter: usize,
    basis: &mut [usize],
    alive: &[bool],
    cost: &[f64],
) {
    let p = basis.len();
    let rhs = width - 1;
    let mut guard = 0usize;
    loop {
        guard += 1;
        if guard > 50_000 {
            return;
        }
        // Reduced costs c_j − c_B B⁻¹ A_j for the enterable columns.
        let mut entering = None;
        for j in 0..n_enter {
            if basis.contains(&j) {
                continue;
            }
            let mut d = cost[j];
            for k in 0..p {
                if alive[k] {
                    d -= cost[basis[k]] * tab[k * width + j];
                }
            }
            if d > PIVOT_EPS {
                entering = Some(j);
                break;
            }
        }
        let Some(j) = entering else { return };
        let mut leave: Option<(usize, f64)> = None;
        for k in 0..p {
            if !alive[k] {
                continue;
            }
            let a = tab[k * width + j];
            if a > PIVOT_EPS {
                let ratio = tab[k * width + rhs] / a;
                match leave {
                    None => leave = Some((k, ratio)),
                    Some((best, r)) => {
                        if ratio < r - 1e-12 || (ratio <= r + 1e-12 && basis[k] < basis[best]) {
                            leave = Some((k, ratio));
                        }
                    }
                }
            }
        }
        let Some((r, _)) = leave else { return };
        pivot(tab, width, r, j, alive);
        basis[r] = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn artificial_3() -> CaptureTable {
        let mut c = vec![0.0; 8];
        c[1] = 40.0;
        c[2] = 30.0;
        c[4] = 20.0;
        c[3] = 6.0;
        CaptureTable::from_cells(vec!["A".into(), "B".into(), "C".into()], c).unwrap()
    }

    #[test]
    fn artificial_3_codes_match_csv_2021_table_3() {
        let t = artificial_3();
        let code = |terms: &[usize]| check_model(&t, &Model::from_terms(3, terms).unwrap()).code;
        let (ab, ac, bc) = (0b011, 0b101, 0b110);
        assert_eq!(code(&[]), 0);
        assert_eq!(code(&[ac]), 0);
        assert_eq!(code(&[bc]), 0);
        assert_eq!(code(&[ac, bc]), 0);
        assert_eq!(code(&[ab]), 1);
        assert_eq!(code(&[ab, ac]), 1);
        assert_eq!(code(&[ab, bc]), 1);
        assert_eq!(code(&[ab, ac, bc]), 2);
    }

    #[test]
    fn positive_table_has_positive_lp() {
        // Every cell positive: s* is at least min y.
        let a = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0];
        let v = max_min_cell(&a, 3, 2, &[1.0, 2.0, 3.0]);
        assert!((v - 2.0).abs() < 1e-9, "{v}");
    }
}
