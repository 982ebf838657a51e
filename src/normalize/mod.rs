//! Normalization of raw circle-return text into canonical typed values.
//!
//! One file per kind of value ([`text`], [`name`], [`cnic`], [`date`], [`age`], [`sex`],
//! [`phone`], [`place`], [`nationality`], [`offence`], [`exploitation`], [`status`],
//! [`source`]); each is a plain function on a `&str` with unit tests beside it. This module
//! applies them all to a [`Table`] whose raw columns carry the canonical field names
//! ([`crate::schema::CANONICAL_FIELDS`]; any subset), in parallel chunks (rayon, order kept),
//! and returns the canonical schema of `DESIGN.md`: each field's typed value beside its raw text
//! (`<field>_raw`), derived columns (`name_key`, `age_group`, `sex_age`, `cnic_province`, …) and
//! a list column `issues` of machine-readable codes (`cnic.length`, `date.ambiguous`,
//! `sex.cnic_parity_conflict`, …) for every problem found in the row. Columns that are not
//! canonical pass through unchanged after the canonical ones.
//!
//! Values that repeat (districts, nationalities, status phrases, law citations) are parsed
//! once per distinct value. Cross-field rules:
//! - sex missing or unknown is taken from the name's honorific or relation (`Mst.`, `D/O`:
//!   `sex.from_name`) or from the CNIC's last digit (`sex.from_cnic`); a recorded sex that
//!   disagrees with the CNIC's parity is flagged `sex.cnic_parity_conflict`, never overwritten;
//! - age at the event from the date of birth when both dates are known; a recorded age more
//!   than a year away from it is flagged `age.dob_conflict`; `age_group` is child under 18 at the
//!   offence;
//! - a district missing from its column is looked for in the address (`district.from_address`);
//!   a province that disagrees with the district's is flagged `province.district_conflict` and
//!   the district's province is kept;
//! - crime type from the law sections at the offence date, unless the return states it; with
//!   neither, from a case-type or exploitation cell that names the offence itself
//!   ("trafficked for begging", "sex trafficking": `crime_type.from_wording`), never from a
//!   form of exploitation alone;
//! - role from the role cell, else from the sheet, the crime type, a deportee list or remark
//!   and Emigration Ordinance s.17(1) ([`role`]); a PTPA s.3(1) citation for a woman or a
//!   child is flagged `law.ptpa_3_2_expected` (s.3(2) applies).

pub mod age;
pub mod cnic;
pub mod date;
pub mod exploitation;
pub mod name;
pub mod nationality;
pub mod offence;
pub mod phone;
pub mod place;
pub mod role;
pub mod sex;
pub mod source;
pub mod status;
pub mod text;
pub mod vocab;

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;

use crate::control::Control;
use crate::error::Result;
use crate::reference::LawTable;
use crate::schema::{
    AgeGroup, CaseStatus, CrimeType, Exploitation, ProtectionStatus, Role, Sex, SexAge,
};
use crate::table::{Column, ColumnData, Table};

use self::text::clean_value;

/// Options of [`normalize_table`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Law table to classify offences with; `None` uses the table shipped with tipsom.
    pub law_table: Option<LawTable>,
    /// Only the typed and derived columns: no `<field>_raw`, provenance or pass-through
    /// columns (the Python layer attaches those from the input frame without copying).
    pub typed_only: bool,
}

/// Rows per chunk between progress checkpoints.
const CHUNK_ROWS: usize = 65_536;

/// The input fields read by [`normalize_table`]: the canonical fields of
/// [`crate::schema::CANONICAL_FIELDS`] and the provenance columns.
#[must_use]
pub fn input_fields() -> &'static [&'static str] {
    static FIELDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    FIELDS.get_or_init(|| {
        crate::schema::CANONICAL_FIELDS
            .iter()
            .copied()
            .chain(crate::schema::PROVENANCE_COLUMNS)
            .collect()
    })
}

/// Text of a column of any type: numbers without a spurious `.0`, dates as ISO.
#[must_use]
pub fn column_text(column: &Column) -> Cow<'_, [Option<String>]> {
    match &column.data {
        ColumnData::Str(v) => Cow::Borrowed(v.as_slice()),
        ColumnData::Int(v) => Cow::Owned(v.iter().map(|x| x.map(|x| x.to_string())).collect()),
        ColumnData::Float(v) => Cow::Owned(
            v.iter()
                .map(|x| {
                    x.filter(|f| f.is_finite()).map(|f| {
                        if f.fract() == 0.0 && f.abs() < 1e16 {
                            format!("{}", f as i64)
                        } else {
                            format!("{f}")
                        }
                    })
                })
                .collect(),
        ),
        ColumnData::Bool(v) => Cow::Owned(v.iter().map(|x| x.map(|b| b.to_string())).collect()),
        ColumnData::Date(v) => Cow::Owned(
            v.iter()
                .map(|x| {
                    x.map(|d| {
                        let (y, m, dd) = date::ymd_from_days(d);
                        format!("{y:04}-{m:02}-{dd:02}")
                    })
                })
                .collect(),
        ),
        ColumnData::StrList(v) => {
            Cow::Owned(v.iter().map(|x| x.as_ref().map(|l| l.join(", "))).collect())
        }
    }
}

/// Fields whose values nearly never repeat across rows (ids, addresses, CNICs): each cell is
/// parsed on its own, as looking it up in a table of a million distinct values would cost more
/// than the parse (measured on generated returns).
const UNIQUE_FIELDS: [&str; 3] = ["record_id", "address", "cnic"];

/// Index of a null cell in [`Dict`], [`Memo`] and [`OutColumn`] indices.
const NONE: u32 = u32::MAX;

/// A fast, non-cryptographic hasher for the distinct-value tables (`rustc-hash`'s Fx: keys
/// are the caller's own cells, so flooding resistance is not needed, and SipHash would cost
/// more than the parsing it saves).
type FxMap<K, V> = HashMap<K, V, rustc_hash::FxBuildHasher>;

/// One column of raw text read by row: owned strings here, Arrow arrays borrowed in place in
/// the bindings (no copy of the input).
pub trait TextColumn: Sync {
    /// Number of rows.
    fn len(&self) -> usize;
    /// The text of a row, `None` for a null cell.
    fn get(&self, row: usize) -> Option<&str>;
    /// True when the column has no rows.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Calls `f` with every row's text in row order, and with a key that identifies the text
    /// by bits alone when the column has one (an Arrow view: equal keys mean equal text,
    /// though equal text may come with different keys). Columns read in chunks override it
    /// to walk each chunk in turn.
    fn for_each_cell<'s>(&'s self, f: &mut dyn FnMut(Option<&'s str>, Option<u128>)) {
        for i in 0..self.len() {
            f(self.get(i), None);
        }
    }
}

impl TextColumn for &[Option<String>] {
    fn len(&self) -> usize {
        <[Option<String>]>::len(self)
    }
    fn get(&self, row: usize) -> Option<&str> {
        self[row].as_deref()
    }
}

impl TextColumn for Vec<Option<String>> {
    fn len(&self) -> usize {
        self.as_slice().len()
    }
    fn get(&self, row: usize) -> Option<&str> {
        self[row].as_deref()
    }
}

/// One output column. Text is held as distinct values and a per-row index (`NONE` = null),
/// so that repeated values (districts, codes, names) are stored once and nothing is copied
/// per row until the caller builds its own arrays.
#[derive(Debug, Clone)]
pub enum OutColumn<'a> {
    /// Text: row `i` is `values[index[i]]`.
    Text {
        /// Distinct values (`None` = null).
        values: Vec<Option<Cow<'a, str>>>,
        /// Per row, a position in `values` or `NONE`.
        index: Vec<u32>,
    },
    /// Text given per row.
    Strs(Vec<Option<&'a str>>),
    /// Integers.
    Int(Vec<Option<i64>>),
    /// Floats.
    Float(Vec<Option<f64>>),
    /// Dates (days since 1970-01-01).
    Date(Vec<Option<i32>>),
    /// Lists of text: row `i` is `values[index[i]]`.
    TextList {
        /// Distinct lists (`None` = null).
        values: Vec<Option<Vec<Cow<'a, str>>>>,
        /// Per row, a position in `values` or `NONE`.
        index: Vec<u32>,
    },
    /// Lists of text given per row, flattened: row `i` is `values[ends[i - 1]..ends[i]]`
    /// (`ends[-1]` = 0); no row is null.
    StrsList {
        /// Every row's items, row after row.
        values: Vec<&'a str>,
        /// Per row, the end of its items in `values`.
        ends: Vec<u32>,
    },
}

impl OutColumn<'_> {
    /// Number of rows.
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Self::Text { index, .. } | Self::TextList { index, .. } => index.len(),
            Self::Strs(v) => v.len(),
            Self::Int(v) => v.len(),
            Self::Float(v) => v.len(),
            Self::Date(v) => v.len(),
            Self::StrsList { ends, .. } => ends.len(),
        }
    }

    /// True when the column has no rows.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text of a row of a text column (`None` for null or another kind of column).
    #[must_use]
    pub fn text(&self, row: usize) -> Option<&str> {
        match self {
            Self::Text { values, index } => match index[row] {
                NONE => None,
                i => values[i as usize].as_deref(),
            },
            Self::Strs(v) => v[row],
            _ => None,
        }
    }

    /// The list of a row of a list column, as borrowed strings.
    #[must_use]
    pub fn list(&self, row: usize) -> Option<Vec<&str>> {
        match self {
            Self::TextList { values, index } => match index[row] {
                NONE => None,
                i => values[i as usize]
                    .as_ref()
                    .map(|l| l.iter().map(AsRef::as_ref).collect()),
            },
            Self::StrsList { values, ends } => {
                let start = if row == 0 { 0 } else { ends[row - 1] as usize };
                Some(values[start..ends[row] as usize].to_vec())
            }
            _ => None,
        }
    }

    /// The column as owned values.
    #[must_use]
    pub fn to_data(&self) -> ColumnData {
        let n = self.len();
        match self {
            Self::Text { .. } | Self::Strs(_) => {
                ColumnData::Str((0..n).map(|i| self.text(i).map(str::to_owned)).collect())
            }
            Self::Int(v) => ColumnData::Int(v.clone()),
            Self::Float(v) => ColumnData::Float(v.clone()),
            Self::Date(v) => ColumnData::Date(v.clone()),
            Self::TextList { .. } | Self::StrsList { .. } => ColumnData::StrList(
                (0..n)
                    .map(|i| {
                        self.list(i)
                            .map(|l| l.into_iter().map(str::to_owned).collect())
                    })
                    .collect(),
            ),
        }
    }
}

/// The distinct values of a column: `index[row]` points into `distinct` (`NONE` for null).
struct Dict<'a> {
    distinct: Vec<&'a str>,
    index: Vec<u32>,
}

impl<'a> Dict<'a> {
    /// `unique`: the column's values are (nearly) all different, as ids are; each cell then
    /// gets its own slot without hashing. Either way each row maps to its own text, so
    /// results do not depend on it. (Judging uniqueness from a sample does not work: names
    /// that repeat across a million rows look unique in the first thousands.)
    fn new(column: Option<&'a dyn TextColumn>, n: usize, unique: bool) -> Self {
        let Some(col) = column else {
            return Self {
                distinct: Vec::new(),
                index: vec![NONE; n],
            };
        };
        let mut distinct: Vec<&'a str> = Vec::new();
        let mut index: Vec<u32> = Vec::with_capacity(n);
        if unique {
            col.for_each_cell(&mut |s, _| {
                index.push(s.map_or(NONE, |s| {
                    distinct.push(s);
                    (distinct.len() - 1) as u32
                }));
            });
        } else {
            // Cells with a key are looked up by it first (a hash of 16 bytes): Arrow views of
            // values repeated within a chunk (dictionary-encoded Parquet pages) or short
            // enough to be held inline share it; the text is hashed once per distinct key.
            // A long text's key only pays while keys repeat: a column of mostly different
            // long values (names read from plain-encoded pages or a CSV) would fill a second
            // map as large as the column. Past `KEYED_TRIAL` long cells with fewer than half
            // found by key, long cells are looked up by text alone.
            const KEYED_TRIAL: u32 = 1 << 14;
            let mut seen: FxMap<&'a str, u32> = FxMap::default();
            let mut keyed: FxMap<u128, u32> = FxMap::default();
            let (mut long_cells, mut long_hits, mut long_keyed) = (0u32, 0u32, true);
            let mut intern = |s: &'a str| -> u32 {
                *seen.entry(s).or_insert_with(|| {
                    distinct.push(s);
                    (distinct.len() - 1) as u32
                })
            };
            col.for_each_cell(&mut |s, key| {
                index.push(match (s, key) {
                    (None, _) => NONE,
                    (Some(s), Some(k)) if s.len() <= 12 => {
                        *keyed.entry(k).or_insert_with(|| intern(s))
                    }
                    (Some(s), Some(k)) if long_keyed => {
                        long_cells += 1;
                        if long_cells == KEYED_TRIAL {
                            long_keyed = long_hits >= KEYED_TRIAL / 2;
                        }
                        match keyed.get(&k) {
                            Some(&i) => {
                                long_hits += 1;
                                i
                            }
                            None => {
                                let i = intern(s);
                                keyed.insert(k, i);
                                i
                            }
                        }
                    }
                    (Some(s), _) => intern(s),
                });
            });
        }
        Self { distinct, index }
    }
}

/// Distinct values parsed once: `index[row]` points into `values`.
struct Memo<'d, T> {
    values: Vec<T>,
    index: &'d [u32],
}

impl<'d, T: Send> Memo<'d, T> {
    fn new(dict: &'d Dict<'_>, f: impl Fn(&str) -> T + Sync) -> Self {
        Self {
            values: dict.distinct.par_iter().map(|s| f(s)).collect(),
            index: &dict.index,
        }
    }

    fn pos(&self, row: usize) -> Option<usize> {
        match self.index[row] {
            NONE => None,
            i => Some(i as usize),
        }
    }

    fn get(&self, row: usize) -> Option<&T> {
        self.pos(row).map(|i| &self.values[i])
    }
}

impl<T: Send> Memo<'_, Option<T>> {
    /// The parsed value of a row, `None` for a missing cell.
    fn hit(&self, row: usize) -> Option<&T> {
        self.get(row).and_then(Option::as_ref)
    }
}

/// A parsed name cell with the keys of the name and of the father's name: positions in the
/// list of keys [`fill_name_keys`] returns (`NONE` for no name).
struct NameCell {
    parts: name::NameParts,
    key: u32,
    father_key: u32,
    unparsed: bool,
}

/// A parsed father's (or guardian's) name cell: a cell that starts with its relation ("D/O
/// Rafiq", "ولد اکبر") names the father, and its marker hints at the person's sex.
fn parse_relative_cell(raw: &str) -> NameCell {
    let mut cell = parse_name_cell(raw);
    if cell.parts.name.is_none() {
        if let Some(f) = cell.parts.father.take() {
            cell.parts.name = Some(f);
            cell.unparsed = false;
        }
    }
    cell
}

/// A parsed name cell; its keys are filled by [`fill_name_keys`].
fn parse_name_cell(raw: &str) -> NameCell {
    let parts = name::parse_name(raw);
    let unparsed = parts.name.is_none() && !text::is_missing_marker(&text::clean_cow(raw));
    NameCell {
        parts,
        key: NONE,
        father_key: NONE,
        unparsed,
    }
}

/// Points the keys of the name and of the father's name of parsed name cells into the list
/// of keys it returns (one per distinct name, `None` where a name has no key), computing each
/// distinct name's key once (the same name comes with many honorifics and relatives).
fn fill_name_keys(groups: &mut [&mut Vec<NameCell>]) -> Vec<Option<String>> {
    fn intern<'s>(
        s: Option<&'s String>,
        slot: &mut FxMap<&'s str, u32>,
        distinct: &mut Vec<&'s str>,
    ) -> u32 {
        s.map_or(NONE, |s| {
            *slot.entry(s.as_str()).or_insert_with(|| {
                distinct.push(s.as_str());
                (distinct.len() - 1) as u32
            })
        })
    }
    let (places, keys) = {
        let mut slot: FxMap<&str, u32> = FxMap::default();
        let mut distinct: Vec<&str> = Vec::new();
        let places: Vec<Vec<(u32, u32)>> = groups
            .iter()
            .map(|cells| {
                cells
                    .iter()
                    .map(|c| {
                        (
                            intern(c.parts.name.as_ref(), &mut slot, &mut distinct),
                            intern(c.parts.father.as_ref(), &mut slot, &mut distinct),
                        )
                    })
                    .collect()
            })
            .collect();
        let keys: Vec<Option<String>> = distinct.par_iter().map(|s| name::name_key(s)).collect();
        (places, keys)
    };
    for (cells, places) in groups.iter_mut().zip(places) {
        for (c, (k, f)) in cells.iter_mut().zip(places) {
            c.key = k;
            c.father_key = f;
        }
    }
    keys
}

/// A parsed cell and its issue codes; `None` when the cell only marks a missing value.
type Parsed<T> = Option<(T, Vec<&'static str>)>;

fn parsed<T>(raw: &str, f: impl Fn(&str) -> (T, Vec<&'static str>)) -> Parsed<T> {
    let c = text::clean_value_cow(raw)?;
    Some(f(&c))
}

/// Declares [`Row`], the per-row results that are not a plain look-up of one column's
/// parsed value, and [`Cols`], the same results of a run of rows column by column (what the
/// output is built from: holding a million rows as structs cost a pass over a large array
/// per output column).
macro_rules! row_results {
    ($($(#[$doc:meta])* $field:ident: $t:ty,)*) => {
        #[derive(Default)]
        struct Row {
            $($(#[$doc])* $field: $t,)*
        }

        /// [`Row`]s column by column, with their issue codes flattened: row `i`'s codes are
        /// `issues[issue_ends[i - 1]..issue_ends[i]]`.
        struct Cols {
            $($field: Vec<$t>,)*
            issues: Vec<&'static str>,
            issue_ends: Vec<u32>,
        }

        impl Cols {
            fn with_capacity(rows: usize) -> Self {
                Self {
                    $($field: Vec::with_capacity(rows),)*
                    issues: Vec::new(),
                    issue_ends: Vec::with_capacity(rows),
                }
            }

            fn push(&mut self, r: Row, issues: &[&'static str]) {
                $(self.$field.push(r.$field);)*
                self.issues.extend_from_slice(issues);
                self.issue_ends.push(self.issues.len() as u32);
            }

            fn append(&mut self, mut other: Cols) {
                $(self.$field.append(&mut other.$field);)*
                let base = self.issues.len() as u32;
                self.issues.append(&mut other.issues);
                self.issue_ends.extend(other.issue_ends.iter().map(|e| e + base));
            }
        }
    };
}

row_results! {
    father: u32,
    husband: u32,
    sex: Option<&'static str>,
    age: Option<i64>,
    date_of_birth: Option<i32>,
    date_of_birth_precision: Option<&'static str>,
    age_group: Option<&'static str>,
    sex_age: Option<&'static str>,
    cnic_province: Option<&'static str>,
    cnic_sex_hint: Option<&'static str>,
    nationality: Option<&'static str>,
    district: Option<&'static str>,
    province: Option<&'static str>,
    district_confidence: Option<f64>,
    date: Option<i32>,
    date_precision: Option<&'static str>,
    crime_type: Option<&'static str>,
    /// Forms of exploitation as bits of [`Exploitation`] positions.
    exploitation: u16,
    case_status: Option<&'static str>,
    protection_status: Option<&'static str>,
    destination: Option<&'static str>,
    role: Option<&'static str>,
}

/// Rows given to one task of the per-row stage.
const TASK_ROWS: usize = 4096;

fn push_all(issues: &mut Vec<&'static str>, more: &[&'static str]) {
    for m in more {
        if !issues.contains(m) {
            issues.push(m);
        }
    }
}

fn crime_type_given(raw: &str) -> Option<CrimeType> {
    let w = text::word_text(raw);
    // Codes as tipsom writes them ("tip_related", "migration fraud").
    if let Some(c) = CrimeType::from_code(&w.trim().replace(' ', "_")) {
        return Some(c);
    }
    // Acronyms state the type as a code would; the offence named in words is weaker than
    // the sections cited ([`crime_type_in_words`]).
    let tip = w.contains(" tip ") || w.contains(" ht ");
    let som = w.contains(" som ") || w.contains(" hs ");
    match (tip, som) {
        (true, true) => Some(CrimeType::Both),
        (true, false) => Some(CrimeType::Tip),
        (false, true) => Some(CrimeType::Som),
        _ => None,
    }
}

/// Whether word text (see [`text::word_text`]) names the offence of trafficking or of
/// smuggling by any form of the word ("trafficked for begging", "traffickers", "smuggled"),
/// not by the forms of exploitation that either may serve.
fn offence_words(w: &str) -> (bool, bool) {
    (w.contains(" traffick"), w.contains(" smuggl"))
}

/// The crime type a crime-type or exploitation cell states in words ("Sex trafficking",
/// "Trafficked child"), used when no section is cited (sections are the legal
/// classification; a disagreement is flagged): the offence's name decides; a form of
/// exploitation alone ("Begging", "Bonded labour") does not, since several laws punish each.
fn crime_type_in_words(raw: &str) -> Option<CrimeType> {
    match offence_words(&text::word_text(raw)) {
        (true, true) => Some(CrimeType::Both),
        (true, false) => Some(CrimeType::Tip),
        (false, true) => Some(CrimeType::Som),
        _ => None,
    }
}

/// Largest table of slots [`pairs`] numbers pairs in directly (4 bytes a slot).
const DENSE_PAIR_SLOTS: usize = 1 << 22;

/// The distinct pairs of two per-row indices (`a(row) < a_len`, `b(row) < b_len`, either may
/// be `NONE`), numbered in order of first appearance; `pair[row]` points into `distinct`.
/// Small index ranges are numbered through a table of every possible pair (an array look-up
/// per row), larger ones through a hash map; `dense_slots` is the largest table used.
fn pairs(
    n: usize,
    (a, a_len): (impl Fn(usize) -> u32, usize),
    (b, b_len): (impl Fn(usize) -> u32, usize),
    dense_slots: usize,
) -> (Vec<(u32, u32)>, Vec<u32>) {
    let mut distinct = Vec::new();
    // NONE takes the slot after the last index.
    let at = |x: u32, len: usize| if x == NONE { len } else { x as usize };
    let index = match (a_len + 1).checked_mul(b_len + 1) {
        Some(slots) if slots <= dense_slots => {
            let mut table = vec![NONE; slots];
            (0..n)
                .map(|i| {
                    let (x, y) = (a(i), b(i));
                    let slot = &mut table[at(x, a_len) * (b_len + 1) + at(y, b_len)];
                    if *slot == NONE {
                        distinct.push((x, y));
                        *slot = (distinct.len() - 1) as u32;
                    }
                    *slot
                })
                .collect()
        }
        _ => {
            let mut seen: FxMap<(u32, u32), u32> = FxMap::default();
            (0..n)
                .map(|i| {
                    let k = (a(i), b(i));
                    *seen.entry(k).or_insert_with(|| {
                        distinct.push(k);
                        (distinct.len() - 1) as u32
                    })
                })
                .collect()
        }
    };
    (distinct, index)
}

fn text_out<'a>(values: Vec<Option<Cow<'a, str>>>, index: &[u32]) -> OutColumn<'a> {
    OutColumn::Text {
        values,
        index: index.to_vec(),
    }
}

/// Normalizes every canonical column of `table` (see the module docs).
///
/// # Errors
/// [`crate::Error::Interrupted`] when `control` asks to stop. Bad values never fail: they give
/// nulls and issue codes.
pub fn normalize_table(table: &Table, options: &Options, control: &dyn Control) -> Result<Table> {
    let n = table.height();
    let texts: Vec<(&str, Cow<'_, [Option<String>]>)> = input_fields()
        .iter()
        .filter_map(|f| table.get(f).map(|c| (*f, column_text(c))))
        .collect();
    let slices: Vec<&[Option<String>]> = texts.iter().map(|(_, c)| c.as_ref()).collect();
    let cols: Vec<(&str, &dyn TextColumn)> = texts
        .iter()
        .zip(&slices)
        .map(|((f, _), c)| (*f, c as &dyn TextColumn))
        .collect();
    let typed = normalize_columns(n, &cols, options, control)?;
    let mut columns: Vec<Column> = Vec::new();
    for (name, data) in typed {
        if name == "issues" && !options.typed_only {
            if let Some(c) = table.get("date_of_report") {
                columns.push(c.clone());
            }
        }
        columns.push(Column::new(name, data.to_data()));
        if options.typed_only {
            continue;
        }
        if keeps_raw(name) {
            columns.push(raw_column(table, name, n));
        }
        if name == "source_type" {
            for f in ["source_file", "source_sheet"] {
                columns.push(
                    table
                        .get(f)
                        .cloned()
                        .unwrap_or_else(|| Column::new(f, ColumnData::Str(vec![None; n]))),
                );
            }
        }
    }
    if options.typed_only {
        return Ok(Table { columns });
    }
    let taken: std::collections::HashSet<String> = columns.iter().map(|c| c.name.clone()).collect();
    for c in &table.columns {
        if !taken.contains(&c.name) && !input_fields().contains(&c.name.as_str()) {
            columns.push(c.clone());
        }
    }
    Ok(Table { columns })
}

/// Whether [`normalize_table`] follows the typed column `name` with its `<field>_raw` text:
/// every canonical field but `date_of_report` (kept as given).
fn keeps_raw(name: &str) -> bool {
    crate::schema::CANONICAL_FIELDS.contains(&name) && name != "date_of_report"
}

/// Repeats of record ids among `n` rows, in row order: rows whose given id (`id(row).1`)
/// repeats an earlier one (to be flagged `record_id.duplicate`), and new ids `<id>-<count>`
/// for repeated generated ones (as `(row, new id)` in row order). The first occurrence keeps its
/// id. Rows are grouped by a hash of their id, sorted in parallel, so that only rows whose
/// hash repeats are compared as text (a serial hash map over a million ids took a tenth of
/// the normalization).
fn repeated_ids<'s>(
    n: usize,
    id: impl Fn(usize) -> (&'s str, bool) + Sync,
) -> (Vec<(usize, String)>, Vec<bool>) {
    use std::hash::BuildHasher;
    let hasher = rustc_hash::FxBuildHasher;
    let mut keyed: Vec<(u64, u32)> = (0..n)
        .into_par_iter()
        .map(|i| (hasher.hash_one(id(i).0), i as u32))
        .collect();
    keyed.par_sort_unstable();
    // Runs of one hash are counted in parallel, in segments that do not split a run.
    let segments = (keyed.len() / 65_536).clamp(1, 64);
    let mut bounds: Vec<usize> = (0..=segments).map(|k| k * keyed.len() / segments).collect();
    for b in &mut bounds[1..segments] {
        while *b < keyed.len() && keyed[*b].0 == keyed[*b - 1].0 {
            *b += 1;
        }
    }
    let found: Vec<Repeats> = bounds
        .par_windows(2)
        .map(|w| repeats_in_runs(&keyed[w[0]..w[1].max(w[0])], &id))
        .collect();
    let mut renamed: Vec<(usize, String)> = Vec::new();
    let mut repeated_given = vec![false; n];
    for (r, given) in found {
        renamed.extend(r);
        for i in given {
            repeated_given[i as usize] = true;
        }
    }
    renamed.sort_unstable_by_key(|(i, _)| *i);
    (renamed, repeated_given)
}

/// Renamed generated ids and rows of repeated given ids (see [`repeated_ids`]).
type Repeats = (Vec<(usize, String)>, Vec<u32>);

/// [`repeated_ids`] within rows sorted by the hash of their id and then by row.
fn repeats_in_runs<'s>(
    keyed: &[(u64, u32)],
    id: &(impl Fn(usize) -> (&'s str, bool) + Sync),
) -> Repeats {
    let mut renamed: Vec<(usize, String)> = Vec::new();
    let mut repeated_given: Vec<u32> = Vec::new();
    let mut counts: FxMap<&str, u32> = FxMap::default();
    for run in keyed.chunk_by(|a, b| a.0 == b.0).filter(|r| r.len() > 1) {
        // Rows of one hash in row order; ids that differ but share the hash (rare) count
        // apart.
        counts.clear();
        for &(_, i) in run {
            let (text, was_given) = id(i as usize);
            let count = counts.entry(text).or_insert(0);
            *count += 1;
            if *count > 1 {
                if was_given {
                    repeated_given.push(i);
                } else {
                    renamed.push((i as usize, format!("{text}-{count}")));
                }
            }
        }
    }
    (renamed, repeated_given)
}

/// Districts found in address-like text for rows whose district column names none: each
/// source of text is tried in turn on the rows still without one, each distinct text once.
struct PlaceFallback {
    /// Per row: index into `found`, or `NONE`.
    slot: Vec<u32>,
    /// Districts found, with the issue code naming the text they came from.
    found: Vec<(place::PlaceResult, &'static str)>,
    /// Rows still without a district.
    pending: Vec<usize>,
}

impl PlaceFallback {
    fn run<'t>(&mut self, code: &'static str, text_of: impl Fn(usize) -> Option<&'t str>) {
        if self.pending.is_empty() {
            return;
        }
        let mut slot_of: FxMap<&str, u32> = FxMap::default();
        let mut texts: Vec<&str> = Vec::new();
        let row_slots: Vec<u32> = self
            .pending
            .iter()
            .map(|&i| match text_of(i) {
                Some(t) => *slot_of.entry(t).or_insert_with(|| {
                    texts.push(t);
                    (texts.len() - 1) as u32
                }),
                None => NONE,
            })
            .collect();
        let places: Vec<Option<place::PlaceResult>> = texts
            .par_iter()
            .map(|t| place::district_in_address(t).filter(|p| p.district.is_some()))
            .collect();
        let mut kept: Vec<u32> = vec![NONE; places.len()];
        let mut still = Vec::with_capacity(self.pending.len());
        for (&i, &slot) in self.pending.iter().zip(&row_slots) {
            match (slot != NONE)
                .then(|| places[slot as usize].as_ref())
                .flatten()
            {
                Some(p) => {
                    if kept[slot as usize] == NONE {
                        self.found.push((p.clone(), code));
                        kept[slot as usize] = (self.found.len() - 1) as u32;
                    }
                    self.slot[i] = kept[slot as usize];
                }
                None => still.push(i),
            }
        }
        self.pending = still;
    }
}

/// Normalizes the raw text columns `columns` (canonical field names, any subset; all of
/// length `n`) into the typed and derived columns of the canonical schema, in schema order
/// (no `<field>_raw`, provenance or pass-through columns): the core of [`normalize_table`],
/// which the bindings call on Arrow arrays without copying them.
///
/// Every column's distinct values are parsed once (in parallel), the cross-field rules then
/// run per row in parallel chunks, and text comes back as distinct values with a row index.
///
/// # Errors
/// [`crate::Error::Interrupted`] when `control` asks to stop.
#[allow(clippy::too_many_lines)]
pub fn normalize_columns<'a>(
    n: usize,
    columns: &[(&str, &'a dyn TextColumn)],
    options: &Options,
    control: &dyn Control,
) -> Result<Vec<(&'static str, OutColumn<'a>)>> {
    let laws: &LawTable = options
        .law_table
        .as_ref()
        .unwrap_or_else(|| LawTable::default_table());
    let col = |f: &str| -> Option<&'a dyn TextColumn> {
        columns.iter().find(|(name, _)| *name == f).map(|(_, c)| *c)
    };
    control.checkpoint("normalize", 0, Some(n as u64))?;

    // Distinct values of every column, the columns in parallel.
    let fields: Vec<&'static str> = input_fields().to_vec();
    let dicts: Vec<Dict<'a>> = fields
        .par_iter()
        .map(|f| Dict::new(col(f), n, UNIQUE_FIELDS.contains(f)))
        .collect();
    let dict = |f: &str| -> &Dict<'a> {
        let i = fields.iter().position(|x| *x == f).expect("an input field");
        &dicts[i]
    };
    control.checkpoint("normalize", 0, Some(n as u64))?;

    // Parse each distinct value once.
    let clean_text = |f: &str| -> Memo<'_, Option<Cow<'a, str>>> {
        let d = dict(f);
        Memo {
            values: d
                .distinct
                .par_iter()
                .map(|s| text::clean_value_cow(s))
                .collect(),
            index: &d.index,
        }
    };
    let source_m = clean_text("source");
    // An id is whatever was given ("0" is an id, not a missing-value marker).
    let record_m = {
        let d = dict("record_id");
        Memo {
            values: d
                .distinct
                .par_iter()
                .map(|s| Some(text::clean_cow(s)).filter(|c| !c.is_empty()))
                .collect(),
            index: &d.index,
        }
    };
    let case_id_m = clean_text("case_id");
    let fir_no_m = clean_text("fir_no");
    let police_station_m = clean_text("police_station");
    let remarks_m = clean_text("remarks");
    let address_m = clean_text("address");
    let source_row_m = Memo::new(dict("source_row"), |s| {
        text::clean(s).parse::<f64>().ok().map(|f| f as i64)
    });
    let district = Memo::new(dict("district"), |s| parsed(s, place::parse_district));
    let province = Memo::new(dict("province"), |s| parsed(s, place::parse_province));
    let nationality = Memo::new(dict("nationality"), |s| {
        parsed(s, |c| nationality::parse_country(c, "nationality"))
    });
    let destination = Memo::new(dict("destination"), |s| {
        parsed(s, |c| nationality::parse_country(c, "destination"))
    });
    let sex_m = Memo::new(dict("sex"), |s| parsed(s, sex::parse_sex));
    let status_m = Memo::new(dict("case_status"), |s| {
        parsed(s, |c| {
            let (status, issues) = status::parse_case_status(c);
            // A shelter's outcome written under "Status" is a protection status.
            let protection = ((status == CaseStatus::Unknown || !issues.is_empty())
                && status::is_protection_outcome(c))
            .then(|| status::parse_protection_status(c).0);
            ((status, protection), issues)
        })
    });
    let protection_m = Memo::new(dict("protection_status"), |s| {
        parsed(s, status::parse_protection_status)
    });
    let law_given = Memo::new(dict("law_sections"), |s| {
        parsed(s, |c| offence::parse_sections(c, laws))
    });
    // Free-text columns that registers also write citations into ("Reason of admission:
    // case 715/23 u/s 371-A PPC", "Action taken: FIR registered u/s 3 PSMA").
    let exploitation_text_m = clean_text("exploitation");
    let case_status_text_m = clean_text("case_status");
    let protection_text_m = clean_text("protection_status");
    let crime_type_text_m = clean_text("crime_type");
    // Rows without a sections cell: citations that name their law in the FIR particulars,
    // case number, remarks or police-station text ("FIR 224/21 u/s 3/4 PTPA PS Saddar").
    let (law_values, law_index) = {
        let mut values = law_given.values;
        let mut index = law_given.index.to_vec();
        let sources: Vec<&Memo<'_, Option<Cow<'a, str>>>> = vec![
            &fir_no_m,
            &case_id_m,
            &remarks_m,
            &police_station_m,
            &exploitation_text_m,
            &case_status_text_m,
            &protection_text_m,
            &crime_type_text_m,
        ];
        let mut slot_of: FxMap<&str, u32> = FxMap::default();
        let mut texts: Vec<&str> = Vec::new();
        let missing: Vec<usize> = (0..n).filter(|&i| index[i] == NONE).collect();
        for &i in &missing {
            for src in &sources {
                if let Some(t) = src.hit(i) {
                    slot_of.entry(t.as_ref()).or_insert_with(|| {
                        texts.push(t.as_ref());
                        (texts.len() - 1) as u32
                    });
                }
            }
        }
        let found: Vec<Vec<String>> = texts
            .par_iter()
            .map(|t| offence::sections_in_text(t, laws))
            .collect();
        let mut value_of: Vec<u32> = vec![NONE; found.len()];
        for &i in &missing {
            let hit = sources.iter().find_map(|src| {
                let t = src.hit(i)?;
                let slot = slot_of[t.as_ref()] as usize;
                (!found[slot].is_empty()).then_some(slot)
            });
            if let Some(slot) = hit {
                if value_of[slot] == NONE {
                    values.push(Some((found[slot].clone(), vec!["law.from_text"])));
                    value_of[slot] = (values.len() - 1) as u32;
                }
                index[i] = value_of[slot];
            }
        }
        (values, index)
    };
    let law_m = Memo {
        values: law_values,
        index: &law_index,
    };
    // What each distinct citation says about the person (EO 17(1), PTPA 3(1) or 3(2)).
    let citation_flags: Vec<offence::CitationFlags> = law_m
        .values
        .par_iter()
        .map(|v| {
            v.as_ref()
                .map(|(codes, _)| offence::CitationFlags::of(codes))
                .unwrap_or_default()
        })
        .collect();
    let expl_m = Memo::new(dict("exploitation"), |s| {
        parsed(s, exploitation::parse_exploitation)
    });
    let crime_m = Memo::new(dict("crime_type"), crime_type_given);
    let crime_words_m = Memo::new(dict("crime_type"), crime_type_in_words);
    let expl_words_m = Memo::new(dict("exploitation"), crime_type_in_words);
    control.checkpoint("normalize", 0, Some(n as u64))?;
    let mut name_m = Memo::new(dict("name"), parse_name_cell);
    let mut father_m = Memo::new(dict("father_name"), parse_relative_cell);
    let name_keys = fill_name_keys(&mut [&mut name_m.values, &mut father_m.values]);
    let husband_m = Memo::new(dict("husband_name"), parse_name_cell);
    control.checkpoint("normalize", 0, Some(n as u64))?;
    let date_m = Memo::new(dict("date"), |s| parsed(s, date::parse_date));
    let dob_m = Memo::new(dict("date_of_birth"), |s| parsed(s, date::parse_date));
    let age_m = Memo::new(dict("age"), |s| parsed(s, age::parse_age));
    // An age column holding a date of birth, a date-of-birth column holding an age ("25 yrs").
    let age_as_birth = Memo::new(dict("age"), |s| {
        date::parse_date(s)
            .0
            .filter(|d| d.precision == date::Precision::Day)
    });
    let birth_as_age = Memo::new(dict("date_of_birth"), |s| {
        if date::parse_date(s).0.is_some() {
            return None;
        }
        age::parse_age(s).0.years
    });
    // Dates written with the FIR or case number ("715/23 dt 04.09.2023").
    let fir_date_m = Memo::new(dict("fir_no"), date::date_in_text);
    let case_date_m = Memo::new(dict("case_id"), date::date_in_text);
    // Forms of exploitation written in a crime-type cell ("Child begging") or the remarks
    // ("child domestic worker recovered"), for rows without an exploitation cell.
    let crime_forms_m = Memo::new(dict("crime_type"), exploitation::forms_in_text);
    let remarks_forms_m = Memo::new(dict("remarks"), exploitation::forms_in_text);
    // Shelter outcomes written in the remarks.
    let remarks_protection_m = Memo::new(dict("remarks"), status::protection_in_text);
    // Roles: the role cell, the sheet's name, a deportee list or remark, EO s.17(1).
    let role_m = Memo::new(dict("role"), |s| parsed(s, role::parse_role));
    let sheet_role_m = Memo::new(dict("source_sheet"), role::role_of_sheet);
    let source_deported_m = Memo::new(dict("source"), role::names_deportees);
    let file_deported_m = Memo::new(dict("source_file"), role::names_deportees);
    let cnic_m = Memo::new(dict("cnic"), |s| parsed(s, cnic::parse_cnic));
    let passport_m = Memo::new(dict("passport"), |s| parsed(s, cnic::parse_passport));
    let phone_m = Memo::new(dict("phone"), |s| parsed(s, phone::parse_phone));
    control.checkpoint("normalize", 0, Some(n as u64))?;

    // The source type from the given type and the source's name: once per distinct pair.
    let (type_pairs, type_index) = pairs(
        n,
        (
            |i| dict("source_type").index[i],
            dict("source_type").distinct.len(),
        ),
        (|i| source_m.index[i], source_m.values.len()),
        DENSE_PAIR_SLOTS,
    );
    let type_values: Vec<&'static str> = type_pairs
        .par_iter()
        .map(|&(g, s)| {
            let given = (g != NONE).then(|| dict("source_type").distinct[g as usize]);
            let source = if s == NONE {
                None
            } else {
                source_m.values[s as usize].as_deref()
            };
            source::source_type(given, source).code()
        })
        .collect();
    // Law citations classified at the offence date: once per distinct citation and epoch of
    // the law table (dates between two of its dates of change are classified alike).
    let changes = offence::change_dates(laws);
    let (law_pairs, law_pair_index) = pairs(
        n,
        (
            |i| law_m.hit(i).map_or(NONE, |_| law_m.index[i]),
            law_m.values.len(),
        ),
        (
            |i| offence::epoch(&changes, date_m.hit(i).and_then(|(d, _)| d.map(|d| d.days))),
            changes.len() + 2,
        ),
        DENSE_PAIR_SLOTS,
    );
    let classified: Vec<_> = law_pairs
        .par_iter()
        .map(|&(l, e)| {
            if l == NONE {
                return None;
            }
            let d = offence::epoch_date(&changes, e);
            let codes = &law_m.values[l as usize]
                .as_ref()
                .expect("a parsed citation")
                .0;
            Some(offence::classify(codes, d, laws))
        })
        .collect();
    // Addresses searched for a district only where the district column gives none.
    let district_missing = |i: usize| {
        district
            .hit(i)
            .and_then(|(p, _)| p.as_ref())
            .is_none_or(|p| p.district.is_none())
    };
    // Where the district column gives none, the first address-like text that names one:
    // the address, the residence in the name cell ("Ali s/o Akbar r/o Daska"), the police
    // station, then the FIR text and remarks. Each distinct text is read once.
    let name_dict = dict("name");
    let mut fallback = PlaceFallback {
        slot: vec![NONE; n],
        found: Vec::new(),
        pending: (0..n).filter(|&i| district_missing(i)).collect(),
    };
    fallback.run("district.from_address", |i| {
        address_m.hit(i).map(AsRef::as_ref)
    });
    fallback.run("district.from_name_cell", |i| {
        name_dict
            .index
            .get(i)
            .filter(|&&j| j != NONE)
            .and_then(|&j| place::residence_in_name(name_dict.distinct[j as usize]))
    });
    fallback.run("district.from_police_station", |i| {
        police_station_m.hit(i).map(AsRef::as_ref)
    });
    fallback.run("district.from_text", |i| fir_no_m.hit(i).map(AsRef::as_ref));
    fallback.run("district.from_text", |i| {
        case_id_m.hit(i).map(AsRef::as_ref)
    });
    fallback.run("district.from_text", |i| {
        remarks_m.hit(i).map(AsRef::as_ref)
    });
    let PlaceFallback {
        slot: fallback_slot,
        found: fallback_found,
        ..
    } = fallback;
    control.checkpoint("normalize", 0, Some(n as u64))?;

    // Record ids must be unique within the input: flag repeats of given ids; number repeats of
    // generated ones.
    let c_source_file = col("source_file");
    let c_source_sheet = col("source_sheet");
    let c_source_row = col("source_row");
    let generated: Vec<Option<String>> = (0..n)
        .into_par_iter()
        .map(|i| {
            record_m.hit(i).is_none().then(|| {
                let at = |c: Option<&'a dyn TextColumn>| c.and_then(|c| c.get(i));
                source::generated_record_id(
                    at(c_source_file),
                    at(c_source_sheet),
                    at(c_source_row),
                    i,
                )
            })
        })
        .collect();
    let (renamed, repeated_given) = repeated_ids(n, |i| match record_m.hit(i) {
        Some(s) => (s.as_ref(), true),
        None => (generated[i].as_deref().unwrap_or_default(), false),
    });
    control.checkpoint("normalize", 0, Some(n as u64))?;

    let father_offset = name_m.values.len() as u32;
    let husband_offset = name_m.values.len() as u32;
    let relative_husband_offset = (name_m.values.len() + husband_m.values.len()) as u32;
    let row_rules = |i: usize, issues: &mut Vec<&'static str>| -> Row {
        let mut r = Row::default();

        // Names.
        let own_pos = name_m.pos(i);
        let own = name_m.get(i);
        let father_pos = father_m
            .pos(i)
            .filter(|&j| father_m.values[j].parts.name.is_some());
        let husband_pos = husband_m
            .pos(i)
            .filter(|&j| husband_m.values[j].parts.name.is_some());
        let own_index = own_pos.map_or(NONE, |j| j as u32);
        r.father = father_pos.map_or(own_index, |j| father_offset + j as u32);
        r.husband = husband_pos.map_or(own_index, |j| husband_offset + j as u32);
        // "W/O Tariq" written in a father/husband column names the husband.
        let relative = father_m.get(i);
        if husband_pos.is_none()
            && own.is_none_or(|c| c.parts.husband.is_none())
            && relative.is_some_and(|c| c.parts.husband.is_some())
        {
            r.husband = relative_husband_offset + father_m.pos(i).unwrap_or(0) as u32;
        }
        if own.is_some_and(|c| c.unparsed) {
            issues.push("name.unparsed");
        }
        let name_sex_hint = own
            .and_then(|c| c.parts.sex_hint)
            .or_else(|| relative.and_then(|c| c.parts.sex_hint));

        // CNIC.
        if let Some((c, iss)) = cnic_m.hit(i) {
            push_all(issues, iss);
            if let Some(c) = c {
                r.cnic_province = Some(c.province);
                r.cnic_sex_hint = Some(c.sex_hint.code());
            }
        }
        if let Some((_, iss)) = passport_m.hit(i) {
            push_all(issues, iss);
        }
        if let Some((_, iss)) = phone_m.hit(i) {
            push_all(issues, iss);
        }

        // Sex, with the name and CNIC as fallbacks and the CNIC as a check.
        let mut sex_v = Sex::Unknown;
        if let Some((s, iss)) = sex_m.hit(i) {
            push_all(issues, iss);
            sex_v = *s;
        }
        let hint = r.cnic_sex_hint.and_then(Sex::from_code);
        if sex_v == Sex::Unknown {
            if let Some(s) = name_sex_hint {
                sex_v = s;
                issues.push("sex.from_name");
            } else if let Some(h) = hint {
                sex_v = h;
                issues.push("sex.from_cnic");
            }
        } else if matches!(sex_v, Sex::Male | Sex::Female) && hint.is_some_and(|h| h != sex_v) {
            issues.push("sex.cnic_parity_conflict");
        }
        r.sex = Some(sex_v.code());

        // Dates and age.
        if let Some((d, iss)) = date_m.hit(i) {
            push_all(issues, iss);
            r.date = d.map(|d| d.days);
            r.date_precision = d.map(|d| d.precision.code());
        }
        if r.date.is_none() {
            let found = fir_date_m
                .get(i)
                .copied()
                .flatten()
                .or_else(|| case_date_m.get(i).copied().flatten());
            if let Some(d) = found {
                r.date = Some(d.days);
                r.date_precision = Some(d.precision.code());
                issues.retain(|c| !c.starts_with("date."));
                issues.push("date.from_text");
            }
        }
        let birth_is_age = birth_as_age.get(i).copied().flatten();
        if let Some(a) = birth_is_age {
            r.age = Some(a);
            issues.push("date_of_birth.is_age");
        } else if let Some((d, iss)) = dob_m.hit(i) {
            for code in iss {
                let c = match *code {
                    "date.ambiguous" => "date_of_birth.ambiguous",
                    "date.month_first" => "date_of_birth.month_first",
                    "date.partial" => "date_of_birth.partial",
                    "date.two_digit_year" => "date_of_birth.two_digit_year",
                    "date.invalid" => "date_of_birth.invalid",
                    _ => "date_of_birth.unparsed",
                };
                push_all(issues, &[c]);
            }
            r.date_of_birth = d.map(|d| d.days);
            r.date_of_birth_precision = d.map(|d| d.precision.code());
        }
        let mut child_hint = None;
        if let Some(d) = age_as_birth.get(i).copied().flatten() {
            if r.date_of_birth.is_none() {
                r.date_of_birth = Some(d.days);
                r.date_of_birth_precision = Some(d.precision.code());
            }
            issues.push("age.is_date_of_birth");
        } else if let Some((a, iss)) = age_m.hit(i) {
            push_all(issues, iss);
            if a.years.is_some() || birth_is_age.is_none() {
                r.age = a.years;
            }
            child_hint = a.child;
        }
        let age_at_event = match (r.date_of_birth, r.date) {
            (Some(b), Some(d)) => {
                let a = age::age_at(b, d);
                if a.is_none() {
                    issues.push("date_of_birth.after_date");
                }
                a
            }
            _ => None,
        };
        if let (Some(a), Some(e)) = (r.age, age_at_event) {
            if (a - e).abs() > 1 {
                issues.push("age.dob_conflict");
            }
        }
        if r.age.is_none() {
            r.age = age_at_event;
        }
        if r.age.is_none() {
            if let Some(a) = own.and_then(|c| c.parts.age) {
                r.age = Some(a);
                issues.push("age.from_name");
            }
        }
        let age_for_group = age_at_event.or(r.age);
        let group = match (age_for_group, child_hint) {
            (Some(a), _) => {
                if a < 18 {
                    AgeGroup::Child
                } else {
                    AgeGroup::Adult
                }
            }
            (None, Some(true)) => AgeGroup::Child,
            (None, Some(false)) => AgeGroup::Adult,
            _ => AgeGroup::Unknown,
        };
        r.age_group = Some(group.code());
        r.sex_age = Some(SexAge::from_sex_and_age_group(sex_v, group).code());

        // Places.
        let mut place_found = None;
        if let Some((p, iss)) = district.hit(i) {
            push_all(issues, iss);
            place_found = p.clone();
        }
        if place_found.as_ref().is_none_or(|p| p.district.is_none()) {
            let found = match fallback_slot[i] {
                NONE => None,
                j => Some(&fallback_found[j as usize]),
            };
            if let Some((p, code)) = found {
                let province_agrees = place_found
                    .as_ref()
                    .is_none_or(|f| f.province == p.province);
                if province_agrees {
                    issues.retain(|c| *c != "district.ambiguous" && *c != "district.unknown");
                    issues.push(code);
                    if p.confidence.is_some_and(|c| c < 1.0) {
                        push_all(issues, &["district.fuzzy"]);
                    }
                    place_found = Some(p.clone());
                }
            }
        }
        if let Some(p) = &place_found {
            r.district = p.district;
            r.province = p.province;
            r.district_confidence = p.district.and(p.confidence);
        }
        if let Some((p, iss)) = province.hit(i) {
            match (r.province, p) {
                (Some(dp), Some(pp)) if dp != *pp => issues.push("province.district_conflict"),
                (None, Some(pp)) => r.province = Some(pp),
                (None, None) => push_all(issues, iss),
                _ => {}
            }
        }
        if let Some((c, iss)) = nationality.hit(i) {
            push_all(issues, iss);
            r.nationality = *c;
        }
        if let Some((c, iss)) = destination.hit(i) {
            push_all(issues, iss);
            r.destination = *c;
        }

        // Offences.
        let mut forms: u16 = 0;
        let mut crime = CrimeType::Unknown;
        if let Some((_, iss)) = law_m.hit(i) {
            push_all(issues, iss);
            let (c, f, iss2) = classified[law_pair_index[i] as usize]
                .as_ref()
                .expect("a classified citation");
            push_all(issues, iss2);
            crime = *c;
            for e in f {
                forms |= 1 << (*e as u16);
            }
        }
        if let Some(given) = crime_m.hit(i) {
            if crime != CrimeType::Unknown && *given != crime {
                issues.push("crime_type.sections_conflict");
            }
            crime = *given;
        }
        if let Some(worded) = crime_words_m.hit(i).or_else(|| expl_words_m.hit(i)) {
            if crime == CrimeType::Unknown {
                crime = *worded;
                issues.push("crime_type.from_wording");
            } else if crime != *worded && !issues.contains(&"crime_type.sections_conflict") {
                issues.push("crime_type.sections_conflict");
            }
        }
        r.crime_type = Some(crime.code());
        if let Some((f, iss)) = expl_m.hit(i) {
            push_all(issues, iss);
            for e in f {
                forms |= 1 << (*e as u16);
            }
        } else {
            let found = [crime_forms_m.get(i), remarks_forms_m.get(i)]
                .into_iter()
                .flatten()
                .find(|f| !f.is_empty());
            if let Some(f) = found {
                issues.push("exploitation.from_text");
                for e in f {
                    forms |= 1 << (*e as u16);
                }
            }
        }
        // Smuggling and recruitment fraud have no purpose of exploitation to be unknown.
        if forms == 0
            && !matches!(
                crime,
                CrimeType::Som | CrimeType::SomRelated | CrimeType::MigrationFraud
            )
        {
            forms = 1 << (Exploitation::Unknown as u16);
        }
        r.exploitation = forms;
        let flags = law_m.pos(i).map(|j| citation_flags[j]).unwrap_or_default();

        // Role.
        let role_v = if let Some((v, iss)) = role_m.hit(i) {
            push_all(issues, iss);
            *v
        } else {
            let listed = |m: &Memo<'_, bool>| m.get(i).copied().unwrap_or(false);
            // A deportee list (the unit or file names deportees); a remark does not make a
            // deportee of a person a victims' register lists ("complaint of deportee...").
            let deported = (listed(&source_deported_m) || listed(&file_deported_m))
                .then_some("role.from_source");
            let cues = role::Cues {
                sheet: sheet_role_m.get(i).copied().flatten(),
                deported,
                self_emigration: flags.self_emigration,
            };
            let (v, code) = role::derive_role(crime, cues);
            if let Some(code) = code {
                issues.push(code);
            }
            v
        };
        r.role = Some(role_v.code());
        if role_v == Role::Victim {
            if let Some(code) = flags.ptpa_issue(sex_v, group) {
                issues.push(code);
            }
        }
        let mut status_v = CaseStatus::Unknown;
        let mut protection = None;
        if let Some(((s, p), iss)) = status_m.hit(i) {
            if let Some(p) = p {
                issues.push("case_status.protection_outcome");
                protection = Some(*p);
            } else {
                push_all(issues, iss);
                status_v = *s;
            }
        }
        r.case_status = Some(status_v.code());
        if let Some((p, iss)) = protection_m.hit(i) {
            push_all(issues, iss);
            protection = Some(*p);
        }
        if protection.is_none() {
            if let Some(p) = remarks_protection_m.get(i).copied().flatten() {
                protection = Some(p);
                issues.push("protection_status.from_remarks");
            }
        }
        r.protection_status = protection.map(ProtectionStatus::code);
        if repeated_given[i] {
            issues.push("record_id.duplicate");
        }
        r
    };
    let mut cols = Cols::with_capacity(n);
    for start in (0..n).step_by(CHUNK_ROWS) {
        let end = (start + CHUNK_ROWS).min(n);
        let tasks: Vec<usize> = (start..end).step_by(TASK_ROWS).collect();
        let parts: Vec<Cols> = tasks
            .into_par_iter()
            .map(|a| {
                let b = (a + TASK_ROWS).min(end);
                let mut part = Cols::with_capacity(b - a);
                let mut issues = Vec::new();
                for i in a..b {
                    issues.clear();
                    let r = row_rules(i, &mut issues);
                    part.push(r, &issues);
                }
                part
            })
            .collect();
        for part in parts {
            cols.append(part);
        }
        control.checkpoint("normalize", end as u64, Some(n as u64))?;
    }

    // Output columns.
    let record_id = {
        let mut values: Vec<Option<Cow<'a, str>>> = record_m.values;
        let mut index = record_m.index.to_vec();
        let mut generated = generated;
        let mut renamed = renamed.into_iter().peekable();
        for (i, g) in generated.iter_mut().enumerate() {
            let value = if renamed.peek().is_some_and(|(j, _)| *j == i) {
                renamed.next().map(|(_, s)| s)
            } else {
                g.take()
            };
            if let Some(v) = value {
                index[i] = values.len() as u32;
                values.push(Some(Cow::Owned(v)));
            }
        }
        OutColumn::Text { values, index }
    };
    let Cols {
        father: father_index,
        husband: husband_index,
        sex,
        age,
        date_of_birth,
        date_of_birth_precision,
        age_group,
        sex_age,
        cnic_province,
        cnic_sex_hint,
        nationality,
        district,
        province,
        district_confidence,
        date,
        date_precision,
        crime_type,
        exploitation,
        case_status,
        protection_status,
        destination,
        role: role_col,
        issues,
        issue_ends,
    } = cols;
    let name_index = name_m.index.to_vec();
    // Keys are listed once per distinct name; each row points at its name's and its father's.
    let key_index = |slots: &[u32], rows: &[u32]| -> Vec<u32> {
        rows.par_iter()
            .map(|&j| if j == NONE { NONE } else { slots[j as usize] })
            .collect()
    };
    let name_slots: Vec<u32> = name_m.values.iter().map(|c| c.key).collect();
    let father_slots: Vec<u32> = name_m
        .values
        .iter()
        .map(|c| c.father_key)
        .chain(father_m.values.iter().map(|c| c.key))
        .collect();
    let name_key_col = OutColumn::Text {
        values: name_keys
            .par_iter()
            .map(|k| k.clone().map(Cow::Owned))
            .collect(),
        index: key_index(&name_slots, &name_index),
    };
    let father_key_col = OutColumn::Text {
        values: name_keys.into_iter().map(|k| k.map(Cow::Owned)).collect(),
        index: key_index(&father_slots, &father_index),
    };
    // Names and relatives move out of the parsed cells (no copies).
    let k = name_m.values.len();
    let mut names = Vec::with_capacity(k);
    let mut fathers = Vec::with_capacity(k + father_m.values.len());
    let mut husbands = Vec::with_capacity(k + husband_m.values.len());
    for c in name_m.values {
        names.push(c.parts.name.map(Cow::Owned));
        fathers.push(c.parts.father.map(Cow::Owned));
        husbands.push(c.parts.husband.map(Cow::Owned));
    }
    let mut relative_husbands = Vec::with_capacity(father_m.values.len());
    for c in father_m.values {
        fathers.push(c.parts.name.map(Cow::Owned));
        relative_husbands.push(c.parts.husband.map(Cow::Owned));
    }
    for c in husband_m.values {
        husbands.push(c.parts.name.map(Cow::Owned));
    }
    husbands.append(&mut relative_husbands);
    let name_col = OutColumn::Text {
        values: names,
        index: name_index,
    };
    let father_col = OutColumn::Text {
        values: fathers,
        index: father_index,
    };
    let husband_col = OutColumn::Text {
        values: husbands,
        index: husband_index,
    };
    // Parsed text moves into the output (no copies).
    let parsed_text = |values: Vec<Parsed<Option<String>>>| -> Vec<Option<Cow<'a, str>>> {
        values
            .into_par_iter()
            .map(|v| v.and_then(|(s, _)| s).map(Cow::Owned))
            .collect()
    };
    // Each set of forms of exploitation (a bit mask) is listed once.
    let mut masks = vec![NONE; 1 << Exploitation::ALL.len()];
    let mut mask_values: Vec<Option<Vec<Cow<'a, str>>>> = Vec::new();
    let exploitation_index: Vec<u32> = exploitation
        .iter()
        .map(|&forms| {
            let slot = &mut masks[forms as usize];
            if *slot == NONE {
                mask_values.push(Some(
                    Exploitation::ALL
                        .iter()
                        .filter(|e| forms & (1 << (**e as u16)) != 0)
                        .map(|e| Cow::Borrowed(e.code()))
                        .collect(),
                ));
                *slot = (mask_values.len() - 1) as u32;
            }
            *slot
        })
        .collect();
    let columns: Vec<(&'static str, OutColumn<'a>)> = vec![
        ("record_id", record_id),
        ("source", text_out(source_m.values, source_m.index)),
        (
            "source_type",
            OutColumn::Strs(
                type_index
                    .iter()
                    .map(|&p| Some(type_values[p as usize]))
                    .collect(),
            ),
        ),
        (
            "source_row",
            OutColumn::Int(
                (0..n)
                    .map(|i| source_row_m.get(i).copied().flatten())
                    .collect(),
            ),
        ),
        ("case_id", text_out(case_id_m.values, case_id_m.index)),
        ("fir_no", text_out(fir_no_m.values, fir_no_m.index)),
        (
            "police_station",
            text_out(police_station_m.values, police_station_m.index),
        ),
        ("name", name_col),
        ("father_name", father_col),
        ("husband_name", husband_col),
        ("name_key", name_key_col),
        ("father_name_key", father_key_col),
        ("sex", OutColumn::Strs(sex)),
        ("age", OutColumn::Int(age)),
        ("date_of_birth", OutColumn::Date(date_of_birth)),
        (
            "date_of_birth_precision",
            OutColumn::Strs(date_of_birth_precision),
        ),
        ("age_group", OutColumn::Strs(age_group)),
        ("sex_age", OutColumn::Strs(sex_age)),
        (
            "cnic",
            text_out(
                cnic_m
                    .values
                    .into_par_iter()
                    .map(|v| v.and_then(|(c, _)| c).map(|c| Cow::Owned(c.digits)))
                    .collect(),
                cnic_m.index,
            ),
        ),
        ("cnic_province", OutColumn::Strs(cnic_province)),
        ("cnic_sex_hint", OutColumn::Strs(cnic_sex_hint)),
        (
            "passport",
            text_out(parsed_text(passport_m.values), passport_m.index),
        ),
        (
            "phone",
            text_out(parsed_text(phone_m.values), phone_m.index),
        ),
        ("nationality", OutColumn::Strs(nationality)),
        ("address", text_out(address_m.values, address_m.index)),
        ("district", OutColumn::Strs(district)),
        ("district_confidence", OutColumn::Float(district_confidence)),
        ("province", OutColumn::Strs(province)),
        ("date", OutColumn::Date(date)),
        ("date_precision", OutColumn::Strs(date_precision)),
        (
            "law_sections",
            OutColumn::TextList {
                values: law_m
                    .values
                    .iter()
                    .map(|v| {
                        v.as_ref()
                            .filter(|(codes, _)| !codes.is_empty())
                            .map(|(codes, _)| codes.iter().cloned().map(Cow::Owned).collect())
                    })
                    .collect(),
                index: law_m.index.to_vec(),
            },
        ),
        ("crime_type", OutColumn::Strs(crime_type)),
        (
            "exploitation",
            OutColumn::TextList {
                values: mask_values,
                index: exploitation_index,
            },
        ),
        ("case_status", OutColumn::Strs(case_status)),
        ("protection_status", OutColumn::Strs(protection_status)),
        ("destination", OutColumn::Strs(destination)),
        ("role", OutColumn::Strs(role_col)),
        ("remarks", text_out(remarks_m.values, remarks_m.index)),
        (
            "issues",
            OutColumn::StrsList {
                values: issues,
                ends: issue_ends,
            },
        ),
    ];
    Ok(columns)
}

/// The column-level normalizers that [`normalize_column`] offers (and `tipsom.expr` wraps).
pub const COLUMN_KINDS: [&str; 18] = [
    "text",
    "name",
    "father_name",
    "husband_name",
    "name_key",
    "cnic",
    "phone",
    "passport",
    "date",
    "age",
    "sex",
    "district",
    "province",
    "nationality",
    "law_sections",
    "crime_type",
    "exploitation",
    "case_status",
];

/// Normalizes one column of raw text with one normalizer, each distinct value once and in
/// parallel, order kept: the building block of `tipsom.expr`. `crime_type` reads law
/// citations (at an unknown date).
///
/// # Errors
/// [`crate::Error::InvalidArgument`] for an unknown `kind`.
pub fn normalize_column(
    kind: &str,
    values: &dyn TextColumn,
    law_table: Option<&LawTable>,
) -> Result<OutColumn<'static>> {
    if !COLUMN_KINDS.contains(&kind) {
        return Err(crate::Error::invalid_argument(
            "kind",
            format!("one of {}", COLUMN_KINDS.join(", ")),
            format!("'{kind}'"),
        ));
    }
    let laws = law_table.unwrap_or_else(|| LawTable::default_table());
    let dict = Dict::new(Some(values), values.len(), false);
    let each = |f: &(dyn Fn(&str) -> Option<String> + Sync)| -> OutColumn<'static> {
        OutColumn::Text {
            values: dict
                .distinct
                .par_iter()
                .map(|s| clean_value(Some(s)).and_then(|s| f(&s)).map(Cow::Owned))
                .collect(),
            index: dict.index.clone(),
        }
    };
    // A value for every row, null cells included.
    fn per_row<T: Copy + Send + Sync>(
        dict: &Dict<'_>,
        null: T,
        f: impl Fn(&str) -> T + Sync,
    ) -> Vec<T> {
        let values: Vec<T> = dict.distinct.par_iter().map(|s| f(s)).collect();
        dict.index
            .par_iter()
            .map(|&i| if i == NONE { null } else { values[i as usize] })
            .collect()
    }
    let code = |f: &(dyn Fn(&str) -> &'static str + Sync), unknown: &'static str| {
        OutColumn::Strs(
            per_row(&dict, unknown, |s| {
                clean_value(Some(s)).map_or(unknown, |c| f(&c))
            })
            .into_iter()
            .map(Some)
            .collect(),
        )
    };
    let lists = |f: &(dyn Fn(&str) -> Option<Vec<String>> + Sync)| -> OutColumn<'static> {
        OutColumn::TextList {
            values: dict
                .distinct
                .par_iter()
                .map(|s| {
                    clean_value(Some(s))
                        .and_then(|s| f(&s))
                        .map(|l| l.into_iter().map(Cow::Owned).collect())
                })
                .collect(),
            index: dict.index.clone(),
        }
    };
    Ok(match kind {
        "text" => each(&|s| Some(s.to_owned())),
        "name" => each(&|s| name::parse_name(s).name),
        "father_name" => each(&|s| name::parse_name(s).father),
        "husband_name" => each(&|s| name::parse_name(s).husband),
        "name_key" => each(&|s| name::parse_name(s).name.as_deref().and_then(name::name_key)),
        "cnic" => each(&|s| cnic::parse_cnic(s).0.map(|c| c.digits)),
        "phone" => each(&|s| phone::parse_phone(s).0),
        "passport" => each(&|s| cnic::parse_passport(s).0),
        "sex" => code(&|s| sex::parse_sex(s).0.code(), Sex::Unknown.code()),
        "district" => each(&|s| {
            place::parse_district(s)
                .0
                .and_then(|p| p.district)
                .map(str::to_owned)
        }),
        "province" => each(&|s| {
            place::parse_province(s)
                .0
                .or_else(|| place::parse_district(s).0.and_then(|p| p.province))
                .map(str::to_owned)
        }),
        "nationality" => each(&|s| {
            nationality::parse_country(s, "nationality")
                .0
                .map(str::to_owned)
        }),
        "case_status" => code(
            &|s| status::parse_case_status(s).0.code(),
            CaseStatus::Unknown.code(),
        ),
        "crime_type" => code(
            &|s| {
                let codes = offence::parse_sections(s, laws).0;
                offence::classify(&codes, None, laws).0.code()
            },
            CrimeType::Unknown.code(),
        ),
        "date" => OutColumn::Date(per_row(&dict, None, |s| {
            clean_value(Some(s))
                .and_then(|s| date::parse_date(&s).0)
                .map(|d| d.days)
        })),
        "age" => OutColumn::Int(per_row(&dict, None, |s| {
            clean_value(Some(s)).and_then(|s| age::parse_age(&s).0.years)
        })),
        "law_sections" => {
            lists(&|s| Some(offence::parse_sections(s, laws).0).filter(|c| !c.is_empty()))
        }
        _ => lists(&|s| {
            Some(
                exploitation::parse_exploitation(s)
                    .0
                    .iter()
                    .map(|e| e.code().to_owned())
                    .collect(),
            )
        }),
    })
}

fn raw_column(table: &Table, field: &str, n: usize) -> Column {
    let data = table
        .get(field)
        .map_or_else(|| ColumnData::Str(vec![None; n]), |c| c.data.clone());
    Column::new(format!("{field}_raw"), data)
}

#[cfg(test)]
mod tests {

    /// Cells with keys as Arrow views give them: short text is its own key; long text gets
    /// `key_of(row)` (equal keys must mean equal text).
    struct Keyed {
        cells: Vec<Option<String>>,
        key_of: fn(usize, &str) -> u128,
    }

    impl super::TextColumn for Keyed {
        fn len(&self) -> usize {
            self.cells.len()
        }
        fn get(&self, row: usize) -> Option<&str> {
            self.cells[row].as_deref()
        }
        fn for_each_cell<'s>(&'s self, f: &mut dyn FnMut(Option<&'s str>, Option<u128>)) {
            for (i, c) in self.cells.iter().enumerate() {
                f(c.as_deref(), c.as_deref().map(|s| (self.key_of)(i, s)))
            }
        }
    }

    /// A key from the text (128 bits of two hashes: equal text, equal key).
    fn text_key(_: usize, s: &str) -> u128 {
        use std::hash::{Hash, Hasher};
        let half = |seed: u8| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (seed, s).hash(&mut h);
            u128::from(h.finish())
        };
        (half(1) << 64) | half(2)
    }

    #[test]
    fn dict_rows_map_to_their_own_text_whether_long_keys_repeat_or_not() {
        // Long values: first all different (each with its own key, so the keyed look-up
        // is dropped after its trial), then repeating with per-row keys, then short ones.
        let n = 50_000;
        let cells: Vec<Option<String>> = (0..n)
            .map(|i| match i % 7 {
                0 => None,
                _ if i < 30_000 => Some(format!("a long distinct value {i:06}")),
                1..=3 => Some(format!("a long repeated value {}", i % 5)),
                _ => Some(format!("s{}", i % 11)),
            })
            .collect();
        // Reversed, the repeats come first and the keyed look-up stays on.
        let reversed: Vec<Option<String>> = cells.iter().rev().cloned().collect();
        for (cells, key_of) in [
            (&cells, text_key as fn(usize, &str) -> u128),
            (&cells, |i, _| i as u128 + 1),
            (&reversed, text_key),
        ] {
            let col = Keyed {
                cells: cells.clone(),
                key_of,
            };
            let d = super::Dict::new(Some(&col), n, false);
            let mut seen = std::collections::HashSet::new();
            for (i, c) in cells.iter().enumerate() {
                let got = match d.index[i] {
                    super::NONE => None,
                    j => Some(d.distinct[j as usize]),
                };
                assert_eq!(got, c.as_deref(), "row {i}");
            }
            for s in &d.distinct {
                assert!(seen.insert(*s), "{s} listed twice");
            }
        }
    }

    #[test]
    fn pairs_are_numbered_alike_through_the_table_and_the_hash_map() {
        let n = 10_000;
        let a = |i: usize| {
            if i.is_multiple_of(13) {
                super::NONE
            } else {
                (i * 7 % 31) as u32
            }
        };
        let b = |i: usize| {
            if i.is_multiple_of(17) {
                super::NONE
            } else {
                (i % 5) as u32
            }
        };
        let dense = super::pairs(n, (a, 31), (b, 5), usize::MAX);
        let hashed = super::pairs(n, (a, 31), (b, 5), 0);
        assert_eq!(dense, hashed);
        for i in 0..n {
            assert_eq!(dense.0[dense.1[i] as usize], (a(i), b(i)));
        }
        // Numbered in order of first appearance.
        let firsts: Vec<u32> = dense.1.iter().fold(Vec::new(), |mut v, &p| {
            if !v.contains(&p) {
                v.push(p);
            }
            v
        });
        assert_eq!(firsts, (0..dense.0.len() as u32).collect::<Vec<_>>());
    }

    #[test]
    fn input_fields_are_the_canonical_fields_and_provenance() {
        let mut got: Vec<&str> = super::input_fields().to_vec();
        let mut want = vec![
            "record_id",
            "source",
            "source_type",
            "case_id",
            "fir_no",
            "police_station",
            "name",
            "father_name",
            "husband_name",
            "sex",
            "age",
            "date_of_birth",
            "cnic",
            "passport",
            "phone",
            "nationality",
            "address",
            "district",
            "province",
            "date",
            "law_sections",
            "crime_type",
            "exploitation",
            "case_status",
            "protection_status",
            "destination",
            "role",
            "remarks",
            "source_file",
            "source_sheet",
            "source_row",
            "date_of_report",
        ];
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want);
    }

    use super::*;
    use crate::control::NoControl;

    fn t(cols: &[(&str, &[Option<&str>])]) -> Table {
        Table::new(
            cols.iter()
                .map(|(n, v)| Column::text(*n, v.iter().map(|x| x.map(str::to_owned)).collect()))
                .collect(),
        )
        .unwrap()
    }

    fn strs<'a>(t: &'a Table, c: &str) -> Vec<Option<&'a str>> {
        t.str_column(c)
            .unwrap()
            .iter()
            .map(Option::as_deref)
            .collect()
    }

    #[test]
    fn one_messy_row() {
        let input = t(&[
            (
                "name",
                &[Some(
                    "Mst. Riffat Sultana D/O Rafique Ahmad W/O Khalique Baig",
                )],
            ),
            ("sex", &[None]),
            ("cnic", &[Some("35202-1234567-2")]),
            ("age", &[Some("approx 16")]),
            ("date", &[Some("7.2.2020")]),
            ("district", &[Some("D.G. Khan")]),
            ("province", &[Some("Punjab")]),
            ("law_sections", &[Some("u/s 3 PTPA r/w 371-A PPC")]),
            ("phone", &[Some("0300-1234567")]),
            ("nationality", &[Some("Pakistani")]),
            ("case_status", &[Some("Challan submitted")]),
            ("source", &[Some("FIA Circle Lahore")]),
            ("extra", &[Some("kept")]),
        ]);
        let out = normalize_table(&input, &Options::default(), &NoControl).unwrap();
        assert_eq!(strs(&out, "name"), [Some("Riffat Sultana")]);
        assert_eq!(strs(&out, "father_name"), [Some("Rafique Ahmad")]);
        assert_eq!(strs(&out, "husband_name"), [Some("Khalique Baig")]);
        assert_eq!(strs(&out, "sex"), [Some("female")]);
        assert_eq!(strs(&out, "sex_age"), [Some("girl")]);
        assert_eq!(strs(&out, "district"), [Some("Dera Ghazi Khan")]);
        assert_eq!(strs(&out, "crime_type"), [Some("tip")]);
        assert_eq!(strs(&out, "phone"), [Some("+923001234567")]);
        assert_eq!(strs(&out, "source_type"), [Some("fia_circle")]);
        assert_eq!(strs(&out, "case_status"), [Some("prosecution")]);
        assert_eq!(strs(&out, "extra"), [Some("kept")]);
        assert_eq!(
            strs(&out, "name_raw"),
            [Some(
                "Mst. Riffat Sultana D/O Rafique Ahmad W/O Khalique Baig"
            )]
        );
        let ColumnData::StrList(issues) = &out.column("issues").unwrap().data else {
            panic!()
        };
        assert_eq!(
            issues[0].as_deref().unwrap(),
            ["sex.from_name", "date.ambiguous", "age.approximate"]
        );
        let ColumnData::StrList(laws) = &out.column("law_sections").unwrap().data else {
            panic!()
        };
        assert_eq!(laws[0].as_deref().unwrap(), ["PTPA-2018:3", "PPC:371-A"]);
    }

    /// With no section cited, a cell that names the offence gives the crime type (flagged);
    /// a form of exploitation alone gives none; sections win over words.
    #[test]
    fn crime_type_from_the_offence_named_in_words() {
        let input = t(&[
            (
                "exploitation",
                &[
                    Some("Sex trafficking"),
                    Some("Begging"),
                    Some("Smuggled to Iran"),
                    Some("Trafficked for begging"),
                ],
            ),
            ("law_sections", &[None, None, None, Some("371-A PPC")]),
            ("crime_type", &[None, Some("Trafficked child"), None, None]),
        ]);
        let out = normalize_table(&input, &Options::default(), &NoControl).unwrap();
        assert_eq!(
            strs(&out, "crime_type"),
            [Some("tip"), Some("tip"), Some("som"), Some("tip_related")]
        );
        let ColumnData::StrList(issues) = &out.column("issues").unwrap().data else {
            panic!()
        };
        let worded = |k: usize| {
            issues[k]
                .as_deref()
                .unwrap_or_default()
                .iter()
                .any(|i| i == "crime_type.from_wording")
        };
        assert!(worded(0) && worded(1) && worded(2) && !worded(3));
        assert!(issues[3]
            .as_deref()
            .unwrap_or_default()
            .iter()
            .any(|i| i == "crime_type.sections_conflict"));
    }

    /// Roles from the role cell and from cues; transgender keeps its own sex-age category;
    /// PTPA s.3(1) cited for a woman is flagged (s.3(2) applies).
    #[test]
    fn roles_crime_types_and_sex_age() {
        let input = t(&[
            (
                "law_sections",
                &[
                    Some("3 PTPA"),
                    Some("17(1) EO"),
                    Some("17(1) EO"),
                    Some("u/s 3 PSMA 2018"),
                    Some("3(1) PTPA"),
                    Some("22 EO r/w 420 PPC"),
                    None,
                    Some("498-B PPC"),
                ],
            ),
            (
                "role",
                &[Some("Accused"), None, None, None, None, None, None, None],
            ),
            (
                "remarks",
                &[
                    None,
                    None,
                    None,
                    None,
                    None,
                    Some("Complaint of deportee from Greece"),
                    None,
                    None,
                ],
            ),
            (
                "source",
                &[
                    None,
                    None,
                    Some("FIA Deportees Cell Lahore Airport"),
                    None,
                    None,
                    None,
                    Some("FIA Deportees Cell Lahore Airport"),
                    None,
                ],
            ),
            (
                "sex",
                &[
                    Some("M"),
                    Some("M"),
                    Some("M"),
                    Some("M"),
                    Some("F"),
                    Some("M"),
                    Some("M"),
                    Some("Khwaja sira"),
                ],
            ),
            (
                "age",
                &[
                    Some("40"),
                    Some("30"),
                    Some("30"),
                    Some("22"),
                    Some("30"),
                    Some("28"),
                    Some("33"),
                    Some("19"),
                ],
            ),
            ("date", &[Some("2022-05-01"); 8]),
        ]);
        let out = normalize_table(&input, &Options::default(), &NoControl).unwrap();
        assert_eq!(
            strs(&out, "role"),
            [
                Some("accused"),
                Some("accused"),
                Some("deportee"),
                Some("victim"),
                Some("victim"),
                Some("victim"),
                Some("deportee"),
                Some("victim"),
            ]
        );
        assert_eq!(
            strs(&out, "crime_type"),
            [
                Some("tip"),
                Some("som_related"),
                Some("som_related"),
                Some("som"),
                Some("tip"),
                Some("migration_fraud"),
                Some("unknown"),
                Some("tip_related"),
            ]
        );
        assert_eq!(strs(&out, "sex_age")[7], Some("transgender"));
        assert_eq!(strs(&out, "role_raw")[0], Some("Accused"));
        let ColumnData::StrList(issues) = &out.column("issues").unwrap().data else {
            panic!()
        };
        let has =
            |row: usize, code: &str| issues[row].as_deref().unwrap().iter().any(|c| c == code);
        assert!(has(1, "role.from_sections"));
        assert!(has(2, "role.from_source"));
        assert!(!has(5, "role.from_source"));
        assert!(has(4, "law.ptpa_3_2_expected"));
        assert!(has(6, "role.from_source"));
        assert!(!has(0, "law.ptpa_3_2_expected"));
        // Recruitment fraud has no purpose of exploitation to be unknown.
        let ColumnData::StrList(forms) = &out.column("exploitation").unwrap().data else {
            panic!()
        };
        assert_eq!(forms[5].as_deref(), Some(&[][..]));
        assert_eq!(forms[7].as_deref().unwrap(), ["forced_marriage"]);
    }

    #[test]
    fn parity_conflict_is_flagged_not_overwritten() {
        let input = t(&[("sex", &[Some("M")]), ("cnic", &[Some("3520212345672")])]);
        let out = normalize_table(&input, &Options::default(), &NoControl).unwrap();
        assert_eq!(strs(&out, "sex"), [Some("male")]);
        let ColumnData::StrList(issues) = &out.column("issues").unwrap().data else {
            panic!()
        };
        assert_eq!(issues[0].as_deref().unwrap(), ["sex.cnic_parity_conflict"]);
    }

    #[test]
    fn empty_and_missing_columns() {
        let out = normalize_table(&Table::default(), &Options::default(), &NoControl).unwrap();
        assert_eq!(out.height(), 0);
        let out = normalize_table(
            &t(&[("remarks", &[None, Some("x")])]),
            &Options::default(),
            &NoControl,
        )
        .unwrap();
        assert_eq!(out.height(), 2);
        assert_eq!(strs(&out, "record_id"), [Some("row-1"), Some("row-2")]);
        assert_eq!(strs(&out, "cnic"), [None, None]);
    }

    #[test]
    fn age_from_birth_date_and_child_group() {
        let input = t(&[
            ("date_of_birth", &[Some("15/06/2004")]),
            ("date", &[Some("14/06/2022")]),
            ("sex", &[Some("F")]),
        ]);
        let out = normalize_table(&input, &Options::default(), &NoControl).unwrap();
        let ColumnData::Int(age) = &out.column("age").unwrap().data else {
            panic!()
        };
        assert_eq!(age[0], Some(17));
        assert_eq!(strs(&out, "sex_age"), [Some("girl")]);
    }

    #[test]
    fn typed_only_leaves_out_raw_and_extra_columns() {
        let input = t(&[
            ("cnic", &[Some("35202-1234567-1")]),
            ("extra", &[Some("x")]),
        ]);
        let options = Options {
            typed_only: true,
            ..Options::default()
        };
        let out = normalize_table(&input, &options, &NoControl).unwrap();
        assert!(
            out.get("cnic").is_some()
                && out.get("cnic_raw").is_none()
                && out.get("extra").is_none()
        );
    }

    #[test]
    fn column_kinds() {
        let v = vec![Some("Mohd. Aslam S/O Ali".to_owned()), None];
        for k in COLUMN_KINDS {
            let out = normalize_column(k, &v, None).unwrap();
            assert_eq!(out.len(), 2, "{k}");
        }
        assert_eq!(
            normalize_column("name", &v, None).unwrap().to_data(),
            ColumnData::Str(vec![Some("Mohd Aslam".into()), None])
        );
        assert!(normalize_column("nope", &v, None).is_err());
    }

    #[test]
    fn repeated_ids_agree_with_a_serial_count_across_segments() {
        // More rows than one segment, so runs are counted in parallel pieces.
        let n = 300_000;
        let ids: Vec<(String, bool)> = (0..n)
            .map(|i| (format!("R{}", (i * 7919) % 90_001), i % 3 != 0))
            .collect();
        let (renamed, flagged) = repeated_ids(n, |i| (ids[i].0.as_str(), ids[i].1));
        let mut seen: HashMap<&str, u32> = HashMap::new();
        let mut want_renamed = Vec::new();
        let mut want_flagged = vec![false; n];
        for (i, (id, given)) in ids.iter().enumerate() {
            let c = seen.entry(id).or_insert(0);
            *c += 1;
            if *c > 1 {
                if *given {
                    want_flagged[i] = true;
                } else {
                    want_renamed.push((i, format!("{id}-{c}")));
                }
            }
        }
        assert!(want_flagged.iter().any(|&f| f) && !want_renamed.is_empty());
        assert_eq!(flagged, want_flagged);
        assert_eq!(renamed, want_renamed);
    }

    #[test]
    fn duplicate_generated_ids_are_numbered() {
        let input = t(&[
            ("source_file", &[Some("a.csv"), Some("a.csv")]),
            ("source_row", &[Some("2"), Some("2")]),
        ]);
        let out = normalize_table(&input, &Options::default(), &NoControl).unwrap();
        let ids = strs(&out, "record_id");
        assert_ne!(ids[0], ids[1]);
    }
}
