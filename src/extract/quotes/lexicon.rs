//! The word lists of `assets/` that the quote rules read: speech verbs with their
//! inflections, speech and title nouns, closed word classes and given names. Parsed once.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

const SPEECH_VERBS: &str = include_str!("../../../assets/speech_verbs.txt");
const QUOTE_WORDS: &str = include_str!("../../../assets/quote_words.txt");
const QUOTE_NOUNS: &str = include_str!("../../../assets/quote_nouns.txt");
const FIRST_NAMES: &str = include_str!("../../../assets/first_names.txt");

/// What a speech verb does with a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbClass {
    /// Says or writes it.
    Speech,
    /// Thinks or holds it: attributes indirect speech.
    Opinion,
    /// Names something with the quoted words ("nannte es „…“").
    Label,
}

/// One reading of a verb form: its class and the particle it needs in the clause.
#[derive(Debug, Clone, Copy)]
pub struct VerbReading {
    pub class: VerbClass,
    pub particle: Option<&'static str>,
}

/// The usual gender of a given name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Either,
}

/// Every list, lowercase.
#[derive(Debug, Default)]
pub struct Words {
    verbs: HashMap<&'static str, Vec<VerbReading>>,
    sets: HashMap<&'static str, HashSet<&'static str>>,
    speech_nouns: HashSet<&'static str>,
    title_nouns: HashSet<&'static str>,
    first_names: HashMap<&'static str, Gender>,
}

static WORDS: LazyLock<Words> = LazyLock::new(Words::load);

/// The lists, parsed on first use.
pub fn words() -> &'static Words {
    &WORDS
}

/// `[section]` headers and whitespace-separated words; `#` starts a comment line.
pub fn sections(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut section = "";
    text.lines().filter_map(move |line| {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            return None;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            return None;
        }
        Some((section, line))
    })
}

impl Words {
    fn load() -> Words {
        let mut words = Words::default();
        for (section, line) in sections(SPEECH_VERBS) {
            words.add_verb(section, line);
        }
        for (section, line) in sections(QUOTE_WORDS) {
            let set = words.sets.entry(section).or_default();
            set.extend(line.split_whitespace());
        }
        for (section, line) in sections(QUOTE_NOUNS) {
            let set = match section {
                "speech" => &mut words.speech_nouns,
                _ => &mut words.title_nouns,
            };
            set.extend(line.split_whitespace());
        }
        for (section, line) in sections(FIRST_NAMES) {
            let gender = match section {
                "male" => Gender::Male,
                "female" => Gender::Female,
                _ => Gender::Either,
            };
            for name in line.split_whitespace() {
                let entry = words.first_names.entry(name).or_insert(gender);
                if *entry != gender {
                    *entry = Gender::Either;
                }
            }
        }
        words
    }

    /// `lemma (particle): forms ; fused forms` under a class section.
    fn add_verb(&mut self, section: &str, line: &'static str) {
        let class = match section {
            "opinion" => VerbClass::Opinion,
            "label" => VerbClass::Label,
            _ => VerbClass::Speech,
        };
        let Some((head, forms)) = line.split_once(':') else {
            return;
        };
        let particle = head
            .split_once('(')
            .and_then(|(_, p)| p.strip_suffix(')'))
            .map(str::trim);
        let (bound, fused) = forms.split_once(';').unwrap_or((forms, ""));
        let mut add = |forms: &'static str, particle: Option<&'static str>| {
            for form in forms.split_whitespace() {
                self.verbs
                    .entry(form)
                    .or_default()
                    .push(VerbReading { class, particle });
            }
        };
        add(bound, particle);
        add(fused, None);
    }

    /// The readings of a lowercase verb form.
    pub fn verb(&self, form: &str) -> &[VerbReading] {
        self.verbs.get(form).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether a lowercase word is in a section of `quote_words.txt`.
    pub fn is(&self, section: &str, word: &str) -> bool {
        self.sets.get(section).is_some_and(|s| s.contains(word))
    }

    pub fn is_month(&self, word: &str) -> bool {
        const MONTHS: &[&str] = &[
            "januar",
            "februar",
            "märz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember",
        ];
        MONTHS.contains(&word)
    }

    /// A noun that introduces speech ("Fazit", "Worte"), also at the end of a compound.
    pub fn is_speech_noun(&self, word: &str) -> bool {
        ends_with_any(&self.speech_nouns, word)
    }

    /// A noun that introduces a name or title ("Film", "Fachmagazin").
    pub fn is_title_noun(&self, word: &str) -> bool {
        ends_with_any(&self.title_nouns, word)
    }

    pub fn first_name(&self, word: &str) -> Option<Gender> {
        self.first_names.get(word).copied()
    }
}

/// True when `word` is in `set` or ends with a member of at least four letters (the
/// head of a German compound).
pub fn ends_with_any(set: &HashSet<&'static str>, word: &str) -> bool {
    if set.contains(word) {
        return true;
    }
    word.char_indices().skip(1).any(|(i, _)| {
        let tail = &word[i..];
        let joined = word[..i].ends_with('-');
        (joined || tail.chars().count() >= 4) && set.contains(tail)
    })
}
