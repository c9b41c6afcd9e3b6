//! Reading a report file into text that is safe to show and whose offsets are stable.

use std::fmt::Write as _;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::extract::{self, Format};
use super::safe::{REPLACEMENT, stand_in};
use super::{CharIndex, safe, safe_path, segment};

/// How many bytes at the start of a file are judged for control characters: the number `git`
/// looks at for NUL bytes.
pub(crate) const SNIFF_BYTES: usize = 8000;
/// A start with a larger share (in percent) of control characters than this is binary, not text.
/// Text with terminal colours or stray escapes stays far below it; a binary format without NUL
/// bytes near the start rarely does.
const MAX_CONTROL_PERCENT: usize = 30;

/// Why a report could not be opened; each message names the file and what to do.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path does not exist.
    #[error("{}: no such file; check the path", safe_path(.0))]
    NotFound(PathBuf),
    /// The path is a folder, not a report.
    #[error("{}: is a folder; give a report file such as a .txt", safe_path(.0))]
    Directory(PathBuf),
    /// The path is a named pipe, a socket or a device: reading it could block or never end, so
    /// it is not even opened.
    #[error(
        "{}: is a {kind}, not a regular file; give a report file such as a .txt",
        safe_path(path)
    )]
    NotAFile {
        /// The report's path.
        path: PathBuf,
        /// What it is instead, in words.
        kind: &'static str,
    },
    /// The system does not let this user read the file.
    #[error("{}: permission denied; check the file's permissions (`ls -l`)", safe_path(.0))]
    PermissionDenied(PathBuf),
    /// The bytes are not text.
    #[error(
        "{}: not a text file ({why}); convert it to plain text first",
        safe_path(path)
    )]
    NotText {
        /// The report's path.
        path: PathBuf,
        /// What gave it away.
        why: Binary,
    },
    /// The file is a PDF, whose text sidenote does not extract (see `docs/formats.md`).
    #[error(
        "{}: not a text file (a PDF, which sidenote does not read); convert it first with `pdftotext FILE.pdf FILE.txt` (poppler-utils) and open the .txt",
        safe_path(.0)
    )]
    Pdf(PathBuf),
    /// The file could not be read.
    #[error("{}: cannot read: {}", safe_path(path), safe(&source.to_string()))]
    Io {
        /// The report's path.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// What shows that a file is binary data rather than text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Binary {
    /// A NUL byte (a NUL code unit in UTF-16), which text never holds. `git` looks for one in the
    /// first 8,000 bytes; the whole file is read anyway, so sidenote looks everywhere.
    #[error("a NUL byte at offset {0}")]
    Nul(usize),
    /// Mostly control characters in the first 8,000 bytes.
    #[error("{0}% of its start is control characters")]
    Controls(usize),
    /// The PDF signature: a PDF's text needs a converter (see `docs/formats.md`).
    #[error("a PDF; convert it with `pdftotext FILE.pdf FILE.txt`")]
    Pdf,
}

/// How the report's bytes were turned into text, so a user can see why characters look odd.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 with a byte-order mark.
    Utf16,
}

impl Encoding {
    /// The encoding's usual name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8 => "UTF-8",
            Self::Utf16 => "UTF-16",
        }
    }
}

/// A report loaded into memory: its text, its sentences and the hash of its bytes.
#[derive(Debug, Clone)]
pub struct Report {
    /// Where the report was read from.
    pub path: PathBuf,
    /// The text every offset counts into (see [`decode`]).
    pub text: String,
    /// SHA-256 of the file's bytes, recorded in the sidecar to notice a changed report.
    pub sha256: String,
    /// How the bytes were decoded.
    pub encoding: Encoding,
    /// Sentence byte ranges into `text`, in order.
    pub sentences: Vec<std::ops::Range<usize>>,
    /// Converts between byte and code-point offsets.
    pub index: CharIndex,
    /// What the reader should warn about, one short line each: bytes that were not valid in the
    /// encoding, characters replaced by stand-ins. Already [`safe`] to print.
    pub warnings: Vec<String>,
    /// How the text was extracted from a web page or Markdown (e.g. `html/dom_smoothie 0.19.0`),
    /// recorded in the sidecar; `None` for plain text, which is read as it is.
    pub extracted: Option<String>,
    /// Whether the report is a web page in which no article was found (its warnings say so to
    /// the user; commands that need an article refuse it by this flag).
    pub no_article: bool,
}

impl Report {
    /// Reads, decodes and segments the report at `path`.
    ///
    /// Anything but a regular file (a folder, a named pipe, a socket, a device) is refused before
    /// it is opened, since opening a named pipe waits for a writer and a device may never end.
    pub fn load(path: &Path) -> Result<Self, LoadError> {
        let bytes = read_regular_file(path)?;
        let report = if extract::format_of(path, &bytes) == Format::Text {
            Self::from_plain_bytes(path, bytes)
        } else {
            Self::from_bytes(path, &bytes)
        };
        report.map_err(|why| match why {
            Binary::Pdf => LoadError::Pdf(path.to_path_buf()),
            why => LoadError::NotText {
                path: path.to_path_buf(),
                why,
            },
        })
    }

    /// [`Report::from_bytes`] for plain text, taking the bytes by value: clean UTF-8 becomes the
    /// text without a copy ([`decode_owned`]), so the file is held in memory once, not three times.
    fn from_plain_bytes(path: &Path, bytes: Vec<u8>) -> Result<Self, Binary> {
        let sha256 = sha256_hex(&bytes);
        let decoded = decode_owned(bytes)?;
        let warnings = decoded.warnings();
        let mut report = Self::from_text(path, decoded.text, decoded.encoding, sha256);
        report.warnings = warnings;
        Ok(report)
    }

    /// Builds a report from a file's bytes: decoded as [`decode`] says, hashed, segmented.
    ///
    /// A web page or a Markdown file (by its name or, for a page, its first bytes) is turned
    /// into its readable text first (see [`extract`]); the hash stays that of the file's bytes.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Self, Binary> {
        let format = extract::format_of(path, bytes);
        if format == Format::Pdf {
            return Err(Binary::Pdf);
        }
        let decoded = decode(bytes)?;
        let mut warnings = decoded.warnings();
        let Some(extracted) = extract::extract(format, &decoded.text) else {
            let mut report =
                Self::from_text(path, decoded.text, decoded.encoding, sha256_hex(bytes));
            report.warnings = warnings;
            return Ok(report);
        };
        // Character references can spell any character: the extracted text is made safe again.
        let (text, stand_ins) = shown_safely(&extracted.text);
        warnings.extend(extracted.warnings.iter().map(|w| safe(w).into_owned()));
        if stand_ins > 0 {
            warnings.push(format!(
                "{} from the markup shown as stand-ins",
                count(stand_ins, "control or invisible character")
            ));
        }
        let mut report = Self::from_text(path, text, decoded.encoding, sha256_hex(bytes));
        report.warnings = warnings;
        report.extracted = Some(extracted.method);
        report.no_article = extracted.no_article;
        Ok(report)
    }

    /// Builds a report from text already decoded; used by [`Report::from_bytes`] and by tests.
    pub fn from_text(path: &Path, text: String, encoding: Encoding, sha256: String) -> Self {
        let sentences = segment::sentences(&text);
        let index = CharIndex::new(&text);
        Self {
            path: path.to_path_buf(),
            text,
            sha256,
            encoding,
            sentences,
            index,
            warnings: Vec::new(),
            extracted: None,
            no_article: false,
        }
    }

    /// The file name shown to the user and written in the sidecar.
    pub fn file_name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// The code-point range of a byte range.
    pub fn char_range(&self, bytes: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.index.char_of(&self.text, bytes.start)..self.index.char_of(&self.text, bytes.end)
    }

    /// The byte range of a code-point range, or `None` when it lies outside the text.
    pub fn byte_range(&self, chars: &std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
        let start = self.index.byte_of(&self.text, chars.start)?;
        let end = self.index.byte_of(&self.text, chars.end)?;
        (start <= end).then_some(start..end)
    }

    /// The index of the sentence holding byte offset `byte`, or the nearest one before it.
    pub fn sentence_at(&self, byte: usize) -> usize {
        self.sentences
            .partition_point(|s| s.start <= byte)
            .saturating_sub(1)
    }
}

/// Hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        let _ = write!(hex, "{byte:02x}");
    }
    hex
}

/// The regular file at `path`, opened after checking its type, and its length in bytes.
pub(crate) fn open_regular_file(path: &Path) -> Result<(std::fs::File, u64), LoadError> {
    let error = |source: std::io::Error| match source.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(path.to_path_buf()),
        std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied(path.to_path_buf()),
        _ => LoadError::Io {
            path: path.to_path_buf(),
            source,
        },
    };
    let refuse = |meta: &std::fs::Metadata| {
        if meta.is_dir() {
            Err(LoadError::Directory(path.to_path_buf()))
        } else if meta.is_file() {
            Ok(())
        } else {
            Err(LoadError::NotAFile {
                path: path.to_path_buf(),
                kind: file_kind(meta.file_type()),
            })
        }
    };
    refuse(&std::fs::metadata(path).map_err(error)?)?;
    let file = std::fs::File::open(path).map_err(error)?;
    // The path may have been replaced between the look and the open: check what was opened.
    let meta = file.metadata().map_err(error)?;
    refuse(&meta)?;
    Ok((file, meta.len()))
}

/// The bytes of a regular file at `path`, checking its type before opening it and its first
/// 8,000 bytes before reading the rest: a binary file (or a PDF) is refused at once, however
/// large it is (a 2 GB sparse file of NUL bytes).
fn read_regular_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let (file, _) = open_regular_file(path)?;
    read_judged(file, path)
}

/// The bytes `file` holds (named `path`), its first 8,000 bytes judged before the rest is read.
fn read_judged(mut file: impl std::io::Read, path: &Path) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    (&mut file)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut bytes)
        .map_err(|source| read_error(path, source))?;
    if extract::format_of(path, &bytes) == Format::Pdf {
        return Err(LoadError::Pdf(path.to_path_buf()));
    }
    judge_start(&bytes).map_err(|why| LoadError::NotText {
        path: path.to_path_buf(),
        why,
    })?;
    file.read_to_end(&mut bytes)
        .map_err(|source| read_error(path, source))?;
    Ok(bytes)
}

/// The binary check [`decode`] makes, on the first 8,000 bytes only (`head` may hold more or
/// fewer): a NUL byte (a NUL code unit in UTF-16) or too many control characters there make
/// the file binary. Lets a reader refuse a binary file before reading the rest of it.
pub(crate) fn judge_start(head: &[u8]) -> Result<(), Binary> {
    let start = &head[..head.len().min(SNIFF_BYTES)];
    let utf16 = |rest: &[u8], word: fn([u8; 2]) -> u16| {
        let units = rest
            .chunks_exact(2)
            .map(move |pair| word([pair[0], pair[1]]));
        sniff(units, 2, 2)
    };
    if let Some(rest) = start.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = start.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)
    } else {
        judge_utf8_start(start)
    }
}

/// The error for a failed read of the report at `path`.
pub(crate) fn read_error(path: &Path, source: std::io::Error) -> LoadError {
    LoadError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What a file that is not a regular file is, in words: "named pipe (FIFO)", "socket", ….
pub(crate) fn file_kind(file_type: std::fs::FileType) -> &'static str {
    if file_type.is_dir() {
        "folder"
    } else {
        special_kind(file_type).unwrap_or("special file")
    }
}

#[cfg(unix)]
fn special_kind(file_type: std::fs::FileType) -> Option<&'static str> {
    use std::os::unix::fs::FileTypeExt as _;
    [
        (file_type.is_fifo(), "named pipe (FIFO)"),
        (file_type.is_socket(), "socket"),
        (file_type.is_char_device(), "character device"),
        (file_type.is_block_device(), "block device"),
    ]
    .into_iter()
    .find_map(|(is, kind)| is.then_some(kind))
}

#[cfg(not(unix))]
fn special_kind(_: std::fs::FileType) -> Option<&'static str> {
    None
}

/// A file's bytes turned into a report's text, and what had to be replaced on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text every offset counts into.
    pub text: String,
    /// How the bytes were read.
    pub encoding: Encoding,
    /// How many byte sequences were not valid in the encoding and became one U+FFFD each.
    pub invalid: usize,
    /// How many control and hidden characters were replaced by stand-ins.
    pub stand_ins: usize,
}

impl Decoded {
    /// One short line for each kind of replacement made, for the reader's status bar.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings = Vec::new();
        if self.invalid > 0 {
            warnings.push(format!(
                "not valid {}: {} shown as {REPLACEMENT}",
                self.encoding.name(),
                count(self.invalid, "undecodable sequence")
            ));
        }
        if self.stand_ins > 0 {
            warnings.push(format!(
                "{} shown as stand-ins such as \u{241B} and {REPLACEMENT}",
                count(self.stand_ins, "control or invisible character")
            ));
        }
        warnings
    }
}

/// `n` and `noun`, in the plural unless `n` is 1.
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Turns a file's bytes into the report's text, or says why they are not text.
///
/// - A UTF-16 byte-order mark (LE or BE) selects UTF-16; otherwise the bytes are UTF-8, and a
///   UTF-8 byte-order mark is dropped. A leading byte-order mark is not counted in offsets.
/// - Bytes that are not valid in the encoding become one U+FFFD per invalid sequence (the
///   "maximal subpart" rule of the Unicode standard, as `String::from_utf8_lossy` applies it; an
///   unpaired UTF-16 surrogate or a lone last byte is one sequence).
/// - A file is [binary](Binary) when it holds a NUL anywhere, or when more than 30% of its first
///   8,000 bytes are control characters (C0 other than tab, line feed, form feed and carriage
///   return, and DEL).
/// - Every code point that could act on a terminal rather than show as text is replaced by one
///   visible stand-in: C0 and C1 controls and DEL, a
///   carriage return that is not followed by a line feed (a terminal would go back and overwrite
///   the line with what follows), and the bidirectional and invisible characters listed on
///   [`is_hidden`](super::is_hidden). Tab, line feed and the carriage return of CRLF are kept.
///   The replacement is one code point for one, so offsets into the text equal code-point
///   offsets into the decoded file.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Binary> {
    let (raw, encoding, invalid) = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        let (text, invalid) = utf16_lossy(rest, u16::from_le_bytes)?;
        (text, Encoding::Utf16, invalid)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let (text, invalid) = utf16_lossy(rest, u16::from_be_bytes)?;
        (text, Encoding::Utf16, invalid)
    } else {
        let (rest, bom) = bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .map_or((bytes, 0), |rest| (rest, 3));
        sniff(rest.iter().map(|&b| u16::from(b)), 1, bom)?;
        let (text, invalid) = utf8_lossy(rest);
        (text, Encoding::Utf8, invalid)
    };
    let (text, stand_ins) = shown_safely(&raw);
    Ok(Decoded {
        text,
        encoding,
        invalid,
        stand_ins,
    })
}

/// [`decode`], taking the bytes by value: valid UTF-8 with nothing to replace (nearly every
/// report) becomes the text without a copy, so a large report is held in memory once, not three
/// times (bytes, decoded text, safe text). Anything else goes through [`decode`].
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<Decoded, Binary> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return decode(&bytes);
    }
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    // Every control character needs a stand-in, so clean text holds no NUL and no controls:
    // the binary check can only pass.
    let clean = std::str::from_utf8(&bytes[bom..]).is_ok_and(|text| !needs_stand_ins(text));
    if !clean {
        return decode(&bytes);
    }
    bytes.drain(..bom);
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: Encoding::Utf8,
            invalid: 0,
            stand_ins: 0,
        }),
        Err(e) => decode(e.as_bytes()),
    }
}

/// The judgement [`decode`] makes on the start of UTF-8 bytes (after a byte-order mark): too many
/// control characters in the first 8,000 bytes make them binary. `head` must hold those bytes,
/// or all of the text; a NUL byte further on is for the caller to look for.
pub(super) fn judge_utf8_start(head: &[u8]) -> Result<(), Binary> {
    let (rest, bom) = head
        .strip_prefix(b"\xEF\xBB\xBF")
        .map_or((head, 0), |rest| (rest, 3));
    let start = &rest[..rest.len().min(SNIFF_BYTES)];
    sniff(start.iter().map(|&b| u16::from(b)), 1, bom)
}

/// [`decode`] for one piece of UTF-8 text cut after a line feed: the pieces of a text decode,
/// one after the other, to the text's decoding, since a line feed ends any broken sequence and
/// any carriage return before it. Only the `first` piece may start with a byte-order mark, which
/// is dropped; later pieces are never taken for UTF-16. The binary checks are the caller's.
pub(super) fn decode_utf8_piece(mut bytes: Vec<u8>, first: bool) -> String {
    if first && bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) if !needs_stand_ins(&text) => text,
        Ok(text) => shown_safely(&text).0,
        Err(e) => shown_safely(&utf8_lossy(e.as_bytes()).0).0,
    }
}

/// Whether [`shown_safely`] would replace anything in `raw`. ASCII text is judged a byte at a
/// time, the rest a character at a time.
fn needs_stand_ins(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii() {
            let fine = matches!(b, 0x20..=0x7E | b'\t' | b'\n')
                || (b == b'\r' && bytes.get(at + 1) == Some(&b'\n'));
            if !fine {
                return true;
            }
            at += 1;
            continue;
        }
        let Some(c) = raw[at..].chars().next() else {
            return false;
        };
        if stand_in(c).is_some() {
            return true;
        }
        at += c.len_utf8();
    }
    false
}

/// Judges code `units` (each `width` bytes wide, the first at byte `offset` of the file): a NUL
/// anywhere, or too many control characters in the first 8,000 bytes, make them binary.
fn sniff(
    units: impl Iterator<Item = u16> + Clone,
    width: usize,
    offset: usize,
) -> Result<(), Binary> {
    if let Some(at) = units.clone().position(|unit| unit == 0) {
        return Err(Binary::Nul(offset + at * width));
    }
    let (seen, controls) =
        units
            .take(SNIFF_BYTES / width)
            .fold((0, 0), |(seen, controls), unit| {
                let control = matches!(unit, 0x01..=0x08 | 0x0B | 0x0E..=0x1F | 0x7F);
                (seen + 1, controls + usize::from(control))
            });
    if controls * 100 > seen * MAX_CONTROL_PERCENT {
        Err(Binary::Controls((controls * 100).div_ceil(seen)))
    } else {
        Ok(())
    }
}

/// UTF-8 with each invalid sequence replaced by U+FFFD, and how many there were.
fn utf8_lossy(bytes: &[u8]) -> (String, usize) {
    let mut text = String::with_capacity(bytes.len());
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            text.push(REPLACEMENT);
            invalid += 1;
        }
    }
    (text, invalid)
}

/// UTF-16 (of the byte order `word` reads) with each invalid sequence replaced by U+FFFD, and
/// how many there were.
fn utf16_lossy(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<(String, usize), Binary> {
    let units = || bytes.chunks_exact(2).map(|pair| word([pair[0], pair[1]]));
    sniff(units(), 2, 2)?;
    let mut invalid = 0;
    let mut text: String = char::decode_utf16(units())
        .map(|c| {
            c.unwrap_or_else(|_| {
                invalid += 1;
                REPLACEMENT
            })
        })
        .collect();
    if !bytes.len().is_multiple_of(2) {
        text.push(REPLACEMENT);
        invalid += 1;
    }
    Ok((text, invalid))
}

/// `raw` with every character that must not reach a terminal replaced by its stand-in, and how
/// many were replaced. Tab, line feed and the carriage return of a CRLF are kept.
fn shown_safely(raw: &str) -> (String, usize) {
    let mut text = String::with_capacity(raw.len());
    let mut replaced = 0;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        let line_structure = matches!(c, '\t' | '\n') || (c == '\r' && chars.peek() == Some(&'\n'));
        match stand_in(c).filter(|_| !line_structure) {
            Some(shown) => {
                text.push(shown);
                replaced += 1;
            }
            None => text.push(c),
        }
    }
    (text, replaced)
}

#[cfg(test)]
mod tests;
