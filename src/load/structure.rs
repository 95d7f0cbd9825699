//! What each line of an article is: title, kicker, lead, heading, body, photo caption,
//! source, date line, credit, or boilerplate to hide. Phrase patterns come from
//! [`boilerplate`]; the structural rules are here: the headline is the last title-like
//! line before the article starts (lines above it are page header debris), text after the
//! last sentence is footer debris, a repeated line is a duplicate, and a heading is a short
//! line between paragraphs.

use crate::bytes::{BLOCK, block_at, block_bits};
use crate::load::blocks::Line;
use crate::load::squash::{Seen, squash};
use crate::load::{marks, sentences};

/// A lead is at most this many chars; a longer first paragraph is body text.
const MAX_LEAD_CHARS: usize = 600;

/// The role of one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// Not decided yet; what is left at the end is body text.
    Open,
    Hidden,
    Title,
    Kicker,
    Lead,
    Heading,
    Body,
    Caption,
    Meta,
    SourcesHeader,
    Source,
    Credit,
}

/// An article's lines with their roles and what was read off them.
#[derive(Debug, Default)]
pub struct Page {
    pub lines: Vec<Line>,
    pub zones: Vec<Zone>,
    /// Per line, read once (the rules ask about most lines several times).
    pub facts: Vec<Facts>,
    pub title: Option<String>,
    pub title_inferred: bool,
    pub kicker: Option<String>,
    /// The line the lead is (which may also be the line an inferred title came from).
    pub lead: Option<usize>,
    pub captions: Vec<String>,
    pub sources: Vec<String>,
    pub date: Option<String>,
}

/// What the rules ask about a line's text, read once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Facts {
    /// Its words, counted up to [`Facts::WORD_CAP`]: the one rule that asks about more
    /// (a repeated caption) counts again.
    pub words: usize,
    /// Reads like running text: a sentence of eight words or more, or a long line.
    pub prose: bool,
    /// [`is_title_like`].
    pub title_like: bool,
}

impl Facts {
    pub const WORD_CAP: usize = 61;

    fn of(text: &str) -> Facts {
        let words = words_up_to(text, Facts::WORD_CAP);
        Facts {
            words,
            prose: prose_with(text, words.min(25)),
            title_like: title_like_with(text, words.min(26)),
        }
    }
}

/// Where a text comes from, which decides how much of it may be page debris.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Text copied off a web page: lines above the headline are the page header and
    /// short lines after the last sentence the footer; both are hidden.
    PageCopy,
    /// A document body known to hold only the article (the text of a wrapper without
    /// markup): its first line is the title and nothing is hidden for where it stands.
    Document,
}

/// Decides the role of every line.
pub fn classify(lines: Vec<Line>, origin: Origin) -> Page {
    let zones = vec![Zone::Open; lines.len()];
    let facts = lines.iter().map(|line| Facts::of(&line.text)).collect();
    let mut page = Page {
        lines,
        zones,
        facts,
        ..Page::default()
    };
    marks::mark_known_lines(&mut page);
    let after_title = match origin {
        Origin::PageCopy => {
            let after_title = find_title(&mut page);
            hide_footer(&mut page);
            after_title
        }
        Origin::Document => first_line_title(&mut page),
    };
    find_lead(&mut page, after_title);
    mark_headings(&mut page, after_title);
    hide_duplicates(&mut page);
    for zone in &mut page.zones {
        if *zone == Zone::Open {
            *zone = Zone::Body;
        }
    }
    page
}

/// Ends like a sentence: `.`, `!`, `?` or `…`, closing quotes and brackets aside.
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['“', '”', '"', '«', '»', '’', '\'', ')', ' '])
        .ends_with(['.', '!', '?', '…'])
}

/// `text.chars().count() <= n`, told without counting when the byte length settles it
/// (a char is one to four bytes).
pub(crate) fn chars_at_most(text: &str, n: usize) -> bool {
    let bytes = text.len();
    bytes <= n || (bytes / 4 <= n && text.chars().count() <= n)
}

pub(crate) fn words(text: &str) -> usize {
    words_up_to(text, usize::MAX)
}

/// The number of words, counted no further than `cap` (long lines need not be read):
/// `text.split_whitespace().take(cap).count()`, read bytewise. Only chars whose first
/// byte is 0xC2, 0xE1, 0xE2 or 0xE3 are decoded: every white space beyond ASCII starts
/// with one of them (U+85, U+A0, U+1680, U+2000…U+205F, U+3000).
pub(crate) fn words_up_to(text: &str, cap: usize) -> usize {
    let bytes = text.as_bytes();
    let (mut n, mut in_word, mut i) = (0, false, 0);
    // Blocks of bytes are counted with bit masks, a few instructions a byte against about
    // ten in the byte loop below.
    while let Some(block) = block_at(bytes, i) {
        let (mut spaces, mut wide) = space_bits(block);
        let mut end = i + BLOCK;
        // A byte that may start a wide space starts a char (none is a continuation
        // byte): the chars that are spaces add their bytes to `spaces`; one that runs on
        // past the block is skipped whole.
        while wide != 0 {
            let at = i + wide.trailing_zeros() as usize;
            wide &= wide - 1;
            let space = text.get(at..).and_then(|rest| rest.chars().next());
            if let Some(len) = space.filter(|c| c.is_whitespace()).map(char::len_utf8) {
                spaces |= ((1 << len) - 1) << (at - i);
                end = end.max(at + len);
            }
        }
        let words = !spaces & BLOCK_BITS;
        let starts = words & !(words << 1 | u32::from(in_word));
        n += starts.count_ones() as usize;
        if n >= cap {
            return cap;
        }
        in_word = words >> (BLOCK - 1) & 1 == 1;
        i = end;
    }
    while let Some(&b) = bytes.get(i) {
        let space = match SPACE_BYTES[usize::from(b)] {
            NOT_SPACE => false,
            SPACE => true,
            _ => {
                // `i` is at the first byte of a char: no continuation byte is one of
                // these.
                match text.get(i..).and_then(|rest| rest.chars().next()) {
                    Some(c) => {
                        i += c.len_utf8() - 1;
                        c.is_whitespace()
                    }
                    None => false,
                }
            }
        };
        let starts = !space && !in_word;
        if starts && n == cap {
            return n;
        }
        n += usize::from(starts);
        in_word = !space;
        i += 1;
    }
    n
}

/// The bits of one block of bytes.
const BLOCK_BITS: u32 = (1 << BLOCK) - 1;

/// One bit per byte of `block` that is an ASCII white space, and one per byte that
/// may start a wider one (0xC2, 0xE1, 0xE2, 0xE3).
fn space_bits(block: &[u8; BLOCK]) -> (u32, u32) {
    let spaces = block_bits(block, |b| {
        (b == b' ') | (b.wrapping_sub(b'\t') <= b'\r' - b'\t')
    });
    let wide = block_bits(block, |b| (b == 0xC2) | (b.wrapping_sub(0xE1) <= 2));
    (spaces, wide)
}

const NOT_SPACE: u8 = 0;
const SPACE: u8 = 1;
const MAY_BE_SPACE: u8 = 2;

/// Per byte: an ASCII white space, a byte that starts no white space, or the first
/// byte of a char that may be one (0xC2, 0xE1, 0xE2, 0xE3).
const SPACE_BYTES: [u8; 256] = {
    let mut table = [NOT_SPACE; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b' ' | b'\t'..=b'\r' => SPACE,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => MAY_BE_SPACE,
            _ => NOT_SPACE,
        };
        b += 1;
    }
    table
};

/// Could be a headline: short, with letters, not ending like a sentence or a clause.
pub fn is_title_like(text: &str) -> bool {
    title_like_with(text, words_up_to(text, 26))
}

/// [`is_title_like`] for a text of `n` words (counted up to 26).
fn title_like_with(text: &str, n: usize) -> bool {
    if text.len() > 800 {
        return false; // more than 200 chars
    }
    let bare = text.trim_end_matches(['“', '”', '"', '«', '»', '’', '\'', ' ']);
    let ends_clause = bare.ends_with([',', ';', ':'])
        || (bare.ends_with('.') && sentences::dot_ends_sentence(bare, bare.len() - 1));
    (1..=25).contains(&n)
        && chars_at_most(text, 200)
        && text.chars().any(char::is_alphabetic)
        && !ends_clause
        && !text.starts_with(['•', '(', '-', '*', '–'])
}

/// Reads like running text: a sentence of eight words or more, or a long line (`n`:
/// its words, counted up to 25).
fn prose_with(text: &str, n: usize) -> bool {
    (n >= 8 && ends_sentence(text)) || n >= 25
}

fn open_lines(page: &Page) -> impl Iterator<Item = usize> + '_ {
    (0..page.lines.len()).filter(|&i| page.zones[i] == Zone::Open)
}

fn next_open(page: &Page, after: usize) -> Option<usize> {
    (after + 1..page.lines.len()).find(|&j| page.zones[j] == Zone::Open)
}

/// Where the article proper starts: the first paragraph of running text that is followed
/// by more (a paragraph, or a heading and a paragraph), else the first running text.
fn article_start(page: &Page) -> Option<usize> {
    let (prose, title_like) = (
        |i: usize| page.facts[i].prose,
        |i: usize| page.facts[i].title_like,
    );
    let teaser = open_lines(page).find(|&i| page.lines[i].teaser);
    if teaser.is_some() {
        return teaser;
    }
    let starts_text = |i: usize| prose(i) && !title_like(i);
    let continued =
        open_lines(page)
            .filter(|&i| starts_text(i))
            .find(|&i| match next_open(page, i) {
                None => true,
                Some(j) if prose(j) => true,
                Some(j) => title_like(j) && next_open(page, j).is_some_and(prose),
            });
    continued
        .or_else(|| open_lines(page).find(|&i| starts_text(i)))
        .or_else(|| open_lines(page).find(|&i| !title_like(i)))
        .or_else(|| open_lines(page).next())
}

/// Finds the title (and kicker) and hides the page header above it. Returns the first
/// line after the title.
fn find_title(page: &mut Page) -> usize {
    if let Some(i) = markdown_title(page) {
        return take_title(page, i);
    }
    let Some(start) = article_start(page) else {
        return 0;
    };
    // A date or byline line under a title-like line marks where the page header ends.
    let first_title_like = open_lines(page).find(|&i| page.facts[i].title_like);
    let header_end = first_title_like
        .and_then(|t| (t + 1..start).find(|&m| page.zones[m] == Zone::Meta))
        .unwrap_or(start);
    let headline = open_lines(page)
        .filter(|&i| i < header_end && page.facts[i].title_like)
        .last();
    match headline {
        Some(i) => take_title(page, i),
        None => {
            hide_open_before(page, start);
            infer_title(page, start)
        }
    }
}

/// A document's title: its first line when headline-sized, else the first sentence of
/// its first paragraph (as when a page copy has no headline).
fn first_line_title(page: &mut Page) -> usize {
    let Some(first) = open_lines(page).next() else {
        return 0;
    };
    if chars_at_most(&page.lines[first].text, MAX_TITLE_CHARS) {
        page.zones[first] = Zone::Title;
        page.title = Some(page.lines[first].text.clone());
        first + 1
    } else {
        infer_title(page, first)
    }
}

/// The longest line taken whole as a document's title, in chars.
const MAX_TITLE_CHARS: usize = 200;

/// The first level-1 Markdown heading, or a Markdown heading that opens the text.
fn markdown_title(page: &Page) -> Option<usize> {
    open_lines(page)
        .find(|&i| page.lines[i].heading_level == Some(1))
        .or_else(|| {
            open_lines(page)
                .next()
                .filter(|&i| page.lines[i].heading_level.is_some())
        })
}

fn hide_open_before(page: &mut Page, end: usize) {
    for i in 0..end {
        if page.zones[i] == Zone::Open {
            page.zones[i] = Zone::Hidden;
        }
    }
}

/// Line `i` is the headline; a short title-like line right above it is its kicker,
/// and a kicker part of the headline itself ("Kicker - Headline") is noted too. A much
/// longer line right above is the headline and line `i` its short subline ("Für HTC
/// Vive"), kept as the kicker; a line above that repeats the headline is hidden.
fn take_title(page: &mut Page, i: usize) -> usize {
    let above = i.checked_sub(1).filter(|&k| {
        page.zones[k] == Zone::Open
            && !page.lines[i].after_blank
            && page.facts[k].title_like
            && page.lines[k].heading_level.is_none()
    });
    let (mut title, mut kicker) = (i, above);
    if let Some(k) = above {
        let (upper, lower) = (words(&page.lines[k].text), words(&page.lines[i].text));
        if squash(&page.lines[k].text) == squash(&page.lines[i].text) {
            kicker = None;
        } else if lower <= 3 && upper >= 5 && upper >= 2 * lower {
            (title, kicker) = (k, Some(i));
        } else if upper > 10 {
            kicker = None;
        }
    }
    let text = page.lines[title].text.clone();
    page.kicker = match kicker {
        Some(k) => {
            page.zones[k] = Zone::Kicker;
            Some(page.lines[k].text.clone())
        }
        None => inline_kicker(&text),
    };
    hide_open_before(page, title);
    page.zones[title] = Zone::Title;
    page.title = Some(text);
    i + 1
}

/// "Kicker - Headline" in one line: the part before a spaced dash or colon.
fn inline_kicker(title: &str) -> Option<String> {
    // The first separator: each opens with a space, so only the spaces are tried.
    let (at, len) = memchr::memchr_iter(b' ', title.as_bytes()).find_map(|at| {
        let from_here = title.get(at..)?;
        KICKER_SEPARATORS
            .iter()
            .find(|sep| from_here.starts_with(**sep))
            .map(|sep| (at, sep.len()))
    })?;
    let (kicker, rest) = (&title[..at], &title[at + len..]);
    ((1..=8).contains(&words(kicker)) && words(rest) >= 2).then(|| kicker.trim().to_owned())
}

const KICKER_SEPARATORS: [&str; 4] = [" - ", " – ", " — ", " : "];

/// No headline: the title is the first sentence of the article's first paragraph. A
/// paragraph of one sentence is used up as the title; a longer one stays (as the lead),
/// and so does the only paragraph of an article.
fn infer_title(page: &mut Page, start: usize) -> usize {
    let text = &page.lines[start].text;
    let first = sentences::first_sentence(text).to_owned();
    // A one-sentence article keeps its sentence as text too.
    let whole = first.len() == text.trim().len() && next_open(page, start).is_some();
    page.title_inferred = true;
    page.title = Some(first);
    if whole {
        page.zones[start] = Zone::Title;
        start + 1
    } else {
        start
    }
}

/// Hides what follows the last sentence of the article: footer links, shop and site
/// lines (short lines that do not end like a sentence).
fn hide_footer(page: &mut Page) {
    let last_text = open_lines(page)
        .filter(|&i| page.facts[i].prose || page.lines[i].text.starts_with('•'))
        .last();
    let last_sources = (0..page.lines.len())
        .rev()
        .find(|&i| page.zones[i] == Zone::Source);
    let Some(end) = last_text.max(last_sources) else {
        return;
    };
    for i in end + 1..page.lines.len() {
        let text = &page.lines[i].text;
        // Short labels only: a long line without a full stop is cut-off text, not a link.
        if page.zones[i] == Zone::Open && !ends_sentence(text) && page.facts[i].words <= 15 {
            page.zones[i] = Zone::Hidden;
        }
    }
}

/// The lead: the first paragraph after the title, when it is short and more text follows.
fn find_lead(page: &mut Page, from: usize) {
    let Some(i) = open_lines(page).find(|&i| i >= from) else {
        return;
    };
    let text = &page.lines[i].text;
    let is_lead = chars_at_most(text, MAX_LEAD_CHARS)
        && page.lines[i].heading_level.is_none()
        && (ends_sentence(text) || !page.facts[i].title_like)
        && next_open(page, i).is_some();
    if is_lead {
        page.zones[i] = Zone::Lead;
        page.lead = Some(i);
    }
}

/// Section headings: Markdown headings, and short title-like lines that stand between
/// the start of the article and a paragraph of running text.
fn mark_headings(page: &mut Page, from: usize) {
    let candidates: Vec<usize> = open_lines(page).filter(|&i| i >= from).collect();
    for i in candidates {
        let line = &page.lines[i];
        let followed_by_text = next_open(page, i).is_some_and(|j| {
            let next = page.facts[j];
            page.lines[j].heading_level.is_none() && (next.prose || !next.title_like)
        });
        let facts = page.facts[i];
        let plain_heading = facts.title_like && facts.words <= 15 && followed_by_text;
        if line.heading_level.is_some() || plain_heading {
            page.zones[i] = Zone::Heading;
        }
    }
}

/// Hides a paragraph or heading that repeats an earlier one (or the title).
fn hide_duplicates(page: &mut Page) {
    // An inferred title comes from the text itself and may repeat it.
    let headline = page.title.as_deref().filter(|_| !page.title_inferred);
    let mut seen = Seen::default();
    if let Some(headline) = headline {
        seen.insert(headline);
    }
    for i in 0..page.lines.len() {
        if !matches!(page.zones[i], Zone::Open | Zone::Heading | Zone::Lead) {
            continue;
        }
        let text = &page.lines[i].text;
        let empty = !text.chars().any(char::is_alphanumeric);
        if empty || (!seen.insert(text) && Some(i) != page.lead) {
            page.zones[i] = Zone::Hidden;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_at_most_counts_as_chars_count_does() {
        for text in [
            "",
            "abc",
            "äöü",
            "😀😀",
            "ab😀",
            "Grüße aus Köln",
            "東京東京",
        ] {
            for n in 0..=text.len() + 1 {
                let want = text.chars().count() <= n;
                assert_eq!(chars_at_most(text, n), want, "{text} {n}");
            }
        }
    }

    fn page(text: &str) -> Page {
        classify(crate::load::blocks::lines(text, false), Origin::PageCopy)
    }

    fn zones(text: &str) -> Vec<Zone> {
        page(text).zones
    }

    #[test]
    fn headline_like_lines() {
        assert!(is_title_like("Plant Putin eine „Anti-Nato“?"));
        assert!(is_title_like(
            "Vietnam betreibt „Schaukelpolitik zwischen den Großmächten“"
        ));
        assert!(is_title_like("Hans Küng zu Besuch bei Papst Benedikt XVI."));
        assert!(!is_title_like("Er sagte, es sei genug."));
        assert!(!is_title_like("Sein Fazit:"));
        assert!(ends_sentence("„Wir gehen.“"));
        assert!(!ends_sentence("Ein Titel ohne Punkt"));
    }

    #[test]
    fn words_up_to_counts_as_split_whitespace() {
        let texts = [
            "",
            "  ",
            "ein Wort",
            " zwei\tWörter\n und\u{a0}mehr\u{2009}noch\u{3000}ja\u{85}x\u{1680}y",
            "„Zitat“ – mit € und ä\u{200b}b",
            "\u{b}a\u{c}b\rc",
        ];
        // Lines longer than the blocks of sixteen bytes read at once, wide spaces and
        // multi-byte chars across their edges.
        let long = [
            "Ein längerer Satz mit\u{a0}geschütztem Leerzeichen, „Zitat“ – und\u{3000}mehr.",
            "abcdefghijklmno\u{2009}pqrstuvwxyzabcd\u{a0}\tfg   hij klm  nop  qrs",
            "               x               y              \u{85}z",
        ];
        let texts = texts
            .iter()
            .chain(&long)
            .flat_map(|t| [t.to_string(), t.repeat(7)]);
        for text in &texts.collect::<Vec<_>>() {
            for cap in [0, 1, 2, 3, 5, 17, 100] {
                let want = text.split_whitespace().take(cap).count();
                assert_eq!(words_up_to(text, cap), want, "{text:?} {cap}");
            }
            assert_eq!(words(text), text.split_whitespace().count());
        }
    }

    #[test]
    fn kicker_inside_the_headline() {
        assert_eq!(
            inline_kicker("Krise in Nahost - Die Lage spitzt sich zu").as_deref(),
            Some("Krise in Nahost")
        );
        assert_eq!(inline_kicker("Ein Titel ohne Trennstrich"), None);
        assert_eq!(inline_kicker("A - B"), None);
    }

    #[test]
    fn header_debris_above_the_headline_is_hidden() {
        let text = "Portal Name\nMenü\nStartseite › Welt\n\nDachzeile hier\nDie echte Schlagzeile\n\
                    Von Max Muster\n\nDer erste Absatz erzählt, worum es geht, in einem ganzen Satz.\n\n\
                    Der zweite Absatz führt die Geschichte weiter und endet mit einem Punkt.\n";
        let p = page(text);
        assert_eq!(p.title.as_deref(), Some("Die echte Schlagzeile"));
        assert_eq!(p.kicker.as_deref(), Some("Dachzeile hier"));
        assert_eq!(&p.zones[..3], [Zone::Hidden; 3]);
        assert_eq!(p.zones[5], Zone::Meta);
        assert_eq!(p.zones[6], Zone::Lead);
    }

    #[test]
    fn footer_debris_duplicates_and_headings() {
        let text = "Titel\n\nErster Absatz mit genug Wörtern, damit er als Text gilt.\n\n\
                    Zwischentitel\n\nZweiter Absatz mit genug Wörtern, damit er als Text gilt.\n\n\
                    Zweiter Absatz mit genug Wörtern, damit er als Text gilt.\n\nKontaktieren Sie uns\nSeitenende\n";
        let z = zones(text);
        assert_eq!(
            z,
            [
                Zone::Title,
                Zone::Lead,
                Zone::Heading,
                Zone::Body,
                Zone::Hidden,
                Zone::Hidden,
                Zone::Hidden
            ]
        );
    }

    #[test]
    fn no_headline_means_an_inferred_title() {
        let p = page(
            "Der erste Satz ist lang genug für einen Titel. Der zweite folgt.\n\nMehr Text hier, auch mit genug Wörtern für einen Absatz.\n",
        );
        assert_eq!(
            p.title.as_deref(),
            Some("Der erste Satz ist lang genug für einen Titel.")
        );
        assert!(p.title_inferred);
        assert_eq!(p.zones[0], Zone::Lead);
    }
}
