//! Roles that phrase patterns and markup decide, before any structure is read: photo
//! captions (with their credits, each caption once), source lists, date and byline lines,
//! credit lines, "Mehr zum Thema" link blocks and boilerplate.

use std::collections::{HashMap, HashSet};

use crate::load::blocks::Line;
use crate::load::squash::squash;
use crate::load::structure::{Facts, Page, Zone, words_up_to};
use crate::load::{boilerplate, sentences, text::parse_date};

/// Pattern-based roles: sources lists, boilerplate, date lines, credits and captions.
pub(crate) fn mark_known_lines(page: &mut Page) {
    let mut captions = Captions::default();
    let mut i = 0;
    while i < page.lines.len() {
        if page.lines[i].teaser {
            i += 1; // the opening sentences of a one-line article are text
            continue;
        }
        // Every pattern here is about short lines: a rule whose word limit the line
        // passes is not asked at all (each checks its limit again itself).
        let n = page.facts[i].words;
        if n <= 40
            && let Some(inline) = boilerplate::sources_header(&page.lines[i].text, n)
        {
            i = mark_sources(page, i, &inline);
            continue;
        }
        if n <= 8 && boilerplate::opens_link_block(&page.lines[i].text, n) {
            i = hide_link_block(page, i);
            continue;
        }
        let text = &page.lines[i].text;
        page.zones[i] = if captions.repeats(text, n) {
            Zone::Hidden
        } else if let Some((caption, credit)) = caption_of(&page.lines[i], n) {
            if caption.is_empty() && is_caption_above(page, i) {
                // "Bild: PR" under its caption line.
                let above = page.lines[i - 1].text.clone();
                page.zones[i - 1] = captions.add(above, credit);
                Zone::Hidden
            } else {
                captions.add(caption, credit)
            }
        } else if n <= 40 && boilerplate::is_boilerplate(text, n) {
            Zone::Hidden
        } else if (n <= 15 && boilerplate::is_meta(text, n)) || is_date_line(text, n) {
            if page.date.is_none() {
                page.date = parse_date(text);
            }
            Zone::Meta
        } else if n <= 40 && boilerplate::is_credit_line(text, n) {
            Zone::Credit
        } else {
            Zone::Open
        };
        i += 1;
    }
    page.captions = captions.shown();
    mark_bylines_under_dates(page);
}

/// The most words a caption that repeats an earlier one may have.
const MANY_WORDS: usize = 80;

/// A bare name right under a date line ("15. Mär / 10:00" then "Michael Sosinka") is
/// the byline.
fn mark_bylines_under_dates(page: &mut Page) {
    for i in 1..page.lines.len() {
        let line = &page.lines[i];
        let is_name = (2..=4).contains(&page.facts[i].words)
            && line.text.split_whitespace().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || "-.'".contains(c))
            });
        if is_name
            && !line.after_blank
            && page.zones[i - 1] == Zone::Meta
            && page.zones[i] == Zone::Open
        {
            page.zones[i] = Zone::Meta;
        }
    }
}

/// Whether the line above a credit-only line is its caption: an undecided short line of
/// the same block.
fn is_caption_above(page: &Page, i: usize) -> bool {
    i > 0
        && !page.lines[i].after_blank
        && page.zones[i - 1] == Zone::Open
        && (1..=40).contains(&page.facts[i - 1].words)
}

/// The captions found so far, each once: a page often shows a caption twice (once with
/// viewer text, once with its credit, or once with raw HTML).
#[derive(Default)]
struct Captions {
    items: Vec<(String, String)>,
    /// The item of each squashed caption text (so a repeat is found by lookup, not by
    /// squashing every caption again).
    index: HashMap<String, usize>,
    /// Squashed caption texts, alone and with their credit glued on.
    seen: HashSet<String>,
}

impl Captions {
    /// Whether `line`, of `n` words (counted up to [`Facts::WORD_CAP`]), repeats a
    /// caption of at most [`MANY_WORDS`] words.
    fn repeats(&self, line: &str, n: usize) -> bool {
        let short = || n < Facts::WORD_CAP || words_up_to(line, MANY_WORDS + 1) <= MANY_WORDS;
        !self.seen.is_empty() && short() && self.seen.contains(&squash(line))
    }

    /// Adds a caption; a repeat only lends its credit to the first copy.
    fn add(&mut self, text: String, credit: String) -> Zone {
        let key = squash(&text);
        self.seen.insert(squash(&format!("{text}{credit}")));
        if let Some(item) = self.index.get(&key).and_then(|&i| self.items.get_mut(i)) {
            if item.1.is_empty() {
                item.1 = credit;
            }
            return Zone::Hidden;
        }
        if key.is_empty() {
            return Zone::Hidden; // a credit with no caption text
        }
        self.seen.insert(key.clone());
        self.index.insert(key, self.items.len());
        self.items.push((text, credit));
        Zone::Caption
    }

    fn shown(self) -> Vec<String> {
        self.items
            .into_iter()
            .map(|(text, credit)| with_credit(text, &credit))
            .collect()
    }
}

/// A caption as shown: its text, then its credit in brackets ("… (Foto: AP)"), so the
/// credit never sits inside the text as it did on the page.
fn with_credit(text: String, credit: &str) -> String {
    let credit = credit.trim();
    if credit.is_empty() {
        text
    } else if credit.starts_with('(') {
        format!("{text} {credit}")
    } else {
        format!("{text} ({credit})")
    }
}

/// The caption text and credit of a photo-caption line of `words` words (as counted
/// up to 61), when it is one.
fn caption_of(line: &Line, words: usize) -> Option<(String, String)> {
    if line.image {
        return Some((line.text.clone(), String::new()));
    }
    if let Some(credit) = &line.credit {
        return Some((line.text.clone(), credit.clone()));
    }
    if words > 60 {
        return None; // no caption viewer text nor credit is looked for in longer lines
    }
    if let Some(rest) = boilerplate::strip_caption_ui(&line.text, words) {
        let credit = boilerplate::split_credit(&rest, words_up_to(&rest, 61));
        return Some(credit.unwrap_or((rest, String::new())));
    }
    boilerplate::split_credit(&line.text, words)
}

/// A line that is only a date, perhaps with a weekday and a time ("Montag, 5. August
/// 2023, 14:30 Uhr"), only digits and date marks ("0001-01-01"), or a short time stamp
/// with a site or agency name. (`n`: its words, counted up to [`Facts::WORD_CAP`].)
fn is_date_line(text: &str, n: usize) -> bool {
    if text.len() > 200 {
        return false;
    }
    let only_marks = text.chars().any(|c| c.is_ascii_digit())
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || " .-/:".contains(c));
    // (asked only of short lines, and only up to the first other word)
    let only_date_words = || {
        text.split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .all(|w| {
                sentences::WORDS.date_words.contains(w.as_str())
                    || sentences::WORDS.months.contains_key(w.as_str())
            })
    };
    let dated = || parse_date(text).is_some();
    // "Epoch Times, Sonntag, 8. November 2015 12:19", "14.03.2016, 17:56 Uhr | dpa".
    let stamped = || {
        (has_time(text) && n <= 8)
            || (n <= 12
                && (text.contains('|') || text.starts_with(|c: char| c.is_ascii_digit()))
                && dated())
    };
    only_marks || (n <= 8 && only_date_words() && dated()) || stamped()
}

/// Holds a clock time ("12:19", "10.00 Uhr").
fn has_time(text: &str) -> bool {
    let b = text.as_bytes();
    let clock = (1..b.len().saturating_sub(2)).any(|i| {
        b[i] == b':'
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
    });
    clock
        || text
            .split_whitespace()
            .any(|w| w == "Uhr" || w == "Uhr," || w == "h")
}

/// Marks a sources header at `i` and the list under it; returns the next line to read.
fn mark_sources(page: &mut Page, i: usize, inline: &str) -> usize {
    page.zones[i] = Zone::SourcesHeader;
    page.sources.extend(
        inline
            .split([';', ','])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
    );
    let bulleted = |t: &str| t.starts_with(['•', '-', '*', '–', '·', '▪', '►']);
    let mut j = i + 1;
    while j < page.lines.len() {
        let line = &page.lines[j];
        let in_list = if bulleted(&line.text) {
            true
        } else {
            !line.after_blank && inline.is_empty() && !page.facts[j].prose && j > i
        };
        if !in_list || boilerplate::is_boilerplate(&line.text, page.facts[j].words) {
            break;
        }
        let item = line
            .text
            .trim_start_matches(['•', '-', '*', '–', '·', '▪', '►', ' ']);
        page.sources.push(item.to_owned());
        page.zones[j] = Zone::Source;
        j += 1;
    }
    j
}

/// Hides a "Mehr zum Thema" line and the short link lines right under it.
fn hide_link_block(page: &mut Page, i: usize) -> usize {
    page.zones[i] = Zone::Hidden;
    let mut j = i + 1;
    while j < page.lines.len() && !page.lines[j].after_blank && !page.facts[j].prose {
        page.zones[j] = Zone::Hidden;
        j += 1;
    }
    j
}
