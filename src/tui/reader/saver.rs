//! Saving the claims on a worker thread, so no key waits for the disk.
//!
//! A save takes the sidecar's lock, reads and parses what is on disk, merges, writes a temporary
//! file, syncs it and renames it: about 15 ms per 1,000 claims, most of it parsing. With 10,000
//! claims that is far too long for the key-handling path. So the event loop hands a small
//! [`SaveRequest`](super::sync::SaveRequest) (the claims, the merge's base and the dismissals; the
//! report itself is shared, not copied) to a thread, keeps handling keys,
//! and takes the result in when the thread says it is done
//! ([`Input::Saved`] on the loop's one channel for workers, [`Saver::finish`]). One save runs at a time; a
//! change made meanwhile is saved when it ends. A save that finishes after the claims changed
//! again keeps those later edits ([`App::saved_over`]). The reader never ends with a save in
//! flight: [`Saver::wait`] lets it finish first.

use std::path::PathBuf;
use std::sync::mpsc::Sender;
use std::time::Duration;

use super::history::MarkEdit;
use super::sync::{SaveOutcome, changed_dismissals};
use super::{App, Effect};
use crate::annotate::store::{self, NoFaults, Stamp};
use crate::annotate::{Claim, Dismissed, NoClaim};
use crate::tui::events::{Input, Workers};

/// A save running on its thread.
#[derive(Debug)]
struct Job {
    /// The claims the save was given.
    sent: Vec<Claim>,
    /// The no-claim marks the save was given.
    sent_marks: Vec<NoClaim>,
    /// The dismissed suggestions it was given.
    dismissed: Vec<Dismissed>,
}

/// Runs the reader's saves, one at a time, off the key-handling path.
#[derive(Debug)]
pub struct Saver {
    sidecar: PathBuf,
    /// Where the save's thread says how it ended ([`Input::Saved`]).
    news: Sender<Input>,
    job: Option<Job>,
    /// The claims changed while a save was running: save again when it ends.
    again: bool,
}

impl Saver {
    /// A saver for the sidecar at `sidecar`, telling `workers` when each save ends.
    pub fn new(sidecar: PathBuf, workers: &Workers) -> Self {
        Self {
            sidecar,
            news: workers.sender(),
            job: None,
            again: false,
        }
    }

    /// Starts saving `app`'s claims, merged with what is on disk then, waiting at most `patience`
    /// for another writer's lock; or, with a save running, saves again once it ends.
    pub fn start(&mut self, app: &mut App, patience: Duration) {
        if self.job.is_some() {
            self.again = true;
            return;
        }
        // The thread needs the claims to merge, not the reader: its undo history, settings,
        // suggestions and the rows of a large report stay here.
        let request = app.save_request();
        let sent = request.claims.clone();
        let sent_marks = request.marks.clone();
        let dismissed = request.dismissed.clone();
        let path = self.sidecar.clone();
        let sender = self.news.clone();
        std::thread::spawn(move || {
            let mut merged = None;
            let result = store::update_within(&path, patience, &mut NoFaults, |disk| {
                let (next, stats) = request.merge_with_disk(disk);
                merged = Some(stats);
                next
            });
            let outcome = match (result, merged) {
                (Ok(saved), Some(stats)) => Ok((saved.stamp, saved.sidecar, stats)),
                (Err(e), _) => Err(e.to_string()),
                (Ok(_), None) => Err("the save did not run".to_owned()),
            };
            let _ = sender.send(Input::Saved(Box::new(outcome)));
        });
        self.job = Some(Job {
            sent,
            sent_marks,
            dismissed,
        });
    }

    /// Whether a save is running.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Waits for the running save, if any, and takes in its result; whether there was one.
    /// Other news on `workers` meanwhile is dropped: this is for the end of the loop.
    pub fn wait(&mut self, app: &mut App, on_disk: &mut Option<Stamp>, workers: &Workers) -> bool {
        if self.job.is_none() {
            return false;
        }
        while let Some(input) = workers.next() {
            if let Input::Saved(outcome) = input {
                // A later change is left to the caller: it saves whatever is still pending.
                let _ = self.finish(app, *outcome, on_disk);
                return true;
            }
        }
        false
    }

    /// Takes in how the running save ended ([`Input::Saved`]). A successful save sets `on_disk`
    /// to the stamp of the file it wrote. Asks for another save when the claims, the no-claim
    /// marks or the dismissals changed meanwhile (each kept, merged over what was written).
    pub fn finish(
        &mut self,
        app: &mut App,
        outcome: SaveOutcome,
        on_disk: &mut Option<Stamp>,
    ) -> Option<Effect> {
        let job = self.job.take()?;
        let again = std::mem::take(&mut self.again);
        match outcome {
            Ok((stamp, written, merged)) => {
                *on_disk = stamp;
                // What another writer's marks and dismissals the merge took in, to say so.
                let marks_taken = MarkEdit::between(&job.sent_marks, &written.no_claim).len();
                let dismissals_taken = changed_dismissals(&job.dismissed, &written.dismissed);
                let dismissed_now = app.sidecar.dismissed.clone();
                let effect =
                    if app.sidecar.claims == job.sent && app.sidecar.no_claim == job.sent_marks {
                        app.saved(Ok((written, merged)));
                        None
                    } else {
                        Some(app.saved_over((written, merged), &job.sent, &job.sent_marks))
                    };
                app.report_taken_in(marks_taken, dismissals_taken);
                // A suggestion dismissed or brought back while it ran must be written too.
                if app.dismissed_since(&job.dismissed, &dismissed_now) {
                    return Some(Effect::Save);
                }
                effect
            }
            Err(e) => {
                app.saved(Err(e));
                again.then_some(Effect::Save)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::annotate::Sidecar;
    use crate::config::Config;
    use crate::config::keys::Action;
    use crate::report::{Encoding, Report};
    use crate::tui::reader::{SaveState, update};
    use crossterm::event::KeyEvent;

    const TEXT: &str = "The port reopened on Monday. Officials said repairs were done. \
                        The cost is unknown. Critics disagree.";

    fn app(dir: &std::path::Path) -> App {
        let report = Report::from_text(
            &dir.join("report.txt"),
            TEXT.to_owned(),
            Encoding::Utf8,
            "hash".into(),
        );
        let mut app = App::new(report, None, Config::default(), None);
        update(&mut app, Action::Resize(100, 30));
        app
    }

    /// Tags the sentence under the cursor with the first tag and moves on; the effect it asks for.
    fn tag_and_step(app: &mut App) -> Option<Effect> {
        let key = app.config.tags[0].key;
        let effect = app.on_key(KeyEvent::new(key.code, key.modifiers));
        update(app, Action::NextSentence);
        effect
    }

    #[test]
    fn a_save_runs_on_its_thread_and_comes_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.txt.sidenote.toml");
        let mut app = app(dir.path());
        assert!(matches!(tag_and_step(&mut app), Some(Effect::Save)));
        let workers = Workers::default();
        let mut saver = Saver::new(path.clone(), &workers);
        let mut on_disk = None;
        saver.start(&mut app, Duration::from_secs(1));
        assert!(saver.busy());
        assert!(saver.wait(&mut app, &mut on_disk, &workers));
        assert!(!saver.busy());
        assert_eq!(app.save_state, SaveState::Saved);
        assert!(on_disk.is_some(), "the stamp of the file written");
        assert_eq!(Sidecar::load(&path).unwrap().unwrap().claims.len(), 1);
        assert!(
            !saver.wait(&mut app, &mut on_disk, &workers),
            "nothing left to wait for"
        );
    }

    #[test]
    fn edits_made_while_saving_are_kept_and_saved_next() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.txt.sidenote.toml");
        let mut app = app(dir.path());
        tag_and_step(&mut app);
        let workers = Workers::default();
        let mut saver = Saver::new(path.clone(), &workers);
        let mut on_disk = None;
        saver.start(&mut app, Duration::from_secs(1));
        // Two more tags while the first save runs: the second start only notes a save is due.
        tag_and_step(&mut app);
        saver.start(&mut app, Duration::from_secs(1));
        tag_and_step(&mut app);
        let Some(Input::Saved(outcome)) = workers.next() else {
            panic!("the save's end comes as news")
        };
        let outcome = *outcome;
        let again = saver.finish(&mut app, outcome, &mut on_disk);
        assert!(
            matches!(again, Some(Effect::Save)),
            "the later edits are saved next"
        );
        assert_eq!(app.save_state, SaveState::Pending);
        assert_eq!(app.sidecar.claims.len(), 3, "no edit lost");
        assert_eq!(Sidecar::load(&path).unwrap().unwrap().claims.len(), 1);
        saver.start(&mut app, Duration::from_secs(1));
        saver.wait(&mut app, &mut on_disk, &workers);
        assert_eq!(app.save_state, SaveState::Saved);
        assert_eq!(Sidecar::load(&path).unwrap().unwrap().claims.len(), 3);
    }

    #[test]
    fn a_failed_save_says_why() {
        let dir = tempfile::tempdir().unwrap();
        let blocked = dir.path().join("file");
        std::fs::write(&blocked, "not a folder").unwrap();
        let mut app = app(dir.path());
        tag_and_step(&mut app);
        let workers = Workers::default();
        let mut saver = Saver::new(blocked.join("report.txt.sidenote.toml"), &workers);
        saver.start(&mut app, Duration::from_millis(50));
        saver.wait(&mut app, &mut None, &workers);
        assert!(matches!(app.save_state, SaveState::Failed(_)));
        assert_eq!(app.sidecar.claims.len(), 1, "the claims are kept");
    }

    #[test]
    fn a_dismissal_made_while_saving_is_kept_and_saved_next() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.txt.sidenote.toml");
        let mut app = app(dir.path());
        let n = (0..app.report.sentences.len())
            .find(|&n| app.pending_suggestion(n).is_some())
            .expect("a sentence with a suggestion");
        let other = usize::from(n == 0);
        app.go_to_byte(app.sentence(other).start);
        let key = app.config.tags[0].key;
        let effect = app.on_key(KeyEvent::new(key.code, key.modifiers));
        assert!(matches!(effect, Some(Effect::Save)));
        let workers = Workers::default();
        let mut saver = Saver::new(path.clone(), &workers);
        let mut on_disk = None;
        saver.start(&mut app, Duration::from_secs(1));
        // While that save runs, a suggestion is dismissed.
        app.go_to_byte(app.sentence(n).start);
        assert_eq!(
            update(&mut app, Action::DismissSuggestion),
            Some(Effect::Save)
        );
        saver.start(&mut app, Duration::from_secs(1));
        let Some(Input::Saved(outcome)) = workers.next() else {
            panic!("the save's end comes as news")
        };
        let outcome = *outcome;
        let next = saver.finish(&mut app, outcome, &mut on_disk);
        assert_eq!(app.sidecar.dismissed.len(), 1, "kept in memory");
        assert_eq!(next, Some(Effect::Save), "and saved next");
        assert!(matches!(app.save_state, SaveState::Pending));
        saver.start(&mut app, Duration::from_secs(1));
        assert!(saver.wait(&mut app, &mut on_disk, &workers));
        let disk = Sidecar::load(&path).unwrap().unwrap();
        assert_eq!(disk.dismissed.len(), 1, "on disk");
        assert_eq!(disk.claims.len(), 1);
        assert!(matches!(app.save_state, SaveState::Saved));
    }
}
