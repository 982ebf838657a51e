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
//! - crime type from the law sections at the offence date, unless the return states it.

pub mod age;
pub mod cnic;
pub mod date;
pub mod exploitation;
pub mod name;
pub mod nationality;
pub mod offence;
pub mod phone;
pub mod place;
pub mod sex;
pub mod source;
pub mod status;
pub mod text;

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;

use crate::control::{map_chunks, Control};
use crate::error::Result;
use crate::reference::LawTable;
use crate::schema::{AgeGroup, CaseStatus, CrimeType, Exploitation, Sex, SexAge};
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
/// [`crate::schema::CANONICAL_FIELDS`] (except `role`, which passes through unchanged) and the
/// provenance columns.
#[must_use]
pub fn input_fields() -> &'static [&'static str] {
    static FIELDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    FIELDS.get_or_init(|| {
        crate::schema::CANONICAL_FIELDS
            .iter()
            .copied()
            .filter(|f| *f != "role")
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

/// Distinct values parsed once: `index[row]` points into `values`.
struct Memo<T> {
    values: Vec<T>,
    index: Vec<Option<u32>>,
}

impl<T: Send> Memo<T> {
    fn new(column: Option<&[Option<String>]>, n: usize, f: impl Fn(&str) -> T + Sync) -> Self {
        let Some(col) = column else {
            return Self {
                values: Vec::new(),
                index: vec![None; n],
            };
        };
        let mut seen: HashMap<&str, u32> = HashMap::new();
        let mut distinct: Vec<&str> = Vec::new();
        let index = col
            .iter()
            .map(|v| {
                v.as_deref().map(|s| {
                    *seen.entry(s).or_insert_with(|| {
                        distinct.push(s);
                        (distinct.len() - 1) as u32
                    })
                })
            })
            .collect();
        let values = distinct.par_iter().map(|s| f(s)).collect();
        Self { values, index }
    }

    fn get(&self, row: usize) -> Option<&T> {
        self.index[row].map(|i| &self.values[i as usize])
    }
}

impl<T: Send> Memo<Option<T>> {
    /// The parsed value of a row, `None` for a missing cell.
    fn hit(&self, row: usize) -> Option<&T> {
        self.get(row).and_then(Option::as_ref)
    }
}

/// A parsed name cell with the keys of the name and of the father's name in it.
struct NameCell {
    parts: name::NameParts,
    key: Option<String>,
    father_key: Option<String>,
    unparsed: bool,
}

fn parse_name_cell(raw: &str) -> NameCell {
    let parts = name::parse_name(raw);
    let key = parts.name.as_deref().and_then(name::name_key);
    let father_key = parts.father.as_deref().and_then(name::name_key);
    let unparsed = parts.name.is_none() && !text::is_missing_marker(&text::clean(raw));
    NameCell {
        parts,
        key,
        father_key,
        unparsed,
    }
}

/// A parsed cell and its issue codes; `None` when the cell only marks a missing value.
type Parsed<T> = Option<(T, Vec<&'static str>)>;

fn parsed<T>(raw: &str, f: impl Fn(&str) -> (T, Vec<&'static str>)) -> Parsed<T> {
    let c = clean_value(Some(raw))?;
    Some(f(&c))
}

#[derive(Default)]
struct Row {
    record_id: Option<String>,
    source: Option<String>,
    source_type: &'static str,
    case_id: Option<String>,
    fir_no: Option<String>,
    police_station: Option<String>,
    name: Option<String>,
    father_name: Option<String>,
    husband_name: Option<String>,
    name_key: Option<String>,
    father_name_key: Option<String>,
    sex: &'static str,
    age: Option<i64>,
    date_of_birth: Option<i32>,
    date_of_birth_precision: Option<&'static str>,
    age_group: &'static str,
    sex_age: &'static str,
    cnic: Option<String>,
    cnic_province: Option<&'static str>,
    cnic_sex_hint: Option<&'static str>,
    passport: Option<String>,
    phone: Option<String>,
    nationality: Option<&'static str>,
    address: Option<String>,
    district: Option<&'static str>,
    province: Option<&'static str>,
    district_confidence: Option<f64>,
    date: Option<i32>,
    date_precision: Option<&'static str>,
    law_sections: Option<Vec<String>>,
    crime_type: &'static str,
    exploitation: Option<Vec<String>>,
    case_status: &'static str,
    destination: Option<&'static str>,
    remarks: Option<String>,
    source_row: Option<i64>,
    issues: Vec<&'static str>,
}

fn push_all(issues: &mut Vec<&'static str>, more: &[&'static str]) {
    for m in more {
        if !issues.contains(m) {
            issues.push(m);
        }
    }
}

fn crime_type_given(raw: &str) -> Option<CrimeType> {
    let w = text::word_text(raw);
    if let Some(c) = CrimeType::from_code(w.trim()) {
        return Some(c);
    }
    let tip = w.contains(" tip ") || w.contains(" trafficking") || w.contains(" ht ");
    let som = w.contains(" som ") || w.contains(" smuggling") || w.contains(" hs ");
    match (tip, som) {
        (true, true) => Some(CrimeType::Both),
        (true, false) => Some(CrimeType::Tip),
        (false, true) => Some(CrimeType::Som),
        _ => None,
    }
}

/// Normalizes every canonical column of `table` (see the module docs).
///
/// # Errors
/// [`crate::Error::Interrupted`] when `control` asks to stop. Bad values never fail: they give
/// nulls and issue codes.
pub fn normalize_table(table: &Table, options: &Options, control: &dyn Control) -> Result<Table> {
    let n = table.height();
    let laws: &LawTable = options
        .law_table
        .as_ref()
        .unwrap_or_else(|| LawTable::default_table());
    let cols: HashMap<&str, Cow<'_, [Option<String>]>> = input_fields()
        .iter()
        .filter_map(|f| table.get(f).map(|c| (*f, column_text(c))))
        .collect();
    let col = |f: &str| cols.get(f).map(|c| c.as_ref());
    control.checkpoint("normalize", 0, Some(n as u64))?;

    // Parse distinct values of the columns that repeat.
    let district = Memo::new(col("district"), n, |s| parsed(s, place::parse_district));
    let province = Memo::new(col("province"), n, |s| parsed(s, place::parse_province));
    let nationality = Memo::new(col("nationality"), n, |s| {
        parsed(s, |c| nationality::parse_country(c, "nationality"))
    });
    let destination = Memo::new(col("destination"), n, |s| {
        parsed(s, |c| nationality::parse_country(c, "destination"))
    });
    let sex_m = Memo::new(col("sex"), n, |s| parsed(s, sex::parse_sex));
    let status_m = Memo::new(col("case_status"), n, |s| {
        parsed(s, status::parse_case_status)
    });
    let law_m = Memo::new(col("law_sections"), n, |s| {
        parsed(s, |c| offence::parse_sections(c, laws))
    });
    let expl_m = Memo::new(col("exploitation"), n, |s| {
        parsed(s, exploitation::parse_exploitation)
    });
    let crime_m = Memo::new(col("crime_type"), n, crime_type_given);
    // Names, dates and ages repeat too (Muhammad Ali, a day's recoveries, "25 yrs").
    let name_m = Memo::new(col("name"), n, parse_name_cell);
    let father_m = Memo::new(col("father_name"), n, parse_name_cell);
    let husband_m = Memo::new(col("husband_name"), n, parse_name_cell);
    let date_m = Memo::new(col("date"), n, |s| parsed(s, date::parse_date));
    let dob_m = Memo::new(col("date_of_birth"), n, |s| parsed(s, date::parse_date));
    let age_m = Memo::new(col("age"), n, |s| parsed(s, age::parse_age));
    let source_type_m = Memo::new(col("source_type"), n, |s| s.to_owned());
    control.checkpoint("normalize", 0, Some(n as u64))?;

    // Resolve the columns once, not per row.
    let c_address = col("address");
    let c_case_id = col("case_id");
    let c_cnic = col("cnic");
    let c_fir_no = col("fir_no");
    let c_passport = col("passport");
    let c_phone = col("phone");
    let c_police_station = col("police_station");
    let c_record_id = col("record_id");
    let c_remarks = col("remarks");
    let c_source = col("source");
    let c_source_file = col("source_file");
    let c_source_row = col("source_row");
    let c_source_sheet = col("source_sheet");
    fn at(c: Option<&[Option<String>]>, i: usize) -> Option<&str> {
        c.and_then(|c| c[i].as_deref())
    }
    let rows: Vec<usize> = (0..n).collect();
    let mut out: Vec<Row> = map_chunks(&rows, CHUNK_ROWS, "normalize", control, |&i| {
        let mut r = Row::default();
        let issues = &mut r.issues;
        // Provenance and plain text.
        r.source = at(c_source, i).and_then(|s| clean_value(Some(s)));
        r.source_row = at(c_source_row, i)
            .and_then(|s| text::clean(s).parse::<f64>().ok())
            .map(|f| f as i64);
        // An id is whatever was given ("0" is an id, not a missing-value marker).
        r.record_id = at(c_record_id, i)
            .map(text::clean)
            .filter(|s| !s.is_empty());
        if r.record_id.is_none() {
            r.record_id = Some(source::generated_record_id(
                at(c_source_file, i),
                at(c_source_sheet, i),
                at(c_source_row, i),
                i,
            ));
        }
        let given_type = source_type_m.get(i).map(String::as_str);
        r.source_type = source::source_type(given_type, r.source.as_deref()).code();
        r.case_id = clean_value(at(c_case_id, i));
        r.fir_no = clean_value(at(c_fir_no, i));
        r.police_station = clean_value(at(c_police_station, i));
        r.remarks = clean_value(at(c_remarks, i));
        r.address = clean_value(at(c_address, i));

        // Names.
        let own = name_m.get(i);
        let father_cell = father_m.get(i).filter(|c| c.parts.name.is_some());
        let husband_cell = husband_m.get(i).filter(|c| c.parts.name.is_some());
        let parts = own.map(|c| c.parts.clone()).unwrap_or_default();
        r.name = parts.name.clone();
        r.name_key = own.and_then(|c| c.key.clone());
        (r.father_name, r.father_name_key) = match father_cell {
            Some(c) => (c.parts.name.clone(), c.key.clone()),
            None => (parts.father.clone(), own.and_then(|c| c.father_key.clone())),
        };
        r.husband_name = husband_cell
            .and_then(|c| c.parts.name.clone())
            .or(parts.husband.clone());
        if own.is_some_and(|c| c.unparsed) {
            issues.push("name.unparsed");
        }

        // CNIC.
        let cnic_parsed = at(c_cnic, i).and_then(|s| parsed(s, cnic::parse_cnic));
        if let Some((c, iss)) = cnic_parsed {
            push_all(issues, &iss);
            if let Some(c) = c {
                r.cnic_province = Some(c.province);
                r.cnic_sex_hint = Some(c.sex_hint.code());
                r.cnic = Some(c.digits);
            }
        }
        if let Some((p, iss)) = at(c_passport, i).and_then(|s| parsed(s, cnic::parse_passport)) {
            push_all(issues, &iss);
            r.passport = p;
        }
        if let Some((p, iss)) = at(c_phone, i).and_then(|s| parsed(s, phone::parse_phone)) {
            push_all(issues, &iss);
            r.phone = p;
        }

        // Sex, with the name and CNIC as fallbacks and the CNIC as a check.
        let mut sex_v = Sex::Unknown;
        if let Some((s, iss)) = sex_m.hit(i) {
            push_all(issues, iss);
            sex_v = *s;
        }
        let hint = r.cnic_sex_hint.and_then(Sex::from_code);
        if sex_v == Sex::Unknown {
            if let Some(s) = parts.sex_hint {
                sex_v = s;
                issues.push("sex.from_name");
            } else if let Some(h) = hint {
                sex_v = h;
                issues.push("sex.from_cnic");
            }
        } else if matches!(sex_v, Sex::Male | Sex::Female) && hint.is_some_and(|h| h != sex_v) {
            issues.push("sex.cnic_parity_conflict");
        }
        r.sex = sex_v.code();

        // Dates and age.
        let date_parsed = date_m.hit(i);
        if let Some((d, iss)) = &date_parsed {
            push_all(issues, iss);
            r.date = d.map(|d| d.days);
            r.date_precision = d.map(|d| d.precision.code());
        }
        let dob_parsed = dob_m.hit(i);
        if let Some((d, iss)) = &dob_parsed {
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
        let age_parsed = age_m.hit(i);
        let mut child_hint = None;
        if let Some((a, iss)) = &age_parsed {
            push_all(issues, iss);
            r.age = a.years;
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
        r.age_group = group.code();
        r.sex_age = SexAge::from_sex_and_age_group(sex_v, group).code();

        // Places.
        let mut place_found = None;
        if let Some((p, iss)) = district.hit(i) {
            push_all(issues, iss);
            place_found = p.clone();
        }
        if place_found.as_ref().is_none_or(|p| p.district.is_none()) {
            if let Some(p) = r.address.as_deref().and_then(place::district_in_text) {
                let province_agrees = place_found
                    .as_ref()
                    .is_none_or(|f| f.province == p.province);
                if province_agrees {
                    issues.retain(|c| *c != "district.ambiguous" && *c != "district.unknown");
                    issues.push("district.from_address");
                    place_found = Some(p);
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
        let mut forms: Vec<Exploitation> = Vec::new();
        let mut crime = CrimeType::Unknown;
        if let Some((codes, iss)) = law_m.hit(i) {
            push_all(issues, iss);
            let (c, f, iss2) = offence::classify(codes, r.date, laws);
            push_all(issues, &iss2);
            crime = c;
            forms = f;
            r.law_sections = if codes.is_empty() {
                None
            } else {
                Some(codes.clone())
            };
        }
        if let Some(given) = crime_m.hit(i) {
            if crime != CrimeType::Unknown && *given != crime {
                issues.push("crime_type.sections_conflict");
            }
            crime = *given;
        }
        r.crime_type = crime.code();
        if let Some((f, iss)) = expl_m.hit(i) {
            push_all(issues, iss);
            for e in f {
                if !forms.contains(e) {
                    forms.push(*e);
                }
            }
        }
        forms.sort();
        r.exploitation = Some(if forms.is_empty() && crime != CrimeType::Som {
            vec![Exploitation::Unknown.code().to_owned()]
        } else {
            forms.iter().map(|e| e.code().to_owned()).collect()
        });
        let mut status_v = CaseStatus::Unknown;
        if let Some((s, iss)) = status_m.hit(i) {
            push_all(issues, iss);
            status_v = *s;
        }
        r.case_status = status_v.code();
        r
    })?;

    // Record ids must be unique within the input: flag repeats of given ids; number repeats of
    // generated ones.
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(n);
    let given_ids = col("record_id");
    for (i, r) in out.iter_mut().enumerate() {
        let id = r.record_id.clone().unwrap_or_default();
        let count = seen.entry(id.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            let was_given = given_ids
                .is_some_and(|g| g[i].as_deref().and_then(|s| clean_value(Some(s))).is_some());
            if was_given {
                r.issues.push("record_id.duplicate");
            } else {
                r.record_id = Some(format!("{id}-{count}"));
            }
        }
    }
    control.checkpoint("normalize", n as u64, Some(n as u64))?;
    Ok(build_table(table, out, options.typed_only))
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

/// Normalizes one column of raw text with one normalizer, in parallel, order kept: the
/// building block of `tipsom.expr`. `crime_type` reads law citations (at an unknown date).
///
/// # Errors
/// [`crate::Error::InvalidArgument`] for an unknown `kind`.
pub fn normalize_column(
    kind: &str,
    values: &[Option<String>],
    law_table: Option<&LawTable>,
) -> Result<ColumnData> {
    let laws = law_table.unwrap_or_else(|| LawTable::default_table());
    let strs = |f: &(dyn Fn(&str) -> Option<String> + Sync)| -> ColumnData {
        ColumnData::Str(
            values
                .par_iter()
                .map(|v| {
                    v.as_deref()
                        .and_then(|s| clean_value(Some(s)))
                        .and_then(|s| f(&s))
                })
                .collect(),
        )
    };
    Ok(match kind {
        "text" => strs(&|s| Some(s.to_owned())),
        "name" => strs(&|s| name::parse_name(s).name),
        "father_name" => strs(&|s| name::parse_name(s).father),
        "husband_name" => strs(&|s| name::parse_name(s).husband),
        "name_key" => strs(&|s| name::parse_name(s).name.as_deref().and_then(name::name_key)),
        "cnic" => strs(&|s| cnic::parse_cnic(s).0.map(|c| c.digits)),
        "phone" => strs(&|s| phone::parse_phone(s).0),
        "passport" => strs(&|s| cnic::parse_passport(s).0),
        "sex" => ColumnData::Str(
            values
                .par_iter()
                .map(|v| {
                    Some(
                        v.as_deref()
                            .and_then(|s| clean_value(Some(s)))
                            .map_or(Sex::Unknown, |s| sex::parse_sex(&s).0)
                            .code()
                            .to_owned(),
                    )
                })
                .collect(),
        ),
        "district" => strs(&|s| {
            place::parse_district(s)
                .0
                .and_then(|p| p.district)
                .map(str::to_owned)
        }),
        "province" => strs(&|s| {
            place::parse_province(s)
                .0
                .or_else(|| place::parse_district(s).0.and_then(|p| p.province))
                .map(str::to_owned)
        }),
        "nationality" => strs(&|s| {
            nationality::parse_country(s, "nationality")
                .0
                .map(str::to_owned)
        }),
        "case_status" => ColumnData::Str(
            values
                .par_iter()
                .map(|v| {
                    Some(
                        v.as_deref()
                            .and_then(|s| clean_value(Some(s)))
                            .map_or(CaseStatus::Unknown, |s| status::parse_case_status(&s).0)
                            .code()
                            .to_owned(),
                    )
                })
                .collect(),
        ),
        "crime_type" => ColumnData::Str(
            values
                .par_iter()
                .map(|v| {
                    let codes = v
                        .as_deref()
                        .and_then(|s| clean_value(Some(s)))
                        .map(|s| offence::parse_sections(&s, laws).0);
                    Some(
                        codes
                            .map_or(CrimeType::Unknown, |c| offence::classify(&c, None, laws).0)
                            .code()
                            .to_owned(),
                    )
                })
                .collect(),
        ),
        "date" => ColumnData::Date(
            values
                .par_iter()
                .map(|v| {
                    v.as_deref()
                        .and_then(|s| clean_value(Some(s)))
                        .and_then(|s| date::parse_date(&s).0)
                        .map(|d| d.days)
                })
                .collect(),
        ),
        "age" => ColumnData::Int(
            values
                .par_iter()
                .map(|v| {
                    v.as_deref()
                        .and_then(|s| clean_value(Some(s)))
                        .and_then(|s| age::parse_age(&s).0.years)
                })
                .collect(),
        ),
        "law_sections" => ColumnData::StrList(
            values
                .par_iter()
                .map(|v| {
                    v.as_deref()
                        .and_then(|s| clean_value(Some(s)))
                        .map(|s| offence::parse_sections(&s, laws).0)
                        .filter(|c| !c.is_empty())
                })
                .collect(),
        ),
        "exploitation" => ColumnData::StrList(
            values
                .par_iter()
                .map(|v| {
                    v.as_deref().and_then(|s| clean_value(Some(s))).map(|s| {
                        exploitation::parse_exploitation(&s)
                            .0
                            .iter()
                            .map(|e| e.code().to_owned())
                            .collect()
                    })
                })
                .collect(),
        ),
        other => {
            return Err(crate::Error::invalid_argument(
                "kind",
                format!("one of {}", COLUMN_KINDS.join(", ")),
                format!("'{other}'"),
            ))
        }
    })
}

fn raw_column(table: &Table, field: &str, n: usize) -> Column {
    let data = table
        .get(field)
        .map_or_else(|| ColumnData::Str(vec![None; n]), |c| c.data.clone());
    Column::new(format!("{field}_raw"), data)
}

fn build_table(table: &Table, rows: Vec<Row>, typed_only: bool) -> Table {
    let n = rows.len();
    let s = |f: &dyn Fn(&Row) -> Option<String>| ColumnData::Str(rows.iter().map(f).collect());
    let st = |f: &dyn Fn(&Row) -> Option<&'static str>| {
        ColumnData::Str(rows.iter().map(|r| f(r).map(str::to_owned)).collect())
    };
    let mut columns: Vec<Column> = Vec::new();
    let typed = |name: &str, data: ColumnData, raw: bool, columns: &mut Vec<Column>| {
        columns.push(Column::new(name, data));
        if raw && !typed_only {
            columns.push(raw_column(table, name, n));
        }
    };
    typed("record_id", s(&|r| r.record_id.clone()), true, &mut columns);
    typed("source", s(&|r| r.source.clone()), false, &mut columns);
    typed(
        "source_type",
        st(&|r| Some(r.source_type)),
        true,
        &mut columns,
    );
    for f in ["source_file", "source_sheet"] {
        if typed_only {
            break;
        }
        columns.push(
            table
                .get(f)
                .cloned()
                .unwrap_or_else(|| Column::new(f, ColumnData::Str(vec![None; n]))),
        );
    }
    typed(
        "source_row",
        ColumnData::Int(rows.iter().map(|r| r.source_row).collect()),
        false,
        &mut columns,
    );
    typed("case_id", s(&|r| r.case_id.clone()), true, &mut columns);
    typed("fir_no", s(&|r| r.fir_no.clone()), true, &mut columns);
    typed(
        "police_station",
        s(&|r| r.police_station.clone()),
        true,
        &mut columns,
    );
    typed("name", s(&|r| r.name.clone()), true, &mut columns);
    typed(
        "father_name",
        s(&|r| r.father_name.clone()),
        true,
        &mut columns,
    );
    typed(
        "husband_name",
        s(&|r| r.husband_name.clone()),
        true,
        &mut columns,
    );
    typed("name_key", s(&|r| r.name_key.clone()), false, &mut columns);
    typed(
        "father_name_key",
        s(&|r| r.father_name_key.clone()),
        false,
        &mut columns,
    );
    typed("sex", st(&|r| Some(r.sex)), true, &mut columns);
    typed(
        "age",
        ColumnData::Int(rows.iter().map(|r| r.age).collect()),
        true,
        &mut columns,
    );
    typed(
        "date_of_birth",
        ColumnData::Date(rows.iter().map(|r| r.date_of_birth).collect()),
        true,
        &mut columns,
    );
    typed(
        "date_of_birth_precision",
        st(&|r| r.date_of_birth_precision),
        false,
        &mut columns,
    );
    typed("age_group", st(&|r| Some(r.age_group)), false, &mut columns);
    typed("sex_age", st(&|r| Some(r.sex_age)), false, &mut columns);
    typed("cnic", s(&|r| r.cnic.clone()), true, &mut columns);
    typed(
        "cnic_province",
        st(&|r| r.cnic_province),
        false,
        &mut columns,
    );
    typed(
        "cnic_sex_hint",
        st(&|r| r.cnic_sex_hint),
        false,
        &mut columns,
    );
    typed("passport", s(&|r| r.passport.clone()), true, &mut columns);
    typed("phone", s(&|r| r.phone.clone()), true, &mut columns);
    typed("nationality", st(&|r| r.nationality), true, &mut columns);
    typed("address", s(&|r| r.address.clone()), true, &mut columns);
    typed("district", st(&|r| r.district), true, &mut columns);
    typed(
        "district_confidence",
        ColumnData::Float(rows.iter().map(|r| r.district_confidence).collect()),
        false,
        &mut columns,
    );
    typed("province", st(&|r| r.province), true, &mut columns);
    typed(
        "date",
        ColumnData::Date(rows.iter().map(|r| r.date).collect()),
        true,
        &mut columns,
    );
    typed(
        "date_precision",
        st(&|r| r.date_precision),
        false,
        &mut columns,
    );
    typed(
        "law_sections",
        ColumnData::StrList(rows.iter().map(|r| r.law_sections.clone()).collect()),
        true,
        &mut columns,
    );
    typed(
        "crime_type",
        st(&|r| Some(r.crime_type)),
        true,
        &mut columns,
    );
    typed(
        "exploitation",
        ColumnData::StrList(rows.iter().map(|r| r.exploitation.clone()).collect()),
        true,
        &mut columns,
    );
    typed(
        "case_status",
        st(&|r| Some(r.case_status)),
        true,
        &mut columns,
    );
    typed("destination", st(&|r| r.destination), true, &mut columns);
    typed("remarks", s(&|r| r.remarks.clone()), true, &mut columns);
    if let Some(c) = table.get("date_of_report").filter(|_| !typed_only) {
        columns.push(c.clone());
    }
    columns.push(Column::new(
        "issues",
        ColumnData::StrList(
            rows.iter()
                .map(|r| Some(r.issues.iter().map(|s| (*s).to_owned()).collect()))
                .collect(),
        ),
    ));
    if typed_only {
        return Table { columns };
    }
    let taken: std::collections::HashSet<String> = columns.iter().map(|c| c.name.clone()).collect();
    for c in &table.columns {
        if !taken.contains(&c.name) && !input_fields().contains(&c.name.as_str()) {
            columns.push(c.clone());
        }
    }
    Table { columns }
}

#[cfg(test)]
mod tests {

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
            "destination",
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
            normalize_column("name", &v, None).unwrap(),
            ColumnData::Str(vec![Some("Mohd Aslam".into()), None])
        );
        assert!(normalize_column("nope", &v, None).is_err());
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
