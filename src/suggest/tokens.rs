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

impl Tokens {
    /// Tokenises `text[span]`; offsets are into `text`.
    #[cfg(test)]
    pub fn new(text: &str, span: Range<usize>) -> Self {
        let mut tokens = Self::default();
        tokens.fill(text, span);
        tokens
    }

    /// Clears and refills, reusing the buffers.
    pub fn fill(&mut self, text: &str, span: Range<usize>) {
        self.list.clear();
        self.lower.clear();
        let base = span.start;
        let s = &text[span];
        let mut chars = s.char_indices().peekable();
        let mut single_open = false;
        while let Some((i, c)) = chars.next() {
            if is_word_char(c) {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if is_word_char(d) {
                        end = j + d.len_utf8();
                        chars.next();
                        continue;
                    }
                    if is_joiner(d) {
                        let after = s[j + d.len_utf8()..].chars().next();
                        if after.is_some_and(is_word_char) {
                            end = j + d.len_utf8();
                            chars.next();
                            continue;
                        }
                        if d == '.' && Self::keeps_dot(&s[i..end]) {
                            end = j + 1;
                            chars.next();
                        }
                    }
                    break;
                }
                self.push_word(base + i..base + end, &s[i..end], c.is_uppercase());
                continue;
            }
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
                '"' => Kind::Quote(None),
                '’' | '\'' => continue,
                c if c.is_whitespace() => continue,
                _ => Kind::Other,
            };
            self.list.push(Token {
                span: base + i..base + i + c.len_utf8(),
                kind,
                lower: 0..0,
                capital: false,
            });
        }
    }

    fn keeps_dot(word: &str) -> bool {
        let lower = word.to_ascii_lowercase();
        word.contains('.')
            || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
            || ABBREVIATIONS.contains(&lower.as_str())
    }

    fn push_word(&mut self, span: Range<usize>, word: &str, capital: bool) {
        let start = self.lower.len();
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
        });
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
            words("“It’s over,” said Osei-Bello."),
            ["“", "It’s", "over", ",", "”", "said", "Osei-Bello", "."]
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
