//! Claims from the keys: tagging, removing, stepping through them in the panel and the article,
//! filtering the panel, and leaving.

use super::{App, Effect, Focus, SaveState};
use crate::annotate::{Claim, QUOTE_WAS, now};
use crate::config::keys::Action;

impl App {
    pub(super) fn refresh_claims(&mut self) {
        self.sidecar.sort();
        self.sidecar.report.describe(&self.report);
        self.spans = self
            .sidecar
            .claims
            .iter()
            .map(|c| {
                c.byte_span(&self.report)
                    .filter(|s| self.report.text.get(s.clone()) == Some(c.quote.as_str()))
            })
            .collect();
        if self.selected_index().is_none() {
            self.selected = None;
        }
        self.refresh_reviewed();
    }

    /// The claim the tag, remove and edit keys act on: the selected claim when it overlaps the
    /// cursor sentence, else the first claim there.
    pub fn claim_under_cursor(&self) -> Option<usize> {
        let sentence = self.sentence(self.cursor);
        if let Some(i) = self.selected_index()
            && (self.focus == Focus::Panel || self.claims_overlapping(&sentence).any(|j| j == i))
        {
            return Some(i);
        }
        self.claims_overlapping(&sentence).next()
    }

    pub(super) fn tag(&mut self, tag: usize) -> Option<Effect> {
        if self.refuse_if_read_only() || self.report.sentences.is_empty() {
            return None;
        }
        let status = self.config.tags.get(tag)?.name.clone();
        let span = self
            .selection
            .map_or_else(|| self.sentence(self.cursor), |s| s.start..s.end);
        let target = self.own_claim_under_cursor().filter(|&i| {
            self.selection.is_none()
                || self
                    .claim_span(i)
                    .is_some_and(|c| c.start < span.end && span.start < c.end)
        });
        if let Some(i) = target {
            let claim = &self.sidecar.claims[i];
            let same_span = self.claim_span(i) == Some(&span) || self.selection.is_none();
            let unconfirmed = claim.extra.contains_key(QUOTE_WAS);
            if claim.status == status && same_span && !unconfirmed {
                self.message = Some(format!("already {status}"));
                self.selection = None;
                return None;
            }
            self.record_undo();
            let claim = &mut self.sidecar.claims[i];
            // Any change the user makes to a claim confirms its (changed) text.
            claim.extra.remove(QUOTE_WAS);
            claim.status = status;
            if self.selection.is_some() {
                claim.anchor_to(&self.report, span);
            }
            claim.updated = now();
            self.selected = Some(claim.id.clone());
        } else {
            self.record_undo();
            // Tagging a sentence as its pending suggestion says is accepting it: the suggested
            // source and its kind come with the tag.
            let claim = self
                .pending_suggestion(self.cursor)
                .filter(|s| self.selection.is_none() && s.status() == Some(status.as_str()))
                .and_then(|s| crate::suggest::claim_for(&self.report, &s, &self.config.author))
                .unwrap_or_else(|| {
                    Claim::new(&self.report, span, &status, &self.config.author, now())
                });
            let i = self.sidecar.add(claim);
            self.selected = Some(self.sidecar.claims[i].id.clone());
        }
        self.selection = None;
        Some(self.claims_changed())
    }

    pub(super) fn remove_claim(&mut self) -> Option<Effect> {
        if self.refuse_if_read_only() {
            return None;
        }
        let Some(i) = self.own_claim_under_cursor() else {
            if let Some(effect) = self.remove_mark() {
                return Some(effect);
            }
            self.message = Some(match self.claim_under_cursor() {
                Some(j) => self.not_yours(j),
                None => "no claim here".to_owned(),
            });
            return None;
        };
        self.record_undo();
        let removed = self.sidecar.claims.remove(i);
        self.selected = None;
        let kept = self
            .settle_conflict(&removed)
            .map(|k| self.sidecar.claims[k].status.clone());
        let undo = self
            .config
            .keys
            .first_key(Action::Undo)
            .map_or_else(String::new, |key| format!(" ({key} undoes)"));
        self.message = Some(match kept {
            Some(status) => format!(
                "conflict resolved: kept the {} version, dropped the {} one{undo}",
                crate::report::safe(&status),
                crate::report::safe(&removed.status)
            ),
            None => format!("removed {} claim{undo}", removed.status),
        });
        Some(self.claims_changed())
    }

    pub(super) fn step_panel(&mut self, forward: bool) {
        if self.dismissed_view {
            return self.step_dismissed(forward);
        }
        let visible = self.visible_claims();
        if visible.is_empty() {
            return;
        }
        let pos = self
            .selected_index()
            .and_then(|i| visible.iter().position(|&v| v == i));
        let next = match pos {
            Some(p) if forward => (p + 1).min(visible.len() - 1),
            Some(p) => p.saturating_sub(1),
            None => 0,
        };
        self.select_claim(visible[next]);
    }

    pub(super) fn select_claim(&mut self, i: usize) {
        self.selected = Some(self.sidecar.claims[i].id.clone());
        if let Some(span) = self.claim_span(i).cloned() {
            self.move_cursor(self.report.sentence_at(span.start));
        }
        self.say_text_changed(i);
        self.keep_panel_selection_visible();
    }

    pub(super) fn jump_claim(&mut self, forward: bool) {
        let visible = self.visible_claims();
        let sentence = self.sentence(self.cursor);
        let starts = visible
            .iter()
            .filter_map(|&i| Some((i, self.claim_span(i)?.start)));
        let target = if forward {
            starts
                .filter(|&(_, s)| s >= sentence.end)
                .min_by_key(|&(_, s)| s)
        } else {
            starts
                .filter(|&(_, s)| s < sentence.start)
                .max_by_key(|&(_, s)| s)
        };
        match target {
            Some((i, _)) => self.select_claim(i),
            None => {
                self.message = Some(
                    if forward {
                        "no claim after this"
                    } else {
                        "no claim before this"
                    }
                    .to_owned(),
                );
            }
        }
    }

    /// `]`/`[`: the next (previous) sentence not reviewed: with neither a claim nor a no-claim
    /// mark, by anyone.
    pub(super) fn jump_untagged(&mut self, forward: bool) {
        let n = self.report.sentences.len();
        let found = if forward {
            (self.cursor + 1..n).find(|&s| !self.is_reviewed(s))
        } else {
            (0..self.cursor).rev().find(|&s| !self.is_reviewed(s))
        };
        match found {
            Some(s) => self.move_cursor(s),
            None => self.message = Some("every sentence that way is reviewed".to_owned()),
        }
    }

    /// Quits, unless the last save failed: then the save is tried again and the user warned, so
    /// an annotation is never lost by accident; a second quit in a row leaves anyway.
    pub(super) fn quit(&mut self) -> Effect {
        let SaveState::Failed(why) = &self.save_state else {
            return Effect::Quit;
        };
        if self.quit_warned {
            return Effect::Quit;
        }
        self.message = Some(format!(
            "NOT SAVED ({why}); trying again — quit again to leave anyway"
        ));
        self.quit_warned = true;
        Effect::Save
    }

    /// Shows only the next tag's claims in the panel, then (after the last tag) only the next
    /// label's, then the dismissed suggestions (when there are any), then all the claims again:
    /// one key walks every way the panel can be narrowed.
    pub(super) fn cycle_filter(&mut self) {
        let n = self.config.tags.len();
        let labels = self.labels();
        let next_label = |after: Option<&String>| {
            labels
                .iter()
                .find(|l| after.is_none_or(|a| label_order(l, a).is_gt()))
                .cloned()
        };
        let any_dismissed = !self.sidecar.dismissed.is_empty();
        let (filter, label, dismissed) = if self.dismissed_view {
            (None, None, false)
        } else {
            match (self.filter, &self.label_filter) {
                (None, None) if n > 0 => (Some(0), None, false),
                (Some(i), None) if i + 1 < n => (Some(i + 1), None, false),
                (_, from) => match next_label(from.as_ref()) {
                    Some(label) => (None, Some(label), false),
                    None => (None, None, any_dismissed),
                },
            }
        };
        (self.filter, self.label_filter) = (filter, label);
        self.show_dismissed(dismissed);
        if let Some(label) = &self.label_filter {
            let key = self
                .config
                .keys
                .key_name(crate::config::keys::Action::CycleFilter);
            let then = if any_dismissed {
                "next label, then dismissed suggestions, then all"
            } else {
                "next label, then all"
            };
            self.message = Some(format!(
                "showing claims labelled #{} ({key}: {then})",
                crate::report::safe(label)
            ));
        }
        self.panel_scroll = 0;
        self.keep_panel_selection_visible();
    }

    /// Every label on a claim, each once, in [`label_order`].
    pub fn labels(&self) -> Vec<String> {
        let mut labels: Vec<String> = self
            .sidecar
            .claims
            .iter()
            .flat_map(|c| c.labels.iter().cloned())
            .collect();
        labels.sort_by(|a, b| label_order(a, b));
        labels.dedup();
        labels
    }
}

/// Labels in alphabetical order, case-blind (then as written, so no two differ and compare
/// equal).
fn label_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.to_lowercase()
        .cmp(&b.to_lowercase())
        .then_with(|| a.cmp(b))
}
