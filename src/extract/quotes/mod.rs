//! Direct quotes and who said them (DESIGN.md §4): quote spans in every quotation style,
//! scare quotes told apart from speech, and each quote's speaker from the text around it.
//!
//! An article is read once, in order: [`text`] (with [`tokens`]) cuts each paragraph into tokens and
//! sentences with each quote as one token, [`shape`] and [`attribution`] decide whether
//! a quote is speech and whose (`following` for cues after the quote, `source` for "laut
//! X" and the like, `subject` and `clauses` for the subject of a speech verb,
//! `neighbours` for the sentences around), and the speaker registry resolves surnames,
//! pronouns and role nouns to the people introduced before.

pub mod attribution;
mod clauses;
mod following;
pub mod lexicon;
pub mod marks;
mod neighbours;
pub mod np;
mod people;
mod phrase;
mod reader;
pub mod shape;
mod short_words;
mod source;
mod subject;
mod sureness;
pub mod text;
mod texts;
pub mod tokens;

use crate::model::{Article, Quote, Speaker};

/// The direct quotes of an article in reading order, and its speakers.
pub fn extract(article: &Article) -> (Vec<Quote>, Vec<Speaker>) {
    // Every quote opens with a mark and only quoted people are speakers, so a body with
    // no mark has neither; most news articles are such, and reading them would cost as
    // much as all the rest.
    let quoted = article
        .paragraphs()
        .any(|(_, _, text)| marks::has_mark(text));
    if !quoted {
        return (Vec::new(), Vec::new());
    }
    reader::Reader::new(article).read()
}
