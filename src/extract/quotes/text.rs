//! A paragraph cut into tokens and sentences, with its quotes as single units: the
//! shape the attribution rules read. One linear pass over the text.

use std::borrow::Cow;
use std::ops::Range;

use super::lexicon::{VerbReading, Words, words};
use super::marks::{self, Span};

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
}

impl<'a> Para<'a> {
    /// Reads a paragraph; `runs_on` says the next paragraph opens with a quotation mark.
    pub fn new(text: &'a str, runs_on: bool) -> Para<'a> {
        let (quotes, _) = marks::find(text, runs_on);
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
        };
        // every word is looked up once here, not at each rule that asks about it
        let w = words();
        let (classes, verbs) = (0..para.tokens.len())
            .map(|t| {
                if para.tokens[t].kind != Kind::Word {
                    return (0, &[][..]);
                }
                w.entry(&para.lower(t))
            })
            .unzip();
        para.classes = classes;
        para.verbs = verbs;
        para
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

    /// The text of token `i`.
    pub fn str(&self, i: usize) -> &'a str {
        let t = self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The lowercase text of token `i`.
    pub fn lower(&self, i: usize) -> Cow<'_, str> {
        match &self.lowered {
            Some(lowered) => {
                let t = self.tokens[i];
                Cow::Borrowed(&lowered[t.start..t.end])
            }
            None => lower(self.str(i)),
        }
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.kind == Kind::Punct(c))
    }

    /// A word that starts with a capital letter.
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.is_word(i) && self.str(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The sentence that holds token `i`.
    pub fn sentence_of(&self, i: usize) -> Range<usize> {
        let at = self.sentences.partition_point(|s| s.end <= i);
        self.sentences.get(at).cloned().unwrap_or(i..i + 1)
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

/// `text` in lowercase when every character keeps its byte length, so token offsets
/// index both ("İ" and "ẞ" do not; such a text is lowered token by token).
fn aligned_lowercase(text: &str) -> Option<String> {
    if text.is_ascii() {
        return Some(text.to_ascii_lowercase());
    }
    let mut lowered = String::with_capacity(text.len());
    for c in text.chars() {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => lowered.push(l),
            _ => return None,
        }
    }
    Some(lowered)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '§'
}

fn tokenize(text: &str, quotes: &[Span]) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut next_quote = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if let Some(q) = quotes.get(next_quote).filter(|q| q.open == at) {
            tokens.push(Token {
                start: at,
                end: q.end,
                kind: Kind::Quote(next_quote),
            });
            next_quote += 1;
            while chars.peek().is_some_and(|&(o, _)| o < q.end) {
                chars.next();
            }
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            tokens.push(Token {
                start: at,
                end: at + c.len_utf8(),
                kind: Kind::Punct(c),
            });
            continue;
        }
        let mut end = at + c.len_utf8();
        while let Some(&(o, n)) = chars.peek() {
            if is_word_char(n) {
                end = o + n.len_utf8();
                chars.next();
                continue;
            }
            // A joiner stays in the word when a letter or digit follows it.
            let joins = matches!(n, '-' | '.' | '\'' | '’' | '&' | '/')
                && text[o + n.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(is_word_char)
                && quotes.get(next_quote).is_none_or(|q| q.open != o);
            if joins && (n != '.' || !text[o + 1..].starts_with(|c: char| c.is_uppercase())) {
                chars.next();
                continue;
            }
            break;
        }
        tokens.push(Token {
            start: at,
            end,
            kind: Kind::Word,
        });
    }
    tokens
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
            Kind::Quote(q) => quote_ends_sentence(text, &quotes[q]),
            _ => false,
        };
        let next_starts = tokens.get(i + 1).is_none_or(|n| match n.kind {
            Kind::Word => text[n.start..].starts_with(|c: char| c.is_uppercase() || c.is_numeric()),
            Kind::Quote(_) => true,
            Kind::Punct(c) => c == '(' || c == '[',
        });
        if ends && next_starts {
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
        let next_is_lower = tokens.get(i + 1).is_some_and(|n| {
            text[n.start..].starts_with(|c: char| c.is_lowercase())
                || super::lexicon::words().is_month(&lower(&text[n.start..n.end]))
        });
        return word.len() < 4 || next_is_lower;
    }
    ABBREVIATIONS.contains(&lower(word).as_ref())
}

fn quote_ends_sentence(text: &str, quote: &Span) -> bool {
    text[quote.inner_start..quote.inner_end]
        .trim_end()
        .ends_with(['.', '!', '?', '…'])
}
