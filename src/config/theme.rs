//! Colours: the [`Theme`] of the parts of the screen that are not tags, its light variant, and
//! the [`Background`] setting they are chosen for. Asking the terminal for its background is the
//! terminal app's business (`tui::theme`).

use ratatui::style::Color;

/// Colours of the parts of the screen that are not tags.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    /// Borders and titles of the focused pane.
    pub accent: Color,
    /// Search matches: text colour.
    pub search_fg: Color,
    /// Search matches: background.
    pub search_bg: Color,
    /// The sentences being selected: text colour.
    pub selection_fg: Color,
    /// The sentences being selected: background.
    pub selection_bg: Color,
}

/// The colours of the light theme, for each `[theme]` colour the user did not set. Dark
/// backgrounds take the defaults in `assets/config.toml`.
pub const LIGHT: Theme = Theme {
    accent: Color::Blue,
    search_fg: Color::Black,
    search_bg: Color::LightYellow,
    selection_fg: Color::Black,
    selection_bg: Color::LightCyan,
};

/// The colours for a light background: each colour the user set (`user_set`, in the order of
/// [`Theme`]'s fields) as in `dark`, the others from [`LIGHT`].
pub fn light(dark: Theme, user_set: [bool; 5]) -> Theme {
    let keep = |i: usize, dark: Color, light: Color| if user_set[i] { dark } else { light };
    Theme {
        accent: keep(0, dark.accent, LIGHT.accent),
        search_fg: keep(1, dark.search_fg, LIGHT.search_fg),
        search_bg: keep(2, dark.search_bg, LIGHT.search_bg),
        selection_fg: keep(3, dark.selection_fg, LIGHT.selection_fg),
        selection_bg: keep(4, dark.selection_bg, LIGHT.selection_bg),
    }
}

/// The background the colours are chosen for (`[theme] background` in the config).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Background {
    /// Ask the terminal; dark when it does not say.
    #[default]
    Auto,
    /// A dark background with light text.
    Dark,
    /// A light background with dark text.
    Light,
}

impl Background {
    /// The setting's value as written in the config, or `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "auto" => Some(Self::Auto),
            "dark" => Some(Self::Dark),
            "light" => Some(Self::Light),
            _ => None,
        }
    }
}
