//! Direct quotes and who said them.

use crate::model::{Article, Quote, Speaker};

/// The direct quotes of an article in reading order, and its speakers.
pub fn extract(_article: &Article) -> (Vec<Quote>, Vec<Speaker>) {
    (Vec::new(), Vec::new())
}
