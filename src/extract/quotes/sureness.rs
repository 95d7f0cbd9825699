//! How surely a phrase names a speaker: whether it can speak at all (a person, a role or
//! a body, not "den Hergang"), the author of a text it names, and how strong a candidate
//! it is when several phrases compete.

use super::lexicon::words;
use super::np::{Np, NpKind, after_contraction, at, is_genitive_place};
use super::phrase::has_noun_ending;
use super::text::Para;
use crate::extract::countries;
use crate::extract::speakers::{is_agent_noun, is_group_word};

/// A capitalised adjective that makes a noun phrase a proper name ("Deutsche Welle",
/// "Berliner Senat", "Iranischen Revolutionsgarden", "Vereinten Nationen").
fn is_proper_adjective(word: &str) -> bool {
    let lower = super::text::lower(word);
    const ENDINGS: &[&str] = &["sche", "schen", "scher", "sches", "ische", "ischen"];
    const NAMES: &[&str] = &[
        "vereinte",
        "vereinten",
        "grüne",
        "grünen",
        "rote",
        "roten",
        "freie",
        "freien",
        "neue",
        "neuen",
        "internationale",
        "internationalen",
        "nationale",
        "nationalen",
        "europäische",
        "europäischen",
        "weiße",
        "weißen",
        "heilige",
        "heiligen",
    ];
    ENDINGS.iter().any(|e| lower.ends_with(e))
        || NAMES.contains(&lower.as_ref())
        || (lower.ends_with("er") && lower.chars().count() >= 5)
}

/// The author of a document named by `np` ("die Mitteilung des Ministeriums", "der
/// Bericht der UNO"): the phrase after the genitive or "von".
pub fn author(para: &Para, np: &Np) -> Option<Np> {
    if !matches!(np.kind, NpKind::Body) {
        return None;
    }
    // "Die Kernaussage von Jerry Larson": the document noun may open a run of names
    let document = (np.core.start..=np.head)
        .find(|&t| para.is_word(t) && words().is_document(&para.lower(t)))?;
    let link = (document + 1..np.range.end).find(|&t| {
        para.is_word(t) && matches!(para.lower(t).as_ref(), "des" | "der" | "von" | "vom")
    })?;
    let from = if matches!(para.lower(link).as_ref(), "von" | "vom") {
        link + 1
    } else {
        link
    };
    let author = at(para, from, np.range.end.max(from + 1))?;
    if can_speak(para, &author) {
        return Some(author);
    }
    // "Das Fazit des Berichts": a text's words come from the text
    let text = as_text(para, author);
    matches!(text.kind, NpKind::Document).then_some(text)
}

/// `np` as a text when it is a body whose head names a written text, in any case ("des
/// Gesetzes", "der Anordnung"); `np` itself otherwise.
pub fn as_text(para: &Para, np: Np) -> Np {
    if matches!(np.kind, NpKind::Body) && words().is_written_text(&para.lower(np.head)) {
        Np {
            kind: NpKind::Document,
            ..np
        }
    } else {
        np
    }
}

/// Whether a phrase can be a speaker (DESIGN.md §4: a person or a body): a pronoun, a
/// role, a person's name, or a body whose head noun names a body or a group of people,
/// a proper name ("die Deutsche Welle"), an acronym ("die FIFA") or a country. "Die
/// Bedeutung des Marktes", "den Hergang" or "Neuseelands" say nothing.
pub fn can_speak(para: &Para, np: &Np) -> bool {
    match &np.kind {
        NpKind::Person { name, role } => {
            let single = name.len() == 1 && para.is_word(name.start) && role.is_none();
            // "Codenamen", "Motiv": a known common noun is no one's name
            let noun = |t: usize| {
                let lower = para.lower(t);
                words().is_title_noun(&lower) || words().is_document(&lower)
            };
            !(single && (is_genitive_place(para.str(name.start)) || noun(name.start)))
        }
        NpKind::Body => body_can_speak(para, np),
        _ => true,
    }
}

/// Whether a body phrase can speak: its head is a role or body word, a noun for people,
/// a medium, a country, or the phrase is a proper name. The cheap tests come first: most
/// bodies are told by the head's role bits, which the phrase reader has asked already.
fn body_can_speak(para: &Para, np: &Np) -> bool {
    // (the bits of the head token are what `is_body_word` and `is_role_word` say of it)
    if para.is_body(np.head) || para.is_role(np.head) {
        return true;
    }
    let head = &para.lower(np.head);
    let articled = np.core.start > np.range.start;
    // "der Randalierer", "Der Student", "ein Übertrittswilliger": a noun for a person
    // the lists lack, with its article
    if articled && ((np.head + 1 == np.core.end && is_agent_noun(head)) || is_group_word(head)) {
        return true;
    }
    if words().is_media(head) {
        return true;
    }
    // "Mats Schönauer": capitalised words with no article and no noun ending
    let bare_name = !articled
        && !after_contraction(para, np.range.start)
        && !(np.core.start..=np.head).any(|t| has_noun_ending(para.str(t)))
        && (np.core.start..=np.head).all(|t| para.is_capitalized(t));
    let letters = para.str(np.head).chars().filter(|c| c.is_alphabetic());
    let acronym = || letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase);
    if bare_name || acronym() {
        return true;
    }
    // "die Archäologin Montserrat Sanz": a noun for a person the lists lack, then a name
    let agent_then_name = np.head >= np.core.start + 2
        && para.is_capitalized(np.head - 1)
        && !has_noun_ending(para.str(np.head))
        && (np.core.start..np.head - 1).any(|t| {
            let lower = para.lower(t);
            para.is_capitalized(t)
                && ["in", "er", "ist", "ent", "ant", "loge", "eur", "or"]
                    .iter()
                    .any(|e| lower.ends_with(e))
        });
    // a capitalised adjective inside the phrase marks a proper name
    let proper = || {
        (np.core.start..np.head).any(|t| {
            para.is_capitalized(t)
                && is_proper_adjective(para.str(t))
                && !para.is_role(t)
                && para.sentence_of(t).start != t
        })
    };
    agent_then_name || proper() || !countries::find(para.str(np.head)).is_empty()
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
            if np.core.clone().any(|t| para.is_word(t) && para.is_body(t)) {
                Strength::Strong
            } else if np.core.start > np.range.start {
                Strength::Medium
            } else {
                Strength::Weak
            }
        }
        NpKind::QuotedName(_) | NpKind::Document => Strength::Medium,
    }
}
