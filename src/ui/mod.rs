//! Drawing: `draw(frame, &state)` paints the panes, the status line and any overlay.
//! It reads the state and never changes it; every size down to 1x1 draws.

pub mod article;
pub mod help;
mod list;
mod prompt;
mod sidebar;
mod status;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Widget};
use unicode_width::UnicodeWidthChar;

use crate::app::{AppState, Overlay, geometry};
use theme::Theme;

/// Draws the whole screen for `state`.
pub fn draw(frame: &mut Frame, state: &AppState) {
    let area = frame.area();
    let theme = theme::theme(state.no_color());
    let panes = geometry::panes(area, state.focus());
    let buf = frame.buffer_mut();
    if let Some(pane) = panes.list {
        list::render(state, theme, pane, buf);
    }
    if let Some(pane) = panes.article {
        article::render(state, theme, pane, buf);
    }
    if let Some(pane) = panes.sidebar {
        sidebar::render(state, theme, pane, buf);
    }
    let cursor = status::render(state, theme, panes.status, buf);
    let cursor = match state.overlay() {
        Some(Overlay::Help(top)) => {
            help::render(*top, theme, area, buf);
            None
        }
        Some(Overlay::Countries(p)) => prompt::render_countries(p, theme, area, buf),
        Some(Overlay::Quotes(list)) => {
            prompt::render_quotes(state, list, theme, area, buf);
            None
        }
        Some(Overlay::Search(_)) | None => cursor,
    };
    if let Some(position) = cursor.filter(|&(x, y)| x < area.right() && y < area.bottom()) {
        frame.set_cursor_position(position);
    }
}

/// A pane's frame, highlighted when focused.
fn pane_block<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    let style = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    Block::bordered()
        .border_type(if focused {
            BorderType::Thick
        } else {
            BorderType::Plain
        })
        .border_style(style)
        .title(title)
}

/// Clears an overlay's box and draws its frame; returns the inside.
fn popup_frame(title: Line<'_>, area: Rect, theme: &Theme, buf: &mut Buffer) -> Rect {
    ratatui::widgets::Clear.render(area, buf);
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .style(theme.popup)
        .title(title)
        .render(area, buf);
    geometry::inner(area)
}

/// `text` cut to `width` display columns, ending in `…` when cut.
pub fn fit_width(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            while used + 1 > width && !out.is_empty() {
                used -= out.pop().and_then(|c| c.width()).unwrap_or(0);
            }
            if width > 0 {
                out.push('…');
            }
            return out;
        }
        used += w;
        out.push(c);
    }
    out
}

/// Highlights the search matches in a short text (a title in the list).
fn with_matches(
    text: &str,
    state: &AppState,
    base: ratatui::style::Style,
    theme: &Theme,
) -> Vec<Span<'static>> {
    let matches = state.searcher().map(|s| s.find(text)).unwrap_or_default();
    let mut spans = Vec::new();
    let mut at = 0;
    for m in matches {
        if m.start > at {
            spans.push(Span::styled(text[at..m.start].to_string(), base));
        }
        let found = text[m.clone()].to_string();
        spans.push(Span::styled(found, base.patch(theme.search_match)));
        at = m.end;
    }
    spans.push(Span::styled(text[at..].to_string(), base));
    spans
}

/// Thousands separated by a thin comma: 10,000.
fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn fit_width_cuts_by_display_width() {
        assert_eq!(fit_width("Nordkorea", 20), "Nordkorea");
        assert_eq!(fit_width("Nordkorea", 5), "Nord…");
        assert_eq!(fit_width("北京莫斯科", 5), "北京…");
        assert!(fit_width("北京莫斯科", 5).width() <= 5);
        assert_eq!(fit_width("abc", 0), "");
        assert_eq!(count(10000), "10,000");
        assert_eq!(count(999), "999");
    }
}
