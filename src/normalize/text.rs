//! Text cleaning shared by every normalizer.
//!
//! Unicode NFKC (which also expands Arabic presentation forms from PDFs), control characters
//! removed, whitespace collapsed; Urdu (Extended Arabic-Indic, U+06F0–U+06F9) and Arabic-Indic
//! (U+0660–U+0669) digits to ASCII (as `pakdatakit`'s text module does); Arabic letterforms
//! folded to the Urdu code points of the same letter and diacritics (aerab) and tatweel removed,
//! following the Rust crate `urdu-text` (kaf U+0643 → keheh U+06A9, heh U+0647 → U+06C1,
//! yeh U+064A / alef maksura U+0649 → U+06CC, teh marbuta U+0629 → U+06C3). Like `urdu-text`,
//! it does not fold آ→ا, ے→ی or ھ→ہ, which change meaning. Hand-written rather than taking the
//! crate as a dependency: it is a dozen code points and the cleaning runs on every cell.

use unicode_normalization::UnicodeNormalization;

/// Maps a digit of any of the three scripts to ASCII; other characters unchanged.
#[inline]
#[must_use]
pub fn ascii_digit(c: char) -> char {
    match c {
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        _ => c,
    }
}

#[inline]
fn fold_arabic(c: char) -> Option<char> {
    Some(match c {
        '\u{0643}' => '\u{06A9}',              // kaf → keheh
        '\u{0647}' => '\u{06C1}',              // heh → heh goal
        '\u{064A}' | '\u{0649}' => '\u{06CC}', // yeh, alef maksura → farsi yeh
        '\u{0629}' => '\u{06C3}',              // teh marbuta → teh marbuta goal
        // Diacritics (fathatan..sukun, superscript alef, small high marks) and tatweel.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => return None,
        // Zero-width and direction marks.
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}' => return None,
        _ => c,
    })
}

/// Cleans one cell: NFKC, Urdu and Arabic digits to ASCII, Arabic letters folded to Urdu,
/// diacritics and control characters removed, whitespace collapsed and trimmed.
#[must_use]
pub fn clean(s: &str) -> String {
    clean_cow(s).into_owned()
}

/// [`clean`] without a copy when the cell is already clean (tidy ASCII, the common case).
#[must_use]
pub fn clean_cow(s: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    if s.is_ascii() {
        // Fast path: already clean (no control characters, single inner spaces, trimmed),
        // checked before anything is allocated.
        let b = s.as_bytes();
        let tidy = b.first().is_none_or(|c| *c != b' ')
            && b.last().is_none_or(|c| *c != b' ')
            && b.iter().all(|&c| c >= b' ' && c != 0x7f)
            && !b.windows(2).any(|w| w == b"  ");
        if tidy {
            return Cow::Borrowed(s);
        }
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut push = |c: char, out: &mut String| {
        if c.is_whitespace() || c.is_control() {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    };
    if s.is_ascii() {
        for c in s.chars() {
            push(c, &mut out);
        }
    } else {
        for c in s.nfkc() {
            // A superscript alef on a yeh (یٰ, ىٰ: the final long a of Mustafa مصطفیٰ,
            // Yahya یحییٰ, Musa موسیٰ) is a letter, not an optional mark: it is kept.
            if c == '\u{0670}' && out.ends_with('\u{06CC}') {
                out.push(c);
            } else if let Some(f) = fold_arabic(ascii_digit(c)) {
                push(f, &mut out);
            }
        }
    }
    Cow::Owned(out)
}

/// A cleaned cell, or `None` when it is empty or only says "missing" (`-`, `N/A`, `nil`...).
#[must_use]
pub fn clean_value(s: Option<&str>) -> Option<String> {
    clean_value_cow(s?).map(std::borrow::Cow::into_owned)
}

/// [`clean_value`] without a copy when the cell is already clean.
#[must_use]
pub fn clean_value_cow(s: &str) -> Option<std::borrow::Cow<'_, str>> {
    let c = clean_cow(s);
    if is_missing_marker(&c) {
        None
    } else {
        Some(c)
    }
}

/// Whether a cleaned cell only marks a missing value.
#[must_use]
pub fn is_missing_marker(c: &str) -> bool {
    if c.is_empty()
        || c.chars()
            .all(|ch| matches!(ch, '-' | '_' | '.' | '/' | '?' | '*' | '0' | ' '))
    {
        return true;
    }
    // Missing markers are short words; do not build a key for longer text.
    if c.len() > 20 {
        return false;
    }
    // Nor for text that cannot give one: the key keeps ASCII digits (no marker has one), and
    // for ASCII text it has exactly its letters and digits (the longest marker has 12).
    let b = c.as_bytes();
    if b.iter().any(u8::is_ascii_digit)
        || (c.is_ascii() && b.iter().filter(|x| x.is_ascii_alphanumeric()).count() > 12)
    {
        return false;
    }
    matches!(
        lookup_key(c).as_str(),
        "na" | "nil"
            | "none"
            | "null"
            | "nan"
            | "notavailable"
            | "notknown"
            | "unknown"
            | "nk"
            | "nr"
            | "notrecorded"
            | "missing"
            | "blank"
            | "nill"
    )
}

/// The key under which names of places, countries, terms are looked up: cleaned, lower-case,
/// letters and digits only (spaces and punctuation removed, so `D.G. Khan`, `DG Khan` and
/// `dg-khan` meet).
#[must_use]
pub fn lookup_key(s: &str) -> String {
    clean(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Cleaned, lower-case, with punctuation turned into single spaces and a space at both ends, so
/// that phrases can be searched as whole words with `contains(" phrase ")`.
#[must_use]
pub fn word_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(' ');
    for c in clean(s).chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// Whether the text contains Arabic-script letters.
#[must_use]
pub fn has_arabic_script(s: &str) -> bool {
    s.chars()
        .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_three_scripts() {
        assert_eq!(clean("۳۵۲۰۲-١٢٣"), "35202-123");
    }

    #[test]
    fn arabic_letters_fold_to_urdu() {
        // "Ali" typed with Arabic yeh and "Fatima" with Arabic heh and a fatha.
        assert_eq!(clean("علي"), "علی");
        assert_eq!(clean("فاطمَه"), "فاطمہ");
        // Presentation forms from PDFs expand under NFKC.
        assert_eq!(clean("\u{FEDF}\u{FEE0}"), clean("لل"));
    }

    #[test]
    fn whitespace_and_controls() {
        assert_eq!(clean("  Muhammad\t\u{0007}Ali \n"), "Muhammad Ali");
        assert_eq!(clean(""), "");
        assert_eq!(clean("\u{200F}x"), "x");
    }

    #[test]
    fn missing_markers() {
        assert_eq!(clean_value(Some(" N/A ")), None);
        assert_eq!(clean_value(Some("--")), None);
        assert_eq!(clean_value(Some("Nil")), None);
        assert_eq!(clean_value(Some("Lahore")).as_deref(), Some("Lahore"));
        assert_eq!(clean_value(None), None);
    }

    #[test]
    fn lookup_keys_ignore_punctuation() {
        assert_eq!(lookup_key("D.G. Khan"), lookup_key("dg khan"));
        assert_eq!(word_text("Under-trial, (court)"), " under trial court ");
    }

    #[test]
    fn idempotent() {
        for s in ["  a\u{0643}b  ", "ﻻ", "x\u{0301}", "①②"] {
            assert_eq!(clean(&clean(s)), clean(s));
        }
    }
}
