//! Detecting and decoding the text encoding of a CSV file.
//!
//! Offices send UTF-8 (with or without a byte-order mark), UTF-16 (what Excel's "Unicode text"
//! saves) and Windows-1252 (what Excel's plain "CSV" saves on an English Windows). Files that
//! were pasted together can mix UTF-8 and Windows-1252 line by line; such lines are decoded one
//! by one and reported, so that nothing is lost or silently garbled.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// The encoding a file was read with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark.
    Utf8Bom,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// Windows-1252 (Western European).
    Windows1252,
    /// UTF-8 lines mixed with Windows-1252 lines.
    Mixed,
}

impl TextEncoding {
    /// A name for reports.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "utf-8",
            Self::Utf8Bom => "utf-8 (with BOM)",
            Self::Utf16Le => "utf-16le",
            Self::Utf16Be => "utf-16be",
            Self::Windows1252 => "windows-1252",
            Self::Mixed => "mixed utf-8 and windows-1252",
        }
    }
}

/// Decoded text, its encoding, and the 0-based physical line numbers that had to be decoded as
/// Windows-1252 in a mixed file.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// The encoding.
    pub encoding: TextEncoding,
    /// Lines (0-based) decoded as Windows-1252 in a mixed file.
    pub fallback_lines: Vec<usize>,
}

fn looks_like_utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zeros_odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    let zeros_even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    if zeros_odd * 10 > pairs * 6 && zeros_even * 10 < pairs {
        Some(UTF_16LE)
    } else if zeros_even * 10 > pairs * 6 && zeros_odd * 10 < pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Decodes `bytes`, detecting the encoding.
#[must_use]
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return decode_utf8_or_mixed(rest, TextEncoding::Utf8Bom);
    }
    if bytes.starts_with(b"\xFF\xFE") {
        let (text, _) = UTF_16LE.decode_with_bom_removal(bytes);
        return Decoded {
            text,
            encoding: TextEncoding::Utf16Le,
            fallback_lines: Vec::new(),
        };
    }
    if bytes.starts_with(b"\xFE\xFF") {
        let (text, _) = UTF_16BE.decode_with_bom_removal(bytes);
        return Decoded {
            text,
            encoding: TextEncoding::Utf16Be,
            fallback_lines: Vec::new(),
        };
    }
    if let Some(enc) = looks_like_utf16_without_bom(bytes) {
        let (text, _, _) = enc.decode(bytes);
        let encoding = if enc == UTF_16LE {
            TextEncoding::Utf16Le
        } else {
            TextEncoding::Utf16Be
        };
        return Decoded {
            text,
            encoding,
            fallback_lines: Vec::new(),
        };
    }
    decode_utf8_or_mixed(bytes, TextEncoding::Utf8)
}

fn decode_utf8_or_mixed(bytes: &[u8], utf8: TextEncoding) -> Decoded<'_> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(text),
            encoding: utf8,
            fallback_lines: Vec::new(),
        };
    }
    // Not valid UTF-8 as a whole. If some lines are valid UTF-8 with non-ASCII characters, the
    // file mixes encodings: decode line by line. Otherwise it is Windows-1252 throughout.
    let lines: Vec<&[u8]> = bytes.split_inclusive(|b| *b == b'\n').collect();
    let has_utf8_non_ascii = lines
        .iter()
        .any(|l| !l.is_ascii() && std::str::from_utf8(l).is_ok());
    if !has_utf8_non_ascii {
        let (text, _, _) = WINDOWS_1252.decode(bytes);
        return Decoded {
            text,
            encoding: TextEncoding::Windows1252,
            fallback_lines: Vec::new(),
        };
    }
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut fallback_lines = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if let Ok(s) = std::str::from_utf8(line) {
            text.push_str(s);
        } else {
            let (s, _, _) = WINDOWS_1252.decode(line);
            text.push_str(&s);
            fallback_lines.push(i);
        }
    }
    Decoded {
        text: Cow::Owned(text),
        encoding: TextEncoding::Mixed,
        fallback_lines,
    }
}

/// Whether the bytes look like binary data rather than text (NUL bytes outside UTF-16,
/// or many control characters).
#[must_use]
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || looks_like_utf16_without_bom(bytes).is_some()
    {
        return false;
    }
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.is_empty() {
        return false;
    }
    let control = sample
        .iter()
        .filter(|b| (**b < 0x20 && !matches!(**b, b'\t' | b'\n' | b'\r' | 0x0c)) || **b == 0x7f)
        .count();
    sample.contains(&0) || control * 100 > sample.len() * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("نام,Age\n".as_bytes());
        assert_eq!(d.encoding, TextEncoding::Utf8);
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice("Name\n".as_bytes());
        let d = decode(&b);
        assert_eq!(d.encoding, TextEncoding::Utf8Bom);
        assert_eq!(d.text, "Name\n");
    }

    #[test]
    fn windows_1252() {
        let d = decode(b"Name,Remarks\nAli,caf\xe9 \x96 ok\n");
        assert_eq!(d.encoding, TextEncoding::Windows1252);
        assert!(d.text.contains("café – ok"));
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Name\tعمر\n".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&b);
        assert_eq!(d.encoding, TextEncoding::Utf16Le);
        assert_eq!(d.text, "Name\tعمر\n");
        let d = decode(&b[2..]);
        assert_eq!(d.encoding, TextEncoding::Utf16Le);
        assert!(!looks_binary(&b[2..]));
    }

    #[test]
    fn mixed_lines_are_decoded_one_by_one() {
        let mut b = "Name,City\nعلی,Lahore\n".as_bytes().to_vec();
        b.extend_from_slice(b"Jos\xe9,Karachi\n");
        let d = decode(&b);
        assert_eq!(d.encoding, TextEncoding::Mixed);
        assert_eq!(d.fallback_lines, vec![2]);
        assert!(d.text.contains("José") && d.text.contains("علی"));
    }

    #[test]
    fn binary_is_detected() {
        assert!(looks_binary(b"\x00\x01\x02PK\x03\x04garbage\x00\x00"));
        assert!(!looks_binary(b"a,b\n1,2\n"));
    }
}
