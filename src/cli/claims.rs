//! `sidenote claims REPORT`: the saved claims, for people and for scripts.

use std::path::Path;

use serde::Serialize;

use super::{CliError, load_annotated, write_out};
use crate::annotate::{Anchor, Claim};
use crate::report::{one_line, quoted, safe};

/// Output formats of `claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable list.
    Text,
    /// One JSON array of claims.
    Json,
    /// One JSON object per line.
    Jsonl,
}

/// A claim as the commands print it: the sidecar's fields, dates as RFC 3339 strings, and how
/// the claim was found in the report's current text (its `start` and `end` are where it is now).
#[derive(Debug, Serialize)]
pub struct ClaimJson<'a> {
    id: &'a str,
    status: &'a str,
    anchor: &'static str,
    start: usize,
    end: usize,
    quote: &'a str,
    source: Option<&'a str>,
    source_kind: Option<&'static str>,
    grade: Option<String>,
    note: Option<&'a str>,
    labels: &'a [String],
    author: &'a str,
    created: String,
    updated: String,
}

impl<'a> ClaimJson<'a> {
    /// The printed form of `claim`, re-anchored as `anchor` says.
    pub fn new(claim: &'a Claim, anchor: Anchor) -> Self {
        Self {
            id: &claim.id,
            status: &claim.status,
            anchor: anchor.name(),
            start: claim.start,
            end: claim.end,
            quote: &claim.quote,
            source: claim.source.as_deref(),
            source_kind: claim.source_kind.map(crate::annotate::SourceKind::name),
            grade: claim.grade.map(|g| g.to_string()),
            note: claim.note.as_deref(),
            labels: &claim.labels,
            author: &claim.author,
            created: claim.created.to_string(),
            updated: claim.updated.to_string(),
        }
    }
}

/// Prints the claims of `report`. The claims are re-anchored in memory only: the sidecar is not
/// rewritten.
pub fn run(report: &Path, format: Format) -> Result<(), CliError> {
    let annotated = load_annotated(report)?;
    super::no_article(&annotated.report)?;
    let claims = annotated
        .sidecar
        .claims
        .iter()
        .zip(annotated.anchors.iter().copied());
    write_out(|out| {
        match format {
            Format::Json => {
                let rows: Vec<ClaimJson> = claims.map(|(c, a)| ClaimJson::new(c, a)).collect();
                serde_json::to_writer_pretty(&mut *out, &rows)?;
                writeln!(out)?;
            }
            Format::Jsonl => {
                for (claim, anchor) in claims {
                    serde_json::to_writer(&mut *out, &ClaimJson::new(claim, anchor))?;
                    writeln!(out)?;
                }
            }
            Format::Text => {
                for (claim, anchor) in claims {
                    // The sidecar is as untrusted as the report: an orphaned claim's quote, and
                    // every other field, never reach the terminal with control characters.
                    let quote = one_line(&claim.quote);
                    let mark = match anchor {
                        Anchor::Exact | Anchor::Moved => "",
                        Anchor::Fuzzy => " (fuzzy: the text changed, check the claim)",
                        Anchor::Orphaned => " (orphaned: the quote is no longer in the report)",
                    };
                    writeln!(
                        out,
                        "{}  {}  {}-{}  {}{mark}",
                        safe(&claim.id),
                        safe(&claim.status),
                        claim.start,
                        claim.end,
                        quoted(&safe(&quote))
                    )?;
                    if let Some(source) = &claim.source {
                        writeln!(out, "    source: {}", safe(source))?;
                    }
                    if let Some(kind) = claim.source_kind {
                        writeln!(out, "    source kind: {kind}")?;
                    }
                    if let Some(grade) = claim.grade {
                        writeln!(out, "    grade: {grade}")?;
                    }
                    if let Some(note) = &claim.note {
                        let lines: Vec<_> = note.lines().map(safe).collect();
                        writeln!(out, "    note: {}", lines.join("\n          "))?;
                    }
                    if !claim.labels.is_empty() {
                        writeln!(out, "    labels: {}", safe(&claim.labels.join(", ")))?;
                    }
                    // Several analysts may each have a claim on one sentence: say whose it is.
                    writeln!(out, "    author: {}", safe(&claim.author))?;
                }
            }
        }
        Ok(())
    })
}
