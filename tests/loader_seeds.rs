//! The five seed articles against the hand-made gold (`../shared/gold/seeds.json`): the
//! figures `kiosk-score seeds` prints for structure (titles, headings, boilerplate leaks,
//! captions), computed in-process, plus leads, kickers, the dateline, sources and the date.
//! Also the built binary: `export` from another folder, `--help`, `--version`.

mod common;

use std::collections::HashSet;
use std::process::Command;

use kiosk::model::Article;
use serde_json::Value;

/// Whitespace collapsed, as the scorer compares strings.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The scorer's word list: quotation marks to spaces, lower case, runs of word characters.
fn norm_words(s: &str) -> HashSet<String> {
    s.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Shared words over the smaller set, as the scorer's `overlap`.
fn overlap(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    a.intersection(b).count() as f64 / a.len().min(b.len()) as f64
}

fn gold() -> Option<serde_json::Map<String, Value>> {
    let path = common::shared("gold/seeds.json", "loader_seeds")?;
    let text = std::fs::read_to_string(path).expect("gold/seeds.json is readable");
    match serde_json::from_str(&text).expect("gold/seeds.json is JSON") {
        Value::Object(map) => Some(map),
        _ => panic!("gold/seeds.json is not an object"),
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

fn article<'a>(articles: &'a [Article], file: &str) -> &'a Article {
    let stem = file.trim_end_matches(".txt");
    articles
        .iter()
        .find(|a| a.id == stem)
        .unwrap_or_else(|| panic!("{file} was not loaded"))
}

/// Figures of `kiosk-score seeds` (structure part) for a set of parsed articles.
#[derive(Debug, Default, PartialEq)]
struct Figures {
    titles: usize,
    heading_hits: usize,
    headings_found: usize,
    headings_gold: usize,
    leaks: Vec<String>,
    captions_hit: usize,
    captions_gold: usize,
}

fn score(articles: &[Article], gold: &serde_json::Map<String, Value>) -> Figures {
    let mut f = Figures::default();
    for (file, g) in gold {
        let a = article(articles, file);
        let mut titles = vec![squash(g["title"].as_str().unwrap_or_default())];
        titles.extend(strings(&g["title_alternatives"]).iter().map(|t| squash(t)));
        f.titles += usize::from(titles.contains(&squash(&a.title)));
        let found: Vec<String> = a
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref().map(squash))
            .collect();
        let wanted: Vec<String> = strings(&g["sections"]).iter().map(|h| squash(h)).collect();
        f.heading_hits += found.iter().filter(|h| wanted.contains(h)).count();
        f.headings_found += found.len();
        f.headings_gold += wanted.len();
        let paragraphs = squash(
            &a.paragraphs()
                .map(|(_, _, p)| p)
                .collect::<Vec<_>>()
                .join("\n"),
        );
        for b in strings(&g["boilerplate"]) {
            if b.chars().count() > 12 && paragraphs.contains(&squash(&b)) {
                f.leaks.push(format!("{file}: {b}"));
            }
        }
        let shown = norm_words(&a.captions.join(" | "));
        for caption in strings(&g["captions"]) {
            f.captions_gold += 1;
            f.captions_hit += usize::from(overlap(&norm_words(&caption), &shown) >= 0.8);
        }
    }
    f
}

#[test]
fn seeds_match_the_gold_structure() {
    let Some(gold) = gold() else { return };
    let articles = kiosk::load::seeds();
    assert_eq!(articles.len(), 5);
    let f = score(&articles, &gold);
    eprintln!(
        "titles {}/5; headings P {:.2} R {:.2}; boilerplate leaks {}; captions {}/{}",
        f.titles,
        f.heading_hits as f64 / f.headings_found.max(1) as f64,
        f.heading_hits as f64 / f.headings_gold.max(1) as f64,
        f.leaks.len(),
        f.captions_hit,
        f.captions_gold
    );
    assert_eq!(f.titles, 5, "every title or a title alternative");
    assert_eq!(f.heading_hits, f.headings_gold, "every gold heading found");
    assert_eq!(f.headings_found, f.headings_gold, "no extra heading");
    assert!(
        f.leaks.is_empty(),
        "boilerplate in paragraphs: {:?}",
        f.leaks
    );
    assert_eq!(f.captions_hit, f.captions_gold, "every caption");
}

#[test]
fn seeds_match_the_gold_leads_kickers_dateline_sources_and_date() {
    let Some(gold) = gold() else { return };
    let articles = kiosk::load::seeds();
    for (file, g) in &gold {
        let a = article(&articles, file);
        assert_eq!(
            a.lead.as_deref().map(squash),
            g["lead"].as_str().map(squash),
            "{file}: lead"
        );
        assert_eq!(
            a.title_inferred,
            g["title_inferred"].as_bool().unwrap_or(false),
            "{file}: title_inferred"
        );
        assert_eq!(
            a.kicker.as_deref(),
            g.get("kicker").and_then(Value::as_str),
            "{file}: kicker"
        );
        assert_eq!(
            a.dateline.as_deref(),
            g.get("dateline").and_then(Value::as_str),
            "{file}: dateline"
        );
        assert_eq!(a.sources, strings(&g["sources"]), "{file}: sources");
        for caption in &a.captions {
            assert!(
                !caption.contains('<'),
                "{file}: raw HTML in caption {caption}"
            );
        }
        if let Some(credit) = g.get("source_credit").and_then(Value::as_str) {
            let text: Vec<&str> = a.paragraphs().map(|(_, _, p)| p).collect();
            assert!(
                !text.contains(&credit),
                "{file}: the credit line is not content"
            );
        }
    }
    let a001 = article(&articles, "001_7f7d659bd392a644.txt");
    assert_eq!(a001.date.as_deref(), Some("2023-08-02"));
}

#[test]
fn seed_paragraphs_are_source_lines_intact() {
    // The quote extractor works per paragraph: every seed paragraph must be one whole
    // line of the seed file, quotation marks and all.
    let articles = kiosk::load::seeds();
    for (name, bytes) in kiosk::load::SEEDS {
        let text = String::from_utf8_lossy(bytes);
        let lines: HashSet<String> = text.lines().map(squash).collect();
        let a = article(&articles, name);
        for (_, _, p) in a.paragraphs() {
            assert!(
                lines.contains(p),
                "{name}: paragraph is not a source line: {p}"
            );
        }
    }
}

#[test]
fn the_binary_exports_the_seeds_from_any_folder() {
    let out = Command::new(env!("CARGO_BIN_EXE_kiosk"))
        .args(["export", "--format", "json"])
        .current_dir(std::env::temp_dir())
        .output()
        .expect("kiosk runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let exported: Vec<Article> = serde_json::from_slice(&out.stdout).expect("an array of articles");
    assert_eq!(exported.len(), 5);
    assert!(
        exported
            .iter()
            .all(|a| !a.title.is_empty() && a.paragraphs().count() > 0)
    );
    assert_eq!(exported[1].title, "Putin sieht nur einen Ausweg");
}

#[test]
fn the_binary_has_help_and_version() {
    let run = |arg: &str| {
        Command::new(env!("CARGO_BIN_EXE_kiosk"))
            .arg(arg)
            .output()
            .expect("kiosk runs")
    };
    let help = run("--help");
    assert!(help.status.success());
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("export") && help.contains("Usage"), "{help}");
    let version = run("--version");
    assert!(version.status.success());
    assert!(String::from_utf8_lossy(&version.stdout).contains(env!("CARGO_PKG_VERSION")));
}
