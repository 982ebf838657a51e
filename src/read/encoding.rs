//! Detecting and decoding the text encoding of a CSV file.
//!
//! Offices send UTF-8 (with or without a byte-order mark), UTF-16 (what Excel's "Unicode text"
//! saves) and Windows-1252 (what Excel's plain "CSV" saves on an English Windows). Files that
//! were pasted together can mix UTF-8 and Windows-1252 line by line; such lines are decoded one
//! by one and reported, so that nothing is lost or silently garbled. Bytes that decode to
//! nothing (an odd last byte of UTF-16, a character cut off at the end of a UTF-8 file,
//! unpaired UTF-16 surrogates) are reported too.

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

/// Bytes that could not be decoded as the file's encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undecodable {
    /// UTF-16 with an odd number of bytes: the last byte is half a character; dropped.
    OddTrailingByte,
    /// UTF-8 ending in the middle of a character (a file cut short); those bytes dropped.
    TruncatedTail {
        /// How many bytes were dropped.
        bytes: usize,
    },
    /// Invalid sequences in UTF-16 (unpaired surrogates), replaced with U+FFFD.
    Replaced,
}

impl Undecodable {
    /// What to tell a person.
    #[must_use]
    pub fn describe(self, encoding: TextEncoding) -> String {
        match self {
            Self::OddTrailingByte => format!(
                "the file ends with an odd byte that is not part of any {} character (the file was probably cut short); the byte was dropped",
                encoding.name()
            ),
            Self::TruncatedTail { bytes } => format!(
                "the file ends in the middle of a utf-8 character (it was probably cut short); the last {bytes} byte(s) were dropped"
            ),
            Self::Replaced => format!(
                "some bytes are not valid {}; they were read as the replacement character U+FFFD",
                encoding.name()
            ),
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
    /// Bytes that could not be decoded.
    pub undecodable: Vec<Undecodable>,
}

/// Decodes UTF-16 (with or without a byte-order mark), dropping an odd last byte.
fn decode_utf16<'a>(bytes: &'a [u8], enc: &'static Encoding) -> Decoded<'a> {
    let mut undecodable = Vec::new();
    let even = if bytes.len() % 2 == 1 {
        undecodable.push(Undecodable::OddTrailingByte);
        &bytes[..bytes.len() - 1]
    } else {
        bytes
    };
    let (text, had_errors) = enc.decode_with_bom_removal(even);
    if had_errors {
        undecodable.push(Undecodable::Replaced);
    }
    Decoded {
        text,
        encoding: if enc == UTF_16LE {
            TextEncoding::Utf16Le
        } else {
            TextEncoding::Utf16Be
        },
        fallback_lines: Vec::new(),
        undecodable,
    }
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
        return decode_utf16(bytes, UTF_16LE);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return decode_utf16(bytes, UTF_16BE);
    }
    if let Some(enc) = looks_like_utf16_without_bom(bytes) {
        return decode_utf16(bytes, enc);
    }
    decode_utf8_or_mixed(bytes, TextEncoding::Utf8)
}

fn decode_utf8_or_mixed(bytes: &[u8], utf8: TextEncoding) -> Decoded<'_> {
    match std::str::from_utf8(bytes) {
        Ok(text) => {
            return Decoded {
                text: Cow::Borrowed(text),
                encoding: utf8,
                fallback_lines: Vec::new(),
                undecodable: Vec::new(),
            }
        }
        // Valid up to a character cut off by the end of the file.
        Err(e) if e.error_len().is_none() && !bytes[..e.valid_up_to()].is_ascii() => {
            let (whole, cut) = bytes.split_at(e.valid_up_to());
            let mut d = decode_utf8_or_mixed(whole, utf8);
            d.undecodable
                .push(Undecodable::TruncatedTail { bytes: cut.len() });
            return d;
        }
        Err(_) => {}
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
            undecodable: Vec::new(),
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
        undecodable: Vec::new(),
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

    #[test]
    fn odd_trailing_byte_of_utf16_is_dropped_and_reported() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Name\tAge\nAli\t12\n".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        b.push(b'x');
        let d = decode(&b);
        assert_eq!(d.encoding, TextEncoding::Utf16Le);
        assert_eq!(d.text, "Name\tAge\nAli\t12\n");
        assert_eq!(d.undecodable, [Undecodable::OddTrailingByte]);
        assert!(d.undecodable[0]
            .describe(d.encoding)
            .contains("odd byte that is not part of any utf-16le character"));
        // Without a byte-order mark too.
        let d = decode(&b[2..]);
        assert_eq!(d.undecodable, [Undecodable::OddTrailingByte]);
        assert_eq!(d.text, "Name\tAge\nAli\t12\n");
    }

    #[test]
    fn unpaired_surrogates_are_reported() {
        let mut b = vec![0xFF, 0xFE];
        for u in "Name\nA".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        b.extend_from_slice(&0xD800u16.to_le_bytes());
        b.extend_from_slice(&u16::from(b'\n').to_le_bytes());
        let d = decode(&b);
        assert_eq!(d.undecodable, [Undecodable::Replaced]);
        assert!(d.text.contains('\u{FFFD}'));
    }

    #[test]
    fn utf8_cut_off_mid_character_is_reported() {
        let mut b = "Name,City\nعلی,Lahore\nعمر,".as_bytes().to_vec();
        b.extend_from_slice(&"ل".as_bytes()[..1]);
        let d = decode(&b);
        assert_eq!(d.encoding, TextEncoding::Utf8);
        assert_eq!(d.text, "Name,City\nعلی,Lahore\nعمر,");
        assert_eq!(d.undecodable, [Undecodable::TruncatedTail { bytes: 1 }]);
        // Plain ASCII before the cut: Windows-1252 reads every byte, nothing is lost.
        let d = decode(b"Name\nJos\xc3");
        assert_eq!(d.encoding, TextEncoding::Windows1252);
        assert!(d.undecodable.is_empty());
    }
}
