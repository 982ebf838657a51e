//! Confidence intervals for counts, rates and shares.
//!
//! - Counts and rates: the exact (Garwood 1936) Poisson interval, the one UNODC and most
//!   statistical offices use for small counts: for an observed count `k`,
//!   `lower = G⁻¹(α/2; k)` and `upper = G⁻¹(1 − α/2; k + 1)`, where `G⁻¹(p; a)` is the quantile
//!   of the Gamma(a, 1) distribution (equivalently `χ²(2k)/2`). A rate's interval is the count's
//!   interval divided by the population.
//! - Shares: the Wilson (1927) score interval, which behaves well at 0 and 1 and for small `n`
//!   (unlike the Wald interval).
//!
//! Hand-written rather than a statistics crate: the three special functions needed (log-gamma,
//! the regularized incomplete gamma function, the normal quantile) are a few dozen lines from
//! Numerical Recipes (Press et al., 3rd ed., §6.1–6.2) and Acklam's algorithm, and adding a crate
//! such as `statrs` would pull in `nalgebra` and lengthen the clean build for no gain.

use crate::error::{Error, Result};

/// Natural log of the gamma function (Lanczos approximation, g = 7, n = 9; |error| < 1e-13).
#[must_use]
pub fn ln_gamma(x: f64) -> f64 {
    const COEFFICIENTS: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        // Reflection formula.
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = COEFFICIENTS[0];
    let t = x + 7.5;
    for (i, c) in COEFFICIENTS.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// The regularized lower incomplete gamma function `P(a, x)` for `a > 0`, `x ≥ 0`
/// (series for `x < a + 1`, continued fraction otherwise; Numerical Recipes §6.2).
#[must_use]
pub fn gamma_p(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let gln = ln_gamma(a);
    if x < a + 1.0 {
        let mut ap = a;
        let mut sum = 1.0 / a;
        let mut del = sum;
        for _ in 0..10_000 {
            ap += 1.0;
            del *= x / ap;
            sum += del;
            if del.abs() < sum.abs() * 1e-15 {
                break;
            }
        }
        (sum.ln() - x + a * x.ln() - gln).exp().min(1.0)
    } else {
        let tiny = 1e-300;
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / tiny;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..10_000 {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < tiny {
                d = tiny;
            }
            c = b + an / c;
            if c.abs() < tiny {
                c = tiny;
            }
            d = 1.0 / d;
            let del = d * c;
            h *= del;
            if (del - 1.0).abs() < 1e-15 {
                break;
            }
        }
        (1.0 - (-x + a * x.ln() - gln).exp() * h).clamp(0.0, 1.0)
    }
}

/// The `p`-quantile of the Gamma(`a`, 1) distribution, by bisection on [`gamma_p`]
/// (monotone, so bisection always converges; 200 halvings reach machine precision).
#[must_use]
pub fn gamma_quantile(p: f64, a: f64) -> f64 {
    if p <= 0.0 {
        return 0.0;
    }
    let mut lo = 0.0;
    let mut hi = a.max(1.0);
    while gamma_p(a, hi) < p {
        hi *= 2.0;
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if gamma_p(a, mid) < p {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo <= 1e-12 * hi.max(1.0) {
            break;
        }
    }
    0.5 * (lo + hi)
}

/// The standard normal quantile (Acklam's rational approximation with one Halley refinement
/// step via `erfc`; relative error below 1e-12 in practice).
#[must_use]
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    let p_low = 0.024_25;
    let x = if p < p_low {
        let q = (-2.0 * p.ln()).sqrt();
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else if p <= 1.0 - p_low {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    } else {
        let q = (-2.0 * (1.0 - p).ln()).sqrt();
        -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    // One Halley step using Φ(x) = P(1/2, x²/2)/2 + 1/2 for x ≥ 0.
    let phi = if x >= 0.0 {
        0.5 + 0.5 * gamma_p(0.5, x * x / 2.0)
    } else {
        0.5 - 0.5 * gamma_p(0.5, x * x / 2.0)
    };
    let e = phi - p;
    let u = e * (2.0 * std::f64::consts::PI).sqrt() * (x * x / 2.0).exp();
    x - u / (1.0 + x * u / 2.0)
}

fn check_confidence(confidence: f64) -> Result<()> {
    if confidence > 0.0 && confidence < 1.0 {
        Ok(())
    } else {
        Err(Error::invalid_argument(
            "confidence",
            "a number strictly between 0 and 1",
            confidence,
        ))
    }
}

/// Exact (Garwood) Poisson confidence interval for an observed count.
///
/// # Errors
/// [`Error::InvalidArgument`] when `confidence` is not in (0, 1).
pub fn poisson_interval(count: u64, confidence: f64) -> Result<(f64, f64)> {
    check_confidence(confidence)?;
    let alpha = 1.0 - confidence;
    let k = count as f64;
    let lower = if count == 0 {
        0.0
    } else {
        gamma_quantile(alpha / 2.0, k)
    };
    let upper = gamma_quantile(1.0 - alpha / 2.0, k + 1.0);
    Ok((lower, upper))
}

/// Wilson score interval for a share `successes / trials`. With no trials the share is
/// undefined and the interval is `(NaN, NaN)`.
///
/// # Errors
/// [`Error::InvalidArgument`] when `confidence` is not in (0, 1) or `successes > trials`.
pub fn wilson_interval(successes: u64, trials: u64, confidence: f64) -> Result<(f64, f64)> {
    check_confidence(confidence)?;
    if successes > trials {
        return Err(Error::invalid_argument(
            "successes",
            "at most the number of trials",
            format!("{successes} successes in {trials} trials"),
        ));
    }
    if trials == 0 {
        return Ok((f64::NAN, f64::NAN));
    }
    let z = normal_quantile(1.0 - (1.0 - confidence) / 2.0);
    let n = trials as f64;
    let p = successes as f64 / n;
    let z2 = z * z;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = z / denominator * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Ok(((centre - half).max(0.0), (centre + half).min(1.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn ln_gamma_known_values() {
        assert!(close(ln_gamma(1.0), 0.0, 1e-12));
        assert!(close(ln_gamma(5.0), 24f64.ln(), 1e-12));
        assert!(close(
            ln_gamma(0.5),
            std::f64::consts::PI.sqrt().ln(),
            1e-12
        ));
    }

    #[test]
    fn normal_quantile_known_values() {
        assert!(close(normal_quantile(0.975), 1.959_963_984_540_054, 1e-9));
        assert!(close(normal_quantile(0.5), 0.0, 1e-12));
        assert!(close(normal_quantile(0.005), -2.575_829_303_548_901, 1e-9));
    }

    /// Garwood intervals as tabulated (Ulm 1990, Am J Epidemiol 131:373; R
    /// `poisson.test(k)$conf.int`); k = 100 checked against a direct Poisson-sum inversion.
    #[test]
    fn garwood_known_answers() {
        let cases = [
            (0, 0.0, 3.688_879),
            (1, 0.025_317_8, 5.571_643),
            (5, 1.623_486, 11.668_332),
            (10, 4.795_389, 18.390_356),
            (100, 81.363_991, 121.626_794),
        ];
        for (k, lo, hi) in cases {
            let (l, u) = poisson_interval(k, 0.95).unwrap();
            assert!(close(l, lo, 2e-4), "k={k}: lower {l} vs {lo}");
            assert!(close(u, hi, 2e-4), "k={k}: upper {u} vs {hi}");
        }
    }

    #[test]
    fn garwood_large_count_is_finite_and_ordered() {
        let (l, u) = poisson_interval(1_000_000, 0.95).unwrap();
        assert!(l < 1_000_000.0 && u > 1_000_000.0);
        assert!(close(l, 998_040.0, 5.0) && close(u, 1_001_961.0, 5.0));
    }

    /// Wilson intervals from Newcombe (1998), Stat Med 17:857, Table I.
    #[test]
    fn wilson_known_answers() {
        let (l, u) = wilson_interval(81, 263, 0.95).unwrap();
        assert!(close(l, 0.2553, 1e-4) && close(u, 0.3662, 1e-4));
        let (l, u) = wilson_interval(15, 148, 0.95).unwrap();
        assert!(close(l, 0.0624, 1e-4) && close(u, 0.1605, 1e-4));
        let (l, u) = wilson_interval(0, 20, 0.95).unwrap();
        assert!(close(l, 0.0, 1e-12) && close(u, 0.1611, 1e-4));
        let (l, u) = wilson_interval(1, 29, 0.95).unwrap();
        assert!(close(l, 0.0061, 1e-4) && close(u, 0.1718, 1e-4));
    }

    #[test]
    fn bad_arguments_are_errors() {
        assert!(poisson_interval(3, 1.0).is_err());
        assert!(wilson_interval(5, 3, 0.95).is_err());
        let (l, u) = wilson_interval(0, 0, 0.95).unwrap();
        assert!(l.is_nan() && u.is_nan());
    }
}
