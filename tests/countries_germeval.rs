//! Country mentions on the GermEval 2014 NER dev set (../shared/corpus/germeval), scored
//! exactly as `kiosk-score germeval` scores them: each sentence's tokens joined by single
//! spaces; gold spans from both tag columns, labelled through dev-country-labels.tsv;
//! a found mention is right when it overlaps a gold span of its code; spans labelled `?`
//! or `-closed` are left out of both precision and recall.

mod common;

use std::collections::HashMap;
use std::path::Path;

use kiosk::extract::countries::{self, Mention};

/// One gold span: char offsets into the joined sentence and its label (`RU`, `DE,IL`, `-`).
struct Gold {
    start: usize,
    end: usize,
    label: String,
}

/// The sentences as joined text with their gold spans.
fn read_corpus(tsv: &str, labels: &str) -> Vec<(String, Vec<Gold>)> {
    let mut label_of = HashMap::new();
    for line in labels.lines() {
        let parts: Vec<&str> = line.split('\t').collect();
        if parts.len() >= 4 {
            label_of.insert((parts[0], parts[1]), parts[3].trim().to_string());
        }
    }
    let mut sentences: Vec<Vec<[&str; 3]>> = vec![Vec::new()];
    for line in tsv.lines() {
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        match cols.as_slice() {
            [_, token, outer, nested, ..] => {
                if let Some(s) = sentences.last_mut() {
                    s.push([token, outer, nested]);
                }
            }
            _ if line.trim().is_empty() => sentences.push(Vec::new()),
            _ => {}
        }
    }
    sentences.retain(|s| !s.is_empty());
    sentences
        .iter()
        .map(|tokens| {
            let (text, offsets) = join_tokens(tokens.iter().map(|t| t[0]));
            let mut gold = Vec::new();
            for col in 1..=2 {
                let tags: Vec<&str> = tokens.iter().map(|t| t[col]).collect();
                for (a, b, kind) in bio_spans(&tags) {
                    let string = tokens[a..b].iter().map(|t| t[0]).collect::<Vec<_>>();
                    let key = (kind, string.join(" "));
                    let label = label_of.get(&(key.0, key.1.as_str())).cloned();
                    gold.push(Gold {
                        start: offsets[a].0,
                        end: offsets[b - 1].1,
                        label: label.unwrap_or_else(|| "-".into()),
                    });
                }
            }
            (text, gold)
        })
        .collect()
}

/// Tokens joined by single spaces, with each token's char offsets.
fn join_tokens<'a>(tokens: impl Iterator<Item = &'a str>) -> (String, Vec<(usize, usize)>) {
    let (mut text, mut offsets, mut chars) = (String::new(), Vec::new(), 0);
    for t in tokens {
        if !text.is_empty() {
            text.push(' ');
            chars += 1;
        }
        let n = t.chars().count();
        offsets.push((chars, chars + n));
        chars += n;
        text.push_str(t);
    }
    (text, offsets)
}

/// BIO tags to (start token, end token, kind) as kiosk-score's bio_spans reads them.
fn bio_spans<'a>(tags: &[&'a str]) -> Vec<(usize, usize, &'a str)> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, t) in tags.iter().copied().chain(["O"]).enumerate() {
        let begins = t.starts_with("B-") || (t.starts_with("I-") && open.is_none());
        if begins || t == "O" {
            if let Some((start, kind)) = open.take() {
                spans.push((start, i, kind));
            }
            if begins {
                open = Some((i, &t[2..]));
            }
        }
    }
    spans
}

fn is_code_label(label: &str) -> bool {
    label
        .split(',')
        .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
}

/// (precision, recall, found mentions counted) of `find` over the corpus; prints the
/// most frequent errors.
fn score(corpus: &[(String, Vec<Gold>)], find: impl Fn(&str) -> Vec<Mention>) -> (f64, f64, usize) {
    let (mut tp_gold, mut n_gold, mut tp_pred, mut n_pred) = (0, 0, 0, 0);
    let (mut misses, mut wrong) = (HashMap::new(), HashMap::new());
    for (text, gold) in corpus {
        let found: Vec<(usize, usize, &str, String)> = find(text)
            .iter()
            .map(|m| {
                let start = text[..m.start].chars().count();
                let end = start + text[m.start..m.end].chars().count();
                (
                    start,
                    end,
                    &text[m.start..m.end],
                    m.code.as_str().to_string(),
                )
            })
            .collect();
        let overlaps = |(a, b): (usize, usize), g: &Gold| a < g.end && g.start < b;
        let countries: Vec<&Gold> = gold.iter().filter(|g| is_code_label(&g.label)).collect();
        for g in &countries {
            n_gold += 1;
            let codes: Vec<&str> = g.label.split(',').collect();
            if found
                .iter()
                .any(|f| overlaps((f.0, f.1), g) && codes.contains(&f.3.as_str()))
            {
                tp_gold += 1;
            } else {
                *misses
                    .entry(
                        text.chars()
                            .skip(g.start)
                            .take(g.end - g.start)
                            .collect::<String>(),
                    )
                    .or_insert(0) += 1;
            }
        }
        for f in &found {
            let neutral = |g: &&Gold| g.label.ends_with('?') || g.label == "-closed";
            if gold.iter().filter(neutral).any(|g| overlaps((f.0, f.1), g)) {
                continue;
            }
            n_pred += 1;
            let right = countries
                .iter()
                .any(|g| overlaps((f.0, f.1), g) && g.label.split(',').any(|c| c == f.3));
            if right {
                tp_pred += 1;
            } else {
                *wrong.entry(format!("{}->{}", f.2, f.3)).or_insert(0) += 1;
            }
        }
    }
    let top = |m: HashMap<String, i32>| {
        let mut v: Vec<_> = m.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(25);
        v
    };
    eprintln!("false negatives: {:?}", top(misses));
    eprintln!("false positives: {:?}", top(wrong));
    let p = tp_pred as f64 / n_pred as f64;
    let r = tp_gold as f64 / n_gold as f64;
    eprintln!("precision {p:.3} recall {r:.3} (gold {n_gold}, found {n_pred})");
    (p, r, n_pred)
}

fn corpus(dir: &Path) -> Vec<(String, Vec<Gold>)> {
    let tsv = std::fs::read_to_string(dir.join("NER-de-dev.tsv")).expect("GermEval dev");
    let labels = std::fs::read_to_string(dir.join("dev-country-labels.tsv")).expect("labels");
    read_corpus(&tsv, &labels)
}

#[test]
fn germeval_dev_precision_and_recall_reach_the_bar() {
    let Some(dir) = common::shared("corpus/germeval", "germeval_dev_precision_and_recall") else {
        return;
    };
    let corpus = corpus(&dir);
    assert!(corpus.len() > 2000, "GermEval dev has 2,200 sentences");
    eprintln!("kiosk's matcher:");
    let (p, r, _) = score(&corpus, countries::find);
    assert!(p >= 0.95, "precision {p:.3} < 0.95");
    assert!(r >= 0.95, "recall {r:.3} < 0.95");
}

/// What closed compounds (Chinaforscherin, Kremlchef, Ostukraine) do to precision: both
/// figures are printed; the matcher's choice must be the better one or cost little.
#[test]
fn germeval_dev_with_and_without_closed_compounds() {
    let Some(dir) = common::shared("corpus/germeval", "germeval_closed_compounds") else {
        return;
    };
    let corpus = corpus(&dir);
    eprintln!("closed compounds off:");
    let (p_off, r_off, _) = score(&corpus, countries::variant(false).0);
    eprintln!("closed compounds on:");
    let (p_on, r_on, _) = score(&corpus, countries::variant(true).0);
    for (p, r) in [(p_off, r_off), (p_on, r_on)] {
        assert!(p >= 0.9 && r >= 0.9, "precision {p:.3} recall {r:.3}");
    }
}
