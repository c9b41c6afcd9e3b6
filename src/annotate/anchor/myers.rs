//! Edit distance by Myers' bit-parallel algorithm, and the similarity it gives.

use std::collections::HashMap;

/// `1 - edits / len`, in thousandths (`len` is never 0).
pub(super) fn similarity(edits: usize, len: usize) -> usize {
    1000 - 1000 * edits.min(len) / len.max(1)
}

/// A pattern prepared for Myers' bit-parallel edit distance (G. Myers, 1999, in the blocked
/// form H. Hyyrö gave it): one bit per pattern position, 64 per machine word, so each code point
/// of text costs one step per 64 code points of pattern instead of one per code point.
pub(super) struct Pattern {
    /// Code points in the pattern (at least one).
    pub(super) len: usize,
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
    pub(super) fn new(chars: &[char]) -> Self {
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
    pub(super) fn similarity(&self, chars: impl Iterator<Item = char>) -> usize {
        let mut edits = self.len;
        self.run(chars.take(self.len), true, |distance| edits = distance);
        similarity(edits, self.len)
    }

    /// For each `j` from 1 to the length of `text`, the fewest edits turning the pattern into
    /// some stretch of text ending at `j` (`anchored`: into all of the first `j` code points), at
    /// index `j - 1`.
    pub(super) fn distances(
        &self,
        text: impl ExactSizeIterator<Item = char>,
        anchored: bool,
    ) -> Vec<usize> {
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
