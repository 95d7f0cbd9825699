//! Which key asks for which [`Action`]: one table that both the key handling and the
//! help overlay read, so the help always tells the truth. Pure: a key event and the
//! kind of thing that has the keys in, an action out.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use unicode_width::UnicodeWidthStr;

use crate::app::{Action, AppState, Overlay};

/// A key as the table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A character key, with or without Shift.
    Char(char),
    /// A character with Control held.
    Ctrl(char),
    /// Any other key (arrows, Enter, Tab, …).
    Code(KeyCode),
}

/// One row of the help: the keys as shown, what they do, and the bindings behind them.
#[derive(Debug, Clone, Copy)]
pub struct HelpRow {
    pub keys: &'static str,
    pub what: &'static str,
    pub bindings: &'static [(Key, Action)],
}

/// Every key of the reader (DESIGN.md §5), in the order the help shows them.
pub const HELP: &[HelpRow] = &[
    HelpRow {
        keys: "j / k, ↓ / ↑",
        what: "move in the focused pane; scroll the article",
        bindings: &[
            (Key::Char('j'), Action::Down),
            (Key::Char('k'), Action::Up),
            (Key::Code(KeyCode::Down), Action::Down),
            (Key::Code(KeyCode::Up), Action::Up),
        ],
    },
    HelpRow {
        keys: "Tab / Shift-Tab, l / h, → / ←",
        what: "focus next / previous pane (list, article, countries, speakers)",
        bindings: &[
            (Key::Code(KeyCode::Tab), Action::FocusNext),
            (Key::Code(KeyCode::BackTab), Action::FocusPrev),
            (Key::Char('l'), Action::FocusNext),
            (Key::Char('h'), Action::FocusPrev),
            (Key::Code(KeyCode::Right), Action::FocusNext),
            (Key::Code(KeyCode::Left), Action::FocusPrev),
        ],
    },
    HelpRow {
        keys: "g / G, PgUp / PgDn",
        what: "top / bottom, page up / down (also Home / End, Space)",
        bindings: &[
            (Key::Char('g'), Action::Top),
            (Key::Char('G'), Action::Bottom),
            (Key::Code(KeyCode::Home), Action::Top),
            (Key::Code(KeyCode::End), Action::Bottom),
            (Key::Code(KeyCode::PageUp), Action::PageUp),
            (Key::Code(KeyCode::PageDown), Action::PageDown),
            (Key::Char(' '), Action::PageDown),
        ],
    },
    HelpRow {
        keys: "Enter",
        what: "open the selected article, country (toggle filter) or speaker (quote list)",
        bindings: &[(Key::Code(KeyCode::Enter), Action::Activate)],
    },
    HelpRow {
        keys: "] / [",
        what: "next / previous quote in this article",
        bindings: &[
            (Key::Char(']'), Action::NextQuote),
            (Key::Char('['), Action::PrevQuote),
        ],
    },
    HelpRow {
        keys: "} / {",
        what: "next / previous quote by the same speaker, anywhere in the corpus",
        bindings: &[
            (Key::Char('}'), Action::NextBySpeaker),
            (Key::Char('{'), Action::PrevBySpeaker),
        ],
    },
    HelpRow {
        keys: "Backspace / Ctrl-o",
        what: "back to where the last jump started",
        bindings: &[
            (Key::Code(KeyCode::Backspace), Action::Back),
            (Key::Ctrl('o'), Action::Back),
        ],
    },
    HelpRow {
        keys: "c",
        what: "country filter prompt (type to narrow, Enter toggles, several allowed)",
        bindings: &[(Key::Char('c'), Action::CountryPrompt)],
    },
    HelpRow {
        keys: "x",
        what: "clear all filters (countries and search)",
        bindings: &[(Key::Char('x'), Action::ClearFilters)],
    },
    HelpRow {
        keys: "/, n / N",
        what: "search text (incremental, highlighted); next / previous match",
        bindings: &[
            (Key::Char('/'), Action::Search),
            (Key::Char('n'), Action::NextMatch),
            (Key::Char('N'), Action::PrevMatch),
        ],
    },
    HelpRow {
        keys: "m / b",
        what: "mark read / unread; bookmark",
        bindings: &[
            (Key::Char('m'), Action::ToggleRead),
            (Key::Char('b'), Action::ToggleBookmark),
        ],
    },
    HelpRow {
        keys: "?",
        what: "show / hide this help",
        bindings: &[(Key::Char('?'), Action::Help)],
    },
    HelpRow {
        keys: "Esc",
        what: "close a prompt or this help; unselect the quote",
        bindings: &[(Key::Code(KeyCode::Esc), Action::Close)],
    },
    HelpRow {
        keys: "q, Ctrl-c",
        what: "quit (the terminal is always restored)",
        bindings: &[
            (Key::Char('q'), Action::Quit),
            (Key::Ctrl('c'), Action::Quit),
        ],
    },
    HelpRow {
        keys: "mouse",
        what: "click selects, the wheel scrolls",
        bindings: &[],
    },
    HelpRow {
        keys: "marks",
        what: "list: ★ bookmarked, ✓ read · countries: ✓ in the filter, • in this article",
        bindings: &[],
    },
    HelpRow {
        keys: "speakers",
        what: "E expert, O official, · other; bold when quoted in this article; \
               beside a quote, its speaker's name is highlighted or added in [brackets]",
        bindings: &[],
    },
];

/// What has the keys: the panes, an overlay with a list (help, quotes), or a prompt
/// that takes typed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMode {
    Normal,
    Overlay,
    Input,
}

impl Key {
    fn matches(self, code: KeyCode, ctrl: bool) -> bool {
        match self {
            Key::Char(c) => !ctrl && code == KeyCode::Char(c),
            Key::Ctrl(c) => ctrl && code == KeyCode::Char(c),
            Key::Code(k) => !ctrl && code == k,
        }
    }
}

/// The action a key press asks for, if any. Key releases ask for nothing.
pub fn action(key: KeyEvent, mode: KeyMode) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    match mode {
        KeyMode::Normal => lookup(key.code, ctrl),
        KeyMode::Overlay => match key.code {
            KeyCode::Esc | KeyCode::Char('q') | KeyCode::Char('?') => Some(Action::Close),
            _ => lookup(key.code, ctrl),
        },
        KeyMode::Input => input_action(key.code, ctrl),
    }
}

/// The help as display lines at `width` columns: the keys (on a row's first line only)
/// and the description, wrapped in a column of its own.
pub fn help_lines(width: usize) -> Vec<(&'static str, &'static str)> {
    let what_width = width.saturating_sub(help_key_width()).max(12);
    let mut lines = Vec::new();
    for row in HELP {
        for (n, range) in crate::app::wrap_ranges(row.what, what_width)
            .into_iter()
            .enumerate()
        {
            let keys = if n == 0 { row.keys } else { "" };
            lines.push((keys, &row.what[range]));
        }
    }
    lines
}

/// The width of the keys column: the widest keys and two spaces.
pub fn help_key_width() -> usize {
    HELP.iter().map(|r| r.keys.width()).max().unwrap_or(0) + 2
}

/// What has the keys in this state.
pub fn mode(state: &AppState) -> KeyMode {
    match state.overlay() {
        None => KeyMode::Normal,
        Some(Overlay::Help(_) | Overlay::Quotes(_)) => KeyMode::Overlay,
        Some(Overlay::Countries(_) | Overlay::Search(_)) => KeyMode::Input,
    }
}

fn lookup(code: KeyCode, ctrl: bool) -> Option<Action> {
    HELP.iter()
        .flat_map(|row| row.bindings)
        .find(|(key, _)| key.matches(code, ctrl))
        .map(|&(_, action)| action)
}

/// Keys in a prompt: characters are typed; a few keys edit or move.
fn input_action(code: KeyCode, ctrl: bool) -> Option<Action> {
    Some(match (code, ctrl) {
        (KeyCode::Esc, _) => Action::Close,
        (KeyCode::Enter, _) => Action::Activate,
        (KeyCode::Backspace, _) => Action::DeleteChar,
        (KeyCode::Char('u'), true) => Action::ClearInput,
        (KeyCode::Char('n'), true) | (KeyCode::Down, _) | (KeyCode::Tab, _) => Action::Down,
        (KeyCode::Char('p'), true) | (KeyCode::Up, _) | (KeyCode::BackTab, _) => Action::Up,
        (KeyCode::PageDown, _) => Action::PageDown,
        (KeyCode::PageUp, _) => Action::PageUp,
        (KeyCode::Char(c), false) => Action::Input(c),
        _ => return None,
    })
}
