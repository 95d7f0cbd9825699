//! Reads the gazetteer files in `assets/` into one record per country code: the ISO base
//! (`countries-iso.tsv`, generated from Debian's iso-codes) and the hand-made forms
//! (`countries.tsv`). The rules that turn these values into matchable forms are in `forms`.

use std::collections::BTreeMap;

use super::CountryCode;

const ISO_TSV: &str = include_str!("../../../assets/countries-iso.tsv");
const FORMS_TSV: &str = include_str!("../../../assets/countries.tsv");
const CONTEXT_TSV: &str = include_str!("../../../assets/countries-context.tsv");

/// What a value in the gazetteer is (the second column of `countries.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Status,
    De,
    Adj,
    Dem,
    Cap,
    CapAdj,
    Meto,
    En,
    EnAdj,
    EnCap,
    Weak,
    Shy,
    Not,
}

impl Field {
    fn parse(s: &str) -> Option<Field> {
        Some(match s {
            "status" => Field::Status,
            "de" => Field::De,
            "adj" => Field::Adj,
            "dem" => Field::Dem,
            "cap" => Field::Cap,
            "cap-adj" => Field::CapAdj,
            "meto" => Field::Meto,
            "en" => Field::En,
            "en-adj" => Field::EnAdj,
            "en-cap" => Field::EnCap,
            "weak" => Field::Weak,
            "shy" => Field::Shy,
            "not" => Field::Not,
            _ => return None,
        })
    }
}

/// Whether a code is a state (and which kind) or a territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// A member of the United Nations.
    UnMember,
    /// A UN observer state (Holy See, Palestine).
    UnObserver,
    /// A state outside the UN that the design names (Kosovo, Taiwan).
    OtherState,
    /// A dependent territory or other ISO 3166-1 area.
    Territory,
}

/// Everything the gazetteer says about one code, in file order (hand-made values first).
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub code: CountryCode,
    pub status: Status,
    pub name_de: String,
    pub name_en: String,
    pub values: Vec<(Field, String)>,
}

/// The parsed gazetteer, and every line that could not be read (a test asserts none).
pub(super) struct Data {
    pub entries: Vec<Entry>,
    pub problems: Vec<String>,
}

/// Words the matcher reads around a form (`countries-context.tsv`).
pub(super) struct ContextWords {
    pub compass: Vec<String>,
    pub function: Vec<String>,
    pub noun_endings: Vec<String>,
    pub compound_heads: Vec<String>,
}

fn code_of(s: &str) -> Option<CountryCode> {
    let b = s.as_bytes();
    (b.len() == 2 && b.iter().all(u8::is_ascii_uppercase)).then(|| CountryCode([b[0], b[1]]))
}

/// Splits a comma-separated value list; empty items are dropped.
pub(super) fn split_values(s: &str) -> impl Iterator<Item = &str> {
    s.split(',').map(str::trim).filter(|v| !v.is_empty())
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

/// Reads both gazetteer files.
pub(super) fn load() -> Data {
    let mut problems = Vec::new();
    // Per code: the hand-made values, the iso-codes English names, the German names.
    type Gathered = (Vec<(Field, String)>, Vec<String>, Vec<String>);
    let mut by_code: BTreeMap<CountryCode, Gathered> = BTreeMap::new();
    for (n, line) in data_lines(FORMS_TSV) {
        let cols: Vec<&str> = line.split('\t').collect();
        let parsed = match cols.as_slice() {
            [code, field, values] => code_of(code).zip(Field::parse(field)).map(|c| (c, *values)),
            _ => None,
        };
        match parsed {
            Some(((code, field), values)) => {
                let slot = by_code.entry(code).or_default();
                slot.0
                    .extend(split_values(values).map(|v| (field, v.to_string())));
            }
            None => problems.push(format!(
                "assets/countries.tsv line {n}: cannot read {line:?}"
            )),
        }
    }
    for (n, line) in data_lines(ISO_TSV) {
        let cols: Vec<&str> = line.split('\t').collect();
        match (cols.first().and_then(|c| code_of(c)), cols.len()) {
            (Some(code), 4) => {
                let slot = by_code.entry(code).or_default();
                slot.1 = names(cols[2]);
                slot.2 = names(cols[3]);
            }
            _ => problems.push(format!(
                "assets/countries-iso.tsv line {n}: cannot read {line:?}"
            )),
        }
    }
    let entries = by_code
        .into_iter()
        .map(|(code, (values, iso_en, iso_de))| entry(code, values, iso_en, iso_de))
        .collect();
    Data { entries, problems }
}

fn names(col: &str) -> Vec<String> {
    col.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn entry(
    code: CountryCode,
    mut values: Vec<(Field, String)>,
    iso_en: Vec<String>,
    iso_de: Vec<String>,
) -> Entry {
    let first = |values: &[(Field, String)], field: Field, iso: &[String]| {
        values
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, v)| v.clone())
            .or_else(|| iso.first().cloned())
            .unwrap_or_else(|| code.as_str().to_string())
    };
    let name_de = first(&values, Field::De, &iso_de);
    let name_en = first(&values, Field::En, &iso_en);
    let status = match values.iter().find(|(f, _)| *f == Field::Status) {
        Some((_, s)) if s == "un" => Status::UnMember,
        Some((_, s)) if s == "observer" => Status::UnObserver,
        Some((_, s)) if s == "state" => Status::OtherState,
        _ => Status::Territory,
    };
    values.extend(iso_de.into_iter().map(|v| (Field::De, v)));
    values.extend(iso_en.into_iter().map(|v| (Field::En, v)));
    Entry {
        code,
        status,
        name_de,
        name_en,
        values,
    }
}

/// Reads `countries-context.tsv`.
pub(super) fn context_words() -> ContextWords {
    let mut words = ContextWords {
        compass: Vec::new(),
        function: Vec::new(),
        noun_endings: Vec::new(),
        compound_heads: Vec::new(),
    };
    for (_, line) in data_lines(CONTEXT_TSV) {
        if let Some((key, values)) = line.split_once('\t') {
            let list = match key {
                "compass" => &mut words.compass,
                "function" => &mut words.function,
                "noun-ending" => &mut words.noun_endings,
                "compound-head" => &mut words.compound_heads,
                _ => continue,
            };
            list.extend(split_values(values).map(String::from));
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_files_read_without_problems() {
        let data = load();
        assert!(data.problems.is_empty(), "{:#?}", data.problems);
        assert!(data.entries.len() >= 250);
    }

    #[test]
    fn hand_names_come_before_iso_names() {
        let data = load();
        let ru = data.entries.iter().find(|e| e.code.as_str() == "RU");
        let ru = ru.expect("RU is in the gazetteer");
        assert_eq!(ru.name_de, "Russland");
        assert_eq!(ru.name_en, "Russia");
        let de = data.entries.iter().find(|e| e.code.as_str() == "AW");
        assert_eq!(de.map(|e| e.name_de.as_str()), Some("Aruba"));
    }
}
