//! Reading reports for corroboration: once for every report, keeping only what the comparison
//! needs (no text), and again for the members of the groups that are shown.

use std::ops::Range;
use std::path::{Path, PathBuf};

use super::cache::{Cache, Signature};
use super::compare::MIN_WORDS;
use super::words::{Features, features, word_id};
use crate::annotate::{Anchor, Claim, Sidecar, SidecarError, reanchor_all, sidecar_path};
use crate::report::{LoadError, Report, one_line, safe_path};
use crate::suggest::{CueKind, Cues, Suggestion, suggest};

/// Why a report could not be taken into account; the message names the file.
#[derive(Debug, thiserror::Error)]
pub enum CorroborateError {
    /// The report could not be read.
    #[error(transparent)]
    Report(#[from] LoadError),
    /// Its sidecar could not be read (it is left as it is).
    #[error(transparent)]
    Sidecar(#[from] SidecarError),
    /// The report changed between the two readings.
    #[error("{}: changed while it was compared; run again", safe_path(.0))]
    Changed(PathBuf),
}

/// One sentence as the comparison sees it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sentence {
    /// Its content words and facts; empty when it has too few words to be compared.
    pub features: Features,
    /// Ids of the sources it rests on: its claims' sources, else the suggested one.
    pub sources: Vec<u64>,
    /// Whether a claim covers it.
    pub claimed: bool,
    /// An id of its text (lower case, white space collapsed) when it is at least
    /// [`EXACT_CHARS`] long: the same long sentence in two reports is the same claim even with
    /// too few content words to compare ("Like most of you here, he gave more to me than I gave
    /// to him.").
    pub exact: Option<u64>,
}

/// How long a sentence must be for its exact text to count.
pub const EXACT_CHARS: usize = 40;

/// One report as the comparison sees it: no text, a few hundred bytes a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadReport {
    /// The report, as the scan found it.
    pub path: PathBuf,
    /// Its SHA-256, to notice a change before its members are shown.
    pub sha256: String,
    /// Its sentences, in order.
    pub sentences: Vec<Sentence>,
}

impl ReadReport {
    /// Reads the report at `path` and its sidecar. Nothing is written.
    pub fn load(path: &Path, cues: &Cues) -> Result<Self, CorroborateError> {
        Self::load_cached(path, cues, None)
    }

    /// [`ReadReport::load`], taking what depends only on the report's text from `cache` when it
    /// holds it (and putting it there when not).
    pub fn load_cached(
        path: &Path,
        cues: &Cues,
        cache: Option<&Cache>,
    ) -> Result<Self, CorroborateError> {
        let (report, claims) = load(path)?;
        let cached = cache
            .and_then(|c| c.get(&report))
            .filter(|s| s.len() == report.sentences.len());
        let signatures = cached.unwrap_or_else(|| {
            let signatures = signatures(&report, cues);
            if let Some(cache) = cache {
                cache.put(&report, &signatures);
            }
            signatures
        });
        Ok(Self::with(&report, &claims, signatures))
    }

    /// What the comparison needs of a report already in memory with its (anchored) claims: the
    /// reader passes the report it shows.
    pub fn of(report: &Report, claims: &[Claim], cues: &Cues) -> Self {
        Self::with(report, claims, signatures(report, cues))
    }

    /// The report's sentences from their `signatures`, with the sources and claims of `claims`.
    fn with(report: &Report, claims: &[Claim], signatures: Vec<Signature>) -> Self {
        let spans: Vec<Option<Range<usize>>> = claims.iter().map(|c| c.byte_span(report)).collect();
        let sentences = report
            .sentences
            .iter()
            .zip(signatures)
            .map(|(span, signature)| {
                let covering: Vec<&Claim> = claims_over(claims, &spans, span).collect();
                let mut sources: Vec<u64> = if covering.is_empty() {
                    signature.suggested.into_iter().collect()
                } else {
                    covering
                        .iter()
                        .filter_map(|c| c.source.as_deref())
                        .filter(|s| !s.trim().is_empty())
                        .map(source_id)
                        .collect()
                };
                sources.sort_unstable();
                sources.dedup();
                Sentence {
                    features: signature.features,
                    sources,
                    claimed: !covering.is_empty(),
                    exact: signature.exact,
                }
            })
            .collect();
        Self {
            path: report.path.clone(),
            sha256: report.sha256.clone(),
            sentences,
        }
    }
}

/// What the comparison keeps of each sentence of `report` that depends on its text alone (and
/// on the cue lists): what [`Cache`] holds.
fn signatures(report: &Report, cues: &Cues) -> Vec<Signature> {
    let suggestions = suggest(&report.text, &report.sentences, cues);
    report
        .sentences
        .iter()
        .zip(&suggestions)
        .map(|(span, suggestion)| {
            let mut features = features(&report.text, span.clone(), &attribution(suggestion));
            if features.len() < MIN_WORDS {
                features = Features::default();
            }
            Signature {
                features,
                exact: exact(&report.text[span.clone()]),
                suggested: suggested_source(report, suggestion).map(|s| source_id(&s)),
            }
        })
        .collect()
}

/// The id of a sentence's text, if it is long enough to count when repeated exactly.
fn exact(sentence: &str) -> Option<u64> {
    let text = one_line(sentence).to_lowercase();
    (text.chars().count() >= EXACT_CHARS).then(|| word_id(&text))
}

/// A report and its claims that were found in its current text.
fn load(path: &Path) -> Result<(Report, Vec<Claim>), CorroborateError> {
    let mut report = Report::load(path)?;
    if report.no_article {
        // A web page with no article (navigation, a section front) states nothing: its link
        // texts are headlines of other pages, not claims of its own, so it joins no group.
        report.sentences.clear();
    }
    let mut claims = Sidecar::load(&sidecar_path(path))?
        .map(|s| s.claims)
        .unwrap_or_default();
    let anchors = reanchor_all(&mut claims, &report);
    let claims = claims
        .into_iter()
        .zip(anchors)
        .filter(|(_, a)| *a != Anchor::Orphaned)
        .map(|(c, _)| c)
        .collect();
    Ok((report, claims))
}

/// The bytes of a sentence that say who said it rather than what: the source's words, the
/// reporting verb, hedges. Changed attribution must not hide the same claim. When they would
/// take more than half the sentence, the rules have most likely taken the statement for its
/// source ("All sorts of people make all sorts of claims"), and nothing is cut.
fn attribution(suggestion: &Suggestion) -> Vec<Range<usize>> {
    let sentence = &suggestion.sentence;
    let spans: Vec<Range<usize>> = suggestion
        .cues
        .iter()
        .filter(|c| c.kind != CueKind::Quote)
        .map(|c| c.span.clone())
        .chain(suggestion.source.clone())
        .filter(|s| sentence.start <= s.start && s.end <= sentence.end)
        .collect();
    let cut: usize = spans.iter().map(ExactSizeIterator::len).sum();
    if cut * 2 > sentence.len() {
        Vec::new()
    } else {
        spans
    }
}

/// The claims (with their byte spans, same order; `None` when a claim's offsets are not in the
/// text) that overlap `sentence`.
fn claims_over<'c>(
    claims: &'c [Claim],
    spans: &'c [Option<Range<usize>>],
    sentence: &Range<usize>,
) -> impl Iterator<Item = &'c Claim> {
    let sentence = sentence.clone();
    claims
        .iter()
        .zip(spans)
        .filter(move |(_, s)| {
            s.as_ref()
                .is_some_and(|s| s.start < sentence.end && sentence.start < s.end.max(s.start + 1))
        })
        .map(|(c, _)| c)
}

/// The suggested source of a sentence suggested as sourced, on one line.
fn suggested_source(report: &Report, suggestion: &Suggestion) -> Option<String> {
    (suggestion.verdict == Some(crate::suggest::Verdict::Sourced))
        .then(|| suggestion.source_text(&report.text))
        .flatten()
        .map(one_line)
        .filter(|s| !s.trim().is_empty())
}

/// A source's id: the same for "Police", "the police" and "police." so that one source quoted by
/// two reports counts once.
pub fn source_id(source: &str) -> u64 {
    let lower = source.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.split_first() {
        Some((&"the", rest)) if !rest.is_empty() => rest,
        _ => &words[..],
    };
    word_id(&words.join(" "))
}

/// A member of a group, read again from its report to be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The report.
    pub report: PathBuf,
    /// The sentence's number, from 1 (as `sidenote sentences` numbers them).
    pub n: usize,
    /// The sentence's code points in the report's text.
    pub chars: Range<usize>,
    /// The sentence.
    pub text: String,
    /// The claims over it.
    pub claims: Vec<MemberClaim>,
    /// What the suggestion rules make of it.
    pub suggestion: Suggested,
}

/// A claim on a member, as much as a list of members shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberClaim {
    /// Its tag.
    pub status: String,
    /// Who it is attributed to.
    pub source: Option<String>,
    /// Whether the source is named or anonymous, when the sidecar says.
    pub source_kind: Option<String>,
    /// Who tagged it.
    pub author: String,
}

impl MemberClaim {
    /// What a list of members shows of `claim`.
    pub fn of(claim: &Claim) -> Self {
        Self {
            status: claim.status.clone(),
            source: claim.source.clone().filter(|s| !s.trim().is_empty()),
            source_kind: claim.source_kind.map(|k| k.name().to_owned()),
            author: claim.author.clone(),
        }
    }
}

/// The suggestion for a member.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Suggested {
    /// `sourced` or `unsourced`; `None` when the sentence is not a claim.
    pub verdict: Option<&'static str>,
    /// `named` or `anonymous`, for sourced sentences.
    pub source_kind: Option<&'static str>,
    /// The source's words, on one line.
    pub source: Option<String>,
}

/// Reads the report at `path` again and describes its sentences `wanted` (0-based). The report
/// must still be the one compared (`sha256`).
pub fn members(
    path: &Path,
    sha256: &str,
    wanted: &[usize],
    cues: &Cues,
) -> Result<Vec<Member>, CorroborateError> {
    let (report, claims) = load(path)?;
    if report.sha256 != sha256 {
        return Err(CorroborateError::Changed(path.to_path_buf()));
    }
    let suggestions = suggest(&report.text, &report.sentences, cues);
    let spans: Vec<Option<Range<usize>>> = claims.iter().map(|c| c.byte_span(&report)).collect();
    Ok(wanted
        .iter()
        .filter_map(|&i| {
            let span = report.sentences.get(i)?;
            let suggestion = suggestions.get(i)?;
            Some(Member {
                report: path.to_path_buf(),
                n: i + 1,
                chars: report.char_range(span),
                text: one_line(report.text.get(span.clone())?),
                claims: claims_over(&claims, &spans, span)
                    .map(MemberClaim::of)
                    .collect(),
                suggestion: Suggested {
                    verdict: suggestion.status(),
                    source_kind: suggestion.kind.map(crate::suggest::SourceKind::name),
                    source: suggested_source(&report, suggestion),
                },
            })
        })
        .collect())
}
