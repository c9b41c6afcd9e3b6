//! The interactive reader: state, keys, drawing, and the event loop that ties them to a terminal.

pub mod adjudicate;
pub mod app;
pub mod external_editor;
pub mod find;
pub mod help;
pub mod input;
pub mod layout;
pub mod loading;
pub mod presence;
pub mod review;
mod rewrap;
pub mod saver;
mod search;
pub mod suggestions;
mod team;
pub mod theme;
mod tty;
pub mod ui;
pub mod wrap;

use std::io::{self, IsTerminal as _, Write as _};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::annotate::store::{self, NoFaults};
use crate::annotate::{Sidecar, sidecar_path};
use crate::config::Config;
use crate::config::keys::Action;
use crate::report::{LoadError, Report};
use app::{App, Effect, SaveState, update};
use loading::{Loaded, Loading, Opening};
use saver::Saver;

/// How often the reader looks at the sidecar on disk for changes made elsewhere (and at signals).
const TICK: Duration = Duration::from_millis(250);
/// How often the reader ticks while a large report is indexed, its hits are counted or a save
/// runs, so that their news shows at once.
const BUSY_TICK: Duration = Duration::from_millis(20);
/// How long after a failed save the reader tries again on its own.
const RETRY: Duration = Duration::from_secs(2);
/// How long a save waits for another writer's lock before it is left for a retry.
const LOCK_PATIENCE: Duration = Duration::from_millis(200);
/// How long the last save on the way out may wait for a lock.
const LAST_SAVE_PATIENCE: Duration = Duration::from_secs(2);

/// Why the reader could not run.
#[derive(Debug, thiserror::Error)]
pub enum ReaderError {
    /// The report could not be opened.
    #[error(transparent)]
    Report(#[from] LoadError),
    /// Standard input or output is not a terminal.
    #[error(
        "the reader needs a terminal (standard input and output must be a TTY); for scripts use `sidenote sentences` or `sidenote claims`"
    )]
    NoTerminal,
    /// The terminal could not be set up or drawn on.
    #[error("terminal: {0}")]
    Terminal(#[from] io::Error),
    /// The reader ended (a second quit, or a signal) while a change could not be saved.
    #[error("the last change to the claims was NOT saved: {0}")]
    Unsaved(String),
}

impl ReaderError {
    /// The process exit code for this error: the system failed us (the terminal, a save), or the
    /// input was wrong (a report that cannot be opened, no terminal to read it on).
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Terminal(_) | Self::Unsaved(_) => crate::cli::EXIT_FAILURE,
            Self::Report(_) | Self::NoTerminal => crate::cli::EXIT_BAD_INPUT,
        }
    }
}

/// What the event loop reacts to.
#[derive(Debug)]
pub enum Input {
    /// A key, mouse or resize event from the terminal.
    Terminal(Event),
    /// Time passed with no event: a chance to notice changes on disk.
    Tick,
    /// News from the thread loading a large report.
    Loaded(loading::Loaded),
}

/// Opens `report` in the reader on the real terminal and returns when the user quits, or when
/// the process gets SIGTERM, SIGHUP or SIGINT (the terminal is restored either way).
///
/// A sidecar that cannot be read is never written: the reader then opens read-only and says why.
pub fn read(report: &Path, config: Config) -> Result<(), ReaderError> {
    let opening = Opening::of(report)?;
    on_terminal(config, |terminal, config, stop| {
        read_opening(terminal, opening, config, None, stop)
    })
}

/// Opens the review screen of the folder `root` on the real terminal (see [`review`]); returns
/// when the user quits it or a signal arrives.
pub fn review(root: &Path, config: Config) -> Result<(), ReaderError> {
    on_terminal(config, |terminal, config, stop| {
        review::run::live(terminal, root, config, stop)
    })
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

/// The terminal's events, with a [`Input::Tick`] after `tick` without one; ends when `stop` is
/// set or the terminal hangs up (its window closed, the SSH connection dropped).
pub(crate) fn terminal_events(
    stop: &AtomicBool,
    tick: Duration,
) -> io::Result<impl Iterator<Item = io::Result<Input>>> {
    let mut terminal = tty::TtyEvents::new()?;
    Ok(std::iter::from_fn(move || {
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        terminal.next(tick)
    }))
}

/// Where the event loop's input comes from. The loop says how long to wait: [`BUSY_TICK`] while
/// something of its own runs in the background (a save, a wrap, a count of search hits), so that
/// its news shows at once; [`TICK`] otherwise. Any iterator of inputs is a source too (tests drive
/// the loop with a list), which ignores the wait.
pub trait Events {
    /// The next input, or [`Input::Tick`] after waiting at most `tick`; `None` when there is no
    /// more.
    fn next_input(&mut self, tick: Duration) -> Option<io::Result<Input>>;
}

impl<I: Iterator<Item = io::Result<Input>>> Events for I {
    fn next_input(&mut self, _tick: Duration) -> Option<io::Result<Input>> {
        self.next()
    }
}

/// The reader's events on the real terminal: the terminal's, news from the thread loading a large
/// report (waited for at [`BUSY_TICK`] while it loads), and ticks. Ends when `stop` is set or the
/// terminal hangs up.
struct ReaderEvents<'a> {
    stop: &'a AtomicBool,
    loading: Option<Loading>,
    terminal: tty::TtyEvents,
}

impl<'a> ReaderEvents<'a> {
    fn new(stop: &'a AtomicBool, loading: Option<Loading>) -> io::Result<Self> {
        Ok(Self {
            stop,
            loading,
            terminal: tty::TtyEvents::new()?,
        })
    }
}

impl Events for ReaderEvents<'_> {
    fn next_input(&mut self, tick: Duration) -> Option<io::Result<Input>> {
        if self.stop.load(Ordering::Relaxed) {
            return None;
        }
        if let Some(loaded) = self.loading.as_ref().and_then(Loading::try_next) {
            if matches!(loaded, Loaded::Done(_)) {
                self.loading = None;
            }
            return Some(Ok(Input::Loaded(loaded)));
        }
        let tick = if self.loading.is_some() {
            BUSY_TICK
        } else {
            tick
        };
        self.terminal.next(tick)
    }
}

/// Runs the reader on `report` on the real terminal, already set up, starting at the claim `at`
/// when given, until the user quits or `stop` is set; then saves what is still unsaved. (Generic
/// over the backend only so that the review screen can hand over its terminal.)
pub fn read_on<B>(
    terminal: &mut Terminal<B>,
    report: Report,
    config: Config,
    at: Option<&str>,
    stop: &AtomicBool,
) -> Result<(), ReaderError>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    read_opening(terminal, Opening::Whole(report), config, at, stop)
}

/// [`read_on`] for a report opened whole, or by its head while the rest loads on a thread.
fn read_opening<B>(
    terminal: &mut Terminal<B>,
    opening: Opening,
    config: Config,
    at: Option<&str>,
    stop: &AtomicBool,
) -> Result<(), ReaderError>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let (mut app, loading) = match opening {
        Opening::Whole(report) => {
            // A symbolic link is never written through: say so now, not at the first save.
            let (sidecar, read_only) = loading::open_sidecar(&report);
            (App::new(report, sidecar, config, read_only), None)
        }
        Opening::Head(head) => {
            let size = terminal.size().map_err(io::Error::other)?;
            let whole = head.path.clone();
            let app = loading::head_app(head, config.clone());
            let started = Loading::start(whole, config, (size.width, size.height));
            (app, Some(started))
        }
    };
    let path = sidecar_path(&app.report.path);
    if let Some(id) = at {
        app.start_at_claim(id);
    }
    // Held until the reader returns: other windows on this report see it while it is open.
    let presence = presence::Presence::enter(&path);
    if presence.as_ref().is_some_and(|(_, others)| *others) {
        app.open_elsewhere();
    }
    let mut events = ReaderEvents::new(stop, loading)?;
    let ended = run_events(
        terminal,
        &mut app,
        &path,
        &mut events,
        &mut external_editor::Tty,
    );
    // The last chance to save comes whatever ended the reader: a terminal that failed or hung
    // up must not cost the claims made before it did.
    if matches!(app.save_state, SaveState::Failed(_) | SaveState::Pending) {
        save(&mut app, &path, LAST_SAVE_PATIENCE, &mut None);
    }
    // Claims not saved matter more than why the reader ended.
    match app.save_state {
        SaveState::Failed(why) => Err(ReaderError::Unsaved(why)),
        _ => ended.map_err(loading::load_error),
    }
}

/// Saves the claims under the sidecar's lock, merged with what is on disk now, and tells the app
/// how it went. A successful save updates `on_disk` to the stamp of the file it wrote.
fn save(app: &mut App, sidecar: &Path, patience: Duration, on_disk: &mut Option<store::Stamp>) {
    let mut merged = None;
    let result = store::update_within(sidecar, patience, &mut NoFaults, |disk| {
        let (next, stats) = app.merge_with_disk(disk);
        merged = Some(stats);
        next
    });
    match (result, merged) {
        (Ok(saved), Some(stats)) => {
            *on_disk = saved.stamp;
            app.saved(Ok((saved.sidecar, stats)));
        }
        (Err(e), _) => app.saved(Err(e.to_string())),
        (Ok(_), None) => {}
    }
}

/// The event loop: draw, wait for input, update, carry out the effect. Ends on quit or when
/// `events` runs out, so tests drive it with a list of inputs on a `TestBackend`.
pub fn run<B, E>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    sidecar: &Path,
    events: E,
) -> io::Result<()>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    E: IntoIterator<Item = io::Result<Input>>,
{
    run_with(
        terminal,
        app,
        sidecar,
        events,
        &mut external_editor::Headless,
    )
}

/// [`run`], handing the terminal over to the user's `$EDITOR` through `screen` when a note is
/// edited there.
pub fn run_with<B, E>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    sidecar: &Path,
    events: E,
    screen: &mut dyn external_editor::Screen,
) -> io::Result<()>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    E: IntoIterator<Item = io::Result<Input>>,
{
    run_events(terminal, app, sidecar, &mut events.into_iter(), screen)
}

/// [`run_with`] on any source of input.
fn run_events<B>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    sidecar: &Path,
    events: &mut dyn Events,
    screen: &mut dyn external_editor::Screen,
) -> io::Result<()>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let mut on_disk = store::stamp(sidecar);
    let mut saver = Saver::new(sidecar.to_path_buf());
    let ended = drive(
        terminal,
        app,
        sidecar,
        events,
        screen,
        &mut saver,
        &mut on_disk,
    );
    // Whatever ended the loop (quit, no more input, a terminal that failed or hung up), the save
    // in flight is waited for: its claims reach the disk, or the app knows they did not.
    let waited = saver.wait(app, &mut on_disk);
    // A change made while that save ran is written now, so the loop leaves nothing unsaved and
    // its last frame says so.
    if waited && matches!(app.save_state, SaveState::Pending) {
        saver.start(app, LOCK_PATIENCE);
        saver.wait(app, &mut on_disk);
    }
    if waited && ended.is_ok() {
        let _ = terminal.draw(|frame| ui::draw(frame, app));
    }
    ended
}

/// The loop of [`run_with`]; returns with a save perhaps still running on `saver`.
fn drive<B>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    sidecar: &Path,
    events: &mut dyn Events,
    screen: &mut dyn external_editor::Screen,
    saver: &mut Saver,
    on_disk: &mut Option<store::Stamp>,
) -> io::Result<()>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let mut last_save: Option<Instant> = None;
    let mut rewrap: Option<rewrap::Rewrap> = None;
    loop {
        if saver.poll(app, on_disk).is_some() {
            saver.start(app, LOCK_PATIENCE);
            last_save = Some(Instant::now());
        }
        // A resize can happen before its event reaches us (or between draws): lay out for the
        // size the frame will really have.
        let size = terminal.size().map_err(io::Error::other)?;
        if (size.width, size.height) != (app.size.width, app.size.height) {
            update(app, Action::Resize(size.width, size.height));
        }
        // A large report is wrapped to a new width on another thread.
        if let Some(doc) = rewrap.as_ref().and_then(rewrap::Rewrap::poll) {
            app.rewrapped(doc);
            rewrap = None;
        }
        if let Some(width) = app.wrap_wanted
            && rewrap.as_ref().is_none_or(|r| r.width != width)
        {
            rewrap = Some(rewrap::Rewrap::start(Arc::clone(&app.report), width));
        }
        terminal
            .draw(|frame| ui::draw(frame, app))
            .map_err(io::Error::other)?;
        let busy = saver.busy() || rewrap.is_some() || app.search.counting(app.report.text.len());
        let Some(input) = events.next_input(if busy { BUSY_TICK } else { TICK }) else {
            return Ok(());
        };
        let effect = match input? {
            Input::Terminal(event) => {
                // Only `G` (or its other keys) asks for the end, not a step onto the head's last
                // sentence: a reader going on sentence by sentence keeps their place.
                let to_end = matches!(&event, Event::Key(key)
                    if app.action_of(*key) == Some(Action::LastSentence));
                let effect = on_event(app, &event);
                if to_end {
                    loading::show_end(app);
                }
                effect
            }
            Input::Loaded(loaded) => {
                loading::take(app, loaded).map_err(io::Error::other)?;
                None
            }
            Input::Tick => {
                app.count_more();
                let now = store::stamp(sidecar);
                if saver.busy() || loading::is_partial(app) {
                    // Our own save is writing the file: its result is taken in when it ends. Or
                    // only part of the report is in: the claims come with the whole of it.
                    None
                } else if now == *on_disk {
                    let failed = matches!(app.save_state, SaveState::Failed(_));
                    let due = last_save.is_none_or(|at| at.elapsed() >= RETRY);
                    (failed && due).then_some(Effect::Save)
                } else {
                    *on_disk = now;
                    app.disk_changed(Sidecar::load(sidecar).map_err(|e| e.to_string()))
                }
            }
        };
        match effect {
            Some(Effect::Save) => {
                saver.start(app, LOCK_PATIENCE);
                last_save = Some(Instant::now());
            }
            Some(Effect::Quit) => return Ok(()),
            Some(Effect::EditNote) => {
                let note = app.editor_note().unwrap_or_default().to_owned();
                screen.suspend()?;
                let edited = external_editor::edit(&screen.editor(), &note);
                screen.resume()?;
                // The editor drew over the screen: an empty frame makes the next draw a whole one
                // (`Terminal::clear` would ask the terminal where its cursor is, and wait).
                terminal.draw(|_| {}).map_err(io::Error::other)?;
                app.note_edited(edited);
            }
            None => {}
        }
    }
}

fn on_event(app: &mut App, event: &Event) -> Option<Effect> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => app.on_key(*key),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                update(app, Action::Click(mouse.column, mouse.row))
            }
            MouseEventKind::ScrollDown => update(app, Action::ScrollDown),
            MouseEventKind::ScrollUp => update(app, Action::ScrollUp),
            _ => None,
        },
        Event::Resize(width, height) => update(app, Action::Resize(*width, *height)),
        _ => None,
    }
}
