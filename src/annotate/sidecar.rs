//! The sidecar file: `report.txt` -> `report.txt.sidenote.toml`, format version 1.
//!
//! The layout is documented for users in `docs/sidecar-format.md`; this module is its only
//! reader and writer.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::no_claim::{NoClaim, mark_order};
use super::{Claim, Grade, SourceKind};
use crate::report::{Report, file_kind, safe, safe_path};

/// The newest sidecar format this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// The suffix that turns a report's file name into its sidecar's.
const SUFFIX: &str = ".sidenote.toml";

/// The largest sidecar that is read (8 MiB), so that a hostile or runaway file is refused at once
/// instead of parsing for seconds. Parsing costs about 0.25 s per MiB at worst (a file of tiny
/// keys, in a release build) and 0.06 s per MiB of typical claims, of which some 17,000 fit.
pub const MAX_SIDECAR_BYTES: u64 = 8 * 1024 * 1024;

/// Where the sidecar of `report` lives: beside it, with `.sidenote.toml` appended.
pub fn sidecar_path(report: &Path) -> PathBuf {
    let mut name = report.as_os_str().to_owned();
    name.push(SUFFIX);
    PathBuf::from(name)
}

/// Why a sidecar could not be read; each message names the file and what to do.
#[derive(Debug, thiserror::Error)]
pub enum SidecarError {
    /// The file could not be read.
    #[error("{}: cannot read: {}", safe_path(path), safe(&source.to_string()))]
    Io {
        /// The sidecar's path.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The sidecar is a named pipe, a socket, a device or a folder: it is not even opened.
    #[error("{}: is a {kind}, not a regular file; move it away", safe_path(path))]
    NotAFile {
        /// The sidecar's path.
        path: PathBuf,
        /// What it is instead, in words.
        kind: &'static str,
    },
    /// The file is larger than [`MAX_SIDECAR_BYTES`]; it is not read.
    #[error(
        "{}: too large for a sidecar ({size} bytes; the limit is {} MiB); check what wrote it, or move it away",
        safe_path(path),
        MAX_SIDECAR_BYTES >> 20
    )]
    TooLarge {
        /// The sidecar's path.
        path: PathBuf,
        /// Its size in bytes (at least this much, when it grew while being read).
        size: u64,
    },
    /// The file is not valid TOML, or a key has the wrong type.
    #[error(
        "{}:{line}:{column}: {}; fix the file by hand or restore it (e.g. `git checkout`)",
        safe_path(path),
        safe(message)
    )]
    Parse {
        /// The sidecar's path.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong there.
        message: String,
    },
    /// The file was written by a newer sidenote.
    #[error(
        "{}: format version {found} is newer than this sidenote knows ({FORMAT_VERSION}); upgrade sidenote",
        safe_path(path)
    )]
    Version {
        /// The sidecar's path.
        path: PathBuf,
        /// The version in the file.
        found: u32,
    },
    /// The version is not one any sidenote wrote.
    #[error(
        "{}: format version {found} does not exist (this sidenote writes {FORMAT_VERSION}); fix the `version` line",
        safe_path(path)
    )]
    BadVersion {
        /// The sidecar's path.
        path: PathBuf,
        /// The version in the file.
        found: u32,
    },
    /// A `[[no_claim]]` mark breaks a rule of the format.
    #[error(
        "{}: no_claim mark {number} (at {start}): {}; fix the file by hand",
        safe_path(path),
        safe(message)
    )]
    InvalidMark {
        /// The sidecar's path.
        path: PathBuf,
        /// Which mark, counting from 1 in the file.
        number: usize,
        /// Its `start`.
        start: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A claim breaks a rule of the format.
    #[error(
        "{}: claim \"{}\": {}; fix the file by hand",
        safe_path(path),
        safe(id),
        safe(message)
    )]
    Invalid {
        /// The sidecar's path.
        path: PathBuf,
        /// The claim's id.
        id: String,
        /// What is wrong with it.
        message: String,
    },
}

/// Why a sidecar could not be written; the claims are still in memory and the file on disk is
/// the previous one (or, when only the final folder sync failed, the new one).
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The sidecar is a symbolic link: writing through it or replacing it would surprise.
    #[error("{}: is a symbolic link; sidenote will not write through it — replace it with a regular file", safe_path(.0))]
    Symlink(PathBuf),
    /// The sidecar on disk cannot be read, so it is not overwritten.
    #[error("{0} (not overwritten)")]
    Unreadable(Box<SidecarError>),
    /// Another sidenote held the sidecar's lock for too long.
    #[error(
        "{}: another sidenote is saving this file; try again (or remove a stale {}.lock if no sidenote is running)",
        safe_path(path),
        safe_path(path)
    )]
    Locked {
        /// The sidecar's path.
        path: PathBuf,
    },
    /// The system refused a step of the write.
    #[error("{}: cannot save ({step}): {}", safe_path(path), safe(&source.to_string()))]
    Io {
        /// The sidecar's path.
        path: PathBuf,
        /// Which step failed.
        step: super::store::Step,
        /// What the system said.
        source: std::io::Error,
    },
}

/// The `[report]` table: which report the claims belong to, and its hash when last written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportRef {
    /// The report's file name, relative to the sidecar.
    pub file: String,
    /// SHA-256 of the report's bytes.
    #[serde(default)]
    pub sha256: String,
    /// Keys this version does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl ReportRef {
    /// The key of `[report]` that says how the text was extracted from a web page or Markdown
    /// (see `docs/sidecar-format.md`); absent for plain text.
    pub const EXTRACTED: &str = "extracted";

    /// Makes this describe `report` as it is now: its hash, and how its text was extracted.
    pub fn describe(&mut self, report: &Report) {
        self.sha256.clone_from(&report.sha256);
        match &report.extracted {
            Some(method) => {
                self.extra
                    .insert(Self::EXTRACTED.to_owned(), method.clone().into());
            }
            None => {
                self.extra.remove(Self::EXTRACTED);
            }
        }
    }
}

/// A whole sidecar file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sidecar {
    /// Format version ([`FORMAT_VERSION`]).
    pub version: u32,
    /// The report the claims belong to.
    pub report: ReportRef,
    /// Keys this version does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: toml::Table,
    /// The claims, in document order.
    #[serde(rename = "claim", default)]
    pub claims: Vec<Claim>,
    /// Suggestions the user dismissed, so the reader does not offer them again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed: Vec<Dismissed>,
    /// Spans read and judged to hold no claim, per author ([`NoClaim`]), in document order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub no_claim: Vec<NoClaim>,
}

/// A dismissed suggestion: the sentence it was for. It is recognised by its text, so it stays
/// dismissed when the report changes around it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dismissed {
    /// First code point of the sentence when it was dismissed.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// The sentence's text.
    pub quote: String,
    /// Keys this version does not know, kept on rewrite.
    #[serde(flatten)]
    pub extra: toml::Table,
}

impl Sidecar {
    /// An empty sidecar for `report`.
    pub fn new(report: &Report) -> Self {
        let mut sidecar = Self {
            version: FORMAT_VERSION,
            report: ReportRef {
                file: report.file_name(),
                sha256: report.sha256.clone(),
                extra: toml::Table::new(),
            },
            extra: toml::Table::new(),
            claims: Vec::new(),
            dismissed: Vec::new(),
            no_claim: Vec::new(),
        };
        sidecar.report.describe(report);
        sidecar
    }

    /// Whether the suggestion for the sentence `span` of `report` was dismissed.
    pub fn is_dismissed(&self, report: &Report, span: &std::ops::Range<usize>) -> bool {
        let Some(text) = report.text.get(span.clone()) else {
            return false;
        };
        self.dismissed.iter().any(|d| d.quote == text)
    }

    /// Remembers that the suggestion for the sentence `span` of `report` was dismissed.
    pub fn dismiss(&mut self, report: &Report, span: &std::ops::Range<usize>) {
        if self.is_dismissed(report, span) {
            return;
        }
        let chars = report.char_range(span);
        self.dismissed.push(Dismissed {
            start: chars.start,
            end: chars.end,
            quote: report.text.get(span.clone()).unwrap_or_default().to_owned(),
            extra: toml::Table::new(),
        });
        self.dismissed.sort_by_key(|d| (d.start, d.end));
    }

    /// Reads the sidecar at `path`; `Ok(None)` when there is none yet.
    ///
    /// Only a regular file of at most [`MAX_SIDECAR_BYTES`] is read: anything else is refused
    /// before it is opened (a named pipe would wait for a writer) and before it is read.
    pub fn load(path: &Path) -> Result<Option<Self>, SidecarError> {
        match read_sidecar(path, path)? {
            Some(bytes) => Self::from_bytes(&bytes, path).map(Some),
            None => Ok(None),
        }
    }

    /// One version of a sidecar handed over by git's merge driver: read as [`Sidecar::load`]
    /// reads a sidecar (a regular file of at most [`MAX_SIDECAR_BYTES`]), but named `name` in
    /// errors (git's temporary files mean nothing to the user), and `None` when the file is
    /// missing or blank (git passes an empty ancestor for a file new on both sides).
    pub fn load_version(path: &Path, name: &Path) -> Result<Option<Self>, SidecarError> {
        match read_sidecar(path, name)? {
            Some(bytes) if !bytes.iter().all(u8::is_ascii_whitespace) => {
                Self::from_bytes(&bytes, name).map(Some)
            }
            _ => Ok(None),
        }
    }

    /// Parses a sidecar's bytes; `path` only names the file in errors.
    fn from_bytes(bytes: &[u8], path: &Path) -> Result<Self, SidecarError> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let (line, column) = line_col(&bytes[..e.valid_up_to()], e.valid_up_to());
            SidecarError::Parse {
                path: path.to_path_buf(),
                line,
                column,
                message: "invalid UTF-8".to_owned(),
            }
        })?;
        Self::parse(text, path)
    }

    /// Parses and validates sidecar text; `path` only names the file in errors.
    ///
    /// Text over [`MAX_SIDECAR_BYTES`] is refused unparsed. Nesting needs no check of its own:
    /// the `toml` crate refuses more than 80 levels of arrays or inline tables and keys or table
    /// headers of more than 80 parts, with an error, at once (unless its `unbounded` feature is
    /// on, which sidenote must never enable).
    pub fn parse(text: &str, path: &Path) -> Result<Self, SidecarError> {
        let size = u64::try_from(text.len()).unwrap_or(u64::MAX);
        if size > MAX_SIDECAR_BYTES {
            return Err(SidecarError::TooLarge {
                path: path.to_path_buf(),
                size,
            });
        }
        let parse_error = |span: Option<std::ops::Range<usize>>, message: String| {
            let at = span.map_or(0, |s| s.start).min(text.len());
            let (line, column) = line_col(text.as_bytes(), at);
            SidecarError::Parse {
                path: path.to_path_buf(),
                line,
                column,
                message,
            }
        };
        let newer = |found: u32| SidecarError::Version {
            path: path.to_path_buf(),
            found,
        };
        // One typed parse on the usual path; only a file that does not fit this version's shape
        // is parsed again, loosely, to tell "written by a newer sidenote" from "broken".
        let sidecar: Self = match toml::from_str(text) {
            Ok(sidecar) => sidecar,
            Err(typed) => {
                let loose: Result<toml::Table, _> = toml::from_str(text);
                if let Some(found) = loose
                    .as_ref()
                    .ok()
                    .and_then(|t| t.get("version").and_then(toml::Value::as_integer))
                    .and_then(|v| u32::try_from(v).ok())
                    .filter(|&v| v > FORMAT_VERSION)
                {
                    return Err(newer(found));
                }
                if let Some((id, message)) = loose.as_ref().ok().and_then(first_bad_value) {
                    return Err(SidecarError::Invalid {
                        path: path.to_path_buf(),
                        id,
                        message,
                    });
                }
                return Err(parse_error(typed.span(), typed.message().trim().to_owned()));
            }
        };
        if sidecar.version > FORMAT_VERSION {
            return Err(newer(sidecar.version));
        }
        sidecar.validate(path)?;
        Ok(sidecar)
    }

    fn validate(&self, path: &Path) -> Result<(), SidecarError> {
        let invalid = |id: &str, message: String| SidecarError::Invalid {
            path: path.to_path_buf(),
            id: id.to_owned(),
            message,
        };
        if self.version == 0 {
            return Err(SidecarError::BadVersion {
                path: path.to_path_buf(),
                found: 0,
            });
        }
        let mut seen = std::collections::HashSet::new();
        for claim in &self.claims {
            if claim.id.trim().is_empty() {
                return Err(invalid("", "has an empty id".to_owned()));
            }
            if !seen.insert(claim.id.as_str()) {
                return Err(invalid(&claim.id, "the id is used twice".to_owned()));
            }
            if claim.start > claim.end {
                return Err(invalid(
                    &claim.id,
                    format!("start {} is after end {}", claim.start, claim.end),
                ));
            }
            if claim.status.trim().is_empty() {
                return Err(invalid(&claim.id, "has an empty status".to_owned()));
            }
        }
        for (i, mark) in self.no_claim.iter().enumerate() {
            if mark.start > mark.end {
                return Err(SidecarError::InvalidMark {
                    path: path.to_path_buf(),
                    number: i + 1,
                    start: mark.start,
                    message: format!("start {} is after end {}", mark.start, mark.end),
                });
            }
        }
        Ok(())
    }

    /// The file's text: keys in a fixed order and claims in document order, so it diffs well.
    ///
    /// Fails only if a key kept from another tool cannot be written back as TOML; the sidecar is
    /// then not written at all, rather than written empty.
    pub fn to_toml(&self) -> Result<String, toml::ser::Error> {
        if self
            .claims
            .is_sorted_by(|a, b| document_order(a, b).is_le())
            && self.no_claim.is_sorted_by(|a, b| mark_order(a, b).is_le())
        {
            return toml::to_string(self);
        }
        let mut sorted = self.clone();
        sorted.sort();
        toml::to_string(&sorted)
    }

    /// Index of the claim covering exactly the byte range `span` of `report`. A claim whose quote
    /// is no longer there (orphaned) is never taken for the text now at its old offsets.
    pub fn claim_on(&self, report: &Report, span: &std::ops::Range<usize>) -> Option<usize> {
        let chars = report.char_range(span);
        let text = report.text.get(span.clone())?;
        self.claims
            .iter()
            .position(|c| c.start == chars.start && c.end == chars.end && c.quote == text)
    }

    /// Index of `author`'s own claim in the sentence that starts at `span` (a byte range of
    /// `report`): the one `tag` updates and `untag` removes, so that a colleague's claim on the
    /// same words is never touched. A claim belongs to the sentence it starts in
    /// ([`Claim::sentence`]), so a claim narrowed to part of the sentence is found too; when the
    /// author has two there (a marked conflict), the first in document order, as `agree` counts.
    /// An agreed claim (adjudication) is not anyone's own.
    pub fn claim_of(
        &self,
        report: &Report,
        span: &std::ops::Range<usize>,
        author: &str,
    ) -> Option<usize> {
        let sentence = report.sentence_at(span.start);
        self.claims
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.author == author && !c.is_agreed() && c.sentence(report) == Some(sentence)
            })
            .min_by(|(_, a), (_, b)| document_order(a, b))
            .map(|(index, _)| index)
    }

    /// Adds a new claim and returns its index. Ids are random: in the rare case the new one is
    /// already used in this file, the claim gets another.
    pub fn add(&mut self, mut claim: Claim) -> usize {
        while self.claims.iter().any(|c| c.id == claim.id) {
            claim.id = super::claim::fresh_id(&claim.author, claim.start);
        }
        self.claims.push(claim);
        self.claims.len() - 1
    }

    /// Puts the claims in document order (start, then end, then id), and the no-claim marks
    /// likewise (start, end, author): the order they are saved in.
    pub fn sort(&mut self) {
        self.claims.sort_by(document_order);
        self.no_claim.sort_by(mark_order);
    }

    /// Index of `author`'s no-claim mark in the sentence that starts at `span` (a byte range of
    /// `report`): the one a claim or `untag` replaces, found as [`Sidecar::claim_of`] finds a
    /// claim (a mark belongs to the sentence it starts in).
    pub fn mark_of(
        &self,
        report: &Report,
        span: &std::ops::Range<usize>,
        author: &str,
    ) -> Option<usize> {
        let sentence = report.sentence_at(span.start);
        self.no_claim
            .iter()
            .position(|m| m.author == author && m.sentence(report) == Some(sentence))
    }

    /// Takes `author`'s no-claim marks off the byte range `span` of `report`: a claim made
    /// there, or `untag`, replaces them. A mark (found in the text) that overlaps `span` is
    /// removed, and what it reviewed outside `span` stays marked ([`NoClaim::outside`]): tagging
    /// one sentence of a marked selection leaves its other sentences read. Returns how many
    /// marks were removed or cut.
    pub fn unmark(
        &mut self,
        report: &Report,
        span: &std::ops::Range<usize>,
        author: &str,
    ) -> usize {
        let probe = span.start..span.end.max(span.start + 1);
        let mut changed = 0;
        let mut kept = Vec::with_capacity(self.no_claim.len());
        for mark in std::mem::take(&mut self.no_claim) {
            let overlaps = mark.author == author
                && mark
                    .span(report)
                    .is_some_and(|s| s.start < probe.end && probe.start < s.end.max(s.start + 1));
            if overlaps {
                changed += 1;
                kept.extend(mark.outside(report, &probe));
            } else {
                kept.push(mark);
            }
        }
        self.no_claim = kept;
        changed
    }

    /// Whether the sidecar holds nothing worth a file: no claim, dismissal or mark.
    pub fn is_empty(&self) -> bool {
        self.claims.is_empty() && self.dismissed.is_empty() && self.no_claim.is_empty()
    }
}

/// A check of a value written as text: what is wrong with it, if anything.
type Check = fn(&str) -> Result<(), String>;

/// The keys of a claim whose values are checked by parsing them as text, each with its check.
const CHECKED_KEYS: [(&str, Check); 2] = [
    ("grade", |text| {
        text.parse::<Grade>().map(drop).map_err(|e| e.to_string())
    }),
    ("source_kind", |text| {
        text.parse::<SourceKind>()
            .map(drop)
            .map_err(|e| e.to_string())
    }),
];

/// The first claim in a loosely parsed sidecar with a value one of [`CHECKED_KEYS`] refuses: its
/// id and what is wrong, value included. Lets a load error name the claim, which the typed parse
/// cannot.
fn first_bad_value(table: &toml::Table) -> Option<(String, String)> {
    let claims = table.get("claim")?.as_array()?;
    claims.iter().find_map(|claim| {
        CHECKED_KEYS.iter().find_map(|(key, check)| {
            let value = claim.get(*key)?;
            let text = value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_owned);
            let problem = check(&text).err()?;
            let id = claim
                .get("id")
                .and_then(toml::Value::as_str)
                .unwrap_or_default();
            Some((id.to_owned(), problem))
        })
    })
}

/// The order claims are saved in: by start, then end, then id.
pub fn document_order(a: &Claim, b: &Claim) -> std::cmp::Ordering {
    (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id))
}

/// The bytes of the sidecar at `path`, or `None` when there is none. Anything but a regular file
/// of at most [`MAX_SIDECAR_BYTES`] is refused without being read.
fn read_sidecar(path: &Path, name: &Path) -> Result<Option<Vec<u8>>, SidecarError> {
    let io = |source| SidecarError::Io {
        path: name.to_path_buf(),
        source,
    };
    let check = |meta: &std::fs::Metadata| {
        if !meta.is_file() {
            Err(SidecarError::NotAFile {
                path: name.to_path_buf(),
                kind: file_kind(meta.file_type()),
            })
        } else if meta.len() > MAX_SIDECAR_BYTES {
            Err(SidecarError::TooLarge {
                path: name.to_path_buf(),
                size: meta.len(),
            })
        } else {
            Ok(())
        }
    };
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(e)),
        Ok(meta) => check(&meta)?,
    }
    let file = match std::fs::File::open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        opened => opened.map_err(io)?,
    };
    // The path may have been replaced between the look and the open: check what was opened.
    check(&file.metadata().map_err(io)?)?;
    let mut bytes = Vec::new();
    file.take(MAX_SIDECAR_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_SIDECAR_BYTES {
        return Err(SidecarError::TooLarge {
            path: name.to_path_buf(),
            size,
        });
    }
    Ok(Some(bytes))
}

/// 1-based line and column of byte offset `at`.
fn line_col(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests;
