//! String similarity kernels used by comparison levels.
//!
//! Jaro, Jaro–Winkler, Levenshtein and Damerau–Levenshtein come from the `strsim` crate (they
//! work on Unicode scalar values, so Urdu script is compared letter by letter). Two kernels are
//! written here because no crate has them: token-set name matching (swapped and missing name
//! parts, common in South Asian names recorded by different offices) and the one-edit test for
//! typed identifiers (one wrong digit or two adjacent digits swapped, the usual CNIC typos).
//!
//! Jaro and Jaro–Winkler also have a hand-written path for strings of at most 64 letters
//! (normalized Roman names as bytes, Urdu names as chars copied to the stack): it keeps the
//! match flags in two `u64` bit sets instead of allocating, which made estimating u on a
//! million random pairs several times faster. It gives the same value as `strsim` (checked by
//! a differential test below).
// Loops index several parallel arrays (levels of m, u and counts) at once.
#![allow(clippy::needless_range_loop)]

/// Jaro similarity of sequences of at most 64 letters (same definition as `strsim`).
fn jaro_ascii<T: PartialEq>(a: &[T], b: &[T]) -> f64 {
    let (la, lb) = (a.len(), b.len());
    if la == 0 && lb == 0 {
        return 1.0;
    }
    if la == 0 || lb == 0 {
        return 0.0;
    }
    let range = (la.max(lb) / 2).saturating_sub(1);
    let (mut fa, mut fb) = (0u64, 0u64);
    let mut matches = 0usize;
    for (i, ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(range);
        let hi = lb.min(i + range + 1);
        for j in lo..hi {
            if fb & (1 << j) == 0 && b[j] == *ca {
                fa |= 1 << i;
                fb |= 1 << j;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut t = 0usize;
    let mut rest = fb;
    for (i, ca) in a.iter().enumerate() {
        if fa & (1 << i) != 0 {
            let k = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            if b[k] != *ca {
                t += 1;
            }
        }
    }
    let m = matches as f64;
    (m / la as f64 + m / lb as f64 + (matches - t / 2) as f64 / m) / 3.0
}

fn small_ascii(a: &str, b: &str) -> bool {
    a.len() <= 64 && b.len() <= 64 && a.is_ascii() && b.is_ascii()
}

/// Jaro–Winkler similarity in [0, 1] (Winkler 1990; prefix scale 0.1, prefix up to 4, boost
/// only above 0.7 as in `strsim`).
#[must_use]
pub fn jaro_winkler(a: &str, b: &str) -> f64 {
    fn winkler<T: PartialEq>(x: &[T], y: &[T]) -> f64 {
        let sim = jaro_ascii(x, y);
        if sim > 0.7 {
            let prefix = x.iter().zip(y).take(4).take_while(|(p, q)| p == q).count();
            sim + 0.1 * prefix as f64 * (1.0 - sim)
        } else {
            sim
        }
    }
    if small_ascii(a, b) {
        return winkler(a.as_bytes(), b.as_bytes());
    }
    // Urdu script and other non-ASCII names: the same kernel on letters copied to the stack
    // (strsim allocates two vectors per call).
    let (mut x, mut y) = (['\0'; 64], ['\0'; 64]);
    match (letters(a, &mut x), letters(b, &mut y)) {
        (Some(la), Some(lb)) => winkler(&x[..la], &y[..lb]),
        _ => strsim::jaro_winkler(a, b),
    }
}

/// Copies the letters of `s` into `out`; `None` when there are more than 64.
fn letters(s: &str, out: &mut [char; 64]) -> Option<usize> {
    let mut n = 0;
    for c in s.chars() {
        if n == 64 {
            return None;
        }
        out[n] = c;
        n += 1;
    }
    Some(n)
}

/// Jaro similarity in [0, 1] (Jaro 1989).
#[must_use]
pub fn jaro(a: &str, b: &str) -> f64 {
    if small_ascii(a, b) {
        jaro_ascii(a.as_bytes(), b.as_bytes())
    } else {
        strsim::jaro(a, b)
    }
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
    fn check<T: PartialEq>(a: &[T], b: &[T]) -> bool {
        if a.len() != b.len() {
            return false;
        }
        let mut diffs = (0..a.len()).filter(|&i| a[i] != b[i]);
        match (diffs.next(), diffs.next(), diffs.next()) {
            (Some(_), None, _) => true,
            (Some(i), Some(j), None) => j == i + 1 && a[i] == b[j] && a[j] == b[i],
            _ => false,
        }
    }
    // Identifiers are ASCII digits after normalization: compare bytes without allocating.
    if a.is_ascii() && b.is_ascii() {
        return check(a.as_bytes(), b.as_bytes());
    }
    // Otherwise compare chars to stay Unicode-safe.
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    check(&a, &b)
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
    // Names have few parts: fixed arrays avoid allocating on the hot path.
    const MAX: usize = 8;
    fn split(s: &str) -> ([&str; MAX], usize) {
        let mut out = [""; MAX];
        let mut n = 0;
        for t in s.split_whitespace() {
            if n == MAX {
                break;
            }
            out[n] = t;
            n += 1;
        }
        (out, n)
    }
    let (ta, na) = split(a);
    let (tb, nb) = split(b);
    let (short, long) = if na <= nb {
        (&ta[..na], &tb[..nb])
    } else {
        (&tb[..nb], &ta[..na])
    };
    if short.is_empty() || (short.len() == 1 && long.len() > 2) {
        return false;
    }
    let mut used = [false; MAX];
    for s in short {
        let mut best: Option<(usize, f64)> = None;
        for (k, l) in long.iter().enumerate() {
            if used[k] {
                continue;
            }
            // Jaro–Winkler ≥ t needs Jaro ≥ (t - 0.4) / 0.6 (the largest prefix boost), and
            // Jaro ≤ (m/|s| + m/|l| + 1) / 3 with m ≤ the shorter length: a cheap exact
            // rejection of tokens of very different lengths.
            let (ls, ll) = (s.chars().count() as f64, l.chars().count() as f64);
            let bound = (ls.min(ll) / ls + ls.min(ll) / ll + 1.0) / 3.0;
            if s != l && bound + 0.4 * (1.0 - bound) < threshold {
                continue;
            }
            let sim = if s == l { 1.0 } else { jaro_winkler(s, l) };
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
    fn fast_jaro_matches_strsim() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_pcg::Pcg64::seed_from_u64(3);
        let alphabet: Vec<char> = "abcdeh عليم".chars().collect();
        for _ in 0..20_000 {
            let word = |rng: &mut rand_pcg::Pcg64| -> String {
                let n = rng.random_range(0..12);
                (0..n)
                    .map(|_| alphabet[rng.random_range(0..alphabet.len())])
                    .collect()
            };
            let (a, b) = (word(&mut rng), word(&mut rng));
            assert!(
                (jaro_winkler(&a, &b) - strsim::jaro_winkler(&a, &b)).abs() < 1e-12,
                "{a:?} {b:?}"
            );
            assert!(
                (jaro(&a, &b) - strsim::jaro(&a, &b)).abs() < 1e-12,
                "{a:?} {b:?}"
            );
        }
        let long = "a".repeat(80);
        assert!((jaro_winkler(&long, "aaa") - strsim::jaro_winkler(&long, "aaa")).abs() < 1e-12);
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
