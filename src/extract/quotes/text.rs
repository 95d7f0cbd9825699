//! A paragraph cut into tokens and sentences, with its quotes as single units: the
//! shape the attribution rules read. One linear pass over the text.

use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Range;

use super::lexicon::{VerbReading, Words, words};
use super::marks::{self, Span};
use crate::bytes::{BLOCK, block_at};
use crate::extract::speakers::role_and_body;

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

/// A paragraph read for quotes.
#[derive(Debug)]
pub struct Para<'a> {
    pub text: &'a str,
    /// Tokens outside quotes, each quote as one [`Kind::Quote`] token.
    pub tokens: Vec<Token>,
    pub quotes: Vec<Span>,
    /// Token ranges of the sentences, in order.
    pub sentences: Vec<Range<usize>>,
    /// The text in lowercase at the same byte offsets, when lowercasing keeps them.
    lowered: Option<String>,
    /// Per token: the sections of `quote_words.txt` its lowercase form is in.
    classes: Vec<u32>,
    /// Per token: its readings as a speech verb.
    verbs: Vec<&'static [VerbReading]>,
    /// Per token, filled on first use: whether it is a role word and a body word.
    roles: Vec<Cell<u8>>,
}

impl<'a> Para<'a> {
    /// Reads a paragraph; `runs_on` says the next paragraph opens with a quotation mark.
    pub fn new(text: &'a str, runs_on: bool) -> Para<'a> {
        Para::with_quotes(text, marks::find(text, runs_on).0)
    }

    /// Reads a paragraph whose quotes [`marks::find`] has found already.
    pub fn with_quotes(text: &'a str, quotes: Vec<Span>) -> Para<'a> {
        let tokens = tokenize(text, &quotes);
        let sentences = split_sentences(text, &tokens, &quotes);
        let mut para = Para {
            text,
            tokens,
            quotes,
            sentences,
            lowered: aligned_lowercase(text),
            classes: Vec::new(),
            verbs: Vec::new(),
            roles: Vec::new(),
        };
        // every word is looked up once here, not at each rule that asks about it
        let w = words();
        let n = para.tokens.len();
        let (mut classes, mut verbs) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for t in 0..n {
            let token = para.tokens[t];
            if token.kind != Kind::Word {
                classes.push(0);
                verbs.push(&[][..]);
                continue;
            }
            let (class, readings) = w.entry(&para.lower(t));
            let capital = is_noun_shaped(text, token.start, token.end);
            classes.push(class | if capital { CAPITAL } else { 0 });
            verbs.push(readings);
        }
        para.classes = classes;
        para.verbs = verbs;
        para.roles = vec![Cell::new(0); n];
        para
    }

    /// Whether word `t` names a role ("Sprecherin", "Demonstranten"), as
    /// [`is_role_word`](crate::extract::speakers::is_role_word) says, asked once per token.
    pub fn is_role(&self, t: usize) -> bool {
        self.role_bits(t) & ROLE != 0
    }

    /// Whether word `t` names a body ("Ministerium"), as
    /// [`is_body_word`](crate::extract::speakers::is_body_word) says.
    pub fn is_body(&self, t: usize) -> bool {
        self.role_bits(t) & BODY != 0
    }

    fn role_bits(&self, t: usize) -> u8 {
        let Some(cell) = self.roles.get(t).filter(|_| self.is_word(t)) else {
            return 0;
        };
        if cell.get() & KNOWN == 0 {
            let (role, body) = role_and_body(&self.lower(t));
            let (role, body) = (if role { ROLE } else { 0 }, if body { BODY } else { 0 });
            cell.set(KNOWN | role | body);
        }
        cell.get()
    }

    /// Whether word `t` is in a section of `quote_words.txt` ("determiner", "adverb").
    pub fn is(&self, t: usize, section: &str) -> bool {
        self.classes
            .get(t)
            .is_some_and(|&c| c & Words::bit(section) != 0)
    }

    /// The sections of `quote_words.txt` word `t` is in, as bits of [`Words::mask`].
    pub fn classes(&self, t: usize) -> u32 {
        self.classes.get(t).copied().unwrap_or(0)
    }

    /// The readings of word `t` as a speech verb (none for other words).
    pub fn verb(&self, t: usize) -> &'static [VerbReading] {
        self.verbs.get(t).copied().unwrap_or(&[])
    }

    /// The text of token `i` (empty past the last token, as the other lookups are).
    pub fn str(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.text[t.start..t.end])
    }

    /// The lowercase text of token `i`.
    #[inline]
    pub fn lower(&self, i: usize) -> Cow<'_, str> {
        match &self.lowered {
            Some(lowered) => {
                let Some(t) = self.tokens.get(i) else {
                    return Cow::Borrowed("");
                };
                Cow::Borrowed(&lowered[t.start..t.end])
            }
            None => self.lower_unaligned(i),
        }
    }

    /// [`Para::lower`] for a text whose lowercase is not aligned: out of line, so that
    /// the common case inlines into the rules that ask for it.
    #[cold]
    #[inline(never)]
    fn lower_unaligned(&self, i: usize) -> Cow<'_, str> {
        lower(self.str(i))
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// A word that starts with a capital letter.
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.classes.get(i).is_some_and(|&c| c & CAPITAL != 0)
    }

    /// The sentence that holds token `i`.
    pub fn sentence_of(&self, i: usize) -> Range<usize> {
        let at = self.sentences.partition_point(|s| s.end <= i);
        self.sentences.get(at).cloned().unwrap_or(i..i + 1)
    }

    /// The quoted words of the quote at token `t` (`None` when `t` is no quote; `t` may
    /// be the end of the paragraph).
    pub fn quote_inner(&self, t: usize) -> Option<&'a str> {
        match self.tokens.get(t)?.kind {
            Kind::Quote(q) => Some(self.quotes[q].inner(self.text)),
            _ => None,
        }
    }

    /// The token of quote `q`.
    pub fn quote_token(&self, q: usize) -> Option<usize> {
        self.tokens.iter().position(|t| t.kind == Kind::Quote(q))
    }
}

/// Lowercase without allocating when the word is lowercase already.
pub fn lower(word: &str) -> Cow<'_, str> {
    if word.chars().any(char::is_uppercase) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// The bits of [`Para::roles`].
const KNOWN: u8 = 1;
const ROLE: u8 = 2;
const BODY: u8 = 4;

/// The bit of [`Para::classes`] that marks a capitalised word.
const CAPITAL: u32 = 1 << 31;

/// `text` in lowercase when every character keeps its byte length, so token offsets
/// index both ("İ" and "ẞ" do not; such a text is lowered token by token).
fn aligned_lowercase(text: &str) -> Option<String> {
    let mut lowered = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // runs of ASCII are copied whole and lowered at the end, other characters one by one
        let ascii = ascii_prefix_len(rest.as_bytes());
        lowered.push_str(&rest[..ascii]);
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        if c.is_lowercase() || !c.is_uppercase() {
            lowered.push(c);
        } else {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => lowered.push(l),
                _ => return None,
            }
        }
        rest = &rest[c.len_utf8()..];
    }
    // (this changes only ASCII letters: every other char is lowercase already)
    lowered.make_ascii_lowercase();
    Some(lowered)
}

/// How many bytes `bytes` opens with are ASCII: sixteen at a time while their high bits
/// are all clear (paragraphs are mostly long ASCII runs between umlauts and marks).
fn ascii_prefix_len(bytes: &[u8]) -> usize {
    const HIGH_BITS: u128 = u128::from_ne_bytes([0x80; 16]);
    let mut i = 0;
    while let Some(&block) = block_at(bytes, i) {
        if u128::from_ne_bytes(block) & HIGH_BITS != 0 {
            break;
        }
        i += BLOCK;
    }
    let rest = bytes.get(i..).unwrap_or_default();
    i + rest
        .iter()
        .position(|b| !b.is_ascii())
        .unwrap_or(rest.len())
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
    c.is_alphanumeric() || c == '§'
}

/// The character at byte `i`, decoded only when it is not ASCII.
fn char_at(text: &str, i: usize) -> Option<char> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text.get(i..)?.chars().next(),
    }
}

fn tokenize(text: &str, quotes: &[Span]) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
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
                let end = word_end(text, at, at + 1, quote_open);
                tokens.push(Token {
                    start: at,
                    end,
                    kind: Kind::Word,
                });
                at = end;
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
            at += len;
            continue;
        }
        let end = word_end(text, at, at + len, quote_open);
        tokens.push(Token {
            start: at,
            end,
            kind: Kind::Word,
        });
        at = end;
    }
    tokens
}

/// The end of the word that starts at `start` and runs at least to `end`: letters and
/// digits, a joiner with a letter or digit after it ("US-Präsident", "t-online.de";
/// not a quote's opening mark at `quote_open`, nor a full stop before a capital), and
/// a decimal comma between digits.
#[inline(always)]
fn word_end(text: &str, start: usize, mut end: usize, quote_open: Option<usize>) -> usize {
    let bytes = text.as_bytes();
    loop {
        end += ascii_alphanumeric_len(bytes.get(end..).unwrap_or_default());
        let n = match bytes.get(end) {
            None => return end,
            // (most words end with a space or a mark that joins nothing)
            Some(&b) if b.is_ascii() && !matches!(b, b'-' | b'.' | b'\'' | b'&' | b'/' | b',') => {
                return end;
            }
            Some(&b) if b.is_ascii() => char::from(b),
            Some(_) => match char_at(text, end) {
                Some(n) => n,
                None => return end,
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
        return end;
    }
}

/// Abbreviations after which a full stop does not end the sentence.
const ABBREVIATIONS: &[&str] = &[
    "dr", "prof", "nr", "st", "bzw", "ca", "vgl", "usw", "z", "b", "a", "d", "u", "o", "ä", "etc",
    "inkl", "jr", "sen", "mio", "mrd", "abs", "art", "str", "tel", "evtl", "ggf", "sog", "zb",
    "mr", "mrs", "ms", "hl", "gen", "min", "max", "bzgl", "ehem", "geb", "jh",
];

fn split_sentences(text: &str, tokens: &[Token], quotes: &[Span]) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
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
    if word.chars().count() == 1 && word.chars().all(char::is_alphabetic) {
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

/// Whether the word at `start..end` of `text` starts with a capital, or is a compound
/// whose last part does ("dpa-Korrespondent", "documenta-Homepage").
fn is_noun_shaped(text: &str, start: usize, end: usize) -> bool {
    // (asked of every word: ASCII bytes are read as they are)
    let capital = |at: usize| match text.as_bytes().get(at) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text
            .get(at..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(char::is_uppercase),
    };
    capital(start)
        || text.as_bytes()[start..end]
            .iter()
            .rposition(|&b| b == b'-')
            .is_some_and(|i| capital(start + i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_prefix_is_found_across_blocks() {
        let long = "Ein langer Satz ohne Umlaute, dann ";
        for text in ["", "abc", "Grüße", &format!("{long}Grüße"), &long.repeat(3)] {
            let want = text
                .bytes()
                .position(|b| !b.is_ascii())
                .unwrap_or(text.len());
            assert_eq!(ascii_prefix_len(text.as_bytes()), want, "{text}");
        }
    }

    #[test]
    fn words_hold_their_joiners_and_decimal_commas() {
        let text =
            "Der US-Präsident\x0bsagte: „Ja.“ 5,57 Prozent, t-online.de, Ende. Neu§ 3, 4 don't";
        let quotes = marks::find(text, false).0;
        let para = Para::with_quotes(text, quotes);
        let tokens: Vec<&str> = (0..para.tokens.len()).map(|t| para.str(t)).collect();
        let want = [
            "Der",
            "US-Präsident",
            "sagte",
            ":",
            "„Ja.“",
            "5,57",
            "Prozent",
            ",",
            "t-online.de",
            ",",
            "Ende",
            ".",
            "Neu§",
            "3",
            ",",
            "4",
            "don't",
        ];
        assert_eq!(tokens, want);
    }

    #[test]
    fn abbreviations_have_at_most_four_letters() {
        for abbreviation in ABBREVIATIONS {
            assert!(abbreviation.chars().count() <= 4, "{abbreviation}");
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
