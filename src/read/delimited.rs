//! A small reader for delimited text (CSV with any delimiter).
//!
//! Hand-written rather than the `csv` crate because returns must be read as a spreadsheet
//! program shows them: a blank line is a row of its own (the `csv` crate skips it, which would
//! shift every row number after it), and each record must report the row number a person sees
//! when opening the file. Quoted fields may hold delimiters, doubled quotes and line breaks.

/// One record: its 1-based row number, the 0-based physical line it starts on, and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// 1-based record number, counting blank lines, title lines and the header.
    pub row: u64,
    /// 0-based physical line where the record starts.
    pub line: usize,
    /// The fields, unquoted.
    pub fields: Vec<String>,
}

/// Chooses the delimiter among comma, semicolon, tab and pipe: the one that splits the most
/// lines of the sample into the same number of fields (title lines have none).
#[must_use]
pub fn sniff_delimiter(text: &str) -> u8 {
    let candidates = [b',', b';', b'\t', b'|'];
    let sample: Vec<&str> = text.lines().take(60).collect();
    let mut best = (b',', 0usize, 0usize);
    for &d in &candidates {
        let mut counts: Vec<usize> = sample
            .iter()
            .map(|l| count_outside_quotes(l.as_bytes(), d))
            .collect();
        counts.retain(|c| *c > 0);
        if counts.is_empty() {
            continue;
        }
        let mut freq = std::collections::HashMap::new();
        for c in &counts {
            *freq.entry(*c).or_insert(0usize) += 1;
        }
        let (&mode, &lines) = freq
            .iter()
            .max_by_key(|(c, n)| (**n, **c))
            .unwrap_or((&0, &0));
        if (lines, mode) > (best.1, best.2) {
            best = (d, lines, mode);
        }
    }
    best.0
}

/// Records, and the rows whose opening quote never closes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    /// The records, in order.
    pub records: Vec<Record>,
    /// Row numbers (1-based, as [`Record::row`]) where a quote opens a field and never closes
    /// (or closes only after swallowing whole records): that quote was read as text.
    pub unclosed_quotes: Vec<u64>,
}

/// The number of fields most lines split into (ties go to the wider), or 0 when no line has
/// a delimiter: the width of the table.
fn modal_width(text: &[u8], delimiter: u8) -> usize {
    let mut freq: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for line in text.split(|b| *b == b'\n') {
        let n = count_outside_quotes(line, delimiter);
        if n > 0 {
            *freq.entry(n + 1).or_insert(0) += 1;
        }
    }
    freq.into_iter()
        .max_by_key(|(w, n)| (*n, *w))
        .map_or(0, |(w, _)| w)
}

fn count_outside_quotes(line: &[u8], d: u8) -> usize {
    let mut in_quotes = false;
    let mut n = 0;
    for &b in line {
        if b == b'"' {
            in_quotes = !in_quotes;
        } else if b == d && !in_quotes {
            n += 1;
        }
    }
    n
}

/// Whether the whole lines of `inner` (what a quoted field swallowed between its first and
/// last line break) look like records of the table: each non-blank one splits into the
/// table's width, and there is at least one.
fn swallows_records(inner: &[u8], delimiter: u8, width: usize) -> bool {
    if width < 2 {
        return false;
    }
    let mut any = false;
    for line in inner.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if count_outside_quotes(line, delimiter) + 1 != width {
            return false;
        }
        any = true;
    }
    any
}

/// Splits `text` into records.
///
/// Unquoted fields are copied straight from the text as slices; only quoted fields go through
/// the byte-by-byte path that undoubles quotes. A quote that opens a field and never closes
/// would swallow the rest of the file into one cell; so would a stray quote closed only by
/// another one rows later. Such a quote (one reaching the end of the text, or one whose field
/// spans line breaks and either swallows whole lines shaped like the table's records or is
/// followed by more text after its closing quote) is read as a literal character instead, and
/// its row is listed in [`Parsed::unclosed_quotes`]. A quoted address over two lines is
/// unaffected.
#[must_use]
pub fn parse(text: &str, delimiter: u8) -> Parsed {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut records = Vec::with_capacity(n / 64 + 1);
    let mut unclosed_quotes = Vec::new();
    let mut table_width: Option<usize> = None;
    let mut fields: Vec<String> = Vec::new();
    let mut width = 0usize;
    let mut i = 0usize;
    let mut line = 0usize;
    let mut start_line = 0usize;
    let mut row = 0u64;
    let mut pending = false; // a field has started on this record
    while i < n {
        let mut quoted = false;
        if bytes[i] == b'"' {
            // Quoted field: up to the closing quote, doubled quotes undoubled.
            let (quote_at, line_at) = (i, line);
            let mut field = Vec::new();
            let mut closed = false;
            let mut first_break: Option<usize> = None;
            let mut last_break = 0usize;
            i += 1;
            loop {
                match bytes.get(i) {
                    None => break,
                    Some(b'"') if bytes.get(i + 1) == Some(&b'"') => {
                        field.push(b'"');
                        i += 2;
                    }
                    Some(b'"') => {
                        i += 1;
                        closed = true;
                        break;
                    }
                    Some(&b) => {
                        if b == b'\n' {
                            line += 1;
                            first_break.get_or_insert(i);
                            last_break = i;
                        }
                        field.push(b);
                        i += 1;
                    }
                }
            }
            // Text after the closing quote (malformed, but spreadsheets keep it) joins the field.
            let rest_start = i;
            while i < n && bytes[i] != delimiter && bytes[i] != b'\n' && bytes[i] != b'\r' {
                i += 1;
            }
            let unclosed = !closed
                || first_break.is_some_and(|first| {
                    bytes[rest_start..i]
                        .iter()
                        .any(|b| !b.is_ascii_whitespace())
                        || {
                            let w =
                                *table_width.get_or_insert_with(|| modal_width(bytes, delimiter));
                            first < last_break
                                && swallows_records(&bytes[first + 1..last_break], delimiter, w)
                        }
                });
            if unclosed {
                unclosed_quotes.push(row + 1);
                i = quote_at;
                line = line_at;
            } else {
                field.extend_from_slice(&bytes[rest_start..i]);
                // Splits happen only at ASCII bytes, so the field is valid UTF-8.
                fields.push(String::from_utf8(field).unwrap_or_default());
                quoted = true;
            }
        }
        if !quoted {
            let start = i;
            if bytes[i] == b'"' {
                // An unclosed quote, read as text.
                i += 1;
            }
            while i < n && bytes[i] != delimiter && bytes[i] != b'\n' && bytes[i] != b'\r' {
                i += 1;
            }
            fields.push(text[start..i].to_owned());
        }
        pending = true;
        // Now at a delimiter, a line end or the end of the text.
        if i < n && bytes[i] == delimiter {
            i += 1;
            if i == n {
                fields.push(String::new());
            }
            continue;
        }
        if i < n && bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i += 1;
        }
        row += 1;
        width = width.max(fields.len());
        let mut done = Vec::with_capacity(width);
        std::mem::swap(&mut done, &mut fields);
        records.push(Record {
            row,
            line: start_line,
            fields: done,
        });
        pending = false;
        if i < n {
            i += 1;
            line += 1;
            start_line = line;
        }
    }
    if pending {
        row += 1;
        records.push(Record {
            row,
            line: start_line,
            fields,
        });
    }
    Parsed {
        records,
        unclosed_quotes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(r: &Record) -> Vec<&str> {
        r.fields.iter().map(String::as_str).collect()
    }

    #[test]
    fn quoted_fields_and_blank_lines() {
        let text =
            "Title\n\nName,Remarks\n\"Khan, Ali\",\"line one\nline two\"\n\"say \"\"hi\"\"\",x\r\n";
        let p = parse(text, b',');
        assert!(p.unclosed_quotes.is_empty());
        let r = p.records;
        assert_eq!(r.len(), 5);
        assert_eq!(r[1].row, 2);
        assert_eq!(f(&r[1]), [""]);
        assert_eq!(f(&r[3]), ["Khan, Ali", "line one\nline two"]);
        assert_eq!((r[4].row, r[4].line), (5, 5));
        assert_eq!(f(&r[4]), ["say \"hi\"", "x"]);
    }

    #[test]
    fn no_trailing_newline() {
        let r = parse("a;b\n1;2", b';').records;
        assert_eq!(r.len(), 2);
        assert_eq!(f(&r[1]), ["1", "2"]);
    }

    #[test]
    fn sniffs_delimiters_despite_title_lines() {
        assert_eq!(
            sniff_delimiter("FIA Circle, Lahore\nName;Age;Sex\nA;1;M\nB;2;F\n"),
            b';'
        );
        assert_eq!(sniff_delimiter("Name\tAge\nA\t1\n"), b'\t');
        assert_eq!(sniff_delimiter("Name,Age,Sex\n\"a,b\",1,M\n"), b',');
    }

    #[test]
    fn unclosed_quote_at_the_end_of_the_file_is_text() {
        let text = "Name,Age,Sex\nA,1,F\n\"B,2,M\nC,3,F\nD,4,M\n";
        let p = parse(text, b',');
        assert_eq!(p.unclosed_quotes, [3]);
        let r = &p.records;
        assert_eq!(r.len(), 5);
        assert_eq!(f(&r[2]), ["\"B", "2", "M"]);
        assert_eq!((r[4].row, r[4].line), (5, 4));
        assert_eq!(f(&r[4]), ["D", "4", "M"]);
    }

    #[test]
    fn stray_quote_closed_rows_later_is_text() {
        // Row 3 opens a quote that row 6 closes: rows 4 and 5 are whole records in between.
        let text = "Name,Age,Sex\nA,1,F\nB,\"2,M\nC,3,F\nD,4,M\nE,5\",F\nG,7,M\n";
        let p = parse(text, b',');
        assert_eq!(p.unclosed_quotes, [3]);
        let r = &p.records;
        assert_eq!(r.len(), 7);
        assert_eq!(f(&r[2]), ["B", "\"2", "M"]);
        assert_eq!(f(&r[3]), ["C", "3", "F"]);
        assert_eq!(f(&r[5]), ["E", "5\"", "F"]);
        assert_eq!((r[6].row, f(&r[6])), (7, vec!["G", "7", "M"]));
    }

    #[test]
    fn stray_quote_closed_on_the_next_line_mid_field_is_text() {
        // The quote opened in row 2 "closes" inside row 3 with text after it.
        let text = "Name,Age,Remarks\nA,1,\"rescued\nB,2,said \"no\" twice\n";
        let p = parse(text, b',');
        assert_eq!(p.unclosed_quotes, [2]);
        assert_eq!(p.records.len(), 3);
        assert_eq!(f(&p.records[2]), ["B", "2", "said \"no\" twice"]);
    }

    #[test]
    fn addresses_over_several_lines_stay_one_field() {
        let text =
            "Name,Address,Age\nA,\"House 5\nBlock B\nLahore\",12\nB,\"Street 7,\nKasur\",30\n";
        let p = parse(text, b',');
        assert!(p.unclosed_quotes.is_empty());
        assert_eq!(p.records.len(), 3);
        assert_eq!(f(&p.records[1]), ["A", "House 5\nBlock B\nLahore", "12"]);
        assert_eq!(f(&p.records[2]), ["B", "Street 7,\nKasur", "30"]);
    }
}
