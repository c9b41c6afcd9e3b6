//! Finding the few bytes that matter.
//!
//! Both passes skip over ordinary text with one table look-up per byte, and
//! only look closer at bytes that may start a line break or a terminal
//! punctuation mark. In UTF-8 every such character starts with one of a
//! handful of bytes, so the table marks those lead bytes and the caller
//! decodes the character to be sure.

/// Bytes that may start a line break: `\n`, `\r`, vertical tab, form feed,
/// and the lead bytes of U+0085, U+2028 and U+2029.
pub(super) const BREAK: u8 = 1;

/// Bytes that may start a character that ends a sentence: `.`, `?`, `!`,
/// and the lead bytes of `…`, `‼`, `‽`, `⁇`, `⁈`, `⁉`, `。`, `！`, `？`,
/// `｡`, `؟`, `۔`, `।`, `॥` and `።`.
pub(super) const STOP: u8 = 2;

/// The class bits of every byte.
const CLASSES: [u8; 256] = classes();

const fn classes() -> [u8; 256] {
    let mut table = [0; 256];
    table[b'\n' as usize] = BREAK;
    table[b'\r' as usize] = BREAK;
    table[0x0B] = BREAK;
    table[0x0C] = BREAK;
    table[0xC2] = BREAK;
    table[0xE2] = BREAK | STOP;
    table[b'.' as usize] = STOP;
    table[b'?' as usize] = STOP;
    table[b'!' as usize] = STOP;
    table[0xD8] = STOP;
    table[0xDB] = STOP;
    table[0xE0] = STOP;
    table[0xE1] = STOP;
    table[0xE3] = STOP;
    table[0xEF] = STOP;
    table
}

/// The first offset in `bytes[from..to]` whose byte is in `class`.
///
/// The bytes are read eight at a time as one `u64`, and a word that holds
/// no candidate at all (no byte of the class's ASCII set and no byte above
/// 0x7F) is skipped whole; only the other words are looked up byte by byte.
pub(super) fn find(bytes: &[u8], from: usize, to: usize, class: u8) -> Option<usize> {
    let (words, tail) = bytes[from..to].as_chunks::<8>();
    for (i, word) in words.iter().enumerate() {
        if may_hold(u64::from_le_bytes(*word), class)
            && let Some(offset) = position(word, class)
        {
            return Some(from + i * 8 + offset);
        }
    }
    position(tail, class).map(|offset| to - tail.len() + offset)
}

/// The first offset in `bytes` whose byte is in `class`.
fn position(bytes: &[u8], class: u8) -> Option<usize> {
    bytes
        .iter()
        .position(|&byte| CLASSES[usize::from(byte)] & class != 0)
}

/// Every byte of a `u64` set to 0x01.
const ONES: u64 = u64::from_le_bytes([0x01; 8]);

/// Every byte of a `u64` set to 0x80.
const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);

/// Whether the eight bytes of `word` may hold a byte of `class`: they hold
/// a byte above 0x7F, or one of the class's ASCII bytes. May say yes when
/// the answer is no, never the other way round.
fn may_hold(word: u64, class: u8) -> bool {
    if word & HIGHS != 0 {
        return true;
    }
    let breaks = class & BREAK != 0 && has_byte_below(word, 0x0E);
    let stops =
        class & STOP != 0 && (has_byte(word, b'.') || has_byte(word, b'?') || has_byte(word, b'!'));
    breaks || stops
}

/// Whether one of the (ASCII) bytes of `word` equals `byte`.
fn has_byte(word: u64, byte: u8) -> bool {
    has_byte_below(word ^ (ONES * u64::from(byte)), 1)
}

/// Whether one of the (ASCII) bytes of `word` is below `limit`: subtracting
/// `limit` from every byte borrows into the high bit of exactly the bytes
/// that were below it.
fn has_byte_below(word: u64, limit: u8) -> bool {
    word.wrapping_sub(ONES * u64::from(limit)) & !word & HIGHS != 0
}

/// The line break starting at `at`, if there is one, as its length in bytes
/// and whether it separates paragraphs by itself (form feed, U+2029).
/// `\r\n` is reported as `\r`; the caller joins the pair.
pub(super) fn line_break_at(bytes: &[u8], at: usize) -> Option<(usize, bool)> {
    match (bytes[at], bytes.get(at + 1), bytes.get(at + 2)) {
        (b'\n' | b'\r' | 0x0B, _, _) => Some((1, false)),
        (0x0C, _, _) => Some((1, true)),
        (0xC2, Some(0x85), _) => Some((2, false)),
        (0xE2, Some(0x80), Some(0xA8)) => Some((3, false)),
        (0xE2, Some(0x80), Some(0xA9)) => Some((3, true)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The answer `find` must give, one byte at a time.
    fn find_slowly(bytes: &[u8], from: usize, to: usize, class: u8) -> Option<usize> {
        (from..to).find(|&i| CLASSES[usize::from(bytes[i])] & class != 0)
    }

    /// Bytes that are mostly plain ASCII letters, with the class bytes mixed in.
    fn bytes() -> impl Strategy<Value = Vec<u8>> {
        prop::collection::vec(
            prop_oneof![
                8 => b'a'..=b'z',
                1 => prop::sample::select(vec![
                    b'.', b'?', b'!', b'\n', b'\r', 0x09, 0x0B, 0x0C, 0x0D, 0x0E, b' ', 0x7F,
                    0x80, 0x85, 0xA8, 0xC2, 0xD8, 0xE2, 0xE3, 0xEF, 0xFF,
                ]),
                1 => any::<u8>(),
            ],
            0..200,
        )
    }

    proptest! {
        #[test]
        fn find_agrees_with_a_byte_loop(bytes in bytes(), a in 0_usize..200, b in 0_usize..200) {
            let (from, to) = (a.min(b).min(bytes.len()), a.max(b).min(bytes.len()));
            for class in [BREAK, STOP, BREAK | STOP] {
                prop_assert_eq!(
                    find(&bytes, from, to, class),
                    find_slowly(&bytes, from, to, class)
                );
            }
        }
    }

    #[test]
    fn every_line_break_and_stop_starts_with_a_class_byte() {
        for c in [
            '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
        ] {
            let mut buffer = [0; 4];
            let bytes = c.encode_utf8(&mut buffer).as_bytes();
            assert_ne!(CLASSES[usize::from(bytes[0])] & BREAK, 0, "{c:?}");
            assert!(line_break_at(bytes, 0).is_some(), "{c:?}");
        }
        for c in ".?!…‼‽⁇⁈⁉。！？｡؟۔।॥።".chars() {
            assert!(super::super::split::is_terminal(c), "{c:?}");
            let mut buffer = [0; 4];
            let bytes = c.encode_utf8(&mut buffer).as_bytes();
            assert_ne!(CLASSES[usize::from(bytes[0])] & STOP, 0, "{c:?}");
        }
    }
}
