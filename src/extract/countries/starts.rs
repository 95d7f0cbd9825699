//! Where a country form may begin in a text: at the start of a word whose first bytes
//! may begin some form (the first four, hashed, for the longer forms), or right after a
//! compass prefix that opens a run of letters (Ost|ukraine, süd|deutsche). The matcher
//! walks its trie only from these places instead of over every byte; its rules accept
//! no hit that starts anywhere else.

use crate::bytes::{BLOCK, block_bits};

/// What a byte tells about the place right after it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum After {
    /// Inside a word: an ASCII letter, or a byte in the middle of a multi-byte char.
    Word,
    /// An ASCII byte that is no letter or digit: a word may start next.
    Gap,
    /// An ASCII digit: a run of letters (not a word) may start next.
    Digit,
    /// The first byte of a multi-byte char, which decides.
    Lead,
}

const AFTER: [After; 256] = {
    let mut table = [After::Word; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte >= 0xC0 {
            After::Lead
        } else if byte >= 0x80 || byte.is_ascii_alphabetic() {
            After::Word
        } else if byte.is_ascii_digit() {
            After::Digit
        } else {
            After::Gap
        };
        b += 1;
    }
    table
};

/// Whether a byte is [`After::Word`]: an ASCII letter or a byte in the middle of a
/// multi-byte char.
fn in_word(b: u8) -> bool {
    b.is_ascii_alphabetic() || (0x80..0xC0).contains(&b)
}

/// A byte a form or a compass prefix may begin with: an ASCII letter, or a byte of a
/// char that is not ASCII (written for [`block_bits`]: `| 0x20` lower-cases a letter
/// and leaves a lower-case one).
fn may_begin(b: u8) -> bool {
    ((b | 0x20).wrapping_sub(b'a') < 26) | (b >= 0x80)
}

/// The places where a form can start, from the forms and the compass prefixes.
pub(super) struct Starts {
    /// One bit per hash of the first four bytes some form of four bytes or more begins
    /// with.
    quads: Box<[u64; QUAD_WORDS]>,
    /// The compass prefixes in lower case (ost, süd).
    compass: Vec<String>,
    /// The first four bytes (a [`key`]) of each compass prefix that begins with four
    /// ASCII bytes or is shorter and ASCII, with the mask of those bytes.
    ascii_compass: Vec<(u32, u32)>,
    /// Per pair of bytes a place opens with (the second 0 at the end of the text): whether
    /// some form of four bytes or more begins with them ([`FORM`]), or a shorter one
    /// ([`SHORT_FORM`]), and whether a compass prefix may, in any case ([`COMPASS`];
    /// always after a byte that is not ASCII).
    pairs: Box<[u8; PAIRS]>,
    /// All ones when some form or compass prefix begins with a byte that is not
    /// [`may_begin`] (none does): then every place is looked at, not only those whose
    /// byte may begin one.
    any_first: u32,
    /// Whether each char below U+800 (Latin, Greek, Cyrillic, …) and of the General
    /// Punctuation block (U+2000…U+206F: dashes, quotation marks) is alphabetic, and
    /// numeric; other chars are asked of the standard library.
    classes: Vec<u8>,
}

const QUAD_BITS: u32 = 18;
/// The words of [`Starts::quads`]: of a fixed size, as that of [`Starts::pairs`], so
/// that no index into them needs a bounds check (a [`quad`] and a [`pair`] are below).
const QUAD_WORDS: usize = 1 << (QUAD_BITS - 6);
const PAIRS: usize = 256 * 256;

/// The bits of [`Starts::pairs`].
const FORM: u8 = 1;
const COMPASS: u8 = 2;
const SHORT_FORM: u8 = 4;

/// The index of two bytes in [`Starts::pairs`].
fn pair(first: u8, second: u8) -> usize {
    usize::from(first) << 8 | usize::from(second)
}

/// The four bytes at the start of `bytes`, the first in the top byte (0 for those past
/// its end).
#[inline]
fn key(bytes: &[u8]) -> u32 {
    if let Some(&[a, b, c, d]) = bytes.get(..4) {
        return u32::from_be_bytes([a, b, c, d]);
    }
    let byte = |k: usize| u32::from(bytes.get(k).copied().unwrap_or(0));
    byte(0) << 24 | byte(1) << 16 | byte(2) << 8 | byte(3)
}

/// The bit of the four bytes of a [`key`].
fn quad(key: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> (32 - QUAD_BITS)) as usize
}

fn set_bit(bits: &mut [u64; QUAD_WORDS], bit: usize) {
    bits[bit / 64] |= 1 << (bit % 64);
}

fn has_bit(bits: &[u64; QUAD_WORDS], bit: usize) -> bool {
    bits[bit / 64] >> (bit % 64) & 1 == 1
}

/// The chars of two UTF-8 bytes or one end below this.
const TWO_BYTE_END: u32 = 0x800;
/// The General Punctuation block.
const PUNCTUATION: std::ops::Range<u32> = 0x2000..0x2070;

const ALPHABETIC: u8 = 1;
const NUMERIC: u8 = 2;

impl Starts {
    /// `forms` are every pattern of the trie; `compass` the lower-case prefixes.
    pub fn new<'a>(forms: impl IntoIterator<Item = &'a str>, compass: &[String]) -> Starts {
        let mut quads = Box::new([0u64; QUAD_WORDS]);
        let mut pairs = Box::new([0u8; PAIRS]);
        let mut any_first = 0;
        for form in forms {
            if !form.bytes().next().is_some_and(may_begin) {
                any_first = u32::MAX;
            }
            match *form.as_bytes() {
                [a, b, _, _, ..] => {
                    set_bit(&mut quads, quad(key(form.as_bytes())));
                    pairs[pair(a, b)] |= FORM;
                }
                [a, b, ..] => pairs[pair(a, b)] |= SHORT_FORM,
                [a] => (0..=255).for_each(|b| pairs[pair(a, b)] |= SHORT_FORM),
                [] => pairs.iter_mut().for_each(|p| *p |= SHORT_FORM),
            }
        }
        // a text opening with a char that is not ASCII is always checked
        pairs[pair(0x80, 0)..]
            .iter_mut()
            .for_each(|p| *p |= COMPASS);
        for word in compass {
            let (first, second) = match *word.as_bytes() {
                [a, b, ..] => (a, Some(b)),
                [a] => (a, None),
                [] => continue,
            };
            if !may_begin(first) {
                any_first = u32::MAX;
            }
            if !first.is_ascii() {
                continue;
            }
            let seconds: Vec<u8> = match second {
                Some(b) if b.is_ascii() => vec![b.to_ascii_lowercase(), b.to_ascii_uppercase()],
                Some(_) => (0x80..=0xFF).collect(),
                None => (0..=0xFF).collect(),
            };
            for a in [first.to_ascii_lowercase(), first.to_ascii_uppercase()] {
                seconds.iter().for_each(|&b| pairs[pair(a, b)] |= COMPASS);
            }
        }
        let classes = (0..TWO_BYTE_END)
            .chain(PUNCTUATION)
            .map(|cp| {
                char::from_u32(cp).map_or(0, |c| {
                    u8::from(c.is_alphabetic()) * ALPHABETIC + u8::from(c.is_numeric()) * NUMERIC
                })
            })
            .collect();
        let ascii_compass = compass
            .iter()
            .filter(|word| !word.is_empty())
            .filter_map(|word| {
                let head = word.as_bytes().get(..4).unwrap_or(word.as_bytes());
                let mask = u32::MAX << (8 * (4 - head.len()));
                head.is_ascii().then_some((key(head), mask))
            })
            .collect();
        Starts {
            quads,
            compass: compass.to_vec(),
            ascii_compass,
            pairs,
            any_first,
            classes,
        }
    }

    /// Whether `c` is (alphanumeric, alphabetic), from the table when it can.
    fn class(&self, c: char) -> (bool, bool) {
        let cp = c as u32;
        let at = if cp < TWO_BYTE_END {
            Some(cp)
        } else if PUNCTUATION.contains(&cp) {
            Some(cp - PUNCTUATION.start + TWO_BYTE_END)
        } else {
            None
        };
        match at.and_then(|at| self.classes.get(at as usize)) {
            Some(&class) => (class != 0, class & ALPHABETIC != 0),
            None => (c.is_alphanumeric(), c.is_alphabetic()),
        }
    }

    /// Calls `f` with every place in `text` a form may start, in no particular order and
    /// each once: every word start (no letter or digit before it) whose first four bytes
    /// may begin a form, and every end of a compass prefix that a run of letters opens with.
    pub fn each(&self, text: &str, mut f: impl FnMut(usize)) {
        let bytes = text.as_bytes();
        self.at(text, 0, true, &mut f);
        // Most bytes are inside words and tell nothing: a block of sixteen is read at once
        // into a bit mask of the others, and only those are looked at (the last block is
        // filled up with letters).
        let blocks = bytes.chunks_exact(BLOCK);
        let mut last = [b'a'; BLOCK];
        last[..blocks.remainder().len()].copy_from_slice(blocks.remainder());
        let blocks = blocks.filter_map(|block| <&[u8; BLOCK]>::try_from(block).ok());
        for (b, block) in blocks.chain([&last]).enumerate() {
            // A byte before one that begins no form (the comma of ", ") is passed over;
            // the next byte of a block's last is in the next block.
            let next = block_bits(block, may_begin) >> 1 | 1 << (BLOCK - 1) | self.any_first;
            let mut others = block_bits(block, |b| !in_word(b)) & next;
            while others != 0 {
                let i = others.trailing_zeros() as usize % BLOCK;
                others &= others - 1;
                let k = b * BLOCK + i;
                // (`others` holds no byte of [`After::Word`])
                match AFTER[usize::from(block[i])] {
                    After::Word | After::Gap => self.at(text, k + 1, true, &mut f),
                    After::Digit => self.at(text, k + 1, false, &mut f),
                    After::Lead => {
                        // `k` is a char boundary: a lead byte begins a char.
                        let Some(c) = text.get(k..).and_then(|rest| rest.chars().next()) else {
                            continue;
                        };
                        let end = k + c.len_utf8();
                        match self.class(c) {
                            (false, _) => self.at(text, end, true, &mut f),
                            (true, false) => self.at(text, end, false, &mut f),
                            (true, true) => {}
                        }
                    }
                }
            }
        }
    }

    /// A place after no letter: a word start (`word`: after no letter or digit either)
    /// is a start when its bytes may begin a form; a run of letters that opens with a
    /// compass prefix gives a start where the prefix ends.
    #[inline]
    fn at(&self, text: &str, at: usize, word: bool, f: &mut impl FnMut(usize)) {
        let Some(rest) = text.as_bytes().get(at..).filter(|rest| !rest.is_empty()) else {
            return;
        };
        // the first two bytes are the pair
        let key = key(rest);
        let flags = self.pairs[(key >> 16) as usize];
        let form = flags & SHORT_FORM != 0 || flags & FORM != 0 && has_bit(&self.quads, quad(key));
        if word && form {
            f(at);
        }
        if flags & COMPASS != 0 && self.may_open_compass(key) {
            self.compass_ends(text, at, f);
        }
    }

    /// False when the four bytes of a [`key`] are ASCII and begin no compass prefix
    /// (most runs asked about: mit, wenn, noch); true when [`Starts::compass_ends`] must
    /// look. (An ASCII byte `| 0x20` is a lower-case letter only when the byte is that
    /// letter in either case.)
    #[inline]
    fn may_open_compass(&self, key: u32) -> bool {
        key & 0x8080_8080 != 0
            || self
                .ascii_compass
                .iter()
                .any(|&(head, mask)| (key | 0x2020_2020) & mask == head)
    }

    /// Calls `f` with the end of each compass prefix the text at `run` opens with: the
    /// letters up to there, lower-cased, are the prefix (the test of the matcher's
    /// `compass_start`).
    #[cold]
    fn compass_ends(&self, text: &str, run: usize, f: &mut impl FnMut(usize)) {
        let Some(rest) = text.get(run..) else {
            return;
        };
        // A prefix starts with the lower case of the run's first char, so the others
        // need no look: most runs checked here open with a common word (mit, noch,
        // werden) or with a dash or quotation mark, which opens no prefix.
        let Some(first) = rest.chars().next().filter(|&c| self.class(c).1) else {
            return;
        };
        let Some(lower_first) = first.to_lowercase().next() else {
            return;
        };
        for word in self.compass.iter().filter(|w| w.starts_with(lower_first)) {
            if let Some(len) = self.lower_prefix(rest, word) {
                f(run + len);
            }
        }
    }

    /// The byte length of the letters `text` opens with whose lower case is `word`.
    fn lower_prefix(&self, text: &str, word: &str) -> Option<usize> {
        let (bytes, word) = (text.as_bytes(), word.as_bytes());
        let (mut at, mut matched) = (0, 0);
        while matched < word.len() {
            let b = *bytes.get(at)?;
            if b.is_ascii() {
                if !b.is_ascii_alphabetic() || b.to_ascii_lowercase() != word[matched] {
                    return None;
                }
                (at, matched) = (at + 1, matched + 1);
                continue;
            }
            // `at` is a char boundary: it moves by whole chars.
            let c = text.get(at..)?.chars().next()?;
            if !self.class(c).1 {
                return None;
            }
            for lower in c.to_lowercase() {
                let mut buf = [0u8; 4];
                let lower = lower.encode_utf8(&mut buf).as_bytes();
                if !word[matched..].starts_with(lower) {
                    return None;
                }
                matched += lower.len();
            }
            at += c.len_utf8();
        }
        Some(at)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts_of(forms: &[&str], text: &str) -> Vec<usize> {
        let compass = ["ost".to_string(), "süd".to_string(), "südost".to_string()];
        let s = Starts::new(forms.iter().copied(), &compass);
        let mut out = Vec::new();
        s.each(text, |at| out.push(at));
        out.sort_unstable();
        out
    }

    fn starts(text: &str) -> Vec<usize> {
        starts_of(&["Ukraine", "deutsche", "Iran"], text)
    }

    #[test]
    fn word_starts_that_may_begin_a_form() {
        // "Ukraine" and "Iran" at word starts; "Uk" inside "XUkraine" is no start.
        assert_eq!(starts("Die Ukraine und Iran, XUkraine"), [4, 16]);
        // After a dash, a quotation mark or a non-breaking space (multi-byte chars).
        assert_eq!(starts("–Ukraine „Iran\u{a0}Iran"), [3, 14, 20]);
        // Forms of one or two bytes, also at the very end.
        for (text, at) in [("Qatar", 0), ("ein Q", 4), ("ein UK", 4), ("UK-Wahl", 0)] {
            assert!(starts_of(&["Q", "UK"], text).contains(&at), "{text}");
        }
        // Forms of three bytes begin every word they open; longer ones their first four.
        assert_eq!(
            starts_of(&["Rom", "Iran"], "Rom, Roma, Irak, Iranerin"),
            [0, 5, 17]
        );
    }

    #[test]
    fn places_before_a_byte_no_form_begins_with_are_passed_over_only_when_none_does() {
        // ", 1860" and ". Iran": the comma's place is no start, the space's are.
        assert_eq!(starts_of(&["Iran"], "Rom, 1860. Iran"), [11]);
        // A form that begins with a digit is found after a space and after a comma.
        assert_eq!(
            starts_of(&["1860", "Iran"], "Rom 1860,1860. Iran"),
            [4, 9, 15]
        );
    }

    #[test]
    fn the_class_table_agrees_with_the_standard_library() {
        let s = Starts::new(["Iran"], &[]);
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            assert_eq!(
                s.class(c),
                (c.is_alphanumeric(), c.is_alphabetic()),
                "{c:?}"
            );
        }
    }

    #[test]
    fn ends_of_compass_prefixes() {
        // Ost|ukraine, SÜD|deutsche and Südost|... (süd too); 3ost: a run after a digit.
        assert_eq!(starts("Ostukraine"), [3]);
        assert_eq!(starts("SÜDdeutsche"), [4]);
        assert_eq!(starts("Südostasien"), [4, 7]);
        assert_eq!(starts("3ostx"), [4]);
        assert_eq!(starts("Kost Os"), Vec::<usize>::new());
        // Words that open like no prefix, and a prefix of three bytes at the very end.
        assert_eq!(starts("mit Ost, oft OST"), [7, 16]);
        assert_eq!(starts("Os ostx OStx"), [6, 11]);
    }
}
