//! Embedded reference tables, loaded with serde (`csv`) from the data files under
//! `src/reference/data/` at first use (`OnceLock`), so that they can be read and edited without
//! touching code.
//!
//! Sources (see `shared/reference/domain.md`): the 136 districts of the 2023 census with their
//! province codes (`shehroz-iqbal/pakistan-district-data:data/processed/districts.csv`, built from
//! PBS tables); district spellings and old names (§3.5); CNIC province digits (§3.1); laws and
//! sections mapped to crime type and form of exploitation (§1.7, versioned by date: PACHTO 2002
//! and PPC s.369-A were repealed by the PTPA on 2 June 2018); honorifics and relational markers
//! (§3.3); the Urdu→Roman letter map (§3.4); ISO 3166-1 alpha-3 codes.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::normalize::text::lookup_key;

macro_rules! data_file {
    ($name:literal) => {
        include_str!(concat!("data/", $name))
    };
}

/// Parses an embedded CSV file into rows of `T`. The files are part of the crate and tested,
/// so a failure here is a broken invariant.
fn rows<T: for<'de> Deserialize<'de>>(name: &str, text: &str) -> Vec<T> {
    parse_rows(text).unwrap_or_else(|e| panic!("embedded reference table {name} is invalid: {e}"))
}

fn parse_rows<T: for<'de> Deserialize<'de>>(text: &str) -> Result<Vec<T>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    reader
        .deserialize()
        .enumerate()
        .map(|(i, r)| {
            r.map_err(|e| Error::Settings {
                path: format!("row {}", i + 2),
                reason: e.to_string(),
            })
        })
        .collect()
}

/// One of the 136 districts of the 2023 census, or a district of Azad Jammu & Kashmir or
/// Gilgit-Baltistan (outside the census) by its own name.
#[derive(Debug, Clone, Deserialize)]
pub struct District {
    /// Stable id such as `pb_lahore`.
    pub district_id: String,
    /// Census spelling, such as `Lahore`.
    pub district: String,
    /// Province code (PB, SD, KP, BA, IS; GB and AJ for places outside the census list).
    pub province_code: String,
}

#[derive(Debug, Clone, Deserialize)]
struct DistrictAlias {
    alias: String,
    district_id: String,
    province_code: String,
    #[serde(default)]
    note: String,
}

#[derive(Debug, Clone, Deserialize)]
struct ProvinceRow {
    province_code: String,
    province: String,
    cnic_digits: String,
    aliases: String,
}

/// What a place name resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Index into [`Places::districts`], when the name names one district.
    pub district: Option<usize>,
    /// Index into [`Places::provinces`].
    pub province: usize,
}

/// Districts, provinces and their aliases.
#[derive(Debug)]
pub struct Places {
    /// Census districts.
    pub districts: Vec<District>,
    /// Provinces and territories: (code, display name).
    pub provinces: Vec<(String, String)>,
    /// Lookup key (see [`lookup_key`]) → place.
    pub by_key: HashMap<String, Place>,
    /// Lookup keys of tehsils and towns: names that resolve a district cell but are too
    /// ordinary (Garden, Yasin, Ghazi) to be read as a place inside free text.
    pub not_in_text: std::collections::HashSet<String>,
    /// Sound key (the name fold of `normalize::name::phonetic`, word by word) of every
    /// district and alias → the place, or `None` when two places sound alike.
    pub by_sound: HashMap<String, Option<Place>>,
    /// Lookup key of a town, village, union council or city locality below tehsil level
    /// (`place_gazetteer.csv`) → place: weaker evidence, used for whole address parts only.
    pub gazetteer: HashMap<String, Place>,
    /// [`crate::normalize::place::joined_sound_key`] of gazetteer names → place, or `None`
    /// when two places share it: for Urdu spellings of those names.
    pub gazetteer_sound: HashMap<String, Option<Place>>,
    /// Lookup key of a province alias → province index.
    pub province_by_key: HashMap<String, usize>,
    /// First CNIC digit (0–9) → province index (NADRA locality codes, domain.md §3.1).
    pub province_by_cnic_digit: [Option<usize>; 10],
}

impl Places {
    fn load() -> Self {
        let province_rows: Vec<ProvinceRow> = rows("provinces.csv", data_file!("provinces.csv"));
        let mut provinces = Vec::new();
        let mut province_by_key = HashMap::new();
        let mut province_by_cnic_digit = [None; 10];
        for (i, p) in province_rows.iter().enumerate() {
            for d in p
                .cnic_digits
                .split('|')
                .filter_map(|d| d.parse::<usize>().ok())
            {
                if d < 10 {
                    province_by_cnic_digit[d] = Some(i);
                }
            }
            provinces.push((p.province_code.clone(), p.province.clone()));
            province_by_key.insert(lookup_key(&p.province), i);
            for a in p.aliases.split('|') {
                province_by_key.insert(lookup_key(a), i);
            }
        }
        let code_index = |code: &str| {
            provinces
                .iter()
                .position(|(c, _)| c == code)
                .unwrap_or_else(|| panic!("unknown province code {code} in reference tables"))
        };
        let districts: Vec<District> = rows("districts.csv", data_file!("districts.csv"));
        let mut by_key = HashMap::new();
        for (i, d) in districts.iter().enumerate() {
            by_key.insert(
                lookup_key(&d.district),
                Place {
                    district: Some(i),
                    province: code_index(&d.province_code),
                },
            );
        }
        let aliases: Vec<DistrictAlias> =
            rows("district_aliases.csv", data_file!("district_aliases.csv"));
        let mut not_in_text = std::collections::HashSet::new();
        let mut by_sound: HashMap<String, Option<Place>> = HashMap::new();
        // A district's own name owns its sound: a small tehsil that sounds like it (Bekerh,
        // Bhakkar) does not make it ambiguous.
        let mut district_sounds = std::collections::HashSet::new();
        let mut add_sound = |name: &str, place: Place, own_name: bool| {
            let k = crate::normalize::place::sound_key(name);
            if k.chars().count() < 3 || (!own_name && district_sounds.contains(&k)) {
                return;
            }
            if own_name {
                district_sounds.insert(k.clone());
            }
            by_sound
                .entry(k)
                .and_modify(|p| {
                    if *p != Some(place) {
                        *p = None;
                    }
                })
                .or_insert(Some(place));
            // The looser joined key, in its own key space ("~…").
            let loose = crate::normalize::place::joined_sound_key(name);
            if loose.chars().count() >= 3 {
                by_sound
                    .entry(format!("~{loose}"))
                    .and_modify(|p| {
                        if *p != Some(place) {
                            *p = None;
                        }
                    })
                    .or_insert(Some(place));
            }
        };
        for (i, d) in districts.iter().enumerate() {
            add_sound(
                &d.district,
                Place {
                    district: Some(i),
                    province: code_index(&d.province_code),
                },
                true,
            );
        }
        for a in aliases {
            if a.note.starts_with("tehsil or town") {
                not_in_text.insert(lookup_key(&a.alias));
            }
            let district = if a.district_id.is_empty() {
                None
            } else {
                Some(
                    districts
                        .iter()
                        .position(|d| d.district_id == a.district_id)
                        .unwrap_or_else(|| {
                            panic!("unknown district id {} in aliases", a.district_id)
                        }),
                )
            };
            let place = Place {
                district,
                province: code_index(&a.province_code),
            };
            add_sound(&a.alias, place, false);
            by_key.insert(lookup_key(&a.alias), place);
        }
        // The gazetteer of towns and localities: exact names only, below every other table.
        let gazetteer_rows: Vec<DistrictAlias> =
            rows("place_gazetteer.csv", data_file!("place_gazetteer.csv"));
        let mut gazetteer = HashMap::new();
        let mut gazetteer_sound: HashMap<String, Option<Place>> = HashMap::new();
        for a in gazetteer_rows {
            let key = lookup_key(&a.alias);
            if key.chars().count() < 3 || by_key.contains_key(&key) {
                continue;
            }
            let Some(d) = districts
                .iter()
                .position(|d| d.district_id == a.district_id)
            else {
                panic!("unknown district id {} in the gazetteer", a.district_id)
            };
            let place = Place {
                district: Some(d),
                province: code_index(&a.province_code),
            };
            gazetteer.insert(key, place);
            gazetteer_sound
                .entry(crate::normalize::place::joined_sound_key(&a.alias))
                .and_modify(|p| {
                    if *p != Some(place) {
                        *p = None;
                    }
                })
                .or_insert(Some(place));
        }
        Self {
            districts,
            provinces,
            by_key,
            not_in_text,
            by_sound,
            gazetteer,
            gazetteer_sound,
            province_by_key,
            province_by_cnic_digit,
        }
    }
}

/// The district and province tables.
pub fn places() -> &'static Places {
    static CELL: OnceLock<Places> = OnceLock::new();
    CELL.get_or_init(Places::load)
}

#[derive(Debug, Clone, Deserialize)]
struct CountryRow {
    iso3: String,
    name: String,
    aliases: String,
}

/// Countries: lookup key of a name, demonym, abbreviation or main city → ISO 3166-1 alpha-3.
pub fn countries() -> &'static HashMap<String, &'static str> {
    static CELL: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    CELL.get_or_init(|| {
        let rows: Vec<CountryRow> = rows("countries.csv", data_file!("countries.csv"));
        let mut map = HashMap::new();
        for r in rows {
            let iso: &'static str = Box::leak(r.iso3.clone().into_boxed_str());
            map.insert(lookup_key(&r.iso3), iso);
            map.insert(lookup_key(&r.name), iso);
            for a in r.aliases.split('|').filter(|a| !a.is_empty()) {
                map.insert(lookup_key(a), iso);
            }
        }
        map
    })
}

#[derive(Debug, Clone, Deserialize)]
struct TermRow {
    term: String,
    #[serde(
        alias = "sex",
        alias = "case_status",
        alias = "protection_status",
        alias = "role",
        alias = "exploitation",
        alias = "source_type"
    )]
    value: String,
}

/// A list of (term as written, code), in file order.
pub type Terms = Vec<(String, String)>;

fn terms(name: &str, text: &str) -> Terms {
    let rows: Vec<TermRow> = rows(name, text);
    rows.into_iter().map(|r| (r.term, r.value)).collect()
}

/// Words for sex → `male`, `female`, `transgender`, `unknown`.
pub fn sex_terms() -> &'static HashMap<String, String> {
    static CELL: OnceLock<HashMap<String, String>> = OnceLock::new();
    CELL.get_or_init(|| {
        terms("sex_terms.csv", data_file!("sex_terms.csv"))
            .into_iter()
            .map(|(t, c)| (lookup_key(&t), c))
            .collect()
    })
}

/// Phrases for the stage of a case, in priority order.
pub fn case_status_terms() -> &'static Terms {
    static CELL: OnceLock<Terms> = OnceLock::new();
    CELL.get_or_init(|| terms("case_status_terms.csv", data_file!("case_status_terms.csv")))
}

/// Phrases for a shelter's or protection unit's outcome for a person, in priority order.
pub fn protection_status_terms() -> &'static Terms {
    static CELL: OnceLock<Terms> = OnceLock::new();
    CELL.get_or_init(|| {
        terms(
            "protection_status_terms.csv",
            data_file!("protection_status_terms.csv"),
        )
    })
}

/// Words for a person's role in a case, in priority order.
pub fn role_terms() -> &'static Terms {
    static CELL: OnceLock<Terms> = OnceLock::new();
    CELL.get_or_init(|| terms("role_terms.csv", data_file!("role_terms.csv")))
}

/// Phrases naming a form of exploitation.
pub fn exploitation_terms() -> &'static Terms {
    static CELL: OnceLock<Terms> = OnceLock::new();
    CELL.get_or_init(|| {
        terms(
            "exploitation_terms.csv",
            data_file!("exploitation_terms.csv"),
        )
    })
}

/// Words in a source's name that tell its kind.
pub fn source_type_terms() -> &'static Terms {
    static CELL: OnceLock<Terms> = OnceLock::new();
    CELL.get_or_init(|| terms("source_types.csv", data_file!("source_types.csv")))
}

/// Name tables: honorifics, relational markers, spelling variants, Urdu letters.
#[derive(Debug)]
///
/// The tables are looked up for every word of every distinct name, with `rustc-hash`'s Fx
/// hasher (keys are tipsom's own data, so flooding resistance is not needed, and SipHash costs
/// more than the rest of the look-up). Nothing iterates over them, so their order is moot.
pub struct NameTables {
    /// Honorifics stripped at the start of a name (lookup keys).
    pub prefixes: rustc_hash::FxHashSet<String>,
    /// Honorifics stripped at the end of a name.
    pub suffixes: rustc_hash::FxHashSet<String>,
    /// Relational markers (lower-case, as written) → relation (`father`, `husband`, `residence`, `alias`).
    pub relations: rustc_hash::FxHashMap<String, String>,
    /// Spelling variant (lower-case token or Urdu word, possibly two words) → canonical Roman form.
    pub variants: rustc_hash::FxHashMap<String, String>,
    /// Canonical Roman form → its key fragment, where the phonetic fold would make two
    /// different names meet (Mahmood and Muhammad both fold to `mhmd`).
    pub fixed_keys: rustc_hash::FxHashMap<String, String>,
    /// Urdu letter → Roman letters.
    pub urdu_letters: rustc_hash::FxHashMap<char, String>,
}

#[derive(Debug, Clone, Deserialize)]
struct HonorificRow {
    token: String,
    position: String,
}
#[derive(Debug, Clone, Deserialize)]
struct RelationRow {
    marker: String,
    relation: String,
}
#[derive(Debug, Clone, Deserialize)]
struct VariantRow {
    variant: String,
    canonical: String,
    #[serde(default)]
    key: String,
}
#[derive(Debug, Clone, Deserialize)]
struct LetterRow {
    letter: String,
    roman: String,
}

/// The name tables.
pub fn names() -> &'static NameTables {
    static CELL: OnceLock<NameTables> = OnceLock::new();
    CELL.get_or_init(|| {
        let hon: Vec<HonorificRow> = rows("honorifics.csv", data_file!("honorifics.csv"));
        let mut prefixes = rustc_hash::FxHashSet::default();
        let mut suffixes = rustc_hash::FxHashSet::default();
        for h in hon {
            let key = crate::normalize::text::clean(&h.token).to_lowercase();
            if h.position == "suffix" {
                suffixes.insert(key);
            } else {
                prefixes.insert(key);
            }
        }
        let rel: Vec<RelationRow> = rows("name_relations.csv", data_file!("name_relations.csv"));
        let relations = rel
            .into_iter()
            .map(|r| {
                (
                    crate::normalize::text::clean(&r.marker).to_lowercase(),
                    r.relation,
                )
            })
            .collect();
        let var: Vec<VariantRow> = rows("name_variants.csv", data_file!("name_variants.csv"));
        let mut fixed_keys = rustc_hash::FxHashMap::default();
        let mut variants = rustc_hash::FxHashMap::default();
        for r in var {
            if !r.key.is_empty() {
                fixed_keys.insert(r.canonical.clone(), r.key);
            }
            variants.insert(
                crate::normalize::text::clean(&r.variant).to_lowercase(),
                r.canonical,
            );
        }
        let letters: Vec<LetterRow> = rows("urdu_letters.csv", data_file!("urdu_letters.csv"));
        let urdu_letters = letters
            .into_iter()
            .filter_map(|r| {
                let folded = crate::normalize::text::clean(&r.letter);
                folded.chars().next().map(|c| (c, r.roman))
            })
            .collect();
        NameTables {
            prefixes,
            suffixes,
            relations,
            variants,
            fixed_keys,
            urdu_letters,
        }
    })
}

/// One row of the law table: a law (or one of its sections) and what it implies.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct LawSection {
    /// Canonical law code, e.g. `PTPA-2018`, `EO-1979`, `PPC`.
    pub law: String,
    /// Section as written in canonical codes (`3`, `17(2)`, `371-A`), or `*` for any section.
    pub section: String,
    /// First day in force (`YYYY-MM-DD`), empty when not known or always.
    #[serde(default)]
    pub valid_from: String,
    /// First day no longer in force, empty when still in force.
    #[serde(default)]
    pub valid_to: String,
    /// `tip`, `som`, `both`, `tip_related`, `som_related`, `migration_fraud`, `other` or
    /// `unknown` ([`crate::schema::CrimeType`]).
    pub crime_type: String,
    /// Forms of exploitation implied, `|`-separated.
    #[serde(default)]
    pub exploitation: String,
}

/// The law table: sections versioned by date, and the names laws go by.
#[derive(Debug, Clone)]
pub struct LawTable {
    /// Rows, in file order.
    pub sections: Vec<LawSection>,
    /// Law aliases as lists of lower-case words → law code; longest first.
    pub aliases: Vec<(Vec<String>, String)>,
}

#[derive(Debug, Clone, Deserialize)]
struct LawAliasRow {
    alias: String,
    law: String,
}

impl LawTable {
    /// Builds a law table from CSV text with the columns of `law_sections.csv`
    /// (`law, section, valid_from, valid_to, crime_type, exploitation`), using the default aliases.
    ///
    /// # Errors
    /// [`Error::Settings`] naming the row when a row cannot be read or a code is unknown.
    pub fn from_csv(text: &str) -> Result<Self> {
        let sections: Vec<LawSection> = parse_rows(text)?;
        for (i, s) in sections.iter().enumerate() {
            if crate::schema::CrimeType::from_code(&s.crime_type).is_none() {
                return Err(Error::Settings {
                    path: format!("row {} crime_type", i + 2),
                    reason: format!(
                        "expected one of {}",
                        crate::schema::CrimeType::ALL
                            .iter()
                            .map(|c| c.code())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                });
            }
            for e in s.exploitation.split('|').filter(|e| !e.is_empty()) {
                if crate::schema::Exploitation::from_code(e).is_none() {
                    return Err(Error::Settings {
                        path: format!("row {} exploitation", i + 2),
                        reason: format!("unknown form of exploitation '{e}'"),
                    });
                }
            }
            for (name, v) in [("valid_from", &s.valid_from), ("valid_to", &s.valid_to)] {
                if !v.is_empty() && chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_err() {
                    return Err(Error::Settings {
                        path: format!("row {} {name}", i + 2),
                        reason: "expected a date written YYYY-MM-DD".into(),
                    });
                }
            }
        }
        let alias_rows: Vec<LawAliasRow> = rows("law_aliases.csv", data_file!("law_aliases.csv"));
        let mut aliases: Vec<(Vec<String>, String)> = alias_rows
            .into_iter()
            .map(|r| {
                (
                    r.alias.split_whitespace().map(str::to_lowercase).collect(),
                    r.law,
                )
            })
            .collect();
        // Words run together ("EmigrationOrdinance", "PassportAct") name the law too.
        let joined: Vec<(Vec<String>, String)> = aliases
            .iter()
            .filter(|(words, _)| {
                words.len() > 1
                    && words.iter().all(|w| w.chars().all(char::is_alphabetic))
                    && words.iter().map(String::len).sum::<usize>() >= 6
            })
            .map(|(words, law)| (vec![words.concat()], law.clone()))
            .collect();
        for j in joined {
            if !aliases.contains(&j) {
                aliases.push(j);
            }
        }
        aliases.sort_by_key(|a| std::cmp::Reverse(a.0.len()));
        Ok(Self { sections, aliases })
    }

    /// The default table shipped with tipsom (`src/reference/data/law_sections.csv`).
    pub fn default_table() -> &'static LawTable {
        static CELL: OnceLock<LawTable> = OnceLock::new();
        CELL.get_or_init(|| {
            Self::from_csv(data_file!("law_sections.csv"))
                .unwrap_or_else(|e| panic!("embedded law table is invalid: {e}"))
        })
    }

    /// The text of the default table, for users who want to edit and pass it back.
    #[must_use]
    pub fn default_csv() -> &'static str {
        data_file!("law_sections.csv")
    }

    /// The row for `law` and `section`: the exact section, then the section without its
    /// sub-sections (`17(2)` → `17`), then the law's `*` row.
    #[must_use]
    pub fn lookup(&self, law: &str, section: Option<&str>) -> Option<&LawSection> {
        if let Some(sec) = section {
            if let Some(r) = self
                .sections
                .iter()
                .find(|r| r.law == law && r.section == sec)
            {
                return Some(r);
            }
            let base = sec.split('(').next().unwrap_or(sec);
            if let Some(r) = self
                .sections
                .iter()
                .find(|r| r.law == law && r.section == base)
            {
                return Some(r);
            }
        }
        self.sections
            .iter()
            .find(|r| r.law == law && r.section == "*")
    }

    /// Whether `section` (cited without a subsection) has subsections listed in the table
    /// whose crime types differ, so that the subsection decides the crime type (Emigration
    /// Ordinance s.17: 17(1) books the migrant himself, 17(2) the facilitator).
    #[must_use]
    pub fn subsection_decides(&self, law: &str, section: &str) -> bool {
        if section.contains('(') {
            return false;
        }
        let prefix = format!("{section}(");
        let mut types = self
            .sections
            .iter()
            .filter(|r| r.law == law && r.section.starts_with(&prefix))
            .map(|r| r.crime_type.as_str());
        let Some(first) = types.next() else {
            return false;
        };
        types.any(|t| t != first)
    }

    /// The single law that lists `section` explicitly, if exactly one does.
    #[must_use]
    pub fn law_of_bare_section(&self, section: &str) -> Option<&str> {
        let base = section.split('(').next().unwrap_or(section);
        let mut found: Option<&str> = None;
        for r in &self.sections {
            if r.section == section || r.section == base {
                match found {
                    Some(l) if l != r.law => return None,
                    _ => found = Some(&r.law),
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn census_has_136_districts_and_aliases_resolve() {
        let p = places();
        let census = p
            .districts
            .iter()
            .filter(|d| !matches!(d.province_code.as_str(), "AJ" | "GB"));
        assert_eq!(census.count(), 136);
        let dg = p.by_key[&lookup_key("D.G. Khan")];
        assert_eq!(
            p.districts[dg.district.unwrap()].district,
            "Dera Ghazi Khan"
        );
        let k = p.by_key[&lookup_key("Karachi")];
        assert_eq!(k.district, None);
        assert_eq!(p.provinces[k.province].1, "Sindh");
    }

    #[test]
    fn countries_resolve_demonyms() {
        assert_eq!(countries()[&lookup_key("Afghan")], "AFG");
        assert_eq!(countries()[&lookup_key("U.A.E")], "ARE");
    }

    #[test]
    fn law_lookup_falls_back() {
        let t = LawTable::default_table();
        assert_eq!(
            t.lookup("EO-1979", Some("17(1)")).unwrap().crime_type,
            "som_related"
        );
        assert_eq!(t.lookup("EO-1979", Some("17(9)")).unwrap().section, "17");
        assert_eq!(t.lookup("PPC", Some("302")).unwrap().crime_type, "other");
        assert_eq!(t.law_of_bare_section("371-A"), Some("PPC"));
        // EO 17's subsections are all related to smuggling (17(1) is flagged in classify
        // because it names the migrant himself, not because its crime type differs).
        assert!(!t.subsection_decides("EO-1979", "17"));
        assert!(!t.subsection_decides("EO-1979", "17(2)"));
        // PTPA 3(1) and 3(2) are both trafficking: "u/s 3 PTPA" needs no subsection.
        assert!(!t.subsection_decides("PTPA-2018", "3"));
        assert!(!t.subsection_decides("PPC", "420"));
        let user = LawTable::from_csv(
            "law,section,valid_from,valid_to,crime_type,exploitation\nX,5(1),,,other,\nX,5(2),,,som,\n",
        )
        .unwrap();
        assert!(user.subsection_decides("X", "5"));
    }

    #[test]
    fn bad_law_table_names_the_row() {
        let err = LawTable::from_csv(
            "law,section,valid_from,valid_to,crime_type,exploitation\nPPC,1,,,maybe,\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("row 2 crime_type"), "{err}");
    }
}
