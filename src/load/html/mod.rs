//! Saved web pages (`.html`, `.htm`): the article inside the page. The bytes are decoded
//! by the declared charset ([`charset`]), parsed by html5ever (through `scraper`), walked
//! into text blocks ([`blocks`]), the article's containers found by Readability-style
//! scoring ([`score`]) and its blocks sorted into title, lead, sections and captions
//! ([`article`]); metadata ([`meta`], [`title`]) gives headline, date and address.
//! A page without block markup (plain text in a wrapper) is read as plain text.

mod article;
mod blocks;
mod charset;
mod date;
mod guard;
mod hints;
mod meta;
mod score;
mod tags;
mod title;

use scraper::Html;

use crate::load::limits::MAX_HTML_DEPTH;
use crate::load::{Problem, sentences, text};
use crate::model::Article;

pub use article::strip_credit;
pub use charset::declared_charset;
pub use meta::domain;
pub use title::strip_site_name;

/// Parses a web page into an article.
pub fn parse(id: &str, path: &str, bytes: &[u8]) -> Result<Article, Problem> {
    let source = charset::decode_page(bytes)?;
    let depth = guard::nesting_depth(bytes);
    if depth > MAX_HTML_DEPTH {
        return Err(Problem::TooDeep { depth });
    }
    let doc = Html::parse_document(&source);
    let meta = meta::read(&doc);
    let strict = blocks::Options {
        keep_newlines: false,
        skip_unlikely: true,
    };
    let page = blocks::collect(&doc, strict);
    let mut article = if page.has_block_markup {
        let first = marked_up(id, path, &page, &meta);
        if first.as_ref().is_some_and(|a| body_chars(a) >= ENOUGH_TEXT) {
            first
        } else {
            let relaxed = blocks::collect(
                &doc,
                blocks::Options {
                    skip_unlikely: false,
                    ..strict
                },
            );
            let second = marked_up(id, path, &relaxed, &meta);
            [first, second].into_iter().flatten().max_by_key(body_chars)
        }
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

/// Article text (lead and paragraphs) below which the finder tries again without
/// leaving out containers by their class names (Readability's threshold).
const ENOUGH_TEXT: usize = 500;

fn body_chars(article: &Article) -> usize {
    let paragraphs = article.paragraphs().map(|(_, _, p)| p.len()).sum::<usize>();
    paragraphs + article.lead.as_deref().map_or(0, str::len)
}

/// A page with markup: the article's blocks by scoring, sorted into parts.
fn marked_up(id: &str, path: &str, page: &blocks::Page, meta: &meta::PageMeta) -> Option<Article> {
    let headline = meta.headline();
    let content = score::content(page, headline.as_deref());
    let mut parts = article::parts(page, &content, headline.as_deref());
    let lead = article::take_lead(&mut parts.sections, meta);
    let date = meta.date.clone().or(parts.date).or_else(|| {
        let headline = headline.as_deref()?;
        article::date_near_headline(page, headline)
    });
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
        date,
        lead,
        sections: parts.sections,
        captions: parts.captions,
        ..Article::default()
    })
}

/// The first sentence of the lead or first paragraph, for a page that names no headline.
fn inferred_title(lead: Option<&str>, sections: &[crate::model::Section]) -> Option<String> {
    let first = lead.or_else(|| sections.first()?.paragraphs.first().map(String::as_str))?;
    Some(sentences::first_sentence(first).to_owned())
}

const SHIELD: &str = "\u{e000}";

fn unshield(article: &mut Article) {
    let restore = |s: &mut String| {
        if s.contains(SHIELD) {
            *s = s.replace(SHIELD, "&");
        }
    };
    restore(&mut article.title);
    article.lead.iter_mut().for_each(restore);
    for section in &mut article.sections {
        section.heading.iter_mut().for_each(restore);
        section.paragraphs.iter_mut().for_each(restore);
    }
}

/// A page that is plain text in a wrapper (no block markup): its lines, boilerplate
/// dropped, read as a plain-text article after the page's own headline, if any.
fn plain(id: &str, path: &str, doc: &Html, meta: &meta::PageMeta) -> Option<Article> {
    let page = blocks::collect(
        doc,
        blocks::Options {
            keep_newlines: true,
            skip_unlikely: true,
        },
    );
    let boilerplate = hints::boilerplate();
    let (captions, mut lines): (Vec<String>, Vec<String>) = page
        .blocks
        .iter()
        .map(|b| meta::squash(&b.text))
        .filter(|line| !boilerplate.is_boilerplate(line))
        .partition(|line| article::has_credit(line));
    if let Some(headline) = meta.headline()
        && lines.first() != Some(&headline)
    {
        lines.insert(0, headline);
    }
    let date_line = lines.iter().take(4).position(|l| date::is_date_line(l));
    let date = date_line.and_then(|i| text::parse_date(&lines.remove(i)));
    // Entities are decoded already (by the parser, leftovers by `meta::squash`): `&` is
    // shielded from decoding yet again in `text::parse_document`.
    let shielded = lines.join("\n\n").replace('&', SHIELD);
    let mut article = text::parse_document(id, path, &shielded)?;
    unshield(&mut article);
    article.date = article.date.or(date);
    article.captions = captions
        .iter()
        .map(|c| article::strip_credit(c))
        .filter(|c| !c.is_empty())
        .collect();
    Some(article)
}
