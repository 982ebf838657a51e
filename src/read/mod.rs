//! Reading circle returns: CSV and Excel files in many house styles into text columns.
