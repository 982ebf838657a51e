//! # tipsom: trafficking in persons (TIP) and smuggling of migrants (SOM) analytics
//!
//! The core of the package. Data flows one way over one canonical schema:
//!
//! 1. [`read`] turns circle returns (CSV and Excel in many house styles) into a
//!    [`table::Table`] of text columns, with a [`read::ReadReport`] that accounts for every row.
//! 2. [`normalize`] turns raw text into typed canonical values, keeping the raw value and
//!    recording machine-readable issue codes.
//! 3. [`linkage`] finds the records that describe the same person (Fellegi–Sunter, EM).
//! 4. [`indicators`] and [`mse`] compute what researchers report: GLOTIP / SDG 16.2.2 tables and
//!    multiple systems estimates of the hidden population.
//!
//! [`synth`] generates realistic synthetic returns with ground truth for tests, notebooks and
//! workshops. The crate is pure Rust; Python bindings live in `bindings`, behind the `python`
//! cargo feature that maturin switches on.
#![warn(missing_docs)]

pub mod control;
pub mod error;
pub mod indicators;
pub mod linkage;
pub mod mse;
pub mod normalize;
pub mod persons;
pub mod read;
pub mod reference;
pub mod schema;
pub mod synth;
pub mod table;

#[cfg(feature = "python")]
mod bindings;

pub use control::{Control, NoControl};
pub use error::{Error, Result};
pub use table::{Column, ColumnData, Table};
