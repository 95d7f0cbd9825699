//! A paragraph cut into tokens and sentences, with its quotes as single units: the
//! shape the attribution rules read. One linear pass over the text.

use std::borrow::Cow;
use std::cell::Cell;
use std::ops::Range;

use super::lexicon::{VerbReading, Words, words};
use super::marks::{self, Span};
use crate::bytes::{BLOCK, block_at};
use crate::extract::speakers::role_and_body;

use super::tokens::{CAPITAL, split_sentences, tokenize};
pub use super::tokens::{Kind, Token, ends_like_sentence};

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
    /// Per token, filled on first use: whether it is a role word and a body word, and
    /// whether it can be part of a name.
    roles: Vec<Cell<u8>>,
}

impl<'a> Para<'a> {
    /// Reads a paragraph; `runs_on` says the next paragraph opens with a quotation mark.
    pub fn new(text: &'a str, runs_on: bool) -> Para<'a> {
        Para::with_quotes(text, marks::find(text, runs_on).0)
    }

    /// Reads a paragraph whose quotes [`marks::find`] has found already.
    pub fn with_quotes(text: &'a str, quotes: Vec<Span>) -> Para<'a> {
        // (the tokenizer starts each token's classes with its CAPITAL bit)
        let (tokens, mut classes) = tokenize(text, &quotes);
        let sentences = split_sentences(text, &tokens, &quotes);
        let lowered = aligned_lowercase(text);
        // every word is looked up once here, not at each rule that asks about it
        let w = words();
        let n = tokens.len();
        let mut verbs = Vec::with_capacity(n);
        for (token, classes) in tokens.iter().zip(&mut classes) {
            if token.kind != Kind::Word {
                verbs.push(&[][..]);
                continue;
            }
            let (class, readings) = match &lowered {
                Some(lowered) => w.entry_bytes(&lowered.as_bytes()[token.start..token.end]),
                None => w.entry(&lower(&text[token.start..token.end])),
            };
            *classes |= class;
            verbs.push(readings);
        }
        Para {
            text,
            tokens,
            quotes,
            sentences,
            lowered,
            classes,
            verbs,
            roles: vec![Cell::new(0); n],
        }
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

    /// `read(self, t)`, whether token `t` can be part of a name, asked once per token:
    /// phrases are read from many starts, over the same words.
    pub(super) fn is_name_word_once(&self, t: usize, read: fn(&Para, usize) -> bool) -> bool {
        let Some(cell) = self.roles.get(t) else {
            return read(self, t);
        };
        if cell.get() & NAME_KNOWN == 0 {
            let name = if read(self, t) { NAME } else { 0 };
            cell.set(cell.get() | NAME_KNOWN | name);
        }
        cell.get() & NAME != 0
    }

    fn role_bits(&self, t: usize) -> u8 {
        let Some(cell) = self.roles.get(t).filter(|_| self.is_word(t)) else {
            return 0;
        };
        if cell.get() & KNOWN == 0 {
            let (role, body) = role_and_body(&self.lower(t));
            let (role, body) = (if role { ROLE } else { 0 }, if body { BODY } else { 0 });
            cell.set(cell.get() | KNOWN | role | body);
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

/// Whether `text` has at most `n` words, read no further than the word after the `n`th.
pub fn at_most_words(text: &str, n: usize) -> bool {
    text.split_whitespace().nth(n).is_none()
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
const NAME_KNOWN: u8 = 8;
const NAME: u8 = 16;

/// `text` in lowercase when every character keeps its byte length, so token offsets
/// index both ("İ" and "ẞ" do not; such a text is lowered token by token).
fn aligned_lowercase(text: &str) -> Option<String> {
    // the ASCII letters all at once, then the few other chars that have a lowercase
    let mut lowered = text.to_ascii_lowercase();
    let mut at = 0;
    loop {
        at += ascii_prefix_len(text.as_bytes().get(at..).unwrap_or_default());
        let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        if has_other_lowercase(c) {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => {
                    lowered.replace_range(at..at + c.len_utf8(), l.encode_utf8(&mut [0; 4]));
                }
                _ => return None,
            }
        }
        at += c.len_utf8();
    }
    Some(lowered)
}

/// Whether a non-ASCII char is an uppercase one (that is not lowercase as well): told
/// without the Unicode tables for Latin-1 and general punctuation, the usual ones.
fn has_other_lowercase(c: char) -> bool {
    match c {
        '\u{80}'..='\u{BF}' | 'ß'..='ÿ' | '\u{2000}'..='\u{206F}' => false,
        'À'..='Þ' => c != '×',
        _ => c.is_uppercase() && !c.is_lowercase(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_most_words_counts_as_split_whitespace_does() {
        for text in [
            "",
            "  ",
            "eins",
            " eins  zwei\u{a0}drei ",
            "a b c d",
            "a\tb\nc d e",
        ] {
            let count = text.split_whitespace().count();
            for n in 0..6 {
                assert_eq!(at_most_words(text, n), count <= n, "{text:?} {n}");
            }
        }
    }

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
    fn other_lowercase_is_told_as_unicode_says() {
        for c in ('\u{80}'..='\u{2FFFF}').chain(['\u{E0041}', '\u{10FFFF}']) {
            let want = c.is_uppercase() && !c.is_lowercase();
            assert_eq!(has_other_lowercase(c), want, "{c:?}");
        }
    }

    #[test]
    fn aligned_lowercase_lowers_uppercase_chars_or_gives_none() {
        // (a titlecase char as "ǅ" is neither, and stays as it is)
        let lower_one = |c: char| match c.is_uppercase() && !c.is_lowercase() {
            true => c.to_lowercase().collect::<String>(),
            false => c.to_string(),
        };
        for c in '\0'..='\u{2FFFF}' {
            let text = format!("Ab {c}ÄQ");
            let lowered: String = text.chars().map(lower_one).collect();
            let want = Some(lowered)
                .filter(|l| l.len() == text.len() && lower_one(c).chars().count() == 1);
            assert_eq!(aligned_lowercase(&text), want, "{c:?}");
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
}
