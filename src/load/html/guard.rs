//! A cheap look at a page's bytes before parsing: how deep its elements nest. html5ever
//! checks the whole stack of open elements for each tag, so parsing time grows with the
//! square of the depth (20,000 levels take about a second); far deeper pages, which no
//! site serves (browsers stop nesting at 512), are refused instead of hanging the load
//! (`load::limits::MAX_HTML_DEPTH`).

/// Elements that never hold others, so never deepen the tree.
const VOID: [&[u8]; 14] = [
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
    b"source", b"track", b"wbr",
];

/// Elements whose start closes an open one of the same kind (`<p>…<p>`, `<li>…<li>`),
/// so an unclosed run of them does not deepen the tree either.
const SELF_ENDING: [&[u8]; 8] = [b"p", b"li", b"dt", b"dd", b"tr", b"td", b"th", b"option"];

/// An upper estimate of how deep the page's elements nest: start tags deepen, end tags
/// return (`<x/>` deepens too, as HTML parsers ignore the slash on non-void elements).
pub fn nesting_depth(bytes: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let mut rest = bytes;
    while let Some(at) = memchr::memchr(b'<', rest) {
        rest = &rest[at + 1..];
        match rest.first() {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let len = rest
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .unwrap_or(rest.len());
                let name = rest[..len].to_ascii_lowercase();
                if !VOID.contains(&name.as_slice()) && !SELF_ENDING.contains(&name.as_slice()) {
                    depth += 1;
                    deepest = deepest.max(depth);
                }
            }
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_nesting_not_tags() {
        assert_eq!(nesting_depth(b"<!DOCTYPE html><!-- x --><html><body><div><p>a<p>b<br><img src=x></div></body></html>"), 3);
        assert_eq!(nesting_depth(&b"<div>".repeat(100)), 100);
        assert_eq!(nesting_depth(&b"<div></div>".repeat(100)), 1);
        assert_eq!(nesting_depth(&b"<NODE id=\"1\" />".repeat(50)), 50);
    }
}
