//! Bindings for record linkage: run a linkage, count pairs, and the `Linkage` result object.

use arrow_array::cast::AsArray;
use arrow_array::{Array, RecordBatch, StringViewArray};
use arrow_schema::DataType;
use pyo3::prelude::*;
use pyo3_arrow::PyTable;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::convert::{table_from_arrow, table_to_arrow};
use super::runtime::compute;
use crate::error::{Error, Result};
use crate::linkage::data::{Input, InputColumn, NULL_ID};
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

/// Text columns dictionary-encoded straight from Arrow (no `String` per value: at a million
/// rows, building a `Table` of owned strings cost more than the linkage's blocking), next to
/// a `Table` with the other columns.
struct ArrowInput {
    plain: Table,
    text: TextColumns,
}

/// Dictionary-encoded text columns by name: (id per row, distinct values).
type TextColumns = FxHashMap<String, (Vec<u32>, Vec<String>)>;

impl Input for ArrowInput {
    fn height(&self) -> usize {
        self.plain.height()
    }
    fn input_column(&self, name: &str) -> Result<InputColumn<'_>> {
        match self.text.get(name) {
            Some((ids, values)) => Ok(InputColumn::Dict { ids, values }),
            None => self.plain.input_column(name),
        }
    }
}

/// The id of one value in a dictionary (trimmed; empty is missing), adding it when new.
fn value_id<'a>(
    v: Option<&'a str>,
    map: &mut FxHashMap<&'a str, u32>,
    values: &mut Vec<String>,
) -> u32 {
    match v.map(str::trim).filter(|s| !s.is_empty()) {
        None => NULL_ID,
        Some(s) => *map.entry(s).or_insert_with(|| {
            values.push(s.to_owned());
            (values.len() - 1) as u32
        }),
    }
}

/// Adds the values of one Arrow string array to a dictionary (trimmed; empty is missing).
fn add_values<'a>(
    values_in: impl Iterator<Item = Option<&'a str>>,
    map: &mut FxHashMap<&'a str, u32>,
    ids: &mut Vec<u32>,
    values: &mut Vec<String>,
) {
    for v in values_in {
        ids.push(value_id(v, map, values));
    }
}

/// [`add_values`] for a string-view array: a text of at most 12 bytes is held whole in its
/// 16-byte view (length and zero-padded bytes), so its id is looked up by the view, an
/// integer, before any string is hashed or compared (most names, keys, districts and sexes
/// are that short).
fn add_views<'a>(
    a: &'a StringViewArray,
    map: &mut FxHashMap<&'a str, u32>,
    short: &mut FxHashMap<u128, u32>,
    ids: &mut Vec<u32>,
    values: &mut Vec<String>,
) {
    for (k, &view) in a.views().iter().enumerate() {
        let id = if !a.is_valid(k) {
            NULL_ID
        } else if view as u32 <= 12 {
            match short.get(&view) {
                Some(&id) => id,
                None => {
                    let id = value_id(Some(a.value(k)), map, values);
                    short.insert(view, id);
                    id
                }
            }
        } else {
            value_id(Some(a.value(k)), map, values)
        };
        ids.push(id);
    }
}

/// Dictionary-encodes every column of an Arrow table of text columns, in parallel.
fn text_from_arrow(table: PyTable) -> Result<TextColumns> {
    let (batches, schema) = table.into_inner();
    let fields: Vec<_> = schema.fields().iter().cloned().collect();
    let encoded: Vec<Result<(Vec<u32>, Vec<String>)>> = fields
        .par_iter()
        .enumerate()
        .map(|(c, field)| {
            let mut map: FxHashMap<&str, u32> = FxHashMap::default();
            let mut short: FxHashMap<u128, u32> = FxHashMap::default();
            let rows = batches.iter().map(RecordBatch::num_rows).sum();
            let (mut ids, mut values) = (Vec::with_capacity(rows), Vec::new());
            for batch in &batches {
                let a = batch.column(c);
                match a.data_type() {
                    DataType::Utf8 => {
                        add_values(a.as_string::<i32>().iter(), &mut map, &mut ids, &mut values);
                    }
                    DataType::LargeUtf8 => {
                        add_values(a.as_string::<i64>().iter(), &mut map, &mut ids, &mut values);
                    }
                    DataType::Utf8View => {
                        add_views(
                            a.as_string_view(),
                            &mut map,
                            &mut short,
                            &mut ids,
                            &mut values,
                        );
                    }
                    DataType::Null => ids.extend(std::iter::repeat_n(NULL_ID, a.len())),
                    other => {
                        return Err(Error::Schema {
                            column: field.name().clone(),
                            expected: "text".into(),
                            found: format!("{other}"),
                        })
                    }
                }
            }
            Ok((ids, values))
        })
        .collect();
    fields
        .iter()
        .zip(encoded)
        .map(|(f, e)| e.map(|v| (f.name().clone(), v)))
        .collect()
}

fn parse(settings_json: Option<&str>) -> PyResult<Settings> {
    Ok(match settings_json {
        Some(s) => Settings::from_json(s)?,
        None => default_victim_settings(),
    })
}

/// Links the rows of `table` (`dataset`: one byte per row saying which input it came from).
/// `text`: more columns, all text, same rows (dictionary-encoded straight from Arrow).
/// `labels`: (id, id, score) triples to train m from.
#[pyfunction]
#[pyo3(signature = (table, dataset, settings_json=None, existing=None, labels=None, progress=None, text=None))]
#[allow(clippy::too_many_arguments)] // mirrors the Python call
fn linkage_run(
    py: Python<'_>,
    table: PyTable,
    dataset: Vec<u8>,
    settings_json: Option<&str>,
    existing: Option<Vec<Option<String>>>,
    labels: Option<Vec<(String, String, f64)>>,
    progress: Option<Py<PyAny>>,
    text: Option<PyTable>,
) -> PyResult<PyLinkage> {
    let settings = parse(settings_json)?;
    let plain = table_from_arrow(table)?;
    let text = match text {
        Some(t) => py.detach(|| text_from_arrow(t))?,
        None => FxHashMap::default(),
    };
    if let Some((name, (ids, _))) = text
        .iter()
        .find(|(_, (ids, _))| ids.len() != plain.height())
    {
        return Err(Error::invalid_argument(
            format!("column '{name}'"),
            format!("{} rows like the other columns", plain.height()),
            ids.len(),
        )
        .into());
    }
    let table = ArrowInput { plain, text };
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
