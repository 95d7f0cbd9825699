//! The status line: the active filter and search, how many articles match, a message or
//! the selected quote's speaker, and key hints (or the loading gauge while loading).
//! While the search prompt is open it is the prompt.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Widget};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{count, fit_width};
use crate::app::{AppState, Overlay};

/// Draws the line; returns where the cursor goes when a prompt is typed into.
pub fn render(state: &AppState, theme: &Theme, area: Rect, buf: &mut Buffer) -> Option<(u16, u16)> {
    if area.is_empty() {
        return None;
    }
    buf.set_style(area, theme.status);
    if let Some(Overlay::Search(prompt)) = state.overlay() {
        return Some(search_prompt(state, &prompt.input, theme, area, buf));
    }
    let right_width = right_part(state, theme, area, buf);
    let width = area.width.saturating_sub(right_width);
    let left = Line::from(left_spans(state, theme, usize::from(width)));
    buf.set_line(area.x, area.y, &left, width);
    None
}

fn search_prompt(
    state: &AppState,
    input: &str,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> (u16, u16) {
    let hint = format!(
        "  {} articles · Enter keep · Esc cancel",
        count(state.visible().len())
    );
    let width = usize::from(area.width);
    let typed = format!("/{input}");
    let typed_width = typed.width().min(width);
    let line = Line::from(vec![
        Span::styled(fit_width(&typed, width), theme.status),
        Span::styled(hint, theme.status_hint),
    ]);
    buf.set_line(area.x, area.y, &line, area.width);
    (area.x + typed_width as u16, area.y)
}

/// The filter, the count and a note (message, selected quote or load errors), the note
/// cut to what is left of `width`.
fn left_spans(state: &AppState, theme: &Theme, width: usize) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let codes = state.filter_countries();
    if !codes.is_empty() {
        spans.push(Span::styled(
            format!(" {} ", codes.join("+")),
            theme.status_filter,
        ));
        spans.push(Span::raw(" "));
    }
    if let Some(query) = state.search_query() {
        spans.push(Span::styled(format!(" /{query} "), theme.status_filter));
        spans.push(Span::raw(" "));
    }
    let (shown, total) = (state.visible().len(), state.corpus().len());
    spans.push(Span::raw(if shown == total {
        format!("{} articles", count(total))
    } else {
        format!("{} of {} articles", count(shown), count(total))
    }));
    let note = state
        .message()
        .map(str::to_string)
        .or_else(|| quote_info(state))
        .or_else(|| load_errors(state));
    if let Some(note) = note {
        let used: usize = spans.iter().map(|s| s.content.width()).sum::<usize>() + 3;
        spans.push(Span::raw(" · "));
        let room = width.saturating_sub(used + 1);
        spans.push(Span::styled(fit_width(&note, room), theme.message));
    }
    spans
}

/// `quote 2/7 · Nadine Godehardt (expert) · 3 quotes in 2 articles`.
fn quote_info(state: &AppState) -> Option<String> {
    let article = state.article()?;
    let q = state.quote()?;
    let quote = article.quotes.get(q)?;
    let position = format!("quote {}/{}", q + 1, article.quotes.len());
    let Some(name) = &quote.speaker else {
        return Some(format!("{position} · speaker unknown"));
    };
    let corpus = state.corpus();
    let entry = (state.quote_ref())
        .and_then(|at| corpus.speaker_of(at))
        .and_then(|id| corpus.speakers().get(id));
    Some(match entry {
        Some(e) => format!(
            "{position} · {name} ({}) · {} in {}",
            e.kind.as_str(),
            plural(e.quotes.len(), "quote"),
            plural(e.articles, "article")
        ),
        None => format!("{position} · {name}"),
    })
}

/// `1 quote`, `3 quotes`.
pub fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{} {what}s", count(n))
    }
}

fn load_errors(state: &AppState) -> Option<String> {
    let errors = state.load_errors();
    let first = errors.first()?;
    Some(match errors.len() {
        1 => format!("skipped {first}"),
        n => format!("skipped {n} files, first {first}"),
    })
}

/// Key hints, or the loading gauge while loading; returns the width used.
fn right_part(state: &AppState, theme: &Theme, area: Rect, buf: &mut Buffer) -> u16 {
    let progress = state.progress();
    if !progress.finished {
        let width = (area.width / 3).min(34);
        let gauge_area = Rect {
            x: area.right() - width,
            width,
            ..area
        };
        let ratio = if progress.files_total == 0 {
            0.0
        } else {
            (progress.files_done as f64 / progress.files_total as f64).clamp(0.0, 1.0)
        };
        Gauge::default()
            .gauge_style(theme.gauge)
            .ratio(ratio)
            .label(format!(
                "loading {}/{}",
                count(progress.files_done),
                count(progress.files_total)
            ))
            .render(gauge_area, buf);
        return width;
    }
    let hints = if area.width >= 90 {
        " ? keys  q quit "
    } else {
        " ? keys "
    };
    let width = (hints.width() as u16).min(area.width / 3);
    if width > 0 {
        let x = area.right() - width;
        buf.set_stringn(x, area.y, hints, usize::from(width), theme.status_hint);
    }
    width
}
