//! Settings: defaults embedded from `assets/config.toml`, overlaid by the user's `config.toml`
//! (from the platform's config folder) or the file given with `--config`.
//!
//! Unknown keys are errors that name the file, the line and the key: a typo in a setting should
//! never be silently ignored.

use std::path::{Path, PathBuf};
use std::str::FromStr as _;

use ratatui::style::Color;
use serde::Deserialize;
use toml::Spanned;

pub mod bindings;
mod key_tables;
pub mod keys;
pub mod modes;
pub mod theme;

use key_tables::{RawKeys, resolve_keys};
use keys::{Key, Keymap};
use theme::{Background, Theme};

/// The embedded defaults.
const DEFAULTS: &str = include_str!("../../assets/config.toml");

/// Why the settings could not be read; each message names the file, the line and the key.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{}: cannot read config: {}", crate::report::safe_path(path), crate::report::safe(&source.to_string()))]
    Io {
        /// The config file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not valid, or a setting is wrong.
    #[error(
        "{}:{line}: {}; fix the config file (see config.example.toml)",
        crate::report::safe_path(path),
        crate::report::safe(message)
    )]
    Invalid {
        /// The config file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// What is wrong, naming the key.
        message: String,
    },
}

/// One tag a claim can carry.
#[derive(Debug, Clone, PartialEq)]
pub struct Tag {
    /// The name written in the sidecar's `status`.
    pub name: String,
    /// The key that applies it in the reader (and chooses it in the claim editor).
    pub key: Key,
    /// Its colour on screen.
    pub color: Color,
    /// What it means, for the help screen.
    pub description: String,
}

/// All settings, resolved and validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Who new claims are attributed to.
    pub author: String,
    /// The tags, in the order the panel and the filter show them.
    pub tags: Vec<Tag>,
    /// The keys of the reader and the review screen: the defaults, then each tag's own key, then
    /// the user's `[keys]`, a later binding of a key winning.
    pub keys: Keymap,
    /// Colours.
    pub theme: Theme,
    /// The background the colours are for; `auto` asks the terminal (`tui::theme::choose`).
    pub background: Background,
    /// The colours for a light background: the user's `[theme]` colours, else [`theme::LIGHT`].
    pub light_theme: Theme,
    /// Whether to use colour at all (off when `NO_COLOR` is set).
    pub color: bool,
    /// Attribution suggestions: on or off, and the words added to the built-in cue lists.
    pub suggest: SuggestSettings,
}

/// The `[suggest]` section: whether the reader proposes tags, and extra cue words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SuggestSettings {
    /// Whether suggestions are shown in the reader.
    pub enabled: bool,
    /// Words added to the lists of `assets/cues.toml`.
    pub extra: crate::suggest::Extra,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    author: Option<String>,
    #[serde(rename = "tag")]
    tags: Option<Vec<RawTag>>,
    theme: Option<RawTheme>,
    keys: Option<RawKeys>,
    suggest: Option<RawSuggest>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSuggest {
    enabled: Option<bool>,
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    anonymous: Vec<String>,
    #[serde(default)]
    hedges: Vec<String>,
    #[serde(default)]
    documents: Vec<String>,
    #[serde(default)]
    furniture: Vec<String>,
}

impl RawSuggest {
    /// These settings over `base`: a flag set here wins, lists add up.
    fn over(self, base: SuggestSettings) -> SuggestSettings {
        let mut extra = base.extra;
        extra.verbs.extend(self.verbs);
        extra.anonymous.extend(self.anonymous);
        extra.hedges.extend(self.hedges);
        extra.documents.extend(self.documents);
        extra.furniture.extend(self.furniture);
        SuggestSettings {
            enabled: self.enabled.unwrap_or(base.enabled),
            extra,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTag {
    name: Spanned<String>,
    key: Spanned<String>,
    color: Spanned<String>,
    #[serde(default)]
    description: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    background: Option<Spanned<String>>,
    accent: Option<Spanned<String>>,
    search_fg: Option<Spanned<String>>,
    search_bg: Option<Spanned<String>>,
    selection_fg: Option<Spanned<String>>,
    selection_bg: Option<Spanned<String>>,
}

impl Default for Config {
    fn default() -> Self {
        Self::from_str_with_defaults("", Path::new("(defaults)"))
            .expect("the embedded defaults are valid (checked by a test)")
    }
}

/// The largest config file that is read: settings take a few KiB, so anything near this is not
/// a config file (`--config /dev/zero`, a log given by mistake).
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The text of the config file at `path`: a regular file of at most [`MAX_CONFIG_BYTES`].
/// Anything else is refused before it is read (a named pipe would wait for a writer, a device
/// may never end).
fn read_config(path: &Path) -> std::io::Result<String> {
    use std::io::Read as _;
    let check = |meta: &std::fs::Metadata| {
        if !meta.is_file() {
            let kind = crate::report::file_kind(meta.file_type());
            Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("it is a {kind}, not a regular file; give a config.toml"),
            ))
        } else if meta.len() > MAX_CONFIG_BYTES {
            Err(too_large())
        } else {
            Ok(())
        }
    };
    check(&std::fs::metadata(path)?)?;
    let file = std::fs::File::open(path)?;
    // The path may have been replaced between the look and the open: check what was opened.
    check(&file.metadata()?)?;
    let mut bytes = Vec::new();
    file.take(MAX_CONFIG_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(too_large());
    }
    String::from_utf8(bytes)
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not valid UTF-8"))
}

fn too_large() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::FileTooLarge,
        format!(
            "larger than {} MiB, more than any config; give a config.toml",
            MAX_CONFIG_BYTES >> 20
        ),
    )
}

impl Config {
    /// The settings for this run: `--config FILE` when given (it must exist), else the user's
    /// `config.toml` when there is one, over the defaults.
    pub fn load(explicit: Option<&Path>) -> Result<Self, ConfigError> {
        let path = match explicit {
            Some(path) => Some(path.to_path_buf()),
            None => user_config_path().filter(|p| p.is_file()),
        };
        let Some(path) = path else {
            return Ok(Self::default());
        };
        let text = read_config(&path).map_err(|source| ConfigError::Io {
            path: path.clone(),
            source,
        })?;
        Self::from_str_with_defaults(&text, &path)
    }

    /// Parses `text` (named `path` in errors) over the embedded defaults.
    pub fn from_str_with_defaults(text: &str, path: &Path) -> Result<Self, ConfigError> {
        let defaults = parse_raw(DEFAULTS, Path::new("assets/config.toml"))?;
        let user = parse_raw(text, path)?;
        let invalid = |span: std::ops::Range<usize>, message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            line: line_of(text, span.start),
            message,
        };
        let author = user
            .author
            .or(defaults.author)
            .filter(|a| !a.trim().is_empty())
            .unwrap_or_else(default_author);
        let (raw_tags, tags_text) = match user.tags {
            Some(tags) => (tags, text),
            None => (defaults.tags.unwrap_or_default(), DEFAULTS),
        };
        let tags = resolve_tags(raw_tags, tags_text, path)?;
        let names: Vec<String> = tags.iter().map(|t| t.name.clone()).collect();
        let invalid_default =
            |span: std::ops::Range<usize>, message: String| ConfigError::Invalid {
                path: PathBuf::from("assets/config.toml"),
                line: line_of(DEFAULTS, span.start),
                message,
            };
        let keys = resolve_keys(
            defaults.keys,
            &tags,
            user.keys,
            &names,
            &invalid_default,
            &invalid,
        )?;
        let mut theme_user = user.theme.unwrap_or_default();
        let mut theme_default = defaults.theme.unwrap_or_default();
        let background = theme_user
            .background
            .take()
            .or(theme_default.background.take());
        let background = background_of(background).map_err(|(span, m)| invalid(span, m))?;
        // A colour the user set holds on either background; the others follow the background.
        let user_set = [
            theme_user.accent.is_some(),
            theme_user.search_fg.is_some(),
            theme_user.search_bg.is_some(),
            theme_user.selection_fg.is_some(),
            theme_user.selection_bg.is_some(),
        ];
        let pick = |name: &str,
                    user: Option<Spanned<String>>,
                    default: Option<Spanned<String>>|
         -> Result<Color, ConfigError> {
            match user {
                Some(value) => parse_color(value.get_ref()).ok_or_else(|| {
                    invalid(
                        value.span(),
                        format!("theme.{name}: \"{}\" is not a colour", value.get_ref()),
                    )
                }),
                None => Ok(default
                    .and_then(|d| parse_color(d.get_ref()))
                    .unwrap_or(Color::Reset)),
            }
        };
        let theme = Theme {
            accent: pick("accent", theme_user.accent, theme_default.accent)?,
            search_fg: pick("search_fg", theme_user.search_fg, theme_default.search_fg)?,
            search_bg: pick("search_bg", theme_user.search_bg, theme_default.search_bg)?,
            selection_fg: pick(
                "selection_fg",
                theme_user.selection_fg,
                theme_default.selection_fg,
            )?,
            selection_bg: pick(
                "selection_bg",
                theme_user.selection_bg,
                theme_default.selection_bg,
            )?,
        };
        let light_theme = theme::light(theme, user_set);
        let suggest = defaults
            .suggest
            .unwrap_or_default()
            .over(SuggestSettings::default());
        let suggest = user.suggest.unwrap_or_default().over(suggest);
        Ok(Self {
            author,
            tags,
            keys,
            theme,
            background,
            light_theme,
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            suggest,
        })
    }

    /// The index of the tag named `name`.
    pub fn tag_index(&self, name: &str) -> Option<usize> {
        self.tags.iter().position(|t| t.name == name)
    }

    /// The tag names, for error messages that list what is allowed.
    pub fn tag_list(&self) -> String {
        self.tags
            .iter()
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Where the user's config file is looked for (`~/.config/sidenote/config.toml` on Linux).
pub fn user_config_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "sidenote").map(|d| d.config_dir().join("config.toml"))
}

fn parse_raw(text: &str, path: &Path) -> Result<RawConfig, ConfigError> {
    toml::from_str(text).map_err(|e| ConfigError::Invalid {
        path: path.to_path_buf(),
        line: line_of(text, e.span().map_or(0, |s| s.start)),
        message: e.message().trim().replace('\n', " "),
    })
}

fn resolve_tags(raw: Vec<RawTag>, text: &str, path: &Path) -> Result<Vec<Tag>, ConfigError> {
    let invalid = |span: std::ops::Range<usize>, message: String| ConfigError::Invalid {
        path: path.to_path_buf(),
        line: line_of(text, span.start),
        message,
    };
    let mut tags: Vec<Tag> = Vec::with_capacity(raw.len());
    for tag in raw {
        let name = tag.name.get_ref();
        let valid_name = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
        if !valid_name {
            return Err(invalid(
                tag.name.span(),
                format!("tag.name: \"{name}\" must be a word (letters, digits, - or _)"),
            ));
        }
        if tags.iter().any(|t| t.name == *name) {
            return Err(invalid(
                tag.name.span(),
                format!("tag.name: \"{name}\" is defined twice"),
            ));
        }
        let Some(key) = Key::parse(tag.key.get_ref()) else {
            return Err(invalid(
                tag.key.span(),
                format!("tag.key: \"{}\" is not a key", tag.key.get_ref()),
            ));
        };
        // Two tags on one key would leave one of them out of reach, and help would show it
        // with no key: refuse, naming both.
        if let Some(other) = tags.iter().find(|t| t.key == key) {
            return Err(invalid(
                tag.key.span(),
                format!(
                    "tag.key: \"{}\" is the key of both \"{}\" and \"{name}\"",
                    tag.key.get_ref(),
                    other.name
                ),
            ));
        }
        let color = parse_color(tag.color.get_ref()).ok_or_else(|| {
            invalid(
                tag.color.span(),
                format!(
                    "tag.color: \"{}\" is not a colour (a name like \"green\", or \"#rrggbb\")",
                    tag.color.get_ref()
                ),
            )
        })?;
        tags.push(Tag {
            name: name.clone(),
            key,
            color,
            description: tag.description,
        });
    }
    if tags.is_empty() {
        return Err(invalid(0..0, "tag: at least one tag is needed".to_owned()));
    }
    Ok(tags)
}

/// The `background` setting, `auto` when unset; a wrong value gives its span and what is wrong.
fn background_of(
    value: Option<Spanned<String>>,
) -> Result<Background, (std::ops::Range<usize>, String)> {
    let Some(value) = value else {
        return Ok(Background::Auto);
    };
    Background::parse(value.get_ref()).ok_or_else(|| {
        (
            value.span(),
            format!(
                "theme.background: \"{}\" must be \"auto\", \"dark\" or \"light\"",
                value.get_ref()
            ),
        )
    })
}

fn parse_color(text: &str) -> Option<Color> {
    Color::from_str(text).ok()
}

fn default_author() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "anonymous".to_owned())
}

fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_file_equals_the_defaults() {
        let example = include_str!("../../config.example.toml");
        let parsed = Config::from_str_with_defaults(example, Path::new("config.example.toml"))
            .expect("the example is valid");
        let defaults = Config::default();
        assert_eq!(parsed.tags, defaults.tags);
        assert_eq!(parsed.theme, defaults.theme);
        assert_eq!(parsed.light_theme, defaults.light_theme);
        assert_eq!(parsed.background, defaults.background);
        assert_eq!(parsed.keys, defaults.keys);
        assert_eq!(parsed.author, defaults.author);
        assert_eq!(parsed.suggest, defaults.suggest);
    }

    #[test]
    fn suggest_section_turns_off_and_adds_words() {
        assert!(Config::default().suggest.enabled);
        let text = "[suggest]\nenabled = false\nverbs = [\"relayed\"]\n";
        let config = Config::from_str_with_defaults(text, Path::new("c.toml")).expect("valid");
        assert!(!config.suggest.enabled);
        assert_eq!(config.suggest.extra.verbs, ["relayed"]);
        let err = Config::from_str_with_defaults("[suggest]\nverb = []\n", Path::new("c.toml"))
            .expect_err("unknown key");
        assert!(err.to_string().contains("unknown field `verb`"), "{err}");
    }

    #[test]
    fn defaults_have_the_four_tags() {
        let config = Config::default();
        let names: Vec<_> = config
            .tags
            .iter()
            .map(|t| (t.name.as_str(), t.key.label(), t.color))
            .collect();
        assert_eq!(
            names,
            vec![
                ("sourced", "s".to_owned(), Color::Green),
                ("unsourced", "u".to_owned(), Color::Red),
                ("disputed", "d".to_owned(), Color::Yellow),
                ("opinion", "o".to_owned(), Color::Blue)
            ]
        );
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let err = Config::from_str_with_defaults(
            "author = \"ana\"\ncolour = \"red\"\n",
            Path::new("my.toml"),
        )
        .expect_err("unknown key");
        let message = err.to_string();
        assert!(
            message.starts_with("my.toml:2: unknown field `colour`"),
            "{message}"
        );
    }

    #[test]
    fn bad_values_name_the_line() {
        let text = "[[tag]]\nname = \"rumour\"\nkey = \"r\"\ncolor = \"ultraviolet\"\n";
        let err =
            Config::from_str_with_defaults(text, Path::new("c.toml")).expect_err("bad colour");
        assert!(
            err.to_string()
                .starts_with("c.toml:4: tag.color: \"ultraviolet\""),
            "{err}"
        );
        let text = "[keys]\n\"j\" = \"jump_around\"\n";
        let err =
            Config::from_str_with_defaults(text, Path::new("c.toml")).expect_err("bad action");
        assert!(
            err.to_string()
                .starts_with("c.toml:2: keys.\"j\": \"jump_around\""),
            "{err}"
        );
        let text = "[keys]\n\"t\" = \"tag:rumour\"\n";
        let err = Config::from_str_with_defaults(text, Path::new("c.toml")).expect_err("bad tag");
        assert!(err.to_string().contains("no tag named \"rumour\""), "{err}");
    }

    #[test]
    fn two_tags_on_one_key_are_refused_naming_both_and_the_key() {
        let text = "[[tag]]\nname = \"alpha\"\nkey = \"s\"\ncolor = \"green\"\n\
                    [[tag]]\nname = \"beta\"\nkey = \"s\"\ncolor = \"red\"\n";
        let err = Config::from_str_with_defaults(text, Path::new("c.toml")).expect_err("one key");
        assert_eq!(
            err.to_string(),
            "c.toml:7: tag.key: \"s\" is the key of both \"alpha\" and \"beta\"; fix the config file (see config.example.toml)"
        );
        let text = text.replace(
            "key = \"s\"\ncolor = \"red\"",
            "key = \"t\"\ncolor = \"red\"",
        );
        let config = Config::from_str_with_defaults(&text, Path::new("c.toml")).expect("two keys");
        assert_eq!(config.tags.len(), 2);
    }

    #[test]
    fn a_key_that_is_not_one_is_an_error_naming_its_line() {
        let text = "author = \"ana\"\n[keys]\n\"hyper-x\" = \"quit\"\n";
        let err = Config::from_str_with_defaults(text, Path::new("c.toml")).expect_err("bad key");
        assert!(
            err.to_string()
                .starts_with("c.toml:3: keys: \"hyper-x\" is not a key"),
            "{err}"
        );
        let text = "[[tag]]\nname = \"rumour\"\nkey = \"ctrl-\"\ncolor = \"red\"\n";
        let err = Config::from_str_with_defaults(text, Path::new("c.toml")).expect_err("bad key");
        assert!(
            err.to_string().starts_with("c.toml:3: tag.key: \"ctrl-\""),
            "{err}"
        );
    }

    #[test]
    fn user_tags_replace_the_defaults() {
        let text =
            "author = \"ana\"\n[[tag]]\nname = \"verified\"\nkey = \"v\"\ncolor = \"#00ff00\"\n";
        let config = Config::from_str_with_defaults(text, Path::new("c.toml")).expect("valid");
        assert_eq!(config.author, "ana");
        assert_eq!(config.tags.len(), 1);
        assert_eq!(config.tags[0].color, Color::Rgb(0, 255, 0));
    }

    #[test]
    fn missing_explicit_file_is_an_error() {
        let err = Config::load(Some(Path::new("/no/such/config.toml"))).expect_err("missing");
        assert!(
            err.to_string()
                .starts_with("/no/such/config.toml: cannot read config"),
            "{err}"
        );
    }
}
