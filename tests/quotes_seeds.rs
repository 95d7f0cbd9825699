//! The five seed articles against the hand-made gold (`../shared/gold/seeds.json`),
//! scored as `kiosk-score seeds` scores them: quote F1, the right speaker for the found
//! quotes, the right kind for the named speakers.

mod common;
mod quotes_score;

use std::collections::HashSet;

use serde_json::Value;

use quotes_score::{overlap, same_speaker, word_set};

/// What DESIGN.md's issue asks of the seeds.
const MIN_F1: f64 = 0.95;
const MIN_SPEAKERS: f64 = 0.95;
const MIN_KINDS: f64 = 0.90;

#[derive(Default, Debug)]
struct Tally {
    tp_pred: usize,
    n_pred: usize,
    tp_gold: usize,
    n_gold: usize,
    speaker_ok: usize,
    speaker_n: usize,
    kind_ok: usize,
    kind_n: usize,
}

fn score_article(gold: &Value, article: &kiosk::Article, t: &mut Tally) {
    let spans = gold["quote_spans"].as_array().cloned().unwrap_or_default();
    let wanted: Vec<&Value> = spans
        .iter()
        .filter(|x| {
            matches!(x["category"].as_str(), Some("direct" | "partial")) && x["zone"] == "body"
        })
        .collect();
    let optional: Vec<HashSet<String>> = ["attributed_short_quotes", "heading_quotes"]
        .iter()
        .flat_map(|k| gold[*k].as_array().cloned().unwrap_or_default())
        .map(|x| word_set(x["text"].as_str().unwrap_or("")))
        .collect();
    let predicted: Vec<HashSet<String>> =
        article.quotes.iter().map(|q| word_set(&q.text)).collect();
    let mut matched = HashSet::new();
    for x in &wanted {
        let g = word_set(x["text"].as_str().unwrap_or(""));
        let mut best = (0.0, None);
        for (i, p) in predicted.iter().enumerate() {
            let o = overlap(&g, p);
            if o > best.0 {
                best = (o, Some(i));
            }
        }
        match best {
            (o, Some(i)) if o >= 0.5 => {
                t.tp_gold += 1;
                matched.insert(i);
                if let Some(speaker) = x["speaker"].as_str() {
                    t.speaker_n += 1;
                    let said = article.quotes[i].speaker.as_deref();
                    if same_speaker(speaker, said) {
                        t.speaker_ok += 1;
                    } else {
                        eprintln!(
                            "{}: speaker {said:?} for a quote of {speaker:?}",
                            article.id
                        );
                    }
                }
            }
            _ => eprintln!("{}: missed {:?}", article.id, x["text"]),
        }
    }
    t.n_gold += wanted.len();
    for (i, p) in predicted.iter().enumerate() {
        if matched.contains(&i) {
            t.tp_pred += 1;
            t.n_pred += 1;
        } else if !optional.iter().any(|o| overlap(o, p) >= 0.5) {
            t.n_pred += 1;
            eprintln!(
                "{}: not a quote in gold: {:?}",
                article.id, article.quotes[i].text
            );
        }
    }
    let named: Vec<(&str, &str)> = gold["speakers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|s| s["named"] == true)
        .filter_map(|s| Some((s["name"].as_str()?, s["kind"].as_str()?)))
        .collect();
    for speaker in &article.speakers {
        if let Some((_, kind)) = named
            .iter()
            .find(|(name, _)| same_speaker(name, Some(&speaker.name)))
        {
            t.kind_n += 1;
            t.kind_ok += usize::from(speaker.kind.as_str() == *kind);
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

#[test]
fn seed_quotes_speakers_and_kinds_match_the_gold() {
    let Some(path) = common::shared(
        "gold/seeds.json",
        "seed_quotes_speakers_and_kinds_match_the_gold",
    ) else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("read seeds.json");
    let gold: Value = serde_json::from_str(&text).expect("parse seeds.json");
    let loaded = kiosk::load_corpus(&[]);
    let mut tally = Tally::default();
    for article in &loaded.articles {
        let key = format!("{}.txt", article.id);
        if let Some(g) = gold.get(&key) {
            score_article(g, article, &mut tally);
        }
    }
    let precision = ratio(tally.tp_pred, tally.n_pred);
    let recall = ratio(tally.tp_gold, tally.n_gold);
    let f1 = 2.0 * precision * recall / (precision + recall).max(f64::EPSILON);
    let speakers = ratio(tally.speaker_ok, tally.speaker_n);
    let kinds = ratio(tally.kind_ok, tally.kind_n);
    eprintln!(
        "seeds: quotes P {precision:.3} R {recall:.3} F1 {f1:.3}; speakers {}/{} ({speakers:.3}); kinds {}/{} ({kinds:.3})",
        tally.speaker_ok, tally.speaker_n, tally.kind_ok, tally.kind_n
    );
    assert!(f1 >= MIN_F1, "quote F1 {f1:.3} < {MIN_F1}");
    assert!(
        speakers >= MIN_SPEAKERS,
        "speakers {speakers:.3} < {MIN_SPEAKERS}"
    );
    assert!(kinds >= MIN_KINDS, "kinds {kinds:.3} < {MIN_KINDS}");
}
