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

/// Normalizes a header for lookup: NFKC, lower case, a plural mark after a word dropped
/// ("Victim(s)" is "victim", "Name(s) of Accused" is "name of accused"), punctuation to
/// spaces, spaces collapsed, and no spaces around `/`.
#[must_use]
pub fn normalize_header(header: &str) -> String {
    let header = without_plural_marks(header);
    let header = header.as_ref();
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

/// `header` without the plural marks "(s)" and "(es)" written right after a word.
fn without_plural_marks(header: &str) -> std::borrow::Cow<'_, str> {
    if !header.contains('(') {
        return std::borrow::Cow::Borrowed(header);
    }
    let mut out = String::with_capacity(header.len());
    let mut rest = header;
    while let Some(p) = rest.find('(') {
        let (before, from) = rest.split_at(p);
        out.push_str(before);
        let mark = ["(s)", "(es)"]
            .iter()
            .find(|m| {
                from.get(..m.len())
                    .is_some_and(|f| f.eq_ignore_ascii_case(m))
            })
            .filter(|_| before.chars().next_back().is_some_and(char::is_alphabetic));
        match mark {
            Some(m) => rest = &from[m.len()..],
            None => {
                out.push('(');
                rest = &from[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Normalized header → (keyword rule, matched tolerantly), shared by clones of one table.
type KeywordMemo = std::sync::Arc<std::sync::Mutex<HashMap<String, Option<(usize, bool)>>>>;

/// The alias table and keyword rules used to map headers.
#[derive(Debug, Clone)]
pub struct AliasTable {
    exact: HashMap<String, String>,
    keywords: Vec<(Vec<String>, String)>,
    /// Keyword matches already made (rule index, tolerant), by normalized text: the rows
    /// scanned for a header repeat from sheet to sheet and file to file.
    memo: KeywordMemo,
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
            AliasTable {
                exact,
                keywords,
                memo: std::sync::Arc::default(),
            }
        })
    }

    /// The built-in table extended with user aliases (which take precedence).
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] when an alias or field is empty.
    pub fn with_user_aliases(extra: &[(String, String)]) -> Result<AliasTable> {
        let mut table = Self::builtin().clone();
        table.memo = std::sync::Arc::default();
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

    /// The field by keyword rules: the first rule whose words all occur in the header.
    #[must_use]
    pub fn keyword(&self, header: &str) -> Option<&str> {
        self.keyword_match(header).map(|(f, _)| f)
    }

    /// The field by keyword rules, and whether a word had to be matched tolerantly (a
    /// different ending or one letter off: "Dated" for "date", "Nationalty" for
    /// "nationality"). A tolerant match wins only when its rule comes before (is more
    /// specific than) the first rule matched word for word: "Dated (FIR)" is a date, not the
    /// FIR number.
    #[must_use]
    pub fn keyword_match(&self, header: &str) -> Option<(&str, bool)> {
        let norm = normalize_header(header);
        if norm.is_empty() {
            return None;
        }
        if let Some(hit) = self.memo.lock().ok().and_then(|m| m.get(&norm).copied()) {
            return hit.map(|(k, t)| (self.keywords[k].1.as_str(), t));
        }
        let hit = self.keyword_rule(&norm);
        if let Ok(mut m) = self.memo.lock() {
            if m.len() >= 50_000 {
                m.clear();
            }
            m.insert(norm, hit);
        }
        hit.map(|(k, t)| (self.keywords[k].1.as_str(), t))
    }

    /// The index of the keyword rule a normalized header matches, and whether tolerantly.
    fn keyword_rule(&self, norm: &str) -> Option<(usize, bool)> {
        let words: Vec<&str> = norm.split([' ', '/']).filter(|w| !w.is_empty()).collect();
        let has = |k: &str| {
            if k.contains(' ') || k.contains('/') {
                norm.contains(k)
            } else {
                words.contains(&k)
            }
        };
        let near = |k: &str| {
            !k.contains(' ') && !k.contains('/') && words.iter().any(|w| similar_word(w, k))
        };
        let exact = self
            .keywords
            .iter()
            .position(|(ks, _)| ks.iter().all(|k| has(k)));
        let limit = exact.unwrap_or(self.keywords.len());
        let tolerant = self.keywords[..limit]
            .iter()
            .position(|(ks, _)| ks.iter().all(|k| has(k) || near(k)));
        match (tolerant, exact) {
            (Some(t), _) => Some((t, true)),
            (None, Some(e)) => Some((e, false)),
            (None, None) => None,
        }
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
        match self.keyword_match(header) {
            Some((f, false)) => Match::Keyword(f),
            Some((f, true)) => Match::Fuzzy(f),
            None => Match::None,
        }
    }

    /// Maps a column labelled `sub` under an optional group label (from a group header row or
    /// a merged cell above). "Name" under "Father/Guardian" is the father's name; "CNIC" under
    /// "Father" is not the victim's CNIC.
    #[must_use]
    pub fn map_with_group(&self, group: Option<&str>, sub: &str) -> Option<String> {
        self.map_with_group_how(group, sub).map(|(f, _)| f)
    }

    /// [`Self::map_with_group`], with how the header was matched.
    #[must_use]
    pub fn map_with_group_how(&self, group: Option<&str>, sub: &str) -> Option<(String, How)> {
        let how = |m: Match<'_>| -> Option<(String, How)> {
            match m {
                Match::Exact(f) => Some((f.to_owned(), How::Alias)),
                Match::Keyword(f) => Some((f.to_owned(), How::Keyword)),
                Match::Fuzzy(f) => Some((f.to_owned(), How::Fuzzy)),
                Match::None => None,
            }
        };
        let keyword = |text: &str| -> Option<(String, How)> {
            self.keyword_match(text).map(|(f, tolerant)| {
                (
                    f.to_owned(),
                    if tolerant { How::Fuzzy } else { How::Keyword },
                )
            })
        };
        let sub_t = sub.trim();
        let group = group.map(str::trim).filter(|g| !g.is_empty());
        if sub_t.is_empty() {
            return group.and_then(|g| how(self.lookup(g)));
        }
        let Some(g) = group else {
            return how(self.lookup(sub_t));
        };
        let combined = format!("{g} {sub_t}");
        if let Some(f) = self.exact(&combined) {
            return Some((f.to_owned(), How::Alias));
        }
        let relation = relation_of(g);
        let own = how(self.lookup(sub_t));
        match (relation, own) {
            (Some(rel), Some((f, _))) if f == "name" => Some((format!("{rel}_name"), How::Group)),
            (Some(rel), Some((f, _))) if f == "cnic" => Some((format!("{rel}_cnic"), How::Group)),
            (Some(_), Some(_)) => keyword(&combined),
            (None, Some(own)) => Some(own),
            (_, None) => keyword(&combined),
        }
    }
}

/// How a header was matched to its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// An alias in the table (built-in or the user's).
    Alias,
    /// A keyword rule.
    Keyword,
    /// A keyword rule with a word matched tolerantly.
    Fuzzy,
    /// A sub-header read under its group label ("Name" under "Father").
    Group,
}

impl How {
    /// The name written in `ReadReport.columns.mapped_by`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Alias => "alias",
            Self::Keyword => "keyword",
            Self::Fuzzy => "fuzzy header",
            Self::Group => "group header",
        }
    }

    /// How sure a header match alone is.
    #[must_use]
    pub fn confidence(self) -> f64 {
        match self {
            Self::Alias => 1.0,
            Self::Group => 0.95,
            Self::Keyword => 0.85,
            Self::Fuzzy => 0.7,
        }
    }
}

/// Two header words that a reader takes for one: the same stem ("dated", "sections",
/// "victims" for "date", "section", "victim") or, for words of five letters or more, one
/// edit apart ("nationalty", "adress").
fn similar_word(word: &str, keyword: &str) -> bool {
    if word == keyword {
        return true;
    }
    // Cheap filters first: this runs for every cell of the rows scanned for a header.
    let (n, m) = (word.len(), keyword.len());
    if n.abs_diff(m) > 2 || word.as_bytes().first() != keyword.as_bytes().first() {
        return false;
    }
    let stem = |w: &'_ str, suffix: &str| -> Option<usize> {
        w.strip_suffix(suffix)
            .filter(|s| s.chars().count() >= 3)
            .map(str::len)
    };
    for suffix in ["es", "ed", "s", "d"] {
        // "dated" is "date" + "d"; "sections" is "section" + "s"; both may carry one.
        if let Some(l) = stem(word, suffix) {
            if word[..l] == *keyword
                || stem(keyword, suffix).is_some_and(|k| word[..l] == keyword[..k])
            {
                return true;
            }
            for other in ["es", "ed", "s", "d"] {
                if stem(keyword, other).is_some_and(|k| word[..l] == keyword[..k]) {
                    return true;
                }
            }
        }
        if stem(keyword, suffix).is_some_and(|k| *word == keyword[..k]) {
            return true;
        }
    }
    n >= 5 && m >= 5 && n.abs_diff(m) <= 1 && strsim::osa_distance(word, keyword) <= 1
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
    /// By a keyword rule with a word matched tolerantly (another ending, one letter off).
    Fuzzy(&'a str),
    /// Not recognised.
    None,
}

impl<'a> Match<'a> {
    /// The field, if any.
    #[must_use]
    pub fn field(self) -> Option<&'a str> {
        match self {
            Match::Exact(f) | Match::Keyword(f) | Match::Fuzzy(f) => Some(f),
            Match::None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_marks_are_dropped() {
        assert_eq!(normalize_header("Victim(s)"), "victim");
        assert_eq!(normalize_header("Name(s) of Victim(S)"), "name of victim");
        assert_eq!(normalize_header("Witness(es)"), "witness");
        // Brackets that are no plural mark are punctuation as before.
        assert_eq!(normalize_header("Age (years)"), "age years");
        assert_eq!(normalize_header("(s) Sr."), "s sr");
        assert_eq!(normalize_header("عمر(سال)"), "عمر سال");
        let t = AliasTable::builtin();
        assert_eq!(t.lookup("Victim(s)").field(), Some("name"));
    }

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
    fn tolerant_keywords() {
        let t = AliasTable::builtin();
        assert_eq!(t.lookup("Dated"), Match::Fuzzy("date"));
        assert_eq!(t.lookup("Dated (FIR)"), Match::Fuzzy("date"));
        assert_eq!(
            t.lookup("Nationalty of victim").field(),
            Some("nationality")
        );
        assert_eq!(t.lookup("Victims Adress").field(), Some("address"));
        assert_eq!(t.lookup("FIR No"), Match::Exact("fir_no"));
        assert_eq!(t.lookup("Colour of shirt").field(), None);
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
