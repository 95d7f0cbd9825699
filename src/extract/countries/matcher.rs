//! The matcher: a trie of every form of every country, walked from each
//! place a mention can start (a word start, or the end of a compass prefix); word
//! boundaries, compounds and the context rules (shy names, blockers) decide which hits are
//! mentions, leftmost-longest; weak and ambiguous forms are settled last, by the countries
//! the same text names for certain.

use super::data::{ContextWords, Entry};
use super::forms::Kind;
use super::patterns::{Patterns, Tails, Target};
use super::starts::Starts;
use crate::extract::trie::Trie;

/// A hit that passed the boundary and context rules: byte span and pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Raw {
    pub start: usize,
    pub end: usize,
    pub target: u32,
    /// Found through a compass prefix (Ost|ukraine): loses a tie with a whole form
    /// (Nordkorea, Südsudan).
    pub compass: bool,
}

/// A hit that passed the rules, with the span its pattern matched: hits are put in the
/// order an unanchored scan finds them (by the end of the match, longer first) before
/// the leftmost-longest choice, so that ties fall as they always did.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    raw: Raw,
    matched: (usize, usize),
}

/// The matcher's scratch buffers, kept by the caller so that repeated scans do not allocate.
#[derive(Debug, Default)]
pub(super) struct Scratch {
    found: Vec<Hit>,
    hits: Vec<Raw>,
}

/// The trie over all forms and what each pattern means.
pub(super) struct Matcher {
    trie: Trie,
    /// Where in a text the trie is walked from.
    starts: Starts,
    pub targets: Vec<Target>,
    tails: Tails,
    compass: Vec<String>,
    function: Vec<String>,
    noun_endings: Vec<String>,
    /// The compound head nouns in lower case, each spelt backwards: a walk from the end
    /// of a word finds the heads it ends with.
    compound_heads: Trie,
}

impl Matcher {
    /// Builds the trie over every form of every entry.
    pub fn new(entries: &[Entry], words: &ContextWords, closed_compounds: bool) -> Matcher {
        let patterns = Patterns::from_entries(entries, &words.compass, closed_compounds);
        // A plain trie, not an Aho-Corasick automaton: it is walked anchored, from the few
        // places a mention may start, never over the whole text, so it needs no failure
        // links (whose building was a third of the gazetteer's start-up).
        let trie = Trie::new(&patterns.texts);
        let lower = |v: &[String]| v.iter().map(|w| w.to_lowercase()).collect::<Vec<_>>();
        let compass = lower(&words.compass);
        Matcher {
            trie,
            starts: Starts::new(patterns.texts.iter().map(String::as_str), &compass),
            targets: patterns.targets,
            tails: patterns.tails,
            compass,
            function: words.function.clone(),
            noun_endings: lower(&words.noun_endings),
            compound_heads: Trie::new(&reversed(&lower(&words.compound_heads))),
        }
    }

    /// How many patterns the trie holds, and its memory in bytes.
    pub fn size(&self) -> (usize, usize) {
        (self.targets.len(), self.trie.memory_usage())
    }

    /// Appends the mentions of `text` to `out`, leftmost-longest, in order.
    pub fn scan(&self, text: &str, scratch: &mut Scratch, out: &mut Vec<Raw>) {
        let Scratch { found, hits } = scratch;
        found.clear();
        self.starts.each(text, |start| {
            self.walk(text, start, |end, target| {
                if let Some(raw) = self.accept(text, start, end, target) {
                    found.push(Hit {
                        raw,
                        matched: (end, start),
                    });
                }
            })
        });
        found.sort_unstable_by_key(|hit| hit.matched);
        hits.clear();
        hits.extend(found.iter().map(|hit| hit.raw));
        // Leftmost first, then longest; in a tie a blocker wins over a compound, and a
        // whole form over a compass compound.
        let targets = &self.targets;
        let not_blocker = |r: &Raw| !targets[r.target as usize].blocker();
        hits.sort_unstable_by_key(|r| {
            (r.start, std::cmp::Reverse(r.end), not_blocker(r), r.compass)
        });
        let mut free_from = 0;
        for raw in hits.iter() {
            if raw.start >= free_from {
                free_from = raw.end;
                if !self.targets[raw.target as usize].blocker() {
                    out.push(*raw);
                }
            }
        }
    }

    /// Walks the trie from `start` and calls `f` with the end and pattern of every form
    /// that begins there.
    fn walk(&self, text: &str, start: usize, mut f: impl FnMut(usize, u32)) {
        let rest = text.as_bytes().get(start..).unwrap_or_default();
        self.trie.walk(rest.iter().copied(), |len, pattern| {
            f(start + len, pattern);
            false
        });
    }

    /// The boundary and context rules for one hit; the span may grow to a whole compound.
    fn accept(&self, text: &str, start: usize, end: usize, target: u32) -> Option<Raw> {
        let t = &self.targets[target as usize];
        let left_free = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let right_free = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
        let mut raw = Raw {
            start,
            end,
            target,
            compass: false,
        };
        if t.blocker() {
            return (left_free && right_free).then_some(raw);
        }
        if t.kind == Kind::Compass {
            return if left_free {
                self.compass_tail(text, start, end)
            } else {
                None
            };
        }
        if !left_free {
            let tail = t.may_tail_compound();
            raw.start = if tail {
                self.compass_start(text, start)?
            } else {
                return None;
            };
        }
        if !right_free {
            let head = left_free && t.may_head_compound();
            raw.end = if head {
                self.closed_head_end(text, end)?
            } else {
                return None;
            };
        }
        if t.flags.hyphen_only && !text[end..].starts_with('-') {
            return None;
        }
        let (before, after) = (t.flags.shy || t.flags.shy_after_name, t.flags.shy);
        if (before || after) && self.next_to_name(text, start, end, before, after) {
            return None;
        }
        Some(raw)
    }

    /// A compass compound whose tail is a country name (Ost|ukraine, Nord|syrien): the
    /// rest of the word after the prefix, looked up among the lower-case names.
    fn compass_tail(&self, text: &str, start: usize, end: usize) -> Option<Raw> {
        let rest = &text[end..];
        let len = rest
            .char_indices()
            .find(|(_, c)| !is_word_char(*c))
            .map_or(rest.len(), |(i, _)| i);
        let &target = self.tails.get(&rest[..len])?;
        Some(Raw {
            start,
            end: end + len,
            target,
            compass: true,
        })
    }

    /// The start of the word when the letters before `start` are a compass prefix
    /// (Ost|ukraine, süd|deutsche).
    fn compass_start(&self, text: &str, start: usize) -> Option<usize> {
        let word_start = text[..start]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map(|(i, _)| i)?;
        let prefix = text[word_start..start].to_lowercase();
        self.compass.contains(&prefix).then_some(word_start)
    }

    /// True when a capitalised word other than a function word stands right before or
    /// after the span, separated by one space: Michael Jordan, Jordan Bardella.
    fn next_to_name(
        &self,
        text: &str,
        start: usize,
        end: usize,
        before: bool,
        after: bool,
    ) -> bool {
        let word_before = text[..start]
            .strip_suffix(' ')
            .filter(|_| before)
            .map(|head| {
                let from = head
                    .char_indices()
                    .rev()
                    .take_while(|(_, c)| c.is_alphabetic())
                    .last()
                    .map_or(head.len(), |(i, _)| i);
                &head[from..]
            });
        let word_after = text[end..].strip_prefix(' ').filter(|_| after).map(|tail| {
            let to = tail
                .char_indices()
                .find(|(_, c)| !c.is_alphabetic())
                .map_or(tail.len(), |(i, _)| i);
            &tail[..to]
        });
        [word_before, word_after]
            .into_iter()
            .flatten()
            .any(|w| self.is_name_like(w))
    }

    /// The end of a closed compound that the form leads (China|forscherin, Kreml|chef):
    /// the rest of the word is lower case and ends in a compound head noun.
    fn closed_head_end(&self, text: &str, end: usize) -> Option<usize> {
        let rest = &text[end..];
        let len = rest
            .char_indices()
            .find(|(_, c)| !is_word_char(*c))
            .map_or(rest.len(), |(i, _)| i);
        let tail = &rest[..len];
        if !tail.chars().all(char::is_lowercase) {
            return None;
        }
        let stem = ["innen", "nen", "es", "en", "er", "s", "e", "n", ""]
            .iter()
            .filter_map(|ending| tail.strip_suffix(ending))
            .any(|stem| self.compound_heads.walk(stem.bytes().rev(), |_, _| true));
        stem.then_some(end + len)
    }

    fn is_name_like(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().count() > 1
            && !self.function.iter().any(|f| f == word)
            && !self
                .noun_endings
                .iter()
                .any(|e| lower.ends_with(e.as_str()))
    }
}

/// Each of `words` spelt backwards, byte by byte.
fn reversed(words: &[String]) -> Vec<Vec<u8>> {
    words.iter().map(|w| w.bytes().rev().collect()).collect()
}

/// A letter or digit in any script: what a word is made of (Unicode's Alphabetic and
/// Numeric properties). Hyphens, apostrophes, slashes and spaces end a word.
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::super::data;
    use super::*;
    use aho_corasick::AhoCorasick;

    /// Every hit the rules accept anywhere in `text`, found by an unanchored overlapping
    /// Aho-Corasick scan over every byte (how the matcher worked before it walked a trie
    /// from the starts).
    fn accepted_everywhere(m: &Matcher, everywhere: &AhoCorasick, text: &str) -> Vec<Raw> {
        let found = everywhere.find_overlapping_iter(text);
        found
            .filter_map(|hit| m.accept(text, hit.start(), hit.end(), hit.pattern().as_u32()))
            .collect()
    }

    #[test]
    fn walking_from_the_starts_finds_what_a_scan_of_every_byte_finds() {
        let data = data::load();
        let words = data::context_words();
        let m = Matcher::new(&data.entries, &words, true);
        let patterns = Patterns::from_entries(&data.entries, &words.compass, true);
        let everywhere = AhoCorasick::new(&patterns.texts).expect("the forms build");
        let mut texts: Vec<String> = crate::load::SEEDS
            .iter()
            .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
            .collect();
        texts.extend(
            [
                "Ostukraine, SÜDDEUTSCHE, süddeutschen, 3ostukraine, Nordkorea und Südostasien",
                "„Russland“ – Russlands (Frankreich) RUSSLAND—Kremlchef, Chinaforscherin",
                "Michael Jordan, Jordan Bardella, Washingtons, Deutsch-Kanadier, US-Wahl, UK",
                "Südchinesisches Meer; Westjordanland; Weißrussland; XUkraine; Ukraine2",
            ]
            .map(String::from),
        );
        for text in &texts {
            let mut want = accepted_everywhere(&m, &everywhere, text);
            let mut got = Vec::new();
            m.starts.each(text, |start| {
                m.walk(text, start, |end, target| {
                    got.extend(m.accept(text, start, end, target));
                })
            });
            let key = |r: &Raw| (r.start, r.end, r.target, r.compass);
            want.sort_unstable_by_key(key);
            got.sort_unstable_by_key(key);
            assert!(!want.is_empty());
            assert_eq!(got, want, "{text}");
        }
    }
}
