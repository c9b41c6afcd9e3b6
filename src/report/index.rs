//! Conversion between byte offsets (what Rust slices by) and code-point offsets (what the sidecar
//! stores, as the W3C `TextPositionSelector` does).

/// How many code points lie between two checkpoints; a conversion walks at most this many.
const STEP: usize = 256;

/// A sparse table of byte offsets, one every 256 code points, so that converting an offset
/// costs a short walk instead of a scan from the start of a long report.
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// `checkpoints[i]` is the byte offset of code point `i * STEP`.
    checkpoints: Vec<usize>,
    /// Total number of code points in the text.
    chars: usize,
    /// The text is pure ASCII, so both offsets are the same number.
    ascii: bool,
}

impl CharIndex {
    /// Builds the table for `text` in one pass.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                checkpoints: Vec::new(),
                chars: text.len(),
                ascii: true,
            };
        }
        let mut checkpoints = Vec::with_capacity(text.len() / STEP + 1);
        let mut chars = 0;
        for (byte, _) in text.char_indices() {
            if chars % STEP == 0 {
                checkpoints.push(byte);
            }
            chars += 1;
        }
        Self {
            checkpoints,
            chars,
            ascii: false,
        }
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.chars
    }

    /// The byte offset of code point `char_offset`, or `None` past the end of the text.
    pub fn byte_of(&self, text: &str, char_offset: usize) -> Option<usize> {
        if char_offset > self.chars {
            return None;
        }
        if self.ascii || char_offset == self.chars {
            return Some(if self.ascii { char_offset } else { text.len() });
        }
        let base = *self.checkpoints.get(char_offset / STEP)?;
        text[base..]
            .char_indices()
            .nth(char_offset % STEP)
            .map(|(b, _)| base + b)
    }

    /// The code-point offset of `byte_offset`, which must lie on a char boundary of `text`.
    pub fn char_of(&self, text: &str, byte_offset: usize) -> usize {
        if self.ascii {
            return byte_offset.min(self.chars);
        }
        let slot = self
            .checkpoints
            .partition_point(|&b| b <= byte_offset)
            .saturating_sub(1);
        let base = self.checkpoints.get(slot).copied().unwrap_or(0);
        let end = byte_offset.min(text.len());
        slot * STEP + text.get(base..end).map_or(0, |s| s.chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_offsets_are_identical() {
        let text = "plain text";
        let index = CharIndex::new(text);
        assert_eq!(index.byte_of(text, 3), Some(3));
        assert_eq!(index.char_of(text, 7), 7);
        assert_eq!(index.byte_of(text, 11), None);
    }

    #[test]
    fn multibyte_offsets_convert_both_ways() {
        let text = "é😀a";
        let index = CharIndex::new(text);
        assert_eq!(index.len_chars(), 3);
        assert_eq!(index.byte_of(text, 1), Some(2));
        assert_eq!(index.byte_of(text, 2), Some(6));
        assert_eq!(index.byte_of(text, 3), Some(7));
        assert_eq!(index.char_of(text, 6), 2);
    }

    proptest! {
        #[test]
        fn conversions_agree_with_a_plain_walk(text in "[a-zé😀 \n]{0,700}") {
            let index = CharIndex::new(&text);
            for (n, (byte, _)) in text.char_indices().enumerate() {
                prop_assert_eq!(index.byte_of(&text, n), Some(byte));
                prop_assert_eq!(index.char_of(&text, byte), n);
            }
            prop_assert_eq!(index.byte_of(&text, index.len_chars()), Some(text.len()));
        }
    }
}
