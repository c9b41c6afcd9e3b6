//! Whether a claim's source is named or anonymous: the figure an editor's sourcing audit asks
//! for ("how much of this story rests on anonymous sources?"), kept with the claim rather than
//! worked out again from its source's words.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The kind of a claim's source, as the sidecar's `source_kind` writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A specific person, organisation or document ("Jane Smith", "the Treasury").
    Named,
    /// An unnamed or vague speaker ("a Treasury spokesman", "officials", "critics").
    Anonymous,
}

/// Why a text is not a source kind; the message names both values allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("source_kind \"{0}\" is neither \"named\" nor \"anonymous\"")]
pub struct SourceKindError(pub String);

impl SourceKind {
    /// Every kind, in the order counts and columns show them.
    pub const ALL: [Self; 2] = [Self::Named, Self::Anonymous];

    /// The word written in the sidecar, in JSON and on screen.
    pub fn name(self) -> &'static str {
        match self {
            Self::Named => "named",
            Self::Anonymous => "anonymous",
        }
    }
}

impl fmt::Display for SourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for SourceKind {
    type Err = SourceKindError;

    /// Reads `named` or `anonymous`, exactly as the sidecar writes them.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.name() == text)
            .ok_or_else(|| SourceKindError(text.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_kinds_read_back_as_written() {
        for kind in SourceKind::ALL {
            assert_eq!(kind.name().parse::<SourceKind>(), Ok(kind));
            assert_eq!(kind.to_string(), kind.name());
        }
    }

    #[test]
    fn anything_else_is_refused_with_the_value() {
        for bad in ["", "Named", "anon", " named", "unsourced"] {
            let error = bad.parse::<SourceKind>().expect_err(bad);
            assert!(error.to_string().contains(&format!("\"{bad}\"")), "{error}");
        }
    }
}
