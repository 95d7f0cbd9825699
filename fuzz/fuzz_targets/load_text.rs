//! The plain-text loader on any bytes (as `.txt`, or `.md` when the first byte is odd).
//! The body and its checks: tests/fuzz_checks/mod.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kiosk_fuzz::load_text(data));
