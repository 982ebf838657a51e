//! Normalization of raw circle-return text into canonical typed values.
