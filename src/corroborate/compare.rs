//! The check of a candidate pair (do two sentences state the same thing?) and, for a group, where
//! its members disagree on a number, a date or a name.

use std::collections::HashMap;

use super::words::{Fact, FactKind, Features};

/// A sentence needs this many content words and fact tokens to be compared at all, and a pair
/// must share as many: below it, a match says more about the topic than about the claim.
pub const MIN_WORDS: usize = 3;

/// The weighted share of content words two sentences must have in common (weighted Jaccard,
/// each word weighted by how rare it is in the folder).
pub const SAME_CLAIM: f32 = 0.5;

/// The share they must have when their numbers, dates or names disagree: the more the facts
/// differ, the closer the words must be ("moved from 13 to number four" and "moved up three to
/// number two" share their words but are about two albums).
pub const SAME_CLAIM_DIFFERING: f32 = 0.7;

/// The shorter sentence must have at least 1/`LENGTH_RATIO` of the longer one's content words:
/// "A monitor, keyboard or mouse." is inside a longer sentence but does not state what it states.
pub const LENGTH_RATIO: usize = 2;

/// How much each word weighs: its inverse document frequency over the sentences of the folder.
/// The words of the event every report is about (the place, "bridge") are in many sentences and
/// weigh little, so two sentences on the same topic that say different things stay apart.
#[derive(Debug, Default)]
pub struct Weights {
    idf: HashMap<u64, f32, foldhash::fast::FixedState>,
}

impl Weights {
    /// The weights for a folder with these sentences.
    pub fn new<'a>(sentences: impl Iterator<Item = &'a Features>) -> Self {
        let mut df: HashMap<u64, u32, foldhash::fast::FixedState> = HashMap::default();
        let mut n = 0u32;
        for sentence in sentences {
            n += 1;
            for &w in sentence.words.iter().chain(&sentence.fact_words) {
                *df.entry(w).or_default() += 1;
            }
        }
        let total = f64::from(n) + 1.0;
        let idf = df
            .into_iter()
            .map(|(w, d)| (w, ((total / (f64::from(d) + 1.0)).ln() + 1.0) as f32))
            .collect();
        Self { idf }
    }

    fn of(&self, word: u64) -> f32 {
        self.idf.get(&word).copied().unwrap_or(1.0)
    }
}

/// Whether two sentences say the same thing: enough shared words and facts, weighted. When their
/// facts disagree, the facts they do not share are left out (they are the difference, shown
/// apart) and the rest must agree more closely.
pub fn same_claim(left: &Features, right: &Features, weights: &Weights) -> bool {
    let (short, long) = (left.len().min(right.len()), left.len().max(right.len()));
    if short < MIN_WORDS || short * LENGTH_RATIO < long {
        return false;
    }
    // Most candidates share a word or two: count before weighing anything.
    if count_shared(&left.words, &right.words) + count_shared(&left.fact_words, &right.fact_words)
        < MIN_WORDS
    {
        return false;
    }
    let words = shared_words(&left.words, &right.words);
    let facts = shared_words(&left.fact_words, &right.fact_words);
    let weight = |words: &[u64]| words.iter().map(|w| weights.of(*w)).sum::<f32>();
    let shared = weight(&words) + weight(&facts);
    let all_words = weight(&left.words) + weight(&right.words) - weight(&words);
    let all_facts = weight(&left.fact_words) + weight(&right.fact_words) - weight(&facts);
    if shared >= SAME_CLAIM_DIFFERING * (all_words + all_facts) {
        // Close enough even if the facts differ, with every fact counted.
        return true;
    }
    if differences(&[&left.facts, &right.facts]).is_empty() {
        shared >= SAME_CLAIM * (all_words + all_facts)
    } else {
        shared >= SAME_CLAIM_DIFFERING * (all_words + weight(&facts))
    }
}

/// How many words two sorted lists have in common.
fn count_shared(left: &[u64], right: &[u64]) -> usize {
    let mut shared = 0;
    each_shared(left, right, |_| shared += 1);
    shared
}

/// The words two sorted lists have in common.
fn shared_words(left: &[u64], right: &[u64]) -> Vec<u64> {
    let mut shared = Vec::new();
    each_shared(left, right, |word| shared.push(word));
    shared
}

/// Calls `found` with each word two sorted lists have in common.
fn each_shared(left: &[u64], right: &[u64], mut found: impl FnMut(u64)) {
    let (mut l, mut r) = (0, 0);
    while let (Some(x), Some(y)) = (left.get(l), right.get(r)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => l += 1,
            std::cmp::Ordering::Greater => r += 1,
            std::cmp::Ordering::Equal => {
                found(*x);
                l += 1;
                r += 1;
            }
        }
    }
}

/// Where the members of a group disagree: a kind of fact on which two members each give a value
/// the other does not. One member giving a figure the other leaves out is no disagreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// Numbers, dates or names.
    pub kind: FactKind,
    /// The values not every member gives, as first written, in member order, one per value.
    pub values: Vec<String>,
}

/// The differences among members with these facts.
pub fn differences(members: &[&[Fact]]) -> Vec<Difference> {
    [FactKind::Number, FactKind::Date, FactKind::Name]
        .into_iter()
        .filter_map(|kind| {
            let sets: Vec<Vec<&Fact>> = members
                .iter()
                .map(|facts| facts.iter().filter(|f| f.kind == kind).collect::<Vec<_>>())
                .filter(|set| !set.is_empty())
                .collect();
            let mut conflict = false;
            let mut values: Vec<&Fact> = Vec::new();
            for (i, a) in sets.iter().enumerate() {
                for b in sets.iter().skip(i + 1) {
                    let (only_a, only_b) = (missing(a, b), missing(b, a));
                    if !only_a.is_empty() && !only_b.is_empty() {
                        conflict = true;
                        for v in only_a.into_iter().chain(only_b) {
                            if !values.iter().any(|seen| seen.key == v.key) {
                                values.push(v);
                            }
                        }
                    }
                }
            }
            conflict.then(|| Difference {
                kind,
                values: values.iter().map(|f| f.written.clone()).collect(),
            })
        })
        .collect()
}

/// The facts of `a` that `b` does not give.
fn missing<'f>(a: &[&'f Fact], b: &[&Fact]) -> Vec<&'f Fact> {
    a.iter()
        .filter(|f| !b.iter().any(|g| matches(f, g)))
        .copied()
        .collect()
}

/// Whether two facts of one kind give the same value. Numbers must be equal; a date or name
/// matches one that contains all its words ("Berg" is "Anna Berg", "March" is "5 March").
fn matches(a: &Fact, b: &Fact) -> bool {
    if a.key == b.key {
        return true;
    }
    if a.kind == FactKind::Number {
        return false;
    }
    let (short, long) = if a.key.len() <= b.key.len() {
        (&a.key, &b.key)
    } else {
        (&b.key, &a.key)
    };
    short
        .split_whitespace()
        .all(|w| long.split_whitespace().any(|l| l == w))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::words::features;
    use super::*;

    fn words(text: &str) -> Features {
        features(text, 0..text.len(), &[])
    }

    fn facts(text: &str) -> Vec<Fact> {
        features(text, 0..text.len(), &[]).facts
    }

    #[test]
    fn a_paraphrase_is_the_same_claim_and_another_statement_is_not() {
        let a = words("Two officers were injured when the crowd turned violent near the bridge.");
        let b = words("The crowd near the bridge turned violent and three officers were hurt.");
        let c = words("Officers near the bridge closed the road to traffic for the evening.");
        let weights = Weights::new([&a, &b, &c].into_iter());
        assert!(same_claim(&a, &b, &weights));
        assert!(!same_claim(&a, &c, &weights));
        assert!(!same_claim(&b, &c, &weights));
    }

    #[test]
    fn differing_facts_need_closer_words() {
        let a = words("Their album moved from 13 to number four in the chart this week.");
        let b = words("The band's album moved up three to number two in the chart.");
        let c = words("Their album moved from 13 to number five in the chart this week.");
        let weights = Weights::new([&a, &b, &c].into_iter());
        assert!(!same_claim(&a, &b, &weights), "shared words, other figures");
        assert!(
            same_claim(&a, &c, &weights),
            "the same words, one figure differs"
        );
    }

    #[test]
    fn a_short_sentence_inside_a_long_one_is_not_the_same_claim() {
        let a = words("A monitor, keyboard and mouse.");
        let b = words(
            "Without a monitor, keyboard and mouse you will need to buy them separately at a shop.",
        );
        let weights = Weights::new([&a, &b].into_iter());
        assert!(!same_claim(&a, &b, &weights));
    }

    #[test]
    fn short_sentences_are_not_compared() {
        let a = words("The bridge fell.");
        let weights = Weights::new([&a].into_iter());
        assert!(!same_claim(&a, &a, &weights));
    }

    #[test]
    fn a_differing_figure_is_reported_and_an_omission_is_not() {
        let a = facts("Two officers were hurt on Monday.");
        let b = facts("Three officers were hurt.");
        let c = facts("3 officers were hurt on Monday.");
        let diffs = differences(&[&a, &b, &c]);
        assert_eq!(
            diffs,
            [Difference {
                kind: FactKind::Number,
                values: vec!["Two".to_owned(), "Three".to_owned()],
            }]
        );
        assert!(differences(&[&b, &c]).is_empty());
    }

    #[test]
    fn names_match_by_their_words() {
        let a = facts("The road was closed by Anna Berg of Harbour Rescue.");
        let b = facts("The road was closed by Berg.");
        let c = facts("The road was closed by Tomas Reyes.");
        assert!(differences(&[&a, &b]).is_empty());
        assert_eq!(differences(&[&b, &c])[0].values, ["Berg", "Tomas Reyes"]);
    }
}
