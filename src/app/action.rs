//! Every user intent the reader understands, independent of the key that asks for it.

/// One user intent; [`super::AppState::update`] is the single place that carries it out.
/// What an action does can depend on the focused pane or the open overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move up one row in the focused pane, or scroll the article up a line.
    Up,
    /// Move down one row in the focused pane, or scroll the article down a line.
    Down,
    /// Move or scroll up one page.
    PageUp,
    /// Move or scroll down one page.
    PageDown,
    /// Go to the first row, or the top of the article.
    Top,
    /// Go to the last row, or the end of the article.
    Bottom,
    /// Focus the next pane (list, article, countries, speakers).
    FocusNext,
    /// Focus the previous pane.
    FocusPrev,
    /// Open the selected article, toggle the selected country, open a speaker's quotes,
    /// or confirm a prompt.
    Activate,
    /// Select the next quote in the article and scroll it into view.
    NextQuote,
    /// Select the previous quote in the article.
    PrevQuote,
    /// Go to the next quote by the same speaker anywhere in the corpus.
    NextBySpeaker,
    /// Go to the previous quote by the same speaker anywhere in the corpus.
    PrevBySpeaker,
    /// Return to where the last jump started.
    Back,
    /// Open the country filter prompt.
    CountryPrompt,
    /// Clear the country filter and the search.
    ClearFilters,
    /// Open the search prompt.
    Search,
    /// Go to the next search match (continuing in the next article).
    NextMatch,
    /// Go to the previous search match.
    PrevMatch,
    /// Mark the open article read, or unread again.
    ToggleRead,
    /// Bookmark the open article, or remove the bookmark.
    ToggleBookmark,
    /// Show or hide the key help.
    Help,
    /// Leave the reader.
    Quit,
    /// Close the open prompt or overlay (cancelling a search being typed).
    Close,
    /// Type a character into the open prompt.
    Input(char),
    /// Delete the last character of the prompt's input.
    DeleteChar,
    /// Clear the prompt's input.
    ClearInput,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A mouse click at a column and row.
    Click(u16, u16),
    /// A mouse wheel turn at a column and row; `true` scrolls down.
    Wheel(u16, u16, bool),
}
