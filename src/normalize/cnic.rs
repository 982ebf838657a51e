//! CNIC (Computerised National Identity Card) numbers and passports.
//!
//! A CNIC is 13 digits printed `#####-#######-#` (5-7-1); the first digit is the province of
//! registration (1 KP, 2 FATA, 3 Punjab, 4 Sindh, 5 Balochistan, 6 ICT, 7 GB, 8 AJK) and the
//! last digit's parity gives sex (odd male, even female; 0 is disputed and read as female).
//! There is no check digit, so validity is length, digits and a known province digit
//! (`shared/reference/domain.md` §3.1, after `python-stdnum`'s `pk/cnic.py`, plus 8 for AJK).
//! Digits are recovered from dashes, spaces, Urdu digits and Excel number notation when all 13
//! digits survive (`3520212345671.0`, `3.520212345671E+12`); `3.52021E+12` lost them.

use crate::normalize::text::clean;
use crate::reference::places;
use crate::schema::Sex;

/// A recovered CNIC with what it tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cnic {
    /// The 13 digits.
    pub digits: String,
    /// Province of registration (display name).
    pub province: &'static str,
    /// Sex from the last digit.
    pub sex_hint: Sex,
}

/// Digits of a number written by Excel, when all of them survive: `3520212345671.0`,
/// `3.520212345671E+12`. `Err(())` when the notation lost digits, `Ok(None)` when `s` is not in
/// number notation.
pub(crate) fn excel_number_digits(s: &str) -> Result<Option<String>, ()> {
    let t = s.trim();
    let number_like = t
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+'))
        && t.bytes().next().is_some_and(|b| b.is_ascii_digit());
    if !number_like {
        return Ok(None);
    }
    if let Some(pos) = t.find(['e', 'E']) {
        let (mantissa, exp) = (&t[..pos], &t[pos + 1..]);
        let exp: i32 = exp.trim_start_matches('+').parse().map_err(|_| ())?;
        let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        if int_part.is_empty()
            || !int_part.bytes().all(|b| b.is_ascii_digit())
            || !frac_part.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(());
        }
        let frac_digits = frac_part.len() as i32;
        if exp < frac_digits || exp > 30 {
            return Err(());
        }
        let mut digits = format!("{int_part}{frac_part}");
        for _ in 0..(exp - frac_digits) {
            digits.push('0');
        }
        // Trailing zeros padded in by the exponent were not in the mantissa: digits were lost
        // unless the mantissa itself was long enough.
        if frac_digits < exp && int_part.len() + frac_part.len() < 13 {
            return Err(());
        }
        return Ok(Some(digits));
    }
    if let Some((int_part, frac)) = t.split_once('.') {
        if !int_part.is_empty()
            && int_part.bytes().all(|b| b.is_ascii_digit())
            && !frac.is_empty()
            && frac.bytes().all(|b| b == b'0')
        {
            return Ok(Some(int_part.to_owned()));
        }
    }
    Ok(None)
}

/// Parses a CNIC cell. Returns the CNIC or `None`, and issue codes (`cnic.length`,
/// `cnic.province`, `cnic.excel_precision`, `cnic.placeholder`, `cnic.multiple`).
#[must_use]
pub fn parse_cnic(raw: &str) -> (Option<Cnic>, Vec<&'static str>) {
    let mut issues = Vec::new();
    let c = clean(raw);
    let digits: String = match excel_number_digits(&c) {
        Err(()) => return (None, vec!["cnic.excel_precision"]),
        Ok(Some(d)) => d,
        Ok(None) => c.chars().filter(char::is_ascii_digit).collect(),
    };
    let digits = if digits.len() == 26 && c.contains([',', ';', '&', '|', '\n']) {
        issues.push("cnic.multiple");
        digits[..13].to_owned()
    } else {
        digits
    };
    if digits.len() != 13 {
        issues.push("cnic.length");
        return (None, issues);
    }
    let bytes = digits.as_bytes();
    if bytes.iter().all(|&b| b == bytes[0])
        || digits == "1234567891234"
        || digits == "1234567890123"
    {
        issues.push("cnic.placeholder");
        return (None, issues);
    }
    let first = usize::from(bytes[0] - b'0');
    let p = places();
    let Some(province) = p.province_by_cnic_digit[first] else {
        issues.push("cnic.province");
        return (None, issues);
    };
    let last = bytes[12] - b'0';
    let sex_hint = if last % 2 == 1 {
        Sex::Male
    } else {
        Sex::Female
    };
    let province: &'static str = p.provinces[province].1.as_str();
    (
        Some(Cnic {
            digits,
            province,
            sex_hint,
        }),
        issues,
    )
}

/// Parses a passport number: letters and digits only, upper case; 6 to 9 characters with at
/// least one digit (ICAO 9303 allows up to 9). Issue codes: `passport.invalid`,
/// `passport.format` (not the common 2 letters + 7 digits of a Pakistani passport).
#[must_use]
pub fn parse_passport(raw: &str) -> (Option<String>, Vec<&'static str>) {
    let c: String = clean(raw)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if !(6..=9).contains(&c.len()) || !c.bytes().any(|b| b.is_ascii_digit()) {
        return (None, vec!["passport.invalid"]);
    }
    let b = c.as_bytes();
    let pakistani = b.len() == 9
        && b[..2].iter().all(u8::is_ascii_alphabetic)
        && b[2..].iter().all(u8::is_ascii_digit);
    (
        Some(c),
        if pakistani {
            vec![]
        } else {
            vec!["passport.format"]
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_digits() {
        for raw in [
            "35202-1234567-1",
            "3520212345671",
            " 35202 1234567 1 ",
            "۳۵۲۰۲-۱۲۳۴۵۶۷-۱",
            "3520212345671.0",
            "3.520212345671E+12",
        ] {
            let (c, issues) = parse_cnic(raw);
            assert_eq!(
                c.map(|c| c.digits).as_deref(),
                Some("3520212345671"),
                "{raw}"
            );
            assert!(issues.is_empty());
        }
    }

    #[test]
    fn province_and_sex() {
        let (c, _) = parse_cnic("81302-1234567-2");
        let c = c.unwrap();
        assert_eq!(c.province, "Azad Jammu & Kashmir");
        assert_eq!(c.sex_hint, Sex::Female);
        assert_eq!(parse_cnic("42101-1234567-3").0.unwrap().province, "Sindh");
        assert_eq!(parse_cnic("42101-1234567-3").0.unwrap().sex_hint, Sex::Male);
    }

    #[test]
    fn unrecoverable() {
        assert_eq!(
            parse_cnic("3.52021E+12"),
            (None, vec!["cnic.excel_precision"])
        );
        assert_eq!(parse_cnic("35202-123456-1"), (None, vec!["cnic.length"]));
        assert_eq!(parse_cnic("95202-1234567-1"), (None, vec!["cnic.province"]));
        assert_eq!(
            parse_cnic("0000000000000"),
            (None, vec!["cnic.placeholder"])
        );
        assert_eq!(parse_cnic(""), (None, vec!["cnic.length"]));
        let (c, issues) = parse_cnic("35202-1234567-1, 35202-7654321-2");
        assert_eq!(c.unwrap().digits, "3520212345671");
        assert_eq!(issues, ["cnic.multiple"]);
    }

    #[test]
    fn passports() {
        assert_eq!(
            parse_passport("ab 1234567"),
            (Some("AB1234567".into()), vec![])
        );
        assert_eq!(
            parse_passport("X12345"),
            (Some("X12345".into()), vec!["passport.format"])
        );
        assert_eq!(parse_passport("none"), (None, vec!["passport.invalid"]));
    }
}
