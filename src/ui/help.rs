//! The help overlay: the key table, drawn from the same rows the key handling reads.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::popup_frame;
use super::theme::Theme;
use crate::app::geometry;
use crate::keys::{HELP, help_key_width, help_lines};

/// Draws the key table over `area`, starting at line `top`.
pub fn render(top: usize, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = usize::from(geometry::popup_list(area, 0).width);
    let lines = help_lines(width);
    let rows = geometry::popup_list(area, lines.len());
    let title = if lines.len() > usize::from(rows.height) {
        " Keys · j/k scroll · Esc closes "
    } else {
        " Keys · Esc closes "
    };
    let inner = popup_frame(
        Line::from(title),
        geometry::popup(area, lines.len()),
        theme,
        buf,
    );
    if inner.is_empty() {
        return;
    }
    let key_width = help_key_width();
    let header = Line::from(vec![
        Span::styled(format!("{:<key_width$}", "key"), theme.label),
        Span::styled("action", theme.label),
    ]);
    buf.set_line(inner.x, inner.y, &header, inner.width);
    let shown = lines.iter().skip(top).take(usize::from(rows.height));
    for (n, (keys, what)) in shown.enumerate() {
        let pad = key_width.saturating_sub(keys.width());
        let line = Line::from(vec![
            Span::styled(format!("{keys}{}", " ".repeat(pad)), theme.title),
            Span::raw(*what),
        ]);
        buf.set_line(rows.x, rows.y + n as u16, &line, rows.width);
    }
}

/// The key table as plain text, one row per line (for the README).
pub fn table() -> String {
    let key_width = help_key_width();
    HELP.iter()
        .map(|r| {
            format!(
                "{}{}{}\n",
                r.keys,
                " ".repeat(key_width - r.keys.width()),
                r.what
            )
        })
        .collect()
}
