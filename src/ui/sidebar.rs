//! The entity sidebar: a Countries tab and a Speakers tab, each counted over the listed
//! articles. Countries in the filter carry a tick; entries of the open article a dot.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{fit_width, pane_block};
use crate::app::{AppState, Focus, Scroller, geometry};
use crate::corpus::SpeakerEntry;
use crate::model::SpeakerKind;

pub fn render(state: &AppState, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let focused = matches!(state.focus(), Focus::Countries | Focus::Speakers);
    pane_block("", focused, theme).render(area, buf);
    let inner = geometry::inner(area);
    if inner.is_empty() {
        return;
    }
    let tab = state.sidebar_tab();
    let tabs = tab_line(state, tab, theme, usize::from(inner.width));
    buf.set_line(inner.x, inner.y, &tabs, inner.width);
    let rows = geometry::sidebar_rows(area);
    let width = usize::from(rows.width);
    let lines: Vec<Line> = match tab {
        Focus::Speakers => speaker_lines(state, theme, rows, width),
        _ => country_lines(state, theme, rows, width),
    };
    let scroller = match tab {
        Focus::Speakers => state.speaker_list(),
        _ => state.country_list(),
    };
    for (n, line) in lines.iter().enumerate() {
        let y = rows.y + n as u16;
        buf.set_line(rows.x, y, line, rows.width);
        // Unfocused, the Speakers tab still shows whose quote is selected.
        let quote_speaker = tab == Focus::Speakers && state.quote().is_some();
        if scroller.offset + n == scroller.selected && (focused || quote_speaker) {
            let style = if focused {
                theme.row_selected
            } else {
                theme.row_selected_unfocused
            };
            buf.set_style(Rect::new(rows.x, y, rows.width, 1), style);
        }
    }
    if lines.is_empty() && rows.height > 0 {
        let note = match tab {
            Focus::Speakers => "nobody quoted in these articles",
            _ => "no countries in these articles",
        };
        buf.set_stringn(rows.x, rows.y, fit_width(note, width), width, theme.notice);
    }
}

/// `Countries 29 │ Speakers 17`, shortened until both counts fit the width.
fn tab_line(state: &AppState, tab: Focus, theme: &Theme, width: usize) -> Line<'static> {
    let (countries, speakers) = (state.country_rows().len(), state.speaker_rows().len());
    let forms = [
        ("Countries", "Speakers", " │ "),
        ("Countries", "Speakers", "│"),
        ("Countr.", "Speak.", "│"),
        ("C", "S", "│"),
    ];
    let labels = |(c, s, bar): (&str, &str, &'static str)| {
        (format!("{c} {countries}"), format!("{s} {speakers}"), bar)
    };
    let fits = |(c, s, bar): &(String, String, &str)| c.width() + s.width() + bar.width() <= width;
    let (left, right, bar) = forms
        .into_iter()
        .map(labels)
        .find(fits)
        .unwrap_or_else(|| labels(forms[3]));
    let style = |active: bool| if active { theme.tab_active } else { theme.tab };
    Line::from(vec![
        Span::styled(left, style(tab == Focus::Countries)),
        Span::styled(bar, theme.border),
        Span::styled(right, style(tab == Focus::Speakers)),
    ])
}

fn visible(scroller: Scroller, len: usize, rows: Rect) -> std::ops::Range<usize> {
    let start = scroller.offset.min(len);
    start..(start + usize::from(rows.height)).min(len)
}

fn country_lines(state: &AppState, theme: &Theme, rows: Rect, width: usize) -> Vec<Line<'static>> {
    let in_article = |code: &str| {
        state
            .article()
            .is_some_and(|a| a.countries.iter().any(|c| c.code == code))
    };
    let all = state.country_rows();
    all[visible(state.country_list(), all.len(), rows)]
        .iter()
        .map(|row| {
            let mark = if row.active {
                "✓"
            } else if in_article(&row.code) {
                "•"
            } else {
                " "
            };
            let name = if row.name.is_empty() {
                &row.code
            } else {
                &row.name
            };
            let style = if row.active {
                theme.mark.add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
            entry(
                mark,
                &format!("{} {name}", row.code),
                row.articles,
                style,
                theme,
                width,
            )
        })
        .collect()
}

fn speaker_lines(state: &AppState, theme: &Theme, rows: Rect, width: usize) -> Vec<Line<'static>> {
    let corpus = state.corpus();
    let speakers = corpus.speakers();
    let quoted_here = |speaker: &SpeakerEntry| match speaker.only_in {
        Some(article) => state.open() == Some(article),
        None => {
            (state.article()).is_some_and(|a| a.speakers.iter().any(|s| s.name == speaker.name))
        }
    };
    let all = state.speaker_rows();
    all[visible(state.speaker_list(), all.len(), rows)]
        .iter()
        .filter_map(|row| {
            let speaker = speakers.get(row.id)?;
            let kind = match speaker.kind {
                SpeakerKind::Expert => "E",
                SpeakerKind::Official => "O",
                SpeakerKind::Other => "·",
            };
            let style = if quoted_here(speaker) {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
            // "Sprecher" alone says nothing: name the article this one spoke in
            let label = match speaker.only_in.and_then(|i| corpus.articles().get(i)) {
                Some(article) => format!("{} · {}", speaker.name, article.title),
                None => speaker.name.clone(),
            };
            Some(entry(kind, &label, row.quotes, style, theme, width))
        })
        .collect()
}

/// `m label ……… n`: a one-character mark, the label cut to fit, a count at the right.
fn entry(
    mark: &str,
    label: &str,
    n: usize,
    style: Style,
    theme: &Theme,
    width: usize,
) -> Line<'static> {
    let n = n.to_string();
    let label_width = width.saturating_sub(2 + n.width() + 1);
    let label = fit_width(label, label_width);
    let pad = label_width.saturating_sub(label.width());
    Line::from(vec![
        Span::styled(format!("{mark} "), theme.mark),
        Span::styled(label, style),
        Span::raw(" ".repeat(pad + 1)),
        Span::styled(n, theme.count),
    ])
}
