//! Bindings for the synthetic generator (`tipsom.datasets`).

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use super::convert::table_to_arrow;
use super::runtime::compute;
use crate::error::Error;
use crate::synth::{self, SynthOptions, WriteOptions, WrittenFile};
use crate::table::{Column, ColumnData, Table};

fn options(json: &str) -> Result<SynthOptions, Error> {
    serde_json::from_str(json).map_err(|e| Error::Settings {
        path: "options".into(),
        reason: e.to_string(),
    })
}

/// Generates circle returns; `options_json` holds `SynthOptions` fields.
#[pyfunction]
#[pyo3(signature = (options_json, progress=None))]
fn synth_circle_returns(
    py: Python<'_>,
    options_json: &str,
    progress: Option<Py<PyAny>>,
) -> PyResult<PyTable> {
    let options = options(options_json)?;
    let table = compute(py, progress, |control| {
        synth::circle_returns(&options, control)
    })?;
    table_to_arrow(&table)
}

fn files_table(files: &[WrittenFile]) -> Result<Table, Error> {
    let text = |f: &dyn Fn(&WrittenFile) -> Option<String>| files.iter().map(f).collect::<Vec<_>>();
    Table::new(vec![
        Column::text("path", text(&|f| Some(f.path.display().to_string()))),
        Column::text("file_name", text(&|f| Some(f.file_name.clone()))),
        Column::text("format", text(&|f| Some(f.format.clone()))),
        Column::text("encoding", text(&|f| f.encoding.clone())),
        Column::text("delimiter", text(&|f| f.delimiter.clone())),
        Column::new(
            "sheets",
            ColumnData::StrList(files.iter().map(|f| Some(f.sheets.clone())).collect()),
        ),
        Column::text("source", text(&|f| Some(f.source.clone()))),
        Column::text("source_title", text(&|f| Some(f.source_title.clone()))),
        Column::text("style", text(&|f| Some(f.style.clone()))),
        Column::new(
            "n_records",
            ColumnData::Int(files.iter().map(|f| Some(f.records.len() as i64)).collect()),
        ),
    ])
}

fn locations_table(files: &[WrittenFile]) -> Result<Table, Error> {
    let locs = files.iter().flat_map(|f| f.records.iter());
    Table::new(vec![
        Column::text(
            "record_id",
            locs.clone().map(|l| Some(l.record_id.clone())).collect(),
        ),
        Column::text(
            "file_name",
            locs.clone().map(|l| Some(l.file_name.clone())).collect(),
        ),
        Column::text("sheet", locs.clone().map(|l| l.sheet.clone()).collect()),
        Column::new(
            "row",
            ColumnData::Int(locs.map(|l| Some(i64::from(l.row))).collect()),
        ),
    ])
}

/// Generates circle returns and writes them into `directory`; returns (records, files,
/// locations) as Arrow tables.
#[pyfunction]
#[pyo3(signature = (directory, options_json, overwrite=false, progress=None))]
fn synth_write_circle_returns(
    py: Python<'_>,
    directory: PathBuf,
    options_json: &str,
    overwrite: bool,
    progress: Option<Py<PyAny>>,
) -> PyResult<(PyTable, PyTable, PyTable)> {
    let options = options(options_json)?;
    let (records, files, locations) = compute(py, progress, |control| {
        let table = synth::circle_returns(&options, control)?;
        control.checkpoint("writing files", 0, None)?;
        let files = synth::write_returns(&table, &directory, &WriteOptions { overwrite })?;
        Ok((table, files_table(&files)?, locations_table(&files)?))
    })?;
    Ok((
        table_to_arrow(&records)?,
        table_to_arrow(&files)?,
        table_to_arrow(&locations)?,
    ))
}

pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(synth_circle_returns, m)?)?;
    m.add_function(wrap_pyfunction!(synth_write_circle_returns, m)?)?;
    Ok(())
}
