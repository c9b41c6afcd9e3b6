//! `sidenote merge-driver %O %A %B [%P]`: git's custom merge driver for sidecars.
//!
//! Git's line merge knows nothing of claims: two analysts tagging neighbouring sentences touch
//! neighbouring lines and conflict, and a conflict leaves `<<<<<<<` markers that make the TOML
//! unreadable. This driver merges the three versions by claim `id` instead, with the same
//! three-way merge the reader uses, and always writes a valid sidecar.

use std::path::{Path, PathBuf};

use super::CliError;
use crate::annotate::dismissals::merge_dismissed;
use crate::annotate::merge::merge;
use crate::annotate::no_claim::merge_marks;
use crate::annotate::{Sidecar, atomic};
use crate::report::safe_path;

/// How a merge went, for the line on stderr and the tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Claims changed differently on both sides: both versions kept, marked as a conflict.
    pub conflicts: usize,
    /// Claims in the result.
    pub claims: usize,
}

/// The three files git hands the driver, and the path of the sidecar they are versions of.
#[derive(Debug, Clone, Copy)]
pub struct Versions<'a> {
    /// The common ancestor's version (`%O`).
    pub ancestor: &'a Path,
    /// Our version (`%A`), which the result replaces.
    pub ours: &'a Path,
    /// Their version (`%B`).
    pub theirs: &'a Path,
    /// The sidecar's path in the repository (`%P`), named in messages instead of git's
    /// temporary files (`.merge_file_XXXXXX`) when given.
    pub path: Option<&'a Path>,
}

impl Versions<'_> {
    /// How a version is named in messages: git's path with the side, else the file given.
    fn name(&self, file: &Path, side: &str) -> PathBuf {
        self.path.map_or_else(
            || file.to_path_buf(),
            |path| {
                let mut name = path.as_os_str().to_owned();
                name.push(format!(" ({side})"));
                PathBuf::from(name)
            },
        )
    }
}

/// Merges `theirs` and `ours` (git's `%B` and `%A`, descendants of the ancestor `%O`) and writes
/// the result over `ours`, as git expects.
///
/// A claim changed differently on both sides is not a failure: both versions are kept in a valid
/// sidecar, the reader shows them as `⚠ conflict`, and a line on stderr says so. The exit code
/// is then still 0, so a pull or a rebase is not stopped over a difference the team resolves in
/// the reader. Only a side that is not a valid sidecar (a hand edit gone wrong) fails: `ours` is
/// left as it was and git reports a conflict on the file.
///
/// Each version is read as a sidecar is: a regular file of at most 8 MiB. `ours` must not be a
/// symbolic link (the result would replace the link); the result keeps `ours`'s mode.
pub fn run(files: Versions<'_>) -> Result<Outcome, CliError> {
    let ours = files.ours;
    let shown = files.name(ours, "ours");
    if std::fs::symlink_metadata(ours).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(CliError::BadInput(format!(
            "{}: is a symbolic link; the merge driver replaces the file it is given and will not replace a link — give it the file itself",
            safe_path(&shown)
        )));
    }
    let base = read(files.ancestor, &files.name(files.ancestor, "ancestor"))?;
    let mine = read(ours, &shown)?;
    let other = read(files.theirs, &files.name(files.theirs, "theirs"))?;
    let merged = merge(
        base.as_ref().map_or(&[][..], |s| &s.claims),
        mine.as_ref().map_or(&[][..], |s| &s.claims),
        other.as_ref().map_or(&[][..], |s| &s.claims),
    );
    let marks = merge_marks(
        base.as_ref().map_or(&[][..], |s| &s.no_claim),
        mine.as_ref().map_or(&[][..], |s| &s.no_claim),
        other.as_ref().map_or(&[][..], |s| &s.no_claim),
    );
    // Dismissed suggestions merge three ways too: a suggestion restored on one side stays
    // restored, a dismissal made on either side is kept.
    let [base_dismissed, mine_dismissed, other_dismissed] =
        [&base, &mine, &other].map(|side| side.as_ref().map_or(&[][..], |s| &s.dismissed[..]));
    let dismissed = merge_dismissed(base_dismissed, mine_dismissed, other_dismissed);
    // The top of the file (version, report, unknown keys) comes from our side, or theirs when
    // the file is new to us. A report hash that differs is harmless: the reader re-anchors.
    let Some(mut result) = mine.or(other).or(base) else {
        return Err(CliError::BadInput(format!(
            "{}: none of the three versions is a sidecar; is the merge driver set for the right files?",
            safe_path(&shown)
        )));
    };
    result.claims = merged.claims;
    result.no_claim = marks;
    result.dismissed = dismissed;
    result.sort();
    let text = result.to_toml().map_err(|e| {
        CliError::BadInput(format!(
            "{}: the merged claims cannot be written as TOML: {e}",
            safe_path(&shown)
        ))
    })?;
    atomic::replace(ours, ".tmp", text.as_bytes()).map_err(|e| {
        CliError::Output(std::io::Error::other(format!(
            "{}: {e}; left as it was",
            safe_path(&shown)
        )))
    })?;
    let outcome = Outcome {
        conflicts: merged.conflicts,
        claims: result.claims.len(),
    };
    if outcome.conflicts > 0 {
        // The report to open, when git said which sidecar this is (%P); never its temporary file.
        let report = files.path.map_or_else(
            || "the report".to_owned(),
            |path| safe_path(&crate::corpus::scan::report_of(path)).to_string(),
        );
        eprintln!(
            "sidenote: {}: {} claim(s) changed differently on both sides; both versions kept and marked ⚠ conflict — open {report} in sidenote and press x on the version to drop",
            safe_path(files.path.unwrap_or(ours)),
            outcome.conflicts
        );
    }
    Ok(outcome)
}

/// One version of the sidecar, named `name` in errors; `None` when git passes an empty file (the
/// file is new on both sides, so there is no ancestor). Git always passes three files, so a
/// missing one is a mistyped call by hand: taken as empty, a missing `%B` would read as "theirs
/// removed every claim" and the merge would delete them from `%A`.
fn read(path: &Path, name: &Path) -> Result<Option<Sidecar>, CliError> {
    if matches!(path.symlink_metadata(), Err(e) if e.kind() == std::io::ErrorKind::NotFound) {
        return Err(CliError::BadInput(format!(
            "{}: no such file; give the three versions git passes (%O %A %B), which all exist",
            safe_path(name)
        )));
    }
    Ok(Sidecar::load_version(path, name)?)
}
