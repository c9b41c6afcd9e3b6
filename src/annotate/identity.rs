//! Noticing that the file at a report's path is no longer the report a reader has open.
//!
//! A reader keeps its report in memory for hours. Meanwhile someone may replace the file (`rm -rf
//! X; mkdir X; cp other.txt X/r.txt`) or edit it. Saving the claims then would write the old
//! report's hash and quotes beside the new one. So the reader looks, on every tick, at the file's
//! device, inode, size and modification time (one `stat`), and only when one of them changed
//! reads the file and compares its hash: a file rewritten with the same bytes is still the same
//! report.

use std::path::PathBuf;
use std::time::SystemTime;

use crate::report::{LoadError, Report};

/// Which file a report was read from, and the hash of its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportIdentity {
    path: PathBuf,
    stamp: Option<FileStamp>,
    sha256: String,
}

/// What a `stat` says about a file, enough to notice another file or a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileStamp {
    device: u64,
    inode: u64,
    len: u64,
    modified: Option<SystemTime>,
}

impl FileStamp {
    fn of(path: &std::path::Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        let (device, inode) = {
            use std::os::unix::fs::MetadataExt as _;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let (device, inode) = (0, 0);
        Some(Self {
            device,
            inode,
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}

impl ReportIdentity {
    /// The identity of `report`: the file at its path now, and the hash it was read with.
    pub fn of(report: &Report) -> Self {
        Self {
            path: report.path.clone(),
            stamp: FileStamp::of(&report.path),
            sha256: report.sha256.clone(),
        }
    }

    /// Whether the file at the path of `report` (the report the reader shows) is another one
    /// now: `Some` with the report now there, loaded, when it has other bytes; `None` when it is
    /// the same, when it is missing (it may be on its way back: looked at again next time), or
    /// when it cannot be loaded (the reader keeps what it has; the error is returned once).
    ///
    /// A `report` other than the one this identity was taken of (the reader loaded the whole
    /// report after its head, or took in a replacement) becomes the one watched.
    pub fn replaced(&mut self, report: &Report) -> Option<Result<Report, LoadError>> {
        if report.sha256 != self.sha256 || report.path != self.path {
            *self = Self::of(report);
            return None;
        }
        let now = FileStamp::of(&self.path)?;
        if self.stamp == Some(now) {
            return None;
        }
        self.stamp = Some(now);
        match Report::load(&self.path) {
            Ok(loaded) if loaded.sha256 == self.sha256 => None,
            Ok(loaded) => {
                self.sha256.clone_from(&loaded.sha256);
                Some(Ok(loaded))
            }
            Err(e) => Some(Err(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_replaced_report_is_noticed_and_a_rewritten_one_is_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = dir.path().join("x");
        std::fs::create_dir(&folder).expect("mkdir");
        let path = folder.join("r.txt");
        std::fs::write(&path, "Officials said so. Others disagree.\n").expect("write");
        let report = Report::load(&path).expect("loads");
        let mut identity = ReportIdentity::of(&report);
        assert!(identity.replaced(&report).is_none(), "nothing changed");
        // The same bytes written again (a new inode, a new time): still the same report.
        let copy = dir.path().join("copy.txt");
        std::fs::write(&copy, "Officials said so. Others disagree.\n").expect("write");
        std::fs::rename(&copy, &path).expect("rename");
        assert!(identity.replaced(&report).is_none(), "same bytes");
        // `rm -rf x; mkdir x; cp other.txt x/r.txt`: gone for a while, then another file.
        std::fs::remove_dir_all(&folder).expect("rm");
        assert!(identity.replaced(&report).is_none(), "missing: wait");
        std::fs::create_dir(&folder).expect("mkdir");
        std::fs::write(&path, "A different report entirely.\n").expect("write");
        let other = identity.replaced(&report).expect("noticed").expect("loads");
        assert_eq!(other.text, "A different report entirely.\n");
        assert_ne!(other.sha256, report.sha256);
        // Once the reader takes the new report in, that is the one watched.
        assert!(identity.replaced(&other).is_none());
        assert!(identity.replaced(&other).is_none());
    }
}
