//! String similarity kernels used by comparison levels.
//!
//! Jaro, Jaro–Winkler, Levenshtein and Damerau–Levenshtein come from the `strsim` crate (they
//! work on Unicode scalar values, so Urdu script is compared letter by letter). Two kernels are
//! written here because no crate has them: token-set name matching (swapped and missing name
//! parts, common in South Asian names recorded by different offices) and the one-edit test for
//! typed identifiers (one wrong digit or two adjacent digits swapped, the usual CNIC typos).

/// Jaro–Winkler similarity in [0, 1] (Winkler 1990; prefix scale 0.1, prefix up to 4).
#[must_use]
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    strsim::jaro_winkler(a, b)
}

/// Jaro similarity in [0, 1] (Jaro 1989).
#[must_use]
pub fn jaro(a: &str, b: &str) -> f64 {
    strsim::jaro(a, b)
}

/// Levenshtein edit distance (insertions, deletions, substitutions).
#[must_use]
pub fn levenshtein(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

/// Damerau–Levenshtein distance (adds transpositions of adjacent characters).
#[must_use]
pub fn damerau_levenshtein(a: &str, b: &str) -> usize {
    strsim::damerau_levenshtein(a, b)
}

/// True when `a` and `b` have the same length and differ by one substituted character or by
/// one swap of two adjacent characters. Equal strings are not "one edit" apart.
#[must_use]
pub fn one_edit(a: &str, b: &str) -> bool {
    // Identifiers are ASCII digits after normalization; compare chars to stay Unicode-safe.
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() != b.len() {
        return false;
    }
    let diffs: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    match diffs.as_slice() {
        [_] => true,
        [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
        _ => false,
    }
}

/// True when the first `n` characters of both strings exist and agree.
#[must_use]
pub fn same_prefix(a: &str, b: &str, n: usize) -> bool {
    let mut ia = a.chars();
    let mut ib = b.chars();
    for _ in 0..n {
        match (ia.next(), ib.next()) {
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
    true
}

/// Name parts match in any order, tolerating missing parts.
///
/// Every token of the name with fewer tokens must match (Jaro–Winkler ≥ `threshold`) a distinct
/// token of the other, greedily from the best pair. A one-token name only matches a name of at
/// most two tokens, so that a lone "Muhammad" does not match every "Muhammad ...".
#[must_use]
pub fn name_tokens_match(a: &str, b: &str, threshold: f64) -> bool {
    let ta: Vec<&str> = a.split_whitespace().collect();
    let tb: Vec<&str> = b.split_whitespace().collect();
    let (short, long) = if ta.len() <= tb.len() { (ta, tb) } else { (tb, ta) };
    if short.is_empty() || (short.len() == 1 && long.len() > 2) {
        return false;
    }
    let mut used = vec![false; long.len()];
    for s in &short {
        let mut best: Option<(usize, f64)> = None;
        for (k, l) in long.iter().enumerate() {
            if used[k] {
                continue;
            }
            let sim = if s == l { 1.0 } else { strsim::jaro_winkler(s, l) };
            if sim >= threshold && best.is_none_or(|(_, b)| sim > b) {
                best = Some((k, sim));
            }
        }
        match best {
            Some((k, _)) => used[k] = true,
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jaro_winkler_known_answers() {
        // Winkler's worked examples (MARTHA/MARHTA 0.961, DWAYNE/DUANE 0.84, DIXON/DICKSONX 0.813).
        assert!((jaro_winkler("MARTHA", "MARHTA") - 0.961).abs() < 1e-3);
        assert!((jaro_winkler("DWAYNE", "DUANE") - 0.84).abs() < 1e-3);
        assert!((jaro_winkler("DIXON", "DICKSONX") - 0.813).abs() < 1e-3);
        assert!((jaro("MARTHA", "MARHTA") - 0.944).abs() < 1e-3);
        assert_eq!(jaro_winkler("", ""), 1.0);
        assert_eq!(jaro_winkler("abc", ""), 0.0);
    }

    #[test]
    fn edit_distances() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(damerau_levenshtein("ca", "ac"), 1);
        assert_eq!(levenshtein("ca", "ac"), 2);
        assert_eq!(levenshtein("علی", "علي"), 1);
    }

    #[test]
    fn one_edit_cases() {
        assert!(one_edit("3520112345671", "3520112345672"));
        assert!(one_edit("3520112345671", "3520112345617"));
        assert!(!one_edit("3520112345671", "3520112345671"));
        assert!(!one_edit("3520112345671", "3520112345682"));
        assert!(!one_edit("12", "123"));
        assert!(one_edit("۱۲", "۱۳"));
    }

    #[test]
    fn prefix_cases() {
        assert!(same_prefix("35201", "35202", 4));
        assert!(!same_prefix("35201", "35202", 5));
        assert!(!same_prefix("35", "35202", 3));
    }

    #[test]
    fn name_tokens_cases() {
        assert!(name_tokens_match("ali raza", "raza ali", 0.9));
        assert!(name_tokens_match("muhammad ali raza", "ali raza", 0.9));
        assert!(name_tokens_match("muhamad ali", "ali muhammad", 0.9));
        assert!(!name_tokens_match("muhammad", "muhammad ali raza", 0.9));
        assert!(name_tokens_match("bibi", "bibi fatima", 0.9));
        assert!(!name_tokens_match("ali raza", "ali khan", 0.9));
        assert!(!name_tokens_match("", "ali", 0.9));
    }
}
