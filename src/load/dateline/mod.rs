//! Datelines: the place names that open a news text ("Wien – ", "Tokio, Peking, Berlin,
//! Istanbul Nach …", "WASHINGTON (Reuters) - "). They are not content and stay out of
//! the lead.

use crate::bytes::ascii_letters_len;
use crate::load::sentences::{SentenceStarts, WORDS};

mod classes;

use classes::{dashed, listed};

/// A capitalised word of a place name ("Wien", "St.", "Stoke-on-Trent", "NEW").
#[cfg(test)]
const PLACE_WORD: &str = r"\p{Lu}[\p{L}\p{M}'’.-]*";

/// "Place – " and "Place/Place (dpa) – ", with particles inside a place ("Santiago de
/// Chile"), over the text's chars as written (`\s` and `[–—-]` as they read, `word`
/// and `upper` the patterns of a place word's chars): at most two capitalised words a
/// place, particles between ("Santiago de Chile", "Den Haag").
fn dashed_pattern(upper: &str, word: &str, space: &str, dash: &str, not_bracket: &str) -> String {
    let mut particles: Vec<&str> = WORDS.place_particles.iter().copied().collect();
    particles.sort_unstable();
    let particle = particles.join("|");
    let place_word = format!("{upper}{word}*");
    let place = format!("{place_word}(?:[ -](?:(?:{particle})[ -])?{place_word})?");
    format!(
        r"^((?:{place})(?:{space}*[/,]{space}*(?:{place})){{0,5}})(?:{space}*\({not_bracket}{{1,25}}\))?{space}+{dash}{space}+"
    )
}

/// Builds the dashed pattern now (start-up does, beside the other tables).
pub fn warm_up() {
    classes::warm_up();
}

/// Whether `text` may open with a dateline, decided without a regex: both patterns need
/// place words (letters, marks, `'’.-`), separated by spaces, `/` or `,`, perhaps an
/// agency in brackets, and then a spaced dash or a ", ". A text whose opening runs into
/// any other char first cannot match (most paragraphs: a digit, a colon, a full stop
/// and space before any dash). Nor can a text whose opening holds a fourth word after
/// white space since the last `/` or `,` (outside brackets): a place is at most two
/// words and a particle between, and the listed places are one word each. (Only words
/// that open with an ASCII letter are counted: too few words is safe.)
fn may_open_with_dateline(text: &str) -> bool {
    // Read a byte at a time; a char beyond ASCII is decoded only when its first byte
    // may begin a dash or a white space (0xC2, 0xE1, 0xE2, 0xE3), the rest are letters
    // and marks, which may stand in a place name.
    let bytes = text.as_bytes();
    let (mut after_space, mut after_comma) = (true, false);
    let (mut i, mut words) = (0, 0);
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
            b',' => {
                words = 0;
                (false, true)
            }
            b'a'..=b'z' | b'A'..=b'Z' => {
                words += usize::from(after_space);
                if words > 3 {
                    return false;
                }
                // (a word's letters are passed over at once: none changes the state)
                i += ascii_letters_len(&bytes[i..]);
                (after_space, after_comma) = (false, false);
                continue;
            }
            b'/' => {
                words = 0;
                (false, false)
            }
            b'\'' | b'.' | b'-' => (false, false),
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
    let (dateline, rest) = if let Some((places_end, end)) = dashed(text) {
        (text.get(..places_end)?, text.get(end..)?)
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
/// ("Teaser text. Wien – Body …"), given the text's sentence starts: the teaser, the
/// dateline and the body.
pub fn split_after_teaser<'a>(
    text: &'a str,
    starts: SentenceStarts<'_>,
) -> Option<(&'a str, String, &'a str)> {
    for start in starts {
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

    /// [`may_open_with_dateline`] a char at a time, as it was first written (before it
    /// counted words).
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
        let words = ["Santiago de ", "Den Haag ", "St. Pölten ", "Am Ort "];
        let parts: Vec<&str> = parts.into_iter().chain(words).collect();
        let tails = [
            "",
            " ",
            "Berlin",
            "–",
            ",",
            " – Die",
            "Chile – Die",
            " Nord (dpa) – Die",
            " x y",
        ];
        for a in &parts {
            for b in &parts {
                for c in &parts {
                    for d in tails {
                        let text = format!("{a}{b}{c}{d}");
                        let (bytewise, by_chars) =
                            (may_open_with_dateline(&text), may_open_by_chars(&text));
                        // Only a text that the word count rules out may differ, and no
                        // dateline pattern matches it.
                        let no_dateline = dashed(&text).is_none() && listed(&text).is_none();
                        assert!(
                            bytewise == by_chars || (by_chars && no_dateline),
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
    fn dateline_after_a_teaser() {
        let text = "Die Gewerkschaft lanciert einen Rechner. Wien – Die Gewerkschaft sieht Bedarf bei Verträgen.";
        let (teaser, place, body) = split_after_teaser(text, SentenceStarts::new(text)).unwrap();
        assert_eq!(teaser, "Die Gewerkschaft lanciert einen Rechner.");
        assert_eq!(place, "Wien");
        assert!(body.starts_with("Die Gewerkschaft sieht"));
    }
}
