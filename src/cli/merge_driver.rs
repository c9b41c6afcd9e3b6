//! `sidenote merge-driver %O %A %B`: git's custom merge driver for sidecars.
//!
//! Git's line merge knows nothing of claims: two analysts tagging neighbouring sentences touch
//! neighbouring lines and conflict, and a conflict leaves `<<<<<<<` markers that make the TOML
//! unreadable. This driver merges the three versions by claim `id` instead, with the same
//! three-way merge the reader uses, and always writes a valid sidecar.

use std::io::Write as _;
use std::path::Path;

use super::CliError;
use crate::annotate::merge::merge;
use crate::annotate::{Sidecar, SidecarError};
use crate::report::safe_path;

/// How a merge went, for the line on stderr and the tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// Claims changed differently on both sides: both versions kept, marked as a conflict.
    pub conflicts: usize,
    /// Claims in the result.
    pub claims: usize,
}

/// Merges `theirs` and `ours` (git's `%B` and `%A`, descendants of the ancestor `%O`) and writes
/// the result over `ours`, as git expects.
///
/// A claim changed differently on both sides is not a failure: both versions are kept in a valid
/// sidecar, the reader shows them as `⚠ conflict`, and a line on stderr says so. The exit code
/// is then still 0, so a pull or a rebase is not stopped over a difference the team resolves in
/// the reader. Only a side that is not a valid sidecar (a hand edit gone wrong) fails: `ours` is
/// left as it was and git reports a conflict on the file.
pub fn run(ancestor: &Path, ours: &Path, theirs: &Path) -> Result<Outcome, CliError> {
    let base = read(ancestor)?;
    let mine = read(ours)?;
    let other = read(theirs)?;
    let merged = merge(
        base.as_ref().map_or(&[][..], |s| &s.claims),
        mine.as_ref().map_or(&[][..], |s| &s.claims),
        other.as_ref().map_or(&[][..], |s| &s.claims),
    );
    // Dismissed suggestions are only ever added: the result keeps every side's.
    let dismissed: Vec<_> = [&base, &mine, &other]
        .into_iter()
        .flatten()
        .flat_map(|s| s.dismissed.clone())
        .collect();
    // The top of the file (version, report, unknown keys) comes from our side, or theirs when
    // the file is new to us. A report hash that differs is harmless: the reader re-anchors.
    let Some(mut result) = mine.or(other).or(base) else {
        return Err(CliError::BadInput(format!(
            "{}: none of the three versions is a sidecar; is the merge driver set for the right files?",
            safe_path(ours)
        )));
    };
    result.claims = merged.claims;
    result.take_dismissed(&dismissed);
    result.sort();
    let text = result.to_toml().map_err(|e| {
        CliError::BadInput(format!(
            "{}: the merged claims cannot be written as TOML: {e}",
            safe_path(ours)
        ))
    })?;
    write(ours, &text)?;
    let outcome = Outcome {
        conflicts: merged.conflicts,
        claims: result.claims.len(),
    };
    if outcome.conflicts > 0 {
        eprintln!(
            "sidenote: {}: {} claim(s) changed differently on both sides; both versions kept and marked ⚠ conflict — open the report in sidenote to choose",
            safe_path(ours),
            outcome.conflicts
        );
    }
    Ok(outcome)
}

/// One version of the sidecar; `None` when git passes an empty file (the file is new on both
/// sides, so there is no ancestor) or none at all.
fn read(path: &Path) -> Result<Option<Sidecar>, CliError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(SidecarError::Io {
                path: path.to_path_buf(),
                source,
            }
            .into());
        }
    };
    if text.trim().is_empty() {
        return Ok(None);
    }
    Ok(Some(Sidecar::parse(&text, path)?))
}

/// Writes the result in place of `path` through a temporary file in the same folder, so an
/// interrupted merge leaves git's file whole.
fn write(path: &Path, text: &str) -> Result<(), CliError> {
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(folder)?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| CliError::Output(e.error))?;
    Ok(())
}
