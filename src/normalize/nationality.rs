//! Nationality (and destination country) to ISO 3166-1 alpha-3, from country names, demonyms,
//! abbreviations and main cities (`reference/data/countries.csv`), with a Jaro–Winkler fallback
//! for misspellings.

use crate::normalize::text::{lookup_key, word_text};
use crate::reference::countries;

/// Least Jaro–Winkler similarity for a fuzzy country match.
pub const FUZZY_THRESHOLD: f64 = 0.92;

/// Parses a nationality or country cell. Issue codes: `<field>.fuzzy`, `<field>.multiple`,
/// `<field>.unknown`, with `field` the prefix given (`nationality` or `destination`).
#[must_use]
pub fn parse_country(raw: &str, field: &'static str) -> (Option<&'static str>, Vec<&'static str>) {
    let map = countries();
    let code = |suffix: &str| -> &'static str {
        match (field, suffix) {
            ("destination", "fuzzy") => "destination.fuzzy",
            ("destination", "multiple") => "destination.multiple",
            ("destination", _) => "destination.unknown",
            (_, "fuzzy") => "nationality.fuzzy",
            (_, "multiple") => "nationality.multiple",
            _ => "nationality.unknown",
        }
    };
    if let Some(&iso) = map.get(&lookup_key(raw)) {
        return (Some(iso), vec![]);
    }
    // Word runs: "Pakistani national", "Dubai, UAE", "Iran via Taftan".
    let wt = word_text(raw);
    let words: Vec<&str> = wt
        .split_whitespace()
        .filter(|w| {
            !matches!(
                *w,
                "national" | "citizen" | "nationality" | "origin" | "via" | "the" | "of"
            )
        })
        .collect();
    let mut found: Vec<&'static str> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut matched = 0;
        for n in (1..=3).rev() {
            if i + n <= words.len() {
                if let Some(&iso) = map.get(&words[i..i + n].concat()) {
                    if !found.contains(&iso) {
                        found.push(iso);
                    }
                    matched = n;
                    break;
                }
            }
        }
        i += matched.max(1);
    }
    match found.len() {
        0 => {}
        1 => return (Some(found[0]), vec![]),
        _ => return (Some(found[0]), vec![code("multiple")]),
    }
    let key = lookup_key(raw);
    if key.chars().count() >= 5 {
        let mut best: Option<(&'static str, f64)> = None;
        for (k, &iso) in map {
            if k.chars().count() < 5 {
                continue;
            }
            let s = strsim::jaro_winkler(&key, k);
            if best.is_none_or(|(_, b)| s > b) {
                best = Some((iso, s));
            }
        }
        if let Some((iso, s)) = best {
            if s >= FUZZY_THRESHOLD {
                return (Some(iso), vec![code("fuzzy")]);
            }
        }
    }
    (None, vec![code("unknown")])
}

/// Whether a short text is exactly a country name, demonym or abbreviation (no fuzzy
/// search): cheap enough for telling a column of nationalities.
#[must_use]
pub fn is_country(raw: &str) -> bool {
    countries().contains_key(&lookup_key(raw))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_demonyms_abbreviations() {
        for (raw, iso) in [
            ("Pakistani", "PAK"),
            ("PAK", "PAK"),
            ("pakistan", "PAK"),
            ("پاکستانی", "PAK"),
            ("Afghan", "AFG"),
            ("Bengali", "BGD"),
            ("U.A.E", "ARE"),
            ("Dubai", "ARE"),
            ("KSA", "SAU"),
            ("Iranian", "IRN"),
            ("Pakistani national", "PAK"),
            ("Turkey", "TUR"),
            ("Greece", "GRC"),
        ] {
            assert_eq!(parse_country(raw, "nationality").0, Some(iso), "{raw}");
        }
    }

    #[test]
    fn fuzzy_and_unknown() {
        assert_eq!(
            parse_country("Pakistanii", "nationality"),
            (Some("PAK"), vec!["nationality.fuzzy"])
        );
        assert_eq!(
            parse_country("Zzzzzz", "nationality"),
            (None, vec!["nationality.unknown"])
        );
        assert_eq!(
            parse_country("Dubai via Iran", "destination"),
            (Some("ARE"), vec!["destination.multiple"])
        );
    }
}
