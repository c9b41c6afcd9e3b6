//! Conflicts a merge left in a sidecar (two versions of one claim, see [`super::merge`]), and
//! resolving one by keeping a single version, for the reader and the commands alike.
//!
//! A merge keeps our version under the claim's id and adds theirs beside it, labelled
//! `conflict` with `conflict_of` naming ours. When one version is removed and one is left, that
//! one is the claim again: it loses the markers and takes the claim's id, so neither
//! `sidenote check` nor the next merge sees a conflict that was resolved.

use super::merge::{CONFLICT_KEY, CONFLICT_LABEL};
use super::{Claim, Sidecar, now};

/// The id of the claim whose versions `claim` is one of: its own, or the one it conflicts with.
pub fn original_id(claim: &Claim) -> &str {
    conflict_of(claim).unwrap_or(&claim.id)
}

/// The id of the claim `claim` is a conflict copy of, when it is one.
fn conflict_of(claim: &Claim) -> Option<&str> {
    claim.extra.get(CONFLICT_KEY).and_then(toml::Value::as_str)
}

/// Whether `claim` is a version of the claim `id` (the claim itself or a conflict copy of it).
fn version_of(claim: &Claim, id: &str) -> bool {
    claim.id == id || conflict_of(claim) == Some(id)
}

impl Sidecar {
    /// The indices of the versions of the claim that claim `i` is a version of (itself
    /// included); empty when there is no claim `i`.
    pub fn versions(&self, i: usize) -> Vec<usize> {
        let Some(claim) = self.claims.get(i) else {
            return Vec::new();
        };
        let id = original_id(claim);
        (0..self.claims.len())
            .filter(|&j| version_of(&self.claims[j], id))
            .collect()
    }

    /// Whether claim `i` is part of an unresolved conflict: one of two or more versions of a
    /// claim, or a conflict copy whose other version was removed outside the reader (by hand,
    /// or by an older `untag`), which `sidenote check` reports until someone keeps or drops it.
    pub fn in_conflict(&self, i: usize) -> bool {
        self.claims
            .get(i)
            .is_some_and(|c| conflict_of(c).is_some() || self.versions(i).len() > 1)
    }

    /// Keeps claim `i` as the only version of its claim: it loses the conflict's markers and
    /// takes the claim's id; other versions are removed. Returns the kept claim's index, or
    /// `None` (nothing changed) when claim `i` is in no conflict.
    pub fn keep_version(&mut self, i: usize) -> Option<usize> {
        if !self.in_conflict(i) {
            return None;
        }
        let id = original_id(&self.claims[i]).to_owned();
        let others: Vec<usize> = self.versions(i).into_iter().filter(|&j| j != i).collect();
        for &j in others.iter().rev() {
            self.claims.remove(j);
        }
        let at = i - others.iter().filter(|&&j| j < i).count();
        self.make_sole(at, id);
        Some(at)
    }

    /// After `removed` was taken out of the claims: when it was a version in a conflict and one
    /// version is left, keeps that one ([`Self::keep_version`]). Returns the survivor's index.
    pub fn settle_conflict(&mut self, removed: &Claim) -> Option<usize> {
        let id = original_id(removed);
        let was_conflict = conflict_of(removed).is_some()
            || self.claims.iter().any(|c| conflict_of(c) == Some(id));
        if !was_conflict {
            return None;
        }
        let mut versions = (0..self.claims.len()).filter(|&j| version_of(&self.claims[j], id));
        let (Some(i), None) = (versions.next(), versions.next()) else {
            return None;
        };
        let id = id.to_owned();
        self.make_sole(i, id);
        Some(i)
    }

    /// Claim `i` is the only version of the claim `id` now: without the markers, under `id`.
    fn make_sole(&mut self, i: usize, id: String) {
        let survivor = &mut self.claims[i];
        survivor.extra.remove(CONFLICT_KEY);
        survivor.labels.retain(|l| l != CONFLICT_LABEL);
        survivor.id = id;
        survivor.updated = now();
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use std::path::Path;

    use super::*;
    use crate::annotate::merge::merge;
    use crate::report::{Encoding, Report};

    /// A sidecar whose claim on "Two." came back from a merge in two versions: ours `disputed`,
    /// theirs `opinion` (the conflict copy), beside a claim on "One.".
    fn conflicted() -> Sidecar {
        let report = Report::from_text(
            Path::new("r.txt"),
            "One. Two. Three.".to_owned(),
            Encoding::Utf8,
            String::new(),
        );
        let mut base = Sidecar::new(&report);
        base.add(Claim::new(&report, 0..4, "sourced", "ana", now()));
        base.add(Claim::new(&report, 5..9, "sourced", "ana", now()));
        let (mut ours, mut theirs) = (base.claims.clone(), base.claims.clone());
        ours[1].status = "disputed".into();
        theirs[1].status = "opinion".into();
        let merged = merge(&base.claims, &ours, &theirs);
        assert_eq!(merged.conflicts, 1);
        base.claims = merged.claims;
        base
    }

    /// The claims as (status, id, whether marked a conflict), sorted by status.
    fn statuses(sidecar: &Sidecar) -> Vec<(&str, &str, bool)> {
        let mut all: Vec<(&str, &str, bool)> = sidecar
            .claims
            .iter()
            .map(|c| {
                (
                    c.status.as_str(),
                    c.id.as_str(),
                    c.extra.contains_key(CONFLICT_KEY) || c.labels.iter().any(|l| l == "conflict"),
                )
            })
            .collect();
        all.sort_unstable();
        all
    }

    fn index_of(sidecar: &Sidecar, status: &str) -> usize {
        sidecar
            .claims
            .iter()
            .position(|c| c.status == status)
            .unwrap()
    }

    /// The id of the claim whose versions are in conflict, and of the claim on "One.".
    fn ids(sidecar: &Sidecar) -> (String, String) {
        let id = |status| sidecar.claims[index_of(sidecar, status)].id.clone();
        (id("disputed"), id("sourced"))
    }

    #[test]
    fn keeping_a_version_drops_the_others_and_the_markers() {
        for keep in ["disputed", "opinion"] {
            let mut sidecar = conflicted();
            let (id, first) = ids(&sidecar);
            let i = index_of(&sidecar, keep);
            assert!(sidecar.in_conflict(i));
            assert!(!sidecar.in_conflict(index_of(&sidecar, "sourced")));
            let at = sidecar.keep_version(i).unwrap();
            assert_eq!(sidecar.claims[at].status, keep);
            let mut expected = vec![
                ("sourced", first.as_str(), false),
                (keep, id.as_str(), false),
            ];
            expected.sort_unstable();
            assert_eq!(statuses(&sidecar), expected);
            assert_eq!(sidecar.keep_version(at), None, "no conflict left");
        }
    }

    #[test]
    fn a_copy_whose_other_version_is_gone_is_still_a_conflict() {
        let mut sidecar = conflicted();
        let (id, _) = ids(&sidecar);
        sidecar.claims.remove(index_of(&sidecar, "disputed"));
        let copy = index_of(&sidecar, "opinion");
        assert_eq!(sidecar.versions(copy), [copy]);
        assert!(
            sidecar.in_conflict(copy),
            "check reports it: so does the reader"
        );
        let at = sidecar.keep_version(copy).unwrap();
        let kept = &sidecar.claims[at];
        assert_eq!(
            (kept.status.as_str(), kept.id.as_str()),
            ("opinion", id.as_str())
        );
        assert!(!sidecar.in_conflict(at));
    }

    #[test]
    fn removing_one_of_two_versions_settles_the_other() {
        for (drop, keep) in [("disputed", "opinion"), ("opinion", "disputed")] {
            let mut sidecar = conflicted();
            let (id, _) = ids(&sidecar);
            let removed = sidecar.claims.remove(index_of(&sidecar, drop));
            let at = sidecar.settle_conflict(&removed).unwrap();
            let kept = &sidecar.claims[at];
            assert_eq!(
                (kept.status.as_str(), kept.id.as_str()),
                (keep, id.as_str())
            );
            assert!(statuses(&sidecar).iter().all(|c| !c.2), "no markers left");
            // A claim in no conflict settles nothing.
            let removed = sidecar.claims.remove(index_of(&sidecar, "sourced"));
            assert_eq!(sidecar.settle_conflict(&removed), None);
        }
    }
}
