//! Dates as Pakistan writes them: day first (`7.2.2020`, `07/02/2020`, `7-Feb-20`), ISO
//! (`2020-02-07`, with or without a time), Excel serial numbers (days since 1899-12-30, the
//! Lotus 1-2-3 convention Excel keeps), `yyyymmdd`, month names in English and Urdu.
//!
//! Court and FIA documents write day-first (domain.md §3.2), so `05/06/2020` is 5 June and is
//! flagged `date.ambiguous`; `06/25/2020` can only be month-first and is read so with
//! `date.month_first`. Impossible dates (31 February) give `date.invalid`. A year alone or a month
//! and year are kept as partial dates (the first day of the period, with their precision) and
//! flagged `date.partial`. Two-digit years pivot at 30: `85` → 1985, `19` → 2019.

use chrono::{Datelike, NaiveDate};

use crate::normalize::text::clean;

/// How much of a date was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// Day, month and year.
    Day,
    /// Month and year; the date is the first of the month.
    Month,
    /// Year only; the date is 1 January.
    Year,
}

impl Precision {
    /// The code written in tables.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Month => "month",
            Self::Year => "year",
        }
    }
}

/// A parsed date: days since 1970-01-01 and its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ParsedDate {
    /// Days since 1970-01-01.
    pub days: i32,
    /// How much was given.
    pub precision: Precision,
}

const MONTHS: [(&str, u32); 34] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("may", 5),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    ("sept", 9),
    ("june", 6),
    ("july", 7),
    ("janvary", 1),
    ("jany", 1),
    ("febry", 2),
    ("marc", 3),
    ("aprl", 4),
    ("agust", 8),
    ("octo", 10),
    // Urdu month names (Gregorian calendar as used in Pakistan).
    ("جنوری", 1),
    ("فروری", 2),
    ("مارچ", 3),
    ("اپریل", 4),
    ("مئی", 5),
    ("جون", 6),
    ("جولائی", 7),
    ("اگست", 8),
    ("ستمبر", 9),
    ("اکتوبر", 10),
    ("نومبر", 11),
    ("دسمبر", 12),
];

fn month_of(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    if let Some(&(_, m)) = MONTHS.iter().find(|(name, _)| *name == w) {
        return Some(m);
    }
    if w.is_ascii() && w.len() >= 3 {
        // Full English names: "february", "september".
        return MONTHS[..12]
            .iter()
            .find(|(name, _)| w.starts_with(name))
            .map(|&(_, m)| m);
    }
    None
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date")
}

/// Days since 1970-01-01 of a calendar date, if it exists and lies in 1900–2100.
#[must_use]
pub fn days_from_ymd(y: i32, m: u32, d: u32) -> Option<i32> {
    if !(1900..=2100).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d).map(|nd| (nd - epoch()).num_days() as i32)
}

/// The calendar date of days since 1970-01-01.
#[must_use]
pub fn ymd_from_days(days: i32) -> (i32, u32, u32) {
    let d = epoch() + chrono::Duration::days(i64::from(days));
    (d.year(), d.month(), d.day())
}

fn full_year(y: i64, digits: usize) -> i32 {
    if digits <= 2 {
        if y <= 30 {
            2000 + y as i32
        } else {
            1900 + y as i32
        }
    } else {
        y.clamp(0, 9999) as i32
    }
}

#[derive(Debug, Clone, Copy)]
enum Tok {
    Num(i64, usize),
    Month(u32),
}

/// Excel serial day → days since 1970-01-01 (Excel's day 25569 is 1970-01-01).
#[must_use]
pub fn from_excel_serial(serial: f64) -> Option<i32> {
    // 10000 is 1927-05-18, 73415 is 2100-12-31 (the last date `days_from_ymd` accepts, so
    // that a date read from a serial reads back from its ISO text): outside this a number is
    // not a plausible date.
    if !(10_000.0..=73_415.0).contains(&serial) {
        return None;
    }
    Some(serial.floor() as i32 - 25_569)
}

/// A full date written inside other text ("715/23 dt 04.09.2023", "FIR # 754 dated 6-9-23",
/// "12 March 2022 at PS Saddar"): the first run of one to three words that parses as a day
/// (single words first, so that a case number beside a date is not read into it).
#[must_use]
pub fn date_in_text(text: &str) -> Option<ParsedDate> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '[' | ']'))
        .filter(|w| !w.is_empty())
        .collect();
    for width in [1, 3, 2] {
        for win in words.windows(width) {
            if !win.iter().any(|w| w.chars().any(|c| c.is_numeric())) {
                continue;
            }
            let joined = win.join(" ");
            if let (Some(d), _) = parse_date(&joined) {
                if d.precision == Precision::Day {
                    return Some(d);
                }
            }
        }
    }
    None
}

/// Parses a date cell. Returns the date (or `None`) and issue codes: `date.ambiguous`,
/// `date.month_first`, `date.partial`, `date.two_digit_year`, `date.invalid`, `date.unparsed`.
#[must_use]
pub fn parse_date(raw: &str) -> (Option<ParsedDate>, Vec<&'static str>) {
    let mut issues = Vec::new();
    let c = clean(raw);
    let day = |days: Option<i32>, issues: Vec<&'static str>| match days {
        Some(d) => (
            Some(ParsedDate {
                days: d,
                precision: Precision::Day,
            }),
            issues,
        ),
        None => {
            let mut i = issues;
            i.push("date.invalid");
            (None, i)
        }
    };
    // Drop a time of day: "2020-01-05 00:00:00", "2020-01-05T10:00".
    let mut text: &str = &c;
    if let Some(pos) = text.find(':') {
        text = &text[..pos];
        text = text.trim_end_matches(|ch: char| ch.is_ascii_digit());
        text = text.trim_end_matches(['T', ' ']);
    }
    let compact: String = text.chars().filter(|ch| !ch.is_whitespace()).collect();
    // Excel serials and run-together digits.
    if !compact.is_empty()
        && compact.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && compact.bytes().filter(|&b| b == b'.').count() <= 1
    {
        let int_len = compact.split('.').next().map_or(0, str::len);
        if int_len == 5 {
            if let Ok(v) = compact.parse::<f64>() {
                if let Some(d) = from_excel_serial(v) {
                    return (
                        Some(ParsedDate {
                            days: d,
                            precision: Precision::Day,
                        }),
                        issues,
                    );
                }
            }
        }
        if compact.len() == 8 && !compact.contains('.') {
            let n: Vec<u32> = compact.bytes().map(|b| u32::from(b - b'0')).collect();
            let y1 = (n[0] * 1000 + n[1] * 100 + n[2] * 10 + n[3]) as i32;
            if (1900..=2100).contains(&y1) {
                return day(
                    days_from_ymd(y1, n[4] * 10 + n[5], n[6] * 10 + n[7]),
                    issues,
                );
            }
            let y2 = (n[4] * 1000 + n[5] * 100 + n[6] * 10 + n[7]) as i32;
            return day(
                days_from_ymd(y2, n[2] * 10 + n[3], n[0] * 10 + n[1]),
                issues,
            );
        }
    }
    // Tokens: numbers and month names; other words ("of", weekday names, "th") are skipped.
    let mut toks: Vec<Tok> = Vec::new();
    let mut cur = String::new();
    let flush = |cur: &mut String, toks: &mut Vec<Tok>| {
        if cur.is_empty() {
            return;
        }
        if cur.bytes().all(|b| b.is_ascii_digit()) {
            if cur.len() <= 4 {
                toks.push(Tok::Num(cur.parse().unwrap_or(0), cur.len()));
            } else {
                toks.push(Tok::Num(-1, cur.len()));
            }
        } else if let Some(m) = month_of(cur) {
            toks.push(Tok::Month(m));
        }
        cur.clear();
    };
    let mut prev_digit = false;
    for ch in text.chars() {
        let is_digit = ch.is_ascii_digit();
        if ch.is_alphanumeric() {
            if !cur.is_empty() && is_digit != prev_digit {
                flush(&mut cur, &mut toks);
            }
            cur.push(ch);
            prev_digit = is_digit;
        } else {
            flush(&mut cur, &mut toks);
        }
    }
    flush(&mut cur, &mut toks);
    let year_of = |v: i64, len: usize, issues: &mut Vec<&'static str>| {
        if len <= 2 {
            issues.push("date.two_digit_year");
        }
        full_year(v, len)
    };
    match toks.as_slice() {
        [Tok::Num(y, 4), Tok::Num(m, _), Tok::Num(d, _)] => {
            day(days_from_ymd(*y as i32, *m as u32, *d as u32), issues)
        }
        [Tok::Num(a, la), Tok::Num(b, lb), Tok::Num(y, ly)]
            if *la <= 2 && *lb <= 2 && (*ly == 4 || *ly == 2) =>
        {
            let y = year_of(*y, *ly, &mut issues);
            let (a, b) = (*a as u32, *b as u32);
            if a <= 12 && b > 12 {
                issues.push("date.month_first");
                return day(days_from_ymd(y, a, b), issues);
            }
            if a <= 12 && b <= 12 && a != b {
                issues.push("date.ambiguous");
            }
            day(days_from_ymd(y, b, a), issues)
        }
        [Tok::Num(d, ld), Tok::Month(m), Tok::Num(y, ly)]
        | [Tok::Month(m), Tok::Num(d, ld), Tok::Num(y, ly)]
            if *ld <= 2 && (*ly == 4 || *ly == 2) =>
        {
            let y = year_of(*y, *ly, &mut issues);
            day(days_from_ymd(y, *m, *d as u32), issues)
        }
        [Tok::Month(m), Tok::Num(y, ly)] | [Tok::Num(y, ly @ 4), Tok::Month(m)]
            if *ly == 4 || *ly == 2 =>
        {
            let y = year_of(*y, *ly, &mut issues);
            issues.push("date.partial");
            match days_from_ymd(y, *m, 1) {
                Some(d) => (
                    Some(ParsedDate {
                        days: d,
                        precision: Precision::Month,
                    }),
                    issues,
                ),
                None => day(None, issues),
            }
        }
        [Tok::Num(m, lm), Tok::Num(y, 4)] if *lm <= 2 => {
            issues.push("date.partial");
            match days_from_ymd(*y as i32, *m as u32, 1) {
                Some(d) => (
                    Some(ParsedDate {
                        days: d,
                        precision: Precision::Month,
                    }),
                    issues,
                ),
                None => day(None, issues),
            }
        }
        [Tok::Num(y, 4), Tok::Num(m, lm)] if *lm <= 2 => {
            issues.push("date.partial");
            match days_from_ymd(*y as i32, *m as u32, 1) {
                Some(d) => (
                    Some(ParsedDate {
                        days: d,
                        precision: Precision::Month,
                    }),
                    issues,
                ),
                None => day(None, issues),
            }
        }
        [Tok::Num(y, 4)] => {
            issues.push("date.partial");
            match days_from_ymd(*y as i32, 1, 1) {
                Some(d) => (
                    Some(ParsedDate {
                        days: d,
                        precision: Precision::Year,
                    }),
                    issues,
                ),
                None => day(None, issues),
            }
        }
        _ => {
            issues.push("date.unparsed");
            (None, issues)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(raw: &str) -> Option<(i32, u32, u32)> {
        parse_date(raw).0.map(|d| ymd_from_days(d.days))
    }

    #[test]
    fn dates_inside_text() {
        let iso = |t: &str| {
            date_in_text(t).map(|d| {
                let (y, m, dd) = ymd_from_days(d.days);
                format!("{y:04}-{m:02}-{dd:02}")
            })
        };
        assert_eq!(iso("715/23\n04/09/2023").as_deref(), Some("2023-09-04"));
        assert_eq!(iso("617/23 dt 04.09.2023").as_deref(), Some("2023-09-04"));
        assert_eq!(iso("FIR # 754 dated 6-9-23").as_deref(), Some("2023-09-06"));
        assert_eq!(
            iso("FIR 12/2022 of 3rd March 2022").as_deref(),
            Some("2022-03-03")
        );
        assert_eq!(iso("FIR 224/21"), None);
        assert_eq!(iso("PS Saddar"), None);
    }

    #[test]
    fn day_first_forms() {
        // "decided on 7.2.2020" (domain.md §3.2) is 7 February.
        for raw in [
            "7.2.2020",
            "07/02/2020",
            "7-Feb-20",
            "07-02-2020",
            "2020-02-07",
            "7 February 2020",
            "Feb 7, 2020",
            "2020-02-07 00:00:00",
            "07022020",
            "20200207",
            "43868",
            "43868.0",
            "۷/۲/۲۰۲۰",
            "7th Feb 2020",
            "7 فروری 2020",
        ] {
            assert_eq!(ymd(raw), Some((2020, 2, 7)), "{raw}");
        }
    }

    #[test]
    fn flags() {
        assert!(parse_date("05/06/2020").1.contains(&"date.ambiguous"));
        assert!(!parse_date("25/06/2020").1.contains(&"date.ambiguous"));
        let (d, issues) = parse_date("06/25/2020");
        assert_eq!(d.map(|d| ymd_from_days(d.days)), Some((2020, 6, 25)));
        assert_eq!(issues, ["date.month_first"]);
        assert_eq!(parse_date("31/02/2020"), (None, vec!["date.invalid"]));
        assert_eq!(parse_date("yesterday"), (None, vec!["date.unparsed"]));
        assert_eq!(parse_date(""), (None, vec!["date.unparsed"]));
        assert_eq!(ymd("1/1/85"), Some((1985, 1, 1)));
    }

    #[test]
    fn partial() {
        let (d, issues) = parse_date("2019");
        let d = d.unwrap();
        assert_eq!(
            (ymd_from_days(d.days), d.precision),
            ((2019, 1, 1), Precision::Year)
        );
        assert_eq!(issues, ["date.partial"]);
        let (d, _) = parse_date("March 2021");
        assert_eq!(d.unwrap().precision, Precision::Month);
        assert_eq!(parse_date("03/2021").0.unwrap().precision, Precision::Month);
    }

    #[test]
    fn epoch_is_day_zero() {
        assert_eq!(days_from_ymd(1970, 1, 1), Some(0));
        assert_eq!(from_excel_serial(25_569.0), Some(0));
        assert_eq!(from_excel_serial(5_000.0), None); // outside the plausible window
        assert_eq!(from_excel_serial(73_415.0), days_from_ymd(2100, 12, 31));
        assert_eq!(from_excel_serial(74_000.0), None);
    }
}
