//! Role words (`assets/roles.txt`): whether a role makes its speaker an expert or an
//! official, whether a noun names a speaking body, and which organisation a role names.

use std::sync::LazyLock;

use super::role_tails::{ENDINGS, RoleTails};
use crate::extract::quotes::lexicon::{WordSet, ends_with_any, sections, with_ending};
use crate::model::SpeakerKind;

const ROLES: &str = include_str!("../../../assets/roles.txt");

#[derive(Default)]
struct Roles {
    expert: WordSet,
    official: WordSet,
    /// expert, official and person words (any role), and body words
    role_words: Vec<&'static str>,
    body_words: Vec<&'static str>,
    group: WordSet,
    one_of_a_kind: WordSet,
    retired: Vec<&'static str>,
    agent_endings: Vec<&'static str>,
}

static LISTS: LazyLock<Roles> = LazyLock::new(|| {
    let mut roles = Roles::default();
    for (section, line) in sections(ROLES) {
        if matches!(section, "expert" | "official" | "person") {
            roles.role_words.extend(line.split_whitespace());
        }
        let set = match section {
            "expert" => &mut roles.expert,
            "official" => &mut roles.official,
            "body" => {
                roles.body_words.extend(line.split_whitespace());
                continue;
            }
            "group" => &mut roles.group,
            "one_of_a_kind" => &mut roles.one_of_a_kind,
            "retired" => {
                roles.retired.push(line);
                continue;
            }
            "agent_endings" => {
                roles.agent_endings.extend(line.split_whitespace());
                continue;
            }
            _ => continue,
        };
        set.extend(line.split_whitespace());
    }
    roles
});

/// The role and body words, each marked with its lists, in one trie read backwards.
static TAILS: LazyLock<RoleTails> = LazyLock::new(|| {
    let lists = &*LISTS;
    RoleTails::new(
        lists.role_words.iter().copied(),
        lists.body_words.iter().copied(),
    )
});

/// Builds the role lists and the tries that find a role at a word's end now (start-up
/// does, beside the other tables).
pub fn warm_up() {
    let lists = &*LISTS;
    for set in [&lists.expert, &lists.official] {
        set.warm_up();
    }
    LazyLock::force(&TAILS);
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches('-').to_lowercase())
}

/// Whether a word names a person's role or function ("Chinaforscherin",
/// "US-Außenminister", "Sprecher", "Demonstranten"); a body ("Ministerium") is not a role.
pub fn is_role_word(word: &str) -> bool {
    role_and_body(&crate::extract::quotes::text::lower(word)).0
}

/// Whether a noun names a speaking body ("Außenministerium", "Kreml", "Polizei").
pub fn is_body_word(word: &str) -> bool {
    role_and_body(&crate::extract::quotes::text::lower(word)).1
}

/// [`is_role_word`] and [`is_body_word`] of one lowercase word, from one walk back from
/// its end. (The word is lowercase already, as
/// [`Para::lower`](crate::extract::quotes::text::Para::lower) gives it: asking each of
/// its chars again whether it is uppercase cost more than the lookups.) A word that
/// itself ends with a body word is a body and no role; its stems may be either.
pub fn role_and_body(word: &str) -> (bool, bool) {
    TAILS.role_and_body(word)
}

/// Whether a noun has the ending of a German agent noun ("Ermittler", "Student") and is
/// long enough not to be a short word that happens to end so.
pub fn is_agent_noun(word: &str) -> bool {
    let word = crate::extract::quotes::text::lower(word);
    // and its inflected forms ("des Gutachters", "den Randalierern")
    word.chars().count() >= 6
        && inflected(&word, |w| {
            LISTS.agent_endings.iter().any(|e| w.ends_with(e))
        })
}

/// Whether a noun heads a phrase that names people who may speak, though it is no role
/// word because it is also a surname ("die Richter").
pub fn is_group_word(word: &str) -> bool {
    let word = crate::extract::quotes::text::lower(word);
    inflected(&word, |w| LISTS.group.contains(w))
}

/// Whether a body named by a common noun exists only once ("Kreml", "Bundestag").
pub fn is_one_of_a_kind(word: &str) -> bool {
    let word = crate::extract::quotes::text::lower(word);
    inflected(&word, |w| LISTS.one_of_a_kind.contains(w))
}

/// `found` for a lowercase noun or for its stem without a case or plural ending
/// ("Musikkennern" → "musikkenner", "Demonstranten" → "demonstrant", "Senats" → "senat",
/// "Organisatorinnen" → "organisatorin").
fn inflected(word: &str, found: impl Fn(&str) -> bool) -> bool {
    with_ending(word, &ENDINGS, found)
}

/// The kind a role (with the speaker's name, for bodies) makes a speaker: expert words
/// win, a retired officer is an expert, then official words; anyone else is `other`.
pub fn kind_of(role: &str) -> SpeakerKind {
    let lists = &*LISTS;
    let mut official = false;
    for word in words(role) {
        if any_form(&lists.expert, &word) {
            return SpeakerKind::Expert;
        }
        official |= any_form(&lists.official, &word);
    }
    let retired = lists.retired.iter().any(|r| contains_phrase(role, r));
    match (official, retired) {
        (true, true) => SpeakerKind::Expert,
        (true, false) => SpeakerKind::Official,
        _ => SpeakerKind::Other,
    }
}

/// Whether a lowercase word ends with a word of `list` in any case, number or gender
/// ("fraktionsvorsitzenden", "parteichefs", "fraktionschefin").
fn any_form(list: &WordSet, word: &str) -> bool {
    let found = |w: &str| {
        ends_with_any(list, w)
            || w.strip_suffix("in")
                .is_some_and(|male| male.chars().count() >= 4 && ends_with_any(list, male))
    };
    inflected(word, found)
}

fn contains_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The organisation a role names: the capitalised words after "bei", "von", "an" or a
/// genitive article ("Chinaforscherin bei der Stiftung Wissenschaft und Politik (SWP)"
/// → "Stiftung Wissenschaft und Politik").
pub fn organization_of(role: &str) -> Option<String> {
    const INTRO: &[&str] = &[
        "bei", "von", "vom", "an", "am", "der", "des", "beim", "at", "of",
    ];
    const SKIP: &[&str] = &["der", "die", "das", "den", "dem", "des", "the"];
    let tokens: Vec<&str> = role.split_whitespace().collect();
    let start = tokens.iter().position(|t| INTRO.contains(t))? + 1;
    let mut org: Vec<&str> = Vec::new();
    for (i, &token) in tokens.iter().enumerate().skip(start) {
        let word = token.trim_end_matches([',', ';', ')', '(']);
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if org.is_empty() && (SKIP.contains(&word) || !capital) {
            continue;
        }
        let joins = matches!(word, "und" | "für" | "for" | "and" | "of" | "&");
        if joins && tokens.get(i + 1).is_none_or(|next| is_role_word(next)) {
            break;
        }
        if !(capital || joins) || token.starts_with('(') {
            break;
        }
        org.push(word);
        if token.ends_with([',', ';', ')']) {
            break;
        }
    }
    while org
        .last()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
    {
        org.pop();
    }
    (!org.is_empty()).then(|| org.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::speakers::role_tails::tests::by_lookups;

    /// Every word of the seed articles, lowercase, with the real lists: the one walk
    /// answers as the lookups of the word and of each stem in each list did.
    #[test]
    fn role_tails_answer_as_the_lookups_on_the_seed_words() {
        let lists = &*LISTS;
        let (mut roles, mut bodies) = (WordSet::default(), WordSet::default());
        roles.extend(lists.role_words.iter().copied());
        bodies.extend(lists.body_words.iter().copied());
        let mut checked = 0;
        for entry in std::fs::read_dir("seeds").into_iter().flatten().flatten() {
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            for word in words(&text) {
                assert_eq!(
                    TAILS.role_and_body(&word),
                    by_lookups(&roles, &bodies, &word),
                    "{word}"
                );
                checked += 1;
            }
        }
        assert!(checked > 1000, "only {checked} seed words");
    }
}
