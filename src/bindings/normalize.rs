//! Bindings for normalization: the whole table, and one column at a time for `tipsom.expr`.

use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use crate::normalize::{normalize_column, normalize_table, Options};
use crate::reference::LawTable;
use crate::table::{Column, Table};

use super::convert::{table_from_arrow, table_to_arrow};
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
    let out = compute(py, progress, move |control| {
        let input = table_from_arrow(table)?;
        // Raw and pass-through columns are attached in Python without copying.
        let options = Options {
            law_table: law_table(law_table_csv)?,
            typed_only: true,
        };
        normalize_table(&input, &options, control)
    })?;
    table_to_arrow(&out)
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
    let out = compute(py, None, move |_| {
        let input = table_from_arrow(table)?;
        let values: Vec<Option<String>> = match input.columns.first() {
            Some(c) => crate::normalize::column_text(c).into_owned(),
            None => Vec::new(),
        };
        let laws = law_table(law_table_csv)?;
        let data = normalize_column(&kind, &values, laws.as_ref())?;
        Table::new(vec![Column::new(kind.clone(), data)])
    })?;
    table_to_arrow(&out)
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
