//! The synthetic generator of circle returns with ground truth.
//!
//! [`circle_returns`] makes persons (victims of trafficking in persons and smuggled migrants)
//! and the records that reporting units (FIA Anti Human Trafficking circles, district police,
//! Darul Aman shelters, an NGO) keep of them, as raw text in the canonical column names, with
//! `true_*` columns holding each record's true person and canonical values and `true_noise`
//! naming every distortion applied. [`write_returns`] writes the records as the units send
//! them: CSV and Excel files in each unit's house style.
//!
//! What is realistic here follows `shared/reference/domain.md`: sections 1.7 (law → crime type
//! and exploitation), 2 (FIA structure, SOM-heavy FIA data, Punjab-heavy), 3 (CNIC, phones,
//! dates, names, districts) and 5 (HTCDS/CTDC victim fields). Everything is seeded and
//! deterministic: each person has its own PCG-64 stream derived from `(seed, index)`, so the
//! table is identical for any number of threads.

mod data;
mod person;
mod render;
mod write;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::control::{map_chunks, Control};
use crate::error::{Error, Result};
use crate::table::{Column, ColumnData, Table};

pub use write::{write_returns, RecordLocation, WriteOptions, WrittenFile};

use person::{anchor_of, family, person, rng_for, Stream, Tables};
use render::{render, Record, FIELDS};

/// Rates of the distortions applied to each record (probabilities in `[0, 1]`).
///
/// The defaults are guesses at what returns typed by hand in district offices look like; each
/// is named after the `true_noise` code it produces.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NoiseRates {
    /// A name element written in another common spelling (Mohammad for Muhammad): per element.
    pub name_variant: f64,
    /// The names written in Urdu script, in units that write Urdu at times.
    pub name_urdu_script: f64,
    /// An honorific before the name (Mst., Ch., Malik, Syed, Hafiz...); doubled for women in
    /// police returns where "Mst." is routine.
    pub name_honorific: f64,
    /// A keyboard slip in the name.
    pub name_typo: f64,
    /// The names written in capitals.
    pub name_upper: f64,
    /// No name at all.
    pub name_missing: f64,
    /// No father's name.
    pub father_missing: f64,
    /// An adult's CNIC left blank.
    pub cnic_missing: f64,
    /// One CNIC digit wrong.
    pub cnic_typo: f64,
    /// Two adjacent CNIC digits swapped.
    pub cnic_transposition: f64,
    /// One CNIC digit dropped.
    pub cnic_digit_dropped: f64,
    /// The CNIC turned into `3.52021E+12` by a spreadsheet (CSV units only).
    pub cnic_excel_scientific: f64,
    /// The CNIC in Urdu digits (units that write Urdu).
    pub cnic_urdu_digits: f64,
    /// Share of children without an own number shown with a parent's CNIC.
    pub child_parent_cnic: f64,
    /// Second and later units record the event some days later.
    pub date_shift: f64,
    /// No date.
    pub date_missing: f64,
    /// A date of birth given (where the unit has the column).
    pub dob_present: f64,
    /// No age.
    pub age_missing: f64,
    /// A child's age written as "minor".
    pub age_minor: f64,
    /// An age band ("20-25").
    pub age_range: f64,
    /// An approximate, possibly wrong, age ("approx 20").
    pub age_approx: f64,
    /// No sex.
    pub sex_missing: f64,
    /// The wrong sex.
    pub sex_wrong: f64,
    /// A known phone number left out.
    pub phone_missing: f64,
    /// One phone digit wrong.
    pub phone_typo: f64,
    /// A known passport number left out.
    pub passport_missing: f64,
    /// One passport character wrong.
    pub passport_typo: f64,
    /// No nationality.
    pub nationality_missing: f64,
    /// No address.
    pub address_missing: f64,
    /// No district.
    pub district_missing: f64,
    /// The unit's own district written instead of the victim's.
    pub district_source_seat: f64,
    /// The tehsil written instead of the district.
    pub district_tehsil: f64,
    /// A misspelt district name.
    pub district_misspelt: f64,
    /// An alternate or old district name (D.G. Khan, Lyallpur, Nawabshah...).
    pub district_variant: f64,
    /// No law sections.
    pub law_sections_missing: f64,
    /// No form of exploitation for a trafficking victim.
    pub exploitation_missing: f64,
    /// No case status.
    pub status_missing: f64,
}

impl Default for NoiseRates {
    fn default() -> Self {
        Self {
            name_variant: 0.3,
            name_urdu_script: 0.08,
            name_honorific: 0.2,
            name_typo: 0.04,
            name_upper: 0.12,
            name_missing: 0.003,
            father_missing: 0.05,
            cnic_missing: 0.2,
            cnic_typo: 0.03,
            cnic_transposition: 0.02,
            cnic_digit_dropped: 0.01,
            cnic_excel_scientific: 0.03,
            cnic_urdu_digits: 0.04,
            child_parent_cnic: 0.6,
            date_shift: 0.7,
            date_missing: 0.01,
            dob_present: 0.3,
            age_missing: 0.07,
            age_minor: 0.05,
            age_range: 0.03,
            age_approx: 0.08,
            sex_missing: 0.04,
            sex_wrong: 0.005,
            phone_missing: 0.35,
            phone_typo: 0.02,
            passport_missing: 0.2,
            passport_typo: 0.02,
            nationality_missing: 0.15,
            address_missing: 0.05,
            district_missing: 0.04,
            district_source_seat: 0.02,
            district_tehsil: 0.05,
            district_misspelt: 0.03,
            district_variant: 0.3,
            law_sections_missing: 0.03,
            exploitation_missing: 0.15,
            status_missing: 0.08,
        }
    }
}

impl NoiseRates {
    fn validate(&self) -> Result<()> {
        let value = serde_json::to_value(self)?;
        for (name, v) in value.as_object().into_iter().flatten() {
            let x = v.as_f64().unwrap_or(f64::NAN);
            if !(0.0..=1.0).contains(&x) {
                return Err(Error::invalid_argument(
                    format!("noise.{name}"),
                    "a probability in [0, 1]",
                    x,
                ));
            }
        }
        Ok(())
    }
}

/// What to generate.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SynthOptions {
    /// Number of distinct persons (victims); records are more, as some units record the same
    /// person.
    pub n_persons: usize,
    /// Seed of all randomness.
    pub seed: u64,
    /// Share of persons recorded by two to four units (else by one).
    pub share_multi_source: f64,
    /// Share of persons who are a sibling of the previous person (same father, family CNIC
    /// stem, address and case; close ages): look-alikes that are distinct people.
    pub share_siblings: f64,
    /// Share of persons who share name and father's name with other, distinct persons.
    pub share_namesakes: f64,
    /// First event date (ISO).
    pub start_date: String,
    /// Last event date (ISO).
    pub end_date: String,
    /// Distortion rates.
    pub noise: NoiseRates,
}

impl Default for SynthOptions {
    fn default() -> Self {
        Self {
            n_persons: 1000,
            seed: 0,
            share_multi_source: 0.2,
            share_siblings: 0.08,
            share_namesakes: 0.03,
            start_date: "2019-01-01".into(),
            end_date: "2025-06-30".into(),
            noise: NoiseRates::default(),
        }
    }
}

/// The largest number of persons one call generates.
pub const MAX_PERSONS: usize = 50_000_000;

fn parse_date(name: &str, s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| Error::invalid_argument(name, "an ISO date (YYYY-MM-DD)", format!("'{s}'")))
}

impl SynthOptions {
    fn validate(&self) -> Result<(NaiveDate, NaiveDate)> {
        if self.n_persons > MAX_PERSONS {
            return Err(Error::invalid_argument(
                "n_persons",
                format!("at most {MAX_PERSONS}"),
                self.n_persons,
            ));
        }
        for (name, v) in [
            ("share_multi_source", self.share_multi_source),
            ("share_siblings", self.share_siblings),
            ("share_namesakes", self.share_namesakes),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(Error::invalid_argument(name, "a share in [0, 1]", v));
            }
        }
        self.noise.validate()?;
        let start = parse_date("start_date", &self.start_date)?;
        let end = parse_date("end_date", &self.end_date)?;
        if end < start {
            return Err(Error::invalid_argument(
                "end_date",
                "on or after start_date",
                &self.end_date,
            ));
        }
        Ok((start, end))
    }
}

/// Names of the raw columns, in order.
pub fn raw_columns() -> Vec<&'static str> {
    let mut v = vec!["record_id", "source", "source_type"];
    v.extend(FIELDS);
    v
}

/// Names of the ground-truth columns, in order.
pub const TRUTH_COLUMNS: [&str; 18] = [
    "true_person_id",
    "true_name",
    "true_father_name",
    "true_husband_name",
    "true_sex",
    "true_date_of_birth",
    "true_age",
    "true_cnic",
    "true_phone",
    "true_passport",
    "true_district",
    "true_province",
    "true_nationality",
    "true_date",
    "true_crime_type",
    "true_exploitation",
    "true_case_status",
    "true_noise",
];

/// Generates victim records as several units would report them, with ground truth.
///
/// One row per record: raw text in the canonical column names (see [`raw_columns`]), then the
/// [`TRUTH_COLUMNS`]. Rows are ordered by unit, then date, as returns are concatenated.
///
/// # Errors
/// [`Error::InvalidArgument`] for out-of-range options; [`Error::Interrupted`] from `control`.
pub fn circle_returns(options: &SynthOptions, control: &dyn Control) -> Result<Table> {
    let (start, end) = options.validate()?;
    let tables = Tables::new(start, end);
    let r = data::reference();
    let n = options.n_persons as u64;
    let ids: Vec<u64> = (0..n).collect();
    let generated = map_chunks(&ids, 1 << 15, "generating persons", control, |&i| {
        let fam = family(options, &tables, anchor_of(options, i));
        let p = person(options, &tables, i, &fam);
        let mut rng = rng_for(options.seed, i, Stream::Records);
        let records: Vec<Record> = p
            .sources
            .iter()
            .enumerate()
            .map(|(k, &s)| render(&p, s, k, &options.noise, &tables, &mut rng))
            .collect();
        (p, records)
    })?;
    let mut persons = Vec::with_capacity(generated.len());
    let mut records = Vec::with_capacity(generated.len() * 3 / 2);
    for (p, recs) in generated {
        persons.push(p);
        records.extend(recs);
    }
    control.checkpoint("ordering records", 0, None)?;
    let mut order: Vec<(usize, i32, u64, usize)> = records
        .iter()
        .enumerate()
        .map(|(i, rec)| (rec.source, rec.date_key, rec.person, i))
        .collect();
    {
        use rayon::slice::ParallelSliceMut;
        order.par_sort_unstable();
    }
    let order: Vec<usize> = order.into_iter().map(|x| x.3).collect();

    let h = order.len();
    let mut columns = Vec::with_capacity(3 + FIELDS.len() + TRUTH_COLUMNS.len());
    let mut seq = vec![0usize; r.sources.len()];
    let record_ids: Vec<Option<String>> = order
        .iter()
        .map(|&i| {
            let s = records[i].source;
            seq[s] += 1;
            Some(format!("{}-{:06}", r.sources[s].code, seq[s]))
        })
        .collect();
    columns.push(Column::text("record_id", record_ids));
    columns.push(Column::text(
        "source",
        order
            .iter()
            .map(|&i| Some(r.sources[records[i].source].name.clone()))
            .collect(),
    ));
    columns.push(Column::text(
        "source_type",
        order
            .iter()
            .map(|&i| Some(r.sources[records[i].source].source_type.clone()))
            .collect(),
    ));
    for (f, name) in FIELDS.iter().enumerate() {
        let values: Vec<Option<String>> =
            order.iter().map(|&i| records[i].values[f].take()).collect();
        columns.push(Column::text(*name, values));
    }
    control.checkpoint("ground truth", 0, None)?;
    let person_of = |i: usize| &persons[records[i].person as usize];
    let text = |f: &(dyn Fn(&person::Person) -> Option<String> + Sync)| -> Vec<Option<String>> {
        use rayon::prelude::*;
        order.par_iter().map(|&i| f(person_of(i))).collect()
    };
    columns.push(Column::new(
        "true_person_id",
        ColumnData::Int(
            order
                .iter()
                .map(|&i| Some(records[i].person as i64))
                .collect(),
        ),
    ));
    columns.push(Column::text(
        "true_name",
        text(&|p| Some(p.name.canonical())),
    ));
    columns.push(Column::text(
        "true_father_name",
        text(&|p| Some(p.father.canonical())),
    ));
    columns.push(Column::text(
        "true_husband_name",
        text(&|p| p.husband.as_ref().map(person::Name::canonical)),
    ));
    columns.push(Column::text(
        "true_sex",
        text(&|p| Some(p.sex.code().to_owned())),
    ));
    columns.push(Column::text(
        "true_date_of_birth",
        text(&|p| Some(p.date_of_birth.format("%Y-%m-%d").to_string())),
    ));
    columns.push(Column::new(
        "true_age",
        ColumnData::Int(
            order
                .iter()
                .map(|&i| Some(i64::from(person_of(i).age)))
                .collect(),
        ),
    ));
    columns.push(Column::text("true_cnic", text(&|p| p.cnic.clone())));
    columns.push(Column::text(
        "true_phone",
        text(&|p| p.phone.as_ref().map(|n| format!("+92{n}"))),
    ));
    columns.push(Column::text("true_passport", text(&|p| p.passport.clone())));
    columns.push(Column::text(
        "true_district",
        text(&|p| Some(r.districts[p.family.district].district.clone())),
    ));
    columns.push(Column::text(
        "true_province",
        text(&|p| Some(r.districts[p.family.district].province.clone())),
    ));
    columns.push(Column::text(
        "true_nationality",
        text(&|p| Some(r.vocab.nationalities[p.family.nationality].iso.clone())),
    ));
    columns.push(Column::text(
        "true_date",
        text(&|p| Some(p.family.event_date.format("%Y-%m-%d").to_string())),
    ));
    columns.push(Column::text(
        "true_crime_type",
        text(&|p| Some(p.family.crime.code().to_owned())),
    ));
    columns.push(Column::new(
        "true_exploitation",
        ColumnData::StrList(
            order
                .iter()
                .map(|&i| Some(render::exploitation_codes(&person_of(i).exploitation)))
                .collect(),
        ),
    ));
    columns.push(Column::text(
        "true_case_status",
        text(&|p| Some(p.family.case_status.code().to_owned())),
    ));
    columns.push(Column::new(
        "true_noise",
        ColumnData::StrList(
            order
                .iter()
                .map(|&i| Some(records[i].noise.iter().map(|s| (*s).to_owned()).collect()))
                .collect(),
        ),
    ));
    debug_assert!(columns.iter().all(|c| c.data.len() == h));
    Table::new(columns)
}

#[cfg(test)]
mod tests;
