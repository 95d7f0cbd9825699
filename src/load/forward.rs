//! Patterns that find and cut text, built for a fast start: what `regex::Regex` answers
//! for `find`, `captures` and `replace_all`, with about half the building work.
//!
//! The regex crate also compiles every pattern backwards, to run a DFA back from a
//! match's end to its start. Here each pattern is compiled forwards once: a lazy DFA
//! finds where the leftmost-first match ends (or that there is none), then the bounded
//! backtracker, or the NFA simulation for a long span, finds its start and groups within
//! that span. That is the match the regex crate reports: no match in the span starts
//! further left, and the preferred one from that start is the one the DFA ended.

use std::borrow::Cow;
use std::ops::Range;

use regex_automata::hybrid::dfa::{self, DFA};
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, NFA};
use regex_automata::util::captures::Captures;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, MatchKind};

type MakeCaches = Box<dyn Fn() -> Caches + Send + Sync + std::panic::RefUnwindSafe>;

/// The search state of one thread.
struct Caches {
    dfa: dfa::Cache,
    backtrack: backtrack::Cache,
    pikevm: pikevm::Cache,
    captures: Captures,
}

/// A lazy DFA over `nfa` with the regex crate's own settings (a Unicode `\b` makes it
/// quit at a non-ASCII byte, so its caller falls back to the NFA simulation).
pub(super) fn lazy_dfa(nfa: &NFA, kind: MatchKind) -> Result<DFA, String> {
    let config = DFA::config()
        .match_kind(kind)
        .unicode_word_boundary(true)
        .minimum_cache_clear_count(Some(3))
        .minimum_bytes_per_state(Some(10));
    DFA::builder()
        .configure(config)
        .build_from_nfa(nfa.clone())
        .map_err(|e| e.to_string())
}

/// A pattern (regex crate syntax) that never matches the empty string.
pub struct Pattern {
    dfa: DFA,
    backtrack: BoundedBacktracker,
    pikevm: PikeVM,
    caches: Pool<Caches, MakeCaches>,
}

/// A match: its span, and the span of its first group (`None` when the group took no
/// part in the match).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub whole: Range<usize>,
    pub group: Option<Range<usize>>,
}

impl Pattern {
    /// Compiles the pattern; the error says why it is not a valid regex, or that it
    /// matches the empty string (which [`Pattern::replace_all`] could not step over).
    pub fn new(pattern: &str) -> Result<Pattern, String> {
        let nfa = NFA::compiler()
            .configure(thompson::Config::new())
            .build(pattern)
            .map_err(|e| e.to_string())?;
        if nfa.has_empty() {
            return Err(format!("{pattern}: matches the empty string"));
        }
        let dfa = lazy_dfa(&nfa, MatchKind::LeftmostFirst)?;
        let backtrack = BoundedBacktracker::new_from_nfa(nfa.clone()).map_err(|e| e.to_string())?;
        let pikevm = PikeVM::new_from_nfa(nfa).map_err(|e| e.to_string())?;
        let (for_dfa, for_backtrack, for_pikevm) = (dfa.clone(), backtrack.clone(), pikevm.clone());
        let make: MakeCaches = Box::new(move || Caches {
            dfa: for_dfa.create_cache(),
            backtrack: for_backtrack.create_cache(),
            pikevm: for_pikevm.create_cache(),
            captures: for_pikevm.create_captures(),
        });
        Ok(Pattern {
            dfa,
            backtrack,
            pikevm,
            caches: Pool::new(make),
        })
    }

    /// The leftmost-first match that starts at the start of `text`, if any.
    pub fn at_start(&self, text: &str) -> Option<Found> {
        self.captures(Input::new(text).anchored(Anchored::Yes))
    }

    /// The leftmost-first match in `text`, if any.
    pub fn find(&self, text: &str) -> Option<Found> {
        self.captures(Input::new(text))
    }

    fn captures(&self, input: Input<'_>) -> Option<Found> {
        let mut caches = self.caches.get();
        let whole = self.search(input, &mut caches)?;
        let group = caches.captures.get_group(1).map(|span| span.range());
        Some(Found { whole, group })
    }

    /// The leftmost-first match in `text` from byte `from` on.
    pub fn find_at(&self, text: &str, from: usize) -> Option<Range<usize>> {
        let mut caches = self.caches.get();
        self.search(Input::new(text).range(from..), &mut caches)
    }

    /// Every match in `text`, left to right and not overlapping, replaced by `with`.
    pub fn replace_all<'t>(&self, text: &'t str, with: &str) -> Cow<'t, str> {
        let Some(first) = self.find_at(text, 0) else {
            return Cow::Borrowed(text);
        };
        let mut out = String::with_capacity(text.len());
        let (mut copied, mut next) = (0, Some(first));
        while let Some(found) = next {
            out.push_str(&text[copied..found.start]);
            out.push_str(with);
            // (a match is never empty: the search moves on)
            copied = found.end;
            next = self.find_at(text, copied);
        }
        out.push_str(&text[copied..]);
        Cow::Owned(out)
    }

    /// Runs the search of the module doc; the groups are left in `caches.captures`.
    fn search(&self, input: Input<'_>, caches: &mut Caches) -> Option<Range<usize>> {
        let Caches {
            dfa,
            backtrack,
            pikevm,
            captures,
        } = caches;
        let end = match self.dfa.try_search_fwd(dfa, &input) {
            Ok(None) => return None,
            Ok(Some(end)) => end.offset(),
            Err(_) => input.end(), // the DFA gave up or quit: the NFA reads it all
        };
        let input = input.clone().range(input.start()..end);
        let fits = input.get_span().len() <= self.backtrack.max_haystack_len();
        if !(fits
            && self
                .backtrack
                .try_captures(backtrack, input.clone(), captures)
                .is_ok())
        {
            self.pikevm.captures(pikevm, input, captures);
        }
        captures.get_match().map(|m| m.range())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_at_the_start_as_the_regex_crate_does() {
        let pattern = r"^(\p{Lu}\w*(?:, \p{Lu}\w*)*)(?: \((\w+)\))?:? ";
        let ours = Pattern::new(pattern).unwrap();
        let reference = regex::Regex::new(pattern).unwrap();
        for text in [
            "Wien, Graz (APA): Der Text",
            "Wien: Der Text",
            "Ähm, Öl ist teuer",
            "wien, Graz (APA): Der Text",
            "Wien",
            "",
        ] {
            let expected = reference.captures(text).map(|caps| Found {
                whole: caps.get(0).map_or(0..0, |m| m.range()),
                group: caps.get(1).map(|m| m.range()),
            });
            assert_eq!(ours.at_start(text), expected, "{text}");
        }
    }

    #[test]
    fn finds_and_replaces_as_the_regex_crate_does() {
        let patterns = [
            r"(?i)\((foto|bild)\s*:[^)]*\)",
            r"(^|\s)©\s*[^.]{2,20}$",
            r"(?i)\bbild \d+ (von|/) \d+\b",
            r"a+|ab",
        ];
        let texts = [
            "Putin (Foto: AP) und Xi (Bild: dpa)",
            "Ein Bild © Max Müller",
            "Bild 3 von 12 – ÜBild 4 von 5 bild 6/7",
            "aab ab abab xaaay",
            "",
            "nichts",
        ];
        for pattern in patterns {
            let ours = Pattern::new(pattern).unwrap();
            let reference = regex::Regex::new(pattern).unwrap();
            for text in texts {
                let found = ours.find_at(text, 0);
                assert_eq!(
                    found,
                    reference.find(text).map(|m| m.range()),
                    "{pattern} {text}"
                );
                let expected = reference.captures(text).map(|caps| Found {
                    whole: caps.get(0).map_or(0..0, |m| m.range()),
                    group: caps.get(1).map(|m| m.range()),
                });
                assert_eq!(ours.find(text), expected, "{pattern} {text}");
                assert_eq!(
                    ours.replace_all(text, " "),
                    reference.replace_all(text, " ")
                );
            }
        }
        assert!(Pattern::new("(unclosed").is_err());
        assert!(Pattern::new("a*").is_err());
    }
}
