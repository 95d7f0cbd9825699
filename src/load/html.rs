//! Saved web pages (`.html`, `.htm`): the article found inside the page.

use scraper::{Html, Selector};

use crate::load::{Problem, decode};
use crate::model::{Article, Section};

/// Parses a web page into an article.
pub fn parse(id: &str, path: &str, bytes: &[u8]) -> Result<Article, Problem> {
    let text = decode::decode(bytes)?;
    let doc = Html::parse_document(&text);
    let select = |css: &str| Selector::parse(css).expect("selector is valid");
    let text_of = |el: scraper::ElementRef| {
        el.text()
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let title = doc
        .select(&select("h1"))
        .chain(doc.select(&select("title")))
        .map(text_of)
        .find(|t| !t.is_empty())
        .ok_or(Problem::NoText)?;
    let paragraphs: Vec<String> = doc
        .select(&select("p"))
        .map(text_of)
        .filter(|p| p.split_whitespace().count() > 5)
        .collect();
    Ok(Article {
        id: id.to_owned(),
        path: path.to_owned(),
        title,
        sections: vec![Section {
            heading: None,
            paragraphs,
        }],
        ..Article::default()
    })
}
