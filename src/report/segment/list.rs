//! List markers: at the start of a line or a sentence (`1.`, `b)`, `(iv)`,
//! `•`, `• 9.`, `⁃10.`), and the items of an enumeration written on one line
//! (`1) seal the site 2) recover the logs`).

/// Bytes searched after a marker for the next item of its enumeration.
const ITEM_WINDOW: usize = 600;

/// A list marker at the start of a sentence.
#[derive(Clone, Copy, Debug)]
pub(super) struct Marker {
    /// Byte offset just past the marker.
    pub(super) end: usize,
    /// The label's value: the number, or the letter's place (`a` is 1); 0
    /// for a bullet alone.
    value: u32,
    /// Whether the label is a lower-case letter rather than a number.
    letter: bool,
    /// What closes the label: 1 for `.`, 2 for `)`, 3 for `.)`.
    closer: u8,
}

impl Marker {
    /// The marker at `start` of `s`, if one is there and white space or the
    /// end of `s` follows it.
    pub(super) fn at(s: &str, start: usize) -> Option<Self> {
        let line = &s[start..];
        let first = line.chars().next()?;
        if is_bullet(first) {
            let after = first.len_utf8();
            // `• 9.` and `⁃9.`: a bullet before a numbered label.
            let gap = line[after..].len() - line[after..].trim_start_matches(' ').len();
            if gap <= 1
                && let Some(mut label) = Self::label(&line.as_bytes()[after + gap..])
                && !label.letter
            {
                label.end += start + after + gap;
                return Self::ends_well(line, label.end - start).then_some(label);
            }
            let bullet = Self {
                end: start + after,
                value: 0,
                letter: false,
                closer: 0,
            };
            return Self::ends_well(line, after).then_some(bullet);
        }
        let bytes = line.as_bytes();
        if bytes.len() > 1
            && bytes[1].is_ascii_lowercase()
            && bytes[0].is_ascii_alphabetic()
            && !matches!(bytes[0], b'i' | b'v' | b'x' | b'I' | b'V' | b'X')
        {
            // A word (`The`, `Police`): the common case, decided at once.
            return None;
        }
        let mut label = Self::label(bytes)?;
        let len = label.end;
        label.end += start;
        Self::ends_well(line, len).then_some(label)
    }

    /// Whether `line[len..]` is empty or starts with white space.
    fn ends_well(line: &str, len: usize) -> bool {
        line[len..].chars().next().is_none_or(char::is_whitespace)
    }

    /// The numbered or lettered label at the start of `bytes`, with `end`
    /// relative to `bytes`: one to three digits (with dotted sub-levels:
    /// `2.1.`), one letter or a small Roman numeral, closed by `.`, `)` or
    /// `.)`, or enclosed in brackets: `1.`, `1)`, `1.)`, `(1)`, `a.`, `iv.`.
    fn label(bytes: &[u8]) -> Option<Self> {
        let open = usize::from(bytes.first() == Some(&b'('));
        let body = &bytes[open..];
        let (len, value, letter) = if body.first().is_some_and(u8::is_ascii_digit) {
            numbered_label(body)?
        } else {
            let roman = body
                .iter()
                .take_while(|byte| matches!(byte, b'i' | b'v' | b'x' | b'I' | b'V' | b'X'))
                .count();
            if (2..=4).contains(&roman) {
                (roman, 0, false)
            } else if body.first().is_some_and(u8::is_ascii_alphabetic) {
                let value = if body[0].is_ascii_lowercase() {
                    u32::from(body[0] - b'a') + 1
                } else {
                    0
                };
                (1, value, value > 0)
            } else {
                return None;
            }
        };
        let closer = match (open, body.get(len), body.get(len + 1)) {
            (0, Some(b'.'), Some(b')')) => 3,
            (0, Some(b'.'), _) => 1,
            (_, Some(b')'), _) => 2,
            _ => return None,
        };
        let closer_len = if closer == 3 { 2 } else { 1 };
        Some(Self {
            end: open + len + closer_len,
            // A bracketed label is not followed inline: `(1)` also cites.
            value: if open == 1 { 0 } else { value },
            letter,
            closer,
        })
    }

    /// Where an enumeration that starts inside a sentence begins, looking at
    /// the label that ends at `close` (the byte of its `.` or `)`): a first
    /// label (`1)`, `1.`, `1.)`, `a.`, `a)`, perhaps after a bullet, as in
    /// `• 1.` or `⁃1.`) standing after white space, whose next item (`2)`,
    /// `b.`) follows. A lone `1)` or `2.` in prose (`in 2)
    /// cases`, `version 2.`) is no enumeration, and nor are items that a
    /// conjunction joins into one sentence (`we need 1) a permit and 2) a
    /// driver`, `either 1) to wait, or 2) to leave`).
    /// `limit` gives, for the offset just past the first marker, where its
    /// next item must start by.
    pub(super) fn inline_start(
        s: &str,
        close: usize,
        limit: impl FnOnce(usize) -> usize,
    ) -> Option<usize> {
        let bytes = s.as_bytes();
        let label = close.checked_sub(1)?;
        if !matches!(bytes[label], b'1' | b'a') || !matches!(bytes[close], b'.' | b')') {
            return None;
        }
        let before = &s[..label];
        let last = before.chars().next_back()?;
        let start = if last.is_whitespace() {
            // `• 1.`: the item starts at its bullet.
            let trimmed = before.trim_end_matches(' ');
            match trimmed.chars().next_back() {
                Some(c)
                    if is_bullet(c)
                        && trimmed.len() + 1 == before.len()
                        && trimmed[..trimmed.len() - c.len_utf8()]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_whitespace) =>
                {
                    trimmed.len() - c.len_utf8()
                }
                _ => label,
            }
        } else if is_bullet(last)
            && before[..before.len() - last.len_utf8()]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace)
        {
            label - last.len_utf8()
        } else {
            return None;
        };
        let marker = Self::at(s, start)?;
        if marker.value != 1 {
            return None;
        }
        let next = marker.next_item(s, limit(marker.end))?;
        (!joined_by_conjunction(&s[marker.end..next])).then_some(start)
    }

    /// Where the next item of this marker's enumeration is in
    /// `s[self.end..limit]`, given as where it starts: the next label of the same kind (`2)` after
    /// `1)`, `c.` after `b.`), perhaps after the same bullet, standing after
    /// white space and before white space and a word.
    pub(super) fn next_item(&self, s: &str, limit: usize) -> Option<usize> {
        if self.value == 0 {
            return None;
        }
        let mut label = [0_u8; 12];
        let mut len = 0;
        if self.letter {
            let next = u8::try_from(self.value).ok().filter(|&v| v < 26)?;
            label[0] = b'a' + next;
            len = 1;
        } else {
            let next = self.value + 1;
            for digit in next.to_string().bytes() {
                label[len] = digit;
                len += 1;
            }
        }
        let closer: &[u8] = match self.closer {
            1 => b".",
            2 => b")",
            _ => b".)",
        };
        label[len..len + closer.len()].copy_from_slice(closer);
        len += closer.len();
        let label = &label[..len];
        let bytes = s.as_bytes();
        let limit = limit.min(self.end + ITEM_WINDOW).min(bytes.len());
        let window = &bytes[self.end..limit];
        memchr::memchr_iter(label[0], window).find_map(|at| {
            if !window[at..].starts_with(label) {
                return None;
            }
            let at = self.end + at;
            let after = bytes.get(at + len);
            if after.is_none_or(|&b| b != b' ') {
                return None;
            }
            let before = &s[..at];
            let last = before.chars().next_back()?;
            if last == ' ' {
                let trimmed = before.trim_end_matches(' ');
                // `• 10.`: the item starts at its bullet.
                return Some(match trimmed.chars().next_back() {
                    Some(c)
                        if is_bullet(c)
                            && trimmed[..trimmed.len() - c.len_utf8()].ends_with(' ') =>
                    {
                        trimmed.len() - c.len_utf8()
                    }
                    _ => at,
                });
            }
            (is_bullet(last) && before[..before.len() - last.len_utf8()].ends_with(' '))
                .then(|| at - last.len_utf8())
        })
    }
}

/// Whether `item` ends with `and`, `or` or `nor`, perhaps before a comma:
/// the next item continues the same sentence.
fn joined_by_conjunction(item: &str) -> bool {
    let last = item
        .trim_end()
        .trim_end_matches(',')
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    ["and", "or", "nor", "and/or"]
        .iter()
        .any(|word| last.eq_ignore_ascii_case(word))
}

/// The byte length of the list marker that `line` starts with, if any,
/// followed by white space or nothing: a bullet (`-`, `*`, `•`, `–` ...),
/// perhaps with a number after it (`• 9.`), or a label of up to three
/// digits (with dotted sub-levels: `2.1.`), one letter or a small Roman
/// numeral, closed by `.`, `)` or `.)`, or enclosed in brackets: `1.`, `1)`,
/// `(1)`, `a.`, `b)`, `(c)`, `iv.`.
pub(super) fn list_marker_len(line: &str) -> Option<usize> {
    Marker::at(line, 0).map(|marker| marker.end)
}

/// The length of `1`, `12`, `2.1` or `3.1.4` at the start of `body` (groups
/// of one to three digits joined by periods), with the value of its first
/// group when it has only one.
fn numbered_label(body: &[u8]) -> Option<(usize, u32, bool)> {
    let mut len = 0;
    let mut groups = 0;
    let mut value = 0;
    loop {
        let digits = body[len..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if !(1..=3).contains(&digits) {
            return None;
        }
        if groups == 0 {
            value = body[..digits]
                .iter()
                .fold(0, |n, &d| n * 10 + u32::from(d - b'0'));
        }
        groups += 1;
        len += digits;
        let continues =
            body.get(len) == Some(&b'.') && body.get(len + 1).is_some_and(u8::is_ascii_digit);
        if !continues {
            return Some((len, if groups == 1 { value } else { 0 }, false));
        }
        len += 1;
    }
}

/// Characters that mark an item of a bulleted list.
pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '-' | '*'
            | '+'
            | '•'
            | '◦'
            | '▪'
            | '▫'
            | '‣'
            | '⁃'
            | '–'
            | '—'
            | '·'
            | '○'
            | '●'
            | '■'
            | '□'
            | '►'
            | '▶'
            | '➢'
            | '✓'
            | '✔'
            | '→'
    )
}
