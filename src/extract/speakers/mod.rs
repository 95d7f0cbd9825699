//! Speakers: what kind of speaker a role makes someone, and one identity per person
//! across the corpus.

pub mod registry;
mod role_tails;
mod roles;

pub use roles::{
    is_agent_noun, is_body_word, is_group_word, is_one_of_a_kind, is_role_word, kind_of,
    organization_of, role_and_body, warm_up,
};

use crate::extract::quotes::lexicon::words;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{
    canonical_combining_class, decompose_canonical, is_combining_mark,
};

/// The key that makes two spellings of a name one person: lowercase, accents removed
/// (García = Garcia, Kottasová = Kottasova), hyphens and spaces collapsed.
pub fn speaker_key(name: &str) -> String {
    // decomposing is the slow part, and an ASCII name has nothing to decompose
    if name.is_ascii() {
        fold_key(name.chars(), name.len())
    } else {
        key_by_chars(name)
            .unwrap_or_else(|| fold_key(name.nfd().filter(|&c| !is_combining_mark(c)), name.len()))
    }
}

/// The key of a name decomposed char by char, combining marks left out, which is what
/// `nfd()` gives with the marks left out (NFD only reorders runs of chars of a nonzero
/// combining class, and those are marks) — unless a char that is no mark has such a
/// class, or one decomposes into more than four chars: then `None`.
fn key_by_chars(name: &str) -> Option<String> {
    let mut odd = false;
    let chars = name.chars().flat_map(|c| {
        let (mut parts, mut n) = (['\0'; 4], 0);
        if c.is_ascii() {
            (parts[0], n) = (c, 1);
        } else {
            decompose_canonical(c, |d| {
                if is_combining_mark(d) {
                    return;
                }
                odd |= canonical_combining_class(d) != 0 || n == parts.len();
                if let Some(part) = parts.get_mut(n) {
                    *part = d;
                    n += 1;
                }
            });
        }
        parts.into_iter().take(n)
    });
    let key = fold_key(chars, name.len());
    (!odd).then_some(key)
}

/// The key of a name's chars, accents already taken off.
fn fold_key(chars: impl Iterator<Item = char>, len: usize) -> String {
    let mut key = String::with_capacity(len);
    let mut space = false;
    for c in chars {
        if c.is_alphanumeric() {
            if space && !key.is_empty() {
                key.push(' ');
            }
            space = false;
            match c {
                'ß' => key.push_str("ss"),
                'ø' | 'Ø' => key.push('o'),
                'ł' | 'Ł' => key.push('l'),
                'đ' | 'Đ' => key.push('d'),
                'æ' | 'Æ' => key.push_str("ae"),
                'œ' | 'Œ' => key.push_str("oe"),
                'ı' => key.push('i'),
                _ if c.is_ascii() => key.push(c.to_ascii_lowercase()),
                _ => key.extend(c.to_lowercase()),
            }
        } else if c.is_whitespace() || c == '-' || c == '.' {
            space = true;
        }
    }
    key
}

/// Whether a speaker is named only by roles, bodies or texts ("Sprecher", "Gericht",
/// "Polizei", "Bericht", "stellvertretende Chef der Behörde"): such a name says who spoke
/// within one article, but the spokesman of one article is not the spokesman of the
/// next, so it is no identity across the corpus. A name with a proper noun or a country
/// in it ("Renate Künast", "russische Außenministerium", "Nobelkomitee in Oslo") and a
/// body that exists once ("Kreml", "Bundestag") are identities.
pub fn is_unnamed(name: &str) -> bool {
    let common = |word: &str| {
        is_role_word(word)
            || is_body_word(word)
            || is_group_word(word)
            || words().is_written_text(&crate::extract::quotes::text::lower(word))
    };
    let mut has_common = false;
    for word in name.split_whitespace() {
        let is_common = common(word);
        let names_one = (word.starts_with(char::is_uppercase) && !is_common)
            || is_one_of_a_kind(word)
            || (word.starts_with(char::is_lowercase)
                && !crate::extract::countries::find(word).is_empty());
        if names_one {
            return false;
        }
        has_common |= is_common;
    }
    has_common
}

/// Whether `query` names this speaker: the full name or one of its words (a surname),
/// accents and case aside.
pub fn name_matches(name: &str, query: &str) -> bool {
    let name = speaker_key(name);
    let query = speaker_key(query);
    !query.is_empty()
        && (name == query
            || (!query.contains(' ') && name.split(' ').any(|word| word == query))
            || name.ends_with(&format!(" {query}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_decomposed_char_by_char_key_as_the_whole_name_decomposed() {
        let names = [
            "Alicia García Herrero",
            "Ivana Kottasová",
            "Nguyễn Tấn Dũng",
            "Łukasz Żurek-Øster",
            "Straße der Ærøer",
            "Ἀθηνᾶ ᾷ Ω",
            "문재인",
            "Ṩtrange ṏ ǖ",
            "Zoë e\u{301}\u{323}",
        ];
        for name in names {
            let whole = fold_key(name.nfd().filter(|&c| !is_combining_mark(c)), name.len());
            assert_eq!(key_by_chars(name), Some(whole), "{name}");
        }
        // and every char after a letter, alone: the same key, or the slow way taken
        for c in (0..0x3_0000).filter_map(char::from_u32) {
            let name = format!("a{c}");
            let whole = fold_key(name.nfd().filter(|&c| !is_combining_mark(c)), name.len());
            assert!(key_by_chars(&name).is_none_or(|key| key == whole), "{c:?}");
        }
    }
}
