//! Corroboration: the same claim across the reports of a folder, how many independent sources
//! carry it, and where the reports disagree on a number, a date or a name.
//!
//! Under the corpus layer and knowing no terminal: `sidenote corroborate`, the reader's panel and
//! the review screen all ask the same [`Corroboration`]. It is built in three steps, each
//! explained in `docs/corroboration.md`:
//! 1. every report is read once ([`ReadReport`]): per sentence its content words and its facts
//!    ([`words`]), its sources and whether a claim covers it; the text is dropped;
//! 2. `MinHash` bands propose candidate pairs ([`minhash`]) and each is checked ([`compare`]);
//! 3. checked pairs are joined into groups of sentences from two or more reports.
//!
//! Building blocks on I/O and CPU: a screen builds it on a worker thread, then asks
//! [`Corroboration::group_of`] for the sentence under the cursor and [`Corroboration::members`]
//! (I/O again: run it off the UI thread too) for what to list.

pub mod cache;
pub mod compare;
pub mod minhash;
mod read;
pub mod words;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use cache::Cache;
pub use compare::Difference;
pub use read::{CorroborateError, Member, MemberClaim, ReadReport, Sentence, Suggested, source_id};
pub use words::FactKind;

use crate::suggest::Cues;

/// Sentences that share a band key with more than this many others are compared only with their
/// neighbours in windows this long, so a line repeated by thousands of reports stays cheap.
const MOST_IN_BUCKET: usize = 256;

/// Where the building stands, for a progress bar; and whether to stop.
pub trait Progress: Sync {
    /// One more report was read.
    fn read_one(&self) {}
    /// Whether the caller no longer wants the result (the screen was closed): reading stops.
    fn cancelled(&self) -> bool {
        false
    }
}

/// No progress to show.
impl Progress for () {}

/// Reads every report of `paths` (already found, e.g. by the folder scan) in parallel, taking
/// what it can from `cache` ([`Cache`]), which is then kept to its size. Reports that cannot be
/// read are returned apart, each error naming its file.
pub fn read_all(
    paths: &[PathBuf],
    cues: &Cues,
    progress: &dyn Progress,
    cache: Option<&Cache>,
) -> (Vec<ReadReport>, Vec<CorroborateError>) {
    let results: Vec<Option<Result<ReadReport, CorroborateError>>> = paths
        .par_iter()
        .map(|path| {
            if progress.cancelled() {
                return None;
            }
            let read = ReadReport::load_cached(path, cues, cache);
            progress.read_one();
            Some(read)
        })
        .collect();
    if let Some(cache) = cache {
        cache.prune();
    }
    let mut reports = Vec::with_capacity(results.len());
    let mut failed = Vec::new();
    for result in results.into_iter().flatten() {
        match result {
            Ok(report) => reports.push(report),
            Err(e) => failed.push(e),
        }
    }
    (reports, failed)
}

/// A sentence of a report: indices into [`Corroboration::reports`] and that report's sentences
/// (from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct At {
    /// The report.
    pub report: usize,
    /// The sentence, from 0.
    pub sentence: usize,
}

/// Sentences of two or more reports that state the same thing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The sentences, by report path and then in text order.
    pub members: Vec<At>,
    /// How many reports the members come from.
    pub reports: usize,
    /// How many distinct sources the members rest on (an unsourced member adds none).
    pub sources: usize,
    /// Whether a claim covers at least one member.
    pub claimed: bool,
    /// Where the members disagree.
    pub differences: Vec<Difference>,
}

/// The groups of a folder of reports.
#[derive(Debug, Default)]
pub struct Corroboration {
    /// The reports compared, sorted by path.
    pub reports: Vec<PathBuf>,
    hashes: Vec<String>,
    /// How many sentences they have.
    pub sentences: usize,
    /// The groups, most reports first.
    pub groups: Vec<Group>,
    by_sentence: HashMap<At, usize>,
}

impl Corroboration {
    /// Compares the sentences of `reports` and groups the same claims. The result does not depend
    /// on the order of `reports`.
    pub fn new(mut reports: Vec<ReadReport>) -> Self {
        reports.sort_by(|a, b| a.path.cmp(&b.path));
        let sentences = reports.iter().map(|r| r.sentences.len()).sum();
        let at: Vec<At> = reports
            .iter()
            .enumerate()
            .flat_map(|(report, r)| {
                r.sentences
                    .iter()
                    .enumerate()
                    .filter(|(_, s)| !s.features.is_empty() || s.exact.is_some())
                    .map(move |(sentence, _)| At { report, sentence })
            })
            .collect();
        let sentence = |a: &At| &reports[a.report].sentences[a.sentence];
        let features = |i: usize| &sentence(&at[i]).features;
        let weights = compare::Weights::new((0..at.len()).map(features));
        let mut links = link(&at, &features, &weights);
        join_exact(&at, &|i| sentence(&at[i]).exact, &mut links);
        let mut components: HashMap<usize, Vec<At>> = HashMap::new();
        for (i, sentence) in at.iter().enumerate() {
            components.entry(links.find(i)).or_default().push(*sentence);
        }
        let mut groups: Vec<Group> = components
            .into_values()
            .filter_map(|mut members| {
                members.sort_unstable();
                let mut in_reports: Vec<usize> = members.iter().map(|m| m.report).collect();
                in_reports.dedup();
                if in_reports.len() < 2 {
                    return None;
                }
                let mut sources: Vec<u64> = members
                    .iter()
                    .flat_map(|m| sentence(m).sources.iter().copied())
                    .collect();
                sources.sort_unstable();
                sources.dedup();
                let facts: Vec<&[words::Fact]> = members
                    .iter()
                    .map(|m| sentence(m).features.facts.as_slice())
                    .collect();
                Some(Group {
                    reports: in_reports.len(),
                    sources: sources.len(),
                    claimed: members.iter().any(|m| sentence(m).claimed),
                    differences: compare::differences(&facts),
                    members,
                })
            })
            .collect();
        groups.sort_by(|a, b| {
            b.reports
                .cmp(&a.reports)
                .then_with(|| a.members.cmp(&b.members))
        });
        let by_sentence = groups
            .iter()
            .enumerate()
            .flat_map(|(g, group)| group.members.iter().map(move |m| (*m, g)))
            .collect();
        Self {
            reports: reports.iter().map(|r| r.path.clone()).collect(),
            hashes: reports.into_iter().map(|r| r.sha256).collect(),
            sentences,
            groups,
            by_sentence,
        }
    }

    /// The group of sentence `sentence` (from 0) of `report`, if it is in one: what the reader's
    /// panel shows for the sentence under the cursor.
    pub fn group_of(&self, report: &Path, sentence: usize) -> Option<&Group> {
        let report = self
            .reports
            .binary_search_by(|p| p.as_path().cmp(report))
            .ok()?;
        self.by_sentence
            .get(&At { report, sentence })
            .map(|&g| &self.groups[g])
    }

    /// The members of each of `groups`, read again from their reports (each report once, in
    /// parallel), in the groups' order. Fails when a report can no longer be read or changed.
    pub fn members(
        &self,
        groups: &[&Group],
        cues: &Cues,
    ) -> Result<Vec<Vec<Member>>, CorroborateError> {
        let mut wanted: HashMap<usize, Vec<usize>> = HashMap::new();
        for member in groups.iter().flat_map(|g| &g.members) {
            wanted
                .entry(member.report)
                .or_default()
                .push(member.sentence);
        }
        let read: Vec<(usize, Vec<Member>)> = wanted
            .into_par_iter()
            .map(|(report, mut sentences)| {
                sentences.sort_unstable();
                sentences.dedup();
                let members = read::members(
                    &self.reports[report],
                    &self.hashes[report],
                    &sentences,
                    cues,
                )?;
                Ok((report, members))
            })
            .collect::<Result<_, CorroborateError>>()?;
        let mut found: HashMap<At, Member> = HashMap::new();
        for (report, members) in read {
            for member in members {
                let sentence = member.n - 1;
                found.insert(At { report, sentence }, member);
            }
        }
        Ok(groups
            .iter()
            .map(|g| {
                g.members
                    .iter()
                    .filter_map(|at| found.get(at).cloned())
                    .collect()
            })
            .collect())
    }
}

/// Joins the sentences `at` that state the same claim: candidates from the `MinHash` bands, each
/// checked.
fn link<'f>(
    at: &[At],
    features: &(dyn Fn(usize) -> &'f words::Features + Sync),
    weights: &compare::Weights,
) -> UnionFind {
    let compared: Vec<u32> = (0..at.len())
        .filter(|&i| !features(i).is_empty())
        .map(|i| i as u32)
        .collect();
    let bands: Vec<minhash::Bands> = compared
        .par_iter()
        .map(|&i| {
            minhash::bands(&[
                &features(i as usize).words,
                &features(i as usize).fact_words,
            ])
        })
        .collect();
    let mut links = UnionFind::new(at.len());
    for band in 0..minhash::BANDS {
        let mut keys: Vec<(u32, u32)> = bands
            .iter()
            .enumerate()
            .map(|(i, b)| (b[band], compared[i]))
            .collect();
        keys.par_sort_unstable();
        let buckets: Vec<&[(u32, u32)]> = minhash::buckets(&keys, MOST_IN_BUCKET).collect();
        let pairs: Vec<(u32, u32)> = buckets
            .par_iter()
            .flat_map_iter(|bucket| {
                let mut found = Vec::new();
                for (k, &(_, a)) in bucket.iter().enumerate() {
                    for &(_, b) in &bucket[k + 1..] {
                        let (x, y) = (a as usize, b as usize);
                        if at[x].report != at[y].report
                            && links.find_readonly(x) != links.find_readonly(y)
                            && compare::same_claim(features(x), features(y), weights)
                        {
                            found.push((a, b));
                        }
                    }
                }
                found
            })
            .collect();
        for (a, b) in pairs {
            links.union(a as usize, b as usize);
        }
    }
    links
}

/// Joins the sentences `at` of different reports whose text is the same (`exact`).
fn join_exact(at: &[At], exact: &(dyn Fn(usize) -> Option<u64> + Sync), links: &mut UnionFind) {
    let mut texts: Vec<(u64, usize)> = (0..at.len())
        .filter_map(|i| exact(i).map(|id| (id, i)))
        .collect();
    texts.par_sort_unstable();
    for run in texts.chunk_by(|a, b| a.0 == b.0) {
        for pair in run.windows(2) {
            links.union(pair[0].1, pair[1].1);
        }
    }
}

/// Disjoint sets of sentences, joined as pairs are found the same.
struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        Self {
            parent: (0..n).collect(),
        }
    }

    /// The set's root, without shortening paths (callable while other threads read).
    fn find_readonly(&self, mut i: usize) -> usize {
        while self.parent[i] != i {
            i = self.parent[i];
        }
        i
    }

    fn find(&mut self, i: usize) -> usize {
        let root = self.find_readonly(i);
        let mut i = i;
        while self.parent[i] != root {
            let next = self.parent[i];
            self.parent[i] = root;
            i = next;
        }
        root
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The smaller index becomes the root: the result does not depend on the order of
            // the unions.
            let (root, child) = if a < b { (a, b) } else { (b, a) };
            self.parent[child] = root;
        }
    }
}

#[cfg(test)]
mod tests;
