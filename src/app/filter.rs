//! Which articles the list shows and in what order: the country filter (an article must
//! mention every chosen country; ordered by how often it mentions them) and the search
//! (an article must match); and the sidebar's counts over the listed articles (speakers:
//! experts first).

use super::AppState;
use super::tally::Tally;
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
        self.recount();
    }

    /// (relevance, corpus index) of the articles that mention every filter country.
    fn filtered_rows(&self) -> Vec<(u64, usize)> {
        let Some((first, rest)) = self.countries.split_first() else {
            return (0..self.corpus.len()).map(|i| (0, i)).collect();
        };
        // A code the corpus never mentions lists nothing.
        let Some(rest) = rest
            .iter()
            .map(|code| self.corpus.country_id(code))
            .collect::<Option<Vec<usize>>>()
        else {
            return Vec::new();
        };
        self.corpus
            .with_country(first)
            .iter()
            .filter_map(|hit| {
                let countries = self.corpus.article_countries(hit.article);
                let mut score = u64::from(hit.mentions);
                for &id in &rest {
                    let &(_, mentions) = countries.iter().find(|c| usize::from(c.0) == id)?;
                    score += u64::from(mentions);
                }
                Some((score, hit.article))
            })
            .collect()
    }

    /// Lists the articles `first..` that have just arrived, when the list is in corpus
    /// order (no country filter): the new ones that match the search go to the end and
    /// are counted into the sidebar, so a batch costs its own size, not the corpus's.
    /// With a country filter the list is ordered by relevance and is built again.
    pub(super) fn list_arrivals(&mut self, first: usize, finished: bool) {
        if !self.countries.is_empty() {
            return self.refilter();
        }
        for i in first..self.corpus.len() {
            if self.search.is_none() || self.search_hits.get(i).copied().unwrap_or(false) {
                self.visible.push(i);
                self.tally.add(&self.corpus, i);
            }
        }
        if self.open.is_none()
            && let Some(&first) = self.visible.first()
        {
            self.list.selected = 0;
            self.open_article(first);
        }
        // The sidebar is sorted again when the counts have grown by a tenth (and at the
        // end), so that sorting costs a constant share of the load however it is batched.
        let grown = self.tally.articles() > self.sorted_at + self.sorted_at / 10;
        if grown || finished {
            self.rebuild_sidebar();
        }
    }

    /// Counts countries and speakers over the listed articles.
    fn recount(&mut self) {
        self.tally = Tally::default();
        for &i in &self.visible {
            self.tally.add(&self.corpus, i);
        }
        self.rebuild_sidebar();
    }

    /// Sorts the sidebar's rows from the counts, keeping the selected rows selected.
    fn rebuild_sidebar(&mut self) {
        let selected_code = self
            .country_rows
            .get(self.country_list.selected)
            .map(|r| r.code.clone());
        let selected_speaker = self
            .speaker_rows
            .get(self.speaker_list.selected)
            .map(|r| r.id);
        self.country_rows = self
            .tally
            .country_rows(&self.corpus, &self.countries, |code| {
                self.country_name(code)
            });
        self.speaker_rows = self.tally.speaker_rows(&self.corpus);
        self.sorted_at = self.tally.articles();
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
}
