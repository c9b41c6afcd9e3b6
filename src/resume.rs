//! Where the user left off: the reader's sentence and scroll per report, the review screen's
//! row, view and sort per folder. Kept per user in the platform's state folder, never beside
//! the report: it is one person's place, not something to share through git.
//!
//! Each report (and each reviewed folder) gets one small file, named by a hash of its canonical
//! path. One file per entry, rather than one file for all, lets two readers open at once each
//! write their own place without reading, merging and racing over the other's; a write replaces
//! its file whole ([`crate::annotate::atomic::replace`]), so a crash leaves the old place or the
//! new one. The folders are kept to the [`KEEP`] most recently written entries.
//!
//! A place that is missing, unreadable, for another path or out of date is simply no place: the
//! caller starts at the top. Nothing here ever fails an annotation.

use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

/// The environment variable that overrides the state folder (tests use it; so can a user who
/// wants the places kept somewhere else).
pub const STATE_DIR_ENV: &str = "SIDENOTE_STATE_DIR";

/// How many places each folder keeps: the most recently written ones.
pub const KEEP: usize = 1000;

/// The sub-folder of reader places.
const READER: &str = "reader";
/// The sub-folder of review-screen places.
const REVIEW: &str = "review";

/// Where the reader was in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReaderPlace {
    /// The report's canonical path, checked on reading (a hash names the file).
    pub path: String,
    /// The sentence under the cursor.
    pub sentence: usize,
    /// A hash of that sentence's text ([`fingerprint`]), to find it again when the report
    /// changed, or to know it is gone.
    pub text: String,
    /// How many screen rows below the top of the view the cursor's sentence started.
    #[serde(default)]
    pub row: usize,
}

/// Where the review screen was on a folder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewPlace {
    /// The folder's canonical path, checked on reading.
    pub path: String,
    /// The view on screen: `reports`, `claims` or `chart`.
    #[serde(default)]
    pub view: String,
    /// The selected report's path, as the review screen names it.
    #[serde(default)]
    pub report: Option<PathBuf>,
    /// The selected claim: its report's path and its id.
    #[serde(default)]
    pub claim: Option<(PathBuf, String)>,
    /// The reports' sort column (an index) and whether it is reversed.
    #[serde(default)]
    pub sort: (usize, bool),
    /// The claims' sort column (an index) and whether it is reversed.
    #[serde(default)]
    pub claim_sort: (usize, bool),
}

/// The user's places, in one state folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Places {
    dir: PathBuf,
}

impl Places {
    /// The places of the user running sidenote: in `$SIDENOTE_STATE_DIR` when set, else the
    /// platform's state folder (`~/.local/state/sidenote` on Linux), or its local data folder
    /// where there is no state folder (macOS, Windows). `None` when there is no home to keep
    /// them in.
    pub fn user() -> Option<Self> {
        if let Some(dir) = std::env::var_os(STATE_DIR_ENV).filter(|d| !d.is_empty()) {
            return Some(Self::at(PathBuf::from(dir)));
        }
        let dirs = directories::ProjectDirs::from("", "", "sidenote")?;
        let dir = dirs.state_dir().unwrap_or_else(|| dirs.data_local_dir());
        Some(Self::at(dir.to_path_buf()))
    }

    /// The places kept in `dir`.
    pub fn at(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// The state folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the reader was in `report`, if it was there before and the entry is sound.
    pub fn reader(&self, report: &Path) -> Option<ReaderPlace> {
        let path = key(report)?;
        let place: ReaderPlace = read(&self.file(READER, &path))?;
        (place.path == path).then_some(place)
    }

    /// Keeps where the reader is in `report` (its `path` is filled in here).
    pub fn keep_reader(&self, report: &Path, mut place: ReaderPlace) -> io::Result<()> {
        let path = key(report).ok_or_else(|| gone(report))?;
        place.path.clone_from(&path);
        self.write(READER, &path, &place)
    }

    /// Where the review screen was on `folder`, if it was there before and the entry is sound.
    pub fn review(&self, folder: &Path) -> Option<ReviewPlace> {
        let path = key(folder)?;
        let place: ReviewPlace = read(&self.file(REVIEW, &path))?;
        (place.path == path).then_some(place)
    }

    /// Keeps where the review screen is on `folder` (its `path` is filled in here).
    pub fn keep_review(&self, folder: &Path, mut place: ReviewPlace) -> io::Result<()> {
        let path = key(folder).ok_or_else(|| gone(folder))?;
        place.path.clone_from(&path);
        self.write(REVIEW, &path, &place)
    }

    fn file(&self, kind: &str, key: &str) -> PathBuf {
        self.dir
            .join(kind)
            .join(format!("{}.toml", short_hash(key)))
    }

    fn write(&self, kind: &str, key: &str, place: &impl Serialize) -> io::Result<()> {
        let text = toml::to_string(place).map_err(io::Error::other)?;
        let file = self.file(kind, key);
        let folder = self.dir.join(kind);
        std::fs::create_dir_all(&folder)?;
        crate::annotate::atomic::replace(&file, ".place-", text.as_bytes())?;
        prune(&folder, KEEP);
        Ok(())
    }
}

/// The hash of a sentence's text that a [`ReaderPlace`] keeps (not the text itself: the state
/// folder need not hold what the reports say).
pub fn fingerprint(text: &str) -> String {
    short_hash(text)
}

/// The canonical path of `path` as text, the key of its place; `None` when it does not exist.
fn key(path: &Path) -> Option<String> {
    let canonical = std::fs::canonicalize(path).ok()?;
    Some(canonical.to_string_lossy().into_owned())
}

fn gone(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::NotFound,
        format!("{} is no longer there", path.display()),
    )
}

/// The first 16 bytes of the SHA-256 of `text`, in hex.
fn short_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut hex = String::with_capacity(32);
    for byte in &digest[..16] {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// A place read from `file`; `None` when it is missing, unreadable, too large or not a place.
fn read<T: serde::de::DeserializeOwned>(file: &Path) -> Option<T> {
    /// A place is a few lines; anything larger was not written by us.
    const MAX_BYTES: u64 = 64 * 1024;
    let meta = std::fs::symlink_metadata(file).ok()?;
    if !meta.is_file() || meta.len() > MAX_BYTES {
        return None;
    }
    let text = std::fs::read_to_string(file).ok()?;
    toml::from_str(&text).ok()
}

/// Removes the oldest places in `folder` beyond the `keep` most recently written (best effort:
/// a place that cannot be removed now is removed by a later write).
fn prune(folder: &Path, keep: usize) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut places: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    if places.len() <= keep {
        return;
    }
    places.sort_by_key(|place| std::cmp::Reverse(place.0));
    for (_, old) in places.drain(keep..) {
        let _ = std::fs::remove_file(old);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn setup() -> (tempfile::TempDir, Places, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let places = Places::at(dir.path().join("state"));
        let report = dir.path().join("report.txt");
        std::fs::write(&report, "One. Two.").unwrap();
        (dir, places, report)
    }

    fn place(sentence: usize) -> ReaderPlace {
        ReaderPlace {
            path: String::new(),
            sentence,
            text: fingerprint("Two."),
            row: 3,
        }
    }

    #[test]
    fn a_place_kept_is_found_again_by_any_path_to_the_report() {
        let (dir, places, report) = setup();
        assert_eq!(places.reader(&report), None, "nothing kept yet");
        places.keep_reader(&report, place(1)).unwrap();
        let again = dir.path().join(".").join("report.txt");
        let found = places.reader(&again).unwrap();
        assert_eq!((found.sentence, found.row), (1, 3));
        assert!(found.path.ends_with("report.txt"));
        places.keep_reader(&report, place(0)).unwrap();
        assert_eq!(places.reader(&report).unwrap().sentence, 0, "replaced");
    }

    #[test]
    fn a_corrupt_or_foreign_entry_is_no_place() {
        let (dir, places, report) = setup();
        places.keep_reader(&report, place(1)).unwrap();
        let file = places.file(READER, &key(&report).unwrap());
        std::fs::write(&file, "sentence = \"seven\"\n\u{0}garbage").unwrap();
        assert_eq!(places.reader(&report), None, "corrupt");
        std::fs::write(&file, "").unwrap();
        assert_eq!(places.reader(&report), None, "empty");
        std::fs::write(
            &file,
            "path = \"/somewhere/else.txt\"\nsentence = 1\ntext = \"x\"\n",
        )
        .unwrap();
        assert_eq!(places.reader(&report), None, "another report's place");
        std::fs::write(&file, "x".repeat(100_000)).unwrap();
        assert_eq!(places.reader(&report), None, "too large to be ours");
        let missing = dir.path().join("missing.txt");
        assert_eq!(places.reader(&missing), None);
        assert!(places.keep_reader(&missing, place(0)).is_err());
    }

    #[test]
    fn a_state_folder_that_cannot_be_written_fails_the_write_only() {
        let (dir, _, report) = setup();
        let blocked = dir.path().join("blocked");
        std::fs::write(&blocked, "a file where the folder should be").unwrap();
        let places = Places::at(blocked);
        assert!(places.keep_reader(&report, place(1)).is_err());
        assert_eq!(places.reader(&report), None);
    }

    #[test]
    fn review_places_are_kept_per_folder() {
        let (dir, places, _) = setup();
        let folder = dir.path();
        let kept = ReviewPlace {
            view: "claims".into(),
            report: Some(PathBuf::from("a/b.txt")),
            claim: Some((PathBuf::from("a/b.txt"), "c1".into())),
            sort: (2, true),
            claim_sort: (1, false),
            ..ReviewPlace::default()
        };
        places.keep_review(folder, kept.clone()).unwrap();
        let found = places.review(folder).unwrap();
        assert_eq!(
            ReviewPlace {
                path: String::new(),
                ..found
            },
            kept
        );
        assert_eq!(places.reader(folder), None, "a folder is no report");
    }

    #[test]
    fn only_the_most_recent_places_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path();
        for n in 0..5 {
            let file = folder.join(format!("{n}.toml"));
            std::fs::write(&file, "").unwrap();
            let at = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(n * 100);
            std::fs::File::options()
                .write(true)
                .open(&file)
                .unwrap()
                .set_modified(at)
                .unwrap();
        }
        std::fs::write(folder.join("other.txt"), "").unwrap();
        prune(folder, 3);
        let mut left: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, ["2.toml", "3.toml", "4.toml", "other.txt"]);
    }
}
