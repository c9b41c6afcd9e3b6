//! The reader on a large report: the head on screen at once, the whole report indexed on a
//! background thread, swapped in when it is ready.
//!
//! While the rest loads the reader works on the head (every key that moves, searches or
//! scrolls), read-only, with "indexing N%" in the status bar: the claims are not even read
//! until the whole text is known, since they may point anywhere in it and must be anchored to
//! it. The thread builds the complete reader (report, sidecar, anchors, rows wrapped to the
//! terminal's width), so the event loop only swaps it in: no key waits for a large report.

use std::path::{Path, PathBuf};

use super::find;
use super::{App, Extent, Overlay, SaveState, update};
use crate::annotate::{SaveError, Sidecar, sidecar_path};
use crate::config::Config;
use crate::config::keys::Action;
use crate::report::{LoadError, Report, progressive};
use crate::tui::events::{Input, Loaded, Workers};

/// Starts loading the report at `path` on a thread, for a reader of `size` (columns, rows) with
/// `config`; its progress and the reader on the whole report come to `workers` as
/// [`Input::Loaded`].
pub fn start(path: PathBuf, config: Config, size: (u16, u16), workers: &Workers) {
    let sender = workers.sender();
    std::thread::spawn(move || {
        let progress = sender.clone();
        let report = progressive::load(&path, |p| {
            let _ = progress.send(Input::Loaded(Loaded::Progress(p)));
        });
        let done = report.map(|report| {
            let (sidecar, read_only) = open_sidecar(&report);
            let mut app = App::new(report, sidecar, config, read_only);
            update(&mut app, Action::Resize(size.0, size.1));
            Box::new(app)
        });
        let _ = sender.send(Input::Loaded(Loaded::Done(done)));
    });
}

/// How the reader opens a report: whole, or its head first.
#[derive(Debug)]
pub enum Opening {
    /// A small report, loaded whole.
    Whole(Report),
    /// The head of a large report; the rest still has to be loaded.
    Head(Report),
}

impl Opening {
    /// Opens the report at `path`: its head when it is large, the whole of it otherwise.
    pub fn of(path: &Path) -> Result<Self, LoadError> {
        Ok(match progressive::head(path)? {
            Some(head) => Self::Head(head),
            None => Self::Whole(Report::load(path)?),
        })
    }
}

/// Why the reader on a report's head is read-only.
const HEAD_REASON: &str = "the report is still being indexed; tagging waits for it";
/// Why the reader on a report's end is read-only, while the middle is still being indexed.
const TAIL_REASON: &str =
    "this is the report's end, shown while the rest is indexed; tagging waits for it";

/// The reader on the head of a large report: read-only until the whole report is in, saying so.
pub fn head_app(head: Report, config: Config) -> App {
    let mut app = App::new(head, None, config, Some(HEAD_REASON.to_owned()));
    app.extent = Extent::Head;
    // The save state already says why it is read-only; the status line shows the progress.
    app.message = None;
    app.indexed = Some(0);
    app
}

/// Whether `app` shows only part of a large report (its head or its end) while the whole is
/// being indexed: such a reader must not take in claims from disk, which point into the whole.
pub fn is_partial(app: &App) -> bool {
    app.extent != Extent::Whole
}

/// After `G` (the last sentence) while the rest of the report is still being indexed: the
/// reader is shown the report's end at once, read from the end of the file
/// ([`progressive::tail`]), at its last sentence. Nothing happens when the reader is not on a
/// head, or when the end cannot be shown that way (the whole report then brings it).
pub fn show_end(app: &mut App) {
    if app.extent != Extent::Head || app.cursor + 1 < app.report.sentences.len() {
        return;
    }
    let Ok(Some(tail)) = progressive::tail(&app.report.path) else {
        return;
    };
    let mut end = App::new(tail, None, app.config.clone(), Some(TAIL_REASON.to_owned()));
    end.extent = Extent::Tail;
    end.indexed = app.indexed;
    end.focus = app.focus;
    end.message = app.message.take();
    update(&mut end, Action::Resize(app.size.width, app.size.height));
    update(&mut end, Action::LastSentence);
    *app = end;
}

/// The status-bar line for `percent` of the report indexed ([`App::indexed`]).
pub fn indexing(percent: u8) -> String {
    format!("indexing {percent}%")
}

/// The claims of `report`'s sidecar, or why the reader must open read-only: the sidecar cannot
/// be read, or it is a symbolic link, which is never written through.
pub fn open_sidecar(report: &Report) -> (Option<Sidecar>, Option<String>) {
    let path = sidecar_path(&report.path);
    match Sidecar::load(&path) {
        Ok(sidecar) => {
            let linked = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
            let why = linked.then(|| SaveError::Symlink(path.clone()).to_string());
            (sidecar, why)
        }
        Err(e) => (None, Some(e.to_string())),
    }
}

/// Takes in what the loading thread sent. The whole report replaces the head (or the end) in
/// `app`, keeping the reader where it was: the same sentence, pane, search and prompt, and on
/// the head the scroll position. A reader at the last sentence shown goes to the report's last
/// one. A report that turned out not to load is returned, and the reader should end with it.
pub fn take(app: &mut App, loaded: Loaded) -> Result<(), LoadError> {
    match loaded {
        Loaded::Progress(percent) => {
            // A state of its own, not a message: the status bar shows it when no message the
            // user has yet to read is there, and it never replaces one.
            app.indexed = Some(percent);
            Ok(())
        }
        Loaded::Done(Err(e)) => Err(e),
        Loaded::Done(Ok(mut whole)) => {
            let local = app.sentence(app.cursor).start;
            let on_head = whole.report.text.starts_with(app.report.text.as_str());
            let at = if app.cursor + 1 >= app.report.sentences.len() {
                // A reader at the end of what was shown (after `G`) goes on to the report's end.
                usize::MAX
            } else if on_head {
                local
            } else {
                // The report's end was shown: its offsets count from the end of the file.
                whole
                    .report
                    .text
                    .len()
                    .saturating_sub(app.report.text.len() - local)
            };
            if on_head {
                whole.scroll = app.scroll;
                whole.selection = app.selection.take();
            }
            whole.focus = app.focus;
            whole.overlay = std::mem::replace(&mut app.overlay, Overlay::None);
            whole.search = std::mem::take(&mut app.search);
            update(&mut whole, Action::Resize(app.size.width, app.size.height));
            whole.go_to_byte(at);
            whole.resume_when_whole(app);
            if find::is_large(&whole.report.text) && !whole.search.query.is_empty() {
                // The head's matches are not the report's: find and count them again from here.
                let (query, cursor) = (whole.search.query.clone(), whole.cursor);
                whole.start_large_search(&query, cursor);
            }
            if whole.message.is_none() {
                let sentences = whole.report.sentences.len();
                whole.message = Some(match &whole.save_state {
                    SaveState::ReadOnly(why) => format!("read-only, nothing will be saved: {why}"),
                    _ => format!("indexed: {sentences} sentences"),
                });
            }
            *app = *whole;
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::report::Encoding;
    use crate::tui::error::ReaderError;
    use std::fmt::Write as _;

    fn report(text: &str) -> Report {
        Report::from_text(
            Path::new("large.txt"),
            text.to_owned(),
            Encoding::Utf8,
            "hash".into(),
        )
    }

    fn whole_text() -> String {
        let mut text = String::new();
        for n in 1..=400 {
            let _ = write!(
                text,
                "Paragraph {n} says the port reopened. It cost {n} million.\n\n"
            );
        }
        text
    }

    /// The head (the first 100 paragraphs) on a 80x20 terminal, and the whole report loaded.
    fn head_and_whole() -> (App, Box<App>) {
        let text = whole_text();
        let cut = text.match_indices("\n\n").nth(99).unwrap().0 + 2;
        let mut head = head_app(report(&text[..cut]), Config::default());
        update(&mut head, Action::Resize(80, 20));
        let mut whole = App::new(report(&text), None, Config::default(), None);
        update(&mut whole, Action::Resize(80, 20));
        (head, Box::new(whole))
    }

    /// The status bar of `app` drawn on an 80-column screen.
    fn status_bar(app: &App) -> String {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 20)).unwrap();
        terminal
            .draw(|frame| crate::tui::reader::ui::draw(frame, app))
            .unwrap();
        let buffer = terminal.backend().buffer();
        (0..80)
            .map(|x| buffer[(x, 19)].symbol().to_owned())
            .collect()
    }

    #[test]
    fn the_head_is_read_only_and_shows_progress() {
        let (mut head, _) = head_and_whole();
        assert_eq!(head.indexed, Some(0));
        assert_eq!(head.message, None, "progress is not a message");
        assert!(status_bar(&head).contains("indexing 0%"));
        assert!(is_partial(&head));
        assert!(matches!(head.save_state, SaveState::ReadOnly(_)));
        take(&mut head, Loaded::Progress(43)).unwrap();
        assert_eq!(head.indexed, Some(43));
        assert!(status_bar(&head).contains("indexing 43%"));
        head.message = Some("not found: ferry".into());
        take(&mut head, Loaded::Progress(50)).unwrap();
        assert_eq!(
            head.message.as_deref(),
            Some("not found: ferry"),
            "progress does not replace what a key said"
        );
        let bar = status_bar(&head);
        assert!(
            bar.contains("not found") && !bar.contains("indexing"),
            "{bar}"
        );
        head.on_key(crossterm::event::KeyEvent::from(
            crossterm::event::KeyCode::Char('j'),
        ));
        assert!(status_bar(&head).contains("indexing 50%"), "back once read");
    }

    #[test]
    fn the_whole_report_keeps_the_readers_place() {
        let (mut head, whole) = head_and_whole();
        for _ in 0..30 {
            update(&mut head, Action::NextSentence);
        }
        let (at, scroll) = (head.sentence(head.cursor), head.scroll);
        take(&mut head, Loaded::Done(Ok(whole))).unwrap();
        assert_eq!(head.report.sentences.len(), 800, "the whole report is in");
        assert_eq!(head.sentence(head.cursor), at);
        assert_eq!(head.scroll, scroll);
        assert_eq!(head.save_state, SaveState::Unchanged, "tagging works now");
        assert!(!is_partial(&head));
        assert_eq!(head.message.as_deref(), Some("indexed: 800 sentences"));
    }

    #[test]
    fn a_reader_at_the_end_of_the_head_goes_on_to_the_end() {
        let (mut head, whole) = head_and_whole();
        update(&mut head, Action::LastSentence);
        take(&mut head, Loaded::Done(Ok(whole))).unwrap();
        assert_eq!(head.cursor, 799);
        assert!(head.report.text[head.sentence(799)].contains("400 million"));
    }

    /// A large report of numbered paragraphs written in `dir`, opened by its head in an 80×20
    /// reader; its path, and the number of its last paragraph.
    fn large_head(dir: &Path) -> (App, PathBuf, usize) {
        let path = dir.join("large.txt");
        let mut text = String::new();
        let mut n = 0;
        while text.len() as u64 <= progressive::LARGE_BYTES {
            n += 1;
            let _ = write!(
                text,
                "Paragraph {n} says the port reopened. It cost {n} million.\n\n"
            );
        }
        std::fs::write(&path, &text).unwrap();
        let head = progressive::head(&path).unwrap().unwrap();
        let mut app = head_app(head, Config::default());
        update(&mut app, Action::Resize(80, 20));
        (app, path, n)
    }

    #[test]
    fn g_on_the_head_shows_the_end_at_once_and_the_place_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (mut app, path, n) = large_head(dir.path());
        update(&mut app, Action::NextSentence);
        show_end(&mut app);
        assert_eq!(app.cursor, 1, "nothing happens before the head's end");
        update(&mut app, Action::LastSentence);
        show_end(&mut app);
        let shown = |app: &App| app.report.text[app.sentence(app.cursor)].to_owned();
        assert_eq!(
            shown(&app),
            format!("It cost {n} million."),
            "the report's end"
        );
        assert_eq!(app.save_state, SaveState::ReadOnly(TAIL_REASON.to_owned()));
        update(&mut app, Action::PrevSentence);
        update(&mut app, Action::PrevSentence);
        show_end(&mut app);
        let there = shown(&app);
        assert_eq!(there, format!("It cost {} million.", n - 1));
        let whole = progressive::load(&path, |_| ()).unwrap();
        let mut whole = App::new(whole, None, Config::default(), None);
        update(&mut whole, Action::Resize(80, 20));
        take(&mut app, Loaded::Done(Ok(Box::new(whole)))).unwrap();
        assert_eq!(shown(&app), there, "the same sentence in the whole report");
        assert_eq!(app.save_state, SaveState::Unchanged);
    }

    #[test]
    fn a_report_that_fails_late_ends_the_reader_with_its_error() {
        let (mut head, _) = head_and_whole();
        let error = LoadError::NotFound(PathBuf::from("large.txt"));
        let failed = take(&mut head, Loaded::Done(Err(error))).unwrap_err();
        assert!(matches!(
            ReaderError::from(failed),
            ReaderError::Report(LoadError::NotFound(_))
        ));
        let plain = std::io::Error::other("broken pipe");
        assert!(matches!(ReaderError::from(plain), ReaderError::Terminal(_)));
    }

    #[test]
    fn stepping_onto_the_heads_last_sentence_keeps_the_place_and_g_goes_to_the_end() {
        use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
        let dir = tempfile::tempdir().unwrap();
        let (mut app, path, n) = large_head(dir.path());
        update(&mut app, Action::LastSentence);
        update(&mut app, Action::PrevSentence);
        let last = app.report.sentences.len() - 1;
        let key = |c| {
            Ok(crate::tui::Input::Terminal(Event::Key(KeyEvent::new(
                KeyCode::Char(c),
                KeyModifiers::NONE,
            ))))
        };
        let sidecar = sidecar_path(&path);
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 20)).unwrap();
        crate::tui::run(&mut terminal, &mut app, &sidecar, [key('j')]).unwrap();
        assert_eq!(app.cursor, last, "on the head's last sentence");
        assert_eq!(
            app.save_state,
            SaveState::ReadOnly(HEAD_REASON.to_owned()),
            "still the head: one step down is not a jump to the report's end"
        );
        crate::tui::run(&mut terminal, &mut app, &sidecar, [key('G')]).unwrap();
        assert_eq!(app.save_state, SaveState::ReadOnly(TAIL_REASON.to_owned()));
        assert_eq!(
            &app.report.text[app.sentence(app.cursor)],
            format!("It cost {n} million.")
        );
    }
}
