//! Conversions between Arrow (what polars and pandas hand over through the Arrow C data
//! interface) and the core's [`Table`].

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, RecordBatch, StringArray,
};
use arrow_schema::{DataType, Field, Schema};
use pyo3::prelude::*;
use pyo3_arrow::PyTable;

use crate::error::{Error, Result};
use crate::table::{Column, ColumnData, Table};

fn schema_error(column: &str, found: &DataType) -> Error {
    Error::Schema {
        column: column.to_owned(),
        expected: "text, numbers, booleans, dates or lists of text".into(),
        found: format!("{found}"),
    }
}

fn cast(array: &ArrayRef, to: &DataType, column: &str) -> Result<ArrayRef> {
    arrow_cast::cast(array, to).map_err(|_| schema_error(column, array.data_type()))
}

fn strings(array: &ArrayRef, column: &str) -> Result<Vec<Option<String>>> {
    Ok(match array.data_type() {
        DataType::Utf8 => array
            .as_string::<i32>()
            .iter()
            .map(|v| v.map(str::to_owned))
            .collect(),
        DataType::LargeUtf8 => array
            .as_string::<i64>()
            .iter()
            .map(|v| v.map(str::to_owned))
            .collect(),
        DataType::Utf8View => array
            .as_string_view()
            .iter()
            .map(|v| v.map(str::to_owned))
            .collect(),
        DataType::Null => vec![None; array.len()],
        _ => {
            let casted = cast(array, &DataType::Utf8, column)?;
            casted
                .as_string::<i32>()
                .iter()
                .map(|v| v.map(str::to_owned))
                .collect()
        }
    })
}

fn column_data(array: &ArrayRef, column: &str) -> Result<ColumnData> {
    Ok(match array.data_type() {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Null => {
            ColumnData::Str(strings(array, column)?)
        }
        DataType::Boolean => ColumnData::Bool(array.as_boolean().iter().collect()),
        DataType::Int8
        | DataType::Int16
        | DataType::Int32
        | DataType::Int64
        | DataType::UInt8
        | DataType::UInt16
        | DataType::UInt32
        | DataType::UInt64 => {
            let a = cast(array, &DataType::Int64, column)?;
            ColumnData::Int(a.as_primitive::<Int64Type>().iter().collect())
        }
        DataType::Float16 | DataType::Float32 | DataType::Float64 => {
            let a = cast(array, &DataType::Float64, column)?;
            ColumnData::Float(a.as_primitive::<Float64Type>().iter().collect())
        }
        DataType::Date32 | DataType::Date64 => {
            let a = cast(array, &DataType::Date32, column)?;
            ColumnData::Date(a.as_primitive::<Date32Type>().iter().collect())
        }
        DataType::List(_)
        | DataType::LargeList(_)
        | DataType::ListView(_)
        | DataType::LargeListView(_) => {
            let target = DataType::LargeList(Arc::new(Field::new("item", DataType::Utf8, true)));
            let a = cast(array, &target, column)?;
            let list = a.as_list::<i64>();
            let mut out = Vec::with_capacity(list.len());
            for i in 0..list.len() {
                if list.is_null(i) {
                    out.push(None);
                } else {
                    let inner = list.value(i);
                    out.push(Some(
                        inner
                            .as_string::<i32>()
                            .iter()
                            .flatten()
                            .map(str::to_owned)
                            .collect(),
                    ));
                }
            }
            ColumnData::StrList(out)
        }
        _ => ColumnData::Str(strings(array, column)?),
    })
}

/// Reads an Arrow table (any object with `__arrow_c_stream__`, such as a polars DataFrame)
/// into a core [`Table`].
pub(crate) fn table_from_arrow(table: PyTable) -> Result<Table> {
    let (batches, schema) = table.into_inner();
    let mut columns: Vec<Column> = schema
        .fields()
        .iter()
        .map(|f| Column::new(f.name().clone(), ColumnData::Str(Vec::new())))
        .collect();
    // Columns convert independently: in parallel (a million rows of text take a while).
    // Errors are reported for the first failing column in schema order, as before.
    use rayon::prelude::*;
    let converted: Vec<Result<Option<ColumnData>>> = schema
        .fields()
        .par_iter()
        .enumerate()
        .map(|(i, field)| {
            let mut data: Option<ColumnData> = None;
            for batch in &batches {
                let part = column_data(batch.column(i), field.name())?;
                data = Some(match data {
                    None => part,
                    Some(acc) => append(acc, part, field.name())?,
                });
            }
            Ok(data)
        })
        .collect();
    for (i, data) in converted.into_iter().enumerate() {
        // No batches: keep the column empty with its type's best text fallback.
        columns[i].data = data?.unwrap_or_else(|| ColumnData::Str(Vec::new()));
    }
    Table::new(columns)
}

fn append(acc: ColumnData, part: ColumnData, column: &str) -> Result<ColumnData> {
    Ok(match (acc, part) {
        (ColumnData::Str(mut a), ColumnData::Str(b)) => {
            a.extend(b);
            ColumnData::Str(a)
        }
        (ColumnData::Int(mut a), ColumnData::Int(b)) => {
            a.extend(b);
            ColumnData::Int(a)
        }
        (ColumnData::Float(mut a), ColumnData::Float(b)) => {
            a.extend(b);
            ColumnData::Float(a)
        }
        (ColumnData::Bool(mut a), ColumnData::Bool(b)) => {
            a.extend(b);
            ColumnData::Bool(a)
        }
        (ColumnData::Date(mut a), ColumnData::Date(b)) => {
            a.extend(b);
            ColumnData::Date(a)
        }
        (ColumnData::StrList(mut a), ColumnData::StrList(b)) => {
            a.extend(b);
            ColumnData::StrList(a)
        }
        (a, _) => {
            return Err(Error::Schema {
                column: column.to_owned(),
                expected: format!("{} in every batch", a.type_name()),
                found: "a different type in a later batch".into(),
            })
        }
    })
}

fn to_array(data: &ColumnData) -> ArrayRef {
    match data {
        ColumnData::Str(v) => Arc::new(v.iter().map(Option::as_deref).collect::<StringArray>()),
        ColumnData::Int(v) => Arc::new(v.iter().copied().collect::<Int64Array>()),
        ColumnData::Float(v) => Arc::new(v.iter().copied().collect::<Float64Array>()),
        ColumnData::Bool(v) => Arc::new(v.iter().copied().collect::<BooleanArray>()),
        ColumnData::Date(v) => Arc::new(v.iter().copied().collect::<Date32Array>()),
        ColumnData::StrList(v) => {
            let mut b = ListBuilder::new(StringBuilder::new());
            for item in v {
                match item {
                    Some(items) => {
                        for s in items {
                            b.values().append_value(s);
                        }
                        b.append(true);
                    }
                    None => b.append(false),
                }
            }
            Arc::new(b.finish())
        }
    }
}

fn table_to_batch(table: &Table) -> Result<(RecordBatch, Arc<Schema>)> {
    let arrays: Vec<ArrayRef> = table.columns.iter().map(|c| to_array(&c.data)).collect();
    let fields: Vec<Field> = table
        .columns
        .iter()
        .zip(&arrays)
        .map(|(c, a)| Field::new(c.name.clone(), a.data_type().clone(), true))
        .collect();
    let schema = Arc::new(Schema::new(fields));
    let batch = if arrays.is_empty() {
        RecordBatch::new_empty(schema.clone())
    } else {
        RecordBatch::try_new(schema.clone(), arrays)
            .map_err(|e| Error::compute(format!("building the result table: {e}")))?
    };
    Ok((batch, schema))
}

/// Converts a core [`Table`] into an Arrow table that Python reads with `polars.DataFrame(...)`.
///
/// Building the Arrow buffers copies every value, so it runs with the GIL released.
pub(crate) fn table_to_arrow(table: &Table) -> PyResult<PyTable> {
    let (batch, schema) = Python::attach(|py| py.detach(|| table_to_batch(table)))?;
    PyTable::try_new(vec![batch], schema)
}

/// Sends a frame through the core and back unchanged, to test the boundary.
#[pyfunction]
pub(crate) fn _roundtrip(py: Python<'_>, table: PyTable) -> PyResult<PyTable> {
    let t = super::runtime::compute(py, None, |_| table_from_arrow(table))?;
    table_to_arrow(&t)
}
