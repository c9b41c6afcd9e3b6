//! Where each part of the screen goes for a terminal size; shared by drawing and by the update
//! step (which scrolls and maps mouse clicks with the same rectangles).

use ratatui::layout::{Constraint, Direction, Layout, Rect};

/// Below this width the claims panel goes under the article instead of beside it.
pub const SIDE_BY_SIDE_MIN_WIDTH: u16 = 100;
/// The smallest terminal the reader draws in; smaller ones get a short message.
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 10;
/// Columns at the left of the article for claim marks.
pub const GUTTER: u16 = 2;

/// The rectangles of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    /// The article with its border.
    pub article: Rect,
    /// The column of claim marks, inside the border.
    pub gutter: Rect,
    /// The wrapped text, inside the border and right of the gutter.
    pub text: Rect,
    /// The overview scrollbar, on the article's right border.
    pub scrollbar: Rect,
    /// The claims panel with its border.
    pub panel: Rect,
    /// The claims list, inside the border.
    pub panel_inner: Rect,
    /// The status bar, the bottom row.
    pub status: Rect,
}

/// The layout for a terminal of `size`, or `None` when it is too small to use.
pub fn areas(size: Rect) -> Option<Areas> {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return None;
    }
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(size);
    let direction = if size.width >= SIDE_BY_SIDE_MIN_WIDTH {
        Direction::Horizontal
    } else {
        Direction::Vertical
    };
    let [article, panel] = Layout::default()
        .direction(direction)
        .constraints([Constraint::Percentage(60), Constraint::Percentage(40)])
        .areas(main);
    let inner = inset(article);
    let gutter = Rect {
        width: GUTTER.min(inner.width),
        ..inner
    };
    let text = Rect {
        x: inner.x + gutter.width,
        width: inner.width.saturating_sub(gutter.width),
        ..inner
    };
    let scrollbar = Rect {
        x: article.right().saturating_sub(1),
        y: inner.y,
        width: 1,
        height: inner.height,
    };
    Some(Areas {
        article,
        gutter,
        text,
        scrollbar,
        panel,
        panel_inner: inset(panel),
        status,
    })
}

/// The inside of a one-cell border.
fn inset(rect: Rect) -> Rect {
    Rect {
        x: rect.x + 1,
        y: rect.y + 1,
        width: rect.width.saturating_sub(2),
        height: rect.height.saturating_sub(2),
    }
}

/// A rectangle of at most `width` x `height` centred in `area`, for pop-ups.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminal_puts_panel_beside() {
        let a = areas(Rect::new(0, 0, 120, 40)).expect("usable");
        assert_eq!(a.article.width, 72);
        assert_eq!(a.panel.x, 72);
        assert_eq!(a.status, Rect::new(0, 39, 120, 1));
        assert_eq!(a.text.width, 72 - 2 - GUTTER);
    }

    #[test]
    fn narrow_terminal_puts_panel_below() {
        let a = areas(Rect::new(0, 0, 80, 40)).expect("usable");
        assert_eq!(a.article.width, 80);
        assert!(a.panel.y > a.article.y);
    }

    #[test]
    fn tiny_terminal_is_refused() {
        assert_eq!(areas(Rect::new(0, 0, 20, 5)), None);
    }
}
