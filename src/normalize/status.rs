//! Stage of a case (investigation, prosecution, convicted, acquitted, absconding, closed,
//! unknown) from free text, by whole-word phrases in `reference/data/case_status_terms.csv`;
//! the first phrase in file order that matches wins, so the file lists the more decisive
//! outcomes (convicted, acquitted, closed) before the stages.

use std::sync::OnceLock;

use crate::normalize::text::word_text;
use crate::reference::case_status_terms;
use crate::schema::CaseStatus;

fn phrases() -> &'static Vec<(String, CaseStatus)> {
    static CELL: OnceLock<Vec<(String, CaseStatus)>> = OnceLock::new();
    CELL.get_or_init(|| {
        case_status_terms()
            .iter()
            .filter_map(|(t, c)| CaseStatus::from_code(c).map(|s| (word_text(t), s)))
            .collect()
    })
}

/// Parses a case-status cell. Issue code `case_status.unrecognized`.
#[must_use]
pub fn parse_case_status(raw: &str) -> (CaseStatus, Vec<&'static str>) {
    let text = word_text(raw);
    for (phrase, status) in phrases() {
        if text.contains(phrase.as_str()) {
            return (*status, vec![]);
        }
    }
    (
        CaseStatus::Unknown,
        if text.trim().is_empty() {
            vec![]
        } else {
            vec!["case_status.unrecognized"]
        },
    )
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
}
