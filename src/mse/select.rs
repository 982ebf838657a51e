//! Estimators: model selection methods and the closed-form estimators.
//!
//! - `stepwise`: Chan, Silverman & Vincent (2021), SparseMSE 2.0.1 `stepwisefit` (pairs added by
//!   one-sided Poisson p-value of the pair's star count, threshold 0.02, LP-checked, ties to the
//!   first pair in lexicographic order).
//! - `bhs`: Bales, Hesketh & Silverman (2015; modslavmse `MSEfit`): pairs added by lowest AIC
//!   while the new coefficient's Wald p-value stays below the threshold; plain IRLS, no sparse
//!   handling. Kept as a baseline and a warning.
//! - `bic`: every hierarchical model up to `max_order` (MSE package `estimate_population_bic`),
//!   admissible models only, smallest BIC = −2 loglik + log(n)·parameters.
//! - `fixed`, `main_effects`: one model.
//! - `chao`: Chao (1987) lower bound n + f1²/(2 f2) (bias-corrected n + f1(f1−1)/(2(f2+1))).
//! - `lincoln_petersen`, `chapman`: two lists.

use super::fit::{fit_model, fit_model_plain, Fit};
use super::lp::check_model;
use super::model::{hierarchical_models, Model};
use super::stats::{pnorm, poisson_one_sided_p};
use super::table::CaptureTable;
use crate::error::{Error, Result};

/// Most lists for the exhaustive BIC search (32,768 models at order 2 on 6 lists).
pub const MAX_LISTS_BIC: usize = 6;
/// Most lists for the stepwise methods (2^t cells per LP).
pub const MAX_LISTS_STEPWISE: usize = 14;

/// How the estimate is made.
#[derive(Debug, Clone, PartialEq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case", tag = "method")]
pub enum Method {
    /// CSV 2021 stepwise selection by Poisson p-values.
    Stepwise {
        /// Threshold below which a pair is added (0.02 in CSV 2021).
        p_threshold: f64,
    },
    /// Bales–Hesketh–Silverman stepwise by AIC with a Wald test (no sparse handling).
    Bhs {
        /// Wald p-value threshold (0.05 in modslavmse).
        p_threshold: f64,
    },
    /// Best BIC over all hierarchical models up to `max_order`.
    Bic {
        /// Highest interaction order.
        max_order: usize,
    },
    /// A fixed model, given by its interactions (bitmasks; closed hierarchically).
    Fixed {
        /// Interactions.
        terms: Vec<usize>,
    },
    /// Independence of the lists.
    MainEffects,
    /// Chao's lower bound.
    Chao {
        /// Use n + f1(f1−1)/(2(f2+1)).
        bias_corrected: bool,
    },
    /// Lincoln–Petersen n1 n2 / m (two lists).
    LincolnPetersen,
    /// Chapman (n1+1)(n2+1)/(m+1) − 1 (two lists).
    Chapman,
}

impl Method {
    /// Whether the method fits a log-linear model.
    pub fn is_loglinear(&self) -> bool {
        !matches!(
            self,
            Self::Chao { .. } | Self::LincolnPetersen | Self::Chapman
        )
    }

    /// Check the table is one the method can handle.
    ///
    /// # Errors
    /// Too few or too many lists, or a bad argument.
    pub fn validate(&self, table: &CaptureTable) -> Result<()> {
        let t = table.lists();
        if t < 2 {
            return Err(Error::invalid_argument(
                "lists",
                "at least two lists (one list says nothing about who it missed)",
                format!("{t} list"),
            ));
        }
        match self {
            Self::Stepwise { p_threshold } | Self::Bhs { p_threshold } => {
                if !(0.0..=1.0).contains(p_threshold) {
                    return Err(Error::invalid_argument(
                        "p_threshold",
                        "between 0 and 1",
                        p_threshold,
                    ));
                }
                if t > MAX_LISTS_STEPWISE {
                    return Err(Error::invalid_argument(
                        "lists",
                        format!("at most {MAX_LISTS_STEPWISE} lists for the stepwise methods"),
                        t,
                    ));
                }
            }
            Self::Bic { max_order } => {
                if t > MAX_LISTS_BIC {
                    return Err(Error::invalid_argument(
                        "lists",
                        format!(
                            "at most {MAX_LISTS_BIC} lists for method 'bic' (every hierarchical model is fitted); use 'stepwise' or merge lists"
                        ),
                        t,
                    ));
                }
                if *max_order < 1 {
                    return Err(Error::invalid_argument(
                        "max_order",
                        "at least 1",
                        max_order,
                    ));
                }
                if t == MAX_LISTS_BIC && *max_order > 2 {
                    return Err(Error::invalid_argument(
                        "max_order",
                        "at most 2 with 6 lists",
                        max_order,
                    ));
                }
            }
            Self::LincolnPetersen | Self::Chapman => {
                if t != 2 {
                    return Err(Error::invalid_argument(
                        "lists",
                        "exactly two lists for Lincoln–Petersen and Chapman",
                        format!("{t} lists"),
                    ));
                }
            }
            Self::Fixed { terms } => {
                Model::from_terms(t, terms)?;
            }
            Self::MainEffects | Self::Chao { .. } => {}
        }
        Ok(())
    }
}

/// One step of a stepwise search.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Step {
    /// The pair added (bitmask).
    pub term: usize,
    /// Its p-value when added.
    pub p_value: f64,
    /// The estimate after adding it.
    pub estimate: f64,
}

/// The outcome of a method on one table.
#[derive(Debug, Clone)]
pub struct Selected {
    /// Population estimate N̂.
    pub estimate: f64,
    /// The fitted model (log-linear methods).
    pub fit: Option<Fit>,
    /// Stepwise steps.
    pub steps: Vec<Step>,
    /// Approximate standard error for the closed-form estimators.
    pub se: Option<f64>,
}

/// Run `method` on `table`.
///
/// # Errors
/// The method cannot handle the table, or no admissible model exists.
pub fn select(table: &CaptureTable, method: &Method) -> Result<Selected> {
    method.validate(table)?;
    let t = table.lists();
    let fit_only = |fit: Fit| Selected {
        estimate: fit.estimate,
        fit: Some(fit),
        steps: Vec::new(),
        se: None,
    };
    match method {
        Method::Stepwise { p_threshold } => Ok(stepwise(table, *p_threshold)),
        Method::Bhs { p_threshold } => Ok(bhs(table, *p_threshold)),
        Method::Bic { max_order } => {
            let ranked = rank_models(table, *max_order);
            let best = ranked.into_iter().next().ok_or_else(|| {
                Error::compute(
                    "no hierarchical model has an existing, identifiable MLE on these data",
                )
            })?;
            Ok(fit_only(best.fit))
        }
        Method::Fixed { terms } => {
            let model = Model::from_terms(t, terms)?;
            let check = check_model(table, &model);
            if !check.ok() {
                return Err(Error::compute(format!(
                    "the model {} cannot be fitted: {}",
                    model.label(table.names()),
                    check_reason(check.code)
                )));
            }
            Ok(fit_only(fit_model(table, &model)))
        }
        Method::MainEffects => Ok(fit_only(fit_model(table, &Model::main_effects(t)))),
        Method::Chao { bias_corrected } => {
            let (estimate, se) = chao(table, *bias_corrected)?;
            Ok(Selected {
                estimate,
                fit: None,
                steps: Vec::new(),
                se: Some(se),
            })
        }
        Method::LincolnPetersen | Method::Chapman => {
            let (estimate, se) = two_list(table, matches!(method, Method::Chapman))?;
            Ok(Selected {
                estimate,
                fit: None,
                steps: Vec::new(),
                se: Some(se),
            })
        }
    }
}

/// Just the estimate, for resampling: `None` when the method fails on this table.
pub fn estimate_value(table: &CaptureTable, method: &Method) -> Option<f64> {
    let t = table.lists();
    let v = match method {
        Method::Stepwise { p_threshold } => stepwise(table, *p_threshold).estimate,
        Method::Bhs { p_threshold } => bhs(table, *p_threshold).estimate,
        Method::Bic { max_order } => {
            rank_models(table, *max_order)
                .into_iter()
                .next()?
                .fit
                .estimate
        }
        Method::Fixed { terms } => {
            let model = Model::from_terms(t, terms).ok()?;
            if !check_model(table, &model).ok() {
                return None;
            }
            fit_model(table, &model).estimate
        }
        Method::MainEffects => fit_model(table, &Model::main_effects(t)).estimate,
        Method::Chao { bias_corrected } => chao(table, *bias_corrected).ok()?.0,
        Method::LincolnPetersen => two_list(table, false).ok()?.0,
        Method::Chapman => two_list(table, true).ok()?.0,
    };
    v.is_finite().then_some(v)
}

/// Words for an LP/rank error code.
pub fn check_reason(code: u8) -> &'static str {
    match code {
        0 => "none",
        1 => "the maximum likelihood estimate does not exist (linear-programming check)",
        2 => "the model is not identifiable (design matrix rank-deficient)",
        _ => "the maximum likelihood estimate does not exist and the model is not identifiable",
    }
}

fn all_pairs(t: usize) -> Vec<usize> {
    let mut v = Vec::new();
    for i in 0..t {
        for j in i + 1..t {
            v.push((1 << i) | (1 << j));
        }
    }
    v
}

/// CSV 2021 stepwise selection (SparseMSE `stepwisefit`).
pub fn stepwise(table: &CaptureTable, p_threshold: f64) -> Selected {
    let t = table.lists();
    let done = |fit: Fit, steps: Vec<Step>| Selected {
        estimate: fit.estimate,
        fit: Some(fit),
        steps,
        se: None,
    };
    if p_threshold == 1.0 {
        let full = Model::all_pairs(t);
        if check_model(table, &full).ok() {
            return done(fit_model(table, &full), Vec::new());
        }
    }
    let mut model = Model::main_effects(t);
    let mut fit = fit_model(table, &model);
    if p_threshold == 0.0 {
        return done(fit, Vec::new());
    }
    let pairs = all_pairs(t);
    let nstar: Vec<f64> = pairs.iter().map(|&p| table.nstar(p)).collect();
    let mut included = vec![false; pairs.len()];
    let mut steps = Vec::new();
    for _cycle in 0..pairs.len() {
        // p-values of the candidate pairs (one-sided Poisson, not doubled).
        let mut candidates: Vec<(f64, usize)> = Vec::new();
        for (j, &pair) in pairs.iter().enumerate() {
            if included[j] {
                continue;
            }
            let pstar: f64 = fit
                .cells
                .iter()
                .zip(&fit.mu)
                .filter(|(h, _)| *h & pair == pair)
                .map(|(_, m)| m)
                .sum();
            let p = poisson_one_sided_p(nstar[j], pstar);
            if p < p_threshold {
                candidates.push((p, j));
            }
        }
        // SparseMSE sets the p-value of a pair whose model fails the LP/rank check to 1 and
        // adds the first pair with the smallest p-value. Checking candidates in (p, order)
        // order and taking the first that passes is the same choice with far fewer LPs.
        candidates.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut chosen = None;
        for &(p, j) in &candidates {
            let trial = model.with(pairs[j]);
            if check_model(table, &trial).ok() {
                chosen = Some((p, j, trial));
                break;
            }
        }
        let Some((p, j, trial)) = chosen else { break };
        included[j] = true;
        model = trial;
        fit = fit_model(table, &model);
        steps.push(Step {
            term: pairs[j],
            p_value: p,
            estimate: fit.estimate,
        });
    }
    done(fit, steps)
}

/// Bales–Hesketh–Silverman stepwise (modslavmse `MSEfit`): plain IRLS, AIC, Wald test.
pub fn bhs(table: &CaptureTable, p_threshold: f64) -> Selected {
    let t = table.lists();
    let pairs = all_pairs(t);
    let aic = |f: &Fit| -2.0 * f.loglik + 2.0 * f.rank as f64;
    let mut model = Model::main_effects(t);
    let mut fit = fit_model_plain(table, &model);
    let mut aic0 = aic(&fit);
    let mut included = vec![false; pairs.len()];
    let mut steps = Vec::new();
    for _cycle in 0..pairs.len() {
        let mut best: Option<(f64, usize, Fit)> = None;
        for (j, &pair) in pairs.iter().enumerate() {
            if included[j] {
                continue;
            }
            let f = fit_model_plain(table, &model.with(pair));
            let a = aic(&f);
            if best.as_ref().is_none_or(|(b, _, _)| a < *b) {
                best = Some((a, j, f));
            }
        }
        let Some((a, j, f)) = best else { break };
        if a >= aic0 {
            break;
        }
        // Wald p-value of the newly added pair.
        let pos = f
            .coefficients
            .iter()
            .position(|(term, _)| *term == pairs[j]);
        let p = pos.map_or(1.0, |i| {
            let z = f.coefficients[i].1 / f.variances[i].sqrt();
            if z.is_finite() {
                2.0 * pnorm(-z.abs())
            } else {
                1.0
            }
        });
        if p > p_threshold {
            break;
        }
        aic0 = a;
        included[j] = true;
        model = f.model.clone();
        steps.push(Step {
            term: pairs[j],
            p_value: p,
            estimate: f.estimate,
        });
        fit = f;
    }
    Selected {
        estimate: fit.estimate,
        fit: Some(fit),
        steps,
        se: None,
    }
}

/// An admissible model with its fit and criteria.
#[derive(Debug, Clone)]
pub struct Ranked {
    /// The fit.
    pub fit: Fit,
    /// BIC.
    pub bic: f64,
    /// Position in the catalogue (ties go to the earlier one).
    pub index: usize,
}

/// Every admissible hierarchical model up to `max_order`, sorted by BIC (ties by catalogue order).
pub fn rank_models(table: &CaptureTable, max_order: usize) -> Vec<Ranked> {
    rank_given(table, &hierarchical_models(table.lists(), max_order))
}

/// Admissible models among `models`, fitted and sorted by BIC.
pub fn rank_given(table: &CaptureTable, models: &[Model]) -> Vec<Ranked> {
    let mut out: Vec<Ranked> = models
        .iter()
        .enumerate()
        .filter(|(_, m)| check_model(table, m).ok())
        .map(|(index, m)| {
            let fit = fit_model(table, m);
            Ranked {
                bic: fit.bic(),
                fit,
                index,
            }
        })
        .filter(|r| r.bic.is_finite() && r.fit.estimate.is_finite())
        .collect();
    out.sort_by(|a, b| a.bic.total_cmp(&b.bic).then(a.index.cmp(&b.index)));
    out
}

/// Chao (1987) lower bound and its standard error (Chao 1987, eq. for the bias-corrected form
/// when f2 = 0).
///
/// # Errors
/// No case on exactly one or two lists.
pub fn chao(table: &CaptureTable, bias_corrected: bool) -> Result<(f64, f64)> {
    let f = table.frequencies();
    let n = table.total();
    let (f1, f2) = (f[1], f.get(2).copied().unwrap_or(0.0));
    if f1 + f2 == 0.0 {
        return Err(Error::compute(
            "Chao's bound needs cases seen on exactly one or two lists",
        ));
    }
    if bias_corrected || f2 == 0.0 {
        let dark = f1 * (f1 - 1.0) / (2.0 * (f2 + 1.0));
        // Chao (1987) variance of the bias-corrected form.
        let var = f1 * (f1 - 1.0) / (2.0 * (f2 + 1.0))
            + f1 * (2.0 * f1 - 1.0).powi(2) / (4.0 * (f2 + 1.0).powi(2))
            + f1 * f1 * f2 * (f1 - 1.0).powi(2) / (4.0 * (f2 + 1.0).powi(4));
        Ok((n + dark, var.sqrt()))
    } else {
        let r = f1 / f2;
        let var = f2 * (r.powi(4) / 4.0 + r.powi(3) + r * r / 2.0);
        Ok((n + f1 * f1 / (2.0 * f2), var.sqrt()))
    }
}

/// Lincoln–Petersen (or Chapman) estimate and standard error for two lists.
///
/// # Errors
/// No overlap (m = 0) for Lincoln–Petersen.
pub fn two_list(table: &CaptureTable, chapman: bool) -> Result<(f64, f64)> {
    let n1 = table.nstar(1);
    let n2 = table.nstar(2);
    let m = table.nstar(3);
    if chapman {
        let est = (n1 + 1.0) * (n2 + 1.0) / (m + 1.0) - 1.0;
        let var = (n1 + 1.0) * (n2 + 1.0) * (n1 - m) * (n2 - m) / ((m + 1.0).powi(2) * (m + 2.0));
        Ok((est, var.sqrt()))
    } else {
        if m == 0.0 {
            return Err(Error::compute(
                "Lincoln–Petersen needs at least one case on both lists (m = 0)",
            ));
        }
        let est = n1 * n2 / m;
        let var = n1 * n2 * (n1 - m) * (n2 - m) / m.powi(3);
        Ok((est, var.sqrt()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(t: usize, cells: &[(usize, f64)]) -> CaptureTable {
        let mut c = vec![0.0; 1 << t];
        for &(h, v) in cells {
            c[h] += v;
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
    fn two_list_estimators() {
        let t = table(2, &[(1, 40.0), (2, 30.0), (3, 20.0)]);
        let (lp, _) = two_list(&t, false).unwrap();
        assert!((lp - 150.0).abs() < 1e-12);
        let (ch, _) = two_list(&t, true).unwrap();
        assert!((ch - (61.0 * 51.0 / 21.0 - 1.0)).abs() < 1e-12);
        let none = table(2, &[(1, 4.0), (2, 3.0)]);
        assert!(two_list(&none, false).is_err());
        let three = table(3, &[(1, 4.0), (2, 3.0)]);
        assert!(select(&three, &Method::LincolnPetersen).is_err());
    }

    #[test]
    fn one_list_is_an_error() {
        let t = table(1, &[(1, 4.0)]);
        let err = select(&t, &Method::MainEffects).unwrap_err();
        assert!(err.to_string().contains("at least two lists"));
    }
}
