//! Ages as written in returns: `15`, `15 yrs`, `approx 20`, `20-25`, `minor`,
//! `16 years 6 months`, `6 months`; and the age from a date of birth at the event date.
//!
//! A child is a person under 18 (PTPA 2018 s.2; SDG 16.2.2 and GLOTIP use the same threshold,
//! domain.md §7 fact 2), judged at the time of the offence.

use crate::normalize::text::word_text;

/// A parsed age cell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedAge {
    /// Whole years.
    pub years: Option<i64>,
    /// `Some(true)` for "minor"/"child", `Some(false)` for "adult", when no number is given.
    pub child: Option<bool>,
}

const CHILD_WORDS: [&str; 12] = [
    "minor",
    "child",
    "juvenile",
    "baby",
    "infant",
    "kid",
    "underage",
    "نابالغ",
    "بچہ",
    "بچی",
    "کمسن",
    "girl child",
];
const ADULT_WORDS: [&str; 4] = ["adult", "major", "بالغ", "grown"];
const APPROX_WORDS: [&str; 10] = [
    "approx",
    "approximately",
    "about",
    "around",
    "almost",
    "nearly",
    "lagbhag",
    "تقریبا",
    "c",
    "appx",
];

/// Parses an age cell. Issue codes: `age.approximate`, `age.range`, `age.category_only`,
/// `age.out_of_range`, `age.unparsed`.
#[must_use]
pub fn parse_age(raw: &str) -> (ParsedAge, Vec<&'static str>) {
    let mut issues = Vec::new();
    let w = word_text(raw);
    let approx = raw.contains('~')
        || raw.contains('+')
        || APPROX_WORDS.iter().any(|a| w.contains(&format!(" {a} ")));
    // Numbers (decimal commas and points read as decimals) with the unit word that follows.
    let mut numbers: Vec<(f64, &str)> = Vec::new();
    let words: Vec<&str> = w.split_whitespace().collect();
    let mut i = 0;
    let raw_clean = crate::normalize::text::clean(raw);
    let has_range = {
        let t = raw_clean.replace(' ', "");
        t.bytes().collect::<Vec<_>>().windows(3).any(|x| {
            x[0].is_ascii_digit() && (x[1] == b'-' || x[1] == b'/') && x[2].is_ascii_digit()
        }) || w.contains(" to ")
    };
    while i < words.len() {
        let t = words[i];
        let (num_part, unit_inline) =
            t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
        if let Ok(v) = num_part.parse::<f64>() {
            let unit = if unit_inline.is_empty() {
                words.get(i + 1).copied().unwrap_or("")
            } else {
                unit_inline
            };
            numbers.push((v, unit));
        }
        i += 1;
    }
    if numbers.is_empty() {
        if CHILD_WORDS.iter().any(|c| w.contains(&format!(" {c} "))) {
            issues.push("age.category_only");
            return (
                ParsedAge {
                    years: None,
                    child: Some(true),
                },
                issues,
            );
        }
        if ADULT_WORDS.iter().any(|c| w.contains(&format!(" {c} "))) {
            issues.push("age.category_only");
            return (
                ParsedAge {
                    years: None,
                    child: Some(false),
                },
                issues,
            );
        }
        issues.push("age.unparsed");
        return (ParsedAge::default(), issues);
    }
    let is_month = |u: &str| {
        u.starts_with('m') && !u.starts_with("mi") || u.starts_with("ماہ") || u.starts_with("مہینے")
    };
    let is_small_unit = |u: &str| u.starts_with('w') || u.starts_with('d') || u.starts_with("دن");
    let years = if has_range && numbers.len() >= 2 && !is_month(numbers[1].1) {
        issues.push("age.range");
        ((numbers[0].0 + numbers[1].0) / 2.0).floor()
    } else {
        let (v, unit) = numbers[0];
        if is_month(unit) {
            (v / 12.0).floor()
        } else if is_small_unit(unit) {
            0.0
        } else {
            v.floor()
        }
    };
    if approx {
        issues.push("age.approximate");
    }
    if !(0.0..=110.0).contains(&years) {
        issues.push("age.out_of_range");
        return (ParsedAge::default(), issues);
    }
    (
        ParsedAge {
            years: Some(years as i64),
            child: None,
        },
        issues,
    )
}

/// Whole years between a date of birth and a later date (both days since 1970-01-01), or
/// `None` when the birth date is after the other date.
#[must_use]
pub fn age_at(birth_days: i32, at_days: i32) -> Option<i64> {
    if birth_days > at_days {
        return None;
    }
    let (by, bm, bd) = crate::normalize::date::ymd_from_days(birth_days);
    let (ay, am, ad) = crate::normalize::date::ymd_from_days(at_days);
    let mut years = i64::from(ay - by);
    if (am, ad) < (bm, bd) {
        years -= 1;
    }
    Some(years)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::date::days_from_ymd;

    fn years(raw: &str) -> Option<i64> {
        parse_age(raw).0.years
    }

    #[test]
    fn forms() {
        assert_eq!(years("15"), Some(15));
        assert_eq!(years("15 yrs"), Some(15));
        assert_eq!(years("15yrs"), Some(15));
        assert_eq!(years("۱۵ سال"), Some(15));
        assert_eq!(
            parse_age("approx 20"),
            (
                ParsedAge {
                    years: Some(20),
                    child: None
                },
                vec!["age.approximate"]
            )
        );
        assert_eq!(
            parse_age("20-25"),
            (
                ParsedAge {
                    years: Some(22),
                    child: None
                },
                vec!["age.range"]
            )
        );
        assert_eq!(years("16 years 6 months"), Some(16));
        assert_eq!(years("6 months"), Some(0));
        assert_eq!(years("15.0"), Some(15));
        assert_eq!(
            parse_age("minor"),
            (
                ParsedAge {
                    years: None,
                    child: Some(true)
                },
                vec!["age.category_only"]
            )
        );
        assert_eq!(parse_age("150").1, ["age.out_of_range"]);
        assert_eq!(parse_age("").1, ["age.unparsed"]);
    }

    #[test]
    fn age_from_birth_date() {
        let b = days_from_ymd(2004, 6, 15).unwrap();
        assert_eq!(age_at(b, days_from_ymd(2022, 6, 14).unwrap()), Some(17));
        assert_eq!(age_at(b, days_from_ymd(2022, 6, 15).unwrap()), Some(18));
        assert_eq!(age_at(b, days_from_ymd(2000, 1, 1).unwrap()), None);
    }
}
