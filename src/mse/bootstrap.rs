//! Nonparametric bootstrap with model reselection, and the leave-one-case-out jackknife.
//!
//! CSV 2021 §3.3 (SparseMSE `estimatepopulation`): each replicate resamples the n observed cases
//! with replacement (`y* ~ Multinomial(n, y/n)`) and reruns the whole estimator, model selection
//! included. Replicates run in parallel; replicate b draws from its own PCG stream derived from
//! `(seed, b)`, so results do not depend on the number of threads or on scheduling.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64;

use super::table::CaptureTable;
use crate::control::{map_chunks, Control};
use crate::error::Result;

fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The random stream of replicate `b` under `seed`.
pub fn replicate_rng(seed: u64, b: u64) -> Pcg64 {
    Pcg64::seed_from_u64(splitmix64(seed ^ splitmix64(b.wrapping_add(0x5EED))))
}

/// Resample the cases of `table` with replacement (same total).
pub fn resample(table: &CaptureTable, rng: &mut impl Rng) -> CaptureTable {
    let counts = table.counts();
    let cells: Vec<usize> = (1..counts.len()).filter(|&h| counts[h] > 0.0).collect();
    let mut cum = Vec::with_capacity(cells.len());
    let mut acc = 0u64;
    for &h in &cells {
        acc += counts[h] as u64;
        cum.push(acc);
    }
    let mut out = vec![0.0; counts.len()];
    for _ in 0..acc {
        let u = rng.random_range(0..acc);
        let k = cum.partition_point(|&c| c <= u);
        out[cells[k]] += 1.0;
    }
    table.with_counts(out)
}

/// Run `estimator` on `replicates` bootstrap resamples of `table`, in parallel.
///
/// # Errors
/// [`crate::Error::Interrupted`] from `control`.
pub fn bootstrap<R, F>(
    table: &CaptureTable,
    replicates: usize,
    seed: u64,
    control: &dyn Control,
    estimator: F,
) -> Result<Vec<R>>
where
    R: Send,
    F: Fn(&CaptureTable) -> R + Sync,
{
    let ids: Vec<u64> = (0..replicates as u64).collect();
    let chunk = (rayon::current_num_threads() * 8).max(16);
    map_chunks(&ids, chunk, "bootstrap", control, |&b| {
        let mut rng = replicate_rng(seed, b);
        estimator(&resample(table, &mut rng))
    })
}

/// Leave one case out of each distinct observed history: returns `(history, count, estimate)`.
///
/// # Errors
/// [`crate::Error::Interrupted`] from `control`.
pub fn jackknife<R, F>(
    table: &CaptureTable,
    control: &dyn Control,
    estimator: F,
) -> Result<Vec<(usize, f64, R)>>
where
    R: Send,
    F: Fn(&CaptureTable) -> R + Sync,
{
    let cells: Vec<usize> = (1..table.cells())
        .filter(|&h| table.count(h) > 0.0)
        .collect();
    map_chunks(&cells, 64, "jackknife", control, |&h| {
        let mut counts = table.counts().to_vec();
        counts[h] -= 1.0;
        (h, table.count(h), estimator(&table.with_counts(counts)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::control::NoControl;

    #[test]
    fn resample_keeps_total_and_support() {
        let mut c = vec![0.0; 8];
        c[1] = 10.0;
        c[3] = 5.0;
        c[7] = 1.0;
        let t = CaptureTable::from_cells(vec!["A".into(), "B".into(), "C".into()], c).unwrap();
        let mut rng = replicate_rng(1, 0);
        let r = resample(&t, &mut rng);
        assert_eq!(r.total(), 16.0);
        assert!(r
            .counts()
            .iter()
            .enumerate()
            .all(|(h, v)| *v == 0.0 || t.count(h) > 0.0));
    }

    #[test]
    fn same_seed_same_replicates_any_thread_count() {
        let mut c = vec![0.0; 4];
        c[1] = 30.0;
        c[2] = 20.0;
        c[3] = 7.0;
        let t = CaptureTable::from_cells(vec!["A".into(), "B".into()], c).unwrap();
        let f = |x: &CaptureTable| x.count(3);
        let a = bootstrap(&t, 100, 42, &NoControl, f).unwrap();
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let b = pool.install(|| bootstrap(&t, 100, 42, &NoControl, f).unwrap());
        assert_eq!(a, b);
        let c2 = bootstrap(&t, 100, 43, &NoControl, f).unwrap();
        assert_ne!(a, c2);
    }
}
