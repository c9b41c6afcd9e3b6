//! The commands that work without a terminal, one file each, and the errors they exit with.

pub mod agree;
pub mod check;
pub mod claims;
pub mod completions;
pub mod corroborate;
pub mod export;
pub mod merge_driver;
pub mod sentences;
pub mod stats;
pub mod suggest;
pub mod tag;
pub mod text;

use std::io;
use std::path::Path;

use crate::annotate::{
    Anchor, SaveError, Sidecar, SidecarError, reanchor_all, reanchor_marks, sidecar_path,
};
use crate::config::ConfigError;
use crate::report::{LoadError, Report};

/// Exit code for bad input: a missing file, an unknown tag, a number out of range, a file that
/// is not text or a sidecar that does not parse.
pub const EXIT_BAD_INPUT: u8 = 2;
/// Exit code when the system failed us: a write refused, a terminal missing.
pub const EXIT_FAILURE: u8 = 1;

/// Everything a command can fail with; [`CliError::exit_code`] says how the process ends.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The report could not be opened.
    #[error(transparent)]
    Report(#[from] LoadError),
    /// The sidecar could not be read; it is left as it is.
    #[error(transparent)]
    Sidecar(#[from] SidecarError),
    /// The settings could not be read.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The sidecar could not be written.
    #[error(transparent)]
    Save(#[from] SaveError),
    /// An argument is wrong; the message names it and what to do.
    #[error("{0}")]
    BadInput(String),
    /// A command that reports findings (`check`) could not do its work: exit 2, like `diff` and
    /// `grep`, so that it is never taken for "findings" (1).
    #[error("{0}")]
    Trouble(String),
    /// Standard output could not be written (a closed pipe ends quietly instead).
    #[error("cannot write output: {0}")]
    Output(#[from] io::Error),
}

impl CliError {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Save(SaveError::Io { .. } | SaveError::Locked { .. }) | Self::Output(_) => {
                EXIT_FAILURE
            }
            _ => EXIT_BAD_INPUT,
        }
    }
}

/// A report with its claims, re-anchored to the report's current text.
pub struct Annotated {
    /// The report.
    pub report: Report,
    /// Its claims and no-claim marks, both re-anchored (an empty sidecar when there is none on
    /// disk).
    pub sidecar: Sidecar,
    /// How each claim of `sidecar.claims` (same index) was found in the report's current text,
    /// so commands can tell the user which claims moved or were lost.
    pub anchors: Vec<Anchor>,
    /// Where the sidecar lives.
    pub path: std::path::PathBuf,
}

/// The report a command argument names: a sidecar (`r.txt.sidenote.toml`) stands for its
/// report (`r.txt`), as in `stats`, `check` and `agree`, so no command ever takes a sidecar for
/// a report of its own (and writes `r.txt.sidenote.toml.sidenote.toml`).
pub fn report_path(path: &Path) -> std::path::PathBuf {
    crate::corpus::scan::report_of(path)
}

/// Loads the report a command argument names ([`report_path`]) for a command on one report:
/// a web page with no article in it is refused ([`no_article`]).
pub fn load_report(path: &Path) -> Result<Report, CliError> {
    let report = Report::load(&report_path(path))?;
    no_article(&report)?;
    Ok(report)
}

pub use crate::report::extract::NO_ARTICLE_FOUND;

/// Refuses a web page in which no article was found (navigation, a section front, a form):
/// its text is not a report to tag. One line naming the file, exit 2.
pub fn no_article(report: &Report) -> Result<(), CliError> {
    if report.no_article {
        return Err(CliError::BadInput(format!(
            "{}: {NO_ARTICLE_FOUND}; save the article's own page, or copy its text into a .txt file",
            crate::report::safe_path(&report.path)
        )));
    }
    Ok(())
}

/// Loads a report and its sidecar for a command; a sidecar that does not parse is an error. A
/// sidecar given as `report` stands for its report ([`report_path`]).
pub fn load_annotated(report: &Path) -> Result<Annotated, CliError> {
    let report = Report::load(&report_path(report))?;
    let path = sidecar_path(&report.path);
    let mut sidecar = Sidecar::load(&path)?.unwrap_or_else(|| Sidecar::new(&report));
    let found = reanchor_all(&mut sidecar.claims, &report);
    reanchor_marks(&mut sidecar.no_claim, &report);
    // Ids are unique in a valid sidecar, so each anchor can follow its claim through the sort.
    let by_id: std::collections::HashMap<String, Anchor> = sidecar
        .claims
        .iter()
        .map(|c| c.id.clone())
        .zip(found)
        .collect();
    sidecar.sort();
    let anchors = sidecar
        .claims
        .iter()
        .map(|c| by_id.get(&c.id).copied().unwrap_or(Anchor::Orphaned))
        .collect();
    Ok(Annotated {
        report,
        sidecar,
        anchors,
        path,
    })
}

/// The byte range of sentence `n` (1-based) of `report`, or an error naming the valid range.
pub fn sentence_span(report: &Report, n: usize) -> Result<std::ops::Range<usize>, CliError> {
    let count = report.sentences.len();
    if count == 0 {
        return Err(CliError::BadInput(format!(
            "{}: has no sentences to tag; is it the right file?",
            report.path.display()
        )));
    }
    n.checked_sub(1)
        .and_then(|i| report.sentences.get(i).cloned())
        .ok_or_else(|| {
            CliError::BadInput(format!(
                "{}: has {count} sentences; N must be between 1 and {count} (see `sidenote sentences`)",
                report.path.display()
            ))
        })
}

/// Writes to standard output, treating a closed pipe (`| head`) as a normal end.
pub fn write_out(write: impl FnOnce(&mut dyn io::Write) -> io::Result<()>) -> Result<(), CliError> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match write(&mut out).and_then(|()| io::Write::flush(&mut out)) {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}
