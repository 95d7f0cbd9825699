//! The reader's state on the embedded seed articles: everything that does not need the
//! extractors (search, selection, layout, resize, marks).

mod app_fixtures;

use app_fixtures::seeds_state;
use kiosk::app::{Action, AppState, BlockKind, Focus};
use kiosk::state_file::{Flag, content_hash};
use unicode_width::UnicodeWidthStr;

fn search(state: &mut AppState, query: &str) {
    state.update(Action::Search);
    for c in query.chars() {
        state.update(Action::Input(c));
    }
    state.update(Action::Activate);
}

#[test]
fn search_finds_the_one_seed_that_names_godehardt() {
    let mut s = seeds_state(120, 40);
    search(&mut s, "godehardt");
    assert_eq!(s.visible(), [0]);
    let matches = s.doc().matches.len();
    assert!(matches >= 2, "{matches} matches");
    let mut lines = Vec::new();
    for _ in 0..matches {
        let line = s.doc().match_line(s.current_match().unwrap()).unwrap();
        assert!(
            line >= s.scroll() && line < s.scroll() + 37,
            "match on screen"
        );
        lines.push(line);
        s.update(Action::NextMatch);
    }
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "in reading order");
    assert_eq!(
        s.current_match(),
        Some(0),
        "wraps round in the only article"
    );
}

#[test]
fn search_for_putin_lists_every_seed_and_n_walks_across_them() {
    let mut s = seeds_state(120, 40);
    search(&mut s, "Putin");
    assert_eq!(s.visible(), [0, 1, 2, 3, 4]);
    let in_first = s.doc().matches.len();
    for _ in 0..in_first {
        s.update(Action::NextMatch);
    }
    assert_eq!(s.open(), Some(1), "went on to the second seed");
    assert_eq!(s.current_match(), Some(0));
}

#[test]
fn selection_moves_and_survives_resizes() {
    let mut s = seeds_state(120, 40);
    s.update(Action::Bottom);
    assert_eq!(s.open(), Some(4));
    s.update(Action::Activate);
    s.update(Action::PageDown);
    let anchor = s.doc().anchor(s.scroll());
    for (w, h) in [(50, 15), (80, 24), (1, 1), (200, 60), (120, 40)] {
        s.update(Action::Resize(w, h));
        assert_eq!(
            (s.open(), s.list().selected, s.focus()),
            (Some(4), 4, Focus::Article)
        );
    }
    assert_eq!(
        s.doc().anchor(s.scroll()).0,
        anchor.0,
        "same block at the top"
    );
}

#[test]
fn every_seed_line_fits_its_pane_and_keeps_every_word() {
    let mut s = seeds_state(60, 30);
    s.update(Action::FocusNext);
    for _ in 0..5 {
        let doc = s.doc();
        let width = doc.width;
        for line in &doc.lines {
            let text = &doc.blocks[line.block].text[line.range.clone()];
            assert!(text.width() <= width, "{text:?} wider than {width}");
        }
        let article = s.article().unwrap();
        let paragraphs: Vec<&str> = article.paragraphs().map(|(_, _, p)| p).collect();
        let shown: Vec<usize> = (0..doc.blocks.len())
            .filter(|&b| doc.blocks[b].kind == BlockKind::Paragraph)
            .collect();
        assert_eq!(shown.len(), paragraphs.len());
        for (&block, original) in shown.iter().zip(&paragraphs) {
            let text = &doc.blocks[block].text;
            let wrapped: String = doc
                .lines
                .iter()
                .filter(|l| l.block == block)
                .flat_map(|l| text[l.range.clone()].chars())
                .filter(|c| !c.is_whitespace())
                .collect();
            let all: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(wrapped, all, "no character lost");
            if article.quotes.is_empty() {
                assert_eq!(text, original, "shown as loaded");
            }
        }
        s.update(Action::FocusPrev);
        s.update(Action::Down);
        s.update(Action::FocusNext);
    }
}

#[test]
fn marks_on_seeds_are_per_article() {
    let mut s = seeds_state(120, 40);
    let hashes: std::collections::HashSet<u64> = (0..5).map(|i| s.hash(i).unwrap()).collect();
    assert_eq!(hashes.len(), 5, "every seed has its own hash");
    assert_eq!(s.hash(2), Some(content_hash(&s.corpus().articles()[2])));
    s.update(Action::Down);
    s.update(Action::Down);
    s.update(Action::ToggleBookmark);
    assert!(s.has_mark(2, Flag::Bookmark));
    assert!(
        (0..5)
            .filter(|&i| i != 2)
            .all(|i| !s.has_mark(i, Flag::Bookmark))
    );
}
