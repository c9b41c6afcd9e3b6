//! The review screen's vocabulary. The screen shares the reader's keymap, so each of its
//! commands is carried by one of the reader's actions (the key for `edit_claim` opens a report
//! here); this table says which, once, with the help line, for `update` and the help alike.

use super::view::View;
use crate::config::keys::{Action, ReviewAction};

/// One thing the user asks of the review screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// The next row.
    Down,
    /// The previous row.
    Up,
    /// A page of rows down.
    PageDown,
    /// A page of rows up.
    PageUp,
    /// The first row.
    First,
    /// The last row.
    Last,
    /// Open the selected report in the reader (from the claims view: at the claim).
    Open,
    /// The next view: reports, claims, chart, round again.
    NextView,
    /// Show this view.
    Show(View),
    /// Open the filter prompt (report names, or quote/source/note in the claims view).
    Filter,
    /// Show only the claims of the next tag (then all again).
    NextTag,
    /// Show only the claims of this tag (again: all).
    OnlyTag(usize),
    /// Show only claims on E/F sources or unsourced (again: all).
    WeakSources,
    /// Show only the reports not done yet (again: all).
    Unfinished,
    /// The groups view; there, only the groups whose reports differ (again: all).
    Differs,
    /// Sort by the next column.
    SortNext,
    /// Sort by the previous column.
    SortPrev,
    /// Reverse the sort.
    SortReverse,
    /// Clear every filter.
    ClearFilters,
    /// Show the help.
    Help,
    /// Leave.
    Quit,
    /// A mouse click at a screen cell (column, row).
    Click(u16, u16),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
}

/// The reader's action whose keys carry each command here, and the command's line in the help
/// (`None`: not listed, another key for a listed command or one the help names itself).
const TABLE: &[(Action, Command, Option<&str>)] = &[
    (Action::NextSentence, Command::Down, Some("next row")),
    (Action::ScrollDown, Command::Down, None),
    (Action::PrevSentence, Command::Up, Some("previous row")),
    (Action::ScrollUp, Command::Up, None),
    (Action::ScrollLineDown, Command::Down, None),
    (Action::ScrollLineUp, Command::Up, None),
    (Action::PageDown, Command::PageDown, Some("a page down")),
    (Action::HalfPageDown, Command::PageDown, None),
    (Action::PageUp, Command::PageUp, None),
    (Action::HalfPageUp, Command::PageUp, None),
    (Action::FirstSentence, Command::First, Some("first row")),
    (Action::LastSentence, Command::Last, Some("last row")),
    (
        Action::EditClaim,
        Command::Open,
        Some("open the report (claims view: at the claim)"),
    ),
    (
        Action::SwitchFocus,
        Command::NextView,
        Some("next view: reports, claims, chart, groups"),
    ),
    (
        Action::Review(ReviewAction::ViewReports),
        Command::Show(View::Reports),
        // The four views share a row, so the help still fits a terminal of 24 rows.
        Some("the views: reports, claims, chart, groups"),
    ),
    (
        Action::Review(ReviewAction::ViewClaims),
        Command::Show(View::Claims),
        None,
    ),
    (
        Action::Review(ReviewAction::ViewChart),
        Command::Show(View::Chart),
        None,
    ),
    (
        Action::Review(ReviewAction::ViewGroups),
        Command::Show(View::Groups),
        None,
    ),
    (
        Action::Corroboration,
        Command::Differs,
        Some("groups view; there: only differing ones (again: all)"),
    ),
    (
        Action::Search,
        Command::Filter,
        Some("filter: report names, or claim text or label:NAME"),
    ),
    (
        Action::CycleFilter,
        Command::NextTag,
        Some("claims of the next tag (a tag's key: that tag)"),
    ),
    (
        Action::Review(ReviewAction::WeakSources),
        Command::WeakSources,
        Some("only claims on E/F sources or unsourced"),
    ),
    (
        Action::NextUntagged,
        Command::Unfinished,
        Some("only unfinished reports (again: all)"),
    ),
    (
        Action::Review(ReviewAction::SortNext),
        Command::SortNext,
        Some("sort by the next column (or back), in either table"),
    ),
    (
        Action::Review(ReviewAction::SortPrev),
        Command::SortPrev,
        None,
    ),
    (
        Action::Review(ReviewAction::SortReverse),
        Command::SortReverse,
        Some("reverse the sort"),
    ),
    (
        Action::Cancel,
        Command::ClearFilters,
        Some("clear every filter"),
    ),
    (Action::Help, Command::Help, None),
    (Action::Quit, Command::Quit, None),
];

impl Command {
    /// What `action` (from the shared keymap, the mouse or the terminal) means on the review
    /// screen; `None` for the reader's actions that mean nothing here (tagging a sentence,
    /// undo, …).
    pub fn of(action: Action) -> Option<Self> {
        match action {
            Action::Tag(i) => Some(Self::OnlyTag(i)),
            Action::Click(column, row) => Some(Self::Click(column, row)),
            Action::Resize(width, height) => Some(Self::Resize(width, height)),
            _ => TABLE
                .iter()
                .find(|(a, _, _)| *a == action)
                .map(|(_, command, _)| *command),
        }
    }
}

const SORT_NEXT: Action = Action::Review(ReviewAction::SortNext);
const SORT_PREV: Action = Action::Review(ReviewAction::SortPrev);
const VIEWS: &[Action] = &[
    Action::Review(ReviewAction::ViewReports),
    Action::Review(ReviewAction::ViewClaims),
    Action::Review(ReviewAction::ViewChart),
    Action::Review(ReviewAction::ViewGroups),
];

/// The help's rows: the actions whose keys to show (the sort's two directions share a row, as
/// do the four views), and what they do here.
pub fn help_rows() -> impl Iterator<Item = (&'static [Action], &'static str)> {
    TABLE.iter().filter_map(|(action, _, doc)| {
        let actions: &'static [Action] = if *action == SORT_NEXT {
            &[SORT_NEXT, SORT_PREV]
        } else if *action == VIEWS[0] {
            VIEWS
        } else {
            std::slice::from_ref(action)
        };
        doc.map(|doc| (actions, doc))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_means_one_command_here() {
        for (action, command, _) in TABLE {
            assert_eq!(Command::of(*action), Some(*command), "{action:?}");
        }
        assert_eq!(Command::of(Action::Tag(2)), Some(Command::OnlyTag(2)));
        assert_eq!(Command::of(Action::Undo), None, "the reader's alone");
        assert_eq!(help_rows().count(), 16);
        let views = help_rows().find(|(a, _)| a[0] == VIEWS[0]);
        assert_eq!(
            views.map(|(a, _)| a),
            Some(VIEWS),
            "the four views on one row"
        );
        assert!(
            help_rows().any(|(a, doc)| a == [Action::Corroboration] && doc.contains("differ")),
            "the groups view's filter is listed"
        );
        let sort = help_rows().find(|(a, _)| a[0] == Action::Review(ReviewAction::SortNext));
        assert_eq!(
            sort.map(|(a, _)| a),
            Some(&[SORT_NEXT, SORT_PREV][..]),
            "the previous column on the next's row"
        );
    }
}
