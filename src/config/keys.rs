//! Keys and what they do: the [`Key`] type and its parser, the vocabulary of [`Action`]s with the
//! name the config file uses and the line the help screen shows, and the [`Keymap`] the config
//! resolves its bindings into. A leaf: the terminal app reads these, they know nothing of it.

use std::collections::HashMap;
use std::fmt::Write as _;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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
        "remove the claim under the cursor (of a ⚠ conflict: keep the other)",
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
        "filter the panel by tag, then list the dismissed suggestions",
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
        "dismiss the suggestion (z undoes); on a dismissed one: bring it back",
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

/// A key with its modifiers, normalised so that `G` and `shift-g` are the same key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    /// The key itself.
    pub code: KeyCode,
    /// Ctrl and Alt (Shift is folded into the character).
    pub modifiers: KeyModifiers,
}

impl Key {
    /// Parses a key string as written in the config: an optional `ctrl-`/`alt-`/`shift-` prefix
    /// and a character or a key name (`up`, `pagedown`, `enter`, `tab`, `esc`, `space`, `f1`…).
    pub fn parse(text: &str) -> Option<Self> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (flag, len) = if lower.starts_with("ctrl-") {
                (KeyModifiers::CONTROL, 5)
            } else if lower.starts_with("alt-") {
                (KeyModifiers::ALT, 4)
            } else if lower.starts_with("shift-") {
                (KeyModifiers::SHIFT, 6)
            } else {
                break;
            };
            if rest.len() == len {
                break;
            }
            modifiers |= flag;
            rest = &rest[len..];
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "enter" => KeyCode::Enter,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "esc" => KeyCode::Esc,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "delete" => KeyCode::Delete,
            "insert" => KeyCode::Insert,
            name => {
                if let Some(n) = name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
                    && (1..=12).contains(&n)
                {
                    KeyCode::F(n)
                } else {
                    let mut chars = rest.chars();
                    match (chars.next(), chars.next()) {
                        (Some(c), None) => KeyCode::Char(c),
                        _ => return None,
                    }
                }
            }
        };
        Some(Self::new(code, modifiers))
    }

    /// A key from its parts, normalised.
    pub fn new(code: KeyCode, modifiers: KeyModifiers) -> Self {
        let mut modifiers =
            modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            }
            KeyCode::Tab if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        Self { code, modifiers }
    }

    /// The key as the config file writes it (`ctrl-c`, `down`, `G`): what [`Key::parse`] reads
    /// back, for the manual page, which tells the user what to write.
    pub fn config_name(&self) -> String {
        let mut name = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            name.push_str("ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            name.push_str("alt-");
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            name.push_str("shift-");
        }
        match self.code {
            KeyCode::Char(' ') => name.push_str("space"),
            KeyCode::Char(c) => name.push(c),
            KeyCode::F(n) => {
                let _ = write!(name, "f{n}");
            }
            other => name.push_str(&format!("{other:?}").to_ascii_lowercase()),
        }
        name
    }

    /// How the help screen writes the key.
    pub fn label(&self) -> String {
        let mut label = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            label.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            label.push_str("Alt-");
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            label.push_str("Shift-");
        }
        match self.code {
            KeyCode::Char(' ') => label.push_str("Space"),
            KeyCode::Char(c) => label.push(c),
            KeyCode::F(n) => {
                let _ = write!(label, "F{n}");
            }
            KeyCode::BackTab => label.push_str("Shift-Tab"),
            KeyCode::PageUp => label.push_str("PageUp"),
            KeyCode::PageDown => label.push_str("PageDown"),
            other => {
                let _ = write!(label, "{other:?}");
            }
        }
        label
    }
}

impl From<KeyEvent> for Key {
    fn from(event: KeyEvent) -> Self {
        Self::new(event.code, event.modifiers)
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

/// The keys of the reader's normal mode, as configured.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    bindings: HashMap<Key, Action>,
}

impl Keymap {
    /// Binds `key` to `action`, or unbinds it when `action` is `None`; a later binding of a key
    /// wins over an earlier one.
    pub fn bind(&mut self, key: Key, action: Option<Action>) {
        match action {
            Some(action) => {
                self.bindings.insert(key, action);
            }
            None => {
                self.bindings.remove(&key);
            }
        }
    }

    /// The action bound to `key`, if any.
    pub fn action(&self, key: Key) -> Option<Action> {
        self.bindings.get(&key).copied()
    }

    /// The keys bound to `action`, sorted so the help screen is stable (single characters first).
    pub fn keys_for(&self, action: Action) -> Vec<String> {
        self.names_for(action, Key::label)
    }

    /// The keys bound to `action` as the config file writes them ([`Key::config_name`]), single
    /// characters first, for the manual page.
    pub fn config_names_for(&self, action: Action) -> Vec<String> {
        self.names_for(action, Key::config_name)
    }

    fn names_for(&self, action: Action, name: fn(&Key) -> String) -> Vec<String> {
        let mut keys: Vec<String> = self
            .bindings
            .iter()
            .filter(|(_, a)| **a == action)
            .map(|(k, _)| name(k))
            .collect();
        keys.sort_by(|a, b| (a.chars().count(), a).cmp(&(b.chars().count(), b)));
        keys
    }

    /// The first of the keys bound to `action` (see [`Keymap::keys_for`]), for messages and hints
    /// that name the key to press.
    pub fn first_key(&self, action: Action) -> Option<String> {
        self.keys_for(action).into_iter().next()
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
    fn config_names_parse_back_to_the_same_key() {
        for text in [
            "j", "G", "down", "pagedown", "ctrl-c", "space", "f5", "esc", "?", "alt-x",
        ] {
            let key = Key::parse(text).expect("a key");
            assert_eq!(key.config_name(), text);
            assert_eq!(Key::parse(&key.config_name()), Some(key));
        }
    }

    #[test]
    fn parses_keys_and_folds_shift() {
        assert_eq!(
            Key::parse("G"),
            Some(Key::new(KeyCode::Char('g'), KeyModifiers::SHIFT))
        );
        assert_eq!(
            Key::parse("ctrl-d"),
            Some(Key::new(KeyCode::Char('d'), KeyModifiers::CONTROL))
        );
        assert_eq!(
            Key::parse("PageDown"),
            Some(Key::new(KeyCode::PageDown, KeyModifiers::NONE))
        );
        assert_eq!(
            Key::parse("shift-tab"),
            Some(Key::new(KeyCode::BackTab, KeyModifiers::NONE))
        );
        assert_eq!(
            Key::parse("f5"),
            Some(Key::new(KeyCode::F(5), KeyModifiers::NONE))
        );
        assert_eq!(
            Key::parse("-"),
            Some(Key::new(KeyCode::Char('-'), KeyModifiers::NONE))
        );
        assert_eq!(Key::parse("nope"), None);
        assert_eq!(Key::parse(""), None);
    }

    #[test]
    fn labels_read_back() {
        for text in ["j", "G", "Ctrl-d", "PageDown", "Space", "?"] {
            let key = Key::parse(text).expect("parses");
            assert_eq!(Key::parse(&key.label()), Some(key), "{text}");
        }
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
