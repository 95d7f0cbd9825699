//! A user's country query to a code: an ISO code, or a German or English name in any
//! case, with or without umlauts ("ru", "Russland", "Russia", "Türkei", "Tuerkei", "Turkey").

use std::collections::HashMap;
use std::sync::LazyLock;

use super::data::{self, Entry, Field};
use super::{CountryCode, GAZETTEER, forms};

/// The index, built on the first query: reading and exporting articles never asks one.
static NAMES: LazyLock<NameIndex> = LazyLock::new(|| NameIndex::new(&data::load().entries));

/// Lower-cased names (and their umlaut-free spellings) to entry indices.
struct NameIndex {
    names: HashMap<String, u16>,
}

impl NameIndex {
    /// Indexes every name, adjective stem and capital of the gazetteer; a name that two
    /// countries share goes to the one for which it is not weak.
    fn new(entries: &[Entry]) -> NameIndex {
        let mut names = HashMap::new();
        for pass_weak in [false, true] {
            for (idx, entry) in entries.iter().enumerate() {
                let weak: Vec<&str> = entry
                    .values
                    .iter()
                    .filter(|(f, _)| *f == Field::Weak)
                    .map(|(_, v)| v.as_str())
                    .collect();
                for (field, value) in &entry.values {
                    let usable = matches!(field, Field::De | Field::En | Field::Adj | Field::Cap);
                    if !usable || weak.contains(&value.as_str()) != pass_weak {
                        continue;
                    }
                    for v in forms::expand_braces(value) {
                        for key in keys(&v) {
                            names.entry(key).or_insert(idx as u16);
                        }
                    }
                }
            }
        }
        NameIndex { names }
    }
}

/// The lookup keys of a name: lower case, and the same with umlauts spelt out and dropped.
fn keys(name: &str) -> Vec<String> {
    let lower = name.trim().to_lowercase();
    let mut spelt = String::with_capacity(lower.len() + 4);
    for c in lower.chars() {
        match c {
            'ä' => spelt.push_str("ae"),
            'ö' => spelt.push_str("oe"),
            'ü' => spelt.push_str("ue"),
            'ß' => spelt.push_str("ss"),
            c => spelt.push(c),
        }
    }
    let dropped: String = lower
        .chars()
        .map(|c| match c {
            'ä' | 'á' | 'à' | 'â' | 'ã' => 'a',
            'ö' | 'ó' | 'ô' => 'o',
            'ü' | 'ú' => 'u',
            'é' | 'è' | 'ê' => 'e',
            'í' | 'î' => 'i',
            'ç' => 'c',
            c => c,
        })
        .collect();
    let mut out = vec![lower, spelt, dropped];
    out.dedup();
    out
}

/// The code a user's query names: a code (`RU`, `ru`), or a German or English name in any
/// case (`Russland`, `russia`, `Türkei`, `Turkey`). `None` when nothing matches.
pub fn resolve(query: &str) -> Option<CountryCode> {
    let gaz = &*GAZETTEER;
    let q = query.trim();
    let b = q.as_bytes();
    if b.len() == 2 && b.iter().all(u8::is_ascii_alphabetic) {
        let code = CountryCode([b[0].to_ascii_uppercase(), b[1].to_ascii_uppercase()]);
        if super::country(code).is_some() {
            return Some(code);
        }
    }
    keys(q)
        .iter()
        .find_map(|k| NAMES.names.get(k))
        .map(|&idx| gaz.countries[idx as usize].code)
}
