//! A paragraph's tokens and sentences: words (with inner hyphens, dots and apostrophes),
//! punctuation and each quote as one token, cut in one linear pass; sentences end at a
//! full stop, question or exclamation mark that no abbreviation or number explains.

use std::ops::Range;

use super::lexicon::{Words, words};
use super::marks::Span;
use super::text::lower;
use crate::load::sentences::is_one_letter;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters or digits, with inner hyphens, dots and apostrophes ("US-Präsident", "t-online.de").
    Word,
    /// One punctuation character.
    Punct(char),
    /// A whole quote, marks included: the index into [`Para::quotes`].
    Quote(usize),
}

/// A token: byte offsets into the paragraph and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

/// How many ASCII letters and digits `bytes` opens with: the bulk of a word, which
/// needs no char decoded. Eight bytes are tested at once, as one `u64`, while so many
/// are left (most words fit in one or two).
fn ascii_alphanumeric_len(bytes: &[u8]) -> usize {
    let mut i = 0;
    while let Some(eight) = bytes.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(eight);
        let others = not_alphanumeric(u64::from_le_bytes(word));
        if others != 0 {
            return i + others.trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    let rest = bytes.get(i..).unwrap_or_default();
    i + (rest.iter())
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len())
}

/// The top bit of each byte of `word` that is no ASCII letter or digit. Each byte is
/// compared with the bounds by adding to its low seven bits what carries a byte in
/// range into its top bit (no sum leaves its byte, so bytes do not disturb each other).
fn not_alphanumeric(word: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = 0x80 * ONES;
    let low = word & !TOPS;
    // at least `from` and at most `to`, for bytes below 0x80
    let between =
        |x: u64, from: u64, to: u64| (x + (0x80 - from) * ONES) & !(x + (0x7F - to) * ONES) & TOPS;
    let digit = between(low, u64::from(b'0'), u64::from(b'9'));
    // (clearing 0x20 makes a lowercase letter uppercase, as `b & 0xDF`)
    let letter = between(low & (0x5F * ONES), u64::from(b'A'), u64::from(b'Z'));
    !(digit | letter) & TOPS | word & TOPS
}

fn is_word_char(c: char) -> bool {
    match c {
        // Latin-1 letters (umlauts, "ß") are told without the Unicode tables: all but two
        // of this block are letters
        'À'..='ÿ' => c != '×' && c != '÷',
        _ => c.is_alphanumeric() || c == '§',
    }
}

/// The character at byte `i`, decoded only when it is not ASCII.
fn char_at(text: &str, i: usize) -> Option<char> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text.get(i..)?.chars().next(),
    }
}

/// The bit of a token's classes that marks a noun-shaped word: one that starts with a
/// capital, or a compound whose last part does ("dpa-Korrespondent").
pub(super) const CAPITAL: u32 = 1 << 31;

/// The tokens of a paragraph, and per token [`CAPITAL`] for a noun-shaped word (0 for
/// others): the start of the token's classes, which the word lookups add to.
pub(super) fn tokenize(text: &str, quotes: &[Span]) -> (Vec<Token>, Vec<u32>) {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut nouns = Vec::with_capacity(text.len() / 5);
    let mut next_quote = 0;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        let quote_open = quotes.get(next_quote).map(|q| q.open);
        if quote_open == Some(at) {
            let q = &quotes[next_quote];
            tokens.push(Token {
                start: at,
                end: q.end,
                kind: Kind::Quote(next_quote),
            });
            nouns.push(0);
            next_quote += 1;
            at = q.end.max(at + char_at(text, at).map_or(1, char::len_utf8));
            continue;
        }
        // (most bytes are ASCII: told apart without decoding a char)
        let c = match b {
            b'\t'..=b'\r' | b' ' => {
                at += 1;
                continue;
            }
            _ if b.is_ascii_alphanumeric() => {
                let (end, last_part) = word_end(text, at, at + 1, quote_open);
                tokens.push(Token {
                    start: at,
                    end,
                    kind: Kind::Word,
                });
                let noun = b.is_ascii_uppercase() || last_part.is_some_and(|p| capital(text, p));
                nouns.push(if noun { CAPITAL } else { 0 });
                at = past_space(bytes, end, quote_open);
                continue;
            }
            _ if b.is_ascii() => char::from(b),
            _ => match char_at(text, at) {
                Some(c) => c,
                None => break,
            },
        };
        let len = c.len_utf8();
        if c.is_whitespace() {
            at += len;
            continue;
        }
        if !is_word_char(c) {
            tokens.push(Token {
                start: at,
                end: at + len,
                kind: Kind::Punct(c),
            });
            nouns.push(0);
            at += len;
            continue;
        }
        let (end, last_part) = word_end(text, at, at + len, quote_open);
        tokens.push(Token {
            start: at,
            end,
            kind: Kind::Word,
        });
        let noun = capital(text, at) || last_part.is_some_and(|p| capital(text, p));
        nouns.push(if noun { CAPITAL } else { 0 });
        at = end;
    }
    (tokens, nouns)
}

/// `at`, or past the one space there (most words end with one space: it is stepped
/// over here, not by another turn of the tokenizer's loop), unless a quote opens there.
#[inline(always)]
fn past_space(bytes: &[u8], at: usize, quote_open: Option<usize>) -> usize {
    if bytes.get(at) == Some(&b' ') && quote_open != Some(at) {
        at + 1
    } else {
        at
    }
}

/// Whether the character at byte `at` of `text` is a capital.
fn capital(text: &str, at: usize) -> bool {
    match text.as_bytes().get(at) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => char_at(text, at).is_some_and(char::is_uppercase),
    }
}

/// The end of the word that starts at `start` and runs at least to `end`: letters and
/// digits, a joiner with a letter or digit after it ("US-Präsident", "t-online.de";
/// not a quote's opening mark at `quote_open`, nor a full stop before a capital), and
/// a decimal comma between digits. Also where the part after the word's last hyphen
/// starts, if it has one.
#[inline(always)]
fn word_end(
    text: &str,
    start: usize,
    mut end: usize,
    quote_open: Option<usize>,
) -> (usize, Option<usize>) {
    let bytes = text.as_bytes();
    let mut last_part = None;
    loop {
        end += ascii_alphanumeric_len(bytes.get(end..).unwrap_or_default());
        let n = match bytes.get(end) {
            None => return (end, last_part),
            // (most words end with a space or a mark that joins nothing)
            Some(&b) if b.is_ascii() && !matches!(b, b'-' | b'.' | b'\'' | b'&' | b'/' | b',') => {
                return (end, last_part);
            }
            Some(&b) if b.is_ascii() => char::from(b),
            Some(_) => match char_at(text, end) {
                Some(n) => n,
                None => return (end, last_part),
            },
        };
        if is_word_char(n) {
            end += n.len_utf8();
            continue;
        }
        // A joiner stays in the word when a letter or digit follows it.
        let after = end + n.len_utf8();
        let joins = matches!(n, '-' | '.' | '\'' | '’' | '&' | '/')
            && char_at(text, after).is_some_and(is_word_char)
            && quote_open != Some(end);
        if joins && (n != '.' || !char_at(text, after).is_some_and(char::is_uppercase)) {
            if n == '-' {
                last_part = Some(after);
            }
            end = after;
            continue;
        }
        // "5,57 Prozent": a decimal comma between digits
        let decimal = n == ','
            && text[start..end].ends_with(|c: char| c.is_ascii_digit())
            && char_at(text, after).is_some_and(|c| c.is_ascii_digit());
        if decimal {
            end = after;
            continue;
        }
        return (end, last_part);
    }
}

/// Abbreviations after which a full stop does not end the sentence.
const ABBREVIATIONS: &[&str] = &[
    "dr", "prof", "nr", "st", "bzw", "ca", "vgl", "usw", "z", "b", "a", "d", "u", "o", "ä", "etc",
    "inkl", "jr", "sen", "mio", "mrd", "abs", "art", "str", "tel", "evtl", "ggf", "sog", "zb",
    "mr", "mrs", "ms", "hl", "gen", "min", "max", "bzgl", "ehem", "geb", "jh",
];

pub(super) fn split_sentences(text: &str, tokens: &[Token], quotes: &[Span]) -> Vec<Range<usize>> {
    // (room for a sentence per eight tokens: most paragraphs never grow it)
    let mut sentences = Vec::with_capacity(tokens.len() / 8 + 1);
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        let ends = match t.kind {
            Kind::Punct('.') => !after_abbreviation(text, tokens, i),
            Kind::Punct('!' | '?' | '…') => true,
            Kind::Quote(q) => ends_like_sentence(quotes[q].inner(text)),
            _ => false,
        };
        let next_starts = || {
            tokens.get(i + 1).is_none_or(|n| match n.kind {
                Kind::Word => {
                    text[n.start..].starts_with(|c: char| c.is_uppercase() || c.is_numeric())
                }
                Kind::Quote(_) => true,
                Kind::Punct(c) => c == '(' || c == '[',
            })
        };
        if ends && next_starts() {
            sentences.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        sentences.push(start..tokens.len());
    }
    sentences
}

fn after_abbreviation(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| tokens[p]) else {
        return false;
    };
    if prev.kind != Kind::Word || prev.end != tokens[i].start {
        return false;
    }
    let word = &text[prev.start..prev.end];
    if is_one_letter(word) {
        return true; // an initial: "J. D. Salinger"
    }
    if word.chars().all(|c| c.is_ascii_digit()) {
        // "am 5. August" is an ordinal; a year may end a sentence
        let next = tokens.get(i + 1).map(|n| lower(&text[n.start..n.end]));
        let next_is_lower = tokens.get(i + 1).is_some_and(|n| {
            text[n.start..].starts_with(|c: char| c.is_lowercase())
                || super::lexicon::words().is_month(next.as_deref().unwrap_or_default())
        });
        // "des Modells 3. Ein Sprecher …": an article or pronoun opens a new sentence
        let opener = Words::mask(&["determiner", "pronoun"]);
        let opens = next.is_some_and(|w| words().classes(&w) & opener != 0);
        return (word.len() < 4 && !opens) || next_is_lower;
    }
    // (none has more than four letters, and lowercasing drops no char)
    word.chars().count() <= 4 && ABBREVIATIONS.contains(&lower(word).as_ref())
}

/// Whether quoted words end like a sentence ("„… zu lästig.“").
pub fn ends_like_sentence(words: &str) -> bool {
    words.trim_end().ends_with(['.', '!', '?', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_have_at_most_four_letters() {
        for abbreviation in ABBREVIATIONS {
            assert!(abbreviation.chars().count() <= 4, "{abbreviation}");
        }
    }

    #[test]
    fn latin_letters_are_word_chars_as_unicode_says() {
        for c in ('\0'..='\u{3ff}').chain(['€', '–', '’', '„']) {
            assert_eq!(is_word_char(c), c.is_alphanumeric() || c == '§', "{c:?}");
        }
    }

    #[test]
    fn ascii_alphanumeric_run_is_found_across_blocks() {
        let long = "Bundesverfassungsgerichtsurteil0123456789abcXYZ";
        let edges = "/0 9: @A Z[ `a z{ \x7f ä ";
        let mut texts = vec![String::new(), long.to_string(), edges.to_string()];
        for cut in 0..long.len() {
            for tail in [" x", "-y", "ü", "`", "@", "[", "{", "/", ":"] {
                texts.push(format!("{}{tail}{long}", &long[..cut]));
            }
        }
        for text in &texts {
            let want = (text.bytes())
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(text.len());
            assert_eq!(ascii_alphanumeric_len(text.as_bytes()), want, "{text}");
        }
        // every byte value at every place of an eight-byte word and past it
        for byte in 0..=u8::MAX {
            for at in 0..12 {
                let mut bytes = *b"Abz09XYaQ1mn";
                bytes[at] = byte;
                let want = (bytes.iter())
                    .position(|b| !b.is_ascii_alphanumeric())
                    .unwrap_or(bytes.len());
                assert_eq!(ascii_alphanumeric_len(&bytes), want, "{byte} at {at}");
            }
        }
    }
}
