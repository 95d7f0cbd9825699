//! Text search over the corpus: a case-insensitive query compiled once, then asked
//! whether an article matches (for the list) and where in a text it matches (for
//! highlighting and `n`/`N`).

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;

use crate::model::Article;

/// A compiled search query.
///
/// Matching ignores case: ASCII letters fold always, and the query is also tried
/// capitalised and in capitals so that `über` finds `Über` and `ÜBER` without a
/// lowercased copy of the corpus in memory.
#[derive(Debug, Clone)]
pub struct Searcher {
    query: String,
    automaton: AhoCorasick,
}

impl Searcher {
    /// Compiles `query`; `None` when it is empty or only whitespace.
    pub fn new(query: &str) -> Option<Searcher> {
        if query.trim().is_empty() {
            return None;
        }
        let lower = query.to_lowercase();
        let mut patterns = vec![lower.clone(), capitalised(&lower), query.to_uppercase()];
        patterns.sort();
        patterns.dedup();
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok()?;
        Some(Searcher {
            query: query.to_string(),
            automaton,
        })
    }

    /// The query as the user typed it.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// True when every match of `self` is also a match of `narrower`'s shorter query,
    /// i.e. `self` extends `narrower`, so only `narrower`'s hits need searching again.
    pub fn refines(&self, narrower: &Searcher) -> bool {
        self.query
            .to_lowercase()
            .starts_with(&narrower.query.to_lowercase())
    }

    /// True when the text contains the query.
    pub fn is_match(&self, text: &str) -> bool {
        self.automaton.is_match(text)
    }

    /// Byte ranges of the matches in `text`, in order, not overlapping.
    pub fn find(&self, text: &str) -> Vec<Range<usize>> {
        self.automaton
            .find_iter(text)
            .map(|m| m.start()..m.end())
            .collect()
    }

    /// True when the article's title or content (lead, headings, paragraphs) matches.
    pub fn matches_article(&self, article: &Article) -> bool {
        self.is_match(&article.title) || article.content_parts().any(|part| self.is_match(part))
    }

    /// The indexes among `candidates` whose article matches, in the order given.
    pub fn filter(&self, articles: &[Article], candidates: &[usize]) -> Vec<usize> {
        candidates
            .par_iter()
            .copied()
            .filter(|&i| articles.get(i).is_some_and(|a| self.matches_article(a)))
            .collect()
    }
}

/// `text` with its first character in capitals.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_ignore_case_also_for_umlauts() {
        let s = Searcher::new("über").unwrap();
        assert_eq!(
            s.find("Über uns, ÜBER alles, über"),
            vec![0..5, 11..16, 24..29]
        );
        let s = Searcher::new("PUTIN").unwrap();
        assert!(s.is_match("sagte Putin am Mittwoch"));
    }

    #[test]
    fn empty_query_is_no_search() {
        assert!(Searcher::new("  ").is_none());
    }

    #[test]
    fn a_longer_query_refines_a_shorter_one() {
        let short = Searcher::new("Pu").unwrap();
        let long = Searcher::new("put").unwrap();
        assert!(long.refines(&short));
        assert!(!short.refines(&long));
    }
}
