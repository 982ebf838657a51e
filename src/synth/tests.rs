use std::collections::{HashMap, HashSet};

use calamine::{open_workbook, Data, Reader, Xlsx};

use super::*;
use crate::control::{FlagControl, NoControl};

fn opts(n: usize, seed: u64) -> SynthOptions {
    SynthOptions {
        n_persons: n,
        seed,
        ..SynthOptions::default()
    }
}

fn strs<'a>(t: &'a Table, name: &str) -> &'a [Option<String>] {
    t.str_column(name).unwrap()
}

fn ints<'a>(t: &'a Table, name: &str) -> &'a [Option<i64>] {
    match &t.column(name).unwrap().data {
        ColumnData::Int(v) => v,
        other => panic!("{name} is {}", other.type_name()),
    }
}

fn lists<'a>(t: &'a Table, name: &str) -> &'a [Option<Vec<String>>] {
    match &t.column(name).unwrap().data {
        ColumnData::StrList(v) => v,
        other => panic!("{name} is {}", other.type_name()),
    }
}

fn noise_has(t: &Table, i: usize, code: &str) -> bool {
    lists(t, "true_noise")[i]
        .as_ref()
        .is_some_and(|v| v.iter().any(|c| c == code))
}

fn ascii_digits(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '0'..='9' => Some(c),
            '۰'..='۹' => char::from_digit(c as u32 - '۰' as u32, 10),
            _ => None,
        })
        .collect()
}

#[test]
fn columns_are_the_canonical_raw_fields_then_truth() {
    let t = circle_returns(&opts(50, 3), &NoControl).unwrap();
    let mut expected = raw_columns();
    expected.extend(TRUTH_COLUMNS);
    assert_eq!(t.names(), expected);
    for name in raw_columns() {
        assert!(crate::schema::is_canonical(name), "{name}");
    }
}

#[test]
fn same_seed_same_table_other_seed_other_table() {
    let a = circle_returns(&opts(400, 11), &NoControl).unwrap();
    let b = circle_returns(&opts(400, 11), &NoControl).unwrap();
    let c = circle_returns(&opts(400, 12), &NoControl).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn thread_count_does_not_change_the_output() {
    let o = opts(3000, 5);
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| circle_returns(&o, &NoControl).unwrap())
    };
    let one = run(1);
    assert_eq!(one, run(3));
    assert_eq!(one, run(8));
}

#[test]
fn more_persons_keep_the_first_persons() {
    // Persons are pure functions of (seed, index): a larger run contains the smaller one.
    let small = circle_returns(&opts(200, 9), &NoControl).unwrap();
    let large = circle_returns(&opts(400, 9), &NoControl).unwrap();
    let key = |t: &Table| -> HashSet<(i64, String)> {
        ints(t, "true_person_id")
            .iter()
            .zip(strs(t, "true_name"))
            .filter(|(p, _)| p.unwrap() < 150)
            .map(|(p, n)| (p.unwrap(), n.clone().unwrap()))
            .collect()
    };
    assert_eq!(key(&small), key(&large));
}

#[test]
fn true_cnics_have_province_digit_and_sex_parity() {
    let t = circle_returns(&opts(4000, 1), &NoControl).unwrap();
    let mut checked = 0;
    for (cnic, sex) in strs(&t, "true_cnic").iter().zip(strs(&t, "true_sex")) {
        let Some(c) = cnic else { continue };
        assert_eq!(c.len(), 13);
        assert!(c.bytes().all(|b| b.is_ascii_digit()));
        assert!((b'1'..=b'8').contains(&c.as_bytes()[0]), "province digit");
        let last = c.as_bytes()[12] - b'0';
        match sex.as_deref() {
            Some("male") => assert_eq!(last % 2, 1),
            Some("female") => assert_eq!(last % 2, 0),
            _ => {}
        }
        checked += 1;
    }
    assert!(checked > 2000);
}

#[test]
fn truth_is_recoverable_where_no_noise_touched_the_cnic() {
    let t = circle_returns(&opts(3000, 2), &NoControl).unwrap();
    let mut checked = 0;
    for i in 0..t.height() {
        let (Some(cell), Some(truth)) = (&strs(&t, "cnic")[i], &strs(&t, "true_cnic")[i]) else {
            continue;
        };
        let noise = lists(&t, "true_noise")[i].as_ref().unwrap();
        if noise
            .iter()
            .any(|c| c.starts_with("cnic.") && c != "cnic.urdu_digits")
        {
            continue;
        }
        assert_eq!(&ascii_digits(cell), truth, "record {i}");
        checked += 1;
    }
    assert!(checked > 1000);
}

#[test]
fn ages_and_dates_agree_with_truth() {
    let t = circle_returns(&opts(2000, 4), &NoControl).unwrap();
    for i in 0..t.height() {
        let dob = chrono::NaiveDate::parse_from_str(
            strs(&t, "true_date_of_birth")[i].as_ref().unwrap(),
            "%Y-%m-%d",
        )
        .unwrap();
        let date = chrono::NaiveDate::parse_from_str(
            strs(&t, "true_date")[i].as_ref().unwrap(),
            "%Y-%m-%d",
        )
        .unwrap();
        assert_eq!(
            i64::from(person::age_at(dob, date)),
            ints(&t, "true_age")[i].unwrap()
        );
        let age = ints(&t, "true_age")[i].unwrap();
        if let Some(a) = &strs(&t, "age")[i] {
            if !noise_has(&t, i, "age.approx")
                && !noise_has(&t, i, "age.range")
                && !noise_has(&t, i, "age.minor")
            {
                assert_eq!(ascii_digits(a), age.to_string(), "record {i}: {a}");
            }
        }
    }
}

#[test]
fn children_carry_a_parents_cnic_at_times() {
    let t = circle_returns(&opts(4000, 6), &NoControl).unwrap();
    let n = (0..t.height())
        .filter(|&i| noise_has(&t, i, "cnic.parent"))
        .inspect(|&i| assert!(ints(&t, "true_age")[i].unwrap() < 18))
        .count();
    assert!(n > 20, "{n}");
}

#[test]
#[allow(clippy::needless_range_loop)]
fn look_alikes_exist_namesakes_and_siblings() {
    let t = circle_returns(&opts(20_000, 8), &NoControl).unwrap();
    let ids = ints(&t, "true_person_id");
    // Namesakes: one (name, father's name), several persons.
    let mut by_name: HashMap<(&str, &str), HashSet<i64>> = HashMap::new();
    // Siblings: one father's name and family CNIC stem (locality + first 5 serial digits).
    let mut by_family: HashMap<(&str, &str), HashSet<i64>> = HashMap::new();
    for i in 0..t.height() {
        let name = strs(&t, "true_name")[i].as_deref().unwrap();
        let father = strs(&t, "true_father_name")[i].as_deref().unwrap();
        by_name
            .entry((name, father))
            .or_default()
            .insert(ids[i].unwrap());
        if let Some(c) = strs(&t, "true_cnic")[i].as_deref() {
            by_family
                .entry((father, &c[..10]))
                .or_default()
                .insert(ids[i].unwrap());
        }
    }
    let namesakes = by_name.values().filter(|s| s.len() > 1).count();
    let siblings = by_family.values().filter(|s| s.len() > 1).count();
    assert!(namesakes > 100, "{namesakes}");
    assert!(siblings > 50, "{siblings}");
}

#[test]
fn share_multi_source_is_honoured() {
    for share in [0.0, 0.3] {
        let o = SynthOptions {
            share_multi_source: share,
            ..opts(6000, 10)
        };
        let t = circle_returns(&o, &NoControl).unwrap();
        let mut sources: HashMap<i64, HashSet<&str>> = HashMap::new();
        for (p, s) in ints(&t, "true_person_id").iter().zip(strs(&t, "source")) {
            sources
                .entry(p.unwrap())
                .or_default()
                .insert(s.as_deref().unwrap());
        }
        assert_eq!(sources.len(), 6000);
        let multi = sources.values().filter(|s| s.len() > 1).count() as f64 / 6000.0;
        assert!((multi - share).abs() < 0.03, "share {share}: {multi}");
        assert!(sources.values().all(|s| s.len() <= 4));
        // Every record of a person comes from a different unit.
        assert_eq!(
            t.height(),
            sources.values().map(HashSet::len).sum::<usize>()
        );
    }
}

#[test]
fn som_dominates_and_every_noise_kind_occurs() {
    let t = circle_returns(&opts(20_000, 13), &NoControl).unwrap();
    let mut crimes: HashMap<&str, usize> = HashMap::new();
    for c in strs(&t, "true_crime_type") {
        *crimes.entry(c.as_deref().unwrap()).or_default() += 1;
    }
    // FIA data are smuggling-heavy; before the 2021 Schedule amendment the FIA booked
    // smuggling under the Emigration Ordinance (som_related) and recruitment fraud (s.22).
    let n = |ks: &[&str]| {
        ks.iter()
            .map(|k| crimes.get(k).copied().unwrap_or(0))
            .sum::<usize>()
    };
    assert!(
        n(&["som", "som_related", "migration_fraud"]) > n(&["tip", "tip_related"]),
        "{crimes:?}"
    );
    assert!(crimes["both"] > 0 && crimes["other"] > 0);
    let codes: HashSet<&str> = lists(&t, "true_noise")
        .iter()
        .flatten()
        .flatten()
        .map(String::as_str)
        .collect();
    for code in [
        "name.variant",
        "name.urdu_script",
        "name.honorific",
        "name.parentage_in_name",
        "name.typo",
        "father_name.is_husband",
        "cnic.missing",
        "cnic.typo",
        "cnic.transposition",
        "cnic.digit_dropped",
        "cnic.excel_scientific",
        "cnic.urdu_digits",
        "cnic.parent",
        "date.excel_serial",
        "date.month_first",
        "date.urdu_digits",
        "date.shifted",
        "age.approx",
        "age.range",
        "age.minor",
        "sex.missing",
        "phone.leading_zero_lost",
        "district.variant",
        "district.misspelt",
        "district.tehsil_given",
        "case_status.unit_status",
    ] {
        assert!(codes.contains(code), "{code} never applied");
    }
    let nationalities: HashSet<&str> = strs(&t, "true_nationality")
        .iter()
        .flatten()
        .map(String::as_str)
        .collect();
    assert!(
        nationalities.contains("PAK") && nationalities.contains("AFG") && nationalities.len() >= 5
    );
    let sexes: HashSet<&str> = strs(&t, "true_sex")
        .iter()
        .flatten()
        .map(String::as_str)
        .collect();
    assert_eq!(sexes.len(), 3);
}

#[test]
fn noise_can_be_switched_off() {
    let zero: NoiseRates = serde_json::from_value(serde_json::Value::Object(
        serde_json::to_value(NoiseRates::default())
            .unwrap()
            .as_object()
            .unwrap()
            .keys()
            .map(|k| (k.clone(), serde_json::json!(0.0)))
            .collect(),
    ))
    .unwrap();
    let o = SynthOptions {
        noise: zero,
        ..opts(500, 1)
    };
    let t = circle_returns(&o, &NoControl).unwrap();
    for noise in lists(&t, "true_noise").iter().flatten() {
        for code in noise {
            assert!(![
                "cnic.typo",
                "name.typo",
                "name.variant",
                "age.approx",
                "district.misspelt"
            ]
            .contains(&code.as_str()));
        }
    }
}

#[test]
fn empty_and_invalid_options() {
    let t = circle_returns(&opts(0, 1), &NoControl).unwrap();
    assert_eq!(t.height(), 0);
    assert_eq!(t.columns.len(), 3 + FIELDS.len() + TRUTH_COLUMNS.len());
    let bad = SynthOptions {
        share_multi_source: 1.5,
        ..opts(10, 1)
    };
    assert!(matches!(
        circle_returns(&bad, &NoControl),
        Err(Error::InvalidArgument { .. })
    ));
    let bad = SynthOptions {
        start_date: "1/2/2020".into(),
        ..opts(10, 1)
    };
    let err = circle_returns(&bad, &NoControl).unwrap_err();
    assert!(err.to_string().contains("start_date"), "{err}");
    let noise = NoiseRates {
        cnic_typo: -0.1,
        ..NoiseRates::default()
    };
    let err = circle_returns(
        &SynthOptions {
            noise,
            ..opts(10, 1)
        },
        &NoControl,
    )
    .unwrap_err();
    assert!(err.to_string().contains("noise.cnic_typo"), "{err}");
    let bad = SynthOptions {
        end_date: "2018-01-01".into(),
        ..opts(10, 1)
    };
    assert!(circle_returns(&bad, &NoControl).is_err());
}

#[test]
fn interruption_stops_generation() {
    let c = FlagControl::default();
    c.stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(matches!(
        circle_returns(&opts(100, 1), &c),
        Err(Error::Interrupted)
    ));
}

// ---- writing ----

fn temp_dir(tag: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("tipsom-synth-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn decode(bytes: &[u8], encoding: &str) -> String {
    match encoding {
        "utf-16le" => {
            let units: Vec<u16> = bytes[2..]
                .chunks(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).unwrap()
        }
        "windows-1252" => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
        "utf-8-bom" => String::from_utf8(bytes[3..].to_vec()).unwrap(),
        _ => String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::DateTime(x) => format!("{}", x.as_f64()),
        Data::Empty => String::new(),
        other => format!("{other:?}"),
    }
}

#[test]
fn written_returns_have_every_house_style_feature_and_locations_point_at_records() {
    let t = circle_returns(&opts(3000, 21), &NoControl).unwrap();
    let dir = temp_dir("styles");
    let files = write_returns(&t, &dir, &WriteOptions::default()).unwrap();
    // Writing again without overwrite is refused; with overwrite it succeeds.
    assert!(write_returns(&t, &dir, &WriteOptions::default()).is_err());
    write_returns(&t, &dir, &WriteOptions { overwrite: true }).unwrap();

    let sources: HashSet<&str> = strs(&t, "source")
        .iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let written: HashSet<&str> = files.iter().map(|f| f.source.as_str()).collect();
    assert_eq!(sources, written);
    let located: usize = files.iter().map(|f| f.records.len()).sum();
    assert_eq!(located, t.height(), "every record is written once");

    let row_of: HashMap<&str, usize> = strs(&t, "record_id")
        .iter()
        .enumerate()
        .map(|(i, r)| (r.as_deref().unwrap(), i))
        .collect();
    let names = strs(&t, "name");
    let mut encodings = HashSet::new();
    let mut delimiters = HashSet::new();
    let (
        mut multiline,
        mut numeric_cnic,
        mut date_cells,
        mut merged,
        mut second_sheet,
        mut non_record_sheet,
    ) = (false, false, false, false, false, false);
    for f in &files {
        let bytes = std::fs::read(&f.path).unwrap();
        if f.format == "csv" {
            let enc = f.encoding.clone().unwrap();
            match enc.as_str() {
                "utf-8-bom" => assert_eq!(&bytes[..3], b"\xEF\xBB\xBF"),
                "utf-16le" => assert_eq!(&bytes[..2], b"\xFF\xFE"),
                "windows-1252" => assert!(std::str::from_utf8(&bytes).is_err() || bytes.is_ascii()),
                _ => assert_ne!(&bytes[..3], b"\xEF\xBB\xBF"),
            }
            let text = decode(&bytes, &enc);
            encodings.insert(enc);
            let delim = f.delimiter.clone().unwrap();
            delimiters.insert(delim.clone());
            let rows: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .delimiter(delim.as_bytes()[0])
                .from_reader(text.as_bytes())
                .records()
                .map(Result::unwrap)
                .collect();
            let style = &data::reference()
                .sources
                .iter()
                .find(|s| s.name == f.source)
                .unwrap()
                .style;
            let name_col = style.columns.iter().position(|c| c.0 == "name").unwrap();
            for loc in &f.records {
                let i = row_of[loc.record_id.as_str()];
                let row = &rows[loc.row as usize - 1];
                assert_eq!(
                    row.get(name_col).unwrap_or(""),
                    names[i].as_deref().unwrap_or(""),
                    "{}",
                    loc.record_id
                );
                if row.iter().any(|c| c.contains('\n')) {
                    multiline = true;
                }
            }
            // Title rows name the unit above the header.
            if !style.title_rows.is_empty() {
                assert!(text.lines().next().unwrap().contains(&f.source_title));
            }
        } else {
            let mut wb: Xlsx<_> = open_workbook(&f.path).unwrap();
            assert_eq!(wb.sheet_names(), f.sheets);
            if f.sheets.len() > 1 {
                second_sheet = true;
            }
            let record_sheets: HashSet<&str> = f
                .records
                .iter()
                .filter_map(|l| l.sheet.as_deref())
                .collect();
            if f.sheets.iter().any(|s| !record_sheets.contains(s.as_str())) {
                non_record_sheet = true;
            }
            let style = &data::reference()
                .sources
                .iter()
                .find(|s| s.name == f.source)
                .unwrap()
                .style;
            let name_col = style.columns.iter().position(|c| c.0 == "name").unwrap() as u32;
            let cnic_col = style.columns.iter().position(|c| c.0 == "cnic").unwrap() as u32;
            let date_col = style.columns.iter().position(|c| c.0 == "date").unwrap() as u32;
            let mut ranges = HashMap::new();
            for s in &f.sheets {
                if !wb.merge_cells_by_sheet_name(s).unwrap().is_empty() {
                    merged = true;
                }
                ranges.insert(s.clone(), wb.worksheet_range(s).unwrap());
            }
            for loc in &f.records {
                let range = &ranges[loc.sheet.as_ref().unwrap()];
                let i = row_of[loc.record_id.as_str()];
                let got = range
                    .get_value((loc.row - 1, name_col))
                    .map(cell_text)
                    .unwrap_or_default();
                assert_eq!(
                    got,
                    names[i].clone().unwrap_or_default(),
                    "{}",
                    loc.record_id
                );
                if matches!(
                    range.get_value((loc.row - 1, cnic_col)),
                    Some(Data::Float(_))
                ) {
                    numeric_cnic = true;
                }
                if matches!(
                    range.get_value((loc.row - 1, date_col)),
                    Some(Data::DateTime(_))
                ) {
                    date_cells = true;
                }
            }
            // The first row names the unit.
            let first = &ranges[&f.sheets[0]];
            let top: String = first
                .rows()
                .take(3)
                .flatten()
                .map(cell_text)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(top.contains(&f.source_title), "{top}");
        }
    }
    for e in ["utf-8", "utf-8-bom", "windows-1252", "utf-16le"] {
        assert!(encodings.contains(e), "{e}");
    }
    for d in [",", ";", "\t"] {
        assert!(delimiters.contains(d), "{d:?}");
    }
    assert!(multiline, "a quoted line break in a remarks cell");
    assert!(numeric_cnic, "CNIC stored as a number");
    assert!(date_cells, "dates as Excel date cells");
    assert!(merged, "merged group headers");
    assert!(second_sheet, "a second sheet");
    assert!(non_record_sheet, "a summary or notes sheet");
    // cp1252 files hold no Urdu (they could not) but do hold cp1252 punctuation.
    let khi = files
        .iter()
        .find(|f| f.encoding.as_deref() == Some("windows-1252"))
        .unwrap();
    let text = decode(&std::fs::read(&khi.path).unwrap(), "windows-1252");
    assert!(!text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)));
    // Repeated headers, TOTAL and signature rows appear in the Gujranwala workbook.
    let grw = files
        .iter()
        .find(|f| f.source == "FIA AHTC Gujranwala")
        .unwrap();
    let mut wb: Xlsx<_> = open_workbook(&grw.path).unwrap();
    let range = wb.worksheet_range(&grw.sheets[0]).unwrap();
    let first_cells: Vec<String> = range
        .rows()
        .map(|r| {
            r.iter()
                .take(2)
                .map(cell_text)
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    assert!(
        first_cells
            .iter()
            .filter(|c| c.starts_with("S.No|Victim Name"))
            .count()
            >= 2,
        "repeated header"
    );
    assert!(first_cells.iter().any(|c| c.starts_with("TOTAL")));
    assert!(
        first_cells.iter().any(|c| c.trim_matches('|').is_empty()),
        "blank rows"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn writing_rejects_unknown_sources_without_echoing_values() {
    let mut t = circle_returns(&opts(20, 1), &NoControl).unwrap();
    let n = t.height();
    t.set(Column::text("source", vec![Some("Unknown unit".into()); n]))
        .unwrap();
    let err = write_returns(&t, &temp_dir("bad"), &WriteOptions::default()).unwrap_err();
    assert!(err.to_string().contains("row 1"), "{err}");
}

#[test]
fn law_sections_fit_the_date_of_the_law() {
    // PTPA and PSMA date from 2018 (FIA use of the PSMA from the 2021 Schedule amendment);
    // PACHTO 2002 was repealed by the PTPA (domain.md 1.1-1.3).
    let t = circle_returns(&opts(5000, 17), &NoControl).unwrap();
    let mut seen = 0;
    for (law, date) in strs(&t, "law_sections").iter().zip(strs(&t, "true_date")) {
        let (Some(law), Some(date)) = (law, date) else {
            continue;
        };
        if law.contains("PSMA") || law.contains("Smuggling of Migrants") {
            assert!(date.as_str() >= "2021-06-01", "{law} on {date}");
            seen += 1;
        }
        if law.contains("PTPA") || law.contains("Trafficking in Persons Act") {
            assert!(date.as_str() >= "2018-06-01", "{law} on {date}");
        }
        if law.contains("PACHTO") || law.contains("HTO 2002") || law.contains("Ord. 2002") {
            assert!(date.as_str() < "2018-06-01", "{law} on {date}");
        }
    }
    assert!(seen > 100);
}

/// Every form of every offence profile has the profile's crime type under the shipped law
/// table on every date the profile is used: `true_crime_type` is what the table says.
#[test]
fn offence_forms_have_their_profiles_crime_type_under_the_law_table() {
    use crate::normalize::date::days_from_ymd;
    use crate::normalize::offence::{classify, parse_sections};
    use crate::reference::LawTable;
    use chrono::Datelike;
    let table = LawTable::default_table();
    let days = |d: NaiveDate| days_from_ymd(d.year(), d.month(), d.day());
    let end = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap();
    for o in &data::reference().vocab.offences {
        let from = NaiveDate::parse_from_str(&o.from, "%Y-%m-%d").unwrap();
        let to = NaiveDate::parse_from_str(&o.to, "%Y-%m-%d")
            .unwrap()
            .min(end);
        let last = to.pred_opt().unwrap();
        for form in &o.forms {
            let (codes, _) = parse_sections(form, table);
            assert!(!codes.is_empty(), "{form}");
            for date in [from, last] {
                let (crime, _, _) = classify(&codes, days(date), table);
                assert_eq!(crime.code(), o.crime, "{form} ({codes:?}) on {date}");
            }
        }
    }
}

/// Normalized generated records: where the law sections were written, the crime type the
/// normalizer derives is the true one.
#[test]
fn normalized_crime_types_match_the_truth() {
    use crate::normalize::{normalize_table, Options};
    let t = circle_returns(&opts(3000, 21), &NoControl).unwrap();
    let raw = Table {
        columns: t
            .columns
            .iter()
            .filter(|c| !c.name.starts_with("true_"))
            .cloned()
            .collect(),
    };
    let out = normalize_table(&raw, &Options::default(), &NoControl).unwrap();
    let truth = strs(&t, "true_crime_type");
    let got = strs(&out, "crime_type");
    let sections = strs(&t, "law_sections");
    let mut compared = 0;
    let mut kinds: HashSet<&str> = HashSet::new();
    for i in 0..t.height() {
        if sections[i].is_none() {
            continue;
        }
        compared += 1;
        kinds.insert(truth[i].as_deref().unwrap());
        assert_eq!(got[i], truth[i], "row {i}: {:?}", sections[i]);
    }
    assert!(compared > 2000, "{compared}");
    for k in [
        "som",
        "tip",
        "both",
        "tip_related",
        "som_related",
        "migration_fraud",
        "other",
    ] {
        assert!(kinds.contains(k), "{k} missing from {kinds:?}");
    }
}
