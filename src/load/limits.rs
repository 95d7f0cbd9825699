//! What one input may cost kiosk, in one place. Each limit keeps a hostile or broken
//! file from taking the load down with it (a hang, a stack overflow, memory beyond
//! reason); a file or record beyond a limit is skipped with a message that names the
//! limit, and the rest of the corpus loads.
//!
//! | limit | value | beyond it |
//! |---|---|---|
//! | [`MAX_FILE_BYTES`] | 64 MiB | the file is skipped: "too large" |
//! | [`MAX_LINE_BYTES`] | 1 MiB | a `.txt`/`.md` file with a longer line is skipped |
//! | [`MAX_RECORD_BYTES`] | 16 MiB | a longer JSON line (or a larger `.json` file) is skipped |
//! | [`MAX_HTML_DEPTH`] | 30,000 | a page whose elements nest deeper is skipped |
//! | [`MAX_ARTICLES_PER_FILE`] | 100,000 | the rest of a JSON-lines file is not read |
//! | [`MAX_REPORTED_PER_FILE`] | 5 | further bad records of one file are counted, not listed |
//!
//! JSON nesting is limited by serde_json (128 levels: "recursion limit exceeded").

/// The largest file kiosk reads. A news article is a few KB to a few hundred KB; a
/// JSON-lines corpus of this size holds tens of thousands of articles.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The longest line of a plain-text file. A paragraph is rarely over 10 KB, an article
/// squeezed onto one line rarely over 100 KB; a longer line is data, not an article.
pub const MAX_LINE_BYTES: usize = 1024 * 1024;

/// The longest JSON record: one line of a `.jsonl` file, or a whole `.json` file
/// (parsed at once into memory, which costs several times its size).
pub const MAX_RECORD_BYTES: usize = 16 * 1024 * 1024;

/// The deepest nesting of HTML elements parsed. html5ever's cost grows with the square
/// of the depth (20,000 levels take about a second); browsers stop nesting at 512.
pub const MAX_HTML_DEPTH: usize = 30_000;

/// The most articles read from one file; a larger corpus is split into several files.
pub const MAX_ARTICLES_PER_FILE: usize = 100_000;

/// The most bad records of one file reported one by one; the rest are summed up in one
/// message, so that a file that is not JSON lines at all does not flood the screen.
pub const MAX_REPORTED_PER_FILE: usize = 5;

/// A byte count as people read it: "64 MiB", "1.5 KiB", "900 bytes". Rounded up to a
/// tenth, so that a size over a limit never reads as the limit itself.
pub fn human_bytes(bytes: u64) -> String {
    const UNITS: [&str; 3] = ["KiB", "MiB", "GiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    let text = format!("{:.1}", (value * 10.0).ceil() / 10.0);
    let text = text.strip_suffix(".0").unwrap_or(&text);
    format!("{text} {}", UNITS[unit])
}

/// The first line longer than [`MAX_LINE_BYTES`]: its number and length.
pub fn overlong_line(text: &str) -> Option<(usize, usize)> {
    if text.len() <= MAX_LINE_BYTES {
        return None;
    }
    let bytes = text.as_bytes();
    let (mut start, mut line) = (0, 1);
    for end in memchr::memchr2_iter(b'\n', b'\r', bytes).chain([bytes.len()]) {
        if end - start > MAX_LINE_BYTES {
            return Some((line, end - start));
        }
        if bytes.get(end..end + 2) != Some(b"\r\n") {
            line += 1;
        }
        start = end + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_counts_read_as_people_write_them() {
        assert_eq!(human_bytes(900), "900 bytes");
        assert_eq!(human_bytes(1536), "1.5 KiB");
        assert_eq!(human_bytes(MAX_FILE_BYTES), "64 MiB");
        assert_eq!(human_bytes(MAX_FILE_BYTES + 1), "64.1 MiB");
        assert_eq!(human_bytes(52_428_800), "50 MiB");
        assert_eq!(human_bytes(3 << 30), "3 GiB");
    }

    #[test]
    fn finds_the_first_overlong_line_by_its_number() {
        let long = "x".repeat(MAX_LINE_BYTES + 1);
        assert_eq!(overlong_line("kurz\nkurz"), None);
        assert_eq!(overlong_line(&"x".repeat(MAX_LINE_BYTES)), None);
        let crlf = format!("a\r\nb\r\n{long}\r\nc");
        assert_eq!(overlong_line(&crlf), Some((3, MAX_LINE_BYTES + 1)));
        let cr_only = format!("a\rb\r{long}");
        assert_eq!(overlong_line(&cr_only), Some((3, MAX_LINE_BYTES + 1)));
    }
}
