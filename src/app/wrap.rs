//! Wrapping text to a width in display columns (textwrap, unicode-width), returning
//! byte ranges into the text rather than copies, so highlights can be laid over the
//! wrapped lines. Wide (CJK) characters count two columns, combining marks none.

use std::ops::Range;

use textwrap::core::{Word, break_words};
use textwrap::word_splitters::split_words;
use textwrap::{WordSeparator, WordSplitter, WrapAlgorithm};

/// The byte ranges of `text`'s lines wrapped to `width` columns; trailing spaces of a
/// line are left out, a newline in the text always ends a line, an empty text is one
/// empty line.
pub fn wrap_ranges(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut base = 0;
    for line in text.split('\n') {
        wrap_line(line, base, width, &mut lines);
        base += line.len() + 1;
    }
    lines
}

fn wrap_line(line: &str, base: usize, width: usize, lines: &mut Vec<Range<usize>>) {
    if line.is_empty() {
        lines.push(base..base);
        return;
    }
    let separator = if line.chars().any(needs_unicode_breaks) {
        WordSeparator::UnicodeBreakProperties
    } else {
        WordSeparator::AsciiSpace
    };
    let splitter = WordSplitter::HyphenSplitter;
    let words: Vec<Word> = break_words(split_words(separator.find_words(line), &splitter), width);
    let mut at = 0;
    for row in WrapAlgorithm::new().wrap(&words, &[width]) {
        let Some(last) = row.last() else {
            lines.push(base + at..base + at);
            continue;
        };
        // The words are contiguous in `line` (textwrap relies on it too).
        let len: usize = row.iter().map(|w| w.word.len() + w.whitespace.len()).sum();
        let end = (at + len - last.whitespace.len()).min(line.len());
        lines.push(base + at..base + end);
        at = (at + len).min(line.len());
    }
    if lines.last().is_none_or(|l| l.start < base) {
        lines.push(base..base + line.len());
    }
}

/// Scripts written without spaces between words (CJK, Thai, …) break between
/// characters; everything else breaks at spaces only, which is faster.
fn needs_unicode_breaks(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0FFF}'      // Thai, Lao, Tibetan
        | '\u{1000}'..='\u{109F}'    // Myanmar
        | '\u{1780}'..='\u{17FF}'    // Khmer
        | '\u{2E80}'..='\u{A4CF}'    // CJK radicals, kana, ideographs, Yi
        | '\u{AC00}'..='\u{D7AF}'    // Hangul
        | '\u{F900}'..='\u{FAFF}'    // CJK compatibility ideographs
        | '\u{FF00}'..='\u{FFEF}'    // full-width forms
        | '\u{20000}'..='\u{3FFFF}') // CJK extensions
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn wrapped(text: &str, width: usize) -> Vec<&str> {
        wrap_ranges(text, width)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn wraps_at_spaces_and_drops_trailing_space() {
        assert_eq!(
            wrapped("one two three four", 9),
            ["one two", "three", "four"]
        );
        assert_eq!(wrapped("", 10), [""]);
        assert_eq!(wrapped("a\n\nb", 10), ["a", "", "b"]);
    }

    #[test]
    fn long_words_break_and_hyphens_may_end_a_line() {
        assert_eq!(wrapped("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrapped("US-Präsident Biden", 5)[0], "US-");
    }

    #[test]
    fn wide_characters_count_two_columns() {
        let text = "北京和莫斯科签署了新的合作协议，双方表示关系达到历史最高水平。";
        for line in wrapped(text, 10) {
            assert!(line.width() <= 10, "{line:?} is {} wide", line.width());
        }
        assert_eq!(wrapped(text, 10).concat(), text);
    }

    #[test]
    fn combining_marks_stay_with_their_letter() {
        let text = "Cafe\u{301} cafe\u{301} cafe\u{301}";
        for line in wrapped(text, 5) {
            assert!(!line.starts_with('\u{301}'));
            assert!(line.width() <= 5);
        }
    }
}
