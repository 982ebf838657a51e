//! What a column holds, read from its values: the evidence used when a header is unknown,
//! ambiguous or contradicted by its content.
//!
//! A person who meets a column headed "Dated", "Reason of Admission" or an Urdu word they do
//! not know looks at the values: 13-digit numbers are CNICs, "12.03.2022" is a date, "u/s 3/4
//! PTPA" are law sections, "Ali s/o Akbar" is a name with its father, "Restored to parents" is a
//! shelter outcome. [`profile`] does the same on a sample of a column's values with the
//! normalizers of [`crate::normalize`] (each value is tested against every kind; a kind's share
//! is the fraction of sampled values of that kind), and [`ContentGuess`] names the kind that
//! dominates, with its share as the confidence.

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, OnceLock};

use crate::normalize::vocab::Vocabulary;
use crate::normalize::{
    age, date, exploitation, name, nationality, offence, phone, place, sex, status, text,
};
use crate::reference::LawTable;

use super::grid::trim_cell;
use crate::schema::{CaseStatus, Sex};

/// A kind of content a column may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// 13-digit national identity numbers (CNIC, B-form).
    Cnic,
    /// Pakistani mobile or landline numbers.
    Phone,
    /// Passport numbers (two letters, seven digits).
    Passport,
    /// Calendar dates.
    Date,
    /// Law sections that name their law ("u/s 3/4 PTPA", "22 EO r/w 420 PPC").
    Sections,
    /// Person names with a relation ("Ali s/o Akbar", "علی ولد اکبر").
    NameWithRelation,
    /// Stages of a case ("Under investigation", "Challan submitted").
    CaseStatus,
    /// Shelter or protection outcomes ("Restored to parents", "In Dar-ul-Aman").
    Protection,
    /// Sex codes and words.
    Sex,
    /// Countries or nationalities.
    Nationality,
    /// District names.
    District,
    /// Addresses ending in a place.
    Address,
    /// Forms of exploitation.
    Exploitation,
    /// Case or FIR numbers ("224/21", "FIR No. 12/2022").
    CaseNumber,
    /// Whole numbers counting up by one (serial numbers).
    Serial,
    /// Ages in years.
    Age,
    /// Roles in a case (victim, accused, complainant, witness, deportee).
    Role,
    /// Person names.
    Name,
}

impl Kind {
    /// The canonical field a column of this kind maps to.
    #[must_use]
    pub fn field(self) -> &'static str {
        match self {
            Self::Cnic => "cnic",
            Self::Phone => "phone",
            Self::Passport => "passport",
            Self::Date => "date",
            Self::Sections => "law_sections",
            Self::NameWithRelation | Self::Name => "name",
            Self::CaseStatus => "case_status",
            Self::Protection => "protection_status",
            Self::Sex => "sex",
            Self::Nationality => "nationality",
            Self::District => "district",
            Self::Address => "address",
            Self::Exploitation => "exploitation",
            Self::CaseNumber => "fir_no",
            Self::Serial => "serial_no",
            Self::Age => "age",
            Self::Role => "role",
        }
    }

    /// A name for reports.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Cnic => "CNIC numbers",
            Self::Phone => "phone numbers",
            Self::Passport => "passport numbers",
            Self::Date => "dates",
            Self::Sections => "law sections",
            Self::NameWithRelation => "names with parentage",
            Self::CaseStatus => "case stages",
            Self::Protection => "shelter or protection outcomes",
            Self::Sex => "sex codes",
            Self::Nationality => "nationalities",
            Self::District => "district names",
            Self::Address => "addresses",
            Self::Exploitation => "forms of exploitation",
            Self::CaseNumber => "case numbers",
            Self::Serial => "serial numbers",
            Self::Age => "ages",
            Self::Name => "person names",
            Self::Role => "roles in the case",
        }
    }

    /// Kinds whose values cannot be mistaken for anything else: enough to override a header
    /// that names another field.
    #[must_use]
    pub fn unmistakable(self) -> bool {
        matches!(
            self,
            Self::Cnic
                | Self::Phone
                | Self::Passport
                | Self::Date
                | Self::Sections
                | Self::NameWithRelation
                | Self::Protection
                | Self::Role
        )
    }

    /// Whether values of this kind fit a column mapped to `field` by its header.
    #[must_use]
    pub fn fits(self, field: &str) -> bool {
        let f = field;
        match self {
            Self::Cnic => f.ends_with("cnic") || matches!(f, "record_id" | "passport"),
            Self::Phone => f == "phone",
            Self::Passport => matches!(f, "passport" | "cnic"),
            Self::Date => f.starts_with("date"),
            Self::Sections => {
                matches!(
                    f,
                    "law_sections" | "crime_type" | "fir_no" | "case_id" | "remarks"
                )
            }
            Self::NameWithRelation | Self::Name => {
                f.ends_with("_name") || matches!(f, "name" | "remarks" | "police_station")
            }
            Self::CaseStatus => matches!(f, "case_status" | "remarks" | "crime_type"),
            Self::Protection => matches!(f, "protection_status" | "remarks"),
            Self::Sex => f == "sex",
            Self::Nationality => matches!(f, "nationality" | "destination" | "address"),
            Self::District | Self::Address => matches!(
                f,
                "district" | "province" | "address" | "police_station" | "destination"
            ),
            Self::Exploitation => matches!(f, "exploitation" | "crime_type" | "remarks"),
            Self::CaseNumber => matches!(f, "fir_no" | "case_id" | "record_id" | "serial_no"),
            Self::Role => matches!(f, "role" | "remarks"),
            Self::Serial | Self::Age => {
                matches!(f, "serial_no" | "age" | "record_id" | "case_id" | "fir_no")
            }
        }
    }
}

/// The kind that dominates a column's values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ContentGuess {
    /// The kind.
    pub kind: Kind,
    /// The share of sampled values of that kind (0–1).
    pub share: f64,
    /// How many values were sampled.
    pub values: usize,
}

/// Values sampled per column: enough to tell a kind, few enough to cost nothing beside
/// reading the file.
pub const SAMPLE: usize = 60;

/// Tie order when two kinds are equally common: the more specific kind first.
const PRIORITY: [Kind; 18] = [
    Kind::Cnic,
    Kind::Passport,
    Kind::Phone,
    Kind::Date,
    Kind::Sections,
    Kind::NameWithRelation,
    Kind::Protection,
    Kind::CaseStatus,
    Kind::Role,
    Kind::Sex,
    Kind::Exploitation,
    Kind::Nationality,
    Kind::District,
    Kind::Address,
    Kind::CaseNumber,
    Kind::Serial,
    Kind::Age,
    Kind::Name,
];

/// Shares of every kind among the non-empty values of a column (in row order), sampled
/// evenly when there are more than [`SAMPLE`].
#[must_use]
pub fn profile<'v>(values: impl ExactSizeIterator<Item = &'v str> + Clone) -> Profile {
    let filled = |v: &&str| !v.is_empty() && !text::is_missing_marker(v);
    // A long column is first thinned to an even spread of rows (a few times the sample), so
    // that a register of 100,000 rows is not trimmed and tested cell by cell; a sparse column
    // that gives too few values that way is read whole.
    let mut stride = 1;
    let mut all: Vec<&str> = Vec::new();
    if values.len() > 8 * SAMPLE {
        stride = values.len() / (4 * SAMPLE);
        all = values
            .clone()
            .step_by(stride)
            .map(trim_cell)
            .filter(filled)
            .collect();
        if all.len() < SAMPLE {
            stride = 1;
            all.clear();
        }
    }
    if stride == 1 {
        all = values.map(trim_cell).filter(filled).collect();
    }
    if all.is_empty() {
        return Profile::default();
    }
    let step = all.len().div_ceil(SAMPLE).max(1);
    let sample: Vec<&str> = all.iter().step_by(step).copied().collect();
    let n = sample.len() as f64;
    let mut counts = [0usize; PRIORITY.len()];
    // Each distinct value is tested once (codes such as "M", "F" repeat in every row).
    let mut distinct: Vec<(&str, usize)> = Vec::new();
    for v in &sample {
        match distinct.iter_mut().find(|(d, _)| d == v) {
            Some((_, c)) => *c += 1,
            None => distinct.push((v, 1)),
        }
    }
    for (v, times) in &distinct {
        for k in kinds_of(v) {
            if let Some(p) = PRIORITY.iter().position(|x| *x == k) {
                counts[p] += times;
            }
        }
    }
    // Serial numbers count up by one in row order (after sampling: by the step).
    let numbers: Vec<i64> = sample
        .iter()
        .filter_map(|v| {
            let t = v.trim_end_matches(['.', '۔']);
            (!t.is_empty() && t.chars().all(char::is_numeric))
                .then(|| t.chars().map(text::ascii_digit).collect::<String>())
                .and_then(|d| d.parse::<i64>().ok())
        })
        .collect();
    if numbers.len() * 10 >= sample.len() * 8 && numbers.len() >= 2 {
        let step = (step * stride) as i64;
        let rising = numbers
            .windows(2)
            .filter(|w| w[1] > w[0] && w[1] - w[0] <= step * 2)
            .count();
        if rising * 10 >= (numbers.len() - 1) * 8 {
            let p = PRIORITY
                .iter()
                .position(|x| *x == Kind::Serial)
                .unwrap_or(0);
            counts[p] = numbers.len();
        }
    }
    let mut out: Vec<(Kind, f64)> = PRIORITY
        .iter()
        .zip(counts)
        .filter(|(_, c)| *c > 0)
        .map(|(k, c)| (*k, c as f64 / n))
        .collect();
    // Serial numbers are also ages when small; a rising run says serial.
    if out.iter().any(|(k, s)| *k == Kind::Serial && *s >= 0.8) {
        out.retain(|(k, _)| *k != Kind::Age);
    }
    // Stable sort keeps the priority order among equal shares.
    out.sort_by(|a, b| b.1.total_cmp(&a.1));
    Profile {
        shares: out,
        values: sample.len(),
    }
}

/// Shares of every kind among a column's sampled values, commonest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Profile {
    /// (kind, share of sampled values), commonest first.
    pub shares: Vec<(Kind, f64)>,
    /// How many values were sampled.
    pub values: usize,
}

impl Profile {
    /// The share of one kind.
    #[must_use]
    pub fn share(&self, kind: Kind) -> f64 {
        self.shares
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(0.0, |(_, s)| *s)
    }
}

/// The dominant kind of a profile, if one covers at least half the values (person names,
/// the least specific kind, need more and no strong rival).
#[must_use]
pub fn guess(profile: &Profile) -> Option<ContentGuess> {
    let &(kind, share) = profile.shares.first()?;
    let rival = profile.shares.get(1).map_or(0.0, |(_, s)| *s);
    let enough = match kind {
        Kind::Name => share >= 0.6 && rival < 0.3,
        Kind::Age | Kind::Serial => share >= 0.8,
        _ => share >= 0.5,
    };
    enough.then_some(ContentGuess {
        kind,
        share,
        values: profile.values,
    })
}

fn roles() -> &'static Vocabulary<&'static str> {
    static CELL: OnceLock<Vocabulary<&'static str>> = OnceLock::new();
    CELL.get_or_init(|| {
        Vocabulary::new(
            crate::reference::role_terms()
                .iter()
                .map(|(t, _)| (t.as_str(), "role")),
        )
    })
}

fn known_name_words() -> &'static HashSet<String> {
    static CELL: OnceLock<HashSet<String>> = OnceLock::new();
    CELL.get_or_init(|| {
        let t = crate::reference::names();
        t.variants
            .iter()
            .flat_map(|(k, v)| [k.to_lowercase(), v.to_lowercase()])
            .chain(t.prefixes.iter().cloned())
            .collect()
    })
}

/// Every kind a single value could be.
#[must_use]
pub fn kinds_of(v: &str) -> Vec<Kind> {
    // Statuses, sexes, districts and sections repeat across the sheets of a workbook and the
    // files of a directory: each distinct value is classified once per process (the cache is
    // emptied when it grows large).
    static CACHE: OnceLock<Mutex<HashMap<String, Vec<Kind>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Some(k) = cache.lock().ok().and_then(|c| c.get(v).cloned()) {
        return k;
    }
    let kinds = classify_value(v);
    if let Ok(mut c) = cache.lock() {
        if c.len() >= 100_000 {
            c.clear();
        }
        c.insert(v.to_owned(), kinds.clone());
    }
    kinds
}

fn classify_value(v: &str) -> Vec<Kind> {
    let mut out = Vec::new();
    let chars = v.chars().count();
    let digits = v.chars().filter(|c| c.is_numeric()).count();
    let letters = v.chars().filter(|c| c.is_alphabetic()).count();
    let ascii_digits: String = v
        .chars()
        .filter(|c| c.is_numeric())
        .map(text::ascii_digit)
        .collect();
    let only_number_chars = v
        .chars()
        .all(|c| c.is_numeric() || matches!(c, '-' | ' ' | '+' | '.' | '/' | '(' | ')'));

    if (letters == 0 && only_number_chars && ascii_digits.len() == 13)
        || (v.to_lowercase().contains("e+") && digits >= 3 && letters == 1)
    {
        out.push(Kind::Cnic);
    }
    if letters == 0 && only_number_chars && (10..=12).contains(&ascii_digits.len()) {
        let d = ascii_digits.as_str();
        if d.starts_with("03")
            || d.starts_with("923")
            || (d.len() == 10 && d.starts_with('3'))
            || phone::parse_phone(v).0.is_some()
        {
            out.push(Kind::Phone);
        }
    }
    if chars == 9
        && v.chars().take(2).all(|c| c.is_ascii_alphabetic())
        && v.chars().skip(2).all(|c| c.is_ascii_digit())
    {
        out.push(Kind::Passport);
    }
    // An identity number or a phone number is nothing else.
    if !out.is_empty() {
        return out;
    }
    // A citation has a section number; a relation has a marker ("s/o", "d.o", "son of",
    // "ولد"): cheap tests before the parsers.
    let sections = chars <= 160
        && letters > 0
        && digits > 0
        && !offence::sections_in_text(v, LawTable::default_table()).is_empty();
    // "3/6 PSMA 2018" is a citation, not the 3rd of June.
    if digits >= 4 && chars <= 40 && !sections {
        if let (Some(d), _) = date::parse_date(v) {
            if d.precision == date::Precision::Day {
                out.push(Kind::Date);
            }
        }
    }
    if sections {
        out.push(Kind::Sections);
    }
    let lower = v.to_lowercase();
    let marker = lower.contains('/')
        || lower.contains('.')
        || lower.contains(" of ")
        || lower.contains(" bin ")
        || text::has_arabic_script(v);
    if digits == 0 && letters >= 2 && chars <= 120 && marker {
        let parts = name::parse_name(v);
        if parts.name.is_some() && (parts.father.is_some() || parts.husband.is_some()) {
            out.push(Kind::NameWithRelation);
        }
    }
    if letters >= 2 && chars <= 80 {
        if status::is_protection_outcome(v) {
            out.push(Kind::Protection);
        } else if status::parse_case_status(v).0 != CaseStatus::Unknown {
            out.push(Kind::CaseStatus);
        }
    }
    if letters >= 2 && chars <= 40 && roles().find(v).is_some() {
        out.push(Kind::Role);
    }
    if chars <= 14 && digits == 0 {
        let (s, issues) = sex::parse_sex(v);
        if s != Sex::Unknown && issues.is_empty() {
            out.push(Kind::Sex);
        }
    }
    if letters >= 2 && chars <= 30 && digits == 0 {
        if v.split_whitespace().count() <= 3 && nationality::is_country(v) {
            out.push(Kind::Nationality);
        }
        if v.split_whitespace().count() <= 4 && place::is_place_name(v) {
            out.push(Kind::District);
        }
    }
    if letters >= 3
        && (v.contains([',', '،']) || v.split_whitespace().count() >= 3)
        && chars <= 200
        && place::district_in_address_exact(v).is_some_and(|p| p.district.is_some())
    {
        out.push(Kind::Address);
    }
    if letters >= 3 && chars <= 80 {
        let (forms, issues) = exploitation::parse_exploitation(v);
        if !forms.is_empty() && issues.is_empty() {
            out.push(Kind::Exploitation);
        }
    }
    if is_case_number(v) {
        out.push(Kind::CaseNumber);
    }
    if digits > 0 && chars <= 12 && !v.contains('/') && !v.contains('-') {
        let (a, issues) = age::parse_age(v);
        if a.years.is_some_and(|y| (0..=100).contains(&y))
            && issues.iter().all(|i| *i == "age.approximate")
        {
            out.push(Kind::Age);
        }
    } else if digits == 0 && chars <= 12 {
        let (a, _) = age::parse_age(v);
        if a.child.is_some() {
            out.push(Kind::Age);
        }
    }
    if digits == 0 && letters >= 2 && out.is_empty() && looks_like_name(v) {
        out.push(Kind::Name);
    }
    out
}

/// A case or FIR number: one to five digits, a slash and a two- or four-digit year, with
/// optional "FIR", "No.", "Case" words ("224/21", "FIR No. 12/2022", "Enq-45/2023").
fn is_case_number(v: &str) -> bool {
    let lower = v.to_lowercase();
    let rest: String = lower
        .split(|c: char| !c.is_alphanumeric() && c != '/')
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    *w,
                    "fir" | "no" | "case" | "enq" | "enquiry" | "inquiry" | "crime" | "nr"
                )
        })
        .collect::<Vec<_>>()
        .join("");
    let Some((a, b)) = rest.split_once('/') else {
        return false;
    };
    (1..=5).contains(&a.len())
        && a.bytes().all(|c| c.is_ascii_digit())
        && matches!(b.len(), 2 | 4)
        && b.bytes().all(|c| c.is_ascii_digit())
}

/// One to five words of letters, at least one of them a known given name, family name or
/// honorific (the name lexicon), or written in Urdu script.
fn looks_like_name(v: &str) -> bool {
    let words: Vec<String> = text::word_text(v)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    if text::has_arabic_script(v) {
        return true;
    }
    let known = known_name_words();
    words.iter().any(|w| known.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(values: &[&str]) -> Option<Kind> {
        guess(&profile(values.iter().copied())).map(|g| g.kind)
    }

    #[test]
    fn long_columns_are_thinned_without_changing_their_reading() {
        // 100,000 rows: serial numbers still count up, sexes are still sexes.
        let serials: Vec<String> = (1..=100_000).map(|i| i.to_string()).collect();
        let serials: Vec<&str> = serials.iter().map(String::as_str).collect();
        assert_eq!(top(&serials), Some(Kind::Serial));
        let sexes: Vec<&str> = (0..100_000)
            .map(|i| if i % 3 == 0 { " F " } else { "Male" })
            .collect();
        assert_eq!(top(&sexes), Some(Kind::Sex));
        // A sparse column (one value in 2,000 rows) gives too few values to a thinned read
        // and is read whole.
        let sparse: Vec<&str> = (0..100_000)
            .map(|i| if i % 2000 == 7 { "35202-1234567-1" } else { "" })
            .collect();
        let p = profile(sparse.iter().copied());
        assert_eq!(p.values, 50);
        assert_eq!(guess(&p).map(|g| g.kind), Some(Kind::Cnic));
    }

    #[test]
    fn kinds_from_values() {
        assert_eq!(
            top(&["35202-1234567-1", "3520212345671", "", "N/A"]),
            Some(Kind::Cnic)
        );
        assert_eq!(top(&["0300-1234567", "+92 321 7654321"]), Some(Kind::Phone));
        assert_eq!(
            top(&["12.03.2022", "5/4/2021", "12th March 2022"]),
            Some(Kind::Date)
        );
        assert_eq!(
            top(&["u/s 3/4 PTPA", "22 EO r/w 420 PPC", "371-A PPC"]),
            Some(Kind::Sections)
        );
        assert_eq!(
            top(&["Ali s/o Akbar", "Mst. Sana d/o Rafiq", "Bilal s/o Nazir"]),
            Some(Kind::NameWithRelation)
        );
        assert_eq!(
            top(&[
                "Restored to parents",
                "In Dar-ul-Aman",
                "Handed over to family"
            ]),
            Some(Kind::Protection)
        );
        assert_eq!(
            top(&["Under investigation", "Challan submitted", "Convicted"]),
            Some(Kind::CaseStatus)
        );
        assert_eq!(top(&["M", "F", "Female", "Male"]), Some(Kind::Sex));
        assert_eq!(
            top(&["Lahore", "Gujranwala", "Sialkot", "Kasur"]),
            Some(Kind::District)
        );
        assert_eq!(
            top(&["224/21", "FIR No. 12/2022", "513/2021"]),
            Some(Kind::CaseNumber)
        );
        assert_eq!(top(&["1", "2", "3", "4", "5"]), Some(Kind::Serial));
        assert_eq!(top(&["25", "14", "31", "19", "40 yrs"]), Some(Kind::Age));
        assert_eq!(
            top(&["Muhammad Ali", "Ayesha Bibi", "Bilal Ahmed"]),
            Some(Kind::Name)
        );
        assert_eq!(
            top(&[
                "House 388, Madina Colony, Gujranwalla",
                "Mohallah Arainan, Qila Didar Singh"
            ]),
            Some(Kind::Address)
        );
        assert_eq!(
            top(&[
                "Complainant",
                "Victim",
                "Accused (arrested)",
                "Comp.",
                "Victim"
            ]),
            Some(Kind::Role)
        );
        assert_eq!(top(&["", "  "]), None);
    }

    #[test]
    fn fits_and_overrides() {
        assert!(Kind::Date.fits("date_of_birth"));
        assert!(!Kind::Date.fits("fir_no"));
        assert!(Kind::Protection.unmistakable() && !Kind::Protection.fits("case_status"));
        assert!(Kind::Address.fits("district"));
    }
}
