//! Lines that copying a web page glued together ("HomePolitikUkraine") and navigation
//! trails ("Startseite > Politik > Ausland"): the rules of [`super::boilerplate`] that
//! need no word list.

use crate::bytes::{BLOCK, block_at, block_bits};
use crate::load::structure::words_up_to;

/// Splits words that copying glued together: a space between a lower-case and an
/// upper-case letter ("HomePolitikUkraine" → "Home Politik Ukraine"). Asked only of a
/// line that [`is_glued`].
pub(super) fn deglue(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut prev = ' ';
    for c in line.chars() {
        if prev.is_lowercase() && c.is_uppercase() {
            out.push(' ');
        }
        out.push(c);
        prev = c;
    }
    out
}

/// Whether a lower-case letter stands right before an upper-case one somewhere in the
/// line. An ASCII line (most are) is read sixteen bytes at a time.
pub(super) fn is_glued(line: &str) -> bool {
    let bytes = line.as_bytes();
    let (mut i, mut after_lower) = (0, 0);
    while let Some(block) = block_at(bytes, i) {
        if block_bits(block, |b| b >= 0x80) != 0 {
            return is_glued_by_chars(line);
        }
        let lower = block_bits(block, |b| b.wrapping_sub(b'a') < 26);
        let upper = block_bits(block, |b| b.wrapping_sub(b'A') < 26);
        if (lower << 1 | after_lower) & upper != 0 {
            return true;
        }
        after_lower = lower >> (BLOCK - 1);
        i += BLOCK;
    }
    let mut prev_lower = after_lower == 1;
    for &b in &bytes[i..] {
        if !b.is_ascii() {
            return is_glued_by_chars(line);
        }
        if prev_lower && b.is_ascii_uppercase() {
            return true;
        }
        prev_lower = b.is_ascii_lowercase();
    }
    false
}

/// [`is_glued`] for any text, a char at a time.
fn is_glued_by_chars(line: &str) -> bool {
    let mut prev = ' ';
    line.chars().any(|c| {
        let hit = prev.is_lowercase() && c.is_uppercase();
        prev = c;
        hit
    })
}

/// A navigation trail of `n` words (counted up to 7 or more): one word of three or
/// more glued capitalised words ("HomePolitikUkraine"), or short items joined by `>`,
/// `›`, `»` or `|`. (`glued`: [`is_glued`], which a glued word needs.)
pub(super) fn is_breadcrumb(line: &str, n: usize, glued: bool) -> bool {
    (n <= 6 && glued && has_glued_word(line)) || is_trail(line)
}

fn has_glued_word(line: &str) -> bool {
    line.split_whitespace().any(|word| {
        let mut humps = 0;
        let mut prev = ' ';
        for c in word.chars() {
            if prev.is_lowercase() && c.is_uppercase() {
                humps += 1;
            }
            prev = c;
        }
        humps >= 2 && word.chars().next().is_some_and(char::is_uppercase)
    })
}

/// Whether the line is a trail of three or more short items (see [`trail_items`]).
fn is_trail(line: &str) -> bool {
    // (the last bytes of the separators: `›` ends with 0xBA, `»` with 0xBB; sixteen
    // bytes are tested at once)
    let may_hold = |b: u8| (b == b'>') | (b == b'|') | (b.wrapping_sub(0xBA) <= 1);
    let blocks = line.as_bytes().chunks_exact(BLOCK);
    let tail = blocks.remainder();
    let held = blocks
        .filter_map(|block| block.try_into().ok())
        .any(|block| block_bits(block, may_hold) != 0)
        || tail.iter().any(|&b| may_hold(b));
    if !held || !line.contains(TRAIL_SEPARATORS) {
        return false; // one item (most lines): not split at all
    }
    let trail = trail_items(line);
    trail.len() >= 3
        && trail
            .iter()
            .all(|item| !item.is_empty() && words_up_to(item, 5) <= 4 && !item.ends_with('.'))
}

const TRAIL_SEPARATORS: [char; 4] = ['>', '›', '»', '|'];

/// The items of a trail "Home > Politik > Ausland >": split at `>`, `›`, `»` and `|`
/// standing free (spaces around, or the line's end), so quotes like »Ja« do not split.
fn trail_items(line: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut items = Vec::new();
    let mut from = 0;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let free_before = k == 0 || chars[k - 1].1 == ' ';
        let free_after = chars.get(k + 1).is_none_or(|&(_, n)| n == ' ');
        if TRAIL_SEPARATORS.contains(&c) && free_before && free_after {
            items.push(line[from..i].trim());
            from = i + c.len_utf8();
        }
    }
    items.push(line[from..].trim());
    // A trail may open with a label ("Sie sind hier:") and end with a separator.
    if items.last().is_some_and(|last| last.is_empty()) {
        items.pop();
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_as_read_by_chars() {
        for line in [
            "HomePolitikUkraine",
            "Home Politik",
            "",
            "a",
            "aB",
            "Ab",
            "eine lange Zeile ohne Klebestelle, aber mit vielen Wörtern",
            "eine lange Zeile ohne Klebestelle, die am EndeKlebt",
            "sechzehn Bytes!aBund mehr",
            "fünfzehn BytesxYz",
            "ÄrgerÜber",
            "äÜ",
            "0123456789abcdeF",
            "0123456789abcdefG",
        ] {
            assert_eq!(is_glued(line), is_glued_by_chars(line), "{line}");
        }
    }
}
