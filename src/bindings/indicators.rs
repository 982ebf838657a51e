//! Bindings for indicators: intervals, disclosure control and TIP/SOM classification.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3_arrow::PyTable;

use crate::error::Error;
use crate::indicators::{classify, intervals, suppression};

use super::convert::{table_from_arrow, table_to_arrow};
use super::runtime::compute;

fn non_negative(values: &[i64], name: &str) -> Result<Vec<u64>, Error> {
    values
        .iter()
        .map(|&v| {
            u64::try_from(v).map_err(|_| Error::invalid_argument(name, "non-negative counts", v))
        })
        .collect()
}

/// Exact (Garwood) Poisson intervals for counts: `(lower, upper)` lists.
#[pyfunction]
#[pyo3(signature = (counts, confidence=0.95))]
fn poisson_interval(
    py: Python<'_>,
    counts: Vec<i64>,
    confidence: f64,
) -> PyResult<(Vec<f64>, Vec<f64>)> {
    compute(py, None, move |_| {
        let counts = non_negative(&counts, "counts")?;
        let mut lower = Vec::with_capacity(counts.len());
        let mut upper = Vec::with_capacity(counts.len());
        for k in counts {
            let (l, u) = intervals::poisson_interval(k, confidence)?;
            lower.push(l);
            upper.push(u);
        }
        Ok((lower, upper))
    })
}

/// Wilson score intervals for shares `successes / trials`: `(lower, upper)` lists.
#[pyfunction]
#[pyo3(signature = (successes, trials, confidence=0.95))]
fn wilson_interval(
    py: Python<'_>,
    successes: Vec<i64>,
    trials: Vec<i64>,
    confidence: f64,
) -> PyResult<(Vec<f64>, Vec<f64>)> {
    compute(py, None, move |_| {
        if successes.len() != trials.len() {
            return Err(Error::invalid_argument(
                "trials",
                format!("{} values, one per share", successes.len()),
                trials.len(),
            ));
        }
        let s = non_negative(&successes, "successes")?;
        let t = non_negative(&trials, "trials")?;
        let mut lower = Vec::with_capacity(s.len());
        let mut upper = Vec::with_capacity(s.len());
        for (x, n) in s.into_iter().zip(t) {
            let (l, u) = intervals::wilson_interval(x, n, confidence)?;
            lower.push(l);
            upper.push(u);
        }
        Ok((lower, upper))
    })
}

/// Suppression pattern of a `rows × columns` table (row-major counts) published with margins.
#[pyfunction]
fn suppress_table<'py>(
    py: Python<'py>,
    values: Vec<i64>,
    rows: usize,
    columns: usize,
    threshold: i64,
) -> PyResult<Bound<'py, PyDict>> {
    let pattern = compute(py, None, move |_| {
        suppression::suppress_table(&values, rows, columns, threshold)
    })?;
    let codes = |v: &[suppression::CellStatus]| v.iter().map(|s| s.code()).collect::<Vec<_>>();
    let out = PyDict::new(py);
    out.set_item("cells", codes(&pattern.cells))?;
    out.set_item("row_totals", codes(&pattern.row_totals))?;
    out.set_item("column_totals", codes(&pattern.column_totals))?;
    out.set_item("grand_total", pattern.grand_total.code())?;
    Ok(out)
}

/// Counts rounded to a multiple of `base` (non-zero counts never shown as zero).
#[pyfunction]
fn round_to_base(py: Python<'_>, values: Vec<i64>, base: i64) -> PyResult<Vec<i64>> {
    compute(py, None, move |_| suppression::round_to_base(&values, base))
}

/// TIP / SOM / both / neither for a frame of case elements.
#[pyfunction]
fn classify_cases(py: Python<'_>, cases: PyTable) -> PyResult<PyTable> {
    let out = compute(py, None, move |_| {
        let table = table_from_arrow(cases)?;
        classify::classify_table(&table)
    })?;
    table_to_arrow(&out)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(poisson_interval, m)?)?;
    m.add_function(wrap_pyfunction!(wilson_interval, m)?)?;
    m.add_function(wrap_pyfunction!(suppress_table, m)?)?;
    m.add_function(wrap_pyfunction!(round_to_base, m)?)?;
    m.add_function(wrap_pyfunction!(classify_cases, m)?)?;
    Ok(())
}
