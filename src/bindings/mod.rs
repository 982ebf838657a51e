//! Python bindings: the only module that names pyo3 or the Arrow interchange crates.
//!
//! Every function follows one shape: convert the arguments into owned Rust values, run the core
//! through [`runtime::compute`] (GIL released, Ctrl-C honoured, panics caught), convert the result.

mod convert;
mod errors;
mod runtime;

mod indicators;
mod linkage;
mod mse;
mod normalize;
mod persons;
mod read;
mod synth;

use pyo3::prelude::*;

/// The extension's allocator. Reading returns allocates and frees a string per cell; glibc's
/// allocator spent about a sixth of `read_returns` consolidating freed chunks (measured with
/// perf on `benches/bench_read.py`). Arrow buffers handed to Python are freed through their
/// release callback, that is by this same allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The compiled module `tipsom._core` (private; use the `tipsom` package).
#[pymodule]
#[pyo3(name = "_core")]
fn core_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(runtime::_debug_panic, m)?)?;
    m.add_function(wrap_pyfunction!(runtime::_debug_sleep, m)?)?;
    m.add_function(wrap_pyfunction!(convert::_roundtrip, m)?)?;
    read::register(m)?;
    normalize::register(m)?;
    linkage::register(m)?;
    mse::register(m)?;
    persons::register(m)?;
    indicators::register(m)?;
    synth::register(m)?;
    Ok(())
}
