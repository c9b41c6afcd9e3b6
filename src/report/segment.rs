//! Splitting report text into sentences.
//!
//! The reader steps through a report one sentence at a time, and every tag
//! is anchored to a sentence, so this module is the single place that decides
//! where sentences begin and end. It works in two passes, both linear in the
//! length of the text:
//!
//! 1. **Blocks.** The text is cut into lines, and lines are glued back into
//!    blocks wherever a line break looks like a soft wrap inside running prose
//!    (see [`sentences`] for the exact heuristic). Every other line break, and
//!    every blank line, ends a block, so a block never spans a heading, a
//!    byline or a list item and the next line.
//! 2. **Sentences.** Each block is scanned once for terminal punctuation, and
//!    small rule helpers backed by word tables (titles, month names, company
//!    suffixes, sentence starters) decide whether that punctuation really ends
//!    a sentence.
//!
//! The rules target ordinary English news prose. They are deliberately kept
//! as small named helpers and tables so that they can be tightened later
//! without changing the shape of the algorithm.

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

/// Returns the sentences of `text` as byte ranges into `text`.
///
/// Tags in a sidecar file point at sentences, and the reader highlights them
/// in place, so sentences are reported as ranges into the original text
/// rather than as copies: they can be sliced out, measured and re-found
/// without losing the surrounding layout.
///
/// # Guarantees
///
/// The ranges are in order, never overlap, are never empty, lie on `char`
/// boundaries and carry no leading or trailing white space. Together they
/// cover every non-white-space character of `text` exactly once. The function
/// runs in time linear in the length of the text and never panics.
///
/// # Where a sentence ends
///
/// * `.`, `?`, `!` and `…` end a sentence when white space follows them.
///   A run of punctuation (`?!`, `!!`, `...`) stays together, and closing
///   quotes and brackets right after it (`"` `'` `”` `’` `»` `)` `]`) belong
///   to the sentence it ends. The full-width stops `。` `！` `？` end a
///   sentence even with no space after them.
/// * A period with no white space after it never ends a sentence, which keeps
///   decimals (`3.14`, `1.5bn`), web addresses, e-mail addresses and file
///   names whole.
/// * No punctuation ends a sentence when the next word starts with a
///   lower-case letter (`"Is it real?" she asked.`, `etc. and`, `p.m. on`).
/// * An ellipsis ends a sentence only when the next word starts with a
///   capital letter.
/// * Titles and Latin abbreviations (`Mr.`, `Dr.`, `Gen.`, `St.`, `e.g.`,
///   `i.e.`, `vs.`, `cf.`, `approx.`) never end a sentence. `No.` and month
///   abbreviations do not end one before a number (`No. 5`, `Jan. 5`).
/// * Company and name suffixes (`Inc.`, `Corp.`, `Jr.`), month
///   abbreviations, dotted acronyms (`U.S.`, `a.m.`, `Ph.D.`) and
///   single-letter initials (`John F. Kennedy`) end a sentence only when the
///   next word is a common sentence starter such as `He`, `The` or `But`.
///
/// # Line breaks and hard-wrapped prose
///
/// A blank line (or a form feed or paragraph separator) always ends a
/// sentence. A single line break (`\n`, `\r\n`, `\r`, or a Unicode line
/// separator) also ends one, unless the text around it looks hard-wrapped.
/// A single break is treated as a soft wrap, that is as plain white space,
/// when all of these hold:
///
/// * neither line is a Markdown-style heading (`# ...`) and the next line is
///   not a list item (`- `, `* `, `• `, `1. `, `2) `, `a) `);
/// * the line before the break is at least 40 columns wide (hard-wrapped
///   prose fills its lines to about 60-80 columns, while headings, bylines
///   and list items are usually shorter);
/// * the line before is at least three quarters as wide as the line after
///   (a line much shorter than its successor ended its paragraph);
/// * the next line starts with a lower-case letter, or else it is itself at
///   least 40 columns wide or ends like prose (with terminal punctuation or
///   `,` `;` `:`), and the line before is not a title-case headline (a line
///   ending in a word, with three or more capitalised words and no
///   lower-case word longer than four letters).
///
/// When the break is soft, punctuation at the end of the line is judged by
/// the rules above exactly as if a space stood there, so `Mr.` at the end
/// of a wrapped line does not end the sentence and `U.S.` before `He` does.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for block in blocks(text) {
        split_block(text, block, &mut out);
    }
    out
}

// ---------------------------------------------------------------------------
// Pass 1: lines and blocks
// ---------------------------------------------------------------------------

/// Narrowest line, in terminal columns, that is taken as part of a
/// hard-wrapped paragraph. Prose wrapped at 50 columns or more keeps its
/// non-final lines above this, while headings, bylines and list items are
/// usually below it.
const WRAP_MIN_WIDTH: usize = 40;

/// One line of the text, without its line terminator.
struct RawLine {
    /// Byte range of the line's content.
    range: Range<usize>,
    /// Whether the terminator after the line is a paragraph break on its own.
    paragraph_end: bool,
}

/// Characters that end a line.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Line terminators that end a paragraph by themselves, like a blank line.
fn is_paragraph_break(c: char) -> bool {
    matches!(c, '\u{0C}' | '\u{2029}')
}

/// The lines of `text`; `\r\n` counts as one terminator.
fn raw_lines(text: &str) -> impl Iterator<Item = RawLine> + '_ {
    let mut next_start = Some(0);
    std::iter::from_fn(move || {
        let start = next_start?;
        let tail = &text[start..];
        if let Some((offset, c)) = tail.char_indices().find(|&(_, c)| is_line_break(c)) {
            let end = start + offset;
            let mut after = end + c.len_utf8();
            if c == '\r' && text[after..].starts_with('\n') {
                after += 1;
            }
            next_start = Some(after);
            Some(RawLine {
                range: start..end,
                paragraph_end: is_paragraph_break(c),
            })
        } else {
            next_start = None;
            Some(RawLine {
                range: start..text.len(),
                paragraph_end: false,
            })
        }
    })
}

/// Byte ranges of the blocks of `text`: runs of non-blank lines joined by
/// soft wraps, each trimmed.
fn blocks(text: &str) -> Vec<Range<usize>> {
    let mut blocks = Vec::new();
    // Start of the open block and the trimmed range of its last line.
    let mut open: Option<(usize, Range<usize>)> = None;
    // Whether a blank line or paragraph break came since the last line.
    let mut gap = false;
    for line in raw_lines(text) {
        let content = trim_range(text, line.range);
        if content.is_empty() {
            gap = true;
            continue;
        }
        open = Some(match open {
            Some((start, prev))
                if !gap && continues_across_break(&text[prev.clone()], &text[content.clone()]) =>
            {
                (start, content)
            }
            Some((start, prev)) => {
                blocks.push(start..prev.end);
                (content.start, content)
            }
            None => (content.start, content),
        });
        gap = line.paragraph_end;
    }
    if let Some((start, prev)) = open {
        blocks.push(start..prev.end);
    }
    blocks
}

/// Whether a single line break between the trimmed lines `prev` and `next`
/// is a soft wrap inside running prose.
fn continues_across_break(prev: &str, next: &str) -> bool {
    if is_heading(prev) || is_heading(next) || is_list_item(next) {
        return false;
    }
    let prev_width = prev.width();
    let next_width = next.width();
    if prev_width < WRAP_MIN_WIDTH {
        return false;
    }
    if prev_width.saturating_mul(4) < next_width.saturating_mul(3) {
        return false;
    }
    if starts_lowercase(next) {
        return true;
    }
    if next_width < WRAP_MIN_WIDTH && !ends_like_prose(next) {
        return false;
    }
    !(ends_with_word(prev) && is_title_case(prev))
}

/// A Markdown-style heading: one to six `#` and then white space.
fn is_heading(line: &str) -> bool {
    let rest = line.trim_start_matches('#');
    let hashes = line.len() - rest.len();
    (1..=6).contains(&hashes) && rest.chars().next().is_none_or(char::is_whitespace)
}

/// A bulleted (`- `, `* `, `• `) or numbered (`1. `, `2) `, `a) `) list item.
fn is_list_item(line: &str) -> bool {
    list_marker_len(line).is_some()
}

/// Byte length of the list marker that `line` starts with, if any: a bullet,
/// or up to three digits or one letter followed by `.` or `)` (letters only
/// with `)`), in each case followed by white space or nothing.
fn list_marker_len(line: &str) -> Option<usize> {
    let first = line.chars().next()?;
    let marker_len = if matches!(
        first,
        '-' | '*' | '+' | '•' | '◦' | '▪' | '‣' | '–' | '—' | '·'
    ) {
        first.len_utf8()
    } else {
        let label_len = if first.is_ascii_digit() {
            line.bytes().take_while(u8::is_ascii_digit).count()
        } else if first.is_ascii_alphabetic() {
            1
        } else {
            return None;
        };
        let delimiter = line[label_len..].chars().next()?;
        let delimiter_ok = delimiter == ')' || (delimiter == '.' && first.is_ascii_digit());
        if label_len > 3 || !delimiter_ok {
            return None;
        }
        label_len + 1
    };
    line[marker_len..]
        .chars()
        .next()
        .is_none_or(char::is_whitespace)
        .then_some(marker_len)
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

/// Whether `line` ends with a letter or digit rather than punctuation.
fn ends_with_word(line: &str) -> bool {
    line.chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Whether `line` reads like a title-case headline: at least three
/// capitalised words, and no lower-case word longer than four letters
/// (short words such as "of", "the" and "with" may stay lower-case).
fn is_title_case(line: &str) -> bool {
    let mut capitalised = 0;
    for word in line.split_whitespace() {
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
    capitalised >= 3
}

// ---------------------------------------------------------------------------
// Pass 2: sentences inside a block
// ---------------------------------------------------------------------------

/// Titles and honorifics, matched case-sensitively (or in all capitals);
/// a period after them never ends a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Messrs", "Mmes", "Mme", "Mlle", "Dr", "Prof", "Rev", "Hon", "Pres",
    "Gov", "Sen", "Sens", "Rep", "Reps", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Brig",
    "Sgt", "Cpl", "Pvt", "Det", "Insp", "Supt", "Fr", "St", "Mt", "Ft",
];

/// Latin and editorial abbreviations, matched in any case; a period after
/// them never ends a sentence.
const NEVER_FINAL_ANY_CASE: &[&str] = &["e.g", "i.e", "cf", "vs", "viz", "approx", "esp", "incl"];

/// Abbreviations that stand before a number (`No. 5`, `pp. 10-12`); before
/// a number the period does not end a sentence, elsewhere it is an ordinary
/// period.
const NUMBER_PREFIXES: &[&str] = &[
    "No", "Nos", "Nr", "Vol", "Vols", "Fig", "Figs", "p", "pp", "Art", "Sec", "Ch", "Pt", "Para",
    "Op", "ca",
];

/// Month abbreviations: never final before a number (`Jan. 5`), otherwise
/// final only before a sentence starter.
const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// Suffixes that often close a name and so may close a sentence too
/// (`... joined Acme Corp. The firm ...`); final only before a sentence
/// starter.
///
/// `etc.` is deliberately absent: it follows the ordinary rule and ends a
/// sentence unless a lower-case word comes next.
const NAME_SUFFIXES: &[&str] = &[
    "Inc", "Ltd", "Co", "Cos", "Corp", "Bros", "Plc", "Jr", "Sr", "Esq", "Ave", "Blvd", "Rd",
    "Dept", "Univ", "al",
];

/// Words that commonly open an English sentence; after an ambiguous
/// abbreviation (`U.S.`, `p.m.`, `Inc.`), one of these means a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "An",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Then",
    "Thus",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Your",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "Nor",
    "In",
    "On",
    "At",
    "As",
    "By",
    "For",
    "From",
    "With",
    "To",
    "After",
    "Before",
    "When",
    "While",
    "Since",
    "Because",
    "Although",
    "Though",
    "If",
    "However",
    "Meanwhile",
    "Still",
    "Now",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Each",
    "Other",
    "Others",
    "No",
    "Not",
    "Only",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Which",
    "According",
    "Despite",
    "During",
    "Later",
    "Earlier",
    "Instead",
    "Also",
    "Officials",
];

/// Longest token, in bytes, looked up in the abbreviation tables.
const MAX_ABBREVIATION_BYTES: usize = 16;

/// How many characters of the following word are examined.
const LOOKAHEAD_CHARS: usize = 24;

/// What a run of terminal punctuation consists of.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum RunKind {
    /// A single `.`.
    Period,
    /// `...`, `..` or `…`.
    Ellipsis,
    /// Contains `?` or `!`.
    Question,
    /// Contains a full-width stop such as `。`.
    FullWidth,
}

/// A run of terminal punctuation together with the closing quotes and
/// brackets that follow it.
struct Run {
    /// Byte offset just past the run.
    end: usize,
    kind: RunKind,
}

/// How the word before a period behaves.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Abbreviation {
    /// An ordinary word or number.
    Plain,
    /// Never the end of a sentence.
    Title,
    /// Not the end of a sentence before a number.
    NumberPrefix,
    /// Not the end before a number; otherwise only before a starter.
    Month,
    /// The end of a sentence only before a starter.
    AmbiguousEnd,
}

/// Characters that can end a sentence.
fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '?' | '!' | '…' | '‽' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？' | '｡'
    )
}

/// Closing quotes and brackets that stay with the sentence they follow.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

/// Opening quotes and brackets that may stand before a sentence's first word.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '„' | '‚' | '«' | '‹' | '(' | '[' | '{' | '¿' | '¡'
    )
}

/// Splits the block `block` of `text` into sentences, appending them to `out`.
fn split_block(text: &str, block: Range<usize>, out: &mut Vec<Range<usize>>) {
    let base = block.start;
    let s = &text[block.clone()];
    let mut sentence_start = 0;
    // A list marker such as `1.` is not the end of a sentence.
    let mut pos = list_marker_len(s).unwrap_or(0);
    let mut word_start = pos;
    while let Some(c) = s[pos..].chars().next() {
        if c.is_whitespace() {
            pos += c.len_utf8();
            word_start = pos;
        } else if is_terminal(c) {
            let run = scan_run(s, pos);
            if ends_sentence(s, &s[word_start..pos], &run) {
                push_trimmed(text, base + sentence_start..base + run.end, out);
                sentence_start = run.end;
            }
            pos = run.end;
        } else {
            pos += c.len_utf8();
        }
    }
    push_trimmed(text, base + sentence_start..block.end, out);
}

/// Reads the run of terminal punctuation and closers starting at `pos`.
fn scan_run(s: &str, pos: usize) -> Run {
    let mut end = pos;
    let mut periods = 0_usize;
    let (mut ellipsis, mut question, mut full_width) = (false, false, false);
    for c in s[pos..].chars() {
        match c {
            '.' => periods += 1,
            '…' => ellipsis = true,
            '?' | '!' | '‽' | '⁇' | '⁈' | '⁉' => question = true,
            '。' | '！' | '？' | '｡' => full_width = true,
            c if is_closer(c) => {}
            _ => break,
        }
        end += c.len_utf8();
    }
    let kind = if full_width {
        RunKind::FullWidth
    } else if question {
        RunKind::Question
    } else if ellipsis || periods > 1 {
        RunKind::Ellipsis
    } else {
        RunKind::Period
    };
    Run { end, kind }
}

/// Whether `run`, which follows the word `word` in the block `s`, ends a
/// sentence.
fn ends_sentence(s: &str, word: &str, run: &Run) -> bool {
    if run.kind == RunKind::FullWidth {
        return true;
    }
    let rest = &s[run.end..];
    if !rest.starts_with(char::is_whitespace) {
        return false;
    }
    let next = NextWord::after(rest);
    let Some(first) = next.first else {
        return false;
    };
    match run.kind {
        RunKind::Question | RunKind::FullWidth => !first.is_lowercase(),
        RunKind::Ellipsis => first.is_uppercase(),
        RunKind::Period => period_ends_sentence(abbreviation_token(word), first, &next),
    }
}

/// Whether a single period after `token` ends a sentence, given the next
/// word, whose first letter is `first`.
fn period_ends_sentence(token: &str, first: char, next: &NextWord<'_>) -> bool {
    if first.is_lowercase() {
        return false;
    }
    match classify(token) {
        Abbreviation::Title => false,
        Abbreviation::NumberPrefix | Abbreviation::Month if first.is_numeric() => false,
        Abbreviation::NumberPrefix | Abbreviation::Plain => true,
        Abbreviation::Month | Abbreviation::AmbiguousEnd => next.is_sentence_starter(),
    }
}

/// The part of the word before a period that is looked up as an
/// abbreviation: trailing quotes are dropped, and so is anything up to the
/// last character that is neither alphanumeric nor a period (`(Mr` gives
/// `Mr`, `ex-Gen` gives `Gen`, `U.S` stays `U.S`).
fn abbreviation_token(word: &str) -> &str {
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

/// How the word `token` before a period behaves.
fn classify(token: &str) -> Abbreviation {
    if token.is_empty() || token.len() > MAX_ABBREVIATION_BYTES {
        Abbreviation::Plain
    } else if in_table(TITLES, token)
        || NEVER_FINAL_ANY_CASE
            .iter()
            .any(|entry| entry.eq_ignore_ascii_case(token))
    {
        Abbreviation::Title
    } else if in_table(NUMBER_PREFIXES, token) {
        Abbreviation::NumberPrefix
    } else if in_table(MONTHS, token) {
        Abbreviation::Month
    } else if in_table(NAME_SUFFIXES, token) || is_initial(token) || is_dotted_acronym(token) {
        Abbreviation::AmbiguousEnd
    } else {
        Abbreviation::Plain
    }
}

/// Whether `token` is in `table`, as written or (for tokens of two letters
/// or more) in all capitals.
fn in_table(table: &[&str], token: &str) -> bool {
    table.contains(&token)
        || (token.len() > 1
            && is_all_caps(token)
            && table.iter().any(|entry| entry.eq_ignore_ascii_case(token)))
}

/// Whether `token` has capital letters and no lower-case ones.
fn is_all_caps(token: &str) -> bool {
    token.chars().any(char::is_uppercase) && !token.chars().any(char::is_lowercase)
}

/// A single capital letter, as in the initial of a name.
fn is_initial(token: &str) -> bool {
    let mut chars = token.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// Letters in groups of one or two joined by periods: `U.S`, `a.m`, `Ph.D`.
fn is_dotted_acronym(token: &str) -> bool {
    token.contains('.')
        && token.split('.').all(|part| {
            (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
}

/// The start of the text after a run of terminal punctuation.
struct NextWord<'a> {
    /// First character after white space and opening quotes or brackets.
    first: Option<char>,
    /// The letters starting at `first` (at most a few dozen are examined).
    word: &'a str,
    /// Whether a period follows the word directly, as after an initial.
    before_period: bool,
}

impl<'a> NextWord<'a> {
    /// Reads the next word of `rest`.
    fn after(rest: &'a str) -> Self {
        let text = rest.trim_start().trim_start_matches(is_opener);
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
        }
    }

    /// Whether the word is a common sentence opener (and not an initial or
    /// abbreviation itself).
    fn is_sentence_starter(&self) -> bool {
        !self.before_period
            && self.first.is_some_and(char::is_uppercase)
            && SENTENCE_STARTERS
                .iter()
                .any(|starter| starter.eq_ignore_ascii_case(self.word))
    }
}

/// `range` of `text` without leading and trailing white space.
fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    if start < end {
        start..end
    } else {
        start..start
    }
}

/// Appends `range`, trimmed, to `out` unless nothing is left of it.
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let range = trim_range(text, range);
    if !range.is_empty() {
        out.push(range);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Checks the guarantees of [`sentences`] and returns the sentence texts.
    fn split(text: &str) -> Vec<&str> {
        let ranges = sentences(text);
        assert_invariants(text, &ranges);
        ranges.into_iter().map(|range| &text[range]).collect()
    }

    fn assert_invariants(text: &str, ranges: &[Range<usize>]) {
        let mut previous_end = 0;
        for range in ranges {
            assert!(range.start < range.end, "empty range {range:?}");
            assert!(range.start >= previous_end, "out of order: {ranges:?}");
            assert!(range.end <= text.len(), "past the end: {range:?}");
            assert!(text.is_char_boundary(range.start), "{range:?} start");
            assert!(text.is_char_boundary(range.end), "{range:?} end");
            let sentence = &text[range.clone()];
            assert_eq!(sentence.trim(), sentence, "untrimmed {range:?}");
            previous_end = range.end;
        }
        let mut ranges = ranges.iter().peekable();
        for (i, c) in text.char_indices() {
            while ranges.peek().is_some_and(|range| range.end <= i) {
                ranges.next();
            }
            if !c.is_whitespace() {
                assert!(
                    ranges.peek().is_some_and(|range| range.contains(&i)),
                    "{c:?} at {i} is not covered"
                );
            }
        }
    }

    // --- basics -----------------------------------------------------------

    #[test]
    fn empty_and_blank_text_has_no_sentences() {
        assert!(split("").is_empty());
        assert!(split(" \n\t\r\n \u{2029} ").is_empty());
    }

    #[test]
    fn splits_at_periods_question_and_exclamation_marks() {
        assert_eq!(
            split("The ferry left at dawn. Did anyone see it? Nobody did!"),
            [
                "The ferry left at dawn.",
                "Did anyone see it?",
                "Nobody did!"
            ]
        );
    }

    #[test]
    fn last_sentence_needs_no_punctuation() {
        assert_eq!(
            split("  The vote passed. Turnout was low  "),
            ["The vote passed.", "Turnout was low"]
        );
    }

    #[test]
    fn repeated_punctuation_stays_with_its_sentence() {
        assert_eq!(
            split("You sold the mill?! We had no choice!! Then what?"),
            ["You sold the mill?!", "We had no choice!!", "Then what?"]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_belong_to_the_sentence() {
        assert_eq!(
            split("\"We will rebuild,\" the mayor said. \"Starting today.\" Crowds cheered."),
            [
                "\"We will rebuild,\" the mayor said.",
                "\"Starting today.\"",
                "Crowds cheered."
            ]
        );
        assert_eq!(
            split("Costs rose (see the annex.) The board resigned."),
            ["Costs rose (see the annex.)", "The board resigned."]
        );
        assert_eq!(
            split("She wrote “It is over.” He replied ‘Not yet.’ Silence."),
            [
                "She wrote “It is over.”",
                "He replied ‘Not yet.’",
                "Silence."
            ]
        );
        assert_eq!(
            split("Il a dit «Non.» Puis [il est parti.] Fin."),
            ["Il a dit «Non.»", "Puis [il est parti.]", "Fin."]
        );
    }

    #[test]
    fn question_inside_quotes_before_lowercase_does_not_split() {
        assert_eq!(
            split("\"Is the bridge safe?\" she asked. \"Yes!\" he shouted."),
            ["\"Is the bridge safe?\" she asked.", "\"Yes!\" he shouted."]
        );
        assert_eq!(
            split("“Who pays?” The question hung in the air."),
            ["“Who pays?”", "The question hung in the air."]
        );
    }

    // --- line breaks --------------------------------------------------------

    #[test]
    fn headline_byline_and_paragraphs() {
        let text = "Floods Close Schools Across the Valley\n\
                    By Maria Lindqvist\n\
                    Updated 5 March 2031\n\
                    \n\
                    Heavy rain closed forty schools on Monday. Officials expect more.\n\
                    \n\
                    Background\n\
                    The valley has flooded twice this decade.\n";
        assert_eq!(
            split(text),
            [
                "Floods Close Schools Across the Valley",
                "By Maria Lindqvist",
                "Updated 5 March 2031",
                "Heavy rain closed forty schools on Monday.",
                "Officials expect more.",
                "Background",
                "The valley has flooded twice this decade.",
            ]
        );
    }

    #[test]
    fn long_headlines_stay_apart_from_what_follows() {
        let title_case = "Regional Council Approves Emergency Budget for Flood Defences\n\
                          The council voted on Thursday to release funds for the repair of barriers.";
        assert_eq!(
            split(title_case),
            [
                "Regional Council Approves Emergency Budget for Flood Defences",
                "The council voted on Thursday to release funds for the repair of barriers.",
            ]
        );
        let with_byline = "Council approves emergency budget for flood defences after storms\n\
                           By Tom Reyes\n\
                           \n\
                           The money arrives next week.";
        assert_eq!(
            split(with_byline),
            [
                "Council approves emergency budget for flood defences after storms",
                "By Tom Reyes",
                "The money arrives next week.",
            ]
        );
    }

    #[test]
    fn hard_wrapped_paragraph_keeps_sentences_across_lines() {
        let text = "The harbour authority said on Tuesday that the new breakwater would be\n\
                    finished before the winter storms, although engineers warned that the\n\
                    budget had doubled since the design was approved by Prime Minister\n\
                    Ada Okafor. Local fishermen, who had campaigned for the project for a\n\
                    decade, welcomed the news and thanked the harbour master, Capt.\n\
                    Ivo Brandt, for his patience.\n";
        assert_eq!(
            split(text),
            [
                "The harbour authority said on Tuesday that the new breakwater would be\n\
                 finished before the winter storms, although engineers warned that the\n\
                 budget had doubled since the design was approved by Prime Minister\n\
                 Ada Okafor.",
                "Local fishermen, who had campaigned for the project for a\n\
                 decade, welcomed the news and thanked the harbour master, Capt.\n\
                 Ivo Brandt, for his patience.",
            ]
        );
    }

    #[test]
    fn wrapped_paragraph_followed_by_a_short_line() {
        let text = "Shipping through the strait resumed on Friday after a week in which\n\
                    insurers had refused to cover any vessel heading north.\n\
                    Related coverage\n\
                    - Port strike ends\n";
        assert_eq!(
            split(text),
            [
                "Shipping through the strait resumed on Friday after a week in which\n\
                 insurers had refused to cover any vessel heading north.",
                "Related coverage",
                "- Port strike ends",
            ]
        );
    }

    #[test]
    fn blank_line_always_ends_a_sentence() {
        assert_eq!(
            split("The committee will publish its findings in a report that\n\nnobody reads"),
            [
                "The committee will publish its findings in a report that",
                "nobody reads"
            ]
        );
    }

    #[test]
    fn short_lines_are_sentences_of_their_own() {
        assert_eq!(
            split("Key points\nrates rise again\nMarkets fall"),
            ["Key points", "rates rise again", "Markets fall"]
        );
    }

    #[test]
    fn list_items_and_headings_are_sentences_of_their_own() {
        let text = "The union presented the management with three separate demands:\n\
                    - higher wages for night shifts\n\
                    * a shorter week\n\
                    1. Safer ladders.\n\
                    2) better lighting in the yard\n\
                    a) a new canteen\n\
                    # Reaction from the company headquarters in the capital city\n\
                    Managers declined to comment.";
        assert_eq!(
            split(text),
            [
                "The union presented the management with three separate demands:",
                "- higher wages for night shifts",
                "* a shorter week",
                "1. Safer ladders.",
                "2) better lighting in the yard",
                "a) a new canteen",
                "# Reaction from the company headquarters in the capital city",
                "Managers declined to comment.",
            ]
        );
    }

    #[test]
    fn wrapped_list_item_continues_on_lowercase_line() {
        let text = "- The ministry expects to publish the revised figures for the second\n  \
                    quarter before the end of the month.\n\
                    - Nothing else.";
        assert_eq!(
            split(text),
            [
                "- The ministry expects to publish the revised figures for the second\n  \
                 quarter before the end of the month.",
                "- Nothing else.",
            ]
        );
    }

    #[test]
    fn windows_line_endings_work_the_same() {
        let unix = "Storm Warning Issued\nBy Ana Ruiz\n\n\
                    Winds reached the eastern coast overnight and the forecasters at the\n\
                    national weather office expected further damage along the northern\n\
                    shore. Schools are shut.";
        let windows = unix.replace('\n', "\r\n");
        let unix_sentences = split(unix);
        let windows_sentences: Vec<String> = split(&windows)
            .into_iter()
            .map(|sentence| sentence.replace('\r', ""))
            .collect();
        assert_eq!(unix_sentences, windows_sentences);
        assert_eq!(unix_sentences.len(), 4);
        assert_eq!(split("One.\r\nTwo\r\n\r\nThree"), ["One.", "Two", "Three"]);
        assert_eq!(split("Old Mac\rline ends"), ["Old Mac", "line ends"]);
    }

    // --- abbreviations ------------------------------------------------------

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            split(
                "Mr. Okoro met Dr. Hale and Prof. Ilves. Gen. Marsh and Lt. Col. Byrne \
                 stayed home. Mrs. Vance and Ms. Ito met Sgt. Roe and Capt. Dunn in St. Louis."
            ),
            [
                "Mr. Okoro met Dr. Hale and Prof. Ilves.",
                "Gen. Marsh and Lt. Col. Byrne stayed home.",
                "Mrs. Vance and Ms. Ito met Sgt. Roe and Capt. Dunn in St. Louis.",
            ]
        );
        assert_eq!(
            split("Rep. Lowe, Sen. Park and Gov. Hunt signed. It passed."),
            ["Rep. Lowe, Sen. Park and Gov. Hunt signed.", "It passed."]
        );
        assert_eq!(split("Ask Dr. He about it."), ["Ask Dr. He about it."]);
    }

    #[test]
    fn company_and_name_suffixes_end_only_before_a_starter() {
        assert_eq!(
            split("She joined Vexa Corp. The firm makes pumps. Tull Ltd. Chief Ana Bell quit."),
            [
                "She joined Vexa Corp.",
                "The firm makes pumps.",
                "Tull Ltd. Chief Ana Bell quit."
            ]
        );
        assert_eq!(
            split("Orin Co. shares fell. Sam Pell Jr. and Kay Pell Sr. spoke. Inc. is short."),
            [
                "Orin Co. shares fell.",
                "Sam Pell Jr. and Kay Pell Sr. spoke.",
                "Inc. is short."
            ]
        );
    }

    #[test]
    fn etc_ends_a_sentence_unless_lowercase_follows() {
        assert_eq!(
            split(
                "They sold maps, tents, etc. and then left. We bought rope, nails, etc. Officials were pleased."
            ),
            [
                "They sold maps, tents, etc. and then left.",
                "We bought rope, nails, etc.",
                "Officials were pleased."
            ]
        );
    }

    #[test]
    fn latin_abbreviations_do_not_split() {
        assert_eq!(
            split(
                "Some crops, e.g. Barley, failed. Others, i.e. Wheat, did not. \
                 It was Hale vs. Dunn, cf. Chapter two. Approx. Half of it. E.g. This one."
            ),
            [
                "Some crops, e.g. Barley, failed.",
                "Others, i.e. Wheat, did not.",
                "It was Hale vs. Dunn, cf. Chapter two.",
                "Approx. Half of it.",
                "E.g. This one.",
            ]
        );
    }

    #[test]
    fn number_prefixes_and_months_before_numbers() {
        assert_eq!(
            split("He ranked No. 5 in the poll. The answer was No. Then it changed."),
            [
                "He ranked No. 5 in the poll.",
                "The answer was No.",
                "Then it changed."
            ]
        );
        assert_eq!(
            split("The talks began on Jan. 5 and ended Feb. 12. See pp. 4-6 and Vol. 2."),
            [
                "The talks began on Jan. 5 and ended Feb. 12.",
                "See pp. 4-6 and Vol. 2."
            ]
        );
        assert_eq!(
            split("It opened in Sept. The crowds came in Oct. Visitors left in Nov. 3 buses."),
            [
                "It opened in Sept.",
                "The crowds came in Oct. Visitors left in Nov. 3 buses."
            ]
        );
    }

    #[test]
    fn dotted_acronyms_end_only_before_a_starter() {
        assert_eq!(
            split("They moved to the U.S. He stayed in the U.K. Parliament was sitting."),
            [
                "They moved to the U.S.",
                "He stayed in the U.K. Parliament was sitting."
            ]
        );
        assert_eq!(
            split("U.S. and E.U. envoys met at the U.N. It was late."),
            ["U.S. and E.U. envoys met at the U.N.", "It was late."]
        );
        assert_eq!(
            split(
                "The train left at 6 a.m. It arrived at 9 p.m. Tuesday. We waited until 10 p.m. and slept."
            ),
            [
                "The train left at 6 a.m.",
                "It arrived at 9 p.m. Tuesday.",
                "We waited until 10 p.m. and slept."
            ]
        );
        assert_eq!(
            split("She holds a Ph.D. She teaches. He has a Ph.D. from Oslo."),
            [
                "She holds a Ph.D.",
                "She teaches.",
                "He has a Ph.D. from Oslo."
            ]
        );
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(
            split("John F. Kennedy spoke. J. R. R. Tolkien wrote. Sam A. Hale agreed."),
            [
                "John F. Kennedy spoke.",
                "J. R. R. Tolkien wrote.",
                "Sam A. Hale agreed."
            ]
        );
        assert_eq!(
            split("We chose Plan B. The rest failed."),
            ["We chose Plan B.", "The rest failed."]
        );
    }

    #[test]
    fn all_caps_abbreviations_are_recognised() {
        assert_eq!(
            split("MR. HALE MEETS GEN. MARSH. THE TALKS END."),
            ["MR. HALE MEETS GEN. MARSH.", "THE TALKS END."]
        );
    }

    #[test]
    fn abbreviation_inside_brackets_or_after_hyphen() {
        assert_eq!(
            split("The envoy (Dr. Lind) met ex-Gen. Pohl. Talks went well."),
            ["The envoy (Dr. Lind) met ex-Gen. Pohl.", "Talks went well."]
        );
    }

    // --- tokens with periods inside ----------------------------------------

    #[test]
    fn decimals_and_amounts_do_not_split() {
        assert_eq!(
            split("Pi is 3.14 or so. Sales hit $1.5bn. Growth was 0.7%."),
            ["Pi is 3.14 or so.", "Sales hit $1.5bn.", "Growth was 0.7%."]
        );
    }

    #[test]
    fn a_number_can_end_a_sentence() {
        assert_eq!(
            split("Prices rose in 2029. 2030 was worse. The rate hit 5. Then it fell."),
            [
                "Prices rose in 2029.",
                "2030 was worse.",
                "The rate hit 5.",
                "Then it fell."
            ]
        );
    }

    #[test]
    fn urls_emails_and_file_names_do_not_split() {
        assert_eq!(
            split(
                "Read it at example.com/news.html today. Write to lena.berg@post.example.org \
                 or open report.pdf. Visit example.com. Then call."
            ),
            [
                "Read it at example.com/news.html today.",
                "Write to lena.berg@post.example.org or open report.pdf.",
                "Visit example.com.",
                "Then call.",
            ]
        );
    }

    #[test]
    fn ellipses_split_only_before_a_capital() {
        assert_eq!(
            split("We waited and then... nothing. Then... Silence fell. It was… odd. Really… Odd."),
            [
                "We waited and then... nothing.",
                "Then...",
                "Silence fell.",
                "It was… odd.",
                "Really…",
                "Odd."
            ]
        );
        assert_eq!(
            split("He paused... \"We go now.\""),
            ["He paused...", "\"We go now.\""]
        );
    }

    #[test]
    fn lowercase_after_a_period_continues_the_sentence() {
        assert_eq!(
            split("The fig. three plan was dropped. Done."),
            ["The fig. three plan was dropped.", "Done."]
        );
    }

    #[test]
    fn full_width_stops_split_without_spaces() {
        assert_eq!(
            split("今天下雨。明天晴！好吗？"),
            ["今天下雨。", "明天晴！", "好吗？"]
        );
    }

    // --- hostile input ------------------------------------------------------

    #[test]
    fn lone_punctuation_is_a_sentence() {
        assert_eq!(split("..."), ["..."]);
        assert_eq!(split("?!"), ["?!"]);
        assert_eq!(split(". . ."), [".", ".", "."]);
        assert_eq!(split("\"\n)"), ["\"", ")"]);
    }

    #[test]
    fn odd_characters_do_not_break_anything() {
        let text = "\u{0}\u{7}Ba\u{301}d. \u{202E}\u{5e9}\u{5dc}\u{5d5}\u{5dd}. 😀👍🏽. e\u{301}. \
                    .\u{301} Next\u{200B}. \u{FEFF}Zero width.\u{85}Nel line";
        let result = split(text);
        assert_eq!(result.first(), Some(&"\u{0}\u{7}Ba\u{301}d."));
        assert_eq!(result.last(), Some(&"Nel line"));
    }

    #[test]
    fn large_inputs_stay_fast() {
        let prose =
            "Mr. Smith went to the U.S. He said no... It is 3.5 p.m. It rained! ".repeat(20_000);
        assert_eq!(split(&prose).len(), 80_000);
        let one_word = ".a".repeat(300_000);
        assert_eq!(split(&one_word).len(), 1);
        let dots = ". ".repeat(300_000);
        assert_eq!(split(&dots).len(), 300_000);
        let lines =
            "a wrapped line of prose that is long enough to count as wrapped and\n".repeat(20_000);
        assert_eq!(split(&lines).len(), 1);
        let spaces = format!("End.{}Next", " ".repeat(500_000));
        assert_eq!(split(&spaces), ["End.", "Next"]);
    }

    // --- properties ---------------------------------------------------------

    /// Characters that exercise the rules: letters of both cases, white space,
    /// line breaks, terminal punctuation, quotes, digits and non-ASCII text.
    fn prose_char() -> impl Strategy<Value = char> {
        prop::sample::select(vec![
            'a', 'e', 'n', 's', 't', 'x', 'T', 'H', 'I', 'M', 'S', 'U', ' ', ' ', ' ', ' ', '\n',
            '\n', '\r', '\t', '.', '.', '.', '?', '!', '"', '\'', '(', ')', '-', '#', '1', '9',
            'é', 'É', '“', '”', '’', '«', '»', '…', '😀', '\u{301}', '\u{202E}', '\u{5d0}',
            '\u{2028}', '\u{2029}', '\u{85}', '\u{A0}', '。', '\u{0}',
        ])
    }

    fn prose_text() -> impl Strategy<Value = String> {
        prop::collection::vec(prose_char(), 0..400).prop_map(|chars| chars.into_iter().collect())
    }

    /// Whole words and abbreviations, so that the rules fire often.
    fn fragment_text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "Mr.",
                "U.S.",
                "He",
                "the",
                "said",
                " ",
                " ",
                " ",
                "\n",
                "\r\n",
                "\n\n",
                "...",
                "?!",
                "“",
                "”",
                "3.14",
                "No.",
                "5",
                "e.g.",
                "J.",
                "- ",
                "1. ",
                "# ",
                "a.m.",
                "Inc.",
                "The",
                ".",
                "?",
                "\"",
                "etc.",
                "Jan.",
                "é",
                "😀",
                "a long stretch of wrapped prose that continues on and on for a while",
                "Long Title Case Words Across Headline Space",
            ]),
            0..60,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn invariants_hold_for_any_string(text in any::<String>()) {
            assert_invariants(&text, &sentences(&text));
        }

        #[test]
        fn invariants_hold_for_prose_like_text(text in prose_text()) {
            assert_invariants(&text, &sentences(&text));
        }

        #[test]
        fn invariants_hold_for_fragment_text(text in fragment_text()) {
            assert_invariants(&text, &sentences(&text));
        }

        #[test]
        fn crlf_splits_like_lf(text in prose_text()) {
            let unix = text.replace('\r', " ");
            let windows = unix.replace('\n', "\r\n");
            let expected = split(&unix);
            let actual: Vec<String> = split(&windows)
                .into_iter()
                .map(|sentence| sentence.replace('\r', ""))
                .collect();
            prop_assert_eq!(expected, actual);
        }

        #[test]
        fn text_without_stops_or_breaks_is_one_sentence(text in any::<String>()) {
            let flat: String = text
                .chars()
                .filter(|&c| !is_terminal(c) && !is_line_break(c))
                .collect();
            let count = sentences(&flat).len();
            prop_assert_eq!(count, usize::from(!flat.trim().is_empty()));
        }
    }
}
