//! "Read, no claim": a mark that an author read a sentence (or a selection) and judged that it
//! holds nothing to tag, so a report's progress can tell "not read yet" from "read, nothing to
//! tag". Saved in the sidecar as `[[no_claim]]`, one per author per span, and anchored and
//! re-anchored exactly as a claim is (the same quote, context and steps).

use std::collections::HashSet;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use toml::value::Datetime;

use super::{Anchor, Claim, reanchor_all};
use crate::report::Report;

/// The status a mark stands under while the anchoring code, written for claims, moves it.
const STATUS: &str = "no_claim";

/// A span of a report that its author read and judged to hold no claim (keys in this order on
/// disk).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoClaim {
    /// First code point of the span in the report's text.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Exactly the text of `[start, end)` when the mark was last anchored.
    pub quote: String,
    /// Up to 32 code points before `start`, for re-anchoring.
    #[serde(default)]
    pub prefix: String,
    /// Up to 32 code points after `end`, for re-anchoring.
    #[serde(default)]
    pub suffix: String,
    /// Who read the span.
    #[serde(default)]
    pub author: String,
    /// When the mark was made.
    pub created: Datetime,
    /// Keys this version does not know, kept so a newer tool's data survives a rewrite.
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl NoClaim {
    /// A new mark over the byte range `span` of `report`, stamped with `when`.
    pub fn new(report: &Report, span: Range<usize>, author: &str, when: Datetime) -> Self {
        let mut claim = Claim::new(report, span, STATUS, author, when);
        claim.id.clear();
        Self::from_claim(claim)
    }

    /// The mark's byte range in `report`, when its quote is still the text at its offsets (an
    /// orphaned mark has none).
    pub fn span(&self, report: &Report) -> Option<Range<usize>> {
        report
            .byte_range(&(self.start..self.end))
            .filter(|s| !self.quote.is_empty() && report.text.get(s.clone()) == Some(&*self.quote))
    }

    /// The sentence the mark belongs to: the one its first character is in, as for a claim
    /// ([`Claim::sentence`]). `None` when orphaned.
    pub fn sentence(&self, report: &Report) -> Option<usize> {
        self.span(report).map(|s| report.sentence_at(s.start))
    }

    /// What is left of the mark once the byte range `probe` of `report` is taken out of it: the
    /// sentences it reviews that `probe` does not touch, as one mark per run of neighbouring
    /// sentences, with its author and time (a mark over three sentences tagged in the middle
    /// leaves the first and the last marked). Empty when orphaned or wholly inside `probe`.
    pub fn outside(&self, report: &Report, probe: &Range<usize>) -> Vec<Self> {
        let Some(span) = self.span(report) else {
            return Vec::new();
        };
        let mine = touched(report, std::iter::once(span.clone()));
        let taken = touched(report, std::iter::once(probe.clone()));
        let mut pieces = Vec::new();
        let mut run: Option<(usize, usize)> = None;
        for i in 0..=mine.len() {
            let kept = i < mine.len() && mine[i] && !taken[i];
            match (kept, run) {
                (true, None) => run = Some((i, i)),
                (true, Some((first, _))) => run = Some((first, i)),
                (false, Some((first, last))) => {
                    let start = report.sentences[first].start.max(span.start);
                    let end = report.sentences[last].end.min(span.end);
                    if start < end {
                        let mut piece = Self::new(report, start..end, &self.author, self.created);
                        piece.extra.clone_from(&self.extra);
                        piece.extra.remove(super::QUOTE_WAS);
                        pieces.push(piece);
                    }
                    run = None;
                }
                (false, None) => {}
            }
        }
        pieces
    }

    /// What identifies a mark in a merge: who marked which text where.
    fn key(&self) -> (&str, usize, usize, &str) {
        (&self.author, self.start, self.end, &self.quote)
    }

    /// The mark as a claim, for the anchoring code.
    fn to_claim(&self) -> Claim {
        Claim {
            id: String::new(),
            status: STATUS.to_owned(),
            start: self.start,
            end: self.end,
            quote: self.quote.clone(),
            prefix: self.prefix.clone(),
            suffix: self.suffix.clone(),
            source: None,
            source_kind: None,
            grade: None,
            note: None,
            labels: Vec::new(),
            author: self.author.clone(),
            created: self.created,
            updated: self.created,
            extra: self.extra.clone(),
        }
    }

    fn from_claim(claim: Claim) -> Self {
        Self {
            start: claim.start,
            end: claim.end,
            quote: claim.quote,
            prefix: claim.prefix,
            suffix: claim.suffix,
            author: claim.author,
            created: claim.created,
            extra: claim.extra,
        }
    }
}

/// Finds each mark's text in the report as it is now, by the steps claims are found by
/// ([`reanchor_all`]): in place, moved, found with changed text (kept under `quote_was`), or
/// orphaned (kept unchanged, never dropped). Says how for each mark, in order.
pub fn reanchor_marks(marks: &mut [NoClaim], report: &Report) -> Vec<Anchor> {
    let mut claims: Vec<Claim> = marks.iter().map(NoClaim::to_claim).collect();
    let anchors = reanchor_all(&mut claims, report);
    for (mark, claim) in marks.iter_mut().zip(claims) {
        *mark = NoClaim::from_claim(claim);
    }
    anchors
}

/// The order marks are saved in: by start, then end, then author.
pub fn mark_order(a: &NoClaim, b: &NoClaim) -> std::cmp::Ordering {
    (a.start, a.end, &a.author).cmp(&(b.start, b.end, &b.author))
}

/// Merges two descendants of `base`'s marks: a mark added on either side is kept, one removed
/// on either side (present in `base`, gone from that side) is removed, the same mark on both
/// sides is kept once, and one author keeps one mark per span (ours when both differ only in
/// their time or unknown keys). A mark has no content to change, so there is never a conflict.
/// The result is in [`mark_order`].
pub fn merge_marks(base: &[NoClaim], ours: &[NoClaim], theirs: &[NoClaim]) -> Vec<NoClaim> {
    let in_base: HashSet<_> = base.iter().map(NoClaim::key).collect();
    let in_ours: HashSet<_> = ours.iter().map(NoClaim::key).collect();
    let in_theirs: HashSet<_> = theirs.iter().map(NoClaim::key).collect();
    let mut seen = HashSet::new();
    let mut merged: Vec<NoClaim> = ours
        .iter()
        .filter(|m| in_theirs.contains(&m.key()) || !in_base.contains(&m.key()))
        .chain(
            theirs
                .iter()
                .filter(|m| !in_ours.contains(&m.key()) && !in_base.contains(&m.key())),
        )
        .filter(|m| seen.insert((m.author.clone(), m.start, m.end)))
        .cloned()
        .collect();
    merged.sort_by(mark_order);
    merged
}

/// Which sentences of `report` are reviewed: touched by one of `spans` (byte ranges of claims
/// or marks found in the text). A span over several sentences reviews each of them.
pub fn touched(report: &Report, spans: impl IntoIterator<Item = Range<usize>>) -> Vec<bool> {
    let mut touched = vec![false; report.sentences.len()];
    for span in spans {
        let first = report.sentence_at(span.start);
        for (i, sentence) in report.sentences.iter().enumerate().skip(first) {
            if sentence.start >= span.end.max(span.start + 1) {
                break;
            }
            if sentence.end > span.start {
                touched[i] = true;
            }
        }
    }
    touched
}

/// Which sentences of `report` are reviewed: touched by a claim of `claims` or a mark of
/// `marks` that is found in the text (by anyone).
pub fn reviewed_sentences(report: &Report, claims: &[Claim], marks: &[NoClaim]) -> Vec<bool> {
    let claim_spans = claims.iter().filter_map(|c| {
        c.byte_span(report)
            .filter(|s| !c.quote.is_empty() && report.text.get(s.clone()) == Some(&*c.quote))
    });
    let mark_spans = marks.iter().filter_map(|m| m.span(report));
    touched(report, claim_spans.chain(mark_spans))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::now;
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

    fn mark(report: &Report, sentence: usize, author: &str) -> NoClaim {
        NoClaim::new(report, report.sentences[sentence].clone(), author, now())
    }

    #[test]
    fn a_mark_keeps_its_quote_and_context() {
        let r = report("Café opened. Nothing here. Officials said it was safe.");
        let m = mark(&r, 1, "ana");
        assert_eq!((m.start, m.end), (13, 26));
        assert_eq!(m.quote, "Nothing here.");
        assert_eq!(m.prefix, "Café opened. ");
        assert_eq!(m.suffix, " Officials said it was safe.");
        assert_eq!(m.sentence(&r), Some(1));
    }

    #[test]
    fn marks_follow_their_text_when_the_report_changes() {
        let old = report("One thing. Nothing to see here. Officials said so.");
        let mut marks = vec![mark(&old, 1, "ana"), mark(&old, 2, "ben")];
        let new = report("A new lead sentence. One thing. Nothing to see here. Officials said no.");
        let anchors = reanchor_marks(&mut marks, &new);
        assert_eq!(anchors[0], Anchor::Moved);
        assert_eq!(marks[0].sentence(&new), Some(2));
        assert_eq!(marks[0].quote, "Nothing to see here.");
        assert_eq!(anchors[1], Anchor::Fuzzy, "one word changed");
        assert_eq!(marks[1].quote, "Officials said no.");
        assert!(marks[1].extra.contains_key(crate::annotate::QUOTE_WAS));
        let gone = report("Entirely different words now.");
        let mut lost = vec![mark(&old, 1, "ana")];
        assert_eq!(reanchor_marks(&mut lost, &gone), [Anchor::Orphaned]);
        assert_eq!(lost[0].quote, "Nothing to see here.", "kept unchanged");
        assert_eq!(lost[0].span(&gone), None);
    }

    #[test]
    fn merging_marks_keeps_both_sides_and_applies_removals() {
        let r = report("One. Two. Three. Four.");
        let (a, b, c) = (mark(&r, 0, "ana"), mark(&r, 1, "ana"), mark(&r, 2, "ben"));
        // Added on both sides: both kept.
        let merged = merge_marks(&[], std::slice::from_ref(&a), std::slice::from_ref(&c));
        assert_eq!(merged, [a.clone(), c.clone()]);
        // The same mark on both sides (made at another time): kept once, ours.
        let mut later = a.clone();
        later.created = "2030-01-01T00:00:00Z".parse().expect("date");
        let merged = merge_marks(&[], std::slice::from_ref(&a), std::slice::from_ref(&later));
        assert_eq!(merged, std::slice::from_ref(&a));
        // Removed on one side, untouched on the other: removed, whichever side.
        let base = [a.clone(), b.clone()];
        let (only_a, only_b) = (std::slice::from_ref(&a), std::slice::from_ref(&b));
        assert_eq!(merge_marks(&base, only_a, &base), only_a);
        assert_eq!(merge_marks(&base, &base, only_b), only_b);
        // Removed on one side while the other added one: the removal and the addition stand.
        let merged = merge_marks(&base, only_b, &[a.clone(), b.clone(), c.clone()]);
        assert_eq!(merged, [b, c]);
    }

    #[test]
    fn taking_sentences_out_of_a_mark_leaves_the_rest_marked() {
        let r = report("One. Two. Three. Four. Five.");
        let mut whole = NoClaim::new(&r, r.sentences[0].start..r.sentences[4].end, "ana", now());
        whole
            .extra
            .insert("from_a_newer_tool".into(), toml::Value::Integer(1));
        let pieces = whole.outside(&r, &r.sentences[2]);
        let quotes: Vec<&str> = pieces.iter().map(|m| m.quote.as_str()).collect();
        assert_eq!(quotes, ["One. Two.", "Four. Five."]);
        for piece in &pieces {
            assert_eq!(
                (piece.author.as_str(), piece.created),
                ("ana", whole.created)
            );
            assert!(piece.extra.contains_key("from_a_newer_tool"), "kept");
            assert_eq!(
                piece.span(&r).map(|s| r.text[s].to_owned()),
                Some(piece.quote.clone())
            );
        }
        assert_eq!(pieces[1].prefix, "One. Two. Three. ");
        let first = whole.outside(&r, &r.sentences[0]);
        assert_eq!(first.len(), 1);
        assert_eq!(first[0].quote, "Two. Three. Four. Five.");
        assert!(
            whole.outside(&r, &(0..r.text.len())).is_empty(),
            "all taken"
        );
        let one = mark(&r, 1, "ana");
        assert!(one.outside(&r, &r.sentences[1]).is_empty());
        let mut orphan = whole.clone();
        orphan.quote = "gone".to_owned();
        assert!(
            orphan.outside(&r, &r.sentences[2]).is_empty(),
            "nothing found to keep"
        );
    }

    #[test]
    fn a_mark_over_several_sentences_reviews_each() {
        let r = report("One. Two. Three. Four.");
        let span = r.sentences[1].start..r.sentences[2].end;
        let marks = [NoClaim::new(&r, span, "ana", now())];
        let claims = [Claim::new(
            &r,
            r.sentences[3].clone(),
            "sourced",
            "ben",
            now(),
        )];
        assert_eq!(
            reviewed_sentences(&r, &claims, &marks),
            [false, true, true, true]
        );
        let mut orphan = marks[0].clone();
        orphan.quote = "gone".to_owned();
        assert_eq!(reviewed_sentences(&r, &[], &[orphan]), [false; 4]);
    }
}
