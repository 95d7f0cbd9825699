//! The JSON-lines and JSON loader on the fixtures in tests/fixtures/jsonl/: both families
//! of field names, bad lines reported with file and line and skipped, arrays and single
//! objects, and the limits (a huge line, deeply nested JSON).

use std::path::{Path, PathBuf};

use kiosk::load::{self, Format, Loaded, jsonl};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/jsonl")
        .join(name)
}

fn load(name: &str) -> Loaded {
    let path = fixture(name);
    let format = Format::from_path(&path).expect("a JSON fixture");
    load::load_source(&load::Source { path, format })
}

fn messages(loaded: &Loaded) -> Vec<String> {
    loaded.errors.iter().map(|e| e.to_string()).collect()
}

#[test]
fn news_please_fields() {
    let loaded = load("news_please.jsonl");
    assert_eq!(loaded.articles.len(), 2, "{:?}", messages(&loaded));
    let first = &loaded.articles[0];
    assert_eq!(first.id, "news_please#1");
    assert_eq!(first.title, "Kiew meldet neue Angriffe auf Energieanlagen");
    assert!(!first.title_inferred);
    assert_eq!(first.date.as_deref(), Some("2023-08-02"));
    assert_eq!(
        first.lead.as_deref(),
        Some(
            "Die ukrainische Regierung hat am Montag neue russische Angriffe auf Energieanlagen im Osten des Landes gemeldet."
        )
    );
    let paragraphs: Vec<&str> = first.paragraphs().map(|(_, _, p)| p).collect();
    assert!(
        !paragraphs
            .iter()
            .any(|p| p.starts_with("Die ukrainische Regierung")),
        "the lead is not repeated: {paragraphs:?}"
    );
    assert_eq!(first.sections.len(), 2);
    assert_eq!(first.sections[1].heading.as_deref(), Some("Hintergrund"));
    assert_eq!(
        first.url.as_deref(),
        Some("https://www.example-zeitung.de/politik/kiew-angriffe-123.html")
    );
    assert_eq!(first.source_domain.as_deref(), Some("example-zeitung.de"));

    let second = &loaded.articles[1];
    assert_eq!(
        second.id, "news_please#3",
        "ids count file lines, blank ones too"
    );
    assert_eq!(
        second.title, "Peking & Moskau unterzeichnen Abkommen",
        "entities decoded"
    );
    assert_eq!(second.date.as_deref(), Some("2023-08-03"));
    assert_eq!(
        second.source_domain.as_deref(),
        Some("news.example.org"),
        "derived from the url"
    );
    assert_eq!(
        second.paragraphs().count(),
        2,
        "single newlines separate paragraphs"
    );
}

#[test]
fn bad_lines_are_reported_with_file_and_line_and_skipped() {
    let loaded = load("news_please.jsonl");
    let errors = messages(&loaded);
    assert_eq!(errors.len(), 3, "{errors:?}");
    let file = fixture("news_please.jsonl").display().to_string();
    assert!(
        errors[0].starts_with(&format!(
            "{file}:4: invalid JSON: EOF while parsing a string"
        )),
        "{}",
        errors[0]
    );
    assert_eq!(errors[1], format!("{file}:5: not a JSON object"));
    assert_eq!(
        errors[2],
        format!("{file}:6: no text: none of title, maintext, text, description")
    );
}

#[test]
fn text_date_id_fields() {
    let loaded = load("text_date_id.jsonl");
    assert!(loaded.errors.is_empty(), "{:?}", messages(&loaded));
    let [g7, quake, untitled] = &loaded.articles[..] else {
        panic!("three articles, got {}", loaded.articles.len());
    };
    assert_eq!(g7.id, "wn-0001");
    assert_eq!(g7.date.as_deref(), Some("2023-11-08"));
    assert_eq!(quake.id, "text_date_id#2");
    assert_eq!(quake.date.as_deref(), Some("2016-02-06"), "German date");
    assert!(untitled.title_inferred);
    assert_eq!(untitled.title, "Ohne Überschrift.");
    assert_eq!(untitled.url, None);
}

#[test]
fn an_overlong_paragraph_is_split_at_sentence_ends_outside_quotes() {
    let loaded = load("text_date_id.jsonl");
    let g7 = &loaded.articles[0];
    let pieces: Vec<&str> = g7.paragraphs().map(|(_, _, p)| p).collect();
    assert!(pieces.len() >= 2, "{pieces:?}");
    for piece in &pieces {
        assert_eq!(
            piece.matches('„').count(),
            piece.matches('“').count(),
            "cut inside a quote: {piece}"
        );
        assert!(piece.ends_with('.'), "{piece}");
    }
}

#[test]
fn array_and_single_object_files() {
    let loaded = load("array.json");
    let ids: Vec<&str> = loaded.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["array#1", "fanuc-1"]);
    assert_eq!(
        loaded.articles[0].source_domain.as_deref(),
        Some("example.de")
    );
    let errors = messages(&loaded);
    assert_eq!(
        errors,
        [format!(
            "{}: array item 2: not a JSON object",
            fixture("array.json").display()
        )]
    );

    let single = load("single.json");
    assert!(single.errors.is_empty());
    assert_eq!(single.articles.len(), 1);
    assert_eq!(single.articles[0].id, "single#1");
    assert_eq!(single.articles[0].date.as_deref(), Some("2016-03-10"));
}

#[test]
fn json_lines_in_a_json_file_are_read_line_by_line() {
    let content =
        "{\"title\": \"Eins\", \"text\": \"A.\"}\n{\"title\": \"Zwei\", \"text\": \"B.\"}\n";
    let loaded = jsonl::parse(Path::new("corpus.json"), Format::Json, content);
    assert_eq!(loaded.articles.len(), 2);
    assert_eq!(loaded.articles[1].id, "corpus#2");
}

#[test]
fn a_huge_line_is_reported_not_parsed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.jsonl");
    let filler = "x".repeat(load::limits::MAX_RECORD_BYTES + 10);
    let content = format!(
        "{{\"title\": \"Vorher\", \"text\": \"Davor.\"}}\n{{\"title\": \"Riesig\", \"text\": \"{filler}\"}}\n{{\"title\": \"Nachher\", \"text\": \"Danach.\"}}\n"
    );
    let huge_len = content.lines().nth(1).map_or(0, str::len);
    std::fs::write(&path, content).expect("write");
    let started = std::time::Instant::now();
    let loaded = load::load_source(&load::Source {
        path: path.clone(),
        format: Format::JsonLines,
    });
    assert!(
        started.elapsed().as_secs() < 5,
        "took {:?}",
        started.elapsed()
    );
    let titles: Vec<&str> = loaded.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(titles, ["Vorher", "Nachher"]);
    let errors = messages(&loaded);
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with(&format!(
            "{}:2: record too long: {} (kiosk reads JSON records up to 16 MiB)",
            path.display(),
            load::limits::human_bytes(huge_len as u64)
        )),
        "{}",
        errors[0]
    );
}

#[test]
fn deeply_nested_json_is_an_error_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let nested_object = format!(
        "{{\"title\": \"T\", \"x\": {}1{}}}",
        "{\"a\":".repeat(50_000),
        "}".repeat(50_000)
    );
    let content = format!("{deep}\n{nested_object}\n{{\"title\": \"Gut\", \"text\": \"Text.\"}}\n");
    let loaded = jsonl::parse(Path::new("deep.jsonl"), Format::JsonLines, &content);
    assert_eq!(loaded.articles.len(), 1);
    let errors = messages(&loaded);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors[0].starts_with("deep.jsonl:1: invalid JSON: recursion limit exceeded"),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with("deep.jsonl:2: invalid JSON: recursion limit exceeded"),
        "{}",
        errors[1]
    );
    let as_array = jsonl::parse(Path::new("deep.json"), Format::Json, &deep);
    assert!(as_array.articles.is_empty());
    assert_eq!(as_array.errors.len(), 1);
}

#[test]
fn odd_records_never_panic() {
    let lines = [
        "{}",
        "null",
        "\"nur ein String\"",
        "{\"title\": 42, \"text\": [1, 2]}",
        "{\"title\": \"\", \"maintext\": \"   \"}",
        "{\"title\": \"T\", \"maintext\": \"„offenes Zitat ohne Ende. Satz. Satz.\"}",
        "{\"description\": \"…\", \"maintext\": \"…\"}",
        "{\"title\": \"T\", \"url\": \"nicht-http\", \"text\": \"x\"}",
        "{\"title\": \"\\ud800\"}",
        "\u{feff}{\"title\": \"BOM\"}",
        "{\"title\": \"a\"} {\"title\": \"b\"}",
    ];
    let long = "Ein Satz mit „Zitat. Noch ein Satz.“ Und weiter. ".repeat(400);
    let content =
        lines.join("\n") + "\n" + &format!("{{\"title\": \"Lang\", \"text\": \"{long}\"}}");
    let loaded = jsonl::parse(Path::new("odd.jsonl"), Format::JsonLines, &content);
    assert!(loaded.articles.iter().any(|a| a.title == "Lang"));
    let lang = loaded
        .articles
        .iter()
        .find(|a| a.title == "Lang")
        .expect("loaded");
    assert!(
        lang.paragraphs().count() > 3,
        "split: {}",
        lang.paragraphs().count()
    );
    let _ = jsonl::parse(Path::new("odd.json"), Format::Json, &content);
}
