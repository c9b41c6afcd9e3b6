//! `sidenote check [PATH…]`: finds what needs a look in reports and their sidecars, for a
//! person before sharing a folder and for CI after a `git pull`.
//!
//! Each finding is one line, `path: what`, on standard output; a one-line summary goes to
//! standard error. Nothing is written to disk: claims are re-anchored in memory only.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{CliError, write_out};
use crate::annotate::merge::{CONFLICT_KEY, duplicates};
use crate::annotate::{Anchor, Sidecar, SidecarError, reanchor_all, reanchor_marks, sidecar_path};
use crate::report::{LoadError, Report, one_line, quoted, safe, safe_path};

/// Exit code when something was found, so scripts and CI can fail on it. Like `diff` and `grep`:
/// 0 clean, 1 findings, 2 ([`EXIT_TROUBLE`]) when the check itself could not be done.
pub const EXIT_FOUND: u8 = 1;
/// Exit code when something could not be checked (a folder or file the system would not let us
/// read) or the findings could not be printed: the absence of findings then means nothing.
pub const EXIT_TROUBLE: u8 = 2;

/// Folders never searched: build output is large and holds no reports of the user's.
const SKIPPED_FOLDERS: [&str; 1] = ["target"];

/// Code points of a quote shown in a finding.
const QUOTE_CHARS: usize = 40;

/// Checks every path (the current folder when there is none), prints one line per finding and
/// returns the exit code: 0 clean, [`EXIT_FOUND`] when something was found, [`EXIT_TROUBLE`]
/// when something could not be read (its line is printed with the findings) or the output could
/// not be written. A path that does not exist is bad usage (2), refused before anything is
/// checked.
pub fn run(paths: &[PathBuf]) -> Result<ExitCode, CliError> {
    let here = [PathBuf::from(".")];
    let paths = if paths.is_empty() { &here[..] } else { paths };
    let absent = |p: &&PathBuf| matches!(p.symlink_metadata(), Err(e) if e.kind() == std::io::ErrorKind::NotFound);
    if let Some(missing) = paths.iter().find(absent) {
        return Err(CliError::BadInput(format!(
            "{}: no such file or folder; give reports, sidecars or folders to check",
            safe_path(missing)
        )));
    }
    let mut findings = Findings::default();
    let mut pairs = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut pairs, &mut findings);
        } else {
            pairs.push(Pair::of(path));
        }
    }
    let mut seen = HashSet::new();
    pairs.retain(|pair| seen.insert(pair.sidecar.clone()));
    for pair in &pairs {
        pair.check(&mut findings);
    }
    write_out(|out| {
        for finding in &findings.lines {
            writeln!(out, "{}", safe(finding))?;
        }
        Ok(())
    })
    .map_err(|e| CliError::Trouble(format!("{e}; the check's findings were not all printed")))?;
    let checked = format!("{} and their sidecars", plural(pairs.len(), "report"));
    if findings.lines.is_empty() {
        eprintln!("sidenote: checked {checked}: nothing to fix");
        Ok(ExitCode::SUCCESS)
    } else if findings.unreadable > 0 {
        eprintln!(
            "sidenote: checked {checked}: {}, {} could not be read; fix the permissions and check again",
            plural(findings.lines.len(), "finding"),
            plural(findings.unreadable, "file or folder")
        );
        Ok(ExitCode::from(EXIT_TROUBLE))
    } else {
        eprintln!(
            "sidenote: checked {checked}: {}",
            plural(findings.lines.len(), "finding")
        );
        Ok(ExitCode::from(EXIT_FOUND))
    }
}

/// What the check found, one line each, and how many of them are files it could not read.
#[derive(Debug, Default)]
struct Findings {
    lines: Vec<String>,
    unreadable: usize,
}

impl Findings {
    fn push(&mut self, line: String) {
        self.lines.push(line);
    }

    /// A file or folder the system would not let the check read.
    fn unreadable(&mut self, line: String) {
        self.unreadable += 1;
        self.lines.push(line);
    }

    /// A report that could not be loaded: unreadable, or a finding (missing, not text).
    fn report_error(&mut self, e: &LoadError) {
        match e {
            LoadError::Io { .. } | LoadError::PermissionDenied(_) => self.unreadable(e.to_string()),
            _ => self.push(e.to_string()),
        }
    }
}

/// "1 report", "2 reports".
fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Adds every sidecar under `folder` to `pairs`, in name order, skipping hidden folders and
/// `target/`. Symbolic links to folders are not followed, so a link loop cannot trap the walk.
fn walk(folder: &Path, pairs: &mut Vec<Pair>, findings: &mut Findings) {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) => {
            findings.unreadable(format!("{}: cannot read the folder: {e}", folder.display()));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            if !is_skipped(&name) {
                walk(&path, pairs, findings);
            }
        } else if is_sidecar(&path) {
            pairs.push(Pair::of(&path));
        }
    }
}

/// Hidden folders (`.git` among them) and `target/` are not searched.
fn is_skipped(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || SKIPPED_FOLDERS.contains(&name.as_ref())
}

/// Whether `path` names a sidecar: `NAME.sidenote.toml`. Works on file names that are not
/// UTF-8 too.
fn is_sidecar(path: &Path) -> bool {
    path.extension() == Some(OsStr::new("toml"))
        && path.file_stem().map(Path::new).and_then(Path::extension) == Some(OsStr::new("sidenote"))
}

/// A sidecar and the report it belongs to (either may be missing).
struct Pair {
    sidecar: PathBuf,
    report: PathBuf,
}

impl Pair {
    /// The pair `path` belongs to, whether it names the sidecar or the report.
    fn of(path: &Path) -> Self {
        if is_sidecar(path) {
            Self {
                sidecar: path.to_path_buf(),
                report: path.with_extension("").with_extension(""),
            }
        } else {
            Self {
                sidecar: sidecar_path(path),
                report: path.to_path_buf(),
            }
        }
    }

    /// Adds a line to `findings` for each thing wrong with the sidecar or its report.
    fn check(&self, findings: &mut Findings) {
        let sidecar_name = self.sidecar.display();
        let mut sidecar = match Sidecar::load(&self.sidecar) {
            Ok(Some(sidecar)) => sidecar,
            Ok(None) => {
                // A report without claims: only whether it can be read at all.
                if let Err(e) = Report::load(&self.report) {
                    findings.report_error(&e);
                }
                return;
            }
            Err(e @ SidecarError::Io { .. }) => {
                findings.unreadable(e.to_string());
                return;
            }
            Err(e) => {
                findings.push(e.to_string());
                return;
            }
        };
        let report = match Report::load(&self.report) {
            Ok(report) => report,
            Err(LoadError::NotFound(_)) => {
                findings.push(format!(
                    "{sidecar_name}: its report {} is missing; restore it, or remove the sidecar",
                    self.report.display()
                ));
                return;
            }
            Err(e) => {
                findings.report_error(&e);
                return;
            }
        };
        for (twin, first) in duplicates(&sidecar.claims) {
            let (twin, first) = (&sidecar.claims[twin], &sidecar.claims[first]);
            findings.push(format!(
                "{sidecar_name}: claims {} and {} are both by {} on the same text {}; keep one (remove the other in the reader)",
                first.id,
                twin.id,
                first.author,
                quoted(&short(&first.quote))
            ));
        }
        if sidecar.report.sha256 != report.sha256 {
            findings.push(format!(
                "{sidecar_name}: stale: {} changed since the sidecar was written ([report] sha256 differs)",
                self.report.display()
            ));
        }
        let anchors = reanchor_all(&mut sidecar.claims, &report);
        for (claim, anchor) in sidecar.claims.iter().zip(anchors) {
            match anchor {
                Anchor::Exact | Anchor::Moved => {}
                Anchor::Fuzzy => findings.push(format!(
                    "{sidecar_name}: claim {} is fuzzy: its text changed, now {}-{} {}; check the claim",
                    claim.id,
                    claim.start,
                    claim.end,
                    quoted(&short(&claim.quote))
                )),
                Anchor::Orphaned => findings.push(format!(
                    "{sidecar_name}: claim {} is orphaned: {} is no longer in the report",
                    claim.id,
                    quoted(&short(&claim.quote))
                )),
            }
        }
        let anchors = reanchor_marks(&mut sidecar.no_claim, &report);
        for (mark, anchor) in sidecar.no_claim.iter().zip(anchors) {
            let author = if mark.author.is_empty() {
                "(no author)"
            } else {
                &mark.author
            };
            match anchor {
                Anchor::Exact | Anchor::Moved => {}
                Anchor::Fuzzy => findings.push(format!(
                    "{sidecar_name}: no-claim mark by {author} is fuzzy: its text changed, now {}-{} {}; read the sentence again",
                    mark.start,
                    mark.end,
                    quoted(&short(&mark.quote))
                )),
                Anchor::Orphaned => findings.push(format!(
                    "{sidecar_name}: no-claim mark by {author} is orphaned: {} is no longer in the report",
                    quoted(&short(&mark.quote))
                )),
            }
        }
        conflicts(&self.sidecar, &sidecar, &report, findings);
    }
}

/// Adds a line for each unresolved conflict: a claim a merge marked `conflict_of` (their version
/// of a claim both sides changed), which stays until someone keeps one version.
fn conflicts(path: &Path, sidecar: &Sidecar, report: &Report, findings: &mut Findings) {
    for claim in &sidecar.claims {
        let Some(of) = claim.extra.get(CONFLICT_KEY) else {
            continue;
        };
        let of = of.as_str().unwrap_or("another claim");
        let sentence = claim.sentence(report).map_or_else(
            || "an orphaned claim".to_owned(),
            |i| format!("sentence {}", i + 1),
        );
        if sidecar.claims.iter().any(|c| c.id == of) {
            findings.push(format!(
                "{}: {sentence}: unresolved conflict: claim {} by {} conflicts with claim {of} {}; keep one version (in the reader, or remove the other from the sidecar)",
                path.display(),
                claim.id,
                claim.author,
                quoted(&short(&claim.quote))
            ));
        } else {
            // Its other version was removed outside the reader: what is left is to keep it.
            findings.push(format!(
                "{}: {sentence}: unresolved conflict: claim {} by {} {} is the only version left of claim {of}; keep it or drop it in the reader",
                path.display(),
                claim.id,
                claim.author,
                quoted(&short(&claim.quote))
            ));
        }
    }
}

/// The start of `quote` on one line, for a finding.
fn short(quote: &str) -> String {
    let flat = one_line(quote);
    match flat.char_indices().nth(QUOTE_CHARS) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_names_its_pair_either_way() {
        let from_sidecar = Pair::of(Path::new("dir/a.txt.sidenote.toml"));
        assert_eq!(from_sidecar.report, Path::new("dir/a.txt"));
        assert_eq!(from_sidecar.sidecar, Path::new("dir/a.txt.sidenote.toml"));
        let from_report = Pair::of(Path::new("dir/a.txt"));
        assert_eq!(from_report.report, Path::new("dir/a.txt"));
        assert_eq!(from_report.sidecar, Path::new("dir/a.txt.sidenote.toml"));
        for report in ["README", "a.b.c", ".hidden", "dir/notes.toml"] {
            let sidecar = sidecar_path(Path::new(report));
            assert!(is_sidecar(&sidecar), "{}", sidecar.display());
            assert_eq!(Pair::of(&sidecar).report, Path::new(report));
        }
        assert!(!is_sidecar(Path::new("config.toml")));
    }

    #[test]
    fn hidden_and_build_folders_are_skipped() {
        assert!(is_skipped(OsStr::new(".git")));
        assert!(is_skipped(OsStr::new(".cache")));
        assert!(is_skipped(OsStr::new("target")));
        assert!(!is_skipped(OsStr::new("reports")));
        assert!(!is_skipped(OsStr::new("targets")));
    }

    #[test]
    fn quotes_are_shortened_on_one_line() {
        assert_eq!(short("A\nshort   one."), "A short one.");
        let long = "word ".repeat(20);
        let shown = short(&long);
        assert_eq!(shown.chars().count(), QUOTE_CHARS + 1);
        assert!(shown.ends_with('…'));
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(plural(1, "report"), "1 report");
        assert_eq!(plural(0, "finding"), "0 findings");
        assert_eq!(plural(3, "finding"), "3 findings");
    }
}
