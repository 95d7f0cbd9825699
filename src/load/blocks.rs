//! From decoded text to the lines a parser reasons about: normalised, HTML fragments and
//! Markdown markup removed (a credit element's text kept aside), and hard-wrapped lines
//! joined back into paragraphs.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::load::{boilerplate, clean};

/// One line (or re-joined paragraph) of an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// The clean text: no tags, entities decoded, no Markdown markup, trimmed.
    pub text: String,
    /// A photo credit the raw line carried in a credit element (`<span class="copyright">`).
    pub credit: Option<String>,
    /// A blank line (or the start of the text) comes right before it.
    pub after_blank: bool,
    /// The level of a Markdown heading (`#` = 1).
    pub heading_level: Option<u8>,
    /// A Markdown image: its text is a photo caption.
    pub image: bool,
    /// The opening sentences of a one-line article, split off its body: the title's source.
    pub teaser: bool,
}

static MD_IMAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!\[([^\]]*)\]\([^)]*\)").expect("valid pattern"));
static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]]+)\]\([^)]*\)").expect("valid pattern"));
static MD_STRONG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\*\*|__)(\S(?:[^*_]*\S)?)(\*\*|__)").expect("valid pattern"));
static MD_EMPHASIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|[\s(])[*_](\S(?:[^*_]*\S)?)[*_]").expect("valid pattern"));

/// Whether the text reads as Markdown: named `.md`, or with `#` headings.
pub fn is_markdown(path: &str, text: &str) -> bool {
    let ext = path.rsplit('.').next().unwrap_or("");
    // A line starts the text or follows a `\n`. Each `#` (few in prose) is found by
    // memchr, which needs no searcher built per text as a search for "\n#" does.
    let bytes = text.as_bytes();
    let heading_at = |at: usize| text[at..].starts_with("# ") || text[at..].starts_with("## ");
    ext.eq_ignore_ascii_case("md")
        || ext.eq_ignore_ascii_case("markdown")
        || heading_at(0)
        || memchr::memchr_iter(b'#', bytes).any(|i| i > 0 && bytes[i - 1] == b'\n' && heading_at(i))
}

/// Splits normalised text into clean lines; blank lines only set `after_blank`.
pub fn lines(text: &str, markdown: bool) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut after_blank = true;
    let mut in_code = false;
    // (a credit element is a tag, and markup a tag or an entity: in a text with neither,
    // which is most, no line looks for them)
    let may_hold_tags = memchr::memchr(b'<', text.as_bytes()).is_some();
    let may_hold_markup = may_hold_tags || memchr::memchr(b'&', text.as_bytes()).is_some();
    for raw in lines_of(text) {
        if markdown && raw.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        let found = may_hold_tags.then(|| boilerplate::split_credit_span(raw));
        let (raw, credit) = match found.flatten() {
            Some((without, credit)) => (Cow::Owned(without), Some(credit)),
            None => (Cow::Borrowed(raw), None),
        };
        let stripped = match may_hold_markup {
            true => clean::strip_inline_html_cow(&raw),
            false => Cow::Borrowed(raw.as_ref()),
        };
        let mut line = Line {
            text: stripped.trim().to_owned(),
            credit,
            after_blank,
            ..Line::default()
        };
        if markdown && !in_code && !markdown_line(&mut line, &mut out) {
            continue;
        }
        if line.text.is_empty() {
            after_blank = true;
            continue;
        }
        after_blank = false;
        out.push(line);
    }
    join_wrapped(out)
}

/// The lines of `text`, as `str::lines` cuts them (at `\n`, a `\r` before it dropped, no
/// empty line after a last `\n`, a last line without `\n` kept whole), found with memchr's vector search: the standard
/// library's line search costs several times more on lines of a few hundred bytes.
fn lines_of(text: &str) -> impl Iterator<Item = &str> {
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = 0;
    std::iter::from_fn(move || {
        // (`\n` is one byte: every `start` is a char boundary)
        let rest = text.get(start..).filter(|rest| !rest.is_empty())?;
        let Some(end) = ends.next().map(|end| end - start) else {
            start = text.len();
            return Some(rest);
        };
        let line = &rest[..end];
        start += end + 1;
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
}

/// Reads Markdown block markup off a line; `false` when the line is only markup
/// (a setext underline or a rule) and is used up.
fn markdown_line(line: &mut Line, previous: &mut [Line]) -> bool {
    let text = line.text.as_str();
    let is_rule = text.len() >= 3
        && text
            .chars()
            .all(|c| matches!(c, '-' | '=' | '*' | '_' | ' '));
    if is_rule {
        let underline = text.chars().all(|c| c == '=' || c == '-');
        if let (true, false, Some(prev)) = (underline, line.after_blank, previous.last_mut())
            && prev.heading_level.is_none()
        {
            prev.heading_level = Some(if text.starts_with('=') { 1 } else { 2 });
        }
        line.text.clear();
        return false;
    }
    let hashes = text.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) && text[hashes..].starts_with(' ') {
        line.heading_level = Some(hashes as u8);
        line.text = text[hashes..]
            .trim()
            .trim_end_matches('#')
            .trim()
            .to_owned();
    } else if let Some(quoted) = text.strip_prefix('>') {
        line.text = quoted.trim().to_owned();
    }
    if let Some(caps) = MD_IMAGE.captures(&line.text) {
        if caps
            .get(0)
            .is_some_and(|m| m.as_str().len() == line.text.len())
        {
            line.image = true;
        }
        line.text = MD_IMAGE.replace_all(&line.text, "$1").trim().to_owned();
    }
    line.text = MD_LINK.replace_all(&line.text, "$1").into_owned();
    line.text = MD_STRONG.replace_all(&line.text, "$2").into_owned();
    line.text = MD_EMPHASIS.replace_all(&line.text, "$1$2").into_owned();
    if let Some(item) = ["* ", "+ ", "- "]
        .iter()
        .find_map(|bullet| line.text.strip_prefix(bullet))
    {
        line.text = format!("• {item}");
    }
    true
}

/// Joins hard-wrapped lines (a text wrapped at a fixed width, paragraphs separated by
/// blank lines) back into paragraphs. Texts with long lines are left as they are.
fn join_wrapped(lines: Vec<Line>) -> Vec<Line> {
    let width = wrap_width(&lines);
    let Some(width) = width else {
        return lines;
    };
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut open = false; // the last line of `out` may take the next line
    for line in lines {
        let len = line.text.chars().count();
        let continues = open
            && !line.after_blank
            && line.heading_level.is_none()
            && !line.text.starts_with(['•', '-', '*', '–'])
            && !line.image;
        match out.last_mut() {
            Some(prev) if continues => join_line(&mut prev.text, &line.text),
            _ => out.push(line.clone()),
        }
        open = len * 10 >= width * 6 && line.heading_level.is_none();
    }
    out
}

/// The width a text is wrapped at, when it is: most lines followed by another line are
/// nearly as long as the longest, and no line is longer than 100 chars.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    // A line of more than 400 bytes has more than 100 chars: no need to count them all.
    if lines.iter().any(|l| l.text.len() > 400) {
        return None;
    }
    let lens: Vec<usize> = lines.iter().map(|l| l.text.chars().count()).collect();
    let width = *lens.iter().max()?;
    if !(30..=100).contains(&width) {
        return None;
    }
    let followed: Vec<usize> = (0..lines.len().saturating_sub(1))
        .filter(|&i| !lines[i + 1].after_blank)
        .map(|i| lens[i])
        .collect();
    let full = followed.iter().filter(|&&n| n * 10 >= width * 7).count();
    (full >= 3 && full * 2 >= followed.len()).then_some(width)
}

/// Appends a wrapped continuation, undoing a hyphenation before a lower-case word.
fn join_line(text: &mut String, next: &str) {
    let hyphenated = text.ends_with('-')
        && text[..text.len() - 1].ends_with(char::is_alphabetic)
        && next.starts_with(char::is_lowercase);
    if hyphenated {
        text.pop();
    } else if !text.ends_with('-') {
        text.push(' ');
    }
    text.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_by_name_or_by_a_heading_that_starts_a_line() {
        assert!(is_markdown("a/b.MD", "Text"));
        assert!(is_markdown("b.markdown", "Text"));
        assert!(is_markdown("b.txt", "# Titel\nText"));
        assert!(is_markdown("b.txt", "Text\n\n## Abschnitt\nMehr"));
        assert!(!is_markdown(
            "b.txt",
            "Text mit #hashtag\n#hashtag\n#\n ## x"
        ));
        assert!(!is_markdown("b.txt", "#"));
    }

    #[test]
    fn lines_are_cut_as_str_lines_cuts_them() {
        let texts = [
            "",
            "\n",
            "a",
            "a\n",
            "a\n\nb",
            "a\r\nb\r\n",
            "\r\n\r",
            "Grüße\nKöln\n\n",
        ];
        for text in texts {
            assert_eq!(
                lines_of(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>(),
                "{text:?}"
            );
        }
    }

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "Titel\n\nDies ist ein Absatz, der bei etwa sechzig Zeichen umbrochen\n\
                    wurde, wie es alte Texte tun. Er geht noch über eine dritte\n\
                    Zeile hinaus und endet hier.\n\nZweiter Absatz, ebenfalls umbrochen, mit einer Trenn-\n\
                    ung und einem Ende.\n";
        let got = lines(text, false);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[1].text.contains("umbrochen wurde, wie"));
        assert!(got[2].text.contains("Trennung und"));
    }

    #[test]
    fn markdown_headings_images_links_and_emphasis() {
        let text = "# Titel\n\nText mit **fett** und [Link](http://x).\n\n![Ein Foto](a.jpg)\n\nZweiter\n---\n";
        let got = lines(text, true);
        assert_eq!(
            texts(&got),
            ["Titel", "Text mit fett und Link.", "Ein Foto", "Zweiter"]
        );
        assert_eq!(got[0].heading_level, Some(1));
        assert!(got[2].image);
        assert_eq!(got[3].heading_level, Some(2));
    }

    #[test]
    fn credit_spans_are_kept_aside() {
        let got = lines(r#"Putin in Hanoi.<span class="copyright">AP</span>"#, false);
        assert_eq!(got[0].text, "Putin in Hanoi.");
        assert_eq!(got[0].credit.as_deref(), Some("AP"));
    }
}
