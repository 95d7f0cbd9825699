//! kiosk: a terminal news reader that knows which countries an article mentions and whom
//! it quotes.
//!
//! Data flows one way: [`load`] turns files into [`model::Article`]s, [`extract`] finds
//! countries, quotes and speakers in them, [`corpus`] indexes the whole set, and the
//! reader shows it. The library exposes every part for tests and benches.

pub mod app;
pub mod bytes;
pub mod corpus;
pub mod export;
pub mod extract;
pub mod hangup;
pub mod keys;
pub mod load;
pub mod model;
pub mod ordered;
pub mod pipeline;
pub mod progress;
pub mod search;
pub mod state_file;
pub mod tui;
pub mod ui;

use std::path::PathBuf;

pub use crate::load::{LoadError, Loaded};
pub use crate::model::Article;

/// Loads and annotates the articles under `paths`, or the embedded seeds when `paths`
/// is empty, on all cores, in file order.
pub fn load_corpus(paths: &[PathBuf]) -> Loaded {
    pipeline::load_all(paths)
}
