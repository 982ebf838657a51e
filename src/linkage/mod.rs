//! Record linkage: blocking, comparisons, the Fellegi–Sunter model fitted by EM, clustering.
//!
//! The same victim is recorded by the circle that intercepted her, the police station that
//! registered the FIR and the shelter that took her in. [`run`] finds those records and gives
//! each person a deterministic `person_id`:
//!
//! 1. [`data`]: columns are dictionary-encoded once, rows put in canonical (record-id) order;
//! 2. [`blocking`]: candidate pairs from the union of blocking rules, each pair once;
//! 3. [`compare`]: a comparison vector (one level per comparison) per pair;
//! 4. [`model`]: u by random sampling, m and the prior by EM on vector counts (Fellegi & Sunter
//!    1969, as estimated by splink) or m from labelled pairs ([`run_with_labels`], as splink's
//!    `estimate_m_from_pairwise_labels`), term-frequency adjustments;
//! 5. [`cluster`]: connected components or the chaining-resistant variant, honouring
//!    cannot-link rules;
//! 6. explanations of a pair's score, term by term ([`Linkage::explain`]).
//!
//! Vocabulary (m/u probabilities, match weight, comparison levels, blocking rules) follows
//! splink so researchers who know it feel at home. Everything is generic over column names: the
//! [`settings::Settings`] say which columns to use.

pub mod blocking;
pub mod cluster;
pub mod compare;
pub mod data;
pub mod model;
pub mod settings;
pub mod similarity;

use std::collections::HashMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use self::blocking::Blocking;
use self::cluster::{ClusterOptions, Scored};
use self::compare::{unpack, Comparator};
use self::data::{Encoded, Input, Records};
use self::model::{Model, Pattern, TermFrequencies};
use self::settings::{LevelType, LinkType, Settings};
use crate::control::Control;
use crate::error::{Error, Result};
use crate::table::{Column, ColumnData, Table};

/// A scored candidate pair.
#[derive(Debug, Clone, Copy)]
pub struct Pair {
    /// First record (canonical index).
    pub i: u32,
    /// Second record (canonical index).
    pub j: u32,
    /// The first blocking rule that produced the pair.
    pub rule: u8,
    /// Packed comparison levels.
    pub gamma: u64,
    /// Match weight (log2 Bayes factor including the prior).
    pub weight: f64,
    /// Match probability.
    pub probability: f64,
}

/// Counts describing a run.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Stats {
    /// Records linked.
    pub n_records: usize,
    /// Records with no usable blocking key: never compared, each its own person.
    pub n_without_identifier: usize,
    /// Candidate pairs compared.
    pub n_candidate_pairs: usize,
    /// Distinct (comparison vector, blocking rules) patterns EM ran on.
    pub n_patterns: usize,
    /// Pairs each blocking rule produces on its own.
    pub pairs_per_rule: Vec<(String, u64)>,
    /// Random pairs used to estimate u (0 when the model was given).
    pub u_sample_pairs: u64,
    /// EM iterations.
    pub em_iterations: u32,
    /// Whether EM converged everywhere.
    pub em_converged: bool,
    /// Whether parameters were estimated in this run.
    pub trained: bool,
    /// Labelled pairs m was estimated from in this run (0: EM or a given model).
    pub labelled_pairs: u64,
    /// Expected pairwise precision of the links under the fitted model (candidate pairs at or
    /// above the threshold: the mean of their probabilities).
    pub expected_precision: f64,
    /// Expected pairwise recall under the fitted model, among candidate pairs (pairs no blocking
    /// rule proposes are not counted).
    pub expected_recall: f64,
    /// Persons found.
    pub n_persons: usize,
}

/// The result of linking.
#[derive(Debug)]
pub struct Linkage {
    /// Settings with the fitted model written in.
    pub settings: Settings,
    /// Encoded records (canonical order).
    pub records: Records,
    /// Fitted parameters.
    pub model: Model,
    tf: TermFrequencies,
    /// Retained pairs (probability ≥ `retain_match_probability`).
    pub pairs: Vec<Pair>,
    /// Person id per canonical record.
    pub person_id: Vec<String>,
    /// Counts.
    pub stats: Stats,
    rule_names: Vec<String>,
}

/// Per cannot-link rule: the columns that must differ and the columns that must agree.
type Forbid<'a> = Vec<(Vec<&'a Encoded>, Vec<&'a Encoded>)>;

fn differs(e: &Encoded, i: usize, j: usize) -> bool {
    match e {
        Encoded::Text { ids, .. } => {
            ids[i] != data::NULL_ID && ids[j] != data::NULL_ID && ids[i] != ids[j]
        }
        Encoded::Number(v) => matches!((v[i], v[j]), (Some(a), Some(b)) if a != b),
    }
}

fn agrees(e: &Encoded, i: usize, j: usize) -> bool {
    match e {
        Encoded::Text { ids, .. } => ids[i] != data::NULL_ID && ids[i] == ids[j],
        Encoded::Number(v) => matches!((v[i], v[j]), (Some(a), Some(b)) if a == b),
    }
}

fn forbidden(rules: &Forbid<'_>, i: usize, j: usize) -> bool {
    rules.iter().any(|(different, same)| {
        different.iter().all(|c| differs(c, i, j)) && same.iter().all(|c| agrees(c, i, j))
    })
}

/// The threshold maximising the expected F1 of the candidate pairs under the fitted model:
/// the expected number of matches is the sum of their probabilities, a threshold `t` keeps the
/// pairs with `p >= t`, whose expected true matches are the sum of their probabilities. Returns
/// (threshold, expected precision, expected recall), the threshold clamped to `[lo, hi]`.
/// Sequential over probabilities sorted by value, so the result does not depend on threads.
///
/// Every threshold between the last pair kept and the first pair dropped gives the same links;
/// the one returned lies half-way between them in match weight (log-odds), and at `lo` when no
/// pair is dropped. Taking the last kept pair's own probability instead is fragile on small
/// inputs: one candidate pair at 0.99998 made 0.99 the threshold, and a later run with the
/// same model dropped a pair at 0.97 that the model calls a match.
#[must_use]
pub fn expected_f1_threshold(probabilities: &[f64], lo: f64, hi: f64) -> (f64, f64, f64) {
    let mut p: Vec<f64> = probabilities.to_vec();
    p.sort_unstable_by(|a, b| b.total_cmp(a));
    let total: f64 = p.iter().sum();
    if total <= 0.0 || p.is_empty() {
        return (hi, 1.0, 0.0);
    }
    // `best`: how many pairs (the most probable ones) the best threshold keeps.
    let (mut best, mut best_f1, mut cum) = (0usize, -1.0, 0.0);
    let mut k = 0usize;
    while k < p.len() {
        // Pairs of equal probability are kept or dropped together.
        let t = p[k];
        while k < p.len() && p[k] == t {
            cum += p[k];
            k += 1;
        }
        let (prec, rec) = (cum / k as f64, cum / total);
        let f1 = 2.0 * prec * rec / (prec + rec);
        if f1 > best_f1 {
            best_f1 = f1;
            best = k;
        }
    }
    let logit = |x: f64| {
        let x = x.clamp(1e-12, 1.0 - 1e-12);
        (x / (1.0 - x)).ln()
    };
    let t = if best < p.len() {
        let w = 0.5 * (logit(p[best - 1]) + logit(p[best]));
        1.0 / (1.0 + (-w).exp())
    } else {
        lo
    };
    let t = t.clamp(lo, hi);
    let (kept, n_kept) = p
        .iter()
        .take_while(|&&x| x >= t)
        .fold((0.0, 0usize), |(s, n), &x| (s + x, n + 1));
    let precision = if n_kept == 0 {
        1.0
    } else {
        kept / n_kept as f64
    };
    (t, precision, kept / total)
}

/// Pairs each blocking rule would produce on `table`, before anything runs.
///
/// # Errors
/// Invalid settings or missing columns.
pub fn count_pairs(
    table: &dyn Input,
    dataset: &[u8],
    settings: &Settings,
) -> Result<Vec<(String, u64)>> {
    settings.validate()?;
    let mut needed: Vec<String> = settings
        .blocking_rules
        .iter()
        .flat_map(|r| r.keys.iter().map(|k| k.column().to_owned()))
        .collect();
    needed.sort();
    needed.dedup();
    let records = Records::encode(table, dataset, &settings.unique_id_column, &needed)?;
    let b = Blocking::new(&records, &settings.blocking_rules)?;
    let counts = blocking::count_pairs(&records, &b, settings.link_type);
    Ok(b.names.into_iter().zip(counts).collect())
}

/// A labelled record pair for training m (splink's pairwise labels).
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// Id of one record (as text; in `link`, `a:17` / `b:17` when the inputs share ids).
    pub a: String,
    /// Id of the other record.
    pub b: String,
    /// 1 for a match, 0 for a non-match; values in between weigh a match by that much
    /// (splink's `clerical_match_score`).
    pub score: f64,
}

/// Links the records of `table`.
///
/// `dataset[row]` says which input a row came from (all 0 to deduplicate one input).
/// `existing[row]` is the person id of rows linked before (incremental linking): those persons
/// keep their ids and are never merged with each other; the settings must then be trained.
///
/// # Errors
/// Invalid settings, missing or mistyped columns, repeated record ids, an exploding blocking
/// rule, or [`Error::Interrupted`].
pub fn run(
    table: &dyn Input,
    dataset: &[u8],
    settings: Settings,
    existing: Option<&[Option<String>]>,
    control: &dyn Control,
) -> Result<Linkage> {
    run_with_labels(table, dataset, settings, existing, None, control)
}

/// [`run`], training m from labelled pairs when `labels` are given.
///
/// With labels, u still comes from random pairs, m of each comparison is the share of the
/// labelled matches at each level ([`model::estimate_m_from_labels`]), comparisons the labels
/// say nothing about are estimated by EM, and the prior is estimated as usual. The number of
/// labelled pairs is written to `training.labelled_pairs` of the saved model.
///
/// # Errors
/// As [`run`]; [`Error::InvalidArgument`] for a label naming an unknown record, the same
/// record twice, a score outside \[0, 1\], labels without any match, or labels in an
/// incremental run.
#[allow(clippy::too_many_lines)] // the pipeline reads best as one sequence of stages
pub fn run_with_labels(
    table: &dyn Input,
    dataset: &[u8],
    mut settings: Settings,
    existing: Option<&[Option<String>]>,
    labels: Option<&[Label]>,
    control: &dyn Control,
) -> Result<Linkage> {
    settings.validate()?;
    if settings.blocking_rules.len() > 32 {
        return Err(Error::Settings {
            path: "$.blocking_rules".into(),
            reason: "at most 32 rules".into(),
        });
    }
    if dataset.len() != table.height() || existing.is_some_and(|e| e.len() != table.height()) {
        return Err(Error::invalid_argument(
            "dataset",
            "one entry per row",
            dataset.len(),
        ));
    }
    if labels.is_some() && existing.is_some() {
        return Err(Error::invalid_argument(
            "labels",
            "no labels when adding records (the existing model is kept)",
            "labels",
        ));
    }
    if existing.is_some() && !settings.is_trained() {
        return Err(Error::Settings {
            path: "$.comparisons".into(),
            reason: "incremental linking needs a trained model (m and u on every level)".into(),
        });
    }
    control.checkpoint("encoding", 0, Some(2))?;
    let records = Records::encode(
        table,
        dataset,
        &settings.unique_id_column,
        &settings.columns(),
    )?;
    let n = records.n;
    control.checkpoint("encoding", 1, Some(2))?;
    let block = Blocking::new(&records, &settings.blocking_rules)?;
    control.checkpoint("encoding", 2, Some(2))?;
    let old: Option<Vec<bool>> =
        existing.map(|e| records.input_row.iter().map(|&r| e[r].is_some()).collect());
    let train = existing.is_none()
        && (labels.is_some() || !settings.is_trained() || settings.training.retrain);
    let counts = blocking::count_pairs(&records, &block, settings.link_type);
    let candidates = blocking::candidate_pairs(
        &records,
        &block,
        settings.link_type,
        settings.max_pairs_per_rule,
        old.as_deref(),
        control,
    )?;
    let cmp = Comparator::new(&records, &settings.comparisons)?;
    let labelled = labels
        .map(|ls| labelled_gammas(&records, &cmp, ls))
        .transpose()?;
    let total = candidates.len() as u64;
    let gammas = cmp.gammas(&candidates, control)?;
    let patterns = patterns(&candidates, &gammas);
    control.checkpoint("estimating u", 0, None)?;
    let mut model = Model::from_settings(&settings);
    let mut u_pairs = 0;
    if train {
        u_pairs = model::estimate_u(&records, &cmp, &settings, &mut model, control)?;
        control.checkpoint("estimating m", 0, Some(1))?;
        if let Some(lab) = &labelled {
            let covered = model::estimate_m_from_labels(lab, &mut model);
            let rest: Vec<bool> = covered.iter().map(|c| !c).collect();
            model::estimate_m_of(&patterns, &rest, &settings, &mut model);
            settings.training.labelled_pairs = lab.len() as u64;
            settings.training.labels = labels
                .unwrap_or(&[])
                .iter()
                .map(|l| (l.a.clone(), l.b.clone(), l.score))
                .collect();
        } else {
            let blocked = rule_blocks_comparison(&settings);
            model::estimate_m(&patterns, &blocked, &settings, &mut model);
            settings.training.labelled_pairs = 0;
            settings.training.labels.clear();
        }
        control.checkpoint("estimating m", 1, Some(1))?;
    }
    let possible = match settings.link_type {
        LinkType::LinkOnly => {
            let a = records.dataset.iter().filter(|&&d| d == 0).count() as f64;
            a * (n as f64 - a)
        }
        _ => n as f64 * (n as f64 - 1.0) / 2.0,
    };
    // Incremental runs keep the prior of the model they extend (their candidates are only the
    // pairs involving new records).
    let candidate_share = if existing.is_none() {
        Some(model::estimate_lambda(&patterns, possible, &mut model))
    } else {
        None
    };
    model.write_to(&mut settings, candidate_share);
    control.checkpoint("scoring", 0, Some(total))?;
    let tf = TermFrequencies::new(&settings, &records);
    let weights = score(&candidates, &gammas, &model, &tf.compile(&model, &records));
    // Clustering needs every pair's probability; the output keeps only the pairs above
    // `retain_match_probability`, so full `Pair`s are built for those alone (a `Pair` per
    // candidate was 150 MB of fresh memory at a million records).
    let scored: Vec<Scored> = candidates
        .par_iter()
        .zip(weights.par_iter())
        .map(|(&(i, j, _), &w)| Scored {
            i,
            j,
            p: probability(w),
        })
        .collect();
    let retain = settings.retain_match_probability;
    // Indices first, then pairs written in place (a filtered parallel collect of `Pair`s
    // copies every piece once more when appending).
    let keep: Vec<usize> = (0..candidates.len())
        .into_par_iter()
        .filter(|&k| scored[k].p >= retain)
        .collect();
    let pairs: Vec<Pair> = keep
        .par_iter()
        .map(|&k| {
            let (i, j, rules) = candidates[k];
            Pair {
                i,
                j,
                rule: rules.trailing_zeros() as u8,
                gamma: gammas[k],
                weight: weights[k],
                probability: scored[k].p,
            }
        })
        .collect();
    drop(keep);
    drop(weights);
    drop(gammas);
    drop(candidates);
    control.checkpoint("scoring", total, Some(total))?;
    // The fitted model's expected precision and recall over the candidate pairs, at the
    // threshold it chooses (`auto_threshold`) or the one given.
    let probabilities: Vec<f64> = scored.iter().map(|s| s.p).collect();
    let c = &settings.clustering;
    // A run that does not fit the model (a trained model given, or an incremental run) keeps
    // the model's threshold: it was chosen where the model was fitted, and the candidate pairs
    // of one small batch are too few to choose it again (an incremental run's candidates are
    // only the pairs involving new records).
    let (lo, hi) = if c.auto_threshold && train {
        (c.auto_threshold_min, c.auto_threshold_max)
    } else {
        (c.threshold_match_probability, c.threshold_match_probability)
    };
    let (threshold, expected_precision, expected_recall) =
        expected_f1_threshold(&probabilities, lo, hi);
    drop(probabilities);
    settings.clustering.threshold_match_probability = threshold;
    let forbid: Forbid<'_> = settings
        .cannot_link
        .iter()
        .map(|r| {
            let cols = |names: &[String]| {
                names
                    .iter()
                    .map(|c| records.column(c))
                    .collect::<Result<Vec<_>>>()
            };
            Ok((cols(&r.different)?, cols(&r.same)?))
        })
        .collect::<Result<_>>()?;
    let forbid_fn = |i: usize, j: usize| forbidden(&forbid, i, j);
    // Existing persons: a group label per canonical record.
    let mut old_ids: Vec<Option<&str>> = vec![None; n];
    let frozen: Option<Vec<u32>> = existing.map(|e| {
        let mut groups: HashMap<&str, u32> = HashMap::new();
        records
            .input_row
            .iter()
            .enumerate()
            .map(|(i, &r)| match &e[r] {
                None => u32::MAX,
                Some(p) => {
                    old_ids[i] = Some(p.as_str());
                    let next = groups.len() as u32;
                    *groups.entry(p.as_str()).or_insert(next)
                }
            })
            .collect()
    });
    control.checkpoint("clustering", 0, Some(1))?;
    let cluster_of = cluster::cluster(
        n,
        &scored,
        &ClusterOptions {
            method: settings.clustering.method,
            threshold: settings.clustering.threshold_match_probability,
            min_density: settings.clustering.min_density,
            frozen: frozen.as_deref(),
            cannot_link: &forbid_fn,
            has_cannot_link: !forbid.is_empty(),
        },
    );
    drop(scored);
    control.checkpoint("clustering", 1, Some(1))?;
    // A cluster with existing records keeps their person id; a new one takes its first record id.
    let mut cluster_old: HashMap<u32, &str> = HashMap::new();
    for i in 0..n {
        if let Some(p) = old_ids[i] {
            cluster_old.entry(cluster_of[i]).or_insert(p);
        }
    }
    let person_id: Vec<String> = cluster_of
        .par_iter()
        .map(|&l| {
            cluster_old
                .get(&l)
                .map_or_else(|| records.id_text(l as usize), |p| (*p).to_owned())
        })
        .collect();
    let mut is_label = vec![false; n];
    for &l in &cluster_of {
        is_label[l as usize] = true;
    }
    let stats = Stats {
        n_records: n,
        n_without_identifier: (0..n).filter(|&i| !block.has_key(i)).count(),
        n_candidate_pairs: total as usize,
        n_patterns: patterns.len(),
        pairs_per_rule: block.names.iter().cloned().zip(counts).collect(),
        u_sample_pairs: u_pairs,
        em_iterations: model.em_iterations,
        em_converged: model.converged,
        trained: train,
        labelled_pairs: labelled.as_ref().map_or(0, |l| l.len() as u64),
        expected_precision,
        expected_recall,
        n_persons: is_label.iter().filter(|&&x| x).count(),
    };
    let rule_names = block.names.clone();
    drop(block);
    Ok(Linkage {
        settings,
        records,
        model,
        tf,
        pairs,
        person_id,
        stats,
        rule_names,
    })
}

/// Comparison vectors of labelled pairs, with their scores.
fn labelled_gammas(
    records: &Records,
    cmp: &Comparator<'_>,
    labels: &[Label],
) -> Result<Vec<(u64, f64)>> {
    let index = records.id_index();
    let out: Vec<(u64, f64)> = labels
        .iter()
        .enumerate()
        .map(|(k, l)| {
            let what = || format!("labels row {k} (0-based)");
            let find = |id: &str| {
                index.get(id).copied().ok_or_else(|| {
                    Error::invalid_argument(
                        what(),
                        "the ids of two linked records",
                        "an unknown id",
                    )
                })
            };
            let (i, j) = (find(&l.a)?, find(&l.b)?);
            if i == j {
                return Err(Error::invalid_argument(
                    what(),
                    "two different records",
                    "the same record twice",
                ));
            }
            if !(0.0..=1.0).contains(&l.score) {
                return Err(Error::invalid_argument(
                    what(),
                    "a match score between 0 and 1",
                    l.score,
                ));
            }
            Ok((cmp.gamma(i.min(j), i.max(j)), l.score))
        })
        .collect::<Result<_>>()?;
    if !out.iter().any(|&(_, s)| s > 0.0) {
        return Err(Error::invalid_argument(
            "labels",
            "at least one labelled match (match = 1)",
            "no match",
        ));
    }
    Ok(out)
}

/// Distinct (vector, rules) counts, in sorted order so EM sums do not depend on threads.
fn patterns(candidates: &[(u32, u32, u32)], gammas: &[u64]) -> Vec<Pattern> {
    // Integer counts: merging the per-chunk maps in any order gives the same totals.
    let agg: FxHashMap<(u64, u32), u64> = candidates
        .par_chunks(1 << 16)
        .zip(gammas.par_chunks(1 << 16))
        .map(|(cs, gs)| {
            let mut acc: FxHashMap<(u64, u32), u64> = FxHashMap::default();
            for (&(_, _, rules), &g) in cs.iter().zip(gs) {
                *acc.entry((g, rules)).or_insert(0) += 1;
            }
            acc
        })
        .reduce(FxHashMap::default, |mut a, b| {
            for (k, v) in b {
                *a.entry(k).or_insert(0) += v;
            }
            a
        });
    let mut sorted: Vec<((u64, u32), u64)> = agg.into_iter().collect();
    sorted.sort_unstable();
    sorted
        .into_iter()
        .map(|((gamma, rules), c)| Pattern {
            gamma,
            rules,
            count: c as f64,
        })
        .collect()
}

/// Per rule, which comparisons read one of the rule's columns (left out of its EM session).
fn rule_blocks_comparison(settings: &Settings) -> Vec<Vec<bool>> {
    settings
        .blocking_rules
        .iter()
        .map(|rule| {
            let cols: Vec<&str> = rule.keys.iter().map(settings::KeyPart::column).collect();
            settings
                .comparisons
                .iter()
                .map(|c| {
                    cols.contains(&c.column.as_str())
                        || c.levels.iter().any(|l| {
                            l.column.as_deref().is_some_and(|x| cols.contains(&x))
                                || l.other_column.as_deref().is_some_and(|x| cols.contains(&x))
                        })
                })
                .collect()
        })
        .collect()
}

/// Match weight of every candidate pair.
fn score(
    candidates: &[(u32, u32, u32)],
    gammas: &[u64],
    model: &Model,
    tf: &model::CompiledTf<'_>,
) -> Vec<f64> {
    let prior = model.prior_weight();
    let weights: Vec<Vec<f64>> = (0..model.m.len())
        .map(|c| (0..model.m[c].len()).map(|l| model.weight(c, l)).collect())
        .collect();
    candidates
        .par_iter()
        .zip(gammas.par_iter())
        .map(|(&(i, _, _), &gamma)| {
            let mut w = prior;
            for (c, wc) in weights.iter().enumerate() {
                let l = unpack(gamma, c);
                w += wc[l];
                for (level, ids, adjust) in &tf[c] {
                    let id = ids[i as usize];
                    if *level == l && id != data::NULL_ID {
                        w += adjust[id as usize];
                    }
                }
            }
            w
        })
        .collect()
}

/// Match probability from a match weight.
#[must_use]
pub fn probability(weight: f64) -> f64 {
    1.0 / (1.0 + (-weight).exp2())
}

fn level_label(settings: &Settings, c: usize, l: usize) -> String {
    let level = &settings.comparisons[c].levels[l];
    if let Some(label) = &level.label {
        return label.clone();
    }
    let name = serde_json::to_value(level.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    match level.kind {
        LevelType::JaroWinkler | LevelType::Jaro | LevelType::NameTokens => {
            format!("{name} >= {}", level.threshold.unwrap_or(1.0))
        }
        LevelType::Levenshtein | LevelType::DamerauLevenshtein | LevelType::AbsDiff => {
            format!("{name} <= {}", level.max.unwrap_or(0.0))
        }
        LevelType::Prefix => format!("first {} characters", level.length.unwrap_or(0)),
        _ => name,
    }
}

impl Linkage {
    /// Person id per input row (input order).
    #[must_use]
    pub fn person_ids_input_order(&self) -> Vec<Option<String>> {
        let mut canonical = vec![0usize; self.records.n];
        for (i, &r) in self.records.input_row.iter().enumerate() {
            canonical[r] = i;
        }
        canonical
            .par_iter()
            .map(|&i| Some(self.person_id[i].clone()))
            .collect()
    }

    /// The retained pairs as a table: record ids, weight, probability, rule, one gamma column
    /// per comparison. Pairs below `min_probability` are left out.
    ///
    /// # Errors
    /// Never in practice (the table is built from equal-length columns).
    pub fn pairs_table(&self, min_probability: f64) -> Result<Table> {
        let keep: Vec<&Pair> = self
            .pairs
            .iter()
            .filter(|p| p.probability >= min_probability)
            .collect();
        let li: Vec<usize> = keep.iter().map(|p| p.i as usize).collect();
        let ri: Vec<usize> = keep.iter().map(|p| p.j as usize).collect();
        let id = &self.settings.unique_id_column;
        let mut cols = vec![
            Column::new(format!("{id}_l"), self.records.ids.data.take(&li)),
            Column::new(format!("{id}_r"), self.records.ids.data.take(&ri)),
            Column::new(
                "match_weight",
                ColumnData::Float(keep.iter().map(|p| Some(p.weight)).collect()),
            ),
            Column::new(
                "match_probability",
                ColumnData::Float(keep.iter().map(|p| Some(p.probability)).collect()),
            ),
            Column::text(
                "blocking_rule",
                keep.iter()
                    .map(|p| Some(self.rule_names[p.rule as usize].clone()))
                    .collect(),
            ),
        ];
        for (c, cmp) in self.settings.comparisons.iter().enumerate() {
            cols.push(Column::new(
                format!("gamma_{}", cmp.name),
                ColumnData::Int(
                    keep.iter()
                        .map(|p| Some(unpack(p.gamma, c) as i64))
                        .collect(),
                ),
            ));
        }
        Table::new(cols)
    }

    /// The score of records `a` and `b` (by id text), term by term: the prior, then one row per
    /// comparison (values, level, m, u, Bayes factor, log2 weight, term-frequency adjustment),
    /// then the total. The weights add up to the pair's match weight.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when an id is unknown.
    pub fn explain(&self, a: &str, b: &str) -> Result<Table> {
        let find = |x: &str| {
            self.records.find(x).ok_or_else(|| {
                Error::invalid_argument("record id", "the id of a linked record", "an unknown id")
            })
        };
        let (i, j) = (find(a)?, find(b)?);
        let (i, j) = (i.min(j), i.max(j));
        let cmp = Comparator::new(&self.records, &self.settings.comparisons)?;
        let mut names = vec![Some("prior".to_owned())];
        let mut levels = vec![Some("probability two random records match".to_owned())];
        let mut left: Vec<Option<String>> = vec![None];
        let mut right: Vec<Option<String>> = vec![None];
        let mut m = vec![None];
        let mut u = vec![None];
        let mut bf = vec![Some(self.model.lambda / (1.0 - self.model.lambda))];
        let mut tfs = vec![None];
        let mut w = vec![Some(self.model.prior_weight())];
        let mut total = self.model.prior_weight();
        for (c, comp) in self.settings.comparisons.iter().enumerate() {
            let l = cmp.level(c, i, j) as usize;
            let col = self.records.column(&comp.column)?;
            let mut weight = self.model.weight(c, l);
            let adj = self
                .tf
                .adjustment(&self.model, &self.records, c, l, i)
                .map(|x| x.0);
            weight += adj.unwrap_or(0.0);
            total += weight;
            names.push(Some(comp.name.clone()));
            levels.push(Some(level_label(&self.settings, c, l)));
            left.push(col.display(i));
            right.push(col.display(j));
            let null = self.model.null[c][l];
            m.push((!null).then(|| self.model.m[c][l]));
            u.push((!null).then(|| self.model.u[c][l]));
            bf.push(Some(weight.exp2()));
            tfs.push(adj);
            w.push(Some(weight));
        }
        names.push(Some("total".into()));
        levels.push(Some(format!("match probability {:.4}", probability(total))));
        left.push(None);
        right.push(None);
        m.push(None);
        u.push(None);
        bf.push(Some(total.exp2()));
        tfs.push(None);
        w.push(Some(total));
        Table::new(vec![
            Column::text("comparison", names),
            Column::text("level", levels),
            Column::text("value_l", left),
            Column::text("value_r", right),
            Column::new("m_probability", ColumnData::Float(m)),
            Column::new("u_probability", ColumnData::Float(u)),
            Column::new("bayes_factor", ColumnData::Float(bf)),
            Column::new("tf_adjustment", ColumnData::Float(tfs)),
            Column::new("match_weight", ColumnData::Float(w)),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::settings::default_victim_settings;
    use super::*;
    use crate::control::NoControl;

    type Row<'a> = (&'a str, &'a str, &'a str, &'a str, Option<&'a str>, &'a str);

    fn victims(rows: &[Row<'_>]) -> Table {
        let col = |f: &dyn Fn(&Row<'_>) -> Option<String>| -> Vec<Option<String>> {
            rows.iter().map(f).collect()
        };
        let key = |s: &str| Some(s.replace(' ', "").chars().take(6).collect::<String>());
        Table::new(vec![
            Column::text("record_id", col(&|r| Some(r.0.into()))),
            Column::text("source", col(&|r| Some(r.5.into()))),
            Column::text("name", col(&|r| Some(r.1.into()))),
            Column::text("name_key", col(&|r| key(r.1))),
            Column::text("father_name", col(&|r| Some(r.2.into()))),
            Column::text("father_name_key", col(&|r| key(r.2))),
            Column::text("sex", col(&|r| Some(r.3.into()))),
            Column::new("age", ColumnData::Int(vec![Some(20); rows.len()])),
            Column::new("date_of_birth", ColumnData::Date(vec![None; rows.len()])),
            Column::text("cnic", col(&|r| r.4.map(str::to_owned))),
            Column::text("phone", vec![None; rows.len()]),
            Column::text("district", vec![Some("Lahore".into()); rows.len()]),
            Column::text("province", vec![Some("Punjab".into()); rows.len()]),
            Column::text("case_key", vec![None; rows.len()]),
            Column::text("source_cell", vec![None; rows.len()]),
            Column::new("victim_index", ColumnData::Int(vec![None; rows.len()])),
        ])
        .unwrap()
    }

    /// `victims` with the cell each record was read from and its place in that cell.
    fn with_cells(t: Table, cells: &[(Option<&str>, Option<i64>)]) -> Table {
        let mut cols: Vec<Column> = t
            .columns
            .into_iter()
            .filter(|c| c.name != "source_cell" && c.name != "victim_index")
            .collect();
        cols.push(Column::text(
            "source_cell",
            cells.iter().map(|c| c.0.map(str::to_owned)).collect(),
        ));
        cols.push(Column::new(
            "victim_index",
            ColumnData::Int(cells.iter().map(|c| c.1).collect()),
        ));
        Table::new(cols).unwrap()
    }

    #[test]
    fn expected_f1_threshold_known_answers() {
        // Four pairs: expected matches 0.99 + 0.9 + 0.6 + 0.1 = 2.59.
        let p = [0.1, 0.9, 0.99, 0.6];
        let (t, prec, rec) = expected_f1_threshold(&p, 0.01, 0.999);
        // Keeping three: precision 2.49 / 3 = 0.83, recall 2.49 / 2.59 = 0.961, F1 0.891
        // (two: 0.945, 0.730, F1 0.824; four: 0.6475, 1, F1 0.786). The threshold lies
        // half-way in log-odds between 0.6 (kept) and 0.1 (dropped): odds sqrt(1.5 / 9).
        let odds = (1.5f64 / 9.0).sqrt();
        assert!((t - odds / (1.0 + odds)).abs() < 1e-12, "{t}");
        assert!((prec - 2.49 / 3.0).abs() < 1e-12);
        assert!((rec - 2.49 / 2.59).abs() < 1e-12);
        // Clamped into the allowed range; precision and recall follow the clamped value.
        let (t, prec, rec) = expected_f1_threshold(&p, 0.95, 0.99);
        assert!((t - 0.95).abs() < 1e-12);
        assert!((prec - 0.99).abs() < 1e-12);
        assert!((rec - 0.99 / 2.59).abs() < 1e-12);
        // Order and thread count do not matter.
        let mut q = p;
        q.reverse();
        assert_eq!(
            expected_f1_threshold(&p, 0.01, 0.999),
            expected_f1_threshold(&q, 0.01, 0.999)
        );
        assert_eq!(expected_f1_threshold(&[], 0.5, 0.9).0, 0.9);
        // Nothing dropped: the lowest allowed threshold, not the one pair's own probability
        // (a later run with the model must keep a pair at 0.97).
        let (t, prec, rec) = expected_f1_threshold(&[0.999_98], 0.7, 0.99);
        assert!((t - 0.7).abs() < 1e-12, "{t}");
        assert!((prec - 0.999_98).abs() < 1e-12 && (rec - 1.0).abs() < 1e-12);
    }

    #[test]
    fn persons_of_one_cell_never_link() {
        // r1 and r2: two persons named in one cell (same file/sheet/row, victim 1 and 2), with
        // identical details; r3 is a copy of r1 read again (same cell, same victim index).
        let row = |id| (id, "ali raza", "ghulam nabi", "male", None, "FIA Lahore");
        let t = with_cells(
            victims(&[row("r1"), row("r2"), row("r3")]),
            &[
                (Some("f|s|7"), Some(1)),
                (Some("f|s|7"), Some(2)),
                (Some("f|s|7"), Some(1)),
            ],
        );
        let mut settings = default_victim_settings();
        model::Model::from_settings(&settings).write_to(&mut settings, None);
        let link = run(&t, &[0; 3], settings.clone(), None, &NoControl).unwrap();
        assert_ne!(link.person_id[0], link.person_id[1]);
        assert_eq!(link.person_id[0], link.person_id[2]);
        // Without the cell columns' evidence (unknown cells) the same records link.
        let t = victims(&[row("r1"), row("r2"), row("r3")]);
        let link = run(&t, &[0; 3], settings, None, &NoControl).unwrap();
        assert_eq!(link.person_id[0], link.person_id[1]);
    }

    #[test]
    fn small_run_end_to_end() {
        let t = victims(&[
            (
                "r1",
                "ali raza",
                "ghulam nabi",
                "male",
                Some("3520112345671"),
                "FIA Lahore",
            ),
            (
                "r2",
                "ali raza",
                "ghulam nabi",
                "male",
                Some("3520112345671"),
                "Police",
            ),
            (
                "r3",
                "bibi fatima",
                "allah ditta",
                "female",
                None,
                "Shelter",
            ),
            (
                "r4",
                "bibi fatma",
                "allah ditta",
                "female",
                None,
                "FIA Lahore",
            ),
            (
                "r5",
                "zahid",
                "umar",
                "male",
                Some("3520199999991"),
                "Police",
            ),
        ]);
        // Five records are too few to estimate m and u: start from a given model.
        let mut settings = default_victim_settings();
        model::Model::from_settings(&settings).write_to(&mut settings, None);
        settings.clustering.threshold_match_probability = 0.9;
        settings.clustering.auto_threshold = false;
        // The untrained `source` comparison's starting values weigh two units against a
        // pair; this test is about the identifying comparisons.
        settings.comparisons.retain(|c| c.name != "source");
        let link = run(&t, &[0; 5], settings.clone(), None, &NoControl).unwrap();
        assert_eq!(link.person_id[0], link.person_id[1]);
        assert_eq!(link.person_id[2], link.person_id[3]);
        assert_ne!(link.person_id[0], link.person_id[4]);
        assert!(!link.stats.trained);
        // Training on them still runs end to end.
        assert!(
            run(&t, &[0; 5], default_victim_settings(), None, &NoControl)
                .unwrap()
                .stats
                .trained
        );
        let e = link.explain("r1", "r2").unwrap();
        let ColumnData::Float(w) = &e.column("match_weight").unwrap().data else {
            panic!()
        };
        let parts: f64 = w[..w.len() - 1].iter().flatten().sum();
        assert!((parts - w[w.len() - 1].unwrap()).abs() < 1e-9);
        // Row order does not change person ids.
        let rev: Vec<usize> = (0..5).rev().collect();
        let again = run(&t.take(&rev), &[0; 5], settings, None, &NoControl).unwrap();
        assert_eq!(link.person_id, again.person_id);
    }

    #[test]
    fn labels_train_m_and_bad_labels_are_refused() {
        let t = victims(&[
            (
                "r1",
                "ali raza",
                "ghulam nabi",
                "male",
                Some("3520112345671"),
                "A",
            ),
            (
                "r2",
                "ali raza",
                "ghulam nabi",
                "male",
                Some("3520112345671"),
                "B",
            ),
            ("r3", "bibi fatima", "allah ditta", "female", None, "A"),
            ("r4", "bibi fatma", "allah ditta", "female", None, "C"),
            ("r5", "zahid", "umar", "male", Some("3520199999991"), "B"),
        ]);
        let label = |a: &str, b: &str, score: f64| Label {
            a: a.into(),
            b: b.into(),
            score,
        };
        let labels = [
            label("r1", "r2", 1.0),
            label("r4", "r3", 1.0),
            label("r1", "r5", 0.0),
        ];
        let settings = default_victim_settings();
        let link = run_with_labels(
            &t,
            &[0; 5],
            settings.clone(),
            None,
            Some(&labels),
            &NoControl,
        )
        .unwrap();
        assert_eq!(link.stats.labelled_pairs, 3);
        assert_eq!(link.settings.training.labelled_pairs, 3);
        // Name: one labelled match exact, one at "same phonetic key" (level 2).
        let m = &link.model.m[0];
        assert!(
            (m[1] - 0.5).abs() < 1e-9 && (m[2] - 0.5).abs() < 1e-9,
            "{m:?}"
        );
        // The fitted model round-trips through JSON and gives the same persons.
        let saved = Settings::from_json(&link.settings.to_json().unwrap()).unwrap();
        assert_eq!(saved.training.labelled_pairs, 3);
        let again = run(&t, &[0; 5], saved, None, &NoControl).unwrap();
        assert!(!again.stats.trained);
        assert_eq!(again.person_id, link.person_id);
        for (bad, what) in [
            (vec![label("r1", "nobody", 1.0)], "unknown id"),
            (vec![label("r1", "r1", 1.0)], "same record twice"),
            (vec![label("r1", "r2", 2.0)], "between 0 and 1"),
            (vec![label("r1", "r2", 0.0)], "at least one labelled match"),
        ] {
            let e = run_with_labels(&t, &[0; 5], settings.clone(), None, Some(&bad), &NoControl)
                .unwrap_err()
                .to_string();
            assert!(e.contains(what), "{e}");
        }
    }

    #[test]
    fn empty_and_single_row() {
        let t = victims(&[]);
        let link = run(&t, &[], default_victim_settings(), None, &NoControl).unwrap();
        assert_eq!(link.stats.n_persons, 0);
        let t = victims(&[("r1", "ali", "umar", "male", None, "x")]);
        let link = run(&t, &[0], default_victim_settings(), None, &NoControl).unwrap();
        assert_eq!(link.person_id, vec!["r1".to_owned()]);
    }
}
