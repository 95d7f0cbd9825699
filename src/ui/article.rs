//! The article pane: the laid-out lines on screen, each split where a highlight starts
//! or ends (quotes, the speaker beside them, country mentions, search matches), and a
//! scrollbar on the right border.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use super::pane_block;
use super::theme::Theme;
use crate::app::{AppState, BlockKind, Doc, Focus, Highlight, geometry};

pub fn render(state: &AppState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let doc = state.doc();
    let position = match (state.open(), state.visible()) {
        (Some(open), visible) => match visible.iter().position(|&i| i == open) {
            Some(row) => format!(" Article {} of {} ", row + 1, visible.len()),
            None => " Article (outside the filter) ".to_string(),
        },
        _ => " Article ".to_string(),
    };
    let focused = state.focus() == Focus::Article;
    pane_block(position, focused, theme).render(area, buf);
    let text = geometry::article_text(area);
    if text.is_empty() {
        return;
    }
    if doc.article.is_none() {
        let note = if state.progress().finished {
            "No article to show: x clears the filters."
        } else {
            "Loading…"
        };
        buf.set_stringn(text.x, text.y, note, usize::from(text.width), theme.notice);
        return;
    }
    let rows = usize::from(text.height);
    for (n, line) in (state.scroll()..doc.lines.len()).take(rows).enumerate() {
        let styled = styled_line(doc, line, theme, state.quote(), state.current_match());
        let y = text.y + n as u16;
        buf.set_line(text.x, y, &styled, text.width);
        if is_cut(doc, line) {
            let x = text.x + (styled.width() as u16).min(text.width.saturating_sub(1));
            buf.set_string(x, y, "…", theme.meta);
        }
    }
    if doc.lines.len() > rows {
        let track = area.inner(Margin {
            vertical: 1,
            horizontal: 0,
        });
        let mut bar = ScrollbarState::new(doc.lines.len().saturating_sub(rows) + 1)
            .position(state.scroll())
            .viewport_content_length(rows);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some(if focused { "┃" } else { "│" }))
            .thumb_style(theme.border_focused)
            .track_style(if focused {
                theme.border_focused
            } else {
                theme.border
            })
            .render(track, buf, &mut bar);
    }
}

/// Whether `line` is a one-line block cut short (a long address, many countries).
fn is_cut(doc: &Doc, line: usize) -> bool {
    let Some(doc_line) = doc.lines.get(line) else {
        return false;
    };
    let block = doc.blocks.get(doc_line.block);
    let one_line = |kind| matches!(kind, BlockKind::Address | BlockKind::Entities);
    block.is_some_and(|b| one_line(b.kind) && doc_line.range.end < b.text.len())
}

/// The style of a block's plain text.
pub fn block_style(kind: BlockKind, theme: &Theme) -> Style {
    match kind {
        BlockKind::Kicker => theme.kicker,
        BlockKind::Title => theme.title,
        BlockKind::Meta | BlockKind::Address => theme.meta,
        BlockKind::Entities => theme.entities,
        BlockKind::Dateline => theme.dateline,
        BlockKind::Lead => theme.lead,
        BlockKind::Heading => theme.heading,
        BlockKind::Paragraph | BlockKind::Blank => theme.text,
        BlockKind::Label => theme.label,
        BlockKind::Caption => theme.caption,
        BlockKind::Source => theme.source,
    }
}

/// Line `line` of the document as styled spans.
pub fn styled_line<'a>(
    doc: &'a Doc,
    line: usize,
    theme: &Theme,
    selected_quote: Option<usize>,
    current_match: Option<usize>,
) -> Line<'a> {
    let Some(doc_line) = doc.lines.get(line) else {
        return Line::default();
    };
    let Some(block) = doc.blocks.get(doc_line.block) else {
        return Line::default();
    };
    let range = doc_line.range.clone();
    let base = block_style(block.kind, theme);
    let mut cuts = vec![range.start, range.end];
    for span in &block.spans {
        for at in [span.range.start, span.range.end] {
            if range.start < at && at < range.end {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let spans = cuts
        .windows(2)
        .filter_map(|w| {
            let text = block.text.get(w[0]..w[1])?;
            let style = highlight_style(block, w[0], base, theme, selected_quote, current_match);
            Some(Span::styled(text, style))
        })
        .collect::<Vec<_>>();
    Line::from(spans)
}

/// The style at byte `at` of a block: its base, then quote, speaker, country and
/// search highlights laid over it in that order.
fn highlight_style(
    block: &crate::app::Block,
    at: usize,
    base: Style,
    theme: &Theme,
    selected_quote: Option<usize>,
    current_match: Option<usize>,
) -> Style {
    let covering = || block.spans.iter().filter(|s| s.range.contains(&at));
    let mut style = base;
    for layer in 0..4 {
        for span in covering() {
            style = match (layer, span.kind) {
                (0, Highlight::Quote(q)) if Some(q) == selected_quote => {
                    style.patch(theme.quote_selected)
                }
                (0, Highlight::Quote(_)) => style.patch(theme.quote),
                (1, Highlight::Speaker(_)) => style.patch(theme.speaker),
                (2, Highlight::Country) => style.patch(theme.country),
                (3, Highlight::Match(m)) if Some(m) == current_match => {
                    style.patch(theme.search_current)
                }
                (3, Highlight::Match(_)) => style.patch(theme.search_match),
                _ => style,
            };
        }
    }
    style
}
