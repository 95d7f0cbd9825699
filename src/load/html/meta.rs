//! What a page says about itself: headline, site name, description, publication date and
//! address, from `<meta>` tags (Open Graph, article:*, Dublin Core, itemprop),
//! `<link rel="canonical">`, `<time datetime>`, `<title>`, `<h1>` and JSON-LD.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::title;
use crate::load::{clean, text};

/// The page's own statements about the article; each `None` when the page has none.
#[derive(Debug, Default)]
pub struct PageMeta {
    /// `og:title` or `twitter:title`.
    pub og_title: Option<String>,
    /// The `<title>` element.
    pub doc_title: Option<String>,
    /// The first few `<h1>` texts.
    pub h1s: Vec<String>,
    /// `og:site_name` or `application-name`.
    pub site_name: Option<String>,
    /// `og:description`, `description` or `twitter:description`.
    pub description: Option<String>,
    /// ISO date of publication.
    pub date: Option<String>,
    /// `og:url` or the canonical link, when absolute.
    pub url: Option<String>,
}

impl PageMeta {
    /// The headline with the site name taken off (see `title::headline`).
    pub fn headline(&self) -> Option<String> {
        title::headline(self)
    }
}

/// Keys of `<meta>` tags that give the publication date, most trusted first.
const DATE_KEYS: [&str; 14] = [
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "og:published_time",
    "article.published",
    "dcterms.created",
];

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("selectors in this module are valid")
}

/// Reads the metadata of a parsed page.
pub fn read(doc: &Html) -> PageMeta {
    static META: LazyLock<Selector> = LazyLock::new(|| selector("meta[content]"));
    static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector("link[rel=canonical]"));
    static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
    static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
    static LD_JSON: LazyLock<Selector> =
        LazyLock::new(|| selector(r#"script[type="application/ld+json"]"#));
    static TIME: LazyLock<Selector> =
        LazyLock::new(|| selector("time[datetime], [itemprop=datePublished]"));

    let mut tags: Vec<(String, String)> = Vec::new();
    for el in doc.select(&META) {
        let key = ["property", "name", "itemprop"]
            .iter()
            .find_map(|attr| el.attr(attr))
            .map(str::to_ascii_lowercase);
        let content = squash(el.attr("content").unwrap_or_default());
        if let Some(key) = key.filter(|_| !content.is_empty()) {
            tags.push((key, content));
        }
    }
    let tag = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            tags.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        })
    };
    let json_ld: Vec<Value> = doc
        .select(&LD_JSON)
        .filter_map(|el| serde_json::from_str(&el.text().collect::<String>()).ok())
        .collect();
    let date = DATE_KEYS
        .iter()
        .filter_map(|key| tag(&[key]))
        .chain(
            json_ld
                .iter()
                .filter_map(|v| find_string(v, "datePublished")),
        )
        .chain(doc.select(&TIME).filter_map(time_value))
        .find_map(|value| text::parse_date(&value));
    let url = tag(&["og:url"])
        .into_iter()
        .chain(
            doc.select(&CANONICAL)
                .filter_map(|el| el.attr("href").map(squash)),
        )
        .find(|u| u.starts_with("http://") || u.starts_with("https://"));
    PageMeta {
        og_title: tag(&["og:title", "twitter:title"]),
        doc_title: doc
            .select(&TITLE)
            .next()
            .map(text_of)
            .filter(|t| !t.is_empty()),
        h1s: doc
            .select(&H1)
            .map(text_of)
            .filter(|t| !t.is_empty())
            .take(5)
            .collect(),
        site_name: tag(&["og:site_name", "application-name"]),
        description: tag(&["og:description", "description", "twitter:description"]),
        date,
        url,
    }
}

/// The date an element with `datetime` or `itemprop=datePublished` gives.
fn time_value(el: ElementRef) -> Option<String> {
    el.attr("datetime")
        .or(el.attr("content"))
        .map(str::to_owned)
        .or_else(|| Some(text_of(el)))
}

/// The first string value of `key` anywhere in a JSON-LD document (objects, arrays,
/// `@graph`), searched without recursion.
fn find_string(value: &Value, key: &str) -> Option<String> {
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(s)) = map.get(key) {
                    return Some(s.clone());
                }
                stack.extend(map.values().rev());
            }
            Value::Array(items) => stack.extend(items.iter().rev()),
            _ => {}
        }
    }
    None
}

/// An element's text, whitespace collapsed and entities left in the text decoded.
pub fn text_of(el: ElementRef) -> String {
    squash(&el.text().collect::<String>())
}

/// Whitespace collapsed to single spaces, leftover entities (`&amp;quot;` pages) decoded.
pub fn squash(text: &str) -> String {
    let decoded = clean::decode_entities(text);
    clean::normalize(&decoded)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The host of an `http(s)` address, lowercased, without `www.` and port.
pub fn domain(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (host.contains('.') && !host.is_empty()).then(|| host.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_open_graph_and_json_ld() {
        let doc = Html::parse_document(
            r#"<html><head><title>Kiew meldet Angriffe | Beispiel-Zeitung</title>
            <meta property="og:title" content="Kiew meldet Angriffe">
            <meta property="og:site_name" content="Beispiel-Zeitung">
            <meta name="description" content="Die Ukraine meldet neue Angriffe.">
            <meta property="og:url" content="https://www.beispiel.de/politik/kiew-123.html">
            <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-08-02T10:00:00+02:00"}]}</script>
            </head><body><h1>Kiew meldet Angriffe</h1></body></html>"#,
        );
        let meta = read(&doc);
        assert_eq!(meta.headline().as_deref(), Some("Kiew meldet Angriffe"));
        assert_eq!(meta.date.as_deref(), Some("2023-08-02"));
        assert_eq!(
            meta.description.as_deref(),
            Some("Die Ukraine meldet neue Angriffe.")
        );
        let url = meta.url.unwrap();
        assert_eq!(domain(&url).as_deref(), Some("beispiel.de"));
    }

    #[test]
    fn time_element_gives_the_date() {
        let doc = Html::parse_document(r#"<p><time datetime="2016-01-07">7. Januar</time></p>"#);
        assert_eq!(read(&doc).date.as_deref(), Some("2016-01-07"));
    }

    #[test]
    fn domains() {
        assert_eq!(
            domain("http://user@News.Example.org:8080/a?b").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(domain("/relative/path"), None);
    }
}
