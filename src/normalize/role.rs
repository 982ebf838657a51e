//! A person's role in a case (victim, smuggled migrant, accused, complainant, witness,
//! deportee) from a role cell, by whole-word phrases in `reference/data/role_terms.csv`
//! (tolerant matches reported by rule, as for case status), or from cues when no cell says.
//!
//! Returns list accused persons, complainants, witnesses and deportees beside victims, and
//! FIA deportee lists record migrants booked as offenders. When the role is not written, it
//! follows (in this order):
//! 1. the sheet's name, when it names a role word for word ("Accused persons", "Victims");
//! 2. the crime type when it is trafficking (`tip`, `both`): the person is a victim, who is
//!    not criminally liable for an offence under the PTPA (s.6) even when booked under
//!    Emigration Ordinance s.17(1) or deported;
//! 3. a deportee list (a unit or file naming deportees: "FIA Immigration deportee desk",
//!    "Deportees Oct-2023.xlsx", "DFD"): a deportee. A remark is not enough: victims'
//!    registers note "complaint of deportee from Greece" for persons who are victims;
//! 4. Emigration Ordinance s.17(1) among the sections: the person emigrated unlawfully and is
//!    the offender (domain.md §1.4), not a victim;
//! 5. otherwise a victim: a return lists its victims unless it says otherwise. Whether they
//!    count as victims of trafficking is the crime type's to say (a person in a smuggling
//!    case is counted with the smuggled migrants); `unknown` is left for a role cell that
//!    names no role.

use std::sync::OnceLock;

use crate::normalize::vocab::{MatchRule, Vocabulary};
use crate::reference::role_terms;
use crate::schema::{CrimeType, Role};

fn vocabulary() -> &'static Vocabulary<Role> {
    static CELL: OnceLock<Vocabulary<Role>> = OnceLock::new();
    CELL.get_or_init(|| {
        Vocabulary::new(
            role_terms()
                .iter()
                .filter_map(|(t, c)| Role::from_code(c).map(|r| (t.as_str(), r))),
        )
    })
}

fn deportee_vocabulary() -> &'static Vocabulary<Role> {
    static CELL: OnceLock<Vocabulary<Role>> = OnceLock::new();
    CELL.get_or_init(|| {
        Vocabulary::new(
            role_terms()
                .iter()
                .filter(|(_, c)| c == "deportee")
                .map(|(t, _)| (t.as_str(), Role::Deportee)),
        )
    })
}

/// Parses a role cell. Issue codes: `role.unrecognized`; a tolerant match is reported by its
/// rule (`role.abbreviation`, `role.misspelling`, `role.acronym`).
#[must_use]
pub fn parse_role(raw: &str) -> (Role, Vec<&'static str>) {
    match vocabulary().find(raw) {
        Some((role, rule)) => (
            role,
            match rule {
                MatchRule::Exact => vec![],
                MatchRule::Abbreviation => vec!["role.abbreviation"],
                MatchRule::Misspelling => vec!["role.misspelling"],
                MatchRule::Acronym => vec!["role.acronym"],
            },
        ),
        None => (
            Role::Unknown,
            if raw.trim().is_empty() {
                vec![]
            } else {
                vec!["role.unrecognized"]
            },
        ),
    }
}

/// The role a sheet's name gives its rows, when it names one word for word.
#[must_use]
pub fn role_of_sheet(name: &str) -> Option<Role> {
    match vocabulary().find(name) {
        Some((r, MatchRule::Exact)) if r != Role::Unknown => Some(r),
        _ => None,
    }
}

/// Whether a text (a source's or a file's name) names deportees word for word.
#[must_use]
pub fn names_deportees(text: &str) -> bool {
    matches!(
        deportee_vocabulary().find(text),
        Some((_, MatchRule::Exact))
    )
}

/// What a row offers when its role is not written.
#[derive(Debug, Clone, Copy, Default)]
pub struct Cues {
    /// The role its sheet's name gives.
    pub sheet: Option<Role>,
    /// The source or file is a deportee list: the issue code to give.
    pub deported: Option<&'static str>,
    /// Emigration Ordinance s.17(1) is among the sections.
    pub self_emigration: bool,
}

/// The role of a row whose role is not written (see the module docs), with the issue code
/// that says where it came from (`role.from_sheet`, `role.from_source`,
/// `role.from_sections`); `None` when it follows from the crime type alone.
#[must_use]
pub fn derive_role(crime: CrimeType, cues: Cues) -> (Role, Option<&'static str>) {
    if let Some(r) = cues.sheet {
        return (r, Some("role.from_sheet"));
    }
    if matches!(crime, CrimeType::Tip | CrimeType::Both) {
        return (Role::Victim, None);
    }
    if let Some(code) = cues.deported {
        return (Role::Deportee, Some(code));
    }
    if cues.self_emigration {
        return (Role::Accused, Some("role.from_sections"));
    }
    (Role::Victim, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_cells() {
        assert_eq!(parse_role("Accused"), (Role::Accused, vec![]));
        assert_eq!(parse_role("ملزم"), (Role::Accused, vec![]));
        assert_eq!(parse_role("Sub-agent"), (Role::Accused, vec![]));
        assert_eq!(
            parse_role("Complainant (father)"),
            (Role::Complainant, vec![])
        );
        assert_eq!(
            parse_role("smuggled migrant"),
            (Role::SmuggledMigrant, vec![])
        );
        assert_eq!(parse_role("Deported from Oman"), (Role::Deportee, vec![]));
        assert_eq!(parse_role("Victim"), (Role::Victim, vec![]));
        assert_eq!(
            parse_role("Compl."),
            (Role::Complainant, vec!["role.abbreviation"])
        );
        assert_eq!(
            parse_role("Witnes"),
            (Role::Witness, vec!["role.misspelling"])
        );
        assert_eq!(
            parse_role("brother"),
            (Role::Unknown, vec!["role.unrecognized"])
        );
        assert_eq!(parse_role(" "), (Role::Unknown, vec![]));
    }

    #[test]
    fn cues() {
        assert_eq!(role_of_sheet("Accused persons"), Some(Role::Accused));
        assert_eq!(role_of_sheet("Sheet1"), None);
        assert!(names_deportees("Deportees from Iran (Taftan)"));
        assert!(names_deportees("DFD"));
        assert!(names_deportees(
            "FIA_Immigration_AIIAP/deportees_Sep2023.csv"
        ));
        assert!(!names_deportees("FIA AHTC Lahore"));
        assert!(!names_deportees("accused arrested"));
    }

    #[test]
    fn derived_roles() {
        let none = Cues::default();
        assert_eq!(derive_role(CrimeType::Tip, none), (Role::Victim, None));
        assert_eq!(derive_role(CrimeType::Som, none), (Role::Victim, None));
        assert_eq!(derive_role(CrimeType::Unknown, none), (Role::Victim, None));
        assert_eq!(
            derive_role(CrimeType::MigrationFraud, none),
            (Role::Victim, None)
        );
        // EO 17(1): the migrant himself is booked, so he is not a victim.
        let booked = Cues {
            self_emigration: true,
            ..Cues::default()
        };
        assert_eq!(
            derive_role(CrimeType::SomRelated, booked),
            (Role::Accused, Some("role.from_sections"))
        );
        let deported = Cues {
            deported: Some("role.from_source"),
            self_emigration: true,
            ..Cues::default()
        };
        assert_eq!(
            derive_role(CrimeType::SomRelated, deported),
            (Role::Deportee, Some("role.from_source"))
        );
        // PTPA s.6: a trafficking victim is not an offender, deported or not.
        assert_eq!(derive_role(CrimeType::Both, deported), (Role::Victim, None));
        let sheet = Cues {
            sheet: Some(Role::Accused),
            ..Cues::default()
        };
        assert_eq!(
            derive_role(CrimeType::Tip, sheet),
            (Role::Accused, Some("role.from_sheet"))
        );
    }
}
