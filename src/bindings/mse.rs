//! Bindings for multiple systems estimation (`tipsom.mse`).
//!
//! Capture-history tables are tiny (at most a few thousand rows), so they cross as plain lists
//! of numbers; options come in and results go out as JSON (serde), which keeps one definition
//! of every field on the Rust side.

use pyo3::prelude::*;

use crate::error::Error;
use crate::mse::table::CaptureTable;
use crate::mse::{self, Options};

use super::runtime::compute;

type Columns = Vec<Vec<Option<f64>>>;

fn build(
    names: Vec<String>,
    lists: &Columns,
    counts: &[Option<f64>],
    count_name: &str,
) -> crate::error::Result<(CaptureTable, Vec<mse::table::Notice>)> {
    CaptureTable::from_rows(names, lists, counts, count_name)
}

/// Estimate the population from a capture-history table; returns the result as JSON.
#[pyfunction]
#[pyo3(signature = (names, lists, counts, count_name, options_json, progress=None))]
fn mse_estimate(
    py: Python<'_>,
    names: Vec<String>,
    lists: Columns,
    counts: Vec<Option<f64>>,
    count_name: String,
    options_json: String,
    progress: Option<Py<PyAny>>,
) -> PyResult<String> {
    compute(py, progress, move |control| {
        let options: Options =
            serde_json::from_str(&options_json).map_err(|e| Error::Settings {
                path: "options".into(),
                reason: e.to_string(),
            })?;
        let (table, notices) = build(names, &lists, &counts, &count_name)?;
        let mut result = mse::estimate(&table, &options, control)?;
        let mut all = notices;
        all.append(&mut result.notices);
        result.notices = all;
        Ok(serde_json::to_string(&result)?)
    })
}

/// Every hierarchical model up to `max_order`: check code, estimate, AIC, BIC (JSON).
#[pyfunction]
#[pyo3(signature = (names, lists, counts, count_name, max_order, progress=None))]
fn mse_all_models(
    py: Python<'_>,
    names: Vec<String>,
    lists: Columns,
    counts: Vec<Option<f64>>,
    count_name: String,
    max_order: usize,
    progress: Option<Py<PyAny>>,
) -> PyResult<String> {
    compute(py, progress, move |control| {
        let (table, _) = build(names, &lists, &counts, &count_name)?;
        Ok(serde_json::to_string(&mse::all_models(
            &table, max_order, control,
        )?)?)
    })
}

/// LP/rank check code of one model (interactions as bitmasks).
#[pyfunction]
fn mse_check(
    py: Python<'_>,
    names: Vec<String>,
    lists: Columns,
    counts: Vec<Option<f64>>,
    count_name: String,
    terms: Vec<usize>,
) -> PyResult<u8> {
    compute(py, None, move |_| {
        let (table, _) = build(names, &lists, &counts, &count_name)?;
        mse::check(&table, &terms)
    })
}

/// BCa limits from given replicates (the pure function, for testing and for users' own
/// bootstraps); `None` when every replicate lies on one side of the estimate.
#[pyfunction]
fn mse_bca_limits(
    theta_hat: f64,
    replicates: Vec<f64>,
    a_hat: f64,
    probs: Vec<f64>,
) -> Option<Vec<f64>> {
    mse::interval::bca_limits(theta_hat, &replicates, a_hat, &probs).ok()
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(mse_estimate, m)?)?;
    m.add_function(wrap_pyfunction!(mse_all_models, m)?)?;
    m.add_function(wrap_pyfunction!(mse_check, m)?)?;
    m.add_function(wrap_pyfunction!(mse_bca_limits, m)?)?;
    Ok(())
}
