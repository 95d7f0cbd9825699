//! The people and bodies of one article, as it is read: a surname resolves to the full
//! name introduced earlier, a pronoun or a role noun to the most recent fitting person,
//! and nothing resolves across more than a few sentences.

use crate::extract::quotes::lexicon::{Gender, words};
use crate::extract::speakers::{is_role_word, role_and_body, speaker_key};

/// Where in the article something happened: the paragraph and the sentence (counted
/// over the whole article).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Clock {
    pub paragraph: usize,
    pub sentence: usize,
}

impl Clock {
    /// Close enough to refer back to: at most `sentences` sentences and one paragraph
    /// break (two for a short paragraph in between) earlier.
    pub fn near(self, earlier: Clock, sentences: usize) -> bool {
        self.sentence.saturating_sub(earlier.sentence) <= sentences
            && self.paragraph.saturating_sub(earlier.paragraph) <= 2
    }
}

/// A person or body of the article.
#[derive(Debug, Clone)]
pub struct Entity {
    pub name: String,
    /// The name as [`speaker_key`] folds it: its words joined by single spaces.
    key: String,
    /// How many words `key` has.
    key_len: usize,
    pub role: Option<String>,
    pub is_person: bool,
    /// A text (a report, a bill, a web page) quoted with no author: no pronoun points
    /// to it.
    pub is_document: bool,
    pub gender: Gender,
    seen: Clock,
    said: Option<Clock>,
}

/// Everyone met so far in an article.
#[derive(Debug, Default)]
pub struct Registry {
    pub entities: Vec<Entity>,
    last_speaker: Option<usize>,
}

/// How far back a pronoun, a role noun or a continuation may reach.
const PRONOUN_REACH: usize = 6;

/// How far back a role noun ("der Militärexperte") may find the person with that role.
const ROLE_REACH: usize = 60;

impl Registry {
    /// The entity of a person's name (full or surname alone), created when new; the
    /// role is kept from the first mention that gives one.
    pub fn person(&mut self, name: &str, role: Option<&str>, at: Clock) -> usize {
        let id = match self.person_named(name) {
            Some(id) => id,
            None => self.person_by_key(name, at),
        };
        let entity = &mut self.entities[id];
        entity.seen = at;
        if entity.role.is_none()
            && let Some(role) = role.filter(|r| !r.trim().is_empty())
        {
            entity.role = Some(role.trim().to_string());
            if entity.gender == Gender::Either && role_is_female(role) {
                entity.gender = Gender::Female;
            }
        }
        id
    }

    /// The person whose name is spelt exactly `name`: no two persons share a key, and a
    /// name's key is its entity's key, so this is who the key finds (most mentions of a
    /// person repeat the spelling, and folding the key is the slow part).
    fn person_named(&self, name: &str) -> Option<usize> {
        self.entities
            .iter()
            .rposition(|e| e.is_person && e.name == name)
    }

    /// The person `name` folds to, created when new.
    fn person_by_key(&mut self, name: &str, at: Clock) -> usize {
        let key = speaker_key(name);
        let key_len = key.split(' ').count();
        match self.find_person(&key, key_len) {
            Some(id) => {
                let entity = &mut self.entities[id];
                if key_len > entity.key_len {
                    entity.name = name.to_string();
                    (entity.key, entity.key_len) = (key, key_len);
                }
                id
            }
            None => {
                let gender = key
                    .split(' ')
                    .next()
                    .and_then(|w| words().first_name(w))
                    .unwrap_or(Gender::Either);
                self.entities.push(Entity {
                    name: name.to_string(),
                    key,
                    key_len,
                    role: None,
                    is_person: true,
                    is_document: false,
                    gender,
                    seen: at,
                    said: None,
                });
                self.entities.len() - 1
            }
        }
    }

    /// The person already met whose surname (or any name word) this is.
    pub fn known_person(&self, word: &str) -> Option<usize> {
        let key = speaker_key(word);
        if key.is_empty() || key.contains(' ') {
            return None;
        }
        self.find_person(&key, 1)
            .filter(|&id| self.entities[id].key_len > 1)
    }

    /// The person `key` (of `key_len` words) names: the same key, else a surname alone
    /// or a shorter or longer form of a name met before.
    fn find_person(&self, key: &str, key_len: usize) -> Option<usize> {
        let persons = || {
            self.entities
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, e)| e.is_person)
        };
        if let Some((id, _)) = persons().find(|(_, e)| e.key == key) {
            return Some(id);
        }
        fn has(e: &Entity, word: &str) -> bool {
            e.key.split(' ').any(|w| w == word)
        }
        fn last(key: &str) -> &str {
            key.rsplit(' ').next().unwrap_or(key)
        }
        if key_len == 1 {
            // a surname (or a Chinese family name first) alone
            return persons()
                .find(|(_, e)| last(&e.key) == key)
                .or_else(|| persons().find(|(_, e)| has(e, key)))
                .map(|(id, _)| id);
        }
        // a full name after its surname alone, or a shorter form of a long name
        persons()
            .find(|(_, e)| {
                (e.key_len == 1 && last(key) == e.key)
                    || (e.key_len > key_len && key.split(' ').all(|w| has(e, w)))
            })
            .map(|(id, _)| id)
    }

    /// The entity of a body or an unnamed speaker ("Außenministerium in Ankara",
    /// "Beamter des nordkoreanischen Verteidigungsministeriums").
    pub fn body(&mut self, name: &str, role: Option<&str>, at: Clock) -> usize {
        // (as for persons: no two bodies share a key, and the same spelling has the same key)
        let named = |e: &Entity| !e.is_person && e.name == name;
        let id = match self.entities.iter().position(named) {
            Some(id) => id,
            None => self.body_by_key(name, role, at),
        };
        self.entities[id].seen = at;
        id
    }

    /// The body `name` folds to, created when new.
    fn body_by_key(&mut self, name: &str, role: Option<&str>, at: Clock) -> usize {
        let key = speaker_key(name);
        match self
            .entities
            .iter()
            .position(|e| !e.is_person && e.key == key)
        {
            Some(id) => id,
            None => {
                self.entities.push(Entity {
                    name: name.to_string(),
                    key_len: key.split(' ').count(),
                    key,
                    role: role.map(str::to_string),
                    is_person: false,
                    is_document: false,
                    gender: Gender::Either,
                    seen: at,
                    said: None,
                });
                self.entities.len() - 1
            }
        }
    }

    /// The entity of a text quoted with no author ("laut dem Bericht"), as a body that
    /// no pronoun points to.
    pub fn document(&mut self, name: &str, at: Clock) -> usize {
        let id = self.body(name, None, at);
        self.entities[id].is_document = true;
        id
    }

    /// Marks `id` as the one who just spoke.
    pub fn said(&mut self, id: usize, at: Clock) {
        self.entities[id].said = Some(at);
        self.entities[id].seen = at;
        self.last_speaker = Some(id);
    }

    /// The last speaker, when they spoke within `sentences` sentences of `at`.
    pub fn last_speaker(&self, at: Clock, sentences: usize) -> Option<usize> {
        let id = self.last_speaker?;
        let said = self.entities[id].said?;
        at.near(said, sentences).then_some(id)
    }

    /// The most recent body of the article ("hieß es" with no source).
    pub fn recent_body(&self, at: Clock) -> Option<usize> {
        self.last_speaker(at, PRONOUN_REACH * 2)
            .filter(|&id| !self.entities[id].is_person)
            .or_else(|| {
                let (id, said) = self
                    .entities
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| !e.is_person)
                    .filter_map(|(id, e)| Some((id, e.said?)))
                    .max_by_key(|&(_, said)| said)?;
                at.near(said, PRONOUN_REACH * 2).then_some(id)
            })
    }

    /// The person a pronoun points to: the last speaker if they fit, else the most
    /// recently mentioned fitting person.
    pub fn pronoun(&self, gender: Gender, at: Clock) -> Option<usize> {
        let fits = |e: &Entity| match gender {
            Gender::Either => e.is_person,
            Gender::Male => e.is_person && e.gender != Gender::Female,
            Gender::Female => e.gender != Gender::Male && !e.is_document,
        };
        if let Some(id) = self
            .last_speaker(at, PRONOUN_REACH)
            .filter(|&id| fits(&self.entities[id]))
        {
            return Some(id);
        }
        let (id, e) = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| fits(e))
            .max_by_key(|(_, e)| e.seen)?;
        at.near(e.seen, PRONOUN_REACH).then_some(id)
    }

    /// The most recent person whose role has the same role word ("der Militärexperte"
    /// → the one introduced as "Experte für …"). Two compounds of one role word name
    /// two roles: "der Bundespräsident" is not the "Bundestagspräsident".
    pub fn by_role(&self, role_word: &str, at: Clock) -> Option<usize> {
        let wanted = RoleWord::of(role_word);
        let (id, e) = self
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.is_person)
            .filter(|(_, e)| {
                e.role.as_deref().is_some_and(|r| {
                    // the role's own words, not those of a phrase after it ("Bruder des
                    // Papstes" is no pope)
                    r.split_whitespace()
                        .take_while(|w| !ROLE_LINKS.contains(w))
                        .any(|w| RoleWord::of(w).fits(&wanted))
                })
            })
            .max_by_key(|(_, e)| e.seen)?;
        (at.sentence.saturating_sub(e.seen.sentence) <= ROLE_REACH).then_some(id)
    }
}

/// Words that link a role to what completes it ("Sprecher des Ministeriums").
const ROLE_LINKS: &[&str] = &[
    "des", "der", "von", "vom", "bei", "beim", "am", "an", "für", "im", "in", "aus", "of", "at",
];

/// A role word split into the role it names and what the compound adds before it
/// ("Bundestagspräsident" → "präsident" and "bundestags").
struct RoleWord {
    stem: String,
    prefix: String,
}

impl RoleWord {
    /// The stem is the longest tail that is itself a role word ("militärexperte" →
    /// "experte"), of the male form of a female role ("Präsidentin").
    fn of(word: &str) -> RoleWord {
        let lower = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let base = lower
            .strip_suffix("in")
            .filter(|s| is_role_word(s))
            .unwrap_or(&lower);
        // walking back from the end over the tails of four chars or more (`base` is
        // lowercase already, as role_and_body wants it)
        let at = base
            .char_indices()
            .rev()
            .skip(3)
            .map(|(i, _)| i)
            .find(|&i| role_and_body(&base[i..]).0)
            .unwrap_or(0);
        let (prefix, stem) = base.split_at(at);
        // a hyphenated first part names a party or a body, not another role
        // ("SPD-Fraktionschef" is a "Fraktionschef")
        let prefix = prefix.rsplit('-').next().unwrap_or(prefix);
        RoleWord {
            stem: stem.to_string(),
            prefix: prefix.to_string(),
        }
    }

    /// The same role: the same role word, and no two different compounds of it.
    fn fits(&self, wanted: &RoleWord) -> bool {
        self.stem == wanted.stem
            && (self.prefix.is_empty() || wanted.prefix.is_empty() || self.prefix == wanted.prefix)
    }
}

/// "Chinaforscherin": a female form of a role word.
fn role_is_female(role: &str) -> bool {
    role.split_whitespace().next().is_some_and(|w| {
        let lower = w.to_lowercase();
        lower
            .strip_suffix("in")
            .is_some_and(|stem| is_role_word(stem) && is_role_word(&lower))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_words_split_into_the_role_and_what_the_compound_adds() {
        let cases = [
            ("Militärexperte", "experte", "militär"),
            ("Bundestagspräsidentin", "präsident", "bundestags"),
            ("SPD-Fraktionschef", "chef", "fraktions"),
            ("Sprecher", "sprecher", ""),
        ];
        for (word, stem, prefix) in cases {
            let role = RoleWord::of(word);
            assert_eq!(
                (role.stem.as_str(), role.prefix.as_str()),
                (stem, prefix),
                "{word}"
            );
        }
    }

    #[test]
    fn names_resolve_by_their_folded_words() {
        let mut r = Registry::default();
        let at = Clock::default();
        let surname_first = r.person("Koch", None, at);
        let full = r.person("Jan Koch", Some("Sprecher"), at);
        assert_eq!(full, surname_first, "a full name after its surname alone");
        assert_eq!(r.entities[full].name, "Jan Koch");
        assert_eq!(r.person("Koch", None, at), full);
        assert_eq!(r.person("JAN-Koch", None, at), full);
        assert_eq!(r.known_person("Koch"), Some(full));
        assert_eq!(r.known_person("Jan Koch"), None);
        let other = r.person("Anna Maria Koch", None, at);
        assert_ne!(other, full);
        assert_eq!(r.person("Anna Koch", None, at), other, "a shorter form");
        let body = r.body("Außenministerium", None, at);
        assert_eq!(r.body("außenministerium", None, at), body);
        assert_ne!(r.person("Außenministerium", None, at), body);
    }
}
