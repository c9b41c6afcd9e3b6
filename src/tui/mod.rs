//! The interactive reader: state, keys, drawing, and the event loop that ties them to a terminal.

pub mod action;
pub mod app;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod ui;
pub mod wrap;

use std::io;
use std::path::Path;

use crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::annotate::{Sidecar, sidecar_path};
use crate::config::Config;
use crate::report::{LoadError, Report};
use action::Action;
use app::{App, Effect, update};

/// Why the reader could not run.
#[derive(Debug, thiserror::Error)]
pub enum ReaderError {
    /// The report could not be opened.
    #[error(transparent)]
    Report(#[from] LoadError),
    /// The terminal could not be set up or drawn on.
    #[error("terminal: {0}")]
    Terminal(#[from] io::Error),
}

/// Opens `report` in the reader on the real terminal and returns when the user quits.
///
/// A sidecar that cannot be read is never written: the reader then opens read-only and says why.
pub fn read(report: &Path, config: Config) -> Result<(), ReaderError> {
    let report = Report::load(report)?;
    let path = sidecar_path(&report.path);
    let (sidecar, read_only) = match Sidecar::load(&path) {
        Ok(sidecar) => (sidecar, None),
        Err(e) => (None, Some(e.to_string())),
    };
    let mut app = App::new(report, sidecar, config, read_only);
    let mut terminal = ratatui::try_init()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let result = crossterm::execute!(io::stdout(), EnableMouseCapture).and_then(|()| {
        run(
            &mut terminal,
            &mut app,
            &path,
            std::iter::repeat_with(crossterm::event::read),
        )
    });
    let _ = crossterm::execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    Ok(result?)
}

/// The event loop: draw, wait for an event, update, carry out the effect. Ends on quit or when
/// `events` runs out, so tests drive it with a list of events on a `TestBackend`.
pub fn run<B, E>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    sidecar: &Path,
    events: E,
) -> io::Result<()>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    E: IntoIterator<Item = io::Result<Event>>,
{
    let mut events = events.into_iter();
    loop {
        // A resize can happen before its event reaches us (or between draws): lay out for the
        // size the frame will really have.
        let size = terminal.size().map_err(io::Error::other)?;
        if (size.width, size.height) != (app.size.width, app.size.height) {
            update(app, Action::Resize(size.width, size.height));
        }
        terminal
            .draw(|frame| ui::draw(frame, app))
            .map_err(io::Error::other)?;
        let Some(event) = events.next() else {
            return Ok(());
        };
        let effect = match event? {
            Event::Key(key) if key.kind != KeyEventKind::Release => app.on_key(key),
            Event::Mouse(mouse) => match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    update(app, Action::Click(mouse.column, mouse.row))
                }
                MouseEventKind::ScrollDown => update(app, Action::ScrollDown),
                MouseEventKind::ScrollUp => update(app, Action::ScrollUp),
                _ => None,
            },
            Event::Resize(width, height) => update(app, Action::Resize(width, height)),
            _ => None,
        };
        match effect {
            Some(Effect::Save) => {
                let result = app.sidecar.save(sidecar).map_err(|e| e.to_string());
                app.saved(result);
            }
            Some(Effect::Quit) => return Ok(()),
            None => {}
        }
    }
}
