//! The people and bodies of one article, as it is read: a surname resolves to the full
//! name introduced earlier, a pronoun or a role noun to the most recent fitting person,
//! and nothing resolves across more than a few sentences.

use crate::extract::quotes::lexicon::{Gender, words};
use crate::extract::speakers::{is_role_word, speaker_key};

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
    /// The words of the name as [`speaker_key`] folds them.
    key_words: Vec<String>,
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
        let key = speaker_key(name);
        let key_words: Vec<&str> = key.split(' ').collect();
        let found = self.find_person(&key, &key_words);
        let id = match found {
            Some(id) => {
                let entity = &mut self.entities[id];
                if key_words.len() > entity.key_words.len() {
                    entity.name = name.to_string();
                    entity.key_words = key_words.iter().map(|w| w.to_string()).collect();
                }
                id
            }
            None => {
                let gender = key_words
                    .first()
                    .and_then(|w| words().first_name(w))
                    .unwrap_or(Gender::Either);
                self.entities.push(Entity {
                    name: name.to_string(),
                    key_words: key_words.iter().map(|w| w.to_string()).collect(),
                    role: None,
                    is_person: true,
                    is_document: false,
                    gender,
                    seen: at,
                    said: None,
                });
                self.entities.len() - 1
            }
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

    /// The person already met whose surname (or any name word) this is.
    pub fn known_person(&self, word: &str) -> Option<usize> {
        let key = speaker_key(word);
        if key.is_empty() || key.contains(' ') {
            return None;
        }
        self.find_person(&key, &[key.as_str()])
            .filter(|&id| self.entities[id].key_words.len() > 1)
    }

    fn find_person(&self, key: &str, key_words: &[&str]) -> Option<usize> {
        let persons = || {
            self.entities
                .iter()
                .enumerate()
                .rev()
                .filter(|(_, e)| e.is_person)
        };
        if let Some((id, _)) = persons().find(|(_, e)| joined_is(&e.key_words, key)) {
            return Some(id);
        }
        fn has(e: &Entity, word: &str) -> bool {
            e.key_words.iter().any(|w| w == word)
        }
        fn last(e: &Entity) -> Option<&str> {
            e.key_words.last().map(String::as_str)
        }
        if let &[word] = key_words {
            // a surname (or a Chinese family name first) alone
            return persons()
                .find(|(_, e)| last(e) == Some(word))
                .or_else(|| persons().find(|(_, e)| has(e, word)))
                .map(|(id, _)| id);
        }
        // a full name after its surname alone, or a shorter form of a long name
        persons()
            .find(|(_, e)| {
                (e.key_words.len() == 1 && key_words.last().copied() == last(e))
                    || (e.key_words.len() > key_words.len() && key_words.iter().all(|w| has(e, w)))
            })
            .map(|(id, _)| id)
    }

    /// The entity of a body or an unnamed speaker ("Außenministerium in Ankara",
    /// "Beamter des nordkoreanischen Verteidigungsministeriums").
    pub fn body(&mut self, name: &str, role: Option<&str>, at: Clock) -> usize {
        let key = speaker_key(name);
        let id = match self
            .entities
            .iter()
            .position(|e| !e.is_person && joined_is(&e.key_words, &key))
        {
            Some(id) => id,
            None => {
                self.entities.push(Entity {
                    name: name.to_string(),
                    key_words: key.split(' ').map(str::to_string).collect(),
                    role: role.map(str::to_string),
                    is_person: false,
                    is_document: false,
                    gender: Gender::Either,
                    seen: at,
                    said: None,
                });
                self.entities.len() - 1
            }
        };
        self.entities[id].seen = at;
        id
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
        let at = base
            .char_indices()
            .map(|(i, _)| i)
            .filter(|&i| base[i..].chars().count() >= 4)
            .rfind(|&i| is_role_word(&base[i..]))
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

/// Whether `words` joined with spaces are `key`, without joining them.
fn joined_is(words: &[String], key: &str) -> bool {
    let mut rest = key;
    for (i, word) in words.iter().enumerate() {
        let after_space = if i == 0 {
            Some(rest)
        } else {
            rest.strip_prefix(' ')
        };
        match after_space.and_then(|r| r.strip_prefix(word.as_str())) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
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
    fn joined_is_is_join_with_spaces() {
        let lists: [&[&str]; 6] = [
            &[],
            &[""],
            &["", ""],
            &["jan"],
            &["jan", "koch"],
            &["a b", "c"],
        ];
        let keys = [
            "",
            " ",
            "jan",
            "jan koch",
            "jan koch ",
            "jankoch",
            "a b c",
            "a b",
            "koch",
        ];
        for words in lists {
            let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            for key in keys {
                assert_eq!(
                    joined_is(&words, key),
                    words.join(" ") == key,
                    "{words:?} {key:?}"
                );
            }
        }
    }
}
