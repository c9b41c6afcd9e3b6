//! Which characters must never reach a terminal as themselves, and their visible stand-ins.
//!
//! Reports and file names come from anywhere. A terminal obeys the control characters in what it
//! is sent (ESC starts a sequence that can move the cursor, retitle the window or write the
//! clipboard; U+009B does the same in one code point), bidirectional controls reorder what is
//! shown, and invisible characters hide text from the reader. [`decode`](super::decode) and
//! [`safe`] replace each of them by one visible code point, so what is shown is what is there
//! and offsets still count the file's code points.

use std::borrow::Cow;
use std::fmt;
use std::path::Path;

/// The stand-in for every dangerous character that has no picture of its own.
pub const REPLACEMENT: char = '\u{FFFD}';

/// The visible stand-in for `c`, or `None` when `c` may be shown as it is.
///
/// C0 controls become their Unicode control pictures (ESC is `␛`, BEL `␇`, a carriage return
/// `␍`), DEL becomes `␡`; C1 controls and the [hidden](is_hidden) characters become `�`. Tab, line
/// feed and carriage return are controls too: [`decode`](super::decode) keeps them as line
/// structure, [`safe`] does not.
pub(crate) fn stand_in(c: char) -> Option<char> {
    match c {
        '\0'..='\u{1F}' => Some(char::from_u32(0x2400 + u32::from(c)).unwrap_or(REPLACEMENT)),
        '\u{7F}' => Some('\u{2421}'),
        _ if c.is_control() || is_hidden(c) => Some(REPLACEMENT),
        _ => None,
    }
}

/// Whether `c` reorders text or shows as nothing, and is not needed to write ordinary text.
///
/// This is Unicode's `Default_Ignorable_Code_Point` set (characters a renderer draws as nothing)
/// plus the interlinear annotation marks, minus the few that real prose depends on: the soft
/// hyphen (U+00AD), the combining grapheme joiner (U+034F), the zero-width non-joiner and joiner
/// (U+200C, U+200D: Persian and Indic spelling, emoji sequences), and the variation selectors
/// (U+180B–U+180D, U+180F, U+FE00–U+FE0F: emoji and Mongolian presentation). What remains
/// includes the bidirectional marks, embeddings, overrides and isolates ("Trojan Source"), the
/// zero-width space, word joiner and invisible operators, a byte-order mark after the start, the
/// Hangul fillers, the tag characters and the supplementary variation selectors (both used to
/// smuggle invisible text).
pub fn is_hidden(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180E}'
            | '\u{200B}'
            | '\u{200E}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// `text` made safe to print anywhere outside the article: file names in the status bar and in
/// titles, error messages on stderr.
///
/// Every control character (tab and line breaks included, so the result stays on one line) and
/// every [hidden](is_hidden) character is replaced by a visible stand-in, one code point for one.
/// Text with nothing to replace is borrowed, not copied.
pub fn safe(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| stand_in(c).is_none()) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().map(|c| stand_in(c).unwrap_or(c)).collect())
    }
}

/// `text` made safe like [`safe`], but keeping its line breaks (`\n`) and tabs: for fields
/// that may hold several lines, such as a note in a CSV file that a terminal may print.
pub fn safe_lines(text: &str) -> Cow<'_, str> {
    let keep = |c: char| c == '\n' || c == '\t';
    if text.chars().all(|c| keep(c) || stand_in(c).is_none()) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(
            text.chars()
                .map(|c| if keep(c) { c } else { stand_in(c).unwrap_or(c) })
                .collect(),
        )
    }
}

/// `text` on one line, for a quote in a list or a message: every run of white space (line breaks
/// of hard-wrapped text included) becomes one space. Pass the result through [`safe`] to print it.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The quote marks to put around `text` when showing it as a quotation: `“` and `”`, less any
/// the text already has, so that a quotation shows `“But I will not…”` and not `““But…””`.
///
/// German `„…“` closes with `“`; and a final `’` or `'` after a letter with no opening single
/// quote before it is an apostrophe (`the ministers’`), which closes nothing.
pub fn quote_marks(text: &str) -> (&'static str, &'static str) {
    let start = text.trim_start();
    let end = text.trim_end();
    let opens = start.starts_with(['"', '\'', '“', '‘', '„', '‚', '«', '‹', '「', '『']);
    let mut last = end.chars().rev();
    let closes = match (last.next(), last.next()) {
        (Some(c @ ('’' | '\'')), before) => {
            let opening = if c == '’' { '‘' } else { '\'' };
            !before.is_some_and(char::is_alphanumeric)
                || end[..end.len() - c.len_utf8()].contains(opening)
        }
        (Some('“'), _) => start.starts_with('„'),
        (Some(c), _) => ['"', '”', '»', '›', '」', '』'].contains(&c),
        (None, _) => false,
    };
    (if opens { "" } else { "“" }, if closes { "" } else { "”" })
}

/// `text` in quote marks, adding only those it lacks (see [`quote_marks`]).
pub fn quoted(text: &str) -> String {
    let (open, close) = quote_marks(text);
    format!("{open}{text}{close}")
}

/// A path shown through [`safe`]: use it wherever `Path::display` would print a path a user or an
/// attacker chose.
#[derive(Debug, Clone, Copy)]
pub struct SafePath<'a>(&'a Path);

/// Wraps `path` so that printing it shows stand-ins instead of control and hidden characters.
pub fn safe_path(path: &Path) -> SafePath<'_> {
    SafePath(path)
}

impl fmt::Display for SafePath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&safe(&self.0.to_string_lossy()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn quote_marks_the_text_has_are_not_added_again() {
        assert_eq!(quoted("Rain fell."), "“Rain fell.”");
        assert_eq!(
            quoted("“But I will not speculate.”"),
            "“But I will not speculate.”"
        );
        assert_eq!(quoted("“We will,” she said."), "“We will,” she said.”");
        assert_eq!(quoted("She said: \"No.\""), "“She said: \"No.\"");
        assert_eq!(quote_marks("«Non»"), ("", ""));
    }

    #[test]
    fn apostrophes_and_other_languages_quote_marks_are_told_apart() {
        assert_eq!(quoted("„Wir prüfen alles.“"), "„Wir prüfen alles.“");
        assert_eq!(quoted("„Nein"), "„Nein”");
        assert_eq!(quoted("「港は閉鎖された」"), "「港は閉鎖された」");
        assert_eq!(quoted("the ministers’"), "“the ministers’”");
        assert_eq!(quoted("the ministers'"), "“the ministers'”");
        assert_eq!(quoted("‘We will,’"), "‘We will,’");
        assert_eq!(quoted("He said ‘no’"), "“He said ‘no’");
        assert_eq!(quoted("'No'"), "'No'");
        assert_eq!(quoted("“"), "“”");
        assert_eq!(quoted(""), "“”");
    }

    #[test]
    fn safe_lines_keeps_line_breaks_and_tabs_only() {
        assert_eq!(safe_lines("a\tb\nc"), "a\tb\nc");
        assert_eq!(safe_lines("x\x1b[31m\r\ny"), "x\u{241B}[31m\u{240D}\ny");
        assert!(!safe_lines("a\u{202E}b").contains('\u{202E}'));
    }

    #[test]
    fn terminal_controls_get_their_pictures() {
        assert_eq!(safe("a\x1b]0;x\x07.txt"), "a\u{241B}]0;x\u{2407}.txt");
        assert_eq!(
            safe("tab\there\r\nnext"),
            "tab\u{2409}here\u{240D}\u{240A}next"
        );
        assert_eq!(safe("del\x7f c1\u{9b}31m"), "del\u{2421} c1\u{FFFD}31m");
        assert_eq!(safe("nul\0"), "nul\u{2400}");
    }

    #[test]
    fn bidi_and_invisible_characters_are_shown() {
        for c in [
            '\u{202E}',
            '\u{2066}',
            '\u{2069}',
            '\u{200B}',
            '\u{200E}',
            '\u{2060}',
            '\u{2064}',
            '\u{FEFF}',
            '\u{180E}',
            '\u{061C}',
            '\u{E0041}',
            '\u{E0100}',
            '\u{3164}',
        ] {
            assert_eq!(
                safe(&format!("a{c}b")),
                "a\u{FFFD}b",
                "U+{:04X}",
                u32::from(c)
            );
        }
    }

    #[test]
    fn characters_ordinary_text_needs_are_kept() {
        for text in [
            "Grüße, 東京, naïve",
            "می\u{200C}خواهم",
            "👩\u{200D}💻 ❤\u{FE0F}",
            "co\u{AD}operate",
            "\u{05D0}\u{034F}\u{05B8}",
        ] {
            assert!(
                matches!(safe(text), Cow::Borrowed(_)),
                "{text:?} was changed"
            );
        }
    }

    #[test]
    fn paths_display_safely() {
        let path = Path::new("dir/a\x1b]0;x\x07.txt");
        assert_eq!(safe_path(path).to_string(), "dir/a\u{241B}]0;x\u{2407}.txt");
    }

    proptest! {
        #[test]
        fn safe_text_is_safe_and_one_for_one(text in any::<String>()) {
            let shown = safe(&text);
            prop_assert_eq!(shown.chars().count(), text.chars().count());
            prop_assert!(shown.chars().all(|c| !c.is_control() && !is_hidden(c)), "{:?}", shown);
            prop_assert_eq!(safe(&shown), shown.clone());
        }
    }
}
