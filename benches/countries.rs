//! The country matcher alone, over the DER STANDARD corpus (../shared/corpus/standard/):
//! throughput in bytes per second on one core, `cargo bench --bench countries`.
//! Measured twice: by the wall clock, and by the thread's CPU time (Linux's
//! /proc/thread-self/schedstat), which a busy shared machine does not inflate.
//! Skips with a message when the corpus is not there.

use std::path::PathBuf;
use std::time::Duration;

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
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

/// The time this thread has run on a CPU, from /proc/thread-self/schedstat.
struct CpuTime;

static WALL: WallTime = WallTime;

fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

impl Measurement for CpuTime {
    type Intermediate = u64;
    type Value = Duration;

    fn start(&self) -> u64 {
        thread_cpu_ns()
    }
    fn end(&self, start: u64) -> Duration {
        Duration::from_nanos(thread_cpu_ns().saturating_sub(start))
    }
    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }
    fn zero(&self) -> Duration {
        Duration::ZERO
    }
    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        WALL.formatter()
    }
}

fn bench_matcher<M: Measurement>(c: &mut Criterion<M>, name: &str) {
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
    let mut group = c.benchmark_group(name);
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

fn wall_clock(c: &mut Criterion) {
    bench_matcher(c, "countries");
}

fn cpu_time(c: &mut Criterion<CpuTime>) {
    bench_matcher(c, "countries-cpu");
}

criterion_group!(wall, wall_clock);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(CpuTime);
    targets = cpu_time
}
criterion_main!(wall, cpu);
