//! Pass 2: splitting one block of running text into sentences.

use std::ops::Range;

use super::list::Marker;
use super::scan::{self, STOP};
use super::words::{self, Abbreviation};

/// Bytes looked at before a period for the word it ends; a longer word is
/// no abbreviation.
const LOOKBEHIND: usize = 32;

/// Letters of the next word that are examined.
const LOOKAHEAD_CHARS: usize = 24;

/// Words after a quotation searched for a verb of speech (`Dr. Hale asked`).
const SPEECH_WORDS: usize = 4;

/// Bytes searched for the end of a citation after a quotation.
const CITATION: usize = 80;

/// Splits `block`, a range of `text` that holds no real line boundary, into
/// sentences, and appends their trimmed ranges to `out`.
pub(super) fn split_block(text: &str, block: Range<usize>, out: &mut Vec<Range<usize>>) {
    // Cutting the text at the block's end bounds every look-ahead.
    let s = &text[..block.end];
    let mut sentence_start = block.start;
    let (mut pos, mut marker) = skip_list_marker(s, block.start);
    // The next `)` at or after `pos`, searched for once per `)`, not once
    // per stop.
    let mut paren = None;
    loop {
        let found = next_stop(s, pos);
        // An enumeration on one line: the next item starts a sentence.
        if let Some(item) = marker.and_then(|m| m.next_item(s, found.map_or(s.len(), |f| f + 3))) {
            push_trimmed(text, sentence_start..item, out);
            sentence_start = item;
            (pos, marker) = skip_list_marker(s, item);
            continue;
        }
        // An enumeration that starts inside the sentence: the text before
        // its first item is a sentence of its own.
        if let Some(item) = inline_enumeration(s, pos, found, &mut paren) {
            push_trimmed(text, sentence_start..item, out);
            sentence_start = item;
            (pos, marker) = skip_list_marker(s, item);
            continue;
        }
        let Some(found) = found else { break };
        let run = Run::scan(s, found);
        if run.ends_sentence(s, block.start, sentence_start) {
            push_trimmed(text, sentence_start..run.end, out);
            sentence_start = run.end;
            (pos, marker) = skip_list_marker(s, run.end);
        } else {
            pos = run.end;
        }
    }
    push_trimmed(text, sentence_start..block.end, out);
}

/// Past the list marker (`1.`, `a)`, `•`) that the sentence starting at or
/// after `pos` opens with, and the marker, or `pos` itself when there is
/// none: a marker's period is not the end of a sentence, and the marker
/// stays with its item.
fn skip_list_marker(s: &str, pos: usize) -> (usize, Option<Marker>) {
    let rest = &s[pos..];
    let start = pos + (rest.len() - rest.trim_start().len());
    match Marker::at(s, start) {
        Some(marker) => (marker.end, Some(marker)),
        None => (pos, None),
    }
}

/// Where an enumeration starts in `s[pos..]` before or at the stop `found`
/// (`Next steps: 1) seal the site 2) …`, `… as follows: a. the log b. …`):
/// a first label closed by a `)` before the stop, or by the stop itself.
/// `paren` keeps the next `)` from one call to the next.
fn inline_enumeration(
    s: &str,
    pos: usize,
    found: Option<usize>,
    paren: &mut Option<usize>,
) -> Option<usize> {
    let bytes = s.as_bytes();
    let end = found.unwrap_or(s.len());
    let limit = |from: usize| next_stop(s, from).map_or(s.len(), |f| f + 3);
    let after = |from: usize| memchr::memchr(b')', &bytes[from..]).map_or(s.len(), |at| from + at);
    loop {
        let at = match *paren {
            Some(at) if at >= pos => at,
            _ => after(pos),
        };
        *paren = Some(at);
        if at >= end {
            break;
        }
        if let Some(start) = Marker::inline_start(s, at, limit) {
            return Some(start);
        }
        *paren = Some(after(at + 1));
    }
    found.and_then(|f| Marker::inline_start(s, f, limit))
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
    /// A spaced ellipsis of three dots after a function word (`is . . .
    /// I`): an omission inside a sentence, never its end.
    inner: bool,
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
        let mut inner = false;
        if let Some((spaced_end, dots)) = spaced_ellipsis_end(bytes, start) {
            let attached = start > 0 && !bytes[start - 1].is_ascii_whitespace();
            if attached && dots >= 4 && starts_capitalised(&s[spaced_end..]) {
                // `compounds. . . . The practice`: the first period ends the
                // sentence and the next one opens with the ellipsis.
                return Self {
                    start,
                    end: start + 1,
                    kind: Kind::Period,
                    quoted: false,
                    inner: false,
                };
            }
            // `the thing is . . . I didn't`: after a word no sentence ends
            // with, a spaced ellipsis marks an omission inside it.
            inner = !attached
                && dots == 3
                && words::is_function_word(last_word(&s[..start.saturating_sub(1)]));
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
        if let Some(len) = spaced_quote_len(&s[end..]) {
            quoted = true;
            end += len;
        }
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
            inner,
        }
    }

    /// Whether the run ends the sentence, in the block `s` (cut at its end)
    /// that starts at `block_start`, in the sentence that starts at
    /// `sentence_start`.
    fn ends_sentence(&self, s: &str, block_start: usize, sentence_start: usize) -> bool {
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
        if self.quoted && is_citation(rest) {
            // `"... by night" (Osei 12).`: the citation closes the sentence.
            return false;
        }
        match self.kind {
            Kind::FullWidth | Kind::Caseless => true,
            Kind::Question => !(first.is_lowercase() || (self.quoted && next.is_speech_tag())),
            // An ellipsis that opens a sentence (`. . . The practice`) is
            // part of it.
            Kind::Ellipsis => {
                !self.inner
                    && first.is_uppercase()
                    && !s[sentence_start..self.start].trim().is_empty()
            }
            Kind::Period => {
                let token = token_before(s, block_start, self.start);
                let context = Context {
                    s,
                    from: block_start.max(sentence_start),
                    token,
                    stop: self.start,
                };
                let mut class = words::classify(token);
                if token == "in" && context.before().starts_with(|c: char| c.is_ascii_digit()) {
                    class = Abbreviation::Unit; // `a 12 in. pipe`
                }
                period_ends_sentence(class, first, &next, &context)
            }
        }
    }
}

/// What stands before the word a period ends, read only when a rule asks.
struct Context<'a> {
    /// The block, cut at its end.
    s: &'a str,
    /// Where the sentence starts.
    from: usize,
    /// The word the period ends, a slice of `s`.
    token: &'a str,
    /// Where the period is.
    stop: usize,
}

impl<'a> Context<'a> {
    /// The word before the token in the sentence, or `""`.
    fn before(&self) -> &'a str {
        word_before(self.s, self.from, self.token)
    }

    /// Whether the sentence so far is a short opening phrase (`At 5 a.m.`).
    fn intro(&self) -> bool {
        is_intro(&self.s[self.from..self.stop])
    }
}

/// The word before `token` (a slice of `s`), within `s[from..]`.
fn word_before<'a>(s: &'a str, from: usize, token: &str) -> &'a str {
    let at = token.as_ptr().addr() - s.as_ptr().addr();
    if at <= from {
        return "";
    }
    let mut start = at.saturating_sub(LOOKBEHIND).max(from);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    let head = s[start..at].trim_end_matches(|c: char| !c.is_whitespace());
    head.trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
        .trim_start_matches(is_opener)
}

/// Whether `sentence`, the sentence up to a period, is a short phrase that
/// opens with a preposition of time or place (`At 5 a.m`, `By 7 p.m`), so a
/// title after the period goes on with it.
fn is_intro(sentence: &str) -> bool {
    let mut words = sentence.split_whitespace();
    let first = words.next().unwrap_or_default();
    matches!(
        first,
        "At" | "By" | "Before" | "After" | "Until" | "Till" | "From" | "Since" | "Around"
    ) && words.nth(2).is_none()
}

/// Whether `rest` opens with a parenthetical citation that ends the
/// sentence: `(Osei 12).`
fn is_citation(rest: &str) -> bool {
    let rest = rest.trim_start();
    if !rest.starts_with('(') {
        return false;
    }
    let head = &rest.as_bytes()[..rest.len().min(CITATION)];
    head.iter().position(|&b| b == b')').is_some_and(|close| {
        !head[1..close].contains(&b'(')
            && rest[close + 1..]
                .chars()
                .next()
                .is_some_and(|c| is_terminal(c) && c != '…')
    })
}

/// The last word of `s`, at most a couple of dozen bytes back.
fn last_word(s: &str) -> &str {
    let mut from = s.len().saturating_sub(LOOKAHEAD_CHARS);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    s[from..]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default()
}

/// Whether the text after white space starts with a capital letter.
fn starts_capitalised(rest: &str) -> bool {
    rest.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// The length of a space and a closing quotation mark at the start of
/// `rest` that end a sentence (`... 11%. " Next`): the mark stands before
/// white space or the end of the text, so it opens nothing.
fn spaced_quote_len(rest: &str) -> Option<usize> {
    let mark = rest.strip_prefix(' ')?.chars().next()?;
    if !matches!(mark, '"' | '”' | '’') {
        return None;
    }
    let len = 1 + mark.len_utf8();
    rest[len..]
        .chars()
        .next()
        .is_none_or(char::is_whitespace)
        .then_some(len)
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

/// The end of a spaced ellipsis (`. . .`, `. . . .`) starting at `start`,
/// and how many periods it has: three or more, with single spaces between
/// them.
fn spaced_ellipsis_end(bytes: &[u8], start: usize) -> Option<(usize, usize)> {
    let mut dots = 1;
    let mut end = start + 1;
    while bytes.get(end) == Some(&b' ') && bytes.get(end + 1) == Some(&b'.') {
        dots += 1;
        end += 2;
    }
    (dots >= 3).then_some((end, dots))
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
/// sentence, given the next word, whose first character is `first`, and
/// what stands before the word.
fn period_ends_sentence(
    class: Abbreviation,
    first: char,
    next: &NextWord<'_>,
    context: &Context<'_>,
) -> bool {
    if first.is_lowercase() {
        return false;
    }
    let capitalised = first.is_uppercase();
    match class {
        Abbreviation::Prepositive => false,
        Abbreviation::BeforeNumber | Abbreviation::Date
            if first.is_numeric() || next.is_roman_numeral() =>
        {
            false
        }
        Abbreviation::BeforeNumber | Abbreviation::Plain => true,
        Abbreviation::Initial if is_symbol(context.before()) => {
            // `the set S. Then`, `the field F. Let p be`: a letter named in
            // prose, not an initial.
            next.opens_sentence() || next.starts_clause()
        }
        Abbreviation::Date | Abbreviation::Ambiguous | Abbreviation::Initial => {
            next.opens_sentence()
        }
        Abbreviation::Suffix | Abbreviation::Unit => {
            if next.before_period && context.intro() {
                // `At 5 a.m. Mr. Smith went`.
                return false;
            }
            capitalised && (next.opens_sentence() || next.starts_clause())
        }
        Abbreviation::Pronoun if next.before_period => false,
        // `Albert I. Jones`: a middle initial between two names.
        Abbreviation::Pronoun => {
            !(context.before().starts_with(char::is_uppercase)
                && capitalised
                && !next.opens_sentence())
        }
    }
}

/// Whether `before`, the word before a single capital and its period, is a
/// lower-case word, so the capital names a thing (`the set S.`) rather than
/// standing for a first name (`John F.`, `W. B.`).
fn is_symbol(before: &str) -> bool {
    before.starts_with(char::is_lowercase) && before.ends_with(char::is_alphanumeric)
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

    /// Whether the word is capitalised and a clause goes on after it: a
    /// lower-case word follows that does not join it into a name
    /// (`Voting starts`, `Shares fell`, but not `Department of`).
    fn starts_clause(&self) -> bool {
        if !self.first.is_some_and(char::is_uppercase) {
            return false;
        }
        let after = &self.text[self.word.len()..];
        let Some(after) = after.strip_prefix(' ') else {
            return false;
        };
        let end = after
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(after.len());
        let word = &after[..end];
        word.starts_with(char::is_lowercase)
            && !words::is_connector(word)
            && !words::is_date_word(self.word)
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
