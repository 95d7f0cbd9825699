//! All loaded articles and the indexes built once over them: country → articles and
//! speaker → quotes (one entry per person across the corpus), so that a filter or a
//! same-speaker jump costs a lookup, not a rescan.

use std::collections::HashMap;

use crate::extract::speakers::{is_unnamed, speaker_key};
use crate::model::{Article, SpeakerKind};

/// Where one quote lives: the article's index in the corpus and the quote's index in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuoteRef {
    pub article: usize,
    pub quote: usize,
}

/// One person (or body) quoted anywhere in the corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerEntry {
    /// The name as first seen.
    pub name: String,
    pub kind: SpeakerKind,
    /// The first role an article gave them.
    pub role: Option<String>,
    /// Every quote of theirs, in corpus order.
    pub quotes: Vec<QuoteRef>,
    /// How many articles quote them.
    pub articles: usize,
    /// For a speaker named only by a role or body ("Sprecher", "Polizei"): the one
    /// article they belong to, since such a name is no identity across articles.
    pub only_in: Option<usize>,
}

/// Mentions of one country in one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountryHit {
    pub article: usize,
    pub mentions: u32,
}

/// What the indexes know of one article: its countries and the speaker of each
/// attributed quote, as dense ids, so that counting over a list of articles is array
/// arithmetic rather than string hashing.
#[derive(Debug, Default)]
struct Entities {
    /// (country id, mentions), in the article's order.
    countries: Box<[(u16, u32)]>,
    /// The speaker id of each quote that has a speaker, in reading order.
    quote_speakers: Box<[u32]>,
}

/// The articles and their indexes.
#[derive(Debug, Default)]
pub struct Corpus {
    articles: Vec<Article>,
    entities: Vec<Entities>,
    /// Country codes by id, in order of first appearance.
    country_codes: Vec<String>,
    country_ids: HashMap<String, u16>,
    /// Per country id: the articles that mention it, in corpus order.
    by_country: Vec<Vec<CountryHit>>,
    speakers: Vec<SpeakerEntry>,
    speaker_ids: HashMap<String, usize>,
}

impl Corpus {
    pub fn new(articles: Vec<Article>) -> Self {
        let mut corpus = Corpus::default();
        corpus.extend(articles);
        corpus
    }

    /// Adds articles at the end (background loading adds them in batches).
    pub fn extend(&mut self, articles: impl IntoIterator<Item = Article>) {
        for article in articles {
            self.push(article);
        }
    }

    pub fn push(&mut self, article: Article) {
        let index = self.articles.len();
        let countries = article
            .countries
            .iter()
            .map(|country| {
                let id = self.country_id_or_new(&country.code);
                self.by_country[usize::from(id)].push(CountryHit {
                    article: index,
                    mentions: country.mentions,
                });
                (id, country.mentions)
            })
            .collect();
        let mut quote_speakers = Vec::new();
        let mut seen_here: Vec<usize> = Vec::new();
        for (q, quote) in article.quotes.iter().enumerate() {
            let Some(name) = &quote.speaker else { continue };
            let unnamed = is_unnamed(name);
            let key = if unnamed {
                format!("{}#{index}", speaker_key(name))
            } else {
                speaker_key(name)
            };
            let id = *self.speaker_ids.entry(key).or_insert_with(|| {
                let speaker = article.speakers.iter().find(|s| &s.name == name);
                self.speakers.push(SpeakerEntry {
                    name: name.clone(),
                    kind: speaker.map(|s| s.kind).unwrap_or_default(),
                    role: speaker.and_then(|s| s.role.clone()),
                    quotes: Vec::new(),
                    articles: 0,
                    only_in: unnamed.then_some(index),
                });
                self.speakers.len() - 1
            });
            quote_speakers.push(id as u32);
            let entry = &mut self.speakers[id];
            // a later article may say more about them than the first one did
            if let Some(speaker) = article.speakers.iter().find(|s| &s.name == name) {
                if entry.role.is_none() {
                    entry.role.clone_from(&speaker.role);
                }
                if entry.kind == SpeakerKind::Other {
                    entry.kind = speaker.kind;
                }
                if speaker.name.chars().count() > entry.name.chars().count() {
                    entry.name.clone_from(&speaker.name);
                }
            }
            entry.quotes.push(QuoteRef {
                article: index,
                quote: q,
            });
            if !seen_here.contains(&id) {
                seen_here.push(id);
                entry.articles += 1;
            }
        }
        self.entities.push(Entities {
            countries,
            quote_speakers: quote_speakers.into(),
        });
        self.articles.push(article);
    }

    fn country_id_or_new(&mut self, code: &str) -> u16 {
        if let Some(&id) = self.country_ids.get(code) {
            return id;
        }
        let id = self.country_codes.len() as u16;
        self.country_codes.push(code.to_string());
        self.country_ids.insert(code.to_string(), id);
        self.by_country.push(Vec::new());
        id
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// The articles that mention a country (by ISO code), in corpus order.
    pub fn with_country(&self, code: &str) -> &[CountryHit] {
        self.country_id(code)
            .and_then(|id| self.by_country.get(id))
            .map_or(&[], Vec::as_slice)
    }

    /// The dense id of a country code seen in the corpus (ids count from 0 in order of
    /// first appearance, below [`Corpus::country_count`]).
    pub fn country_id(&self, code: &str) -> Option<usize> {
        self.country_ids.get(code).map(|&id| usize::from(id))
    }

    /// The code of a country id.
    pub fn country_code(&self, id: usize) -> Option<&str> {
        self.country_codes.get(id).map(String::as_str)
    }

    /// How many different countries the corpus mentions.
    pub fn country_count(&self) -> usize {
        self.country_codes.len()
    }

    /// The countries of article `index` as (country id, mentions).
    pub fn article_countries(&self, index: usize) -> &[(u16, u32)] {
        self.entities.get(index).map_or(&[], |e| &e.countries)
    }

    /// The speaker id ([`Corpus::speakers`]) of each attributed quote of article `index`,
    /// in reading order.
    pub fn quote_speakers(&self, index: usize) -> &[u32] {
        self.entities.get(index).map_or(&[], |e| &e.quote_speakers)
    }

    /// Everyone quoted, in order of first appearance.
    pub fn speakers(&self) -> &[SpeakerEntry] {
        &self.speakers
    }

    /// The corpus-wide entry of a speaker, by any spelling of their full name (accents
    /// and case aside: "Garcia" finds "García"). A speaker named only by a role or body
    /// has no corpus-wide entry: see [`Corpus::speaker_of`].
    pub fn speaker(&self, name: &str) -> Option<&SpeakerEntry> {
        self.speaker_id(name).map(|id| &self.speakers[id])
    }

    /// The quote after (or, with `forward == false`, before) `at` by the same speaker,
    /// anywhere in the corpus: what "next quote by this speaker" walks.
    pub fn next_quote_by_speaker(&self, at: QuoteRef, forward: bool) -> Option<QuoteRef> {
        self.quote_of_speaker_from(self.speaker_of(at)?, Some(at), forward)
    }

    /// The first quote of speaker `id` after (or, with `forward == false`, before) the
    /// place `here`, which need not be theirs; from no place, their first (or last).
    pub fn quote_of_speaker_from(
        &self,
        id: usize,
        here: Option<QuoteRef>,
        forward: bool,
    ) -> Option<QuoteRef> {
        // the speaker's quotes are in corpus order: a binary search finds the neighbours
        let quotes = &self.speakers.get(id)?.quotes;
        let found = match here {
            Some(here) if forward => quotes.get(quotes.partition_point(|&r| r <= here)),
            Some(here) => {
                (quotes.partition_point(|&r| r < here).checked_sub(1)).and_then(|i| quotes.get(i))
            }
            None if forward => quotes.first(),
            None => quotes.last(),
        };
        found.copied()
    }
}

/// Look-ups the reader needs.
impl Corpus {
    /// The index into [`Corpus::speakers`] of a speaker, by any spelling of the full name.
    pub fn speaker_id(&self, name: &str) -> Option<usize> {
        self.speaker_ids.get(&speaker_key(name)).copied()
    }

    /// The index into [`Corpus::speakers`] of the speaker of one quote (`None` when the
    /// quote has none): unlike a look-up by name, this finds a speaker named only by a
    /// role, who is known within their article.
    pub fn speaker_of(&self, at: QuoteRef) -> Option<usize> {
        let quotes = &self.articles.get(at.article)?.quotes;
        quotes.get(at.quote)?.speaker.as_ref()?;
        // the article's speaker ids count only the quotes that have a speaker
        let attributed = quotes[..at.quote].iter().filter(|q| q.speaker.is_some());
        let id = self.quote_speakers(at.article).get(attributed.count())?;
        Some(*id as usize)
    }

    /// The article and quote a [`QuoteRef`] points to.
    pub fn quote(&self, at: QuoteRef) -> Option<(&Article, &crate::model::Quote)> {
        let article = self.articles().get(at.article)?;
        Some((article, article.quotes.get(at.quote)?))
    }
}
