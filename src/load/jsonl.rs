//! JSON-lines corpora (`.jsonl`, one object per line) and JSON files (`.json`, one object
//! or an array), with the field names news crawlers use (news-please): `title`,
//! `maintext` or `text`, `description`, `date_publish` or `date`, `url`, `source_domain`, `id`.

use std::path::Path;

use serde_json::Value;

use crate::load::{Format, LoadError, Loaded, Problem, article_id, clean, display_path, text};
use crate::model::{Article, Section};

/// Parses every record of a JSON-lines or JSON file; a bad line is reported with its
/// number and skipped.
pub fn parse(path: &Path, format: Format, content: &str) -> Loaded {
    let mut loaded = Loaded::default();
    let stem = article_id(path);
    match format {
        Format::Json => match serde_json::from_str::<Value>(content) {
            Ok(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    push_record(&mut loaded, path, &stem, i + 1, item);
                }
            }
            Ok(item) => push_record(&mut loaded, path, &stem, 1, &item),
            Err(e) => loaded
                .errors
                .push(LoadError::new(path, Problem::Json(e.to_string()))),
        },
        _ => {
            for (i, line) in content.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                match serde_json::from_str::<Value>(line) {
                    Ok(item) => push_record(&mut loaded, path, &stem, i + 1, &item),
                    Err(e) => loaded.errors.push(LoadError::at_line(
                        path,
                        i + 1,
                        Problem::Json(e.to_string()),
                    )),
                }
            }
        }
    }
    loaded
}

fn push_record(loaded: &mut Loaded, path: &Path, stem: &str, line: usize, item: &Value) {
    match record(path, stem, line, item) {
        Ok(article) => loaded.articles.push(article),
        Err(problem) => loaded.errors.push(LoadError::at_line(path, line, problem)),
    }
}

fn record(path: &Path, stem: &str, line: usize, item: &Value) -> Result<Article, Problem> {
    let Value::Object(map) = item else {
        return Err(Problem::Invalid("not a JSON object".into()));
    };
    let field = |names: &[&str]| {
        names.iter().find_map(|name| match map.get(*name) {
            Some(Value::String(s)) if !s.trim().is_empty() => Some(clean::normalize(s)),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        })
    };
    let body = field(&["maintext", "text", "body", "content"]).unwrap_or_default();
    let lead = field(&["description", "lead", "summary"]);
    let title = field(&["title", "headline"]);
    if body.trim().is_empty() && title.is_none() && lead.is_none() {
        return Err(Problem::NoText);
    }
    let id = field(&["id", "_id"]).unwrap_or_else(|| format!("{stem}#{line}"));
    let paragraphs: Vec<String> = body
        .split('\n')
        .map(|p| clean::strip_inline_html(p).trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    let (title, title_inferred) = match title {
        Some(t) => (t, false),
        None => {
            let from = lead.as_deref().or(paragraphs.first().map(String::as_str));
            (first_sentence(from.unwrap_or_default()), true)
        }
    };
    Ok(Article {
        id,
        path: display_path(path),
        title,
        title_inferred,
        date: field(&["date_publish", "date", "published", "date_modify"])
            .and_then(|d| text::parse_date(&d)),
        lead,
        sections: vec![Section {
            heading: None,
            paragraphs,
        }],
        url: field(&["url"]),
        source_domain: field(&["source_domain"]),
        ..Article::default()
    })
}

fn first_sentence(text: &str) -> String {
    match text.find(". ") {
        Some(i) => text[..=i].to_owned(),
        None => text.to_owned(),
    }
}
