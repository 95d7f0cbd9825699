//! The path from files to the reader, stage by stage, on the bench corpora of 10,000 and
//! 100,000 articles: load and clean (parse only), annotate (the extractors), export (load,
//! annotate and serialise on all cores: `kiosk export` without the writing), corpus
//! indexing, and the reader's country filter toggle and uncached search (state only; the
//! keypress bench adds drawing). Build the corpora first:
//!
//!     python3 /work/shared/tools/make-bench-corpus /tmp/kiosk-bench-10k --articles 10000
//!     python3 /work/shared/tools/make-bench-corpus /tmp/kiosk-bench-100k --articles 100000
//!
//! (KIOSK_BENCH_CORPUS / KIOSK_BENCH_CORPUS_100K name other folders). A corpus that is
//! absent is skipped with a message. One size: `cargo bench --bench pipeline -- 10k`.

mod common;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use kiosk::app::{Action, AppState, Focus, LoadUpdate};
use kiosk::corpus::Corpus;
use kiosk::load::{self, Source};
use kiosk::model::Article;
use kiosk::{export, extract, pipeline};
use rayon::prelude::*;

/// The files of a corpus and their total size in bytes.
fn sources(dir: PathBuf) -> (Vec<Source>, u64) {
    let (sources, _) = load::discover(&[dir]);
    let bytes = sources
        .iter()
        .filter_map(|s| std::fs::metadata(&s.path).ok())
        .map(|m| m.len())
        .sum();
    (sources, bytes)
}

/// Every article of the corpus, loaded and annotated (the reader's input).
fn annotated(sources: &[Source]) -> Vec<Article> {
    pipeline::load_sources(sources, &Some).items
}

fn content_bytes(articles: &[Article]) -> u64 {
    articles
        .iter()
        .map(|a| a.content_parts().map(str::len).sum::<usize>() as u64)
        .sum()
}

/// Loading, annotating and exporting: each iteration reads the whole corpus.
fn bench_loading(c: &mut Criterion, label: &str, sources: &[Source], bytes: u64) {
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function(format!("load_clean_{label}"), |b| {
        b.iter(|| {
            sources
                .par_iter()
                .map(|s| load::load_source(s).articles.len())
                .sum::<usize>()
        })
    });
    group.bench_function(format!("export_{label}"), |b| {
        b.iter(|| {
            let batch = pipeline::load_sources(sources, &|a: Article| export::to_json(&a).ok());
            batch.items.iter().map(Vec::len).sum::<usize>()
        })
    });
    group.finish();
}

/// The extractors alone over loaded articles (annotating again overwrites the fields).
fn bench_annotate(c: &mut Criterion, label: &str, articles: &mut [Article]) {
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.throughput(Throughput::Bytes(content_bytes(articles)));
    group.bench_function(format!("annotate_{label}"), |b| {
        b.iter(|| articles.par_iter_mut().for_each(extract::annotate))
    });
    group.finish();
}

/// Building the corpus indexes (country → articles, speaker → quotes) over loaded articles.
fn bench_index(c: &mut Criterion, label: &str, articles: &[Article]) {
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.bench_function(format!("corpus_index_{label}"), |b| {
        b.iter_batched(
            || articles.to_vec(),
            Corpus::new, // (the corpus is dropped outside the timing)
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// The reader's state over the corpus: the country filter on and off (state update only,
/// no drawing), and one search of every article (a keystroke no earlier query covers).
fn bench_reader(c: &mut Criterion, label: &str, articles: Vec<Article>) {
    let total = articles.len();
    let hashes = articles
        .iter()
        .map(kiosk::state_file::content_hash)
        .collect();
    let mut state = AppState::new(160, 45);
    state.receive(LoadUpdate {
        articles,
        hashes,
        files_done: total,
        files_total: total,
        finished: true,
        ..LoadUpdate::default()
    });
    while state.focus() != Focus::Countries {
        state.update(Action::FocusNext);
    }
    let code = state.country_rows().first().map(|r| r.code.clone());
    eprintln!("{label}: {total} articles; the filter toggles {code:?}");
    let mut group = c.benchmark_group("reader");
    group.bench_function(format!("filter_toggle_{label}"), |b| {
        b.iter(|| {
            state.update(Action::Activate);
            black_box(state.visible().len())
        })
    });
    // The uncached part of a search keystroke: every article is searched.
    let all: Vec<usize> = (0..state.corpus().len()).collect();
    let searcher = kiosk::search::Searcher::new("Putin").expect("a query");
    group.bench_function(format!("search_scan_all_{label}"), |b| {
        b.iter(|| {
            searcher
                .filter(state.corpus().articles(), black_box(&all))
                .len()
        })
    });
    group.finish();
}

fn pipeline_benches(c: &mut Criterion) {
    for (label, dir) in common::corpora("pipeline") {
        let (sources, bytes) = sources(dir);
        eprintln!("{label}: {} files, {bytes} bytes", sources.len());
        bench_loading(c, label, &sources, bytes);
        let mut articles = annotated(&sources);
        bench_annotate(c, label, &mut articles);
        bench_index(c, label, &articles);
        bench_reader(c, label, articles);
    }
}

criterion_group!(benches, pipeline_benches);
criterion_main!(benches);
