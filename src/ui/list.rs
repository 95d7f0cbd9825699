//! The article list: one row per listed article (bookmark and read marks, the title with
//! search matches, and the filter relevance), drawing only the rows on screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{count, fit_width, pane_block, with_matches};
use crate::app::{AppState, Focus, geometry};
use crate::model::Article;
use crate::state_file::Flag;

pub fn render(state: &AppState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = state.focus() == Focus::List;
    let total = state.corpus().len();
    let shown = state.visible().len();
    let title = if shown == total {
        format!(" Articles {} ", count(total))
    } else {
        format!(" Articles {} of {} ", count(shown), count(total))
    };
    pane_block(title, focused, theme).render(area, buf);
    let inner = geometry::inner(area);
    if inner.is_empty() {
        return;
    }
    if shown == 0 {
        let note = if state.progress().finished {
            "no article matches"
        } else {
            "loading…"
        };
        buf.set_stringn(
            inner.x,
            inner.y,
            note,
            usize::from(inner.width),
            theme.notice,
        );
        return;
    }
    let scroller = state.list();
    let articles = state.corpus().articles();
    let rows = usize::from(inner.height);
    for (n, (row, &index)) in state
        .visible()
        .iter()
        .enumerate()
        .skip(scroller.offset)
        .take(rows)
        .enumerate()
    {
        let Some(article) = articles.get(index) else {
            continue;
        };
        let y = inner.y + n as u16;
        let line = row_line(state, theme, index, article, usize::from(inner.width));
        buf.set_line(inner.x, y, &line, inner.width);
        if row == scroller.selected {
            let style = if focused {
                theme.row_selected
            } else {
                theme.row_selected_unfocused
            };
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
        }
    }
}

/// `★✓ Title …  31`: marks, the title cut to fit, the filter relevance at the right.
fn row_line(
    state: &AppState,
    theme: &Theme,
    index: usize,
    article: &Article,
    width: usize,
) -> Line<'static> {
    let read = state.has_mark(index, Flag::Read);
    let bookmark = if state.has_mark(index, Flag::Bookmark) {
        "★"
    } else {
        " "
    };
    let base = if read { theme.row_read } else { Style::new() };
    let relevance = relevance(state, article)
        .map(|n| format!(" {n}"))
        .unwrap_or_default();
    let title_width = width.saturating_sub(3 + relevance.width());
    let mut spans = vec![
        Span::styled(bookmark, theme.mark),
        Span::styled(if read { "✓ " } else { "  " }, theme.row_read),
    ];
    let title = fit_width(&article.title, title_width);
    let pad = title_width.saturating_sub(title.width());
    spans.extend(with_matches(&title, state, base, theme));
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(relevance, theme.count));
    Line::from(spans)
}

/// How often the article mentions the filter's countries, when a filter is active.
fn relevance(state: &AppState, article: &Article) -> Option<u64> {
    let codes = state.filter_countries();
    if codes.is_empty() {
        return None;
    }
    let sum = article
        .countries
        .iter()
        .filter(|c| codes.contains(&c.code))
        .map(|c| u64::from(c.mentions))
        .sum();
    Some(sum)
}
