//! `sidenote sentences REPORT`: the sentences the reader steps through, with their offsets and
//! the tag of the claim on each. `REPORT` may be `-` to segment text piped in on standard input.

use std::io::Read as _;
use std::ops::Range;
use std::path::Path;

use serde::Serialize;

use super::{CliError, load_annotated, write_out};
use crate::annotate::Claim;
use crate::report::{LoadError, Report, one_line, safe};

/// The argument that names standard input instead of a file, as in most Unix tools.
pub(super) const STDIN_ARG: &str = "-";

/// How standard input is named in messages.
const STDIN_NAME: &str = "standard input";

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

/// Prints the sentences of `report`, or of standard input when `report` is `-`.
///
/// Standard input is decoded exactly as a file is (byte-order marks, UTF-16, binary data
/// refused), but it has no sidecar, so every sentence's status is `null`.
pub fn run(report: &Path, format: Format) -> Result<(), CliError> {
    if report == Path::new(STDIN_ARG) {
        let report = read_stdin()?;
        return print(&report, format, |_| None);
    }
    let annotated = load_annotated(report)?;
    let claims = &annotated.sidecar.claims;
    print(&annotated.report, format, |span| {
        claim_on(&annotated.report, claims, span).map(|c| claims[c].status.as_str())
    })
}

/// [`Sidecar::claim_on`](crate::annotate::Sidecar::claim_on) for claims in document order (as
/// [`load_annotated`] leaves them): a binary search, so a report of a million sentences with
/// ten thousand claims is printed in time proportional to the sentences.
fn claim_on(report: &Report, claims: &[Claim], span: &Range<usize>) -> Option<usize> {
    let chars = report.char_range(span);
    let text = report.text.get(span.clone())?;
    let first = claims.partition_point(|c| (c.start, c.end) < (chars.start, chars.end));
    claims[first..]
        .iter()
        .take_while(|c| c.start == chars.start && c.end == chars.end)
        .position(|c| c.quote == text)
        .map(|i| first + i)
}

/// Reads all of standard input and decodes it into a report.
pub(super) fn read_stdin() -> Result<Report, CliError> {
    let name = Path::new(STDIN_NAME);
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|source| LoadError::Io {
            path: name.to_path_buf(),
            source,
        })?;
    Report::from_bytes(name, &bytes).map_err(|why| {
        CliError::Report(LoadError::NotText {
            path: name.to_path_buf(),
            why,
        })
    })
}

/// Prints every sentence of `report` in `format`, with the tag `status` gives it.
fn print<'a>(
    report: &Report,
    format: Format,
    status: impl Fn(&Range<usize>) -> Option<&'a str>,
) -> Result<(), CliError> {
    let text = &report.text;
    write_out(|out| {
        for (i, span) in report.sentences.iter().enumerate() {
            let chars = report.char_range(span);
            let status = status(span);
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
                    let flat = one_line(sentence);
                    writeln!(out, "{}\t{}\t{flat}", i + 1, safe(status.unwrap_or("-")))?;
                }
            }
        }
        Ok(())
    })
}
