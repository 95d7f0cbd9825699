//! Sentences inside a paragraph: where a sentence may end (not after "z. B.", "Dr." or the
//! "5." of "5. August", never inside quotation marks or brackets), the first sentence of a
//! text; cutting an overlong paragraph into readable ones (`cuts.rs`).

use std::collections::{HashMap, HashSet};

use rustc_hash::FxBuildHasher;
use std::sync::LazyLock;

use crate::load::rules::sections;

mod cuts;

pub use cuts::{SPLIT_ABOVE_CHARS, split_long_paragraph};

/// Longer words are no abbreviations, numbers or initials; a dot after one ends a sentence.
const MAX_WORD_BYTES: usize = 32;

/// The word lists of `assets/sentences.txt`.
pub(crate) struct Words {
    /// Words that take a dot without ending a sentence ("Dr", "bzw", "Nr"), hashed with
    /// FxHash: the word before every dot of every text is looked up, and SipHash cost more
    /// than the rest of that test.
    pub abbreviations: HashSet<&'static str, FxBuildHasher>,
    /// The bytes of the longest abbreviation: a longer word is none, and not looked up.
    pub longest_abbreviation: usize,
    /// Month names (German and English, lower case) and their numbers (FxHash too: the
    /// words of many short lines are looked up in these two).
    pub months: HashMap<&'static str, u32, FxBuildHasher>,
    /// Lower-case words allowed inside a place name ("de", "am").
    pub place_particles: HashSet<&'static str>,
    /// Words a date line may hold besides the date (weekdays, "Uhr", "am").
    pub date_words: HashSet<&'static str, FxBuildHasher>,
}

pub(crate) static WORDS: LazyLock<Words> = LazyLock::new(|| {
    let text = include_str!("../../../assets/sentences.txt");
    let mut words = Words {
        abbreviations: HashSet::default(),
        longest_abbreviation: 0,
        months: HashMap::default(),
        place_particles: HashSet::new(),
        date_words: HashSet::default(),
    };
    for (section, entries) in sections(text) {
        for entry in entries {
            match section {
                "abbreviations" => {
                    words.abbreviations.insert(entry);
                    words.longest_abbreviation = words.longest_abbreviation.max(entry.len());
                }
                "month" => {
                    let mut parts = entry.split_whitespace();
                    if let (Some(name), Some(Ok(n))) = (parts.next(), parts.next().map(str::parse))
                    {
                        words.months.insert(name, n);
                    }
                }
                "place_particle" => {
                    words.place_particles.insert(entry);
                }
                "date_word" => {
                    words.date_words.insert(entry);
                }
                _ => {}
            }
        }
    }
    words
});

/// Byte ranges `[start, end)` of the quotations in `text` („…“ “…” "…" »…« «…» and „…”),
/// closing mark included. An opening mark that is never closed protects nothing.
pub fn quote_spans(text: &str) -> Vec<(usize, usize)> {
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut spans = Vec::new();
    let closes = |open: &mut Vec<(char, usize)>, openers: &[char]| {
        let at = open.iter().rposition(|(o, _)| openers.contains(o))?;
        let start = open[at].1;
        open.truncate(at);
        Some(start)
    };
    // Every mark is `"` or starts with the byte 0xE2 („ “ ”) or 0xC2 (» «): only those
    // bytes are looked at. Lead bytes are char boundaries.
    for i in memchr::memchr3_iter(b'"', 0xE2, 0xC2, text.as_bytes()) {
        let Some(c) = text[i..].chars().next() else {
            continue;
        };
        let end = i + c.len_utf8();
        match c {
            '„' => open.push((c, i)),
            '“' => match closes(&mut open, &['„']) {
                Some(start) => spans.push((start, end)),
                None => open.push((c, i)),
            },
            '”' => {
                if let Some(start) = closes(&mut open, &['“', '„']) {
                    spans.push((start, end));
                }
            }
            '»' | '«' => {
                let partner = if c == '»' { '«' } else { '»' };
                match closes(&mut open, &[partner]) {
                    Some(start) => spans.push((start, end)),
                    None => open.push((c, i)),
                }
            }
            '"' => {
                let prev = text[..i].chars().next_back().unwrap_or(' ');
                let next = text[end..].chars().next().unwrap_or(' ');
                let is_closer = prev.is_alphanumeric() || ".,!?;:…)".contains(prev);
                let is_opener = prev.is_whitespace() || "([/-–—".contains(prev);
                if is_closer && !next.is_alphanumeric() || !is_opener {
                    if let Some(start) = closes(&mut open, &['"']) {
                        spans.push((start, end));
                    }
                } else if open.iter().any(|(o, _)| *o == '"') && next.is_whitespace() {
                    // `" text "`: spaced on both sides, a second mark closes.
                    if let Some(start) = closes(&mut open, &['"']) {
                        spans.push((start, end));
                    }
                } else {
                    open.push((c, i));
                }
            }
            _ => {}
        }
    }
    spans
}

/// Byte ranges of round and square brackets that close within 400 bytes.
fn bracket_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    // memchr finds at most three bytes at once: `(`, `)`, `[` and, merged in, `]`.
    let mut three = memchr::memchr3_iter(b'(', b')', b'[', bytes).peekable();
    let mut closers = memchr::memchr_iter(b']', bytes).peekable();
    let marks = std::iter::from_fn(move || match (three.peek(), closers.peek()) {
        (Some(a), Some(b)) if b < a => closers.next(),
        (Some(_), _) => three.next(),
        (None, _) => closers.next(),
    });
    bracket_spans_at(bytes, marks)
}

/// [`bracket_spans`] given the positions of every bracket, in order.
fn bracket_spans_at(bytes: &[u8], marks: impl Iterator<Item = usize>) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Vec<(u8, usize)> = Vec::new();
    for i in marks {
        let b = bytes[i];
        match b {
            b'(' | b'[' => open.push((b, i)),
            _ => {
                let partner = if b == b')' { b'(' } else { b'[' };
                if let Some(at) = open.iter().rposition(|(o, _)| *o == partner) {
                    let start = open[at].1;
                    open.truncate(at);
                    if i - start <= 400 {
                        spans.push((start, i + 1));
                    }
                }
            }
        }
    }
    spans
}

/// The quotations and brackets of a text as disjoint byte ranges, in order: spans that
/// overlap are merged (touching ones are not: the end of one is outside both).
fn protected_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut spans = quote_spans(text);
    spans.extend(bracket_spans(text));
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// The sentence starts of a text, found one by one as they are asked for (so the first
/// sentence of a long text costs only its own length, beyond one scan for quotations).
#[derive(Clone)]
pub struct SentenceStarts<'a> {
    text: &'a str,
    protected: Vec<(usize, usize)>,
    /// Where the search for the next sentence end goes on.
    at: usize,
    last: Option<usize>,
    /// The next `…` at or after `at` once looked up (the text's length: none is left).
    ellipsis: Option<usize>,
}

impl<'a> SentenceStarts<'a> {
    pub fn new(text: &'a str) -> Self {
        SentenceStarts {
            text,
            protected: protected_ranges(text),
            at: 0,
            last: None,
            ellipsis: None,
        }
    }

    /// Whether `pos` lies strictly inside a quotation or bracket.
    fn inside(&self, pos: usize) -> bool {
        let before = self.protected.partition_point(|&(s, _)| s < pos);
        before > 0 && pos < self.protected[before - 1].1
    }

    /// The start of the sentence after the end mark at byte `i` (of `len` bytes), if a
    /// cut is allowed there.
    fn start_after(&self, i: usize, len: usize) -> Option<usize> {
        let text = self.text;
        if len == 1 && text.as_bytes()[i] == b'.' && !dot_ends_sentence(text, i) {
            return None;
        }
        // The boundary comes after closing marks and brackets and at least one space.
        let mut j = i + len;
        while let Some(n) = text[j..].chars().next() {
            if is_closing(n) {
                j += n.len_utf8();
            } else {
                break;
            }
        }
        let after_space = text[j..].trim_start();
        if after_space.len() == text.len() - j || after_space.is_empty() {
            return None;
        }
        let start = text.len() - after_space.len();
        let first = after_space.chars().next().unwrap_or(' ');
        let starts_sentence = first.is_uppercase()
            || first.is_ascii_digit()
            || matches!(
                first,
                '„' | '“' | '"' | '»' | '«' | '(' | '[' | '‚' | '–' | '-'
            );
        (starts_sentence && !self.inside(start)).then_some(start)
    }
}

/// Whether `c` may stand between a sentence's end mark and the space after it: a
/// closing quotation mark or bracket, or another dot.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '"' | '«' | '»' | '’' | '\'' | ')' | ']' | '.'
    )
}

impl SentenceStarts<'_> {
    /// Passes over the end marks that can give no start at or after byte `pos`: the
    /// starts that follow are those from `pos` on (and perhaps a few before it).
    pub(crate) fn skip_to(&mut self, pos: usize) {
        // A mark's start follows closing marks and spaces only, so a mark before the
        // last other char before `pos` gives a start before that char.
        let mut end = pos.min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &self.text[..end];
        let kept = before.trim_end_matches(|c: char| is_closing(c) || c.is_whitespace());
        let last_other = kept.chars().next_back().map_or(0, char::len_utf8);
        self.at = self.at.max(kept.len() - last_other);
    }

    /// The next end mark at or after `self.at` (`.`, `!`, `?` or `…`): its byte offset
    /// and length.
    fn next_mark(&mut self) -> Option<(usize, usize)> {
        let bytes = self.text.as_bytes();
        let rest = bytes.get(self.at..)?;
        if self.ellipsis.is_none_or(|e| e < self.at) {
            // (found by its last byte, 0xA6: its first, 0xE2, opens every dash and
            // curly quotation mark, and a substring search is set up anew each time)
            let found = memchr::memchr_iter(0xA6, rest)
                .find(|&k| k >= 2 && rest[k - 2..k] == [0xE2, 0x80])
                .map(|k| k - 2);
            self.ellipsis = Some(found.map_or(bytes.len(), |e| self.at + e));
        }
        let ascii = memchr::memchr3(b'.', b'!', b'?', rest).map(|i| self.at + i);
        let ellipsis = self.ellipsis.filter(|&e| e < bytes.len());
        match (ascii, ellipsis) {
            (Some(a), Some(e)) if e < a => Some((e, 3)),
            (Some(a), _) => Some((a, 1)),
            (None, Some(e)) => Some((e, 3)),
            (None, None) => None,
        }
    }
}

impl Iterator for SentenceStarts<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while let Some((i, len)) = self.next_mark() {
            self.at = i + len;
            if let Some(start) = self.start_after(i, len)
                && self.last != Some(start)
            {
                self.last = Some(start);
                return Some(start);
            }
        }
        self.at = self.text.len();
        None
    }
}

/// Byte offsets where a new sentence starts (0 excluded), only where a cut is allowed:
/// never inside quotation marks or brackets.
pub fn sentence_starts(text: &str) -> Vec<usize> {
    SentenceStarts::new(text).collect()
}

/// Whether the dot at byte `i` ends a sentence: not after an abbreviation, a single letter
/// ("z. B.", initials), a day or ordinal number ("5. August"), or inside a word ("t-online.de").
pub(crate) fn dot_ends_sentence(text: &str, i: usize) -> bool {
    // The word before the dot, looked for no further back than a word can be long, so
    // that a text without spaces ("a.a.a.…") costs no scan to its start at every dot.
    let mut from = i.saturating_sub(MAX_WORD_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..i];
    let word_start = word_start(before);
    let word = &before[word_start..];
    if word.is_empty() {
        return !before.ends_with('.'); // "...": the last dot decides
    }
    if word_start == 0 && from > 0 {
        return !word.contains('.'); // longer than any abbreviation
    }
    if word.contains('.') {
        return false; // "z.B", "U.S", "u.a"
    }
    if is_one_letter(word) {
        return false;
    }
    if word.len() <= 3 && word.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let roman = word.len() <= 5
        && word
            .bytes()
            .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C'))
        && word.len() > 1;
    if roman {
        return false; // "Benedikt XVI."
    }
    let words = &*WORDS;
    word.len() > words.longest_abbreviation || !words.abbreviations.contains(word)
}

/// Where the word that `before` ends with starts: right after the last whitespace,
/// opening bracket, quotation mark or slash (0 when there is none). Read backwards a byte
/// at a time; only chars of several bytes are decoded.
fn word_start(before: &str) -> usize {
    let bytes = before.as_bytes();
    let mut end = bytes.len();
    while let Some(&b) = end.checked_sub(1).and_then(|last| bytes.get(last)) {
        if b.is_ascii() {
            // (the ASCII whitespace of `char::is_whitespace`: tab to carriage return, space)
            if matches!(b, b'\t'..=b'\r' | b' ' | b'(' | b'"' | b'/' | b'[') {
                return end;
            }
            end -= 1;
            continue;
        }
        let Some((start, c)) = before[..end].char_indices().next_back() else {
            return 0;
        };
        if c.is_whitespace() || matches!(c, '„' | '“' | '»' | '«') {
            return end;
        }
        end = start;
    }
    0
}

/// Whether `word` is a single letter ("z", "B", "Ä").
pub(crate) fn is_one_letter(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
}

/// The first sentence of `text` (all of it when it has one).
pub fn first_sentence(text: &str) -> &str {
    SentenceStarts::new(text).first_sentence()
}

impl<'a> SentenceStarts<'a> {
    /// The first sentence of the text (all of it when it has one), when its sentence
    /// starts are at hand: [`first_sentence`].
    pub fn first_sentence(mut self) -> &'a str {
        match self.next() {
            Some(start) => self.text[..start].trim_end(),
            None => self.text.trim(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_german_english_french_and_straight_quotes() {
        let text = "Er sagte: „Ja.“ Sie: “No.” Dann »Hm« und \"So ist es.\"";
        let quoted: Vec<&str> = quote_spans(text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(quoted, ["„Ja.“", "“No.”", "»Hm«", "\"So ist es.\""]);
    }

    #[test]
    fn word_start_is_found_as_rfind_finds_it() {
        let rfind = |before: &str| {
            before
                .rfind(|c: char| {
                    c.is_whitespace() || matches!(c, '(' | '„' | '“' | '"' | '»' | '«' | '/' | '[')
                })
                .map_or(0, |p| {
                    p + before[p..].chars().next().map_or(1, char::len_utf8)
                })
        };
        let texts = [
            "",
            "Dr",
            "am 5",
            "z",
            "(Nr",
            "„Ca",
            "“ä",
            "a\u{a0}Str",
            "a\u{2003}bzw",
            "x\u{b}y",
            "Grüße/Köln",
            "[Anm",
            "»Hl",
            "«u",
            "Ü",
            "ein\u{85}zb",
            "t-online",
            "ab\"cd",
        ];
        for text in texts {
            assert_eq!(word_start(text), rfind(text), "{text:?}");
        }
    }

    #[test]
    fn one_letter_words() {
        for (word, want) in [
            ("z", true),
            ("Ä", true),
            ("", false),
            ("zb", false),
            ("5", false),
        ] {
            assert_eq!(is_one_letter(word), want, "{word}");
        }
    }

    #[test]
    fn abbreviations_initials_and_day_numbers_do_not_end_sentences() {
        let text = "Am 5. August kam Dr. Meier, Oberst a. D., z. B. mit Nr. 7 an. Dann ging er.";
        assert_eq!(
            first_sentence(text),
            "Am 5. August kam Dr. Meier, Oberst a. D., z. B. mit Nr. 7 an."
        );
    }

    #[test]
    fn starts_after_a_skip_are_those_found_without_it() {
        let text = "Er kam. „Wir gehen. Jetzt.“  Das sagte sie!? (Nein. Doch.)\u{a0} Und … \
                    Dann ging er… Am 5. Mai kam Dr. Meier.) Köln.» Gut.'  Ende?! ... Schluss";
        let all = sentence_starts(text);
        for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
            let mut starts = SentenceStarts::new(text);
            starts.skip_to(pos);
            let after: Vec<usize> = starts.filter(|&s| s >= pos).collect();
            let want: Vec<usize> = all.iter().copied().filter(|&s| s >= pos).collect();
            assert_eq!(after, want, "{pos}");
        }
    }

    #[test]
    fn abbreviations_and_ordinals_give_one_sentence_end() {
        let text = "Am 3. Mai kam Dr. Weber z.B. nach Kiew. Dann ging er.";
        assert_eq!(sentence_starts(text).len(), 1);
    }

    #[test]
    fn a_sentence_ending_inside_a_quote_ends_after_the_mark() {
        let text = "„Wir gehen. Jetzt.“ Das sagte sie.";
        assert_eq!(first_sentence(text), "„Wir gehen. Jetzt.“");
    }
}
