//! The country parts of the command line, run through the built binary: `kiosk entities`
//! (char offsets, DESIGN.md §4) and `kiosk export` (`countries`, `--country`).

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn kiosk(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the kiosk binary runs");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).expect("stdin");
    }
    child.wait_with_output().expect("kiosk finishes")
}

fn json_lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("one JSON value per line"))
        .collect()
}

#[test]
fn entities_prints_char_offsets_per_line() {
    let input = "Über Äquatorialguinea und die Türkei.\n\nMichael Jordan in Jordanien.\n";
    let out = kiosk(&["entities", "--jsonl"], input);
    assert!(out.status.success());
    let rows = json_lines(&out);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["line"], 1);
    let first = &rows[0]["countries"];
    assert_eq!(first[0]["text"], "Äquatorialguinea");
    assert_eq!(
        (first[0]["start"].as_u64(), first[0]["end"].as_u64()),
        (Some(5), Some(21))
    );
    assert_eq!(first[0]["code"], "GQ");
    assert_eq!(first[1]["text"], "Türkei");
    assert_eq!(
        (first[1]["start"].as_u64(), first[1]["end"].as_u64()),
        (Some(30), Some(36))
    );
    assert_eq!(rows[1]["countries"].as_array().map(Vec::len), Some(0));
    let third = rows[2]["countries"].as_array().cloned().unwrap_or_default();
    assert_eq!(third.len(), 1);
    assert_eq!(third[0]["code"], "JO");
}

/// The codes of every exported article, in export order.
fn exported(args: &[&str]) -> Vec<(String, Vec<String>)> {
    let mut all = vec!["export", "--format", "jsonl"];
    all.extend(args);
    let out = kiosk(&all, "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&out)
        .iter()
        .map(|a| {
            let codes = a["countries"].as_array().into_iter().flatten();
            let codes = codes.filter_map(|c| c["code"].as_str().map(String::from));
            (a["id"].as_str().unwrap_or("").to_string(), codes.collect())
        })
        .collect()
}

#[test]
fn export_lists_countries_most_mentioned_first_with_german_names() {
    let out = kiosk(&["export", "--format", "jsonl"], "");
    let articles = json_lines(&out);
    assert_eq!(articles.len(), 5);
    for a in &articles {
        let countries = a["countries"].as_array().cloned().unwrap_or_default();
        assert!(!countries.is_empty(), "{} has countries", a["id"]);
        let key = |c: &Value| {
            (
                std::cmp::Reverse(c["mentions"].as_u64()),
                c["code"].to_string(),
            )
        };
        assert!(countries.windows(2).all(|w| key(&w[0]) <= key(&w[1])));
    }
    let first = &articles[0]["countries"];
    let ru = first
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["code"] == "RU");
    assert_eq!(ru.map(|c| c["name"].clone()), Some(Value::from("Russland")));
}

#[test]
fn export_filters_by_country_code_or_name() {
    let all = exported(&[]);
    for query in ["TW", "tw", "Taiwan"] {
        let only = exported(&["--country", query]);
        let want: Vec<_> = all
            .iter()
            .filter(|(_, c)| c.contains(&"TW".into()))
            .collect();
        assert_eq!(only.len(), want.len(), "--country {query}");
        assert!(!only.is_empty());
        assert!(only.iter().all(|(_, c)| c.contains(&"TW".to_string())));
    }
    let both = exported(&["--country", "Türkei", "--country", "Russia"]);
    assert!(!both.is_empty());
    for (_, c) in &both {
        assert!(c.contains(&"TR".to_string()) && c.contains(&"RU".to_string()));
    }
    assert!(both.len() < all.len());
}

#[test]
fn export_rejects_an_unknown_country() {
    let out = kiosk(&["export", "--country", "Narnia"], "");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Narnia"));
}
