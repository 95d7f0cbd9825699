//! From the article's blocks to the parts of an article: headings open sections, captions lose
//! their credits, boilerplate paragraphs (link lists, share bars, cookie and paywall
//! text) are dropped, a "Lesen Sie auch" ends the article, and the lead is taken from
//! the page's description or its first paragraph without repeating it.

use std::collections::HashSet;

use super::blocks::{Block, Kind, Page};
use super::date;
use super::hints;
use super::meta::{PageMeta, squash};
use super::score::same_text;
use crate::load::sentences::split_long_paragraph;
use crate::load::text;
use crate::model::Section;

/// The parts of an article found in a page's content blocks.
#[derive(Debug, Default)]
pub struct Parts {
    pub sections: Vec<Section>,
    pub captions: Vec<String>,
    /// A date line found among the blocks.
    pub date: Option<String>,
}

/// Sorts the content blocks (indices into `page.blocks`) into sections and captions.
pub fn parts(page: &Page, content: &[usize], title: Option<&str>) -> Parts {
    let boilerplate = hints::boilerplate();
    let mut parts = Parts::default();
    let mut section = Section::default();
    let mut seen: HashSet<String> = HashSet::new();
    for &index in content {
        let block = &page.blocks[index];
        let text = squash(&block.text);
        let has_paragraphs = !parts.sections.is_empty() || !section.paragraphs.is_empty();
        if has_paragraphs && boilerplate.ends_article(&text) {
            break;
        }
        if is_noise(block, &text) || !seen.insert(text.to_lowercase()) {
            continue;
        }
        let kind = match block.kind {
            Kind::Heading(level) if level > 1 && is_prose(&text) => Kind::Paragraph,
            kind => kind,
        };
        match kind {
            Kind::Heading(1) => {}
            _ if title.is_some_and(|t| same_text(t, &text)) => {}
            Kind::Heading(_) => {
                if !section.paragraphs.is_empty() || section.heading.is_some() {
                    parts.sections.push(std::mem::take(&mut section));
                }
                section.heading = Some(text);
            }
            Kind::Caption => {
                let caption = strip_credit(&text);
                if !caption.is_empty() {
                    parts.captions.push(caption);
                }
            }
            _ if has_credit(&text) => {
                let caption = strip_credit(&text);
                if !caption.is_empty() {
                    parts.captions.push(caption);
                }
            }
            _ if date::is_date_line(&text) => {
                if parts.date.is_none() {
                    parts.date = text::parse_date(&text);
                }
            }
            _ => section.paragraphs.extend(split_long_paragraph(&text)),
        }
    }
    if !section.paragraphs.is_empty() {
        parts.sections.push(section);
    }
    trim_fragments(&mut parts.sections);
    parts
}

/// Drops the short fragments that open and close an article's text but are not part of
/// it: bylines and reader counts before the first sentence ("dpa - Deutsche
/// Presse-Agentur GmbH", "(1 Leser)"), addresses, sign-offs and agency tags after the
/// last ("Bernhäuser Straße 36", "(END) Dow Jones Newswires").
fn trim_fragments(sections: &mut Vec<Section>) {
    if let Some(first) = sections.first_mut() {
        let lead_in = first
            .paragraphs
            .iter()
            .take_while(|p| is_fragment(p))
            .count();
        if lead_in < first.paragraphs.len() {
            first.paragraphs.drain(..lead_in);
        }
    }
    while sections.len() > 1
        && sections
            .last()
            .is_some_and(|s| s.paragraphs.iter().all(|p| is_fragment(p)))
    {
        sections.pop();
    }
    if let Some(last) = sections.last_mut() {
        let tail = last
            .paragraphs
            .iter()
            .rev()
            .take_while(|p| is_fragment(p))
            .count();
        if tail < last.paragraphs.len() {
            last.paragraphs.truncate(last.paragraphs.len() - tail);
        }
    }
    sections.retain(|s| !s.paragraphs.is_empty());
}

/// A few words that do not make a sentence.
pub fn is_fragment(text: &str) -> bool {
    text.split_whitespace().count() <= 8 && !text.ends_with(['.', '!', '?', '“', '"', '»', '«'])
}

/// Link lists, share bars, boilerplate phrases, text with no letters.
fn is_noise(block: &Block, text: &str) -> bool {
    let link_share = if block.chars == 0 {
        1.0
    } else {
        block.link_chars as f32 / block.chars as f32
    };
    let mostly_links = link_share > 0.5 || (block.kind == Kind::ListItem && link_share > 0.3);
    let no_words = text.chars().filter(|c| c.is_alphabetic()).count() < 2;
    let lone_word = !text.contains(' ') && !text.ends_with(['.', '!', '?']);
    let cut_off = text.ends_with("...") || text.ends_with('…');
    let teaser_link = cut_off && text.split_whitespace().count() <= 12;
    let short_in_boilerplate_box = block.in_negative && text.split_whitespace().count() < 25;
    mostly_links
        || no_words
        || lone_word
        || teaser_link
        || short_in_boilerplate_box
        || hints::boilerplate().is_boilerplate(text)
}

/// A date line among the blocks around the headline's `<h1>` (pages put it just above
/// or below, outside the article's container): for pages whose metadata gives none.
pub fn date_near_headline(page: &Page, headline: &str) -> Option<String> {
    let h1 = page
        .blocks
        .iter()
        .position(|b| b.kind == Kind::Heading(1) && same_text(&b.text, headline))?;
    let around = &page.blocks[h1.saturating_sub(6)..(h1 + 7).min(page.blocks.len())];
    around
        .iter()
        .map(|b| squash(&b.text))
        .filter(|text| date::is_date_line(text))
        .find_map(|text| text::parse_date(&text))
}

/// Text too long for a heading: pages that mark their teaser up as `<h2>`.
fn is_prose(text: &str) -> bool {
    text.split_whitespace().count() > 25
}

/// The marks that start a photo credit.
const CREDIT_MARKS: [&str; 9] = [
    "Foto:",
    "Fotos:",
    "Bild:",
    "Bildquelle:",
    "Quelle:",
    "Photo:",
    "Credit:",
    "©",
    "(c)",
];

/// A short paragraph with a photo credit in it is a caption that the page did not mark
/// up as one.
pub fn has_credit(text: &str) -> bool {
    text.split_whitespace().count() <= 40 && CREDIT_MARKS.iter().any(|m| text.contains(m))
}

/// A caption without its photo credit ("… (Foto: dpa)", "… Foto: Holger Hollemann",
/// "© Reuters").
pub fn strip_credit(caption: &str) -> String {
    let mut text = caption.trim().to_owned();
    for mark in CREDIT_MARKS {
        if let Some(at) = text.rfind(mark) {
            let head = text[..at]
                .trim_end()
                .trim_end_matches(['(', '|', '/', '-', '–']);
            text = head.trim_end().to_owned();
        }
    }
    text
}

/// Takes the lead out of the sections: the paragraph among the first three that the
/// page's description repeats, else the first paragraph when more follow.
pub fn take_lead(sections: &mut [Section], meta: &PageMeta) -> Option<String> {
    let description = meta
        .description
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty());
    let first = sections.first_mut().filter(|s| s.heading.is_none())?;
    let Some(description) = description else {
        return (first.paragraphs.len() > 1).then(|| first.paragraphs.remove(0));
    };
    let matching = first
        .paragraphs
        .iter()
        .take(3)
        .position(|p| overlaps(description, p));
    match matching {
        Some(i) => Some(first.paragraphs.remove(i)),
        None => (first.paragraphs.len() > 1).then(|| first.paragraphs.remove(0)),
    }
}

/// Whether most words of `description` (a teaser, maybe cut off) appear in `paragraph`.
fn overlaps(description: &str, paragraph: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let in_paragraph: HashSet<String> = words(paragraph).into_iter().collect();
    let wanted = words(description);
    if wanted.is_empty() {
        return false;
    }
    let found = wanted.iter().filter(|w| in_paragraph.contains(*w)).count();
    found * 10 >= wanted.len() * 7
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_come_off_captions() {
        assert_eq!(
            strip_credit("Geschäftsführer Olaf Kramm von Fanuc Deutschland (Foto: Fanuc)"),
            "Geschäftsführer Olaf Kramm von Fanuc Deutschland"
        );
        assert_eq!(strip_credit("Kiew bei Nacht. © Reuters"), "Kiew bei Nacht.");
    }
}
