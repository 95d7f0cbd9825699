//! Who the phrases of an article name: speaker phrases resolved to the people and
//! bodies of the registry, people introduced outside quotes, and the speaker rows.

use std::borrow::Cow;
use std::collections::HashMap;

use super::attribution::Attribution;
use super::lexicon::{Gender, words};
use super::np::{self, Np, NpKind};
use super::phrase::is_role_phrase;
use super::reader::{Found, Reader, span_text, squash};
use super::text::Para;
use super::texts::is_impersonal_verb;
use crate::extract::countries;
use crate::extract::speakers::registry::Registry;
use crate::extract::speakers::{kind_of, organization_of};
use crate::model::{Article, Quote, Speaker, SpeakerKind};

impl Reader<'_> {
    /// The entity an attribution names; a vague "hieß es" goes to the body named last.
    pub(super) fn speaker_of(&mut self, para: &Para, attr: &Attribution) -> Option<usize> {
        match &attr.speaker {
            Some(np) => self.resolve(para, np),
            None if attr
                .cue
                .split_whitespace()
                .next()
                .is_some_and(is_impersonal_verb) =>
            {
                self.registry.recent_body(self.clock)
            }
            None => None,
        }
    }

    /// The entity a speaker phrase names.
    pub(super) fn resolve(&mut self, para: &Para, np: &Np) -> Option<usize> {
        let at = self.clock;
        // what stands between commas after the phrase, when it says what they are
        let apposition = np.apposition.as_ref().filter(|a| is_role_phrase(para, a));
        match &np.kind {
            NpKind::Pronoun { gender } => self.registry.pronoun(*gender, at),
            NpKind::Possessive => {
                let lower = para.lower(np.range.start);
                let gender = if lower.starts_with("sein") || lower == "his" {
                    Gender::Male
                } else {
                    Gender::Female
                };
                self.registry.pronoun(gender, at)
            }
            NpKind::Person { name, role } => {
                let name_text = squash(span_text(para, name.start, name.end));
                let role_text = match (apposition, role, &np.role_tail) {
                    (Some(a), _, _) => Some(squash(span_text(para, a.start, a.end))),
                    (None, Some(r), Some(tail)) => Some(Cow::Owned(format!(
                        "{} {}",
                        squash(span_text(para, r.start, r.end)),
                        squash(span_text(para, tail.start, tail.end))
                    ))),
                    (None, Some(r), None) => Some(squash(span_text(para, r.start, r.end))),
                    _ => None,
                };
                if name.len() == 1 && role.is_none() && !countries::find(&name_text).is_empty() {
                    return Some(self.registry.body(&name_text, None, at));
                }
                Some(self.registry.person(&name_text, role_text.as_deref(), at))
            }
            NpKind::RoleRef { head, definite } => {
                let head_word = para.str(*head).to_string();
                // "ein Sprecher" is someone new; "der Sprecher" someone met before
                let known = definite
                    .then(|| self.registry.by_role(&head_word, at))
                    .flatten();
                known.or_else(|| {
                    let name = squash(span_text(para, np.core.start, np.core.end));
                    let role = match apposition {
                        Some(a) => format!("{name}, {}", squash(span_text(para, a.start, a.end))),
                        None => name.to_string(),
                    };
                    Some(self.registry.body(&name, Some(&role), at))
                })
            }
            NpKind::Body => {
                let name = squash(span_text(para, np.core.start, np.core.end));
                // "der 84-jährige Küng": a known person's surname after an article
                let last = np
                    .core
                    .end
                    .checked_sub(1)
                    .map(|t| para.str(t))
                    .unwrap_or("");
                if let Some(id) = self.registry.known_person(last) {
                    return Some(self.registry.person(last, None, at).min(id));
                }
                Some(self.registry.body(&name, None, at))
            }
            // "laut dem Bericht": the text is what the words come from; "die Kritik"
            // alone says nothing of who spoke
            NpKind::Document => words()
                .is_written_text(&para.lower(np.head))
                .then(|| self.registry.document(para.str(np.head), at)),
            NpKind::QuotedName(q) => {
                let name = squash(para.quotes[*q].inner(para.text));
                Some(self.registry.body(&name, None, at))
            }
        }
    }

    /// Registers people named outside speaker slots: a given name followed by a surname,
    /// or a role word followed by a name ("Kremlchef Wladimir Putin", "Militärexperte Richter").
    pub(super) fn scan_mentions(&mut self, para: &Para, start: usize, end: usize) {
        let w = words();
        let mut t = start;
        while t < end {
            // the cheap tests first: this runs for every word of the article
            let opens = t + 1 < end
                && para.is_capitalized(t)
                && para.is_capitalized(t + 1)
                && np::is_name_word(para, t)
                && np::is_name_word(para, t + 1)
                && (w.first_name(&para.lower(t)).is_some() || para.is_role(t));
            if !opens {
                t += 1;
                continue;
            }
            let from = if t > start && para.is_word(t - 1) && para.is(t - 1, "determiner") {
                t - 1
            } else {
                t
            };
            match np::at(para, from, end) {
                Some(np) if np.range.end > t => {
                    if let NpKind::Person { name, role } = &np.kind {
                        let genitive = name.len() == 1 && para.str(name.start).ends_with('s');
                        if !genitive && (role.is_some() || name.len() > 1) {
                            self.resolve(para, &np);
                        }
                    }
                    t = np.range.end;
                }
                _ => t += 1,
            }
        }
    }

    /// The quotes with their speakers' names and char offsets, and one row per speaker.
    pub(super) fn finish(self) -> (Vec<Quote>, Vec<Speaker>) {
        let registry = &self.registry;
        let mut order: Vec<usize> = Vec::new();
        let mut counts: HashMap<usize, usize> = HashMap::new();
        for id in self.found.iter().filter_map(|f| f.speaker) {
            if !counts.contains_key(&id) {
                order.push(id);
            }
            *counts.entry(id).or_default() += 1;
        }
        let speakers = order
            .iter()
            .map(|&id| {
                let e = &registry.entities[id];
                let described = match (&e.role, e.is_person) {
                    (Some(role), true) => role.clone(),
                    (role, _) => format!("{} {}", role.as_deref().unwrap_or(""), e.name),
                };
                let country = !e.is_person && !countries::find(&e.name).is_empty();
                Speaker {
                    name: e.name.clone(),
                    role: e.role.clone(),
                    organization: e
                        .role
                        .as_deref()
                        .filter(|_| e.is_person)
                        .and_then(organization_of),
                    kind: if country {
                        SpeakerKind::Official
                    } else {
                        kind_of(&described)
                    },
                    quotes: counts[&id],
                }
            })
            .collect();
        let quotes = quotes_with_char_offsets(self.article, &self.found, registry);
        (quotes, speakers)
    }
}

fn quotes_with_char_offsets(article: &Article, found: &[Found], registry: &Registry) -> Vec<Quote> {
    found
        .iter()
        .map(|f| {
            let text = &article.sections[f.section].paragraphs[f.paragraph];
            Quote {
                speaker: f.speaker.map(|id| registry.entities[id].name.clone()),
                cue: f.cue.clone(),
                text: f.text.clone(),
                section: f.section,
                paragraph: f.paragraph,
                start: text[..f.start].chars().count(),
                end: text[..f.end].chars().count(),
            }
        })
        .collect()
}
