//! `sidenote export PATH… --format FORMAT [-o FILE]`: the claims of many reports in a form
//! other people and tools read. See `docs/exports.md` for each format's fields.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{CliError, stats::failed_to_error, stats::load_all, write_out};
use crate::config::Config;
use crate::report::safe_path;
use crate::review::Reviewed;
use crate::review::export::{claimreview, csv, json, markdown, w3c};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A review document for an editor.
    Markdown,
    /// One row per claim, for spreadsheets.
    Csv,
    /// The claims with their report, as the sidecars hold them.
    Json,
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// schema.org `ClaimReview` JSON-LD.
    Claimreview,
}

/// Exports every report under `paths` to `output` (standard output when `None`). A file is
/// written whole or not at all: into a temporary file beside it, renamed over it at the end.
pub fn run(
    paths: &[PathBuf],
    format: Format,
    output: Option<&Path>,
    config: &Config,
) -> Result<(), CliError> {
    let (reports, failed) = load_all(paths)?;
    if !failed.is_empty() {
        // An export with reports missing would mislead whoever reads it: nothing is written.
        return failed_to_error(failed);
    }
    let tags: Vec<String> = config.tags.iter().map(|t| t.name.clone()).collect();
    let write = |out: &mut dyn std::io::Write| write(out, format, &reports, &tags);
    match output {
        None => write_out(write),
        Some(path) => write_file(path, write),
    }
}

fn write(
    out: &mut dyn std::io::Write,
    format: Format,
    reports: &[Reviewed],
    tags: &[String],
) -> std::io::Result<()> {
    match format {
        Format::Markdown => markdown::write(out, reports, tags),
        Format::Csv => csv::write(out, reports),
        Format::Json => json::write(out, reports),
        Format::W3c => w3c::write(out, reports),
        Format::Claimreview => claimreview::write(out, reports),
    }
}

/// Writes `path` atomically: a temporary file in the same folder, flushed, then renamed over it.
/// On any error the temporary file is removed and `path` is untouched.
fn write_file(
    path: &Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), CliError> {
    let fail = |e: &dyn std::fmt::Display| {
        CliError::Output(std::io::Error::other(format!(
            "{}: {e}; nothing was written",
            safe_path(path)
        )))
    };
    if path.is_dir() {
        return Err(CliError::BadInput(format!(
            "{}: is a folder; give a file name to -o",
            safe_path(path)
        )));
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(folder).map_err(|e| fail(&e))?;
    {
        let mut out = std::io::BufWriter::new(file.as_file_mut());
        write(&mut out).map_err(|e| fail(&e))?;
        out.flush().map_err(|e| fail(&e))?;
    }
    file.as_file().sync_all().map_err(|e| fail(&e))?;
    file.persist(path).map_err(|e| fail(&e.error))?;
    Ok(())
}
