//! What opens over the panes and takes the keys while open: the key help, the country
//! prompt (type to narrow, `Enter` toggles, several countries allowed), the search
//! prompt (incremental) and a speaker's list of quotes.

use super::{Action, AppState, Scroller};

/// The open overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The key table; the value is its first row on screen.
    Help(usize),
    Countries(CountryPrompt),
    Search(SearchPrompt),
    Quotes(QuoteList),
}

/// The country filter prompt.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CountryPrompt {
    pub input: String,
    /// The countries that fit the input, best first.
    pub choices: Vec<CountryChoice>,
    pub list: Scroller,
}

/// A country offered by the prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryChoice {
    pub code: String,
    /// The German short name.
    pub name: String,
    /// The English short name.
    pub name_en: String,
    /// Articles in the whole corpus that mention it.
    pub articles: usize,
    /// Part of the active filter.
    pub active: bool,
}

/// The search prompt: what is typed, and the search to return to on `Esc`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchPrompt {
    pub input: String,
    pub previous: Option<String>,
}

/// All quotes of one speaker across the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteList {
    /// Index into the corpus's speakers.
    pub speaker: usize,
    pub list: Scroller,
}

impl AppState {
    pub(super) fn open_country_prompt(&mut self) {
        let prompt = CountryPrompt {
            choices: self.country_choices(""),
            ..CountryPrompt::default()
        };
        self.overlay = Some(Overlay::Countries(prompt));
    }

    pub(super) fn open_search_prompt(&mut self) {
        let previous = self.search_query().map(str::to_string);
        self.overlay = Some(Overlay::Search(SearchPrompt {
            input: previous.clone().unwrap_or_default(),
            previous,
        }));
    }

    pub(super) fn open_quote_list(&mut self, speaker: usize) {
        if self.corpus.speakers().get(speaker).is_some() {
            self.overlay = Some(Overlay::Quotes(QuoteList {
                speaker,
                list: Scroller::default(),
            }));
        }
    }

    /// Carries out an action while an overlay is open.
    pub(super) fn overlay_action(&mut self, action: Action) {
        let Some(overlay) = self.overlay.take() else {
            return;
        };
        self.overlay = match overlay {
            Overlay::Help(top) => help_action(top, action).map(Overlay::Help),
            Overlay::Countries(prompt) => self.country_action(prompt, action),
            Overlay::Search(prompt) => self.search_action(prompt, action),
            Overlay::Quotes(list) => self.quote_list_action(list, action),
        };
    }

    fn country_action(&mut self, mut prompt: CountryPrompt, action: Action) -> Option<Overlay> {
        let len = prompt.choices.len();
        match action {
            Action::Close | Action::Quit => return None,
            Action::Input(c) => prompt.input.push(c),
            Action::DeleteChar => drop(prompt.input.pop()),
            Action::ClearInput => prompt.input.clear(),
            Action::Activate => match prompt.choices.get(prompt.list.selected) {
                Some(choice) => {
                    let code = choice.code.clone();
                    self.toggle_country(&code);
                    prompt.input.clear();
                }
                None => return None,
            },
            other => {
                step(&mut prompt.list, other, len);
                return Some(Overlay::Countries(prompt));
            }
        }
        prompt.choices = self.country_choices(&prompt.input);
        prompt.list = Scroller::default();
        Some(Overlay::Countries(prompt))
    }

    fn search_action(&mut self, mut prompt: SearchPrompt, action: Action) -> Option<Overlay> {
        match action {
            Action::Input(c) => prompt.input.push(c),
            Action::DeleteChar => drop(prompt.input.pop()),
            Action::ClearInput => prompt.input.clear(),
            Action::Activate => return None,
            Action::Close | Action::Quit => {
                self.set_search(prompt.previous.as_deref().unwrap_or(""));
                return None;
            }
            _ => return Some(Overlay::Search(prompt)),
        }
        self.set_search(&prompt.input);
        Some(Overlay::Search(prompt))
    }

    fn quote_list_action(&mut self, mut list: QuoteList, action: Action) -> Option<Overlay> {
        let quotes = self.corpus.speakers().get(list.speaker)?.quotes.clone();
        match action {
            Action::Close | Action::Quit | Action::Back => None,
            Action::Activate => {
                if let Some(&target) = quotes.get(list.list.selected) {
                    self.jump_to(target);
                }
                None
            }
            other => {
                step(&mut list.list, other, quotes.len());
                Some(Overlay::Quotes(list))
            }
        }
    }
}

/// Moves a list selection for a movement action.
pub(super) fn step(list: &mut Scroller, action: Action, len: usize) {
    const PAGE: isize = 10;
    match action {
        Action::Up => list.step(-1, len),
        Action::Down => list.step(1, len),
        Action::PageUp => list.step(-PAGE, len),
        Action::PageDown => list.step(PAGE, len),
        Action::Top => list.selected = 0,
        Action::Bottom => list.selected = len.saturating_sub(1),
        _ => {}
    }
}

fn help_action(top: usize, action: Action) -> Option<usize> {
    match action {
        Action::Up => Some(top.saturating_sub(1)),
        Action::Down => Some(top + 1),
        Action::PageUp => Some(top.saturating_sub(10)),
        Action::PageDown => Some(top + 10),
        Action::Top => Some(0),
        Action::Bottom => Some(usize::MAX),
        _ => None,
    }
}
