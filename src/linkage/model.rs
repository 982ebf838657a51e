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
    /// Share of candidate pairs that match.
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
            let nonnull: Vec<usize> =
                (0..c.levels.len()).filter(|&k| c.levels[k].kind != LevelType::Null).collect();
            let k = nonnull.len();
            let mut mc = vec![1.0; c.levels.len()];
            let mut uc = vec![1.0; c.levels.len()];
            // Starting m: geometric from the strongest level; starting u: the reverse.
            let total_m: f64 = (0..k).map(|r| 0.5f64.powi(r as i32)).sum();
            let total_u: f64 = (0..k).map(|r| 0.25f64.powi((k - 1 - r) as i32)).sum();
            for (r, &lvl) in nonnull.iter().enumerate() {
                let l = &c.levels[lvl];
                mc[lvl] = l.m_probability.unwrap_or(0.5f64.powi(r as i32) / total_m);
                uc[lvl] = l.u_probability.unwrap_or(0.25f64.powi((k - 1 - r) as i32) / total_u);
            }
            null.push(c.levels.iter().map(|l| l.kind == LevelType::Null).collect());
            m.push(mc);
            u.push(uc);
        }
        Self {
            m,
            u,
            null,
            lambda: settings.candidate_match_probability.unwrap_or(0.1),
            em_iterations: 0,
            converged: true,
        }
    }

    /// Writes m, u and the priors into the settings.
    pub fn write_to(&self, settings: &mut Settings, random_match: Option<f64>) {
        for (c, cmp) in settings.comparisons.iter_mut().enumerate() {
            for (l, level) in cmp.levels.iter_mut().enumerate() {
                if !self.null[c][l] {
                    level.m_probability = Some(self.m[c][l]);
                    level.u_probability = Some(self.u[c][l]);
                }
            }
        }
        settings.candidate_match_probability = Some(self.lambda);
        if random_match.is_some() {
            settings.probability_two_random_records_match = random_match;
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

/// Term-frequency tables per comparison: (level, column, frequency per dictionary id).
#[derive(Debug, Clone, Default)]
pub struct TermFrequencies {
    /// `tables[c]` = the tf-adjusted level of comparison `c` with its value frequencies.
    pub tables: Vec<Option<(usize, String, Vec<f64>)>>,
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
                let (l, level) = c.levels.iter().enumerate().find(|(_, l)| l.tf_adjust && l.kind == LevelType::Exact)?;
                let col = level.column.clone().unwrap_or_else(|| c.column.clone());
                match records.columns.get(&col)? {
                    Encoded::Text { counts, .. } => {
                        let total: f64 = counts.iter().map(|&x| f64::from(x)).sum();
                        Some((l, col, counts.iter().map(|&x| f64::from(x) / total.max(1.0)).collect()))
                    }
                    Encoded::Number(_) => None,
                }
            })
            .collect();
        Self { tables, minimum_u: settings.training.tf_minimum_u_value }
    }

    /// Weight added to comparison `c` at level `l` for the pair, and the value's frequency.
    #[must_use]
    pub fn adjustment(&self, model: &Model, records: &Records, c: usize, l: usize, i: usize) -> Option<(f64, f64)> {
        let (level, col, freq) = self.tables.get(c)?.as_ref()?;
        if *level != l {
            return None;
        }
        let Encoded::Text { ids, .. } = records.columns.get(col)? else { return None };
        let id = ids[i];
        if id == NULL_ID {
            return None;
        }
        let f = freq[id as usize].max(self.minimum_u);
        Some(((model.u[c][l] / f).log2(), f))
    }
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
        let a = (0..n as u32).filter(|&i| records.dataset[i as usize] == 0).collect();
        let b = (0..n as u32).filter(|&i| records.dataset[i as usize] != 0).collect();
        (a, b)
    } else {
        ((0..n as u32).collect(), Vec::new())
    };
    let possible: u64 = if link { a.len() as u64 * b.len() as u64 } else { (n as u64) * (n as u64).saturating_sub(1) / 2 };
    if possible == 0 {
        return Ok(0);
    }
    let target = settings.training.u_max_pairs.max(1);
    let sample: Vec<(u32, u32)> = if possible <= target {
        if link {
            a.iter().flat_map(|&i| b.iter().map(move |&j| (i, j))).collect()
        } else {
            (0..n as u32).flat_map(|i| (i + 1..n as u32).map(move |j| (i, j))).collect()
        }
    } else {
        let mut rng = Pcg64::seed_from_u64(settings.training.seed);
        (0..target)
            .map(|_| {
                if link {
                    (a[rng.random_range(0..a.len())], b[rng.random_range(0..b.len())])
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
    let ncmp = cmp.len();
    let mut counts: Vec<Vec<u64>> = model.m.iter().map(|v| vec![0; v.len()]).collect();
    let total = sample.len() as u64;
    let mut done = 0u64;
    for chunk in sample.chunks(200_000) {
        let part = chunk
            .par_iter()
            .fold(
                || model.m.iter().map(|v| vec![0u64; v.len()]).collect::<Vec<_>>(),
                |mut acc, &(i, j)| {
                    for (c, row) in acc.iter_mut().enumerate() {
                        row[cmp.level(c, i as usize, j as usize) as usize] += 1;
                    }
                    acc
                },
            )
            .reduce(
                || model.m.iter().map(|v| vec![0u64; v.len()]).collect::<Vec<_>>(),
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
        let levels: Vec<usize> = (0..counts[c].len()).filter(|&l| !model.null[c][l]).collect();
        let tot: f64 = levels.iter().map(|&l| counts[c][l] as f64).sum();
        let denom = tot + 0.5 * levels.len() as f64;
        for &l in &levels {
            model.u[c][l] = (counts[c][l] as f64 + 0.5) / denom;
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

/// Sufficient statistics of one EM run.
struct EmStats {
    expected: Vec<Vec<f64>>,
    lambda: f64,
    iterations: u32,
    converged: bool,
}

/// EM with u fixed. `include[c]`: comparison enters the likelihood; `estimate[c]`: its m is
/// re-estimated. Returns expected match counts per level at convergence.
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
) -> EmStats {
    let ncmp = m.len();
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
        let mut matches = 0.0;
        for p in patterns {
            let (mut lm, mut lu) = (lambda.ln(), (1.0 - lambda).ln());
            for c in 0..ncmp {
                if !include[c] {
                    continue;
                }
                let l = unpack(p.gamma, c);
                if model.null[c][l] {
                    continue;
                }
                lm += m[c][l].ln();
                lu += model.u[c][l].ln();
            }
            let post = 1.0 / (1.0 + (lu - lm).exp());
            let w = post * p.count;
            matches += w;
            for c in 0..ncmp {
                if include[c] {
                    expected[c][unpack(p.gamma, c)] += w;
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
            let denom: f64 =
                (0..m[c].len()).filter(|&l| !model.null[c][l]).map(|l| expected[c][l]).sum();
            if denom <= 0.0 {
                continue;
            }
            for l in 0..m[c].len() {
                if model.null[c][l] {
                    continue;
                }
                let new = (expected[c][l] / denom).max(1e-6);
                delta = delta.max((new - m[c][l]).abs());
                m[c][l] = new;
            }
        }
        if delta < tol {
            converged = true;
            break;
        }
    }
    EmStats { expected, lambda, iterations, converged }
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
        let session: Vec<Pattern> = patterns.iter().filter(|p| p.rules & (1 << r) != 0).copied().collect();
        if session.is_empty() {
            continue;
        }
        let active: Vec<bool> = blocked.iter().map(|b| !b).collect();
        if !active.iter().any(|&a| a) {
            continue;
        }
        let mut m = model.m.clone();
        let stats = em(&session, &active, &active, model, &mut m, 0.1, true, t.em_max_iterations, t.em_convergence);
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
    for c in 0..ncmp {
        let denom: f64 = (0..pooled[c].len()).filter(|&l| !model.null[c][l]).map(|l| pooled[c][l]).sum();
        if seen[c] && denom > 0.0 {
            for l in 0..pooled[c].len() {
                if !model.null[c][l] {
                    model.m[c][l] = (pooled[c][l] / denom).max(1e-6);
                }
            }
        }
    }
    // Comparisons every rule blocks on: estimate them over all candidates, the others fixed.
    let missing: Vec<bool> = seen.iter().map(|s| !s).collect();
    if missing.iter().any(|&x| x) && !patterns.is_empty() {
        let include = vec![true; ncmp];
        let mut m = model.m.clone();
        let stats = em(patterns, &include, &missing, model, &mut m, 0.1, true, t.em_max_iterations, t.em_convergence);
        model.em_iterations += stats.iterations;
        model.converged &= stats.converged;
        model.m = m;
    }
}

/// Estimates the share of candidate pairs that match, with m and u fixed.
pub fn estimate_lambda(patterns: &[Pattern], settings: &Settings, model: &mut Model) {
    if patterns.is_empty() {
        return;
    }
    let ncmp = model.m.len();
    let mut m = model.m.clone();
    let t = &settings.training;
    let stats = em(
        patterns,
        &vec![true; ncmp],
        &vec![false; ncmp],
        model,
        &mut m,
        model.lambda,
        true,
        t.em_max_iterations.max(50),
        t.em_convergence * 1e-2,
    );
    model.lambda = stats.lambda;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linkage::settings::default_victim_settings;

    /// Simulates comparison vectors from known λ, m, u and checks EM recovers m and λ.
    #[test]
    fn em_recovers_known_parameters() {
        let mut settings = default_victim_settings();
        settings.comparisons.truncate(3);
        let mut model = Model::from_settings(&settings);
        let true_m = [[0.0, 0.7, 0.1, 0.1, 0.05, 0.03, 0.02], [0.0, 0.6, 0.2, 0.1, 0.05, 0.03, 0.02]];
        let true_u = [[0.0, 0.01, 0.01, 0.02, 0.02, 0.04, 0.90], [0.0, 0.02, 0.02, 0.02, 0.04, 0.1, 0.80]];
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
            *counts.entry((g0 | (g1 << 4) | (g2 << 8)) as u64).or_insert(0.0) += 1.0;
        }
        let patterns: Vec<Pattern> =
            counts.into_iter().map(|(gamma, count)| Pattern { gamma, rules: 1, count }).collect();
        for l in 1..7 {
            model.u[0][l] = true_u[0][l];
            model.u[1][l] = true_u[1][l];
        }
        for l in 1..5 {
            model.u[2][l] = true_u3[l];
        }
        let ncmp = 3;
        let mut m = model.m.clone();
        let stats = em(&patterns, &[true; 3], &[true; 3], &model, &mut m, 0.1, true, 500, 1e-8);
        assert!(stats.converged);
        assert!((stats.lambda - lambda).abs() < 0.01, "lambda {}", stats.lambda);
        for c in 0..2 {
            for l in 1..7 {
                assert!((m[c][l] - true_m[c][l]).abs() < 0.02, "m[{c}][{l}] = {} vs {}", m[c][l], true_m[c][l]);
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
