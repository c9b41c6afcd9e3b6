//! Three-way merge of claim lists, keyed by claim `id`, so that two writers of one sidecar (two
//! reader windows, a script, a `git pull`) never overwrite each other's work.

use std::collections::{BTreeSet, HashMap, HashSet};

use super::{Claim, QUOTE_WAS};

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
/// and changed on the other is kept (a deletion never silently destroys someone's edit). A
/// claim's place in the report (its offsets, quote and context, which a save after the report
/// was edited moves) and what it says (everything else) are merged apart: one side moving a
/// claim and the other changing its note is no conflict, the result has both. When both sides
/// changed the same part differently, ours is kept and theirs is added beside it under a new id
/// (`<id>-1`, or the next number free), labelled `conflict` and pointing at ours with
/// `conflict_of`, so the user sees both. Two edits that differ only in their `updated` time are
/// the same change. Ids are unique in each input (the sidecar format guarantees it) and in the
/// result.
///
/// The result holds one claim per author per span ([`one_per_author_and_span`]): two windows of
/// one author tagging the same sentence under different ids leave one claim, not two.
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
                } else if let Some(both) = before.and_then(|b| merge_parts(b, &ours, &theirs)) {
                    if !same_change(&both, &ours) {
                        merged.taken += 1;
                    }
                    merged.claims.push(both);
                } else {
                    merged.conflicts += 1;
                    merged.claims.push(conflict_copy(theirs, &ours, &mut used));
                    merged.claims.push(ours);
                }
            }
            (Some(ours), None) => {
                // Deleted there: stays deleted unless we changed what it says since.
                if !before.is_some_and(|b| same_content(b, &ours)) {
                    merged.claims.push(ours);
                }
            }
            (None, Some(theirs)) => {
                // Deleted here: stays deleted unless they changed what it says since.
                if !before.is_some_and(|b| same_content(b, &theirs)) {
                    merged.taken += 1;
                    merged.claims.push(theirs);
                }
            }
            (None, None) => {}
        }
    }
    let ours_ids: HashSet<&str> = ours.iter().map(|c| c.id.as_str()).collect();
    merged.conflicts += one_per_author_and_span(&mut merged.claims, &ours_ids, &mut used);
    merged
}

/// Whether a sidecar that held claims (`base`, as last read or written) is gone from disk
/// (`disk`), removed by someone else: a reader then keeps its claims and writes them again,
/// rather than taking the removal in as the deletion of every claim.
pub fn deleted_elsewhere(base: &[Claim], disk: Option<&super::Sidecar>) -> bool {
    disk.is_none() && !base.is_empty()
}

/// Whether two versions of a claim say the same thing (their `updated` times aside).
fn same_change(a: &Claim, b: &Claim) -> bool {
    let mut a = a.clone();
    a.updated = b.updated;
    a == *b
}

/// A claim's place in the report: what re-anchoring changes.
fn place(claim: &Claim) -> (usize, usize, &str, &str, &str, Option<&toml::Value>) {
    (
        claim.start,
        claim.end,
        &claim.quote,
        &claim.prefix,
        &claim.suffix,
        claim.extra.get(QUOTE_WAS),
    )
}

/// `claim` with the place of `from`.
fn moved_to(mut claim: Claim, from: &Claim) -> Claim {
    claim.start = from.start;
    claim.end = from.end;
    claim.quote.clone_from(&from.quote);
    claim.prefix.clone_from(&from.prefix);
    claim.suffix.clone_from(&from.suffix);
    match from.extra.get(QUOTE_WAS) {
        Some(was) => claim.extra.insert(QUOTE_WAS.to_owned(), was.clone()),
        None => claim.extra.remove(QUOTE_WAS),
    };
    claim
}

/// Whether two versions of a claim say the same thing wherever they are (their place and
/// `updated` time aside).
fn same_content(a: &Claim, b: &Claim) -> bool {
    same_change(&moved_to(a.clone(), b), b)
}

/// Ours and theirs merged part by part (place; what the claim says) against `base`, or `None`
/// when one part was changed differently on both sides.
fn merge_parts(base: &Claim, ours: &Claim, theirs: &Claim) -> Option<Claim> {
    let content = if same_content(ours, theirs) || same_content(base, theirs) {
        ours
    } else if same_content(base, ours) {
        theirs
    } else {
        return None;
    };
    let at = if place(ours) == place(theirs) || place(base) == place(theirs) {
        ours
    } else if place(base) == place(ours) {
        theirs
    } else {
        return None;
    };
    let mut both = moved_to(content.clone(), at);
    both.updated = ours.updated.max(theirs.updated);
    Some(both)
}

/// Keeps one claim per author per span among `claims` (conflict copies aside, which are meant
/// to stand beside their claim). Of a group, the claim we had (an id in `ours`), else the latest,
/// is kept; a duplicate that says the same is dropped, and one that says something else becomes
/// its conflict copy, so nothing anyone wrote is lost. Returns how many conflict copies were made.
fn one_per_author_and_span(
    claims: &mut Vec<Claim>,
    ours: &HashSet<&str>,
    used: &mut HashSet<String>,
) -> usize {
    let mut groups: HashMap<(String, usize, usize), Vec<usize>> = HashMap::new();
    for (i, claim) in claims.iter().enumerate() {
        if !claim.extra.contains_key(CONFLICT_KEY) {
            let key = (claim.author.clone(), claim.start, claim.end);
            groups.entry(key).or_default().push(i);
        }
    }
    let mut drop = HashSet::new();
    let mut copies = Vec::new();
    for mut group in groups.into_values().filter(|g| g.len() > 1) {
        group.sort_by(|&a, &b| {
            let (a, b) = (&claims[a], &claims[b]);
            let key = |c: &Claim| (!ours.contains(c.id.as_str()), std::cmp::Reverse(c.updated));
            key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
        });
        let kept = &claims[group[0]];
        for &other in &group[1..] {
            drop.insert(other);
            let mut twin = claims[other].clone();
            twin.id.clone_from(&kept.id);
            twin.created = kept.created;
            if !same_change(&twin, kept) {
                copies.push(conflict_copy(claims[other].clone(), kept, used));
            }
        }
    }
    let made = copies.len();
    let mut i = 0;
    claims.retain(|_| {
        i += 1;
        !drop.contains(&(i - 1))
    });
    claims.extend(copies);
    made
}

/// The claims of `claims` that share an author and a span with an earlier one (conflict copies
/// aside): each duplicate's index with the index of the first claim of its group.
pub fn duplicates(claims: &[Claim]) -> Vec<(usize, usize)> {
    let mut first: HashMap<(&str, usize, usize), usize> = HashMap::new();
    let mut found = Vec::new();
    for (i, claim) in claims.iter().enumerate() {
        if claim.extra.contains_key(CONFLICT_KEY) {
            continue;
        }
        match first.entry((claim.author.as_str(), claim.start, claim.end)) {
            std::collections::hash_map::Entry::Occupied(e) => found.push((i, *e.get())),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i);
            }
        }
    }
    found
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
        // Each claim of a list on its own sentence: one author's claims on one span are
        // duplicates, which a merge folds into one.
        let spans = [0..4, 5..9, 10..16];
        statuses
            .iter()
            .enumerate()
            .map(|(i, (id, status))| {
                let span = spans[i % spans.len()].clone();
                let mut claim = Claim::new(&report, span, status, "ana", when);
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
        let mut theirs = claims(&[("a", "sourced"), ("c", "opinion")]);
        // Another author on the same sentence (one author's two claims there would be folded).
        theirs[1].author = "ben".to_owned();
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
    fn a_move_on_one_side_and_a_note_on_the_other_merge_without_a_conflict() {
        // Issue 15 item 11: one branch edited the report (its next save moved every offset),
        // the other changed a note.
        let base = claims(&[("a", "sourced")]);
        let mut ours = base.clone();
        ours[0].start += 7;
        ours[0].end += 7;
        ours[0].prefix = "New lead. ".to_owned();
        let mut theirs = base.clone();
        theirs[0].note = Some("ask the ministry".to_owned());
        theirs[0].updated = "2030-01-01T00:00:00Z".parse().expect("date");
        for (ours, theirs) in [(&ours, &theirs), (&theirs, &ours)] {
            let merged = merge(&base, ours, theirs);
            assert_eq!(merged.conflicts, 0, "{merged:?}");
            assert_eq!(merged.claims.len(), 1);
            let claim = &merged.claims[0];
            assert_eq!((claim.start, claim.end), (7, 11));
            assert_eq!(claim.prefix, "New lead. ");
            assert_eq!(claim.note.as_deref(), Some("ask the ministry"));
            assert_eq!(claim.updated, theirs[0].updated.max(ours[0].updated));
        }
        // Moved differently on both sides is still a conflict, as is a note changed on both.
        let mut elsewhere = base.clone();
        elsewhere[0].start += 3;
        elsewhere[0].end += 3;
        assert_eq!(merge(&base, &ours, &elsewhere).conflicts, 1);
        let mut other_note = base.clone();
        other_note[0].note = Some("no".to_owned());
        assert_eq!(merge(&base, &theirs, &other_note).conflicts, 1);
        // A claim only moved on one side and deleted on the other stays deleted.
        assert!(merge(&base, &ours, &[]).claims.is_empty());
    }

    #[test]
    fn one_claim_per_author_per_span_survives_a_merge() {
        // Issue 15 item 10: two windows of one author tagged the same sentence under two ids.
        let ours = claims(&[("a", "sourced")]);
        let mut theirs = claims(&[("b", "sourced")]);
        theirs[0].created = "2030-01-01T00:00:00Z".parse().expect("date");
        let merged = merge(&[], &ours, &theirs);
        assert_eq!(summary(&merged), pairs(&[("a", "sourced")]), "ours is kept");
        assert_eq!(merged.conflicts, 0);
        // Saying different things, the other becomes a marked conflict copy: nothing is lost.
        let theirs = claims(&[("b", "opinion")]);
        let merged = merge(&[], &ours, &theirs);
        assert_eq!(
            summary(&merged),
            pairs(&[("a", "sourced"), ("a-1", "opinion")])
        );
        assert_eq!(merged.conflicts, 1);
        assert!(duplicates(&merged.claims).is_empty());
        // Another author's claim on the same span is no duplicate.
        let mut ben = claims(&[("c", "opinion")]);
        ben[0].author = "ben".to_owned();
        let merged = merge(&[], &ours, &ben);
        assert_eq!(merged.claims.len(), 2);
        assert_eq!(duplicates(&[ours[0].clone(), theirs[0].clone()]), [(1, 0)]);
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
