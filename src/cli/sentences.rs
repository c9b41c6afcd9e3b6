//! `sidenote sentences REPORT`: the sentences the reader steps through, with their offsets and
//! the tag of the claim on each.

use std::path::Path;

use serde::Serialize;

use super::{CliError, load_annotated, write_out};

/// Output formats of `sentences`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per sentence: number, tag (or `-`), text on one line; tab-separated.
    Text,
    /// One JSON object per line: `n`, `start`, `end`, `text`, `status`.
    Jsonl,
}

#[derive(Serialize)]
struct Row<'a> {
    n: usize,
    start: usize,
    end: usize,
    text: &'a str,
    status: Option<&'a str>,
}

/// Prints the sentences of `report`.
pub fn run(report: &Path, format: Format) -> Result<(), CliError> {
    let annotated = load_annotated(report)?;
    let text = &annotated.report.text;
    write_out(|out| {
        for (i, span) in annotated.report.sentences.iter().enumerate() {
            let chars = annotated.report.char_range(span);
            let status = annotated
                .claim_on(span)
                .map(|c| annotated.sidecar.claims[c].status.as_str());
            let sentence = &text[span.clone()];
            match format {
                Format::Jsonl => {
                    let row = Row {
                        n: i + 1,
                        start: chars.start,
                        end: chars.end,
                        text: sentence,
                        status,
                    };
                    serde_json::to_writer(&mut *out, &row)?;
                    writeln!(out)?;
                }
                Format::Text => {
                    let flat = sentence.split_whitespace().collect::<Vec<_>>().join(" ");
                    writeln!(out, "{}\t{}\t{flat}", i + 1, status.unwrap_or("-"))?;
                }
            }
        }
        Ok(())
    })
}
