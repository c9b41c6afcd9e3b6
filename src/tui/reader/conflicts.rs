//! Conflicts a merge left (two versions of one claim, see [`crate::annotate::merge`]): which
//! claims are in one, and resolving it by keeping one version.
//!
//! A merge keeps our version under the claim's id and adds theirs beside it, labelled
//! `conflict` with `conflict_of` naming ours. The panel marks both `⚠ conflict`; removing one
//! version (`x`) keeps the other, which then loses the markers and takes the claim's id back,
//! so neither `sidenote check` nor the next merge sees a conflict that was resolved. One edit:
//! `z` brings both versions back.

use super::App;
use crate::annotate::merge::{CONFLICT_KEY, CONFLICT_LABEL};
use crate::annotate::{Claim, now};

/// The id of the claim whose versions `claim` is one of: its own, or the one it conflicts with.
fn original_id(claim: &Claim) -> &str {
    claim
        .extra
        .get(CONFLICT_KEY)
        .and_then(toml::Value::as_str)
        .unwrap_or(&claim.id)
}

/// Whether `claim` is a version of the claim `id` (the claim itself or a conflict copy of it).
fn version_of(claim: &Claim, id: &str) -> bool {
    claim.id == id || claim.extra.get(CONFLICT_KEY).and_then(toml::Value::as_str) == Some(id)
}

impl App {
    /// Whether claim `i` is one of two or more versions of a claim a merge could not reconcile.
    pub fn in_conflict(&self, i: usize) -> bool {
        let Some(claim) = self.sidecar.claims.get(i) else {
            return false;
        };
        let id = original_id(claim);
        self.sidecar
            .claims
            .iter()
            .filter(|c| version_of(c, id))
            .nth(1)
            .is_some()
    }

    /// After `removed` was taken out of the claims: when it was a version in a conflict and one
    /// version is left, that one is the claim now, without the conflict's markers and under the
    /// claim's id. Returns the survivor's index.
    pub(super) fn settle_conflict(&mut self, removed: &Claim) -> Option<usize> {
        let id = original_id(removed).to_owned();
        let was_conflict = removed.extra.contains_key(CONFLICT_KEY)
            || self
                .sidecar
                .claims
                .iter()
                .any(|c| c.extra.get(CONFLICT_KEY).and_then(toml::Value::as_str) == Some(&id));
        if !was_conflict {
            return None;
        }
        let mut versions =
            (0..self.sidecar.claims.len()).filter(|&j| version_of(&self.sidecar.claims[j], &id));
        let (Some(i), None) = (versions.next(), versions.next()) else {
            return None;
        };
        let survivor = &mut self.sidecar.claims[i];
        survivor.extra.remove(CONFLICT_KEY);
        survivor.labels.retain(|l| l != CONFLICT_LABEL);
        survivor.id = id;
        survivor.updated = now();
        self.selected = Some(survivor.id.clone());
        Some(i)
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
}
