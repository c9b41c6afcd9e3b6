//! Suggestions in the reader: shown until accepted, overridden by a tag, or dismissed (see
//! [`super::dismissed`]).

use super::{App, Effect};
use crate::annotate::SourceKind;

impl App {
    /// The suggestion waiting on sentence `n`: not for a heading or the like, not on a sentence
    /// that has a claim or that the user marked read, no claim, not dismissed.
    ///
    /// A colleague's claim leaves it pending (each author tags for themselves, as the tag keys
    /// do); a suggested tag the config does not have is never offered.
    pub fn pending_suggestion(&self, n: usize) -> Option<crate::suggest::Suggestion> {
        let suggestion = self.suggestions.get(&self.report, n)?;
        let mine = self
            .claims_overlapping(&self.sentence(n))
            .any(|i| self.sidecar.claims[i].author == self.config.author);
        (suggestion
            .status()
            .is_some_and(|status| self.config.tag_index(status).is_some())
            && !mine
            && !self.marked_by_me(n)
            && !self
                .sidecar
                .is_dismissed(&self.report, &suggestion.sentence))
        .then_some(suggestion)
    }

    /// The tag, source and kind of source a new claim on the cursor sentence starts with in the
    /// editor: the pending suggestion's, so correcting a suggestion is a few keys.
    pub(super) fn suggested_fields(&self) -> Option<(String, String, Option<SourceKind>)> {
        let suggestion = self.pending_suggestion(self.cursor)?;
        let status = suggestion.status()?.to_owned();
        let source = suggestion
            .source_text(&self.report.text)
            .map(crate::report::one_line)
            .unwrap_or_default();
        Some((status, source, suggestion.kind.map(Into::into)))
    }

    pub(super) fn accept_suggestion(&mut self) -> Option<Effect> {
        if self.refuse_if_read_only() {
            return None;
        }
        let Some(suggestion) = self.pending_suggestion(self.cursor) else {
            if let Some(effect) = self.keep_conflict_version() {
                return Some(effect);
            }
            self.message = Some(if self.is_dismissed(self.cursor) {
                let key = self
                    .config
                    .keys
                    .first_key(crate::config::keys::Action::DismissSuggestion)
                    .unwrap_or_else(|| "-".to_owned());
                format!("the suggestion here was dismissed: {key} brings it back")
            } else {
                "no suggestion on this sentence".to_owned()
            });
            return None;
        };
        let claim = crate::suggest::claim_for(&self.report, &suggestion, &self.config.author)?;
        self.message = Some(match &claim.source {
            Some(source) => format!(
                "accepted: {} — {}",
                claim.status,
                crate::report::one_line(source)
            ),
            None => format!("accepted: {}", claim.status),
        });
        self.record_undo();
        let i = self.sidecar.add(claim);
        self.selected = Some(self.sidecar.claims[i].id.clone());
        Some(self.claims_changed())
    }

    pub(super) fn next_suggestion(&mut self) {
        let n = self.report.sentences.len();
        match (self.cursor + 1..n).find(|&s| self.pending_suggestion(s).is_some()) {
            Some(s) => self.move_cursor(s),
            None => self.message = Some("no pending suggestion after this".to_owned()),
        }
    }
}
