//! Where each part of the review screen goes for a terminal size, and which rows of a table
//! show: shared by the drawing and by the update step, which maps a mouse click to a row with
//! the same rectangles, so a click lands on the row that was drawn there.

use ratatui::layout::{Constraint, Layout, Rect};

/// The smallest terminal the review screen draws in; smaller ones get a short message.
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 8;

/// The rectangles of the review screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    /// The top line: the folder and the views.
    pub header: Rect,
    /// Between the header and the status line: a view.
    pub body: Rect,
    /// The reports table with its border (the body less the total row under it).
    pub reports: Rect,
    /// The total row under the reports table.
    pub total: Rect,
    /// The status line, the bottom row.
    pub status: Rect,
}

/// The layout for a terminal of `size`, or `None` when it is too small to use.
pub fn areas(size: Rect) -> Option<Areas> {
    if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
        return None;
    }
    let [header, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(size);
    let [reports, total] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(body);
    Some(Areas {
        header,
        body,
        reports,
        total,
        status,
    })
}

/// Where the rows of a bordered table with a one-line header go: inside the border, under the
/// header.
pub fn rows_of(table: Rect) -> Rect {
    Rect {
        x: table.x.saturating_add(1),
        y: table.y.saturating_add(2),
        width: table.width.saturating_sub(2),
        height: table.height.saturating_sub(3),
    }
}

/// The first row shown of a list, `height` rows at a time, that showed from row `top` and whose
/// row `selected` is now selected: the same rows while the selection is among them, else just
/// enough of a scroll to bring it in at the top or the bottom. The table is drawn from this row
/// (as ratatui's own table state would scroll it), and clicks are counted from it. A list of
/// `len` rows that shrank (a filter) scrolls back so that no row that would fit is left out.
pub fn first_row(top: usize, selected: usize, height: u16, len: usize) -> usize {
    let height = usize::from(height.max(1));
    let top = if selected < top {
        selected
    } else if selected >= top + height {
        selected + 1 - height
    } else {
        top
    };
    top.min(len.saturating_sub(height))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_sit_under_the_border_and_the_header() {
        let areas = areas(Rect::new(0, 0, 80, 12)).expect("big enough");
        assert_eq!(areas.header, Rect::new(0, 0, 80, 1));
        assert_eq!(areas.reports, Rect::new(0, 1, 80, 9));
        assert_eq!(areas.total, Rect::new(0, 10, 80, 1));
        assert_eq!(areas.status, Rect::new(0, 11, 80, 1));
        assert_eq!(rows_of(areas.reports), Rect::new(1, 3, 78, 6));
        assert_eq!(super::areas(Rect::new(0, 0, 39, 12)), None);
    }

    #[test]
    fn the_list_scrolls_only_when_the_selection_would_fall_off() {
        assert_eq!(first_row(0, 0, 5, 10), 0);
        assert_eq!(first_row(0, 4, 5, 10), 0);
        assert_eq!(first_row(0, 5, 5, 10), 1, "down past the bottom: one row");
        assert_eq!(first_row(0, 9, 5, 10), 5);
        assert_eq!(first_row(5, 6, 5, 10), 5, "still on screen: no scroll");
        assert_eq!(
            first_row(5, 2, 5, 10),
            2,
            "up past the top: it comes in at the top"
        );
        assert_eq!(first_row(0, 3, 0, 10), 3, "no room: the selection alone");
        assert_eq!(
            first_row(9, 2, 5, 3),
            0,
            "a list that shrank below the height shows from its first row"
        );
        assert_eq!(first_row(6, 9, 5, 10), 5, "no empty rows below the last");
    }
}
