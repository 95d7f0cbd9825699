//! The plain-text loader on text it was not tuned on: the real Wikinews and DER STANDARD
//! corpora in `../shared/corpus/` (skipped when absent), and made-up articles in
//! `tests/fixtures/text/` that imitate other layouts (a site copy with its own navigation,
//! Markdown, hard-wrapped English, a one-line article, a Wikinews-style body).

mod common;

use std::path::{Path, PathBuf};

use kiosk::load::sentences::{quote_spans, split_long_paragraph};
use kiosk::model::Article;

fn load_dir(dir: &Path) -> Vec<Article> {
    let loaded = kiosk::load::load_paths(&[dir.to_path_buf()]);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    loaded.articles
}

fn fixture(name: &str) -> Article {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/text")
        .join(name);
    let mut loaded = kiosk::load::load_paths(&[path]);
    assert!(loaded.errors.is_empty(), "{name}: {:?}", loaded.errors);
    loaded.articles.remove(0)
}

fn paragraphs(a: &Article) -> Vec<&str> {
    a.paragraphs().map(|(_, _, p)| p).collect()
}

fn headings(a: &Article) -> Vec<&str> {
    a.sections
        .iter()
        .filter_map(|s| s.heading.as_deref())
        .collect()
}

/// Every article has a title and body text, and at least 99 % of paragraphs are at most
/// 1,500 chars.
fn check_title_and_body(articles: &[Article]) {
    for a in articles {
        assert!(!a.title.trim().is_empty(), "{}: no title", a.path);
        assert!(a.paragraphs().count() > 0, "{}: no body", a.path);
    }
    let lens: Vec<usize> = articles
        .iter()
        .flat_map(|a| a.paragraphs().map(|(_, _, p)| p.chars().count()))
        .collect();
    let short = lens.iter().filter(|&&n| n <= 1500).count() as f64 / lens.len() as f64;
    assert!(
        short >= 0.99,
        "only {short:.3} of paragraphs are at most 1,500 chars"
    );
}

/// The pieces of a split put back give the text, and no cut falls inside a quotation.
fn check_split(text: &str) {
    let pieces = split_long_paragraph(text);
    let squashed = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert_eq!(squashed(&pieces.join(" ")), squashed(text));
    let spans = quote_spans(text);
    let mut from = 0;
    for piece in &pieces {
        let start = from + text[from..].find(piece.as_str()).expect("piece in order");
        assert!(
            !spans.iter().any(|&(s, e)| s < start && start < e),
            "cut inside a quotation at: {}",
            &piece[..piece.len().min(80)]
        );
        from = start + piece.len();
    }
}

#[test]
fn every_wikinews_article_has_its_title_date_and_readable_paragraphs() {
    let Some(dir) = common::shared("corpus/wikinews", "wikinews corpus") else {
        return;
    };
    let articles = load_dir(&dir);
    assert_eq!(articles.len(), 700);
    check_title_and_body(&articles);
    for a in &articles {
        let raw = std::fs::read_to_string(&a.path).expect("readable");
        let mut lines = raw.lines();
        assert_eq!(
            Some(a.title.as_str()),
            lines.next().map(str::trim),
            "{}",
            a.path
        );
        assert!(!a.title_inferred, "{}", a.path);
        let date = lines.nth(1).unwrap_or_default().trim();
        if !date.starts_with("0001") {
            assert_eq!(a.date.as_deref(), Some(date), "{}", a.path);
        }
        check_split(lines.nth(1).unwrap_or_default());
    }
}

#[test]
fn every_standard_article_has_a_title_and_paragraphs() {
    let Some(dir) = common::shared("corpus/standard", "standard corpus") else {
        return;
    };
    let articles = load_dir(&dir);
    assert_eq!(articles.len(), 1028);
    check_title_and_body(&articles);
    for a in &articles {
        let raw = std::fs::read_to_string(&a.path).expect("readable");
        let raw = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        let title = a.title.trim_end_matches(['.', '?', '!']);
        assert!(a.title_inferred, "{}", a.path);
        assert!(a.title.chars().count() <= 300, "{}: title too long", a.path);
        // The title is the article's first sentence, after a dateline when it opens the text.
        let after_dateline = a
            .dateline
            .as_deref()
            .and_then(|d| raw.strip_prefix(d))
            .map(|rest| rest.trim_start_matches([' ', '–', '-']));
        assert!(
            raw.starts_with(title) || after_dateline.is_some_and(|r| r.starts_with(title)),
            "{}: {title}",
            a.path
        );
        for (_, _, p) in a.paragraphs() {
            assert!(!p.starts_with(&format!("{} –", a.dateline.as_deref().unwrap_or("\u{0}"))));
        }
        check_split(&raw);
    }
}

#[test]
fn site_copies_from_the_html_gold_get_their_headline() {
    // The clean texts of `html-gold/` are real site copies (menus, time stamps, share
    // buttons left in); most start with the headline. Count how often the title is it.
    let Some(dir) = common::shared("corpus/html-gold", "html-gold texts") else {
        return;
    };
    let articles = load_dir(&dir);
    let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut hits = 0;
    for a in &articles {
        assert!(!a.title.trim().is_empty(), "{}", a.path);
        assert!(
            kiosk::load::text::parse_date(&a.title).is_none() || a.title.len() > 40,
            "{}: {}",
            a.path,
            a.title
        );
        let raw = std::fs::read_to_string(&a.path).expect("readable");
        let first = raw
            .lines()
            .map(squash)
            .find(|l| !l.is_empty())
            .unwrap_or_default();
        hits += usize::from(
            first.starts_with(&squash(&a.title)) || squash(&a.title).starts_with(&first),
        );
    }
    eprintln!(
        "html-gold: title is the first line in {hits} of {}",
        articles.len()
    );
    assert!(
        hits * 2 >= articles.len(),
        "only {hits} of {}",
        articles.len()
    );
}

#[test]
fn a_copied_site_page_keeps_only_the_article() {
    let a = fixture("site_copy.txt");
    assert_eq!(a.title, "Strompreise fallen deutlich");
    assert_eq!(a.kicker.as_deref(), Some("Energiekrise"));
    assert!(!a.title_inferred);
    assert_eq!(a.date.as_deref(), Some("2024-03-11"));
    assert!(
        a.lead
            .as_deref()
            .is_some_and(|l| l.starts_with("Die Preise an den Strombörsen"))
    );
    assert_eq!(headings(&a), ["Warum die Preise sinken"]);
    assert_eq!(
        a.captions,
        ["Ein Windrad im Abendlicht über den Feldern bei Xanten. (Foto: Max Muster / dpa)"]
    );
    assert_eq!(
        a.sources,
        [
            "Bundesnetzagentur: Monitoringbericht 2023",
            "Strombörse: Marktdaten März 2024"
        ]
    );
    let text = paragraphs(&a).join("\n");
    for debris in [
        "Rheinkurier",
        "Menü",
        "Startseite",
        "Anzeige",
        "Mehr zum Thema",
        "Netzentgelte",
        "Teilen",
        "Newsletter",
        "Impressum",
        "Rechte",
        "Von Anna",
        "vergrößern",
    ] {
        assert!(!text.contains(debris), "{debris} in the text");
    }
    assert_eq!(paragraphs(&a).len(), 4);
}

#[test]
fn a_markdown_article_has_its_headings_image_and_list() {
    let a = fixture("markdown.md");
    assert_eq!(a.title, "Die Bahn testet fahrerlose Regionalzüge");
    assert_eq!(a.date.as_deref(), Some("2024-05-03"));
    assert_eq!(
        headings(&a),
        ["Erste Strecke im Erzgebirge", "Kritik der Gewerkschaft"]
    );
    assert_eq!(a.captions, ["Ein Testzug bei Annaberg-Buchholz"]);
    assert!(
        a.lead
            .as_deref()
            .is_some_and(|l| l.starts_with("Die Deutsche Bahn"))
    );
    let text = paragraphs(&a);
    assert!(
        text[0].contains("zwischen Annaberg-Buchholz und")
            && text[0].contains("wie die Bahn mitteilte.")
    );
    assert!(text.iter().all(|p| !p.contains("**") && !p.contains("](")));
    assert!(text.contains(&"Die Gewerkschaft der Lokführer sieht den Versuch skeptisch. Sie fürchtet, dass am Ende Arbeitsplätze wegfallen. Ein Sprecher sagte: „Technik ersetzt keine Verantwortung.“"));
    assert_eq!(
        text[text.len() - 2..],
        [
            "• Mehr Sicherheit durch Sensoren",
            "• Weniger Personal in ländlichen Regionen"
        ]
    );
}

#[test]
fn a_hard_wrapped_text_gets_its_paragraphs_back() {
    let a = fixture("hard_wrapped.txt");
    assert_eq!(a.title, "Storm floods coastal towns in the north-east");
    assert_eq!(a.dateline.as_deref(), Some("WHITBY"));
    assert!(
        a.lead
            .as_deref()
            .is_some_and(|l| l.starts_with("Heavy rain") && l.ends_with("a few hours."))
    );
    let text = paragraphs(&a);
    assert_eq!(text.len(), 3, "{text:?}");
    assert!(
        text[1].starts_with("\"We have never seen") && text[1].ends_with("they were wearing.\"")
    );
    assert!(
        text.iter()
            .all(|p| !p.contains("Read more") && !p.contains("Advertisement"))
    );
}

#[test]
fn a_one_line_article_gets_a_title_dateline_and_paragraphs() {
    let a = fixture("one_line.txt");
    assert_eq!(
        a.title,
        "Landesregierung will Sanierung bis 2030 abschließen – Opposition kritisiert Tempo."
    );
    assert!(a.title_inferred);
    assert_eq!(a.dateline.as_deref(), Some("Graz"));
    assert_eq!(a.date.as_deref(), Some("2024-03-12"));
    let text = paragraphs(&a);
    assert!(text.len() >= 2, "{text:?}");
    assert!(text[0].starts_with("Die steirische Landesregierung"));
    assert!(
        text.last()
            .is_some_and(|p| p.ends_with("im Herbst 2026 geben."))
    );
}

#[test]
fn a_wikinews_style_body_is_split_outside_quotations() {
    let a = fixture("wiki_style.txt");
    assert_eq!(a.title, "Musterstadt bekommt eine neue Straßenbahn");
    assert_eq!(a.date.as_deref(), Some("2024-04-17"));
    let text = paragraphs(&a);
    assert!(text.len() >= 2, "{text:?}");
    for p in &text {
        let opened = p.matches(['„', '»']).count();
        let closed = p.matches(['“', '«']).count();
        assert_eq!(opened, closed, "a quotation is cut: {p}");
        assert_eq!(p.matches('"').count() % 2, 0, "a quotation is cut: {p}");
        assert!(!p.starts_with("B. ") && !p.starts_with("Euro") && !p.starts_with("August"));
    }
    let raw = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text/wiki_style.txt"),
    )
    .expect("readable");
    check_split(raw.lines().nth(4).unwrap_or_default());
}

#[test]
fn short_paragraphs_are_never_split() {
    let text = "Ein Satz. Noch ein Satz. „Ein Zitat. Mit zwei Sätzen.“ Ende.";
    assert_eq!(split_long_paragraph(text), [text]);
}
