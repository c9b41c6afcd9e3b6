//! One claim: a tagged span of a report, with who it rests on and what the annotator noted.

use std::ops::Range;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use toml::value::Datetime;

use super::{Grade, SourceKind};
use crate::report::Report;

/// Code points of context kept on each side of a quote, to find it again in a changed report.
const CONTEXT: usize = 32;

/// The label of the claim an adjudicator agreed on where annotators disagreed. It is left out
/// of agreement figures, and nobody's own claim when tagging.
pub const AGREED_LABEL: &str = "agreed";
/// The extra key on an agreed claim naming who adjudicated it.
pub const ADJUDICATED_BY: &str = "adjudicated_by";

/// A claim's identifier: short, stable for the claim's life, unique within its sidecar.
pub type ClaimId = String;

/// A tagged span of a report, as stored in the sidecar (keys in this order on disk).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable identifier; merges and edits key on it.
    pub id: ClaimId,
    /// A tag name from the config (`sourced`, `unsourced`, …).
    pub status: String,
    /// First code point of the claim in the report's text.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Exactly the text of `[start, end)` when the claim was last anchored.
    pub quote: String,
    /// Up to 32 code points before `start`, for re-anchoring.
    #[serde(default)]
    pub prefix: String,
    /// Up to 32 code points after `end`, for re-anchoring.
    #[serde(default)]
    pub suffix: String,
    /// Who or what the claim is attributed to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Whether the source is named or anonymous (`source_kind`); absent when nobody said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_kind: Option<SourceKind>,
    /// How far the source and the information can be trusted (Admiralty scale, `B2`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<Grade>,
    /// Free text; may span lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Free labels for later filtering.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    /// Who tagged it.
    #[serde(default)]
    pub author: String,
    /// When the claim was made.
    pub created: Datetime,
    /// When it last changed.
    pub updated: Datetime,
    /// Keys this version does not know, kept so a newer tool's data survives a rewrite.
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl Claim {
    /// A new claim over the byte range `span` of `report`, stamped with `when`.
    pub fn new(
        report: &Report,
        span: Range<usize>,
        status: &str,
        author: &str,
        when: Datetime,
    ) -> Self {
        let mut claim = Self {
            id: String::new(),
            status: status.to_owned(),
            start: 0,
            end: 0,
            quote: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            source: None,
            source_kind: None,
            grade: None,
            note: None,
            labels: Vec::new(),
            author: author.to_owned(),
            created: when,
            updated: when,
            extra: toml::Table::new(),
        };
        claim.id = fresh_id(&claim.author, span.start);
        claim.anchor_to(report, span);
        claim
    }

    /// Points the claim at the byte range `span` of `report`: offsets, quote and context.
    pub fn anchor_to(&mut self, report: &Report, span: Range<usize>) {
        let chars = report.char_range(&span);
        self.start = chars.start;
        self.end = chars.end;
        report.text[span.clone()].clone_into(&mut self.quote);
        let before = &report.text[..span.start];
        let skip = before
            .chars()
            .rev()
            .take(CONTEXT)
            .map(char::len_utf8)
            .sum::<usize>();
        before[before.len() - skip..].clone_into(&mut self.prefix);
        self.suffix = report.text[span.end..].chars().take(CONTEXT).collect();
    }

    /// The claim's byte range in `report`, when its offsets still fit the text.
    pub fn byte_span(&self, report: &Report) -> Option<Range<usize>> {
        report.byte_range(&(self.start..self.end))
    }

    /// The index of the sentence this claim belongs to: the one its first character is in, the
    /// rule of every command (`agree` counts by it, `tag` and `untag` find a narrowed claim by
    /// it). `None` for a claim whose quote is no longer at its offsets (orphaned).
    pub fn sentence(&self, report: &Report) -> Option<usize> {
        self.byte_span(report)
            .filter(|s| report.text.get(s.clone()) == Some(self.quote.as_str()))
            .map(|s| report.sentence_at(s.start))
    }

    /// Whether this is an adjudicator's agreed claim rather than one annotator's reading.
    pub fn is_agreed(&self) -> bool {
        self.labels.iter().any(|l| l == AGREED_LABEL)
    }

    /// The source and note are set only when they hold something, so empty strings never reach
    /// the file.
    pub fn set_details(&mut self, source: &str, note: &str, labels: Vec<String>) {
        self.source = Some(source.trim().to_owned()).filter(|s| !s.is_empty());
        self.note = Some(note.trim_end().to_owned()).filter(|s| !s.trim().is_empty());
        self.labels = labels;
    }
}

/// Now, to the second, as a TOML datetime in UTC.
pub fn now() -> Datetime {
    let stamp = jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    stamp.parse().unwrap_or(Datetime {
        date: None,
        time: None,
        offset: None,
    })
}

/// A new identifier: 8 hex digits of a hash over things that differ between any two claims made
/// on one machine (time, process, a counter, the author and the position).
pub(super) fn fresh_id(author: &str, position: usize) -> ClaimId {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut hash = Sha256::new();
    hash.update(nanos.to_le_bytes());
    hash.update(std::process::id().to_le_bytes());
    hash.update(COUNTER.fetch_add(1, Ordering::Relaxed).to_le_bytes());
    hash.update(author.as_bytes());
    hash.update(position.to_le_bytes());
    crate::report::sha256_hex(&hash.finalize())[..8].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Encoding;
    use std::path::Path;

    fn report(text: &str) -> Report {
        Report::from_text(
            Path::new("r.txt"),
            text.to_owned(),
            Encoding::Utf8,
            String::new(),
        )
    }

    #[test]
    fn new_claim_counts_code_points_and_keeps_context() {
        let r = report("Café opened. Officials said it was safe.");
        let start = r.text.find("Officials").expect("found");
        let when: Datetime = "2026-11-24T18:00:00Z".parse().expect("date");
        let claim = Claim::new(&r, start..r.text.len(), "sourced", "ana", when);
        assert_eq!(claim.start, 13);
        assert_eq!(claim.end, 40);
        assert_eq!(claim.quote, "Officials said it was safe.");
        assert_eq!(claim.prefix, "Café opened. ");
        assert_eq!(claim.suffix, "");
        assert_eq!(claim.id.len(), 8);
    }

    #[test]
    fn ids_differ_between_claims() {
        let r = report("One. Two.");
        let when = now();
        let a = Claim::new(&r, 0..4, "sourced", "ana", when);
        let b = Claim::new(&r, 0..4, "sourced", "ana", when);
        assert_ne!(a.id, b.id);
    }

    #[test]
    fn blank_details_are_not_stored() {
        let r = report("One.");
        let mut claim = Claim::new(&r, 0..4, "sourced", "ana", now());
        claim.set_details("  ", "\n", Vec::new());
        assert_eq!((&claim.source, &claim.note), (&None, &None));
        claim.set_details(" CTD ", "line one\nline two\n", vec!["x".into()]);
        assert_eq!(claim.source.as_deref(), Some("CTD"));
        assert_eq!(claim.note.as_deref(), Some("line one\nline two"));
    }

    #[test]
    fn now_is_a_utc_datetime() {
        let text = now().to_string();
        assert!(text.ends_with('Z') && text.len() == 20, "{text}");
    }
}
