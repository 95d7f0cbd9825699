//! `AppState::update`: the one place an action changes the state. Movement acts on the
//! focused pane; `Enter` means what the focused pane offers; mouse events are resolved
//! against the same pane geometry the drawing uses.

use super::{Action, AppState, Focus, Overlay, geometry};
use crate::state_file::{Change, Flag};

impl AppState {
    /// Carries out one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..)) {
            self.message = None;
            self.resize_anchor = None;
        }
        match action {
            Action::Resize(width, height) => self.resize(width, height),
            Action::Quit => self.quit = true,
            _ if self.overlay.is_some() => self.overlay_action(action),
            _ => self.normal_action(action),
        }
        self.sync_view();
    }

    fn normal_action(&mut self, action: Action) {
        match action {
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::Top => self.move_by(isize::MIN),
            Action::Bottom => self.move_by(isize::MAX),
            Action::FocusNext => self.focus = self.focus.next(),
            Action::FocusPrev => self.focus = self.focus.prev(),
            Action::Activate => self.activate(),
            Action::NextQuote => self.step_quote(true),
            Action::PrevQuote => self.step_quote(false),
            Action::NextBySpeaker => self.speaker_jump(true),
            Action::PrevBySpeaker => self.speaker_jump(false),
            Action::Back => self.back(),
            Action::CountryPrompt => self.open_country_prompt(),
            Action::ClearFilters => self.clear_filters(),
            Action::Search => self.open_search_prompt(),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::ToggleRead => self.toggle_flag(Flag::Read),
            Action::ToggleBookmark => self.toggle_flag(Flag::Bookmark),
            Action::Help => self.overlay = Some(Overlay::Help(0)),
            Action::Quit => self.quit = true,
            Action::Close => self.quote = None,
            Action::Click(x, y) => self.click(x, y),
            Action::Wheel(x, y, down) => self.wheel(x, y, down),
            Action::Input(_) | Action::DeleteChar | Action::ClearInput | Action::Resize(..) => {}
        }
    }

    /// Rows a page moves in the focused pane.
    fn page(&self) -> usize {
        let panes = geometry::panes(self.size, self.focus);
        let rows = match self.focus {
            Focus::List => panes.list.map(geometry::inner),
            Focus::Article => return self.article_height().saturating_sub(1).max(1),
            Focus::Countries | Focus::Speakers => panes.sidebar.map(geometry::sidebar_rows),
        };
        usize::from(rows.unwrap_or_default().height.max(1))
    }

    /// Moves the focused pane's selection (or the article) by `delta` rows; `isize::MIN`
    /// and `isize::MAX` go to the top and bottom.
    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Focus::Article => match delta {
                isize::MIN => self.scroll = 0,
                isize::MAX => self.scroll = self.max_scroll(),
                _ => self.scroll_by(delta),
            },
            Focus::List => {
                let len = self.visible.len();
                self.list.step(delta, len);
                if let Some(&index) = self.visible.get(self.list.selected) {
                    self.open_article(index);
                }
            }
            Focus::Countries => self.country_list.step(delta, self.country_rows.len()),
            Focus::Speakers => self.speaker_list.step(delta, self.speaker_rows.len()),
        }
    }

    /// `Enter`: what the focused pane offers.
    fn activate(&mut self) {
        match self.focus {
            Focus::List => {
                if let Some(&index) = self.visible.get(self.list.selected) {
                    self.open_article(index);
                    self.focus = Focus::Article;
                }
            }
            Focus::Article => {
                let speaker = self.quote_ref().and_then(|at| self.corpus.speaker_of(at));
                match speaker {
                    Some(id) => self.open_quote_list(id),
                    None => self.say("select a quote with ] to see all quotes of its speaker"),
                }
            }
            Focus::Countries => {
                if let Some(code) = self.country_rows.get(self.country_list.selected) {
                    let code = code.code.clone();
                    self.toggle_country(&code);
                }
            }
            Focus::Speakers => {
                if let Some(id) = self
                    .speaker_rows
                    .get(self.speaker_list.selected)
                    .map(|r| r.id)
                {
                    self.open_quote_list(id);
                }
            }
        }
    }

    fn toggle_flag(&mut self, flag: Flag) {
        let Some(hash) = self.open.and_then(|i| self.hashes.get(i).copied()) else {
            return self.say("no article is open");
        };
        let change = Change {
            hash,
            flag,
            set: !self.marks.has(hash, flag),
        };
        self.marks.apply(change);
        self.mark_changes.push(change);
        self.say(match (flag, change.set) {
            (Flag::Read, true) => "marked read",
            (Flag::Read, false) => "marked unread",
            (Flag::Bookmark, true) => "bookmarked",
            (Flag::Bookmark, false) => "bookmark removed",
        });
    }

    /// A new terminal size: the article is wrapped again at the same reading position.
    fn resize(&mut self, width: u16, height: u16) {
        self.size.width = width;
        self.size.height = height;
        let anchor = self
            .resize_anchor
            .unwrap_or_else(|| self.doc.anchor(self.scroll));
        if self.article_width() != self.doc.width {
            self.doc.wrap(self.article_width());
        }
        let wanted = self.doc.line_at(anchor);
        self.scroll = wanted.min(self.max_scroll());
        self.resize_anchor = (wanted > self.scroll).then_some(anchor);
    }

    /// Which pane a screen cell is in, with the pane's rectangle.
    fn pane_at(&self, x: u16, y: u16) -> Option<(Focus, ratatui::layout::Rect)> {
        let panes = geometry::panes(self.size, self.focus);
        let hit = |r: Option<ratatui::layout::Rect>| r.filter(|r| r.contains((x, y).into()));
        if let Some(r) = hit(panes.list) {
            return Some((Focus::List, r));
        }
        if let Some(r) = hit(panes.article) {
            return Some((Focus::Article, r));
        }
        let r = hit(panes.sidebar)?;
        Some((self.tab, r))
    }

    /// A click focuses the pane under it and selects the row under it.
    fn click(&mut self, x: u16, y: u16) {
        let Some((focus, pane)) = self.pane_at(x, y) else {
            return;
        };
        self.focus = focus;
        let rows = match focus {
            Focus::List => geometry::inner(pane),
            Focus::Article => return,
            Focus::Countries | Focus::Speakers => geometry::sidebar_rows(pane),
        };
        if y + 1 == rows.y && matches!(focus, Focus::Countries | Focus::Speakers) {
            let left_half = x < pane.x + pane.width / 2;
            self.focus = if left_half {
                Focus::Countries
            } else {
                Focus::Speakers
            };
            return;
        }
        if !rows.contains((x, y).into()) {
            return;
        }
        let row = usize::from(y - rows.y);
        match focus {
            Focus::List => {
                let target = self.list.offset + row;
                if let Some(&index) = self.visible.get(target) {
                    self.open_article(index);
                }
            }
            Focus::Countries if self.country_list.offset + row < self.country_rows.len() => {
                self.country_list.selected = self.country_list.offset + row;
            }
            Focus::Speakers if self.speaker_list.offset + row < self.speaker_rows.len() => {
                self.speaker_list.selected = self.speaker_list.offset + row;
            }
            _ => {}
        }
    }

    /// The wheel scrolls the pane under the mouse, three rows at a time.
    fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let delta = if down { 3 } else { -3 };
        match self.pane_at(x, y) {
            Some((Focus::Article, _)) | None => self.scroll_by(delta),
            Some((focus, _)) => {
                let keep = self.focus;
                self.focus = focus;
                self.move_by(delta);
                self.focus = if focus == Focus::List {
                    Focus::List
                } else {
                    keep
                };
            }
        }
    }

    /// Keeps every selection in range and on screen after any change.
    pub(super) fn sync_view(&mut self) {
        if matches!(self.focus, Focus::Countries | Focus::Speakers) {
            self.tab = self.focus;
        }
        let panes = |focus| geometry::panes(self.size, focus);
        let list_rows = panes(Focus::List).list.map(geometry::inner);
        let side_rows = panes(Focus::Countries).sidebar.map(geometry::sidebar_rows);
        let height = |r: Option<ratatui::layout::Rect>| usize::from(r.unwrap_or_default().height);
        let (list_h, side_h) = (height(list_rows), height(side_rows));
        self.list.fit(self.visible.len(), list_h);
        self.country_list.fit(self.country_rows.len(), side_h);
        self.speaker_list.fit(self.speaker_rows.len(), side_h);
        self.scroll = self.scroll.min(self.max_scroll());
        let size = self.size;
        let shown = |len: usize| usize::from(geometry::popup_list(size, len).height);
        match &mut self.overlay {
            Some(Overlay::Countries(prompt)) => {
                let len = prompt.choices.len();
                prompt.list.fit(len, shown(len));
            }
            Some(Overlay::Quotes(list)) => {
                let len = self
                    .corpus
                    .speakers()
                    .get(list.speaker)
                    .map_or(0, |s| s.quotes.len());
                list.list.fit(len, shown(len));
            }
            Some(Overlay::Help(top)) => {
                let width = usize::from(geometry::popup_list(size, 0).width);
                let len = crate::keys::help_lines(width).len();
                *top = (*top).min(len.saturating_sub(shown(len)));
            }
            Some(Overlay::Search(_)) | None => {}
        }
    }
}
