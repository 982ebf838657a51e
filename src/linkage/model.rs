//! The Fellegi–Sunter model: u by random sampling, m and the prior by EM, term frequencies.
//!
//! Follows Fellegi & Sunter (1969) and splink's estimation procedure:
//! - **u** (P(level | non-match)) from the level frequencies of seeded random record pairs,
//!   which are almost all non-matches (`estimate_u_using_random_sampling`).
//! - **m** (P(level | match)) by EM with u fixed, in one session per blocking rule, leaving out
//!   the comparisons that use the rule's own columns (they agree by construction there), as
//!   splink's `estimate_parameters_using_expectation_maximisation` does. The expected counts of
//!   the sessions are pooled.
//! - the **prior** among candidate pairs by a last EM pass with m and u fixed.
//!
//! EM runs on the counts of distinct comparison vectors, not on pairs: a million pairs usually
//! collapse to a few thousand vectors, and the sums are taken in sorted vector order so the
//! result does not depend on thread count.
//! Term-frequency adjustment (Winkler; splink's `tf_adjustment`) replaces u on an exact level by
//! the frequency of the agreeing value, so that agreeing on "Muhammad" counts less than agreeing
//! on a rare name.
// Loops index several parallel arrays (levels of m, u and counts) at once.
#![allow(clippy::needless_range_loop)]

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64;
use rayon::prelude::*;

use super::compare::{unpack, Comparator};
use super::data::{Encoded, Records, NULL_ID};
use super::settings::{LevelType, LinkType, Settings};
use crate::control::Control;
use crate::error::Result;

/// Fitted parameters.
#[derive(Debug, Clone)]
pub struct Model {
    /// m per comparison and level (1 on null levels).
    pub m: Vec<Vec<f64>>,
    /// u per comparison and level (1 on null levels).
    pub u: Vec<Vec<f64>>,
    /// Whether a level is a null level (weight 0).
    pub null: Vec<Vec<bool>>,
    /// Probability that two random records match (the prior of every pair's weight).
    pub lambda: f64,
    /// EM iterations used (sum over sessions).
    pub em_iterations: u32,
    /// Whether every EM run converged.
    pub converged: bool,
}

impl Model {
    /// Reads m and u from trained settings (or neutral starting values).
    #[must_use]
    pub fn from_settings(settings: &Settings) -> Self {
        let mut m = Vec::new();
        let mut u = Vec::new();
        let mut null = Vec::new();
        for c in &settings.comparisons {
            let nonnull: Vec<usize> = (0..c.levels.len())
                .filter(|&k| c.levels[k].kind != LevelType::Null)
                .collect();
            let k = nonnull.len();
            let mut mc = vec![1.0; c.levels.len()];
            let mut uc = vec![1.0; c.levels.len()];
            // Starting m: geometric from the strongest level; starting u: the reverse.
            let total_m: f64 = (0..k).map(|r| 0.5f64.powi(r as i32)).sum();
            let total_u: f64 = (0..k).map(|r| 0.25f64.powi((k - 1 - r) as i32)).sum();
            for (r, &lvl) in nonnull.iter().enumerate() {
                let l = &c.levels[lvl];
                mc[lvl] = l.m_probability.unwrap_or(0.5f64.powi(r as i32) / total_m);
                uc[lvl] = l
                    .u_probability
                    .unwrap_or(0.25f64.powi((k - 1 - r) as i32) / total_u);
            }
            null.push(c.levels.iter().map(|l| l.kind == LevelType::Null).collect());
            m.push(mc);
            u.push(uc);
        }
        Self {
            m,
            u,
            null,
            lambda: settings
                .probability_two_random_records_match
                .unwrap_or(1e-4),
            em_iterations: 0,
            converged: true,
        }
    }

    /// Writes m, u and the priors into the settings (`candidate_share`: the share of candidate
    /// pairs expected to match, when estimated).
    pub fn write_to(&self, settings: &mut Settings, candidate_share: Option<f64>) {
        for (c, cmp) in settings.comparisons.iter_mut().enumerate() {
            for (l, level) in cmp.levels.iter_mut().enumerate() {
                if !self.null[c][l] {
                    level.m_probability = Some(self.m[c][l]);
                    level.u_probability = Some(self.u[c][l]);
                }
            }
        }
        settings.probability_two_random_records_match = Some(self.lambda);
        if candidate_share.is_some() {
            settings.candidate_match_probability = candidate_share;
        }
    }

    /// log2 Bayes factor of level `l` of comparison `c` (0 on null levels).
    #[must_use]
    pub fn weight(&self, c: usize, l: usize) -> f64 {
        if self.null[c][l] {
            0.0
        } else {
            (self.m[c][l] / self.u[c][l]).log2()
        }
    }

    /// The prior as a log2 odds.
    #[must_use]
    pub fn prior_weight(&self) -> f64 {
        (self.lambda / (1.0 - self.lambda)).log2()
    }
}

/// Term-frequency tables: for each comparison, its tf-adjusted exact levels with the value
/// frequencies of their columns.
#[derive(Debug, Clone, Default)]
pub struct TermFrequencies {
    /// `tables[c]` = (level, column, frequency per dictionary id) for each tf-adjusted level.
    pub tables: Vec<Vec<(usize, String, Vec<f64>)>>,
    /// Floor on the frequency used as u.
    pub minimum_u: f64,
}

impl TermFrequencies {
    /// Frequencies of the values on tf-adjusted exact levels.
    #[must_use]
    pub fn new(settings: &Settings, records: &Records) -> Self {
        let tables = settings
            .comparisons
            .iter()
            .map(|c| {
                c.levels
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| l.tf_adjust && l.kind == LevelType::Exact)
                    .filter_map(|(l, level)| {
                        let col = level.column.clone().unwrap_or_else(|| c.column.clone());
                        match records.columns.get(&col)? {
                            Encoded::Text { counts, .. } => {
                                let total: f64 = counts.iter().map(|&x| f64::from(x)).sum();
                                Some((
                                    l,
                                    col,
                                    counts
                                        .iter()
                                        .map(|&x| f64::from(x) / total.max(1.0))
                                        .collect(),
                                ))
                            }
                            Encoded::Number(_) => None,
                        }
                    })
                    .collect()
            })
            .collect();
        Self {
            tables,
            minimum_u: settings.training.tf_minimum_u_value,
        }
    }

    /// Weight added to comparison `c` at level `l` for the pair, and the value's frequency.
    #[must_use]
    pub fn adjustment(
        &self,
        model: &Model,
        records: &Records,
        c: usize,
        l: usize,
        i: usize,
    ) -> Option<(f64, f64)> {
        let (_, col, freq) = self.tables.get(c)?.iter().find(|t| t.0 == l)?;
        let Encoded::Text { ids, .. } = records.columns.get(col)? else {
            return None;
        };
        let id = ids[i];
        if id == NULL_ID {
            return None;
        }
        let f = freq[id as usize].max(self.minimum_u);
        Some(((model.u[c][l] / f).log2(), f))
    }
}

/// Term-frequency adjustments bound to their columns, for scoring many pairs:
/// `terms[c]` = (level, dictionary ids of the column, weight added per id).
pub type CompiledTf<'a> = Vec<Vec<(usize, &'a [u32], Vec<f64>)>>;

impl TermFrequencies {
    /// Resolves columns and precomputes the weight added per value, once.
    #[must_use]
    pub fn compile<'a>(&self, model: &Model, records: &'a Records) -> CompiledTf<'a> {
        self.tables
            .iter()
            .enumerate()
            .map(|(c, tables)| {
                tables
                    .iter()
                    .filter_map(|(l, col, freq)| {
                        let Some(Encoded::Text { ids, .. }) = records.columns.get(col) else {
                            return None;
                        };
                        let adjust = freq
                            .iter()
                            .map(|f| (model.u[c][*l] / f.max(self.minimum_u)).log2())
                            .collect();
                        Some((*l, ids.as_slice(), adjust))
                    })
                    .collect()
            })
            .collect()
    }
}

/// Estimates m from labelled pairs, as splink's `estimate_m_from_pairwise_labels` does: the m
/// of a level is the share of labelled matches (weighted by their score in \[0, 1\]) at that
/// level, among the labelled matches not null on the comparison. u is not touched (it comes
/// from random pairs, which labelled non-matches are not). Returns, per comparison, whether
/// the labels held any evidence (a comparison without any is left as it was).
pub fn estimate_m_from_labels(labelled: &[(u64, f64)], model: &mut Model) -> Vec<bool> {
    let ncmp = model.m.len();
    let mut covered = vec![false; ncmp];
    for c in 0..ncmp {
        let mut counts = vec![0.0; model.m[c].len()];
        for &(g, score) in labelled {
            counts[unpack(g, c)] += score;
        }
        let total: f64 = (0..counts.len())
            .filter(|&l| !model.null[c][l])
            .map(|l| counts[l])
            .sum();
        if total <= 0.0 {
            continue;
        }
        covered[c] = true;
        for l in 0..counts.len() {
            if !model.null[c][l] {
                // Floor as in EM: a level no labelled match reached keeps a finite weight.
                model.m[c][l] = (counts[l] / total).max(1e-6);
            }
        }
    }
    covered
}

/// Estimates u from seeded random pairs; returns u and the number of pairs used.
///
/// # Errors
/// [`crate::Error::Interrupted`].
pub fn estimate_u(
    records: &Records,
    cmp: &Comparator<'_>,
    settings: &Settings,
    model: &mut Model,
    control: &dyn Control,
) -> Result<u64> {
    let n = records.n;
    let link = settings.link_type == LinkType::LinkOnly;
    let (a, b): (Vec<u32>, Vec<u32>) = if link {
        let a = (0..n as u32)
            .filter(|&i| records.dataset[i as usize] == 0)
            .collect();
        let b = (0..n as u32)
            .filter(|&i| records.dataset[i as usize] != 0)
            .collect();
        (a, b)
    } else {
        ((0..n as u32).collect(), Vec::new())
    };
    let possible: u64 = if link {
        a.len() as u64 * b.len() as u64
    } else {
        (n as u64) * (n as u64).saturating_sub(1) / 2
    };
    if possible == 0 {
        return Ok(0);
    }
    let target = settings.training.u_max_pairs.max(1);
    let sample: Vec<(u32, u32)> = if possible <= target {
        if link {
            a.iter()
                .flat_map(|&i| b.iter().map(move |&j| (i, j)))
                .collect()
        } else {
            (0..n as u32)
                .flat_map(|i| (i + 1..n as u32).map(move |j| (i, j)))
                .collect()
        }
    } else {
        let mut rng = Pcg64::seed_from_u64(settings.training.seed);
        (0..target)
            .map(|_| {
                if link {
                    (
                        a[rng.random_range(0..a.len())],
                        b[rng.random_range(0..b.len())],
                    )
                } else {
                    let i = rng.random_range(0..n as u32);
                    let mut j = rng.random_range(0..n as u32 - 1);
                    if j >= i {
                        j += 1;
                    }
                    (i, j)
                }
            })
            .collect()
    };
    // Level counts do not depend on the order of pairs; visiting them by first record reads
    // the records' data sequentially instead of at random.
    let mut sample = sample;
    sample.par_sort_unstable();
    let ncmp = cmp.len();
    let mut counts: Vec<Vec<u64>> = model.m.iter().map(|v| vec![0; v.len()]).collect();
    let total = sample.len() as u64;
    let mut done = 0u64;
    for chunk in sample.chunks(200_000) {
        let part = chunk
            .par_iter()
            .fold(
                || {
                    model
                        .m
                        .iter()
                        .map(|v| vec![0u64; v.len()])
                        .collect::<Vec<_>>()
                },
                |mut acc, &(i, j)| {
                    for (c, row) in acc.iter_mut().enumerate() {
                        row[cmp.level_quick(c, i as usize, j as usize) as usize] += 1;
                    }
                    acc
                },
            )
            .reduce(
                || {
                    model
                        .m
                        .iter()
                        .map(|v| vec![0u64; v.len()])
                        .collect::<Vec<_>>()
                },
                |mut x, y| {
                    for (rx, ry) in x.iter_mut().zip(y) {
                        for (a, b) in rx.iter_mut().zip(ry) {
                            *a += b;
                        }
                    }
                    x
                },
            );
        for (rx, ry) in counts.iter_mut().zip(part) {
            for (a, b) in rx.iter_mut().zip(ry) {
                *a += b;
            }
        }
        done += chunk.len() as u64;
        control.checkpoint("estimating u", done, Some(total))?;
    }
    for c in 0..ncmp {
        let levels: Vec<usize> = (0..counts[c].len())
            .filter(|&l| !model.null[c][l])
            .collect();
        let tot: f64 = levels.iter().map(|&l| counts[c][l] as f64).sum();
        let denom = tot + 0.5 * levels.len() as f64;
        for &l in &levels {
            model.u[c][l] = (counts[c][l] as f64 + 0.5) / denom;
        }
        // The first level after `null` is usually an exact match on the comparison's own
        // column; its u is then known exactly from value counts (the chance two random
        // non-missing values agree), which matters for identifiers where it is tiny and a
        // sample sees it only a handful of times. The other levels keep their sampled shares.
        if link {
            continue;
        }
        let cmp_def = &settings.comparisons[c];
        let Some(&first) = levels.first() else {
            continue;
        };
        let level = &cmp_def.levels[first];
        let only_null_on_column = cmp_def
            .levels
            .iter()
            .filter(|l| l.kind == LevelType::Null)
            .all(|l| l.column.as_deref().is_none_or(|x| x == cmp_def.column));
        if level.kind != LevelType::Exact
            || level.column.as_deref().is_some_and(|x| x != cmp_def.column)
            || !only_null_on_column
        {
            continue;
        }
        if let Some(Encoded::Text { counts: vc, .. }) = records.columns.get(&cmp_def.column) {
            let nn: f64 = vc.iter().map(|&x| f64::from(x)).sum();
            if nn < 2.0 {
                continue;
            }
            let agree: f64 = vc
                .iter()
                .map(|&x| f64::from(x) * (f64::from(x) - 1.0))
                .sum();
            let exact = (agree / (nn * (nn - 1.0))).clamp(1e-12, 1.0 - 1e-9);
            let sampled = model.u[c][first];
            let scale = (1.0 - exact) / (1.0 - sampled).max(1e-12);
            for &l in &levels[1..] {
                model.u[c][l] *= scale;
            }
            model.u[c][first] = exact;
        }
    }
    Ok(total)
}

/// A distinct comparison vector with its count and the blocking rules that produce it.
#[derive(Debug, Clone, Copy)]
pub struct Pattern {
    /// Packed gammas.
    pub gamma: u64,
    /// Bit `r` set when rule `r` produces pairs with this vector.
    pub rules: u32,
    /// Number of pairs.
    pub count: f64,
}

/// Patterns per E-step chunk (fixed, so sums do not depend on the thread count).
const EM_CHUNK: usize = 2048;

/// Sufficient statistics of one EM run.
struct EmStats {
    expected: Vec<Vec<f64>>,
    #[cfg_attr(not(test), allow(dead_code))] // the session priors are not used beyond tests
    lambda: f64,
    iterations: u32,
    converged: bool,
}

#[allow(clippy::too_many_arguments)] // private kernel; a struct would only rename them
/// EM with u fixed. `include[c]`: comparison enters the likelihood; `estimate[c]`: its m is
/// re-estimated. Returns expected match counts per level at convergence.
///
/// The M-step is a posterior mode: the starting m (`m` on entry) act as `prior_matches`
/// pseudo-matches spread over the levels, `m = (expected + prior · m_start) / (Σ expected +
/// prior)`. On a return set of a few hundred records with two candidate pairs, neither a match,
/// plain EM set m of an exact CNIC to 1e-6 and nothing linked afterwards.
fn em(
    patterns: &[Pattern],
    include: &[bool],
    estimate: &[bool],
    model: &Model,
    m: &mut [Vec<f64>],
    lambda0: f64,
    estimate_lambda: bool,
    max_iter: u32,
    tol: f64,
    prior_matches: f64,
) -> EmStats {
    let ncmp = m.len();
    let start: Vec<Vec<f64>> = m.to_vec();
    let mut lambda = lambda0.clamp(1e-9, 1.0 - 1e-9);
    let total: f64 = patterns.iter().map(|p| p.count).sum();
    let mut expected: Vec<Vec<f64>> = m.iter().map(|v| vec![0.0; v.len()]).collect();
    let mut iterations = 0;
    let mut converged = false;
    while iterations < max_iter {
        iterations += 1;
        for row in &mut expected {
            row.iter_mut().for_each(|x| *x = 0.0);
        }
        // E-step over fixed-size chunks summed in order: parallel, yet the same sums for
        // any thread count.
        let (lm0, lu0) = (lambda.ln(), (1.0 - lambda).ln());
        let lnm: Vec<Vec<f64>> = m
            .iter()
            .map(|v| v.iter().map(|x| x.ln()).collect())
            .collect();
        let lnu: Vec<Vec<f64>> = model
            .u
            .iter()
            .map(|v| v.iter().map(|x| x.ln()).collect())
            .collect();
        let step = |chunk: &[Pattern]| {
            let mut exp: Vec<Vec<f64>> = m.iter().map(|v| vec![0.0; v.len()]).collect();
            let mut matches = 0.0;
            for p in chunk {
                let (mut lm, mut lu) = (lm0, lu0);
                for c in 0..ncmp {
                    if !include[c] {
                        continue;
                    }
                    let l = unpack(p.gamma, c);
                    if model.null[c][l] {
                        continue;
                    }
                    lm += lnm[c][l];
                    lu += lnu[c][l];
                }
                let post = 1.0 / (1.0 + (lu - lm).exp());
                let w = post * p.count;
                matches += w;
                for c in 0..ncmp {
                    if include[c] {
                        exp[c][unpack(p.gamma, c)] += w;
                    }
                }
            }
            (exp, matches)
        };
        // A few thousand vectors: waking threads every iteration costs more than it saves.
        // Either way the same chunks are summed in the same order.
        let parts: Vec<(Vec<Vec<f64>>, f64)> = if patterns.len() > 16 * EM_CHUNK {
            patterns.par_chunks(EM_CHUNK).map(step).collect()
        } else {
            patterns.chunks(EM_CHUNK).map(step).collect()
        };
        let mut matches = 0.0;
        for (exp, mt) in parts {
            matches += mt;
            for (row, part) in expected.iter_mut().zip(exp) {
                for (a, b) in row.iter_mut().zip(part) {
                    *a += b;
                }
            }
        }
        let mut delta: f64 = 0.0;
        if estimate_lambda && total > 0.0 {
            let new = (matches / total).clamp(1e-9, 1.0 - 1e-9);
            delta = delta.max((new - lambda).abs());
            lambda = new;
        }
        for c in 0..ncmp {
            if !estimate[c] {
                continue;
            }
            let denom: f64 = (0..m[c].len())
                .filter(|&l| !model.null[c][l])
                .map(|l| expected[c][l])
                .sum();
            if denom + prior_matches <= 0.0 {
                continue;
            }
            // The starting values sum to 1 over the non-null levels.
            let start_total: f64 = (0..m[c].len())
                .filter(|&l| !model.null[c][l])
                .map(|l| start[c][l])
                .sum();
            for l in 0..m[c].len() {
                if model.null[c][l] {
                    continue;
                }
                let pseudo = prior_matches * start[c][l] / start_total.max(f64::MIN_POSITIVE);
                let new = ((expected[c][l] + pseudo) / (denom + prior_matches)).max(1e-6);
                delta = delta.max((new - m[c][l]).abs());
                m[c][l] = new;
            }
        }
        if delta < tol {
            converged = true;
            break;
        }
    }
    EmStats {
        expected,
        lambda,
        iterations,
        converged,
    }
}

/// Trains m by per-rule EM sessions and pools their expected counts (u must be set).
pub fn estimate_m(
    patterns: &[Pattern],
    rule_blocks_comparison: &[Vec<bool>],
    settings: &Settings,
    model: &mut Model,
) {
    let ncmp = model.m.len();
    let mut pooled: Vec<Vec<f64>> = model.m.iter().map(|v| vec![0.0; v.len()]).collect();
    let mut seen = vec![false; ncmp];
    let t = &settings.training;
    for (r, blocked) in rule_blocks_comparison.iter().enumerate() {
        let session: Vec<Pattern> = patterns
            .iter()
            .filter(|p| p.rules & (1 << r) != 0)
            .copied()
            .collect();
        if session.is_empty() {
            continue;
        }
        let active: Vec<bool> = blocked.iter().map(|b| !b).collect();
        if !active.iter().any(|&a| a) {
            continue;
        }
        let mut m = model.m.clone();
        let stats = em(
            &session,
            &active,
            &active,
            model,
            &mut m,
            0.1,
            true,
            t.em_max_iterations,
            t.em_convergence,
            t.m_prior_matches,
        );
        model.em_iterations += stats.iterations;
        model.converged &= stats.converged;
        for c in 0..ncmp {
            if active[c] {
                seen[c] = true;
                for l in 0..pooled[c].len() {
                    pooled[c][l] += stats.expected[c][l];
                }
            }
        }
    }
    // The pooled counts get the same prior as each session (see `em`).
    let prior = t.m_prior_matches;
    for c in 0..ncmp {
        let nonnull = || (0..pooled[c].len()).filter(|&l| !model.null[c][l]);
        let denom: f64 = nonnull().map(|l| pooled[c][l]).sum();
        let start_total: f64 = nonnull().map(|l| model.m[c][l]).sum();
        if seen[c] && denom + prior > 0.0 && start_total > 0.0 {
            let start = model.m[c].clone();
            for l in nonnull() {
                let pseudo = prior * start[l] / start_total;
                model.m[c][l] = ((pooled[c][l] + pseudo) / (denom + prior)).max(1e-6);
            }
        }
    }
    // Comparisons every rule blocks on: estimate them over all candidates, the others fixed.
    let missing: Vec<bool> = seen.iter().map(|s| !s).collect();
    estimate_m_of(patterns, &missing, settings, model);
}

/// EM over all candidate patterns for the comparisons flagged in `which`, the other m fixed
/// (used for comparisons every blocking rule uses, and for those labels did not cover).
pub fn estimate_m_of(patterns: &[Pattern], which: &[bool], settings: &Settings, model: &mut Model) {
    let t = &settings.training;
    let ncmp = model.m.len();
    if which.iter().any(|&x| x) && !patterns.is_empty() {
        let include = vec![true; ncmp];
        let mut m = model.m.clone();
        let stats = em(
            patterns,
            &include,
            which,
            model,
            &mut m,
            0.1,
            true,
            t.em_max_iterations,
            t.em_convergence,
            t.m_prior_matches,
        );
        model.em_iterations += stats.iterations;
        model.converged &= stats.converged;
        model.m = m;
    }
}

/// Estimates the probability that two random records match (splink's
/// `probability_two_random_records_match`), with m and u fixed.
///
/// The non-candidate pairs disagree on every blocking key and are taken to have a posterior of
/// zero, so EM over all pairs reduces to the fixed point
/// `λ = Σ_candidates P(match | γ, λ) / (all pairs)`. The prior is what the weights of
/// candidate pairs need: u comes from random pairs, so the prior must be the random-pair one
/// too (a prior fitted among candidates would count their agreement twice).
/// Returns the share of candidate pairs expected to match.
pub fn estimate_lambda(patterns: &[Pattern], possible_pairs: f64, model: &mut Model) -> f64 {
    let candidates: f64 = patterns.iter().map(|p| p.count).sum();
    if candidates <= 0.0 || possible_pairs <= 0.0 {
        return 0.0;
    }
    let ncmp = model.m.len();
    // Patterns differing only in their rules have the same Bayes factor: merge them (they are
    // sorted by vector), then take the log Bayes factor of each vector once.
    let mut merged: Vec<Pattern> = Vec::new();
    for p in patterns {
        match merged.last_mut() {
            Some(q) if q.gamma == p.gamma => q.count += p.count,
            _ => merged.push(*p),
        }
    }
    let patterns = &merged;
    let lbf: Vec<f64> = patterns
        .iter()
        .map(|p| {
            (0..ncmp)
                .map(|c| {
                    let l = unpack(p.gamma, c);
                    if model.null[c][l] {
                        0.0
                    } else {
                        (model.m[c][l] / model.u[c][l]).ln()
                    }
                })
                .sum()
        })
        .collect();
    let mut lambda = (candidates / possible_pairs).clamp(1e-12, 0.5);
    let mut expected = 0.0;
    for _ in 0..200 {
        let odds = (lambda / (1.0 - lambda)).ln();
        // Fixed chunks summed in order: parallel, the same for any thread count.
        let part = |(ps, bs): (&[Pattern], &[f64])| {
            ps.iter()
                .zip(bs)
                .map(|(p, b)| p.count / (1.0 + (-(odds + b)).exp()))
                .sum::<f64>()
        };
        let parts: Vec<f64> = if patterns.len() > 16 * EM_CHUNK {
            patterns
                .par_chunks(EM_CHUNK)
                .zip(lbf.par_chunks(EM_CHUNK))
                .map(part)
                .collect()
        } else {
            patterns
                .chunks(EM_CHUNK)
                .zip(lbf.chunks(EM_CHUNK))
                .map(part)
                .collect()
        };
        expected = parts.iter().sum::<f64>();
        let new = (expected / possible_pairs).clamp(1e-12, 0.5);
        let done = (new - lambda).abs() <= 1e-6 * lambda;
        lambda = new;
        if done {
            break;
        }
    }
    model.lambda = lambda;
    expected / candidates
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linkage::settings::default_victim_settings;

    #[test]
    fn m_from_labels_is_the_share_of_labelled_matches() {
        let mut settings = default_victim_settings();
        settings.comparisons.truncate(2);
        let mut model = Model::from_settings(&settings);
        let before = model.m[1].clone();
        // Comparison 0: three matches at level 1 (exact), one at level 3, one null (level 0)
        // which does not count; a non-match (score 0) at level 6 does not count either.
        // Comparison 1 is null on every labelled pair: no evidence, left as it was.
        let labelled = [
            (1u64, 1.0),
            (1, 1.0),
            (1, 1.0),
            (3, 1.0),
            (0, 1.0),
            (6, 0.0),
        ];
        let covered = estimate_m_from_labels(&labelled, &mut model);
        assert_eq!(covered, vec![true, false]);
        assert!((model.m[0][1] - 0.75).abs() < 1e-12);
        assert!((model.m[0][3] - 0.25).abs() < 1e-12);
        assert!((model.m[0][6] - 1e-6).abs() < 1e-12, "floored, not zero");
        assert_eq!(model.m[1], before);
    }

    /// Two candidate pairs, neither a match (names alike, everything else apart): plain EM
    /// pushes m of the levels they miss to the floor; the prior keeps them near the start.
    #[test]
    fn few_pairs_leave_m_near_its_start() {
        let mut settings = default_victim_settings();
        settings.comparisons.truncate(3);
        let model = Model::from_settings(&settings);
        // name exact (1), father's name else (6), CNIC else (4).
        let gamma = (1 | (6 << 4) | (4 << 8)) as u64;
        let patterns = [Pattern {
            gamma,
            rules: 1,
            count: 2.0,
        }];
        let fit = |prior: f64| {
            let mut m = model.m.clone();
            em(
                &patterns, &[true; 3], &[true; 3], &model, &mut m, 0.1, true, 25, 1e-4, prior,
            );
            m
        };
        let plain = fit(0.0);
        assert!((plain[2][1] - 1e-6).abs() < 1e-12, "exact CNIC floored");
        let map = fit(10.0);
        // At most two of twelve pseudo-matches move: the exact CNIC keeps >= 10/12 of its
        // starting share.
        assert!(
            map[2][1] >= model.m[2][1] * 10.0 / 12.0 - 1e-12,
            "{}",
            map[2][1]
        );
        let total: f64 = map[2][1..].iter().sum();
        assert!((total - 1.0).abs() < 1e-9);
    }

    /// Simulates comparison vectors from known λ, m, u and checks EM recovers m and λ.
    #[test]
    #[allow(clippy::manual_memcpy)]
    fn em_recovers_known_parameters() {
        let mut settings = default_victim_settings();
        settings.comparisons.truncate(3);
        let mut model = Model::from_settings(&settings);
        let true_m = [
            [0.0, 0.7, 0.1, 0.1, 0.05, 0.03, 0.02],
            [0.0, 0.6, 0.2, 0.1, 0.05, 0.03, 0.02],
        ];
        let true_u = [
            [0.0, 0.01, 0.01, 0.02, 0.02, 0.04, 0.90],
            [0.0, 0.02, 0.02, 0.02, 0.04, 0.1, 0.80],
        ];
        let true_m3 = [0.0, 0.8, 0.1, 0.05, 0.05];
        let true_u3 = [0.0, 0.001, 0.004, 0.005, 0.99];
        let lambda = 0.3;
        let mut rng = Pcg64::seed_from_u64(7);
        let draw = |rng: &mut Pcg64, p: &[f64]| -> usize {
            let x: f64 = rng.random();
            let mut acc = 0.0;
            for (k, &pk) in p.iter().enumerate() {
                acc += pk;
                if x < acc {
                    return k;
                }
            }
            p.len() - 1
        };
        let mut counts = std::collections::BTreeMap::new();
        for _ in 0..200_000 {
            let is_match = rng.random::<f64>() < lambda;
            let g0 = draw(&mut rng, if is_match { &true_m[0] } else { &true_u[0] });
            let g1 = draw(&mut rng, if is_match { &true_m[1] } else { &true_u[1] });
            let g2 = draw(&mut rng, if is_match { &true_m3 } else { &true_u3 });
            *counts
                .entry((g0 | (g1 << 4) | (g2 << 8)) as u64)
                .or_insert(0.0) += 1.0;
        }
        let patterns: Vec<Pattern> = counts
            .into_iter()
            .map(|(gamma, count)| Pattern {
                gamma,
                rules: 1,
                count,
            })
            .collect();
        for l in 1..7 {
            model.u[0][l] = true_u[0][l];
            model.u[1][l] = true_u[1][l];
        }
        for l in 1..5 {
            model.u[2][l] = true_u3[l];
        }
        let ncmp = 3;
        let mut m = model.m.clone();
        let stats = em(
            &patterns, &[true; 3], &[true; 3], &model, &mut m, 0.1, true, 500, 1e-8, 0.0,
        );
        assert!(stats.converged);
        assert!(
            (stats.lambda - lambda).abs() < 0.01,
            "lambda {}",
            stats.lambda
        );
        for c in 0..2 {
            for l in 1..7 {
                assert!(
                    (m[c][l] - true_m[c][l]).abs() < 0.02,
                    "m[{c}][{l}] = {} vs {}",
                    m[c][l],
                    true_m[c][l]
                );
            }
        }
        for l in 1..5 {
            assert!((m[2][l] - true_m3[l]).abs() < 0.02, "m[2][{l}]");
        }
        // Session pooling reaches the same answer when no rule blocks a comparison.
        let mut pooled = model.clone();
        settings.training.em_max_iterations = 500;
        settings.training.em_convergence = 1e-8;
        estimate_m(&patterns, &[vec![false; ncmp]], &settings, &mut pooled);
        for l in 1..7 {
            assert!((pooled.m[0][l] - true_m[0][l]).abs() < 0.02);
        }
    }
}
