//! The HTML loader on any bytes.
//! The body and its checks: tests/fuzz_checks/mod.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kiosk_fuzz::load_html(data));
