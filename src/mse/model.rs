//! Hierarchical log-linear models over t lists, their names and the catalogue of all of them.
//!
//! A model always holds the intercept and the t main effects, plus a set of interactions that
//! is closed under taking subsets (hierarchical). Terms are bitmasks over the lists. The
//! catalogue follows the MultipleSystemsEstimation package (`get_hierarchical_models`): all
//! hierarchical models up to a maximum order, leaving out the t-way term (with it the model has
//! more parameters than observed cells and is never identifiable).

use crate::error::{Error, Result};

/// A hierarchical model: the interactions (bitmasks with at least two lists), sorted.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Model {
    t: usize,
    interactions: Vec<usize>,
}

fn sort_terms(v: &mut [usize]) {
    // By order, then lexicographically by the lists they contain (A:B, A:C, ..., B:C, ...).
    v.sort_by_key(|&m| (m.count_ones(), lex_key(m)));
}

fn lex_key(m: usize) -> Vec<u32> {
    let mut v = Vec::new();
    let mut x = m;
    while x != 0 {
        v.push(x.trailing_zeros());
        x &= x - 1;
    }
    v
}

impl Model {
    /// Main effects only (independence of the lists).
    pub fn main_effects(t: usize) -> Self {
        Self {
            t,
            interactions: Vec::new(),
        }
    }

    /// The hierarchical closure of the given interaction terms.
    ///
    /// # Errors
    /// A term naming a list beyond `t`.
    pub fn from_terms(t: usize, terms: &[usize]) -> Result<Self> {
        let full = (1usize << t) - 1;
        let mut set = std::collections::BTreeSet::new();
        for &term in terms {
            if term & !full != 0 || term == 0 {
                return Err(Error::invalid_argument(
                    "model",
                    format!("terms over {t} lists"),
                    format!("{term:#b}"),
                ));
            }
            // Add every subset with at least two lists.
            let mut sub = term;
            loop {
                if sub.count_ones() >= 2 {
                    set.insert(sub);
                }
                if sub == 0 {
                    break;
                }
                sub = (sub - 1) & term;
            }
        }
        let mut interactions: Vec<usize> = set.into_iter().collect();
        sort_terms(&mut interactions);
        Ok(Self { t, interactions })
    }

    /// All pairs (the largest pairwise model).
    pub fn all_pairs(t: usize) -> Self {
        let mut v = Vec::new();
        for i in 0..t {
            for j in i + 1..t {
                v.push((1 << i) | (1 << j));
            }
        }
        Self { t, interactions: v }
    }

    /// Number of lists.
    pub fn lists(&self) -> usize {
        self.t
    }

    /// The interactions, ordered by order and then lexicographically.
    pub fn interactions(&self) -> &[usize] {
        &self.interactions
    }

    /// Every term: the intercept (0), the main effects, then the interactions.
    pub fn terms(&self) -> Vec<usize> {
        let mut v = Vec::with_capacity(1 + self.t + self.interactions.len());
        v.push(0);
        v.extend((0..self.t).map(|i| 1 << i));
        v.extend_from_slice(&self.interactions);
        v
    }

    /// Number of parameters, counting the intercept and any −∞ boundary terms.
    pub fn n_params(&self) -> usize {
        1 + self.t + self.interactions.len()
    }

    /// Whether the model contains interaction `term`.
    pub fn contains(&self, term: usize) -> bool {
        self.interactions.contains(&term)
    }

    /// The model with one more interaction (kept hierarchical).
    #[must_use]
    pub fn with(&self, term: usize) -> Self {
        let mut v = self.interactions.clone();
        v.push(term);
        Self::from_terms(self.t, &v).unwrap_or_else(|_| self.clone())
    }

    /// The highest order of any term (1 for main effects).
    pub fn order(&self) -> u32 {
        self.interactions
            .iter()
            .map(|m| m.count_ones())
            .max()
            .unwrap_or(1)
    }

    /// Interactions as names like `A:B`, joined by `+`; `none` for main effects only.
    pub fn label(&self, names: &[String]) -> String {
        if self.interactions.is_empty() {
            return "none".into();
        }
        self.interactions
            .iter()
            .map(|&m| term_name(m, names))
            .collect::<Vec<_>>()
            .join("+")
    }

    /// The maximal terms, written as in the MultipleSystemsEstimation package: lists numbered
    /// from 1, e.g. `[12,13,23]` or `[12,3]` (lists with more than 9 lists are comma-free digits
    /// joined by `.`).
    pub fn mse_string(&self) -> String {
        let all: Vec<usize> = (0..self.t)
            .map(|i| 1 << i)
            .chain(self.interactions.iter().copied())
            .collect();
        let maximal: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&a| !all.iter().any(|&b| b != a && b & a == a))
            .collect();
        let mut maximal = maximal;
        maximal.sort_by_key(|&m| lex_key(m));
        let parts: Vec<String> = maximal
            .iter()
            .map(|&m| {
                let idx: Vec<String> = lex_key(m).iter().map(|i| (i + 1).to_string()).collect();
                if self.t > 9 {
                    idx.join(".")
                } else {
                    idx.concat()
                }
            })
            .collect();
        format!("[{}]", parts.join(","))
    }
}

/// Name of a term such as `A:B` from its bitmask.
pub fn term_name(term: usize, names: &[String]) -> String {
    lex_key(term)
        .iter()
        .map(|&i| names[i as usize].as_str())
        .collect::<Vec<_>>()
        .join(":")
}

/// Parse a term name such as `A:B` (names separated by `:`) into a bitmask.
///
/// # Errors
/// An unknown list name.
pub fn parse_term(text: &str, names: &[String]) -> Result<usize> {
    let mut m = 0;
    for part in text.split(':') {
        let part = part.trim();
        let i = names.iter().position(|n| n == part).ok_or_else(|| {
            Error::invalid_argument(
                "model",
                format!("interactions of the lists {}", names.join(", ")),
                format!("'{text}'"),
            )
        })?;
        m |= 1 << i;
    }
    Ok(m)
}

/// Every hierarchical model on `t` lists with terms of order at most `max_order` (capped at
/// t − 1), main effects included. Sizes match the MSE package catalogue: 3 lists 8 models;
/// 4 lists 64 (order 2) or 113 (order 3); 5 lists 1,024, 6,212 or 6,893; 6 lists 32,768 (order 2).
pub fn hierarchical_models(t: usize, max_order: usize) -> Vec<Model> {
    let max_order = max_order.min(t.saturating_sub(1));
    let mut out = Vec::new();
    if max_order < 2 {
        out.push(Model::main_effects(t));
        return out;
    }
    let mut current: Vec<usize> = Vec::new();
    // Level k: terms of order k whose every (k-1)-subset is present.
    let included_singletons: Vec<usize> = (0..t).map(|i| 1 << i).collect();
    grow(
        t,
        2,
        max_order,
        &included_singletons,
        &mut current,
        &mut out,
    );
    out
}

fn k_subsets(t: usize, k: usize) -> Vec<usize> {
    (1usize..(1 << t))
        .filter(|m| m.count_ones() as usize == k)
        .collect()
}

fn grow(
    t: usize,
    k: usize,
    max_order: usize,
    prev_level: &[usize],
    current: &mut Vec<usize>,
    out: &mut Vec<Model>,
) {
    // Candidates of order k: all (k-1)-subsets in prev_level.
    let candidates: Vec<usize> = k_subsets(t, k)
        .into_iter()
        .filter(|&m| {
            let mut x = m;
            while x != 0 {
                let bit = x & x.wrapping_neg();
                if !prev_level.contains(&(m & !bit)) {
                    return false;
                }
                x &= x - 1;
            }
            true
        })
        .collect();
    let c = candidates.len();
    for mask in 0u64..(1u64 << c) {
        let chosen: Vec<usize> = (0..c)
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| candidates[i])
            .collect();
        let before = current.len();
        current.extend_from_slice(&chosen);
        if k < max_order && !chosen.is_empty() {
            grow(t, k + 1, max_order, &chosen, current, out);
        } else {
            let mut v = current.clone();
            sort_terms(&mut v);
            out.push(Model { t, interactions: v });
        }
        current.truncate(before);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(t: usize) -> Vec<String> {
        (0..t)
            .map(|i| ((b'A' + i as u8) as char).to_string())
            .collect()
    }

    #[test]
    fn catalogue_sizes_match_the_mse_package() {
        assert_eq!(hierarchical_models(3, 2).len(), 8);
        assert_eq!(hierarchical_models(3, 3).len(), 8);
        assert_eq!(hierarchical_models(4, 2).len(), 64);
        assert_eq!(hierarchical_models(4, 3).len(), 113);
        assert_eq!(hierarchical_models(5, 2).len(), 1024);
        assert_eq!(hierarchical_models(5, 3).len(), 6212);
        assert_eq!(hierarchical_models(5, 4).len(), 6893);
        assert_eq!(hierarchical_models(2, 2).len(), 1);
        assert_eq!(hierarchical_models(6, 2).len(), 32_768);
    }

    #[test]
    fn closure_and_names() {
        let m = Model::from_terms(3, &[0b111]).unwrap();
        assert_eq!(m.interactions(), &[0b011, 0b101, 0b110, 0b111]);
        assert_eq!(m.label(&names(3)), "A:B+A:C+B:C+A:B:C");
        assert_eq!(m.mse_string(), "[123]");
        let m = Model::from_terms(3, &[0b011]).unwrap();
        assert_eq!(m.mse_string(), "[12,3]");
        let m = Model::from_terms(3, &[0b101, 0b110]).unwrap();
        assert_eq!(m.mse_string(), "[13,23]");
        assert_eq!(Model::all_pairs(3).mse_string(), "[12,13,23]");
        assert_eq!(Model::main_effects(3).label(&names(3)), "none");
        assert_eq!(parse_term("B:A", &names(3)).unwrap(), 0b011);
        assert!(parse_term("A:Z", &names(3)).is_err());
    }
}
