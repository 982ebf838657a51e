//! Indicators: GLOTIP / SDG 16.2.2 victim tables, rates with exact intervals, the justice
//! funnel and statistical disclosure control.
