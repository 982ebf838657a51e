//! Sex as recorded: English and Urdu words and codes (`M`, `F`, `مرد`, `عورت`), transgender
//! (khawaja sira, `TG`, `X`: a category of its own under the Transgender Persons (Protection of
//! Rights) Act 2018 and on the CNIC), unknown. Terms live in `reference/data/sex_terms.csv`.

use std::sync::OnceLock;

use crate::normalize::text::{lookup_key, word_text};
use crate::normalize::vocab::{MatchRule, Vocabulary};
use crate::reference::sex_terms;
use crate::schema::Sex;

fn vocabulary() -> &'static Vocabulary<Sex> {
    static CELL: OnceLock<Vocabulary<Sex>> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut entries: Vec<(&str, Sex)> = sex_terms()
            .iter()
            .filter_map(|(t, c)| Some((t.as_str(), Sex::from_code(c)?)))
            .filter(|(_, s)| *s != Sex::Unknown)
            .collect();
        entries.sort_unstable_by_key(|(t, _)| *t);
        Vocabulary::new(entries)
    })
}

/// Parses a sex cell. Issue code `sex.unrecognized` when the text names no sex; a tolerant
/// match is reported by its rule (`sex.abbreviation`, `sex.misspelling`).
#[must_use]
pub fn parse_sex(raw: &str) -> (Sex, Vec<&'static str>) {
    let terms = sex_terms();
    if let Some(code) = terms.get(&lookup_key(raw)) {
        return (Sex::from_code(code).unwrap_or(Sex::Unknown), vec![]);
    }
    // "Female (girl)", "M / boy": the first word that is a term.
    for w in word_text(raw).split_whitespace() {
        if let Some(code) = terms.get(w) {
            return (Sex::from_code(code).unwrap_or(Sex::Unknown), vec![]);
        }
    }
    match vocabulary().find(raw) {
        Some((sex, MatchRule::Abbreviation)) => (sex, vec!["sex.abbreviation"]),
        Some((sex, MatchRule::Misspelling)) => (sex, vec!["sex.misspelling"]),
        _ => (Sex::Unknown, vec!["sex.unrecognized"]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_words() {
        for (raw, sex) in [
            ("M", Sex::Male),
            ("male", Sex::Male),
            ("Boy", Sex::Male),
            ("مرد", Sex::Male),
            ("F", Sex::Female),
            ("FEMALE", Sex::Female),
            ("Mst.", Sex::Female),
            ("عورت", Sex::Female),
            ("لڑکی", Sex::Female),
            ("TG", Sex::Transgender),
            ("X", Sex::Transgender),
            ("Khawaja Sira", Sex::Transgender),
            ("خواجہ سرا", Sex::Transgender),
            ("Female (girl)", Sex::Female),
            ("unknown", Sex::Unknown),
        ] {
            assert_eq!(parse_sex(raw).0, sex, "{raw}");
        }
        assert_eq!(parse_sex("zzz"), (Sex::Unknown, vec!["sex.unrecognized"]));
        assert_eq!(parse_sex("Fem."), (Sex::Female, vec!["sex.abbreviation"]));
        assert_eq!(parse_sex("Femal"), (Sex::Female, vec!["sex.misspelling"]));
        assert_eq!(parse_sex("Mael"), (Sex::Male, vec!["sex.misspelling"]));
        assert_eq!(
            parse_sex("Transgendr"),
            (Sex::Transgender, vec!["sex.misspelling"])
        );
    }
}
