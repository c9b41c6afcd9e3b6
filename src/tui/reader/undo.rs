//! Undo history: each change to the claims as the claims it replaced and the claims it made, so
//! undoing one change keeps a colleague's later ones; and the no-claim marks it removed and
//! added.

use super::history::{Edit, MarkEdit};
use super::{App, Effect, SaveState};

impl App {
    /// Remembers the claims and no-claim marks before a change, so the change can be undone.
    pub(super) fn record_undo(&mut self) {
        self.before_change = Some(self.sidecar.claims.clone());
        self.marks.before = Some(self.sidecar.no_claim.clone());
    }

    /// After any change to the claims: the undo record, document order, spans, and a save. A
    /// claim the user made or changed replaces their no-claim mark there, in the same edit.
    pub(super) fn claims_changed(&mut self) -> Effect {
        if let Some(before) = self.before_change.take() {
            let mut edit = Edit::between(&before, &self.sidecar.claims);
            self.unmark_claimed(&edit);
            let marks_before = self.marks.before.take().unwrap_or_default();
            edit.1 = MarkEdit::between(&marks_before, &self.sidecar.no_claim);
            if !edit.is_empty() {
                self.undo.push(edit);
                self.redo.clear();
            }
        }
        self.refresh_claims();
        self.save_state = SaveState::Pending;
        self.follow_cursor();
        Effect::Save
    }

    pub(super) fn undo_redo(&mut self, undo: bool) -> Option<Effect> {
        if self.refuse_if_read_only() {
            return None;
        }
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(edit) = from.pop() else {
            self.message = Some(
                if undo {
                    "nothing to undo"
                } else {
                    "nothing to redo"
                }
                .to_owned(),
            );
            return None;
        };
        if !edit.applies_to(&self.sidecar.claims, undo) {
            // Someone else changed these claims since: replaying our old version over theirs
            // would silently throw their work away.
            let verb = if undo { "undo" } else { "redo" };
            self.message = Some(format!(
                "cannot {verb} that: the claim was changed elsewhere since (the change is kept)"
            ));
            return None;
        }
        edit.apply(&mut self.sidecar.claims, undo);
        edit.1.apply(&mut self.sidecar.no_claim, undo);
        to.push(edit);
        self.message = Some(if undo { "undone" } else { "redone" }.to_owned());
        Some(self.claims_changed())
    }
}
