//! Writing one person as one unit records them: the raw text of every cell, with noise.
//!
//! Each unit has a script (Roman only, mixed, or mostly Urdu), a way of writing parentage
//! (separate columns, one "Father/Husband" column, an "S/O, D/O, W/O" column, or inside the name
//! cell) and its date spellings (from its house style). Noise follows what the domain reference
//! lists (domain.md 3.1-3.5): transliteration variants, honorifics, Urdu script and digits,
//! CNIC typos, transpositions, a parent's CNIC for a child, Excel damage, day-first and
//! month-first dates, Excel serials, approximate ages, district aliases and misspellings.
//! Every operation applied is named in the record's `true_noise` list.

use chrono::{Datelike, NaiveDate};
use rand::{Rng, RngCore};

use super::data::{reference, Forms, Source, Tok};
use super::person::{choose, pick_slice, Name, Person, Tables};
use super::NoiseRates;
use crate::schema::{CaseStatus, CrimeType, Exploitation, Sex};

/// Raw fields a record carries (after `record_id`, `source`, `source_type`).
pub(crate) const FIELDS: [&str; 22] = [
    "case_id",
    "fir_no",
    "police_station",
    "name",
    "father_name",
    "husband_name",
    "sex",
    "age",
    "date_of_birth",
    "cnic",
    "passport",
    "phone",
    "nationality",
    "address",
    "district",
    "province",
    "date",
    "law_sections",
    "exploitation",
    "case_status",
    "destination",
    "remarks",
];

// Indices into [`FIELDS`].
pub(crate) const F_CASE_ID: usize = 0;
pub(crate) const F_FIR_NO: usize = 1;
pub(crate) const F_POLICE_STATION: usize = 2;
pub(crate) const F_NAME: usize = 3;
pub(crate) const F_FATHER_NAME: usize = 4;
pub(crate) const F_HUSBAND_NAME: usize = 5;
pub(crate) const F_SEX: usize = 6;
pub(crate) const F_AGE: usize = 7;
pub(crate) const F_DATE_OF_BIRTH: usize = 8;
pub(crate) const F_CNIC: usize = 9;
pub(crate) const F_PASSPORT: usize = 10;
pub(crate) const F_PHONE: usize = 11;
pub(crate) const F_NATIONALITY: usize = 12;
pub(crate) const F_ADDRESS: usize = 13;
pub(crate) const F_DISTRICT: usize = 14;
pub(crate) const F_PROVINCE: usize = 15;
pub(crate) const F_DATE: usize = 16;
pub(crate) const F_LAW_SECTIONS: usize = 17;
pub(crate) const F_EXPLOITATION: usize = 18;
pub(crate) const F_CASE_STATUS: usize = 19;
pub(crate) const F_DESTINATION: usize = 20;
pub(crate) const F_REMARKS: usize = 21;

/// A rendered record before sorting and numbering.
pub(crate) struct Record {
    pub source: usize,
    pub date_key: i32,
    pub person: u64,
    pub values: Vec<Option<String>>,
    pub noise: Vec<&'static str>,
    /// Ground truth (filled by the caller).
    pub truth: Vec<Option<String>>,
    pub age: i64,
    pub exploitation: Option<Vec<String>>,
    pub noise_codes: Option<Vec<String>>,
}

const URDU_DIGITS: [char; 10] = ['۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹'];

/// ASCII digits written as Extended Arabic-Indic (Urdu) digits.
pub(crate) fn urdu_digits(s: &str) -> String {
    s.chars()
        .map(|c| c.to_digit(10).map_or(c, |d| URDU_DIGITS[d as usize]))
        .collect()
}

/// One keyboard slip in a Roman word: a swap, a drop, a doubled letter or a vowel change.
pub(crate) fn typo(s: &str, rng: &mut impl RngCore) -> String {
    let chars: Vec<char> = s.chars().collect();
    let letters: Vec<usize> = (0..chars.len())
        .filter(|&i| chars[i].is_ascii_alphabetic())
        .collect();
    if letters.len() < 3 {
        return s.to_owned();
    }
    let i = letters[rng.random_range(1..letters.len())];
    let mut out = chars.clone();
    match rng.random_range(0..4) {
        0 if i + 1 < out.len() && out[i + 1].is_ascii_alphabetic() => out.swap(i, i + 1),
        1 => {
            out.remove(i);
        }
        2 => out.insert(i, chars[i]),
        _ => {
            let vowels = ['a', 'e', 'i', 'o', 'u'];
            if vowels.contains(&chars[i].to_ascii_lowercase()) {
                out[i] = *choose(rng, &vowels);
            } else {
                out.insert(i, 'h');
            }
        }
    }
    let t: String = out.into_iter().collect();
    if t == s {
        format!("{s}{}", chars[chars.len() - 1])
    } else {
        t
    }
}

struct Ctx<'a, R: RngCore> {
    rng: &'a mut R,
    rates: &'a NoiseRates,
    noise: Vec<&'static str>,
}

impl<R: RngCore> Ctx<'_, R> {
    fn p(&mut self, prob: f64) -> bool {
        self.rng.random::<f64>() < prob
    }
    fn op(&mut self, code: &'static str) {
        if !self.noise.contains(&code) {
            self.noise.push(code);
        }
    }
    fn pick<'b, T>(&mut self, items: &'b [T]) -> &'b T {
        choose(self.rng, items)
    }
}

fn tokens_text<R: RngCore>(c: &mut Ctx<'_, R>, name: &Name, urdu: bool) -> String {
    match name {
        Name::Foreign(r, u) => {
            if urdu && !u.is_empty() {
                (*u).to_owned()
            } else {
                (*r).to_owned()
            }
        }
        Name::Tokens(toks) => {
            let mut out = String::with_capacity(32);
            for t in toks {
                if !out.is_empty() {
                    out.push(' ');
                }
                if urdu {
                    out.push_str(&t.u);
                } else if !t.v.is_empty() && c.p(c.rates.name_variant) {
                    c.op("name.variant");
                    let v: &String = choose(c.rng, &t.v);
                    out.push_str(v);
                } else {
                    out.push_str(&t.r);
                }
            }
            out
        }
    }
}

fn relation(sex: Sex, wife: bool, urdu: bool, rng: &mut impl RngCore) -> &'static str {
    match (wife, sex, urdu) {
        (true, _, false) => ["W/O", "W/O", "W/o", "w/o", "wife of"][rng.random_range(0..5)],
        (true, _, true) => "زوجہ",
        (false, Sex::Female, false) => {
            ["D/O", "D/O", "D/o", "d/o", "daughter of"][rng.random_range(0..5)]
        }
        (false, Sex::Female, true) => ["دختر", "بنت"][rng.random_range(0..2)],
        (false, _, false) => ["S/O", "S/O", "S/o", "s/o", "son of"][rng.random_range(0..5)],
        (false, _, true) => "ولد",
    }
}

fn forms<'a, R: RngCore>(c: &mut Ctx<'_, R>, f: &'a Forms, urdu: bool) -> &'a str {
    if urdu && !f.urdu.is_empty() {
        c.pick(&f.urdu).as_str()
    } else {
        c.pick(&f.latin).as_str()
    }
}

fn date_text<R: RngCore>(c: &mut Ctx<'_, R>, d: NaiveDate, form: &str) -> String {
    let r = reference();
    let (y, m, day) = (d.year(), d.month(), d.day());
    match form {
        "dmy_slash" => format!("{day:02}/{m:02}/{y}"),
        "dmy_slash_short" => format!("{day}/{m}/{:02}", y % 100),
        "dmy_dot" => format!("{day:02}.{m:02}.{y}"),
        "dmy_dot_short" => format!("{day}.{m}.{y}"),
        "dmy_dash" => format!("{day:02}-{m:02}-{y}"),
        "d_mon_yy" => format!(
            "{day:02}-{}-{:02}",
            r.vocab.months_short[m as usize - 1],
            y % 100
        ),
        "d_mon_yyyy" => format!("{day}-{}-{y}", r.vocab.months_short[m as usize - 1]),
        "mdy_slash" => {
            c.op("date.month_first");
            format!("{m}/{day}/{y}")
        }
        "excel_serial" => {
            c.op("date.excel_serial");
            excel_serial(d).to_string()
        }
        "urdu_digits" => {
            c.op("date.urdu_digits");
            urdu_digits(&format!("{day:02}/{m:02}/{y}"))
        }
        _ => iso_date(d),
    }
}

/// `YYYY-MM-DD` (faster than chrono's format string, which is parsed at every call).
pub(crate) fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Days since 1899-12-30, the serial number Excel shows for a date.
pub(crate) fn excel_serial(d: NaiveDate) -> i64 {
    (d - NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid date")).num_days()
}

fn cnic_dashed(c: &str) -> String {
    format!("{}-{}-{}", &c[..5], &c[5..12], &c[12..])
}

fn damage_cnic<R: RngCore>(cx: &mut Ctx<'_, R>, number: &str) -> String {
    let mut d: Vec<u8> = number.bytes().collect();
    let x: f64 = cx.rng.random();
    let r = cx.rates;
    if x < r.cnic_typo {
        cx.op("cnic.typo");
        let i = cx.rng.random_range(1..13);
        let old = d[i];
        while d[i] == old {
            d[i] = b'0' + cx.rng.random_range(0..10u8);
        }
    } else if x < r.cnic_typo + r.cnic_transposition {
        let i = cx.rng.random_range(0..12);
        if d[i] != d[i + 1] {
            cx.op("cnic.transposition");
            d.swap(i, i + 1);
        }
    } else if x < r.cnic_typo + r.cnic_transposition + r.cnic_digit_dropped {
        cx.op("cnic.digit_dropped");
        d.remove(cx.rng.random_range(0..13));
    }
    String::from_utf8(d).expect("ascii digits")
}

fn cnic_cell<R: RngCore>(
    cx: &mut Ctx<'_, R>,
    p: &Person,
    src: &Source,
    urdu_ok: bool,
) -> Option<String> {
    let style = &src.style;
    let r = cx.rates;
    let child = p.age < 18;
    // Which number the unit wrote: the person's own, a parent's (children), or none.
    let (number, parent) = match (&p.cnic, child) {
        (Some(own), false) => {
            if cx.p(r.cnic_missing) {
                (None, false)
            } else {
                (Some(own.clone()), false)
            }
        }
        (own, true) => {
            let x: f64 = cx.rng.random();
            if own.is_some() && x < 0.5 {
                (own.clone(), false)
            } else if p.family.father_cnic.is_some() && x < 0.5 + r.child_parent_cnic * 0.5 {
                (p.family.father_cnic.clone(), true)
            } else {
                (None, false)
            }
        }
        (None, false) => (None, false),
    };
    let Some(number) = number else {
        if p.cnic.is_some() || child {
            cx.op("cnic.missing");
        }
        let foreign = p.family.nationality != 0;
        let blank = if foreign {
            cx.pick(&[
                "",
                "",
                "Afghan national",
                "PoR card holder",
                "N/A",
                "Foreigner",
            ])
        } else {
            cx.pick(&[
                "",
                "",
                "",
                "N/A",
                "Nil",
                "-",
                "Not available",
                "Under process",
            ])
        };
        return (!blank.is_empty()).then(|| (*blank).to_owned());
    };
    if parent {
        cx.op("cnic.parent");
    }
    let number = damage_cnic(cx, &number);
    if number.len() != 13 {
        return Some(number);
    }
    let x: f64 = cx.rng.random();
    let csv = style.format == "csv";
    let mut text = if style.cnic_numeric && x < 0.7 {
        number.clone()
    } else if csv && x < r.cnic_excel_scientific {
        cx.op("cnic.excel_scientific");
        format!("{:.5E}", number.parse::<f64>().unwrap_or(0.0)).replace("E", "E+")
    } else if x < 0.5 {
        cnic_dashed(&number)
    } else if x < 0.88 {
        number.clone()
    } else {
        format!("{} {} {}", &number[..5], &number[5..12], &number[12..])
    };
    if parent && cx.p(0.4) {
        text = format!(
            "{} ({})",
            text,
            cx.pick(&["Father", "father's CNIC", "F-CNIC", "Guardian"])
        );
    } else if child && !parent && cx.p(0.4) {
        text = format!("{text} (B-Form)");
    }
    if urdu_ok && cx.p(r.cnic_urdu_digits) {
        cx.op("cnic.urdu_digits");
        text = urdu_digits(&text);
    }
    Some(text)
}

fn phone_cell<R: RngCore>(
    cx: &mut Ctx<'_, R>,
    p: &Person,
    numeric: bool,
    urdu_ok: bool,
) -> Option<String> {
    let Some(n) = &p.phone else { return None };
    if cx.p(cx.rates.phone_missing) {
        cx.op("phone.missing");
        return None;
    }
    let mut n = n.clone();
    if cx.p(cx.rates.phone_typo) {
        cx.op("phone.typo");
        let mut b: Vec<u8> = n.into_bytes();
        let i = cx.rng.random_range(3..10);
        b[i] = if b[i] == b'9' { b'0' } else { b[i] + 1 };
        n = String::from_utf8(b).expect("digits");
    }
    let (op, rest) = n.split_at(3);
    let x = cx.rng.random_range(0..100);
    let mut text = match x {
        _ if numeric && x < 40 => {
            cx.op("phone.leading_zero_lost");
            n.clone()
        }
        0..=34 => format!("0{op}-{rest}"),
        35..=59 => format!("0{n}"),
        60..=67 => format!("+92 {op} {rest}"),
        68..=74 => format!("+92{n}"),
        75..=78 => format!("92-{op}-{rest}"),
        79..=81 => format!("0092 {op} {rest}"),
        82..=89 => format!("0{op} {rest}"),
        90..=93 => format!("0{op}-{}-{}", &rest[..3], &rest[3..]),
        _ => {
            cx.op("phone.leading_zero_lost");
            format!("{op}-{rest}")
        }
    };
    if cx.p(0.03) {
        cx.op("phone.multiple");
        let other = format!(
            "03{}{}",
            cx.rng.random_range(0..5),
            cx.rng.random_range(10_000_000..99_999_999u32)
        );
        text = format!("{text} / {}-{}", &other[..4], &other[4..]);
    }
    if urdu_ok && cx.p(0.03) {
        cx.op("phone.urdu_digits");
        text = urdu_digits(&text);
    }
    Some(text)
}

fn age_cell<R: RngCore>(cx: &mut Ctx<'_, R>, age: i32, urdu: bool) -> Option<String> {
    let r = cx.rates;
    let x: f64 = cx.rng.random();
    if x < r.age_missing {
        cx.op("age.missing");
        return None;
    }
    let x = x - r.age_missing;
    if age < 18 && x < r.age_minor {
        cx.op("age.minor");
        return Some((*cx.pick(&["minor", "Minor", "MINOR", "Child", "Nabalig"])).to_owned());
    }
    let x = x - r.age_minor;
    if x < r.age_range {
        cx.op("age.range");
        let lo = (age - cx.rng.random_range(0..5)).max(1) / 5 * 5;
        return Some(format!("{lo}-{}", lo + 5));
    }
    let x = x - r.age_range;
    let mut a = age;
    let approx = x < r.age_approx;
    if approx {
        cx.op("age.approx");
        a = (age + cx.rng.random_range(-3..=3)).max(1);
    }
    let text = if urdu {
        format!("{} سال", urdu_digits(&a.to_string()))
    } else if approx {
        match cx.rng.random_range(0..4) {
            0 => format!("approx {a}"),
            1 => format!("{a} (approx)"),
            2 => format!("about {a} yrs"),
            _ => a.to_string(),
        }
    } else {
        match cx.rng.random_range(0..10) {
            0..=5 => a.to_string(),
            6 => format!("{a} yrs"),
            7 => format!("{a} Years"),
            8 => format!("{a}Y"),
            _ => format!("{a} years"),
        }
    };
    Some(text)
}

fn district_cell<R: RngCore>(
    cx: &mut Ctx<'_, R>,
    p: &Person,
    src: &Source,
    urdu: bool,
) -> Option<String> {
    let r = reference();
    let d = &r.districts[p.family.district];
    let rates = cx.rates;
    let x: f64 = cx.rng.random();
    if x < rates.district_missing {
        cx.op("district.missing");
        return None;
    }
    let x = x - rates.district_missing;
    if urdu {
        return Some(d.urdu.clone());
    }
    if x < rates.district_source_seat && d.district != src.district {
        cx.op("district.source_seat");
        return Some(src.district.clone());
    }
    let x = x - rates.district_source_seat;
    if x < rates.district_tehsil {
        let tehsils: Vec<&str> = d.tehsils.split('|').collect();
        let t = tehsils[p.family.tehsil.min(tehsils.len() - 1)];
        if t != d.district {
            cx.op("district.tehsil_given");
        }
        return Some(t.to_owned());
    }
    let x = x - rates.district_tehsil;
    if x < rates.district_misspelt {
        cx.op("district.misspelt");
        return Some(typo(&d.district, cx.rng));
    }
    let x = x - rates.district_misspelt;
    if x < rates.district_variant {
        let variants: Vec<&str> = d.variants.split('|').collect();
        let v = *cx.pick(&variants);
        if !v.eq_ignore_ascii_case(&d.district) {
            cx.op("district.variant");
        }
        return Some(v.to_owned());
    }
    Some(d.district.clone())
}

fn address_cell<R: RngCore>(cx: &mut Ctx<'_, R>, p: &Person, urdu: bool) -> Option<String> {
    let r = reference();
    let v = &r.vocab;
    if cx.p(cx.rates.address_missing) {
        cx.op("address.missing");
        return None;
    }
    let d = &r.districts[p.family.district];
    let seed = p.family.address_seed;
    let tehsils: Vec<&str> = d.tehsils.split('|').collect();
    let tehsil = tehsils[p.family.tehsil.min(tehsils.len() - 1)];
    let pick = |list: &[String], k: u64| {
        list[(seed.rotate_left(k as u32 * 7) % list.len() as u64) as usize].clone()
    };
    if urdu {
        let t = pick(&v.address_templates.urdu, 1);
        return Some(
            t.replace("{v_u}", &pick(&v.villages_urdu, 2))
                .replace("{m_u}", &pick(&v.mohallahs_urdu, 3))
                .replace("{district_u}", &d.urdu),
        );
    }
    let t = pick(&v.address_templates.latin, 1);
    Some(
        t.replace("{n}", &(seed % 900 + 1).to_string())
            .replace("{s}", &((seed >> 10) % 30 + 1).to_string())
            .replace("{m}", &pick(&v.mohallahs, 3))
            .replace("{v}", &pick(&v.villages, 2))
            .replace(
                "{chak}",
                &format!(
                    "{}/{}",
                    (seed >> 20) % 600 + 1,
                    ["GB", "RB", "JB", "EB", "WB"][((seed >> 30) % 5) as usize]
                ),
            )
            .replace("{tehsil}", tehsil)
            .replace("{district}", &d.district),
    )
}

fn exploitation_cell<R: RngCore>(cx: &mut Ctx<'_, R>, p: &Person, urdu: bool) -> Option<String> {
    let r = reference();
    if matches!(p.family.scenario, CrimeType::Som | CrimeType::Other) || p.exploitation.is_empty() {
        let t = cx.pick(&r.vocab.som_exploitation_cell);
        return (!t.is_empty()).then(|| (*t).to_owned());
    }
    if cx.p(cx.rates.exploitation_missing) {
        cx.op("exploitation.missing");
        return None;
    }
    let parts: Vec<String> = p
        .exploitation
        .iter()
        .map(|e| {
            let f = &r.vocab.exploitation[e.code()];
            forms(cx, f, urdu).to_owned()
        })
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        return None;
    }
    Some(parts.join(if cx.p(0.5) { ", " } else { " & " }))
}

fn status_cell<R: RngCore>(
    cx: &mut Ctx<'_, R>,
    status: CaseStatus,
    src: &Source,
    urdu: bool,
) -> Option<String> {
    let r = reference();
    if matches!(src.source_type.as_str(), "social_welfare" | "ngo") {
        // Shelters and NGOs report their own stage (admitted, referred), not the case's.
        cx.op("case_status.unit_status");
        return Some((*cx.pick(&r.vocab.welfare_status)).to_owned());
    }
    if cx.p(cx.rates.status_missing) {
        cx.op("case_status.missing");
        return None;
    }
    let t = forms(cx, &r.vocab.case_status[status.code()], urdu).to_owned();
    (!t.is_empty()).then_some(t)
}

fn case_number(p: &Person, src_index: usize) -> u64 {
    // Siblings recovered together share the case and its number within one unit.
    let h = p.family.address_seed ^ (src_index as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h % 480 + 1
}

/// The record of person `p` as unit `src_index` wrote it (`k`: 0 for the first unit).
pub(crate) fn render(
    p: &Person,
    src_index: usize,
    k: usize,
    rates: &NoiseRates,
    t: &Tables,
    rng: &mut impl RngCore,
) -> Record {
    let r = reference();
    let src = &r.sources[src_index];
    let style = &src.style;
    let mut cx = Ctx {
        rng,
        rates,
        noise: Vec::new(),
    };
    let mut values: Vec<Option<String>> = vec![None; FIELDS.len()];
    let has = &t.src_has[src_index];
    let urdu_ok = src.script != "latin";
    let urdu_names = match src.script.as_str() {
        "urdu" => cx.p(0.7),
        "mixed" => cx.p(rates.name_urdu_script),
        _ => false,
    };
    let urdu_text = src.script == "urdu" && cx.p(0.8);
    let foreign = p.family.nationality != 0;

    // Event date as this unit recorded it: later units often register days or weeks later.
    let mut date = p.family.event_date;
    if k > 0 && cx.p(rates.date_shift) {
        cx.op("date.shifted");
        date += chrono::Duration::days(cx.rng.random_range(1..=45));
    }

    // Names and parentage.
    if cx.p(rates.name_missing) {
        cx.op("name.missing");
    } else {
        if urdu_names {
            cx.op("name.urdu_script");
        }
        let mut name = tokens_text(&mut cx, &p.name, urdu_names);
        let upper = !urdu_names && cx.p(rates.name_upper);
        if !urdu_names && cx.p(rates.name_typo) {
            cx.op("name.typo");
            name = typo(&name, cx.rng);
        }
        let female = p.sex == Sex::Female;
        let hon_rate = if src.source_type == "police" && female {
            rates.name_honorific * 2.5
        } else {
            rates.name_honorific
        };
        if cx.p(hon_rate) {
            let h: Option<&Tok> = if female && p.age >= 16 {
                // Mrs. only for married women, Miss only for unmarried, Mai for older women.
                let married = p.husband.is_some();
                let w = r
                    .names
                    .honorifics_female
                    .iter()
                    .map(|t| match t.r.as_str() {
                        "Mrs." if !married => 0.0,
                        "Miss" if married => 0.0,
                        "Mai" if p.age < 35 => 0.0,
                        _ => t.w,
                    });
                let mut ws = [0.0f64; 8];
                for (slot, x) in ws.iter_mut().zip(w) {
                    *slot = x;
                }
                Some(&r.names.honorifics_female[pick_slice(&ws, cx.rng)])
            } else if female || p.age < 16 {
                None
            } else {
                p.honorific
            };
            if let Some(h) = h {
                cx.op("name.honorific");
                name = format!("{} {name}", if urdu_names { &h.u } else { &h.r });
            }
        }
        if female && !foreign && !urdu_names && p.name_has_no_suffix() && cx.p(0.08) {
            cx.op("name.bibi_suffix");
            name = format!("{name} Bibi");
        }
        let father_missing = cx.p(rates.father_missing);
        let father = (!father_missing).then(|| tokens_text(&mut cx, &p.father, urdu_names));
        let husband = p
            .husband
            .as_ref()
            .map(|h| tokens_text(&mut cx, h, urdu_names));
        match style.parentage.as_str() {
            "in_name" => {
                let mut cell = name;
                if let Some(f) = &father {
                    cx.op("name.parentage_in_name");
                    cell = format!("{cell} {} {f}", relation(p.sex, false, urdu_names, cx.rng));
                }
                if let Some(h) = &husband {
                    if father.is_none() || cx.p(0.5) {
                        cx.op("name.parentage_in_name");
                        cell = format!("{cell} {} {h}", relation(p.sex, true, urdu_names, cx.rng));
                    }
                }
                if father_missing && husband.is_none() {
                    cx.op("father_name.missing");
                }
                values[F_NAME] = Some(cell);
            }
            mode => {
                values[F_NAME] = Some(name);
                let use_husband = husband.is_some() && mode != "columns" && cx.p(0.5);
                if use_husband {
                    cx.op("father_name.is_husband");
                    let h = husband.clone().expect("husband");
                    let prefixed = mode == "relation" || cx.p(0.3);
                    values[F_FATHER_NAME] = Some(if prefixed {
                        format!("{} {h}", relation(p.sex, true, urdu_names, cx.rng))
                    } else {
                        h
                    });
                } else if let Some(f) = father {
                    values[F_FATHER_NAME] = Some(if mode == "relation" {
                        format!("{} {f}", relation(p.sex, false, urdu_names, cx.rng))
                    } else {
                        f
                    });
                } else {
                    cx.op("father_name.missing");
                }
                if has[F_HUSBAND_NAME] {
                    values[F_HUSBAND_NAME] = husband;
                }
            }
        }
        if upper {
            cx.op("name.upper");
            for i in [F_NAME, F_FATHER_NAME, F_HUSBAND_NAME] {
                values[i] = values[i].take().map(|s| s.to_uppercase());
            }
        }
    }

    // Sex.
    if cx.p(rates.sex_missing) {
        cx.op("sex.missing");
    } else {
        let mut sex = p.sex;
        if cx.p(rates.sex_wrong) && sex != Sex::Transgender {
            cx.op("sex.wrong");
            sex = if sex == Sex::Male {
                Sex::Female
            } else {
                Sex::Male
            };
        }
        let f = &r.vocab.sex_forms[sex.code()];
        let mut t = forms(&mut cx, f, urdu_text).to_owned();
        // "Boy"/"Girl" and "Man"/"Woman" only where they fit the age.
        let child_word = matches!(t.as_str(), "Boy" | "Girl" | "لڑکا" | "لڑکی");
        if child_word && p.age >= 18 || (t == "Man" || t == "Woman") && p.age < 18 {
            t = if urdu_text {
                f.urdu[0].clone()
            } else {
                f.latin[0].clone()
            };
        }
        values[F_SEX] = Some(t);
    }

    values[F_AGE] = age_cell(&mut cx, p.age, urdu_text);
    let date_forms = &t.src_date_forms[src_index];
    if has[F_DATE_OF_BIRTH] {
        if cx.p(rates.dob_present) {
            let form = style.date_forms[date_forms.pick(cx.rng)].0.clone();
            values[F_DATE_OF_BIRTH] = Some(date_text(&mut cx, p.date_of_birth, &form));
        } else {
            cx.op("date_of_birth.missing");
        }
    }
    if cx.p(rates.date_missing) {
        cx.op("date.missing");
    } else {
        let form = style.date_forms[date_forms.pick(cx.rng)].0.clone();
        values[F_DATE] = Some(date_text(&mut cx, date, &form));
    }

    values[F_CNIC] = cnic_cell(&mut cx, p, src, urdu_ok);
    if has[F_PHONE] {
        values[F_PHONE] = phone_cell(&mut cx, p, style.cnic_numeric, urdu_ok);
    }
    if has[F_PASSPORT] {
        if let Some(pp) = &p.passport {
            if cx.p(rates.passport_missing) {
                cx.op("passport.missing");
            } else {
                let mut t = pp.clone();
                if cx.p(rates.passport_typo) {
                    cx.op("passport.typo");
                    let mut b = t.into_bytes();
                    let i = cx.rng.random_range(2..9);
                    b[i] = if b[i] == b'0' { b'8' } else { b'0' };
                    t = String::from_utf8(b).expect("ascii");
                }
                t = match cx.rng.random_range(0..20) {
                    0 => t.to_lowercase(),
                    1 => format!("{}-{}", &t[..2], &t[2..]),
                    2 => format!("{} {}", &t[..2], &t[2..]),
                    _ => t,
                };
                values[F_PASSPORT] = Some(t);
            }
        }
    }
    if has[F_NATIONALITY] {
        let n = &r.vocab.nationalities[p.family.nationality];
        if cx.p(rates.nationality_missing) {
            cx.op("nationality.missing");
        } else {
            let t = if urdu_text {
                cx.pick(&n.urdu).clone()
            } else {
                cx.pick(&n.forms).clone()
            };
            values[F_NATIONALITY] = Some(t);
        }
    }
    let urdu_address = urdu_text || urdu_names && cx.p(0.5);
    values[F_ADDRESS] = address_cell(&mut cx, p, urdu_address);
    if has[F_DISTRICT] {
        values[F_DISTRICT] = district_cell(&mut cx, p, src, urdu_text);
    }
    if has[F_PROVINCE] {
        let prov = &r.districts[p.family.district].province;
        if cx.p(0.08) {
            cx.op("province.missing");
        } else {
            let f = &r.vocab.provinces[prov];
            values[F_PROVINCE] = Some(forms(&mut cx, f, urdu_text).to_owned());
        }
    }
    if has[F_LAW_SECTIONS] {
        if cx.p(rates.law_sections_missing) {
            cx.op("law_sections.missing");
        } else {
            let o = &r.vocab.offences[p.family.offence];
            values[F_LAW_SECTIONS] = Some(cx.pick(&o.forms).clone());
        }
    }
    if has[F_EXPLOITATION] {
        values[F_EXPLOITATION] = exploitation_cell(&mut cx, p, urdu_text);
    }
    if has[F_CASE_STATUS] {
        values[F_CASE_STATUS] = status_cell(&mut cx, p.family.case_status, src, urdu_text);
    }
    if has[F_DESTINATION] {
        values[F_DESTINATION] = p
            .family
            .destination
            .filter(|d| !d.is_empty())
            .map(str::to_owned);
    }
    let year = date.year();
    let n = case_number(p, src_index);
    if has[F_FIR_NO] {
        let t = match (src.source_type.as_str(), cx.rng.random_range(0..4)) {
            ("police", 0) => format!("{n}/{:02}", year % 100),
            ("police", 1) => format!("FIR# {n}/{year}"),
            (_, 0) => format!("FIR No. {n}/{year}"),
            (_, 1) => format!("{n}/{:02}", year % 100),
            _ => format!("{n}/{year}"),
        };
        values[F_FIR_NO] = Some(t);
    }
    if has[F_CASE_ID] {
        let t = match cx.rng.random_range(0..3) {
            0 => format!("Enq. No. {n}/{year}"),
            1 => format!("Case No. {n}/{year}"),
            _ => format!("{n}/{year}"),
        };
        values[F_CASE_ID] = Some(t);
    }
    if has[F_POLICE_STATION] && !src.police_stations.is_empty() {
        let i = (p.family.address_seed % src.police_stations.len() as u64) as usize;
        values[F_POLICE_STATION] = Some(src.police_stations[i].clone());
    }
    if has[F_REMARKS] {
        let x: f64 = cx.rng.random();
        let t = if x < style.multiline_remarks {
            cx.pick(&r.vocab.remarks_multiline).clone()
        } else if style.encoding == "windows-1252" && x < 0.15 {
            cx.pick(&r.vocab.cp1252_remarks).clone()
        } else if urdu_ok && (urdu_text || x > 0.93) {
            cx.pick(&r.vocab.remarks_urdu).clone()
        } else {
            let key = if src.source_type == "fia_circle"
                && p.family.scenario == CrimeType::Tip
                && !p.family.cross_border
            {
                "fia_circle_tip"
            } else {
                src.source_type.as_str()
            };
            cx.pick(&r.vocab.remarks[key]).clone()
        };
        values[F_REMARKS] = (!t.is_empty()).then_some(t);
    }
    Record {
        source: src_index,
        date_key: excel_serial(date) as i32,
        person: p.id,
        values,
        noise: cx.noise,
        truth: Vec::new(),
        age: 0,
        exploitation: None,
        noise_codes: None,
    }
}

impl Person {
    fn name_has_no_suffix(&self) -> bool {
        match &self.name {
            Name::Tokens(t) => t.len() == 1,
            Name::Foreign(..) => false,
        }
    }
}

/// Codes of a person's forms of exploitation (for `true_exploitation`).
pub(crate) fn exploitation_codes(e: &[Exploitation]) -> Vec<String> {
    e.iter().map(|x| x.code().to_owned()).collect()
}
