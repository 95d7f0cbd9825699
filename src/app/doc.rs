//! The open article as display lines: its parts in reading order (title, meta, lead,
//! headings, paragraphs, captions, sources), each with the spans to highlight (quotes
//! with their speaker's name beside them, country mentions, search matches), wrapped to
//! the pane by display width. Built once per article and re-wrapped per width, so the
//! state knows line counts, scroll bounds and the line of every quote and match.

use std::ops::Range;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::wrap::wrap_ranges;

/// What part of the article a block is; decides its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Kicker,
    Title,
    /// Date and source.
    Meta,
    /// The web address or the file: one line, cut with `…` when longer.
    Address,
    /// The article's countries and speakers, one line each (cut with `…`; the sidebar
    /// has them all).
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

/// The whole text when it fits `width` columns, else the part that fits with one column
/// left for the `…` the drawing adds.
fn one_line(text: &str, width: usize) -> Range<usize> {
    if text.width() <= width {
        return 0..text.len();
    }
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += c.width().unwrap_or(0);
        if used + 1 > width {
            return 0..at;
        }
    }
    0..text.len()
}

/// A cut list line ("Countries: China 22 · Russland 22 · USA…") shortened to its last
/// whole item, the separator kept: "Countries: China 22 · Russland 22 · ".
fn whole_items(text: &str, line: Range<usize>) -> Range<usize> {
    const SEPARATOR: &str = " · ";
    if line.end >= text.len() {
        return line;
    }
    match text[line.clone()].rfind(SEPARATOR) {
        Some(at) => line.start..line.start + at + SEPARATOR.len(),
        None => line,
    }
}

impl Doc {
    /// Wraps every block to `width` columns (at least one).
    pub fn wrap(&mut self, width: usize) {
        self.width = width;
        self.lines.clear();
        for (i, block) in self.blocks.iter_mut().enumerate() {
            block.first_line = self.lines.len();
            let ranges = match block.kind {
                BlockKind::Address => vec![one_line(&block.text, width.max(1))],
                BlockKind::Entities => {
                    let line = one_line(&block.text, width.max(1));
                    vec![whole_items(&block.text, line)]
                }
                _ => wrap_ranges(&block.text, width.max(1)),
            };
            for range in ranges {
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
