//! Finding a claim's text again when the report changed after the claim was saved.
//!
//! The steps, thresholds and limits are documented on [`reanchor_all`].

use std::cmp::Reverse;
use std::collections::HashMap;
use std::ops::Range;

use super::Claim;
use crate::report::Report;

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
/// Bytes of text (whitespace left out) in a gram, the unit looked up to find candidate places.
const GRAM: usize = 8;
/// Grams taken from the quote, spread evenly from its first to its last.
const QUOTE_GRAMS: usize = 8;
/// A gram found more often than this tells nothing about where the quote went, and is dropped.
const MAX_GRAM_HITS: usize = 64;
/// The best-voted candidate places examined per claim (the old place comes on top).
const MAX_CANDIDATES: usize = 8;
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
/// Multiplier of the rolling gram hash.
const BASE: u64 = 0x0100_0000_01b3;
/// Bits of the filter that spares most positions a hash-table lookup (one per 2^20 hash values).
const FILTER_BITS: u32 = 20;

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

/// A gram of the claim's text looked up in the report, and where its hits put the quote's start.
struct Gram {
    /// Rolling hash of the gram's bytes.
    hash: u64,
    /// Added to a hit's byte offset, then [`Gram::minus`] taken away, to give the quote's start.
    plus: usize,
    /// See [`Gram::plus`].
    minus: usize,
    /// The quote's first gram: every hit is kept, to find every exact copy of the quote.
    every: bool,
    /// Byte offsets in the report where the gram starts (one past the cap when too common).
    hits: Vec<usize>,
}

impl Gram {
    fn record(&mut self, at: usize) {
        if self.every || self.hits.len() <= MAX_GRAM_HITS {
            self.hits.push(at);
        }
    }

    /// Where the quote would start, by each hit.
    fn starts(&self) -> impl Iterator<Item = usize> + '_ {
        self.hits
            .iter()
            .filter_map(|&hit| (hit + self.plus).checked_sub(self.minus))
    }
}

/// What is looked for in the whole report for one claim.
struct Search {
    /// Byte offset of the claim's old start.
    old: usize,
    /// The quote's first gram (when it has [`GRAM`] bytes outside whitespace) first.
    grams: Vec<Gram>,
}

impl Search {
    fn new(claim: &Claim, old: usize) -> Self {
        let mut grams = Vec::new();
        let quote = solid(&claim.quote);
        if quote.len() >= GRAM {
            let last = quote.len() - GRAM;
            let mut taken = Vec::new();
            for k in 0..QUOTE_GRAMS {
                let i = last * k / (QUOTE_GRAMS - 1);
                if taken.last() != Some(&i) {
                    taken.push(i);
                    grams.push(Gram {
                        hash: gram_hash(&claim.quote, &quote[i..i + GRAM]),
                        plus: 0,
                        minus: quote[i],
                        every: k == 0,
                        hits: Vec::new(),
                    });
                }
            }
        }
        let prefix = solid(&claim.prefix);
        if prefix.len() >= GRAM {
            let i = prefix.len() - GRAM;
            grams.push(Gram {
                hash: gram_hash(&claim.prefix, &prefix[i..]),
                plus: claim.prefix.len() - prefix[i],
                minus: 0,
                every: false,
                hits: Vec::new(),
            });
        }
        let suffix = solid(&claim.suffix);
        if suffix.len() >= GRAM {
            grams.push(Gram {
                hash: gram_hash(&claim.suffix, &suffix[..GRAM]),
                plus: 0,
                minus: suffix[0] + claim.quote.len(),
                every: false,
                hits: Vec::new(),
            });
        }
        Self { old, grams }
    }
}

/// Byte offsets of the bytes of `text` that are not part of whitespace.
fn solid(text: &str) -> Vec<usize> {
    text.char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .flat_map(|(at, c)| at..at + c.len_utf8())
        .collect()
}

/// The rolling hash of the bytes of `text` at `offsets`.
fn gram_hash(text: &str, offsets: &[usize]) -> u64 {
    offsets.iter().fold(0, |hash, &at| {
        hash.wrapping_mul(BASE)
            .wrapping_add(u64::from(text.as_bytes()[at]))
    })
}

/// Which bit of the filter stands for `hash`.
fn filter_bit(hash: u64) -> usize {
    (hash.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - FILTER_BITS)) as usize
}

/// One pass over `text` with whitespace left out, recording where each search's grams occur.
fn scan(text: &str, searches: &mut [(usize, Search)]) {
    let mut table: HashMap<u64, Vec<(usize, usize)>> = HashMap::new();
    let mut filter = vec![0_u64; (1 << FILTER_BITS) / 64];
    for (s, (_, search)) in searches.iter().enumerate() {
        for (g, gram) in search.grams.iter().enumerate() {
            table.entry(gram.hash).or_default().push((s, g));
            let bit = filter_bit(gram.hash);
            filter[bit / 64] |= 1 << (bit % 64);
        }
    }
    if table.is_empty() {
        return;
    }
    let top = (1..GRAM).fold(1_u64, |power, _| power.wrapping_mul(BASE));
    let mut window = [(0_u8, 0_usize); GRAM];
    let mut seen = 0_usize;
    let mut hash = 0_u64;
    let mut utf8 = [0_u8; 4];
    for (at, c) in text.char_indices() {
        if c.is_whitespace() {
            continue;
        }
        for (i, &byte) in c.encode_utf8(&mut utf8).as_bytes().iter().enumerate() {
            let slot = seen % GRAM;
            if seen >= GRAM {
                hash = hash.wrapping_sub(u64::from(window[slot].0).wrapping_mul(top));
            }
            hash = hash.wrapping_mul(BASE).wrapping_add(u64::from(byte));
            window[slot] = (byte, at + i);
            seen += 1;
            if seen < GRAM {
                continue;
            }
            let bit = filter_bit(hash);
            if filter[bit / 64] & (1 << (bit % 64)) != 0
                && let Some(refs) = table.get(&hash)
            {
                let start = window[seen % GRAM].1;
                for &(s, g) in refs {
                    searches[s].1.grams[g].record(start);
                }
            }
        }
    }
}

/// Step 3: the byte range of the best approximate match of the claim in `text`, if one passes
/// the threshold.
fn fuzzy(claim: &Claim, text: &str, search: &Search) -> Option<Range<usize>> {
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

/// Where the quote may have gone: the old place, then the best-voted places by the grams' hits.
fn candidates(search: &Search, quote_bytes: usize) -> Vec<usize> {
    let mut starts: Vec<usize> = search
        .grams
        .iter()
        .filter(|g| g.hits.len() <= MAX_GRAM_HITS)
        .flat_map(Gram::starts)
        .collect();
    starts.sort_unstable();
    let reach = quote_bytes / 4 + 32;
    let mut groups = Vec::new();
    let mut rest = starts.as_slice();
    while let Some(&first) = rest.first() {
        let votes = rest.iter().take_while(|&&s| s - first <= reach).count();
        groups.push((votes, rest[votes / 2]));
        rest = &rest[votes..];
    }
    groups.sort_by_key(|&(votes, at)| (Reverse(votes), at.abs_diff(search.old)));
    std::iter::once(search.old)
        .chain(groups.into_iter().take(MAX_CANDIDATES).map(|(_, at)| at))
        .collect()
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

/// `1 - edits / len`, in thousandths (`len` is never 0).
fn similarity(edits: usize, len: usize) -> usize {
    1000 - 1000 * edits.min(len) / len.max(1)
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

/// A pattern prepared for Myers' bit-parallel edit distance (G. Myers, 1999, in the blocked
/// form H. Hyyrö gave it): one bit per pattern position, 64 per machine word, so each code point
/// of text costs one step per 64 code points of pattern instead of one per code point.
struct Pattern {
    /// Code points in the pattern (at least one).
    len: usize,
    /// Words of 64 bits per column.
    blocks: usize,
    /// Where each ASCII character occurs in the pattern, `blocks` words per character.
    ascii: Vec<u64>,
    /// The same for every other character in the pattern.
    other: HashMap<char, Vec<u64>>,
    /// The mask of a character the pattern does not have.
    none: Vec<u64>,
}

impl Pattern {
    fn new(chars: &[char]) -> Self {
        let blocks = chars.len().div_ceil(64).max(1);
        let mut ascii = vec![0; 128 * blocks];
        let mut other: HashMap<char, Vec<u64>> = HashMap::new();
        for (i, &c) in chars.iter().enumerate() {
            let (block, bit) = (i / 64, 1 << (i % 64));
            if c.is_ascii() {
                ascii[u32::from(c) as usize * blocks + block] |= bit;
            } else {
                other.entry(c).or_insert_with(|| vec![0; blocks])[block] |= bit;
            }
        }
        Self {
            len: chars.len(),
            blocks,
            ascii,
            other,
            none: vec![0; blocks],
        }
    }

    fn mask(&self, c: char) -> &[u64] {
        if c.is_ascii() {
            let at = u32::from(c) as usize * self.blocks;
            &self.ascii[at..at + self.blocks]
        } else {
            self.other.get(&c).map_or(&self.none, Vec::as_slice)
        }
    }

    /// How alike the pattern and as many code points of `chars`, in thousandths.
    fn similarity(&self, chars: impl Iterator<Item = char>) -> usize {
        let mut edits = self.len;
        self.run(chars.take(self.len), true, |distance| edits = distance);
        similarity(edits, self.len)
    }

    /// For each `j` from 1 to the length of `text`, the fewest edits turning the pattern into
    /// some stretch of text ending at `j` (`anchored`: into all of the first `j` code points), at
    /// index `j - 1`.
    fn distances(&self, text: impl ExactSizeIterator<Item = char>, anchored: bool) -> Vec<usize> {
        let mut out = Vec::with_capacity(text.len());
        self.run(text, anchored, |distance| out.push(distance));
        out
    }

    /// Calls `each` with the distance [`Pattern::distances`] describes after each code point.
    fn run(&self, text: impl Iterator<Item = char>, anchored: bool, mut each: impl FnMut(usize)) {
        let mut positive = vec![u64::MAX; self.blocks];
        let mut negative = vec![0_u64; self.blocks];
        let last_row = 1 << ((self.len.max(1) - 1) % 64);
        let mut distance = self.len;
        for c in text {
            let mut carry = i8::from(anchored);
            for (b, (eq, (pv, mv))) in self
                .mask(c)
                .iter()
                .zip(positive.iter_mut().zip(negative.iter_mut()))
                .enumerate()
            {
                let high = if b + 1 == self.blocks {
                    last_row
                } else {
                    1 << 63
                };
                carry = advance(pv, mv, *eq, carry, high);
            }
            distance = match carry {
                1 => distance + 1,
                -1 => distance.saturating_sub(1),
                _ => distance,
            };
            each(distance);
        }
    }
}

/// One column of one 64-row block: updates the vertical deltas (`pv`: +1, `mv`: −1) from the
/// match mask `eq` and the horizontal delta `carry` coming in at the top row, and returns the
/// horizontal delta at the row `high`.
fn advance(pv: &mut u64, mv: &mut u64, eq: u64, carry: i8, high: u64) -> i8 {
    let carry_negative = u64::from(carry < 0);
    let carry_positive = u64::from(carry > 0);
    let xv = eq | *mv;
    let eq = eq | carry_negative;
    let xh = ((eq & *pv).wrapping_add(*pv) ^ *pv) | eq;
    let ph = *mv | !(xh | *pv);
    let mh = *pv & xh;
    let out = if ph & high != 0 {
        1
    } else {
        -i8::from(mh & high != 0)
    };
    let ph = (ph << 1) | carry_positive;
    let mh = (mh << 1) | carry_negative;
    *pv = mh | !(xv | ph);
    *mv = ph & xv;
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::now;
    use crate::report::Encoding;
    use proptest::prelude::*;
    use std::fmt::Write as _;
    use std::path::Path;

    fn report(text: &str) -> Report {
        Report::from_text(
            Path::new("r.txt"),
            text.to_owned(),
            Encoding::Utf8,
            String::new(),
        )
    }

    fn claim_on(text: &str, quote: &str) -> Claim {
        let r = report(text);
        let at = text.find(quote).expect("quote in text");
        Claim::new(&r, at..at + quote.len(), "sourced", "ana", now())
    }

    /// Re-anchors a claim on `quote` in `before` against `after`, and checks the claim then
    /// covers exactly `expected` there, with offsets, quote and context to match.
    fn follow(before: &str, quote: &str, after: &str, expected: &str) -> Anchor {
        let mut claim = claim_on(before, quote);
        let changed = report(after);
        let anchor = reanchor(&mut claim, &changed);
        let at = after
            .find(expected)
            .expect("expected text in the new report");
        let fresh = Claim::new(&changed, at..at + expected.len(), "sourced", "ana", now());
        assert_eq!(
            (
                &claim.quote,
                claim.start,
                claim.end,
                &claim.prefix,
                &claim.suffix
            ),
            (
                &fresh.quote,
                fresh.start,
                fresh.end,
                &fresh.prefix,
                &fresh.suffix
            ),
            "{anchor:?}"
        );
        anchor
    }

    const STORY: &str = "The harbour lights failed at 3:40 a.m. on Tuesday. \
        Officials at the grid authority said a cable had burned through near the pier. \
        Engineers restored power to the hospital first, then to the container terminal. \
        Shops along the quay stayed shut until the afternoon.";

    #[test]
    fn unchanged_text_is_exact() {
        let mut claim = claim_on("A said B. C said D.", "C said D.");
        assert_eq!(
            reanchor(&mut claim, &report("A said B. C said D.")),
            Anchor::Exact
        );
    }

    #[test]
    fn inserted_text_moves_the_claim() {
        let mut claim = claim_on("A said B. C said D.", "C said D.");
        let changed = report("Breaking: A said B. C said D.");
        assert_eq!(reanchor(&mut claim, &changed), Anchor::Moved);
        assert_eq!((claim.start, claim.end), (20, 29));
    }

    #[test]
    fn text_added_after_leaves_the_claim_exact() {
        let quote =
            "Engineers restored power to the hospital first, then to the container terminal.";
        let after = format!("{STORY} A second outage followed on Friday.");
        assert_eq!(follow(STORY, quote, &after, quote), Anchor::Exact);
    }

    #[test]
    fn a_deletion_elsewhere_moves_the_claim() {
        let quote = "Shops along the quay stayed shut until the afternoon.";
        let after = STORY.replace("The harbour lights failed at 3:40 a.m. on Tuesday. ", "");
        assert_eq!(follow(STORY, quote, &after, quote), Anchor::Moved);
    }

    #[test]
    fn context_picks_the_right_copy() {
        let text = "First: it rained. Second: it rained.";
        let second = text.rfind("it rained.").expect("found");
        let r = report(text);
        let mut claim = Claim::new(&r, second..text.len(), "sourced", "ana", now());
        let changed = report("Intro. First: it rained. Second: it rained.");
        assert_eq!(reanchor(&mut claim, &changed), Anchor::Moved);
        assert_eq!(
            claim.prefix, "ntro. First: it rained. Second: ",
            "32 code points at most"
        );
    }

    #[test]
    fn context_picks_the_right_copy_far_away() {
        let filler = "Nothing else happened that day. ".repeat(4000);
        let text = format!("Mayor: it rained. {filler}Chief: it rained. {filler}");
        let second = text.rfind("it rained.").expect("found");
        let mut claim = Claim::new(&report(&text), second..second + 10, "sourced", "ana", now());
        let changed = report(&format!("Intro. {text}"));
        assert_eq!(reanchor(&mut claim, &changed), Anchor::Moved);
        assert!(claim.prefix.ends_with("Chief: "), "{}", claim.prefix);
    }

    #[test]
    fn deleted_quote_is_orphaned_and_kept() {
        let mut claim = claim_on("A said B. C said D.", "C said D.");
        let before = claim.clone();
        assert_eq!(reanchor(&mut claim, &report("A said B.")), Anchor::Orphaned);
        assert_eq!(claim, before);
    }

    #[test]
    fn a_fixed_typo_is_found_fuzzily() {
        let before = STORY.replace("authority", "autority");
        assert_eq!(
            follow(
                &before,
                "Officials at the grid autority said a cable had burned through near the pier.",
                STORY,
                "Officials at the grid authority said a cable had burned through near the pier."
            ),
            Anchor::Fuzzy
        );
    }

    #[test]
    fn a_typo_fixed_in_a_short_quote_with_text_inserted_before_is_found() {
        let before = "Rain fell all night. The mayor resgned. Shops closed at noon.";
        let after = "Rain fell all night. UPDATE 14:00: The mayor resigned. Shops closed at noon.";
        assert_eq!(
            follow(before, "The mayor resgned.", after, "The mayor resigned."),
            Anchor::Fuzzy
        );
    }

    #[test]
    fn a_rewrapped_paragraph_is_found_fuzzily() {
        let wrap = |width: usize| {
            let mut out = String::new();
            let mut line = 0;
            for word in STORY.split(' ') {
                if line > 0 && line + 1 + word.len() > width {
                    out.push('\n');
                    line = 0;
                } else if line > 0 {
                    out.push(' ');
                    line += 1;
                }
                out.push_str(word);
                line += word.len();
            }
            out
        };
        let (narrow, wide) = (wrap(38), wrap(61));
        let sentence = |text: &str| {
            let from = text.find("Officials").expect("start");
            let to = text.find("pier.").expect("end") + "pier.".len();
            text[from..to].to_owned()
        };
        let (old, new) = (sentence(&narrow), sentence(&wide));
        assert_ne!(old, new, "the sentence is wrapped differently");
        assert_eq!(follow(&narrow, &old, &wide, &new), Anchor::Fuzzy);
    }

    #[test]
    fn a_word_added_or_removed_in_a_long_quote_is_found() {
        let quote =
            "Engineers restored power to the hospital first, then to the container terminal.";
        let added = quote.replace("the container", "the busy container");
        let after = STORY.replace(quote, &added);
        assert_eq!(follow(STORY, quote, &after, &added), Anchor::Fuzzy);
        let removed = quote.replace(" first,", ",");
        let after = STORY.replace(quote, &removed);
        assert_eq!(follow(STORY, quote, &after, &removed), Anchor::Fuzzy);
    }

    #[test]
    fn a_reworded_ending_is_taken_in_whole() {
        let before = "Power returned at dusk. The outage is believed to be the longest in the \
            city’s history. Investigators have not ruled out sabotage.";
        let after = "Power returned at dusk. The outage is believed to be the longest in the \
            history of the city. Investigators have not ruled out sabotage.";
        assert_eq!(
            follow(
                before,
                "The outage is believed to be the longest in the city’s history.",
                after,
                "The outage is believed to be the longest in the history of the city."
            ),
            Anchor::Fuzzy
        );
    }

    #[test]
    fn an_edited_paragraph_moved_far_away_is_found() {
        let quote =
            "Officials at the grid authority said a cable had burned through near the pier.";
        let filler = "Nothing else happened that day. ".repeat(5000);
        let edited = quote.replace("a cable", "one cable");
        let before = format!("{STORY}\n\n{filler}");
        let after = format!("{filler}\n\n{}", STORY.replace(quote, &edited));
        assert_eq!(follow(&before, quote, &after, &edited), Anchor::Fuzzy);
    }

    #[test]
    fn an_edited_quote_with_all_its_context_changed_is_orphaned() {
        let quote =
            "Officials at the grid authority said a cable had burned through near the pier.";
        let filler = "Nothing else happened that day. ".repeat(50);
        let edited = quote.replace("a cable", "one cable");
        let after = STORY.replace(quote, "") + &filler + &edited;
        let mut claim = claim_on(STORY, quote);
        assert_eq!(reanchor(&mut claim, &report(&after)), Anchor::Orphaned);
    }

    #[test]
    fn a_deleted_sentence_does_not_latch_onto_a_similar_one() {
        let text = "The port reopened on Monday. The port reopened to ferries on Tuesday. \
            Trucks queued for hours.";
        let mut claim = claim_on(text, "The port reopened on Monday.");
        let before = claim.clone();
        let changed = report("The port reopened to ferries on Tuesday. Trucks queued for hours.");
        assert_eq!(reanchor(&mut claim, &changed), Anchor::Orphaned);
        assert_eq!(claim, before);
    }

    #[test]
    fn context_beats_fewer_edits_next_door() {
        // The sentence before is closer to the old quote, but the edited claim keeps its context.
        let before = "A: The ship left port at dawn on Monday. B: The ship left port at noon on \
            Monday. Cargo was unloaded by evening.";
        let after = "A: The ship left port at dawn on Monday. B: The big ship left its port at \
            noon on Monday. Cargo was unloaded by evening.";
        assert_eq!(
            follow(
                before,
                "The ship left port at noon on Monday.",
                after,
                "The big ship left its port at noon on Monday."
            ),
            Anchor::Fuzzy
        );
    }

    #[test]
    fn a_claim_rewritten_in_place_is_orphaned() {
        // The context is intact, but the claim now says something else: its tag must not follow.
        let before = "Trucks queued all night. The port reopened on Monday. Ferries kept running.";
        let after =
            "Trucks queued all night. The port stayed closed on Monday. Ferries kept running.";
        let mut claim = claim_on(before, "The port reopened on Monday.");
        assert_eq!(reanchor(&mut claim, &report(after)), Anchor::Orphaned);
    }

    #[test]
    fn a_sentence_replaced_by_another_is_orphaned() {
        let quote =
            "Officials at the grid authority said a cable had burned through near the pier.";
        let after = STORY.replace(quote, "Nobody has said what caused the failure.");
        let mut claim = claim_on(STORY, quote);
        assert_eq!(reanchor(&mut claim, &report(&after)), Anchor::Orphaned);
    }

    #[test]
    fn reanchor_all_agrees_with_reanchor_one_by_one() {
        let quotes = [
            "The harbour lights failed at 3:40 a.m. on Tuesday.",
            "Officials at the grid authority said a cable had burned through near the pier.",
            "Engineers restored power to the hospital first, then to the container terminal.",
            "Shops along the quay stayed shut until the afternoon.",
        ];
        let after = format!(
            "Updated. {}",
            STORY
                .replace("3:40", "3:45")
                .replace("Shops along the quay stayed shut until the afternoon.", "")
        );
        let changed = report(&after);
        let mut all: Vec<Claim> = quotes.iter().map(|q| claim_on(STORY, q)).collect();
        let mut one_by_one = all.clone();
        let anchors = reanchor_all(&mut all, &changed);
        let singles: Vec<Anchor> = one_by_one
            .iter_mut()
            .map(|c| reanchor(c, &changed))
            .collect();
        assert_eq!(
            anchors,
            [
                Anchor::Fuzzy,
                Anchor::Moved,
                Anchor::Moved,
                Anchor::Orphaned
            ]
        );
        assert_eq!(anchors, singles);
        assert_eq!(all, one_by_one);
    }

    #[test]
    fn many_claims_in_a_long_report_are_found_after_a_change_at_the_top() {
        let mut text = String::new();
        for i in 0..3000 {
            let lights = i * 7919 % 1009;
            writeln!(text, "Witness {i} said the {lights}\nlights went out.").expect("writes");
        }
        let r = report(&text);
        let mut claims: Vec<Claim> = text
            .match_indices("Witness")
            .step_by(3)
            .map(|(at, _)| {
                let end = at + text[at..].find(".\n").expect("line ends") + 1;
                Claim::new(&r, at..end, "sourced", "ana", now())
            })
            .collect();
        let quotes: Vec<String> = claims.iter().map(|c| c.quote.clone()).collect();
        let changed = report(&format!(
            "Correction appended.\n{}",
            text.replace('\n', " ")
        ));
        let anchors = reanchor_all(&mut claims, &changed);
        for ((claim, quote), anchor) in claims.iter().zip(&quotes).zip(&anchors) {
            assert_eq!(*anchor, Anchor::Fuzzy, "{quote}");
            let span = claim.byte_span(&changed).expect("in range");
            assert_eq!(changed.text[span], quote.replace('\n', " "));
        }
    }

    #[test]
    fn a_short_quote_without_grams_is_found_at_its_old_place() {
        let before = "He was asked if the dam would hold. Yas. Then he left the room.";
        let after = "He was asked if the dam would hold. Yes. Then he left the room.";
        assert_eq!(follow(before, "Yas.", after, "Yes."), Anchor::Fuzzy);
    }

    fn naive(pattern: &[char], text: &[char], anchored: bool) -> Vec<usize> {
        let mut column: Vec<usize> = (0..=pattern.len()).collect();
        let mut out = Vec::new();
        for (j, &t) in text.iter().enumerate() {
            let mut next = vec![if anchored { j + 1 } else { 0 }];
            for (i, &p) in pattern.iter().enumerate() {
                let best = (column[i] + usize::from(p != t))
                    .min(column[i + 1] + 1)
                    .min(next[i] + 1);
                next.push(best);
            }
            out.push(next[pattern.len()]);
            column = next;
        }
        out
    }

    /// Words of random letters: sentences that share no more than chance with each other.
    fn sentence() -> impl Strategy<Value = String> {
        prop::collection::vec("[a-z]{2,9}", 6..14).prop_map(|words| {
            let mut s = words.join(" ");
            s.push('.');
            s[..1].to_ascii_uppercase() + &s[1..]
        })
    }

    proptest! {
        #[test]
        fn reanchor_all_finds_every_claim_after_an_insertion(
            words in prop::collection::vec("[a-z]{3,9}", 12..40),
            cut in 0usize..6,
            insert in "[A-Za-z ,.]{1,80}",
        ) {
            // Six distinct sentences, each a claim; text is inserted between two of them.
            let sentences: Vec<String> = words
                .chunks(words.len() / 6)
                .take(6)
                .enumerate()
                .map(|(i, chunk)| format!("Claim {i} says {}.", chunk.join(" ")))
                .collect();
            let text = sentences.join(" ");
            let before = report(&text);
            let mut claims: Vec<Claim> = sentences
                .iter()
                .map(|q| {
                    let at = text.find(q.as_str()).expect("sentence in text");
                    Claim::new(&before, at..at + q.len(), "sourced", "ana", now())
                })
                .collect();
            let mut changed = sentences.clone();
            changed.insert(cut, insert.clone());
            let after = report(&changed.join(" "));
            let anchors = reanchor_all(&mut claims, &after);
            for (claim, anchor) in claims.iter().zip(anchors) {
                prop_assert!(matches!(anchor, Anchor::Exact | Anchor::Moved), "{anchor:?}");
                let span = claim.byte_span(&after).expect("in range");
                prop_assert_eq!(&after.text[span], claim.quote.as_str());
            }
        }
    }

    proptest! {
        #[test]
        fn myers_agrees_with_the_textbook_table(
            pattern in "[abc ]{1,150}",
            text in "[abcd ]{0,200}",
            anchored in any::<bool>(),
        ) {
            let pattern: Vec<char> = pattern.chars().collect();
            let text: Vec<char> = text.chars().collect();
            prop_assert_eq!(
                Pattern::new(&pattern).distances(text.iter().copied(), anchored),
                naive(&pattern, &text, anchored)
            );
        }

        #[test]
        fn moved_text_is_found(head in "[a-z .é]{0,40}", quote in "[A-Z][a-z ]{3,20}\\.", tail in "[a-z .]{0,40}", insert in "[a-z ]{1,30}") {
            let text = format!("{head}{quote}{tail}");
            let mut claim = claim_on(&text, &quote);
            prop_assume!(!insert.contains(&quote) && !head.contains(&quote));
            let changed = report(&format!("{insert}{text}"));
            prop_assert_ne!(reanchor(&mut claim, &changed), Anchor::Orphaned);
            let span = claim.byte_span(&changed).expect("in range");
            prop_assert_eq!(&changed.text[span], quote.as_str());
        }

        #[test]
        fn edits_away_from_the_quote_keep_it(
            sentences in prop::collection::vec(sentence(), 3..12),
            pick in any::<prop::sample::Index>(),
            edits in prop::collection::vec((any::<prop::sample::Index>(), "[a-z .\n]{0,40}", 0_usize..30), 1..5),
        ) {
            let text = sentences.join(" ");
            let quote = pick.get(&sentences).clone();
            prop_assume!(text.matches(quote.as_str()).count() == 1);
            let at = text.find(&quote).expect("in text");
            let mut claim = claim_on(&text, &quote);
            // Each edit replaces up to 30 bytes by new text, away from the quote.
            let (mut new, mut quote_at) = (text.clone(), at);
            for (place, insert, cut) in &edits {
                let outside: Vec<usize> = (0..=new.len())
                    .filter(|&p| p + cut <= quote_at || p >= quote_at + quote.len())
                    .filter(|&p| p + cut <= new.len())
                    .collect();
                let p = *place.get(&outside);
                new.replace_range(p..p + cut, insert);
                if p <= quote_at {
                    quote_at = quote_at + insert.len() - cut;
                }
            }
            prop_assert_eq!(&new[quote_at..quote_at + quote.len()], quote.as_str());
            prop_assume!(new.matches(quote.as_str()).count() == 1);
            let changed = report(&new);
            let anchor = reanchor(&mut claim, &changed);
            prop_assert!(matches!(anchor, Anchor::Exact | Anchor::Moved), "{:?}", anchor);
            let span = claim.byte_span(&changed).expect("in range");
            prop_assert_eq!(span, quote_at..quote_at + quote.len());
        }

        #[test]
        fn small_edits_inside_a_long_quote_are_found(
            sentences in prop::collection::vec(sentence(), 3..8),
            long in prop::collection::vec("[a-z]{2,9}", 16..30),
            place in any::<prop::sample::Index>(),
            edits in prop::collection::vec((any::<prop::sample::Index>(), 0_u8..3, "[a-z]"), 1..3),
        ) {
            let quote = format!("Long {}.", long.join(" "));
            let mut parts = sentences.clone();
            parts.insert(place.index(parts.len() + 1), quote.clone());
            let text = parts.join(" ");
            let at = text.find(&quote).expect("in text");
            let mut claim = claim_on(&text, &quote);
            // Replace, insert or delete letters at least 6 bytes inside the quote.
            let mut edited = quote.clone();
            for (where_, kind, letter) in &edits {
                let inner: Vec<usize> = (6..edited.len() - 6).collect();
                let p = *where_.get(&inner);
                match kind {
                    0 => edited.replace_range(p..=p, letter),
                    1 => edited.insert_str(p, letter),
                    _ => edited.replace_range(p..=p, ""),
                }
            }
            prop_assume!(edited != quote);
            let new = format!("{}{edited}{}", &text[..at], &text[at + quote.len()..]);
            let changed = report(&new);
            let anchor = reanchor(&mut claim, &changed);
            prop_assert_eq!(anchor, Anchor::Fuzzy);
            prop_assert_eq!(&claim.quote, &edited);
            let span = claim.byte_span(&changed).expect("in range");
            prop_assert_eq!(span, at..at + edited.len());
        }

        #[test]
        fn unrelated_text_never_matches(
            sentences in prop::collection::vec(sentence(), 2..12),
            pick in any::<prop::sample::Index>(),
            others in prop::collection::vec(sentence(), 0..6),
        ) {
            let text = sentences.join(" ");
            let quote = pick.get(&sentences).clone();
            let mut claim = claim_on(&text, &quote);
            let before = claim.clone();
            // The claim's sentence is deleted; some new unrelated sentences may come in.
            let rest: Vec<&String> = sentences.iter().filter(|s| **s != quote).chain(&others).collect();
            let new = rest.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(" ");
            let anchor = reanchor(&mut claim, &report(&new));
            prop_assert_eq!(anchor, Anchor::Orphaned);
            prop_assert_eq!(claim, before);
        }
    }
}
