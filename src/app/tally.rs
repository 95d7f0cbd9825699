//! The sidebar's counts over the listed articles (articles and mentions per country,
//! quotes and articles per speaker) kept as running totals: an article that arrives from
//! the loader is counted once, instead of the whole list being counted again.

use std::collections::HashMap;

use super::{CountryRow, SpeakerRow};
use crate::corpus::Corpus;

/// Running totals over a set of listed articles.
#[derive(Debug, Default)]
pub(super) struct Tally {
    /// Per country code: listed articles that mention it, and their mentions.
    countries: HashMap<String, (usize, u64)>,
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
        let Some(article) = corpus.articles().get(index) else {
            return;
        };
        self.articles += 1;
        for c in &article.countries {
            let mentions = u64::from(c.mentions);
            match self.countries.get_mut(&c.code) {
                Some(entry) => *entry = (entry.0 + 1, entry.1 + mentions),
                None => {
                    self.countries.insert(c.code.clone(), (1, mentions));
                }
            }
        }
        if self.speakers.len() < corpus.speakers().len() {
            self.speakers.resize(corpus.speakers().len(), (0, 0));
        }
        let mut seen_here: Vec<usize> = Vec::new();
        for quote in &article.quotes {
            let Some(id) = quote.speaker.as_deref().and_then(|n| corpus.speaker_id(n)) else {
                continue;
            };
            let Some(entry) = self.speakers.get_mut(id) else {
                continue;
            };
            entry.0 += 1;
            if !seen_here.contains(&id) {
                seen_here.push(id);
                entry.1 += 1;
            }
        }
    }

    /// The Countries tab: the filter's countries first, then by articles, mentions and
    /// code. `name` gives a code's German name.
    pub fn country_rows<'a>(
        &self,
        active: &[String],
        name: impl Fn(&str) -> Option<&'a str>,
    ) -> Vec<CountryRow> {
        let counted = self.countries.iter().map(|(c, &n)| (c.as_str(), n));
        let uncounted = active
            .iter()
            .filter(|c| !self.countries.contains_key(*c))
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

    /// The Speakers tab: everyone quoted in the listed articles, most quotes first.
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
        rows.sort_by(|a, b| {
            b.quotes.cmp(&a.quotes).then_with(|| {
                let name = |id: usize| speakers.get(id).map(|s| s.name.as_str());
                name(a.id).cmp(&name(b.id))
            })
        });
        rows
    }
}
