//! Noun phrases that can be a speaker: a pronoun, a person's name with or without a
//! role ("der Sicherheitsexperte Christian Mölling", "Richter"), a role alone ("der
//! Militärexperte"), or a body ("das Außenministerium in Ankara", "der Kreml").

use std::ops::Range;

use super::lexicon::{Gender, words};
use super::phrase::{
    apposed_name, apposition, common_noun_phrase, complement, heads, is_modifier, past_bracket,
    starts_full_name,
};
use super::text::{Kind, Para};
use crate::extract::countries;

pub use super::phrase::is_name_word;

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
    /// A text or an utterance with no author named ("der Bericht", "in einer
    /// Erklärung", "die Kritik"): never the subject of a verb; a written text is the
    /// source of the quote, an utterance names no one.
    Document,
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
    /// The head noun of a body ("Polizei" in "die Berliner Polizei"), else the first token.
    pub head: usize,
}

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
            head: i,
        });
    }
    if !para.is_word(i) {
        return None;
    }
    let lower = para.lower(i);
    // "schreibt die „Computerwoche“": an article before a quoted name
    if let Some(Kind::Quote(q)) = para.tokens.get(i + 1).map(|t| t.kind)
        && i + 1 < limit
        && matches!(
            lower.as_ref(),
            "der" | "die" | "das" | "des" | "dem" | "den"
        )
    {
        return Some(Np {
            range: i..i + 2,
            core: i + 1..i + 2,
            kind: NpKind::QuotedName(q),
            apposition: None,
            role_tail: None,
            head: i + 1,
        });
    }
    if let Some(one) = one_of_group(para, i, &lower, limit) {
        return Some(one);
    }
    if para.is(i, "pronoun") {
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
            head: i,
        });
    }
    let speech_noun =
        || i + 1 < limit && para.is_capitalized(i + 1) && w.is_speech_noun(&para.lower(i + 1));
    if para.is(i, "possessive") && speech_noun() {
        return Some(Np {
            range: i..i + 2,
            core: i..i + 2,
            kind: NpKind::Possessive,
            apposition: None,
            role_tail: None,
            head: i,
        });
    }
    let definite = matches!(
        lower.as_ref(),
        "der" | "die" | "das" | "den" | "dem" | "des" | "the"
    );
    // "Ihr Vorsitzender Eberhard Brandt": a possessive opens a phrase like an article
    let det = para.is(i, "determiner") || para.is(i, "possessive");
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
    // "den Theologen Hans Küng": a given name inside starts the name even when the
    // word before it is not a known role (but "Jakob Maria Mierscheid" has two)
    let named_from = heads.clone().skip(1).find(|&k| {
        starts_full_name(para, k, heads.end) && w.first_name(&para.lower(k - 1)).is_none()
    });
    let role_end = heads
        .clone()
        .rev()
        .find(|&k| para.is_role(k) || para.is_body(k))
        .or(named_from.map(|k| k - 1));
    let mut head = heads.end - 1;
    let (kind, mut end) = match role_end {
        // "VW-Finanzvorstand Hans Dieter Pötsch": a given name after a word that may
        // name a body makes that word a role
        Some(r) if para.is_body(r) && named_from != Some(r + 1) => {
            head = r;
            (NpKind::Body, heads.end)
        }
        // "Das Staatsoberhaupt Neuseelands": a genitive place completes the role
        Some(r) if r + 2 == heads.end && is_genitive_place(para.str(r + 1)) => {
            (NpKind::RoleRef { head: r, definite }, heads.end)
        }
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
        None if (det
            || has_mods
            || after_contraction(para, i)
            || common_noun_phrase(para, heads.clone()))
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
        // "der Sprecher der Fraktion der SPD im Bundestag": up to three phrases
        for _ in 0..3 {
            end = complement(para, end, limit).unwrap_or(end);
        }
    }
    if matches!(kind, NpKind::RoleRef { .. } | NpKind::Body) {
        // "Der Leiter des Programms, Klaus Stöhr, sagte": the name follows the role,
        // perhaps after an abbreviation in brackets ("der Afrikanischen Union (AU), …")
        if para.is_punct(end, '(')
            && let Some(close) = (end + 1..limit.min(end + 5)).find(|&t| para.is_punct(t, ')'))
            && para.is_punct(close + 1, ',')
        {
            end = close + 1;
        }
        // "Der Landesvorsitzende des Verbandes Karl-Heinz Wurster": a full name right
        // after the role, with no comma
        let direct_name = starts_full_name(para, end, limit)
            .then(|| super::phrase::heads(para, end, limit))
            .filter(|name| name.len() <= 4);
        if let Some(name) = direct_name.or_else(|| apposed_name(para, end, limit)) {
            let role = Some(core_start..end);
            // "…, Sandra Boser (GRÜNE), erklärte"
            let after = past_bracket(para, name.end, limit);
            let close = if para.is_punct(after, ',') {
                after + 1
            } else {
                after
            };
            return Some(Np {
                range: i..close,
                core: name.clone(),
                head: name.start,
                kind: NpKind::Person { name, role },
                apposition: None,
                role_tail: None,
            });
        }
    }
    let core = core_start..end;
    // "Gitta Trauernicht (SPD)": a party or place in brackets after a name
    if matches!(kind, NpKind::Person { .. })
        && para.is_punct(end, '(')
        && let Some(close) = (end + 1..limit.min(end + 5)).find(|&t| para.is_punct(t, ')'))
    {
        end = close + 1;
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
    if has_role
        && apposition.is_none()
        && from_place
        && let Some(to) = complement(para, end, limit)
    {
        role_tail = Some(end..to);
        end = to;
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
        head,
    })
}

/// "Einer der Demonstranten", "eine der 13 Helferinnen": one of a group speaks, someone
/// new, so the group's role does not point back to a person met before.
fn one_of_group(para: &Para, i: usize, lower: &str, limit: usize) -> Option<Np> {
    let one = matches!(lower, "einer" | "eine" | "eines" | "one");
    if !one || !matches!(para.lower(i + 1).as_ref(), "der" | "des" | "of") {
        return None;
    }
    let group = at(para, i + 1, limit)?;
    let kind = match group.kind {
        NpKind::RoleRef { head, .. } => NpKind::RoleRef {
            head,
            definite: false,
        },
        NpKind::Body => NpKind::Body,
        _ => return None,
    };
    Some(Np {
        range: i..group.range.end,
        kind,
        ..group
    })
}

/// "Neuseelands", "Italiens": the genitive of a country, which completes a role or a noun
/// and is never a speaker's name.
pub fn is_genitive_place(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|stem| {
        stem.chars().count() >= 3
            && countries::find(stem).len() == 1
            && countries::find(word).len() == 1
    })
}

/// "im Bericht", "vom Ministerium": the article is inside the preposition before `i`, so
/// the noun after it is no one's name.
pub(super) fn after_contraction(para: &Para, i: usize) -> bool {
    i > 0
        && para.is_word(i - 1)
        && matches!(
            para.lower(i - 1).as_ref(),
            "im" | "vom" | "beim" | "zum" | "zur" | "am"
        )
}
