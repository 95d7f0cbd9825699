//! The bodies of the fuzz targets and the invariants they check, kept in one file with
//! the regression test that replays the kept inputs (tests/fuzz_regressions.rs).

#[path = "../../tests/fuzz_checks/mod.rs"]
mod checks;

pub use checks::*;
