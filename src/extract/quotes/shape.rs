//! What quoted words look like where they stand: how many words, whether they read like
//! a title or a name ("Soft Power", der Film „…“, „Dual Use“-Güter), whether they open
//! their sentence. Scare quotes are told from speech by these and by attribution.

use super::lexicon::{VerbClass, words};
use super::text::{Kind, Para, at_most_words};

/// The look of one quote.
#[derive(Debug, Clone, Copy, Default)]
pub struct Shape {
    /// How many words, up to one more than [`MOST_WORDS_TOLD`] when neither
    /// `title_like` nor `name_like`.
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
    /// Right after "zu" or right before a noun: part of the author's own infinitive or
    /// noun phrase.
    pub in_authors_phrase: bool,
    /// Set in a frame that quotes someone's word for a thing: "als „…“", "von einem
    /// „…“", "warnte vor den „…“", "nannte es einen „…“".
    pub framed: bool,
}

/// Small words that may stand lowercase inside a title or a name.
const TITLE_JOINERS: &[&str] = &[
    "und", "oder", "der", "die", "das", "des", "dem", "den", "von", "vom", "zu", "zur", "zum",
    "im", "in", "am", "an", "auf", "für", "mit", "ohne", "unter", "über", "gegen", "ein", "eine",
    "einer", "of", "the", "and", "for", "a", "an", "to", "in", "on", "at", "de", "la", "le", "du",
    "del", "di", "e", "y", "et", "à",
];

/// The most words any rule tells apart ([`Shape::words`] stops counting past them once the
/// quote reads as neither a title nor a name: speech runs long, and its words are
/// most of a quote reader's chars).
const MOST_WORDS_TOLD: usize = 8;

/// Reads the quote at token `q` of `para`.
pub fn of(para: &Para, q: usize) -> Shape {
    let Kind::Quote(index) = para.tokens[q].kind else {
        return Shape::default();
    };
    let span = para.quotes[index];
    let inner = span.inner(para.text).trim();
    // the words, counted in one pass: how many, how many capitalised, whether all are,
    // and whether the others are all small joining words
    let (mut words, mut capitals, mut joined) = (0, 0, true);
    let parts = inner
        .split(|c: char| c.is_whitespace() || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        // (trimmed, a word with a letter or digit is one that is left)
        .filter(|w| !w.is_empty());
    for word in parts {
        words += 1;
        let capital = word
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric());
        capitals += usize::from(capital);
        joined = joined && (capital || TITLE_JOINERS.contains(&word));
        // no rule tells more words apart, and a word that is no title's is seen
        if words > MOST_WORDS_TOLD && !joined {
            break;
        }
    }
    let name_like = words >= 2 && joined && capitals * 2 > words;
    let title_like = words >= 2 && capitals == words;
    let sentence = para.sentence_of(q);
    let standalone = q == sentence.start
        || para.is_punct(q.wrapping_sub(1), ':')
        || (q == sentence.start + 1 && para.is_punct(sentence.start, '('));
    let sentence_like = inner.ends_with(['.', '!', '?', '…']);
    let short_title = !sentence_like && words <= MOST_WORDS_TOLD && titled_by_colon(para, q);
    Shape {
        words,
        title_like,
        name_like,
        sentence_like,
        framed: framed(para, q),
        in_authors_phrase: (q > 0 && para.is_word(q - 1) && para.lower(q - 1) == "zu")
            || para.is_capitalized(q + 1),
        term: short_title || term_marked(para, q, span.end) || named_itself(para, q),
        names_speaker: names_speaker(para, q, words, inner),
        standalone,
        fragment: inner.starts_with(|c: char| c.is_lowercase()),
    }
}

/// "als „…“", "von einer „…“", "vor den „…“" with a cue verb in the clause, or "nannte es
/// einen „…“": an attributed word for a thing.
fn framed(para: &Para, q: usize) -> bool {
    let clause = clause_of(para, q);
    let mut t = q;
    while t > clause.start && t + 3 > q && para.is_word(t - 1) {
        let lower = para.lower(t - 1);
        if para.is(t - 1, "determiner") || (!para.is_capitalized(t - 1) && lower.ends_with('e')) {
            t -= 1;
        } else {
            break;
        }
    }
    // "als" with any cue verb in the clause; "von", "vor", "zu" only with a verb that
    // takes them ("sprach von", "warnte vor", "riet zu"), not "die Sprecherin von „…“"
    let opener = (t > clause.start && para.is_word(t - 1)).then(|| para.lower(t - 1));
    let opener = opener.as_deref().is_some_and(|word| {
        let word = if word == "vom" { "von" } else { word };
        clause.clone().any(|k| match word {
            "als" => !para.verb(k).is_empty(),
            "von" | "vor" | "zu" => {
                para.verb(k).iter().any(|r| r.particle == Some(word))
                    || (word == "zu" && para.lower(k).starts_with("ri"))
            }
            _ => false,
        })
    });
    // "Er sagte, „No-Go-Areas“ dürfe es nicht geben": the quote opens the reported clause
    let reported = t == q
        && q == clause.start
        && q >= 2
        && para.is_punct(q - 1, ',')
        && !para.verb(q - 2).is_empty();
    let indefinite = t < q
        && matches!(
            para.lower(t).as_ref(),
            "ein" | "eine" | "einen" | "einem" | "einer"
        );
    let naming = (clause.start..t)
        .any(|k| para.is_word(k) && para.verb(k).iter().any(|r| r.class == VerbClass::Label));
    opener || (indefinite && naming) || reported
}

/// The tokens of the clause around token `q`, between commas, colons and brackets.
fn clause_of(para: &Para, q: usize) -> std::ops::Range<usize> {
    let sentence = para.sentence_of(q);
    let bound = |t: &usize| {
        matches!(
            para.tokens[*t].kind,
            Kind::Punct(',' | ':' | ';' | '(' | ')')
        )
    };
    let start = (sentence.start..q)
        .rev()
        .find(bound)
        .map_or(sentence.start, |t| t + 1);
    let end = (q + 1..sentence.end).find(bound).unwrap_or(sentence.end);
    start..end
}

/// A colon after a title noun: "Codenamen: „…“", "stellte die neue CD vor: „…“",
/// "Den Namen der Sendung gab das ZDF bekannt: „…“".
fn titled_by_colon(para: &Para, q: usize) -> bool {
    if q < 2 || !para.is_punct(q - 1, ':') {
        return false;
    }
    let w = words();
    let sentence = para.sentence_of(q);
    let clause_start = (sentence.start..q - 1)
        .rev()
        .find(|&t| matches!(para.tokens[t].kind, Kind::Punct(',' | ':' | ';' | '(')))
        .map_or(sentence.start, |t| t + 1);
    (clause_start..q - 1).any(|t| {
        para.is_capitalized(t) && w.is_title_noun(&para.lower(t))
            || (para.is_word(t) && para.is(t, "term_marker"))
    })
}

/// "nennt sich „…“", "wie er genannt wird", "„…“, so lautet der Titel": a name given.
fn named_itself(para: &Para, q: usize) -> bool {
    let w = words();
    let clause = clause_of(para, q);
    let label = clause
        .clone()
        .any(|k| para.is_word(k) && para.verb(k).iter().any(|r| r.class == VerbClass::Label));
    // "hat sich informiert und sprach von einer „…“": only the label verb's own part
    // of a clause joined by "und" can make it reflexive or passive
    let joined = |k: usize| {
        para.is_word(k) && matches!(para.lower(k).as_ref(), "und" | "oder" | "aber" | "sondern")
    };
    let part_start = (clause.start..q)
        .rev()
        .find(|&k| joined(k))
        .map_or(clause.start, |k| k + 1);
    let part_end = (q + 1..clause.end)
        .find(|&k| joined(k))
        .unwrap_or(clause.end);
    let reflexive_or_passive = (part_start..part_end).any(|k| {
        para.is_word(k)
            && matches!(
                para.lower(k).as_ref(),
                "sich" | "wird" | "werden" | "wurde" | "wurden"
            )
    });
    // "„…“, so lautet der Titel der Studie", "der Name lautet also „…“"
    // "heißt es auf der Webseite" says, it does not name
    let naming_verb = |v: usize| {
        para.is_word(v)
            && matches!(para.lower(v).as_ref(), "lautet" | "lautete" | "heißt")
            && !(para.is_word(v + 1) && para.lower(v + 1) == "es")
    };
    let title_before = clause
        .clone()
        .any(|k| k < q && para.is_capitalized(k) && words().is_title_noun(&para.lower(k)))
        && (clause.start..q).any(naming_verb);
    let titled = title_before
        || (q + 1..para.sentence_of(q).end.min(q + 7)).any(|k| {
            para.is_capitalized(k) && w.is_title_noun(&para.lower(k)) && (q + 1..k).any(naming_verb)
        });
    let as_label = q > 0 && para.is_word(q - 1) && para.lower(q - 1) == "als";
    (label && reflexive_or_passive && !as_label) || titled
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
    // (not across a preposition: "das Blatt stecke in einer „…“")
    let before = (q.saturating_sub(3)..q)
        .rev()
        .take_while(|&t| para.is_word(t) && !para.is(t, "preposition") && para.lower(t) != "als")
        .any(|t| {
            let lower = para.lower(t);
            let genitive = lower.strip_suffix("es").or_else(|| lower.strip_suffix('s'));
            para.is(t, "term_marker")
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
        para.is(q + 1, "term_marker")
            || (para.verb(q + 1).iter().any(|r| r.class == VerbClass::Label)
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
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let mut p = q;
    if p > 0 && para.is_word(p - 1) && para.is(p - 1, "determiner") {
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
    // a title starts with a capital or is short: "sieht in dem Gesetz „kein Hindernis für
    // den freien Kapitalverkehr“" quotes words, not the law's name
    let title_shaped = capital || at_most_words(inner, 3);
    joined
        || glued
        || (before && title_shaped)
        || abbreviation
        || named_after
        || source
        || address
        || source_name
}

fn names_speaker(para: &Para, q: usize, words_in_quote: usize, inner: &str) -> bool {
    // "als „falsch“ zurückgewiesen": a label, not the subject
    let label = q > 0 && para.is_word(q - 1) && para.lower(q - 1) == "als";
    // a lowercase fragment is an adjective or an object, not the subject that speaks
    // ("nannte sie „sehr respektabel“ stellte aber fest", "Von „mutwilliger Täuschung“
    // sprechen Medien"); after an article it is the verb's object, which is no speech
    // either ("die eine „partnerschaft ohne Grenzen“ erklärt hatten")
    let lowercase = inner.starts_with(char::is_lowercase)
        && !(q > 0 && para.is_word(q - 1) && para.is(q - 1, "determiner"));
    if words_in_quote > 3 || !para.is_word(q + 1) || label || lowercase {
        return false;
    }
    let readings = para.verb(q + 1);
    !readings.is_empty() && readings.iter().all(|r| r.class != VerbClass::Label)
}
