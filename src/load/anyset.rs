//! A set of patterns asked only whether a line matches any of them, built for a fast
//! start: what `regex::RegexSet::is_match` answers, with half the building work.
//!
//! A `RegexSet` also compiles every pattern backwards (to find where a match starts),
//! which a yes-or-no question never needs: with the Unicode letter classes and counted
//! repetitions of the boilerplate patterns, that reverse automaton was half of start-up's
//! pattern building. Here the patterns are compiled forwards once; a lazy DFA answers,
//! and the NFA simulation answers where the DFA cannot (a Unicode `\b` next to a
//! non-ASCII letter), exactly as the regex crate itself falls back.

use std::sync::OnceLock;

use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::nfa::thompson::pikevm::{self, PikeVM};
use regex_automata::nfa::thompson::{self, NFA, WhichCaptures};
use regex_automata::util::pool::Pool;
use regex_automata::{Input, MatchKind};

use super::forward::lazy_dfa;

type MakeCaches = Box<dyn Fn() -> Caches + Send + Sync + std::panic::RefUnwindSafe>;

/// The search state of one thread.
struct Caches {
    dfa: Cache,
    pikevm: pikevm::Cache,
}

/// Patterns (regex crate syntax, the same flags a `RegexSet` has) of which any may match.
pub struct AnySet {
    dfa: DFA,
    pikevm: PikeVM,
    caches: Pool<Caches, MakeCaches>,
}

impl AnySet {
    /// Compiles the patterns; the error names the first that is not a valid regex.
    pub fn new<P: AsRef<str>>(patterns: &[P]) -> Result<AnySet, String> {
        let nfa = NFA::compiler()
            .configure(thompson::Config::new().which_captures(WhichCaptures::None))
            .build_many(patterns)
            .map_err(|e| e.to_string())?;
        let dfa = lazy_dfa(&nfa, MatchKind::All)?;
        let pikevm = PikeVM::builder()
            .configure(PikeVM::config().match_kind(MatchKind::All))
            .build_from_nfa(nfa)
            .map_err(|e| e.to_string())?;
        let (for_dfa, for_pikevm) = (dfa.clone(), pikevm.clone());
        let make: MakeCaches = Box::new(move || Caches {
            dfa: for_dfa.create_cache(),
            pikevm: for_pikevm.create_cache(),
        });
        Ok(AnySet {
            dfa,
            pikevm,
            caches: Pool::new(make),
        })
    }

    /// Whether any pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        let input = Input::new(text).earliest(true);
        let mut caches = self.caches.get();
        match self.dfa.try_search_fwd(&mut caches.dfa, &input) {
            Ok(found) => found.is_some(),
            // the DFA quit (a Unicode `\b` at a non-ASCII byte) or gave up
            Err(_) => self.pikevm.is_match(&mut caches.pikevm, input),
        }
    }
}

/// Patterns asked only whether a line matches any of them, some of which hold a `\b`.
///
/// Why three sets: with a Unicode `\b` in a pattern, the lazy DFA gives up at the first
/// non-ASCII byte (any umlaut) and the much slower NFA simulation reads the line. The
/// patterns with `\b` are therefore also kept with every `\b` taken out: dropping an
/// assertion can only let more lines match, and that set runs on the DFA, so it is asked
/// first and rules out nearly every line before the exact patterns are. So few lines
/// get past it (none in most corpora) that the exact patterns are compiled only when
/// the first one does.
pub struct AnyOf {
    /// The patterns without `\b`.
    plain: AnySet,
    /// The patterns with `\b`, as written, compiled on first use from `bounded_patterns`.
    bounded: OnceLock<AnySet>,
    bounded_patterns: Vec<String>,
    /// `bounded` without its `\b`s: matches every line `bounded` matches, and more.
    loose: AnySet,
}

impl AnyOf {
    /// Compiles the patterns; the error names the first that is not a valid regex. (Those
    /// with `\b` are compiled on first need, and so a broken one fails then: the data
    /// files' tests build them all.)
    pub fn new<P: AsRef<str>>(patterns: &[P]) -> Result<AnyOf, String> {
        // (after `\\` a `b` is a letter, and `\b{start}` is another assertion: patterns
        // with either stay whole, in `plain`)
        let has_boundary =
            |p: &&str| p.contains(r"\b") && !p.contains(r"\\") && !p.contains(r"\b{");
        let (bounded, plain): (Vec<&str>, Vec<&str>) =
            patterns.iter().map(AsRef::as_ref).partition(has_boundary);
        let loose: Vec<String> = bounded.iter().map(|p| p.replace(r"\b", "")).collect();
        Ok(AnyOf {
            plain: AnySet::new(&plain)?,
            bounded: OnceLock::new(),
            bounded_patterns: bounded.iter().map(|p| p.to_string()).collect(),
            loose: AnySet::new(&loose)?,
        })
    }

    /// Whether any pattern matches somewhere in `text`.
    pub fn is_match(&self, text: &str) -> bool {
        self.plain.is_match(text) || (self.loose.is_match(text) && self.bounded().is_match(text))
    }

    /// The patterns with `\b`, compiled now if they are not yet.
    fn bounded(&self) -> &AnySet {
        self.bounded.get_or_init(|| {
            AnySet::new(&self.bounded_patterns)
                .unwrap_or_else(|e| panic!("a pattern with \\b does not compile: {e}"))
        })
    }

    /// Compiles the patterns with `\b` now, to test that they compile.
    #[cfg(test)]
    pub fn compile_all(&self) -> Result<(), String> {
        AnySet::new(&self.bounded_patterns).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_as_a_regex_set_does() {
        let patterns = [
            r"(?i)^(?:anzeige|werbung)$",
            r"(?i)\bcookies?\b",
            r"\p{Lu}\d",
        ];
        let set = AnySet::new(&patterns).unwrap();
        let reference = regex::RegexSet::new(patterns).unwrap();
        for line in [
            "Anzeige",
            "WERBUNG",
            "Anzeige: Schuhe",
            "Wir nutzen Cookies.",
            "Cookiesüß",
            "Ücookies",
            "übercookies",
            "Ä1",
            "ä1",
            "",
        ] {
            assert_eq!(set.is_match(line), reference.is_match(line), "{line}");
        }
        assert!(AnySet::new(&["(unclosed"]).is_err());
        let any_of = AnyOf::new(&patterns).unwrap();
        assert_eq!(any_of.compile_all(), Ok(()));
        for line in [
            "Anzeige",
            "Wir nutzen Cookies.",
            "Cookiesüß",
            "Ücookies",
            "Ä1",
            "x",
        ] {
            assert_eq!(any_of.is_match(line), reference.is_match(line), "{line}");
        }
    }
}
