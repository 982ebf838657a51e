//! Interval estimates of the population size.
//!
//! - [`normal_log_dark`]: model-conditional normal interval on the log dark figure,
//!   `n + exp(α̂_∅ ± z·se)` (SparseMSE `estimatepopulation.0`).
//! - [`profile`]: multinomial profile-likelihood interval (Cormack 1992; Rcapture `closedpCI.t`),
//!   with its own point estimate (the profile argmax, which is not the Poisson N̂).
//! - [`bca_limits`]: bias-corrected and accelerated bootstrap limits with R type-8 quantiles
//!   (SparseMSE `bcaconfvalues`), and [`jackknife_acceleration`] exactly as SparseMSE
//!   `estimatepopulation` (delete one case of each distinct history, weight by its count).

use super::fit::deviance_with_dark_cell;
use super::model::Model;
use super::stats::{ln_gamma, pnorm, qchisq1, qnorm, quantile_type8};
use super::table::CaptureTable;

/// A two-sided interval at a confidence level.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Interval {
    /// Confidence level, e.g. 0.95.
    pub level: f64,
    /// Lower limit.
    pub lower: f64,
    /// Upper limit (`inf` when unbounded above the search limit).
    pub upper: f64,
}

/// `n + exp(α̂_∅ ± z·se)` at `level`.
pub fn normal_log_dark(observed: f64, intercept: f64, se: f64, level: f64) -> Interval {
    let z = qnorm(0.5 + level / 2.0);
    Interval {
        level,
        lower: observed + (intercept - z * se).exp(),
        upper: observed + (intercept + z * se).exp(),
    }
}

/// A profile-likelihood result.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Profile {
    /// Argmax of the profile likelihood (multinomial estimate).
    pub estimate: f64,
    /// The interval; `upper` is `inf` when the likelihood stays above the cut-off up to
    /// `search_limit`.
    pub interval: Interval,
    /// Upper end of the search (3 × the Poisson estimate, as Rcapture's `fmaxSupCL`).
    pub search_limit: f64,
}

/// Profile log-likelihood ℓ(N) = −D(N)/2 + log(n0^n0 N! / (N^N n0!)), n0 = N − n.
fn profile_loglik(table: &CaptureTable, model: &Model, extended: bool, big_n: f64) -> f64 {
    let n = table.total();
    let n0 = (big_n - n).max(0.0);
    let dev = deviance_with_dark_cell(table, model, n0, extended);
    let xlogx = |x: f64| if x > 0.0 { x * x.ln() } else { 0.0 };
    let c = xlogx(n0) + ln_gamma(big_n + 1.0) - xlogx(big_n) - ln_gamma(n0 + 1.0);
    -dev / 2.0 + c
}

/// Multinomial profile-likelihood interval for a fixed model.
pub fn profile(
    table: &CaptureTable,
    model: &Model,
    extended: bool,
    poisson_estimate: f64,
    level: f64,
) -> Profile {
    let n = table.total();
    let f = |x: f64| profile_loglik(table, model, extended, x);
    // Maximise on (n, 1.5 N̂) by golden-section search.
    let (mut a, mut b) = (n, (1.5 * poisson_estimate).max(n + 1.0));
    let g = (5f64.sqrt() - 1.0) / 2.0;
    let mut c = b - g * (b - a);
    let mut d = a + g * (b - a);
    let (mut fc, mut fd) = (f(c), f(d));
    for _ in 0..200 {
        if (b - a).abs() < 1e-7 * (1.0 + a.abs()) {
            break;
        }
        if fc > fd {
            b = d;
            d = c;
            fd = fc;
            c = b - g * (b - a);
            fc = f(c);
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + g * (b - a);
            fd = f(d);
        }
    }
    let nhat = (a + b) / 2.0;
    let lmax = f(nhat).max(f(n));
    let nhat = if f(n) > f(nhat) { n } else { nhat };
    let cut = lmax - qchisq1(level) / 2.0;
    let root = |mut lo: f64, mut hi: f64| {
        // f(lo) and f(hi) on opposite sides of the cut.
        let up = f(lo) > cut;
        for _ in 0..200 {
            let mid = (lo + hi) / 2.0;
            if (f(mid) > cut) == up {
                lo = mid;
            } else {
                hi = mid;
            }
            if hi - lo < 1e-6 * (1.0 + mid) {
                break;
            }
        }
        (lo + hi) / 2.0
    };
    let lower = if f(n) > cut { n } else { root(n, nhat) };
    let limit = 3.0 * poisson_estimate.max(nhat);
    let upper = if f(limit) > cut {
        f64::INFINITY
    } else {
        root(nhat, limit)
    };
    Profile {
        estimate: nhat,
        interval: Interval {
            level,
            lower,
            upper,
        },
        search_limit: limit,
    }
}

/// Why BCa limits could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BcaFailure {
    /// Every replicate lies on one side of the estimate (z0 = ±∞).
    OneSided,
    /// No finite replicate.
    NoReplicates,
}

/// Replicates within this relative distance of θ̂ count as equal to it, not below it.
///
/// A replicate can select the same model as the data and land on θ̂ exactly in exact arithmetic;
/// in floating point it then sits a few ulps either side, and a bare `<` counts it at random.
/// On R's own seed-1234 stream for Western, replicate 311 equals θ̂ to 2.5e-10 and R's rounding
/// placed it below, which moves SparseMSE's 90% limit by 3 (`tests/mse/test_r_stream.py`).
pub const BCA_TIE_TOLERANCE: f64 = 1e-9;

/// BCa limits (SparseMSE `bcaconfvalues`): `z0 = Φ⁻¹(mean(θ* < θ̂))`, and for each probability a,
/// the type-8 quantile of θ* at `Φ(z0 + (z0 + z_a)/(1 − â (z0 + z_a)))`.
///
/// "Below" is strict and exact-arithmetic: replicates within [`BCA_TIE_TOLERANCE`] (relative)
/// of θ̂ are ties and do not count as below, whatever their last bits.
///
/// # Errors
/// [`BcaFailure`] when the replicates are all on one side of `theta_hat`.
pub fn bca_limits(
    theta_hat: f64,
    replicates: &[f64],
    a_hat: f64,
    probs: &[f64],
) -> Result<Vec<f64>, BcaFailure> {
    let mut sorted: Vec<f64> = replicates
        .iter()
        .copied()
        .filter(|v| v.is_finite())
        .collect();
    if sorted.is_empty() {
        return Err(BcaFailure::NoReplicates);
    }
    sorted.sort_by(f64::total_cmp);
    let tie = BCA_TIE_TOLERANCE * theta_hat.abs().max(1.0);
    let below =
        sorted.iter().filter(|&&v| v < theta_hat - tie).count() as f64 / sorted.len() as f64;
    let z0 = qnorm(below);
    if !z0.is_finite() {
        return Err(BcaFailure::OneSided);
    }
    Ok(probs
        .iter()
        .map(|&a| {
            let za = qnorm(a) + z0;
            let q = pnorm(z0 + za / (1.0 - a_hat * za));
            quantile_type8(&sorted, q)
        })
        .collect())
}

/// Jackknife acceleration from the leave-one-case-out estimates of each distinct history:
/// `theta_j[k]` is the estimate with one case of history `k` removed and `counts[k]` its count.
pub fn jackknife_acceleration(counts: &[f64], theta_j: &[f64]) -> f64 {
    let n: f64 = counts.iter().sum();
    let mean = counts.iter().zip(theta_j).map(|(c, t)| c * t).sum::<f64>() / n;
    let mut s2 = 0.0;
    let mut s3 = 0.0;
    for (c, t) in counts.iter().zip(theta_j) {
        let d = mean - t;
        s2 += c * d * d;
        s3 += c * d * d * d;
    }
    if s2 == 0.0 {
        0.0
    } else {
        s3 / (6.0 * s2.powf(1.5))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bca_without_bias_or_acceleration_is_the_percentile_interval() {
        let reps: Vec<f64> = (1..=999).map(f64::from).collect();
        // theta_hat = 500: exactly half below -> z0 = qnorm(499/999) ~ -0.00125
        let lims = bca_limits(500.0, &reps, 0.0, &[0.5]).unwrap();
        assert!((lims[0] - 499.5).abs() < 1.0, "{lims:?}");
        let reps: Vec<f64> = (1..=1000).map(f64::from).collect();
        let lims = bca_limits(500.5, &reps, 0.0, &[0.025, 0.975]).unwrap();
        // z0 = 0: type-8 quantiles at .025 and .975 of 1..1000 -> h = 1/3 + p (1000 + 1/3)
        let h_lo = 1.0 / 3.0 + 0.025 * (1000.0 + 1.0 / 3.0);
        let h_hi = 1.0 / 3.0 + 0.975 * (1000.0 + 1.0 / 3.0);
        assert!(
            (lims[0] - h_lo).abs() < 1e-9 && (lims[1] - h_hi).abs() < 1e-9,
            "{lims:?}"
        );
    }

    #[test]
    fn bca_collapses_when_one_sided() {
        assert_eq!(
            bca_limits(0.0, &[1.0, 2.0], 0.0, &[0.5]),
            Err(BcaFailure::OneSided)
        );
        assert_eq!(
            bca_limits(0.0, &[], 0.0, &[0.5]),
            Err(BcaFailure::NoReplicates)
        );
    }

    #[test]
    fn bca_with_acceleration_shifts_limits() {
        // Hand computation: z0 = qnorm(0.4), a = -0.1, alpha = 0.975.
        let reps: Vec<f64> = (0..10).map(f64::from).collect();
        let z0 = qnorm(0.4);
        let za = qnorm(0.975) + z0;
        let q = pnorm(z0 + za / (1.0 + 0.1 * za));
        let got = bca_limits(3.5, &reps, -0.1, &[0.975]).unwrap()[0];
        assert!((got - quantile_type8(&reps, q)).abs() < 1e-12);
    }

    #[test]
    fn replicates_equal_to_the_estimate_up_to_rounding_are_ties() {
        // Ten replicates; one equals theta_hat but for its last bits, on either side.
        let base: Vec<f64> = (0..9).map(|k| 2480.0 + f64::from(k)).collect();
        let theta = 2_483.383_920_230_117;
        let mut lo = base.clone();
        lo.push(theta - 2.5e-10);
        let mut hi = base;
        hi.push(theta + 2.5e-10);
        let p = [0.1, 0.5, 0.9];
        // Both count 4 of 10 below (2480..2483), so the limits agree.
        let a = bca_limits(theta, &lo, -0.09, &p).unwrap();
        let b = bca_limits(theta, &hi, -0.09, &p).unwrap();
        assert_eq!(a, b);
        let z0 = qnorm(0.4);
        let za = qnorm(0.5) + z0;
        let q = pnorm(z0 + za / (1.0 + 0.09 * za));
        let mut sorted = lo.clone();
        sorted.sort_by(f64::total_cmp);
        assert!((a[1] - quantile_type8(&sorted, q)).abs() < 1e-9);
        // A replicate clearly below still counts.
        let mut below = lo;
        below[9] = theta - 1e-3;
        assert_ne!(bca_limits(theta, &below, -0.09, &p).unwrap(), a);
    }

    #[test]
    fn acceleration_is_zero_for_symmetric_jackknife() {
        assert_eq!(jackknife_acceleration(&[1.0, 1.0], &[1.0, 3.0]), 0.0);
        assert!(jackknife_acceleration(&[1.0, 1.0, 1.0], &[1.0, 1.0, 4.0]) < 0.0);
    }
}
