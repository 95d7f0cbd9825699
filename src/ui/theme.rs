//! Every style the reader draws with, in one place: a colour theme and a monochrome one
//! for `NO_COLOR` (bold, italic, underline, reverse and dim only).

use ratatui::style::{Color, Modifier, Style};

/// The styles of one theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub kicker: Style,
    pub title: Style,
    pub meta: Style,
    pub entities: Style,
    pub dateline: Style,
    pub lead: Style,
    pub heading: Style,
    pub text: Style,
    pub label: Style,
    pub caption: Style,
    pub source: Style,
    pub quote: Style,
    pub quote_selected: Style,
    pub speaker: Style,
    pub country: Style,
    pub search_match: Style,
    pub search_current: Style,
    pub row_selected: Style,
    pub row_selected_unfocused: Style,
    pub row_read: Style,
    pub mark: Style,
    pub count: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub status: Style,
    pub status_filter: Style,
    pub status_hint: Style,
    pub message: Style,
    pub gauge: Style,
    pub popup: Style,
    pub notice: Style,
}

const PLAIN: Style = Style::new();
const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);
const ITALIC: Style = Style::new().add_modifier(Modifier::ITALIC);
const DIM: Style = Style::new().add_modifier(Modifier::DIM);
const REVERSED: Style = Style::new().add_modifier(Modifier::REVERSED);
const UNDERLINED: Style = Style::new().add_modifier(Modifier::UNDERLINED);

/// Colours on a dark or light terminal background alike (named ANSI colours only).
pub const COLOR: Theme = Theme {
    border: Style::new().fg(Color::DarkGray),
    border_focused: Style::new().fg(Color::Cyan),
    kicker: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    title: BOLD,
    meta: Style::new().fg(Color::DarkGray),
    entities: Style::new().fg(Color::DarkGray),
    dateline: Style::new()
        .fg(Color::DarkGray)
        .add_modifier(Modifier::BOLD),
    lead: BOLD,
    heading: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
    text: PLAIN,
    label: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
    caption: Style::new()
        .fg(Color::DarkGray)
        .add_modifier(Modifier::ITALIC),
    source: Style::new().fg(Color::DarkGray),
    quote: Style::new().fg(Color::Yellow),
    quote_selected: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD),
    speaker: Style::new()
        .fg(Color::Magenta)
        .add_modifier(Modifier::ITALIC),
    country: Style::new()
        .fg(Color::Cyan)
        .add_modifier(Modifier::UNDERLINED),
    search_match: Style::new().fg(Color::Black).bg(Color::LightGreen),
    search_current: Style::new()
        .fg(Color::Black)
        .bg(Color::LightRed)
        .add_modifier(Modifier::BOLD),
    row_selected: Style::new().fg(Color::Black).bg(Color::Cyan),
    row_selected_unfocused: Style::new().bg(Color::DarkGray),
    row_read: Style::new().fg(Color::DarkGray),
    mark: Style::new().fg(Color::Yellow),
    count: Style::new().fg(Color::DarkGray),
    tab: Style::new().fg(Color::DarkGray),
    tab_active: Style::new()
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
        .add_modifier(Modifier::UNDERLINED),
    status: PLAIN,
    status_filter: Style::new().fg(Color::Black).bg(Color::Cyan),
    status_hint: Style::new().fg(Color::DarkGray),
    message: Style::new().fg(Color::Yellow),
    gauge: Style::new().fg(Color::Cyan).bg(Color::DarkGray),
    popup: PLAIN,
    notice: Style::new()
        .fg(Color::DarkGray)
        .add_modifier(Modifier::ITALIC),
};

/// No colours at all, for `NO_COLOR` (https://no-color.org).
pub const MONO: Theme = Theme {
    border: PLAIN,
    border_focused: BOLD,
    kicker: BOLD,
    title: BOLD,
    meta: DIM,
    entities: DIM,
    dateline: DIM,
    lead: BOLD,
    heading: BOLD,
    text: PLAIN,
    label: BOLD,
    caption: DIM.add_modifier(Modifier::ITALIC),
    source: DIM,
    quote: ITALIC,
    quote_selected: REVERSED.add_modifier(Modifier::ITALIC),
    speaker: BOLD,
    country: UNDERLINED,
    search_match: REVERSED,
    search_current: REVERSED.add_modifier(Modifier::BOLD),
    row_selected: REVERSED,
    row_selected_unfocused: UNDERLINED,
    row_read: DIM,
    mark: BOLD,
    count: DIM,
    tab: DIM,
    tab_active: BOLD.add_modifier(Modifier::UNDERLINED),
    status: PLAIN,
    status_filter: REVERSED,
    status_hint: DIM,
    message: BOLD,
    gauge: REVERSED,
    popup: PLAIN,
    notice: DIM.add_modifier(Modifier::ITALIC),
};

/// The theme to draw with.
pub fn theme(no_color: bool) -> &'static Theme {
    if no_color { &MONO } else { &COLOR }
}
