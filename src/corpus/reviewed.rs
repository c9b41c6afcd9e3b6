//! One report as the review sees it: its sentence count, its claims re-anchored in memory, and
//! how far its review got (sentences with a claim or a no-claim mark; whether it is done).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::annotate::no_claim::{reviewed_sentences, touched};
use crate::annotate::{
    Anchor, Claim, Sidecar, SidecarError, document_order, reanchor_all, reanchor_marks,
    sidecar_path,
};
use crate::report::{LoadError, Report};
use crate::suggest::{Cues, count_candidates};

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
    /// How many sentences at least one (found) claim touches.
    pub tagged_sentences: usize,
    /// How many sentences a found claim or no-claim mark (by anyone) touches: how far the
    /// review got.
    pub reviewed_sentences: usize,
    /// How many sentences that could hold a claim are not reviewed yet: those the suggestion
    /// rules do not call "not a claim" (headings, bylines, datelines, questions and page
    /// furniture are not). The report is done when there is none ([`Reviewed::is_done`]).
    pub unfinished: usize,
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
    /// Reads the report at `path` and its sidecar, if any. Nothing is written. Whether it is
    /// done is judged with the built-in cue lists ([`Cues::shared`]); [`Reviewed::load_with`]
    /// takes the config's.
    pub fn load(path: &Path) -> Result<Self, ReviewError> {
        Self::load_with(path, Cues::shared())
    }

    /// [`Reviewed::load`] with the cue lists that tell a claim candidate from a heading, a byline
    /// or page furniture: the config's (`[suggest]` words added), so that "done" agrees with
    /// what the reader suggests. Build them once and share them across reports.
    pub fn load_with(path: &Path, cues: &Cues) -> Result<Self, ReviewError> {
        Self::load_checked(path, cues).map(|(reviewed, _)| reviewed)
    }

    /// [`Reviewed::load_with`], and whether the report is a web page in which no article was
    /// found (navigation, a section front): its sentences are not a report's, so `stats` leaves
    /// such a page out unless it was annotated.
    pub fn load_checked(path: &Path, cues: &Cues) -> Result<(Self, bool), ReviewError> {
        let report = Report::load(path)?;
        let no_article = report.no_article;
        let sidecar_file = sidecar_path(path);
        let (mut claims, mut marks) = Sidecar::load(&sidecar_file)?
            .map(|s| (s.claims, s.no_claim))
            .unwrap_or_default();
        let anchors = reanchor_all(&mut claims, &report);
        reanchor_marks(&mut marks, &report);
        let mut pairs: Vec<(Claim, Anchor)> = claims.into_iter().zip(anchors).collect();
        pairs.sort_by(|a, b| document_order(&a.0, &b.0));
        let (claims, anchors): (Vec<_>, Vec<_>) = pairs.into_iter().unzip();
        let tagged_sentences = tagged(&report, &claims, &anchors);
        let reviewed = reviewed_sentences(&report, &claims, &marks);
        let unfinished = unfinished(&report, &reviewed, cues);
        let modified = [path, sidecar_file.as_path()]
            .iter()
            .filter_map(|p| p.metadata().and_then(|m| m.modified()).ok())
            .max();
        let reviewed = Self {
            path: path.to_path_buf(),
            sentences: report.sentences.len(),
            tagged_sentences,
            reviewed_sentences: reviewed.iter().filter(|r| **r).count(),
            unfinished,
            modified,
            claims,
            anchors,
            extracted: report.extracted,
        };
        Ok((reviewed, no_article))
    }

    /// Whether anyone annotated the report: a claim (found or orphaned) or a no-claim mark found
    /// in the text.
    pub fn is_annotated(&self) -> bool {
        !self.claims.is_empty() || self.reviewed_sentences > 0
    }

    /// Whether every sentence that could hold a claim was reviewed: tagged or marked read, no
    /// claim.
    pub fn is_done(&self) -> bool {
        self.unfinished == 0
    }

    /// The claims with their anchors.
    pub fn claims_with_anchors(&self) -> impl Iterator<Item = (&Claim, Anchor)> {
        self.claims.iter().zip(self.anchors.iter().copied())
    }
}

/// How many sentences overlap a claim that was found in the text.
fn tagged(report: &Report, claims: &[Claim], anchors: &[Anchor]) -> usize {
    let spans = claims
        .iter()
        .zip(anchors)
        .filter(|(_, anchor)| **anchor != Anchor::Orphaned)
        .filter_map(|(claim, _)| claim.byte_span(report));
    touched(report, spans).iter().filter(|t| **t).count()
}

/// How many sentences of `report` that `reviewed` says are not reviewed the suggestion rules
/// (with `cues`) take for a claim. Only those sentences are read: whether a sentence is a claim
/// depends on it alone ([`count_candidates`]).
fn unfinished(report: &Report, reviewed: &[bool], cues: &Cues) -> usize {
    let left = report
        .sentences
        .iter()
        .zip(reviewed)
        .filter(|(_, reviewed)| !**reviewed)
        .map(|(span, _)| span);
    count_candidates(&report.text, left, cues)
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
        assert_eq!(reviewed.reviewed_sentences, 2);
        assert!(!reviewed.is_done(), "the first sentence is not reviewed");
    }

    #[test]
    fn a_report_is_done_when_every_claim_candidate_is_tagged_or_marked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.txt");
        // A heading and a byline, which the suggestion rules call "not a claim", then three
        // sentences that could be claims.
        let text = "Harbour Plans Approved\n\nBy Ana Lima\n\nThe council approved the harbour plan on Monday. The mayor said work would start in May. Critics called the cost too high.\n";
        std::fs::write(&path, text).unwrap();
        let report = Report::load(&path).unwrap();
        assert_eq!(report.sentences.len(), 5, "{:?}", report.sentences);
        let mut sidecar = Sidecar::new(&report);
        sidecar.claims.push(Claim::new(
            &report,
            report.sentences[3].clone(),
            "sourced",
            "ana",
            now(),
        ));
        sidecar.no_claim.push(crate::annotate::NoClaim::new(
            &report,
            report.sentences[2].clone(),
            "ben",
            now(),
        ));
        let save = |sidecar: &Sidecar| {
            std::fs::write(sidecar_path(&path), sidecar.to_toml().unwrap()).unwrap();
        };
        save(&sidecar);
        let reviewed = Reviewed::load(&path).unwrap();
        assert_eq!(reviewed.tagged_sentences, 1);
        assert_eq!(reviewed.reviewed_sentences, 2);
        assert_eq!(reviewed.unfinished, 1);
        assert!(!reviewed.is_done());
        sidecar.no_claim.push(crate::annotate::NoClaim::new(
            &report,
            report.sentences[4].clone(),
            "ana",
            now(),
        ));
        save(&sidecar);
        let reviewed = Reviewed::load(&path).unwrap();
        assert_eq!(reviewed.reviewed_sentences, 3);
        assert!(reviewed.is_done(), "the heading and byline do not count");
    }
}
