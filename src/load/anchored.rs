//! A pattern that matches only at the start of a text (it opens with `^`), with its
//! first capture group, built for a fast start: what `regex::Regex::captures` answers,
//! with half the building work.
//!
//! The regex crate compiles every pattern backwards too, to find where a match starts;
//! a match that can only start at 0 never needs that. Here the pattern is compiled
//! forwards once: a lazy DFA finds where the match ends (or that there is none), and the
//! bounded backtracker, or the NFA simulation for a long match, finds the group inside
//! that span, exactly as the regex crate itself does after its DFA.

use std::ops::Range;

use regex_automata::hybrid::dfa::{self, DFA};
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, NFA};
use regex_automata::util::captures::Captures;
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input};

type MakeCaches = Box<dyn Fn() -> Caches + Send + Sync + std::panic::RefUnwindSafe>;

/// The search state of one thread.
struct Caches {
    dfa: dfa::Cache,
    backtrack: backtrack::Cache,
    pikevm: pikevm::Cache,
    captures: Captures,
}

/// A start-anchored pattern (regex crate syntax) with capture groups.
pub struct StartPattern {
    dfa: DFA,
    backtrack: BoundedBacktracker,
    pikevm: PikeVM,
    caches: Pool<Caches, MakeCaches>,
}

/// A match at the start of a text: where it ends, and the span of its first group
/// (`None` when the group took no part in the match).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartMatch {
    pub end: usize,
    pub group: Option<Range<usize>>,
}

impl StartPattern {
    /// Compiles the pattern; the error says why it is not a valid regex.
    pub fn new(pattern: &str) -> Result<StartPattern, String> {
        let nfa = NFA::compiler()
            .configure(thompson::Config::new())
            .build(pattern)
            .map_err(|e| e.to_string())?;
        // the regex crate's own settings for its lazy DFA
        let config = DFA::config()
            .unicode_word_boundary(true)
            .minimum_cache_clear_count(Some(3))
            .minimum_bytes_per_state(Some(10));
        let dfa = DFA::builder()
            .configure(config)
            .build_from_nfa(nfa.clone())
            .map_err(|e| e.to_string())?;
        let backtrack = BoundedBacktracker::new_from_nfa(nfa.clone()).map_err(|e| e.to_string())?;
        let pikevm = PikeVM::new_from_nfa(nfa).map_err(|e| e.to_string())?;
        let (for_dfa, for_backtrack, for_pikevm) = (dfa.clone(), backtrack.clone(), pikevm.clone());
        let make: MakeCaches = Box::new(move || Caches {
            dfa: for_dfa.create_cache(),
            backtrack: for_backtrack.create_cache(),
            pikevm: for_pikevm.create_cache(),
            captures: for_pikevm.create_captures(),
        });
        Ok(StartPattern {
            dfa,
            backtrack,
            pikevm,
            caches: Pool::new(make),
        })
    }

    /// The leftmost-first match at the start of `text`, if any.
    pub fn find(&self, text: &str) -> Option<StartMatch> {
        let input = Input::new(text).anchored(Anchored::Yes);
        let mut caches = self.caches.get();
        let Caches {
            dfa,
            backtrack,
            pikevm,
            captures,
        } = &mut *caches;
        // the DFA tells where the match ends; the groups are then found in that span
        let end = match self.dfa.try_search_fwd(dfa, &input) {
            Ok(None) => return None,
            Ok(Some(end)) => end.offset(),
            Err(_) => text.len(), // the DFA gave up: the NFA reads the whole text
        };
        let input = input.range(..end);
        let fits = end <= self.backtrack.max_haystack_len();
        if !(fits
            && self
                .backtrack
                .try_captures(backtrack, input.clone(), captures)
                .is_ok())
        {
            self.pikevm.captures(pikevm, input, captures);
        }
        let whole = captures.get_match()?;
        Some(StartMatch {
            end: whole.end(),
            group: captures.get_group(1).map(|span| span.range()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_the_regex_crate_finds() {
        let pattern = r"^(\p{Lu}\w*(?:, \p{Lu}\w*)*)(?: \((\w+)\))?:? ";
        let ours = StartPattern::new(pattern).unwrap();
        let reference = regex::Regex::new(pattern).unwrap();
        for text in [
            "Wien, Graz (APA): Der Text",
            "Wien: Der Text",
            "Ähm, Öl ist teuer",
            "wien, Graz (APA): Der Text",
            "Wien",
            "",
        ] {
            let expected = reference.captures(text).map(|caps| StartMatch {
                end: caps.get(0).map_or(0, |m| m.end()),
                group: caps.get(1).map(|m| m.range()),
            });
            assert_eq!(ours.find(text), expected, "{text}");
        }
        assert!(StartPattern::new("(unclosed").is_err());
    }
}
