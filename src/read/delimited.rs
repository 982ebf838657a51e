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
        let mut counts: Vec<usize> = sample.iter().map(|l| count_outside_quotes(l, d)).collect();
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

fn count_outside_quotes(line: &str, d: u8) -> usize {
    let mut in_quotes = false;
    let mut n = 0;
    for &b in line.as_bytes() {
        if b == b'"' {
            in_quotes = !in_quotes;
        } else if b == d && !in_quotes {
            n += 1;
        }
    }
    n
}

/// Splits `text` into records.
///
/// Unquoted fields are copied straight from the text as slices; only quoted fields go through
/// the byte-by-byte path that undoubles quotes.
#[must_use]
pub fn parse(text: &str, delimiter: u8) -> Vec<Record> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut records = Vec::with_capacity(n / 64 + 1);
    let mut fields: Vec<String> = Vec::new();
    let mut width = 0usize;
    let mut i = 0usize;
    let mut line = 0usize;
    let mut start_line = 0usize;
    let mut row = 0u64;
    let mut pending = false; // a field has started on this record
    while i < n {
        if bytes[i] == b'"' {
            // Quoted field: up to the closing quote, doubled quotes undoubled.
            let mut field = Vec::new();
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
                        break;
                    }
                    Some(&b) => {
                        if b == b'\n' {
                            line += 1;
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
            field.extend_from_slice(&bytes[rest_start..i]);
            // Splits happen only at ASCII bytes, so the field is valid UTF-8.
            fields.push(String::from_utf8(field).unwrap_or_default());
        } else {
            let start = i;
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
    records
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
        let r = parse(text, b',');
        assert_eq!(r.len(), 5);
        assert_eq!(r[1].row, 2);
        assert_eq!(f(&r[1]), [""]);
        assert_eq!(f(&r[3]), ["Khan, Ali", "line one\nline two"]);
        assert_eq!((r[4].row, r[4].line), (5, 5));
        assert_eq!(f(&r[4]), ["say \"hi\"", "x"]);
    }

    #[test]
    fn no_trailing_newline() {
        let r = parse("a;b\n1;2", b';');
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
}
