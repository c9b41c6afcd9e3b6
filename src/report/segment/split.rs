//! Pass 2: splitting one block of running text into sentences.

use std::ops::Range;

use super::scan::{self, STOP};
use super::words::{self, Abbreviation};

/// Bytes looked at before a period for the word it ends; a longer word is
/// no abbreviation.
const LOOKBEHIND: usize = 32;

/// Letters of the next word that are examined.
const LOOKAHEAD_CHARS: usize = 24;

/// Words after a quotation searched for a verb of speech (`Dr. Hale asked`).
const SPEECH_WORDS: usize = 4;

/// Splits `block`, a range of `text` that holds no real line boundary, into
/// sentences, and appends their trimmed ranges to `out`.
pub(super) fn split_block(text: &str, block: Range<usize>, out: &mut Vec<Range<usize>>) {
    // Cutting the text at the block's end bounds every look-ahead.
    let s = &text[..block.end];
    let mut sentence_start = block.start;
    let mut pos = skip_list_marker(s, block.start);
    while let Some(found) = next_stop(s, pos) {
        let run = Run::scan(s, found);
        if run.ends_sentence(s, block.start) {
            push_trimmed(text, sentence_start..run.end, out);
            sentence_start = run.end;
            pos = skip_list_marker(s, run.end);
        } else {
            pos = run.end;
        }
    }
    push_trimmed(text, sentence_start..block.end, out);
}

/// The offset of the next character at or after `pos` that can end a
/// sentence.
fn next_stop(s: &str, mut pos: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    while let Some(found) = scan::find(bytes, pos, bytes.len(), STOP) {
        if bytes[found].is_ascii() || s[found..].chars().next().is_some_and(is_terminal) {
            return Some(found);
        }
        pos = found + 1;
    }
    None
}

/// Past the list marker (`1.`, `a)`, `•`) that the sentence starting at or
/// after `pos` opens with, or `pos` itself when there is none: a marker's
/// period is not the end of a sentence, and the marker stays with its item.
fn skip_list_marker(s: &str, pos: usize) -> usize {
    let rest = &s[pos..];
    let start = pos + (rest.len() - rest.trim_start().len());
    list_marker_len(&s[start..]).map_or(pos, |len| start + len)
}

/// The byte length of the list marker that `line` starts with, if any,
/// followed by white space or nothing: a bullet (`-`, `*`, `•`, `–` ...),
/// or a label of up to three digits (with dotted sub-levels: `2.1.`), one
/// letter or a small Roman numeral, closed by `.` or `)`, or enclosed in
/// brackets: `1.`, `1)`, `(1)`, `a.`, `b)`, `(c)`, `iv.`.
pub(super) fn list_marker_len(line: &str) -> Option<usize> {
    let first = line.chars().next()?;
    let len = if is_bullet(first) {
        first.len_utf8()
    } else {
        label_len(line.as_bytes())?
    };
    line[len..]
        .chars()
        .next()
        .is_none_or(char::is_whitespace)
        .then_some(len)
}

/// The length of a numbered or lettered list label at the start of `bytes`.
fn label_len(bytes: &[u8]) -> Option<usize> {
    let open = usize::from(bytes.first() == Some(&b'('));
    let body = &bytes[open..];
    let label = if body.first().is_some_and(u8::is_ascii_digit) {
        numbered_label_len(body)?
    } else {
        let roman = body
            .iter()
            .take_while(|byte| matches!(byte, b'i' | b'v' | b'x' | b'I' | b'V' | b'X'))
            .count();
        if (1..=4).contains(&roman) {
            roman
        } else if body.first().is_some_and(u8::is_ascii_alphabetic) {
            1
        } else {
            return None;
        }
    };
    match (open, body.get(label)) {
        (1, Some(b')')) | (0, Some(b'.' | b')')) => Some(open + label + 1),
        _ => None,
    }
}

/// The length of `1`, `12`, `2.1` or `3.1.4` at the start of `body`: groups
/// of one to three digits joined by periods.
fn numbered_label_len(body: &[u8]) -> Option<usize> {
    let mut len = 0;
    loop {
        let digits = body[len..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if !(1..=3).contains(&digits) {
            return None;
        }
        len += digits;
        let continues =
            body.get(len) == Some(&b'.') && body.get(len + 1).is_some_and(u8::is_ascii_digit);
        if !continues {
            return Some(len);
        }
        len += 1;
    }
}

/// Characters that mark an item of a bulleted list.
fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '-' | '*'
            | '+'
            | '•'
            | '◦'
            | '▪'
            | '▫'
            | '‣'
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

/// Characters that can end a sentence.
pub(super) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '?'
            | '!'
            | '…'
            | '‼'
            | '‽'
            | '⁇'
            | '⁈'
            | '⁉'
            | '。'
            | '！'
            | '？'
            | '｡'
            | '؟'
            | '۔'
            | '।'
            | '॥'
            | '።'
    )
}

/// Closing quotes and brackets that stay with the sentence they follow.
pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '»'
            | '›'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '】'
            | '〕'
            | '》'
            | '〉'
    )
}

/// Opening quotes and brackets that may stand before a sentence's first
/// word.
pub(super) fn is_opener(c: char) -> bool {
    is_opening_quote(c)
        || matches!(
            c,
            '(' | '[' | '{' | '¿' | '¡' | '（' | '【' | '〔' | '《' | '〈'
        )
}

/// Opening quotation marks, straight or curly.
fn is_opening_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '„' | '‚' | '«' | '‹' | '「' | '『'
    )
}

/// Closing quotation marks, straight or curly.
fn is_closing_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | '」' | '』')
}

/// What a run of terminal punctuation consists of.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// A single `.`.
    Period,
    /// `...`, `…`, `. . .`, or more periods.
    Ellipsis,
    /// Holds `?` or `!` (or `‽` ...).
    Question,
    /// Holds a stop of a script written without spaces (`。`, `！`, `？`):
    /// it ends the sentence even with no space after it.
    FullWidth,
    /// Holds a stop of a script without letter case (`؟`, `।`): it ends the
    /// sentence before any word.
    Caseless,
}

/// A run of terminal punctuation together with the closing quotes and
/// brackets, and any footnote mark such as `[3]`, that follow it.
struct Run {
    /// Byte offset of the first punctuation mark.
    start: usize,
    /// Byte offset just past the run.
    end: usize,
    kind: Kind,
    /// Whether the run ends with a closing quotation mark.
    quoted: bool,
}

impl Run {
    /// Reads the run that starts at `start`.
    fn scan(s: &str, start: usize) -> Self {
        let bytes = s.as_bytes();
        let mut end = start;
        let mut periods = 0_usize;
        let (mut ellipsis, mut question, mut full_width, mut caseless) =
            (false, false, false, false);
        let mut quoted = false;
        if let Some(spaced_end) = spaced_ellipsis_end(bytes, start) {
            end = spaced_end;
            ellipsis = true;
        }
        while let Some(c) = s[end..].chars().next() {
            if let Some(len) = spaced_guillemet_len(&s[end..]) {
                quoted = true;
                end += len;
                continue;
            }
            match c {
                '.' => periods += 1,
                '…' => ellipsis = true,
                '?' | '!' | '‼' | '‽' | '⁇' | '⁈' | '⁉' => question = true,
                '。' | '！' | '？' | '｡' => full_width = true,
                '؟' | '۔' | '।' | '॥' | '።' => caseless = true,
                c if is_closer(c) => {}
                _ => break,
            }
            quoted = is_closing_quote(c);
            end += c.len_utf8();
        }
        end += footnote_len(&bytes[end..]);
        let kind = if full_width {
            Kind::FullWidth
        } else if caseless {
            Kind::Caseless
        } else if question {
            Kind::Question
        } else if ellipsis || periods > 1 {
            Kind::Ellipsis
        } else {
            Kind::Period
        };
        Self {
            start,
            end,
            kind,
            quoted,
        }
    }

    /// Whether the run ends the sentence, in the block `s` (cut at its end)
    /// that starts at `block_start`.
    fn ends_sentence(&self, s: &str, block_start: usize) -> bool {
        let rest = &s[self.end..];
        if self.kind == Kind::FullWidth {
            // A Japanese quotation closed with `」` goes on when a quoting
            // particle follows: `「本当ですか？」と記者は尋ねた。`
            return !(self.quoted && rest.starts_with(['と', 'っ']));
        }
        match rest.chars().next() {
            None => return true,
            Some(c) if !c.is_whitespace() => return false,
            Some(_) => {}
        }
        let next = NextWord::after(rest);
        let Some(first) = next.first else {
            return true;
        };
        match self.kind {
            Kind::FullWidth | Kind::Caseless => true,
            Kind::Question => !(first.is_lowercase() || (self.quoted && next.is_speech_tag())),
            Kind::Ellipsis => first.is_uppercase(),
            Kind::Period => {
                let token = token_before(s, block_start, self.start);
                period_ends_sentence(words::classify(token), first, &next)
            }
        }
    }
}

/// The length of a space and a closing guillemet at the start of `rest`, as
/// French typography sets them (`« Non. »`), or `None`.
fn spaced_guillemet_len(rest: &str) -> Option<usize> {
    let mut chars = rest.chars();
    let space = chars
        .next()
        .filter(|&c| matches!(c, ' ' | '\u{A0}' | '\u{202F}'))?;
    let mark = chars.next().filter(|&c| matches!(c, '»' | '›'))?;
    Some(space.len_utf8() + mark.len_utf8())
}

/// The end of a spaced ellipsis (`. . .`, `. . . .`) starting at `start`:
/// three or more periods with single spaces between them.
fn spaced_ellipsis_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut dots = 1;
    let mut end = start + 1;
    while bytes.get(end) == Some(&b' ') && bytes.get(end + 1) == Some(&b'.') {
        dots += 1;
        end += 2;
    }
    (dots >= 3).then_some(end)
}

/// The length of a footnote mark at the start of `bytes`: one to three
/// letters or digits in square brackets, as in `...was said.[3] Next`.
fn footnote_len(bytes: &[u8]) -> usize {
    if bytes.first() != Some(&b'[') {
        return 0;
    }
    let label = bytes[1..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if (1..=3).contains(&label) && bytes.get(label + 1) == Some(&b']') {
        label + 2
    } else {
        0
    }
}

/// Whether a single period after a word of class `class` ends the
/// sentence, given the next word, whose first character is `first`.
fn period_ends_sentence(class: Abbreviation, first: char, next: &NextWord<'_>) -> bool {
    if first.is_lowercase() {
        return false;
    }
    match class {
        Abbreviation::Prepositive => false,
        Abbreviation::BeforeNumber | Abbreviation::Date
            if first.is_numeric() || next.is_roman_numeral() =>
        {
            false
        }
        Abbreviation::BeforeNumber | Abbreviation::Plain => true,
        Abbreviation::Date | Abbreviation::Ambiguous => next.opens_sentence(),
        Abbreviation::Pronoun => !next.before_period,
    }
}

/// The part of the word before the period at `stop` that is looked up as an
/// abbreviation. Trailing closers are dropped, and so is everything up to
/// the last character that is neither a letter, a digit nor a period:
/// `(Mr` gives `Mr`, `ex-Gen` gives `Gen`, `U.S` stays `U.S`.
fn token_before(s: &str, block_start: usize, stop: usize) -> &str {
    let mut from = stop.saturating_sub(LOOKBEHIND).max(block_start);
    while !s.is_char_boundary(from) {
        from -= 1;
    }
    let before = &s[from..stop];
    let word = match before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
    {
        Some((i, c)) => &before[i + c.len_utf8()..],
        // No white space within reach: a long word, never an abbreviation.
        None if from > block_start => return before,
        None => before,
    };
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    let token = match word
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric() && c != '.')
    {
        Some((i, c)) => &word[i + c.len_utf8()..],
        None => word,
    };
    token.trim_start_matches('.')
}

/// The start of the text after a run of terminal punctuation.
struct NextWord<'a> {
    /// First character after white space, opening quotes, brackets and
    /// dashes.
    first: Option<char>,
    /// The letters starting at `first` (at most a couple of dozen).
    word: &'a str,
    /// Whether a period follows the word directly, as after an initial.
    before_period: bool,
    /// Whether an opening quotation mark stands before the word.
    quoted: bool,
    /// The text from `first` on.
    text: &'a str,
}

impl<'a> NextWord<'a> {
    /// Reads the next word of `rest`.
    fn after(rest: &'a str) -> Self {
        let mut text = rest;
        let mut quoted = false;
        while let Some(c) = text.chars().next() {
            if !(c.is_whitespace() || is_opener(c) || matches!(c, '–' | '—')) {
                break;
            }
            quoted |= is_opening_quote(c);
            text = &text[c.len_utf8()..];
        }
        let mut end = text.len();
        for (i, c) in text.char_indices().take(LOOKAHEAD_CHARS) {
            if !c.is_alphabetic() {
                end = i;
                break;
            }
        }
        Self {
            first: text.chars().next(),
            word: &text[..end],
            before_period: text[end..].starts_with('.'),
            quoted,
            text,
        }
    }

    /// Whether the word is a Roman numeral of two letters or more, or a
    /// single `V`, `X`, `L` or `C` (`Vol. II`, `Ch. XII`). A lone `I` is
    /// taken for the pronoun.
    fn is_roman_numeral(&self) -> bool {
        !self.word.is_empty()
            && self.word != "I"
            && self.word.len() <= 6
            && self
                .word
                .bytes()
                .all(|b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C'))
    }

    /// Whether the word opens a sentence after an abbreviation that may or
    /// may not end one: a common sentence opener, a personal title, or any
    /// capitalised word that opens a quotation.
    fn opens_sentence(&self) -> bool {
        words::is_sentence_opener(self.word, self.before_period)
            || (self.quoted && self.first.is_some_and(char::is_uppercase))
    }

    /// Whether the text reads like the tag of a quotation ending in `?` or
    /// `!`: a few capitalised words (a name, a title, `I`) and then a verb of
    /// speech, as in `"Why?" Dr. Hale asked.` A capitalised sentence opener
    /// such as `He` or `The` starts a new sentence instead: a tag would have
    /// written `he`.
    fn is_speech_tag(&self) -> bool {
        if self.word != "I" && words::is_sentence_opener(self.word, false) {
            return false;
        }
        for word in self.text.split_whitespace().take(SPEECH_WORDS) {
            let word = word.trim_end_matches(|c: char| !c.is_alphabetic());
            if words::is_speech_verb(word) {
                return true;
            }
            if !word.starts_with(char::is_uppercase) {
                return false;
            }
        }
        false
    }
}

/// Appends `range` of `text`, without leading and trailing white space, to
/// `out`, unless nothing is left of it.
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let trimmed = slice.trim_start();
    let start = range.start + (slice.len() - trimmed.len());
    let end = start + trimmed.trim_end().len();
    if start < end {
        out.push(start..end);
    }
}
