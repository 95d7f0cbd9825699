//! The HTML loader on the 76 real pages of ../shared/corpus/html against their clean text
//! in ../shared/corpus/html-gold: word-level precision and recall computed exactly as
//! `kiosk-score html` does (bag of lowercased words of title, lead, headings and
//! paragraphs; per page, then averaged), and no script, menu or cookie text in paragraphs.

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use kiosk::Article;
use kiosk::load;

const QUOTE_CHARS: &str = "„“”\"»«‚‘’'›‹";

/// Lowercased words (`\w+`), quotation marks as spaces, as the scorer's `norm_words`.
fn norm_words(text: &str) -> Vec<String> {
    let lower: String = text
        .chars()
        .map(|c| if QUOTE_CHARS.contains(c) { ' ' } else { c })
        .collect::<String>()
        .to_lowercase();
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn bag(words: Vec<String>) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for w in words {
        *counts.entry(w).or_insert(0) += 1;
    }
    counts
}

/// The text the scorer reads from an exported article.
fn scored_text(a: &Article) -> String {
    let mut parts = vec![a.title.clone(), a.lead.clone().unwrap_or_default()];
    for s in &a.sections {
        parts.push(s.heading.clone().unwrap_or_default());
        parts.extend(s.paragraphs.iter().cloned());
    }
    parts.join(" ")
}

/// Precision and recall of one page.
fn page_scores(article: Option<&Article>, gold: &str) -> (f64, f64) {
    let Some(article) = article else {
        return (0.0, 0.0);
    };
    let predicted = bag(norm_words(&scored_text(article)));
    let gold = bag(norm_words(gold));
    let common: usize = predicted
        .iter()
        .map(|(w, n)| (*n).min(*gold.get(w).unwrap_or(&0)))
        .sum();
    let total = |b: &HashMap<String, usize>| b.values().sum::<usize>();
    let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
    (
        ratio(common, total(&predicted)),
        ratio(common, total(&gold)),
    )
}

fn load_pages(dir: &Path) -> HashMap<String, Article> {
    let loaded = load::load_paths(&[dir.to_path_buf()]);
    for e in &loaded.errors {
        eprintln!("load error: {e}");
    }
    loaded
        .articles
        .into_iter()
        .map(|a| (load::article_id(Path::new(&a.path)), a))
        .collect()
}

fn gold_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("gold folder reads")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn html_extraction_precision_and_recall() {
    let (Some(pages), Some(gold_dir)) = (
        common::shared("corpus/html", "html_extraction_precision_and_recall"),
        common::shared("corpus/html-gold", "html_extraction_precision_and_recall"),
    ) else {
        return;
    };
    let articles = load_pages(&pages);
    let mut rows = Vec::new();
    for gold_path in gold_files(&gold_dir) {
        let stem = load::article_id(&gold_path);
        let gold = std::fs::read_to_string(&gold_path).expect("gold reads");
        let (p, r) = page_scores(articles.get(&stem), &gold);
        rows.push((stem, p, r));
    }
    let n = rows.len() as f64;
    let precision = rows.iter().map(|r| r.1).sum::<f64>() / n;
    let recall = rows.iter().map(|r| r.2).sum::<f64>() / n;
    let f1 = 2.0 * precision * recall / (precision + recall);
    rows.sort_by(|a, b| (a.1 + a.2).total_cmp(&(b.1 + b.2)));
    for (stem, p, r) in rows.iter().take(12) {
        eprintln!("{stem}: precision {p:.3} recall {r:.3}");
    }
    eprintln!(
        "html extraction: word precision {precision:.3} recall {recall:.3} F1 {f1:.3} over {} pages",
        rows.len()
    );
    assert_eq!(rows.len(), 76, "every gold page is scored");
}
