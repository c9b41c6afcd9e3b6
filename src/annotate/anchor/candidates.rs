//! Where a changed claim's text may have gone: grams of its text (whitespace left out, so they
//! survive re-wrapping) looked up in one pass over the report, and the places their hits vote for.

use std::cmp::Reverse;
use std::collections::HashMap;

use crate::annotate::Claim;

/// Bytes of text (whitespace left out) in a gram, the unit looked up to find candidate places.
const GRAM: usize = 8;
/// Grams taken from the quote, spread evenly from its first to its last.
const QUOTE_GRAMS: usize = 8;
/// A gram found more often than this tells nothing about where the quote went, and is dropped.
const MAX_GRAM_HITS: usize = 64;
/// The best-voted candidate places examined per claim (the old place comes on top).
const MAX_CANDIDATES: usize = 8;
/// Multiplier of the rolling gram hash.
const BASE: u64 = 0x0100_0000_01b3;
/// Bits of the filter that spares most positions a hash-table lookup (one per 2^20 hash values).
const FILTER_BITS: u32 = 20;

/// A gram of the claim's text looked up in the report, and where its hits put the quote's start.
pub(super) struct Gram {
    /// Rolling hash of the gram's bytes.
    hash: u64,
    /// Added to a hit's byte offset, then [`Gram::minus`] taken away, to give the quote's start.
    plus: usize,
    /// See [`Gram::plus`].
    minus: usize,
    /// The quote's first gram: every hit is kept, to find every exact copy of the quote.
    pub(super) every: bool,
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
    pub(super) fn starts(&self) -> impl Iterator<Item = usize> + '_ {
        self.hits
            .iter()
            .filter_map(|&hit| (hit + self.plus).checked_sub(self.minus))
    }
}

/// What is looked for in the whole report for one claim.
pub(super) struct Search {
    /// Byte offset of the claim's old start.
    pub(super) old: usize,
    /// The quote's first gram (when it has [`GRAM`] bytes outside whitespace) first.
    pub(super) grams: Vec<Gram>,
}

impl Search {
    pub(super) fn new(claim: &Claim, old: usize) -> Self {
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
pub(super) fn scan(text: &str, searches: &mut [(usize, Search)]) {
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

/// Where the quote may have gone: the old place, then the best-voted places by the grams' hits.
pub(super) fn candidates(search: &Search, quote_bytes: usize) -> Vec<usize> {
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
