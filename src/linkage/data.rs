//! Records encoded once for linking.
//!
//! Rows are put in a canonical order (by input, then record id) so that every later step —
//! blocking, sampling, EM sums, clustering, `person_id` — is independent of the input's row
//! order. Text columns are dictionary-encoded to `u32` ids (so exact comparisons and blocking
//! keys are integer compares, and term frequencies are counts per id); numbers and dates become
//! `f64`.

use std::collections::HashMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::error::{Error, Result};
use crate::table::{Column, ColumnData, Table};

/// Marker for a missing text value.
pub const NULL_ID: u32 = u32::MAX;

/// A column handed to [`Records::encode`].
#[derive(Debug, Clone, Copy)]
pub enum InputColumn<'a> {
    /// A column of a [`Table`].
    Plain(&'a Column),
    /// Text already dictionary-encoded in input row order (the bindings do this straight from
    /// Arrow, without a `String` per value): `ids[row]` indexes `values` or is [`NULL_ID`];
    /// values are distinct, trimmed and non-empty.
    Dict {
        /// Id per input row.
        ids: &'a [u32],
        /// Distinct values.
        values: &'a [String],
    },
}

/// The records to link, column by column.
pub trait Input: Sync {
    /// Number of rows.
    fn height(&self) -> usize;
    /// The column `name`.
    ///
    /// # Errors
    /// [`Error::ColumnNotFound`] when there is no such column.
    fn input_column(&self, name: &str) -> Result<InputColumn<'_>>;
}

impl Input for Table {
    fn height(&self) -> usize {
        Table::height(self)
    }
    fn input_column(&self, name: &str) -> Result<InputColumn<'_>> {
        self.column(name).map(InputColumn::Plain)
    }
}

/// One encoded column.
#[derive(Debug, Clone)]
pub enum Encoded {
    /// Dictionary-encoded text: `ids[row]` indexes `values` (or is [`NULL_ID`]).
    Text {
        /// Id per row.
        ids: Vec<u32>,
        /// Distinct values.
        values: Vec<String>,
        /// Rows per distinct value.
        counts: Vec<u32>,
    },
    /// Numbers and dates (days since 1970-01-01).
    Number(Vec<Option<f64>>),
}

impl Encoded {
    /// Whether row `i` is missing.
    #[must_use]
    pub fn is_null(&self, i: usize) -> bool {
        match self {
            Self::Text { ids, .. } => ids[i] == NULL_ID,
            Self::Number(v) => v[i].is_none(),
        }
    }

    /// Number of rows.
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Self::Text { ids, .. } => ids.len(),
            Self::Number(v) => v.len(),
        }
    }

    /// Whether there are no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A display form of row `i` (for explanations).
    #[must_use]
    pub fn display(&self, i: usize) -> Option<String> {
        match self {
            Self::Text { ids, values, .. } => {
                (ids[i] != NULL_ID).then(|| values[ids[i] as usize].clone())
            }
            Self::Number(v) => v[i].map(|x| {
                if x.fract() == 0.0 {
                    format!("{x:.0}")
                } else {
                    format!("{x}")
                }
            }),
        }
    }

    fn encode(input: InputColumn<'_>, order: &[usize]) -> Result<Self> {
        let column = match input {
            InputColumn::Plain(c) => c,
            InputColumn::Dict {
                ids: input_ids,
                values: input_values,
            } => {
                // Renumber in first-seen canonical order, as the text path below does.
                let mut remap = vec![NULL_ID; input_values.len()];
                let mut values = Vec::new();
                let mut counts: Vec<u32> = Vec::new();
                let ids = order
                    .iter()
                    .map(|&r| {
                        let old = input_ids[r];
                        if old == NULL_ID {
                            return NULL_ID;
                        }
                        let slot = &mut remap[old as usize];
                        if *slot == NULL_ID {
                            *slot = values.len() as u32;
                            values.push(input_values[old as usize].clone());
                            counts.push(0);
                        }
                        counts[*slot as usize] += 1;
                        *slot
                    })
                    .collect();
                return Ok(Self::Text {
                    ids,
                    values,
                    counts,
                });
            }
        };
        Ok(match &column.data {
            ColumnData::Str(v) => {
                // Ids are given in first-seen canonical order, so they do not depend on the
                // input's row order. FxHash: keys are short strings, and SipHash's resistance
                // to collision attacks buys nothing here (this was the slowest step at 1M rows).
                let mut map: FxHashMap<&str, u32> = FxHashMap::default();
                let mut values = Vec::new();
                let mut counts = Vec::new();
                let mut ids = Vec::with_capacity(order.len());
                for &r in order {
                    match v[r].as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                        None => ids.push(NULL_ID),
                        Some(s) => {
                            let id = *map.entry(s).or_insert_with(|| {
                                values.push(s.to_owned());
                                counts.push(0);
                                (values.len() - 1) as u32
                            });
                            counts[id as usize] += 1;
                            ids.push(id);
                        }
                    }
                }
                Self::Text {
                    ids,
                    values,
                    counts,
                }
            }
            ColumnData::Int(v) => {
                Self::Number(order.iter().map(|&r| v[r].map(|x| x as f64)).collect())
            }
            ColumnData::Float(v) => Self::Number(
                order
                    .iter()
                    .map(|&r| v[r].filter(|x| x.is_finite()))
                    .collect(),
            ),
            ColumnData::Date(v) => {
                Self::Number(order.iter().map(|&r| v[r].map(f64::from)).collect())
            }
            ColumnData::Bool(v) => Self::Number(
                order
                    .iter()
                    .map(|&r| v[r].map(|b| f64::from(u8::from(b))))
                    .collect(),
            ),
            ColumnData::StrList(_) => {
                return Err(Error::Schema {
                    column: column.name.clone(),
                    expected: "text, a number or a date".into(),
                    found: "a list".into(),
                })
            }
        })
    }
}

/// Record ids, comparable for the canonical order (borrowed: no copy of a million ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum IdKey<'a> {
    Int(i64),
    Text(&'a str),
}

/// Encoded records in canonical order.
#[derive(Debug, Clone)]
pub struct Records {
    /// Number of records.
    pub n: usize,
    /// Canonical position → row of the input (after concatenating the inputs).
    pub input_row: Vec<usize>,
    /// Which input each record came from (0 for `deduplicate`; 0 or 1 for `link`).
    pub dataset: Vec<u8>,
    /// The record-id column in canonical order (original type kept for output).
    pub ids: Column,
    /// Encoded columns by name.
    pub columns: HashMap<String, Encoded>,
    /// Whether the same id appears in two inputs (then ids are shown with the input's letter).
    pub ids_collide: bool,
}

impl Records {
    /// Encodes `table` (rows from input `dataset[row]`), keeping only `needed` columns.
    ///
    /// # Errors
    /// [`Error::ColumnNotFound`] for a missing column; [`Error::Schema`] for a list column or
    /// repeated/missing record ids.
    pub fn encode(
        table: &dyn Input,
        dataset: &[u8],
        id_column: &str,
        needed: &[String],
    ) -> Result<Self> {
        let n = table.height();
        for c in needed {
            table.input_column(c)?;
        }
        let InputColumn::Plain(id_col) = table.input_column(id_column)? else {
            return Err(Error::Schema {
                column: id_column.into(),
                expected: "record ids as a plain column".into(),
                found: "a dictionary-encoded column".into(),
            });
        };
        let keys: Vec<IdKey> = match &id_col.data {
            ColumnData::Int(v) => v
                .iter()
                .enumerate()
                .map(|(r, x)| x.map(IdKey::Int).ok_or_else(|| missing_id(id_column, r)))
                .collect::<Result<_>>()?,
            ColumnData::Str(v) => v
                .iter()
                .enumerate()
                .map(|(r, x)| {
                    x.as_deref()
                        .map(IdKey::Text)
                        .ok_or_else(|| missing_id(id_column, r))
                })
                .collect::<Result<_>>()?,
            other => {
                return Err(Error::Schema {
                    column: id_column.into(),
                    expected: "text or integer record ids".into(),
                    found: other.type_name().into(),
                })
            }
        };
        // Sort (input, 16-byte big-endian prefix, row) triples: contiguous and mostly decided
        // by integer compares (a million scattered strings compared directly was the slowest
        // part of encoding); equal prefixes fall back to the whole id.
        let prefix = |k: &IdKey<'_>| -> u128 {
            match k {
                IdKey::Int(x) => u128::from((*x as u64) ^ (1 << 63)),
                IdKey::Text(t) => {
                    let mut b = [0u8; 16];
                    let m = t.len().min(16);
                    b[..m].copy_from_slice(&t.as_bytes()[..m]);
                    u128::from_be_bytes(b)
                }
            }
        };
        let mut sortable: Vec<(u8, u128, u32)> = keys
            .par_iter()
            .enumerate()
            .map(|(r, k)| (dataset[r], prefix(k), r as u32))
            .collect();
        // Keys are unique within an input (checked next), so an unstable sort is deterministic.
        sortable.par_sort_unstable_by(|a, b| {
            (a.0, a.1)
                .cmp(&(b.0, b.1))
                .then_with(|| keys[a.2 as usize].cmp(&keys[b.2 as usize]))
        });
        let order: Vec<usize> = sortable.into_iter().map(|t| t.2 as usize).collect();
        for w in order.windows(2) {
            if dataset[w[0]] == dataset[w[1]] && keys[w[0]] == keys[w[1]] {
                let (a, b) = (w[0].min(w[1]), w[0].max(w[1]));
                return Err(Error::Schema {
                    column: id_column.into(),
                    expected: "a unique id per record".into(),
                    found: format!("the same id on rows {} and {} (0-based, input order)", a, b),
                });
            }
        }
        let ids_collide = dataset.iter().any(|&d| d != dataset[0]) && {
            let mut seen = rustc_hash::FxHashSet::default();
            seen.reserve(n);
            keys.iter().any(|k| !seen.insert(*k))
        };
        let mut wanted: Vec<&String> = needed.iter().filter(|c| *c != id_column).collect();
        wanted.sort();
        wanted.dedup();
        // Columns are independent: encode them in parallel.
        let encoded: Vec<Encoded> = wanted
            .par_iter()
            .map(|c| Encoded::encode(table.input_column(c)?, &order))
            .collect::<Result<_>>()?;
        let columns: HashMap<String, Encoded> = wanted.into_iter().cloned().zip(encoded).collect();
        let ids = Column::new(id_column, id_col.data.take(&order));
        let ds = order.iter().map(|&r| dataset[r]).collect();
        Ok(Self {
            n,
            input_row: order,
            dataset: ds,
            ids,
            columns,
            ids_collide,
        })
    }

    /// The encoded column `name` (it was validated at encoding time).
    ///
    /// # Errors
    /// [`Error::ColumnNotFound`] if it was not encoded.
    pub fn column(&self, name: &str) -> Result<&Encoded> {
        self.columns
            .get(name)
            .ok_or_else(|| Error::column_not_found(name, self.columns.keys().map(String::as_str)))
    }

    /// The id of canonical record `i` as text (ids are not personal data). When two inputs
    /// share ids, the input's letter is put in front (`a:17`, `b:17`).
    #[must_use]
    pub fn id_text(&self, i: usize) -> String {
        let id = match &self.ids.data {
            ColumnData::Int(v) => v[i].map_or_else(String::new, |x| x.to_string()),
            ColumnData::Str(v) => v[i].clone().unwrap_or_default(),
            _ => String::new(),
        };
        if self.ids_collide {
            format!("{}:{id}", char::from(b'a' + self.dataset[i].min(25)))
        } else {
            id
        }
    }

    /// Finds a record by its id text (for explanations).
    #[must_use]
    pub fn find(&self, id: &str) -> Option<usize> {
        (0..self.n).find(|&i| self.id_text(i) == id)
    }

    /// Id text → canonical index, for looking up many ids (labelled pairs).
    #[must_use]
    pub fn id_index(&self) -> FxHashMap<String, usize> {
        (0..self.n).map(|i| (self.id_text(i), i)).collect()
    }
}

fn missing_id(column: &str, row: usize) -> Error {
    Error::Schema {
        column: column.into(),
        expected: "a record id on every row".into(),
        found: format!("a missing id on row {row} (0-based)"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[Option<&str>]) -> Vec<Option<String>> {
        v.iter().map(|x| x.map(str::to_owned)).collect()
    }

    #[test]
    fn canonical_order_and_dictionary() {
        let t = Table::new(vec![
            Column::text("record_id", s(&[Some("b"), Some("a"), Some("c")])),
            Column::text("name", s(&[Some("ali"), Some(" ali "), None])),
        ])
        .unwrap();
        let r = Records::encode(&t, &[0, 0, 0], "record_id", &["name".into()]).unwrap();
        assert_eq!(r.input_row, vec![1, 0, 2]);
        let Encoded::Text {
            ids,
            values,
            counts,
        } = r.column("name").unwrap()
        else {
            panic!()
        };
        assert_eq!(ids, &vec![0, 0, NULL_ID]);
        assert_eq!(values, &vec!["ali".to_owned()]);
        assert_eq!(counts, &vec![2]);
    }

    #[test]
    fn duplicate_and_missing_ids() {
        let t = Table::new(vec![Column::text("record_id", s(&[Some("a"), Some("a")]))]).unwrap();
        let e = Records::encode(&t, &[0, 0], "record_id", &[])
            .unwrap_err()
            .to_string();
        assert!(e.contains("rows 0 and 1"), "{e}");
        let t = Table::new(vec![Column::text("record_id", s(&[Some("a"), None]))]).unwrap();
        assert!(Records::encode(&t, &[0, 0], "record_id", &[]).is_err());
        let t = Table::new(vec![Column::text("record_id", s(&[Some("a")]))]).unwrap();
        let e = Records::encode(&t, &[0], "record_id", &["cnic".into()])
            .unwrap_err()
            .to_string();
        assert!(e.contains("'cnic'"), "{e}");
    }
}
