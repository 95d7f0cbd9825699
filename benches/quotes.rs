//! Quote extraction throughput over the Wikinews corpus (`../shared/corpus/wikinews`, or
//! `$KIOSK_SHARED/corpus/wikinews`; the embedded seeds when it is absent), in MB/s of
//! article text. Loading is done once, outside the measurement.

use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use kiosk::extract::quotes;
use kiosk::model::Article;

fn corpus() -> (String, Vec<Article>) {
    let shared = std::env::var_os("KIOSK_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let folder = shared.join("corpus/wikinews");
    if folder.is_dir() {
        let loaded = kiosk::load::load_paths(&[folder]);
        ("wikinews".into(), loaded.articles)
    } else {
        eprintln!(
            "benches/quotes: no {} (set KIOSK_SHARED); measuring the seeds",
            folder.display()
        );
        ("seeds".into(), kiosk::load::seeds())
    }
}

fn bench(c: &mut Criterion) {
    let (name, articles) = corpus();
    let bytes: usize = articles.iter().map(Article::text_len).sum();
    let mut group = c.benchmark_group("quotes");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function(format!("extract/{name}"), |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| quotes::extract(a).0.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
