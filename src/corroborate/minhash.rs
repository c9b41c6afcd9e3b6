//! Finding candidate pairs without comparing every sentence with every other: a `MinHash`
//! signature of each sentence's content words, cut into bands; two sentences that agree on a
//! whole band land in the same bucket and become a candidate pair, checked afterwards.
//!
//! The shingles are single normalised words, not word n-grams: a reordered clause ("when the
//! crowd turned violent, two officers were hurt") keeps its words but loses most of its
//! trigrams. With [`ROWS`] = 3 and [`BANDS`] = 48, two sentences sharing 40% of their words
//! become candidates with probability 1 − (1 − 0.4³)⁴⁸ ≈ 0.96, and 30% still 0.73; the check
//! that follows decides.

/// Rows per band.
pub const ROWS: usize = 3;
/// Bands per signature.
pub const BANDS: usize = 48;

/// A sentence's band keys: two sentences are candidates when any key at the same index is equal.
pub type Bands = [u32; BANDS];

/// The band keys of a set of word ids (not empty), given in parts.
pub fn bands(parts: &[&[u64]]) -> Bands {
    let mut mins = [u64::MAX; BANDS * ROWS];
    for &word in parts.iter().copied().flatten() {
        for (i, min) in mins.iter_mut().enumerate() {
            let h = mix(word ^ SEEDS[i]);
            if h < *min {
                *min = h;
            }
        }
    }
    let mut keys = [0u32; BANDS];
    for (band, key) in keys.iter_mut().enumerate() {
        let rows = &mins[band * ROWS..(band + 1) * ROWS];
        let mixed = rows.iter().fold(mix(band as u64 + 1), |acc, row| {
            mix(acc ^ row.rotate_left(17))
        });
        // The high half: collisions at 32 bits add a few stray candidates, checked anyway.
        *key = (mixed >> 32) as u32;
    }
    keys
}

/// One seed per hash function, fixed so that signatures are the same in every run.
const SEEDS: [u64; BANDS * ROWS] = seeds();

const fn seeds() -> [u64; BANDS * ROWS] {
    let mut out = [0u64; BANDS * ROWS];
    let mut i = 0;
    while i < out.len() {
        out[i] = mix(0x9e37_79b9_7f4a_7c15_u64.wrapping_mul(i as u64 + 1));
        i += 1;
    }
    out
}

/// `SplitMix64`'s finaliser: a cheap, well-spread 64-bit mix.
const fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The candidate pairs of one band: runs of sentences (indices into `keys`) whose key at `band`
/// is equal. A run longer than `most` is cut into windows of `most` neighbours, so a sentence
/// that thousands of reports repeat costs a bounded number of checks.
pub fn buckets(keys: &[(u32, u32)], most: usize) -> impl Iterator<Item = &[(u32, u32)]> {
    keys.chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
        .flat_map(move |run| {
            let step = most.max(2) - 1;
            (0..run.len().saturating_sub(1))
                .step_by(step)
                .map(move |at| &run[at..(at + most).min(run.len())])
        })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn equal_sets_share_every_band_and_disjoint_sets_none() {
        let a = bands(&[&[1, 2, 3, 4]]);
        assert_eq!(a, bands(&[&[4, 3], &[2, 1]]));
        let b = bands(&[&[10, 11, 12, 13]]);
        assert!(a.iter().zip(&b).all(|(x, y)| x != y));
    }

    #[test]
    fn similar_sets_usually_share_a_band() {
        let shared = (0..50)
            .filter(|&n| {
                let base = n * 100;
                let a: Vec<u64> = (base..base + 8).collect();
                let b: Vec<u64> = (base + 2..base + 10).collect();
                bands(&[&a]).iter().zip(&bands(&[&b])).any(|(x, y)| x == y)
            })
            .count();
        assert!(shared >= 45, "6 of 10 words shared, {shared}/50 found");
    }

    #[test]
    fn long_runs_are_cut_into_overlapping_windows() {
        let keys: Vec<(u32, u32)> = (0..10).map(|i| (7, i)).chain([(8, 10)]).collect();
        let windows: Vec<Vec<u32>> = buckets(&keys, 4)
            .map(|w| w.iter().map(|k| k.1).collect())
            .collect();
        assert_eq!(
            windows,
            [vec![0, 1, 2, 3], vec![3, 4, 5, 6], vec![6, 7, 8, 9]]
        );
    }
}
