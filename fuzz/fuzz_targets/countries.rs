//! The country matcher on any UTF-8 text: spans on char boundaries, in order.
//! The body and its checks: tests/fuzz_checks/mod.rs.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| kiosk_fuzz::find_countries(data));
