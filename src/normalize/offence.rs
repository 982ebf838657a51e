//! Offences: law and section parsed from free text into canonical codes, and the crime type
//! they imply from a law table versioned by date (domain.md §1.7; users may pass their own).
//!
//! Canonical codes are `LAW:SECTION` (`PTPA-2018:3`, `EO-1979:17(2)`, `PPC:371-A`), or the law
//! alone when no section is given (`PACHTO-2002`, a valid legacy code). Sections written before
//! a law name belong to it ("370/371-A PPC", "u/s 3 PTPA"); sections after a law that had none
//! before it belong to it ("PACHTO 2002 s.3", "PTPA 3, PPC 371-A"); "r/w" (read with) and commas
//! separate groups ("22 EO r/w 420 PPC"). A four-digit number after a law name is its year.
//! Sections given with no law at all are attributed to the one law whose table lists them,
//! flagged `law.inferred`.

use crate::normalize::date::days_from_ymd;
use crate::normalize::text::clean;
use crate::reference::LawTable;
use crate::schema::{AgeGroup, CrimeType, Exploitation, Sex};

#[derive(Debug, Clone, PartialEq)]
enum Item {
    Law(String),
    Section(String),
    /// Another word; `true` for a word that introduces sections ("u/s", "section", "r/w").
    Word(bool),
}

/// Words that introduce sections in free text.
const SECTION_MARKERS: [&str; 12] = [
    "u",
    "s",
    "sec",
    "section",
    "sections",
    "under",
    "r",
    "w",
    "دفعہ",
    "دفعات",
    "زیر",
    "بجرم",
];

/// Words after which numbers are a case's number or date, not sections: "FIR 224/21",
/// "FIR No. 513/2021", "Case No 12/22", "dated 12.3.22", "مقدمہ نمبر 45/21".
const NUMBER_WORDS: [&str; 14] = [
    "fir",
    "no",
    "number",
    "case",
    "crime",
    "enquiry",
    "inquiry",
    "dated",
    "date",
    "dt",
    "nr",
    "نمبر",
    "مقدمہ",
    "مورخہ",
];

/// Blanks out runs of digits and separators shaped like a date (`12.03.2022`, `12-3-22`,
/// `2022-03-12`) or a CNIC (`35202-1234567-1`), which free text mixes with sections.
fn blank_dates_and_ids(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = chars.clone();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || matches!(chars[i], '.' | '/' | '-'))
        {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        let run = run.trim_end_matches(['.', '/', '-']);
        let groups: Vec<&str> = run.split(['.', '/', '-']).collect();
        let seps: Vec<char> = run.chars().filter(|c| !c.is_ascii_digit()).collect();
        let all_digits = groups
            .iter()
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()));
        let date_like = groups.len() == 3
            && all_digits
            && seps.iter().all(|c| *c == seps[0])
            && ((groups[0].len() <= 2 && groups[1].len() <= 2 && matches!(groups[2].len(), 2 | 4))
                || (groups[0].len() == 4 && groups[1].len() <= 2 && groups[2].len() <= 2));
        let cnic_like = all_digits && groups.iter().map(|g| g.len()).sum::<usize>() >= 10;
        if date_like || cnic_like {
            for c in &mut out[start..start + run.chars().count()] {
                *c = ' ';
            }
        }
    }
    out.into_iter().collect()
}

fn tokenize(text: &str, table: &LawTable) -> Vec<Item> {
    let lower = blank_dates_and_ids(&clean(text).to_lowercase());
    let chars: Vec<char> = lower.chars().collect();
    // Words and sections in order; punctuation other than brackets after a number is a break.
    #[derive(Debug)]
    enum Raw {
        Word(String),
        Num(String),
    }
    let mut raw: Vec<Raw> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let mut s = String::new();
            while i < chars.len() && chars[i].is_ascii_digit() {
                s.push(chars[i]);
                i += 1;
            }
            // A letter suffix: "371-A", "371A", "371 A" when the letter stands alone (a
            // section letter is A to F).
            let mut j = i;
            let hyphen = j < chars.len() && chars[j] == '-';
            let lone_letter = j + 1 < chars.len()
                && chars[j] == ' '
                && ('a'..='f').contains(&chars[j + 1])
                && chars
                    .get(j + 2)
                    .is_none_or(|c| !c.is_alphabetic() && *c != '.');
            if hyphen || lone_letter {
                j += 1;
            }
            // ...but not the first letter of an abbreviation ("22-E.O").
            let abbreviation =
                j + 2 < chars.len() && chars[j + 1] == '.' && chars[j + 2].is_ascii_alphabetic();
            if j < chars.len()
                && chars[j].is_ascii_alphabetic()
                && (j + 1 >= chars.len() || !chars[j + 1].is_ascii_alphabetic())
                && !abbreviation
            {
                s.push('-');
                s.push(chars[j].to_ascii_uppercase());
                i = j + 1;
            }
            // Sub-sections: "(2)", " (2)", "(1)(a)".
            loop {
                let mut k = i;
                while k < chars.len() && chars[k] == ' ' {
                    k += 1;
                }
                if k < chars.len() && chars[k] == '(' {
                    let close = chars[k..].iter().position(|&ch| ch == ')').map(|p| p + k);
                    if let Some(close) = close {
                        let inner: String = chars[k + 1..close].iter().collect();
                        if !inner.is_empty()
                            && inner.len() <= 3
                            && inner.chars().all(|ch| ch.is_ascii_alphanumeric())
                        {
                            s.push('(');
                            s.push_str(&inner);
                            s.push(')');
                            i = close + 1;
                            continue;
                        }
                    }
                }
                break;
            }
            raw.push(Raw::Num(s));
        } else if c.is_alphabetic() {
            let mut s = String::new();
            while i < chars.len() && chars[i].is_alphabetic() {
                s.push(chars[i]);
                i += 1;
            }
            raw.push(Raw::Word(s));
        } else {
            i += 1;
        }
    }
    let mut items = Vec::new();
    let mut k = 0;
    // After "FIR", "No.", "dated"…, the next number is a case number, with its year when one
    // follows ("757/23", "513/2021"); numbers after it are sections again ("FIR 757/23
    // 366-A/109 PPC"). Dates were blanked above.
    let mut id_numbers_left = 0u8;
    while k < raw.len() {
        if let Raw::Word(w) = &raw[k] {
            id_numbers_left = if NUMBER_WORDS.contains(&w.as_str()) {
                2
            } else {
                0
            };
            let mut matched = None;
            for (alias, law) in &table.aliases {
                let n = alias.len();
                if k + n <= raw.len()
                    && alias
                        .iter()
                        .zip(&raw[k..k + n])
                        .all(|(a, r)| matches!(r, Raw::Word(w) if w == a))
                {
                    matched = Some((n, law.clone()));
                    break;
                }
            }
            if let Some((n, law)) = matched {
                items.push(Item::Law(law));
                k += n;
                // The law's year ("PTPA 2018", "EO, 1979") is not a section.
                if let Some(Raw::Num(y)) = raw.get(k) {
                    if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) {
                        k += 1;
                    }
                }
                continue;
            }
            if let Raw::Word(w) = &raw[k] {
                items.push(Item::Word(SECTION_MARKERS.contains(&w.as_str())));
            }
            k += 1;
            continue;
        }
        if let Raw::Num(s) = &raw[k] {
            let year_like = s.bytes().all(|b| b.is_ascii_digit()) && matches!(s.len(), 2 | 4);
            if id_numbers_left == 2 || (id_numbers_left == 1 && year_like) {
                id_numbers_left -= 1;
                k += 1;
                continue;
            }
            id_numbers_left = 0;
            let base: String = s.chars().take_while(char::is_ascii_digit).collect();
            let n: u32 = base.parse().unwrap_or(0);
            if (1..1000).contains(&n) {
                items.push(Item::Section(s.clone()));
            }
        }
        k += 1;
    }
    items
}

/// Parses law sections from free text into canonical codes (deduplicated, in order of
/// appearance). Issue codes: `law.inferred`, `law.section_without_law`, `law.unparsed`.
#[must_use]
pub fn parse_sections(text: &str, table: &LawTable) -> (Vec<String>, Vec<&'static str>) {
    let items: Vec<Item> = tokenize(text, table)
        .into_iter()
        .filter(|i| !matches!(i, Item::Word(_)))
        .collect();
    group_codes(items, !text.trim().is_empty(), table)
}

/// Canonical codes of a sequence of laws and sections (no words).
fn group_codes(
    items: Vec<Item>,
    non_empty: bool,
    table: &LawTable,
) -> (Vec<String>, Vec<&'static str>) {
    let mut issues = Vec::new();
    // (law, sections) groups in order.
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    for item in items {
        match item {
            Item::Section(s) => pending.push(s),
            Item::Word(_) => {}
            Item::Law(law) => {
                if !pending.is_empty() {
                    // Trailing sections of a previous law that had none belong to it.
                    if let Some(last) = groups.last_mut() {
                        if last.1.is_empty() {
                            last.1.append(&mut pending);
                        }
                    }
                }
                groups.push((law, std::mem::take(&mut pending)));
            }
        }
    }
    if !pending.is_empty() {
        if let Some(last) = groups.last_mut() {
            last.1.append(&mut pending);
        } else {
            for s in pending.drain(..) {
                if let Some(law) = table.law_of_bare_section(&s) {
                    groups.push((law.to_owned(), vec![s]));
                    if !issues.contains(&"law.inferred") {
                        issues.push("law.inferred");
                    }
                } else if !issues.contains(&"law.section_without_law") {
                    issues.push("law.section_without_law");
                }
            }
        }
    }
    let mut codes: Vec<String> = Vec::new();
    for (law, sections) in groups {
        if sections.is_empty() {
            if !codes
                .iter()
                .any(|c| c == &law || c.starts_with(&format!("{law}:")))
            {
                codes.push(law);
            }
        } else {
            for s in sections {
                let code = format!("{law}:{s}");
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
    }
    // A bare law followed later by the same law with sections: keep the specific codes only.
    let specific: Vec<String> = codes
        .iter()
        .filter_map(|c| c.split_once(':').map(|(l, _)| l.to_owned()))
        .collect();
    codes.retain(|c| c.contains(':') || !specific.contains(c));
    if codes.is_empty() && non_empty && issues.is_empty() {
        issues.push("law.unparsed");
    }
    (codes, issues)
}

/// Law sections cited inside free text that is not a sections column (an FIR particulars
/// cell, remarks): "FIR 224/21 u/s 3/4 PTPA PS Saddar Jaranwala" gives `PTPA-2018:3` and
/// `PTPA-2018:4`. Only citations that name their law count here, so that case numbers,
/// dates and house numbers are never taken for sections.
#[must_use]
pub fn sections_in_text(text: &str, table: &LawTable) -> Vec<String> {
    let items = tokenize(text, table);
    if !items.iter().any(|i| matches!(i, Item::Law(_))) {
        return Vec::new();
    }
    // A section counts when it sits in a run of sections next to a law name, or follows a
    // word that introduces sections ("u/s 3/4 PTPA", "366-A PPC", "section 17(2) EO"); a
    // number among other words ("3 girls", "aged 14") does not.
    let mut keep = vec![false; items.len()];
    let mut k = 0;
    while k < items.len() {
        if !matches!(items[k], Item::Section(_)) {
            keep[k] = matches!(items[k], Item::Law(_));
            k += 1;
            continue;
        }
        let start = k;
        while k < items.len() && matches!(items[k], Item::Section(_)) {
            k += 1;
        }
        let before = start.checked_sub(1).map(|j| &items[j]);
        let after = items.get(k);
        let cited = matches!(before, Some(Item::Law(_) | Item::Word(true)))
            || matches!(after, Some(Item::Law(_)));
        for flag in &mut keep[start..k] {
            *flag = cited;
        }
    }
    let kept: Vec<Item> = items
        .into_iter()
        .zip(keep)
        .filter(|(i, k)| *k && !matches!(i, Item::Word(_)))
        .map(|(i, _)| i)
        .collect();
    group_codes(kept, true, table).0
}

fn parse_iso(s: &str) -> Option<i32> {
    let mut it = s.split('-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    days_from_ymd(y, m, d)
}

/// The law table's dates of change (every `valid_from` and `valid_to`), sorted: between two
/// of them (an epoch) [`classify`] gives the same answer for any date.
#[must_use]
pub fn change_dates(table: &LawTable) -> Vec<i32> {
    let mut dates: Vec<i32> = table
        .sections
        .iter()
        .flat_map(|r| [parse_iso(&r.valid_from), parse_iso(&r.valid_to)])
        .flatten()
        .collect();
    dates.sort_unstable();
    dates.dedup();
    dates
}

/// The epoch of an offence date among `change_dates`: 0 for no date, `1 + k` for a date
/// with `k` change dates on or before it.
#[must_use]
pub fn epoch(change_dates: &[i32], date: Option<i32>) -> u32 {
    date.map_or(0, |d| 1 + change_dates.partition_point(|&c| c <= d) as u32)
}

/// A date of `epoch` (the inverse of [`epoch`] up to the epoch).
#[must_use]
pub fn epoch_date(change_dates: &[i32], epoch: u32) -> Option<i32> {
    match epoch {
        0 => None,
        1 => Some(change_dates.first().map_or(0, |c| c.saturating_sub(1))),
        e => Some(change_dates[e as usize - 2]),
    }
}

/// Crime type and implied forms of exploitation of a set of canonical codes at an offence
/// date (days since 1970-01-01).
///
/// The codes' crime types combine by precedence: a trafficking code with a smuggling code is
/// `both` (PTPA with PSMA); then `tip` (PTPA, PACHTO), `som` (PSMA), `tip_related` (the PPC's
/// trafficking-like sections, BLSA, THOTA), `som_related` (Emigration Ordinance s.17,
/// Passport Act), `migration_fraud` (EO ss.18, 19, 22), `other`; no code gives `unknown`. So
/// "22 EO r/w 420 PPC" is recruitment fraud, and "3 PTPA r/w 374 PPC" trafficking.
///
/// Issue codes: `law.not_yet_in_force` when a section is cited for a date before it was
/// enacted or inserted (PPC 369-A dated 2015); `law.repealed` for a date on or after its
/// repeal (PACHTO after 2 June 2018); `law.subsection_missing` when the subsection decides
/// the crime type, or whether the person is the offender, and none is given (EO s.17:
/// 17(1) books the migrant himself); `law.unknown` when a code is not in the table.
#[must_use]
pub fn classify(
    codes: &[String],
    date: Option<i32>,
    table: &LawTable,
) -> (CrimeType, Vec<Exploitation>, Vec<&'static str>) {
    let mut issues = Vec::new();
    let push = |issues: &mut Vec<&'static str>, code: &'static str| {
        if !issues.contains(&code) {
            issues.push(code);
        }
    };
    let (mut tip, mut som) = (false, false);
    // The best-ranked crime type below tip and som (index into PRECEDENCE).
    let mut lesser: Option<usize> = None;
    let mut forms: Vec<Exploitation> = Vec::new();
    for code in codes {
        let (law, section) = match code.split_once(':') {
            Some((l, s)) => (l, Some(s)),
            None => (code.as_str(), None),
        };
        let Some(row) = table.lookup(law, section) else {
            push(&mut issues, "law.unknown");
            continue;
        };
        if let Some(d) = date {
            if parse_iso(&row.valid_from).is_some_and(|f| d < f) {
                push(&mut issues, "law.not_yet_in_force");
            }
            if parse_iso(&row.valid_to).is_some_and(|t| d >= t) {
                push(&mut issues, "law.repealed");
            }
        }
        if section.is_some_and(|s| {
            table.subsection_decides(law, s) || (law == SELF_EMIGRATION.0 && s == SELF_EMIGRATION.1)
        }) {
            push(&mut issues, "law.subsection_missing");
        }
        match CrimeType::from_code(&row.crime_type) {
            Some(CrimeType::Tip) => tip = true,
            Some(CrimeType::Som) => som = true,
            Some(CrimeType::Both) => {
                tip = true;
                som = true;
            }
            Some(c) => {
                if let Some(k) = PRECEDENCE.iter().position(|p| *p == c) {
                    lesser = Some(lesser.map_or(k, |l| l.min(k)));
                }
            }
            None => {}
        }
        for e in row
            .exploitation
            .split('|')
            .filter_map(Exploitation::from_code)
        {
            if !forms.contains(&e) {
                forms.push(e);
            }
        }
    }
    let crime = match (tip, som) {
        (true, true) => CrimeType::Both,
        (true, false) => CrimeType::Tip,
        (false, true) => CrimeType::Som,
        (false, false) => lesser.map_or(CrimeType::Unknown, |k| PRECEDENCE[k]),
    };
    (crime, forms, issues)
}

/// Emigration Ordinance s.17, whose subsection (1) books the migrant himself.
const SELF_EMIGRATION: (&str, &str) = ("EO-1979", "17");

/// Crime types below trafficking and smuggling, most decisive first.
const PRECEDENCE: [CrimeType; 5] = [
    CrimeType::TipRelated,
    CrimeType::SomRelated,
    CrimeType::MigrationFraud,
    CrimeType::Other,
    CrimeType::Unknown,
];

/// What a citation says about the person it is recorded for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CitationFlags {
    /// Emigration Ordinance s.17(1): the migrant emigrated (or tried to) unlawfully himself.
    pub self_emigration: bool,
    /// PTPA s.3(1) named.
    pub ptpa_basic: bool,
    /// PTPA s.3(2) named.
    pub ptpa_aggravated: bool,
}

impl CitationFlags {
    /// The flags of a set of canonical codes.
    #[must_use]
    pub fn of(codes: &[String]) -> Self {
        Self {
            self_emigration: codes.iter().any(|c| c.starts_with("EO-1979:17(1)")),
            ptpa_basic: codes.iter().any(|c| c.starts_with("PTPA-2018:3(1)")),
            ptpa_aggravated: codes.iter().any(|c| c.starts_with("PTPA-2018:3(2)")),
        }
    }

    /// PTPA 2018 s.3(2): trafficking "committed against a child or woman" carries 2 to 10
    /// years instead of s.3(1)'s up to 7. For the victim of a PTPA citation:
    /// `law.ptpa_3_2_expected` when the victim is a woman or a child and the citation names
    /// s.3(1) (s.3 alone is not flagged: returns often cite the section without its
    /// subsection); `law.ptpa_3_2_not_applicable` when it names s.3(2) and the victim is an
    /// adult man.
    #[must_use]
    pub fn ptpa_issue(self, sex: Sex, age_group: AgeGroup) -> Option<&'static str> {
        let woman_or_child = sex == Sex::Female || age_group == AgeGroup::Child;
        let adult_man = sex == Sex::Male && age_group == AgeGroup::Adult;
        if self.ptpa_basic && !self.ptpa_aggravated && woman_or_child {
            Some("law.ptpa_3_2_expected")
        } else if self.ptpa_aggravated && adult_man {
            Some("law.ptpa_3_2_not_applicable")
        } else {
            None
        }
    }
}

/// [`CitationFlags::ptpa_issue`] of a set of canonical codes.
#[must_use]
pub fn ptpa_aggravation_issue(
    codes: &[String],
    sex: Sex,
    age_group: AgeGroup,
) -> Option<&'static str> {
    CitationFlags::of(codes).ptpa_issue(sex, age_group)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<String> {
        parse_sections(text, LawTable::default_table()).0
    }

    #[test]
    fn classification_is_the_same_on_every_date_of_an_epoch() {
        let table = LawTable::default_table();
        let changes = change_dates(table);
        assert!(!changes.is_empty());
        let codes: Vec<Vec<String>> = [
            "PTPA-2018:3",
            "EO-1979:17(2)",
            "PPC:370",
            "PACHTO-2002:3",
            "ETO-2002:18",
            "ETO-2002:17",
        ]
        .iter()
        .map(|c| vec![(*c).to_owned()])
        .collect();
        let lo = changes[0] - 4000;
        let hi = changes[changes.len() - 1] + 4000;
        for d in (lo..hi)
            .step_by(7)
            .chain(changes.iter().flat_map(|&c| [c - 1, c, c + 1]))
        {
            let e = epoch(&changes, Some(d));
            let rep = epoch_date(&changes, e);
            assert_eq!(epoch(&changes, rep), e, "date {d}");
            for c in &codes {
                assert_eq!(
                    classify(c, Some(d), table),
                    classify(c, rep, table),
                    "{c:?} {d}"
                );
            }
        }
        assert_eq!(epoch(&changes, None), 0);
        assert_eq!(epoch_date(&changes, 0), None);
    }

    #[test]
    fn forms_from_the_issue() {
        assert_eq!(codes("u/s 3 PTPA 2018"), ["PTPA-2018:3"]);
        assert_eq!(codes("17(2) EO"), ["EO-1979:17(2)"]);
        assert_eq!(codes("370/371-A PPC"), ["PPC:370", "PPC:371-A"]);
        assert_eq!(codes("22 EO r/w 420 PPC"), ["EO-1979:22", "PPC:420"]);
        assert_eq!(codes("PACHTO 2002 s.3"), ["PACHTO-2002:3"]);
        assert_eq!(codes("PTPA 3, PPC 371A"), ["PTPA-2018:3", "PPC:371-A"]);
        assert_eq!(
            codes("Sec 17 (2) Emigration Ordinance 1979"),
            ["EO-1979:17(2)"]
        );
        assert_eq!(codes("PACHTO"), ["PACHTO-2002"]);
        assert_eq!(codes("22-E.O, 420-PPC"), ["EO-1979:22", "PPC:420"]);
        assert_eq!(codes("u/s 13 PA 1974"), ["PA-1974:13"]);
        assert_eq!(
            codes("420/468/471 P.P.C"),
            ["PPC:420", "PPC:468", "PPC:471"]
        );
        assert_eq!(
            codes("Prevention of Trafficking in Persons Act, 2018 section 3(2)"),
            ["PTPA-2018:3(2)"]
        );
    }

    #[test]
    fn bare_sections_and_junk() {
        let (c, issues) = parse_sections("371-A", LawTable::default_table());
        assert_eq!(
            (c, issues),
            (vec!["PPC:371-A".to_owned()], vec!["law.inferred"])
        );
        assert_eq!(
            parse_sections("see file", LawTable::default_table()),
            (vec![], vec!["law.unparsed"])
        );
        assert_eq!(
            parse_sections("", LawTable::default_table()),
            (vec![], vec![])
        );
    }

    fn c(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| (*x).to_owned()).collect()
    }

    #[test]
    fn crime_types_by_date() {
        let t = LawTable::default_table();
        let d2020 = days_from_ymd(2020, 1, 1);
        assert_eq!(classify(&c(&["PTPA-2018:3"]), d2020, t).0, CrimeType::Tip);
        assert_eq!(
            classify(&c(&["PTPA-2018:3", "PSMA-2018:3"]), d2020, t).0,
            CrimeType::Both
        );
        assert_eq!(
            classify(&c(&["EO-1979:17(1)"]), d2020, t).0,
            CrimeType::SomRelated
        );
        assert_eq!(classify(&[], d2020, t).0, CrimeType::Unknown);
        let (ct, forms, _) = classify(&c(&["PPC:371-A"]), d2020, t);
        assert_eq!(
            (ct, forms),
            (
                CrimeType::TipRelated,
                vec![Exploitation::SexualExploitation]
            )
        );
        // PACHTO was repealed on 2 June 2018; PTPA was not yet in force in 2017.
        assert_eq!(
            classify(&c(&["PACHTO-2002:3"]), d2020, t).2,
            ["law.repealed"]
        );
        assert_eq!(
            classify(&c(&["PTPA-2018:3"]), days_from_ymd(2017, 5, 1), t).2,
            ["law.not_yet_in_force"]
        );
        assert!(
            classify(&c(&["PACHTO-2002:3"]), days_from_ymd(2010, 5, 1), t)
                .2
                .is_empty()
        );
    }

    /// The precedence of the brief: PTPA with PSMA is both; PTPA or PACHTO trafficking;
    /// PSMA smuggling; then related offences, recruitment fraud, other crimes.
    #[test]
    fn precedence_of_crime_types() {
        let t = LawTable::default_table();
        let d = days_from_ymd(2022, 3, 1);
        for (codes, want) in [
            (&["PTPA-2018:3", "PSMA-2018:3"][..], CrimeType::Both),
            (&["PTPA-2018:3", "PPC:374"], CrimeType::Tip),
            (&["PTPA-2018:3", "EO-1979:22"], CrimeType::Tip),
            (&["PSMA-2018:3", "PPC:420"], CrimeType::Som),
            (&["PSMA-2018:6", "EO-1979:22"], CrimeType::Som),
            (&["PTPA-2018:3", "EO-1979:17(2)"], CrimeType::Tip),
            (&["PTPA-2018:3", "PPC:371-A"], CrimeType::Tip),
            (&["EO-1979:17(2)", "EO-1979:22"], CrimeType::SomRelated),
            (&["PPC:498-B", "PA-1974:13"], CrimeType::TipRelated),
            (&["PA-1974:13", "EO-1979:22"], CrimeType::SomRelated),
            (&["EO-1979:22", "PPC:420"], CrimeType::MigrationFraud),
            (&["PPC:420", "PPC:468"], CrimeType::Other),
        ] {
            assert_eq!(classify(&c(codes), d, t).0, want, "{codes:?}");
        }
    }

    /// Every example of issue 13, written from the Acts rather than from the table.
    #[test]
    fn examples_from_the_acts() {
        let t = LawTable::default_table();
        let d = days_from_ymd(2022, 3, 1);
        let ct = |codes: &[&str]| classify(&c(codes), d, t).0;
        // PPC 498-B (forced marriage), 310-A (vani/swara), 374 (compelled labour), BLSA and
        // THOTA have no trafficking act: related to trafficking, not trafficking.
        assert_eq!(ct(&["PPC:498-B"]), CrimeType::TipRelated);
        assert_eq!(ct(&["PPC:310-A"]), CrimeType::TipRelated);
        assert_eq!(ct(&["PPC:374"]), CrimeType::TipRelated);
        assert_eq!(
            classify(&c(&["BLSA-1992:11"]), d, t),
            (
                CrimeType::TipRelated,
                vec![Exploitation::BondedLabour],
                vec![]
            )
        );
        assert_eq!(
            classify(&c(&["THOTA-2010:9"]), d, t).1,
            vec![Exploitation::OrganRemoval]
        );
        // PPC 364-A: kidnapping a child under 14 for purposes that include slavery.
        assert_eq!(ct(&["PPC:364-A"]), CrimeType::TipRelated);
        // The PPC's trafficking-like sections are related offences: PTPA 2018 (before it
        // PACHTO 2002) is the trafficking law (domain.md 1.7).
        for s in [
            "PPC:365-B",
            "PPC:366-A",
            "PPC:366-B",
            "PPC:370",
            "PPC:371",
            "PPC:371-B",
        ] {
            assert_eq!(ct(&[s]), CrimeType::TipRelated, "{s}");
        }
        assert_eq!(ct(&["PTPA-2018:3", "PPC:371-A"]), CrimeType::Tip);
        // Facilitating unlawful departure is not smuggling (no illegal entry, no benefit).
        assert_eq!(ct(&["EO-1979:17(2)"]), CrimeType::SomRelated);
        // EO ss.18 and 22 are recruitment fraud: no illegal entry (SOM Protocol arts. 3, 6).
        assert_eq!(ct(&["EO-1979:22", "PPC:420"]), CrimeType::MigrationFraud);
        assert_eq!(ct(&["EO-1979:18"]), CrimeType::MigrationFraud);
        // EO s.20: an emigrant breaching his contract with a foreign employer.
        assert_eq!(ct(&["EO-1979:20"]), CrimeType::Other);
        // EO s.17 without a subsection: not smuggling, and flagged.
        assert_eq!(
            classify(&c(&["EO-1979:17"]), d, t),
            (
                CrimeType::SomRelated,
                vec![],
                vec!["law.subsection_missing"]
            )
        );
        // Every PSMA section is smuggling (SOM Protocol arts. 3 and 6).
        for s in ["3", "4", "5", "6", "7"] {
            assert_eq!(ct(&[&format!("PSMA-2018:{s}")]), CrimeType::Som, "{s}");
        }
        assert_eq!(ct(&["PTPA-2018:5"]), CrimeType::Tip);
        assert_eq!(ct(&["PPC:367-A"]), CrimeType::TipRelated);
        assert_eq!(ct(&["PPC:292-C"]), CrimeType::TipRelated);
        assert_eq!(ct(&["PPC:377-B"]), CrimeType::Other);
    }

    #[test]
    fn a_citation_dated_before_its_section_existed_is_flagged() {
        let t = LawTable::default_table();
        let at = |code: &str, y, m, d| classify(&c(&[code]), days_from_ymd(y, m, d), t).2;
        // 369-A was inserted by Act X of 2016 (assent 18 March 2016), omitted by PTPA 2018.
        assert_eq!(at("PPC:369-A", 2015, 6, 1), ["law.not_yet_in_force"]);
        assert!(at("PPC:369-A", 2017, 6, 1).is_empty());
        assert_eq!(at("PPC:369-A", 2019, 6, 1), ["law.repealed"]);
        // 365-B, 371-A and 371-B: Act VI of 2006, assent 1 December 2006.
        for s in ["PPC:365-B", "PPC:371-A", "PPC:371-B", "PPC:367-A"] {
            assert_eq!(at(s, 2006, 11, 30), ["law.not_yet_in_force"], "{s}");
            assert!(at(s, 2006, 12, 1).is_empty(), "{s}");
        }
        // 310-A: Act I of 2005 (4 January 2005); 498-B: Act XXVI of 2011 (26 December 2011).
        assert_eq!(at("PPC:310-A", 2004, 12, 1), ["law.not_yet_in_force"]);
        assert_eq!(at("PPC:498-B", 2011, 6, 1), ["law.not_yet_in_force"]);
        assert!(at("PPC:498-B", 2012, 1, 1).is_empty());
        // Sections of long standing are never flagged for their age.
        assert!(at("PPC:420", 1990, 1, 1).is_empty());
        assert!(classify(&c(&["PPC:369-A"]), None, t).2.is_empty());
    }

    #[test]
    fn ptpa_3_2_applies_to_a_child_or_a_woman() {
        let codes = c(&["PTPA-2018:3(1)"]);
        // A 30-year-old woman: s.3(2), "against a child or woman".
        assert_eq!(
            ptpa_aggravation_issue(&codes, Sex::Female, AgeGroup::Adult),
            Some("law.ptpa_3_2_expected")
        );
        assert_eq!(
            ptpa_aggravation_issue(&codes, Sex::Male, AgeGroup::Child),
            Some("law.ptpa_3_2_expected")
        );
        assert_eq!(
            ptpa_aggravation_issue(&codes, Sex::Male, AgeGroup::Adult),
            None
        );
        assert_eq!(
            ptpa_aggravation_issue(&c(&["PTPA-2018:3(2)"]), Sex::Male, AgeGroup::Adult),
            Some("law.ptpa_3_2_not_applicable")
        );
        assert_eq!(
            ptpa_aggravation_issue(&c(&["PTPA-2018:3(2)"]), Sex::Female, AgeGroup::Adult),
            None
        );
        assert_eq!(
            ptpa_aggravation_issue(&c(&["PTPA-2018:3"]), Sex::Female, AgeGroup::Adult),
            None
        );
    }

    #[test]
    fn user_table_overrides() {
        let t = LawTable::from_csv(
            "law,section,valid_from,valid_to,crime_type,exploitation\nPPC,420,,,som,\n",
        )
        .unwrap();
        assert_eq!(
            classify(&["PPC:420".to_owned()], None, &t).0,
            CrimeType::Som
        );
    }

    #[test]
    fn case_numbers_and_dates_are_not_sections() {
        assert_eq!(
            codes("FIR 224/21 u/s 3/4 PTPA PS Saddar Jaranwala"),
            ["PTPA-2018:3", "PTPA-2018:4"]
        );
        assert_eq!(codes("366-A PPC (FIR 513/21)"), ["PPC:366-A"]);
        assert_eq!(codes("U/s 371 A,371B PPC"), ["PPC:371-A", "PPC:371-B"]);
        assert_eq!(codes("366 A/371-A P.P.C."), ["PPC:366-A", "PPC:371-A"]);
        assert_eq!(
            codes("22-EmigrationOrdinance/420-PPC"),
            ["EO-1979:22", "PPC:420"]
        );
        assert_eq!(
            codes("U/S 3 PTA 2018 / 3 PSMA-2018"),
            ["PTPA-2018:3", "PSMA-2018:3"]
        );
        assert_eq!(
            codes("FIR No. 12/2022 dated 12.03.2022 u/s 22 EO r/w 420 PPC"),
            ["EO-1979:22", "PPC:420"]
        );
    }

    #[test]
    fn sections_in_free_text_need_their_law() {
        let t = LawTable::default_table();
        assert_eq!(
            sections_in_text("FIR 224/21 u/s 3/4 PTPA PS Saddar Jaranwala", t),
            ["PTPA-2018:3", "PTPA-2018:4"]
        );
        assert_eq!(
            sections_in_text("3 girls rescued, case u/s 366-A PPC registered", t),
            ["PPC:366-A"]
        );
        assert!(sections_in_text("FIR 224/21 PS Saddar", t).is_empty());
        // The case number takes one number and its year; sections may follow at once.
        assert_eq!(
            sections_in_text("FIR 757/23 366-A/109 P.P.C PS Factory Area", t),
            ["PPC:366-A", "PPC:109"]
        );
        assert_eq!(
            sections_in_text("FIR No. 513/2021 371-A PPC", t),
            ["PPC:371-A"]
        );
        assert_eq!(sections_in_text("FIR 45 371 PPC", t), ["PPC:371"]);
        assert!(sections_in_text("House 12, Street 4, aged 14", t).is_empty());
    }
}
