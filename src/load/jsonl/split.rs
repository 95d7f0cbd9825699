//! Paragraphs from a crawler's body text: blank lines or single newlines separate them,
//! and a paragraph too long to read as one (a body that lost its line breaks) is split at
//! sentence ends, never inside a quotation. The one place kiosk splits long paragraphs
//! for JSON lines (`load::text` may later offer the same for plain text).

/// A paragraph longer than this (in chars) is split at sentence ends.
pub const LONG_PARAGRAPH: usize = 1200;

/// The size (in chars) the pieces of a split paragraph aim for.
const TARGET: usize = 600;

/// Words after which a period does not end a sentence.
const ABBREVIATIONS: [&str; 26] = [
    "z.B", "bzw", "ca", "Dr", "Prof", "Nr", "St", "usw", "vgl", "etc", "evtl", "ggf", "inkl",
    "Mio", "Mrd", "Jh", "Abs", "Str", "Tel", "u.a", "d.h", "o.ä", "sog", "Mr", "Mrs", "Hr",
];

/// The paragraphs of a body text, long ones split.
pub fn paragraphs(body: &str) -> Vec<String> {
    body.split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .flat_map(split_long_paragraph)
        .collect()
}

/// A paragraph of more than [`LONG_PARAGRAPH`] chars as pieces of about 600 chars that
/// end at sentence ends outside quotation marks; shorter ones as they are.
pub fn split_long_paragraph(text: &str) -> Vec<String> {
    if text.chars().count() <= LONG_PARAGRAPH {
        return vec![text.to_owned()];
    }
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut chars_in_piece = 0;
    for (end, len) in sentence_ends(text) {
        chars_in_piece += len;
        if chars_in_piece >= TARGET {
            pieces.push(text[start..end].trim().to_owned());
            start = end;
            chars_in_piece = 0;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        match pieces.last_mut() {
            Some(last) if rest.chars().count() < TARGET / 4 => {
                last.push(' ');
                last.push_str(rest);
            }
            _ => pieces.push(rest.to_owned()),
        }
    }
    pieces
}

/// Byte offsets just after each sentence end outside quotation marks, with the length in
/// chars of the sentence that ends there.
fn sentence_ends(text: &str) -> Vec<(usize, usize)> {
    let mut ends = Vec::new();
    let mut quotes = Quotes::default();
    let mut sentence_chars = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        sentence_chars += 1;
        let closed_after_stop = quotes.feed(c, text[..i].chars().next_back());
        let stop = matches!(c, '.' | '!' | '?' | '…') || closed_after_stop;
        if !stop || quotes.open() {
            continue;
        }
        let end = i + c.len_utf8();
        let next_is_closing = chars.peek().is_some_and(|&(_, n)| is_quote(n));
        if next_is_closing || !starts_sentence(&text[end..]) || after_abbreviation(&text[..i]) {
            continue;
        }
        ends.push((end, sentence_chars));
        sentence_chars = 0;
    }
    ends
}

/// Whether the text after a stop begins a new sentence: a space, then a capital letter,
/// a digit or an opening quotation mark.
fn starts_sentence(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next().is_some_and(char::is_whitespace)
        && chars
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || is_quote(c))
}

/// Whether the word before a period is an abbreviation, an initial or an ordinal number.
fn after_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    let word = word.trim_start_matches(['(', '„', '"', '»', '«']);
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    let is_number = !word.is_empty() && word.chars().all(|c| c.is_ascii_digit());
    is_initial || is_number || ABBREVIATIONS.contains(&word)
}

fn is_quote(c: char) -> bool {
    matches!(c, '„' | '“' | '”' | '"' | '»' | '«')
}

/// Which quotation marks are open, as a stack of the marks that would close them.
#[derive(Default)]
struct Quotes {
    closers: Vec<char>,
    /// Chars read since the innermost quotation opened; an unclosed mark is given up on
    /// after 2,000 so that one stray mark cannot stop all splitting.
    open_for: usize,
}

impl Quotes {
    fn open(&self) -> bool {
        !self.closers.is_empty()
    }

    /// Reads one char; true when it closed the last open quotation right after a
    /// sentence stop (`… gut.“`), which then ends the sentence.
    fn feed(&mut self, c: char, previous: Option<char>) -> bool {
        self.open_for += 1;
        if self.open_for > 2000 {
            self.closers.clear();
        }
        let closes = match (self.closers.last(), c) {
            (Some('“'), '“' | '”') | (Some('”'), '”') => true,
            (Some(&closer), c) => closer == c,
            (None, _) => false,
        };
        if closes {
            self.closers.pop();
            return self.closers.is_empty()
                && previous.is_some_and(|p| matches!(p, '.' | '!' | '?' | '…'));
        }
        let closer = match c {
            '„' => Some('“'),
            '“' => Some('”'),
            '"' => Some('"'),
            '»' => Some('«'),
            '«' => Some('»'),
            _ => None,
        };
        if let Some(closer) = closer {
            self.closers.push(closer);
            self.open_for = 0;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn long_text() -> String {
        let sentence = "Die Regierung in Kiew meldete am Montag neue Angriffe auf die Infrastruktur im Osten des Landes. ";
        let quote = "„Wir werden nicht aufgeben. Niemals. Das sagen wir allen.“ ";
        let mut text = String::new();
        for i in 0..30 {
            text.push_str(if i % 4 == 3 { quote } else { sentence });
        }
        text.trim_end().to_owned()
    }

    #[test]
    fn short_paragraphs_stay_whole() {
        assert_eq!(
            paragraphs("Erster Absatz.\n\nZweiter Absatz.\nDritter."),
            ["Erster Absatz.", "Zweiter Absatz.", "Dritter."]
        );
    }

    #[test]
    fn long_paragraphs_split_at_sentence_ends_outside_quotes() {
        let text = long_text();
        let pieces = split_long_paragraph(&text);
        assert!(pieces.len() >= 3, "{pieces:?}");
        for piece in &pieces {
            assert!(piece.chars().count() < LONG_PARAGRAPH, "{piece}");
            let opens = piece.matches('„').count();
            let closes = piece.matches('“').count();
            assert_eq!(opens, closes, "a quotation was cut: {piece}");
            assert!(piece.ends_with(['.', '“']), "{piece}");
        }
        assert_eq!(pieces.join(" "), text, "nothing is lost");
    }

    #[test]
    fn abbreviations_and_numbers_do_not_end_sentences() {
        let ends = sentence_ends("Am 3. Mai kam Dr. Weber z.B. nach Kiew. Dann ging er.");
        assert_eq!(ends.len(), 1, "{ends:?}");
    }
}
