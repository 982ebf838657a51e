//! Reference tables of the generator, embedded from `src/synth/data/` and parsed once with serde.
//!
//! The files are data, not code: names with their Roman spellings and Urdu script, districts
//! with CNIC locality prefixes (after `graysuit/cnic:cnic_codes_list.md`) and alternate
//! spellings (domain.md 3.5), vocabularies of law sections, exploitation and case status as
//! offices write them, and the reporting units with their house styles.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

/// One name element: canonical Roman spelling, spellings offices also use, Urdu script.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Tok {
    pub r: String,
    #[serde(default)]
    pub v: Vec<String>,
    #[serde(default)]
    pub u: String,
    #[serde(default = "one")]
    pub w: f64,
    #[serde(default)]
    pub honorific: String,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Deserialize)]
pub(crate) struct ForeignNames {
    pub male: Vec<String>,
    pub female: Vec<String>,
    pub urdu_male: Vec<String>,
    pub urdu_female: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Names {
    pub male_prefix: Vec<Tok>,
    pub male: Vec<Tok>,
    pub female: Vec<Tok>,
    pub female_second: Vec<Tok>,
    pub castes: Vec<Tok>,
    pub honorifics_male: Vec<Tok>,
    pub honorifics_female: Vec<Tok>,
    pub foreign: HashMap<String, ForeignNames>,
}

/// A district as the 2023 census names it (AJK districts are outside the census).
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct District {
    pub district: String,
    pub province: String,
    pub cnic_prefix: String,
    pub weight_som: f64,
    pub weight_tip: f64,
    pub tehsils: String,
    pub variants: String,
    pub urdu: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Nationality {
    pub iso: String,
    pub w: f64,
    pub forms: Vec<String>,
    pub urdu: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Forms {
    pub latin: Vec<String>,
    pub urdu: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Offence {
    /// What happened to the person: `som`, `tip`, `both` or `other`.
    pub scenario: String,
    /// The crime type of every form under the law table (the truth).
    pub crime: String,
    pub from: String,
    pub to: String,
    pub w: f64,
    #[serde(default)]
    pub exploitation: Vec<String>,
    pub forms: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Templates {
    pub latin: Vec<String>,
    pub urdu: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub(crate) struct Vocab {
    pub nationalities: Vec<Nationality>,
    pub sex_forms: HashMap<String, Forms>,
    pub offences: Vec<Offence>,
    pub exploitation: HashMap<String, Forms>,
    pub som_exploitation_cell: Vec<String>,
    pub case_status: HashMap<String, Forms>,
    pub welfare_status: Vec<String>,
    pub destinations: HashMap<String, Vec<(String, f64)>>,
    pub remarks: HashMap<String, Vec<String>>,
    pub remarks_urdu: Vec<String>,
    pub remarks_multiline: Vec<String>,
    pub address_templates: Templates,
    pub villages: Vec<String>,
    pub villages_urdu: Vec<String>,
    pub mohallahs: Vec<String>,
    pub mohallahs_urdu: Vec<String>,
    pub months: Vec<String>,
    pub months_short: Vec<String>,
    pub provinces: HashMap<String, Forms>,
    pub cp1252_remarks: Vec<String>,
}

/// The layout of one unit's files.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Style {
    pub id: String,
    pub format: String,
    pub file: String,
    pub title_rows: Vec<String>,
    pub columns: Vec<(String, String)>,
    #[serde(default)]
    pub group_headers: Vec<(String, String, String)>,
    pub parentage: String,
    pub sheets: String,
    #[serde(default)]
    pub summary_sheet: bool,
    #[serde(default)]
    pub summary_sheet_notes: bool,
    pub cnic_numeric: bool,
    pub excel_dates: bool,
    #[serde(default)]
    pub pad_titles: bool,
    pub date_forms: Vec<(String, f64)>,
    pub total_row: String,
    pub signature: Vec<String>,
    pub blank_row_every: usize,
    pub repeat_header_every: usize,
    pub encoding: String,
    pub delimiter: String,
    pub multiline_remarks: f64,
}

impl Style {
    /// Whether the style has a column for `field`.
    pub fn has(&self, field: &str) -> bool {
        self.columns.iter().any(|(f, _)| f == field)
    }
}

/// A unit that sends returns.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Source {
    pub code: String,
    pub name: String,
    pub title: String,
    #[serde(rename = "type")]
    pub source_type: String,
    #[allow(dead_code)]
    pub district: String,
    pub weight: f64,
    pub zone: Vec<String>,
    #[serde(default)]
    pub police_stations: Vec<String>,
    pub crime: HashMap<String, f64>,
    #[serde(default)]
    pub sex: Vec<String>,
    pub script: String,
    pub style: Style,
}

#[derive(Debug, Deserialize)]
struct SourcesFile {
    sources: Vec<Source>,
}

/// All tables, parsed.
pub(crate) struct Reference {
    pub names: Names,
    pub districts: Vec<District>,
    pub vocab: Vocab,
    pub sources: Vec<Source>,
}

fn parse() -> Reference {
    // The files are compiled in and covered by tests, so a parse failure is a build defect.
    let names: Names =
        serde_json::from_str(include_str!("data/names.json")).expect("names.json parses");
    let vocab: Vocab =
        serde_json::from_str(include_str!("data/vocab.json")).expect("vocab.json parses");
    let sources: SourcesFile =
        serde_json::from_str(include_str!("data/sources.json")).expect("sources.json parses");
    let mut reader = csv::Reader::from_reader(include_str!("data/districts.csv").as_bytes());
    let districts: Vec<District> = reader
        .deserialize()
        .collect::<Result<_, _>>()
        .expect("districts.csv parses");
    Reference {
        names,
        districts,
        vocab,
        sources: sources.sources,
    }
}

/// The parsed tables (parsed on first use).
pub(crate) fn reference() -> &'static Reference {
    static REF: OnceLock<Reference> = OnceLock::new();
    REF.get_or_init(parse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_parse_and_are_consistent() {
        let r = reference();
        assert!(r.names.male.len() > 50 && r.names.female.len() > 30);
        assert!(r.districts.len() > 70);
        for d in &r.districts {
            assert_eq!(d.cnic_prefix.len(), 3, "{}", d.district);
            assert!(matches!(d.cnic_prefix.as_bytes()[0], b'1'..=b'8'));
        }
        for s in &r.sources {
            for z in &s.zone {
                assert!(
                    r.districts.iter().any(|d| &d.district == z),
                    "{} zone {z}",
                    s.code
                );
            }
            for (field, _) in &s.style.columns {
                assert!(
                    field == "_sr" || crate::schema::is_canonical(field),
                    "{field}"
                );
            }
        }
        let codes: std::collections::HashSet<_> = r.sources.iter().map(|s| &s.code).collect();
        assert_eq!(codes.len(), r.sources.len());
    }
}
