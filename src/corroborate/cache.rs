//! A cache of what the comparison keeps of each report that depends on its text alone: the
//! sentences' features, their exact-text ids and their suggested sources, keyed by the report's
//! SHA-256. Running the suggestion rules and reducing every sentence is most of the cost of
//! reading a folder; a report read before is then only loaded, segmented and its claims found.
//! The claims are never kept: they come from the sidecar, which changes without the report
//! changing, and are joined at read time.
//!
//! **Where.** The platform's cache folder (`~/.cache/sidenote/corroborate` on Linux), or
//! `SIDENOTE_CACHE_DIR` when that is set; nothing is written beside the reports.
//!
//! **The key.** An entry is named by the report's SHA-256 and a hash of everything else it
//! depends on: how the report was read (plain text, or which extractor took the text out of a
//! web page or Markdown), the cue lists, [`ENGINE_VERSION`] and the build of sidenote itself
//! (the running executable's size and modification time, as `ccache` checks its compiler). A
//! rebuilt sidenote thus never reads an entry of another build, even when a change to the
//! engine forgot to raise [`ENGINE_VERSION`].
//!
//! **Never trusted, never fatal.** Each entry holds its key and a checksum of its payload; one
//! that is missing, truncated, damaged, written for another key or larger than the whole cache
//! may be is not read: the report is analysed again and the entry written anew. A cache that
//! cannot be read or written is only slower. Entries are written whole or not at all (a
//! temporary file renamed), so a reader running beside never reads half an entry.
//!
//! **Bounded.** After a run that wrote entries ([`Cache::prune`]), the oldest written are
//! removed until the entries take at most [`LIMIT`] bytes together.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::words::Features;
use crate::report::Report;
use crate::suggest::Cues;

/// Names the folder that overrides the platform's cache folder (the tests set it).
pub const CACHE_DIR_VAR: &str = "SIDENOTE_CACHE_DIR";

/// Changes whenever what a [`Signature`] holds or how it is computed changes (the build is in
/// the key too: this is for a build that reads entries of the same executable, e.g. a copy).
const ENGINE_VERSION: &str = "corroborate-2";

/// How many bytes the entries may take together: beyond it, the oldest written are removed.
pub const LIMIT: u64 = 200_000_000;

/// The first bytes of every entry.
const MAGIC: &[u8; 8] = b"sidenote";

/// An entry's header: the magic, the key's id and the payload's SHA-256.
const HEADER: usize = MAGIC.len() + 32 + 32;

/// How every entry's file name ends (pruning removes no other file).
const EXTENSION: &str = ".entry";

/// What the comparison keeps of one sentence that depends on the report's text alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    /// Its content words and facts.
    #[serde(rename = "f")]
    pub features: Features,
    /// The id of its text, when it is long enough to count when repeated exactly.
    #[serde(rename = "x")]
    pub exact: Option<u64>,
    /// The id of its suggested source, when it is suggested as sourced.
    #[serde(rename = "s")]
    pub suggested: Option<u64>,
}

/// The cache's folder, for one build of sidenote and one set of cue lists.
#[derive(Debug)]
pub struct Cache {
    folder: PathBuf,
    /// A hash of what every entry depends on besides its report: engine, build, cue lists.
    rules: [u8; 32],
    /// How many bytes the entries may take.
    limit: u64,
    /// Whether an entry was written since the last [`Cache::prune`].
    written: AtomicBool,
}

/// A copy for another thread: the same folder and rules, with what this one wrote still to prune.
impl Clone for Cache {
    fn clone(&self) -> Self {
        Self {
            folder: self.folder.clone(),
            rules: self.rules,
            limit: self.limit,
            written: AtomicBool::new(self.written.load(Ordering::Relaxed)),
        }
    }
}

impl Cache {
    /// The user's cache for `cues`: under `SIDENOTE_CACHE_DIR` when set, else in the platform's
    /// cache folder; `None` when there is none (no home folder) or when the running build
    /// cannot be told from another (no executable to look at), since an older build's entry
    /// might then be read.
    pub fn open(cues: &Cues) -> Option<Self> {
        let root = match std::env::var_os(CACHE_DIR_VAR).filter(|v| !v.is_empty()) {
            Some(dir) => PathBuf::from(dir),
            None => directories::ProjectDirs::from("", "", "sidenote")?
                .cache_dir()
                .join("corroborate"),
        };
        Self::at(&root, cues)
    }

    /// The cache in `root` for `cues` (the folder is made when the first entry is written).
    /// `None` when the running build cannot be told from another.
    pub fn at(root: &Path, cues: &Cues) -> Option<Self> {
        Some(Self::of_build(root, cues, build()?))
    }

    /// The cache in `root` for `cues` as the build `build` (see [`build`]) keeps it.
    fn of_build(root: &Path, cues: &Cues, build: [u8; 32]) -> Self {
        let mut rules = Sha256::new();
        rules.update(ENGINE_VERSION);
        rules.update(build);
        // The cue lists' words, in a fixed order (their sets hash with a fixed seed).
        rules.update(format!("{cues:?}"));
        Self {
            folder: root.to_path_buf(),
            rules: rules.finalize().into(),
            limit: LIMIT,
            written: AtomicBool::new(false),
        }
    }

    /// The same cache, kept to `bytes` instead of [`LIMIT`].
    #[must_use]
    pub fn with_limit(mut self, bytes: u64) -> Self {
        self.limit = bytes;
        self
    }

    /// The key of `report`'s entry, and its file; `None` when its hash is not one (a report's
    /// hash names a file: only hex digits are taken).
    fn entry(&self, report: &Report) -> Option<([u8; 32], PathBuf)> {
        let sha256 = &report.sha256;
        if sha256.is_empty() || !sha256.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let mut key = Sha256::new();
        key.update(self.rules);
        key.update(sha256.as_bytes());
        // How the text was taken out of the file: none for plain text, else the extractor.
        key.update(report.extracted.as_deref().unwrap_or("text"));
        let key: [u8; 32] = key.finalize().into();
        let mut name = format!("{sha256}-");
        for byte in &key[..8] {
            let _ = write!(name, "{byte:02x}");
        }
        name.push_str(EXTENSION);
        Some((key, self.folder.join(name)))
    }

    /// The signatures of `report`'s sentences, when the cache holds a sound entry for it.
    pub fn get(&self, report: &Report) -> Option<Vec<Signature>> {
        let (key, path) = self.entry(report)?;
        let meta = std::fs::symlink_metadata(&path).ok()?;
        // Larger than the whole cache may be: not one this cache wrote (see `put`).
        if !meta.is_file() || meta.len() > self.limit {
            return None;
        }
        let bytes = std::fs::read(&path).ok()?;
        let (magic, rest) = bytes.split_at_checked(MAGIC.len())?;
        let (id, rest) = rest.split_at_checked(key.len())?;
        let (checksum, payload) = rest.split_at_checked(32)?;
        if magic != MAGIC || id != key || checksum != Sha256::digest(payload).as_slice() {
            return None;
        }
        serde_json::from_slice(payload).ok()
    }

    /// Keeps the signatures of `report`'s sentences, best effort.
    pub fn put(&self, report: &Report, signatures: &[Signature]) {
        let Some((key, path)) = self.entry(report) else {
            return;
        };
        let Ok(payload) = serde_json::to_vec(signatures) else {
            return;
        };
        if (HEADER + payload.len()) as u64 > self.limit {
            // It would be pruned at once, and not read.
            return;
        }
        let mut entry = Vec::with_capacity(HEADER + payload.len());
        entry.extend_from_slice(MAGIC);
        entry.extend_from_slice(&key);
        entry.extend_from_slice(&Sha256::digest(&payload));
        entry.extend_from_slice(&payload);
        if std::fs::create_dir_all(&self.folder).is_err() {
            return;
        }
        if let Ok(mut file) = tempfile::NamedTempFile::new_in(&self.folder)
            && file.write_all(&entry).is_ok()
            && file.persist(path).is_ok()
        {
            self.written.store(true, Ordering::Relaxed);
        }
    }

    /// Removes the oldest written entries until they take at most the limit, if this cache
    /// wrote any since it was opened or last pruned. Only entries are counted and removed, never
    /// another file of the folder; one that cannot be removed now is removed by a later run.
    pub fn prune(&self) {
        if !self.written.swap(false, Ordering::Relaxed) {
            return;
        }
        let Ok(listing) = std::fs::read_dir(&self.folder) else {
            return;
        };
        let mut entries: Vec<(SystemTime, u64, PathBuf)> = listing
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(EXTENSION))
            .filter_map(|e| {
                let meta = e.metadata().ok()?;
                meta.is_file()
                    .then(|| Some((meta.modified().ok()?, meta.len(), e.path())))
                    .flatten()
            })
            .collect();
        let mut total: u64 = entries.iter().map(|e| e.1).sum();
        entries.sort();
        for (_, len, path) in entries {
            if total <= self.limit {
                break;
            }
            if std::fs::remove_file(path).is_ok() {
                total = total.saturating_sub(len);
            }
        }
    }
}

/// What tells this build of sidenote from another: the package's version and the running
/// executable's size and modification time.
fn build() -> Option<[u8; 32]> {
    let meta = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    let modified = meta
        .modified()
        .ok()?
        .duration_since(SystemTime::UNIX_EPOCH)
        .ok()?;
    let mut build = Sha256::new();
    build.update(env!("CARGO_PKG_VERSION"));
    build.update(meta.len().to_le_bytes());
    build.update(modified.as_nanos().to_le_bytes());
    Some(build.finalize().into())
}

#[cfg(test)]
mod tests;
