//! Pass 1: the lines of the text, and whether the break between two lines
//! is a soft wrap inside running prose or a real boundary.

use unicode_width::UnicodeWidthChar;

use super::list::list_marker_len;
use super::scan::{self, BREAK};
use super::split::{is_closer, is_opener, is_terminal};
use super::words::{is_connector, is_function_word, is_sentence_opener};

/// Narrowest line, in terminal columns, taken as part of a hard-wrapped
/// paragraph. Prose wrapped at 50 columns or more keeps its non-final lines
/// above this, while headings, bylines and list items are usually below it.
const WRAP_MIN: usize = 40;

/// Widest line, in columns, taken as part of a hard-wrapped paragraph.
/// Text is hard-wrapped at 60 to 80 columns, seldom at 100; a wider line is
/// a paragraph of its own, as in text written one paragraph per line.
const WRAP_MAX: usize = 100;

/// How much room, in columns, a line must leave under the widest line near
/// it, beyond what the next line's first word needs, before the break after
/// it counts as deliberate. Hand-wrapped text is ragged by a few columns.
const WRAP_SLACK: usize = 3;

/// A non-blank line of the text, trimmed, without its line terminator.
#[derive(Clone, Copy, Debug)]
pub(super) struct Line {
    /// Byte offset of the first non-white-space character.
    pub(super) start: usize,
    /// Byte offset just past the last non-white-space character.
    pub(super) end: usize,
    /// Whether a blank line or a paragraph separator stands between this
    /// line and the one before: a break there is always a boundary.
    pub(super) after_gap: bool,
    /// Width in terminal columns, counted up to `WRAP_MAX + 1` only.
    width: usize,
}

/// The non-blank lines of a text, in order.
pub(super) struct Lines<'a> {
    text: &'a str,
    /// Where the next raw line starts, or `None` past the end of the text.
    next_start: Option<usize>,
    /// Whether the last line returned ended with a paragraph separator.
    gap: bool,
}

impl<'a> Lines<'a> {
    /// The lines of `text`.
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            text,
            next_start: Some(0),
            gap: false,
        }
    }

    /// The next raw line, as its byte range and whether its terminator is a
    /// paragraph separator.
    fn next_raw(&mut self) -> Option<(usize, usize, bool)> {
        let start = self.next_start?;
        let bytes = self.text.as_bytes();
        let mut from = start;
        while let Some(found) = scan::find(bytes, from, bytes.len(), BREAK) {
            if let Some((len, paragraph_end)) = scan::line_break_at(bytes, found) {
                let mut after = found + len;
                if bytes[found] == b'\r' && bytes.get(after) == Some(&b'\n') {
                    after += 1;
                }
                self.next_start = Some(after);
                return Some((start, found, paragraph_end));
            }
            from = found + 1;
        }
        self.next_start = None;
        Some((start, bytes.len(), false))
    }
}

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        let mut after_gap = std::mem::take(&mut self.gap);
        while let Some((start, end, paragraph_end)) = self.next_raw() {
            let raw = &self.text[start..end];
            let content = raw.trim();
            if content.is_empty() {
                after_gap = true;
                continue;
            }
            let start = start + (raw.len() - raw.trim_start().len());
            self.gap = paragraph_end;
            return Some(Line {
                start,
                end: start + content.len(),
                after_gap,
                width: columns(content),
            });
        }
        None
    }
}

/// The width of `line` in terminal columns, counted up to `WRAP_MAX + 1`
/// only, which is all the heuristics need.
fn columns(line: &str) -> usize {
    let head = &line.as_bytes()[..line.len().min(WRAP_MAX + 1)];
    if head.is_ascii() {
        return head.len();
    }
    let ascii = head.iter().take_while(|byte| byte.is_ascii()).count();
    let mut width = ascii;
    for c in line[ascii..].chars() {
        width += if c.is_ascii() {
            1
        } else {
            c.width().unwrap_or(0)
        };
        if width > WRAP_MAX {
            break;
        }
    }
    width
}

/// Two neighbouring lines of one paragraph and the lines around them: the
/// context in which the break between `prev` and `next` is judged.
pub(super) struct Break<'a> {
    /// The whole text.
    pub(super) text: &'a str,
    /// The line before `prev`, when no blank line separates them.
    pub(super) before: Option<&'a Line>,
    /// The line the break ends.
    pub(super) prev: &'a Line,
    /// The line after the break.
    pub(super) next: &'a Line,
    /// The line after `next`, when no blank line separates them.
    pub(super) after: Option<&'a Line>,
}

impl Break<'_> {
    /// Whether the single line break between `prev` and `next` is a soft
    /// wrap, to be read as a space, rather than the end of a sentence.
    pub(super) fn is_soft(&self) -> bool {
        let prev = &self.text[self.prev.start..self.prev.end];
        let next = &self.text[self.next.start..self.next.end];
        if list_marker_len(prev) == Some(prev.len()) {
            // A list marker alone on its line belongs to the item below it.
            return true;
        }
        if is_heading(prev) || is_heading(next) || starts_item_after(prev, next) {
            return false;
        }
        let (prev_width, next_width) = (self.prev.width, self.next.width);
        if !(WRAP_MIN..=WRAP_MAX).contains(&prev_width) || next_width > WRAP_MAX {
            return false;
        }
        if prev_width * 4 < next_width * 3 || self.among_long_lines() {
            return false;
        }
        if starts_lowercase(next) || ends_with_function_word(prev) {
            return true;
        }
        if next_width < WRAP_MIN && !ends_like_prose(next) {
            return false;
        }
        !(ends_with_word(prev)
            && (self.next_word_fits(next) || (is_title_case(prev) && !continues_name(prev, next))))
    }

    /// Whether `prev` and `next` are short lines between lines too wide to be
    /// hard-wrapped, with no wrapped-looking line beside them: then the text
    /// is written one paragraph per line and these are short paragraphs.
    fn among_long_lines(&self) -> bool {
        let long = |line: Option<&Line>| line.is_some_and(|line| line.width > WRAP_MAX);
        let long_or_none = |line: Option<&Line>| line.is_none_or(|line| line.width > WRAP_MAX);
        (long(self.before) || long(self.after))
            && long_or_none(self.before)
            && long_or_none(self.after)
    }

    /// Whether the first word of `next` would have fitted on `prev` with
    /// room to spare, judged against the widest line nearby: then the line
    /// was ended on purpose, as after a heading.
    fn next_word_fits(&self, next: &str) -> bool {
        let widest = [self.before, Some(self.prev), Some(self.next), self.after]
            .into_iter()
            .flatten()
            .map(|line| line.width)
            .filter(|&width| width <= WRAP_MAX)
            .max()
            .unwrap_or(0);
        let word = next.split(char::is_whitespace).next().unwrap_or_default();
        self.prev.width + 1 + columns(word) + WRAP_SLACK <= widest
    }
}

/// Whether `next` starts a list item, so the break before it is never
/// soft. A number (`71.`, `2)`) or a bracketed label (`(2)`, `(G)`) after a
/// line that does not end a sentence, and is no list item itself, goes on
/// with it instead: a number that the wrap carried over (`his age as` /
/// `71. It listed ...`), or the next part of a sentence that enumerates
/// (`(1) situs,` / `(2) fair and equitable assessment`).
fn starts_item_after(prev: &str, next: &str) -> bool {
    if !starts_list_item(next) {
        return false;
    }
    let labelled = next.starts_with(|c: char| c.is_ascii_digit() || c == '(');
    !labelled || ends_like_sentence(prev) || list_marker_len(prev).is_some()
}

/// A Markdown-style heading: one to six `#` and then white space.
fn is_heading(line: &str) -> bool {
    let rest = line.trim_start_matches('#');
    let hashes = line.len() - rest.len();
    (1..=6).contains(&hashes) && rest.chars().next().is_none_or(char::is_whitespace)
}

/// Whether `line` starts a list item, so the break before it is never soft.
///
/// This is stricter than a list marker at the start of a sentence: a capital
/// letter and a period (`A. Smith`) may be an initial that a wrapped line
/// starts with, and a dash before a lower-case word (`— and then`) is more
/// likely punctuation carried over from the line before.
fn starts_list_item(line: &str) -> bool {
    let Some(len) = list_marker_len(line) else {
        return false;
    };
    let marker = &line[..len];
    if marker.ends_with('.') && marker.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    !(matches!(marker, "–" | "—") && starts_lowercase(line[len..].trim_start()))
}

/// Whether the first letter of `line`, after any opening quotes or
/// brackets, is lower-case.
fn starts_lowercase(line: &str) -> bool {
    line.trim_start_matches(is_opener)
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

/// Whether `line` ends the way a line of prose does: with terminal
/// punctuation (perhaps inside quotes) or with `,`, `;` or `:`.
fn ends_like_prose(line: &str) -> bool {
    line.trim_end_matches(is_closer)
        .chars()
        .next_back()
        .is_some_and(|c| is_terminal(c) || matches!(c, ',' | ';' | ':'))
}

/// Whether `line` ends a sentence or opens a list: with terminal
/// punctuation (perhaps inside quotes or brackets) or a colon.
fn ends_like_sentence(line: &str) -> bool {
    line.trim_end_matches(is_closer)
        .chars()
        .next_back()
        .is_some_and(|c| is_terminal(c) || c == ':')
}

/// Whether the last word of `line` is a function word (`the`, `of`, `and`),
/// which no heading ends with and which a wrapped line often does.
fn ends_with_function_word(line: &str) -> bool {
    is_function_word(line.rsplit(char::is_whitespace).next().unwrap_or_default())
}

/// Whether the break between `prev` and `next` falls inside a name: `prev`
/// ends with a capitalised word and `next` starts with one that opens no
/// sentence and goes on like a name, before a comma, a bracket, another
/// capitalised word or a connector (`... Mayor Terry` / `Schrunk, all
/// Democrats`, `... Howard` / `Cox of Austin`).
fn continues_name(prev: &str, next: &str) -> bool {
    let last = prev.rsplit(char::is_whitespace).next().unwrap_or_default();
    let mut words = next.split(char::is_whitespace);
    let first = words.next().unwrap_or_default();
    let word = first.trim_end_matches(|c: char| !c.is_alphanumeric());
    let second = words.next().unwrap_or_default();
    if last.starts_with(char::is_uppercase) && first.starts_with('(') {
        // `... Rural Development` / `(Circular No. 44), and ...`
        return true;
    }
    last.starts_with(char::is_uppercase)
        && first.starts_with(char::is_uppercase)
        && !is_sentence_opener(word, false)
        && (first.ends_with([',', ')', ';'])
            || second.starts_with(char::is_uppercase)
            || is_connector(second))
}

/// Whether `line` ends with a letter or digit rather than punctuation.
fn ends_with_word(line: &str) -> bool {
    line.chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Whether `line` reads like a title-case headline: at least three
/// capitalised words, no lower-case word longer than four letters (short
/// words such as "of", "the" and "with" may stay lower-case), and fewer
/// than two commas.
fn is_title_case(line: &str) -> bool {
    let (mut capitalised, mut commas) = (0, 0);
    for word in line.split_whitespace() {
        commas += usize::from(word.ends_with(','));
        let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = word.chars().next() else {
            continue;
        };
        if first.is_uppercase() {
            capitalised += 1;
        } else if first.is_lowercase() && word.chars().nth(4).is_some() {
            return false;
        }
    }
    // A line of names and commas (`Methodist, Moravian, and Roman`) is a
    // list inside a sentence.
    capitalised >= 3 && commas < 2
}
