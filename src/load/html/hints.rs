//! The word lists that steer the article finder, parsed once from `assets/`: class and id
//! words that mark content or boilerplate containers (`html_classes.txt`) and phrases that
//! mark a paragraph as boilerplate or end the article (`html_boilerplate.txt`).

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::load::rules::section;

const CLASSES: &str = include_str!("../../../assets/html_classes.txt");
const BOILERPLATE: &str = include_str!("../../../assets/html_boilerplate.txt");

/// The entries of one section of a word-list file, lowercased.
fn list(text: &'static str, name: &str) -> Vec<String> {
    section(text, name)
        .into_iter()
        .map(str::to_lowercase)
        .collect()
}

/// Words matched against an element's lowercased `class` and `id`: some anywhere in
/// them, some (written `=word`) only as a whole token.
pub struct WordSet {
    contained: AhoCorasick,
    tokens: HashSet<String>,
}

impl WordSet {
    fn new(words: &[String]) -> WordSet {
        let (exact, contained): (Vec<&String>, Vec<&String>) =
            words.iter().partition(|w| w.starts_with('='));
        WordSet {
            contained: AhoCorasick::new(contained).expect("word lists build an automaton"),
            tokens: exact.iter().map(|w| w[1..].to_owned()).collect(),
        }
    }

    /// Whether any word matches `names` (class and id, lowercased, space-separated).
    pub fn matches(&self, names: &str) -> bool {
        self.contained.is_match(names)
            || names
                .split(|c: char| !c.is_alphanumeric())
                .any(|token| self.tokens.contains(token))
    }
}

/// The four lists of `assets/html_classes.txt`.
pub struct ClassHints {
    pub unlikely: WordSet,
    pub maybe: WordSet,
    pub positive: WordSet,
    pub negative: WordSet,
}

impl ClassHints {
    /// +25 for a content word, −25 for a boilerplate word (both can apply).
    pub fn weight(&self, names: &str) -> f32 {
        let mut weight = 0.0;
        if self.positive.matches(names) {
            weight += 25.0;
        }
        if self.negative.matches(names) {
            weight -= 25.0;
        }
        weight
    }

    /// Whether an element with these names is left out with all it holds.
    pub fn is_unlikely(&self, names: &str) -> bool {
        self.unlikely.matches(names) && !self.maybe.matches(names)
    }
}

/// The class and id hints, parsed on first use.
pub fn classes() -> &'static ClassHints {
    static HINTS: LazyLock<ClassHints> = LazyLock::new(|| {
        let set = |name: &str| WordSet::new(&list(CLASSES, name));
        ClassHints {
            unlikely: set("unlikely"),
            maybe: set("maybe"),
            positive: set("positive"),
            negative: set("negative"),
        }
    });
    &HINTS
}

/// The phrase lists of `assets/html_boilerplate.txt`.
pub struct Boilerplate {
    drop: AhoCorasick,
    short: AhoCorasick,
    exact: HashSet<String>,
    stop: Vec<String>,
}

impl Boilerplate {
    /// Whether a paragraph is cookie, paywall, share or site text rather than article.
    pub fn is_boilerplate(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        let words = lower.split_whitespace().count();
        (words <= 40 && self.drop.is_match(&lower))
            || (words <= 12 && self.short.is_match(&lower))
            || self.exact.contains(bare(&lower))
    }

    /// Whether a paragraph or heading announces what follows an article (related links,
    /// comments): the article ends before it.
    pub fn ends_article(&self, text: &str) -> bool {
        let lower = text.to_lowercase();
        let bare = bare(&lower);
        let words = bare.split_whitespace().count();
        self.stop
            .iter()
            .any(|phrase| bare == phrase || (words <= 8 && bare.starts_with(phrase.as_str())))
    }
}

/// Text without the punctuation and spaces around it.
fn bare(text: &str) -> &str {
    text.trim_matches(|c: char| !c.is_alphanumeric())
}

/// The boilerplate phrases, parsed on first use.
pub fn boilerplate() -> &'static Boilerplate {
    static PHRASES: LazyLock<Boilerplate> = LazyLock::new(|| {
        let automaton =
            |name: &str| AhoCorasick::new(list(BOILERPLATE, name)).expect("phrases build");
        Boilerplate {
            drop: automaton("drop"),
            short: automaton("short"),
            exact: list(BOILERPLATE, "exact")
                .iter()
                .map(|p| bare(p).to_owned())
                .collect(),
            stop: list(BOILERPLATE, "stop"),
        }
    });
    &PHRASES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words_match_whole_tokens_or_anywhere() {
        let hints = classes();
        assert!(hints.is_unlikely("ad-slot top"));
        assert!(!hints.is_unlikely("headline shadow"));
        assert!(hints.is_unlikely("social-sharebar"));
        assert!(
            !hints.is_unlikely("article-footer"),
            "kept by the maybe word"
        );
        assert!(
            !hints.is_unlikely("download"),
            "=ad matches only the token ad"
        );
        assert!(hints.weight("article-body") > 0.0);
        assert!(hints.weight("related-teaser") < 0.0);
    }

    #[test]
    fn boilerplate_phrases() {
        let phrases = boilerplate();
        assert!(
            phrases.is_boilerplate("Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.")
        );
        assert!(phrases.is_boilerplate("Anzeige"));
        assert!(!phrases.is_boilerplate(
            "Die Polizei hat Anzeige gegen den Fahrer erstattet, der nach dem Unfall geflüchtet war und erst am nächsten Tag gefunden wurde."
        ));
        assert!(phrases.ends_article("Lesen Sie auch:"));
        assert!(!phrases.ends_article("Lesen Sie auch, was der Minister dazu sagte und warum."));
    }
}
