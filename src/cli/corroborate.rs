//! `sidenote corroborate PATH…`: the sentences that state the same thing in two or more reports,
//! how many independent sources carry each, and where the reports disagree.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde::Serialize;

use super::stats::{Progress, failed_to_error};
use super::{CliError, write_out};
use crate::config::Config;
use crate::corpus::scan;
use crate::corroborate::{self, Cache, Corroboration, Group, Member};
use crate::report::safe_lines;

/// Output formats of `corroborate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One block per group: its reports and sources, then each member with its tag and source.
    Text,
    /// `{"groups": [...], "reports": N, "sentences": N}` (see docs/corroboration.md).
    Json,
}

#[derive(Serialize)]
struct Output<'a> {
    groups: Vec<GroupRow<'a>>,
    reports: usize,
    sentences: usize,
}

#[derive(Serialize)]
struct GroupRow<'a> {
    reports: usize,
    sources: usize,
    members: Vec<MemberRow<'a>>,
    differences: Vec<DifferenceRow<'a>>,
}

#[derive(Serialize)]
struct MemberRow<'a> {
    report: String,
    n: usize,
    start: usize,
    end: usize,
    text: &'a str,
    claims: Vec<ClaimRow<'a>>,
    suggestion: SuggestionRow<'a>,
}

#[derive(Serialize)]
struct ClaimRow<'a> {
    status: &'a str,
    source: Option<&'a str>,
    source_kind: Option<&'a str>,
    author: &'a str,
}

#[derive(Serialize)]
struct SuggestionRow<'a> {
    suggestion: Option<&'a str>,
    source_kind: Option<&'a str>,
    source: Option<&'a str>,
}

#[derive(Serialize)]
struct DifferenceRow<'a> {
    kind: &'static str,
    values: &'a [String],
}

/// A progress bar for the engine's reading.
struct Ticks<'a>(&'a Progress);

impl corroborate::Progress for Ticks<'_> {
    fn read_one(&self) {
        self.0.tick();
    }
}

/// Prints the groups of the reports under `paths` (the current folder when there is none);
/// with `claims_only`, only groups with at least one claim; with `cached`, what the user's cache
/// ([`Cache::open`]) holds of the reports is taken from it and what it lacks is put there. A
/// report or sidecar that cannot be read is named on stderr and left out; the command then exits
/// with bad input after printing the rest.
pub fn run(
    paths: &[PathBuf],
    format: Format,
    claims_only: bool,
    cached: bool,
    config: &Config,
) -> Result<(), CliError> {
    let here = [PathBuf::from(".")];
    let paths = if paths.is_empty() { &here[..] } else { paths };
    let found = scan::find_reports(paths).map_err(CliError::BadInput)?;
    let cues = super::suggest::cues(config)?;
    let bar = Progress::new(found.len() as u64);
    let cache = if cached { Cache::open(&cues) } else { None };
    let (read, failed) = corroborate::read_all(&found, &cues, &Ticks(&bar), cache.as_ref());
    let corroboration = Corroboration::new(read);
    bar.finish();
    let shown: Vec<&Group> = corroboration
        .groups
        .iter()
        .filter(|g| g.claimed || !claims_only)
        .collect();
    let members = corroboration
        .members(&shown, &cues)
        .map_err(|e| CliError::BadInput(e.to_string()))?;
    write_out(|out| match format {
        Format::Json => {
            let output = json(&corroboration, &shown, &members);
            serde_json::to_writer_pretty(&mut *out, &output)?;
            writeln!(out)
        }
        Format::Text => out.write_all(text(&corroboration, &shown, &members).as_bytes()),
    })?;
    failed_to_error(failed.iter().map(ToString::to_string).collect())
}

fn json<'a>(
    corroboration: &Corroboration,
    groups: &[&'a Group],
    members: &'a [Vec<Member>],
) -> Output<'a> {
    let groups = groups
        .iter()
        .zip(members)
        .map(|(group, members)| GroupRow {
            reports: group.reports,
            sources: group.sources,
            members: members
                .iter()
                .map(|m| MemberRow {
                    report: m.report.to_string_lossy().into_owned(),
                    n: m.n,
                    start: m.chars.start,
                    end: m.chars.end,
                    text: &m.text,
                    claims: m
                        .claims
                        .iter()
                        .map(|c| ClaimRow {
                            status: &c.status,
                            source: c.source.as_deref(),
                            source_kind: c.source_kind.as_deref(),
                            author: &c.author,
                        })
                        .collect(),
                    suggestion: SuggestionRow {
                        suggestion: m.suggestion.verdict,
                        source_kind: m.suggestion.source_kind,
                        source: m.suggestion.source.as_deref(),
                    },
                })
                .collect(),
            differences: group
                .differences
                .iter()
                .map(|d| DifferenceRow {
                    kind: d.kind.name(),
                    values: &d.values,
                })
                .collect(),
        })
        .collect();
    Output {
        groups,
        reports: corroboration.reports.len(),
        sentences: corroboration.sentences,
    }
}

/// One block per group: a heading line (reports, sources, differences), then one line per member
/// (`report:N  [tag — source]  text`), a blank line between blocks, and a closing count.
fn text(corroboration: &Corroboration, groups: &[&Group], members: &[Vec<Member>]) -> String {
    let mut text = String::new();
    for (group, members) in groups.iter().zip(members) {
        let _ = write!(
            text,
            "{} reports, {} {}",
            group.reports,
            group.sources,
            if group.sources == 1 {
                "source"
            } else {
                "sources"
            }
        );
        for d in &group.differences {
            let _ = write!(
                text,
                "; differs in {}: {}",
                d.kind.name(),
                d.values.join(" / ")
            );
        }
        text.push('\n');
        for m in members {
            let _ = writeln!(
                text,
                "  {}:{}  [{}]  {}",
                m.report.to_string_lossy(),
                m.n,
                tag(m),
                m.text
            );
        }
        text.push('\n');
    }
    let _ = writeln!(
        text,
        "{} group(s) in {} report(s), {} sentence(s)",
        groups.len(),
        corroboration.reports.len(),
        corroboration.sentences
    );
    safe_lines(&text).into_owned()
}

/// A member's tags and sources, else its suggestion.
fn tag(member: &Member) -> String {
    let with_source = |status: &str, source: Option<&str>| match source {
        Some(source) => format!("{status} — {source}"),
        None => status.to_owned(),
    };
    if member.claims.is_empty() {
        return match member.suggestion.verdict {
            Some(verdict) => format!(
                "suggested: {}",
                with_source(verdict, member.suggestion.source.as_deref())
            ),
            None => "untagged".to_owned(),
        };
    }
    member
        .claims
        .iter()
        .map(|c| with_source(&c.status, c.source.as_deref()))
        .collect::<Vec<_>>()
        .join("; ")
}
