//! Tolerant matching of short free-text values against a vocabulary of phrases.
//!
//! Returns are typed by hand: "under inv.", "UNDER INV.", "Acquited", "PUI" and "Under
//! investigation (I.O: SI Tariq)" all mean one case status. A vocabulary is a list of phrases
//! (`src/reference/data/*_terms.csv`) each naming a code; a value matches the first phrase, in
//! list order, found in it as whole words. When no phrase is found word for word, the value is
//! matched again with each of its words allowed to stand for a vocabulary word by one rule, and
//! the rule is reported so that every tolerant match can be reviewed:
//! - **abbreviation**: a word of at least three letters that begins a longer vocabulary word
//!   ("inv" for "investigation", "fem" for "female");
//! - **misspelling**: one edit away (optimal string alignment: insertion, deletion, substitution
//!   or transposition of adjacent letters; the first letter kept) from a vocabulary word of four
//!   letters or more, two edits for words of nine letters or more ("acquited", "mael",
//!   "invistigation");
//! - **acronym**: three to five letters that are the initials of a phrase of as many words
//!   ("PUI" for "pending under investigation", "P.U.I" too).
//!
//! Edit distances come from `strsim` (`osa_distance`).

use std::collections::HashMap;

use crate::normalize::text::word_text;

/// How a value matched its vocabulary phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MatchRule {
    /// The phrase occurs word for word.
    Exact,
    /// A word stands for a longer vocabulary word it begins.
    Abbreviation,
    /// A word is one or two edits away from a vocabulary word.
    Misspelling,
    /// The value is the initials of the phrase.
    Acronym,
}

impl MatchRule {
    /// The rule's name as used in issue codes (`case_status.misspelling`).
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Abbreviation => "abbreviation",
            Self::Misspelling => "misspelling",
            Self::Acronym => "acronym",
        }
    }
}

/// A vocabulary of phrases, each naming a value of type `T`.
#[derive(Debug, Clone)]
pub struct Vocabulary<T> {
    /// Phrases as word lists, in priority order.
    phrases: Vec<(Vec<String>, T)>,
    /// Every distinct vocabulary word of letters only, with its length in characters, for
    /// the tolerant rules.
    words: Vec<(String, usize)>,
    /// Initials of phrases of three to five words → index of the first such phrase.
    acronyms: HashMap<String, usize>,
}

/// Least length of a word taken as an abbreviation.
const MIN_ABBREVIATION: usize = 3;
/// Least length of a vocabulary word matched with one edit.
const MIN_ONE_EDIT: usize = 4;
/// Least length of a vocabulary word matched with two edits.
const MIN_TWO_EDITS: usize = 9;

impl<T: Clone> Vocabulary<T> {
    /// A vocabulary from `(phrase, value)` pairs in priority order.
    pub fn new<'s>(entries: impl IntoIterator<Item = (&'s str, T)>) -> Self {
        let mut phrases = Vec::new();
        let mut words: Vec<(String, usize)> = Vec::new();
        let mut acronyms = HashMap::new();
        for (phrase, value) in entries {
            let ws: Vec<String> = word_text(phrase)
                .split_whitespace()
                .map(str::to_owned)
                .collect();
            if ws.is_empty() {
                continue;
            }
            for w in &ws {
                if w.chars().all(char::is_alphabetic) && !words.iter().any(|(x, _)| x == w) {
                    words.push((w.clone(), w.chars().count()));
                }
            }
            if (3..=5).contains(&ws.len()) && ws.iter().all(|w| w.chars().all(char::is_alphabetic))
            {
                let initials: String = ws.iter().filter_map(|w| w.chars().next()).collect();
                acronyms.entry(initials).or_insert(phrases.len());
            }
            phrases.push((ws, value));
        }
        Self {
            phrases,
            words,
            acronyms,
        }
    }

    /// The value of the first phrase found in `text`, and how it was found.
    #[must_use]
    pub fn find(&self, text: &str) -> Option<(T, MatchRule)> {
        let wt = word_text(text);
        let tokens: Vec<&str> = wt.split_whitespace().collect();
        if tokens.is_empty() {
            return None;
        }
        // 1. Word for word.
        for (ws, v) in &self.phrases {
            if contains_run(&tokens, ws, |t, w| t == w) {
                return Some((v.clone(), MatchRule::Exact));
            }
        }
        // 2. Initials: a short all-letter token, or single letters in a row ("p u i").
        for acronym in acronym_candidates(&tokens) {
            if let Some(&k) = self.acronyms.get(&acronym) {
                return Some((self.phrases[k].1.clone(), MatchRule::Acronym));
            }
        }
        // 3. Each token may stand for vocabulary words by abbreviation or spelling.
        let stands_for: Vec<Vec<(&str, MatchRule)>> =
            tokens.iter().map(|t| self.tolerant_words(t)).collect();
        if stands_for.iter().all(Vec::is_empty) {
            return None;
        }
        for (ws, v) in &self.phrases {
            if let Some(rule) = tolerant_run(&tokens, &stands_for, ws) {
                return Some((v.clone(), rule));
            }
        }
        None
    }

    fn tolerant_words(&self, token: &str) -> Vec<(&str, MatchRule)> {
        let n = token.chars().count();
        if n < MIN_ABBREVIATION || !token.chars().all(char::is_alphabetic) {
            return Vec::new();
        }
        let mut out = Vec::new();
        for (w, m) in &self.words {
            let m = *m;
            if w == token || m + 2 < n {
                continue;
            }
            if m > n + 1 && w.starts_with(token) {
                out.push((w.as_str(), MatchRule::Abbreviation));
            } else if m >= MIN_ONE_EDIT && n + 2 >= m && m + 2 >= n {
                let limit = if m >= MIN_TWO_EDITS { 2 } else { 1 };
                // Short words: one edit only when the first letters agree, so that "male" and
                // "mael" meet but "sale" does not stand for "male".
                // One edit away, the first letter kept: "acquited", "mael", "invistigation"
                // (requiring it keeps this cheap, and "sale" from standing for "male").
                let same_start = w.as_bytes().first() == token.as_bytes().first();
                if same_start && strsim::osa_distance(token, w) <= limit {
                    out.push((w.as_str(), MatchRule::Misspelling));
                }
            }
        }
        out
    }
}

fn contains_run(tokens: &[&str], ws: &[String], eq: impl Fn(&str, &str) -> bool) -> bool {
    ws.len() <= tokens.len()
        && tokens
            .windows(ws.len())
            .any(|win| win.iter().zip(ws).all(|(t, w)| eq(t, w)))
}

/// A phrase found with tolerant words: the weakest rule used (misspelling over abbreviation).
fn tolerant_run(
    tokens: &[&str],
    stands_for: &[Vec<(&str, MatchRule)>],
    ws: &[String],
) -> Option<MatchRule> {
    if ws.len() > tokens.len() {
        return None;
    }
    'start: for s in 0..=tokens.len() - ws.len() {
        let mut rule = MatchRule::Exact;
        for (k, w) in ws.iter().enumerate() {
            if tokens[s + k] == w {
                continue;
            }
            match stands_for[s + k].iter().find(|(x, _)| *x == w) {
                Some((_, r)) => {
                    if *r == MatchRule::Misspelling || rule == MatchRule::Exact {
                        rule = *r;
                    }
                }
                None => continue 'start,
            }
        }
        if rule != MatchRule::Exact {
            return Some(rule);
        }
    }
    None
}

fn acronym_candidates(tokens: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for t in tokens {
        let n = t.chars().count();
        if (3..=5).contains(&n) && t.chars().all(|c| c.is_ascii_alphabetic()) {
            out.push((*t).to_owned());
        }
    }
    // Single letters in a row: "p u i" from "P.U.I" or "P/U/I".
    let mut run = String::new();
    for t in tokens.iter().chain(std::iter::once(&"")) {
        if t.chars().count() == 1 && t.chars().all(|c| c.is_ascii_alphabetic()) {
            run.push_str(t);
        } else {
            if (3..=5).contains(&run.len()) {
                out.push(run.clone());
            }
            run.clear();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary<&'static str> {
        Vocabulary::new([
            ("convicted", "convicted"),
            ("acquitted", "acquitted"),
            ("pending under investigation", "investigation"),
            ("under investigation", "investigation"),
            ("under trial", "prosecution"),
            ("male", "male"),
            ("female", "female"),
        ])
    }

    #[test]
    fn exact_phrases_win_in_list_order() {
        let v = vocab();
        assert_eq!(
            v.find("Under Investigation (I.O: SI Tariq)"),
            Some(("investigation", MatchRule::Exact))
        );
        assert_eq!(
            v.find("Convicted 7 years RI"),
            Some(("convicted", MatchRule::Exact))
        );
        assert_eq!(v.find(""), None);
    }

    #[test]
    fn abbreviations_misspellings_acronyms() {
        let v = vocab();
        for (raw, want, rule) in [
            ("under inv.", "investigation", MatchRule::Abbreviation),
            ("UNDER INV.", "investigation", MatchRule::Abbreviation),
            ("Acquited", "acquitted", MatchRule::Misspelling),
            (
                "Under Invistigation",
                "investigation",
                MatchRule::Misspelling,
            ),
            ("PUI", "investigation", MatchRule::Acronym),
            ("P.U.I", "investigation", MatchRule::Acronym),
            ("Fem.", "female", MatchRule::Abbreviation),
            ("Mael", "male", MatchRule::Misspelling),
            ("convicted", "convicted", MatchRule::Exact),
        ] {
            assert_eq!(v.find(raw), Some((want, rule)), "{raw}");
        }
    }

    #[test]
    fn unrelated_words_do_not_match() {
        let v = vocab();
        for raw in ["sale", "xyz", "in", "unknown", "Tariq", "12/03/2022"] {
            assert_eq!(v.find(raw), None, "{raw}");
        }
    }
}
