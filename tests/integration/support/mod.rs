//! What several test modules share: the built binary and the settings it runs with, key
//! events for the screen tests, and the pseudo-terminal harness ([`pty`]).

pub mod pty;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use sidenote::config::keys::Key;
use sidenote::tui::Input;

/// The built `sidenote` binary.
pub const SIDENOTE: &str = env!("CARGO_BIN_EXE_sidenote");

/// A settings file holding nothing, so the built-in defaults, for tests that want no settings of
/// their own. Tests pass it with `--config` (after the subcommand) rather than relying on
/// `XDG_CONFIG_HOME`, which the `directories` crate ignores on macOS: the user's own settings
/// never leak into a test. Made once per test run, in cargo's folder for integration tests.
pub fn default_config() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sidenote-default-config.toml");
        std::fs::write(&path, "# The built-in defaults: nothing set here.\n")
            .expect("write the tests' settings file");
        path
    })
}

/// The folder where the binary keeps its places (where the reader and the review screen were
/// left, `SIDENOTE_STATE_DIR`) in every test that opens a screen, so that no test reads or
/// writes the user's own; emptied once per test run. (Commands without a terminal never touch
/// places: the screens look for them only once they know they have a terminal.)
pub fn state_dir() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sidenote-state");
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("make the tests' state folder");
        path
    })
}

/// Where the binary run by the tests keeps its cache (`SIDENOTE_CACHE_DIR`), in cargo's folder
/// for integration tests: never the user's own cache.
pub fn cache_dir() -> &'static Path {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| Path::new(env!("CARGO_TARGET_TMPDIR")).join("sidenote-cache"))
}

/// The names in `folder`, sorted: what a command left behind.
pub fn listing(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("read folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Key presses, as the terminal would send them, from key names separated by spaces, as the
/// config names them (`j`, `Ctrl-s`, `Enter`, `]`).
pub fn key_events(keys: &str) -> Vec<std::io::Result<Input>> {
    keys.split(' ')
        .filter(|k| !k.is_empty())
        .map(|k| {
            let key = Key::parse(k).unwrap_or_else(|| panic!("{k:?} is no key"));
            Ok(Input::Terminal(Event::Key(KeyEvent::new(
                key.code,
                key.modifiers,
            ))))
        })
        .collect()
}

/// Key presses typing `text`, one character at a time.
pub fn text_events(text: &str) -> Vec<std::io::Result<Input>> {
    text.chars()
        .map(|c| {
            let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            Ok(Input::Terminal(Event::Key(key)))
        })
        .collect()
}

/// The rows of a drawn screen, as text.
pub fn rows(buffer: &ratatui::buffer::Buffer) -> Vec<String> {
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect()
}

/// The first row of a drawn screen that holds `needle`, for assertions that name the row.
pub fn row_with(buffer: &ratatui::buffer::Buffer, needle: &str) -> Option<String> {
    rows(buffer).into_iter().find(|row| row.contains(needle))
}

/// Where `needle` first shows on a drawn screen: its column (in code points, which is cells for
/// the narrow text the tests look for) and row.
pub fn find(buffer: &ratatui::buffer::Buffer, needle: &str) -> Option<(u16, u16)> {
    rows(buffer).iter().zip(0..).find_map(|(row, y)| {
        row.find(needle)
            .map(|byte| (row[..byte].chars().count() as u16, y))
    })
}
