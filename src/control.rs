//! Progress reporting and cancellation for long computations.
//!
//! The core stays free of Python: long loops take a `&dyn Control` and call
//! [`Control::checkpoint`] between chunks of work, from the thread that started the
//! computation. The Python bindings implement it by briefly re-attaching to the interpreter to
//! check for Ctrl-C (`PyErr_CheckSignals` only works on the main thread, which is why the calls
//! come from the calling thread and not from rayon workers) and to update a progress bar.

use crate::error::{Error, Result};

/// Receives progress and may ask the computation to stop.
pub trait Control: Sync {
    /// Called between chunks of work with the units done so far and the total (if known).
    ///
    /// # Errors
    /// Returns [`Error::Interrupted`] when the computation must stop.
    fn checkpoint(&self, stage: &str, done: u64, total: Option<u64>) -> Result<()>;
}

/// A [`Control`] that never interrupts and shows nothing.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoControl;

impl Control for NoControl {
    fn checkpoint(&self, _stage: &str, _done: u64, _total: Option<u64>) -> Result<()> {
        Ok(())
    }
}

/// A [`Control`] that interrupts once a flag is set; useful in tests and for embedding.
#[derive(Debug, Default)]
pub struct FlagControl {
    /// Set to true to interrupt.
    pub stop: std::sync::atomic::AtomicBool,
}

impl Control for FlagControl {
    fn checkpoint(&self, _stage: &str, _done: u64, _total: Option<u64>) -> Result<()> {
        if self.stop.load(std::sync::atomic::Ordering::Relaxed) {
            Err(Error::Interrupted)
        } else {
            Ok(())
        }
    }
}

/// Runs `f` over `items` in parallel chunks, calling `control` between chunks.
///
/// Results keep the input order whatever the thread count, so output is deterministic.
///
/// # Errors
/// Returns the first error of `f`, or [`Error::Interrupted`] from `control`.
pub fn map_chunks<T, R, F>(
    items: &[T],
    chunk_size: usize,
    stage: &str,
    control: &dyn Control,
    f: F,
) -> Result<Vec<R>>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    use rayon::prelude::*;
    let chunk_size = chunk_size.max(1);
    let total = items.len() as u64;
    let mut out = Vec::with_capacity(items.len());
    let mut done = 0u64;
    control.checkpoint(stage, 0, Some(total))?;
    for chunk in items.chunks(chunk_size) {
        let part: Vec<R> = chunk.par_iter().map(&f).collect();
        out.extend(part);
        done += chunk.len() as u64;
        control.checkpoint(stage, done, Some(total))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::Ordering;

    #[test]
    fn map_chunks_keeps_order() {
        let v: Vec<u32> = (0..10_000).collect();
        let out = map_chunks(&v, 777, "test", &NoControl, |x| x * 2).unwrap();
        assert_eq!(out, v.iter().map(|x| x * 2).collect::<Vec<_>>());
    }

    #[test]
    fn flag_interrupts() {
        let c = FlagControl::default();
        c.stop.store(true, Ordering::Relaxed);
        let v = [1, 2, 3];
        assert!(matches!(
            map_chunks(&v, 1, "t", &c, |x| *x),
            Err(Error::Interrupted)
        ));
    }
}
