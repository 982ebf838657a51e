//! Mapping column headers onto canonical field names.
//!
//! Headers are normalized (Unicode NFKC, lower case, punctuation other than `/`, `#` and `&`
//! turned into spaces, whitespace collapsed) and looked up in an alias table
//! (`src/reference/data/column_aliases.csv`, extendable by the user); headers not in the table
//! fall back to ordered keyword rules (`column_keywords.csv`), as a person reading an unfamiliar
//! form would ("Name of the Rescued Girl" is a name, "Father/Guardian CNIC" is not the victim's
//! CNIC).

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::error::{Error, Result};

const ALIASES_CSV: &str = include_str!("../reference/data/column_aliases.csv");
const KEYWORDS_CSV: &str = include_str!("../reference/data/column_keywords.csv");

/// Normalizes a header for lookup: NFKC, lower case, punctuation to spaces, spaces collapsed,
/// and no spaces around `/`.
#[must_use]
pub fn normalize_header(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    let mut pending_space = false;
    for ch in header.nfkc() {
        let ch = match ch {
            '.' | ':' | '(' | ')' | '[' | ']' | '{' | '}' | '_' | ',' | '\'' | '"' | '*' | '-'
            | '–' | '—' | '’' | '‘' | '`' | ';' | '?' | '!' | '\u{200c}' | '\u{200d}'
            | '\u{feff}' | '\u{200f}' | '\u{200e}' | '۔' | '،' => ' ',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if ch == ' ' {
            pending_space = !out.is_empty();
            continue;
        }
        if ch == '/' {
            pending_space = false;
            out.push('/');
            continue;
        }
        if pending_space && !out.ends_with('/') {
            out.push(' ');
        }
        pending_space = false;
        out.extend(ch.to_lowercase());
    }
    out
}

/// The alias table and keyword rules used to map headers.
#[derive(Debug, Clone)]
pub struct AliasTable {
    exact: HashMap<String, String>,
    keywords: Vec<(Vec<String>, String)>,
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn split_pair(line: &str) -> Option<(&str, &str)> {
    let (a, b) = line.rsplit_once(',')?;
    Some((a.trim(), b.trim()))
}

impl AliasTable {
    /// The built-in table.
    #[must_use]
    pub fn builtin() -> &'static AliasTable {
        static TABLE: OnceLock<AliasTable> = OnceLock::new();
        TABLE.get_or_init(|| {
            let mut exact = HashMap::new();
            for line in data_lines(ALIASES_CSV).skip(1) {
                if let Some((alias, field)) = split_pair(line) {
                    let key = if alias == "#" {
                        "#".to_owned()
                    } else {
                        normalize_header(alias)
                    };
                    exact.entry(key).or_insert_with(|| field.to_owned());
                }
            }
            let keywords = data_lines(KEYWORDS_CSV)
                .skip(1)
                .filter_map(split_pair)
                .map(|(words, field)| {
                    (
                        words.split('+').map(normalize_header).collect(),
                        field.to_owned(),
                    )
                })
                .collect();
            AliasTable { exact, keywords }
        })
    }

    /// The built-in table extended with user aliases (which take precedence).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when an alias or field is empty.
    pub fn with_user_aliases(extra: &[(String, String)]) -> Result<AliasTable> {
        let mut table = Self::builtin().clone();
        for (alias, field) in extra {
            let key = normalize_header(alias);
            if key.is_empty() || field.trim().is_empty() {
                return Err(Error::invalid_argument(
                    "aliases",
                    "a mapping of non-empty header text to a non-empty field name",
                    format!("'{alias}' -> '{field}'"),
                ));
            }
            table.exact.insert(key, field.trim().to_owned());
        }
        Ok(table)
    }

    /// The field of an exactly known header.
    #[must_use]
    pub fn exact(&self, header: &str) -> Option<&str> {
        self.exact
            .get(&normalize_header(header))
            .map(String::as_str)
    }

    /// The field by keyword rules.
    #[must_use]
    pub fn keyword(&self, header: &str) -> Option<&str> {
        let norm = normalize_header(header);
        if norm.is_empty() {
            return None;
        }
        let words: Vec<&str> = norm.split([' ', '/']).filter(|w| !w.is_empty()).collect();
        let has = |k: &str| {
            if k.contains(' ') || k.contains('/') {
                norm.contains(k)
            } else {
                words.contains(&k)
            }
        };
        self.keywords
            .iter()
            .find(|(ks, _)| ks.iter().all(|k| has(k)))
            .map(|(_, field)| field.as_str())
    }

    /// How a header maps: exactly (strong evidence it is a header), by keyword, or not at all.
    ///
    /// A bilingual cell such as "S.No / نمبر شمار" maps through either language: when the whole
    /// text is not an alias, each part around " / " is tried.
    #[must_use]
    pub fn lookup(&self, header: &str) -> Match<'_> {
        if let Some(f) = self.exact(header) {
            return Match::Exact(f);
        }
        if header.contains(" / ") || header.contains(" /") || header.contains("/ ") {
            let parts: Vec<&str> = header
                .split('/')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            let fields: Vec<&str> = parts.iter().filter_map(|p| self.exact(p)).collect();
            if let Some(first) = fields.first() {
                if fields.iter().all(|f| f == first) {
                    return Match::Exact(first);
                }
            }
        }
        if let Some(f) = self.keyword(header) {
            Match::Keyword(f)
        } else {
            Match::None
        }
    }

    /// Maps a column labelled `sub` under an optional group label (from a group header row or
    /// a merged cell above). "Name" under "Father/Guardian" is the father's name; "CNIC" under
    /// "Father" is not the victim's CNIC.
    #[must_use]
    pub fn map_with_group(&self, group: Option<&str>, sub: &str) -> Option<String> {
        let sub_t = sub.trim();
        let group = group.map(str::trim).filter(|g| !g.is_empty());
        if sub_t.is_empty() {
            return group
                .and_then(|g| self.lookup(g).field())
                .map(str::to_owned);
        }
        let Some(g) = group else {
            return self.lookup(sub_t).field().map(str::to_owned);
        };
        let combined = format!("{g} {sub_t}");
        if let Some(f) = self.exact(&combined) {
            return Some(f.to_owned());
        }
        let relation = relation_of(g);
        let own = self.lookup(sub_t).field();
        match (relation, own) {
            (Some(rel), Some("name")) => Some(format!("{rel}_name")),
            (Some(rel), Some("cnic")) => Some(format!("{rel}_cnic")),
            (Some(_), Some(_)) => self.keyword(&combined).map(str::to_owned),
            (None, Some(f)) => Some(f.to_owned()),
            (_, None) => self.keyword(&combined).map(str::to_owned),
        }
    }
}

fn relation_of(group: &str) -> Option<&'static str> {
    let g = normalize_header(group);
    let words: Vec<&str> = g.split([' ', '/']).collect();
    if words.iter().any(|w| {
        matches!(
            *w,
            "father" | "guardian" | "parent" | "parents" | "parentage" | "والد" | "ولدیت"
        )
    }) {
        Some("father")
    } else if words
        .iter()
        .any(|w| matches!(*w, "husband" | "spouse" | "شوہر"))
    {
        Some("husband")
    } else {
        None
    }
}

/// The outcome of a header lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match<'a> {
    /// In the alias table.
    Exact(&'a str),
    /// By a keyword rule.
    Keyword(&'a str),
    /// Not recognised.
    None,
}

impl<'a> Match<'a> {
    /// The field, if any.
    #[must_use]
    pub fn field(self) -> Option<&'a str> {
        match self {
            Match::Exact(f) | Match::Keyword(f) => Some(f),
            Match::None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_headers() {
        assert_eq!(normalize_header("  Name of  Victim "), "name of victim");
        assert_eq!(normalize_header("F / Name"), "f/name");
        assert_eq!(normalize_header("CNIC/B-Form"), "cnic/b form");
        assert_eq!(normalize_header("Age (Yrs.)"), "age yrs");
        assert_eq!(normalize_header("ＮＡＭＥ"), "name");
    }

    #[test]
    fn maps_known_aliases() {
        let t = AliasTable::builtin();
        for (h, f) in [
            ("Name of Victim", "name"),
            ("F/Name", "father_name"),
            ("CNIC/B-Form", "cnic"),
            ("U/S", "law_sections"),
            ("شناختی کارڈ نمبر", "cnic"),
            ("ولدیت", "father_name"),
            ("Sr. No.", "serial_no"),
            ("FIR No.", "fir_no"),
        ] {
            assert_eq!(t.lookup(h).field(), Some(f), "{h}");
        }
    }

    #[test]
    fn keyword_rules_read_like_a_person() {
        let t = AliasTable::builtin();
        assert_eq!(t.lookup("Name of the Rescued Girl").field(), Some("name"));
        assert_eq!(
            t.lookup("Father/Guardian CNIC").field(),
            Some("father_cnic")
        );
        assert_eq!(t.lookup("Mobile # of victim").field(), Some("phone"));
        assert_eq!(t.lookup("Colour of shirt").field(), None);
        assert_eq!(t.lookup("S.No / نمبر شمار").field(), Some("serial_no"));
        assert_eq!(t.lookup("Sr#").field(), Some("serial_no"));
    }

    #[test]
    fn group_headers() {
        let t = AliasTable::builtin();
        assert_eq!(
            t.map_with_group(Some("Father / Guardian"), "Name")
                .as_deref(),
            Some("father_name")
        );
        assert_eq!(
            t.map_with_group(Some("Father"), "CNIC").as_deref(),
            Some("father_cnic")
        );
        assert_eq!(
            t.map_with_group(Some("Victim particulars"), "Age")
                .as_deref(),
            Some("age")
        );
        assert_eq!(
            t.map_with_group(Some("Name of Victim"), "").as_deref(),
            Some("name")
        );
    }

    #[test]
    fn user_aliases_take_precedence() {
        let t = AliasTable::with_user_aliases(&[("Naam".into(), "name".into())]).unwrap();
        assert_eq!(t.lookup("NAAM").field(), Some("name"));
        assert!(AliasTable::with_user_aliases(&[(" ".into(), "name".into())]).is_err());
    }
}
