//! Splitting a sentence into words and the punctuation the rules care about.

use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Letters and digits, with inner apostrophes, hyphens and abbreviation dots.
    Word,
    /// `,`
    Comma,
    /// A quotation mark: `Some(true)` opens, `Some(false)` closes, `None` cannot tell (`"`).
    Quote(Option<bool>),
    /// `:`
    Colon,
    /// `(`
    Open,
    /// `)`
    Close,
    /// Any other mark: `.`, `;`, `?`, `!`, dashes.
    Other,
}

/// One token: its byte range in the report's text and its lower-case form.
#[derive(Debug, Clone)]
pub(super) struct Token {
    /// Byte range in the report's text.
    pub span: Range<usize>,
    /// What it is.
    pub kind: Kind,
    /// Range of its lower-case form in [`Tokens::lower`].
    lower: Range<usize>,
    /// Whether it starts with an upper-case letter.
    pub capital: bool,
    /// What the word can be (`cues::flag` bits), set by [`Tokens::tag`].
    pub flags: u16,
}

/// A sentence's tokens.
#[derive(Debug, Default)]
pub(super) struct Tokens {
    /// The tokens in order.
    pub list: Vec<Token>,
    /// Every word's lower-case form, one after another.
    lower: String,
}

/// Abbreviations whose dot belongs to the word ("Dr. Okonkwo", "Lt. Gen. Smith").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "capt", "sgt", "maj", "adm", "gov", "sen",
    "rep", "st", "jr", "sr", "rev", "hon", "insp", "supt", "cmdr", "det", "no", "co", "corp",
    "inc", "ltd", "dept", "vs", "fr", "pres",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‑' | '.' | '&' | '/')
}

/// The character at byte `i` of `s` and its width; ASCII without decoding.
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        return (char::from(b), 1);
    }
    let c = s[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

/// Whether the straight quote at `s[at..after]` opens or closes a quotation, from its
/// neighbours: after a space (or at the start) and before a word it opens; after a word or a
/// mark and before a space, a mark or the end it closes. Copy whose paragraphs run together
/// depends on this: toggling alone flips every quotation after one left open.
fn straight_direction(s: &str, at: usize, after: usize) -> Option<bool> {
    let before = s[..at].chars().next_back();
    let next = s[after..].chars().next();
    let space_before =
        before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–'));
    let space_after = next.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '?' | '!' | ')' | ']')
    });
    match (space_before, space_after) {
        (true, false) => Some(true),
        (false, true) => Some(false),
        _ => None,
    }
}

/// Where the word starting at byte `start` of `s` ends: letters and digits, joined by inner
/// apostrophes, hyphens and dots, and an abbreviation's final dot.
fn word_end(s: &str, start: usize) -> usize {
    let bytes = s.as_bytes();
    let mut end = start;
    while end < bytes.len() {
        let (d, width) = char_at(s, end);
        if is_word_char(d) {
            end += width;
            continue;
        }
        // A thousands separator: "2,000" is one word.
        if d == ',' && end > start && bytes[end - 1].is_ascii_digit() {
            let after = end + 1;
            if bytes.get(after).is_some_and(u8::is_ascii_digit) {
                end = after;
                continue;
            }
        }
        if is_joiner(d) {
            let after = end + width;
            if after < bytes.len() && is_word_char(char_at(s, after).0) {
                end = after;
                continue;
            }
            if d == '.' && Tokens::keeps_dot(&s[start..end]) {
                end += 1;
            }
        }
        break;
    }
    end
}

impl Tokens {
    /// Tokenises `text[span]`; offsets are into `text`.
    #[cfg(test)]
    pub fn new(text: &str, span: Range<usize>) -> Self {
        let mut tokens = Self::default();
        tokens.fill(text, span);
        tokens
    }

    /// Clears and refills, reusing the buffers. ASCII, most of any report, is read byte by byte;
    /// other characters are decoded.
    pub fn fill(&mut self, text: &str, span: Range<usize>) {
        self.list.clear();
        self.lower.clear();
        let base = span.start;
        let s = &text[span];
        let bytes = s.as_bytes();
        let mut single_open = false;
        let mut i = 0;
        while i < bytes.len() {
            let (c, width) = char_at(s, i);
            if is_word_char(c) {
                let end = word_end(s, i);
                self.push_word(base + i..base + end, &s[i..end], c.is_uppercase());
                i = end;
                continue;
            }
            i += width;
            let kind = match c {
                ',' => Kind::Comma,
                ':' => Kind::Colon,
                '(' | '[' => Kind::Open,
                ')' | ']' => Kind::Close,
                '‘' => {
                    single_open = true;
                    Kind::Quote(Some(true))
                }
                '’' if single_open => {
                    single_open = false;
                    Kind::Quote(Some(false))
                }
                '“' | '«' | '„' => Kind::Quote(Some(true)),
                '”' | '»' => Kind::Quote(Some(false)),
                '"' => Kind::Quote(straight_direction(s, i - width, i)),
                '’' | '\'' => continue,
                c if c.is_whitespace() => continue,
                _ => Kind::Other,
            };
            self.list.push(Token {
                span: base + i - width..base + i,
                kind,
                lower: 0..0,
                capital: false,
                flags: 0,
            });
        }
    }

    fn keeps_dot(word: &str) -> bool {
        word.contains('.')
            || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
            || (word.len() <= 5 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)))
    }

    fn push_word(&mut self, span: Range<usize>, word: &str, capital: bool) {
        let start = self.lower.len();
        if word.is_ascii() {
            self.lower.push_str(word);
            self.lower[start..].make_ascii_lowercase();
            self.list.push(Token {
                span,
                kind: Kind::Word,
                lower: start..self.lower.len(),
                capital,
                flags: 0,
            });
            return;
        }
        for c in word.chars() {
            if c.is_ascii() {
                self.lower.push(c.to_ascii_lowercase());
            } else if c == '’' {
                self.lower.push('\'');
            } else {
                self.lower.extend(c.to_lowercase());
            }
        }
        self.list.push(Token {
            span,
            kind: Kind::Word,
            lower: start..self.lower.len(),
            capital,
            flags: 0,
        });
    }

    /// Sets each word's flags from `flags_of` (one lookup per word). Cue words are lower-case
    /// except at the start of a sentence, so names are not looked up.
    pub fn tag(&mut self, flags_of: impl Fn(&str) -> u16) {
        let mut first = true;
        for token in &mut self.list {
            if token.kind == Kind::Word {
                if first || !token.capital {
                    token.flags = flags_of(&self.lower[token.lower.clone()]);
                }
                first = false;
            } else if token.kind != Kind::Comma {
                // After a quotation mark or a colon a new clause may start with a capital.
                first = true;
            }
        }
    }

    /// Whether token `i` has any of the flag bits `bits`.
    pub fn has(&self, i: usize, bits: u16) -> bool {
        self.list.get(i).is_some_and(|t| t.flags & bits != 0)
    }

    /// The lower-case form of token `i` (empty for punctuation and out of range).
    pub fn lower(&self, i: usize) -> &str {
        self.list
            .get(i)
            .and_then(|t| self.lower.get(t.lower.clone()))
            .unwrap_or("")
    }

    /// Whether token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.list.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// The byte range from token `a` to token `b` (inclusive).
    pub fn range(&self, a: usize, b: usize) -> Range<usize> {
        self.list[a].span.start..self.list[b].span.end
    }

    /// Whether the words from `at` are `phrase` (lower-case words).
    pub fn matches(&self, at: usize, phrase: &[String]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(k, w)| self.is_word(at + k) && self.lower(at + k) == w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let t = Tokens::new(text, 0..text.len());
        t.list
            .iter()
            .map(|t| text[t.span.clone()].to_owned())
            .collect()
    }

    #[test]
    fn abbreviations_keep_their_dots() {
        assert_eq!(
            words("Lt. Gen. Jane T. Smith, of the U.N., said."),
            [
                "Lt.", "Gen.", "Jane", "T.", "Smith", ",", "of", "the", "U.N.", ",", "said", "."
            ]
        );
        assert_eq!(
            words("A poll of 2,000 adults, 1,5 votes"),
            ["A", "poll", "of", "2,000", "adults", ",", "1,5", "votes"]
        );
        assert_eq!(
            words("“It’s over,” said Osei-Bello."),
            ["“", "It’s", "over", ",", "”", "said", "Osei-Bello", "."]
        );
    }

    #[test]
    fn straight_quotes_open_before_words_and_close_after_them() {
        let text = r#"He said: "We will win. "Nobody doubts it." Then "x" ended."#;
        let t = Tokens::new(text, 0..text.len());
        let quotes: Vec<Option<bool>> = t
            .list
            .iter()
            .filter_map(|t| match t.kind {
                Kind::Quote(d) => Some(d),
                _ => None,
            })
            .collect();
        assert_eq!(
            quotes,
            [Some(true), Some(true), Some(false), Some(true), Some(false)]
        );
    }

    #[test]
    fn lower_case_forms_line_up() {
        let text = "Ärzte SAID Über";
        let t = Tokens::new(text, 0..text.len());
        assert_eq!(
            (t.lower(0), t.lower(1), t.lower(2)),
            ("ärzte", "said", "über")
        );
        assert_eq!(t.lower(9), "");
    }
}
