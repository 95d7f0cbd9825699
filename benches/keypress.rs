//! One key press on a 10,000-article corpus: `AppState::update` plus a full draw on a
//! 160x45 `TestBackend`. Build the corpus first:
//!
//!     python3 /work/shared/tools/make-bench-corpus /tmp/kiosk-bench-10k --articles 10000
//!
//! (or set KIOSK_BENCH_CORPUS to another folder); without it the bench says so and skips.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use kiosk::app::{Action, AppState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("KIOSK_BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp/kiosk-bench-10k"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipping the keypress bench: {} is absent; build it with \
             python3 /work/shared/tools/make-bench-corpus /tmp/kiosk-bench-10k --articles 10000",
            dir.display()
        );
        None
    }
}

/// Presses the keys in turn, one per iteration, each followed by a full draw.
fn press(c: &mut Criterion, name: &str, state: &mut AppState, keys: &[Action]) {
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("a test terminal");
    let mut next = 0;
    c.bench_function(name, |b| {
        b.iter(|| {
            state.update(keys[next % keys.len()]);
            next += 1;
            terminal
                .draw(|frame| kiosk::ui::draw(frame, black_box(state)))
                .expect("draw");
        })
    });
}

fn keypress(c: &mut Criterion) {
    let Some(dir) = corpus_dir() else { return };
    // The reader's own loader path: files in order, a file that fails is skipped.
    let (sources, _) = kiosk::load::discover(&[dir]);
    let batch = kiosk::pipeline::load_sources(&sources, &|article| {
        let hash = kiosk::state_file::content_hash(&article);
        Some((article, hash))
    });
    let loaded = kiosk::tui::to_update(batch);
    eprintln!(
        "keypress bench: {} articles, {} files skipped",
        loaded.articles.len(),
        loaded.errors.len()
    );
    let mut state = AppState::new(160, 45);
    state.receive(kiosk::app::LoadUpdate {
        finished: true,
        ..loaded
    });
    state.update(Action::Top);
    // j / k in the list: every press opens and lays out another article.
    press(
        c,
        "keypress_list_next_article_10k",
        &mut state,
        &[Action::Down, Action::Up],
    );
    state.update(Action::FocusNext);
    press(
        c,
        "keypress_article_scroll_10k",
        &mut state,
        &[Action::Down, Action::Down, Action::Up, Action::Up],
    );
    // ] / [ in the article.
    press(
        c,
        "keypress_next_quote_10k",
        &mut state,
        &[Action::NextQuote, Action::PrevQuote],
    );
    // Enter on the first country of the sidebar, twice: filter on, filter off.
    state.update(Action::FocusNext);
    press(
        c,
        "keypress_country_filter_toggle_10k",
        &mut state,
        &[Action::Activate],
    );
    // The uncached part of a search keystroke: one scan of every article.
    let all: Vec<usize> = (0..state.corpus().len()).collect();
    let searcher = kiosk::search::Searcher::new("Putin").expect("a query");
    c.bench_function("search_scan_all_10k", |b| {
        b.iter(|| {
            searcher
                .filter(state.corpus().articles(), black_box(&all))
                .len()
        })
    });
    // A character typed into the search prompt and deleted again (hits of recent
    // queries are kept, so after the first round this is the cached path).
    state.update(Action::Search);
    state.update(Action::Input('P'));
    press(
        c,
        "keypress_search_type_10k",
        &mut state,
        &[Action::Input('u'), Action::DeleteChar],
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50);
    targets = keypress
}
criterion_main!(benches);
