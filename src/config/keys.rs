//! What keys do: the vocabulary of the reader's normal [`Action`]s with the name the config file
//! uses and the line the help screen shows, and the [`Keymap`] the config resolves its bindings
//! into, with the keys of each mode ([`super::modes`]). The [`Key`] type and its parser are in
//! [`super::bindings`]. The terminal app reads these; they know nothing of it.

pub use super::bindings::Key;
use super::bindings::{Bindings, Vocabulary};
use super::modes::{self, AdjudicateAction, EditorAction, PromptAction};

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
    /// Mark the sentence under the cursor (or the selection) read, no claim; again: unmark.
    MarkNoClaim,
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
    /// Scroll the view one line down, the cursor staying unless it would leave the screen
    /// (vim's and less's Ctrl-e).
    ScrollLineDown,
    /// Scroll the view one line up, the cursor staying unless it would leave the screen (Ctrl-y).
    ScrollLineUp,
    /// Accept the suggestion for the sentence under the cursor: a claim with its status and source.
    AcceptSuggestion,
    /// Dismiss the suggestion for the sentence under the cursor (remembered in the sidecar).
    DismissSuggestion,
    /// Jump to the next sentence with a suggestion not yet accepted or dismissed.
    NextSuggestion,
    /// List the other reports that state the claim under the cursor (corroboration); in the
    /// review screen, only the groups whose reports differ.
    Corroboration,
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
    /// Show the same claims found in several reports (corroboration).
    ViewGroups,
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
        "remove the claim under the cursor (of a ⚠ conflict: keep the other)",
    ),
    (
        "mark_no_claim",
        Action::MarkNoClaim,
        "mark read, no claim (again: unmark)",
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
        "filter the panel: each tag, each label, the dismissed suggestions",
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
    (
        "undo",
        Action::Undo,
        "undo the last change to the claims (or dismissal)",
    ),
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
        "scroll_line_down",
        Action::ScrollLineDown,
        "scroll the view one line down",
    ),
    (
        "scroll_line_up",
        Action::ScrollLineUp,
        "scroll the view one line up",
    ),
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
        "accept the suggested tag and source (of a ⚠ conflict: keep this one)",
    ),
    (
        "dismiss_suggestion",
        Action::DismissSuggestion,
        "dismiss the suggestion (z undoes); on a dismissed one: bring it back",
    ),
    (
        "next_suggestion",
        Action::NextSuggestion,
        "next sentence with a pending suggestion",
    ),
    (
        "corroboration",
        Action::Corroboration,
        "other reports stating this claim (Enter opens one, q back)",
    ),
    (
        "view_groups",
        Action::Review(ReviewAction::ViewGroups),
        "review screen: the same claims in several reports",
    ),
];

/// The prefix that binds a key to a tag in `[keys]`: `"t" = "tag:sourced"`.
pub const TAG_PREFIX: &str = "tag:";

impl Action {
    /// The action named `name` in the keymap file, if it is one of [`BINDABLE`].
    pub fn from_name(name: &str) -> Option<Self> {
        NORMAL.action(name)
    }
}

/// Resolves an action name from the config: one of [`BINDABLE`], `tag:NAME`, or `none`
/// (which unbinds the key and resolves to `Ok(None)`). `Err` holds the names it could be.
pub fn resolve_action(name: &str, tags: &[String]) -> Result<Option<Action>, String> {
    if name == "none" {
        return Ok(None);
    }
    if let Some(tag) = name.strip_prefix(TAG_PREFIX) {
        return tags
            .iter()
            .position(|t| t == tag)
            .map(|i| Some(Action::Tag(i)))
            .ok_or_else(|| format!("no tag named \"{tag}\" in the config"));
    }
    Action::from_name(name)
        .map(Some)
        .ok_or_else(|| "not an action; see the list in config.example.toml".to_owned())
}

/// The reader's normal keys as a mode's vocabulary: the `[keys]` table, [`BINDABLE`].
pub static NORMAL: Vocabulary<Action> = Vocabulary {
    table: "keys",
    title: "Keys",
    takes_text: false,
    actions: BINDABLE,
};

/// The keys as configured: the reader's normal keys (shared with the review screen), and one
/// [`Bindings`] for each mode with keys of its own ([`super::modes`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    normal: Bindings<Action>,
    /// The claim editor's keys (`[keys.editor]`).
    pub editor: Bindings<EditorAction>,
    /// The search prompt's keys (`[keys.search]`).
    pub search: Bindings<PromptAction>,
    /// The adjudication view's keys (`[keys.adjudicate]`).
    pub adjudicate: Bindings<AdjudicateAction>,
    /// The review screen's filter prompt's keys (`[keys.prompt]`).
    pub prompt: Bindings<PromptAction>,
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            normal: Bindings::new(&NORMAL),
            editor: Bindings::new(&modes::EDITOR),
            search: Bindings::new(&modes::SEARCH),
            adjudicate: Bindings::new(&modes::ADJUDICATE),
            prompt: Bindings::new(&modes::PROMPT),
        }
    }
}

impl Keymap {
    /// Binds `key` to `action` in the normal keys, or unbinds it when `action` is `None`; a
    /// later binding of a key wins over an earlier one.
    pub fn bind(&mut self, key: Key, action: Option<Action>) {
        self.normal.bind(key, action);
    }

    /// The action bound to `key`, if any: one hash lookup.
    pub fn action(&self, key: Key) -> Option<Action> {
        self.normal.action(key)
    }

    /// The keys bound to `action`, sorted so the help screen is stable (single characters first).
    pub fn keys_for(&self, action: Action) -> Vec<String> {
        self.normal.keys_for(action)
    }

    /// The keys bound to `action` as the config file writes them ([`Key::config_name`]), single
    /// characters first, for the manual page.
    pub fn config_names_for(&self, action: Action) -> Vec<String> {
        self.normal.config_names_for(action)
    }

    /// The first of the keys bound to `action` (see [`Keymap::keys_for`]), for messages and hints
    /// that name the key to press.
    pub fn first_key(&self, action: Action) -> Option<String> {
        self.normal.first_key(action)
    }

    /// The key to name in a message about `action`: the first bound, or "(unbound)".
    pub fn key_name(&self, action: Action) -> String {
        self.normal.key_name(action)
    }

    /// Every bound reader action with its help line, in the order of [`BINDABLE`].
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        BINDABLE
            .iter()
            // The review screen's keys do nothing in the reader; its own help lists them.
            .filter(|(_, action, _)| !matches!(action, Action::Review(_)))
            .filter_map(|(_, action, doc)| {
                let keys = self.keys_for(*action);
                (!keys.is_empty()).then(|| (keys.join(" "), *doc))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn names_are_unique_and_resolve() {
        let mut names: Vec<_> = BINDABLE.iter().map(|(n, _, _)| *n).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), BINDABLE.len());
        assert_eq!(Action::from_name("next_claim"), Some(Action::NextClaim));
        assert_eq!(Action::from_name("fly"), None);
    }

    #[test]
    fn resolves_names_tags_and_none() {
        let tags = vec!["sourced".to_owned()];
        assert_eq!(resolve_action("quit", &tags), Ok(Some(Action::Quit)));
        assert_eq!(
            resolve_action("tag:sourced", &tags),
            Ok(Some(Action::Tag(0)))
        );
        assert_eq!(resolve_action("none", &tags), Ok(None));
        assert!(resolve_action("tag:rumour", &tags).is_err());
        assert!(resolve_action("jump", &tags).is_err());
    }

    #[test]
    fn default_keymap_binds_the_documented_keys() {
        let keymap = Config::default().keys;
        let key = |s: &str| Key::parse(s).expect("key");
        assert_eq!(keymap.action(key("j")), Some(Action::NextSentence));
        assert_eq!(keymap.action(key("down")), Some(Action::NextSentence));
        assert_eq!(keymap.action(key("ctrl-d")), Some(Action::HalfPageDown));
        assert_eq!(keymap.action(key("G")), Some(Action::LastSentence));
        assert_eq!(keymap.action(key("s")), Some(Action::Tag(0)));
        assert_eq!(keymap.action(key("u")), Some(Action::Tag(1)));
        assert_eq!(keymap.action(key("d")), Some(Action::Tag(2)));
        assert_eq!(keymap.action(key("o")), Some(Action::Tag(3)));
        assert_eq!(keymap.action(key("ctrl-c")), Some(Action::Quit));
        assert_eq!(keymap.keys_for(Action::LastSentence), vec!["G", "End"]);
    }

    #[test]
    fn a_tag_key_wins_over_a_default_binding() {
        let config = Config::from_str_with_defaults(
            "[[tag]]\nname = \"hearsay\"\nkey = \"h\"\ncolor = \"magenta\"\n",
            std::path::Path::new("c.toml"),
        )
        .expect("valid");
        let keymap = config.keys;
        assert_eq!(
            keymap.action(Key::parse("h").expect("key")),
            Some(Action::Tag(0))
        );
        assert_eq!(keymap.keys_for(Action::StartWordLeft), Vec::<String>::new());
    }

    #[test]
    fn user_keys_override_and_unbind() {
        let config = Config::from_str_with_defaults(
            "[keys]\n\"s\" = \"none\"\n\"ctrl-s\" = \"tag:sourced\"\n\"J\" = \"next_claim\"\n",
            std::path::Path::new("c.toml"),
        )
        .expect("valid");
        let keymap = config.keys;
        let key = |s: &str| Key::parse(s).expect("key");
        assert_eq!(keymap.action(key("s")), None);
        assert_eq!(keymap.action(key("ctrl-s")), Some(Action::Tag(0)));
        assert_eq!(keymap.action(key("J")), Some(Action::NextClaim));
    }
}
