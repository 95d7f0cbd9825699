//! The countries of the five seed articles against the hand-made gold
//! (../shared/gold/seeds.json), scored as `kiosk-score seeds` scores them: the set F1 of
//! country codes over the five articles and the mean relative error of the mention counts.
//!
//! The content of each seed is taken from the gold's `line_zones` (title, kicker, lead,
//! dateline+lead without its dateline, heading, body), so the figure measures the matcher
//! alone, whatever the loader makes of the file.

mod common;

use std::collections::BTreeMap;

use kiosk::extract::countries;
use kiosk::model::{Article, Section};
use serde_json::Value;

/// kiosk-score's GOLD_CODES: the gold's country names to codes.
const GOLD_CODES: &[(&str, &str)] = &[
    ("Belarus", "BY"),
    ("Brasilien", "BR"),
    ("China", "CN"),
    ("Deutschland", "DE"),
    ("Frankreich", "FR"),
    ("Großbritannien", "GB"),
    ("Indien", "IN"),
    ("Irak", "IQ"),
    ("Iran", "IR"),
    ("Israel", "IL"),
    ("Italien", "IT"),
    ("Japan", "JP"),
    ("Kosovo", "XK"),
    ("Libyen", "LY"),
    ("Mali", "ML"),
    ("Nicaragua", "NI"),
    ("Nordkorea", "KP"),
    ("Pakistan", "PK"),
    ("Russland", "RU"),
    ("Saudi-Arabien", "SA"),
    ("Schweiz", "CH"),
    ("Syrien", "SY"),
    ("Südafrika", "ZA"),
    ("Taiwan", "TW"),
    ("Türkei", "TR"),
    ("USA", "US"),
    ("Ukraine", "UA"),
    ("Venezuela", "VE"),
    ("Vietnam", "VN"),
    ("Kuba", "CU"),
];

const CONTENT_ZONES: &[&str] = &[
    "title",
    "kicker",
    "lead",
    "dateline+lead",
    "heading",
    "body",
];

/// The content lines of one seed as an article (title = first line, the rest paragraphs).
fn content_article(raw: &str, gold: &Value) -> Article {
    let lines: Vec<&str> = raw.split('\n').collect();
    let zones = gold["line_zones"].as_object().cloned().unwrap_or_default();
    let mut numbered: Vec<(usize, &str)> = zones
        .iter()
        .filter_map(|(n, z)| Some((n.parse::<usize>().ok()?, z.as_str()?)))
        .filter(|(_, z)| CONTENT_ZONES.contains(z))
        .collect();
    numbered.sort();
    let dateline = gold["dateline"].as_str().unwrap_or("");
    let mut parts: Vec<String> = Vec::new();
    for (n, zone) in numbered {
        let line = lines.get(n - 1).copied().unwrap_or("");
        let text = if zone == "dateline+lead" {
            line.strip_prefix(dateline).unwrap_or(line)
        } else {
            line
        };
        parts.push(text.to_string());
    }
    let title = if parts.is_empty() {
        String::new()
    } else {
        parts.remove(0)
    };
    Article {
        title,
        sections: vec![Section {
            heading: None,
            paragraphs: parts,
        }],
        ..Article::default()
    }
}

/// (set precision, recall, F1, mean relative count error) over the five seeds.
fn score(
    shared: &std::path::Path,
    count: impl Fn(&Article) -> Vec<kiosk::model::CountryCount>,
) -> (f64, f64, f64, f64) {
    let gold_text = std::fs::read_to_string(shared.join("gold/seeds.json")).expect("gold");
    let gold: BTreeMap<String, Value> = serde_json::from_str(&gold_text).expect("gold json");
    let codes: BTreeMap<&str, &str> = GOLD_CODES.iter().copied().collect();
    let (mut tp_p, mut n_p, mut tp_g, mut n_g) = (0, 0, 0, 0);
    let mut errors = Vec::new();
    for (name, g) in &gold {
        let raw = std::fs::read_to_string(shared.join("seeds").join(name)).expect("seed file");
        let found = count(&content_article(&raw, g));
        let pred: BTreeMap<&str, u32> = found
            .iter()
            .map(|c| (c.code.as_str(), c.mentions))
            .collect();
        let mut want = BTreeMap::new();
        for c in g["countries"].as_array().into_iter().flatten() {
            let code = codes[c["name"].as_str().unwrap_or("")];
            want.insert(code, c["mentions"].as_u64().unwrap_or(0) as u32);
        }
        tp_p += pred.keys().filter(|c| want.contains_key(*c)).count();
        n_p += pred.len();
        tp_g += want.keys().filter(|c| pred.contains_key(*c)).count();
        n_g += want.len();
        for (code, n) in &want {
            if let Some(p) = pred.get(code) {
                errors.push((*p as f64 - *n as f64).abs() / *n as f64);
            }
            eprintln!("{name} {code}: gold {n}, found {:?}", pred.get(code));
        }
        for code in pred.keys().filter(|c| !want.contains_key(*c)) {
            eprintln!("{name} {code}: not in gold, found {}", pred[code]);
        }
    }
    let p = tp_p as f64 / n_p as f64;
    let r = tp_g as f64 / n_g as f64;
    let mre = errors.iter().sum::<f64>() / errors.len() as f64;
    (p, r, 2.0 * p * r / (p + r), mre)
}

#[test]
fn seed_countries_match_the_gold() {
    let Some(shared) = common::shared_dir().filter(|d| d.join("seeds").is_dir()) else {
        eprintln!("skipping seed_countries_match_the_gold: ../shared is not here");
        return;
    };
    let (p, r, f1, mre) = score(&shared, countries::count);
    eprintln!("seeds countries: P {p:.3} R {r:.3} F1 {f1:.3}; mean relative count error {mre:.3}");
    assert!(f1 >= 0.97, "country set F1 {f1:.3} < 0.97");
    assert!(mre <= 0.20, "mean relative count error {mre:.3} > 0.20");
}

/// What closed compounds (Chinaforscherin, Kremlchef, Ostukraine) do on the seeds: both
/// figures are printed (the gold counts them), and both stay above the bar.
#[test]
fn seed_countries_with_and_without_closed_compounds() {
    let Some(shared) = common::shared_dir().filter(|d| d.join("seeds").is_dir()) else {
        eprintln!("skipping seed_countries_with_and_without_closed_compounds: no ../shared");
        return;
    };
    for closed in [false, true] {
        let (_, count) = countries::variant(closed);
        let (p, r, f1, mre) = score(&shared, count);
        eprintln!("closed compounds {closed}: P {p:.3} R {r:.3} F1 {f1:.3}; count error {mre:.3}");
        assert!(f1 >= 0.97 && mre <= 0.20);
    }
}
