//! Small special functions the estimators need: log-gamma, the normal distribution and its
//! quantile, Poisson tail probabilities and R's type-8 sample quantile.
//!
//! Hand-written rather than taken from `statrs`, which would pull in `nalgebra` for four
//! functions. The algorithms are the standard ones R uses or matches to double precision:
//! Lanczos log-gamma (g = 7, n = 9), Cody's erfc-based normal CDF via `erfc`, Wichura's AS 241
//! (`PPND16`) for the normal quantile, and Hyndman & Fan (1996) type 8 quantiles with R's fuzz.

/// Natural logarithm of the gamma function for `x > 0` (Lanczos approximation, ~1e-15 relative).
pub fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const COEF: [f64; 9] = [
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
        return (pi / (pi * x).sin()).abs().ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = COEF[0];
    let t = x + G + 0.5;
    for (i, c) in COEF.iter().enumerate().skip(1) {
        a += c / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// The complementary error function (W. J. Cody's rational approximations, as in R's pnorm).
fn erfc(x: f64) -> f64 {
    // Numerical Recipes' erfc via Chebyshev fit has ~1.2e-7 error; use a continued-fraction-free
    // high-precision form instead: for |x| < 0.5 a Taylor series of erf, else a Lentz continued
    // fraction for erfc. Both converge to double precision for the arguments we use.
    let ax = x.abs();
    let r = if ax < 2.0 {
        // erf series: erf(x) = 2/sqrt(pi) * sum (-1)^n x^(2n+1) / (n! (2n+1))
        let mut sum = 0.0;
        let mut term = ax;
        let x2 = ax * ax;
        let mut n = 0.0;
        loop {
            let add = term / (2.0 * n + 1.0);
            sum += add;
            if add.abs() < 1e-17 * sum.abs() {
                break;
            }
            n += 1.0;
            term *= -x2 / n;
            if n > 200.0 {
                break;
            }
        }
        1.0 - 2.0 / std::f64::consts::PI.sqrt() * sum
    } else {
        // Continued fraction (modified Lentz) for erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + ...))))
        let tiny = 1e-300;
        let mut f = ax;
        let mut c = ax;
        let mut d = 0.0;
        for k in 1..300 {
            let a = k as f64 / 2.0;
            d = ax + a * d;
            d = if d.abs() < tiny { tiny } else { d };
            c = ax + a / c;
            c = if c.abs() < tiny { tiny } else { c };
            d = 1.0 / d;
            let delta = c * d;
            f *= delta;
            if (delta - 1.0).abs() < 1e-16 {
                break;
            }
        }
        (-ax * ax).exp() / std::f64::consts::PI.sqrt() / f
    };
    if x < 0.0 {
        2.0 - r
    } else {
        r
    }
}

/// Standard normal cumulative distribution function Φ(x).
pub fn pnorm(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}

/// Standard normal quantile Φ⁻¹(p) (Wichura 1988, AS 241 `PPND16`; ±∞ at 0 and 1).
pub fn qnorm(p: f64) -> f64 {
    if p.is_nan() || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::NEG_INFINITY;
    }
    if p == 1.0 {
        return f64::INFINITY;
    }
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180_625 - q * q;
        return q
            * (((((((r * 2_509.080_928_730_122_7 + 33_430.575_583_588_13) * r
                + 67_265.770_927_008_7)
                * r
                + 45_921.953_931_549_87)
                * r
                + 13_731.693_765_509_46)
                * r
                + 1_971.590_950_306_551_3)
                * r
                + 133.141_667_891_784_38)
                * r
                + 3.387_132_872_796_366_5)
            / (((((((r * 5_226.495_278_852_545 + 28_729.085_735_721_943) * r
                + 39_307.895_800_092_71)
                * r
                + 21_213.794_301_586_597)
                * r
                + 5_394.196_021_424_751)
                * r
                + 687.187_007_492_057_9)
                * r
                + 42.313_330_701_600_91)
                * r
                + 1.0);
    }
    let mut r = if q < 0.0 { p } else { 1.0 - p };
    r = (-r.ln()).sqrt();
    let val = if r <= 5.0 {
        r -= 1.6;
        (((((((r * 7.745_450_142_783_414e-4 + 0.022_723_844_989_269_184) * r
            + 0.241_780_725_177_450_6)
            * r
            + 1.270_458_252_452_368_4)
            * r
            + 3.647_848_324_763_204_5)
            * r
            + 5.769_497_221_460_691)
            * r
            + 4.630_337_846_156_546)
            * r
            + 1.423_437_110_749_683_5)
            / (((((((r * 1.050_750_071_644_416_9e-9 + 5.475_938_084_995_345e-4) * r
                + 0.015_198_666_563_616_457)
                * r
                + 0.148_103_976_427_480_08)
                * r
                + 0.689_767_334_985_1)
                * r
                + 1.676_384_830_183_803_8)
                * r
                + 2.053_191_626_637_759)
                * r
                + 1.0)
    } else {
        r -= 5.0;
        (((((((r * 2.010_334_399_292_288_1e-7 + 2.711_555_568_743_487_6e-5) * r
            + 0.001_242_660_947_388_078_4)
            * r
            + 0.026_532_189_526_576_124)
            * r
            + 0.296_560_571_828_504_87)
            * r
            + 1.784_826_539_917_291_3)
            * r
            + 5.463_784_911_164_114)
            * r
            + 6.657_904_643_501_103)
            / (((((((r * 2.044_263_103_389_939_7e-15 + 1.421_511_758_316_446e-7) * r
                + 1.846_318_317_510_054_8e-5)
                * r
                + 7.868_691_311_456_133e-4)
                * r
                + 0.014_875_361_290_850_615)
                * r
                + 0.136_929_880_922_735_8)
                * r
                + 0.599_832_206_555_888)
                * r
                + 1.0)
    };
    if q < 0.0 {
        -val
    } else {
        val
    }
}

/// Poisson probability mass `P(X = k)` for mean `lambda`, in logs.
fn ln_dpois(k: f64, lambda: f64) -> f64 {
    if lambda == 0.0 {
        return if k == 0.0 { 0.0 } else { f64::NEG_INFINITY };
    }
    k * lambda.ln() - lambda - ln_gamma(k + 1.0)
}

/// `P(X <= k)` for `X ~ Poisson(lambda)` (R `ppois(k, lambda)`); 0 for negative `k`.
pub fn ppois_lower(k: i64, lambda: f64) -> f64 {
    if k < 0 {
        return 0.0;
    }
    if lambda <= 0.0 {
        return 1.0;
    }
    // Sum the terms from the mode downward and upward in the direction that is small, so that
    // tail probabilities keep their relative precision.
    let mode = lambda.floor();
    let kf = k as f64;
    if kf < mode {
        // Lower tail: sum P(X = i), i = k, k-1, ..., 0 (terms decrease as i falls).
        let mut sum = 0.0;
        let mut i = kf;
        while i >= 0.0 {
            let t = ln_dpois(i, lambda).exp();
            sum += t;
            if t < 1e-18 * sum {
                break;
            }
            i -= 1.0;
        }
        sum.min(1.0)
    } else {
        (1.0 - ppois_upper(k + 1, lambda)).clamp(0.0, 1.0)
    }
}

/// `P(X >= k)` for `X ~ Poisson(lambda)` (R `ppois(k - 1, lambda, lower.tail = FALSE)`).
pub fn ppois_upper(k: i64, lambda: f64) -> f64 {
    if k <= 0 {
        return 1.0;
    }
    if lambda <= 0.0 {
        return 0.0;
    }
    let mode = lambda.floor();
    let kf = k as f64;
    if kf > mode {
        let mut sum = 0.0;
        let mut i = kf;
        loop {
            let t = ln_dpois(i, lambda).exp();
            sum += t;
            if t < 1e-18 * sum || i > kf + 10_000.0 {
                break;
            }
            i += 1.0;
        }
        sum.min(1.0)
    } else {
        (1.0 - ppois_lower(k - 1, lambda)).clamp(0.0, 1.0)
    }
}

/// The one-sided Poisson p-value of the CSV 2021 stepwise method:
/// `min(P(X <= n), P(X >= n))` for `X ~ Poisson(lambda)` (not doubled).
pub fn poisson_one_sided_p(n: f64, lambda: f64) -> f64 {
    let k = n.round() as i64;
    ppois_lower(k, lambda).min(ppois_upper(k, lambda))
}

/// R `quantile(x, p, type = 8)` (median-unbiased) of the values in `sorted` (ascending).
///
/// `h = 1/3 + p (B + 1/3)`, `j = floor(h + 4 eps)`, limit `x_j + (h - j)(x_{j+1} - x_j)` with
/// `x_0 := x_1` and `x_{B+1} := x_B`.
pub fn quantile_type8(sorted: &[f64], p: f64) -> f64 {
    let b = sorted.len();
    if b == 0 || p.is_nan() {
        return f64::NAN;
    }
    let fuzz = 4.0 * f64::EPSILON;
    let nppm = 1.0 / 3.0 + p * (b as f64 + 1.0 / 3.0);
    let j = (nppm + fuzz).floor();
    let mut h = nppm - j;
    if h.abs() < fuzz {
        h = 0.0;
    }
    let at = |i: f64| -> f64 {
        // 1-based index with x_0 = x_1 and x_{B+1} = x_B.
        let i = i.clamp(1.0, b as f64) as usize;
        sorted[i - 1]
    };
    let lo = at(j);
    let hi = at(j + 1.0);
    if h == 0.0 {
        lo
    } else if h == 1.0 {
        hi
    } else if lo == hi {
        lo
    } else {
        (1.0 - h) * lo + h * hi
    }
}

/// The chi-squared(1) quantile at `level`, e.g. 3.841 for 0.95.
pub fn qchisq1(level: f64) -> f64 {
    let z = qnorm(0.5 + level / 2.0);
    z * z
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ln_gamma_matches_factorials() {
        assert!((ln_gamma(1.0)).abs() < 1e-14);
        assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-13);
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-13);
        // lgamma(171) in R: 706.5731
        assert!((ln_gamma(171.0) - 706.573_062_245_787_4).abs() < 1e-9);
    }

    #[test]
    fn normal_matches_r() {
        assert!((pnorm(1.959_963_984_540_054) - 0.975).abs() < 1e-15);
        assert!((pnorm(-3.0) - 0.001_349_898_031_630_094_6).abs() < 1e-17);
        assert!((pnorm(-8.0) - 6.220_960_574_271_785e-16).abs() < 1e-28);
        assert!((qnorm(0.975) - 1.959_963_984_540_054).abs() < 1e-14);
        assert!((qnorm(0.1) + 1.281_551_565_544_600_5).abs() < 1e-14);
        assert!((qnorm(1e-10) + 6.361_340_902_404_056).abs() < 1e-12);
        assert_eq!(qnorm(0.0), f64::NEG_INFINITY);
        for p in [0.001, 0.02, 0.3, 0.5, 0.77, 0.999] {
            assert!((pnorm(qnorm(p)) - p).abs() < 1e-14);
        }
    }

    #[test]
    fn poisson_tails_match_r() {
        // R: ppois(3, 7.5) = 0.05914546; ppois(2, 0.3, lower = FALSE) = 0.003599493
        assert!((ppois_lower(3, 7.5) - 0.059_145_46).abs() < 1e-8);
        assert!((ppois_upper(3, 0.3) - 0.003_599_493_183_089_5).abs() < 1e-12);
        assert!((ppois_lower(0, 2.0) - (-2f64).exp()).abs() < 1e-15);
        assert_eq!(ppois_upper(0, 2.0), 1.0);
        // p-value of a non-overlapping pair: exp(-pstar)
        assert!((poisson_one_sided_p(0.0, 1.7) - (-1.7f64).exp()).abs() < 1e-15);
        // symmetric around the mean: both tails large -> min picks the smaller
        let p = poisson_one_sided_p(10.0, 10.0);
        assert!(p > 0.5 && p < 0.6);
    }

    #[test]
    fn type8_quantile_matches_r() {
        // R: quantile(c(1,2,3,4,5,10), c(.025,.1,.5,.8,.975), type = 8)
        //    1.0 1.0 3.5 7.0 10.0   (h = 1/3 + p (6 + 1/3); 0.8 -> 5.4 -> 5 + 0.4 * 5)
        let x = [1.0, 2.0, 3.0, 4.0, 5.0, 10.0];
        let want = [1.0, 1.0, 3.5, 7.0, 10.0];
        for (p, w) in [0.025, 0.1, 0.5, 0.8, 0.975].iter().zip(want) {
            assert!((quantile_type8(&x, *p) - w).abs() < 1e-12, "p={p}");
        }
        // R: quantile(1:10, 0.3, type = 8) = 3.433333
        let y: Vec<f64> = (1..=10).map(f64::from).collect();
        assert!((quantile_type8(&y, 0.3) - 3.433_333_333_333_333).abs() < 1e-12);
    }

    #[test]
    fn chisq_quantile() {
        assert!((qchisq1(0.95) - 3.841_458_820_694_124).abs() < 1e-12);
    }
}
