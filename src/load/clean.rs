//! Text hygiene shared by every format: line endings, odd spaces and control characters,
//! HTML fragments and entities left inside plain text.

use std::borrow::Cow;

use crate::bytes::{BLOCK, block_at, block_bits};

/// Normalises decoded text: `\r\n` and `\r` become `\n`; tabs, non-breaking and other
/// Unicode spaces become a plain space; zero-width characters, soft hyphens and other
/// control characters are dropped; runs of spaces collapse to one and lines are trimmed
/// at the end.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = plain_run(bytes, i);
        if run > i {
            out.push_str(&text[i..run]);
            i = run;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        match c {
            '\r' => {
                if bytes.get(i) != Some(&b'\n') {
                    push_newline(&mut out);
                }
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' => push_newline(&mut out),
            '\t'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
            | '\u{0b}'
            | '\u{0c}' => push_space(&mut out),
            ' ' => push_space(&mut out),
            '\u{ad}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2060}'
            | '\u{feff}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    trim_line_end(&mut out);
    out
}

/// Bytes that [`normalize`] copies as they are: printable ASCII but the space, and the
/// bytes of chars that are neither spaces nor controls. A lead byte of 0xC2, 0xE1, 0xE2,
/// 0xE3 or 0xEF may start a space or an invisible char (U+A0, U+1680, U+2000…U+206F,
/// U+3000, U+FEFF): those chars go the slow way.
const PLAIN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b, 0x21..=0x7e | 0x80..=0xbf | 0xc3..=0xe0 | 0xe4..=0xee | 0xf0..=0xf4);
        b += 1;
    }
    table
};

/// The end of the run of text from `i` that [`normalize`] keeps as it is: plain bytes,
/// and single spaces between them. `i` when the run is empty.
///
/// Sixteen bytes are read at once: the first byte of a block that ends the run is found
/// from bit masks, and a block with none is passed over whole (most of a text: words and
/// single spaces). Only a space at a block's end, which the byte after the block
/// decides, and the last bytes of the text are read one at a time. (The byte before `j`
/// is always plain when `j > i`: the run moves over plain bytes, or over a space and
/// the plain byte after it.)
fn plain_run(bytes: &[u8], i: usize) -> usize {
    let mut j = i;
    loop {
        if let Some(block) = block_at(bytes, j) {
            let end = run_ends(block, j > i).trailing_zeros() as usize;
            if end >= BLOCK {
                j += BLOCK;
                continue;
            }
            if end < BLOCK - 1 || block[end] != b' ' {
                return j + end;
            }
            j += end; // the space at the block's end: read below
        }
        match bytes.get(j) {
            Some(&b) if PLAIN[usize::from(b)] => j += 1,
            // One space after plain text and before more: the space it stays.
            Some(b' ') if j > i && bytes.get(j + 1).is_some_and(|&n| PLAIN[usize::from(n)]) => {
                j += 2
            }
            _ => return j,
        }
    }
}

/// One bit per byte of the block that ends a run: a byte neither plain nor a space, and
/// a space without a plain byte on either side in the block (or, for its first byte,
/// the plain byte before it when `after_plain`). A space at the block's end always has
/// its bit: the byte after it is not in the block.
fn run_ends(block: &[u8; BLOCK], after_plain: bool) -> u32 {
    let spaces = block_bits(block, |b| b == b' ');
    // Most blocks are printable ASCII, whose bytes are plain but for the spaces: one
    // range tells. Others test [`PLAIN`] as comparisons, which the compiler makes vector
    // code of.
    let printable = block_bits(block, |b| b.wrapping_sub(0x20) < 0x5f);
    let plain = if printable == ALL_BITS {
        !spaces & ALL_BITS
    } else {
        block_bits(block, |b| {
            (b.wrapping_sub(0x21) < 0x5e)
                | (b.wrapping_sub(0x80) < 0x40)
                | (b.wrapping_sub(0xc3) < 0x1e)
                | (b.wrapping_sub(0xe4) < 0x0b)
                | (b.wrapping_sub(0xf0) < 0x05)
        })
    };
    let before = plain << 1 | u32::from(after_plain);
    let after = plain >> 1;
    (!(plain | spaces) | (spaces & !(before & after))) & ALL_BITS
}

/// A bit for every byte of a block.
const ALL_BITS: u32 = (1 << BLOCK) - 1;

fn push_space(out: &mut String) {
    if !out.is_empty() && !out.ends_with([' ', '\n']) {
        out.push(' ');
    }
}

fn push_newline(out: &mut String) {
    trim_line_end(out);
    out.push('\n');
}

fn trim_line_end(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
}

/// Removes HTML tags that survived in plain text and decodes entities
/// (`Putin.<span class="x">Foto</span>` becomes `Putin.Foto`, `&amp;` becomes `&`).
/// A `<` that does not start a tag is kept.
pub fn strip_inline_html(line: &str) -> String {
    strip_inline_html_cow(line).into_owned()
}

/// [`strip_inline_html`] without copying a line that holds no `<` and no `&`.
pub fn strip_inline_html_cow(line: &str) -> Cow<'_, str> {
    if memchr::memchr2(b'<', b'&', line.as_bytes()).is_none() {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        match tag_len(after) {
            Some(len) => rest = &after[len..],
            None => {
                out.push('<');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(decode_entities(&out))
}

/// The byte length of the tag at the start of `s` (`<span …>`, `</b>`, `<br/>`, `<!-- … -->`).
fn tag_len(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    if s.starts_with("<!--") {
        return s.find("-->").map(|end| end + 3);
    }
    let first = *bytes.get(1)?;
    if !(first.is_ascii_alphabetic() || first == b'/' || first == b'!') {
        return None;
    }
    let end = s.find('>')?;
    let inner = &s[1..end];
    let name_ok = inner
        .trim_start_matches('/')
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '!');
    (name_ok && !inner.contains('<')).then_some(end + 1)
}

/// Decodes the HTML entities met in copied web text: the common named ones and every
/// numeric one. Unknown entities stay as written.
pub fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        match entity(after) {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(s: &str) -> Option<(char, usize)> {
    // `;` is ASCII, so its byte position is a char boundary.
    let end = s.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let name = &s[1..end];
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        // A control character (`&#4;`, `&#9;`, `&#10;`) would reach the screen as is:
        // it reads as the space it stands for.
        char::from_u32(code).map(|c| if c.is_control() { ' ' } else { c })?
    } else {
        match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            "shy" => return Some(('\u{ad}', end + 1)),
            "ndash" => '–',
            "mdash" => '—',
            "hellip" => '…',
            "laquo" => '«',
            "raquo" => '»',
            "lsaquo" => '‹',
            "rsaquo" => '›',
            "bdquo" => '„',
            "ldquo" => '“',
            "rdquo" => '”',
            "sbquo" => '‚',
            "lsquo" => '‘',
            "rsquo" => '’',
            "auml" => 'ä',
            "ouml" => 'ö',
            "uuml" => 'ü',
            "Auml" => 'Ä',
            "Ouml" => 'Ö',
            "Uuml" => 'Ü',
            "szlig" => 'ß',
            "eacute" => 'é',
            "egrave" => 'è',
            "aacute" => 'á',
            "euro" => '€',
            "copy" => '©',
            "reg" => '®',
            "deg" => '°',
            "middot" => '·',
            "bull" => '•',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_line_ends_spaces_and_controls() {
        let raw = "Kiew\r\nMoskau\rPeking\u{a0}und\tRom \u{200b}x\u{7}y  z \n";
        assert_eq!(normalize(raw), "Kiew\nMoskau\nPeking und Rom xy z\n");
        let raw = " Grüße  aus\u{200b} Köln \r\n\u{3000}Ja\u{a0}\u{ad}, 東京 ";
        assert_eq!(normalize(raw), "Grüße aus Köln\nJa , 東京");
    }

    /// [`plain_run`] a byte at a time, as it was before it read blocks.
    fn plain_run_bytewise(bytes: &[u8], i: usize) -> usize {
        let mut j = i;
        while let Some(&b) = bytes.get(j) {
            if PLAIN[usize::from(b)] {
                j += 1;
            } else if b == b' ' && j > i && bytes.get(j + 1).is_some_and(|&n| PLAIN[usize::from(n)])
            {
                j += 2;
            } else {
                break;
            }
        }
        j
    }

    #[test]
    fn plain_runs_by_blocks_end_where_they_end_byte_by_byte() {
        let pieces = [
            "Wort", " ", "  ", "ä", "–", "\u{a0}", "\t", "\n", "x", "東京", "\u{200b}", "😀",
            "\r\n", ".", "\u{85}", "\u{2028}", "\u{feff}", "é",
        ];
        // Every mix of the pieces in texts long enough for several blocks, from every start.
        let mut seed = 7u64;
        for _ in 0..400 {
            let mut text = String::new();
            while text.len() < 70 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let bytes = text.as_bytes();
            for i in 0..bytes.len() {
                assert_eq!(
                    plain_run(bytes, i),
                    plain_run_bytewise(bytes, i),
                    "{text:?} {i}"
                );
            }
        }
        // A block of one byte lies in a run exactly when that byte is plain.
        for b in 0..=255u8 {
            let plain = run_ends(&[b; BLOCK], true) == 0;
            assert_eq!(plain, PLAIN[usize::from(b)], "{b:#x}");
        }
    }

    #[test]
    fn strips_tags_and_decodes_entities() {
        let line =
            r#"Putin in Nordkorea.<span class="copyright">Foto</span> &amp; Xi &#8211; 3 &lt; 4"#;
        assert_eq!(
            strip_inline_html(line),
            "Putin in Nordkorea.Foto & Xi – 3 < 4"
        );
    }

    #[test]
    fn an_entity_for_a_control_character_is_a_space() {
        assert_eq!(decode_entities("a&#4;b&#9;c&#x0A;d&#127;e"), "a b c d e");
    }

    #[test]
    fn decodes_without_cutting_characters() {
        assert_eq!(
            decode_entities("AT&T😀 &amp; &quot;x&quot; &#228; &#x1F600;"),
            "AT&T😀 & \"x\" ä 😀"
        );
        assert_eq!(decode_entities("&😀😀😀😀 &"), "&😀😀😀😀 &");
        assert_eq!(
            decode_entities("&😀;&#xD800;&#99999999;"),
            "&😀;&#xD800;&#99999999;"
        );
        assert_eq!(
            strip_inline_html("<b>Tom&amp;Jerry</b> &😀😀😀"),
            "Tom&Jerry &😀😀😀"
        );
    }

    #[test]
    fn keeps_a_lone_angle_bracket_and_unknown_entities() {
        assert_eq!(strip_inline_html("a < b &foo; c"), "a < b &foo; c");
        assert_eq!(
            decode_entities("Rock & Dirty zurück;"),
            "Rock & Dirty zurück;"
        );
        assert_eq!(decode_entities("„Saupreiß“ &"), "„Saupreiß“ &");
    }
}
