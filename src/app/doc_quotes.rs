//! Where a paragraph's quotes and their speakers go: quotes from their char offsets, the
//! speaker's name highlighted where the text names them right beside the quote, else a
//! `[speaker]` tag inserted after the quote, and how offsets into the paragraph move by
//! the inserted tags.

use std::ops::Range;

use super::doc::{Highlight, Span};
use crate::model::Article;

/// A paragraph as shown: its text with the speaker tags inserted, the spans of its quotes
/// and speakers, and where each quote starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Shown {
    pub text: String,
    pub spans: Vec<Span>,
    /// (quote index in the article, byte where it starts in `text`).
    pub quote_starts: Vec<(usize, usize)>,
    /// (byte in the original text, length) of every inserted tag, in order.
    inserted: Vec<(usize, usize)>,
}

impl Shown {
    /// Lays out paragraph `p` of section `s` of the article, whose text is `text`.
    pub fn new(a: &Article, s: usize, p: usize, text: &str) -> Shown {
        let quotes: Vec<(Range<usize>, usize)> = (a.quotes.iter().enumerate())
            .filter(|(_, quote)| quote.section == s && quote.paragraph == p)
            .filter_map(|(q, quote)| Some((char_range(text, quote.start, quote.end)?, q)))
            .collect();
        let outside_quotes = |r: &Range<usize>| {
            (quotes.iter()).all(|(other, _)| r.end <= other.start || other.end <= r.start)
        };
        let mut tags: Vec<(usize, String, usize)> = Vec::new();
        let mut named: Vec<(Range<usize>, usize)> = Vec::new();
        for (range, q) in &quotes {
            let Some(name) = a.quotes[*q].speaker.as_deref() else {
                continue;
            };
            match name_beside(text, range, name).filter(outside_quotes) {
                Some(at) => named.push((at, *q)),
                None => tags.push((range.end, format!(" [{name}]"), *q)),
            }
        }
        tags.sort_by_key(|t| t.0);
        let (shown, spans) = with_speaker_tags(text, &tags);
        let mut shown = Shown {
            text: shown,
            spans,
            quote_starts: Vec::new(),
            inserted: tags.iter().map(|(at, tag, _)| (*at, tag.len())).collect(),
        };
        for (range, q) in named {
            let range = shown.shift(range.start, false)..shown.shift(range.end, true);
            let kind = Highlight::Speaker(q);
            shown.spans.push(Span { range, kind });
        }
        for (range, q) in quotes {
            let start = shown.shift(range.start, false);
            shown.quote_starts.push((q, start));
            let range = start..shown.shift(range.end, true);
            shown.spans.push(Span {
                range,
                kind: Highlight::Quote(q),
            });
        }
        shown
    }

    /// Where byte `offset` of the original text is in the shown text; an end offset stays
    /// before a tag inserted right there, a start moves past it.
    pub fn shift(&self, offset: usize, is_end: bool) -> usize {
        let before = |at: usize| if is_end { at < offset } else { at <= offset };
        let moved: usize = (self.inserted.iter())
            .filter(|(at, _)| before(*at))
            .map(|(_, len)| len)
            .sum();
        offset + moved
    }
}

/// `text` with each speaker tag inserted at its byte offset, and the tags' spans
/// (without their leading space).
fn with_speaker_tags(text: &str, tags: &[(usize, String, usize)]) -> (String, Vec<Span>) {
    let mut shown =
        String::with_capacity(text.len() + tags.iter().map(|t| t.1.len()).sum::<usize>());
    let mut spans = Vec::new();
    let mut copied = 0;
    for (at, tag, q) in tags {
        shown.push_str(&text[copied..*at]);
        let start = shown.len() + 1;
        shown.push_str(tag);
        spans.push(Span {
            range: start..shown.len(),
            kind: Highlight::Speaker(*q),
        });
        copied = *at;
    }
    shown.push_str(&text[copied..]);
    (shown, spans)
}

/// Where `name` is written right beside a quote (`„…“, sagt Nadine Godehardt`, `Xi Jinping
/// sagte: „…“`): the nearest occurrence within a few words after the quote, else
/// before it.
fn name_beside(text: &str, quote: &Range<usize>, name: &str) -> Option<Range<usize>> {
    /// Bytes between the quote and the name: a verb and a few words.
    const REACH: usize = 48;
    if name.is_empty() {
        return None;
    }
    let whole_word = |at: &usize| {
        let before = text[..*at].chars().next_back();
        let after = text[*at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    };
    let after_end = char_floor(text, quote.end + REACH + name.len());
    let after = text.get(quote.end..after_end)?;
    let before_start = char_ceil(text, quote.start.saturating_sub(REACH + name.len()));
    let before = text.get(before_start..quote.start)?;
    let mut found_after = after.match_indices(name).map(|(at, _)| quote.end + at);
    let found_before = before.match_indices(name).map(|(at, _)| before_start + at);
    let at = (found_after.find(whole_word)).or_else(|| found_before.filter(whole_word).last())?;
    Some(at..at + name.len())
}

/// The char boundary at or before `at` (at most the text's length).
fn char_floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The char boundary at or after `at`.
fn char_ceil(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Byte range of chars `start..end` of `text`, when they are in it and in order.
fn char_range(text: &str, start: usize, end: usize) -> Option<Range<usize>> {
    if start >= end {
        return None;
    }
    let mut offsets = text.char_indices().map(|(i, _)| i).chain([text.len()]);
    let from = offsets.nth(start)?;
    let to = offsets.nth(end - start - 1)?;
    Some(from..to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Quote, Section};

    fn article(paragraph: &str, quoted: &str, speaker: &str) -> Article {
        let byte = paragraph.find(quoted).unwrap();
        let start = paragraph[..byte].chars().count();
        Article {
            sections: vec![Section {
                heading: None,
                paragraphs: vec![paragraph.into()],
            }],
            quotes: vec![Quote {
                speaker: Some(speaker.into()),
                cue: None,
                text: quoted.trim_matches(['„', '“']).into(),
                section: 0,
                paragraph: 0,
                start,
                end: start + quoted.chars().count(),
            }],
            ..Article::default()
        }
    }

    fn spans_of(shown: &Shown, want: fn(&Highlight) -> bool) -> Vec<&str> {
        let spans = shown.spans.iter().filter(|s| want(&s.kind));
        spans.map(|s| &shown.text[s.range.clone()]).collect()
    }

    #[test]
    fn a_name_beside_the_quote_is_highlighted_instead_of_a_tag() {
        let text = "„Wir liefern“, sagt Ingrid Solberg, Forscherin in Oslo.";
        let a = article(text, "„Wir liefern“", "Ingrid Solberg");
        let shown = Shown::new(&a, 0, 0, text);
        assert_eq!(shown.text, text, "nothing inserted");
        let speaker = spans_of(&shown, |k| matches!(k, Highlight::Speaker(0)));
        assert_eq!(speaker, ["Ingrid Solberg"]);
        let before = "Ingrid Solberg sagte: „Wir liefern.“";
        let a = article(before, "„Wir liefern.“", "Ingrid Solberg");
        let shown = Shown::new(&a, 0, 0, before);
        assert_eq!(shown.text, before);
    }

    #[test]
    fn a_name_far_away_or_inside_a_word_still_gets_a_tag() {
        let text = "„Wir liefern“, sagte sie am Dienstag in einem langen Gespräch über die Lage, das Ingrid Solberg führte.";
        let a = article(text, "„Wir liefern“", "Ingrid Solberg");
        let shown = Shown::new(&a, 0, 0, text);
        assert!(shown.text.contains("„Wir liefern“ [Ingrid Solberg],"));
        let inside = "„Ja“, sagte Lina.";
        let a = article(inside, "„Ja“", "Li");
        assert_eq!(Shown::new(&a, 0, 0, inside).text, "„Ja“ [Li], sagte Lina.");
    }

    #[test]
    fn char_ranges_respect_multibyte_text() {
        let text = "Er sagte: „Ja“ und ging.";
        let r = char_range(text, 10, 14).unwrap();
        assert_eq!(&text[r], "„Ja“");
        assert!(char_range(text, 10, 99).is_none());
        assert!(char_range(text, 5, 5).is_none());
    }
}
