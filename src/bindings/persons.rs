//! Bindings for the persons table (one row per person, resolved once; see `crate::persons`).

use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use crate::persons::{resolve, Options};

use super::convert::{table_from_arrow, table_to_arrow};
use super::runtime::compute;

/// One row per person from records carrying a text `person_id` (conflict rules in
/// `crate::persons`); `identifiers` adds columns resolved by majority, `source_column` names
/// the unit column when it is not `source`.
#[pyfunction]
#[pyo3(signature = (records, identifiers=Vec::new(), source_column=None))]
fn persons(
    py: Python<'_>,
    records: PyTable,
    identifiers: Vec<String>,
    source_column: Option<String>,
) -> PyResult<PyTable> {
    let out = compute(py, None, move |_| {
        let table = table_from_arrow(records)?;
        resolve(
            &table,
            &Options {
                identifiers,
                source_column,
            },
        )
    })?;
    table_to_arrow(&out)
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(persons, m)?)?;
    Ok(())
}
