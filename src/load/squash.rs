//! Lines compared the way a reader sees them: letters and digits only, lower case
//! ([`squash`]), so that repeats that differ in spacing and punctuation are found; and
//! the set of lines seen so far that finds such a repeat without reading a whole line
//! unless its opening matches another's.

use std::collections::HashMap;

/// An ASCII byte as [`squash`] keeps it: letters lower-cased, digits, 0 for the rest.
const SQUASHED_ASCII: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// The hash of [`squash`]`(text)`, without building the string.
pub(crate) fn squash_hash(text: &str) -> u64 {
    squash_hash_up_to(text, usize::MAX)
}

/// The hash of the first `limit` bytes of [`squash`]`(text)` (all of it when shorter),
/// without building the string: the squashed bytes go through a small buffer, whose
/// whole 8-byte words are folded into the hash (so the hash is of the byte stream
/// however it is cut), ASCII without decoding.
fn squash_hash_up_to(text: &str, limit: usize) -> u64 {
    let bytes = text.as_bytes();
    let mut buf = [0u8; 256];
    let mut hash = WordHash::default();
    // `folded` bytes are in the hash, `n` more in the buffer
    let (mut folded, mut n, mut i) = (0, 0, 0);
    while i < bytes.len() && folded + n < limit {
        if n + 16 > buf.len() {
            let whole = n - n % 8;
            hash.words(&buf[..whole]);
            buf.copy_within(whole..n, 0);
            n -= whole;
            folded += whole;
        }
        let b = bytes[i];
        if b.is_ascii() {
            buf[n] = SQUASHED_ASCII[b as usize];
            n += usize::from(buf[n] != 0);
            i += 1;
            continue;
        }
        // `i` is a char boundary: it only ever moves by whole chars.
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if c.is_alphanumeric() {
            for lower in c.to_lowercase() {
                n += lower.encode_utf8(&mut buf[n..]).len();
            }
        }
    }
    hash.finish(&buf[..n.min(limit - folded)])
}

/// A fast 64-bit hash of a byte stream taken 8 bytes at a time, each word folded in by a
/// 128-bit multiply (as wyhash and foldhash do). Only [`squash_hash`] uses it: lines are
/// hashed to find repeats within one article, where SipHash's resistance to crafted keys
/// buys nothing and its cost per byte shows.
#[derive(Default)]
struct WordHash {
    hash: u64,
    len: u64,
}

impl WordHash {
    const SEED: u64 = 0x243F_6A88_85A3_08D3;
    const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

    fn fold(a: u64, b: u64) -> u64 {
        let wide = u128::from(a) * u128::from(b);
        (wide as u64) ^ ((wide >> 64) as u64)
    }

    fn word(&mut self, word: u64) {
        self.hash = Self::fold(self.hash ^ word ^ Self::SEED, Self::MULTIPLIER);
    }

    /// Folds in `bytes`, a whole number of 8-byte words.
    fn words(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks_exact(8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.word(u64::from_le_bytes(word));
        }
        self.len += bytes.len() as u64;
    }

    /// Folds in the last bytes (any number) and the stream's length.
    fn finish(mut self, rest: &[u8]) -> u64 {
        let whole = rest.len() - rest.len() % 8;
        self.words(&rest[..whole]);
        let mut last = [0u8; 8];
        last[..rest.len() - whole].copy_from_slice(&rest[whole..]);
        self.word(u64::from_le_bytes(last));
        self.len += (rest.len() - whole) as u64;
        Self::fold(self.hash ^ self.len, Self::MULTIPLIER ^ Self::SEED)
    }
}

/// Letters and digits only, lower case: equal texts that differ in spacing and
/// punctuation compare equal.
pub(crate) fn squash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    out.extend(squashed(text));
    out
}

/// The chars of [`squash`]`(text)`, one by one: an ASCII char (most are) as the table
/// keeps it, another, when a letter or digit, as its lowercase.
fn squashed(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().flat_map(|c| {
        let (ascii, other) = match u8::try_from(c) {
            Ok(b) if b.is_ascii() => (SQUASHED_ASCII[usize::from(b)], None),
            _ => (0, c.is_alphanumeric().then(|| c.to_lowercase())),
        };
        let ascii = (ascii != 0).then_some(char::from(ascii));
        ascii.into_iter().chain(other.into_iter().flatten())
    })
}

/// How many squashed bytes of a line's opening [`Seen`] keys it by.
const HEAD_BYTES: usize = 32;

/// Lines seen so far, to tell a repeat (same [`squash`]) from a new line. The first
/// [`FEW`] lines are kept in a list and a new line is compared with each, char by char
/// (lines that differ mostly differ in their first chars); past that, a line is keyed by
/// the hash of its squashed opening, and only lines whose openings match are hashed whole
/// ([`squash_hash`]) and compared by that.
#[derive(Default)]
pub(crate) struct Seen<'a> {
    few: [&'a str; FEW],
    /// How many of `few` are lines; none once `by_head` holds them.
    few_len: usize,
    by_head: HashMap<u64, Vec<(&'a str, Option<u64>)>>,
}

/// How many lines [`Seen`] compares one by one before it hashes them.
const FEW: usize = 8;

impl<'a> Seen<'a> {
    /// Adds `text`; false when a line that squashes alike was added before.
    pub fn insert(&mut self, text: &'a str) -> bool {
        if self.by_head.is_empty() {
            let few = &self.few[..self.few_len];
            if few.iter().any(|seen| squash_eq(seen, text)) {
                return false;
            }
            if self.few_len < FEW {
                self.few[self.few_len] = text;
                self.few_len += 1;
                return true;
            }
            // (the lines kept so far all differ: each is hashed in as new)
            for seen in self.few {
                self.insert_hashed(seen);
            }
            self.few_len = 0;
        }
        self.insert_hashed(text)
    }

    fn insert_hashed(&mut self, text: &'a str) -> bool {
        // lines with different openings cannot squash alike
        let lines = (self.by_head)
            .entry(squash_hash_up_to(text, HEAD_BYTES))
            .or_default();
        if lines.is_empty() {
            lines.push((text, None));
            return true;
        }
        let whole = squash_hash(text);
        for (seen, hash) in lines.iter_mut() {
            if *hash.get_or_insert_with(|| squash_hash(seen)) == whole {
                return false;
            }
        }
        lines.push((text, Some(whole)));
        true
    }
}

/// `squash(a) == squash(b)`, read no further than the first char that differs.
fn squash_eq(a: &str, b: &str) -> bool {
    squashed(a).eq(squashed(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squash_hash_is_the_hash_of_the_squashed_text() {
        let long = "Über 3 Äpfel, sagte ER. ".repeat(40);
        let squashed = squash(&long);
        assert_eq!(squash_hash(&long), squash_hash(&squashed));
        assert_eq!(squash_hash("Ä b, C!"), squash_hash("äbc"));
        assert_ne!(squash_hash("Ä b, C!"), squash_hash("äbd"));
    }

    #[test]
    fn the_head_hash_is_the_hash_of_the_squashed_opening() {
        let long = "Über 3 Äpfel, sagte ER. ".repeat(40);
        let squashed = squash(&long);
        for limit in [1, 8, 31, 32, 300, 10_000] {
            let head = &squashed.as_bytes()[..limit.min(squashed.len())];
            assert_eq!(
                squash_hash_up_to(&long, limit),
                WordHash::default().finish(head),
                "{limit}"
            );
        }
    }

    #[test]
    fn seen_finds_repeats_that_squash_alike() {
        let long = "Über 3 Äpfel, sagte ER. ".repeat(40);
        let other = format!("{long}!x");
        let same = long.to_uppercase().replace(' ', "  ");
        let mut seen = Seen::default();
        assert!(seen.insert(&long));
        assert!(seen.insert(&other), "same opening, different end");
        assert!(!seen.insert(&same));
        assert!(seen.insert("Kurz."));
        assert!(!seen.insert("kurz"));
        assert!(seen.insert("kurz 2"));
    }

    #[test]
    fn squash_keeps_lowercased_letters_and_digits() {
        let texts = [
            "",
            "Ä b, C!",
            "İstanbul ẞ 3½ Œuvre",
            "„Zitat“ – x\u{a0}y 東京",
            "ISTANBUL ß",
        ];
        for text in texts {
            let want: String = text
                .chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(squash(text), want, "{text}");
            for other in texts.iter().chain(&["istanbul ß", "i̇stanbul ß 3½ œuvre"]) {
                let same = squash(text) == squash(other);
                assert_eq!(squash_eq(text, other), same, "{text} {other}");
            }
        }
        assert!(squash_eq("Ä b, C!", "äbc"));
        assert!(!squash_eq("Ä b, C!", "äbcd"));
    }

    #[test]
    fn seen_finds_repeats_before_and_after_it_hashes() {
        let lines: Vec<String> = (0..3 * FEW).map(|i| format!("Zeile {i}.")).collect();
        let shouted: Vec<String> = lines.iter().map(|line| line.to_uppercase()).collect();
        let mut seen = Seen::default();
        for (i, line) in lines.iter().enumerate() {
            assert!(seen.insert(line), "{line}");
            assert!(!seen.insert(&shouted[i / 2]), "{line}");
        }
        for line in &lines {
            assert!(!seen.insert(line), "{line}");
        }
    }
}
