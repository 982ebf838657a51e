//! The one mapping from the core's [`Error`] to the Python hierarchy in `tipsom.exceptions`.
//!
//! The classes are defined in Python so that input errors can subclass both `TipsomError` and
//! `ValueError`; this module imports them.

use pyo3::exceptions::PyKeyboardInterrupt;
use pyo3::PyErr;

use crate::error::Error;

pyo3::import_exception!(tipsom.exceptions, ReadError);
pyo3::import_exception!(tipsom.exceptions, SchemaError);
pyo3::import_exception!(tipsom.exceptions, SettingsError);
pyo3::import_exception!(tipsom.exceptions, ComputeError);
pyo3::import_exception!(tipsom.exceptions, InternalError);
pyo3::import_exception!(tipsom.exceptions, InvalidArgumentError);

impl From<Error> for PyErr {
    fn from(err: Error) -> Self {
        let msg = err.to_string();
        match err {
            Error::Io { .. } | Error::Read { .. } => ReadError::new_err(msg),
            Error::ColumnNotFound { .. } | Error::Schema { .. } => SchemaError::new_err(msg),
            Error::InvalidArgument { .. } => InvalidArgumentError::new_err(msg),
            Error::Settings { .. } | Error::Json(_) => SettingsError::new_err(msg),
            Error::Compute { .. } => ComputeError::new_err(msg),
            Error::Interrupted => PyKeyboardInterrupt::new_err("interrupted"),
        }
    }
}

/// The exception raised when the core panicked: a bug, reported without killing the interpreter.
pub(crate) fn internal_error(message: &str) -> PyErr {
    InternalError::new_err(format!(
        "internal error in tipsom (this is a bug; please report it): {message}"
    ))
}
