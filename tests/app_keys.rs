//! Keys: the table the help shows is the table the keys use; prompts take typed text.

use kiosk::app::Action;
use kiosk::keys::{self, HELP, Key, KeyMode, help_lines};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn event_of(key: Key) -> KeyEvent {
    match key {
        Key::Char(c) if c.is_ascii_uppercase() => press(KeyCode::Char(c), KeyModifiers::SHIFT),
        Key::Char(c) => press(KeyCode::Char(c), KeyModifiers::NONE),
        Key::Ctrl(c) => press(KeyCode::Char(c), KeyModifiers::CONTROL),
        Key::Code(code) => press(code, KeyModifiers::NONE),
    }
}

#[test]
fn every_key_in_the_help_does_what_the_help_says() {
    let mut bindings = 0;
    for row in HELP {
        for &(key, action) in row.bindings {
            assert_eq!(
                keys::action(event_of(key), KeyMode::Normal),
                Some(action),
                "{key:?} in {:?}",
                row.keys
            );
            bindings += 1;
        }
    }
    assert!(bindings >= 30);
}

#[test]
fn the_design_table_is_covered() {
    let design = [
        ('j', Action::Down),
        ('k', Action::Up),
        ('h', Action::FocusPrev),
        ('l', Action::FocusNext),
        ('g', Action::Top),
        ('G', Action::Bottom),
        (']', Action::NextQuote),
        ('[', Action::PrevQuote),
        ('}', Action::NextBySpeaker),
        ('{', Action::PrevBySpeaker),
        ('c', Action::CountryPrompt),
        ('x', Action::ClearFilters),
        ('/', Action::Search),
        ('n', Action::NextMatch),
        ('N', Action::PrevMatch),
        ('m', Action::ToggleRead),
        ('b', Action::ToggleBookmark),
        ('?', Action::Help),
        ('q', Action::Quit),
    ];
    for (c, action) in design {
        assert_eq!(
            keys::action(event_of(Key::Char(c)), KeyMode::Normal),
            Some(action),
            "{c}"
        );
    }
    let codes = [
        (KeyCode::Tab, Action::FocusNext),
        (KeyCode::BackTab, Action::FocusPrev),
        (KeyCode::PageUp, Action::PageUp),
        (KeyCode::PageDown, Action::PageDown),
        (KeyCode::Enter, Action::Activate),
        (KeyCode::Backspace, Action::Back),
        (KeyCode::Down, Action::Down),
        (KeyCode::Up, Action::Up),
    ];
    for (code, action) in codes {
        assert_eq!(
            keys::action(press(code, KeyModifiers::NONE), KeyMode::Normal),
            Some(action)
        );
    }
    let ctrl = |c| press(KeyCode::Char(c), KeyModifiers::CONTROL);
    assert_eq!(keys::action(ctrl('o'), KeyMode::Normal), Some(Action::Back));
    for mode in [KeyMode::Normal, KeyMode::Overlay, KeyMode::Input] {
        assert_eq!(
            keys::action(ctrl('c'), mode),
            Some(Action::Quit),
            "Ctrl-c always quits"
        );
    }
}

#[test]
fn prompts_take_text_and_overlays_close_on_q() {
    let typed = keys::action(
        press(KeyCode::Char('q'), KeyModifiers::NONE),
        KeyMode::Input,
    );
    assert_eq!(typed, Some(Action::Input('q')));
    let backspace = keys::action(
        press(KeyCode::Backspace, KeyModifiers::NONE),
        KeyMode::Input,
    );
    assert_eq!(backspace, Some(Action::DeleteChar));
    let q = keys::action(
        press(KeyCode::Char('q'), KeyModifiers::NONE),
        KeyMode::Overlay,
    );
    assert_eq!(q, Some(Action::Close));
    let j = keys::action(
        press(KeyCode::Char('j'), KeyModifiers::NONE),
        KeyMode::Overlay,
    );
    assert_eq!(j, Some(Action::Down));
}

#[test]
fn key_releases_do_nothing() {
    let mut release = press(KeyCode::Char('j'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(keys::action(release, KeyMode::Normal), None);
}

#[test]
fn the_help_wraps_but_keeps_every_row() {
    let wide = help_lines(200);
    assert_eq!(wide.len(), HELP.len());
    let narrow = help_lines(50);
    assert!(narrow.len() > HELP.len());
    assert_eq!(
        narrow.iter().filter(|(keys, _)| !keys.is_empty()).count(),
        HELP.len()
    );
    let table = kiosk::ui::help::table();
    for row in HELP {
        assert!(table.contains(row.keys) && table.contains(row.what));
    }
}
