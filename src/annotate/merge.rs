//! Three-way merge of claim lists, keyed by claim `id`, so that two writers of one sidecar (two
//! reader windows, a script, a `git pull`) never overwrite each other's work.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::Claim;

/// The extra key a conflicting copy carries: the id of the claim it conflicts with.
pub const CONFLICT_KEY: &str = "conflict_of";
/// The label a conflicting copy carries, so it can be found and filtered.
pub const CONFLICT_LABEL: &str = "conflict";

/// The result of a merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The merged claims (unsorted).
    pub claims: Vec<Claim>,
    /// Claims changed on both sides in different ways; both versions were kept.
    pub conflicts: usize,
    /// Claims that came from the other side (added or changed there).
    pub taken: usize,
}

/// Merges `ours` and `theirs`, two descendants of `base`.
///
/// For each id: a change on one side only wins; the same change on both sides is taken once; a
/// claim deleted on one side and untouched on the other is deleted; a claim deleted on one side
/// and changed on the other is kept (a deletion never silently destroys someone's edit). When both
/// sides changed a claim differently, ours is kept and theirs is added beside it under a new id
/// (`<id>-1`, or the next number free), labelled `conflict` and pointing at ours with
/// `conflict_of`, so the user sees both. Two edits that differ only in their `updated` time are the
/// same change. Ids are unique in each input (the sidecar format guarantees it) and in the result.
pub fn merge(base: &[Claim], ours: &[Claim], theirs: &[Claim]) -> Merged {
    let by_id = |claims: &[Claim]| -> HashMap<String, Claim> {
        claims.iter().map(|c| (c.id.clone(), c.clone())).collect()
    };
    let (base_map, mut ours_map, mut theirs_map) = (by_id(base), by_id(ours), by_id(theirs));
    let ids: BTreeSet<String> = ours_map.keys().chain(theirs_map.keys()).cloned().collect();
    let mut used: HashSet<String> = ids.iter().chain(base_map.keys()).cloned().collect();
    let mut merged = Merged {
        claims: Vec::with_capacity(ids.len()),
        conflicts: 0,
        taken: 0,
    };
    for id in ids {
        let before = base_map.get(&id);
        match (ours_map.remove(&id), theirs_map.remove(&id)) {
            (Some(ours), Some(theirs)) => {
                if same_change(&ours, &theirs) {
                    merged.claims.push(if theirs.updated > ours.updated {
                        theirs
                    } else {
                        ours
                    });
                } else if before == Some(&theirs) {
                    merged.claims.push(ours);
                } else if before == Some(&ours) {
                    merged.taken += 1;
                    merged.claims.push(theirs);
                } else {
                    merged.conflicts += 1;
                    merged.claims.push(conflict_copy(theirs, &ours, &mut used));
                    merged.claims.push(ours);
                }
            }
            (Some(ours), None) => {
                // Deleted there: stays deleted unless we changed it since.
                if before != Some(&ours) {
                    merged.claims.push(ours);
                }
            }
            (None, Some(theirs)) => {
                // Deleted here: stays deleted unless they changed it since.
                if before != Some(&theirs) {
                    merged.taken += 1;
                    merged.claims.push(theirs);
                }
            }
            (None, None) => {}
        }
    }
    merged
}

/// Whether two versions of a claim say the same thing (their `updated` times aside).
fn same_change(a: &Claim, b: &Claim) -> bool {
    let mut a = a.clone();
    a.updated = b.updated;
    a == *b
}

/// Their version of a claim both sides changed, under an id no other claim uses.
fn conflict_copy(mut theirs: Claim, ours: &Claim, used: &mut HashSet<String>) -> Claim {
    // One of the first `used.len() + 1` numbers is free, whatever the ids in use.
    let id = (1..=used.len() + 1)
        .map(|n| format!("{}-{n}", ours.id))
        .find(|candidate| !used.contains(candidate))
        .unwrap_or_default();
    used.insert(id.clone());
    theirs.id = id;
    theirs.extra.insert(
        CONFLICT_KEY.to_owned(),
        toml::Value::String(ours.id.clone()),
    );
    if !theirs.labels.iter().any(|l| l == CONFLICT_LABEL) {
        theirs.labels.push(CONFLICT_LABEL.to_owned());
    }
    theirs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::now;
    use crate::report::{Encoding, Report};
    use std::path::Path;

    fn claims(statuses: &[(&str, &str)]) -> Vec<Claim> {
        let report = Report::from_text(
            Path::new("r.txt"),
            "One. Two. Three.".to_owned(),
            Encoding::Utf8,
            String::new(),
        );
        let when = now();
        statuses
            .iter()
            .map(|(id, status)| {
                let mut claim = Claim::new(&report, 0..4, status, "ana", when);
                claim.id = (*id).to_owned();
                claim
            })
            .collect()
    }

    fn summary(merged: &Merged) -> Vec<(String, String)> {
        let mut out: Vec<_> = merged
            .claims
            .iter()
            .map(|c| (c.id.clone(), c.status.clone()))
            .collect();
        out.sort();
        out
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    #[test]
    fn additions_on_both_sides_are_kept() {
        let base = claims(&[("a", "sourced")]);
        let ours = claims(&[("a", "sourced"), ("b", "unsourced")]);
        let theirs = claims(&[("a", "sourced"), ("c", "opinion")]);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(
            summary(&merged),
            pairs(&[("a", "sourced"), ("b", "unsourced"), ("c", "opinion")])
        );
        assert_eq!((merged.taken, merged.conflicts), (1, 0));
    }

    #[test]
    fn a_change_on_one_side_wins() {
        let base = claims(&[("a", "sourced"), ("b", "sourced")]);
        let ours = claims(&[("a", "disputed"), ("b", "sourced")]);
        let theirs = claims(&[("a", "sourced"), ("b", "opinion")]);
        assert_eq!(
            summary(&merge(&base, &ours, &theirs)),
            pairs(&[("a", "disputed"), ("b", "opinion")])
        );
    }

    #[test]
    fn deletions_apply_unless_the_other_side_changed_the_claim() {
        let base = claims(&[("a", "sourced"), ("b", "sourced"), ("c", "sourced")]);
        let ours = claims(&[("b", "sourced"), ("c", "disputed")]);
        let theirs = claims(&[("a", "sourced"), ("b", "sourced")]);
        assert_eq!(
            summary(&merge(&base, &ours, &theirs)),
            pairs(&[("b", "sourced"), ("c", "disputed")])
        );
    }

    #[test]
    fn a_true_conflict_keeps_both_versions() {
        let base = claims(&[("a", "sourced")]);
        let ours = claims(&[("a", "disputed")]);
        let theirs = claims(&[("a", "opinion")]);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(
            summary(&merged),
            pairs(&[("a", "disputed"), ("a-1", "opinion")])
        );
        assert_eq!(merged.conflicts, 1);
        let copy = merged.claims.iter().find(|c| c.id == "a-1").expect("copy");
        assert_eq!(
            copy.extra.get(CONFLICT_KEY).and_then(toml::Value::as_str),
            Some("a")
        );
        assert!(copy.labels.contains(&CONFLICT_LABEL.to_owned()));
    }

    #[test]
    fn a_second_conflict_on_one_claim_gets_a_new_id() {
        let base = claims(&[("a", "sourced"), ("a-1", "opinion")]);
        let ours = claims(&[("a", "disputed"), ("a-1", "opinion")]);
        let theirs = claims(&[("a", "unsourced"), ("a-1", "opinion")]);
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(
            summary(&merged),
            pairs(&[("a", "disputed"), ("a-1", "opinion"), ("a-2", "unsourced")])
        );
    }

    #[test]
    fn the_same_retag_at_different_times_is_one_change() {
        let base = claims(&[("a", "sourced")]);
        let ours = claims(&[("a", "opinion")]);
        let mut theirs = ours.clone();
        theirs[0].updated = "2030-01-01T00:00:00Z".parse().expect("date");
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.conflicts, 0);
        assert_eq!(merged.claims, theirs, "the later stamp is kept");
    }

    #[test]
    fn the_same_change_on_both_sides_is_taken_once() {
        let base = claims(&[("a", "sourced")]);
        let both = claims(&[("a", "opinion")]);
        let merged = merge(&base, &both, &both);
        assert_eq!(summary(&merged), pairs(&[("a", "opinion")]));
        assert_eq!(merged.conflicts, 0);
    }
}
