//! Bindings for normalization: the whole table, and one column at a time for `tipsom.expr`.

use pyo3::prelude::*;
use pyo3_arrow::{PyChunkedArray, PyTable};

use crate::normalize::{normalize_column, normalize_columns, Options, TextColumn};
use crate::reference::LawTable;

use super::convert::{first_text_column, out_columns_to_batch, text_column};
use super::runtime::compute;

fn law_table(csv: Option<String>) -> crate::Result<Option<LawTable>> {
    csv.map(|text| LawTable::from_csv(&text)).transpose()
}

/// Normalizes raw canonical columns (names and columns, each with `__arrow_c_stream__`, such as
/// polars Series: their chunks are read as they are, without the copy that exporting a whole
/// frame as one table makes); returns the canonical table.
#[pyfunction]
#[pyo3(signature = (names, columns, law_table_csv=None, progress=None))]
fn normalize(
    py: Python<'_>,
    names: Vec<String>,
    columns: Vec<PyChunkedArray>,
    law_table_csv: Option<String>,
    progress: Option<Py<PyAny>>,
) -> PyResult<PyTable> {
    let (batch, schema) = compute(py, progress, move |control| {
        // The input text is read in place; raw and pass-through columns are attached in
        // Python without copying.
        let mut input: Vec<(&str, Box<dyn TextColumn>)> = Vec::new();
        for (name, column) in names.iter().zip(columns) {
            if crate::normalize::input_fields().contains(&name.as_str()) {
                input.push((name, text_column(name, column.chunks())?));
            }
        }
        let n = input.first().map_or(0, |(_, c)| c.len());
        if let Some((name, c)) = input.iter().find(|(_, c)| c.len() != n) {
            return Err(crate::Error::invalid_argument(
                "columns",
                format!("{n} rows in every column"),
                format!("{} rows in '{name}'", c.len()),
            ));
        }
        let columns: Vec<(&str, &dyn TextColumn)> =
            input.iter().map(|(f, c)| (*f, c.as_ref())).collect();
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
        let input = first_text_column(table)?;
        let empty: Vec<Option<String>> = Vec::new();
        let values: &dyn TextColumn = input.as_deref().unwrap_or(&empty);
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
