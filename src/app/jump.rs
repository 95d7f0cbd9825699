//! Moving through the article and across the corpus: opening an article and scrolling
//! it, quote by quote within it, quote by quote of one speaker across articles, search
//! match by match, and back along the history of jumps.

use super::{AppState, Doc, Focus, Location, geometry};
use crate::corpus::QuoteRef;

/// How many jumps `Backspace` can go back.
const HISTORY_LIMIT: usize = 200;

impl AppState {
    /// Shows corpus article `index` from its top, and selects it in the list when listed.
    pub(super) fn open_article(&mut self, index: usize) {
        if self.open != Some(index) || self.doc.article != Some(index) {
            self.open = Some(index);
            self.resize_anchor = None;
            self.quote = None;
            self.current_match = None;
            self.rebuild_doc();
            self.scroll = 0;
        }
        if let Some(row) = self.visible.iter().position(|&i| i == index) {
            self.list.selected = row;
        }
    }

    /// Lays out the open article again (new article, search or width), keeping the
    /// reading position when it is the same article.
    pub(super) fn rebuild_doc(&mut self) {
        let same_article = self.doc.article.is_some() && self.doc.article == self.open;
        let anchor = self.doc.anchor(self.scroll);
        let width = self.article_width();
        self.doc = match (self.open, self.article()) {
            (Some(index), Some(article)) => {
                Doc::build(article, index, width, self.search.as_ref(), self.mentions)
            }
            _ => Doc::default(),
        };
        self.scroll = if same_article {
            self.doc.line_at(anchor)
        } else {
            0
        };
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Columns the article is wrapped to (as it is when shown, also while folded away).
    pub(super) fn article_width(&self) -> usize {
        usize::from(geometry::article_text(geometry::article_when_shown(self.size)).width)
    }

    /// Rows of article text on screen.
    pub(super) fn article_height(&self) -> usize {
        usize::from(geometry::article_text(geometry::article_when_shown(self.size)).height)
    }

    pub(super) fn max_scroll(&self) -> usize {
        self.doc.lines.len().saturating_sub(self.article_height())
    }

    pub(super) fn scroll_by(&mut self, delta: isize) {
        self.scroll = self
            .scroll
            .saturating_add_signed(delta)
            .min(self.max_scroll());
    }

    /// Scrolls so that `line` is on screen, a third from the top when it was not.
    pub(super) fn reveal_line(&mut self, line: usize) {
        let height = self.article_height().max(1);
        if line < self.scroll || line >= self.scroll + height {
            self.scroll = line.saturating_sub(height / 3).min(self.max_scroll());
        }
    }

    /// `]` / `[`: the next or previous quote of the open article; with none selected,
    /// the first one from the top of the screen down (or from its bottom up).
    pub(super) fn step_quote(&mut self, forward: bool) {
        let Some(count) = self.article().map(|a| a.quotes.len()) else {
            return self.say("no article is open");
        };
        if count == 0 {
            return self.say("this article has no quotes");
        }
        let bottom = self.scroll + self.article_height();
        let on_screen = |q: usize, doc: &Doc| doc.quote_line(q).unwrap_or(0);
        let next = match self.quote {
            Some(q) if forward => (q + 1 < count).then_some(q + 1),
            Some(q) => q.checked_sub(1),
            None if forward => (0..count).find(|&q| on_screen(q, &self.doc) >= self.scroll),
            None => (0..count).rev().find(|&q| on_screen(q, &self.doc) < bottom),
        };
        match next {
            Some(q) => self.select_quote(q),
            None if forward => {
                self.say("no more quotes in this article (} goes on with the speaker)")
            }
            None => self.say("this is the first quote of the article"),
        }
    }

    /// Selects quote `q` of the open article and scrolls it into view; the sidebar turns
    /// to the Speakers tab with the quote's speaker selected.
    pub(super) fn select_quote(&mut self, q: usize) {
        self.quote = Some(q);
        self.focus = Focus::Article;
        if let Some(line) = self.doc.quote_line(q) {
            self.reveal_line(line);
        }
        let speaker = self.quote_ref().and_then(|at| self.corpus.speaker_of(at));
        let row = speaker.and_then(|id| self.speaker_rows.iter().position(|r| r.id == id));
        if let Some(row) = row {
            self.tab = Focus::Speakers;
            self.speaker_list.selected = row;
        }
    }

    /// The speaker `}` / `{` follow: the one selected in the Speakers tab when focused
    /// there, else the speaker of the selected quote.
    fn current_speaker(&self) -> Option<usize> {
        if self.focus == Focus::Speakers {
            return self
                .speaker_rows
                .get(self.speaker_list.selected)
                .map(|r| r.id);
        }
        self.corpus.speaker_of(self.quote_ref()?)
    }

    /// `}` / `{`: the next or previous quote, in corpus order, by the same speaker.
    pub(super) fn speaker_jump(&mut self, forward: bool) {
        let Some(id) = self.current_speaker() else {
            return self.say("select a quote first: ] and [ step through the quotes");
        };
        let target = (self.corpus).quote_of_speaker_from(id, self.quote_ref(), forward);
        match target {
            Some(target) => self.jump_to(target),
            None => {
                let which = if forward { "later" } else { "earlier" };
                let name = self.corpus.speakers()[id].name.clone();
                self.say(format!("no {which} quote by {name}"))
            }
        }
    }

    /// Opens the article of a quote and selects it; the start is kept for `Backspace`.
    pub(super) fn jump_to(&mut self, target: QuoteRef) {
        self.push_history();
        self.open_article(target.article);
        self.select_quote(target.quote);
        if !self.visible.contains(&target.article) {
            self.say("this article is outside the current filter");
        }
    }

    fn push_history(&mut self) {
        if let Some(article) = self.open {
            if self.history.len() == HISTORY_LIMIT {
                self.history.remove(0);
            }
            self.history.push(Location {
                article,
                anchor: self.doc.anchor(self.scroll),
                quote: self.quote,
                focus: self.focus,
            });
        }
    }

    /// `Backspace` / `Ctrl-o`: back to where the last jump started.
    pub(super) fn back(&mut self) {
        let Some(location) = self.history.pop() else {
            return self.say("no jump to go back from");
        };
        self.open_article(location.article);
        self.scroll = self.doc.line_at(location.anchor).min(self.max_scroll());
        self.quote = location.quote;
        self.focus = location.focus;
    }

    /// `n` / `N`: the next or previous search match, going on in the next listed article.
    pub(super) fn step_match(&mut self, forward: bool) {
        let Some(query) = self.search_query().map(str::to_string) else {
            return self.say("no search: press / to search");
        };
        let count = self.doc.matches.len();
        let bottom = self.scroll + self.article_height();
        let line = |m: usize| self.doc.match_line(m).unwrap_or(0);
        let next = match self.current_match {
            Some(m) if forward => (m + 1 < count).then_some(m + 1),
            Some(m) => m.checked_sub(1),
            None if forward => (0..count).find(|&m| line(m) >= self.scroll),
            None => (0..count).rev().find(|&m| line(m) < bottom),
        };
        if let Some(m) = next {
            return self.select_match(m);
        }
        let Some(row) = self.next_listed(forward) else {
            return self.say(format!("no match for {query:?}"));
        };
        self.open_article(self.visible[row]);
        match self.doc.matches.len() {
            0 => {}
            _ if forward => self.select_match(0),
            n => self.select_match(n - 1),
        }
    }

    /// The list row after (or before) the open article, wrapping around.
    fn next_listed(&mut self, forward: bool) -> Option<usize> {
        let len = self.visible.len();
        if len == 0 {
            return None;
        }
        let here = self
            .open
            .and_then(|o| self.visible.iter().position(|&i| i == o));
        Some(match (here, forward) {
            (Some(row), true) if row + 1 < len => row + 1,
            (Some(row), false) if row > 0 => row - 1,
            (_, true) => 0,
            (_, false) => len - 1,
        })
    }

    /// Selects match `m` of the open article and scrolls it into view.
    pub(super) fn select_match(&mut self, m: usize) {
        self.current_match = Some(m);
        self.focus = Focus::Article;
        if let Some(line) = self.doc.match_line(m) {
            self.reveal_line(line);
        }
    }

    pub(super) fn say(&mut self, message: impl Into<String>) {
        self.message = Some(message.into());
    }
}
