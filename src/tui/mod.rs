//! The terminal app: the reader and the review screen, each a folder with its state, `update`
//! and drawing; the event loops that tie them to a terminal; and setting the terminal up and
//! restoring it.

mod error;
mod events;
pub mod input;
pub mod reader;
mod reader_loop;
pub mod review;
pub mod review_loop;
pub mod theme;
mod tty;

use std::io::{self, IsTerminal as _, Write as _};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};

use crate::config::Config;
pub use error::ReaderError;
pub use events::{Events, Input, Workers};
use reader::loading::Opening;
pub use reader_loop::{Context, Start, read_on, run, run_with};

/// Opens `report` in the reader on the real terminal and returns when the user quits, or when
/// the process gets SIGTERM, SIGHUP or SIGINT (the terminal is restored either way).
///
/// A sidecar that cannot be read is never written: the reader then opens read-only and says why.
///
/// The reader starts where the user left this report and keeps where they leave it (see
/// [`crate::resume`]); a place that cannot be kept costs one line on standard error, nothing
/// more.
///
/// A web page with no article in it is refused before the terminal is set up (exit 2), as the
/// commands refuse it.
pub fn read(report: &Path, config: Config) -> Result<(), ReaderError> {
    let opening = Opening::of(report)?;
    let (Opening::Whole(first) | Opening::Head(first)) = &opening;
    ReaderError::refuse_no_article(first)?;
    let mut context = reader_loop::Context::default();
    let result = on_terminal(config, |terminal, config, stop| {
        context.places = crate::resume::Places::user();
        reader_loop::read_opening(
            terminal,
            opening,
            config,
            Start::default(),
            stop,
            &mut context,
        )
    });
    if let Some(warning) = context.warning {
        let _ = writeln!(io::stderr(), "sidenote: {warning}");
    }
    result
}

/// Opens the review screen of the folder `root` on the real terminal (see [`review`]); returns
/// when the user quits it or a signal arrives.
pub fn review(root: &Path, config: Config) -> Result<(), ReaderError> {
    let mut warning = None;
    let result = on_terminal(config, |terminal, config, stop| {
        warning = review_loop::live(terminal, root, config, stop)?;
        Ok(())
    });
    if let Some(warning) = warning {
        let _ = writeln!(io::stderr(), "sidenote: {warning}");
    }
    result
}

/// Sets up the real terminal (raw mode, alternate screen, mouse, signals) and the theme for its
/// background, runs `session` on it, and restores it whatever happened.
fn on_terminal(
    mut config: Config,
    session: impl FnOnce(&mut ratatui::DefaultTerminal, Config, &AtomicBool) -> Result<(), ReaderError>,
) -> Result<(), ReaderError> {
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(ReaderError::NoTerminal);
    }
    // Signals are caught before the theme query: it puts the terminal in raw mode for up to a
    // second, and a signal's default action then would leave it so.
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))?;
    }
    theme::choose(&mut config);
    if stop.load(Ordering::Relaxed) {
        return Ok(());
    }
    let mut terminal = ratatui::try_init()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let result = crossterm::execute!(io::stdout(), EnableMouseCapture)
        .and_then(|()| tty::reads_never_wait())
        .map_err(ReaderError::from)
        .and_then(|()| session(&mut terminal, config, &stop));
    let _ = crossterm::execute!(io::stdout(), DisableMouseCapture);
    if let Err(e) = ratatui::try_restore() {
        // Not `eprintln!`: standard error may be the terminal that just hung up.
        let _ = writeln!(
            io::stderr(),
            "sidenote: could not restore the terminal: {e}"
        );
        // Dropping the terminal would try to show the cursor on it again and panic when it
        // cannot print why; there is nothing left to restore.
        std::mem::forget(terminal);
    }
    result
}
