//! `sidenote claims REPORT`: the saved claims, for people and for scripts.

use std::path::Path;

use serde::Serialize;

use super::{CliError, load_annotated, write_out};
use crate::annotate::Claim;

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

/// A claim as the commands print it: the sidecar's fields, dates as RFC 3339 strings.
#[derive(Debug, Serialize)]
pub struct ClaimJson<'a> {
    id: &'a str,
    status: &'a str,
    start: usize,
    end: usize,
    quote: &'a str,
    source: Option<&'a str>,
    note: Option<&'a str>,
    labels: &'a [String],
    author: &'a str,
    created: String,
    updated: String,
}

impl<'a> From<&'a Claim> for ClaimJson<'a> {
    fn from(claim: &'a Claim) -> Self {
        Self {
            id: &claim.id,
            status: &claim.status,
            start: claim.start,
            end: claim.end,
            quote: &claim.quote,
            source: claim.source.as_deref(),
            note: claim.note.as_deref(),
            labels: &claim.labels,
            author: &claim.author,
            created: claim.created.to_string(),
            updated: claim.updated.to_string(),
        }
    }
}

/// Prints the claims of `report`.
pub fn run(report: &Path, format: Format) -> Result<(), CliError> {
    let annotated = load_annotated(report)?;
    let claims = &annotated.sidecar.claims;
    write_out(|out| {
        match format {
            Format::Json => {
                let rows: Vec<ClaimJson> = claims.iter().map(ClaimJson::from).collect();
                serde_json::to_writer_pretty(&mut *out, &rows)?;
                writeln!(out)?;
            }
            Format::Jsonl => {
                for claim in claims {
                    serde_json::to_writer(&mut *out, &ClaimJson::from(claim))?;
                    writeln!(out)?;
                }
            }
            Format::Text => {
                for claim in claims {
                    let quote = claim.quote.split_whitespace().collect::<Vec<_>>().join(" ");
                    writeln!(
                        out,
                        "{}  {}  {}-{}  “{quote}”",
                        claim.id, claim.status, claim.start, claim.end
                    )?;
                    if let Some(source) = &claim.source {
                        writeln!(out, "    source: {source}")?;
                    }
                    if let Some(note) = &claim.note {
                        writeln!(out, "    note: {}", note.replace('\n', "\n          "))?;
                    }
                    if !claim.labels.is_empty() {
                        writeln!(out, "    labels: {}", claim.labels.join(", "))?;
                    }
                }
            }
        }
        Ok(())
    })
}
