//! What the review screen's header and tables show, and where: the views' tabs and the columns
//! that fit, with their widths. Shared by the drawing and by the update step, so that a click on
//! a tab or a column's header lands on what was drawn there.

use ratatui::layout::{Constraint, Flex, Layout, Rect};
use unicode_width::UnicodeWidthStr as _;

use super::rows::{ClaimColumn, Column};
use super::{Review, View};
use crate::config::keys::{Action, ReviewAction};
use crate::report::safe;

/// Cells of the small bars in the reports table.
pub const BAR: usize = 10;

/// Columns of the reports table's grades column (`A·1 B·2 ?·3`).
pub const GRADES: u16 = 12;

/// The narrowest the report column gets before other columns make way.
const MIN_NAME: usize = 22;

/// Marks the selected row, so it shows without colour or reverse video too.
pub const HIGHLIGHT: &str = "› ";

/// The header line's parts: the folder's title, then each view with its label (`" 1 reports "`),
/// in the order they are drawn, one space apart.
pub fn header(review: &Review) -> (String, Vec<(View, String)>) {
    let title = format!(" review of {} ", safe(&review.root.to_string_lossy()));
    let tabs = [
        (View::Reports, ReviewAction::ViewReports, "reports"),
        (View::Claims, ReviewAction::ViewClaims, "claims"),
        (View::Chart, ReviewAction::ViewChart, "chart"),
        (View::Groups, ReviewAction::ViewGroups, "groups"),
    ]
    .into_iter()
    .map(|(view, action, name)| {
        let key = review.first_key(Action::Review(action));
        (view, format!(" {key} {name} "))
    })
    .collect();
    (title, tabs)
}

/// The view whose tab is drawn at screen column `x` of the header line.
pub fn tab_at(review: &Review, x: u16) -> Option<View> {
    let (title, tabs) = header(review);
    let x = usize::from(x);
    let mut start = title.width();
    for (view, label) in tabs {
        start += 1;
        let end = start + label.width();
        if (start..end).contains(&x) {
            return Some(view);
        }
        start = end;
    }
    None
}

/// The reports table's columns that fit in `width` with room for the report's name: when it is
/// narrow, the date goes first, then the grades, then the tag columns from the last (the bar
/// still shows the first two tags), then the bars.
pub fn report_columns(review: &Review, width: u16) -> Vec<Column> {
    let tags = review.tag_names();
    let mut columns = review.columns();
    let mut drop: Vec<Column> = vec![Column::Modified, Column::Grades];
    drop.extend((0..tags.len()).rev().map(Column::Tag));
    drop.extend([Column::Sourced, Column::Reviewed]);
    // Borders, the highlight symbol, and one space between columns.
    let chrome = 2 + HIGHLIGHT.chars().count();
    for next in drop {
        let used: usize = columns
            .iter()
            .map(|c| match report_width(*c, &tags) {
                Constraint::Length(n) => usize::from(n) + 1,
                _ => 1,
            })
            .sum();
        if usize::from(width) >= chrome + used + MIN_NAME {
            break;
        }
        columns.retain(|c| *c != next);
    }
    columns
}

/// How wide a column of the reports table is drawn, given the tags' names.
pub fn report_width(column: Column, tags: &[String]) -> Constraint {
    match column {
        Column::Path => Constraint::Fill(1),
        Column::Sentences => Constraint::Length(6),
        Column::Claims => Constraint::Length(7),
        Column::Tag(i) => {
            let len = tags.get(i).map_or(4, |t| t.chars().count());
            Constraint::Length(len.clamp(4, 9) as u16)
        }
        Column::Reviewed => Constraint::Length(BAR as u16 + 5),
        Column::Sourced => Constraint::Length(BAR as u16 + 8),
        Column::Modified => Constraint::Length(16),
        Column::Grades => Constraint::Length(GRADES),
    }
}

/// A column of the claims table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// The claim's tag.
    Tag,
    /// Its source's grade.
    Grade,
    /// Who made it (shown while sorted by it).
    Author,
    /// When it last changed (shown while sorted by it).
    Updated,
    /// The sentence.
    Quote,
    /// Who said it.
    Source,
    /// The analyst's note.
    Note,
    /// The report it is in.
    Report,
}

impl Shown {
    /// The column's header.
    pub fn title(self) -> &'static str {
        match self {
            Self::Tag => "tag",
            Self::Grade => "grade",
            Self::Author => "author",
            Self::Updated => "updated (UTC)",
            Self::Quote => "quote",
            Self::Source => "source",
            Self::Note => "note",
            Self::Report => "report",
        }
    }

    /// How wide it is drawn.
    pub fn width(self) -> Constraint {
        match self {
            Self::Tag => Constraint::Length(10),
            Self::Grade => Constraint::Length(6),
            Self::Author => Constraint::Length(12),
            Self::Updated => Constraint::Length(16),
            Self::Quote => Constraint::Fill(4),
            Self::Source | Self::Note | Self::Report => Constraint::Fill(2),
        }
    }

    /// The column whose header carries the sort mark for `column`.
    pub fn of(column: ClaimColumn) -> Self {
        match column {
            ClaimColumn::Place => Self::Report,
            ClaimColumn::Tag => Self::Tag,
            ClaimColumn::Source => Self::Source,
            ClaimColumn::Grade => Self::Grade,
            ClaimColumn::Author => Self::Author,
            ClaimColumn::Updated => Self::Updated,
        }
    }

    /// What a click on this column's header sorts by; quotes and notes are not sorted.
    pub fn sorts_by(self) -> Option<ClaimColumn> {
        ClaimColumn::ALL.into_iter().find(|c| Self::of(*c) == self)
    }
}

/// The claims table's columns when sorted by `sorted`: the author and last-change columns show
/// only while the list is sorted by them, to leave the quote room.
pub fn claim_columns(sorted: ClaimColumn) -> Vec<Shown> {
    let mut columns = vec![Shown::Tag, Shown::Grade];
    match sorted {
        ClaimColumn::Author => columns.push(Shown::Author),
        ClaimColumn::Updated => columns.push(Shown::Updated),
        _ => {}
    }
    columns.extend([Shown::Quote, Shown::Source, Shown::Note, Shown::Report]);
    columns
}

/// Which of `widths`' columns a bordered table drawn in `table` has at screen column `x`, laid
/// out as ratatui's `Table` lays them out: inside the border, after the highlight symbol's room,
/// one cell apart (the cell between two columns belongs to neither).
pub fn column_at(table: Rect, widths: &[Constraint], x: u16) -> Option<usize> {
    let inner = Rect {
        x: table.x.saturating_add(1),
        y: 0,
        width: table.width.saturating_sub(2),
        height: 1,
    };
    let highlight = u16::try_from(HIGHLIGHT.width()).unwrap_or(u16::MAX);
    let [_, cells] =
        Layout::horizontal([Constraint::Length(highlight), Constraint::Fill(0)]).areas(inner);
    Layout::horizontal(widths.iter().copied())
        .flex(Flex::Start)
        .spacing(1)
        .split(cells)
        .iter()
        .position(|cell| (cell.x..cell.x.saturating_add(cell.width)).contains(&x))
}
