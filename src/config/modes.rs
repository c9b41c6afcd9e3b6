//! The keys of the modes that stand apart from the reader's normal keys: the claim editor, the
//! search prompt, the adjudication view and the review screen's filter prompt.
//!
//! Each mode has a small vocabulary of its own, bound in its own table of the config
//! (`[keys.editor]`, `[keys.search]`, `[keys.adjudicate]`, `[keys.prompt]`), so one key means one
//! thing in each mode and a normal key (`[keys]`) never reaches a mode that takes typed text. A
//! [`Vocabulary`] names each action once, with its help line; the defaults are in
//! `assets/config.toml`, like the normal keys'; [`Bindings`] is what the config resolves a table
//! into, and the only thing the terminal app asks: one hash lookup a key press.

use crossterm::event::{KeyCode, KeyModifiers};

use super::bindings::{Bindings, Key, Vocabulary};

/// What a key does in the claim editor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorAction {
    /// Save the claim.
    Save,
    /// Close the editor without saving.
    Cancel,
    /// The next field.
    NextField,
    /// The previous field.
    PrevField,
    /// Write the note in `$VISUAL` / `$EDITOR`.
    ExternalNote,
}

/// The claim editor's vocabulary (`[keys.editor]`).
pub static EDITOR: Vocabulary<EditorAction> = Vocabulary {
    table: "keys.editor",
    title: "Claim editor",
    takes_text: true,
    actions: &[
        (
            "save",
            EditorAction::Save,
            "save the claim (Enter in the note: a new line)",
        ),
        (
            "cancel",
            EditorAction::Cancel,
            "close without saving (after changes: press twice)",
        ),
        (
            "next_field",
            EditorAction::NextField,
            "next field (Down in the note: the line below)",
        ),
        (
            "prev_field",
            EditorAction::PrevField,
            "previous field (Up in the note: the line above)",
        ),
        (
            "external_note",
            EditorAction::ExternalNote,
            "write the note in $VISUAL / $EDITOR",
        ),
    ],
};

/// The keys the note, a text of several lines, keeps for itself whatever they are bound to in
/// the editor: Enter starts a line, Up and Down move between lines.
const NOTE_KEYS: [KeyCode; 3] = [KeyCode::Enter, KeyCode::Up, KeyCode::Down];

/// The editor's keys that are not bound in the config, for the help: they choose in the fields
/// that are a choice, as a tag's key does in the tag field.
pub const EDITOR_FIXED: &[(&str, &str)] = &[
    (
        "Left Right",
        "tag and kind fields: previous / next choice (or a tag's key)",
    ),
    (
        "Tab Right",
        "source field: take the offered source (Tab again: next field)",
    ),
    (
        "a source typed",
        "a new unsourced claim becomes sourced (pick the tag to keep it)",
    ),
    (
        "[agreed] [conflict]",
        "marks sidenote sets, shown beside Labels, never typed",
    ),
];

/// Whether the note keeps `key` for its text ([`NOTE_KEYS`]).
fn in_note_text(key: &Key) -> bool {
    key.modifiers == KeyModifiers::NONE && NOTE_KEYS.contains(&key.code)
}

impl Bindings<EditorAction> {
    /// The editor's meaning of `key`, with the cursor in the note or not: in the note, Enter,
    /// Up and Down without Ctrl or Alt belong to the text (`None`: the field takes the key).
    pub fn editor_action(&self, key: Key, in_note: bool) -> Option<EditorAction> {
        if in_note && in_note_text(&key) {
            return None;
        }
        self.action(key)
    }

    /// The keys bound to `action` that act in the note too (`note_text` false), or those that
    /// the note keeps for its text (`note_text` true), as the help writes them.
    pub fn keys_in_note(&self, action: EditorAction, note_text: bool) -> Vec<String> {
        self.keys_where(action, |k| in_note_text(k) == note_text)
    }

    /// The key to name for `action` with the cursor in the note: the first bound that the
    /// note does not keep for its text, or "(unbound)".
    pub fn key_name_in_note(&self, action: EditorAction) -> String {
        self.keys_in_note(action, false)
            .into_iter()
            .next()
            .unwrap_or_else(|| "(unbound)".to_owned())
    }
}

/// What a key does in a one-line prompt: the reader's search, the review screen's filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptAction {
    /// Close the prompt and keep what it did (the matches, the filter).
    Keep,
    /// Close the prompt and undo what it did.
    Cancel,
}

/// The search prompt's vocabulary (`[keys.search]`).
pub static SEARCH: Vocabulary<PromptAction> = Vocabulary {
    table: "keys.search",
    title: "Search prompt",
    takes_text: true,
    actions: &[
        (
            "keep",
            PromptAction::Keep,
            "close the prompt, the matches stay highlighted",
        ),
        (
            "cancel",
            PromptAction::Cancel,
            "drop the search, back to where it started",
        ),
    ],
};

/// The review screen's filter prompt's vocabulary (`[keys.prompt]`).
pub static PROMPT: Vocabulary<PromptAction> = Vocabulary {
    table: "keys.prompt",
    title: "Filter prompt",
    takes_text: true,
    actions: &[
        ("keep", PromptAction::Keep, "keep the filter"),
        ("cancel", PromptAction::Cancel, "clear the filter"),
    ],
};

/// What a key does in the adjudication view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdjudicateAction {
    /// The next disagreement.
    Next,
    /// The previous disagreement.
    Prev,
    /// Write the agreed claim in the editor.
    Write,
    /// Close the view.
    Close,
    /// Accept the version of the author in this column (0-based; the digit keys 1-9).
    Accept(usize),
}

/// The adjudication view's vocabulary (`[keys.adjudicate]`). Accepting a version is not in it:
/// the columns are numbered on screen, and the digit of a column is its key.
pub static ADJUDICATE: Vocabulary<AdjudicateAction> = Vocabulary {
    table: "keys.adjudicate",
    title: "Adjudication",
    takes_text: false,
    actions: &[
        ("next", AdjudicateAction::Next, "next disagreement"),
        ("prev", AdjudicateAction::Prev, "previous disagreement"),
        (
            "write",
            AdjudicateAction::Write,
            "write the agreed claim in the editor",
        ),
        ("close", AdjudicateAction::Close, "close the view"),
    ],
};

/// The adjudication keys that are not bound in the config, for the help.
pub const ADJUDICATE_FIXED: &[(&str, &str)] =
    &[("1-9", "accept the version in that column as agreed")];

impl Bindings<AdjudicateAction> {
    /// The view's meaning of `key`: its binding, else a digit 1-9 accepts that column.
    pub fn adjudicate_action(&self, key: Key) -> Option<AdjudicateAction> {
        self.action(key)
            .or_else(|| match (key.code, key.modifiers) {
                (KeyCode::Char(c @ '1'..='9'), KeyModifiers::NONE) => {
                    Some(AdjudicateAction::Accept(c as usize - '1' as usize))
                }
                _ => None,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> Key {
        Key::parse(text).expect("a key")
    }

    #[test]
    fn names_are_unique_in_each_mode() {
        fn unique<A: Copy + PartialEq + std::fmt::Debug>(vocabulary: &Vocabulary<A>) {
            for (name, action, _) in vocabulary.actions {
                assert_eq!(vocabulary.action(name), Some(*action), "{name}");
                let named = vocabulary.actions.iter().filter(|(_, a, _)| a == action);
                assert_eq!(named.count(), 1, "one name for {action:?}");
            }
        }
        unique(&EDITOR);
        unique(&SEARCH);
        unique(&PROMPT);
        unique(&ADJUDICATE);
        assert_eq!(EDITOR.action("fly"), None);
    }

    #[test]
    fn the_note_keeps_enter_and_the_arrows() {
        let mut editor = Bindings::new(&EDITOR);
        editor.bind(key("enter"), Some(EditorAction::Save));
        editor.bind(key("ctrl-s"), Some(EditorAction::Save));
        editor.bind(key("down"), Some(EditorAction::NextField));
        assert_eq!(
            editor.editor_action(key("enter"), false),
            Some(EditorAction::Save)
        );
        assert_eq!(editor.editor_action(key("enter"), true), None);
        assert_eq!(editor.editor_action(key("down"), true), None);
        assert_eq!(
            editor.editor_action(key("ctrl-s"), true),
            Some(EditorAction::Save)
        );
        assert_eq!(editor.key_name(EditorAction::Save), "Enter");
        assert_eq!(editor.key_name_in_note(EditorAction::Save), "Ctrl-s");
        editor.bind(key("ctrl-s"), None);
        assert_eq!(editor.key_name_in_note(EditorAction::Save), "(unbound)");
    }

    #[test]
    fn a_bound_key_wins_over_a_column_digit() {
        let mut view = Bindings::new(&ADJUDICATE);
        assert_eq!(
            view.adjudicate_action(key("1")),
            Some(AdjudicateAction::Accept(0))
        );
        assert_eq!(
            view.adjudicate_action(key("9")),
            Some(AdjudicateAction::Accept(8))
        );
        assert_eq!(view.adjudicate_action(key("ctrl-1")), None);
        view.bind(key("1"), Some(AdjudicateAction::Next));
        assert_eq!(
            view.adjudicate_action(key("1")),
            Some(AdjudicateAction::Next)
        );
    }

    #[test]
    fn help_rows_follow_the_bindings() {
        let mut search = Bindings::new(&SEARCH);
        search.bind(key("enter"), Some(PromptAction::Keep));
        search.bind(key("ctrl-g"), Some(PromptAction::Cancel));
        search.bind(key("esc"), Some(PromptAction::Cancel));
        assert_eq!(
            search.help_rows(),
            vec![
                (
                    "Enter".to_owned(),
                    "close the prompt, the matches stay highlighted"
                ),
                (
                    "Esc Ctrl-g".to_owned(),
                    "drop the search, back to where it started"
                ),
            ]
        );
        search.bind(key("enter"), None);
        assert_eq!(
            search.help_rows().len(),
            1,
            "an unbound action is not listed"
        );
        assert_eq!(search.key_name(PromptAction::Keep), "(unbound)");
        assert_eq!(search.key_name(PromptAction::Cancel), "Esc");
    }
}
