//! The vocabulary of the reader: every thing a key can do, by the name the keymap file uses and
//! the line the help screen shows.

/// One thing the user asks the reader to do. Keys map to these through the keymap; mouse and
/// terminal events become the last few variants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Next sentence (in the claims panel: next claim).
    NextSentence,
    /// Previous sentence (in the claims panel: previous claim).
    PrevSentence,
    /// Half a page down.
    HalfPageDown,
    /// Half a page up.
    HalfPageUp,
    /// A page down.
    PageDown,
    /// A page up.
    PageUp,
    /// First sentence.
    FirstSentence,
    /// Last sentence.
    LastSentence,
    /// Next sentence with no claim (triage).
    NextUntagged,
    /// Previous sentence with no claim.
    PrevUntagged,
    /// Next claim in the report.
    NextClaim,
    /// Previous claim in the report.
    PrevClaim,
    /// Tag the sentence or selection with the tag at this index of the config's tag list.
    Tag(usize),
    /// Remove the claim under the cursor.
    RemoveClaim,
    /// Open the claim editor (a new claim when the sentence has none).
    EditClaim,
    /// Start or stop selecting several sentences as one claim.
    ToggleSelect,
    /// Narrow: move the selection's start one word left.
    StartWordLeft,
    /// Narrow: move the selection's start one word right.
    StartWordRight,
    /// Narrow: move the selection's end one word left.
    EndWordLeft,
    /// Narrow: move the selection's end one word right.
    EndWordRight,
    /// Open the search prompt.
    Search,
    /// Jump to the next search match.
    SearchNext,
    /// Jump to the previous search match.
    SearchPrev,
    /// Move focus between the article and the claims panel.
    SwitchFocus,
    /// Show only claims of the next tag in the panel (then all again).
    CycleFilter,
    /// Grade the claim's source: the next reliability letter (A–F, round again).
    CycleReliability,
    /// Grade the claim's information: the next credibility digit (1–6, round again).
    CycleCredibility,
    /// Show only the claims of the next author in the panel (then all again).
    CycleAuthor,
    /// Walk the sentences where the authors disagree, and record the agreed claim.
    Adjudicate,
    /// Undo the last change to the claims.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Show or hide the help screen.
    Help,
    /// Close what is open: selection, search highlights, help.
    Cancel,
    /// Leave the reader (everything is already saved).
    Quit,
    /// Scroll the view down a few lines without moving the cursor (mouse wheel).
    ScrollDown,
    /// Scroll the view up a few lines without moving the cursor (mouse wheel).
    ScrollUp,
    /// Accept the suggestion for the sentence under the cursor: a claim with its status and source.
    AcceptSuggestion,
    /// Dismiss the suggestion for the sentence under the cursor (remembered in the sidecar).
    DismissSuggestion,
    /// Jump to the next sentence with a suggestion not yet accepted or dismissed.
    NextSuggestion,
    /// A mouse click at a screen cell (column, row).
    Click(u16, u16),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// A key of the review screen (`sidenote DIR`); the reader ignores these.
    Review(ReviewAction),
}

/// What only the review screen does with a key: views, sorting, the weak-sources filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReviewAction {
    /// Show the table of reports.
    ViewReports,
    /// Show every claim of every report.
    ViewClaims,
    /// Show the charts.
    ViewChart,
    /// Sort the reports (in the claims view, the claims) by the next column.
    SortNext,
    /// Sort the reports (in the claims view, the claims) by the previous column.
    SortPrev,
    /// Reverse the order of the sort.
    SortReverse,
    /// Show only claims resting on E/F sources or unsourced (again: all claims).
    WeakSources,
}

/// Actions a key can be bound to: name in the keymap file, the action, and the help line.
/// Tags are bound through each tag's own `key` (or `tag:NAME` in `[keys]`).
pub const BINDABLE: &[(&str, Action, &str)] = &[
    (
        "next_sentence",
        Action::NextSentence,
        "next sentence (panel: next claim)",
    ),
    (
        "prev_sentence",
        Action::PrevSentence,
        "previous sentence (panel: previous claim)",
    ),
    ("half_page_down", Action::HalfPageDown, "half a page down"),
    ("half_page_up", Action::HalfPageUp, "half a page up"),
    ("page_down", Action::PageDown, "a page down"),
    ("page_up", Action::PageUp, "a page up"),
    ("first_sentence", Action::FirstSentence, "first sentence"),
    ("last_sentence", Action::LastSentence, "last sentence"),
    (
        "next_untagged",
        Action::NextUntagged,
        "next untagged sentence (triage)",
    ),
    (
        "prev_untagged",
        Action::PrevUntagged,
        "previous untagged sentence",
    ),
    ("next_claim", Action::NextClaim, "next claim"),
    ("prev_claim", Action::PrevClaim, "previous claim"),
    (
        "remove_claim",
        Action::RemoveClaim,
        "remove the claim under the cursor",
    ),
    (
        "edit_claim",
        Action::EditClaim,
        "edit the claim: tag, source, note, labels",
    ),
    (
        "toggle_select",
        Action::ToggleSelect,
        "select sentences to tag as one claim",
    ),
    (
        "start_word_left",
        Action::StartWordLeft,
        "selection starts a word earlier",
    ),
    (
        "start_word_right",
        Action::StartWordRight,
        "selection starts a word later (narrow)",
    ),
    (
        "end_word_left",
        Action::EndWordLeft,
        "selection ends a word earlier (narrow)",
    ),
    (
        "end_word_right",
        Action::EndWordRight,
        "selection ends a word later",
    ),
    ("search", Action::Search, "search the report"),
    ("search_next", Action::SearchNext, "next match"),
    ("search_prev", Action::SearchPrev, "previous match"),
    (
        "switch_focus",
        Action::SwitchFocus,
        "switch between article and claims panel",
    ),
    (
        "cycle_filter",
        Action::CycleFilter,
        "filter the panel by tag",
    ),
    (
        "cycle_reliability",
        Action::CycleReliability,
        "grade: source reliability, next of A-F",
    ),
    (
        "cycle_credibility",
        Action::CycleCredibility,
        "grade: information credibility, next of 1-6",
    ),
    (
        "cycle_author",
        Action::CycleAuthor,
        "filter the panel by author",
    ),
    (
        "adjudicate",
        Action::Adjudicate,
        "adjudicate: walk the sentences where authors disagree",
    ),
    ("undo", Action::Undo, "undo the last change to the claims"),
    ("redo", Action::Redo, "redo"),
    ("help", Action::Help, "this help"),
    (
        "cancel",
        Action::Cancel,
        "cancel selection, clear search, close help",
    ),
    ("quit", Action::Quit, "quit (everything is already saved)"),
    ("scroll_down", Action::ScrollDown, "scroll the view down"),
    ("scroll_up", Action::ScrollUp, "scroll the view up"),
    (
        "view_reports",
        Action::Review(ReviewAction::ViewReports),
        "review screen: the table of reports",
    ),
    (
        "view_claims",
        Action::Review(ReviewAction::ViewClaims),
        "review screen: all claims of all reports",
    ),
    (
        "view_chart",
        Action::Review(ReviewAction::ViewChart),
        "review screen: charts of tags, sources, grades",
    ),
    (
        "sort_next",
        Action::Review(ReviewAction::SortNext),
        "review screen: sort the reports (claims view: the claims) by the next column",
    ),
    (
        "sort_prev",
        Action::Review(ReviewAction::SortPrev),
        "review screen: sort by the previous column",
    ),
    (
        "sort_reverse",
        Action::Review(ReviewAction::SortReverse),
        "review screen: reverse the sort",
    ),
    (
        "weak_sources",
        Action::Review(ReviewAction::WeakSources),
        "review screen: only claims on E/F sources or unsourced",
    ),
    (
        "accept_suggestion",
        Action::AcceptSuggestion,
        "accept the suggested tag and source",
    ),
    (
        "dismiss_suggestion",
        Action::DismissSuggestion,
        "dismiss the suggestion (not shown again)",
    ),
    (
        "next_suggestion",
        Action::NextSuggestion,
        "next sentence with a pending suggestion",
    ),
];

/// The prefix that binds a key to a tag in `[keys]`: `"t" = "tag:sourced"`.
pub const TAG_PREFIX: &str = "tag:";

impl Action {
    /// The action named `name` in the keymap file, if it is one of [`BINDABLE`].
    pub fn from_name(name: &str) -> Option<Self> {
        BINDABLE
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, a, _)| *a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_resolve() {
        let mut names: Vec<_> = BINDABLE.iter().map(|(n, _, _)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), BINDABLE.len());
        assert_eq!(Action::from_name("next_claim"), Some(Action::NextClaim));
        assert_eq!(Action::from_name("fly"), None);
    }
}
