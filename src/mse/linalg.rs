//! Dense QR for the tiny design matrices of log-linear models (at most 2^t − 1 rows and a few
//! dozen columns), with R's rank rule.
//!
//! Classical Gram–Schmidt with one re-orthogonalisation pass ("CGS2", as accurate as Householder
//! for full-rank problems). Rank follows LINPACK `dqrdc2` as used by R's `qr()` and `glm.fit`:
//! a column whose norm, after removing its projection on the columns already accepted, falls
//! below `tol` times its original norm is linearly dependent and set aside; the others keep their
//! order. Hand-written: the systems are far too small for a BLAS-backed crate to pay off.

/// A thin QR factorisation of the accepted columns of an `n × p` matrix.
#[derive(Debug, Clone)]
pub struct Qr {
    n: usize,
    /// Orthonormal columns, column-major (n × rank).
    q: Vec<f64>,
    /// Upper-triangular R (rank × rank), row-major.
    r: Vec<f64>,
    /// The original indices of the accepted columns, in order.
    pub accepted: Vec<usize>,
}

impl Qr {
    /// Factorise `a` (`n` rows × `p` columns, row-major) with rank tolerance `tol` (R: 1e-7).
    pub fn new(a: &[f64], n: usize, p: usize, tol: f64) -> Self {
        let mut q: Vec<f64> = Vec::with_capacity(n * p);
        let mut rcols: Vec<Vec<f64>> = Vec::with_capacity(p);
        let mut accepted = Vec::with_capacity(p);
        let mut v = vec![0.0; n];
        for c in 0..p {
            for (r, vr) in v.iter_mut().enumerate() {
                *vr = a[r * p + c];
            }
            let original = norm(&v);
            let k = accepted.len();
            let mut coef = vec![0.0; k];
            for _pass in 0..2 {
                for (j, cj) in coef.iter_mut().enumerate() {
                    let qj = &q[j * n..(j + 1) * n];
                    let d: f64 = qj.iter().zip(&v).map(|(x, y)| x * y).sum();
                    *cj += d;
                    for (vr, qr) in v.iter_mut().zip(qj) {
                        *vr -= d * qr;
                    }
                }
            }
            let rest = norm(&v);
            if original == 0.0 || rest < tol * original {
                continue;
            }
            coef.push(rest);
            q.extend(v.iter().map(|x| x / rest));
            rcols.push(coef);
            accepted.push(c);
        }
        let rank = accepted.len();
        let mut r = vec![0.0; rank * rank];
        for (j, col) in rcols.iter().enumerate() {
            for (i, val) in col.iter().enumerate() {
                r[i * rank + j] = *val;
            }
        }
        Self { n, q, r, accepted }
    }

    /// Numerical rank.
    pub fn rank(&self) -> usize {
        self.accepted.len()
    }

    /// Least-squares coefficients of the accepted columns for right-hand side `y`.
    pub fn solve(&self, y: &[f64]) -> Vec<f64> {
        let k = self.rank();
        let mut qty: Vec<f64> = (0..k)
            .map(|j| {
                self.q[j * self.n..(j + 1) * self.n]
                    .iter()
                    .zip(y)
                    .map(|(a, b)| a * b)
                    .sum()
            })
            .collect();
        for i in (0..k).rev() {
            let row = &self.r[i * k + i + 1..(i + 1) * k];
            let s: f64 = row.iter().zip(&qty[i + 1..k]).map(|(a, b)| a * b).sum();
            qty[i] = (qty[i] - s) / self.r[i * k + i];
        }
        qty
    }

    /// `[(RᵀR)⁻¹]_{ii}` for accepted column position `i`: the unscaled variance of coefficient i.
    pub fn unscaled_variance(&self, i: usize) -> f64 {
        // (RᵀR)⁻¹ = R⁻¹ R⁻ᵀ, so the (i, i) entry is the squared norm of row i of R⁻¹.
        let k = self.rank();
        let mut total = 0.0;
        // Column j of R⁻¹ solves R x = e_j; only rows <= j are non-zero.
        for j in i..k {
            let mut x = vec![0.0; j + 1];
            x[j] = 1.0 / self.r[j * k + j];
            for row in (0..j).rev() {
                let r_row = &self.r[row * k + row + 1..row * k + j + 1];
                let s: f64 = r_row.iter().zip(&x[row + 1..=j]).map(|(a, b)| a * b).sum();
                x[row] = -s / self.r[row * k + row];
            }
            total += x[i] * x[i];
        }
        total
    }
}

fn norm(v: &[f64]) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}

/// Numerical rank of an `n × p` row-major matrix with R's default tolerance 1e-7.
pub fn rank(a: &[f64], n: usize, p: usize) -> usize {
    Qr::new(a, n, p, 1e-7).rank()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solves_least_squares_and_variance() {
        // y = 1 + 2x fitted exactly.
        let a = [1.0, 0.0, 1.0, 1.0, 1.0, 2.0, 1.0, 3.0];
        let y = [1.0, 3.0, 5.0, 7.0];
        let qr = Qr::new(&a, 4, 2, 1e-7);
        let b = qr.solve(&y);
        assert!((b[0] - 1.0).abs() < 1e-12 && (b[1] - 2.0).abs() < 1e-12);
        // (X^T X)^{-1} for x = 0..3: [[14, -6], [-6, 4]] / 20 -> [0,0] = 0.7
        assert!((qr.unscaled_variance(0) - 0.7).abs() < 1e-12);
        assert!((qr.unscaled_variance(1) - 0.2).abs() < 1e-12);
    }

    #[test]
    fn detects_dependent_columns() {
        // Third column = first + second.
        let a = [1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 1.0, 1.0, 2.0];
        let qr = Qr::new(&a, 3, 3, 1e-7);
        assert_eq!(qr.rank(), 2);
        assert_eq!(qr.accepted, vec![0, 1]);
        assert_eq!(rank(&[0.0, 0.0], 2, 1), 0);
    }
}
