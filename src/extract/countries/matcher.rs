//! The matcher: one Aho-Corasick pass over the text finds every form of every country;
//! word boundaries, compounds and the context rules (shy names, blockers) decide which
//! hits are mentions, leftmost-longest; weak and ambiguous forms are settled last, by the
//! countries the same text names for certain.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::data::{ContextWords, Entry, Field};
use super::forms::{self, Kind};

/// How a form may stand in a text, beyond its word boundaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Flags {
    /// Names the country only when the text names it for certain elsewhere.
    pub weak: bool,
    /// Also a person's name: not next to another capitalised name.
    pub shy: bool,
    /// A lower-case name that only counts after a compass prefix (ostukraine).
    pub tail_only: bool,
    /// A bare capitalised adjective (Russisch, Englisch): the language, unless it leads
    /// a hyphenated compound (Deutsch-Kanadier).
    pub hyphen_only: bool,
    /// A German name or metonym that may lead a closed compound (Kremlchef).
    pub head_closable: bool,
    /// A German name or adjective that may end a compass compound (Ostukraine, süddeutsche).
    pub tail_closable: bool,
}

/// One way a pattern can be read: which countries, and how it may join other words.
#[derive(Debug, Clone)]
pub(super) struct Target {
    /// Entry indices with a flag: true when the form is weak for that country.
    pub codes: Vec<(u16, bool)>,
    pub kind: Kind,
    pub flags: Flags,
}

impl Target {
    fn blocker(&self) -> bool {
        self.kind == Kind::Blocker
    }

    /// One country, for certain: a form that settles weak forms elsewhere in the text.
    pub fn strong_code(&self) -> Option<u16> {
        match self.codes.as_slice() {
            [(idx, false)] => Some(*idx),
            _ => None,
        }
    }

    fn may_head_compound(&self) -> bool {
        self.flags.head_closable && !self.flags.shy && self.strong_code().is_some()
    }

    fn may_tail_compound(&self) -> bool {
        self.flags.tail_closable && !self.flags.shy
    }
}

/// A hit that passed the boundary and context rules: byte span and pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Raw {
    pub start: usize,
    pub end: usize,
    pub target: u32,
}

/// The automaton over all forms and what each pattern means.
pub(super) struct Matcher {
    automaton: AhoCorasick,
    pub targets: Vec<Target>,
    compass: Vec<String>,
    function: Vec<String>,
    noun_endings: Vec<String>,
    compound_heads: Vec<String>,
}

/// Collects patterns, merging a form that several countries or fields give.
#[derive(Default)]
struct Patterns {
    index: HashMap<String, usize>,
    texts: Vec<String>,
    targets: Vec<Target>,
}

impl Patterns {
    fn add(&mut self, text: String, idx: u16, kind: Kind, flags: Flags) {
        if let Some(&at) = self.index.get(&text) {
            let t = &mut self.targets[at];
            match t.codes.iter_mut().find(|(i, _)| *i == idx) {
                Some(code) => code.1 &= flags.weak,
                None if kind != Kind::Blocker => t.codes.push((idx, flags.weak)),
                None => {}
            }
            if t.kind == Kind::Blocker && kind != Kind::Blocker {
                t.kind = kind;
                t.codes = vec![(idx, flags.weak)];
            }
            let f = &mut t.flags;
            f.shy |= flags.shy;
            f.tail_only &= flags.tail_only;
            f.hyphen_only &= flags.hyphen_only;
            f.head_closable |= flags.head_closable;
            f.tail_closable |= flags.tail_closable;
            return;
        }
        let codes = if kind == Kind::Blocker {
            Vec::new()
        } else {
            vec![(idx, flags.weak)]
        };
        self.index.insert(text.clone(), self.texts.len());
        self.texts.push(text);
        self.targets.push(Target { codes, kind, flags });
    }

    /// A form and the case variants a text may write it in. `bare` marks the bare stem
    /// of a German adjective (russisch), whose capitalised form is the language.
    fn add_form(&mut self, form: &str, idx: u16, kind: Kind, flags: Flags, bare: bool) {
        self.add(form.to_string(), idx, kind, flags);
        if kind == Kind::Blocker {
            return;
        }
        if let Some(cap) = forms::capitalised(form) {
            let hyphen_only = bare;
            self.add(
                cap,
                idx,
                kind,
                Flags {
                    hyphen_only,
                    ..flags
                },
            );
        }
        let shouts = matches!(kind, Kind::Name | Kind::Capital | Kind::Metonym);
        if shouts && form.chars().count() >= 4 && form.chars().any(char::is_lowercase) {
            self.add(form.to_uppercase(), idx, kind, flags);
        }
        if flags.tail_closable && kind == Kind::Name && !flags.shy {
            if let Some(lower) = forms::decapitalised(form) {
                let tail_only = true;
                self.add(lower, idx, kind, Flags { tail_only, ..flags });
            }
        }
    }
}

impl Matcher {
    /// Builds the automaton over every form of every entry.
    pub fn new(entries: &[Entry], words: &ContextWords, closed_compounds: bool) -> Matcher {
        let mut patterns = Patterns::default();
        for (idx, entry) in entries.iter().enumerate() {
            let idx = idx as u16;
            let marked = |field: Field| -> Vec<&str> {
                let values = entry.values.iter().filter(move |(f, _)| *f == field);
                values.map(|(_, v)| v.as_str()).collect()
            };
            let (weak, shy) = (marked(Field::Weak), marked(Field::Shy));
            for (field, value) in &entry.values {
                if matches!(field, Field::Weak | Field::Shy | Field::Status) {
                    continue;
                }
                let is_weak = weak.contains(&value.as_str());
                let is_shy = shy.contains(&value.as_str());
                let german_name = matches!(field, Field::De | Field::Meto);
                for (form, kind) in forms::forms_of(*field, value) {
                    let flags = Flags {
                        weak: is_weak,
                        // A genitive (Washingtons) is no person's name: only the value is shy.
                        shy: is_shy && form == *value,
                        head_closable: closed_compounds && german_name,
                        tail_closable: closed_compounds && matches!(field, Field::De | Field::Adj),
                        ..Flags::default()
                    };
                    let bare = *field == Field::Adj && form == *value;
                    patterns.add_form(&form, idx, kind, flags, bare);
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns.texts)
            .or_else(|_| AhoCorasick::new(&patterns.texts))
            .unwrap_or_else(|_| AhoCorasick::new([""; 0]).expect("an empty automaton builds"));
        let lower = |v: &[String]| v.iter().map(|w| w.to_lowercase()).collect();
        Matcher {
            automaton,
            targets: patterns.targets,
            compass: lower(&words.compass),
            function: words.function.clone(),
            noun_endings: lower(&words.noun_endings),
            compound_heads: lower(&words.compound_heads),
        }
    }

    /// How many patterns the automaton holds, and its memory in bytes.
    pub fn size(&self) -> (usize, usize) {
        (self.targets.len(), self.automaton.memory_usage())
    }

    /// Appends the mentions of `text` to `out`, leftmost-longest, in order; `hits` is a
    /// scratch buffer (kept by the caller so that repeated scans do not allocate).
    pub fn scan(&self, text: &str, hits: &mut Vec<Raw>, out: &mut Vec<Raw>) {
        hits.clear();
        for m in self.automaton.find_overlapping_iter(text) {
            if let Some(raw) = self.accept(text, m.start(), m.end(), m.pattern().as_u32()) {
                hits.push(raw);
            }
        }
        // Leftmost first, then longest; a blocker wins a tie with a compound it covers.
        let targets = &self.targets;
        let not_blocker = |r: &Raw| !targets[r.target as usize].blocker();
        hits.sort_unstable_by_key(|r| (r.start, std::cmp::Reverse(r.end), not_blocker(r)));
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

    /// The boundary and context rules for one hit; the span may grow to a whole compound.
    fn accept(&self, text: &str, start: usize, end: usize, target: u32) -> Option<Raw> {
        let t = &self.targets[target as usize];
        let left_free = text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
        let right_free = text[end..].chars().next().is_none_or(|c| !is_word_char(c));
        let mut raw = Raw { start, end, target };
        if t.blocker() {
            return (left_free && right_free).then_some(raw);
        }
        if !left_free {
            let tail = t.may_tail_compound();
            raw.start = if tail {
                self.compass_start(text, start)?
            } else {
                return None;
            };
        } else if t.flags.tail_only {
            return None;
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
        if t.flags.shy && self.next_to_name(text, start, end) {
            return None;
        }
        Some(raw)
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
    fn next_to_name(&self, text: &str, start: usize, end: usize) -> bool {
        let before = text[..start].strip_suffix(' ').map(|head| {
            let from = head
                .char_indices()
                .rev()
                .take_while(|(_, c)| c.is_alphabetic())
                .last()
                .map_or(head.len(), |(i, _)| i);
            &head[from..]
        });
        let after = text[end..].strip_prefix(' ').map(|tail| {
            let to = tail
                .char_indices()
                .find(|(_, c)| !c.is_alphabetic())
                .map_or(tail.len(), |(i, _)| i);
            &tail[..to]
        });
        [before, after]
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
            .any(|stem| {
                self.compound_heads
                    .iter()
                    .any(|h| stem.ends_with(h.as_str()))
            });
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

/// A letter or digit in any script: what a word is made of (Unicode's Alphabetic and
/// Numeric properties). Hyphens, apostrophes, slashes and spaces end a word.
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}
