//! Multiple systems estimation (MSE) of the hidden population from list overlaps.
//!
//! The methods of the R packages SparseMSE 2.0.1 (Chan, Silverman & Vincent 2021, *JASA*
//! 116:1297) and MultipleSystemsEstimation 1.2.0 (Silverman, Chan & Vincent 2024, *Statistics
//! and Computing* 34:44), re-implemented from their published descriptions and checked against
//! their published results (`tests/data/mse/`):
//!
//! - [`table`]: capture-history tables (validation, completion, star counts);
//! - [`model`], [`fit`], [`lp`]: hierarchical log-linear models, Poisson IRLS with the extended
//!   MLE (−∞ parameters for empty margins) and the linear-programming existence and rank check;
//! - [`select`]: stepwise (CSV 2021), Bales–Hesketh–Silverman, best BIC over all hierarchical
//!   models, fixed models, Chao's bound, Lincoln–Petersen and Chapman;
//! - [`interval`], [`bootstrap`]: normal intervals on the log dark figure, the multinomial
//!   profile likelihood, BCa bootstrap with reselection in every replicate (parallel, seeded,
//!   thread-count independent) and the n_top bootstrap over BIC-ranked models.
//!
//! [`estimate`] runs one method with its intervals and returns a serialisable [`Estimate`].
//! N̂ is always the total population: the observed n plus the estimated dark figure.

pub mod bootstrap;
pub mod fit;
pub mod interval;
pub mod linalg;
pub mod lp;
pub mod model;
pub mod select;
pub mod stats;
pub mod table;

use serde::{Deserialize, Serialize};

use crate::control::Control;
use crate::error::{Error, Result};
use fit::Fit;
use interval::{bca_limits, jackknife_acceleration, BcaFailure};
use model::{term_name, Model};
use select::{estimate_value, Method};
use table::{CaptureTable, Notice};

/// Which interval to compute besides the model-conditional normal one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IntervalKind {
    /// BCa when `bootstrap > 0`, otherwise the model-conditional (or closed-form) interval.
    #[default]
    Auto,
    /// Normal on the log dark figure (or the closed-form interval of Chao / two-list methods).
    Normal,
    /// Multinomial profile likelihood for the selected model.
    Profile,
    /// BCa bootstrap with reselection (needs `bootstrap > 0`).
    Bca,
    /// No interval.
    None,
}

fn default_levels() -> Vec<f64> {
    vec![0.95]
}

/// Options of [`estimate`].
#[derive(Debug, Clone, Deserialize)]
pub struct Options {
    /// The method and its parameters.
    #[serde(flatten)]
    pub method: Method,
    /// Interval type.
    #[serde(default)]
    pub interval: IntervalKind,
    /// Confidence levels, e.g. `[0.95, 0.8]`.
    #[serde(default = "default_levels")]
    pub levels: Vec<f64>,
    /// Bootstrap replicates (0 = none).
    #[serde(default)]
    pub bootstrap: usize,
    /// Seed of the bootstrap.
    #[serde(default)]
    pub seed: u64,
    /// For `bic` with bootstrap: how many top-ranked models to refit in each replicate
    /// (default: all for t ≤ 3, 20 for t = 4, 100 for t = 5–6; SCV 2024).
    #[serde(default)]
    pub n_top: Option<usize>,
}

/// One interval in the output.
#[derive(Debug, Clone, Serialize)]
pub struct IntervalOut {
    /// `normal_log_dark`, `profile`, `bca`, `lognormal` (Chao) or `normal` (two lists).
    pub kind: String,
    /// Confidence level.
    pub level: f64,
    /// Lower limit.
    pub lower: f64,
    /// Upper limit (`null` in JSON when unbounded).
    pub upper: Option<f64>,
}

/// The fitted model.
#[derive(Debug, Clone, Serialize)]
pub struct ModelOut {
    /// Interactions like `A:E` (empty for main effects).
    pub interactions: Vec<String>,
    /// `A:E+B:C` or `none`.
    pub label: String,
    /// MSE-package notation, e.g. `[15,2,3,4]`.
    pub mse_string: String,
    /// Terms at −∞ (extended MLE).
    pub boundary: Vec<String>,
    /// Parameters (boundary included).
    pub n_params: usize,
    /// α̂_∅.
    pub intercept: f64,
    /// Its standard error.
    pub se_intercept: f64,
    /// Poisson log-likelihood.
    pub loglik: f64,
    /// Deviance.
    pub deviance: f64,
    /// AIC.
    pub aic: f64,
    /// BIC.
    pub bic: f64,
    /// IRLS converged.
    pub converged: bool,
    /// IRLS iterations.
    pub iterations: usize,
    /// Coefficients of the finite terms (`term`, estimate).
    pub coefficients: Vec<(String, f64)>,
    /// For each boundary pair, exp(−λ*) with λ* = exp(α̂_∅ + α̂_i + α̂_j): the Poisson probability
    /// that the cell "exactly i and j" would be empty (SparseMSE `poisspempty`).
    pub empty_overlap_probability: Vec<(String, f64)>,
}

/// One cell of the fitted table.
#[derive(Debug, Clone, Serialize)]
pub struct CellOut {
    /// Bitmask of the history.
    pub history: usize,
    /// Observed count.
    pub observed: f64,
    /// Fitted mean (0 for cells removed by the extended MLE).
    pub fitted: f64,
    /// Removed by a −∞ term.
    pub removed: bool,
}

/// A stepwise step.
#[derive(Debug, Clone, Serialize)]
pub struct StepOut {
    /// Interaction added.
    pub term: String,
    /// Its p-value.
    pub p_value: f64,
    /// Estimate after adding it.
    pub estimate: f64,
}

/// One row of the n_top table.
#[derive(Debug, Clone, Serialize)]
pub struct NtopRow {
    /// Number of top models refitted.
    pub n_top: usize,
    /// BCa limits at the requested levels (lower, upper pairs, in level order).
    pub limits: Vec<(f64, f64)>,
    /// Acceleration.
    pub a_hat: f64,
}

/// Bootstrap details.
#[derive(Debug, Clone, Serialize)]
pub struct BootstrapOut {
    /// Replicate estimates (NaN → `null` for failures).
    pub replicates: Vec<Option<f64>>,
    /// Failed replicates.
    pub failed: usize,
    /// Jackknife acceleration â.
    pub a_hat: f64,
    /// Bias correction z0.
    pub z0: f64,
    /// Seed used.
    pub seed: u64,
    /// Why BCa could not be computed, if so.
    pub failure: Option<String>,
    /// n_top rows (method `bic` only).
    pub n_top: Vec<NtopRow>,
}

/// Summary statistics of the table.
#[derive(Debug, Clone, Serialize)]
pub struct Diagnostics {
    /// Number of lists.
    pub lists: usize,
    /// Cases on exactly k lists, k = 0..t.
    pub frequencies: Vec<f64>,
    /// Cases per list.
    pub list_sizes: Vec<f64>,
    /// Pairs with no case in common.
    pub non_overlapping_pairs: Vec<String>,
    /// Triples whose pairs all overlap.
    pub overlapping_triples: usize,
    /// Observed non-zero cells.
    pub nonzero_cells: usize,
}

/// The result of [`estimate`].
#[derive(Debug, Clone, Serialize)]
pub struct Estimate {
    /// Method name.
    pub method: String,
    /// List names.
    pub lists: Vec<String>,
    /// N̂, the total population.
    pub estimate: f64,
    /// Observed cases n.
    pub observed: f64,
    /// N̂ − n.
    pub dark_figure: f64,
    /// The selected/fitted model (log-linear methods).
    pub model: Option<ModelOut>,
    /// Intervals computed.
    pub intervals: Vec<IntervalOut>,
    /// Argmax of the multinomial profile likelihood, when the profile interval was computed.
    pub profile_estimate: Option<f64>,
    /// Fitted table.
    pub fitted: Vec<CellOut>,
    /// Stepwise steps.
    pub steps: Vec<StepOut>,
    /// Bootstrap details.
    pub bootstrap: Option<BootstrapOut>,
    /// Table summary.
    pub diagnostics: Diagnostics,
    /// Warnings for the user.
    pub notices: Vec<Notice>,
}

fn method_name(m: &Method) -> &'static str {
    match m {
        Method::Stepwise { .. } => "stepwise",
        Method::Bhs { .. } => "bhs",
        Method::Bic { .. } => "bic",
        Method::Fixed { .. } => "fixed",
        Method::MainEffects => "main_effects",
        Method::Chao { .. } => "chao",
        Method::LincolnPetersen => "lincoln_petersen",
        Method::Chapman => "chapman",
    }
}

fn model_out(fit: &Fit, names: &[String]) -> ModelOut {
    let coef = |term: usize| {
        fit.coefficients
            .iter()
            .find(|(t, _)| *t == term)
            .map(|(_, v)| *v)
    };
    let empty_overlap_probability = fit
        .boundary
        .iter()
        .filter(|b| b.count_ones() == 2)
        .filter_map(|&b| {
            let lower = b & b.wrapping_neg();
            let (ci, cj) = (coef(lower)?, coef(b & !lower)?);
            Some((
                term_name(b, names),
                (-(fit.intercept + ci + cj).exp()).exp(),
            ))
        })
        .collect();
    ModelOut {
        interactions: fit
            .model
            .interactions()
            .iter()
            .map(|&t| term_name(t, names))
            .collect(),
        label: fit.model.label(names),
        mse_string: fit.model.mse_string(),
        boundary: fit.boundary.iter().map(|&t| term_name(t, names)).collect(),
        n_params: fit.n_params,
        intercept: fit.intercept,
        se_intercept: fit.se_intercept,
        loglik: fit.loglik,
        deviance: fit.deviance,
        aic: fit.aic(),
        bic: fit.bic(),
        converged: fit.converged,
        iterations: fit.iterations,
        coefficients: fit
            .coefficients
            .iter()
            .map(|&(t, v)| {
                (
                    if t == 0 {
                        "(intercept)".to_owned()
                    } else {
                        term_name(t, names)
                    },
                    v,
                )
            })
            .collect(),
        empty_overlap_probability,
    }
}

/// Table summary statistics.
pub fn diagnostics(table: &CaptureTable) -> Diagnostics {
    let names = table.names();
    Diagnostics {
        lists: table.lists(),
        frequencies: table.frequencies(),
        list_sizes: (0..table.lists()).map(|i| table.nstar(1 << i)).collect(),
        non_overlapping_pairs: table
            .non_overlapping_pairs()
            .iter()
            .map(|&p| term_name(p, names))
            .collect(),
        overlapping_triples: table.overlapping_triples(),
        nonzero_cells: table.counts().iter().filter(|&&c| c > 0.0).count(),
    }
}

fn probs_for(levels: &[f64]) -> Vec<f64> {
    levels
        .iter()
        .flat_map(|l| [(1.0 - l) / 2.0, (1.0 + l) / 2.0])
        .collect()
}

fn default_n_top(t: usize) -> usize {
    match t {
        0..=3 => usize::MAX,
        4 => 20,
        _ => 100,
    }
}

/// Run a method with its intervals.
///
/// # Errors
/// Bad options, a table the method cannot handle, or an interruption.
pub fn estimate(
    table: &CaptureTable,
    options: &Options,
    control: &dyn Control,
) -> Result<Estimate> {
    for &l in &options.levels {
        if !(l > 0.0 && l < 1.0) {
            return Err(Error::invalid_argument(
                "level",
                "between 0 and 1 (exclusive)",
                l,
            ));
        }
    }
    if options.interval == IntervalKind::Bca && options.bootstrap == 0 {
        return Err(Error::invalid_argument(
            "bootstrap",
            "a number of replicates > 0 for BCa intervals",
            0,
        ));
    }
    let method = &options.method;
    let names = table.names().to_vec();
    let mut notices = table.quality_notices();
    if table.total() == 0.0 {
        return Err(Error::invalid_argument(
            "data",
            "at least one observed case",
            "an empty table",
        ));
    }
    method.validate(table)?;
    if method.is_loglinear()
        && lp::check_model(table, &Model::main_effects(table.lists())).code & 1 == 1
    {
        return Err(Error::compute(
            "no log-linear model has a finite estimate on these data: the lists do not overlap, \
             or one list holds every observed case",
        ));
    }
    let selected = select::select(table, method)?;
    let n = table.total();
    let mut intervals = Vec::new();
    let mut profile_estimate = None;
    if let Some(fit) = &selected.fit {
        if !fit.converged {
            notices.push(Notice::new(
                "mse.not_converged",
                format!(
                    "the model fit did not converge in {} iterations",
                    fit.iterations
                ),
            ));
        }
        for &l in &options.levels {
            let iv = interval::normal_log_dark(n, fit.intercept, fit.se_intercept, l);
            intervals.push(IntervalOut {
                kind: "normal_log_dark".into(),
                level: l,
                lower: iv.lower,
                upper: Some(iv.upper),
            });
        }
        if options.interval == IntervalKind::Profile {
            let extended = !matches!(method, Method::Bhs { .. });
            for &l in &options.levels {
                let pr = interval::profile(table, &fit.model, extended, fit.estimate, l);
                profile_estimate = Some(pr.estimate);
                let upper = pr.interval.upper.is_finite().then_some(pr.interval.upper);
                if upper.is_none() {
                    notices.push(Notice::new(
                        "mse.profile_unbounded",
                        format!(
                            "the {:.0}% profile-likelihood interval has no upper limit below {:.1} (3 x the estimate)",
                            l * 100.0,
                            pr.search_limit
                        ),
                    ));
                }
                intervals.push(IntervalOut {
                    kind: "profile".into(),
                    level: l,
                    lower: pr.interval.lower,
                    upper,
                });
            }
        }
    } else if let Some(se) = selected.se {
        // Closed forms: log-normal on the dark figure for Chao (Chao 1987), normal for two lists.
        for &l in &options.levels {
            let z = stats::qnorm(0.5 + l / 2.0);
            let (lower, upper, kind) = if matches!(method, Method::Chao { .. }) {
                let dark = selected.estimate - n;
                if dark > 0.0 {
                    let c = (z * (1.0 + se * se / (dark * dark)).ln().sqrt()).exp();
                    (n + dark / c, n + dark * c, "lognormal")
                } else {
                    (n, n, "lognormal")
                }
            } else {
                (
                    (selected.estimate - z * se).max(n),
                    selected.estimate + z * se,
                    "normal",
                )
            };
            intervals.push(IntervalOut {
                kind: kind.into(),
                level: l,
                lower,
                upper: Some(upper),
            });
        }
    }
    let bootstrap = if options.bootstrap > 0 {
        Some(run_bootstrap(
            table,
            options,
            selected.estimate,
            control,
            &mut intervals,
            &mut notices,
        )?)
    } else {
        None
    };
    let fitted = (1..table.cells())
        .map(|h| {
            let (fitted, removed) = match &selected.fit {
                Some(f) => (f.fitted(h), !f.cells.contains(&h)),
                None => (f64::NAN, false),
            };
            CellOut {
                history: h,
                observed: table.count(h),
                fitted,
                removed,
            }
        })
        .collect();
    Ok(Estimate {
        method: method_name(method).into(),
        lists: names.clone(),
        estimate: selected.estimate,
        observed: n,
        dark_figure: selected.estimate - n,
        model: selected.fit.as_ref().map(|f| model_out(f, &names)),
        intervals,
        profile_estimate,
        fitted,
        steps: selected
            .steps
            .iter()
            .map(|s| StepOut {
                term: term_name(s.term, &names),
                p_value: s.p_value,
                estimate: s.estimate,
            })
            .collect(),
        bootstrap,
        diagnostics: diagnostics(table),
        notices,
    })
}

/// A jackknife row: the count of a history and the leave-one-out estimates (one per n_top).
type JackRow = (f64, Vec<f64>);
/// BCa limits or why they do not exist.
type BcaResult = Result<Vec<f64>, BcaFailure>;

fn run_bootstrap(
    table: &CaptureTable,
    options: &Options,
    theta_hat: f64,
    control: &dyn Control,
    intervals: &mut Vec<IntervalOut>,
    notices: &mut Vec<Notice>,
) -> Result<BootstrapOut> {
    let probs = probs_for(&options.levels);
    let method = &options.method;
    // Per replicate: one estimate per n_top level (bic) or a single estimate.
    let (replicate_sets, jack_sets, top_count): (Vec<Vec<f64>>, Vec<JackRow>, usize) =
        if let Method::Bic { max_order } = method {
            let ranked = select::rank_models(table, *max_order);
            let k = options
                .n_top
                .unwrap_or_else(|| default_n_top(table.lists()))
                .min(ranked.len())
                .max(1);
            let models: Vec<Model> = ranked.iter().take(k).map(|r| r.fit.model.clone()).collect();
            let cumulative = |t: &CaptureTable| cumulative_bic(t, &models);
            let reps =
                bootstrap::bootstrap(table, options.bootstrap, options.seed, control, cumulative)?;
            let jack = bootstrap::jackknife(table, control, cumulative)?;
            (reps, jack.into_iter().map(|(_, c, v)| (c, v)).collect(), k)
        } else {
            let f = |t: &CaptureTable| vec![estimate_value(t, method).unwrap_or(f64::NAN)];
            let reps = bootstrap::bootstrap(table, options.bootstrap, options.seed, control, f)?;
            let jack = bootstrap::jackknife(table, control, f)?;
            (reps, jack.into_iter().map(|(_, c, v)| (c, v)).collect(), 1)
        };
    let mut n_top_rows = Vec::new();
    let mut main: Option<(Vec<f64>, f64, BcaResult)> = None;
    for k in 0..top_count {
        let reps: Vec<f64> = replicate_sets.iter().map(|r| r[k]).collect();
        let counts: Vec<f64> = jack_sets.iter().map(|(c, _)| *c).collect();
        let thetas: Vec<f64> = jack_sets.iter().map(|(_, v)| v[k]).collect();
        let a_hat = if thetas.iter().all(|v| v.is_finite()) {
            jackknife_acceleration(&counts, &thetas)
        } else {
            // Drop histories whose leave-one-out estimate failed.
            let (c2, t2): (Vec<f64>, Vec<f64>) = counts
                .iter()
                .zip(&thetas)
                .filter(|(_, t)| t.is_finite())
                .map(|(c, t)| (*c, *t))
                .unzip();
            jackknife_acceleration(&c2, &t2)
        };
        let lims = bca_limits(theta_hat, &reps, a_hat, &probs);
        if top_count > 1 {
            if let Ok(l) = &lims {
                n_top_rows.push(NtopRow {
                    n_top: k + 1,
                    limits: l.chunks(2).map(|p| (p[0], p[1])).collect(),
                    a_hat,
                });
            }
        }
        if k + 1 == top_count {
            main = Some((reps, a_hat, lims));
        }
    }
    let (reps, a_hat, lims) = main.ok_or_else(|| Error::compute("bootstrap produced no result"))?;
    let failed = reps.iter().filter(|v| !v.is_finite()).count();
    if failed > 0 {
        notices.push(Notice::new(
            "mse.bootstrap_failures",
            format!(
                "{failed} of {} bootstrap replicates could not be estimated and were left out",
                reps.len()
            ),
        ));
    }
    let finite: Vec<f64> = reps.iter().copied().filter(|v| v.is_finite()).collect();
    let below =
        finite.iter().filter(|&&v| v < theta_hat).count() as f64 / finite.len().max(1) as f64;
    let failure = match lims {
        Ok(l) => {
            for (i, &level) in options.levels.iter().enumerate() {
                intervals.push(IntervalOut {
                    kind: "bca".into(),
                    level,
                    lower: l[2 * i],
                    upper: Some(l[2 * i + 1]),
                });
            }
            None
        }
        Err(e) => {
            let why = match e {
                BcaFailure::OneSided => "every bootstrap replicate lies on one side of the estimate, so BCa limits do not exist",
                BcaFailure::NoReplicates => "no bootstrap replicate could be estimated",
            };
            notices.push(Notice::new("mse.bca_failed", why));
            Some(why.to_owned())
        }
    };
    Ok(BootstrapOut {
        replicates: reps.iter().map(|v| v.is_finite().then_some(*v)).collect(),
        failed,
        a_hat,
        z0: stats::qnorm(below),
        seed: options.seed,
        failure,
        n_top: n_top_rows,
    })
}

/// For the n_top bootstrap: fit each model (NaN if it fails the check), then for k = 1..K the
/// estimate of the smallest-BIC model among the first k (SCV 2024 `.cumulative_bic_estimates`).
fn cumulative_bic(table: &CaptureTable, models: &[Model]) -> Vec<f64> {
    let mut best_bic = f64::INFINITY;
    let mut best = f64::NAN;
    models
        .iter()
        .map(|m| {
            if lp::check_model(table, m).ok() {
                let f = fit::fit_model(table, m);
                let b = f.bic();
                if b.is_finite() && f.estimate.is_finite() && b < best_bic {
                    best_bic = b;
                    best = f.estimate;
                }
            }
            best
        })
        .collect()
}

/// One admissible or failing model in the spread over all models.
#[derive(Debug, Clone, Serialize)]
pub struct ModelRow {
    /// `A:B+C:D` or `none`.
    pub label: String,
    /// MSE-package notation.
    pub mse_string: String,
    /// Number of interactions.
    pub n_interactions: usize,
    /// LP/rank code (0 OK).
    pub check: u8,
    /// N̂ (NaN when the check fails).
    pub estimate: f64,
    /// AIC.
    pub aic: f64,
    /// BIC.
    pub bic: f64,
}

/// Every hierarchical model up to `max_order` with its check code, estimate, AIC and BIC
/// (the spread of estimates over models; modslavmse "allmodels" and SCV 2024 Figure 1).
///
/// # Errors
/// More than 6 lists, or an interruption.
pub fn all_models(
    table: &CaptureTable,
    max_order: usize,
    control: &dyn Control,
) -> Result<Vec<ModelRow>> {
    select::Method::Bic { max_order }.validate(table)?;
    let models = model::hierarchical_models(table.lists(), max_order);
    let names = table.names();
    crate::control::map_chunks(&models, 256, "models", control, |m| {
        let check = lp::check_model(table, m);
        let (estimate, aic, bic) = if check.ok() {
            let f = fit::fit_model(table, m);
            (f.estimate, f.aic(), f.bic())
        } else {
            (f64::NAN, f64::NAN, f64::NAN)
        };
        ModelRow {
            label: m.label(names),
            mse_string: m.mse_string(),
            n_interactions: m.interactions().len(),
            check: check.code,
            estimate,
            aic,
            bic,
        }
    })
}

/// LP/rank check of one model: 0 OK, 1 no MLE, 2 not identifiable, 3 both.
///
/// # Errors
/// A term beyond the table's lists.
pub fn check(table: &CaptureTable, terms: &[usize]) -> Result<u8> {
    Ok(lp::check_model(table, &Model::from_terms(table.lists(), terms)?).code)
}

#[cfg(test)]
mod tests;
