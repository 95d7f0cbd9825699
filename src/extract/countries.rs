//! Country mentions in German and English text, from the gazetteer in `assets/`.

use crate::model::{Article, CountryCount};

/// A country mention: byte offsets into the text it was found in, and the country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub code: CountryCode,
}

/// An ISO 3166-1 alpha-2 code (`XK` for Kosovo), two ASCII capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryCode(pub [u8; 2]);

impl CountryCode {
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

/// Every country mention in `text`, in order.
pub fn find(_text: &str) -> Vec<Mention> {
    Vec::new()
}

/// The countries an article's content mentions, most mentioned first, then by code.
pub fn count(_article: &Article) -> Vec<CountryCount> {
    Vec::new()
}

/// The code a user's query names: a code (`RU`), a German or an English name.
pub fn resolve(query: &str) -> Option<CountryCode> {
    let q = query.trim().as_bytes();
    (q.len() == 2 && q.iter().all(u8::is_ascii_alphabetic))
        .then(|| CountryCode([q[0].to_ascii_uppercase(), q[1].to_ascii_uppercase()]))
}
