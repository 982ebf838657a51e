//! Comparisons: a record pair → one level index (gamma) per comparison.
//!
//! Levels are tried in order and the first that applies wins, exactly as in splink's
//! comparison levels. Gammas of all comparisons are packed four bits each into one `u64`
//! (at most 16 comparisons of at most 16 levels), so a comparison vector is one integer and EM
//! can run on counts of distinct vectors instead of on every pair.
//!
//! A comparison's level depends only on the values of the columns it reads. For comparisons on
//! text, each record gets a *profile* (the dictionary id of its value, or of the tuple of
//! values when levels read several columns, e.g. a name and its phonetic key), and levels of
//! candidate pairs are memoized per profile pair: blocking puts records with shared values
//! together, so the same pair of spellings is compared many times. All level kinds are
//! symmetric, so the memo key is the unordered profile pair.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::data::{Encoded, Records, NULL_ID};
use super::settings::{Comparison, LevelType};
use super::similarity;
use crate::error::{Error, Result};

/// A level bound to encoded columns.
#[derive(Debug, Clone)]
struct CompiledLevel<'a> {
    kind: LevelType,
    col: &'a Encoded,
    other: Option<&'a Encoded>,
    threshold: f64,
    max: f64,
    length: usize,
}

/// How the level of a comparison is found from two profile ids.
#[derive(Debug)]
enum Lookup {
    /// Levels are only null / exact on the one column / else: compare the ids.
    Exact {
        null_id: u32,
        null: u8,
        exact: u8,
        other: u8,
    },
    /// Few profiles: every level precomputed, `table[a * k + b]`.
    Dense { k: usize, table: Vec<u8> },
    /// One number column whose levels only compare the two numbers (null, exact, `abs_diff`,
    /// else): computed from the two profiles' values, which is cheaper than a memo lookup.
    Numeric {
        values: Vec<Option<f64>>,
        levels: Vec<(LevelType, f64)>,
    },
    /// Many profiles, and levels that are cheap to evaluate (no edit distance or string
    /// similarity): computed for each pair. Profile pairs of near-unique values (CNICs)
    /// seldom repeat, so a memo would only grow, costing more than the comparison.
    Direct,
    /// Many profiles: memoized. `null[p]`: profile `p` is missing on the column of a first
    /// `null` level (then that level, 0, applies whatever the other record is); `same[p]`:
    /// the level of two records with profile `p`.
    Memo { null: Vec<bool>, same: Vec<u8> },
}

/// Comparisons bound to encoded records.
#[derive(Debug)]
pub struct Comparator<'a> {
    levels: Vec<Vec<CompiledLevel<'a>>>,
    /// Profile ids, record-major (`rows[i * ncmp + c]`): one cache line per record.
    rows: Vec<u32>,
    /// A record with each profile, per comparison (to evaluate a level for two profiles).
    reps: Vec<Vec<u32>>,
    lookup: Vec<Lookup>,
}

/// Levels by unordered profile pair (`a << 32 | b`, `a <= b`).
type Memo = FxHashMap<u64, u8>;

/// Profiles with at most this many distinct values get a dense level table.
const DENSE: usize = 512;

/// Profile ids of the records over `cols` (dense, in first-seen canonical order; a missing
/// value is a value of its own) and a representative record per id.
fn profiles(cols: &[&Encoded], n: usize) -> (Vec<u32>, Vec<u32>) {
    let value = |c: &Encoded, r: usize| -> u64 {
        match c {
            Encoded::Text { ids, .. } => u64::from(ids[r]),
            // Non-finite numbers are stored as missing, so these bits never collide.
            Encoded::Number(v) => v[r].map_or(u64::MAX, f64::to_bits),
        }
    };
    let mut reps: Vec<u32> = Vec::new();
    let mut out = Vec::with_capacity(n);
    if let [Encoded::Text { ids, values, .. }] = cols {
        // One text column: the dictionary ids, with missing as the last id.
        let null = values.len() as u32;
        reps = vec![u32::MAX; values.len() + 1];
        for (r, &id) in ids.iter().enumerate() {
            let p = if id == NULL_ID { null } else { id };
            if reps[p as usize] == u32::MAX {
                reps[p as usize] = r as u32;
            }
            out.push(p);
        }
        return (out, reps);
    }
    // Tuples are numbered one column at a time: (id of the tuple so far, next value) → id.
    // Integer keys instead of a `Vec` per row (allocating a key per record was a tenth of the
    // comparing stage at a million records). Only the last pass assigns the final ids, in
    // first-seen canonical order, so equal tuples get equal ids and the order is as before.
    let Some((last, first)) = cols.split_last() else {
        return (vec![0; n], if n > 0 { vec![0] } else { Vec::new() });
    };
    let mut prefix: Vec<u32> = vec![0; n];
    for c in first {
        let mut map: FxHashMap<(u32, u64), u32> = FxHashMap::default();
        for (r, p) in prefix.iter_mut().enumerate() {
            let next = map.len() as u32;
            *p = *map.entry((*p, value(c, r))).or_insert(next);
        }
    }
    let mut map: FxHashMap<(u32, u64), u32> = FxHashMap::default();
    for (r, &p) in prefix.iter().enumerate() {
        let id = *map.entry((p, value(last, r))).or_insert_with(|| {
            reps.push(r as u32);
            (reps.len() - 1) as u32
        });
        out.push(id);
    }
    (out, reps)
}

fn text(e: &Encoded) -> Option<(&[u32], &[String])> {
    match e {
        Encoded::Text { ids, values, .. } => Some((ids, values)),
        Encoded::Number(_) => None,
    }
}

impl<'a> Comparator<'a> {
    /// Binds `comparisons` to `records`, checking column types.
    ///
    /// # Errors
    /// [`Error::ColumnNotFound`] or [`Error::Schema`] naming the column.
    pub fn new(records: &'a Records, comparisons: &[Comparison]) -> Result<Self> {
        let mut levels = Vec::new();
        for c in comparisons {
            let mut v = Vec::new();
            for l in &c.levels {
                let name = l.column.as_deref().unwrap_or(&c.column);
                let col = records.column(name)?;
                let other = match &l.other_column {
                    Some(o) => Some(records.column(o)?),
                    None => None,
                };
                let needs_text = matches!(
                    l.kind,
                    LevelType::JaroWinkler
                        | LevelType::Jaro
                        | LevelType::Levenshtein
                        | LevelType::DamerauLevenshtein
                        | LevelType::NameTokens
                        | LevelType::OneEdit
                        | LevelType::Prefix
                );
                if needs_text && text(col).is_none() {
                    return Err(Error::Schema {
                        column: name.into(),
                        expected: format!("text for comparison '{}' level {:?}", c.name, l.kind),
                        found: "a number or date".into(),
                    });
                }
                if l.kind == LevelType::AbsDiff && text(col).is_some() {
                    return Err(Error::Schema {
                        column: name.into(),
                        expected: format!(
                            "a number or date for comparison '{}' level abs_diff",
                            c.name
                        ),
                        found: "text".into(),
                    });
                }
                v.push(CompiledLevel {
                    kind: l.kind,
                    col,
                    other,
                    threshold: l.threshold.unwrap_or(1.0),
                    max: l.max.unwrap_or(0.0),
                    length: l.length.unwrap_or(0),
                });
            }
            levels.push(v);
        }
        let n = records.n;
        let ncmp = levels.len();
        let built: Vec<(Vec<u32>, Vec<u32>, Lookup)> = levels
            .par_iter()
            .map(|v: &Vec<CompiledLevel<'a>>| {
                let mut cols: Vec<&Encoded> = Vec::new();
                for l in v {
                    for col in std::iter::once(l.col).chain(l.other) {
                        if !cols.iter().any(|x| std::ptr::eq(*x, col)) {
                            cols.push(col);
                        }
                    }
                }
                let (ids, reps) = profiles(&cols, n);
                let exact_only = cols.len() == 1
                    && matches!(cols[0], Encoded::Text { .. })
                    && v.iter().all(|l| {
                        matches!(l.kind, LevelType::Null | LevelType::Exact | LevelType::Else)
                    });
                let numeric = cols.len() == 1
                    && matches!(cols[0], Encoded::Number(_))
                    && v.iter().all(|l| {
                        matches!(
                            l.kind,
                            LevelType::Null
                                | LevelType::Exact
                                | LevelType::AbsDiff
                                | LevelType::Else
                        )
                    });
                let cheap = v.iter().all(|l| {
                    matches!(
                        l.kind,
                        LevelType::Null
                            | LevelType::Exact
                            | LevelType::Else
                            | LevelType::AbsDiff
                            | LevelType::Prefix
                            | LevelType::OneEdit
                            | LevelType::ColumnsSwapped
                    )
                });
                let first = |k: LevelType| v.iter().position(|l| l.kind == k);
                let lookup = match (exact_only, first(LevelType::Exact), first(LevelType::Else)) {
                    (true, Some(exact), Some(other)) => Lookup::Exact {
                        null_id: (reps.len() - 1) as u32,
                        null: first(LevelType::Null).map_or(u8::MAX, |x| x as u8),
                        exact: exact as u8,
                        other: other as u8,
                    },
                    _ if reps.len() <= DENSE => {
                        let k = reps.len();
                        let mut table = vec![0u8; k * k];
                        for a in 0..k {
                            for b in 0..k {
                                // A profile no record has (missing, when nothing is) is
                                // never looked up.
                                if reps[a] != u32::MAX && reps[b] != u32::MAX {
                                    table[a * k + b] =
                                        level_of(v, reps[a] as usize, reps[b] as usize);
                                }
                            }
                        }
                        Lookup::Dense { k, table }
                    }
                    _ if numeric => Lookup::Numeric {
                        values: reps
                            .iter()
                            .map(|&r| match cols[0] {
                                Encoded::Number(v) => v[r as usize],
                                Encoded::Text { .. } => None,
                            })
                            .collect(),
                        levels: v.iter().map(|l| (l.kind, l.max)).collect(),
                    },
                    _ if cheap => Lookup::Direct,
                    _ => {
                        let first_null = v.first().filter(|l| l.kind == LevelType::Null);
                        let null = reps
                            .iter()
                            .map(|&r| {
                                first_null
                                    .is_some_and(|l| r != u32::MAX && l.col.is_null(r as usize))
                            })
                            .collect();
                        let same = reps
                            .iter()
                            .map(|&r| {
                                if r == u32::MAX {
                                    0
                                } else {
                                    level_of(v, r as usize, r as usize)
                                }
                            })
                            .collect();
                        Lookup::Memo { null, same }
                    }
                };
                (ids, reps, lookup)
            })
            .collect();
        let mut rows = vec![0u32; n * ncmp];
        let mut reps = Vec::with_capacity(ncmp);
        let mut lookup = Vec::with_capacity(ncmp);
        for (c, (ids, r, l)) in built.into_iter().enumerate() {
            for (i, &p) in ids.iter().enumerate() {
                rows[i * ncmp + c] = p;
            }
            reps.push(r);
            lookup.push(l);
        }
        Ok(Self {
            levels,
            rows,
            reps,
            lookup,
        })
    }

    /// Packed gammas of `pairs` (in order), memoizing text comparisons per profile pair.
    ///
    /// # Errors
    /// [`Error::Interrupted`] from `control`.
    pub fn gammas(
        &self,
        pairs: &[(u32, u32, u32)],
        control: &dyn crate::control::Control,
    ) -> Result<Vec<u64>> {
        // A level is a pure function of the two profiles, so any memo gives the same result:
        // pieces run in parallel with a shared, read-only memo of everything computed before
        // and a memo of their own; theirs are merged in after each round. The same spellings
        // meet in many blocks (97k distinct name pairs among 2.6M candidate pairs at 1M
        // records), so most levels are computed once.
        const PIECE: usize = 1 << 16;
        const ROUND: usize = PIECE * 4;
        let ncmp = self.levels.len();
        let total = pairs.len() as u64;
        let mut out: Vec<u64> = Vec::with_capacity(pairs.len());
        let mut global: Vec<FxHashMap<u64, u8>> = vec![FxHashMap::default(); ncmp];
        control.checkpoint("comparing", 0, Some(total))?;
        for chunk in pairs.chunks(ROUND) {
            let parts: Vec<(Vec<u64>, Vec<Memo>)> = chunk
                .par_chunks(PIECE)
                .map(|piece| {
                    let mut memo: Vec<FxHashMap<u64, u8>> = vec![FxHashMap::default(); ncmp];
                    let gammas = piece
                        .iter()
                        .map(|&(i, j, _)| {
                            let ri = &self.rows[i as usize * ncmp..(i as usize + 1) * ncmp];
                            let rj = &self.rows[j as usize * ncmp..(j as usize + 1) * ncmp];
                            let mut g = 0u64;
                            for (c, memo) in memo.iter_mut().enumerate() {
                                let (a, b) = (ri[c].min(rj[c]), ri[c].max(rj[c]));
                                let l = match &self.lookup[c] {
                                    Lookup::Exact {
                                        null_id,
                                        null,
                                        exact,
                                        other,
                                    } => exact_level(a, b, *null_id, *null, *exact, *other),
                                    Lookup::Dense { k, table } => {
                                        table[a as usize * k + b as usize]
                                    }
                                    Lookup::Numeric { values, levels } => numeric_level(
                                        levels,
                                        values[a as usize],
                                        values[b as usize],
                                    ),
                                    Lookup::Direct => self.level(c, i as usize, j as usize),
                                    Lookup::Memo { null, .. }
                                        if null[a as usize] || null[b as usize] =>
                                    {
                                        0
                                    }
                                    Lookup::Memo { same, .. } if a == b => same[a as usize],
                                    Lookup::Memo { .. } => {
                                        let key = (u64::from(a) << 32) | u64::from(b);
                                        match global[c].get(&key) {
                                            Some(&l) => l,
                                            None => *memo.entry(key).or_insert_with(|| {
                                                self.level(
                                                    c,
                                                    self.reps[c][a as usize] as usize,
                                                    self.reps[c][b as usize] as usize,
                                                )
                                            }),
                                        }
                                    }
                                };
                                g |= u64::from(l) << (4 * c);
                            }
                            g
                        })
                        .collect();
                    (gammas, memo)
                })
                .collect();
            for (g, memos) in parts {
                out.extend(g);
                for (global, memo) in global.iter_mut().zip(memos) {
                    global.extend(memo);
                }
            }
            control.checkpoint("comparing", out.len() as u64, Some(total))?;
        }
        Ok(out)
    }

    /// Number of comparisons.
    #[must_use]
    pub fn len(&self) -> usize {
        self.levels.len()
    }

    /// Whether there are no comparisons.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.levels.is_empty()
    }

    /// [`Self::level`], from the precomputed tables when the comparison has them (estimating u
    /// on random pairs, where a memo would not help).
    #[must_use]
    pub fn level_quick(&self, c: usize, i: usize, j: usize) -> u8 {
        let ncmp = self.levels.len();
        let (x, y) = (self.rows[i * ncmp + c], self.rows[j * ncmp + c]);
        let (a, b) = (x.min(y), x.max(y));
        match &self.lookup[c] {
            Lookup::Exact {
                null_id,
                null,
                exact,
                other,
            } => exact_level(a, b, *null_id, *null, *exact, *other),
            Lookup::Dense { k, table } => table[a as usize * k + b as usize],
            Lookup::Numeric { values, levels } => {
                numeric_level(levels, values[a as usize], values[b as usize])
            }
            Lookup::Direct | Lookup::Memo { .. } => self.level(c, i, j),
        }
    }

    /// Level index of comparison `c` for records `i` and `j`.
    #[must_use]
    pub fn level(&self, c: usize, i: usize, j: usize) -> u8 {
        level_of(&self.levels[c], i, j)
    }

    /// All gammas of a pair packed into a `u64` (4 bits per comparison).
    #[must_use]
    pub fn gamma(&self, i: usize, j: usize) -> u64 {
        let mut g = 0u64;
        for c in 0..self.levels.len() {
            g |= u64::from(self.level(c, i, j)) << (4 * c);
        }
        g
    }
}

/// Level index of the first level of `levels` that applies to records `i` and `j`.
fn level_of(levels: &[CompiledLevel<'_>], i: usize, j: usize) -> u8 {
    // Jaro–Winkler levels at several thresholds on one column share one computation.
    let mut jw: Option<(*const Encoded, f64)> = None;
    for (k, l) in levels.iter().enumerate() {
        if l.kind == LevelType::JaroWinkler {
            let key: *const Encoded = l.col;
            let sim = match jw {
                Some((p, v)) if std::ptr::eq(p, key) => Some(v),
                _ => {
                    let v = jaro_winkler_of(l.col, i, j);
                    if let Some(v) = v {
                        jw = Some((key, v));
                    }
                    v
                }
            };
            if sim.is_some_and(|v| v >= l.threshold) {
                return k as u8;
            }
            continue;
        }
        if applies(l, i, j) {
            return k as u8;
        }
    }
    (levels.len() - 1) as u8
}

/// Level of an exact-only comparison from two profile ids `a <= b` (the missing id is the
/// largest, so `b` has it when either value is missing).
fn exact_level(a: u32, b: u32, null_id: u32, null: u8, exact: u8, other: u8) -> u8 {
    if b == null_id {
        if null == u8::MAX {
            other
        } else {
            null
        }
    } else if a == b {
        exact
    } else {
        other
    }
}

/// Level of a [`Lookup::Numeric`] comparison: the first level that applies, as [`applies`]
/// decides it for two numbers.
fn numeric_level(levels: &[(LevelType, f64)], x: Option<f64>, y: Option<f64>) -> u8 {
    for (k, &(kind, max)) in levels.iter().enumerate() {
        let hit = match kind {
            LevelType::Null => x.is_none() || y.is_none(),
            LevelType::Exact => x.is_some() && x == y,
            LevelType::AbsDiff => matches!((x, y), (Some(a), Some(b)) if (a - b).abs() <= max),
            LevelType::Else => true,
            _ => false,
        };
        if hit {
            return k as u8;
        }
    }
    (levels.len() - 1) as u8
}

/// Level `c` of a packed gamma.
#[must_use]
pub fn unpack(g: u64, c: usize) -> usize {
    ((g >> (4 * c)) & 0xf) as usize
}

/// Jaro–Winkler of two text values (1 when equal; `None` when either is missing).
fn jaro_winkler_of(col: &Encoded, i: usize, j: usize) -> Option<f64> {
    let (ids, values) = text(col)?;
    let (a, b) = (ids[i], ids[j]);
    if a == NULL_ID || b == NULL_ID {
        return None;
    }
    if a == b {
        return Some(1.0);
    }
    Some(similarity::jaro_winkler(
        &values[a as usize],
        &values[b as usize],
    ))
}

fn applies(l: &CompiledLevel<'_>, i: usize, j: usize) -> bool {
    match l.kind {
        LevelType::Null => l.col.is_null(i) || l.col.is_null(j),
        LevelType::Else => true,
        LevelType::Exact => match l.col {
            Encoded::Text { ids, .. } => ids[i] != NULL_ID && ids[i] == ids[j],
            Encoded::Number(v) => v[i].is_some() && v[i] == v[j],
        },
        LevelType::AbsDiff => match l.col {
            Encoded::Number(v) => {
                matches!((v[i], v[j]), (Some(a), Some(b)) if (a - b).abs() <= l.max)
            }
            Encoded::Text { .. } => false,
        },
        LevelType::ColumnsSwapped => {
            let Some(o) = l.other else { return false };
            match (l.col, o) {
                (
                    Encoded::Text {
                        ids: a, values: va, ..
                    },
                    Encoded::Text {
                        ids: b, values: vb, ..
                    },
                ) => {
                    let eq = |x: u32, y: u32| {
                        x != NULL_ID && y != NULL_ID && va[x as usize] == vb[y as usize]
                    };
                    eq(a[i], b[j]) && eq(a[j], b[i])
                }
                (Encoded::Number(a), Encoded::Number(b)) => {
                    a[i].is_some() && a[i] == b[j] && a[j].is_some() && a[j] == b[i]
                }
                _ => false,
            }
        }
        _ => {
            let Some((ids, values)) = text(l.col) else {
                return false;
            };
            let (a, b) = (ids[i], ids[j]);
            if a == NULL_ID || b == NULL_ID {
                return false;
            }
            let same = a == b;
            let (sa, sb) = (values[a as usize].as_str(), values[b as usize].as_str());
            match l.kind {
                LevelType::JaroWinkler => same || similarity::jaro_winkler(sa, sb) >= l.threshold,
                LevelType::Jaro => same || similarity::jaro(sa, sb) >= l.threshold,
                LevelType::Levenshtein => same || similarity::levenshtein(sa, sb) as f64 <= l.max,
                LevelType::DamerauLevenshtein => {
                    same || similarity::damerau_levenshtein(sa, sb) as f64 <= l.max
                }
                LevelType::NameTokens => same || similarity::name_tokens_match(sa, sb, l.threshold),
                LevelType::OneEdit => !same && similarity::one_edit(sa, sb),
                LevelType::Prefix => similarity::same_prefix(sa, sb, l.length),
                _ => false,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linkage::settings::Level;
    use crate::table::{Column, ColumnData, Table};

    #[test]
    fn first_applicable_level_wins() {
        let t = Table::new(vec![
            Column::text(
                "record_id",
                vec![
                    Some("1".into()),
                    Some("2".into()),
                    Some("3".into()),
                    Some("4".into()),
                ],
            ),
            Column::text(
                "name",
                vec![
                    Some("ali raza".into()),
                    Some("raza ali".into()),
                    Some("alli raza".into()),
                    None,
                ],
            ),
            Column::new(
                "age",
                ColumnData::Int(vec![Some(20), Some(22), Some(30), None]),
            ),
        ])
        .unwrap();
        let r = Records::encode(&t, &[0; 4], "record_id", &["name".into(), "age".into()]).unwrap();
        let mut jw = Level::new(LevelType::JaroWinkler);
        jw.threshold = Some(0.9);
        let mut tok = Level::new(LevelType::NameTokens);
        tok.threshold = Some(0.9);
        let mut near = Level::new(LevelType::AbsDiff);
        near.max = Some(2.0);
        let cmps = vec![
            Comparison {
                name: "name".into(),
                column: "name".into(),
                levels: vec![
                    Level::new(LevelType::Null),
                    Level::new(LevelType::Exact),
                    jw,
                    tok,
                    Level::new(LevelType::Else),
                ],
            },
            Comparison {
                name: "age".into(),
                column: "age".into(),
                levels: vec![
                    Level::new(LevelType::Null),
                    Level::new(LevelType::Exact),
                    near,
                    Level::new(LevelType::Else),
                ],
            },
        ];
        let c = Comparator::new(&r, &cmps).unwrap();
        assert_eq!(c.level(0, 0, 2), 2); // jaro-winkler
        assert_eq!(c.level(0, 0, 1), 3); // swapped parts
        assert_eq!(c.level(0, 0, 3), 0); // null
        assert_eq!(c.level(1, 0, 1), 2);
        assert_eq!(c.level(1, 0, 2), 3);
        let g = c.gamma(0, 1);
        assert_eq!((unpack(g, 0), unpack(g, 1)), (3, 2));
        // Memoized gammas of many pairs equal the direct computation, in order.
        let pairs: Vec<(u32, u32, u32)> = (0..4u32)
            .flat_map(|i| (0..4u32).filter(move |&j| j != i).map(move |j| (i, j, 0)))
            .cycle()
            .take(100)
            .collect();
        let memo = c.gammas(&pairs, &crate::control::NoControl).unwrap();
        let direct: Vec<u64> = pairs
            .iter()
            .map(|&(i, j, _)| c.gamma(i as usize, j as usize))
            .collect();
        assert_eq!(memo, direct);
        for &(i, j, _) in &pairs {
            for k in 0..2 {
                assert_eq!(
                    c.level_quick(k, i as usize, j as usize),
                    c.level(k, i as usize, j as usize)
                );
            }
        }
        // A string level on a number column is refused with the column named.
        let mut bad = cmps.clone();
        bad[1].levels[2] = {
            let mut l = Level::new(LevelType::JaroWinkler);
            l.threshold = Some(0.9);
            l
        };
        assert!(Comparator::new(&r, &bad)
            .unwrap_err()
            .to_string()
            .contains("'age'"));
    }

    #[test]
    fn many_profiles_direct_and_numeric_equal_direct_levels() {
        // More than `DENSE` distinct values: CNIC-like text with cheap levels and dates.
        let n = 1500usize;
        let cnic: Vec<Option<String>> = (0..n)
            .map(|k| (k % 7 != 0).then(|| format!("35201{:08}", (k * 37) % 1200)))
            .collect();
        let dob: Vec<Option<i32>> = (0..n)
            .map(|k| (k % 5 != 0).then_some(((k * 13) % 900) as i32))
            .collect();
        let t = Table::new(vec![
            Column::text("record_id", (0..n).map(|k| Some(k.to_string())).collect()),
            Column::text("cnic", cnic),
            Column::new("dob", ColumnData::Date(dob)),
        ])
        .unwrap();
        let r =
            Records::encode(&t, &vec![0; n], "record_id", &["cnic".into(), "dob".into()]).unwrap();
        let mut prefix = Level::new(LevelType::Prefix);
        prefix.length = Some(10);
        let mut near = Level::new(LevelType::AbsDiff);
        near.max = Some(31.0);
        let cmps = vec![
            Comparison {
                name: "cnic".into(),
                column: "cnic".into(),
                levels: vec![
                    Level::new(LevelType::Null),
                    Level::new(LevelType::Exact),
                    prefix,
                    Level::new(LevelType::OneEdit),
                    Level::new(LevelType::Else),
                ],
            },
            Comparison {
                name: "dob".into(),
                column: "dob".into(),
                levels: vec![
                    Level::new(LevelType::Null),
                    Level::new(LevelType::Exact),
                    near,
                    Level::new(LevelType::Else),
                ],
            },
        ];
        let c = Comparator::new(&r, &cmps).unwrap();
        assert!(matches!(c.lookup[0], Lookup::Direct));
        assert!(matches!(c.lookup[1], Lookup::Numeric { .. }));
        let pairs: Vec<(u32, u32, u32)> = (0..n as u32)
            .flat_map(|i| [(i, (i * 7 + 1) % n as u32, 0), (i, (i + 600) % n as u32, 0)])
            .filter(|&(i, j, _)| i != j)
            .collect();
        let got = c.gammas(&pairs, &crate::control::NoControl).unwrap();
        for (&(i, j, _), &g) in pairs.iter().zip(&got) {
            assert_eq!(g, c.gamma(i as usize, j as usize));
            for k in 0..2 {
                assert_eq!(
                    c.level_quick(k, i as usize, j as usize),
                    c.level(k, i as usize, j as usize)
                );
            }
        }
    }
}
