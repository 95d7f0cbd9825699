//! The overlays that list choices: the country filter prompt (input line above the
//! countries that fit it) and a speaker's quotes across the corpus.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::status::plural;
use super::theme::Theme;
use super::{fit_width, popup_frame};
use crate::app::{AppState, CountryPrompt, QuoteList, Scroller, geometry};

/// Draws the country prompt; returns where the cursor goes.
pub fn render_countries(
    prompt: &CountryPrompt,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Option<(u16, u16)> {
    let title = Line::from(" Country filter · type to narrow · Enter toggles · Esc done ");
    let len = prompt.choices.len();
    let inner = popup_frame(title, geometry::popup(area, len), theme, buf);
    if inner.is_empty() {
        return None;
    }
    let typed = format!("> {}", prompt.input);
    buf.set_stringn(
        inner.x,
        inner.y,
        &typed,
        usize::from(inner.width),
        theme.title,
    );
    let rows = geometry::popup_list(area, len);
    let width = usize::from(rows.width);
    let line_of = |i: usize| {
        let Some(c) = prompt.choices.get(i) else {
            return Line::default();
        };
        let mark = if c.active { "✓ " } else { "  " };
        let name = if c.name_en.is_empty() || c.name_en == c.name {
            format!("{} {}", c.code, c.name)
        } else {
            format!("{} {} · {}", c.code, c.name, c.name_en)
        };
        // Countries no listed article mentions are offered too, dimmed, without a count.
        let (right, style) = match c.articles {
            0 => (String::new(), theme.count),
            n => (format!(" {}", plural(n, "article")), Style::new()),
        };
        let label = fit_width(&name, width.saturating_sub(2 + right.width()));
        let pad = width.saturating_sub(2 + label.width() + right.width());
        Line::from(vec![
            Span::styled(mark, theme.mark),
            Span::styled(label, style),
            Span::raw(" ".repeat(pad)),
            Span::styled(right, theme.count),
        ])
    };
    draw_rows(line_of, prompt.choices.len(), prompt.list, rows, theme, buf);
    if prompt.choices.is_empty() && rows.height > 0 {
        buf.set_stringn(rows.x, rows.y, "no country fits", width, theme.notice);
    }
    let cursor_x = inner.x + (typed.width() as u16).min(inner.width.saturating_sub(1));
    Some((cursor_x, inner.y))
}

/// Draws the quotes of one speaker: the article's title and the quote's first words.
pub fn render_quotes(
    state: &AppState,
    list: &QuoteList,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) {
    let corpus = state.corpus();
    let Some(speaker) = corpus.speakers().get(list.speaker) else {
        return;
    };
    let title = Line::from(format!(
        " {} · {} · {} in {} · Enter jumps · Esc closes ",
        speaker.name,
        speaker.kind.as_str(),
        plural(speaker.quotes.len(), "quote"),
        plural(speaker.articles, "article")
    ));
    let len = speaker.quotes.len();
    let inner = popup_frame(title, geometry::popup(area, len), theme, buf);
    if inner.is_empty() {
        return;
    }
    let role = speaker.role.as_deref().unwrap_or("(no role given)");
    buf.set_stringn(inner.x, inner.y, role, usize::from(inner.width), theme.meta);
    let rows = geometry::popup_list(area, len);
    let width = usize::from(rows.width);
    let title_width = (width * 2 / 5).max(1);
    let line_of = |i: usize| {
        let Some((article, quote)) = speaker.quotes.get(i).and_then(|&at| corpus.quote(at)) else {
            return Line::default();
        };
        let title = fit_width(&article.title, title_width);
        let pad = title_width.saturating_sub(title.width());
        let words = format!("„{}“", quote.text);
        let words = fit_width(&words, width.saturating_sub(title_width + 3));
        Line::from(vec![
            Span::styled(title, theme.meta),
            Span::raw(" ".repeat(pad)),
            Span::styled(" │ ", theme.border),
            Span::styled(words, theme.quote),
        ])
    };
    draw_rows(line_of, speaker.quotes.len(), list.list, rows, theme, buf);
}

fn draw_rows<'a>(
    line_of: impl Fn(usize) -> Line<'a>,
    len: usize,
    scroller: Scroller,
    rows: Rect,
    theme: &Theme,
    buf: &mut Buffer,
) {
    let first = scroller.offset.min(len);
    let last = (first + usize::from(rows.height)).min(len);
    for (n, row) in (first..last).enumerate() {
        let y = rows.y + n as u16;
        buf.set_line(rows.x, y, &line_of(row), rows.width);
        if row == scroller.selected {
            buf.set_style(Rect::new(rows.x, y, rows.width, 1), theme.row_selected);
        }
    }
}
