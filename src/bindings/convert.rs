//! Conversions between Arrow (what polars and pandas hand over through the Arrow C data
//! interface) and the core's [`Table`].

use std::sync::Arc;

use std::borrow::Cow;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, LargeStringArray,
    ListArray, RecordBatch, StringArray, StringViewArray,
};
use arrow_buffer::{Buffer, NullBuffer, OffsetBuffer, ScalarBuffer};
use arrow_schema::{DataType, Field, Schema};
use pyo3::prelude::*;
use pyo3_arrow::PyTable;
use rustc_hash::FxHashMap;

use crate::error::{Error, Result};
use crate::normalize::{OutColumn, TextColumn};
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

/// One column (number `i`) of Arrow record batches as core values, for callers that convert
/// columns one at a time rather than hold a whole table.
pub(crate) fn column_from_batches(
    batches: &[RecordBatch],
    i: usize,
    name: &str,
) -> Result<ColumnData> {
    let mut data: Option<ColumnData> = None;
    for batch in batches {
        let part = column_data(batch.column(i), name)?;
        data = Some(match data {
            None => part,
            Some(acc) => append(acc, part, name)?,
        });
    }
    Ok(data.unwrap_or_else(|| ColumnData::Str(Vec::new())))
}

/// One batch's part of a text column, borrowed as Arrow holds it.
enum TextChunk {
    Utf8(StringArray),
    Large(LargeStringArray),
    View(StringViewArray),
}

/// A text column read in place from Arrow arrays (no copy of the strings).
pub(crate) struct ArrowText {
    chunks: Vec<TextChunk>,
    /// First row of each chunk.
    starts: Vec<usize>,
    len: usize,
}

impl TextColumn for ArrowText {
    fn len(&self) -> usize {
        self.len
    }

    fn get(&self, row: usize) -> Option<&str> {
        let (c, i) = if self.chunks.len() == 1 {
            (0, row)
        } else {
            let c = self.starts.partition_point(|&s| s <= row) - 1;
            (c, row - self.starts[c])
        };
        match &self.chunks[c] {
            TextChunk::Utf8(a) => a.is_valid(i).then(|| a.value(i)),
            TextChunk::Large(a) => a.is_valid(i).then(|| a.value(i)),
            TextChunk::View(a) => a.is_valid(i).then(|| a.value(i)),
        }
    }

    fn for_each_cell<'s>(&'s self, f: &mut dyn FnMut(Option<&'s str>, Option<u128>)) {
        for (c, chunk) in self.chunks.iter().enumerate() {
            match chunk {
                TextChunk::Utf8(a) => a.iter().for_each(|v| f(v, None)),
                TextChunk::Large(a) => a.iter().for_each(|v| f(v, None)),
                TextChunk::View(a) => {
                    for (i, &v) in a.views().iter().enumerate() {
                        if a.is_null(i) {
                            f(None, None);
                            continue;
                        }
                        // SAFETY: `i` is within the array (it indexes its views).
                        let s = unsafe { a.value_unchecked(i) };
                        // Up to 12 bytes the view holds the whole text (zero-padded). A longer
                        // one names its bytes by length, buffer and offset: the same view in
                        // the same chunk is the same text. The chunk's number goes into the
                        // buffer index's (unused) high bits so that views of different chunks
                        // differ; past 256 chunks or 2^24 buffers a long cell has no key.
                        let key = if v as u32 <= 12 {
                            Some(v)
                        } else if c < 256 && ((v >> 64) as u32) < (1 << 24) {
                            Some(v | ((c as u128) << 88))
                        } else {
                            None
                        };
                        f(Some(s), key);
                    }
                }
            }
        }
    }
}

/// The text of one column given as Arrow arrays (its chunks), as a [`TextColumn`]: text
/// borrowed in place, other types (numbers, dates, lists) turned into text as
/// [`crate::normalize::column_text`] does.
pub(crate) fn text_column(name: &str, arrays: &[ArrayRef]) -> Result<Box<dyn TextColumn>> {
    let chunks: Option<Vec<TextChunk>> = arrays
        .iter()
        .map(|a| match a.data_type() {
            DataType::Utf8 => Some(TextChunk::Utf8(a.as_string::<i32>().clone())),
            DataType::LargeUtf8 => Some(TextChunk::Large(a.as_string::<i64>().clone())),
            DataType::Utf8View => Some(TextChunk::View(a.as_string_view().clone())),
            _ => None,
        })
        .collect();
    Ok(match chunks {
        Some(chunks) if !chunks.is_empty() => {
            let mut starts = Vec::with_capacity(arrays.len());
            let mut at = 0;
            for a in arrays {
                starts.push(at);
                at += a.len();
            }
            Box::new(ArrowText {
                chunks,
                starts,
                len: at,
            })
        }
        _ => {
            let mut data: Option<ColumnData> = None;
            for a in arrays {
                let part = column_data(a, name)?;
                data = Some(match data {
                    None => part,
                    Some(acc) => append(acc, part, name)?,
                });
            }
            let column = Column::new(
                name.to_owned(),
                data.unwrap_or_else(|| ColumnData::Str(Vec::new())),
            );
            Box::new(crate::normalize::column_text(&column).into_owned())
        }
    })
}

/// The text of the first column of an Arrow table, as [`text_column`] reads it (`None` when
/// the table has no column).
pub(crate) fn first_text_column(table: PyTable) -> Result<Option<Box<dyn TextColumn>>> {
    let (batches, schema) = table.into_inner();
    let Some(field) = schema.fields().first() else {
        return Ok(None);
    };
    let arrays: Vec<ArrayRef> = batches.iter().map(|b| b.column(0).clone()).collect();
    text_column(field.name(), &arrays).map(Some)
}

/// Builds `Utf8View` arrays from views made here: strings of up to 12 bytes inline, longer
/// ones copied once into a data buffer (a value repeated over rows is copied once).
struct Views {
    buffers: Vec<Buffer>,
    current: Vec<u8>,
    /// Long strings already copied, by address and length (`None`: every call copies).
    copied: Option<FxHashMap<(usize, usize), u128>>,
}

/// Largest data buffer before a new one is started (views address buffers with 32-bit offsets).
const VIEW_BUFFER_BYTES: usize = 1 << 30;

impl Views {
    fn new(dedup: bool) -> Self {
        Self {
            buffers: Vec::new(),
            current: Vec::new(),
            copied: dedup.then(FxHashMap::default),
        }
    }

    /// The view of `s` (see the Arrow columnar format, "Variable-size Binary View Layout").
    fn view(&mut self, s: &str) -> u128 {
        let bytes = s.as_bytes();
        let mut v = [0u8; 16];
        v[..4].copy_from_slice(&(bytes.len() as u32).to_le_bytes());
        if bytes.len() <= 12 {
            v[4..4 + bytes.len()].copy_from_slice(bytes);
            return u128::from_le_bytes(v);
        }
        let at = (bytes.as_ptr() as usize, bytes.len());
        if let Some(&view) = self.copied.as_ref().and_then(|c| c.get(&at)) {
            return view;
        }
        if self.current.len() + bytes.len() > VIEW_BUFFER_BYTES {
            let full = std::mem::take(&mut self.current);
            self.buffers.push(Buffer::from_vec(full));
        }
        v[4..8].copy_from_slice(&bytes[..4]);
        v[8..12].copy_from_slice(&(self.buffers.len() as u32).to_le_bytes());
        v[12..16].copy_from_slice(&(self.current.len() as u32).to_le_bytes());
        self.current.extend_from_slice(bytes);
        let view = u128::from_le_bytes(v);
        if let Some(c) = self.copied.as_mut() {
            c.insert(at, view);
        }
        view
    }

    fn finish(mut self, views: Vec<u128>, valid: Option<Vec<bool>>) -> StringViewArray {
        if !self.current.is_empty() {
            self.buffers.push(Buffer::from_vec(self.current));
        }
        let nulls = valid.map(NullBuffer::from).filter(|n| n.null_count() > 0);
        // SAFETY: every view was made by `view` from a `&str` (valid UTF-8): inline views are
        // zero-padded, and the others address bytes copied into `buffers` at the buffer index
        // and offset they record, with the string's first four bytes as prefix — exactly what
        // `StringViewArray::try_new` checks, which would cost a UTF-8 pass over every value.
        unsafe { StringViewArray::new_unchecked(ScalarBuffer::from(views), self.buffers, nulls) }
    }
}

/// A `Utf8View` array of `n` rows, row `i` being `value(i)`.
fn text_view_array<'s>(n: usize, value: impl Fn(usize) -> Option<&'s str>) -> StringViewArray {
    let mut b = Views::new(true);
    let mut valid = vec![true; n];
    let views = (0..n)
        .map(|i| match value(i) {
            Some(s) => b.view(s),
            None => {
                valid[i] = false;
                0
            }
        })
        .collect();
    b.finish(views, Some(valid))
}

/// A `Utf8View` array of distinct values and a row index (`u32::MAX` = null): each value's
/// view is made once, then views are gathered per row.
fn text_view_array_indexed(values: &[Option<Cow<'_, str>>], index: &[u32]) -> StringViewArray {
    let mut b = Views::new(false);
    let distinct: Vec<Option<u128>> = values
        .iter()
        .map(|v| v.as_deref().map(|s| b.view(s)))
        .collect();
    let views: Vec<u128> = index
        .iter()
        .map(|&i| distinct.get(i as usize).copied().flatten().unwrap_or(0))
        .collect();
    let valid = index
        .iter()
        .map(|&i| distinct.get(i as usize).is_some_and(Option::is_some))
        .collect();
    b.finish(views, Some(valid))
}

fn list_array(n: usize, rows: impl Fn(usize, &mut dyn FnMut(&str)) -> bool) -> ArrayRef {
    let mut b = Views::new(true);
    let mut views: Vec<u128> = Vec::new();
    let mut offsets: Vec<i32> = Vec::with_capacity(n + 1);
    let mut valid = Vec::with_capacity(n);
    offsets.push(0);
    for i in 0..n {
        valid.push(rows(i, &mut |s| views.push(b.view(s))));
        offsets.push(views.len() as i32);
    }
    list_of_views(b.finish(views, None), offsets, valid)
}

/// A list array of `Utf8View` items: row `i` is `values[offsets[i]..offsets[i + 1]]`, null
/// where `valid[i]` is false.
fn list_of_views(values: StringViewArray, offsets: Vec<i32>, valid: Vec<bool>) -> ArrayRef {
    let field = Arc::new(Field::new("item", DataType::Utf8View, true));
    let nulls = Some(NullBuffer::from(valid)).filter(|n| n.null_count() > 0);
    Arc::new(ListArray::new(
        field,
        OffsetBuffer::new(ScalarBuffer::from(offsets)),
        Arc::new(values),
        nulls,
    ))
}

fn out_array(column: &OutColumn<'_>) -> ArrayRef {
    let n = column.len();
    match column {
        OutColumn::Text { values, index } => Arc::new(text_view_array_indexed(values, index)),
        OutColumn::Strs(v) => Arc::new(text_view_array(n, |i| v[i])),
        OutColumn::Int(v) => Arc::new(v.iter().copied().collect::<Int64Array>()),
        OutColumn::Float(v) => Arc::new(v.iter().copied().collect::<Float64Array>()),
        OutColumn::Date(v) => Arc::new(v.iter().copied().collect::<Date32Array>()),
        OutColumn::TextList { values, index } => {
            // Each distinct list's views are made once, then copied per row.
            let mut b = Views::new(true);
            let lists: Vec<Option<Vec<u128>>> = values
                .iter()
                .map(|v| v.as_ref().map(|l| l.iter().map(|s| b.view(s)).collect()))
                .collect();
            let mut views: Vec<u128> = Vec::new();
            let mut offsets: Vec<i32> = Vec::with_capacity(n + 1);
            let mut valid = Vec::with_capacity(n);
            offsets.push(0);
            for &i in index {
                match lists.get(i as usize) {
                    Some(Some(l)) => {
                        views.extend_from_slice(l);
                        valid.push(true);
                    }
                    _ => valid.push(false),
                }
                offsets.push(views.len() as i32);
            }
            list_of_views(b.finish(views, None), offsets, valid)
        }
        OutColumn::StrsList { values, ends } => list_array(n, |i, push| {
            let start = if i == 0 { 0 } else { ends[i - 1] as usize };
            for s in &values[start..ends[i] as usize] {
                push(s);
            }
            true
        }),
    }
}

/// Arrow arrays of the core's output columns, built in parallel (call it with the GIL
/// released). Text becomes `Utf8View`, which polars takes without conversion.
pub(crate) fn out_columns_to_batch(
    columns: &[(&str, OutColumn<'_>)],
) -> Result<(RecordBatch, Arc<Schema>)> {
    use rayon::prelude::*;
    let arrays: Vec<ArrayRef> = columns.par_iter().map(|(_, c)| out_array(c)).collect();
    let fields: Vec<Field> = columns
        .iter()
        .zip(&arrays)
        .map(|((name, _), a)| Field::new(*name, a.data_type().clone(), true))
        .collect();
    let schema = Arc::new(Schema::new(fields));
    let batch = RecordBatch::try_new(schema.clone(), arrays)
        .map_err(|e| Error::compute(format!("building the result table: {e}")))?;
    Ok((batch, schema))
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
