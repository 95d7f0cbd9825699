//! Prints every country form of the gazetteer, one per line: the patterns file for the
//! "read and match" floor, `rg -c -F -f PATTERNS DIR` (see the README's figures).
//!
//!     cargo run --release --example country-forms > /tmp/patterns.txt

use std::io::{self, BufWriter, Write};

fn main() -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    for form in kiosk::extract::countries::country_forms() {
        writeln!(out, "{form}")?;
    }
    out.flush()
}
