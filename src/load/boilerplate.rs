//! Recognising the lines of a copied web page that are not the article: navigation, ads,
//! share buttons, "Loading...", photo credits, date and byline lines, source lists and
//! credit lines. The phrase patterns live in `assets/boilerplate.txt`; the rules that
//! need no word list (glued words, navigation trails) in [`super::breadcrumbs`].

use std::sync::LazyLock;

use regex::Regex;

use crate::load::anyset::{AnyOf, AnySet};
use crate::load::breadcrumbs::{deglue, is_breadcrumb, is_glued};
use crate::load::forward::Pattern;
use crate::load::rules::section;

const DATA: &str = include_str!("../../assets/boilerplate.txt");

/// The compiled patterns of `assets/boilerplate.txt`, each built on first use and on
/// its own, so that start-up can build them on all cores at once ([`TABLES`]).
struct Patterns {
    line: Lazy<AnySet>,
    prefix: Lazy<AnyOf>,
    contains: Lazy<AnyOf>,
    caption_ui: Lazy<Vec<Pattern>>,
    /// All of `caption_ui` in one set: most lines hold no image-viewer text.
    any_caption_ui: Lazy<AnyOf>,
    credit: Lazy<Vec<Pattern>>,
    /// All of `credit` in one set: most lines hold no credit, and one pass tells.
    any_credit: Lazy<AnySet>,
    credit_span: Lazy<Pattern>,
    meta: Lazy<AnyOf>,
    sources_header: Lazy<Pattern>,
    credit_line: Lazy<AnyOf>,
    /// (a `Regex`: the crate runs a DFA backwards from the paragraph's end for a
    /// pattern that ends with `$`, which reads less than a forward search)
    tail_credit: Lazy<Regex>,
    block_start: Lazy<AnySet>,
}

type Lazy<T> = LazyLock<T, fn() -> T>;

/// Builds `(?i)` patterns around each entry of a section; a broken pattern in the data
/// file is a bug in kiosk and fails loudly.
fn set(name: &str, wrap: fn(&str) -> String) -> AnySet {
    AnySet::new(&wrapped(name, wrap))
        .unwrap_or_else(|e| panic!("assets/boilerplate.txt [{name}]: {e}"))
}

/// [`set`] as an [`AnyOf`].
fn any_of(name: &str, wrap: fn(&str) -> String) -> AnyOf {
    AnyOf::new(&wrapped(name, wrap))
        .unwrap_or_else(|e| panic!("assets/boilerplate.txt [{name}]: {e}"))
}

/// The entries of a section, each wrapped and made case-insensitive.
fn wrapped(name: &str, wrap: fn(&str) -> String) -> Vec<String> {
    section(DATA, name)
        .iter()
        .map(|p| format!("(?i){}", wrap(p)))
        .collect()
}

fn list(name: &str) -> Vec<Pattern> {
    wrapped(name, str::to_owned)
        .iter()
        .map(|p| Pattern::new(p).unwrap_or_else(|e| panic!("assets/boilerplate.txt [{name}]: {e}")))
        .collect()
}

fn whole(p: &str) -> String {
    format!("^(?:{p})$")
}

fn start(p: &str) -> String {
    format!("^(?:{p})")
}

/// A pattern of its own, built from a section's entries joined by `|` into `format`'s
/// `{}`; a broken pattern in the data file is a bug in kiosk and fails loudly.
fn joined(name: &str, format: fn(&str) -> String) -> Pattern {
    let p = format(&section(DATA, name).join("|"));
    Pattern::new(&p).unwrap_or_else(|e| panic!("assets/boilerplate.txt [{name}]: {e}"))
}

static PATTERNS: Patterns = Patterns {
    line: Lazy::new(|| set("line", whole)),
    prefix: Lazy::new(|| any_of("prefix", start)),
    contains: Lazy::new(|| any_of("contains", str::to_owned)),
    caption_ui: Lazy::new(|| list("caption_ui")),
    any_caption_ui: Lazy::new(|| any_of("caption_ui", str::to_owned)),
    credit: Lazy::new(|| list("credit")),
    any_credit: Lazy::new(|| set("credit", str::to_owned)),
    credit_span: Lazy::new(|| {
        joined("credit_class", |classes| {
            format!(
                r#"(?i)<(?:span|div|small|em|i|p|figcaption|cite)\b[^>]*\bclass\s*=\s*["'][^"']*\b(?:{classes})\b[^"']*["'][^>]*>([^<]*)</[a-z]+\s*>"#
            )
        })
    }),
    meta: Lazy::new(|| any_of("meta", whole)),
    sources_header: Lazy::new(|| {
        joined("sources_header", |headers| {
            format!(r"(?i)^(?:{headers})\s*(?::\s*(.*))?$")
        })
    }),
    credit_line: Lazy::new(|| any_of("credit_line", whole)),
    tail_credit: Lazy::new(|| {
        let tail = section(DATA, "tail_credit").join("|");
        Regex::new(&format!("(?i)(?:{tail})"))
            .unwrap_or_else(|e| panic!("assets/boilerplate.txt [tail_credit]: {e}"))
    }),
    block_start: Lazy::new(|| set("block_start", whole)),
};

/// Builds one of the patterns now: start-up runs all of these on all cores at once, so
/// that no worker waits for them later. The costliest come first.
pub const TABLES: [fn(); 13] = [
    || _ = &*PATTERNS.line,
    || _ = &*PATTERNS.meta,
    || _ = &*PATTERNS.credit,
    || _ = &*PATTERNS.any_credit,
    || _ = &*PATTERNS.prefix,
    || _ = &*PATTERNS.credit_line,
    || _ = &*PATTERNS.tail_credit,
    || _ = &*PATTERNS.caption_ui,
    || _ = &*PATTERNS.any_caption_ui,
    || _ = &*PATTERNS.contains,
    || _ = &*PATTERNS.block_start,
    || _ = &*PATTERNS.sources_header,
    || _ = &*PATTERNS.credit_span,
];

// The rules below that are asked about every line take the line's words as counted by
// the caller (`Facts::words`, up to 61), rather than count them again each.

/// Whether a whole line of `n` words (counted up to 41 or more) is boilerplate by the
/// phrase patterns or the structural rules (a breadcrumb of glued words, a row of
/// separators).
pub fn is_boilerplate(line: &str, n: usize) -> bool {
    let p = &PATTERNS;
    if n > 40 {
        return false; // running text; no pattern here is longer
    }
    let by_phrase = |v: &str| {
        p.line.is_match(v)
            || (n <= 30 && p.prefix.is_match(v))
            || (n <= 40 && p.contains.is_match(v))
    };
    // (the de-glued line, and glued words, are looked at only when the line is glued)
    let glued = is_glued(line);
    by_phrase(line) || (glued && by_phrase(&deglue(line))) || is_breadcrumb(line, n, glued)
}

/// Removes image-viewer text ("Vergrößern des Bildes") from a line of `n` words
/// (counted up to 61 or more); `Some(rest)` when there was any, which makes the line a
/// photo caption.
pub fn strip_caption_ui(line: &str, n: usize) -> Option<String> {
    let p = &PATTERNS;
    if n > 60 || !p.any_caption_ui.is_match(line) {
        return None;
    }
    let mut rest = line.to_owned();
    for r in p.caption_ui.iter() {
        rest = r.replace_all(&rest, " ").into_owned();
    }
    Some(squeeze(&rest))
}

/// Splits a photo credit ("(Foto: AP)", "(Quelle: …)", "© dpa") off a caption line of
/// `n` words (counted up to 61 or more): `Some((caption, credit))` when the line holds
/// one and is caption-sized.
pub fn split_credit(line: &str, n: usize) -> Option<(String, String)> {
    if n > 60 {
        return None;
    }
    let p = &PATTERNS;
    if !p.any_credit.is_match(line) {
        return None;
    }
    let mut credits = Vec::new();
    let mut rest = line.to_owned();
    for r in p.credit.iter() {
        if let Some(found) = r.find_at(&rest, 0) {
            credits.push(rest[found].trim().to_owned());
            rest = r.replace_all(&rest, " ").into_owned();
        }
    }
    (!credits.is_empty()).then(|| (squeeze(&rest), credits.join(" ")))
}

/// Finds a credit element left in plain text (`<span class="copyright">…</span>`):
/// the raw line without it, and the credit.
pub fn split_credit_span(raw: &str) -> Option<(String, String)> {
    if !raw.contains('<') {
        return None;
    }
    let span = PATTERNS.credit_span.find(raw)?;
    let credit = span.group.and_then(|group| raw.get(group)).unwrap_or("");
    let without = format!("{} {}", &raw[..span.whole.start], &raw[span.whole.end..]);
    Some((without, credit.trim().to_owned()))
}

/// A date, update, reading-time or byline line (of `n` words, counted up to 16 or more).
pub fn is_meta(line: &str, n: usize) -> bool {
    n <= 15 && PATTERNS.meta.is_match(line)
}

/// The header of a sources list (a line of `n` words, counted up to 41 or more):
/// `Some(items on the same line)` ("" when none).
pub fn sources_header(line: &str, n: usize) -> Option<String> {
    if n > 40 {
        return None;
    }
    let header = PATTERNS.sources_header.at_start(line)?;
    let items = header.group.and_then(|group| line.get(group)).unwrap_or("");
    Some(items.trim().to_owned())
}

/// A line that credits authors or agencies ("Bericht von CNN, zu dem … beigetragen
/// haben."), of `n` words counted up to 41 or more.
pub fn is_credit_line(line: &str, n: usize) -> bool {
    n <= 40 && PATTERNS.credit_line.is_match(line)
}

/// A line that opens a block of links ("Mehr zum Thema:"), of `n` words counted up to 9
/// or more.
pub fn opens_link_block(line: &str, n: usize) -> bool {
    n <= 8 && PATTERNS.block_start.is_match(line)
}

/// Splits an agency tag off the end of a paragraph ("… (APA, 11.9.2015)"): the paragraph
/// without it, and the tag.
pub fn split_tail_credit(paragraph: &str) -> Option<(String, String)> {
    let tag = PATTERNS.tail_credit.find(paragraph)?;
    Some((
        paragraph[..tag.start()].trim_end().to_owned(),
        tag.as_str().trim().to_owned(),
    ))
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    // The rules with the words of the line counted as the loader counts them.
    fn n(line: &str) -> usize {
        crate::load::structure::words_up_to(line, 81)
    }
    fn is_boilerplate(line: &str) -> bool {
        super::is_boilerplate(line, n(line))
    }
    fn is_meta(line: &str) -> bool {
        super::is_meta(line, n(line))
    }
    fn is_credit_line(line: &str) -> bool {
        super::is_credit_line(line, n(line))
    }
    fn split_credit(line: &str) -> Option<(String, String)> {
        super::split_credit(line, n(line))
    }
    fn strip_caption_ui(line: &str) -> Option<String> {
        super::strip_caption_ui(line, n(line))
    }
    fn sources_header(line: &str) -> Option<String> {
        super::sources_header(line, n(line))
    }

    #[test]
    fn every_pattern_compiles() {
        let p = &PATTERNS;
        for set in [
            &p.prefix,
            &p.contains,
            &p.any_caption_ui,
            &p.meta,
            &p.credit_line,
        ] {
            assert_eq!(set.compile_all(), Ok(()));
        }
    }

    #[test]
    fn phrases_glue_and_separators() {
        for line in [
            "Loading...",
            "Anzeige",
            "Teilen",
            "Such IconE-Mail IconMenü Icon",
            "HomePolitikUkraine",
            "Startseite > Politik > Ausland",
            "Sie sind hier: Startseite » Nachrichten » Politik »",
            "Artikel per E-Mail empfehlen",
            "ShoppingAnzeigen",
            "Lesen Sie auch: Wie es weitergeht",
            "Read more",
            "* * *",
            "Getty Images",
            "Image source, Getty Images",
            "Story continues below advertisement",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
        for line in [
            "Putin braucht Waffen",
            "YouTube sperrt Kanäle",
            "Nordkorea – der Schwarzmarkthafen",
            "Die Anzeige wurde am Montag erstattet.",
            "She became a fashion icon in the 1960s.",
            "Reuters berichtete am Montag über die Lage.",
            "Er sagte »Ja« und »Nein« und »Vielleicht«",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn credits_and_captions() {
        let (text, credit) = split_credit("Xi und Putin. (Foto: AP) Wladimir Putin").unwrap();
        assert_eq!(text, "Xi und Putin. Wladimir Putin");
        assert_eq!(credit, "(Foto: AP)");
        assert!(split_credit("Er sagte, es sei genug.").is_none());
        let raw = r#"Putin in Pjöngjang.<span class="copyright">A. B./Sputnik</span>"#;
        let (without, credit) = split_credit_span(raw).unwrap();
        assert_eq!(without.trim(), "Putin in Pjöngjang.");
        assert_eq!(credit, "A. B./Sputnik");
        assert_eq!(
            strip_caption_ui("Ein Bild.Vergrößern des Bildes").as_deref(),
            Some("Ein Bild.")
        );
    }

    #[test]
    fn meta_sources_and_credit_lines() {
        assert!(is_meta("Aktualisiert am 02.08.2023Lesedauer: 6 Min."));
        assert!(is_meta("Von Anna Muster und Max Beispiel"));
        assert!(!is_meta("Stand der Dinge"));
        assert!(!is_meta("Von AHS-Übertrittsquoten bis zu Vorschulstufe."));
        assert!(is_meta("Von Anna Muster, 3. Mai 2024"));
        assert!(is_meta("Von Łukasz Żak und Дмитрий Петров"));
        assert!(is_meta("Updated: Nov. 3, 2024"));
        assert!(is_meta(
            "von Axel Höpner und Catrin Bialek Quelle: Handelsblatt Online"
        ));
        assert!(is_meta("vor 8 Stunden"));
        assert!(is_credit_line("dpa - Deutsche Presse-Agentur GmbH"));
        assert_eq!(sources_header("Verwendete Quellen").as_deref(), Some(""));
        assert_eq!(
            sources_header("Quellen: dpa, AFP").as_deref(),
            Some("dpa, AFP")
        );
        assert!(sources_header("Quellen der Macht im Kreml").is_none());
        assert!(is_credit_line(
            "Reporting by Jane Doe; editing by John Roe."
        ));
        assert!(is_credit_line(
            "Bericht von CNN, zu dem A und B beigetragen haben."
        ));
        let (text, tag) = split_tail_credit("Er ging. (APA, 11.9.2015)").unwrap();
        assert_eq!(
            (text.as_str(), tag.as_str()),
            ("Er ging.", "(APA, 11.9.2015)")
        );
    }
}
