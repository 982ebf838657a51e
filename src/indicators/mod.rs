//! Indicators: GLOTIP / SDG 16.2.2 victim tables, rates with exact intervals, the justice
//! funnel and statistical disclosure control.
//!
//! The counting itself (group-by over canonical records or linked persons) runs in polars on
//! the Python side, where it is already parallel and vectorised; the core holds what polars
//! does not have: exact Poisson and Wilson intervals ([`intervals`]), secondary cell
//! suppression with a recoverability guarantee ([`suppression`]) and the legal decision TIP /
//! SOM / both / neither from the elements of a case ([`classify`]).

pub mod classify;
pub mod intervals;
pub mod suppression;
