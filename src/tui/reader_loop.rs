//! The reader's event loop: draw, wait for input, update, carry out the effect (a save on the
//! saver's thread, a wrap on another, the note in `$EDITOR`), and the last save on the way out.

use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;

use super::error::ReaderError;
use super::events::{Events, Input, Workers};
use super::reader::corroboration::worker::{self, Worker};
use super::reader::loading::{self, Opening};
use super::reader::saver::Saver;
use super::reader::{
    App, Effect, Extent, SaveState, external_editor, presence, rewrap, ui, update,
};
use super::tty;
use crate::annotate::identity::ReportIdentity;
use crate::annotate::store::{self, NoFaults};
use crate::annotate::{Sidecar, sidecar_path};
use crate::config::Config;
use crate::config::keys::Action;
use crate::corroborate::Cache;
use crate::report::Report;
use crate::resume::Places;
use crate::suggest::Cues;

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

/// The reader's events on the real terminal: the terminal's, and ticks. Ends when `stop` is set
/// or the terminal hangs up.
struct ReaderEvents<'a> {
    stop: &'a AtomicBool,
    terminal: tty::TtyEvents,
}

impl Events for ReaderEvents<'_> {
    fn next_input(&mut self, tick: Duration) -> Option<io::Result<Input>> {
        if self.stop.load(Ordering::Relaxed) {
            return None;
        }
        self.terminal.next(tick)
    }
}

/// What the reader is told besides its report: where the user's places are kept (none in a
/// test), and the sources cited in the folder it was opened from; and, after it ran, why its
/// place could not be kept (one line for whoever shows it).
#[derive(Debug, Default)]
pub struct Context {
    /// The user's places: the reader starts where it was left and keeps where it ends.
    pub places: Option<Places>,
    /// The sources the folder's other reports cite, with how many claims cite each.
    pub folder_sources: Vec<(String, usize)>,
    /// Why the reader's place could not be kept, after it ran.
    pub warning: Option<String>,
}

/// Where the reader starts on a report the review screen opens.
#[derive(Debug, Clone, Copy, Default)]
pub struct Start<'a> {
    /// At this claim (by id), when given.
    pub claim: Option<&'a str>,
    /// At this sentence (from 0), when given: a sentence another report states too.
    pub sentence: Option<usize>,
    /// The folder whose reports are compared with this one (the review screen's), when it is
    /// not the report's own.
    pub folder: Option<&'a Path>,
}

/// Runs the reader on `report` on the real terminal, already set up, starting where `start`
/// says, until the user quits or `stop` is set; then saves what is still unsaved. (Generic
/// over the backend only so that the review screen can hand over its terminal.)
pub fn read_on<B>(
    terminal: &mut Terminal<B>,
    report: Report,
    config: Config,
    start: Start<'_>,
    stop: &AtomicBool,
    context: &mut Context,
) -> Result<(), ReaderError>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    read_opening(
        terminal,
        Opening::Whole(report),
        config,
        start,
        stop,
        context,
    )
}

/// [`read_on`] for a report opened whole, or by its head while the rest loads on a thread.
pub(super) fn read_opening<B>(
    terminal: &mut Terminal<B>,
    opening: Opening,
    config: Config,
    start: Start<'_>,
    stop: &AtomicBool,
    context: &mut Context,
) -> Result<(), ReaderError>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let workers = Workers::default();
    let mut app = match opening {
        Opening::Whole(report) => {
            // A symbolic link is never written through: say so now, not at the first save.
            let (sidecar, read_only) = loading::open_sidecar(&report);
            App::new(report, sidecar, config, read_only)
        }
        Opening::Head(head) => {
            let size = terminal.size().map_err(io::Error::other)?;
            let whole = head.path.clone();
            let app = loading::head_app(head, config.clone());
            loading::start(whole, config, (size.width, size.height), &workers);
            app
        }
    };
    app.folder_sources = std::mem::take(&mut context.folder_sources);
    if let Some(id) = start.claim {
        app.start_at_claim(id);
    } else if let Some(place) = context
        .places
        .as_ref()
        .and_then(|p| p.reader(&app.report.path))
    {
        let size = terminal.size().map_err(io::Error::other)?;
        update(&mut app, Action::Resize(size.width, size.height));
        app.resume_or_wait(place);
    }
    if let Some(n) = start.sentence {
        app.start_at_sentence(n);
    }
    app.corroboration.folder = start.folder.map(Path::to_path_buf);
    let mut events = ReaderEvents {
        stop,
        terminal: tty::TtyEvents::new()?,
    };
    let ended = session(
        terminal,
        &mut app,
        &mut events,
        &mut external_editor::Tty,
        workers,
        true,
    );
    // The report's end shown while the rest loads counts its sentences from there: no place;
    // nor does a head left before the kept place could be taken (that place stays).
    if let Some(places) = &context.places
        && app.extent != Extent::Tail
        && !(app.resume_later.is_some() && app.cursor == 0)
        && let Err(why) = places.keep_reader(&app.report.path, app.place())
    {
        context.warning = Some(format!(
            "could not keep your place in {} (in {}): {why}",
            app.report.path.display(),
            places.dir().display()
        ));
    }
    ended
}

/// The reader on `app` until it is closed, with the report marked open, and the last save on
/// the way out; the comparison with the folder's other reports runs meanwhile when
/// `corroborate`.
fn session<B>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut dyn Events,
    screen: &mut dyn external_editor::Screen,
    workers: Workers,
    corroborate: bool,
) -> Result<(), ReaderError>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let path = sidecar_path(&app.report.path);
    // Held until the reader returns: other windows on this report see it while it is open.
    let _presence = match presence::Presence::enter(&path) {
        Ok((mark, others)) => {
            if others {
                app.open_elsewhere();
            }
            Some(mark)
        }
        Err(why) => {
            app.not_marked_open(&why);
            None
        }
    };
    let ended = run_events(terminal, app, &path, events, screen, workers, corroborate);
    // The last chance to save comes whatever ended the reader: a terminal that failed or hung
    // up must not cost the claims made before it did.
    if matches!(app.save_state, SaveState::Failed(_) | SaveState::Pending) {
        save(app, &path, LAST_SAVE_PATIENCE, &mut None);
    }
    // Claims not saved matter more than why the reader ended.
    match &app.save_state {
        SaveState::Failed(why) => Err(ReaderError::Unsaved(why.clone())),
        _ => ended,
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
) -> Result<(), ReaderError>
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
/// edited there. (The comparison with the folder's other reports, which would make what is
/// drawn depend on a thread's timing, runs only on the real terminal.)
pub fn run_with<B, E>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    sidecar: &Path,
    events: E,
    screen: &mut dyn external_editor::Screen,
) -> Result<(), ReaderError>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    E: IntoIterator<Item = io::Result<Input>>,
{
    run_events(
        terminal,
        app,
        sidecar,
        &mut events.into_iter(),
        screen,
        Workers::default(),
        false,
    )
}

/// [`run_with`] on any source of input; comparing the report with its folder's others in the
/// background when `corroborate`.
fn run_events<B>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    sidecar: &Path,
    events: &mut dyn Events,
    screen: &mut dyn external_editor::Screen,
    workers: Workers,
    corroborate: bool,
) -> Result<(), ReaderError>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let mut background = Background {
        saver: Saver::new(sidecar.to_path_buf(), &workers),
        workers,
        on_disk: store::stamp(sidecar),
        comparing: Comparing {
            wanted: corroborate,
            worker: None,
        },
    };
    let ended = drive(terminal, app, sidecar, events, screen, &mut background);
    let Background {
        mut saver,
        workers,
        mut on_disk,
        // Dropped here: the comparison stops with the reader.
        comparing: _,
    } = background;
    // Whatever ended the loop (quit, no more input, a terminal that failed or hung up), the save
    // in flight is waited for: its claims reach the disk, or the app knows they did not.
    let waited = saver.wait(app, &mut on_disk, &workers);
    // A change made while that save ran is written now, so the loop leaves nothing unsaved and
    // its last frame says so.
    if waited && matches!(app.save_state, SaveState::Pending) {
        saver.start(app, LOCK_PATIENCE);
        saver.wait(app, &mut on_disk, &workers);
    }
    if waited && ended.is_ok() {
        let _ = terminal.draw(|frame| ui::draw(frame, app));
    }
    ended
}

/// What runs beside the screen: the one channel the workers send their news on, the saver, the
/// stamp of the sidecar as last written or read, and the comparison with the other reports
/// (when wanted), which stops when it is dropped.
struct Background {
    workers: Workers,
    saver: Saver,
    on_disk: Option<store::Stamp>,
    comparing: Comparing,
}

/// The comparison with the folder's other reports: whether it is wanted, and the thread making
/// it (which stops when dropped).
struct Comparing {
    wanted: bool,
    worker: Option<Worker>,
}

impl Comparing {
    /// Starts comparing, when wanted, once the whole report is in (and again when its text
    /// changed).
    fn start_if_wanted(&mut self, app: &mut App, workers: &Workers) {
        if self.wanted && app.corroboration_wanted() {
            let cues = Cues::new(&app.config.suggest.extra).unwrap_or_else(|_| Cues::builtin());
            let cache = Cache::open(&cues);
            self.worker = Some(worker::start(
                Arc::clone(&app.report),
                app.sidecar.claims.clone(),
                app.corroboration_folder(),
                cues,
                cache,
                workers.sender(),
            ));
            app.corroboration_started();
        }
    }
}

/// The loop of [`run_with`]; returns with a save perhaps still running on the saver.
fn drive<B>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    sidecar: &Path,
    events: &mut dyn Events,
    screen: &mut dyn external_editor::Screen,
    background: &mut Background,
) -> Result<(), ReaderError>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let Background {
        workers,
        saver,
        on_disk,
        comparing,
    } = background;
    let mut identity = ReportIdentity::of(&app.report);
    let mut last_save: Option<Instant> = None;
    // The width a wrap on another thread is making rows for.
    let mut rewrapping: Option<usize> = None;
    loop {
        // A resize can happen before its event reaches us (or between draws): lay out for the
        // size the frame will really have.
        let size = terminal.size().map_err(io::Error::other)?;
        if (size.width, size.height) != (app.size.width, app.size.height) {
            update(app, Action::Resize(size.width, size.height));
        }
        // A large report is wrapped to a new width on another thread.
        if let Some(width) = app.wrap_wanted
            && rewrapping != Some(width)
        {
            rewrap::start(Arc::clone(&app.report), width, workers);
            rewrapping = Some(width);
        }
        terminal
            .draw(|frame| ui::draw(frame, app))
            .map_err(io::Error::other)?;
        // After the frame: the first screen never waits for the comparison to start.
        comparing.start_if_wanted(app, workers);
        let busy = saver.busy()
            || rewrapping.is_some()
            || loading::is_partial(app)
            || app.search.counting(app.report.text.len());
        // The workers' news first, then the terminal's events (waited for briefly while a worker
        // runs, so that its news shows at once).
        let input = match workers.try_next() {
            Some(news) => news,
            None => match events.next_input(if busy { BUSY_TICK } else { TICK }) {
                Some(input) => input?,
                None => return Ok(()),
            },
        };
        let effect = match input {
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
                loading::take(app, loaded)?;
                None
            }
            Input::Saved(outcome) => saver.finish(app, *outcome, on_disk),
            Input::Rewrapped(width, doc) => {
                if rewrapping == Some(width) {
                    rewrapping = None;
                }
                app.rewrapped(doc);
                None
            }
            Input::Corroborated(news) => {
                app.corroborated(*news);
                None
            }
            Input::Tick => {
                app.count_more();
                let now = store::stamp(sidecar);
                if saver.busy() || loading::is_partial(app) {
                    // Our own save is writing the file: its result is taken in when it ends. Or
                    // only part of the report is in: the claims come with the whole of it.
                    None
                } else if let Some(Ok(report)) = identity.replaced(&app.report) {
                    app.report_replaced(report);
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
            Some(Effect::OpenOther) => {
                save_now(app, saver, on_disk, workers);
                open_other(terminal, app, events, screen, comparing.wanted)?;
            }
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

/// Writes what is unsaved now and waits for it, before the reader leaves this report for
/// another (as it does before it closes).
fn save_now(
    app: &mut App,
    saver: &mut Saver,
    on_disk: &mut Option<store::Stamp>,
    workers: &Workers,
) {
    if saver.busy() {
        saver.wait(app, on_disk, workers);
    }
    if matches!(app.save_state, SaveState::Pending) {
        saver.start(app, LOCK_PATIENCE);
        saver.wait(app, on_disk, workers);
    }
}

/// Opens the report the user chose in the corroboration list ([`App::take_opening`]) on the same
/// terminal and events, at its sentence, until it is closed: then the reader on `app` goes on,
/// as a browser goes back. What cannot be opened or saved there is said in `app`'s message line.
fn open_other<B>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut dyn Events,
    screen: &mut dyn external_editor::Screen,
    corroborate: bool,
) -> Result<(), ReaderError>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
{
    let Some(target) = app.take_opening() else {
        return Ok(());
    };
    let report = match Report::load(&target.path) {
        Ok(report) => report,
        Err(e) => {
            app.message = Some(e.to_string());
            return Ok(());
        }
    };
    let (sidecar, read_only) = loading::open_sidecar(&report);
    let mut other = App::new(report, sidecar, app.config.clone(), read_only);
    update(&mut other, Action::Resize(app.size.width, app.size.height));
    other.opened_from(app, target.sentence);
    let ended = session(
        terminal,
        &mut other,
        events,
        screen,
        Workers::default(),
        corroborate,
    );
    // What was tagged there shows in this report's panel and list.
    app.back_from(&other);
    match ended {
        Err(ReaderError::Unsaved(why)) => {
            app.message = Some(format!(
                "{}: NOT SAVED: {why}",
                crate::report::safe_path(&other.report.path)
            ));
            Ok(())
        }
        ended => ended,
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
