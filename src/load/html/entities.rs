//! Entities left in text after parsing (`&amp;quot;` on double-escaping pages, `&auml;`
//! in JSON bodies), decoded by `load::clean`, but handed to it one candidate at a time:
//! `clean::decode_entities` looks 12 bytes past each `&` and must not be given a `&`
//! followed closely by multi-byte characters ("AT&T😀"), which would cut a character.

use crate::load::clean;

/// The longest entity decoded: `&` + up to ten ASCII letters, digits or `#` + `;`.
const MAX_ENTITY: usize = 12;

/// Decodes every `&name;` / `&#123;` / `&#x1F600;` in `text`; other `&` stay.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let len = tail
            .bytes()
            .skip(1)
            .take(MAX_ENTITY - 1)
            .position(|b| !(b.is_ascii_alphanumeric() || b == b'#'))
            .map_or(0, |n| n + 1);
        if len > 1 && tail.as_bytes().get(len) == Some(&b';') {
            // ASCII only, so the candidate ends on a char boundary.
            out.push_str(&clean::decode_entities(&tail[..=len]));
            rest = &tail[len + 1..];
        } else {
            out.push('&');
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// `clean::strip_inline_html` without its entity step (done by [`decode_entities`]).
pub fn strip_inline_html(line: &str) -> String {
    const AMP: char = '\u{e000}';
    let shielded = line.replace('&', "\u{e000}");
    let stripped = clean::strip_inline_html(&shielded).replace(AMP, "&");
    decode_entities(&stripped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_without_cutting_characters() {
        assert_eq!(
            decode_entities("AT&T😀 &amp; &quot;x&quot; &#228;"),
            "AT&T😀 & \"x\" ä"
        );
        assert_eq!(decode_entities("&😀😀😀😀 &"), "&😀😀😀😀 &");
        assert_eq!(
            strip_inline_html("<b>Tom&amp;Jerry</b> &😀😀😀"),
            "Tom&Jerry &😀😀😀"
        );
    }
}
