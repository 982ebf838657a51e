//! Synthetic persons: the ground truth behind the records.
//!
//! Every person is a pure function of `(seed, person index)`: a PCG-64 generator with one
//! stream per person (and separate streams for family and look-alike pools), so the output is
//! the same for any thread count or chunking. Families (siblings) are runs of consecutive
//! indices: person `i` joins the family of `i - 1` when its sibling draw says so, and every
//! family-level value (father, family CNIC, district, case, date) is drawn from the stream of
//! the family's first member. Namesakes draw `(name, father's name)` from a shared pool so that
//! distinct persons share both on purpose.
//!
//! Magnitudes follow domain.md 2.3 (FIA data SOM-heavy, Punjab-heavy; bonded labour the largest
//! TIP form), CNIC structure domain.md 3.1 (province digit, odd last digit for men).

use chrono::{Datelike, NaiveDate};
use rand::{Rng, RngCore};
use rand_pcg::Pcg64;

use super::data::{reference, Tok};
use super::SynthOptions;
use crate::schema::{CaseStatus, CrimeType, Exploitation, Sex};

/// Streams of the per-person generators.
#[derive(Clone, Copy)]
pub(crate) enum Stream {
    Person = 0,
    Family = 1,
    SiblingFlag = 2,
    NamesakePool = 3,
    Records = 4,
}

/// A PCG-64 generator for `(seed, index, purpose)`.
pub(crate) fn rng_for(seed: u64, index: u64, stream: Stream) -> Pcg64 {
    // splitmix-style scrambling of the seed into the 128-bit state; the stream selects an
    // independent sequence per (index, purpose).
    let s = u128::from(splitmix(seed)) << 64 | u128::from(splitmix(seed ^ 0x9E37_79B9_7F4A_7C15));
    let stream_id = (u128::from(index) << 3) | stream as u128;
    Pcg64::new(s, stream_id)
}

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Cumulative weights for fast weighted choice.
#[derive(Debug, Clone)]
pub(crate) struct Weighted {
    cum: Vec<f64>,
}

impl Weighted {
    pub fn new(weights: impl IntoIterator<Item = f64>) -> Self {
        let mut total = 0.0;
        let cum = weights
            .into_iter()
            .map(|w| {
                total += w.max(0.0);
                total
            })
            .collect();
        Self { cum }
    }

    /// An index drawn in proportion to its weight (index 0 when all weights are zero).
    pub fn pick(&self, rng: &mut impl RngCore) -> usize {
        let total = self.cum.last().copied().unwrap_or(0.0);
        if total <= 0.0 {
            return 0;
        }
        let x = rng.random::<f64>() * total;
        self.cum
            .partition_point(|&c| c <= x)
            .min(self.cum.len() - 1)
    }
}

/// An index drawn in proportion to `weights`, without allocating (for short lists).
pub(crate) fn pick_slice(weights: &[f64], rng: &mut impl RngCore) -> usize {
    let total: f64 = weights.iter().sum();
    if total <= 0.0 {
        return 0;
    }
    let mut x = rng.random::<f64>() * total;
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    weights.len() - 1
}

/// Picks a uniformly random element.
pub(crate) fn choose<'a, T>(rng: &mut impl RngCore, items: &'a [T]) -> &'a T {
    &items[rng.random_range(0..items.len())]
}

/// Precomputed weighted tables shared by all persons.
pub(crate) struct Tables {
    pub male_prefix: Weighted,
    pub male: Weighted,
    pub female: Weighted,
    pub female_second: Weighted,
    pub castes: Weighted,
    pub honorific_male: Weighted,
    pub district_som: Weighted,
    pub district_tip: Weighted,
    pub nationality: Weighted,
    pub start: NaiveDate,
    pub days: i64,
    pub dest_som: Weighted,
    pub dest_cross: Weighted,
    pub dest_domestic: Weighted,
    pub offences: Vec<OffenceRule>,
    pub sources: Vec<SourceRule>,
    /// Per source: which raw fields its house style has (indexed like `render::FIELDS`).
    pub src_has: Vec<Vec<bool>>,
    /// Per source: weighted date spellings of its house style.
    pub src_date_forms: Vec<Weighted>,
}

/// An offence profile with parsed dates and codes.
pub(crate) struct OffenceRule {
    pub scenario: CrimeType,
    pub crime: CrimeType,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub exploitation: Vec<Exploitation>,
    pub weight: f64,
}

/// A source's selection weights, precomputed per district, crime type and sex.
pub(crate) struct SourceRule {
    pub weight: f64,
    pub crime: [f64; 4],
    pub zone: Vec<bool>,
    pub sex_ok: [bool; 3],
    pub fia: bool,
}

impl Tables {
    pub fn new(start: NaiveDate, end: NaiveDate) -> Self {
        let r = reference();
        let w = |toks: &[Tok]| Weighted::new(toks.iter().map(|t| t.w));
        Self {
            male_prefix: w(&r.names.male_prefix),
            male: w(&r.names.male),
            female: w(&r.names.female),
            female_second: w(&r.names.female_second),
            castes: w(&r.names.castes),
            honorific_male: w(&r.names.honorifics_male),
            district_som: Weighted::new(r.districts.iter().map(|d| d.weight_som)),
            district_tip: Weighted::new(r.districts.iter().map(|d| d.weight_tip)),
            nationality: Weighted::new(r.vocab.nationalities.iter().map(|n| n.w)),
            start,
            days: (end - start).num_days().max(0),
            dest_som: Weighted::new(r.vocab.destinations["som"].iter().map(|x| x.1)),
            dest_cross: Weighted::new(r.vocab.destinations["tip_cross"].iter().map(|x| x.1)),
            dest_domestic: Weighted::new(r.vocab.destinations["tip_domestic"].iter().map(|x| x.1)),
            offences: r
                .vocab
                .offences
                .iter()
                .map(|o| {
                    let date = |s: &str| {
                        NaiveDate::parse_from_str(s, "%Y-%m-%d")
                            .expect("offence dates in vocab.json")
                    };
                    OffenceRule {
                        scenario: CrimeType::from_code(&o.scenario)
                            .expect("scenario codes in vocab.json"),
                        crime: CrimeType::from_code(&o.crime).expect("crime codes in vocab.json"),
                        from: date(&o.from),
                        to: date(&o.to),
                        exploitation: o
                            .exploitation
                            .iter()
                            .filter_map(|e| Exploitation::from_code(e))
                            .collect(),
                        weight: o.w,
                    }
                })
                .collect(),
            sources: r
                .sources
                .iter()
                .map(|s| {
                    let c = |k: &str| s.crime.get(k).copied().unwrap_or(0.0);
                    let sex_ok = |k: &str| s.sex.is_empty() || s.sex.iter().any(|x| x == k);
                    SourceRule {
                        weight: s.weight,
                        crime: [c("som"), c("tip"), c("both"), c("other")],
                        zone: r
                            .districts
                            .iter()
                            .map(|d| s.zone.contains(&d.district))
                            .collect(),
                        sex_ok: [sex_ok("male"), sex_ok("female"), sex_ok("transgender")],
                        fia: s.source_type == "fia_circle",
                    }
                })
                .collect(),
            src_has: r
                .sources
                .iter()
                .map(|s| {
                    super::render::FIELDS
                        .iter()
                        .map(|f| s.style.has(f))
                        .collect()
                })
                .collect(),
            src_date_forms: r
                .sources
                .iter()
                .map(|s| Weighted::new(s.style.date_forms.iter().map(|x| x.1)))
                .collect(),
        }
    }
}

/// A name: tokens from the name tables, or a foreign name (Roman, Urdu).
#[derive(Debug, Clone)]
pub(crate) enum Name {
    Tokens(Vec<&'static Tok>),
    Foreign(&'static str, &'static str),
}

impl Name {
    /// The canonical Roman display form.
    pub fn canonical(&self) -> String {
        match self {
            Name::Tokens(t) => {
                let mut out = String::with_capacity(32);
                for (k, t) in t.iter().enumerate() {
                    if k > 0 {
                        out.push(' ');
                    }
                    out.push_str(&t.r);
                }
                out
            }
            Name::Foreign(r, _) => (*r).to_owned(),
        }
    }
}

/// Family-level (and case-level) facts shared by siblings.
#[derive(Debug, Clone)]
pub(crate) struct Family {
    pub anchor: u64,
    pub father: Name,
    pub caste: Option<&'static Tok>,
    pub father_cnic: Option<String>,
    pub nationality: usize,
    pub district: usize,
    pub tehsil: usize,
    pub address_seed: u64,
    pub event_date: NaiveDate,
    /// What happened to the person (som, tip, both, other): drives age, sex, exploitation,
    /// destination and the units that record them.
    pub scenario: CrimeType,
    /// The crime type of the case's law sections under the law table (the truth).
    pub crime: CrimeType,
    pub base_age: i32,
    pub anchor_sex: Sex,
    pub exploitation: Vec<Exploitation>,
    pub case_status: CaseStatus,
    pub offence: usize,
    pub destination: Option<&'static str>,
    /// The victim was moved (or meant to be moved) across the border.
    pub cross_border: bool,
}

/// One synthetic victim with true canonical values.
#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub id: u64,
    pub family: Family,
    pub sex: Sex,
    pub name: Name,
    pub father: Name,
    pub husband: Option<Name>,
    pub honorific: Option<&'static Tok>,
    pub date_of_birth: NaiveDate,
    pub age: i32,
    pub cnic: Option<String>,
    pub phone: Option<String>,
    pub passport: Option<String>,
    pub exploitation: Vec<Exploitation>,
    pub sources: Vec<usize>,
}

fn tok(list: &'static [Tok], w: &Weighted, rng: &mut impl RngCore) -> &'static Tok {
    &list[w.pick(rng)]
}

fn male_name(t: &Tables, rng: &mut impl RngCore, caste: Option<&'static Tok>) -> Vec<&'static Tok> {
    let r = reference();
    let mut parts = Vec::with_capacity(3);
    let x: f64 = rng.random();
    if x < 0.42 {
        parts.push(tok(&r.names.male_prefix[..2], &t.male_prefix, rng));
    }
    parts.push(tok(&r.names.male, &t.male, rng));
    let y: f64 = rng.random();
    if y < 0.35 {
        let second = tok(&r.names.male, &t.male, rng);
        // Compound names (Abdul Rehman, Allah Ditta) stand first, not second.
        if !std::ptr::eq(second, parts[parts.len() - 1]) && !second.r.contains(' ') {
            parts.push(second);
        }
    } else if y < 0.65 {
        if let Some(c) = caste {
            parts.push(c);
        }
    }
    parts
}

fn female_name(t: &Tables, rng: &mut impl RngCore) -> Vec<&'static Tok> {
    let r = reference();
    let first = tok(&r.names.female, &t.female, rng);
    let mut parts = vec![first];
    if rng.random::<f64>() < 0.7 {
        let second = tok(&r.names.female_second, &t.female_second, rng);
        if second.r != first.r {
            parts.push(second);
        }
    }
    parts
}

fn foreign_name(iso: &str, female: bool, rng: &mut impl RngCore) -> Name {
    let r = reference();
    let pool = r
        .names
        .foreign
        .get(iso)
        .or_else(|| r.names.foreign.get("AFG"))
        .expect("foreign names");
    let (roman, urdu) = if female {
        (&pool.female, &pool.urdu_female)
    } else {
        (&pool.male, &pool.urdu_male)
    };
    let i = rng.random_range(0..roman.len());
    Name::Foreign(roman[i].as_str(), urdu.get(i).map_or("", String::as_str))
}

/// A 13-digit CNIC with the district's locality prefix and the sex parity digit.
fn cnic_number(
    prefix3: &str,
    tehsil: usize,
    serial: &str,
    sex: Sex,
    rng: &mut impl RngCore,
) -> String {
    let last = match sex {
        Sex::Male => [1, 3, 5, 7, 9][rng.random_range(0..5)],
        Sex::Female => [2, 4, 6, 8, 0][rng.random_range(0..5)],
        _ => rng.random_range(0..10),
    };
    format!("{prefix3}0{}{serial}{last}", (tehsil % 9) + 1)
}

fn digits(rng: &mut impl RngCore, n: usize) -> String {
    (0..n)
        .map(|_| char::from(b'0' + rng.random_range(0..10u8)))
        .collect()
}

fn crime_draw(rng: &mut impl RngCore) -> CrimeType {
    // FIA-reported victims are SOM-heavy (domain.md 2.3); police and welfare add domestic TIP.
    match pick_slice(&[52.0, 38.0, 6.0, 4.0], rng) {
        0 => CrimeType::Som,
        1 => CrimeType::Tip,
        2 => CrimeType::Both,
        _ => CrimeType::Other,
    }
}

fn base_age(crime: CrimeType, rng: &mut impl RngCore) -> i32 {
    let bands: &[(i32, i32, f64)] = match crime {
        CrimeType::Som => &[
            (15, 17, 8.0),
            (18, 24, 38.0),
            (25, 35, 42.0),
            (36, 50, 12.0),
        ],
        CrimeType::Tip => &[
            (4, 11, 14.0),
            (12, 17, 24.0),
            (18, 25, 28.0),
            (26, 40, 26.0),
            (41, 60, 8.0),
        ],
        CrimeType::Both => &[(15, 17, 10.0), (18, 35, 75.0), (36, 45, 15.0)],
        _ => &[(16, 17, 5.0), (18, 45, 95.0)],
    };
    let mut w = [0.0f64; 8];
    for (slot, b) in w.iter_mut().zip(bands) {
        *slot = b.2;
    }
    let (lo, hi, _) = bands[pick_slice(&w[..bands.len()], rng)];
    rng.random_range(lo..=hi)
}

fn sex_draw(crime: CrimeType, age: i32, rng: &mut impl RngCore) -> Sex {
    let (m, f, t) = match crime {
        CrimeType::Som => (95.0, 5.0, 0.0),
        CrimeType::Tip if age < 18 => (50.0, 50.0, 0.3),
        CrimeType::Tip => (44.0, 54.0, 2.0),
        CrimeType::Both => (80.0, 20.0, 0.0),
        _ => (85.0, 15.0, 0.0),
    };
    match pick_slice(&[m, f, t], rng) {
        0 => Sex::Male,
        1 => Sex::Female,
        _ => Sex::Transgender,
    }
}

fn exploitation_draw(
    crime: CrimeType,
    sex: Sex,
    age: i32,
    rng: &mut impl RngCore,
) -> Vec<Exploitation> {
    use Exploitation as E;
    let child = age < 18;
    let table: &[(E, f64)] = match crime {
        CrimeType::Som | CrimeType::Other => return Vec::new(),
        CrimeType::Both => &[
            (E::ForcedLabour, 50.0),
            (E::SexualExploitation, 20.0),
            (E::DomesticServitude, 15.0),
            (E::Other, 10.0),
            (E::Unknown, 5.0),
        ],
        CrimeType::Tip => match (sex, child) {
            (Sex::Transgender, _) => &[(E::SexualExploitation, 60.0), (E::Begging, 40.0)],
            (Sex::Male, false) => &[
                (E::BondedLabour, 40.0),
                (E::ForcedLabour, 35.0),
                (E::Begging, 5.0),
                (E::ForcedCriminality, 5.0),
                (E::OrganRemoval, 3.0),
                (E::SexualExploitation, 2.0),
                (E::Unknown, 8.0),
                (E::Other, 2.0),
            ],
            (Sex::Male, true) => &[
                (E::ForcedLabour, 22.0),
                (E::BondedLabour, 25.0),
                (E::Begging, 18.0),
                (E::SexualExploitation, 10.0),
                (E::DomesticServitude, 10.0),
                (E::ForcedCriminality, 7.0),
                (E::Unknown, 8.0),
            ],
            (_, false) => &[
                (E::SexualExploitation, 33.0),
                (E::BondedLabour, 18.0),
                (E::ForcedMarriage, 16.0),
                (E::DomesticServitude, 14.0),
                (E::ForcedLabour, 8.0),
                (E::Begging, 3.0),
                (E::OrganRemoval, 1.0),
                (E::Unknown, 7.0),
            ],
            (_, true) => &[
                (E::DomesticServitude, 30.0),
                (E::SexualExploitation, 22.0),
                (E::ForcedMarriage, 12.0),
                (E::Begging, 14.0),
                (E::BondedLabour, 14.0),
                (E::IllegalAdoption, 2.0),
                (E::Unknown, 6.0),
            ],
        },
        _ => return Vec::new(),
    };
    let mut w = [0.0f64; 12];
    for (slot, x) in w.iter_mut().zip(table) {
        *slot = x.1;
    }
    let w = &w[..table.len()];
    let first = table[pick_slice(w, rng)].0;
    let mut out = vec![first];
    if first != E::Unknown && rng.random::<f64>() < 0.1 {
        let second = table[pick_slice(w, rng)].0;
        if second != first && second != E::Unknown {
            out.push(second);
        }
    }
    out
}

fn status_draw(event: NaiveDate, end: NaiveDate, rng: &mut impl RngCore) -> CaseStatus {
    use CaseStatus as C;
    let old = (end - event).num_days() > 540;
    let w: [f64; 7] = if old {
        [10.0, 28.0, 24.0, 12.0, 9.0, 15.0, 2.0]
    } else {
        [45.0, 28.0, 6.0, 3.0, 8.0, 7.0, 3.0]
    };
    [
        C::Investigation,
        C::Prosecution,
        C::Convicted,
        C::Acquitted,
        C::Absconding,
        C::Closed,
        C::Unknown,
    ][pick_slice(&w, rng)]
}

fn pick_destination(key: &str, w: &Weighted, rng: &mut impl RngCore) -> &'static str {
    reference().vocab.destinations[key][w.pick(rng)].0.as_str()
}

fn district_for_foreigner(iso: &str, rng: &mut impl RngCore) -> usize {
    let r = reference();
    let names: &[&str] = match iso {
        "AFG" => &[
            "Quetta",
            "Peshawar",
            "Karachi East",
            "Pishin",
            "Killa Abdullah",
            "Islamabad",
            "Karachi West",
        ],
        "BGD" | "MMR" => &[
            "Karachi East",
            "Korangi",
            "Karachi West",
            "Keamari",
            "Malir",
        ],
        "IRN" => &["Quetta", "Chagai", "Kech", "Gwadar"],
        _ => &["Lahore", "Karachi South", "Islamabad"],
    };
    let name = choose(rng, names);
    r.districts
        .iter()
        .position(|d| d.district == *name)
        .unwrap_or(0)
}

/// The family facts of the family whose first member is `anchor`.
pub(crate) fn family(options: &SynthOptions, t: &Tables, anchor: u64) -> Family {
    let r = reference();
    let mut rng = rng_for(options.seed, anchor, Stream::Family);
    let scenario = crime_draw(&mut rng);
    let nationality = t.nationality.pick(&mut rng);
    let iso = r.vocab.nationalities[nationality].iso.as_str();
    let pakistani = iso == "PAK";
    let district = if pakistani {
        match scenario {
            CrimeType::Som | CrimeType::Both | CrimeType::Other => t.district_som.pick(&mut rng),
            _ => t.district_tip.pick(&mut rng),
        }
    } else {
        district_for_foreigner(iso, &mut rng)
    };
    let d = &r.districts[district];
    let n_tehsils = d.tehsils.split('|').count().max(1);
    let tehsil = rng.random_range(0..n_tehsils);
    let caste = if pakistani && rng.random::<f64>() < 0.55 {
        Some(tok(&r.names.castes, &t.castes, &mut rng))
    } else {
        None
    };
    let father = if pakistani {
        Name::Tokens(male_name(t, &mut rng, caste))
    } else {
        foreign_name(iso, false, &mut rng)
    };
    let father_cnic = pakistani.then(|| {
        cnic_number(
            &d.cnic_prefix,
            tehsil,
            &digits(&mut rng, 7),
            Sex::Male,
            &mut rng,
        )
    });
    let event_date = t.start + chrono::Duration::days(rng.random_range(0..=t.days));
    let end = t.start + chrono::Duration::days(t.days);
    let base_age = base_age(scenario, &mut rng);
    let anchor_sex = sex_draw(scenario, base_age, &mut rng);
    let exploitation = exploitation_draw(scenario, anchor_sex, base_age, &mut rng);
    let offence = offence_for(
        t,
        scenario,
        exploitation.first().copied(),
        event_date,
        &mut rng,
    );
    let case_status = status_draw(event_date, end, &mut rng);
    let cross_border = scenario != CrimeType::Tip || rng.random::<f64>() < 0.3;
    let destination = match scenario {
        CrimeType::Som | CrimeType::Both => Some(pick_destination("som", &t.dest_som, &mut rng)),
        CrimeType::Tip if cross_border => {
            Some(pick_destination("tip_cross", &t.dest_cross, &mut rng))
        }
        CrimeType::Tip => Some(pick_destination("tip_domestic", &t.dest_domestic, &mut rng)),
        _ if rng.random::<f64>() < 0.5 => Some(pick_destination("som", &t.dest_som, &mut rng)),
        _ => None,
    };
    Family {
        anchor,
        father,
        caste,
        father_cnic,
        nationality,
        district,
        tehsil,
        address_seed: rng.next_u64(),
        event_date,
        scenario,
        crime: t.offences[offence].crime,
        base_age,
        anchor_sex,
        exploitation,
        case_status,
        offence,
        destination,
        cross_border,
    }
}

fn sibling_flag(options: &SynthOptions, i: u64) -> bool {
    i > 0 && rng_for(options.seed, i, Stream::SiblingFlag).random::<f64>() < options.share_siblings
}

/// The first member of person `i`'s family (families hold at most four persons).
pub(crate) fn anchor_of(options: &SynthOptions, i: u64) -> u64 {
    let mut j = i;
    while j > 0 && i - j < 3 && sibling_flag(options, j) {
        j -= 1;
    }
    j
}

/// Offence profile (law sections) consistent with the scenario, exploitation and date.
fn offence_for(
    t: &Tables,
    scenario: CrimeType,
    first: Option<Exploitation>,
    date: NaiveDate,
    rng: &mut impl RngCore,
) -> usize {
    let mut w = [0.0f64; 32];
    for (k, o) in t.offences.iter().enumerate().take(32) {
        let ok_expl =
            o.exploitation.is_empty() || first.is_some_and(|e| o.exploitation.contains(&e));
        if o.scenario == scenario && o.from <= date && date < o.to && ok_expl {
            // Specific sections (PPC 371-A for sexual exploitation, BLSA for bonded labour) are
            // preferred when they fit.
            w[k] = o.weight * if o.exploitation.is_empty() { 1.0 } else { 3.0 };
        }
    }
    pick_slice(&w[..t.offences.len().min(32)], rng)
}

/// The sources that recorded a person: one, or for a share of persons two to four.
fn sources_for(
    options: &SynthOptions,
    t: &Tables,
    fam: &Family,
    sex: Sex,
    rng: &mut impl RngCore,
) -> Vec<usize> {
    let crime_k = crime_slot(fam.scenario);
    let sex_k = match sex {
        Sex::Male => 0,
        Sex::Female => 1,
        _ => 2,
    };
    // PTPA s.8: the FIA investigates trafficking only across the border; police the rest.
    let domestic_tip = fam.scenario == CrimeType::Tip && !fam.cross_border;
    let mut weights = [0.0f64; 32];
    let n = t.sources.len().min(32);
    for (k, s) in t.sources.iter().enumerate().take(n) {
        let mut w = s.weight * s.crime[crime_k];
        if domestic_tip && s.fia {
            w *= 0.1;
        }
        w *= if s.zone[fam.district] {
            1.0
        } else if s.fia {
            0.03
        } else {
            0.004
        };
        weights[k] = if s.sex_ok[sex_k] { w } else { 0.0 };
    }
    let k = if rng.random::<f64>() < options.share_multi_source {
        [2, 2, 2, 2, 2, 2, 3, 3, 3, 4][rng.random_range(0..10)]
    } else {
        1
    };
    let mut out = Vec::with_capacity(k);
    for _ in 0..k {
        if weights[..n].iter().all(|w| *w <= 0.0) {
            break;
        }
        let s = pick_slice(&weights[..n], rng);
        out.push(s);
        weights[s] = 0.0;
    }
    out
}

fn crime_slot(c: CrimeType) -> usize {
    match c {
        CrimeType::Som => 0,
        CrimeType::Tip => 1,
        CrimeType::Both => 2,
        _ => 3,
    }
}

/// Person `i`, with family facts from its family's first member.
pub(crate) fn person(options: &SynthOptions, t: &Tables, i: u64, fam: &Family) -> Person {
    let r = reference();
    let mut rng = rng_for(options.seed, i, Stream::Person);
    let iso = r.vocab.nationalities[fam.nationality].iso.as_str();
    let pakistani = iso == "PAK";
    let sibling_rank = i - fam.anchor;
    let age = if sibling_rank == 0 {
        fam.base_age
    } else {
        let off = rng.random_range(1..=6) * if rng.random::<bool>() { 1 } else { -1 };
        (fam.base_age + off).clamp(3, 70)
    };
    let sex = if sibling_rank == 0 {
        fam.anchor_sex
    } else {
        sex_draw(fam.scenario, age, &mut rng)
    };
    let mut father = fam.father.clone();
    let mut name = if pakistani {
        match sex {
            Sex::Female => Name::Tokens(female_name(t, &mut rng)),
            _ => Name::Tokens(male_name(t, &mut rng, fam.caste)),
        }
    } else {
        foreign_name(iso, sex == Sex::Female, &mut rng)
    };
    // Namesakes: (name, father's name) from a small shared pool, so distinct persons share both.
    if pakistani && sibling_rank == 0 && rng.random::<f64>() < options.share_namesakes {
        // The pool grows with the index (not with n_persons) so that a larger run keeps the
        // persons of a smaller one; about two namesakes share each entry.
        let pool_size = ((i as f64 * options.share_namesakes / 2.0).ceil() as u64).max(1);
        let k = rng.random_range(0..pool_size);
        let mut pool = rng_for(options.seed, k, Stream::NamesakePool);
        let pool_female = female_name(t, &mut pool);
        let pool_male = male_name(t, &mut pool, None);
        let pool_father = male_name(t, &mut pool, None);
        name = Name::Tokens(if sex == Sex::Female {
            pool_female
        } else {
            pool_male
        });
        father = Name::Tokens(pool_father);
    }
    let husband = (sex == Sex::Female && age >= 19 && rng.random::<f64>() < 0.65).then(|| {
        if pakistani {
            Name::Tokens(male_name(t, &mut rng, None))
        } else {
            foreign_name(iso, false, &mut rng)
        }
    });
    let honorific = match sex {
        Sex::Male if rng.random::<f64>() < 0.5 => {
            let caste_h = fam
                .caste
                .map(|c| c.honorific.as_str())
                .filter(|h| !h.is_empty());
            match caste_h {
                Some(h) => r.names.honorifics_male.iter().find(|x| x.r == h),
                None => Some(tok(&r.names.honorifics_male, &t.honorific_male, &mut rng)),
            }
        }
        _ => None,
    };
    let year_day = rng.random_range(0..365);
    let birth_year = fam.event_date.year() - age - 1;
    let mut dob = NaiveDate::from_yo_opt(birth_year, 1).expect("valid year")
        + chrono::Duration::days(year_day);
    // keep the age at the event exact
    while age_at(dob, fam.event_date) > age {
        dob += chrono::Duration::days(30);
    }
    while age_at(dob, fam.event_date) < age {
        dob -= chrono::Duration::days(30);
    }
    let d = &r.districts[fam.district];
    let cnic = if !pakistani {
        None
    } else if age < 18 {
        // B-Form / CRC: same number format, shares the family's locality and serial stem.
        (rng.random::<f64>() < 0.35).then(|| {
            let stem = fam
                .father_cnic
                .as_deref()
                .map_or_else(|| digits(&mut rng, 5), |c| c[5..10].to_owned());
            let serial = format!("{stem}{}", digits(&mut rng, 2));
            cnic_number(&d.cnic_prefix, fam.tehsil, &serial, sex, &mut rng)
        })
    } else if rng.random::<f64>() < 0.97 {
        if sibling_rank > 0 {
            let stem = fam
                .father_cnic
                .as_deref()
                .map_or_else(|| digits(&mut rng, 5), |c| c[5..10].to_owned());
            let serial = format!("{stem}{}", digits(&mut rng, 2));
            Some(cnic_number(
                &d.cnic_prefix,
                fam.tehsil,
                &serial,
                sex,
                &mut rng,
            ))
        } else {
            let prefix = if rng.random::<f64>() < 0.9 {
                d.cnic_prefix.clone()
            } else {
                r.districts[rng.random_range(0..r.districts.len())]
                    .cnic_prefix
                    .clone()
            };
            Some(cnic_number(
                &prefix,
                rng.random_range(0..4),
                &digits(&mut rng, 7),
                sex,
                &mut rng,
            ))
        }
    } else {
        None
    };
    let phone =
        (rng.random::<f64>() < if pakistani { 0.8 } else { 0.4 }).then(|| phone_number(&mut rng));
    let travels = fam.cross_border && fam.scenario != CrimeType::Other;
    let passport = (travels && rng.random::<f64>() < 0.75 && age >= 14).then(|| {
        let a = char::from(b'A' + rng.random_range(0..26u8));
        let b = char::from(b'A' + rng.random_range(0..26u8));
        format!("{a}{b}{}", digits(&mut rng, 7))
    });
    // Siblings share the case; their own form of exploitation depends on their sex and age.
    let exploitation = if sibling_rank == 0 {
        fam.exploitation.clone()
    } else {
        exploitation_draw(fam.scenario, sex, age, &mut rng)
    };
    let sources = sources_for(options, t, fam, sex, &mut rng);
    Person {
        id: i,
        family: fam.clone(),
        sex,
        name,
        father,
        husband,
        honorific,
        date_of_birth: dob,
        age,
        cnic,
        phone,
        passport,
        exploitation,
        sources,
    }
}

/// A Pakistani mobile number, 10 national digits matching libphonenumber's PK mobile pattern
/// `3(?:[0-247]\d|3[0-79]|55|64)\d{7}`.
fn phone_number(rng: &mut impl RngCore) -> String {
    let op = match rng.random_range(0..10) {
        0..=3 => format!("0{}", rng.random_range(0..10)),
        4 | 5 => format!("4{}", rng.random_range(0..10)),
        6 => format!("1{}", rng.random_range(0..10)),
        7 => format!("2{}", rng.random_range(0..10)),
        8 => format!("3{}", [0, 1, 2, 3, 4, 5, 6, 7, 9][rng.random_range(0..9)]),
        _ => ["55", "64", "70", "71"][rng.random_range(0..4)].to_owned(),
    };
    format!("3{op}{}", digits(rng, 7))
}

/// Completed years between `dob` and `on`.
pub(crate) fn age_at(dob: NaiveDate, on: NaiveDate) -> i32 {
    let mut years = on.year() - dob.year();
    if (on.month(), on.day()) < (dob.month(), dob.day()) {
        years -= 1;
    }
    years
}
