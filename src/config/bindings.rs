//! Keys and what they are bound to, for any set of actions: the [`Key`] type and its parser,
//! a mode's [`Vocabulary`] (each action's name in the config and its help line), and the
//! [`Bindings`] a config table resolves into. A leaf under `keys` and `modes`, which hold the
//! actions themselves.

use std::collections::HashMap;
use std::fmt::Write as _;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

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

/// A mode's vocabulary: the table of the config that binds it, and each action's name there,
/// value and help line, defined once for the parser, the handling and the help.
#[derive(Debug, PartialEq, Eq)]
pub struct Vocabulary<A: 'static> {
    /// The table that binds it: `keys` for the normal keys, `keys.editor` for the editor.
    pub table: &'static str,
    /// The heading of the mode's keys in the help.
    pub title: &'static str,
    /// Whether the mode takes typed text: a plain character cannot be bound there, since it
    /// could no longer be typed.
    pub takes_text: bool,
    /// The actions: the name in the config, the action, the help line.
    pub actions: &'static [(&'static str, A, &'static str)],
}

impl<A: Copy + PartialEq> Vocabulary<A> {
    /// The action named `name` in this mode's table.
    pub fn action(&self, name: &str) -> Option<A> {
        self.actions
            .iter()
            .find(|(n, _, _)| *n == name)
            .map(|(_, a, _)| *a)
    }

    /// The names of the actions, for an error that says what a name could be.
    pub fn names(&self) -> String {
        let names: Vec<&str> = self.actions.iter().map(|(n, _, _)| *n).collect();
        names.join(", ")
    }
}

/// The keys of one mode, as configured: which action each key carries out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bindings<A: 'static> {
    vocabulary: &'static Vocabulary<A>,
    keys: HashMap<Key, A>,
}

impl<A: Copy + PartialEq> Bindings<A> {
    /// No key bound yet in the mode of `vocabulary`.
    pub fn new(vocabulary: &'static Vocabulary<A>) -> Self {
        Self {
            vocabulary,
            keys: HashMap::new(),
        }
    }

    /// The mode's vocabulary.
    pub fn vocabulary(&self) -> &'static Vocabulary<A> {
        self.vocabulary
    }

    /// Binds `key` to `action`, or unbinds it when `action` is `None`; a later binding of a key
    /// wins over an earlier one.
    pub fn bind(&mut self, key: Key, action: Option<A>) {
        match action {
            Some(action) => {
                self.keys.insert(key, action);
            }
            None => {
                self.keys.remove(&key);
            }
        }
    }

    /// The action bound to `key`, if any.
    pub fn action(&self, key: Key) -> Option<A> {
        self.keys.get(&key).copied()
    }

    /// The keys bound to `action` as the help writes them ([`Key::label`]), single characters
    /// first, so the help is stable.
    pub fn keys_for(&self, action: A) -> Vec<String> {
        self.names_for(action, Key::label)
    }

    /// The keys bound to `action` as the config file writes them ([`Key::config_name`]).
    pub fn config_names_for(&self, action: A) -> Vec<String> {
        self.names_for(action, Key::config_name)
    }

    fn names_for(&self, action: A, name: fn(&Key) -> String) -> Vec<String> {
        self.names_where(action, name, |_| true)
    }

    /// The keys bound to `action` that `keep` keeps, as the help writes them, single characters
    /// first.
    pub fn keys_where(&self, action: A, keep: impl Fn(&Key) -> bool) -> Vec<String> {
        self.names_where(action, Key::label, keep)
    }

    fn names_where(
        &self,
        action: A,
        name: fn(&Key) -> String,
        keep: impl Fn(&Key) -> bool,
    ) -> Vec<String> {
        let mut keys: Vec<String> = self
            .keys
            .iter()
            .filter(|(k, a)| **a == action && keep(k))
            .map(|(k, _)| name(k))
            .collect();
        keys.sort_by(|a, b| (a.chars().count(), a).cmp(&(b.chars().count(), b)));
        keys
    }

    /// The first of the keys bound to `action`, for messages and hints that name the key.
    pub fn first_key(&self, action: A) -> Option<String> {
        self.keys_for(action).into_iter().next()
    }

    /// The key to name in a message or hint about `action`: the first bound, or a note that
    /// none is (the user unbound it), so a message never names a key that does something else.
    pub fn key_name(&self, action: A) -> String {
        self.first_key(action)
            .unwrap_or_else(|| "(unbound)".to_owned())
    }

    /// Every bound action with its keys and help line, in the order of the vocabulary.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        self.vocabulary
            .actions
            .iter()
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
}
