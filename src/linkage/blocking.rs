//! Blocking: which record pairs are compared at all.
//!
//! Each rule is a tuple of key parts (columns, optionally transformed). A record's key for a
//! rule is computed once from the dictionary ids (text transforms run once per distinct value,
//! not once per row), hashed to a `u64`, and records are grouped by sorting on it. The union of
//! the rules is taken the way splink does it: a pair produced by rule `k` is skipped when an
//! earlier rule also produces it, so each pair is generated once and no global hash set is
//! needed. [`count_pairs`] gives each rule's size before anything runs, and a rule above the
//! configured limit is refused with its name and size.

use std::collections::HashMap;

use rayon::prelude::*;

use super::data::{Encoded, Records, NULL_ID};
use super::settings::{BlockingRule, KeyPart, LinkType, Transform};
use crate::control::Control;
use crate::error::{Error, Result};

/// Marker for "no key" (a key part was missing).
pub const NULL_KEY: u64 = u64::MAX;

fn mix(h: u64, x: u64) -> u64 {
    // splitmix64 finaliser over a running combination: deterministic across runs and platforms.
    let mut z = h ^ x
        .wrapping_add(0x9e37_79b9_7f4a_7c15)
        .wrapping_add(h << 6)
        .wrapping_add(h >> 2);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn transform_text(s: &str, t: Transform) -> Option<String> {
    let out = match t {
        Transform::None => s.to_owned(),
        Transform::Prefix(n) => s.chars().take(n).collect(),
        Transform::FirstToken => s.split_whitespace().next()?.to_owned(),
        Transform::LastToken => s.split_whitespace().last()?.to_owned(),
        Transform::SortedTokens => {
            let mut v: Vec<&str> = s.split_whitespace().collect();
            v.sort_unstable();
            v.join(" ")
        }
        Transform::Year | Transform::Band(_) => return None,
    };
    (!out.is_empty()).then_some(out)
}

fn year_of_days(days: f64) -> i64 {
    // Days since 1970-01-01 → proleptic Gregorian year (Howard Hinnant's civil_from_days).
    let z = days.floor() as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    yoe + era * 400 + i64::from(month <= 2)
}

/// One key part per record as a `u64` ([`NULL_KEY`] when missing).
fn part_keys(records: &Records, part: &KeyPart, path: &str) -> Result<Vec<u64>> {
    let (column, transform) = match part {
        KeyPart::Column(c) => (c.as_str(), Transform::None),
        KeyPart::Transformed { column, transform } => {
            (column.as_str(), Transform::parse(Some(transform), path)?)
        }
    };
    let enc = records.column(column)?;
    Ok(match enc {
        Encoded::Text { ids, values, .. } => {
            if matches!(transform, Transform::Year | Transform::Band(_)) {
                return Err(Error::Schema {
                    column: column.into(),
                    expected: "a number or date for transform year/band".into(),
                    found: "text".into(),
                });
            }
            let mapped: Vec<u64> = if transform == Transform::None {
                (0..values.len() as u64).collect()
            } else {
                let mut interned: HashMap<String, u64> = HashMap::new();
                values
                    .iter()
                    .map(|v| match transform_text(v, transform) {
                        None => NULL_KEY,
                        Some(t) => {
                            let next = interned.len() as u64;
                            *interned.entry(t).or_insert(next)
                        }
                    })
                    .collect()
            };
            ids.iter()
                .map(|&id| {
                    if id == NULL_ID {
                        NULL_KEY
                    } else {
                        mapped[id as usize]
                    }
                })
                .collect()
        }
        Encoded::Number(v) => {
            if matches!(
                transform,
                Transform::Prefix(_)
                    | Transform::FirstToken
                    | Transform::LastToken
                    | Transform::SortedTokens
            ) {
                return Err(Error::Schema {
                    column: column.into(),
                    expected: "text for a text transform".into(),
                    found: "a number or date".into(),
                });
            }
            v.iter()
                .map(|x| match x {
                    None => NULL_KEY,
                    Some(x) => match transform {
                        Transform::Year => year_of_days(*x) as u64,
                        Transform::Band(n) => (x.floor() as i64).div_euclid(n) as u64,
                        _ => x.to_bits(),
                    },
                })
                .collect()
        }
    })
}

/// Records of one rule grouped by key.
#[derive(Debug, Clone, Default)]
pub struct Groups {
    /// Records with a key, sorted by (key, record).
    pub idx: Vec<u32>,
    /// `(start, end)` in `idx` of each group of two or more records.
    pub bounds: Vec<(usize, usize)>,
}

/// Keys of every record for every rule.
#[derive(Debug, Clone)]
pub struct Blocking {
    /// `keys[rule][record]`.
    pub keys: Vec<Vec<u64>>,
    /// Rule display names.
    pub names: Vec<String>,
    /// Records grouped by each rule's key (computed once, used for counts and pairs).
    pub groups: Vec<Groups>,
    /// The same keys record-major (`rows[i * rules + r]`), so the rules a pair agrees on are
    /// read from one cache line per record.
    rows: Vec<u64>,
}

impl Blocking {
    /// Computes the keys of all rules and groups records by them.
    ///
    /// # Errors
    /// Missing or mistyped columns.
    pub fn new(records: &Records, rules: &[BlockingRule]) -> Result<Self> {
        let mut keys = Vec::with_capacity(rules.len());
        for (r, rule) in rules.iter().enumerate() {
            let mut acc = vec![0x5eed_u64; records.n];
            for (k, part) in rule.keys.iter().enumerate() {
                let p = part_keys(records, part, &format!("$.blocking_rules[{r}].keys[{k}]"))?;
                acc.par_iter_mut().zip(p.par_iter()).for_each(|(a, &x)| {
                    *a = if *a == NULL_KEY || x == NULL_KEY {
                        NULL_KEY
                    } else {
                        mix(*a, x)
                    };
                });
            }
            // A real hash equal to the marker is astronomically unlikely; keep it a non-key.
            keys.push(acc);
        }
        let groups = keys.par_iter().map(|k| groups(k)).collect();
        let nr = keys.len();
        let mut rows = vec![NULL_KEY; records.n * nr];
        for (r, k) in keys.iter().enumerate() {
            for (i, &x) in k.iter().enumerate() {
                rows[i * nr + r] = x;
            }
        }
        Ok(Self {
            keys,
            names: rules.iter().map(BlockingRule::display_name).collect(),
            groups,
            rows,
        })
    }

    /// Whether record `i` has at least one usable key.
    #[must_use]
    pub fn has_key(&self, i: usize) -> bool {
        self.keys.iter().any(|k| k[i] != NULL_KEY)
    }

    /// Bit `r` set when records `i` and `j` agree on the key of rule `r`.
    #[must_use]
    pub fn agreeing_rules(&self, i: usize, j: usize) -> u32 {
        let nr = self.keys.len();
        let (a, b) = (
            &self.rows[i * nr..(i + 1) * nr],
            &self.rows[j * nr..(j + 1) * nr],
        );
        let mut m = 0u32;
        for r in 0..nr {
            if a[r] != NULL_KEY && a[r] == b[r] {
                m |= 1 << r;
            }
        }
        m
    }
}

/// Records grouped by `keys`: sorting (key, record) pairs keeps memory access sequential.
fn groups(keys: &[u64]) -> Groups {
    let mut kv: Vec<(u64, u32)> = keys
        .iter()
        .enumerate()
        .filter(|(_, &k)| k != NULL_KEY)
        .map(|(i, &k)| (k, i as u32))
        .collect();
    kv.par_sort_unstable();
    let mut bounds = Vec::new();
    let mut s = 0;
    for e in 1..=kv.len() {
        if e == kv.len() || kv[e].0 != kv[s].0 {
            if e - s > 1 {
                bounds.push((s, e));
            }
            s = e;
        }
    }
    Groups {
        idx: kv.into_iter().map(|(_, i)| i).collect(),
        bounds,
    }
}

fn allowed(link_type: LinkType, da: u8, db: u8) -> bool {
    match link_type {
        LinkType::DedupeOnly => true,
        LinkType::LinkOnly => da != db,
        LinkType::LinkAndDedupe => true,
    }
}

/// Pairs each rule would produce on its own (before removing pairs of earlier rules).
#[must_use]
pub fn count_pairs(records: &Records, blocking: &Blocking, link_type: LinkType) -> Vec<u64> {
    (0..blocking.keys.len())
        .map(|r| {
            let Groups { idx, bounds } = &blocking.groups[r];
            bounds
                .iter()
                .map(|&(s, e)| {
                    let n = (e - s) as u64;
                    if link_type == LinkType::LinkOnly {
                        let n0 = idx[s..e]
                            .iter()
                            .filter(|&&i| records.dataset[i as usize] == 0)
                            .count() as u64;
                        n0 * (n - n0)
                    } else {
                        n * (n - 1) / 2
                    }
                })
                .sum()
        })
        .collect()
}

/// Candidate pairs `(i, j, rules)` with `i < j` in canonical order, each pair once; `rules`
/// has bit `r` set for every rule whose key the two records share (the lowest set bit is
/// the rule that produced the pair).
///
/// `skip_both_old`: in incremental linking, pairs of two already-linked records are skipped.
///
/// # Errors
/// [`Error::InvalidArgument`] when a rule exceeds `max_pairs_per_rule` (naming the rule and its
/// size); [`Error::Interrupted`].
pub fn candidate_pairs(
    records: &Records,
    blocking: &Blocking,
    link_type: LinkType,
    max_pairs_per_rule: u64,
    old: Option<&[bool]>,
    control: &dyn Control,
) -> Result<Vec<(u32, u32, u32)>> {
    let counts = count_pairs(records, blocking, link_type);
    for (r, &c) in counts.iter().enumerate() {
        if c > max_pairs_per_rule {
            return Err(Error::invalid_argument(
                format!("blocking rule '{}'", blocking.names[r]),
                format!("at most {max_pairs_per_rule} pairs (max_pairs_per_rule); make the rule stricter"),
                format!("{c} pairs"),
            ));
        }
    }
    let total: u64 = counts.iter().sum();
    let mut out: Vec<(u32, u32, u32)> = Vec::with_capacity(total.min(1 << 28) as usize);
    let mut done = 0u64;
    control.checkpoint("blocking", 0, Some(total))?;
    for r in 0..blocking.keys.len() {
        let Groups { idx, bounds } = &blocking.groups[r];
        // Chunks of groups of bounded total size, so checkpoints come regularly.
        let mut start = 0;
        while start < bounds.len() {
            let mut end = start;
            let mut size = 0u64;
            while end < bounds.len() && (size < 2_000_000 || end == start) {
                let n = (bounds[end].1 - bounds[end].0) as u64;
                size += n * (n - 1) / 2;
                end += 1;
            }
            let earlier = (1u32 << r) - 1;
            let parts: Vec<Vec<(u32, u32, u32)>> = bounds[start..end]
                .par_chunks(64)
                .map(|gs| {
                    let mut v = Vec::new();
                    for &(s, e) in gs {
                        // Sorted by (key, record): members are in canonical order already.
                        let members = &idx[s..e];
                        for a in 0..members.len() {
                            let i = members[a] as usize;
                            for &j in &members[a + 1..] {
                                let j = j as usize;
                                if !allowed(link_type, records.dataset[i], records.dataset[j]) {
                                    continue;
                                }
                                if old.is_some_and(|o| o[i] && o[j]) {
                                    continue;
                                }
                                let rules = blocking.agreeing_rules(i, j);
                                if rules & earlier == 0 {
                                    v.push((i as u32, j as u32, rules));
                                }
                            }
                        }
                    }
                    v
                })
                .collect();
            for p in parts {
                out.extend(p);
            }
            done += size;
            control.checkpoint("blocking", done, Some(total))?;
            start = end;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::control::NoControl;
    use crate::table::{Column, Table};

    fn s(v: &[Option<&str>]) -> Vec<Option<String>> {
        v.iter().map(|x| x.map(str::to_owned)).collect()
    }

    fn records() -> Records {
        let t = Table::new(vec![
            Column::text(
                "record_id",
                s(&[Some("1"), Some("2"), Some("3"), Some("4")]),
            ),
            Column::text("cnic", s(&[Some("111"), Some("111"), Some("222"), None])),
            Column::text(
                "name",
                s(&[
                    Some("ali raza"),
                    Some("ali khan"),
                    Some("ali raza"),
                    Some("bibi"),
                ]),
            ),
        ])
        .unwrap();
        Records::encode(
            &t,
            &[0, 0, 0, 0],
            "record_id",
            &["cnic".into(), "name".into()],
        )
        .unwrap()
    }

    fn rule(keys: Vec<KeyPart>) -> BlockingRule {
        BlockingRule { name: None, keys }
    }

    #[test]
    fn union_counts_each_pair_once() {
        let r = records();
        let rules = vec![
            rule(vec![KeyPart::Column("cnic".into())]),
            rule(vec![KeyPart::Transformed {
                column: "name".into(),
                transform: "first_token".into(),
            }]),
        ];
        let b = Blocking::new(&r, &rules).unwrap();
        assert_eq!(count_pairs(&r, &b, LinkType::DedupeOnly), vec![1, 3]);
        let pairs = candidate_pairs(&r, &b, LinkType::DedupeOnly, 100, None, &NoControl).unwrap();
        let mut p: Vec<(u32, u32)> = pairs.iter().map(|&(i, j, _)| (i, j)).collect();
        p.sort_unstable();
        assert_eq!(p, vec![(0, 1), (0, 2), (1, 2)]);
        assert_eq!(b.keys[0][3], NULL_KEY);
        assert!(b.has_key(3));
    }

    #[test]
    fn exploding_rule_is_refused_with_name_and_size() {
        let r = records();
        let rules = vec![rule(vec![KeyPart::Transformed {
            column: "name".into(),
            transform: "prefix:1".into(),
        }])];
        let b = Blocking::new(&r, &rules).unwrap();
        let e = candidate_pairs(&r, &b, LinkType::DedupeOnly, 2, None, &NoControl)
            .unwrap_err()
            .to_string();
        assert!(e.contains("prefix:1(name)") && e.contains("3 pairs"), "{e}");
    }

    #[test]
    fn years_from_days() {
        assert_eq!(year_of_days(0.0), 1970);
        assert_eq!(year_of_days(-1.0), 1969);
        assert_eq!(year_of_days(19_723.0), 2024); // 2024-01-01
        assert_eq!(year_of_days(19_722.0), 2023);
    }
}
