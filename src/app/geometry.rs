//! Where the panes go for a terminal size: pure geometry that both the state (to know
//! page sizes, the wrap width and what a click hits) and the drawing use, so the two
//! can never disagree. Three panes on wide terminals; the sidebar folds away first,
//! then only the focused pane is shown.

use ratatui::layout::Rect;

use super::Focus;

/// From this width on, list, article and sidebar sit side by side.
pub const THREE_PANES: u16 = 110;
/// From this width on, two panes: the list (or the sidebar when focused) and the article.
pub const TWO_PANES: u16 = 64;
/// The sidebar's width when all three panes show.
pub const SIDEBAR_WIDTH: u16 = 28;
/// The sidebar's width on terminals of 140 columns and more.
pub const SIDEBAR_WIDE: u16 = 34;

/// The rectangles of one screen; a pane that is folded away is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub list: Option<Rect>,
    pub article: Option<Rect>,
    pub sidebar: Option<Rect>,
    pub status: Rect,
}

/// Splits the screen for the focused pane.
pub fn panes(area: Rect, focus: Focus) -> Panes {
    let status_height = area.height.min(1);
    let body = Rect {
        height: area.height - status_height,
        ..area
    };
    let status = Rect {
        y: area.y + body.height,
        height: status_height,
        ..area
    };
    let sidebar_focused = matches!(focus, Focus::Countries | Focus::Speakers);
    let mut panes = Panes {
        list: None,
        article: None,
        sidebar: None,
        status,
    };
    if area.width >= THREE_PANES {
        let list_width = (area.width * 27 / 100).clamp(24, 48);
        let sidebar_width = if area.width >= 140 {
            SIDEBAR_WIDE
        } else {
            SIDEBAR_WIDTH
        };
        let [list, article, sidebar] = split3(body, list_width, sidebar_width);
        panes.list = Some(list);
        panes.article = Some(article);
        panes.sidebar = Some(sidebar);
    } else if area.width >= TWO_PANES {
        let side_width = (area.width * 36 / 100).clamp(22, 40);
        let [side, article, _] = split3(body, side_width, 0);
        if sidebar_focused {
            panes.sidebar = Some(side);
        } else {
            panes.list = Some(side);
        }
        panes.article = Some(article);
    } else {
        match focus {
            Focus::List => panes.list = Some(body),
            Focus::Article => panes.article = Some(body),
            Focus::Countries | Focus::Speakers => panes.sidebar = Some(body),
        }
    }
    panes
}

fn split3(area: Rect, left: u16, right: u16) -> [Rect; 3] {
    let left = left.min(area.width);
    let right = right.min(area.width - left);
    let middle = area.width - left - right;
    [
        Rect {
            width: left,
            ..area
        },
        Rect {
            x: area.x + left,
            width: middle,
            ..area
        },
        Rect {
            x: area.x + left + middle,
            width: right,
            ..area
        },
    ]
}

/// Inside a pane's border.
pub fn inner(pane: Rect) -> Rect {
    Rect {
        x: pane.x.saturating_add(1),
        y: pane.y.saturating_add(1),
        width: pane.width.saturating_sub(2),
        height: pane.height.saturating_sub(2),
    }
}

/// Where the article's text goes: inside the border, one column of margin each side
/// (the scrollbar sits on the right border).
pub fn article_text(pane: Rect) -> Rect {
    let inner = inner(pane);
    Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

/// The sidebar's rows below its tab line.
pub fn sidebar_rows(pane: Rect) -> Rect {
    let inner = inner(pane);
    Rect {
        y: inner.y.saturating_add(1),
        height: inner.height.saturating_sub(1),
        ..inner
    }
}

/// The article pane for `size` as it is when the article is shown: the width text is
/// wrapped to even while a narrow terminal shows another pane.
pub fn article_when_shown(size: Rect) -> Rect {
    panes(size, Focus::Article).article.unwrap_or_default()
}

/// A centred box for overlays: at most `width` x `height`, never outside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// The box an overlay with `rows` list rows opens in: as tall as its rows need (plus
/// border and one header line), at most most of the screen, leaving the panes' edges
/// visible.
pub fn popup(area: Rect, rows: usize) -> Rect {
    // Narrow terminals need the columns more than the margin.
    let margin_x = if area.width < 100 { 2 } else { area.width / 10 };
    let margin_x = margin_x.max(1).min(area.width / 2);
    let margin_y = (area.height / 8).max(1).min(area.height / 2);
    let most = area.height - 2 * margin_y;
    let wanted = u16::try_from(rows.saturating_add(3)).unwrap_or(u16::MAX);
    let height = most.min(wanted.max(5));
    Rect {
        x: area.x + margin_x,
        y: area.y + margin_y,
        width: area.width - 2 * margin_x,
        height,
    }
}

/// The list rows of an overlay: inside the popup's border, below its one header line.
pub fn popup_list(area: Rect, rows: usize) -> Rect {
    let inner = inner(popup(area, rows));
    Rect {
        y: inner.y.saturating_add(1),
        height: inner.height.saturating_sub(1),
        ..inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidebar_folds_first_then_single_pane() {
        let wide = panes(Rect::new(0, 0, 120, 40), Focus::List);
        assert!(wide.list.is_some() && wide.article.is_some() && wide.sidebar.is_some());
        let medium = panes(Rect::new(0, 0, 80, 24), Focus::List);
        assert!(medium.list.is_some() && medium.article.is_some() && medium.sidebar.is_none());
        let narrow = panes(Rect::new(0, 0, 50, 15), Focus::Article);
        assert!(narrow.list.is_none() && narrow.article.is_some());
    }

    #[test]
    fn tiny_sizes_give_empty_rects_not_panics() {
        for w in 0..4 {
            for h in 0..4 {
                for focus in [Focus::List, Focus::Article, Focus::Countries] {
                    let p = panes(Rect::new(0, 0, w, h), focus);
                    let _ = article_text(p.article.unwrap_or_default());
                    let _ = sidebar_rows(p.sidebar.unwrap_or_default());
                }
            }
        }
    }
}
