//! The open article as display lines: its parts in reading order (title, meta, lead,
//! headings, paragraphs, captions, sources), each with the spans to highlight (quotes
//! with their speaker's name beside them, country mentions, search matches), wrapped to
//! the pane by display width. Built once per article and re-wrapped per width, so the
//! state knows line counts, scroll bounds and the line of every quote and match.

use std::ops::Range;

use crate::model::Article;
use crate::search::Searcher;

use super::wrap::wrap_ranges;

/// What part of the article a block is; decides its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Kicker,
    Title,
    /// Date, source and address.
    Meta,
    /// The article's countries and speakers, one line each.
    Entities,
    Dateline,
    Lead,
    Heading,
    Paragraph,
    /// "Captions" / "Sources" above those lists.
    Label,
    Caption,
    Source,
    Blank,
}

/// What a span of a block's text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Highlight {
    /// A quote, by its index in the article, quotation marks included.
    Quote(usize),
    /// The speaker's name shown after quote `n`.
    Speaker(usize),
    /// A country mention.
    Country,
    /// A search match, by its index in [`Doc::matches`].
    Match(usize),
}

/// A highlighted byte range of a block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub range: Range<usize>,
    pub kind: Highlight,
}

/// One part of the article: its text as shown and what to highlight in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    pub spans: Vec<Span>,
    /// Index of its first line in [`Doc::lines`].
    pub first_line: usize,
}

/// One display line: a byte range of a block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    pub block: usize,
    pub range: Range<usize>,
}

/// Where something sits in the document independent of the width: block and byte.
pub type Anchor = (usize, usize);

/// The laid-out article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    /// The corpus index of the article, `None` for the empty document.
    pub article: Option<usize>,
    pub width: usize,
    pub blocks: Vec<Block>,
    pub lines: Vec<DocLine>,
    /// Where each of the article's quotes starts (`None` when its offsets do not fit).
    pub quotes: Vec<Option<Anchor>>,
    /// Every search match in reading order.
    pub matches: Vec<(usize, Range<usize>)>,
}

/// Finds country mentions in a text: byte ranges (the extractor's `find`, or a
/// stand-in in tests).
pub type MentionFinder = fn(&str) -> Vec<Range<usize>>;

/// The mentions the country extractor finds.
pub fn country_mentions(text: &str) -> Vec<Range<usize>> {
    crate::extract::countries::find(text)
        .into_iter()
        .map(|m| m.start..m.end)
        .collect()
}

impl Doc {
    /// Lays out article `index` at `width` columns.
    pub fn build(
        article: &Article,
        index: usize,
        width: usize,
        search: Option<&Searcher>,
        mentions: MentionFinder,
    ) -> Doc {
        let mut builder = Builder {
            doc: Doc {
                article: Some(index),
                quotes: vec![None; article.quotes.len()],
                ..Doc::default()
            },
            search,
            mentions,
        };
        builder.article(article);
        let mut doc = builder.doc;
        doc.wrap(width);
        doc
    }

    /// Wraps every block to `width` columns (at least one).
    pub fn wrap(&mut self, width: usize) {
        self.width = width;
        self.lines.clear();
        for (i, block) in self.blocks.iter_mut().enumerate() {
            block.first_line = self.lines.len();
            for range in wrap_ranges(&block.text, width.max(1)) {
                self.lines.push(DocLine { block: i, range });
            }
        }
    }

    /// The width-independent position of a line's start.
    pub fn anchor(&self, line: usize) -> Anchor {
        self.lines
            .get(line)
            .map(|l| (l.block, l.range.start))
            .unwrap_or_default()
    }

    /// The line that shows byte `byte` of block `block`.
    pub fn line_at(&self, (block, byte): Anchor) -> usize {
        let Some(first) = self.blocks.get(block).map(|b| b.first_line) else {
            return self.lines.len().saturating_sub(1);
        };
        let mut line = first;
        while self
            .lines
            .get(line + 1)
            .is_some_and(|l| l.block == block && l.range.start <= byte)
        {
            line += 1;
        }
        line
    }

    /// The line where quote `quote` starts.
    pub fn quote_line(&self, quote: usize) -> Option<usize> {
        let anchor = (*self.quotes.get(quote)?)?;
        Some(self.line_at(anchor))
    }

    /// The line of search match `n`.
    pub fn match_line(&self, n: usize) -> Option<usize> {
        let (block, range) = self.matches.get(n)?;
        Some(self.line_at((*block, range.start)))
    }
}

struct Builder<'a> {
    doc: Doc,
    search: Option<&'a Searcher>,
    mentions: MentionFinder,
}

impl Builder<'_> {
    fn article(&mut self, a: &Article) {
        if let Some(kicker) = &a.kicker {
            self.content(BlockKind::Kicker, kicker);
        }
        self.content(BlockKind::Title, &a.title);
        self.plain(BlockKind::Meta, meta_line(a));
        for line in entity_lines(a) {
            self.plain(BlockKind::Entities, line);
        }
        if let Some(dateline) = &a.dateline {
            self.blank();
            self.plain(BlockKind::Dateline, dateline.clone());
        }
        if let Some(lead) = a.lead.as_deref().filter(|l| !l.trim().is_empty()) {
            self.blank();
            self.content(BlockKind::Lead, lead);
        }
        for (s, section) in a.sections.iter().enumerate() {
            if let Some(heading) = &section.heading {
                self.blank();
                self.content(BlockKind::Heading, heading);
            }
            for (p, text) in section.paragraphs.iter().enumerate() {
                self.blank();
                self.paragraph(a, s, p, text);
            }
        }
        self.list("Captions", BlockKind::Caption, &a.captions);
        self.list("Sources", BlockKind::Source, &a.sources);
    }

    fn blank(&mut self) {
        self.plain(BlockKind::Blank, String::new());
    }

    /// Text that is not the article's (labels, meta): no highlights.
    fn plain(&mut self, kind: BlockKind, text: String) {
        self.push(kind, text, Vec::new());
    }

    /// Article text outside paragraphs: country mentions and search matches.
    fn content(&mut self, kind: BlockKind, text: &str) {
        let spans = self.mentions_and_matches(text, |o, _| o);
        self.push(kind, text.to_string(), spans);
    }

    fn list(&mut self, label: &str, kind: BlockKind, items: &[String]) {
        if items.is_empty() {
            return;
        }
        self.blank();
        self.plain(BlockKind::Label, label.to_string());
        for item in items {
            let spans = self.matches(item, |o, _| o);
            self.push(kind, item.clone(), spans);
        }
    }

    /// A paragraph: its quotes, each followed by `[speaker]`, its mentions and matches.
    fn paragraph(&mut self, a: &Article, s: usize, p: usize, text: &str) {
        let block = self.doc.blocks.len();
        let mut quotes = Vec::new();
        let mut tags: Vec<(usize, String, usize)> = Vec::new();
        for (q, quote) in a.quotes.iter().enumerate() {
            if quote.section != s || quote.paragraph != p {
                continue;
            }
            let Some(range) = char_range(text, quote.start, quote.end) else {
                continue;
            };
            if let Some(name) = &quote.speaker {
                tags.push((range.end, format!(" [{name}]"), q));
            }
            quotes.push((range, q));
        }
        tags.sort_by_key(|t| t.0);
        let shift = |offset: usize, is_end: bool| {
            offset
                + tags
                    .iter()
                    .filter(|(at, ..)| if is_end { *at < offset } else { *at <= offset })
                    .map(|(_, tag, _)| tag.len())
                    .sum::<usize>()
        };
        let mut shown =
            String::with_capacity(text.len() + tags.iter().map(|t| t.1.len()).sum::<usize>());
        let mut spans = Vec::new();
        let mut copied = 0;
        for (at, tag, q) in &tags {
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
        for (range, q) in quotes {
            let start = shift(range.start, false);
            self.doc.quotes[q] = Some((block, start));
            spans.push(Span {
                range: start..shift(range.end, true),
                kind: Highlight::Quote(q),
            });
        }
        spans.extend(self.mentions_and_matches(text, shift));
        self.push(BlockKind::Paragraph, shown, spans);
    }

    fn mentions_and_matches(
        &mut self,
        text: &str,
        shift: impl Fn(usize, bool) -> usize,
    ) -> Vec<Span> {
        let mut spans: Vec<Span> = (self.mentions)(text)
            .into_iter()
            .filter(|r| fits(text, r))
            .map(|r| Span {
                range: shift(r.start, false)..shift(r.end, true),
                kind: Highlight::Country,
            })
            .collect();
        spans.extend(self.matches(text, shift));
        spans
    }

    fn matches(&mut self, text: &str, shift: impl Fn(usize, bool) -> usize) -> Vec<Span> {
        let Some(search) = self.search else {
            return Vec::new();
        };
        let block = self.doc.blocks.len();
        search
            .find(text)
            .into_iter()
            .map(|r| {
                let range = shift(r.start, false)..shift(r.end, true);
                self.doc.matches.push((block, range.clone()));
                Span {
                    range,
                    kind: Highlight::Match(self.doc.matches.len() - 1),
                }
            })
            .collect()
    }

    fn push(&mut self, kind: BlockKind, text: String, spans: Vec<Span>) {
        self.doc.blocks.push(Block {
            kind,
            text,
            spans,
            first_line: 0,
        });
    }
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

fn fits(text: &str, range: &Range<usize>) -> bool {
    range.start < range.end
        && range.end <= text.len()
        && text.is_char_boundary(range.start)
        && text.is_char_boundary(range.end)
}

/// Date, source and address (or path): what a reader checks first.
fn meta_line(a: &Article) -> String {
    let where_from = a
        .url
        .as_deref()
        .or(Some(a.path.as_str()))
        .filter(|s| !s.is_empty());
    [a.date.as_deref(), a.source_domain.as_deref(), where_from]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ")
}

/// "Countries: Russland 31 · China 12" and "Quoted: Nadine Godehardt (3) · …".
fn entity_lines(a: &Article) -> Vec<String> {
    let mut lines = Vec::new();
    if !a.countries.is_empty() {
        let list: Vec<String> = a
            .countries
            .iter()
            .map(|c| format!("{} {}", c.name, c.mentions))
            .collect();
        lines.push(format!("Countries: {}", list.join(" · ")));
    }
    if !a.speakers.is_empty() {
        let list: Vec<String> = a
            .speakers
            .iter()
            .map(|s| format!("{} ({})", s.name, s.quotes))
            .collect();
        lines.push(format!("Quoted: {}", list.join(" · ")));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_ranges_respect_multibyte_text() {
        let text = "Er sagte: „Ja“ und ging.";
        let r = char_range(text, 10, 14).unwrap();
        assert_eq!(&text[r], "„Ja“");
        assert!(char_range(text, 10, 99).is_none());
        assert!(char_range(text, 5, 5).is_none());
    }
}
