//! Attribution suggestions: for each sentence, whether it rests on a source, who that source is,
//! and whether the source is named or anonymous.
//!
//! Pure text in, spans out: nothing here knows about terminals or files. The rules are plain and
//! explainable (see `docs/suggestions.md`): every suggestion carries the cue spans that decided
//! it, so the reader can show the user *why*. The word lists live in `assets/cues.toml` and can
//! be extended from the config.

mod analyse;
mod body;
mod claim;
mod cues;
mod document;
mod organisation;
mod phrase;
mod tokens;
mod verb;

use std::ops::Range;

pub use body::is_body;
pub use claim::claim_for;
pub use cues::{CueError, Cues, Extra};
pub use document::{count_candidates, suggest};

/// What a sentence is suggested to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// Attributed to someone or something the reader can point at.
    Sourced,
    /// Stated with no source, or only with a hedge ("reportedly", "critics say").
    Unsourced,
}

impl Verdict {
    /// The tag name used for this verdict, which is also the word written in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Self::Sourced => "sourced",
            Self::Unsourced => "unsourced",
        }
    }
}

/// Whether a sourced claim names who stands behind it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceKind {
    /// A specific person, organisation or document ("Jane Smith", "the Treasury").
    Named,
    /// An unnamed or vague speaker ("a Treasury spokesman", "officials", "it is understood").
    Anonymous,
}

impl SourceKind {
    /// The word written in JSON and shown on screen.
    pub fn name(self) -> &'static str {
        match self {
            Self::Named => "named",
            Self::Anonymous => "anonymous",
        }
    }
}

/// What a cue span is evidence of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CueKind {
    /// A reporting verb or phrase: "said", "according to", "in a statement".
    Attribution,
    /// Words that withhold the speaker: "on condition of anonymity", "it is understood".
    Anonymous,
    /// A hedge or weasel word: "reportedly", "critics say".
    Hedge,
    /// A quotation.
    Quote,
}

impl CueKind {
    /// The word written in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Self::Attribution => "attribution",
            Self::Anonymous => "anonymous",
            Self::Hedge => "hedge",
            Self::Quote => "quote",
        }
    }
}

/// One piece of evidence: a byte range of the report's text and what it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// Byte range in the report's text, always inside the sentence.
    pub span: Range<usize>,
    /// What the words are evidence of.
    pub kind: CueKind,
}

/// The suggestion for one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The sentence's byte range in the report's text.
    pub sentence: Range<usize>,
    /// `None` when the sentence is not a claim (heading, byline, question, page furniture).
    pub verdict: Option<Verdict>,
    /// Named or anonymous, for sourced sentences.
    pub kind: Option<SourceKind>,
    /// Byte range of the source's words. Inside the sentence, except when the source is carried
    /// over from another sentence ("He added that …", a quotation whose speaker is named where
    /// it ends): then it is where that source was named.
    pub source: Option<Range<usize>>,
    /// Whether `source` was carried over from another sentence.
    pub carried: bool,
    /// The evidence, in text order.
    pub cues: Vec<Cue>,
}

impl Suggestion {
    /// The source's words, as written in the report (`text` is the report's whole text).
    pub fn source_text<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.source.clone().and_then(|s| text.get(s))
    }

    /// The tag name to give the claim when the suggestion is accepted.
    pub fn status(&self) -> Option<&'static str> {
        self.verdict.map(Verdict::name)
    }
}

/// Each sentence of `text` as (suggestion, kind, source words), for the rules' unit tests.
#[cfg(test)]
fn rows(text: &str) -> Vec<(Option<&'static str>, Option<&'static str>, String)> {
    suggest(
        text,
        &crate::report::segment::sentences(text),
        &Cues::builtin(),
    )
    .into_iter()
    .map(|s| {
        let source = s.source_text(text).unwrap_or("").to_owned();
        (s.status(), s.kind.map(SourceKind::name), source)
    })
    .collect()
}

/// Asserts the first sentence of each text gets `(suggestion, kind, source)`.
#[cfg(test)]
fn expect_first(cases: &[(&str, Option<&str>, Option<&str>, &str)]) {
    for &(text, status, kind, source) in cases {
        let got = rows(text);
        assert_eq!(
            (got[0].0, got[0].1, got[0].2.as_str()),
            (status, kind, source),
            "{text}"
        );
    }
}
