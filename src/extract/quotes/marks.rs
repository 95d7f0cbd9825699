//! Quotation marks: which characters open and close a quote, paired in one linear pass.
//!
//! Every style counts („…“ “…” "…" »…« «…» ‚…‘ ‘…’ '…' ›…‹). A quote inside a quote stays
//! part of the outer one; an opening mark that is never closed ends its quote at the end
//! of its sentence, so it cannot swallow the rest of a long paragraph.

/// A top-level quote in a paragraph, in byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// The opening mark.
    pub open: usize,
    /// Just after the closing mark, or where an unclosed quote was cut.
    pub end: usize,
    /// The quoted words, without the marks.
    pub inner_start: usize,
    pub inner_end: usize,
    /// No closing mark: the quote runs on into the next paragraph or was cut.
    pub closed: bool,
}

impl Span {
    /// The quoted words of `text`, without the marks.
    pub fn inner<'t>(&self, text: &'t str) -> &'t str {
        &text[self.inner_start..self.inner_end]
    }
}

/// The kinds of opening mark; each closes with its own set of marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// „…“ (also closed by ” or ")
    Low,
    /// “…” (also closed by “)
    High,
    /// "…"
    Straight,
    /// »…«
    GuillemetIn,
    /// «…»
    GuillemetOut,
    /// ‚…‘
    LowSingle,
    /// ‘…’
    HighSingle,
    /// '…'
    StraightSingle,
    /// ›…‹
    SingleIn,
    /// ‹…›
    SingleOut,
}

/// True for every character that can be a quotation mark.
pub fn is_mark(c: char) -> bool {
    matches!(
        c,
        '„' | '“' | '”' | '"' | '»' | '«' | '‚' | '‘' | '’' | '\'' | '›' | '‹'
    )
}

/// Whether `text` holds a char that [`is_mark`] takes, found by byte search: every mark
/// is `"`, `'`, or two bytes 0xC2 0xAB/0xBB (« ») or three bytes 0xE2 0x80 … (the others).
pub fn has_mark(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2(b'"', b'\'', bytes).is_some()
        || memchr::memchr2_iter(0xC2, 0xE2, bytes).any(|i| {
            // a lead byte starts a char
            text.get(i..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(is_mark)
        })
}

/// The quotes of `text` and the byte offsets of every mark that opens or closes a quote
/// (nested ones too). `runs_on` says the next paragraph opens with a quotation mark, so
/// a quote left open at the end continues there instead of being cut.
pub fn find(text: &str, runs_on: bool) -> (Vec<Span>, Vec<usize>) {
    let mut spans = Vec::new();
    let mut marks = Vec::new();
    let mut broken = Vec::new();
    let mut from = 0;
    // Each rescan skips one unclosed opening mark; the budget keeps a text full of
    // stray marks linear.
    let mut budget = text.len().saturating_mul(4).max(4096);
    while let Some(open) = pair(text, from, &mut spans, &mut marks) {
        let inner_start = open + mark_len(text, open);
        if runs_on {
            marks.push(open);
            spans.push(blank_or_span(open, inner_start, text.len()));
            break;
        }
        // What was paired inside the broken quote is paired again by the rescan.
        marks.retain(|&m| m < open);
        broken.push(open);
        budget = budget.saturating_sub(text.len() - from);
        from = inner_start;
        if budget == 0 {
            break;
        }
    }
    for &open in &broken {
        let inner_start = open + mark_len(text, open);
        let next_open = spans
            .iter()
            .map(|s| s.open)
            .chain(broken.iter().copied())
            .filter(|&o| o > open)
            .min()
            .unwrap_or(text.len());
        let cut = sentence_end(text, inner_start).min(next_open);
        marks.push(open);
        spans.push(blank_or_span(open, inner_start, cut));
    }
    spans.retain(|s| {
        s.inner_end > s.inner_start && !text[s.inner_start..s.inner_end].trim().is_empty()
    });
    spans.sort_by_key(|s| s.open);
    marks.sort_unstable();
    (spans, marks)
}

fn blank_or_span(open: usize, inner_start: usize, end: usize) -> Span {
    let end = end.max(inner_start);
    Span {
        open,
        end,
        inner_start,
        inner_end: end,
        closed: false,
    }
}

/// Pairs marks from byte `from`; records closed top-level spans and every mark used.
/// Returns the outermost opening mark left unclosed, if any.
fn pair(text: &str, from: usize, spans: &mut Vec<Span>, marks: &mut Vec<usize>) -> Option<usize> {
    let mut stack: Vec<(Family, usize)> = Vec::new();
    let bytes = text.as_bytes();
    let mut scan = from;
    // every mark is '"', '\'' or starts with the byte C2 («») or E2 (the rest), so the
    // text is scanned byte by byte and decoded only there
    while let Some(at) = next_mark_byte(bytes, scan) {
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        scan = at + c.len_utf8();
        if !is_mark(c) {
            continue;
        }
        let prev = text[..at].chars().next_back();
        let next = text[scan..].chars().next();
        let flank = Flank::of(prev, next);
        match role(c, flank, &stack) {
            Role::Open(family) => stack.push((family, at)),
            Role::Close(depth) => {
                let (_, open) = stack[depth];
                stack.truncate(depth);
                marks.push(open);
                marks.push(at);
                if depth == 0 {
                    let end = at + c.len_utf8();
                    spans.push(Span {
                        open,
                        end,
                        inner_start: open + mark_len(text, open),
                        inner_end: at,
                        closed: true,
                    });
                }
            }
            Role::None => {}
        }
    }
    stack.first().map(|&(_, open)| open)
}

/// The first byte from `from` that may begin a mark: `"`, `'`, 0xC2 or 0xE2, found with
/// memchr's vector search (0xC2 only up to the first of the other three).
fn next_mark_byte(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let other = memchr::memchr3(b'"', b'\'', 0xE2, rest);
    let guillemet = memchr::memchr(0xC2, rest.get(..other.unwrap_or(rest.len()))?);
    guillemet.or(other).map(|i| from + i)
}

fn mark_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(0, char::len_utf8)
}

/// Where a mark stands against the words around it.
#[derive(Debug, Clone, Copy)]
struct Flank {
    /// A word follows and none precedes: the mark can open.
    left: bool,
    /// A word precedes and none follows: the mark can close.
    right: bool,
    /// Letters on both sides: an apostrophe.
    inside_word: bool,
}

impl Flank {
    fn of(prev: Option<char>, next: Option<char>) -> Flank {
        let opens_before = |c: char| {
            c.is_whitespace()
                || matches!(c, '(' | '[' | '{' | '–' | '—' | '-' | '/' | ':' | ';' | ',')
                || is_mark(c)
        };
        let closes_after = |c: char| {
            c.is_whitespace()
                || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '…')
                || matches!(c, '–' | '—' | '-' | '/')
                || is_mark(c)
        };
        // nothing quoted starts with a comma or a full stop ("… stellt \", zitiert")
        let starts_words =
            |n: char| !n.is_whitespace() && !matches!(n, ',' | '.' | ';' | '!' | '?' | ')');
        let left = next.is_some_and(starts_words) && prev.is_none_or(opens_before);
        let right = prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(closes_after);
        let inside_word =
            prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
        Flank {
            left,
            right,
            inside_word,
        }
    }

    /// Can close: a word before it, or at least not a word right after it.
    fn closes(self) -> bool {
        self.right || !self.left
    }
}

enum Role {
    Open(Family),
    /// Closes the opening mark at this depth of the stack.
    Close(usize),
    None,
}

fn role(c: char, flank: Flank, stack: &[(Family, usize)]) -> Role {
    use Family::*;
    let find = |families: &[Family]| stack.iter().rposition(|(f, _)| families.contains(f));
    let close_or = |families: &[Family], open: Option<Family>| match find(families) {
        Some(depth) if flank.closes() => Role::Close(depth),
        _ => match open {
            Some(family) if flank.left || !flank.right => Role::Open(family),
            _ => Role::None,
        },
    };
    match c {
        '„' => Role::Open(Low),
        '‚' if !flank.inside_word => Role::Open(LowSingle),
        '“' => close_or(&[Low, High], Some(High)),
        '”' => close_or(&[High, Low], None),
        '"' => close_or(&[Straight, Low], Some(Straight)),
        '»' => close_or(&[GuillemetOut], Some(GuillemetIn)),
        '«' => close_or(&[GuillemetIn], Some(GuillemetOut)),
        '›' => close_or(&[SingleOut], Some(SingleIn)),
        '‹' => close_or(&[SingleIn], Some(SingleOut)),
        '‘' => close_or(&[LowSingle, HighSingle], Some(HighSingle)),
        '’' | '\'' if flank.inside_word => Role::None,
        '’' => close_or(&[HighSingle, LowSingle], None),
        '\'' => match find(&[StraightSingle, LowSingle, HighSingle]) {
            Some(depth) if flank.right => Role::Close(depth),
            _ if flank.left && !flank.right => Role::Open(StraightSingle),
            _ => Role::None,
        },
        _ => Role::None,
    }
}

/// Just after the sentence that starts at `from`: its final . ! ? (and a closing mark
/// right after it), or the end of the text.
fn sentence_end(text: &str, from: usize) -> usize {
    let mut chars = text[from..].char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?') {
            let mut end = from + offset + c.len_utf8();
            while let Some(&(o, n)) = chars.peek() {
                if is_mark(n) {
                    end = from + o + n.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let after = text[end..].chars().next();
            if after.is_none_or(char::is_whitespace) && offset > 0 {
                return end;
            }
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_mark_byte_is_the_first_lead_byte() {
        let text = "Er sagte: \u{a0}„Ja“ – it's «so» \"x\" ‚y‘ und mehr Text ohne Zeichen";
        let bytes = text.as_bytes();
        for from in 0..=bytes.len() + 1 {
            let want = (bytes.get(from..).unwrap_or_default().iter())
                .position(|b| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2))
                .map(|i| from + i);
            assert_eq!(next_mark_byte(bytes, from), want, "from {from}");
        }
    }

    #[test]
    fn has_mark_is_contains_is_mark() {
        let texts = [
            "kein Zeichen hier – nur Text, ä ö ü ß € ©",
            "„Ja“",
            "»Nein«",
            "it's",
            "\"x\"",
            "‚einfach‘",
            "›Anf‹",
            "Er sagte ”so”.",
            "¢ £ ¥ ‐ ‑ ‒ … ‰",
            "",
        ];
        for text in texts {
            assert_eq!(has_mark(text), text.contains(is_mark), "{text}");
        }
    }
}
