//! Judging approximate matches of a changed claim (step 3 of [`super::reanchor_all`]): around
//! each candidate place, the stretches of text that need few edits to become the quote, each
//! scored with the saved context, and the threshold a match must pass.

use std::ops::Range;

use super::candidates::{Search, candidates};
use super::myers::{Pattern, similarity};
use super::{ceil_boundary, floor_boundary};
use crate::annotate::Claim;

/// Ends of matches followed up, per window.
const MAX_ENDS: usize = 8;
/// How far, in code points, a fuzzy match's start and end may move to fit the context better.
const REFINE: usize = 32;
/// A quote longer than this (after collapsing whitespace) is never matched approximately.
const MAX_FUZZY_CHARS: usize = 16_384;
/// Weight of the quote's similarity in a fuzzy match's score.
const QUOTE_WEIGHT: usize = 50;
/// Weight of the prefix's similarity, and of the suffix's.
const CONTEXT_WEIGHT: usize = 20;
/// The least score, in thousandths, of a fuzzy match.
const MIN_SCORE: usize = 750;
/// A fuzzy match edits at most one code point of the quote in this many.
const MAX_EDIT_SHARE: usize = 4;

/// Step 3: the byte range of the best approximate match of the claim in `text`, if one passes
/// the threshold.
pub(super) fn fuzzy(claim: &Claim, text: &str, search: &Search) -> Option<Range<usize>> {
    let quote: Vec<char> = squeeze(claim.quote.chars()).collect();
    if quote.len() > MAX_FUZZY_CHARS || quote.iter().all(|c| c.is_whitespace()) {
        return None;
    }
    let backwards: Vec<char> = quote.iter().rev().copied().collect();
    let context = |chars: Vec<char>| (!chars.is_empty()).then(|| Pattern::new(&chars));
    let judge = Judge {
        forward: Pattern::new(&quote),
        backward: Pattern::new(&backwards),
        prefix: context(squeeze(claim.prefix.chars().rev()).collect()),
        suffix: context(squeeze(claim.suffix.chars()).collect()),
        old: search.old,
    };
    let slack = claim.quote.len() / 2 + 64;
    let mut windows: Vec<Range<usize>> = candidates(search, claim.quote.len())
        .into_iter()
        .map(|start| {
            let from = floor_boundary(text, start.saturating_sub(slack));
            let to = ceil_boundary(text, start.saturating_add(claim.quote.len() + slack));
            from..to
        })
        .collect();
    windows.sort_by_key(|w| w.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(windows.len());
    for window in windows {
        match merged.last_mut() {
            Some(last) if window.start <= last.end => last.end = last.end.max(window.end),
            _ => merged.push(window),
        }
    }
    merged
        .into_iter()
        .flat_map(|window| judge.matches_in(text, window))
        .max_by(|a, b| a.score.cmp(&b.score).then(b.distance.cmp(&a.distance)))
        .map(|found| found.span)
}

/// A fuzzy match found in a window.
struct Found {
    /// Its byte range in the report.
    span: Range<usize>,
    /// Its score, in thousandths.
    score: usize,
    /// Bytes from the claim's old start.
    distance: usize,
}

/// What a fuzzy match is measured against: the quote (both ways) and the saved context.
struct Judge {
    forward: Pattern,
    backward: Pattern,
    /// The saved prefix, squeezed and backwards: it is compared from the match outwards.
    prefix: Option<Pattern>,
    /// The saved suffix, squeezed.
    suffix: Option<Pattern>,
    old: usize,
}

impl Judge {
    /// The matches of the quote within `window` of `text` that pass the threshold.
    ///
    /// Every stretch whose edits are fewer than around it, and within the edit limit, is a match
    /// (the fewest edits first, up to [`MAX_ENDS`]): the one with the fewest edits overall may
    /// have lost its context, where another kept it. Each one's start and end are then moved, by
    /// up to [`REFINE`] code points, to where the whole score (context included) is best, so that
    /// a reworded ending is taken in whole rather than cut where the edits are fewest.
    fn matches_in(&self, text: &str, window: Range<usize>) -> Vec<Found> {
        let Some(slice) = text.get(window.clone()) else {
            return Vec::new();
        };
        let squeezed = squeeze_spans(slice, window.start);
        let len = self.forward.len;
        let distances = self.forward.distances(squeezed.0.iter().copied(), false);
        // Of several ends in a row with the same edits, the first: the rest lead to the same.
        let mut ends: Vec<usize> = (1..=distances.len())
            .filter(|&end| {
                let edits = distances[end - 1];
                edits * MAX_EDIT_SHARE <= len
                    && (end == 1 || distances[end - 2] > edits)
                    && distances.get(end).is_none_or(|&next| next >= edits)
            })
            .collect();
        ends.sort_by_key(|&end| distances[end - 1]);
        let mut found: Vec<Found> = Vec::new();
        for end in ends.into_iter().take(MAX_ENDS) {
            let Some((first, edits)) = self.best_start(text, &squeezed, end) else {
                continue;
            };
            let Some((better, _)) = self.best_end(text, &squeezed, first) else {
                continue;
            };
            let (start, end, edits) = if better == end {
                (first, end, edits)
            } else {
                match self.best_start(text, &squeezed, better) {
                    Some((start, edits)) => (start, better, edits),
                    None => continue,
                }
            };
            let span = squeezed.1[start].start..squeezed.1[end - 1].end;
            let score = self.score(text, &span, edits);
            if score >= MIN_SCORE && found.iter().all(|f| f.span != span) {
                found.push(Found {
                    distance: span.start.abs_diff(self.old),
                    span,
                    score,
                });
            }
        }
        found
    }

    /// The best start for a match ending at `end` (an index into the squeezed window), with the
    /// match's edits: near the start with the fewest edits, the one with the best score.
    fn best_start(&self, text: &str, squeezed: &Squeezed, end: usize) -> Option<(usize, usize)> {
        let (chars, spans) = squeezed;
        let len = self.forward.len;
        let from = end.saturating_sub(len + len / MAX_EDIT_SHARE + 1);
        let back = self
            .backward
            .distances(chars[from..end].iter().rev().copied(), true);
        self.refine(&back, |n| self.before(text, spans[end - n].start))
            .map(|(n, edits)| (end - n, edits))
    }

    /// The best end for a match starting at `start`, with the match's edits: the mirror of
    /// [`Judge::best_start`].
    fn best_end(&self, text: &str, squeezed: &Squeezed, start: usize) -> Option<(usize, usize)> {
        let (chars, spans) = squeezed;
        let len = self.forward.len;
        let to = chars.len().min(start + len + len / MAX_EDIT_SHARE + 1);
        let ahead = self
            .forward
            .distances(chars[start..to].iter().copied(), true);
        self.refine(&ahead, |n| self.after(text, spans[start + n - 1].end))
            .map(|(n, edits)| (start + n, edits))
    }

    /// Given the edits of the stretches of each length from one fixed end (`edits[n - 1]` for
    /// `n` code points), the length within [`REFINE`] of the one with the fewest edits, and
    /// within the edit limit, whose quote share plus `context(n)` is best; ties go to the
    /// nearer. With its edits.
    fn refine(&self, edits: &[usize], context: impl Fn(usize) -> usize) -> Option<(usize, usize)> {
        let len = self.forward.len;
        let natural = (1..=edits.len()).min_by_key(|&n| (edits[n - 1], n.abs_diff(len)))?;
        let nearest_first = (0..=REFINE)
            .flat_map(|off| [natural.checked_sub(off), (off > 0).then_some(natural + off)])
            .flatten()
            .filter(|&n| (1..=edits.len()).contains(&n));
        let mut best: Option<(usize, usize, usize)> = None;
        for n in nearest_first {
            let quote = self.quote_part(edits[n - 1]);
            if edits[n - 1] * MAX_EDIT_SHARE > len
                || best.is_some_and(|(score, ..)| quote + CONTEXT_WEIGHT * 1000 <= score)
            {
                continue;
            }
            let score = quote + context(n);
            if best.is_none_or(|(top, ..)| score > top) {
                best = Some((score, n, edits[n - 1]));
            }
        }
        best.map(|(_, n, edits)| (n, edits))
    }

    /// The weighted similarity, in thousandths, of a match of `span` with `edits` edits.
    fn score(&self, text: &str, span: &Range<usize>, edits: usize) -> usize {
        let weight = QUOTE_WEIGHT
            + CONTEXT_WEIGHT
                * (usize::from(self.prefix.is_some()) + usize::from(self.suffix.is_some()));
        (self.quote_part(edits) + self.before(text, span.start) + self.after(text, span.end))
            / weight
    }

    /// The quote's share of the score, for a match with `edits` edits.
    fn quote_part(&self, edits: usize) -> usize {
        QUOTE_WEIGHT * similarity(edits, self.forward.len)
    }

    /// The prefix's share of the score, for a match starting at byte `start`.
    fn before(&self, text: &str, start: usize) -> usize {
        self.prefix.as_ref().map_or(0, |prefix| {
            CONTEXT_WEIGHT * prefix.similarity(squeeze(text[..start].chars().rev()))
        })
    }

    /// The suffix's share of the score, for a match ending at byte `end`.
    fn after(&self, text: &str, end: usize) -> usize {
        self.suffix.as_ref().map_or(0, |suffix| {
            CONTEXT_WEIGHT * suffix.similarity(squeeze(text[end..].chars()))
        })
    }
}

/// `chars` with every run of whitespace turned into one space.
fn squeeze(chars: impl Iterator<Item = char>) -> impl Iterator<Item = char> {
    let mut in_space = false;
    chars.filter_map(move |c| {
        if c.is_whitespace() {
            (!std::mem::replace(&mut in_space, true)).then_some(' ')
        } else {
            in_space = false;
            Some(c)
        }
    })
}

/// Squeezed text, with the byte range in the report each code point came from.
type Squeezed = (Vec<char>, Vec<Range<usize>>);

/// [`squeeze`] on `text`, with the byte range (offset by `base`) each code point came from; a
/// run of whitespace stands for its first character.
fn squeeze_spans(text: &str, base: usize) -> Squeezed {
    let mut chars = Vec::with_capacity(text.len());
    let mut spans = Vec::with_capacity(text.len());
    let mut in_space = false;
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            if std::mem::replace(&mut in_space, true) {
                continue;
            }
            chars.push(' ');
        } else {
            in_space = false;
            chars.push(c);
        }
        spans.push(base + at..base + at + c.len_utf8());
    }
    (chars, spans)
}
