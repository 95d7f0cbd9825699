//! The sidebar's counts over the listed articles (articles and mentions per country,
//! quotes and articles per speaker) as running totals in arrays indexed by the corpus's
//! dense ids: an article that arrives from the loader is counted once, and counting a
//! whole filtered list is array arithmetic, not string hashing.

use super::{CountryRow, SpeakerRow};
use crate::corpus::Corpus;

/// Running totals over a set of listed articles.
#[derive(Debug, Default, Clone)]
pub(super) struct Tally {
    /// Per country id: listed articles that mention it, and their mentions.
    countries: Vec<(usize, u64)>,
    /// Per speaker id ([`Corpus::speakers`]): quotes and articles among the listed.
    speakers: Vec<(usize, usize)>,
    /// How many articles are counted.
    articles: usize,
}

impl Tally {
    /// How many articles are counted.
    pub fn articles(&self) -> usize {
        self.articles
    }

    /// Counts corpus article `index` in.
    pub fn add(&mut self, corpus: &Corpus, index: usize) {
        if index >= corpus.len() {
            return;
        }
        self.articles += 1;
        if self.countries.len() < corpus.country_count() {
            self.countries.resize(corpus.country_count(), (0, 0));
        }
        for &(id, mentions) in corpus.article_countries(index) {
            if let Some(entry) = self.countries.get_mut(usize::from(id)) {
                *entry = (entry.0 + 1, entry.1 + u64::from(mentions));
            }
        }
        if self.speakers.len() < corpus.speakers().len() {
            self.speakers.resize(corpus.speakers().len(), (0, 0));
        }
        let speakers = corpus.quote_speakers(index);
        for (i, &id) in speakers.iter().enumerate() {
            let Some(entry) = self.speakers.get_mut(id as usize) else {
                continue;
            };
            entry.0 += 1;
            // An article counts once per speaker: at the speaker's first quote in it.
            if !speakers[..i].contains(&id) {
                entry.1 += 1;
            }
        }
    }

    /// The Countries tab: the filter's countries first, then by articles, mentions and
    /// code. `name` gives a code's German name.
    pub fn country_rows<'a>(
        &self,
        corpus: &Corpus,
        active: &[String],
        name: impl Fn(&str) -> Option<&'a str>,
    ) -> Vec<CountryRow> {
        let counted = self
            .countries
            .iter()
            .enumerate()
            .filter(|(_, (articles, _))| *articles > 0)
            .filter_map(|(id, &n)| Some((corpus.country_code(id)?, n)));
        let uncounted = active
            .iter()
            .filter(|c| {
                let id = corpus.country_id(c);
                id.and_then(|id| self.countries.get(id))
                    .is_none_or(|n| n.0 == 0)
            })
            .map(|c| (c.as_str(), (0, 0)));
        let mut rows: Vec<CountryRow> = counted
            .chain(uncounted)
            .map(|(code, (articles, mentions))| CountryRow {
                code: code.to_string(),
                name: name(code).unwrap_or_default().to_string(),
                articles,
                mentions,
                active: active.iter().any(|c| c == code),
            })
            .collect();
        rows.sort_by(|a, b| {
            b.active
                .cmp(&a.active)
                .then(b.articles.cmp(&a.articles))
                .then(b.mentions.cmp(&a.mentions))
                .then(a.code.cmp(&b.code))
        });
        rows
    }

    /// The Speakers tab: everyone quoted in the listed articles, experts first, then the
    /// most quoted.
    pub fn speaker_rows(&self, corpus: &Corpus) -> Vec<SpeakerRow> {
        let speakers = corpus.speakers();
        let mut rows: Vec<SpeakerRow> = self
            .speakers
            .iter()
            .enumerate()
            .filter(|(_, (quotes, _))| *quotes > 0)
            .map(|(id, &(quotes, articles))| SpeakerRow {
                id,
                quotes,
                articles,
            })
            .collect();
        // Experts first, then officials, then everyone else; the most quoted first.
        rows.sort_by(|a, b| {
            let (sa, sb) = (&speakers[a.id], &speakers[b.id]);
            sa.kind
                .cmp(&sb.kind)
                .then(b.quotes.cmp(&a.quotes))
                .then_with(|| sa.name.cmp(&sb.name))
        });
        rows
    }
}
