//! Districts and provinces: the 136 districts of the 2023 census and the provinces and
//! territories, through an alias table (alternate spellings, old names, abbreviations, Urdu
//! names, and towns to their district where unambiguous: the 2023 census tehsils after the
//! tehsil→district crosswalk of `shehroz-iqbal/pakistan-district-data`, the towns of Karachi,
//! Lahore and Peshawar; domain.md §3.5). A name not in the table is tried without qualifiers
//! (District, Agency, AJK, a province), by the part that names a district ("Pasrur
//! (Sialkot)"), then by sound (the name fold, word by word: Meerpur Khas = Mirpur Khas,
//! Jehlum = Jhelum; names two places share are left out), then with a Jaro–Winkler fallback
//! (`strsim`); a sound or fuzzy match reports its confidence and is flagged `district.fuzzy`.
//! Names that cover several districts (Karachi, Dir, Chitral) give the province only,
//! flagged `district.ambiguous`; names of two places (Dasht, Civil Lines) give nothing.
//! Towns and tehsils resolve a district cell but are not looked for inside free text (an
//! address), where many are ordinary words or given names (Garden, Yasin, Ghazi).

use crate::normalize::name;
use crate::normalize::text::{lookup_key, word_text};
use crate::reference::{places, Place};

/// A resolved place.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceResult {
    /// Census district name.
    pub district: Option<&'static str>,
    /// Province or territory name.
    pub province: Option<&'static str>,
    /// 1 for an exact or alias match, the Jaro–Winkler similarity for a fuzzy match.
    pub confidence: Option<f64>,
}

/// Least Jaro–Winkler similarity for a fuzzy district match.
pub const FUZZY_THRESHOLD: f64 = 0.92;

const NOISE_WORDS: [&str; 30] = [
    "district",
    "distt",
    "dist",
    "city",
    "tehsil",
    "teh",
    "zila",
    "zilla",
    "ضلع",
    "شہر",
    "تحصیل",
    "division",
    "cantt",
    "cantonment",
    "pakistan",
    "agency",
    "fata",
    "tribal",
    "ajk",
    "aj",
    "azad",
    "jammu",
    "kashmir",
    "کشمیر",
    "آزاد",
    "kpk",
    "punjab",
    "sindh",
    "balochistan",
    "baluchistan",
];

/// The sound key of a place name: its words without the noise words above, each folded with
/// the name fold (`name::phonetic`: Meerpur = Mirpur, Badeen = Badin, Sukhar = Sukkur) or
/// transliterated from Urdu first, joined; then every h dropped (Jehlum = Jhelum, Bhawalpur =
/// Bahawalpur) and an English silent e after a final consonant (Sialkote).
#[must_use]
pub fn sound_key(raw: &str) -> String {
    word_text(raw)
        .split_whitespace()
        .filter(|w| !NOISE_WORDS.contains(w))
        .map(|w| {
            if crate::normalize::text::has_arabic_script(w) {
                name::phonetic(&name::transliterate_urdu(w))
            } else {
                let w = match w.strip_suffix('e') {
                    Some(stem)
                        if stem.len() > 3
                            && stem.ends_with(|c: char| {
                                c.is_ascii_alphabetic() && !"aeiouy".contains(c)
                            })
                            && stem[..stem.len() - 1].ends_with(|c: char| "aeiou".contains(c)) =>
                    {
                        stem
                    }
                    _ => w,
                };
                name::phonetic(w)
            }
        })
        .collect::<String>()
        .replace('h', "")
}

fn lookup(key: &str) -> Option<Place> {
    places().by_key.get(key).copied()
}

fn without_noise(raw: &str) -> String {
    word_text(raw)
        .split_whitespace()
        .filter(|w| !NOISE_WORDS.contains(w))
        .collect::<Vec<_>>()
        .concat()
}

fn fuzzy(key: &str) -> Option<(Place, f64)> {
    if key.chars().count() < 4 {
        return None;
    }
    let mut best: Option<(Place, f64)> = None;
    let mut second = 0.0;
    for (k, p) in &places().by_key {
        if k.chars().count() < 4 {
            continue;
        }
        let s = strsim::jaro_winkler(key, k);
        match best {
            Some((bp, bs)) if s > bs => {
                if bp != *p {
                    second = bs;
                }
                best = Some((*p, s));
            }
            Some((bp, bs)) if s > second && bp != *p && s <= bs => second = s,
            None => best = Some((*p, s)),
            _ => {}
        }
    }
    // Reject near-ties between different places: the better one must stand out.
    best.filter(|&(_, s)| s >= FUZZY_THRESHOLD && s - second >= 0.02)
}

fn result(place: Place, confidence: f64) -> PlaceResult {
    let p = places();
    PlaceResult {
        district: place.district.map(|d| p.districts[d].district.as_str()),
        province: Some(p.provinces[place.province].1.as_str()),
        confidence: Some(confidence),
    }
}

/// Resolves a district cell. Issue codes: `district.fuzzy`, `district.ambiguous`,
/// `district.unknown`.
#[must_use]
pub fn parse_district(raw: &str) -> (Option<PlaceResult>, Vec<&'static str>) {
    let found = resolve(raw).or_else(|| {
        // "Pasrur (Sialkot)", "Mansehra (Hazara)", "Kech/Turbat": the part that names a
        // district, the outer part first.
        let (outer, inner) = raw.split_once(['(', '/', '['])?;
        let inner = inner.trim_end_matches([')', ']', ' ']);
        let a = resolve(outer);
        let b = resolve(inner);
        match (a, b) {
            (Some(a), _) if a.0.district.is_some() => Some(a),
            (_, Some(b)) if b.0.district.is_some() => Some(b),
            (a, b) => a.or(b),
        }
    });
    match found {
        Some((place, conf)) => {
            let mut issues = Vec::new();
            if conf < 1.0 {
                issues.push("district.fuzzy");
            }
            if place.district.is_none() {
                issues.push("district.ambiguous");
            }
            (Some(result(place, conf)), issues)
        }
        None => (None, vec!["district.unknown"]),
    }
}

/// Exact, alias, sound-alike, then fuzzy match of one place name.
fn resolve(raw: &str) -> Option<(Place, f64)> {
    let key = lookup_key(raw);
    lookup(&key).map(|p| (p, 1.0)).or_else(|| {
        let k2 = without_noise(raw);
        lookup(&k2)
            .map(|p| (p, 1.0))
            .or_else(|| {
                let sound = sound_key(raw);
                places()
                    .by_sound
                    .get(&sound)
                    .copied()
                    .flatten()
                    .map(|p| (p, SOUND_CONFIDENCE))
            })
            .or_else(|| fuzzy(&k2))
    })
}

/// Confidence reported for a sound-alike match (flagged `district.fuzzy`).
pub const SOUND_CONFIDENCE: f64 = 0.95;

/// A district named in free text (an address): the one district named by a word or a run of
/// up to three words, when exactly one is named.
#[must_use]
pub fn district_in_text(text: &str) -> Option<PlaceResult> {
    let wt = word_text(text);
    let words: Vec<&str> = wt.split_whitespace().collect();
    let mut found: Option<Place> = None;
    for n in (1..=3).rev() {
        for win in words.windows(n) {
            let key: String = win.concat();
            if key.chars().count() < 4 || places().not_in_text.contains(&key) {
                continue;
            }
            if let Some(p) = lookup(&key) {
                if p.district.is_some() {
                    match found {
                        Some(f) if f.district != p.district => return None,
                        _ => found = Some(p),
                    }
                }
            }
        }
    }
    found.map(|p| result(p, 1.0))
}

/// Resolves a province cell.
#[must_use]
pub fn parse_province(raw: &str) -> (Option<&'static str>, Vec<&'static str>) {
    let p = places();
    let key = lookup_key(raw);
    let idx = p
        .province_by_key
        .get(&key)
        .copied()
        .or_else(|| p.province_by_key.get(&without_noise(raw)).copied());
    match idx {
        Some(i) => (Some(p.provinces[i].1.as_str()), vec![]),
        None => (None, vec!["province.unknown"]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn district(raw: &str) -> Option<&'static str> {
        parse_district(raw).0.and_then(|p| p.district)
    }

    #[test]
    fn spellings_from_domain_notes() {
        for (raw, d) in [
            ("D.G. Khan", "Dera Ghazi Khan"),
            ("D.I.Khan", "Dera Ismail Khan"),
            ("Nawabshah", "Shaheed Benazirabad"),
            ("Noshero Feroz", "Naushahro Feroze"),
            ("Qila Abdullah", "Killa Abdullah"),
            ("Qambar Shahdadkot", "Kambar Shahdad Kot"),
            ("Umerkot", "Umer Kot"),
            ("Mandi Bahaud Din", "Mandi Bahauddin"),
            ("Muridke", "Sheikhupura"),
            ("Sambrial", "Sialkot"),
            ("Gujarat", "Gujrat"),
            ("LAHORE", "Lahore"),
            ("District Sialkot", "Sialkot"),
            ("لاہور", "Lahore"),
        ] {
            assert_eq!(district(raw), Some(d), "{raw}");
        }
    }

    #[test]
    fn tehsils_towns_urdu_and_sound_alikes() {
        for (raw, d) in [
            // 2023 census tehsils and the towns of the big cities.
            ("Takht Bhai", "Mardan"),
            ("Jalalpur Jattan", "Gujrat"),
            ("Choa Saidan Shah", "Chakwal"),
            ("Orangi", "Karachi West"),
            ("Gulshan-e-Iqbal", "Karachi East"),
            ("Bin Qasim", "Malir"),
            ("Shalimar", "Lahore"),
            ("Samahni", "Bhimber"),
            // Urdu names.
            ("مظفر گڑھ", "Muzaffargarh"),
            ("کراچی غربی", "Karachi West"),
            ("بہاولنگر", "Bahawalnagar"),
            // Spellings that sound alike, abbreviations, qualifiers.
            ("Meerpur Khas", "Mirpur Khas"),
            ("Badeen", "Badin"),
            ("Sukhar", "Sukkur"),
            ("Jehlum", "Jhelum"),
            ("Bhawalpur", "Bahawalpur"),
            ("M.Garh", "Muzaffargarh"),
            ("S.B.A", "Shaheed Benazirabad"),
            ("Pasroor (Sialkot)", "Sialkot"),
            ("Mansehra (Hazara)", "Mansehra"),
            ("Khyber Agency (FATA)", "Khyber"),
            ("Mirpur Azad Kashmir", "Mirpur"),
            ("Hyderabad Sindh", "Hyderabad"),
        ] {
            assert_eq!(district(raw), Some(d), "{raw}");
        }
        // A district's own name wins over a small tehsil that sounds like it (Bekerh).
        assert_eq!(district("Bakhar"), Some("Bhakkar"));
        // Names of two places resolve to neither.
        assert_eq!(district("Dasht"), None);
        assert_eq!(district("Civil Lines"), None);
        // A sound-alike match is flagged.
        assert_eq!(parse_district("Meerpur Khas").1, ["district.fuzzy"]);
    }

    #[test]
    fn towns_are_not_read_inside_free_text() {
        // Yasin is a tehsil of Ghizer and a common name.
        assert_eq!(district("Yasin"), Some("Ghizer"));
        assert_eq!(
            district_in_text("House of Muhammad Yasin, Mohalla Islampura"),
            None
        );
    }

    #[test]
    fn fuzzy_reports_confidence() {
        let (p, issues) = parse_district("Faisalabaad");
        let p = p.unwrap();
        assert_eq!(p.district, Some("Faisalabad"));
        assert!(p.confidence.unwrap() < 1.0 && p.confidence.unwrap() >= FUZZY_THRESHOLD);
        assert_eq!(issues, ["district.fuzzy"]);
        assert_eq!(parse_district("Xyzzy").1, ["district.unknown"]);
    }

    #[test]
    fn ambiguous_gives_province() {
        let (p, issues) = parse_district("Karachi");
        let p = p.unwrap();
        assert_eq!((p.district, p.province), (None, Some("Sindh")));
        assert_eq!(issues, ["district.ambiguous"]);
    }

    #[test]
    fn provinces() {
        assert_eq!(parse_province("KPK").0, Some("Khyber Pakhtunkhwa"));
        assert_eq!(parse_province("NWFP").0, Some("Khyber Pakhtunkhwa"));
        assert_eq!(parse_province("Baluchistan").0, Some("Balochistan"));
        assert_eq!(parse_province("AJ&K").0, Some("Azad Jammu & Kashmir"));
    }

    #[test]
    fn address() {
        assert_eq!(
            district_in_text("House 5, Street 2, Mohalla Islampura, Gujranwala")
                .and_then(|p| p.district),
            Some("Gujranwala")
        );
        assert_eq!(district_in_text("Lahore and Multan"), None);
    }
}
