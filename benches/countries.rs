//! The country matcher alone, over the DER STANDARD corpus (../shared/corpus/standard/):
//! throughput in bytes per second on one core. `cargo bench --bench countries`.
//! Skips with a message when the corpus is not there.

use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kiosk::extract::countries;

/// The corpus text, one string per file, or `None` when ../shared is absent.
fn corpus() -> Option<Vec<String>> {
    let shared = std::env::var_os("KIOSK_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let dir = shared.join("corpus/standard");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
        .collect();
    texts.sort();
    (!texts.is_empty()).then_some(texts)
}

fn matcher(c: &mut Criterion) {
    let Some(texts) = corpus() else {
        eprintln!(
            "skipping the countries bench: ../shared/corpus/standard is not here (set KIOSK_SHARED)"
        );
        return;
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    // Build the gazetteer before timing.
    let (patterns, memory) = countries::matcher_size();
    eprintln!(
        "{} files, {bytes} bytes; {patterns} patterns, automaton {memory} bytes",
        texts.len()
    );
    let mut group = c.benchmark_group("countries");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("for_each_mention/standard", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for t in &texts {
                countries::for_each_mention(t, |_| n += 1);
            }
            n
        })
    });
    group.bench_function("find/standard", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| countries::find(t).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, matcher);
criterion_main!(benches);
