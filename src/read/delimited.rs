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
#[must_use]
pub fn parse(text: &str, delimiter: u8) -> Vec<Record> {
    let bytes = text.as_bytes();
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field: Vec<u8> = Vec::new();
    let mut i = 0;
    let mut line = 0usize;
    let mut start_line = 0usize;
    let mut row = 0u64;
    let mut in_quotes = false;
    let mut at_field_start = true;
    let finish_field = |field: &mut Vec<u8>, fields: &mut Vec<String>| {
        // Safe: we only split at ASCII bytes, so each field is valid UTF-8.
        fields.push(String::from_utf8(std::mem::take(field)).unwrap_or_default());
    };
    while i < bytes.len() {
        let b = bytes[i];
        if in_quotes {
            if b == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    field.push(b'"');
                    i += 2;
                    continue;
                }
                in_quotes = false;
            } else {
                if b == b'\n' {
                    line += 1;
                }
                field.push(b);
            }
            i += 1;
            continue;
        }
        match b {
            b'"' if at_field_start => {
                in_quotes = true;
                at_field_start = false;
            }
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {}
            b'\n' | b'\r' => {
                finish_field(&mut field, &mut fields);
                row += 1;
                records.push(Record {
                    row,
                    line: start_line,
                    fields: std::mem::take(&mut fields),
                });
                line += 1;
                start_line = line;
                at_field_start = true;
            }
            _ if b == delimiter => {
                finish_field(&mut field, &mut fields);
                at_field_start = true;
            }
            _ => {
                field.push(b);
                at_field_start = false;
            }
        }
        i += 1;
    }
    if !field.is_empty() || !fields.is_empty() || in_quotes {
        finish_field(&mut field, &mut fields);
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
