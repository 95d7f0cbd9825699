//! Noun phrases that can be a speaker: a pronoun, a person's name with or without a
//! role ("der Sicherheitsexperte Christian Mölling", "Richter"), a role alone ("der
//! Militärexperte"), or a body ("das Außenministerium in Ankara", "der Kreml").

use std::ops::Range;

use super::lexicon::{Gender, words};
use super::text::{Kind, Para};
use crate::extract::speakers::{is_body_word, is_role_word};

/// What a speaker phrase is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NpKind {
    /// "er", "sie", "he": the most recent fitting person.
    Pronoun { gender: Gender },
    /// "Sein Fazit": the most recent person.
    Possessive,
    /// A name (tokens `name`) with an optional role before it (tokens `role`).
    Person {
        name: Range<usize>,
        role: Option<Range<usize>>,
    },
    /// A role with no name ("der russische Präsident"): the head role word.
    RoleRef { head: usize, definite: bool },
    /// A body or group named by the phrase ("der Kreml", "die Polizei").
    Body,
    /// A quoted name ("schrieb „Die Zeit“"): the quote's index.
    QuotedName(usize),
}

/// A speaker phrase: its tokens, what it is, and the apposition that follows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Np {
    /// All tokens, from the article to the end of the apposition.
    pub range: Range<usize>,
    /// Without the article and the apposition: the text that names the speaker.
    pub core: Range<usize>,
    pub kind: NpKind,
    /// ", Chinaforscherin bei der SWP," without the commas.
    pub apposition: Option<Range<usize>>,
    /// "vom Thinktank Hudson Institute" after a name with a role before it.
    pub role_tail: Option<Range<usize>>,
}

/// Name particles that may stand inside a name ("Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "von", "van", "de", "der", "den", "zu", "al", "el", "bin", "da", "di", "du", "la", "le", "dos",
    "ter", "ten", "del",
];

/// Joining words inside an English or German proper name ("Carnegie Endowment for Peace").
const NAME_JOINERS: &[&str] = &["for", "of", "&", "the"];

/// The speaker phrase that starts at token `i`, reading no further than `limit`.
pub fn at(para: &Para, i: usize, limit: usize) -> Option<Np> {
    let w = words();
    let limit = limit.min(para.tokens.len());
    if i >= limit {
        return None;
    }
    if let Kind::Quote(q) = para.tokens[i].kind {
        return Some(Np {
            range: i..i + 1,
            core: i..i + 1,
            kind: NpKind::QuotedName(q),
            apposition: None,
            role_tail: None,
        });
    }
    if !para.is_word(i) {
        return None;
    }
    let lower = para.lower(i);
    if w.is("pronoun", &lower) {
        let gender = match lower.as_ref() {
            "er" | "he" => Gender::Male,
            "sie" | "she" => Gender::Female,
            _ => Gender::Either,
        };
        return Some(Np {
            range: i..i + 1,
            core: i..i + 1,
            kind: NpKind::Pronoun { gender },
            apposition: None,
            role_tail: None,
        });
    }
    let speech_noun =
        i + 1 < limit && para.is_capitalized(i + 1) && w.is_speech_noun(&para.lower(i + 1));
    if w.is("possessive", &lower) && speech_noun {
        return Some(Np {
            range: i..i + 2,
            core: i..i + 2,
            kind: NpKind::Possessive,
            apposition: None,
            role_tail: None,
        });
    }
    let definite = matches!(
        lower.as_ref(),
        "der" | "die" | "das" | "den" | "dem" | "des" | "the"
    );
    // "Ihr Vorsitzender Eberhard Brandt": a possessive opens a phrase like an article
    let det = w.is("determiner", &lower) || w.is("possessive", &lower);
    let mut t = if det { i + 1 } else { i };
    while t < limit && t < i + 4 && is_modifier(para, t) {
        t += 1;
    }
    let has_mods = t > i + usize::from(det);
    if !det && has_mods && !para.is_capitalized(t) {
        return None;
    }
    let heads = heads(para, t, limit);
    if heads.is_empty() {
        return None;
    }
    let core_start = if det { i + 1 } else { i };
    let role_end = heads
        .clone()
        .rev()
        .find(|&k| is_role_word(para.str(k)) || is_body_word(para.str(k)));
    let (kind, mut end) = match role_end {
        Some(r) if is_body_word(para.str(r)) => (NpKind::Body, heads.end),
        Some(r) if r + 1 < heads.end => {
            // "Oberst a. D. Richter": the retired mark belongs to the role
            let mut name_start = r + 1;
            while name_start + 1 < heads.end
                && (para.is_punct(name_start, '.') || matches!(para.str(name_start), "a" | "D"))
            {
                name_start += 1;
            }
            let role = Some(core_start..name_start);
            (
                NpKind::Person {
                    name: name_start..heads.end,
                    role,
                },
                heads.end,
            )
        }
        Some(r) => (NpKind::RoleRef { head: r, definite }, heads.end),
        None if (det || has_mods || common_noun_phrase(para, heads.clone()))
            && w.first_name(&para.lower(heads.start)).is_none() =>
        {
            (NpKind::Body, heads.end)
        }
        None => (
            NpKind::Person {
                name: heads.clone(),
                role: None,
            },
            heads.end,
        ),
    };
    if matches!(kind, NpKind::Body | NpKind::RoleRef { .. }) {
        end = complement(para, end, limit).unwrap_or(end);
    }
    if matches!(kind, NpKind::RoleRef { .. } | NpKind::Body) {
        // "Der Leiter des Programms, Klaus Stöhr, sagte": the name follows the role
        if let Some(name) = apposed_name(para, end, limit) {
            let role = Some(core_start..end);
            let close = if para.is_punct(name.end, ',') {
                name.end + 1
            } else {
                name.end
            };
            return Some(Np {
                range: i..close,
                core: name.clone(),
                kind: NpKind::Person { name, role },
                apposition: None,
                role_tail: None,
            });
        }
    }
    let core = core_start..end;
    // "Gitta Trauernicht (SPD)": a party or place in brackets after a name
    if matches!(kind, NpKind::Person { .. }) && para.is_punct(end, '(') {
        if let Some(close) = (end + 1..limit.min(end + 5)).find(|&t| para.is_punct(t, ')')) {
            end = close + 1;
        }
    }
    let apposition = apposition(para, end, limit);
    // "der Sicherheitsexperte Satoru Nagao vom Thinktank Hudson Institute"
    let mut role_tail = None;
    let has_role = matches!(kind, NpKind::Person { role: Some(_), .. });
    let from_place = para.is_word(end)
        && matches!(
            para.lower(end).as_ref(),
            "von" | "vom" | "bei" | "beim" | "an" | "am" | "des" | "der"
        );
    if has_role && apposition.is_none() && from_place {
        if let Some(to) = complement(para, end, limit) {
            role_tail = Some(end..to);
            end = to;
        }
    }
    let range_end = apposition
        .as_ref()
        .map_or(end, |a| (a.end + 1).min(limit).max(a.end));
    Some(Np {
        range: i..range_end,
        core,
        kind,
        apposition,
        role_tail,
    })
}

/// Capitalised words that read as a noun phrase, not a name: a genitive before a noun
/// ("Patersons Entscheidung") or a noun ending ("Mitverantwortung", "Engagement").
fn common_noun_phrase(para: &Para, heads: Range<usize>) -> bool {
    const NOUN_ENDINGS: &[&str] = &[
        "ung", "heit", "keit", "schaft", "tion", "ität", "nis", "tum", "ment", "ismus", "ei",
        "ungen", "heiten", "keiten", "nisse", "ionen",
    ];
    let tokens: Vec<&str> = heads
        .clone()
        .filter(|&t| para.is_word(t))
        .map(|t| para.str(t))
        .collect();
    let genitive = tokens.len() >= 2
        && tokens[..tokens.len() - 1]
            .iter()
            .any(|w| w.ends_with('s') && w.len() > 3);
    let noun = tokens.iter().any(|w| {
        let lower = w.to_lowercase();
        lower.chars().count() > 5 && NOUN_ENDINGS.iter().any(|e| lower.ends_with(e))
    });
    (genitive || noun)
        && tokens
            .first()
            .is_none_or(|w| words().first_name(&w.to_lowercase()).is_none())
}

/// A lowercase adjective between an article and its noun ("der russische Präsident").
fn is_modifier(para: &Para, t: usize) -> bool {
    let w = words();
    if !para.is_word(t) || para.is_capitalized(t) {
        // "Chinas Außenminister": a capitalised genitive before a role word
        return para.is_capitalized(t)
            && para.str(t).ends_with('s')
            && para.is_capitalized(t + 1)
            && is_role_word(para.str(t + 1));
    }
    let lower = para.lower(t);
    !(w.is("preposition", &lower)
        || w.is("adverb", &lower)
        || w.is("determiner", &lower)
        || w.is("pronoun", &lower)
        || !w.verb(&lower).is_empty()
        || matches!(
            lower.as_ref(),
            "und" | "oder" | "sich" | "es" | "nicht" | "and"
        ))
}

/// The capitalised words of a name or noun, with name particles and joiners inside.
fn heads(para: &Para, start: usize, limit: usize) -> Range<usize> {
    let mut t = start;
    while t < limit {
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
        let after_role =
            t > start && (is_role_word(para.str(t - 1)) || is_body_word(para.str(t - 1)));
        let joins = t > start
            && !after_role
            && para.is_word(t)
            && (PARTICLES.contains(&para.str(t)) || NAME_JOINERS.contains(&para.str(t)))
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

/// A capitalised word that can be part of a name or noun: not a function word, not a verb.
pub fn is_name_word(para: &Para, t: usize) -> bool {
    if !para.is_capitalized(t) {
        return false;
    }
    let w = words();
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
    // a capitalised function word inside a sentence is a name ("Lothar Nicht")
    let inside = para.sentence_of(t).start != t && !para.is_punct(t.wrapping_sub(1), ':');
    if inside && (w.is("function", &lower) || w.is("adverb", &lower) || w.is("preposition", &lower))
    {
        return !w.is("pronoun", &lower) && !w.is("determiner", &lower) && lower != "sie";
    }
    !(w.is("function", &lower)
        || w.is("determiner", &lower)
        || w.is("pronoun", &lower)
        || w.is("possessive", &lower)
        || w.is("preposition", &lower)
        || w.is("adverb", &lower)
        || w.is("not_name", &lower)
        || !w.verb(&lower).is_empty())
}

/// "des nordkoreanischen Verteidigungsministeriums", "in Ankara", "von Carnegie …":
/// one phrase that completes a role or a body; returns where it ends.
fn complement(para: &Para, at: usize, limit: usize) -> Option<usize> {
    let lower = para.is_word(at).then(|| para.lower(at))?;
    if !matches!(
        lower.as_ref(),
        "des" | "der" | "von" | "vom" | "in" | "aus" | "bei" | "beim" | "im" | "für" | "of"
    ) {
        return None;
    }
    let mut t = at + 1;
    if para.is_word(t) && words().is("determiner", &para.lower(t)) {
        t += 1;
    }
    while t < limit && para.is_word(t) && !para.is_capitalized(t) && is_modifier(para, t) {
        t += 1;
    }
    let heads = heads(para, t, limit);
    (!heads.is_empty()).then_some(heads.end)
}

/// ", Klaus Stöhr," after a role: a person's name set off by commas.
fn apposed_name(para: &Para, at: usize, limit: usize) -> Option<Range<usize>> {
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
    let plain = !name
        .clone()
        .any(|t| is_role_word(para.str(t)) || is_body_word(para.str(t)));
    (name.len() <= 5 && !name.is_empty() && ends && person && plain).then_some(name)
}

/// How surely a phrase names a speaker, from a bare noun that may be anything to a
/// pronoun, a role or a full name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    Weak,
    Medium,
    Strong,
}

/// How surely `np` names a speaker.
pub fn strength(para: &Para, np: &Np) -> Strength {
    match &np.kind {
        NpKind::Pronoun { .. } | NpKind::RoleRef { .. } | NpKind::Possessive => Strength::Strong,
        NpKind::Person { name, role } => {
            let first = words().first_name(&para.lower(name.start)).is_some();
            if role.is_some() || first || name.len() > 1 || np.apposition.is_some() {
                Strength::Strong
            } else {
                Strength::Medium
            }
        }
        NpKind::Body => {
            if np
                .core
                .clone()
                .any(|t| para.is_word(t) && is_body_word(para.str(t)))
            {
                Strength::Strong
            } else if np.core.start > np.range.start {
                Strength::Medium
            } else {
                Strength::Weak
            }
        }
        NpKind::QuotedName(_) => Strength::Medium,
    }
}

/// The apposition after a name: ", Chinaforscherin bei der SWP," up to the next comma,
/// colon or sentence end, when it names a role or organisation.
fn apposition(para: &Para, at: usize, limit: usize) -> Option<Range<usize>> {
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
            _ => {}
        }
        t += 1;
    }
    let names_role = (start..t)
        .any(|k| para.is_word(k) && (is_role_word(para.str(k)) || is_body_word(para.str(k))));
    let first_is_verb = para.is_word(start) && !words().verb(&para.lower(start)).is_empty();
    let end = if t == limit && t > start && para.is_punct(t - 1, '.') {
        t - 1
    } else {
        t
    };
    (end > start && names_role && !first_is_verb && end - start <= 25).then_some(start..end)
}
