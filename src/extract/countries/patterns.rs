//! The patterns of the matcher: every form of every country with its case variants, what
//! each pattern means (countries, kind, flags), and the lower-case names that end compass
//! compounds. Built once from the gazetteer; read by `matcher`.

use std::collections::HashMap;

use rustc_hash::FxBuildHasher;

use super::data::{Entry, Field};
use super::forms::{self, Kind};

/// How a form may stand in a text, beyond its word boundaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Flags {
    /// Names the country only when the text names it for certain elsewhere.
    pub weak: bool,
    /// Also a person's name: not next to another capitalised name.
    pub shy: bool,
    /// An inflected form of a shy value (Washingtons, Islands): not a mention right after
    /// a capitalised name (George Washingtons, Heron Islands), but fine before one
    /// (Islands Regierung).
    pub shy_after_name: bool,
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
    pub fn blocker(&self) -> bool {
        self.kind == Kind::Blocker
    }

    /// One country, for certain: a form that settles weak forms elsewhere in the text.
    pub fn strong_code(&self) -> Option<u16> {
        match self.codes.as_slice() {
            [(idx, false)] => Some(*idx),
            _ => None,
        }
    }

    pub fn may_head_compound(&self) -> bool {
        self.flags.head_closable && !self.flags.shy && self.strong_code().is_some()
    }

    pub fn may_tail_compound(&self) -> bool {
        self.flags.tail_closable && !self.flags.shy
    }
}

/// Lower-case names that end compass compounds, to their pattern.
pub(super) type Tails = HashMap<String, u32, FxBuildHasher>;

/// Collects patterns, merging a form that several countries or fields give.
#[derive(Default)]
pub(super) struct Patterns {
    index: HashMap<String, usize, FxBuildHasher>,
    pub texts: Vec<String>,
    pub targets: Vec<Target>,
    /// Lower-case names that end compass compounds, to their pattern (ukraine -> Ukraine).
    pub tails: Tails,
}

impl Patterns {
    fn add(&mut self, text: String, idx: u16, kind: Kind, flags: Flags) -> usize {
        if let Some(&at) = self.index.get(&text) {
            let t = &mut self.targets[at];
            match t.codes.iter_mut().find(|(i, _)| *i == idx) {
                Some(code) => code.1 &= flags.weak,
                None if !matches!(kind, Kind::Blocker | Kind::Compass) => {
                    t.codes.push((idx, flags.weak))
                }
                None => {}
            }
            if t.kind == Kind::Blocker && kind != Kind::Blocker {
                t.kind = kind;
                t.codes = vec![(idx, flags.weak)];
            }
            let f = &mut t.flags;
            f.shy |= flags.shy;
            f.shy_after_name |= flags.shy_after_name;
            f.hyphen_only &= flags.hyphen_only;
            f.head_closable |= flags.head_closable;
            f.tail_closable |= flags.tail_closable;
            return at;
        }
        let codes = if matches!(kind, Kind::Blocker | Kind::Compass) {
            Vec::new()
        } else {
            vec![(idx, flags.weak)]
        };
        let at = self.texts.len();
        self.index.insert(text.clone(), at);
        self.texts.push(text);
        self.targets.push(Target { codes, kind, flags });
        at
    }

    /// A form of `value` and the case variants a text may write it in: the capitalised
    /// adjective (the bare one, Russisch, is the language), the upper case of a one-word
    /// name or capital (TOKIO), and the lower case that ends a compass compound (Ost|ukraine).
    fn add_form(
        &mut self,
        form: &str,
        value: &str,
        field: Field,
        idx: u16,
        kind: Kind,
        flags: Flags,
    ) {
        let at = self.add(form.to_string(), idx, kind, flags);
        if kind == Kind::Blocker {
            return;
        }
        if let Some(cap) = forms::capitalised(form) {
            let hyphen_only = field == Field::Adj && form == value;
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
        let shouts = matches!(kind, Kind::Name | Kind::Capital) && form == value;
        if shouts
            && form.chars().count() >= 4
            && !form.contains(' ')
            && form.chars().any(char::is_lowercase)
        {
            self.add(form.to_uppercase(), idx, kind, flags);
        }
        if flags.tail_closable
            && kind == Kind::Name
            && !flags.shy
            && let Some(lower) = forms::decapitalised(form)
        {
            self.tails.entry(lower).or_insert(at as u32);
        }
    }

    /// The compass prefixes (Ost, nord, ...): a hit looks up the rest of its word in `tails`.
    pub fn add_compass(&mut self, prefixes: &[String]) {
        for p in prefixes {
            let variants = [
                p.to_lowercase(),
                forms::capitalised(&p.to_lowercase()).unwrap_or_default(),
            ];
            for v in variants.into_iter().filter(|v| !v.is_empty()) {
                self.add(v, 0, Kind::Compass, Flags::default());
            }
        }
    }
}

impl Patterns {
    /// The patterns of every entry; with `closed_compounds`, the flags and compass
    /// prefixes that let names and adjectives join closed compounds.
    pub fn from_entries(entries: &[Entry], compass: &[String], closed_compounds: bool) -> Patterns {
        let mut patterns = Patterns::default();
        // about four forms a value: room for them all at once, not grown by doubling
        let values: usize = entries.iter().map(|e| e.values.len()).sum();
        patterns.index.reserve(4 * values);
        patterns.texts.reserve(4 * values);
        patterns.targets.reserve(4 * values);
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
                        shy: is_shy && form == *value,
                        shy_after_name: is_shy && form != *value,
                        head_closable: closed_compounds && german_name,
                        tail_closable: closed_compounds && matches!(field, Field::De | Field::Adj),
                        ..Flags::default()
                    };
                    patterns.add_form(&form, value, *field, idx, kind, flags);
                }
            }
        }
        if closed_compounds {
            patterns.add_compass(compass);
        }
        patterns.targets.shrink_to_fit();
        patterns
    }
}
