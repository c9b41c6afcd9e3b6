//! Keeping the claims in step with the sidecar on disk: merging with it before a save, taking in
//! the result of a save and changes made elsewhere, and telling the user what a merge did.

use std::sync::Arc;

use super::history::MarkEdit;
use super::{App, Effect, SaveState, update};
use crate::annotate::dismissals::{merge_dismissed, same_dismissed};
use crate::annotate::merge::{CONFLICT_LABEL, Merged, deleted_elsewhere, merge};
use crate::annotate::no_claim::{mark_order, merge_marks};
use crate::annotate::{
    Anchor, Claim, Dismissed, NoClaim, QUOTE_WAS, Sidecar, document_order, reanchor_all,
    reanchor_marks,
};
use crate::config::keys::Action;
use crate::report::Report;

/// How a save ended: the stamp and content of what it wrote, or why it wrote nothing.
pub type SaveOutcome = Result<(Option<crate::annotate::store::Stamp>, Sidecar, Merged), String>;

/// The part of the reader's state a save merges with the disk, sent to the saver's thread.
#[derive(Debug, Clone)]
pub struct SaveRequest {
    /// The report, shared with the reader.
    pub report: Arc<Report>,
    /// The claims as last read from or written to disk: the common ancestor of the merge.
    pub base: Vec<Claim>,
    /// Our claims.
    pub claims: Vec<Claim>,
    /// The suggestions we dismissed.
    pub dismissed: Vec<Dismissed>,
    /// The no-claim marks as last read from or written to disk.
    pub base_marks: Vec<NoClaim>,
    /// Our no-claim marks.
    pub marks: Vec<NoClaim>,
    /// The dismissals as last read from or written to disk: the common ancestor of their merge.
    pub dismissed_base: Vec<Dismissed>,
    /// The report's file name, relative to the sidecar.
    pub file: String,
}

impl SaveRequest {
    /// What to write: the claims on disk now (`disk`), re-anchored, merged with ours against the
    /// base ([`merge`]), so another writer's work is kept. Pure, so it runs under the sidecar's
    /// lock on any thread.
    pub fn merge_with_disk(&self, disk: Option<Sidecar>) -> (Sidecar, Merged) {
        let mut next = disk.unwrap_or_else(|| Sidecar::new(&self.report));
        let mut theirs = std::mem::take(&mut next.claims);
        reanchor_all(&mut theirs, &self.report);
        let merged = merge(&self.base, &self.claims, &theirs);
        next.claims.clone_from(&merged.claims);
        let mut their_marks = std::mem::take(&mut next.no_claim);
        reanchor_marks(&mut their_marks, &self.report);
        next.no_claim = merge_marks(&self.base_marks, &self.marks, &their_marks);
        next.dismissed = merge_dismissed(&self.dismissed_base, &self.dismissed, &next.dismissed);
        // Keys another tool added to `[report]` on disk are kept; the hash is of our report.
        next.report.file.clone_from(&self.file);
        next.report.describe(&self.report);
        next.sort();
        (next, merged)
    }
}

impl App {
    /// Re-anchors claims read from disk to the report's current text. Returns the claims and how
    /// many of them moved with their text unchanged.
    pub(super) fn anchor(&mut self, mut claims: Vec<Claim>) -> (Vec<Claim>, usize) {
        let anchors = reanchor_all(&mut claims, &self.report);
        let moved = anchors.iter().filter(|a| **a == Anchor::Moved).count();
        (claims, moved)
    }

    /// The text claim `i` had before the report changed, while the user has not confirmed the
    /// claim's new text.
    pub fn old_quote(&self, i: usize) -> Option<&str> {
        self.sidecar.claims.get(i)?.extra.get(QUOTE_WAS)?.as_str()
    }

    /// How many claims were found with changed text and are not confirmed yet.
    pub(super) fn changed_text(&self) -> usize {
        (0..self.sidecar.claims.len())
            .filter(|&i| self.old_quote(i).is_some())
            .count()
    }

    /// What a save needs of the reader, and no more: the shared report, the merge's base, our
    /// claims and dismissals, and the report's file name as the sidecar records it.
    pub fn save_request(&self) -> SaveRequest {
        SaveRequest {
            report: Arc::clone(&self.report),
            base: self.base.clone(),
            claims: self.sidecar.claims.clone(),
            dismissed: self.sidecar.dismissed.clone(),
            base_marks: self.marks.base.clone(),
            marks: self.sidecar.no_claim.clone(),
            dismissed_base: self.dismissed_base.clone(),
            file: self.sidecar.report.file.clone(),
        }
    }

    /// What to write when saving now: see [`SaveRequest::merge_with_disk`].
    pub fn merge_with_disk(&self, disk: Option<Sidecar>) -> (Sidecar, Merged) {
        self.save_request().merge_with_disk(disk)
    }

    /// Records the result of a save the event loop carried out: what was written (which may hold
    /// other writers' claims and dismissals too), or why nothing was. The claims and dismissals
    /// are those the save was given; a save that ran while they changed is taken in by the
    /// saver ([`App::saved_over`], [`App::dismissed_since`]).
    pub fn saved(&mut self, result: Result<(Sidecar, Merged), String>) {
        match result {
            Ok((written, merged)) => {
                self.save_state = SaveState::Saved;
                self.base.clone_from(&written.claims);
                self.marks.base.clone_from(&written.no_claim);
                self.dismissed_base.clone_from(&written.dismissed);
                self.sidecar = written;
                self.refresh_claims();
                self.follow_cursor();
                self.report_merge(&merged);
            }
            Err(why) => self.save_state = SaveState::Failed(why),
        }
    }

    /// Records a save that finished after the claims or marks changed again: what was written
    /// becomes the claims on disk, and the edits made since `sent` (the claims and no-claim marks
    /// the save was given) are put back on top of it, to be saved next.
    pub fn saved_over(
        &mut self,
        written: (Sidecar, Merged),
        sent: &[Claim],
        sent_marks: &[NoClaim],
    ) -> Effect {
        let now = std::mem::take(&mut self.sidecar.claims);
        let now_marks = std::mem::take(&mut self.sidecar.no_claim);
        self.saved(Ok(written));
        let later = merge(sent, &now, &self.sidecar.claims);
        self.sidecar.claims = later.claims;
        self.sidecar.no_claim = merge_marks(sent_marks, &now_marks, &self.sidecar.no_claim);
        self.refresh_claims();
        self.follow_cursor();
        self.save_state = SaveState::Pending;
        Effect::Save
    }

    /// After a save given the dismissals `sent` was taken in, while they had become `now`:
    /// the dismissals and restores made since are put back on top of what was written, to be
    /// saved next. Whether there were any.
    pub fn dismissed_since(&mut self, sent: &[Dismissed], now: &[Dismissed]) -> bool {
        if same_dismissed(sent, now) {
            return false;
        }
        self.sidecar.dismissed = merge_dismissed(sent, now, &self.sidecar.dismissed);
        let later = !same_dismissed(&self.sidecar.dismissed, &self.dismissed_base);
        if later {
            self.save_state = SaveState::Pending;
        }
        later
    }

    /// The sidecar changed on disk (another window, a script, `git pull`, a hand edit): takes the
    /// change in, keeping our own edits not yet saved. Asks for a save when ours must be written.
    pub fn disk_changed(&mut self, disk: Result<Option<Sidecar>, String>) -> Option<Effect> {
        let disk = match disk {
            Ok(disk) => disk,
            Err(why) => {
                self.message = Some(format!(
                    "the sidecar on disk cannot be read (not overwritten): {why}"
                ));
                return None;
            }
        };
        if matches!(self.save_state, SaveState::ReadOnly(_)) {
            self.save_state = SaveState::Unchanged;
        }
        if deleted_elsewhere(&self.base, disk.as_ref())
            || (disk.is_none() && !(self.marks.base.is_empty() && self.dismissed_base.is_empty()))
        {
            // Nothing on disk to merge with: our claims, marks and dismissals are kept, and
            // written again on the next change, as to a new sidecar (merged with nothing, they
            // would read as removed elsewhere).
            self.base.clear();
            self.marks.base.clear();
            self.dismissed_base.clear();
            self.message = Some(format!(
                "the sidecar was deleted elsewhere; its {} claim(s) are kept here and written again with your next change",
                self.sidecar.claims.len()
            ));
            return None;
        }
        let mut their_marks = disk
            .as_ref()
            .map(|d| d.no_claim.clone())
            .unwrap_or_default();
        reanchor_marks(&mut their_marks, &self.report);
        let on_disk_dismissed = disk
            .as_ref()
            .map(|d| d.dismissed.clone())
            .unwrap_or_default();
        self.sidecar.dismissed = merge_dismissed(
            &self.dismissed_base,
            &self.sidecar.dismissed,
            &on_disk_dismissed,
        );
        let theirs = disk.map(|d| self.anchor(d.claims).0).unwrap_or_default();
        let merged = merge(&self.base, &self.sidecar.claims, &theirs);
        self.base = theirs;
        self.sidecar.claims.clone_from(&merged.claims);
        self.sidecar.no_claim = merge_marks(&self.marks.base, &self.sidecar.no_claim, &their_marks);
        their_marks.sort_by(mark_order);
        // What the other writer changed besides the claims, to say so.
        let marks_taken = MarkEdit::between(&self.marks.base, &their_marks).len();
        let dismissals_taken = changed_dismissals(&self.dismissed_base, &on_disk_dismissed);
        self.marks.base = their_marks;
        self.refresh_claims();
        self.follow_cursor();
        self.message = None;
        self.report_merge(&merged);
        self.report_taken_in(marks_taken, dismissals_taken);
        if self.message.is_none() {
            self.message = Some("the sidecar changed on disk; nothing new to take in".to_owned());
        }
        // Our claims are in document order now (`refresh_claims`); so must the disk's be to compare.
        let mut on_disk = self.base.clone();
        on_disk.sort_by(document_order);
        let dismissals_differ = !same_dismissed(&self.sidecar.dismissed, &on_disk_dismissed);
        self.dismissed_base = on_disk_dismissed;
        (self.sidecar.claims != on_disk
            || self.sidecar.no_claim != self.marks.base
            || dismissals_differ)
            .then(|| {
                self.save_state = SaveState::Pending;
                Effect::Save
            })
    }

    /// The report's file was replaced by another (see [`ReportIdentity`]): the claims are
    /// re-anchored to the report now there, as when a changed report is opened (what is not
    /// found is kept, orphaned), and written with its hash on the next change (or the save
    /// already due: an unsaved change stays unsaved, not forgotten).
    ///
    /// A web page with no article in it (navigation, a section front) is refused, as when it
    /// is opened: the reader keeps the text it shows, and the claims stay anchored to it.
    ///
    /// [`ReportIdentity`]: crate::annotate::identity::ReportIdentity
    pub fn report_replaced(&mut self, report: Report) {
        if report.no_article {
            self.message = Some(
                "the report on disk is now a web page with no article (mostly links or too short): still showing the text you were reading, your claims stay on it"
                    .to_owned(),
            );
            return;
        }
        let read_only = match &self.save_state {
            SaveState::ReadOnly(why) => Some(why.clone()),
            _ => None,
        };
        // What was last read or written, moved the same way, so that the next merge with the
        // sidecar on disk sees no change where there was none.
        let mut base = self.base.clone();
        reanchor_all(&mut base, &report);
        let mut base_marks = self.marks.base.clone();
        reanchor_marks(&mut base_marks, &report);
        let mut next = App::new(
            report,
            Some(self.sidecar.clone()),
            self.config.clone(),
            read_only,
        );
        next.base = base;
        next.marks.base = base_marks;
        next.corroboration = self.corroboration.carried();
        next.folder_sources = std::mem::take(&mut self.folder_sources);
        next.dismissed_base.clone_from(&self.dismissed_base);
        if matches!(self.save_state, SaveState::Pending | SaveState::Failed(_)) {
            // A change not yet on disk (a save waiting, or one that failed and is retried) is
            // still to be written: a new reader starts "unchanged" and would never write it.
            next.save_state = self.save_state.clone();
        }
        update(&mut next, Action::Resize(self.size.width, self.size.height));
        // The user stays at their sentence, found by its text as a kept place is.
        next.resume(&self.place());
        let orphans = next.spans.iter().filter(|s| s.is_none()).count();
        next.message = Some(format!(
            "the report was replaced or changed on disk: claims re-anchored to its text, {orphans} orphaned"
        ));
        *self = next;
    }

    /// Adds to the message the no-claim marks and dismissals another writer added or removed
    /// that a merge took in (the claims are counted by [`App::report_merge`]).
    pub(super) fn report_taken_in(&mut self, marks: usize, dismissals: usize) {
        let mut parts = Vec::new();
        if marks > 0 {
            parts.push(format!("{marks} no-claim mark(s)"));
        }
        if dismissals > 0 {
            parts.push(format!("{dismissals} dismissed suggestion(s)"));
        }
        if parts.is_empty() {
            return;
        }
        let line = format!("took in {} added or removed elsewhere", parts.join(" and "));
        self.message = Some(match self.message.take() {
            Some(claims) => format!("{claims}; {line}"),
            None => line,
        });
    }

    pub(super) fn report_merge(&mut self, merged: &Merged) {
        let mut parts = Vec::new();
        if merged.taken > 0 {
            parts.push(format!(
                "took in {} change(s) saved elsewhere",
                merged.taken
            ));
        }
        if merged.conflicts > 0 {
            let drop = self
                .config
                .keys
                .first_key(crate::config::keys::Action::RemoveClaim)
                .map_or_else(String::new, |key| {
                    format!("; {key} on the version you drop keeps the other")
                });
            parts.push(format!(
                "{} conflict(s): both versions kept, labelled \"{CONFLICT_LABEL}\" (⚠ in the panel){drop}",
                merged.conflicts
            ));
        }
        if !parts.is_empty() {
            self.message = Some(parts.join("; "));
        }
    }
}

/// How many sentences `a` and `b` differ on: dismissed in one and not the other.
pub(super) fn changed_dismissals(a: &[Dismissed], b: &[Dismissed]) -> usize {
    let missing = |from: &[Dismissed], to: &[Dismissed]| {
        from.iter()
            .filter(|d| !to.iter().any(|e| e.quote == d.quote))
            .count()
    };
    missing(a, b) + missing(b, a)
}

#[cfg(test)]
#[path = "merged_tests.rs"]
mod merged_tests;
