//! Embedded reference tables (column aliases, districts, laws, countries, names), loaded with
//! serde from data files under `src/reference/data/` so they can be edited without code.
