//! The parts of a speaker phrase: the capitalised words of a name or noun, adjectives
//! before them, the phrase that completes a role ("des Ministeriums"), and the
//! apposition after a name (", Chinaforscherin bei der SWP,").

use std::ops::Range;

use std::sync::LazyLock;

use super::lexicon::{Words, words};
use super::text::{Kind, Para};

/// Name particles that may stand inside a name ("Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "von", "van", "de", "der", "den", "zu", "al", "el", "bin", "da", "di", "du", "la", "le", "dos",
    "ter", "ten", "del",
];

/// Joining words inside an English or German proper name ("Carnegie Endowment for Peace").
const NAME_JOINERS: &[&str] = &["for", "of", "&", "the"];

/// Capitalised words that read as a noun phrase, not a name: a genitive before a noun
/// ("Patersons Entscheidung") or a noun ending ("Mitverantwortung", "Engagement").
/// A common noun's ending ("Mitverantwortung", "Engagement", "Gesellschaft").
pub(super) fn has_noun_ending(word: &str) -> bool {
    const NOUN_ENDINGS: &[&str] = &[
        "ung", "heit", "keit", "schaft", "tion", "ität", "nis", "tum", "ment", "ismus", "ei",
        "ungen", "heiten", "keiten", "nisse", "ionen",
    ];
    if word.is_ascii() {
        // only the last six letters (the longest ending) are lowercased, on the stack
        let Some(tail) = word.as_bytes().last_chunk::<6>() else {
            return false;
        };
        let tail = tail.map(|b| b.to_ascii_lowercase());
        return NOUN_ENDINGS.iter().any(|e| tail.ends_with(e.as_bytes()));
    }
    let lower = super::text::lower(word);
    lower.chars().count() > 5 && NOUN_ENDINGS.iter().any(|e| lower.ends_with(e))
}

pub(super) fn common_noun_phrase(para: &Para, heads: Range<usize>) -> bool {
    // (the words are walked again rather than collected: this runs for most phrases)
    let tokens = || {
        heads
            .clone()
            .filter(|&t| para.is_word(t))
            .map(|t| para.str(t))
    };
    let before_last = tokens().count().saturating_sub(1);
    let genitive = tokens()
        .take(before_last)
        .any(|w| w.ends_with('s') && w.len() > 3);
    let noun = tokens().any(has_noun_ending);
    (genitive || noun)
        && heads
            .clone()
            .find(|&t| para.is_word(t))
            .is_none_or(|t| words().first_name(&para.lower(t)).is_none())
}

/// A lowercase adjective between an article and its noun ("der russische Präsident").
pub(super) fn is_modifier(para: &Para, t: usize) -> bool {
    if !para.is_word(t) || para.is_capitalized(t) {
        // "Chinas Außenminister", "Jelpkes wissenschaftlicher Mitarbeiter": a
        // capitalised genitive before a role word, perhaps with an adjective between
        if !(para.is_capitalized(t) && para.str(t).ends_with('s')) {
            return false;
        }
        let role = (t + 1..t + 3).find(|&n| !para.is_word(n) || para.is_capitalized(n));
        return role.is_some_and(|n| {
            (t + 1..n).all(|m| is_modifier(para, m)) && para.is_capitalized(n) && para.is_role(n)
        });
    }
    let lower = para.lower(t);
    // "ein nicht genannter Vertreter", "einer gestern verbreiteten Erklärung": "nicht"
    // or an adverb before an inflected adjective
    if lower == "nicht" || para.is(t, "adverb") {
        let next = para.lower(t + 1);
        let inflected = ["e", "er", "en", "es", "em"]
            .iter()
            .any(|e| next.ends_with(e));
        return inflected && is_modifier(para, t + 1);
    }
    !(is_domain(&lower)
        || para.is(t, "preposition")
        || para.is(t, "adverb")
        || para.is(t, "determiner")
        || para.is(t, "pronoun")
        || !para.verb(t).is_empty()
        || matches!(
            lower.as_ref(),
            "und" | "oder" | "sich" | "es" | "nicht" | "and"
        ))
}

/// The capitalised words of a name or noun, with name particles and joiners inside.
pub(super) fn heads(para: &Para, start: usize, limit: usize) -> Range<usize> {
    let mut t = start;
    while t < limit {
        // "die US-Regierung Georgien … bezeichnet": a bare country name after a body is
        // the object, not part of the body's name (that would be "Georgiens")
        let country_after_body = t > start
            && para.is_body(t - 1)
            && !para.str(t).ends_with('s')
            && !crate::extract::countries::find(para.str(t)).is_empty();
        if country_after_body {
            break;
        }
        if is_name_word(para, t) {
            t += 1;
            continue;
        }
        let title = matches!(
            para.str(t),
            "Dr" | "Prof" | "Dipl" | "Ing" | "Mr" | "Ms" | "Mrs"
        );
        if title
            && t > start.saturating_sub(1)
            && para.is_punct(t + 1, '.')
            && t + 2 < limit
            && is_name_word(para, t + 2)
        {
            t += 2; // "Dr. Heino Stoever"
            continue;
        }
        if para.is_word(t)
            && para.str(t) == "a"
            && para.is_punct(t + 1, '.')
            && para.is_word(t + 2)
            && para.str(t + 2) == "D"
        {
            // "Oberst a. D.": a retired officer
            t += if para.is_punct(t + 3, '.') { 4 } else { 3 };
            continue;
        }
        // the rest asks whether a particle or a joining word continues the name
        let word = para.str(t);
        let joiner = para.is_word(t) && (PARTICLES.contains(&word) || NAME_JOINERS.contains(&word));
        if t == start || !joiner {
            break;
        }
        let after_role = para.is_role(t - 1) || para.is_body(t - 1);
        // "der" and "den" only after another particle ("Ursula von der Leyen"), else
        // "Pflichten der Union" would be a name
        let article = matches!(word, "der" | "den") && !PARTICLES.contains(&para.str(t - 1));
        // "Ursula von der Leyen", but "Renate Künast von den Grünen", "Anelka zu
        // Domenech": a particle joins a name only after given names
        let after_surname = PARTICLES.contains(&word)
            && para.is_capitalized(t - 1)
            && !given_names_before(para, start, t);
        let joins = !after_role
            && !article
            && !after_surname
            && (para.is_capitalized(t + 1)
                || (PARTICLES.contains(&para.str(t + 1)) && para.is_capitalized(t + 2)));
        if joins && t + 1 < limit {
            t += 1;
            continue;
        }
        break;
    }
    // a trailing particle or joiner is not part of the name
    while t > start && !para.is_capitalized(t - 1) {
        t -= 1;
    }
    start..t
}

/// Whether the name words before `t` (after any role word) are all given names, each
/// part of a hyphenated one too ("Karl-Theodor", "Ursula").
fn given_names_before(para: &Para, start: usize, t: usize) -> bool {
    let w = words();
    let given = |k: usize| {
        para.lower(k)
            .split('-')
            .all(|part| w.first_name(part).is_some())
    };
    let mut names = (start..t)
        .rev()
        .take_while(|&k| para.is_capitalized(k) && !para.is_role(k) && !para.is_body(k))
        .peekable();
    names.peek().is_some() && names.all(given)
}

/// A capitalised word that can be part of a name or noun: not a function word, not a verb.
pub fn is_name_word(para: &Para, t: usize) -> bool {
    para.is_name_word_once(t, read_name_word)
}

/// [`is_name_word`], read from the token and its lexicon classes.
fn read_name_word(para: &Para, t: usize) -> bool {
    if !para.is_capitalized(t) {
        return is_domain(para.str(t));
    }
    let lower = para.lower(t);
    // "Passend zu …", "Relativierend fügt Gall hinzu": an adverb opening the sentence
    let opens = para.sentence_of(t).start == t;
    if opens
        && ["end", "lich", "weise", "mals", "isch"]
            .iter()
            .any(|e| lower.ends_with(e))
    {
        return false;
    }
    // one lookup for all the classes a name word must not be in
    static NOT_NAME: LazyLock<[u32; 3]> = LazyLock::new(|| {
        [
            Words::mask(&["function", "adverb", "preposition"]),
            Words::mask(&["pronoun", "determiner"]),
            Words::mask(&[
                "function",
                "determiner",
                "pronoun",
                "possessive",
                "preposition",
                "adverb",
                "not_name",
            ]),
        ]
    });
    let [inner_words, pronouns, never] = *NOT_NAME;
    let classes = para.classes(t);
    // a capitalised function word inside a sentence is a name after a given name
    // ("Lothar Nicht"); after anything else it opens a sentence the text ran together
    // ("Engagement Deutschlands Bereits im Dezember …")
    let inside = !opens && !para.is_punct(t.wrapping_sub(1), ':');
    if inside && classes & inner_words != 0 {
        let after_given_name = t > 0 && words().first_name(&para.lower(t - 1)).is_some();
        return after_given_name && classes & pronouns == 0 && lower != "sie";
    }
    // a verb's form capitalised inside a sentence is a noun, and a text's name may be one
    // ("in einem Schreiben der Gewerkschaft")
    let noun = || inside && words().is_document(&lower);
    classes & never == 0 && (para.verb(t).is_empty() || noun())
}

/// "des nordkoreanischen Verteidigungsministeriums", "in Ankara", "von Carnegie …":
/// one phrase that completes a role or a body; returns where it ends.
pub(super) fn complement(para: &Para, at: usize, limit: usize) -> Option<usize> {
    let lower = para.is_word(at).then(|| para.lower(at))?;
    if !matches!(
        lower.as_ref(),
        "des" | "der" | "von" | "vom" | "in" | "aus" | "bei" | "beim" | "im" | "für" | "of"
    ) {
        return None;
    }
    let mut t = at + 1;
    if para.is_word(t) && para.is(t, "determiner") {
        t += 1;
    }
    while t < limit && para.is_word(t) && !para.is_capitalized(t) && is_modifier(para, t) {
        t += 1;
    }
    let mut heads = heads(para, t, limit);
    // "des Philologenverbandes Baden-Württemberg Karl-Heinz Wurster": a person's name
    // after the body ends the phrase
    if let Some(name) = heads
        .clone()
        .skip(1)
        .find(|&k| starts_full_name(para, k, heads.end))
    {
        heads.end = name;
    }
    // "vom Dienstagabend", "im März": a time, not a place or body the phrase belongs to;
    // "im Zusammenhang mit", "in der folgenden Urteilsbegründung": a circumstance
    let first = heads.clone().next().map(|h| para.lower(h));
    let time = first.as_deref().is_some_and(is_time_word);
    let place_word = matches!(lower.as_ref(), "in" | "im" | "aus" | "bei" | "beim");
    let circumstance = place_word
        && first.as_deref().is_some_and(|h| {
            words().is_circumstance(h) || has_noun_ending(h) || words().is_document(h)
        });
    (!heads.is_empty() && !time && !circumstance).then_some(heads.end)
}

/// Whether a person's full name starts at token `k`: a given name and a capitalised word
/// after it, before `end`.
pub(super) fn starts_full_name(para: &Para, k: usize, end: usize) -> bool {
    k + 1 < end && words().first_name(&para.lower(k)).is_some() && para.is_capitalized(k + 1)
}

/// A weekday, a month or a part of a day, also in a compound ("Dienstagabend").
fn is_time_word(word: &str) -> bool {
    const DAYS: &[&str] = &[
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "sonnabend",
        "wochenende",
    ];
    DAYS.iter().any(|d| word.starts_with(d)) || words().is_month(word)
}

/// ", Klaus Stöhr," after a role: a person's name set off by commas.
pub(super) fn apposed_name(para: &Para, at: usize, limit: usize) -> Option<Range<usize>> {
    if !para.is_punct(at, ',') {
        return None;
    }
    let name = heads(para, at + 1, limit);
    let ends = name.end >= limit
        || matches!(
            para.tokens[name.end].kind,
            Kind::Punct(',' | ':' | '(' | '.')
        )
        || para.is_word(name.end);
    let person = name.len() >= 2 || words().first_name(&para.lower(name.start)).is_some();
    let plain = !name.clone().any(|t| para.is_role(t) || para.is_body(t));
    (name.len() <= 5 && !name.is_empty() && ends && person && plain).then_some(name)
}

/// Past a short bracket at `at` ("(SPD)", "(UGIT)"), or `at` itself.
pub(super) fn past_bracket(para: &Para, at: usize, limit: usize) -> usize {
    if !para.is_punct(at, '(') {
        return at;
    }
    (at + 1..limit.min(at + 6))
        .find(|&t| para.is_punct(t, ')'))
        .map_or(at, |close| close + 1)
}

/// The apposition after a name: ", Chinaforscherin bei der SWP," up to the next comma,
/// colon or sentence end, when it names a role or organisation.
pub(super) fn apposition(para: &Para, at: usize, limit: usize) -> Option<Range<usize>> {
    if !para.is_punct(at, ',') && !para.is_punct(at, '(') {
        return None;
    }
    let closing = if para.is_punct(at, '(') { ')' } else { ',' };
    let start = at + 1;
    let mut t = start;
    let mut depth = 0usize;
    while t < limit {
        match para.tokens[t].kind {
            Kind::Punct('(') => depth += 1,
            Kind::Punct(')') if depth > 0 => depth -= 1,
            Kind::Punct(c) if depth == 0 && (c == closing || ":;!?".contains(c)) => break,
            Kind::Quote(_) => break,
            // a missing comma: "Stephen Singer, ein Klimaexperte vom WWF erklärte, …"
            Kind::Word if t > start && is_speech_verb_form(para, t) => break,
            _ => {}
        }
        t += 1;
    }
    let end = if t == limit && t > start && para.is_punct(t - 1, '.') {
        t - 1
    } else {
        t
    };
    let names_role = (start..t).any(|k| para.is_word(k) && (para.is_role(k) || para.is_body(k)));
    let first_is_verb = para.is_word(start) && !para.verb(start).is_empty();
    (end > start && names_role && !first_is_verb && end - start <= 25).then_some(start..end)
}

/// Whether an apposition says what someone is, so that it can be their role: a role
/// word heads it, before any preposition ("Chinaforscherin bei der SWP", not "die
/// Politik in einem Brief an sechs Bundesminister"); it is no next item of a list ("und
/// der norwegische Ministerpräsident …") and no relative clause, which ends with its
/// verb ("der 2018 … Brexit-Minister gewesen war").
pub(super) fn is_role_phrase(para: &Para, phrase: &Range<usize>) -> bool {
    let (start, end) = (phrase.start, phrase.end);
    let first_role =
        (start..end).find(|&k| para.is_word(k) && (para.is_role(k) || para.is_body(k)));
    let headed = first_role.is_some_and(|r| !(start..r).any(|k| para.is(k, "preposition")));
    let joins = para.is_word(start) && para.is(start, "connective");
    let clause = end > start + 1
        && para.is_word(end - 1)
        && para.str(end - 1).starts_with(char::is_lowercase)
        && para.str(end - 1).chars().count() > 2;
    headed && !joins && !clause
}

/// Whether token `t` is a lowercase form of a speech verb ("erklärte", not "so").
fn is_speech_verb_form(para: &Para, t: usize) -> bool {
    let word = para.str(t);
    word.len() > 2 && word.starts_with(char::is_lowercase) && !para.verb(t).is_empty()
}

/// A web address named as a source ("laut ndr.de", "wie spiegel.de berichtet"): a name,
/// though lowercase.
fn is_domain(word: &str) -> bool {
    // (the last dot found by a plain byte loop: most words are short and have none,
    // and `rsplit_once` sets up a searcher for each)
    let Some(dot) = word.bytes().rposition(|b| b == b'.') else {
        return false;
    };
    let (site, tld) = (&word.as_bytes()[..dot], &word.as_bytes()[dot + 1..]);
    !site.is_empty()
        && (2..=4).contains(&tld.len())
        && tld.iter().all(|b| b.is_ascii_lowercase())
        && site
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-'))
}

/// Whether word `t` is a subjunctive verb form ("sei", "habe"), the mark of reported
/// speech.
pub(super) fn is_subjunctive(para: &Para, t: usize) -> bool {
    para.is_word(t) && !para.is_capitalized(t) && para.is(t, "subjunctive")
}

#[cfg(test)]
mod tests {
    #[test]
    fn noun_endings_are_told_in_any_case_past_five_letters() {
        let nouns = "Mitverantwortung GESELLSCHAFT Engagement Partei Heiten Regierungen Bündnisse";
        let others = "Ung Kunst Richter Präsident Teilen";
        for (words, want) in [(nouns, true), (others, false)] {
            for word in words.split(' ') {
                assert_eq!(super::has_noun_ending(word), want, "{word}");
            }
        }
    }
}
