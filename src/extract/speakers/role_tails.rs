//! Whether a lowercase word, or its stem without a case or plural ending, ends with a
//! role word or a body word: the members of both lists sit in one trie read backwards,
//! each marked with its lists, so one walk from the word's end (and one from each stem's
//! end) answers for both lists at once.

use rustc_hash::FxHashMap;

use crate::extract::quotes::lexicon::Endings;
use crate::extract::trie::Trie;

/// The case and plural endings a noun's stem may carry ("Musikkennern" → "musikkenner",
/// "Senats" → "senat", "Organisatorinnen" → "organisatorin").
pub const ENDINGS: [&str; 6] = ["n", "en", "nen", "s", "es", "e"];

/// The byte lengths of the [`ENDINGS`] a word ends with, shortest first (0 after the
/// last): told by its last bytes, without comparing it with each ending.
fn ending_lengths(bytes: &[u8]) -> [usize; 3] {
    match bytes {
        [.., b'n', b'e', b'n'] => [1, 2, 3],
        [.., b'e', b'n'] | [.., b'e', b's'] => [1, 2, 0],
        [.., b'n' | b's' | b'e'] => [1, 0, 0],
        _ => [0; 3],
    }
}

/// The role and body members read backwards, with the lists of each.
pub struct RoleTails {
    trie: Trie,
    /// Per word of the trie, its bits: [`ROLE`], [`BODY`], [`HEAD`], [`SHORT`].
    marks: Vec<u8>,
    /// The endings of the members: a word that ends like none is told so without a
    /// walk, as most words are.
    endings: Endings,
}

/// A role member.
const ROLE: u8 = 1;
/// A body member.
const BODY: u8 = 2;
/// A member of 4 to 24 chars, found at the end of any compound (a shorter one only as
/// the whole stem or after a hyphen).
const HEAD: u8 = 4;
/// A member of fewer than three bytes ("eu"): found only as the whole stem.
const SHORT: u8 = 8;

impl RoleTails {
    /// The trie of the role members and the body members.
    pub fn new<'a>(
        roles: impl IntoIterator<Item = &'a str>,
        bodies: impl IntoIterator<Item = &'a str>,
    ) -> RoleTails {
        let mut marks: FxHashMap<&str, u8> = FxHashMap::default();
        let mut endings = Endings::default();
        let members = roles.into_iter().map(|m| (ROLE, m));
        for (list, member) in members.chain(bodies.into_iter().map(|m| (BODY, m))) {
            let chars = member.chars().count();
            let head = if (4..=24).contains(&chars) { HEAD } else { 0 };
            let short = if member.len() < 3 { SHORT } else { 0 };
            *marks.entry(member).or_default() |= list | head | short;
            endings.insert(member);
        }
        let (keys, marks): (Vec<Vec<u8>>, Vec<u8>) = (marks.into_iter())
            .map(|(member, mark)| (member.bytes().rev().collect(), mark))
            .unzip();
        RoleTails {
            trie: Trie::new(&keys),
            marks,
            endings,
        }
    }

    /// Whether a lowercase word names a role and whether it names a body: a word that
    /// itself ends with a body member is a body and no role; else it is a role when it or
    /// its stem without one of [`ENDINGS`] ends with a role member, and a body when such
    /// a stem ends with a body member. A stem counts when it keeps at least four chars.
    pub fn role_and_body(&self, word: &str) -> (bool, bool) {
        let marks = self.marks_at_end(word);
        if marks & BODY != 0 {
            return (false, true);
        }
        let (mut role, mut body) = (marks & ROLE != 0, false);
        let bytes = word.as_bytes();
        let mut chars = None;
        for ending in ending_lengths(bytes) {
            if ending == 0 || role && body {
                break;
            }
            let stem = &bytes[..bytes.len() - ending];
            // a stem of fewer than four bytes has fewer than four chars
            if stem.len() < 4 || *chars.get_or_insert_with(|| word.chars().count()) < ending + 4 {
                continue;
            }
            // (an ending is ASCII: the stem ends on a char boundary)
            let marks = self.marks_at_end(&word[..stem.len()]);
            role |= marks & ROLE != 0;
            body |= marks & BODY != 0;
        }
        (role, body)
    }

    /// The lists ([`ROLE`], [`BODY`]) of the members `word` ends with: the whole word, a
    /// member after a hyphen, or a [`HEAD`] member anywhere; a [`SHORT`] one only whole.
    fn marks_at_end(&self, word: &str) -> u8 {
        if !self.endings.may_end(word) {
            return 0;
        }
        let bytes = word.as_bytes();
        let mut marks = 0;
        self.trie.walk(bytes.iter().rev().copied(), |len, k| {
            let start = bytes.len() - len;
            let mark = self.marks[k as usize];
            let found = if start == 0 {
                true
            } else if mark & SHORT != 0 {
                false
            } else {
                bytes[start - 1] == b'-' || mark & HEAD != 0
            };
            if found && word.is_char_boundary(start) {
                marks |= mark;
            }
            marks & (ROLE | BODY) == ROLE | BODY
        });
        marks & (ROLE | BODY)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::extract::quotes::lexicon::{WordSet, ends_with_any, with_ending};

    /// The answers as roles.rs gave them before: one lookup per list and stem.
    pub(crate) fn by_lookups(roles: &WordSet, bodies: &WordSet, word: &str) -> (bool, bool) {
        if ends_with_any(bodies, word) {
            return (false, true);
        }
        let stem_of = |w: &str| w.len() < word.len();
        (
            with_ending(word, &ENDINGS, |w| ends_with_any(roles, w)),
            with_ending(word, &ENDINGS, |w| stem_of(w) && ends_with_any(bodies, w)),
        )
    }

    #[test]
    fn one_walk_answers_as_the_lookups_of_every_stem() {
        let roles = [
            "sprecher",
            "chef",
            "in",
            "präsident",
            "rat",
            "student",
            "senator",
        ];
        let bodies = ["ministerium", "senat", "rat", "polizei", "amt", "eu"];
        let (mut role_set, mut body_set) = (WordSet::default(), WordSet::default());
        role_set.extend(roles);
        body_set.extend(bodies);
        let tails = RoleTails::new(roles, bodies);
        let words = [
            "sprecher",
            "regierungssprechern",
            "ex-chefs",
            "küchenchefin",
            "chefe",
            "in",
            "ärztin",
            "vizepräsidenten",
            "stadtrat",
            "stadtrates",
            "rats",
            "eu",
            "x-eu",
            "eus",
            "ratsen",
            "senats",
            "senatoren",
            "studentinnen",
            "außenministerium",
            "außenministeriums",
            "polizeien",
            "amt",
            "amtes",
            "bundes-amts",
            "x-rate",
            "ärzte",
            "",
            "e",
            "nen",
        ];
        for word in words {
            let want = by_lookups(&role_set, &body_set, word);
            assert_eq!(tails.role_and_body(word), want, "{word}");
        }
    }
}
