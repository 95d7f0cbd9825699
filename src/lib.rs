//! kiosk: a terminal news reader that knows which countries an article mentions and whom
//! it quotes.
//!
//! Data flows one way: [`load`] turns files into [`model::Article`]s, [`extract`] finds
//! countries, quotes and speakers in them, [`corpus`] indexes the whole set, and the
//! reader shows it. The library exposes every part for tests and benches.

pub mod app;
pub mod corpus;
pub mod export;
pub mod extract;
pub mod hangup;
pub mod keys;
pub mod load;
pub mod model;
pub mod search;
pub mod state_file;
pub mod tui;
pub mod ui;

use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;

use rayon::prelude::*;

pub use crate::load::{LoadError, Loaded};
pub use crate::model::Article;

/// Loads and annotates the articles under `paths`, or the embedded seeds when `paths`
/// is empty.
pub fn load_corpus(paths: &[PathBuf]) -> Loaded {
    let mut loaded = if paths.is_empty() {
        Loaded {
            articles: load::seeds(),
            errors: Vec::new(),
        }
    } else {
        load::load_paths(paths)
    };
    let failed: Vec<LoadError> = loaded
        .articles
        .par_iter_mut()
        .filter_map(annotate_guarded)
        .collect();
    loaded.errors.extend(failed);
    loaded
}

/// Annotates one article; a bug in an extractor that panics on it leaves this article
/// unannotated (and reported) instead of ending the program.
fn annotate_guarded(article: &mut Article) -> Option<LoadError> {
    let done = panic::catch_unwind(AssertUnwindSafe(|| extract::annotate(article)));
    done.err().map(|payload| {
        article.countries.clear();
        article.quotes.clear();
        article.speakers.clear();
        let problem = load::Problem::Internal(format!(
            "countries and quotes not found: {}",
            load::panic_message(payload.as_ref())
        ));
        LoadError::new(&article.path, problem)
    })
}
