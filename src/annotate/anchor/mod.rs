//! Finding a claim's text again when the report changed after the claim was saved.
//!
//! The steps, thresholds and limits are documented on [`reanchor_all`]. This module holds the
//! policy (which step wins, what a claim keeps); the pass that finds candidate places is in
//! `candidates`, the judging of approximate matches in `fuzzy`, and the edit distance it rests
//! on in `myers`.

use std::ops::Range;

use super::Claim;
use crate::report::Report;

mod candidates;
mod fuzzy;
mod myers;
#[cfg(test)]
mod tests;

use candidates::{Search, scan};
use fuzzy::fuzzy;

/// Where a claim stands against the current text of its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The quote is still at the saved offsets.
    Exact,
    /// The quote was found elsewhere; the claim's offsets and context were updated.
    Moved,
    /// Text much like the quote, with much the same context, was found; the claim now covers that
    /// text, and its quote and context were updated to it. The user should look at it again.
    Fuzzy,
    /// The quote is nowhere in the text; the claim is kept unchanged and shown as orphaned.
    Orphaned,
}

impl Anchor {
    /// The lower-case name commands print (`exact`, `moved`, `fuzzy`, `orphaned`), so scripts
    /// can match on it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Moved => "moved",
            Self::Fuzzy => "fuzzy",
            Self::Orphaned => "orphaned",
        }
    }
}

/// How far from the old place, in bytes, an exact copy with its whole context is looked for
/// before the pass over the whole report that many claims share.
const NEAR_MANY: &[usize] = &[2 << 10];
/// The same for one claim alone, whose pass over the whole report would be its own: searching a
/// wider window first is cheaper.
const NEAR_ONE: &[usize] = &[2 << 10, 64 << 10];

/// Checks `claim` against `report` and moves it to its text's new place when the text changed.
///
/// The same as [`reanchor_all`] on one claim. Prefer [`reanchor_all`] for all the claims of a
/// report: the pass over the whole report that a changed claim may need is then made once.
pub fn reanchor(claim: &mut Claim, report: &Report) -> Anchor {
    let before = vec![claim.quote.clone()];
    let claims = std::slice::from_mut(claim);
    let mut anchors = reanchor_near(claims, report, NEAR_ONE);
    remember_old_quotes(claims, &mut anchors, before);
    anchors.pop().unwrap_or(Anchor::Orphaned)
}

/// Finds each claim's text in the report as it is now, and says how for each (in order).
///
/// Reports get corrected, re-downloaded and re-wrapped after they were annotated. A claim keeps
/// its quote and up to 32 code points of context on each side; the first of these steps that
/// succeeds wins:
///
/// 1. [`Anchor::Exact`]: the quote is still at the saved offsets.
/// 2. [`Anchor::Moved`]: the quote occurs elsewhere. Each occurrence is scored by how many code
///    points of the saved prefix and suffix surround it; the best wins, and among equals the one
///    nearest the old offset, so an edit elsewhere never moves a claim onto another copy of the
///    same words. Occurrences within 2 KiB of the old place (also 64 KiB for [`reanchor`]) are
///    looked at first: one with the whole context there cannot be beaten by one further away.
/// 3. [`Anchor::Fuzzy`]: the best approximate match of the quote with its context, in the manner
///    of Hypothesis and diff-match-patch.
///    - Text is compared with every run of whitespace collapsed to one space, so re-wrapping a
///      paragraph changes nothing, and by code point.
///    - Candidate places come from one pass over the report that looks up 8-byte grams of text
///      with the whitespace left out (so they survive re-wrapping): 8 spread over the quote, the
///      end of the prefix and the start of the suffix. Each hit votes for where the quote would
///      start; hits within a quarter of the quote's length of each other make one candidate. The
///      old place and the 8 best-voted candidates (ties: nearest) are examined. A gram found more
///      than 64 times is dropped as telling nothing.
///    - Around each candidate, Myers' bit-parallel algorithm finds where the stretches of text
///      end that need fewer edits (code points inserted, deleted or replaced) to become the quote
///      than the stretches beside them, and a second pass over the text backwards finds where each
///      starts. The one with the fewest edits is not always right (the sentence next door may be
///      closer to the old quote than the edited claim, which kept its context), so up to 8 are
///      scored, after their start and end are moved, by up to 32 code points, to where the score
///      below is best (a reworded ending is then taken in whole). The work per candidate is
///      bounded by the quote's length, and a quote over 16,384 code points is not matched.
///    - Each match is scored from the similarity (1 − edits ÷ length) of the quote, of the saved
///      prefix against the text now before the match, and of the suffix against the text after
///      it, weighted 50 : 20 : 20. A side with no saved context (a claim at the start or end of
///      the report) is left out of the weighting.
///    - **Threshold:** a match counts when at most a quarter of the quote's code points were
///      edited and the score is at least 0.75. That takes a fixed typo, a word added or removed
///      in a long quote, or new text right beside an edited quote; it refuses a different
///      sentence in a different place, even one that shares most of its words, and a claim
///      reworded to say something else. The best score wins, then the nearest to the old place.
///
///    The claim is moved to the matched text: its offsets, quote and context are updated to it.
/// 4. [`Anchor::Orphaned`]: nothing found; the claim is left untouched, never dropped.
///
/// A claim found with changed text keeps its old quote under the key [`QUOTE_WAS`] and is
/// reported as [`Anchor::Fuzzy`] from then on, even after its new offsets were saved, until the
/// user confirms it (changes the claim, which removes the key): a fuzzy match is a guess, and the
/// user must see it and the text it replaced.
pub fn reanchor_all(claims: &mut [Claim], report: &Report) -> Vec<Anchor> {
    let before: Vec<String> = claims.iter().map(|c| c.quote.clone()).collect();
    let mut anchors = reanchor_near(claims, report, NEAR_MANY);
    remember_old_quotes(claims, &mut anchors, before);
    anchors
}

/// The key under which a claim found with changed text keeps the text it had, until confirmed.
pub const QUOTE_WAS: &str = "quote_was";

fn remember_old_quotes(claims: &mut [Claim], anchors: &mut [Anchor], before: Vec<String>) {
    for ((claim, anchor), old) in claims.iter_mut().zip(anchors.iter_mut()).zip(before) {
        match anchor {
            Anchor::Fuzzy if !claim.extra.contains_key(QUOTE_WAS) => {
                claim
                    .extra
                    .insert(QUOTE_WAS.to_owned(), toml::Value::String(old));
            }
            Anchor::Exact | Anchor::Moved if claim.extra.contains_key(QUOTE_WAS) => {
                *anchor = Anchor::Fuzzy;
            }
            _ => {}
        }
    }
}

/// [`reanchor_all`], looking for exact copies within each of `radii` of the old place before
/// making the pass over the whole report.
fn reanchor_near(claims: &mut [Claim], report: &Report, radii: &[usize]) -> Vec<Anchor> {
    let mut anchors = Vec::with_capacity(claims.len());
    let mut pending = Vec::new();
    for (i, claim) in claims.iter_mut().enumerate() {
        let old = old_offset(claim, report);
        if let Some(anchor) = settle_near(claim, report, old, radii) {
            anchors.push(anchor);
        } else {
            anchors.push(Anchor::Orphaned);
            pending.push((i, Search::new(claim, old)));
        }
    }
    if pending.is_empty() {
        return anchors;
    }
    scan(&report.text, &mut pending);
    for (i, search) in &pending {
        if let (Some(claim), Some(anchor)) = (claims.get_mut(*i), anchors.get_mut(*i)) {
            *anchor = settle(claim, report, search);
        }
    }
    anchors
}

/// The byte offset of the claim's old start, or the end of a text that became shorter.
fn old_offset(claim: &Claim, report: &Report) -> usize {
    report
        .index
        .byte_of(&report.text, claim.start.min(report.index.len_chars()))
        .unwrap_or(report.text.len())
}

/// The steps that need no pass over the whole report: the quote in place, or an exact copy
/// with all its context near the old place. `None` when the whole report must be searched.
fn settle_near(claim: &mut Claim, report: &Report, old: usize, radii: &[usize]) -> Option<Anchor> {
    if claim.quote.is_empty() {
        return Some(Anchor::Orphaned);
    }
    if let Some(span) = claim.byte_span(report)
        && report.text.get(span) == Some(claim.quote.as_str())
    {
        return Some(Anchor::Exact);
    }
    let text = &report.text;
    let whole = claim.prefix.chars().count() + claim.suffix.chars().count();
    for &radius in radii {
        let from = floor_boundary(text, old.saturating_sub(radius));
        let to = ceil_boundary(text, old.saturating_add(radius + claim.quote.len()));
        let copies = occurrences(text, &claim.quote, from..to);
        if let Some((at, context)) = best_copy(text, claim, &copies, old)
            && context == whole
        {
            let len = claim.quote.len();
            claim.anchor_to(report, at..at + len);
            return Some(Anchor::Moved);
        }
        if from == 0 && to == text.len() {
            break;
        }
    }
    None
}

/// Steps 2 to 4 for a claim, once [`scan`] has filled in its grams' hits.
fn settle(claim: &mut Claim, report: &Report, search: &Search) -> Anchor {
    let text = &report.text;
    let quote = claim.quote.as_str();
    let copies: Vec<usize> = match search.grams.first().filter(|g| g.every) {
        Some(head) => head
            .starts()
            .filter(|&at| text.get(at..at + quote.len()) == Some(quote))
            .collect(),
        None => occurrences(text, quote, 0..text.len()),
    };
    if let Some((at, _)) = best_copy(text, claim, &copies, search.old) {
        let len = quote.len();
        claim.anchor_to(report, at..at + len);
        return Anchor::Moved;
    }
    match fuzzy(claim, text, search) {
        Some(span) => {
            claim.anchor_to(report, span);
            Anchor::Fuzzy
        }
        None => Anchor::Orphaned,
    }
}

/// Byte offsets of every occurrence of `quote` starting in `range` of `text`, overlapping ones
/// included. `range` must fall on character boundaries.
fn occurrences(text: &str, quote: &str, range: Range<usize>) -> Vec<usize> {
    let Some(hay) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = hay.get(from..).and_then(|rest| rest.find(quote)) {
        let at = from + i;
        found.push(range.start + at);
        from = at + hay[at..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// The copy whose surroundings share the most code points with the saved context, then the
/// nearest to `old`; with that count of shared code points.
fn best_copy(text: &str, claim: &Claim, copies: &[usize], old: usize) -> Option<(usize, usize)> {
    copies
        .iter()
        .map(|&at| {
            let before = &text[..at];
            let after = &text[at + claim.quote.len()..];
            let context =
                common_suffix(before, &claim.prefix) + common_prefix(after, &claim.suffix);
            (at, context, at.abs_diff(old))
        })
        .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
        .map(|(at, context, _)| (at, context))
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// The nearest character boundary at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest character boundary at or after `at`.
fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}
