//! Several annotators on one report: whose claim is whose, grading one's own claims with the
//! quick keys, and showing one author's claims at a time.

use super::app::{App, Effect};
use crate::annotate::{Grade, now};

impl App {
    /// Whether claim `i` is the user's own: made under the configured author. Only those are
    /// changed by the tag, grade and remove keys, so a colleague's reading is never overwritten.
    pub fn is_own(&self, i: usize) -> bool {
        self.sidecar
            .claims
            .get(i)
            .is_some_and(|c| c.author == self.config.author)
    }

    /// The message for a key that would change a colleague's claim.
    pub(super) fn not_yours(&self, i: usize) -> String {
        let author = self.sidecar.claims.get(i).map_or("", |c| c.author.as_str());
        format!(
            "that is {}'s claim; only they change it (your tag keys add your own)",
            crate::report::safe(author)
        )
    }

    /// The user's own claim the tag, grade and edit keys act on: the selected claim when it is
    /// theirs and overlaps the cursor sentence, else their first (not agreed) claim there.
    pub fn own_claim_under_cursor(&self) -> Option<usize> {
        if let Some(i) = self.claim_under_cursor().filter(|&i| self.is_own(i))
            && self.selected_index() == Some(i)
        {
            return Some(i);
        }
        let sentence = self.sentence(self.cursor);
        self.claims_overlapping(&sentence)
            .find(|&i| self.is_own(i) && !self.sidecar.claims[i].is_agreed())
    }

    /// Moves the grade of the user's own claim under the cursor one step along the scale:
    /// `reliability` steps the letter, otherwise the digit.
    pub(super) fn cycle_grade(&mut self, reliability: bool) -> Option<Effect> {
        if self.refuse_if_read_only() {
            return None;
        }
        let Some(i) = self.own_claim_under_cursor() else {
            self.message = Some(match self.claim_under_cursor() {
                Some(j) => self.not_yours(j),
                None => "tag the sentence first: a grade belongs to a claim".to_owned(),
            });
            return None;
        };
        self.record_undo();
        let claim = &mut self.sidecar.claims[i];
        claim.grade = if reliability {
            Grade::cycle_reliability(claim.grade)
        } else {
            Grade::cycle_credibility(claim.grade)
        };
        claim.updated = now();
        self.message = Some(match claim.grade {
            Some(g) => format!("grade {g}: {}", g.meaning()),
            None => "grade removed".to_owned(),
        });
        self.selected = Some(claim.id.clone());
        Some(self.claims_changed())
    }

    /// Every author with a claim in this report, sorted.
    pub fn authors(&self) -> Vec<String> {
        let mut authors: Vec<String> = self
            .sidecar
            .claims
            .iter()
            .map(|c| c.author.clone())
            .collect();
        authors.sort();
        authors.dedup();
        authors
    }

    /// Shows the next author's claims only in the panel, then all again.
    pub(super) fn cycle_author(&mut self) {
        let authors = self.authors();
        let next = match &self.author_filter {
            None => authors.first(),
            Some(current) => authors
                .iter()
                .position(|a| a == current)
                .and_then(|i| authors.get(i + 1)),
        };
        self.author_filter = next.cloned();
        self.message = Some(match &self.author_filter {
            Some(a) => format!(
                "showing {}'s claims (a: next author)",
                crate::report::safe(a)
            ),
            None => "showing every author's claims".to_owned(),
        });
        self.panel_scroll = 0;
        self.keep_panel_selection_visible();
    }
}
