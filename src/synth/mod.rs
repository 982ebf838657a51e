//! The synthetic generator of circle returns with ground truth.
