//! Country mentions in German and English text, from the gazetteer in `assets/`
//! (DESIGN.md §4): names, adjectives, demonyms, capitals, metonyms and their compounds.

mod data;
mod forms;
mod matcher;
mod patterns;
mod resolve;
mod starts;

use std::cell::RefCell;
use std::sync::LazyLock;

use crate::model::{Article, CountryCount};

pub use data::Status;
pub use resolve::resolve;

use matcher::{Matcher, Raw, Scratch};

/// A country mention: byte offsets into the text it was found in, and the country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the first byte of the form (a char boundary).
    pub start: usize,
    /// Byte offset just after the form; a closed compound's whole word (Kremlchef).
    pub end: usize,
    pub code: CountryCode,
}

/// An ISO 3166-1 alpha-2 code (`XK` for Kosovo), two ASCII capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode(pub [u8; 2]);

impl CountryCode {
    /// The code as text (`RU`); `??` if the bytes are not UTF-8.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl std::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One country of the gazetteer, for lists and prompts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub code: CountryCode,
    /// The German short name (Russland).
    pub name_de: String,
    /// The English short name (Russia).
    pub name_en: String,
    /// Every German and English name, the short ones included (Elfenbeinküste, Côte
    /// d'Ivoire, Ivory Coast): what a user may type to find the country.
    pub names: Vec<String>,
    pub status: Status,
}

/// The gazetteer, read once: the countries and the matcher over their forms.
struct Gazetteer {
    countries: Vec<Country>,
    matcher: Matcher,
}

/// Whether closed compounds (Chinaforscherin, Kremlchef, Ostukraine) count. Measured
/// (tests/countries_germeval.rs, tests/countries_seeds.rs): GermEval dev precision 0.970
/// with them, 0.972 without (recall 0.988 both); seed count error 0.001 with, 0.009 without.
const CLOSED_COMPOUNDS: bool = true;

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::build(CLOSED_COMPOUNDS));

/// Builds the gazetteer now (start-up does, beside the loader's patterns).
pub fn warm_up() {
    LazyLock::force(&GAZETTEER);
}

impl Gazetteer {
    fn build(closed_compounds: bool) -> Gazetteer {
        let data = data::load();
        let words = data::context_words();
        let matcher = Matcher::new(&data.entries, &words, closed_compounds);
        let countries = data
            .entries
            .into_iter()
            .map(|e| Country {
                names: all_names(&e),
                code: e.code,
                name_de: e.name_de,
                name_en: e.name_en,
                status: e.status,
            })
            .collect();
        Gazetteer { countries, matcher }
    }

    /// Calls `f` with each mention of the raw hits, weak and ambiguous forms settled by the
    /// countries that the same hits name for certain.
    fn settle(&self, raws: &[Raw], mut f: impl FnMut(&Raw, u16)) {
        // One bit per entry; the gazetteer has about 250.
        let mut strong = [0u64; 8];
        let is_strong = |s: &[u64; 8], idx: u16| {
            s.get(idx as usize / 64)
                .is_some_and(|w| w >> (idx % 64) & 1 == 1)
        };
        let targets = &self.matcher.targets;
        for raw in raws {
            if let Some(idx) = targets[raw.target as usize].strong_code()
                && let Some(word) = strong.get_mut(idx as usize / 64)
            {
                *word |= 1 << (idx % 64);
            }
        }
        for raw in raws {
            let codes = &targets[raw.target as usize].codes;
            let supported = codes.iter().find(|(idx, _)| is_strong(&strong, *idx));
            let chosen = supported.or_else(|| codes.iter().find(|(_, weak)| !weak));
            if let Some((idx, _)) = chosen {
                f(raw, *idx);
            }
        }
    }
}

/// The German and English names of an entry, each once, the short names first.
fn all_names(entry: &data::Entry) -> Vec<String> {
    let mut names = vec![entry.name_de.clone(), entry.name_en.clone()];
    let given = entry
        .values
        .iter()
        .filter(|(field, _)| matches!(field, data::Field::De | data::Field::En));
    for value in given.flat_map(|(_, v)| forms::expand_braces(v)) {
        if !names.contains(&value) {
            names.push(value);
        }
    }
    names
}

thread_local! {
    /// Scratch buffers for the matcher, so that scanning many texts does not allocate.
    static SCRATCH: RefCell<(Scratch, Vec<Raw>)> = RefCell::new(Default::default());
}

/// Runs `scan` with the thread's scratch buffers (fresh ones if they are in use).
fn with_scratch<R>(scan: impl FnOnce(&mut Scratch, &mut Vec<Raw>) -> R) -> R {
    let (mut hits, mut raws) = SCRATCH.with(|s| std::mem::take(&mut *s.borrow_mut()));
    raws.clear();
    let result = scan(&mut hits, &mut raws);
    SCRATCH.with(|s| *s.borrow_mut() = (hits, raws));
    result
}

impl Gazetteer {
    fn for_each_mention(&self, text: &str, mut f: impl FnMut(Mention)) {
        with_scratch(|hits, raws| {
            self.matcher.scan(text, hits, raws);
            self.settle(raws, |raw, idx| {
                f(Mention {
                    start: raw.start,
                    end: raw.end,
                    code: self.countries[idx as usize].code,
                })
            });
        });
    }

    fn find(&self, text: &str) -> Vec<Mention> {
        let mut out = Vec::new();
        self.for_each_mention(text, |m| out.push(m));
        out
    }

    fn count(&self, article: &Article) -> Vec<CountryCount> {
        let mut tally = vec![0u32; self.countries.len()];
        with_scratch(|hits, raws| {
            for part in article.content_parts() {
                self.matcher.scan(part, hits, raws);
            }
            self.settle(raws, |_, idx| tally[idx as usize] += 1);
        });
        let mut counts: Vec<CountryCount> = tally
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(idx, n)| {
                let country = &self.countries[idx];
                CountryCount {
                    code: country.code.as_str().to_string(),
                    name: country.name_de.clone(),
                    mentions: *n,
                }
            })
            .collect();
        counts.sort_by(|a, b| {
            b.mentions
                .cmp(&a.mentions)
                .then_with(|| a.code.cmp(&b.code))
        });
        counts
    }
}

/// Calls `f` with every country mention in `text`, in order, without allocating once
/// the thread has scanned a text before.
pub fn for_each_mention(text: &str, f: impl FnMut(Mention)) {
    GAZETTEER.for_each_mention(text, f)
}

/// Every country mention in `text`, in order (byte offsets).
pub fn find(text: &str) -> Vec<Mention> {
    GAZETTEER.find(text)
}

/// The countries an article's content mentions, most mentioned first, then by code.
/// Weak forms (Georgia, Kongo) are settled by the whole article, not one paragraph.
pub fn count(article: &Article) -> Vec<CountryCount> {
    GAZETTEER.count(article)
}

/// Every country and territory of the gazetteer, by code: for lists and the reader's
/// "type to narrow" prompt.
pub fn all() -> &'static [Country] {
    &GAZETTEER.countries
}

/// The gazetteer entry of `code`, when it has one.
pub fn country(code: CountryCode) -> Option<&'static Country> {
    let countries = all();
    countries
        .binary_search_by_key(&code, |c| c.code)
        .ok()
        .map(|i| &countries[i])
}

/// The German short name of `code` (Russland); the empty string for an unknown code.
pub fn name_de(code: CountryCode) -> &'static str {
    country(code).map_or("", |c| c.name_de.as_str())
}

/// The English short name of `code` (Russia); the empty string for an unknown code.
pub fn name_en(code: CountryCode) -> &'static str {
    country(code).map_or("", |c| c.name_en.as_str())
}

/// Figures about the built matcher: (patterns, trie bytes). For benches and tests.
pub fn matcher_size() -> (usize, usize) {
    GAZETTEER.matcher.size()
}

/// What is wrong with the gazetteer files: unreadable lines, and `weak`/`shy` marks on
/// values that no other field of the country gives. Empty when all is well (a test checks).
pub fn gazetteer_problems() -> Vec<String> {
    let data = data::load();
    let mut problems = data.problems;
    for entry in &data.entries {
        let given = |v: &str| {
            entry
                .values
                .iter()
                .any(|(f, x)| x == v && !matches!(f, data::Field::Weak | data::Field::Shy))
        };
        for (field, value) in &entry.values {
            if matches!(field, data::Field::Weak | data::Field::Shy) && !given(value) {
                problems.push(format!(
                    "{}: {field:?} {value:?} is given by no other field",
                    entry.code
                ));
            }
        }
    }
    problems
}

/// The matcher with closed compounds (Chinaforscherin, Kremlchef, Ostukraine) on or off,
/// for measuring what they do to precision (tests/countries_*.rs). Builds a second
/// gazetteer: `find` and `count` as functions.
#[doc(hidden)]
pub fn variant(
    closed_compounds: bool,
) -> (
    impl Fn(&str) -> Vec<Mention>,
    impl Fn(&Article) -> Vec<CountryCount>,
) {
    let gaz = std::sync::Arc::new(Gazetteer::build(closed_compounds));
    let for_find = gaz.clone();
    let find = move |text: &str| for_find.find(text);
    let count = move |article: &Article| gaz.count(article);
    (find, count)
}

/// Every country form the matcher looks for (names, adjectives, demonyms, capitals,
/// metonyms with their inflections and case variants; not blockers or compass prefixes),
/// one per pattern: the words a plain multi-pattern search such as `rg -F -f` would need
/// to find the same mentions (`cargo run --example country-forms`).
#[doc(hidden)]
pub fn country_forms() -> Vec<String> {
    let data = data::load();
    let words = data::context_words();
    let patterns =
        patterns::Patterns::from_entries(&data.entries, &words.compass, CLOSED_COMPOUNDS);
    patterns
        .texts
        .into_iter()
        .zip(&patterns.targets)
        .filter(|(_, t)| !t.blocker() && t.kind != forms::Kind::Compass)
        .map(|(text, _)| text)
        .collect()
}
