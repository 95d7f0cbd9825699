//! A web page's bytes to text: a byte-order mark wins, then the charset the page declares
//! (`<meta charset>`, `<meta http-equiv="Content-Type">`, `<?xml encoding>`), then
//! sniffing by `load::decode::decode` (UTF-8, else Windows-1252). Binary data is refused.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::load::{Problem, decode};

/// How far into the page a charset declaration is looked for (the HTML standard's
/// prescan reads 1024 bytes; real pages put long scripts first, so this reads more).
const PRESCAN_BYTES: usize = 8192;

/// Decodes a page. A declared charset is used when the bytes are not valid UTF-8: pages
/// that declare Latin-1 but are UTF-8 exist, and valid UTF-8 by chance is very rare.
pub fn decode_page(bytes: &[u8]) -> Result<String, Problem> {
    let sniffed = decode::decode(bytes)?;
    // (text borrowed from the bytes is valid UTF-8: not checked twice)
    let utf8 = matches!(sniffed, Cow::Borrowed(_)) || std::str::from_utf8(bytes).is_ok();
    let sniffed = sniffed.into_owned();
    if Encoding::for_bom(bytes).is_some() || utf8 {
        return Ok(sniffed);
    }
    match declared_charset(bytes) {
        Some(encoding) if encoding != UTF_8 => Ok(decode::decode_with(bytes, encoding)),
        _ => Ok(sniffed),
    }
}

/// The encoding named by the first `charset=` or XML `encoding=` in the page's start.
/// UTF-16 labels are ignored, as browsers do for a declaration read from ASCII bytes.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower = head.to_ascii_lowercase();
    ["charset".as_bytes(), "encoding".as_bytes()]
        .iter()
        .filter_map(|key| {
            memchr::memmem::find_iter(&lower, key)
                .find_map(|at| label_after(&lower[at + key.len()..]))
        })
        .filter_map(Encoding::for_label)
        .find(|&encoding| encoding != UTF_16LE && encoding != UTF_16BE)
}

/// The label in `="windows-1252"` or `=utf-8;` after a `charset` key.
fn label_after(rest: &[u8]) -> Option<&[u8]> {
    let rest = trim_start(rest);
    let rest = trim_start(rest.strip_prefix(b"=")?);
    let rest = rest
        .strip_prefix(b"\"")
        .or(rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
        .unwrap_or(rest.len());
    (len > 0).then(|| &rest[..len])
}

fn trim_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{WINDOWS_1250, WINDOWS_1252};

    #[test]
    fn finds_the_declared_charset() {
        let meta = br#"<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">"#;
        assert_eq!(declared_charset(meta), Some(WINDOWS_1252));
        assert_eq!(
            declared_charset(b"<meta charset='windows-1250' />"),
            Some(WINDOWS_1250)
        );
        assert_eq!(
            declared_charset(br#"<?xml version="1.0" encoding="UTF-8"?>"#),
            Some(UTF_8)
        );
        assert_eq!(declared_charset(b"<p>charset is a word</p>"), None);
    }

    #[test]
    fn declared_charset_decodes_non_utf8_bytes() {
        // Windows-1250 has č where Latin-1 has è (0xE8).
        let page = b"<meta charset=windows-1250><p>Pr\xe8\xedn</p>";
        assert!(decode_page(page).unwrap().contains("Prčín"));
        let latin1 = b"<meta charset=iso-8859-1><p>Ger\xe4t</p>";
        assert!(decode_page(latin1).unwrap().contains("Gerät"));
    }

    #[test]
    fn valid_utf8_wins_over_a_wrong_declaration() {
        let page = "<meta charset=iso-8859-1><p>Gerät</p>".as_bytes();
        assert!(decode_page(page).unwrap().contains("Gerät"));
    }

    #[test]
    fn binary_is_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
        assert!(matches!(decode_page(png), Err(Problem::Binary)));
    }
}
