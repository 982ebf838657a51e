//! Bindings for normalization: the whole table, and one column at a time for `tipsom.expr`.

use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use crate::normalize::{normalize_column, normalize_columns, Options, TextColumn};
use crate::reference::LawTable;

use super::convert::{out_columns_to_batch, text_columns_from_arrow};
use super::runtime::compute;

fn law_table(csv: Option<String>) -> crate::Result<Option<LawTable>> {
    csv.map(|text| LawTable::from_csv(&text)).transpose()
}

/// Normalizes a table of raw canonical columns; returns the canonical table.
#[pyfunction]
#[pyo3(signature = (table, law_table_csv=None, progress=None))]
fn normalize(
    py: Python<'_>,
    table: PyTable,
    law_table_csv: Option<String>,
    progress: Option<Py<PyAny>>,
) -> PyResult<PyTable> {
    let (batch, schema) = compute(py, progress, move |control| {
        // The input text is read in place; raw and pass-through columns are attached in
        // Python without copying.
        let (n, input) = text_columns_from_arrow(table, Some(crate::normalize::input_fields()))?;
        let columns: Vec<(&str, &dyn TextColumn)> = input
            .iter()
            .map(|(f, c)| (f.as_str(), c.as_ref()))
            .collect();
        let options = Options {
            law_table: law_table(law_table_csv)?,
            typed_only: true,
        };
        let out = normalize_columns(n, &columns, &options, control)?;
        out_columns_to_batch(&out)
    })?;
    PyTable::try_new(vec![batch], schema)
}

/// Normalizes the first column of a one-column table with the normalizer `kind`; returns a
/// one-column table named `kind`.
#[pyfunction]
#[pyo3(signature = (table, kind, law_table_csv=None))]
fn normalize_values(
    py: Python<'_>,
    table: PyTable,
    kind: String,
    law_table_csv: Option<String>,
) -> PyResult<PyTable> {
    let (batch, schema) = compute(py, None, move |_| {
        let (_, input) = text_columns_from_arrow(table, None)?;
        let empty: Vec<Option<String>> = Vec::new();
        let values: &dyn TextColumn = input.first().map_or(&empty, |(_, c)| c.as_ref());
        let laws = law_table(law_table_csv)?;
        let data = normalize_column(&kind, values, laws.as_ref())?;
        out_columns_to_batch(&[(kind.as_str(), data)])
    })?;
    PyTable::try_new(vec![batch], schema)
}

/// The default law table as CSV text.
#[pyfunction]
fn default_law_table_csv() -> &'static str {
    LawTable::default_csv()
}

/// The columns `normalize` reads (canonical fields and provenance).
#[pyfunction]
fn normalize_input_fields() -> Vec<&'static str> {
    crate::normalize::input_fields().to_vec()
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(normalize, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_values, m)?)?;
    m.add_function(wrap_pyfunction!(default_law_table_csv, m)?)?;
    m.add_function(wrap_pyfunction!(normalize_input_fields, m)?)?;
    Ok(())
}
