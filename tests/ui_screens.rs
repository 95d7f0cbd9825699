//! Whole screens drawn on a `TestBackend`: insta snapshots at 120x40 and 50x15 (one with
//! wide characters), styles checked cell by cell where they matter, and every small size
//! drawn without a panic.

mod app_fixtures;

use kiosk::app::{Action, AppState};
use kiosk::ui::theme::{COLOR, MONO};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn render(state: &AppState) -> Terminal<TestBackend> {
    let size = state.size();
    let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).unwrap();
    terminal
        .draw(|frame| kiosk::ui::draw(frame, state))
        .unwrap();
    terminal
}

fn screen(state: &AppState) -> String {
    render(state).backend().to_string()
}

/// The first cell (x, y) where `text` starts on row `y`, looking only right of `from_x`.
fn find(buf: &Buffer, text: &str, from_x: u16) -> (u16, u16) {
    let area = buf.area;
    for y in 0..area.height {
        let row: Vec<&str> = (0..area.width).map(|x| buf[(x, y)].symbol()).collect();
        let chars: Vec<char> = text.chars().collect();
        for x in from_x..area.width {
            let fits = chars.iter().enumerate().all(|(i, c)| {
                row.get(usize::from(x) + i)
                    .is_some_and(|s| s.chars().eq(std::iter::once(*c)))
            });
            if fits {
                return (x, y);
            }
        }
    }
    panic!("{text:?} not on screen:\n{buf:?}");
}

#[test]
fn fixtures_at_120x40_with_a_quote_selected() {
    let mut state = app_fixtures::state(120, 40);
    state.update(Action::NextQuote);
    insta::assert_snapshot!(screen(&state));
}

#[test]
fn fixtures_at_50x15_list_then_article() {
    let mut state = app_fixtures::state(50, 15);
    insta::assert_snapshot!("fixtures_50x15_list", screen(&state));
    state.update(Action::Activate);
    state.update(Action::NextQuote);
    insta::assert_snapshot!("fixtures_50x15_article", screen(&state));
}

#[test]
fn wide_characters_line_up() {
    let mut state = app_fixtures::state(120, 40);
    state.update(Action::Down);
    state.update(Action::Down);
    state.update(Action::NextQuote);
    let terminal = render(&state);
    insta::assert_snapshot!(terminal.backend().to_string());
    // Every row of the article pane ends at its border: no wide character spills over.
    let buf = terminal.backend().buffer();
    let (_, top) = find(buf, "2024-02-01", 32);
    let border = buf.area.width - 29;
    for y in top..top + 10 {
        assert_eq!(buf[(border, y)].symbol(), "┃", "row {y} keeps its border");
    }
}

#[test]
fn overlays_at_120x40() {
    let mut state = app_fixtures::state(120, 40);
    state.update(Action::CountryPrompt);
    state.update(Action::Input('r'));
    insta::assert_snapshot!("country_prompt", screen(&state));
    state.update(Action::Close);
    state.update(Action::FocusPrev);
    state.update(Action::Activate);
    insta::assert_snapshot!("quote_list", screen(&state));
    state.update(Action::Close);
    state.update(Action::Help);
    insta::assert_snapshot!("help", screen(&state));
}

#[test]
fn a_filter_shows_in_the_status_line_and_the_list() {
    let mut state = app_fixtures::state(120, 40);
    state.update(Action::CountryPrompt);
    for c in "DE".chars() {
        state.update(Action::Input(c));
    }
    state.update(Action::Activate);
    state.update(Action::Close);
    state.update(Action::Search);
    for c in "gas".chars() {
        state.update(Action::Input(c));
    }
    state.update(Action::Activate);
    insta::assert_snapshot!(screen(&state));
}

#[test]
fn seeds_at_120x40() {
    let state = app_fixtures::seeds_state(120, 40);
    insta::assert_snapshot!(screen(&state));
}

/// The README's capture: the first seed with its first quote selected (`]`), the
/// speaker beside it, the Speakers tab on show.
#[test]
fn seeds_at_120x40_with_a_quote_selected() {
    let mut state = app_fixtures::seeds_state(120, 40);
    state.update(Action::NextQuote);
    insta::assert_snapshot!(screen(&state));
}

/// Highlights on the real seeds, as the extractors find them: the selected quote, the
/// other quotes, the speaker's name and the country mentions (`countries::find`).
#[test]
fn quote_and_mention_styles_on_the_seeds() {
    let mut state = app_fixtures::seeds_state(120, 40);
    state.update(Action::NextQuote);
    let first = state.article().unwrap().quotes[0].clone();
    let terminal = render(&state);
    let buf = terminal.backend().buffer();
    let words: String = first.text.split(' ').take(3).collect::<Vec<_>>().join(" ");
    let (x, y) = find(buf, &format!("„{words}"), 32);
    for dx in 0..words.chars().count() as u16 {
        assert_eq!(
            buf[(x + dx, y)].bg,
            COLOR.quote_selected.bg.unwrap(),
            "selected quote"
        );
    }
    assert_ne!(buf[(x - 2, y)].bg, COLOR.quote_selected.bg.unwrap());
    // "Nordkorea" just before the quote is a country mention.
    let (x, y) = find(buf, "Nordkorea von", 32);
    for dx in 0..9 {
        let cell = &buf[(x + dx, y)];
        assert_eq!(cell.fg, COLOR.country.fg.unwrap(), "mention cell {dx}");
        assert!(cell.modifier.contains(Modifier::UNDERLINED));
    }
    assert!(!buf[(x + 10, y)].modifier.contains(Modifier::UNDERLINED));
    // "Russland" inside the selected quote: the mention is laid over the quote.
    let (x, y) = find(buf, "Russland exportiert", 32);
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    assert_eq!(buf[(x, y)].bg, COLOR.quote_selected.bg.unwrap());
    // The next quote is highlighted as a quote, not as the selected one.
    let second = state.article().unwrap().quotes[1].clone();
    let start: String = second.text.split(' ').take(2).collect::<Vec<_>>().join(" ");
    let (x, y) = find(buf, &format!("„{start}"), 32);
    assert_eq!(buf[(x + 1, y)].fg, COLOR.quote.fg.unwrap(), "another quote");
    // Its speaker is named after it, in the speaker's style.
    if let Some(name) = &second.speaker {
        let first_word = name.split([' ', '-']).next().unwrap();
        let (x, y) = find(buf, &format!("[{first_word}"), 32);
        assert_eq!(buf[(x + 1, y)].fg, COLOR.speaker.fg.unwrap());
    }
}

#[test]
fn the_seeds_draw_at_every_size_down_to_nothing_and_back() {
    let mut state = app_fixtures::seeds_state(120, 40);
    state.update(Action::NextQuote);
    let open = (state.open(), state.quote());
    let widths = [
        0, 1, 2, 3, 5, 10, 23, 40, 63, 64, 65, 90, 109, 110, 139, 140, 250,
    ];
    let heights = [0, 1, 2, 3, 4, 5, 8, 15, 40, 90];
    for _focus in 0..4 {
        for &w in &widths {
            for &h in &heights {
                state.update(Action::Resize(w, h));
                render(&state);
            }
        }
        state.update(Action::FocusNext);
    }
    state.update(Action::Resize(120, 40));
    assert_eq!((state.open(), state.quote()), open);
    assert!(screen(&state).contains("Article 1 of 5"));
}

#[test]
fn quotes_speakers_mentions_and_matches_have_their_styles() {
    let mut state = app_fixtures::state(120, 40);
    state.set_mention_finder(app_fixtures::fake_mentions);
    state.update(Action::NextQuote);
    state.update(Action::NextQuote);
    state.update(Action::Search);
    for c in "Minister".chars() {
        state.update(Action::Input(c));
    }
    state.update(Action::Activate);
    let terminal = render(&state);
    let buf = terminal.backend().buffer();
    let article_x = 32;
    let (x, y) = find(buf, "„Die", article_x);
    let quote = COLOR.quote.fg.unwrap();
    assert_eq!(buf[(x, y)].fg, quote, "a quote is highlighted");
    assert_eq!(buf[(x + 3, y)].fg, quote);
    assert_ne!(buf[(x - 2, y)].fg, quote, "not the text before it");
    let (x, y) = find(buf, "„Wir", article_x);
    assert_eq!(
        buf[(x, y)].bg,
        COLOR.quote_selected.bg.unwrap(),
        "the selected quote stands out"
    );
    let (x, y) = find(buf, "sagt Ingrid Solberg,", article_x);
    for dx in 5..19 {
        let cell = &buf[(x + dx, y)];
        assert_eq!(
            cell.fg,
            COLOR.speaker.fg.unwrap(),
            "the name beside the quote"
        );
        assert!(cell.modifier.contains(Modifier::ITALIC));
    }
    assert_ne!(buf[(x, y)].fg, COLOR.speaker.fg.unwrap(), "not the verb");
    let (x, y) = find(buf, "[Ingrid", article_x);
    assert_eq!(
        buf[(x + 1, y)].fg,
        COLOR.speaker.fg.unwrap(),
        "a tag where the text does not name the speaker beside the quote"
    );
    let (x, y) = find(buf, "Norwegen will", article_x);
    for dx in 0..8 {
        assert!(
            buf[(x + dx, y)].modifier.contains(Modifier::UNDERLINED),
            "mention cell {dx}"
        );
        assert_eq!(buf[(x + dx, y)].fg, COLOR.country.fg.unwrap());
    }
    assert!(
        !buf[(x + 8, y)].modifier.contains(Modifier::UNDERLINED),
        "only the mention"
    );
    let (x, y) = find(buf, "Minister ist", article_x);
    assert_eq!(
        buf[(x, y)].bg,
        COLOR.search_current.bg.unwrap(),
        "the current match"
    );
}

#[test]
fn no_color_draws_without_colours_but_keeps_the_highlights() {
    let mut state = app_fixtures::state(120, 40);
    state.set_mention_finder(app_fixtures::fake_mentions);
    state.set_no_color(true);
    state.update(Action::NextQuote);
    let terminal = render(&state);
    let buf = terminal.backend().buffer();
    for cell in buf.content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "no colour at all"
        );
    }
    let (x, y) = find(buf, "„Die", 32);
    assert_eq!(buf[(x, y)].modifier, MONO.quote_selected.add_modifier);
    let (x, y) = find(buf, "Norwegen will", 32);
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn every_small_size_draws_without_panicking() {
    let mut state = app_fixtures::state(120, 40);
    state.update(Action::NextQuote);
    let overlays: [&[Action]; 4] = [
        &[],
        &[Action::Help],
        &[Action::CountryPrompt, Action::Input('d')],
        &[Action::Activate],
    ];
    for (n, open) in overlays.iter().enumerate() {
        let mut state = app_fixtures::state(120, 40);
        state.update(Action::NextQuote);
        for &action in *open {
            state.update(action);
        }
        for width in 0..=70 {
            for height in 0..=16 {
                state.update(Action::Resize(width, height));
                render(&state);
            }
        }
        for focus in 0..4 {
            state.update(Action::Resize(1, 1));
            let _ = screen(&state);
            state.update(Action::Resize(90, 3));
            let _ = screen(&state);
            if n == 0 && focus < 3 {
                state.update(Action::FocusNext);
            }
        }
    }
}
