//! Conflicts a merge left (two versions of one claim, see [`crate::annotate::conflict`]):
//! which claims are in one, and resolving it by keeping one version.
//!
//! The panel marks each version `⚠ conflict`; removing one version (`x`) keeps the other, and
//! the accept key (`y`) on a version keeps it and drops the others. Either way the survivor
//! loses the markers and takes the claim's id back, so neither `sidenote check` nor the next
//! merge sees a conflict that was resolved. A conflict copy whose other version was removed
//! outside the reader is still one (as `check` reports it): `y` keeps it, `x` drops it. One
//! edit: `z` brings every version back.

use super::{App, Effect};
use crate::annotate::Claim;
use crate::config::keys::Action;

impl App {
    /// Whether claim `i` is one of two or more versions of a claim a merge could not reconcile,
    /// or a conflict copy whose other version is gone.
    pub fn in_conflict(&self, i: usize) -> bool {
        self.sidecar.in_conflict(i)
    }

    /// Whether claim `i` is a conflict copy whose other version was removed: `y` keeps it.
    pub fn lone_version(&self, i: usize) -> bool {
        self.in_conflict(i) && self.sidecar.versions(i).len() == 1
    }

    /// After `removed` was taken out of the claims: when it was a version in a conflict and one
    /// version is left, that one is the claim now, without the conflict's markers and under the
    /// claim's id. Returns the survivor's index.
    pub(super) fn settle_conflict(&mut self, removed: &Claim) -> Option<usize> {
        let i = self.sidecar.settle_conflict(removed)?;
        self.selected = Some(self.sidecar.claims[i].id.clone());
        Some(i)
    }

    /// The accept key on the user's own claim in a conflict: keeps that version, drops the
    /// others. `None` (nothing done) when the cursor's claim is in no conflict.
    pub(super) fn keep_conflict_version(&mut self) -> Option<Effect> {
        let i = self
            .own_claim_under_cursor()
            .filter(|&i| self.in_conflict(i))?;
        self.record_undo();
        let dropped = self.sidecar.versions(i).len() - 1;
        let at = self.sidecar.keep_version(i)?;
        let claim = &self.sidecar.claims[at];
        self.selected = Some(claim.id.clone());
        let undo = self
            .config
            .keys
            .first_key(Action::Undo)
            .map_or_else(String::new, |key| format!(" ({key} undoes)"));
        let status = crate::report::safe(&claim.status);
        self.message = Some(if dropped == 0 {
            format!("conflict resolved: kept the {status} version (its other was removed){undo}")
        } else {
            format!(
                "conflict resolved: kept the {status} version, dropped {dropped} other(s){undo}"
            )
        });
        Some(self.claims_changed())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::annotate::merge::{CONFLICT_KEY, CONFLICT_LABEL, merge};
    use crate::config::keys::Action;
    use crate::tui::reader::team::tests::team_app;
    use crate::tui::reader::{Effect, Focus, update};

    /// A reader as `tester` whose claim on sentence 2 came back from a merge in two versions:
    /// ours `disputed`, theirs `opinion` (the conflict copy).
    fn conflicted() -> crate::tui::reader::App {
        let mut app = team_app(&[(1, "disputed", "tester", Some("C3"))]);
        let ours = app.sidecar.claims.clone();
        let mut theirs = ours.clone();
        theirs[0].status = "opinion".into();
        let mut base = ours.clone();
        base[0].status = "sourced".into();
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.conflicts, 1);
        let mut sidecar = app.sidecar.clone();
        sidecar.claims = merged.claims;
        app = crate::tui::reader::App::new(
            (*app.report).clone(),
            Some(sidecar),
            app.config.clone(),
            None,
        );
        update(&mut app, Action::Resize(120, 30));
        app
    }

    /// The claims as (id, status, labels, whether marked `conflict_of`).
    fn claims(app: &crate::tui::reader::App) -> Vec<(String, String, Vec<String>, bool)> {
        app.sidecar
            .claims
            .iter()
            .map(|c| {
                (
                    c.id.clone(),
                    c.status.clone(),
                    c.labels.clone(),
                    c.extra.contains_key(CONFLICT_KEY),
                )
            })
            .collect()
    }

    /// The screen, drawn at 120x30, as text.
    fn screen(app: &crate::tui::reader::App) -> String {
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 30)).unwrap();
        terminal
            .draw(|frame| crate::tui::reader::ui::draw(frame, app))
            .unwrap();
        let buffer = terminal.backend().buffer();
        (0..30)
            .map(|y| {
                (0..120)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Selects the version with `status` in the panel.
    fn pick(app: &mut crate::tui::reader::App, status: &str) {
        update(app, Action::NextSentence);
        if app.focus != Focus::Panel {
            update(app, Action::SwitchFocus);
        }
        for _ in 0..3 {
            let selected = app
                .selected_index()
                .map(|i| app.sidecar.claims[i].status.clone());
            if selected.as_deref() == Some(status) {
                return;
            }
            update(app, Action::NextSentence);
        }
        panic!("no {status} version in {:?}", claims(app));
    }

    #[test]
    fn both_versions_are_in_conflict_until_one_is_dropped() {
        let mut app = conflicted();
        assert!(app.in_conflict(0) && app.in_conflict(1));
        pick(&mut app, "opinion");
        assert_eq!(screen(&app).matches("⚠ conflict (x drops)").count(), 2);
        assert_eq!(update(&mut app, Action::RemoveClaim), Some(Effect::Save));
        assert_eq!(
            claims(&app),
            [("tester-1".into(), "disputed".into(), vec![], false)]
        );
        assert!(!app.in_conflict(0));
        assert!(
            app.message
                .as_deref()
                .unwrap()
                .contains("conflict resolved")
        );
    }

    #[test]
    fn keeping_their_version_drops_the_markers_and_takes_the_claims_id() {
        let mut app = conflicted();
        let copy = app
            .sidecar
            .claims
            .iter()
            .find(|c| c.status == "opinion")
            .unwrap();
        assert!(copy.labels.contains(&CONFLICT_LABEL.to_owned()));
        pick(&mut app, "disputed");
        assert_eq!(update(&mut app, Action::RemoveClaim), Some(Effect::Save));
        assert_eq!(
            claims(&app),
            [("tester-1".into(), "opinion".into(), vec![], false)],
            "no residue on the survivor"
        );
        let (written, _) = app.merge_with_disk(None);
        let text = written.to_toml().unwrap();
        assert!(!text.contains("conflict"), "{text}");
        // One edit: undo brings both versions back, markers and all.
        update(&mut app, Action::Undo);
        assert_eq!(app.sidecar.claims.len(), 2);
        assert!(app.in_conflict(0) && app.in_conflict(1));
        assert!(
            app.sidecar
                .claims
                .iter()
                .any(|c| c.extra.contains_key(CONFLICT_KEY))
        );
    }

    #[test]
    fn y_on_a_version_keeps_it_and_drops_the_other() {
        let mut app = conflicted();
        pick(&mut app, "opinion");
        assert_eq!(
            update(&mut app, Action::AcceptSuggestion),
            Some(Effect::Save)
        );
        assert_eq!(
            claims(&app),
            [("tester-1".into(), "opinion".into(), vec![], false)]
        );
        assert!(
            app.message
                .as_deref()
                .unwrap()
                .contains("kept the opinion version")
        );
        update(&mut app, Action::Undo);
        assert_eq!(app.sidecar.claims.len(), 2, "one edit");
    }

    #[test]
    fn a_copy_whose_original_was_removed_shows_and_is_resolved() {
        // The original removed outside the reader (by hand, as `check` advises): the copy
        // keeps its markers, and `check` reports it.
        let mut app = conflicted();
        let mut sidecar = app.sidecar.clone();
        sidecar.claims.retain(|c| c.status == "opinion");
        app = crate::tui::reader::App::new(
            (*app.report).clone(),
            Some(sidecar),
            app.config.clone(),
            None,
        );
        update(&mut app, Action::Resize(120, 30));
        assert!(app.in_conflict(0) && app.lone_version(0));
        assert_eq!(
            app.sentence_mark(1),
            crate::tui::reader::marks::SentenceMark::Disagreement
        );
        pick(&mut app, "opinion");
        assert!(
            screen(&app).contains("⚠ conflict (y keeps)"),
            "the panel says so: {}",
            screen(&app)
        );
        assert_eq!(
            update(&mut app, Action::AcceptSuggestion),
            Some(Effect::Save)
        );
        assert_eq!(
            claims(&app),
            [("tester-1".into(), "opinion".into(), vec![], false)],
            "kept, without the markers, under the claim's id"
        );
        assert!(!app.in_conflict(0));
        assert!(
            app.message
                .as_deref()
                .unwrap()
                .contains("conflict resolved")
        );
        // `x` instead drops it: the removal stands.
        update(&mut app, Action::Undo);
        assert!(app.lone_version(0));
        assert_eq!(update(&mut app, Action::RemoveClaim), Some(Effect::Save));
        assert!(app.sidecar.claims.is_empty());
    }
}
