//! One entry of the `organisations` cue list (`assets/cues.toml`), parsed once when the cue lists
//! are built, and the word splitting it shares with [`super::body`]. A leaf: the cue lists hold
//! these, and `body` reads the cue lists.

/// One entry of the `organisations` list, as words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Body {
    /// The words, lower case unless `exact`.
    words: Vec<String>,
    /// Written in capitals (`UN`, `WHO`): matches only in capitals, so the words "un" and "who"
    /// are not bodies.
    exact: bool,
}

impl Body {
    /// The entry as written in the list.
    pub(super) fn new(entry: &str) -> Option<Self> {
        let words = words(entry);
        let exact = words
            .iter()
            .all(|w| w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()));
        let words: Vec<String> = if exact {
            words
        } else {
            words.iter().map(|w| w.to_lowercase()).collect()
        };
        (!words.is_empty()).then_some(Self { words, exact })
    }

    /// Whether the entry's words end exactly at the end of `phrase` (as written).
    pub(super) fn ends(&self, phrase: &[String]) -> bool {
        let Some(start) = phrase.len().checked_sub(self.words.len()) else {
            return false;
        };
        let tail = &phrase[start..];
        let last = tail.len() - 1;
        tail.iter()
            .zip(&self.words)
            .enumerate()
            .all(|(i, (word, want))| {
                if self.exact {
                    word == want
                } else {
                    let lower = word.to_lowercase();
                    // Only the head may be a plural ("unions", "authorities").
                    lower == *want || (i == last && singular(&lower).as_deref() == Some(want))
                }
            })
    }
}

/// The words of a phrase: letters and digits (apostrophes kept inside words, dots dropped, so
/// `U.N.` is `UN`), without a possessive `'s`.
pub(super) fn words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '.'))
        .map(|w| {
            let w = w.replace('.', "");
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(&w)
                .trim_matches(['\'', '’']);
            w.to_owned()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// A plural's singular, for heads: `unions` -> `union`, `authorities` -> `authority`.
pub(super) fn singular(word: &str) -> Option<String> {
    if let Some(stem) = word.strip_suffix("ies") {
        return Some(format!("{stem}y"));
    }
    word.strip_suffix('s').map(str::to_owned)
}
