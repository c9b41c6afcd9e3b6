//! Noticing that another sidenote window has the same report open, to say so in the status bar.
//!
//! Each reader holds a shared advisory lock on `<sidecar>.open`, a file beside the sidecar kept
//! apart from the save lock (`<sidecar>.lock`, see [`crate::annotate::store`]) so that it never
//! delays a save. A reader that cannot take the lock exclusively, even for a moment, knows that
//! someone else holds it. The last reader to leave removes the file. The check is advisory: a
//! reader on another machine over a network share may not be seen, and the claims are safe
//! either way, since every save merges with what is on disk.

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

/// How many times the check is tried when the file is replaced or removed under it.
const ATTEMPTS: usize = 5;
/// How long to wait between attempts.
const RETRY: std::time::Duration = std::time::Duration::from_millis(10);

/// This reader's mark on the report: a shared lock on `<sidecar>.open`, until dropped.
#[derive(Debug)]
pub struct Presence {
    file: File,
    path: PathBuf,
}

impl Presence {
    /// Marks the report of `sidecar` as open in this reader, and says whether another reader
    /// has it open too. When no mark can be made (a link planted where it goes, a read-only
    /// folder), the error is one line naming the mark for the status bar: nobody else can be
    /// told that this window is open, and nothing else changes. A link is never followed, so
    /// its target is never created.
    pub fn enter(sidecar: &Path) -> Result<(Self, bool), String> {
        let mut name = sidecar.as_os_str().to_owned();
        name.push(".open");
        let path = PathBuf::from(name);
        let unmarked = |why: &str| {
            let shown = path.file_name().map_or(path.as_path(), Path::new);
            format!(
                "{} {why} (other windows will not see this one)",
                crate::report::safe_path(shown)
            )
        };
        for _ in 0..ATTEMPTS {
            let file = crate::annotate::atomic::open_marker(&path).map_err(|e| {
                if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
                    unmarked("is a link; not followed")
                } else {
                    unmarked(&format!("cannot be made: {e}"))
                }
            })?;
            let others = match file.try_lock() {
                Ok(()) => {
                    let _ = file.unlock();
                    false
                }
                Err(TryLockError::WouldBlock) => true,
                Err(TryLockError::Error(e)) => {
                    return Err(unmarked(&format!("cannot be locked: {e}")));
                }
            };
            // The last reader out removes the file; one removed after we opened it is no mark.
            if file.try_lock_shared().is_ok() && same_file(&file, &path) {
                return Ok((Self { file, path }, others));
            }
            std::thread::sleep(RETRY);
        }
        Err(unmarked("kept being replaced"))
    }
}

impl Drop for Presence {
    fn drop(&mut self) {
        let _ = self.file.unlock();
        // Nobody else holds it: remove the file while holding it, so that a reader arriving now
        // notices (see `same_file`) and makes a new one.
        if self.file.try_lock().is_ok() {
            let _ = std::fs::remove_file(&self.path);
            let _ = self.file.unlock();
        }
    }
}

/// Whether `file` is still the file at `path` (not removed or replaced since it was opened).
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::Presence;

    #[test]
    fn a_second_reader_is_told_and_the_last_one_out_cleans_up() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sidecar = dir.path().join("r.txt.sidenote.toml");
        let mark = dir.path().join("r.txt.sidenote.toml.open");
        let (first, others) = Presence::enter(&sidecar).expect("first mark");
        assert!(!others, "alone at first");
        let (second, others) = Presence::enter(&sidecar).expect("second mark");
        assert!(others, "the second reader sees the first");
        drop(first);
        assert!(mark.exists(), "kept while the second reader is open");
        let (third, others) = Presence::enter(&sidecar).expect("third mark");
        assert!(others, "the third reader sees the second");
        drop(second);
        drop(third);
        assert!(!mark.exists(), "removed by the last reader out");
        let (_again, others) = Presence::enter(&sidecar).expect("a new mark");
        assert!(!others);
    }

    #[test]
    fn the_save_lock_is_another_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sidecar = dir.path().join("r.txt.sidenote.toml");
        let _open = Presence::enter(&sidecar).expect("mark");
        let report = crate::report::Report::from_text(
            std::path::Path::new("r.txt"),
            String::new(),
            crate::report::Encoding::Utf8,
            String::new(),
        );
        let mut faults = crate::annotate::store::NoFaults;
        let saved = crate::annotate::store::update(&sidecar, &mut faults, |disk| {
            disk.unwrap_or_else(|| crate::annotate::Sidecar::new(&report))
        });
        assert!(saved.is_ok(), "{saved:?}");
    }

    /// Issue 15 item 2: a link planted as the mark is refused by name and never followed.
    #[cfg(unix)]
    #[test]
    fn a_link_planted_as_the_mark_is_named_and_not_followed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let sidecar = dir.path().join("r.txt.sidenote.toml");
        let target = dir.path().join("planted");
        std::os::unix::fs::symlink(&target, dir.path().join("r.txt.sidenote.toml.open"))
            .expect("link");
        let why = Presence::enter(&sidecar).expect_err("no mark through a link");
        assert!(
            why.starts_with("r.txt.sidenote.toml.open is a link; not followed"),
            "{why}"
        );
        assert!(std::fs::symlink_metadata(&target).is_err(), "target made");
    }
}
