//! The review screen's event loop, beside the reader's: reads the folder in a background thread (so the screen
//! stays responsive and shows progress), draws, handles keys, and opens the reader on the same
//! terminal, coming back to a refreshed list when it closes.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender};

use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::Backend;
use rayon::prelude::*;

use super::error::ReaderError;
use super::events::Input;
use super::reader_loop::Start;
use super::review::{Effect, Message, Review, groups, update};
use crate::annotate::sidecar_path;
use crate::annotate::store;
use crate::config::keys::Action;
use crate::corpus::{Reviewed, scan};
use crate::corroborate::Cache;

/// Finds and reads every report under `root`, in parallel, telling `tx` as it goes. Stops
/// early when nobody listens any more (the screen was closed). `cues` (the config's) tell
/// which sentences a report must review to be done ([`Reviewed::load_with`]).
pub fn scan(root: &Path, cues: &crate::suggest::Cues, tx: &Sender<Message>) {
    let found = scan::find_reports(&[root.to_path_buf()]).unwrap_or_default();
    if tx.send(Message::Found(found.len())).is_err() {
        return;
    }
    let sent = found.par_iter().try_for_each_with(tx.clone(), |tx, path| {
        // A web page with no article (navigation, a section front) is no report to review,
        // unless someone annotated it: it is left out, and the status line says so, as `stats`
        // says it on stderr.
        let read = match Reviewed::load_checked(path, cues) {
            Ok((reviewed, true)) if !reviewed.is_annotated() => Err(format!(
                "{}: {}; left out",
                crate::report::safe_path(path),
                crate::report::extract::NO_ARTICLE_FOUND
            )),
            Ok((reviewed, _)) => Ok(reviewed),
            Err(e) => Err(e.to_string()),
        };
        // Only whether the screen still listens matters, not the message it did not take.
        tx.send(Message::Read(read)).map_err(drop)
    });
    if sent.is_ok() {
        let _ = tx.send(Message::Done);
    }
}

/// The loop: take in what the scan sent, draw, wait for input, update, carry out the effect.
/// Ends on quit or when `events` runs out, so tests drive it on a `TestBackend`.
///
/// `open` runs the reader on the terminal for a report, at a claim or a sentence when `Start`
/// names one, until the user quits it; `Ok(Some(why))` when the report could not be opened (the
/// list says why). It is shown the review, for what the reader may want from the folder (its
/// sources).
pub fn run<B, E>(
    terminal: &mut Terminal<B>,
    review: &mut Review,
    events: E,
    messages: &Receiver<Message>,
    mut open: impl FnMut(
        &mut Terminal<B>,
        &Path,
        Start<'_>,
        &Review,
    ) -> Result<Option<String>, ReaderError>,
) -> Result<(), ReaderError>
where
    B: Backend,
    B::Error: std::error::Error + Send + Sync + 'static,
    E: IntoIterator<Item = io::Result<Input>>,
{
    let mut events = events.into_iter();
    loop {
        review.receive(messages.try_iter());
        let size = terminal.size().map_err(io::Error::other)?;
        update(review, Action::Resize(size.width, size.height));
        terminal
            .draw(|frame| crate::tui::review::ui::draw(frame, review))
            .map_err(io::Error::other)?;
        let Some(input) = events.next() else {
            return Ok(());
        };
        let effect = match input? {
            Input::Terminal(Event::Key(key)) if key.kind != KeyEventKind::Release => {
                review.on_key(key)
            }
            Input::Terminal(Event::Mouse(mouse)) => match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    update(review, Action::Click(mouse.column, mouse.row))
                }
                MouseEventKind::ScrollDown => update(review, Action::ScrollDown),
                MouseEventKind::ScrollUp => update(review, Action::ScrollUp),
                _ => None,
            },
            _ => None,
        };
        let opening = match &effect {
            Some(Effect::Open { path, claim }) => Some((
                path,
                Start {
                    claim: claim.as_deref(),
                    ..Start::default()
                },
            )),
            Some(Effect::OpenAt { path, sentence }) => Some((
                path,
                Start {
                    sentence: Some(*sentence),
                    ..Start::default()
                },
            )),
            _ => None,
        };
        if let Some((path, start)) = opening {
            // The reader drew on the same terminal, so the next draw's diff is exact: no
            // clearing (which would ask the terminal where its cursor is).
            let before = sidecar_stamps(review);
            let failed = open(terminal, path, start, review)?;
            review.reloaded(path, reload(path, &review.config));
            // From its corroboration list the reader may have gone on to other reports and
            // tagged there: those are read again too.
            for (other, stamp) in before {
                if other != *path && store::stamp(&sidecar_path(&other)) != stamp {
                    review.reloaded(&other, reload(&other, &review.config));
                }
            }
            if let Some(why) = failed {
                review.message = Some(why);
            }
        }
        if effect == Some(Effect::Quit) {
            return Ok(());
        }
    }
}

/// The stamps of the sidecars of the reports the review shows (in its table and its groups), to
/// see which ones the reader changed.
fn sidecar_stamps(review: &Review) -> Vec<(PathBuf, Option<store::Stamp>)> {
    let mut reports: Vec<&Path> = review.reports.iter().map(|r| r.path.as_path()).collect();
    reports.extend(review.groups.reports());
    reports.sort_unstable();
    reports.dedup();
    reports
        .into_iter()
        .map(|report| (report.to_path_buf(), store::stamp(&sidecar_path(report))))
        .collect()
}

/// Reads one report again, after the reader may have changed its claims, judging whether it is
/// done with the config's cue lists as the scan did.
fn reload(path: &Path, config: &crate::config::Config) -> Result<Reviewed, String> {
    match crate::suggest::Cues::new(&config.suggest.extra) {
        Ok(cues) => Reviewed::load_with(path, &cues),
        Err(_) => Reviewed::load(path),
    }
    .map_err(|e| e.to_string())
}

/// How often the screen redraws while waiting for keys, to show the scan's progress.
const TICK: std::time::Duration = std::time::Duration::from_millis(100);

/// The review screen on the real terminal: starts the scan of `root` in the background and runs
/// the loop, opening the reader with [`super::reader_loop::read_on`]. The screen starts on the
/// view, sort and row it was left on ([`crate::resume`]) and keeps them when it closes; the
/// reader it opens does the same with its report. Returns why the screen's place could not be
/// kept, if it could not, for a line once the terminal is restored.
pub fn live(
    terminal: &mut ratatui::DefaultTerminal,
    root: &Path,
    config: crate::config::Config,
    stop: &std::sync::atomic::AtomicBool,
) -> Result<Option<String>, ReaderError> {
    let reader_config = config.clone();
    let places = crate::resume::Places::user();
    let cues = crate::suggest::Cues::new(&config.suggest.extra)
        .unwrap_or_else(|_| crate::suggest::Cues::builtin());
    let mut review = Review::new(root.to_path_buf(), config);
    if let Some(place) = places.as_ref().and_then(|p| p.review(root)) {
        review.resume(place);
    }
    let (tx, rx) = std::sync::mpsc::channel();
    let folder = root.to_path_buf();
    // The groups view is computed after the scan, on its thread: the table comes first.
    std::thread::spawn(move || {
        scan(&folder, &cues, &tx);
        groups::compute(&folder, &cues, Cache::open(&cues).as_ref(), &tx);
    });
    let events = super::tty::terminal_events(stop, TICK)?;
    let result = run(
        terminal,
        &mut review,
        events,
        &rx,
        |terminal, path, start, review| match crate::report::Report::load(path) {
            Ok(report) => {
                // A page of links is refused as on the command line; the review screen says why
                // on its status line and stays, in words short enough to be read whole there.
                if ReaderError::refuse_no_article(&report).is_err() {
                    return Ok(Some(format!(
                        "{}: no article found (mostly links or too short); not opened",
                        crate::report::safe_path(path)
                    )));
                }
                let start = Start {
                    folder: Some(root),
                    ..start
                };
                let mut context = super::reader_loop::Context {
                    places: places.clone(),
                    folder_sources: crate::corpus::sources::cited(
                        review.reports.iter().filter(|r| r.path != path),
                    ),
                    warning: None,
                };
                super::reader_loop::read_on(
                    terminal,
                    report,
                    reader_config.clone(),
                    start,
                    stop,
                    &mut context,
                )?;
                Ok(context.warning)
            }
            Err(e) => Ok(Some(e.to_string())),
        },
    );
    result?;
    // A place that cannot be kept is worth a line once the screen is gone, never a failure.
    Ok(places.and_then(|places| {
        let kept = places.keep_review(root, review.place());
        kept.err().map(|why| {
            format!(
                "could not keep the review's place (in {}): {why}",
                places.dir().display()
            )
        })
    }))
}
