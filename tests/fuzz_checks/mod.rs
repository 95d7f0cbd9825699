//! The bodies of the fuzz targets and the invariants they check besides "no panic",
//! shared by the fuzz crate (`fuzz/src/lib.rs` includes this file) and by
//! `tests/fuzz_regressions.rs`, which runs the kept inputs through the same bodies.
#![allow(dead_code)]

use std::path::Path;

use kiosk::extract::{self, countries, countries::Mention};
use kiosk::load::{self, Format};
use kiosk::model::{Article, Quote, Section, Speaker};

/// The fuzz targets, by name.
pub const TARGETS: [&str; 5] = [
    "load_text",
    "load_html",
    "load_jsonl",
    "countries",
    "quotes",
];

/// Runs the body of the fuzz target `target` on `data`.
pub fn run(target: &str, data: &[u8]) {
    match target {
        "load_text" => load_text(data),
        "load_html" => load_html(data),
        "load_jsonl" => load_jsonl(data),
        "countries" => find_countries(data),
        "quotes" => quotes(data),
        _ => panic!("no fuzz target {target}"),
    }
}

/// The plain-text loader on any bytes: as `.txt`, or as Markdown (`.md`) when the
/// first byte is odd.
pub fn load_text(data: &[u8]) {
    let name = if data.first().is_some_and(|b| b & 1 == 1) {
        "fuzz.md"
    } else {
        "fuzz.txt"
    };
    load(name, Format::Text, data);
}

/// The HTML loader on any bytes.
pub fn load_html(data: &[u8]) {
    load("fuzz.html", Format::Html, data);
}

/// The JSON loader on any bytes: as JSON lines, or as one JSON document (`.json`) when
/// the first byte is odd.
pub fn load_jsonl(data: &[u8]) {
    if data.first().is_some_and(|b| b & 1 == 1) {
        load("fuzz.json", Format::Json, data);
    } else {
        load("fuzz.jsonl", Format::JsonLines, data);
    }
}

fn load(name: &str, format: Format, data: &[u8]) {
    if let Ok(loaded) = load::load_bytes(Path::new(name), format, data) {
        for article in &loaded.articles {
            check_article(article);
        }
    }
}

/// The country matcher on any UTF-8 text.
pub fn find_countries(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        check_mentions(text, &countries::find(text));
    }
}

/// The quote extractor on an article built from the input, then the whole annotation.
pub fn quotes(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut article = article_from(text);
    let (quotes, speakers) = extract::quotes::extract(&article);
    check_quotes(&article, &quotes, &speakers);
    extract::annotate(&mut article);
    check_article(&article);
}

/// An article from text as the loaders hand one over: the first line is the title,
/// every other line a paragraph, a line starting with `#` a heading; control characters
/// become spaces and blank lines are left out, as the loaders do.
pub fn article_from(text: &str) -> Article {
    let text: String = text
        .chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect();
    let mut lines = text.lines().filter(|line| !line.trim().is_empty());
    let title = lines.next().unwrap_or_default().to_owned();
    let mut sections = vec![Section::default()];
    for line in lines {
        if let Some(heading) = line.strip_prefix('#').filter(|h| !h.trim().is_empty()) {
            sections.push(Section {
                heading: Some(heading.trim().to_owned()),
                paragraphs: Vec::new(),
            });
        } else if let Some(section) = sections.last_mut() {
            section.paragraphs.push(line.to_owned());
        }
    }
    Article {
        id: "fuzz".into(),
        path: "fuzz.txt".into(),
        title,
        sections,
        ..Article::default()
    }
}

/// Mentions are non-empty spans on char boundaries, in order, not overlapping.
pub fn check_mentions(text: &str, mentions: &[Mention]) {
    let mut previous_end = 0;
    for m in mentions {
        assert!(m.start < m.end && m.end <= text.len(), "{m:?}");
        assert!(
            text.is_char_boundary(m.start) && text.is_char_boundary(m.end),
            "{m:?}"
        );
        assert!(m.start >= previous_end, "{m:?} overlaps the mention before");
        assert!(
            m.code.as_str().bytes().all(|b| b.is_ascii_uppercase()),
            "{m:?}"
        );
        previous_end = m.end;
    }
}

/// Quotes point into existing paragraphs with char offsets inside them, and name
/// speakers the article lists.
pub fn check_quotes(article: &Article, quotes: &[Quote], speakers: &[Speaker]) {
    for q in quotes {
        let paragraph = article
            .sections
            .get(q.section)
            .and_then(|s| s.paragraphs.get(q.paragraph))
            .unwrap_or_else(|| panic!("{q:?} points at no paragraph"));
        let chars = paragraph.chars().count();
        assert!(q.start < q.end && q.end <= chars, "{q:?} in {chars} chars");
        if let Some(name) = &q.speaker {
            assert!(speakers.iter().any(|s| &s.name == name), "{q:?}");
        }
    }
}

/// A loaded article holds text as the reader shows it: no empty paragraph, no control
/// characters (the terminal would drop them), countries in the export's order, and
/// quotes that point into their paragraphs.
pub fn check_article(article: &Article) {
    let clean = |s: &str| !s.chars().any(char::is_control);
    assert!(clean(&article.title), "{:?}", article.title);
    for text in article.lead.iter().chain(&article.captions) {
        assert!(clean(text), "{text:?}");
    }
    for section in &article.sections {
        for text in section.heading.iter().chain(&section.paragraphs) {
            assert!(
                !text.trim().is_empty(),
                "an empty part in {:?}",
                article.sections
            );
            assert!(clean(text), "{text:?}");
        }
    }
    let order: Vec<(std::cmp::Reverse<u32>, &str)> = article
        .countries
        .iter()
        .map(|c| (std::cmp::Reverse(c.mentions), c.code.as_str()))
        .collect();
    assert!(order.is_sorted(), "{:?}", article.countries);
    check_quotes(article, &article.quotes, &article.speakers);
}
