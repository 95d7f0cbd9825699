//! Which articles the list shows and in what order: the country filter (an article must
//! mention every chosen country; ordered by how often it mentions them) and the search
//! (an article must match); and the sidebar's counts over the listed articles (speakers:
//! experts first).

use std::collections::HashMap;

use super::{AppState, CountryRow, SpeakerRow};
use crate::search::Searcher;

/// How many recent queries keep their hits.
const SEARCH_CACHE: usize = 32;

impl AppState {
    /// Adds the country to the filter, or removes it when it is in.
    pub(super) fn toggle_country(&mut self, code: &str) {
        if let Some(at) = self.countries.iter().position(|c| c == code) {
            self.countries.remove(at);
        } else {
            self.countries.push(code.to_string());
        }
        self.refilter();
    }

    /// Drops the country filter and the search.
    pub(super) fn clear_filters(&mut self) {
        let had_any = !self.countries.is_empty() || self.search.is_some();
        self.countries.clear();
        self.search = None;
        self.search_hits.clear();
        self.current_match = None;
        self.refilter();
        self.rebuild_doc();
        self.message = Some(if had_any {
            "filters cleared".to_string()
        } else {
            "no filter to clear".to_string()
        });
    }

    /// Searches for `query` (empty: no search). When the query extends the previous
    /// one, only the previous hits are searched again.
    pub(super) fn set_search(&mut self, query: &str) {
        let Some(searcher) = Searcher::new(query) else {
            self.search = None;
            self.search_hits.clear();
            self.current_match = None;
            self.refilter();
            self.rebuild_doc();
            return;
        };
        let key = searcher.query().to_lowercase();
        if let Some((_, hits)) = self.search_cache.iter().find(|(q, _)| *q == key) {
            self.search_hits = hits.clone();
        } else {
            let candidates: Vec<usize> = match &self.search {
                Some(old) if searcher.refines(old) => (0..self.corpus.len())
                    .filter(|&i| self.search_hits.get(i).copied().unwrap_or(false))
                    .collect(),
                _ => (0..self.corpus.len()).collect(),
            };
            self.search_hits = vec![false; self.corpus.len()];
            for i in searcher.filter(self.corpus.articles(), &candidates) {
                self.search_hits[i] = true;
            }
            if self.search_cache.len() == SEARCH_CACHE {
                self.search_cache.remove(0);
            }
            self.search_cache.push((key, self.search_hits.clone()));
        }
        self.search = Some(searcher);
        self.refilter();
        self.rebuild_doc();
        self.current_match = None;
        self.step_match(true);
    }

    /// Recomputes the list after the filter, the search or the corpus changed, keeping
    /// the open article selected when it is still listed.
    pub(super) fn refilter(&mut self) {
        let mut rows = self.filtered_rows();
        if let Some(hits) = self.search.as_ref().map(|_| &self.search_hits) {
            rows.retain(|&(_, i)| hits.get(i).copied().unwrap_or(false));
        }
        if !self.countries.is_empty() {
            // Most mentions first; the sort is stable, so ties keep corpus order.
            rows.sort_by_key(|row| std::cmp::Reverse(row.0));
        }
        self.visible = rows.into_iter().map(|(_, i)| i).collect();
        let listed = self
            .open
            .and_then(|open| self.visible.iter().position(|&i| i == open));
        match listed {
            Some(row) => self.list.selected = row,
            None => {
                self.list.selected = 0;
                match self.visible.first() {
                    Some(&first) => self.open_article(first),
                    None => {
                        self.open = None;
                        self.rebuild_doc();
                    }
                }
            }
        }
        self.rebuild_sidebar();
    }

    /// (relevance, corpus index) of the articles that mention every filter country.
    fn filtered_rows(&self) -> Vec<(u64, usize)> {
        let Some((first, rest)) = self.countries.split_first() else {
            return (0..self.corpus.len()).map(|i| (0, i)).collect();
        };
        let articles = self.corpus.articles();
        self.corpus
            .with_country(first)
            .iter()
            .filter_map(|hit| {
                let article = articles.get(hit.article)?;
                let mut score = u64::from(hit.mentions);
                for code in rest {
                    let count = article.countries.iter().find(|c| &c.code == code)?;
                    score += u64::from(count.mentions);
                }
                Some((score, hit.article))
            })
            .collect()
    }

    /// Counts countries and speakers over the listed articles.
    pub(super) fn rebuild_sidebar(&mut self) {
        let selected_code = self
            .country_rows
            .get(self.country_list.selected)
            .map(|r| r.code.clone());
        let selected_speaker = self
            .speaker_rows
            .get(self.speaker_list.selected)
            .map(|r| r.id);
        self.country_rows = self.count_countries();
        self.speaker_rows = self.count_speakers();
        if let Some(code) = selected_code {
            self.country_list.selected = self
                .country_rows
                .iter()
                .position(|r| r.code == code)
                .unwrap_or(0);
        }
        if let Some(id) = selected_speaker {
            self.speaker_list.selected = self
                .speaker_rows
                .iter()
                .position(|r| r.id == id)
                .unwrap_or(0);
        }
    }

    fn count_countries(&self) -> Vec<CountryRow> {
        let articles = self.corpus.articles();
        let mut counts: HashMap<&str, (usize, u64, &str)> = HashMap::new();
        for &i in &self.visible {
            for c in &articles[i].countries {
                let entry = counts.entry(&c.code).or_insert((0, 0, &c.name));
                entry.0 += 1;
                entry.1 += u64::from(c.mentions);
            }
        }
        for code in &self.countries {
            counts.entry(code).or_insert((0, 0, ""));
        }
        let mut rows: Vec<CountryRow> = counts
            .into_iter()
            .map(|(code, (articles, mentions, name))| CountryRow {
                code: code.to_string(),
                name: self.country_name(code).unwrap_or(name).to_string(),
                articles,
                mentions,
                active: self.countries.iter().any(|c| c == code),
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

    fn count_speakers(&self) -> Vec<SpeakerRow> {
        let mut listed = vec![false; self.corpus.len()];
        for &i in &self.visible {
            listed[i] = true;
        }
        let speakers = self.corpus.speakers();
        let mut rows: Vec<SpeakerRow> = speakers
            .iter()
            .enumerate()
            .filter_map(|(id, entry)| {
                let mut quotes = 0;
                let mut articles = 0;
                let mut last = usize::MAX;
                for q in entry.quotes.iter().filter(|q| listed[q.article]) {
                    quotes += 1;
                    if q.article != last {
                        articles += 1;
                        last = q.article;
                    }
                }
                (quotes > 0).then_some(SpeakerRow {
                    id,
                    quotes,
                    articles,
                })
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
