//! One key press on the 10,000- and 100,000-article bench corpora: `AppState::update`
//! plus a full draw on a 160x45 `TestBackend`. Build the corpora first:
//!
//!     python3 /work/shared/tools/make-bench-corpus /tmp/kiosk-bench-10k --articles 10000
//!     python3 /work/shared/tools/make-bench-corpus /tmp/kiosk-bench-100k --articles 100000
//!
//! (or set KIOSK_BENCH_CORPUS / KIOSK_BENCH_CORPUS_100K to other folders); a corpus that
//! is absent is skipped with a message. One size: `cargo bench --bench keypress -- 10k`.

mod common;

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use kiosk::app::{Action, AppState};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

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
    for (label, dir) in common::corpora("keypress") {
        keypresses(c, label, dir);
    }
}

/// The key presses on one corpus.
fn keypresses(c: &mut Criterion, label: &str, dir: PathBuf) {
    // The reader's own loader path: files in order, a file that fails is skipped.
    let (sources, _) = kiosk::load::discover(&[dir]);
    let batch = kiosk::pipeline::load_sources(&sources, &|article| {
        let hash = kiosk::state_file::content_hash(&article);
        Some((article, hash))
    });
    let loaded = kiosk::tui::to_update(batch);
    eprintln!(
        "keypress bench {label}: {} articles, {} files skipped",
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
        &format!("keypress_list_next_article_{label}"),
        &mut state,
        &[Action::Down, Action::Up],
    );
    state.update(Action::FocusNext);
    press(
        c,
        &format!("keypress_article_scroll_{label}"),
        &mut state,
        &[Action::Down, Action::Down, Action::Up, Action::Up],
    );
    // ] / [ in the article.
    press(
        c,
        &format!("keypress_next_quote_{label}"),
        &mut state,
        &[Action::NextQuote, Action::PrevQuote],
    );
    // Enter on the first country of the sidebar, twice: filter on, filter off.
    state.update(Action::FocusNext);
    press(
        c,
        &format!("keypress_country_filter_toggle_{label}"),
        &mut state,
        &[Action::Activate],
    );
    // A character typed into the search prompt and deleted again (hits of recent
    // queries are kept, so after the first round this is the cached path).
    state.update(Action::Search);
    state.update(Action::Input('P'));
    press(
        c,
        &format!("keypress_search_type_{label}"),
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
