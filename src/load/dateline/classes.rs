//! The place words of a dateline read by their chars' classes: the listed form
//! ("Tokio, Peking, ") directly, the dashed one ("Santiago de Chile (dpa) – ") by a
//! pattern over one ASCII byte per char that stands for the char's class. Written with
//! the Unicode classes, the two patterns held twenty copies of `\p{Lu}` and
//! `[\p{L}\p{M}'’.-]`, whose building was a fifth of start-up's pattern building.

use std::sync::LazyLock;

use super::dashed_pattern;
use crate::load::forward::Pattern;
use crate::load::sentences::WORDS;

/// The chars of a place word (`\p{Lu}[\p{L}\p{M}'’.-]*`) from the regex crate's own
/// Unicode tables, as sorted ranges: its first (`\p{Lu}`) and the others
/// (`[\p{L}\p{M}'’.-]`); and the chars of `\s`.
struct PlaceChars {
    first: Vec<(char, char)>,
    rest: Vec<(char, char)>,
    space: Vec<(char, char)>,
}

static PLACE_CHARS: LazyLock<PlaceChars> = LazyLock::new(|| PlaceChars {
    first: class_ranges(r"\p{Lu}"),
    rest: class_ranges(r"[\p{L}\p{M}'’.-]"),
    space: class_ranges(r"\s"),
});

/// The ranges of a pattern that is one Unicode class.
fn class_ranges(class: &str) -> Vec<(char, char)> {
    use regex_syntax::hir::{Class, HirKind};
    match regex_syntax::parse(class).map(regex_syntax::hir::Hir::into_kind) {
        Ok(HirKind::Class(Class::Unicode(class))) => class
            .ranges()
            .iter()
            .map(|r| (r.start(), r.end()))
            .collect(),
        other => panic!("{class} is no Unicode class: {other:?}"),
    }
}

fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    let after = ranges.partition_point(|&(start, _)| start <= c);
    after > 0 && c <= ranges[after - 1].1
}

/// The end of the [`PLACE_WORD`] at byte `at` of `text`, if one starts there.
fn place_word_end(text: &str, at: usize) -> Option<usize> {
    let chars = &*PLACE_CHARS;
    let rest = text.get(at..)?;
    let first = rest.chars().next()?;
    let is_first = if first.is_ascii() {
        first.is_ascii_uppercase()
    } else {
        in_ranges(&chars.first, first)
    };
    if !is_first {
        return None;
    }
    let is_rest = |c: char| {
        if c.is_ascii() {
            c.is_ascii_alphabetic() || matches!(c, '\'' | '.' | '-')
        } else {
            in_ranges(&chars.rest, c)
        }
    };
    let len = rest[first.len_utf8()..]
        .char_indices()
        .find(|&(_, c)| !is_rest(c))
        .map_or(rest.len(), |(i, _)| first.len_utf8() + i);
    Some(at + len)
}

/// "Tokio, Peking, Berlin, Istanbul " before a capitalised word: two to eight one-word
/// places joined by ", " and a space after them; the end of the places and of the
/// space. What `^(PLACE_WORD(?:, PLACE_WORD){1,7}) ` matches, read without a regex
/// (whose eight copies of the Unicode classes were a tenth of start-up's pattern
/// building): a place word takes all the chars it can, and since neither `,` nor a space
/// can stand in one, giving some back or taking fewer places never lets the space follow.
pub(super) fn listed(text: &str) -> Option<(usize, usize)> {
    let mut end = place_word_end(text, 0)?;
    let mut more = 0;
    while more < 7 {
        let next = text[end..]
            .starts_with(", ")
            .then(|| place_word_end(text, end + 2))
            .flatten();
        let Some(next) = next else { break };
        (end, more) = (next, more + 1);
    }
    (more >= 1 && text[end..].starts_with(' ')).then_some((end, end + 1))
}

/// The dashed pattern over the class bytes of [`class_bytes`], and the letter that
/// stands for the letters beyond ASCII (one no particle holds, so that no particle
/// matches where the text holds none).
struct Dashed {
    pattern: Pattern,
    letter: u8,
}

static DASHED: LazyLock<Dashed> = LazyLock::new(|| {
    let letter = (b'a'..=b'z')
        .find(|&l| {
            let l = char::from(l);
            !WORDS
                .place_particles
                .iter()
                .any(|p| p.contains(l) || p.contains(l.to_ascii_uppercase()))
        })
        .expect("assets/sentences.txt: some letter is in no place particle");
    let pattern = dashed_pattern(
        "[A-Z]",
        r"[A-Za-z'.-]",
        r"[\t\n\x0B\x0C\r ]",
        r"[\x01-]",
        r"[\x00-\x27\x2A-\x7F]",
    );
    let pattern = Pattern::new(&pattern).expect("the dateline pattern is valid");
    Dashed { pattern, letter }
});

/// Builds the dashed pattern and the classes now (start-up does, beside the other tables).
pub(super) fn warm_up() {
    LazyLock::force(&DASHED);
    LazyLock::force(&PLACE_CHARS);
}

/// The class byte of a dash (– or —) beyond ASCII.
const DASH: u8 = 0x01;
/// The class byte of the chars beyond ASCII that a dateline holds only inside brackets.
const OTHER: u8 = 0x03;
/// The class byte of the ASCII control chars 0x01..=0x03, which stand for the others.
const CONTROL: u8 = 0x04;

/// One ASCII byte for each char of the opening of `text` that a dashed dateline may take:
/// ASCII as it is (0x01..=0x03 as [`CONTROL`]); beyond it, an upper-case letter as
/// `letter` in upper case, another letter or mark (and ’) as `letter`, a white space as a
/// tab, a dash as [`DASH`], anything else as [`OTHER`]. Each such byte matches the
/// ASCII classes of the pattern exactly where the char matches the Unicode ones. The
/// opening ends before the first char that no dateline takes outside brackets (`(` lets
/// the 26 chars after it in): one that no place word nor separator holds, or the start
/// of a fourth word after white space since the last `/` or `,` (a place has at most
/// two words and a particle between). Also the byte offset in `text` of each char, and
/// the end.
fn class_bytes(text: &str, letter: u8) -> (Vec<u8>, Vec<usize>) {
    let chars = &*PLACE_CHARS;
    let capacity = text.len().min(64);
    let (mut bytes, mut offsets) = (Vec::with_capacity(capacity), Vec::with_capacity(capacity));
    let (mut in_bracket, mut words, mut after_space) = (0, 0, true);
    for (i, c) in text.char_indices() {
        let b = match c {
            '\x01'..='\x03' => CONTROL,
            _ if c.is_ascii() => c as u8,
            '–' | '—' => DASH,
            _ if in_ranges(&chars.first, c) => letter.to_ascii_uppercase(),
            _ if in_ranges(&chars.rest, c) => letter,
            _ if in_ranges(&chars.space, c) => b'\t',
            _ => OTHER,
        };
        let outside = b.is_ascii_alphabetic()
            || b.is_ascii_whitespace()
            || matches!(b, b'\'' | b'.' | b'-' | b'/' | b',' | b'(' | b'\x0B' | DASH);
        let space = b.is_ascii_whitespace() || b == b'\x0B';
        if in_bracket == 0 {
            if matches!(b, b'/' | b',') {
                words = 0;
            } else if after_space && !space && !matches!(b, b'(' | b'-' | DASH) {
                words += 1;
            }
            if !outside || words > 3 {
                offsets.push(i);
                return (bytes, offsets);
            }
        }
        after_space = space;
        in_bracket = if b == b'(' {
            26
        } else {
            in_bracket - u8::from(in_bracket > 0)
        };
        bytes.push(b);
        offsets.push(i);
    }
    offsets.push(text.len());
    (bytes, offsets)
}

/// "Place – " and "Place/Place (dpa) – " at the start of `text`: the end of the places
/// and of the match.
pub(super) fn dashed(text: &str) -> Option<(usize, usize)> {
    let (bytes, offsets) = class_bytes(text, DASHED.letter);
    let ascii = std::str::from_utf8(&bytes).ok()?;
    let found = DASHED.pattern.at_start(ascii)?;
    Some((
        *offsets.get(found.group?.end)?,
        *offsets.get(found.whole.end)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::super::PLACE_WORD;
    use super::*;

    /// The end of the regex's first group and of its match at the start of `text`.
    fn regex_ends(regex: &regex::Regex, text: &str) -> Option<(usize, usize)> {
        regex.captures(text).map(|c| {
            let (group, whole) = (c.get(1).expect("a group"), c.get(0).expect("a match"));
            (group.end(), whole.end())
        })
    }

    /// Every text of three of `parts` (repeats allowed) followed by one of `tails`.
    fn three_parts_and_a_tail(parts: &[&str], tails: &[&str]) -> Vec<String> {
        let mut texts = Vec::new();
        for a in parts {
            for b in parts {
                for c in parts {
                    texts.extend(tails.iter().map(|d| format!("{a}{b}{c}{d}")));
                }
            }
        }
        texts
    }

    #[test]
    fn listed_places_are_read_as_the_regex_reads_them() {
        let regex = regex::Regex::new(&format!(r"^({PLACE_WORD}(?:, {PLACE_WORD}){{1,7}}) "))
            .expect("valid pattern");
        let parts = [
            "Tokio",
            "Ä",
            "é",
            "Ǆx",
            "ǅ",
            "x",
            "É'’.-",
            "Σ\u{301}",
            ", ",
            ",",
            " ",
            "  ",
            "3",
            "ⓐ",
            "Ⅻ",
            "\u{a0}",
            "-",
        ];
        let mut texts = vec![
            "Tokio, Peking, Berlin, Istanbul Nach".to_string(),
            "A, B, C, D, E, F, G, H rest".to_string(),
            "A, B, C, D, E, F, G, H, I rest".to_string(),
        ];
        texts.extend(three_parts_and_a_tail(
            &parts,
            &["", " ", ", Wien", ", Wien ", "Berlin "],
        ));
        for text in &texts {
            let want = regex_ends(&regex, text);
            assert_eq!(listed(text), want, "{text:?}");
        }
    }

    #[test]
    fn dashed_places_are_read_as_the_unicode_pattern_reads_them() {
        let pattern = dashed_pattern(r"\p{Lu}", r"[\p{L}\p{M}'’.-]", r"\s", "[–—-]", "[^()]");
        assert!(pattern.contains(&format!("{PLACE_WORD}(?:[ -]")));
        let regex = regex::Regex::new(&pattern).expect("valid pattern");
        let parts = [
            "Wien", "São", "ǅx", "Ǆ", "x", "É'’.", "e\u{301}", " ", "\u{a0}", "\u{2009}", "-", "–",
            "—", " – ", " - ", "/", ", ", "(dpa)", "(", ")", "de ", "del ", "y", "x", "3", "„",
            "\u{1}", "\u{85}", "\n",
        ];
        let mut texts = vec![
            "Santiago de Chile – Wegen".to_string(),
            "WASHINGTON (Reuters) - The talks".to_string(),
            "Wien/London - Knapp".to_string(),
            "A, B, C, D, E, F – x".to_string(),
            "A, B, C, D, E, F, G – x".to_string(),
            "Ab (0123456789012345678901234) – x".to_string(),
            "Ab (01234567890123456789012345) – x".to_string(),
        ];
        texts.extend(three_parts_and_a_tail(
            &parts,
            &["", " – Die", "Berlin – ", " (dpa) – x"],
        ));
        let mut matched = 0;
        for text in &texts {
            let want = regex_ends(&regex, text);
            matched += usize::from(want.is_some());
            assert_eq!(dashed(text), want, "{text:?}");
        }
        assert!(matched > 1000, "{matched}");
    }
}
