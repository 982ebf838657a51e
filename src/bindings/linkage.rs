//! Bindings for record linkage: run a linkage, count pairs, and the `Linkage` result object.

use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use super::convert::{table_from_arrow, table_to_arrow};
use super::runtime::compute;
use crate::linkage::settings::{default_victim_settings, Settings};
use crate::linkage::{self, Label, Linkage};
use crate::table::{Column, ColumnData, Table};

/// A fitted linkage (private; wrapped by `tipsom.Linkage`).
#[pyclass(frozen, name = "LinkageResult", module = "tipsom._core")]
pub(crate) struct PyLinkage {
    inner: Linkage,
}

#[pymethods]
impl PyLinkage {
    /// `person_id` per input row, in input order, as an Arrow table with one column.
    fn person_ids(&self) -> PyResult<PyTable> {
        let t = Table::new(vec![Column::new(
            "person_id",
            ColumnData::Str(self.inner.person_ids_input_order()),
        )])?;
        table_to_arrow(&t)
    }

    /// Retained pairs with probability at least `min_probability`.
    fn pairs(&self, min_probability: f64) -> PyResult<PyTable> {
        table_to_arrow(&self.inner.pairs_table(min_probability)?)
    }

    /// The score of a pair, term by term.
    fn explain(&self, a: &str, b: &str) -> PyResult<PyTable> {
        table_to_arrow(&self.inner.explain(a, b)?)
    }

    /// Settings with the fitted model, as JSON.
    fn settings_json(&self) -> PyResult<String> {
        Ok(self.inner.settings.to_json()?)
    }

    /// Run counts as JSON.
    fn stats_json(&self) -> PyResult<String> {
        serde_json::to_string(&self.inner.stats).map_err(|e| crate::error::Error::from(e).into())
    }
}

fn parse(settings_json: Option<&str>) -> PyResult<Settings> {
    Ok(match settings_json {
        Some(s) => Settings::from_json(s)?,
        None => default_victim_settings(),
    })
}

/// Links the rows of `table` (`dataset`: one byte per row saying which input it came from).
/// `labels`: (id, id, score) triples to train m from.
#[pyfunction]
#[pyo3(signature = (table, dataset, settings_json=None, existing=None, labels=None, progress=None))]
#[allow(clippy::too_many_arguments)] // mirrors the Python call
fn linkage_run(
    py: Python<'_>,
    table: PyTable,
    dataset: Vec<u8>,
    settings_json: Option<&str>,
    existing: Option<Vec<Option<String>>>,
    labels: Option<Vec<(String, String, f64)>>,
    progress: Option<Py<PyAny>>,
) -> PyResult<PyLinkage> {
    let settings = parse(settings_json)?;
    let table = table_from_arrow(table)?;
    let labels: Option<Vec<Label>> = labels.map(|v| {
        v.into_iter()
            .map(|(a, b, score)| Label { a, b, score })
            .collect()
    });
    let inner = compute(py, progress, |control| {
        linkage::run_with_labels(
            &table,
            &dataset,
            settings,
            existing.as_deref(),
            labels.as_deref(),
            control,
        )
    })?;
    Ok(PyLinkage { inner })
}

/// Pairs each blocking rule would produce, before running.
#[pyfunction]
#[pyo3(signature = (table, dataset, settings_json=None))]
fn linkage_count_pairs(
    py: Python<'_>,
    table: PyTable,
    dataset: Vec<u8>,
    settings_json: Option<&str>,
) -> PyResult<Vec<(String, u64)>> {
    let settings = parse(settings_json)?;
    let table = table_from_arrow(table)?;
    compute(py, None, |_| {
        linkage::count_pairs(&table, &dataset, &settings)
    })
}

/// The default settings for the normalized victim schema, as JSON.
#[pyfunction]
fn linkage_default_settings() -> PyResult<String> {
    Ok(default_victim_settings().to_json()?)
}

/// Validates settings JSON and returns it normalized (defaults filled in).
#[pyfunction]
fn linkage_validate_settings(settings_json: &str) -> PyResult<String> {
    Ok(Settings::from_json(settings_json)?.to_json()?)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyLinkage>()?;
    m.add_function(wrap_pyfunction!(linkage_run, m)?)?;
    m.add_function(wrap_pyfunction!(linkage_count_pairs, m)?)?;
    m.add_function(wrap_pyfunction!(linkage_default_settings, m)?)?;
    m.add_function(wrap_pyfunction!(linkage_validate_settings, m)?)?;
    Ok(())
}
