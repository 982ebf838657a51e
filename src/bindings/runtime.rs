//! The one helper through which every binding runs the core: [`compute`].
//!
//! It releases the GIL so other Python threads run, polls for Ctrl-C between chunks of work so
//! "Interrupt kernel" in Jupyter stops a long run, forwards progress to an optional Python
//! callback, and catches panics so that a bug becomes a `tipsom.exceptions.InternalError`
//! instead of aborting the interpreter (and the user's kernel with all its state).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use pyo3::prelude::*;

use crate::control::Control;
use crate::error::{Error, Result};

use super::errors::internal_error;

/// How often, at most, the core re-attaches to the interpreter between chunks.
const POLL_INTERVAL: Duration = Duration::from_millis(100);

struct PyControl {
    progress: Option<Py<PyAny>>,
    last_poll: Mutex<Option<Instant>>,
    pending: Mutex<Option<PyErr>>,
}

impl Control for PyControl {
    fn checkpoint(&self, stage: &str, done: u64, total: Option<u64>) -> Result<()> {
        let finished = total.is_some_and(|t| done >= t);
        {
            let mut last = self
                .last_poll
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            if !finished && last.is_some_and(|t| t.elapsed() < POLL_INTERVAL) {
                return Ok(());
            }
            *last = Some(Instant::now());
        }
        let outcome = Python::attach(|py| -> PyResult<()> {
            py.check_signals()?;
            if let Some(cb) = &self.progress {
                cb.call1(py, (stage, done, total))?;
            }
            Ok(())
        });
        match outcome {
            Ok(()) => Ok(()),
            Err(e) => {
                *self
                    .pending
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(e);
                Err(Error::Interrupted)
            }
        }
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_owned()
    }
}

/// Runs `f` with the GIL released, Ctrl-C polled through the [`Control`] it receives, errors
/// mapped to `tipsom.exceptions` and panics caught.
pub(crate) fn compute<T, F>(py: Python<'_>, progress: Option<Py<PyAny>>, f: F) -> PyResult<T>
where
    F: FnOnce(&dyn Control) -> Result<T> + Send,
    T: Send,
{
    let control = PyControl {
        progress,
        last_poll: Mutex::new(None),
        pending: Mutex::new(None),
    };
    let outcome = py.detach(|| catch_unwind(AssertUnwindSafe(|| f(&control))));
    match outcome {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(err)) => {
            if let Some(pending) = control
                .pending
                .into_inner()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
            {
                Err(pending)
            } else {
                Err(err.into())
            }
        }
        Err(payload) => Err(internal_error(&panic_message(payload.as_ref()))),
    }
}

/// Panics inside the core on purpose, to test that a panic becomes an exception.
#[pyfunction]
pub(crate) fn _debug_panic(py: Python<'_>, in_thread_pool: bool) -> PyResult<()> {
    compute(py, None, |_| {
        if in_thread_pool {
            use rayon::prelude::*;
            (0..64)
                .into_par_iter()
                .for_each(|i| assert!(i != 33, "deliberate panic in a worker"));
        }
        panic!("deliberate panic");
    })
}

/// Works for `seconds`, checking for interrupts, to test Ctrl-C handling and progress.
#[pyfunction]
#[pyo3(signature = (seconds, progress=None))]
pub(crate) fn _debug_sleep(
    py: Python<'_>,
    seconds: f64,
    progress: Option<Py<PyAny>>,
) -> PyResult<u64> {
    compute(py, progress, |control| {
        let steps = (seconds * 100.0).ceil().max(1.0) as u64;
        for i in 0..steps {
            std::thread::sleep(Duration::from_millis(10));
            control.checkpoint("sleep", i + 1, Some(steps))?;
        }
        Ok(steps)
    })
}
