//! The quote extractor, then the whole annotation, on an article built from the input.
//! The body and its checks: tests/fuzz_checks/mod.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kiosk_fuzz::quotes(data));
