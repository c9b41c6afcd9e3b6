//! The undo history's unit: one change to the claims, as the claims it replaced and the claims
//! it made, and to the no-claim marks, as the marks it removed and added.

use crate::annotate::{Claim, NoClaim};

/// One undoable change: each claim it touched, before and after (`None`: absent), and the
/// no-claim marks it removed and added. Undo and redo put back only these, so undoing never
/// removes a claim or mark another writer added meanwhile.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Edit(
    pub(super) Vec<(Option<Claim>, Option<Claim>)>,
    pub(super) MarkEdit,
);

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

impl Edit {
    pub(super) fn between(before: &[Claim], after: &[Claim]) -> Self {
        // Both lists are in document order and a change touches few claims: only the part
        // between their common start and end needs comparing by id, with thousands of claims.
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
        let by_id = |claims: &'_ [Claim]| -> std::collections::HashMap<String, Claim> {
            claims.iter().map(|c| (c.id.clone(), c.clone())).collect()
        };
        let (mut before, mut after) = (by_id(before), by_id(after));
        let mut ids: Vec<String> = before.keys().chain(after.keys()).cloned().collect();
        ids.sort_unstable();
        ids.dedup();
        Self(
            ids.iter()
                .map(|id| (before.remove(id), after.remove(id)))
                .filter(|(b, a)| b != a)
                .collect(),
            MarkEdit::default(),
        )
    }

    /// Whether the change changed nothing.
    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty() && self.1.is_empty()
    }

    /// The state each touched claim must be in for the edit to apply (backwards: as after it).
    pub(super) fn applies_to(&self, claims: &[Claim], backwards: bool) -> bool {
        self.0.iter().all(|(before, after)| {
            let expected = if backwards { after } else { before };
            let id = before.as_ref().or(after.as_ref()).map(|c| c.id.as_str());
            claims.iter().find(|c| Some(c.id.as_str()) == id) == expected.as_ref()
        })
    }

    /// Applies the edit to `claims`, backwards (undo) or forwards (redo).
    pub(super) fn apply(&self, claims: &mut Vec<Claim>, backwards: bool) {
        for (before, after) in &self.0 {
            let (from, to) = if backwards {
                (after, before)
            } else {
                (before, after)
            };
            let id = from.as_ref().or(to.as_ref()).map(|c| c.id.clone());
            claims.retain(|c| Some(&c.id) != id.as_ref());
            if let Some(claim) = to {
                claims.push(claim.clone());
            }
        }
    }
}
