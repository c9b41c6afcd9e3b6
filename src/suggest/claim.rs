//! Accepting a suggestion: the claim it becomes. The one place where suggestions meet the claim
//! model, so the reader, `tag --accept` and `suggest --apply` create the same claim.

use super::Suggestion;
use crate::annotate::{Claim, now};
use crate::report::{Report, one_line};

/// The claim accepting `suggestion` creates: the sentence, the suggested status, and the source's
/// words on one line. `None` when the sentence is not a claim.
pub fn claim_for(report: &Report, suggestion: &Suggestion, author: &str) -> Option<Claim> {
    let status = suggestion.status()?;
    let mut claim = Claim::new(report, suggestion.sentence.clone(), status, author, now());
    let source = suggestion
        .source_text(&report.text)
        .map(one_line)
        .unwrap_or_default();
    claim.set_details(&source, "", Vec::new());
    Some(claim)
}
