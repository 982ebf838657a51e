//! One row per person: the attributes of a person seen in several records, resolved once.
//!
//! The persons table is built here and only here; `Linkage.persons`, the indicators, multiple
//! systems estimation and the report all read it. The rules for a person whose records disagree:
//!
//! - **Order of records.** A person's records are taken earliest first: by `date` (missing dates
//!   last), then by `record_id`, then in input order. "Earliest record" below means this order.
//! - **Known values.** A missing value is not a value; neither is text that is empty or
//!   `"unknown"`. Unknown never outvotes a known value.
//! - **Majority** (categorical attributes and identifiers): the most frequent known value; a tie
//!   goes to the value whose first record is earliest.
//! - **`age`**: the age at the earliest record that gives one (ages grow between records, so a
//!   majority would mix years).
//! - **`crime_type`**: trafficking in one record and smuggling in another (or `both` in any) is
//!   `both`; otherwise the first of [`CRIME_PRECEDENCE`] any record gives.
//! - **`role`**: the first of [`ROLE_PRECEDENCE`] any record gives (a victim in any record is a
//!   victim, PTPA s.6).
//! - **Lists** (`exploitation`, `source`, `source_type`): the sorted union of the known values
//!   over the person's records.
//! - **Nothing known**: categorical attributes and lists say `"unknown"` (they label table rows);
//!   identifiers stay missing.
//! - `n_records`; `date` and `first_date` (the earliest date), `last_date`; `n_sources` (known
//!   sources); `conflicts`: the categorical attributes with more than one known value.
//!
//! Persons come out sorted by `person_id`. Records without a `person_id` are left out.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::error::{Error, Result};
use crate::table::{Column, ColumnData, Table};

/// The text that means "not known" (never counted as a value).
pub const UNKNOWN: &str = "unknown";

/// Categorical attributes: majority of known values (except `crime_type` and `role`, which
/// resolve by precedence); `"unknown"` when no record knows. Listed in `conflicts`.
pub const CATEGORICAL: [&str; 9] = [
    "sex",
    "age_group",
    "nationality",
    "district",
    "province",
    "crime_type",
    "case_status",
    "role",
    "protection_status",
];

/// Identifying attributes: majority of known values; missing when no record knows.
pub const IDENTIFIERS: [&str; 6] = [
    "name",
    "father_name",
    "date_of_birth",
    "cnic",
    "cnic_province",
    "phone",
];

/// Attributes holding several values: the union over the person's records.
pub const LISTS: [&str; 3] = ["exploitation", "source", "source_type"];

/// Order in which a person's crime types resolve (after trafficking + smuggling = `both`).
pub const CRIME_PRECEDENCE: [&str; 7] = [
    "tip",
    "som",
    "tip_related",
    "som_related",
    "migration_fraud",
    "other",
    UNKNOWN,
];

/// Order in which a person's roles resolve: a victim in any record is a victim.
pub const ROLE_PRECEDENCE: [&str; 7] = [
    "victim",
    "smuggled_migrant",
    "deportee",
    "accused",
    "complainant",
    "witness",
    UNKNOWN,
];

/// What to resolve beyond the fixed attributes above.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// More identifying columns (resolved by majority, missing when unknown), such as the
    /// columns a linkage model compares.
    pub identifiers: Vec<String>,
    /// The column naming the unit that recorded a record, when not `source`: resolved as a list
    /// and counted in `n_sources`.
    pub source_column: Option<String>,
}

fn known_text(s: &str) -> bool {
    !s.is_empty() && s != UNKNOWN
}

/// A value that may be unknown.
trait Value: PartialEq + Clone {
    fn known(&self) -> bool;
}

impl Value for String {
    fn known(&self) -> bool {
        known_text(self)
    }
}
impl Value for i64 {
    fn known(&self) -> bool {
        true
    }
}
impl Value for i32 {
    fn known(&self) -> bool {
        true
    }
}
impl Value for bool {
    fn known(&self) -> bool {
        true
    }
}
impl Value for f64 {
    fn known(&self) -> bool {
        !self.is_nan()
    }
}

/// The records of each person, earliest first.
struct Groups {
    /// Record indices, grouped by person (persons sorted by id), each group earliest first.
    order: Vec<usize>,
    /// The range of `order` of each person.
    ranges: Vec<Range<usize>>,
    /// The id of each person.
    ids: Vec<String>,
}

impl Groups {
    fn records(&self, p: usize) -> &[usize] {
        &self.order[self.ranges[p].clone()]
    }
}

fn group(table: &Table) -> Result<Groups> {
    let ids = table.str_column("person_id")?;
    let dates: Option<&[Option<i32>]> = match table.get("date").map(|c| &c.data) {
        Some(ColumnData::Date(v)) => Some(v),
        _ => None,
    };
    let record_ids: Option<&[Option<String>]> = match table.get("record_id").map(|c| &c.data) {
        Some(ColumnData::Str(v)) => Some(v),
        _ => None,
    };
    let mut codes: FxHashMap<&str, u32> = FxHashMap::default();
    let mut names: Vec<&str> = Vec::new();
    let mut person = vec![u32::MAX; ids.len()];
    for (i, id) in ids.iter().enumerate() {
        if let Some(id) = id {
            let next = u32::try_from(names.len()).map_err(|_| {
                Error::invalid_argument("person_id", "fewer than 2^32 persons", names.len())
            })?;
            let code = *codes.entry(id.as_str()).or_insert_with(|| {
                names.push(id.as_str());
                next
            });
            person[i] = code;
        }
    }
    // Persons sorted by id: rank[code] is the person's position in the output.
    let mut by_id: Vec<u32> = (0..names.len() as u32).collect();
    by_id.sort_unstable_by(|&a, &b| names[a as usize].cmp(names[b as usize]));
    let mut rank = vec![0u32; names.len()];
    for (r, &code) in by_id.iter().enumerate() {
        rank[code as usize] = r as u32;
    }
    let mut order: Vec<usize> = (0..ids.len()).filter(|&i| person[i] != u32::MAX).collect();
    let later = |a: Option<&i32>, b: Option<&i32>| match (a, b) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    };
    order.sort_by(|&a, &b| {
        rank[person[a] as usize]
            .cmp(&rank[person[b] as usize])
            .then_with(|| match dates {
                Some(d) => later(d[a].as_ref(), d[b].as_ref()),
                None => Ordering::Equal,
            })
            .then_with(|| match record_ids {
                Some(r) => match (&r[a], &r[b]) {
                    (Some(x), Some(y)) => x.cmp(y),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                },
                None => Ordering::Equal,
            })
            .then(a.cmp(&b))
    });
    let mut ranges = Vec::with_capacity(names.len());
    let mut start = 0;
    for i in 1..=order.len() {
        if i == order.len() || person[order[i]] != person[order[start]] {
            ranges.push(start..i);
            start = i;
        }
    }
    let ids = by_id
        .iter()
        .map(|&c| names[c as usize].to_owned())
        .collect();
    Ok(Groups { order, ranges, ids })
}

/// Most frequent known value of each person (ties to the earliest record's value), and whether
/// the person's records hold more than one known value.
fn majority<T: Value>(values: &[Option<T>], groups: &Groups) -> (Vec<Option<T>>, Vec<bool>) {
    let mut out = Vec::with_capacity(groups.ranges.len());
    let mut conflict = Vec::with_capacity(groups.ranges.len());
    let mut seen: Vec<(&T, usize)> = Vec::new();
    for p in 0..groups.ranges.len() {
        seen.clear();
        for &i in groups.records(p) {
            if let Some(v) = values[i].as_ref().filter(|v| v.known()) {
                match seen.iter_mut().find(|(x, _)| *x == v) {
                    Some((_, n)) => *n += 1,
                    None => seen.push((v, 1)),
                }
            }
        }
        // `seen` is in order of first record; a strictly larger count is needed to win.
        let mut best: Option<(&T, usize)> = None;
        for &(v, n) in &seen {
            if best.is_none_or(|(_, m)| n > m) {
                best = Some((v, n));
            }
        }
        out.push(best.map(|(v, _)| v.clone()));
        conflict.push(seen.len() > 1);
    }
    (out, conflict)
}

/// The first known value of each person (earliest record first).
fn first_known<T: Value>(values: &[Option<T>], groups: &Groups) -> Vec<Option<T>> {
    (0..groups.ranges.len())
        .map(|p| {
            groups
                .records(p)
                .iter()
                .find_map(|&i| values[i].as_ref().filter(|v| v.known()).cloned())
        })
        .collect()
}

/// The sorted union of the known values of each person (`["unknown"]` when none).
fn union(data: &ColumnData, name: &str, groups: &Groups) -> Result<Vec<Option<Vec<String>>>> {
    let mut out = Vec::with_capacity(groups.ranges.len());
    for p in 0..groups.ranges.len() {
        let mut set: Vec<&str> = Vec::new();
        for &i in groups.records(p) {
            match data {
                ColumnData::StrList(v) => {
                    if let Some(list) = &v[i] {
                        set.extend(list.iter().map(String::as_str).filter(|s| known_text(s)));
                    }
                }
                ColumnData::Str(v) => {
                    if let Some(s) = v[i].as_deref().filter(|s| known_text(s)) {
                        set.push(s);
                    }
                }
                other => {
                    return Err(Error::Schema {
                        column: name.to_owned(),
                        expected: "text or lists of text".into(),
                        found: other.type_name().into(),
                    })
                }
            }
        }
        set.sort_unstable();
        set.dedup();
        out.push(Some(if set.is_empty() {
            vec![UNKNOWN.to_owned()]
        } else {
            set.into_iter().map(str::to_owned).collect()
        }));
    }
    Ok(out)
}

/// Majority (or first known) over any column type; `conflict` is set for text columns only.
fn resolve_column(data: &ColumnData, groups: &Groups, first: bool) -> (ColumnData, Vec<bool>) {
    macro_rules! pick {
        ($v:expr, $variant:ident) => {{
            if first {
                (ColumnData::$variant(first_known($v, groups)), Vec::new())
            } else {
                let (out, conflict) = majority($v, groups);
                (ColumnData::$variant(out), conflict)
            }
        }};
    }
    match data {
        ColumnData::Str(v) => pick!(v, Str),
        ColumnData::Int(v) => pick!(v, Int),
        ColumnData::Float(v) => pick!(v, Float),
        ColumnData::Bool(v) => pick!(v, Bool),
        ColumnData::Date(v) => pick!(v, Date),
        ColumnData::StrList(_) => unreachable!("lists resolve by union"),
    }
}

/// The first value of `precedence` any of the person's records gives.
fn by_precedence(values: &[Option<String>], groups: &Groups, precedence: &[&str]) -> Vec<usize> {
    (0..groups.ranges.len())
        .map(|p| {
            groups
                .records(p)
                .iter()
                .filter_map(|&i| values[i].as_deref().filter(|s| known_text(s)))
                .map(|s| {
                    precedence
                        .iter()
                        .position(|x| *x == s)
                        .unwrap_or(precedence.len())
                })
                .min()
                .unwrap_or(precedence.len())
        })
        .collect()
}

fn text_values<'c>(data: &'c ColumnData, name: &str) -> Result<&'c [Option<String>]> {
    match data {
        ColumnData::Str(v) => Ok(v),
        other => Err(Error::Schema {
            column: name.to_owned(),
            expected: "text".into(),
            found: other.type_name().into(),
        }),
    }
}

/// The key columns [`resolve_with`] reads from its `keys` table.
pub const KEYS: [&str; 3] = ["person_id", "record_id", "date"];

/// The persons of `table` (records with a text `person_id`), one row each; see the module docs.
///
/// # Errors
/// [`Error::Schema`] when `person_id` is missing or not text, or a categorical or list column
/// is not text.
pub fn resolve(table: &Table, options: &Options) -> Result<Table> {
    resolve_with(table, options, |name| {
        Ok(table.get(name).map(|c| Cow::Borrowed(&c.data)))
    })
}

/// As [`resolve`], with the [`KEYS`] in `table` and every other column loaded by `column` when
/// its turn comes (and dropped after): the caller need not hold every column at once.
///
/// # Errors
/// As [`resolve`], and whatever `column` returns.
pub fn resolve_with<'c>(
    table: &Table,
    options: &Options,
    mut column: impl FnMut(&str) -> Result<Option<Cow<'c, ColumnData>>>,
) -> Result<Table> {
    let groups = group(table)?;
    let n = groups.ranges.len();
    let mut columns = vec![
        Column::text(
            "person_id",
            groups.ids.iter().map(|s| Some(s.clone())).collect(),
        ),
        Column::new(
            "n_records",
            ColumnData::Int(groups.ranges.iter().map(|r| Some(r.len() as i64)).collect()),
        ),
    ];
    if let Some(ColumnData::Date(d)) = table.get("date").map(|c| &c.data) {
        // Records are earliest first with missing dates last: the first is the earliest date.
        let first: Vec<Option<i32>> = (0..n).map(|p| d[groups.records(p)[0]]).collect();
        let last: Vec<Option<i32>> = (0..n)
            .map(|p| groups.records(p).iter().filter_map(|&i| d[i]).max())
            .collect();
        columns.push(Column::new("date", ColumnData::Date(first.clone())));
        columns.push(Column::new("first_date", ColumnData::Date(first)));
        columns.push(Column::new("last_date", ColumnData::Date(last)));
    }
    if let Some(age) = column("age")? {
        columns.push(Column::new("age", resolve_column(&age, &groups, true).0));
    }
    let mut conflicts: Vec<Vec<String>> = vec![Vec::new(); n];
    for name in CATEGORICAL {
        let Some(data) = column(name)? else {
            continue;
        };
        let values = text_values(&data, name)?;
        let (winner, conflict) = majority(values, &groups);
        let mut out: Vec<Option<String>> = winner
            .into_iter()
            .map(|v| Some(v.unwrap_or_else(|| UNKNOWN.to_owned())))
            .collect();
        if name == "crime_type" {
            let best = by_precedence(values, &groups, &CRIME_PRECEDENCE);
            for (p, slot) in out.iter_mut().enumerate() {
                let mut tip = false;
                let mut som = false;
                for &i in groups.records(p) {
                    match values[i].as_deref() {
                        Some("tip") => tip = true,
                        Some("som") => som = true,
                        Some("both") => (tip, som) = (true, true),
                        _ => {}
                    }
                }
                if tip && som {
                    *slot = Some("both".to_owned());
                } else if slot.as_deref() != Some(UNKNOWN) {
                    let rank = best[p];
                    *slot = Some(CRIME_PRECEDENCE.get(rank).unwrap_or(&UNKNOWN).to_string());
                }
            }
        } else if name == "role" {
            let best = by_precedence(values, &groups, &ROLE_PRECEDENCE);
            for (p, slot) in out.iter_mut().enumerate() {
                if slot.as_deref() != Some(UNKNOWN) {
                    *slot = Some(ROLE_PRECEDENCE.get(best[p]).unwrap_or(&UNKNOWN).to_string());
                }
            }
        }
        for (p, c) in conflict.into_iter().enumerate() {
            if c {
                conflicts[p].push(name.to_owned());
            }
        }
        columns.push(Column::text(name, out));
    }
    let mut done: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    done.extend(["record_id", "n_sources", "conflicts"]);
    let mut identifiers: Vec<&str> = IDENTIFIERS.to_vec();
    identifiers.extend(options.identifiers.iter().map(String::as_str));
    let mut lists: Vec<&str> = LISTS.to_vec();
    if let Some(s) = options.source_column.as_deref() {
        lists.push(s);
    }
    let mut extra = Vec::new();
    for name in identifiers {
        if done.contains(&name) || lists.contains(&name) {
            continue;
        }
        let Some(data) = column(name)? else { continue };
        done.push(name);
        if matches!(*data, ColumnData::StrList(_)) {
            extra.push(Column::new(
                name,
                ColumnData::StrList(union(&data, name, &groups)?),
            ));
        } else {
            extra.push(Column::new(name, resolve_column(&data, &groups, false).0));
        }
    }
    columns.extend(extra);
    for name in lists {
        if columns.iter().any(|c| c.name == name) {
            continue;
        }
        if let Some(data) = column(name)? {
            columns.push(Column::new(
                name,
                ColumnData::StrList(union(&data, name, &groups)?),
            ));
        }
    }
    let source = options.source_column.as_deref().unwrap_or("source");
    if let Some(ColumnData::StrList(sources)) =
        columns.iter().find(|c| c.name == source).map(|c| &c.data)
    {
        let counts = sources
            .iter()
            .map(|s| {
                let k = s
                    .as_ref()
                    .map_or(0, |s| s.iter().filter(|x| known_text(x)).count());
                Some(k as i64)
            })
            .collect();
        columns.push(Column::new("n_sources", ColumnData::Int(counts)));
    }
    columns.push(Column::new(
        "conflicts",
        ColumnData::StrList(conflicts.into_iter().map(Some).collect()),
    ));
    Table::new(columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(values: &[Option<&str>]) -> ColumnData {
        ColumnData::Str(values.iter().map(|v| v.map(str::to_owned)).collect())
    }

    fn persons(columns: Vec<(&str, ColumnData)>) -> Table {
        let table = Table::new(
            columns
                .into_iter()
                .map(|(n, d)| Column::new(n, d))
                .collect(),
        )
        .unwrap();
        resolve(&table, &Options::default()).unwrap()
    }

    fn texts(table: &Table, name: &str) -> Vec<Option<String>> {
        table.str_column(name).unwrap().to_vec()
    }

    fn s(v: &str) -> Option<String> {
        Some(v.to_owned())
    }

    #[test]
    fn unknown_does_not_vote_and_ties_go_to_the_earliest_record() {
        let out = persons(vec![
            (
                "person_id",
                text(&[Some("b"), Some("a"), Some("a"), Some("a"), Some("b"), None]),
            ),
            (
                "record_id",
                text(&[
                    Some("1"),
                    Some("2"),
                    Some("3"),
                    Some("4"),
                    Some("5"),
                    Some("6"),
                ]),
            ),
            // a: records 2, 3, 4 on days 5, 1, 9 → order 3, 2, 4.
            (
                "date",
                ColumnData::Date(vec![Some(3), Some(5), Some(1), Some(9), None, Some(0)]),
            ),
            (
                "sex",
                text(&[
                    Some("female"),
                    Some("male"),
                    Some("unknown"),
                    Some("unknown"),
                    None,
                    Some("male"),
                ]),
            ),
            (
                "district",
                text(&[
                    None,
                    Some("Lahore"),
                    Some("Kasur"),
                    None,
                    Some("Multan"),
                    None,
                ]),
            ),
        ]);
        assert_eq!(texts(&out, "person_id"), vec![s("a"), s("b")]);
        assert_eq!(
            out.column("n_records").unwrap().data,
            ColumnData::Int(vec![Some(3), Some(2)])
        );
        // a: unknown twice, male once → male (unknown is not a value).
        assert_eq!(texts(&out, "sex"), vec![s("male"), s("female")]);
        // a: Lahore (day 5) and Kasur (day 1) tie → Kasur, the earliest record's.
        assert_eq!(texts(&out, "district"), vec![s("Kasur"), s("Multan")]);
        assert_eq!(
            out.column("date").unwrap().data,
            ColumnData::Date(vec![Some(1), Some(3)])
        );
        assert_eq!(
            out.column("last_date").unwrap().data,
            ColumnData::Date(vec![Some(9), Some(3)])
        );
        let conflicts = out.column("conflicts").unwrap();
        assert_eq!(
            conflicts.data,
            ColumnData::StrList(vec![Some(vec!["district".into()]), Some(vec![])])
        );
    }

    #[test]
    fn row_order_does_not_change_the_result() {
        let ids = [Some("p"), Some("p"), Some("p"), Some("p")];
        let rec = [Some("r1"), Some("r2"), Some("r3"), Some("r4")];
        let sex = [Some("male"), Some("female"), Some("female"), Some("male")];
        let forward = persons(vec![
            ("person_id", text(&ids)),
            ("record_id", text(&rec)),
            ("sex", text(&sex)),
        ]);
        let rev = |v: &[Option<&'static str>]| v.iter().rev().copied().collect::<Vec<_>>();
        let backward = persons(vec![
            ("person_id", text(&rev(&ids))),
            ("record_id", text(&rev(&rec))),
            ("sex", text(&rev(&sex))),
        ]);
        // Two against two: the earliest record (r1, male) decides, in both orders.
        assert_eq!(texts(&forward, "sex"), vec![s("male")]);
        assert_eq!(forward, backward);
    }

    #[test]
    fn crime_type_role_age_and_lists() {
        let out = persons(vec![
            (
                "person_id",
                text(&[Some("x"), Some("x"), Some("x"), Some("y")]),
            ),
            (
                "record_id",
                text(&[Some("1"), Some("2"), Some("3"), Some("4")]),
            ),
            (
                "crime_type",
                text(&[Some("tip"), Some("som"), Some("som"), Some("tip_related")]),
            ),
            (
                "role",
                text(&[Some("witness"), Some("victim"), Some("accused"), None]),
            ),
            ("age", ColumnData::Int(vec![None, Some(17), Some(19), None])),
            (
                "exploitation",
                ColumnData::StrList(vec![
                    Some(vec!["begging".into()]),
                    Some(vec![
                        "unknown".into(),
                        "forced_labour".into(),
                        "begging".into(),
                    ]),
                    None,
                    Some(vec![]),
                ]),
            ),
            (
                "source",
                text(&[Some("B"), Some("A"), Some("B"), Some("unknown")]),
            ),
        ]);
        assert_eq!(texts(&out, "crime_type"), vec![s("both"), s("tip_related")]);
        assert_eq!(texts(&out, "role"), vec![s("victim"), s("unknown")]);
        assert_eq!(
            out.column("age").unwrap().data,
            ColumnData::Int(vec![Some(17), None])
        );
        assert_eq!(
            out.column("exploitation").unwrap().data,
            ColumnData::StrList(vec![
                Some(vec!["begging".into(), "forced_labour".into()]),
                Some(vec!["unknown".into()]),
            ])
        );
        assert_eq!(
            out.column("n_sources").unwrap().data,
            ColumnData::Int(vec![Some(2), Some(0)])
        );
    }

    #[test]
    fn identifiers_stay_missing_when_unknown() {
        let out = persons(vec![
            ("person_id", text(&[Some("x"), Some("x")])),
            ("cnic", text(&[None, None])),
            ("name", text(&[Some("Ali Raza"), Some("")])),
            ("sex", text(&[None, None])),
        ]);
        assert_eq!(texts(&out, "cnic"), vec![None]);
        assert_eq!(texts(&out, "name"), vec![s("Ali Raza")]);
        assert_eq!(texts(&out, "sex"), vec![s("unknown")]);
    }

    #[test]
    fn person_id_must_be_text() {
        let table = Table::new(vec![Column::new(
            "person_id",
            ColumnData::Int(vec![Some(1)]),
        )])
        .unwrap();
        assert!(resolve(&table, &Options::default()).is_err());
    }
}
