//! Cutting an overlong paragraph into paragraphs of a few sentences, at the sentence
//! starts of [`SentenceStarts`], looked for only where a cut may fall.

use super::SentenceStarts;
use crate::bytes::char_count;

/// Paragraphs longer than this many chars are cut by [`split_long_paragraph`].
pub const SPLIT_ABOVE_CHARS: usize = 1200;
/// The length a cut paragraph aims at, in chars.
const TARGET_CHARS: usize = 600;
/// No cut paragraph is shorter than this, in chars (unless the whole text is).
const MIN_CHARS: usize = 250;

/// Cuts a paragraph longer than about 1,200 chars at sentence ends into paragraphs of a
/// few sentences (about 600 chars each). Never cuts inside quotation marks or brackets,
/// nor after an abbreviation or a day number. Shorter text comes back whole.
pub fn split_long_paragraph(text: &str) -> Vec<String> {
    let text = text.trim();
    // (a text of no more bytes than that has no more chars either: not counted)
    if text.len() <= SPLIT_ABOVE_CHARS {
        return vec![text.to_owned()];
    }
    let total = char_count(text);
    if total <= SPLIT_ABOVE_CHARS {
        return vec![text.to_owned()];
    }
    let mut cuts = Cuts {
        starts: SentenceStarts::new(text),
        counted: (0, 0),
        put_back: None,
    };
    let mut pieces = Vec::new();
    let (mut from_byte, mut from_char) = (0, 0);
    while let Some((byte, chars)) = cuts.choose(from_byte, from_char, total) {
        pieces.push(text[from_byte..byte].trim_end().to_owned());
        (from_byte, from_char) = (byte, chars);
    }
    pieces.push(text[from_byte..].trim().to_owned());
    pieces
}

/// The allowed cuts of a text as (byte offset, char offset), found as they are asked for.
struct Cuts<'a> {
    starts: SentenceStarts<'a>,
    /// The chars before a byte offset, counted so far.
    counted: (usize, usize),
    /// A cut looked at and not taken, the next to come.
    put_back: Option<(usize, usize)>,
}

impl Cuts<'_> {
    /// The next cut (the starts rise and lie on char boundaries: the chars since the
    /// last are counted at once).
    fn next(&mut self) -> Option<(usize, usize)> {
        if let Some(cut) = self.put_back.take() {
            return Some(cut);
        }
        let byte = self.starts.next()?;
        let (from, chars) = self.counted;
        self.counted = (byte, chars + char_count(&self.starts.text[from..byte]));
        Some(self.counted)
    }

    /// The cut after (`from_byte`, `from_char`) that makes the piece closest to the
    /// target length, leaving no piece shorter than the minimum (`total` chars in all).
    fn choose(
        &mut self,
        from_byte: usize,
        from_char: usize,
        total: usize,
    ) -> Option<(usize, usize)> {
        // A start fewer bytes than the minimum on is fewer chars on too: passed over.
        self.starts.skip_to(from_byte + MIN_CHARS);
        let mut chosen: Option<(usize, usize)> = None;
        while let Some((byte, chars)) = self.next() {
            if chars < from_char + MIN_CHARS {
                continue;
            }
            let len = chars - from_char;
            if len < TARGET_CHARS {
                chosen = Some((byte, chars));
                continue;
            }
            let closer_before =
                chosen.is_some_and(|(_, c)| TARGET_CHARS - (c - from_char) < len - TARGET_CHARS);
            if closer_before {
                self.put_back = Some((byte, chars));
            } else {
                chosen = Some((byte, chars));
            }
            break;
        }
        chosen.filter(|&(_, chars)| total - chars >= MIN_CHARS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::sentences::sentence_starts;

    #[test]
    fn long_paragraphs_split_at_sentence_ends_outside_quotes() {
        let sentence = "Die Regierung in Kiew meldete am Montag neue Angriffe auf die Infrastruktur im Osten des Landes. ";
        let quote = "„Wir werden nicht aufgeben. Niemals. Das sagen wir allen.“ ";
        let text: String = (0..30)
            .map(|i| if i % 4 == 3 { quote } else { sentence })
            .collect();
        let text = text.trim_end();
        let pieces = split_long_paragraph(text);
        assert!(pieces.len() >= 3, "{pieces:?}");
        for piece in &pieces {
            assert!(piece.chars().count() <= SPLIT_ABOVE_CHARS, "{piece}");
            assert_eq!(
                piece.matches('„').count(),
                piece.matches('“').count(),
                "{piece}"
            );
            assert!(piece.ends_with(['.', '“']), "{piece}");
        }
        assert_eq!(pieces.join(" "), text, "nothing is lost");
    }

    /// [`split_long_paragraph`] as first written: every sentence start collected and
    /// counted, then the cuts chosen among them.
    fn split_from_all_starts(text: &str) -> Vec<String> {
        let text = text.trim();
        let mut cuts = Vec::new();
        let (mut from, mut chars) = (0, 0);
        for byte in sentence_starts(text) {
            chars += text[from..byte].chars().count();
            cuts.push((byte, chars));
            from = byte;
        }
        let total = chars + text[from..].chars().count();
        if total <= SPLIT_ABOVE_CHARS {
            return vec![text.to_owned()];
        }
        let mut pieces = Vec::new();
        let (mut from_byte, mut from_char) = (0, 0);
        loop {
            let first = cuts.partition_point(|&(_, c)| c < from_char + MIN_CHARS);
            let mut chosen: Option<(usize, usize)> = None;
            for &(byte, chars) in &cuts[first..] {
                let len = chars - from_char;
                if len < TARGET_CHARS {
                    chosen = Some((byte, chars));
                    continue;
                }
                let closer_before = chosen
                    .is_some_and(|(_, c)| TARGET_CHARS - (c - from_char) < len - TARGET_CHARS);
                if !closer_before {
                    chosen = Some((byte, chars));
                }
                break;
            }
            match chosen.filter(|&(_, chars)| total - chars >= MIN_CHARS) {
                Some((byte, chars)) => {
                    pieces.push(text[from_byte..byte].trim_end().to_owned());
                    (from_byte, from_char) = (byte, chars);
                }
                None => {
                    pieces.push(text[from_byte..].trim().to_owned());
                    return pieces;
                }
            }
        }
    }

    #[test]
    fn cuts_found_on_demand_are_those_of_all_starts() {
        let parts = [
            "Die Regierung meldete am Montag neue Angriffe. ",
            "Am 5. August kam Dr. Meier an. ",
            "„Wir gehen. Jetzt.“ ",
            "Er sagte: »Nein.« ",
            "(Siehe oben. Und unten.) ",
            "Wirklich?! ",
            "Und dann … Nichts. ",
            "Grüße aus Köln, Zürich und Łódź. ",
            "   ",
            "東京で会議が開かれた。 ",
            "Ein Satz ohne Ende ",
            "Nr. 7 ",
            "x.y.z. ",
        ];
        let mut seed = 7u64;
        for round in 0..300 {
            let mut text = String::new();
            let len = 1000 + round * 13;
            while text.len() < len {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(parts[(seed >> 33) as usize % parts.len()]);
            }
            assert_eq!(
                split_long_paragraph(&text),
                split_from_all_starts(&text),
                "{text}"
            );
        }
    }
}
