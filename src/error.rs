//! The one error type of the core.
//!
//! Variants carry structured fields (file, sheet, row, column, what was expected) so that the
//! bindings can map them onto the Python hierarchy in `tipsom.exceptions` in one place.
//! Messages are lowercase and never contain a record's identifying values (names, CNICs,
//! passport or phone numbers): they point at the file, sheet, row and column instead.

use std::fmt;

/// Where in the input a problem sits: a file, and optionally a sheet, row and column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Location {
    /// File name as given by the user.
    pub file: Option<String>,
    /// Worksheet name (Excel only).
    pub sheet: Option<String>,
    /// 1-based row number as a spreadsheet program shows it.
    pub row: Option<u64>,
    /// Column name.
    pub column: Option<String>,
}

impl Location {
    /// A location naming only a file.
    pub fn file(file: impl Into<String>) -> Self {
        Self {
            file: Some(file.into()),
            ..Self::default()
        }
    }
    /// The same location with a sheet.
    #[must_use]
    pub fn with_sheet(mut self, sheet: impl Into<String>) -> Self {
        self.sheet = Some(sheet.into());
        self
    }
    /// The same location with a row.
    #[must_use]
    pub fn with_row(mut self, row: u64) -> Self {
        self.row = Some(row);
        self
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(file) = &self.file {
            parts.push(format!("file '{file}'"));
        }
        if let Some(sheet) = &self.sheet {
            parts.push(format!("sheet '{sheet}'"));
        }
        if let Some(row) = self.row {
            parts.push(format!("row {row}"));
        }
        if let Some(column) = &self.column {
            parts.push(format!("column '{column}'"));
        }
        if parts.is_empty() {
            f.write_str("input")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

/// Every failure the core can report.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input file could not be opened or read at the operating-system level.
    #[error("{location}: cannot read the file: {source}")]
    Io {
        /// The file.
        location: Location,
        /// The operating-system error.
        #[source]
        source: std::io::Error,
    },
    /// An input file exists but is not a readable return (empty, binary, corrupt, protected).
    #[error("{location}: {reason}")]
    Read {
        /// Where the problem is.
        location: Location,
        /// What is wrong, and what was expected.
        reason: String,
    },
    /// A column the operation needs is not in the data.
    #[error("column '{column}' not found; available columns: {available}")]
    ColumnNotFound {
        /// The missing column.
        column: String,
        /// The columns that are present, comma-separated.
        available: String,
    },
    /// A column has the wrong type or shape.
    #[error("column '{column}': expected {expected}, found {found}")]
    Schema {
        /// The column.
        column: String,
        /// What was expected.
        expected: String,
        /// What was found (a type or a description, never a record's value).
        found: String,
    },
    /// An argument value is outside its allowed set or range.
    #[error("`{name}` must be {expected}, got {found}")]
    InvalidArgument {
        /// The argument.
        name: String,
        /// What is allowed.
        expected: String,
        /// What was given.
        found: String,
    },
    /// Settings or a saved model are invalid.
    #[error("invalid settings at '{path}': {reason}")]
    Settings {
        /// Where in the settings (a JSON path).
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A numerical procedure failed.
    #[error("computation failed: {reason}")]
    Compute {
        /// What failed.
        reason: String,
    },
    /// The user interrupted a long computation (Ctrl-C, or "Interrupt kernel" in Jupyter).
    #[error("interrupted")]
    Interrupted,
    /// Serializing or deserializing JSON failed.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
}

/// Result type of the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A [`Error::Read`] for a file.
    pub fn read(location: Location, reason: impl Into<String>) -> Self {
        Self::Read {
            location,
            reason: reason.into(),
        }
    }

    /// A [`Error::InvalidArgument`].
    pub fn invalid_argument(
        name: impl Into<String>,
        expected: impl Into<String>,
        found: impl fmt::Display,
    ) -> Self {
        Self::InvalidArgument {
            name: name.into(),
            expected: expected.into(),
            found: found.to_string(),
        }
    }

    /// A [`Error::ColumnNotFound`] listing the available columns.
    pub fn column_not_found<'a>(
        column: impl Into<String>,
        available: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        Self::ColumnNotFound {
            column: column.into(),
            available: available.into_iter().collect::<Vec<_>>().join(", "),
        }
    }

    /// A [`Error::Compute`].
    pub fn compute(reason: impl Into<String>) -> Self {
        Self::Compute {
            reason: reason.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_names_file_sheet_and_row() {
        let loc = Location::file("lahore.xlsx")
            .with_sheet("Victims")
            .with_row(7);
        let err = Error::read(loc, "no header row found");
        assert_eq!(
            err.to_string(),
            "file 'lahore.xlsx', sheet 'Victims', row 7: no header row found"
        );
    }

    #[test]
    fn column_not_found_lists_choices() {
        let err = Error::column_not_found("sexx", ["sex", "age"]);
        assert_eq!(
            err.to_string(),
            "column 'sexx' not found; available columns: sex, age"
        );
    }
}
