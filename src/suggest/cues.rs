//! The cue-word lists: embedded from `assets/cues.toml`, extended by the config.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

/// The embedded lists.
const BUILTIN: &str = include_str!("../../assets/cues.toml");

/// Why the cue lists could not be built (only a broken embedded file, caught by a test).
#[derive(Debug, thiserror::Error)]
#[error("assets/cues.toml: {0}")]
pub struct CueError(String);

/// Words the config adds to the embedded lists, for another newsroom's style or language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extra {
    /// More reporting verbs, every form written out ("relayed", "relays").
    #[serde(default)]
    pub verbs: Vec<String>,
    /// More heads of anonymous sources ("functionary").
    #[serde(default)]
    pub anonymous: Vec<String>,
    /// More hedges, words or phrases ("word has it").
    #[serde(default)]
    pub hedges: Vec<String>,
    /// More document nouns ("communiqué").
    #[serde(default)]
    pub documents: Vec<String>,
    /// More page furniture, matched at the start of a sentence ("read the full story").
    #[serde(default)]
    pub furniture: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Lists {
    verbs: Vec<String>,
    document_verbs: Vec<String>,
    documents: Vec<String>,
    anonymous: Vec<String>,
    anonymous_phrases: Vec<String>,
    anonymous_attributions: Vec<String>,
    hedges: Vec<String>,
    weasels: Vec<String>,
    furniture: Vec<String>,
    labels: Vec<String>,
    roles: Vec<String>,
}

/// Phrases of one or more words, indexed by their first word.
#[derive(Debug, Clone, Default)]
pub(super) struct Phrases(HashMap<String, Vec<Vec<String>>>);

impl Phrases {
    fn add(&mut self, phrase: &str) {
        let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
        if let Some(first) = words.first() {
            self.0.entry(first.clone()).or_default().push(words);
        }
    }

    /// The phrases that start with `word`.
    pub(super) fn starting(&self, word: &str) -> &[Vec<String>] {
        self.0.get(word).map_or(&[], Vec::as_slice)
    }
}

/// The cue lists, ready for matching: every word lower-case.
#[derive(Debug, Clone)]
pub struct Cues {
    pub(super) verbs: HashSet<String>,
    pub(super) document_verbs: HashSet<String>,
    pub(super) documents: HashSet<String>,
    pub(super) anonymous: HashSet<String>,
    pub(super) weasels: HashSet<String>,
    pub(super) labels: HashSet<String>,
    pub(super) roles: HashSet<String>,
    pub(super) anonymous_phrases: Phrases,
    pub(super) anonymous_attributions: Phrases,
    pub(super) hedges: Phrases,
    pub(super) furniture: Vec<String>,
}

fn set(words: &[String]) -> HashSet<String> {
    words.iter().map(|w| w.trim().to_lowercase()).collect()
}

fn phrases(list: &[String]) -> Phrases {
    let mut phrases = Phrases::default();
    for phrase in list {
        phrases.add(phrase);
    }
    phrases
}

impl Cues {
    /// The embedded lists with the config's words added.
    pub fn new(extra: &Extra) -> Result<Self, CueError> {
        let lists: Lists = toml::from_str(BUILTIN).map_err(|e| CueError(e.to_string()))?;
        let mut cues = Self {
            verbs: set(&lists.verbs),
            document_verbs: set(&lists.document_verbs),
            documents: set(&lists.documents),
            anonymous: set(&lists.anonymous),
            weasels: set(&lists.weasels),
            labels: set(&lists.labels),
            roles: set(&lists.roles),
            anonymous_phrases: phrases(&lists.anonymous_phrases),
            anonymous_attributions: phrases(&lists.anonymous_attributions),
            hedges: phrases(&lists.hedges),
            furniture: lists.furniture.iter().map(|f| f.to_lowercase()).collect(),
        };
        cues.verbs.extend(set(&extra.verbs));
        cues.anonymous.extend(set(&extra.anonymous));
        cues.documents.extend(set(&extra.documents));
        for hedge in &extra.hedges {
            cues.hedges.add(hedge);
        }
        cues.furniture
            .extend(extra.furniture.iter().map(|f| f.trim().to_lowercase()));
        Ok(cues)
    }

    /// The embedded lists alone.
    pub fn builtin() -> Self {
        Self::new(&Extra::default()).expect("assets/cues.toml is valid (checked by a test)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_load_and_extend() {
        let cues = Cues::builtin();
        assert!(cues.verbs.contains("said") && cues.anonymous.contains("officials"));
        assert_eq!(cues.hedges.starting("is").len(), 2);
        let extra = Extra {
            verbs: vec!["Relayed".into()],
            hedges: vec!["word has it".into()],
            ..Extra::default()
        };
        let cues = Cues::new(&extra).expect("valid");
        assert!(cues.verbs.contains("relayed"));
        assert_eq!(cues.hedges.starting("word").len(), 1);
    }
}
