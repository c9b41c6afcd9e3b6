//! Writing sidecars so that no annotation is ever lost: read-modify-write under a lock, atomic
//! replacement, and a merge with whatever another writer saved in the meantime.
//!
//! A save, step by step (see `docs/sidecar-format.md`, "Writing"):
//! 1. take an exclusive advisory lock on `<sidecar>.lock`, a separate file beside the sidecar
//!    (locking the sidecar itself is useless once it is renamed over);
//! 2. remove temporary files a crashed writer of this sidecar left behind (safe: only the lock
//!    holder writes them);
//! 3. read the sidecar as it is on disk now and let the caller merge its changes into it; a
//!    sidecar that does not parse is never overwritten;
//! 4. write the result to a new temporary file in the same folder (mode 0600 while it is being
//!    written), give it the old file's permissions (or the report's, for a new sidecar), `fsync`
//!    it, rename it over the sidecar, `fsync` the folder;
//! 5. remove the lock file and release the lock.
//!
//! A crash at any moment leaves the previous sidecar or the new one, never a torn file.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::atomic::{Replacement, folder_of, open_marker, sync_folder};
use super::{MAX_SIDECAR_BYTES, SaveError, Sidecar};

/// How long a writer waits for another writer's lock before giving up.
const LOCK_PATIENCE: Duration = Duration::from_secs(10);
/// How often a waiting writer tries the lock again.
const LOCK_RETRY: Duration = Duration::from_millis(5);
/// The suffix of the lock file beside a sidecar.
const LOCK_SUFFIX: &str = ".lock";
/// The suffix of temporary files.
const TEMP_SUFFIX: &str = ".tmp";

/// A step of a save, named in errors and used by tests to make each step fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Creating (or opening) the lock file beside the sidecar.
    Lock,
    /// Creating the temporary file.
    Create,
    /// Writing the new contents (and setting the permissions).
    Write,
    /// Flushing the temporary file to disk.
    Sync,
    /// Renaming the temporary file over the sidecar (or removing an emptied sidecar).
    Rename,
    /// Flushing the folder, so the rename itself survives a power cut.
    SyncFolder,
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Lock => "creating the lock file",
            Self::Create => "creating the temporary file",
            Self::Write => "writing",
            Self::Sync => "flushing to disk",
            Self::Rename => "replacing the old file",
            Self::SyncFolder => "flushing the folder",
        })
    }
}

/// A hook called before each step of a save. The real one lets every step run; tests return an
/// error at one step to check that a failure there loses nothing.
pub trait Faults {
    /// Called before `step`; an error stops the save there, as if the system had refused it.
    fn before(&mut self, step: Step) -> io::Result<()>;
}

/// The [`Faults`] of a real save: none.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoFaults;

impl Faults for NoFaults {
    fn before(&mut self, _step: Step) -> io::Result<()> {
        Ok(())
    }
}

/// When a file was last changed, enough to notice that another writer replaced it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    #[cfg(unix)]
    inode: u64,
}

/// The stamp of the file at `path`, or `None` when there is no file.
pub fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    Some(Stamp {
        modified: meta.modified().ok(),
        len: meta.len(),
        #[cfg(unix)]
        inode: std::os::unix::fs::MetadataExt::ino(&meta),
    })
}

/// Reads the sidecar at `path` under its lock, lets `change` turn what is on disk now (`None`
/// when there is no sidecar) into what must be saved, and writes that. Returns what was written.
/// Waits up to 10 seconds for another writer's lock, as a command run from a script should.
pub fn update<F>(path: &Path, faults: &mut dyn Faults, change: F) -> Result<Saved, SaveError>
where
    F: FnOnce(Option<Sidecar>) -> Sidecar,
{
    update_within(path, LOCK_PATIENCE, faults, change)
}

/// What a save wrote, and the file's stamp taken while the lock was still held, so a later change
/// by another writer is never mistaken for this one.
#[derive(Debug, Clone)]
pub struct Saved {
    /// The sidecar as written (claims in document order).
    pub sidecar: Sidecar,
    /// The stamp of the file just written (`None` when the sidecar was removed).
    pub stamp: Option<Stamp>,
}

/// [`update`], waiting at most `patience` for another writer's lock: the reader, which saves on
/// the key-handling path, waits briefly and retries later rather than freezing.
pub fn update_within<F>(
    path: &Path,
    patience: Duration,
    faults: &mut dyn Faults,
    change: F,
) -> Result<Saved, SaveError>
where
    F: FnOnce(Option<Sidecar>) -> Sidecar,
{
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(SaveError::Symlink(path.to_path_buf()));
    }
    let _lock = Lock::acquire(path, patience)?;
    remove_stale_temporaries(path);
    let disk = Sidecar::load(path).map_err(|e| SaveError::Unreadable(Box::new(e)))?;
    let mut next = change(disk);
    next.sort();
    write(path, &next, faults)?;
    Ok(Saved {
        sidecar: next,
        stamp: stamp(path),
    })
}

/// Writes `sidecar` to `path` atomically, or removes the file when it holds no claims (and no
/// dismissed suggestions or no-claim marks). The caller holds the lock.
fn write(path: &Path, sidecar: &Sidecar, faults: &mut dyn Faults) -> Result<(), SaveError> {
    let fail = |step: Step| {
        move |source: io::Error| SaveError::Io {
            path: path.to_path_buf(),
            step,
            source,
        }
    };
    let folder = folder_of(path);
    if sidecar.is_empty() {
        faults.before(Step::Rename).map_err(fail(Step::Rename))?;
        match fs::remove_file(path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(fail(Step::Rename)(e)),
            _ => {}
        }
        faults
            .before(Step::SyncFolder)
            .map_err(fail(Step::SyncFolder))?;
        return sync_folder(folder).map_err(fail(Step::SyncFolder));
    }
    faults.before(Step::Create).map_err(fail(Step::Create))?;
    // A failure from here on drops the temporary file: the old sidecar is untouched.
    let mut file =
        Replacement::beside(path, &temp_prefix(path), 0o600).map_err(fail(Step::Create))?;
    faults.before(Step::Write).map_err(fail(Step::Write))?;
    let text = sidecar
        .to_toml()
        .map_err(|e| fail(Step::Write)(io::Error::new(io::ErrorKind::InvalidData, e)))?;
    let size = text.len() as u64;
    if size > MAX_SIDECAR_BYTES {
        return Err(fail(Step::Write)(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!(
                "the claims would take {size} bytes, more than the {MAX_SIDECAR_BYTES} bytes ({} MiB) a sidecar may hold; split the claims over several reports",
                MAX_SIDECAR_BYTES >> 20
            ),
        )));
    }
    file.file()
        .write_all(text.as_bytes())
        .map_err(fail(Step::Write))?;
    if let Ok(old) = fs::metadata(path).or_else(|_| fs::metadata(report_of(path))) {
        file.file()
            .set_permissions(old.permissions())
            .map_err(fail(Step::Write))?;
    }
    faults.before(Step::Sync).map_err(fail(Step::Sync))?;
    file.sync().map_err(fail(Step::Sync))?;
    faults.before(Step::Rename).map_err(fail(Step::Rename))?;
    file.commit(path).map_err(fail(Step::Rename))?;
    faults
        .before(Step::SyncFolder)
        .map_err(fail(Step::SyncFolder))?;
    sync_folder(folder).map_err(fail(Step::SyncFolder))
}

/// The report a sidecar belongs to: its path without `.sidenote.toml`.
fn report_of(sidecar: &Path) -> PathBuf {
    let text = sidecar.as_os_str().to_string_lossy();
    PathBuf::from(
        text.strip_suffix(".sidenote.toml")
            .unwrap_or(&text)
            .to_owned(),
    )
}

/// The prefix of this sidecar's temporary files: `.<sidecar name>.`, hidden, and specific to
/// this sidecar so that stale ones can be found and removed under its lock.
fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    format!(".{name}.")
}

/// Removes temporary files of this sidecar that a crashed writer left; only called under the lock.
fn remove_stale_temporaries(path: &Path) {
    let prefix = temp_prefix(path);
    let Ok(entries) = fs::read_dir(folder_of(path)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(TEMP_SUFFIX) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// An exclusive advisory lock on `<sidecar>.lock`, released (and the file removed) on drop.
#[derive(Debug)]
struct Lock {
    file: File,
    path: PathBuf,
}

impl Lock {
    fn acquire(sidecar: &Path, patience: Duration) -> Result<Self, SaveError> {
        let mut name = sidecar.as_os_str().to_owned();
        name.push(LOCK_SUFFIX);
        let path = PathBuf::from(name);
        let io_error = |source| SaveError::Io {
            path: sidecar.to_path_buf(),
            step: Step::Lock,
            source,
        };
        let deadline = Instant::now() + patience;
        loop {
            let file = open_marker(&path).map_err(io_error)?;
            match file.try_lock() {
                Ok(()) => {
                    // The holder before us removes the lock file when it is done; if it did so
                    // after we opened it, we hold a lock on a file nobody else will see: retry.
                    if same_file(&file, &path) {
                        return Ok(Self { file, path });
                    }
                }
                Err(fs::TryLockError::WouldBlock) => {}
                Err(fs::TryLockError::Error(e)) => return Err(io_error(e)),
            }
            if Instant::now() > deadline {
                return Err(SaveError::Locked {
                    path: sidecar.to_path_buf(),
                });
            }
            std::thread::sleep(LOCK_RETRY);
        }
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Remove the file while still holding the lock, so a waiter never locks a removed file
        // without noticing (see `same_file`); closing the file then releases the lock.
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::{Claim, now};
    use crate::report::{Encoding, Report};

    fn report() -> Report {
        Report::from_text(
            Path::new("report.txt"),
            "Officials said so. Others disagree.".to_owned(),
            Encoding::Utf8,
            "hash".into(),
        )
    }

    fn with_claims(n: usize) -> Sidecar {
        let report = report();
        let mut sidecar = Sidecar::new(&report);
        for _ in 0..n {
            sidecar
                .claims
                .push(Claim::new(&report, 0..18, "sourced", "ana", now()));
        }
        sidecar
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    struct FailAt(Step, io::ErrorKind);

    impl Faults for FailAt {
        fn before(&mut self, step: Step) -> io::Result<()> {
            if step == self.0 {
                Err(io::Error::new(self.1, "injected"))
            } else {
                Ok(())
            }
        }
    }

    #[test]
    fn update_writes_merges_and_removes_when_empty() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.txt.sidenote.toml");
        let first = update(&path, &mut NoFaults, |disk| {
            assert!(disk.is_none());
            with_claims(1)
        })
        .expect("saved")
        .sidecar;
        let second = update(&path, &mut NoFaults, |disk| {
            let mut disk = disk.expect("the first save is on disk");
            assert_eq!(disk, first);
            disk.claims.extend(with_claims(1).claims);
            disk
        })
        .expect("saved")
        .sidecar;
        assert_eq!(second.claims.len(), 2);
        assert_eq!(Sidecar::load(&path).expect("loads"), Some(second.clone()));
        assert_eq!(leftovers(dir.path()), vec!["report.txt.sidenote.toml"]);
        update(&path, &mut NoFaults, |_| Sidecar::new(&report())).expect("emptied");
        assert!(
            leftovers(dir.path()).is_empty(),
            "no sidecar, lock or temporary file"
        );
    }

    #[test]
    fn every_failed_step_keeps_the_old_sidecar() {
        for step in [Step::Create, Step::Write, Step::Sync, Step::Rename] {
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join("report.txt.sidenote.toml");
            let old = update(&path, &mut NoFaults, |_| with_claims(1))
                .expect("saved")
                .sidecar;
            let old_bytes = fs::read(&path).expect("read");
            let kind = if step == Step::Write {
                io::ErrorKind::StorageFull
            } else {
                io::ErrorKind::PermissionDenied
            };
            let err = update(&path, &mut FailAt(step, kind), |_| with_claims(3))
                .expect_err("injected failure");
            assert!(
                matches!(&err, SaveError::Io { step: s, .. } if *s == step),
                "{err}"
            );
            assert_eq!(fs::read(&path).expect("read"), old_bytes, "{step}");
            assert_eq!(Sidecar::load(&path).expect("loads"), Some(old.clone()));
            assert_eq!(
                leftovers(dir.path()),
                vec!["report.txt.sidenote.toml"],
                "{step}"
            );
        }
    }

    #[test]
    fn a_failed_folder_sync_leaves_a_whole_new_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.txt.sidenote.toml");
        update(&path, &mut NoFaults, |_| with_claims(1)).expect("saved");
        let err = update(
            &path,
            &mut FailAt(Step::SyncFolder, io::ErrorKind::Other),
            |_| with_claims(2),
        )
        .expect_err("injected");
        assert!(err.to_string().contains("flushing the folder"), "{err}");
        let on_disk = Sidecar::load(&path).expect("parses").expect("exists");
        assert_eq!(on_disk.claims.len(), 2);
    }

    #[test]
    fn removing_the_last_claim_can_fail_too() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.txt.sidenote.toml");
        update(&path, &mut NoFaults, |_| with_claims(1)).expect("saved");
        let err = update(
            &path,
            &mut FailAt(Step::Rename, io::ErrorKind::PermissionDenied),
            |_| Sidecar::new(&report()),
        )
        .expect_err("injected");
        assert!(matches!(err, SaveError::Io { .. }));
        assert!(path.exists());
    }

    #[test]
    fn an_unreadable_sidecar_is_never_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.txt.sidenote.toml");
        fs::write(&path, b"version = 1\n[report\n").expect("write");
        let err = update(&path, &mut NoFaults, |_| with_claims(1)).expect_err("refused");
        assert!(matches!(err, SaveError::Unreadable(_)), "{err}");
        assert_eq!(fs::read(&path).expect("read"), b"version = 1\n[report\n");
    }

    #[test]
    fn stale_temporaries_and_locks_from_a_crash_are_cleaned() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.txt.sidenote.toml");
        fs::write(
            dir.path().join(".report.txt.sidenote.toml.999-0.tmp"),
            b"half",
        )
        .expect("w");
        fs::write(dir.path().join("report.txt.sidenote.toml.lock"), b"").expect("w");
        fs::write(
            dir.path().join(".other.txt.sidenote.toml.1-0.tmp"),
            b"not ours",
        )
        .expect("w");
        update(&path, &mut NoFaults, |_| with_claims(1)).expect("saved");
        assert_eq!(
            leftovers(dir.path()),
            vec![
                ".other.txt.sidenote.toml.1-0.tmp",
                "report.txt.sidenote.toml"
            ]
        );
    }

    #[test]
    fn a_held_lock_makes_a_writer_wait() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.txt.sidenote.toml");
        let lock = Lock::acquire(&path, LOCK_PATIENCE).expect("locked");
        let waiter = {
            let path = path.clone();
            std::thread::spawn(move || {
                update(&path, &mut NoFaults, |disk| {
                    let mut sidecar = disk.unwrap_or_else(|| with_claims(0));
                    sidecar.claims.extend(with_claims(1).claims);
                    sidecar
                })
            })
        };
        std::thread::sleep(Duration::from_millis(50));
        assert!(!waiter.is_finished(), "the writer waits for the lock");
        update_unlocked(&path);
        drop(lock);
        let saved = waiter.join().expect("thread").expect("saved").sidecar;
        assert_eq!(
            saved.claims.len(),
            2,
            "the waiter merged with what was written meanwhile"
        );
    }

    /// Writes one claim as the lock holder would.
    fn update_unlocked(path: &Path) {
        write(path, &with_claims(1), &mut NoFaults).expect("written");
    }

    #[cfg(unix)]
    #[test]
    fn modes_follow_the_old_sidecar_or_the_report() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("tempdir");
        let report = dir.path().join("report.txt");
        fs::write(&report, "text").expect("write");
        fs::set_permissions(&report, fs::Permissions::from_mode(0o640)).expect("chmod");
        let path = dir.path().join("report.txt.sidenote.toml");
        update(&path, &mut NoFaults, |_| with_claims(1)).expect("saved");
        let mode = |p: &Path| fs::metadata(p).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o640, "a new sidecar takes the report's mode");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o604)).expect("chmod");
        update(&path, &mut NoFaults, |_| with_claims(2)).expect("saved");
        assert_eq!(mode(&path), 0o604, "a rewritten sidecar keeps its mode");
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_sidecars_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("elsewhere.toml");
        fs::write(&target, b"keep me").expect("write");
        let link = dir.path().join("report.txt.sidenote.toml");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        let err = update(&link, &mut NoFaults, |_| with_claims(1)).expect_err("refused");
        assert!(matches!(err, SaveError::Symlink(_)));
        assert_eq!(fs::read(&target).expect("read"), b"keep me");
        assert!(
            fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_lock_link_is_refused_and_its_target_not_created() {
        let dir = tempfile::tempdir().expect("tempdir");
        let planted = dir.path().join("planted");
        let path = dir.path().join("report.txt.sidenote.toml");
        std::os::unix::fs::symlink(&planted, dir.path().join("report.txt.sidenote.toml.lock"))
            .expect("symlink");
        let err = update(&path, &mut NoFaults, |_| with_claims(1)).expect_err("refused");
        let message = err.to_string();
        assert!(
            matches!(
                err,
                SaveError::Io {
                    step: Step::Lock,
                    ..
                }
            ),
            "{message}"
        );
        assert!(message.contains("creating the lock file"), "{message}");
        assert!(
            message.contains("report.txt.sidenote.toml.lock is a symbolic link"),
            "{message}"
        );
        assert!(!planted.exists(), "the link's target was created");
        assert!(!path.exists(), "nothing was saved");
    }

    #[test]
    fn a_sidecar_too_large_to_write_says_how_large_in_bytes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("report.txt.sidenote.toml");
        let mut big = with_claims(1);
        big.claims[0].note = Some("x".repeat(MAX_SIDECAR_BYTES as usize + 1000));
        let err = update(&path, &mut NoFaults, |_| big).expect_err("too large");
        let message = err.to_string();
        assert!(
            message.contains("bytes, more than the 8388608 bytes (8 MiB)"),
            "{message}"
        );
        assert!(!message.contains("8 MiB is more"), "{message}");
        assert!(!path.exists());
    }

    #[test]
    fn stamps_notice_a_replaced_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("s.toml");
        assert_eq!(stamp(&path), None);
        fs::write(&path, b"one").expect("write");
        let before = stamp(&path);
        let other = dir.path().join("t.toml");
        fs::write(&other, b"three").expect("write");
        fs::rename(&other, &path).expect("rename");
        assert_ne!(stamp(&path), before);
    }
}
