//! The word lists of `assets/` that the quote rules read: speech verbs with their
//! inflections, speech and title nouns, closed word classes and given names. Parsed once.

use std::collections::{HashMap, HashSet};
use std::sync::{LazyLock, OnceLock};

use rustc_hash::FxBuildHasher;

use super::short_words::{self, ShortWords};
use crate::extract::trie::Trie;

/// A set of lowercase words hashed with FxHash, with a bitmap of the byte endings of its
/// members so that most words are ruled out without hashing any tail of them, and (built
/// on first use) a trie of the members read backwards, which finds every member a word
/// ends with in one walk from its end.
#[derive(Debug, Clone)]
pub struct WordSet {
    words: HashSet<&'static str, FxBuildHasher>,
    endings: Endings,
    backwards: OnceLock<Trie>,
}

/// 64 × 64 = 4096 bits of [`Endings`].
const ENDING_WORDS: usize = 64;

/// A bitmap of the last three bytes of a set of words (hashed): a word whose bit is
/// clear ends like none of them, which most words are told without a lookup.
#[derive(Debug, Clone)]
pub struct Endings(Box<[u64; ENDING_WORDS]>);

impl Default for Endings {
    fn default() -> Self {
        Endings(Box::new([0; ENDING_WORDS]))
    }
}

impl Endings {
    pub fn insert(&mut self, word: &str) {
        let bit = ending_bit(word);
        self.0[bit / 64] |= 1 << (bit % 64);
    }

    /// False when no word of the set ends like `word`.
    pub fn may_end(&self, word: &str) -> bool {
        let bit = ending_bit(word);
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

impl Default for WordSet {
    fn default() -> Self {
        WordSet {
            words: HashSet::default(),
            endings: Endings::default(),
            backwards: OnceLock::new(),
        }
    }
}

impl WordSet {
    pub fn insert(&mut self, word: &'static str) {
        self.endings.insert(word);
        self.words.insert(word);
        self.backwards = OnceLock::new();
    }

    /// Builds the trie of the members read backwards now (start-up does, beside the other
    /// tables), rather than on the first word that asks.
    pub fn warm_up(&self) {
        self.backwards();
    }

    /// The trie of the members read backwards, built on first use.
    fn backwards(&self) -> &Trie {
        self.backwards.get_or_init(|| {
            let reversed: Vec<Vec<u8>> = (self.words.iter())
                .map(|w| w.bytes().rev().collect())
                .collect();
            Trie::new(&reversed)
        })
    }

    /// Calls `f` with the start of every member that `word` ends with (a char boundary;
    /// 0 when the whole word is one) until `f` returns true; whether it did.
    fn any_tail(&self, word: &str, mut f: impl FnMut(usize) -> bool) -> bool {
        let bytes = word.as_bytes();
        self.backwards()
            .walk(bytes.iter().rev().copied(), |len, _| {
                let start = bytes.len() - len;
                word.is_char_boundary(start) && f(start)
            })
    }

    pub fn contains(&self, word: &str) -> bool {
        self.may_end(word) && self.words.contains(word)
    }

    /// False when no member ends like `word`.
    fn may_end(&self, word: &str) -> bool {
        self.endings.may_end(word)
    }
}

impl Extend<&'static str> for WordSet {
    fn extend<I: IntoIterator<Item = &'static str>>(&mut self, words: I) {
        for word in words {
            self.insert(word);
        }
    }
}

/// A bit for the last three bytes of a word.
fn ending_bit(word: &str) -> usize {
    let bytes = word.as_bytes();
    let key = bytes
        .iter()
        .rev()
        .take(3)
        .fold(0u32, |k, &b| (k << 8) | u32::from(b));
    (key.wrapping_mul(2_654_435_761) >> 20) as usize % (ENDING_WORDS * 64)
}
/// A map from words hashed with FxHash: eight bytes a step, where FNV takes one, and
/// SipHash's guard against crafted keys buys nothing for fixed lists.
pub type WordMap<V> = HashMap<&'static str, V, FxBuildHasher>;

/// The sections of `quote_words.txt`, each a bit of a word's classes.
const SECTIONS: &[&str] = &[
    "determiner",
    "pronoun",
    "possessive",
    "according_to",
    "according_after",
    "preposition",
    "adverb",
    "function",
    "relative",
    "connective",
    "term_marker",
    "subjunctive",
    "not_name",
];

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
    verbs: WordMap<Vec<VerbReading>>,
    /// Every word of the verb forms and of `quote_words.txt`: its classes and readings.
    /// (Keyed by bytes: the paragraph's lowercase text is looked up as bytes, with no
    /// char boundary to check.)
    entries: HashMap<&'static [u8], (u32, &'static [VerbReading]), FxBuildHasher>,
    /// The entries of up to [`short_words::MAX_LEN`] bytes, where most words are
    /// looked up.
    short_entries: ShortWords<(u32, &'static [VerbReading])>,
    /// The byte length of the longest entry: a longer word is none.
    longest_entry: usize,
    /// Each word's sections of `quote_words.txt`, one bit per entry of [`SECTIONS`].
    classes: WordMap<u32>,
    speech_nouns: WordSet,
    title_nouns: WordSet,
    document_nouns: WordSet,
    media: WordSet,
    circumstance_nouns: WordSet,
    conclusion_nouns: WordSet,
    first_names: WordMap<Gender>,
}

static WORDS: LazyLock<Words> = LazyLock::new(Words::load);

/// The lists, parsed on first use.
pub fn words() -> &'static Words {
    &WORDS
}

/// Parses the lists and builds the tries that find a noun at a word's end now (start-up
/// does, beside the other tables).
pub fn warm_up() {
    let words = words();
    for set in [
        &words.speech_nouns,
        &words.title_nouns,
        &words.document_nouns,
    ] {
        set.warm_up();
    }
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
            let Some(bit) = SECTIONS.iter().position(|s| *s == section) else {
                continue;
            };
            for word in line.split_whitespace() {
                *words.classes.entry(word).or_default() |= 1 << bit;
            }
        }
        for (section, line) in sections(QUOTE_NOUNS) {
            let set = match section {
                "speech" => &mut words.speech_nouns,
                "document" => &mut words.document_nouns,
                "media" => &mut words.media,
                "title" => &mut words.title_nouns,
                "circumstance" => &mut words.circumstance_nouns,
                "conclusion" => &mut words.conclusion_nouns,
                _ => continue,
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
        // the forms and the word classes in one map, so a token is hashed once; the
        // readings live as long as the lists, which is the whole run
        for (form, readings) in std::mem::take(&mut words.verbs) {
            let readings: &'static [VerbReading] = Box::leak(readings.into_boxed_slice());
            words.entries.entry(form.as_bytes()).or_insert((0, &[])).1 = readings;
        }
        for (&word, &classes) in &words.classes {
            words.entries.entry(word.as_bytes()).or_insert((0, &[])).0 |= classes;
        }
        words.short_entries = ShortWords::new(words.entries.iter().map(|(&w, &e)| (w, e)));
        words.longest_entry = words.entries.keys().map(|w| w.len()).max().unwrap_or(0);
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
    pub fn verb(&'static self, form: &str) -> &'static [VerbReading] {
        self.entries.get(form.as_bytes()).map_or(&[], |e| e.1)
    }

    /// Whether a lowercase word is in a section of `quote_words.txt`.
    /// The sections a lowercase word is in, as bits of [`Words::mask`].
    /// The classes and the verb readings of a lowercase word, in one lookup.
    pub fn entry(&self, word: &str) -> (u32, &[VerbReading]) {
        self.entry_bytes(word.as_bytes())
    }

    /// [`Words::entry`] of a lowercase word's bytes.
    #[inline(always)]
    pub fn entry_bytes(&self, word: &[u8]) -> (u32, &[VerbReading]) {
        let entry = if word.len() <= short_words::MAX_LEN {
            self.short_entries.get(word)
        } else if word.len() <= self.longest_entry {
            self.long_entry(word)
        } else {
            None
        };
        entry.unwrap_or((0, &[]))
    }

    /// The entry of a word too long for [`Words::short_entries`].
    #[cold]
    #[inline(never)]
    fn long_entry(&self, word: &[u8]) -> Option<(u32, &'static [VerbReading])> {
        self.entries.get(word).copied()
    }

    pub fn classes(&self, word: &str) -> u32 {
        self.classes.get(word).copied().unwrap_or(0)
    }

    /// The bits of some sections, to test against [`Words::classes`].
    pub fn mask(sections: &[&str]) -> u32 {
        sections
            .iter()
            .filter_map(|s| SECTIONS.iter().position(|x| x == s))
            .fold(0, |m, bit| m | (1 << bit))
    }

    pub fn is(&self, section: &str, word: &str) -> bool {
        self.classes
            .get(word)
            .is_some_and(|c| c & Words::bit(section) != 0)
    }

    /// The bit of one section of `quote_words.txt` (0 for an unknown name).
    pub fn bit(section: &str) -> u32 {
        let position = match section {
            "determiner" => 0,
            "pronoun" => 1,
            "possessive" => 2,
            "according_to" => 3,
            "according_after" => 4,
            "preposition" => 5,
            "adverb" => 6,
            "function" => 7,
            "relative" => 8,
            "connective" => 9,
            "term_marker" => 10,
            "subjunctive" => 11,
            "not_name" => 12,
            _ => return 0,
        };
        debug_assert_eq!(SECTIONS[position], section);
        1 << position
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

    /// A noun for a text someone wrote ("Pressemitteilung", "Bericht"): its author speaks.
    pub fn is_document(&self, word: &str) -> bool {
        ends_with_any(&self.document_nouns, word) || ends_with_any(&self.speech_nouns, word)
    }

    /// A noun for a written text (the `[document]` list: "Bericht", "Gesetzentwurf",
    /// "Homepage"), not for an utterance ("Kritik", "Fazit").
    pub fn is_written_text(&self, word: &str) -> bool {
        // and its genitive ("des Berichts", "des Gesetzes")
        with_ending(word, &["es", "s"], |w| {
            ends_with_any(&self.document_nouns, w)
        })
    }

    /// A noun that opens a phrase of circumstance ("im Zusammenhang", "im Rahmen"), as
    /// a whole word.
    pub fn is_circumstance(&self, word: &str) -> bool {
        self.circumstance_nouns.contains(word)
    }

    /// A noun for a conclusion reached ("zu dem Ergebnis", "zum Schluss"), as a whole
    /// word.
    pub fn is_conclusion(&self, word: &str) -> bool {
        self.conclusion_nouns.contains(word)
    }

    /// A news outlet's one-word name that takes an article ("der Spiegel", "die Zeit").
    pub fn is_media(&self, word: &str) -> bool {
        self.media.contains(super::text::lower(word).as_ref())
    }

    pub fn first_name(&self, word: &str) -> Option<Gender> {
        self.first_names.get(word).copied()
    }
}

/// `found` for a lowercase word, or for its stem of at least four letters without one of
/// `endings` ("berichts" → "bericht").
pub fn with_ending(word: &str, endings: &[&str], found: impl Fn(&str) -> bool) -> bool {
    found(word)
        || endings.iter().any(|ending| {
            word.strip_suffix(ending)
                .is_some_and(|stem| stem.chars().count() >= 4 && found(stem))
        })
}

/// True when `word` is in `set` or ends with a member of at least four letters (the
/// head of a German compound).
pub fn ends_with_any(set: &WordSet, word: &str) -> bool {
    if !set.may_end(word) {
        return false;
    }
    // the whole word, or tails of 4 to 24 chars; a tail after a hyphen may be shorter
    set.any_tail(word, |i| {
        i == 0 || word[..i].ends_with('-') || (4..=24).contains(&word[i..].chars().count())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ends_with_any` as it was: every tail of the word looked up in the hash set.
    fn by_lookup(set: &WordSet, word: &str) -> bool {
        if set.words.contains(word) {
            return true;
        }
        let total = word.chars().count();
        word.char_indices().enumerate().skip(1).any(|(n, (i, _))| {
            let left = total - n;
            let joined = word[..i].ends_with('-');
            (joined || (4..=24).contains(&left)) && set.words.contains(&word[i..])
        })
    }

    #[test]
    fn tails_found_backwards_are_the_tails_looked_up() {
        let mut set = WordSet::default();
        set.extend(["sprecher", "chef", "in", "präsident", "rat", "überprüfer"]);
        let words = [
            "sprecher",
            "regierungssprecher",
            "ex-chef",
            "küchenchef",
            "chef",
            "in",
            "ärztin",
            "vizepräsident",
            "stadtrat",
            "ex-rat",
            "xrat",
            "lebensmittelüberprüfer",
            "präsidentin",
            "",
        ];
        for word in words {
            assert_eq!(ends_with_any(&set, word), by_lookup(&set, word), "{word}");
        }
        set.insert("ärztin");
        assert!(
            ends_with_any(&set, "oberärztin"),
            "a member added after a walk"
        );
    }
}
