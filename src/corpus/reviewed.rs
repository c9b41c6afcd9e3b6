//! One report as the review sees it: its sentence count and its claims, re-anchored in memory.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::annotate::{
    Anchor, Claim, Sidecar, SidecarError, document_order, reanchor_all, sidecar_path,
};
use crate::report::{LoadError, Report};

/// Why a report could not be reviewed; the message names the file.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// The report could not be read.
    #[error(transparent)]
    Report(#[from] LoadError),
    /// Its sidecar could not be read (it is left as it is).
    #[error(transparent)]
    Sidecar(#[from] SidecarError),
}

/// A report's review state: what the counts, the screen and the exports need, without its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Reviewed {
    /// The report, as it was found (relative to where the scan started).
    pub path: PathBuf,
    /// How many sentences the reader steps through.
    pub sentences: usize,
    /// How many sentences at least one (found) claim touches: how far the review got.
    pub tagged_sentences: usize,
    /// When the report or its sidecar last changed, whichever is later.
    pub modified: Option<SystemTime>,
    /// The claims in document order, re-anchored to the report's current text (never saved).
    pub claims: Vec<Claim>,
    /// How each claim (same index) was found in the current text.
    pub anchors: Vec<Anchor>,
    /// How the text was extracted from a web page or Markdown file (`None`: plain text), so an
    /// export can say that offsets count into that text, not the file.
    pub extracted: Option<String>,
}

impl Reviewed {
    /// Reads the report at `path` and its sidecar, if any. Nothing is written.
    pub fn load(path: &Path) -> Result<Self, ReviewError> {
        let report = Report::load(path)?;
        let sidecar_file = sidecar_path(path);
        let mut claims = Sidecar::load(&sidecar_file)?
            .map(|s| s.claims)
            .unwrap_or_default();
        let anchors = reanchor_all(&mut claims, &report);
        let mut pairs: Vec<(Claim, Anchor)> = claims.into_iter().zip(anchors).collect();
        pairs.sort_by(|a, b| document_order(&a.0, &b.0));
        let (claims, anchors): (Vec<_>, Vec<_>) = pairs.into_iter().unzip();
        let tagged_sentences = tagged(&report, &claims, &anchors);
        let modified = [path, sidecar_file.as_path()]
            .iter()
            .filter_map(|p| p.metadata().and_then(|m| m.modified()).ok())
            .max();
        Ok(Self {
            path: path.to_path_buf(),
            sentences: report.sentences.len(),
            tagged_sentences,
            modified,
            claims,
            anchors,
            extracted: report.extracted,
        })
    }

    /// The claims with their anchors.
    pub fn claims_with_anchors(&self) -> impl Iterator<Item = (&Claim, Anchor)> {
        self.claims.iter().zip(self.anchors.iter().copied())
    }
}

/// How many sentences overlap a claim that was found in the text.
fn tagged(report: &Report, claims: &[Claim], anchors: &[Anchor]) -> usize {
    let mut touched = vec![false; report.sentences.len()];
    for (claim, anchor) in claims.iter().zip(anchors) {
        if *anchor == Anchor::Orphaned {
            continue;
        }
        let Some(span) = claim.byte_span(report) else {
            continue;
        };
        let first = report.sentence_at(span.start);
        for (i, sentence) in report.sentences.iter().enumerate().skip(first) {
            if sentence.start >= span.end.max(span.start + 1) {
                break;
            }
            touched[i] = true;
        }
    }
    touched.iter().filter(|t| **t).count()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::annotate::now;

    #[test]
    fn counts_sentences_claims_and_what_was_reviewed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        std::fs::write(&path, "First one here. Second one here. Third one here.").unwrap();
        let report = Report::load(&path).unwrap();
        let mut sidecar = Sidecar::new(&report);
        let second = report.sentences[1].clone();
        let both = report.sentences[1].start..report.sentences[2].end;
        sidecar
            .claims
            .push(Claim::new(&report, both, "unsourced", "ana", now()));
        sidecar
            .claims
            .push(Claim::new(&report, second, "sourced", "ana", now()));
        let text = toml::to_string(&sidecar).unwrap();
        std::fs::write(sidecar_path(&path), text).unwrap();

        let reviewed = Reviewed::load(&path).unwrap();
        assert_eq!(reviewed.sentences, 3);
        assert_eq!(reviewed.tagged_sentences, 2);
        assert_eq!(reviewed.claims.len(), 2);
        assert_eq!(
            reviewed.claims[0].status, "sourced",
            "document order: shorter first"
        );
        assert!(reviewed.anchors.iter().all(|a| *a == Anchor::Exact));
        assert!(reviewed.modified.is_some());
    }
}
