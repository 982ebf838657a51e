//! Fixture tests: the published and R-reference results of `tests/data/mse/` (reference/mse.md
//! §12), with absolute tolerances. Every test first pins the data version (n, and for New
//! Orleans the "C and D only" cell).

use super::select::{select, Method};
use super::table::CaptureTable;
use super::*;
use crate::control::NoControl;

fn load(name: &str) -> CaptureTable {
    let text = match name {
        "Western" => include_str!("../../tests/data/mse/Western.csv"),
        "NewOrl" => include_str!("../../tests/data/mse/NewOrl.csv"),
        "NewOrl_MSE120" => include_str!("../../tests/data/mse/NewOrl_MSE120.csv"),
        "NewOrl_5" => include_str!("../../tests/data/mse/NewOrl_5.csv"),
        "NewOrl_5_MSE120" => include_str!("../../tests/data/mse/NewOrl_5_MSE120.csv"),
        "Korea" => include_str!("../../tests/data/mse/Korea.csv"),
        "Artificial_3" => include_str!("../../tests/data/mse/Artificial_3.csv"),
        _ => unreachable!(),
    };
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap()
        .split(',')
        .map(str::to_owned)
        .collect();
    let t = header.len() - 1;
    let mut lists = vec![Vec::new(); t];
    let mut counts = Vec::new();
    for line in lines.filter(|l| !l.is_empty()) {
        let v: Vec<f64> = line.split(',').map(|x| x.parse().unwrap()).collect();
        for i in 0..t {
            lists[i].push(Some(v[i]));
        }
        counts.push(Some(v[t]));
    }
    CaptureTable::from_rows(header[..t].to_vec(), &lists, &counts, &header[t])
        .unwrap()
        .0
}

/// Bitmask of "lists C and D only" on the eight-list New Orleans tables.
const C_AND_D: usize = 0b1100;

fn pin(table: &CaptureTable, n: f64, t: usize) {
    assert_eq!(table.total(), n, "data version: n");
    assert_eq!(table.lists(), t, "data version: lists");
}

fn run(table: &CaptureTable, method: Method) -> (f64, String) {
    let s = select(table, &method).unwrap();
    (
        s.estimate,
        s.fit
            .map_or_else(String::new, |f| f.model.label(table.names())),
    )
}

fn stepwise() -> Method {
    Method::Stepwise { p_threshold: 0.02 }
}

#[test]
fn western_stepwise_selects_a_e() {
    let t = load("Western");
    pin(&t, 345.0, 5);
    let (est, model) = run(&t, stepwise());
    assert_eq!(model, "A:E");
    assert!((est - 2483.4).abs() < 0.1, "{est}");
}

#[test]
fn new_orleans_185_stepwise_and_normal_interval() {
    let t = load("NewOrl");
    pin(&t, 185.0, 8);
    assert_eq!(t.count(C_AND_D), 1.0);
    let opts = Options {
        method: stepwise(),
        interval: IntervalKind::Auto,
        levels: vec![0.95],
        bootstrap: 0,
        seed: 0,
        n_top: None,
    };
    let e = estimate(&t, &opts, &NoControl).unwrap();
    assert_eq!(e.model.as_ref().unwrap().label, "D:E");
    assert!((e.estimate - 1183.7).abs() < 0.1, "{}", e.estimate);
    let iv = &e.intervals[0];
    assert_eq!(iv.kind, "normal_log_dark");
    assert!((iv.lower - 720.9).abs() < 0.1, "{}", iv.lower);
    assert!((iv.upper.unwrap() - 2046.1).abs() < 0.1, "{:?}", iv.upper);
    // Main effects at any threshold <= 0.01 (CSV 2021): 997 (published integer).
    let (est, model) = run(&t, Method::Stepwise { p_threshold: 0.01 });
    assert_eq!(model, "none");
    assert!((est - 997.0).abs() < 1.0, "{est}");
}

#[test]
fn new_orleans_186_stepwise() {
    let t = load("NewOrl_MSE120");
    pin(&t, 186.0, 8);
    assert_eq!(t.count(C_AND_D), 2.0);
    let (est, model) = run(&t, stepwise());
    assert_eq!(model, "D:E");
    assert!((est - 1110.5).abs() < 0.1, "{est}");
}

#[test]
fn new_orleans_5_stepwise_adds_nothing() {
    let t = load("NewOrl_5");
    pin(&t, 185.0, 5);
    for p in [0.02, 0.05] {
        let (est, model) = run(&t, Method::Stepwise { p_threshold: p });
        assert_eq!(model, "none");
        assert!((est - 1034.2).abs() < 0.1, "{est}");
    }
}

#[test]
fn korea_stepwise_and_bic() {
    let t = load("Korea");
    pin(&t, 123.0, 3);
    let (est, model) = run(&t, stepwise());
    assert_eq!(model, "b:c");
    assert!((est - 268.8).abs() < 0.1, "{est}");
    let (est, model) = run(&t, Method::Bic { max_order: 2 });
    assert_eq!(model, "b:c+c:d");
    assert!((est - 157.2).abs() < 0.1, "{est}");
    // Six of the eight pairwise models are admissible; the two failures are {b:c, b:d} and all pairs.
    let rows = all_models(&t, 2, &NoControl).unwrap();
    assert_eq!(rows.len(), 8);
    let failing: Vec<(&str, u8)> = rows
        .iter()
        .filter(|r| r.check != 0)
        .map(|r| (r.label.as_str(), r.check))
        .collect();
    assert_eq!(failing, vec![("b:c+b:d", 1), ("b:c+b:d+c:d", 1)]);
}

#[test]
fn new_orleans_5_186_best_bic_is_main_effects() {
    let t = load("NewOrl_5_MSE120");
    pin(&t, 186.0, 5);
    let s = select(&t, &Method::Bic { max_order: 4 }).unwrap();
    let fit = s.fit.unwrap();
    assert_eq!(fit.model.mse_string(), "[1,2,3,4,5]");
    assert!((s.estimate - 981.4).abs() < 0.1, "{}", s.estimate);
}

#[test]
fn artificial_3_codes_from_the_fixture() {
    let t = load("Artificial_3");
    pin(&t, 96.0, 3);
    assert_eq!(check(&t, &[0b011, 0b101, 0b110]).unwrap(), 2); // "[12,13,23]"
    assert_eq!(check(&t, &[0b011]).unwrap(), 1); // "[12,3]"
    assert_eq!(check(&t, &[0b101, 0b110]).unwrap(), 0); // "[13,23,1,2]"
}

#[test]
fn chao_on_western() {
    let t = load("Western");
    let (est, _) = run(
        &t,
        Method::Chao {
            bias_corrected: false,
        },
    );
    assert!((est - 2813.67).abs() < 0.01, "{est}");
    let (est, _) = run(
        &t,
        Method::Chao {
            bias_corrected: true,
        },
    );
    assert!((est - 2694.14).abs() < 0.01, "{est}");
}

fn acceleration(name: &str) -> f64 {
    let t = load(name);
    let jack = bootstrap::jackknife(&t, &NoControl, |x| {
        select::estimate_value(x, &stepwise()).unwrap()
    })
    .unwrap();
    let counts: Vec<f64> = jack.iter().map(|j| j.1).collect();
    let theta: Vec<f64> = jack.iter().map(|j| j.2).collect();
    interval::jackknife_acceleration(&counts, &theta)
}

#[test]
fn jackknife_acceleration_matches_sparsemse() {
    for (name, want) in [
        ("Western", -0.09501),
        ("NewOrl_5", -0.05516),
        ("NewOrl", -0.02933),
    ] {
        let a = acceleration(name);
        assert!((a - want).abs() < 1e-5, "{name}: {a} vs {want}");
    }
}
