//! Text files as they come: UTF-8 with and without BOM, UTF-16 LE/BE with BOM,
//! Windows-1252, CRLF line ends, tabs, non-breaking spaces, control characters, HTML
//! entities. Each fixture is written by the test into a temporary folder and loaded the
//! way the binary loads files.

use std::path::{Path, PathBuf};

use kiosk::model::Article;

const TITLE: &str = "Grüße aus Köln: Straßenbahn fährt wieder";
const BODY: &str = "Die Kölner Verkehrs-Betriebe melden, dass die Linie 7 ab Montag wieder fährt. \
    Fahrgäste müssen aber mit Verspätungen rechnen, sagte eine Sprecherin.";

fn article_text(newline: &str) -> String {
    [TITLE, "", "2024-03-11", "", BODY, ""].join(newline)
}

fn load_one(dir: &Path, name: &str, bytes: &[u8]) -> Article {
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, bytes).expect("the fixture is written");
    let mut loaded = kiosk::load::load_paths(&[path]);
    assert!(loaded.errors.is_empty(), "{name}: {:?}", loaded.errors);
    assert_eq!(loaded.articles.len(), 1, "{name}");
    loaded.articles.remove(0)
}

fn assert_clean(a: &Article, name: &str) {
    assert_eq!(a.title, TITLE, "{name}");
    assert_eq!(a.date.as_deref(), Some("2024-03-11"), "{name}");
    let text: Vec<&str> = a.paragraphs().map(|(_, _, p)| p).collect();
    assert_eq!(text, [BODY], "{name}");
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xfe, 0xff]
    } else {
        vec![0xff, 0xfe]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

#[test]
fn utf8_with_and_without_bom() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let plain = article_text("\n");
    assert_clean(
        &load_one(dir.path(), "plain.txt", plain.as_bytes()),
        "plain",
    );
    let mut bom = vec![0xef, 0xbb, 0xbf];
    bom.extend(plain.as_bytes());
    assert_clean(&load_one(dir.path(), "bom.txt", &bom), "bom");
}

#[test]
fn utf16_little_and_big_endian_with_bom() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let text = article_text("\r\n");
    assert_clean(&load_one(dir.path(), "le.txt", &utf16(&text, false)), "le");
    assert_clean(&load_one(dir.path(), "be.txt", &utf16(&text, true)), "be");
}

#[test]
fn windows_1252_bytes() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let text = article_text("\r\n");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!unmappable);
    assert_clean(&load_one(dir.path(), "cp1252.txt", &bytes), "cp1252");
    // "Preis: 5 € – „günstig“" uses bytes 0x80, 0x96, 0x84 and 0x93 of Windows-1252.
    let quote =
        b"Preis \x80\n\nDer Preis liegt bei 5 \x80 \x96 \x84g\xfcnstig\x93, sagte er heute.\n";
    let a = load_one(dir.path(), "quote.txt", quote);
    let text: Vec<&str> = a.paragraphs().map(|(_, _, p)| p).collect();
    assert_eq!(
        text,
        ["Der Preis liegt bei 5 € – „günstig“, sagte er heute."]
    );
}

#[test]
fn crlf_tabs_nbsp_and_control_characters() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let messy = format!(
        "{TITLE}\r\n\r\n2024-03-11\r\n\r\n{}\r\n",
        BODY.replace("Die Kölner", "Die\tKölner")
            .replace("Linie 7", "Linie\u{a0}7")
            .replace("melden", "mel\u{ad}den\u{7}")
            .replace("Fahrgäste", "\u{200b}Fahrgäste")
    );
    let a = load_one(dir.path(), "messy.txt", messy.as_bytes());
    assert_clean(&a, "messy");
    let old_mac = article_text("\r");
    assert_clean(&load_one(dir.path(), "cr.txt", old_mac.as_bytes()), "cr");
}

#[test]
fn html_fragments_and_entities_in_text() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let text = "Tom &amp; Jerry kehren zur&uuml;ck\n\n\
        Die <b>beliebte</b> Serie &ndash; seit 1940 im Kino &ndash; bekommt eine Fortsetzung, \
        teilte das Studio mit.&nbsp;Drehstart ist im Mai.\n\n\
        Ein Szenenbild.<span class=\"credit\">Studio/Archiv</span>\n\n\
        Weitere Folgen sollen 2026 erscheinen, hieß es weiter aus dem Studio.\n";
    let a = load_one(dir.path(), "html.txt", text.as_bytes());
    assert_eq!(a.title, "Tom & Jerry kehren zurück");
    assert_eq!(
        a.lead.as_deref(),
        Some(
            "Die beliebte Serie – seit 1940 im Kino – bekommt eine Fortsetzung, teilte das \
             Studio mit. Drehstart ist im Mai."
        )
    );
    assert_eq!(a.captions, ["Ein Szenenbild. (Studio/Archiv)"]);
}

#[test]
fn empty_binary_and_wordless_files_are_reported_not_loaded() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", &b" \n\r\n\t\n"[..]),
        ("binary.txt", &b"\x89PNG\x00\x00\x00\x0dIHDR\x00\x01"[..]),
        ("marks.txt", &b"*** --- ***\n"[..]),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("the fixture is written");
        let loaded = kiosk::load::load_paths(&[path]);
        assert!(loaded.articles.is_empty(), "{name} gave an article");
        assert_eq!(loaded.errors.len(), 1, "{name}");
        let message = loaded.errors[0].to_string();
        assert!(message.contains(name), "{message}");
    }
}

#[test]
fn odd_text_never_panics() {
    // A fixed pseudo-random mix of the characters the rules look at.
    let palette = [
        "„",
        "“",
        "”",
        "\"",
        "»",
        "«",
        "‚",
        "‘",
        "(",
        ")",
        "[",
        "]",
        ".",
        "…",
        "?",
        "!",
        ":",
        ";",
        " – ",
        " - ",
        "-",
        "#",
        "## ",
        "*",
        "**",
        "_",
        "•",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "\u{a0}",
        "&",
        "&amp;",
        "&#",
        "<",
        "</span>",
        "<span class=\"credit\">",
        "ä",
        "ß",
        "€",
        "中文",
        "👍",
        "Wien",
        "Foto:",
        "(Foto: AP)",
        "Quellen:",
        "Loading...",
        "z. B.",
        "5.",
        "2023",
        "02.08.2023",
        "Von Max",
        "Anzeige",
        "Das",
        "sagte",
        "er",
        "Text",
        "Titel",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for round in 0..400 {
        let mut text = String::new();
        let len = 1 + round % 120;
        for _ in 0..len {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(palette[(seed % palette.len() as u64) as usize]);
            if seed.is_multiple_of(3) {
                text.push(' ');
            }
        }
        let _ = kiosk::load::text::parse("x", "x.md", &text);
        let _ = kiosk::load::text::parse("x", "x.txt", &text.repeat(20).replace('\n', " "));
        let _ = kiosk::load::text::split_long_paragraph(&text.repeat(30));
    }
}
