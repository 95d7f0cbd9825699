//! The bench corpora, shared by the benches that need them. Build them first:
//!
//!     python3 /work/shared/tools/make-bench-corpus /tmp/kiosk-bench-10k --articles 10000
//!     python3 /work/shared/tools/make-bench-corpus /tmp/kiosk-bench-100k --articles 100000
//!
//! (or set KIOSK_BENCH_CORPUS / KIOSK_BENCH_CORPUS_100K to other folders).

use std::path::PathBuf;

/// Each size: its label, the variable that may name its folder, and the default folder.
const SIZES: [(&str, &str, &str, usize); 2] = [
    ("10k", "KIOSK_BENCH_CORPUS", "/tmp/kiosk-bench-10k", 10_000),
    (
        "100k",
        "KIOSK_BENCH_CORPUS_100K",
        "/tmp/kiosk-bench-100k",
        100_000,
    ),
];

/// The corpora the command line's filter can select and that are there, as (label,
/// folder); an absent one is skipped with a message saying how to build it.
pub fn corpora(bench: &str) -> Vec<(&'static str, PathBuf)> {
    let mut found = Vec::new();
    for (label, variable, default, articles) in SIZES {
        if !wanted(label) {
            continue; // loading a corpus the filter leaves out would only cost time
        }
        let dir = std::env::var_os(variable).map_or_else(|| PathBuf::from(default), PathBuf::from);
        if dir.is_dir() {
            found.push((label, dir));
        } else {
            eprintln!(
                "skipping the {label} {bench} benches: {} is absent; build it with \
                 python3 /work/shared/tools/make-bench-corpus {default} --articles {articles}",
                dir.display()
            );
        }
    }
    found
}

/// Whether the benchmark filter on the command line can select this size: filters that
/// name a size ("10k", "100k") select only theirs.
fn wanted(label: &str) -> bool {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let names_a_size = |f: &String| f.contains("10k") || f.contains("100k");
    !filters.iter().any(names_a_size) || filters.iter().any(|f| f.contains(label))
}
