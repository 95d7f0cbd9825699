//! What kiosk understands in an article: the countries it mentions and the people it
//! quotes. Reads a parsed [`Article`], fills its `countries`, `quotes` and `speakers`.

pub mod countries;
pub mod quotes;
pub mod speakers;
mod trie;

use crate::model::Article;

/// Fills the entity fields of a freshly loaded article.
pub fn annotate(article: &mut Article) {
    article.countries = countries::count(article);
    let (quotes, speakers) = quotes::extract(article);
    article.quotes = quotes;
    article.speakers = speakers;
}
