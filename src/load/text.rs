//! Plain-text articles (`.txt`, `.md`): title, lead, date, sections and paragraphs from
//! text copied off a web page or written by hand.

use crate::load::clean;
use crate::model::{Article, Section};

/// Parses one plain-text article. `None` when the text holds no words at all.
pub fn parse(id: &str, path: &str, raw: &str) -> Option<Article> {
    let text = clean::normalize(raw);
    let lines: Vec<String> = text
        .lines()
        .map(|line| clean::strip_inline_html(line).trim().to_owned())
        .filter(|line| !line.is_empty())
        .collect();
    let mut blocks = lines.into_iter();
    let title = blocks.next()?;
    let mut article = Article {
        id: id.to_owned(),
        path: path.to_owned(),
        title,
        ..Article::default()
    };
    let mut body: Vec<String> = Vec::new();
    for block in blocks {
        match parse_date(&block) {
            Some(date) if article.date.is_none() => article.date = Some(date),
            _ => body.push(block),
        }
    }
    let has_lead = body.len() > 1 && body[0].len() < 600 && !looks_like_heading(&body[0]);
    if has_lead {
        article.lead = Some(body.remove(0));
    }
    let mut section = Section::default();
    for (i, block) in body.iter().enumerate() {
        let next_is_body = body
            .get(i + 1)
            .is_some_and(|next| !looks_like_heading(next));
        if looks_like_heading(block) && next_is_body {
            if !section.paragraphs.is_empty() || section.heading.is_some() {
                article.sections.push(std::mem::take(&mut section));
            }
            section.heading = Some(block.clone());
        } else {
            section.paragraphs.push(block.clone());
        }
    }
    if !section.paragraphs.is_empty() || section.heading.is_some() {
        article.sections.push(section);
    }
    Some(article)
}

/// A heading is a short line that does not end like a sentence.
fn looks_like_heading(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words <= 12 && !line.ends_with(['.', ',', ':', ';', '“', '"', '«', '»'])
}

/// An ISO date line (`2005-08-05`) or a German date (`02.08.2023`, "Aktualisiert am 02.08.2023").
pub fn parse_date(line: &str) -> Option<String> {
    let line = line.trim();
    if line.len() > 60 {
        return None;
    }
    for (i, _) in line.char_indices() {
        let rest = &line[i..];
        if let Some(date) = iso_date(rest).or_else(|| german_date(rest)) {
            return Some(date);
        }
    }
    None
}

fn iso_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (s.get(0..4)?, s.get(5..7)?, s.get(8..10)?);
    valid_date(y, m, d)
}

fn german_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 10 || b[2] != b'.' || b[5] != b'.' {
        return None;
    }
    let (d, m, y) = (s.get(0..2)?, s.get(3..5)?, s.get(6..10)?);
    valid_date(y, m, d)
}

fn valid_date(y: &str, m: &str, d: &str) -> Option<String> {
    let all_digits = |s: &str| s.bytes().all(|c| c.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) {
        return None;
    }
    let (yn, mn, dn): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1900..2100).contains(&yn) && (1..=12).contains(&mn) && (1..=31).contains(&dn))
        .then(|| format!("{y}-{m}-{d}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_both_styles() {
        assert_eq!(parse_date("2005-08-05").as_deref(), Some("2005-08-05"));
        assert_eq!(
            parse_date("Aktualisiert am 02.08.2023Lesedauer: 6 Min.").as_deref(),
            Some("2023-08-02")
        );
        assert_eq!(parse_date("Im Jahr 2023 sagte er"), None);
    }

    #[test]
    fn wikinews_layout() {
        let a = parse(
            "x",
            "x.txt",
            "Titel hier\n\n2005-08-05\n\nErster Satz. Zweiter Satz.\n",
        )
        .unwrap();
        assert_eq!(a.title, "Titel hier");
        assert_eq!(a.date.as_deref(), Some("2005-08-05"));
        assert_eq!(a.sections.len(), 1);
    }
}
