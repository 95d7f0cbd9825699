//! JSON-lines corpora (`.jsonl`, one object per line) and JSON files (`.json`, one object
//! or an array), with the field names news crawlers use (news-please): `title`,
//! `maintext` or `text`, `description` (lead), `date_publish` or `date`, `url`,
//! `source_domain` (else the url's host), `id` (else `<file stem>#<line>`).
//! A bad line is reported with its number and skipped; the others load.

use std::path::Path;

use serde_json::{Map, Value};

use crate::load::sentences::{first_sentence, split_long_paragraph};
use crate::load::{
    Format, LoadError, Loaded, Problem, article_id, clean, display_path, html, text,
};
use crate::model::{Article, Section};

/// The longest line (or `.json` file) parsed; longer ones are reported, not parsed.
pub const MAX_RECORD_BYTES: usize = 16 * 1024 * 1024;

/// Parses every record of a JSON-lines or JSON file; a bad record is reported with its
/// line (or array item) and skipped.
pub fn parse(path: &Path, format: Format, content: &str) -> Loaded {
    let mut loaded = Loaded::default();
    let stem = article_id(path);
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    if format == Format::Json
        && content.len() > MAX_RECORD_BYTES
        && content.trim_start().starts_with('[')
    {
        loaded
            .errors
            .push(LoadError::new(path, too_long(content.len())));
        return loaded;
    }
    if format == Format::Json && content.len() <= MAX_RECORD_BYTES {
        match serde_json::from_str::<Value>(content) {
            Ok(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    match record(path, &format!("{stem}#{}", i + 1), item) {
                        Ok(article) => loaded.articles.push(article),
                        Err(problem) => loaded.errors.push(LoadError::new(
                            path,
                            Problem::Invalid(format!("array item {}: {problem}", i + 1)),
                        )),
                    }
                }
                return loaded;
            }
            Ok(item) => {
                push_line(&mut loaded, path, &stem, 1, Ok(item));
                return loaded;
            }
            // Several objects, one per line, in a file named `.json`: read as JSON lines.
            Err(e) if e.is_syntax() && e.to_string().contains("trailing characters") => {}
            Err(e) => {
                loaded.errors.push(LoadError::new(path, json_problem(&e)));
                return loaded;
            }
        }
    }
    for (i, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parsed = if line.len() > MAX_RECORD_BYTES {
            Err(too_long(line.len()))
        } else {
            serde_json::from_str::<Value>(line).map_err(|e| json_problem(&e))
        };
        push_line(&mut loaded, path, &stem, i + 1, parsed);
    }
    loaded
}

fn push_line(
    loaded: &mut Loaded,
    path: &Path,
    stem: &str,
    line: usize,
    item: Result<Value, Problem>,
) {
    let article = item.and_then(|item| record(path, &format!("{stem}#{line}"), &item));
    match article {
        Ok(article) => loaded.articles.push(article),
        Err(problem) => loaded.errors.push(LoadError::at_line(path, line, problem)),
    }
}

fn too_long(bytes: usize) -> Problem {
    Problem::Invalid(format!(
        "record too long: {bytes} bytes (the limit for one JSON record is {MAX_RECORD_BYTES})"
    ))
}

/// serde_json's message without its "at line 1 column 7" (the line is ours to give).
fn json_problem(e: &serde_json::Error) -> Problem {
    let message = e.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    Problem::Json(format!("{message} (column {})", e.column()))
}

/// One record as an article; `fallback_id` when it has no `id`.
fn record(path: &Path, fallback_id: &str, item: &Value) -> Result<Article, Problem> {
    let Value::Object(map) = item else {
        return Err(Problem::Invalid("not a JSON object".into()));
    };
    let body = field(map, &["maintext", "text", "body", "content"]).unwrap_or_default();
    let title = field(map, &["title", "headline"]);
    let description = field(map, &["description", "lead", "summary"]);
    if body.is_empty() && title.is_none() && description.is_none() {
        return Err(Problem::Invalid(
            "no text: none of title, maintext, text, description".into(),
        ));
    }
    let mut paragraphs = paragraphs(&body);
    let lead = lead(description, &mut paragraphs);
    let (title, title_inferred) = match title {
        Some(t) => (t, false),
        None => {
            let from = lead.as_deref().or(paragraphs.first().map(String::as_str));
            (first_sentence(from.unwrap_or_default()).to_owned(), true)
        }
    };
    let url = field(map, &["url", "link"]);
    let source_domain =
        field(map, &["source_domain", "domain"]).or_else(|| url.as_deref().and_then(html::domain));
    Ok(Article {
        id: field(map, &["id", "_id"]).unwrap_or_else(|| fallback_id.to_owned()),
        path: display_path(path),
        title,
        title_inferred,
        date: field(map, &["date_publish", "date", "published", "date_modify"])
            .and_then(|d| text::parse_date(&d)),
        lead,
        sections: sections(paragraphs),
        url,
        source_domain,
        ..Article::default()
    })
}

/// The first of `names` that holds a non-empty string (or a number), cleaned: HTML
/// fragments stripped, entities decoded, spaces normalised.
fn field(map: &Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| match map.get(*name) {
        Some(Value::String(s)) => {
            let cleaned: Vec<String> = clean::normalize(s)
                .lines()
                .map(|line| clean::strip_inline_html(line).trim().to_owned())
                .collect();
            let cleaned = cleaned.join("\n").trim().to_owned();
            (!cleaned.is_empty()).then_some(cleaned)
        }
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

/// The description as lead. A first paragraph that repeats it, or begins with it, or
/// that it cuts off ("…"), is the lead instead and leaves the paragraphs.
fn lead(description: Option<String>, paragraphs: &mut Vec<String>) -> Option<String> {
    let description = description.map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "))?;
    let Some(first) = paragraphs.first() else {
        return Some(description);
    };
    let cut = description
        .strip_suffix("...")
        .or_else(|| description.strip_suffix('…'))
        .map(str::trim_end)
        .filter(|cut| !cut.is_empty());
    let repeated = first.starts_with(&description) || cut.is_some_and(|cut| first.starts_with(cut));
    if repeated {
        Some(paragraphs.remove(0))
    } else {
        Some(description)
    }
}

/// Paragraphs into sections: a short line that does not end like a sentence, followed by
/// a paragraph, is a heading.
fn sections(paragraphs: Vec<String>) -> Vec<Section> {
    let mut sections = Vec::new();
    let mut section = Section::default();
    let is_heading = |p: &str| {
        p.split_whitespace().count() <= 12
            && !p.ends_with(['.', ',', ':', ';', '!', '?', '“', '"', '«', '»'])
    };
    for (i, paragraph) in paragraphs.iter().enumerate() {
        let next_is_body = paragraphs.get(i + 1).is_some_and(|next| !is_heading(next));
        if is_heading(paragraph) && next_is_body {
            if !section.paragraphs.is_empty() || section.heading.is_some() {
                sections.push(std::mem::take(&mut section));
            }
            section.heading = Some(paragraph.clone());
        } else {
            section.paragraphs.push(paragraph.clone());
        }
    }
    if !section.paragraphs.is_empty() || section.heading.is_some() {
        sections.push(section);
    }
    sections
}

/// The paragraphs of a body text: blank lines or single newlines separate them, and one
/// too long to read as one (a body that lost its line breaks) is split at sentence ends.
fn paragraphs(body: &str) -> Vec<String> {
    body.split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .flat_map(split_long_paragraph)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_paragraphs_stay_whole() {
        assert_eq!(
            paragraphs("Erster Absatz.\n\nZweiter Absatz.\nDritter."),
            ["Erster Absatz.", "Zweiter Absatz.", "Dritter."]
        );
    }
}
