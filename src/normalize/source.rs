//! Kind of the unit that recorded a record (fia_circle, police, social_welfare, ngo, other),
//! from its name when the return does not say (`reference/data/source_types.csv`), and stable
//! record ids.

use std::sync::OnceLock;

use crate::normalize::text::word_text;
use crate::reference::source_type_terms;
use crate::schema::SourceType;

fn phrases() -> &'static Vec<(String, SourceType)> {
    static CELL: OnceLock<Vec<(String, SourceType)>> = OnceLock::new();
    CELL.get_or_init(|| {
        source_type_terms()
            .iter()
            .filter_map(|(t, c)| SourceType::from_code(c).map(|s| (word_text(t), s)))
            .collect()
    })
}

/// A source type written as a code or words (`fia_circle`, `FIA`, `Police`), or derived from
/// the source's name.
#[must_use]
pub fn source_type(given: Option<&str>, source_name: Option<&str>) -> SourceType {
    if let Some(g) = given {
        let key = word_text(g).trim().replace(' ', "_");
        if let Some(t) = SourceType::from_code(&key) {
            return t;
        }
        if let Some(t) = from_words(g) {
            return t;
        }
    }
    source_name
        .and_then(from_words)
        .unwrap_or(SourceType::Other)
}

fn from_words(text: &str) -> Option<SourceType> {
    let t = word_text(text);
    phrases()
        .iter()
        .find(|(p, _)| t.contains(p.as_str()))
        .map(|(_, s)| *s)
}

/// FNV-1a 64-bit: a small, fixed, platform-independent hash so that generated ids are stable
/// across runs and machines (std's `DefaultHasher` is not guaranteed stable).
#[must_use]
pub fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0x1f)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A record id from where the row sits (`source_file`, `source_sheet`, `source_row`), or from
/// its position when those are missing.
#[must_use]
pub fn generated_record_id(
    file: Option<&str>,
    sheet: Option<&str>,
    row: Option<&str>,
    index: usize,
) -> String {
    match (file, row) {
        (Some(f), Some(r)) => format!("r{:016x}", fnv1a(&[f, sheet.unwrap_or(""), r])),
        _ => format!("row-{}", index + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_from_names() {
        assert_eq!(
            source_type(None, Some("FIA Lahore Circle")),
            SourceType::FiaCircle
        );
        assert_eq!(
            source_type(None, Some("AHTC Karachi")),
            SourceType::FiaCircle
        );
        assert_eq!(source_type(None, Some("Punjab Police")), SourceType::Police);
        assert_eq!(
            source_type(None, Some("Social Welfare Dept Sindh")),
            SourceType::SocialWelfare
        );
        assert_eq!(source_type(None, Some("Edhi Foundation")), SourceType::Ngo);
        assert_eq!(source_type(None, Some("Unknown office")), SourceType::Other);
        assert_eq!(
            source_type(None, Some("دارالامان لاہور")),
            SourceType::SocialWelfare
        );
        assert_eq!(
            source_type(None, Some("Roshan Raah Legal Aid")),
            SourceType::Ngo
        );
        assert_eq!(source_type(Some("police"), Some("FIA")), SourceType::Police);
        assert_eq!(source_type(Some("fia_circle"), None), SourceType::FiaCircle);
    }

    #[test]
    fn ids_are_stable() {
        assert_eq!(
            generated_record_id(Some("a.xlsx"), Some("S"), Some("5"), 0),
            generated_record_id(Some("a.xlsx"), Some("S"), Some("5"), 9)
        );
        assert_ne!(
            generated_record_id(Some("a.xlsx"), Some("S"), Some("5"), 0),
            generated_record_id(Some("a.xlsx"), Some("S"), Some("6"), 0)
        );
        assert_eq!(generated_record_id(None, None, None, 0), "row-1");
        assert_eq!(fnv1a(&[]), 0xcbf2_9ce4_8422_2325);
    }
}
