//! The `[keys]` tables of a config file: the normal keys, and one table per mode
//! (`[keys.editor]`, …), read with where each line is, and bound into a [`Keymap`] over the
//! defaults. A line that is not a key, not an action of its table, a key written twice in one
//! table, or a plain character in a mode that takes text is an error naming its line.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::bindings::{Bindings, Key, Vocabulary};
use super::keys::{self, Keymap, resolve_action};
use super::modes;
use super::{ConfigError, Tag};

/// A `[keys]` table: `"key" = "action"` lines for the normal keys, and a table for each mode
/// with keys of its own (`[keys.editor]`, …), told apart by name, since no key is called
/// `editor`.
#[derive(Debug, Default)]
pub(super) struct RawKeys {
    normal: Table,
    editor: Table,
    search: Table,
    adjudicate: Table,
    prompt: Table,
}

/// `"key" = "action"` lines, with where each action is written.
type Table = BTreeMap<String, Spanned<String>>;

impl<'de> Deserialize<'de> for RawKeys {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = RawKeys;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("\"key\" = \"action\" lines and [keys.MODE] tables")
            }

            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<RawKeys, M::Error> {
                let mut keys = RawKeys::default();
                while let Some(name) = map.next_key::<String>()? {
                    // The tables are named as each mode's vocabulary names them.
                    let table = match format!("keys.{name}") {
                        t if t == modes::EDITOR.table => &mut keys.editor,
                        t if t == modes::SEARCH.table => &mut keys.search,
                        t if t == modes::ADJUDICATE.table => &mut keys.adjudicate,
                        t if t == modes::PROMPT.table => &mut keys.prompt,
                        _ => {
                            let action = map.next_value()?;
                            keys.normal.insert(name, action);
                            continue;
                        }
                    };
                    // `[keys.editor]` twice is refused by the TOML parser itself.
                    *table = map.next_value()?;
                }
                Ok(keys)
            }
        }
        deserializer.deserialize_map(Visit)
    }
}

/// The key bindings, applied in order: the defaults, then each tag's own key (a tag on `h` takes
/// `h`), then the user's `[keys]`; each mode's table likewise, defaults then the user's. A key
/// or an action that is not one, one key written twice in a table, or a plain character in a
/// mode that takes text is an error naming its line, in the defaults as in the user's file.
pub(super) fn resolve_keys(
    defaults: Option<RawKeys>,
    tags: &[Tag],
    user: Option<RawKeys>,
    names: &[String],
    invalid_default: &dyn Fn(Range<usize>, String) -> ConfigError,
    invalid: &dyn Fn(Range<usize>, String) -> ConfigError,
) -> Result<Keymap, ConfigError> {
    let mut keymap = Keymap::default();
    let defaults = defaults.unwrap_or_default();
    let user = user.unwrap_or_default();
    let normal = |name: &str| resolve_action(name, names);
    bind_table(
        &keys::NORMAL,
        defaults.normal,
        &normal,
        &mut |k, a| keymap.bind(k, a),
        invalid_default,
    )?;
    for (i, tag) in tags.iter().enumerate() {
        keymap.bind(tag.key, Some(keys::Action::Tag(i)));
    }
    bind_table(
        &keys::NORMAL,
        user.normal,
        &normal,
        &mut |k, a| keymap.bind(k, a),
        invalid,
    )?;
    for (raw, invalid) in [(defaults.editor, invalid_default), (user.editor, invalid)] {
        bind_mode(&mut keymap.editor, raw, invalid)?;
    }
    for (raw, invalid) in [(defaults.search, invalid_default), (user.search, invalid)] {
        bind_mode(&mut keymap.search, raw, invalid)?;
    }
    for (raw, invalid) in [
        (defaults.adjudicate, invalid_default),
        (user.adjudicate, invalid),
    ] {
        bind_mode(&mut keymap.adjudicate, raw, invalid)?;
    }
    for (raw, invalid) in [(defaults.prompt, invalid_default), (user.prompt, invalid)] {
        bind_mode(&mut keymap.prompt, raw, invalid)?;
    }
    Ok(keymap)
}

/// Binds one mode's table into `bindings`: names from the mode's vocabulary, or `none`.
fn bind_mode<A: Copy + PartialEq>(
    bindings: &mut Bindings<A>,
    table: Table,
    invalid: &dyn Fn(Range<usize>, String) -> ConfigError,
) -> Result<(), ConfigError> {
    let vocabulary = bindings.vocabulary();
    let resolve = |name: &str| match name {
        "none" => Ok(None),
        _ => vocabulary.action(name).map(Some).ok_or_else(|| {
            format!(
                "is not an action of [{}]; it has {}",
                vocabulary.table,
                vocabulary.names()
            )
        }),
    };
    bind_table(
        vocabulary,
        table,
        &resolve,
        &mut |k, a| bindings.bind(k, a),
        invalid,
    )
}

/// Binds the `"key" = "action"` lines of one table of `vocabulary`'s mode through `bind`, or
/// says what is wrong with the first bad line.
fn bind_table<A>(
    vocabulary: &Vocabulary<A>,
    table: Table,
    resolve: &dyn Fn(&str) -> Result<Option<A>, String>,
    bind: &mut dyn FnMut(Key, Option<A>),
    invalid: &dyn Fn(Range<usize>, String) -> ConfigError,
) -> Result<(), ConfigError> {
    let name = vocabulary.table;
    let mut seen: Vec<(Key, String)> = Vec::with_capacity(table.len());
    for (key, action) in table {
        let Some(parsed) = Key::parse(&key) else {
            return Err(invalid(
                action.span(),
                format!("{name}: \"{key}\" is not a key"),
            ));
        };
        // "G" and "shift-g" are one key: two lines for it in one table leave one of them
        // silently lost, whichever the file happens to list last.
        if let Some((_, other)) = seen.iter().find(|(k, _)| *k == parsed) {
            return Err(invalid(
                action.span(),
                format!("{name}: \"{other}\" and \"{key}\" are the same key; keep one"),
            ));
        }
        let plain = matches!(parsed.code, crossterm::event::KeyCode::Char(_))
            && parsed.modifiers.is_empty();
        if vocabulary.takes_text && plain && action.get_ref() != "none" {
            return Err(invalid(
                action.span(),
                format!(
                    "{name}.\"{key}\": a plain character types text here; bind a key with ctrl- or alt-"
                ),
            ));
        }
        let resolved = resolve(action.get_ref()).map_err(|why| {
            invalid(
                action.span(),
                format!("{name}.\"{key}\": \"{}\" {why}", action.get_ref()),
            )
        })?;
        seen.push((parsed, key));
        bind(parsed, resolved);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::Config;

    #[test]
    fn each_mode_has_its_own_table_of_keys() {
        use crate::config::modes::{AdjudicateAction, EditorAction, PromptAction};
        let key = |s: &str| Key::parse(s).expect("key");
        let defaults = Config::default().keys;
        assert_eq!(
            defaults.editor.action(key("ctrl-s")),
            Some(EditorAction::Save)
        );
        assert_eq!(
            defaults.search.action(key("enter")),
            Some(PromptAction::Keep)
        );
        assert_eq!(
            defaults.prompt.action(key("esc")),
            Some(PromptAction::Cancel)
        );
        assert_eq!(
            defaults.adjudicate.action(key("A")),
            Some(AdjudicateAction::Close)
        );
        assert_eq!(
            defaults.editor.action(key("j")),
            None,
            "normal keys stay out"
        );
        let text = "[keys.editor]\n\"ctrl-x\" = \"save\"\n\"ctrl-s\" = \"none\"\n\
                    [keys.adjudicate]\n\"l\" = \"next\"\n\"j\" = \"none\"\n\
                    [keys.prompt]\n\"ctrl-g\" = \"cancel\"\n\
                    [keys]\n\"ctrl-x\" = \"quit\"\n";
        let keys = Config::from_str_with_defaults(text, Path::new("c.toml"))
            .expect("valid")
            .keys;
        assert_eq!(keys.editor.action(key("ctrl-x")), Some(EditorAction::Save));
        assert_eq!(keys.editor.action(key("ctrl-s")), None);
        assert_eq!(keys.editor.action(key("enter")), Some(EditorAction::Save));
        assert_eq!(
            keys.action(key("ctrl-x")),
            Some(keys::Action::Quit),
            "one key, two modes"
        );
        assert_eq!(
            keys.adjudicate.action(key("l")),
            Some(AdjudicateAction::Next)
        );
        assert_eq!(keys.adjudicate.action(key("j")), None);
        assert_eq!(
            keys.prompt.action(key("ctrl-g")),
            Some(PromptAction::Cancel)
        );
        assert_eq!(
            keys.search.action(key("ctrl-g")),
            None,
            "the search has its own"
        );
    }

    #[test]
    fn a_mode_refuses_what_it_does_not_know_naming_the_line() {
        let refused = |text: &str| {
            Config::from_str_with_defaults(text, Path::new("c.toml"))
                .expect_err("refused")
                .to_string()
        };
        assert_eq!(
            refused("author = \"ana\"\n[keys.editor]\n\"ctrl-s\" = \"next\"\n"),
            "c.toml:3: keys.editor.\"ctrl-s\": \"next\" is not an action of [keys.editor]; \
             it has save, cancel, next_field, prev_field, external_note; fix the config file \
             (see config.example.toml)"
        );
        assert!(
            refused("[keys.search]\n\"hyper-q\" = \"keep\"\n")
                .starts_with("c.toml:2: keys.search: \"hyper-q\" is not a key"),
        );
        // A plain character would no longer type in the editor or a prompt.
        assert!(
            refused("[keys.editor]\n\"s\" = \"save\"\n")
                .starts_with("c.toml:2: keys.editor.\"s\": a plain character types text here")
        );
        assert!(refused("[keys.prompt]\n\"space\" = \"keep\"\n").starts_with("c.toml:2:"));
        let unknown = refused("[keys.editr]\n\"ctrl-s\" = \"save\"\n");
        assert!(unknown.starts_with("c.toml:1:"), "{unknown}");
    }

    #[test]
    fn one_key_written_twice_in_a_table_is_refused() {
        let refused = |text: &str| {
            Config::from_str_with_defaults(text, Path::new("c.toml"))
                .expect_err("refused")
                .to_string()
        };
        assert_eq!(
            refused("[keys.search]\n\"ctrl-g\" = \"cancel\"\n\"ctrl-G\" = \"keep\"\n"),
            "c.toml:2: keys.search: \"ctrl-G\" and \"ctrl-g\" are the same key; keep one; \
             fix the config file (see config.example.toml)"
        );
        assert!(
            refused("[keys]\n\"G\" = \"quit\"\n\"shift-g\" = \"help\"\n")
                .starts_with("c.toml:3: keys: \"G\" and \"shift-g\" are the same key")
        );
        let text = "[keys.adjudicate]\n\"x\" = \"close\"\n[keys.editor]\n\"ctrl-x\" = \"cancel\"\n";
        Config::from_str_with_defaults(text, Path::new("c.toml"))
            .expect("one key in two modes is no duplicate");
    }
}
