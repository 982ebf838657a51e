//! Multiple systems estimation of the hidden population from list overlaps.
