//! Dismissed suggestions: bringing one back, and the panel's list of them.
//!
//! Dismissing a suggestion (`X`) is an edit like tagging: `z` undoes it, `Ctrl-r` redoes it, and
//! the saver writes it (merged three ways with the sidecar on disk, so a suggestion brought
//! back stays back). `X` on a sentence whose suggestion was dismissed brings it back; the
//! panel's filter (`f`) ends on a list of every dismissed suggestion, where `j`/`k` (panel
//! focus) go from one to the next.

use super::{App, Effect, PANEL_ITEM_ROWS};

/// Rows above the list of dismissed suggestions in the panel: its heading and a blank row.
pub const DISMISSED_HEADING: usize = 2;
use crate::annotate::Dismissed;
use crate::config::keys::Action;

impl App {
    /// Whether the suggestion for sentence `n` was dismissed.
    pub fn is_dismissed(&self, n: usize) -> bool {
        self.report
            .sentences
            .get(n)
            .is_some_and(|span| self.sidecar.is_dismissed(&self.report, span))
    }

    /// The suggestion dismissed on sentence `n`, when there was one (with suggestions turned
    /// off, a dismissal is listed without it).
    pub fn dismissed_suggestion(&self, n: usize) -> Option<crate::suggest::Suggestion> {
        self.is_dismissed(n)
            .then(|| self.suggestions.get(&self.report, n))
            .flatten()
    }

    /// The sentences whose suggestion was dismissed, in document order: what the panel lists
    /// in its "dismissed" view.
    pub fn dismissed_sentences(&self) -> Vec<usize> {
        let mut found: Vec<usize> = self
            .sidecar
            .dismissed
            .iter()
            .filter_map(|d| self.sentence_of_dismissal(d))
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The sentence a dismissal is for: the one with its text, the nearest to where it was.
    pub(super) fn sentence_of_dismissal(&self, dismissed: &Dismissed) -> Option<usize> {
        let text = &self.report.text;
        let near = self
            .report
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| text.get((*s).clone()) == Some(dismissed.quote.as_str()));
        near.min_by_key(|(_, s)| self.report.char_range(s).start.abs_diff(dismissed.start))
            .map(|(n, _)| n)
    }

    /// `X`: dismisses the cursor sentence's suggestion, or brings a dismissed one back.
    pub(super) fn toggle_dismissal(&mut self) -> Option<Effect> {
        if self.refuse_if_read_only() {
            return None;
        }
        let span = self.sentence(self.cursor);
        let key = |action| {
            self.config
                .keys
                .first_key(action)
                .unwrap_or_else(|| "-".to_owned())
        };
        let (dismiss, undo) = (key(Action::DismissSuggestion), key(Action::Undo));
        if self.is_dismissed(self.cursor) {
            self.record_undo();
            let text = self.report.text.get(span).unwrap_or_default().to_owned();
            self.sidecar.dismissed.retain(|d| d.quote != text);
            self.message = Some(format!(
                "suggestion brought back ({dismiss} dismisses it again, {undo} undoes)"
            ));
            return Some(self.claims_changed());
        }
        if self.pending_suggestion(self.cursor).is_none() {
            self.message = Some("no suggestion on this sentence".to_owned());
            return None;
        }
        self.record_undo();
        self.sidecar.dismiss(&self.report, &span);
        self.message = Some(format!(
            "suggestion dismissed ({undo} undoes; {dismiss} here brings it back)"
        ));
        Some(self.claims_changed())
    }

    /// Shows the dismissed suggestions in the panel instead of the claims, or the claims again.
    pub(super) fn show_dismissed(&mut self, on: bool) {
        self.dismissed_view = on;
        if on {
            let n = self.dismissed_sentences().len();
            let dismiss = self
                .config
                .keys
                .first_key(Action::DismissSuggestion)
                .unwrap_or_else(|| "dismiss_suggestion (bind a key to it)".to_owned());
            self.message = Some(format!(
                "{n} dismissed suggestion(s): {dismiss} on one brings it back"
            ));
        }
    }

    /// The dismissed suggestions' sentences the panel shows now, in order: as many as fit
    /// below its two-row heading and above the suggestion's box, the cursor's among them.
    pub fn dismissed_shown(&self) -> Vec<usize> {
        let rows = self
            .areas()
            .map_or(0, |a| usize::from(a.panel_inner.height));
        let fit = (rows.saturating_sub(DISMISSED_HEADING + 3) / PANEL_ITEM_ROWS).max(1);
        let list = self.dismissed_sentences();
        let at = list.iter().position(|&n| n == self.cursor);
        let first = at.map_or(0, |p| (p + 1).saturating_sub(fit));
        list.into_iter().skip(first).take(fit).collect()
    }

    /// A click on the panel's row `row` (from its top) in the dismissed view: the cursor goes to
    /// the dismissed suggestion drawn there.
    pub(super) fn click_dismissed(&mut self, row: usize) {
        let entry = row
            .checked_sub(DISMISSED_HEADING)
            .map(|r| r / PANEL_ITEM_ROWS);
        if let Some(n) = entry.and_then(|e| self.dismissed_shown().get(e).copied()) {
            self.move_cursor(n);
        }
    }

    /// `j`/`k` in the panel's dismissed view: the cursor goes to the next (previous) sentence
    /// whose suggestion was dismissed.
    pub(super) fn step_dismissed(&mut self, forward: bool) {
        let list = self.dismissed_sentences();
        let next = if forward {
            list.iter().find(|&&n| n > self.cursor)
        } else {
            list.iter().rev().find(|&&n| n < self.cursor)
        };
        match next.or_else(|| {
            (!list.contains(&self.cursor))
                .then(|| list.first())
                .flatten()
        }) {
            Some(&n) => self.move_cursor(n),
            None if list.is_empty() => {
                self.message = Some("no dismissed suggestion".to_owned());
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::path::Path;

    use crossterm::event::KeyEvent;

    use super::DISMISSED_HEADING;
    use crate::annotate::Sidecar;
    use crate::config::Config;
    use crate::config::keys::{Action, Key};
    use crate::report::{Encoding, Report};
    use crate::tui::reader::{App, Effect, PANEL_ITEM_ROWS, SaveState, update};

    const TEXT: &str = "The minister said the port would reopen on Monday. \
The cost is unknown. Officials said repairs were done. \
A spokesman for the operator said the cranes were safe. Critics disagree.";

    fn app(sidecar: Option<Sidecar>) -> App {
        let report = Report::from_text(
            Path::new("report.txt"),
            TEXT.to_owned(),
            Encoding::Utf8,
            "hash".into(),
        );
        let config = Config {
            author: "tester".to_owned(),
            ..Config::default()
        };
        let mut app = App::new(report, sidecar, config, None);
        update(&mut app, Action::Resize(120, 30));
        app
    }

    /// Presses each key of `names` (space apart); what the last one asked for.
    fn keys(app: &mut App, names: &str) -> Option<Effect> {
        let mut effect = None;
        for name in names.split(' ') {
            let key = Key::parse(name).unwrap();
            effect = app.on_key(KeyEvent::new(key.code, key.modifiers));
        }
        effect
    }

    fn with_suggestions(app: &App) -> Vec<usize> {
        (0..app.report.sentences.len())
            .filter(|&n| app.pending_suggestion(n).is_some())
            .collect()
    }

    #[test]
    fn undo_after_a_dismissal_undoes_the_dismissal_and_keeps_the_claim() {
        let mut app = app(None);
        let pending = with_suggestions(&app);
        assert!(
            pending.len() >= 2,
            "two suggestions to work with: {pending:?}"
        );
        // The keys: `S S y` accepts one, `S X` dismisses the next, `z` undoes.
        keys(&mut app, "S");
        if app.cursor != pending[0] {
            update(&mut app, Action::FirstSentence);
            keys(&mut app, "S");
        }
        keys(&mut app, "y S X");
        let dismissed_at = app.cursor;
        assert_eq!(app.sidecar.claims.len(), 1);
        assert_eq!(app.sidecar.dismissed.len(), 1);
        update(&mut app, Action::FirstSentence);
        assert_eq!(keys(&mut app, "z"), Some(Effect::Save));
        assert_eq!(app.sidecar.claims.len(), 1, "the claim is kept");
        assert!(app.sidecar.dismissed.is_empty(), "the dismissal is undone");
        assert_eq!(
            app.cursor, dismissed_at,
            "the cursor goes to the suggestion"
        );
        assert!(app.pending_suggestion(dismissed_at).is_some());
        assert!(
            app.message
                .as_deref()
                .unwrap()
                .contains("suggestion is back")
        );
        // Redo dismisses it again; a second undo reaches the claim.
        keys(&mut app, "Z");
        assert_eq!(app.sidecar.dismissed.len(), 1);
        assert!(app.pending_suggestion(dismissed_at).is_none());
        keys(&mut app, "z z");
        assert!(app.sidecar.claims.is_empty());
        assert!(app.sidecar.dismissed.is_empty());
    }

    #[test]
    fn x_on_a_dismissed_suggestion_brings_it_back_undoably() {
        let mut app = app(None);
        let n = with_suggestions(&app)[0];
        app.go_to_byte(app.sentence(n).start);
        keys(&mut app, "X");
        assert!(app.is_dismissed(n));
        assert!(app.dismissed_suggestion(n).is_some());
        assert_eq!(keys(&mut app, "X"), Some(Effect::Save));
        assert!(!app.is_dismissed(n));
        assert!(app.pending_suggestion(n).is_some());
        assert!(app.message.as_deref().unwrap().contains("brought back"));
        keys(&mut app, "z");
        assert_eq!(
            keys(&mut app, "y"),
            None,
            "a dismissed suggestion is not accepted"
        );
        assert!(app.message.as_deref().unwrap().contains("X brings it back"));
        assert!(
            app.is_dismissed(n),
            "undoing the restore dismisses it again"
        );
    }

    #[test]
    fn the_panel_filter_ends_on_the_dismissed_suggestions() {
        let mut app = app(None);
        let pending = with_suggestions(&app);
        // Nothing dismissed: the filter goes from the last tag back to every claim.
        for _ in 0..=app.config.tags.len() {
            update(&mut app, Action::CycleFilter);
        }
        assert!(!app.dismissed_view);
        assert_eq!(app.filter, None);
        for &n in &pending[..2] {
            app.go_to_byte(app.sentence(n).start);
            keys(&mut app, "X");
        }
        update(&mut app, Action::FirstSentence);
        for _ in 0..=app.config.tags.len() {
            update(&mut app, Action::CycleFilter);
        }
        assert!(app.dismissed_view);
        assert_eq!(app.filter, None);
        assert_eq!(app.dismissed_sentences(), pending[..2]);
        // In the panel, j and k go from one dismissed suggestion to the next.
        update(&mut app, Action::LastSentence);
        update(&mut app, Action::SwitchFocus);
        update(&mut app, Action::PrevSentence);
        assert_eq!(app.cursor, pending[1]);
        update(&mut app, Action::NextSentence);
        assert_eq!(app.cursor, pending[1], "the last one");
        update(&mut app, Action::PrevSentence);
        assert_eq!(app.cursor, pending[0]);
        // A click on the second one's rows puts the cursor there.
        let inner = app.areas().unwrap().panel_inner;
        let second = inner.y + u16::try_from(DISMISSED_HEADING + PANEL_ITEM_ROWS + 1).unwrap();
        update(&mut app, Action::Click(inner.x + 3, second));
        assert_eq!(app.cursor, pending[1]);
        update(&mut app, Action::PrevSentence);
        keys(&mut app, "X");
        assert_eq!(app.dismissed_sentences(), pending[1..2]);
        update(&mut app, Action::CycleFilter);
        assert!(!app.dismissed_view, "then every claim again");
        assert_eq!(app.filter, None);
    }

    #[test]
    fn a_restored_suggestion_is_removed_from_the_sidecar_not_merged_back() {
        let mut app = app(None);
        let n = with_suggestions(&app)[0];
        app.go_to_byte(app.sentence(n).start);
        keys(&mut app, "X");
        let (on_disk, merged) = app.merge_with_disk(None);
        app.saved(Ok((on_disk.clone(), merged)));
        assert_eq!(on_disk.dismissed.len(), 1);
        keys(&mut app, "X");
        assert_eq!(app.save_state, SaveState::Pending);
        // The disk still has the dismissal: the save removes it rather than take it back.
        let (written, merged) = app.merge_with_disk(Some(on_disk.clone()));
        assert!(written.dismissed.is_empty(), "{:?}", written.dismissed);
        app.saved(Ok((written.clone(), merged)));
        assert!(!app.is_dismissed(n));
        // Nor does taking in a change on disk made meanwhile put it back.
        let mut elsewhere = written;
        elsewhere.claims.clear();
        assert_eq!(app.disk_changed(Ok(Some(elsewhere))), None);
        assert!(!app.is_dismissed(n));
        // A dismissal another window made is taken in; a restore made there too.
        let mut theirs = app.merge_with_disk(None).0;
        theirs.dismiss(&app.report.clone(), &app.sentence(n));
        app.disk_changed(Ok(Some(theirs.clone())));
        assert!(app.is_dismissed(n));
        theirs.dismissed.clear();
        app.disk_changed(Ok(Some(theirs)));
        assert!(!app.is_dismissed(n));
    }
}
