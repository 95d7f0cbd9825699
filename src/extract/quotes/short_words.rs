//! A table of words of up to sixteen bytes, each held as a fixed-width key of two
//! `u64`s and its length: a lookup builds the key from a few loads, hashes it with one
//! multiply and compares two words, with no byte-string hashing or `memcmp` (the quote
//! reader looks up every word of every paragraph it reads).

/// The longest word the table holds.
pub const MAX_LEN: usize = 16;

/// A fixed-width key: two `u64`s that, with the word's length, tell it apart from every
/// other word of that length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Key {
    low: u64,
    high: u64,
    len: u64,
}

/// An open-addressed table from words of up to [`MAX_LEN`] bytes to `V`s, with at most
/// half its slots full.
#[derive(Debug)]
pub struct ShortWords<V> {
    slots: Vec<Option<(Key, V)>>,
    mask: usize,
}

impl<V> Default for ShortWords<V> {
    fn default() -> Self {
        ShortWords {
            slots: Vec::new(),
            mask: 0,
        }
    }
}

impl<V: Copy> ShortWords<V> {
    /// The table of `entries`; longer words are left out.
    pub fn new<'w>(entries: impl Iterator<Item = (&'w [u8], V)> + Clone) -> ShortWords<V> {
        let count = entries.clone().count();
        let size = (count * 2).next_power_of_two().max(16);
        let mut table = ShortWords {
            slots: vec![None; size],
            mask: size - 1,
        };
        for (word, value) in entries {
            let Some(key) = key(word) else {
                continue;
            };
            // (a word given twice keeps its first value)
            let mut at = table.slot(key);
            loop {
                match table.slots[at] {
                    None => break table.slots[at] = Some((key, value)),
                    Some((k, _)) if k == key => break,
                    Some(_) => at = (at + 1) & table.mask,
                }
            }
        }
        table
    }

    /// The value of `word`: `None` when it is not in the table, or too long for it.
    #[inline]
    pub fn get(&self, word: &[u8]) -> Option<V> {
        let key = key(word)?;
        let mut at = self.slot(key);
        loop {
            match self.slots.get(at)? {
                Some((k, value)) if *k == key => return Some(*value),
                Some(_) => at = (at + 1) & self.mask,
                None => return None,
            }
        }
    }

    fn slot(&self, key: Key) -> usize {
        let mixed =
            (key.low ^ key.high.rotate_left(29) ^ key.len).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        (mixed >> 40) as usize & self.mask
    }
}

/// The key of a word of at most [`MAX_LEN`] bytes: its first and last eight bytes (they
/// overlap when it is shorter than sixteen), or for a shorter word its first and last
/// four, or its first, middle and last byte; with the length, each covers every byte.
#[inline]
fn key(word: &[u8]) -> Option<Key> {
    let len = word.len();
    let eight = |at: usize| {
        word.get(at..at + 8)
            .map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default()))
    };
    let four = |at: usize| {
        word.get(at..at + 4)
            .map(|b| u64::from(u32::from_le_bytes(b.try_into().unwrap_or_default())))
    };
    let (low, high) = match len {
        8..=MAX_LEN => (eight(0)?, eight(len - 8)?),
        4..8 => (four(0)?, four(len - 4)?),
        1..4 => {
            let byte = |at: usize| u64::from(word[at]);
            (byte(0) | byte(len / 2) << 8 | byte(len - 1) << 16, 0)
        }
        0 => (0, 0),
        _ => return None,
    };
    Some(Key {
        low,
        high,
        len: len as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_word_it_holds_and_no_other() {
        let held: Vec<String> = (0..=MAX_LEN)
            .flat_map(|len| ["a".repeat(len), "b".repeat(len), "ä".repeat(len / 2)])
            .chain(
                [
                    "sagte",
                    "erklärte",
                    "betonte",
                    "der",
                    "die",
                    "das",
                    "zu",
                    "x",
                ]
                .map(String::from),
            )
            .collect();
        let table = ShortWords::new(held.iter().enumerate().map(|(i, w)| (w.as_bytes(), i)));
        for (i, word) in held.iter().enumerate() {
            let first = held.iter().position(|w| w == word);
            assert_eq!(table.get(word.as_bytes()), first.or(Some(i)), "{word}");
        }
        for word in [
            "ab",
            "ba",
            "sagt",
            "sagten",
            "dir",
            "aaaaaaaaab",
            "baaaaaaaaaaaaaaa",
            "abababababababababab",
            "",
        ] {
            let want = held.iter().position(|w| w == word);
            assert_eq!(table.get(word.as_bytes()), want, "{word}");
        }
    }

    #[test]
    fn keys_of_same_length_words_differ_where_the_words_do() {
        // every pair of words of one length that differ in one byte
        for len in 1..=MAX_LEN {
            let base = vec![b'a'; len];
            for at in 0..len {
                let mut other = base.clone();
                other[at] = b'b';
                assert_ne!(key(&base), key(&other), "{len} {at}");
            }
        }
    }
}
