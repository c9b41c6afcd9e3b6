//! Light and dark: which colours suit the terminal's background, asked of the terminal itself
//! when the config leaves it to `auto`.
//!
//! The answer comes from an OSC 11 query (`terminal-colorsaurus`), made only when standard input
//! and output are a terminal and colour is on. The query is fenced by a device-attributes query
//! that nearly every terminal answers at once, so a terminal that cannot tell its colours is known
//! as soon as that answer arrives and leaves the dark theme. Only a terminal that answers nothing
//! at all is waited for, up to the library's default of one second: a shorter wait would let the
//! answer of a terminal at the far end of a slow SSH link arrive after the reader started, to be
//! read as keys (`1`, `1`, `;`, `r`…, and `r` changes a grade).

use std::io::IsTerminal as _;

use crate::config::Config;
use crate::config::theme::Background;

/// Settles `config.background` (asking the terminal when it is `auto`) and puts the light
/// colours in `config.theme` when the background is light.
pub fn choose(config: &mut Config) {
    if config.background == Background::Auto && config.color {
        config.background = terminal_background().unwrap_or(Background::Dark);
    }
    if config.background == Background::Light {
        config.theme = config.light_theme;
    }
}

/// What the terminal says its background is, when it is a terminal and answers in time.
fn terminal_background() -> Option<Background> {
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return None;
    }
    match terminal_colorsaurus::theme_mode(terminal_colorsaurus::QueryOptions::default()).ok()? {
        terminal_colorsaurus::ThemeMode::Light => Some(Background::Light),
        terminal_colorsaurus::ThemeMode::Dark => Some(Background::Dark),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::theme::LIGHT;
    use ratatui::style::Color;

    #[test]
    fn an_explicit_light_background_takes_the_light_colours() {
        let mut config = Config::from_str_with_defaults(
            "[theme]\nbackground = \"light\"\naccent = \"magenta\"\n",
            std::path::Path::new("c.toml"),
        )
        .expect("valid");
        choose(&mut config);
        assert_eq!(
            config.theme.accent,
            Color::Magenta,
            "the user's colour wins"
        );
        assert_eq!(config.theme.selection_bg, LIGHT.selection_bg);
    }

    #[test]
    fn dark_and_auto_without_a_terminal_keep_the_defaults() {
        for text in ["[theme]\nbackground = \"dark\"\n", ""] {
            let mut config =
                Config::from_str_with_defaults(text, std::path::Path::new("c.toml")).expect("ok");
            let dark = config.theme;
            choose(&mut config);
            assert_eq!(config.theme, dark);
            assert_ne!(config.background, Background::Light);
        }
    }

    #[test]
    fn a_wrong_background_is_refused_with_its_line() {
        let error = Config::from_str_with_defaults(
            "author = \"a\"\n[theme]\nbackground = \"grey\"\n",
            std::path::Path::new("c.toml"),
        )
        .expect_err("refused");
        assert!(
            error.to_string().starts_with("c.toml:3: theme.background"),
            "{error}"
        );
    }
}
