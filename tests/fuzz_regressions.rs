//! The inputs the fuzzers found worth keeping (tests/fixtures/fuzz/<target>/: every
//! crash, and a small minimized selection of each corpus), run through the bodies of the
//! fuzz targets (tests/fuzz_checks), so that a fixed crash stays fixed without the
//! fuzzing toolchain. Each input must also finish quickly: a slow input is a bug too.

mod fuzz_checks;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// A kept input may take this long in a debug build; the fuzzers stop at 10 s.
const MAX_TIME: Duration = Duration::from_secs(5);

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn replay(target: &str) -> usize {
    let files = inputs(target);
    for path in &files {
        let data = std::fs::read(path).expect("a kept input reads");
        let started = Instant::now();
        let outcome = std::panic::catch_unwind(|| fuzz_checks::run(target, &data));
        let took = started.elapsed();
        assert!(outcome.is_ok(), "{target} fails on {}", path.display());
        assert!(
            took < MAX_TIME,
            "{target} took {took:?} on {}",
            path.display()
        );
    }
    files.len()
}

#[test]
fn every_target_has_kept_inputs() {
    for target in fuzz_checks::TARGETS {
        assert!(!inputs(target).is_empty(), "no kept inputs for {target}");
    }
}

#[test]
fn load_text_inputs() {
    replay("load_text");
}

#[test]
fn load_html_inputs() {
    replay("load_html");
}

#[test]
fn load_jsonl_inputs() {
    replay("load_jsonl");
}

#[test]
fn countries_inputs() {
    replay("countries");
}

#[test]
fn quotes_inputs() {
    replay("quotes");
}
