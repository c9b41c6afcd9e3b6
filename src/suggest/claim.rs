//! Accepting a suggestion: the claim it becomes. The one place where suggestions meet the claim
//! model, so the reader, `tag --accept` and `suggest --apply` create the same claim.

use super::{SourceKind, Suggestion};
use crate::annotate::{self, Claim, now};
use crate::report::{Report, one_line};

/// The claim accepting `suggestion` creates: the sentence, the suggested status, the source's
/// words on one line and whether the source is named or anonymous. `None` when the sentence is
/// not a claim.
pub fn claim_for(report: &Report, suggestion: &Suggestion, author: &str) -> Option<Claim> {
    let status = suggestion.status()?;
    let mut claim = Claim::new(report, suggestion.sentence.clone(), status, author, now());
    let source = suggestion
        .source_text(&report.text)
        .map(one_line)
        .unwrap_or_default();
    claim.set_details(&source, "", Vec::new());
    claim.source_kind = suggestion.kind.map(Into::into);
    Some(claim)
}

/// The kind of source a claim keeps for a suggested one.
impl From<SourceKind> for annotate::SourceKind {
    fn from(kind: SourceKind) -> Self {
        match kind {
            SourceKind::Named => Self::Named,
            SourceKind::Anonymous => Self::Anonymous,
        }
    }
}
