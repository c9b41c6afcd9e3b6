//! Small pieces the review screen's views share: a tag's colour, a table's scroll state.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::TableState;

use crate::tui::review::Review;
use crate::tui::review::layout;

/// The colour of the tag `name`, when colour is on and the config knows it.
pub fn tag_style(review: &Review, name: &str) -> Style {
    review
        .config
        .tags
        .iter()
        .find(|t| t.name == name)
        .filter(|_| review.config.color)
        .map_or_else(Style::new, |t| Style::new().fg(t.color))
}

/// What a table shows: from the first row the layout gives for the selection and where the
/// table showed from (the row a click is counted from), the selection marked when there are
/// rows.
pub fn table_state(table: Rect, top: usize, selected: usize, rows: usize) -> TableState {
    let height = layout::rows_of(table).height;
    TableState::new()
        .with_offset(layout::first_row(top, selected, height, rows))
        .with_selected((rows > 0).then_some(selected))
}
