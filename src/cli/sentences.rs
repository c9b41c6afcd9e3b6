//! `sidenote sentences REPORT`: the sentences the reader steps through, with their offsets, the
//! tag of the claim on each and whether each was reviewed. `REPORT` may be `-` to segment text piped in on standard input.

use std::io::{Cursor, Read, Seek, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{CliError, load_annotated, write_out};
use crate::annotate::no_claim::reviewed_sentences;
use crate::annotate::{Claim, Sidecar, sidecar_path};
use crate::report::stream::Blocks;
use crate::report::{Binary, LoadError, Report, SNIFF_BYTES, judge_start, one_line, safe};

/// The argument that names standard input instead of a file, as in most Unix tools.
pub(super) const STDIN_ARG: &str = "-";

/// How standard input is named in messages.
const STDIN_NAME: &str = "standard input";

/// Output formats of `sentences`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per sentence: number, tag (or `-`), text on one line; tab-separated.
    Text,
    /// One JSON object per line: `n`, `start`, `end`, `text`, `status`, `reviewed`.
    Jsonl,
}

#[derive(Serialize)]
struct Row<'a> {
    n: usize,
    start: usize,
    end: usize,
    text: &'a str,
    status: Option<&'a str>,
    /// A claim or a no-claim mark, by anyone, touches the sentence.
    reviewed: bool,
}

/// A claim's or no-claim mark's place: its code points and the quote expected there.
type Placed<'a> = (Range<usize>, &'a str);

/// Prints the sentences of `report`, or of standard input when `report` is `-`.
///
/// Standard input is decoded exactly as a file is (byte-order marks, UTF-16, binary data
/// refused), but it has no sidecar, so every sentence's status is `null` (and none is
/// reviewed).
///
/// A plain UTF-8 report is printed as it is read, a block at a time ([`Blocks`]), so the first
/// lines come at once and only a block is held, when the output is sure to be what the whole
/// load would print: there is no sidecar, or every claim in it is in place (its quote is the
/// text at its offsets, all within one block). Then re-anchoring would change nothing, whatever
/// the recorded hash says, and that check reads the report only as far as the last claim. A
/// claim out of place (the report was edited since it was tagged) is re-anchored against the
/// whole text, so that report is loaded whole, as are web pages, Markdown and UTF-16 text.
/// Standard input is read to its end first: a NUL byte anywhere refuses it before any line.
pub fn run(report: &Path, format: Format) -> Result<(), CliError> {
    if report == Path::new(STDIN_ARG) {
        let bytes = read_stdin_bytes()?;
        let name = Path::new(STDIN_NAME);
        return match Blocks::open(name, Cursor::new(&bytes[..]))? {
            Some(blocks) => stream(blocks, format, &[], &[]),
            None => print(&decode_stdin(&bytes)?, format, |_| (None, false)),
        };
    }
    let report = &super::report_path(report);
    let Some(mut blocks) = Blocks::open_file(report)? else {
        return print_whole(report, format);
    };
    let Some(mut sidecar) = Sidecar::load(&sidecar_path(report))? else {
        return stream(blocks, format, &[], &[]);
    };
    sidecar.sort();
    let mut placed: Vec<Placed> = sidecar
        .claims
        .iter()
        .map(|c| (c.start..c.end, c.quote.as_str()))
        .chain(
            sidecar
                .no_claim
                .iter()
                .map(|m| (m.start..m.end, m.quote.as_str())),
        )
        .collect();
    placed.sort_by_key(|(span, _)| (span.start, span.end));
    if !in_place(&mut blocks, &placed)? {
        return print_whole(report, format);
    }
    blocks.rewind()?;
    stream(blocks, format, &sidecar.claims, &placed)
}

/// Prints the sentences of `report` loaded whole, with its claims re-anchored.
fn print_whole(report: &Path, format: Format) -> Result<(), CliError> {
    let annotated = load_annotated(report)?;
    super::no_article(&annotated.report)?;
    let report = &annotated.report;
    // A claim belongs to the sentence it starts in; the first in document order tells.
    let mut statuses: Vec<Option<&str>> = vec![None; report.sentences.len()];
    for claim in &annotated.sidecar.claims {
        if let Some(status) = claim.sentence(report).and_then(|i| statuses.get_mut(i)) {
            status.get_or_insert(claim.status.as_str());
        }
    }
    let reviewed = reviewed_sentences(
        report,
        &annotated.sidecar.claims,
        &annotated.sidecar.no_claim,
    );
    print(report, format, |span| {
        let i = report.sentence_at(span.start);
        (
            statuses.get(i).copied().flatten(),
            reviewed.get(i).copied().unwrap_or(false),
        )
    })
}

/// Whether every claim and no-claim mark (`placed`, by start) is where re-anchoring would leave
/// it: its quote is the text at its offsets, inside one block. One with no quote is orphaned
/// either way. Reads only as far as the last of them.
fn in_place<R: Read + Seek>(blocks: &mut Blocks<R>, placed: &[Placed]) -> Result<bool, CliError> {
    let mut placed = placed.iter().filter(|(_, q)| !q.is_empty()).peekable();
    while placed.peek().is_some() {
        let Some(block) = blocks.next() else {
            // A claim starts past the end of the text.
            return Ok(false);
        };
        let block = block?;
        let end = block.chars_end();
        while let Some((span, quote)) = placed.next_if(|(s, _)| s.start < end) {
            if block.text_at(span) != Some(*quote) {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// Whether sentences, given in text order, are touched by one of `placed` (in place, by start):
/// a span touches the sentences it overlaps, as [`reviewed_sentences`] counts.
struct Touches<'a> {
    placed: std::iter::Peekable<std::slice::Iter<'a, Placed<'a>>>,
    reach: usize,
}

impl<'a> Touches<'a> {
    fn new(placed: &'a [Placed<'a>]) -> Self {
        Self {
            placed: placed.iter().peekable(),
            reach: 0,
        }
    }

    /// Whether the sentence at code points `chars` (after every earlier one) is touched.
    fn sentence(&mut self, chars: &Range<usize>) -> bool {
        while let Some((span, _)) = self.placed.next_if(|(s, _)| s.start < chars.end) {
            self.reach = self.reach.max(span.end.max(span.start + 1));
        }
        self.reach > chars.start
    }
}

/// The first claim of `claims` (in document order, each in place: its quote at its offsets, as
/// [`in_place`] checked) that starts in the sentence at code points `chars`: a claim belongs to
/// the sentence it starts in, whole or narrowed, as for every command. A binary search, so a
/// report of a million sentences with ten thousand claims is printed in time proportional to
/// the sentences.
fn claim_on(claims: &[Claim], chars: &Range<usize>) -> Option<usize> {
    let first = claims.partition_point(|c| c.start < chars.start);
    claims[first..]
        .iter()
        .take_while(|c| c.start < chars.end)
        .position(|c| !c.quote.is_empty())
        .map(|i| first + i)
}

/// Reads all of standard input and decodes it into a report.
pub(super) fn read_stdin() -> Result<Report, CliError> {
    decode_stdin(&read_stdin_bytes()?)
}

/// The most standard input may hold (64 MiB): it has no size to check before it is read, so an
/// endless stream (`yes | sidenote sentences -`) is stopped there. A larger report is read from a
/// file, which has no such limit.
pub const MAX_STDIN_BYTES: usize = 64 << 20;

/// All of standard input, checked as it streams (see [`read_checked`]).
fn read_stdin_bytes() -> Result<Vec<u8>, CliError> {
    Ok(read_checked(std::io::stdin().lock(), MAX_STDIN_BYTES)?)
}

/// All of `input`, checked as it streams: it stops at the first NUL byte (a NUL code unit in
/// UTF-16) and at the first 8,000 bytes when they are binary, without waiting for the rest,
/// and past `limit` bytes.
fn read_checked(mut input: impl Read, limit: usize) -> Result<Vec<u8>, LoadError> {
    let name = || PathBuf::from(STDIN_NAME);
    let binary = |why| LoadError::NotText { path: name(), why };
    let mut bytes = Vec::new();
    let mut buffer = vec![0; 64 << 10];
    // How far NUL has been looked for, and whether the start was judged.
    let mut checked = 0;
    let mut judged = false;
    loop {
        let read = match input.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(source) => {
                return Err(LoadError::Io {
                    path: name(),
                    source,
                });
            }
        };
        if bytes.len() + read > limit {
            return Err(LoadError::Io {
                path: name(),
                source: std::io::Error::new(
                    std::io::ErrorKind::FileTooLarge,
                    format!(
                        "more than the {} MiB standard input may hold; save the text to a file and give its name",
                        limit >> 20
                    ),
                ),
            });
        }
        bytes.extend_from_slice(&buffer[..read]);
        checked = first_nul(&bytes, checked).map_err(binary)?;
        if !judged && bytes.len() >= SNIFF_BYTES {
            judge_start(&bytes).map_err(binary)?;
            judged = true;
        }
    }
    Ok(bytes)
}

/// Looks for a NUL in `bytes` from `from` on, a byte at a time or, after a UTF-16 byte-order
/// mark, a code unit at a time; returns how far it looked (the start of an incomplete unit).
fn first_nul(bytes: &[u8], from: usize) -> Result<usize, Binary> {
    if bytes.len() >= 2 && (bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")) {
        let from = from.max(2);
        let from = from + (from % 2);
        let units = bytes[from..].chunks_exact(2);
        let whole = from + units.len() * 2;
        return match units.clone().position(|unit| unit == [0, 0]) {
            Some(at) => Err(Binary::Nul(from + at * 2)),
            None => Ok(whole),
        };
    }
    // One byte could still be the start of a UTF-16 byte-order mark.
    if bytes.len() < 2 && matches!(bytes.first(), Some(0xFF | 0xFE)) {
        return Ok(0);
    }
    match memchr::memchr(0, &bytes[from..]) {
        Some(at) => Err(Binary::Nul(from + at)),
        None => Ok(bytes.len()),
    }
}

/// Standard input's `bytes` decoded into a report, as a file's are.
fn decode_stdin(bytes: &[u8]) -> Result<Report, CliError> {
    let name = Path::new(STDIN_NAME);
    Report::from_bytes(name, bytes).map_err(|why| {
        CliError::Report(LoadError::NotText {
            path: name.to_path_buf(),
            why,
        })
    })
}

/// Prints every sentence of `report` in `format`, with the tag and whether it was reviewed, as
/// `status` says.
fn print<'a>(
    report: &Report,
    format: Format,
    status: impl Fn(&Range<usize>) -> (Option<&'a str>, bool),
) -> Result<(), CliError> {
    let text = &report.text;
    write_out(|out| {
        for (i, span) in report.sentences.iter().enumerate() {
            let chars = report.char_range(span);
            let (status, reviewed) = status(span);
            let row = Row {
                n: i + 1,
                start: chars.start,
                end: chars.end,
                text: &text[span.clone()],
                status,
                reviewed,
            };
            write_row(out, format, &row)?;
        }
        Ok(())
    })
}

/// Prints every sentence of `blocks` in `format` as it is read, with the tag of the claim of
/// `claims` (in document order) on it, and whether one of `placed` (the claims and no-claim
/// marks, by start) touches it. A report that cannot be read to its end fails after the lines
/// already printed.
fn stream<R: Read + Seek>(
    blocks: Blocks<R>,
    format: Format,
    claims: &[Claim],
    placed: &[Placed],
) -> Result<(), CliError> {
    let mut failed = None;
    let mut touches = Touches::new(placed);
    write_out(|out| {
        let mut n = 0;
        for block in blocks {
            let block = match block {
                Ok(block) => block,
                Err(e) => {
                    failed = Some(e);
                    break;
                }
            };
            for span in block.sentences() {
                n += 1;
                let chars = block.char_range(&span);
                let sentence = &block.text[span];
                let row = Row {
                    n,
                    start: chars.start,
                    end: chars.end,
                    text: sentence,
                    status: claim_on(claims, &chars).map(|c| claims[c].status.as_str()),
                    reviewed: touches.sentence(&chars),
                };
                write_row(out, format, &row)?;
            }
        }
        Ok(())
    })?;
    failed.map_or(Ok(()), |e| Err(e.into()))
}

/// Prints one sentence's row.
fn write_row(out: &mut dyn Write, format: Format, row: &Row) -> std::io::Result<()> {
    match format {
        Format::Jsonl => {
            serde_json::to_writer(&mut *out, row)?;
            writeln!(out)
        }
        Format::Text => {
            let flat = one_line(row.text);
            let status = safe(row.status.unwrap_or("-"));
            writeln!(out, "{}\t{status}\t{flat}", row.n)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stream that gives `start`, then fails the test if it is read again.
    struct ReadOnce(Option<Vec<u8>>);

    impl Read for ReadOnce {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let start = self.0.take().expect("read again after the first NUL");
            buf[..start.len()].copy_from_slice(&start);
            Ok(start.len())
        }
    }

    #[test]
    fn standard_input_stops_at_the_first_nul() {
        let err = read_checked(ReadOnce(Some(b"text\0more".to_vec())), 1 << 20).expect_err("NUL");
        assert!(err.to_string().contains("a NUL byte at offset 4"), "{err}");
        // `/dev/zero`: the first read is refused; bounded here by the cap should it not be.
        let zeros = std::io::repeat(0).take(1 << 20);
        let err = read_checked(zeros, 1 << 20).expect_err("NUL");
        assert!(err.to_string().contains("offset 0"), "{err}");
    }

    #[test]
    fn standard_input_is_capped() {
        // `yes | sidenote sentences -`, bounded by a small cap.
        let yes = std::io::repeat(b'y').take(200 << 10);
        let err = read_checked(yes, 100 << 10).expect_err("too large");
        assert!(
            err.to_string()
                .contains("standard input may hold; save the text to a file"),
            "{err}"
        );
        let fits = std::io::repeat(b'y').take(100 << 10);
        assert_eq!(
            read_checked(fits, 100 << 10).expect("fits").len(),
            100 << 10
        );
    }

    #[test]
    fn utf16_on_standard_input_is_judged_by_code_units() {
        let text = b"\xFF\xFEa\0b\0".to_vec();
        assert_eq!(read_checked(&text[..], 1 << 20).expect("UTF-16 text"), text);
        let err = read_checked(&b"\xFE\xFF\0a\0\0"[..], 1 << 20).expect_err("NUL unit");
        assert!(err.to_string().contains("offset 4"), "{err}");
        // Mostly control characters in the first 8,000 bytes: refused once they are in.
        let controls = std::io::repeat(1).take(1 << 20);
        let err = read_checked(controls, 1 << 20).expect_err("binary");
        assert!(err.to_string().contains("control characters"), "{err}");
    }
}
