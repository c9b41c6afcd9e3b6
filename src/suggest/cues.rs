//! The cue-word lists: embedded from `assets/cues.toml`, extended by the config.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use super::organisation::Body;

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
    /// More bodies, by noun or by name ("prefecture", "Port Valmere Harbour Board"): sources
    /// the exports type as an organisation rather than a person.
    #[serde(default)]
    pub organisations: Vec<String>,
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
    organisations: Vec<String>,
    grammar: GrammarLists,
}

/// The `[grammar]` table as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct GrammarLists {
    auxiliaries: Vec<String>,
    blockers: Vec<String>,
    boundaries: Vec<String>,
    determiners: Vec<String>,
    indefinites: Vec<String>,
    prepositions: Vec<String>,
    leading: Vec<String>,
    cuts: Vec<String>,
    forward_stops: Vec<String>,
    pronouns: Vec<String>,
    writer: Vec<String>,
    inverting: Vec<String>,
    strong: Vec<String>,
    not_clause: Vec<String>,
    participles: Vec<String>,
    statements: Vec<String>,
    irregular_past: Vec<String>,
    finite: Vec<String>,
    not_before_to: Vec<String>,
    negatable: Vec<String>,
    negations: Vec<String>,
    complements: Vec<String>,
    agentless: Vec<String>,
    naming: Vec<String>,
    stance: Vec<String>,
    copulas: Vec<String>,
    agentless_framed: Vec<String>,
}

/// Closed word classes and verb frames the rules read sentences with (`[grammar]` in
/// `assets/cues.toml`; each list is documented there).
#[derive(Debug, Clone)]
pub(super) struct Grammar {
    pub auxiliaries: Set,
    pub blockers: Set,
    pub boundaries: Set,
    pub determiners: Set,
    pub indefinites: Set,
    pub prepositions: Set,
    pub leading: Set,
    pub cuts: Set,
    pub forward_stops: Set,
    pub pronouns: Set,
    pub writer: Set,
    pub inverting: Set,
    pub strong: Set,
    pub not_clause: Set,
    pub participles: Set,
    pub statements: Phrases,
    pub irregular_past: Set,
    pub finite: Set,
    pub not_before_to: Set,
    pub negatable: Set,
    pub negations: Set,
    pub complements: Set,
    pub agentless: Set,
    pub naming: Set,
    pub stance: Set,
    pub copulas: Set,
    pub agentless_framed: Set,
}

impl Grammar {
    fn new(g: &GrammarLists) -> Self {
        Self {
            auxiliaries: set(&g.auxiliaries),
            blockers: set(&g.blockers),
            boundaries: set(&g.boundaries),
            determiners: set(&g.determiners),
            indefinites: set(&g.indefinites),
            prepositions: set(&g.prepositions),
            leading: set(&g.leading),
            cuts: set(&g.cuts),
            forward_stops: set(&g.forward_stops),
            pronouns: set(&g.pronouns),
            writer: set(&g.writer),
            inverting: set(&g.inverting),
            strong: set(&g.strong),
            not_clause: set(&g.not_clause),
            participles: set(&g.participles),
            statements: phrases(&g.statements),
            irregular_past: set(&g.irregular_past),
            finite: set(&g.finite),
            not_before_to: set(&g.not_before_to),
            negatable: set(&g.negatable),
            negations: set(&g.negations),
            complements: set(&g.complements),
            agentless: set(&g.agentless),
            naming: set(&g.naming),
            stance: set(&g.stance),
            copulas: set(&g.copulas),
            agentless_framed: set(&g.agentless_framed),
        }
    }
}

/// Phrases of one or more words, indexed by their first word.
#[derive(Debug, Clone, Default)]
pub(super) struct Phrases(HashMap<String, Vec<Vec<String>>, Fast>);

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

/// What a word can be, as bits, so each word of a sentence is looked up once.
pub(super) mod flag {
    /// A reporting verb.
    pub const VERB: u16 = 1;
    /// A verb that reports when a document is its subject.
    pub const DOCUMENT_VERB: u16 = 1 << 1;
    /// The first word of a hedge.
    pub const HEDGE: u16 = 1 << 2;
    /// The first word of a phrase that withholds the speaker.
    pub const ANONYMOUS_PHRASE: u16 = 1 << 3;
    /// The first word of an attribution with no speaker ("it is understood").
    pub const SPOKEN: u16 = 1 << 4;
    /// "according" (to) and "citing": a source follows.
    pub const LEAD: u16 = 1 << 5;
    /// "in", which may open "in a statement".
    pub const IN: u16 = 1 << 6;
    /// An adjective of stance after a copula: "X was critical of", "analysts were disappointed".
    pub const STANCE: u16 = 1 << 7;
}

/// A fixed, fast hash for the short words of the lexicon (not exposed to untrusted keys that
/// could choose collisions: the keys are the cue lists).
type Fast = foldhash::fast::FixedState;

/// The cue lists, ready for matching: every word lower-case.
#[derive(Debug, Clone)]
pub struct Cues {
    pub(super) verbs: Set,
    pub(super) document_verbs: Set,
    pub(super) documents: Set,
    pub(super) anonymous: Set,
    pub(super) weasels: Set,
    pub(super) labels: Set,
    pub(super) roles: Set,
    /// Bodies by noun or name, for [`super::body::is_body`].
    pub(super) organisations: Vec<Body>,
    pub(super) anonymous_phrases: Phrases,
    pub(super) anonymous_attributions: Phrases,
    pub(super) hedges: Phrases,
    pub(super) furniture: Vec<String>,
    pub(super) grammar: Grammar,
    /// Every word that starts a cue, with its [`flag`]s.
    lexicon: HashMap<String, u16, Fast>,
    /// The longest word of the lexicon, in bytes: longer words need no lookup.
    longest: usize,
}

/// A set of lower-case words with the fast hash.
pub(super) type Set = HashSet<String, Fast>;

fn set(words: &[String]) -> Set {
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
            organisations: lists
                .organisations
                .iter()
                .chain(&extra.organisations)
                .filter_map(|entry| Body::new(entry))
                .collect(),
            anonymous_phrases: phrases(&lists.anonymous_phrases),
            anonymous_attributions: phrases(&lists.anonymous_attributions),
            hedges: phrases(&lists.hedges),
            furniture: lists.furniture.iter().map(|f| f.to_lowercase()).collect(),
            grammar: Grammar::new(&lists.grammar),
            lexicon: HashMap::default(),
            longest: 0,
        };
        cues.verbs.extend(set(&extra.verbs));
        cues.anonymous.extend(set(&extra.anonymous));
        cues.documents.extend(set(&extra.documents));
        for hedge in &extra.hedges {
            cues.hedges.add(hedge);
        }
        cues.furniture
            .extend(extra.furniture.iter().map(|f| f.trim().to_lowercase()));
        cues.build_lexicon();
        Ok(cues)
    }

    fn build_lexicon(&mut self) {
        let mut lexicon: HashMap<String, u16, Fast> = HashMap::default();
        let mut mark = |word: &str, bit: u16| *lexicon.entry(word.to_owned()).or_default() |= bit;
        for word in &self.verbs {
            mark(word, flag::VERB);
        }
        for word in &self.document_verbs {
            mark(word, flag::DOCUMENT_VERB);
        }
        for (phrases, bit) in [
            (&self.hedges, flag::HEDGE),
            (&self.anonymous_phrases, flag::ANONYMOUS_PHRASE),
            (&self.anonymous_attributions, flag::SPOKEN),
        ] {
            for first in phrases.0.keys() {
                mark(first, bit);
            }
        }
        for word in &self.grammar.stance {
            mark(word, flag::STANCE);
        }
        for word in ["according", "citing"] {
            mark(word, flag::LEAD);
        }
        mark("in", flag::IN);
        self.longest = lexicon.keys().map(String::len).max().unwrap_or(0);
        self.lexicon = lexicon;
    }

    /// The [`flag`]s of a lower-case word.
    pub(super) fn flags(&self, word: &str) -> u16 {
        if word.len() > self.longest {
            return 0;
        }
        self.lexicon.get(word).copied().unwrap_or(0)
    }

    /// The embedded lists alone.
    pub fn builtin() -> Self {
        Self::new(&Extra::default()).expect("assets/cues.toml is valid (checked by a test)")
    }

    /// The embedded lists alone, parsed once per process and shared: for code that reads many
    /// reports (in parallel) with no config at hand. Parsing `assets/cues.toml` costs more than
    /// loading and segmenting a news story: once per report, it was most of `stats`' time.
    pub fn shared() -> &'static Self {
        static SHARED: OnceLock<Cues> = OnceLock::new();
        SHARED.get_or_init(Self::builtin)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lists_load_and_extend() {
        let cues = Cues::builtin();
        assert!(cues.verbs.contains("said") && cues.anonymous.contains("officials"));
        assert_eq!(cues.hedges.starting("reportedly").len(), 1);
        assert!(cues.grammar.strong.contains("said") && cues.grammar.determiners.contains("the"));
        let extra = Extra {
            verbs: vec!["Relayed".into()],
            hedges: vec!["word has it".into()],
            ..Extra::default()
        };
        let cues = Cues::new(&extra).expect("valid");
        assert!(cues.verbs.contains("relayed"));
        assert_eq!(cues.hedges.starting("word").len(), 1);
        assert!(
            std::ptr::eq(Cues::shared(), Cues::shared()),
            "parsed once, then shared"
        );
        assert!(Cues::shared().verbs.contains("said"));
    }
}
