//! Fitting one log-linear model: the design matrix, Poisson IRLS and the extended MLE.
//!
//! The counts of the 2^t − 1 observable cells are independent Poisson with
//! `log μ_ω = Σ_{θ ⊆ ω, θ ∈ M} α_θ`, and the population estimate is `N̂ = n + exp(α̂_∅)`
//! (SparseMSE `estimatepopulation.0`, Rcapture `getN`, MSE `fit_hier_model`).
//!
//! IRLS copies R's `glm.fit` defaults (start `μ = y + 0.1`, stop when
//! `|D − D_old| / (|D| + 0.1) < 1e-8`, at most 25 iterations, rank by QR with tolerance 1e-7),
//! so that fits agree with the R packages to many digits.
//!
//! **Extended MLE** (Chan, Silverman & Vincent 2021; MSE package `fit_hier_model`): a model
//! term θ with N*_θ = 0 (no case on all lists in θ, e.g. a non-overlapping pair) has MLE −∞.
//! Instead of iterating towards −∞, the cells containing θ are removed and the term is dropped;
//! it still counts as a parameter for AIC and BIC.

use super::linalg::Qr;
use super::model::Model;
use super::stats::ln_gamma;
use super::table::CaptureTable;

/// IRLS settings of R's `glm.control()`.
const EPSILON: f64 = 1e-8;
const MAX_ITERATIONS: usize = 25;
const RANK_TOL: f64 = 1e-7;

/// The result of fitting a model to a table.
#[derive(Debug, Clone)]
pub struct Fit {
    /// The model as requested.
    pub model: Model,
    /// Terms whose extended MLE is −∞ (N*_θ = 0); their cells are fitted as exactly 0.
    pub boundary: Vec<usize>,
    /// Retained cells (bitmasks).
    pub cells: Vec<usize>,
    /// Fitted means of the retained cells.
    pub mu: Vec<f64>,
    /// Finite terms and their estimates (NaN for a term aliased by rank deficiency).
    pub coefficients: Vec<(usize, f64)>,
    /// Unscaled variances of the finite terms, in the order of `coefficients`.
    pub variances: Vec<f64>,
    /// Estimated intercept α̂_∅ = log of the dark figure.
    pub intercept: f64,
    /// Standard error of α̂_∅ (`summary(glm)$cov.unscaled[1, 1]` square-rooted).
    pub se_intercept: f64,
    /// Observed total n.
    pub observed: f64,
    /// Population estimate N̂ = n + exp(α̂_∅).
    pub estimate: f64,
    /// Poisson log-likelihood (with the log y! terms).
    pub loglik: f64,
    /// Residual deviance.
    pub deviance: f64,
    /// Parameters counted for AIC/BIC: intercept, main effects, interactions, −∞ terms included.
    pub n_params: usize,
    /// Rank of the design of the finite terms.
    pub rank: usize,
    /// Whether IRLS met its convergence criterion.
    pub converged: bool,
    /// IRLS iterations used.
    pub iterations: usize,
}

impl Fit {
    /// AIC = −2 loglik + 2 · parameters (boundary terms counted, as SparseMSE does).
    pub fn aic(&self) -> f64 {
        -2.0 * self.loglik + 2.0 * self.n_params as f64
    }

    /// BIC = −2 loglik + log(n cases) · parameters (MSE package / Rcapture convention).
    pub fn bic(&self) -> f64 {
        -2.0 * self.loglik + self.observed.ln() * self.n_params as f64
    }

    /// The dark figure exp(α̂_∅).
    pub fn dark_figure(&self) -> f64 {
        self.intercept.exp()
    }

    /// Fitted mean of cell `h` (0 for removed cells).
    pub fn fitted(&self, h: usize) -> f64 {
        self.cells
            .iter()
            .position(|&c| c == h)
            .map_or(0.0, |i| self.mu[i])
    }
}

/// The cells kept and the finite terms once the boundary terms of `model` are removed.
pub fn retained(table: &CaptureTable, model: &Model) -> (Vec<usize>, Vec<usize>, Vec<usize>) {
    let mut boundary = Vec::new();
    let mut finite = Vec::new();
    for term in model.terms() {
        if term != 0 && table.nstar(term) == 0.0 {
            boundary.push(term);
        } else {
            finite.push(term);
        }
    }
    let cells = (1..table.cells())
        .filter(|&h| boundary.iter().all(|&b| (h & b) != b))
        .collect();
    (cells, finite, boundary)
}

/// Row-major design matrix: entry (ω, θ) is 1 when θ ⊆ ω.
pub fn design(cells: &[usize], terms: &[usize]) -> Vec<f64> {
    let mut x = Vec::with_capacity(cells.len() * terms.len());
    for &h in cells {
        for &t in terms {
            x.push(if h & t == t { 1.0 } else { 0.0 });
        }
    }
    x
}

/// Output of [`irls_poisson`].
#[derive(Debug, Clone)]
pub struct Irls {
    /// Coefficients (NaN for aliased columns).
    pub beta: Vec<f64>,
    /// Fitted means.
    pub mu: Vec<f64>,
    /// Deviance.
    pub deviance: f64,
    /// Unscaled variance of each coefficient (`diag((XᵀWX)⁻¹)`; NaN if aliased).
    pub var: Vec<f64>,
    /// Rank.
    pub rank: usize,
    /// Converged.
    pub converged: bool,
    /// Iterations.
    pub iterations: usize,
}

fn deviance(y: &[f64], mu: &[f64]) -> f64 {
    2.0 * y
        .iter()
        .zip(mu)
        .map(|(&y, &m)| {
            if y > 0.0 {
                y * (y / m).ln() - (y - m)
            } else {
                m
            }
        })
        .sum::<f64>()
}

/// Poisson GLM with log link by IRLS, as R `glm.fit` (see the module notes).
pub fn irls_poisson(x: &[f64], n: usize, p: usize, y: &[f64]) -> Irls {
    let mut mu: Vec<f64> = y.iter().map(|v| v + 0.1).collect();
    let mut eta: Vec<f64> = mu.iter().map(|m| m.ln()).collect();
    let mut dev_old = deviance(y, &mu);
    let mut beta = vec![f64::NAN; p];
    let mut converged = false;
    let mut iterations = 0;
    let mut var = vec![f64::NAN; p];
    let mut last: Option<Qr> = None;
    let mut rank = 0;
    let mut wx = vec![0.0; n * p];
    let mut wz = vec![0.0; n];
    for it in 1..=MAX_ITERATIONS {
        iterations = it;
        for r in 0..n {
            let w = mu[r].sqrt();
            wz[r] = w * (eta[r] + (y[r] - mu[r]) / mu[r]);
            for c in 0..p {
                wx[r * p + c] = w * x[r * p + c];
            }
        }
        let qr = Qr::new(&wx, n, p, RANK_TOL);
        rank = qr.rank();
        let b = qr.solve(&wz);
        beta.iter_mut().for_each(|v| *v = f64::NAN);
        for (k, &c) in qr.accepted.iter().enumerate() {
            beta[c] = b[k];
        }
        last = Some(qr);
        for r in 0..n {
            let mut e = 0.0;
            for (c, &bc) in beta.iter().enumerate() {
                if !bc.is_nan() {
                    e += x[r * p + c] * bc;
                }
            }
            eta[r] = e;
            mu[r] = e.exp();
        }
        let dev = deviance(y, &mu);
        if !dev.is_finite() {
            break;
        }
        if (dev - dev_old).abs() / (dev.abs() + 0.1) < EPSILON {
            converged = true;
            dev_old = dev;
            break;
        }
        dev_old = dev;
    }
    if let Some(qr) = last {
        for (k, &c) in qr.accepted.iter().enumerate() {
            var[c] = qr.unscaled_variance(k);
        }
    }
    Irls {
        beta,
        mu,
        deviance: dev_old,
        var,
        rank,
        converged,
        iterations,
    }
}

/// Fit `model` to `table` with the extended MLE (boundary terms at −∞, their cells removed).
pub fn fit_model(table: &CaptureTable, model: &Model) -> Fit {
    let (cells, finite, boundary) = retained(table, model);
    fit_design(table, model, cells, finite, boundary)
}

/// Fit `model` by plain IRLS on all cells, without the extended MLE: non-overlapping pairs then
/// drift towards −∞ until IRLS stops, as in Rcapture and the Bales–Hesketh–Silverman method.
pub fn fit_model_plain(table: &CaptureTable, model: &Model) -> Fit {
    let cells: Vec<usize> = (1..table.cells()).collect();
    fit_design(table, model, cells, model.terms(), Vec::new())
}

fn fit_design(
    table: &CaptureTable,
    model: &Model,
    cells: Vec<usize>,
    finite: Vec<usize>,
    boundary: Vec<usize>,
) -> Fit {
    let n = cells.len();
    let p = finite.len();
    let x = design(&cells, &finite);
    let y: Vec<f64> = cells.iter().map(|&h| table.count(h)).collect();
    let observed = table.total();
    let fit = irls_poisson(&x, n, p, &y);
    let loglik: f64 = y
        .iter()
        .zip(&fit.mu)
        .map(|(&y, &m)| {
            if y > 0.0 {
                y * m.ln() - m - ln_gamma(y + 1.0)
            } else {
                -m
            }
        })
        .sum();
    let intercept = fit.beta[0];
    Fit {
        model: model.clone(),
        boundary,
        coefficients: finite
            .iter()
            .copied()
            .zip(fit.beta.iter().copied())
            .collect(),
        cells,
        mu: fit.mu,
        intercept,
        se_intercept: fit.var[0].sqrt(),
        variances: fit.var,
        observed,
        estimate: observed + intercept.exp(),
        loglik,
        deviance: fit.deviance,
        n_params: model.n_params(),
        rank: fit.rank,
        converged: fit.converged,
        iterations: fit.iterations,
    }
}

/// The deviance of `model` when the all-zero cell is added with count `n0` (a row with only
/// the intercept): the building block of the multinomial profile likelihood (Rcapture
/// `closedpCI.t`, Cormack 1992).
pub fn deviance_with_dark_cell(
    table: &CaptureTable,
    model: &Model,
    n0: f64,
    extended: bool,
) -> f64 {
    let (cells, finite) = if extended {
        let (c, f, _) = retained(table, model);
        (c, f)
    } else {
        ((1..table.cells()).collect(), model.terms())
    };
    let mut cells = cells;
    cells.insert(0, 0);
    let x = design(&cells, &finite);
    let y: Vec<f64> = cells
        .iter()
        .map(|&h| if h == 0 { n0 } else { table.count(h) })
        .collect();
    irls_poisson(&x, cells.len(), finite.len(), &y).deviance
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(t: usize, cells: &[(usize, f64)]) -> CaptureTable {
        let mut c = vec![0.0; 1 << t];
        for &(h, v) in cells {
            c[h] = v;
        }
        CaptureTable::from_cells(
            (0..t)
                .map(|i| ((b'A' + i as u8) as char).to_string())
                .collect(),
            c,
        )
        .unwrap()
    }

    #[test]
    fn two_lists_main_effects_is_lincoln_petersen() {
        // n1 = 60, n2 = 50, m = 20: LP = 150, dark figure = 30 * 40 / 20 = 60... N = 90 + 60 = 150.
        let t = table(2, &[(1, 40.0), (2, 30.0), (3, 20.0)]);
        let f = fit_model(&t, &Model::main_effects(2));
        assert!((f.estimate - 150.0).abs() < 1e-6, "{}", f.estimate);
        assert!(f.converged);
        assert!(f.deviance.abs() < 1e-8);
    }

    #[test]
    fn boundary_terms_remove_cells() {
        // Artificial_3 with A:C: A:C has N* = 0 so cells with A and C are removed.
        let t = table(3, &[(1, 40.0), (2, 30.0), (4, 20.0), (3, 6.0)]);
        let m = Model::from_terms(3, &[0b101]).unwrap();
        let f = fit_model(&t, &m);
        assert_eq!(f.boundary, vec![0b101]);
        assert_eq!(f.cells, vec![1, 2, 3, 4, 6]);
        assert_eq!(f.n_params, 5);
        assert!(f.estimate.is_finite());
    }
}
