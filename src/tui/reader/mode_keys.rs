//! The keys of the reader's modes that take text or stand apart from the keymap: the claim
//! editor, the search prompt and the adjudication view. What each key does is decided here, once,
//! and [`HELP`] lists them beside the matching, so the help cannot drift from the handling.
//! (These keys are fixed: the keymap's bindable actions are in `config::keys`.)

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key does in the claim editor; `None` from [`EditorKey::of`] means the field takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorKey {
    /// Close the editor without saving (Esc, Ctrl-c).
    Cancel,
    /// Save the claim (Ctrl-s anywhere; Enter outside the note).
    Save,
    /// Write the note in `$VISUAL` / `$EDITOR` (Ctrl-o).
    ExternalNote,
    /// The next field (Tab; Down outside the note).
    NextField,
    /// The previous field (Shift-Tab; Up outside the note).
    PrevField,
}

impl EditorKey {
    /// The editor's meaning of `event`, with the cursor in the note field or not (where Enter,
    /// Up and Down belong to the text).
    pub fn of(event: KeyEvent, in_note: bool) -> Option<Self> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        Some(match (event.code, ctrl) {
            (KeyCode::Esc, _) | (KeyCode::Char('c'), true) => Self::Cancel,
            (KeyCode::Char('s'), true) => Self::Save,
            (KeyCode::Char('o'), true) => Self::ExternalNote,
            (KeyCode::Enter, false) if !in_note => Self::Save,
            (KeyCode::Tab, _) => Self::NextField,
            (KeyCode::BackTab, _) => Self::PrevField,
            (KeyCode::Up, false) if !in_note => Self::PrevField,
            (KeyCode::Down, false) if !in_note => Self::NextField,
            _ => return None,
        })
    }
}

/// What a key does in the search prompt; `None` from [`SearchKey::of`] means the query takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchKey {
    /// Drop the search and go back to where it started (Esc, Ctrl-c).
    Cancel,
    /// Close the prompt, keeping the matches highlighted (Enter).
    Keep,
}

impl SearchKey {
    /// The prompt's meaning of `event`.
    pub fn of(event: KeyEvent) -> Option<Self> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        match event.code {
            KeyCode::Esc => Some(Self::Cancel),
            KeyCode::Char('c') if ctrl => Some(Self::Cancel),
            KeyCode::Enter => Some(Self::Keep),
            _ => None,
        }
    }
}

/// What a key does in the adjudication view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdjudicationKey {
    /// The next disagreement (j, n, Down).
    Next,
    /// The previous disagreement (k, p, Up).
    Prev,
    /// Close the view (Esc, q, A, Ctrl-c).
    Close,
    /// Write the agreed claim in the editor (e, Enter).
    Write,
    /// Accept the version of the author in this column (0-based; keys 1-9).
    Accept(usize),
}

impl AdjudicationKey {
    /// The view's meaning of `event`, if any.
    pub fn of(event: KeyEvent) -> Option<Self> {
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        Some(match event.code {
            KeyCode::Char('j' | 'n') | KeyCode::Down => Self::Next,
            KeyCode::Char('k' | 'p') | KeyCode::Up => Self::Prev,
            KeyCode::Char('c') if ctrl => Self::Close,
            KeyCode::Esc | KeyCode::Char('q' | 'A') => Self::Close,
            KeyCode::Char('e') | KeyCode::Enter => Self::Write,
            KeyCode::Char(c @ '1'..='9') => Self::Accept(c as usize - '1' as usize),
            _ => return None,
        })
    }
}

/// The help's lines for these keys, and the mouse's.
pub const HELP: &[(&str, &str)] = &[
    ("Tab Shift-Tab", "editor: next / previous field"),
    (
        "Tab Right",
        "editor: take the offered source (Tab again: next field)",
    ),
    ("Left Right", "editor: change the tag (or press its key)"),
    ("Enter", "editor: save (in the note: new line)"),
    ("Ctrl-s", "editor: save from any field"),
    ("Ctrl-o", "editor: write the note in $VISUAL / $EDITOR"),
    (
        "a source typed",
        "editor: a new unsourced claim becomes sourced (pick the tag to keep it)",
    ),
    (
        "[agreed] [conflict]",
        "editor: marks sidenote sets, shown beside Labels, never typed",
    ),
    ("Esc", "editor, search: cancel"),
    ("Enter", "search: keep the matches highlighted"),
    ("click, wheel", "mouse: move the cursor, scroll"),
    ("1-9", "adjudicate: accept that author's version as agreed"),
    ("e", "adjudicate: write the agreed claim in the editor"),
    ("j k", "adjudicate: next / previous disagreement"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn enter_and_arrows_belong_to_the_note() {
        assert_eq!(
            EditorKey::of(key(KeyCode::Enter), false),
            Some(EditorKey::Save)
        );
        assert_eq!(EditorKey::of(key(KeyCode::Enter), true), None);
        assert_eq!(EditorKey::of(key(KeyCode::Up), true), None);
        assert_eq!(
            EditorKey::of(
                KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
                true
            ),
            Some(EditorKey::Save)
        );
    }

    #[test]
    fn every_key_the_help_names_does_what_it_says() {
        let adjudicate = |c| AdjudicationKey::of(key(KeyCode::Char(c)));
        assert_eq!(adjudicate('1'), Some(AdjudicationKey::Accept(0)));
        assert_eq!(adjudicate('9'), Some(AdjudicationKey::Accept(8)));
        assert_eq!(adjudicate('e'), Some(AdjudicationKey::Write));
        assert_eq!(adjudicate('j'), Some(AdjudicationKey::Next));
        assert_eq!(adjudicate('k'), Some(AdjudicationKey::Prev));
        assert_eq!(SearchKey::of(key(KeyCode::Enter)), Some(SearchKey::Keep));
        assert_eq!(SearchKey::of(key(KeyCode::Esc)), Some(SearchKey::Cancel));
        assert_eq!(
            EditorKey::of(key(KeyCode::BackTab), false),
            Some(EditorKey::PrevField)
        );
        assert!(HELP.iter().any(|(keys, _)| *keys == "1-9"));
    }
}
