//! Pakistani telephone numbers to E.164 (`+92…`).
//!
//! National mobile numbers are 10 digits starting with 3, written domestically `03XX-XXXXXXX`;
//! libphonenumber's PK mobile pattern is `3(?:[0-247]\d|3[0-79]|55|64)\d{7}` (domain.md §3.2).
//! Fixed lines are an area code and subscriber number, 9–10 digits nationally. Accepted forms:
//! `0300-1234567`, `+92 300 1234567`, `0092…`, `92300…`, `300 1234567` (a lost leading zero),
//! Urdu digits, Excel numbers (`3001234567.0`). Numbers with another country code are kept in
//! E.164 as written. The operator is not inferred (portability makes prefixes unreliable).

use crate::normalize::cnic::excel_number_digits;
use crate::normalize::text::clean;

fn pk_mobile_pattern(national: &[u8]) -> bool {
    // 3(?:[0-247]\d|3[0-79]|55|64)\d{7}
    national.len() == 10
        && national[0] == b'3'
        && match (national[1], national[2]) {
            (b'0' | b'1' | b'2' | b'4' | b'7', _) => true,
            (b'3', d) => d != b'8',
            (b'5', b'5') | (b'6', b'4') => true,
            _ => false,
        }
}

fn parse_one(c: &str) -> (Option<String>, Vec<&'static str>) {
    let plus = c.trim_start().starts_with('+');
    let digits: String = match excel_number_digits(c) {
        Err(()) => return (None, vec!["phone.excel_precision"]),
        Ok(Some(d)) => d,
        Ok(None) => c.chars().filter(char::is_ascii_digit).collect(),
    };
    let national: &str = if plus || digits.starts_with("00") {
        let intl = if plus { digits.as_str() } else { &digits[2..] };
        if let Some(rest) = intl.strip_prefix("92") {
            rest.strip_prefix('0').unwrap_or(rest)
        } else if (8..=15).contains(&intl.len()) && !intl.starts_with('0') {
            return (Some(format!("+{intl}")), vec![]);
        } else {
            return (None, vec!["phone.invalid"]);
        }
    } else if digits.len() == 12 && digits.starts_with("92") {
        &digits[2..]
    } else if let Some(rest) = digits.strip_prefix('0') {
        rest
    } else if digits.len() == 10 && digits.starts_with('3') {
        digits.as_str()
    } else {
        return (
            None,
            vec![if digits.is_empty() {
                "phone.invalid"
            } else {
                "phone.length"
            }],
        );
    };
    let b = national.as_bytes();
    if b.first() == Some(&b'3') {
        if b.len() != 10 {
            return (None, vec!["phone.length"]);
        }
        let issues = if pk_mobile_pattern(b) {
            vec![]
        } else {
            vec!["phone.mobile_prefix"]
        };
        return (Some(format!("+92{national}")), issues);
    }
    if (9..=10).contains(&b.len()) && b.first().is_some_and(|d| (b'2'..=b'9').contains(d)) {
        return (Some(format!("+92{national}")), vec![]);
    }
    (None, vec!["phone.length"])
}

/// Parses a phone cell into E.164. Issue codes: `phone.invalid`, `phone.length`,
/// `phone.mobile_prefix` (a mobile number outside the assigned prefixes, kept),
/// `phone.excel_precision`, `phone.multiple` (the first number is kept).
#[must_use]
pub fn parse_phone(raw: &str) -> (Option<String>, Vec<&'static str>) {
    let c = clean(raw);
    let parts: Vec<&str> = c
        .split([',', ';', '/', '&', '|', '\n'])
        .map(str::trim)
        .filter(|p| p.chars().any(|ch| ch.is_ascii_digit()))
        .collect();
    if parts.len() > 1 {
        for p in &parts {
            if let (Some(v), mut issues) = parse_one(p) {
                issues.push("phone.multiple");
                return (Some(v), issues);
            }
        }
    }
    parse_one(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobile_forms() {
        for raw in [
            "0300-1234567",
            "+92 300 1234567",
            "0092-300-1234567",
            "923001234567",
            "300 1234567",
            "۰۳۰۰۱۲۳۴۵۶۷",
            "3001234567.0",
            "+92 (0) 300 1234567",
        ] {
            assert_eq!(
                parse_phone(raw),
                (Some("+923001234567".into()), vec![]),
                "{raw}"
            );
        }
    }

    #[test]
    fn landlines_and_foreign() {
        assert_eq!(
            parse_phone("042-35761234").0.as_deref(),
            Some("+924235761234")
        );
        assert_eq!(
            parse_phone("051-1234567").0.as_deref(),
            Some("+92511234567")
        );
        assert_eq!(
            parse_phone("+971 50 123 4567").0.as_deref(),
            Some("+971501234567")
        );
    }

    #[test]
    fn bad_numbers() {
        assert_eq!(parse_phone("0300-12345"), (None, vec!["phone.length"]));
        assert_eq!(parse_phone("abc"), (None, vec!["phone.invalid"]));
        assert_eq!(
            parse_phone("03801234567"),
            (Some("+923801234567".into()), vec!["phone.mobile_prefix"])
        );
        assert_eq!(
            parse_phone("0300-1234567 / 0321-7654321"),
            (Some("+923001234567".into()), vec!["phone.multiple"])
        );
    }
}
