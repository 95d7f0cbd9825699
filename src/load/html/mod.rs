//! Saved web pages (`.html`, `.htm`): the article inside the page. The bytes are decoded
//! by the declared charset ([`charset`]), parsed by html5ever (through `scraper`), walked
//! into text blocks ([`blocks`]), the article's containers found by Readability-style
//! scoring ([`score`]) and its blocks sorted into title, lead, sections and captions
//! ([`article`]); metadata ([`meta`], [`title`]) gives headline, date and address.
//! A page without block markup (plain text in a wrapper) is read as plain text.

mod article;
mod blocks;
mod charset;
mod hints;
mod meta;
mod score;
mod title;

use scraper::Html;

use crate::load::{Problem, text};
use crate::model::Article;

pub use article::strip_credit;
pub use charset::declared_charset;
pub use meta::domain;
pub use title::strip_site_name;

/// Parses a web page into an article.
pub fn parse(id: &str, path: &str, bytes: &[u8]) -> Result<Article, Problem> {
    let source = charset::decode_page(bytes)?;
    let doc = Html::parse_document(&source);
    let meta = meta::read(&doc);
    let page = blocks::collect(&doc, false);
    let mut article = if page.has_block_markup {
        marked_up(id, path, &page, &meta)
    } else {
        plain(id, path, &doc, &meta)
    }
    .ok_or(Problem::NoText)?;
    if article.date.is_none() {
        article.date = meta.date.clone();
    }
    article.url = meta.url.clone();
    article.source_domain = meta.url.as_deref().and_then(domain);
    Ok(article)
}

/// A page with markup: the article's blocks by scoring, sorted into parts.
fn marked_up(id: &str, path: &str, page: &blocks::Page, meta: &meta::PageMeta) -> Option<Article> {
    let headline = meta.headline();
    let content = score::content(page);
    let mut parts = article::parts(page, &content, headline.as_deref());
    let lead = article::take_lead(&mut parts.sections, meta);
    let (title, title_inferred) = match headline {
        Some(title) => (title, false),
        None => (inferred_title(lead.as_deref(), &parts.sections)?, true),
    };
    if lead.is_none() && parts.sections.is_empty() && title_inferred {
        return None;
    }
    Some(Article {
        id: id.to_owned(),
        path: path.to_owned(),
        title,
        title_inferred,
        date: meta.date.clone().or(parts.date),
        lead,
        sections: parts.sections,
        captions: parts.captions,
        ..Article::default()
    })
}

/// The first sentence of the lead or first paragraph, for a page that names no headline.
fn inferred_title(lead: Option<&str>, sections: &[crate::model::Section]) -> Option<String> {
    let first = lead.or_else(|| sections.first()?.paragraphs.first().map(String::as_str))?;
    let end = first
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?') && first[i + 1..].starts_with(' '))
        .map_or(first.len(), |(i, _)| i + 1);
    Some(first[..end].to_owned())
}

/// A page that is plain text in a wrapper (no block markup): its lines, boilerplate
/// dropped, read as a plain-text article after the page's own headline, if any.
fn plain(id: &str, path: &str, doc: &Html, meta: &meta::PageMeta) -> Option<Article> {
    let page = blocks::collect(doc, true);
    let boilerplate = hints::boilerplate();
    let mut lines: Vec<String> = page
        .blocks
        .iter()
        .map(|b| meta::squash(&b.text))
        .filter(|line| !boilerplate.is_boilerplate(line))
        .collect();
    if let Some(headline) = meta.headline() {
        if lines.first() != Some(&headline) {
            lines.insert(0, headline);
        }
    }
    text::parse(id, path, &lines.join("\n\n"))
}
