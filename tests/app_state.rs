//! State transitions of the reader without a terminal: sequences of actions on
//! hand-made articles and the state they must lead to.

mod app_fixtures;

use app_fixtures::{BERG, SOLBERG, run, state, type_text};
use kiosk::app::{Action, AppState, Focus, Overlay};

/// Corpus indexes of the fixtures.
const GAS: usize = 0;
const PIPELINE: usize = 1;
const CJK: usize = 2;
const STROM: usize = 3;

fn speaker_of_selected(state: &AppState) -> Option<String> {
    let quote = state.article()?.quotes.get(state.quote()?)?;
    quote.speaker.clone()
}

#[test]
fn opens_on_the_first_article_with_everything_listed() {
    let s = state(120, 40);
    assert_eq!(s.visible(), [GAS, PIPELINE, CJK, STROM]);
    assert_eq!(s.open(), Some(GAS));
    assert_eq!(s.focus(), Focus::List);
    let codes: Vec<&str> = s.country_rows().iter().map(|r| r.code.as_str()).collect();
    assert_eq!(
        codes,
        ["RU", "DE", "NO", "CN"],
        "by articles, then mentions"
    );
    assert_eq!(s.country_rows()[0].articles, 2);
    let top = &s.corpus().speakers()[s.speaker_rows()[0].id];
    assert_eq!(
        (top.name.as_str(), s.speaker_rows()[0].quotes),
        (SOLBERG, 3)
    );
}

#[test]
fn moving_in_the_list_opens_each_article() {
    let mut s = state(120, 40);
    run(&mut s, &[Action::Down, Action::Down]);
    assert_eq!(s.open(), Some(CJK));
    run(&mut s, &[Action::Bottom]);
    assert_eq!(s.open(), Some(STROM));
    run(&mut s, &[Action::Top, Action::Up]);
    assert_eq!(s.open(), Some(GAS));
    run(&mut s, &[Action::Activate]);
    assert_eq!(s.focus(), Focus::Article);
}

#[test]
fn enter_on_a_country_filters_and_the_counts_follow() {
    let mut s = state(120, 40);
    run(&mut s, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(s.focus(), Focus::Countries);
    run(&mut s, &[Action::Activate]); // the first row: RU
    assert_eq!(s.filter_countries(), ["RU"]);
    assert_eq!(
        s.visible(),
        [PIPELINE, CJK],
        "most mentions of Russia first"
    );
    let ru = s.country_rows().iter().find(|r| r.code == "RU").unwrap();
    assert!(ru.active);
    assert_eq!(ru.articles, 2);
    assert!(
        s.country_rows().iter().all(|r| r.code != "NO"),
        "no listed article mentions NO"
    );
    assert_eq!(
        s.speaker_rows().len(),
        2,
        "Solberg and Li are quoted in the listed articles"
    );
    // Enter on the (still selected) active country removes it again.
    let row = s
        .country_rows()
        .iter()
        .position(|r| r.code == "RU")
        .unwrap();
    while s.country_list().selected > row {
        s.update(Action::Up);
    }
    s.update(Action::Activate);
    assert!(s.filter_countries().is_empty());
    assert_eq!(s.visible().len(), 4);
}

#[test]
fn the_prompt_accepts_several_countries_and_x_clears() {
    let mut s = state(120, 40);
    s.update(Action::CountryPrompt);
    type_text(&mut s, "deu");
    let Some(Overlay::Countries(prompt)) = s.overlay() else {
        panic!("prompt not open")
    };
    assert_eq!(
        prompt.choices[0].code, "DE",
        "German names narrow the choices"
    );
    s.update(Action::Activate);
    type_text(&mut s, "ru");
    s.update(Action::Activate);
    s.update(Action::Close);
    assert!(s.overlay().is_none());
    assert_eq!(s.filter_countries(), ["DE", "RU"]);
    assert_eq!(
        s.visible(),
        [PIPELINE],
        "an article must mention all of them"
    );
    s.update(Action::ClearFilters);
    assert!(s.filter_countries().is_empty());
    assert_eq!(s.visible().len(), 4);
}

#[test]
fn a_filter_that_matches_nothing_empties_list_and_article() {
    let mut s = state(120, 40);
    s.update(Action::CountryPrompt);
    type_text(&mut s, "FR");
    s.update(Action::Activate);
    s.update(Action::Close);
    assert_eq!(s.filter_countries(), ["FR"]);
    assert!(s.visible().is_empty());
    assert_eq!(s.open(), None);
}

#[test]
fn quotes_step_forward_and_back_and_come_into_view() {
    let mut s = state(120, 12);
    s.update(Action::NextQuote);
    assert_eq!(s.quote(), Some(0));
    assert_eq!(s.focus(), Focus::Article);
    assert_eq!(speaker_of_selected(&s).as_deref(), Some(SOLBERG));
    run(&mut s, &[Action::NextQuote, Action::NextQuote]);
    assert_eq!(s.quote(), Some(2));
    let line = s.doc().quote_line(2).unwrap();
    let rows = usize::from(s.size().height) - 3;
    assert!(
        line >= s.scroll() && line < s.scroll() + rows,
        "quote 3 on screen"
    );
    s.update(Action::NextQuote);
    assert_eq!(s.quote(), Some(2), "no wrap past the last quote");
    assert!(s.message().is_some());
    s.update(Action::PrevQuote);
    assert_eq!(s.quote(), Some(1));
    assert_eq!(speaker_of_selected(&s).as_deref(), Some(BERG));
}

#[test]
fn same_speaker_jumps_cross_articles_and_back_returns() {
    let mut s = state(120, 40);
    run(&mut s, &[Action::NextQuote, Action::NextBySpeaker]);
    assert_eq!(
        (s.open(), s.quote()),
        (Some(GAS), Some(2)),
        "skips Berg's quote"
    );
    s.update(Action::NextBySpeaker);
    assert_eq!((s.open(), s.quote()), (Some(PIPELINE), Some(0)));
    assert_eq!(speaker_of_selected(&s).as_deref(), Some(SOLBERG));
    assert_eq!(s.history().len(), 2);
    s.update(Action::NextBySpeaker);
    assert_eq!(s.open(), Some(PIPELINE), "no later quote by her");
    s.update(Action::PrevBySpeaker);
    assert_eq!((s.open(), s.quote()), (Some(GAS), Some(2)));
    run(&mut s, &[Action::Back, Action::Back]);
    assert_eq!((s.open(), s.quote()), (Some(GAS), Some(2)));
    s.update(Action::Back);
    assert_eq!((s.open(), s.quote()), (Some(GAS), Some(0)));
    assert!(s.history().is_empty());
    s.update(Action::Back);
    assert!(s.message().is_some(), "says there is nothing to go back to");
}

#[test]
fn enter_on_a_speaker_lists_their_quotes_and_jumps_into_context() {
    let mut s = state(120, 40);
    run(&mut s, &[Action::FocusPrev]);
    assert_eq!(s.focus(), Focus::Speakers);
    s.update(Action::Activate);
    let Some(Overlay::Quotes(list)) = s.overlay() else {
        panic!("quote list not open")
    };
    assert_eq!(s.corpus().speakers()[list.speaker].quotes.len(), 3);
    run(&mut s, &[Action::Down, Action::Down, Action::Activate]);
    assert!(s.overlay().is_none());
    assert_eq!((s.open(), s.quote()), (Some(PIPELINE), Some(0)));
    s.update(Action::Back);
    assert_eq!(s.open(), Some(GAS));
    assert_eq!(s.focus(), Focus::Speakers);
}

#[test]
fn a_jump_outside_the_filter_still_opens_the_article() {
    let mut s = state(120, 40);
    s.update(Action::CountryPrompt);
    type_text(&mut s, "NO");
    run(&mut s, &[Action::Activate, Action::Close]);
    assert_eq!(s.visible(), [GAS]);
    run(
        &mut s,
        &[
            Action::NextQuote,
            Action::NextBySpeaker,
            Action::NextBySpeaker,
        ],
    );
    assert_eq!(s.open(), Some(PIPELINE));
    assert!(s.message().unwrap().contains("outside"));
}

#[test]
fn incremental_search_narrows_highlights_and_steps_through_matches() {
    let mut s = state(120, 40);
    s.update(Action::Search);
    type_text(&mut s, "win");
    assert_eq!(s.visible(), [GAS, PIPELINE], "titles and text, any case");
    assert_eq!(s.current_match(), Some(0));
    type_text(&mut s, "ter");
    assert_eq!(s.search_query(), Some("winter"));
    let matches_in_gas = s.doc().matches.len();
    assert_eq!(matches_in_gas, 2, "lead and first paragraph");
    s.update(Action::Activate);
    assert!(s.overlay().is_none());
    s.update(Action::NextMatch);
    assert_eq!((s.open(), s.current_match()), (Some(GAS), Some(1)));
    s.update(Action::NextMatch);
    assert_eq!(
        (s.open(), s.current_match()),
        (Some(PIPELINE), Some(0)),
        "goes on in the next article"
    );
    s.update(Action::PrevMatch);
    assert_eq!((s.open(), s.current_match()), (Some(GAS), Some(1)));
}

#[test]
fn escape_in_the_search_prompt_restores_the_previous_search() {
    let mut s = state(120, 40);
    s.update(Action::Search);
    type_text(&mut s, "gas");
    s.update(Action::Activate);
    s.update(Action::Search);
    type_text(&mut s, "xyz");
    assert!(s.visible().is_empty());
    s.update(Action::Close);
    assert_eq!(s.search_query(), Some("gas"));
    assert_eq!(s.visible(), [GAS, PIPELINE]);
    s.update(Action::ClearFilters);
    assert_eq!(s.search_query(), None);
    assert_eq!(s.visible().len(), 4);
}

#[test]
fn resize_keeps_selection_filter_and_reading_position() {
    let mut s = state(120, 40);
    run(
        &mut s,
        &[Action::Down, Action::Down, Action::Down, Action::Activate],
    );
    assert_eq!(s.open(), Some(STROM));
    run(&mut s, &[Action::Down; 20]);
    let anchor = s.doc().anchor(s.scroll());
    s.update(Action::Resize(50, 15));
    assert_eq!(s.open(), Some(STROM));
    assert_eq!(s.list().selected, 3);
    let line = s.doc().line_at(anchor);
    assert!(
        s.scroll() <= line && line <= s.scroll() + 1,
        "the same text stays at the top"
    );
    s.update(Action::Resize(120, 40));
    assert_eq!(
        s.doc().anchor(s.scroll()).0,
        anchor.0,
        "same block after a round trip"
    );
    assert_eq!(s.focus(), Focus::Article);
}

#[test]
fn marks_toggle_and_are_handed_out_for_saving() {
    let mut s = state(120, 40);
    run(
        &mut s,
        &[
            Action::ToggleRead,
            Action::ToggleBookmark,
            Action::Down,
            Action::ToggleRead,
        ],
    );
    use kiosk::state_file::Flag;
    assert!(s.has_mark(GAS, Flag::Read) && s.has_mark(GAS, Flag::Bookmark));
    assert!(s.has_mark(PIPELINE, Flag::Read));
    s.update(Action::ToggleRead);
    assert!(!s.has_mark(PIPELINE, Flag::Read));
    let changes = s.take_mark_changes();
    assert_eq!(changes.len(), 4);
    assert!(s.take_mark_changes().is_empty());
}

#[test]
fn clicks_select_rows_and_the_wheel_scrolls() {
    let mut s = state(120, 40);
    s.update(Action::Click(5, 3)); // list border at y 0, rows from y 1
    assert_eq!(s.open(), Some(CJK));
    s.update(Action::Click(60, 10));
    assert_eq!(s.focus(), Focus::Article);
    s.update(Action::Click(5, 4));
    s.update(Action::Wheel(60, 10, true));
    assert_eq!(s.open(), Some(STROM));
    assert_eq!(s.scroll(), 3);
    s.update(Action::Click(110, 1)); // the sidebar's tab line, right half
    assert_eq!(s.focus(), Focus::Speakers);
    s.update(Action::Click(95, 3)); // the second speaker row
    assert_eq!((s.focus(), s.speaker_list().selected), (Focus::Speakers, 1));
}

#[test]
fn help_opens_and_any_close_key_closes() {
    let mut s = state(50, 15);
    s.update(Action::Help);
    assert!(matches!(s.overlay(), Some(Overlay::Help(0))));
    run(&mut s, &[Action::Down, Action::Bottom]);
    s.update(Action::Close);
    assert!(s.overlay().is_none());
    s.update(Action::Quit);
    assert!(s.should_quit());
}

#[test]
fn focus_cycles_through_all_four_stops() {
    let mut s = state(50, 15);
    let mut seen = Vec::new();
    for _ in 0..4 {
        s.update(Action::FocusNext);
        seen.push(s.focus());
    }
    assert_eq!(
        seen,
        [
            Focus::Article,
            Focus::Countries,
            Focus::Speakers,
            Focus::List
        ]
    );
}

#[test]
fn articles_arriving_in_batches_keep_the_open_article() {
    let mut s = AppState::new(120, 40);
    assert_eq!(s.open(), None);
    let mut all = app_fixtures::articles();
    let rest = all.split_off(2);
    s.receive(kiosk::app::LoadUpdate {
        articles: all,
        files_done: 2,
        files_total: 4,
        ..Default::default()
    });
    assert_eq!(s.open(), Some(GAS));
    s.update(Action::Down);
    s.receive(kiosk::app::LoadUpdate {
        articles: rest,
        errors: vec!["broken.txt: empty file".into()],
        files_done: 4,
        files_total: 4,
        finished: true,
        ..Default::default()
    });
    assert_eq!(s.open(), Some(PIPELINE));
    assert_eq!(s.visible().len(), 4);
    assert_eq!(s.load_errors().len(), 1);
    assert!(s.progress().finished);
}

#[test]
fn deleting_typed_characters_widens_the_search_again() {
    let mut s = state(120, 40);
    s.update(Action::Search);
    type_text(&mut s, "leitung");
    assert_eq!(s.visible(), [GAS, PIPELINE]);
    type_text(&mut s, "en");
    assert_eq!(s.visible(), [GAS], "only the gas article says Leitungen");
    s.update(Action::DeleteChar);
    s.update(Action::DeleteChar);
    assert_eq!(s.visible(), [GAS, PIPELINE]);
    s.update(Action::ClearInput);
    assert_eq!(s.search_query(), None);
    assert_eq!(s.visible().len(), 4);
}
