//! Stage of a case (investigation, prosecution, convicted, acquitted, absconding, closed,
//! unknown) from free text, by whole-word phrases in `reference/data/case_status_terms.csv`;
//! the first phrase in file order that matches wins, so the file lists the more decisive
//! outcomes (convicted, acquitted, closed) before the stages. Abbreviations, misspellings and
//! acronyms match tolerantly ([`crate::normalize::vocab`]) and are reported by their rule.
//!
//! Shelters and protection units write a person's outcome (restored to family, in shelter,
//! repatriated, referred, escaped, discharged) in columns headed "Status" too; that is a
//! protection status (`reference/data/protection_status_terms.csv`), never a case stage.

use std::sync::OnceLock;

use crate::normalize::vocab::{MatchRule, Vocabulary};
use crate::reference::{case_status_terms, protection_status_terms};
use crate::schema::{CaseStatus, ProtectionStatus};

fn vocabulary() -> &'static Vocabulary<CaseStatus> {
    static CELL: OnceLock<Vocabulary<CaseStatus>> = OnceLock::new();
    CELL.get_or_init(|| {
        Vocabulary::new(
            case_status_terms()
                .iter()
                .filter_map(|(t, c)| CaseStatus::from_code(c).map(|s| (t.as_str(), s))),
        )
    })
}

fn protection_vocabulary() -> &'static Vocabulary<ProtectionStatus> {
    static CELL: OnceLock<Vocabulary<ProtectionStatus>> = OnceLock::new();
    CELL.get_or_init(|| {
        Vocabulary::new(
            protection_status_terms()
                .iter()
                .filter_map(|(t, c)| ProtectionStatus::from_code(c).map(|s| (t.as_str(), s))),
        )
    })
}

/// Parses a case-status cell. Issue codes: `case_status.unrecognized`; a tolerant match is
/// reported by its rule (`case_status.abbreviation`, `case_status.misspelling`,
/// `case_status.acronym`).
#[must_use]
pub fn parse_case_status(raw: &str) -> (CaseStatus, Vec<&'static str>) {
    match vocabulary().find(raw) {
        Some((status, rule)) => (
            status,
            match rule {
                MatchRule::Exact => vec![],
                MatchRule::Abbreviation => vec!["case_status.abbreviation"],
                MatchRule::Misspelling => vec!["case_status.misspelling"],
                MatchRule::Acronym => vec!["case_status.acronym"],
            },
        ),
        None => (
            CaseStatus::Unknown,
            if raw.trim().is_empty() {
                vec![]
            } else {
                vec!["case_status.unrecognized"]
            },
        ),
    }
}

/// Whether a case-status text names a shelter or protection outcome rather than a stage of
/// the case ("Restored to parents", "In Dar-ul-Aman"): the protection vocabulary matches and
/// the case vocabulary does not match word for word.
#[must_use]
pub fn is_protection_outcome(raw: &str) -> bool {
    protection_vocabulary().find(raw).is_some()
        && !matches!(vocabulary().find(raw), Some((_, MatchRule::Exact)))
}

/// A shelter or protection outcome named word for word in free text (remarks), if any.
#[must_use]
pub fn protection_in_text(raw: &str) -> Option<ProtectionStatus> {
    match protection_vocabulary().find(raw) {
        Some((p, MatchRule::Exact)) if p != ProtectionStatus::Unknown => Some(p),
        _ => None,
    }
}

/// Parses a protection-status cell (a shelter's or protection unit's outcome for the person:
/// in shelter, restored to family, repatriated, referred, escaped, discharged). Issue codes:
/// `protection_status.unrecognized` and the tolerant rules as for case status.
#[must_use]
pub fn parse_protection_status(raw: &str) -> (ProtectionStatus, Vec<&'static str>) {
    match protection_vocabulary().find(raw) {
        Some((status, rule)) => (
            status,
            match rule {
                MatchRule::Exact => vec![],
                MatchRule::Abbreviation => vec!["protection_status.abbreviation"],
                MatchRule::Misspelling => vec!["protection_status.misspelling"],
                MatchRule::Acronym => vec!["protection_status.acronym"],
            },
        ),
        None => (
            ProtectionStatus::Unknown,
            if raw.trim().is_empty() {
                vec![]
            } else {
                vec!["protection_status.unrecognized"]
            },
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_to_status() {
        for (raw, s) in [
            ("Under Investigation", CaseStatus::Investigation),
            ("U/I", CaseStatus::Investigation),
            ("Challan submitted", CaseStatus::Prosecution),
            ("Under trial", CaseStatus::Prosecution),
            ("PUT", CaseStatus::Prosecution),
            ("Convicted (5 years)", CaseStatus::Convicted),
            ("Acquitted", CaseStatus::Acquitted),
            ("Court absconder (CA)", CaseStatus::Absconding),
            ("Accused at large", CaseStatus::Absconding),
            ("accused P.O", CaseStatus::Absconding),
            ("Closed - untraced", CaseStatus::Closed),
            ("زیر تفتیش", CaseStatus::Investigation),
        ] {
            assert_eq!(parse_case_status(raw).0, s, "{raw}");
        }
        assert_eq!(parse_case_status("xyz").1, ["case_status.unrecognized"]);
    }

    #[test]
    fn tolerant_status_words() {
        for (raw, s, code) in [
            (
                "under inv.",
                CaseStatus::Investigation,
                "case_status.abbreviation",
            ),
            (
                "UNDER INV.",
                CaseStatus::Investigation,
                "case_status.abbreviation",
            ),
            ("Acquited", CaseStatus::Acquitted, "case_status.misspelling"),
            ("PUI", CaseStatus::Investigation, "case_status.acronym"),
        ] {
            assert_eq!(parse_case_status(raw), (s, vec![code]), "{raw}");
        }
        for (raw, s) in [
            ("Challan submitted in court", CaseStatus::Prosecution),
            (
                "Under investigation (I.O: SI Tariq)",
                CaseStatus::Investigation,
            ),
            ("Convicted 7 years RI", CaseStatus::Convicted),
            ("چالان", CaseStatus::Prosecution),
        ] {
            assert_eq!(parse_case_status(raw).0, s, "{raw}");
        }
    }

    #[test]
    fn protection_outcomes_are_not_case_stages() {
        for (raw, s) in [
            ("Restored to parents", ProtectionStatus::RestoredToFamily),
            ("handed over to family", ProtectionStatus::RestoredToFamily),
            ("In Dar-ul-Aman", ProtectionStatus::InShelter),
            ("Repatriated to Bangladesh", ProtectionStatus::Repatriated),
            (
                "Referred to Child Protection Bureau",
                ProtectionStatus::Referred,
            ),
            ("Escaped from shelter", ProtectionStatus::Escaped),
        ] {
            assert_eq!(parse_protection_status(raw).0, s, "{raw}");
            assert!(is_protection_outcome(raw), "{raw}");
        }
        for raw in ["Under investigation", "Convicted", "Challan submitted"] {
            assert!(!is_protection_outcome(raw), "{raw}");
        }
    }
}
