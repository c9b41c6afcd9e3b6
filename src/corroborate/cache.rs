//! A cache of what the comparison keeps of each report that depends on its text alone: the
//! sentences' features, their exact-text ids and their suggested sources, keyed by the report's
//! SHA-256. Running the suggestion rules and reducing every sentence is most of the cost of
//! reading a folder; a report read before is then only loaded, segmented and its claims found.
//!
//! The cache is in the platform's cache folder (`~/.cache/sidenote/corroborate` on Linux), or in
//! `SIDENOTE_CACHE_DIR` when that is set; nothing is written beside the reports. Entries are
//! filed under a key of the engine's version and the cue lists, so a change to either reads no
//! stale entry. A cache that cannot be read or written is only slower: every error is ignored
//! and the entry computed again.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::words::Features;
use crate::suggest::Cues;

/// Names the folder that overrides the platform's cache folder (the tests set it).
pub const CACHE_DIR_VAR: &str = "SIDENOTE_CACHE_DIR";

/// Changes whenever what a [`Signature`] holds or how it is computed changes.
const ENGINE_VERSION: &str = "corroborate-1";

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

/// The cache's folder for one version of the engine and one set of cue lists.
#[derive(Debug, Clone)]
pub struct Cache {
    folder: PathBuf,
}

impl Cache {
    /// The user's cache for `cues`: under `SIDENOTE_CACHE_DIR` when set, else in the platform's
    /// cache folder; `None` when there is none (no home folder).
    pub fn open(cues: &Cues) -> Option<Self> {
        let root = match std::env::var_os(CACHE_DIR_VAR).filter(|v| !v.is_empty()) {
            Some(dir) => PathBuf::from(dir),
            None => directories::ProjectDirs::from("", "", "sidenote")?
                .cache_dir()
                .join("corroborate"),
        };
        Some(Self::at(&root, cues))
    }

    /// The cache under `root` for `cues`.
    pub fn at(root: &Path, cues: &Cues) -> Self {
        let mut hash = Sha256::new();
        hash.update(ENGINE_VERSION);
        // The cue lists' words, in a fixed order (their sets hash with a fixed seed).
        hash.update(format!("{cues:?}"));
        let mut key = String::new();
        for byte in &hash.finalize()[..8] {
            let _ = write!(key, "{byte:02x}");
        }
        Self {
            folder: root.join(key),
        }
    }

    fn entry(&self, sha256: &str) -> Option<PathBuf> {
        // A report's hash names a file: only hex digits are taken.
        (!sha256.is_empty() && sha256.chars().all(|c| c.is_ascii_hexdigit()))
            .then(|| self.folder.join(format!("{sha256}.json")))
    }

    /// The signatures of the report whose text has `sha256`, when the cache holds them.
    pub fn get(&self, sha256: &str) -> Option<Vec<Signature>> {
        let text = std::fs::read(self.entry(sha256)?).ok()?;
        serde_json::from_slice(&text).ok()
    }

    /// Keeps the signatures of the report whose text has `sha256`. Written whole or not at all
    /// (a temporary file renamed), so a reader running beside never reads half an entry.
    pub fn put(&self, sha256: &str, signatures: &[Signature]) {
        let Some(path) = self.entry(sha256) else {
            return;
        };
        let Ok(text) = serde_json::to_vec(signatures) else {
            return;
        };
        if std::fs::create_dir_all(&self.folder).is_err() {
            return;
        }
        if let Ok(mut file) = tempfile::NamedTempFile::new_in(&self.folder) {
            use std::io::Write as _;
            if file.write_all(&text).is_ok() {
                let _ = file.persist(path);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::corroborate::{Corroboration, read_all};

    fn event() -> Vec<PathBuf> {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corroborate/event");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
            .expect("the event folder")
            .map(|e| e.expect("an entry").path())
            .collect();
        paths.sort();
        paths
    }

    fn entries(folder: &Path) -> usize {
        std::fs::read_dir(folder).map_or(0, |d| {
            d.filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
                .count()
        })
    }

    #[test]
    fn a_cached_reading_is_the_same_and_fills_the_cache_once() {
        let cues = Cues::builtin();
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = Cache::at(dir.path(), &cues);
        let paths = event();
        let (plain, _) = read_all(&paths, &cues, &(), None);
        let (cold, _) = read_all(&paths, &cues, &(), Some(&cache));
        assert_eq!(cold, plain);
        assert_eq!(entries(&cache.folder), paths.len(), "one entry a report");
        let (warm, _) = read_all(&paths, &cues, &(), Some(&cache));
        assert_eq!(warm, plain);
        assert_eq!(
            Corroboration::new(warm).groups,
            Corroboration::new(plain).groups
        );
        assert!(
            cache.folder.starts_with(dir.path()),
            "nothing beside the reports"
        );
    }

    #[test]
    fn what_the_cache_holds_is_used_and_a_bad_entry_is_not() {
        let cues = Cues::builtin();
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = Cache::at(dir.path(), &cues);
        let paths = event();
        let (plain, _) = read_all(&paths[..1], &cues, &(), Some(&cache));
        let sha256 = &plain[0].sha256;
        let entry = cache.entry(sha256).expect("a hex hash");
        // An entry for a text with one sentence less is not taken.
        let mut signatures = cache.get(sha256).expect("cached");
        signatures.pop();
        cache.put(sha256, &signatures);
        let (again, _) = read_all(&paths[..1], &cues, &(), Some(&cache));
        assert_eq!(again, plain);
        // Nor is one that is not an entry.
        std::fs::write(&entry, "not json").expect("write");
        let (again, _) = read_all(&paths[..1], &cues, &(), Some(&cache));
        assert_eq!(again, plain);
        // A usable entry is taken as it is: its words are what the comparison sees.
        let mut signatures = cache.get(sha256).expect("cached again");
        signatures[1].features.words = vec![7, 8, 9];
        cache.put(sha256, &signatures);
        let (taken, _) = read_all(&paths[..1], &cues, &(), Some(&cache));
        assert_eq!(taken[0].sentences[1].features.words, [7, 8, 9]);
    }

    #[test]
    fn other_cue_lists_file_their_entries_apart_and_hashes_name_files_safely() {
        let dir = tempfile::tempdir().expect("tempdir");
        let builtin = Cache::at(dir.path(), &Cues::builtin());
        let extra = crate::suggest::Extra {
            verbs: vec!["relayed".to_owned()],
            ..Default::default()
        };
        let other = Cache::at(dir.path(), &Cues::new(&extra).expect("cues"));
        assert_ne!(builtin.folder, other.folder);
        assert_eq!(
            builtin.folder,
            Cache::at(dir.path(), &Cues::builtin()).folder
        );
        assert!(builtin.entry("../../etc/passwd").is_none());
        assert!(builtin.entry("").is_none());
        builtin.put("../escape", &[]);
        assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
    }
}
