//! Helpers shared by the integration tests: where the shared gold data lives, and a
//! made-up article for the extractor tests.
#![allow(dead_code)]

use std::path::PathBuf;

use kiosk::model::{Article, Section};

/// The `../shared` folder next to the repository (or `$KIOSK_SHARED`), when present.
/// A user's clone has none: tests that need it print why they skip and pass.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("KIOSK_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    dir.join("gold").is_dir().then_some(dir)
}

/// `shared_dir()/rel`, or `None` after printing a skip message naming the test.
pub fn shared(rel: &str, test: &str) -> Option<PathBuf> {
    match shared_dir().map(|d| d.join(rel)).filter(|p| p.exists()) {
        Some(path) => Some(path),
        None => {
            eprintln!(
                "skipping {test}: ../shared/{rel} is not here (set KIOSK_SHARED to its folder)"
            );
            None
        }
    }
}

/// A made-up article: a title and one untitled section with these paragraphs.
pub fn article(paragraphs: &[&str]) -> Article {
    Article {
        id: "test".into(),
        title: "Ein Titel".into(),
        sections: vec![Section {
            heading: None,
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        }],
        ..Article::default()
    }
}
