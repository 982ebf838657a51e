//! Trafficking (TIP), smuggling (SOM), both or neither, decided from the elements of a case.
//!
//! Follows the definitions in domain.md §1.1, §1.2 and §1.8:
//! - TIP, UN Protocol art. 3: an *act* (recruitment, transportation, transfer, harbouring,
//!   receipt) + a *means* (force, coercion, abduction, fraud, deception, abuse of power or of a
//!   position of vulnerability, payments to a controlling person) + a *purpose* of exploitation.
//!   For a child (under 18) no means is needed; once a means is used, consent is irrelevant.
//! - TIP, PTPA 2018 s.3: the same act, through force, fraud or coercion, for compelled labour
//!   (including debt bondage and servitude) or commercial sex acts; s.3(2): against a child
//!   *or a woman* the penalty is 2 to 10 years; s.7: for a child victim the prosecution need
//!   not prove coercion and consent is no defence. Organ removal and forced marriage are not
//!   in s.3 (THOTA 2010; PPC 365-B, 498-B, 310-A).
//! - SOM, UN Protocol art. 3 and PSMA 2018: procuring, for a financial or other material
//!   benefit, the illegal entry of a person into a state of which they are not a national;
//!   art. 6 also makes offences of producing, procuring, providing or possessing a fraudulent
//!   travel or identity document to enable smuggling, and of enabling a person to remain in a
//!   state illegally, for such a benefit. The migrant consents; crossing irregularly on one's
//!   own is an Emigration Ordinance s.17(1) offence by the person, not smuggling.
//! - Attempts are offences under both Acts (PTPA s.3(1) "or attempts to do so"; PSMA 2018;
//!   TIP Protocol art. 5(2)(a), SOM Protocol art. 6(2)(a)): an attempted act or illegal entry
//!   is decided like a completed one, and the reasons say it was an attempt.
//! - Both: a person can be smuggled and then trafficked (§1.8).
//!
//! Which purposes each law covers, the legal references and the wording of every reason live in
//! `data/classify_rules.json`, so that a change in the law is a data edit.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::schema::{Exploitation, Sex};
use crate::table::{Column, ColumnData, Table};

#[derive(Debug, Deserialize)]
struct PurposeRule {
    un_protocol: bool,
    ptpa: bool,
    note: String,
}

#[derive(Debug, Deserialize)]
struct Rules {
    purposes: BTreeMap<String, PurposeRule>,
    laws: BTreeMap<String, String>,
    reasons: BTreeMap<String, String>,
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        serde_json::from_str(include_str!("data/classify_rules.json"))
            .expect("classify_rules.json is valid (checked by a unit test)")
    })
}

fn law(key: &str) -> String {
    rules()
        .laws
        .get(key)
        .cloned()
        .unwrap_or_else(|| key.to_owned())
}

fn reason(key: &str, fill: &[(&str, &str)]) -> String {
    let mut text = rules()
        .reasons
        .get(key)
        .cloned()
        .unwrap_or_else(|| key.to_owned());
    for (name, value) in fill {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}

/// The elements of a case, as a trainer or an investigator records them. `None` means not
/// recorded; it counts as absent, and the result says so.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseElements {
    /// Recruitment, transportation, transfer, harbouring or receipt of the person.
    pub act: Option<bool>,
    /// Force, coercion, abduction, fraud, deception, abuse of vulnerability, debt.
    pub means: Option<bool>,
    /// Forms of exploitation intended or carried out (schema codes).
    pub purpose: Vec<Exploitation>,
    /// Age at the time of the offence.
    pub age: Option<u32>,
    /// Whether the person agreed to the movement or work.
    pub consent: Option<bool>,
    /// Illegal entry into a state of which the person is not a national.
    pub border_crossing: Option<bool>,
    /// Someone obtained a financial or other material benefit for procuring that entry (or
    /// for the documents or the stay below).
    pub benefit: Option<bool>,
    /// Sex of the person (PTPA s.3(2): trafficking against a woman or a child).
    pub sex: Option<Sex>,
    /// The act or the illegal entry was attempted but not completed (a traveller offloaded
    /// at the airport); the other elements describe what was attempted.
    pub attempt: Option<bool>,
    /// Someone enabled the person to remain in a state of which they are not a national
    /// without meeting the requirements for legal stay (SOM Protocol art. 6(1)(c)).
    pub illegal_stay: Option<bool>,
    /// Someone produced, procured, provided or possessed a fraudulent travel or identity
    /// document to enable the person's smuggling (SOM Protocol art. 6(1)(b)).
    pub fraudulent_documents: Option<bool>,
}

/// The decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Trafficking in persons.
    Tip,
    /// Smuggling of migrants.
    Som,
    /// Both.
    Both,
    /// Neither.
    Neither,
}

impl Decision {
    /// The code written in tables (`tip`, `som`, `both`, `neither`).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Tip => "tip",
            Self::Som => "som",
            Self::Both => "both",
            Self::Neither => "neither",
        }
    }
}

/// The decision with the laws that apply and the reasoning, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Classification {
    /// TIP, SOM, both or neither.
    pub decision: Decision,
    /// Legal references that apply (e.g. `PTPA-2018:3`, `UN-SOM-Protocol:3`).
    pub laws: Vec<String>,
    /// The reasoning, one sentence per step.
    pub reasons: Vec<String>,
}

/// Decides TIP, SOM, both or neither from the elements of a case.
#[must_use]
pub fn classify_case(case: &CaseElements) -> Classification {
    let rules = rules();
    let purposes: Vec<Exploitation> = case
        .purpose
        .iter()
        .copied()
        .filter(|p| *p != Exploitation::Unknown)
        .collect();
    let rule = |p: &Exploitation| rules.purposes.get(p.code());
    let un_purposes: Vec<&str> = purposes
        .iter()
        .filter(|p| rule(p).is_some_and(|r| r.un_protocol))
        .map(|p| p.code())
        .collect();
    let ptpa_purposes: Vec<&str> = purposes
        .iter()
        .filter(|p| rule(p).is_some_and(|r| r.ptpa))
        .map(|p| p.code())
        .collect();
    let act = case.act == Some(true);
    let means = case.means == Some(true);
    let child = case.age.is_some_and(|a| a < 18);
    let woman = case.sex == Some(Sex::Female) && !child;
    let attempt = case.attempt == Some(true);
    let tip_un = act && !un_purposes.is_empty() && (means || child);
    let tip_ptpa = act && !ptpa_purposes.is_empty() && (means || child);
    let tip = tip_un || tip_ptpa;
    let crossing = case.border_crossing == Some(true);
    let benefit = case.benefit == Some(true);
    let stay = case.illegal_stay == Some(true);
    let documents = case.fraudulent_documents == Some(true);
    let som = benefit && (crossing || stay || documents);

    let mut laws = Vec::new();
    let mut reasons = Vec::new();
    if tip {
        let purpose_text = un_purposes.join(", ");
        if means {
            reasons.push(reason("tip_elements", &[("purpose", &purpose_text)]));
        } else {
            reasons.push(reason("tip_child", &[("purpose", &purpose_text)]));
        }
        if case.consent == Some(true) {
            reasons.push(reason("consent_irrelevant", &[]));
        }
        if tip_ptpa {
            laws.push(law(if child || woman {
                "tip_ptpa_child_or_woman"
            } else {
                "tip_ptpa"
            }));
            if woman {
                reasons.push(reason("ptpa_woman", &[]));
            }
        }
        if tip_un {
            laws.push(law("tip_un"));
        }
        for p in &purposes {
            if let Some(r) = rule(p) {
                if r.un_protocol && !r.ptpa {
                    reasons.push(reason(
                        "ptpa_not_purpose",
                        &[("purpose", p.code()), ("note", &r.note)],
                    ));
                    match p {
                        Exploitation::OrganRemoval => laws.push(law("thota")),
                        Exploitation::ForcedMarriage => laws.push(law("ppc_marriage")),
                        _ => {}
                    }
                }
            }
        }
    } else {
        if !act {
            reasons.push(reason("no_act", &[]));
        }
        if un_purposes.is_empty() {
            reasons.push(reason("no_purpose", &[]));
        }
        if !means && !child {
            reasons.push(reason("no_means_adult", &[]));
        }
    }
    if som {
        if crossing {
            reasons.push(reason("som_elements", &[]));
        }
        if documents {
            reasons.push(reason("som_documents", &[]));
        }
        if stay {
            reasons.push(reason("som_stay", &[]));
        }
        laws.push(law("som_psma"));
        if crossing {
            laws.push(law("som_un"));
        }
        if documents || stay {
            laws.push(law("som_un_6"));
        }
    } else if crossing {
        reasons.push(reason("som_no_benefit", &[]));
        if !tip {
            reasons.push(reason("self_emigration", &[]));
            laws.push(law("eo_17_1"));
        }
    } else if !tip {
        reasons.push(reason("som_no_crossing", &[]));
    }
    if attempt && (tip || som || crossing) {
        reasons.push(reason("attempt", &[]));
    }
    let decision = match (tip, som) {
        (true, true) => {
            reasons.push(reason("both", &[]));
            Decision::Both
        }
        (true, false) => Decision::Tip,
        (false, true) => Decision::Som,
        (false, false) => Decision::Neither,
    };
    let mut missing = Vec::new();
    for (name, value) in [
        ("act", case.act),
        ("means", case.means),
        ("consent", case.consent),
        ("border_crossing", case.border_crossing),
        ("benefit", case.benefit),
    ] {
        if value.is_none() {
            missing.push(name);
        }
    }
    if purposes.is_empty() {
        missing.push("purpose");
    }
    if case.age.is_none() {
        missing.push("age");
    }
    if case.sex.is_none() && tip && !child {
        missing.push("sex");
    }
    if !missing.is_empty() {
        reasons.push(reason("missing", &[("elements", &missing.join(", "))]));
    }
    Classification {
        decision,
        laws,
        reasons,
    }
}

fn bool_column(table: &Table, name: &str) -> Result<Vec<Option<bool>>> {
    let n = table.height();
    let Some(column) = table.get(name) else {
        return Ok(vec![None; n]);
    };
    match &column.data {
        ColumnData::Bool(v) => Ok(v.clone()),
        ColumnData::Int(v) => Ok(v.iter().map(|x| x.map(|x| x != 0)).collect()),
        ColumnData::Str(v) => v
            .iter()
            .enumerate()
            .map(|(row, s)| {
                match s
                    .as_deref()
                    .map(str::trim)
                    .map(str::to_lowercase)
                    .as_deref()
                {
                    None | Some("" | "unknown" | "na") => Ok(None),
                    Some("true" | "yes" | "y" | "1") => Ok(Some(true)),
                    Some("false" | "no" | "n" | "0") => Ok(Some(false)),
                    Some(_) => Err(Error::Schema {
                        column: name.to_owned(),
                        expected: "true/false, yes/no or empty".into(),
                        found: format!("another value in row {}", row + 1),
                    }),
                }
            })
            .collect(),
        other => Err(Error::Schema {
            column: name.to_owned(),
            expected: "booleans".into(),
            found: other.type_name().into(),
        }),
    }
}

fn purpose_codes(codes: &[String], row: usize) -> Result<Vec<Exploitation>> {
    codes
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .map(|c| {
            Exploitation::from_code(c).ok_or_else(|| Error::Schema {
                column: "purpose".into(),
                expected: format!(
                    "forms of exploitation among {}",
                    Exploitation::ALL
                        .iter()
                        .map(|e| e.code())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                found: format!("an unknown code in row {}", row + 1),
            })
        })
        .collect()
}

fn purpose_column(table: &Table) -> Result<Vec<Vec<Exploitation>>> {
    let n = table.height();
    let Some(column) = table.get("purpose") else {
        return Ok(vec![Vec::new(); n]);
    };
    match &column.data {
        ColumnData::StrList(v) => v
            .iter()
            .enumerate()
            .map(|(row, l)| purpose_codes(l.as_deref().unwrap_or(&[]), row))
            .collect(),
        ColumnData::Str(v) => v
            .iter()
            .enumerate()
            .map(|(row, s)| {
                let parts: Vec<String> = s
                    .as_deref()
                    .unwrap_or("")
                    .split(',')
                    .map(str::to_owned)
                    .collect();
                purpose_codes(&parts, row)
            })
            .collect(),
        other => Err(Error::Schema {
            column: "purpose".into(),
            expected: "a list of exploitation codes or comma-separated text".into(),
            found: other.type_name().into(),
        }),
    }
}

fn age_column(table: &Table) -> Result<Vec<Option<u32>>> {
    let n = table.height();
    let Some(column) = table.get("age") else {
        return Ok(vec![None; n]);
    };
    let to_age = |row: usize, v: f64| -> Result<u32> {
        if (0.0..=130.0).contains(&v) {
            Ok(v as u32)
        } else {
            Err(Error::Schema {
                column: "age".into(),
                expected: "an age between 0 and 130".into(),
                found: format!("an out-of-range value in row {}", row + 1),
            })
        }
    };
    match &column.data {
        ColumnData::Int(v) => v
            .iter()
            .enumerate()
            .map(|(r, a)| a.map(|a| to_age(r, a as f64)).transpose())
            .collect(),
        ColumnData::Float(v) => v
            .iter()
            .enumerate()
            .map(|(r, a)| a.map(|a| to_age(r, a)).transpose())
            .collect(),
        other => Err(Error::Schema {
            column: "age".into(),
            expected: "numbers".into(),
            found: other.type_name().into(),
        }),
    }
}

fn sex_column(table: &Table) -> Result<Vec<Option<Sex>>> {
    let n = table.height();
    let Some(column) = table.get("sex") else {
        return Ok(vec![None; n]);
    };
    match &column.data {
        ColumnData::Str(v) => Ok(v
            .iter()
            .map(|s| {
                s.as_deref()
                    .map(|s| crate::normalize::sex::parse_sex(s).0)
                    .filter(|s| *s != Sex::Unknown)
            })
            .collect()),
        other => Err(Error::Schema {
            column: "sex".into(),
            expected: "text (male, female, transgender)".into(),
            found: other.type_name().into(),
        }),
    }
}

/// The frame version: one row per case with (any of) the columns `act`, `means`, `purpose`,
/// `age`, `sex`, `consent`, `border_crossing`, `benefit`, `attempt`, `illegal_stay`,
/// `fraudulent_documents`; returns `crime_type`, `laws`, `reasons`.
///
/// # Errors
/// [`Error::InvalidArgument`] when none of the element columns is present; [`Error::Schema`]
/// for a column of the wrong type or an unknown exploitation code (naming the row).
pub fn classify_table(table: &Table) -> Result<Table> {
    const ELEMENTS: [&str; 11] = [
        "act",
        "means",
        "purpose",
        "age",
        "consent",
        "border_crossing",
        "benefit",
        "sex",
        "attempt",
        "illegal_stay",
        "fraudulent_documents",
    ];
    if !ELEMENTS.iter().any(|c| table.get(c).is_some()) {
        return Err(Error::invalid_argument(
            "cases",
            format!(
                "a frame with at least one of the columns {}",
                ELEMENTS.join(", ")
            ),
            format!("columns [{}]", table.names().join(", ")),
        ));
    }
    let act = bool_column(table, "act")?;
    let means = bool_column(table, "means")?;
    let consent = bool_column(table, "consent")?;
    let crossing = bool_column(table, "border_crossing")?;
    let benefit = bool_column(table, "benefit")?;
    let attempt = bool_column(table, "attempt")?;
    let stay = bool_column(table, "illegal_stay")?;
    let documents = bool_column(table, "fraudulent_documents")?;
    let purpose = purpose_column(table)?;
    let age = age_column(table)?;
    let sex = sex_column(table)?;
    let mut decisions = Vec::with_capacity(table.height());
    let mut laws = Vec::with_capacity(table.height());
    let mut reasons = Vec::with_capacity(table.height());
    for i in 0..table.height() {
        let c = classify_case(&CaseElements {
            act: act[i],
            means: means[i],
            purpose: purpose[i].clone(),
            age: age[i],
            consent: consent[i],
            border_crossing: crossing[i],
            benefit: benefit[i],
            sex: sex[i],
            attempt: attempt[i],
            illegal_stay: stay[i],
            fraudulent_documents: documents[i],
        });
        decisions.push(Some(c.decision.code().to_owned()));
        laws.push(Some(c.laws));
        reasons.push(Some(c.reasons));
    }
    Table::new(vec![
        Column::new("crime_type", ColumnData::Str(decisions)),
        Column::new("laws", ColumnData::StrList(laws)),
        Column::new("reasons", ColumnData::StrList(reasons)),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use Exploitation as E;

    fn case(
        act: bool,
        means: bool,
        purpose: &[E],
        age: u32,
        crossing: bool,
        benefit: bool,
    ) -> CaseElements {
        CaseElements {
            act: Some(act),
            means: Some(means),
            purpose: purpose.to_vec(),
            age: Some(age),
            consent: Some(false),
            border_crossing: Some(crossing),
            benefit: Some(benefit),
            ..CaseElements::default()
        }
    }

    #[test]
    fn rules_file_parses_and_covers_every_purpose() {
        let r = rules();
        for e in E::ALL {
            if *e != E::Unknown {
                assert!(r.purposes.contains_key(e.code()), "{e}");
            }
        }
    }

    #[test]
    fn worker_smuggled_to_europe_then_held_for_debt_is_both() {
        let mut c = case(true, true, &[E::BondedLabour], 28, true, true);
        c.consent = Some(true);
        let r = classify_case(&c);
        assert_eq!(r.decision, Decision::Both);
        assert!(r.laws.contains(&"PTPA-2018:3(1)".to_owned()));
        assert!(r.laws.contains(&"PSMA-2018".to_owned()));
        assert!(r
            .reasons
            .iter()
            .any(|s| s.contains("consent does not matter")));
    }

    #[test]
    fn girl_taken_from_punjab_to_karachi_is_tip_without_means() {
        let r = classify_case(&case(
            true,
            false,
            &[E::SexualExploitation],
            15,
            false,
            false,
        ));
        assert_eq!(r.decision, Decision::Tip);
        assert!(r.laws.contains(&"PTPA-2018:3(2)".to_owned()));
        assert!(r.reasons[0].contains("child under 18"));
    }

    #[test]
    fn brick_kiln_family_in_debt_bondage_is_tip() {
        let r = classify_case(&case(true, true, &[E::BondedLabour], 35, false, false));
        assert_eq!(r.decision, Decision::Tip);
    }

    #[test]
    fn paid_agent_for_irregular_entry_is_som() {
        let mut c = case(true, false, &[], 24, true, true);
        c.consent = Some(true);
        let r = classify_case(&c);
        assert_eq!(r.decision, Decision::Som);
        assert!(r
            .reasons
            .iter()
            .any(|s| s.contains("no purpose of exploitation")));
    }

    #[test]
    fn crossing_alone_is_neither() {
        let r = classify_case(&case(false, false, &[], 30, true, false));
        assert_eq!(r.decision, Decision::Neither);
        assert!(r.laws.contains(&"EO-1979:17(1)".to_owned()));
    }

    #[test]
    fn adult_without_means_is_not_tip() {
        let r = classify_case(&case(true, false, &[E::ForcedLabour], 30, false, false));
        assert_eq!(r.decision, Decision::Neither);
        assert!(r.reasons.iter().any(|s| s.contains("adult and no means")));
    }

    #[test]
    fn organ_removal_is_tip_under_protocol_not_ptpa() {
        let r = classify_case(&case(true, true, &[E::OrganRemoval], 40, false, false));
        assert_eq!(r.decision, Decision::Tip);
        assert!(r.laws.contains(&"UN-TIP-Protocol:3".to_owned()));
        assert!(!r.laws.iter().any(|l| l.starts_with("PTPA")));
        assert!(r.laws.contains(&"THOTA-2010".to_owned()));
    }

    /// PTPA s.3(2): "If the offence of trafficking in persons under sub-section (1) is
    /// committed against a child or woman" (Act XXXIV of 2018).
    #[test]
    fn a_30_year_old_woman_is_s_3_2() {
        let mut c = case(true, true, &[E::DomesticServitude], 30, false, false);
        c.sex = Some(Sex::Female);
        let r = classify_case(&c);
        assert_eq!(r.decision, Decision::Tip);
        assert!(
            r.laws.contains(&"PTPA-2018:3(2)".to_owned()),
            "{:?}",
            r.laws
        );
        assert!(r.reasons.iter().any(|s| s.contains("s.3(2)")));
        c.sex = Some(Sex::Male);
        let r = classify_case(&c);
        assert!(
            r.laws.contains(&"PTPA-2018:3(1)".to_owned()),
            "{:?}",
            r.laws
        );
        // Sex not recorded for an adult: said to be missing, as it decides the subsection.
        c.sex = None;
        let last = classify_case(&c).reasons.pop().unwrap();
        assert!(last.contains("sex"), "{last}");
    }

    /// PTPA s.3(1) "or attempts to do so"; PSMA "engages in or attempts to engage in".
    #[test]
    fn a_traveller_offloaded_at_the_airport_is_an_attempted_smuggling() {
        let mut c = case(true, false, &[], 24, true, true);
        c.consent = Some(true);
        c.attempt = Some(true);
        let r = classify_case(&c);
        assert_eq!(r.decision, Decision::Som);
        assert!(r.reasons.iter().any(|s| s.contains("attempt")));
        // An attempted recruitment of a child for sex is trafficking too.
        let mut t = case(true, false, &[E::SexualExploitation], 16, false, false);
        t.attempt = Some(true);
        assert_eq!(classify_case(&t).decision, Decision::Tip);
    }

    /// SOM Protocol art. 6(1)(b) and (c): documents and illegal stay, for a benefit.
    #[test]
    fn fraudulent_documents_and_illegal_stay_are_smuggling_offences() {
        let mut c = case(false, false, &[], 35, false, true);
        c.fraudulent_documents = Some(true);
        let r = classify_case(&c);
        assert_eq!(r.decision, Decision::Som);
        assert!(r.laws.contains(&"UN-SOM-Protocol:6".to_owned()));
        assert!(!r.laws.contains(&"UN-SOM-Protocol:3".to_owned()));
        let mut c = case(false, false, &[], 35, false, true);
        c.illegal_stay = Some(true);
        let r = classify_case(&c);
        assert_eq!(r.decision, Decision::Som);
        assert!(r.reasons.iter().any(|s| s.contains("remain")));
        // Without a benefit it is not smuggling.
        c.benefit = Some(false);
        assert_eq!(classify_case(&c).decision, Decision::Neither);
    }

    #[test]
    fn nothing_recorded_is_neither_and_says_what_is_missing() {
        let r = classify_case(&CaseElements::default());
        assert_eq!(r.decision, Decision::Neither);
        let last = r.reasons.last().unwrap();
        assert!(last.contains("act") && last.contains("age"), "{last}");
    }

    #[test]
    fn table_version_and_errors() {
        let t = Table::new(vec![
            Column::new(
                "act",
                ColumnData::Str(vec![Some("yes".into()), Some("no".into())]),
            ),
            Column::new("means", ColumnData::Bool(vec![Some(true), None])),
            Column::new(
                "purpose",
                ColumnData::Str(vec![Some("forced_labour".into()), None]),
            ),
            Column::new("age", ColumnData::Int(vec![Some(30), Some(20)])),
        ])
        .unwrap();
        let out = classify_table(&t).unwrap();
        assert_eq!(
            out.str_column("crime_type").unwrap(),
            &[Some("tip".to_owned()), Some("neither".to_owned())]
        );
        let bad = Table::new(vec![Column::new(
            "purpose",
            ColumnData::Str(vec![Some("kidneys".into())]),
        )])
        .unwrap();
        let err = classify_table(&bad).unwrap_err().to_string();
        assert!(err.contains("row 1") && !err.contains("kidneys"), "{err}");
        let none = Table::new(vec![Column::new("x", ColumnData::Str(vec![]))]).unwrap();
        assert!(classify_table(&none).is_err());
    }
}
