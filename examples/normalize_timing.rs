//! Times `normalize_table` stage by stage on a CSV of raw records (development aid).
//!
//! `cargo run --release --example normalize_timing -- records.csv`: reads every column as
//! text, then prints the seconds (and the process's CPU seconds so far) at the progress
//! checkpoints that start and end each stage: distinct values, their parsing (codes, names,
//! dates and identifiers), pairs and addresses, rows, record ids, and the owned output.

use std::sync::Mutex;
use std::time::Instant;

use tipsom::control::Control;
use tipsom::normalize::{normalize_table, Options};
use tipsom::table::{Column, ColumnData, Table};

struct Timer {
    last: Mutex<(Instant, String)>,
}

impl Control for Timer {
    fn checkpoint(&self, stage: &str, done: u64, total: Option<u64>) -> tipsom::Result<()> {
        let mut g = self.last.lock().unwrap();
        if g.1 != stage || done == 0 || Some(done) == total {
            let now = Instant::now();
            eprintln!(
                "{:<12} {done:>8} {:>8.3}s  cpu {:>6.2}s",
                g.1,
                (now - g.0).as_secs_f64(),
                cpu_seconds()
            );
            *g = (now, stage.to_owned());
        }
        Ok(())
    }
}

/// CPU seconds of the process so far (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = after.split_whitespace().collect();
    let t = |i: usize| f.get(i).and_then(|x| x.parse::<f64>().ok()).unwrap_or(0.0);
    (t(11) + t(12)) / 100.0
}

fn main() {
    let path = std::env::args().nth(1).expect("a CSV path");
    let mut reader = csv::Reader::from_path(&path).expect("readable CSV");
    let names: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let mut cols: Vec<Vec<Option<String>>> = vec![Vec::new(); names.len()];
    for rec in reader.records() {
        let rec = rec.unwrap();
        for (c, v) in cols.iter_mut().zip(rec.iter()) {
            c.push((!v.is_empty()).then(|| v.to_owned()));
        }
    }
    let table = Table::new(
        names
            .into_iter()
            .zip(cols)
            .map(|(n, c)| Column::new(n, ColumnData::Str(c)))
            .collect(),
    )
    .unwrap();
    let n = table.height();
    for _ in 0..2 {
        let timer = Timer {
            last: Mutex::new((Instant::now(), "start".into())),
        };
        let t = Instant::now();
        let out = normalize_table(
            &table,
            &Options {
                typed_only: true,
                ..Options::default()
            },
            &timer,
        )
        .unwrap();
        timer.checkpoint("end", 0, None).unwrap();
        let s = t.elapsed().as_secs_f64();
        eprintln!(
            "{n} rows, {} columns: {s:.3}s, {:.0} rows/s",
            out.columns.len(),
            n as f64 / s
        );
    }
}
