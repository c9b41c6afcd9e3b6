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

/// The first claim in a loosely parsed sidecar whose `source_kind` is not one of the kinds: its
/// id and the value as written. Lets a load error name the claim, which the typed parse cannot.
pub(super) fn first_bad_source_kind(table: &toml::Table) -> Option<(String, String)> {
    let claims = table.get("claim")?.as_array()?;
    claims.iter().find_map(|claim| {
        let kind = claim.get("source_kind")?;
        if kind
            .as_str()
            .is_some_and(|k| k.parse::<SourceKind>().is_ok())
        {
            return None;
        }
        let id = claim
            .get("id")
            .and_then(toml::Value::as_str)
            .unwrap_or_default();
        let shown = kind
            .as_str()
            .map_or_else(|| kind.to_string(), str::to_owned);
        Some((id.to_owned(), shown))
    })
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

    #[test]
    fn a_bad_kind_is_found_with_its_claim() {
        let table: toml::Table = "[[claim]]\nid = \"a\"\nsource_kind = \"named\"\n\n\
             [[claim]]\nid = \"b\"\nsource_kind = 3\n"
            .parse()
            .expect("toml");
        assert_eq!(
            first_bad_source_kind(&table),
            Some(("b".to_owned(), "3".to_owned()))
        );
    }
}
