//! Issue 8, what files hold: binary data, other encodings, empty and blank files,
//! enormous lines, broken JSON, HTML nested beyond reason, more records than one file
//! may give. Each bad file is named once on stderr with its problem, the good file
//! beside it loads (exit code 0); alone, the bad file fails the run (exit code 1).
//! Files that only look odd (UTF-16 without BOM, Latin-1) load with their text intact.

mod robust;

use robust::{GOOD_TITLE, assert_skipped_beside_good, export, folder_with_good_file, write};

use kiosk::load::limits::{MAX_ARTICLES_PER_FILE, MAX_LINE_BYTES};

#[test]
fn a_binary_file_named_txt() {
    let dir = folder_with_good_file();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x1f\x15\xc4\x89";
    let bad = write(dir.path(), "bild.txt", png);
    assert_skipped_beside_good(dir.path(), &bad, "not a text file (binary data)");
}

#[test]
fn utf16_without_bom_and_latin1_load_with_their_text() {
    let dir = folder_with_good_file();
    let text = "Gespräch in Moskau\n\nDer Außenminister traf seinen Amtskollegen in Moskau.\n";
    let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    write(dir.path(), "utf16.txt", utf16);
    let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(std::str::from_utf8(&latin1).is_err(), "really Latin-1");
    write(dir.path(), "latin1.txt", &latin1[..]);
    let run = export(&[dir.path()]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
    let titles: Vec<String> = run
        .articles()
        .iter()
        .map(|a| a["title"].to_string())
        .collect();
    assert_eq!(
        titles,
        [
            format!("\"{GOOD_TITLE}\""),
            "\"Gespräch in Moskau\"".to_owned(),
            "\"Gespräch in Moskau\"".to_owned()
        ]
    );
    for article in &run.articles()[1..] {
        let paragraph = &article["sections"][0]["paragraphs"][0];
        assert_eq!(
            paragraph,
            "Der Außenminister traf seinen Amtskollegen in Moskau."
        );
        assert_eq!(article["countries"][0]["code"], "RU");
    }
}

#[test]
fn an_empty_file() {
    let dir = folder_with_good_file();
    let bad = write(dir.path(), "leer.txt", "");
    assert_skipped_beside_good(dir.path(), &bad, "empty file");
}

#[test]
fn a_file_of_white_space_only() {
    let dir = folder_with_good_file();
    let bad = write(dir.path(), "blank.md", " \n\r\n\t\n   ");
    assert_skipped_beside_good(dir.path(), &bad, "no text (only white space)");
    let dir = folder_with_good_file();
    let utf16_spaces: Vec<u8> = [0xff, 0xfe, b' ', 0, b'\n', 0, 0xa0, 0].to_vec();
    let bad = write(dir.path(), "blank16.txt", utf16_spaces);
    assert_skipped_beside_good(dir.path(), &bad, "no text (only white space)");
}

#[test]
fn a_50_mb_text_on_one_line() {
    let dir = folder_with_good_file();
    let sentence = "Die Regierung in Kiew meldete am Montag neue Angriffe im Osten. ";
    let line = sentence.repeat(50 * 1024 * 1024 / sentence.len());
    let bad = write(dir.path(), "eine-zeile.txt", &line);
    let problem = format!(
        "line 1 is {} long (kiosk reads lines up to 1 MiB): not an article text",
        kiosk::load::limits::human_bytes(line.len() as u64)
    );
    assert_skipped_beside_good(dir.path(), &bad, &problem);
}

#[test]
fn a_long_line_within_the_limit_loads_in_time() {
    let dir = folder_with_good_file();
    let sentence = "Die Regierung in Kiew meldete am Montag neue Angriffe. „Wir gehen“, sagte er. ";
    let line = sentence.repeat(MAX_LINE_BYTES / sentence.len() - 1);
    write(
        dir.path(),
        "lang.txt",
        format!("Eine lange Zeile\n\n{line}\n"),
    );
    let started = std::time::Instant::now();
    let run = export(&[dir.path()]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
    assert_eq!(run.ids(), ["good", "lang"]);
    let paragraphs = run.articles()[1]["sections"][0]["paragraphs"]
        .as_array()
        .map_or(0, Vec::len);
    assert!(paragraphs > 1000, "split into paragraphs: {paragraphs}");
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}

#[test]
fn a_20_mb_json_line() {
    let dir = folder_with_good_file();
    let body = "Kiew meldet Angriffe. ".repeat(20 * 1024 * 1024 / 22);
    let line = format!("{{\"title\": \"Riesig\", \"text\": \"{body}\"}}");
    let content = format!("{line}\n");
    let bad = write(dir.path(), "riesig.jsonl", content);
    let problem = format!(
        "record too long: {} (kiosk reads JSON records up to 16 MiB)",
        kiosk::load::limits::human_bytes(line.len() as u64)
    );
    let run = export(&[dir.path()]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stderr,
        format!("kiosk: skipped {}:1: {problem}\n", bad.display())
    );
    assert_eq!(run.ids(), ["good"]);
}

#[test]
fn a_broken_json_file() {
    let dir = folder_with_good_file();
    let bad = write(
        dir.path(),
        "kaputt.json",
        "{\"title\": \"Kiew\", \"text\": ",
    );
    assert_skipped_beside_good(
        dir.path(),
        &bad,
        "invalid JSON: EOF while parsing a value (column 26)",
    );
}

#[test]
fn a_bad_line_in_json_lines_costs_that_line_only() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let content = "{\"title\": \"Erste\", \"text\": \"Kiew.\"}\n{\"title\": kaputt}\n\
                   [1, 2]\n{\"title\": \"Vierte\", \"text\": \"Moskau.\"}\n";
    let path = write(dir.path(), "korpus.jsonl", content);
    let run = export(&[dir.path()]);
    assert_eq!(run.code, 0, "{run:?}");
    let p = path.display();
    assert_eq!(
        run.stderr,
        format!(
            "kiosk: skipped {p}:2: invalid JSON: expected value (column 11)\n\
             kiosk: skipped {p}:3: not a JSON object\n"
        )
    );
    assert_eq!(run.ids(), ["korpus#1", "korpus#4"]);
}

#[test]
fn a_file_of_bad_records_only_is_named_once() {
    let dir = folder_with_good_file();
    let lines: String = (0..50).map(|i| format!("Zeile {i}, kein JSON\n")).collect();
    let bad = write(dir.path(), "notizen.jsonl", lines);
    assert_skipped_beside_good(
        dir.path(),
        &bad,
        "none of its 50 records could be read (the first, line 1: invalid JSON: expected value (column 1))",
    );
}

#[test]
fn many_bad_records_are_counted_not_listed() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut content = String::from("{\"title\": \"Gut\"}\n");
    content.extend((0..20).map(|_| "{}\n"));
    let path = write(dir.path(), "viele.jsonl", content);
    let run = export(&[dir.path()]);
    assert_eq!(run.code, 0, "{run:?}");
    let p = path.display();
    let listed: String = (2..=6)
        .map(|n| {
            format!("kiosk: skipped {p}:{n}: no text: none of title, maintext, text, description\n")
        })
        .collect();
    assert_eq!(
        run.stderr,
        format!("{listed}kiosk: skipped {p}: 15 more bad records, not listed\n")
    );
    assert_eq!(run.ids(), ["viele#1"]);
}

#[test]
fn more_records_than_one_file_may_give() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let content: String = (0..=MAX_ARTICLES_PER_FILE)
        .map(|i| format!("{{\"id\": \"a{i}\", \"title\": \"T\"}}\n"))
        .collect();
    let path = write(dir.path(), "gross.jsonl", content);
    let run = export(&[&path]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stderr,
        format!(
            "kiosk: skipped {}: the records after the first 100000, the most kiosk reads from one file (split the file to read them)\n",
            path.display()
        )
    );
    assert_eq!(run.stdout.lines().count(), MAX_ARTICLES_PER_FILE);
}

fn nested_page(depth: usize) -> String {
    format!(
        "<html><head><title>Tief verschachtelt</title></head><body>{}<p>Ein Absatz ganz unten über Kiew, mit Kommas, Worten und genug Text, um zu zählen.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

#[test]
fn html_nested_20000_deep_loads() {
    let dir = folder_with_good_file();
    write(dir.path(), "tief.html", nested_page(20_000));
    let run = export(&[dir.path()]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{run:?}");
    assert_eq!(run.ids(), ["good", "tief"]);
    assert_eq!(run.articles()[1]["countries"][0]["code"], "UA");
}

#[test]
fn html_nested_100000_deep_is_refused() {
    let dir = folder_with_good_file();
    let bad = write(dir.path(), "zu-tief.html", nested_page(100_000));
    assert_skipped_beside_good(
        dir.path(),
        &bad,
        "elements nested 100002 levels deep (kiosk reads pages up to 30000 levels)",
    );
}
