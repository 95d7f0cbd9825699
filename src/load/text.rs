//! Plain-text articles (`.txt`, `.md`): one article per file, from text copied off a web
//! page, written by hand, hard-wrapped, in Markdown, or squeezed onto one line. Turns the
//! lines into title, kicker, lead, dateline, date, sections, captions and sources.

use crate::load::blocks::{self, Line};
use crate::load::sentences::{self, SentenceStarts, WORDS};
use crate::load::structure::{self, Origin, Page, Zone};
use crate::load::{boilerplate, clean, dateline};
use crate::model::{Article, Section};

pub use crate::load::sentences::split_long_paragraph;

/// Parses one plain-text article copied off a web page or written by hand. `None` when
/// the text holds no words at all.
pub fn parse(id: &str, path: &str, raw: &str) -> Option<Article> {
    parse_as(id, path, raw, Origin::PageCopy)
}

/// Parses text known to be an article's body and nothing else (the text of a wrapper
/// without markup): its first line is the title, and no line is hidden for standing
/// above the title or after the last sentence, as page debris would.
pub fn parse_document(id: &str, path: &str, raw: &str) -> Option<Article> {
    parse_as(id, path, raw, Origin::Document)
}

fn parse_as(id: &str, path: &str, raw: &str, origin: Origin) -> Option<Article> {
    let text = clean::normalize(raw);
    let markdown = blocks::is_markdown(path, &text);
    let mut lines = blocks::lines(&text, markdown);
    if !lines
        .iter()
        .any(|l| l.text.chars().any(char::is_alphanumeric))
    {
        return None;
    }
    let early_dateline = split_one_line_article(&mut lines);
    let page = structure::classify(lines, origin);
    let mut article = assemble(page);
    article.id = id.to_owned();
    article.path = path.to_owned();
    if article.dateline.is_none() {
        article.dateline = early_dateline;
    }
    Some(article)
}

/// A whole article on one long line (title, teaser and body joined by ". "): splits it
/// into a teaser line and a body line at the dateline ("… Wien – …") or after the first
/// sentence. Returns the dateline it took off.
fn split_one_line_article(lines: &mut Vec<Line>) -> Option<String> {
    if lines.len() != 1 || structure::chars_at_most(&lines[0].text, MAX_ONE_LINE_TEASER) {
        return None;
    }
    let text = std::mem::take(&mut lines[0].text);
    // (the text's sentence starts, looked for once)
    let starts = SentenceStarts::new(&text);
    let (teaser, dateline, body) =
        if let Some((teaser, place, body)) = dateline::split_after_teaser(&text, starts.clone()) {
            (teaser, Some(place), body)
        } else if let Some((place, body)) = dateline::split_dateline(&text) {
            let teaser = sentences::first_sentence(body);
            (teaser, Some(place), &body[teaser.len()..])
        } else {
            let teaser = starts.first_sentence();
            (teaser, None, &text[teaser.len()..])
        };
    let teaser = teaser.trim();
    // The joining ". " after a teaser that already ended ("Woran aber dann?.").
    let teaser = teaser
        .strip_suffix('.')
        .filter(|t| t.ends_with(['?', '!', '.', ':']))
        .unwrap_or(teaser);
    let body = body.trim();
    *lines = vec![Line {
        text: teaser.to_owned(),
        teaser: true,
        after_blank: true,
        ..Line::default()
    }];
    if !body.is_empty() {
        lines.push(Line {
            text: body.to_owned(),
            after_blank: true,
            ..Line::default()
        });
    }
    dateline
}

/// A one-line article shorter than this is read as a single paragraph.
const MAX_ONE_LINE_TEASER: usize = 600;

/// Builds the article from the classified lines.
fn assemble(page: Page) -> Article {
    let mut article = Article {
        title: page.title.unwrap_or_default(),
        title_inferred: page.title_inferred,
        kicker: page.kicker,
        date: page.date,
        captions: page.captions,
        sources: page.sources,
        ..Article::default()
    };
    if let Some(i) = page.lead {
        let lead = page.lines[i].text.as_str();
        let (place, rest) = take_dateline(lead);
        article.dateline = place;
        article.lead = Some(rest.to_owned());
    }
    let mut section = Section::default();
    // (the lines' texts are moved into the article, not copied)
    for (line, zone) in page.lines.into_iter().zip(page.zones) {
        match zone {
            Zone::Heading => {
                if section.heading.is_some() || !section.paragraphs.is_empty() {
                    article.sections.push(std::mem::take(&mut section));
                }
                section.heading = Some(line.text);
            }
            Zone::Body => {
                let first_text = article.lead.is_none() && article.dateline.is_none();
                if first_text && article.sections.is_empty() && section.paragraphs.is_empty() {
                    let (place, rest) = take_dateline(&line.text);
                    article.dateline = place;
                    section.paragraphs.extend(split_long_paragraph(rest));
                } else {
                    push_paragraphs(&mut section.paragraphs, line.text);
                }
            }
            _ => {}
        }
    }
    if section.heading.is_some() || !section.paragraphs.is_empty() {
        article.sections.push(section);
    }
    take_tail_credit(&mut article);
    if article.title.is_empty() {
        article.title = fallback_title(&article);
        article.title_inferred = true;
    }
    article
}

/// Adds a body line as [`split_long_paragraph`] cuts it: a short one that needs no
/// trimming is moved in as it is.
fn push_paragraphs(paragraphs: &mut Vec<String>, text: String) {
    if text.len() <= sentences::SPLIT_ABOVE_CHARS && text.trim().len() == text.len() {
        paragraphs.push(text);
    } else {
        paragraphs.extend(split_long_paragraph(&text));
    }
}

/// Splits a dateline off the start of a paragraph.
fn take_dateline(text: &str) -> (Option<String>, &str) {
    match dateline::split_dateline(text) {
        Some((place, rest)) => (Some(place), rest),
        None => (None, text),
    }
}

/// Moves an agency tag at the end of the last paragraph out of the text; its date is
/// the article's when no other was found.
fn take_tail_credit(article: &mut Article) {
    let Some(last) = article
        .sections
        .last_mut()
        .and_then(|s| s.paragraphs.last_mut())
    else {
        return;
    };
    if let Some((text, tag)) = boilerplate::split_tail_credit(last) {
        if article.date.is_none() {
            article.date = parse_date(&tag);
        }
        if text.is_empty() {
            if let Some(section) = article.sections.last_mut() {
                section.paragraphs.pop();
            }
        } else {
            *last = text;
        }
    }
}

/// A title for an article whose lines were all headings or boilerplate.
fn fallback_title(article: &Article) -> String {
    let text = article
        .lead
        .as_deref()
        .or_else(|| article.paragraphs().map(|(_, _, p)| p).next())
        .or_else(|| article.sections.iter().find_map(|s| s.heading.as_deref()))
        .or_else(|| article.captions.first().map(String::as_str))
        .unwrap_or("");
    sentences::first_sentence(text).to_owned()
}

/// The date a short line states: ISO (`2005-08-05`), German (`02.08.2023`, `2. 8. 2023`,
/// "Aktualisiert am 02.08.2023"), or with a month name ("5. August 2023", "August 5, 2023").
pub fn parse_date(line: &str) -> Option<String> {
    let line = line.trim();
    if !structure::chars_at_most(line, 80) {
        return None;
    }
    let tokens = date_tokens(line);
    (0..tokens.len()).find_map(|i| date_at(&tokens[i..]))
}

/// Numbers and words of a line (a run of digits and a run of letters are separate
/// tokens), each with the first mark after it other than a space (`' '` when none).
fn date_tokens(line: &str) -> Vec<(&str, char)> {
    let mut tokens: Vec<(&str, char)> = Vec::new();
    // the token being read: where it starts, and whether its last char is a digit
    let mut current: Option<(usize, bool)> = None;
    let mut sep_open = false;
    for (at, c) in line.char_indices() {
        if c.is_alphanumeric() {
            let digit = c.is_ascii_digit();
            match current {
                Some((start, was_digit)) if was_digit != digit => {
                    tokens.push((&line[start..at], ' '));
                    sep_open = false;
                    current = Some((at, digit));
                }
                Some((start, _)) => current = Some((start, digit)),
                None => current = Some((at, digit)),
            }
            continue;
        }
        if let Some((start, _)) = current.take() {
            tokens.push((&line[start..at], ' '));
            sep_open = true;
        }
        if c != ' ' && sep_open {
            if let Some(last) = tokens.last_mut() {
                last.1 = c;
            }
            sep_open = false;
        }
    }
    if let Some((start, _)) = current {
        tokens.push((&line[start..], ' '));
    }
    tokens
}

/// The longest word looked up as a month, in bytes. Lower-casing makes no char more than
/// three times shorter (`K`, the Kelvin sign, becomes `k`), so no longer word lower-cases
/// to a month name of a third of this or less (a test checks that every name is).
const MONTH_BYTES: usize = 64;

/// A date at the start of `tokens`: y-m-d, d.m.y, "d. Month y", "Month d, y".
fn date_at(tokens: &[(&str, char)]) -> Option<String> {
    let num = |i: usize| -> Option<u32> {
        let (t, _) = tokens.get(i)?;
        (t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let month = |i: usize| -> Option<u32> {
        let (t, _) = tokens.get(i)?;
        // (lower-cased on the stack: most tokens are asked, and most are no month)
        if t.len() > MONTH_BYTES || t.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        // (no char lower-cases to more than three halves of its bytes)
        let mut buf = [0u8; 2 * MONTH_BYTES];
        let mut n = 0;
        for lower in t.chars().flat_map(char::to_lowercase) {
            n += lower.encode_utf8(buf.get_mut(n..n + 4)?).len();
        }
        let lower = std::str::from_utf8(&buf[..n]).ok()?;
        WORDS.months.get(lower).copied()
    };
    let sep = |i: usize| tokens.get(i).map_or(' ', |t| t.1);
    let year_len = |i: usize| tokens.get(i).map_or(0, |t| t.0.len());
    if year_len(0) == 4 && sep(0) == '-' && sep(1) == '-' {
        return valid_date(num(0)?, num(1)?, num(2)?);
    }
    if year_len(0) <= 2 && sep(0) == '.' {
        if let (Some(m), true) = (num(1), year_len(2) == 4 && sep(1) == '.') {
            return valid_date(num(2)?, m, num(0)?);
        }
        // "10.11.15": a two-digit year is of this century.
        if let (Some(m), true) = (
            num(1),
            year_len(2) == 2 && sep(1) == '.' && year_len(1) <= 2,
        ) {
            return valid_date(2000 + num(2)?, m, num(0)?);
        }
        if let (Some(m), true) = (month(1), year_len(2) == 4) {
            return valid_date(num(2)?, m, num(0)?);
        }
    }
    if let (Some(d), Some(m), 4) = (num(0), month(1), year_len(2)) {
        return valid_date(num(2)?, m, d);
    }
    if let (Some(m), Some(d), 4) = (month(0), num(1), year_len(2)) {
        return valid_date(num(2)?, m, d);
    }
    None
}

fn valid_date(year: u32, month: u32, day: u32) -> Option<String> {
    ((1900..2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_month_name_is_short_enough_to_be_looked_up() {
        assert!(
            WORDS
                .months
                .keys()
                .all(|name| 3 * name.len() <= MONTH_BYTES)
        );
        let long = format!("{}2 Januar 2020", "\u{212a}".repeat(30));
        assert_eq!(parse_date(&long).as_deref(), Some("2020-01-02"));
        assert_eq!(parse_date("2. JANUAR 2020").as_deref(), Some("2020-01-02"));
    }

    #[test]
    fn dates_in_many_styles() {
        let cases = [
            ("2005-08-05", Some("2005-08-05")),
            (
                "Aktualisiert am 02.08.2023Lesedauer: 6 Min.",
                Some("2023-08-02"),
            ),
            ("(red, 16. 5. 2016)", Some("2016-05-16")),
            ("Montag, 5. August 2023, 14:30 Uhr", Some("2023-08-05")),
            ("Published August 5, 2023", Some("2023-08-05")),
            (
                "Aktualisiert am 10.11.15, um 14:27 von A. B.",
                Some("2015-11-10"),
            ),
            ("Im Jahr 2023 sagte er", None),
            ("Er kam am 31.02 an", None),
        ];
        for (line, want) in cases {
            assert_eq!(parse_date(line).as_deref(), want, "{line}");
        }
    }

    #[test]
    fn a_document_keeps_its_first_line_as_title_and_every_line() {
        let text = [
            "Ersatzzug auf der RB48 (Aktueller Betrieb)",
            "kimba2k",
            ", Wuppertal, Montag, 14. Dezember 2015, 18:28 @ moonglum",
            "Und seit gestern teils grausige Verspätungen beim RE7...",
            "Das wäre ein Wunder.",
            "RE7 heute",
        ]
        .join("\n\n");
        let text = text.as_str();
        let words = |a: &Article| {
            let mut all = vec![a.title.clone(), a.lead.clone().unwrap_or_default()];
            for s in &a.sections {
                all.extend(s.heading.clone());
                all.extend(s.paragraphs.iter().cloned());
            }
            all.join(" ")
        };
        let copy = parse("x", "x.txt", text).unwrap();
        assert_ne!(copy.title, "Ersatzzug auf der RB48 (Aktueller Betrieb)");
        let doc = parse_document("x", "x.txt", text).unwrap();
        assert_eq!(doc.title, "Ersatzzug auf der RB48 (Aktueller Betrieb)");
        assert!(!doc.title_inferred);
        for kept in ["kimba2k", "moonglum", "grausige", "Wunder", "RE7 heute"] {
            assert!(words(&doc).contains(kept), "{kept}: {doc:?}");
        }
    }

    #[test]
    fn a_document_without_a_headline_sized_first_line_infers_its_title() {
        let long = "Der erste Satz ist lang. ".repeat(12);
        let doc = parse_document("x", "x.txt", &format!("{long}\n\nNoch ein Absatz.\n")).unwrap();
        assert_eq!(doc.title, "Der erste Satz ist lang.");
        assert!(doc.title_inferred);
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
        assert!(!a.title_inferred);
        assert_eq!(a.date.as_deref(), Some("2005-08-05"));
        assert_eq!(a.sections.len(), 1);
    }
}
