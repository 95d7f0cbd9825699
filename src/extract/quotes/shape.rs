//! What quoted words look like where they stand: how many words, whether they read like
//! a title or a name ("Soft Power", der Film „…“, „Dual Use“-Güter), whether they open
//! their sentence. Scare quotes are told from speech by these and by attribution.

use super::lexicon::{VerbClass, words};
use super::text::{Kind, Para};

/// The look of one quote.
#[derive(Debug, Clone, Copy, Default)]
pub struct Shape {
    pub words: usize,
    /// Every word capitalised, no joining words ("Berliner Zeitung", "Soft Power", "Der
    /// Spiegel"): a title or a name.
    pub title_like: bool,
    /// Capitalised words with small joining words ("Ärzte ohne Grenzen"): a name, or a
    /// German noun phrase ("Opfer des Terrorismus"); speech only when attributed.
    pub name_like: bool,
    /// Ends with . ! ? inside the marks.
    pub sentence_like: bool,
    /// Marked as a term: "so genannte", a title noun before it ("der Film"), a hyphen
    /// joining it to a compound after it, an abbreviation in brackets after it.
    pub term: bool,
    /// Directly followed by a speech verb without a comma: the quote names the one who
    /// speaks ("wie „AP News“ berichtet").
    pub names_speaker: bool,
    /// Opens its sentence, or follows a colon.
    pub standalone: bool,
    /// The first letter is lowercase: a fragment of a sentence.
    pub fragment: bool,
}

/// Small words that may stand lowercase inside a title or a name.
const TITLE_JOINERS: &[&str] = &[
    "und", "oder", "der", "die", "das", "des", "dem", "den", "von", "vom", "zu", "zur", "zum",
    "im", "in", "am", "an", "auf", "für", "mit", "ohne", "unter", "über", "gegen", "ein", "eine",
    "einer", "of", "the", "and", "for", "a", "an", "to", "in", "on", "at", "de", "la", "le", "du",
    "del", "di", "e", "y", "et", "à",
];

/// Reads the quote at token `q` of `para`.
pub fn of(para: &Para, q: usize) -> Shape {
    let Kind::Quote(index) = para.tokens[q].kind else {
        return Shape::default();
    };
    let span = para.quotes[index];
    let inner = para.text[span.inner_start..span.inner_end].trim();
    let parts: Vec<&str> = inner
        .split(|c: char| c.is_whitespace() || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    let capitalized = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    };
    let name_like = parts.len() >= 2
        && parts
            .iter()
            .all(|w| capitalized(w) || TITLE_JOINERS.contains(w))
        && parts.iter().filter(|w| capitalized(w)).count() * 2 > parts.len();
    let title_like = parts.len() >= 2 && parts.iter().all(capitalized);
    let sentence = para.sentence_of(q);
    let standalone = q == sentence.start
        || para.is_punct(q.wrapping_sub(1), ':')
        || (q == sentence.start + 1 && para.is_punct(sentence.start, '('));
    Shape {
        words: parts.len(),
        title_like,
        name_like,
        sentence_like: inner.ends_with(['.', '!', '?', '…']),
        term: term_marked(para, q, span.end),
        names_speaker: names_speaker(para, q, parts.len()),
        standalone,
        fragment: inner.starts_with(|c: char| c.is_lowercase()),
    }
}

fn term_marked(para: &Para, q: usize, end: usize) -> bool {
    let w = words();
    // „Dual Use“-Güter, „.asia“-Domain: the quote is part of a compound
    let joined = para.text[end..].starts_with(['-', '‑'])
        && para.text[end..]
            .chars()
            .nth(1)
            .is_some_and(char::is_alphanumeric);
    let glued = para.text[end..].starts_with(char::is_alphanumeric);
    // a title noun or a term marker right before it, perhaps with an adjective between
    let before = (q.saturating_sub(3)..q)
        .rev()
        .take_while(|&t| para.is_word(t))
        .any(|t| {
            let lower = para.lower(t);
            let genitive = lower.strip_suffix("es").or_else(|| lower.strip_suffix('s'));
            w.is("term_marker", &lower)
                || (para.is_capitalized(t)
                    && (w.is_title_noun(&lower) || genitive.is_some_and(|g| w.is_title_noun(g))))
        });
    // "laut „Tagesspiegel“": the quote names the source
    let source =
        q > 0 && para.is_word(q - 1) && matches!(para.lower(q - 1).as_ref(), "laut" | "gemäß");
    // „Rat für nationale Sicherheit“ (CNS): a name with its abbreviation
    let abbreviation = para.is_punct(q + 1, '(')
        && para.is_word(q + 2)
        && para.str(q + 2).chars().filter(|c| c.is_uppercase()).count() >= 2
        && para.is_punct(q + 3, ')');
    // „BD-Live“ genannt, als „Sonnenwind“ bezeichnet wird: a name given, not words said
    let named_after = para.is_word(q + 1) && {
        let next = para.lower(q + 1);
        w.is("term_marker", &next)
            || (w.verb(&next).iter().any(|r| r.class == VerbClass::Label)
                && para.is_word(q + 2)
                && matches!(
                    para.lower(q + 2).as_ref(),
                    "wird" | "werden" | "wurde" | "wurden"
                ))
    };
    // "in der „Correio da Manhã“", "gegenüber dem „Tagesspiegel“": a short name after a
    // preposition of place or source
    let capital = para.text[para.tokens[q].start..end]
        .chars()
        .nth(1)
        .is_some_and(char::is_uppercase);
    let mut p = q;
    if p > 0 && para.is_word(p - 1) && w.is("determiner", &para.lower(p - 1)) {
        p -= 1;
    }
    let place = p > 0
        && para.is_word(p - 1)
        && matches!(
            para.lower(p - 1).as_ref(),
            "in" | "im" | "bei" | "beim" | "gegenüber" | "aus" | "seitens" | "durch"
        );
    let source_name = capital
        && place
        && para.text[para.tokens[q].start..end]
            .split_whitespace()
            .count()
            <= 3;
    // „bbc.co.uk“: a web address
    let inner = &para.text[para.tokens[q].start..end];
    let address = !inner.trim().contains(' ')
        && inner.contains('.')
        && !inner
            .trim_end_matches(['“', '”', '"', '«', '»', '‘', '\''])
            .ends_with('.');
    joined || glued || before || abbreviation || named_after || source || address || source_name
}

fn names_speaker(para: &Para, q: usize, words_in_quote: usize) -> bool {
    // "als „falsch“ zurückgewiesen": a label, not the subject
    let label = q > 0 && para.is_word(q - 1) && para.lower(q - 1) == "als";
    if words_in_quote > 3 || !para.is_word(q + 1) || label {
        return false;
    }
    let form = para.lower(q + 1);
    let readings = words().verb(&form);
    !readings.is_empty() && readings.iter().all(|r| r.class != VerbClass::Label)
}
