//! Datelines: the place names that open a news text ("Wien – ", "Tokio, Peking, Berlin,
//! Istanbul Nach …", "WASHINGTON (Reuters) - "). They are not content and stay out of
//! the lead.

use std::sync::LazyLock;

use crate::load::forward::Pattern;
use crate::load::sentences::WORDS;

/// A capitalised word of a place name ("Wien", "St.", "Stoke-on-Trent", "NEW").
const PLACE_WORD: &str = r"\p{Lu}[\p{L}\p{M}'’.-]*";

/// "Place – " and "Place/Place (dpa) – ", with particles inside a place ("Santiago de Chile").
static DASHED: LazyLock<Pattern> = LazyLock::new(|| {
    let mut particles: Vec<&str> = WORDS.place_particles.iter().copied().collect();
    particles.sort_unstable();
    let particle = particles.join("|");
    // At most two capitalised words, particles between: "Santiago de Chile", "Den Haag".
    let place = format!("{PLACE_WORD}(?:[ -](?:(?:{particle})[ -])?{PLACE_WORD})?");
    let pattern = format!(
        r"^((?:{place})(?:\s*[/,]\s*(?:{place})){{0,5}})(?:\s*\([^()]{{1,25}}\))?\s+[–—-]\s+"
    );
    Pattern::new(&pattern).expect("the dateline pattern is valid")
});

/// Builds the dashed pattern now (start-up does, beside the other tables).
pub fn warm_up() {
    LazyLock::force(&DASHED);
}

/// The chars of a [`PLACE_WORD`], from the regex crate's own Unicode tables: its first
/// (`\p{Lu}`) and the others (`[\p{L}\p{M}'’.-]`), as sorted ranges.
struct PlaceChars {
    first: Vec<(char, char)>,
    rest: Vec<(char, char)>,
}

static PLACE_CHARS: LazyLock<PlaceChars> = LazyLock::new(|| PlaceChars {
    first: class_ranges(r"\p{Lu}"),
    rest: class_ranges(r"[\p{L}\p{M}'’.-]"),
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
fn listed(text: &str) -> Option<(usize, usize)> {
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

/// Whether `text` may open with a dateline, decided without a regex: both patterns need
/// place words (letters, marks, `'’.-`), separated by spaces, `/` or `,`, perhaps an
/// agency in brackets, and then a spaced dash or a ", ". A text whose opening runs into
/// any other char first cannot match (most paragraphs: a digit, a colon, a full stop
/// and space before any dash).
fn may_open_with_dateline(text: &str) -> bool {
    // Read a byte at a time; a char beyond ASCII is decoded only when its first byte
    // may begin a dash or a white space (0xC2, 0xE1, 0xE2, 0xE3), the rest are letters
    // and marks, which may stand in a place name.
    let bytes = text.as_bytes();
    let (mut after_space, mut after_comma) = (true, false);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (space, comma) = match b {
            b'(' => match memchr::memchr(b')', &bytes[i + 1..]) {
                Some(k) => {
                    i += k + 2; // an agency in brackets: passed over
                    (false, false)
                }
                None => return false,
            },
            b'-' if after_space => return true, // "Wien -"
            b' ' if after_comma => return true, // "Tokio, Peking"
            b'\t'..=b'\r' | b' ' => (true, false),
            b',' => (false, true),
            b'a'..=b'z' | b'A'..=b'Z' | b'\'' | b'.' | b'-' | b'/' => (false, false),
            0x00..=0x7f => return false,
            0xc2 | 0xe1..=0xe3 => {
                let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                    return false;
                };
                if matches!(c, '–' | '—') && after_space {
                    return true; // "Wien –"
                }
                i += c.len_utf8() - 1;
                (c.is_whitespace(), false)
            }
            _ => (false, false),
        };
        (after_space, after_comma) = (space, comma);
        if b != b'(' {
            i += 1;
        }
    }
    false
}

/// Splits a dateline off the start of `text`: `Some((dateline, rest))`.
pub fn split_dateline(text: &str) -> Option<(String, &str)> {
    if !may_open_with_dateline(text) {
        return None;
    }
    let (dateline, rest) = if let Some(dashed) = DASHED.at_start(text) {
        (text.get(dashed.group?)?, text.get(dashed.whole.end..)?)
    } else {
        let (places_end, end) = listed(text)?;
        let places = text.get(..places_end)?;
        let all_places = places
            .split(", ")
            .all(|p| p.chars().count() >= 3 && !p.ends_with('.'));
        if !all_places {
            return None;
        }
        (places, text.get(end..)?)
    };
    let opens_sentence = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "„“\"»«".contains(c));
    let words = dateline.split_whitespace().count();
    // (the rest is a whole paragraph: its words are counted no further than needed)
    (opens_sentence && words <= 8 && rest.split_whitespace().nth(2).is_some())
        .then(|| (dateline.trim().to_owned(), rest))
}

/// Finds a dateline standing after the first sentences of a one-line article
/// ("Teaser text. Wien – Body …"): the teaser, the dateline and the body.
pub fn split_after_teaser(text: &str) -> Option<(&str, String, &str)> {
    for start in crate::load::sentences::SentenceStarts::new(text) {
        if start > 600 {
            break;
        }
        if let Some((dateline, body)) = split_dateline(&text[start..]) {
            return Some((text[..start].trim_end(), dateline, body));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`may_open_with_dateline`] a char at a time, as it was first written.
    fn may_open_by_chars(text: &str) -> bool {
        let mut prev = ' ';
        let mut in_brackets = false;
        for c in text.chars() {
            if in_brackets {
                in_brackets = c != ')';
            } else if matches!(c, '–' | '—' | '-') && prev.is_whitespace() {
                return true; // "Wien –"
            } else if c == ' ' && prev == ',' {
                return true; // "Tokio, Peking"
            } else if c == '(' {
                in_brackets = true;
            } else if !(c.is_alphabetic()
                || c.is_whitespace()
                || !c.is_ascii()
                || "'.-/,".contains(c))
            {
                return false;
            }
            prev = c;
        }
        false
    }

    #[test]
    fn the_bytewise_opening_test_agrees_with_the_char_one() {
        let parts = [
            "Wien", " ", "–", "—", "-", ",", ", ", "(dpa)", "(", ")", "3", ":", "ä", "\u{a0}",
            "\u{3000}", "\t", "/", ".", "'", "„", "x", "\u{2009}",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    for d in ["", " ", "Berlin", "–", ","] {
                        let text = format!("{a}{b}{c}{d}");
                        assert_eq!(
                            may_open_with_dateline(&text),
                            may_open_by_chars(&text),
                            "{text:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn dashed_and_listed_datelines() {
        let cases = [
            ("Wien – Die Gewerkschaft sieht Bedarf.", "Wien"),
            (
                "Santiago de Chile – Wegen seiner Provokation wurde er gesperrt.",
                "Santiago de Chile",
            ),
            (
                "Wien/London - Knapp fünf Wochen vor der Wahl.",
                "Wien/London",
            ),
            ("St. Pölten – Am Montag begann es.", "St. Pölten"),
            (
                "WASHINGTON (Reuters) - The talks began today.",
                "WASHINGTON",
            ),
            (
                "Tokio, Peking, Berlin, Istanbul Nach Verlusten achten Staaten darauf.",
                "Tokio, Peking, Berlin, Istanbul",
            ),
        ];
        for (text, place) in cases {
            assert_eq!(
                split_dateline(text).map(|(d, _)| d).as_deref(),
                Some(place),
                "{text}"
            );
        }
        for text in [
            "Besuche in Vietnam und Nordkorea - Plant Putin die Anti-Nato?",
            "Gegen Slowaken Klizan – Mögliche zweite Runde gegen Simon.",
            "Merkel - die ewige Kanzlerin geht.",
            "Peking, Moskau und Washington streiten seit Jahren.",
            "Angela Merkel, die Kanzlerin, sagte das.",
        ] {
            assert_eq!(split_dateline(text), None, "{text}");
        }
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
        for a in parts {
            for b in parts {
                for c in parts {
                    for d in ["", " ", ", Wien", ", Wien ", "Berlin "] {
                        texts.push(format!("{a}{b}{c}{d}"));
                    }
                }
            }
        }
        for text in &texts {
            let want = regex.captures(text).map(|c| {
                let (group, whole) = (c.get(1).expect("a group"), c.get(0).expect("a match"));
                (group.end(), whole.end())
            });
            assert_eq!(listed(text), want, "{text:?}");
        }
    }

    #[test]
    fn dateline_after_a_teaser() {
        let text = "Die Gewerkschaft lanciert einen Rechner. Wien – Die Gewerkschaft sieht Bedarf bei Verträgen.";
        let (teaser, place, body) = split_after_teaser(text).unwrap();
        assert_eq!(teaser, "Die Gewerkschaft lanciert einen Rechner.");
        assert_eq!(place, "Wien");
        assert!(body.starts_with("Die Gewerkschaft sieht"));
    }
}
