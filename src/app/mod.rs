//! The reader's state and every change to it: the corpus, the filter and search, the
//! list, the open article laid out for its pane, quotes, jump history, marks and the
//! open overlay. No terminal and no I/O here: [`AppState::update`] takes an [`Action`],
//! [`AppState::receive`] takes loaded articles, and drawing only reads the result.

mod action;
mod choices;
mod doc;
mod doc_build;
mod doc_quotes;
mod filter;
pub mod geometry;
mod jump;
mod overlay;
mod tally;
mod update;
mod wrap;

use ratatui::layout::Rect;

pub use action::Action;
pub use doc::country_mentions;
pub use doc::{Anchor, Block, BlockKind, Doc, DocLine, Highlight, MentionFinder, Span};
pub use overlay::{CountryChoice, CountryPrompt, Overlay, QuoteList, SearchPrompt};
pub use wrap::wrap_ranges;

use crate::corpus::{Corpus, QuoteRef};
use crate::extract::countries::{self, CountryCode};
use crate::model::Article;
use crate::search::Searcher;
use crate::state_file::{self, Change, Flag, Marks};

/// The pane that keys act on. The sidebar's two tabs are two stops of the focus cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Article,
    Countries,
    Speakers,
}

impl Focus {
    fn next(self) -> Focus {
        match self {
            Focus::List => Focus::Article,
            Focus::Article => Focus::Countries,
            Focus::Countries => Focus::Speakers,
            Focus::Speakers => Focus::List,
        }
    }

    fn prev(self) -> Focus {
        match self {
            Focus::List => Focus::Speakers,
            Focus::Article => Focus::List,
            Focus::Countries => Focus::Article,
            Focus::Speakers => Focus::Countries,
        }
    }
}

/// A selection in a list of rows and the first row on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Scroller {
    pub selected: usize,
    pub offset: usize,
}

impl Scroller {
    /// Moves the selection by `delta` rows, staying inside `len` rows.
    pub fn step(&mut self, delta: isize, len: usize) {
        let target = self.selected.saturating_add_signed(delta);
        self.selected = target.min(len.saturating_sub(1));
    }

    /// Keeps the selection inside `len` rows and on screen in `height` rows.
    pub fn fit(&mut self, len: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}

/// A country in the sidebar: how many of the listed articles mention it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryRow {
    pub code: String,
    pub name: String,
    pub articles: usize,
    pub mentions: u64,
    /// Part of the active filter.
    pub active: bool,
}

/// A speaker in the sidebar: their quotes in the listed articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerRow {
    /// Index into [`Corpus::speakers`].
    pub id: usize,
    pub quotes: usize,
    pub articles: usize,
}

/// Loaded articles arriving from the background loader, in file order.
#[derive(Debug, Default)]
pub struct LoadUpdate {
    pub articles: Vec<Article>,
    /// [`state_file::content_hash`] of each article (computed by the loader).
    pub hashes: Vec<u64>,
    /// Files or records that could not be loaded, each with its reason.
    pub errors: Vec<String>,
    pub files_done: usize,
    pub files_total: usize,
    pub finished: bool,
}

/// How far loading has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    pub files_done: usize,
    pub files_total: usize,
    pub finished: bool,
}

/// Where a jump started: enough to come back to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub article: usize,
    pub anchor: Anchor,
    pub quote: Option<usize>,
    pub focus: Focus,
}

/// Everything the reader shows and remembers.
#[derive(Debug)]
pub struct AppState {
    corpus: Corpus,
    hashes: Vec<u64>,
    marks: Marks,
    mark_changes: Vec<Change>,
    focus: Focus,
    overlay: Option<Overlay>,
    /// The active country filter (codes, in the order chosen).
    countries: Vec<String>,
    search: Option<Searcher>,
    /// Per corpus article: does it match the search.
    search_hits: Vec<bool>,
    /// Hits of recent queries (lowercased), so that deleting a typed character is instant.
    search_cache: Vec<(String, Vec<bool>)>,
    /// Corpus indexes of the listed articles, in list order.
    visible: Vec<usize>,
    list: Scroller,
    open: Option<usize>,
    doc: Doc,
    scroll: usize,
    /// The reading position a resize could not scroll to (the text got shorter); kept
    /// so that the next resize can return to it.
    resize_anchor: Option<Anchor>,
    quote: Option<usize>,
    current_match: Option<usize>,
    history: Vec<Location>,
    country_rows: Vec<CountryRow>,
    speaker_rows: Vec<SpeakerRow>,
    /// Running counts over the listed articles, for the sidebar.
    tally: tally::Tally,
    /// How many listed articles the sidebar's rows were last sorted with.
    sorted_at: usize,
    country_list: Scroller,
    speaker_list: Scroller,
    /// The sidebar tab shown: the last one focused.
    tab: Focus,
    size: Rect,
    progress: Progress,
    load_errors: Vec<String>,
    message: Option<String>,
    quit: bool,
    no_color: bool,
    mentions: MentionFinder,
}

impl AppState {
    /// An empty reader for a terminal of `width` x `height`, waiting for articles.
    pub fn new(width: u16, height: u16) -> AppState {
        AppState {
            corpus: Corpus::default(),
            hashes: Vec::new(),
            marks: Marks::default(),
            mark_changes: Vec::new(),
            focus: Focus::List,
            overlay: None,
            countries: Vec::new(),
            search: None,
            search_hits: Vec::new(),
            search_cache: Vec::new(),
            visible: Vec::new(),
            list: Scroller::default(),
            open: None,
            doc: Doc::default(),
            scroll: 0,
            resize_anchor: None,
            quote: None,
            current_match: None,
            history: Vec::new(),
            country_rows: Vec::new(),
            speaker_rows: Vec::new(),
            tally: tally::Tally::default(),
            sorted_at: 0,
            country_list: Scroller::default(),
            speaker_list: Scroller::default(),
            tab: Focus::Countries,
            size: Rect::new(0, 0, width, height),
            progress: Progress::default(),
            load_errors: Vec::new(),
            message: None,
            quit: false,
            no_color: false,
            mentions: country_mentions,
        }
    }

    /// A reader over `articles`, fully loaded (tests, benches).
    pub fn with_articles(articles: Vec<Article>, width: u16, height: u16) -> AppState {
        let mut state = AppState::new(width, height);
        let hashes = articles.iter().map(state_file::content_hash).collect();
        let total = articles.len();
        state.receive(LoadUpdate {
            articles,
            hashes,
            errors: Vec::new(),
            files_done: total,
            files_total: total,
            finished: true,
        });
        state
    }

    /// Replaces how country mentions are found for highlighting (tests use a stand-in
    /// while the extractor is elsewhere); lays out the open article again.
    pub fn set_mention_finder(&mut self, finder: MentionFinder) {
        self.mentions = finder;
        self.rebuild_doc();
    }

    /// Draw without colours (`NO_COLOR`).
    pub fn set_no_color(&mut self, no_color: bool) {
        self.no_color = no_color;
    }

    /// Takes in a batch of loaded articles.
    pub fn receive(&mut self, update: LoadUpdate) {
        let first = self.corpus.len();
        for (i, article) in update.articles.iter().enumerate() {
            let hash = update.hashes.get(i).copied();
            self.hashes
                .push(hash.unwrap_or_else(|| state_file::content_hash(article)));
        }
        self.corpus.extend(update.articles);
        self.load_errors.extend(update.errors);
        self.progress = Progress {
            files_done: update.files_done,
            files_total: update.files_total,
            finished: update.finished,
        };
        self.search_cache.clear();
        if let Some(search) = &self.search {
            let new: Vec<usize> = (first..self.corpus.len()).collect();
            self.search_hits.resize(self.corpus.len(), false);
            for i in search.filter(self.corpus.articles(), &new) {
                self.search_hits[i] = true;
            }
        }
        if self.corpus.len() > first || update.finished {
            self.list_arrivals(first, update.finished);
        }
        self.sync_view();
    }

    /// The marks loaded from or merged on disk; `notice` tells of a file moved aside.
    pub fn set_marks(&mut self, marks: Marks, notice: Option<String>) {
        self.marks = marks;
        if notice.is_some() {
            self.message = notice;
        }
    }

    /// The mark changes made since the last call, for the caller to write.
    pub fn take_mark_changes(&mut self) -> Vec<Change> {
        std::mem::take(&mut self.mark_changes)
    }

    /// Shows a message in the status line until the next key.
    pub fn show_message(&mut self, message: impl Into<String>) {
        self.message = Some(message.into());
    }

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }
    pub fn focus(&self) -> Focus {
        self.focus
    }
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }
    /// Corpus indexes of the listed articles, in list order.
    pub fn visible(&self) -> &[usize] {
        &self.visible
    }
    pub fn list(&self) -> Scroller {
        self.list
    }
    /// The corpus index of the article on screen.
    pub fn open(&self) -> Option<usize> {
        self.open
    }
    pub fn article(&self) -> Option<&Article> {
        self.open.and_then(|i| self.corpus.articles().get(i))
    }
    pub fn doc(&self) -> &Doc {
        &self.doc
    }
    /// The article's first line on screen.
    pub fn scroll(&self) -> usize {
        self.scroll
    }
    /// The selected quote of the open article.
    /// The selected quote of the open article as a corpus-wide reference.
    pub fn quote_ref(&self) -> Option<QuoteRef> {
        let (article, quote) = self.open.zip(self.quote)?;
        Some(QuoteRef { article, quote })
    }
    pub fn quote(&self) -> Option<usize> {
        self.quote
    }
    pub fn current_match(&self) -> Option<usize> {
        self.current_match
    }
    pub fn filter_countries(&self) -> &[String] {
        &self.countries
    }
    pub fn search_query(&self) -> Option<&str> {
        self.search.as_ref().map(Searcher::query)
    }
    pub fn searcher(&self) -> Option<&Searcher> {
        self.search.as_ref()
    }
    pub fn country_rows(&self) -> &[CountryRow] {
        &self.country_rows
    }
    pub fn speaker_rows(&self) -> &[SpeakerRow] {
        &self.speaker_rows
    }
    pub fn country_list(&self) -> Scroller {
        self.country_list
    }
    pub fn speaker_list(&self) -> Scroller {
        self.speaker_list
    }
    /// The sidebar tab on show: [`Focus::Countries`] or [`Focus::Speakers`].
    pub fn sidebar_tab(&self) -> Focus {
        self.tab
    }
    /// The German name of a country code, from the gazetteer.
    pub fn country_name(&self, code: &str) -> Option<&'static str> {
        let code = CountryCode(code.as_bytes().try_into().ok()?);
        countries::country(code).map(|c| c.name_de.as_str())
    }
    pub fn history(&self) -> &[Location] {
        &self.history
    }
    pub fn size(&self) -> Rect {
        self.size
    }
    pub fn progress(&self) -> Progress {
        self.progress
    }
    pub fn load_errors(&self) -> &[String] {
        &self.load_errors
    }
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
    pub fn should_quit(&self) -> bool {
        self.quit
    }
    pub fn no_color(&self) -> bool {
        self.no_color
    }
    /// Whether corpus article `index` carries a mark.
    pub fn has_mark(&self, index: usize, flag: Flag) -> bool {
        self.hashes
            .get(index)
            .is_some_and(|&h| self.marks.has(h, flag))
    }
    /// The content hash of corpus article `index`.
    pub fn hash(&self, index: usize) -> Option<u64> {
        self.hashes.get(index).copied()
    }
}
