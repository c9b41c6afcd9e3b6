//! Undo history: each change to the claims and the dismissed suggestions as the items it
//! replaced and the items it made, so undoing one change keeps a colleague's later ones; and the
//! no-claim marks it removed and added.

use super::history::{Edit, MarkEdit};
use super::{App, Effect, SaveState};

impl App {
    /// Remembers the claims, dismissals and no-claim marks before a change, so the change can be
    /// undone.
    pub(super) fn record_undo(&mut self) {
        self.before_change = Some((self.sidecar.claims.clone(), self.sidecar.dismissed.clone()));
        self.marks.before = Some(self.sidecar.no_claim.clone());
    }

    /// After any change to the claims, the dismissals or the marks: the undo record, document
    /// order, spans, and a save. A claim the user made or changed replaces their no-claim mark
    /// there, in the same edit.
    pub(super) fn claims_changed(&mut self) -> Effect {
        if let Some((claims, dismissed)) = self.before_change.take() {
            let mut edit = Edit::between(
                (&claims, &dismissed),
                (&self.sidecar.claims, &self.sidecar.dismissed),
            );
            self.unmark_claimed(&edit);
            let marks_before = self.marks.before.take().unwrap_or_default();
            edit.marks = MarkEdit::between(&marks_before, &self.sidecar.no_claim);
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
        let from = if undo { &mut self.undo } else { &mut self.redo };
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
        if !edit.applies_to(&self.sidecar.claims, &self.sidecar.dismissed, undo) {
            // Someone else changed these claims since: replaying our old version over theirs
            // would silently throw their work away.
            let verb = if undo { "undo" } else { "redo" };
            let what = if edit.only_dismissals() {
                "the suggestion was dismissed or brought back"
            } else {
                "the claim was changed"
            };
            self.message = Some(format!(
                "cannot {verb} that: {what} elsewhere since (the change is kept)"
            ));
            return None;
        }
        edit.apply(
            &mut self.sidecar.claims,
            &mut self.sidecar.dismissed,
            &mut self.sidecar.no_claim,
            undo,
        );
        self.message = Some(self.undone_message(&edit, undo));
        if edit.only_dismissals()
            && let Some(n) = edit
                .dismissed
                .0
                .iter()
                .find_map(|(b, a)| b.as_ref().or(a.as_ref()))
                .and_then(|d| self.sentence_of_dismissal(d))
        {
            // The suggestion comes back (or goes) where the user can see it.
            self.move_cursor(n);
        }
        if undo {
            self.redo.push(edit);
        } else {
            self.undo.push(edit);
        }
        Some(self.claims_changed())
    }

    /// What undoing (or redoing) `edit` did, in words.
    fn undone_message(&self, edit: &Edit, undo: bool) -> String {
        let verb = if undo { "undone" } else { "redone" };
        if !edit.only_dismissals() {
            return verb.to_owned();
        }
        // A dismissal goes from absent to present; undoing it brings the suggestion back.
        let dismissal = edit.dismissed.0.iter().any(|(b, _)| b.is_none());
        let back = dismissal == undo;
        if back {
            format!("{verb}: the suggestion is back")
        } else {
            let key = self
                .config
                .keys
                .first_key(crate::config::keys::Action::DismissSuggestion);
            match key {
                Some(key) => format!("{verb}: the suggestion is dismissed ({key} brings it back)"),
                None => format!("{verb}: the suggestion is dismissed"),
            }
        }
    }
}
