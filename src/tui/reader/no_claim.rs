//! "Read, no claim" in the reader: the key that marks the sentence under the cursor (or the
//! selection) as read with nothing to tag, and which sentences are reviewed (a claim or a mark
//! by anyone touches them) for `]`/`[`, the gutter and the status bar.
//!
//! The rules: a mark is the author's own; `-` on a sentence the author marked removes the mark
//! (as does `x` where the author has no claim, and undo); a mark and the same author's claim
//! never stand on one sentence: whichever is made last replaces the other, in one undoable edit.

use std::ops::Range;

use super::history::Edit;
use super::{App, Effect};
use crate::annotate::no_claim::touched;
use crate::annotate::{NoClaim, now};
use crate::config::keys::Action;

/// The reader's no-claim marks beyond those in its sidecar: the merge's base, the undo record
/// being made, and which sentences are reviewed.
#[derive(Debug, Clone, Default)]
pub struct Marks {
    /// The marks as last read from or written to disk: the common ancestor of a merge.
    pub(super) base: Vec<NoClaim>,
    /// The marks before the change being made, until `claims_changed` records the edit.
    pub(super) before: Option<Vec<NoClaim>>,
    /// Whether each sentence is reviewed: touched by a claim or a mark found in the text.
    reviewed: Vec<bool>,
    /// Whether each sentence is touched by a mark of the user's own found in the text.
    own: Vec<bool>,
    /// How many sentences are reviewed.
    count: usize,
}

impl App {
    /// Whether sentence `n` carries a claim or a no-claim mark (by anyone).
    pub fn is_reviewed(&self, n: usize) -> bool {
        self.marks.reviewed.get(n).copied().unwrap_or(false)
    }

    /// Whether the user marked sentence `n` read, no claim (a mark of theirs touches it): its
    /// suggestion is then no longer pending, as `suggest --apply` leaves it alone.
    pub fn marked_by_me(&self, n: usize) -> bool {
        self.marks.own.get(n).copied().unwrap_or(false)
    }

    /// How many sentences are reviewed, and of how many.
    pub fn reviewed_count(&self) -> (usize, usize) {
        (self.marks.count, self.report.sentences.len())
    }

    /// Works out again which sentences are reviewed, after the claims or marks changed.
    pub(super) fn refresh_reviewed(&mut self) {
        let claims = self.spans.iter().flatten().cloned();
        let found: Vec<(bool, Range<usize>)> = self
            .sidecar
            .no_claim
            .iter()
            .filter_map(|m| Some((m.author == self.config.author, m.span(&self.report)?)))
            .collect();
        let own = found
            .iter()
            .filter(|(mine, _)| *mine)
            .map(|(_, s)| s.clone());
        self.marks.own = touched(&self.report, own);
        let marks = found.into_iter().map(|(_, s)| s);
        self.marks.reviewed = touched(&self.report, claims.chain(marks));
        self.marks.count = self.marks.reviewed.iter().filter(|r| **r).count();
    }

    /// The byte range `-`, a tag or `x` acts on: the selection, else the cursor sentence.
    fn target(&self) -> Range<usize> {
        self.selection
            .map_or_else(|| self.sentence(self.cursor), |s| s.start..s.end)
    }

    /// `-`: marks the cursor sentence (or the selection) read, no claim; on a sentence the
    /// author marked already (and no selection), takes the mark off that sentence (a mark over
    /// a selection keeps the sentences around it). The author's own claims on the marked text
    /// are replaced by the mark (undo brings them back).
    pub(super) fn mark_no_claim(&mut self) -> Option<Effect> {
        if self.refuse_if_read_only() || self.report.sentences.is_empty() {
            return None;
        }
        let author = self.config.author.clone();
        let span = self.target();
        if self.selection.is_none() && self.marked_by_me(self.cursor) {
            self.record_undo();
            self.sidecar.unmark(&self.report, &span, &author);
            self.message = Some(self.undo_hint("unmarked: not reviewed"));
            return Some(self.claims_changed());
        }
        self.record_undo();
        let own: Vec<usize> = self
            .claims_overlapping(&span)
            .filter(|&i| {
                let claim = &self.sidecar.claims[i];
                claim.author == author && !claim.is_agreed()
            })
            .collect();
        for &i in own.iter().rev() {
            self.sidecar.claims.remove(i);
        }
        self.sidecar.unmark(&self.report, &span, &author);
        self.sidecar
            .no_claim
            .push(NoClaim::new(&self.report, span, &author, now()));
        self.selection = None;
        self.selected = None;
        self.message = Some(match own.len() {
            0 => "marked read, no claim".to_owned(),
            n => self.undo_hint(&format!(
                "marked read, no claim: your {n} claim(s) there removed"
            )),
        });
        Some(self.claims_changed())
    }

    /// `x` where the author has no claim: takes their no-claim mark off the cursor sentence.
    /// `None` when there is none.
    pub(super) fn remove_mark(&mut self) -> Option<Effect> {
        if !self.marked_by_me(self.cursor) {
            return None;
        }
        let author = self.config.author.clone();
        let span = self.sentence(self.cursor);
        self.record_undo();
        self.sidecar.unmark(&self.report, &span, &author);
        self.message = Some(self.undo_hint("removed the no-claim mark"));
        Some(self.claims_changed())
    }

    /// Removes the author's no-claim marks where `edit` made or changed one of their claims:
    /// tagging a sentence replaces the mark.
    pub(super) fn unmark_claimed(&mut self, edit: &Edit) {
        let author = self.config.author.clone();
        for claim in edit.claims.0.iter().filter_map(|(_, after)| after.as_ref()) {
            if claim.author == author
                && let Some(span) = claim.byte_span(&self.report)
            {
                self.sidecar.unmark(&self.report, &span, &author);
            }
        }
    }

    /// `what`, with the key that undoes it.
    fn undo_hint(&self, what: &str) -> String {
        match self.config.keys.first_key(Action::Undo) {
            Some(key) => format!("{what} ({key} undoes)"),
            None => what.to_owned(),
        }
    }
}

#[cfg(test)]
#[path = "no_claim_tests.rs"]
mod tests;
