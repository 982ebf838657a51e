//! Comparisons: a record pair → one level index (gamma) per comparison.
//!
//! Levels are tried in order and the first that applies wins, exactly as in splink's
//! comparison levels. Gammas of all comparisons are packed four bits each into one `u64`
//! (at most 16 comparisons of at most 16 levels), so a comparison vector is one integer and EM
//! can run on counts of distinct vectors instead of on every pair.

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

/// Comparisons bound to encoded records.
#[derive(Debug)]
pub struct Comparator<'a> {
    levels: Vec<Vec<CompiledLevel<'a>>>,
}

fn text<'a>(e: &'a Encoded) -> Option<(&'a [u32], &'a [String])> {
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
                        expected: format!("a number or date for comparison '{}' level abs_diff", c.name),
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
        Ok(Self { levels })
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

    /// Level index of comparison `c` for records `i` and `j`.
    #[must_use]
    pub fn level(&self, c: usize, i: usize, j: usize) -> u8 {
        let levels = &self.levels[c];
        for (k, l) in levels.iter().enumerate() {
            if applies(l, i, j) {
                return k as u8;
            }
        }
        (levels.len() - 1) as u8
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

/// Level `c` of a packed gamma.
#[must_use]
pub fn unpack(g: u64, c: usize) -> usize {
    ((g >> (4 * c)) & 0xf) as usize
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
            Encoded::Number(v) => matches!((v[i], v[j]), (Some(a), Some(b)) if (a - b).abs() <= l.max),
            Encoded::Text { .. } => false,
        },
        LevelType::ColumnsSwapped => {
            let Some(o) = l.other else { return false };
            match (l.col, o) {
                (Encoded::Text { ids: a, values: va, .. }, Encoded::Text { ids: b, values: vb, .. }) => {
                    let eq = |x: u32, y: u32| x != NULL_ID && y != NULL_ID && va[x as usize] == vb[y as usize];
                    eq(a[i], b[j]) && eq(a[j], b[i])
                }
                (Encoded::Number(a), Encoded::Number(b)) => {
                    a[i].is_some() && a[i] == b[j] && a[j].is_some() && a[j] == b[i]
                }
                _ => false,
            }
        }
        _ => {
            let Some((ids, values)) = text(l.col) else { return false };
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
                LevelType::DamerauLevenshtein => same || similarity::damerau_levenshtein(sa, sb) as f64 <= l.max,
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
            Column::text("record_id", vec![Some("1".into()), Some("2".into()), Some("3".into()), Some("4".into())]),
            Column::text(
                "name",
                vec![Some("ali raza".into()), Some("raza ali".into()), Some("alli raza".into()), None],
            ),
            Column::new("age", ColumnData::Int(vec![Some(20), Some(22), Some(30), None])),
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
                levels: vec![Level::new(LevelType::Null), Level::new(LevelType::Exact), near, Level::new(LevelType::Else)],
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
        // A string level on a number column is refused with the column named.
        let mut bad = cmps.clone();
        bad[1].levels[2] = {
            let mut l = Level::new(LevelType::JaroWinkler);
            l.threshold = Some(0.9);
            l
        };
        assert!(Comparator::new(&r, &bad).unwrap_err().to_string().contains("'age'"));
    }
}
