//! Key strings (`"j"`, `"ctrl-d"`, `"pagedown"`) to actions, built from the config.

use std::collections::HashMap;
use std::fmt::Write as _;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, BINDABLE, TAG_PREFIX};
use crate::config::Config;

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
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    bindings: HashMap<Key, Action>,
}

impl Keymap {
    /// The keymap of a validated config: its bindings in order (defaults, the tags' own keys, the
    /// user's `[keys]`), so a later binding of a key wins.
    pub fn from_config(config: &Config) -> Self {
        let names: Vec<String> = config.tags.iter().map(|t| t.name.clone()).collect();
        let mut bindings = HashMap::new();
        for (key, action) in &config.keys {
            let Some(key) = Key::parse(key) else { continue };
            match resolve_action(action, &names) {
                Ok(Some(action)) => {
                    bindings.insert(key, action);
                }
                Ok(None) => {
                    bindings.remove(&key);
                }
                Err(_) => {}
            }
        }
        Self { bindings }
    }

    /// The action bound to `key`, if any.
    pub fn action(&self, key: Key) -> Option<Action> {
        self.bindings.get(&key).copied()
    }

    /// The keys bound to `action`, sorted so the help screen is stable (single characters first).
    pub fn keys_for(&self, action: Action) -> Vec<String> {
        let mut keys: Vec<String> = self
            .bindings
            .iter()
            .filter(|(_, a)| **a == action)
            .map(|(k, _)| k.label())
            .collect();
        keys.sort_by(|a, b| (a.chars().count(), a).cmp(&(b.chars().count(), b)));
        keys
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
        let keymap = Keymap::from_config(&Config::default());
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
        let keymap = Keymap::from_config(&config);
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
        let keymap = Keymap::from_config(&config);
        let key = |s: &str| Key::parse(s).expect("key");
        assert_eq!(keymap.action(key("s")), None);
        assert_eq!(keymap.action(key("ctrl-s")), Some(Action::Tag(0)));
        assert_eq!(keymap.action(key("J")), Some(Action::NextClaim));
    }
}
