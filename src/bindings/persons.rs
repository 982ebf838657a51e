//! Bindings for the persons table (one row per person, resolved once; see `crate::persons`).

use std::borrow::Cow;

use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use crate::persons::{resolve_with, Options, KEYS};
use crate::table::{Column, Table};

use super::convert::{column_from_batches, table_to_arrow};
use super::runtime::compute;

/// One row per person from records carrying a text `person_id` (conflict rules in
/// `crate::persons`); `identifiers` adds columns resolved by majority, `source_column` names
/// the unit column when it is not `source`. Columns are converted one at a time, each dropped
/// once resolved, so that a million records never sit in memory as text all at once.
#[pyfunction]
#[pyo3(signature = (records, identifiers=Vec::new(), source_column=None))]
fn persons(
    py: Python<'_>,
    records: PyTable,
    identifiers: Vec<String>,
    source_column: Option<String>,
) -> PyResult<PyTable> {
    let out = compute(py, None, move |_| {
        let (batches, schema) = records.into_inner();
        let index = |name: &str| schema.fields().iter().position(|f| f.name() == name);
        let mut keys = Vec::new();
        for name in KEYS {
            if let Some(i) = index(name) {
                keys.push(Column::new(name, column_from_batches(&batches, i, name)?));
            }
        }
        let keys = Table::new(keys)?;
        let options = Options {
            identifiers,
            source_column,
        };
        resolve_with(&keys, &options, |name| {
            index(name)
                .map(|i| column_from_batches(&batches, i, name).map(Cow::Owned))
                .transpose()
        })
    })?;
    table_to_arrow(&out)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(persons, m)?)?;
    Ok(())
}
