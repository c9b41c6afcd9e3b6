//! `sidenote export PATH… --format FORMAT [-o FILE]`: the claims of many reports in a form
//! other people and tools read. See `docs/exports.md` for each format's fields.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use super::{CliError, stats::failed_to_error, stats::load_all, write_out};
use crate::annotate::atomic::{Replacement, folder_of};
use crate::annotate::sidecar_path;
use crate::config::Config;
use crate::corpus::Reviewed;
use crate::corpus::export::{UrlBase, claimreview, csv, json, markdown, w3c};
use crate::report::safe_path;

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

/// How to export: the command's options besides the paths.
#[derive(Debug, Clone, clap::Args)]
pub struct Options {
    /// Output format.
    #[arg(long, value_enum)]
    pub format: Format,
    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// With --format claimreview: where the reports are published; each review's `url` and
    /// its claim's `appearance` become this base joined with the report's path below the
    /// folder given (each segment percent-encoded).
    #[arg(long, value_name = "URL")]
    pub url_base: Option<String>,
}

/// Exports every report under `paths` to `--output` (standard output when there is none). A
/// file is written whole or not at all: into a temporary file beside it, renamed over it at the
/// end. `--url-base` gives the `claimreview` format each report's published address.
pub fn run(paths: &[PathBuf], options: &Options, config: &Config) -> Result<(), CliError> {
    let format = options.format;
    let output = options.output.as_deref();
    let url_base = options.url_base.as_deref();
    if url_base.is_some() && format != Format::Claimreview {
        return Err(CliError::BadInput(
            "--url-base is for --format claimreview (the other formats keep report paths); drop it or change the format".to_owned(),
        ));
    }
    let url_base = url_base
        .map(UrlBase::new)
        .transpose()
        .map_err(CliError::BadInput)?;
    let cues = super::suggest::cues(config)?;
    let (reports, failed) = load_all(paths, &cues)?;
    if !failed.is_empty() {
        // An export with reports missing would mislead whoever reads it: nothing is written.
        return failed_to_error(failed);
    }
    let tags: Vec<String> = config.tags.iter().map(|t| t.name.clone()).collect();
    let context = claimreview::Context {
        cues: &cues,
        urls: url_base.map(|base| {
            reports
                .iter()
                .map(|r| base.url(&below_scanned(&r.path, paths)))
                .collect()
        }),
    };
    let write = |out: &mut dyn std::io::Write| write(out, format, &reports, &tags, &context);
    match output {
        None => write_out(write),
        Some(path) if names_standard_output(path) => write_out(write),
        Some(path) => {
            refuse_an_input(path, &reports)?;
            write_file(path, write)
        }
    }
}

/// Refuses an output that is one of the files the export reads: a report or its sidecar (an
/// existing one, or the name a sidecar of a report would have), whether named as it is or
/// reached through a link or another hard link. Writing there would replace the input with the
/// export.
fn refuse_an_input(output: &Path, reports: &[Reviewed]) -> Result<(), CliError> {
    let target = Place::of(output);
    for report in reports {
        let sidecar = sidecar_path(&report.path);
        for input in [&report.path, &sidecar] {
            if target.is(&Place::of(input)) {
                return Err(CliError::BadInput(format!(
                    "{}: is {}, which the export reads; give -o another file (nothing was written)",
                    safe_path(output),
                    safe_path(input)
                )));
            }
        }
    }
    Ok(())
}

/// Where a path leads, to tell whether two paths name the same file: its device and inode when
/// it exists, else its folder's real path and its name.
#[derive(Debug, PartialEq, Eq)]
enum Place {
    File(u64, u64),
    Name(Option<PathBuf>),
}

impl Place {
    fn of(path: &Path) -> Self {
        if let Ok(meta) = std::fs::metadata(path) {
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt as _;
                return Self::File(meta.dev(), meta.ino());
            }
            #[cfg(not(unix))]
            let _ = meta;
        }
        // A link to a missing file leads to the file it would make.
        let path = std::fs::read_link(path).map_or_else(
            |_| path.to_path_buf(),
            |to| path.parent().unwrap_or(Path::new("")).join(to),
        );
        Self::Name(
            std::fs::canonicalize(folder_of(&path))
                .ok()
                .zip(path.file_name())
                .map(|(folder, name)| folder.join(name)),
        )
    }

    fn is(&self, other: &Self) -> bool {
        !matches!(self, Self::Name(None)) && self == other
    }
}

/// A report's path below the folder it was found in: below the outermost folder among `paths`
/// that holds it, else (a report named on its own) as it was given.
fn below_scanned(report: &Path, paths: &[PathBuf]) -> PathBuf {
    // The scan writes `./a.txt` as `a.txt`: compare the folders the same way.
    let plain = |p: &Path| {
        p.strip_prefix(".")
            .map_or_else(|_| p.to_path_buf(), Path::to_path_buf)
    };
    paths
        .iter()
        .filter(|p| p.is_dir())
        .map(|p| plain(p))
        .filter(|folder| report.starts_with(folder))
        .min_by_key(|folder| folder.components().count())
        .and_then(|folder| report.strip_prefix(folder).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| report.to_path_buf())
}

fn write(
    out: &mut dyn std::io::Write,
    format: Format,
    reports: &[Reviewed],
    tags: &[String],
    context: &claimreview::Context,
) -> std::io::Result<()> {
    match format {
        Format::Markdown => markdown::write(out, reports, tags),
        Format::Csv => csv::write(out, reports),
        Format::Json => json::write(out, reports),
        Format::W3c => w3c::write(out, reports),
        Format::Claimreview => claimreview::write(out, reports, context),
    }
}

/// Whether `path` names this process's standard output: `-o /dev/stdout` must add to what the
/// output already holds (`{ echo head; sidenote export … -o /dev/stdout; } > all`), which writing
/// through the path, from its start or over it, would not.
fn names_standard_output(path: &Path) -> bool {
    ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]
        .iter()
        .any(|alias| path == Path::new(alias))
}

/// Writes the export to `path`. A regular file (or a new one) is written whole or not at all: a
/// temporary file in the same folder, flushed, then renamed over it, so on any error `path` is
/// untouched. A file with other hard links is instead overwritten in place once the export is
/// complete, so that every name shows it. The file keeps its permissions (and, when written as
/// root, its owner). A symbolic link is followed and its target replaced, the link kept. A device, pipe
/// or socket (`-o /dev/stdout`, `-o >(gzip > x.gz)`, `-o /dev/null`) is written into directly:
/// renaming over it would replace, say, the system's `/dev/null` with a plain file.
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
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            return Err(CliError::BadInput(format!(
                "{}: is a folder; give a file name to -o",
                safe_path(path)
            )));
        }
        Ok(meta) if !meta.is_file() => return write_special(path, write),
        _ => {}
    }
    // A link: replace what it points at (creating it when it is missing), so the link keeps
    // working.
    let target = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path)
            .or_else(|_| {
                std::fs::read_link(path).map(|to| path.parent().unwrap_or(Path::new("")).join(to))
            })
            .unwrap_or_else(|_| path.to_path_buf()),
        _ => path.to_path_buf(),
    };
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(CliError::BadInput(format!(
            "{}: the folder {} does not exist; create it or give another -o",
            safe_path(path),
            safe_path(folder)
        )));
    }
    // A new file gets what a plain `> FILE` would give it (0666 less the umask), not the
    // temporary file's private 0600.
    let mut file = Replacement::beside(&target, ".tmp", 0o666).map_err(|e| fail(&e.kind()))?;
    let existing = std::fs::metadata(&target).ok();
    if let Some(meta) = &existing {
        // The file keeps its mode, and its owner and group when written as root.
        file.keep_mode_and_owner(meta).map_err(|e| fail(&e))?;
    }
    {
        let mut out = std::io::BufWriter::new(file.file());
        write(&mut out).map_err(|e| fail(&e))?;
        out.flush().map_err(|e| fail(&e))?;
    }
    file.sync().map_err(|e| fail(&e))?;
    if existing.as_ref().is_some_and(has_other_names) {
        return copy_into(file.into_temporary(), &target);
    }
    file.commit(&target).map_err(|e| fail(&e))?;
    Ok(())
}

/// Whether the file has hard links besides the one written to: renaming over it would leave
/// them holding the old export.
fn has_other_names(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        std::os::unix::fs::MetadataExt::nlink(meta) > 1
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// Copies the finished export into `target` in place, so that all its hard links see it. The
/// export is complete, and `target` open for writing, before anything in it changes: a target
/// that cannot be written is left as it was. Nothing but the contents changes (not the mode,
/// which only the owner may set: someone who may write a shared file must still be able to). If
/// the copy fails part-way, the whole export is kept as `<target>.new` and the error says so.
fn copy_into(mut export: tempfile::NamedTempFile, target: &Path) -> Result<(), CliError> {
    use std::io::{Seek as _, SeekFrom};
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .open(target)
        .map_err(|e| {
            CliError::Output(std::io::Error::other(format!(
                "{}: {e}; nothing was written",
                safe_path(target)
            )))
        })?;
    let copied = export
        .as_file_mut()
        .seek(SeekFrom::Start(0))
        .and_then(|_| std::io::copy(export.as_file_mut(), &mut out))
        .and_then(|len| out.set_len(len))
        .and_then(|()| out.sync_all());
    let Err(e) = copied else {
        return Ok(());
    };
    let mut kept = target.as_os_str().to_owned();
    kept.push(".new");
    let kept = std::path::PathBuf::from(kept);
    let why = match export.persist_noclobber(&kept) {
        Ok(_) => format!(
            "{}: {e}; the file may be cut short, the whole export is in {}",
            safe_path(target),
            safe_path(&kept)
        ),
        Err(_) => format!("{}: {e}; the file may be cut short", safe_path(target)),
    };
    Err(CliError::Output(std::io::Error::other(why)))
}

/// Streams the export into a file that is not a regular one, as a shell redirection would.
fn write_special(
    path: &Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<(), CliError> {
    let fail = |e: &std::io::Error| {
        CliError::Output(std::io::Error::other(format!("{}: {e}", safe_path(path))))
    };
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| fail(&e))?;
    let mut out = std::io::BufWriter::new(file);
    write(&mut out).map_err(|e| fail(&e))?;
    out.flush().map_err(|e| fail(&e))
}
