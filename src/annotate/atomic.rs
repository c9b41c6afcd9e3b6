//! Replacing a file whole or not at all, and opening the small marker files beside a sidecar
//! without following a planted link. Shared by sidecar saves, `export -o` and the merge driver.
//!
//! A replacement is written into a temporary file in the target's folder (so the rename stays on
//! one file system), flushed, then renamed over the target: a crash at any moment leaves the old
//! file or the new one, never a torn file. The temporary file is removed when it is dropped
//! before [`Replacement::commit`].

use std::fs::{File, Metadata, OpenOptions};
use std::io;
use std::path::Path;

/// A new version of a file, being written beside it.
#[derive(Debug)]
pub struct Replacement {
    temp: tempfile::NamedTempFile,
}

impl Replacement {
    /// Creates the temporary file in `target`'s folder, named `<prefix>XXXXXX.tmp` and created
    /// with `mode` (on Unix, less the umask): 0600 keeps a half-written file private, 0666 gives
    /// what a shell's `> FILE` would.
    pub fn beside(target: &Path, prefix: &str, mode: u32) -> io::Result<Self> {
        let mut builder = tempfile::Builder::new();
        builder.prefix(prefix).suffix(".tmp");
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(mode));
        #[cfg(not(unix))]
        let _ = mode;
        Ok(Self {
            temp: builder.tempfile_in(folder_of(target))?,
        })
    }

    /// The file to write the new contents into.
    pub fn file(&mut self) -> &mut File {
        self.temp.as_file_mut()
    }

    /// Gives the new file the permissions of `old` and, best effort, its owner and group (only
    /// root may give a file away; anyone else keeps what they already own).
    pub fn keep_mode_and_owner(&self, old: &Metadata) -> io::Result<()> {
        self.temp.as_file().set_permissions(old.permissions())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt as _;
            let _ =
                std::os::unix::fs::fchown(self.temp.as_file(), Some(old.uid()), Some(old.gid()));
        }
        Ok(())
    }

    /// Flushes the new contents to disk.
    pub fn sync(&self) -> io::Result<()> {
        self.temp.as_file().sync_all()
    }

    /// Renames the new file over `target`. The caller flushes the folder ([`sync_folder`]) when
    /// the rename itself must survive a power cut.
    pub fn commit(self, target: &Path) -> io::Result<()> {
        self.temp.persist(target).map(drop).map_err(|e| e.error)
    }

    /// The temporary file itself, for a caller that copies it somewhere instead of renaming it.
    pub fn into_temporary(self) -> tempfile::NamedTempFile {
        self.temp
    }
}

/// Writes `bytes` as the new contents of `target`, whole or not at all: the file keeps its mode
/// (and, as root, its owner); a new file is private (0600). `target` must not be a link: the
/// caller refuses one, since renaming over it would replace the link, not what it points at.
pub fn replace(target: &Path, prefix: &str, bytes: &[u8]) -> io::Result<()> {
    use io::Write as _;
    let mut new = Replacement::beside(target, prefix, 0o600)?;
    new.file().write_all(bytes)?;
    if let Ok(old) = std::fs::metadata(target) {
        new.keep_mode_and_owner(&old)?;
    }
    new.sync()?;
    new.commit(target)?;
    sync_folder(folder_of(target))
}

/// The folder a file is in (`.` for a bare file name).
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Flushes a folder, so that a rename in it survives a power cut.
pub fn sync_folder(folder: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(folder)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        // Folders cannot be opened for syncing on this platform; the rename is durable enough.
        let _ = folder;
        Ok(())
    }
}

/// Opens (creating it when missing) a marker file beside a sidecar: the save lock
/// (`<sidecar>.lock`) or the reader's presence mark (`<sidecar>.open`). A symbolic link there
/// is refused, never followed: anyone who may write in a shared folder could otherwise make
/// every user create or truncate files where they choose. The file is not inherited by the
/// programs sidenote starts (an external editor).
pub fn open_marker(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        // The standard library already opens every file with O_CLOEXEC.
        options.custom_flags(no_follow_flag());
        options.mode(0o666);
    }
    options.open(path).map_err(|e| {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if is_link {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "{} is a symbolic link; sidenote does not follow links there — remove it",
                    crate::report::safe_path(path)
                ),
            )
        } else {
            e
        }
    })
}

/// `O_NOFOLLOW`, as the flags `OpenOptionsExt::custom_flags` takes.
#[cfg(unix)]
fn no_follow_flag() -> i32 {
    i32::try_from(rustix::fs::OFlags::NOFOLLOW.bits()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replacement_is_whole_or_absent() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("f.txt");
        std::fs::write(&target, "old").expect("write");
        {
            let mut new = Replacement::beside(&target, ".f.", 0o600).expect("temp");
            io::Write::write_all(new.file(), b"half").expect("write");
            // Dropped before commit: the old file stays, nothing is left behind.
        }
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "old");
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
        replace(&target, ".f.", b"new").expect("replaced");
        assert_eq!(std::fs::read_to_string(&target).expect("read"), "new");
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("f.txt");
        std::fs::write(&target, "old").expect("write");
        std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        replace(&target, ".f.", b"new").expect("replaced");
        let mode = std::fs::metadata(&target)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o644);
    }

    #[cfg(unix)]
    #[test]
    fn a_marker_that_is_a_link_is_refused_and_its_target_not_created() {
        let dir = tempfile::tempdir().expect("tempdir");
        let planted = dir.path().join("planted");
        let marker = dir.path().join("r.txt.sidenote.toml.lock");
        std::os::unix::fs::symlink(&planted, &marker).expect("symlink");
        let err = open_marker(&marker).expect_err("refused");
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert!(
            err.to_string().contains("r.txt.sidenote.toml.lock"),
            "{err}"
        );
        assert!(!planted.exists(), "the link's target was created");
        let plain = dir.path().join("r.txt.sidenote.toml.open");
        open_marker(&plain).expect("a plain marker opens");
        assert!(plain.exists());
    }
}
