//! Articles that arrive batch by batch (as the background loader sends them) give the
//! same list and sidebar as the same articles received at once: the reader counts each
//! batch into running totals instead of recounting the corpus, and this checks that the
//! totals agree, with no filter, with a search typed before loading, and with a country
//! filter chosen while loading.

mod app_fixtures;

use std::collections::BTreeMap;

use app_fixtures::{articles, type_text};
use kiosk::app::{Action, AppState, LoadUpdate};
use kiosk::model::Article;

/// The fixtures three times over, each copy with its own ids.
fn corpus() -> Vec<Article> {
    (0..3)
        .flat_map(|copy| {
            articles().into_iter().map(move |mut a| {
                a.id = format!("{}-{copy}", a.id);
                a.title = format!("{} ({copy})", a.title);
                a
            })
        })
        .collect()
}

/// Sends `articles` in batches of `size`, the last one marked finished.
fn receive_in_batches(state: &mut AppState, articles: Vec<Article>, size: usize) {
    let total = articles.len();
    let mut done = 0;
    let mut rest = articles;
    while !rest.is_empty() {
        let tail = rest.split_off(size.min(rest.len()));
        let batch = std::mem::replace(&mut rest, tail);
        done += batch.len();
        state.receive(LoadUpdate {
            articles: batch,
            files_done: done,
            files_total: total,
            finished: done == total,
            ..LoadUpdate::default()
        });
    }
}

/// What the list and the sidebar show.
fn view(state: &AppState) -> impl PartialEq + std::fmt::Debug {
    (
        state.visible().to_vec(),
        state.open(),
        state.country_rows().to_vec(),
        state.speaker_rows().to_vec(),
    )
}

/// A state prepared by `before` (filters set while nothing is loaded), then loaded.
fn loaded(batch: usize, before: impl Fn(&mut AppState)) -> AppState {
    let mut state = AppState::new(120, 40);
    before(&mut state);
    receive_in_batches(&mut state, corpus(), batch);
    state
}

/// Per country: (articles, mentions); per speaker: quotes; counted straight from the articles.
type Counts = (BTreeMap<String, (usize, u64)>, BTreeMap<String, usize>);

fn counted_by_hand(articles: &[Article]) -> Counts {
    let mut countries = BTreeMap::new();
    let mut speakers = BTreeMap::new();
    for a in articles {
        for c in &a.countries {
            let entry = countries.entry(c.code.clone()).or_insert((0, 0));
            *entry = (entry.0 + 1, entry.1 + u64::from(c.mentions));
        }
        for name in a.quotes.iter().filter_map(|q| q.speaker.clone()) {
            *speakers.entry(name).or_insert(0) += 1;
        }
    }
    (countries, speakers)
}

fn counted_by_reader(state: &AppState) -> Counts {
    let countries = state
        .country_rows()
        .iter()
        .map(|r| (r.code.clone(), (r.articles, r.mentions)))
        .collect();
    let speakers = state
        .speaker_rows()
        .iter()
        .map(|r| (state.corpus().speakers()[r.id].name.clone(), r.quotes))
        .collect();
    (countries, speakers)
}

#[test]
fn batches_give_the_list_and_counts_of_one_load() {
    let whole = loaded(usize::MAX, |_| {});
    assert_eq!(whole.visible().len(), 12);
    assert!(
        !whole.speaker_rows().is_empty(),
        "the fixtures quote people"
    );
    assert_eq!(counted_by_reader(&whole), counted_by_hand(&corpus()));
    for size in [1, 2, 5] {
        assert_eq!(
            view(&loaded(size, |_| {})),
            view(&whole),
            "batches of {size}"
        );
    }
}

#[test]
fn a_search_typed_before_loading_applies_to_every_batch() {
    let search = |s: &mut AppState| {
        s.update(Action::Search);
        type_text(s, "win");
        s.update(Action::Activate);
    };
    let whole = loaded(usize::MAX, search);
    assert_eq!(whole.visible().len(), 6, "gas and pipeline, three times");
    for size in [1, 3] {
        assert_eq!(
            view(&loaded(size, search)),
            view(&whole),
            "batches of {size}"
        );
    }
}

#[test]
fn a_country_filter_chosen_while_loading_holds_for_later_batches() {
    let mut state = AppState::new(120, 40);
    let mut all = corpus();
    let rest = all.split_off(5);
    receive_in_batches(&mut state, all, 5);
    state.update(Action::CountryPrompt);
    type_text(&mut state, "NO");
    state.update(Action::Activate);
    state.update(Action::Close);
    state.receive(LoadUpdate {
        articles: rest,
        files_done: 12,
        files_total: 12,
        finished: true,
        ..LoadUpdate::default()
    });
    let mut whole = AppState::with_articles(corpus(), 120, 40);
    whole.update(Action::CountryPrompt);
    type_text(&mut whole, "NO");
    whole.update(Action::Activate);
    whole.update(Action::Close);
    assert_eq!(state.filter_countries(), ["NO"]);
    assert_eq!(state.visible(), whole.visible());
    assert_eq!(state.country_rows(), whole.country_rows());
    assert_eq!(state.speaker_rows(), whole.speaker_rows());
}
