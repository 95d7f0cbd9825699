//! Which countries the country prompt offers for what is typed: every country of the
//! gazetteer, matched on its German and English names and its code, ignoring case and
//! accents ("turk" and "tuerk" find Türkei; "ivory", "elfenbein" and "cote" Côte
//! d'Ivoire), best fit first and, among equal fits, the corpus's countries first by
//! their articles.

use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::{AppState, CountryChoice};
use crate::extract::countries::{self, Country};

/// How well a country fits the query; lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    /// The code, a whole name, or what the extractor resolves the query to.
    Exact,
    /// The German or English short name starts with the query ("turk": Türkei).
    Prefix,
    /// Another name starts with it ("cote": Côte d'Ivoire), or a later word of a short
    /// name does ("coast": Ivory Coast).
    OtherPrefix,
    /// A later word of another name starts with it ("republik": Republik Indien).
    WordPrefix,
    /// A name contains it.
    Inside,
}

impl AppState {
    /// The countries the prompt offers for `input`, best first.
    pub(super) fn country_choices(&self, input: &str) -> Vec<CountryChoice> {
        let query = fold(input.trim());
        let resolved = countries::resolve(input);
        let mut choices: Vec<(Fit, &str, CountryChoice)> = (countries::all().iter())
            .zip(FOLDED.iter())
            .filter_map(|(country, folded)| {
                let fit = if query.is_empty() {
                    Fit::Prefix
                } else if resolved == Some(country.code) {
                    Fit::Exact
                } else {
                    fit(&query, country.code.as_str(), folded)?
                };
                Some((fit, folded.sort_key.as_str(), self.choice(country)))
            })
            .collect();
        choices.sort_by(|(fa, ka, a), (fb, kb, b)| {
            fa.cmp(fb)
                .then(b.active.cmp(&a.active))
                .then(b.articles.cmp(&a.articles))
                .then(ka.cmp(kb))
        });
        choices.into_iter().map(|(.., c)| c).collect()
    }

    fn choice(&self, country: &Country) -> CountryChoice {
        let code = country.code.as_str();
        CountryChoice {
            code: code.to_string(),
            name: country.name_de.clone(),
            name_en: country.name_en.clone(),
            articles: self.corpus.with_country(code).len(),
            active: self.countries.iter().any(|c| c == code),
        }
    }
}

/// A country's names as the prompt compares them, folded once.
struct Folded {
    /// The German and English short names, in both spellings.
    short: Vec<String>,
    /// Every other name, in both spellings.
    other: Vec<String>,
    /// The German short name, folded: the order among equals.
    sort_key: String,
}

/// The folded names of [`countries::all`], in the same order.
static FOLDED: LazyLock<Vec<Folded>> = LazyLock::new(|| {
    let folded = |country: &Country| {
        let is_short = |n: &&String| **n == country.name_de || **n == country.name_en;
        let (short, other): (Vec<&String>, Vec<&String>) = country.names.iter().partition(is_short);
        let fold_all = |names: Vec<&String>| names.into_iter().flat_map(|n| spellings(n)).collect();
        Folded {
            short: fold_all(short),
            other: fold_all(other),
            sort_key: fold(&country.name_de),
        }
    };
    countries::all().iter().map(folded).collect()
});

/// How `query` (folded) fits a country with this code and these names, if at all.
fn fit(query: &str, code: &str, names: &Folded) -> Option<Fit> {
    if code.eq_ignore_ascii_case(query) {
        return Some(Fit::Exact);
    }
    let short = names.short.iter().filter_map(|n| name_fit(query, n, true));
    let other = names.other.iter().filter_map(|n| name_fit(query, n, false));
    short.chain(other).min()
}

fn name_fit(query: &str, name: &str, short: bool) -> Option<Fit> {
    let later_word = || {
        let mut words = name.split([' ', '-', '\'', '’', '(', ',']);
        words.next();
        words.any(|word| word.starts_with(query))
    };
    if name == query {
        Some(Fit::Exact)
    } else if name.starts_with(query) {
        Some(if short { Fit::Prefix } else { Fit::OtherPrefix })
    } else if later_word() {
        Some(if short {
            Fit::OtherPrefix
        } else {
            Fit::WordPrefix
        })
    } else if query.chars().count() >= 3 && name.contains(query) {
        Some(Fit::Inside)
    } else {
        None
    }
}

/// A name folded, and with German umlauts spelt out (Türkei: "turkei", "tuerkei").
fn spellings(name: &str) -> [String; 2] {
    let lower = name.to_lowercase();
    let spelt: String = lower
        .chars()
        .map(|c| match c {
            'ä' => "ae".to_string(),
            'ö' => "oe".to_string(),
            'ü' => "ue".to_string(),
            c => c.to_string(),
        })
        .collect();
    [fold(&lower), fold(&spelt)]
}

/// Lower case without accents: "Côte d'Ivoire" → "cote d'ivoire", "Straße" → "strasse".
pub fn fold(text: &str) -> String {
    text.to_lowercase()
        .replace('ß', "ss")
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(fold("Côte d'Ivoire"), "cote d'ivoire");
        assert_eq!(fold("TÜRKEI"), "turkei");
        assert_eq!(fold("Weißrussland"), "weissrussland");
        assert_eq!(spellings("Österreich"), ["osterreich", "oesterreich"]);
    }

    #[test]
    fn fits_rank_code_then_short_names_then_other_names_then_inside() {
        fn country(code: &'static str) -> (&'static str, &'static Folded) {
            let at = (countries::all().iter())
                .position(|c| c.code.as_str() == code)
                .unwrap();
            (code, &FOLDED[at])
        }
        let fit = |query: &str, (code, names): (&str, &Folded)| fit(query, code, names);
        assert_eq!(fit("tr", country("TR")), Some(Fit::Exact));
        assert_eq!(fit("turk", country("TR")), Some(Fit::Prefix));
        assert_eq!(fit("tuerk", country("TR")), Some(Fit::Prefix));
        assert_eq!(fit("ivory", country("CI")), Some(Fit::Prefix));
        assert_eq!(fit("cote", country("CI")), Some(Fit::OtherPrefix));
        assert_eq!(fit("coast", country("CI")), Some(Fit::OtherPrefix));
        assert_eq!(fit("indien", country("IN")), Some(Fit::Exact));
        assert_eq!(fit("ind", country("IN")), Some(Fit::Prefix));
        assert_eq!(fit("republik", country("IN")), Some(Fit::OtherPrefix));
        assert_eq!(fit("indi", country("IN")), Some(Fit::Prefix));
        assert_eq!(fit("orea", country("KP")), Some(Fit::Inside));
        assert_eq!(fit("xyz", country("TR")), None);
    }
}
