//! Bindings for reading circle returns.

use std::collections::HashMap;

use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use crate::read::{read_returns, InputFile, OnError, ReadOptions};

use super::convert::table_to_arrow;
use super::runtime::compute;

/// Reads return files; returns the records and the four report tables.
#[pyfunction]
#[pyo3(signature = (paths, *, sheets=None, aliases=None, source=None, source_by_file=None, header_scan_rows=30, on_error="raise", progress=None))]
#[allow(clippy::too_many_arguments)]
fn read_returns_files(
    py: Python<'_>,
    paths: Vec<String>,
    sheets: Option<Vec<String>>,
    aliases: Option<Vec<(String, String)>>,
    source: Option<String>,
    source_by_file: Option<HashMap<String, String>>,
    header_scan_rows: usize,
    on_error: &str,
    progress: Option<Py<PyAny>>,
) -> PyResult<(PyTable, PyTable, PyTable, PyTable, PyTable)> {
    let on_error = match on_error {
        "raise" => OnError::Raise,
        "report" => OnError::Report,
        other => {
            return Err(crate::Error::invalid_argument(
                "on_error",
                "one of {'raise', 'report'}",
                format!("'{other}'"),
            )
            .into())
        }
    };
    let opts = ReadOptions {
        sheets,
        aliases: aliases.unwrap_or_default(),
        source,
        source_by_file: source_by_file.unwrap_or_default(),
        header_scan_rows,
        on_error,
    };
    let files: Vec<InputFile> = paths.into_iter().map(InputFile::new).collect();
    let (table, report) = compute(py, progress, |control| read_returns(&files, &opts, control))?;
    let [a, b, c, d] = report.to_tables();
    Ok((
        table_to_arrow(&table)?,
        table_to_arrow(&a)?,
        table_to_arrow(&b)?,
        table_to_arrow(&c)?,
        table_to_arrow(&d)?,
    ))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(read_returns_files, m)?)?;
    Ok(())
}
