//! The quote figures of `../shared/tools/kiosk-score`, computed the same way in Rust:
//! word sets, overlap over the smaller set, one-to-one greedy matching.
#![allow(dead_code)]

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

/// Speaker words that are pronouns (a gold source of only these is not scored).
pub const PRONOUNS: &[&str] = &[
    "er", "sie", "es", "ihr", "wir", "ich", "man", "die", "der", "das", "dieser", "diese", "jener",
];
/// Words a speaker match ignores.
pub const STOP: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "und", "von", "vom",
    "zu", "zur", "zum", "im", "in", "am", "an", "auf", "bei", "für", "mit", "aus", "nach", "laut",
    "so", "sagte", "sagt",
];
const QUOTE_CHARS: &str = "„“”\"»«‚‘’'›‹";

/// Lowercase words of `text` (Python's `\w+` over NFC text, quotation marks as spaces).
pub fn norm_words(text: &str) -> Vec<String> {
    let text: String = text
        .nfc()
        .map(|c| if QUOTE_CHARS.contains(c) { ' ' } else { c })
        .collect();
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn word_set(text: &str) -> HashSet<String> {
    norm_words(text).into_iter().collect()
}

/// |A ∩ B| / min(|A|, |B|) over word sets.
pub fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    a.intersection(b).count() as f64 / a.len().min(b.len()) as f64
}

/// Greedy one-to-one matching at overlap ≥ 0.5: gold index → predicted index.
pub fn match_one_to_one(gold: &[HashSet<String>], pred: &[HashSet<String>]) -> Vec<Option<usize>> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            pairs.push((overlap(g, p), gi, pi));
        }
    }
    // Python sorts the tuples in reverse: overlap, then gold index, then predicted index
    pairs.sort_by(|a, b| b.partial_cmp(a).unwrap_or(std::cmp::Ordering::Equal));
    let mut matched = vec![None; gold.len()];
    let mut used = HashSet::new();
    for (o, gi, pi) in pairs {
        if o < 0.5 {
            break;
        }
        if matched[gi].is_none() && !used.contains(&pi) {
            matched[gi] = Some(pi);
            used.insert(pi);
        }
    }
    matched
}

/// Whether a predicted speaker shares a word with a gold speaker (stopwords aside).
pub fn same_speaker(gold: &str, predicted: Option<&str>) -> bool {
    let gold: HashSet<String> = word_set(gold)
        .into_iter()
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect();
    let said = word_set(predicted.unwrap_or(""));
    gold.intersection(&said).next().is_some()
}

/// A gold source that names someone (not only pronouns and stopwords).
pub fn names_someone(source: &str) -> bool {
    let words = word_set(source);
    !source.is_empty()
        && !words
            .iter()
            .all(|w| PRONOUNS.contains(&w.as_str()) || STOP.contains(&w.as_str()))
}
