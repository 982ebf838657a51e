//! A small columnar table: the core's plain-Rust view of a data frame.
//!
//! The core works on owned, typed columns so that it can be tested without polars or Python.
//! The bindings convert these columns to and from Arrow arrays (which polars and pandas read
//! without copying). Dates are days since 1970-01-01, as in Arrow's `Date32`.

use crate::error::{Error, Result};

/// The values of one column.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnData {
    /// Text.
    Str(Vec<Option<String>>),
    /// Signed integers.
    Int(Vec<Option<i64>>),
    /// Floating-point numbers.
    Float(Vec<Option<f64>>),
    /// Booleans.
    Bool(Vec<Option<bool>>),
    /// Dates as days since 1970-01-01.
    Date(Vec<Option<i32>>),
    /// Lists of text (issue codes, law sections, forms of exploitation).
    StrList(Vec<Option<Vec<String>>>),
}

impl ColumnData {
    /// Number of values.
    #[must_use]
    pub fn len(&self) -> usize {
        match self {
            Self::Str(v) => v.len(),
            Self::Int(v) => v.len(),
            Self::Float(v) => v.len(),
            Self::Bool(v) => v.len(),
            Self::Date(v) => v.len(),
            Self::StrList(v) => v.len(),
        }
    }

    /// True when the column has no values.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A short name of the type, for error messages.
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            Self::Str(_) => "text",
            Self::Int(_) => "integer",
            Self::Float(_) => "float",
            Self::Bool(_) => "boolean",
            Self::Date(_) => "date",
            Self::StrList(_) => "list of text",
        }
    }

    /// The values in the order given by `indices`.
    #[must_use]
    pub fn take(&self, indices: &[usize]) -> Self {
        fn pick<T: Clone>(v: &[T], idx: &[usize]) -> Vec<T> {
            idx.iter().map(|&i| v[i].clone()).collect()
        }
        match self {
            Self::Str(v) => Self::Str(pick(v, indices)),
            Self::Int(v) => Self::Int(pick(v, indices)),
            Self::Float(v) => Self::Float(pick(v, indices)),
            Self::Bool(v) => Self::Bool(pick(v, indices)),
            Self::Date(v) => Self::Date(pick(v, indices)),
            Self::StrList(v) => Self::StrList(pick(v, indices)),
        }
    }
}

/// A named column.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Column name.
    pub name: String,
    /// Values.
    pub data: ColumnData,
}

impl Column {
    /// A new column.
    pub fn new(name: impl Into<String>, data: ColumnData) -> Self {
        Self {
            name: name.into(),
            data,
        }
    }

    /// A text column from string values.
    pub fn text(name: impl Into<String>, values: Vec<Option<String>>) -> Self {
        Self::new(name, ColumnData::Str(values))
    }

    /// The values as text, or an error naming the column.
    ///
    /// # Errors
    /// [`Error::Schema`] when the column is not text.
    pub fn as_str(&self) -> Result<&[Option<String>]> {
        match &self.data {
            ColumnData::Str(v) => Ok(v),
            other => Err(Error::Schema {
                column: self.name.clone(),
                expected: "text".into(),
                found: other.type_name().into(),
            }),
        }
    }
}

/// Columns of equal length.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// The columns, in order.
    pub columns: Vec<Column>,
}

impl Table {
    /// A table from columns.
    ///
    /// # Errors
    /// [`Error::Schema`] when the columns differ in length or a name repeats.
    pub fn new(columns: Vec<Column>) -> Result<Self> {
        let t = Self { columns };
        t.validate()?;
        Ok(t)
    }

    /// Checks equal lengths and unique names.
    ///
    /// # Errors
    /// [`Error::Schema`] describing the first problem.
    pub fn validate(&self) -> Result<()> {
        let n = self.height();
        let mut seen = std::collections::HashSet::new();
        for c in &self.columns {
            if c.data.len() != n {
                return Err(Error::Schema {
                    column: c.name.clone(),
                    expected: format!("{n} values like the other columns"),
                    found: format!("{} values", c.data.len()),
                });
            }
            if !seen.insert(c.name.as_str()) {
                return Err(Error::Schema {
                    column: c.name.clone(),
                    expected: "a unique column name".into(),
                    found: "a repeated name".into(),
                });
            }
        }
        Ok(())
    }

    /// Number of rows.
    #[must_use]
    pub fn height(&self) -> usize {
        self.columns.first().map_or(0, |c| c.data.len())
    }

    /// Column names in order.
    #[must_use]
    pub fn names(&self) -> Vec<&str> {
        self.columns.iter().map(|c| c.name.as_str()).collect()
    }

    /// The column called `name`, if present.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }

    /// The column called `name`, or an error listing the available columns.
    ///
    /// # Errors
    /// [`Error::ColumnNotFound`].
    pub fn column(&self, name: &str) -> Result<&Column> {
        self.get(name)
            .ok_or_else(|| Error::column_not_found(name, self.names()))
    }

    /// The text values of column `name`.
    ///
    /// # Errors
    /// [`Error::ColumnNotFound`] or [`Error::Schema`].
    pub fn str_column(&self, name: &str) -> Result<&[Option<String>]> {
        self.column(name)?.as_str()
    }

    /// Appends a column, replacing any column of the same name in place.
    ///
    /// # Errors
    /// [`Error::Schema`] when the length differs from the table's.
    pub fn set(&mut self, column: Column) -> Result<()> {
        if !self.columns.is_empty() && column.data.len() != self.height() {
            return Err(Error::Schema {
                column: column.name.clone(),
                expected: format!("{} values", self.height()),
                found: format!("{} values", column.data.len()),
            });
        }
        if let Some(existing) = self.columns.iter_mut().find(|c| c.name == column.name) {
            *existing = column;
        } else {
            self.columns.push(column);
        }
        Ok(())
    }

    /// The rows in the order given by `indices`.
    #[must_use]
    pub fn take(&self, indices: &[usize]) -> Self {
        Self {
            columns: self
                .columns
                .iter()
                .map(|c| Column::new(c.name.clone(), c.data.take(indices)))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[Option<&str>]) -> Vec<Option<String>> {
        v.iter().map(|x| x.map(str::to_owned)).collect()
    }

    #[test]
    fn rejects_ragged_columns() {
        let err = Table::new(vec![
            Column::text("a", s(&[Some("1")])),
            Column::text("b", s(&[Some("1"), None])),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("column 'b'"));
    }

    #[test]
    fn missing_column_lists_choices() {
        let t = Table::new(vec![Column::text("sex", s(&[None]))]).unwrap();
        assert_eq!(
            t.column("age").unwrap_err().to_string(),
            "column 'age' not found; available columns: sex"
        );
    }

    #[test]
    fn set_replaces_in_place() {
        let mut t = Table::new(vec![
            Column::text("a", s(&[Some("x")])),
            Column::text("b", s(&[None])),
        ])
        .unwrap();
        t.set(Column::text("a", s(&[Some("y")]))).unwrap();
        assert_eq!(t.names(), ["a", "b"]);
        assert_eq!(t.str_column("a").unwrap()[0].as_deref(), Some("y"));
    }
}
