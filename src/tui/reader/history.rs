//! The undo history's unit: one change to the claims and the dismissed suggestions, as the items
//! it replaced and the items it made, and to the no-claim marks, as the marks it removed and
//! added.

use std::collections::HashMap;

use crate::annotate::{Claim, Dismissed, NoClaim};

/// Something the undo history tracks, known by a key that stays the same while it changes.
pub(super) trait Keyed: Clone + PartialEq {
    /// What the item is known by: a claim's id, a dismissed suggestion's sentence.
    fn key(&self) -> &str;
}

impl Keyed for Claim {
    fn key(&self) -> &str {
        &self.id
    }
}

impl Keyed for Dismissed {
    fn key(&self) -> &str {
        &self.quote
    }
}

/// Each item a change touched, before and after (`None`: absent). Undo and redo put back only
/// these items, so undoing never removes one another writer added meanwhile.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Changes<T>(pub(super) Vec<(Option<T>, Option<T>)>);

impl<T: Keyed> Changes<T> {
    pub(super) fn between(before: &[T], after: &[T]) -> Self {
        // Both lists are in document order and a change touches few items: only the part
        // between their common start and end needs comparing by key, with thousands of claims.
        let same_start = before.iter().zip(after).take_while(|(b, a)| b == a).count();
        let (before, after) = (&before[same_start..], &after[same_start..]);
        let same_end = before
            .iter()
            .rev()
            .zip(after.iter().rev())
            .take_while(|(b, a)| b == a)
            .count();
        let (before, after) = (
            &before[..before.len() - same_end],
            &after[..after.len() - same_end],
        );
        let by_key = |items: &'_ [T]| -> HashMap<String, T> {
            items
                .iter()
                .map(|c| (c.key().to_owned(), c.clone()))
                .collect()
        };
        let (mut before, mut after) = (by_key(before), by_key(after));
        let mut keys: Vec<String> = before.keys().chain(after.keys()).cloned().collect();
        keys.sort_unstable();
        keys.dedup();
        Self(
            keys.iter()
                .map(|key| (before.remove(key), after.remove(key)))
                .filter(|(b, a)| b != a)
                .collect(),
        )
    }

    /// The state each touched item must be in for the change to apply (backwards: as after it).
    fn applies_to(&self, items: &[T], backwards: bool) -> bool {
        self.0.iter().all(|(before, after)| {
            let expected = if backwards { after } else { before };
            let key = before.as_ref().or(after.as_ref()).map(Keyed::key);
            items.iter().find(|c| Some(c.key()) == key) == expected.as_ref()
        })
    }

    /// Applies the change to `items`, backwards (undo) or forwards (redo).
    fn apply(&self, items: &mut Vec<T>, backwards: bool) {
        for (before, after) in &self.0 {
            let (from, to) = if backwards {
                (after, before)
            } else {
                (before, after)
            };
            let key = from.as_ref().or(to.as_ref()).map(|c| c.key().to_owned());
            items.retain(|c| Some(c.key()) != key.as_deref());
            if let Some(item) = to {
                items.push(item.clone());
            }
        }
    }
}

/// The no-claim marks one change removed and added.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct MarkEdit {
    removed: Vec<NoClaim>,
    added: Vec<NoClaim>,
}

impl MarkEdit {
    /// The marks of `before` that `after` lacks, and those `after` has that `before` lacked.
    pub(super) fn between(before: &[NoClaim], after: &[NoClaim]) -> Self {
        // A change touches few marks and keeps the others in their order: only the part between
        // the common start and end needs comparing, so a report with thousands of marks does not
        // cost a second a key.
        let same_start = before.iter().zip(after).take_while(|(b, a)| b == a).count();
        let (before, after) = (&before[same_start..], &after[same_start..]);
        let same_end = before
            .iter()
            .rev()
            .zip(after.iter().rev())
            .take_while(|(b, a)| b == a)
            .count();
        let (before, after) = (
            &before[..before.len() - same_end],
            &after[..after.len() - same_end],
        );
        Self {
            removed: before
                .iter()
                .filter(|m| !after.contains(m))
                .cloned()
                .collect(),
            added: after
                .iter()
                .filter(|m| !before.contains(m))
                .cloned()
                .collect(),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.removed.is_empty() && self.added.is_empty()
    }

    /// How many marks it removed and added.
    pub(super) fn len(&self) -> usize {
        self.removed.len() + self.added.len()
    }

    /// Applies the change to `marks`, backwards (undo) or forwards (redo). A mark says nothing
    /// but "read": putting one back that is there already, or taking away one already gone,
    /// changes nothing.
    pub(super) fn apply(&self, marks: &mut Vec<NoClaim>, backwards: bool) {
        let (gone, back) = if backwards {
            (&self.added, &self.removed)
        } else {
            (&self.removed, &self.added)
        };
        marks.retain(|m| !gone.contains(m));
        for mark in back {
            if !marks.contains(mark) {
                marks.push(mark.clone());
            }
        }
    }
}

/// One undoable change: to the claims, to the dismissed suggestions, to the no-claim marks, or
/// to several.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Edit {
    /// The claims it touched.
    pub(super) claims: Changes<Claim>,
    /// The dismissals it made or took back.
    pub(super) dismissed: Changes<Dismissed>,
    /// The no-claim marks it removed and added (set by the caller, see [`MarkEdit::between`]).
    pub(super) marks: MarkEdit,
}

impl Edit {
    /// The change from `before` to `after`, each the claims and the dismissals.
    pub(super) fn between(
        before: (&[Claim], &[Dismissed]),
        after: (&[Claim], &[Dismissed]),
    ) -> Self {
        Self {
            claims: Changes::between(before.0, after.0),
            dismissed: Changes::between(before.1, after.1),
            marks: MarkEdit::default(),
        }
    }

    /// Whether the change changed nothing.
    pub(super) fn is_empty(&self) -> bool {
        self.claims.0.is_empty() && self.dismissed.0.is_empty() && self.marks.is_empty()
    }

    /// Whether every item the edit touched is as it left it (backwards) or found it (forwards).
    pub(super) fn applies_to(
        &self,
        claims: &[Claim],
        dismissed: &[Dismissed],
        backwards: bool,
    ) -> bool {
        self.claims.applies_to(claims, backwards) && self.dismissed.applies_to(dismissed, backwards)
    }

    /// Applies the edit, backwards (undo) or forwards (redo); the dismissals stay in document order.
    pub(super) fn apply(
        &self,
        claims: &mut Vec<Claim>,
        dismissed: &mut Vec<Dismissed>,
        marks: &mut Vec<NoClaim>,
        backwards: bool,
    ) {
        self.claims.apply(claims, backwards);
        self.dismissed.apply(dismissed, backwards);
        dismissed.sort_by_key(|d| (d.start, d.end));
        self.marks.apply(marks, backwards);
    }

    /// Whether the edit dismissed or brought back a suggestion, and touched no claim or mark.
    pub(super) fn only_dismissals(&self) -> bool {
        self.claims.0.is_empty() && self.marks.is_empty() && !self.dismissed.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::annotate::{Sidecar, now};
    use crate::report::{Encoding, Report};

    /// One edit that makes a claim, removes a mark and a dismissal and adds another of each
    /// (no key does all of that at once; a merge of the three kinds of change must still hold).
    #[test]
    fn one_edit_of_claims_marks_and_dismissals_undoes_and_redoes_whole() {
        let report = Report::from_text(
            Path::new("r.txt"),
            "One here. Two here. Three here.".to_owned(),
            Encoding::Utf8,
            "h".into(),
        );
        let span = |n: usize| report.sentences[n].clone();
        let mut before = Sidecar::new(&report);
        before
            .no_claim
            .push(NoClaim::new(&report, span(0), "ana", now()));
        before.dismiss(&report, &span(0));
        let mut after = before.clone();
        after.add(Claim::new(&report, span(0), "sourced", "ana", now()));
        after.no_claim = vec![NoClaim::new(&report, span(2), "ana", now())];
        after.dismissed.clear();
        after.dismiss(&report, &span(1));
        let mut edit = Edit::between(
            (&before.claims, &before.dismissed),
            (&after.claims, &after.dismissed),
        );
        edit.marks = MarkEdit::between(&before.no_claim, &after.no_claim);
        assert!(!edit.is_empty() && !edit.only_dismissals());
        let mut now = after.clone();
        assert!(edit.applies_to(&now.claims, &now.dismissed, true));
        edit.apply(&mut now.claims, &mut now.dismissed, &mut now.no_claim, true);
        assert_eq!(
            (&now.claims, &now.dismissed, &now.no_claim),
            (&before.claims, &before.dismissed, &before.no_claim)
        );
        assert!(edit.applies_to(&now.claims, &now.dismissed, false));
        assert!(
            !edit.applies_to(&now.claims, &now.dismissed, true),
            "undone once, not twice"
        );
        edit.apply(
            &mut now.claims,
            &mut now.dismissed,
            &mut now.no_claim,
            false,
        );
        assert_eq!(
            (&now.claims, &now.dismissed, &now.no_claim),
            (&after.claims, &after.dismissed, &after.no_claim)
        );
    }
}
