//! JSON-lines corpora (`.jsonl`, one object per line) and JSON files (`.json`, one object
//! or an array), with the field names news crawlers use (news-please): `title`,
//! `maintext` or `text`, `description` (lead), `date_publish` or `date`, `url`,
//! `source_domain` (else the url's host), `id` (else `<file stem>#<line>`).
//! A bad line is reported with its number and skipped; the others load.

use std::path::Path;

use serde_json::{Map, Value};

use crate::load::limits::{MAX_ARTICLES_PER_FILE, MAX_RECORD_BYTES, MAX_REPORTED_PER_FILE};
use crate::load::sentences::{first_sentence, split_long_paragraph};
use crate::load::{
    Format, LoadError, Loaded, Problem, article_id, clean, display_path, html, text,
};
use crate::model::{Article, Section};

/// Parses every record of a JSON-lines or JSON file; a bad record is reported with its
/// line (or array item) and skipped, within the limits of [`crate::load::limits`].
pub fn parse(path: &Path, format: Format, content: &str) -> Loaded {
    let mut records = Records::new(path);
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    if format == Format::Json
        && content.len() > MAX_RECORD_BYTES
        && content.trim_start().starts_with('[')
    {
        records.fail(Problem::RecordTooLong {
            bytes: content.len(),
        });
        return records.finish();
    }
    if format == Format::Json && content.len() <= MAX_RECORD_BYTES {
        match serde_json::from_str::<Value>(content) {
            Ok(Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    if !records.push(Place::Item(i + 1), Ok(item)) {
                        break;
                    }
                }
                return records.finish();
            }
            Ok(item) => {
                records.push(Place::Line(1), Ok(&item));
                return records.finish();
            }
            // Several objects, one per line, in a file named `.json`: read as JSON lines.
            Err(e) if e.is_syntax() && e.to_string().contains("trailing characters") => {}
            Err(e) => {
                records.fail(json_problem(&e));
                return records.finish();
            }
        }
    }
    for (i, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parsed = if line.len() > MAX_RECORD_BYTES {
            Err(Problem::RecordTooLong { bytes: line.len() })
        } else {
            serde_json::from_str::<Value>(line).map_err(|e| json_problem(&e))
        };
        let place = Place::Line(i + 1);
        let more = match parsed {
            Ok(value) => records.push(place, Ok(&value)),
            Err(problem) => records.push(place, Err(problem)),
        };
        if !more {
            break;
        }
    }
    records.finish()
}

/// Where a record stands in its file.
#[derive(Debug, Clone, Copy)]
enum Place {
    Line(usize),
    Item(usize),
}

/// The records of one file read so far, and its bad ones.
struct Records<'a> {
    path: &'a Path,
    stem: String,
    loaded: Loaded,
    bad: usize,
}

impl<'a> Records<'a> {
    fn new(path: &'a Path) -> Self {
        Records {
            path,
            stem: article_id(path),
            loaded: Loaded::default(),
            bad: 0,
        }
    }

    /// Takes one record; false when the file's article limit is reached.
    fn push(&mut self, place: Place, item: Result<&Value, Problem>) -> bool {
        if self.loaded.articles.len() >= MAX_ARTICLES_PER_FILE {
            self.loaded
                .errors
                .push(LoadError::new(self.path, Problem::TooManyArticles));
            return false;
        }
        let n = match place {
            Place::Line(n) | Place::Item(n) => n,
        };
        let fallback_id = format!("{}#{n}", self.stem);
        match item.and_then(|item| record(self.path, &fallback_id, item)) {
            Ok(article) => self.loaded.articles.push(article),
            Err(problem) => {
                self.bad += 1;
                if self.bad <= MAX_REPORTED_PER_FILE {
                    self.loaded.errors.push(match place {
                        Place::Line(n) => LoadError::at_line(self.path, n, problem),
                        Place::Item(n) => LoadError::new(
                            self.path,
                            Problem::Invalid(format!("array item {n}: {problem}")),
                        ),
                    });
                }
            }
        }
        true
    }

    /// The whole file is bad.
    fn fail(&mut self, problem: Problem) {
        self.bad += 1;
        self.loaded.errors.push(LoadError::new(self.path, problem));
    }

    /// What was read. A file of bad records only is one error; bad records beyond
    /// those listed are counted in one more.
    fn finish(mut self) -> Loaded {
        if self.loaded.articles.is_empty() && self.bad > 1 {
            let first = self.loaded.errors.remove(0);
            let at = first.line.map_or(String::new(), |n| format!(", line {n}"));
            self.loaded.errors = vec![LoadError::new(
                self.path,
                Problem::Invalid(format!(
                    "none of its {} records could be read (the first{at}: {})",
                    self.bad, first.problem
                )),
            )];
        } else if self.bad > MAX_REPORTED_PER_FILE {
            let more = self.bad - MAX_REPORTED_PER_FILE;
            self.loaded.errors.push(LoadError::new(
                self.path,
                Problem::Invalid(format!("{more} more bad records, not listed")),
            ));
        }
        self.loaded
    }
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
    let title = line_field(map, &["title", "headline"]);
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
    let url = line_field(map, &["url", "link"]);
    let source_domain = line_field(map, &["source_domain", "domain"])
        .or_else(|| url.as_deref().and_then(html::domain));
    Ok(Article {
        id: line_field(map, &["id", "_id"]).unwrap_or_else(|| fallback_id.to_owned()),
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
                .map(|line| clean::strip_inline_html_cow(line).trim().to_owned())
                .collect();
            let cleaned = cleaned.join("\n").trim().to_owned();
            (!cleaned.is_empty()).then_some(cleaned)
        }
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

/// A field that is one line (a title, an id, an address): its lines joined by spaces.
fn line_field(map: &Map<String, Value>, names: &[&str]) -> Option<String> {
    let text = field(map, names)?;
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
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
    fn a_title_over_several_lines_is_one_line() {
        let item =
            serde_json::json!({"title": "Erdbeben\nin Taiwan", "id": "a\r\nb", "text": "T."});
        let article = record(Path::new("x.jsonl"), "x#1", &item).expect("a record");
        assert_eq!(article.title, "Erdbeben in Taiwan");
        assert_eq!(article.id, "a b");
    }

    #[test]
    fn short_paragraphs_stay_whole() {
        assert_eq!(
            paragraphs("Erster Absatz.\n\nZweiter Absatz.\nDritter."),
            ["Erster Absatz.", "Zweiter Absatz.", "Dritter."]
        );
    }
}
