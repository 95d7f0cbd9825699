//! The HTML loader on the pages in tests/fixtures/html/: the article and nothing else
//! (no cookie, navigation, share, ad, paywall or related text), metadata, captions,
//! a declared Windows-1252 charset, plain text in a wrapper; and robustness: binary
//! data named `.html` and a page nested 20,000 levels deep.

use std::path::{Path, PathBuf};

use kiosk::Article;
use kiosk::load::{self, Format, Problem, html};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/html")
        .join(name)
}

fn load_fixture(name: &str) -> Article {
    let path = fixture(name);
    let bytes = std::fs::read(&path).expect("fixture reads");
    html::parse("x", &path.display().to_string(), &bytes).expect("the page loads")
}

fn all_text(a: &Article) -> String {
    let mut parts: Vec<&str> = a.content_parts().collect();
    parts.extend(a.captions.iter().map(String::as_str));
    parts.join("\n")
}

#[test]
fn the_article_and_its_metadata() {
    let a = load_fixture("article.html");
    assert_eq!(a.title, "Kiew meldet neue Angriffe auf Energieanlagen");
    assert!(!a.title_inferred);
    assert_eq!(a.date.as_deref(), Some("2023-08-02"));
    assert_eq!(
        a.lead.as_deref(),
        Some(
            "Die ukrainische Regierung hat am Montag neue russische Angriffe auf Energieanlagen im Osten des Landes gemeldet."
        )
    );
    assert_eq!(
        a.url.as_deref(),
        Some("https://www.beispiel-zeitung.de/politik/kiew-angriffe-123.html")
    );
    assert_eq!(a.source_domain.as_deref(), Some("beispiel-zeitung.de"));
    assert_eq!(
        a.captions,
        ["Ein beschädigtes Umspannwerk bei Charkiw."],
        "credit dropped"
    );
    let headings: Vec<Option<&str>> = a.sections.iter().map(|s| s.heading.as_deref()).collect();
    assert_eq!(headings, [None, Some("Angriffe auch auf Odessa")]);
    let paragraphs: Vec<&str> = a.paragraphs().map(|(_, _, p)| p).collect();
    assert_eq!(paragraphs.len(), 4, "{paragraphs:#?}");
    assert!(paragraphs[0].starts_with("Nach Angaben des Energieministeriums"));
    assert!(paragraphs[1].starts_with("„Die Reparaturen werden mehrere Tage dauern“"));
    assert!(paragraphs[3].ends_with("zivile Ziele anzugreifen."));
}

#[test]
fn no_boilerplate_reaches_the_article() {
    let a = load_fixture("article.html");
    let text = all_text(&a);
    for leak in [
        "Cookies",
        "Datenschutz",
        "Impressum",
        "Politik",
        "Startseite",
        "Teilen",
        "Twittern",
        "Anzeige",
        "Abo",
        "abonnieren",
        "Lesen Sie auch",
        "Selenskyj",
        "Meistgelesen",
        "Newsletter",
        "dataLayer",
        "function",
        "font-family",
        "{",
        "Beispiel-Zeitung",
    ] {
        assert!(!text.contains(leak), "{leak:?} leaked into:\n{text}");
    }
}

#[test]
fn the_declared_windows_1252_charset_is_used() {
    let a = load_fixture("windows1252.html");
    assert_eq!(a.title, "Größere Brücke für Köln – Bauarbeiten beginnen");
    let text = all_text(&a);
    assert!(text.contains("120 Millionen €"), "{text}");
    assert!(text.contains("„Wir müssen jetzt handeln“"), "{text}");
    assert!(
        !text.contains('\u{fffd}'),
        "no replacement characters: {text}"
    );
}

#[test]
fn plain_text_in_a_wrapper_reads_line_by_line() {
    let a = load_fixture("plain_wrapper.html");
    assert_eq!(a.title, "Streik bei der Lufthansa ausgeweitet");
    assert_eq!(a.date.as_deref(), Some("2015-11-08"));
    assert_eq!(a.captions, ["Lufthansa-Maschine am Flughafen."]);
    let text = all_text(&a);
    assert!(
        text.contains("Standorte München und Düsseldorf bestreikt"),
        "{text}"
    );
    assert!(!text.contains("Cookies"), "{text}");
    assert!(!text.contains("Max Muster"), "{text}");
}

#[test]
fn a_binary_file_named_html_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bild.html");
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0".to_vec();
    png.extend((0..2000u32).map(|i| (i * 7 % 256) as u8));
    std::fs::write(&path, &png).expect("write");
    let loaded = load::load_source(&load::Source {
        path: path.clone(),
        format: Format::Html,
    });
    assert!(loaded.articles.is_empty());
    let [error] = &loaded.errors[..] else {
        panic!("one error: {:?}", loaded.errors)
    };
    assert!(matches!(error.problem, Problem::Binary));
    assert_eq!(
        error.to_string(),
        format!("{}: not a text file (binary data)", path.display())
    );
}

#[test]
fn a_page_nested_20000_levels_deep_loads() {
    let depth = 20_000;
    let page = format!(
        "<html><head><title>Tief verschachtelt</title></head><body>{}<p>Ein Absatz ganz unten, mit Kommas, Worten und genug Text, um als Artikel zu zählen.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    let started = std::time::Instant::now();
    let a = html::parse("deep", "deep.html", page.as_bytes()).expect("loads");
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(a.title, "Tief verschachtelt");
    assert_eq!(a.paragraphs().count(), 1);
    let unclosed = "<span>".repeat(depth) + "Ein Text ohne ein einziges schließendes Tag.";
    assert!(html::parse("deep", "deep.html", unclosed.as_bytes()).is_ok());
}

#[test]
fn far_deeper_pages_are_refused_not_parsed_for_minutes() {
    let page = "<div>".repeat(200_000);
    let error = html::parse("deeper", "deeper.html", page.as_bytes()).expect_err("refused");
    assert!(
        error
            .to_string()
            .starts_with("elements nested 200000 levels deep"),
        "{error}"
    );
}

#[test]
fn a_page_without_text_is_an_error() {
    let error = html::parse(
        "x",
        "x.html",
        b"<html><head><title></title></head><body><script>var a = 1;</script></body></html>",
    )
    .expect_err("no text");
    assert!(matches!(error, Problem::NoText));
}

/// A small deterministic generator, so the test needs no crate and always sees the same
/// inputs.
fn pseudo_random(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

#[test]
fn malformed_pages_never_panic() {
    let pieces = [
        "<div>",
        "</div>",
        "<p>",
        "</p>",
        "<table>",
        "<td>",
        "<h2>",
        "</h3>",
        "<figure>",
        "<figcaption>",
        "<a href='x'>",
        "</a>",
        "<br>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "Kiew, Moskau und Peking. ",
        "„Zitat“ ",
        "Foto: dpa ",
        "&amp;",
        "&#x1F600;",
        "&#99999999;",
        "ä",
        "€",
        "\u{feff}",
        "\0",
        "<meta charset=\"windows-1252\">",
        "<title>",
        "</title>",
        "<h1>Titel</h1>",
        "<li>",
        "<ul class=\"related\">",
        "<p class=\"cookie\">",
        "\n",
        " ",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d;
    for _ in 0..300 {
        let mut page = String::new();
        let len = pseudo_random(&mut seed) % 200;
        for _ in 0..len {
            page.push_str(pieces[(pseudo_random(&mut seed) % pieces.len() as u64) as usize]);
        }
        let _ = html::parse("fuzz", "fuzz.html", page.as_bytes());
        let mut bytes = page.into_bytes();
        for _ in 0..5 {
            if bytes.is_empty() {
                break;
            }
            let at = (pseudo_random(&mut seed) % bytes.len() as u64) as usize;
            bytes[at] = (pseudo_random(&mut seed) % 256) as u8;
        }
        let _ = html::parse("fuzz", "fuzz.html", &bytes);
    }
}

#[test]
fn ampersands_next_to_wide_characters_in_plain_pages() {
    let page = "<Document><TEXT>AT&T😀😀😀 meldet Zahlen\nDer Konzern AT&T😀😀😀 meldet am Montag gute Zahlen für das Quartal, sagte ein Sprecher.\n</TEXT></Document>";
    let a = html::parse("amp", "amp.html", page.as_bytes()).expect("loads");
    assert_eq!(a.title, "AT&T😀😀😀 meldet Zahlen");
}

#[test]
fn a_short_report_wins_over_a_list_of_teasers() {
    let a = load_fixture("short_article_and_teasers.html");
    assert_eq!(a.title, "Brücke wird saniert");
    let text = all_text(&a);
    assert!(
        text.contains("die Brücke über den Fluss zu sanieren"),
        "{text}"
    );
    assert!(
        !text.contains("Anderes Thema") && !text.contains("Anreißer"),
        "{text}"
    );
}
